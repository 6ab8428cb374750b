"""How a row of a printed table answers: by its own key cell, read with the header row over it.

A table's header row ("Ref  Action  Owner  Deadline  Status") names what the rows below give; it answers nothing
itself (see `lists.is_header_row`). A row is about what its first cell names: the row keyed "A25/14" is not the
answer to a question about action "A25/18", however alike the rest of it reads. A row keyed "Total" (or "All",
"Overall") is the one a question about all the rows together asks for ("how many constables across all four
teams?"), and it holds the words such a question adds ("across", "all", "four") without printing them.

A data table (a CSV file, a sheet: month × place × type, then counts) is read by its cells (`data_row`): "how many
FPNs for alcohol on Marine Parade in August 2026?" names one cell of each column that says which row ("2026-08",
"Marine Parade and Promenade", "Alcohol (failure to surrender)") and the header of the column whose figure it asks
("fixed_penalty_notices_issued"). Such rows read alike to a search (every month's row names the same place and
type), so they are found by their cells, not by their closeness in meaning.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from assistant.answer.facts import IndexFacts
from assistant.text.dates import MONTHS, asked_months, months_dated
from assistant.text.source_words import document_words
from assistant.text.terms import TIME_WORDS, content_terms

# A reference made of letters and digits the documents key rows by: "A25/18", "CSP-04", "R12.3".
CODE = re.compile(r"\b([A-Z]{1,4}-?\d+(?:[/.\-]\d+)*)\b")
TOTAL_KEY = re.compile(r"(?:grand\s+)?total\b.*|overall\b.*|all", re.I)  # "Total", "Total (all teams)"
# "across all four teams", "in total", "the three districts combined", "altogether", "overall"
AGGREGATE_ASKED = re.compile(r"\b(?:across (?:all|the|every)|in total|total|altogether|combined|overall|"
                             r"all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)", re.I)
COUNT_WORDS = "two three four five six seven eight nine ten eleven twelve"
# The words a question about all the rows adds, which a total row stands for without printing them.
AGGREGATE_TERMS = frozenset(content_terms(f"across all every total overall combined altogether whole {COUNT_WORDS}"))


def key_cell(row: str) -> str:
    """The first cell of a tab-separated row, which names what the row is about."""
    return row.split("\t", 1)[0].strip()


def _shape(code: str) -> str:
    """"A25/18" -> "A9/9": letters and runs of digits folded, so codes of one scheme compare alike."""
    return re.sub(r"\d+", "9", re.sub(r"[A-Z]+", "A", code))


def other_code(question: str, row: str) -> tuple[str, str] | None:
    """(the code asked about, the row's) when the row is keyed by another code of the same scheme as one the
    question names ("A25/14" for "who owns action A25/18?"); None otherwise."""
    if "\t" not in row:
        return None
    asked = CODE.findall(question)
    if not asked:
        return None
    key = CODE.fullmatch(key_cell(row))
    if key is None or key.group(1) in asked:
        return None
    same_scheme = [code for code in asked if _shape(code) == _shape(key.group(1))]
    return (same_scheme[0], key.group(1)) if same_scheme else None


def is_total_row(row: str) -> bool:
    """Is the row keyed as the sum of the others ("Total  Sergeants: 5  Police constables: 33 ...")?"""
    return "\t" in row and bool(TOTAL_KEY.fullmatch(key_cell(row)))


def asks_aggregate(question: str) -> bool:
    """Does the question ask about all the rows together ("across all four neighbourhood teams", "in total")?"""
    return bool(AGGREGATE_ASKED.search(question))


# A cell that is a figure: "12", "1,248", "-4.2", "23.2%", "£15,850".
FIGURE = re.compile(r"[£$€]?[-+]?\d[\d,]*(?:\.\d+)?%?")
ISO_MONTH = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])")  # "2026-08", as data files print a month
ASIDE = re.compile(r"\s*\(.*?\)\s*")  # "Alcohol (failure to surrender)": the aside adds to the name, not names it
MIN_KEYS_NAMED = 2  # a row picked by one cell is a small table's, which the passage ranking reads well
_TABLES = "table_rows.tables"


@dataclass(frozen=True)
class DataTable:
    """A run of tab-separated lines of one document: its header row and body rows (sentence numbers), the columns
    whose cells say which row (`keys`) and those that give figures (`values`)."""

    header: int
    rows: tuple[int, ...]
    names: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    keys: tuple[int, ...]
    values: tuple[int, ...]


def data_row(facts: IndexFacts, question: str, documents: Collection[str]) -> tuple[int, int] | None:
    """(the header row, the row) of the one data table row the question names a cell of in at least
    `MIN_KEYS_NAMED` of its key columns and no other, with the header of a figure column it asks for; None when no
    row, or more than one, is named so (another period, another place: never a guess)."""
    asked = content_terms(question.replace("_", " "))
    found = []
    for table in tables(facts):
        if facts.index.sentences[table.header].document not in documents:
            continue
        column, inferred = _asked_column(table, question, asked)
        if column is None:
            continue
        named = {k: [v for v in {row[k] for row in table.cells} if _names_cell(v, table, k, question, asked)]
                 for k in table.keys}
        named = {k: values for k, values in named.items() if values}
        if not named and (ranked := _ranked_row(table, column, question, asked)) is not None:
            if _covers(facts, table, ranked, asked):
                found.append((table.header, ranked))  # "which organisation received the biggest single grant?"
            continue
        if any(len(values) > 1 for values in named.values()):
            continue
        rows = [i for i, row in zip(table.rows, table.cells) if all(row[k] == values[0] for k, values in named.items())]
        if len(named) < MIN_KEYS_NAMED:  # one cell names the row only when it names it alone
            rows = [i for i in rows if any(_identifies(table, k, values) for k, values in named.items())]
        if len(named) < MIN_KEYS_NAMED or inferred:  # ... and every word asked is the row's or the file's
            rows = [i for i in rows if _covers(facts, table, i, asked)]
        found += [(table.header, i) for i in rows]
    return found[0] if len(found) == 1 else None


# "how much did X get?", "the biggest single grant": the amount a table with one column of figures gives
AMOUNT_ASKED = re.compile(r"\bhow much\b|\b(?:biggest|largest|highest|smallest|lowest|most|least|fewest)\b", re.I)
MOST = re.compile(r"\b(?:biggest|largest|highest|most)\b", re.I)
LEAST = re.compile(r"\b(?:smallest|lowest|least|fewest)\b", re.I)
MIN_NAME_WORDS = 2  # a key cell of one word ("Large") may be said in passing; "Orrick Boxing Club" names its row


def _asked_column(table: DataTable, question: str, asked: frozenset[str]) -> tuple[int | None, bool]:
    """The figure column the question asks: the one whose header its words name best ("verbal warnings"), or
    writes short by its initials ("FPNs" for "fixed_penalty_notices_..."), or, when it names none,
    the table's only column of figures, for "how much" or a "biggest" (then inferred, the second of the pair);
    None otherwise. A column that only numbers the rows (1, 2, 3 ...) gives no figure."""
    figures = [k for k in table.values if not _numbers_rows(table, k)]
    scores = sorted(((_column_score(table.names[k], question, asked), k) for k in figures), reverse=True)
    if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return scores[0][1], False
    return (figures[0] if len(figures) == 1 and AMOUNT_ASKED.search(question) else None), True


def _numbers_rows(table: DataTable, k: int) -> bool:
    """Does column k only count the rows off ("Item": 1, 2, 3 ...)?"""
    return [row[k] for row in table.cells] == [str(n) for n in range(1, len(table.cells) + 1)]


def _identifies(table: DataTable, k: int, values: list[str]) -> bool:
    """Does the one cell the question names in key column k pick its row alone: the column holds a different
    cell in every row and the cell is a name of several words ("Orrick Boxing Club")?"""
    cells = [row[k] for row in table.cells]
    return len(values) == 1 and len(set(cells)) == len(cells) and \
        len(content_terms(ASIDE.sub(" ", values[0]).replace("_", " "))) >= MIN_NAME_WORDS


# Words a question about a row's figure asks with that no cell prints: how it was got, and which of them.
ASKING_TERMS = frozenset(content_terms("get gets got receive receives received give given gave award awarded "
                                       "much many biggest largest highest smallest lowest most least fewest single "
                                       "which what who from"))


def _covers(facts: IndexFacts, table: DataTable, i: int, asked: frozenset[str]) -> bool:
    """Is every word the question asks with (but `ASKING_TERMS`, times and kinds of document) a word of row i, of
    the table's header or of its document's title? "How much did Greyholt Youth Hub apply for?" asks what the grants file does not give (an
    amount applied for), and "what % of Amberford Town shoplifting was solved?" a crime type the area's row does
    not hold: the row named is no answer to either."""
    index = facts.index
    row = facts.text(index.sentences[i]).replace("_", " ")
    title = index.documents[index.sentences[i].document].title.replace("-", " ").replace("_", " ")
    held = content_terms(f"{row} {' '.join(table.names).replace('_', ' ')} {title}")
    return asked - ASKING_TERMS - TIME_WORDS - _source_terms() <= held


def _source_terms() -> frozenset[str]:
    """The terms of the words that name a kind of document ("the march summary", "the June edition"): they say
    which document, which `data_row`'s callers pick by date, not what the row holds."""
    return content_terms(" ".join(document_words()))


def _ranked_row(table: DataTable, column: int, question: str, asked: frozenset[str]) -> int | None:
    """"Which organisation received the biggest single grant?": the row with the largest (or smallest) figure in
    the column asked, when the question names a key column by its header ("organisation") and asks a most or a
    least; None when it does not, or two rows share the top figure."""
    most, least = MOST.search(question), LEAST.search(question)
    if bool(most) == bool(least) or not any(content_terms(table.names[k].replace("_", " ")) & asked
                                            for k in table.keys):
        return None
    figures = [(_figure(row[column]), i) for row, i in zip(table.cells, table.rows)]
    figures = sorted(((f, i) for f, i in figures if f is not None), reverse=bool(most))
    if len(figures) < 2 or figures[0][0] == figures[1][0]:
        return None
    return figures[0][1]


def _figure(cell: str) -> float | None:
    try:
        return float(re.sub(r"[£$€,%+]", "", cell))
    except ValueError:
        return None


def tables(facts: IndexFacts) -> list[DataTable]:
    """Every data table of the index: a header row of names over at least two rows of as many cells, some
    columns all figures and some not (worked out once per index)."""
    index = facts.index
    found = index.derived.get(_TABLES)
    if found is not None:
        return found
    found, run = [], []
    for i, sentence in enumerate(index.sentences):
        text = facts.text(sentence)
        if "\t" in text and run and index.sentences[run[-1]].document == sentence.document and run[-1] == i - 1:
            run.append(i)
            continue
        if (table := _data_table(facts, run)) is not None:
            found.append(table)
        run = [i] if "\t" in text else []
    if (table := _data_table(facts, run)) is not None:
        found.append(table)
    return index.derived.setdefault(_TABLES, found)


def _data_table(facts: IndexFacts, run: list[int]) -> DataTable | None:
    if len(run) < 3:
        return None
    lines = [tuple(cell.strip() for cell in facts.text(facts.index.sentences[i]).split("\t")) for i in run]
    names, body = lines[0], lines[1:]
    if len(names) < 3 or any(len(row) != len(names) for row in body) or \
            not all(any(c.isalpha() for c in name) and not FIGURE.fullmatch(name) for name in names):
        return None
    values = tuple(k for k in range(len(names)) if all(FIGURE.fullmatch(row[k]) for row in body))
    keys = tuple(k for k in range(len(names)) if k not in values and len({row[k] for row in body}) > 1)
    if not values or not keys:
        return None
    return DataTable(run[0], tuple(run[1:]), names, tuple(body), keys, values)


def _names_cell(cell: str, table: DataTable, k: int, question: str, asked: frozenset[str]) -> bool:
    """Does the question name this key cell: every word of its name ("Marine Parade and Promenade"; "Alcohol" of
    "Alcohol (failure to surrender)"), or for a month as data files print it ("2026-08"), that month and year (or
    the month alone, when the column holds one year)?"""
    month = ISO_MONTH.fullmatch(cell)
    if month is not None:
        year, number = int(month.group(1)), int(month.group(2))
        if (year, number) in months_dated(question):
            return True
        years = {ISO_MONTH.fullmatch(row[k]).group(1) for row in table.cells if ISO_MONTH.fullmatch(row[k])}
        return len(years) == 1 and not months_dated(question) and MONTHS[number - 1][:3].casefold() in \
            asked_months(question)
    words = content_terms(ASIDE.sub(" ", cell).replace("_", " "))
    return bool(words) and words <= asked


def _column_score(name: str, question: str, asked: frozenset[str]) -> int:
    """How many of a column header's words the question uses, one more when it writes the header short by its
    initials ("FPNs", "fpn" for "fixed_penalty_notices_issued")."""
    words = name.replace("_", " ").split()
    initials = "".join(word[0] for word in words).casefold()
    tokens = (re.sub(r"s$", "", word.casefold()) for word in re.findall(r"\b[A-Za-z]{3,6}\b", question))
    short = any(len(token) >= 3 and initials.startswith(token) for token in tokens)
    return len(content_terms(" ".join(words)) & asked) + (1 if short else 0)

