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
- it is not about another of the things its document lists side by side (the north area for the south; a town
  the documents list beside the one asked about), a ward for a district, another financial year, run of months,
  or meeting's month, or another thing of the kind the question names ("Operation Dial" for "Operation Grip"),
  in the line or in the heading over it;
- a question that names its source by date ("according to the October 2026 minutes", "the January 2026 board
  pack") is answered from the document so dated, and from its own report before the earlier meeting's minutes it
  reproduces; that date is not the period of the figures asked for;
- a table's row gives a figure only for what its own label and the headers over it name, is about the reference
  its first cell holds ("A25/14" is no answer for "A25/18"), and stands for all the rows when it is their total
  ("across all four teams"; `table_rows`).
"""

from __future__ import annotations

import calendar
import re

from assistant import vocab
from assistant.answer import (agenda, asking, baselines, closeness, crimes, naming, nearmiss, particulars,
                              placenames, siblings, speakers, table_rows, timing)
from assistant.answer.closeness import MIN_DENSE, MIN_DENSE_UNKNOWN, MIN_TOPIC_COVERAGE
from assistant.answer.facts import IndexFacts, neighbours, same_document, same_section
from assistant.answer.asked import (GIVING, ITEM_NUMBER, NUMBER_NAMES, asked_kind, asked_moment, field_label,
                                    introduced, introduces_list, list_phrase, list_size, manner_verb, named_ones,
                                    names_one, numbered, quoted, sum_party)
from assistant.answer.lists import ANAPHORA, continues, lead_context, lead_of, list_items
from assistant.answer.wants import (COUNTING, DELAY, WANTS_REASON, Wants, counted_after, gives_reason,
                                    lists_noun, names_group, names_person, names_venue, plural_asked, wants)
from assistant.text.context import is_item
from assistant.text.dates import (asked_months, dated_months, days_in, document_month, months_dated, year_pairs,
                                  years_in)
from assistant.text.source_words import without_document_dates
from assistant.store.load import LoadedIndex
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.understand.query import Query

DIRECTIONS = {"increas", "decreas"}  # stems of the words SAME_THING folds rises and falls into

MAX_ABSENT_SHARE = 0.2
NAMED_SHARE = 0.75  # of the topic's weight a sentence holds itself to be quoted however far its meaning
# A line that lists: "... the following:", "These projects included a broth company, a vineyard and compost toilets"
INLINE_LIST = re.compile(r"\b(the following|as follows|including|include|such as)\s*:|\b(includ(?:ed|es|ing)|such as|"
                         r"namely)\b[^.;:]*,[^.;:]*\b(and|or)\b", re.I)
# Posts a "who chaired ...?" asks about, which a bullet that prints the post ("(Chair)") answers for its own name.
OFFICES = frozenset(content_terms("chair chaired chairs manager director officer councillor inspector executive "
                                  "commander constable commissioner secretary minister leader head lead clerk"))
# How narrowly, and as of when ("in Southend specifically", "signed up now", "at the moment"): no topic a line must
# repeat.
SCOPE_WORDS = frozenset(content_terms("alone specifically solely exclusively now currently presently still moment"))
# Words that frame what is asked rather than say what it is about: a span or a start for a date ("until what year
# does it run?", "when did works get under way?"), a post for a person ("who is in charge of it?"), that it happens
# for how often or when ("how often do the forums take place?": "bi-monthly forums"), the ends of a span ("between
# which dates?": "from 20 July to 31 August"), the period a figure covers ("over what timeframe is it measured?":
# "in the 12 months to December 2023"), and the years a span runs over ("runs over what years?": "2013 - 2036";
# "over what period?" keeps "over", which a line answers with: "£250,000 over 2 years").
FRAMING = re.compile(r"\b(?:until|till|since|runs?|running|lasts?|lasted|under ?way|kick(?:ed|s)? off|in charge|"
                     r"responsible|apply|applies|applied|in force|(?:take|takes|took|taking|taken) place|"
                     r"happens?|happened|between|(?:time\s*)?(?:period|timeframe|frame|span|timescale)s?|spanned|"
                     r"cover(?:s|ed)?|measured|(?<=long )ago|over(?=\s+(?:what|which)\s+(?:years?|dates?|months?)\b))\b", re.I)
# The kind of place a question calls the place it names ("in the Amberdale Rural area", "the Holtbridge district"):
# part of saying where, no topic a line must print ("Amberdale Rural covers the wards of ..." answers "which wards
# are in the Amberdale Rural area?", over "Neighbourhood areas are groups of ... wards").
PLACE_KIND = r"(?:area|areas|district|districts|neighbourhood|neighbourhoods|locality|patch|borough|policing)"


def place_kinds(said: str, places) -> set[str]:
    """The terms of the place-kind words the question puts right after a place it names."""
    return set().union(*(content_terms(m.group(1)) for p in places
                         for m in re.finditer(rf"\b{re.escape(p)}\s+({PLACE_KIND}(?:\s+{PLACE_KIND})?)\b", said, re.I)))


UNCOVERED = frozenset(content_terms("during after before"))  # see frame_words.toml
# A number word that says how many items a list asked for holds ("the two offences", "what three problems"); "Year
# two" keeps its number, and "the three of them" (who met: "All three met") its word.
LIST_COUNT = re.compile(r"\b(?:the|what|which|name|list|give)\s+(two|three|four|five|six|seven|eight|nine|ten)\b"
                        r"(?=\s+(?!of\b)[a-z])", re.I)
# "remind me who chairs", "why was the date changed?": how the question asks, never what a line must say
REQUEST_WORDS = frozenset(content_terms("remind please wonder wondering curious whose why"))
FIGURE_WORDS = frozenset(content_terms("figure figures number numbers"))

# A line that itself holds most of the topic and the place, person or name asked for ("... Skills Fest ... at
# ARU, Writtle") is preferred to one whose passage only mentions the topic near it ("... the Civic Centre").
OWN_TOPIC_CREDIT = 0.15
NAMES_SHARE = 0.5  # of the topic's weight a printed name asked about must be to stand for the whole topic
LABEL_CREDIT = 0.6  # a word only the headings or list lead hold counts for a little over half
FAR_OFF = 0.3  # taken from the score of a line too far in meaning to be quoted


class Judge:
    """The facts about one question (or one part of it) that every candidate sentence is measured against."""

    def __init__(self, question: str, query: Query, index: LoadedIndex, facts: IndexFacts, topic_from: str = ""):
        self.index, self.facts = index, facts
        self._expanded: dict[frozenset[str], frozenset[str]] = {}  # each line's terms are expanded once a question
        # "TPI" in a heading is the "Thriving Places Index" asked about; "data set" the "dataset"
        self.initials = {**naming.initials(index), **asking.compounds(f"{topic_from} {question}", index)}
        forces = set(vocab.FORCES)  # a force-wide area narrows nothing when a district is also named
        # "the Essex Police statement", "Chelmsford Fire Station": a place that only opens an organisation's
        # name is not where to look.
        said = f"{topic_from} {question}"
        unknown = (p for p in map(placenames.without_dates, query.unknown_places) if p)  # not "Wenlow April"
        longer = {p: placenames.longer_name(said, p, index) for p in dict.fromkeys((*query.areas, *unknown))
                  if not asking.only_in_names(said, p, index)}  # "Witham Marsh", not the town of Witham's district
        named = [p if name is None else name for p, name in longer.items() if name != ""]
        # "the Dunmow Fen partnership" where the vocabulary knows Dunmow only as a place these tables do not
        # cover: the longer name the documents print is where to look (the place on its own is no table's)
        named += [name for p in dict.fromkeys(hit.name for kind, hit in vocab.find_places(vocab.normalise(said))
                                              if kind == "other" and hit.name not in longer)
                  if (name := placenames.longer_name(said, p, index))]
        # "How many policing areas are there in Essex, and which one covers Chelmsford?": each part is about the
        # places it names itself, when it names any
        named = [p for p in named if asking.mentions(question, p)] or named
        self.places = tuple(p for p in named if p not in forces) or tuple(p for p in named if p in forces)
        # "according to the January 2026 board pack": 2026 says which document, not what year the figures are for
        self.years = years_in(without_document_dates(question))
        self.source_dates = particulars.source_dates(question)
        # ... and only when a document is dated so does the date rule others out
        self.source_dated = any(particulars.of_dates(frozenset({dated}), self.source_dates) for d in
                                index.documents.values() if (dated := document_month(d.date or "")))
        self.year_pairs = year_pairs(said)
        # "24/25" and "13/12" are a year and a date; "action 25/24" is neither, and names the line
        pair_digits = {d for a, b in re.findall(r"(\d+)\s*/\s*(\d+)", question)
                       if int(b) == int(a) + 1 or int(a) <= 31 and int(b) <= 12 for d in (a, b)}
        pair_digits |= days_in(question)  # "the meeting on 14 October 2013": 14 is part of a date
        self.months = asking.asked_period_months(question)
        read = asking.read_terms(topic_from or question, index)
        self.terms = read.terms
        # a name the documents print ("Witham Marsh") is looked for in the passage and is part of the topic too
        place_terms = set().union(*(content_terms(p) for p in self.places if p not in longer.values()))
        self.place_kinds = place_kinds(said, self.places)  # "the Amberdale Rural area": where, not what
        place_terms |= self.place_kinds
        self.topic = self.terms - place_terms - TIME_WORDS - years_in(question) - read.source_terms - pair_digits
        if wants(question).kind in ("time", "date", "place"):  # "what time does it start", "where is it held"
            self.topic -= asking.WHEN_WHERE
        # "until what year does the Vision run?", "when did works get under way?", "who is in charge of the teams?":
        # words that frame the date, time or person asked for, which the answer says its own way ("Vision 2023 -
        # 2033", "began on 16 March", "Inspector Tom Hebden leads the teams", "what hours would the ban apply?")
        self.framing: frozenset[str] | set[str] = frozenset()  # words that frame the kind of answer, not its topic
        if wants(question).date or wants(question).time or wants(question).duration or wants(question).person or \
                wants(question).frequency or wants(question).place:  # "what location was it run at?"
            self.framing = content_terms(" ".join(m.group() for m in FRAMING.finditer(question)))
            self.topic -= self.framing
        self.topic -= SCOPE_WORDS | REQUEST_WORDS  # see nearmiss.ALONE
        # "name the two theft offence types", "on what three problems?": how many items, not a word the line prints;
        # "which unit", "what classification": the kind of answer (`asking.kind_head`); "fell during covid": a
        # preposition. Each still ranks the line that prints it (`weights`), but no line need hold it.
        self.kind_terms = asking.kind_head(question)
        self.topic -= content_terms(" ".join(LIST_COUNT.findall(question))) | self.kind_terms | UNCOVERED
        if quoted_figures(question):  # "the 4,215 figure": the figure quoted, not a word its line must print
            self.topic -= FIGURE_WORDS
        self.topic -= speakers.source_kind_terms(question)  # "what does the Prevent briefing say": where, not what
        if not re.search(r"\bOnes?\b", question):  # "the next one", "the August 2011 one" stand for what they
            self.topic -= content_terms("one ones")  # name; "One Chelmsford" is a name
        if wants(question).reason:  # "what held up the consultation?": "held up" asks a cause; the line says "delayed"
            self.topic -= content_terms(" ".join(m.group() for m in WANTS_REASON.finditer(question)))
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
        self.party = sum_party(question) if wants(question).figure else ""  # "how much is the PCC contributing?"
        self.party_terms = content_terms(self.party)
        if self.party:  # "how much is the council paying?": the line says it its own way ("meeting the balance")
            self.topic -= content_terms(" ".join(m.group() for m in GIVING.finditer(question)))
        # A follow-up is read with the earlier question's words, but its own words say what is new ("And
        # 'moderate'?" after "what does 'severe' mean?"): they count double.
        own = asking.read_terms(question, index).terms if topic_from else self.terms
        self.own_terms = own
        self.weights = asking.idf(index, self.terms - self.place_kinds, boost=own)
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
        # what the number must be of, in the line itself: "abuse" of "domestic abuse related crimes" (a word no
        # document prints, "kids", is matched by meaning instead)
        head = next((terms for w in reversed(self.counted_phrase.split()) if (terms := content_terms(w) - COUNTING)),
                    set())
        self.counted_head = frozenset(head) if head <= known else frozenset()
        self.direction = self.terms & DIRECTIONS
        self.crime = crimes.asked(said, query.crime_types, wants(question).many, index)  # see `crimes`
        self.wants: Wants = wants(question)
        self.question = question
        self.asked = f"{topic_from} {question}"  # what the conversation has already said
        # For a follow-up: the sentences the last answer quoted, and the words this turn adds. "What's his job
        # title?" adds none, so the line already quoted may answer it; "and the last one in Melbourne?" adds a
        # place the quoted sentence lacks, so it does not.
        self.quoted_before: frozenset[int] = frozenset()
        self.new_words = set(own) - SCOPE_WORDS if topic_from else set()
        self.new_names = content_terms(" ".join(re.findall(r"(?<!^)\b[A-Z][a-z]+", question.strip()) + quoted(question)))
        # "What are the four strands of CONTEST?": a line introducing four items ("made up of 4 different
        # areas:") is the answer's lead, and "four" is its size, not a topic word to find.
        self.list_size = list_size(question) if self.wants.many else None
        self.plural = plural_asked(question) if self.wants.many else ""  # "services" of "which services ...?"
        self.list_words: set[str] = set()
        self.list_noun = ""
        if self.list_size:
            self.topic -= content_terms(question) & content_terms("two three four five six seven eight nine ten")
            self.topic_weights = asking.idf(index, self.topic, boost=own)
            self.list_words = content_terms(list_phrase(question))
            self.list_noun = list_phrase(question).split()[-1]  # "schools" of "two schools"
        # "Who chaired ...?": the sentence that names someone in that role (not the one before it) is the answer.
        self.role = asking.who_focus(question)
        self.moment = asked_moment(question) if self.wants.time or self.wants.date else None  # "actually finish"
        self.quoted = [q.casefold() for q in quoted(question)]
        self.kind = asked_kind(question)
        # "how many people responded?": a past verb the line may say by its noun ("received 612 responses")
        self.done = content_terms(" ".join(re.findall(r"\b[a-z]{4,}ed\b", question, re.I))) & self.topic
        self.manner = content_terms(manner_verb(question))  # "how is the training delivered?": "Delivered via ..."
        self.number = numbered(question)
        self.agenda = self.number is not None and bool(agenda.ASKS_AGENDA.search(question))  # "item 7 on the agenda"
        self.number_words = content_terms(m.group(1)) if (m := ITEM_NUMBER.search(question)) else set()
        # "item 6" sits among "5.", "7." (an agenda); "6. Recommendations" over "6.1 ..." heads a report's section
        self.number_shape = re.compile(r"\s*\d{1,2}" + r"\.\d{1,2}" * m.group(2).count(".") + r"[.)]?\s") if m \
            else None
        self.months_named = asked_months(question)
        self.as_of = timing.as_of(question, timing.AS_OF_ASKED) if wants(question).figure else set()  # "by 30 Sept"
        # "how much went on Year 1 projects?": the line naming that stage, over one on the whole programme
        self.stages = stages(question)
        # "When did it meet after the 26 July 2024 meeting?": a date up to that month is not the answer.
        after = months_dated(m.group(1)) if (m := AFTER.search(question)) else set()
        self.after = max(after) if after else None
        # A date, a time, a place or a person is only an answer in a sentence that is itself about the topic
        # (with the line before it and its headings): a date elsewhere in the passage dates something else.
        # How often, too ("weekly sessions" in the drop-ins' bullet, not the forums' bullet below it).
        self.specific = self.wants.date or self.wants.time or self.wants.place or self.wants.person or \
            self.wants.frequency
        # "What is Maldon's Thriving Places Index score?": a line about the index that gives no score is no answer.
        self.possessed = naming.possessed(question)
        self.possessed_terms = content_terms(self.possessed) - asking.answer_kind(question)
        self.speaker = speakers.asked(question, index)  # "what did the Home Secretary say?"
        self.names = naming.names_asked(question, index) & self.topic  # "operation kestrel", as the documents print it
        self.aggregate = table_rows.asks_aggregate(question)  # "across all four teams": a table's total row
        self.siblings = siblings.asked(question, facts)  # "Ashby Crowle", which a document lists beside Holtbridge
        # "the 9,470 fewer crimes - over what timeframe?": a figure the question quotes names the line that gives it
        self.quoted_figures = set() if self.wants.figure else quoted_figures(question)
        self.retrieved: dict[int, float] = {}  # how high retrieval ranked each scored line's passage (`closeness`)

    def expand(self, terms: frozenset[str]) -> frozenset[str]:
        found = self._expanded.get(terms)
        if found is None:
            found = self._expanded[terms] = naming.expand(terms, self.initials)
        return found

    def fits(self, text: str) -> bool:
        return self.wants.fits(text, self.asked)

    def score(self, i: int, similarity: float, prior: float) -> float:
        """Meaning, shared rare words (part credit when only the sentence before or the headings have them),
        focus, place, and whether it holds the kind of fact asked for."""
        facts = self.facts
        self.retrieved[i] = prior
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
        focused += 0.2 if self.noun and (asking.counts(text, self.noun) or counted_after(text, self.noun)) else 0.0
        focused += 0.1 if self.direction & terms else 0.0
        focused += 0.5 if self.particular and particulars.records(self.particular, facts, i) else 0.0
        placed = f"{facts.label(i)} {text}"  # the headings may say where ("Safer Chelmsford")
        place = 0.1 if self.places and any(asking.mentions(placed, p) for p in self.places) else 0.0
        fitting = self.fits(text) or continues(self.index, i) and self.fits(
            f"{facts.text(self.index.sentences[i - 1])} {text}") or self._heading_holds_answer(i)
        misfit = 0.0 if fitting else 0.3
        if i in self.quoted_before:
            focused += 0.3 if self.new_words <= terms else -0.3 if self.new_names - terms else 0.0
        # "How much is the PCC contributing?": the sum the line gives that party, over the whole cost printed beside
        # the topic's words (preferred, not required: "I put in a camera at a cost of 600 pounds, he said" names no one)
        misfit += 0.3 if self.party_terms and fitting and not self._gives(i, text) else 0.0
        misfit += 0.15 if facts.is_heading(i) and not self.wants.many or agenda.numbered_title(facts, i) else 0.0
        if self.quoted and all(q in text.casefold() for q in self.quoted):  # more when it is the row's label
            focused += 0.45 if text.strip("-•❖* ").casefold().startswith(self.quoted[0]) else 0.3
        focused += 0.2 if self.kind and names_one(text, self.kind, self.asked) else 0.0
        focused += 0.25 if introduced(text, self.question) else 0.0
        focused += 0.2 if self.moment is not None and self.moment.search(text) else 0.0
        focused += 0.3 if self._field(text) else 0.0  # "Contact: Mark Shaw" for "who is the contact?"
        focused += 0.2 if self.manner and self.manner <= terms else 0.0
        focused += 0.2 if self.agenda and agenda.under_agenda(facts, i) else 0.0  # the agenda's "3.", not a list's
        if self.titled_by_number(i):  # "7. Fire and rescue update" over the item's minutes
            focused += 0.4
        elif self.number is not None and self.number.match(text):  # more when its neighbours are numbered alike
            focused += 0.4 if any(same_document(self.index, j, sentence) and self.number_shape.match(
                facts.text(self.index.sentences[j])) for j in (i - 1, i + 1) if j < len(self.index.sentences)) else 0.3
        focused += 0.15 if self.wants.place and names_venue(text) else 0.0
        focused += 0.2 if self.aggregate and table_rows.is_total_row(text) else 0.0
        focused += OWN_TOPIC_CREDIT if fitting and not facts.is_heading(i) and self._holds_topic(terms) else 0.0
        focused += 0.15 if self.wants.person and names_person(text, self.asked) else 0.0
        # "who is it trying to reach?": the people it is for, as a group ("those from underrepresented communities")
        focused += 0.15 if self.wants.audience and names_group(text, self.asked) else 0.0
        # "why was it put back?": a line giving a cause ("because of ..."), not a fact beside it ("installed in 2009");
        # for a delay, the line saying it "had been delayed ... to allow signage", not another change's cause
        if self.wants.reason:
            misfit += 0.0 if gives_reason(text) else 0.3
            focused += 0.15 if DELAY.search(self.question) and DELAY.search(text) else 0.0
        focused += 0.2 if self.wants.person and naming.titled(text, self.question) else 0.0  # "Home Secretary James ..."
        # "who is the commissioner?": "Police and Crime Commissioner Bernadette Achterberg", not the Commissioner's
        # office
        focused += 0.2 if self.wants.person and naming.holder_named(text, self.question) else 0.0
        # "the December agenda", not the July minutes: the line's own date, or its heading's when a date is the
        # answer ("the July minutes said the next meeting would be in November"). A figure's months are its
        # period, which the objections weigh.
        if self.months_named and not self.wants.figure and (dated := self._dated_by(i, text)):
            focused += 0.15 if dated & self.months_named else -0.15
        if self.as_of:  # "spent by 30 September": the line that gives the total as it stood then
            focused += 0.15 if self.as_of & timing.as_of(f"{facts.label(i)} {text}", timing.AS_OF_SAID) else 0.0
        if self.stages:  # "£100k ... for Year 1", or "These projects included ..." after "Year 1 was successful"
            near_text = f"{facts.text(self.index.sentences[i - 1])} {text}" if before else text
            focused += 0.15 if self.stages & stages(near_text) else 0.0
        if self.source_dates:  # the January pack's own report, not the October minutes it reproduces
            focused += 0.15 if particulars.of_dates(particulars.occasion(facts, i), self.source_dates) else -0.15
        if self.wants.many:  # a list is asked for: a line introducing one, or an item of one, is the answer
            size = list_items(facts, i)
            if self.list_size and (size == self.list_size or introduces_list(text, self.list_size, self.list_noun)):
                focused += 0.3  # "covering two zones: ..." for "which two zones?"
            elif size > 1 or is_item(facts.text(sentence)) or INLINE_LIST.search(text) or \
                    self.list_size and introduces_list(text, self.list_size):
                focused += 0.15  # a list, if of other words ("two locations:" for "which two schools?")
            if self.plural and lists_noun(text, self.plural):
                focused += 0.15  # "which services?": "probation services and monitoring services"
        # A line too far in meaning to be quoted (`objection`) must not outrank, and so crowd out of the shortlist,
        # the lines that may be: "Areas for Improvement" rows sharing a word with "which two areas ...?"
        distant = FAR_OFF if similarity < MIN_DENSE and not self.named_in(i) else 0.0
        return 0.45 * similarity + 0.3 * lexical + 0.1 * prior + focused + place - misfit - distant

    def _dated_by(self, i: int, text: str) -> set[str]:
        """The months that date line i for a question naming a month: its heading's when a date is the answer;
        for "item 7 of the July meeting" its heading's or else its document's, as an item's own words ("ran from
        20 July") date what it reports, not the meeting; otherwise its own or its heading's."""
        if self.wants.date:
            return self.facts.label_months(i)
        if self.number is not None:
            dated = self.index.documents[self.index.sentences[i].document].date
            return self.facts.label_months(i) or ({calendar.month_abbr[int(dated[5:7])].casefold()}
                                                   if re.match(r"\d{4}-\d\d", dated or "") else set())
        return dated_months(text) or self.facts.label_months(i)

    def _holds_topic(self, terms: frozenset[str]) -> bool:
        """When a place, a person or a name is asked for, does a line of these terms hold most of the topic by
        itself? Not for a date, which minutes print beside the meeting's own ("Minutes of the meeting held on ..."),
        nor for a figure: a sum or a count is often printed under the heading that says what it is of
        ("The partnership will receive £193,716" under "Safer Streets Fund")."""
        wanted = self.wants
        return (wanted.place or wanted.person or wanted.name) and not wanted.figure and bool(self.topic) and \
            self._holds_topic_share(terms)

    def _heading_holds_answer(self, i: int) -> bool:
        """Does the heading over sentence i give what is asked and most of the topic too ("Chelmsford's Cultural
        Vision 2023 - 2033" for "until what year does the Cultural Vision run?")? A dated heading about something
        else ("Initial scoping meeting, 6th Nov" over "Workshop on 16th Oct.") does not make its lines fit."""
        heading = self.heading_answers(i)
        return bool(heading) and not self.titled_by_number(i) and self._holds_topic_share(content_terms(heading))

    def _holds_topic_share(self, terms: frozenset[str]) -> bool:
        """Do the terms (initials spelled out) hold most of the topic's weight?"""
        return sum(w for t, w in self.topic_weights.items() if t in self.expand(frozenset(terms))) >= MIN_TOPIC_COVERAGE

    def named_in(self, i: int) -> bool:
        """Does sentence i itself hold the role asked about, or nearly all of the question's topic, two words or
        more ("Claire Gevaux", "Marc De'ath"), or is it one of a meeting's particulars when a place or a time is
        asked? Names and short lines embed poorly, so meaning alone must not refuse the line that prints them. A
        bullet is read with its heading and lead line ("- Fairness" under "Principles underpinning the Strategy")."""
        if self.number is not None and self.number.match(self.facts.text(self.index.sentences[i])) or \
                self.titled_by_number(i):
            return True  # "item 4" and "4.<tab>Youth Diversion Update": the number names the line
        if self.particular and particulars.records(self.particular, self.facts, i) or \
                self._field(self.facts.text(self.index.sentences[i])):
            return True  # "Lucienne Edge, Ministry of Justice (minute taker)", "Contact: Mark Shaw": short lines
        if self.quoted_figures & quoted_figures(self.facts.text(self.index.sentences[i])):
            return True  # "what period does the 4,215 figure cover?": the figure quoted names its line
        held = self.topic & self.expand(self.facts.sentence_terms(i))  # "the PCC": "Police and Crime Commissioner"
        if self.wants.many and is_item(self.facts.text(self.index.sentences[i])):
            held = self.topic & self._own_terms(i)
        if self.role and self.role <= held:  # "who chaired it?" and "Dr Kieron O'Hara – Chair"
            return True
        if (self.wants.place or self.wants.time or self.wants.date) and (self.facts.in_opening(i) or i in self.meeting_lines):
            return True  # "where was it held?" and the venue among a meeting's particulars
        return len(held) >= 2 and sum(self.topic_weights[t] for t in held) >= NAMED_SHARE

    def _gives(self, i: int, text: str) -> bool:
        """Does line i give the sum of the party the question names ("how much is the PCC contributing?")? It must
        say something is given ("is providing £52,000", "meeting the balance of £34,500") and name the party itself,
        or in the line before when it leans on it or carries it on ("... and the council is" / "paying the remaining
        £34,500")."""
        if not GIVING.search(text):
            return False
        own = self.facts.sentence_terms(i)
        if (ANAPHORA.match(text) or nearmiss.LEANS_BACK.match(text) or continues(self.index, i)) and \
                same_section(self.index, i - 1, self.index.sentences[i]):
            own |= self.facts.sentence_terms(i - 1)
        return self.party_terms <= self.expand(own)

    def _field(self, text: str) -> bool:
        """Is the line a "Label: value" whose label is what the question asks about ("Contact: Mark Shaw")?"""
        label = content_terms(field_label(text))
        # this turn's words, or the kind of answer it asks for ("which unit?" and "Unit: Research and Analysis")
        return bool(label) and label <= (self.topic | self.kind_terms) & self.own_terms and not self.wants.many

    def heading_answers(self, i: int) -> str:
        """The heading over sentence i when it, not the line, gives the date, time or place asked for (a slide's
        "Initial scoping meeting, 6th Nov" over its bullets); empty otherwise."""
        path = self.index.chunks[self.index.sentences[i].chunk].section_path
        if self.titled_by_number(i):
            return path[-1]  # "what was agenda item 7?" and the heading "7. Fire and rescue update"
        if not path or not (self.wants.date or self.wants.time or self.wants.place) or self.wants.figure:
            return ""
        return path[-1] if self.fits(path[-1]) else ""

    def _names_it(self, i: int) -> bool:
        """Does line i itself (with its headings) print the name that is most of what the question is about
        ("operation kestrel" in "how long is operation kestrel going to keep going")? Very close in meaning, such
        a line may say the rest in its own words ("will continue until ...")."""
        own = self.expand(self.facts.sentence_terms(i) | self.facts.label_terms(i))
        return bool(self.names) and self.names <= own and \
            sum(self.topic_weights.get(t, 0.0) for t in self.names) >= NAMES_SHARE

    def titled_by_number(self, i: int) -> bool:
        """Is sentence i the first under a heading numbered as the question names (see `agenda.titled_by`)?"""
        return agenda.titled_by(self.number, self.index, i)

    def _about_topic(self, i: int, window_terms: frozenset[str]) -> bool:
        """Is sentence i itself about the topic, so that the date, place or person it gives is the one asked for?
        Prose leans on the line before and its headings, and must hold the topic's rarest word there; a bullet or
        a row stands alone, read with its headings and its list's lead line, and must hold most of the topic."""
        facts, index = self.facts, self.index
        if not is_item(facts.text(index.sentences[i])):
            return True
        own = self._own_terms(i) | facts.source_terms(index.sentences[i].document)
        if self.aggregate and table_rows.is_total_row(facts.text(index.sentences[i])):
            own |= table_rows.AGGREGATE_TERMS  # "across all four teams" and the row keyed "Total"
        if self.role & OFFICES and self.wants.person and self.role <= own:
            return True  # "who chaired the September meeting?" and "• Cllr Helen Oakshott (Chair)"
        return sum(w for t, w in self.topic_weights.items() if t in own) >= MIN_TOPIC_COVERAGE

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

    def closeness_of(self, i: int, similarity: float) -> closeness.Closeness:
        """What the closeness gate sees of sentence i (see `closeness`)."""
        facts, sentence = self.facts, self.index.sentences[i]
        text = facts.text(sentence)
        before = facts.sentence_terms(i - 1) if same_section(self.index, i - 1, sentence) else frozenset()
        passage_terms = self.expand(facts.sentence_terms(i) | before | facts.label_terms(i) |
                                    facts.source_terms(sentence.document) | facts.passage_terms(sentence.chunk))
        if self.list_size and list_items(facts, i) == self.list_size:
            passage_terms |= self.list_words  # "made up of 4 different areas:" introduces the four strands
        if self.number is not None and self.number.match(text) or self.titled_by_number(i):
            passage_terms |= self.number_words  # "9.<tab>Any other business" is item 9: its number says "item"
        coverage = sum(w for t, w in self.topic_weights.items() if t in passage_terms or t in self.done and
                       _acted(frozenset({t}), passage_terms))
        own = self._own_terms(i)
        return closeness.Closeness(
            similarity=min(max(similarity, 0.0), 1.0), coverage=min(coverage, 1.0),
            own_coverage=min(sum(w for t, w in self.topic_weights.items() if t in own), 1.0),
            missing=max((w for t, w in self.topic_weights.items() if t not in passage_terms), default=0.0),
            retrieved=self.retrieved.get(i, 0.0), figure=float(self.wants.figure),
            named=float(self.named_in(i)), names_it=float(self._names_it(i)), unknown=float(bool(self.unknown)),
            topical=float(bool(self.topic)))

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
        if not re.search(r"[^\W_]", text):  # a line the converter left as "." says nothing
            return "no passage answers this closely enough"
        seen = self.closeness_of(i, similarity)
        close = closeness.close_enough(seen)
        if not close and self.unknown and similarity < MIN_DENSE_UNKNOWN:  # the plainer reason first
            return f"the documents never mention {asking.listed(w for _, w in self.unknown)}"
        if not close and similarity < MIN_DENSE and not seen.named:  # far off: before any finer reason
            return "no passage answers this closely enough"
        missing = [p for p in self.places if not asking.mentions(passage, p)]
        if missing:
            return f"no passage about {', '.join(missing)} answers this"
        # "which charity?" and "the charity Streetwise Northmarch": a place inside the name asked for says nowhere
        unnamed = re.sub("|".join(map(re.escape, named)), " ", text) if self.kind and \
            (named := named_ones(text, self.kind, self.asked)) else text
        stated_places = placenames.stated(unnamed, self.places, index)
        if self.places and stated_places and not stated_places & set(self.places):
            return f"the passages give figures for {', '.join(sorted(stated_places))}, not {', '.join(self.places)}"
        if self.source_dated and not particulars.of_dates(particulars.occasion(facts, i) | particulars.occasion(
                facts, i, own=False), self.source_dates):  # the July pack's line for "the October 2026 minutes"
            return f"the passage is not from the {particulars.in_words(self.source_dates)} document the question names"
        if reason := timing.other_period(self, i, window, label):  # another year, financial year or month
            return reason
        # "funds associated with Operation Dial (23/24)" for 24/25, though the line before it says 2024/25
        if self.year_pairs and (own := year_pairs(text)) and not own & self.year_pairs:
            return f"the passages give figures for {', '.join(sorted(own))}, not {', '.join(sorted(self.year_pairs))}"
        if reason := baselines.objection(self.question, self.years, self.wants, text):  # "lower than in 2016"
            return reason
        near = f"{facts.text(index.sentences[i - 1])} {text}" if same_section(index, i - 1, sentence) else text
        if reason := timing.other_stage(self.question, f"{label} {near}"):  # "Year 2 ... was spent" for Year 1
            return reason
        if self.places and self.wants.figure and (part := asking.sub_area(text, self.question)):
            return f"the passages give a figure for a {part}, not for {', '.join(self.places)} as a whole"
        if self.particular and (reason := particulars.other_block(self.particular, facts, i)):
            return reason
        if (other := nearmiss.sibling(facts, doc.id, self.question, text, window)) is not None:
            return f"the passage is about {other[1]}, not {other[0]}"
        if reason := siblings.objection(self.siblings, facts, text, f"{passage} {doc.title}"):
            return reason  # Holtbridge's line for Ashby Crowle, which the documents list beside it
        if (other := table_rows.other_code(self.question, text)) is not None:  # the row keyed "A25/14" for "A25/18"
            return f"the passage is about {other[1]}, not {other[0]}"
        if (other := naming.other_named(self.question, text, label) or naming.other_named(self.question, window, label)
                or naming.other_named(self.question, lead_context(facts, i), f"{label} {text}")
                or _heading_names_other(self.question, chunk.section_path[-1] if chunk.section_path else "", text)) \
                is not None:  # a bullet under "Operation Lantern" is about Operation Lantern
            return f"the passage is about {other[1]}, not {other[0]}"
        if not close:  # near in meaning but not about the topic: the finer reasons above come first
            return "no passage answers this closely enough"
        if reason := agenda.objection(self.question, facts, i):  # "6. Fire and Rescue Update" says nothing of it
            return reason
        # the line itself prints it, or the line before when it leans on it ("That was over the 12 months to ...")
        own = f"{facts.text(index.sentences[i - 1])} {text}" if before and (
            nearmiss.LEANS_BACK.match(text) or ANAPHORA.match(text)) else f"{label} {text}"
        if self.quoted_figures and not self.quoted_figures & quoted_figures(own):
            return "no passage gives the figure the question quotes"
        if self.speaker and not speakers.spoken_by(facts, i, self.speaker, self._run_terms(i)):
            return f"no passage gives what {self.speaker} said"
        if self.possessed_terms and not self.possessed_terms <= window_terms:
            return f"no passage gives the {self.possessed} asked about"
        if reason := nearmiss.of_line(self, i, text, label, window_terms):
            return reason
        # "That was an increase of 6%" is about the crime the sentence before names
        said = f"{facts.text(index.sentences[i - 1])} {text}" if ANAPHORA.match(text) and before else text
        if reason := crimes.objection(self.crime, facts, i, said, before):
            return reason
        # "... 100 girls in attendance." counts no one in the next line's "90,000 views": the action is the line's
        # own, or the line before's when the line leans back on it ("They were attended by ...")
        leans_back = nearmiss.LEANS_BACK.match(text) or ANAPHORA.match(text)
        acted = window_terms if leans_back else self.expand(facts.sentence_terms(i) | facts.label_terms(i))
        # "crime prevention leaflets" name an activity: no count of burglaries prevented
        if self.action and (not _acted(self.action.terms, acted) or
                            asking.only_named(window if leans_back else f"{label} {text}", self.action)):
            return f"no passage gives the number of {self.counted_phrase or 'people'} {self.action.word}"
        if self.counted and not all(asking.has_word(window, w) or mended <= window_terms
                                    for w, mended in self.counted_mended):
            return f"no passage counts {self.counted_phrase}"
        noun = self.noun
        # "Staffing: 14 PCSO posts" after a line on domestic abuse counts posts; "the highest number of offences (44)"
        # after a line on serious violence counts those offences
        if self.counted_head and not self.counted_head <= (window_terms if COUNTING & facts.sentence_terms(i) else acted):
            return f"no passage counts {self.counted_phrase}"
        if self.counted and not self.wants.change and asking.has_word(window, noun) and \
                not asking.counts(window, noun) and not counted_after(window, noun):  # "an increase in referrals"
            return f"no passage gives {self.counted_asked} {self.counted_phrase}"
        if noun and not self.wants.change and not self.wants.per_head and asking.only_changes(window, noun):
            return f"the passages give a change in the number of {self.counted_phrase}, not the number"
        # "met this morning" is no outcome, nor "two reviews met the threshold" for whether the order was renewed:
        # the line itself (with its headings, or the line before when it leans on it) must be about what was asked
        if (self.wants.outcome or self.wants.started) and self.topic and \
                sum(w for t, w in self.topic_weights.items() if t in acted) < MIN_TOPIC_COVERAGE:
            return f"no passage states the {self.wants.kind} asked for"
        if reason := timing.other_date(self, i, text):  # a date before the one asked about, or already past
            return reason
        # a table's row gives a figure only for what its own label and the headers over it name
        if (self.specific or self.wants.figure and TABLE_ROW.match(text)) and self.topic and \
                not facts.in_opening(i) and not self._about_topic(i, window_terms):
            return f"no passage gives the {self.wants.kind} of what was asked about"
        if not self.fits(text) and not (self.wants.many and self.fits(window)) and \
                not (continues(index, i) and self.fits(window)) and not self.heading_answers(i):
            return f"no passage states the {self.wants.kind} asked for"
        return ""


# A figure printed as a figure: "9,470", "18,099", "£1.16m", "24.1%"; not a year, a day or "Year 2"
QUOTED_FIGURE = re.compile(r"(?<![\w.,/:])(?:\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{3,})(?=(?:m|bn|k)?(?![\w/:]|[.,]\d))")
YEAR = re.compile(r"(?:19|20)\d\d")


def quoted_figures(text: str) -> set[str]:
    """The figures a text prints, commas dropped, years left out: what a question quoting "the 9,470 fewer
    crimes" and the line saying "9,470 fewer crimes" share."""
    return {m.group().replace(",", "") for m in QUOTED_FIGURE.finditer(text) if not YEAR.fullmatch(m.group())}


VERB_ROOT = 6  # letters a verb and its noun share: "respon(ded)" and "respon(ses)", "attend(ed)" and "attend(ance)"


def _acted(action: frozenset[str], terms: frozenset[str]) -> bool:
    """Do the terms say the action was done, by its verb or its noun ("responded" and "612 responses")?"""
    return all(t in terms or len(t) >= VERB_ROOT and any(u[:VERB_ROOT] == t[:VERB_ROOT] for u in terms)
               for t in action)


def stages(text: str) -> set[tuple[str, str]]:
    """The numbered stages a text names ("Year 1", "phase two"), numbers as digits."""
    return {(kind.casefold(), str(NUMBER_NAMES.index(n.casefold()) + 1) if n.casefold() in NUMBER_NAMES else n)
            for kind, n in timing.STAGE.findall(text)}


def _heading_names_other(question: str, heading: str, text: str) -> tuple[str, str] | None:
    """(the question's name, the heading's) when the heading over a line names another thing of the kind the
    question names ("Operation Lantern" over a bullet, for "Operation Tidewater"); a heading that spells out the
    question's initials ("Tattersby Public Spaces Protection Order" for "Tattersby PSPO") names the same thing."""
    other = naming.other_named(question, heading, text)
    if other is None:
        return None
    which = other[0].split()[-1]
    spelled = re.search(r"\b" + r"[\w'’-]*\s+".join(re.escape(letter) for letter in which) + r"[\w'’-]*", heading)
    return None if which.isupper() and spelled else other


TABLE_ROW = re.compile(r"[^\t\n]+\t|\s*\|")  # cells apart by tabs, or a Markdown row
AFTER = re.compile(r"\b(?:after|following|since)\b(.{0,40})", re.I)
PERSONAL = re.compile(r"\s*(he|she|they|his|her|their)\b", re.I)  # "He also asked ...": someone named before
