"""Reading a follow-up's words: does a turn lean on the last answer, what it points back with ("he", "that", "the
second one", "the year before", "who else"), and what it names in place of what the earlier question named.

All of it is plain English read from the text alone, never one corpus's names: a place, a crime type or a date a
turn names takes the place of the earlier question's ("And across Essex?", "and the February 2014 one?"), and
the words that only say how a turn leans back are no topic to find. `thread` uses these to pick the lines that
answer a follow-up.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.text.dates import DATE, months_dated
from assistant.text.terms import content_terms
from assistant.understand.places import read_places

OPENER = re.compile(r"^\s*(and|but|also|so|then|ok|okay|what about|how about|same for)\b,?", re.I)
POINTER = re.compile(r"\b(he|him|his|she|her|hers|it|its|they|them|their|that|those|these|this one|the two|the same|"
                     r"there|then|both|either|neither)\b", re.I)
ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|last|next|previous|other)\b(?: one| item| project)?",
                     re.I)
# "the one after that", "and the one before?": the next or previous item of the last answer's list.
STEP = re.compile(r"\b(?:one|item|meeting|date|project)s? (after|before)\b(?! (?-i:[A-Z])| \d)", re.I)
# "the year before", "a year earlier", "before that": a time told from the last answer's.
RELATIVE = re.compile(r"\b(?:the (?:year|month|week|day|time|period) (?:before|after)|(?:a|one) (?:year|month) "
                      r"(?:earlier|later|before|after)|(?:before|after|since|until) (?:that|then)|"
                      r"the (?:previous|following|same) (?:year|period|time))\b", re.I)
EXISTENTIAL = re.compile(r"\b(?:is|are|was|were|be|been|isn't|aren't|wasn't|weren't) there\b", re.I)
SHORT = 5  # words: "Since when?", "When did it start?" cannot stand alone
# Words that only say how a follow-up leans on the last answer: comparing, the time around it, "else". They are
# no topic to find (the answer to "how many the year before?" need not say "before").
FRAMING = content_terms("compare compared comparison versus more less fewer higher lower bigger smaller larger "
                        "most least two both either neither else before after earlier later prior since then "
                        "year years time one ones increase decrease saw see seen went whole overall altogether entire")
TWO = re.compile(r"\b(the two|both|which of them|either of them|each of them|which one|the pair)\b", re.I)
TWO_OF = re.compile(r"\b(?:which|what|who) (?:one )?of (?:the|these|those) two(?: \w+)?|\b(?:the|these|those) two\b|"
                    r"\bboth(?: of them)?\b", re.I)
ANOTHER = re.compile(r"\b(else|other|another|others)\b", re.I)
SAME = re.compile(r"\b(?:the same|as before)\b", re.I)  # "in the same room?" asks the earlier question again
THEY = re.compile(r"\b(it|they|them|those|these|that)\b", re.I)  # what the last answer quoted, pointed at
# "the year before", "the previous year": a line telling the time before (or after) the one the last answer gave
# ("last year" is not one: news writes it for the latest year).
EARLIER_TIME = re.compile(r"\b(?:previous|preceding|prior|earlier) (?:year|month|period|twelve months|12 months)|"
                          r"\b(?:year|month|period) (?:before|earlier)|\ba year (?:ago|earlier)\b", re.I)
LATER_TIME = re.compile(r"\b(?:following|next|later|subsequent) (?:year|month|period)|\b(?:year|month|period) "
                        r"(?:after|later)\b", re.I)
COUNT = re.compile(r"\d(?![\d,.]*\s*(?:%|per ?cent))")  # a number that is not a percentage
SOMEONE = re.compile(r"\b(?:anyone|anybody|someone|somebody) else\b", re.I)  # asks for a person as "who" does
ELSE = re.compile(r"\b(?:who|whom|what|where|anyone|anybody|someone|somebody) else\b", re.I)  # "who else?" leans back
PREPOSITION = r"(?:(in|across|for|at|within|throughout|around|over)\s+)"
# "he", "her": a person the last answer named, read in that person's name ("Which university is he from?").
PERSONAL = re.compile(r"\b(he|him|his|she|her|hers)\b", re.I)
TITLES = r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Councillor|Chief Inspector|Inspector|Superintendent)\.?"
# Two or three capitalised words, one of them perhaps "O'Hara" or "De'ath": how a person's name is printed.
PERSON_NAME = re.compile(r"(?<![\w’'-])(?:" + TITLES +
                         r"\s+)?([A-Z][a-z]+(?:\s+[A-Z](?:[’'][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?)"
                         r"{1,2})(?![\w’'-])")
# "AS also confirmed": a person written by initials, introduced once as "Amanda Smith (AS)".
INITIALS = re.compile(r"\b([A-Z]{2,3})\b")
NEAR = 8  # lines either side of the last answer that "who else" looks in


def leans_back(question: str, earlier: str = "") -> bool:
    """Does the turn lean on the last answer (whose question was `earlier`): an opener, a word pointing back, an
    item by its order, a time told from the last answer's, a "who else", or too few words to stand alone? A
    short turn, or one naming an item by its order, that names something by a name the earlier question did not
    use ("What is Operation Dial?", "When is the next Operation Dial night of action?") stands alone."""
    words = re.findall(r"[A-Za-z0-9']+", question)
    pointing = EXISTENTIAL.sub(" ", question)  # "how many were there" points at nothing
    if OPENER.match(question) or POINTER.search(pointing) or RELATIVE.search(question) or STEP.search(question) \
            or ELSE.search(question):
        return True
    return (len(words) <= SHORT or bool(ORDINAL.search(question))) and not names_anew(question, earlier)


def names_anew(question: str, earlier: str) -> bool:
    """Does the turn name something by a capitalised name ("Operation Dial", "CONTEST") that `earlier` does not?"""
    named = content_terms(" ".join(re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]+", question.strip())))
    return bool(named - content_terms(earlier))



def person_names(text: str) -> list[str]:
    """The names a text prints as a person's ("Chair: Dr Kieron O'Hara" gives "Kieron O'Hara"), in order."""
    return [m.group(1) for m in PERSON_NAME.finditer(text)]



