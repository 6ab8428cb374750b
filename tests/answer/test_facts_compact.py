"""The passage facts held as integer ids return what reading each sentence afresh gives: properties checked
over every sentence, passage and document of the real corpus."""

from __future__ import annotations

import random
import re

import pytest

from assistant.answer.facts import IndexFacts
from assistant.text.context import context_label
from assistant.text.dates import years_in
from assistant.store.load import load_index
from assistant.text.terms import content_terms_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def facts(index_dir) -> IndexFacts:
    facts = IndexFacts(load_index(index_dir))
    facts.prepare()
    return facts


def test_each_sentence_has_its_own_terms_label_and_label_terms(facts):
    index = facts.index
    texts = [facts.text(s) for s in index.sentences]
    labels = [context_label(index.documents[s.document], s.start) for s in index.sentences]
    own, of_labels = content_terms_of(texts), content_terms_of(labels)
    for i in range(len(index.sentences)):
        assert facts.sentence_terms(i) == own[i]
        assert facts.label(i) == labels[i]
        assert facts.label_terms(i) == of_labels[i]
    assert set().union(*own) <= facts.known_terms()[0]


def test_a_passage_has_its_sentences_and_their_terms(facts):
    index = facts.index
    for chunk in range(len(index.chunks)):
        members = [i for i, s in enumerate(index.sentences) if s.chunk == chunk]
        assert facts.sentences_of(chunk) == members
        assert facts.passage_terms(chunk) == frozenset().union(*(facts.sentence_terms(i) for i in members))


def test_covering_sums_the_weights_each_sentence_or_its_label_holds(facts):
    rng = random.Random(0)
    n = len(facts.index.sentences)
    held = [facts.sentence_terms(i) | facts.label_terms(i) for i in range(n)]
    vocabulary = sorted(set().union(*held))
    for _ in range(200):
        weights = {t: rng.random() for t in rng.sample(vocabulary, rng.randint(1, 6))}
        weights["neverawordhere"] = 0.5
        for share in (0.2, 0.55, 1.0):
            expected = {i for i in range(n) if any(t in held[i] for t in weights) and
                        sum(w for t, w in weights.items() if t in held[i]) >= share}
            assert facts.covering(weights, share) == expected


def test_a_document_mentions_a_place_when_its_title_or_text_names_it(facts):
    index = facts.index
    places = [a.name for a in index.catalogue.areas] + ["Chelmsford City", "Nowhere Town", "St. Albans"]
    for doc_id, doc in index.documents.items():
        for place in places:
            named = re.search(rf"\b{re.escape(place)}", f"{doc.title} {doc.text}", re.I) is not None
            assert facts.mentions(doc_id, place) == named
        assert facts.document(doc_id).years == years_in(f"{doc.date} {doc.text}")
