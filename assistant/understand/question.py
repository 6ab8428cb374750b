"""Question -> `Query`: the flow that reads one question, fills a follow-up from the last turn, and names the intent.

Rules, not a model: each reading is a regular expression or a vocabulary look-up, so a wrong reading can be
found and fixed, and every vague word that was read one way gets a note the user sees. Order matters: a step
blanks the words it used, so "violent crime" is not also "crime", and "domestic abuse related" is the % DA
measure rather than the Domestic Abuse crime type. The readers live beside this module: `cues` (scope and
document cues), `places`, `periods`, `measures`, `ranking`, `words` (topics no table holds) and `followup`.
"""

from __future__ import annotations

import re
import unicodedata

from assistant import vocab
from assistant.config import MAX_QUESTION_CHARS
from assistant.understand import counted, cues, followup, measures, ranking
from assistant.understand.common import unique
from assistant.understand.followup import Reading
from assistant.understand.periods import period_phrases, read_periods, unanchored
from assistant.understand.places import COUNCIL_AREA, read_places, read_trending, untied_reason
from assistant.understand.query import OFFENCES, PER_HEAD, Query
from assistant.understand.words import (counts_something_else, crime_word, names_no_thing, unexplained, unheld_kind,
                                       unprinted_kind)


def parse(text: str, context: Query | None = None) -> Query:
    """Read one question; with `context` (the previous turn's query) fill what a follow-up leaves out.

    Pure and fast (well under 2 ms): no I/O, precompiled patterns. Any text gives a Query, never an error.
    """
    read = _read(text if isinstance(text, str) else "")
    query = read.query
    if context is not None and followup.is_followup(read, context):
        query = followup.inherit(read, context)
    elif unpointed := unanchored(vocab.normalise(query.text), query.extra.get("period_kinds", ())):
        query = query.with_(out_of_scope=(*query.out_of_scope, unpointed))
    return _finish(query, read)


