"""Reading a question for passage selection: its topic words (spelling slips mended, short forms written out,
words that name a source or frame the asking set aside), the documents it names, what it counts (and the outcome
counted: "how many burglaries were solved"), and the words no document holds (never a month or a word any
question may use, such as "anyone" or "each", nor, on its own, the question's own verb or the category its "what"
asks for: "what risks does the report flag?", "what classification is it marked?").

Messages built from these name the question's own words, never the stems the matching runs on.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import numpy as np

from assistant.answer.facts import facts_for
from assistant.answer.naming import according_to
from assistant.answer.shortforms import spelled_out
from assistant.answer.source_names import mentions as source_mentions
from assistant.store.load import LoadedIndex
from assistant.text.dates import MONTH_WORDS, MONTHS as MONTH_NAMES
from assistant.text.source_words import framing_terms, kinds, without_document_dates
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.text.tokens import bm25_tokens
from assistant.answer.wants import NUMBER_WORDS, WANTS_REASON, noun_forms, wants

COUNT_WORDS = set(bm25_tokens(["offences incidents crimes cases people times reports"], as_ids=False)[0])
# Words in crime-type names too general to show a passage is about that crime type.
GENERIC_CRIME = set(bm25_tokens(["offences incidents crime crimes all excl action nfib fraud inc incl based "
                                 "other the of a against"], as_ids=False)[0])
# Words that frame the asking or point at someone already named: never a topic, never "not mentioned".
FRAME = set(bm25_tokens(["him her his hers its whom whose she he quote quoted quotes mention mentioned mentions "
                         "tell me us about list know exactly please big large long often statement story piece "
                         "actually currently specifically particularly especially "
                         "precisely hear heard went came took gave goes going gone"], as_ids=False)[0])
# Words any question may use that say nothing of its topic ("was anyone from probation there?", "how much from
# each?", "what does the team run?", "given during the operation"), adverbs that only hedge or say "up to now" ("so
# far", "actually up yet", "roughly"), and words that only ask for a change ("how has it changed since 2014?", which
# "70% lower than in 2014" answers): a document that never prints them still may answer it. They stay topic words
# where documents use them.
UNTOLD = frozenset(content_terms("anyone anybody someone somebody anything something everyone everybody each coming "
                                 "make makes made making "
                                 "come comes taken run runs ran running during "
                                 "so far yet already still now ever just really roughly approximately altogether "
                                 "exactly since change changed changes changing "
                                 # the everyday verbs an asker carries a question with, which a line says its own
                                 # way: "what did the money let them buy" (it "enabled" or "funded" it), "the plan
                                 # to fix it" (to address it), "swapping the cameras" (replacing them). Not "sent",
                                 # which says what was sent ("which schools sent pupils?"; "sent apologies" is read
                                 # as the apologies: `particulars`), nor "turned up", which says who came.
                                 "let lets letting "
                                 "fix fixes fixing swap swaps swapped swapping "
                                 "worth"))  # "what was the scheme worth?" is answered by "£150,000"
# Words that name the kind of answer wanted ("job title", "phone number", "what is it called", "the session's
# length", "the total value of the awards"), which the answer holds as a value ("1 hour", "£94,250"), not as the
# word: never a topic.
# The same for the form a quoted answer takes ("the three word slogan"), a place in a list or an amount ("who is
# doing the compact slot", "the biggest slice of it") and the short form people type for an organisation ("which org").
ANSWER_KIND = set(bm25_tokens(["job title role rank position post organisation organization org orgs represent "
                               "represents name "
                               "named mean means meaning phone telephone email mail address number share money firm "
                               "company length duration value word words slogan slogans tagline motto slot slots "
                               "slice slices"],
                              as_ids=False)[0])
ROLE_KIND = set(bm25_tokens(["job title role rank position post"], as_ids=False)[0])
# Nouns that name a category, not a thing: as the head of "what X" or "which X" they say what kind of answer is
# wanted ("what classification is the report marked?": "Official"; "which camera-based tech?": "live facial
# recognition"; "what unit are they part of?": "the Town Centre Team"), which the line names without the word: no
# topic a line must hold, nor one the documents must print, though a line that prints it ("Unit: Research and
# Analysis") still ranks first (`judge.Judge`).
KIND_NOUNS = frozenset(content_terms("type types kind kinds sort sorts category categories classification "
                                     "classifications class status level grade rating format unit units tech "
                                     "technology technologies"))
# The head noun of "what/which X", past one hyphened modifier ("which camera-based tech").
ASKED_HEAD = re.compile(r"\b(?:what|which)\s+(?:[a-z]+(?:-[a-z]+)+\s+)?([a-z]+)\b", re.I)


def kind_head(question: str) -> set[str]:
    """The terms of a category noun heading "what X" or "which X" (see KIND_NOUNS); empty otherwise."""
    return {t for m in ASKED_HEAD.finditer(question) for t in content_terms(m.group(1)) & KIND_NOUNS}


def answer_kind(question: str) -> set[str]:
    """The words that name the kind of answer wanted; a role's words only when a role is asked for ("does a good
    job" is a topic, "his job title" a kind of answer)."""
    return ANSWER_KIND if wants(question).role else ANSWER_KIND - ROLE_KIND


