"""Claim checking: a press line in, a verdict (supported, contradicted, mixed, not found) with exact, cited figures out.

Two kinds of source judge a claim. The performance tables are exact: the printed cell for the claimed area,
crime type and measure, for the latest period unless the claim names one. The documents' prose is read by
rules (`ProseIndex`): every sentence's figures with the place, crime type, period and direction they belong
to, worked out from the sentence and the ones around it ("All crime is also down across the district by
9.2%" is Southend's, for the 12 months to December 2023, because the sentences before say so).

A source that covers the claim backs it or contradicts it under the tolerance rules in `claim_parse`.
A claim that states a period is judged by the sources for that period only; one that states none is judged
by the tables' latest period and by each document for its own. For one period the table outranks prose.
When the latest period contradicts a claim that an older period backs ("fell by 9.2%": true for 2023, not
for the year to October 2024), the verdict is "mixed" and the explanation names each period and figure;
when the latest backs it, older figures are quoted as history. A claim about a place, crime or period no
source covers is "not found": a nearby figure is never offered as if it answered.

Every number the explanation states is in a cited row or sentence, or in the claim; tolerances are given
in words. `check_claim` is the entry point (called by `Assistant.check`); `Answer.extra["sources"]` lists
each source's own verdict and period for the chat UI.
"""

from __future__ import annotations

import math
import re
import weakref
from dataclasses import dataclass, field, replace

from assistant import answer as compose
from assistant import understand, vocab
from assistant.claim_parse import (BETTER, CHANGE, COUNT, DIRECTION, DOWN, KNIFE, LEVEL, MONEY, MONTH_NAMES,
                                   MONTHS, PERCENT, RANK, RATE, SERIOUS_VIOLENCE, SHARE, STATEMENT, UP, WORSE, Amount,
                                   ClaimShape, blank, Period, age_ranges, comparison_in, direction_in, find_amounts,
                                   find_period, is_change, judge_amount, judge_value, masked, nearest_direction,
                                   parse_claim, places_in, superlative_in, threat_level_in, tolerance_words,
                                   topics_in, unit_head, unit_words)
from assistant.config import PERIOD_2023, PERIOD_2024, PERIOD_CHANGE
from assistant.index import LoadedIndex, Sentence, bm25_tokens
from assistant.lookup import ALL_CRIME, ASB, FORCE, SHARE as SHARE_MEASURE, RowRef, TableResult
from assistant.numbers import format_count, format_percent
from assistant.passages import GENERIC, SAME_THING, TIME_WORDS, content_terms, named_sources
from assistant.query import CHANGE as CHANGE_OF, DA_SHARE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query
from assistant.records import Answer, Citation, Figure

SUPPORTED, CONTRADICTED, MIXED, NOT_FOUND, UNCONFIRMED = (
    "supported", "contradicted", "mixed", "not found", "unconfirmed")
TABLE_END = (2024, 10)
LATEST_NOTE = ("No period was stated, so the tables were read for the latest period, the 12 months to "
               "October 2024.")
_PROXY_ROWS = {KNIFE: "Possession of Weapons", SERIOUS_VIOLENCE: "Violence Against the Person"}
# Only a claim that attributes itself ("according to the PFCC") is judged against that source alone.
_ATTRIBUTION = re.compile(r"\baccording to\b|\b(?:said|says|claimed|claims|stated|states|reported|reports)\b", re.I)
_CRIME_UNITS = {"offence", "crime", "incident", "report", "case", "offense", ""}
# Words of a claim that say how much or which way, not what about (stems, as `content_terms` gives them).
_NOT_TOPIC_TERMS = {"from", "get", "getting", "current", "currenti", "now", "latest", "recent", "recentli",
                    "thousand", "hundr", "million", "almost", "nearli", "about", "around", "roughli", "more",
                    "less", "fewer", "over", "under", "rose", "rise", "fell", "fall", "fallen", "grown", "grew",
                    "increas", "decreas", "drop", "extra", "addit", "doubl", "tripl", "halv", "quarter", "third",
                    "fifth", "half", "most", "percent", "per", "cent"}
_SCALE_TERMS = frozenset(content_terms("low moderate substantial severe critical largest biggest highest lowest "
                                       "smallest fewest least best worst second third fourth fifth"))
_COVERAGE = 0.6
_STATEMENT_COVERAGE = 0.75
_MAX_PER_GROUP = 2


# ---------------------------------------------------------------- the prose, read once per index

_ANAPHORIC_PLACE = re.compile(r"\b(?:the|this|that|our|each|every) (?:district|city|borough|area|town)\b", re.I)
# "That was an increase of 6%": a sentence that carries on the subject of the one before it.
_CONTINUES = re.compile(r"^\W*(?:that|this|these|those|it|and|but|however|which|also|so|over the|in the same)\b",
                        re.I)
# "872 incidents", "41.6 crimes per": a bare count noun that takes its crime type from the sentence before.
_COUNTED = re.compile(r"\d[\d,.]*\s+(?:\w+\s+)?(?:offences|crimes|incidents)\b", re.I)
_ASPIRATION = re.compile(r"\bmy aim\b|\baims? (?:is|to)\b|\btargets?\b|\bambition\b|\bpledge\w*|\ba further\b|"
                         r"\bdrive down\b|\bdriving down\b|\bby 20[3-9]\d\b", re.I)
_RELATIVE = re.compile(r"\blatest\b|\blast (?:12|twelve) months\b|\bover the (?:last|past) year\b|"
                       r"\bsame (?:period|timeframe)\b|\byear on year\b", re.I)
# A sentence-level trend ("there were increase on robberies") needs a verb or noun of change, not a comparative.
_TREND = re.compile(r"\b(?:increas\w*|ris(?:e|en|es|ing)|rose|f[ae]ll(?:en|ing|s)?|drop\w*|reduc\w*|decreas\w*|"
                    r"declin\w*|(?:going|gone|went|go|goes|come|came|coming) (?:up|down)|"
                    r"(?:is|are|was|were) (?:up|down)|down by|up by|on the (?:increase|rise))\b", re.I)
_SOLVED_RATE_WORDS = re.compile(r"\bsolved rates?\b|\bdetection rates?\b|\boutcome rates?\b", re.I)
_SOLVED_WORDS = re.compile(r"\bsolved\b|\bsolved outcomes?\b|\bdetections?\b", re.I)
_DATE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b(" + "|".join(m for m in MONTHS if len(m) > 3) +
                   r")\s+(\d{4})\b", re.I)
_EARLIER = re.compile(r"\bfrom\W*$|\b(?:previous|prior|preceding) (?:year|12 months)\b|\byear before\b|"
                      r"\blast year\b", re.I)
_CLAUSE = re.compile(r",\s+and\s+|;\s+|\s+but\s+")
_LOOK_BACK = 6  # sentences an article's figure may take its period from; long documents use the paragraph


@dataclass
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


@dataclass
class Unit:
    """A sentence (fragments joined) with its place, topics and period resolved from its neighbours.

    `*_from` is the position of the unit a value was taken from, so an answer can quote it too."""

    position: int
    sentences: tuple[Sentence, ...]
    document: str
    text: str
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
    figures: list[Fig] = field(default_factory=list)
    terms: frozenset = frozenset()
    window: frozenset = frozenset()  # terms of the unit, its paragraph, the unit before and the section path


