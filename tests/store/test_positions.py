"""`LoadedIndex.sentence_position`, held as sorted arrays, answers as the dict of every (document, start) did."""

from __future__ import annotations

import random

import pytest

from assistant.store.load import Sentence, SentencePositions, load_index


@pytest.mark.parametrize("seed", range(20))
def test_positions_are_those_a_dict_keeps(seed):
    rng = random.Random(seed)
    documents = [f"doc {n}.md" for n in range(rng.randint(1, 5))]
    sentences = [Sentence(f"s{i}", i, rng.choice(documents), rng.randint(0, 60), 0) for i in range(rng.randint(0, 80))]
    expected = {(s.document, s.start): i for i, s in enumerate(sentences)}  # a repeated key keeps its last position
    positions = SentencePositions(sentences)
    assert dict(positions) == expected and len(positions) == len(expected)
    for key in [*expected, ("doc 0.md", -1), ("doc 0.md", 61), ("no such document", 0), ("doc 0.md", 1 << 40)]:
        assert positions.get(key) == expected.get(key)


@pytest.mark.slow
def test_the_real_index_finds_every_sentence_at_its_position(index_dir):
    index = load_index(index_dir)
    assert all(index.sentence_position[(s.document, s.start)] == i for i, s in enumerate(index.sentences))
