"""A unit's window reads the term sets it is made of rather than a copy of their union (issue 18), and answers
whether it holds a word exactly as that union would: checked on every unit of the repo's corpus, with words of
the unit's own paragraph, of other documents and words no unit holds."""

from __future__ import annotations

import random

from assistant.claims.prose import Window
from assistant.claims.term_sets import union


def test_a_window_holds_a_word_exactly_when_one_of_its_parts_does(engine):
    prose = engine.prose
    units = prose.units
    every_word = sorted({word for unit in units for word in unit.terms})
    rng = random.Random(0)
    for unit in units:
        window = unit.window
        assert isinstance(window, Window)
        whole = frozenset(union(window.parts, prose.term_ids))
        tried = [*list(whole)[:20], *rng.sample(every_word, min(20, len(every_word))), "zzz-no-such-word", 7]
        assert [word in window for word in tried] == [word in whole for word in tried]
        assert set(window) == whole and len(window) == len(whole)


def test_a_window_is_made_of_its_units_own_term_sets_not_copies(engine):
    units = engine.prose.units
    own = {id(unit.terms) for unit in units}
    for unit in units:
        assert id(unit.terms) in {id(part) for part in unit.window.parts}
        assert sum(id(part) in own for part in unit.window.parts) >= 1
