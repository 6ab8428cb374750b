"""Rankings: which areas had the most or least of one crime type, and which crime types of one area.

A ranking sorts printed cells only (a year's value or a printed difference), never a figure of its own, and
never cuts a tie in half: the top n grows to take in every row tied with the last one. It says so when the
"largest rise" is in fact a fall, and which rows were left out of the pool.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant import vocab
from assistant.understand.query import (CHANGE, DA_SHARE, OFFENCES, PER_HEAD, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query,
                                       RankSpec)

from .facts import chart_bar, chart_frame
from .index import Citations, EditionTable, TableResult, cited_result
from .wording import (NUMBER_WORDS, crime_name, crime_unit, in_words, is_incidents, join_and, ordinal_words,
                      place_phrase, show)


def answer_rank(query: Query, index: EditionTable) -> TableResult:
    if query.rank.over == "crime types":
        last = query.areas[-1]
        results = [_rank_types(query, area, index, explain=area == last) for area in query.areas]
        if len(results) == 1:
            return results[0]
        return _merged(results, query)
    spec, crime_type, measure = query.rank, query.crime_types[0], query.measure
    key, period = rank_key(spec, measure, query.periods[-1], index.change_period)
    if key is None:
        text = (f"The tables print no change in the domestic-abuse share (only the {index.years[1]} is given), "
                f"so the districts cannot be ranked by it.")
        return TableResult(text, False, context=query)
    named = len(query.areas) > 1
    highest = spec.direction != "lowest"
    areas = query.areas if named else index.districts
    scored = _ranked(areas, index, crime_type, key, period, highest, spec.size)
    chosen = _top(scored, spec.n)
    when = index.between if spec.by != "value" else f"in the {period}"
    cite = Citations()
    if not chosen:
        return cited_result(_nothing_to_rank(areas, index, crime_type, when), False, cite, query)
    listed = []
    for value, area in chosen:
        n = cite.cite(index.row(area, crime_type), key, period)
        listed.append((area, show(value, key), n))
    pool = f"the {in_words(len(scored))} {'named areas' if named else 'districts'}"
    pool += " with a printed figure" if len(scored) < len(areas) else ""
    what = _rank_phrase(spec, measure, crime_type, highest)
    if len(listed) == 1:
        area, shown, n = listed[0]
        text = f"Of {pool}, {area} had the {what} {when}: {shown} [{n}]."
    else:
        items = [f"{area} ({shown}) [{n}]" for area, shown, n in listed]
        top = in_words(len(listed)) if len(listed) == spec.n else f"top {in_words(spec.n)}, counting ties,"
        text = f"Of {pool}, the {top} with the {what} {when} were {join_and(items)}."
    text += _ties(chosen) + _wrong_way(spec, chosen, highest)
    asked = query.areas[0] if len(query.areas) == 1 and query.areas[0] in areas else None
    if asked is not None:
        text = _standing(text, asked, spec, chosen, scored, key, cite, index.row(asked, crime_type), period)
    text += "" if named else f" {index.excluded}"
    marked = {area for _, area in chosen}
    chart = chart_frame([{**chart_bar(index.row(area, crime_type), key, period, area=area, period=period),
                          "highlight": area in marked} for _, area in scored])
    over = key == SOLVED_RATE and any(value > 100 for value, _ in scored)
    return cited_result(text, True, cite, query, chart=chart, rate_shown=over)


def _nothing_to_rank(areas: tuple[str, ...], index: EditionTable, crime_type: str, when: str) -> str:
    """Why no area is ranked: the summary prints only its whole area (a part-year summary may print one district,
    or the catalogue may have missed its areas), or no area it prints has that figure."""
    if not areas:
        return (f"{index.edition.id} prints figures only for {join_and(list(index.areas))} as a whole, not for the "
                f"areas within it, so there is nothing to rank.")
    return f"No area has a printed figure to rank for {crime_name(crime_type)} {when}."


def _rank_types(query: Query, area: str, index: EditionTable, explain: bool = True) -> TableResult:
    """"Which crime rose most in Chelmsford?": the crime types of one area's table, ranked."""
    spec, measure = query.rank, query.measure
    key, period = rank_key(spec, measure, query.periods[-1], index.change_period)
    if key is None:
        text = (f"The tables print no change in the domestic-abuse share (only the {index.years[1]} is given), "
                f"so the crime types cannot be ranked by it.")
        return TableResult(text, False, context=query)
    pool, described, why = type_pool(query.crime_types, index)
    highest = spec.direction != "lowest"
    scored = _ranked_by(pool, lambda crime_type: _value(index, area, crime_type, key, period), highest, spec.size)
    wanted = min(spec.n, len(scored))  # "rank the crime types" asks for all of them, however many have figures
    chosen = _top(scored, wanted)
    when = index.between if spec.by != "value" else f"in the {period}"
    cite = Citations()
    if not chosen:
        return cited_result(f"No crime type has a printed figure to rank {place_phrase(area)} {when}.", False, cite,
                            query)
    listed = [(crime_name(crime_type), show(value, key), cite.cite(index.row(area, crime_type), key, period))
              for value, crime_type in chosen]
    what = _type_rank_phrase(spec, measure, highest)
    pool_text = f"{described} {place_phrase(area)}"
    if len(listed) == 1:
        name, shown, n = listed[0]
        text = f"Of {pool_text}, {name} had the {what} {when}: {shown} [{n}]."
    else:
        items = [f"{name} ({shown}) [{n}]" for name, shown, n in listed]
        # too many to count in words, and a count in digits could pass for a figure
        if len(listed) >= len(NUMBER_WORDS):
            text = f"Ranked from the {what} {when}, {pool_text} were {join_and(items)}."
        else:
            top = in_words(len(listed)) if len(listed) == wanted else f"top {in_words(wanted)}, counting ties,"
            text = f"Of {pool_text}, the {top} with the {what} {when} were {join_and(items)}."
    named = [(value, crime_name(crime_type)) for value, crime_type in chosen]
    text += _ties(named) + _wrong_way(spec, chosen, highest, "crime type") + (why if explain else "")
    marked = {crime_type for _, crime_type in chosen}
    chart = chart_frame([{**chart_bar(index.row(area, c), key, period, crime_type=crime_name(c), period=period),
                          "highlight": c in marked} for _, c in scored])
    over = key == SOLVED_RATE and any(value > 100 for value, _ in scored)
    return cited_result(text, True, cite, query, chart=chart, rate_shown=over)


