"""The build's sanity check of every performance table read: a layout the readers did not understand is left out and
reported, never catalogued.

A reader that misreads a layout (columns aligned by spacing alone, a row of figures run together into one cell)
still hands back records, and the catalogue would learn from them: areas named "1,079 306 407 366", a crime type
made of figures, a rate given the title's twelve months beside counts of three. Three signs of a misread, each
about the shape of what was read, never about one corpus:

- a learned area, crime-type or part label made (mostly) of figures, or an area or crime type holding a figure as a
  table prints one ("All crime 1,066"): figures are cells, never names;
- a row whose figures for periods ending in the same month cover different spans (a rate "12 months to December"
  beside offences "3 months to December"): one of them took its period from a title the columns contradict;
- a table that read from each of its rows at most half the figures the row prints (one value per label where
  several were printed): the columns were not told apart, so the figures kept cannot be tied to their columns;
- a figure read as a whole financial year from a column header that prints the year ("2025/26") beside a part of
  it numbered in letters and figures ("Q2", "H1", "P6"): the part was ignored, and the year's label is wrong.

Every figure of such a table (one document, one edition, one table title) is then left out of the frame and reported
in plain words; its text stays searchable, and "not found" is better than a wrong number.

A printed table whose figures do not line up with its columns at all (drawn at no fixed place) reads as rows whose
cells hold two figures each, or as lines of a label and a run of figures; nothing can tie those figures to a column,
so none is read, and a run of three or more such lines is reported too, so the build says why the table is missing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from assistant.records import Document

_FIGURE = re.compile(r"^[+-]?[£$€]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_FIGURE_IN_TEXT = re.compile(r"(?<![\w.,])[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![\w,])")
_PRINTED = re.compile(r"^(?:[+-]\d[\d,]*(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+(?:\.\d+)?%)%?$")
_TRAILING_FIGURES = re.compile(r"(?:\s[+-]?\d[\d,]*(?:\.\d+)?%?)+\s*$")
_SPAN = re.compile(r"^(\d+) months? to (.+)$")
_FISCAL_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d\s*[/-]\s*\d\d(?![\d/])")  # "2025/26"
_NUMBERED_PART = re.compile(r"(?<![\w/])[A-Za-z]{1,3}\s?[1-9]\d?(?![\w/])")  # "Q2", "H1", "P 6", "Qtr3"
_COMPARED = " compared with the "


def is_figures(label: str) -> bool:
    """Is this label made mostly of figures ("1,079 306 407", "12.5")? A name may hold one number ("Sector 12"),
    never more figures than words."""
    words = label.split()
    figures = sum(bool(_FIGURE.match(word)) for word in words)
    return bool(words) and figures * 2 > len(words)


def holds_printed_figure(label: str) -> bool:
    """Does this label hold a figure as a table prints one: grouped by thousands, signed, with decimals or a
    percent sign ("All crime 1,066", "Burglary +180")? A name may carry a plain number ("Sector 12", "2024/25"),
    never a printed count or rate: one there is a cell run into the label."""
    return any(_PRINTED.match(word) for word in label.split())


def without_misread_layouts(records: list[tuple], columns: tuple[str, ...],
                            documents: Iterable[Document]) -> tuple[list[tuple], list[tuple[str, str]]]:
    """The records of every table whose layout was understood, and a note on each that was not (see the module)."""
    at = {name: columns.index(name) for name in ("edition", "area", "section", "crime_type", "period", "value",
                                                 "source_document", "table_title", "row_start", "row_end",
                                                 "column_label")}
    documents = tuple(documents)
    texts = {doc.id: doc.text for doc in documents}

    def table(record: tuple) -> tuple:
        return tuple(record[at[name]] for name in ("source_document", "edition", "table_title"))

    tables: dict[tuple, list[tuple]] = {}
    read: dict[tuple, int] = {}
    for record in records:
        tables.setdefault(table(record), []).append(record)
        if not math.isnan(record[at["value"]]):
            span = (record[at["source_document"]], record[at["row_start"]], record[at["row_end"]])
            read[span] = read.get(span, 0) + 1
    failing = {key: reason for key, rows in tables.items()
               if (reason := _figures_as_names(rows, at) or _contradicted_period(rows, at)
                   or _figures_left_unread(rows, at, texts.get(key[0], ""), read) or _part_read_as_year(rows, at))}
    out_of_line = _out_of_line_figures(documents, {key[0] for key in failing})
    if not failing:
        return records, out_of_line
    first: dict[tuple[str, str], str] = {}
    for (document, edition, _), reason in failing.items():
        first.setdefault((document, edition), reason)
    problems = sorted((document, f"a table in \"{edition}\" was not laid out in a way the build understands "
                       f"({reason}), so its figures are not answered from the tables; its text is still searched.")
                      for (document, edition), reason in first.items())
    return [record for record in records if table(record) not in failing], sorted(problems + out_of_line)


def _figures_as_names(rows: list[tuple], at: dict[str, int]) -> str:
    """A label made of figures, or holding a printed figure: a row of figures, or one of its cells, read as a name."""
    for name, what in (("area", "an area"), ("section", "a part of the table"), ("crime_type", "a crime type")):
        labels = {str(row[at[name]]) for row in rows if isinstance(row[at[name]], str)}
        misread = sorted(label for label in labels if is_figures(label)
                         or (name != "section" and holds_printed_figure(label)))
        if misread:
            return f"\"{misread[0]}\", which holds figures, was read as the name of {what}"
    return ""


def _contradicted_period(rows: list[tuple], at: dict[str, int]) -> str:
    """Two spans ending together in one row: one figure's period came from a title its columns contradict."""
    spans: dict[tuple, dict[str, set[int]]] = {}
    for row in rows:
        period = str(row[at["period"]])
        found = _SPAN.match(period) if _COMPARED not in period else None
        if found:
            key = (row[at["area"]], row[at["crime_type"]])
            spans.setdefault(key, {}).setdefault(found.group(2), set()).add(int(found.group(1)))
    for (area, crime), ends in spans.items():
        for end, months in ends.items():
            if len(months) > 1:
                shown = " and ".join(f"{n} months" for n in sorted(months))
                return f"the figures for {crime} in {area} to {end} are given periods of {shown}"
    return ""


