"""Claims about police.uk street-level data, judged against the exact, cited counts of `answer.street`.

A share claimed in per cent ("28% of stop and searches ended in arrest") is judged against the share the
answer quotes. The claim is read twice: by the street reader for what it is about (months, crime type, area, outcome,
download) and by `claims.parse` for what it asserts (a count, a change in per cent or in number, a direction).
The figure it is judged against is the one `StreetAnswers` would give for the same question, with the same
traps said (incidents left out, gaps refused, the latest download used), and the claimed figure is judged
under the same tolerance rules as every other claim (`claims.tolerance`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.street import StreetAnswers, StreetAsk
from assistant.answer.street.wording import SHARE
from assistant.answer.tables import DIFFERENCE
from assistant.claims.amounts import COUNT, PERCENT
from assistant.claims.directions import DOWN, UP
from assistant.claims.parse import CHANGE, DIRECTION, parse_claim
from assistant.claims.tolerance import claim_range, tolerance_words
from assistant.claims.verdict import CONTRADICTED, NOT_FOUND, SUPPORTED
from assistant.records import Answer
from assistant.understand.months import blank_periods
from assistant.understand.street import COMPARE, COUNT as COUNT_INTENT


def read_claim(street: StreetAnswers, claim: str) -> StreetAsk:
    """What the claim is about; a change claimed over one period is measured from the same months a year before."""
    ask = street.read(claim)
    shape = parse_claim(blank_periods(claim))
    changes = shape.quantity in (CHANGE, DIRECTION) or shape.direction in (UP, DOWN)
    if ask.intent == COUNT_INTENT and changes and ask.event is None:  # outcome and search files count, not compare
        base = ask.base or tuple(f"{int(m[:4]) - 1}{m[4:]}" for m in ask.months)
        ask = replace(ask, intent=COMPARE, base=base, weak_signal=True)
    return ask


def check_street_claim(street: StreetAnswers, claim: str, ask: StreetAsk) -> Answer:
    """A verdict on `claim`, with the street answer's figures and citations as its evidence."""
    found = street.answer(ask)
    if not found.answerable:
        return replace(found, claim=claim, question="", verdict=NOT_FOUND)
    shape = parse_claim(blank_periods(claim))
    amount = shape.amount
    counts = [f for f in found.figures if f.measure != DIFFERENCE]
    if ask.intent == COMPARE:
        before, now = counts[0].value, counts[1].value
        went = UP if now > before else DOWN if now < before else None
        ok = shape.direction in (None, went) and went is not None
        if ok and amount is not None and amount.kind == PERCENT:
            ok = bool(before) and claim_range(amount).contains(round(abs(now - before) / before * 100, 1))
        elif ok and amount is not None:
            ok = claim_range(amount).contains(abs(now - before))
    elif amount is not None and amount.kind == COUNT:
        value = counts[-1].value if ask.outcome else counts[0].value
        ok = claim_range(amount).contains(value)
    elif amount is not None and amount.kind == PERCENT and any(f.measure == SHARE for f in counts):
        ok = claim_range(amount).contains(next(f.value for f in counts if f.measure == SHARE))
    else:
        return replace(found, claim=claim, question="", verdict=NOT_FOUND,
                       text="Not found. The claim states no figure or change the street-level counts can test. "
                            + found.text, answerable=False)
    verdict = SUPPORTED if ok else CONTRADICTED
    rule = f" ({tolerance_words(amount)})" if amount is not None else ""
    lead = "Supported" if ok else "Contradicted"
    source = "street-level data" if ask.event is None else f"{ask.event.kind} files"
    text = f"{lead}: the police.uk {source}{' back' if ok else ' do not back'} the claim{rule}. {found.text}"
    first = found.text.split(". ")[0].rstrip(".") + "."
    return replace(found, text=text, claim=claim, question="", verdict=verdict,
                   suggestion="" if ok else first)
