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
