"""The readers on real published documents: the Crime and Justice Transparency Sector Panel's papers from
data.gov.uk (two PDFs printed from Word, three Word 97-2003 .DOC files)."""

from __future__ import annotations

import re

import pytest

from real_data import REAL, absent
from assistant.ingest.readers import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
)
from assistant.ingest.readers.detect import detect_format, read_any
from assistant.ingest.readers.pdf import read_pdf

PANEL = REAL / "docs" / "datagovuk_crime_justice_transparency_panel"
pytestmark = pytest.mark.skipif(absent(PANEL), reason=f"the real documents are not on this machine ({PANEL})")

MINUTES = PANEL / "Crime and Justice Sector Panel - minutes - 14 February 2014 meeting_0.pdf"
GUIDANCE = PANEL / "Crime_Data_Guidance20101207.pdf"


def _find(blocks, start: str):
    """The first block whose text starts with `start`."""
    return next(b for b in blocks if b.text.startswith(start))


@pytest.fixture(scope="module")
def minutes():
    return read_pdf(MINUTES)


@pytest.fixture(scope="module")
def guidance():
    return read_pdf(GUIDANCE)


def test_minutes_headings_and_their_pages(minutes):
    headings = [(b.text, b.where) for b in minutes.blocks if b.kind == HEADING]
    assert headings[0] == ("Crime and Justice Transparency Sector Panel", "page 1")
    assert ("1. Welcome and Introductions", "page 1") in headings
    assert ("2. Update on the National Information Infrastructure (NII)", "page 2") in headings
    two_lines = "3. Update on the downgrading of police statistics and revisions to the recorded crime outcomes framework."
    assert (two_lines, "page 2") in headings  # a bold heading over two lines is one heading
    assert ("6. Court Listings", "page 4") in headings
    assert headings[-1] == ("7. AOB", "page 4")


def test_minutes_paragraphs_rejoin_their_lines(minutes):
    paragraph = _find(minutes.blocks, "3.1 Ed Howlin (EH)")
    assert paragraph.kind == PARAGRAPH and paragraph.where == "page 2"
    assert "police recorded crime statistics had lost their national statistics status" in paragraph.text
    aob = _find(minutes.blocks, "7.1 No AOB items were raised.")
    assert aob.text.endswith("scheduled for Friday 2 May 2014.") and aob.where == "page 4"


def test_minutes_bold_actions_stay_paragraphs(minutes):
    action = _find(minutes.blocks, "Action: Panel members to submit comments to EH")
    assert action.kind == PARAGRAPH and action.where == "page 2"
    assert action.text.endswith("so that they can be shared with other Panel members.")


def test_minutes_attendees_are_one_per_block(minutes):
    attendee = _find(minutes.blocks, "Jeni Tennison")
    assert attendee.text == "Jeni Tennison Open Data Institute" and attendee.where == "page 1"


def test_minutes_metadata(minutes):
    assert minutes.title == "Crime Justice Sector Panel - 14 February 2014 - Minutes PUBLISH"  # "Microsoft Word - " and ".doc" gone
    assert minutes.date == "2014-03-06"


def test_guidance_structure(guidance):
    blocks = guidance.blocks
    assert (blocks[0].kind, blocks[0].text, blocks[0].level, blocks[0].where) == (HEADING, "Crime Data - Guidance", 1, "page 1")
    assert (_find(blocks, "Licence, Timing & Contacts").kind, _find(blocks, "Licence, Timing & Contacts").where) == (HEADING, "page 2")
    licence = _find(blocks, "Data should be published with with a licence")
    assert licence.kind == LIST_ITEM and licence.where == "page 2"
    assert "http://www.nationalarchives.gov.uk/doc/open-government-licence/" in licence.text
    assert [b.text for b in blocks if b.kind == LIST_ITEM and b.where == "page 3"][:3] == [
        "Criminal Damage,", "Violent crime (up to and including GBH),", "Vehicle Crime,"]


def test_guidance_table_rows(guidance):
    rows = [b for b in guidance.blocks if b.kind == TABLE_ROW]
    assert {b.where for b in rows} == {"page 4"}
    assert rows[0].text.split("\t")[:2] == ["Crime_No", "URN"]
    date_from = _find(rows, "Date_From")
    assert "The date must be in the UK format DD/MM/YYYY." in date_from.text  # lines of one cell, one row
    assert _find(rows, "POSTCODE").text == "POSTCODE\t6 or 7 digit exact code"
    prose = " ".join(b.text for b in guidance.blocks if b.kind != TABLE_ROW)
    assert "6 or 7 digit exact code" not in prose


def test_guidance_shaded_paragraphs_are_not_tables(guidance):
    reason = _find(guidance.blocks, "The reason for releasing crime data")
    assert reason.kind == PARAGRAPH and reason.where == "page 1"


def test_guidance_running_footer_is_dropped(guidance):
    text = " ".join(b.text for b in guidance.blocks)
    assert "N Shadbolt and L Maxwell" not in text and "7/12/2010" not in text
    last = guidance.blocks[-1]
    assert (last.text, last.where) == ("Other Crimes 4.7%", "page 5")


def test_guidance_metadata(guidance):
    # The info Title is the Word file name, so the first heading stands in for it.
    assert (guidance.title, guidance.publisher, guidance.date) == ("Crime Data - Guidance", "Nigel Shadbolt", "2010-12-17")


@pytest.mark.parametrize("path", sorted(PANEL.glob("*.DOC")) or [None], ids=lambda p: p.name[-30:] if p else "none")
def test_legacy_doc_minutes_are_read_titled_and_dated_by_the_meeting_they_record(path):
    if path is None:
        pytest.skip("no .DOC files found")
    assert detect_format(path) == "doc"
    minutes = read_any(path)
    day, month, year = re.search(r"(\d{1,2}) (\w+) (\d{4}) meeting", path.name).groups()
    assert minutes.title.endswith(f"{day} {month} {year}") and minutes.date.startswith(year)
    assert {"Attendees", "Apologies"} <= {b.text for b in minutes.blocks if b.kind == HEADING}
    assert not any("[pic]" in b.text for b in minutes.blocks)
