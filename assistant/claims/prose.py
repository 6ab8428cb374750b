"""The documents' prose read once per index: each sentence's place, crime types, period, direction and figures.

A sentence rarely names all of what its figure is about, so each is resolved from the sentences around it:
"All crime is also down across the district by 9.2%" is Southend's, for the 12 months to December 2023,
because the sentences before it say so. The `*_from` fields of a `Unit` record where a value was taken
from, so an answer can quote that sentence too. Judging a claim against this reading is `claim_sentences`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field

from assistant import vocab
from assistant.claims.amounts import Amount, find_amounts, is_change, masked, unit_words
from assistant.claims.directions import FLAT, direction_in, nearest_direction
from assistant.claims.parse import CHANGE, LEVEL
from assistant.claims.periods import Period, find_period
from assistant.claims.subject import places_in, topics_in
from assistant.claims.term_sets import TermIds, TermSet, union
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.dates import MONTH_WORDS, MONTHS, date_words, month_number
from assistant.text.terms import content_terms, content_terms_of
from assistant.understand.query import OFFENCES, SOLVED, SOLVED_RATE

_ANAPHORIC_PLACE = re.compile(r"\b(?:the|this|that|our|each|every) (?:district|city|borough|area|town)\b", re.I)
# "That was an increase of 6%": a sentence that carries on the subject of the one before it.
_CONTINUES = re.compile(r"^\W*(?:that|this|these|those|it|and|but|however|which|also|so|over the|in the same)\b",
                        re.I)
# "872 incidents", "41.6 crimes per": a bare count noun that takes its crime type from the sentence before.
_COUNTED = re.compile(r"\d[\d,.]*\s+(?:\w+\s+)?(?:offences|crimes|incidents)\b", re.I)
_ASPIRATION = re.compile(r"\bmy aim\b|\baims? (?:is|to)\b|\btargets?\b|\bambition\b|\bpledge\w*|\ba further\b|"
                         r"\bdrive down\b|\bdriving down\b|\bby 20[3-9]\d\b|\bwe must\b|\bnot enough\b", re.I)
_RELATIVE = re.compile(r"\blatest\b|\blast (?:12|twelve) months\b|\bover the (?:last|past) year\b|"
                       r"\bsame (?:period|timeframe)\b|\byear on year\b", re.I)
# A sentence-level trend ("there were increase on robberies") needs a verb or noun of change, not a comparative.
_TREND = re.compile(r"\b(?:increas\w*|ris(?:e|en|es|ing)|rose|f[ae]ll(?:en|ing|s)?|drop\w*|reduc\w*|decreas\w*|"
                    r"declin\w*|(?:going|gone|went|go|goes|come|came|coming) (?:up|down)|"
                    r"(?:is|are|was|were) (?:up|down)|down by|up by|on the (?:increase|rise))\b", re.I)
# "to promote crime reduction", "the Violence Reduction Unit": the name of an activity, not a stated fall.
_ACTIVITY = re.compile(r"\b(?:crime|violence|harm|offending|re ?offending)\s+reduction\b", re.I)
# "is increasing levels of public confidence", "increased patrols": a change word used on a noun moves that noun,
# so when what follows it (up to a preposition) names no crime, the change is not the crime's.
_MOVES_A_THING = re.compile(
    r"\b(?:(?:increas|reduc|decreas|improv|rais|lower|grow|declin)(?:ing|ed)|rising|falling|dropping)\s+"
    r"(?P<thing>(?:(?:levels?|numbers?|amounts?) of\s+)?"
    r"(?:(?!(?:in|on|at|by|across|for|since|over|to|from|and|or|than|compared|again|still|now|further|overall|"
    r"year|each|every|this|last|is|are|was|were|has|have|had|been|will|\w+ly)\b)[a-z'-]+\b\s*){1,4})", re.I)
_CRIME_AT_LARGE = re.compile(r"\bcrime\b(?!\s+(?:types?|rates?|figures?))", re.I)  # uncountable: crime in general
_SOLVED_RATE_WORDS = re.compile(r"\bsolved rates?\b|\bdetection rates?\b|\boutcome rates?\b", re.I)
SOLVED_WORDS = re.compile(r"\bsolved\b|\bsolved outcomes?\b|\bdetections?\b", re.I)
# A written date ("26th July 2024"); "may" is left out, as it is more often a verb.
_DATE = re.compile(r"(?:\b(?P<day>\d{1,2})(?:<sup>)?(?:st|nd|rd|th)?(?:</sup>)?\s+)?\b(?P<month>" +
                   "|".join(m for m in MONTH_WORDS if len(m) > 3) + r")\s+(?P<year>\d{4})\b", re.I)
_EARLIER = re.compile(r"\bfrom\W*$|\b(?:previous|prior|preceding) (?:year|12 months)\b|\byear before\b|"
                      r"\blast year\b", re.I)
_CLAUSE = re.compile(r",\s+and\s+|;\s+|\s+but\s+")
_AGE_RANGE = re.compile(r"\b(\d{1,2})-?\s*(?:-|–|to)\s*(\d{1,2})[\s-]*(?:year[\s-]*olds?|years?[\s-]*old|"
                        r"age range|age group|yrs?)\b", re.IGNORECASE)
_LOOK_BACK = 6  # sentences an article's figure may take its period from
_LOOK_BACK_SECTIONED = 30  # the same in a long document, where the paragraph also bounds it
# Units whose words are read in one call: all at once held every unit's words twice over (as strings, then as
# ids) at the peak, and a process keeps the memory of its peak.
_TERMS_SLICE = 1_024


@dataclass(slots=True)  # slots: one per figure of every sentence is held; a dict each would double them
class Fig:
    """One figure a sentence states, with what it is about."""

    amount: Amount
    role: str  # CHANGE | LEVEL
    direction: str | None
    topics: tuple[str, ...]
    measure: str
    places: tuple[str, ...]
    unit: tuple[str, ...]  # what a count counts: ("extra", "officers")
    before: str  # the words since the previous figure, lower case
    earlier: bool = False  # the level a change started from: "from 2,434", "the previous year, when there were"
    flat: bool = False  # a level the text says did not change: "793 drug offences ... which represented no change"


@dataclass(slots=True)
class Unit:
    """A sentence (fragments joined) with its place, topics and period resolved from its neighbours.

    `*_from` is the position of the unit a value was taken from, so an answer can quote it too. Its text is
    read from the document's when asked for (`text`), not held: a copy of every sentence took about 1 KB a
    passage (measured with tracemalloc on a synthetic corpus of 1,859 passages). So are its sentences' records
    (`sentences`): the index makes a record when asked for (`store.spans`), and holding a tuple of them per unit
    would keep one (about 200 bytes) for every sentence of the corpus."""

    position: int
    rows: range  # its sentences' positions in `listing` (`sentences` makes their records when asked for)
    listing: Sequence[Sentence] = field(repr=False)  # the index's sentences, shared by every unit
    document: str
    source: str = field(repr=False)  # the document's whole text, shared by its units
    joined: str | None  # the text of a unit of several fragments, joined; None for one sentence (read from source)
    section: tuple[str, ...]
    paragraph: int  # line number in the document: units on one line are one paragraph
    named: tuple[str, ...]  # the places the unit itself is about
    places: tuple[str, ...] = ()
    place_from: int | None = None
    topics: tuple[str, ...] = ()
    topic_from: int | None = None
    period: Period | None = None
    period_from: int | None = None
    direction: str | None = None  # a trend stated without a figure ("there were increase on robberies")
    aspiration: bool = False  # an aim or pledge, not a fact ("my aim is to see crime reduced by 40%")
    written: tuple[int, int] | None = None  # (year, month) the text was written or said: a meeting's, in minutes
    written_words: str = ""  # that date as printed, "26 July 2024"
    written_from: int | None = None  # the unit that prints it ("Minutes of the Meeting on 26th July 2024")
    figures: tuple[Fig, ...] = ()
    terms: Set[str] = frozenset()  # a `TermSet` once read (claims.term_sets)
    window: Set[str] = frozenset()  # terms of the unit, its paragraph, the unit before and the section path

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(self.listing[j] for j in self.rows)

    @property
    def text(self) -> str:
        if self.joined is not None:
            return self.joined
        sentence = self.listing[self.rows.start]
        return self.source[sentence.start:sentence.end]


class ProseIndex:
    """Every sentence of every document, read once: places, crime types, periods, directions, figures."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        self.units = _units(index)
        by_document: dict[str, list[Unit]] = {}
        for unit in self.units:
            by_document.setdefault(unit.document, []).append(unit)
        shared: dict = {}  # one object for equal periods, dates and names, however many units hold them
        for doc_id, units in by_document.items():
            _Reader(index.documents[doc_id], units, shared).read()
        self.term_ids = TermIds()  # every unit's words as ids into one vocabulary (claims.term_sets)
        for start in range(0, len(self.units), _TERMS_SLICE):
            units = self.units[start:start + _TERMS_SLICE]
            for unit, terms in zip(units, content_terms_of([age_ranges(u.text) for u in units])):
                unit.terms = self.term_ids.term_set(terms)
        sections = {section: self.term_ids.term_set(content_terms(" ".join(section)))
                    for section in {u.section for u in self.units}}
        # A unit's window: the terms of its paragraph, of the unit before it (in the same document) and of its
        # section path. Units of one paragraph share it (all but the first, whose unit before may be in the
        # paragraph before), so it is made once per paragraph, not once per unit; and it reads the sets it is
        # made of rather than copying them into one (`Window`): at ten thousand passages one set per unit took
        # most of this index's memory, one copied set per paragraph about 0.8 KB a passage.
        paragraphs: dict[tuple[str, int], list] = {}
        for unit in self.units:
            paragraphs.setdefault((unit.document, unit.paragraph), []).append(unit.terms)
        paragraph_terms = {key: tuple(terms) for key, terms in paragraphs.items()}
        windows: dict[tuple, Set[str]] = {}
        for unit in self.units:
            before = self.units[unit.position - 1] if unit.position else None
            outside = before if before is not None and before.document == unit.document and \
                before.paragraph != unit.paragraph else None
            key = (unit.document, unit.paragraph, unit.section, outside.position if outside else None)
            if key not in windows:
                parts = (*paragraph_terms[(unit.document, unit.paragraph)], sections[unit.section])
                windows[key] = Window((*parts, outside.terms) if outside else parts, self.term_ids)
            unit.window = windows[key]

    def weight(self, term: str) -> float:
        """Inverse document frequency over the chunks: rare words say more about what a sentence is about."""
        total = len(self.index.chunks) or 1
        return math.log(1 + total / (1 + self.index.document_frequency.get(term, 0)))


