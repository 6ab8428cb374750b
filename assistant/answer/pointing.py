"""Lines a follow-up points at around what the last passage answer quoted, found without a search.

"And the next one?" after the second of four strands is the third strand, wherever the list prints it (bullets,
or short "Protect: ..." lines under a lead); "and the one before?" after "the next night of action is on 14
December" is the line telling the night of action dated before it; "what does the fourth one mean?" after an
answer that quoted a shorter list than the five asked for is the fourth line of the list under the heading the
question named; "which of them is only part complete?" after a list of projects is the project whose line says
so; "what did he say about stop and searches?" after an answer naming a speaker is the line of the speaker's part
of the minutes that holds "stop and searches"; "how much was allocated?" after a line about a scheme is the line
beside it that gives the allocation; "when was it produced?" after a quote that gives no date is the dated line
nearest it about the same thing; "why was it moved?" after a line saying it was moved "because of the budget
meeting" is that line again, or the line after it that gives the reason.

Each reads the document's own lines and the turn's own words, never one corpus's names; each gives nothing when
what it looks for is not there, and the turn is then searched for as usual.
"""

from __future__ import annotations

import re

from assistant.answer.facts import IndexFacts
from assistant.answer.lists import lead_of, with_list
from assistant.answer.series import lines_of
from assistant.text.context import is_item
from assistant.text.dates import DATE, month_number
from assistant.text.terms import content_terms

# "which of them ...?", "which one ...?", "which of those projects ...?": one of what the last answer listed.
WHICH_OF = re.compile(r"\b(?:which|what|who)(?: one| ones)? of (?:them|those|these|the)\b|\bwhich ones?\b", re.I)
# "what did he say about ...?", "what did she tell the board about ...?": the named person's words.
SAID_ABOUT = re.compile(r"\b(?:say|said|says|tell|told|report|reported|mention|mentioned|update|updated)\b.*?\b"
                        r"(?:about|on|regarding|concerning)\b(.+)", re.I)
PERSONAL = re.compile(r"\b(?:he|him|his|she|her)\b", re.I)
# Words that only say how the turn points or what kind of thing it asks: never what the line must hold.
POINTING_WORDS = content_terms("which what who one ones them those these the of is are was were only still "
                               "project projects item items thing things")
# "why was it moved?", "what was the reason for that?": a turn asking the cause of what was just quoted.
WHY = re.compile(r"^\s*(?:(?:and|but|so|ok|okay)\s+)?(?:why\b|how come\b|what (?:was|is|were|are) the reasons? for\b|"
                 r"what(?:'s|’s| was| is| were| are) (?:the )?(?:main |biggest |key )?(?:thing|factor|reason|cause|"
                 r"driver)s? (?:driving|behind|causing|for)\b)", re.I)
POINTED = re.compile(r"\b(?:it|its|that|this|they|them|he|she|the (?:change|delay|move|rise|increase|fall|drop|"
                     r"decrease|reduction))\b", re.I)
# The words a line gives a cause with: "because of the budget meeting", "due to supplier delays", "owing to ...",
# "one of the main factors behind the increase was ...".
CAUSE = re.compile(r"\b(?:because|due to|owing to|as a result of|caused by|driven by|the reason|in order to|so that|"
                   r"in light of|in view of|factors? behind|drivers? of|(?:main|biggest|key) cause)\b", re.I)
REASON_REACH = 3  # lines after the quote, in its section, that the cause of what it told may be given in
SPEAKER_REACH = 16  # lines after the quoted one that a speaker's part of the minutes may run to
DATED_REACH = 40  # lines either side of the quoted one that a dated line of the same topic may be found in


def step_listed(facts: IndexFacts, quoted: list[int], earlier_question: str, step: int,
                ordinal_of: dict[str, int]) -> int | None:
    """The item after (`step` 1) or before (-1) the one the last answer gave, in the list that item is part of.
    When the last answer quoted a whole list for "the first ...", the step is from the item the question named by
    its order. None when the last answer was from no list, or the step runs off its end."""
    if not quoted:
        return None
    items = items_of(facts, quoted[0])
    if not items:
        return None
    named = re.search(r"\b(" + "|".join(ordinal_of) + r")\b", earlier_question, re.I)
    if len(set(quoted) & set(items)) > 1 and named and ordinal_of[named.group(1).casefold()] < len(items):
        at = ordinal_of[named.group(1).casefold()]
    elif (here := [k for k, i in enumerate(items) if i in quoted]) and len(here) == 1:
        at = here[0]
    else:
        return None
    k = at + step
    return items[k] if 0 <= k < len(items) else None


