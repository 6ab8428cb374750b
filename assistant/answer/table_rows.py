"""How a row of a printed table answers: by its own key cell, read with the header row over it.

A table's header row ("Ref  Action  Owner  Deadline  Status") names what the rows below give; it answers nothing
itself (see `lists.is_header_row`). A row is about what its first cell names: the row keyed "A25/14" is not the
answer to a question about action "A25/18", however alike the rest of it reads. A row keyed "Total" (or "All",
"Overall") is the one a question about all the rows together asks for ("how many constables across all four
teams?"), and it holds the words such a question adds ("across", "all", "four") without printing them.
"""

from __future__ import annotations

import re

from assistant.text.terms import content_terms

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
