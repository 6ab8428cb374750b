"""Pick the sentences that answer a question from the retrieved passages, or decide that none does.

Retrieval ranks passages; this module ranks sentences, and `judge.Judge` holds the rules that keep answers
honest. Failing those, the caller says "not found" instead of quoting something nearby. A question in several
parts gets a sentence for each part, or says which part the documents do not answer (when no one sentence
answers all of it, each part is looked for on its own); a question asking for a list gets the whole list with
the line that introduces it; a source the question names that does not cover its place or year is said so. A
table's header row is never the answer, only the header of the row that is; a question about how things stand
"now" is answered from the newest document that says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant import vocab
from assistant.answer import agenda, asking, lists, naming, particulars, placenames, speakers, table_rows
from assistant.answer.asked import ITEM_NUMBER, asked_thing, part_topic, parts
from assistant.answer.facts import IndexFacts, facts_for
from assistant.answer.judge import MAX_ABSENT_SHARE, MIN_TOPIC_COVERAGE, Judge
from assistant.answer.lists import is_blank_field, is_header_row, with_context, with_list
from assistant.answer import thread
from assistant.answer.retrieve import Hit
from assistant.answer.thread import Thread
from assistant.answer.wants import DATE_OR_YEAR, HAS_MONEY, MONEY_WORDS, names_person
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.dates import days_dated
from assistant.text.source_words import document_words, framing_terms, kinds
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.understand.query import Query

SHORTLIST = 6
NEIGHBOURHOOD = 6  # sentences either side of the last answer that a follow-up searches
CLOSEST = 20  # sentences closest in meaning, wherever they are, join the retrieved passages' own


@dataclass(frozen=True)
class Selection:
    """The chosen sentences in reading order with the score that chose them, or why none was chosen.
    `missing` names the parts of a several-part question no sentence answers."""

    sentences: tuple[Sentence, ...]
    score: float
    reason: str = ""
    missing: tuple[str, ...] = ()
    heading: str = ""  # the heading that gives what was asked ("Initial scoping meeting, 6th Nov"), shown with them


def _by_cells(facts: IndexFacts, question: str, index: LoadedIndex) -> Selection | None:
    """An agenda item asked by its neighbour ("the item after the minutes"), a bullet of another list asked by its
    place or neighbour ("after X, what's the next bullet?"), or a data file's row asked by its cells ("FPNs for
    alcohol on Marine Parade in August 2026"): found by what the lines hold, not by ranking
    (`agenda.neighbouring_item`, `lists.positioned_item`, `table_rows.data_row`), or None."""
    if (stepped := agenda.neighbouring_item(facts, question, index.documents)) is not None:
        return Selection(tuple(with_context(index, index.sentences[stepped])), 1.0)
    if (placed := lists.positioned_item(facts, question, index.documents)) is not None:
        return Selection(tuple(with_context(index, index.sentences[placed])), 1.0)
    if (row := table_rows.data_row(facts, question, index.documents)) is not None:
        return Selection(tuple(index.sentences[i] for i in row), 1.0)
    return None


def select(question: str, query: Query, hits: list[Hit], question_vector: np.ndarray,
           index: LoadedIndex, earlier: Thread | None = None) -> Selection:
    """Rank the sentences of the hit passages (and the closest sentences anywhere); quote the best that passes,
    with a sentence for each further part of the question. `earlier` is the passage answer a follow-up leans
    on: its question lends the topic, its document is searched first, "the second one" is read in its list."""
    facts = facts_for(index)
    if earlier is None and (found := _by_cells(facts, question, index)) is not None:
        return found
    question = asking.spelled_out(naming.without_aside(question), index, typed=False)  # "CSP" as documents print it
    if earlier is not None and (stepped := thread.step_in_list(facts, earlier, question)) is not None:
        return Selection(tuple(with_context(index, index.sentences[stepped])), 1.0)
    judge = Judge(question, query, index, facts, topic_from=earlier.search_text(question) if earlier else "")
    if earlier is not None:
        judge.quoted_before = frozenset(earlier.sentences)
        judge.new_words -= asking.read_terms(earlier.question, index).terms
        judge.new_names &= judge.new_words
    if judge.places and not judge.topic and not judge.focus:
        # "And in Harlow?" on its own: a place and nothing to find out about it, so no sentence can answer it
        # (a heading that names the place is not an answer).
        return Selection((), 0.0, f"the question names {', '.join(judge.places)} but not what to find out about it")
    # "item 9" is found by its number, in documents that never print the word "item"
    # ... nor a word that frames the kind of answer ("over what timeframe is it measured?")
    unknown = [(t, w) for t, w in asking.unknown_words(question, index)  # "the revised date": when, not what
               if t not in judge.number_words | judge.framing and not CURRENT.fullmatch(w) and not
               (judge.particular and t in judge.particular.words)]  # "who acted as secretary?": which particular
    # "What is the average ambulance response time?": the thing whose value is asked for, in no document
    asked = content_terms(" ".join(asked_thing(question)))
    if unasked := [w for t, w in unknown if t in asked]:
        return Selection((), 0.0, f"the documents never mention {asking.listed(unasked)}")
    if judge.terms and len(unknown) / len(judge.terms) > MAX_ABSENT_SHARE:
        # One word the documents never use ("kids" for "children") can only be matched by meaning, and then
        # only by a sentence very close in meaning; more than one is a topic they do not cover.
        if len(unknown) > 1:
            return Selection((), 0.0, f"the documents never mention {asking.listed(w for _, w in unknown)}")
        judge.unknown = unknown
    elif unknown and {t for t, _ in unknown} & judge.counted:
        judge.unknown = unknown  # "how many firefighters": the thing to count, in no document, is never a side word
    allowed = {d for d in index.documents
               if all(facts.mentions(d, p) for p in judge.places) and judge.years <= facts.document(d).years}
    if not allowed:
        return Selection((), 0.0, f"no document covers {', '.join((*judge.places, *sorted(judge.years)))}")
    # A follow-up stays with the last answer's document, even when it names something that document mentions
    # ("and the commissioner who joined them?" after a press release that names him).
    # "agenda item 7" names a line by its number, not the document called an agenda
    sources = own_sources = asking.named_sources(ITEM_NUMBER.sub(" ", question), index) or \
        speakers.titled_sources(question, index)  # "according to the Tattersby Standard": a title's own words
    if earlier is not None and (not sources or asking.names_source_in(question, index.documents[earlier.document])):
        sources = {earlier.document}
    named, every = allowed & sources, allowed
    if sources and not named and earlier is None and (judge.places or judge.years) and \
            not asking.source_as_topic(question):  # "according to the Echo" about a place the Echo never names
        titles = asking.listed(f"“{index.documents[d].title}”" for d in sorted(sources))
        return Selection((), 0.0, f"{titles} does not cover {', '.join((*judge.places, *sorted(judge.years)))}")
    allowed = named or allowed

    similarity = index.sentence_search.similarity(question_vector, [hit.chunk for hit in hits])  # store.vectors
    prior = {hit.chunk: 1.0 - rank / max(len(hits), 1) for rank, hit in enumerate(hits)}
    near = similarity.closest(CLOSEST)
    near |= facts.covering(judge.topic_weights | {short: sum(judge.topic_weights[w] for w in words) for short, words
                                                  in judge.initials.items() if words <= judge.topic_weights.keys()},
                           MIN_TOPIC_COVERAGE)  # a line that writes the topic's name by its initials too
    near |= {i for hit in hits for i in facts.sentences_of(hit.chunk)}
    if judge.number is not None:  # "agenda item 6": every line numbered so, wherever retrieval ranked it
        near |= {i for i, s in enumerate(index.sentences) if s.document in allowed and (judge.number.match(facts.text(s))
                 or judge.titled_by_number(i))}
    near |= judge.meeting_lines  # "where was the 13 March 2012 meeting held?": that meeting's particulars
    if judge.particular is not None:  # "who sent apologies?": every line that records them, however it ranked
        near |= {i for i in _recording(facts, judge.particular)
                 if not judge.months_named or _meeting_months(facts, i) & judge.months_named}
    if earlier is not None:  # what the last answer quoted, and what is printed around it
        near |= {j for i in earlier.sentences for j in range(i - NEIGHBOURHOOD, i + NEIGHBOURHOOD + 1)
                 if 0 <= j < len(index.sentences)}
    near = {i for i in near if not is_blank_field(facts, i)}  # "Date: ......": a form field left blank answers nothing
    candidates = sorted(i for i in near if index.sentences[i].document in allowed)
    similarity.score(near)  # in one product, not one sentence at a time
    best, score, reason = _best(judge, candidates, similarity, prior) if candidates else \
        (None, 0.0, "no passage about this was found")
    if best is None and named and (asking.source_as_topic(question) or _owned_by_source(question)):
        # "the annual meeting with the PFCC", "when was the bid to the Commissioner's fund submitted?"
        spoken = [i for i in sorted(near) if index.sentences[i].document in named or index.sentences[i].document in
                  every and asking.names_source_in(question, index.chunks[index.sentences[i].chunk])]
        found = _best(judge, spoken, similarity, prior)
        best, score, reason = found if found[0] is not None else (None, score, reason)
    if best is None and earlier is not None and not own_sources and named != every:
        # "what did he say the cameras would be for?" after a line naming him in the minutes: the last answer's
        # document first, and when no line there answers, the other documents the question allows
        found = _best(judge, sorted(i for i in near if index.sentences[i].document in every), similarity, prior)
        best, score, reason = found if found[0] is not None else (None, score, reason)
    if best is None and len(pieces := parts(question)) > 1:  # no one sentence answers it all: each part on its own
        found = [_best(Judge(p, query, index, facts, topic_from=part_topic(p, pieces, question)), candidates,
                       similarity, prior)[0] for p in pieces]
        if any(i is not None for i in found):
            chosen = sorted({s for i in found if i is not None for s in with_context(index, index.sentences[i])},
                            key=lambda s: index.sentence_position[(s.document, s.start)])
            return Selection(tuple(chosen), score, missing=tuple(p for p, i in zip(pieces, found) if i is None))
    if best is None:
        return Selection((), score, reason)
    if CURRENT.search(question) and not own_sources and not judge.years and not judge.months:
        # "when's it due now?" after the July action log's line: the October minutes' line on it is newer
        current = candidates if earlier is None else sorted(i for i in near if index.sentences[i].document in every)
        best = _latest(judge, current, similarity, prior, best, score)
    best = _next_after(judge, candidates, similarity, prior, best, score)
    sentence = index.sentences[best]
    # "Who sent apologies?", "which HMCTS people were there?": the attendance block's lines, or those that match
    block = particulars.block_lines(facts, best, frozenset(judge.topic)) if judge.particular and judge.particular.block \
        and (judge.wants.many or not judge.topic) else []
    chosen = [index.sentences[i] for i in block] if len(block) > 1 else \
        with_list(facts, best, judge.wants.many, frozenset(judge.topic), question if len(parts(question)) == 1 else "") \
        or with_context(index, sentence)
    chosen = _what_follows(judge, chosen) if len(parts(question)) == 1 else chosen  # parts: `_other_parts`
    chosen, missing = _other_parts(question, query, index, facts, candidates, similarity, prior, best, chosen)
    chosen = _also_said(judge, candidates, similarity, prior, score, chosen)
    others = _other_sources(judge, index, candidates, similarity, prior, score, sentence.document, named)
    if CURRENT.search(question) and not _figures(facts, others) & _figures(facts, chosen):
        others = ()  # asked how things stand now, an older source's other figure is history; the same one agrees
    heading = "" if judge.fits(facts.text(sentence)) and not judge.titled_by_number(best) else judge.heading_answers(best)
    return Selection(tuple(chosen) + others, score, missing=missing, heading=heading)


# "the Commissioner's fund", "the board's plan": a source word that owns a thing, not one that says something
OWNS = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?([\w-]+)")


def _owned_by_source(question: str) -> bool:
    """Does the question name a source only as the owner of what it asks about ("when was the bid to the
    Commissioner's fund submitted?"), never as who says it (no "according to", no verb of saying, and what the
    source owns is no document: "the Commissioner's press release")? Then the minutes that record the bid may
    answer when the Commissioner's own documents do not."""
    documents = {w.casefold() for w in document_words()}
    saying = framing_terms() - content_terms(" ".join(documents))
    if re.search(r"\baccording to\b", question, re.I) or content_terms(question) & saying:
        return False
    owned = [m.group(1).casefold() for kind in kinds() for said in kind.said.finditer(question)
             if (m := OWNS.match(question, said.end()))]
    return bool(owned) and not documents & set(owned)


