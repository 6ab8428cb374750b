"""Claims about how many areas meet a condition: "burglary rose in every district", "no district saw robbery
fall", "three districts recorded more than 10,000 crimes", "crime fell in most districts", "burglary fell in
Harlow and Basildon".

Read as a claim about one area, each of these was judged by the wrong source: the force-wide row, a manifesto's
"burglary is down 40% since 2016", or the claim's own count ("three") set against the force's total. The
condition is the one a question puts ("which districts saw burglary rise?", `understand.filters`), so the claim
is asked as that question and the tables answer it with every row that meets it, each cited
(`answer.tables.filtered`); the claim's quantifier (every, none, some, most, a number) then says whether that
many rows back it. The statement quoted is the tables' answer itself, so every figure in it is a cited cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from assistant.answer.tables import TableIndex, answer_table
from assistant.claims.verdict import CONTRADICTED, SUPPORTED, Evidence
from assistant.claims.wording import capitalised
from assistant.text.dates import period_end
from assistant.text.normalise import normalise
from assistant.text.numbers import NUMBER_WORDS
from assistant import vocab
from assistant.understand import question as understand
from assistant.understand.filters import AREA_WORDS
from assistant.answer.tables.wording import in_words

_N = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_OF_THE = rf"(?:(?: of)? the)?(?: {_N})?"  # "five of the 14 districts", "all the districts"


@dataclass(frozen=True)
class _Quantifier:
    pattern: re.Pattern
    holds: Callable[[int, int, int], bool]  # (rows meeting, rows with a figure, the claim's number) -> backed?
    adverb: bool = False  # "everywhere" stands for "in every district"


def _q(pattern: str, holds, adverb: bool = False) -> _Quantifier:
    return _Quantifier(re.compile(pattern), holds, adverb)


_COMPARED = {
    "at least": lambda met, n: met >= n, "no fewer than": lambda met, n: met >= n,
    "more than": lambda met, n: met > n, "over": lambda met, n: met > n,
    "fewer than": lambda met, n: met < n, "less than": lambda met, n: met < n, "under": lambda met, n: met < n,
    "at most": lambda met, n: met <= n, "no more than": lambda met, n: met <= n, "up to": lambda met, n: met <= n,
}
# Checked in order: the first that matches is the claim's quantifier.
_QUANTIFIERS = (
    _q(rf"\bnot (?:every|each|all{_OF_THE}) {AREA_WORDS}\b|\bnot everywhere\b", lambda met, of, n: met < of),
    _q(rf"\ball but(?: {_N})?{_OF_THE} {AREA_WORDS}\b", lambda met, of, n: met == of - (n or 1)),
    _q(rf"\b(?:every|each|all{_OF_THE}) (?:single )?{AREA_WORDS}\b", lambda met, of, n: met == of),
    _q(r"\beverywhere\b|\bacross the board\b", lambda met, of, n: met == of, adverb=True),
    _q(rf"\b(?:no|none of the|not (?:a single|one)(?: of the)?) {AREA_WORDS}\b", lambda met, of, n: met == 0),
    _q(r"\bnowhere\b", lambda met, of, n: met == 0, adverb=True),
    _q(rf"\b(?:most|(?:the|a) majority of|more than half{_OF_THE}){_OF_THE} {AREA_WORDS}\b",
       lambda met, of, n: met * 2 > of),
    _q(rf"\b(?:several|a few|a number of){_OF_THE} {AREA_WORDS}\b", lambda met, of, n: met >= 2),
    _q(rf"\b(?:some|at least one|one or more){_OF_THE} {AREA_WORDS}\b", lambda met, of, n: met >= 1),
    _q(rf"\b({'|'.join(_COMPARED)}) {_N}{_OF_THE} {AREA_WORDS}\b", None),  # read by `_compared`
    _q(rf"\b(?:only |just |exactly )?{_N}{_OF_THE} {AREA_WORDS}\b", lambda met, of, n: met == n),
)


def condition_evidence(claim: str, areas: tuple[str, ...], tables: TableIndex) -> list[Evidence]:
    """The tables' verdict on a claim about how many areas meet a condition; [] when the claim is not one, or
    when the tables cannot answer it (the other judges then take it). `areas` are the ones the claim names."""
    norm = normalise(claim)
    found = _quantifier(norm)
    if found is not None:
        quantifier, match = found
        replacement = "in which districts" if quantifier.adverb else "which districts"
        asked = norm[:match.start()] + replacement + norm[match.end():]
        holds = _rule(quantifier, match)
        claimed = match.group()
    else:  # "burglary fell in Harlow and Basildon": every area it names
        if len(areas) < 2 or re.search(r"\d", norm):
            return []
        asked, holds, claimed = f"which areas: {norm}", (lambda met, of: met == of), "each area it names"
    query = understand.parse(asked)
    if query.rank is None and query.areas == (vocab.FORCE,):  # "every district of Essex": the force's districts
        query = understand.parse(_force_named().sub(" ", asked))
    if query.rank is None or not query.rank.keep:
        return []
    result = answer_table(query, tables)
    if result is None or not result.answerable or result.condition_met is None or not result.rows:
        return []
    met, of = result.condition_met
    cites = {f"cell:{n}": ("row", row) for n, row in enumerate(result.rows, start=1)}
    # The tables' "Assumed: ..." (a crime word read as a row, the latest period) is in the claim's cautions.
    statement = re.sub(r"\[(\d+)\]", lambda m: f"[[cell:{m.group(1)}]]", result.text.split(" Assumed: ")[0])
    figures = [(f.value, f.measure, f.area, f.crime_type, f.period, f"cell:{f.row}") for f in result.figures]
    period = result.context.periods[-1]
    reason = f"The claim says “{claimed}”; the tables show {in_words(met)} of {in_words(of)}."
    return [Evidence(SUPPORTED if holds(met, of) else CONTRADICTED, "table", period_end(period), f"the {period}",
                     statement, reason, cites, figures, capitalised(statement), result.rows[0].source_document,
                     caveats=tuple(result.caveats))]


def _force_named() -> re.Pattern:
    forces = "|".join(re.escape(vocab.normalise(force)) for force in vocab.FORCES)
    return re.compile(rf"\b(?:of|in|across|throughout) (?:the )?(?:{forces})\b")


def _quantifier(norm: str) -> tuple[_Quantifier, re.Match] | None:
    for quantifier in _QUANTIFIERS:
        match = quantifier.pattern.search(norm)
        if match is not None:
            return quantifier, match
    return None


def _rule(quantifier: _Quantifier, match: re.Match) -> Callable[[int, int], bool]:
    """The quantifier's test with the claim's own number filled in ("three districts": exactly three)."""
    numbers = [_number(g) for g in match.groups() if g is not None and _number(g) is not None]
    if quantifier.holds is None:  # "at least three districts"
        compared = _COMPARED[match.group(1)]
        return lambda met, of: compared(met, numbers[0])
    n = numbers[0] if numbers else 0
    return lambda met, of: quantifier.holds(met, of, n)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)
