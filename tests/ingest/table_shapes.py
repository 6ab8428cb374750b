"""Small tables of the kinds board packs and reports print, made up from a seed, written as PDFs (ruled or not) and
Word files, so the table tests can check every row comes out with its header whatever shape the table takes.

Shapes: an action log (wrapped text cells, a reference first), a staffing table (counts and a total row), a survey
table (a question per row, a percentage per area). A PDF table may be ruled or borderless, with its cells justified
(fpdf2's default, which leaves gaps inside a cell wider than the gap between columns) or flush left, and long
enough to run over a page break. Nothing here is any one council's: names, places and figures come from the seed.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx
from fpdf import FPDF
from fpdf.enums import TableBordersLayout

FIRST = ("Amira", "Ben", "Claire", "Daniel", "Helen", "Imran", "Joanne", "Kerry", "Lucy", "Owen", "Priya", "Tom")
LAST = ("Haddad", "Achterberg", "Ashdown", "Fairbrother", "Oakshott", "Baig", "Pell", "Moss", "Penhale", "Pritchard")
ROLES = ("Chief Inspector", "Station Manager", "Councillor", "Dr", "Inspector")
TASKS = ("Circulate the consultation report to every ward member before the next meeting",
         "Bring a recovery plan", "Confirm the volunteer rota for the winter night-time economy patrols",
         "Share the training dates with housing officers", "Prepare a joint patrol plan for the station underpass",
         "Invite the local branch of the victims' service", "Report on street lighting faults reported by residents",
         "Arrange crime prevention visits for older residents living alone")
STATUSES = ("Complete", "Open", "Open - see item 4", "Deferred to the next meeting", "Complete - submitted late")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September", "October", "November")
PLACES = ("Ashby", "Brinkley", "Colby", "Dunmore", "Eastfield", "Fulbeck", "Harwell", "Ingham", "Kelby", "Langton")
QUESTIONS = ("I feel safe outside in my area during the day", "I feel safe outside in my area after dark",
             "Anti-social behaviour is a big problem in my area", "I know how to report anti-social behaviour",
             "The police and council are dealing with the issues that matter")

Rows = list[tuple[str, ...]]


def action_log(seed: int, rows: int = 5) -> Rows:
    """Reference, action, owner, deadline, status: wrapped text cells under a header of plain column names."""
    rng = random.Random(seed)
    header = rng.choice([("Ref", "Action", "Owner", "Deadline", "Status"),
                         ("No.", "Action agreed", "Lead officer", "Due by", "Progress")])
    out = [header]
    for n, task in enumerate(rng.sample(TASKS, min(rows, len(TASKS)))):
        owner = f"{rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        out.append((f"A{rng.randint(20, 29)}/{n + 10:02d}", task, owner,
                    f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2025", rng.choice(STATUSES)))
    return out


def staffing(seed: int) -> Rows:
    """Teams by rank, with a total row that sums each column."""
    rng = random.Random(seed)
    teams = rng.sample(PLACES, rng.randint(3, 5))
    header = ("Neighbourhood team", "Sergeants", "Police constables", "PCSOs", "Vacancies")
    body = [(team, *(str(rng.randint(lo, hi)) for lo, hi in ((1, 3), (4, 16), (2, 9), (0, 3)))) for team in teams]
    total = ("Total", *(str(sum(int(row[i]) for row in body)) for i in range(1, 5)))
    return [header, *body, total]


def survey(seed: int) -> Rows:
    """A question per row, the share agreeing in each area and overall."""
    rng = random.Random(seed)
    areas = rng.sample(PLACES, 4)
    out = [("Question (% agreeing)", *areas, "Overall")]
    for question in rng.sample(QUESTIONS, 4):
        out.append((question, *(f"{rng.randint(10, 95)}%" for _ in range(5))))
    return out


SHAPES = {"action log": action_log, "staffing": staffing, "survey": survey}
WIDTHS = {"Ref": (22, 58, 42, 30, 38), "No.": (22, 58, 42, 30, 38), "Neighbourhood team": (50, 30, 40, 30, 30)}


def write_pdf(path: Path, title: str, rows: Rows, ruled: bool = False, justified: bool = True,
              lead_lines: int = 0) -> Path:
    """A page with a title, a paragraph, the table (with `lead_lines` of prose before it, to push it over a page
    break), and a closing paragraph."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 15)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    prose = ("The board reviewed the items below at its meeting and agreed that officers would report progress "
             "at the next meeting, with any risks to delivery set out in the covering report.")
    for _ in range(1 + lead_lines):
        pdf.multi_cell(0, 5, prose, new_x="LMARGIN", new_y="NEXT", align="J")
        pdf.ln(2)
    pdf.set_font("helvetica", "B", 12)
    pdf.multi_cell(0, 7, "Table 1", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    layout = TableBordersLayout.ALL if ruled else TableBordersLayout.NONE
    with pdf.table(borders_layout=layout, col_widths=WIDTHS.get(rows[0][0], (60, 22, 22, 22, 22, 22)[:len(rows[0])]), text_align="J" if justified else "L",
                   first_row_as_headings=True) as table:
        for row in rows:
            table.row(row)
    pdf.ln(3)
    pdf.multi_cell(0, 5, "The meeting closed at 4.10pm.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write_docx(path: Path, title: str, rows: Rows, title_row: str = "", multi_line: bool = False) -> Path:
    """A Word table; `title_row` adds a row merged across the table above the header, `multi_line` puts each
    text cell's words on two lines (two paragraphs in the cell)."""
    document = docx.Document()
    document.add_heading(title, 1)
    document.add_paragraph("The board reviewed the items below.")
    table = document.add_table(rows=len(rows) + bool(title_row), cols=len(rows[0]))
    if title_row:
        merged = table.cell(0, 0).merge(table.cell(0, len(rows[0]) - 1))
        merged.text = title_row
    for r, row in enumerate(rows, start=bool(title_row)):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            words = value.split()
            if multi_line and len(words) > 3:
                cell.text = " ".join(words[:len(words) // 2])
                cell.add_paragraph(" ".join(words[len(words) // 2:]))
            else:
                cell.text = value
    document.add_paragraph("The meeting closed at 4.10pm.")
    document.save(str(path))
    return path
