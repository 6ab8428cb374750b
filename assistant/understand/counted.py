"""What a "how many" question counts, and whether the tables count it.

The tables count offences and their solved outcomes. "How many organised burglary gangs did ... disrupt?", "how
many people were killed on the A12?" and "the number of members" count gangs, people and members: a crime word
beside the noun ("burglary gangs") or a place does not make burglary offences or all crime the answer. The noun
counted is the last word of the phrase after "how many" / "number of" (its head: "organised burglary *gangs*");
the tables count it when it is part of a crime type's name ("burglaries", "knife crime"), a word for offences
("offences", "incidents", "cases") or a question word that names no thing ("how many *more*", "how many *times*",
"how many *districts*", which counts rows of the tables). People killed, injured or helped are no offences: a
count of people is refused unless the question names the crime they suffered ("how many people were robbed" is
read as robbery offences, with a note that the tables count offences, not people).
"""

from __future__ import annotations

import re

from assistant.understand.query import Reason

_COUNTED = re.compile(r"\b(?:how many|(?:the )?numbers? of|count of)\s+")
# Words that end the phrase counted: verbs, auxiliaries, prepositions, determiners and joiners.
_PHRASE_ENDS = frozenset("""
a an the this that these those there their its it of in on at across for from by to during with within over under
into since between than and or but per against involving about around near after before like including without
among through towards toward behind via as if so then not no were was did do does have has had are is be been being get got will would
can could should may might must which who whom whose what when where why how while recorded reported committed
logged solved detected happened occurred compared versus vs last this each every went go goes gone saw see seen
took take taken made make came come
""".split())
# People, whom the tables never count: "victims", "residents", "people killed".
PEOPLE = frozenset("""people persons person victims victim residents resident individuals individual men women
children adults youths young offenders offender suspects suspect drivers pedestrians motorists""".split())
_MOST_WORDS = 4  # words besides crime-type names: a head further than this is in another phrase


def counted_noun(text: str, names: list[tuple[int, int]], offence_word) -> str:
    """The noun `text` (normalised, places and measures blanked) asks the number of, when the tables do not count
    it ("gangs", "people"); "" when they do, or when no noun is counted ("how many in Harlow", "how many were
    solved"). `names` are the spans of the crime types named, whose words ("violence *with* injury") never end the
    phrase and are counts of offences; `offence_word(word)` says whether another word is one the tables count (a
    word for offences, or a question word naming no thing)."""
    for match in _COUNTED.finditer(text):
        head, named, taken = "", False, 0
        for word in re.finditer(r"[a-z]+", text[match.end():]):
            start = match.end() + word.start()
            in_name = any(first <= start < end for first, end in names)
            if taken == _MOST_WORDS or word.group() in _PHRASE_ENDS and not in_name:
                break
            head, named, taken = word.group(), in_name, taken + (not in_name)
            if head in PEOPLE and not in_name:  # "how many people work in ...": people, whatever verb follows
                break
        if head and not named and (head in PEOPLE or not offence_word(head)):
            return head
    return ""


KIND = "counted"


def reason_for(noun: str) -> Reason:
    """Why the tables cannot give the number asked for: they count offences, not `noun`."""
    return Reason(KIND, f"the tables count offences, not {noun}: no figure they print is a number of {noun}")
