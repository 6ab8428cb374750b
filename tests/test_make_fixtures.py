"""The fixture generator (scripts/make_fixtures.py): deterministic, arithmetically sound, readable in
every format, broken where it means to be, and with expected answers that match its own numbers.

The tables are re-read here with a parser of the test's own, so a mistake in the generator's renderer is
not hidden by the same mistake in its reader.
"""

from __future__ import annotations

import json
import math
import sys
import zipfile
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docx import Document as WordDocument
from pdfplumber.utils.exceptions import PdfminerException

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT / "scripts"))

import make_fixtures  # noqa: E402
from fixtures import editions as eds  # noqa: E402
from fixtures import tables as tb  # noqa: E402

TOLERANCE = 0.05 + 1e-9  # printed percentages have one decimal
NUMBERS = ("off_old", "off_new", "sol_old", "sol_new")
KINDS = {"table", "table-rank", "table-compare", "followup", "claim"}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> dict[str, Path]:
    return make_fixtures.make_all(CORPUS, tmp_path_factory.mktemp("fixtures"))


@pytest.fixture(scope="module")
def frame():
    return make_fixtures.figures(CORPUS)


def read_tables(path: Path) -> dict[str, dict]:
    """area heading -> {"headers": [column header lines], "rows": [(part, cells)]}, from Markdown."""
    tables: dict[str, dict] = {}
    area = part = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# "):
            area, part = line[2:], None
        if "\t" not in line:
            continue
        cells = tuple(line.split("\t"))
        if len(cells) > 2 and cells[2] == "Offences":
            part = cells[0]
        elif part is not None:  # only under a part's header line: other tab-separated tables are not rows
            table = tables.setdefault(area, {"headers": [], "rows": []})
            table["headers" if cells[0] == "Crime Type" else "rows"].append(cells if cells[0] == "Crime Type"
                                                                          else (part, cells))
    return tables


def by_key(rows) -> dict[str, dict[str, str]]:
    return {tb.label_key(cells[0]): dict(zip(tb.COLUMNS, cells[1:])) for _, cells in rows}


def row_problems(cells: tuple[str, ...]) -> list[str]:
    """Recompute a printed row's derived cells from its counts, as the source defines them."""
    label, row = cells[0], dict(zip(tb.COLUMNS, cells[1:]))
    problems = []

    def near(column: str, value: float | None, tolerance: float) -> None:
        printed = row[column]
        ok = printed == "-" if value is None else printed != "-" and abs(float(printed) - value) <= tolerance
        if not ok:
            problems.append(f"{label}: {column} printed {printed}, recomputed {value}")

    groups = [("off", int(row["off_old"]), int(row["off_new"]))]
    if row["sol_old"] != "-":
        groups.append(("sol", int(row["sol_old"]), int(row["sol_new"])))
    elif any(row[c] != "-" for c in ("sol_new", "sol_diff", "sol_pct", "rate_old", "rate_new", "rate_diff")):
        problems.append(f"{label}: outcomes missing for one year only")
    for name, old, new in groups:
        near(f"{name}_diff", new - old, 0)
        near(f"{name}_pct", (new - old) / old * 100 if old else None, TOLERANCE)
    if len(groups) == 2:
        (_, off_old, off_new), (_, sol_old, sol_new) = groups
        rate_old = sol_old / off_old * 100 if off_old else None
        rate_new = sol_new / off_new * 100 if off_new else None
        near("rate_old", rate_old, TOLERANCE)
        near("rate_new", rate_new, TOLERANCE)
        near("rate_diff", None if None in (rate_old, rate_new) else rate_new - rate_old, TOLERANCE)
    if row["da"] != "-" and not (0 <= float(row["da"]) <= 100 and int(row["off_new"]) > 0):
        problems.append(f"{label}: % DA {row['da']} impossible")
    return problems


def sum_problems(tables: dict[str, dict], tree: dict) -> list[str]:
    """Parents equal the sums of their children; a parent's % DA is its children's offence-weighted mean."""
    problems = []
    for area, table in tables.items():
        rows = by_key(table["rows"])
        for parent, children in tree.items():
            for column in NUMBERS:
                total = sum(int(rows[c][column]) for c in children)
                if int(rows[parent][column]) != total:
                    problems.append(f"{area} {parent} {column}: {rows[parent][column]} != {total}")
            offences = int(rows[parent]["off_new"])
            if offences:
                da = sum(float(rows[c]["da"]) * int(rows[c]["off_new"]) for c in children if rows[c]["da"] != "-")
                if abs(da / offences - float(rows[parent]["da"])) > 2 * TOLERANCE:
                    problems.append(f"{area} {parent} % DA {rows[parent]['da']} vs {da / offences:.2f}")
    return problems


