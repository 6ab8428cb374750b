"""The crime type a question asks about, and whether a line gives figures for it.

A question about a crime type is only answered from a passage that names it, in the words of the table or of the
question ("knife crime" for Possession of Weapons). "Basildon's total recorded crime" asks for all of it, which
"violent crime" is not; a bare "crime" or "which crimes went up?" may be answered by the types a sentence names. A
document's title the question names ("the Getting Crime Down statement") names no crime type. A line for all crime
("Solved rate (all crime)") gives nothing for one type, and a count in prose after a line on one type ("Similarly
sexual crime statistics are hard to judge ... there were 872 incidents") is a count of that type.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant import vocab
from assistant.answer import asking, naming
from assistant.answer.facts import IndexFacts, same_section
from assistant.store.load import LoadedIndex
from assistant.text.context import is_item
from assistant.text.terms import content_terms


@dataclass(frozen=True)
class CrimeAsked:
    """The crime types a question names (`types`, as the tables print them), its own words for them (`label`),
    their distinctive terms (`words`), and whether it asks for all crime (`everything`)."""

    types: tuple[str, ...] = ()
    label: str = ""
    words: frozenset[str] = frozenset()
    everything: bool = False


def asked(said: str, query_types: tuple[str, ...], many: bool, index: LoadedIndex) -> CrimeAsked:
    """What `said` (the question, with the conversation's words) asks of crime types; `query_types` are the types
    the question was read as naming, `many` whether it asks for a list ("which crimes went up?")."""
    untitled = naming.without_titles(said, index)
    found = vocab.find_crime_types(vocab.normalise(untitled))
    types = query_types if untitled == said else tuple(c for c in query_types if c in {hit.name for hit in found})
    hits = [hit for hit in found if hit.name in types]
    named = [hit.alias for hit in hits]
    return CrimeAsked(types, " or ".join(dict.fromkeys(named)) or " or ".join(c.lower() for c in types),
                      frozenset().union(*(content_terms(c) - asking.GENERIC_CRIME for c in (*types, *named))),
                      any(hit.name == vocab.ALL_CRIME and len(hit.alias.split()) > 1 for hit in hits) and not many)


def objection(crime: CrimeAsked, facts: IndexFacts, i: int, said: str, before: frozenset[str]) -> str:
    """Why line i (`said`: its text, with the line before when it leans on it) gives figures for another crime
    type than the one asked about, or for none; empty when it does not."""
    sentence = facts.index.sentences[i]
    hits = vocab.find_crime_types(vocab.normalise(said))
    found_crimes = {hit.name for hit in hits}
    stated_crimes = found_crimes - {vocab.ALL_CRIME}
    if query_crimes := set(crime.types):
        named_too = (crime.words or {"crime"}) & facts.sentence_terms(i)  # "total crime ... and ASB"
        if crime.everything:  # "violent crime" says "crime" but is not all of it
            named_too = vocab.ALL_CRIME in found_crimes
        if stated_crimes and not stated_crimes & query_crimes and not named_too:
            return f"the passages give figures for {', '.join(sorted(stated_crimes)).lower()}, not {crime.label}"
    # "all crime", "recorded crime": the line names all of it (a bare "crimes" may be what the line before names)
    whole = any(hit.name == vocab.ALL_CRIME and len(hit.alias.split()) > 1 for hit in hits)
    if query_crimes - {vocab.ALL_CRIME} and not stated_crimes and not crime.words & facts.sentence_terms(i) and whole:
        # "Solved rate (all crime)" for residential burglary: a figure for all crime, not for the type asked about
        return f"the passages give figures for all crime, not {crime.label}"
    if query_crimes and not stated_crimes and not whole and not crime.words & facts.sentence_terms(i) and \
            (leading := _led_by(facts, i) - query_crimes - {vocab.ALL_CRIME}):
        # "Similarly sexual crime statistics are hard to judge ..." then "there were 872 incidents": the line's
        # count is of the type the line before it names, which is not the one asked about
        return f"the passages give figures for {', '.join(sorted(leading)).lower()}, not {crime.label}"
    if crime.everything and vocab.ALL_CRIME not in found_crimes:
        return f"no passage gives {crime.label}"
    # A line naming the asked type in its own words ("38 of them for violent offences") is about it, unless those
    # words only approximate the type ("knife crime" for Possession of Weapons): then the asker's word must be there.
    named = {hit.name for hit in hits if hit.alias not in vocab.STAND_INS}
    if crime.words and not named & query_crimes and \
            not crime.words & (facts.label_terms(i) | facts.passage_terms(sentence.chunk) | before):
        return f"no passage is about {crime.label}"
    return ""


def _led_by(facts: IndexFacts, i: int) -> set[str]:
    """The crime types the line before line i, in the same section, names, when both are prose: a table's row
    or a list's item stands on its own, not on the one above it."""
    index = facts.index
    if not same_section(index, i - 1, index.sentences[i]) or is_item(facts.text(index.sentences[i])) or \
            is_item(facts.text(index.sentences[i - 1])):
        return set()
    return {hit.name for hit in vocab.find_crime_types(vocab.normalise(facts.text(index.sentences[i - 1])))}