def listed_under(facts: IndexFacts, quoted: list[int], earlier_question: str, n: int) -> int | None:
    """"What does the fourth one mean?" after an answer that quoted another, shorter list than the one asked for
    ("List the five terrorism threat levels"): item n of the run of short lines, in the last answer's document,
    under headings that hold at least half of the earlier question's topic, a run of as many items as the question
    said when it said how many. None when no such run has an item n."""
    if not quoted:
        return None
    index = facts.index
    topic = _list_topic(earlier_question)
    said = COUNT_SAID.search(earlier_question)
    size = None if said is None else int(said.group()) if said.group().isdigit() else \
        COUNT_NAMES.index(said.group().casefold()) + 1
    runs: dict[tuple[str, ...], list[int]] = {}  # the short lines under each heading path
    for j in lines_of(index, quoted[0]):
        text = facts.text(index.sentences[j])
        if not facts.is_heading(j) and not text.rstrip().endswith(":") and len(text.split()) <= SHORT_ITEM:
            runs.setdefault(index.chunks[index.sentences[j].chunk].section_path, []).append(j)
    scored = []
    for path, items in runs.items():
        held = topic & content_terms(" ".join(path))
        if topic and len(held) * 2 >= len(topic) and n < len(items):
            scored.append((size is not None and len(items) == size, len(held), -items[0], items))
    return max(scored)[-1][n] if scored else None


def document_listing(facts: IndexFacts, question: str) -> str:
    """The one document with a heading (or heading path) holding every word of the list a question asks for ("What
    are the Prevent Delivery Group priority areas for 2024/25?" and "# Prevent Delivery Group Priority Areas for
    2024/25"); empty when none does, two do, or the question names fewer than two such words."""
    topic = _list_topic(question)
    if len(topic) < 2:
        return ""
    paths: dict[tuple[str, ...], bool] = {}
    found = set()
    for chunk in facts.index.chunks:
        path = chunk.section_path
        if path not in paths:
            paths[path] = topic <= content_terms(" ".join(path))
        if paths[path]:
            found.add(chunk.document)
    return found.pop() if len(found) == 1 else ""


def _list_topic(question: str) -> set[str]:
    """What a list question asks for a list of, less the words that ask for it and the count it gives."""
    topic = content_terms(question) - POINTING_WORDS - LISTING_WORDS
    return {t for t in topic if not t.isdigit() and t not in COUNT_TERMS}


SHORT_ITEM = 20  # words: a line of a run of items under a heading ("Severe - an attack is highly likely")
# Words that ask for a list rather than say what it is of.
LISTING_WORDS = content_terms("list name give tell show all every briefing document report pack slide slides from "
                              "in of on for about")
COUNT_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
COUNT_TERMS = content_terms(" ".join(COUNT_NAMES))
COUNT_SAID = re.compile(r"\b(?:" + "|".join(COUNT_NAMES) + r"|\d{1,2})\b(?=\s+[a-z])", re.I)


def items_of(facts: IndexFacts, i: int) -> list[int]:
    """The positions of the items of sentence i's list, less the line that leads it in."""
    listed = with_list(facts, i, True)
    positions = [facts.index.sentence_position[(s.document, s.start)] for s in listed]
    return [j for j in positions if not facts.text(facts.index.sentences[j]).rstrip().endswith(":")]


def dated_step(facts: IndexFacts, quoted: list[int], topic: set[str], step: int) -> int | None:
    """"And the one before?" after a dated line: the line of the same document holding the topic's words (those of
    the earlier question the quoted line also holds) whose date is the nearest before (`step` -1) or after (1) the
    quoted line's. None when the quoted line has no date or no such line is found."""
    index = facts.index
    if not quoted:
        return None
    dates = [d for i in quoted for d in days_dated(facts.text(index.sentences[i]))]
    if not dates:
        return None
    here = min(dates) if step < 0 else max(dates)
    shared = {t for i in quoted for t in facts.sentence_terms(i)} & topic
    if not shared:
        return None
    document, first = index.sentences[quoted[0]].document, min(quoted)
    found = []
    for j in range(max(first - DATED_REACH, 0), min(first + DATED_REACH, len(index.sentences))):
        if j in quoted or index.sentences[j].document != document:
            continue
        held = shared & facts.sentence_terms(j)
        if len(held) * 2 < len(shared):
            continue
        for day in days_dated(facts.text(index.sentences[j])):
            if (day < here) if step < 0 else (day > here):
                found.append((abs(_ordinal(day) - _ordinal(here)), abs(j - first), j))
    return min(found)[2] if found else None


def days_dated(text: str) -> list[tuple[int, int, int]]:
    """(year, month, day) of each full date a text gives; day 0 when only the month is given."""
    found = []
    for match in DATE.finditer(text):
        name, year, month, short_year = match.groups()
        day = re.match(r"\d{1,2}", match.group())
        if name:
            found.append((int(year), month_number(name), int(day.group()) if day else 0))
        elif 1 <= int(month) <= 12:
            found.append((2000 + int(short_year) % 100, int(month), int(day.group()) if day else 0))
    return found