class Window(Set):
    """The words of several term sets of one vocabulary, read through them: a word is in the window when it is in
    any of them. What the claims code asks of a window is whether it holds a word; the union is worked out only
    when the window is iterated or counted (tests)."""

    __slots__ = ("parts", "vocabulary")

    def __init__(self, parts: tuple[TermSet, ...], vocabulary: TermIds):
        self.parts, self.vocabulary = parts, vocabulary

    def __contains__(self, word: object) -> bool:
        return any(word in part for part in self.parts)

    def __iter__(self) -> Iterator[str]:
        return iter(union(self.parts, self.vocabulary))

    def __len__(self) -> int:
        return len(union(self.parts, self.vocabulary))

    def __hash__(self) -> int:
        return self._hash()


def age_ranges(text: str) -> str:
    """"13 to 17 year olds" and "the 13-17 age range" both become the word "age13to17", so they can match."""
    return _AGE_RANGE.sub(lambda m: f"age{m.group(1)}to{m.group(2)}", text)


def _units(index: LoadedIndex) -> list[Unit]:
    """Sentences in reading order, a fragment joined to the next when the splitter cut mid-phrase
    ("an increase in sexual offences and medium" + "risk domestic abuse.")."""
    def text_of(sentence: Sentence) -> str:
        return index.documents[sentence.document].text[sentence.start:sentence.end]

    units: list[Unit] = []
    pending: list[int] = []
    for i, sentence in enumerate(index.sentences):
        pending.append(i)
        following = index.sentences[i + 1] if i + 1 < len(index.sentences) else None
        if following is not None and following.document == sentence.document and \
                not re.search(r"[.!?:;\"”’)\]*]\s*$", text_of(sentence)) and text_of(following)[:1].islower():
            continue
        doc = index.documents[sentence.document]
        first = index.sentences[pending[0]]
        text = " ".join(text_of(index.sentences[j]) for j in pending)
        units.append(Unit(len(units), range(pending[0], pending[-1] + 1), index.sentences, doc.id, doc.text,
                          text if len(pending) > 1 else None, doc.section_at(first.start),
                          doc.text.count("\n", 0, first.start), places_in(text)[0]))
        pending = []
    return units


