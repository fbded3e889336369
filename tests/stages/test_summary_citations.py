"""Summary: every sentence cites claims that support it, disputed points are attributed to both
sides, and nothing one side alone asserts is stated as established (fixture written for these
tests, and the Kursk seed dossier)."""
from __future__ import annotations

from dossier_fixture import make_dossier
from rashomon.analyse.summary import check_summary, claim_named, quotes_of, summary_of


def test_every_sentence_cites_claims_that_support_it():
    d = make_dossier()
    d.summary = summary_of(d)
    assert d.summary
    assert all(s.cites for s in d.summary)
    assert check_summary(d) == []


def test_disputed_points_name_both_speakers_and_quote_both_claims():
    d = make_dossier()
    disputed = [s for s in summary_of(d) if s.section == "disputed"]
    assert disputed
    first = disputed[0].text
    assert "Ivan Petrenko" in first and "Maria Kovalenko" in first
    assert "Three officers were injured by rioters" in first and "Not a single officer was hurt" in first


def test_only_clusters_backed_by_several_independent_sources_are_established():
    d = make_dossier()
    established = [s for s in summary_of(d) if s.section == "established"]
    one_source = {"c0-2", "c1-2", "c2-2", "c2-1"}
    assert established and not any(set(s.cites) & one_source for s in established)
    for s in established:
        assert "sources" in s.text.lower()  # stated with its sources, never bare


def test_the_checker_catches_an_uncited_a_misquoted_and_an_unnamed_sentence():
    from rashomon.models import SummarySentence

    d = make_dossier()
    d.summary = [SummarySentence(text="Police cleared the square.", cites=[]),
                 SummarySentence(text="Ivan Petrenko said “five officers were injured”.", cites=["c1-2"]),
                 SummarySentence(text="Someone said “Three officers were injured by rioters”.", cites=["c1-2"])]
    problems = check_summary(d)
    assert any("cites nothing" in p for p in problems)
    assert any("five officers" in p for p in problems)
    assert any("not named" in p for p in problems)


def test_quotes_are_split_at_ellipses_and_claims_are_named_by_speaker_or_outlet():
    assert quotes_of("X said “a b … c d”.") == ["a b", "c d"]
    d = make_dossier()
    arts = {a.id: a for a in d.articles}
    c = next(c for c in d.claims if c.id == "c0-4")  # narration of Harbor Times
    assert claim_named("Harbor Times reported it.", c, arts)
    assert not claim_named("Someone reported it.", c, arts)


def test_summary_is_deterministic():
    assert summary_of(make_dossier()) == summary_of(make_dossier())


def test_kursk_summary_meets_the_citation_criterion(kursk_dossier):
    assert check_summary(kursk_dossier) == []
    assert kursk_dossier.summary and all(s.cites for s in kursk_dossier.summary)


def test_a_cluster_with_a_single_claim_is_never_established_even_if_labelled_cross_side():
    from rashomon.models import Source

    d = make_dossier()
    k6 = next(k for k in d.clusters if k.id == "k6")  # one narration claim of one outlet
    k6.corroboration = "cross_side"
    k6.sources = [Source(name="State Herald", side="government", claims=["c1-3"]), Source(name="someone", side="protesters")]
    established = [s for s in summary_of(d) if s.section == "established"]
    assert not any("c1-3" in s.cites for s in established)
