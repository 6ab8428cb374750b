"""Short forms a question uses for names the documents print in full: initials ("CSP" for "Community Safety
Partnership", "EU" for "European Union") and first letters before the same next word ("Op Lantern" for "Operation
Lantern").

Read as written, such a word is one no document holds, and the question is refused as about a topic the documents
never mention. Written out as the documents print the name, its words are found. Only short forms the documents
never print themselves are written out, and only to names they do print.
"""

from __future__ import annotations

import re

from assistant.answer.facts import facts_for
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms

ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
ABBREVIATED = re.compile(r"\b([A-Z][a-z]{1,3})\.?\s+([A-Z][\w'’-]+)")
CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w'’-]*){1,5}")


def spelled_out(text: str, index: LoadedIndex) -> str:
    """The text with a short form the documents never print written out as they print the name: initials
    ("CSP" for "Community Safety Partnership") or first letters before the same next word ("Op Lantern" for
    "Operation Lantern"). Its words are then found rather than refused as words no document holds."""
    known = facts_for(index).known_terms()[0]

    def initials(match: re.Match) -> str:
        names = _initials_printed(index).get(match.group())
        if not names or content_terms(match.group()) <= known:
            return match.group()
        if len(match.group()) == 2:  # two letters stand for many pairs of words: only for the one pair printed
            return next(iter(names)) if len(names) == 1 else match.group()
        return min(names, key=lambda n: (len(n), n))

    def first_letters(match: re.Match) -> str:
        word, following = match.groups()
        if content_terms(word) <= known:
            return match.group()
        full = _printed_match(rf"\b{re.escape(word)}[a-z]+(?=\s+{re.escape(following)}\b)", index)
        return f"{full} {following}" if full else match.group()

    return ABBREVIATED.sub(first_letters, ACRONYM.sub(initials, text))


def _initials_printed(index: LoadedIndex) -> dict[str, frozenset[str]]:
    """Initials -> the names the documents print that they stand for (every run of two to six capitalised
    words, and each run of three or more inside it: "Community Safety Partnership Board" gives CSPB, CSP and
    SPB; and every two capitalised words side by side: "European Union" of "the European Union of GPs" gives EU),
    worked out once per index."""
    found = index.derived.get(_INITIALS_KEY)
    if found is None:
        names: dict[str, set[str]] = {}
        for document in index.documents.values():
            for run in CAPITALISED_RUN.finditer(f"{document.title}\n{document.text}"):
                printed = run.group().split()
                for first, second in zip(printed, printed[1:]):
                    if first[:1].isupper() and second[:1].isupper():
                        names.setdefault(first[0] + second[0], set()).add(f"{first} {second}")
                words = [w for w in printed if w[:1].isupper()]
                for i in range(len(words)):
                    for j in range(i + 3, len(words) + 1):
                        names.setdefault("".join(w[0] for w in words[i:j]), set()).add(" ".join(words[i:j]))
        found = {key: frozenset(value) for key, value in names.items()}
        index.derived[_INITIALS_KEY] = found
    return found


_INITIALS_KEY = "asking:initials-printed"


def _printed_match(pattern: str, index: LoadedIndex) -> str:
    """The first text some document prints matching the pattern, or "" (looked up once per pattern)."""
    facts = facts_for(index)
    key = f"printed-match:{pattern}"
    if key not in facts.term_sets:
        compiled = re.compile(pattern)
        found = next((m.group() for d in index.documents.values() if (m := compiled.search(d.text))), "")
        facts.term_sets[key] = frozenset({found})
    return next(iter(facts.term_sets[key]))