class ProseIndex:
    """Every sentence of every document, read once: places, crime types, periods, directions, figures."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        self.units = _units(index)
        for doc_id in dict.fromkeys(u.document for u in self.units):
            _Reader(index.documents[doc_id], [u for u in self.units if u.document == doc_id]).read()
        for unit, terms in zip(self.units, _terms_of([age_ranges(u.text) for u in self.units])):
            unit.terms = terms
        sections = {section: frozenset(content_terms(" ".join(section))) for section in {u.section for u in self.units}}
        for unit in self.units:
            before = self.units[unit.position - 1] if unit.position else None
            near = [u for u in self._paragraph(unit) + ([before] if before else []) if u.document == unit.document]
            unit.window = frozenset(set().union(*(u.terms for u in near)) | sections[unit.section])

    def _paragraph(self, unit: Unit) -> list[Unit]:
        first = unit.position
        while first > 0 and (self.units[first - 1].document, self.units[first - 1].paragraph) == \
                (unit.document, unit.paragraph):
            first -= 1
        last = unit.position
        while last + 1 < len(self.units) and (self.units[last + 1].document, self.units[last + 1].paragraph) == \
                (unit.document, unit.paragraph):
            last += 1
        return self.units[first:last + 1]

    def weight(self, term: str) -> float:
        """Inverse document frequency over the chunks: rare words say more about what a sentence is about."""
        total = len(self.index.chunks) or 1
        return math.log(1 + total / (1 + self.index.document_frequency.get(term, 0)))


def _terms_of(texts: list[str]) -> list[frozenset]:
    """`passages.content_terms` for many texts in one tokenizer call (it dominates building the index)."""
    for pattern, short in SAME_THING:
        texts = [pattern.sub(short, text) for text in texts]
    return [frozenset(tokens) - GENERIC for tokens in bm25_tokens(texts, as_ids=False)]


_PROSE: dict[int, tuple[weakref.ref, ProseIndex]] = {}


def prose_index(index: LoadedIndex) -> ProseIndex:
    """The prose reading of an index, built on first use (about half a second) and kept while the index lives."""
    held = _PROSE.get(id(index))
    if held is None or held[0]() is not index:
        held = _PROSE[id(index)] = (weakref.ref(index), ProseIndex(index))
    return held[1]


def _units(index: LoadedIndex) -> list[Unit]:
    """Sentences in reading order, a fragment joined to the next when the splitter cut mid-phrase
    ("an increase in sexual offences and medium" + "risk domestic abuse.")."""
    units: list[Unit] = []
    pending: list[Sentence] = []
    for i, sentence in enumerate(index.sentences):
        pending.append(sentence)
        following = index.sentences[i + 1] if i + 1 < len(index.sentences) else None
        if following is not None and following.document == sentence.document and \
                not re.search(r"[.!?:;\"”’)\]*]\s*$", _text(index, sentence)) and \
                _text(index, following)[:1].islower():
            continue
        doc = index.documents[sentence.document]
        text = " ".join(_text(index, s) for s in pending)
        units.append(Unit(len(units), tuple(pending), doc.id, text, doc.section_at(pending[0].start),
                          doc.text.count("\n", 0, pending[0].start), places_in(text)[0]))
        pending = []
    return units


def _text(index: LoadedIndex, sentence: Sentence) -> str:
    return index.documents[sentence.document].text[sentence.start:sentence.end]


class _Reader:
    """Resolves one document's units in reading order: what each is about comes from itself, or from the
    sentence before it, its section heading, or the document."""

    def __init__(self, doc, units: list[Unit]):
        self.doc, self.units = doc, units
        self.sectioned = any(u.section for u in units)  # a long document (the agenda pack) rather than an article
        heads: dict[str, Unit] = {}
        for unit in units:
            heads.setdefault(unit.section[0] if unit.section else "", unit)
        self.anchors = {u.position: _anchor(doc, u, heads) for u in units}
        self.first = next((p for p in (find_period(u.text, self.anchors[u.position]) for u in units)
                           if p and p.end and not p.relative and not p.baseline and p.label != "last year"), None)
        self.first_from = next((u.position for u in units if self.first is not None and
                                find_period(u.text, self.anchors[u.position]) == self.first), None)

    def read(self) -> None:
        previous = None
        for i, unit in enumerate(self.units):
            unit.places, unit.place_from = self._places(unit, previous)
            unit.topics, unit.topic_from = self._topics(unit, previous)
            unit.period, unit.period_from = self._period(unit, self.units[max(0, i - 30):i])
            unit.aspiration = bool(_ASPIRATION.search(unit.text))
            amounts = find_amounts(unit.text)
            plain = blank(masked(unit.text), [(a.start, a.end) for a in amounts])
            unit.direction = None if unit.aspiration or not _TREND.search(plain) else direction_in(plain)
            unit.figures = [] if unit.aspiration else _figures(unit, amounts)
            previous = unit

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
            if carries and counted and previous.topics != (ALL_CRIME,) and previous.topics and \
                    not re.search(r"\b(?:overall|total)\b", unit.text, re.I):
                return inherited
            return (ALL_CRIME,), None
        return inherited if carries and _CONTINUES.search(unit.text) else ((), None)

    def _period(self, unit: Unit, earlier: list[Unit]) -> tuple[Period, int | None]:
        """Stated in the unit; else the last one stated just before (same paragraph in a long document);
        else, for "the last 12 months", the article's period or the months before the text's date."""
        anchor = self.anchors[unit.position]
        own = find_period(unit.text, anchor)
        if own is not None and not own.relative:
            return own, None
        relative = own is not None or bool(_RELATIVE.search(unit.text))
        for before in reversed(earlier[-(30 if self.sectioned else _LOOK_BACK):]):
            if self.sectioned and before.paragraph != unit.paragraph:
                break
            stated = before.period
            if stated is not None and stated.end and not stated.relative and stated.label and \
                    not stated.label.startswith("no period"):
                return stated, (before.period_from if before.period_from is not None else before.position)
            relative = relative or bool(_RELATIVE.search(before.text)) or bool(stated and stated.relative)
        if relative and not self.sectioned and self.first is not None:
            return self.first, self.first_from
        when = f"{MONTH_NAMES[anchor[1]]} {anchor[0]}" if anchor else "an unknown date"
        if relative:
            return Period(f"the latest twelve months, as reported in {when}", end=anchor, relative=True), None
        return Period(f"no period stated (the text dates from {when})"), None


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
    named, _ = places_in(" ; ".join(unit.section))
    return tuple(p for p in named if p in vocab.TABLE_AREAS)[:1]


def _anchor(doc, unit: Unit, heads: dict[str, Unit]) -> tuple[int, int] | None:
    """The month a text was written: a date in its section path, its section's first line, or the document's.
    `heads` maps each top-level section to its first unit ("Minutes of the Meeting on 26th July 2024")."""
    candidates = [" ".join(unit.section)]
    if unit.section:
        candidates.append(heads[unit.section[0]].text)
    for text in candidates:
        match = _DATE.search(text)
        if match:
            return int(match.group(2)), MONTHS[match.group(1).lower()]
    match = re.match(r"(\d{4})-(\d{2})", doc.date or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _figures(unit: Unit, amounts: list[Amount]) -> list[Fig]:
    """Each figure of a unit: change or level, which way, about what crime, measure and place."""
    figures: list[Fig] = []
    clauses = [m.end() for m in _CLAUSE.finditer(unit.text)]
    for i, amount in enumerate(amounts):
        before = unit.text[amounts[i - 1].end if i else 0:amount.start]
        after = unit.text[amount.end:amounts[i + 1].start if i + 1 < len(amounts) else len(unit.text)]
        role = CHANGE if is_change(before, after[:40], amount) else LEVEL
        direction = (amount.direction or nearest_direction(before, after[:40])) if role == CHANGE else None
        if role == CHANGE and direction is None and figures and figures[-1].role == CHANGE:
            direction = figures[-1].direction  # "total crime was reduced by 6%, and ASB by 38%"
        near = before[-60:] + " " + _clause_head(after)
        measure = SOLVED_RATE if _SOLVED_RATE_WORDS.search(near) else SOLVED if _SOLVED_WORDS.search(near) \
            else OFFENCES
        clause_start = max([c for c in clauses if c <= amount.start], default=0)
        clause_end = min([c for c in clauses if c > amount.start], default=len(unit.text))
        named, _ = places_in(unit.text[clause_start:clause_end])
        counted = unit_words(unit.text[amount.end:])
        if not counted and figures and re.search(r"\bto\W*$", before):  # "by 905 officers, to 3,755"
            counted = tuple(w for w in figures[-1].unit if w not in ("extra", "additional", "more", "fewer"))
        earlier = role == LEVEL and bool(_EARLIER.search(before))
        figures.append(Fig(amount, role, direction, _figure_topics(unit, after, before, figures), measure,
                           named or unit.places, counted, before.lower(), earlier))
    return figures


def _clause_head(after: str) -> str:
    """The few words right after a figure, up to the end of its clause: what the figure counts."""
    return " ".join(re.split(r"[,;.()–]|\s-\s|\band\b|\bwith\b", after)[0].split()[:4])


def _figure_topics(unit: Unit, after: str, before: str, figures: list[Fig]) -> tuple[str, ...]:
    """A figure is about the crime named right after it ("1,135 drug offences"), else just before it, else
    what the figure before it was about, else what its sentence is about."""
    for text in (_clause_head(after), before):
        specific, _ = topics_in(text)
        if specific and (specific != (ALL_CRIME,) or not unit.topic_from):
            return specific
    if figures:
        return figures[-1].topics
    return unit.topics


# ---------------------------------------------------------------- what the claim is about


@dataclass(frozen=True)
class Subject:
    places: tuple[str, ...]  # Essex areas, or other places ("Surrey") when no Essex area is named
    crime_types: tuple[str, ...]  # table rows or KNIFE / SERIOUS_VIOLENCE
    measure: str
    table_reason: str  # why the tables cannot judge this claim ("" when they can)
    notes: tuple[str, ...] = ()


def subject_of(shape: ClaimShape, query: Query) -> Subject:
    areas = tuple(a for a in query.areas if a != FORCE) or query.areas
    reference = shape.comparison.reference if shape.comparison else ""
    others = tuple(p for p in query.unknown_places if p.lower() not in reference.lower())
    places = areas + others if others else (areas or (FORCE,))
    pseudo, _ = topics_in(shape.text)
    pseudo = tuple(t for t in pseudo if t in _PROXY_ROWS)
    crime_types = tuple(t for t in query.crime_types if t not in {_PROXY_ROWS[p] for p in pseudo}) + pseudo
    measure = query.measure or OFFENCES
    if not crime_types and query.measure in (SOLVED_RATE, SOLVED, DA_SHARE) and query.areas:
        crime_types = (ALL_CRIME,)
    reason = _table_reason(shape, query, places, crime_types, others)
    notes = tuple(n for n in query.notes if "read as the 12 months" not in n and "period" not in n
                  and not (pseudo and "knife" in n))
    if not query.areas and not others:
        notes += ("force-wide figures for Essex were used, as no place was named",)
    return Subject(places, crime_types, measure, reason, notes)


def _table_reason(shape: ClaimShape, query: Query, places, crime_types, others) -> str:
    if others:
        return f"the Essex Police performance tables have no figures for {', '.join(others)}"
    scope = [r for r in query.out_of_scope if not r.startswith(understand.PERIOD_SCOPE)]
    if scope:
        return scope[0]
    proxies = [t for t in crime_types if t in _PROXY_ROWS]
    if proxies:
        return f"the tables have no row for {proxies[0].lower()}"
    if not crime_types or shape.quantity in (STATEMENT,) or \
            (shape.amount is not None and shape.amount.kind in (MONEY, RATE)):
        return "the tables count offences, solved outcomes and solved rates, not this"
    if shape.comparison is not None:
        return "the tables do not compare areas with figures outside them"
    period = shape.period
    if period is not None and not _table_period(shape, period):
        return f"the tables cover only the rolling years to October shown in the board pack, not {_as_written(period)}"
    if len([p for p in places if p != FORCE]) > 1 and shape.quantity != RANK and query.rank is None:
        return "the tables are read one area at a time"
    return ""


def _table_period(shape: ClaimShape, period: Period) -> str | None:
    """The table period a stated period matches (None when the tables do not cover it)."""
    level = shape.quantity in (LEVEL, SHARE, RANK)
    if period.end == TABLE_END or period.year == 2024:
        return PERIOD_2024
    if level and (period.end == (2023, 10) or period.year == 2023):
        return PERIOD_2023
    if period.baseline == 2023 and not level:
        return PERIOD_2024
    return None


# ---------------------------------------------------------------- evidence


@dataclass
class Evidence:
    """What one source says about the claim and whether that backs it."""

    verdict: str
    source: str  # "table" | "prose"
    period_key: object
    period_label: str
    statement: str  # with [[key]] markers for citations
    reason: str
    cites: dict = field(default_factory=dict)  # key -> ("row", RowRef) | ("sentence", Sentence)
    figures: list = field(default_factory=list)  # (value, measure, area, crime_type, period, key)
    suggestion: str = ""
    document: str = ""
    rank: int = 0
    caveats: tuple[str, ...] = ()
    fuzzy: bool = False  # matched by shared words rather than by place, crime type and measure
    key: str = ""  # the citation key of the sentence that states the figure


def table_evidence(shape: ClaimShape, subject: Subject, engine, query: Query) -> list[Evidence]:
    if subject.table_reason:
        return []
    period = _table_period(shape, shape.period) if shape.period else None
    area = next((p for p in subject.places if p != FORCE), FORCE)
    if shape.quantity == RANK or query.rank is not None:
        ranked = _judge_rank(shape, subject, engine.tables, query, area, period or PERIOD_2024)
        return [ranked] if ranked is not None else []
    whole = _share_whole(shape, subject)
    if whole is not None:
        share = _judge_share(shape, subject, engine.tables, area, whole, period or PERIOD_2024)
        return [share] if share is not None else []
    out = []
    for crime_type in subject.crime_types:
        row = engine.tables.row(area, crime_type)
        if row is None:
            continue
        evidence = _judge_row(shape, subject, row, period)
        if evidence is not None:
            if shape.period is not None and shape.period.year is not None:
                evidence.caveats += (f"The claim names a calendar year; the tables' years run to October, so the "
                                     f"{evidence.period_label.removeprefix('the ')} was read for it.",)
            out.append(evidence)
    return out


_ORDINAL_WORDS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth")


def _judge_rank(shape: ClaimShape, subject: Subject, tables, query: Query, area: str, period: str) -> Evidence | None:
    """"Southend recorded the most shoplifting offences of any district": where the area really ranks."""
    spec = query.rank
    if area == FORCE or area not in tables.districts or len(subject.crime_types) != 1 or spec is None:
        return None
    crime_type, measure = subject.crime_types[0], subject.measure
    by_change = spec.by != "value"
    key = (PERCENT_CHANGE.get(measure, CHANGE_OF.get(measure)) if spec.by == "% change" else CHANGE_OF.get(measure)) \
        if by_change else measure
    when = PERIOD_CHANGE if by_change else period
    if key is None:
        return None
    scored = [(tables.row(a, crime_type).value(key, when), a) for a in tables.districts if tables.row(a, crime_type)]
    scored = [(v, a) for v, a in scored if not math.isnan(v)]
    if area not in {a for _, a in scored}:
        return None
    highest = spec.direction != "lowest"
    scored.sort(key=lambda item: -item[0] if highest else item[0])
    mine = next(v for v, a in scored if a == area)
    place = 1 + sum(1 for v, _ in scored if (v > mine if highest else v < mine))
    ordinal = max(shape.ordinal, 1)
    top_value, top_area = scored[0]
    top_key, own_key = f"row:{top_area}|{crime_type}", f"row:{area}|{crime_type}"
    shown = (lambda v: format_percent(v, signed=by_change)) if key in PERCENT_CHANGE.values() or \
        measure in (SOLVED_RATE, DA_SHARE) else (lambda v: format_count(v, signed=by_change))
    what = _rank_words(highest, spec.by, measure, crime_type)
    statement = (f"The performance tables show that, of the {_ORDINAL_WORDS[len(scored)] and len(scored)} districts "
                 f"with a printed figure, {top_area} had the {what} in the {when} ({shown(top_value)}) "
                 f"[[{top_key}]]")
    statement = statement.replace(f"of the {len(scored)} districts", "of the districts")
    if top_area != area:
        statement += f"; {area} had {shown(mine)} [[{own_key}]], which ranks {_ORDINAL_WORDS[place]}"
    statement += "."
    verdict = SUPPORTED if place == ordinal else CONTRADICTED
    reason = f"The claim ranks {area} {_ORDINAL_WORDS[ordinal]}; the tables rank it {_ORDINAL_WORDS[place]}."
    cites = {top_key: ("row", _row_ref(tables.row(top_area, crime_type), _column(tables.row(top_area, crime_type),
                                                                                 key, when))),
             own_key: ("row", _row_ref(tables.row(area, crime_type), _column(tables.row(area, crime_type), key,
                                                                             when)))}
    figures = [(top_value, key, top_area, crime_type, when, top_key), (mine, key, area, crime_type, when, own_key)]
    suggestion = _capital(f"{top_area} had the {what} in the {when} ({shown(top_value)}) [[{top_key}]].") \
        if verdict == CONTRADICTED else ""
    return Evidence(verdict, "table", TABLE_END, f"the {when}", statement, reason, cites, figures, suggestion,
                    tables.row(area, crime_type).source_document,
                    caveats=("Stansted Airport, a policing area rather than a district, and the force total are "
                             "left out of the ranking.",))


def _rank_words(highest: bool, by: str, measure: str, crime_type: str) -> str:
    """"the most shoplifting offences", "the highest solved rate for all crime", "the largest fall in ..."."""
    name = "all crime" if crime_type == ALL_CRIME and measure != OFFENCES else _name(crime_type)
    if measure == SOLVED_RATE:
        subject = f"solved rate for {name}"
    elif measure == SOLVED:
        subject = f"solved outcomes for {name}"
    elif measure == DA_SHARE:
        subject = f"domestic-abuse share of {_unit_name(crime_type)}"
    else:
        subject = _unit_name(crime_type)
    if by != "value":
        size = "percentage " if by == "% change" else ""
        return f"largest {size}{'rise' if highest else 'fall'} in {subject}"
    if measure in (OFFENCES, SOLVED):
        return f"{'most' if highest else 'fewest'} {subject}"
    return f"{'highest' if highest else 'lowest'} {subject}"


def _share_whole(shape: ClaimShape, subject: Subject) -> str | None:
    """"Shoplifting made up a tenth of all crime": the whole a share claim divides by, when the tables nest it."""
    if shape.quantity != SHARE or subject.measure == DA_SHARE or len(subject.crime_types) != 2:
        return None
    first, second = subject.crime_types
    if first in vocab.ancestors(second):
        return first
    return second if second in vocab.ancestors(first) else None


def _judge_share(shape, subject, tables, area, whole, period) -> Evidence | None:
    part = next(t for t in subject.crime_types if t != whole)
    measure = SOLVED if subject.measure == SOLVED else OFFENCES
    part_row, whole_row = tables.row(area, part), tables.row(area, whole)
    if part_row is None or whole_row is None:
        return None
    a, b = part_row.value(measure, period), whole_row.value(measure, period)
    if math.isnan(a) or math.isnan(b) or b == 0:
        return None
    share = round(a / b * 100, 1)
    part_key, whole_key = f"row:{area}|{part}", f"row:{area}|{whole}"
    statement = (f"The performance tables show that {_name(part)} made up {format_percent(share)} of "
                 f"{_unit_name(whole)} {_place(area)} in the {period}: {format_count(a)} [[{part_key}]] of "
                 f"{format_count(b)} [[{whole_key}]], worked out from the two cited figures.")
    ok = judge_value(shape.amount, share, 1)
    reason = f"{_capital(tolerance_words(shape.amount))}; {format_percent(share)} {'is' if ok else 'is not'}."
    verdict = SUPPORTED if ok else CONTRADICTED
    cites = {part_key: ("row", _row_ref(part_row, _column(part_row, measure, period))),
             whole_key: ("row", _row_ref(whole_row, _column(whole_row, measure, period)))}
    figures = [(a, measure, area, part, period, part_key), (b, measure, area, whole, period, whole_key),
               (share, SHARE_MEASURE, area, part, period, part_key)]
    suggestion = _capital(f"{_name(part)} made up {format_percent(share)} of {_unit_name(whole)} {_place(area)} in "
                          f"the {period} [[{part_key}]][[{whole_key}]].") if not ok else ""
    return Evidence(verdict, "table", TABLE_END if period == PERIOD_2024 else (2023, 10), f"the {period}",
                    statement, reason, cites, figures, suggestion, part_row.source_document)


def _row_ref(row, column: str) -> RowRef:
    return RowRef(row.area, row.crime_type, row.table_title, row.row_label, row.source_document, row.row_start,
                  row.row_end, column)


def _judge_row(shape: ClaimShape, subject: Subject, row, period: str | None) -> Evidence | None:
    measure = subject.measure
    key = f"row:{row.area}|{row.crime_type}"
    name, place = _name(row.crime_type), _place(row.area)
    if shape.quantity in (CHANGE, DIRECTION) and measure != DA_SHARE:
        return _judge_change(shape, row, measure, key, name, place)
    if shape.quantity in (LEVEL, SHARE) and shape.amount is not None:
        if measure == DA_SHARE or (shape.quantity == SHARE and shape.amount.kind == PERCENT):
            if measure != DA_SHARE:
                return None
            period = PERIOD_2024
        return _judge_level(shape, row, measure, period or PERIOD_2024, key, name, place)
    return None


def _judge_change(shape, row, measure, key, name, place) -> Evidence | None:
    rate = measure == SOLVED_RATE
    amount = shape.amount
    diff_key = CHANGE_OF[measure]
    pct_key = diff_key if rate else PERCENT_CHANGE.get(measure)
    diff, pct = row.value(diff_key, PERIOD_CHANGE), row.value(pct_key, PERIOD_CHANGE)
    before, after = row.value(measure, PERIOD_2023), row.value(measure, PERIOD_2024)
    if math.isnan(diff):
        return None
    direction = _resolve_direction(shape.direction, measure)
    moved = "rose" if diff > 0 else "fell" if diff < 0 else "stayed the same"
    better = ""  # the safer wording: "fell by 6.9% in ..., from 18,844 to 17,537 offences"
    if rate:
        name = "all crime" if row.crime_type == ALL_CRIME else name
        said = (f"the solved rate for {name} {place} {moved} from {format_percent(before)} to "
                f"{format_percent(after)} ({_points(diff)} percentage points)")
    else:
        unit = "incidents" if row.crime_type == ASB else "solved outcomes" if measure == SOLVED else "offences"
        subject = name if measure == OFFENCES else f"solved outcomes for {name}"
        shown = f"{format_count(diff, signed=True)}" + (f", {format_percent(pct, signed=True)}"
                                                        if not math.isnan(pct) else "")
        said = f"{subject} {place} {moved} from {format_count(before)} to {format_count(after)} {unit} ({shown})"
        if diff != 0:
            by = format_count(abs(diff)) + f" {unit}" if math.isnan(pct) or (amount and amount.kind == COUNT) \
                else format_percent(abs(pct))
            better = (f"{subject} {place} {moved} by {by} in the {PERIOD_2024} compared with the {PERIOD_2023}, "
                      f"from {format_count(before)} to {format_count(after)} {unit}")
    statement = (f"The performance tables show that {said} in the {PERIOD_2024} compared with the "
                 f"{PERIOD_2023} [[{key}]].")
    column = _column(row, pct_key if amount is not None and amount.kind == PERCENT and not math.isnan(pct)
                     else diff_key)
    verdict, reason = SUPPORTED, ""
    if direction and amount is None:
        reason = f"That is a {'rise' if direction == UP else 'fall'}, as the claim says."
    if direction and (diff == 0 or (diff > 0) != (direction == UP)):
        verdict = CONTRADICTED
        reason = f"The claim says it {'rose' if direction == UP else 'fell'}; the tables show " + \
                 ("no change." if diff == 0 else f"it {moved}.")
    elif amount is not None:
        use_pct = amount.kind == PERCENT
        value = abs(pct if use_pct and not rate else diff)
        if use_pct and not rate and math.isnan(pct):
            return None
        shown = _points(value) + " percentage points" if rate and use_pct else \
            format_percent(value) if use_pct else format_count(value)
        ok = judge_value(amount, value, 1 if use_pct else 0)
        verdict = SUPPORTED if ok else CONTRADICTED
        reason = f"{_capital(tolerance_words(amount))}; {shown} {'is' if ok else 'is not'}."
        if rate and use_pct:
            reason += " The tables give the change in a solved rate in percentage points."
    suggestion = ""
    if verdict == CONTRADICTED:
        better = better or f"{said} in the {PERIOD_2024} compared with the {PERIOD_2023}"
        suggestion = _capital(f"{better} [[{key}]].")
    figures = [(before, measure, row.area, row.crime_type, PERIOD_2023, key),
               (after, measure, row.area, row.crime_type, PERIOD_2024, key),
               (diff, diff_key, row.area, row.crime_type, PERIOD_CHANGE, key)]
    if not rate and not math.isnan(pct):
        figures.append((pct, pct_key, row.area, row.crime_type, PERIOD_CHANGE, key))
    return Evidence(verdict, "table", TABLE_END, f"the {PERIOD_2024}", statement, reason,
                    {key: ("row", _row_ref(row, column))}, [f for f in figures if not math.isnan(f[0])],
                    suggestion, row.source_document, caveats=_rate_caveat(row, measure))


def _judge_level(shape, row, measure, period, key, name, place) -> Evidence | None:
    amount = shape.amount
    if (amount.kind == PERCENT) != (measure in (SOLVED_RATE, DA_SHARE)) or amount.kind not in (PERCENT, COUNT):
        return None
    value = row.value(measure, period)
    if math.isnan(value):
        return None
    if measure == SOLVED_RATE:
        name = "all crime" if row.crime_type == ALL_CRIME else name
        said = f"the solved rate for {name} {place} was {format_percent(value)}"
    elif measure == DA_SHARE:
        said = f"{format_percent(value)} of {_unit_name(row.crime_type)} {place} were domestic-abuse related"
    elif measure == SOLVED:
        said = f"{format_count(value)} solved outcomes were recorded for {name} {place}"
    elif row.area == FORCE:
        said = f"{format_count(value)} {_unit_name(row.crime_type)} were recorded across Essex"
    else:
        said = f"{row.area} recorded {format_count(value)} {_unit_name(row.crime_type)}"
    statement = f"The performance tables show that {said} in the {period} [[{key}]]."
    ok = judge_value(amount, value, 1 if amount.kind == PERCENT else 0)
    shown = format_percent(value) if amount.kind == PERCENT else format_count(value)
    reason = f"{_capital(tolerance_words(amount))}; {shown} {'is' if ok else 'is not'}."
    verdict = SUPPORTED if ok else CONTRADICTED
    direction = _resolve_direction(shape.direction, measure)
    change_key = CHANGE_OF.get(measure)
    figures = [(value, measure, row.area, row.crime_type, period, key)]
    if direction and change_key and period == PERIOD_2024:
        diff = row.value(change_key, PERIOD_CHANGE)
        earlier = row.value(measure, PERIOD_2023)
        if not math.isnan(diff):
            went = "up" if diff > 0 else "down" if diff < 0 else "unchanged"
            shown_before = format_percent(earlier) if amount.kind == PERCENT else format_count(earlier)
            statement = statement[:-1] + f", against {shown_before} in the {PERIOD_2023}."
            figures.append((earlier, measure, row.area, row.crime_type, PERIOD_2023, key))
            if diff == 0 or (diff > 0) != (direction == UP):
                verdict = CONTRADICTED
                reason += f" The claim also says it went {'up' if direction == UP else 'down'}; it went {went}."
    suggestion = _capital(f"{said} in the {period} [[{key}]].") if verdict == CONTRADICTED else ""
    column = _column(row, measure, period)
    return Evidence(verdict, "table", TABLE_END if period == PERIOD_2024 else (2023, 10), f"the {period}",
                    statement, reason, {key: ("row", _row_ref(row, column))}, figures, suggestion,
                    row.source_document, caveats=_rate_caveat(row, measure))


def _column(row, measure: str, period: str = PERIOD_CHANGE) -> str:
    cell = row.cells.get((measure, period))
    return cell.column_label if cell is not None else ""


def _rate_caveat(row, measure: str) -> tuple[str, ...]:
    rates = [row.value(SOLVED_RATE, p) for p in (PERIOD_2023, PERIOD_2024)]
    if measure == SOLVED_RATE and any(r > 100 for r in rates if not math.isnan(r)):
        return ("A solved rate above one hundred per cent appears here: outcomes can relate to crimes recorded "
                "in an earlier period, so do not quote it as a rate.",)
    return ()


def _resolve_direction(direction: str | None, measure: str) -> str | None:
    """"Improved" is a fall in offences but a rise in a solved rate or in solved outcomes."""
    if direction in (BETTER, WORSE):
        good = UP if measure in (SOLVED_RATE, SOLVED) else DOWN
        return good if direction == BETTER else (DOWN if good == UP else UP)
    return direction


def prose_evidence(shape: ClaimShape, subject: Subject, engine, claim: str) -> list[Evidence]:
    prose = prose_index(engine.index)
    attributed = _ATTRIBUTION.search(claim) is not None
    allowed = (named_sources(claim, engine.index) if attributed else set()) or set(engine.index.documents)
    terms = _claim_terms(shape, subject, prose)
    found: list[Evidence] = []
    for unit in prose.units:
        if unit.document not in allowed or not set(subject.places) & set(unit.places):
            continue
        if shape.quantity in (STATEMENT, RANK) or (shape.amount is None and not subject.crime_types):
            evidence = _judge_statement(shape, unit, terms, prose)
        elif shape.amount is None:
            evidence = _judge_direction(shape, subject, unit, prose)
        elif shape.quantity == SHARE and subject.crime_types and subject.measure != DA_SHARE:
            evidence = None  # a share needs its part and its whole: the tables give both, a sentence rarely does
        else:
            evidence = _judge_figures(shape, subject, unit, terms, prose)
        if evidence is not None and _period_fits(shape.period, unit):
            found.append(evidence)
    return _best_per_group(found)


def _claim_terms(shape: ClaimShape, subject: Subject, prose: ProseIndex) -> dict[str, float]:
    text = age_ranges(shape.text)
    places = set().union(*(content_terms(p) for p in subject.places)) if subject.places else set()
    terms = content_terms(text) - places - TIME_WORDS - _NOT_TOPIC_TERMS - content_terms("essex")
    terms = {t for t in terms if not t.isdigit()} - _SCALE_TERMS
    return {t: prose.weight(t) for t in terms}


def _coverage(terms: dict[str, float], words: frozenset) -> float:
    total = sum(terms.values())
    return sum(w for t, w in terms.items() if t in words) / total if total else 0.0


def _period_fits(period: Period | None, unit: Unit) -> bool:
    """A stated period must be the source's; with none stated, every period counts."""
    if period is None or period.relative:
        return True
    source = unit.period
    if period.baseline is not None:
        return source is not None and source.baseline == period.baseline
    if source is None or source.end is None:
        return False
    if period.end is not None:
        return source.end == period.end
    return period.year is not None and source.end[0] == period.year