def _ordinal(day: tuple[int, int, int]) -> int:
    year, month, d = day
    return year * 372 + month * 31 + d


def one_of_them(facts: IndexFacts, quoted: list[int], earlier_question: str, own: str) -> tuple[int, ...]:
    """"Which of them is only part complete?": the items of the last answer's list (or the lines it quoted) that
    hold every word the turn adds. Empty when the turn asks no "which of them", adds no word, or no item holds
    them all, or every item does (the words then tell none apart)."""
    if not quoted or not WHICH_OF.search(own):
        return ()
    wanted = content_terms(own) - content_terms(earlier_question) - POINTING_WORDS
    if not wanted:
        return ()
    items = items_of(facts, quoted[0]) if len(quoted) <= 2 else list(quoted)
    items = [i for i in items if is_item(facts.text(facts.index.sentences[i]))] or items
    holding = tuple(i for i in items if wanted <= facts.sentence_terms(i))
    if holding:
        return holding if len(holding) < len(items) else ()
    return _listed_elsewhere(facts, quoted[0], earlier_question, wanted)


def _listed_elsewhere(facts: IndexFacts, i: int, earlier_question: str, wanted: set[str]) -> tuple[int, ...]:
    """When the last answer quoted another list than the one the earlier question meant: the one item of its
    document holding the turn's words whose own words, headings and lead line hold most of the earlier question's
    topic (at least half of it). Empty when none does, or two do equally."""
    topic = content_terms(earlier_question) - POINTING_WORDS
    if not topic:
        return ()
    scored = []
    for j in lines_of(facts.index, i):
        if not is_item(facts.text(facts.index.sentences[j])) or not wanted <= facts.sentence_terms(j):
            continue
        own = facts.sentence_terms(j) | facts.label_terms(j)
        if (lead := lead_of(facts, j)) is not None:  # "The projects that will benefit from this funding are listed
            # below:" leans on the lines before it for what "this funding" is ("... the PFCC Safer Streets Fund")
            own |= frozenset().union(*(facts.sentence_terms(k) for k in range(max(lead - LEAD_IN, 0), lead + 1)
                                       if facts.index.sentences[k].document == facts.index.sentences[j].document
                                       and facts.label(k) == facts.label(lead)))
        if len(held := topic & own) * 2 >= len(topic):
            scored.append((len(held), j))
    scored.sort(reverse=True)
    return (scored[0][1],) if scored and (len(scored) == 1 or scored[1][0] < scored[0][0]) else ()


LEAD_IN = 3  # lines before a list's lead that say what it is about


def said_by(facts: IndexFacts, quoted: list[int], names: tuple[str, ...], own: str) -> tuple[int, ...]:
    """"What did he say about stop and searches?" after an answer naming the speaker: the first line from the
    quoted one on, in the same section of the same document, holding every word of what it was about. Empty when
    the turn asks no such thing of a person the last answer named."""
    asked = SAID_ABOUT.search(own)
    if not quoted or not names or not asked or not PERSONAL.search(own[:asked.start()] or own):
        return ()
    about = content_terms(asked.group(1)) - POINTING_WORDS
    if not about:
        return ()
    index, first = facts.index, min(quoted)
    section, document = facts.label(first), index.sentences[first].document
    for j in range(first, min(first + SPEAKER_REACH, len(index.sentences))):
        if index.sentences[j].document != document or facts.label(j) != section:
            break
        if about <= facts.sentence_terms(j):
            return (j,)
    return ()


NEAR = 8  # lines either side of the quoted ones that a turn's new words are looked for in
FIGURE = re.compile(r"\d")


def added_near(facts: IndexFacts, quoted: list[int], earlier_question: str, own: str, places: list[str],
               fits) -> tuple[int, ...]:
    """"How much was allocated?" after a line about a scheme that gives no allocation: the line nearest the quote,
    holding every word the turn adds (its places in the line, the one before it or its headings) and the kind of
    fact asked for (`fits`): a line of the quote's section (or a list under it) holding the words itself, before one
    under a heading of its own that holds them ("And the cultural vision?" under "Cultural Vision 2023 - 2033"),
    and a figure in digits before one in words. Empty when the quote itself holds the new words, the turn adds none, or no line
    near it has them."""
    if not quoted:
        return ()
    place_terms = content_terms(" ".join(places))
    words = {t for t in content_terms(own) - content_terms(earlier_question) - POINTING_WORDS - ADDED_FRAMING
             if t.isalpha()} - place_terms
    said = frozenset().union(*(facts.sentence_terms(i) for i in quoted))
    if not words or words <= said:
        return ()
    index, first, last = facts.index, min(quoted), max(quoted)
    document, section = index.sentences[first].document, facts.label(first)
    found = []
    for j in range(max(first - NEAR, 0), min(last + NEAR + 1, len(index.sentences))):
        if j in quoted or index.sentences[j].document != document:
            continue
        terms, text, label = facts.sentence_terms(j), facts.text(index.sentences[j]), facts.label_terms(j)
        around = terms | label | (facts.sentence_terms(j - 1) if j > 0 else frozenset())
        # the quote's section, or a list under it ("Present › Councillor Teague (Chair)" under "Present")
        held = words <= terms and facts.label(j).startswith(section) or words <= label - facts.label_terms(first)
        if held and place_terms <= around and fits(text):
            found.append((not words <= terms, not FIGURE.search(text), j - last if j > last else first - j, j))
    return (min(found)[-1],) if found else ()


