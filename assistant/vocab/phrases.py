"""Pure helpers that turn lists of phrases into matchers over normalised text.

Kept apart from `Vocabulary` so the rules that decide what a phrase matches (plurals, longest phrase first,
whole words only) are in one short place and carry no data about any corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .load import Sentence, normalised

# Never matches: the pattern for an empty phrase list (an empty alternation would match everywhere).
NOTHING = re.compile(r"(?!)")


class Found(NamedTuple):
    """One vocabulary hit in normalised text: its span, the canonical name, and the words that matched."""

    start: int
    end: int
    name: str
    alias: str


def blank(text: str, spans) -> str:
    """The text with each span overwritten by spaces, so later matchers skip it but positions stay put."""
    for span in spans:
        text = text[:span.start] + " " * (span.end - span.start) + text[span.end:]
    return text


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def pluralisable(word: str) -> bool:
    return word.isalpha() and not word.endswith(("s", "ing", "ed", "en", "ism"))


def with_plurals(aliases) -> set[str]:
    """Each alias and its plural on the last word ("break in" -> "break ins", "robbery" -> "robberies"), and
    on the first word of "X of/from Y" ("thefts of a vehicle", "robberies of business property")."""
    out = set()
    for alias in aliases:
        alias = normalised(alias)
        out.add(alias)
        head, _, last = alias.rpartition(" ")
        if pluralisable(last):
            out.add(f"{head} {plural(last)}".strip())
        first, *others = alias.split()
        if len(others) >= 2 and others[0] in ("of", "from") and pluralisable(first):
            out.add(" ".join((plural(first), *others)))
    return out


def phrase_table(groups: dict[str, tuple[str, ...]], plurals: bool) -> dict[str, str]:
    """Normalised phrase -> the name it stands for; the first name listed keeps a phrase two names share."""
    table: dict[str, str] = {}
    for name, aliases in groups.items():
        for alias in (with_plurals(aliases) if plurals else {normalised(a) for a in aliases}):
            table.setdefault(alias, name)
    return table


def matcher(phrases) -> PhraseFinder | re.Pattern:
    """Whole phrases only; at the leftmost place any phrase matches, the longest phrase that matches there.

    Found by their first words (`PhraseFinder`), not by one regular expression: a table's 800 crime-type phrases
    took 30-60 ms to compile as one alternation, longest first, and still 15-20 ms as a trie of their
    characters, paid by every new process before its first answer; the first-word look-up is made in under a
    millisecond and finds exactly what the alternation finds (tests/vocab/test_phrase_finder.py). A phrase
    that starts or ends with a character that is not part of a word ("-a") has no first word to be looked up by:
    a set holding one is compiled as the trie (`_trie`), which finds the same.
    """
    phrases = tuple(dict.fromkeys(phrases))
    if not phrases:
        return NOTHING
    if all(phrase and _WORD_CHAR.match(phrase) and _WORD_CHAR.match(phrase[-1]) for phrase in phrases):
        return PhraseFinder(phrases)
    return _trie(phrases)


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


class PhraseMatch(NamedTuple):
    """One phrase found, read as a `re.Match` is (`start()`, `end()`, `group()`)."""

    phrase: str
    at: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.phrase)

    def span(self) -> tuple[int, int]:
        return self.at, self.end()

    def group(self, number: int = 0) -> str:
        if number:
            raise IndexError("no such group")
        return self.phrase


class PhraseFinder:
    """Whole phrases, each starting and ending with a word character, found as one alternation of them longest
    first would find them (`finditer`, `search`), but made with no regular expression of its own.

    Why it finds the same: a phrase whose first character is a word character can only start a match where a run
    of word characters (a word) starts, and since its first word ends where the text's word does, that word is
    the phrase's first word: so only the phrases starting with that word are tried there, longest first, and the
    first one the text continues with and that ends at the end of a word is the match (what the alternation's
    closing \\b asks). The search goes on after the match, as `re.finditer` does.
    """

    def __init__(self, phrases: tuple[str, ...]):
        by_first: dict[str, list[str]] = {}
        for phrase in phrases:
            by_first.setdefault(_WORD.match(phrase).group(), []).append(phrase)
        self._by_first = {word: tuple(sorted(group, key=len, reverse=True)) for word, group in by_first.items()}

    def finditer(self, text: str):
        resume = 0
        for word in _WORD.finditer(text):
            candidates = self._by_first.get(word.group())
            if candidates is None or word.start() < resume:
                continue
            at = word.start()
            for phrase in candidates:
                if text.startswith(phrase, at) and not _WORD_CHAR.match(text, at + len(phrase)):
                    yield PhraseMatch(phrase, at)
                    resume = at + len(phrase)
                    break

    def search(self, text: str) -> PhraseMatch | None:
        return next(self.finditer(text), None)


def _trie(phrases) -> re.Pattern:
    """One regular expression for the phrases, written as a trie of their characters rather than as one
    alternation longest first (which matches the same, and took three times as long to compile). Why it is the
    same match: the phrases that can match at one place are prefixes of one another (the trie's branches start
    with different characters), and each optional ending is greedy, so the longest is tried first and a shorter
    one only if a longer one fails the closing word boundary - the order the longest-first alternation tries them
    in."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return re.compile(r"\b(?:" + _trie_pattern(trie) + r")\b")


def _trie_pattern(node: dict) -> str:
    """The pattern for the phrase endings below `node`: one branch per next character, optional where a phrase
    may also end at `node`."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=256)
def cached_matcher(phrases: tuple[str, ...]) -> PhraseFinder | re.Pattern:
    """`matcher` for the few phrase sets `find_subtypes` asks for over and over."""
    return matcher(phrases)


def _either(words) -> str:
    """Any one of the words, longest first; each is followed by a space or a word boundary where it is used,
    so at most one of them can match at a given place."""
    return "(?:" + "|".join(re.escape(normalised(w)) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def sentence_pattern(sentence: Sentence) -> re.Pattern:
    """The regular expression for one sentence shape (see the header of crime_words.toml):

    thing first: "cars were stolen" = a thing, at most two other words, then one of `then`;
    word first:  "stolen from parked cars" = a word, a joining word, an optional word, then a thing.
    """
    things = _either(sentence.things)
    if sentence.then:
        return re.compile(rf"\b{things}\b(?: \w+){{0,2}} {_either(sentence.then)}\b")
    optional = rf"(?:{_either(sentence.optional)} )?" if sentence.optional else ""
    return re.compile(rf"\b{_either(sentence.words)} {_either(sentence.joined_by)} {optional}{things}\b")