def _judge_figures(shape, subject, unit: Unit, terms, prose) -> Evidence | None:
    amount = shape.amount
    by_topic = bool(subject.crime_types) and unit_head(shape.unit) in _CRIME_UNITS and amount.kind != MONEY
    wanted_role = CHANGE if shape.quantity == CHANGE else LEVEL
    enough = len(terms) >= (1 if amount.kind == COUNT and unit_head(shape.unit) else 2)
    if not by_topic and (not enough or _coverage(terms, unit.window) < _COVERAGE):
        return None  # too few words to say what the figure is about, or they are not here
    before = prose.units[unit.position - 1].terms if unit.position else frozenset()
    if not by_topic and amount.kind != COUNT and _coverage(terms, unit.terms | before) < _COVERAGE:
        return None
    fuzzy = False if by_topic else "self" if _coverage(terms, unit.terms) >= _COVERAGE else "previous"
    candidates = []
    for fig in unit.figures:
        if fig.amount.kind != amount.kind or fig.role != wanted_role or fig.earlier or \
                not set(subject.places) & set(fig.places):
            continue
        if by_topic and (not set(subject.crime_types) & set(fig.topics) or fig.measure != subject.measure):
            continue
        if not by_topic and amount.kind == COUNT and unit_head(shape.unit) != unit_head(fig.unit):
            continue
        candidates.append(fig)
    if not candidates:
        return None
    if shape.quantity == SHARE and not by_topic:
        candidates.sort(key=lambda f: -_coverage(terms, frozenset(content_terms(age_ranges(f.before)))))
    fig = candidates[0]
    verdict = judge_amount(amount, fig.amount)
    direction = _resolve_direction(shape.direction, subject.measure)
    reason = f"{_capital(tolerance_words(amount))}; the source's {fig.amount.text} " + \
             {SUPPORTED: "is.", CONTRADICTED: "is not.", UNCONFIRMED: "neither settles nor rules it out."}[verdict]
    if shape.quantity == CHANGE and direction and fig.direction and fig.direction != direction:
        verdict = CONTRADICTED
        reason = f"The claim says it {'rose' if direction == UP else 'fell'}; the source says it " \
                 f"{'rose' if fig.direction == UP else 'fell'}."
    if verdict != CONTRADICTED and shape.comparison is not None:
        verdict, reason = _judge_comparison(shape, unit, verdict, reason)
    return _prose(verdict, unit, reason, prose, fig, rank=2 if fig.amount.hedge == "exact" else 1, fuzzy=fuzzy)