# "took part in", "what is it called", "what kinds of projects", "how many are in it at the moment": phrases whose
# words are all frame ("on-call" keeps its "call"; "offence type" keeps its "type"; "at the time" says when).
FRAME_PHRASES = re.compile(r"\bat (?:the|this) (?:moment|minute)\b|\bat present\b|\bright now\b|\bthese days\b|"
                           # "what do they call the framework ...", "ends by calling safe communities what", "describes
                           # the index as what": the name asked for, and where in the document it comes, are no words
                           # its line prints
                           r"\bwhat\s+(?:do|does|did|would)\s+(?:they|you|we|people|it|he|she)\s+call\b|"
                           r"\bdescrib(?:e|es|ed|ing)\b(?=(?:\s+[\w'’-]+){1,6}?\s+as\b)|"
                           r"\bcall(?:s|ed|ing)?\b(?=\s+(?:[\w'’-]+\s+){1,4}?what\b)|"
                           r"\b(?:ends?|ending|ended|finish(?:es|ed)?|closes?|closed|opens?|opened|starts?|started|"
                           r"begins?|began) (?:by|with)\b(?=\s+\w+ing\b)|"
                           r"\b(take|takes|took|taking|taken) part\b|\b(kinds?|sorts?|types?) of\b(?=\s+[a-z])|\bstands? for\b|\b(make|makes|made) up\b|\b(is|are|was|were)( \w+)?? called\b|"
                           r"\bcalled\b(?=\W*$)", re.I)
# Words that only say "when" or "where" once a time, date or place is asked for: never the topic then.
WHEN_WHERE = set(bm25_tokens(["start started starts begin began begins finish finished finishes end ended ends "
                              "held hold happen happened happening take took place time after next following "
                              "planned scheduled due date day set fixed arranged booked slated pencilled penciled hour "
                              "hours location locations"],
                             as_ids=False)[0])  # "the meeting after May" is the next one; "set for" frames a date
# Words that only ask whether something came off once an outcome is asked for ("did it win?"): never the topic then.
OUTCOME_WORDS = content_terms("win won achieve achieved succeed succeeded successful secure secured get got receive "
                              "received awarded approved granted hit reach reached start started begin began begun "
                              "launch launched introduced roll rolled deployed implemented actually yet")
# "Sept and Oct 2025": a month says when, which the period checks read (`timing`); never a topic word to hold.
MONTH_TERMS = frozenset(content_terms(" ".join(MONTH_WORDS)))
SPELLING_CUTOFF = 0.8  # difflib ratio: "subscibers" ~ "subscribers", "unvieled" ~ "unveiled"

# Verbs that end a "how many" phrase without "-ed" ("how many children went to ...").
IRREGULAR_VERBS = {"went", "came", "took", "got", "saw", "left", "made", "met", "ran", "gave", "held", "fell",
                   "rose", "grew", "go", "come", "take", "get", "attend", "die", "receive", "vote"}
# A "how many" phrase ends at a verb or a preposition: "deaths by dangerous driving" counts deaths.
_STOP = r"(?!(?:did|does|do|was|were|is|are|has|have|had|in|of|for|there|will|would|can|could|by|from|with|at|on|to|"\
        r"per|across|during|between|under|over|within)\b)"
COUNTED = re.compile(rf"\b(?:how many|number of)\s+((?:{_STOP}[a-z-]+\s*){{1,5}})", re.I)
HOW_MUCH = re.compile(rf"\bhow much\s+((?:{_STOP}[a-z-]+\s*){{1,3}})", re.I)
# "Year 8 children", "aged 13 to 17": a number that names a group rather than counting it.
LABEL_BEFORE_NUMBER = re.compile(r"\b(year|years|aged|age|ages|under|over|item|page|zone|tier)\s*$", re.I)
CHANGE_BETWEEN = {"more", "fewer", "less", "extra", "additional"}
CHANGE_BEFORE = re.compile(r"\b(reduction|increase|rise|fall|drop|decrease|cut) of( almost| nearly| about| around)?"
                           r"\s*$|\b(up|down) by\s*$", re.I)
