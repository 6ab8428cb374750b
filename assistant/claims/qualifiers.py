"""Words that qualify a figure without being one: "a record high" against "only slightly lower than the highs",
and a pledge's deadline ("to zero by 2030" against "by 2040").

A press line often turns on these words rather than on the number: a figure can be right and its qualifier
wrong. Pure functions over one text; `claims.sentences` compares the claim's with the source's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.claims.verdict import CONTRADICTED, SUPPORTED, UNCONFIRMED
from assistant.text.terms import content_terms

# "a record high", "the highest ever", "an all-time low", "the highest on record".
_RECORD = re.compile(r"\b(?:record|all[- ]time|historic)[- ](?P<a>high|low)s?\b|"
                     r"\b(?P<b>high|low)est (?:ever|on record|since records began)\b|"
                     r"\bnever (?:been )?(?P<c>high|low)er\b", re.IGNORECASE)
# "slightly lower than the highs", "below its peak", "higher than the lows": a level short of the extreme.
_SHORT_OF = re.compile(r"\b(?:(?P<below>lower|below|down|short|less)|(?P<above>higher|above|up|more))\b"
                       r"(?:\s+\w+){0,3}?\s+(?:the|its|their|our)\s+(?:record\s+)?(?P<extreme>highs?|peaks?|lows?)\b",
                       re.IGNORECASE)
_DEADLINE = re.compile(r"\bby (?:the end of |the year )?((?:19|20)\d\d)\b", re.IGNORECASE)
# The words a record qualifier is written with: how a figure stands, never what it is about.
QUALIFIER_TERMS = frozenset(content_terms("record high highs low lows highest lowest ever peak peaks all-time "
                                          "historic never"))


@dataclass(frozen=True)
class Record:
    """Whether a text puts a level at an extreme ("a record high") or short of it ("lower than the highs")."""

    extreme: str  # "high" | "low"
    holds: bool  # at the extreme (True) or short of it (False)
    words: str  # as written


def record_in(text: str) -> Record | None:
    """The record qualifier a text states, if any."""
    short = _SHORT_OF.search(text)
    if short is not None:
        extreme = "low" if short.group("extreme").lower().startswith("low") else "high"
        toward_high = short.group("above") is not None
        if toward_high == (extreme == "low"):  # "lower than the highs" / "higher than the lows"
            return Record(extreme, False, short.group())
    match = _RECORD.search(text)
    if match is None:
        return None
    extreme = (match.group("a") or match.group("b") or match.group("c")).lower()
    return Record(extreme, True, match.group())


def deadline_in(text: str) -> int | None:
    """The year a pledge is to be met by ("reduce road deaths to zero by 2040" -> 2040), if the text gives one."""
    match = _DEADLINE.search(text)
    return int(match.group(1)) if match else None


def judge_record(claim: str, source: str, verdict: str, reason: str) -> tuple[str, str]:
    """"at a record high" against what the source says of the highs ("only slightly lower than the highs"):
    UNCONFIRMED when the source says nothing of them; else the verdict (SUPPORTED for an unconfirmed one) or a
    contradiction, with the reason in both texts' words."""
    claimed, stated = record_in(claim), record_in(source)
    if stated is None or stated.extreme != claimed.extreme:
        return UNCONFIRMED, reason
    if stated.holds != claimed.holds:
        return CONTRADICTED, f"The claim says “{claimed.words}”; the source says “{stated.words}”."
    return (SUPPORTED if verdict == UNCONFIRMED else verdict), f"The source says “{stated.words}”, as the claim does."


def judge_deadline(claim: str, source: str) -> tuple[str, str]:
    """A pledge's date against the source's ("by 2030" against "by 2040"); UNCONFIRMED when it gives none."""
    claimed, stated = deadline_in(claim), deadline_in(source)
    if stated is None:
        return UNCONFIRMED, ""
    if stated == claimed:
        return SUPPORTED, "The source gives the same date."
    return CONTRADICTED, f"The source's date is {stated}, not {claimed}."
