"""Rows of a table a follow-up picks by what their cells hold, after a passage answer that quoted the table or named
a person.

A table row is read as its cells, each after the first under its column's header ("A25/16 | Action: Report on
CCTV camera faults | Owner: ... | Status: Open"). Three kinds of turn point at rows that way:

- a word only some of the quoted rows hold, with a column it asks for: "who owns the CCTV one?" after the open
  actions of an action log is the row whose cells say "CCTV", read with its "Owner" cell;
- a column and a value: "which of them has no vacancies?" after a staffing table is each row whose "Vacancies" cell
  is 0 ("the most vacancies", "the fewest" are the rows of its largest or smallest figure; a "Total" row is none);
- the one row the last answer quoted, pointed at as "it" with a kind of fact its cells hold: "what's the new date
  for it?" after an overdue action's row ("Due date: 30 September | Status: Overdue - now due 15 December") is that
  row again, not another row whose cells happen to share a word with the turn; so is "what's its RAG rating?" after
  one priority's row, naming a column of it ("RAG") in words of the table's heading ("progress and RAG rating"),
  never the header row that shares those words;
- a person the last answer named, with a table the turn names by its header or heading: "which items is he
  presenting at the January board?" after "who is the community safety manager?" is each row of the agenda
  ("Item | Subject | Lead") whose cell after the first names him, in that month's meeting document. A row whose
  first cell names the person ("Name | Role | Organisation") is about them, not a thing they take part in.

Headers, cells and words are read from the document, never one corpus's names. Nothing is found when the turn
points at no column, no row, or several rows as well as one; the turn is then searched for as usual.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer.facts import IndexFacts
from assistant.answer.lists import is_header_row
from assistant.answer.series import lines_of, meeting_month
from assistant.answer.thread_people import names
from assistant.answer.turns import (ANOTHER, FRAMING, FUNCTION_WORDS, OPENER, RELATIVE, STEP, YEAR_BEFORE, dates_in,
                                    ordinal, unframed)
from assistant.answer.wants import wants
from assistant.text.context import is_table_row
from assistant.text.dates import DATE
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread

CELL = re.compile(r"\t|\s\|\s")
LABELLED = re.compile(r"^\s*([^:\d][^:]{0,40}):\s*(.*)$")  # "Owner: Gareth Pellow"
FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
# "has no vacancies", "the most vacancies", "the fewest officers": a value of a column the rows are picked by.
NONE_OF = re.compile(r"\b(?:no|zero|none|nil|nothing)\b", re.I)
MOST = re.compile(r"\b(?:most|highest|largest|biggest|greatest)\b", re.I)
FEWEST = re.compile(r"\b(?:fewest|least|lowest|smallest)\b", re.I)
TOTAL = re.compile(r"^\s*(?:total|all|overall|sum)\b", re.I)  # a row adding up the others is no row of its own
# Words that only point back or ask what kind of thing: never what a row must hold.
POINTING = content_terms("which what who whom is are was were has have had does do did the of one ones them those "
                         "these it its that this there only still no none zero most least fewest highest lowest "
                         "largest smallest biggest greatest")
SHORTEST_STEM = 3  # letters a turn's word and a header's must share to be one word ("owns" and "Owner")


def row_picked(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The rows of the last answer's table the turn picks by a word some rows hold or by a column's value; empty
    when it picks none (see the module docstring)."""
    rows = [i for i in earlier.sentences if is_table_row(facts.text(facts.index.sentences[i]))]
    if not rows:
        return ()
    table = [j for j in table_of(facts, rows[0]) if headers(facts.text(facts.index.sentences[j]))]
    columns = {header for j in table for header in headers(facts.text(facts.index.sentences[j]))}
    wanted = content_terms(unframed(question)) - content_terms(earlier.question) - POINTING - FRAMING - FUNCTION_WORDS
    asked = {header for header in columns if any(_same_word(t, h) for t in wanted for h in content_terms(header))}
    if not asked:
        return ()
    selector = {t for t in wanted if not any(_same_word(t, h) for h in content_terms(" ".join(asked)))}
    if selector:  # "the CCTV one": the one quoted row (else row of the table) holding the words
        for candidates in ([i for i in rows if i in table], table):
            holding = [i for i in candidates if selector <= facts.sentence_terms(i)]
            if len(holding) == 1 and len(candidates) > 1:
                return tuple(holding)
        return ()
    return _by_value(facts, table, asked, question)


# "it", "its", "that one": one thing pointed at, as "them" or "those" (several rows) are not.
ONE_THING = re.compile(r"\b(?:it|its|that one|this one)\b", re.I)
DATE_WORD = re.compile(r"\b(?:date|deadline)s?\b", re.I)


