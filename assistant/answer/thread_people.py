"""The lines a person said or did, for a follow-up asked of the person the last passage answer named.

"What did she ask Stuart Graham about?" after "Lorraine Jarvis – Chief Executive, Chelmsford CVS" is answered by
the lines the minutes give to her ("Lorraine Jarvis thanked Stuart for the presentation. She also queried whether
the proposed new co-working space ..."), not by a line that holds the turn's words but never names her ("Stuart
Graham would also forward the query ..."). "What did he say the marshals would be for his officers?" is answered by
the quote a press release gives him ("Chief Inspector Daniel Fairbrother ... said:"), in whichever document it is;
"what action did she have on the log?" by the row that names her as its owner. "Which party is she?" after a quote
naming "Cllr Beth Amory, Liberal Democrat councillor for ..." is the line that writes her party beside her name:
the quote itself first, then the lines of its document naming her, then those of any document. "Who replaced her?"
is the line saying she left a post with the nearest line after it putting another person in it.

A line is the person's when it names them (in full, or by a surname no other name in it shares), goes on from one
that does ("She also advised ..."), or is the quote a line naming them introduces ("..., said:"). Such lines, run
together, are one part the person had; the part holding most of what the turn asks about (in its lines, their
headings, or the numbered item line above it: "9. Any Other Business") answers. Nothing is found when the turn
asks nothing of the person, or no part of theirs holds at least half of what it asks about; the turn is then
searched for as usual.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer.asking import ANSWER_KIND
from assistant.answer.facts import IndexFacts
from assistant.answer.turns import FRAMING, FUNCTION_WORDS, PERSONAL, person_names, unframed
from assistant.answer.wants import wants
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread

# Words that say a person spoke or acted, and the words that only point at what was said: no topic to find.
SPEAKING = content_terms("say said says tell told ask asked asks raise raised raises mention mentioned query queried "
                         "report reported note noted highlight highlighted add added explain explained advise advised "
                         "comment commented suggest suggested propose proposed think thought mean meant do did does "
                         "doing going have has had give gave get got talk talked speak spoke update updated")
POINTING = content_terms("what which who about one ones thing things it that this those these")
GOES_ON = re.compile(r"^\W*(?:she|he)\b", re.I)  # "She also queried whether ...": the person of the line before
INTRODUCES = re.compile(r":\s*$")  # "Chief Inspector Daniel Fairbrother ..., said:" introduces the quote after it
ITEM_LINE = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")  # "9. Any Other Business"
ITEM_WORDS = 8  # words: a numbered line this short is an agenda item's title, read as the heading of what follows
PART = 4  # lines: the most of one part a person had that an answer quotes
ITEM_REACH = 12  # lines above a part that the item line it falls under may be
# "which party is she?", "what party does he belong to?": the political party of the person the last answer named.
PARTY_ASKED = re.compile(r"\b(?:which|what)\s+(?:political\s+)?party\b|\bparty\s+(?:is|does|did|do)\s+(?:she|he)\b",
                         re.I)
# A party's name as a line writes one beside a member's, from data/parties.toml (words, not logic): capitalised,
# as a party's name is and the plain words ("green space") are not.
PARTY_FILE = Path(__file__).parents[1] / "text" / "data" / "parties.toml"


@lru_cache(maxsize=1)
def party() -> re.Pattern:
    """A political party's name as lines print it (read from parties.toml): public, as other modules ask whether
    a line names a party at all."""
    with PARTY_FILE.open("rb") as file:
        data = tomllib.load(file)
    alone = "|".join(map(re.escape, sorted(data["names"], key=len, reverse=True)))
    qualified = "|".join(map(re.escape, data["qualified"]))
    after = "|".join(map(re.escape, data["qualifiers"]))
    return re.compile(rf"\b(?:{alone}|(?:{qualified})(?= (?:{after})))\b")


PARTY_REACH = 60  # characters between a person's name and their party on the line that gives it


def person_lines(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The lines of the part the person the last answer named had that holds most of what the turn asks of them
    ("what did she ask Stuart Graham about?"); empty when the turn asks nothing new of them or no part of theirs
    holds at least half of it."""
    if not earlier.names or not PERSONAL.search(question) or not earlier.asks_of_person(question):
        return ()
    person = earlier.names[0]
    wanted = content_terms(PERSONAL.sub(" ", unframed(question))) - content_terms(person) - FRAMING - SPEAKING - \
        FUNCTION_WORDS - POINTING - ANSWER_KIND
    if not wanted:
        return ()
    asked = wants(question)
    # "What nights does his operation run?" after "Operation Lantern: ... on Friday and Saturday nights, led by
    # Inspector Daniel Rourke": what the quote already holds is asked of it, not of the person's other lines
    quoted = len(wanted & _terms_around(facts, earlier.sentences)) if earlier.sentences else 0
    found = []
    for part in parts_of(facts, person):
        if set(part) <= set(earlier.sentences):
            continue  # the line the last answer quoted names them; it is not what they said
        held = wanted & _terms_around(facts, part)
        text = " ".join(facts.text(facts.index.sentences[j]) for j in part)
        figured = not (asked.figure or asked.money) or re.search(r"\d", text)  # "almost a quarter" is no sum
        if len(held) * 2 >= len(wanted) and len(held) > quoted and asked.fits(text, question) and figured:
            elsewhere = facts.index.sentences[part[0]].document != earlier.document
            distance = min(abs(j - i) for j in part for i in earlier.sentences) if earlier.sentences else 0
            found.append((-len(held), elsewhere, distance, part))
    return min(found)[-1] if found else ()


