"""The names the documents print, worked out by the build and saved with the index: initials paired with the
phrase they stand for ("TPI" and "Thriving Places Index"), and every run of capitalised words ("Operation Kestrel").

Passage selection reads both on every question (`answer.naming`): working them out means running two patterns over
every document's text, about 20 ms of a new process's first passage answer on the repo's corpus and more as the
corpus grows; read from the build (`answer.naming.read_saved`) they cost under a millisecond. They depend on the documents and on the
rules of this module and of `text.terms` alone, so the saved file carries a fingerprint of those rules' files
(`rules_fingerprint`): one saved under other rules (the code changed since the build), or an index built before
the names were saved, has them worked out afresh at first use, exactly as the build would.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.records import Document
from assistant.text.terms import content_terms

FILE = "names.json"
TEXT = Path(__file__).resolve().parent.parent / "text"
# The files whose rules decide the names: this one's patterns, and the content terms they are kept as.
RULES = (Path(__file__).resolve(), TEXT / "terms.py", TEXT / "tokens.py", TEXT / "dates.py",
         TEXT / "data" / "abbreviations.toml", TEXT / "data" / "same_words.toml",
         TEXT / "data" / "frame_words.toml")

INITIALS = re.compile(r"\b[A-Z]{3,6}\b")
# Capitalised words, with the one or two small words names carry between them ("Violence Against Women and
# Girls", "Office of the Police and Crime Commissioner").
PHRASE = re.compile(r"\b[A-Z][a-z'’]+(?:\s+(?:(?:and|of|for|the|in|on|&)\s+){0,2}[A-Z][a-z'’]+){1,6}\b")
SMALL = {"and", "of", "for", "the", "in", "on", "&"}


@dataclass(frozen=True)
class DocumentNames:
    """What the documents name: initials' term -> the terms of the phrase they stand for, and every capitalised
    phrase printed (casefolded, each run of two words or more of a longer one too)."""

    initials: dict[str, frozenset[str]]
    printed: frozenset[str]


def work_out(documents: Iterable[Document]) -> DocumentNames:
    documents = list(documents)
    return DocumentNames(initials_of(documents), printed_of(documents))


def initials_of(documents: Iterable[Document]) -> dict[str, frozenset[str]]:
    """Each pair of initials and phrase printed somewhere in the documents (when two phrases share initials,
    neither is taken)."""
    text = "\n".join(doc.text for doc in documents)
    printed = set(INITIALS.findall(text))
    phrases: dict[str, set[str]] = {}
    for match in PHRASE.finditer(text):
        words = match.group().split()
        for start in range(len(words) - 1):  # "The Thriving Places Index": every run of its words too
            for end in range(start + 2, len(words) + 1):
                if words[start].casefold() in SMALL or words[end - 1].casefold() in SMALL:
                    continue
                phrase = " ".join(words[start:end])
                if (short := _spelt(phrase)) in printed and len(short) >= 3:
                    phrases.setdefault(short, set()).add(phrase.casefold())
    found = {}
    for short, names in phrases.items():
        terms = {frozenset(content_terms(n)) for n in names}
        key = content_terms(short)
        if len(terms) == 1 and len(key) == 1 and len(next(iter(terms))) >= 2:
            found[next(iter(key))] = next(iter(terms))
    return found


def _spelt(phrase: str) -> str:
    """The initials a phrase's words spell, small words left out ("Violence Against Women and Girls": VAWG)."""
    return "".join(w[0] for w in phrase.split() if w.casefold() not in SMALL).upper()


def printed_of(documents: Iterable[Document]) -> frozenset[str]:
    """Every capitalised phrase the documents print (titles too), casefolded, with its runs of two words or more."""
    runs = set()
    for doc in documents:
        for match in PHRASE.finditer(f"{doc.title}\n{doc.text}"):
            words = match.group().casefold().split()  # "Operation Kestrel Results": "operation kestrel" too
            runs |= {" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 2, len(words) + 1)
                     if words[a] not in SMALL and words[b - 1] not in SMALL}
    return frozenset(runs)


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in RULES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save(names: DocumentNames, build: Path) -> None:
    """Write the names into a build folder, with the fingerprint of the rules they were worked out under."""
    (build / FILE).write_text(json.dumps({
        "rules": rules_fingerprint(),
        "initials": {short: sorted(terms) for short, terms in sorted(names.initials.items())},
        "printed": sorted(names.printed)}))


def load(build: Path) -> DocumentNames | None:
    """The names the build saved, or None when it saved none or worked them out under other rules."""
    try:
        saved = json.loads((build / FILE).read_text())
    except OSError:  # none saved (an index built before names were): worked out at first use instead
        return None
    if saved.get("rules") != rules_fingerprint():
        return None
    return DocumentNames({short: frozenset(terms) for short, terms in saved["initials"].items()},
                         frozenset(saved["printed"]))