class _Reader:
    """Resolves one document's units in reading order: what each is about comes from itself, or from the
    sentence before it, its section heading, or the document."""

    def __init__(self, doc, units: list[Unit], shared: dict):
        self.doc, self.units = doc, units
        self.shared = shared  # equal values read once per index, held once (see `_one`)
        self.sectioned = any(u.section for u in units)  # a long document (the agenda pack) rather than an article
        heads: dict[str, Unit] = {}
        for unit in units:
            heads.setdefault(unit.section[0] if unit.section else "", unit)
        dated = {u.position: _anchor(doc, u, heads) for u in units}
        self.anchors = {position: anchor for position, (anchor, _, _) in dated.items()}
        for unit in units:
            written, words, unit.written_from = dated[unit.position]
            unit.written, unit.written_words = self._one(written), self._one(words)
        # The article's own period: what "the last 12 months" means further down.
        self.first, self.first_from = None, None
        for unit in units:
            period = find_period(unit.text, self.anchors[unit.position])
            if period and period.end and not period.relative and not period.baseline and period.label != "last year":
                self.first, self.first_from = period, unit.position
                break

    def read(self) -> None:
        previous = None
        for i, unit in enumerate(self.units):
            places, unit.place_from = self._places(unit, previous)
            topics, unit.topic_from = self._topics(unit, previous)
            period, unit.period_from = self._period(unit, i)
            unit.places, unit.topics, unit.period = self._one(places), self._one(topics), self._one(period)
            text = unit.text
            unit.aspiration = is_aspiration(text)
            amounts = find_amounts(text)
            unit.direction = None if unit.aspiration else trend_of(vocab.blank(masked(text), amounts))
            unit.figures = tuple(_figures(unit, amounts))  # a pledge's figures judge only a claim about the pledge
            previous = unit

    def _one(self, value):
        """`value`, or the equal one read before it: most units inherit or repeat a period, a date, a place
        or a crime type, and a separate copy for each took about 1 KB a passage. Only immutable
        values (tuples, strings, frozen records) are shared."""
        return self.shared.setdefault(value, value) if value is not None else None

    def _places(self, unit: Unit, previous: Unit | None) -> tuple[tuple[str, ...], int | None]:
        """Named in the unit; "the district" means the place just named; else the section heading's place,
        the previous unit's in the same section, or (for a short article) the place its title names."""
        if unit.named:
            return unit.named, None
        if previous is not None and previous.places and _ANAPHORIC_PLACE.search(unit.text):
            return previous.places[-1:], previous.place_from or previous.position
        heading = _section_places(unit)
        if heading:
            return heading, None
        if previous is not None and previous.section == unit.section and previous.places:
            return previous.places, previous.place_from
        return (() if self.sectioned else _default_places(self.doc)), None

    def _topics(self, unit: Unit, previous: Unit | None) -> tuple[tuple[str, ...], int | None]:
        """The crime types a unit names; a bare "offences" or "That was ..." carries on the previous unit's."""
        specific, generic = topics_in(unit.text)
        if specific:
            return specific, None
        carries = _continues(previous, unit, self.sectioned)
        inherited = (previous.topics, previous.topic_from or previous.position) if carries else ((), None)
        if generic:
            counted = _CONTINUES.search(unit.text) or _COUNTED.search(unit.text)
            if carries and counted and previous.topics != (vocab.ALL_CRIME,) and previous.topics and \
                    not re.search(r"\b(?:overall|total)\b", unit.text, re.I):
                return inherited
            return (vocab.ALL_CRIME,), None
        return inherited if carries and _CONTINUES.search(unit.text) else ((), None)

    def _period(self, unit: Unit, i: int) -> tuple[Period, int | None]:
        """Stated in the unit; else the last one stated just before (same paragraph in a long document);
        else, for "the last 12 months", the article's period or the months before the text's date."""
        anchor = self.anchors[unit.position]
        own = find_period(unit.text, anchor)
        if own is not None and not own.relative:
            return own, None
        relative = own is not None or bool(_RELATIVE.search(unit.text))
        look_back = _LOOK_BACK_SECTIONED if self.sectioned else _LOOK_BACK
        for before in reversed(self.units[max(0, i - look_back):i]):
            if self.sectioned and before.paragraph != unit.paragraph:
                break
            stated = before.period
            if stated is not None and stated.end and not stated.relative and stated.label and \
                    not stated.label.startswith("no period"):
                return stated, (before.period_from if before.period_from is not None else before.position)
            relative = relative or bool(_RELATIVE.search(before.text)) or bool(stated and stated.relative)
        if relative and not self.sectioned and self.first is not None:
            return self.first, self.first_from
        when = f"{MONTHS[anchor[1] - 1]} {anchor[0]}" if anchor else "an unknown date"
        if relative:
            return Period(f"the latest twelve months, as reported in {when}", end=anchor, relative=True), None
        return Period(f"no period stated (the text dates from {when})"), None


