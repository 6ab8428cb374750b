"""Who a claim says said it, and what it says they said: "Chief Inspector Ballard told the July 2024 board that
anti-social behaviour dropped 15%" is the board's minutes of July 2024 (the source) saying "anti-social
behaviour dropped 15%" (the content).

Kept apart because the two halves play different parts in a check. The source picks the documents (and, for a
meeting, the meeting) that judge the claim; its words ("the PFCC's Getting Crime Down statement", "the
community safety report") are not what the claim is about, so they never count as topic words or places, and a
date in them dates the meeting, not the figure. A source is named only in the attribution itself: "core PFCC
funding" inside the content is a topic, not the commissioner speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer.source_names import mentions
from assistant.text.dates import MONTH_WORDS, month_number
from assistant.text.source_words import document_words

# Verbs that report speech or writing. "records"/"shows" report only with "that" ("the minutes record that ...");
# without it they are the claim's own verb ("Essex Police recorded 18,099 offences").
_SAYING = (r"said|says|say|stated|states|reported|reports|wrote|writes|announced|announces|claimed|claims|noted|"
           r"notes|added|adds|warned|warns|revealed|reveals|confirmed|confirms|highlighted|highlights")
_TELLING = r"told|tells|informed|informs|briefed|briefs|updated|updates|reminded|advised|advises"
_SHOWING = r"records?|recorded|shows?|showed|shown|finds|found"
# An aim keeps its verb in the content, so the content still reads as a pledge ("aims to cut ...").
_AIMING = r"aims?|aimed|pledges?|pledged|promises?|promised|vows?|vowed|commits?|committed|plans?|planned"
_LEADING = re.compile(
    rf"^(?P<who>[^.;]{{2,140}}?)\s+(?:(?P<verb>{_SAYING})(?:\s+that)?\b"
    rf"|(?P<told>{_TELLING})\s+(?P<audience>[^.;%]{{2,80}}?)\s+that\b"
    rf"|(?:{_SHOWING})\s+that\b"
    rf"|(?=(?:{_AIMING})\s+to\b))\s*,?\s*(?P<content>.+)$", re.IGNORECASE)
_ACCORDING = re.compile(r"^\s*according to (?P<who>[^,]{2,120}),\s*(?P<content>.+)$", re.IGNORECASE)
_TRAILING = re.compile(rf"^(?P<content>.+?),\s*(?P<who>(?:the |according to )[^,]{{2,80}}?)(?:\s+(?:{_SAYING}))?"
                       r"\s*\.?\s*$", re.IGNORECASE)
_DATE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b(" + "|".join(m for m in MONTH_WORDS if len(m) > 3) +
                   r")\s+(\d{4})\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d")
# "..., according to the latest police crime figures.": the source's own source, not what the claim is about.
# "620 drug related offences - including trafficking ... and possession - between ...": examples set apart,
# which name sub-types of what is counted, not further subjects.
_ASIDE = re.compile(r"\s[-–—]\s(?:including|includes|such as|for example|e\.g\.)\s[^-–—]+[-–—]\s|"
                    r"\s?\((?:including|includes|incl\.?|such as|for example|e\.g\.)\s[^)]*\)", re.IGNORECASE)
_ALSO_ATTRIBUTED = re.compile(r",?\s*according to [^,.;]+[.]?\s*$", re.IGNORECASE)
# "reports", "claims", "notes" are nouns as often as verbs ("Antisocial behaviour reports in Essex fell"): read
# as saying only after words that name a source or a kind of document ("the Northampton article reports").
_NOUN_OR_VERB = re.compile(r"^(?:reports|claims|notes|states|records|shows|finds|adds|warns|reveals|confirms|"
                           r"highlights|updates|advises|briefs|informs)$", re.IGNORECASE)
_DOCUMENT_KIND = re.compile(rf"\b(?:{'|'.join(sorted(document_words(), key=len, reverse=True))})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """A claim split into who is said to have said it and what they said."""

    content: str  # the claim itself when it names no source
    source: str = ""  # "Chief Inspector Ballard ... the July 2024 One Chelmsford board"
    documents: frozenset = field(default_factory=frozenset)  # the documents the source names; empty for none
    meeting: tuple[int, int] | None = None  # (year, month) of the meeting or statement the source dates


def attribution_of(claim: str, index) -> Attribution:
    """Who the claim says said it (if anyone), the documents that names, and what was said."""
    match = _ACCORDING.match(claim) or _LEADING.match(claim)
    if match is not None and "verb" in match.groupdict() and match.group("verb") and \
            _NOUN_OR_VERB.match(match.group("verb")) and not _names_source(match.group("who"), index) and \
            not _DOCUMENT_KIND.search(match.group("who")):
        match = None
    if match is not None and _FIGURE.search(match.group("who")) and not _DATE.search(match.group("who")):
        match = None  # "Crime fell 5% in 2023, police said ..." reads from its end, not here
    if match is None:
        match = _TRAILING.match(claim)
        if match is None or not _names_source(match.group("who"), index):
            return Attribution(_ASIDE.sub(" ", claim))
    who = match.group("who")
    groups = match.groupdict()
    audience = groups.get("audience") or ""
    source = f"{who} {audience}".strip()
    content = _ASIDE.sub(" ", _ALSO_ATTRIBUTED.sub("", match.group("content"))).strip()
    if not content or not re.search(r"[A-Za-z]", content):
        return Attribution(_ASIDE.sub(" ", claim))
    date = _DATE.search(source)
    meeting = (int(date.group(2)), month_number(date.group(1))) if date else None
    return Attribution(content[:1].upper() + content[1:], source, frozenset(named_in(source, index)), meeting)


def _names_source(words: str, index) -> bool:
    return bool(mentions(words, index))


def named_in(words: str, index) -> set[str]:
    """The documents the words of an attribution name. Each phrase ("the press release", "the Echo") picks
    documents by their title, publisher, kind or file name (`answer.source_names`); when two phrases pick
    different documents, a document is kept if it also holds the other phrase in its text ("the commissioner
    said in the press release" is the release that quotes him, not the commissioner's own statement)."""
    picks = [(found.group().casefold(), docs) for found, docs in mentions(words, index)]
    if not picks:
        return set()
    every = set().union(*(ids for _, ids in picks))
    kept = {d for d in every if all(d in ids or phrase in index.documents[d].text.casefold() for phrase, ids in picks)}
    return kept or every
