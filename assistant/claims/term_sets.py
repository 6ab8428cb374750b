"""Sets of words held as sorted integer ids into one shared vocabulary, for the prose index's many small sets.

The prose index keeps the words of every sentence and of its surroundings (its paragraph, the sentence
before, its section path) to judge whether a sentence is about what a claim is about. As Python frozensets of
strings these took 10 KB a passage (a frozenset of 60 words is 2.7 KB of hash table); as sorted 4-byte ids,
1.6 KB (tracemalloc, synthetic corpus of 1,859 passages). A `TermSet` answers what the claims code asks of a
set of words: membership, union, iteration, length and equality with an ordinary set.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Set


class TermIds:
    """The shared vocabulary: each word's id, and each id's word."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.words: list[str] = []

    def id_of(self, word: str) -> int:
        found = self.ids.get(word)
        if found is None:
            found = self.ids[word] = len(self.words)
            self.words.append(word)
        return found

    def term_set(self, words: Iterable[str]) -> TermSet:
        return TermSet(self, sorted({self.id_of(word) for word in words}))


class TermSet(Set):
    """An immutable set of words, stored as the sorted ids of `vocabulary`."""

    __slots__ = ("vocabulary", "ids")

    def __init__(self, vocabulary: TermIds, sorted_ids: Iterable[int]):
        self.vocabulary = vocabulary
        self.ids = array("I", sorted_ids)

    def __contains__(self, word: object) -> bool:
        found = self.vocabulary.ids.get(word) if isinstance(word, str) else None
        if found is None:
            return False
        at = bisect_left(self.ids, found)
        return at < len(self.ids) and self.ids[at] == found

    def __iter__(self) -> Iterator[str]:
        words = self.vocabulary.words
        return (words[i] for i in self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __or__(self, other):
        if isinstance(other, TermSet) and other.vocabulary is self.vocabulary:
            return TermSet(self.vocabulary, sorted(set(self.ids).union(other.ids)))
        if isinstance(other, Set):
            return frozenset(self) | frozenset(other)
        return NotImplemented

    __ror__ = __or__

    def __hash__(self) -> int:
        return self._hash()

    def __repr__(self) -> str:
        return f"TermSet({sorted(self)!r})"


def union(sets: Iterable[TermSet], vocabulary: TermIds) -> TermSet:
    """The union of several term sets of one vocabulary, as one."""
    ids: set[int] = set()
    for each in sets:
        ids.update(each.ids)
    return TermSet(vocabulary, sorted(ids))
