"""Judging a claim against the performance tables: the printed cell for the claimed area, crime type and measure.

The tables are exact, so for their own period they outrank prose. A claim is read for the latest edition's
latest period unless it names a printed period, and also against every other edition covering it, so a figure
true only for an older summary is named as such; a change is judged by the printed difference between an
edition's two years (a rate's by `claims.rates`), a rank over the districts' printed figures, and a share ("a
tenth of all crime") from the printed counts of two rows that nest, each within one edition. Every statement
cites the row and column it read.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import NamedTuple

from assistant import vocab
from assistant.claims.amounts import COUNT, PERCENT
from assistant.claims.directions import UP
from assistant.claims.parse import CHANGE, DIRECTION, LEVEL, RANK, SHARE, ClaimShape
from assistant.claims.rates import judge_rate_change
from assistant.claims.subject import Subject, table_period
from assistant.claims.tolerance import judge_value, tolerance_words
from assistant.claims.verdict import CONTRADICTED, SUPPORTED, Evidence
from assistant.claims.wording import capitalised, crime_name, in_place, signed_points, unit_name
from assistant.answer.tables import SHARE as SHARE_MEASURE, RowRef, TableIndex
from assistant.answer.tables.wording import is_incidents, ordinal_words
from assistant.answer.tables.index import EditionTable, printed_as
from assistant.text.dates import period_end
from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import CHANGE as CHANGE_OF, DA_SHARE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query


def table_evidence(shape: ClaimShape, subject: Subject, index: TableIndex, query: Query) -> list[Evidence]:
    """What the tables say: for each edition that covers the claim, one piece of evidence per claimed crime type;
    or one for a rank or a share (within one edition); none when the subject says the tables cannot judge it."""
    if subject.table_reason:
        return []
    period = table_period(shape, shape.period) if shape.period else None
    # A district named, else the force named ("Kent Police recorded ..."), else the latest summary's force.
    area = next((p for p in subject.places if p not in vocab.FORCES), None) or \
        next((p for p in subject.places if p in vocab.FORCES), vocab.FORCE)
    # The edition that decides: the newest that prints the claim's period (or the newest of all).
    chosen = (index.for_periods((period,), (area,)) if period else index.latest((area,))) or index.latest()
    if chosen is None:
        return []
    if shape.quantity == RANK or query.rank is not None:
        ranked = _judge_rank(shape, _printed(subject, chosen, index), chosen, query, area, period or chosen.years[1])
        return [ranked] if ranked is not None else []
    whole = _share_whole(shape, _printed(subject, chosen, index))
    if whole is not None:
        share = _judge_share(shape, _printed(subject, chosen, index), chosen, area, whole,
                             period or chosen.years[1])
        return [share] if share is not None else []
    out = []
    for edition in _covering(index, chosen, period, area):
        for crime_type in _printed(subject, edition, index).crime_types:
            row = edition.row(area, crime_type)
            evidence = _judge_row(shape, subject, row, period) if row is not None else None
            if evidence is None:
                continue
            if shape.period is not None and shape.period.year is not None:
                month = evidence.period_label.rsplit(" ", 2)[-2]
                evidence.caveats += (f"The claim names a calendar year; the tables' years run to {month}, so "
                                     f"the {evidence.period_label.removeprefix('the ')} was read for it.",)
            out.append(evidence)
    return out


def _printed(subject: Subject, edition: EditionTable, index: TableIndex) -> Subject:
    """The subject in the words this summary prints: another force names its rows (and its all-crime row) its
    own way."""
    return replace(subject, crime_types=tuple(printed_as(label, edition, index.catalogue)
                                              for label in subject.crime_types))


def _covering(index: TableIndex, chosen: EditionTable, period: str | None, area: str) -> list[EditionTable]:
    """The deciding edition first, then every other edition printing the area that covers the claim: with a
    period named, each that prints it; with none, each edition's own latest period. So a claim true for an
    older summary but not the latest is mixed, and the explanation names each edition's period."""
    others = [edition for edition in index.editions if edition is not chosen and area in edition.areas and
              (period is None or period in (*edition.years, edition.change_period))]
    return [chosen, *others]


