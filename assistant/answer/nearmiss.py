"""Near misses: a line about a neighbouring thing, offered as if it were the thing asked about. Each rule reads
the question and a candidate line (with the line before it and the headings over it: the `Window`) and says in
plain words why the line is not the answer, or "" when it may be. Plain English patterns, not one corpus's:

- another scope: a local figure for "force-wide" (or "the whole of X county"), a "system-wide" figure for one
  place, the line under a table whose rows are the towns for one town the table lists;
- another measure: calls attended "within 15 minutes" for "within 20 minutes", a figure "excluding fraud" for one
  "including fraud", a count of violent crime for the total of all offences;
- another owner: one body's newsletter for "Culture Chelmsford's newsletter";
- another thing of the same kind: "the celebration event" for "the showcase event", a count of officers "from the
  team" for how many the team has, a general rate for a named body's;
- another of the things a document lists side by side: "the north policing area" for the south; another thing
  of the kind named by its initials ("the UKSPF funding" for the Rural England Prosperity Fund);
- a figure in another clause: "five reviews ..., also attending a Basildon review" for Basildon's number;
- a wider area's figure: "Chelmsford was included in the north policing area ... around 820 officers";
- a thing named in passing: "the Harbour hub has helped 150 people, and a second one at Carrow will make a
  difference" for "how many people has the Carrow hub helped?" (a planned thing has done nothing yet), "£29,000
  for a second hub, building on the Harbour hub" for "what was the Harbour hub allocated?";
- another item's sum: "£25,000 for brighter lighting" in a list for "what was the Harbour hub allocated?";
- another of a group of alternatives (`text/data/near_miss_words.toml`): a figure for suspects for one for
  victims, one "after dark" for one "in the daytime";
- a plan for what has happened: "the order expected to come into force on 2 November" for when it "actually"
  came into force, "proposes kits in 12 locations" for how many "have been put in so far";
- another kind of fact: a thing said before an event for what has happened "since" it, a post held elsewhere for
  "what position does X hold on Y?", "the next meetings" for "the next election"; and those `otherkind` reads
  (another post, a pledge for an outcome, no value for a value, a named part for the whole).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant import vocab
from assistant.answer import asking, otherkind, placenames
from assistant.answer.asked import NOT_KINDS, asked_thing
from assistant.answer.asking import ANSWER_KIND
from assistant.answer.facts import LISTED, IndexFacts, same_section
from assistant.answer.wants import HAS_FIGURE, MONTHS, NAME, NUMBER_WORDS, ROLE, noun_forms, wants
from assistant.text.context import is_table_row
from assistant.text.dates import DATE, YEAR_PAIR
from assistant.text.terms import content_terms


@dataclass(frozen=True)
class Window:
    """A candidate line and what gives it meaning: the line itself, the line before it in the same document,
    its headings and list lead or table header (`label`), and the terms of all three and of its document's
    publisher, kind and title (`terms`)."""

    text: str
    before: str
    label: str
    terms: frozenset[str]

    @property
    def near(self) -> str:
        return f"{self.before} {self.text}"


# A figure asked for the whole force area: "force-wide", "across the county", "Essex as a whole".
WIDE_ASKED = re.compile(r"\b(force|county)[- ]?wide\b|\bacross the (county|force)\b|\b(the )?(county|force)( area)? as a "
                        r"whole\b|\bthe whole (county|force)\b|\bthe whole of (the )?([\w'’-]+\s+){0,2}(county|force)\b", re.I)
# What a line says when its figure is for a wider area than one place: "a predicted system-wide deficit".
WIDE_STATED = re.compile(r"\b(system|county|force|nation|uk|country|region)[- ]?wide\b|\bnationally\b|\bacross the "
                         r"(country|county|nation|region|uk|force)\b|\bacross (england|the uk|britain)\b", re.I)
# What a line says when its figure is for the whole of a council's or a partnership's area ("across the borough"):
# the area its headings name, so no answer for a smaller place they do not name.
AREA_WIDE_STATED = re.compile(r"\bacross the (borough|district|city|town|partnership area)\b|\b(borough|district|city)"
                              r"[- ]wide\b", re.I)
# "the whole of Dunmarsh county", "Dunmarsh as a whole": the wide area asked about, by its name.
WIDE_NAMED = re.compile(r"\bthe whole of (?:the )?([A-Z][\w'’-]+)\b|\b([A-Z][\w'’-]+) as a whole\b")
COUNTY_WORDS = re.compile(r"\b(county|countywide|force[- ]?wide|force area)\b", re.I)


def wide_asked(question: str, forces: tuple[str, ...]) -> bool:
    """Does the question ask about the whole force area ("force-wide", "across Essex", "Essex as a whole")?"""
    named = "|".join(re.escape(f) for f in forces)
    return bool(WIDE_ASKED.search(question) or named and re.search(
        rf"\bacross\s+({named})\b|\b({named})\s+as a whole\b|\ball of\s+({named})\b|\b({named})[- ]wide\b", question, re.I))


def narrower_than_asked(question: str, forces: tuple[str, ...], window: Window, scope: str) -> str:
    """"How many stop and searches did Essex Police carry out force-wide?" is not answered by "including 120 stop
    and searches" in a district's update: the line, its headings and its document (`scope`: a document about the
    force area as a whole) must say the figure is the force area's."""
    if not wide_asked(question, forces):
        return ""
    said = f"{window.near} {window.label}"
    for wide in WIDE_NAMED.finditer(question):  # "the whole of Dunmarsh county" when the tables' area is a part of it
        name = wide.group(1) or wide.group(2)
        if name not in forces and not re.search(rf"\b{re.escape(name)}\b(?!\s+(?:police|constabulary)\b)",
                                                f"{said} {scope}", re.I):
            return f"the passage gives a local figure, not one for the whole of {name}"
    if any(re.search(rf"\b{re.escape(f)}\b", scope, re.I) for f in forces):
        return ""  # a document that speaks for the force area as a whole (its title and publisher)
    if not _force_only(window.before, forces):  # "a data pack for Essex (with a Chelmsford tab)": which, unsaid
        said = f"{window.text} {window.label}"
    if COUNTY_WORDS.search(said) or WIDE_STATED.search(said) or any(  # "Essex Police" names a force, not where
            re.search(rf"\b{re.escape(f)}\b(?!\s+[A-Z])", said) for f in forces):
        return ""
    return "the passage gives a local figure, not one for the whole force area"


def _force_only(text: str, forces: tuple[str, ...]) -> bool:
    """Does the text name no place but the force area? The line before a figure speaks for it only then: one that
    names the force area and a district too ("a data pack for Essex, with a Chelmsford tab") leaves it open which
    the figure is for."""
    named = {hit.name for _, hit in vocab.find_places(vocab.normalise(text))} | placenames.unlisted(text, ())
    return not any(name not in forces and not any(re.search(rf"\b{re.escape(f)}\b", name, re.I) for f in forces)
                   for name in named)


def wider_than_asked(places: tuple[str, ...], forces: tuple[str, ...], window: Window) -> str:
    """"What is the NHS deficit for Mid Essex alone?" is not answered by "a predicted system-wide deficit", nor "what %
    of Hatherby people feel safe?" by a figure "across the borough" under headings that never name Hatherby: a line
    that gives a wider area's figure and never names the place asked about."""
    local = [p for p in places if p not in forces]
    stated = WIDE_STATED.search(window.text) or (None if any(re.search(rf"\b{re.escape(p)}", window.label, re.I)
                                                              for p in local) else AREA_WIDE_STATED.search(window.text))
    if not local or stated is None or any(re.search(rf"\b{re.escape(p)}", window.text, re.I) for p in local) or \
            not HAS_FIGURE.search(window.text):
        return ""
    return f"the passage gives a figure for a wider area (“{stated.group()}”), not one for {', '.join(local)}"


