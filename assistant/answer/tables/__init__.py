"""Exact answers from the performance tables: one understood `Query` in, sentences with cited rows out.

A wrong number is the worst thing this product can say, so every figure in the text is a printed cell,
formatted the one way `numbers` formats figures, and followed by the marker of the table row it came from.
The only numbers not printed in a cited row are a share or a difference worked out from two cited cells;
those are listed in `figures` under `COMPUTED_MEASURES` so a citation guard can tell them apart.
Counts of districts are written in words so they can never be mistaken for a figure.

    resolve   the entry point `answer_table`: what the tables can take, the defaults, the refusals
    facts     a look-up, a change between the years, a comparison, a share
    rank      rankings of areas and of crime types
    index     the rows as records, the cited-row and figure records, and the one citation numbering
    wording   names, units, places, figures and counts as the answers word them
"""

from .index import COMPUTED_MEASURES, DIFFERENCE, SHARE, TOTAL_OF, FigureRef, RowRef, TableIndex, TableResult
from .resolve import answer_table
from .wording import scope_sentence

__all__ = ["COMPUTED_MEASURES", "DIFFERENCE", "SHARE", "TOTAL_OF", "FigureRef", "RowRef", "TableIndex", "TableResult",
           "answer_table", "scope_sentence"]
