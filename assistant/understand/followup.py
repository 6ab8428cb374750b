"""Follow-ups: does a turn lean on the previous one ("and in Harlow?", "what about the solved rate?"), and what
it keeps from it.

A follow-up inherits the area, crime type, measure, period and ranking it leaves out, and says what was kept in
a note; "what about Saxby Market?" after a question about a place asks it of that place, though no table knows
it. A period it names replaces the previous turn's period and drops its period reasons (`Reason.is_period`);
other reasons carry over. An area the tables only assumed (none was named) is not kept: the summary that answers
the follow-up assumes its own whole area. "What was the rate?" after solved outcomes is the solved rate, and "how
many offences?" after a ranking of robberies counts robberies.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant import vocab
from assistant.text.dates import MONTH_WORDS
from assistant.understand.common import unique
from assistant.understand.periods import read_editions, year_before
from assistant.understand.query import SOLVED, SOLVED_RATE, Query

_COMPARE = re.compile(r"\bcompar\w*|\bversus\b|\bvs\b|\bagainst\b|\bdifference between\b|\bdiffer\b|\bthan\b")
_FOLLOW_OPENER = re.compile(
    r"^(?:and|but|also|plus|so|ok|okay|now|then|what about|how about|same for|same (?:question|thing)|"
    r"what of|how does (?:that|this|it) compare|how do (?:they|those|these) compare|compared? (?:with|to)|"
    r"versus|vs|in (?:19|20)\d\d|for (?:19|20)\d\d)\b")
_PRONOUN = re.compile(r"\b(?:that|it|there|those|them|this one|same)$|\bin there\b|\bthe same\b|"
                      r"\b(?:did|does|has|is|was|why) (?:it|that|this|they)\b")

# "Which of the two is higher?", "compare the two", "both together", "which is higher?": the last two answers, side
# by side.
_THE_TWO = re.compile(r"\b(?:the two|both|which of them|either of them|compare them|compare those)\b|"
                      # "which is higher?", "which one rose more?": a bare "which" weighing what the last two gave
                      r"^\W*(?:so\s+|and\s+)?which(?: one)?(?: (?:is|was|has|had|saw|recorded|rose|fell|grew|increased|"
                      r"decreased|went up|went down))?(?: (?:the|by))? (?:higher|lower|more|less|bigger|smaller|larger|"
                      r"greater|fewer|worse|better|most|least)\b", re.I)
# The slots of the turn before the last (areas, unknown places, crime types), kept for "which of the two".
BEFORE = "slots_before"
# Set on a table answer's context when the area it answered for was the whole area the tables assumed, no area
# being named: a follow-up leaves it unnamed again, so that the summary that answers it (another edition, which may
# call its whole area by another name) assumes its own whole area rather than one another summary prints.
AREA_ASSUMED = "area_assumed"
# The words the conversation named its crime types by ("bicycle thefts" for Theft of Pedal Cycles), for a passage
# follow-up that points at them ("what did the board say about that?").
CRIME_WORDS = "crime_words"

# "What about Saxby Market?", "and Holtbridge?" after a question about a place: a bare name after the opener is
# the place asked about next, though no "in" says so and no table knows it. A name with a word for a thing or a
# body in it ("Operation Tidewater", "Vale Courier") names no place.
# Capitalised words with a small letter: "ASB" or "PSPOs" are initials of a thing, not a place.
_BARE_NAME = re.compile(r"^\s*(?i:(?:and|but|so|ok|okay)\b,?\s*(?:(?:what|how) about\s+)?|(?:what|how) about\s+)?"
                        r"([A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z][a-z][\w'’-]*|&|and|on|upon|le|by))*)\s*\??\s*$")
_THING_WORDS = frozenset("""operation project programme scheme plan strategy report board partnership police council
constabulary commissioner committee panel courier standard echo times news gazette pspo order fund team unit group
network forum service trust monday tuesday wednesday thursday friday saturday sunday christmas easter spring summer
autumn winter""".split()) | frozenset(MONTH_WORDS)  # "and January?" asks another time, not another place


def bare_name(text: str) -> str:
    """The name a turn that is only a name, after any opener, asks about ("what about Saxby Market?", "and
    Wenlow?"), when no word of it names a thing or a body; "" for any other turn."""
    match = _BARE_NAME.match(text)
    if match is None or re.fullmatch(r"(?i)and|but|so|ok|okay", match.group(1)):
        return ""
    name = match.group(1)
    return "" if {w.casefold().strip("'’") for w in name.split()} & _THING_WORDS else name


def _bare_place(read: Reading, context: Query) -> str:
    """The name "what about Saxby Market?" asks about in place of the last turn's place, or ""."""
    query = read.query
    if not read.opener or not (context.areas or context.unknown_places) or query.areas or query.unknown_places \
            or query.crime_types or read.period_stated or read.measure_stated:
        return ""
    return bare_name(query.text)


# The cue a turn's "say" leaves ("what did the March edition say?"): after a table question it asks the same again.
SAYING_CUES = frozenset({"said"})

# The follow-up words whose vocabulary is table-question vocabulary (see `words`).
WORD_PATTERNS = (_COMPARE, _FOLLOW_OPENER, _PRONOUN)


class Reading(NamedTuple):
    """One question read on its own, plus what a follow-up decision needs to know about its wording."""

    query: Query
    measure_stated: bool
    non_table: bool
    opener: bool
    pronoun: bool
    compares: bool
    period_stated: bool
    recognised: bool
    unused: str = ""  # the question with places and crime types blanked, for qualifiers a follow-up narrows


def opens_followup(norm: str) -> bool:
    """'And ...', 'what about ...', 'in 2023 ...': an opening that leans on the last turn."""
    return bool(_FOLLOW_OPENER.match(norm))


def points_back(norm: str) -> bool:
    """'... that', 'in there', 'did it ...': a word pointing at the last turn."""
    return bool(_PRONOUN.search(norm))


def compares(norm: str) -> bool:
    """'Compared with', 'versus', 'than': the new area or crime type joins the last turn's. A printed label's own
    words ("Violence Against the Person") compare nothing."""
    return bool(_COMPARE.search(vocab.blank(norm, vocab.find_crime_types(norm))))


# "what portfolio does she hold?", "and what did he promise?": a word for a person, whom no table row is about.
_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.I)


