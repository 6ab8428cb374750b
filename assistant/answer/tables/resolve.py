"""The entry point for table answers: which queries the tables can take, which edition answers, the defaults,
and the refusals.

`answer_table` decides whether a query is for the tables at all, refuses the places and periods they do not
cover, picks the one edition that answers (the newest that prints the periods asked for; the newest of all
when none is asked), fills the slots left empty with defaults (force-wide, all crime, the latest period),
hands the resolved query to one kind of answer (`facts` or `rank`), and says in the answer which defaults it
took. Every answer is worked out within one edition, so a change or a ranking never mixes two summaries.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant import vocab
from assistant.understand.periods import covers_most_of, editions_named, months_of_year, mostly_in
from assistant.understand.query import CHANGE, DA_SHARE, OFFENCES, PER_HEAD, SOLVED, Query, RankSpec

from .facts import answer_across_editions, answer_change, answer_compare, answer_lookup, answer_share
from .overview import answer_overview
from .filtered import answer_filtered
from .index import EditionTable, FigureRef, Row, TableIndex, TableResult, printed_as
from .rank import answer_rank
from .verify import misstated
from .wording import crime_name, join_and, measure_words, metric, place_phrase, scope_sentence, show

if TYPE_CHECKING:  # importing the tables' code needs no pandas (a passage answer imports it)
    import pandas as pd


def answer_table(query: Query, tables: TableIndex | pd.DataFrame) -> TableResult | None:
    """Answer a table question exactly, or None when the query names nothing the tables can be asked about.

    A fault in working out a table answer is never shown to the user as a stack trace: it is logged, and the
    answer says plainly that the tables could not answer (a wrong figure is worse than none, so nothing is
    guessed in its place)."""
    try:
        return _answer_table(query, tables)
    except Exception:  # noqa: BLE001 - any fault in one answer path must end in a plain refusal, not a trace
        logging.getLogger(__name__).exception("a table answer failed for %r", query.text)
        return TableResult("The figure asked for could not be found in the performance tables.",
                           answerable=False, context=query)


def _answer_table(query: Query, tables: TableIndex | pd.DataFrame) -> TableResult | None:
    if not (query.has_table_signal or query.rank is not None or query.share_of or query.intent == "rank"):
        return None
    tables = tables if isinstance(tables, TableIndex) else TableIndex(tables)
    if query.unknown_places or query.out_of_scope or set(query.periods) - tables.periods():
        return _refusal(query, tables)
    named = tuple(area for area in query.areas if area in tables.areas)
    if len(named) < len(query.areas):
        return None
    index = _named_edition(query, tables, named) or \
        (tables.for_periods(query.periods, named) if query.periods else _latest_printing(query, tables, named))
    if index is None and query.periods and set(query.extra.get("period_kinds", ())) == {"year"}:
        index, query = _same_years(query, tables, named)
    if index is not None:
        query = _in_edition(query, index, tables)
    if index is None:
        if len(query.periods) > 1 and len(named) <= 1:
            resolved = _resolve(query, tables.latest(named) or tables.editions[0])[0]
            return answer_across_editions(resolved.with_(periods=query.periods, change=False), tables)
        return _refusal(query, tables)
    resolved, assumed = _resolve(query, index)
    if not resolved.crime_types and not (resolved.rank is not None and resolved.rank.over == "crime types"):
        return None  # the edition names no all-crime row to default to: no row was asked for, so none is guessed
    if resolved.intent == "rank" and resolved.rank.over != "crime types" and len(resolved.areas) == 1 < \
            len(query.areas):  # "the force's ... where were most Harnbury thefts": places within Harnbury
        return None  # the whole area named beside one of its parts ranks nothing the tables hold
    if any(crime_type not in index.crime_types for crime_type in resolved.crime_types + _share_of(resolved)):
        return None
    if any(area not in index.areas for area in resolved.areas):
        return None
    unprinted = _unprinted(resolved, index)
    if unprinted:
        return _not_printed(resolved, unprinted, tables)
    absent = _cells_absent(resolved, index)
    if absent:
        return _cells_not_printed(resolved, absent, index)
    if resolved.intent == "rank" and resolved.rank.keep:  # "which districts saw a fall?": a condition, not a top n
        result = answer_filtered(resolved, index)
    elif resolved.intent == "rank":
        result = answer_rank(resolved, index)
    elif resolved.intent == "share":
        result = answer_share(resolved, index)
    elif resolved.intent == "compare":
        result = answer_compare(resolved, index)
    elif resolved.change:
        result = answer_change(resolved, index)
    elif resolved.extra.get("overview") and len(resolved.areas) == 1 and resolved.crime_types == (index.total,) \
            and resolved.measure == OFFENCES and len(resolved.periods) == 1 and resolved.periods[0] == index.years[-1]:
        result = answer_overview(resolved, index)  # "how is Basildon doing?": the area's figures at a glance
    else:
        result = answer_lookup(resolved, index)
    drafted = _with_revisions(result, index, tables)
    drafted = _with_assumptions(drafted, assumed + _other_editions(query, index, tables), query.notes)
    problems = misstated(drafted, tables, query.text)
    if problems and drafted.answerable:
        return TableResult("An answer was drafted from the tables, but a figure in it did not match the cell it "
                           "cites, so it was withheld.", answerable=False, context=query, withheld=tuple(problems))
    drafted = _town_context(drafted, query.extra.get("towns", ()))
    drafted = _stand_in_context(drafted, query.extra.get("stand_ins", ()))
    return _unexplained_context(drafted, resolved, query)


def _unexplained_context(result: TableResult, resolved: Query, query: Query) -> TableResult:
    """"Shoplifting in cawsey market" with no printed area of that name: the whole area's figure was taken because
    no area was read, but the words no reader explained may be the place asked about (a neighbourhood the tables
    do not hold, or one the catalogue missed). The figure is kept as context, said to be the whole area's, and the
    answer is not answerable (the documents were tried first)."""
    words = query.extra.get("unexplained", ())
    if not words or query.areas or resolved.intent == "rank" or not result.answerable:
        return result
    whole = join_and(list(resolved.areas))
    return _context_only(result, f"The tables print no figures for '{' '.join(words)}': no area or row they print "
                                 f"is called that. For context only, not as an answer, here is the figure for "
                                 f"{whole} as a whole.")


def _stand_in_context(result: TableResult, stand_ins: tuple[tuple[str, str], ...]) -> TableResult:
    """"Knife crime" answered from Possession of Weapons is a figure for another measure: the row is kept as
    context, said to be that, and the answer is not answerable (the documents were tried first)."""
    if not stand_ins or not result.answerable:
        return result
    asked = join_and([f"'{alias}'" for alias, _ in stand_ins])
    return _context_only(result, f"The tables do not count {asked} on {'its' if len(stand_ins) == 1 else 'their'} "
                                 f"own, and no document gives the figure. For context only, not as an answer:")


def _context_only(result: TableResult, preface: str) -> TableResult:
    """A cited figure kept beside the question it does not answer: said to be context, and not answerable."""
    return replace(result, text=f"{preface} {result.text}", answerable=False)


def _town_context(result: TableResult, towns: tuple[tuple[str, str], ...]) -> TableResult:
    """A town's question answered from its district's row is no answer for the town: the district's figure is
    kept as context, said to be that, and the answer is not answerable (the tables go down to districts)."""
    if not towns or not result.answerable:
        return result
    named = join_and([town for town, _ in towns])
    districts = join_and(list(dict.fromkeys(district for _, district in towns)))
    where = "; ".join(f"{town} is in {district}" for town, district in towns)
    return _context_only(result, f"The tables do not give {named} on {'its' if len(towns) == 1 else 'their'} own: "
                                 f"they go down to districts ({where}). For context only, here is the figure for "
                                 f"{districts}, which is not one for {named}.")


def _latest_printing(query: Query, tables: TableIndex, named: tuple[str, ...]) -> EditionTable | None:
    """The newest summary of the named areas; for a rate per head, the newest that prints one (a summary may print
    rates per head in one edition and not the next), else the newest."""
    if query.measure == PER_HEAD:
        printing = next((table for table in tables.editions if all(area in table.areas for area in named) and
                         any(measure == PER_HEAD for row in table.rows.values() for measure, _ in row.cells)), None)
        if printing is not None:
            return printing
    return tables.latest(named)


def _named_edition(query: Query, tables: TableIndex, named: tuple[str, ...]) -> EditionTable | None:
    """The one summary the question names as an edition ("the June edition", "the previous summary") when it
    prints the periods and areas asked: the period it stands for may be reprinted by a later summary, which is
    not the edition asked for."""
    editions = editions_named(query.text)
    if len(editions) != 1:
        return None
    table = next((table for table in tables.editions if table.edition.id == editions[0]), None)
    if table is None or not set(query.periods) <= {*table.years, table.change_period} or \
            not all(area in table.areas for area in named):
        return None
    return table


def _same_years(query: Query, tables: TableIndex, named: tuple[str, ...]) -> tuple[EditionTable | None, Query]:
    """"In 2024" was read as the printed period covering most of 2024, which another force's summary may not
    print (Kent's years end in September): the newest summary of the named areas printing a period that covers
    most of each year asked answers instead, and says so. A period merely ending in the year (the 12 months to
    January 2024 hold one month of 2024) is no answer for it."""
    years = [mostly_in(period) for period in query.periods]
    for table in tables.editions:
        if not all(area in table.areas for area in named):
            continue
        periods = tuple(max((p for p in table.years if covers_most_of(p, year)), default="",
                            key=lambda p, year=year: months_of_year(p, year)) for year in years)
        if all(periods):
            kept = tuple(note for note in query.notes if not note.startswith(tuple(f"'{y}' read as" for y in years)))
            notes = tuple(f"'{year}' read as the {period}" for year, period in zip(years, periods))
            return table, query.with_(periods=periods, notes=kept + notes)
    return None, query


def _in_edition(query: Query, index: EditionTable, tables: TableIndex) -> Query:
    """The query's crime types in the words this edition prints: another force's summary may print "Theft of
    Pedal Cycles" or "Residential Burglary" for the row the vocabulary read, and names its own all-crime row."""
    crime_types = tuple(printed_as(label, index, tables.catalogue) for label in query.crime_types)
    share_of = printed_as(query.share_of, index, tables.catalogue) if query.share_of else None
    if crime_types == query.crime_types and share_of == query.share_of:
        return query
    return query.with_(crime_types=crime_types, share_of=share_of)


def _share_of(query: Query) -> tuple[str, ...]:
    return (query.share_of,) if query.intent == "share" and query.share_of else ()


def _resolve(query: Query, index: EditionTable) -> tuple[Query, tuple[str, ...]]:
    """Fill the empty slots with defaults from the edition that answers, and say which defaults were taken."""
    intent = query.intent
    if query.rank is not None or intent == "rank":
        intent = "rank"
    elif query.share_of and query.crime_types:
        intent = "share"
    elif intent == "compare" or len(query.areas) > 1 or len(query.crime_types) > 1:
        intent = "compare"
    elif intent == "share":
        intent = "lookup"
    years = tuple(period for period in index.years if period in query.periods)
    rank = None
    if intent == "rank":
        rank = query.rank or RankSpec()
        if query.change and rank.by == "value":
            rank = replace(rank, by="change")
        change = rank.by != "value"
    else:
        change = query.change or intent == "change" or index.change_period in query.periods or len(years) == 2
    assumed = []
    areas = query.areas
    over_types = rank is not None and rank.over == "crime types"
    if intent == "rank" and not over_types:  # the whole area is no peer of its parts: it is where they are
        areas = tuple(area for area in areas if area != index.force)
    elif not areas:
        areas = (index.force,)
        whole = "force-wide" if _owner(index.force) != index.force else "whole-area"
        assumed.append(f"{whole} figures for {index.force}, as no area was named")
    total = index.total if index.total in index.crime_types else None
    crime_types = query.crime_types or (() if over_types or total is None else (total,))
    if not query.crime_types and not over_types:
        assumed.append("all crime, as no crime type was named")
    if change:
        periods = index.years
    elif years:
        periods = years
    else:
        periods = (index.years[1],)
        assumed.append("the latest period, as none was named")
    resolved = query.with_(areas=areas, crime_types=crime_types, measure=query.measure or OFFENCES,
                           periods=periods, change=change, intent=intent, rank=rank)
    return resolved, tuple(assumed)


def _other_editions(query: Query, index: EditionTable, tables: TableIndex) -> tuple[str, ...]:
    """When several summaries are indexed, say which one answered and why; always say so when the figures
    come from a document uploaded to the chat rather than from the official corpus."""
    if index.edition.uploaded:
        return (f"figures from {index.edition.document}, a document uploaded to the chat, not an official source, "
                "as no official summary prints them",)
    if len(tables.editions) < 2:
        return ()
    if query.periods:
        return (f"figures from {index.edition.id}, the latest summary that prints that period",)
    if index is not tables.editions[0] and query.measure == PER_HEAD:
        return (f"figures from {index.edition.id}, the latest summary that prints a rate per head",)
    return (f"figures from {index.edition.id}, the latest summary",)


_MAX_REVISIONS_SPELLED_OUT = 3  # beyond this (a ranking), one sentence says figures were revised, not each


def _with_revisions(result: TableResult, index: EditionTable, tables: TableIndex) -> TableResult:
    """A figure another summary prints differently for the same place, row, measure and period: the answer
    keeps its own edition's figure and says what the other printed, cited to its cell. Among official
    summaries the answering one is the newest printing that period, so the other print is the earlier,
    revised figure; a table in an uploaded document is never the answer where an official one prints the
    figure, and its disagreeing figure is named as coming from the upload."""
    if not result.answerable or len(tables.editions) < 2:
        return result
    revisions = []
    for figure in result.figures:
        for other in tables.editions:
            if other is index:
                continue
            row = other.row(figure.area, figure.crime_type)
            cell = row.cells.get((figure.measure, figure.period)) if row is not None else None
            if cell is not None and cell.value == cell.value and cell.value != figure.value:
                revisions.append((figure, other, row))
    if not revisions:
        return result
    if len(revisions) > _MAX_REVISIONS_SPELLED_OUT:
        others = join_and(list(dict.fromkeys(other.edition.id for _, other, _ in revisions)))
        return replace(result, text=f"{result.text} Some of these figures are printed differently in {others}; "
                                    f"the figures shown are those of {index.edition.id}.")
    rows, figures, sentences = list(result.rows), list(result.figures), []
    for figure, other, row in revisions:
        rows.append(row.ref(figure.measure, figure.period))
        value = row.value(figure.measure, figure.period)
        figures.append(FigureRef(value, figure.measure, figure.area, figure.crime_type, figure.period, len(rows),
                                 other.edition.id))
        printed = (f"printed {show(value, figure.measure)} for {metric(figure.measure, figure.crime_type)} "
                   f"{place_phrase(figure.area)} in the {figure.period} [{len(rows)}]")
        if other.edition.uploaded and not index.edition.uploaded:
            sentences.append(f"A document uploaded to the chat, {other.edition.document}, {printed}; it is not an "
                             f"official source, so the figure above is from {index.edition.id}.")
            continue
        earlier = tables.editions.index(other) > tables.editions.index(index)  # newest first
        sentences.append(f"The {'earlier' if earlier else 'later'} summary, {other.edition.id}, {printed}; the "
                         f"figure above is {'the revised one' if earlier else 'as first printed'}, from "
                         f"{index.edition.id}.")
    return replace(result, text=" ".join([result.text, *sentences]), rows=tuple(rows), figures=tuple(figures))


def _with_assumptions(result: TableResult, assumed: tuple[str, ...], notes: tuple[str, ...]) -> TableResult:
    said = tuple(assumed) + tuple(note.rstrip(".") for note in notes)
    if not said:
        return result
    return replace(result, text=f"{result.text} Assumed: {'; '.join(said)}.")


def _owner(force: str) -> str:
    """Whose tables these are, as answers name them ("Essex Police", or "Kestermoor": see `Catalogue.owner`)."""
    catalogue = vocab.active().catalogue
    return catalogue.owner(force) if catalogue is not None else f"{force} Police"


def _unprinted(query: Query, index: EditionTable) -> list[tuple[str, str]]:
    """The (area, crime type) pairs a look-up, change or comparison needs that the edition prints no row for: a
    summary may give each area only a selection of crime types. A ranking leaves out what is not printed itself."""
    if query.intent == "rank":
        return []
    return [(area, crime_type) for area in query.areas for crime_type in query.crime_types + _share_of(query)
            if index.row(area, crime_type) is None]


def _needed_cell(query: Query, index: EditionTable) -> tuple[str, str] | None:
    """The (measure, period) cell each row of a look-up, change, comparison or share reads; None for a ranking or
    an overview, which pass over rows without a figure themselves."""
    measure = query.measure
    if query.intent == "rank" or query.extra.get("overview"):
        return None
    if measure == DA_SHARE:
        return DA_SHARE, index.years[1]
    if query.intent == "share":
        return (SOLVED if measure == SOLVED else OFFENCES), query.periods[-1]
    if query.change:
        return CHANGE[measure], index.change_period
    return measure, query.periods[-1] if query.intent == "compare" else query.periods[0]


def _cells_absent(query: Query, index: EditionTable) -> list[Row]:
    """The rows asked about when none of them prints the cell the answer reads: a summary may print a measure
    (a solved rate) or a period for only some of its rows. A row printing it as a dash is not absent: the
    answer says the dash. When some rows print it, the answer says which do not."""
    cell = _needed_cell(query, index)
    if cell is None:
        return []
    rows = [index.row(area, crime_type) for area in query.areas for crime_type in query.crime_types + _share_of(query)]
    rows = [row for row in rows if row is not None]
    return rows if rows and not any(row.prints(*cell) for row in rows) else []


def _cells_not_printed(query: Query, rows: list[Row], index: EditionTable) -> TableResult:
    """A refusal naming the figure the summary does not print for those rows, and the measures it does print for
    them (in words, no figure): never a figure of another measure, period or edition as the answer."""
    measure, period = _needed_cell(query, index)
    asked = join_and([f"{crime_name(row.crime_type)} {place_phrase(row.area)}" for row in rows])
    printed = list(dict.fromkeys(m for row in rows for (m, p) in row.cells if p in index.years))
    offered = f" For {'that row' if len(rows) == 1 else 'those rows'} it prints only " \
              f"{join_and([metric(m, None) for m in printed])}." if printed else ""
    text = (f"{index.edition.id} does not print {measure_words(measure)} for {asked} in the {period}.{offered}")
    return TableResult(text, answerable=False, context=query)


def _not_printed(query: Query, pairs: list[tuple[str, str]], tables: TableIndex) -> TableResult:
    """A refusal naming what the tables do not print, never a figure for another area or crime type."""
    missing = join_and([f"{crime_name(crime_type)} {place_phrase(area)}" for area, crime_type in pairs])
    text = (f"The performance tables print no figures for {missing}: they give only a selection of crime types "
            f"for some areas. {scope_sentence(tables)}")
    return TableResult(text, answerable=False, context=query)


def _refusal(query: Query, tables: TableIndex) -> TableResult:
    if query.unknown_places:
        forces = tables.catalogue.forces()
        whose = f"The {tables.catalogue.owner(forces[0])} performance tables" if len(forces) == 1 else \
            "The performance tables"
        reason = f"{whose} have no figures for {join_and(query.unknown_places)}."
    else:
        why = tuple(map(str, query.out_of_scope)) or tuple(f"they do not cover the {p}" for p in query.periods
                                                        if p not in tables.periods())
        why = why or ("no one summary prints every period and place asked about",)
        reason = f"The performance tables cannot answer this ({'; '.join(why)})."
    return TableResult(f"{reason} {scope_sentence(tables)}", answerable=False, context=query)
