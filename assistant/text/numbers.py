"""Formatting figures the same way everywhere, and finding the numbers a text states (for the citation guard)."""

from __future__ import annotations

import math
import re

# Digits with optional thousands separators and decimals; a leading sign is kept apart.
_NUMBER = re.compile(r"(?<![\w.])[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])[-+−]?\d+(?:\.\d+)?")
_CITATION_MARK = re.compile(r"\[\d+(?:,\s*\d+)*\]")


def format_count(value: float, signed: bool = False) -> str:
    """1465 -> '1,465'; with signed=True, 15 -> '+15' and -114 -> '-114'."""
    text = f"{abs(value):,.0f}" if float(value).is_integer() else f"{abs(value):,.1f}"
    if value < 0:
        return "-" + text
    return ("+" + text) if signed and value > 0 else text


def format_percent(value: float, signed: bool = False, decimals: int = 1) -> str:
    """22.7 -> '22.7%'; with signed=True, 1.0 -> '+1.0%'. Tables print one decimal; so do we."""
    text = f"{abs(value):.{decimals}f}%"
    if value < 0:
        return "-" + text
    return ("+" + text) if signed and value > 0 else text


def numbers_in(text: str) -> list[float]:
    """Every number a text states, as absolute values, ignoring citation markers like [2] or [1, 3]."""
    text = _CITATION_MARK.sub(" ", text)
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group().lstrip("+-−").replace(",", "")
        found.append(abs(float(raw)))
    return found


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


# A number with its unit as printed: "£284,777", "9.2%", "9.2 per cent", "1,920".
_WITH_UNIT = re.compile(r"(£)?\s?((?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?)"
                        r"(\s?(?:%|per\s?cent\b|percent\b))?", re.IGNORECASE)


def numbers_with_units(text: str) -> set[tuple[float, str]]:
    """Every (number, unit) a text states, the unit "£", "%" or "" (a count): a guard compares a prose figure
    with the cited sentence's figure in its own unit, so "9.2%" is not backed by "£9.2" or "9.2 miles" alone."""
    text = _CITATION_MARK.sub(" ", text)
    found = set()
    for match in _WITH_UNIT.finditer(text):
        unit = "£" if match.group(1) else "%" if match.group(3) else ""
        found.add((float(match.group(2).replace(",", "")), unit))
    return found


# Numbers written as words, as prose writes small counts ("four homicides", "one case"): the one list, shared
# by the claim reader and the documents' reader so both read "five homicides" and "four homicides" alike.
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def number_word(word: str) -> int | None:
    """"Four" -> 4; None for a word that is not a number."""
    return NUMBER_WORDS.get(word.lower())
