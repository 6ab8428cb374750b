"""What both performance-table readers share: the header words (`data/headers.toml`), the force's name, and the
problem a table that looks like a performance table but cannot be read raises.

`performance` reads the tables a board pack prints; `grids` the layouts of a force's own workbooks and CSV files.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

FORCE_TITLE = "Force"  # the heading a summary prints over its force-wide table


class TableProblem(Exception):
    """A table that looks like a performance table but cannot be read; the message says where and why."""


@lru_cache(maxsize=1)
def header_words() -> dict:
    """The words of `data/headers.toml`: measure groups, difference columns, period phrases."""
    with open(Path(__file__).parent / "data" / "headers.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _percent_difference() -> re.Pattern:
    words = header_words()["columns"]
    difference = "|".join(re.escape(w) for w in sorted(words["difference"], key=len, reverse=True))
    marks = "|".join(re.escape(m) for m in sorted(words["percent_marks"], key=len, reverse=True))
    between = r"[\s()\[\].:-]*"  # "Change (%)", "% diff.", "Difference - %"
    return re.compile(rf"(?:{marks}){between}(?:{difference})|(?:{difference})[a-z.]*{between}(?:{marks})")


def names_percent_difference(label: str) -> bool:
    """Does a column's label name a percentage difference: a difference word with a percent mark right before or
    after it ("% change", "Offences Difference %", "Change (%)", "Percentage variance")? "Offences Difference" beside
    "Offences Difference %" is then the change in offences, not a second column for the same figure."""
    return _percent_difference().search(label.lower()) is not None


def is_percent_mark(part: str) -> bool:
    """A header cell that is only a percent mark ("%", "(%)", "Per cent"): under a group naming a difference, it
    heads the percentage one (a "Change" group over "No." and "%")."""
    return part.strip(" ()[]").lower() in header_words()["columns"]["percent_marks"]


_FORCE = re.compile(r"((?:[A-Z][\w&'.-]*\s+){0,3}[A-Z][\w&'.-]*)\s+(?:Police(?:\s+Service)?|Constabulary)\b")


def force_name(edition: str) -> str:
    """"Essex Police: Performance Summary To ..." -> "Essex": the force a summary's force-wide table is for; the
    name before "Police" or "Constabulary" when the title names one ("Dunmarsh Constabulary - Kestermoor Policing
    Area: ..." -> "Dunmarsh"), else the title's words before its colon."""
    named = _FORCE.search(edition)
    if named:
        return named.group(1)
    name = re.split(r":|\bperformance\b", edition, maxsplit=1, flags=re.IGNORECASE)[0]
    name = re.sub(r"\b(?:police(?: service)?|constabulary)\b", "", name, flags=re.IGNORECASE)
    return " ".join(name.split()) or FORCE_TITLE