def _judge_comparison(shape: ClaimShape, unit: Unit, verdict: str, reason: str) -> tuple[str, str]:
    stated = comparison_in(unit.text)
    claimed_places, _ = places_in(shape.comparison.reference)
    stated_places, _ = places_in(stated.reference) if stated else ((), ())
    if stated is None or not set(claimed_places) & set(stated_places):
        return UNCONFIRMED, reason
    if stated.lower != shape.comparison.lower:
        return CONTRADICTED, (f"The claim puts it {'below' if shape.comparison.lower else 'above'} "
                              f"{shape.comparison.reference}; the source puts it "
                              f"{'below' if stated.lower else 'above'}.")
    return verdict, reason


def _judge_direction(shape, subject, unit: Unit, prose) -> Evidence | None:
    direction = _resolve_direction(shape.direction, subject.measure)
    if direction is None:
        return None
    for fig in unit.figures:
        if fig.role == CHANGE and fig.direction and set(subject.crime_types) & set(fig.topics) and \
                fig.measure == subject.measure and set(subject.places) & set(fig.places):
            verdict = SUPPORTED if fig.direction == direction else CONTRADICTED
            return _prose(verdict, unit, _direction_reason(direction, fig.direction), prose, fig, rank=2)
    if unit.direction in (UP, DOWN) and set(subject.crime_types) & set(unit.topics) and unit.topic_from is None \
            and subject.measure == OFFENCES and not unit.figures and not _SOLVED_WORDS.search(unit.text):
        verdict = SUPPORTED if unit.direction == direction else CONTRADICTED
        return _prose(verdict, unit, _direction_reason(direction, unit.direction), prose, None, rank=1)
    return None