def quoted_row(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The last answer's lines again when they quoted one table row (with its header, if any), the turn points at
    it as one thing ("who is responsible for it?", "what's the new date for it?"), asks for a kind of fact the row's
    cells hold, and steps to no other item, time or thing ("and the next one?", "the year before", "what about
    ...?", "who else?"); empty otherwise. The row is the thing "it" is: another row sharing a word with the turn
    ("Due date" is in every row) is no answer about it."""
    index = facts.index
    rows = [i for i in earlier.sentences if headers(facts.text(index.sentences[i]))]  # "2.1<tab>Action: ..." too
    if len(rows) != 1 or not ONE_THING.search(question) or OPENER.match(question) or ANOTHER.search(question) or \
            STEP.search(question) or RELATIVE.search(question) or YEAR_BEFORE.search(question) or ordinal(question):
        return ()
    asked = wants(question)
    if DATE_WORD.search(question) and not asked.date:  # "what's the new date for it?" asks when, as "when?" does
        asked = replace(asked, date=True)
    kinds = (asked.person, asked.date, asked.figure, asked.place, asked.time)
    row = facts.text(index.sentences[rows[0]])
    if not any(kinds) or not asked.fits(_values(row), question):
        return ()
    return tuple(earlier.sentences)


def other_cell(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"What's its RAG rating?" after "who leads on the night-time economy priority?" answered by one row: that row
    again, when the turn points at it as one thing and names one of its columns ("RAG"), its other words being
    only those of the table's heading ("progress and RAG rating"), which say which table, not which row. Empty
    when the last answer quoted no single row with column headers or the turn names no column of it."""
    index = facts.index
    rows = [i for i in earlier.sentences if headers(facts.text(index.sentences[i]))]
    if len(rows) != 1 or not ONE_THING.search(question) or OPENER.match(question) or ANOTHER.search(question) or \
            STEP.search(question) or RELATIVE.search(question) or YEAR_BEFORE.search(question) or ordinal(question):
        return ()
    wanted = content_terms(unframed(question)) - content_terms(earlier.question) - POINTING - FRAMING - FUNCTION_WORDS
    columns = content_terms(" ".join(headers(facts.text(index.sentences[rows[0]]))))
    named = {t for t in wanted if any(_same_word(t, c) for c in columns)}
    rest = wanted - named - facts.label_terms(rows[0])
    return (rows[0],) if named and not rest else ()


def _values(row: str) -> str:
    """A row's cells less their column headers ("Owner: Gareth Pellow" is "Gareth Pellow"): a header names the
    kind of fact ("Due date"), its cell holds it."""
    cells = CELL.split(row.strip())
    return "\t".join(m.group(2) if (m := LABELLED.match(cell)) else cell for cell in cells)


def _by_value(facts: IndexFacts, table: list[int], asked: set[str], question: str) -> tuple[int, ...]:
    """The rows whose cell under the one column asked holds the value the turn says: 0 for "no ...", the largest
    for "the most ...", the smallest for "the fewest ..."."""
    if len(asked) != 1:
        return ()
    column = next(iter(asked))
    values = {}
    for j in table:
        text = facts.text(facts.index.sentences[j])
        cell = dict(headers_and_values(text)).get(column)
        figure = FIGURE.search(cell or "")
        if figure and not TOTAL.match(text):
            values[j] = float(figure.group().replace(",", ""))
    if len(values) < 2:
        return ()
    if NONE_OF.search(question):
        target = 0.0
    elif MOST.search(question):
        target = max(values.values())
    elif FEWEST.search(question):
        target = min(values.values())
    else:
        return ()
    found = tuple(j for j, value in values.items() if value == target)
    return found if 0 < len(found) < len(values) else ()


def person_rows(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The rows, of the one table the turn names by its header or heading, whose cell after the first names the
    person the last answer named, in the document of the month the turn names (if it names one); empty when no
    table or two equally fit."""
    if not earlier.names or not earlier.asks_of_person(question):
        return ()
    person = earlier.names[0]
    wanted = content_terms(DATE.sub(" ", unframed(question))) - content_terms(person) - POINTING - FRAMING - \
        FUNCTION_WORDS
    months = {month for month, _ in dates_in(question)}
    index = facts.index
    found: dict[int, list[int]] = {}  # each table's rows naming the person, by the table's first line
    surname = content_terms(person.split()[-1])  # a line naming the person prints their surname: its postings
    lines = sorted(facts.covering(dict.fromkeys(surname, 1.0), len(surname))) if surname else \
        range(len(index.sentences))
    for j in lines:
        sentence = index.sentences[j]
        text = facts.text(sentence)
        if not is_table_row(text) or not names(text, person):
            continue
        if months and meeting_month(index.documents[sentence.document]) not in months:
            continue
        cells = CELL.split(text.strip())
        if len(cells) > 1 and not names(cells[0], person) and any(names(cell, person) for cell in cells[1:]):
            found.setdefault(table_of(facts, j)[0], []).append(j)
    scored = []
    for first, rows in found.items():  # the table's header row and the heading just above it name what it is
        heading = index.chunks[index.sentences[first].chunk].section_path[-1:]
        named = content_terms(DATE.sub(" ", " ".join((*heading, facts.text(index.sentences[first])))))
        held = {t for t in wanted if any(_same_word(t, n) for n in named)}
        if held:
            scored.append((len(held), rows))
    scored.sort(key=lambda s: s[0], reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return ()
    return tuple(scored[0][1])


def table_of(facts: IndexFacts, i: int) -> list[int]:
    """The lines of row i's table: the unbroken run of table rows around it in its document, from its header row
    (a header row opens another table)."""
    lines = lines_of(facts.index, i)
    at = lines.index(i)

    def row(k: int) -> bool:
        return is_table_row(facts.text(facts.index.sentences[lines[k]]))

    start, end = at, at
    while start > 0 and row(start - 1) and not is_header_row(facts, lines[start]):
        start -= 1
    while end + 1 < len(lines) and row(end + 1) and not is_header_row(facts, lines[end + 1]):
        end += 1
    return lines[start:end + 1]


def headers(text: str) -> list[str]:
    """The column headers a row's cells are read under ("Owner" of "Owner: Gareth Pellow")."""
    return [header for header, _ in headers_and_values(text)]


def headers_and_values(text: str) -> list[tuple[str, str]]:
    cells = CELL.split(text.strip())
    return [(m.group(1).strip(), m.group(2)) for cell in cells[1:] if (m := LABELLED.match(cell))]


def _same_word(term: str, other: str) -> bool:
    """Are two terms one word in two forms ("own" and "owner", "vacanc" and "vacanc")?"""
    if term == other:
        return True
    shorter, longer = sorted((term, other), key=len)
    return len(shorter) >= SHORTEST_STEM and longer.startswith(shorter)
