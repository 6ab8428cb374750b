"""Each sentence's terms and context label, saved by the build: read back, they are what working them out afresh
gives; an index whose rules have changed since its build has them worked out afresh; and the postings and the
document frequencies read off the saved arrays are what the plain Python sets and dicts would hold."""

from __future__ import annotations

import dataclasses
import json
import random

import numpy as np
import pytest

from assistant.answer.facts import IndexFacts
from assistant.store import sentence_facts
from assistant.store.load import load_index
from assistant.store.manifest import current_build
from assistant.store.sentence_facts import IdSets, postings, work_out

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded(index_dir):
    return load_index(index_dir)


def test_the_build_saves_the_facts_that_working_them_out_gives(loaded):
    saved = loaded.sentence_facts
    assert saved is not None  # built by this version: read, not worked out
    fresh = work_out(loaded.documents, loaded.sentences)
    assert saved.labels == fresh.labels and np.array_equal(saved.label_of, fresh.label_of)
    for mine, theirs, names in ((saved.terms, fresh.terms, len(saved.label_of)),
                                (saved.label_terms, fresh.label_terms, len(saved.labels))):
        assert len(mine) == len(theirs) == names
        assert all({saved.names[j] for j in mine.row(k)} == {fresh.names[j] for j in theirs.row(k)}
                   for k in range(names))


def test_a_passage_answer_reads_the_same_facts_saved_or_worked_out(loaded):
    saved, fresh = IndexFacts(loaded), IndexFacts(dataclasses.replace(loaded, sentence_facts=None))
    for i in range(len(loaded.sentences)):
        assert saved.sentence_terms(i) == fresh.sentence_terms(i) and saved.label(i) == fresh.label(i)
        assert saved.label_terms(i) == fresh.label_terms(i)
    assert saved.known_terms() == fresh.known_terms()
    rng = random.Random(0)
    words = sorted(saved.known_terms()[0])
    for _ in range(100):
        weights = {t: rng.random() for t in rng.sample(words, rng.randint(1, 5))}
        assert saved.covering(weights, 0.5) == fresh.covering(weights, 0.5)


def test_facts_saved_under_other_rules_are_worked_out_afresh(index_dir, tmp_path, monkeypatch):
    import shutil

    copy = shutil.copytree(index_dir, tmp_path / "index")
    assert load_index(copy).sentence_facts is not None
    monkeypatch.setattr(sentence_facts, "rules_fingerprint", lambda: "rules changed since the build")
    assert load_index(copy).sentence_facts is None
    manifest = json.loads((current_build(copy) / "manifest.json").read_text())
    assert manifest["sentence_facts"]["rules"] != "rules changed since the build"


@pytest.mark.parametrize("seed", range(20))
def test_postings_hold_each_row_once_in_order(seed):
    rng = np.random.default_rng(seed)
    size, rows_n = int(rng.integers(1, 30)), int(rng.integers(0, 40))
    pairs = [(int(r), int(t)) for r in range(rows_n) for t in rng.integers(0, size, rng.integers(0, 6))]
    rng.shuffle(pairs)
    found = postings(np.array([r for r, _ in pairs], dtype=np.int32), np.array([t for _, t in pairs], dtype=np.int32),
                     size)
    for term in range(size):
        assert found.row(term).tolist() == sorted({r for r, t in pairs if t == term})


def test_sentence_postings_are_each_sentences_own_and_label_terms(loaded):
    saved = loaded.sentence_facts
    held = [set(saved.terms.row(i).tolist()) | set(saved.label_terms.row(k).tolist())
            for i, k in enumerate(saved.label_of.tolist())]
    found = saved.term_postings()
    assert isinstance(found, IdSets) and len(found) == len(saved.names)
    for term in range(len(saved.names)):
        assert found.row(term).tolist() == [i for i, terms in enumerate(held) if term in terms]


def test_document_frequency_is_the_passages_holding_each_word(loaded):
    passages_of: dict[str, set[int]] = {}
    data = loaded.bm25.scores
    for word, column in loaded.bm25.vocab_dict.items():
        if column + 1 < len(data["indptr"]):
            passages_of[word] = set(data["indices"][data["indptr"][column]:data["indptr"][column + 1]].tolist())
    frequency = loaded.document_frequency
    assert dict(frequency) == {word: len(held) for word, held in passages_of.items()}
    assert len(frequency) == len(passages_of) and frequency.get("nosuchwordanywhere", 0) == 0