# "What was the rate?", "as a rate?": a bare rate, with no word for a rate per head and no crime type of its own.
_BARE_RATE = re.compile(r"\brates?\b")
_PER_HEAD = re.compile(r"\bper\b|\bhead\b|\bcapita\b|\bpopulation\b|\bresidents?\b|\bpeople\b")


def solved_rate_meant(read: Reading, context: Query) -> bool:
    """Does the turn ask "what was the rate?" of a table answer about solved outcomes or a solved rate? The rate
    that answer was about is the solved rate; read alone, a bare "rate" is one per head, which no table prints."""
    query = read.query
    return context.measure in (SOLVED, SOLVED_RATE) and not read.measure_stated and not query.crime_types and \
        bool(_BARE_RATE.search(query.text.casefold())) and not _PER_HEAD.search(query.text.casefold())


def is_followup(read: Reading, context: Query) -> bool:
    """Does this turn lean on the last one? 'And in Harlow?', 'what about the solved rate?', 'in 2023?'. A turn
    asking after a person ("and what portfolio does she hold?") that names no slot of its own and points at no
    topic ("... about it?") is no table follow-up, whatever it opens with: the tables count offences, and keeping
    the last turn's slots would answer it with a figure."""
    query = read.query
    if not (context.areas or context.crime_types or context.measure or context.unknown_places):
        return False
    if _PERSON.search(query.text) and not read.pronoun and not (
            query.areas or query.unknown_places or query.crime_types or read.measure_stated or read.period_stated):
        return False
    if read.opener or _the_two(read, context) or solved_rate_meant(read, context):
        return True
    if (query.areas or query.unknown_places) and query.crime_types:
        return False  # a full new question
    if read.non_table and not read.pronoun:
        return False  # a question about something the tables do not hold
    return read.recognised or read.pronoun or bool(_narrowed(read, context))


