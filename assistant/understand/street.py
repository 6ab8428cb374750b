"""Read a question about police.uk street-level data: months, crime types, an area, an outcome, what is asked.

The performance tables print rolling years, so their period reader (`periods`) knows only those; street data
is monthly, so this reader turns words into calendar months ("March 2017", "2016", "the first half of 2017",
"January to June 2017", "Q1 2017"), and a second period after "compared with" (or "from ... to") into the base
of a change. Everything it matches against comes from the street catalogue (crime types, outcome categories,
local authorities, LSOAs, the force, the downloads) and from `street_crime_words.toml`; nothing is named here.
A question for the outcomes or stop-and-search files (`understand.events`) keeps the same months, download
and follow-up slots, with its labels in `event`. Months are read by `understand.months`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.ingest.events import CRIME_TYPE
from assistant.ingest.readers.policeuk import OUTCOMES
from assistant.text.dates import MONTHS, month_number
from assistant.text.normalise import normalise
from assistant.understand import events
from assistant.understand.common import PhraseMatcher
from assistant.understand.events import EventSlots
from assistant.text.periods import MONTH, YEAR_WORDS
from assistant.understand.months import months_in
from assistant.vocab.street_words import StreetWords

if TYPE_CHECKING:  # read from the index when it holds police.uk rows; a question's words need no frame
    from assistant.ingest.street import StreetCatalogue

COUNT, COMPARE, RANK_TYPES, RANK_PLACES, NO_LOCATION = "count", "compare", "rank types", "rank places", "no location"

_BASE_WORDS = re.compile(r"\b(?:compared (?:with|to)|compare|versus|vs|than|against|on the same)\b")
_CHANGE_WORDS = re.compile(r"\b(?:ris\w*|rose|fell|fall\w*|increas\w*|decreas\w*|chang\w*|up|down|grew|"
                           r"went up|went down|drop\w*|more or fewer)\b")
_MOST = re.compile(r"\b(?:most|biggest|largest|highest|greatest|top|least|fewest|lowest|smallest)\b")
_FELL = re.compile(r"\b(?:fell|fall\w*|decreas\w*|drop\w*|down)\b")
_TYPE_WORD = re.compile(r"\b(?:crime types?|types? of crime|categor(?:y|ies)|kinds? of crime|offence types?)\b")
_PLACE_WORD = re.compile(r"\b(?:lsoas?|neighbourhoods?|boroughs?|areas?|local authorit(?:y|ies)|districts?)\b")
_LSOA_WORD = re.compile(r"\b(?:lsoas?|neighbourhoods?)\b")
_NO_LOCATION = re.compile(r"\b(?:no|without an?|missing) (?:location|lsoa|place|area)s?\b|\bnot located\b")
_FORCE_WORDS = re.compile(r"\b(?:force ?wide|the (?:whole )?force|all areas)\b")
_DOWNLOAD = re.compile(rf"\b(?:the )?(?:(earlier|older|first|previous|later|newer|latest|newest|second)|"
                       rf"({MONTH}) ({YEAR_WORDS})) "
                       r"(?:download|edition)\b")
_INCLUDING = re.compile(r"\b(?:including|with|and) (?:incidents|anti social behaviour|asb)\b")
_COUNTED = re.compile(r"\b(?:how many|number of|count of|total)\b.*\b(?:crimes?|incidents?|offences?)\b")
# "<word> crimes" with a word no type, outcome or place explained: a kind of crime police.uk does not publish.
_NAMED_KIND = re.compile(r"\b([a-z]+) (?:crimes?|offences?|thefts?|incidents?)\b")
_PLAIN = frozenset("many of the all any total recorded reported street level these those and or number were was "
                   "are is had have with in by for did which what most more fewer police uk common commonest "
                   "frequent main top biggest overall such their its of type types kind kinds new".split())
_GENERIC = frozenset({"crime", "crimes", "offence", "offences", "incident", "incidents"})
_PLACE = re.compile(r"\b(?:in|at|for|around|near|across)\s+(?:the\s+)?"
                    r"([A-Z][\w'-]+(?:\s+(?:of|upon|on|and|the|[A-Z][\w'-]+))*(?:\s+[A-Z][\w'-]+)?)")
_MONTH_NAMES = frozenset(m.lower() for m in MONTHS) | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_PERIOD_WORD = re.compile(r"[qh][1-4]")  # "in Q1 2017": a quarter or half, not a place
_FOLLOWUP = re.compile(r"^(?:and|what about|how about|same|now|then|ok|okay)\b")


@dataclass(frozen=True)
class StreetAsk:
    """The slots of a street-level question; empty ones are defaults or come from the previous turn."""

    text: str
    months: tuple[str, ...] = ()  # "YYYY-MM" asked; empty: not said
    base: tuple[str, ...] = ()  # the months a change is measured from
    crime_types: tuple[str, ...] = ()
    all_types: bool = False  # crimes and incidents together ("including anti-social behaviour")
    area: str | None = None  # a local authority or an LSOA name; None: the whole force
    lsoa: bool = False  # `area` is an LSOA name
    outcome: str | None = None
    intent: str = COUNT
    falling: bool = False  # a ranking by change asks which fell most
    edition: str | None = None  # a download named by the question
    edition_hint: str = ""  # "earlier" / "later" when named so
    is_followup: bool = False
    unknown_type: str = ""  # "knife crime": a kind of crime named that police.uk has no type for
    unknown_place: str = ""  # "in Manchester": a place named that no street row lies in
    event: EventSlots | None = None  # a question for the outcomes or stop-and-search files, not the street rows
    signal: bool = False  # names something only the street data holds (an area, an LSOA, a held month)
    weak_signal: bool = False  # names a street crime type, an outcome, or asks to count crimes or incidents

    def with_(self, **changes) -> "StreetAsk":
        return replace(self, **changes)


def street_matchers(catalogue: StreetCatalogue, words: StreetWords) -> tuple[PhraseMatcher, ...]:
    """Outcome, crime-type, LSOA and area matchers for one catalogue: built once by whoever holds the catalogue
    (`answer.street.StreetAnswers`), since compiling thousands of LSOA names per question would be slow."""
    return (PhraseMatcher({o: _forms(o, words.outcomes.get(o, ())) for o in catalogue.outcomes}),
            PhraseMatcher({t: _forms(t, words.crime_types.get(t, ())) for t in catalogue.crime_types}),
            PhraseMatcher({name: (normalise(name),) for name in catalogue.lsoas}),
            PhraseMatcher({name: (normalise(name),) for name in catalogue.areas}))


def _forms(label: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A printed label as people write it: itself, its plural, and the data file's everyday words."""
    return tuple(dict.fromkeys(form for phrase in (normalise(label), *aliases) for form in (phrase, _plural(phrase))))


