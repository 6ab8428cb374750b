"""A quarter asked about is shorter than any rolling year the tables print: it is named as not covered, never read as
the tables' year before or latest year. "A quarter of all crime" is a share, not a period."""

from __future__ import annotations

import pytest

from assistant.understand.periods import read_periods


@pytest.mark.parametrize("text", ["and the same quarter the year before?",
                                  "how many burglaries in the first quarter of 2025?",
                                  "did shoplifting rise over the summer quarter?",
                                  "what about the quarter before?"])
def test_a_quarter_is_named_as_not_covered(text):
    read = read_periods(text)
    assert any("less than a year" in str(reason) for reason in read.reasons), read


@pytest.mark.parametrize("text", ["is a quarter of all crime shoplifting?", "three quarters of offences"])
def test_a_quarter_of_something_is_no_period(text):
    assert not any("less than a year" in str(reason) for reason in read_periods(text).reasons)