def trend_of(plain: str) -> str | None:
    """The way a sentence with its figures blanked says something moved, with no figure ("there were increase
    on robberies", "crime is now falling"); None for a comparative alone or an activity's name."""
    plain = _ACTIVITY.sub(" ", plain)
    plain = _MOVES_A_THING.sub(lambda m: m.group() if _names_crime(m.group("thing")) else " ", plain)
    return direction_in(plain) if _TREND.search(plain) else None


def _names_crime(text: str) -> bool:
    """Does a phrase name crime at all: a crime type, a bare "offences", or crime at large?"""
    types, bare = topics_in(text)
    return bool(types) or bare or bool(_CRIME_AT_LARGE.search(text))


def is_aspiration(text: str) -> bool:
    """An aim, pledge or target ("my aim is to see crime reduced by a further 40%"), not a fact."""
    return bool(_ASPIRATION.search(text))


def _continues(previous: Unit | None, unit: Unit, sectioned: bool) -> bool:
    """Does a unit carry on the previous one's subject? Only right after it (in the same paragraph of a long
    document), and when it opens as a continuation or names no new place."""
    if previous is None or previous.position != unit.position - 1:
        return False
    if sectioned and previous.paragraph != unit.paragraph:
        return False
    return bool(_CONTINUES.search(unit.text)) or not unit.named or set(unit.named) <= set(previous.places)


