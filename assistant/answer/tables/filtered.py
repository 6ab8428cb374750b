"""Answers that list every row meeting a condition: "which districts saw crime fall?", "did any district see
burglary rise?", "which crimes went up in Harlow?", "how many districts recorded more than 10,000 crimes?".

The condition is checked on printed cells only (a year's value, or the printed change), every row that meets
it is cited, and the answer says how many of the pool do. "Any" and "every" are answered yes or no from that
list; when no row meets the condition the answer says so and cites the one that comes nearest, so a "no" is
as checkable as a "yes".
"""

from __future__ import annotations

import math
from dataclasses import replace

from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query

from .facts import chart_bar, chart_frame
from .index import Citations, EditionTable, TableResult, cited_result
from .rank import rank_key, type_pool
from .wording import capital, crime_name, crime_unit, in_words, join_and, place_phrase, show

_MOVED = {"rise": "rose", "fall": "fell"}


def answer_filtered(query: Query, index: EditionTable) -> TableResult:
    spec, measure = query.rank, query.measure
    if spec.keep in ("rise", "fall"):
        key, period = rank_key(spec, measure, query.periods[-1], index.change_period)
        if key is None:
            return TableResult(f"The tables print no change in the domestic-abuse share (only the {index.years[1]} "
                               f"is given), so no area can be said to have risen or fallen by it.", False,
                               context=query)
        when = index.between
    else:
        key, period = measure, query.periods[-1]
        when = f"in the {period}"
    if spec.over == "crime types":
        area = query.areas[0]
        pool, described, why = type_pool(query.crime_types, index)
        rows = [(crime_type, index.row(area, crime_type)) for crime_type in pool]
        label = {crime_type: capital(crime_name(crime_type)) for crime_type in pool}
        pool_text = f"{described} {place_phrase(area)}"
        bar = {crime_type: {"crime_type": crime_name(crime_type)} for crime_type in pool}
    else:
        crime_type = query.crime_types[0]
        named = len(query.areas) > 1
        pool = query.areas if named else index.districts
        rows = [(area, index.row(area, crime_type)) for area in pool]
        label = {area: area for area in pool}
        pool_text = f"the {in_words(len(pool))} {'named areas' if named else 'districts'}"
        why = "" if named else f" {index.excluded}"
        bar = {area: {"area": area} for area in pool}
    scored = [(row.value(key, period), item, row) for item, row in rows if row is not None]
    scored = [(value, item, row) for value, item, row in scored if not math.isnan(value)]
    if not scored:
        return TableResult(f"None of {pool_text} has a printed figure to compare {when}.", False, context=query)
    highest = spec.keep in ("rise", "above")
    scored.sort(key=lambda entry: -entry[0] if highest else entry[0])
    kept = [entry for entry in scored if _meets(entry[0], spec.keep, spec.limit)]
    cite = Citations()
    listed = [f"{label[item]} ({show(value, key)}) [{cite.cite(row, key, period)}]" for value, item, row in kept]
    pool_text += " with a printed figure" if len(scored) < len(pool) else ""
    if kept:
        found = f"{in_words(len(kept))} of {pool_text}"
        answer = ""
        if spec.quantifier == "any":
            answer = "Yes. "
        elif spec.quantifier == "every":
            answer = "Yes. " if len(kept) == len(scored) else "No. "
        listing = join_and(listed)
    else:
        nearest_value, nearest, row = scored[0]
        found = f"none of {pool_text}"
        answer = "No. " if spec.quantifier in ("any", "every") else ""
        listing = f"the nearest was {label[nearest]} ({show(nearest_value, key)}) [{cite.cite(row, key, period)}]"
    if spec.over == "crime types":
        text = (f"{answer}Of {pool_text}, {in_words(len(kept))} of {in_words(len(scored))} "
                f"{_condition(spec, key, measure, None)} {when}")
        text = text if kept else f"{answer}None of {pool_text} {_condition(spec, key, measure, None)} {when}"
    else:
        text = f"{answer}{capital(_condition(spec, key, measure, query.crime_types[0]))} in {found} {when}"
    text += f": {listing}." if kept else f"; {listing}."
    text += why
    marked = {item for _, item, _ in kept}
    chart = chart_frame([{**chart_bar(row, key, period, **bar[item], period=period), "highlight": item in marked}
                         for _, item, row in scored])
    over_100 = key == SOLVED_RATE and any(value > 100 for value, _, _ in scored)
    return replace(cited_result(text, True, cite, query, chart=chart, rate_shown=over_100),
                   condition_met=(len(kept), len(scored)))


def _meets(value: float, keep: str, limit: float | None) -> bool:
    if keep == "rise":
        return value > (limit or 0)
    if keep == "fall":
        return value < -(limit or 0)
    return value > limit if keep == "above" else value < limit


def _condition(spec, key: str, measure: str, crime_type: str | None) -> str:
    """What the kept rows did: "burglary offences rose", "the solved rate for all crime was below 10%"; for a
    crime type of one area, the verb alone ("rose by more than 10%", "had a solved rate below 10%")."""
    keep, limit = spec.keep, spec.limit
    if keep in ("rise", "fall"):
        by = ""
        if limit:
            size = f"{limit:g}%" if key.endswith("% change") else f"{limit:g} points" if measure == SOLVED_RATE \
                else f"{limit:,.0f}"
            by = f" by more than {size}"
        if crime_type is None:
            return f"{_MOVED[keep]}{by}" if measure == OFFENCES else f"had {_subject(measure, None)} that {_MOVED[keep]}{by}"
        return f"{_subject(measure, crime_type)} {_MOVED[keep]}{by}"
    bound = f"{'above' if keep == 'above' else 'below'} " + (f"{limit:g}%" if measure in (SOLVED_RATE, DA_SHARE)
                                                              else f"{limit:,.0f}")
    if crime_type is None:
        return f"{'were' if measure == OFFENCES else 'had ' + _subject(measure, None)} {bound}"
    return f"{_subject(measure, crime_type)} {'were' if measure in (OFFENCES, SOLVED) else 'was'} {bound}"


def _subject(measure: str, crime_type: str | None) -> str:
    about = f" for {crime_name(crime_type)}" if crime_type else ""
    if measure == SOLVED_RATE:
        return f"the solved rate{about}"
    if measure == SOLVED:
        return f"solved outcomes{about}"
    if measure == DA_SHARE:
        return f"a domestic-abuse share{about}"
    return crime_unit(crime_type) if crime_type else "offences"