_MONTH = "|".join(m.lower() for m in MONTH_NAMES)
MONTH_IN_DATE = re.compile(rf"\b({_MONTH}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b(?=\s+\d{{4}}\b)|"
                           rf"(?<=\d)(?:st|nd|rd|th)?\s+({_MONTH})\b", re.I)


@dataclass(frozen=True)
class Terms:
    terms: set[str]  # topic and source words, stems, spelling slips mended
    source_terms: set[str]  # words that name a source: they choose documents, they are not the topic


@dataclass(frozen=True)
class Action:
    word: str  # as the question says it: "arrested"
    terms: set[str]


@dataclass(frozen=True)
class Counted:
    """What a "how many X" question counts: X's surface words, their terms less generic counting words, and
    for "how many people were arrested" the action."""

    words: list[str]
    terms: set[str]
    action: Action | None
    phrase: str = ""  # as the question says it: "Prevent referrals"
    asked: str = "the number of"  # how a "not found" puts it: "the number of Prevent referrals", "the population"


def named_sources(question: str, index: LoadedIndex) -> set[str]:
    """Documents the question points at by name ("according to the PFCC"); empty when it names none."""
    # "the PFCC Safer Streets Fund" names a fund, not the commissioner's statement.
    return {d for match, docs in source_mentions(question, index) if not _opens_name(question, match, index)
            for d in docs}


def source_as_topic(question: str) -> bool:
    """Is a source word the object of the question's own words ("the meeting with the PFCC", "funding for the
    board"), or the one who acted ("when did the PCC sign off the money?"), rather than who said it ("according
    to the PFCC", "the PFCC's pledge", "what did the commissioner say", "the commissioner's statement")? Then a
    passage elsewhere that mentions it may answer, when the source's own document does not."""
    found = [m for kind in kinds() for m in kind.said.finditer(question)]
    objects = any(re.search(r"\b(with|to|by|for|from|and|between)\s+(the\s+)?$", question[:m.start()], re.I)
                  and not re.match(r"['’]s\b", question[m.end():]) for m in found)
    return objects or bool(found) and not _as_source(question, found)


def _as_source(question: str, found: list[re.Match]) -> bool:
    """Does the question read its source words as who says or publishes it: "according to" or "per" them, a
    document word ("the commissioner's statement", "the board minutes"), a verb of saying, or their "'s"?"""
    return bool(according_to(question) or PER_SOURCE.search(question) or SAY.search(question)
                or content_terms(question) & framing_terms()
                or any(re.match(r"['’]s\b", question[m.end():]) for m in found))


SAY = re.compile(r"\b(?:say|says|said|saying|tell|tells|told)\b", re.I)  # which `content_terms` leaves out


def names_source_in(question: str, document) -> bool:
    """Does the document (or passage) itself mention what the question's source words name ("the commissioner")?"""
    return any(kind.said.search(document.text) for kind in kinds() if kind.said.search(question))


def read_terms(question: str, index: LoadedIndex) -> Terms:
    """The question's terms, with a misspelt word read as the passages' word it is closest to."""
    meta_only = facts_for(index).known_terms()[1]
    mended = mend(spelled_out(joined(FRAME_PHRASES.sub(" ", question), index), index), index) - FRAME - \
        answer_kind(question)
    sources = {t for match, _ in source_mentions(question, index) for t in content_terms(match.group())}
    sources |= (according_to(question) | as_per(question)) & mended
    return Terms(mended - PER_FRAME if PER_SOURCE.search(question) else mended, (sources | (mended & meta_only)))


# "per the culture slides", "as per the minutes": whose account, as "according to" says it; never "per 1,000",
# "per head" or "per cent", which say what a figure is
PER_SOURCE = re.compile(r"\b(?:as\s+)?per\s+((?:the|their|its|his|her)\s+(?:[\w'’-]+\s*){1,5})(?=[?.!,;]|$)", re.I)
PER_FRAME = frozenset(content_terms("per"))


def as_per(question: str) -> set[str]:
    """The terms of the source a question reads "per" ("how long ago, per the culture slides?")."""
    return {t for m in PER_SOURCE.finditer(question) for t in content_terms(m.group(1))}


def mend(word: str, index: LoadedIndex) -> set[str]:
    """A word's terms, each misspelt one read as the passages' closest term."""
    known, meta_only = facts_for(index).known_terms()
    return {t if t in known or t in meta_only else _closest(t, index) or t for t in content_terms(word)}