def _row_cite(row, measure: str, period: str) -> tuple[str, RowRef]:
    """A citation of a table row, pointing at the column of its (measure, period) cell."""
    return "row", row.ref(measure, period)


# ---------------------------------------------------------------- ranks and shares


def _judge_rank(shape: ClaimShape, subject: Subject, tables: EditionTable, query: Query, area: str,
                period: str) -> Evidence | None:
    """"Southend recorded the most shoplifting offences of any district": where the area really ranks."""
    spec = query.rank
    if spec is None or area == vocab.FORCE or area not in tables.districts or len(subject.crime_types) != 1:
        return None
    crime_type, measure = subject.crime_types[0], subject.measure
    key, when = _rank_column(spec.by, measure, period, tables.change_period)
    if key is None:
        return None
    rows = {a: tables.row(a, crime_type) for a in tables.districts if tables.row(a, crime_type) is not None}
    scored = [(row.value(key, when), a) for a, row in rows.items() if not math.isnan(row.value(key, when))]
    if area not in {a for _, a in scored}:
        return None
    highest = spec.direction != "lowest"
    scored.sort(key=lambda item: item[0], reverse=highest)
    mine = next(v for v, a in scored if a == area)
    place = 1 + sum(1 for v, _ in scored if (v > mine if highest else v < mine))
    ordinal = max(shape.ordinal, 1)
    top_value, top_area = scored[0]
    top_key, own_key = f"row:{top_area}|{crime_type}", f"row:{area}|{crime_type}"
    percent = key in PERCENT_CHANGE.values() or measure in (SOLVED_RATE, DA_SHARE)
    top_shown = _ranked_value(top_value, percent, signed=spec.by != "value")
    own_shown = _ranked_value(mine, percent, signed=spec.by != "value")
    what = _rank_words(highest, spec.by, measure, crime_type)
    statement = (f"The performance tables show that, of the districts with a printed figure, {top_area} had the "
                 f"{what} in the {when} ({top_shown}) [[{top_key}]]")
    if top_area != area:
        statement += f"; {area} had {own_shown} [[{own_key}]], which ranks {ordinal_words(place)}"
    statement += "."
    verdict = SUPPORTED if place == ordinal else CONTRADICTED
    reason = f"The claim ranks {area} {ordinal_words(ordinal)}; the tables rank it {ordinal_words(place)}."
    cites = {top_key: _row_cite(rows[top_area], key, when), own_key: _row_cite(rows[area], key, when)}
    figures = [(top_value, key, top_area, crime_type, when, top_key), (mine, key, area, crime_type, when, own_key)]
    suggestion = capitalised(f"{top_area} had the {what} in the {when} ({top_shown}) [[{top_key}]].")
    return Evidence(verdict, "table", period_end(tables.years[1]), f"the {when}", statement, reason, cites, figures, suggestion,
                    rows[area].source_document,
                    caveats=("Stansted Airport, a policing area rather than a district, and the force total are "
                             "left out of the ranking.",))


def _rank_column(by: str, measure: str, period: str, change_period: str) -> tuple[str | None, str]:
    """The (measure, period) a ranking reads: the value itself, or its printed change or percentage change."""
    if by == "value":
        return measure, period
    if by == "% change":
        return PERCENT_CHANGE.get(measure, CHANGE_OF.get(measure)), change_period
    return CHANGE_OF.get(measure), change_period


def _ranked_value(value: float, percent: bool, signed: bool) -> str:
    return format_percent(value, signed=signed) if percent else format_count(value, signed=signed)


def _rank_words(highest: bool, by: str, measure: str, crime_type: str) -> str:
    """"the most shoplifting offences", "the highest solved rate for all crime", "the largest fall in ..."."""
    name = "all crime" if crime_type == vocab.ALL_CRIME and measure != OFFENCES else crime_name(crime_type)
    if measure == SOLVED_RATE:
        subject = f"solved rate for {name}"
    elif measure == SOLVED:
        subject = f"solved outcomes for {name}"
    elif measure == DA_SHARE:
        subject = f"domestic-abuse share of {unit_name(crime_type)}"
    else:
        subject = unit_name(crime_type)
    if by != "value":
        size = "percentage " if by == "% change" else ""
        return f"largest {size}{'rise' if highest else 'fall'} in {subject}"
    if measure in (OFFENCES, SOLVED):
        return f"{'most' if highest else 'fewest'} {subject}"
    return f"{'highest' if highest else 'lowest'} {subject}"


