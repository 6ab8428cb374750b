"""The sentence of the kind a question asks for (classes from unseen_mere_blind and passages_blind_m), on documents
this test generates for another council with made-up names, areas and dates, asked in several wordings.

- "Who won the contract?": a line saying whom it was awarded to, not one naming a councillor beside the cameras.
- "Which area felt safest?": a line naming an area, not one opening a bullet with "Women ...".
- "When is the next board after the December one?": a date after the December meeting (the year of "the December
  one" is that of the document dated in December), not the September meeting's own date.
- "After the March board, when's the next one?": the first of the listed dates after March, not a later one.
- "What was the RAG status of the X action?": the action plan's row for X, read with its cells' headers.
- "List the risks in the X update report": the bullets under "Risks" in that report; two wordings not yet (strict
  xfails): a rule for them was written and dropped, as it made an unseen question on another council's papers wrong.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import timing
from assistant.answer.wants import wants
from generated_corpora import coined, coined_person

RNG = random.Random(4411)
COUNCIL = coined(RNG)
AREAS = [f"{coined(RNG)}{suffix}" for suffix in ("ton", "ford", "ley", "wick")]
FIRM = f"{coined(RNG)} Security Systems Ltd"
CLLR = coined_person(RNG)
LOW, HIGH = 41, 77
GATES_LEAD = f"{coined(RNG)} Housing Trust"
SCHEME = f"ShopWatch {coined(RNG)}"
RISKS = [f"Supplier lead times for CCTV cameras may delay the {coined(RNG)} upgrade.",
         f"Retailer take-up of {SCHEME} is below target.",
         f"Landowner consent is outstanding for two of the {AREAS[2]} alley gates."]
OTHER_RISKS = [f"The {coined(RNG)} Analyst post becomes vacant on 31 March 2028.",
               "Rising shoplifting may affect town centre footfall."]

SEPTEMBER = f"""# {COUNCIL} District Council

## Safer {COUNCIL} Partnership Board

Date: Thursday 16 September 2027

## Item 5: Community Safety Update and Action Plan 2027/28

### 4. Progress

4.2 The contract to replace 12 town centre CCTV cameras with high-definition cameras was awarded to {FIRM} on 2 August 2027, at a cost of £104,200.

4.3 Members were reminded that the partnership meets quarterly.

### 5. Survey

• Women were less likely than men to feel safe after dark ({LOW + 3}% compared with {HIGH - 9}%).

• Feeling safe after dark was lowest in {AREAS[0]} ({LOW}%) and highest in {AREAS[1]} ({HIGH}%).

### 6. Risks

""" + "\n\n".join(f"• {risk}" for risk in RISKS) + f"""

### Appendix A: Action Plan 2027/28 (RAG status at 31 August 2027)

| Ref | Action | Lead | Target date | RAG | Update |
|---|---|---|---|---|---|
| A1 | Deliver summer patrols in {AREAS[0]} | Police | 30 September 2027 | Green | On track |
| A2 | Sign up 40 retailers to {SCHEME} | Business Improvement District | 31 October 2027 | Amber | 27 signed up |
| A3 | Install 6 alley gates in {AREAS[2]} | {GATES_LEAD} | 31 August 2027 | Red | Overdue |
"""

DECEMBER = f"""# Safer {COUNCIL} Partnership Board

Minutes of the meeting held on Thursday 9 December 2027 at 10.00 am in Committee Room 2, {COUNCIL} Civic Centre

## 1. Cameras

{CLLR}, cabinet member for communities, said the council was replacing town centre CCTV cameras and would consult on new rules.

## 9. Date of next meeting

Thursday 9 March 2028 at 2.00 pm at {AREAS[3]} Community Hub.
"""

REVIEW = f"""# {COUNCIL} District Council

## Scrutiny review of the Safer {COUNCIL} Partnership

### 6. Risks and issues

""" + "\n".join(f"- {risk}" for risk in OTHER_RISKS) + """

### 7. Dates of the next board meetings:

- Thursday 9 March 2028

- Friday 14 July 2028

