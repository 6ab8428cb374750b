"""New editions and other forces need no code change: generated corpora, the real model, real indexes, no mocks.

Four corpora are built once per session (`scripts/make_fixtures.py` writes the documents):

- essex: the real corpus plus the board's next quarterly summary (to January 2025) and its manifest entry;
- kent: only the Kent Police summary (to September 2024), with its own labels and seven districts;
- mixed: the real corpus plus the Kent summary, so Essex and Kent tables sit side by side;
- broken: the real corpus plus a draft whose look-alike tables must be reported, never read.

Expected answers come from the generator (`expected_items()`, `figures()`, its editions) or from the index's own
frame, never from numbers typed here. An answer "reads" an edition through the table rows it cites: each cited
row is found in the index's frame by its document and character offset, which names its edition.

Builds reuse the vectors of the session's real-corpus index (`index_dir`) by starting from a copy of it, the
way a rebuild after adding a file does, so each extra corpus embeds only its new document.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from assistant.config import PROJECT_ROOT
from assistant.ingest.corpus import SUFFIXES
from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED_RATE
from assistant.shells.evaluate import answer_item, score
from assistant.store.manifest import read_manifest

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures
from generated_corpora import corpus_with, seeded_build
from fixtures.expected import direction, shown, top

pytestmark = pytest.mark.slow

ITEMS = make_fixtures.expected_items(CORPUS)
ESSEX_ITEMS, KENT_ITEMS = ITEMS["next_edition"], ITEMS["other_force"]
EDITIONS = make_fixtures.all_editions(CORPUS)
OCT, JAN, KENT = EDITIONS["essex-2024-10"], EDITIONS["essex-2025-01"], EDITIONS["kent-2024-09"]
BY_TITLE = {edition.title: edition for edition in EDITIONS.values()}
# Which generator column a figure of each measure and period reads (None: a measure not checked here).
_COLUMNS = {(OFFENCES, 0): "off_old", (OFFENCES, 1): "off_new", (CHANGE[OFFENCES], None): "off_diff",
            (PERCENT_CHANGE[OFFENCES], None): "off_pct", (SOLVED_RATE, 0): "rate_old", (SOLVED_RATE, 1): "rate_new"}


def _id(item: dict) -> str:
    return item["id"]


def _periods_named(text: str) -> set[str]:
    """The editions (keys) whose own periods the text names."""
    return {key for key, ed in EDITIONS.items() if any(ed.period(year) in text for year in ed.years)}


# Essex items that only the October edition answers: their text names no period of the January edition.
OCTOBER_ITEMS = [item for item in ESSEX_ITEMS if item["source"] == OCT.file
                 and "essex-2025-01" not in _periods_named(" ".join(item.get("turns", [])) + item.get("question", "")
                                                           + item.get("claim", ""))]


# --- the corpora and their indexes -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    make_fixtures.make_next_edition(CORPUS, out)
    make_fixtures.make_other_force(out, CORPUS)
    make_fixtures.make_broken_tables(out, CORPUS)
    return out


@pytest.fixture(scope="session")
def essex_build(tmp_path_factory, generated, index_dir):
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-essex"), generated, (make_fixtures.NEXT_EDITION,), True)
    return seeded_build(tmp_path_factory, "essex", corpus, index_dir)


@pytest.fixture(scope="session")
def kent_build(tmp_path_factory, generated):
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-kent"), generated, (make_fixtures.OTHER_FORCE,), False)
    return seeded_build(tmp_path_factory, "kent", corpus, None)


@pytest.fixture(scope="session")
def mixed_build(tmp_path_factory, generated, index_dir):
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-mixed"), generated, (make_fixtures.OTHER_FORCE,), True)
    return seeded_build(tmp_path_factory, "mixed", corpus, index_dir)


@pytest.fixture(scope="session")
def broken_build(tmp_path_factory, generated, index_dir):
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-broken"), generated, (make_fixtures.BROKEN,), True)
    return seeded_build(tmp_path_factory, "broken", corpus, index_dir)


def _engine(build):
    from assistant.engine import Assistant

    return Assistant.load(build[1])


@pytest.fixture(scope="session")
def essex(essex_build):
    return _engine(essex_build)


@pytest.fixture(scope="session")
def kent(kent_build):
    return _engine(kent_build)


@pytest.fixture(scope="session")
def mixed(mixed_build):
    return _engine(mixed_build)


@pytest.fixture(scope="session")
def figures() -> pd.DataFrame:
    return make_fixtures.figures(CORPUS)


# --- reading answers -------------------------------------------------------------------------------------------

def cited_editions(engine, answer) -> list[str]:
    """The edition of every table row the answer cites, looked up in the index's frame by document and offset."""
    frame = engine.index.frame
    out = []
    for citation in answer.citations:
        if citation.table is None:
            continue
        rows = frame[(frame["source_document"] == citation.document) & (frame["row_start"] == citation.start)]
        found = set(rows["edition"])
        assert len(found) == 1, (citation.document, citation.start, found)
        assert set(rows["area"]) == {citation.table["area"]}
        assert set(rows["crime_type"]) == {citation.table["crime_type"]}
        out.append(found.pop())
    return out


