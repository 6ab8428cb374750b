"""The same document as Markdown, PDF, Word and Excel gives the same tables, figures and answers, with
citations a reader can follow to the page or the cell; bad files are reported, never fatal; and real
published minutes (PDF and legacy Word) are read, answered from, or refused with a plain reason.

Everything runs on the real readers, model and index. The fixtures come from `scripts/make_fixtures.py`
(the next edition, "Essex Police: Performance Summary To January 2025", in each format). Each index is
built once per session, only when a test needs it.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from real_data import REAL, absent
from assistant.config import PROJECT_ROOT
from assistant.ingest.corpus import load_corpus

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures  # noqa: E402

CORPUS = PROJECT_ROOT / "corpus"
PANEL = REAL / "docs" / "datagovuk_crime_justice_transparency_panel"
MINUTES_PDF = "Crime and Justice Sector Panel - minutes - 14 February 2014 meeting_0.pdf"
GUIDANCE_PDF = "Crime_Data_Guidance20101207.pdf"
LEGACY_DOCS = ("Crime and Justice Transparency Sector Panel - Minutes - 14 October 2013 meeting.DOC",
               "Crime and Justice Transparency Sector Panel - Minutes - 15 May 2012 meeting.DOC",
               "Crime and Justice Transparency Sector Panel - Minutes - 27 September 2012 meeting.DOC")
needs_panel = pytest.mark.skipif(absent(PANEL), reason=f"the real panel documents are not here ({PANEL})")

FORMATS = ("md", "pdf", "docx", "xlsx")
FRAME_KEY = ["area", "crime_type", "measure", "period", "printed"]
PACK_TITLE = "One Chelmsford Partnership Strategic Board, 7 March 2025: agenda pack"


# --- fixtures ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("generated")
    paths = make_fixtures.make_formats(CORPUS, out)
    paths["md"] = make_fixtures.make_next_edition(CORPUS, out)
    return paths


def _corpus_of(target: Path, files: list[Path], entries: list[dict]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy(path, target / path.name)
    (target / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    return target


class _Built:
    """One corpus folder and index per format, built on first use and kept for the session."""

    def __init__(self, factory, generated: dict[str, Path]):
        self.factory, self.generated = factory, generated
        self.entries = {entry["file"]: entry for entry in make_fixtures.manifest_entries()}
        self.reports, self.engines, self.paths = {}, {}, {}

    def engine(self, fmt: str):
        from assistant.engine import Assistant
        from assistant.store.build import build_index

        if fmt not in self.engines:
            source = self.generated[fmt]
            corpus = _corpus_of(self.factory.mktemp(f"corpus-{fmt}"), [source], [self.entries[source.name]])
            index = self.factory.mktemp(f"index-{fmt}")
            self.reports[fmt] = build_index(corpus, index)
            self.engines[fmt] = Assistant.load(index)
            self.paths[fmt] = corpus / source.name
        return self.engines[fmt]

    def report(self, fmt: str):
        self.engine(fmt)
        return self.reports[fmt]


@pytest.fixture(scope="session")
def built(tmp_path_factory, generated) -> _Built:
    return _Built(tmp_path_factory, generated)


def frame_set(engine) -> set[tuple]:
    return set(map(tuple, engine.index.frame[FRAME_KEY].itertuples(index=False)))


def figures_of(answer) -> list[tuple]:
    return [(f.value, f.measure, f.area, f.crime_type, f.period) for f in answer.figures]


def _items() -> list[dict]:
    """The next edition's table questions that need only its own document (none asks about October 2024)."""
    items = make_fixtures.expected_items(CORPUS)["next_edition"]
    return [item for item in items if item["kind"] in ("table", "table-rank", "table-compare")
            and item["source"] == make_fixtures.NEXT_EDITION and "October" not in item["question"]]


ITEMS = _items()
BY_ID = {item["id"]: item for item in ITEMS}
LOOKUPS = [i for i in ITEMS if i["kind"] == "table"]  # each answered from one row of one table


# --- the same tables from every format -----------------------------------------------------------------------