def _recording(facts: IndexFacts, particular: particulars.Particular) -> frozenset[int]:
    """The lines that name someone and record a meeting's particular ("• Dr A Jones" under "Apologies:", "Eve
    Marsh (minute taker)"), worked out once per index: short lines that embed poorly and share no word with the
    question, which neither passage retrieval nor meaning may find."""
    key = f"passages:recording:{particular.name}"
    found = facts.index.derived.get(key)
    if found is None:
        found = facts.index.derived[key] = frozenset(
            i for i, s in enumerate(facts.index.sentences)
            if s.document in particulars.recorded_in(particular, facts) and particulars.records(particular, facts, i)
            and names_person(facts.text(s), particular.name))  # not the agenda's "Welcome and apologies"
    return found


def _meeting_months(facts: IndexFacts, i: int) -> set[str]:
    """The month of the meeting whose particulars line i records: the one its headings date ("Minutes of the
    meeting held on 23 April 2026" reproduced in a later pack), else its document's own date (minutes record
    their own meeting). Empty when neither says."""
    months = facts.label_months(i)
    if months:
        return set(months)
    dated = str(facts.index.documents[facts.index.sentences[i].document].date or "")
    return {MONTHS[int(m.group(1)) - 1]} if (m := re.match(r"\d{4}-(\d\d)", dated)) and 1 <= int(m.group(1)) <= 12 \
        else set()


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _best(judge: Judge, candidates: list[int], similarity: np.ndarray,
          prior: dict[int, float]) -> tuple[int | None, float, str]:
    """The best-scoring candidate no rule objects to, its score, or the reason the best ones were refused.
    A line far weaker than the best is no answer (a guess at something nearby), unless the lines above it were
    refused for not being about the question at all and it holds the question's topic itself: "- Three anchor
    projects" scoring on shared words sets no bar for the row that answers (`UNRELATED`, `_holds_topic`)."""
    index, facts = judge.index, judge.facts
    # a table's header row names what the rows give: the rows answer, read with it (`lists.with_list`)
    scored = sorted(((judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)), i)
                     for i in candidates if not is_header_row(facts, i)), reverse=True)
    # why the lines within reach of the best, and the first below it, were refused; whether that one was seen
    reason, past = "", False
    bar = None  # the score of the best line that is about the question, answer or not
    for score, i in scored[:SHORTLIST]:
        if past and bar is not None and bar - score > WEAKER:
            break
        objection = judge.objection(i, float(similarity[i]))
        if not objection and (not past or _holds_topic(judge, i)):
            return i, score, ""
        if not past:
            reason, past = objection, scored[0][0] - score > WEAKER
        if bar is None and objection not in UNRELATED:
            bar = score
    return None, scored[0][0] if scored else 0.0, reason


