"""Small helpers the readers in `understand` share.

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


class PhraseMatcher:
    """Every phrase of a set of labels in one alternation, longest first, compiled once: `take` finds the labels a
    text names and blanks their words, so the next reader does not read them again."""

    def __init__(self, entries: dict[str, tuple[str, ...]]):
        self.owner: dict[str, str] = {}
        for label, phrases in entries.items():
            for phrase in phrases:
                if phrase:
                    self.owner.setdefault(phrase, label)
        alternation = "|".join(re.escape(p) for p in sorted(self.owner, key=len, reverse=True))
        self.pattern = re.compile(rf"\b(?:{alternation})\b") if self.owner else None

    def take(self, text: str) -> tuple[list[str], str]:
        """Labels whose phrases occur in `text`, in order, and the text with each match blanked."""
        if self.pattern is None:
            return [], text
        found: list[str] = []

        def blank(match: re.Match) -> str:
            found.append(self.owner[match.group()])
            return " " * len(match.group())
        text = self.pattern.sub(blank, text)
        return list(dict.fromkeys(found)), text