def parts_of(facts: IndexFacts, person: str) -> list[tuple[int, ...]]:
    """Each run of lines that is the person's, in every document that names them: a line naming them, the lines
    after it that go on with "she" or "he", or the quote it introduces; at most `PART` lines of a run."""
    index = facts.index
    surname = person.split()[-1]
    documents = {d for d in index.documents if facts.mentions(d, surname)}
    parts, current, speaking = [], [], False
    for j, sentence in enumerate(index.sentences):
        if sentence.document not in documents:
            continue
        text = facts.text(sentence)
        follows = bool(current) and current[-1] == j - 1 and index.sentences[j - 1].document == sentence.document
        if names(text, person):
            if current and not follows:
                parts.append(tuple(current[:PART]))
                current = []
            current.append(j)
            speaking = _opens_with(text, person) or speaking and follows
        elif follows and speaking and (GOES_ON.match(text) or INTRODUCES.search(facts.text(index.sentences[j - 1]))):
            current.append(j)
        elif current:
            parts.append(tuple(current[:PART]))
            current = []
    if current:
        parts.append(tuple(current[:PART]))
    return parts


def _opens_with(text: str, person: str) -> bool:
    """Is the person what the line is about: named within its first few words, after any title ("Chief Inspector
    Daniel Fairbrother, ..., said:"), not at its end ("... gave his congratulations to Marie Goldman MP")? Only
    then is the "she" of the next line theirs."""
    found = re.search(rf"\b(?:{re.escape(person)}|{re.escape(person.split()[-1])})\b", text)
    return found is not None and len(text[:found.start()].split()) <= TITLE_WORDS


TITLE_WORDS = 3  # words a line may put before the person it is about ("Chief Inspector Daniel")