def _narrowed(read: Reading, context: Query) -> list:
    """'And possession?' after drug trafficking: a qualifier read among the last turn's rows, their children
    and their siblings (the children of their parents)."""
    if read.query.crime_types or not context.crime_types:
        return []
    named = (*context.crime_types, *filter(None, (vocab.PARENT.get(t) for t in context.crime_types)))
    found = vocab.find_subtypes(read.unused, unique(named))
    return [hit for hit in found if hit.name not in context.crime_types]


def _the_two(read: Reading, context: Query) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """"Which of the two is higher?" after "… in Colchester?" and "and in Harlow?": (areas, unknown places, crime
    types) of the last two turns together, when the turn names none of its own and the two differ in one slot."""
    before = context.extra.get(BEFORE)
    query = read.query
    if not before or not _THE_TWO.search(query.text) or query.areas or query.unknown_places or query.crime_types \
            or read.period_stated:  # "and both years?" asks for two periods, not two places
        return None
    areas, unknown, crime_types = before
    if crime_types == context.crime_types and (areas, unknown) != (context.areas, context.unknown_places):
        return unique(areas + context.areas), unique(unknown + context.unknown_places), crime_types
    if (areas, unknown) == (context.areas, context.unknown_places) and crime_types != context.crime_types:
        return areas, unknown, unique(crime_types + context.crime_types)
    return None


def inherit(read: Reading, context: Query) -> Query:
    """Fill what the follow-up left out from the previous turn, and say what was kept. "Which of the two …?"
    takes the places or crime types of the last two turns."""
    query, kept = read.query, []
    ranked_over_areas = query.rank is not None and query.extra.get("rank_over") == "areas"
    areas, unknown = query.areas, query.unknown_places
    two = _the_two(read, context)
    bare = _bare_place(read, context)
    if bare:  # "what about Saxby Market?": that place, not the last turn's
        unknown = (bare,)
    elif two is not None:
        areas, unknown = two[0], two[1]
        query = query.with_(crime_types=two[2])
        what, named = ("places", two[0] + two[1]) if len(two[0] + two[1]) > 1 else ("crime types", two[2])
        kept.append(f"the {what} of the last two questions ({' and '.join(named)})")
    elif not areas and not unknown and not ranked_over_areas and (context.areas or context.unknown_places):
        if not context.extra.get(AREA_ASSUMED):  # an area only assumed is assumed afresh
            areas, unknown = context.areas, context.unknown_places
            kept.append(f"the area ({', '.join(areas + unknown)})")
    elif read.compares and areas and context.areas and not ranked_over_areas:
        areas = unique(context.areas + areas)
    crime_types, share_of = query.crime_types, query.share_of
    narrowed = _narrowed(read, context)
    if narrowed:
        crime_types = unique(hit.name for hit in narrowed)
        whole = context.share_of
        share_of = whole if whole and all(whole in vocab.ancestors(name) for name in crime_types) else None
        query = query.with_(notes=query.notes + tuple(f"'{hit.alias}' read as {hit.name}" for hit in narrowed))
    elif context.crime_types and not query.extra.get("every_type") and (
            not crime_types or (read.pronoun or _counts_only(read)) and context.crime_types != crime_types and
            _only_generic(query)):
        # "How many offences was that?" after robberies: a bare 'offences' pointing back names no new crime type, nor
        # does "how many offences?" after the area with the most robberies: it asks the count the ranking was by
        crime_types, share_of = context.crime_types, context.share_of
        query = query.with_(notes=tuple(n for n in query.notes if not _generic_note(n)))
        kept.append(f"the crime type ({', '.join(crime_types)})")
    elif read.compares and crime_types and context.crime_types and not query.share_of:
        crime_types = unique(context.crime_types + crime_types)
    measure = query.measure
    if solved_rate_meant(read, context):  # "what was the rate?" after solved outcomes: no rate per head
        measure = SOLVED_RATE
        query = query.with_(notes=tuple(n for n in query.notes if not n.startswith("'rate")))
    elif not read.measure_stated and context.measure:
        measure = context.measure
        kept.append(f"the measure ({measure})")
    periods, change = query.periods, query.change
    out_of_scope = query.out_of_scope
    if not read.period_stated:
        periods = context.periods
        # A ranking that names what it ranks ("which district has the most burglaries?", "... the best solved
        # rate?") asks what it says, not the last turn's change; "and in Harlow?", "and the smallest?" keep it.
        own_ranking = query.rank is not None and bool(query.crime_types or read.measure_stated)
        change = change or (context.change and not own_ranking)
        out_of_scope += context.out_of_scope
        if periods:
            kept.append(f"the period ({' and '.join(periods)})")
    else:
        out_of_scope += tuple(r for r in context.out_of_scope if not r.is_period)
        before = _year_before_context(query, context)
        if before is not None:
            said = next((note for note in query.notes if note.endswith(f" read as the {periods[0]}")), None)
            periods = (before,)
            query = query.with_(notes=tuple(n for n in query.notes if n != said)
                                + ((said.rsplit(" read as ", 1)[0] + f" read as the {before}",) if said else ()))
    rank, extra = query.rank, query.extra
    over = context.rank.over if context.rank is not None else ""
    if rank is None and (over == "areas" and not query.areas or over == "crime types" and not query.crime_types):
        rank, extra = context.rank, {**context.extra, "rank_over": over}
    carried = f"{', '.join(kept[:-1])} and {kept[-1]}" if len(kept) > 1 else "".join(kept)
    notes = query.notes + ((f"{carried} kept from the previous question",) if kept else ())
    # What points at the documents is kept together: this turn's cues or outside topic, else the last turn's; a
    # turn naming its own crime type ("which district had the most shoplifting?") asks the tables afresh.
    own_crime = read.query.crime_types and not _only_generic(read.query)
    pointer = query if query.passage_cues or query.outside_topic or own_crime else context
    if pointer is query and set(query.passage_cues) <= SAYING_CUES and not (own_crime or query.outside_topic) and \
            not (context.passage_cues or context.outside_topic) and context.crime_types and \
            any(edition is not None for _, _, edition, _ in read_editions(query.text)):
        # "what did the March edition say?" after a table question: what that summary of the tables says of the
        # same row, not a passage that says something
        pointer = context
    extra = {**{k: v for k, v in extra.items() if k != AREA_ASSUMED},
             BEFORE: (context.areas, context.unknown_places, context.crime_types)}
    if crime_types == context.crime_types:
        said = [hit.alias for hit in vocab.find_crime_types(vocab.normalise(context.text))
                if hit.name in crime_types and hit.alias not in vocab.GENERIC_CRIME_WORDS]
        extra[CRIME_WORDS] = tuple(dict.fromkeys(said)) or context.extra.get(CRIME_WORDS, ())
    return query.with_(areas=areas, unknown_places=unknown, crime_types=crime_types, share_of=share_of,
                       measure=measure, periods=periods, change=change, rank=rank, extra=extra, notes=notes,
                       out_of_scope=unique(out_of_scope),
                       passage_cues=pointer.passage_cues,
                       outside_topic=pointer.outside_topic, is_followup=True)


