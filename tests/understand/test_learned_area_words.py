"""Questions read against what the tables of a made-up district hold (generated reports, not the repo's corpus):

- the word a report prints over its smaller areas ("Ward area") asks about those areas: "which ward had the most
  shoplifting" is a table ranking there, while tables of other areas ("Neighbourhood area") still say they do not go
  down to wards;
- "the year to September", its year unsaid, is the latest rolling year to September the tables print, and nothing
  when they print none: never the latest period of another month.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

import unruled_reports  # noqa: E402
import ward_quarter_reports  # noqa: E402

from assistant import vocab  # noqa: E402
from assistant.ingest.catalogue import build_catalogue  # noqa: E402
from assistant.ingest.corpus import load_document  # noqa: E402
from assistant.ingest.performance import read_performance  # noqa: E402
from assistant.store.build import with_area_names  # noqa: E402
from assistant.understand.question import parse  # noqa: E402

WARD_QUESTIONS = ("which ward had the most shoplifting", "which ward area saw the fewest residential burglaries",
                  "name the ward with the highest crime", "what wards had the least shoplifting this quarter")


def _vocabulary(document):
    words = vocab.load()
    frame = with_area_names(read_performance([document]).frame, words)
    return vocab.for_catalogue(words, build_catalogue(frame, {document.id: document}, words.area_kinds))


@pytest.mark.parametrize("seed", range(3))
def test_wards_are_the_tables_areas_when_the_tables_print_wards(tmp_path, seed):
    quarter = ward_quarter_reports.make_quarter(seed)
    document = load_document(ward_quarter_reports.write_docx(tmp_path / "wards.docx", quarter), {})
    with vocab.using(_vocabulary(document)):
        for question in WARD_QUESTIONS:
            query = parse(question)
            assert query.rank is not None and query.rank.over == "areas", question
            assert not query.passage_cues and not query.out_of_scope and not query.outside_topic, question


@pytest.mark.parametrize("seed", range(3))
def test_wards_are_still_no_area_of_tables_that_print_none(tmp_path, seed):
    summary = unruled_reports.make_summary(seed)
    document = load_document(unruled_reports.write_pdf(tmp_path / "areas.pdf", summary), {})
    with vocab.using(_vocabulary(document)):
        for question in WARD_QUESTIONS:
            assert any(reason.kind == "wards" for reason in parse(question).out_of_scope), question


@pytest.mark.parametrize("seed", range(4))
def test_a_rolling_year_to_a_month_with_no_year_is_the_latest_printed_one(tmp_path, seed):
    summary = unruled_reports.make_summary(seed, "annual")
    document = load_document(unruled_reports.write_pdf(tmp_path / "annual.pdf", summary), {})
    month = unruled_reports.MONTHS[summary.month - 1]
    other = unruled_reports.MONTHS[summary.month % 12]
    with vocab.using(_vocabulary(document)):
        for said in (f"the year to {month}", f"the 12 months to {month}", f"the year ending {month}"):
            assert parse(f"how many shoplifting offences in {said}?").periods == (summary.period(),), said
        assert parse(f"how many shoplifting offences in the year to {other}?").periods == ()


@pytest.mark.parametrize("seed", range(3))
def test_a_place_whose_name_extends_an_area_is_never_read_as_that_area(tmp_path, seed):
    """"<District> East", "<District> District North": a place within the area, whose question the area's figure
    answers only as context said to be that (a town's); a ward printed under such a name is the ward itself."""
    quarter = ward_quarter_reports.make_quarter(seed)
    document = load_document(ward_quarter_reports.write_docx(tmp_path / "wards.docx", quarter), {})
    with vocab.using(_vocabulary(document)):
        for ward in quarter.wards:
            assert parse(f"shoplifting in {ward}").areas == (ward,)
        whole = parse(f"shoplifting in {quarter.district}").areas
        for part in ("North", "South", "Central"):
            place = f"{whole[0]} {part}"
            if place in quarter.wards:
                continue
            query = parse(f"shoplifting in {place}")
            assert dict(query.extra.get("towns", ())).get(place) == whole[0], place