def cell(figures: pd.DataFrame, edition, area: str, crime_type: str, column: str) -> float:
    rows = figures[(figures["edition"] == edition.key) & (figures["area"] == area)
                   & (figures["crime_type"] == crime_type) & (figures["column"] == column)]
    assert len(rows) == 1, (edition.key, area, crime_type, column)
    return float(rows["value"].iloc[0])


def frame_value(engine, edition, area: str, crime_type: str, measure: str, period: str) -> float:
    frame = engine.index.frame
    rows = frame[(frame["edition"] == edition.title) & (frame["area"] == area) & (frame["crime_type"] == crime_type)
                 & (frame["measure"] == measure) & (frame["period"] == period)]
    assert len(rows) == 1, (edition.title, area, crime_type, measure, period)
    return float(rows["value"].iloc[0])


def check_figures(answer, figures: pd.DataFrame, edition) -> int:
    """Every offences / solved-rate figure the answer states is the edition's own generated cell; returns how
    many were checked."""
    checked = 0
    for figure in answer.figures:
        which = next((i for i, year in enumerate(edition.years) if figure.period == edition.period(year)), None)
        column = _COLUMNS.get((figure.measure, which if figure.measure in (OFFENCES, SOLVED_RATE) else None))
        if column is None:
            continue
        assert figure.value == cell(figures, edition, figure.area, figure.crime_type, column), figure
        checked += 1
    return checked


def comma(value: float) -> str:
    return f"{int(value):,}"


def latest_words(edition) -> str:
    return f"{edition.month} {edition.years[1]}"


# --- the next edition beside the first -------------------------------------------------------------------------

def test_next_edition_is_indexed_beside_the_first_with_no_code_change(essex_build, essex, figures):
    corpus, _, report = essex_build
    files = {path.name for path in corpus.iterdir()}
    assert [p for p in report.problems if p["file"] in files] == []
    assert report.documents == len([p for p in corpus.iterdir() if p.suffix in SUFFIXES])
    catalogue = essex.index.catalogue
    assert sorted(e.id for e in catalogue.editions) == sorted((OCT.title, JAN.title))
    assert catalogue.latest().id == JAN.title
    assert essex.forces == (OCT.name("Force"),)
    assert [t.edition.id for t in essex.tables.editions] == [JAN.title, OCT.title]  # newest first
    assert [t.years for t in essex.tables.editions] == [tuple(ed.period(y) for y in ed.years) for ed in (JAN, OCT)]
    frame = essex.index.frame
    assert set(frame["edition"]) == {OCT.title, JAN.title}
    for edition in (OCT, JAN):
        mine = frame[frame["edition"] == edition.title]
        made = figures[figures["edition"] == edition.key]
        assert len(mine) == len(made)
        assert set(mine["source_document"]) == {edition.file}
        counts = mine[mine["measure"] == OFFENCES]
        made_counts = made[made["column"].isin(("off_old", "off_new"))]
        assert dict(zip(zip(counts["area"], counts["crime_type"], counts["period"]), counts["value"])) == \
            dict(zip(zip(made_counts["area"], made_counts["crime_type"], made_counts["period"]), made_counts["value"]))


