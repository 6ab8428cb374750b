"""Reading figures, hedges, directions, periods, places and crime types out of text; the tolerance of each hedge.

Pure functions shared by both sides of a claim check: the claim ("almost a fifth", "more than doubled",
"fewer than 5,200 crimes") and the document sentences that might back it ("a reduction of almost 6%",
"up 62%", "by 905 officers, to 3,755"). No I/O and no index, so every rule here has a known-answer test.

Tolerance rules (stated in every explanation, in words, so no unstated number appears in an answer):
- an exact figure matches within the rounding of its last digit: "8.7%" is 8.65 to 8.75, "9%" is 8.5 to 9.5;
  a claim more precise than its source is compared at the source's precision;
- a round count ("1,000", "20,000") and a bare fraction or multiple ("a quarter", "doubled") are read as
  "about": within five per cent of the figure, either way;
- "almost / nearly / just under X": at most X and less than a tenth below it (fifteen per cent for a
  fraction or multiple in words, which are coarser: "almost a fifth" backs 17%);
- "more than / over / above X" needs a figure above X, "fewer than / under / below X" one below it;
  "between X and Y" a figure in that range, allowing for rounding at its ends.
A document's own hedged figure is a range too ("more than 49%" is read as 49% up to 50%): it backs a claim
only when that whole range fits the claim's.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant import vocab
from assistant.lookup import ALL_CRIME

PERCENT, COUNT, MONEY, RATE = "percent", "count", "money", "rate"
EXACT, ABOUT, ALMOST, OVER, JUST_OVER, AT_LEAST, UNDER, AT_MOST, BETWEEN = (
    "exact", "about", "almost", "over", "just over", "at least", "under", "at most", "between")
CHANGE, LEVEL, SHARE, DIRECTION, RANK, STATEMENT = "change", "level", "share", "direction", "rank", "statement"
UP, DOWN, BETTER, WORSE = "up", "down", "better", "worse"
KNIFE, SERIOUS_VIOLENCE = "Knife crime", "Serious violence"
# Crime words the tables only approximate: judged from prose alone, never from the nearest row.
_PSEUDO = ((KNIFE, re.compile(r"\bknife (?:enabled |related |carrying )?(?:crimes?|offences?|offending|attacks?)\b|"
                              r"\binvolving (?:a )?knife\b|\bknife enabled\b|\bknife related\b|\bstabbings?\b")),
           (SERIOUS_VIOLENCE, re.compile(r"\bserious violen(?:ce|t crime)\b")))
# Names of bodies and plans whose words would read as a place or a crime ("Essex Police", "Police, Fire and
# Crime Commissioner"); blanked before places and crime types are read from a sentence.
_NAMES = re.compile(
    r"\bEssex(?= [A-Z])(?! Police,? Fire)|\bSafer Essex(?: Roads)?\b|"
    r"(?i:police,? fire (?:and|&) crime commissioner|police and crime (?:plan|commissioner|panel)|"
    r"crime prevention strategy|centre for crime and justice|violence and vulnerability (?:unit|partnership|"
    r"operations board)|community safety (?:partnership|network)|safer streets(?: fund)?|"
    r"violence against women and girls|serious violence (?:duty|strategy)|uk shared prosperity fund|"
    r"rural england prosperity fund|hate crime awareness)")

ABOUT_SHARE = 0.05
ALMOST_SHARE = 0.10
ALMOST_WORDED_SHARE = 0.15

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"

# Fractions and multiples in words: the percentage (or percentage change) each stands for.
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
             "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
             "a fifth": 20.0, "one fifth": 20.0, "two fifths": 40.0, "a tenth": 10.0, "one tenth": 10.0}
MULTIPLES = {"doubled": (100.0, UP), "tripled": (200.0, UP), "trebled": (200.0, UP),
             "quadrupled": (300.0, UP), "halved": (50.0, DOWN)}
MULTIPLE_WORDS = {"doubled": "a rise of one hundred per cent", "tripled": "a rise of two hundred per cent",
                  "trebled": "a rise of two hundred per cent", "quadrupled": "a rise of three hundred per cent",
                  "halved": "a fall of fifty per cent"}
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
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?",
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|per))",
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
_RATE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}per\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE)
_AGE_RANGE = re.compile(r"\b(\d{1,2})-?\s*(?:-|–|to)\s*(\d{1,2})[\s-]*(?:year[\s-]*olds?|years?[\s-]*old|"
                        r"age range|age group|yrs?)\b", re.IGNORECASE)

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
class Range:
    """An interval of values a figure allows; open ends exclude their bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low - 1e-9
        below = value < self.high if self.high_open else value <= self.high + 1e-9
        return above and below

    def within(self, other: "Range") -> bool:
        low_ok = self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open))
        high_ok = self.high < other.high or (self.high == other.high and (self.high_open or not other.high_open))
        return low_ok and high_ok

    def meets(self, other: "Range") -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True


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
        return self.core.lower() in MULTIPLES


