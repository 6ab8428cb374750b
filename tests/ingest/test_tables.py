"""Known-answer tests for the table finder, the tidy performance frame and its ingestion checks.

Expected figures were read from the agenda pack by eye, never produced by the code under test.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from assistant.ingest.corpus import load_corpus
from corpus_periods import PERIOD_2023, PERIOD_2024, PERIOD_CHANGE
from assistant.errors import IndexMissingError
from assistant.ingest.checks import check_frame
from assistant.ingest.performance import (COLUMNS, empty_frame, is_performance_table, performance_frame,
                                          read_performance)
from assistant.ingest.tables import find_tables
from assistant.records import Document, Section
from assistant.store.build import save_frame
from assistant.store.load import load_frame

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
AGENDA = "one-chelmsford-board-2024-12-05-agenda-pack.md"
TITLES = ["Force", "Chelmsford", "Braintree", "Uttlesford", "Maldon", "Colchester", "Trending", "Southend",
          "Castle Point", "Rochford", "Basildon", "Thurrock", "Epping Forest", "Harlow", "Brentwood",
          "Stansted Airport"]
# Ingestion keeps what is printed ("Trending"); the vocabulary's names are applied when the index is built.
AREAS = ["Essex"] + TITLES[1:]
COLUMN_LABELS = ["% DA 2024", "Offences 2023", "Offences 2024", "Offences # diff.", "Offences % diff.",
                 "Solved Outcomes 2023", "Solved Outcomes 2024", "Solved Outcomes # diff.",
                 "Solved Outcomes % diff.", "Solved Rates % 2023", "Solved Rates % 2024", "Solved Rates % pt. diff."]
MEASURES = [("% domestic-abuse related", PERIOD_2024), ("offences", PERIOD_2023), ("offences", PERIOD_2024),
            ("offences change", PERIOD_CHANGE), ("offences % change", PERIOD_CHANGE),
            ("solved outcomes", PERIOD_2023), ("solved outcomes", PERIOD_2024),
            ("solved outcomes change", PERIOD_CHANGE), ("solved outcomes % change", PERIOD_CHANGE),
            ("solved rate %", PERIOD_2023), ("solved rate %", PERIOD_2024),
            ("solved rate change (% points)", PERIOD_CHANGE)]
HEADER = ("Top Level\t\tOffences\t\t\t\tSolved Outcomes\t\t\t\tSolved Rates %\t\t\n"
          "Crime Type\t% DA 2024\t2023\t2024\t# diff.\t% diff.\t2023\t2024\t# diff.\t% diff.\t2023\t2024\t% pt. diff.\n")


@pytest.fixture(scope="session")
def agenda() -> Document:
    load = load_corpus(CORPUS)
    return next(doc for doc in load.documents if doc.id == AGENDA)


@pytest.fixture(scope="session")
def frame(agenda) -> pd.DataFrame:
    return performance_frame([agenda])


def _synthetic(body: str) -> Document:
    """A one-table document under a district heading, laid out as the cleaned agenda pack is."""
    text = "Testshire\nRolling 12 Months to October\n" + HEADER + body
    return Document("test.md", "", "", "", "", "test.md", text,
                    (Section(("Testshire",), 10, 10), Section(("Testshire", "Rolling 12 Months to October"), 39,
                                                              len(text))))


def _row(frame: pd.DataFrame, area: str, row_label: str) -> pd.DataFrame:
    found = frame[(frame.area == area) & (frame.row_label == row_label)]
    assert len(found) == 12, (area, row_label, len(found))
    return found


# --- finding tables ---------------------------------------------------------------------------------------

def test_all_sixteen_performance_tables_found_in_order(agenda):
    tables = [table for table in find_tables(agenda) if is_performance_table(table)]
    assert [table.section_path[0] for table in tables] == TITLES
    for table in tables:
        assert table.document == AGENDA
        assert len(table.rows) == 49 + 3 * 2
        assert agenda.text[table.start:table.end].startswith("Top Level\t")
        assert all(len(row.cells) == 13 for row in table.rows)


def test_non_performance_tables_are_found_too(agenda):
    others = [table for table in find_tables(agenda) if not is_performance_table(table)]
    firsts = [table.rows[0].cells[:2] for table in others]
    assert firsts[:4] == [
        (question, "% Change in sentiments") for question in (
            "How streamlined to do you feel the H&C system is currently?",
            "How resilient do you feel our communities are?",
            "How would you describe current workforce satisfaction?",
            "Current demand on the H&C? system?")]
    assert others[0].rows[-1].cells == ("Very un-streamlined", "-4.2 decrease")
    # The footprints table lists wards under each team: it is read by columns (assemble.labelled_table), one
    # line per team, so it is no tab table any more.
    assert not [table for table in others if table.section_path[-1] == "Geographical footprints"]
    assert any(line.startswith("Maldon Central, Dengie & Woodham: ") and line.endswith("; Woodham")
               for line in agenda.text.split("\n"))


def test_benchmarking_table_is_found(agenda):
    others = [table for table in find_tables(agenda) if not is_performance_table(table)]
    benchmarking = [table for table in others if table.rows[0].cells[0] == "Benchmark"]
    assert len(benchmarking) == 1 and len(benchmarking[0].rows) == 8
    assert benchmarking[0].section_path == ("Essex Local Authority Benchmarking 2024",)
    assert benchmarking[0].rows[-1].cells[:2] == ("Communications and Engagement", "Assessment: Not Met")


def test_numbered_paragraphs_are_not_tables(agenda):
    for table in find_tables(agenda):
        text = agenda.text[table.start:table.end]
        assert "The strategic assessment" not in text
        assert "--\t---" not in text
        assert "Board members are asked to note" not in text
        assert "Welcome and apologies" not in text


def test_row_spans_are_the_printed_lines(agenda):
    for table in find_tables(agenda):
        for row in table.rows:
            line = agenda.text[row.start:row.end]
            assert "\n" not in line
            assert tuple(cell.strip() for cell in line.split("\t")) == row.cells


# --- the tidy frame ---------------------------------------------------------------------------------------

def test_frame_shape_and_columns(frame):
    assert frame.shape == (16 * 49 * 12, len(COLUMNS)) == (9408, 18)
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame.area.unique()) == AREAS
    assert list(frame.table_title.unique()) == TITLES
    assert set(frame.source_document) == {AGENDA}
    assert set(frame.section) == {"Top Level", "Victim Based Crime", "State Based Crime"}
    assert (frame.groupby("area").size() == 49 * 12).all()


def test_each_table_has_49_rows_in_order(frame):
    per_table = frame.groupby("table_title").row_order.agg(["min", "max", "nunique"])
    assert (per_table["min"] == 0).all() and (per_table["max"] == 48).all() and (per_table["nunique"] == 49).all()
    chelmsford = frame[frame.area == "Chelmsford"].drop_duplicates("row_order")
    assert chelmsford.row_label.iloc[0] == "Anti-Social Behaviour (incidents)"
    assert chelmsford.row_label.iloc[-1] == "Miscellaneous Crimes against Society"
    assert chelmsford.groupby("section", sort=False).size().to_dict() == {
        "Top Level": 4, "Victim Based Crime": 39, "State Based Crime": 6}


FULL_ROWS = {
    ("Chelmsford", "- Shoplifting"):
        "0.0 1450 1465 15 1.0 253 332 79 31.2 17.4 22.7 5.2",
    ("Trending", "- Shoplifting"):
        "0.0 683 890 207 30.3 192 167 -25 -13.0 28.1 18.8 -9.3",
    ("Trending", "All Crime (excl. Action (NFIB) Fraud)"):
        "20.6 12591 12628 37 0.3 1547 1589 42 2.7 12.3 12.6 0.3",
    ("Essex", "- Homicide"):
        "50.0 18 10 -8 -44.4 14 11 -3 -21.4 77.8 110.0 32.2",
    ("Stansted Airport", "- Stalking and Harassment"):
        "- 6 0 -6 -100.0 3 0 -3 -100.0 50.0 - -",
    ("Braintree", "- Burglary Residential"):
        "2.5 337 318 -19 -5.6 26 15 -11 -42.3 7.7 4.7 -3.0",
    ("Chelmsford", "Anti-Social Behaviour (incidents)"):
        "- 1317 1203 -114 -8.7 - - - - - - -",
}


@pytest.mark.parametrize(("area", "row_label"), FULL_ROWS)
def test_full_rows_cell_by_cell(frame, area, row_label):
    row = _row(frame, area, row_label).sort_values("row_order", kind="stable")
    printed = FULL_ROWS[(area, row_label)].split()
    assert list(row.printed) == printed
    assert list(row.column_label) == COLUMN_LABELS
    assert list(zip(row.measure, row.period)) == MEASURES
    for value, cell in zip(row.value, printed):
        assert math.isnan(value) if cell == "-" else value == float(cell)
    assert set(row.crime_type) == {row_label.removeprefix("- ")}


@pytest.mark.parametrize(("area", "crime_type", "column_label", "expected"), [
    ("Essex", "Theft from a Vehicle", "Offences 2024", 5568),
    ("Southend", "All Crime (excl. Action (NFIB) Fraud)", "Solved Rates % 2024", 18.1),
    ("Braintree", "Burglary Residential", "Offences 2023", 337),
    ("Thurrock", "Stalking and Harassment", "% DA 2024", 33.6),
    ("Basildon", "Possession of Drugs", "Solved Outcomes 2024", 381),
    ("Colchester", "Drug Offences", "Offences 2024", 583),
])
def test_single_cells(frame, area, crime_type, column_label, expected):
    cell = frame[(frame.area == area) & (frame.crime_type == crime_type) & (frame.column_label == column_label)]
    assert cell.value.tolist() == [expected]


def test_missing_values_stay_nan_never_zero(frame):
    missing = frame.printed == "-"
    assert missing.sum() > 0
    assert frame.value[missing].isna().all()
    assert frame.value[~missing].notna().all()
    stalking = _row(frame, "Stansted Airport", "- Stalking and Harassment")
    rate = stalking[stalking.column_label == "Solved Rates % 2024"]
    assert rate.printed.tolist() == ["-"] and rate.value.isna().all()


@pytest.mark.parametrize(("row_label", "parent"), [
    ("- Shoplifting", "Theft Offences"),
    ("- State Based Crime", "All Crime (excl. Action (NFIB) Fraud)"),
    ("- Victim Based Crime", "All Crime (excl. Action (NFIB) Fraud)"),
    ("- Homicide", "Violence Against the Person"),
    ("- Rape - Under 16 yrs", "Sexual Offences"),
    ("- Possession of Drugs", "Drug Offences"),
    ("- No Risk Assessment", "Domestic Abuse"),
])
def test_parent_type_of_dashed_rows(frame, row_label, parent):
    assert set(frame[frame.row_label == row_label].parent_type) == {parent}


def test_undashed_rows_have_no_parent(frame):
    undashed = ~frame.row_label.str.startswith("- ")
    assert frame.parent_type[undashed].isna().all()
    assert frame.parent_type[~undashed].notna().all()
    assert "Drug Offences" in set(frame.crime_type[undashed])


def test_row_span_starts_with_row_label_and_holds_the_printed_cell(agenda, frame):
    for cell in frame.itertuples(index=False):
        line = agenda.text[cell.row_start:cell.row_end]
        assert line.startswith(cell.row_label + "\t")
        assert line.split("\t")[1 + COLUMN_LABELS.index(cell.column_label)] == cell.printed


def test_no_documents_give_the_empty_frame():
    empty = performance_frame([])
    pd.testing.assert_frame_equal(empty, empty_frame())
    assert list(empty.columns) == list(COLUMNS) and empty.empty


def test_a_cell_that_is_not_a_number_is_a_reported_problem_not_a_silent_gap():
    doc = _synthetic("All Crime\t0.0\t1450\t1465\t15\t1.0\t253\t332\t79\t31.2\t17.4\tn/a\t5.2")
    read = read_performance([doc])
    assert read.frame.empty
    assert len(read.problems) == 1 and "'n/a'" in read.problems[0][1] and "left out" in read.problems[0][1]


def test_a_row_with_missing_cells_is_a_reported_problem():
    read = read_performance([_synthetic("All Crime\t0.0\t1450\t1465")])
    assert read.frame.empty
    assert "has 4 cells where its header has 13" in read.problems[0][1]


# --- ingestion checks -------------------------------------------------------------------------------------

def test_real_corpus_findings(frame):
    findings = check_frame(frame)
    assert findings.kind.value_counts().to_dict() == {
        "solved outcomes with zero offences": 6, "solved rate over 100%": 5}
    over = findings[findings.kind == "solved rate over 100%"]
    assert sorted(zip(over.area, over.crime_type, over.printed)) == [
        ("Castle Point", "Possession of Drugs", "105.0"),
        ("Chelmsford", "Homicide", "150.0"),
        ("Epping Forest", "Death or Serious Injury caused by unlawful driving", "112.5"),
        ("Essex", "Homicide", "110.0"),
        ("Harlow", "Death or Serious Injury caused by unlawful driving", "150.0")]
    chelmsford = over[over.area == "Chelmsford"].iloc[0]
    assert chelmsford.period == PERIOD_2024
    assert chelmsford.recomputed == 150.0
    assert chelmsford.message == (
        "Solved rate of 150.0% for Homicide in Chelmsford: solved outcomes in the period (3) exceed offences "
        "recorded (2), because outcomes can relate to crimes recorded earlier. Do not quote as a rate.")
    zero = findings[findings.kind == "solved outcomes with zero offences"]
    assert ("Basildon", "Homicide", PERIOD_2023, "1") in set(zip(zero.area, zero.crime_type, zero.period, zero.printed))


CORRECT = "All Crime\t0.0\t1450\t1465\t15\t1.0\t253\t332\t79\t31.2\t17.4\t22.7\t5.2\n"


def test_correctly_rounded_table_has_no_findings():
    # 1.0345% -> 1.0; 31.225% -> 31.2; 17.448% and 22.662% -> 17.4 and 22.7; 22.662 - 17.448 = 5.21 -> 5.2
    # (the rounded rates differ by 5.3, which must not be expected); 2023 of 0 gives "-" for % diff.
    body = CORRECT + "- New\t0.0\t0\t5\t5\t-\t0\t1\t1\t-\t-\t20.0\t-\n"
    assert check_frame(performance_frame([_synthetic(body)])).empty


@pytest.mark.parametrize(("cells", "kind", "measure", "recomputed"), [
    ({4: "16"}, "difference mismatch", "offences change", 15),
    ({5: "1.2"}, "% change mismatch", "offences % change", 15 / 1450 * 100),
    ({8: "80"}, "difference mismatch", "solved outcomes change", 79),
    ({11: "22.8"}, "solved rate mismatch", "solved rate %", 332 / 1465 * 100),
    ({12: "5.3"}, "rate change mismatch", "solved rate change (% points)", 332 / 1465 * 100 - 253 / 1450 * 100),
])
def test_one_wrong_cell_is_flagged(cells, kind, measure, recomputed):
    row = CORRECT.rstrip("\n").split("\t")
    for index, printed in cells.items():
        row[index] = printed
    findings = check_frame(performance_frame([_synthetic("\t".join(row))]))
    assert findings[["kind", "measure", "printed"]].values.tolist() == [[kind, measure, printed]]
    assert findings.recomputed.iloc[0] == pytest.approx(recomputed)
    assert findings.area.iloc[0] == "Testshire" and findings.crime_type.iloc[0] == "All Crime"
    assert f"printed as {printed}" in findings.message.iloc[0]


def test_wrong_difference_and_percent_in_one_row_are_both_flagged():
    row = "All Crime\t0.0\t1450\t1465\t16\t1.2\t253\t332\t79\t31.2\t17.4\t22.7\t5.2"
    findings = check_frame(performance_frame([_synthetic(row)]))
    assert sorted(findings.kind) == ["% change mismatch", "difference mismatch"]
    assert "1465 - 1450 = 15" in findings[findings.kind == "difference mismatch"].message.iloc[0]


def test_percent_change_printed_when_2023_is_zero_is_flagged():
    findings = check_frame(performance_frame([_synthetic("New\t0.0\t0\t5\t5\t500.0\t0\t0\t0\t-\t-\t0.0\t-")]))
    assert findings[["kind", "printed"]].values.tolist() == [["% change mismatch", "500.0"]]
    assert math.isnan(findings.recomputed.iloc[0])


# --- saving ---------------------------------------------------------------------------------------------

def test_parquet_round_trip_is_exact(frame, tmp_path):
    path = tmp_path / "tables.parquet"
    save_frame(frame, path)
    loaded = load_frame(path)
    pd.testing.assert_frame_equal(loaded, frame, check_exact=True)
    assert loaded.value.isna().sum() == (frame.printed == "-").sum()


def test_empty_frame_round_trip(tmp_path):
    save_frame(empty_frame(), tmp_path / "empty.parquet")
    pd.testing.assert_frame_equal(load_frame(tmp_path / "empty.parquet"), empty_frame(), check_exact=True)


def test_missing_frame_file_says_how_to_fix(tmp_path):
    with pytest.raises(IndexMissingError, match="assistant index"):
        load_frame(tmp_path / "nothing.parquet")