def type_pool(named: tuple[str, ...], index: EditionTable) -> tuple[tuple[str, ...], str, str]:
    """The rows to rank, how to describe them, and what was left out: the named rows, the children of one
    named row ("which type of theft"), or else the most detailed offence rows."""
    if len(named) > 1:
        return named, f"the {in_words(len(named))} named crime types", ""
    if named and vocab.CHILDREN.get(named[0]):
        children = tuple(c for c in vocab.CHILDREN[named[0]] if c in index.crime_types)
        return children, f"the {in_words(len(children))} types of {crime_name(named[0])}", ""
    if named:
        return named, "the one named crime type", ""
    detailed = tuple(crime_type for crime_type in vocab.PARENT if crime_type not in vocab.CHILDREN
                     and vocab.ALL_CRIME in vocab.ancestors(crime_type) and crime_type in index.crime_types)
    if not detailed:  # no row was learned to add up to all crime: the printed rows that hold no others
        return (_leaf_rows(index), "the detailed crime types",
                " Only rows with no other row printed under them were ranked, so the all-crime total and any "
                "count of incidents are left out.")
    why = (" Only the most detailed rows of the table were ranked, so totals such as theft offences are left "
           "out, as are anti-social behaviour and the domestic abuse, hate crime and racially aggravated rows, "
           "which count offences already counted elsewhere.")
    return detailed, "the detailed crime types", why


