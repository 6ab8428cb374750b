"""Reading what a claim asserts, and the figures any text states: amounts and their hedges, which way a figure
moved, change or level, comparisons, rankings and threat levels.

Pure functions shared by both sides of a claim check: the claim ("almost a fifth", "more than doubled",
"fewer than 5,200 crimes") and the document sentences that might back it ("a reduction of almost 6%",
"up 62%", "by 905 officers, to 3,755"). No I/O and no index, so every rule here has a known-answer test.
How far each hedge reaches is in `claim_tolerance`; periods are read by `claim_periods`, places and crime
types by `claim_subject`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import vocab
from assistant.claims.periods import MONTH, Period, find_period

PERCENT, COUNT, MONEY, RATE = "percent", "count", "money", "rate"
EXACT, ABOUT, ALMOST, OVER, JUST_OVER, AT_LEAST, UNDER, AT_MOST, BETWEEN = (
    "exact", "about", "almost", "over", "just over", "at least", "under", "at most", "between")
CHANGE, LEVEL, SHARE, DIRECTION, RANK, STATEMENT = "change", "level", "share", "direction", "rank", "statement"
UP, DOWN, BETTER, WORSE = "up", "down", "better", "worse"

# Fractions and multiples in words: the percentage (or percentage change) each stands for.
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
             "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
             "a fifth": 20.0, "one fifth": 20.0, "two fifths": 40.0, "a tenth": 10.0, "one tenth": 10.0}
MULTIPLES = {"doubled": (100.0, UP), "tripled": (200.0, UP), "trebled": (200.0, UP),
             "quadrupled": (300.0, UP), "halved": (50.0, DOWN)}
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
_FIGURE = re.compile(
    _HEDGE + r"(?:"
    rf"£\s?(?P<money>{_NUM})\s*(?P<scale>million|billion|bn|m|k)?\b"
    rf"|(?P<percent>{_NUM})\s*(?:%|per\s?cent\b|percent\b)"
    r"|(?P<multiple>doubled|tripled|trebled|quadrupled|halved)\b"
    r"|(?P<fraction>(?:a|one|two|three)\s+(?:half|thirds?|quarters?|fifths?|tenth)\b|\bhalf\b)"
    r"|(?P<words>(?:a|one)\s+(?:thousand|hundred|million|dozen))\b"
    rf"|(?P<count>(?<![\w.£/-]){_NUM})(?![\w%/]|\.\d|-\w)(?:\s+(?P<cscale>million|billion)\b)?"
    r")", re.IGNORECASE)

# Numbers that are not figures: dates, years, durations, ages, section numbers, denominators, ratios.
_NOT_FIGURES = re.compile("|".join((
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:\s+\d{{4}})?",
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|per))",
    r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b(?:19|20)\d\d\s*[-/–]\s*(?:19|20)?\d\d\b|\b\d\d/\d\d\b",
    r"(?<![£\d,.])\b(?:19|20)\d\d\b(?!\s*(?:%|per\s?cent|percent))",
    r"\b\d+(?:\.\d+)?[\s-]*(?:months?|years?|weeks?|days?|yrs?)\b(?![\s-]*(?:ago|olds?))"
    r"|\b\d+\s*-?\s*(?:to|-|–)\s*\d+[\s-]*(?:year[\s-]*olds?|years?[\s-]*old|age range|yrs?)\b",
    r"\b\d+-\s*to\s+\d+-year-olds?\b",
    r"\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b",
    r"\b(?:one|1)\s+in\s+(?:every\s+)?\d+\b",
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
# A share that is solved: "police solve a fifth of crimes", "over half of drug offences are solved" (not "a
# fifth of solved crimes", a share of solved outcomes).
_SOLVE_BEFORE = re.compile(r"\bsolv(?:e|es|ed|ing)\s*$", re.IGNORECASE)
_SOLVED_AFTER = re.compile(r"^\s*(?:of\b)?[^.;:]*?\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+"
                           r"(?:\w+\s+)?solved\b", re.IGNORECASE)
_RATE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}per\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE)

_UP_WORDS = (r"increas\w*|ris(?:e|es|en|ing)|rose|up|higher|grew|grow(?:n|s|ing|th)?|climb\w*|jump\w*|soar\w*|"
             r"surg\w*|spik\w*|more|extra|additional|expan\w*|doubl\w*|tripl\w*|trebl\w*|quadrupl\w*")
_DOWN_WORDS = (r"decreas\w*|reduc\w*|drop\w*|down|fell|fall(?:s|en|ing)?|lower|fewer|less|cut|cuts|"
               r"declin\w*|halv\w*|shr[au]nk|plummet\w*")
_UP = re.compile(rf"\b(?:{_UP_WORDS})\b", re.IGNORECASE)
_DOWN = re.compile(rf"\b(?:{_DOWN_WORDS})\b", re.IGNORECASE)
_BETTER = re.compile(r"\bimprov\w*|\bbetter\b", re.IGNORECASE)
_WORSE = re.compile(r"\bworse\w*|\bworsen\w*|\bdeteriorat\w*", re.IGNORECASE)
_DIRECTION_WORD = re.compile(rf"\b(?:{_UP_WORDS}|{_DOWN_WORDS})\b", re.IGNORECASE)
_CHANGE_NOUNS = re.compile(rf"\b(?:{_UP_WORDS}|{_DOWN_WORDS}|chang\w*|swing|by)\b", re.IGNORECASE)
_STARTS_CHANGE = re.compile(rf"^\W*(?:{_UP_WORDS}|{_DOWN_WORDS})\b", re.IGNORECASE)
_ENDS_BY = re.compile(r"\bby\W*$", re.IGNORECASE)
_ENDS_TO = re.compile(r"\b(?:to|from)\W*$", re.IGNORECASE)
_ENDS_LEVEL = re.compile(r"\b(?:is|was|are|were|be|at|of|stood at|reached|now)\W*$", re.IGNORECASE)
_STARTS_OF = re.compile(r"^\s*(?:of|of all|of the)\b", re.IGNORECASE)
_MOST = re.compile(r"(?<!\bthe )\b(?:most|the majority|a majority)\b(?!\s+(?:recent|common|of all|likely))",
                   re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\bthe\s+(?:(?P<ordinal>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+)?"
                          r"(?P<word>largest|biggest|highest|most|lowest|smallest|fewest|least|best|worst)\b",
                          re.IGNORECASE)
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_HIGH_WORDS = ("largest", "biggest", "highest", "most", "best")
_COMPARISON = re.compile(r"\b(?P<word>below|above|higher than|lower than|greater than|less than|more than|"
                         r"worse than|better than)\s+(?P<ref>the\s+[^.,;]+)", re.IGNORECASE)
_LOWER_WORDS = ("below", "lower than", "less than", "under", "worse than")
THREAT_LEVELS = ("low", "moderate", "substantial", "severe", "critical")
_THREAT = re.compile(r"\b(" + "|".join(THREAT_LEVELS) + r")\b", re.IGNORECASE)
_UNIT_STOP = re.compile(r"^(?:in|for|of|to|from|across|than|and|or|with|which|that|who|was|were|is|are|per|"
                        r"during|over|by|on|at|between|compared|since|under|a|an|the|this|these|it|each|"
                        r"committed|recorded|reported)$", re.IGNORECASE)
_UNIT_MODIFIERS = {"extra", "additional", "more", "fewer", "less", "new", "further"}


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


@dataclass(frozen=True)
class Comparison:
    """"below the England and Wales rate": which way, and against what (the words after the comparison)."""

    lower: bool
    reference: str


@dataclass(frozen=True)
class ClaimShape:
    """What a claim asserts, before anyone looks anything up."""

    text: str
    quantity: str  # CHANGE | LEVEL | SHARE | DIRECTION | RANK | STATEMENT
    amount: Amount | None = None
    direction: str | None = None  # UP | DOWN | BETTER | WORSE
    period: Period | None = None
    unit: tuple[str, ...] = ()  # the words a count counts: ("extra", "officers")
    comparison: Comparison | None = None
    ordinal: int = 0  # "the second largest": 2; 0 when no superlative
    highest: bool = True
    threat_level: str | None = None


# ---------------------------------------------------------------- figures


def spaces_for(match: re.Match) -> str:
    """A `re.sub` replacement that blanks what matched, so every later position in the text stays put."""
    return " " * len(match.group())


def masked(text: str) -> str:
    """The text with every number that is not a figure (dates, years, ages, durations) blanked."""
    return _NOT_FIGURES.sub(spaces_for, text)


def find_amounts(text: str) -> list[Amount]:
    """Every figure the text states, in order, with its hedge, as written."""
    visible = masked(text)
    amounts = []
    for match in _FIGURE.finditer(visible):
        amount = _amount(match, text)
        if amount is not None:
            amounts.append(amount)
    return amounts


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


def unit_words(after: str) -> tuple[str, ...]:
    """The words a count counts, from the text right after it: "extra officers, making" -> (extra, officers)."""
    words = []
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
    kept = [w for w in words if w not in _UNIT_MODIFIERS]
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


# ---------------------------------------------------------------- directions, comparisons, rankings


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


def is_change(before: str, after: str, amount: Amount) -> bool:
    """Is a figure a change ("by 9.2%", "9,470 fewer", "a reduction of 37.6%") rather than a level?"""
    if amount.kind == RATE or _ENDS_TO.search(before):
        return False
    if amount.multiple or _STARTS_CHANGE.search(after) or _ENDS_BY.search(before):
        return True
    recent = " ".join(re.findall(r"[A-Za-z]+", before)[-6:])
    return bool(_CHANGE_NOUNS.search(recent))


def comparison_in(text: str) -> Comparison | None:
    """"below the England and Wales rate" (not "below 20%", which is a hedge on a figure)."""
    for match in _COMPARISON.finditer(text):
        reference = match.group("ref")
        if re.match(r"the\s+\d", reference) or find_amounts(reference[:12]):
            continue
        return Comparison(match.group("word").lower() in _LOWER_WORDS, reference.strip())
    return None


def superlative_in(text: str) -> tuple[int, bool] | None:
    """"the second largest" -> (2, True); "the lowest" -> (1, False); None without a superlative."""
    match = _SUPERLATIVE.search(text)
    if match is None:
        return None
    ordinal = _ORDINALS.get((match.group("ordinal") or "").lower(), 1)
    return ordinal, match.group("word").lower() in _HIGH_WORDS


def threat_level_in(text: str) -> str | None:
    """"substantial" in "the terrorism threat level is substantial"; None unless the text speaks of a threat."""
    match = _THREAT.search(text) if re.search(r"\bthreat", text, re.IGNORECASE) else None
    return match.group(1).lower() if match else None


# ---------------------------------------------------------------- the claim


def parse_claim(text: str) -> ClaimShape:
    """What a claim asserts: its main figure, what kind of quantity it is, direction, period and so on."""
    amounts = _joined_range([a for a in find_amounts(text) if not (a.kind == COUNT and a.value == 0)], text)
    ratios = ratio_amounts(text)  # "one in a hundred" is a ratio, not a count of a hundred
    amounts = sorted([a for a in amounts if not any(r.start < a.end and a.start < r.end for r in ratios)] + ratios,
                     key=lambda a: a.start)
    amount = amounts[0] if amounts else None  # the figure the claim turns on
    most = _MOST.search(text) if amount is None else None
    if most is not None:  # "most referrals": more than half, in words
        amount = Amount(50.0, PERCENT, OVER, most.group(), "half", worded=True, start=most.start(),
                        end=most.end())
        amounts = [amount]
    plain = vocab.blank(text, amounts)
    comparison = comparison_in(plain)
    if comparison is not None:  # so "lower than the national rate" is not read as a fall
        plain = plain.replace(comparison.reference, " " * len(comparison.reference))
        plain = re.sub(r"\b(?:below|above|higher than|lower than|greater than|less than|more than|worse than|"
                       r"better than)\b", spaces_for, plain, flags=re.IGNORECASE)
    direction = (amount.direction if amount is not None else None) or direction_in(plain)
    superlative = superlative_in(plain)
    unit = unit_words(text[amount.end:]) if amount is not None and amount.kind == COUNT else ()
    quantity = _quantity(text, amount, direction, unit, most is not None, superlative)
    ordinal, highest = superlative if superlative else (0, True)
    return ClaimShape(text=text, quantity=quantity, amount=amount, direction=direction,
                      period=find_period(text), unit=unit, comparison=comparison, ordinal=ordinal,
                      highest=highest, threat_level=threat_level_in(text))


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


def solved_share(text: str, amount: Amount) -> bool:
    """Is a percentage the share of crimes solved ("solve over 20% of crimes", "half ... are solved"), that is,
    a level of the solved rate rather than a share of one crime type in another?"""
    if amount.kind != PERCENT or amount.multiple:
        return False
    return bool(_SOLVE_BEFORE.search(text[:amount.start]) or _SOLVED_AFTER.match(text[amount.end:]))


def _joined_range(amounts: list[Amount], text: str) -> list[Amount]:
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


def _quantity(text: str, amount: Amount | None, direction: str | None, unit: tuple[str, ...], most: bool,
              superlative) -> str:
    """CHANGE ("fell by 8.7%", "905 extra officers"), LEVEL ("rose to 15.5%", "fewer than 5,200 crimes", "police
    solve a fifth of crimes"), SHARE ("77% of people", "most referrals"), DIRECTION, RANK or STATEMENT."""
    if amount is None:
        if superlative:
            return RANK
        return DIRECTION if direction else STATEMENT
    before, after = text[:amount.start], text[amount.end:]
    if solved_share(text, amount):  # "police solve a fifth of crimes": the solved rate's level
        return LEVEL
    if most or (amount.kind == PERCENT and _STARTS_OF.match(after)):
        return SHARE
    if amount.kind == PERCENT:
        if amount.multiple or _STARTS_CHANGE.search(after):
            return CHANGE
        if _ENDS_TO.search(before) or (_ENDS_LEVEL.search(before) and not _ENDS_BY.search(before)):
            return LEVEL
        return CHANGE if direction or _ENDS_BY.search(before) else LEVEL
    if amount.kind in (COUNT, MONEY):
        if (unit and unit[0] in _UNIT_MODIFIERS) or (_ENDS_BY.search(before) and direction):
            return CHANGE
        if direction and amount.kind == COUNT and re.search(r"\b(?:up|down)\s*$", before, re.IGNORECASE):
            return CHANGE
    return LEVEL