def _plural(phrase: str) -> str:
    if phrase.endswith("s"):
        return phrase
    return phrase[:-1] + "ies" if phrase.endswith("y") and phrase[-2:-1] not in "aeiou" else phrase + "s"


def _part_of_type(text: str, crime_types: tuple[str, ...]) -> str:
    """A word left in the question that heads several crime types' labels ("thefts": Bicycle theft, Other
    theft, ...): the question names a kind of crime too broad for one type, so no type may be assumed."""
    heads: dict[str, list[str]] = {}
    for label in crime_types:
        words = normalise(label).split()
        if len(words) > 1 and words[-1] not in _GENERIC:
            heads.setdefault(words[-1], []).append(label)
    for word in text.split():
        singular = word[:-1] if word.endswith("s") and word[:-1] in heads else word
        if len(heads.get(singular, ())) > 1:
            return word
    return ""


def _unknown_place(question: str, catalogue: StreetCatalogue) -> str:
    """A capitalised name after "in", "at", "for" ("in Manchester") that is none of the places the files hold
    (areas, LSOAs, the force), nor a month, crime type or outcome: a place asked about that no row lies in,
    to be refused, never answered with the force's figures."""
    places = [normalise(name) for name in (*catalogue.areas, catalogue.force) if name]
    labels = [normalise(name) for name in (*catalogue.crime_types, *catalogue.outcomes)]
    for match in _PLACE.finditer(question):
        name = normalise(match.group(1))
        first = name.split()[0] if name else ""
        if not first or first in _MONTH_NAMES or _PERIOD_WORD.fullmatch(first) or \
                any(label.startswith(first) for label in labels):
            continue
        if not any(name.startswith(place) or place.startswith(name + " ") for place in places):
            return match.group(1)
    return ""


