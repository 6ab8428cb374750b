"""Pick the sentences that answer a question from the retrieved passages, or decide that none does.

Retrieval ranks passages; this module ranks sentences and enforces the rules that keep answers
honest. A sentence is only quoted when:
- the places the question names are in its passage, and the places and years the sentence itself names
  do not contradict the question's;
- it carries most of the question's topic (its rarer words, once places and dates are set aside);
- for "how many X", it mentions X; for "how much / what percentage", it states a figure.
Failing those, the caller says "not found" instead of quoting something nearby.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant import vocab
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.dates import MONTH_WORDS
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.text.tokens import bm25_tokens
from assistant.understand.query import Query
from assistant.answer.retrieve import Hit

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
YEAR_SPAN = re.compile(r"\b(20[0-4]\d)\s*[-/–]\s*(\d\d)\b")  # "2016-17", "2024/25"
MONTHS = " ".join(MONTH_WORDS)
NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|"
                r"million|half|third|quarter|fifth")
HAS_FIGURE = re.compile(rf"\d|\b({NUMBER_WORDS})\b", re.I)
HAS_DATE = re.compile(rf"\b({MONTHS.replace(' ', '|')})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(19|20)\d\d\b", re.I)
WANTS_FIGURE = re.compile(r"\b(how (many|much|big|large|far|long)|what (percentage|proportion|share|number|"
                          r"amount|rate|level|figure|funding|money|budget|sum|grant)|by how much|number of|"
                          r"per ?cent|%|allocation|allocated|funding|budget|cost|grant|spent|spend)", re.I)
WANTS_DATE = re.compile(r"\b(when|what date|which date|what day)\b", re.I)
# "How many <things>": the things counted must be named where the answer is.
_STOP = r"(?!(?:did|does|do|was|were|is|are|has|have|had|in|of|for|there|will|would|can|could)\b)"
COUNTED = re.compile(rf"\bhow many\s+((?:{_STOP}[a-z-]+\s*){{1,3}})", re.I)
HOW_MUCH = re.compile(rf"\bhow much\s+((?:{_STOP}[a-z-]+\s*){{1,3}})", re.I)
# Phrases that name a source, and the word its document's title, publisher or kind must contain.
SOURCES = tuple((re.compile(p, re.I), word) for p, word in (
    (r"\bpfcc\b|\bcommissioner\b|\broger hirst\b", "commissioner"),
    (r"\becho\b", "echo"),
    (r"\bpress release\b|\bnews release\b", "release"),
    (r"\bnewspaper\b|\barticle\b", "news"),
    (r"\bchief constable\b", "chief constable"),
    (r"\bmanifesto\b|\belection statement\b", "manifesto"),
    (r"\bboard\b|\bminutes\b|\bagenda\b", "board"),
))
COUNT_WORDS = set(bm25_tokens(["offences incidents crimes cases people times reports"], as_ids=False)[0])
# Verbs that end a "how many" phrase without "-ed" ("how many children went to ...").
IRREGULAR_VERBS = {"went", "came", "took", "got", "saw", "left", "made", "met", "ran", "gave", "held", "fell",
                   "rose", "grew", "go", "come", "take", "get", "attend", "die", "receive", "vote"}
# Words in crime-type names too general to show a passage is about that crime type.
GENERIC_CRIME = set(bm25_tokens(["offences incidents crime crimes all excl action nfib fraud inc incl based "
                                 "other the of a against"], as_ids=False)[0])

MIN_DENSE = 0.30
MIN_TOPIC_COVERAGE = 0.55
MAX_ABSENT_SHARE = 0.2
SHORTLIST = 6


@dataclass(frozen=True)
class Selection:
    """The chosen sentences in reading order with the score that chose them, or why none was chosen."""

    sentences: tuple[Sentence, ...]
    score: float
    reason: str = ""


DIRECTIONS = {"increas", "decreas"}  # stems of the words SAME_THING folds rises and falls into


def named_sources(question: str, index: LoadedIndex) -> set[str]:
    """Documents the question points at by name ("according to the PFCC"); empty when it names none."""
    chosen: set[str] = set()
    for pattern, word in SOURCES:
        if pattern.search(question):
            chosen |= {d.id for d in index.documents.values()
                       if word in f"{d.title} {d.publisher} {d.kind}".casefold()}
    return chosen


def _mentions(text: str, place: str) -> bool:
    return re.search(rf"\b{re.escape(place)}", text, re.I) is not None


def _text(index: LoadedIndex, sentence: Sentence) -> str:
    return index.documents[sentence.document].text[sentence.start:sentence.end]


class _Judge:
    """The facts about one question that every candidate sentence is measured against."""

    def __init__(self, question: str, query: Query, index: LoadedIndex):
        self.index = index
        self.places = tuple(p for p in (*query.areas, *query.unknown_places) if p != "Essex") or \
            (("Essex",) if "Essex" in query.areas else ())
        self.years = years_in(question)
        self.terms = content_terms(question)
        place_terms = set().union(*(content_terms(p) for p in self.places)) if self.places else set()
        # Words naming a source ("the PFCC", "the press release") choose documents; they are not the topic.
        source_terms = set().union(*(content_terms(m.group()) for pattern, _ in SOURCES
                                     for m in pattern.finditer(question)))
        self.topic = self.terms - place_terms - TIME_WORDS - self.years - source_terms
        self.weights = self._idf(self.terms)
        self.topic_weights = self._idf(self.topic)
        counted = COUNTED.search(question)
        self.counted_words = _singular_words(_nouns(counted.group(1))) if counted else []
        # "How many people were arrested": with a generic noun, what is counted is the action.
        generic = counted and not content_terms(" ".join(self.counted_words)) - COUNT_WORDS
        self.action = content_terms(_action(question[counted.end():])) if generic else set()
        self.counted = content_terms(" ".join(self.counted_words)) - COUNT_WORDS
        how_much = HOW_MUCH.search(question)
        self.focus = self.counted or (content_terms(how_much.group(1)) if how_much else set())
        self.direction = self.terms & DIRECTIONS
        # A question about a crime type is only answered from a passage that names it, in the words of
        # the table or of the question ("knife crime" for Possession of Weapons).
        named = [hit.alias for hit in vocab.find_crime_types(vocab.normalise(question)) if hit.name in query.crime_types]
        self.crime_words = set().union(*(content_terms(c) - GENERIC_CRIME for c in (*query.crime_types, *named)))
        self.crime_types = query.crime_types
        self.crime_label = " or ".join(c.lower() for c in query.crime_types)
        self.wants_figure = bool(WANTS_FIGURE.search(question))
        self.wants_date = bool(WANTS_DATE.search(question))

    def _idf(self, terms: set[str]) -> dict[str, float]:
        """Rarer words count for more; weights sum to one so scores compare across questions."""
        total = len(self.index.chunks)
        raw = {t: float(np.log(1 + total / (1 + self.index.document_frequency.get(t, 0)))) for t in terms}
        norm = sum(raw.values()) or 1.0
        return {t: w / norm for t, w in raw.items()}

    def score(self, sentence: Sentence, similarity: float, prior: float) -> float:
        """Meaning, shared rare words (half credit when only the sentence before has them), focus, place."""
        text = _text(self.index, sentence)
        terms = content_terms(text)
        before = set().union(*(content_terms(_text(self.index, s)) for s in _neighbours(self.index, sentence)[:-1]))
        lexical = sum(w if t in terms else 0.5 * w for t, w in self.weights.items() if t in terms | before)
        focused = 0.3 * len(self.focus & (terms | before)) / len(self.focus) if self.focus else 0.0
        focused += 0.2 if self.counted_words and _counts(text, self.counted_words[-1]) else 0.0
        focused += 0.1 if self.direction & terms else 0.0
        place = 0.1 if self.places and any(_mentions(text, p) for p in self.places) else 0.0
        misfit = 0.0 if self.fits(text) else 0.3
        return 0.45 * similarity + 0.3 * lexical + 0.1 * prior + focused + place - misfit

    def fits(self, text: str) -> bool:
        return (not self.wants_figure or bool(HAS_FIGURE.search(text))) and \
            (not self.wants_date or bool(HAS_DATE.search(text)))

    def objection(self, sentence: Sentence, similarity: float) -> str:
        """Why this sentence must not be quoted as the answer; empty when it may."""
        text = _text(self.index, sentence)
        chunk = self.index.chunks[sentence.chunk]
        doc = self.index.documents[sentence.document]
        passage = " ".join((doc.title, *chunk.section_path, chunk.text))
        window = " ".join(_text(self.index, s) for s in _neighbours(self.index, sentence))
        window_terms = content_terms(" ".join((window, doc.title, doc.publisher, doc.kind, *chunk.section_path)))
        if similarity < MIN_DENSE:
            return "no passage answers this closely enough"
        missing = [p for p in self.places if not _mentions(passage, p)]
        if missing:
            return f"no passage about {', '.join(missing)} answers this"
        stated_places = {hit.name for _, hit in vocab.find_places(vocab.normalise(text))}
        if self.places and stated_places and not stated_places & set(self.places):
            return f"the passages give figures for {', '.join(sorted(stated_places))}, not {', '.join(self.places)}"
        stated_years = years_in(window)
        if self.years and not self.years <= years_in(_section_text(doc, sentence.start)):
            return f"no passage gives figures for {', '.join(sorted(self.years))}"
        if self.years and stated_years and not self.years & stated_years:
            return f"the passages give figures for {', '.join(sorted(stated_years))}, not {', '.join(sorted(self.years))}"
        passage_terms = window_terms | content_terms(chunk.text)
        if self.topic and sum(w for t, w in self.topic_weights.items() if t in passage_terms) < MIN_TOPIC_COVERAGE:
            return "no passage answers this closely enough"
        stated_crimes = {hit.name for hit in vocab.find_crime_types(vocab.normalise(text))} - {vocab.ALL_CRIME}
        if query_crimes := set(self.crime_types):
            named_too = (self.crime_words or {"crime"}) & content_terms(text)  # "total crime ... and ASB"
            if stated_crimes and not stated_crimes & query_crimes and not named_too:
                return f"the passages give figures for {', '.join(sorted(stated_crimes)).lower()}, " \
                       f"not {self.crime_label}"
        if self.crime_words and not self.crime_words & content_terms(passage):
            return f"no passage is about {self.crime_label}"
        if self.action and not self.action <= window_terms:
            return f"no passage counts people {' '.join(sorted(self.action))}"
        if self.counted and not all(_has_word(window, w) for w in self.counted_words if content_terms(w) - COUNT_WORDS):
            return f"no passage counts {' '.join(self.counted_words)}"
        if not self.fits(text):
            return "no passage states the figure or date asked for"
        return ""


def _section_text(doc, offset: int) -> str:
    """The whole section a position falls in (a short article is one section), its headings and the
    document's date: where a period stated once covers every sentence under it."""
    spans = [sec for sec in doc.sections if sec.start <= offset < sec.end]
    if not spans:
        return f"{doc.date} {doc.text}"
    section = spans[-1]
    return " ".join((doc.date, *section.path, doc.text[section.start:section.end]))


