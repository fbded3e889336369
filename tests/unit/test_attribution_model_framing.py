"""When a learned candidate may overlap a rule attribution's content (extract/attribution_model.py
``_frames_rule_statements``): only as a statement around it, never as its reporter or itself."""
from __future__ import annotations

from rashomon.extract.attribution_model import Candidate, _frames_rule_statements
from rashomon.models import Attribution, Span, Speaker

TEXT = "The campaign says the senator will announce a housing plan on Friday."


def _rule(chain=()):
    s = TEXT.index("the senator")
    cue = TEXT.index("announce")
    content = (TEXT.index("a housing"), len(TEXT) - 1)
    sp = Speaker(name="senator", start=s, end=s + 11, text="the senator")
    return Attribution(id="at:t1:a", article="t1", speaker=sp, cue="announce", cue_start=cue, cue_end=cue + 8,
                       content=[Span(article="t1", start=content[0], end=content[1], text=TEXT[content[0]:content[1]])],
                       chain=[sp, *chain])


def _outer():
    return Candidate(cue=(13, 17), source=(0, 12), contents=[(TEXT.index("the senator"), len(TEXT) - 1)], confidence=0.9)


def test_a_statement_around_a_rule_statement_may_overlap_it():
    assert _frames_rule_statements(_outer(), Speaker(name="campaign"), [_rule()])


def test_a_candidate_sharing_content_without_the_rule_cue_is_refused():
    inner_only = Candidate(cue=(13, 17), source=(0, 12), contents=[(TEXT.index("a housing"), len(TEXT) - 1)], confidence=0.9)
    assert not _frames_rule_statements(inner_only, Speaker(name="campaign"), [_rule()])


def test_a_reporter_already_in_the_rule_chain_is_refused():
    rule = _rule(chain=(Speaker(name="campaign"),))
    assert not _frames_rule_statements(_outer(), Speaker(name="campaign"), [rule])


def test_content_apart_from_every_rule_statement_is_free():
    apart = Candidate(cue=(13, 17), source=(0, 12), contents=[(0, 12)], confidence=0.9)
    assert _frames_rule_statements(apart, Speaker(name="campaign"), [_rule()])
