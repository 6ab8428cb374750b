"""The number guard for table answers: each figure is checked against its own cell, not against its row.

The citation guard (`answer.guard`) looks for a stated number anywhere in the quoted row, so a "0" taken from
the wrong edition's row passes when some other cell of that row prints a 0. Here every figure an answer
records is looked up in the exact cell it names (edition, area, crime type, measure, period) and must equal
it; its citation must be that cell's row; and every number the text states must be one of those checked
figures, a figure worked out from two of them, or a number of the periods and notes the answer repeats.
An answer that fails is withheld, and the reason goes to evaluators, never into the user's text.
"""

from __future__ import annotations

import math

from assistant.text.numbers import numbers_in

from assistant.understand.query import PER_HEAD

from .index import COMPUTED_MEASURES, TableIndex, TableResult
from .wording import per_head_unit


def misstated(result: TableResult, tables: TableIndex, question: str = "") -> list[str]:
    """Why `result` must not be shown: each figure not equal to its own cell, cited to another row, or a
    number in the text that no checked figure accounts for. Empty when every figure checks out."""
    editions = {table.edition.id: table for table in tables.editions}
    problems: list[str] = []
    allowed: set[float] = set(numbers_in(question))
    for note in getattr(result.context, "notes", ()) or ():
        allowed.update(numbers_in(note))
    for figure in result.figures:
        allowed.update(numbers_in(figure.period))
        allowed.update(numbers_in(figure.edition))
        if figure.measure in COMPUTED_MEASURES:
            allowed.add(abs(figure.value))
            continue
        table = editions.get(figure.edition)
        row = table.row(figure.area, figure.crime_type) if table is not None else None
        cell = row.cells.get((figure.measure, figure.period)) if row is not None else None
        where = f"{figure.measure} for {figure.crime_type} in {figure.area}, {figure.period} ({figure.edition})"
        if cell is None:
            problems.append(f"a figure names a cell no table prints: {where}")
            continue
        if math.isnan(cell.value) or abs(cell.value - figure.value) > 1e-9:
            problems.append(f"a figure of {figure.value:g} is not what its cell prints ({cell.printed}): {where}")
            continue
        cited = result.rows[figure.row - 1] if 0 < figure.row <= len(result.rows) else None
        if cited is None or (cited.edition, cited.area, cited.crime_type) != (figure.edition, figure.area,
                                                                               figure.crime_type):
            problems.append(f"a figure is cited to another row than its own: {where}")
            continue
        allowed.add(abs(figure.value))
        if figure.measure == PER_HEAD:  # its unit, as its column prints it ("per 1,000 population")
            allowed.update(numbers_in(per_head_unit(cited.column_label)))
    for ref in result.rows:  # labels that carry digits ("Rape - Under 16 yrs") are words, not figures
        for label in (ref.edition, ref.area, ref.crime_type, ref.row_label, ref.table_title):
            allowed.update(numbers_in(label))
    problems += [f"the text states {number:g}, which no checked figure of this answer accounts for"
                 for number in numbers_in(result.text) if number not in allowed]
    return problems
