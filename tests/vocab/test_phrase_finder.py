"""The vocabulary's phrases are found by their first words (`vocab.phrases.PhraseFinder`), which a new process makes
in under a millisecond where compiling them took 15-20 ms; it must find exactly what one alternation of the
phrases, longest first, finds: the same spans and words, on generated phrases of words that share their first
words and prefixes, in texts with punctuation, underscores, digits, other scripts and runs of spaces (a blanked
match), and on the real vocabulary over every sentence of the corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.text.normalise import normalise
from assistant.vocab.phrases import PhraseFinder, matcher


def alternation(phrases) -> re.Pattern:
    """The matcher as it first was: one alternation, longest phrase first."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def found(pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


# Few letters, so phrases share first words and prefixes ("ab", "ab b", "abb"), with a digit, an underscore and
# a letter of another script, all word characters to `re`.
WORD = st.text(alphabet="ab1_é", min_size=1, max_size=4)
PHRASE = st.builds(lambda words, joins: "".join(w + j for w, j in zip(words, joins)) + words[-1],
                   st.lists(WORD, min_size=1, max_size=4), st.lists(st.sampled_from([" ", "-", " & ", "'"]), max_size=3))
GAP = st.sampled_from([" ", "  ", "-", ", ", "\n", "_", "", "'s "])


@settings(max_examples=500, deadline=None)
@given(st.lists(PHRASE, min_size=1, max_size=10, unique=True), st.data())
def test_the_first_word_finder_finds_what_the_longest_first_alternation_finds(phrases, data):
    pieces = data.draw(st.lists(st.tuples(st.sampled_from(phrases) | WORD, GAP), max_size=14))
    text = "".join(piece + gap for piece, gap in pieces)
    finder = matcher(phrases)
    assert isinstance(finder, PhraseFinder)  # every phrase starts and ends with a word character
    assert found(finder, text) == found(alternation(phrases), text)
    search = finder.search(text)
    assert (search and (search.start(), search.end(), search.group())) == (found(finder, text) or [None])[0]


def test_phrases_that_start_or_end_off_a_word_are_compiled():
    assert isinstance(matcher(["a-", "b"]), re.Pattern) and isinstance(matcher(["-a"]), re.Pattern)
    assert found(matcher(["car", "car-"]), "a car- b") == found(alternation(["car", "car-"]), "a car- b")


def test_the_longest_phrase_wins_and_words_inside_words_are_not_found():
    finder = matcher(["car", "cars", "car crime", "car crime figures", "vehicle crime"])
    assert [m.group() for m in finder.finditer("car crimes, cars and car crime; scar car crime figures")] == [
        "car", "cars", "car crime", "car crime figures"]


@pytest.mark.slow
def test_the_real_vocabulary_over_every_sentence_of_the_corpus(engine):
    vocabulary, index = engine.vocabulary, engine.index
    texts = [normalise(index.documents[s.document].text[s.start:s.end]) for s in index.sentences]
    places = {**vocabulary.area_phrases, **vocabulary.town_phrases, **vocabulary.other_phrases}
    hits = 0
    for phrases in (vocabulary.crime_phrases, places, vocabulary.generic_crime_words):
        finder, reference = matcher(phrases), alternation(phrases)
        assert isinstance(finder, PhraseFinder)
        for text in texts:
            assert found(finder, text) == found(reference, text), text
            hits += len(found(finder, text))
    assert hits > 100  # they do match
