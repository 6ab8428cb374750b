"""The claims' reading of the prose (claims.prose) holds each paragraph's window of terms once, and every
unit's window is still its paragraph's, its previous unit's and its section path's terms."""

from __future__ import annotations

import pytest

from assistant.claims.prose import ProseIndex
from assistant.text.terms import content_terms

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prose(engine) -> ProseIndex:
    return engine.prose


def test_each_window_is_its_paragraph_the_unit_before_and_its_section(prose):
    units = prose.units
    for unit in units:
        near = [u for u in units if (u.document, u.paragraph) == (unit.document, unit.paragraph)]
        if unit.position and units[unit.position - 1].document == unit.document:
            near.append(units[unit.position - 1])
        assert unit.window == frozenset().union(*(u.terms for u in near)) | content_terms(" ".join(unit.section))


def test_the_units_of_a_paragraph_after_its_first_share_one_window(prose):
    paragraphs: dict[tuple[str, int], list] = {}
    for unit in prose.units:
        paragraphs.setdefault((unit.document, unit.paragraph), []).append(unit)
    assert any(len(units) > 2 for units in paragraphs.values())
    for units in paragraphs.values():
        assert len({id(u.window) for u in units[1:]}) <= 1
