"""Trusted sources: a table in a document uploaded through the chat never answers for a place and period an
official summary prints, and where it disagrees with the official figure the answer names both.

The poisoned upload is generated, not typed: the generator's October 2024 summary with every figure moved
(`essex_generated` with its own seed), cut down to the Harlow table and given the official summary's very
title, then saved through the real upload path. A second upload prints a period no official summary prints
(the next quarter's Harlow table), which may answer, but only saying where it came from.
"""

from __future__ import annotations

import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.ingest.catalogue import DISTRICT
from assistant.ingest.measures import OFFENCES

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures
from generated_corpora import corpus_with, seeded_build
from fixtures import documents, editions

pytestmark = pytest.mark.slow

OFFICIAL = make_fixtures.all_editions(CORPUS)["essex-2024-10"]
POISON = editions.essex_generated(CORPUS, "poisoned-upload", "harlow-figures.md", "October", (2023, 2024))
LATER = make_fixtures.all_editions(CORPUS)["essex-2025-01"]
AREA = "Harlow"
PERIOD = OFFICIAL.period(OFFICIAL.years[1])
ROWS = [key for key in OFFICIAL.layout.leaves()
        if OFFICIAL.cell(AREA, key, "off_new") != POISON.cell(AREA, key, "off_new")
        and OFFICIAL.cell(AREA, key, "off_new") != "-"]


def _one_table(edition, area: str, title: str) -> bytes:
    table = next(t for t in documents.tables(edition) if t.area == area)
    doc = documents.Doc(title, (documents.Heading(title), table))
    return documents.to_markdown(doc).encode("utf-8")


@pytest.fixture(scope="module")
def uploaded(tmp_path_factory, index_dir):
    from assistant.engine import Assistant

    corpus = corpus_with(tmp_path_factory.mktemp("corpus-uploads"))
    for name, data in (("harlow-figures.md", _one_table(POISON, AREA, OFFICIAL.title)),
                       ("harlow-next-quarter.md", _one_table(LATER, AREA, LATER.title))):
        path, problem = Assistant.add_upload(name, data, corpus, {"title": name, "publisher": "a resident"})
        assert path is not None, problem
    return Assistant.load(seeded_build(tmp_path_factory, "uploads", corpus, index_dir)[1], corpus)


def _label(key: str) -> str:
    return OFFICIAL.layout.labels()[key].removeprefix("- ")


def test_an_upload_printing_an_official_title_is_its_own_edition_marked_as_uploaded(uploaded):
    catalogue = uploaded.index.catalogue
    ours = [e for e in catalogue.editions if e.uploaded]
    assert {e.document for e in ours} == {"harlow-figures.md", "harlow-next-quarter.md"}
    assert all(e.id != OFFICIAL.title for e in ours)
    assert catalogue.latest().id == OFFICIAL.title  # an official summary outranks a newer upload
    assert any("uploaded to the chat as harlow-figures.md" in line for line in catalogue.describe())


def test_an_upload_cannot_change_what_an_official_area_is(uploaded):
    official = uploaded.index.catalogue.area(AREA)
    assert official.kind == DISTRICT and official.printed == AREA
    assert official.force == uploaded.index.catalogue.edition(OFFICIAL.title).force
    answer = uploaded.ask(f"How many {_label(ROWS[0])} offences in {AREA} in the {PERIOD}?")
    assert "force-wide" not in answer.text, answer.text


@pytest.mark.parametrize("key", ROWS[:: max(1, len(ROWS) // 5)][:5])
def test_the_official_figure_answers_and_the_uploads_disagreement_is_named(uploaded, key):
    answer = uploaded.ask(f"How many {_label(key)} offences in {AREA} in the {PERIOD}?")
    official, poisoned = float(OFFICIAL.cell(AREA, key, "off_new")), float(POISON.cell(AREA, key, "off_new"))
    first = answer.figures[0]
    assert (first.value, first.edition) == (official, OFFICIAL.title), answer.text
    assert "harlow-figures.md" in answer.text and "not an official source" in answer.text
    assert any(f.value == poisoned for f in answer.figures[1:])
    assert answer.citations[0].document != "harlow-figures.md"


def test_a_question_with_no_period_reads_the_official_summary(uploaded):
    answer = uploaded.ask(f"How many {_label(ROWS[0])} offences were there in {AREA}?")
    assert answer.figures and answer.figures[0].edition == OFFICIAL.title, answer.text


def test_a_ranking_never_cites_an_uploaded_table(uploaded):
    answer = uploaded.ask(f"Which district had the most {_label(ROWS[0])} offences in the {PERIOD}?")
    assert answer.answerable and answer.citations, answer.text
    assert all(not c.document.startswith("harlow-") for c in answer.citations)


def test_a_period_only_an_upload_prints_is_answered_saying_it_is_an_upload(uploaded):
    key = ROWS[0]
    period = LATER.period(LATER.years[1])
    answer = uploaded.ask(f"How many {_label(key)} offences in {AREA} in the {period}?")
    assert answer.answerable, answer.text
    assert answer.figures[0].value == float(LATER.cell(AREA, key, "off_new"))
    assert answer.figures[0].measure == OFFENCES
    assert "uploaded to the chat, not an official source" in answer.text