# The words of a turn that asks only for a count ("how many offences?", "and what number of crimes were recorded?"),
# once its crime words are blanked.
_COUNT_WORDS = frozenset("and so ok okay how many what is was were the number of recorded".split())


def _counts_only(read: Reading) -> bool:
    """Is the turn only a count of a bare crime word ("how many offences?")? It names no crime type of its own."""
    words = re.findall(r"[a-z]+", read.unused.casefold())
    return bool(words) and set(words) <= _COUNT_WORDS and bool({"many", "number"} & set(words))


def _only_generic(query: Query) -> bool:
    """Were this turn's crime types read only from bare words such as 'crime' or 'offences'?"""
    hits = vocab.find_crime_types(vocab.normalise(query.text))
    return bool(hits) and all(hit.alias in vocab.GENERIC_CRIME_WORDS for hit in hits)


def _generic_note(note: str) -> bool:
    """The note a bare crime word leaves ("'offences' read as All Crime ..."), dropped when the word is not read so."""
    return any(note.startswith(f"'{word}' read as ") for word in vocab.GENERIC_CRIME_WORDS)


def _year_before_context(query: Query, context: Query) -> str | None:
    """"And the year before?" after a question about the 12 months to October 2024 is the 12 months to October
    2023 (the same summary), not the year before the newest summary."""
    kinds = query.extra.get("period_kinds", ())
    if kinds != ("previous",) or not context.periods:
        return None
    return year_before(context.periods[-1])
