"""Which way a figure moved: the words of change (rise, fall, more, fewer, better, worse, unchanged, doubled)
from the one direction vocabulary, `assistant/vocab/data/directions.toml`, shared with question understanding
and the table answers' yes/no.

Pure functions over text whose figures are already blanked (see `claims.amounts.masked`).
"""

from __future__ import annotations

import re

from assistant.vocab.load import directions

UP, DOWN, BETTER, WORSE = "up", "down", "better", "worse"

_WORDS = directions()
# A multiple stands for a percentage change and a direction: "doubled" a rise of 100%, "halved" a fall of 50%.
MULTIPLES = {word: (abs(change), UP if change > 0 else DOWN) for word, change in _WORDS.multiples.items()}
_UP_WORDS = "|".join(_WORDS.groups["rise"] + _WORDS.groups["up"] + _WORDS.groups["more"])
_DOWN_WORDS = "|".join(_WORDS.groups["fall"] + _WORDS.groups["down"] + _WORDS.groups["less"])
_UP = re.compile(rf"\b(?:{_UP_WORDS})\b", re.IGNORECASE)
_DOWN = re.compile(rf"\b(?:{_DOWN_WORDS})\b", re.IGNORECASE)
# "which represented no change", "unchanged": a level the text says did not move.
FLAT = re.compile(_WORDS.pattern("unchanged"), re.IGNORECASE)
_BETTER = re.compile(_WORDS.pattern("better"), re.IGNORECASE)
_WORSE = re.compile(_WORDS.pattern("worse"), re.IGNORECASE)
_DIRECTION_WORD = re.compile(rf"\b(?:{_UP_WORDS}|{_DOWN_WORDS})\b", re.IGNORECASE)
CHANGE_NOUNS = re.compile(rf"\b(?:{_UP_WORDS}|{_DOWN_WORDS}|chang\w*|swing|by)\b", re.IGNORECASE)
STARTS_CHANGE = re.compile(rf"^\W*(?:{_UP_WORDS}|{_DOWN_WORDS})\b", re.IGNORECASE)
ENDS_BY = re.compile(r"\bby\W*$", re.IGNORECASE)
ENDS_TO = re.compile(r"\b(?:to|from)\W*$", re.IGNORECASE)


def direction_in(text: str) -> str | None:
    """UP, DOWN, BETTER or WORSE from the verbs of a text whose hedges and figures are already blanked."""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if up != down:
        return UP if up else DOWN
    if up and down:
        return None
    better, worse = bool(_BETTER.search(text)), bool(_WORSE.search(text))
    if better != worse:
        return BETTER if better else WORSE
    return None


def has_direction_word(text: str) -> bool:
    """Does the text use any word of change ("rose", "fell", "more", "improved"), whichever way it points?"""
    return bool(_DIRECTION_WORD.search(text) or _BETTER.search(text) or _WORSE.search(text))


def nearest_direction(before: str, after: str) -> str | None:
    """The direction word closest to a figure: the end of `before` or the start of `after`."""
    after_words = re.findall(r"[A-Za-z]+", after)[:4]
    before_words = re.findall(r"[A-Za-z]+", before)[-8:]
    # Nearest first, alternating: the word just after the figure, then the one just before it, and so on.
    candidates = [(i, w) for i, w in enumerate(after_words)] + \
                 [(len(before_words) - i - 0.5, w) for i, w in enumerate(before_words)]
    for _, word in sorted(candidates):
        if _DIRECTION_WORD.fullmatch(word):
            return UP if _UP.fullmatch(word) else DOWN
    return None