# Words that only frame what a turn asks ("how much did it get from ...").
ADDED_FRAMING = content_terms("from get got give gave much many")


def kind_near(facts: IndexFacts, quoted: list[int], earlier_question: str, own: str, fits) -> tuple[int, ...]:
    """"When was it produced?" after a quote about a report that gives no date: the line nearest the quote, in its
    document, holding the kind of fact asked for (`fits`) and a word of the earlier question ("Production Date:
    November 2024"). Empty when the turn adds words of its own, the quote already holds such a fact, or no line
    near it does."""
    if not quoted or {t for t in content_terms(own) - content_terms(earlier_question) - POINTING_WORDS
                      - ADDED_FRAMING if t.isalpha()}:
        return ()
    index, first, last = facts.index, min(quoted), max(quoted)
    if any(fits(facts.text(index.sentences[i])) for i in quoted):
        return ()
    topic = content_terms(earlier_question) - POINTING_WORDS - ADDED_FRAMING
    document = index.sentences[first].document
    for j in sorted(range(max(first - NEAR, 0), min(last + NEAR + 1, len(index.sentences))),
                    key=lambda j: (j - last if j > last else first - j, j)):
        if j in quoted or index.sentences[j].document != document:
            continue
        if topic & facts.sentence_terms(j) and fits(facts.text(index.sentences[j])):
            return (j,)
    return ()


def reason_given(facts: IndexFacts, quoted: list[int], own: str) -> tuple[int, ...]:
    """"Why was it moved?", "what was the main thing driving the rise?": the last answer's lines when they give a
    cause ("... because of the Council budget meeting"), else the first line of the few after them in the same
    section that does ("This follows ..." is no cause; "This is because ..." is). Empty when the turn asks no
    "why" of what was quoted or no such line gives one: the turn is then searched for as usual, and a cause the
    documents never state is not made up."""
    if not quoted or not WHY.search(own) or not POINTED.search(own):
        return ()
    index = facts.index
    if any(CAUSE.search(facts.text(index.sentences[i])) for i in quoted):
        return tuple(quoted)
    for after in range(max(quoted) + 1, max(quoted) + 1 + REASON_REACH):  # the first line after that gives one
        if after >= len(index.sentences) or index.sentences[after].document != index.sentences[quoted[0]].document \
                or facts.label(after) != facts.label(max(quoted)):
            break
        if CAUSE.search(facts.text(index.sentences[after])):
            return (*quoted, after)
    return ()


def alike_items(facts: IndexFacts, chosen: tuple[int, ...], question: str) -> tuple[int, ...]:
    """"Who attended from the Home Office?" answered with one line of an attendance list: the other lines of that
    run (bullets, or short lines under one heading) holding every word of the turn the chosen line holds ("Home
    Office"), so each person is named. Empty when the answer is not one short line (with the line leading it in) or
    holds fewer than two of the turn's words."""
    index = facts.index
    lines = [i for i in chosen if _listed(facts, i) and not facts.text(index.sentences[i]).rstrip().endswith(":")]
    if len(lines) != 1:
        return ()
    i = lines[0]
    shared = content_terms(question) & facts.sentence_terms(i) - POINTING_WORDS - ADDED_FRAMING
    if len(shared) < 2:
        return ()
    found = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(index.sentences) and abs(j - i) <= RUN and _listed(facts, j) and \
                index.sentences[j].document == index.sentences[i].document and facts.label(j) == facts.label(i):
            if shared <= facts.sentence_terms(j):
                found.append(j)
            j += step
    return tuple(sorted(found))


RUN = 40  # lines either side of an answer's line that its run of short lines may reach
SHORT_LINE = 8  # words: a line of a list without a bullet ("Nici Hosfield, Home Office")


def _listed(facts: IndexFacts, i: int) -> bool:
    text = facts.text(facts.index.sentences[i])
    return is_item(text) or len(text.split()) <= SHORT_LINE