WEAKER = 0.12  # how far below the best line another may score and still answer it
# The refusal of a line that does not hold the question's topic: it says nothing of how well a line that does
# answers (`judge.Judge.objection`).
UNRELATED = frozenset({"no passage answers this closely enough"})


def _holds_topic(judge: Judge, i: int) -> bool:
    """Does line i, with its headings and list or table header but not the lines around it, hold most of the
    question's own topic? Only such a line may answer from far below the best-scoring one. A part of a question
    ("... and when is it dated?") is held to its own words, not those it borrows from the whole ("who wrote the
    guidance"), and a part with no topic of its own is never answered from so far down."""
    weights = {t: w for t, w in judge.topic_weights.items() if t in judge.own_terms}
    own = judge.expand(judge.facts.sentence_terms(i) | judge.facts.label_terms(i))
    return bool(weights) and sum(w for t, w in weights.items() if t in own) >= \
        MIN_TOPIC_COVERAGE * sum(weights.values())


# "How many members does it have now?", "is it still open?", "have all the visits been done?", "the final number of
# responses", "the latest completion date", "the revised deadline": the state of things as the newest document
# tells it (an interim count is history once it closed, a date is history once it moved)
CURRENT = re.compile(r"\b(?:now|current|currently|at present|presently|at the moment|as it stands|to date|so far|still|"
                     r"yet|final|finally|in the end|ended up|eventually|latest|most recent|up[- ]to[- ]date|revised|"
                     r"updated)\b|"
                     r"^\s*(?:have|has)\b[^?]*\bbeen\b", re.I)