# --- determinism ---------------------------------------------------------------------------------------------

def test_a_second_run_from_the_cli_writes_identical_bytes(out, tmp_path, capsys):
    assert make_fixtures.main([str(tmp_path)]) == 0
    printed = [Path(p) for p in capsys.readouterr().out.split()]
    assert sorted(p.name for p in printed) == sorted(p.name for p in out.values())
    assert [p.name for p in printed if p.read_bytes() != (out["next_edition"].parent / p.name).read_bytes()] == []


def test_single_makers_match_make_all(out, tmp_path):
    assert make_fixtures.make_next_edition(CORPUS, tmp_path).read_bytes() == out["next_edition"].read_bytes()
    assert make_fixtures.make_other_force(tmp_path).read_bytes() == out["other_force"].read_bytes()
    assert make_fixtures.make_broken_tables(tmp_path).read_bytes() == out["broken_tables"].read_bytes()
    expected = make_fixtures.make_expected(CORPUS, tmp_path)
    assert expected["other_force"].read_bytes() == out["expected_other_force"].read_bytes()


# --- the arithmetic --------------------------------------------------------------------------------------------

def test_renderer_reproduces_every_real_row():
    """The generator's rules are the source's: each real row re-rendered from its counts prints the same."""
    october = eds.essex_october(CORPUS)
    assert len(october.rows) == 16
    for area, rows in october.rows.items():
        assert len(rows) == 49
        for key, cells in rows.items():
            assert tb.render(tb.counts_from_cells(cells)) == cells, (area, key)


def test_the_checks_catch_a_wrong_cell():
    row = ("- Shoplifting", "0.0", "11184", "13407", "2223", "19.9", "2503", "3234", "731", "29.2", "22.4", "24.1", "1.7")
    assert row_problems(row) == []
    assert len(row_problems((*row[:5], "19.8", *row[6:]))) == 1
    assert len(row_problems((*row[:12], "1.6"))) == 1
    tables = read_tables(CORPUS / eds.AGENDA_PACK)
    part, cells = tables["Maldon"]["rows"][-1]
    tables["Maldon"]["rows"][-1] = (part, (cells[0], cells[1], str(int(cells[2]) + 1), *cells[3:]))
    assert len(sum_problems(tables, eds.ESSEX_TREE)) == 1


def test_hierarchy_holds_in_the_real_tables():
    assert sum_problems(read_tables(CORPUS / eds.AGENDA_PACK), eds.ESSEX_TREE) == []


@pytest.mark.parametrize("name", ["next_edition", "other_force"])
def test_every_generated_row_is_internally_consistent(out, name):
    tables = read_tables(out[name])
    assert [p for table in tables.values() for _, cells in table["rows"] for p in row_problems(cells)] == []
    assert sum(len(table["rows"]) for table in tables.values()) >= 8 * 40


def test_generated_children_sum_to_parents(out):
    assert sum_problems(read_tables(out["next_edition"]), eds.ESSEX_TREE) == []
    assert sum_problems(read_tables(out["other_force"]), eds.KENT_TREE) == []


@pytest.mark.parametrize("name, total", [("next_edition", "All Crime (excl. Action (NFIB) Fraud)"),
                                         ("other_force", "All Crime (excl. Fraud)")])
def test_domestic_abuse_row_counts_the_da_related_offences(out, name, total):
    for area, table in read_tables(out[name]).items():
        rows = by_key(table["rows"])
        offences = int(rows[total]["off_new"])
        share = float(rows[total]["da"]) if rows[total]["da"] != "-" else 0.0
        assert abs(int(rows["Domestic Abuse"]["off_new"]) - share * offences / 100) <= offences * 0.0005 + 1, area


def _gap(tables: dict, key: str, column: str) -> int:
    """What the Force table counts beyond the sum of the areas printed beside it."""
    return int(tables["Force"][key][column]) - sum(int(t[key][column]) for a, t in tables.items() if a != "Force")