def _nouns(phrase: str) -> str:
    """The words of a "how many" phrase up to its first verb ("children went to" -> "children")."""
    kept = []
    for word in phrase.split():
        if word.casefold() in IRREGULAR_VERBS or word.casefold().endswith("ed"):
            break
        kept.append(word)
    return " ".join(kept)


def _action(rest: str) -> str:
    """The first past participle after a generic "how many people": "were arrested in ..." -> "arrested"."""
    for word in rest.split()[:4]:
        if word.casefold().endswith("ed") or word.casefold() in IRREGULAR_VERBS:
            return word
    return ""


def _singular_words(phrase: str) -> list[str]:
    """Surface words, plural "s" dropped: stems would let "officers" match "Office"."""
    return [re.sub(r"(?<=[a-z]{3})(es|s)$", "", w) if not w.endswith("ss") else w
            for w in re.findall(r"[a-z]+", phrase.casefold())]


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}(s|es)?\b", text, re.I) is not None


# "Year 8 children", "aged 13 to 17": a number that names a group rather than counting it.
LABEL_BEFORE_NUMBER = re.compile(r"\b(year|years|aged|age|ages|under|over|item|page|zone|tier)\s*$", re.I)


def _counts(text: str, noun: str) -> bool:
    """True when the text puts a number right before the noun ("1,200 school children", "four homicides")."""
    number = rf"(?:\d[\d,.]*|{NUMBER_WORDS})"
    for match in re.finditer(rf"\b{number}\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}(s|es)?\b", text, re.I):
        if not LABEL_BEFORE_NUMBER.search(text[:match.start()]):
            return True
    return False