@dataclass(frozen=True)
class Period:
    """When a figure applies: the month its period ends, or a calendar year, or the year it is measured from."""

    label: str  # words for an explanation: "the 12 months to December 2023"
    end: tuple[int, int] | None = None  # (year, month) the period ends
    year: int | None = None  # "in 2019": any period ending in that year
    baseline: int | None = None  # "since 2016", "than it was in 2016"
    relative: bool = False  # "in the last 12 months": the period of the text around it
    words: str = ""  # as written in the text: "year to October 2024"


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


def blank(text: str, spans) -> str:
    """The text with each (start, end) span overwritten by spaces, so positions stay put."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def masked(text: str) -> str:
    """The text with every number that is not a figure (dates, years, ages, durations) blanked."""
    return blank(text, [m.span() for m in _NOT_FIGURES.finditer(text)])


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
    return singular(kept[-1]) if kept else ""


def singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def places_in(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(places the text is about, places it only compares with: "higher than ... England and Wales")."""
    norm = vocab.normalise(_NAMES.sub(" ", text))
    subject, reference = [], []
    for _, hit in vocab.find_places(norm):
        before = norm[max(0, hit.start - 60):hit.start]
        compared = re.search(r"\b(?:than|compared (?:with|to)|against|versus|vs)\b(?: \w+){0,5} ?$", before)
        (reference if compared else subject).append(hit.name)
    return tuple(dict.fromkeys(subject)), tuple(dict.fromkeys(reference))


def topics_in(text: str) -> tuple[tuple[str, ...], bool]:
    """(crime types the text names, whether its only crime word is a bare "offences" / "crimes").

    Crime types are table rows, or knife crime / serious violence, which the tables only approximate;
    "all crime", "total crime" or "overall ... crimes" give (ALL_CRIME,)."""
    norm = vocab.normalise(_NAMES.sub(" ", text))
    found = []
    for name, pattern in _PSEUDO:
        for match in pattern.finditer(norm):
            found.append(name)
            norm = norm[:match.start()] + " " * (match.end() - match.start()) + norm[match.end():]
    generic = False
    for hit in vocab.find_crime_types(norm):
        if hit.alias in vocab.GENERIC_CRIME_WORDS:
            generic = True
        else:
            found.append(hit.name)
    explicit = ALL_CRIME in found or (generic and re.search(r"\b(?:overall|total|all)\b", norm) is not None)
    specific = tuple(dict.fromkeys(t for t in found if t != ALL_CRIME))
    if explicit and not specific:
        return (ALL_CRIME,), True
    return specific, generic and not specific


# ---------------------------------------------------------------- ranges and judging