@pytest.mark.parametrize("item", ESSEX_ITEMS, ids=_id)
def test_every_next_edition_item_is_answered_correctly(essex, item):
    answer = answer_item(essex, item)
    assert score(item, answer) == ("correct", ""), answer.text
    assert item["source"] in {c.document for c in answer.citations}, answer.text


@pytest.mark.parametrize("question, area, crime_type, column", [
    ("How many shoplifting offences were recorded in Chelmsford?", "Chelmsford", "Shoplifting", "off_new"),
    ("How many residential burglaries were there in Basildon?", "Basildon", "Burglary Residential", "off_new"),
    ("What is the solved rate for robbery in Colchester?", "Colchester", "Robbery", "rate_new"),
])
def test_a_question_with_no_period_answers_from_the_latest_edition(essex, figures, question, area, crime_type,
                                                                   column):
    answer = essex.ask(question)
    assert answer.answerable, answer.text
    assert set(cited_editions(essex, answer)) == {JAN.title}
    assert latest_words(JAN) in answer.text
    assert shown(JAN, area, crime_type, column) in answer.text
    assert check_figures(answer, figures, JAN) >= 1
    if shown(OCT, area, crime_type, column) != shown(JAN, area, crime_type, column):
        assert shown(OCT, area, crime_type, column) not in answer.text


@pytest.mark.parametrize("question, area, crime_type", [
    ("How many shoplifting offences were recorded in Chelmsford in the 12 months to October 2024?", "Chelmsford",
     "Shoplifting"),
    ("How many residential burglaries were there in Basildon in the 12 months to October 2024?", "Basildon",
     "Burglary Residential"),
])
def test_a_question_naming_october_answers_the_october_figure(essex, figures, question, area, crime_type):
    period = OCT.period(OCT.years[1])
    assert period in question
    october = cell(figures, OCT, area, crime_type, "off_new")
    assert october == frame_value(essex, OCT, area, crime_type, OFFENCES, period)  # the generator is the index
    assert october != cell(figures, JAN, area, crime_type, "off_new")  # else this test could not tell them apart
    answer = essex.ask(question)
    assert answer.answerable, answer.text
    assert set(cited_editions(essex, answer)) == {OCT.title}
    assert comma(october) in answer.text and latest_words(OCT) in answer.text
    assert comma(cell(figures, JAN, area, crime_type, "off_new")) not in answer.text
    assert [(f.value, f.period) for f in answer.figures if f.measure == OFFENCES] == [(october, period)]


# --- no answer mixes editions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("question, edition, area, crime_type", [
    ("How did burglary change in Harlow?", JAN, "Harlow", "Burglary"),
    ("How did burglary change in Harlow in the 12 months to October 2024?", OCT, "Harlow", "Burglary"),
    ("Has violence with injury gone up in Basildon?", JAN, "Basildon", "Violence with Injury"),
    ("Did shoplifting rise in Braintree in the 12 months to October 2024?", OCT, "Braintree", "Shoplifting"),
    (("How did shoplifting change in Castle Point between the 12 months to January 2024 and the 12 months to "
      "January 2025?"), JAN, "Castle Point", "Shoplifting"),
], ids=["harlow-latest", "harlow-october", "basildon-latest", "braintree-october", "castle-point-january"])
def test_a_change_answer_reads_one_edition(essex, figures, question, edition, area, crime_type):
    answer = essex.ask(question)
    assert answer.answerable, answer.text
    assert set(cited_editions(essex, answer)) == {edition.title}
    assert {c.document for c in answer.citations if c.table is not None} == {edition.file}
    assert check_figures(answer, figures, edition) >= 2
    assert shown(edition, area, crime_type, "off_pct") in answer.text
    old, new = edition.period(edition.years[0]), edition.period(edition.years[1])
    assert {f.period for f in answer.figures} <= {old, new, f"{new} compared with the {old}"}