@pytest.mark.slow
def test_markdown_frame_is_the_generated_edition(built):
    """The baseline itself: every printed cell of the generated edition, for all 16 areas."""
    frame = built.engine("md").index.frame
    truth = make_fixtures.figures(CORPUS)
    truth = truth[truth["edition"] == "essex-2025-01"]
    assert len(frame) == len(truth) == 16 * 588
    assert sorted(frame["printed"]) == sorted(truth["printed"])
    assert set(frame["area"]) == set(truth["area"])
    assert built.report("md").problems == ()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_each_format_yields_the_markdown_frame(built, fmt):
    markdown = frame_set(built.engine("md"))
    other = frame_set(built.engine(fmt))
    assert len(built.engine(fmt).index.frame) == len(built.engine("md").index.frame)
    assert other == markdown, (f"{fmt}: {len(markdown - other)} values missing, e.g. {sorted(markdown - other)[:3]}; "
                               f"{len(other - markdown)} extra, e.g. {sorted(other - markdown)[:3]}")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_a_format_never_invents_values_and_reports_what_it_loses(built, fmt):
    """Whatever a format's reader loses is a build problem naming the file and the table's area, and every
    value it does read is one the Markdown prints (nothing shifted into the wrong column or row)."""
    markdown, other = frame_set(built.engine("md")), frame_set(built.engine(fmt))
    assert other <= markdown, sorted(other - markdown)[:5]
    name = built.generated[fmt].name
    problems = [p for p in built.report(fmt).problems if p["file"] == name]
    lost_areas = {area for area, *_ in markdown - other}
    for area in lost_areas:
        assert any(area in p["message"] for p in problems), (
            f"{fmt} lost {area}'s table without a build problem naming {name} and {area}: {problems}")
    if not lost_areas:
        assert problems == []


@pytest.mark.slow
def test_every_format_is_titled_from_its_manifest_entry(built):
    for fmt in FORMATS:
        (document,) = built.engine(fmt).index.documents.values()
        assert document.title == PACK_TITLE, fmt


# --- the same answers from every format ----------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("fmt, item_id", [pytest.param(fmt, item["id"], id=f"{fmt}-{item['id']}")
                                          for fmt in FORMATS for item in ITEMS])
def test_table_questions_get_the_same_figures_from_every_format(built, fmt, item_id):
    item = BY_ID[item_id]
    answer = built.engine(fmt).ask(item["question"])
    assert answer.answerable, answer.text
    for expected in item["expected"]:
        assert expected in answer.text, f"{expected!r} not in {answer.text!r}"
    assert answer.citations and all(c.document == built.generated[fmt].name for c in answer.citations)
    assert answer.figures
    if fmt != "md":
        assert figures_of(answer) == figures_of(built.engine("md").ask(item["question"]))


def test_the_question_set_is_the_one_document_table_questions():
    assert len(ITEMS) == 26
    assert {i["kind"] for i in ITEMS} == {"table", "table-rank", "table-compare"}
    assert len(LOOKUPS) == 20


# --- citations a reader can follow ---------------------------------------------------------------------------

_CELL = re.compile(r"(?:'([^']+)'|([A-Za-z0-9][A-Za-z0-9 &._-]*))!\$?([A-Z]{1,3})\$?([0-9]+)\b")


def cell_refs(citation, sheetnames: list[str]) -> list[tuple[str, str]]:
    """(sheet, "D14") for every sheet-cell address the citation's locator or table names."""
    texts = [citation.locator, *(str(v) for v in (citation.table or {}).values())]
    found = []
    for text in texts:
        for quoted, bare, column, row in _CELL.findall(text):
            name = quoted or bare
            words = name.split(" ")
            sheet = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in sheetnames), None)
            if sheet:
                found.append((sheet, f"{column}{row}"))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("item_id", [i["id"] for i in LOOKUPS])
def test_xlsx_table_citation_names_the_sheet_cell_that_holds_the_value(built, item_id):
    """Each citation names a cell of the cited row that holds a figure the answer states with that citation
    (a change answer states several figures of one row and names one of their cells); an answer with a
    single figure names exactly its cell."""
    engine = built.engine("xlsx")
    answer = engine.ask(BY_ID[item_id]["question"])
    assert answer.answerable and answer.figures, answer.text
    book = openpyxl.load_workbook(built.paths["xlsx"], data_only=True)
    for citation in answer.citations:
        refs = cell_refs(citation, book.sheetnames)
        assert refs, f"no Sheet!Cell in {citation.locator!r} or {citation.table!r}"
        sheet, address = refs[0]
        cell = book[sheet][address]
        stated = [f.value for f in answer.figures if f.citation == citation.n]
        assert stated, f"citation [{citation.n}] backs no figure"
        assert isinstance(cell.value, (int, float)), f"{sheet}!{address} holds {cell.value!r}"
        assert any(cell.value == pytest.approx(value) for value in stated), (
            f"{sheet}!{address} holds {cell.value!r}; the answer cites {stated} with [{citation.n}]")
        if len(answer.figures) == 1:
            assert cell.value == pytest.approx(answer.figures[0].value)
        label = citation.quote.split("\t")[0]
        assert book[sheet].cell(cell.row, 1).value == label  # the cited row, not just a cell with that value