def _direction_reason(claimed: str, stated: str) -> str:
    if claimed == stated:
        return f"That is a {'rise' if stated == UP else 'fall'}, as the claim says."
    return f"That is a {'rise' if stated == UP else 'fall'}, not a {'rise' if claimed == UP else 'fall'}."


def _judge_statement(shape: ClaimShape, unit: Unit, terms, prose) -> Evidence | None:
    if _coverage(terms, unit.window) < _STATEMENT_COVERAGE:
        return None
    if shape.threat_level:
        stated = threat_level_in(unit.text)
        if stated is None:
            return None
        verdict = SUPPORTED if stated == shape.threat_level else CONTRADICTED
        reason = f"The source gives the level as {stated}."
    elif shape.ordinal:
        stated = superlative_in(unit.text)
        if stated is None:
            return None
        verdict = SUPPORTED if stated == (shape.ordinal, shape.highest) else CONTRADICTED
        reason = "The source gives the same ranking." if verdict == SUPPORTED else \
            "The source gives a different ranking."
    else:
        if len(terms) < 3 or _coverage(terms, unit.terms) < 0.9 or bool(re.search(r"\bnot?\b|\bnever\b", unit.text, re.I)) != \
                bool(re.search(r"\bnot?\b|\bnever\b", shape.text, re.I)):
            return None
        verdict, reason = SUPPORTED, "The source says the same."
    return _prose(verdict, unit, reason, prose, None, rank=1, fuzzy="self")