def party_line(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The line giving the party of the person the last answer named ("which party is she?"): of the quote, then
    of its document, then of any, the first that writes a party's name within a few words of the person's; empty
    when the turn asks no party or no line gives theirs (the turn is then searched for, and a party never written
    is not found)."""
    if not asks_party(earlier, question):
        return ()
    person = earlier.names[0]
    index = facts.index
    around = [j for j in range(len(index.sentences)) if index.sentences[j].document == earlier.document]
    for lines in (earlier.sentences, around, range(len(index.sentences))):
        for j in lines:
            text = facts.text(index.sentences[j])
            if names(text, person) and _party_beside(text, person):
                return (j,)
    return ()


def asks_party(earlier: Thread, question: str) -> bool:
    """Does the turn ask the party of the person the last answer named ("which party is he?")?"""
    return bool(earlier.names and PERSONAL.search(question) and PARTY_ASKED.search(question))


def _party_beside(text: str, person: str) -> bool:
    """Does the line write a party's name within `PARTY_REACH` characters of the person's name (or surname)?"""
    spots = [m.span() for m in re.finditer(rf"\b{re.escape(person.split()[-1])}\b", text)]
    return any(max(start - named.end(), named.start() - end, 0) <= PARTY_REACH
               for named in party().finditer(text) for start, end in spots)


def names(text: str, person: str) -> bool:
    """Does the line name the person, in full or by their surname alone (not another person's of that surname:
    "Tom Ashdown" is not "Claire Ashdown")?"""
    if re.search(rf"\b{re.escape(person)}\b", text):
        return True
    surname = person.split()[-1]
    if not re.search(rf"\b{re.escape(surname)}\b", text):
        return False
    return not any(name.split()[-1] == surname and name != person for name in person_names(text))


def _terms_around(facts: IndexFacts, part: tuple[int, ...]) -> set[str]:
    """The terms of a part's lines, their headings, and the numbered item line above it ("9. Any Other Business")."""
    index = facts.index
    terms = set().union(*(facts.sentence_terms(j) | facts.label_terms(j) for j in part))
    first = min(part)
    for j in range(first - 1, max(first - ITEM_REACH, -1), -1):
        if index.sentences[j].document != index.sentences[first].document:
            break
        text = facts.text(index.sentences[j])
        if ITEM_LINE.match(text) and len(text.split()) <= ITEM_WORDS:
            return terms | facts.sentence_terms(j)
    return terms


# "Who replaced her?", "who took over from him?", "who's his successor?": who came after the person.
SUCCESSOR_ASKED = re.compile(r"\b(?:replac\w*|succeed\w*|successor|took over|taken over|takes over|take over|"
                             r"came after|in (?:her|his) place)\b", re.I)
# A line saying the person left a post: "had stepped down as Cabinet Member ... and as Chair of the Board".
LEFT = re.compile(r"\b(?:stepped|stood|steps|stands|stepping|standing) down\b|\b(?:resign\w*|retir\w*|left|leaves|"
                  r"leaving|departed|departs|vacated|moved on)\b", re.I)
# A line putting someone in a post: "that Cllr Owen Treharne be elected Chair", "was appointed as ...".
PUT_IN = re.compile(r"\b(?:elected|appointed|took over|takes over|succeeded|succeeds|replaced|replaces|"
                    r"new (?:chair|lead|head|commander|manager|director))\b|\bin (?:her|his) place\b", re.I)
SUCCESSION_REACH = 6  # lines after the one saying the person left that may name who was put in their post


def successor_lines(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"Who replaced her?" after an answer naming the Chair: the line saying she left a post, with the nearest line
    after it that puts another person in a post she held ("Cllr Priya Lanyon had stepped down ... as Chair of the
    Board" and "that Cllr Owen Treharne be elected Chair"); of the thread's document first, then of any. Empty when
    the turn asks no successor of a person the last answer named, or no line says who followed them."""
    if not earlier.names or not PERSONAL.search(question) or not SUCCESSOR_ASKED.search(question):
        return ()
    person, index = earlier.names[0], facts.index
    order = sorted(range(len(index.sentences)), key=lambda j: index.sentences[j].document != earlier.document)
    for j in order:
        text = facts.text(index.sentences[j])
        if not names(text, person) or not LEFT.search(text):
            continue
        posts = facts.sentence_terms(j) - content_terms(person)
        for k in range(j + 1, min(j + 1 + SUCCESSION_REACH, len(index.sentences))):
            if index.sentences[k].document != index.sentences[j].document:
                break
            after = facts.text(index.sentences[k])
            others = [n for n in person_names(after) if not names(n, person)]
            if others and PUT_IN.search(after) and facts.sentence_terms(k) & posts:
                return (j, k)
    return ()
