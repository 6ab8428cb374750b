"""The closeness gate: what it sees of a candidate line (`Judge.closeness_of`) and the rules it refuses by.

Pinned as properties over lines of every shape: a line within the rules is close enough; a line far in meaning
that names nothing, one whose passage holds too little of the topic, and one matched only loosely to a question
with a word no document uses are not; more meaning or more of the topic never breaks a rule a line kept. And on a
briefing this test writes, asked three ways, the gate sees the line holding the topic as holding more of it and
lacking less than a line nearby about something else, and refuses that other line.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from assistant.answer import closeness
from assistant.answer.closeness import Closeness, close_enough
from generated_corpora import one_document_assistant


def grid() -> list[Closeness]:
    """Lines of every shape the gate meets: near and far, holding much of the topic or little, naming it or not."""
    return [Closeness(similarity=s, coverage=c, own_coverage=c, named=n, names_it=ni, missing=1 - c, retrieved=0.5,
                      figure=f, unknown=u, topical=t)
            for s, c, n, ni, f, u, t in itertools.product((0.1, 0.29, 0.3, 0.5, 0.69, 0.7, 0.9),
                                                          (0.0, 0.3, 0.54, 0.55, 0.8, 1.0), (0.0, 1.0), (0.0, 1.0),
                                                          (0.0, 1.0), (0.0, 1.0), (0.0, 1.0))]


def test_a_line_within_the_rules_is_close_enough_and_one_breaking_any_is_not():
    lines = grid()
    assert any(close_enough(line) for line in lines) and not all(close_enough(line) for line in lines)
    for line in lines:
        assert close_enough(line) is not any(line.broken())


def test_far_in_meaning_naming_nothing_is_never_close_enough():
    assert not any(close_enough(line) for line in grid() if line.similarity < closeness.MIN_DENSE and not line.named)


def test_a_word_no_document_uses_needs_a_line_very_close_in_meaning():
    assert not any(close_enough(line) for line in grid()
                   if line.unknown and line.similarity < closeness.MIN_DENSE_UNKNOWN)


def test_a_passage_holding_too_little_of_the_topic_is_refused_unless_it_prints_the_name_and_is_very_close():
    for line in grid():
        if line.topical and line.coverage < closeness.MIN_TOPIC_COVERAGE and not line.unknown:
            assert close_enough(line) is bool(line.names_it and line.similarity >= closeness.MIN_DENSE_UNKNOWN)


@pytest.mark.parametrize("feature", ["similarity", "coverage", "named", "names_it"])
def test_more_meaning_or_topic_never_breaks_a_rule_a_line_kept(feature):
    for line in grid():
        more = dataclasses.replace(line, **{feature: min(getattr(line, feature) + 0.25, 1.0)})
        assert close_enough(more) or not close_enough(line)


BRIEFING = """# Dunmere Community Safety Briefing

## Youth outreach

The Dunmere youth outreach van visited 14 estates over the summer holidays.
The van team handed out 900 water bottles at the seafront.

## Parking

Parking enforcement officers issued 212 penalty notices in the town centre.
"""


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "closeness", "dunmere-briefing-2025-09-01.md", BRIEFING,
                                  "Dunmere Community Safety Briefing", "Dunmere Partnership", "briefing", "2025-09-01")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How many estates did the youth outreach van visit?",
    "how many estates did the outreach van get to over the summer",
    "Number of estates the Dunmere youth van went to?",
])
def test_the_gate_sees_the_line_holding_the_topic_as_closer(briefing, question):
    from assistant.answer.facts import facts_for
    from assistant.answer.judge import Judge
    from assistant.understand.question import parse

    index = briefing.index
    facts = facts_for(index)
    judge = Judge(question, parse(question), index, facts)
    lines = {facts.text(s): i for i, s in enumerate(index.sentences)}
    holding = next(i for text, i in lines.items() if "14 estates" in text)
    parking = next(i for text, i in lines.items() if "penalty notices" in text)
    near, far = judge.closeness_of(holding, 0.6), judge.closeness_of(parking, 0.6)
    assert near.coverage > far.coverage and near.missing < far.missing
    assert all(0.0 <= value <= 1.0 for value in dataclasses.astuple(near) + dataclasses.astuple(far))
    assert close_enough(near) and not close_enough(far)
