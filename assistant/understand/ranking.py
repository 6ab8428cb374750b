"""Whether a question ranks ("which district had the most ...", "top three", "rank the districts") and how.

Reads the direction (highest or lowest, with "best solved rate" the highest and "biggest improvement" in
offences a fall), how many, by what (value, change or % change) and over what (the areas, or the crime types
within one area).
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.vocab.load import directions
from assistant.understand import filters, measures
from assistant.understand.query import DA_SHARE, SOLVED_RATE, RankSpec

# The words of change are data (vocab/data/directions.toml), shared with claims and the yes/no answers; a
# ranking reads the verbs only, not a bare "up" ("which crime makes up the largest share").
_WORDS = directions()
_UP = re.compile(_WORDS.pattern("rise"))
_DOWN = re.compile(_WORDS.pattern("fall"))
# A change named without a direction: "the biggest change", "changed least", "the smallest difference".
_NEUTRAL_CHANGE = re.compile(r"\bchang(?:e|ed|es|ing)\b|\bdifferences?\b|\bmov(?:e|ed|ement)\b|\bshift(?:ed|s)?\b|"
                             r"\bswing\b|\bvariation\b")
_PERCENT_WORD = re.compile(r"\bpercent(?:age)?\b|\bproportion\w*|\brelative\b|\bin percentage terms\b")

_SUPERLATIVE_HIGH = (r"most|highest|biggest|largest|greatest|worst|top|maximum|hardest hit|worst hit|steepest|"
                     r"sharpest|fastest|strongest|heaviest|busiest")
_SUPERLATIVE_LOW = r"fewest|lowest|least|smallest|best|bottom|minimum|safest"
_SUPERLATIVE = re.compile(rf"\b(?:{_SUPERLATIVE_HIGH}|{_SUPERLATIVE_LOW})\b")
_NOT_SUPERLATIVE = re.compile(r"\bat (?:least|most|best|worst)\b|\b(?:the )?most recent\b|\bmost of\b|"
                              r"\bleast of\b|\bbest known\b|\btop level\b")
ALL_AREAS = re.compile(r"\b(?:all|every|each) (?:of )?(?:the )?(?:districts?|areas?)\b")
_RANK_ALL = re.compile(r"\brank(?:ed|ing|ings|s)?\b|\bleague table\b|\bin order\b|\border(?:ed)? by\b|"
                       rf"{ALL_AREAS.pattern}|"
                       r"\b(?:per|by) (?:district|area|borough)\b|\bdistrict by district\b")
_OVER_AREAS = re.compile(r"\b(?:districts?|areas?|boroughs?|towns?|places?|where)\b")
_OVER_CRIME_TYPES = re.compile(r"\b(?:which|what) (?:crime|crimes|crime types?|types? of (?:crime|offence)s?|"
                               r"offence types?|offences?|categor(?:y|ies)|kinds? of (?:crime|offence)s?|types?|"
                               r"kinds?|sorts?)\b|\bmost common\b|\bleast common\b|"
                               r"\bcrime (?:types?|categor(?:y|ies))\b|"
                               r"\b(?:types?|kinds?|categor(?:y|ies)) of (?:crime|offence)s?\b|\boffence types?\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_RANK_N = re.compile(rf"\btop {_N}\b|\b{_N} (?:districts|areas|places|towns|boroughs|crime types|crimes|"
                     rf"highest|lowest|worst|best|most|fewest|biggest|largest)\b|"
                     rf"\b(?:highest|lowest|worst|best|bottom|biggest|largest) {_N}\b")

# A yes-or-no question: "Is Basildon the worst ...", "Does Harlow have the highest ...".
_POLAR = re.compile(r"(?:is|are|was|were|does|do|did|has|have|had)\b")

# The ranking words whose vocabulary is table-question vocabulary (see `words`).
WORD_PATTERNS = (_UP, _DOWN, filters.BETTER, filters.WORSE, _PERCENT_WORD, _SUPERLATIVE, _NOT_SUPERLATIVE, _RANK_ALL, _OVER_AREAS,
                 _OVER_CRIME_TYPES, _RANK_N)


def read_rank(norm: str, measure: str | None, change: bool, crime_types, areas) -> tuple[RankSpec | None, str]:
    """'Which district had the most ...', 'top three', 'rank the districts': direction, n, and by what; or
    'which districts saw a fall', 'did any district ...': a condition on every row (`filters`)."""
    text = _NOT_SUPERLATIVE.sub(" ", norm)
    superlative = _SUPERLATIVE.search(text)
    rank_all = _RANK_ALL.search(text)
    if not superlative and (spec := filters.read_filter(text, measure, change, areas)) is not None:
        return spec, spec.over
    if not (superlative or rank_all):
        return None, ""
    if not superlative and ALL_AREAS.fullmatch(rank_all.group()) and measures.asks_combined(text):
        return None, ""  # "how many crimes in total across all the districts": the force's total, not a list
    # Yes or no, except for safety: counts cannot say whether a place is the safest (see `measures.safety_note`)
    polar = bool(_POLAR.match(text)) and not measures.asks_safety(text)
    if _OVER_CRIME_TYPES.search(text):
        over = "crime types"
    elif _OVER_AREAS.search(text) or polar:  # "is Harlow the worst?": Harlow among the districts
        over = "areas"
    else:
        over = "crime types" if len(areas) == 1 and not crime_types else "areas"
    by, size = "value", False
    if change and measure != DA_SHARE:
        by = "% change" if _PERCENT_WORD.search(text) and measure != SOLVED_RATE else "change"
    word = superlative.group() if superlative else ""
    high = not re.fullmatch(_SUPERLATIVE_LOW, word)
    if by == "value" and measure == SOLVED_RATE and word in ("worst", "best"):
        high = word == "best"  # the worst solved rate is the lowest one
    elif by != "value":
        up, down = _direction(text, measure)
        if up != down:
            high = up if high else not up
        size = not (up or down) and bool(_NEUTRAL_CHANGE.search(text))
    number = _RANK_N.search(text)
    if number:
        value = next(g for g in number.groups() if g)
        n = _NUMBER_WORDS.get(value) or int(value)
    elif rank_all and not superlative:
        n = len(vocab.CRIME_TYPES) if over == "crime types" else len(vocab.DISTRICT_AREAS)
    else:
        n = 1
    pool = len(vocab.CRIME_TYPES) if over == "crime types" else len(vocab.TABLE_AREAS)
    return RankSpec("highest" if high else "lowest", min(max(n, 1), pool), by, over,
                    size=by != "value" and size, polar=polar and len(areas) == 1), over


def _direction(text: str, measure: str | None) -> tuple[bool, bool]:
    """(asks about a rise, asks about a fall); 'improved' is a rise for a solved rate, a fall for offences."""
    return filters.with_better_or_worse(text, measure, bool(_UP.search(text)), bool(_DOWN.search(text)))