LATEST_MARGIN = 0.25  # how far below the best a newer document's line may score and still be the answer


def _latest(judge: Judge, candidates: list[int], similarity: np.ndarray, prior: dict[int, float], best: int,
            score: float) -> int:
    """For a question about how things stand now, a line from a newer document than the best one's, scoring
    nearly as well and passing every rule, is the answer: "now has 57 members" in March is history by April's
    "now has 61 members". The newest such document's best line; the best itself when none is newer."""
    index = judge.index
    dated = index.documents[index.sentences[best].document].date
    newer = [i for i in candidates if index.documents[index.sentences[i].document].date > dated]
    scored = sorted(((index.documents[index.sentences[i].document].date, s, i) for i in newer
                     if (s := judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)))
                     >= score - LATEST_MARGIN), reverse=True)
    return next((i for _, _, i in scored if not judge.objection(i, float(similarity[i]))), best)


NEXT = re.compile(r"\bnext\b", re.I)


def _next_after(judge: Judge, candidates: list[int], similarity: np.ndarray, prior: dict[int, float], best: int,
                score: float) -> int:
    """"After the March 2025 board, when's the next one?" is the first date after March 2025: of the lines scoring
    within reach of the best that no rule objects to (the list of next meetings' dates, one line each), the one
    whose date comes first, not the one that scores a little higher; in the best line's own section (a span of
    dates elsewhere, "7 April 2025 - 6 April 2027", is no meeting). The best itself when the question asks for
    no next date after a dated one."""
    if not (judge.wants.date and judge.after and NEXT.search(judge.question)):
        return best
    index = judge.index

    def first_date(i: int) -> tuple[int, int, int] | None:
        after = [d for d in days_dated(judge.facts.text(index.sentences[i])) if d[:2] > judge.after]
        return min(after, default=None)

    def in_reach(i: int) -> bool:
        return score - judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)) <= WEAKER

    section = (index.sentences[best].document, index.chunks[index.sentences[best].chunk].section_path)
    within = [i for i in candidates
              if (index.sentences[i].document, index.chunks[index.sentences[i].chunk].section_path) == section and
              in_reach(i) and first_date(i) is not None and (i == best or not judge.objection(i, float(similarity[i])))]
    return min(within, key=first_date, default=best)


FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(facts: IndexFacts, sentences: Sequence[Sentence]) -> set[str]:
    """The figures the sentences print, commas dropped ("1,870" and "1870" agree); dates and years are no figures
    ("By 15 July 2026, 424 responses" and "closed on 26 July 2026 with 612 responses" share none)."""
    return {m.group().replace(",", "") for s in sentences
            for m in FIGURE.finditer(DATE_OR_YEAR.sub(" ", facts.text(s)))}


FOLLOW_REACH = 2  # sentences after the chosen ones that may finish the answer
FOLLOW_SHARE = 0.5  # of the topic's weight the chosen sentences lack that a following one must hold


def _what_follows(judge: Judge, chosen: list[Sentence]) -> list[Sentence]:
    """"... the allocated funding for the project was £400k." then "A funding of £100k was used to deliver projects
    for Year 1.": a sentence just after the chosen ones, in the same section, that holds most of what they lack of
    the question's words, and the kind of fact asked for, finishes the answer (the figure in the next line, "Two of
    these reviews have been submitted to the Home Office")."""
    index, facts = judge.index, judge.facts
    last = index.sentence_position[(chosen[-1].document, chosen[-1].start)]
    said = judge.expand(frozenset().union(*(facts.sentence_terms(index.sentence_position[(s.document, s.start)])
                                             for s in chosen)))
    lacking = {t: w for t, w in judge.topic_weights.items() if t not in said}
    path = index.chunks[chosen[-1].chunk].section_path
    for j in range(last + 1, min(last + 1 + FOLLOW_REACH, len(index.sentences))):
        following = index.sentences[j]
        if not lacking or following.document != chosen[-1].document or index.chunks[following.chunk].section_path != path:
            break
        gained = sum(w for t, w in lacking.items() if t in judge.expand(facts.sentence_terms(j)))
        if gained >= FOLLOW_SHARE * sum(lacking.values()) and judge.fits(facts.text(following)) and \
                not judge.objection(j, 1.0):
            # with any sentence between, and one after that leans on it ("These projects included ...")
            return list(dict.fromkeys([*chosen, *index.sentences[last + 1:j], *with_context(index, following)]))
    return chosen


