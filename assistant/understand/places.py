"""Which Essex areas a question names, and which places it names that no table covers.

Areas come from the vocabulary (districts, aliases, towns answered from their district with a note). A capitalised
name after "in" that is no Essex area, month, person's title or local site ("in Luton") is a place the tables do
not cover, unless the text is headline-style title case, where capitals are no clue. The source misspells
Tendring as "Trending", so the verb ("is crime trending up?") is told apart before anything is read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant import vocab
from assistant.ingest.catalogue import FORCE
from assistant.ingest.table_words import force_name
from assistant.understand.common import unique
from assistant.understand.query import Reason
from assistant.text.dates import MONTHS

# "Trending" is how the source prints Tendring; a preposition before it or a capital mid-sentence makes it the place.
_TRENDING = re.compile(r"\b([Tt]rending)\b")
_PREPOSITIONS = {"in", "for", "at", "from", "and", "or", "vs", "versus", "between", "of", "with", "than",
                 "compare", "including", "across", "to"}
_VERB_NEXT = {"up", "down", "upward", "upwards", "downward", "downwards", "higher", "lower", "well", "badly",
              "better", "worse", "in", "over", "across", "since", "this", "the"}
# "in <Capitalised Words>": a place when it is not one we know, a month, or a part of an Essex town.
_IN_NAME = re.compile(r"\b[Ii]n\s+([A-Z][a-z']+(?:(?:\s+|-)(?:on-|upon-|le-)?[A-Z][a-z']+)*)")
_FUNCTION_WORDS = {"In", "And", "Or", "For", "The", "Of", "To", "At", "On", "With", "By", "From", "Than", "Was",
                   "Were", "Is", "Are", "During", "Compared", "Between", "Vs", "Versus"}
_NOT_PLACE_WORDS = _FUNCTION_WORDS | {m.capitalize() for m in MONTHS} | {
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Councillor", "Chief", "Inspector", "Superintendent", "Sergeant", "Sgt", "Pc",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Year", "Operation", "Op",
    "Prevent", "Appendix", "Table", "Section", "This", "That", "These", "Those", "Total", "Police", "Force",
    "District", "Districts", "Area", "Areas", "Crime", "Crimes", "Which", "What", "Each", "Every", "All", "General",
    "Particular", "Addition", "Terms", "Response", "Relation", "Order", "Rolling"}
_SITE_WORDS = {"park", "street", "road", "avenue", "lane", "green", "gardens", "centre", "center", "college",
               "school", "hospital", "station", "library", "square", "ward", "meadow", "estate", "prison",
               "cathedral", "university", "market", "mall"}

# Words that make an area's name part of a longer place name: a part of it before ("North Falwyn"), a part after
# ("Falwyn Town Centre", "Lisbra Village", "Harlow High Street") or a site after ("Chelmsford College").
_PART_WORDS = "north|south|east|west|central|northern|southern|eastern|western|upper|lower|inner|outer|mid|great|" \
              "little|greater"
# A part of a place named after it ("Falwyn East", "Falwyn District North"): another place within the area.
_AFTER_PARTS = "north|south|east|west|central"
_PARTS = ("town centre", "city centre", "village", "ward", "estate", "high street")
_SITES = "|".join(sorted(_SITE_WORDS | {*_PARTS, "hill", "heath", "island", "quay", "common", "marsh"}, key=len,
                         reverse=True))


class Places(NamedTuple):
    """Areas (in the order named), places with no table, notes, the text with every place blanked, each town
    named with the district it was read as ("Heybridge", "Maldon"), and the words for a council's own area that
    no printed area answers to ("borough" for "the borough" where no table prints a borough)."""

    areas: tuple[str, ...]
    unknown: tuple[str, ...]
    notes: list[str]
    work: str
    towns: tuple[tuple[str, str], ...] = ()
    untied: str = ""
    council_area: str = ""  # the printed area "the borough" was read as


# The key a query's `extra` keeps the printed area "the borough" was read as under: the documents call it "the
# borough", so a passage search must not ask them for the table's name of it.
COUNCIL_AREA = "council_area"


# "Across the borough", "in the district": the area of the council whose papers are read, not the force. Which one
# it is comes from the printed areas: the one whose name has that word ("Tarnley Borough"). "The city centre", "the
# district commander" and "the borough council" name no area.
_COUNCIL_AREA = re.compile(r"\b(?:in|across|for|throughout|within|around) (?:the|this|our) (borough|district|city)\b"
                           r"(?! (?:council|centre|center|commander|councillors?|council's)\b)")


def _council_area(work: str) -> tuple[str, str, str]:
    """(the printed area "the borough" stands for or "", the word said, the text with the phrase blanked)."""
    said = _COUNCIL_AREA.search(work)
    if said is None:
        return "", "", work
    word = said.group(1)
    printed = [area for area in vocab.active().table_areas if word in vocab.normalise(area).split()]
    printed = printed or _local_whole()
    blanked = work[:said.start()] + " " * (said.end() - said.start()) + work[said.end():]
    return (printed[0] if len(printed) == 1 else ""), word, blanked


def _unprinted_force(raw: str) -> str:
    """The police force the tables' title names, when the text names it as a place and the tables cover only a
    place within it (`_local_whole`): its figures are not printed, and the whole area's are no answer for it. The
    force's name opening the organisation's ("Dunmarsh Constabulary's summary") names no place."""
    whole = _local_whole()
    if not whole:
        return ""
    force = force_name(vocab.active().catalogue.latest().id)
    named = re.search(rf"\b{re.escape(force)}\b(?!\s+(?:police|constabulary)\b)", raw, re.IGNORECASE)
    return force if named and force not in vocab.active().table_areas else ""


def _force_beyond(hit, work: str) -> str:
    """The force, when `hit` reads words for a whole force that name none ("county-wide", "across the force") as
    the area the tables cover as a whole and that area is a place within the force (`_local_whole`): the force's
    figures are not printed, and the place's are no answer for it. "" otherwise, and for "the force" or "the
    county" alone, which name the organisation ("has the force applied for ...") or point back as often as they
    name an area, unless with the word after them they are other words for the whole ("the county wide rate")."""
    force_words = vocab.active().compiled("understand.force_words", _force_words)
    if [hit.name] != _local_whole() or hit.alias not in force_words:
        return ""
    if hit.alias.startswith("the "):
        extended = " ".join((hit.alias.removeprefix("the ") + work[hit.end:]).split()[:2])
        if extended not in force_words:
            return ""
    return force_name(vocab.active().catalogue.latest().id)


def _force_words(words) -> frozenset[str]:
    """The data's words for a force as a whole that do not name it ("force wide", "the county", "across the force")."""
    return frozenset(alias for name, area in words.data.areas.items() if area.kind == FORCE
                     for alias in area.aliases if not set(vocab.normalise(name).split()) & set(alias.split()))


