"""The names a question and the documents give one thing, and the things a name rules out.

- Initials: documents write "TPI" in one place and "Thriving Places Index" in another, often without ever
  printing "Thriving Places Index (TPI)". Initials are paired with a capitalised phrase the documents print
  whose words' first letters spell them, so a line under "Embedding TPI" is about the Thriving Places Index.
  Learned from the documents at first use, kept with the loaded index.
- Siblings: "Operation Dial" is not "Operation Grip". A line that names another thing of the same kind, and
  not the one asked about, answers nothing about it, however near it is printed.
- Lead-ins: "Besides agency staff costs, what ...?" sets something aside; the question is what follows.
- Titles: "which Home Secretary visited?" is answered by a line naming someone with that title, not one that
  only mentions the post.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.wants import WHICH_ROLE
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms

INITIALS = re.compile(r"\b[A-Z]{3,6}\b")
# Capitalised words, with the small words names carry between them ("Violence Against Women and Girls").
PHRASE = re.compile(r"\b[A-Z][a-z'’]+(?:\s+(?:(?:and|of|for|the|in|on|&)\s+)?[A-Z][a-z'’]+){1,6}\b")
SMALL = {"and", "of", "for", "the", "in", "on", "&"}

# "Besides agency staff costs, what ...?", "Despite the fall in overall crime, which ...?"
ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|as well as|in addition to|despite|"
                   r"in spite of)\b[^,?]{1,80},\s*(?=\w)", re.I)
# "..., according to the July police update": the words after "according to" say where to look, not what about.
ACCORDING_TO = re.compile(r"\baccording to\s+((?:the\s+)?(?:[\w'’-]+\s*){1,5})(?=[?.!,]|$)", re.I)
# "Operation Grip", "Home Secretary": a capitalised word and the capitalised word naming which one.
NAMED = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]{2,})\s+([A-Z][A-Za-z]{2,})\b")


# "What is Maldon's Thriving Places Index score?": the last word after the possessive is the thing asked for.
POSSESSED = re.compile(r"^\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?[\w'’ -]*?(?:\w['’]s|s['’])\s+"
                       r"(?:[\w-]+\s+){0,4}?([a-z-]{3,})\s*\??\s*$", re.I)


def possessed(question: str) -> str:
    """The thing a "what is X's Y?" question asks for (Y's last word); empty for any other question."""
    match = POSSESSED.match(question)
    return match.group(1) if match else ""


def without_aside(question: str) -> str:
    """The question less a lead-in that sets something aside (see ASIDE)."""
    trimmed = ASIDE.sub("", question)
    return trimmed[:1].upper() + trimmed[1:] if trimmed != question else question


def according_to(question: str) -> set[str]:
    """The terms of the source a question says it is reading ("according to the July police update")."""
    return {t for m in ACCORDING_TO.finditer(question) for t in content_terms(m.group(1))}


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in phrase.split() if w.casefold() not in SMALL).upper()


def initials(index: LoadedIndex) -> dict[str, frozenset[str]]:
    """Initials' term -> the terms of the phrase they stand for, each pair printed somewhere in the documents
    (when two phrases share initials, neither is taken)."""
    found = index.derived.get(_KEY)
    if found is None:
        text = "\n".join(doc.text for doc in index.documents.values())
        printed = set(INITIALS.findall(text))
        phrases: dict[str, set[str]] = {}
        for match in PHRASE.finditer(text):
            words = match.group().split()
            for start in range(len(words) - 1):  # "The Thriving Places Index": every run of its words too
                for end in range(start + 2, len(words) + 1):
                    if words[start].casefold() in SMALL or words[end - 1].casefold() in SMALL:
                        continue
                    phrase = " ".join(words[start:end])
                    if (short := _initials(phrase)) in printed and len(short) >= 3:
                        phrases.setdefault(short, set()).add(phrase.casefold())
        found = {}
        for short, names in phrases.items():
            terms = {frozenset(content_terms(n)) for n in names}
            key = content_terms(short)
            if len(terms) == 1 and len(key) == 1 and len(next(iter(terms))) >= 2:
                found[next(iter(key))] = next(iter(terms))
        index.derived.setdefault(_KEY, found)
    return found


def expand(terms: frozenset[str], pairs: dict[str, frozenset[str]]) -> frozenset[str]:
    """The terms with each set of initials read as its phrase's words, and each phrase as its initials."""
    if not pairs:
        return terms
    added = {t for short, words in pairs.items() if short in terms for t in words}
    added |= {short for short, words in pairs.items() if words <= terms}
    return terms | added if added else terms


def other_named(question: str, text: str) -> tuple[str, str] | None:
    """(the question's name, the text's) when the text names another thing of the kind the question names and
    not the question's own ("Operation Dial" for "Operation Grip"); None otherwise. A place opening a name
    ("Essex Police", "Essex County Council") names where, not which."""
    for match in NAMED.finditer(question):
        kind, which = match.groups()
        if vocab.find_places(vocab.normalise(kind)) or re.search(rf"\b{re.escape(which)}\b", text, re.I):
            continue
        other = re.search(rf"\b{re.escape(kind)}\s+([A-Z][A-Za-z]{{2,}})\b", text)
        if other is not None and content_terms(other.group(1)) != content_terms(which):  # "Hubs" is "Hub"
            return match.group(), other.group()
    return None


def titled(text: str, question: str) -> bool:
    """For "which Home Secretary visited?": does the text name someone with that title ("Home Secretary James
    Cleverly", "James Cleverly, the Home Secretary")?"""
    match = WHICH_ROLE.search(question)
    if match is None:
        return False
    role = r"\s+".join(re.escape(w) for w in match.group(1).split())
    own = set(re.findall(r"[a-z]+", question.casefold()))
    names = re.finditer(rf"(?i:{role})\s+((?:[A-Z][a-z'’-]+\s+){{0,2}}[A-Z][a-z'’-]+)|"
                        rf"([A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)\s*[,–—-]?\s+(?:the\s+)?(?i:{role})\b", text)
    return any(set(re.findall(r"[a-z]+", (m.group(1) or m.group(2)).casefold())) - own for m in names)


_KEY = "initials"
