"""BM25 read and scored with numpy alone (`store.keywords`) gives exactly what bm25s gives: the same passages
in the same order, with the same scores, on a four-sentence corpus and on the repo's index for every question
of the repo's sets. bm25s itself is the reference here, so these tests import it; the answer path does not."""

from __future__ import annotations

import json

import bm25s
import numpy as np
import pytest

from assistant.config import PROJECT_ROOT
from assistant.store.keywords import KeywordIndex, top_k
from assistant.store.manifest import current_build
from assistant.text.tokens import bm25_tokens

FOUR = ["Burglary rose in Harlow last year.", "Shoplifting fell in Chelmsford, and burglary fell too.",
        "The panel met in Colchester.", "Burglary, burglary and more burglary in Harlow."]


def _save(tmp_path, texts: list[str], **params) -> bm25s.BM25:
    reference = bm25s.BM25(**params)
    reference.index(bm25_tokens(texts), show_progress=False)
    reference.save(str(tmp_path / "bm25"), show_progress=False)
    return reference


def _saved(tmp_path, texts: list[str]) -> tuple[bm25s.BM25, KeywordIndex]:
    return _save(tmp_path, texts), KeywordIndex.load(tmp_path / "bm25")


def _same(reference: bm25s.BM25, ours: KeywordIndex, words: list[str], k: int) -> None:
    expected_ids, expected_scores = reference.retrieve([words], k=k, show_progress=False)
    ids, scores = ours.retrieve([words], k=k)
    assert ids.tolist() == expected_ids.tolist(), words
    assert scores.tolist() == expected_scores.tolist(), words  # equal to the bit, not merely close


def test_four_sentences_known_answers(tmp_path):
    reference, ours = _saved(tmp_path, FOUR)
    ids, scores = ours.retrieve([bm25_tokens(["burglary in Harlow"], as_ids=False)[0]], k=2)
    assert ids.tolist() == [[3, 0]]  # three burglaries beat one; both name Harlow
    assert scores[0][0] > scores[0][1] > 0
    for question in ("burglary", "shoplifting Chelmsford", "panel Colchester", "Harlow Harlow", "nothing here"):
        words = [w for w in bm25_tokens([question], as_ids=False)[0] if w in ours.vocab_dict]
        for k in (1, 2, 4):
            _same(reference, ours, words, k)


def test_a_word_the_index_does_not_hold_adds_nothing(tmp_path):
    _, ours = _saved(tmp_path, FOUR)
    assert ours.get_scores(["burglari", "zebra"]).tolist() == ours.get_scores(["burglari"]).tolist()


def test_ties_come_out_in_bm25s_order():
    scores = np.array([1.0, 2.0, 2.0, 0.0, 2.0, 1.0], dtype=np.float32)
    assert top_k(scores, 3)[0].tolist() == bm25s.selection.topk(scores, 3, backend="numpy")[1].tolist()


def test_a_method_that_needs_a_fourth_file_is_refused(tmp_path):
    _save(tmp_path, FOUR, method="bm25+")
    with pytest.raises(ValueError, match="not one this version reads"):
        KeywordIndex.load(tmp_path / "bm25")


def test_a_larger_k_than_passages_says_how_to_fix_it(tmp_path):
    _, ours = _saved(tmp_path, FOUR)
    with pytest.raises(ValueError, match="set a smaller k"):
        ours.retrieve([["burglari"]], k=5)


# Named, not globbed: blind sets being written beside these must stay unread.
QUESTION_SETS = ("questions", "sample", "heldout", "heldout_passages", "heldout_passages_b", "heldout_passages_c",
                 "heldout_passages_d", "heldout_passages_e", "heldout_claims", "claims_classes")


def _questions() -> list[str]:
    texts = []
    for name in QUESTION_SETS:
        for line in (PROJECT_ROOT / "questions" / f"{name}.jsonl").read_text().splitlines():
            item = json.loads(line)
            texts += [item.get("question") or "", item.get("claim") or "", *item.get("turns", [])]
    return [text for text in texts if text]


@pytest.mark.slow
def test_the_repo_index_ranks_every_question_as_bm25s_does(index_dir):
    folder = current_build(index_dir) / "bm25"
    reference, ours = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0), KeywordIndex.load(folder)
    assert ours.vocab_dict == reference.vocab_dict
    questions = _questions()
    assert len(questions) > 500
    total = ours.scores["num_docs"]
    for words in bm25_tokens(questions, as_ids=False):
        words = [w for w in words if w in ours.vocab_dict]
        if words:
            _same(reference, ours, words, min(40, total))
