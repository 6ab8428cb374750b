"""Compound claims: "X rose by about a fifth and Y fell", split into parts that are each judged on their own.

A claim is split at "and", "while", "but", "whereas" only where both sides say something on their own (each
has a verb of change or of recording), so "stalking and harassment fell" and "murder and burglary are both
down" stay whole. A part that leaves out what the whole claim states elsewhere borrows it: the place ("In
Maldon, ASB rose by 11% while all crime fell" → "all crime fell in Maldon"), the period, and the source it is
attributed to ("The press release said X fell and Y rose" → "The press release said Y rose"). Each part is
then judged with its own evidence, so a part about one measure is never checked against another part's figure.

`combine` makes one answer of the parts: supported when every part is, contradicted when every part is,
otherwise mixed; the explanation gives each part's verdict and evidence, the citations are numbered once
across the parts, and `Answer.parts` carries each part's own answer for the chat.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import vocab
from assistant.claims.amounts import masked
from assistant.claims.directions import has_direction_word
from assistant.claims.periods import find_period
from assistant.claims.sentences import ANNUAL
from assistant.claims.verdict import CONTRADICTED, MIXED, NOT_FOUND, SUPPORTED
from assistant.claims.wording import in_place
from assistant.records import Answer, Citation
from assistant.understand import question as understand

_JOINS = re.compile(r",?\s+(?:and|while|whilst|but|whereas|although)\s+(?:also\s+|then\s+)?", re.IGNORECASE)
# A clause that states something: a verb of recording or having, or any word of change.
_STATES = re.compile(r"\b(?:recorded|records|was|were|is|are|had|has|have|stood|stands|made up|accounted)\b",
                     re.IGNORECASE)
_ATTRIBUTED = re.compile(r"^(.*?\b(?:said|says|stated|states|reported|reports|claimed|claims|shows?|showed)"
                         r"(?:\s+that)?|according to [^,]+,)\s", re.IGNORECASE)
_OWN_SOURCE = re.compile(r"\b(?:said|says|stated|states|claimed|claims|according to)\b", re.IGNORECASE)
_GAPPED = re.compile(r"^[^,;]*?\s+by\s+\S*\d", re.IGNORECASE)
_VERB_BEFORE_BY = re.compile(r"(\w+)\s+by\s+[^,;]*$", re.IGNORECASE)
_THERE = re.compile(r"\s+there\b", re.IGNORECASE)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def split_claim(claim: str) -> list[str]:
    """The claim's parts, each readable on its own; [claim] when it asserts one thing."""
    clauses, start = [], 0
    period = find_period(claim)
    at = claim.find(period.words) if period is not None and period.words else -1
    within = range(at, at + len(period.words)) if at >= 0 else range(0)  # "between July 2017 and June 2018"
    for join in _JOINS.finditer(claim):
        if join.start() in within:
            continue
        left, right = claim[start:join.start()], claim[join.end():]
        if _states(left) and _states(right):  # "X fell and stalking and harassment rose": split once, at the first
            clauses.append(left)
            start = join.end()
    if not clauses or len(clauses) >= len(_ORDINALS):
        return [claim]
    clauses.append(claim[start:])
    return _completed(claim, [c.strip(" ,.;") for c in clauses])


def _states(clause: str) -> bool:
    visible = masked(clause)
    return bool(_STATES.search(visible)) or has_direction_word(visible) or _gapped(visible)


def _gapped(clause: str) -> bool:
    """"... fell by 6%, and anti-social behaviour by 38%": a clause whose verb is the one before it."""
    return bool(_GAPPED.match(clause)) and not has_direction_word(clause)


