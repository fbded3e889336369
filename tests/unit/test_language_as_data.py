"""Language at ingest (``Article.language``) and language-keyed model getters."""
from __future__ import annotations

import pytest

from rashomon import nlp
from rashomon.ingest import read_inputs
from rashomon.ingest.language import detect_language

ENGLISH = ("The mayor said on Tuesday that the bridge would be closed for two weeks while engineers "
           "checked the supports, and that buses would run on the old road until it was open again.")
GERMAN = ("Der Bürgermeister sagte am Dienstag, die Brücke werde zwei Wochen lang gesperrt, während "
          "Ingenieure die Pfeiler prüfen; Busse fahren bis dahin über die alte Landstraße durch das Tal.")


def test_english_text_is_tagged_en_by_function_words():
    assert detect_language(ENGLISH) == ("en", "function_words")


def test_non_english_text_gets_no_language_code():
    assert detect_language(GERMAN) == (None, "function_words")


def test_text_too_short_to_tell_defaults_to_english_and_says_so():
    assert detect_language("Bridge closed.") == ("en", "default")


def test_ingest_sets_article_language_and_keeps_the_note(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GERMAN, encoding="utf-8")
    res = read_inputs([tmp_path])
    by_id = {a.id: a for a in res.articles}
    assert (by_id["a"].language, by_id["a"].language_source) == ("en", "function_words")
    assert by_id["b"].language is None
    assert any("'b'" in n and "English" in n for n in res.notes)


@pytest.mark.parametrize("getter", [nlp.get_nlp, nlp.get_encoder, nlp.get_sentence_transformer])
def test_model_getters_refuse_a_language_without_a_model(getter):
    with pytest.raises(nlp.UnsupportedLanguage, match="'ru'"):
        getter("ru")