def _other_parts(question: str, query: Query, index: LoadedIndex, facts: IndexFacts, candidates: list[int],
                 similarity: np.ndarray, prior: dict[int, float], best: int,
                 chosen: list[Sentence]) -> tuple[list[Sentence], tuple[str, ...]]:
    """For a question in several parts, a sentence for each part the chosen ones do not answer (from the same
    document), or the part named as not found."""
    pieces = parts(question)
    if len(pieces) < 2:
        return chosen, ()
    document = index.sentences[best].document
    missing = []
    for piece in pieces:
        judge = Judge(piece, query, index, facts, topic_from=part_topic(piece, pieces, question))
        said = " ".join(facts.text(s) for s in chosen)
        same_document = [i for i in candidates if index.sentences[i].document == document]
        found, score, _ = _best(judge, same_document, similarity, prior)
        if found is not None and index.sentences[found] in chosen:
            found = _own_line(judge, same_document, similarity, prior, found, score, chosen)
        # A part with words of its own is answered by its own best line, even when the lines chosen share its words
        # ("who chaired it, and who was vice-chair?": the vice-chair's line says "Vice-Chair", not who chaired);
        # otherwise ("..., and how many?") lines that hold its words and its kind of fact do.
        if (found is None or not content_terms(piece) - TIME_WORDS) and judge.fits(said) and _covers(judge, said):
            continue
        if found is None:  # "..., and what's the cost now?": the next line of the item chosen for the first part
            found = _continuation(judge, chosen)
        if found is None:
            missing.append(piece)
        elif index.sentences[found] not in chosen:  # a lead-in ("They include:") with its items
            chosen = sorted({*chosen, *(with_list(facts, found, False, frozenset(judge.topic)) or
                                        with_context(index, index.sentences[found]))},
                            key=lambda s: index.sentence_position[(s.document, s.start)])
    return chosen, tuple(missing)


def _own_line(judge: Judge, candidates: list[int], similarity: np.ndarray, prior: dict[int, float], found: int,
              score: float, chosen: list[Sentence]) -> int:
    """The line for a part whose best line is already quoted (for another part): of the other lines scoring within
    reach that no rule objects to, the one holding most of the part's own topic, when it holds more than the quoted
    one. "How much does the NHS need and what was the predicted deficit?" quotes the line on the £2.9 billion needed
    for the first part, not the deficit's line twice; "... and how many girls came to the celebration?" the
    celebration's line, not a line on another event that scores a little higher; a line that answers both parts
    still answers both."""
    index = judge.index

    def held(i: int) -> float:
        terms = judge.expand(judge.facts.sentence_terms(i))
        return sum(w for t, w in judge.topic_weights.items() if t in judge.own_terms and t in terms)
    scored = sorted(((judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)), i)
                     for i in candidates if index.sentences[i] not in chosen), reverse=True)
    within = [i for other_score, i in scored[:SHORTLIST] if score - other_score <= WEAKER
              and not judge.objection(i, float(similarity[i]))]
    best = max(within, key=held, default=None)  # the first of the best-holding, in score order
    return best if best is not None and held(best) > held(found) else found


def _covers(judge: Judge, said: str) -> bool:
    """Do the chosen sentences already hold this part's own words? A part asking a sum by a money word that leans
    back ("..., and what's the cost now?") is read with the words of the parts before it, which the line chosen
    for them holds by construction, and any figure fits a figure: only a sum printed answers it ("9 of the 14
    cameras" does not)."""
    if judge.wants.figure and not judge.wants.count and MONEY_WORDS.search(judge.question) and \
            not HAS_MONEY.search(said):
        return False
    own = judge.topic - content_terms(" ".join(judge.places))
    return not own or len(own & content_terms(said)) / len(own) >= 0.5