def joined(text: str, index: LoadedIndex) -> str:
    """The text with two words written as one where the passages write them so ("round table" for their
    "roundtable", "on call" for "oncall"), and one word written as two where they write it so ("dataset" for their
    "data set"), so the word is found rather than its halves, or its halves rather than no word at all."""
    known = facts_for(index).known_terms()[0]
    words = re.split(r"(\s+|-)", text)  # words at even positions, what separates them at odd ones
    for k in range(0, len(words) - 2, 2):
        first, second = words[k], words[k + 2]
        if first.isalpha() and second.isalpha() and len(first) >= 3 and len(second) >= 3:
            whole = content_terms(first + second)
            if len(whole) == 1 and whole <= known and not _printed_apart(first, second, index):
                words[k], words[k + 1], words[k + 2] = "", "", first + second
    return "".join(_apart(word, known, index) if k % 2 == 0 else word for k, word in enumerate(words))


SHORTEST_HALF = 3  # "data" and "set" of "dataset"; no word splits into a letter or two ("a" + "ward")


def _apart(word: str, known: set[str], index: LoadedIndex) -> str:
    """A word no document prints, as the two they print apart ("dataset": "data set"), else the word."""
    halves = None if _printed_whole(word, index) else _halves(word, known, index)
    return " ".join(halves) if halves else word


def _halves(word: str, known: set[str], index: LoadedIndex) -> tuple[str, str] | None:
    """The two words the documents print apart that the word joins ("data" and "set" of "dataset"), if any."""
    if not word.isalpha() or len(content_terms(word)) != 1:
        return None
    for k in range(SHORTEST_HALF, len(word) - SHORTEST_HALF + 1):
        first, second = word[:k], word[k:]
        halves = content_terms(first), content_terms(second)
        if all(len(h) == 1 and h <= known for h in halves) and _printed_apart(first, second, index):
            return first, second
    return None


def compounds(question: str, index: LoadedIndex) -> dict[str, frozenset[str]]:
    """The question's one-word compounds the documents also print as two words, each with its halves' terms
    ("dataset": "data", "set"): a line that prints "data set" holds the "dataset" asked about."""
    known = facts_for(index).known_terms()[0]
    found = {}
    for word in re.findall(r"[A-Za-z]+", question):
        if (halves := _halves(word, known, index)) is not None:
            found[next(iter(content_terms(word)))] = frozenset(content_terms(" ".join(halves)))
    return found


def _printed_whole(word: str, index: LoadedIndex) -> bool:
    """Does some document print the word as one (looked up once per word)?"""
    facts = facts_for(index)
    key = f"whole:{word.casefold()}"
    if key not in facts.term_sets:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        facts.term_sets[key] = frozenset(d for d, doc in index.documents.items() if pattern.search(doc.text))
    return bool(facts.term_sets[key])


def _printed_apart(first: str, second: str, index: LoadedIndex) -> bool:
    """Do the passages write the two words apart ("data set") too? Then the question's pair stays as it is."""
    facts = facts_for(index)
    key = f"apart:{first.casefold()} {second.casefold()}"
    if key not in facts.term_sets:
        pattern = re.compile(rf"\b{re.escape(first)}[\s-]+{re.escape(second)}\b", re.I)
        facts.term_sets[key] = frozenset(d for d, doc in index.documents.items() if pattern.search(doc.text))
    return bool(facts.term_sets[key])


def is_known(word: str, index: LoadedIndex) -> bool:
    """Do the documents use the word, singular or plural?"""
    known = facts_for(index).known_terms()[0]
    return any(mend(w, index) <= known for w in (word, word + "s", word + "es"))


def _closest(term: str, index: LoadedIndex) -> str | None:
    """The passages' term a misspelt one is closest to, if any is close enough (looked up once per term)."""
    facts = facts_for(index)
    if term not in facts.spelling:
        found = difflib.get_close_matches(term, facts.known_terms()[0], n=3, cutoff=SPELLING_CUTOFF) \
            if len(term) >= 5 else []
        # Slips are rarely in a word's first letters: "precept" is not a misspelt "percept".
        # Nor is a word the start of another ("count" is no misspelt "county").
        found = [f for f in found if f[:2] == term[:2] and not f.startswith(term) and not term.startswith(f)]
        facts.spelling[term] = found[0] if found else None
    return facts.spelling[term]


