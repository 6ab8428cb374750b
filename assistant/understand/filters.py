"""Questions that pick out the rows meeting a condition, rather than the top few.

"Which districts saw crime fall?", "did any district see burglary rise?", "was burglary up in every district?",
"which areas have a solved rate below 10%?", "how many districts recorded more than 10,000 crimes?", "which
crimes went up in Harlow?". Read as a superlative or a plain change, each got a wrong answer: the force's own
change ("No, burglary across Essex fell", while one district's rose by 328), or a ranking that called falls
the "largest rises". Here the question's quantifier (which, any, every, how many) and condition (a rise, a
fall, above or below a figure) are read into a `RankSpec` with `keep` set, and the answer lists every row
that meets the condition.
"""

from __future__ import annotations

import re

from assistant.vocab.load import directions
from assistant.understand.query import DA_SHARE, SOLVED_RATE, RankSpec

_WORDS = directions()
_UP = re.compile(_WORDS.pattern("rise", "up"))
_DOWN = re.compile(_WORDS.pattern("fall", "down"))
BETTER = re.compile(_WORDS.pattern("better"))
WORSE = re.compile(_WORDS.pattern("worse"))
_MORE = re.compile(_WORDS.pattern("more"))
_LESS = re.compile(_WORDS.pattern("less"))

# The words for the rows of a force-wide table, named as areas (also how claims name them, `claims.conditions`).
AREA_WORDS = r"(?:districts?|areas?|boroughs?|councils?|places?|parts? of the (?:county|force))"
# The rows of one area's table, named as rows: "crime types", "types of offence" ("all crime" is the total row,
# and "how many crimes" a count, so a bare "crime" or "offences" is a row only after "which" or "what").
_TYPE = r"(?:crime types?|offence types?|(?:types?|kinds?|categor(?:y|ies)) of (?:crime|offence)s?|categor(?:y|ies))"
_WHICH_TYPE = rf"(?:{_TYPE}|crimes?|offences?)"
_QUANTIFIERS = (
    ("any", rf"\bany(?: of the| one)? (?:{AREA_WORDS}|{_TYPE})\b|\banywhere\b|\bno {AREA_WORDS}\b|\bnone of the\b"),
    ("every", rf"\b(?:every|each|all(?: of)?(?: the)?) (?:{AREA_WORDS}|{_TYPE})\b|\beverywhere\b|\bacross the board\b"),
    ("count", rf"\b(?:in )?how many (?:of the )?(?:{AREA_WORDS}|{_TYPE})\b"),
    ("which", rf"\b(?:which|what) (?:of the )?(?:{AREA_WORDS}|{_WHICH_TYPE})\b|^(?:in )?where\b|"
              rf"\bwhere (?:has|have|did|was|were|is|are)\b"),
)
_OVER_TYPES = re.compile(rf"\b(?:which|what) (?:of the )?(?:other )?{_WHICH_TYPE}\b|"
                         rf"\b(?:any|every|each|all|how many) (?:of the )?(?:other )?{_TYPE}\b")
# A figure the rows must pass: "above 10,000", "below 10%", "more than 5,000", "under 12 percent". `normalise`
# has made "10.5%" into "10 5 percent", so a second group of one or two digits before "percent" is the decimals.
_NUMBER = r"(\d+)(?: (\d{1,2}) (?=percent))?( percent)?"
_ABOVE = re.compile(rf"\b(?:above|over|more than|greater than|higher than|exceed(?:s|ed|ing)?|in excess of|at least)"
                    rf" {_NUMBER}")
_BELOW = re.compile(rf"\b(?:below|under|less than|fewer than|lower than|at most) {_NUMBER}")

# The words of these questions are table-question vocabulary ("anywhere" is no topic the documents lack).
WORD_PATTERNS = (*(re.compile(pattern) for _, pattern in _QUANTIFIERS), _ABOVE, _BELOW)


def read_filter(norm: str, measure: str | None, change: bool, areas) -> RankSpec | None:
    """The condition a question puts on every area (or on every crime type of one area), or None."""
    quantifier = next((name for name, pattern in _QUANTIFIERS if re.search(pattern, norm)), None)
    if quantifier is None:
        return None
    over = "crime types" if _OVER_TYPES.search(norm) and len(areas) == 1 else "areas"
    if over == "areas" and len(areas) == 1:
        return None  # "where in Harlow ...", "which crimes ... in Harlow" reads the one area's rows, above
    threshold = _threshold(norm)
    up, down = _direction(norm, measure, change)
    if threshold is not None:
        keep, limit, percent = threshold
        if up != down:  # "rose by more than 10%": a change at least that big, the asked way
            return RankSpec("highest" if up else "lowest", 0, "% change" if percent and measure != SOLVED_RATE
                            else "change", over, keep="rise" if up else "fall", limit=limit, quantifier=quantifier)
        if measure in (SOLVED_RATE, DA_SHARE) or not percent:
            return RankSpec("highest" if keep == "above" else "lowest", 0, "value", over, keep=keep, limit=limit,
                            quantifier=quantifier)
        return None  # "above 10%" of a count: no printed figure can be compared with it
    if up == down:
        return None
    return RankSpec("highest" if up else "lowest", 0, "change", over, keep="rise" if up else "fall",
                    quantifier=quantifier)


def _threshold(norm: str) -> tuple[str, float, bool] | None:
    """("above" | "below", the figure, whether it is a percentage)."""
    for keep, pattern in (("above", _ABOVE), ("below", _BELOW)):
        found = pattern.search(norm)
        if found:
            whole, decimals, percent = found.groups()
            return keep, float(f"{whole}.{decimals}" if decimals else whole), bool(percent)
    return None


def _direction(norm: str, measure: str | None, change: bool) -> tuple[bool, bool]:
    """(asks for rises, asks for falls): "improved" is a rise of a solved rate and a fall in offences; "more
    burglaries than last year" is a rise only where a change was asked."""
    text = re.sub(r"\bmakes? up\b|\badd(?:s|ed|ing)? up\b|\bup to\b|\bdown to\b", " ", norm)
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if change and not (up or down):
        up, down = bool(_MORE.search(text)), bool(_LESS.search(text))
    return with_better_or_worse(text, measure, up, down)


def with_better_or_worse(text: str, measure: str | None, up: bool, down: bool) -> tuple[bool, bool]:
    """(asks for rises, asks for falls) once "better" and "worse" are read for the measure: an improved solved
    rate rose, improved offences fell. Rankings read them the same way (`ranking`)."""
    better, worse = bool(BETTER.search(text)), bool(WORSE.search(text))
    if measure == SOLVED_RATE:
        return up or better, down or worse
    return up or worse, down or better
