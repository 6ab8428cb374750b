"""False "not found" and wrong lines for a question that asks what period a figure covers, quotes the figure it
means, or names its source with "per".

- "Over what timeframe is that measured?", "what time period is the figure for?", "what dates do the figures
  span?" ask for a period, which dates give (`wants.WANTS_PERIOD`); "timeframe", "measured", "period", "span",
  "cover" only frame that ask and are no topic a line must repeat (`judge.FRAMING`). "What time period" asks no
  clock time.
- A figure the question quotes ("the 4,215 fewer crimes") names the line that prints it: a line with another
  figure ("9% fewer crimes") is no answer, and when no line prints it nothing is quoted (`judge.quoted_figures`).
- A question in two parts whose best line for one part is the line already quoted for the other takes the next
  line when it holds more of that part's own words ("how much does the trust need, and what deficit?": the line on
  what is needed, not the deficit's line twice; `passages._own_line`).
- "per the heritage notes" says whose account, as "according to" does (`asking.as_per`): its words choose the
  source and are not the topic, and "per" is no topic word; "per 1,000" and "per head" still say what a figure is.

Pinned on a release this test writes (another force, another county, other figures).
"""

from __future__ import annotations

import pytest

from assistant.answer.asking import as_per
from assistant.answer.judge import quoted_figures
from assistant.answer.wants import wants
from generated_corpora import one_document_assistant


@pytest.mark.parametrize("question", [
    "the 4,215 fewer crimes - over what timeframe is that measured?",
    "what time period is the gazette's 31,562 figure for?",
    "which period do the burglary numbers cover?",
    "what dates do the robbery figures span?",
])
def test_a_period_asked_is_no_clock_time(question):
    asked = wants(question)
    assert (asked.duration or asked.date) and not asked.time, question


@pytest.mark.parametrize("question", ["what time does the hub open?", "how many crimes were recorded?"])
def test_other_asks_are_not_read_as_a_period(question):
    assert not wants(question).date and not wants(question).duration, question


@pytest.mark.parametrize("text, figures", [
    ("the 4,215 fewer crimes", {"4215"}),
    ("the gazette's 31,562 figure, 2.5% up", {"31562", "2.5"}),
    ("a £1.16m settlement over 2023 and 2024", {"1.16"}),  # years are no quoted figure
    ("item 12 at 10.30am on 24/25", set()),  # nor a label's number, a time or a year pair
])
def test_quoted_figures(text, figures):
    assert quoted_figures(text) == figures


def test_a_figure_reads_the_same_with_or_without_its_commas():
    for n in (1234, 56789, 4215000):
        assert quoted_figures(f"the {n:,} fewer") == quoted_figures(f"were {n} fewer") == {str(n)}


@pytest.mark.parametrize("question, source", [
    ("how long ago did it get its charter, per the heritage notes", {"heritag", "note"}),
    ("what was spent, as per the board's minutes?", {"board", "minut"}),
    ("what is the crime rate per 1,000 residents?", set()),
    ("how much per head is spent?", set()),
])
def test_per_names_a_source_only_before_its_name(question, source):
    assert as_per(question) >= source and (source or not as_per(question)), question


RELEASE = """# Brackwell Constabulary: crime falls across the county

In the 12 months to August 2026, there were 4,215 fewer crimes committed across Brackwell than in the previous 12 months – a reduction of almost 5%.

Nationally, police recorded 9% fewer crimes, excluding fraud, across England and Wales, with around 4.1 million offences in the year to March.

The number of recorded crimes increased between May and July 2026, before falling again in the autumn.

## Health update

The board was advised that the Vellmoor trust was in a position of deficit and £3.4 billion would be needed to meet the demands. There was a predicted system-wide deficit of around £45 million for the Vellmoor trust. It was expected that the trust would recover in time.

## Heritage notes

- 14 years since Borough charter 2012
- Collective fund established (£412k over 3 years)
"""


@pytest.fixture(scope="module")
def brackwell(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "brackwell", "brackwell-police-release-2026-09-30.md", RELEASE,
                                  "Brackwell Constabulary: crime falls across the county", "Brackwell Constabulary",
                                  "press release", "2026-09-30")


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("the 4,215 fewer crimes - over what timeframe is that measured?", "August 2026"),
    ("what time period does the 4,215 figure cover?", "August 2026"),
    ("how long ago did Brackwell get its borough charter, per the heritage notes", "14 years"),
])
def test_the_line_that_answers_is_quoted(brackwell, question, expected):
    answer = brackwell.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
def test_a_figure_no_line_prints_is_not_answered_from_another(brackwell):
    """"9% fewer crimes" shares the topic; it is not the 6,120 asked about, so nothing is quoted."""
    answer = brackwell.ask("the 6,120 fewer crimes across England and Wales - over what timeframe is that measured?")
    assert not answer.answerable, answer.text


@pytest.mark.slow
def test_each_part_gets_its_own_line(brackwell):
    answer = brackwell.ask("from the health update: how much does the vellmoor trust need and what was the predicted "
                           "system wide deficit")
    assert answer.answerable and "£3.4 billion" in answer.text and "£45 million" in answer.text, answer.text


@pytest.mark.slow
def test_a_line_that_answers_both_parts_is_enough(brackwell):
    answer = brackwell.ask("how much was the collective fund and over how many years?")
    assert answer.answerable and "£412k" in answer.text and "3 years" in answer.text, answer.text