def unknown_words(question: str, index: LoadedIndex) -> list[tuple[str, str]]:
    """(term, the question's word) for each topic word no passage, heading or document title holds, even
    allowing for a spelling slip: a topic the documents do not cover. None when the only such words are the
    question's own verbs (`verb_words`)."""
    known, meta_only = facts_for(index).known_terms()
    # "where was it held?": "held" only says a place is asked for, so it is no topic the documents must hold.
    asked_for = WHEN_WHERE if wants(question).time or wants(question).date or wants(question).place else set()
    absent = []
    text = spelled_out(joined(FRAME_PHRASES.sub(" ", question), index), index)
    # a word read with the words around it may be another's ("tricky to read" is "difficult to read"): its term
    # is absent from the whole text's, and it is no word of the question's own
    read = content_terms(text)
    # "the Courier article", "what did he accuse them of", "per the minutes": the source and the saying
    # "next year's round", "last month": a time the period checks read (`timing`), never a topic to hold
    framed = FRAME | UNTOLD | answer_kind(question) | asked_for | MONTH_TERMS | TIME_WORDS | framing_terms() | \
        (PER_FRAME if PER_SOURCE.search(question) else set()) | reason_frame(question) | kind_head(question)
    for word in dict.fromkeys(re.findall(r"[A-Za-z][A-Za-z'-]+", text)):
        if content_terms(word) & (known | meta_only):
            continue  # a short form read with its long one ("cllr" and "councillor"): known by either
        for term in (content_terms(word) & read) - framed:
            if term not in known and term not in meta_only and not _closest(term, index) and \
                    not _close(term, index) and not act_noun(word, known | meta_only):
                absent.append((term, word))
    # The question's own verb ("what risks does the report flag?") is no topic on its own; beside a topic word the
    # documents lack ("looking at the final skateboarding order") it still counts, so that topic stays refused.
    verbs = verb_words(question)
    return [] if all(term in verbs for term, _ in absent) else absent


# The grammar of a question's own verb. In "what risks does the scrutiny report flag?", "what did the board put the
# money towards?", "where does that leave the total?" and "when is cabinet looking at the order?", the verb says how
# the asker puts it: the line says it its own way ("identifies", "be allocated to", "will consider"). The verb is
# plain after a pronoun ("does that leave") and in "-ing" after "is/are" and a short subject ("is cabinet looking
# at"). After "do/does/did" and a longer subject, only the wh-words that stand for the verb's object ("what",
# "which") leave the clause ending at its verb: "how did they fund CCTV?" ends with its object.
WH_WORD = re.compile(r"\b(?:what|which|when|where|who|how|why)\b", re.I)
OBJECT_ASKED = frozenset({"what", "which"})
DO_SUPPORT = frozenset({"do", "does", "did"})
BE_AUX = frozenset({"is", "are", "was", "were", "am"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "that", "this", "those", "these"})
# Words that open a noun phrase: the word after one is a noun, never the verb.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                         "your", "my", "each", "every", "any", "some", "all", "no", "last", "next", "first"})
PREPOSITIONS = frozenset({"to", "towards", "toward", "into", "onto", "on", "in", "at", "for", "from", "with", "by",
                          "of", "about", "over", "under", "up", "out", "off", "through", "across", "around", "upon",
                          "after", "before", "between", "against", "as", "during", "within"})
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "me"})  # "when is the panel considering it?"
SUBJECT_REACH = 5  # words a subject may run to before its verb ("the head of community safety")


def verb_words(question: str) -> set[str]:
    """The terms of the question's own verbs where its grammar shows them (see WH_WORD). A word the documents never
    use there frames the ask; it is no topic they fail to cover."""
    found: set[str] = set()
    for asked in WH_WORD.finditer(question):
        words = [w.strip(",.") for w in re.findall(r"[a-z0-9£'’,.&-]+", question[asked.end():].casefold())]
        words = [w for w in words if w]
        aux = next((k for k, w in enumerate(words[:SUBJECT_REACH]) if w in DO_SUPPORT | BE_AUX), None)
        if aux is None:
            continue
        rest = words[aux + 1:]
        if len(rest) > 1 and rest[0] in PRONOUNS and rest[1].isalpha():
            found |= content_terms(rest[1])  # "where does that leave ...", "when are they moving ..."
        elif words[aux] in BE_AUX:
            found |= content_terms(_verb_after(rest, lambda w: w.endswith("ing") and len(w) > 4))
        elif asked.group().casefold() in OBJECT_ASKED:
            found |= content_terms(_verb_after(rest, str.isalpha))
    return found


