"""What kind of answer a question asks for, read from its wording alone: a date, a time, a figure, a person
or a place; a list; and, for a question in several parts, each part on its own.

A sentence that mentions the topic but holds nothing of the asked-for kind is not an answer: "who chaired
it?" needs a name or a role, "when?" a date, "how many?" a number. These are plain English patterns, not
anything learned from one corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.dates import MONTH_WORDS

NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|"
                r"million|billion|half|third|quarter|fifth")
MONTHS = "|".join(MONTH_WORDS)

WANTS_FIGURE = re.compile(r"\b(how (many|much|big|large|far|long|often)|rate\b|what (percentage|proportion|share|number|"
                          r"amount|rate|level|figure|funding|money|budget|sum|grant)|by how much|number of|"
                          r"per ?cent|%|allocation|allocated|funding|budget|cost|grant|spent|spend)", re.I)
# "When" opening a question or a part of one; "... when the Home Secretary visited" is not asking for a date.
WANTS_DATE = re.compile(r"(^|[,?;]\s*|\band\s+)when\b|\b(what date|which date|what day|since when|which year|"
                        r"what year|by when|until when)\b(?!\s+(group|olds?|\d))", re.I)
WANTS_TIME = re.compile(r"\bwhat time\b|\b(start|finish|end|begin)s? at\b", re.I)
WANTS_PERSON = re.compile(r"\bwho(m)?\b(?!se)|\bwhich (person|officer|councillor|organisation|body)\b", re.I)
WANTS_PLACE = re.compile(r"\bwhere\b|\bwhich (ward|town|room|venue|location|site|area|hospital|school|station)\b",
                         re.I)
WANTS_RATE = re.compile(r"\b(rate|per \d[\d,]*|per ?cent(age)?|proportion|share)\b|%", re.I)
# "What are the three themes", "which benchmarks were rated", "list the ...": several items are asked for.
WANTS_LIST = re.compile(r"\b(what|which) (are|were)\b|\blist\b|\b(two|three|four|five|six|seven|eight|\d) "
                        r"(?!months?\b|years?\b|weeks?\b|days?\b)[a-z-]+s\b|\bwhich [a-z -]+s (were|are|did)\b",
                        re.I)
CHANGE = re.compile(r"\b(change[sd]?|ris(e|en|ing)|rose|f[ae]ll(en|ing)?|drop(ped)?|increase[sd]?|decrease[sd]?|"
                    r"reduc\w*|fewer|more than|less than|up|down|grow\w*|grew|cut|by how much|compared?)\b", re.I)

HAS_FIGURE = re.compile(rf"\d|\b({NUMBER_WORDS})\b", re.I)
HAS_DATE = re.compile(rf"\b({MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(19|20)\d\d\b|\b\d\d/\d\d\b", re.I)
# A year or a date is not an amount: "How much ...?" is not answered by "agreements were received in December 2023".
DATE_OR_YEAR = re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b({MONTHS})\s+\d{{4}}\b|"
                          r"\b(19|20)\d\d(\s*[-/–]\s*\d\d)?\b|\b\d\d/\d\d\b", re.I)
HAS_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\s*(am|pm)?\b|\b\d{1,2}\s*(am|pm)\b", re.I)
# A name ("Keith Nicholson", "Joe Traynor") or a role or body ("Chief Inspector", "the Channel Panel").
NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’-]+|de|De|van|von))+\b")
ROLE = re.compile(r"\b(manager|director|officer|councillor|chair|inspector|executive|commander|constable|"
                  r"commissioner|secretary|minister|mp|leader|head|lead|unit|group|panel|board|team|"
                  r"department|university|council|service|partnership|agency|centre)\b", re.I)
HAS_PLACE = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
HAS_RATE = re.compile(r"%|\bper\b|\brate\b|\bper ?cent\b|\bin every\b|\bout of\b", re.I)
# "A rate per 1,000 people" is answered by a figure per so many people, not by a percentage change.
PER_HEAD = re.compile(r"\bper\s+(\d|head|thousand|capita|hundred)", re.I)

# Where a question in several parts splits: "..., and when did it close?", "How long, and where?".
_ASKING = (r"what|when|where|who|whom|how|which|why|by whom|since when|is|are|was|were|did|does|do|has|have|"
           r"over|in what|and")
PART_BREAK = re.compile(rf"\?\s+(?=(?:{_ASKING})\b)|,?\s+and\s+(?=(?:what|when|where|who|whom|how|which|why|by whom|since when|"
                        r"is|are|was|were|did|does|do|has|have|over|in what)\b)|,\s+(?=(?:what|when|where|who|how|"
                        r"which|and)\b)", re.I)


@dataclass(frozen=True)
class Wants:
    """The kinds of fact a question (or one part of it) asks for."""

    figure: bool = False
    date: bool = False
    time: bool = False
    person: bool = False
    place: bool = False
    rate: bool = False
    per_head: bool = False
    many: bool = False  # a list of several items
    change: bool = False  # it asks how something changed, so a difference is an answer

    def fits(self, text: str, asked: str = "") -> bool:
        """Does the text hold something of every kind asked for? A role the question itself names ("who
        chaired it?" and "welcomed by the Chair") does not say who."""
        return all((
            not self.figure or bool(HAS_FIGURE.search(DATE_OR_YEAR.sub(" ", text))),
            not self.date or bool(HAS_DATE.search(text)),
            not self.time or bool(HAS_TIME.search(text)),
            not self.person or _names_someone(text, asked),
            not self.place or bool(HAS_PLACE.search(text)),
            not self.rate or bool(HAS_RATE.search(text)),
            not self.per_head or bool(PER_HEAD.search(text)),
        ))

    @property
    def kind(self) -> str:
        """The asked-for kind in plain words, for "not found" messages."""
        for flag, words in ((self.time, "time"), (self.date, "date"), (self.rate, "rate"), (self.figure, "figure"),
                            (self.person, "person"), (self.place, "place")):
            if flag:
                return words
        return "answer"


def _names_someone(text: str, asked: str) -> bool:
    """A name or role the question does not already hold ("One Chelmsford Board" answers no "who" about it)."""
    own = set(re.findall(r"[a-z]+", asked.casefold()))
    own |= {word[:-2] for word in own if word.endswith("ed")}
    if any(set(re.findall(r"[a-z]+", m.group().casefold())) - own for m in NAME.finditer(text)):
        return True
    return any(role.casefold() not in own for role in ROLE.findall(text))


_SIZES = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
LIST_SIZE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:[a-z'-]+\s+){0,2}?[a-z-]+s\b", re.I)


def list_size(question: str) -> int | None:
    """"What are the four strands ...": how many items the asked-for list has, when the question says."""
    match = LIST_SIZE.search(question)
    if not match:
        return None
    word = match.group(1).casefold()
    return int(word) if word.isdigit() else _SIZES[word]


def list_phrase(question: str) -> str:
    """"four strands": the words naming the asked-for list's items."""
    match = LIST_SIZE.search(question)
    return match.group() if match else ""


def wants(question: str) -> Wants:
    figure = bool(WANTS_FIGURE.search(question))
    return Wants(figure=figure, date=bool(WANTS_DATE.search(question)), time=bool(WANTS_TIME.search(question)),
                 person=bool(WANTS_PERSON.search(question)), place=bool(WANTS_PLACE.search(question)),
                 rate=figure and bool(WANTS_RATE.search(question)),
                 per_head=bool(PER_HEAD.search(question)), many=bool(WANTS_LIST.search(question)),
                 change=bool(CHANGE.search(question)))


def parts(question: str) -> list[str]:
    """The parts of a question that asks several things, each one on its own; one part when it asks one."""
    pieces = [p.strip(" ,?") for p in PART_BREAK.split(question)]
    pieces = [p for p in pieces if len(p.split()) >= 2 or re.fullmatch(r"(when|where|who|why|how)", p, re.I)]
    return pieces if len(pieces) > 1 else [question]