def claim_range(amount: Amount) -> Range:
    """The values a claimed figure allows (see the module docstring for the rules)."""
    value, half = amount.value, 0.5 * 10 ** -amount.decimals
    hedge = amount.hedge
    if hedge == EXACT and (amount.worded or is_round(amount)):
        hedge = ABOUT
    if hedge == EXACT:
        return Range(value - half, value + half, high_open=True)
    if hedge == BETWEEN:
        return Range(value - half, amount.upper + half, high_open=True)
    if hedge == ABOUT:
        tolerance = max(ABOUT_SHARE * value, half)
        return Range(value - tolerance, value + tolerance)
    if hedge == ALMOST:
        share = ALMOST_WORDED_SHARE if amount.worded else ALMOST_SHARE
        return Range(value * (1 - share), value)
    if hedge == JUST_OVER:
        return Range(value, value * (1 + ALMOST_SHARE), low_open=True)
    if hedge == OVER:
        return Range(value, math.inf, low_open=True)
    if hedge == AT_LEAST:
        return Range(value, math.inf)
    if hedge == UNDER:
        return Range(-math.inf, value, high_open=True)
    return Range(-math.inf, value)


def source_range(amount: Amount) -> Range:
    """What a hedged figure in a document can mean: "more than 49%" is read as 49% up to 50%."""
    value, step = amount.value, _step(amount)
    hedge = ABOUT if amount.hedge == EXACT and amount.worded else amount.hedge
    if hedge == EXACT:
        return Range(value, value)
    if hedge in (OVER, JUST_OVER):
        return Range(value, value + step, low_open=True)
    if hedge == AT_LEAST:
        return Range(value, value + step)
    if hedge == UNDER:
        return Range(value - step, value, high_open=True)
    if hedge == AT_MOST:
        return Range(value - step, value)
    return claim_range(amount)


def is_round(amount: Amount) -> bool:
    """A count like 1,000 or 20,000: written rounded, so read as "about"."""
    return amount.kind in (COUNT, MONEY) and amount.decimals == 0 and amount.value >= 100 and \
        amount.value % 100 == 0


def _step(amount: Amount) -> float:
    """The place value of the last significant digit as written: 49 -> 1, 40 -> 10, 9,000 -> 1,000."""
    if amount.decimals:
        return 10 ** -amount.decimals
    value = int(round(amount.value))
    step = 1
    while value and value % (step * 10) == 0:
        step *= 10
    return float(step)


def judge_value(claimed: Amount, value: float, decimals: int) -> bool:
    """Does a printed figure (magnitude `value`, shown to `decimals` places) back the claimed figure?"""
    if claimed.hedge == EXACT and not claimed.worded and not is_round(claimed) and claimed.decimals > decimals:
        return round(claimed.value, decimals) == round(value, decimals)
    return claim_range(claimed).contains(round(value, 10))


def judge_amount(claimed: Amount, stated: Amount) -> str:
    """A document's own figure against the claim: supported, contradicted, or unconfirmed when a hedged
    source ("almost 6%") neither settles nor rules out the claimed figure ("6%")."""
    if stated.hedge == EXACT and not stated.worded:
        return "supported" if judge_value(claimed, stated.value, stated.decimals) else "contradicted"
    source, claim = source_range(stated), claim_range(claimed)
    if source.within(claim):
        return "supported"
    return "unconfirmed" if source.meets(claim) else "contradicted"