def _part_read_as_year(rows: list[tuple], at: dict[str, int]) -> str:
    """A column whose header names a numbered part of a financial year ("Recorded Q2 2025/26") read as the whole
    twelve months of that year: the figures cover the part, never the year."""
    for row in rows:
        label, period = str(row[at["column_label"]]), str(row[at["period"]])
        fiscal = _FISCAL_YEAR.search(label)
        if fiscal and _COMPARED not in period and period.startswith("12 months to ") and \
                _NUMBERED_PART.search(label[:fiscal.start()] + " " + label[fiscal.end():]):
            return f"the column \"{label}\" names part of a year but was read as the {period}"
    return ""


def _out_of_line_figures(documents: Iterable[Document], reported: set[str]) -> list[tuple[str, str]]:
    """A note on each printed document (not `reported` already) with a run of MIN_OUT_OF_LINE lines whose figures
    are out of line with any column: table rows with a cell of several figures, or a label and a run of figures."""
    notes = []
    for doc in documents:
        if doc.format not in _PRINTED_FORMATS or doc.id in reported:
            continue
        run: list[str] = []
        for line in filter(None, doc.text.split("\n")):
            run = run + [line] if _out_of_line(line) else []
            if len(run) == MIN_OUT_OF_LINE:
                notes.append((doc.id, f"a table with the row \"{_shown(run[0])}\" prints its figures out of line with "
                                      "its columns, so they are not answered from the tables; its text is still searched."))
                break
    return notes


MIN_OUT_OF_LINE = 3
_PRINTED_FORMATS = ("pdf", "docx", "doc")
_FIGURISH = re.compile(r"^[+-]?[\d,.%+-]*\d[\d,.%+-]*$")  # "1,079", "-3.2%", and figures run together: "105-54"


def _out_of_line(line: str) -> bool:
    """Is this a table row with a cell of two or more figures, or a line of text that ends in three figures after a
    label? A cell holds one figure; a sentence does not end in a run of three."""
    label, *cells = line.split("\t")
    values = (cell.rsplit(": ", 1)[-1] for cell in cells)
    if any(len(value.split()) > 1 and all(_FIGURISH.match(word) for word in value.split()) for value in values):
        return True
    words = label.split()
    tail = next((i for i, word in enumerate(reversed(words)) if not _FIGURISH.match(word)), len(words))
    return 3 <= tail < len(words)


def _shown(line: str) -> str:
    """The row's label, less the figures run into it."""
    words = line.split("\t")[0].split()
    while words and _FIGURISH.match(words[-1]):
        words.pop()
    return " ".join(words[:6])


def _figures_left_unread(rows: list[tuple], at: dict[str, int], text: str, read: dict[tuple, int]) -> str:
    """Every row read as at most half the figures it prints: the columns were not told apart. (A row may print a
    figure no measure takes, a population or a rank, but not as many as it reads.) `read` counts the figures read
    from each printed span of the document by every table, since a block of rows laid out across is read as one
    table per column."""
    spans = {(row[at["source_document"]], row[at["row_start"]], row[at["row_end"]]) for row in rows}
    spans = {span for span in spans if span in read}
    if spans and all(_figures_printed(text[start:end]) >= 2 * read[(document, start, end)]
                     for document, start, end in spans):
        return "its rows print more figures than could be tied to a column"
    return ""


def _figures_printed(text: str) -> int:
    """How many figures printed rows hold: in their cells of figures, after any column name a reader put before a
    value ("Crimes Apr-Sep 2026: 808"), so a header's year is not counted; and a run of two or more figures at the
    end of a row's label ("Shoplifting 1066 1246"), where a name never ends ("Sector 12" may)."""
    count = 0
    for line in text.split("\n"):
        label, *cells = line.split("\t")
        values = (cell.rsplit(": ", 1)[-1] for cell in cells)
        trailing = _TRAILING_FIGURES.search(label)
        run = len(trailing.group().split()) if trailing else 0
        count += sum(len(_FIGURE_IN_TEXT.findall(value)) for value in values if is_figures(value))
        count += run if run > 1 else 0
    return count
