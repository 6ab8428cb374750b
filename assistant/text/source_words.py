"""The words people use for sources (`data/source_words.toml`): kinds of source and the metadata words that
pick their documents, words naming a kind of document, and verbs of saying. Kept in data because they are
words, not logic; read once.

A question's source words say where to read, not what to find: "In the Courier article, what did Councillor
Ashworth accuse the commissioner of?" is about what was said, and the article need never print "article" or
"accuse". A date beside a document word ("the January 2024 police release", "the October 2025 minutes") dates
the document or the meeting, never the period the figures asked for cover.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.text.terms import content_terms

FILE = Path(__file__).parent / "data" / "source_words.toml"


@dataclass(frozen=True)
class SourceKind:
    """A phrase for a kind of source ("the press release") and the words, one of which a document's metadata
    must contain for the phrase to name it."""

    said: re.Pattern
    held: tuple[str, ...]

    def picks(self, metadata: str) -> bool:
        """Does a document's casefolded title, publisher, kind and file name hold one of this kind's words?"""
        return any(word in metadata for word in self.held)


@lru_cache(maxsize=1)
def _data() -> dict:
    with FILE.open("rb") as file:
        return tomllib.load(file)


@lru_cache(maxsize=1)
def kinds() -> tuple[SourceKind, ...]:
    # never after a count: "within 15 minutes" is a length of time, not the minutes of a meeting (a year, "the 2024
    # agenda", still dates one)
    count = r"(?<!\b\d )(?<!\b\d\d )(?<!\b\d\d\d )"
    return tuple(SourceKind(re.compile("|".join(rf"{count}\b{re.escape(p)}\b" for p in kind["said"]), re.I),
                            tuple(kind["held"])) for kind in _data()["kind"])


@lru_cache(maxsize=1)
def document_words() -> frozenset[str]:
    """Words naming a kind of document or a part of one, as written ("papers", "minutes")."""
    return frozenset(_data()["words"]["document"])


@lru_cache(maxsize=1)
def framing_terms() -> frozenset[str]:
    """The content terms of document words and verbs of saying: never a topic the documents must print."""
    words = _data()["words"]
    return frozenset(content_terms(" ".join((*words["document"], *words["saying"]))))


def metadata_text(document) -> str:
    """What a document is called, by whom and as what: title, publisher, kind and file name, casefolded (a file
    name "northmarch-pcc-press-release-2026-03-03.md" says what a document without a manifest entry is)."""
    name = re.sub(r"\.\w+$", "", document.id).replace("-", " ").replace("_", " ")
    return f"{document.title} {document.publisher} {document.kind} {name}".casefold()


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
           "jun|jul|aug|sept?|oct|nov|dec")
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\.?(?:\s+\d{{4}})?"


# Words that link a date to what follows it rather than describe a document: "to October 2024 according to the
# board pack" dates the figures.
_LINKS = "to|according|in|of|for|from|by|at|on|with|and|or|the|a|an|than|compared|versus|vs|is|was|were|are|did|does"


@lru_cache(maxsize=1)
def _document_dates() -> re.Pattern:
    """A date beside a document word: "the January 2024 police release", "the October 2025 board minutes",
    "the performance summary to October 2024", "the meeting in October 2025", "the update of 5 March"."""
    kinds_ = "|".join(sorted(document_words(), key=len, reverse=True))
    modifier = rf"\s+(?!(?:{_LINKS})\b)[\w'’-]+"  # "police", "community safety": what kind of document
    return re.compile(rf"\b(?P<before>{_DATE})(?=(?:{modifier}){{0,3}}?\s+(?:{kinds_})\b)|"
                      rf"\b(?:{kinds_})\s+(?:(?:held|published|dated|issued)\s+)?(?:of|from|in|on|for|to|dated)\s+"
                      rf"(?:the\s+)?(?P<after>{_DATE})", re.I)


def document_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date the text ties to a document word rather than to the figures it asks for."""
    spans = []
    for match in _document_dates().finditer(text):
        group = "before" if match.group("before") else "after"
        spans.append(match.span(group))
    return spans


def without_document_dates(text: str) -> str:
    """The text with the dates that only name a document or a meeting blanked out (same length, so positions in it
    still match the text's)."""
    for start, end in document_dates(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