- Friday 10 November 2028
"""

FILES = {
    "agenda-pack-2027-09-16.md": (SEPTEMBER, f"{COUNCIL} District Council", "agenda pack", "2027-09-16"),
    "minutes-2027-12-09.md": (DECEMBER, f"Safer {COUNCIL} Partnership: minutes", "minutes", "2027-12-09"),
    "scrutiny-review-2028-02-08.md": (REVIEW, f"{COUNCIL} District Council", "scrutiny report", "2028-02-08"),
}


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("select-kinds")
    for name, (text, *_rest) in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": name, "title": title, "publisher": f"{COUNCIL} District Council", "kind": kind, "date": date}
        for name, (_, title, kind, date) in FILES.items()]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("select-kinds-index")
    build_index(corpus, index)
    return Assistant.load(index)


def _quoted(answer) -> str:
    return " ".join(c.quote for c in answer.citations)


@pytest.mark.parametrize("question", [
    "who won the contract for the new town centre cameras",
    "which firm got the cctv replacement contract",
    "who was awarded the town centre camera contract?",
])
def test_who_won_is_the_line_saying_whom_it_was_awarded_to(council, question):
    answer = council.ask(question)
    assert FIRM in _quoted(answer) and CLLR not in _quoted(answer)


@pytest.mark.parametrize("question", [
    "which area felt safest after dark",
    "where did residents feel least safe after dark?",
    "in which area was feeling safe after dark highest",
])
def test_which_area_is_a_line_naming_an_area(council, question):
    quoted = _quoted(council.ask(question))
    assert AREAS[0] in quoted and AREAS[1] in quoted


@pytest.mark.parametrize("question", [
    "when is the next safer board after the december one",
    "after the december meeting, when does the board next meet?",
    "what's the date of the board meeting following the december one",
])
def test_next_after_a_month_is_after_that_months_meeting(council, question):
    quoted = _quoted(council.ask(question))
    assert "9 March 2028" in quoted and "16 September 2027" not in quoted


@pytest.mark.parametrize("question", [
    "after the march 2028 board, when's the next one after that",
    "following the march 2028 meeting, when is the next one?",
])
def test_next_after_a_dated_meeting_is_the_first_date_after_it(council, question):
    quoted = _quoted(council.ask(question))
    assert "14 July 2028" in quoted and "10 November 2028" not in quoted


@pytest.mark.parametrize("question", [
    "what was the rag status of the alley gates action in the september action plan",
    "what's the rag rating for the alley gates action",
    "who is the lead for the alley gates action?",
])
def test_a_row_asked_by_a_cells_header_is_that_row(council, question):
    quoted = _quoted(council.ask(question))
    assert "Red" in quoted and GATES_LEAD in quoted


NOT_YET = pytest.mark.xfail(strict=True, reason="the whole list under a named report's heading: not answered yet")


@pytest.mark.parametrize("question", [
    pytest.param("list the risks in the community safety update report", marks=NOT_YET),
    pytest.param("which risks does the community safety update paper highlight", marks=NOT_YET),
    "what risks are identified in the community safety update report?",
])
def test_the_list_under_the_named_reports_heading(council, question):
    quoted = _quoted(council.ask(question))
    assert all(risk.rstrip(".") in quoted for risk in RISKS) and not any(r.rstrip(".") in quoted for r in OTHER_RISKS)


@pytest.mark.parametrize("question, won", [
    ("who won the contract?", True), ("which company was awarded the tender", True), ("who chaired it?", False),
    ("who won the election", True), ("what did the contract cost?", False),
])
def test_winner_asked(question, won):
    assert wants(question).winner is won


@pytest.mark.parametrize("line", [
    "Councillor Ann Vale said the council was replacing the cameras.",
    "Update: Contract awarded 3 August 2026; camera supply delayed",
])
def test_a_line_without_whom_it_went_to_names_no_winner(line):
    assert not wants("who won the contract for the cameras?").fits(line)


@pytest.mark.parametrize("line", [
    "The contract was awarded to Orvale Systems Ltd in May.",
    "Orvale Systems Ltd won the tender to supply cameras.",
    "The tender was won by Orvale Systems Ltd.",
])
def test_a_line_saying_whom_it_went_to_names_the_winner(line):
    assert wants("who won the contract for the cameras?").fits(line)


def test_a_bullets_first_word_is_no_place():
    asks = wants("which area felt safest after dark?")
    assert not asks.fits("• Women were less likely than men to feel safe after dark (51% compared with 66%).")
    assert asks.fits("• Feeling safe after dark was highest in Brenmoor (72%).")


@pytest.mark.parametrize("month, number", [("december", 12), ("november", 11), ("june", 6)])
def test_a_month_without_its_year_is_the_month_a_document_is_dated_in(month, number):
    year = RNG.randrange(2020, 2035)
    question = f"when is the next board after the {month} one?"
    dated = {(year, number), (year - 1, 3)}
    earlier = f"Date: Thursday 2 {['January', 'February', 'March', 'April', 'May'][number % 5]} {year}"
    later = f"Thursday 9 March {year + 1} at 2.00 pm"
    assert timing.not_after_month(question, earlier, f"{year}-{number:02d}-01", dated)
    assert not timing.not_after_month(question, later, f"{year}-{number:02d}-01", dated)
    assert not timing.not_after_month(question, earlier, f"{year}-{number:02d}-01")  # no document dated so: no year


@pytest.mark.parametrize("question", [
    "when and where is the march 2028 board meeting",
    "what time does the march 2028 board meeting start?",
])
def test_a_meeting_named_by_month_is_not_another_meetings_line(council, question):
    quoted = _quoted(council.ask(question))
    assert "9 March 2028" in quoted and "9 December 2027" not in quoted


def test_a_day_the_question_lacks_is_a_new_date():
    asks = wants("when is the March 2028 board meeting?")
    assert asks.fits("Thursday 9 March 2028 at 2.00 pm at the Community Hub.", "when is the March 2028 board meeting?")
    assert not asks.fits("The board meets in March 2028.", "when is the March 2028 board meeting?")


@pytest.mark.parametrize("line, other", [
    ("Minutes of the meeting held on Thursday 9 December 2027 in Committee Room 2", True),
    ("Thursday 9 March 2028 at 2.00 pm at the Community Hub.", False),
    ("Venue to be confirmed.", False),
])
def test_a_line_dating_another_month_is_another_occasion(line, other):
    assert bool(timing.other_occasion("when and where is the march 2028 board meeting?", line)) is other


def test_a_day_beside_a_month_whose_day_is_unknown_is_another_things():
    question = "what is the date of the face the public meeting in January 2028?"
    line = "The update meeting will be held on 10 January 2028 and the public meeting in January 2028 (date to be confirmed)."
    assert not wants(question).fits(line, question)


@pytest.mark.parametrize("line", ["Congratulations to Ann Vale MP who won the election on 4 July.",
                                  "In the end the tender went to Orvale Ltd."])
def test_a_winner_named_before_who_won(line):
    assert wants("who won the election?").fits(line)


def test_a_meeting_counted_from_is_not_the_occasion_asked():
    assert not timing.other_occasion("when's the next board after the 5 December 2027 meeting?",
                                     "Friday 10 March 2028")


def test_a_meeting_that_followed_another_counts_from_it():
    assert not timing.other_occasion("when was the board meeting that followed the July 2027 one planned for?",
                                     "The date for the next meeting would be 1st November 2027.")