def _read(text: str) -> Reading:
    """Every slot one question fills by itself. Each step blanks the words it used before the next one looks."""
    raw = _prepare(text[:MAX_QUESTION_CHARS])
    norm, fixes = vocab.correct_spelling(vocab.normalise(raw))
    notes = [f"'{typed}' read as '{meant}'" for typed, meant in fixes]
    source_cues, topic_cues = cues.source_cues(norm), cues.topic_cues(norm)
    work = cues.blank_organisations(norm)

    measure, work = measures.read_da_measure(work)
    places = read_places(raw, work)
    areas, unknown, work = places.areas, places.unknown, places.work
    notes += places.notes
    placeless = " ".join(work.split())  # "share of Castle Point's crime" is a share of all crime
    crimes = vocab.find_crime_types(work)
    # "Wildlife crimes", "domestic abuse offences" where no table prints that row: all crime is not it
    unheld = unheld_kind(work, crimes, raw) or unprinted_kind(work, vocab.normalise(raw))
    # "How many burglary gangs", "how many people were killed": the thing counted is no offence
    counted_noun = counted.counted_noun(work, [(hit.start, hit.end) for hit in crimes],
                                        lambda word: names_no_thing(word) or crime_word(word))
    if counted_noun in counted.PEOPLE and any(hit.alias not in vocab.GENERIC_CRIME_WORDS for hit in crimes):
        counted_noun = ""  # "how many people were robbed": robbery offences, with a note (`measures.unit_notes`)
    crimes = [] if unheld else crimes
    rest = " ".join(vocab.blank(work, crimes).split())
    crime_types = unique(hit.name for hit in crimes)

    specific = [hit for hit in crimes if hit.alias not in vocab.GENERIC_CRIME_WORDS]
    safety = measures.asks_safety(work) if not specific and not (source_cues or topic_cues) else None
    non_table = bool(topic_cues) and not crime_types
    if measure is None:
        measure = measures.read_measure(rest, non_table)
    per_head = measures.per_head_printed(rest, measure)
    measure = PER_HEAD if per_head else measure
    notes += measures.unit_notes(rest, measure)
    periods, period_reasons, period_notes, period_kinds = read_periods(raw, norm)
    for phrase in period_phrases(raw):  # "the second edition", "apr-dec": period words, no topic
        work = re.sub(rf"\b{re.escape(phrase)}\b", lambda said: " " * len(said.group()), work) if phrase else work
    notes += period_notes
    change = measures.asks_change(rest, norm, periods, measure)
    rank, rank_over = ranking.read_rank(norm, measure, change, crime_types, areas)
    every_type = False
    if rank_over == "crime types":  # "which crime ..." ranks the rows; the bare word is not All Crime
        every_type = any(hit.alias in vocab.GENERIC_CRIME_WORDS for hit in crimes)
        crimes = [hit for hit in crimes if hit.alias not in vocab.GENERIC_CRIME_WORDS]
        crime_types = unique(hit.name for hit in crimes)
    shares = measures.shares_rows(norm, measure, change)
    unused = vocab.blank(work, crimes)
    crimes, subtype_notes = measures.read_subtypes(unused, crimes, shares)
    crime_types = unique(hit.name for hit in crimes)
    notes += subtype_notes
    share_of, crime_types, share_notes, share_reasons = measures.read_share(norm, placeless, crimes, crime_types,
                                                                            measure)
    kept = (*crime_types, share_of)  # a row re-read by the share ('theft' as Theft Offences) loses its note
    notes += [note for hit in crimes if hit.name in kept and (note := vocab.note_for(hit.alias, hit.name))]
    notes += share_notes
    if safety and crime_types in ((), (vocab.ALL_CRIME,)):  # "is Harlow safer?": all crime; counts are not rates
        crime_types = (vocab.ALL_CRIME,)
        notes.append(measures.safety_note(safety.group()))

    scoped = [reason for reason in cues.out_of_scope(norm, rest) if not (per_head and reason == cues.POPULATION)]
    if per_head and (change or share_of or (rank is not None and rank.by != "value")):
        scoped.append(measures.PER_HEAD_AS_PRINTED)
    out_of_scope = period_reasons + share_reasons + scoped + ([unheld] if unheld else [])
    out_of_scope += ([counted.reason_for(counted_noun)] if counted_noun and not out_of_scope else []) + \
        ([untied_reason(places.untied)] if places.untied else [])
    # "serious violence", "knife crime": the row that answers only stands in for them, and a document may say
    stand_ins = tuple(dict.fromkeys((hit.alias, hit.name) for hit in crimes
                                    if hit.name in crime_types and vocab.stands_in(hit.alias, hit.name)))
    # "newsletter subscribers": no table cell holds them, and nothing else explains the question; "how many fire
    # stations": every word is known, but the thing counted is no crime. Either way the documents are asked first.
    other_count = bool(counted_noun) or not crime_types and counts_something_else(rest)
    scope = [reason for reason in out_of_scope if reason.kind != counted.KIND]
    outside_topic = bool(unexplained(unused) or other_count or stand_ins) and not (source_cues or topic_cues or
                                                                                  scope or unknown)
    # "Shoplifting in cawsey market" where no printed area is called that: the words no reader explains may name
    # the place asked about, so the whole area's figure is no answer for it (`answer.tables` keeps it as context)
    unnamed = unexplained(unused) if outside_topic and not areas else ()
    # "How is Basildon doing?": the area's figures at a glance, which are the tables' to give
    overview = measures.asks_overview(norm) and bool(areas) and set(crime_types) <= {vocab.ALL_CRIME} and \
        not (rank or change or share_of) and measure in (None, OFFENCES)
    measure = OFFENCES if overview else measure
    query = Query(text=text, areas=areas, crime_types=crime_types, measure=measure, periods=periods,
                  change=change, rank=rank, share_of=share_of, notes=unique(notes),
                  unknown_places=unknown, out_of_scope=unique(out_of_scope),
                  passage_cues=tuple(source_cues + topic_cues), outside_topic=outside_topic,
                  extra=({"rank_over": rank_over, "every_type": every_type} if rank else {})
                  | ({"period_kinds": period_kinds} if periods else {})
                  | ({"combined": True} if measures.asks_combined(norm) else {})
                  | ({"overview": True} if overview else {})
                  | ({"towns": places.towns} if places.towns else {})
                  | ({COUNCIL_AREA: places.council_area} if places.council_area else {})
                  | ({"stand_ins": stand_ins} if stand_ins else {})
                  | ({"unexplained": unnamed} if unnamed else {}))
    recognised = bool(areas or unknown or crime_types or measure or periods or period_reasons or change or rank
                      or source_cues)
    return Reading(query, measure is not None, non_table, followup.opens_followup(norm), followup.points_back(norm),
                   followup.compares(norm), bool(periods or period_reasons), recognised, unused)


def _prepare(raw: str) -> str:
    """Raw-text fixes that need capitals or punctuation: framing goes; 'DA' is domestic abuse; 'trending' as a
    verb is not Tendring."""
    raw = unicodedata.normalize("NFKC", raw)
    raw = cues.blank_framing(raw)
    raw = re.sub(r"\bDA\b", "domestic abuse", raw)
    raw = re.sub(r"(?<!\S)(?:\+\s*/\s*-|±)(?!\S)", " change ", raw)  # a table's "+/-" column: the change
    return read_trending(raw)


def _finish(query: Query, read: Reading) -> Query:
    """Default the measure to offences when the question is about table figures, then name the intent."""
    measure = query.measure
    about_table = query.crime_types or ((query.change or query.rank) and query.areas)
    if measure is None and about_table and not (read.non_table and not query.crime_types):
        measure = OFFENCES
    if query.rank is not None:
        intent = "rank"
    elif query.share_of:
        intent = "share"
    elif len(query.areas) > 1 or len(query.crime_types) > 1:
        intent = "compare"
    elif query.change:
        intent = "change"
    else:
        intent = "lookup"
    return query.with_(measure=measure, intent=intent)
