"""A line's *context label*: the words that say what a line outside running prose is about.

The label is the headings above the line, the short opening lines of its section and of the sections it sits in
("Minutes of the Meeting on 26th July 2024", "Present:"), and, for a list item or a table row, the line that
introduces the list or the table's header row. "Keith Nicholson – Director of Public Places, Chelmsford City
Council (Chair)" answers "who chaired the July meeting?" only when read with "Minutes of the Meeting on 26th
July 2024" and "Present:". A label depends on the document alone, so the build works out every sentence's
(`store.sentence_facts`) and passage selection reads them (`answer.facts`).
"""

from __future__ import annotations

import re

from assistant.records import Document, Section

# A line that is one item of a list or a table: a bullet, a numbered item, a tab-separated row.
ITEM = re.compile(r"^\s*(?:[-•❖*·]|\d{1,2}[.)]?\s|\(?[a-z]\)\s)|\t")
NUMBERED = re.compile(r"\s*\d{1,2}[.)]")
LEAD_MAX_CHARS = 120  # a section's opening line this short reads as its subtitle ("Present:")
LEAD_LINES = 3
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def is_item(line: str) -> bool:
    return bool(ITEM.search(line))


def is_table_row(line: str) -> bool:
    """A tab-separated row that is not a numbered item ("3.<tab>Strategic Infrastructure")."""
    return "\t" in line and not NUMBERED.match(line)


def section_at(doc: Document, offset: int) -> Section | None:
    spans = [sec for sec in doc.sections if sec.start <= offset < sec.end]
    return spans[-1] if spans else None


def context_label(doc: Document, offset: int) -> str:
    """See the module docstring: the words that say what the line at `offset` is about."""
    parts: list[str] = [doc.title]
    section = section_at(doc, offset)
    path = section.path if section is not None else ()
    parts += list(path)
    # The opening lines of this section and of each enclosing one (the nearest section before this one
    # with that shorter path): "Minutes of the Meeting on 26th July 2024" above "Present:".
    enclosing = [sec for sec in doc.sections if sec.start <= offset and sec.path
                 and sec.path == path[:len(sec.path)]]
    seen: set[tuple[str, ...]] = set()
    for sec in reversed(enclosing):
        if sec.path in seen:
            continue
        seen.add(sec.path)
        parts += _lead_lines(doc.text, sec.start, min(sec.end, offset))
    if section is None or not section.path:  # the preamble before the first heading: its opening lines
        parts += _lead_lines(doc.text, section.start if section is not None else 0, offset)
    line_start = doc.text.rfind("\n", 0, offset) + 1
    line_end = doc.text.find("\n", offset)
    line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
    if is_item(line):
        parts.append(_list_lead(doc.text, line_start, section.start if section is not None else 0))
    return " › ".join(dict.fromkeys(p for p in parts if p))


def _lead_lines(text: str, start: int, end: int) -> list[str]:
    """Up to LEAD_LINES short opening lines of text[start:end] that are not themselves list items."""
    leads: list[str] = []
    position = start
    while position < end and len(leads) < LEAD_LINES:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        line = text[position:stop].strip()
        position = stop + 1
        if not line:
            continue
        if len(line) > LEAD_MAX_CHARS or is_item(line) or line.endswith((".", "?", "!")):
            break  # a subtitle ("Present:", "Minutes of the Meeting on ..."), not the section's first sentence
        leads.append(line)
    return leads


def _list_lead(text: str, line_start: int, floor: int) -> str:
    """The line that introduces the list or table a line belongs to: the nearest line above that is not an
    item (for a table, its first row, the header)."""
    position = line_start
    first_row = ""
    while position > floor:
        previous_start = max(text.rfind("\n", floor, position - 1) + 1, floor)
        line = text[previous_start:position - 1].strip()
        position = previous_start
        if not line:
            continue
        if is_table_row(line):
            first_row = line  # keep climbing: the header is the table's first row
            continue
        if first_row:
            return first_row
        if not is_item(line):
            return SENTENCE_END.split(line)[-1]  # its last sentence: "... are listed below:"
    return first_row