def _part_words(judge: Judge) -> set[str]:
    """The words a part of a question says itself, not those it borrows from the parts before it, nor its
    places and times ("the cost now": "cost")."""
    return content_terms(judge.question) - TIME_WORDS - content_terms(" ".join(judge.places)) - \
        {t for t in content_terms(judge.question) if CURRENT.fullmatch(t)}


def _continuation(judge: Judge, chosen: list[Sentence]) -> int | None:
    """A line just after one chosen for another part, in the same section, that holds every word of this part's
    own and the kind of fact it asks for: "9 of the 14 cameras had been installed ..." then "Additional work has
    increased the cost from £96,400 to £101,850." The item's name is in the first line only, so the next line,
    on its own, is far in meaning from the question and no search ranks it; in its item it answers the part."""
    index, facts = judge.index, judge.facts
    own = judge.expand(frozenset(_part_words(judge)))
    if not own:
        return None
    for sentence in chosen:
        at = index.sentence_position[(sentence.document, sentence.start)]
        path = index.chunks[sentence.chunk].section_path
        for j in range(at + 1, min(at + 1 + FOLLOW_REACH, len(index.sentences))):
            following = index.sentences[j]
            if following.document != sentence.document or index.chunks[following.chunk].section_path != path:
                break
            if following in chosen:
                continue
            if _part_words(judge) <= judge.expand(facts.sentence_terms(j)) and judge.fits(facts.text(following)) \
                    and not judge.objection(j, 1.0):
                return j
    return None


SAID_MARGIN = 0.03
# "What did the article say about off-road bikes?", "what does the briefing say on X": what a source says of a topic.
SAYS_ABOUT = re.compile(r"\bwhat (?:did|does|do|has|have)\b.+\b(?:say|said|report|state|write|tell|mention)\w*\s+"
                        r"(?:about|on|of|regarding)\b", re.I)


def _also_said(judge: Judge, candidates: list[int], similarity: np.ndarray, prior: dict[int, float], best: float,
               chosen: list[Sentence]) -> list[Sentence]:
    """"What did the article say about X?" asks for what a source says, which may be more than one line: the
    runner-up from the same document, when it scores almost as well and no rule objects, is quoted too (a
    resident's complaint and the police reply to it)."""
    if judge.wants.kind != "answer" or not SAYS_ABOUT.search(judge.question):
        return chosen
    index = judge.index
    document = chosen[0].document
    scored = sorted(((judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)), i)
                     for i in candidates if index.sentences[i].document == document
                     and index.sentences[i] not in chosen), reverse=True)
    for score, i in scored[:1]:
        text = judge.facts.text(index.sentences[i])
        places = {hit.name for _, hit in vocab.find_places(vocab.normalise(text))
                  if not placenames.only_in_names(text, hit.name, index, everywhere=True)}
        if places - set(judge.places):
            break  # "And in Southend, ..." after a line for the county: a narrower answer than was asked for
        if best - score <= SAID_MARGIN and not judge.objection(i, float(similarity[i])):
            return sorted({*chosen, *with_context(index, index.sentences[i])},
                          key=lambda s: index.sentence_position[(s.document, s.start)])
    return chosen


OTHER_SOURCE_MARGIN = 0.08
OTHER_SOURCE_SIMILARITY = 0.6


def _other_sources(judge: Judge, index: LoadedIndex, candidates: list[int], similarity: np.ndarray,
                   prior: dict[int, float], best: float, document: str, named: set[str]) -> tuple[Sentence, ...]:
    """A figure on the same question from another document (often for another period): one the question
    names ("according to the PFCC and the press release"), or one almost as good a match as the best.
    Quoting both lets the reader see that sources differ by date."""
    if not judge.wants.figure:
        return ()
    scored = sorted(((judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)), i)
                     for i in candidates if index.sentences[i].document != document), reverse=True)
    for score, i in scored:
        other = index.sentences[i]
        asked_for = len(named) > 1 and other.document in named
        if not asked_for and (best - score > OTHER_SOURCE_MARGIN or similarity[i] < OTHER_SOURCE_SIMILARITY):
            continue
        if not judge.objection(i, float(similarity[i])):
            return tuple(with_context(index, other))
    return ()