@pytest.mark.parametrize("question, edition, crime_type, column, most", [
    ("Which district had the most shoplifting offences?", JAN, "Shoplifting", "off_new", True),
    ("Which district had the most shoplifting offences in the 12 months to October 2024?", OCT, "Shoplifting",
     "off_new", True),
    ("Which district recorded the fewest residential burglaries in the 12 months to October 2024?", OCT,
     "Burglary Residential", "off_new", False),
    ("Which district had the highest solved rate for all crime?", JAN, JAN.layout.total, "rate_new", True),
], ids=["shoplifting-latest", "shoplifting-october", "fewest-residential-october", "solved-rate-latest"])
def test_a_ranking_reads_one_edition(essex, question, edition, crime_type, column, most):
    answer = essex.ask(question)
    assert answer.answerable, answer.text
    cited = cited_editions(essex, answer)
    assert cited and set(cited) == {edition.title}
    district, value = top(edition, crime_type, column, most)
    assert district in answer.text and value in answer.text


@pytest.mark.parametrize("turns, edition, area, crime_type, column", [
    (["How many shoplifting offences were recorded in Braintree in the 12 months to October 2024?",
      "And in Harlow?"], OCT, "Harlow", "Shoplifting", "off_new"),
    (["How many shoplifting offences were recorded in Braintree?", "And in Harlow?"], JAN, "Harlow", "Shoplifting",
     "off_new"),
    (["How did burglary change in Harlow in the 12 months to October 2024?", "And in Basildon?"], OCT, "Basildon",
     "Burglary", "off_pct"),
    (["How many burglaries were there in Harlow in the 12 months to October 2024?", "And shoplifting?"], OCT,
     "Harlow", "Shoplifting", "off_new"),
    (["What was the solved rate for drug offences in Colchester in the 12 months to October 2024?",
      "And the year before?"], OCT, "Colchester", "Drug Offences", "rate_old"),
], ids=["and-in-harlow-october", "and-in-harlow-latest", "change-and-in-basildon-october",
        "and-shoplifting-october", "and-the-year-before-october"])
def test_a_follow_up_keeps_the_edition_of_the_first_turns_period(essex, turns, edition, area, crime_type, column):
    answer = essex.ask_turns(turns)
    assert answer.answerable, answer.text
    assert set(cited_editions(essex, answer)) == {edition.title}
    assert shown(edition, area, crime_type, column) in answer.text
    # a level names its own year; a change names both ("between the 12 months to October 2023 and October 2024")
    year = edition.years[1] if column.endswith("_new") else edition.years[0]
    assert f"{edition.month} {year}" in answer.text


# --- claims are judged against the edition of the period they name ---------------------------------------------

@pytest.mark.parametrize("claimed_from, judged_by", [(OCT, OCT), (JAN, JAN), (OCT, JAN), (JAN, OCT)],
                         ids=["october-on-october", "january-on-january", "october-on-january", "january-on-october"])
def test_a_count_claim_is_judged_against_the_edition_of_its_period(essex, figures, claimed_from, judged_by):
    area, crime_type = "Basildon", "Shoplifting"
    assert cell(figures, OCT, area, crime_type, "off_new") != cell(figures, JAN, area, crime_type, "off_new")
    period = judged_by.period(judged_by.years[1])
    claim = f"There were {shown(claimed_from, area, crime_type)} shoplifting offences in {area} in the {period}."
    answer = essex.check(claim)
    assert answer.verdict == ("supported" if claimed_from is judged_by else "contradicted"), answer.text
    assert set(cited_editions(essex, answer)) == {judged_by.title}
    assert shown(judged_by, area, crime_type) in answer.text
    assert check_figures(answer, figures, judged_by) >= 1


@pytest.mark.parametrize("edition", [OCT, JAN], ids=["october", "january"])
def test_a_change_claim_is_judged_against_the_edition_of_its_period(essex, figures, edition):
    area, crime_type = "Colchester", "Shoplifting"
    happened, _, size = direction(shown(edition, area, crime_type, "off_pct"))
    claim = f"Shoplifting in {area} {happened} by {size}% in the {edition.period(edition.years[1])}."
    answer = essex.check(claim)
    assert answer.verdict == "supported", answer.text
    assert set(cited_editions(essex, answer)) == {edition.title}
    assert shown(edition, area, crime_type, "off_old") in answer.text
    assert shown(edition, area, crime_type, "off_new") in answer.text


