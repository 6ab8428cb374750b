"""A question goes to the tables only when the tables can answer it, judged by what the index learned.

Built on generated corpora: a performance summary of a district within a force (its areas, crime types and figures
invented for the test), a local paper whose masthead names it and a board's agenda pack with a police report, each
giving its own figure for a row the tables also print. Properties, over several seeds:

- a question naming a document that holds no table ("in the Gazette", "according to the police report in the July
  pack") is never answered from the tables, whatever crime type and area it names;
- a question naming the performance summary itself ("according to the <force> Constabulary summary") is answered
  from the tables, with the figure the summary prints;
- a figure quoted from a document that no table cell holds ("the 1,234 offences - over what period?") is asked
  of the documents;
- "county-wide", where the tables stop at one district of the force, gets no figure for that district.
"""

from __future__ import annotations

import json
import random

import openpyxl
import pytest

from assistant import vocab
from assistant.answer import routing
from assistant.understand import question as understand
from generated_corpora import coined

CRIMES = ("Shoplifting", "Residential burglary", "Robbery", "Vehicle offences")
PAPERS = ("Gazette", "Courier", "Herald", "Mercury")
SEEDS = range(3)


def _summary(folder, rng, force: str, whole: str, areas: list[str]) -> dict[tuple[str, str], int]:
    """A workbook for the district `whole` of `force`, with a sheet of its areas: latest offences by (area, crime)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append([f"{force} Constabulary - {whole} District: Performance Summary, 12 months to March 2026"])
    sheet.append([])
    header = ["Crime type", "12 months to Mar 2025", "12 months to Mar 2026", "% change"]
    latest: dict[tuple[str, str], int] = {}
    sheet.append([None, "Offences", None, None])
    sheet.append(header)
    for crime in CRIMES:
        before, after = rng.randint(400, 900), rng.randint(400, 900)
        latest[(whole, crime)] = after
        sheet.append([crime, before, after, round(100 * (after - before) / before, 1)])
    grouped = book.create_sheet("By area")
    grouped.append([f"{force} Constabulary - {whole} District: Performance by Area, 12 months to March 2026"])
    grouped.append([])
    grouped.append([None, "Offences", None, None])
    grouped.append(header)
    for area in areas:
        grouped.append([f"Area: {area}"])
        for crime in CRIMES:
            before, after = rng.randint(20, 300), rng.randint(20, 300)
            latest[(area, crime)] = after
            grouped.append([crime, before, after, round(100 * (after - before) / before, 1)])
    book.save(folder / f"{force.lower()}-constabulary-{whole.lower()}-performance-2026-04-14.xlsx")
    return latest


@pytest.fixture(scope="module", params=SEEDS)
def corpus(request, tmp_path_factory):
    """(engine, what the corpus was written with) for one seed."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    rng = random.Random(request.param)
    force, whole, *areas = (coined(rng) for _ in range(5))
    paper = rng.choice(PAPERS)
    folder = tmp_path_factory.mktemp(f"routing-{request.param}")
    latest = _summary(folder, rng, force, whole, areas)
    area = areas[0]
    said = {"paper": rng.randint(1100, 1900), "pack": latest[(area, "Shoplifting")] + rng.randint(45, 90)}
    (folder / "paper.md").write_text(
        f"# Shop thefts soar in {area}\n\nShopkeepers in {area} say thieves are growing bolder. Police recorded "
        f"{said['paper']} shoplifting offences in {area} last year, the {paper} can reveal.\n", encoding="utf-8")
    (folder / "pack.md").write_text(
        f"# Safer {whole} Partnership Board: agenda pack\n\n## Item 4: Police report\n\n{area} recorded "
        f"{said['pack']} shoplifting offences in the year to June, the highest of the neighbourhood areas.\n",
        encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": [
        {"file": "paper.md", "title": f"{whole} {paper}", "publisher": f"{whole} {paper}", "kind": "news article",
         "date": "2026-05-02"},
        {"file": "pack.md", "title": f"Safer {whole} Partnership Board", "publisher": f"{whole} Borough Council",
         "kind": "unknown", "date": "2026-07-20"}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"routing-{request.param}-index")
    build_index(folder, index)
    return Assistant.load(index), {"force": force, "whole": whole, "area": area, "paper": paper,
                                   "latest": latest, "said": said}