def _share_whole(shape: ClaimShape, subject: Subject) -> str | None:
    """"Shoplifting made up a tenth of all crime": the whole a share claim divides by, when the tables nest it."""
    if shape.quantity != SHARE or subject.measure == DA_SHARE or len(subject.crime_types) != 2:
        return None
    first, second = subject.crime_types
    if first in vocab.ancestors(second):
        return first
    return second if second in vocab.ancestors(first) else None


def _judge_share(shape: ClaimShape, subject: Subject, tables: EditionTable, area: str, whole: str,
                 period: str) -> Evidence | None:
    """The part's printed count over the whole's, worked out to one decimal and judged like a printed figure."""
    part = next(t for t in subject.crime_types if t != whole)
    measure = SOLVED if subject.measure == SOLVED else OFFENCES
    part_row, whole_row = tables.row(area, part), tables.row(area, whole)
    if part_row is None or whole_row is None:
        return None
    a, b = part_row.value(measure, period), whole_row.value(measure, period)
    if math.isnan(a) or math.isnan(b) or b == 0:
        return None
    share = round(a / b * 100, 1)
    part_key, whole_key = f"row:{area}|{part}", f"row:{area}|{whole}"
    statement = (f"The performance tables show that {crime_name(part)} made up {format_percent(share)} of "
                 f"{unit_name(whole)} {in_place(area)} in the {period}: {format_count(a)} [[{part_key}]] of "
                 f"{format_count(b)} [[{whole_key}]], worked out from the two cited figures.")
    ok = judge_value(shape.amount, share, 1)
    reason = f"{capitalised(tolerance_words(shape.amount))}; {format_percent(share)} {'is' if ok else 'is not'}."
    cites = {part_key: _row_cite(part_row, measure, period), whole_key: _row_cite(whole_row, measure, period)}
    figures = [(a, measure, area, part, period, part_key), (b, measure, area, whole, period, whole_key),
               (share, SHARE_MEASURE, area, part, period, part_key)]
    suggestion = capitalised(f"{crime_name(part)} made up {format_percent(share)} of "
                                           f"{unit_name(whole)} {in_place(area)} in the {period} "
                                           f"[[{part_key}]][[{whole_key}]].")
    return Evidence(SUPPORTED if ok else CONTRADICTED, "table", period_end(period), f"the {period}",
                    statement, reason, cites, figures, suggestion, part_row.source_document)


# ---------------------------------------------------------------- one row: a change or a level


def _judge_row(shape: ClaimShape, subject: Subject, row, period: str | None) -> Evidence | None:
    key = f"row:{row.source_document}:{row.row_start}"  # one per printed line: two editions never share one
    name, place = crime_name(row.crime_type), in_place(row.area)
    if shape.quantity in (CHANGE, DIRECTION) and subject.measure != DA_SHARE:
        return _judge_change(shape, subject, row, key, name, place)
    if shape.quantity in (LEVEL, SHARE) and shape.amount is not None:
        if subject.measure == DA_SHARE:
            period = row.years[1]
        elif shape.quantity == SHARE and shape.amount.kind == PERCENT:
            return None  # a share of one row in another is `_judge_share`'s
        return _judge_level(shape, subject, row, period or row.years[1], key, name, place)
    return None


class _Change(NamedTuple):
    """A row's printed values for the two years and the printed change between them."""

    before: float
    after: float
    diff: float
    pct: float  # the percentage change; for a solved rate, the change in points again