# --- another force -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("item", KENT_ITEMS, ids=_id)
def test_a_kent_only_corpus_answers_every_kent_item(kent, item):
    answer = answer_item(kent, item)
    assert score(item, answer) == ("correct", ""), answer.text
    assert {c.document for c in answer.citations} == {KENT.file}


def test_a_kent_only_corpus_knows_its_force_and_districts(kent, figures):
    catalogue = kent.index.catalogue
    assert [e.id for e in catalogue.editions] == [KENT.title]
    assert kent.forces == (KENT.name("Force"),)
    assert set(catalogue.districts()) == {KENT.name(area) for area in KENT.districts()}
    assert len(kent.index.frame) == len(figures[figures["edition"] == KENT.key])


def test_a_kent_answer_to_crimes_names_kents_own_all_crime_row(kent):
    answer = kent.ask(f"How many crimes were recorded in {KENT.districts()[0]}?")
    assert answer.answerable, answer.text
    assert f"'crimes' read as {KENT.layout.total}" in answer.text
    assert "Action" not in answer.text  # Essex's label, which Kent does not print


def test_a_force_that_prints_its_own_knife_crime_row_has_knife_claims_and_questions_judged_by_it(kent, figures):
    """Essex prints no knife-crime row (the words are read as Possession of Weapons, said so); Kent prints one, so
    there the words are that row, with no note about a row it does not lack."""
    rows = figures[(figures["edition"] == KENT.key) & (figures["crime_type"] == "Knife Crime")]
    assert len(rows), "the generated Kent summary prints a Knife Crime row"
    force = KENT.name("Force")
    before, after = (cell(figures, KENT, force, "Knife Crime", column) for column in ("off_old", "off_new"))
    answer = kent.ask(f"How many knife crimes were there in {force}?")
    assert f"{after:,.0f}" in answer.text and "no knife-crime row" not in answer.text, answer.text
    went = "fell" if after < before else "rose"
    verdict = kent.check(f"Knife crime in {force} {went} in the 12 months to September 2024.")
    assert verdict.text.startswith("Supported"), verdict.text
    assert f"{after:,.0f}" in verdict.text


@pytest.mark.parametrize("question", ["How many crimes were recorded across Essex?",
                                      "How many shoplifting offences did Chelmsford record?"])
def test_a_kent_only_corpus_does_not_answer_essex_questions_from_kent_tables(kent, question):
    answer = kent.ask(question)
    assert KENT.file not in {c.document for c in answer.citations}, answer.text
    assert not answer.answerable


# --- Essex and Kent side by side ---------------------------------------------------------------------------------

@pytest.mark.parametrize("item", KENT_ITEMS, ids=_id)
def test_with_both_forces_a_kent_question_never_cites_an_essex_table(mixed, item):
    answer = answer_item(mixed, item)
    assert set(cited_editions(mixed, answer)) <= {KENT.title}, answer.text
    assert {c.document for c in answer.citations if c.table is not None} <= {KENT.file}


@pytest.mark.parametrize("item", OCTOBER_ITEMS, ids=_id)
def test_with_both_forces_an_essex_question_never_cites_a_kent_table(mixed, item):
    answer = answer_item(mixed, item)
    assert set(cited_editions(mixed, answer)) <= {OCT.title}, answer.text
    assert {c.document for c in answer.citations if c.table is not None} <= {OCT.file}


@pytest.mark.parametrize("edition", [OCT, KENT], ids=["essex-areas", "kent-areas"])
def test_with_both_forces_every_area_is_answered_from_its_own_forces_table(mixed, figures, edition):
    wrong = []
    for heading in edition.rows:
        area = edition.name(heading)
        answer = mixed.ask(f"How many shoplifting offences were recorded in {area}?")
        value = cell(figures, edition, area, "Shoplifting", "off_new")
        cited = cited_editions(mixed, answer)
        if not answer.answerable or set(cited) != {edition.title} or comma(value) not in answer.text:
            wrong.append((area, answer.text[:160]))
    assert wrong == []




