"""What a sentence says moved, read for a claim about a rise or fall: not an activity's name ("crime
reduction", "the Violence Reduction Unit"), not an aim ("we must bring down harm"), and not the rise of a count
of something no crime word names ("905 extra officers")."""

from __future__ import annotations

import pytest

from assistant.claims.amounts import find_amounts, unit_words
from assistant.claims.directions import DOWN, UP
from assistant.claims.parse import CHANGE
from assistant.claims.prose import Fig, is_aspiration, trend_of
from assistant.claims.sentences import _counts_other_things


@pytest.mark.parametrize("text, direction", [
    ("Crime is now falling across the county.", DOWN),
    ("There were increase on robberies in the town.", UP),
    ("The board provides a platform to promote crime reduction through participation.", None),
    ("Funding for the Violence Reduction Unit was confirmed.", None),
    ("Harm reduction work continues with partners.", None),
    ("A reduction in crime was seen across the district.", DOWN),
])
def test_a_trend_is_a_movement_not_an_activitys_name(text, direction):
    assert trend_of(text) == direction


@pytest.mark.parametrize("text, direction", [
    ("Solving more crimes is increasing levels of public confidence in the local police.", None),
    ("Residents reported increased feelings of safety in the town centre.", None),
    ("Falling confidence in policing worries the panel.", None),
    ("Increased patrols have reduced burglary in the town.", DOWN),
    ("Rising shoplifting in the town centre was discussed.", UP),
    ("Crime is increasing steadily in the town.", UP),
    ("Crime increased overall.", UP),
    ("The number of burglaries increased again this year.", UP),
])
def test_a_change_word_on_a_noun_moves_that_noun(text, direction):
    """"Increasing levels of public confidence" is confidence rising, not crime, though the sentence is about
    crime; "increased patrols have reduced burglary" is a fall in burglary."""
    assert trend_of(text) == direction


@pytest.mark.parametrize("text", [
    "It is not enough simply to reduce the number of crimes: we must also bring down the harm it causes.",
    "My aim is to see crime reduced by a further 40%.",
])
def test_an_aim_is_no_fact(text):
    assert is_aspiration(text)


@pytest.mark.parametrize("text, other", [
    ("following our investment in 905 extra officers", True),
    ("funding for 11 new cameras", True),
    ("there were 328 more burglaries", False),
    ("with 174 fewer serious incidents involving a knife", False),
    ("9,470 fewer crimes were recorded", False),
])
def test_a_count_of_something_no_crime_word_names_is_not_the_crimes_movement(text, other):
    amount = find_amounts(text)[0]
    fig = Fig(amount, CHANGE, UP, topics=(), measure="offences", places=(), unit=unit_words(text[amount.end:]),
              before="")
    assert _counts_other_things(fig) == other
