"""Initials are paired with the phrase they stand for when the two are printed in different documents and the
phrase carries two small words between its capitals ("the Office of the Police and Crime Commissioner" in a
report, "OPCC" in a press release's contact line), so a question that writes the initials finds the phrase."""

from __future__ import annotations

import random

import pytest
from generated_corpora import coined

from assistant.records import Document
from assistant.store import names
from assistant.text.terms import content_terms


def _document(name: str, text: str) -> Document:
    return Document(id=f"{name}.txt", title=name, publisher="", date="", kind="report", path=f"{name}.txt", text=text)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("joiner", ["of the", "and the", "for the", "of", "and"])
def test_initials_pair_with_a_phrase_printed_elsewhere(seed, joiner):
    rng = random.Random(seed)
    first, second, third = (coined(rng).capitalize() for _ in range(3))
    phrase = f"Office {joiner} {first} {second} {third}"
    short = "O" + first[0] + second[0] + third[0]
    report = _document("report", f"The fund has not yet been confirmed by the {phrase}.")
    release = _document("release", f"Media enquiries: {short} Communications Team.")
    found = names.initials_of([report, release])
    assert found.get(next(iter(content_terms(short)))) == frozenset(content_terms(phrase))


def test_three_small_words_break_a_phrase():
    """"Office of the and Crime Commissioner" is no name: at most two small words sit between its capitals."""
    assert not names.PHRASE.fullmatch("Office of the and Crime Commissioner")
    assert names.PHRASE.fullmatch("Office of the Police and Crime Commissioner")