def years_in(text: str) -> set[str]:
    """Years a text names, with spans like "2016-17" read as both years."""
    years = set(YEAR.findall(text))
    for first, second in YEAR_SPAN.findall(text):
        years |= {first, first[:2] + second}
    return years


def _neighbours(index: LoadedIndex, sentence: Sentence) -> list[Sentence]:
    """The sentence with the one before it in the same document, which often sets its subject."""
    position = index.sentence_position[(sentence.document, sentence.start)]
    before = index.sentences[position - 1] if position > 0 else None
    return [before, sentence] if before is not None and before.document == sentence.document else [sentence]


def select(question: str, query: Query, hits: list[Hit], question_vector: np.ndarray,
           index: LoadedIndex) -> Selection:
    """Rank the sentences of the hit passages (and the closest sentences anywhere); quote the best that passes."""
    judge = _Judge(question, query, index)
    if judge.places and not judge.topic and not judge.focus:
        # "And in Harlow?" on its own: a place and nothing to find out about it, so no sentence can answer it
        # (a heading that names the place is not an answer).
        return Selection((), 0.0, f"the question names {', '.join(judge.places)} but not what to find out about it")
    absent = {t for t in judge.terms if t not in index.bm25.vocab_dict}
    if judge.terms and len(absent) / len(judge.terms) > MAX_ABSENT_SHARE:
        return Selection((), 0.0, f"the documents never mention {', '.join(sorted(absent))}")
    allowed = {d for d, doc in index.documents.items()
               if all(_mentions(f"{doc.title} {doc.text}", p) for p in judge.places)
               and judge.years <= years_in(f"{doc.date} {doc.text}")}
    if not allowed:
        return Selection((), 0.0, f"no document covers {', '.join((*judge.places, *sorted(judge.years)))}")
    named = allowed & named_sources(question, index)
    allowed = named or allowed

    # A sentence counts as close if it, or it read with the sentence before, is close to the question.
    similarity = np.maximum(index.sentence_vectors @ question_vector, index.window_vectors @ question_vector) \
        if len(index.sentences) else np.zeros(0)
    prior = {hit.chunk: 1.0 - rank / max(len(hits), 1) for rank, hit in enumerate(hits)}
    closest = set(np.argsort(-similarity)[:20].tolist()) if len(similarity) else set()
    candidates = [i for i, s in enumerate(index.sentences)
                  if s.document in allowed and (s.chunk in prior or i in closest)]
    if not candidates:
        return Selection((), 0.0, "no passage about this was found")
    scored = sorted(((judge.score(index.sentences[i], float(similarity[i]), prior.get(index.sentences[i].chunk, 0.0)),
                      i) for i in candidates), reverse=True)
    reason = ""
    for score, i in scored[:SHORTLIST]:
        sentence = index.sentences[i]
        reason = judge.objection(sentence, float(similarity[i]))
        if not reason:
            others = _other_sources(judge, index, scored, similarity, score, sentence.document, named)
            return Selection(_with_context(index, sentence) + others, score)
        if scored[0][0] - score > 0.12:
            break
    return Selection((), scored[0][0], reason)