@pytest.mark.parametrize("item", [
    item for item in KENT_ITEMS + OCTOBER_ITEMS], ids=_id)
def test_with_both_forces_every_item_is_still_answered_correctly(mixed, item):
    answer = answer_item(mixed, item)
    assert score(item, answer) == ("correct", ""), answer.text
    assert item["source"] in {c.document for c in answer.citations}


def test_with_both_forces_a_force_wide_question_says_which_force_it_read(mixed, figures):
    answer = mixed.ask("How many crimes were recorded force-wide?")
    assert answer.answerable, answer.text
    cited = set(cited_editions(mixed, answer))
    assert len(cited) == 1, answer.text
    edition = BY_TITLE[cited.pop()]
    force = edition.name("Force")
    assert force in answer.text
    assert shown(edition, "Force", edition.layout.total) in answer.text
    assert {f.area for f in answer.figures} == {force}


def test_with_both_forces_a_kent_claim_is_not_judged_against_essex(mixed, figures):
    essex_figure = shown(OCT, "Force", "Shoplifting")
    answer = mixed.check(f"Kent Police recorded {essex_figure} shoplifting offences in the "
                         f"{OCT.period(OCT.years[1])}.")
    assert answer.verdict != "supported", answer.text
    assert set(cited_editions(mixed, answer)) <= {KENT.title}
    kent_figure = shown(KENT, "Force", "Shoplifting")
    answer = mixed.check(f"Kent Police recorded {kent_figure} shoplifting offences in the "
                         f"{KENT.period(KENT.years[1])}.")
    assert answer.verdict == "supported", answer.text
    assert set(cited_editions(mixed, answer)) == {KENT.title}


def test_with_both_forces_a_year_is_read_as_the_named_areas_own_period(mixed, figures):
    area = KENT.name(KENT.districts()[1])
    answer = mixed.ask(f"How many shoplifting offences were recorded in {area} in {KENT.years[1]}?")
    assert answer.answerable, answer.text
    assert set(cited_editions(mixed, answer)) == {KENT.title}
    assert shown(KENT, area, "Shoplifting") in answer.text


# --- the broken look-alike ---------------------------------------------------------------------------------------

def test_a_broken_look_alike_table_is_a_reported_problem_and_never_read(broken_build, figures):
    from assistant.store.load import load_index

    corpus, index_dir, report = broken_build
    broken = make_fixtures.BROKEN
    named = [p for p in report.problems if p["file"] == broken]
    assert len(named) == 2  # its two damaged tables, each reported
    assert all(broken in p["message"] and "left out" in p["message"] for p in named)
    assert read_manifest(index_dir)["problems"] == [dict(p) for p in report.problems]
    # the rest of the corpus still indexes, and the draft's prose is still a document
    index = load_index(index_dir)
    assert set(index.documents) == {p.name for p in corpus.iterdir() if p.suffix in SUFFIXES}
    assert [e.id for e in index.catalogue.editions] == [OCT.title]
    assert len(index.frame) == len(figures[figures["edition"] == OCT.key])
    assert set(index.frame["source_document"]) == {OCT.file}
    # its tables enter neither the frame nor the passages
    assert not (index.frame["source_document"] == broken).any()
    assert [c.id for c in index.chunks if c.document == broken and "\t" in c.text] == []
    assert any(c.document == broken for c in index.chunks)


def test_a_claims_force_name_says_where_not_what_for_any_force(kent, essex):
    """"Kent Police said ..." names a place, like a district: the force's own name (learned from its summary) is
    never a topic word a sentence must share, whichever force the index holds."""
    from assistant.claims.sentences import _force_terms
    from assistant.text.terms import content_terms

    for engine in (kent, essex):
        forces = engine.index.catalogue.forces()
        assert forces
        for force in forces:
            assert content_terms(force) <= _force_terms(engine.prose)
