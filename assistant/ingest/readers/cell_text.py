"""Print a spreadsheet cell's value the way the sheet shows it, so answers quote what a reader sees.

openpyxl and xlrd give the stored value: 1234.0 for a count, 0.1234 for a cell formatted "0.0%", a float
with binary noise for 0.1 + 0.2. A person reading the sheet sees "1234", "12.3%", "0.3"; the index, the
citations and the number checks must see the same. Only the common parts of Excel number formats are
honoured (decimals, thousands separator, percent, a leading currency sign); anything exotic (fractions,
scientific, conditional sections) falls back to the General format.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')  # quoted text, [Red]/[$-809], escapes, padding
_NUMBER = re.compile(r"[#0?][#0?,]*(?:\.([#0?]*))?")
_CURRENCY = "£$€"
_LOCALE_CURRENCY = re.compile(r"\[\$([^\]-]*)[^\]]*\]")  # "[$£-809]" shows "£"


def cell_text(value: object, number_format: str | None = "General") -> str:
    """The displayed text of one cell ("" for an empty one); never contains a tab or a newline."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return format_number(value, number_format or "General")
    return " ".join(str(value).split())


def format_number(value: float, number_format: str = "General") -> str:
    """Apply the decimals, thousands separator, percent sign and currency prefix of `number_format`."""
    raw = _LOCALE_CURRENCY.sub(r"\1", number_format.split(";")[0])
    section = _LITERALS.sub("", raw)
    match = _NUMBER.search(section) if number_format not in ("General", "@") else None
    if match is None or "E" in section.upper() or "/" in section:
        return _general(value)
    places = match.group(1) or ""
    if "%" in section:
        value = value * 100
    thousands = "," in match.group(0).split(".")[0].strip(",")
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-len(places)), rounding=ROUND_HALF_UP)  # as Excel
    text = f"{rounded:{',' if thousands else ''}f}"
    optional = len(places) - len(places.rstrip("#?"))  # "0.0#" shows a second decimal only when needed
    if optional and "." in text:
        keep = len(text) - optional
        text = text[:keep] + text[keep:].rstrip("0")
        text = text.rstrip(".")
    before = re.split(r"[#0?]", raw, maxsplit=1)[0]
    prefix = next((c for c in before if c in _CURRENCY), "")
    if prefix:
        text = f"-{prefix}{text[1:]}" if text.startswith("-") else prefix + text
    return text + ("%" if "%" in section else "")


def _general(value: float) -> str:
    """Excel's General format: whole numbers without ".0", others without float noise (15 significant digits)."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


def iso_date(value: object) -> str:
    """A date from a document's properties (Word, Excel) as YYYY-MM-DD, or "" when there is none."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return ""
