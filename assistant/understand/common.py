"""Two small helpers every reader in `understand` shares.

A reader blanks the words it used (spaces of the same length, so every other match keeps its offsets) before the
next reader looks, and readings keep the first of repeated names in the order they were named.
"""

from __future__ import annotations

import re


def unique(items) -> tuple:
    """The items in first-seen order, each once."""
    return tuple(dict.fromkeys(items))


def blank_matches(pattern: re.Pattern, text: str) -> str:
    """`text` with every match of `pattern` replaced by as many spaces."""
    return pattern.sub(lambda m: " " * len(m.group()), text)
