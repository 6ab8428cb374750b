"""Table rows as retrieval units that carry their header: the same small tables written as a Markdown pipe table,
a table typed with tabs, a Word table and a PDF table all come out as rows whose cells after the row's own name
name their column ("25/24<TAB>Owner: ..."), so a row searched and quoted alone says what it is; tables read by columns (teams over the wards
they cover) come out one line per column; tables without a header, and police performance tables, stay bare.

The tables are generated here from random names, so nothing below knows one council's rows.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from assistant.ingest.assemble import labelled_table
from assistant.ingest.chunking import sentence_spans
from assistant.ingest.clean import clean_text
from assistant.ingest.corpus import load_document
from assistant.ingest.performance import is_performance_table
from assistant.ingest.tables import find_tables

from document_tables import docx_table

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FIRST = ("Amira", "Ben", "Claire", "Daniel", "Helen", "Imran", "Joanne", "Kerry", "Lucy", "Owen", "Priya", "Tom")
LAST = ("Haddad", "Achterberg", "Ashdown", "Fairbrother", "Oakshott", "Baig", "Pell", "Moss", "Penhale", "Pritchard")
TASKS = ("Circulate the consultation report", "Bring a recovery plan to the next meeting", "Confirm the volunteer rota",
         "Share the training dates with housing officers", "Prepare a joint patrol plan", "Invite the local branch")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September", "October", "November")
PLACES = ("Ashby", "Brinkley", "Colby", "Dunmore", "Eastfield", "Fulbeck", "Grimsby Moor", "Harwell", "Ingham",
          "Kelby", "Langton", "Marston", "Normanby", "Orby", "Pinchbeck", "Quarrington", "Ruskington", "Scopwick")


def action_log(seed: int) -> list[tuple[str, ...]]:
    """A header and 4-6 action rows (reference, action, owner, deadline), different for every seed."""
    rng = random.Random(seed)
    header = rng.choice([("Ref", "Action", "Owner", "Deadline"), ("No.", "Action agreed", "Lead officer", "Due by")])
    rows = [header]
    for n, task in enumerate(rng.sample(TASKS, rng.randint(4, 6))):
        rows.append((f"{rng.randint(20, 29)}/{n + 10}", task, f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                     f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2025"))
    return rows


def teams_and_wards(seed: int) -> tuple[list[str], list[list[str]]]:
    """Three or four team names, each over its own list of wards, the lists of different lengths."""
    rng = random.Random(seed)
    wards = rng.sample(PLACES, len(PLACES))
    teams = [f"{place} {side}" for place, side in zip(rng.sample(PLACES, 4), ("North", "South", "East", "West"))]
    teams = teams[:rng.randint(3, 4)]
    lists, start = [], 0
    for depth in rng.sample(range(2, 6), len(teams)):
        lists.append(wards[start:start + depth])
        start += depth
    return teams, lists


def by_columns(teams: list[str], lists: list[list[str]]) -> list[str]:
    """The teams-and-wards table as tab-separated rows: each column a team, its wards under it, then blanks."""
    depth = max(len(column) for column in lists)
    rows = ["\t".join(teams)]
    rows += ["\t".join(column[i] if i < len(column) else "" for column in lists) for i in range(depth)]
    return rows


# --- the rule, on rows -------------------------------------------------------------------------------------

def labelled(header: tuple[str, ...], row: tuple[str, ...]) -> list[str]:
    """A row's cells as they should come out: its own name first, then each value after its column's name."""
    return [row[0]] + [f"{name}: {value}" for name, value in zip(header[1:], row[1:])]


@pytest.mark.parametrize("seed", range(8))
def test_every_body_cell_names_its_column_and_the_header_row_stays(seed):
    rows = action_log(seed)
    out = labelled_table(["\t".join(row) for row in rows])
    assert out[0] == "\t".join(rows[0]) and len(out) == len(rows)
    for row, line in zip(rows[1:], out[1:]):
        assert line.split("\t") == labelled(rows[0], row)


@pytest.mark.parametrize("seed", range(6))
def test_a_column_named_with_the_date_it_speaks_for_still_names_it(seed):
    """"Status at 8 January 2026", "Position as at 31/03/2025": a dated column name is a name, not a value."""
    rng = random.Random(seed)
    as_at = rng.choice([f"at {rng.randint(1, 28)} {rng.choice(MONTHS)} 2026", "as at 31/03/2025",
                        f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} 2025"])
    rows = action_log(seed)
    header = (*rows[0], f"Status {as_at}")
    rows = [header, *[(*row, rng.choice(["Complete", "Open", "Ongoing"])) for row in rows[1:]]]
    out = labelled_table(["\t".join(row) for row in rows])
    for row, line in zip(rows[1:], out[1:]):
        assert line.split("\t") == labelled(header, row)


@pytest.mark.parametrize("seed", range(4))
def test_labelling_twice_changes_nothing(seed):
    once = labelled_table(["\t".join(row) for row in action_log(seed)])
    assert labelled_table(once) == once


@pytest.mark.parametrize("seed", range(6))
def test_a_table_whose_first_row_is_data_stays_bare(seed):
    """Without a header row (the first row holds an amount, a date, a count), there is no name to give a cell."""
    rows = ["\t".join(row) for row in action_log(seed)[1:]]
    assert labelled_table(rows) == rows


def test_a_two_column_table_is_labelled_only_when_its_format_marks_the_header():
    rows = ["Element\tCost", "Street marshals\t£54,800", "Safe Space\t£24,500"]
    assert labelled_table(rows) == rows  # as often "Chair<TAB>Cllr X" as a header: left alone
    assert labelled_table(rows, header_marked=True)[1:] == ["Street marshals\tCost: £54,800",
                                                            "Safe Space\tCost: £24,500"]


def test_police_performance_tables_keep_their_bare_cells():
    """Their two header lines are read as data by the performance reader: labelling them would hide the figures."""
    doc = load_document(CORPUS / "one-chelmsford-board-2024-12-05-agenda-pack.md", {})
    tables = [t for t in find_tables(doc) if is_performance_table(t)]
    assert tables
    for table in tables:
        rows = [doc.text[row.start:row.end] for row in table.rows]
        assert labelled_table(rows) == rows


@pytest.mark.parametrize("seed", range(8))
def test_a_table_of_lists_is_read_by_column(seed):
    """Each ward is in exactly one line, its team's, and that line opens with the team's name."""
    teams, lists = teams_and_wards(seed)
    out = labelled_table(by_columns(teams, lists))
    assert len(out) == len(teams)
    for team, wards, line in zip(teams, lists, out):
        assert line.startswith(f"{team}: ")
        assert line[len(team) + 2:].split("; ") == wards
    for ward in {w for wards in lists for w in wards}:
        assert sum(ward in line.split(": ", 1)[1].split("; ") for line in out) == 1


def test_a_record_table_with_gaps_is_read_by_row():
    """Gaps in the middle of a column are a record table's blanks, not the end of a list."""
    rows = ["Priority\tLead\tRAG status\tComment", "Domestic abuse\tKerry Moss\tGreen\t",
            "Rural crime\tClaire Ashdown\tRed\tThefts of GPS units", "Reoffending\tJoanne Pell\tGreen\t"]
    out = labelled_table(rows)
    assert out[2] == "Rural crime\tLead: Claire Ashdown\tRAG status: Red\tComment: Thefts of GPS units"
    assert out[1] == "Domestic abuse\tLead: Kerry Moss\tRAG status: Green\t"