def test_force_tables_add_up(out):
    essex = {area: by_key(t["rows"]) for area, t in read_tables(out["next_edition"]).items()}
    real = {area: by_key(t["rows"]) for area, t in read_tables(CORPUS / eds.AGENDA_PACK).items()}
    for key in essex["Force"]:
        for column in ("off_old", "off_new") if key == eds.ASB else NUMBERS:
            # The real Force counts a few ASB incidents that no district does; the fixture keeps that gap.
            expected = _gap(real, key, column) if key == eds.ASB else 0
            assert _gap(essex, key, column) == expected, (key, column)
    kent = {area: by_key(t["rows"]) for area, t in read_tables(out["other_force"]).items()}
    for key, row in kent["Force"].items():  # six districts count in the Force but are not printed
        assert all(_gap(kent, key, c) >= 0 for c in NUMBERS if row[c] != "-")


# --- layouts and wording ----------------------------------------------------------------------------------------

def test_next_edition_keeps_the_layout_with_new_periods(out):
    real, new = read_tables(CORPUS / eds.AGENDA_PACK), read_tables(out["next_edition"])
    assert list(new) == list(real)
    for area in real:
        assert [cells[0] for _, cells in new[area]["rows"]] == [cells[0] for _, cells in real[area]["rows"]]
        assert [part for part, _ in new[area]["rows"]] == [part for part, _ in real[area]["rows"]]
        assert new[area]["headers"] == [("Crime Type", "% DA 2025", "2024", "2025", "# diff.", "% diff.", "2024",
                                         "2025", "# diff.", "% diff.", "2024", "2025", "% pt. diff.")] * 3
    text = out["next_edition"].read_text(encoding="utf-8")
    assert "# Essex Police: Performance Summary To January 2025" in text
    assert text.count("## Rolling 12 Months to January\n") == 16
    assert new["Braintree"]["rows"] != real["Braintree"]["rows"]


def test_other_force_has_its_own_labels_and_districts(out):
    tables = read_tables(out["other_force"])
    text = out["other_force"].read_text(encoding="utf-8")
    assert "# Kent Police: Performance Summary To September 2024" in text
    assert list(tables) == ["Force", "Maidstone", "Medway", "Canterbury", "Dover", "Thanet", "Ashford", "Swale"]
    labels = {cells[0] for _, cells in tables["Medway"]["rows"]}
    assert {"All Crime (excl. Fraud)", "- Theft of Pedal Cycles", "- Residential Burglary", "Knife Crime"} <= labels
    assert "- Rape - Under 16 yrs" not in labels
    assert tables["Force"]["headers"][0][1:4] == ("% DA 2024", "2023", "2024")


def test_broken_tables_are_broken_and_the_prose_is_intact(out):
    tables = read_tables(out["broken_tables"])
    assert set(tables) == {"Colchester", "Harlow"}
    colchester = [cells for _, cells in tables["Colchester"]["rows"]]
    assert [c[0] for c in colchester if any(ch.isalpha() for cell in c[1:] for ch in cell)] == ["- Shoplifting"]
    assert all(row_problems(c) == [] for c in colchester if c[0] != "- Shoplifting")
    assert [c[0] for _, c in tables["Harlow"]["rows"] if len(c) == 15] == ["Public Order"]
    assert all(len(c) == 13 for c in colchester)
    text = out["broken_tables"].read_text(encoding="utf-8")
    assert "violence against women and girls" in text and text.count("\n\n") > 10


# --- other formats -----------------------------------------------------------------------------------------------

def _md_row(out, area: str, label: str) -> tuple[str, ...]:
    return next(cells for _, cells in read_tables(out["next_edition"])[area]["rows"] if cells[0] == label)


def test_pdf_has_title_headings_grids_and_page_numbers(out):
    row = _md_row(out, "Braintree", "- Shoplifting")
    with pdfplumber.open(out["pdf"]) as pdf:
        total = len(pdf.pages)
        assert total > 16
        for n, page in enumerate(pdf.pages, start=1):
            top, bottom = (0, 0, page.width, 58), (0, page.height - 40, page.width, page.height)
            assert page.within_bbox(top).extract_text() == make_fixtures.RUNNING_HEADER
            assert page.within_bbox(bottom).extract_text() == f"Page {n} of {total}"
        assert any(" ".join(row) in page.extract_text() for page in pdf.pages[:10])  # Braintree comes third
        words = {w["text"]: w for w in pdf.pages[0].extract_words(extra_attrs=["size", "fontname"])}
        title, heading, body = words["pack"], words["Agenda"], words["Marconi"]
        assert title["size"] > heading["size"] > body["size"]
        assert "Bold" in title["fontname"] and "Bold" in heading["fontname"] and "Bold" not in body["fontname"]
        page = next(page for page in pdf.pages[:10] if " ".join(row) in page.extract_text())
        assert any(tuple(r) == row for grid in page.extract_tables() for r in grid)
        assert pdf.metadata["Title"].startswith("One Chelmsford Partnership Strategic Board")


