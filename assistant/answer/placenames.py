"""A place's name inside a longer name: "Witham" in "Safer Witham Marsh Partnership" is not the town of Witham.

The place vocabulary knows one county's towns, but documents from anywhere print names that open with one of them
("Witham Marsh District Council", "Chelmsford Fire Station"). A question that writes such a name, capitalised or
not ("rural crime in witham marsh"), names that longer thing, not the town or the district the town is in: looking
for the town would refuse every document. A mention is read as part of a longer name when the documents print the
place word followed by the question's next word as a name, and either the question capitalises that word too or
the documents never print the place word on its own.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer import asking
from assistant.answer.facts import facts_for
from assistant.store.load import LoadedIndex
from assistant.text.dates import MONTH_WORDS
from assistant.understand.places import read_places

# A month or a weekday, full or short, alone or in a range ("April", "Sept", "Apr-Sep"): never part of a place's name.
DATE_WORD = re.compile(rf"(?i:\b(?:{'|'.join(MONTH_WORDS)}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                       r"\b\.?(?:[-–/].*)?)")

FOLLOWING = re.compile(r"\s+([A-Za-z][\w&'’-]*)")
PRINTED_FOLLOWER = re.compile(r"\s+([A-Z][\w&'’-]*)")


def only_in_names(text: str, place: str, index: LoadedIndex, everywhere: bool = False) -> bool:
    """Does every mention of the place in the text (under any name the vocabulary reads it from: "Witham" for
    Braintree) open a longer name the documents print? False when the text does not mention it at all.
    `everywhere`: and the documents never print the place's word on its own ("Chelmsford Fire Station" names
    where the station is, in documents that speak of Chelmsford too)."""
    # "Essex Police" is read as a name of the Essex area too: its mention of "Essex" is the one to look at
    aliases = {place} | {hit.alias for _, hit in vocab.find_places(vocab.normalise(text)) if hit.name == place
                         and not re.search(rf"\b{re.escape(place)}\b", hit.alias, re.I)}
    mentions = [m for alias in aliases for m in re.finditer(rf"\b{re.escape(alias)}\b", text, re.I)]
    return bool(mentions) and all(_opens_name(text, m, index, everywhere) for m in mentions)


def _opens_name(text: str, mention: re.Match, index: LoadedIndex, everywhere: bool) -> bool:
    following = FOLLOWING.match(text, mention.end())
    if following is None:
        return False
    word = following.group(1)
    followers, alone = printed_followers(mention.group(), index)
    return word.casefold() in followers and (word[:1].isupper() and not everywhere or not alone)


def printed_followers(word: str, index: LoadedIndex) -> tuple[frozenset[str], bool]:
    """The capitalised words the documents print right after `word` where they print it capitalised (casefolded),
    and whether they also print it with no such word after it. Worked out once per word and index."""
    facts = facts_for(index)
    key = f"followers:{word.casefold()}"
    if key not in facts.term_sets:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        followers, alone = set(), False
        for document in index.documents.values():
            for source in (document.title, document.publisher, document.text):
                for match in pattern.finditer(source):
                    if not match.group()[:1].isupper():
                        continue
                    after = PRINTED_FOLLOWER.match(source, match.end())
                    if after is None:
                        alone = True
                    else:
                        followers.add(after.group(1).casefold())
        facts.term_sets[key] = frozenset(followers)
        facts.term_sets[f"{key}:alone"] = frozenset({alone})
    return facts.term_sets[key], next(iter(facts.term_sets[f"{key}:alone"]))


def stated(text: str, asked: tuple[str, ...], index: LoadedIndex) -> set[str]:
    """The places a line says its figures are for. A force's area only opening an organisation's name ("Essex
    Police performance figures") says nothing of where; a smaller place in a name ("Mid Essex Neighbourhood Teams")
    still does; a town's word the documents only ever print inside longer names ("Witham Marsh") is no place."""
    found = {hit.name for _, hit in vocab.find_places(vocab.normalise(text)) if hit.name in asked
             or (hit.name not in vocab.FORCES or not asking.only_in_names(text, hit.name, index))
             and not only_in_names(text, hit.name, index, everywhere=True)}
    # a longer name asked for ("Heybridge East") is no vocabulary place, but a line that prints it names it too
    found |= {place for place in asked if place not in found and asking.mentions(text, place)}
    return found | unlisted(text, asked)


def unlisted(text: str, asked: tuple[str, ...]) -> set[str]:
    """The places no vocabulary knows that a line names as where its figures are ("In Lisquenven, 17 fires"):
    documents from anywhere name towns the vocabulary never heard of, and a line about one of them is not about
    another the same passage names. A name that is part of an asked place, or holds one, is that place."""
    asked_folded = [place.casefold() for place in asked]
    return {name for name in read_places(text, vocab.normalise(text)).unknown
            if not any(name.casefold() in place or place in name.casefold() for place in asked_folded)}


def longer_name(text: str, place: str, index: LoadedIndex) -> str | None:
    """The longer name the text names where it mentions the place by a word the documents only ever print inside
    that name ("Witham Marsh" for Braintree's town of Witham, "Dunmow Fen"), as the documents print it; None when
    the text names the place itself. A question about "the Dunmow Fen partnership" is about Dunmow Fen, which
    the documents that print it are about, not about the vocabulary's place."""
    if not only_in_names(text, place, index, everywhere=True):
        return None
    names = set()
    for alias in {hit.alias for _, hit in vocab.find_places(vocab.normalise(text)) if hit.name == place} | {place}:
        for mention in re.finditer(rf"\b{re.escape(alias)}\b", text, re.I):
            following = FOLLOWING.match(text, mention.end())
            names.add(f"{mention.group()} {following.group(1)}".title())
    return names.pop() if len(names) == 1 else ""


def without_dates(name: str) -> str:
    """The place a name read after "in" stands for, less any month that followed it: "in Brackwater Vale April to
    September" names Brackwater Vale, and "in Sept and Oct" no place at all ("" then)."""
    match = DATE_WORD.search(name)
    return name if match is None else name[:match.start()].strip(" -–,")


def smaller_place_unnamed(question: str, near: str) -> str:
    """"How many girls attended the Broomfield Village event?" is not answered by a line on an event "in Central
    Park": the vocabulary reads a village or a town as the district it lies in, but a line that gives a figure for
    the district or somewhere else in it is no answer for the smaller place. The line, the line before it or its
    headings (`near`) must name the town the question names ("Southend-on-Sea" names the district itself)."""
    for kind, hit in vocab.find_places(vocab.normalise(question)):
        if kind != "town":
            continue
        if not re.search(rf"\b{re.escape(hit.alias)}\b", vocab.normalise(near)):
            return f"no passage gives it for {hit.alias.title()}"
    return ""
