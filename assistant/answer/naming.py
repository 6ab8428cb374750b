"""The names a question and the documents give one thing, and the things a name rules out.

- Initials: documents write "TPI" in one place and "Thriving Places Index" in another, often without ever
  printing "Thriving Places Index (TPI)". Initials are paired with a capitalised phrase the documents print
  whose words' first letters spell them, so a line under "Embedding TPI" is about the Thriving Places Index.
  Learned from the documents by the build (`store.names`), kept with the loaded index.
- Siblings: "Operation Dial" is not "Operation Grip". A line that names another thing of the same kind, and
  not the one asked about, answers nothing about it, however near it is printed.
- Lead-ins: "Besides agency staff costs, what ...?" sets something aside; the question is what follows.
- Titles: "which Home Secretary visited?" is answered by a line naming someone with that title, not one that
  only mentions the post.
- Names asked about: "how long is operation kestrel going to keep going?" is about Operation Kestrel, a name the
  documents print; the rest of its words ("keep going") may be said otherwise ("will continue until").
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.wants import WHICH_ROLE
from assistant.store import names as document_names
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms

# "Besides agency staff costs, what ...?", "Despite the fall in overall crime, which ...?"
ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|as well as|in addition to|despite|"
                   r"in spite of)\b[^,?]{1,80},\s*(?=\w)", re.I)
# "..., according to the July police update": the words after "according to" say where to look, not what about.
ACCORDING_TO = re.compile(r"\baccording to\s+((?:the\s+)?(?:[\w'’-]+\s*){1,5})(?=[?.!,]|$)", re.I)
# "Operation Grip", "Home Secretary": a capitalised word and the capitalised word naming which one. Opening the
# question, the first word is capitalised anyway: only a name's own first word ("Operation"), not a question word.
NAMED = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]{2,})\s+([A-Z][A-Za-z]{2,})\b")
OPENING_NAMED = re.compile(r"\s*([A-Z][a-z]{2,})\s+([A-Z][A-Za-z]{2,})\b")
ASKING = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "has", "have", "had",
          "was", "were", "are", "can", "could", "would", "will", "should", "according", "tell", "list", "give",
          "show", "remind", "please", "and", "but", "the"}


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


def read_saved(index: LoadedIndex) -> None:
    """Take the documents' names as the build saved them (`store.names`), when it saved them under the rules in
    force; the engine calls this once per index. Otherwise each is worked out from the documents at first use."""
    saved = document_names.load(index.directory)
    if saved is not None:
        index.derived.setdefault(_INITIALS, saved.initials)
        index.derived.setdefault(_PRINTED, saved.printed)


def initials(index: LoadedIndex) -> dict[str, frozenset[str]]:
    """Initials' term -> the terms of the phrase they stand for, each pair printed somewhere in the documents
    (when two phrases share initials, neither is taken)."""
    return _derived(index, _INITIALS, document_names.initials_of)


def _derived(index: LoadedIndex, key: str, work_out):
    """`work_out(documents)`, once per index, unless `read_saved` has read it."""
    found = index.derived.get(key)
    if found is None:
        found = index.derived.setdefault(key, work_out(index.documents.values()))
    return found


_INITIALS, _PRINTED = "initials", "printed names"


def expand(terms: frozenset[str], pairs: dict[str, frozenset[str]]) -> frozenset[str]:
    """The terms with each set of initials read as its phrase's words, and each phrase as its initials."""
    if not pairs:
        return terms
    added = {t for short, words in pairs.items() if short in terms for t in words}
    added |= {short for short, words in pairs.items() if words <= terms}
    return terms | added if added else terms


def other_named(question: str, text: str, heading: str = "") -> tuple[str, str] | None:
    """(the question's name, the text's) when the text names another thing of the kind the question names and
    not the question's own ("Operation Dial" for "Operation Grip"); None otherwise. A place opening a name
    ("Essex Police", "Essex County Council") names where, not which; a line under a `heading` that names the
    question's own ("Safer Fen Partnership" over "Cllr Ann Lee (Chair), Fen District Council") is about it."""
    opening = OPENING_NAMED.match(question)  # "Operation Selmol - how many ...?": a name may open the question
    for match in [*([opening] if opening and opening.group(1).casefold() not in ASKING else []), *NAMED.finditer(question)]:
        kind, which = match.groups()
        if vocab.find_places(vocab.normalise(kind)) or re.search(rf"\b{re.escape(which)}\b", f"{text} {heading}", re.I):
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


def names_asked(question: str, index: LoadedIndex) -> frozenset[str]:
    """The terms of the names of two words or more the question writes (in any case) that the documents print
    capitalised as names ("operation kestrel", "Farm Watch")."""
    printed = _derived(index, _PRINTED, document_names.printed_of)
    words = re.findall(r"[\w'’&-]+", question.casefold())
    found: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 2, min(start + 7, len(words)) + 1):
            if " ".join(words[start:end]) in printed:
                found |= content_terms(" ".join(words[start:end]))
    return frozenset(found)


def without_titles(text: str, index: LoadedIndex) -> str:
    """The text less the titles of documents it names in full ("the Getting Crime Down statement"): a title's
    words say which document, not what about. The text itself when it names none."""
    for document in index.documents.values():
        title = document.title.strip()
        if len(title.split()) >= 2 and title.casefold() in text.casefold():
            text = re.sub(re.escape(title), " ", text, flags=re.I)
    return text


# "Who is the police and crime commissioner?", "who's the new chair of the board?": a post, whose holder is asked for.
HOLDER_ASKED = re.compile(r"\bwho(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:current\s+|new\s+|present\s+)?"
                          r"(?:[\w'’-]+\s+){0,4}?(chair|chairman|chairwoman|chairperson|manager|director|officer|"
                          r"councillor|inspector|executive|commander|constable|commissioner|secretary|minister|leader|"
                          r"head|lead|clerk|mayor|mp|superintendent|coordinator|co-ordinator)\b", re.I)


def holder_named(text: str, question: str) -> bool:
    """For "who is the police and crime commissioner?": does the text name someone beside that post ("Police and Crime
    Commissioner Bernadette Achterberg", "the Commissioner, Bernadette Achterberg", "Harriet Vance, Chair")?"""
    match = HOLDER_ASKED.search(question)
    if match is None:
        return False
    post = re.escape(match.group(1))
    own = set(re.findall(r"[a-z]+", question.casefold()))
    names = re.finditer(rf"(?i:{post})\b\s*[,:–—-]?\s+((?:[A-Z][a-z'’-]+\s+){{0,2}}[A-Z][a-z'’-]+)|"
                        rf"([A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)\s*(?:\(|[,–—-])?\s*(?:the\s+)?(?i:{post})\b", text)
    return any(set(re.findall(r"[a-z]+", (m.group(1) or m.group(2)).casefold())) - own for m in names)