def _local_whole() -> list[str]:
    """The area the tables cover as a whole, when it is a place within a force rather than the force itself (a
    summary for "Dunmarsh Constabulary - Kestermoor Policing Area" stands above Kestermoor's parts): the council's
    area "the district" means when no printed area is called a district. A force's own total is never one."""
    catalogue = vocab.active().catalogue
    latest = catalogue.latest() if catalogue is not None else None
    if latest is None or catalogue.owner(latest.force) != latest.force:
        return []
    return [latest.force]


def untied_reason(word: str) -> Reason:
    """Why the tables cannot answer for "the borough" when no area they print is called one."""
    return Reason("place", f"no area the tables print is called a {word}, so which one 'the {word}' means cannot "
                           "be told")


def read_trending(raw: str) -> str:
    """Raw text with 'trending' as a verb read as 'trend', so only Tendring's misspelling stays a place."""
    return _TRENDING.sub(lambda m: m.group() if _trending_is_place(raw, m) else "trend", raw)


def _trending_is_place(raw: str, match: re.Match) -> bool:
    """The source misspells Tendring as 'Trending'; 'is crime trending up?' is the verb."""
    before = re.findall(r"[A-Za-z]+", raw[:match.start()])
    after = re.findall(r"[A-Za-z]+", raw[match.end():])
    previous, following = (before[-1].lower() if before else ""), (after[0].lower() if after else "")
    if previous in _PREPOSITIONS:
        return True
    return match.group()[0] == "T" and bool(before) and following not in _VERB_NEXT