def parse(question: str, catalogue: StreetCatalogue, words: StreetWords, context: StreetAsk | None = None,
          matchers: tuple[PhraseMatcher, ...] | None = None) -> StreetAsk:
    """What a question asks of the street data (see `StreetAsk`); `context` is the previous street turn and
    `matchers` the catalogue's `street_matchers`, built here when the caller keeps none."""
    text = normalise(question)
    edition, hint = None, ""
    download = _DOWNLOAD.search(text)
    if download:
        hint = download.group(1) or ""
        if download.group(2):
            stamp = f"{download.group(3)}-{month_number(download.group(2)):02d}"
            edition = next((e.name for e in catalogue.editions if stamp in e.name), download.group().strip())
        text = text[:download.start()] + " " * len(download.group()) + text[download.end():]
    whole_force = bool(_FORCE_WORDS.search(text)) or (catalogue.force and normalise(catalogue.force) in text)
    if catalogue.force:
        text = text.replace(normalise(catalogue.force), " " * len(normalise(catalogue.force)))
    slots = None
    if catalogue.events:  # labels first: a printed label may hold a year ("... Act 1984 (section 1)")
        carried = context.event.kind if context is not None and context.event is not None else ""
        slots, text = events.read(text, catalogue.events, words, catalogue.outcomes, carried)
    periods, text = months_in(text)
    by_outcome, by_type, by_lsoa, by_area = matchers or street_matchers(catalogue, words)
    if slots is not None:
        return _event_ask(question, slots, text, periods, (edition, hint), catalogue, (by_type, by_lsoa, by_area),
                          context)
    outcomes, text = by_outcome.take(text)
    types, text = by_type.take(text)
    lsoas, text = by_lsoa.take(text)
    areas, text = by_area.take(text)
    area = lsoas[0] if lsoas else areas[0] if areas else None
    unknown = next((m.group() for m in _NAMED_KIND.finditer(text) if m.group(1) not in _PLAIN), "") or \
        _part_of_type(text, catalogue.crime_types)

    months, base, compare = _months_and_base(periods, text)
    intent = COUNT
    ranking = bool(_MOST.search(text)) and text.lstrip().startswith(("which", "what"))
    if _NO_LOCATION.search(text):
        intent = NO_LOCATION
    elif ranking and _TYPE_WORD.search(text):
        intent = RANK_TYPES
    elif ranking and _PLACE_WORD.search(text):
        intent = RANK_PLACES
    elif base or (compare and months):
        intent = COMPARE
    if intent in (RANK_TYPES, COMPARE) and (_CHANGE_WORDS.search(text) or base) and months and not base:
        base = tuple(f"{int(m[:4]) - 1}{m[4:]}" for m in months)  # a change with one period: a year before
    held = {m for e in catalogue.editions for m in e.months}
    ask = StreetAsk(
        text=question, months=months, base=base if intent in (COMPARE, RANK_TYPES) else (),
        crime_types=tuple(types), unknown_type=unknown if not types else "",
        unknown_place="" if area or whole_force else _unknown_place(question, catalogue),
        all_types=bool(_INCLUDING.search(normalise(question))) and not types,
        area=None if whole_force else area, lsoa=bool(lsoas) and not whole_force, outcome=outcomes[0] if outcomes
        else None, intent=intent, falling=bool(_FELL.search(text)), edition=edition, edition_hint=hint,
        signal=bool(area or lsoas or whole_force or download or any(set(p) & held for _, p in periods)),
        weak_signal=bool(types or outcomes or intent != COUNT or _COUNTED.search(text)))
    if intent == RANK_PLACES:
        ask = ask.with_(lsoa=bool(_LSOA_WORD.search(text)), area=None)
    if context is not None:
        ask = inherit(ask, context, text)
    return ask