def _verb_after(words: list[str], shaped) -> str:
    """The verb after a subject: the first word of the right shape, not opening a noun phrase (after a determiner
    or a preposition), that ends the clause: the question's end, a noun phrase of its own, or a preposition with
    its object ("spend on CCTV"; "record crime on" ends with the object of "record", so "crime" is no verb)."""
    for j in range(1, min(len(words), SUBJECT_REACH + 1)):
        word, before = words[j], words[j - 1]
        after = words[j + 1:j + 3]
        if before in DETERMINERS or before in PREPOSITIONS or not shaped(word):
            continue
        if not after or after[0] in DETERMINERS | OBJECT_PRONOUNS or after[0] in PREPOSITIONS and len(after) > 1:
            return word
    return ""


def reason_frame(question: str) -> set[str]:
    """The words that ask why ("what held up the consultation?", "why was it put back?"): they frame the kind of
    answer, a cause, which the line says its own way ("delayed by ..."), so they are no topic the documents must
    hold."""
    if not wants(question).reason:
        return set()
    return content_terms(" ".join(m.group() for m in WANTS_REASON.finditer(question)))


# Endings that make one English word of another's stem: the one who does it ("owner", "shopkeeper",
# "statistician"), what it is ("ownership", "statistical"). A term that is a known one with such an ending is a
# form of a word the documents hold.
WORD_ENDINGS = ("er", "ers", "or", "ors", "ian", "ician", "ist", "keep", "keeper", "ship", "al", "ic", "ical", "ment")
AGENT_ENDINGS = ("er", "ers", "or", "ors")
SHORTEST_STEM = 4  # "statist", "shop"; only "-er" makes a word of three letters: "jul" is no "julian"


def close_form(term: str, known: set[str]) -> str | None:
    """The documents' word the term is a form of, that word with an English ending added ("statist" of
    "statistics" for "statistician", "shop" for "shopkeeper"); None when it is no such form. Never a misspelling,
    which `_closest` reads. Not the other way: a bare "work" is no form of the documents' "workers" ("how many
    PCSOs work in Holtbridge?" must still find that no document says)."""
    if term in MONTH_TERMS:
        return None
    shorter = (term[:k] for k in range(len(term) - 1, SHORTEST_STEM - 2, -1))
    return next((stem for stem in shorter if stem in known and _ending(stem, term[len(stem):])), None)


def act_noun(word: str, known: set[str]) -> str | None:
    """The documents' noun of the act a question's verb names ("seizure" for "seized", "closure" for "closing",
    "failure" for "failed"), as a term; None when the word is no such verb or they print no such noun. The other
    nouns of an act share the verb's stem already ("approval", "payment" read as "approv", "pay")."""
    found = re.fullmatch(r"([a-z]{3,}?)e?(?:d|s|ing)", word.casefold())
    stem = found and f"{found.group(1)}ur"
    return stem if stem and len(stem) > SHORTEST_STEM and stem in known else None


def _ending(stem: str, ending: str) -> bool:
    return ending in WORD_ENDINGS and (len(stem) >= SHORTEST_STEM or ending in AGENT_ENDINGS)


def _close(term: str, index: LoadedIndex) -> str | None:
    """`close_form` against the passages' terms and the headings' and titles', looked up once per term."""
    facts = facts_for(index)
    key = f"form:{term}"
    if key not in facts.term_sets:
        known, meta_only = facts.known_terms()
        facts.term_sets[key] = frozenset(filter(None, [close_form(term, known | meta_only)]))
    return next(iter(facts.term_sets[key]), None)


NAME_WORD = re.compile(r"\s+([A-Z][A-Za-z&'’-]+)")


def _opens_name(text: str, match: re.Match, index: LoadedIndex) -> bool:
    following = NAME_WORD.match(text, match.end())
    return following is not None and _printed(f"{match.group()} {following.group(1)}", index)


def only_in_names(text: str, place: str, index: LoadedIndex) -> bool:
    """True when every mention of the place in the text opens a longer name the documents print ("Essex Police",
    "Chelmsford Fire Station"): the question names an organisation there, not the place to look in."""
    found = False
    for match in re.finditer(rf"\b{re.escape(place)}\b", text, re.I):
        following = NAME_WORD.match(text, match.end())
        if following is None or not _printed(f"{place} {following.group(1)}", index):
            return False
        found = True
    return found


def _printed(name: str, index: LoadedIndex) -> bool:
    """Does some document print this name, capitalised as a name (looked up once per name)?"""
    facts = facts_for(index)
    key = f"name:{name.casefold()}"
    if key not in facts.term_sets:
        pattern = re.compile(rf"\b{re.escape(name)}\b", re.I)
        facts.term_sets[key] = frozenset(
            d.id for d in index.documents.values()
            if any(m.group()[:1].isupper() and m.group().split()[-1][:1].isupper()
                   for m in pattern.finditer(f"{d.title} {d.publisher} {d.text}")))
    return bool(facts.term_sets[key])