def _default_places(doc) -> tuple[str, ...]:
    """A short article without sections is about the place its title or publisher names."""
    for text in (doc.title.split(" (")[0], doc.publisher):
        named, _ = places_in(text)
        if named:
            return named[:1]
    return ()


def _section_places(unit: Unit) -> tuple[str, ...]:
    """The Essex area a unit's section headings name ("Southend" in "Community Safety › Southend")."""
    named, _ = places_in(" ; ".join(unit.section))
    return tuple(p for p in named if p in vocab.TABLE_AREAS)[:1]


def _anchor(doc, unit: Unit, heads: dict[str, Unit]) -> tuple[tuple[int, int] | None, str, int | None]:
    """The month a text was written, that date as printed, and the unit printing it: a date in its section
    path, its section's first line, or the document's. `heads` maps each top-level section to its first unit
    ("Minutes of the Meeting on 26th July 2024")."""
    candidates = [(" ".join(unit.section), None)]
    if unit.section:
        candidates.append((heads[unit.section[0]].text, heads[unit.section[0]].position))
    for text, position in candidates:
        match = _DATE.search(text)
        if match:
            day = f"{int(match.group('day'))} " if match.group("day") else ""
            month, year = month_number(match.group("month")), int(match.group("year"))
            return (year, month), f"{day}{MONTHS[month - 1]} {year}", position
    match = re.match(r"(\d{4})-(\d{2})", doc.date or "")
    return ((int(match.group(1)), int(match.group(2))), date_words(doc.date), None) if match else (None, "", None)