def _prose(verdict: str, unit: Unit, reason: str, prose: ProseIndex, fig: Fig | None, rank: int,
           fuzzy: bool = False) -> Evidence:
    """Evidence from one unit, quoting the sentences its period, place or crime type were taken from.

    A match by shared words (`fuzzy`) keeps only what the unit itself states: its own period, and the
    sentence before it when that is where the shared words are."""
    period, context = unit.period, [unit.period_from, unit.place_from, unit.topic_from]
    if fuzzy:
        own = find_period(unit.text, period.end if period else None)
        period = own if own is not None and not own.relative else None
        context = [unit.position - 1] if unit.position and fuzzy == "previous" else []
    shown = sorted(dict.fromkeys(p for p in context if p is not None and p != unit.position))[-2:]
    cites, quotes = {}, []
    for position in shown + [unit.position]:
        source = prose.units[position]
        marks = ""
        for sentence in source.sentences:
            key = f"sentence:{sentence.document}:{sentence.start}"
            cites[key] = ("sentence", sentence)
            marks += f"[[{key}]]"
        quotes.append(f"“{_quoted(source.text)}” {marks}")
    doc = prose.index.documents[unit.document]
    when = period.label if period is not None and period.label else \
        f"no period stated (the text dates from {_date_words(doc.date)})"
    lead = f"with {when}" if when.startswith("no period") else f"for {when}"
    statement = f"{_capital(_source_name(doc))}, {lead}, says: " + " … ".join(quotes)
    key = f"sentence:{unit.sentences[0].document}:{unit.sentences[0].start}"
    figures = []
    if fig is not None:
        figures.append((fig.amount.value, f"prose: {fig.amount.kind} {fig.role}", ", ".join(fig.places),
                        ", ".join(fig.topics), when, key))
    period_key = period.end if period is not None and period.end else ("unknown", unit.document, when)
    marks = "".join(f"[[sentence:{s.document}:{s.start}]]" for s in unit.sentences)
    suggestion = f"According to {_source_name(doc)}, {lead}: “{_quoted(unit.text)}” {marks}"
    return Evidence(verdict, "prose", period_key, when, statement, reason, cites, figures, suggestion,
                    unit.document, rank, fuzzy=bool(fuzzy), key=key)


