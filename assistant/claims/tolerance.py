"""How far a claimed figure reaches, and whether a source's figure backs it: the tolerance rules of a claim check.

Tolerance rules (stated in every explanation, in words, so no unstated number appears in an answer):
- an exact figure matches within the rounding of its last digit: "8.7%" is 8.65 to 8.75, "9%" is 8.5 to 9.5;
  a claim more precise than its source is compared at the source's precision;
- "about X" covers whatever rounds to X as written, and at least five per cent of X either way; a round count
  ("1,000", "20,000") is read as "about";
- a fraction or multiple in words ("a fifth", "about a quarter", "doubled") is coarser: within a tenth of it
  either way, which keeps neighbouring fractions apart (a fifth is 18% to 22%, a quarter 22.5% to 27.5%);
- "almost / nearly / just under X": at most X and less than a tenth below it (fifteen per cent for a
  fraction or multiple in words, which are coarser: "almost a fifth" backs 17%);
- "more than / over / above X" needs a figure above X, "fewer than / under / below X" one below it;
  "between X and Y" a figure in that range, allowing for rounding at its ends.
A document's own hedged figure is a range too ("more than 49%" is read as 49% up to 50%): it backs a claim
only when that whole range fits the claim's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assistant.claims.amounts import (ABOUT, ALMOST, AT_LEAST, AT_MOST, BETWEEN, COUNT, EXACT, JUST_OVER, MONEY, OVER,
                                      PERCENT, UNDER, Amount)
from assistant.claims.verdict import CONTRADICTED, SUPPORTED, UNCONFIRMED

ABOUT_SHARE = 0.05
ABOUT_WORDED_SHARE = 0.10
ALMOST_SHARE = 0.10
ALMOST_WORDED_SHARE = 0.15

# How a multiple reads in an explanation, without a digit the claim did not state.
_MULTIPLE_WORDS = {"doubled": "a rise of one hundred per cent", "tripled": "a rise of two hundred per cent",
                   "trebled": "a rise of two hundred per cent", "quadrupled": "a rise of three hundred per cent",
                   "halved": "a fall of fifty per cent"}


@dataclass(frozen=True)
class Range:
    """An interval of values a figure allows; open ends exclude their bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, value: float) -> bool:
        """Is the value in the interval (closed ends allow for floating-point error)?"""
        above = value > self.low if self.low_open else value >= self.low - 1e-9
        below = value < self.high if self.high_open else value <= self.high + 1e-9
        return above and below

    def within(self, other: "Range") -> bool:
        """Does every value of this interval lie in `other`?"""
        low_ok = self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open))
        high_ok = self.high < other.high or (self.high == other.high and (self.high_open or not other.high_open))
        return low_ok and high_ok

    def meets(self, other: "Range") -> bool:
        """Do the two intervals share any value?"""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True


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
        tolerance = max((ABOUT_WORDED_SHARE if amount.worded else ABOUT_SHARE) * value, half)
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
        return SUPPORTED if judge_value(claimed, stated.value, stated.decimals) else CONTRADICTED
    source, claim = source_range(stated), claim_range(claimed)
    if source.within(claim):
        return SUPPORTED
    return UNCONFIRMED if source.meets(claim) else CONTRADICTED


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
        return f"{quoted} is read as {core}, give or take a tenth of it"
    if hedge == EXACT and is_round(amount):
        return f"{quoted} is a round figure, read as within five per cent of it either way"
    if hedge == EXACT:
        if amount.kind == PERCENT and amount.decimals == 0:
            return f"{quoted} is read as any figure that rounds to it"
        if amount.kind == PERCENT:
            return f"{quoted} is checked to its last decimal place"
        return f"{quoted} must match exactly"
    if hedge == ABOUT and amount.worded:
        return f"{quoted} is read as within a tenth of {core}, either way"
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
    """The figure without its hedge, a multiple in words: "doubled" -> "a rise of one hundred per cent"."""
    core = amount.core.lower()
    return _MULTIPLE_WORDS.get(core, amount.core)