def _figures(unit: Unit, amounts: list[Amount]) -> list[Fig]:
    """Each figure of a unit: change or level, which way, about what crime, measure and place."""
    figures: list[Fig] = []
    text = unit.text
    clauses = [m.end() for m in _CLAUSE.finditer(text)]
    for i, amount in enumerate(amounts):
        before = text[amounts[i - 1].end if i else 0:amount.start]
        after = text[amount.end:amounts[i + 1].start if i + 1 < len(amounts) else len(text)]
        role = CHANGE if is_change(before, after[:40], amount) else LEVEL
        direction = (amount.direction or nearest_direction(before, after[:40])) if role == CHANGE else None
        if role == CHANGE and direction is None and figures and figures[-1].role == CHANGE:
            direction = figures[-1].direction  # "total crime was reduced by 6%, and ASB by 38%"
        clause_start = max([c for c in clauses if c <= amount.start], default=0)
        clause_end = min([c for c in clauses if c > amount.start], default=len(text))
        named, _ = places_in(text[clause_start:clause_end])
        # "far higher than the rate across England and Wales, which stood at 29.9": the compared-with place's
        named_before, compared = places_in(before)
        if compared and not named_before:
            named = compared
        counted = unit_words(text[amount.end:])
        if not counted and figures and re.search(r"\bto\W*$", before):  # "by 905 officers, to 3,755"
            counted = tuple(w for w in figures[-1].unit if w not in ("extra", "additional", "more", "fewer"))
        earlier = role == LEVEL and bool(_EARLIER.search(before))
        measure = _measure_near(before[-60:] + " " + _clause_head(after))
        figures.append(Fig(amount, role, direction, _figure_topics(unit, after, before, figures, measure),
                           measure, named or unit.places, counted,
                           before.lower(), earlier, role == LEVEL and bool(FLAT.search(_clause_head(after, 8)))))
    return figures


def _measure_near(text: str) -> str:
    """What the words around a figure say it measures: a solved rate, solved outcomes, or offences."""
    if _SOLVED_RATE_WORDS.search(text):
        return SOLVED_RATE
    return SOLVED if SOLVED_WORDS.search(text) else OFFENCES


def _clause_head(after: str, words: int = 4) -> str:
    """The few words right after a figure, up to the end of its clause: what the figure counts."""
    return " ".join(re.split(r"[,;.()–]|\s-\s|\band\b|\bwith\b", after)[0].split()[:words])


def _figure_topics(unit: Unit, after: str, before: str, figures: list[Fig], measure: str) -> tuple[str, ...]:
    """A figure is about the crime named right after it ("1,135 drug offences"), else in its own clause ("my aim
    is to see crime reduced by a further 40%", whatever the clauses before were about), else just before it,
    else what the figure before it was about (unless it measures something else: "anti-social behaviour
    dropped 15% and solved rates up to 2.5%" is the overall solved rate), else what its sentence is about."""
    specific, _ = topics_in(_clause_head(after))
    if specific and (specific != (vocab.ALL_CRIME,) or not unit.topic_from):
        return specific
    clause = re.split(r"[,;:]", before)[-1]
    specific, _ = topics_in(clause)
    if not specific and not figures and _CRIME_AT_LARGE.search(clause):  # not "offences", which refers back
        return (vocab.ALL_CRIME,)
    specific, _ = topics_in(before)
    if specific and (specific != (vocab.ALL_CRIME,) or not unit.topic_from):
        return specific
    if figures:
        return figures[-1].topics if figures[-1].measure == measure else (vocab.ALL_CRIME,)
    return unit.topics
