"""Dates and periods from the right line, and the newest word on a thing.

- "What period does the X Plan cover?" is not answered by a line whose only span of years follows another
  thing's name ("... and the Y Prevention Strategy 2021-2025"); a span printed after the thing's own name
  (a file name "X-Plan-2024-2028.pdf", a heading "Local Plan 2013 - 2036") answers;
- "what dates did the survey run?" is not answered by "Survey 2026: headline results": a year dates no run of days;
- "when is the assessment coming back to the board?" asks a date still to come, which "the first assessment was
  agreed in January 2024" does not give;
- "what date were the grants awarded?" is not answered by the May pack's "awards will be announced by 30 June"
  when the July minutes, written later, say "awarded on 26 June": a plan gives way to the newest document's word.

Built on generated councils, schemes, years and phrasings, not on one corpus.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import timing
from generated_corpora import coined, coined_person

RNG = random.Random(20261207)
YEAR = RNG.randint(2027, 2034)
COUNCIL, FUND, SCHEME, PLAN, OTHER, AREA, CAMERAS = (coined(RNG) for _ in range(7))
LEAD, CHAIR = coined_person(RNG), coined_person(RNG)

PACK = f"""# {COUNCIL} Community Safety Partnership Board: agenda pack

Date: Thursday 14 May {YEAR}

## 6. {FUND} Fund grant round

The {FUND} Fund grant round opened on 16 March {YEAR} and closed on 17 April {YEAR}; 19 applications were received.

- A panel will score the {FUND} Fund applications on 20 May {YEAR} and awards will be announced by 30 June {YEAR}.

## 7. {SCHEME} radio scheme

- The {SCHEME} radio scheme will be extended from 24 to 40 shops by 31 July {YEAR}.

- Twelve new {CAMERAS} CCTV cameras will be installed in September {YEAR}.

## 8. Priorities

The priorities reflect the new {PLAN} Police and Crime Plan and the {OTHER} Crime Prevention Strategy {YEAR - 3}-{YEAR + 1}.

The partnership continues to support the new {PLAN} Police and Crime Plan, published as {PLAN}-Police-and-Crime-Plan-{YEAR}-{YEAR + 4}.pdf this spring.

## 9. {AREA} Residents' Safety Survey {YEAR}: headline results

1,486 {AREA} residents replied to the residents' safety survey, a response rate of 14%.

The residents' safety survey fieldwork was carried out between 2 February and 13 March {YEAR}.

## 10. Serious violence needs assessment

The first {AREA} serious violence needs assessment was agreed in January {YEAR - 2} and is now being refreshed.

The final serious violence needs assessment will be brought to the Board on 15 October {YEAR} for sign-off.
"""

MINUTES = f"""# {COUNCIL} Community Safety Partnership Board: minutes

Minutes of the meeting held on Thursday 23 July {YEAR}.

## 6. {FUND} Fund: awards

{LEAD} reported that the panel met on 20 May {YEAR} and that 11 {FUND} Fund grants were awarded on 26 June {YEAR}.

The {FUND} Fund awards will be published on the council website by 31 August {YEAR}.

## 7. {SCHEME} radio scheme and {CAMERAS} CCTV

As at 20 July {YEAR}, 33 of the 40 {SCHEME} radio scheme shops had joined.

Because of a delay in the fibre connection, installation of the {CAMERAS} CCTV cameras will now start on 5 October {YEAR}.

## 8. Any other business

{CHAIR} thanked members for their attendance.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("newest-word")
    documents = []
    for file, text, title, date in ((f"board-pack-{YEAR}-05-14.md", PACK, f"{COUNCIL} board: agenda pack", f"{YEAR}-05-14"),
                                    (f"board-minutes-{YEAR}-07-23.md", MINUTES, f"{COUNCIL} board: minutes",
                                     f"{YEAR}-07-23")):
        (corpus / file).write_text(text, encoding="utf-8")
        documents.append({"file": file, "title": title, "publisher": f"{COUNCIL} Council", "kind": "board agenda pack",
                          "date": date})
    (corpus / "manifest.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")
    index = tmp_path_factory.mktemp("newest-word-index")
    build_index(corpus, index)
    return Assistant.load(index)


