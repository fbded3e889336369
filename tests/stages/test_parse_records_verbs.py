"""The parse stage records where the verbs are, so later stages never parse again."""
from __future__ import annotations

from rashomon.extract.parse import parse
from rashomon.models import Article, ArticleAnnotations
from rashomon.pipeline import ArticleState


def test_parse_records_the_offsets_of_verbs_and_auxiliaries():
    text = "The mayor has closed the bridge. Engineers will inspect it."
    state = ArticleState(article=Article(id="a1", text=text), ann=ArticleAnnotations(article="a1"))
    parse(state)
    words = [text[i:].split()[0].strip(".") for i in state.ann.verbs]
    assert words == ["has", "closed", "will", "inspect"]