def _months_and_base(periods, text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The months asked, the months a change is measured from (the other period named), and whether the
    question says "compared with"."""
    months, base = (periods[0][1] if periods else ()), ()
    compare = bool(_BASE_WORDS.search(text))
    if len(periods) >= 2:
        first, second = periods[0][1], periods[1][1]
        months, base = (first, second) if compare else (second, first)
        if len(base) == 12 and len(months) < 12 and len({m[:4] for m in base}) == 1:
            base = tuple(f"{base[0][:4]}{m[4:]}" for m in months)  # "H1 2017 compared with 2016": same months
    return months, base, compare


def _event_ask(question: str, slots: EventSlots, text: str, periods, download: tuple[str | None, str],
               catalogue: StreetCatalogue, matchers: tuple[PhraseMatcher, ...], context: StreetAsk | None) -> StreetAsk:
    """A question for an outcomes or stop-and-search file: its months, download and labels. An outcome's crime
    type is read with the street files' words too ("burglaries"), and stands first: the base of a share. A
    place the kind's files cannot be counted by (stop-and-search rows carry no area) is kept as unknown, so
    the answer refuses it rather than giving the force's figure as the place's."""
    by_type, by_lsoa, by_area = matchers
    lsoas, text = by_lsoa.take(text)
    areas, text = by_area.take(text)
    places = [*lsoas, *areas]
    unknown = places[0] if places else "" if _FORCE_WORDS.search(text) else _unknown_place(question, catalogue)
    if slots.kind == OUTCOMES:
        types, text = by_type.take(text)
        if types:
            where = dict(slots.where)
            crime = tuple(dict.fromkeys((*types, *where.pop(CRIME_TYPE, ()))))
            slots = replace(slots, where=((CRIME_TYPE, crime), *where.items()))
    held = {m for e in catalogue.events[slots.kind].editions for m in e.months}
    edition, hint = download
    months, base, _ = _months_and_base(periods, text)
    ask = StreetAsk(text=question, months=months, base=base, intent=COMPARE if base else COUNT, edition=edition,
                    edition_hint=hint, event=slots, weak_signal=True, unknown_place=unknown,
                    signal=slots.named or any(set(p) & held for _, p in periods) or bool(edition or hint))
    return inherit(ask, context, text) if context is not None else ask


def inherit(ask: StreetAsk, context: StreetAsk, text: str) -> StreetAsk:
    """A follow-up ("And in April 2017?", "What about shoplifting?") keeps the slots it leaves out."""
    followup = bool(_FOLLOWUP.match(text.strip())) or (len(text.split()) <= 6 and not _COUNTED.search(text)
                                                       and not text.lstrip().startswith(("which", "what")))
    if not followup:
        return ask
    changes = {"is_followup": True, "signal": True}
    if not ask.months:
        changes.update(months=context.months, base=context.base)
    if not ask.crime_types and not ask.all_types:
        changes.update(crime_types=context.crime_types, all_types=context.all_types)
    if ask.area is None and not _FORCE_WORDS.search(text):
        changes.update(area=context.area, lsoa=context.lsoa)
    if ask.outcome is None:
        changes["outcome"] = context.outcome
    if ask.intent == COUNT and context.intent != COUNT:
        changes["intent"] = context.intent
        if ask.months and not ask.base:  # "And in 2017?" after a change: the same comparison, a year before
            changes["base"] = tuple(f"{int(m[:4]) - 1}{m[4:]}" for m in ask.months)
    if ask.edition is None and not ask.edition_hint:
        changes.update(edition=context.edition, edition_hint=context.edition_hint)
    if context.event is not None and ask.event is None and not (ask.crime_types or ask.area or ask.outcome):
        changes["event"] = context.event
    elif context.event is not None and ask.event is not None and ask.event.kind == context.event.kind:
        where = dict(context.event.where) | dict(ask.event.where)  # "And for stolen goods?": that label instead
        changes["event"] = replace(ask.event, where=tuple(where.items()), by=ask.event.by or context.event.by,
                                   share=ask.event.share or context.event.share)
    return ask.with_(**changes)
