"""Pick the sentences that answer a question from the retrieved passages, or decide that none does.

Retrieval ranks passages; this module ranks sentences and enforces the rules that keep answers
honest. A sentence is only quoted when:
- the places the question names are in its passage, and the places, years and months the sentence and its
  section name do not contradict the question's;
- it carries most of the question's topic (its rarer words, once places, dates and the words that name a
  source are set aside), read together with the headings and list or table header that give it meaning;
- it holds the kind of fact asked for (`wants`): a name for "who", a date for "when", a number for "how
  many", a rate for "what rate", and for "how many X" a number that counts X, not a change in X; an outcome
  for "did it win?", a successor for "who replaced X?", for "the next X" a date not past when it was written;
- it is not about another of the things its document lists side by side (the north area for the south), a
  ward for a district, or another financial year;
Failing those, the caller says "not found" instead of quoting something nearby. A question in several parts
gets a sentence for each part, or says which part the documents do not answer; a question asking for a list
gets the whole list with the line that introduces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant import vocab
from assistant.answer import asking
from assistant.answer.facts import (IndexFacts, facts_for, is_item, neighbours, opening, passed_by, same_document,
                                   year_pairs, years_in)
from assistant.answer.lists import continues, list_items, with_context, with_list
from assistant.answer import thread
from assistant.answer.retrieve import Hit, sentence_similarity
from assistant.answer.thread import Thread
from assistant.answer.wants import (Wants, asked_kind, asked_months, dated_in_words, dated_months, days_in,
                                    introduced, list_phrase, list_size, month_names, names_one, names_person,
                                    names_venue, numbered, parts, quoted, wants)
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.understand.query import Query

DIRECTIONS = {"increas", "decreas"}  # stems of the words SAME_THING folds rises and falls into

MIN_DENSE = 0.30
MIN_DENSE_UNKNOWN = 0.7  # for a question with a word no document uses
MIN_TOPIC_COVERAGE = 0.55
MAX_ABSENT_SHARE = 0.2
NAMED_SHARE = 0.75  # of the topic's weight a sentence holds itself to be quoted however far its meaning
SHORTLIST = 6
NEIGHBOURHOOD = 6  # sentences either side of the last answer that a follow-up searches
CLOSEST = 20  # sentences closest in meaning, wherever they are, join the retrieved passages' own
LABEL_CREDIT = 0.6  # a word only the headings or list lead hold counts for a little over half


@dataclass(frozen=True)
class Selection:
    """The chosen sentences in reading order with the score that chose them, or why none was chosen.
    `missing` names the parts of a several-part question no sentence answers."""

    sentences: tuple[Sentence, ...]
    score: float
    reason: str = ""
    missing: tuple[str, ...] = ()


class _Judge:
    """The facts about one question (or one part of it) that every candidate sentence is measured against."""

    def __init__(self, question: str, query: Query, index: LoadedIndex, facts: IndexFacts, topic_from: str = ""):
        self.index, self.facts = index, facts
        forces = set(vocab.FORCES)  # a force-wide area narrows nothing when a district is also named
        # "the Essex Police statement", "Chelmsford Fire Station": a place that only opens an organisation's
        # name is not where to look.
        said = f"{topic_from} {question}"
        named = [p for p in (*query.areas, *query.unknown_places) if not asking.only_in_names(said, p, index)]
        self.places = tuple(p for p in named if p not in forces) or tuple(p for p in named if p in forces)
        self.years = years_in(question)
        self.year_pairs = year_pairs(said)
        pair_digits = set(re.findall(r"\d+", " ".join(re.findall(r"\d+\s*/\s*\d+", question))))
        pair_digits |= days_in(question)  # "the meeting on 14 October 2013": 14 is part of a date
        self.months = asking.months_in(question)
        read = asking.read_terms(topic_from or question, index)
        self.terms = read.terms
        place_terms = set().union(*(content_terms(p) for p in self.places)) if self.places else set()
        self.topic = self.terms - place_terms - TIME_WORDS - self.years - read.source_terms - pair_digits
        if wants(question).kind in ("time", "date", "place"):  # "what time does it start", "where is it held"
            self.topic -= asking.WHEN_WHERE
        if wants(question).outcome:  # "did it win the funding?": winning is the answer asked for, not the topic
            self.topic -= asking.OUTCOME_WORDS
        # A follow-up is read with the earlier question's words, but its own words say what is new ("And
        # 'moderate'?" after "what does 'severe' mean?"): they count double.
        own = asking.read_terms(question, index).terms if topic_from else self.terms
        self.weights = asking.idf(index, self.terms, boost=own)
        # A word no document holds ("kids") cannot be found in any sentence; meaning stands in for it (a question
        # with many such words is refused before this).
        known = facts.known_terms()[0]
        self.topic = {t for t in self.topic if t in known or not t.isalpha()} or self.topic  # "999" must be found
        self.topic_weights = asking.idf(index, self.topic, boost=own)
        counted = asking.counted(question)
        self.counted_words, self.action, self.counted = counted.words, counted.action, counted.terms
        self.counted_phrase, self.counted_asked = counted.phrase, counted.asked
        self.focus = self.counted or asking.how_much_terms(question)
        # The counted words to look for, each with its terms, a misspelling mended ("subscibers").
        self.counted_mended = [(w, asking.mend(w, index)) for w in self.counted_words
                               if content_terms(w) - asking.COUNT_WORDS and asking.is_known(w, index)]
        self.unknown: list[tuple[str, str]] = []
        # The thing counted: the last counted word the documents use ("school" when "kids" is not theirs).
        self.noun = next((w for w in reversed(self.counted_words) if asking.is_known(w, index)),
                         self.counted_words[-1] if self.counted_words else "")
        self.direction = self.terms & DIRECTIONS
        # A question about a crime type is only answered from a passage that names it, in the words of
        # the table or of the question ("knife crime" for Possession of Weapons).
        named = [hit.alias for hit in vocab.find_crime_types(vocab.normalise(said)) if hit.name in query.crime_types]
        self.crime_words = set().union(*(content_terms(c) - asking.GENERIC_CRIME for c in (*query.crime_types, *named)))
        self.crime_types = query.crime_types
        self.crime_label = " or ".join(c.lower() for c in query.crime_types)
        self.wants: Wants = wants(question)
        self.question = question
        self.asked = f"{topic_from} {question}"  # what the conversation has already said
        # For a follow-up: the sentences the last answer quoted, and the words this turn adds. "What's his job
        # title?" adds none, so the line already quoted may answer it; "and the last one in Melbourne?" adds a
        # place the quoted sentence lacks, so it does not.
        self.quoted_before: frozenset[int] = frozenset()
        self.new_words = set(own) if topic_from else set()
        self.new_names = content_terms(" ".join(re.findall(r"(?<!^)\b[A-Z][a-z]+", question.strip()) + quoted(question)))
        # "What are the four strands of CONTEST?": a line introducing four items ("made up of 4 different
        # areas:") is the answer's lead, and "four" is its size, not a topic word to find.
        self.list_size = list_size(question) if self.wants.many else None
        self.list_words: set[str] = set()
        if self.list_size:
            self.topic -= content_terms(question) & content_terms("two three four five six seven eight nine ten")
            self.topic_weights = asking.idf(index, self.topic, boost=own)
            self.list_words = content_terms(list_phrase(question))
        # "Who chaired ...?": the sentence that names someone in that role (not the one before it) is the answer.
        self.role = asking.who_focus(question)
        self.quoted = [q.casefold() for q in quoted(question)]
        self.kind = asked_kind(question)
        self.number = numbered(question)
        self.months_named = asked_months(question)

    def fits(self, text: str) -> bool:
        return self.wants.fits(text, self.asked)

    def score(self, i: int, similarity: float, prior: float) -> float:
        """Meaning, shared rare words (part credit when only the sentence before or the headings have them),
        focus, place, and whether it holds the kind of fact asked for."""
        facts = self.facts
        sentence = self.index.sentences[i]
        text = facts.text(sentence)
        terms = facts.sentence_terms(i)
        before = facts.sentence_terms(i - 1) if same_document(self.index, i - 1, sentence) else frozenset()
        label = facts.label_terms(i)
        lexical = sum(w if t in terms else (0.5 * w if t in before else LABEL_CREDIT * w if t in label else 0.0)
                      for t, w in self.weights.items())
        near = terms | before | label
        focused = 0.3 * len(self.focus & near) / len(self.focus) if self.focus else 0.0
        focused += 0.3 * len(self.role & terms) / len(self.role) if self.role else 0.0
        focused += 0.2 if self.noun and asking.counts(text, self.noun) else 0.0
        focused += 0.1 if self.direction & terms else 0.0
        placed = f"{facts.label(i)} {text}"  # the headings may say where ("Safer Chelmsford")
        place = 0.1 if self.places and any(asking.mentions(placed, p) for p in self.places) else 0.0
        misfit = 0.0 if self.fits(text) or continues(self.index, i) and self.fits(
            f"{facts.text(self.index.sentences[i - 1])} {text}") else 0.3
        if i in self.quoted_before:
            focused += 0.3 if self.new_words <= terms else -0.3 if self.new_names - terms else 0.0
        misfit += 0.15 if facts.is_heading(i) and not self.wants.many else 0.0  # a heading names, it does not say
        if self.quoted and all(q in text.casefold() for q in self.quoted):  # more when it is the row's label
            focused += 0.45 if text.strip("-•❖* ").casefold().startswith(self.quoted[0]) else 0.3
        focused += 0.2 if self.kind and names_one(text, self.kind, self.asked) else 0.0
        focused += 0.25 if introduced(text, self.question) else 0.0
        focused += 0.3 if self.number is not None and self.number.match(text) else 0.0
        focused += 0.15 if self.wants.place and names_venue(text) else 0.0
        focused += 0.15 if self.wants.person and names_person(text, self.asked) else 0.0
        # "the December agenda", not the July minutes: the line's own date, or its heading's when a date is the
        # answer ("the July minutes said the next meeting would be in November"). A figure's months are its
        # period, which the objections weigh.
        if self.months_named and not self.wants.figure and (dated := facts.label_months(i) if self.wants.date else
                                  dated_months(text) or facts.label_months(i)):
            focused += 0.15 if dated & self.months_named else -0.15
        if self.wants.many:  # a list is asked for: a line introducing one, or an item of one, is the answer
            size = list_items(facts, i)
            focused += 0.3 if self.list_size and size == self.list_size else 0.15 if size > 1 or \
                is_item(facts.text(sentence)) else 0.0
        return 0.45 * similarity + 0.3 * lexical + 0.1 * prior + focused + place - misfit

    def named_in(self, i: int) -> bool:
        """Does sentence i itself hold the role asked about, or nearly all of the question's topic, two words or
        more ("Claire Gevaux", "Marc De'ath"), or is it one of a meeting's particulars when a place or a time is
        asked? Names and short lines embed poorly, so meaning alone must not refuse the line that prints them."""
        held = self.topic & self.facts.sentence_terms(i)
        if self.role and self.role <= held:  # "who chaired it?" and "Dr Kieron O'Hara – Chair"
            return True
        if (self.wants.place or self.wants.time or self.wants.date) and self.facts.in_opening(i):
            return True  # "where was it held?" and the venue among a meeting's particulars
        return len(held) >= 2 and sum(self.topic_weights[t] for t in held) >= NAMED_SHARE

    def objection(self, i: int, similarity: float) -> str:
        """Why sentence i must not be quoted as the answer; empty when it may."""
        facts, index = self.facts, self.index
        sentence = index.sentences[i]
        text = facts.text(sentence)
        chunk = index.chunks[sentence.chunk]
        doc = index.documents[sentence.document]
        label = facts.label(i)
        passage = " ".join((label, chunk.text))
        window = " ".join(facts.text(s) for s in neighbours(index, sentence))
        before = facts.sentence_terms(i - 1) if same_document(index, i - 1, sentence) else frozenset()
        window_terms = facts.sentence_terms(i) | before | facts.label_terms(i) | facts.source_terms(doc.id)
        if self.unknown and similarity < MIN_DENSE_UNKNOWN:  # the plainer reason first
            return f"the documents never mention {asking.listed(w for _, w in self.unknown)}"
        if similarity < MIN_DENSE and not self.named_in(i):
            return "no passage answers this closely enough"
        missing = [p for p in self.places if not asking.mentions(passage, p)]
        if missing:
            return f"no passage about {', '.join(missing)} answers this"
        # A force's area only opening an organisation's name ("Essex Police performance figures") says nothing
        # of where; a smaller place in a name ("Mid Essex Neighbourhood Teams") still does.
        stated_places = {hit.name for _, hit in vocab.find_places(vocab.normalise(text)) if hit.name in self.places
                         or hit.name not in vocab.FORCES or not asking.only_in_names(text, hit.name, index)}
        if self.places and stated_places and not stated_places & set(self.places):
            return f"the passages give figures for {', '.join(sorted(stated_places))}, not {', '.join(self.places)}"
        stated_years = years_in(window)
        around = facts.years_around(sentence.document, sentence.start)
        if self.years and not self.years <= around:
            return f"no passage gives figures for {', '.join(sorted(self.years))}"
        if self.years and stated_years and not self.years & stated_years and not self.years <= years_in(label):
            return f"the passages give figures for {', '.join(sorted(stated_years))}, not {', '.join(sorted(self.years))}"
        if self.months and self.years and not self.months <= asking.months_in(
                " ".join((label, window, asking.section_text(doc, sentence.start), dated_in_words(doc.date),
                          opening(doc)))):
            return f"no passage gives figures for the period asked about ({month_names(self.months)})"
        stated_pairs = year_pairs(window)
        if self.year_pairs and stated_pairs and not self.year_pairs & stated_pairs:
            return f"the passages give figures for {', '.join(sorted(stated_pairs))}, not " \
                   f"{', '.join(sorted(self.year_pairs))}"
        if self.places and self.wants.figure and (part := asking.sub_area(text, self.question)):
            return f"the passages give a figure for a {part}, not for {', '.join(self.places)} as a whole"
        if (other := asking.sibling(facts, doc.id, self.question, text, window)) is not None:
            return f"the passage is about {other[1]}, not {other[0]}"
        passage_terms = window_terms | facts.passage_terms(sentence.chunk)
        if self.list_size and list_items(facts, i) == self.list_size:
            passage_terms |= self.list_words  # "made up of 4 different areas:" introduces the four strands
        if self.topic and sum(w for t, w in self.topic_weights.items() if t in passage_terms) < MIN_TOPIC_COVERAGE:
            return "no passage answers this closely enough"
        stated_crimes = {hit.name for hit in vocab.find_crime_types(vocab.normalise(text))} - {vocab.ALL_CRIME}
        if query_crimes := set(self.crime_types):
            named_too = (self.crime_words or {"crime"}) & facts.sentence_terms(i)  # "total crime ... and ASB"
            if stated_crimes and not stated_crimes & query_crimes and not named_too:
                return f"the passages give figures for {', '.join(sorted(stated_crimes)).lower()}, " \
                       f"not {self.crime_label}"
        if self.crime_words and not self.crime_words & (facts.label_terms(i) | facts.passage_terms(sentence.chunk)):
            return f"no passage is about {self.crime_label}"
        if self.action and not self.action.terms <= window_terms:
            return f"no passage gives the number of people {self.action.word}"
        if self.counted and not all(asking.has_word(window, w) or mended <= window_terms
                                    for w, mended in self.counted_mended):
            return f"no passage counts {self.counted_phrase}"
        noun = self.noun
        if self.counted and not self.wants.change and asking.has_word(window, noun) and \
                not asking.counts(window, noun):  # "an increase in referrals" names them but does not count them
            return f"no passage gives {self.counted_asked} {self.counted_phrase}"
        if noun and not self.wants.change and not self.wants.per_head and asking.only_changes(window, noun):
            return f"the passages give a change in the number of {self.counted_phrase}, not the number"
        if self.wants.outcome and self.topic and not self.topic & window_terms:  # "met this morning" is no outcome
            return f"no passage states the {self.wants.kind} asked for"
        if self.wants.upcoming and (passed := passed_by(text, doc.date)):
            return f"the date it gives, {passed}, had already passed when the document was written"
        if not self.fits(text) and not (self.wants.many and self.fits(window)) and \
                not (continues(index, i) and self.fits(window)):
            return f"no passage states the {self.wants.kind} asked for"
        return ""


def select(question: str, query: Query, hits: list[Hit], question_vector: np.ndarray,
           index: LoadedIndex, earlier: Thread | None = None) -> Selection:
    """Rank the sentences of the hit passages (and the closest sentences anywhere); quote the best that passes,
    with a sentence for each further part of the question. `earlier` is the passage answer a follow-up leans
    on: its question lends the topic, its document is searched first, "the second one" is read in its list."""
    facts = facts_for(index)
    if earlier is not None and (stepped := thread.step_in_list(facts, earlier, question)) is not None:
        return Selection(tuple(with_context(index, index.sentences[stepped])), 1.0)
    judge = _Judge(question, query, index, facts, topic_from=earlier.search_text(question) if earlier else "")
    if earlier is not None:
        judge.quoted_before = frozenset(earlier.sentences)
        judge.new_words -= asking.read_terms(earlier.question, index).terms
        judge.new_names &= judge.new_words
    if judge.places and not judge.topic and not judge.focus:
        # "And in Harlow?" on its own: a place and nothing to find out about it, so no sentence can answer it
        # (a heading that names the place is not an answer).
        return Selection((), 0.0, f"the question names {', '.join(judge.places)} but not what to find out about it")
    unknown = asking.unknown_words(question, index)
    if judge.terms and len(unknown) / len(judge.terms) > MAX_ABSENT_SHARE:
        # One word the documents never use ("kids" for "children") can only be matched by meaning, and then
        # only by a sentence very close in meaning; more than one is a topic they do not cover.
        if len(unknown) > 1:
            return Selection((), 0.0, f"the documents never mention {asking.listed(w for _, w in unknown)}")
        judge.unknown = unknown
    allowed = {d for d in index.documents
               if all(facts.mentions(d, p) for p in judge.places) and judge.years <= facts.document(d).years}
    if not allowed:
        return Selection((), 0.0, f"no document covers {', '.join((*judge.places, *sorted(judge.years)))}")
    # A follow-up stays with the last answer's document, even when it names something that document mentions
    # ("and the commissioner who joined them?" after a press release that names him).
    sources = asking.named_sources(question, index)
    if earlier is not None and (not sources or asking.names_source_in(question, index.documents[earlier.document])):
        sources = {earlier.document}
    named, every = allowed & sources, allowed
    allowed = named or allowed

    similarity = sentence_similarity(facts, hits, question_vector)
    prior = {hit.chunk: 1.0 - rank / max(len(hits), 1) for rank, hit in enumerate(hits)}
    near = set(np.argpartition(-similarity, CLOSEST)[:CLOSEST].tolist()) if len(similarity) > CLOSEST else \
        set(range(len(similarity)))
    near |= facts.covering(judge.topic_weights, MIN_TOPIC_COVERAGE)
    near |= {i for hit in hits for i in facts.sentences_of(hit.chunk)}
    if earlier is not None:  # what the last answer quoted, and what is printed around it
        near |= {j for i in earlier.sentences for j in range(i - NEIGHBOURHOOD, i + NEIGHBOURHOOD + 1)
                 if 0 <= j < len(index.sentences)}
    candidates = sorted(i for i in near if index.sentences[i].document in allowed)
    best, score, reason = _best(judge, candidates, similarity, prior) if candidates else \
        (None, 0.0, "no passage about this was found")
    if best is None and named and asking.source_as_topic(question):  # "the annual meeting with the PFCC"
        spoken = [i for i in sorted(near) if index.sentences[i].document in named or index.sentences[i].document in
                  every and asking.names_source_in(question, index.chunks[index.sentences[i].chunk])]
        found = _best(judge, spoken, similarity, prior)
        best, score, reason = found if found[0] is not None else (None, score, reason)
    if best is None:
        return Selection((), score, reason)
    sentence = index.sentences[best]
    chosen = with_list(facts, best, judge.wants.many, frozenset(judge.topic)) or with_context(index, sentence)
    chosen, missing = _other_parts(question, query, index, facts, candidates, similarity, prior, best, chosen)
    others = _other_sources(judge, index, candidates, similarity, prior, score, sentence.document, named)
    return Selection(tuple(chosen) + others, score, missing=missing)


def _best(judge: _Judge, candidates: list[int], similarity: np.ndarray,
          prior: dict[int, float]) -> tuple[int | None, float, str]:
    """The best-scoring candidate no rule objects to, its score, or the reason the best ones were refused."""
    index = judge.index
    scored = sorted(((judge.score(i, float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)), i)
                     for i in candidates), reverse=True)
    reason = ""
    for score, i in scored[:SHORTLIST]:
        reason = judge.objection(i, float(similarity[i]))
        if not reason:
            return i, score, ""
        if scored[0][0] - score > 0.12:
            break
    return None, scored[0][0] if scored else 0.0, reason


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
        judge = _Judge(piece, query, index, facts, topic_from=asking.with_topic(piece, question))
        said = " ".join(facts.text(s) for s in chosen)
        if judge.fits(said) and _covers(judge, said):
            continue
        same_document = [i for i in candidates if index.sentences[i].document == document]
        found, _, _ = _best(judge, same_document, similarity, prior)
        if found is None:
            missing.append(piece)
        elif index.sentences[found] not in chosen:
            chosen = sorted({*chosen, *with_context(index, index.sentences[found])},
                            key=lambda s: index.sentence_position[(s.document, s.start)])
    return chosen, tuple(missing)


def _covers(judge: _Judge, said: str) -> bool:
    """Do the chosen sentences already hold this part's own words?"""
    own = judge.topic - content_terms(" ".join(judge.places))
    return not own or len(own & content_terms(said)) / len(own) >= 0.5


OTHER_SOURCE_MARGIN = 0.08
OTHER_SOURCE_SIMILARITY = 0.6


def _other_sources(judge: _Judge, index: LoadedIndex, candidates: list[int], similarity: np.ndarray,
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