def _judge_change(shape: ClaimShape, subject: Subject, row, key: str, name: str, place: str) -> Evidence | None:
    """A claimed rise or fall, and its size, against the printed change between the two table years."""
    measure, amount = subject.measure, shape.amount
    rate = measure == SOLVED_RATE
    diff_key = CHANGE_OF[measure]
    pct_key = diff_key if rate else PERCENT_CHANGE.get(measure)  # a rate's change is printed in points only
    change = _Change(row.value(measure, row.years[0]), row.value(measure, row.years[1]),
                     row.value(diff_key, row.change_period), row.value(pct_key, row.change_period))
    if math.isnan(change.diff):
        return None
    judged = _change_verdict(amount, subject.direction, change, rate, shape.points)
    if judged is None:
        return None
    verdict, reason, share = judged
    said, safer = _change_words(row, measure, name, place, amount, change)
    statement = (f"The performance tables show that {said} in the {row.years[1]} compared with the "
                 f"{row.years[0]} [[{key}]].")
    suggestion = capitalised(f"{safer} [[{key}]].")
    in_percent = amount is not None and amount.kind == PERCENT and not math.isnan(change.pct)
    figures = [(change.before, measure, row.area, row.crime_type, row.years[0], key),
               (change.after, measure, row.area, row.crime_type, row.years[1], key),
               (change.diff, diff_key, row.area, row.crime_type, row.change_period, key)]
    if not rate and not math.isnan(change.pct):
        figures.append((change.pct, pct_key, row.area, row.crime_type, row.change_period, key))
    if share is not None:  # worked out from the two cited rates, which the number guard checks
        figures.append((share, SHARE_MEASURE, row.area, row.crime_type, row.change_period, key))
    return Evidence(verdict, "table", period_end(row.years[1]), f"the {row.years[1]}", statement, reason,
                    {key: _row_cite(row, pct_key if in_percent else diff_key, row.change_period)},
                    [f for f in figures if not math.isnan(f[0])], suggestion, row.source_document,
                    caveats=_rate_caveat(row, measure))


def _change_verdict(amount, direction: str | None, change: _Change, rate: bool,
                    points: bool) -> tuple[str, str, float | None] | None:
    """Does the printed change back the claimed direction and size? None when the claim's kind of figure is
    not printed (a percentage change the table leaves blank). The third value is a rate's worked-out ratio."""
    diff = change.diff
    if direction and (diff == 0 or (diff > 0) != (direction == UP)):
        return CONTRADICTED, (f"The claim says it {'rose' if direction == UP else 'fell'}; the tables show "
                              + ("no change." if diff == 0 else f"it {_moved(diff)}.")), None
    if amount is None:
        return SUPPORTED, (f"That is a {'rise' if direction == UP else 'fall'}, as the claim says." if direction
                           else ""), None
    in_percent = amount.kind == PERCENT
    if rate and in_percent:
        reading = judge_rate_change(amount, change.before, change.after, diff, points)
        return (SUPPORTED if reading.ok else CONTRADICTED), reading.reason, reading.share
    if in_percent and math.isnan(change.pct):
        return None
    value = abs(change.pct if in_percent else diff)
    shown = format_percent(value) if in_percent else format_count(value)
    ok = judge_value(amount, value, 1 if in_percent else 0)
    reason = f"{capitalised(tolerance_words(amount))}; {shown} {'is' if ok else 'is not'}."
    return (SUPPORTED if ok else CONTRADICTED), reason, None


def _change_words(row, measure: str, name: str, place: str, amount, change: _Change) -> tuple[str, str]:
    """What the row shows, and the safer wording to suggest for a claim it does not back: "fell by 6.9% in
    ..., from 18,844 to 17,537 offences", in the claim's own kind of figure where the row prints it."""
    before, after, diff, pct = change
    moved = _moved(diff)
    since = f"in the {row.years[1]} compared with the {row.years[0]}"
    if measure == SOLVED_RATE:
        name = "all crime" if row.crime_type == vocab.ALL_CRIME else name
        said = (f"the solved rate for {name} {place} {moved} from {format_percent(before)} to "
                f"{format_percent(after)} ({signed_points(diff)} percentage points)")
        return said, f"{said} {since}"
    unit = "incidents" if is_incidents(row.crime_type) else "solved outcomes" if measure == SOLVED else "offences"
    subject = name if measure == OFFENCES else f"solved outcomes for {name}"
    shown = format_count(diff, signed=True) + ("" if math.isnan(pct) else f", {format_percent(pct, signed=True)}")
    said = f"{subject} {place} {moved} from {format_count(before)} to {format_count(after)} {unit} ({shown})"
    if diff == 0:
        return said, f"{said} {since}"
    if math.isnan(pct) or (amount is not None and amount.kind == COUNT):
        by = f"{format_count(abs(diff))} {unit}"
    else:
        by = format_percent(abs(pct))
    return said, (f"{subject} {place} {moved} by {by} {since}, from {format_count(before)} to "
                  f"{format_count(after)} {unit}")