def _quoted(text: str) -> str:
    return text.strip().strip("“”\"").strip()


def _best_per_group(found: list[Evidence]) -> list[Evidence]:
    """At most two pieces of evidence per document and period, the most specific first."""
    backed = {e.document for e in found if e.verdict == SUPPORTED and e.fuzzy}
    groups: dict[tuple, list[Evidence]] = {}
    for evidence in found:
        if evidence.verdict == UNCONFIRMED or (evidence.fuzzy and evidence.verdict == CONTRADICTED and
                                               evidence.document in backed):
            continue  # a document listing other sums besides the claimed one does not contradict it
        groups.setdefault((evidence.document, str(evidence.period_key)), []).append(evidence)
    out = []
    for items in groups.values():
        best = max(e.rank for e in items)
        out += [e for e in items if e.rank == best][:_MAX_PER_GROUP]
    return out


# ---------------------------------------------------------------- verdict and answer


def verdict_of(evidence: list[Evidence]) -> str:
    """The claim's verdict from what each source says.

    Sources are grouped by the period they speak for; within a period the table outranks prose. The most
    recent dated period decides when it backs the claim (older figures for other periods are history, not
    contradiction). When it contradicts the claim but another period backs it, the claim is mixed: true
    once, not now. With no dated source, agreeing sources decide and disagreeing ones make it mixed.
    """
    groups: dict[object, list[Evidence]] = {}
    for item in evidence:
        groups.setdefault(item.period_key, []).append(item)
    verdicts = {key: _group_verdict(items) for key, items in groups.items()}
    if not verdicts:
        return NOT_FOUND
    dated = [key for key in verdicts if isinstance(key, tuple) and key and isinstance(key[0], int)]
    if dated:
        latest = verdicts[max(dated)]
        if latest != CONTRADICTED:
            return latest
        return MIXED if set(verdicts.values()) - {CONTRADICTED} else CONTRADICTED
    values = set(verdicts.values())
    return values.pop() if len(values) == 1 else MIXED


def _group_verdict(items: list[Evidence]) -> str:
    table = [e.verdict for e in items if e.source == "table"]
    if table:
        return CONTRADICTED if CONTRADICTED in table else SUPPORTED
    values = {e.verdict for e in items}
    return values.pop() if len(values) == 1 else MIXED


def check_claim(engine, claim: str) -> Answer:
    """Judge one claim against the tables and the documents' prose (see the module docstring)."""
    shape = parse_claim(claim)
    query = understand.parse(claim)
    subject = subject_of(shape, query)
    table = table_evidence(shape, subject, engine, query)
    prose = prose_evidence(shape, subject, engine, claim)
    if table:  # for the tables' own period the printed cell is exact: a sentence that disagrees was misread
        prose = [e for e in prose if e.period_key != table[0].period_key or e.verdict == table[0].verdict]
    evidence = table + sorted(prose, key=lambda e: str(e.period_key), reverse=True)
    verdict = verdict_of(evidence)
    if verdict == NOT_FOUND:
        return _not_found(claim, shape, subject, query)
    return _compose(claim, shape, subject, query, evidence, verdict, engine.index)


