"""A claimed change in a rate (a solved rate): a ratio of the two rates, or a difference in percentage points.

The tables print a rate's change in points only (15.2% -> 18.1% is "+2.8"), but people write a rate's change
both ways. Following the statistical bodies' usage, "doubled", "halved", "up a third" and "rose by 40%" are
ratios of the two rates (18.1% is 119.1% of 15.2%: a relative rise of about a fifth), while "up 2.8 points" or
"2.8 percentage points" is their difference. A bare "rose by 3%" of a rate can be meant either way, so when the
two readings disagree the explanation gives both, and the verdict follows the relative reading, the one the
words carry. The ratio is stated as a share of the two cited rates, so the number guard can check it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from assistant.claims.amounts import Amount
from assistant.claims.tolerance import judge_value, tolerance_words
from assistant.claims.wording import capitalised, signed_points
from assistant.text.numbers import format_percent


class RateReading(NamedTuple):
    """How a claimed change in a rate was judged: the verdict's truth, the reason, and the worked-out share."""

    ok: bool
    reason: str
    share: float | None  # the later rate as a percentage of the earlier one, when the ratio was read


def judge_rate_change(amount: Amount, before: float, after: float, diff: float, points: bool) -> RateReading:
    """Judge the claimed size of a rate's change by the reading its words carry (see the module docstring)."""
    in_points = judge_value(amount, abs(diff), 1)
    points_words = (f"{capitalised(tolerance_words(amount))}, read as percentage points; the change of "
                    f"{signed_points(abs(diff))} percentage points {'is' if in_points else 'is not'}.")
    if points or math.isnan(before) or math.isnan(after) or before <= 0:
        return RateReading(in_points, points_words, None)
    share = round(after / before * 100, 1)
    relative = judge_value(amount, abs(share - 100), 1)
    reason = (f"{capitalised(tolerance_words(amount))}, read as a change relative to the earlier rate; the later "
              f"rate is {format_percent(share)} of the earlier one, so it {'is' if relative else 'is not'}.")
    if relative != in_points and not (amount.worded or amount.multiple):  # "a fifth" is never points
        reason += f" Read instead as percentage points, the change of {signed_points(abs(diff))} points " + (
            "would back it: write “percentage points” if that is what is meant." if in_points else
            "would not back it.")
    return RateReading(relative, reason, share)
