"""Who came in another's place is among those present, not in the apologies: "who came since X couldn't make
it?", "who attended on behalf of Y?" ask for the substitute. A question about who was away, or who stood in for
someone (minutes write "Apologies: X (represented by W)"), still asks for the apologies."""

from __future__ import annotations

import pytest

from assistant.answer.particulars import asked


@pytest.mark.parametrize("question", [
    "Who came to the board since Tom Ashdown couldn't make it?",
    "Who attended on behalf of the Fenmoor Housing Trust?",
    "Which officer came to the October meeting, as Inspector Vale was unable to attend?",
])
def test_a_substitute_is_asked_among_those_present(question):
    assert asked(question).name == "present"


@pytest.mark.parametrize("question", [
    "Who sent apologies for the July board?",
    "Who couldn't attend the board?",
    "Who was absent as well as Dr Lee?",
])
def test_who_was_away_is_still_the_apologies(question):
    assert asked(question).name == "apologies"


def test_who_stood_in_is_not_looked_for_among_those_present():
    """Minutes write the stand-in beside the apology ("Dr Lee (represented by W)"), not in the list present."""
    particular = asked("who stood in for the district commander at the October meeting")
    assert particular is None or particular.name != "present"
