"""The rules a candidate sentence is measured against: one `Judge` per question (or part of one).

A sentence is only quoted when:
- the places the question names are in its passage, and the places, years and months the sentence and its
  section name do not contradict the question's;
- it carries most of the question's topic (its rarer words, once places, dates and the words that name a
  source are set aside), read together with the headings and list or table header that give it meaning, and
  the initials the documents write the topic's name with ("TPI" for the Thriving Places Index);
- it holds the kind of fact asked for (`wants`): a name for "who", a date for "when", a number for "how
  many", a rate for "what rate", and for "how many X" a number that counts X, not a change in X; an outcome
  for "did it win?", a successor for "who replaced X?", for "the next X" a date not past when it was written;
  a date, place or person from a bullet that is itself about the topic, not from the bullet above it;
- it is not about another of the things its document lists side by side (the north area for the south), a
  ward for a district, another financial year, another meeting's month, or another thing of the kind the
  question names ("Operation Dial" for "Operation Grip").
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer import asking, naming, nearmiss, particulars, speakers
from assistant.answer.facts import IndexFacts, is_item, neighbours, opening, same_document, same_section
from assistant.answer.asked import (ITEM_NUMBER, asked_kind, asked_moment, field_label, introduced, list_phrase,
                                    list_size, names_one, numbered, quoted)
from assistant.answer.lists import ANAPHORA, continues, lead_of, list_items
from assistant.answer.wants import Wants, names_person, names_venue, wants
from assistant.text.dates import (asked_months, dated_in_words, dated_months, days_in, month_names, months_dated,
                                  passed_by, year_pairs, years_in)
from assistant.store.load import LoadedIndex
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.understand.query import Query

DIRECTIONS = {"increas", "decreas"}  # stems of the words SAME_THING folds rises and falls into

MIN_DENSE = 0.30
MIN_DENSE_UNKNOWN = 0.7  # for a question with a word no document uses
MIN_TOPIC_COVERAGE = 0.55
MAX_ABSENT_SHARE = 0.2
NAMED_SHARE = 0.75  # of the topic's weight a sentence holds itself to be quoted however far its meaning
# A line that lists: "... the following:", "These projects included a broth company, a vineyard and compost toilets"
INLINE_LIST = re.compile(r"\b(the following|as follows|including|include|such as)\s*:|\b(includ(?:ed|es|ing)|such as|"
                         r"namely)\b[^.;:]*,[^.;:]*\b(and|or)\b", re.I)
LABEL_CREDIT = 0.6  # a word only the headings or list lead hold counts for a little over half


class Judge:
    """The facts about one question (or one part of it) that every candidate sentence is measured against."""

    def __init__(self, question: str, query: Query, index: LoadedIndex, facts: IndexFacts, topic_from: str = ""):
        self.index, self.facts = index, facts
        self.initials = naming.initials(index)  # "TPI" in a heading is the "Thriving Places Index" asked about
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
        if not re.search(r"\bOnes?\b", question):  # "the next one", "the August 2011 one" stand for what they
            self.topic -= content_terms("one ones")  # name; "One Chelmsford" is a name
        if wants(question).outcome or wants(question).started:  # "did it win?": that it came off is what is asked
            self.topic -= asking.OUTCOME_WORDS
        self.particular = particulars.asked(question)  # "who took the minutes at the 3 August 2011 panel meeting?"
        if self.particular is not None:
            self.topic -= self.particular.words | particulars.meeting_words(question)
        # "Where was the 13 March 2012 meeting held?": the first lines of the minutes of that meeting
        self.meeting_lines = particulars.openings_of(facts, question) if wants(question).place or \
            wants(question).time else set()
        if self.meeting_lines:
            self.topic -= particulars.meeting_words(question)
        # A follow-up is read with the earlier question's words, but its own words say what is new ("And
        # 'moderate'?" after "what does 'severe' mean?"): they count double.
        own = asking.read_terms(question, index).terms if topic_from else self.terms
        self.own_terms = own
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
        hits = [hit for hit in vocab.find_crime_types(vocab.normalise(said)) if hit.name in query.crime_types]
        named = [hit.alias for hit in hits]
        # "Basildon's total recorded crime" asks for all of it, which "violent crime" is not; a bare "crime" or
        # "which crimes went up?" may be answered by the types a sentence names.
        self.all_crime = any(hit.name == vocab.ALL_CRIME and len(hit.alias.split()) > 1 for hit in hits) and \
            not wants(question).many
        self.crime_words = set().union(*(content_terms(c) - asking.GENERIC_CRIME for c in (*query.crime_types, *named)))
        self.crime_types = query.crime_types
        # the question's own words for the crime ("total recorded crime"), not the table's label
        self.crime_label = " or ".join(dict.fromkeys(named)) or " or ".join(c.lower() for c in query.crime_types)
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
        self.moment = asked_moment(question) if self.wants.time or self.wants.date else None  # "actually finish"
        self.quoted = [q.casefold() for q in quoted(question)]
        self.kind = asked_kind(question)
        self.number = numbered(question)
        self.number_words = content_terms(m.group(1)) if (m := ITEM_NUMBER.search(question)) else set()
        # "item 6" sits among "5.", "7." (an agenda); "6. Recommendations" over "6.1 ..." heads a report's section
        self.number_shape = re.compile(r"\s*\d{1,2}" + r"\.\d{1,2}" * m.group(2).count(".") + r"[.)]?\s") if m \
            else None
        self.months_named = asked_months(question)
        # "When did it meet after the 26 July 2024 meeting?": a date up to that month is not the answer.
        after = months_dated(m.group(1)) if (m := AFTER.search(question)) else set()
        self.after = max(after) if after else None
        # A date, a time, a place or a person is only an answer in a sentence that is itself about the topic
        # (with the line before it and its headings): a date elsewhere in the passage dates something else.
        self.specific = self.wants.date or self.wants.time or self.wants.place or self.wants.person
        # "What is Maldon's Thriving Places Index score?": a line about the index that gives no score is no answer.
        self.possessed = naming.possessed(question)
        self.possessed_terms = content_terms(self.possessed) - asking.answer_kind(question)
        self.speaker = speakers.asked(question, index)  # "what did the Home Secretary say?"

    def expand(self, terms: frozenset[str]) -> frozenset[str]:
        return naming.expand(terms, self.initials)

    def fits(self, text: str) -> bool:
        return self.wants.fits(text, self.asked)

    def score(self, i: int, similarity: float, prior: float) -> float:
        """Meaning, shared rare words (part credit when only the sentence before or the headings have them),
        focus, place, and whether it holds the kind of fact asked for."""
        facts = self.facts
        sentence = self.index.sentences[i]
        text = facts.text(sentence)
        terms = self.expand(facts.sentence_terms(i))
        before = self.expand(facts.sentence_terms(i - 1)) if same_section(self.index, i - 1, sentence) else frozenset()
        label = self.expand(facts.label_terms(i))
        # "He also asked ..." is about whoever the sentence before names: its words count in full
        lean = 1.0 if PERSONAL.match(text) and same_document(self.index, i - 1, sentence) else 0.5
        lexical = sum(w if t in terms else (lean * w if t in before else LABEL_CREDIT * w if t in label else 0.0)
                      for t, w in self.weights.items())
        near = terms | before | label
        focused = 0.3 * len(self.focus & near) / len(self.focus) if self.focus else 0.0
        focused += 0.3 * len(self.role & terms) / len(self.role) if self.role else 0.0
        focused += 0.2 if self.noun and asking.counts(text, self.noun) else 0.0
        focused += 0.1 if self.direction & terms else 0.0
        focused += 0.5 if self.particular and particulars.records(self.particular, facts, i) else 0.0
        placed = f"{facts.label(i)} {text}"  # the headings may say where ("Safer Chelmsford")
        place = 0.1 if self.places and any(asking.mentions(placed, p) for p in self.places) else 0.0
        misfit = 0.0 if self.fits(text) or continues(self.index, i) and self.fits(
            f"{facts.text(self.index.sentences[i - 1])} {text}") else 0.3
        if i in self.quoted_before:
            focused += 0.3 if self.new_words <= terms else -0.3 if self.new_names - terms else 0.0
        misfit += 0.15 if facts.is_heading(i) and not self.wants.many or _numbered_title(facts, i) else 0.0
        if self.quoted and all(q in text.casefold() for q in self.quoted):  # more when it is the row's label
            focused += 0.45 if text.strip("-•❖* ").casefold().startswith(self.quoted[0]) else 0.3
        focused += 0.2 if self.kind and names_one(text, self.kind, self.asked) else 0.0
        focused += 0.25 if introduced(text, self.question) else 0.0
        focused += 0.2 if self.moment is not None and self.moment.search(text) else 0.0
        focused += 0.3 if self._field(text) else 0.0  # "Contact: Mark Shaw" for "who is the contact?"
        if self.number is not None and self.number.match(text):  # more when its neighbours are numbered alike
            focused += 0.4 if any(same_document(self.index, j, sentence) and self.number_shape.match(
                facts.text(self.index.sentences[j])) for j in (i - 1, i + 1) if j < len(self.index.sentences)) else 0.3
        focused += 0.15 if self.wants.place and names_venue(text) else 0.0
        focused += 0.15 if self.wants.person and names_person(text, self.asked) else 0.0
        focused += 0.2 if self.wants.person and naming.titled(text, self.question) else 0.0  # "Home Secretary James ..."
        # "the December agenda", not the July minutes: the line's own date, or its heading's when a date is the
        # answer ("the July minutes said the next meeting would be in November"). A figure's months are its
        # period, which the objections weigh.
        if self.months_named and not self.wants.figure and (dated := facts.label_months(i) if self.wants.date else
                                  dated_months(text) or facts.label_months(i)):
            focused += 0.15 if dated & self.months_named else -0.15
        if self.wants.many:  # a list is asked for: a line introducing one, or an item of one, is the answer
            size = list_items(facts, i)
            focused += 0.3 if self.list_size and size == self.list_size else 0.15 if size > 1 or \
                is_item(facts.text(sentence)) or INLINE_LIST.search(text) else 0.0
        return 0.45 * similarity + 0.3 * lexical + 0.1 * prior + focused + place - misfit

    def named_in(self, i: int) -> bool:
        """Does sentence i itself hold the role asked about, or nearly all of the question's topic, two words or
        more ("Claire Gevaux", "Marc De'ath"), or is it one of a meeting's particulars when a place or a time is
        asked? Names and short lines embed poorly, so meaning alone must not refuse the line that prints them. A
        bullet is read with its heading and lead line ("- Fairness" under "Principles underpinning the Strategy")."""
        if self.number is not None and self.number.match(self.facts.text(self.index.sentences[i])):
            return True  # "item 4" and "4.<tab>Youth Diversion Update": the number names the line
        if self.particular and particulars.records(self.particular, self.facts, i) or \
                self._field(self.facts.text(self.index.sentences[i])):
            return True  # "Lucienne Edge, Ministry of Justice (minute taker)", "Contact: Mark Shaw": short lines
        held = self.topic & self.facts.sentence_terms(i)
        if self.wants.many and is_item(self.facts.text(self.index.sentences[i])):
            held = self.topic & self._own_terms(i)
        if self.role and self.role <= held:  # "who chaired it?" and "Dr Kieron O'Hara – Chair"
            return True
        if (self.wants.place or self.wants.time or self.wants.date) and (self.facts.in_opening(i) or i in self.meeting_lines):
            return True  # "where was it held?" and the venue among a meeting's particulars
        return len(held) >= 2 and sum(self.topic_weights[t] for t in held) >= NAMED_SHARE

    def _field(self, text: str) -> bool:
        """Is the line a "Label: value" whose label is what the question asks about ("Contact: Mark Shaw")?"""
        label = content_terms(field_label(text))
        return bool(label) and label <= self.topic & self.own_terms and not self.wants.many  # this turn's words

    def heading_answers(self, i: int) -> str:
        """The heading over sentence i when it, not the line, gives the date, time or place asked for (a slide's
        "Initial scoping meeting, 6th Nov" over its bullets); empty otherwise."""
        path = self.index.chunks[self.index.sentences[i].chunk].section_path
        if not path or not (self.wants.date or self.wants.time or self.wants.place) or self.wants.figure:
            return ""
        return path[-1] if self.fits(path[-1]) else ""

    def _about_topic(self, i: int, window_terms: frozenset[str]) -> bool:
        """Is sentence i itself about the topic, so that the date, place or person it gives is the one asked for?
        Prose leans on the line before and its headings, and must hold the topic's rarest word there; a bullet or
        a row stands alone, read with its headings and its list's lead line, and must hold most of the topic."""
        facts, index = self.facts, self.index
        if not is_item(facts.text(index.sentences[i])):
            return True
        own = self._own_terms(i) | facts.source_terms(index.sentences[i].document)
        return sum(w for t, w in self.topic_weights.items() if t in own) >= MIN_TOPIC_COVERAGE

    def _near_miss(self, i: int, text: str, label: str, window_terms: frozenset[str]) -> str:
        """Why the line is about a neighbouring thing, not the one asked about (see `nearmiss`); empty when not."""
        index, sentence = self.index, self.index.sentences[i]
        before = self.facts.text(index.sentences[i - 1]) if same_section(index, i - 1, sentence) else ""
        near, forces, doc = nearmiss.Window(text, before, label, window_terms), tuple(vocab.FORCES), index.documents[sentence.document]
        # a document about the whole force area (its title names no smaller place) gives the force area's figures
        scope = "" if any(hit.name not in forces for _, hit in vocab.find_places(vocab.normalise(doc.title))) else \
            f"{doc.title} {doc.publisher}"
        return nearmiss.objection(self.question, self.places, forces, near, scope, self.weights)

    def _run_terms(self, i: int) -> frozenset[str]:
        """The words of the few lines before sentence i in its document, where "He highlighted ..." names its "he"."""
        lines = [j for j in range(max(i - speakers.NAME_REACH, 0), i) if same_document(self.index, j, self.index.sentences[i])]
        return self.expand(frozenset().union(*(self.facts.sentence_terms(j) for j in lines)))

    def _own_terms(self, i: int) -> frozenset[str]:
        """A bullet's or a row's own words with its headings' and its list's lead line's."""
        own = self.facts.sentence_terms(i) | self.facts.label_terms(i)
        if (lead := lead_of(self.facts, i)) is not None:
            own |= self.facts.sentence_terms(lead)
        return self.expand(own)

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
        before = facts.sentence_terms(i - 1) if same_section(index, i - 1, sentence) else frozenset()
        window_terms = self.expand(facts.sentence_terms(i) | before | facts.label_terms(i) | facts.source_terms(doc.id))
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
                          opening(doc), doc.title))):  # "minutes from 3rd August 2011", published in September
            return f"no passage gives figures for the period asked about ({month_names(self.months)})"
        stated_pairs = year_pairs(window)
        if self.year_pairs and stated_pairs and not self.year_pairs & stated_pairs:
            return f"the passages give figures for {', '.join(sorted(stated_pairs))}, not " \
                   f"{', '.join(sorted(self.year_pairs))}"
        if self.places and self.wants.figure and (part := asking.sub_area(text, self.question)):
            return f"the passages give a figure for a {part}, not for {', '.join(self.places)} as a whole"
        if self.particular and (reason := particulars.other_block(self.particular, facts, i)):
            return reason
        if (other := nearmiss.sibling(facts, doc.id, self.question, text, window)) is not None:
            return f"the passage is about {other[1]}, not {other[0]}"
        if (other := naming.other_named(self.question, text) or naming.other_named(self.question, window)) is not None:
            return f"the passage is about {other[1]}, not {other[0]}"
        passage_terms = window_terms | self.expand(facts.passage_terms(sentence.chunk))
        if self.list_size and list_items(facts, i) == self.list_size:
            passage_terms |= self.list_words  # "made up of 4 different areas:" introduces the four strands
        if self.number is not None and self.number.match(text):
            passage_terms |= self.number_words  # "9.<tab>Any other business" is item 9: its number says "item"
        if self.topic and sum(w for t, w in self.topic_weights.items() if t in passage_terms) < MIN_TOPIC_COVERAGE:
            return "no passage answers this closely enough"
        if self.speaker and not speakers.spoken_by(facts, i, self.speaker, self._run_terms(i)):
            return f"no passage gives what {self.speaker} said"
        if self.possessed_terms and not self.possessed_terms <= window_terms:
            return f"no passage gives the {self.possessed} asked about"
        if reason := self._near_miss(i, text, label, window_terms):
            return reason
        # "That was an increase of 6%" is about the crime the sentence before names
        said = f"{facts.text(index.sentences[i - 1])} {text}" if ANAPHORA.match(text) and before else text
        found_crimes = {hit.name for hit in vocab.find_crime_types(vocab.normalise(said))}
        stated_crimes = found_crimes - {vocab.ALL_CRIME}
        if query_crimes := set(self.crime_types):
            named_too = (self.crime_words or {"crime"}) & facts.sentence_terms(i)  # "total crime ... and ASB"
            if self.all_crime:  # "violent crime" says "crime" but is not all of it
                named_too = vocab.ALL_CRIME in found_crimes
            if stated_crimes and not stated_crimes & query_crimes and not named_too:
                return f"the passages give figures for {', '.join(sorted(stated_crimes)).lower()}, " \
                       f"not {self.crime_label}"
        if self.all_crime and vocab.ALL_CRIME not in found_crimes:
            return f"no passage gives {self.crime_label}"
        if self.crime_words and not self.crime_words & (facts.label_terms(i) | facts.passage_terms(sentence.chunk) |
                                                        before):
            return f"no passage is about {self.crime_label}"
        # "... 100 girls in attendance." counts no one in the next line's "90,000 views": the action is the line's
        # own, or the line before's when the line leans back on it ("They were attended by ...")
        acted = window_terms if nearmiss.LEANS_BACK.match(text) or ANAPHORA.match(text) else \
            self.expand(facts.sentence_terms(i) | facts.label_terms(i))
        if self.action and not self.action.terms <= acted:
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
        if (self.wants.outcome or self.wants.started) and self.topic and not self.topic & window_terms:  # "met this morning" is no outcome
            return f"no passage states the {self.wants.kind} asked for"
        if self.wants.date and self.after and (dated := months_dated(text)) and max(dated) <= self.after:
            return "the date it gives is not after the one asked about"
        if self.wants.upcoming and (passed := passed_by(text, doc.date)):
            return f"the date it gives, {passed}, had already passed when the document was written"
        if self.months_named and not self.wants.figure and not dated_months(text) & self.months_named and \
                (dated := facts.label_months(i)) and not dated & self.months_named:  # the July minutes for December
            return f"the passage is about {month_names(dated)}, not {month_names(self.months_named)}"
        if self.specific and self.topic and not facts.in_opening(i) and not self._about_topic(i, window_terms):
            return f"no passage gives the {self.wants.kind} of what was asked about"
        if not self.fits(text) and not (self.wants.many and self.fits(window)) and \
                not (continues(index, i) and self.fits(window)) and not self.heading_answers(i):
            return f"no passage states the {self.wants.kind} asked for"
        return ""


def _numbered_title(facts: IndexFacts, i: int) -> bool:
    """Is sentence i a numbered section title ("4. Community Safety Partnership Hub") with prose under it? Like a
    heading, it names what follows and answers nothing itself (an agenda's items, short lines in a run, do)."""
    index = facts.index
    text = facts.text(index.sentences[i]).strip()
    if not NUMBERED_TITLE.match(text) or len(text.split()) > 10 or text.endswith((".", ":", "?")) or \
            i + 1 >= len(index.sentences) or not same_document(index, i + 1, index.sentences[i]):
        return False
    after = facts.text(index.sentences[i + 1]).strip()
    return len(after.split()) > 10 and after.endswith(".")


AFTER = re.compile(r"\b(?:after|following|since)\b(.{0,40})", re.I)
NUMBERED_TITLE = re.compile(r"\d{1,2}[.)]?\s+[A-Z]")
PERSONAL = re.compile(r"\s*(he|she|they|his|her|their)\b", re.I)  # "He also asked ...": someone named before