def _not_found(claim: str, shape: ClaimShape, subject: Subject, query: Query) -> Answer:
    what = "for " + " and ".join(_name(t) for t in subject.crime_types) if subject.crime_types else "on this"
    where = ", ".join(_place(p) for p in subject.places)
    reasons = []
    if subject.table_reason:
        reasons.append(subject.table_reason)
    when = f" for {_as_written(shape.period)}" if shape.period is not None and shape.period.label else ""
    reasons.append(f"no document gives a figure or trend {what} {where}{when} that bears on the claim")
    text = (f"Not found. {_capital('; '.join(reasons))}. No nearby figure is offered in its place: check the "
            f"claim against a source that covers it.")
    return Answer(text=text, answerable=False, claim=claim, verdict=NOT_FOUND, context=query,
                  caveats=subject.notes)


class _Citer:
    def __init__(self, index: LoadedIndex):
        self.index = index
        self.numbers: dict[str, int] = {}
        self.citations: list[Citation] = []

    def number(self, key: str, cite) -> int:
        if key not in self.numbers:
            n = len(self.citations) + 1
            kind, item = cite
            if kind == "row":
                result = TableResult("", True, rows=(item,))
                citation = replace(compose.from_table("", result, self.index).citations[0], n=n)
            else:
                citation = compose.sentence_citation(self.index, item, n)
            self.numbers[key] = n
            self.citations.append(citation)
        return self.numbers[key]


def _compose(claim, shape, subject, query, evidence: list[Evidence], verdict: str, index) -> Answer:
    citer = _Citer(index)
    cites = {k: v for e in evidence for k, v in e.cites.items()}

    def mark(text: str) -> str:
        return re.sub(r"\[\[(.+?)\]\]", lambda m: f"[{citer.number(m.group(1), cites[m.group(1)])}]", text)

    parts = []
    if verdict == MIXED:
        parts.append("Mixed: the sources disagree, each for its own period.")
    else:
        parts.append(f"{verdict.capitalize()}.")
    for item in evidence:
        judged = {SUPPORTED: "This backs the claim.", CONTRADICTED: "This does not back the claim."
                  if verdict == SUPPORTED else "This contradicts the claim."}[item.verdict]
        parts.append(f"{mark(item.statement)} {judged} {item.reason}".strip())
    if any(e.source == "table" for e in evidence) and (shape.period is None or shape.period.relative):
        parts.append(LATEST_NOTE)
    text = " ".join(parts)
    suggestion = ""
    if verdict in (CONTRADICTED, MIXED):
        source = next((e for e in evidence if e.source == "table" and e.suggestion), None) or \
            next((e for e in evidence if e.suggestion), None)
        suggestion = mark(source.suggestion) if source is not None else ""
        backing = [e for e in evidence if e.verdict == SUPPORTED and e.source == "prose"]
        if verdict == MIXED and source is not None and source.source == "table" and backing:
            older = max(backing, key=lambda e: e.period_key if isinstance(e.period_key[0], int) else (0, 0))
            what = f"“{shape.amount.text}”" if shape.amount is not None else \
                f"a {'rise' if _resolve_direction(shape.direction, subject.measure) == UP else 'fall'}"
            suggestion += " " + mark(f"If quoting {what}, say it is for {older.period_label}, as reported by "
                                     f"{_source_name(index.documents[older.document])} [[{older.key}]].")
    figures = []
    for item in evidence:
        for value, measure, area, crime_type, period, key in item.figures:
            if key in citer.numbers:
                figures.append(Figure(float(value), measure, area, crime_type, period, citer.numbers[key]))
    caveats = tuple(dict.fromkeys(c for e in evidence for c in e.caveats)) + subject.notes
    if verdict == SUPPORTED and any(e.verdict == CONTRADICTED for e in evidence):
        caveats += ("Older sources give other figures for their own periods (quoted above); the claim holds for "
                    "the latest period, so say which period it is about.",)
    elif any(e.source == "prose" for e in evidence) and any(e.source == "table" for e in evidence) and \
            verdict != MIXED:
        caveats += ("The prose figures are for the periods their documents name, which may differ from the "
                    "tables' rolling years to October.",)
    extra = {"sources": [{"kind": e.source, "verdict": e.verdict, "period": e.period_label,
                          "document": e.document} for e in evidence]}
    return Answer(text=text, answerable=True, citations=tuple(citer.citations), figures=tuple(figures),
                  claim=claim, verdict=verdict, caveats=caveats, suggestion=suggestion, context=query,
                  extra=extra)


# ---------------------------------------------------------------- wording


_NAMES_OF = {ALL_CRIME: "recorded crime", ASB: "anti-social behaviour", "Theft": "theft",
             "Burglary Residential": "residential burglary", "Theft of Pedal Cycle": "theft of pedal cycles",
             "Burglary Residential - Dwelling": "residential burglary of dwellings",
             "Burglary Residential - Non Dwelling": "residential burglary of non-dwellings",
             "Public Order": "public order offences", "Possession of Weapons": "possession of weapons offences",
             "Possession of Drugs": "possession of drugs offences", "Rape - Under 16 yrs": "rape of under-16s",
             "Rape - Over 16 yrs": "rape of over-16s", "Theft of a Vehicle": "theft of vehicles",
             "Theft from a Vehicle": "theft from vehicles",
             "Criminal Damage inc. Arson": "criminal damage including arson",
             "Vehicle Offences (incl. Interference)": "vehicle offences",
             "Hate Crime HO Definition": "hate crime", "No Risk Assessment": "domestic abuse with no risk assessment",
             "Burglary Business & Community": "business and community burglary"}


def _as_written(period: Period) -> str:
    """A claim's period in the claim's own words, so a refusal states no number the claim did not."""
    return period.words or period.label or "that period"


def _name(crime_type: str) -> str:
    return _NAMES_OF.get(crime_type, crime_type.lower())


def _unit_name(crime_type: str) -> str:
    if crime_type == ASB:
        return "anti-social behaviour incidents"
    if crime_type == ALL_CRIME:
        return "offences (all crime, excluding Action Fraud)"
    name = _name(crime_type)
    return name if name.endswith("offences") else f"offences of {name}" if " of " in name else f"{name} offences"


def _place(area: str) -> str:
    if area == FORCE:
        return "across Essex"
    return f"at {area}" if area == "Stansted Airport" else f"in {area}"


def _points(value: float) -> str:
    return f"{'+' if value > 0 else '-' if value < 0 else ''}{abs(value):.1f}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source_name(doc) -> str:
    kind = doc.kind.split(" (")[0].split(" / ")[0]
    publisher = doc.publisher.split(" (")[0]
    return f"the {kind} by {publisher} ({_date_words(doc.date)})"


def _date_words(date: str) -> str:
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", date or "")
    if not match:
        return "undated"
    month = MONTH_NAMES[int(match.group(2))]
    day = f"{int(match.group(3))} " if match.group(3) else ""
    return f"{day}{month} {match.group(1)}"