def test_a_labelled_row_is_one_sentence_whatever_its_cells_hold():
    row = "Priority 4. Serious violence\tLead: Dr B. Achterberg\tComment: Due Jan. 2026. Then reviewed."
    assert sentence_spans(row) == [(0, len(row))]
    prose = "Not \tto be taken forward. Iain Bell agreed that this will be borne in mind."  # prose spaced with a tab
    assert len(sentence_spans(prose)) == 2


def test_the_rows_of_a_data_file_stay_bare(tmp_path):
    """A CSV table is data for the look-ups, not a table printed in a document: its rows keep their bare cells."""
    rows = action_log(5)
    path = tmp_path / "actions.csv"
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in rows), encoding="utf-8")
    doc = load_document(path, {})
    assert all("\t".join(row) in doc.text.split("\n") for row in rows)


SENTENCES = ("Janet Hughes asked that the contract be publicly released and whether there had been a review.",
             "The silent changing of files made sustainable use of the data problematic for developers.",
             "Iain Bell raised the example of a mapping site that was not updated after its developer left.")


@pytest.mark.parametrize("seed", range(6))
def test_a_paragraph_justified_with_tabs_is_prose_not_a_row(seed):
    """A PDF or Word export spaces words out with tabs ("Janet \\tHughes asked ..."): read as prose, its words are
    one sentence again; a table typed with tabs beside it keeps its cells."""
    rng = random.Random(seed)
    sentence = rng.choice(SENTENCES)
    words = sentence.split(" ")
    cuts = sorted(rng.sample(range(1, len(words)), 3))
    spaced = "".join(word + (" " + "\t" * rng.randint(1, 3) if i + 1 in cuts else " ") for i, word in enumerate(words))
    table = ["\t".join(row) for row in action_log(seed)]
    cleaned = clean_text("\n\n".join([spaced.strip(), "\n".join(table)]), ".md").split("\n\n")
    assert cleaned[0] == sentence
    assert [line.split("\t")[0] for line in cleaned[1].split("\n")] == [row.split("\t")[0] for row in table]