def _completed(claim: str, clauses: list[str]) -> list[str]:
    """Each clause with the place, period and attribution the whole claim gives and the clause leaves out."""
    query = understand.parse(claim)
    areas = [a for a in query.areas if a not in vocab.FORCES] or list(query.areas)
    period = find_period(claim)
    annual = ANNUAL.search(claim)
    attributed = _ATTRIBUTED.match(clauses[0])
    parts = []
    for i, clause in enumerate(clauses):
        text = clause
        verb = _VERB_BEFORE_BY.search(clauses[i - 1]) if i else None
        if i and verb and _gapped(masked(clause)):  # "and ASB by 38%" → "ASB fell by 38%"
            text = re.sub(r"\s+by\s+", f" {verb.group(1)} by ", text, count=1)
        if i and attributed and not _OWN_SOURCE.search(clause):
            text = f"{attributed.group(1)} {text[:1].lower()}{text[1:]}"
        own = understand.parse(text)
        if areas and not own.areas and not own.unknown_places:
            text = _THERE.sub("", text) + " " + in_place(areas[0])
        if annual is not None and not ANNUAL.search(text):  # "last year, total crime fell 6%, and ASB by 38%"
            text += f" {annual.group()}"
        elif period is not None and period.words and find_period(text) is None:
            the = "the " if re.match(r"(?:12|twelve)\b|year|rolling|period", period.words, re.IGNORECASE) else ""
            text += f" in {the}{period.words}"
        parts.append(text[:1].upper() + text[1:] + ".")
    return parts


def combine(claim: str, parts: list[str], answers: list[Answer]) -> Answer:
    """One answer for a compound claim from its parts' answers (see the module docstring)."""
    verdicts = [a.verdict for a in answers]
    if all(v == SUPPORTED for v in verdicts):
        verdict = SUPPORTED
    elif all(v == CONTRADICTED for v in verdicts):
        verdict = CONTRADICTED
    elif all(v == NOT_FOUND for v in verdicts):
        verdict = NOT_FOUND
    else:
        verdict = MIXED
    numbering = _Numbering()
    renumbered = [numbering.take(answer) for answer in answers]
    lead = {SUPPORTED: "Supported: every part of the claim holds.",
            CONTRADICTED: "Contradicted: no part of the claim holds.",
            NOT_FOUND: "Not found: no source bears on any part of the claim.",
            MIXED: "Mixed: the parts of the claim do not all hold."}[verdict]
    said = [lead]
    for i, (part, answer) in enumerate(zip(parts, renumbered)):
        explanation = re.sub(r"^(?:Supported|Contradicted|Mixed|Not found)[.:]\s*", "", answer.text)
        if explanation.startswith(("The ", "No ", "This ")):  # never a name: those keep their capital
            explanation = explanation[:1].lower() + explanation[1:]
        said.append(f"The {_ORDINALS[i]} part, “{part.rstrip('.')}”, is {answer.verdict}: {explanation}")
    suggestion = " ".join(a.suggestion for a in renumbered if a.suggestion)
    caveats = tuple(dict.fromkeys(c for a in renumbered for c in a.caveats))
    sources = [s for a in renumbered for s in a.extra.get("sources", [])]
    return Answer(text=" ".join(said), answerable=verdict != NOT_FOUND, citations=tuple(numbering.citations),
                  figures=tuple(f for a in renumbered for f in a.figures), claim=claim, verdict=verdict,
                  caveats=caveats, suggestion=suggestion, context=answers[0].context,
                  extra={"sources": sources}, parts=tuple(renumbered))


class _Numbering:
    """One citation numbering across the parts: the same row or sentence keeps one number."""

    def __init__(self):
        self.citations: list[Citation] = []
        self._numbers: dict[tuple, int] = {}

    def take(self, answer: Answer) -> Answer:
        """The part's answer with its citations, markers and figures in the shared numbering."""
        mapping = {}
        for citation in answer.citations:
            key = (citation.document, citation.locator, citation.quote)
            if key not in self._numbers:
                self._numbers[key] = len(self.citations) + 1
                self.citations.append(replace(citation, n=self._numbers[key]))
            mapping[citation.n] = self._numbers[key]

        def marked(text: str) -> str:
            return re.sub(r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", text)

        return replace(answer, text=marked(answer.text), suggestion=marked(answer.suggestion),
                       citations=tuple(replace(c, n=mapping[c.n]) for c in answer.citations),
                       figures=tuple(replace(f, citation=mapping.get(f.citation, f.citation))
                                     for f in answer.figures))
