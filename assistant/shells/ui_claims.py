"""How a claim check is laid out for a press officer: the verdict, one line of reason, the evidence that decides
it first, and wording to use whatever the verdict.

Pure functions over the engine's `Answer`. The reason is the explanation's first sentence that cites a source
(plus the short sentence saying how it bears on the claim), so every number in it is a cited one; the deciding
evidence is the citations that sentence cites. Nothing here rewrites a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.records import Answer, Citation
from assistant.shells.ui import without_markers

_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“\"(])")
_MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class ClaimView:
    """A claim check as the chat shows it."""

    reason: str  # one line, with its [n] markers
    rest: str  # the rest of the explanation (folded away), with its markers
    deciding: tuple[Citation, ...]  # cited by the reason: shown first
    others: tuple[Citation, ...]  # folded away
    wording: str  # text to paste, no markers
    wording_note: str  # what the wording is, in one line


def sentences(text: str) -> list[str]:
    """The explanation cut into sentences (a full stop inside "9.2%" or "Sept." does not end one: a sentence
    ends only where a capital or an opening quote follows)."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


@dataclass(frozen=True)
class PartView:
    """One part of a compound claim ("Burglary fell and robbery rose"), judged alone."""

    claim: str
    verdict: str
    reason: str  # with markers numbered as in the whole answer


def part_views(answer: Answer) -> list[PartView]:
    return [PartView(part.claim, part.verdict or "not found", claim_view(part).reason) for part in answer.parts]


def claim_view(answer: Answer) -> ClaimView:
    if answer.parts:
        return _compound_view(answer)
    parts = sentences(answer.text)
    first = next((i for i, s in enumerate(parts) if _MARKER.search(s)), None)
    if first is None:  # nothing cited: a "not found", whose text is its own reason
        reason, rest = " ".join(parts), ""
    else:
        end = first + 1
        if end < len(parts) and not _MARKER.search(parts[end]) and len(parts[end]) <= 60:
            end += 1  # "This contradicts the claim." belongs with the figure it follows
        lead = [p for p in parts[:first] if not _is_verdict_word(p, answer.verdict)]
        reason = " ".join(lead + parts[first:end])
        rest = " ".join(parts[end:])
    cited = {int(n) for n in _MARKER.findall(reason)}
    deciding = tuple(c for c in answer.citations if c.n in cited)
    others = tuple(c for c in answer.citations if c.n not in cited)
    wording, note = suggested_wording(answer, reason)
    return ClaimView(reason, rest, deciding, others, wording, note)


def _is_verdict_word(sentence: str, verdict: str | None) -> bool:
    """The explanation opens with the verdict itself ("Supported."), which the badge already shows."""
    return sentence.rstrip(".").strip().lower() == (verdict or "").lower()


def suggested_wording(answer: Answer, reason: str) -> tuple[str, str]:
    """(wording to paste, what it is). The engine's safer wording when it gives one; for a supported claim the
    deciding source's own statement (the exact figure and period to quote); for "not found", no wording, and
    a line saying why."""
    if answer.suggestion:
        return without_markers(answer.suggestion), "Suggested wording"
    if answer.verdict == "supported" and _MARKER.search(reason):
        cited = next(s for s in sentences(reason) if _MARKER.search(s))
        return without_markers(cited), "Supported: quote it with the exact figure and period the source gives"
    return "", ("No wording can be suggested: no source covers this claim. Leave the figure out, or check it "
                "against a source that does.")


def _compound_view(answer: Answer) -> ClaimView:
    """A compound claim: its lead sentence is the reason; each part's own reason (shown under it) decides it."""
    lead = sentences(answer.text)[0] if answer.text else ""
    views = [claim_view(part) for part in answer.parts]
    cited = {int(n) for view in views for n in _MARKER.findall(view.reason)}
    deciding = tuple(c for c in answer.citations if c.n in cited)
    others = tuple(c for c in answer.citations if c.n not in cited)
    if answer.suggestion:
        wording, note = without_markers(answer.suggestion), "Suggested wording"
    elif views and all(part.verdict == "supported" for part in answer.parts):
        wording = " ".join(view.wording for view in views if view.wording)
        note = "Supported: quote it with the exact figures and periods the sources give"
    else:
        wording, note = "", "No wording can be suggested for the parts no source covers; leave them out."
    return ClaimView(lead, "", deciding, others, wording, note)
