"""Cross-article date inference on small dossiers built here: a relative date in an undated
article that reports what another article dates gives the undated one a publication date."""
import pytest

from rashomon.models import Article, ArticleAnnotations, Claim, Cluster, Dossier
from rashomon.pipeline import ArticleState, CorpusState


@pytest.fixture(scope="module")
def corpus(nlp):
    """``corpus([(id, text, published), ...], clusters=None) -> CorpusState`` after the parse and
    times stages per article; ``clusters`` = list of lists of (article id, sentence text) that
    form one claim cluster each."""
    from rashomon.extract.parse import parse
    from rashomon.extract.times import extract_times

    def build(items, clusters=None):
        arts, anns = [], {}
        for i, (aid, text, pub) in enumerate(items):
            art = Article(id=aid, index=i, text=text, published=pub, published_source="metadata" if pub else None)
            st = ArticleState(article=art, ann=ArticleAnnotations(article=aid))
            parse(st)
            extract_times(st)
            arts.append(art)
            anns[aid] = st.ann
        d = Dossier(articles=arts)
        for a in arts:
            d.times += anns[a.id].times
        for k, members in enumerate(clusters or []):
            ids = []
            for aid, sent in members:
                art = next(a for a in arts if a.id == aid)
                s = art.text.index(sent)
                cid = f"c{len(d.claims)}"
                tids = [t.id for t in anns[aid].times if s <= t.start and t.end <= s + len(sent)]
                d.claims.append(Claim(id=cid, article=aid, text=sent, start=s, end=s + len(sent), cluster=f"k{k}", times=tids))
                ids.append(cid)
            d.clusters.append(Cluster(id=f"k{k}", label="", claims=ids))
        return CorpusState(dossier=d, annotations=anns)

    return build


def _run(state):
    from rashomon.link.dates import infer_dates

    infer_dates(state)
    arts = {a.id: a for a in state.dossier.articles}
    times = {(t.article, t.text): t for t in state.dossier.times}
    return arts, times


DATED = ("The state election commission certified the results of the governor's race on November 8, "
         "ending a week of recounts in three counties.")


def test_today_takes_the_date_the_other_article_gives(corpus):
    st = corpus([
        ("dated", DATED, "2024-11-09"),
        ("undated", "The state election commission certified the results of the governor's race today, "
                    "after recounts in three counties. Last week the challenger had asked for a new count.", None),
    ])
    arts, times = _run(st)
    a = arts["undated"]
    assert a.published == "2024-11-08" and a.published_source == "inferred"
    assert "today" in a.published_reason and "dated" in a.published_reason and "2024-11-08" in a.published_reason
    assert times[("undated", "today")].value == "2024-11-08"
    assert times[("undated", "today")].anchor == "inferred_publication"
    assert times[("undated", "Last week")].value == "2024-W44"


def test_weekday_gives_the_earliest_consistent_date(corpus):
    st = corpus([
        ("dated", DATED, "2024-11-09"),
        ("undated", "The state election commission said on Friday that it had certified the results of the "
                    "governor's race after recounts in three counties.", None),
    ])
    arts, times = _run(st)
    assert arts["undated"].published == "2024-11-08"  # November 8, 2024 was a Friday
    assert "earliest" in arts["undated"].published_reason
    assert times[("undated", "Friday")].value == "2024-11-08"


def test_weekday_that_disagrees_with_the_other_date_gives_nothing(corpus):
    st = corpus([
        ("dated", DATED, "2024-11-09"),
        ("undated", "The state election commission said on Tuesday that it had certified the results of the "
                    "governor's race after recounts in three counties.", None),
    ])
    arts, times = _run(st)
    assert arts["undated"].published is None
    assert times[("undated", "Tuesday")].value is None
    assert times[("undated", "Tuesday")].reason == "relative to an unknown publication date"


def test_unrelated_story_is_not_dated_but_gets_a_lower_bound(corpus):
    st = corpus([
        ("dated", DATED, "2024-11-09"),
        ("storm", "A tropical storm flooded the harbour today. The same coast was hit by a hurricane on "
                  "September 28, 2024, when two bridges collapsed.", None),
    ])
    arts, times = _run(st)
    assert arts["storm"].published is None
    assert arts["storm"].published_after == "2024-09-28"
    assert times[("storm", "today")].value is None


def test_articles_with_a_publication_date_are_not_changed(corpus):
    st = corpus([
        ("dated", DATED, "2024-11-09"),
        ("other", "The state election commission certified the results of the governor's race today.", "2024-11-12"),
    ])
    arts, times = _run(st)
    assert arts["other"].published == "2024-11-12" and arts["other"].published_source == "metadata"
    assert times[("other", "today")].value == "2024-11-12"
    assert times[("other", "today")].anchor == "publication"


def test_shared_claim_cluster_links_the_sentences(corpus):
    dated_sent = "Jurors convicted the former mayor of bribery on March 14, 2025."
    undated_sent = "A jury in the capital found him guilty yesterday on all counts."
    st = corpus([
        ("trial-a", dated_sent + " He faces up to ten years in prison.", "2025-03-15"),
        ("trial-b", "The former mayor's lawyers vowed to appeal. " + undated_sent, None),
    ], clusters=[[("trial-a", dated_sent), ("trial-b", undated_sent)]])
    arts, times = _run(st)
    assert arts["trial-b"].published == "2025-03-15"  # "yesterday" was March 14
    assert "same claim cluster" in arts["trial-b"].published_reason
    assert times[("trial-b", "yesterday")].value == "2025-03-14"
