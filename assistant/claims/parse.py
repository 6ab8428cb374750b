"""Reading what a claim asserts before anyone looks anything up: its main figure, change or level or share,
which way, the period, comparisons, rankings and threat levels (`parse_claim` → `ClaimShape`).

Figures and hedges are read by `claims.amounts`, directions by `claims.directions`, periods by
`claims.periods`; places and crime types by `claims.subject`. No I/O and no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import vocab
from assistant.claims.amounts import (COUNT, MONEY, OVER, PERCENT, UNIT_MODIFIERS, Amount, find_amounts, joined_range,
                                      ratio_amounts, spaces_for, unit_words)
from assistant.claims.directions import ENDS_BY, ENDS_TO, STARTS_CHANGE, direction_in
from assistant.claims.periods import Period, find_period

CHANGE, LEVEL, SHARE, DIRECTION, RANK, STATEMENT = "change", "level", "share", "direction", "rank", "statement"

# A share that is solved: "police solve a fifth of crimes", "over half of drug offences are solved" (not "a
# fifth of solved crimes", a share of solved outcomes).
_SOLVE_BEFORE = re.compile(r"\bsolv(?:e|es|ed|ing)\s*$", re.IGNORECASE)
_SOLVED_AFTER = re.compile(r"^\s*(?:of\b)?[^.;:]*?\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+"
                           r"(?:\w+\s+)?solved\b", re.IGNORECASE)
_ENDS_LEVEL = re.compile(r"\b(?:is|was|are|were|be|at|of|stood at|reached|now)\W*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,2}to\s*$", re.IGNORECASE)
# "a drop in antisocial behaviour of more than 49%": a change written as a noun, its size after "of".
_CHANGE_OF = re.compile(r"\b(?:drop|fall|rise|increase|decrease|reduction|cut|decline|growth|jump)\b"
                        r"(?:\s+[\w'-]+){0,4}\s+of\W*$", re.IGNORECASE)
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
# "2.8 points", "3 pp", "percentage points" (never the place name "Castle Point").
_POINTS = re.compile(r"\d\s*(?:percentage[- ])?(?:points?|pts?|pp)\b|\bpercentage[- ]points?\b", re.IGNORECASE)


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
    points: bool = False  # "up 2 points": a difference of two rates, not a ratio


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


def parse_claim(text: str) -> ClaimShape:
    """What a claim asserts: its main figure, what kind of quantity it is, direction, period and so on."""
    amounts = joined_range([a for a in find_amounts(text) if not (a.kind == COUNT and a.value == 0)], text)
    ratios = ratio_amounts(text)  # "one in a hundred" is a ratio, not a count of a hundred
    amounts = sorted([a for a in amounts if not any(r.start < a.end and a.start < r.end for r in ratios)] + ratios,
                     key=lambda a: a.start)
    amount = amounts[0] if amounts else None  # the figure the claim turns on
    counted = amount
    if len(amounts) > 1 and _FROM_BEFORE.search(text[:amounts[0].start]) and \
            _TO_BETWEEN.match(text[amounts[0].end:amounts[1].start]) and amounts[1].kind == amount.kind:
        amount = amounts[1]  # "fell from 3,262 incidents to 2,434": the level it reached, counting incidents
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
    unit = unit_words(text[counted.end:]) if amount is not None and amount.kind == COUNT else ()
    quantity = _quantity(text, amount, direction, unit, most is not None, superlative)
    ordinal, highest = superlative if superlative else (0, True)
    return ClaimShape(text=text, quantity=quantity, amount=amount, direction=direction,
                      period=find_period(text), unit=unit, comparison=comparison, ordinal=ordinal,
                      highest=highest, threat_level=threat_level_in(text), points=bool(_POINTS.search(text)))


def solved_share(text: str, amount: Amount) -> bool:
    """Is a percentage the share of crimes solved ("solve over 20% of crimes", "half ... are solved"), that is,
    a level of the solved rate rather than a share of one crime type in another?"""
    if amount.kind != PERCENT or amount.multiple:
        return False
    return bool(_SOLVE_BEFORE.search(text[:amount.start]) or _SOLVED_AFTER.match(text[amount.end:]))


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
        if amount.multiple or STARTS_CHANGE.search(after):
            return CHANGE
        if ENDS_TO.search(before) or (_ENDS_LEVEL.search(before) and not ENDS_BY.search(before) and
                                      not _CHANGE_OF.search(before)):
            return LEVEL
        return CHANGE if direction or ENDS_BY.search(before) else LEVEL
    if amount.kind in (COUNT, MONEY):
        if (unit and unit[0] in UNIT_MODIFIERS) or (ENDS_BY.search(before) and direction):
            return CHANGE
        if direction and amount.kind == COUNT and re.search(r"\b(?:up|down)\s*$", before, re.IGNORECASE):
            return CHANGE
    return LEVEL