# "Chelmsford was included in the north policing area", "X is part of the Mid area": a place inside a wider one.
WITHIN = r"\s+(?:was|is|are|were|has been|falls|fell|sits)\s+(?:included\s+in|part\s+of|within|covered\s+by)\s+" \
         r"(?:the\s+)?((?:[\w'’-]+\s+){0,3}?(?:area|region|division|command|zone|patch|sector|cluster|locality))\b"


def inside_wider(places: tuple[str, ...], text: str) -> str:
    """"How many officers are there in the Chelmsford area?" is not answered by "Chelmsford was included in the
    north policing area which was noted to be the largest one with around 820 officers": a line that places the
    place asked about inside a wider area gives that area's figures."""
    for place in places:
        match = re.search(rf"\b{re.escape(place)}\b{WITHIN}", text, re.I)
        if match and HAS_FIGURE.search(text[match.end():]):
            return f"the passage gives a figure for the {match.group(1).casefold()}, which includes {place}, not for " \
                   f"{place} itself"
    return ""


_NUMBER = rf"(?:\d[\d,.]*|{NUMBER_WORDS}|a|an)"
# "How many officers are in the Southend Town Centre Team?": the size of a body.
SIZE_ASKED = re.compile(r"\bhow many\s+((?:[\w-]+\s+){0,2}?[\w-]+?)s?\s+(?:are|were|is|work|serve|sit|belong)\s+"
                        r"(?:in|on|at|within|to|for)\s+(?:the\s+)?([\w'’&-]+)", re.I)


def part_counted(question: str, window: Window) -> str:
    """"How many officers are in the Town Centre Team?" is not answered by "two officers from the Town Centre Team"
    (on one patrol): a number of them from or of the body counts those taking part, not the body's size."""
    match = SIZE_ASKED.search(question)
    if match is None:
        return ""
    noun, body = match.group(1).split()[-1], match.group(2)
    part = re.search(rf"\b{_NUMBER}\s+(?:[\w-]+\s+)?{noun_forms(noun)}\s+(?:from|of)\s+(?:the\s+)?(?:[\w'’&-]+\s+){{0,3}}?"
                     rf"{re.escape(body)}\b", window.text, re.I)
    return f"the passage counts {noun}s from it on one occasion, not how many it has" if part else ""


# Where a line turns from one thing to another: "..., and a second one at Carrow Bay will ...", "...; ...", "...,
# building on the Harbour hub".
ASIDE_BREAK = re.compile(r",\s*(?:and|but|while|whilst|whereas|with)\s+|;\s*|\s+and\s+(?=(?:a|an|the|its|their)\s)|"
                         r",\s*(?=(?:building on|like|similar to|modelled on)\s)", re.I)
# What a clause says of a thing that is to come, not one that is: "will make", "is planned", "to be opened".
PLANNED = re.compile(r"\b(?:will|shall|would|is to|are to|plans? to|planned|proposed|intends? to|due to (?:open|start|"
                     r"begin|launch)|to be (?:opened|set up|launched|built))\b", re.I)
# A clause that names another thing only to compare: "building on the Harbour hub", "like the one in Saltby".
REFERENCE = re.compile(r"^\s*(?:building on|like|similar to|modelled on)\b", re.I)
# A question about a thing to come: a plan is its answer.
FUTURE_ASKED = re.compile(r"\b(?:will|shall|going to|planned|plans?|proposed|expected|intended|due)\b", re.I)


def named_aside(question: str, window: Window) -> str:
    """"How many people has the Carrow Bay Safe Haven helped?" is not answered by "The Harbour Safe Haven has helped
    more than 150 people since it opened, and a second one at Carrow Bay will make a real difference", nor "what was
    the Harbour Safe Haven allocated?" by "£29,000 to open a second Safe Haven at Carrow Bay, building on the Harbour
    Safe Haven": where the words that pick out the thing asked about are in the line only in an aside (a clause on
    what is to come, or one that names a thing to compare) and the line's figures are in its other clauses, the
    figures are another thing's (and a planned thing has done nothing yet)."""
    future = bool(FUTURE_ASKED.search(question))
    clauses = [c for c in ASIDE_BREAK.split(window.text) if c and c.strip()]
    asides = [c for c in clauses if REFERENCE.match(c) or not future and PLANNED.search(c) and  # "a second one": no count
              not any(value[:1].isdigit() for value, _ in otherkind.figures(c))]
    with_figure = [c for c in clauses if c not in asides and otherkind.figures(c)]
    if not with_figure or not asides:
        return ""
    asked = content_terms(YEAR_PAIR.sub(" ", DATE.sub(" ", re.sub(MONTHS, " ", question, flags=re.I)))) - ANSWER_KIND
    figured = content_terms(" ".join(with_figure))  # (when is read by the period rules: words of what, here)
    only_aside = {t for t in asked & content_terms(" ".join(asides)) if t not in figured}
    if not only_aside or LEANS_BACK.match(window.text) and only_aside <= content_terms(window.before):
        return ""  # "It has helped 150 people, ...": the line before names what the figure is for
    words = [w for w in re.findall(r"[\w'’-]+", " ".join(asides)) if content_terms(w) & only_aside]
    return f"the passage names {' '.join(words)} only in passing: its figures are for something else"


# "the Harbour Safe Haven was allocated", "did Admirals Park get", "what was the Youth Hub allocated": a named thing
# that money went to.
RECIPIENT = re.compile(rf"({NAME.pattern})\s+(?:was|were|has been|have been|had been|is being)\s+(?:[\w'’-]+\s+)?"
                       r"(?:allocated|awarded|given|granted|offered|promised)\b|\bdid\s+(?:the\s+)?"
                       rf"({NAME.pattern})\s+(?:get|receive|secure|win)\b|\b(?:was|were|is|are)\s+(?:the\s+)?({NAME.pattern})"
                       r"\s+(?:allocated|awarded|given|granted|offered|promised)\b")


def unnamed_recipient(question: str, window: Window) -> str:
    """"What was the Harbour Safe Haven allocated?" is not answered by "£25,000 for brighter lighting at the
    underpass" in the same list: the sum must be one the line (or its headings, or the line before it when the
    line leans back on it) ties to the thing named, not another item's."""
    said = content_terms(f"{window.near if LEANS_BACK.match(window.text) else window.text} {window.label}")
    for match in RECIPIENT.finditer(question):
        name = match.group(1) or match.group(2) or match.group(3)
        words = content_terms(name) - content_terms(" ".join(hit.alias for _, hit in
                                                             vocab.find_places(vocab.normalise(name))))
        if match.start() > 0 and words and not words <= said:
            return f"the passage gives a sum, but not one for {name}"
    return ""


# "since the PFCC pledged a further 40% reduction": what has happened after something was said or done.
SINCE_EVENT = re.compile(r"\bsince\s+(?!when\b)((?:[\w'’%-]+\s+){0,8}?(?:pledged|promised|announced|committed|vowed|"
                         r"set out|said|took office|was elected|came to office|launched|started|began))\b", re.I)


def before_the_event(question: str, window: Window) -> str:
    """"By how much has crime fallen since the PFCC pledged a 40% cut?" is not answered by the pledge's own "Last
    year, total crime was reduced by 6%": only a line that says what changed since then answers it."""
    match = SINCE_EVENT.search(question)
    if match is None or re.search(r"\bsince\b", window.text, re.I):
        return ""
    return f"no passage says what has happened since {match.group(1)}"