def tolerance_words(amount: Amount) -> str:
    """How a claimed figure was read, in words (an explanation may state no number its sources lack)."""
    quoted, core = f"“{amount.text}”", _core_words(amount)
    hedge = amount.hedge
    if amount.multiple:
        move, size = core.rsplit(" of ", 1)
        if hedge in (OVER, JUST_OVER, AT_LEAST):
            return f"{quoted} needs {move} of more than {size}"
        if hedge == ALMOST:
            return f"{quoted} is read as {move} of no more than {size} and less than fifteen per cent below it"
    if hedge == EXACT and amount.worded:
        return f"{quoted} is read as {core}, give or take five per cent of it"
    if hedge == EXACT and is_round(amount):
        return f"{quoted} is a round figure, read as within five per cent of it either way"
    if hedge == EXACT:
        if amount.kind == PERCENT and amount.decimals == 0:
            return f"{quoted} is read as any figure that rounds to it"
        if amount.kind == PERCENT:
            return f"{quoted} is checked to its last decimal place"
        return f"{quoted} must match exactly"
    if hedge == ABOUT:
        return f"{quoted} is read as within five per cent of {core}, either way"
    if hedge == ALMOST:
        share = "fifteen per cent" if amount.worded else "a tenth"
        return f"{quoted} is read as no more than {core} and less than {share} below it"
    if hedge == JUST_OVER:
        return f"{quoted} is read as above {core} by less than a tenth"
    if hedge == OVER:
        return f"{quoted} needs a figure above {core}"
    if hedge == AT_LEAST:
        return f"{quoted} needs a figure of {core} or more"
    if hedge == UNDER:
        return f"{quoted} needs a figure below {core}"
    if hedge == BETWEEN:
        return f"{quoted} needs a figure in that range, allowing for rounding at its ends"
    return f"{quoted} needs a figure of {core} or less"


def _core_words(amount: Amount) -> str:
    core = amount.core.lower()
    return MULTIPLE_WORDS.get(core, amount.core)


# ---------------------------------------------------------------- directions, periods, comparisons


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


def find_period(text: str, anchor: tuple[int, int] | None = None) -> Period | None:
    """The period a text names, most specific first; years in "compared with 2016" are baselines."""
    low = re.sub(r"\s+", " ", text.lower())
    between = re.search(rf"\b(?:between|from) ({_MONTH})\s*(\d{{4}})? (?:and|to|until) ({_MONTH})\s*(\d{{4}})",
                        low)
    if between:
        first, second = _month(between.group(1)), _month(between.group(3))
        first_year = int(between.group(2) or between.group(4))
        label = f"{MONTH_NAMES[first]} {first_year} to {MONTH_NAMES[second]} {between.group(4)}"
        return Period(label, end=(int(between.group(4)), second), words=_written(text, between))
    to_month = re.search(rf"\b(?:(?:12|twelve)[ -]months?|year|rolling year|period)(?: ending| to| up to)"
                         rf"(?: the end of)?(?: \d{{1,2}}(?:st|nd|rd|th)?)? ({_MONTH})(?:,? (\d{{4}}))?", low)
    if to_month:
        month = _month(to_month.group(1))
        year = int(to_month.group(2)) if to_month.group(2) else _year_for(month, anchor)
        if year is not None:
            return Period(f"the 12 months to {MONTH_NAMES[month]} {year}", end=(year, month),
                          words=_written(text, to_month))
    fiscal = next((m for m in re.finditer(r"(?<![\d/-])((?:19|20)?\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\d/-])", low)
                   if (int(m.group(1)) + 1) % 100 == int(m.group(2)) % 100), None)
    if fiscal and not re.search(r"\b(?:on|than|since|from|compared (?:with|to))\s*$", low[:fiscal.start()]):
        year = 2000 + int(fiscal.group(2)) % 100
        return Period(f"{year - 1}/{str(year)[2:]}", end=(year, 3), words=_written(text, fiscal))
    baseline = re.search(r"\b(?:since|than (?:it was )?in|compared (?:with|to)|from) ((?:19|20)\d\d)\b", low)
    if baseline:
        year = int(baseline.group(1))
        return Period(f"the years since {year}", end=anchor, baseline=year, words=f"since {year}")
    year = re.search(r"(?<![£\d,./-])\b((?:19|20)\d\d)\b(?!\s*(?:%|per ?cent|/|-\d))", low)
    if year and not re.search(rf"{_MONTH}\s*$|\d(?:st|nd|rd|th)?\s*$", low[:year.start()]):
        return Period(year.group(1), year=int(year.group(1)), words=year.group(1))
    if re.search(r"(?<!the )(?<!period )(?<!time )\blast year\b", low) and anchor is not None:
        return Period(f"last year", end=(anchor[0] - 1, 12))
    if re.search(r"\b(?:last|past|previous) (?:12|twelve) months\b|\bover the (?:last|past) year\b|"
                 r"\bsame (?:period|timeframe|time)\b|\byear on year\b|\bthe last year\b|"
                 r"\b(?:12|twelve)[ -]month period\b|\bin the year\b", low):
        return Period("", relative=True)
    return None