def read_places(raw: str, work: str) -> Places:
    """The places in `work` (normalised text); `raw` keeps the capitals that tell a place name from a word."""
    hits = vocab.find_places(work)
    areas, unknown, notes, weak, towns = [], [], [], [], []
    for kind, hit in hits:
        if kind == "other":
            if _names_a_place(raw, hit.alias):
                unknown.append(hit.name)
        elif (longer := _longer_name(raw, hit.alias)) is not None:
            areas.append(hit.name)  # "North Falwyn": a place within the area, answered like a town (see below)
            towns.append((longer, hit.name))
        elif hit.name in vocab.FORCES and hit.alias.endswith(" police"):
            weak.append(hit.name)  # the organisation ("Kent Police"): the whole force only if no district is named
        elif (force := _force_beyond(hit, work)):
            unknown.append(force)  # "county-wide" where the tables stop at one district of the force
        else:
            areas.append(hit.name)
            if kind == "town":  # the district's figure is context, not an answer for the town (answer.tables)
                towns.append((hit.alias.title(), hit.name))
            elif vocab.note_for(hit.alias, hit.name):
                notes.append(vocab.note_for(hit.alias, hit.name))
    if not areas:
        areas = weak
    if not areas and (force := _unprinted_force(raw)):
        unknown.append(force)  # "across Dunmarsh as a whole" when the tables stop at one of its areas
    known = {hit.alias for _, hit in hits}
    unknown += [name for name in _unknown_after_in(raw) if vocab.normalise(name) not in known]
    work = vocab.blank(work, [hit for _, hit in hits])
    untied = council_area = ""
    if not areas and not unknown:
        council_area, word, work = _council_area(work)
        if council_area:
            areas.append(council_area)
            notes.append(f"'the {word}' read as {council_area}, the one area the tables print as a {word}"
                         if word in vocab.normalise(council_area).split() else
                         f"'the {word}' read as {council_area}, the area the tables cover as a whole")
        untied = "" if council_area else word
    return Places(unique(areas), unique(unknown), notes, work, tuple(dict.fromkeys(towns)), untied,
                  council_area if not untied else "")


def _longer_name(raw: str, alias: str) -> str | None:
    """"North Falwyn", "Falwyn East", "Falwyn Town Centre", "Chelmsford College": an area's name with a part-of-place
    word before or after it, or a site word after it, names another place within the area. Like a town, its question is answered
    from the area's table only as context said to be that (`answer.tables`), and the documents are asked first
    with the area as where to look (a question about "the Chelmsford College week of action" is about
    Chelmsford's documents). That name as written, or None when the area is named on its own anywhere in the
    text. A name the vocabulary lists whole ("west mersea", "south woodham ferrers") never gets here: the longest
    alias wins."""
    words = r"[\s-]+".join(re.escape(word) for word in alias.split())
    pattern = (rf"(?i:\b((?:(?:{_PART_WORDS})[\s-]+){{1,2}})?({words})\b"
               rf"(?:[\s-]+((?:[A-Za-z']+[\s-]+)?(?:{_SITES})|{_AFTER_PARTS})\b)?)")
    longer = None
    for match in re.finditer(pattern, raw):
        if not (match.group(1) or match.group(3)):
            return None
        longer = longer or " ".join(word[:1].upper() + word[1:] for word in match.group().replace("-", " ").split())
    return longer


def _names_a_place(raw: str, alias: str) -> bool:
    """'UK Shared Prosperity Fund' names a fund, not the UK: a following capitalised word makes it a name."""
    if _title_case(raw):
        return True
    pattern = r"(?i:\b" + r"[\s-]+".join(re.escape(word) for word in alias.split()) + r"\b)(\s+[A-Z][a-z]+)?"
    for match in re.finditer(pattern, raw):
        following = (match.group(1) or "").strip()
        if not following or following in _FUNCTION_WORDS or following in ("Police", "Constabulary"):
            return True
    return False


def _unknown_after_in(raw: str) -> list[str]:
    """'in Luton': a capitalised name after 'in' that is no Essex area, month or local site is a place
    the tables do not cover."""
    if _title_case(raw):
        return []
    found = []
    for match in _IN_NAME.finditer(raw):
        name = match.group(1).removesuffix("'s")
        words = name.replace("-", " ").split()
        norm, _ = vocab.correct_spelling(vocab.normalise(name))
        if words[0] in _NOT_PLACE_WORDS or not norm or norm.split()[-1].removesuffix("s") in _SITE_WORDS:
            continue
        if vocab.find_places(norm) or vocab.find_crime_types(norm):
            continue
        found.append(name)
    return found


def _title_case(raw: str) -> bool:
    """Headline-style text ('How Many Burglaries In Luton') makes capitals useless as a clue."""
    words = re.findall(r"[A-Za-z]+", raw)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6