def _said(assistant, question: str) -> str:
    return assistant.ask(question).text


@pytest.mark.parametrize("question", [
    f"what period does the new {PLAN} police and crime plan cover",
    f"which years does the {PLAN} police and crime plan cover",
    f"what years does the {PLAN} police and crime plan cover?",
])
def test_a_span_after_another_name_is_that_things_span(assistant, question):
    said = _said(assistant, question)
    assert f"{YEAR}-{YEAR + 4}" in said, said
    assert f"{YEAR - 3}-{YEAR + 1}" not in said, said


@pytest.mark.parametrize("question", [
    "what dates did the residents survey fieldwork run",
    f"which dates was the {AREA} residents' safety survey carried out between",
])
def test_a_year_is_no_dates_of_a_run(assistant, question):
    said = _said(assistant, question)
    assert "13 March" in said, said


@pytest.mark.parametrize("question", [
    "when is the finished serious violence needs assessment coming back to the board",
    "when is the final needs assessment going to the board",
    "when is the serious violence needs assessment being brought back to the board",
])
def test_a_date_to_come_is_not_a_date_of_what_was_done(assistant, question):
    said = _said(assistant, question)
    assert "15 October" in said, said
    assert "January" not in said, said


@pytest.mark.parametrize("question", [
    f"what date were the {FUND} fund grants awarded",
    f"when were the {FUND} fund grants awarded",
    f"on what date did the {FUND} fund awards get made",
])
def test_a_plan_gives_way_to_a_later_documents_word(assistant, question):
    said = _said(assistant, question)
    assert "30 June" not in said, said


@pytest.mark.parametrize("question", [
    f"what was the original date the {FUND} fund awards were to be announced by",
    f"according to the May {YEAR} pack, by when would the {FUND} fund awards be announced",
])
def test_the_first_word_is_kept_when_it_is_asked_for(assistant, question):
    said = _said(assistant, question)
    assert "26 June" not in said, said


# The question patterns, on phrasings of their own.
@pytest.mark.parametrize("question, asked", [
    ("What period does the Local Plan cover?", True),
    ("the cultural strategy runs over what years", True),
    ("how long does the youth strategy run for?", True),
    ("Which years does the plan span?", True),
    ("What period does the 4,215 figure cover?", True),
    ("When did the plan start?", False),
    ("How many years of funding were agreed?", False),
])
def test_a_span_of_a_thing_is_asked(question, asked):
    assert bool(timing.THING_SPAN_ASKED.search(question)) is asked


@pytest.mark.parametrize("question, asked", [
    ("when is the review coming back to committee?", True),
    ("When are the new cameras being installed?", True),
    ("when is the report supposed to be ready", True),
    ("When is the training taking place?", True),
    ("When was the review agreed?", False),
    ("When did the hub open?", False),
])
def test_a_date_to_come_is_asked(question, asked):
    assert bool(timing.DUE_ASKED.search(question)) is asked


@pytest.mark.parametrize("text, refused", [
    (f"{COUNCIL} Residents' Survey {YEAR}: headline results", True),
    ("1,486 residents replied", True),
    (f"Fieldwork ran between 2 February and 13 March {YEAR}.", False),
    (f"Fieldwork ran from 2 Feb to 13 Mar {YEAR}.", False),
])
def test_dates_of_a_run_are_days_or_months(text, refused):
    assert bool(timing.year_for_dates("what dates did the survey run?", text)) is refused
    assert not timing.year_for_dates("when did the survey run?", text)  # one date, which a year may give


def test_a_heading_that_gives_the_dates_answers_for_its_lines():
    assert not timing.year_for_dates("what dates were the workshops?", "Two workshops were held.",
                                     f"Workshops, 6 and 13 November {YEAR}")