def listed(words) -> str:
    words = list(dict.fromkeys(words))
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def idf(index: LoadedIndex, terms: set[str], boost: set[str] = frozenset()) -> dict[str, float]:
    """Rarer words count for more (and `boost` words double); weights sum to one so scores compare across
    questions."""
    total = len(index.chunks)
    raw = {t: float(np.log(1 + total / (1 + index.document_frequency.get(t, 0)))) * (2.0 if t in boost else 1.0)
           for t in terms}
    norm = sum(raw.values()) or 1.0
    return {t: w / norm for t, w in raw.items()}


# "What is the population of Chelmsford?" asks how many people, as "how many" does.
POPULATION = re.compile(r"\b(?:what(?:'s|\s+is|\s+was)?|give me)\s+the\s+(population)\b", re.I)


# "How many people live in Amberdale?" counts its residents, as a line prints them ("serves 125,600 residents").
LIVING = re.compile(r"\b(?:how many|number of)\s+(?:people|persons|residents)\s+(?:who\s+|that\s+)?(?:live|living|"
                    r"reside|residing)\b", re.I)


def counted(question: str) -> Counted:
    if LIVING.search(question):
        return Counted(["resident"], content_terms("residents"), None, "residents")
    match = COUNTED.search(question)
    if not match:
        size = POPULATION.search(question)
        return Counted([size.group(1).casefold()], content_terms(size.group(1)), None, size.group(1), "the") \
            if size else Counted([], set(), None)
    counted_words = nouns(match.group(1))
    phrase = " ".join(w for w in counted_words.split() if w.casefold() not in CHANGE_BETWEEN)
    words = singular_words(phrase)  # "how many fewer ASB incidents" counts ASB incidents
    terms = content_terms(" ".join(words)) - COUNT_WORDS
    action = None
    verb = _action(question[match.start(1) + len(counted_words):])  # "people attended the ...": right after
    # "How many people were arrested": with a generic noun, what is counted is the action; "how many burglaries
    # were solved": an outcome narrows what is counted, and a count of all burglaries is no answer
    if verb and content_terms(verb) and (not terms or OUTCOME_VERBS.fullmatch(verb)):
        action = Action(verb, content_terms(verb))
    return Counted(words, terms, action, phrase)


# What becomes of an offence or a case, which a count of them all does not give.
OUTCOME_VERBS = re.compile(r"(?:solved|detected|prevented|charged|convicted|prosecuted|cautioned|recovered|seized|"
                           r"resolved|cleared|dismissed|withdrawn|closed|upheld)", re.I)


WHO_DID = re.compile(r"\bwho(?:'s| is| was| were| are)?\s+(\w+)", re.I)


def who_focus(question: str) -> set[str]:
    """"Who chaired ...", "who is presenting ...": the role asked about."""
    match = WHO_DID.search(question)
    return content_terms(match.group(1)) if match else set()


def how_much_terms(question: str) -> set[str]:
    match = HOW_MUCH.search(question)
    return content_terms(match.group(1)) if match else set()


def nouns(phrase: str) -> str:
    """The words of a "how many" phrase up to its first verb ("children went to" -> "children")."""
    kept = []
    for word in phrase.split():
        if word.casefold() in IRREGULAR_VERBS or word.casefold().endswith("ed"):
            break
        kept.append(word)
        if set(bm25_tokens([word], as_ids=False)[0]) & COUNT_WORDS and word.casefold().endswith(("s", "people")):
            break  # "people work in ...": a plural that counts ends the phrase; what follows is its verb
    return " ".join(kept)


# A verb's noun or adjective ("prevention", "preventive"): "crime prevention leaflets" name an activity, and count
# nothing prevented. A plural ("12 detections") still counts what was done.
NAMED_ACTIVITY = re.compile(r"(?:ion|ive)$", re.I)


def only_named(text: str, action: Action) -> bool:
    """Does the text carry the action's word only as the name of an activity ("crime prevention"), never as what
    was done ("prevented", "prevents")? False when no word of the text carries it (a heading's or a synonym's)."""
    carrying = [w for w in re.findall(r"[A-Za-z]+", text) if content_terms(w) & action.terms]
    return bool(carrying) and all(NAMED_ACTIVITY.search(w) for w in carrying)