# "What position does Marie Goldman hold on Chelmsford City Council?": a body the post is asked for.
BODY_ASKED = re.compile(r"\b(?:on|at|in|with|for|within)\s+(?:the\s+)?((?-i:[A-Z][\w'’&-]*)(?:\s+(?:(?-i:[A-Z][\w'’&-]*)"
                        r"|of|and|for|&)){0,5})", re.I)


def post_elsewhere(question: str, places: tuple[str, ...], window: Window) -> str:
    """"What position does Marie Goldman hold on Chelmsford City Council?" is not answered by "Marie Goldman – MP
    for Chelmsford": the line gives the person's post, but not on the body asked about."""
    if not wants(question).role:
        return ""
    people = [m.group() for m in NAME.finditer(question) if m.start() > 0 and m.group() in window.text]
    if not people:
        return ""
    own = content_terms(" ".join(places)) if places else set()
    for match in BODY_ASKED.finditer(question):
        body = match.group(1)
        if body in people:
            continue
        words = content_terms(body) - own
        if words and not words <= content_terms(window.text):
            return f"the passage gives {people[0]}'s post, but not one on {body}"
    return ""


# Words that pick one thing among several of a kind ("the showcase event", "the celebration event").
KINDS = (r"event|meeting|survey|consultation|campaign|programme|program|scheme|fund|project|strategy|report|review|"
         r"workshop|session|conference|election|exercise|audit|award|competition|festival")
NOT_WHICH = {"the", "a", "an", "this", "that", "these", "those", "each", "every", "any", "all", "some", "our", "their",
             "its", "his", "her", "same", "one", "other", "another", "such", "which", "what", "whose", "of", "for",
             "and", "or", "to", "in", "on", "at", "by", "with", "from", "was", "were", "is", "are", "be", "been",
             "whole", "overall", "main", "recent", "latest", "further", "future", "public", "special",
             # when, not which: "the next board meeting" is a board meeting
             "next", "last", "previous", "first", "second", "third", "final", "forthcoming", "upcoming", "annual",
             "monthly", "quarterly", "weekly", "new", "old", "current"}


def other_of_kind(question: str, window: Window) -> str:
    """"How many attended the showcase event?" is not answered by "The celebration event ... 100 girls": the line
    names another thing of the kind asked about, and not the one asked about."""
    text = window.text.casefold()
    own = content_terms(f"{window.text} {window.label}")  # a bullet's heading names what it is part of
    for asked in re.finditer(rf"\b([a-z][\w'’-]{{2,}})\s+({KINDS})s?\b", question, re.I):
        which, kind = asked.group(1).casefold(), asked.group(2).casefold()
        if which in NOT_WHICH or which in text or content_terms(which) <= own:  # "round table" as "roundtable"
            continue
        for other in re.finditer(rf"\b([a-z][\w'’-]{{2,}})\s+{kind}s?\b", text):
            said = other.group(1)
            if said not in NOT_WHICH and said not in question.casefold() and not content_terms(said) & content_terms(question):
                return f"the passage is about the {said} {kind}, not the {which} {kind}"
    return ""


# A line that opens with a pronoun is about what the line before names: "He also asked ...", "They were ...".
LEANS_BACK = re.compile(r"\s*(he|she|they|his|her|their|this|that|it)\b", re.I)


def someone_else(question: str, window: Window) -> str:
    """"What position does Marie Goldman hold?" or "what's Spencer Clarke's phone number?" is answered only by a line
    that names that person (or follows the line that does): another person's post or number is no answer."""
    asked = wants(question)
    if not (asked.role or asked.phone or asked.email):
        return ""
    people = [re.sub(r"['’]s?$", "", m.group()) for m in NAME.finditer(question) if m.start() > 0 and
              len(m.group().split()) <= 3 and not ROLE.search(m.group()) and not vocab.find_places(vocab.normalise(m.group()))]
    near = _straight(window.near if LEANS_BACK.match(window.text) else window.text)  # "He is the ..."
    if not people or any(re.search(rf"\b{re.escape(_straight(p.split()[-1]))}\b", near, re.I) for p in people):
        return ""
    return f"the passage does not name {people[0]}"


# "When is the next council election?": the thing whose next date is asked for.
NEXT_THING = re.compile(r"\b(?:next|upcoming|forthcoming)\s+(?:[\w'’-]+\s+){0,4}?([a-z]{4,})s?(?=\s*(?:[?,.]|$|\b(?:be|is|"
                        r"was|will|take|taking|held|due|after|in|on|for|of|planned|scheduled)\b))", re.I)


def next_of_another(question: str, window: Window) -> str:
    """"When is the next council election?" is not answered by "Dates of the Next Meetings: Friday, 7th March 2025":
    the line, the line before it and its headings must name the thing whose next date is asked for."""
    match = NEXT_THING.search(question)
    if match is None or not wants(question).date and not wants(question).time:
        return ""
    thing = content_terms(match.group(1))
    if not thing or thing <= content_terms(f"{window.near} {window.label}"):
        return ""
    return f"no passage gives the date of the next {match.group(1).casefold()}"


def unnamed_body(question: str, places: tuple[str, ...], window: Window) -> str:
    """"What was the outcome matching rate for British Transport Police crimes?" is not answered by a rate for
    all crimes: a figure asked for a body the question names needs a line (or its headings) naming that body."""
    if not wants(question).rate:
        return ""
    for match in NAME.finditer(question):
        name = match.group()
        if not re.search(r"\b(for|of|among|amongst|by)\s+(the\s+)?$", question[:match.start()], re.I):
            continue  # "according to Chief Inspector Ballard", "after the Central Park stabbing": not whose rate
        where = " ".join((*places, *(hit.name for _, hit in vocab.find_places(vocab.normalise(name)))))
        words = content_terms(name) - content_terms(where)  # "Essex Police" names a body, "Essex" no more
        if match.start() > 0 and len(name.split()) >= 2 and words and not words <= window.terms:
            return f"the passage gives a figure, but not one for {name}"
    return ""



THING_SHARE = 0.45


def thing_unsaid(question: str, window: Window, rarity: dict[str, float]) -> str:
    """"What is the NHS deficit for Mid Essex?" is not answered by "the NHS would recover in time": the line, the
    line before it or its headings must name the thing whose value is asked for ("deficit"; "improvement" of "the
    improvement action" does, where a table's header says "Areas for Improvement"); a line with a subject of its
own must name some of it itself (a line on Operation Lantern after one on falling ASB gives no "ASB reduction
target"). Words that
    name the kind of answer ("job", "date", "number") are no such thing. The words weigh by how rare they are,
    and about half of the weight must be there."""
    asked = wants(question)
    words = [] if asked.many or asked.name else asked_thing(question)  # a list, a name: read by their own rules
    terms = content_terms(" ".join(w for w in words if w.casefold() not in NOT_WHICH)) - ANSWER_KIND - \
        content_terms(" ".join(NOT_KINDS))  # "the last board date": a board's date
    weight = {t: rarity.get(t, 0.0) for t in terms}
    # a line with a subject of its own (a name the question does not hold: "Operation Lantern, ... had begun") is
    # about that, whatever the line before it says: it must name some of the thing itself
    asked_words = content_terms(question)
    own_subject = any(not content_terms(m.group()) & asked_words for m in NAME.finditer(window.text))
    own = content_terms(f"{window.text} {window.label}") if own_subject else window.terms
    if not terms or sum(w for t, w in weight.items() if t in window.terms) >= THING_SHARE * sum(weight.values()) \
            and terms & own:
        return ""
    return f"no passage gives the {' '.join(words).casefold()} asked about"


