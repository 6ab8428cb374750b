"""An area's figures at a glance: "Summarise crime in Colchester", "How is Basildon doing?", "Give me the
figures for Brentwood".

A councillor asking how their district is doing wants more than one cell: all crime and how it moved, the
solved rate and how it moved, and which offences rose and fell most. Each of those is a printed cell, cited
where it is printed; nothing is worked out but the order of the rises and falls.
"""

from __future__ import annotations

from assistant.understand.query import CHANGE, OFFENCES, SOLVED_RATE, Query

from .facts import answer_lookup, change_sentence
from .index import Citations, EditionTable, TableResult, cited_result
from .rank import type_pool
from .wording import crime_name, join_and, show

MOVERS = 3  # rises and falls named


def answer_overview(query: Query, index: EditionTable) -> TableResult:
    area, total = query.areas[0], query.crime_types[0]
    row = index.row(area, total)
    cite = Citations()
    sentences = [s for measure in (OFFENCES, SOLVED_RATE) if (s := change_sentence(row, measure, cite))]
    if not sentences:  # a summary whose differences are not printed: the one figure it does print
        return answer_lookup(query, index)
    pool = type_pool((), index)[0]
    changes = [(row.value(CHANGE[OFFENCES], index.change_period), crime_type, row)
               for crime_type in pool if (row := index.row(area, crime_type)) is not None]
    rises = sorted((c for c in changes if c[0] > 0), key=lambda c: -c[0])[:MOVERS]
    falls = sorted((c for c in changes if c[0] < 0), key=lambda c: c[0])[:MOVERS]
    moved = []
    for word, group in (("rises", rises), ("falls", falls)):
        if group:
            items = [f"{crime_name(crime_type)} ({show(value, CHANGE[OFFENCES])}) "
                     f"[{cite.cite(row, CHANGE[OFFENCES], index.change_period)}]" for value, crime_type, row in group]
            moved.append(f"the largest {word} were in {join_and(items)}")
    if moved:
        sentences.append(f"Among the detailed crime types, {'; '.join(moved)}.")
    return cited_result(" ".join(sentences), True, cite, query)