def test_docx_has_styles_lists_tables_and_properties(out):
    word = WordDocument(str(out["docx"]))
    props = word.core_properties
    assert props.author == "Chelmsford City Council" and props.created.year == 2025
    assert props.title.startswith("One Chelmsford")
    styles = {p.style.name for p in word.paragraphs}
    assert {"Heading 1", "Heading 2", "List Bullet", "Normal"} <= styles
    assert len(word.tables) == 16
    braintree = word.tables[2]
    rows = [tuple(cell.text for cell in row.cells) for row in braintree.rows]
    assert _md_row(out, "Braintree", "- Shoplifting") in rows
    assert rows[0][2:6] == ("Offences",) * 4  # one cell merged over the four offence columns


def test_xlsx_has_a_sheet_per_area_with_merged_headers(out):
    book = openpyxl.load_workbook(out["xlsx"])
    areas = list(read_tables(out["next_edition"]))
    assert book.sheetnames == ["Contents", *areas]
    sheet = book["Braintree"]
    values = [row for row in sheet.iter_rows(values_only=True)]
    md = _md_row(out, "Braintree", "- Shoplifting")
    row = next(r for r in values if r[0] == "- Shoplifting")
    assert [v if v == "-" else float(v) for v in row[1:]] == [c if c == "-" else float(c) for c in md[1:]]
    assert sheet.cell(values.index(row) + 1, 6).number_format == "0.0"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"C4:F4", "G4:J4", "K4:M4"} <= merged and sheet["C4"].value == "Offences"
    assert values[-1][0].startswith("Notes:")
    original = openpyxl.load_workbook(out["original_xlsx"])["Braintree"]
    assert next(r for r in original.iter_rows(values_only=True) if r[0] == "- Shoplifting")[3] == 903


def test_csv_is_the_braintree_table(out):
    lines = out["csv"].read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("area,part,crime_type,% DA 2025,Offences 2024,Offences 2025")
    rows = [cells for _, cells in read_tables(out["next_edition"])["Braintree"]["rows"]]
    assert len(lines) == 1 + len(rows) == 50
    assert lines[1 + [r[0] for r in rows].index("- Shoplifting")].split(",")[2:] == list(
        _md_row(out, "Braintree", "- Shoplifting"))


def test_original_minutes_as_docx_and_pdf(out):
    word = WordDocument(str(out["original_docx"]))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Minutes of the Meeting on 26th July 2024" in text and "Keith Nicholson" in text
    assert any(p.style.name == "Heading 2" and p.text == "Present:" for p in word.paragraphs)
    with pdfplumber.open(out["original_pdf"]) as pdf:
        assert "The meeting concluded at 11:49" in "\n".join(page.extract_text() for page in pdf.pages)


def test_bad_inputs_are_bad(out):
    with pdfplumber.open(out["scanned_pdf"]) as pdf:
        assert len(pdf.pages) == 1 and not (pdf.pages[0].extract_text() or "").strip()
        assert pdf.pages[0].images and not pdf.pages[0].chars
    with pytest.raises(PdfminerException), pdfplumber.open(out["corrupt_pdf"]) as pdf:
        [page.extract_text() for page in pdf.pages]
    with pytest.raises(PdfminerException, match="Password"), pdfplumber.open(out["encrypted_pdf"]) as pdf:
        pdf.pages[0].extract_text()
    with pdfplumber.open(out["encrypted_pdf"], password="fixture") as pdf:
        assert "Restricted" in pdf.pages[0].extract_text()
    with pytest.raises(zipfile.BadZipFile):
        openpyxl.load_workbook(out["corrupt_xlsx"])


# --- expected answers, manifest, frame, CLI ---------------------------------------------------------------------

def _items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _shown(frame, files: list[str]) -> set[str]:
    """Every printed cell of those documents, as an answer would show it."""
    cells = frame[frame["document"].isin(files)]
    counts = cells["column"].isin(("off_old", "off_new", "off_diff", "sol_old", "sol_new", "sol_diff"))
    shown = {f"{int(p):,}" if c and p != "-" else p for p, c in zip(cells["printed"], counts)}
    return shown | set(cells["area"])


@pytest.mark.parametrize("name, prefix, least", [("expected_next_edition", "ne", 25),
                                                 ("expected_other_force", "ke", 20)])
