"""The vocabulary's phrase matcher (`vocab.phrases.matcher`, written as a trie so a new process compiles it in a
third of the time) finds exactly what one alternation of the phrases, longest first, finds: the same spans and
words, on generated phrases built to share prefixes and on the real vocabulary over the repo's questions."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import vocab
from assistant.config import PROJECT_ROOT
from assistant.text.normalise import normalise
from assistant.vocab.phrases import matcher


def alternation(phrases) -> re.Pattern:
    """The matcher as it was: one alternation, longest phrase first."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def found(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


# A small alphabet with a space and a hyphen, so phrases often share prefixes and end mid-word.
WORDS = st.text(alphabet="ab -.", min_size=1, max_size=7)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12, unique=True), st.lists(WORDS, max_size=8))
def test_the_trie_finds_what_the_longest_first_alternation_finds(phrases, pieces):
    text = " ".join(pieces + phrases + pieces[::-1])
    assert found(matcher(phrases), text) == found(alternation(phrases), text)


def test_a_phrase_inside_a_longer_word_is_not_found_and_the_longest_phrase_wins():
    pattern = matcher(["car", "cars", "car crime", "vehicle crime"])
    assert [m.group() for m in pattern.finditer("car crimes, cars and car crime; scar")] == ["car", "cars",
                                                                                            "car crime"]


def test_no_phrases_match_nothing():
    assert matcher([]).search("anything at all") is None


def test_the_vocabulary_s_matchers_on_the_repo_questions(corpus_vocabulary):
    texts = []
    for name in ("questions", "sample", "heldout", "heldout_passages_e"):
        for line in (PROJECT_ROOT / "questions" / f"{name}.jsonl").read_text().splitlines():
            item = json.loads(line)
            texts += [item.get("question") or "", item.get("claim") or "", *item.get("turns", [])]
    texts = [normalise(text) for text in texts if text]
    assert len(texts) > 400
    tables = (corpus_vocabulary.crime_phrases, corpus_vocabulary.area_phrases, vocab.DEFAULT.crime_phrases)
    assert sum(bool(found(matcher(t), text)) for t in tables[:1] for text in texts) > 100  # they do match
    for phrases in tables:
        trie, reference = matcher(phrases), alternation(phrases)
        assert [found(trie, text) for text in texts] == [found(reference, text) for text in texts]