_UNIT = r"(minute|hour|day|week|month|year|mile|metre|meter|kilometre|km)s?\b"
# "within 20 minutes", "per 1,000 residents", "two years": a number that says which measure, not a value of it.
MEASURE_NUMBER = re.compile(rf"\b(\d[\d,.]*|{NUMBER_WORDS})[\s-]*{_UNIT}|\bper\s+(\d[\d,]*)", re.I)
_WORD_NUMBERS = {word: str(n) for n, word in
                 enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _measure_numbers(text: str) -> dict[str, set[str]]:
    """The numbers a text gives to each unit it counts in ("minute": {"15"}, "per": {"1000"})."""
    found: dict[str, set[str]] = {}
    for match in MEASURE_NUMBER.finditer(text):
        number, unit = (match.group(1), match.group(2).casefold()) if match.group(1) else (match.group(3), "per")
        number = _WORD_NUMBERS.get(number.casefold(), number.replace(",", ""))
        found.setdefault(unit, set()).add(number)
    return found


def other_measure_number(question: str, window: Window) -> str:
    """"What % of emergency calls were attended within 20 minutes?" is not answered by "Emergency calls attended
    within 15 minutes": the line counts in the same unit, but for another number of them."""
    said = _measure_numbers(f"{window.label} {window.text}")
    for unit, asked in _measure_numbers(question).items():
        if said.get(unit) and not asked & said[unit]:
            per = "per " if unit == "per" else ""
            shown = lambda numbers: " or ".join(f"{per}{n}{'' if per else ' ' + unit + 's'}" for n in sorted(numbers))  # noqa: E731
            return f"the passage gives it for {shown(said[unit])}, not {shown(asked)}"
    return ""


# "Culture Chelmsford's newsletter", "Operation Lantern's arrests": a thing asked for as some named body's.
OWNER = re.compile(r"(?<![\w'’-])((?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*)['’]s?\s+(?=[\w-])")


def other_owner(question: str, window: Window) -> str:
    """"How many subscribers does Culture Chelmsford's newsletter have?" is not answered by a line on another
    body's newsletter: the line, the line before it, its headings or its document must name the owner (a place
    that owns it is read by the place rules)."""
    for match in OWNER.finditer(question):
        owner = match.group(1)
        places = " ".join(hit.alias for _, hit in vocab.find_places(vocab.normalise(owner)))
        words = content_terms(owner) - content_terms(places)
        if match.start() > 0 and words and not words <= window.terms:
            return f"no passage gives it for {owner}"
    return ""


# "for Mid Essex alone", "in Southend specifically": a figure for that place and no wider one.
ALONE = re.compile(r"\b(alone|on its own|by itself|specifically|only|in particular)\b", re.I)


def place_alone(question: str, places: tuple[str, ...], window: Window) -> str:
    """"What is the NHS deficit for Mid Essex alone?" is answered only by a line (or the line before it) that names
    Mid Essex, not by one elsewhere in a passage that does."""
    if not places or not ALONE.search(question) or any(re.search(rf"\b{re.escape(p)}", window.near, re.I) for p in places):
        return ""
    return f"no passage gives it for {', '.join(places)} alone"



def sibling(facts: IndexFacts, doc_id: str, question: str, text: str, window: str) -> tuple[str, str] | None:
    """(the question's word, the one the text, or the sentence before it, has instead) when the text is about an
    alternative the document lists beside the question's ("the north policing area" for "the south ... area")."""
    words = lambda t: set(re.findall(r"[a-z]+", t.casefold()))  # noqa: E731
    asked, said, around = words(question), words(text), words(LISTED.sub(" ", window))  # a list names them all
    for pair in facts.alternatives(doc_id):
        mine, theirs = sorted(pair & asked), sorted(pair & around)
        if len(mine) == 1 and len(theirs) == 1 and mine[0] not in said and theirs[0] not in asked:
            return mine[0], theirs[0]
    return None

# "Vice-Chair", "Deputy Leader": another post than the one the word after names.
DEPUTY = re.compile(r"\b(vice|deputy|assistant)[\s-]+([a-z]+)", re.I)


def deputy_for(question: str, window: Window) -> str:
    """"Who chairs the partnership?" is not answered by "Chief Inspector Daniel Fairbrother (Vice-Chair)": a line
    that gives the post only with "vice", "deputy" or "assistant" before it names the deputy, unless the question
    asks for the deputy too."""
    if not wants(question).person or DEPUTY.search(question):
        return ""
    asked = content_terms(question)
    for match in DEPUTY.finditer(window.text):
        post = content_terms(match.group(2))
        if post and post <= asked and not post <= content_terms(DEPUTY.sub(" ", window.text)):
            return f"the line names the {match.group().casefold()}, not the {match.group(2).casefold()}"
    return ""


# "including fraud", "excl. fraud": what a total takes in or leaves out.
INCLUDING = re.compile(r"\b(?:including|incl\.?|inc\.?)\s+(?:the\s+)?([a-z][\w-]+)", re.I)
EXCLUDING = re.compile(r"\b(?:excluding|excl\.?|exc\.?|without|except(?:\s+for)?|not including)\s+(?:the\s+)?"
                       r"([a-z][\w-]+)", re.I)


def other_inclusion(question: str, text: str) -> str:
    """"What was the total number of crimes including fraud?" is not answered by "13% fewer crimes, excluding fraud,
    ... around 4.6 million offences": a figure that leaves out what the question takes in (or takes in what it
    leaves out) is another measure."""
    for asked, said, words in ((INCLUDING, EXCLUDING, ("excluding", "including")),
                               (EXCLUDING, INCLUDING, ("including", "excluding"))):
        wanted = {content_terms(m.group(1)) and frozenset(content_terms(m.group(1))) for m in asked.finditer(question)}
        for match in said.finditer(text):
            if frozenset(content_terms(match.group(1))) in wanted - {frozenset()}:
                return f"the passage gives the figure {words[0]} {match.group(1)}, not {words[1]} it"
    return ""


# "How many offences in total ...?", "the total number of crimes", "all crime": every kind counted together.
ALL_ASKED = re.compile(r"\bin total\b|\btotal (?:number|count) of\b|\ball (?:recorded )?(?:crimes?|offences?)\b|\b(?:crimes?|"
                       r"offences?|incidents?) (?:overall|altogether|of all (?:kinds|types))\b", re.I)
# "7,790 incidents of violent crime", "1,248 shoplifting offences": a count of one kind of crime.
_COUNTED_KIND = r"(?:offences?|crimes?|incidents?)"
KIND_COUNTED = re.compile(rf"\b\d[\d,]*\s+((?:[a-z][\w-]*\s+){{1,2}}){_COUNTED_KIND}\b|\b\d[\d,]*\s+(?:[a-z]+\s+)?"
                          rf"{_COUNTED_KIND}\s+of\s+((?:[a-z][\w-]*\s*){{1,3}})", re.I)
NOT_A_KIND = frozenset(content_terms("recorded reported more fewer less additional extra new total overall all the "
                                     "police crime offences incidents around about nearly almost some over under"))


def part_for_total(question: str, text: str) -> str:
    """"How many offences in total did Essex Police record in Basildon?" is not answered by "7,790 incidents of
    violent crime in Basildon": a line that counts one kind of crime the question does not name gives a part of
    the total asked about."""
    if not ALL_ASKED.search(question):
        return ""
    asked, kinds = content_terms(question), []
    for match in KIND_COUNTED.finditer(text):
        words = re.split(r"\s+(?:in|at|for|across|during|over|from|by|with|and|to|on|of)\b", match.group(1) or match.group(2))
        kinds.append(words[0].strip())
    if not kinds or re.search(rf"\b\d[\d,]*\s+(?:recorded\s+|reported\s+)?{_COUNTED_KIND}\b(?!\s+of\b)", text, re.I):
        return ""  # a line that also counts them all gives the total
    novel = [kind for kind in kinds if content_terms(kind) - NOT_A_KIND - asked]
    return f"the passage counts {novel[0]} only, not all offences" if novel and len(novel) == len(kinds) else ""


# Where a line turns to another subject: "..., with the 13-17 age range the most common (70%)", "of which 77% are
# male", "..., also attending a Basildon review", "; ...".
CLAUSE_BREAK = re.compile(r",\s*(?:with|while|whilst|whereas|also|and also)\s+|\s+of which\s+|;\s*", re.I)
PERCENT_ASKED = re.compile(r"\bwhat\s+(?:percentage|proportion|share|per ?cent)\b|\bhow many per ?cent\b", re.I)
NOT_THE_THING = frozenset(content_terms("percentage proportion share per cent rate figure number many much total"))


def figure_of_another_clause(question: str, places: tuple[str, ...], text: str) -> str:
    """"How many death reviews are there for Basildon?" is not answered by "The team has five ongoing reviews ...,
    also attending a Basildon review", nor "what percentage of referrals came from education?" by "Most referrals
    are from education, with the 13-17 age range the most common (70%) of which 77% are male": where a line turns
    to other subjects in its clauses, the figure asked for is in the clause about what was asked; a place named only
    in a later clause with no figure, or the thing a percentage is asked of named only in clauses with none, has
    none given. ("ASB fell in Essex, with 9,000 fewer reports": the later clause goes on about the first's place.)"""
    clauses = [c for c in CLAUSE_BREAK.split(text) if c.strip()]
    if len(clauses) < 2:
        return ""
    percent = bool(PERCENT_ASKED.search(question))
    holds = (lambda c: bool(re.search(r"\d\s*%|\bper ?cent\b", c, re.I))) if percent else \
        (lambda c: bool(otherkind.figures(c)))
    with_figure = [c for c in clauses if holds(c)]
    if not with_figure or len(with_figure) == len(clauses):
        return ""
    for place in places:  # a place in the line's first clause is what its later clauses go on about
        if asking.mentions(text, place) and not asking.mentions(clauses[0], place) and \
                not any(asking.mentions(c, place) for c in with_figure):
            return f"the passage's figure is not {place}'s: it names {place} only in another part of the line"
    if percent:
        asked = content_terms(question) - NOT_THE_THING - ANSWER_KIND
        if asked & content_terms(text) and not any(asked & content_terms(c) for c in with_figure):
            return "the passage gives percentages of other things, not the one asked about"
    return ""


# Initials a line prints ("UKSPF"), and where a document defines them: "UK Shared Prosperity Fund (UKSPF)".
INITIALS = re.compile(r"\b[A-Z]{3,6}\b")
DEFINED_BY = r"((?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|the|in|on|&)\s+)?){{1,7}}[A-Z][\w'’&-]*)\s*\(\s*{}\s*\)"


def _named_by_initials(text: str, initials: dict[str, frozenset[str]], defined: str) -> dict[str, frozenset[str]]:
    """Initials' term -> its phrase's terms, for each phrase the text names by its initials or its words: the pairs
    the documents print (`initials`), and initials the text prints that `defined` (its document) spells out."""
    terms = content_terms(text)
    found = {short: words for short, words in initials.items() if short in terms or words <= terms}
    for short in set(INITIALS.findall(text)):
        key = "".join(content_terms(short))
        if key not in found and (spelt := re.search(DEFINED_BY.format(re.escape(short)), defined)):
            found[key] = frozenset().union(*map(content_terms, spelt.group(1).split()))  # word by word: unfolded
    return found


def _named_in_short(question: str, initials: dict[str, frozenset[str]]) -> frozenset[str]:
    """The terms of a thing of a kind the question names by one word of its name ("the rural fund"), when that
    picks out exactly one of the phrases the documents name by initials; empty otherwise. A line about another
    thing of the kind whose name holds the same words ("the shared prosperity fund") is the one asked about."""
    for asked in re.finditer(rf"\b([a-z][\w'’-]{{2,}})\s+({KINDS})s?\b", question, re.I):
        if asked.group(1).casefold() in NOT_WHICH:
            continue
        terms = content_terms(asked.group())
        if len(terms) == 2 and sum(terms <= words for words in initials.values()) == 1:
            return frozenset(terms)
    return frozenset()


def other_initials(question: str, text: str, initials: dict[str, frozenset[str]], defined: str) -> str:
    """"How much Rural England Prosperity Fund money was spent?" is not answered by "£284,777 of the UKSPF funding
    was spent": the line names, by its initials, another thing of the kind asked about (their phrases share a
    word: "fund"), and not the one asked about. `defined` is the line's document, where initials are spelled out."""
    asked = _named_by_initials(question, initials, "")
    shortened = _named_in_short(question, initials) if not asked else frozenset()
    if shortened:  # "the rural fund" for the Rural England Prosperity Fund, the only one so named
        asked = {short: words for short, words in initials.items() if shortened <= words}
    if not asked:  # most questions name nothing by initials: the line's document is then never searched
        return ""
    said = _named_by_initials(text, initials, defined)
    if not said or asked.keys() & said.keys():
        return ""
    own = content_terms(question)
    for other, words in sorted(said.items()):
        if any(words & mine for mine in asked.values()) and not words <= own and not any(
                mine <= words for mine in asked.values()) and not (shortened and shortened <= words):
            return f"the passage is about the {other.upper()}, not the {sorted(asked)[0].upper()} asked about"
    return ""


def objection(question: str, places: tuple[str, ...], forces: tuple[str, ...], window: Window, scope: str,
              rarity: dict[str, float]) -> str:
    """The first near miss the line is (see the module docstring); empty when it is none. `scope` is the line's
    document's title and publisher when they speak for the whole force area, `rarity` each question term's weight."""
    return wants(question).figure and narrower_than_asked(question, forces, window, scope) or \
        wider_than_asked(places, forces, window) or place_alone(question, places, window) or \
        wants(question).figure and (figure_of_another_clause(question, places, window.text) or
                                    inside_wider(places, window.text)) or \
        part_counted(question, window) or before_the_event(question, window) or \
        wants(question).figure and (named_aside(question, window) or unnamed_recipient(question, window)) or \
        other_alternative(question, window) or share_of_unnamed(question, window) or \
        plan_for_actual(question, window) or postponed_for_done(question, window) or \
        part_done_for_whole(question, window) or act_unsaid(question, window) or shared_figure(question, window) or \
        post_elsewhere(question, places, window) or other_of_kind(question, window) or \
        next_of_another(question, window) or someone_else(question, window) or deputy_for(question, window) or \
        thing_unsaid(question, window, rarity) or unnamed_body(question, places, window) or \
        other_measure_number(question, window) or other_owner(question, window) or \
        wants(question).figure and (other_inclusion(question, window.text) or
                                    part_for_total(question, window.text)) or \
        otherkind.objection(question, window.text, window.near, window.terms) or \
        placenames.smaller_place_unnamed(question, f"{window.label} {window.near}")


@lru_cache(maxsize=1)
def _contrasts() -> tuple[tuple[re.Pattern, ...], ...]:
    groups = otherkind.near_miss_words()["contrast"]
    return tuple(tuple(otherkind.phrases(written) for written in group["alternatives"]) for group in groups)


def other_alternative(question: str, window: Window) -> str:
    """"What share of victims live outside the area?" is not answered by "39% of the suspects ... were from outside
    the area", nor "what % feel safe in the daytime?" by a figure "after dark": the question names one of a group
    of alternatives the data file lists, and the line (with its headings) names another of them and never the
    one asked about."""
    said = f"{window.label} {window.text}"
    for group in _contrasts():
        asked = [pattern for pattern in group if pattern.search(question)]
        if len(asked) != 1 or asked[0].search(said):
            continue
        for other in group:
            if other is not asked[0] and (found := other.search(said)):
                return f"the passage is about {found.group().casefold()}, not {asked[0].search(question).group().casefold()}"
    return ""


# "What share of serious violence victims in X live ...?": the people or things a share is taken of, up to the
# first word that is no part of them.
SHARE_OF = re.compile(r"\bwhat\s+(?:share|percentage|proportion|per ?cent|%)\s+of\s+(?:the\s+|all\s+)?((?:[a-z][\w'’-]*\s+)"
                      r"{0,3}?[a-z][\w'’-]*s)\b(?=\s+(?:in|at|across|from|who|that|which|live|lived|living|were|are|was|"
                      r"is|have|had|feel|felt|say|said|come|came)\b)", re.I)


def share_of_unnamed(question: str, window: Window) -> str:
    """"What share of serious violence victims live outside the area?" is not answered by "a 17.4% increase in
    serious violence": a share is of the people or things the question names, and a line, the line before it, its
    headings and its document that never name them (by the last word: "victims") give a share of something else."""
    match = SHARE_OF.search(question)
    if match is None:
        return ""
    head, said = match.group(1).split()[-1], f"{window.label} {window.near}"
    if content_terms(head) <= window.terms or any(  # "offenders" are written "suspects" too
            pattern.fullmatch(head) and pattern.search(said) for group in _contrasts() for pattern in group):
        return ""
    return f"no passage gives a share of {match.group(1).casefold()}"


@lru_cache(maxsize=1)
def _time_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = otherkind.near_miss_words()["time"]
    return tuple(otherkind.phrases(words[key]) for key in ("planned", "actual_asked", "done_said"))


# "When did Cabinet approve ...?": a question about what has happened ("when was the meeting?" may ask a plan's date).
PAST_WHEN = re.compile(r"^\W*(?:on\s+)?(?:what\s+date|which\s+day|when)\s+did\b", re.I)


# A done word that still waits on its time: "is scheduled to be completed by", "will be launched", "should have opened".
STILL_TO_BE = re.compile(r"\b(?:to|will|would|shall|should|could|may|might|must)\s+(?:not\s+)?(?:be|have\s+been|have)\s+"
                         r"(?:[a-z]+ly\s+)?[a-z]+", re.I)


def plan_for_actual(question: str, window: Window) -> str:
    """"On what date did the order actually come into force?" is not answered by "with the order expected to come
    into force on 2 November", nor "how many kits have been put in so far?" by "the draft strategy proposes ...
    kits in 12 locations": a question about what has happened (it says "actually", "so far"; or asks when
    something did happen) is not answered by a line that only says what is planned, and never that it was done."""
    planned, actual, done = _time_words()
    if not (actual.search(question) or PAST_WHEN.search(question) or _act_done_asked(question)) or \
            FUTURE_ASKED.search(question) or \
            planned.search(question):  # "when did the minutes say the next meeting would be?"
        return ""
    # a list item under a lead that plans it: "The Group recommends that Cabinet:" over "- R3 publishes ..."
    lead = " ".join(part for part in (window.before, *window.label.split(" › ")) if part.rstrip().endswith(":"))
    if not planned.search(f"{lead} {window.text}") or done.search(STILL_TO_BE.sub(" ", window.text)) or \
            _done_as_asked(question, planned.sub(" ", window.text)):
        return ""
    return "the passage says only what was planned, not what has happened"


# "On what date was the last camera installed?": a date asked for what was done.
DONE_WHEN = re.compile(r"^\W*(?:on\s+)?(?:what\s+date|which\s+day|when)\s+(?:was|were|has|have|had)\b[^?]*?\b[a-z]{3,}ed\b",
                       re.I)


@lru_cache(maxsize=1)
def _postponed() -> re.Pattern:
    return otherkind.phrases(otherkind.near_miss_words()["time"]["postponed"])


@lru_cache(maxsize=1)
def _original_asked() -> re.Pattern:
    return otherkind.phrases(otherkind.near_miss_words()["time"]["original_asked"])


def postponed_for_done(question: str, window: Window) -> str:
    """"On what date did the board actually take its final decision?" is not answered by "it was agreed to a
    six-month delay in the final decision-making": a date asked for what has happened is not answered by a line
    that says it was put off (delayed, deferred, postponed), unless the question itself asks about the delay or the
    first plan ("when was it originally supposed to happen?"). (A count so far may stand beside a delay: "9 of the
    14 cameras had been installed but the rest were put back".)"""
    planned, actual, done = _time_words()
    # a line that says nothing done of its own ("Brapim clinic." cut off at a hard line break) goes on the one before
    said = window.text if done.search(window.text) else window.near
    if not wants(question).date or not (actual.search(question) or PAST_WHEN.search(question) or
                                        DONE_WHEN.search(question) or _act_done_asked(question)) or \
            FUTURE_ASKED.search(question) or _postponed().search(question) or planned.search(question) or \
            _original_asked().search(question) or \
            (found := _postponed().search(said)) is None:
        return ""
    return f"the passage says only that it was put off (“{found.group()}”), not when it happened"


# "11 of 14 cameras installed", "three out of five sites": part of a whole, counted.
PART_OF_WHOLE = re.compile(rf"\b(\d[\d,]*|{NUMBER_WORDS})\s+(?:of|out\s+of)\s+(?:the\s+)?(\d[\d,]*|{NUMBER_WORDS})\b",
                           re.I)


@lru_cache(maxsize=1)
def _whole_done_asked() -> tuple[re.Pattern, re.Pattern]:
    words = otherkind.near_miss_words()["time"]
    return otherkind.phrases(words["whole_done_asked"]), otherkind.phrases(words["planned"] + words["rest_to_come"])


def part_done_for_whole(question: str, window: Window) -> str:
    """"On what date was the last camera installed?" is not answered by "11 of 14 cameras installed; completion
    expected 31 March": a date asked for the whole of a thing done (the last, all, completed) is no date from a line
    that counts only part of it done and says the rest is still to come."""
    whole, to_come = _whole_done_asked()
    if not wants(question).date or FUTURE_ASKED.search(question) or not whole.search(question):
        return ""
    for part in PART_OF_WHOLE.finditer(window.text):
        done, whole = (_number(value) for value in part.groups())
        if done is not None and whole is not None and done < whole and to_come.search(window.text[part.end():]):
            return f"the passage says only {part.group()} were done, and the rest is still to come"
    return ""


def _number(value: str) -> int | None:
    """12 of "12" or "twelve"; None for a word that is no whole number ("half")."""
    if value[0].isdigit():
        return int(value.replace(",", ""))
    words = "one two three four five six seven eight nine ten eleven twelve".split()
    return words.index(value.casefold()) + 1 if value.casefold() in words else None


@lru_cache(maxsize=1)
def _alone() -> tuple[re.Pattern, re.Pattern]:
    words = otherkind.near_miss_words()["alone"]
    return otherkind.phrases(words["after"]), otherkind.phrases(words["before"])


def _asked_alone(question: str) -> set[str]:
    """The names a question asks for on their own: "Madderley" of "in madderley specifically" or "just in madderley"."""
    after, before = _alone()
    names = {words[-1] for match in after.finditer(question) if (words := re.findall(r"[\w'’-]+", question[:match.start()]))}
    names |= {words[0] for match in before.finditer(question) if (words := re.findall(r"[\w'’-]+", question[match.end():]))}
    return {name for name in names if len(name) > 3}


def shared_figure(question: str, window: Window) -> str:
    """"How many of the cameras are going in Madderley specifically?" is not answered by "New CCTV in Brantwick and
    Madderley (8 cameras)": a figure asked for one place on its own is no figure the line gives for it and another
    place together (both printed as names), unless the line names it again on its own."""
    if not HAS_FIGURE.search(window.text):
        return ""
    for name in _asked_alone(question):
        spelt = rf"(?i:{re.escape(name)})"
        for pair in re.finditer(rf"\b([A-Z][\w'’-]*)\s+(?:and|&)\s+({spelt})\b|\b({spelt})\s+(?:and|&)\s+([A-Z][\w'’-]*)",
                                window.text):
            own = pair.group(2) or pair.group(3)
            if own[0].isupper() and len(re.findall(rf"\b{spelt}\b", window.text)) == 1:
                return f"the passage gives one figure for {pair.group()}, not one for {own} alone"
    return ""


# "Who has been appointed as ...?", "how many cameras were installed?": a formal act asked about as done.
ACT_DONE_ASKED = re.compile(r"\b(?:has|have|had)\s+(?:already\s+|now\s+|since\s+)?been\s+([a-z]+)|\b(?:was|were)\s+"
                            r"([a-z]+ed)\b", re.I)


def _act_done_asked(question: str) -> bool:
    """Does the question ask about one of the data file's formal `acts` as done ("has been appointed")?"""
    return any(content_terms(match.group(1) or match.group(2)) & _acts() for match in ACT_DONE_ASKED.finditer(question))


def _done_as_asked(question: str, text: str) -> bool:
    """Does the text say, in the past tense, that the thing the question's verb names was done ("presented on 12
    February" for "when did they last present?"), and not only that it would be ("would be presented")?"""
    for word in set(re.findall(r"\b[a-z]{4,}\b", question.casefold())):
        past = word + "d" if word.endswith("e") else word + "ed"
        if re.search(rf"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b{past}\b", text, re.I):
            return True
    return False


# "When did Cabinet approve the order?": the act whose date is asked, the word before what it was done to.
ACT_DATED = re.compile(r"^\W*(?:on\s+)?(?:what\s+date|which\s+day|when)\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?"
                       r"([a-z]{3,})\s+(?:the|a|an|its|their|his|her|our)\b", re.I)


# "On what date was the last camera installed?": the act whose date is asked, put passively.
ACT_DATED_PASSIVE = re.compile(r"^\W*(?:on\s+)?(?:what\s+date|which\s+day|when)\s+(?:was|were)\s+(?:[\w'’-]+\s+){1,5}?"
                               r"([a-z]{3,}ed)\b", re.I)


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    return frozenset().union(*map(content_terms, otherkind.near_miss_words()["time"]["acts"]))


def act_unsaid(question: str, window: Window) -> str:
    """"When did Cabinet approve the dispersal order?" is not answered by "The consultation closed on 2 December"
    under the order's heading, nor "when was the last camera installed?" by the date the contract was awarded: a date asked for a formal act (the data file's `acts`) needs a line (or the line
    before it) that names the act ("approved", "approval"), not another step of the same business."""
    match = ACT_DATED.search(question) or ACT_DATED_PASSIVE.search(question)
    if match is None or not (act := content_terms(match.group(1))) or act <= content_terms(window.near) or \
            not act & _acts() or any(re.search(rf"\b{re.escape(stem[:5])}", window.near, re.I)
                                     for stem in act if len(stem) >= 5):  # "publication" for "published"
        return ""
    return f"no passage gives a date for “{match.group(1).casefold()}”"


ROW_REACH = 60  # lines either side of a line that its section's table may be
PIPE_ROW = re.compile(r"^\s*\|")


def _first_cell(line: str) -> str:
    """The first cell of a table row ("Cotterstone" of "Cotterstone\tFeel safe after dark: 61%"); "" for prose."""
    if PIPE_ROW.match(line):
        return line.strip().strip("|").split("|")[0].strip()
    return line.split("\t")[0].strip() if is_table_row(line) else ""


def place_in_rows(judge, i: int, text: str) -> str:
    """"What % of Wendleford residents feel safe after dark?" is not answered by the line under a table of the
    district's towns that says "The proportion of residents who feel safe after dark fell from 57% to 54%": where
    the section prints a name the question writes (capitalised, as a name) as the first cell of one row among
    others, that row holds its figures, and a line of the section that does not name it gives another row's
    figure or the whole's. A name the document's own title holds (its own area) is what its prose is about."""
    index, facts, question = judge.index, judge.facts, judge.asked  # a follow-up's place may be the last turn's
    sentence = index.sentences[i]
    doc = index.documents[sentence.document]
    if not judge.wants.figure:
        return ""
    cells = {_first_cell(facts.text(index.sentences[j])).casefold()
             for j in range(max(i - ROW_REACH, 0), min(i + ROW_REACH + 1, len(index.sentences)))
             if _one_section(index, j, sentence, doc.title)} - {""}
    for cell in cells:
        named = re.search(rf"(?<=\S)\s+({re.escape(cell)})\b", question, re.I)
        if named and named.group(1)[:1].isupper() and len(cells) >= 3 and not asking.mentions(text, named.group(1)) \
                and not asking.mentions(doc.title, named.group(1)):
            return f"the passage gives {named.group(1)}'s figures in its own row of a table, and this line is not " \
                   f"about {named.group(1)}"
    return ""


def _one_section(index, j: int, sentence, title: str) -> bool:
    """Is line j in the section of `sentence`, or in one of its subsections or the section it is a subsection of
    ("Table 2: Feelings of safety by area" under "Item 9: Residents' Survey")? The document's own title, over
    everything, is no such section."""
    if index.sentences[j].document != sentence.document:
        return False
    own, other = (tuple(p for p in index.chunks[s.chunk].section_path if p.strip().casefold() != title.strip().casefold())
                  for s in (sentence, index.sentences[j]))
    shorter = min(len(own), len(other))
    return shorter > 0 and own[:shorter] == other[:shorter] or own == other


def _straight(text: str) -> str:
    """Curly apostrophes as straight ones: "De’ath" is "De'ath"."""
    return text.replace("’", "'")


PROPER = "proper words"
WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]{3,}(?![\w'’-])")
OPENING = re.compile(r"(?:^|[.!?:;•*|>\-–—\t\n(\"“‘']\s*)$")  # where a word opens a sentence, a line or a cell


def proper_words(index) -> frozenset[str]:
    """The words the documents print only ever capitalised (casefolded): the names of places, people and bodies
    ("Pellow", "Bramleigh"), as this index's documents print them. Worked out once per index."""
    found = index.derived.get(PROPER)
    if found is None:
        capitalised, lower = set(), set()
        for document in index.documents.values():
            for match in WORD.finditer(f"{document.title}\n{document.publisher}\n{document.text}"):
                word = match.group()
                if word[0].islower():
                    lower.add(word.casefold())
                elif not OPENING.search(match.string, max(0, match.start() - 3), match.start()):
                    capitalised.add(word.casefold())  # not "Train 60 champions", which opens a line
        found = index.derived.setdefault(PROPER, frozenset(capitalised - lower))
    return found


def name_unsaid(question: str, window: Window, proper: frozenset[str], source: str, paragraph: str = "") -> str:
    """"How many young people attended the Pellow Green youth diversion sessions?" is not answered by "A6 Ockenby
    youth diversion ... 23 young people attending", nor "when did the sessions start in Saxholme?" by "First
    sessions held 12 January" under no heading that names Saxholme: a figure (or a date, for a place: "in X")
    asked for a place or a body the question names ("in X", "the X partnership") by words the documents only print as a name (`proper`) is no answer from a line that,
    with its headings and its document's title and publisher (`source`), never names it; its `paragraph` counts
    too when the line names nothing of its own ("We spent £2,400 ...", she said) or leans back ("This zone ...")."""
    if not (wants(question).figure or wants(question).date):  # "when did the sessions start in Saxholme?" too
        return ""
    said = _said_for(question, window, proper, source, paragraph).casefold()
    for slot in NAME_SLOT.finditer(question):
        if not wants(question).figure and slot.group().casefold().startswith("the"):
            continue  # a date is asked for a place ("in Saxholme"), not for "the Madderley gates", as sure
        words = slot.group(1).split()
        named = list(itertools.takewhile(lambda w: w.casefold() in proper and not otherkind.DAY_OR_MONTH.fullmatch(w),
                                         words))
        end = slot.start(1) + len(" ".join(named))
        which = [w for w in named if w.casefold() not in _generic()]  # "Dial" of "Operation Dial"
        if which and not SPEAKER_AFTER.match(question, end) and not SOURCE_AFTER.match(question, end) and \
                any(not re.search(rf"\b{re.escape(w.casefold())}\b", said) for w in which):
            return f"no passage gives it for {' '.join(named).title()}"
    return ""


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Words of a name that say its kind, not which one (`text/data/near_miss_words.toml`: names.generic)."""
    return frozenset(otherkind.near_miss_words()["names"]["generic"])


def _said_for(question: str, window: Window, proper: frozenset[str], source: str, paragraph: str = "") -> str:
    """What says whose a line's figure is: the line, its headings and its document's title and publisher
    (`source`); and its whole `paragraph` (with the line before) when it leans back on it or names nothing of its
    own (no word the documents only print as a name, beside the question's and the document's, nor a
    longer name holding one): "“We spent £2,400,” she said", "Each area will receive 208 funded patrol hours"."""
    asked = question.casefold()
    # "three weeks." after "... with 23 young people attending in the first": a line cut at a hard line break
    # continues the one before, whose names are its own
    text = f"{window.before} {window.text}" if window.text[:1].islower() and window.before else window.text
    own = {word.casefold() for word in re.findall(r"[\w'’-]+", text)} & proper - \
        {word.casefold() for word in re.findall(r"[\w'’-]+", f"{question} {source}")} or [
        run for run in CAPITALISED_RUN.findall(text)  # "the Safer Falath Partnership", a body of its own
        if len(run.split()) > 1 and {w.casefold() for w in run.split()} & proper and run.casefold() not in asked]
    line = text if own and not LEANS_BACK.match(window.text) else f"{paragraph} {window.near}"
    return f"{line} {window.label} {source}"


# Where a question names whose figure it asks for: "in pellow green", "for ockenby", "the bramleigh partnership".
NAME_SLOT = re.compile(r"\b(?:in|at|for|from|across|within|around|near|under|the)\s+(?=([\w'’-]+(?:\s+[\w'’-]+){0,2}))",
                       re.I)
# A document or its publisher named by its place ("the Northampton article", "the Ravenshire Constabulary Q2
# report"): which source, not whose figure.
SOURCE_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:police|constabulary|force|article|paper|report|release|statement|"
                          r"story|piece|minutes|agenda|pack|newsletter|survey|document|plan|strategy|data|figures|"
                          r"stats|statistics|website|site|page|bulletin|summary)\b", re.I)
# A person the question names as who said something ("the harrington statement says"), whose name a line that
# quotes them need not repeat: `speakers` reads who said a line.
SPEAKER_AFTER = re.compile(r"(?:\s+[\w-]+)?(?:['’]s?\s+(?:statement|speech|words|comments|remarks|view|message|update|"
                           r"report|presentation|briefing|letter|answer|reply)|"
                           r"\s+(?:say|says|said|saying|tell|tells|told|report\w*|state\w*|announc\w*|describ\w*|"
                           r"claim\w*|think\w*|believ\w*|want\w*|promis\w*|pledg\w*|expect\w*|hop\w*|argu\w*))\b", re.I)


# A figure asked for a whole area: "across the district", "borough-wide", "the whole of Harrowmere".
WHOLE_AREA_ASKED = re.compile(r"\bacross the (?:whole\s+)?(?:district|borough|city|county|area|force|partnership)\b|"
                              r"\b(?:district|borough|city|county)[- ]wide\b|\bthe whole (?:of the )?(?:district|"
                              r"borough|city|county|area)\b|\bthe whole of\b|\bas a whole\b", re.I)
WHOLE_OF = re.compile(r"\bthe whole of (?:the )?([\w'’-]+)|\b([\w'’-]+) as a whole\b", re.I)
CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def part_for_whole_area(question: str, window: Window, proper: frozenset[str], source: str) -> str:
    """"What share feel safe during the day across the district?" is not answered by "Pellow Green remained the
    lowest at 52%", nor "total ASB incidents across the whole of Harrowmere" by one district's row: a figure asked
    for the whole area is no figure from a line that names a place or a body by a
    word the documents only print as a name (`proper`), and never the area the question or the document (its
    title and publisher: `source`) names, nor says it is area-wide. People (after a title, or before a verb of
    saying) are not where a figure is for."""
    if not WHOLE_AREA_ASKED.search(question) or not HAS_FIGURE.search(window.text) or \
            WIDE_STATED.search(window.text) or AREA_WIDE_STATED.search(window.text):
        return ""
    for wide in WHOLE_OF.finditer(question):  # "across the whole of harrowmere": a line, or its document, names it
        name = wide.group(1) or wide.group(2)
        if name.casefold() in proper and not re.search(rf"\b{re.escape(name)}\b(?!\s+(?:police|constabulary)\b)",
                                                        _said_for(question, window, proper, source), re.I):
            return f"the passage gives a figure for part of {name.title()}, not for the whole of it"
    whole = {word.casefold() for word in re.findall(r"[\w'’-]+", f"{question} {source}")}
    named = []
    for run in CAPITALISED_RUN.finditer(window.text):
        words = [word.casefold() for word in run.group().split()]
        if any(word in whole for word in words if word in proper):
            return ""  # the line names the whole area too
        if any(word in proper for word in words) and not otherkind.named_person(window.text, run):
            named.append(run.group())
    return f"the passage gives a figure for {named[0]} only, not the whole asked about" if named else ""


def of_line(judge, i: int, text: str, label: str, window_terms: frozenset[str]) -> str:
    """Why line i (`text`, under `label`) is about a neighbouring thing, not the one the `judge`'s question asks
    about; empty when it is not. A document about the whole force area (its title names no smaller place) gives
    the force area's figures."""
    index, sentence = judge.index, judge.index.sentences[i]
    before = judge.facts.text(index.sentences[i - 1]) if same_section(index, i - 1, sentence) else ""
    forces, doc = tuple(vocab.FORCES), index.documents[sentence.document]
    scope = "" if any(hit.name not in forces for _, hit in vocab.find_places(vocab.normalise(doc.title))) else \
        f"{doc.title} {doc.publisher}"
    listed = tuple(name for name, _ in judge.siblings if name not in judge.places)  # "Torquen", listed beside others
    window = Window(text, before, label, window_terms)
    return place_in_rows(judge, i, text) or other_initials(judge.question, text, judge.initials, doc.text) or \
        name_unsaid(judge.question, window, proper_words(index), f"{doc.title} {doc.publisher}",
                    index.chunks[sentence.chunk].text) or \
        part_for_whole_area(judge.question, window, proper_words(index), f"{doc.title} {doc.publisher}") or \
        objection(judge.question, judge.places + listed, forces, window, scope,
                  judge.weights)
