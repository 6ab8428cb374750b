"""A table row that carries its header is found by the questions people ask about it: with the real model, the
labelled row ("Ref: 25/24<TAB>Action: ...<TAB>Owner: ...") is closer in meaning to "who owns action 25/24?" than
the bare row was, and in an index of a generated council's minutes it is among the few lines closest to a question
about who is to do the action (those the passage selection reads first).

Rows, names and questions are generated here (see `test_units_tables`), so no expectation was written around
one document.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from test_units_tables import action_log, write_word
from assistant.ingest.assemble import labelled_table
from assistant.store.embedding import encode

QUESTIONS = ("Who owns action {ref}?", "what is the deadline for action {ref}", "who is doing action {ref} and by when?")


@pytest.mark.parametrize("seed", range(3))
def test_a_labelled_row_is_closer_to_questions_about_it_than_the_bare_row(seed):
    rows = action_log(seed)
    bare = ["\t".join(row) for row in rows]
    labelled = labelled_table(bare)[1:]
    asked = [template.format(ref=row[0]) for row in rows[1:] for template in QUESTIONS]
    vectors = encode(asked + bare[1:] + labelled)
    questions, plain, named = np.split(vectors, [len(asked), len(asked) + len(bare) - 1])
    gain = [float(q @ named[i // len(QUESTIONS)]) - float(q @ plain[i // len(QUESTIONS)])
            for i, q in enumerate(questions)]
    # Most questions, and all of them on average: a question in words no header uses ("who is doing ...")
    # gains less, but the labels still say which cell is the person and which the date.
    assert sum(g > 0 for g in gain) >= 2 / 3 * len(gain) and np.mean(gain) > 0.02


@pytest.fixture(scope="module")
def minutes_index(tmp_path_factory):
    from assistant.store.build import build_index
    from assistant.store.load import load_index

    corpus = tmp_path_factory.mktemp("units-corpus")
    rows = action_log(11)
    write_word(corpus / "fenland-csp-minutes.docx", "Safer Fenland Partnership", rows)
    (corpus / "manifest.json").write_text(json.dumps({"documents": []}), encoding="utf-8")
    index = tmp_path_factory.mktemp("units-index")
    build_index(corpus, index)
    return rows, load_index(index)


CLOSEST = 3


def test_in_an_index_the_row_is_among_the_closest_lines_to_a_question_about_its_owner(minutes_index):
    rows, index = minutes_index
    texts = [index.documents[s.document].text[s.start:s.end] for s in index.sentences]
    for row in rows[1:]:
        question = encode([f"Who has to {row[1][0].lower()}{row[1][1:]}, and by when?"])[0]
        closeness = index.sentence_search.raw(question, np.arange(len(texts)))
        closest = [texts[i] for i in np.argsort(-closeness)[:CLOSEST]]
        assert any(row[0] in text and row[2] in text for text in closest), (row, closest)