def _written(text: str, match: re.Match) -> str:
    """The matched words as the text spells them (matching ran on a lower-cased, space-normalised copy)."""
    words = match.group().split()
    found = re.search(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE)
    return found.group() if found else match.group()


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def _year_for(month: int, anchor: tuple[int, int] | None) -> int | None:
    """"The 12 months to March" in a text dated July 2021 means March 2021."""
    if anchor is None:
        return None
    return anchor[0] if month <= anchor[1] else anchor[0] - 1


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
    match = _THREAT.search(text) if re.search(r"\bthreat", text, re.IGNORECASE) else None
    return match.group(1).lower() if match else None


def age_ranges(text: str) -> str:
    """"13 to 17 year olds" and "the 13-17 age range" both become the word "age13to17", so they can match."""
    return _AGE_RANGE.sub(lambda m: f"age{m.group(1)}to{m.group(2)}", text)


# ---------------------------------------------------------------- the claim


def parse_claim(text: str) -> ClaimShape:
    """What a claim asserts: its main figure, what kind of quantity it is, direction, period and so on."""
    amounts = [a for a in find_amounts(text) if not (a.kind == COUNT and a.value == 0)]
    amount = amounts[0] if amounts else None  # the figure the claim turns on
    if len(amounts) > 1 and amount.hedge == EXACT and re.search(r"\bbetween\s*$", text[:amount.start], re.I) and \
            re.fullmatch(r"\s*and\s*", text[amount.end:amounts[1].start]) and amounts[1].kind == amount.kind:
        start = text[:amount.start].lower().rindex("between")
        amount = Amount(amount.value, amount.kind, BETWEEN, text[start:amounts[1].end], text[start:amounts[1].end],
                        min(amount.decimals, amounts[1].decimals), start=start, end=amounts[1].end,
                        upper=amounts[1].value)
        amounts = [amount] + amounts[2:]
    most = _MOST.search(text) if amount is None else None
    if most is not None:
        amount = Amount(50.0, PERCENT, OVER, most.group(), "half", worded=True, start=most.start(),
                        end=most.end())
    plain = blank(text, [(a.start, a.end) for a in amounts] + ([(most.start(), most.end())] if most else []))
    comparison = comparison_in(plain)
    if comparison is not None:
        plain = plain.replace(comparison.reference, " " * len(comparison.reference))
        plain = re.sub(r"\b(?:below|above|higher than|lower than|greater than|less than|more than|worse than|"
                       r"better than)\b", lambda m: " " * len(m.group()), plain, flags=re.IGNORECASE)
    direction = (amount.direction if amount is not None and amount.direction else None) or direction_in(plain)
    superlative = superlative_in(plain)
    unit = unit_words(text[amount.end:]) if amount is not None and amount.kind == COUNT else ()
    quantity = _quantity(text, amount, direction, unit, most is not None, superlative)
    ordinal, highest = superlative if superlative else (0, True)
    return ClaimShape(text=text, quantity=quantity, amount=amount, direction=direction,
                      period=find_period(text), unit=unit, comparison=comparison, ordinal=ordinal,
                      highest=highest, threat_level=threat_level_in(text))


def _quantity(text: str, amount: Amount | None, direction: str | None, unit: tuple[str, ...], most: bool,
              superlative) -> str:
    """CHANGE ("fell by 8.7%", "905 extra officers"), LEVEL ("rose to 15.5%", "fewer than 5,200 crimes"),
    SHARE ("77% of people", "most referrals"), DIRECTION, RANK or STATEMENT."""
    if amount is None:
        if superlative:
            return RANK
        return DIRECTION if direction else STATEMENT
    before, after = text[:amount.start], text[amount.end:]
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