def _leaf_rows(index: EditionTable) -> tuple[str, ...]:
    """The crime types of a summary whose rows were not learned to add up to its all-crime row (a table that
    lists anti-social behaviour incidents among its crimes does not add up): every printed row that counts
    offences and is neither the total, a count of incidents, nor a row others are printed under."""
    counted = {crime_type for (_, crime_type), row in index.rows.items()
               if any(measure == OFFENCES for measure, _ in row.cells)}
    parents = {vocab.PARENT.get(crime_type) for crime_type in index.crime_types}
    return tuple(crime_type for crime_type in index.edition.labels
                 if crime_type in counted and crime_type != index.total and crime_type not in parents
                 and not is_incidents(crime_type))


def _standing(text: str, asked: str, spec: RankSpec, chosen, scored, key: str, cite: Citations, row, period: str) -> str:
    """The one district a question named, placed in the ranking: "Yes." or "No." first when it asked whether
    that district was top, and, when it is not, its own figure and place ("Castle Point had 4,100 [2], the
    third fewest of the fourteen")."""
    top = any(area == asked for _, area in chosen)
    value = next((v for v, area in scored if area == asked), None)
    if value is None:  # the area asked about prints no figure to place: said, never a place made up
        text += f" {asked} has no printed figure to rank."
    elif not top:
        size = abs if spec.size else (lambda v: v)
        ahead = (lambda v: size(v) > size(value)) if spec.direction != "lowest" else (lambda v: size(v) < size(value))
        place = 1 + sum(1 for v, _ in scored if ahead(v))  # tied districts share a place
        n = cite.cite(row, key, period)
        text += f" {asked} had {show(value, key)} [{n}]: {ordinal_words(place)} of the {in_words(len(scored))}."
    return ("Yes. " if top else "No. ") + text if spec.polar else text


def _type_rank_phrase(spec: RankSpec, measure: str, highest: bool) -> str:
    if spec.by == "value":
        if measure == SOLVED_RATE:
            return f"{'highest' if highest else 'lowest'} solved rate"
        if measure == DA_SHARE:
            return f"{'highest' if highest else 'lowest'} share of offences that were domestic-abuse related"
        if measure == PER_HEAD:
            return f"{'highest' if highest else 'lowest'} rate per head of population"
        return f"{'most' if highest else 'fewest'} {'solved outcomes' if measure == SOLVED else 'offences'}"
    move = "rise" if highest else "fall"
    if spec.size:
        percent = "percentage " if spec.by == "% change" and measure != SOLVED_RATE else ""
        subject = "the solved rate" if measure == SOLVED_RATE else "solved outcomes" if measure == SOLVED else "offences"
        return f"{'largest' if highest else 'smallest'} {percent}change, rise or fall, in {subject}"
    if measure == SOLVED_RATE:
        return f"largest {move} in the solved rate"
    size = "percentage " if spec.by == "% change" else ""
    return f"largest {size}{move} in {'solved outcomes' if measure == SOLVED else 'offences'}"


def _merged(results: list[TableResult], query: Query) -> TableResult:
    """One answer from several, renumbering each part's [n] markers after the rows already cited."""
    texts, rows, figures, caveats = [], [], [], []
    for result in results:
        offset = len(rows)
        texts.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", result.text))
        rows += result.rows
        figures += [replace(figure, row=figure.row + offset) for figure in result.figures]
        caveats += [c for c in result.caveats if c not in caveats]
    return TableResult(" ".join(texts), any(r.answerable for r in results), tuple(rows), tuple(figures),
                       tuple(caveats), results[0].chart, query)


def _value(index: EditionTable, area: str, crime_type: str, measure: str, period: str) -> float:
    row = index.row(area, crime_type)
    return math.nan if row is None else row.value(measure, period)