def _moved(diff: float) -> str:
    return "rose" if diff > 0 else "fell" if diff < 0 else "stayed the same"


def _judge_level(shape: ClaimShape, subject: Subject, row, period: str, key: str, name: str,
                 place: str) -> Evidence | None:
    """A claimed count or rate for one period against the printed cell; a claimed direction too, if any."""
    amount, measure = shape.amount, subject.measure
    if (amount.kind == PERCENT) != (measure in (SOLVED_RATE, DA_SHARE)) or amount.kind not in (PERCENT, COUNT):
        return None
    value = row.value(measure, period)
    if math.isnan(value):
        return None
    said = _level_words(row, measure, value, name, place)
    statement = f"The performance tables show that {said} in the {period} [[{key}]]."
    ok = judge_value(amount, value, 1 if amount.kind == PERCENT else 0)
    shown = format_percent(value) if amount.kind == PERCENT else format_count(value)
    reason = f"{capitalised(tolerance_words(amount))}; {shown} {'is' if ok else 'is not'}."
    verdict = SUPPORTED if ok else CONTRADICTED
    direction, change_key = subject.direction, CHANGE_OF.get(measure)
    figures = [(value, measure, row.area, row.crime_type, period, key)]
    if direction and change_key and period == row.years[1]:  # "rose to 15.5%": the level, and which way it went
        diff = row.value(change_key, row.change_period)
        earlier = row.value(measure, row.years[0])
        if not math.isnan(diff):
            went = "up" if diff > 0 else "down" if diff < 0 else "unchanged"
            shown_before = format_percent(earlier) if amount.kind == PERCENT else format_count(earlier)
            statement = statement[:-1] + f", against {shown_before} in the {row.years[0]}."
            figures.append((earlier, measure, row.area, row.crime_type, row.years[0], key))
            if diff == 0 or (diff > 0) != (direction == UP):
                verdict = CONTRADICTED
                reason += f" The claim also says it went {'up' if direction == UP else 'down'}; it went {went}."
    suggestion = capitalised(f"{said} in the {period} [[{key}]].")
    return Evidence(verdict, "table", period_end(period), f"the {period}", statement, reason,
                    {key: _row_cite(row, measure, period)}, figures, suggestion, row.source_document,
                    caveats=_rate_caveat(row, measure))


def _level_words(row, measure: str, value: float, name: str, place: str) -> str:
    """The printed cell in a sentence: "Harlow recorded 9,868 offences ...", "the solved rate for ... was"."""
    if measure == SOLVED_RATE:
        name = "all crime" if row.crime_type == vocab.ALL_CRIME else name
        return f"the solved rate for {name} {place} was {format_percent(value)}"
    if measure == DA_SHARE:
        return f"{format_percent(value)} of {unit_name(row.crime_type)} {place} were domestic-abuse related"
    if measure == SOLVED:
        return f"{format_count(value)} solved outcomes were recorded for {name} {place}"
    if row.area == vocab.FORCE:
        return f"{format_count(value)} {unit_name(row.crime_type)} were recorded across {row.area}"
    return f"{row.area} recorded {format_count(value)} {unit_name(row.crime_type)}"


def _rate_caveat(row, measure: str) -> tuple[str, ...]:
    rates = [row.value(SOLVED_RATE, p) for p in (row.years[0], row.years[1])]
    if measure == SOLVED_RATE and any(r > 100 for r in rates if not math.isnan(r)):
        return ("A solved rate above one hundred per cent appears here: outcomes can relate to crimes recorded "
                "in an earlier period, so do not quote it as a rate.",)
    return ()
