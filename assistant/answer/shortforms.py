"""Short forms a question uses for names the documents print in full: initials ("CSP" for "Community Safety
Partnership", "EU" for "European Union"), first letters before the same next word ("Op Lantern" for "Operation
Lantern") or after the same word before ("Home Sec" for "Home Secretary"), in capitals or not ("the csp team",
"op lantern", "the home sec": people type questions in lower case).

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
# Initials typed in lower case ("csp", "asb"): three letters at least, and no vowel after the first, as words are
# written ("dog" is no "Dial Op Grip", "wat" no "We Achieve This"; "op", "mp" are too often words of their own)
LOWER_ACRONYM = re.compile(r"\b[a-z][b-df-hj-np-tv-xz]{2,5}\b")
# A word of two to four letters: "Op" of "Op Lantern", "sec" of "home sec"
SHORT_WORD = re.compile(r"\b[A-Za-z][a-z]{1,3}\b")
SHORTEST_WORD = 2  # the letters of a short form that is also a word of the documents' own ("op" of their "Op Dial")
CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w'’-]*){1,5}")
WORD = r"[A-Za-z][\w'’-]*"


def spelled_out(text: str, index: LoadedIndex, typed: bool = True) -> str:
    """The text with a short form the documents never print written out as they print the name: initials
    ("CSP" for "Community Safety Partnership") or first letters beside the same word ("Op Lantern" for
    "Operation Lantern", "home sec" for "home secretary"). Its words are then found rather than refused as words
    no document holds. Not `typed`: only the short forms written with capitals, as names are ("CSP", "Op
    Lantern"), for a question read for more than its words (what it asks for, the names it gives): "chief exec of
    which organisation?" must not come to name a "Chief Executive" as the person it asks about."""
    known = facts_for(index).known_terms()[0]

    def as_typed(short: str, full: str) -> str:
        """The long form in the short form's case: "csp" is written out in lower case, as the question's other
        words are, and so reads as no name the question capitalised."""
        return full.lower() if short.islower() else full

    def initials(match: re.Match) -> str:
        if not typed and match.group().islower():
            return match.group()
        names = _initials_printed(index).get(match.group().upper())
        if not names or content_terms(match.group()) <= known:
            return match.group()
        if len(match.group()) == 2:  # two letters stand for many pairs of words: only for the one pair printed
            return as_typed(match.group(), next(iter(names))) if len(names) == 1 else match.group()
        return as_typed(match.group(), min(names, key=lambda n: (len(n), n)))

    def first_letters(match: re.Match) -> str:
        # A word the documents use is a short form only when it has two letters ("Op Dial" printed, "op henderson"
        # asked), and then only beside a word it never stands beside in them: "all crime" is no "Allocated Crime".
        word = match.group()
        if not typed and word.islower() or not content_terms(word):  # "at", "the": no short form of anything
            return word
        used = content_terms(word) <= known
        if used and len(word) > SHORTEST_WORD:
            return word
        following = re.match(rf"\.?\s+({WORD})", text[match.end():])
        preceding = re.search(rf"({WORD})\s+$", text[:match.start()])
        if following and _known_word(following.group(1), known) and (full := _printed_name(
                rf"\b({re.escape(word)}[a-z]+)\s+{re.escape(following.group(1))}\b", index)) and \
                (not used or not _printed_name(
                    rf"\b({re.escape(word)})\s+{re.escape(following.group(1))}\b", index, named=False)):
            return as_typed(word, full) if content_terms(full) != content_terms(word) else word  # "Operation"
        if preceding and _known_word(preceding.group(1), known) and (full := _printed_name(
                rf"\b{re.escape(preceding.group(1))}\s+({re.escape(word)}[a-z]+)\b", index)) and \
                (not used or not _printed_name(
                    rf"\b{re.escape(preceding.group(1))}\s+({re.escape(word)})\b", index, named=False)):
            return as_typed(word, full) if content_terms(full) != content_terms(word) else word  # "secretary"
        return word

    text = SHORT_WORD.sub(first_letters, text)
    return LOWER_ACRONYM.sub(initials, ACRONYM.sub(initials, text))


def _known_word(word: str, known: set[str]) -> bool:
    """Is the word one the documents use, and more than a word any text uses ("the", "of")?"""
    terms = content_terms(word)
    return bool(terms) and terms <= known


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


def _printed_name(pattern: str, index: LoadedIndex, named: bool = True) -> str:
    """The short form's word as some document prints the pattern (its group) in any case, in a name whose words
    are all capitalised ("Operation" of "Operation Lantern", not "population" of "total population" for "total
    pop"; any words when not `named`), or "" (looked up once per pattern)."""
    facts = facts_for(index)
    key = f"printed-name:{named}:{pattern}"
    if key not in facts.term_sets:
        compiled = re.compile(pattern, re.I)
        found = next((m.group(1) for d in index.documents.values() for m in compiled.finditer(d.text)
                      if not named or all(w[:1].isupper() for w in m.group().split())), "")
        facts.term_sets[key] = frozenset({found})
    return next(iter(facts.term_sets[key]))