def _from_tables(answer) -> bool:
    return any(citation.table for citation in answer.citations)


def test_a_question_naming_a_paper_or_a_pack_is_never_answered_from_the_tables(corpus):
    """Whether the document gives the figure (shoplifting) or not (the other crime types): its figure or "not
    found", never the tables' figure for the same row."""
    engine, made = corpus
    area, paper = made["area"], made["paper"]
    for crime in CRIMES:
        named = crime.lower()
        for question in (f"how many {named} offences were there in {area} in the {paper}?",
                         f"what {named} figure for {area} did the {paper} give",
                         f"according to the police report in the July pack, how many {named} offences did {area} "
                         f"record?"):
            answer = engine.ask(question)
            assert not _from_tables(answer), (question, answer.text)
            assert f"{made['latest'][(area, crime)]:,}" not in answer.text, (question, answer.text)


def test_a_figure_quoted_from_a_document_is_asked_of_the_documents(corpus):
    """"The 1,234 shoplifting offences - over what period?": a figure only the paper prints is the paper's, so the
    question is never answered with a table's figure for the row it names."""
    engine, made = corpus
    figure = f"{made['said']['paper']:,}"
    for question in (f"the {figure} shoplifting offences - over what period were they recorded?",
                     f"where were the {figure} shoplifting offences recorded"):
        answer = engine.ask(question)
        assert not _from_tables(answer), (question, answer.text)
    assert routing.named_side(f"the {figure} shoplifting offences - over what period?", engine.index) == \
        routing.DOCUMENTS
    printed = f"{made['latest'][(made['area'], 'Shoplifting')]:,}"
    assert routing.named_side(f"the {printed} shoplifting offences - which area?", engine.index) == ""


def test_a_question_naming_the_summary_is_answered_from_the_tables(corpus):
    engine, made = corpus
    for area in (made["area"], made["whole"]):
        for crime in CRIMES[:2]:
            question = f"according to the {made['force']} Constabulary summary, how many {crime.lower()} offences " \
                       f"were recorded in {area}?"
            answer = engine.ask(question)
            assert answer.answerable and _from_tables(answer), (question, answer.text)
            assert f"{made['latest'][(area, crime)]:,}" in answer.text, (question, answer.text)


def test_the_sides_a_source_names_are_told_from_the_index(corpus):
    engine, made = corpus
    assert routing.named_side(f"in the {made['paper']}, how many shoplifting offences?", engine.index) == \
        routing.DOCUMENTS
    assert routing.named_side("in the latest summary, how many shoplifting offences?", engine.index) == routing.TABLES
    assert routing.named_side("how many shoplifting offences?", engine.index) == ""


def test_county_wide_words_get_no_figure_for_the_district_the_tables_stop_at(corpus):
    engine, made = corpus
    with vocab.using(engine.vocabulary):
        for words in ("county wide", "force-wide", "across the county", "the whole force"):
            query = understand.parse(f"what was the {words} figure for shoplifting?")
            assert made["whole"] not in query.areas, (words, query.areas)
    for words in ("county wide", "across the county"):
        answer = engine.ask(f"how many shoplifting offences were there {words}?")
        assert f"{made['latest'][(made['whole'], 'Shoplifting')]:,}" not in answer.text, answer.text


def test_the_summary_printed_inside_a_board_pack_names_no_side(engine):
    """The repo corpus prints its summary inside the board's agenda pack: "the pack" or "the report" names a
    document that holds both, so neither side is told and the question is routed as its other words say."""
    for question in ("according to the board pack, how many shoplifting offences were there in Chelmsford?",
                     "in the police report, how many burglaries were recorded in Basildon?"):
        assert routing.named_side(question, engine.index) == ""
