"""Bodies named after the indexed force's area ("Kent County Council", "Safer Kent Roads Partnership") are blanked
as organisations, so their words are no place or crime type; the force's name is learned from the index, never
written in code, so another county's bodies are not this index's. On the generated Kent corpus."""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.understand import cues

pytestmark = pytest.mark.slow

BODIES = ("{f} County Council", "{f} County Fire and Rescue Service", "Safer {f} Roads Partnership",
          "{f} Prevent Delivery Group", "{f} Community Safety Network", "{f} Police Fire and Crime Commissioner")


@pytest.mark.parametrize("body", BODIES)
def test_a_body_named_after_the_indexed_force_is_blanked(kent, body):
    with vocab.using(kent.vocabulary):
        name = vocab.normalise(body.format(f="Kent"))
        blanked = cues.blank_organisations(f"what did the {name} say about burglary")
    assert "kent" not in blanked.split(), blanked
    assert blanked.split()[-3:] == ["say", "about", "burglary"]


@pytest.mark.parametrize("body", BODIES[:5])
def test_another_county_s_body_is_not_taken_for_this_index_s(kent, body):
    with vocab.using(kent.vocabulary):
        name = vocab.normalise(body.format(f="Wessex"))
        assert "wessex" in cues.blank_organisations(f"what did the {name} say").split()


def test_bodies_named_the_same_everywhere_are_blanked_in_any_index(kent):
    with vocab.using(kent.vocabulary):
        for name in ("police and crime panel", "community safety partnership", "serious violence duty"):
            assert cues.blank_organisations(f"the {name} on burglary").split() == ["the", "on", "burglary"]