def _page_words(pdf_path: Path, page: int) -> set[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return set((pdf.pages[page - 1].extract_text() or "").split())


def _page_of(locator: str) -> int:
    found = re.findall(r"\bpage (\d+)\b", locator)
    assert found, f"no 'page N' in {locator!r}"
    return int(found[-1])


@pytest.mark.slow
@pytest.mark.parametrize("item_id", ["ne001", "ne004", "ne006", "ne008", "ne012", "ne028"])
def test_pdf_table_citation_names_the_page_that_prints_the_row(built, item_id):
    answer = built.engine("pdf").ask(BY_ID[item_id]["question"])
    assert answer.answerable and answer.citations, answer.text
    for citation in answer.citations:
        words = _page_words(built.paths["pdf"], _page_of(citation.locator))
        missing = [w for w in citation.quote.split() if w not in words]
        assert not missing, f"{citation.locator}: {missing} not printed on that page"
    cited_pages = set().union(*(_page_words(built.paths["pdf"], _page_of(c.locator)) for c in answer.citations))
    for expected in BY_ID[item_id]["expected"]:
        printed = expected.replace(",", "")  # the PDF prints counts without separators
        if re.fullmatch(r"-?[0-9.]+", printed):
            assert printed in cited_pages, f"{printed} is on none of the cited pages"


PRESENTED = "Who presented the Essex Police performance summary to October 2024?"
PRESENTED_ANSWER = "Spencer Clarke presented the Essex Police performance summary to October 2024."


@pytest.mark.slow
def test_pdf_passage_citation_names_the_page_that_prints_the_quote(built):
    answer = built.engine("pdf").ask(PRESENTED)
    assert answer.answerable and "Spencer Clarke" in answer.text, answer.text
    citation = answer.citations[0]
    assert citation.quote == PRESENTED_ANSWER
    assert _page_of(citation.locator) == 1
    words = _page_words(built.paths["pdf"], 1)
    assert [w for w in citation.quote.split() if w not in words] == []


@pytest.mark.slow
def test_docx_passage_citation_carries_the_section_path(built):
    answer = built.engine("docx").ask(PRESENTED)
    assert answer.answerable and answer.citations[0].quote == PRESENTED_ANSWER, answer.text
    locator = answer.citations[0].locator
    # The headings the generator put over that paragraph (scripts/fixtures/documents.next_edition_doc).
    assert "Minutes of the Meeting on 5 December 2024 › 2. Community Safety Update" in locator
    assert "page" not in locator  # Word has no fixed pages to point at


@pytest.mark.slow
def test_docx_table_citation_carries_the_table_headings(built):
    answer = built.engine("docx").ask(BY_ID["ne001"]["question"])
    assert answer.answerable, answer.text
    locator = answer.citations[0].locator
    path = ("Essex Police: Performance Summary To January 2025", "Braintree", "Rolling 12 Months to January",
            "Shoplifting", "Offences 2025")
    positions = [locator.find(part) for part in path]
    assert -1 not in positions and positions == sorted(positions), locator


# --- bad files are reported, not fatal -----------------------------------------------------------------------

def test_bad_files_are_reported_with_a_plain_reason_and_the_good_file_loads(generated, tmp_path):
    names = {key: generated[key].name for key in make_fixtures.BAD_FILES}
    folder = _corpus_of(tmp_path / "corpus", [generated["md"], *(generated[k] for k in make_fixtures.BAD_FILES)],
                        [make_fixtures.manifest_entries()[0]])
    (folder / "board-minutes.pdf").write_text("Minutes of the board\n\nSaved as text under a .pdf name.\n",
                                              encoding="utf-8")
    loaded = load_corpus(folder)
    assert [d.id for d in loaded.documents] == [make_fixtures.NEXT_EDITION]
    assert loaded.documents[0].title == PACK_TITLE
    messages = {p.file: p.message for p in loaded.problems}
    assert set(messages) == {*names.values(), "board-minutes.pdf"}
    assert "no text layer" in messages[names["scanned_pdf"]]
    assert "password" in messages[names["encrypted_pdf"]]
    assert re.search(r"damaged|truncated", messages[names["corrupt_pdf"]])
    assert re.search(r"damaged|truncated", messages[names["corrupt_xlsx"]])
    assert "not a PDF" in messages["board-minutes.pdf"]
    for file, message in messages.items():
        assert file in message and "Traceback" not in message and "Error:" not in message


# --- real published minutes ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def panel_engine(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = _corpus_of(tmp_path_factory.mktemp("panel-corpus"), [PANEL / MINUTES_PDF, PANEL / GUIDANCE_PDF], [])
    index = tmp_path_factory.mktemp("panel-index")
    report = build_index(corpus, index)
    return Assistant.load(index), report


@needs_panel
@pytest.mark.slow
def test_real_minutes_pdfs_are_read_into_documents(panel_engine):
    engine, report = panel_engine
    assert report.problems == ()
    documents = engine.index.documents
    assert set(documents) == {MINUTES_PDF, GUIDANCE_PDF}
    minutes, guidance = documents[MINUTES_PDF], documents[GUIDANCE_PDF]
    assert "Chair: Dr Kieron O’Hara" in minutes.text
    assert "7.1 No AOB items were raised." in minutes.text
    assert "The files are to be published in CSV file format." in guidance.text
    assert minutes.format == guidance.format == "pdf"
    assert {loc.where for loc in minutes.locations} == {"page 1", "page 2", "page 3", "page 4"}
    offset = minutes.text.index("6.1 FD explained")
    assert minutes.location_at(offset).where == "page 4"


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


PANEL_QUESTIONS = [
    pytest.param("Who chaired the Crime and Justice Transparency Sector Panel meeting on 14 February 2014?",
                 "Kieron O'Hara", MINUTES_PDF, id="chair"),
    pytest.param("When was the next meeting of the Crime and Justice Transparency Sector Panel scheduled?",
                 "Friday 2 May 2014", MINUTES_PDF, id="next-meeting-date"),
    pytest.param("By what date should the MoJ and Home Office produce lists of databases and their schema?",
                 "28 February 2014", MINUTES_PDF, id="action-deadline"),
    pytest.param("In what file format should police authorities publish crime data?", "CSV", GUIDANCE_PDF,
                 id="guidance-file-format"),
    pytest.param("According to the crime data guidance, what is the reason for releasing crime data?",
                 "greater accountability", GUIDANCE_PDF, id="guidance-reason"),
    pytest.param("What will publishing crime data enable the public to become more involved in?",
                 "detection and reduction of crime", GUIDANCE_PDF, id="guidance-public-involvement"),
]


@needs_panel
@pytest.mark.slow
@pytest.mark.parametrize("question, expected, document", PANEL_QUESTIONS)
def test_real_minutes_answer_passage_questions_citing_the_right_pdf(panel_engine, question, expected, document):
    engine, _ = panel_engine
    answer = engine.ask(question)
    assert answer.answerable, answer.text
    assert expected in _plain(answer.text), answer.text
    cited = [c for c in answer.citations if expected in _plain(c.quote)]
    assert cited and all(c.document == document for c in cited), [(c.document, c.quote) for c in answer.citations]
    page = _page_of(cited[0].locator)
    with pdfplumber.open(PANEL / document) as pdf:
        assert expected in _plain(pdf.pages[page - 1].extract_text() or "")


@pytest.fixture(scope="session")
def doc_engine(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = _corpus_of(tmp_path_factory.mktemp("doc-corpus"), [PANEL / name for name in LEGACY_DOCS], [])
    index = tmp_path_factory.mktemp("doc-index")
    report = build_index(corpus, index)
    return Assistant.load(index), report


@needs_panel
@pytest.mark.slow
def test_legacy_doc_minutes_are_indexed_each_holding_the_meeting_it_is_named_after(doc_engine):
    engine, report = doc_engine
    assert report.problems == ()
    assert set(engine.index.documents) == set(LEGACY_DOCS)
    for name, document in engine.index.documents.items():
        meeting = re.search(r"(\d{1,2} \w+ \d{4}) meeting", name).group(1)
        assert meeting in document.text, name
        assert "[pic]" not in document.text and "Attendees" in document.text


DOC_QUESTIONS = [
    pytest.param("When would the ICO response on the anonymisation code of practice be published?", "November",
                 LEGACY_DOCS[2], id="when"),
    pytest.param("Who described the background to setting up the Open Data Institute?", "Tim Organ", LEGACY_DOCS[2],
                 id="who"),
    pytest.param("Who agreed to bring a paper setting out the principles of open courts?", "Martin Jones",
                 LEGACY_DOCS[1], id="action"),
]


@needs_panel
@pytest.mark.slow
@pytest.mark.parametrize("question, expected, document", DOC_QUESTIONS)
def test_legacy_doc_minutes_answer_passage_questions_citing_the_doc(doc_engine, question, expected, document):
    engine, _ = doc_engine
    answer = engine.ask(question)
    assert answer.answerable, answer.text
    assert expected in _plain(answer.text), answer.text
    assert any(c.document == document and expected in _plain(c.quote) for c in answer.citations), answer.citations