def told(question: str) -> re.Pattern:
    """What a line says to tell the time the turn asks about: the year before, or the year after."""
    told = RELATIVE.search(question)
    return LATER_TIME if told and re.search(r"\b(after|later|following)\b", told.group(), re.I) else EARLIER_TIME



def ordinal(question: str) -> str:
    match = ORDINAL.search(question)
    if match:
        return match.group(1).casefold()
    step = STEP.search(question)
    return {"after": "next", "before": "previous"}[step.group(1).casefold()] if step else ""



def unframed(question: str) -> str:
    """The turn less its opener and the words that only say how it leans back."""
    text = TWO_OF.sub(" ", OPENER.sub("", question))
    pieces = re.split(r"([A-Za-z0-9']+)", text)
    return "".join("" if k % 2 and (terms := content_terms(piece)) and terms <= FRAMING else piece
                   for k, piece in enumerate(pieces))


def swap(earlier: str, own: str, finders=None) -> tuple[str, str]:
    """(earlier, own) with the place, the crime type and the date `own` names put in the place of those `earlier`
    names, and taken out of `own`; unchanged when `own` names none or `earlier` names none to replace."""
    for find in finders or (places_in, crimes_in, dates_in):
        new, old = find(own), find(earlier, generic=True)
        if not new or not old or {name for name, _ in new} & {name for name, _ in old}:
            continue
        phrase = " and ".join(_said(own, alias) for _, alias in new)
        with_preposition = bool(re.match(PREPOSITION, phrase, re.I))
        swapped = earlier
        for _, alias in old:
            swapped = re.sub(_pattern(alias, with_preposition), lambda _: phrase, swapped, count=1, flags=re.I)
        if swapped != earlier:
            earlier = swapped
            for _, alias in new:
                own = re.sub(_pattern(alias, with_preposition=True), " ", own, count=1, flags=re.I)
    return earlier, own


def places_in(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The places a text names, by (name, words it names them by): those the vocabulary knows, and a capitalised
    name after "in" that it does not ("in Wexmoor"). `generic` is `crimes_in`' flag: no place is generic."""
    norm = vocab.normalise(text)
    known = [(hit.name, hit.alias) for _, hit in vocab.find_places(norm)]
    named = {name for name, _ in known}
    return known + [(name, name) for name in read_places(text, norm).unknown if name not in named]


def crimes_in(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The crime types a text names; a bare 'crime' or 'offences' only when `generic` (it can be replaced, but
    it names nothing to replace with)."""
    return [(hit.name, hit.alias) for hit in vocab.find_crime_types(vocab.normalise(text))
            if generic or hit.alias not in vocab.GENERIC_CRIME_WORDS]


def dates_in(text: str, generic: bool = False) -> list[tuple[tuple[int, int], str]]:
    """The months a text dates something by ("the 15 May 2012 meeting", "the February 2014 one"), by ((year,
    month), words it names them by). `generic` is `crimes_in`' flag: no date is generic."""
    return [(months_dated(m.group())[0], m.group()) for m in DATE.finditer(text) if months_dated(m.group())]


def _pattern(alias: str, with_preposition: bool) -> str:
    words = r"\W+".join("(?:and|&)" if word == "and" else re.escape(word) for word in alias.split())
    return (PREPOSITION + "?" if with_preposition else "") + rf"\b{words}\b"


def _said(text: str, alias: str) -> str:
    """The alias as the text writes it, with the preposition before it ("across Essex")."""
    match = re.search(_pattern(alias, with_preposition=True), text, re.I)
    return match.group() if match else alias