# --- every format -------------------------------------------------------------------------------------------

def write_markdown_pipe(path: Path, title: str, rows: list[tuple[str, ...]]) -> Path:
    lines = [f"# {title}", "", "The actions agreed at the meeting:", "", "| " + " | ".join(rows[0]) + " |",
             "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    path.write_text("\n".join(lines + ["", "The meeting closed at noon."]), encoding="utf-8")
    return path


def write_markdown_tabs(path: Path, title: str, rows: list[tuple[str, ...]]) -> Path:
    lines = [f"# {title}", "", "The actions agreed at the meeting:", ""] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines + ["", "The meeting closed at noon."]), encoding="utf-8")
    return path


def write_word(path: Path, title: str, rows: list[tuple[str, ...]]) -> Path:
    document = docx.Document()
    document.add_heading(title, 1)
    document.add_paragraph("The actions agreed at the meeting:")
    docx_table(document, rows)
    document.add_paragraph("The meeting closed at noon.")
    document.save(str(path))
    return path


def write_pdf(path: Path, title: str, rows: list[tuple[str, ...]]) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, "The actions agreed at the meeting:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.table(col_widths=(20, 80, 50, 40)) as table:
        for row in rows:
            table.row(row)
    pdf.ln(3)
    pdf.multi_cell(0, 6, "The meeting closed at noon.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


WRITERS = {"pipe.md": write_markdown_pipe, "tabs.md": write_markdown_tabs, "docx": write_word, "pdf": write_pdf}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_each_row_of_a_document_table_carries_its_header_in_every_format(tmp_path, kind, seed):
    rows = action_log(seed)
    name = f"minutes-{seed}.{kind}"
    doc = load_document(WRITERS[kind](tmp_path / name, "Safer Fenland Partnership", rows), {})
    lines = doc.text.split("\n")
    for row in rows[1:]:
        wanted = labelled(rows[0], row)
        found = [line for line in lines if all(cell in line for cell in wanted)]
        assert len(found) == 1, (row, doc.text)
        assert len(sentence_spans(found[0])) == 1  # the row is one unit, searched and quoted whole
    assert "|" not in doc.text and "---" not in doc.text  # no pipe-table syntax is left to quote


@pytest.mark.parametrize("seed", range(3))
def test_a_typed_table_of_lists_becomes_one_line_per_column(tmp_path, seed):
    teams, lists = teams_and_wards(seed)
    path = tmp_path / "neighbourhoods.md"
    path.write_text("\n".join(["# Neighbourhood teams", "", "## Geographical footprints", "",
                               *by_columns(teams, lists), "", "Click the map to open it."]), encoding="utf-8")
    doc = load_document(path, {})
    for team, wards in zip(teams, lists):
        line = next(line for line in doc.text.split("\n") if line.startswith(f"{team}: "))
        assert all(ward in line for ward in wards)
        assert re.search(r"Geographical footprints", " ".join(doc.section_at(doc.text.index(line))))