OTHER_SOURCE_MARGIN = 0.08
OTHER_SOURCE_SIMILARITY = 0.6


def _other_sources(judge: _Judge, index: LoadedIndex, scored: list[tuple[float, int]], similarity: np.ndarray,
                   best: float, document: str, named: set[str]) -> tuple[Sentence, ...]:
    """A figure on the same question from another document (often for another period): one the question
    names ("according to the PFCC and the press release"), or one almost as good a match as the best.
    Quoting both lets the reader see that sources differ by date."""
    if not judge.wants_figure:
        return ()
    for score, i in scored:
        other = index.sentences[i]
        asked_for = len(named) > 1 and other.document in named
        if not asked_for and (best - score > OTHER_SOURCE_MARGIN or similarity[i] < OTHER_SOURCE_SIMILARITY):
            continue
        if other.document != document and not judge.objection(other, float(similarity[i])):
            return _with_context(index, other)
    return ()


# Openings that point back at the sentence before; "It was reported that ..." does not.
ANAPHORA = re.compile(r"^(That|This|These|Those|Which|The (figure|number|rise|fall|increase|decrease))\b|"
                      r"^It\b(?! (was|is|has been) (also )?(reported|advised|noted|agreed|anticipated|observed|"
                      r"mentioned|understood|admitted|stated|suggested|implied|confirmed)\b)")


def _with_context(index: LoadedIndex, sentence: Sentence) -> tuple[Sentence, ...]:
    """The sentence, led in by the one before when it starts mid-thought ("including 120 stop and searches",
    "This is better than ..."), or followed by the next when that only makes sense with it ("That was ...")."""
    position = index.sentence_position[(sentence.document, sentence.start)]
    chosen = [sentence]
    text = _text(index, sentence)
    leans_back = text[:1].islower() or ANAPHORA.match(text)
    if leans_back and position > 0 and index.sentences[position - 1].document == sentence.document:
        chosen.insert(0, index.sentences[position - 1])
    if position + 1 < len(index.sentences):
        follower = index.sentences[position + 1]
        if follower.document == sentence.document and ANAPHORA.match(_text(index, follower)):
            chosen.append(follower)
    return tuple(chosen)
