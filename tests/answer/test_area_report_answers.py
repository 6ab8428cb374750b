"""Answers over a made-up district's two editions (a March report as a Word file, a June workbook; see
`area_reports`), each going down to neighbourhood areas.

What must hold for every generated district: a whole-district question is answered with the district's figure,
never an area's; a rate per 1,000 population is answered as the summary prints it (from the edition that prints
it), never worked out and never a solved rate; "in the June edition" picks the June summary; "the latest and the
previous 12 months" gives both figures; a calendar year no summary prints is refused by the tables; pay is no
table figure; and "top area for solving crime" ranks the solved rate.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest"))
from area_reports import TOTAL, make_report, write_docx, write_xlsx  # noqa: E402

SEEDS = (4, 17)


@pytest.fixture(scope="module", params=SEEDS)
def engine(request, tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(f"district-{request.param}")
    march = make_report(request.param, month=3)
    june = make_report(request.param, month=6, edition=1)
    write_docx(corpus / f"{march.force.lower()}-performance-summary-2026-04-20-to-march-2026.docx", march)
    write_xlsx(corpus / f"{june.force.lower()}-performance-summary-2026-07-17-to-june-2026.xlsx", june)
    index = tmp_path_factory.mktemp(f"district-index-{request.param}")
    build_index(corpus, index)
    return march, june, Assistant.load(index)


def _values(answer) -> list[float]:
    return [figure.value for figure in answer.figures]


def _table(assistant, question: str):
    from assistant import vocab
    from assistant.answer.tables import answer_table
    from assistant.understand.question import parse

    with vocab.using(assistant.vocabulary):
        return parse(question), answer_table(parse(question), assistant.tables)


@pytest.mark.slow
def test_a_whole_district_question_gets_the_districts_figure(engine):
    march, _, assistant = engine
    for crime in ("Shoplifting", "Robbery", TOTAL):
        for question in (f"{crime.lower()} {march.district} in the 12 months to March 2026",
                         f"how many {crime.lower()} offences did {march.district} have in the year to march 2025"):
            answer = assistant.ask(question)
            before, after, _ = march.figures[(march.district, crime)]
            expected = before if "2025" in question else after
            assert answer.answerable and _values(answer)[:1] == [expected], (question, answer.text)
            others = {march.figures[(area, crime)][i] for area in march.areas for i in (0, 1)} - {expected}
            assert not set(_values(answer)) & others, answer.text


@pytest.mark.slow
def test_a_rate_per_head_is_answered_as_printed(engine):
    march, _, assistant = engine
    for area in march.areas[:2]:
        for question in (f"crimes per 1,000 population in {area} (march summary)",
                         f"what is the crime rate per 1000 residents in {area}",
                         f"how many crimes per head of population in {area} in the year to march 2026"):
            answer = assistant.ask(question)
            assert answer.answerable, (question, answer.text)
            assert [f.measure for f in answer.figures] == ["rate per head of population"], answer.text
            assert math.isclose(_values(answer)[0], march.per_head(area)), answer.text
            assert "%" not in answer.text.split("[1]")[0], answer.text


@pytest.mark.slow
def test_a_change_in_a_rate_per_head_is_refused_not_worked_out(engine):
    march, _, assistant = engine
    _, result = _table(assistant, f"has the crime rate per 1,000 in {march.areas[0]} gone up")
    assert result is not None and not result.answerable and result.figures == ()


@pytest.mark.slow
def test_an_edition_named_by_its_month_is_that_summary(engine):
    march, june, assistant = engine
    area = june.areas[1]
    for question, report in ((f"robbery in {area} in the june edition", june),
                             (f"shoplifting in {area} according to the june edition", june),
                             (f"shoplifting in {area} in the march edition", march)):
        crime = "Robbery" if "robbery" in question else "Shoplifting"
        answer = assistant.ask(question)
        assert answer.answerable and _values(answer)[:1] == [report.figures[(area, crime)][1]], (question, answer.text)


@pytest.mark.slow
def test_a_follow_up_naming_an_edition_reads_that_summary(engine):
    march, june, assistant = engine
    area = march.areas[0]
    first = assistant.ask(f"vehicle crime in {area}, year to march 2026")
    answer = assistant.ask("what does the june edition say?", first.context)
    assert answer.answerable and _values(answer)[:1] == [june.figures[(area, "Vehicle crime")][1]], answer.text


@pytest.mark.slow
def test_the_latest_and_the_previous_year_are_both_given(engine):
    _, june, assistant = engine
    for question in (f"robbery in {june.district}: latest and the previous 12 months",
                     f"shoplifting in {june.areas[0]}, previous year and this year"):
        crime = "Robbery" if "robbery" in question else "Shoplifting"
        area = june.district if june.district in question else june.areas[0]
        answer = assistant.ask(question)
        before, after, _ = june.figures[(area, crime)]
        assert answer.answerable and {before, after} <= set(_values(answer)), (question, answer.text)


@pytest.mark.slow
def test_a_calendar_year_no_summary_prints_is_refused_by_the_tables(engine):
    march, _, assistant = engine
    for question in (f"how many shoplifting offences were there in {march.areas[0]} in calendar year 2025",
                     f"robbery in {march.areas[1]} january to december 2025"):
        query, result = _table(assistant, question)
        assert query.periods == () and any(reason.kind == "period" for reason in query.out_of_scope), question
        assert result is not None and not result.answerable and result.figures == (), result


@pytest.mark.slow
def test_pay_is_no_table_figure(engine):
    march, _, assistant = engine
    for question in ("what's the salary for the retail crime coordinator",
                     f"how much is the {march.district} crime reduction officer paid"):
        answer = assistant.ask(question)
        assert not answer.figures or all(f.measure not in ("offences", "solved outcomes") for f in answer.figures), \
            (question, answer.text)


@pytest.mark.slow
def test_top_area_for_solving_crime_ranks_the_solved_rate(engine):
    _, june, assistant = engine
    answer = assistant.ask("top neighbourhood for solving crime overall in the newest figures?")
    best = max(june.areas, key=lambda area: june.rate(area))
    assert answer.answerable and best in answer.text, answer.text
    assert [f.measure for f in answer.figures][:1] == ["solved rate %"], answer.text