def test_expected_items_are_well_formed_and_come_from_the_tables(out, frame, name, prefix, least):
    items = _items(out[name])
    shown = {files: _shown(frame, list(files)) for files in {tuple(it["requires"]) for it in items}}
    assert len(items) >= least and len({it["id"] for it in items}) == len(items)
    assert {it["kind"] for it in items} == KINDS
    for it in items:
        assert it["id"].startswith(prefix) and it["source"] in it["requires"]
        assert sum(k in it for k in ("question", "turns", "claim")) == 1
        assert ("turns" in it) == (it["kind"] == "followup") and ("verdict" in it) == (it["kind"] == "claim")
        known = shown[tuple(it["requires"])] | {"January 2025", "September 2024"}
        assert set(it["expected"]) <= known, it


def test_expected_answers_agree_with_the_frame(out, frame):
    items = {it["id"]: it for it in _items(out["expected_next_edition"])}
    new = frame[frame["edition"] == "essex-2025-01"]
    cell = lambda area, crime, column: new[(new["area"] == area) & (new["crime_type"] == crime)
                                           & (new["column"] == column)]["value"].item()
    assert items["ne001"]["expected"] == [f"{cell('Braintree', 'Shoplifting', 'off_new'):,.0f}"]
    districts = new[~new["area"].isin(["Essex", "Stansted Airport"]) & (new["crime_type"] == "Shoplifting")
                    & (new["column"] == "off_new")].sort_values("value")
    assert items["ne024"]["expected"] == [districts["area"].iloc[-1], f"{districts['value'].iloc[-1]:,.0f}"]
    undated = [it for it in items.values() if it["kind"] == "table" and "12 months" not in it["question"]]
    assert len(undated) >= 4 and all("January 2025" in it["expected"] for it in undated)
    assert any(it["source"] == eds.AGENDA_PACK for it in items.values())
    assert items["ne017"]["expected"] == ["903"]


def test_direction_claims_match_the_numbers(out):
    for name in ("expected_next_edition", "expected_other_force"):
        for it in _items(out[name]):
            words = set(it.get("claim", "").split())
            if it["kind"] != "claim" or not words & {"rose", "fell"}:
                continue
            old, new = (int(e.replace(",", "")) for e in it["expected"])
            right = ("rose" in words) == (new > old)
            assert it["verdict"] == "contradicted" if not right else True, it
            assert right or it["verdict"] != "supported", it


def test_kent_questions_name_no_essex_district(out):
    essex = set(eds.essex_october(CORPUS).rows) - {"Force"} | {"Essex", "Tendring"}
    for it in _items(out["expected_other_force"]):
        text = " ".join(it.get("turns", [])) + it.get("question", "") + it.get("claim", "")
        assert not any(name in text for name in essex), it


def test_manifest_lists_documents_that_exist(out):
    body = json.loads(out["manifest"].read_text(encoding="utf-8"))
    files = {entry["file"]: entry for entry in body["documents"]}
    assert all((out["manifest"].parent / file).exists() for file in files)
    assert all({"title", "publisher", "kind", "date"} <= entry.keys() for entry in files.values())
    assert files[make_fixtures.OTHER_FORCE]["publisher"] == "Kent Police"
    assert files[make_fixtures.NEXT_EDITION]["date"] == "2025-03-07"


def test_figures_frame_is_tidy(frame):
    assert {"edition", "area", "crime_type", "measure", "period", "value", "printed"} <= set(frame.columns)
    assert set(frame["edition"]) == {"essex-2024-10", "essex-2025-01", "essex-2025-10", "kent-2024-09"}
    assert len(frame) == (16 * 49 * 3 + 8 * 40) * 12  # three Essex editions of 16 tables, Kent's 8
    numeric = frame[frame["printed"] != "-"]
    assert (numeric["printed"].astype(float) == numeric["value"]).all()
    assert frame[frame["printed"] == "-"]["value"].map(math.isnan).all()
    row = frame[(frame["edition"] == "essex-2024-10") & (frame["area"] == "Tendring")
                & (frame["crime_type"] == "Shoplifting") & (frame["period"] == "12 months to October 2024")
                & (frame["measure"] == "offences")]
    assert row["table_title"].item() == "Trending" and row["parent"].item() == "Theft"


def test_cli_refuses_a_corpus_without_the_agenda_pack(tmp_path, capsys):
    with pytest.raises(SystemExit):
        make_fixtures.main([str(tmp_path), "--corpus", str(tmp_path / "nowhere")])
    assert "--corpus" in capsys.readouterr().err