@pytest.mark.parametrize("text, plans", [
    (f"Awards will be announced by 30 June {YEAR}.", True),
    (f"The scheme will be extended to 40 shops by 31 July {YEAR}.", True),
    (f"Awards were announced on 30 June {YEAR}.", False),  # a date still to come, but not planned: a typo, kept
    (f"The round closed on 17 April {YEAR} and awards will follow.", False),  # a date already past
])
def test_a_plan_is_a_line_whose_dates_were_all_to_come(text, plans):
    assert timing._plans_only(text, f"{YEAR}-05-14") is plans


# The objections themselves, line by line: whatever the ranking, the wrong line is refused and the right one is not.
def _objection(assistant, question: str, printed: str) -> str:
    from assistant.answer.facts import facts_for
    from assistant.answer.judge import Judge
    from assistant.understand import parse

    facts = facts_for(assistant.index)
    judge = Judge(question, parse(question), assistant.index, facts)
    line = next(i for i, s in enumerate(assistant.index.sentences) if printed in facts.text(s))
    return timing.other_date(judge, line, facts.text(assistant.index.sentences[line]))


@pytest.mark.parametrize("question", [
    f"what period does the new {PLAN} police and crime plan cover",
    f"which years does the {PLAN} police and crime plan cover",
    f"the {PLAN} police and crime plan runs over what years",
    f"how long does the {PLAN} police and crime plan run",
])
def test_the_line_giving_another_things_span_is_refused(assistant, question):
    assert _objection(assistant, question, f"Crime Prevention Strategy {YEAR - 3}-{YEAR + 1}")
    assert not _objection(assistant, question, f"-Police-and-Crime-Plan-{YEAR}-{YEAR + 4}.pdf")


@pytest.mark.parametrize("question", [
    "what dates did the residents survey fieldwork run",
    f"between which dates was the {AREA} residents' safety survey fieldwork",
])
def test_the_line_giving_a_year_is_refused_for_dates(assistant, question):
    assert _objection(assistant, question, "response rate of 14%")
    assert not _objection(assistant, question, "fieldwork was carried out between")


@pytest.mark.parametrize("question", [
    "when is the finished serious violence needs assessment coming back to the board",
    "when is the serious violence needs assessment being brought back to the board",
])
def test_the_line_dating_what_was_done_is_refused_for_a_date_to_come(assistant, question):
    assert _objection(assistant, question, "is now being refreshed")
    assert not _objection(assistant, question, "will be brought to the Board on 15 October")


@pytest.mark.parametrize("question", [
    f"what date were the {FUND} fund grants awarded",
    f"when did the {FUND} fund grants get awarded",
    f"on what date were the {FUND} fund awards made",
])
def test_the_plan_is_refused_when_a_later_document_records_it(assistant, question):
    assert "later document" in _objection(assistant, question, "awards will be announced by 30 June")
    assert not _objection(assistant, question, "grants were awarded on 26 June")


@pytest.mark.parametrize("question", [
    f"when will the {CAMERAS} cctv cameras be installed",
    f"what's the new date for installing the {CAMERAS} cctv cameras",
    f"when are the {CAMERAS} cctv cameras now going in",
])
def test_the_plan_is_refused_when_a_later_document_plans_anew(assistant, question):
    assert "later document" in _objection(assistant, question, "cameras will be installed in September")
    assert not _objection(assistant, question, "will now start on 5 October")


@pytest.mark.parametrize("question", [
    f"when will the {FUND} fund awards be announced",
    f"by what date are the {FUND} fund awards due to be announced",
    f"when are the {FUND} fund awards expected",
])
def test_a_later_plan_for_another_step_moves_nothing(assistant, question):
    # "will be published on the council website by 31 August" plans another step: it moves no date
    assert not _objection(assistant, question, "awards will be announced by 30 June")


@pytest.mark.parametrize("question", [
    f"what's the deadline for the {SCHEME} radio scheme to reach 40 shops",
    f"by when will the {SCHEME} radio scheme have 40 shops",
])
def test_a_plan_stands_when_a_later_document_only_reports_progress(assistant, question):
    # "As at 20 July, 33 of the 40 shops had joined" gives no new date for the 40: the pack's is the newest word
    assert not _objection(assistant, question, "extended from 24 to 40 shops by 31 July")