def _ranked_by(items: tuple[str, ...], value, highest: bool, size: bool = False) -> list[tuple[float, str]]:
    """(value, item) best first, items without a printed figure left out; ties keep the tables' order. With
    `size`, a change is ranked by how big it is, whichever way (the printed signed figure is kept)."""
    scored = [(value(item), item) for item in items]
    scored = [(v, item) for v, item in scored if not math.isnan(v)]
    magnitude = abs if size else (lambda v: v)
    return sorted(scored, key=lambda pair: (-magnitude(pair[0]) if highest else magnitude(pair[0]),
                                            items.index(pair[1])))


def _ranked(areas: tuple[str, ...], index: EditionTable, crime_type: str, key: str, period: str,
            highest: bool, size: bool = False) -> list[tuple[float, str]]:
    return _ranked_by(areas, lambda area: _value(index, area, crime_type, key, period), highest, size)


def _top(scored: list[tuple[float, str]], n: int) -> list[tuple[float, str]]:
    """The first n, extended by any area tied with the last one, so a tie is never cut in half."""
    chosen = scored[: max(n, 1)]
    while chosen and len(chosen) < len(scored) and scored[len(chosen)][0] == chosen[-1][0]:
        chosen.append(scored[len(chosen)])
    return chosen


def rank_key(spec: RankSpec, measure: str, period: str, change_period: str) -> tuple[str | None, str]:
    """The measure and period whose printed cells are sorted: the year's value or a printed difference."""
    if spec.by == "value":
        return measure, period
    if measure == DA_SHARE:
        return None, change_period
    if spec.by == "% change":
        return PERCENT_CHANGE.get(measure, CHANGE[measure]), change_period
    return CHANGE[measure], change_period


def _rank_phrase(spec: RankSpec, measure: str, crime_type: str, highest: bool) -> str:
    if spec.by == "value":
        if measure == OFFENCES:
            return f"{'most' if highest else 'fewest'} {crime_unit(crime_type)}"
        if measure == SOLVED:
            return f"{'most' if highest else 'fewest'} solved outcomes for {crime_name(crime_type)}"
        if measure == SOLVED_RATE:
            return f"{'highest' if highest else 'lowest'} solved rate for {crime_name(crime_type)}"
        if measure == PER_HEAD:
            return f"{'highest' if highest else 'lowest'} rate of {crime_name(crime_type)} per head of population"
        return (f"{'highest' if highest else 'lowest'} share of {crime_unit(crime_type)} "
                f"that were domestic-abuse related")
    size = "percentage " if spec.by == "% change" and measure != SOLVED_RATE else ""
    move = "rise" if highest else "fall"
    if spec.size:
        subject = (f"the solved rate for {crime_name(crime_type)}" if measure == SOLVED_RATE
                   else crime_unit(crime_type) if measure == OFFENCES else f"solved outcomes for {crime_name(crime_type)}")
        return f"{'largest' if highest else 'smallest'} {size}change, rise or fall, in {subject}"
    if measure == SOLVED_RATE:
        return f"largest {move} in the solved rate for {crime_name(crime_type)}"
    subject = crime_unit(crime_type) if measure == OFFENCES else f"solved outcomes for {crime_name(crime_type)}"
    return f"largest {size}{move} in {subject}"


def _ties(chosen: list[tuple[float, str]]) -> str:
    groups: dict[float, list[str]] = {}
    for value, area in chosen:
        groups.setdefault(value, []).append(area)
    tied = [join_and(areas) for areas in groups.values() if len(areas) > 1]
    return "".join(f" {names} are tied." for names in tied)


def _wrong_way(spec: RankSpec, chosen: list[tuple[float, str]], highest: bool, noun: str = "district") -> str:
    """Ranked by change, the "largest rise" may still be a fall when every district fell: say so."""
    if spec.by == "value" or spec.size or not chosen:
        return ""
    if highest and chosen[0][0] <= 0:
        return f" No {noun} recorded a rise, so these are the smallest falls or no change."
    if not highest and chosen[0][0] >= 0:
        return f" No {noun} recorded a fall, so these are the smallest rises or no change."
    return ""
