"""The metadata block a Markdown or text file may open with ("---", "title: ...", "created: 23/9/2011", "---").

Pages exported from a website (Jekyll, Hugo, data.gov.uk's library) carry their title and dates there, not in a
heading; left in the text, the block became the document's title ("---") and its first passage. It is read with
PyYAML and taken off the text; a block that is not valid YAML mapping is left as it was.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_LINES = 60  # a real block is short; a long one is a document that happens to open with a rule
_TITLE_KEYS = ("title", "name")
_DATE_KEYS = ("date", "published", "created", "revised")
_PUBLISHER_KEYS = ("publisher", "organisation", "organization", "author")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """({"title", "date", "publisher"} as far as the block gives them, the text without the block)."""
    match = _BLOCK.match(raw.lstrip("\ufeff"))
    if match is None or match.group(1).count("\n") > _MAX_LINES:
        return {}, raw
    try:
        block = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, raw
    if not isinstance(block, dict):
        return {}, raw
    fields = {str(key).lower(): value for key, value in block.items()}
    found = {"title": _first_text(fields, _TITLE_KEYS), "date": _first_date(fields),
             "publisher": _first_text(fields, _PUBLISHER_KEYS)}
    return {key: value for key, value in found.items() if value}, raw.lstrip("\ufeff")[match.end():]


def _first_text(fields: dict, keys: tuple[str, ...]) -> str:
    return next((" ".join(str(fields[key]).split()) for key in keys
                 if isinstance(fields.get(key), (str, int, float)) and str(fields[key]).strip()), "")


def _first_date(fields: dict) -> str:
    """The first date the block gives, as ISO: YAML's own dates, "2011-09-23", or the UK's "23/9/2011"."""
    for key in _DATE_KEYS:
        value = fields.get(key)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()[:10]
        if isinstance(value, str):
            iso = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
            uk = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
            try:
                if iso:
                    return dt.date(*map(int, iso.groups())).isoformat()
                if uk:
                    day, month, year = map(int, uk.groups())
                    return dt.date(year, month, day).isoformat()
            except ValueError:  # "31/2/2011": not a date, look further
                continue
    return ""