def _action(rest: str) -> str:
    """The first past participle after a generic "how many people": "were arrested in ..." -> "arrested"."""
    for word in (w.strip("?.,;:!") for w in rest.split()[:4]):  # "arrested?" ends the question
        if word.casefold().endswith("ed") or word.casefold() in IRREGULAR_VERBS:
            return word
    return ""


def singular_words(phrase: str) -> list[str]:
    """Surface words in the singular ("burglaries" -> "burglary", "cases" -> "case"): stems would let
    "officers" match "Office"."""
    return [_singular(w) for w in re.findall(r"[a-z]+", phrase.casefold())]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|x|z|ss)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def has_word(text: str, word: str) -> bool:
    """Does the text use the word, singular or plural ("burglary" in "burglaries")?"""
    return re.search(rf"\b{noun_forms(word)}\b", text, re.I) is not None


def mentions(text: str, place: str) -> bool:
    return re.search(rf"\b{re.escape(place)}", text, re.I) is not None


_NUMBER = rf"(?:\d[\d,.]*|{NUMBER_WORDS})"


def _counting(text: str, noun: str):
    """(match, words between number and noun) for each "<number> [up to two words] <noun>" in the text."""
    for match in re.finditer(rf"\b{_NUMBER}\s+((?:[\w-]+\s+){{0,2}}){noun_forms(noun)}\b", text, re.I):
        # "per 1,000 population" is a rate's base, "Year 8 children" a group's name: neither counts ("this year
        # twelve grants" does: a label is numbered in digits).
        labelled = match.group()[:1].isdigit() and LABEL_BEFORE_NUMBER.search(text[:match.start()])
        if not labelled and not re.search(r"\bper\s*$", text[:match.start()]):
            yield match, match.group(1).casefold().split()


# Words that count recorded crime, any of which answers "how many crimes / offences / incidents".
CRIME_NOUNS = ("offence", "crime", "incident", "case", "report")


def _nouns_for(noun: str) -> tuple[str, ...]:
    return CRIME_NOUNS if noun in CRIME_NOUNS or noun + "e" in CRIME_NOUNS else (noun,)  # "crim" from "crimes"


def counts(text: str, noun: str) -> bool:
    """True when the text puts a number right before the noun ("1,200 school children", "four homicides"); for
    a word that counts crime, before any such word ("251 incidents" counts offences)."""
    return any(True for n in _nouns_for(noun) for _ in _counting(text, n))


def only_changes(text: str, noun: str) -> bool:
    """True when every number the text puts to the noun is a change or a rate ("16 more offences", "a reduction
    of 1,920 incidents", "0.57 offences per 1000"), so it never says how many there were."""
    found = [m for n in _nouns_for(noun) for m in _counting(text, n)]
    return bool(found) and all(
        CHANGE_BETWEEN & set(between) or CHANGE_BEFORE.search(text[:match.start()])
        or re.match(r"\s+per\b", text[match.end():], re.I)
        for match, between in found)


# Parts of a district a figure can be for: "Moulsham and Central ... is ward with the highest number (44)".
SUB_AREA = re.compile(r"\b(wards?|parish(es)?|lsoas?)\b", re.I)


def sub_area(text: str, question: str) -> str:
    """The kind of smaller area the text gives a figure for, when the question asks about no such area."""
    found = SUB_AREA.search(text)
    if found is None or SUB_AREA.search(question):
        return ""
    word = found.group().casefold()
    return word[:-2] if word.endswith("shes") else word.rstrip("s") if word != "parish" else word


def months_in(text: str) -> set[str]:
    """The months a text names as part of a date ("October 2024", "31 October"), lower-case, first three
    letters: "may" the verb is never read as a month."""
    return {(a or b).casefold()[:3] for a, b in MONTH_IN_DATE.findall(text)}


def asked_period_months(question: str) -> set[str]:
    """The months of the period a question asks figures for: `months_in`, less a date beside a document word ("the
    January 2024 police release", "the performance summary to October 2024"), which picks the document, not the
    period. (A passage's own "minutes of the meeting held on 26 July 2024" still dates it: read with `months_in`.)"""
    return months_in(without_document_dates(question))


def section_text(doc, offset: int) -> str:
    """The whole section a position falls in (a short article is one section), its headings and the
    document's date: where a period stated once covers every sentence under it."""
    spans = [sec for sec in doc.sections if sec.start <= offset < sec.end]
    if not spans:
        return f"{doc.date} {doc.text}"
    section = spans[-1]
    return " ".join((doc.date, *section.path, doc.text[section.start:section.end]))
