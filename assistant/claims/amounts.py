"""The figures any text states, as written: amounts, their hedges, fractions and multiples in words, what a
count counts, and whether a figure is a change or a level.

Pure functions shared by both sides of a claim check: the claim ("almost a fifth", "more than doubled",
"fewer than 5,200 crimes") and the document sentences that might back it ("a reduction of almost 6%",
"up 62%", "by 905 officers, to 3,755"). How far each hedge reaches is in `claims.tolerance`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.claims.directions import CHANGE_NOUNS, ENDS_BY, ENDS_TO, MULTIPLES, STARTS_CHANGE
from assistant.text.numbers import NUMBER_WORDS
from assistant.text.periods import MONTH

PERCENT, COUNT, MONEY, RATE = "percent", "count", "money", "rate"
EXACT, ABOUT, ALMOST, OVER, JUST_OVER, AT_LEAST, UNDER, AT_MOST, BETWEEN = (
    "exact", "about", "almost", "over", "just over", "at least", "under", "at most", "between")

# Fractions and multiples in words: the percentage (or percentage change) each stands for.
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
FRACTIONS = {"half": 50.0} | {
    f"{top} {name}{'s' if n > 1 else ''}": 100 * n / d
    for top, n in _NUMERATORS.items() for name, d in _DENOMINATORS.items() if n < d}
# "one in seven": the denominators a ratio may be written with in words.
RATIO_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "fifty": 50, "a hundred": 100,
               "one hundred": 100}
WORD_COUNTS = {"a thousand": 1000.0, "one thousand": 1000.0, "a hundred": 100.0, "one hundred": 100.0,
               "a million": 1e6, "one million": 1e6, "a dozen": 12.0}

_HEDGES = (
    (ALMOST, ("almost", "nearly", "just under", "just short of", "not quite", "just below")),
    (JUST_OVER, ("just over", "just above", "slightly more than", "a little over", "a little more than")),
    (ABOUT, ("about", "around", "roughly", "approximately", "approx", "some", "circa", "an estimated",
             "close to", "in the region of")),
    (AT_LEAST, ("at least", "no fewer than", "no less than", "a minimum of")),
    (AT_MOST, ("at most", "no more than", "not more than", "a maximum of")),
    (OVER, ("more than", "over", "above", "in excess of", "upwards of", "greater than", "higher than")),
    (UNDER, ("less than", "fewer than", "under", "below", "lower than")),
)
_HEDGE_OF = {word: hedge for hedge, words in _HEDGES for word in words}
_HEDGE = r"(?:(?P<hedge>" + "|".join(sorted(map(re.escape, _HEDGE_OF), key=len, reverse=True)) + r")\s+)?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "its 184-year history": a number of years that is the figure itself (an age), not a period or a duration.
_AGE_OF = r"years?[\s-]+(?:history|histories|anniversary)\b"
_FIGURE = re.compile(
    _HEDGE + r"(?:"
    rf"£\s?(?P<money>{_NUM})\s*(?P<scale>million|billion|bn|m|k)?\b"
    rf"|(?P<percent>{_NUM})\s*(?:%|per\s?cent\b|percent\b)"
    r"|(?P<multiple>" + "|".join(MULTIPLES) + r")\b"
    r"|(?P<fraction>(?:an?|one|two|three|four|five|seven|nine)\s+(?:half|thirds?|quarters?|fifths?|sixths?|eighths?|"
    r"tenths?)\b|\bhalf\b)"
    r"|(?P<words>(?:a|one)\s+(?:thousand|hundred|million|dozen))\b"
    rf"|(?P<count>(?<![\w.£/-]){_NUM})(?![\w%/]|\.\d|-(?!{_AGE_OF})\w)(?:\s+(?P<cscale>million|billion)\b)?"
    r")", re.IGNORECASE)
# Numbers that are not figures: dates, years, durations, ages, section numbers, denominators, ratios.
_NOT_FIGURES = re.compile("|".join((
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:\s+\d{{4}})?",
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|per))",
    r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b(?:19|20)\d\d\s*[-/–]\s*(?:19|20)?\d\d\b|\b\d\d/\d\d\b",
    r"(?<![£\d,.])\b(?:19|20)\d\d\b(?!\s*(?:%|per\s?cent|percent))",
    r"\b\d+(?:\.\d+)?[\s-]*(?:months?|years?|weeks?|days?|yrs?)\b(?![\s-]*(?:ago|olds?|history|histories|anniversary))"
    r"|\b\d+\s*-?\s*(?:to|-|–)\s*\d+[\s-]*(?:year[\s-]*olds?|years?[\s-]*old|age range|yrs?)\b",
    r"\b\d+-\s*to\s+\d+-year-olds?\b",
    r"\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b",
    r"\b(?:one|1)\s+in\s+(?:every\s+)?(?:\d+|" + "|".join(NUMBER_WORDS) + r")\b",
    r"\b(?:covid|year|quarters?|appendix|item|tier|level|page|section|phase|op|zone|ward|room)[\s-]*\d+"
    r"(?:\s+and\s+\d+)?\b",
    r"^\s*\d+(?:\.\d+)+\.?(?=\t|\s+(?-i:[A-Z])|\s*$)|^\s*\d+\.(?=\s)|^\s*\d+(?=\t)",
    r"\b0\d{3,4}\s?\d{6}\b",
    r"\b\d+(?:st|nd|rd|th)\b",
)), re.IGNORECASE | re.MULTILINE)
# "about one in seven", "1 in 5", "one in every ten": a share of a whole, as a percentage (claims only: masked
# as a number that is not a figure everywhere else).
_RATIO = re.compile(
    _HEDGE + r"(?P<ratio>\b(?:one|1)\s+in\s+(?:every\s+)?(?P<den>\d{1,3}(?:,\d{3})*|"
    + "|".join(sorted(RATIO_WORDS, key=len, reverse=True)) + r")\b)", re.IGNORECASE)
_RATE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}per\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE)
_UNIT_STOP = re.compile(r"^(?:in|for|of|to|from|across|than|and|or|with|which|that|who|was|were|is|are|per|"
                        r"during|over|by|on|at|between|compared|since|under|a|an|the|this|these|it|each|"
                        r"committed|recorded|reported)$", re.IGNORECASE)
_WORDED_COUNT = re.compile(_HEDGE + r"\b(?P<number>" + "|".join(NUMBER_WORDS) + r")\s+(?P<noun>[A-Za-z][A-Za-z'-]*)",
                           re.IGNORECASE)
# Words after a number word that say it is not a count of them: fractions, scales, durations, "one another".
_NOT_COUNTED = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths",
                "eighth", "eighths", "tenth", "tenths", "hundred", "thousand", "million", "billion", "dozen",
                "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "another", "off",
                "being", "such", "more", "less", "or", "point", "percent", "per"}
UNIT_MODIFIERS = {"extra", "additional", "more", "fewer", "less", "new", "further"}


@dataclass(frozen=True)
class Amount:
    """A figure as written: its magnitude, what it counts, and the hedge that widens it into a range."""

    value: float
    kind: str  # PERCENT | COUNT | MONEY | RATE
    hedge: str = EXACT
    text: str = ""  # as written, hedge included: "about a quarter"
    core: str = ""  # without the hedge: "a quarter"
    decimals: int = 0
    worded: bool = False  # a fraction or multiple in words
    direction: str | None = None  # "doubled" is a rise, "halved" a fall
    start: int = 0
    end: int = 0
    upper: float | None = None  # "between 5% and 10%": 10

    @property
    def multiple(self) -> bool:
        """"doubled", "halved": a change written as a multiple, whose words stand for a percentage."""
        return self.core.lower() in MULTIPLES


def spaces_for(match: re.Match) -> str:
    """A `re.sub` replacement that blanks what matched, so every later position in the text stays put."""
    return " " * len(match.group())


def masked(text: str) -> str:
    """The text with every number that is not a figure (dates, years, ages, durations) blanked."""
    return _NOT_FIGURES.sub(spaces_for, text)


def find_amounts(text: str) -> list[Amount]:
    """Every figure the text states, in order, with its hedge, as written: in digits, and small counts in words
    ("four homicides")."""
    visible = masked(text)
    amounts = []
    for match in _FIGURE.finditer(visible):
        amount = _amount(match, text)
        if amount is not None:
            amounts.append(amount)
    worded = [a for a in _counts_in_words(visible, text) if not any(o.start < a.end and a.start < o.end
                                                                      for o in amounts)]
    return sorted(amounts + worded, key=lambda a: a.start)


def _counts_in_words(visible: str, text: str) -> list[Amount]:
    """"four homicides", "one case of": a number word that counts the noun right after it (not "one of",
    "two thirds", "three years", "one in every ten")."""
    found = []
    for match in _WORDED_COUNT.finditer(visible):
        following = match.group("noun").lower()
        if _UNIT_STOP.match(following) or following in _NOT_COUNTED or following in NUMBER_WORDS or \
                NUMBER_WORDS[match.group("number").lower()] == 0:
            continue
        hedge_word = (match.group("hedge") or "").lower()
        start, end = match.start(), match.end("number")
        core = text[match.start("number"):end]
        found.append(Amount(float(NUMBER_WORDS[core.lower()]), COUNT, _HEDGE_OF.get(hedge_word, EXACT),
                            text[start:end].strip(), core, start=start, end=end))
    return found


def _amount(match: re.Match, text: str) -> Amount | None:
    """One `_FIGURE` match as an Amount, its words taken from the unmasked text; None for a word that only
    looks like a fraction ("two thirds" is one, "three tenth" is not)."""
    hedge_word = (match.group("hedge") or "").lower()
    hedge = _HEDGE_OF.get(hedge_word, EXACT)
    start, end = match.span()
    core = text[match.start("hedge") + len(hedge_word) if hedge_word else start:end].strip()
    spelled = dict(text=text[start:end].strip(), core=core, start=start, end=end, hedge=hedge)
    if match.group("money"):
        value = _number(match.group("money")) * {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
                                                  "k": 1e3}.get((match.group("scale") or "").lower(), 1)
        return Amount(value, MONEY, decimals=_decimals(match.group("money")), **spelled)
    if match.group("percent"):
        return Amount(_number(match.group("percent")), PERCENT, decimals=_decimals(match.group("percent")),
                      **spelled)
    if match.group("multiple"):
        value, direction = MULTIPLES[match.group("multiple").lower()]
        return Amount(value, PERCENT, worded=True, direction=direction, **spelled)
    if match.group("fraction"):
        words = " ".join(match.group("fraction").lower().split())
        words = {"one thirds": "one third", "a thirds": "a third"}.get(words, words)
        if words not in FRACTIONS:
            return None
        return Amount(FRACTIONS[words], PERCENT, worded=True, **spelled)
    if match.group("words"):
        words = " ".join(match.group("words").lower().split())
        return Amount(WORD_COUNTS[words], COUNT, **spelled)
    raw = match.group("count")
    kind = RATE if _RATE_AFTER.match(text[end:]) else COUNT
    scale = {"million": 1e6, "billion": 1e9}.get((match.group("cscale") or "").lower(), 1)
    return Amount(_number(raw) * scale, kind, decimals=_decimals(raw), **spelled)


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _decimals(raw: str) -> int:
    return len(raw.split(".")[1]) if "." in raw else 0


def ratio_amounts(text: str) -> list[Amount]:
    """"about one in seven" as about 14.3%: a ratio in words or digits, read like a fraction in words."""
    amounts = []
    for match in _RATIO.finditer(text):
        den = match.group("den").lower()
        value = RATIO_WORDS.get(den) or _number(den)
        if value < 2:
            continue
        hedge_word = (match.group("hedge") or "").lower()
        amounts.append(Amount(100.0 / value, PERCENT, _HEDGE_OF.get(hedge_word, EXACT), match.group().strip(),
                              match.group("ratio"), worded=True, start=match.start(), end=match.end()))
    return amounts


def joined_range(amounts: list[Amount], text: str) -> list[Amount]:
    """"between 5% and 10%" as one figure with an upper bound, rather than two figures."""
    if len(amounts) < 2:
        return amounts
    low, high = amounts[0], amounts[1]
    if low.hedge != EXACT or high.kind != low.kind or not re.search(r"\bbetween\s*$", text[:low.start], re.I) or \
            not re.fullmatch(r"\s*and\s*", text[low.end:high.start]):
        return amounts
    start = text[:low.start].lower().rindex("between")
    words = text[start:high.end]
    joined = Amount(low.value, low.kind, BETWEEN, words, words, min(low.decimals, high.decimals), start=start,
                    end=high.end, upper=high.value)
    return [joined] + amounts[2:]


def unit_words(after: str) -> tuple[str, ...]:
    """The words a count counts, from the text right after it: "extra officers, making" -> (extra, officers)."""
    words = []
    after = re.sub(r"^-(?=[A-Za-z])", " ", after)  # "184-year history": the count's unit follows the hyphen
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after)[:6]:
        if not word[0].isalpha() or _UNIT_STOP.match(word):
            if words or not word[0].isalpha():
                break
            continue
        words.append(word.lower())
        if len(words) == 3:
            break
    return tuple(words)


def unit_head(words: tuple[str, ...]) -> str:
    """The counted noun, singular: ("funded", "patrol", "hours") -> "hour"; modifiers like "extra" dropped."""
    kept = [w for w in words if w not in UNIT_MODIFIERS]
    return _singular(kept[-1]) if kept else ""


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_change(before: str, after: str, amount: Amount) -> bool:
    """Is a figure a change ("by 9.2%", "9,470 fewer", "a reduction of 37.6%") rather than a level?"""
    if amount.kind == RATE or ENDS_TO.search(before):
        return False
    if amount.multiple or STARTS_CHANGE.search(after) or ENDS_BY.search(before):
        return True
    recent = " ".join(re.findall(r"[A-Za-z]+", before)[-6:])
    return bool(CHANGE_NOUNS.search(recent))
