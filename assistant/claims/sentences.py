"""Judging a claim against the documents' sentences, as `claim_prose` reads them.

A sentence can judge a claim only if it is about the claimed place, and either about the claimed crime type
and measure or, for a claim that names none ("Essex Police has 3,755 officers"), it shares most of the
claim's rarer words. Its figure is then weighed under the tolerance rules, for the period the sentence is
about; a claim that names a period is judged only by sentences about that period. Each piece of evidence
quotes the sentence and any sentence its period, place or crime type were taken from.

A claim about what a source said (`claims.attribution`) is read by that source's sentences alone; one that
dates a statement by its meeting ("told the July 2024 board") by what was said at that meeting, and a figure
given at another meeting is named with its date. A pledge ("aims to cut crime by a further 50%") is judged by
the source's pledges, never by its facts, and a fact never by a pledge. Qualifiers ("a record high") and a
pledge's date are compared as written (`claims.qualifiers`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import vocab
from assistant.claims.amounts import COUNT, EXACT, MONEY, unit_head, unit_words
from assistant.claims.attribution import Attribution
from assistant.claims.directions import DOWN, UP
from assistant.claims.parse import (CHANGE, DIRECTION, LEVEL, RANK, SHARE, STATEMENT, ClaimShape, comparison_in,
                                    superlative_in, threat_level_in)
from assistant.claims.periods import Period, find_period
from assistant.claims.prose import SOLVED_WORDS, Fig, ProseIndex, Unit, age_ranges, is_aspiration
from assistant.claims.qualifiers import QUALIFIER_TERMS, deadline_in, judge_deadline, judge_record, record_in
from assistant.claims.subject import Subject, places_in, topics_in
from assistant.claims.tolerance import judge_amount, tolerance_words
from assistant.claims.verdict import CONTRADICTED, SUPPORTED, UNCONFIRMED, Evidence
from assistant.claims.wording import capitalised, source_name, unquoted
from assistant.text.dates import MONTHS, date_words
from assistant.store.load import Sentence
from assistant.text.numbers import NUMBER_WORDS
from assistant.text.terms import TIME_WORDS, content_terms
from assistant.understand.query import DA_SHARE, OFFENCES

# A claim about the last year ("fell by 38% last year"), whatever the year was.
ANNUAL = re.compile(r"\b(?:last|past|previous) (?:year|12 months|twelve months)\b|\byear on year\b", re.I)
_CRIME_UNITS = {"offence", "crime", "incident", "report", "case", "offense", ""}
# Words of a claim that say how much or which way, not what about (stems, as `content_terms` gives them).
_NOT_TOPIC_TERMS = {"from", "get", "getting", "current", "currenti", "now", "latest", "recent", "recentli",
                    "thousand", "hundr", "million", "almost", "nearli", "about", "around", "roughli", "more",
                    "less", "fewer", "over", "under", "rose", "rise", "fell", "fall", "fallen", "grown", "grew",
                    "increas", "decreas", "drop", "extra", "addit", "doubl", "tripl", "halv", "quarter", "third",
                    "fifth", "half", "most", "percent", "per", "cent", "cut", "reduc", "pledg", "aim", "promis",
                    "vow", "target", "further", "next", "few"} | set(content_terms(" ".join(NUMBER_WORDS))) | \
    set(content_terms("he she they we i it his her their our its him them us"))
_SCALE_TERMS = frozenset(content_terms("low moderate substantial severe critical largest biggest highest lowest "
                                       "smallest fewest least best worst second third fourth fifth"))
_NEGATION = re.compile(r"\bnot?\b|\bnever\b", re.I)
_COVERAGE = 0.6  # share of the claim's word weight a sentence must hold to be about the same thing
_STATEMENT_COVERAGE = 0.75
_MAX_PER_GROUP = 2
# How a unit was matched to the claim: by place, crime type and measure; or by sharing the claim's words,
# in the unit itself or only together with the sentence before it.
_BY_SUBJECT, _BY_OWN_WORDS, _BY_WORDS_BEFORE = "subject", "own words", "words before"
_SETTLES = {SUPPORTED: "is.", CONTRADICTED: "is not.", UNCONFIRMED: "neither settles nor rules it out."}


def sentence_evidence(shape: ClaimShape, subject: Subject, prose: ProseIndex, said: Attribution) -> list[Evidence]:
    """What the documents' sentences say about the claim, at most two per document and period."""
    return _best_per_group([e for e, fits, _ in _judged(shape, subject, prose, said) if fits])


def off_period_evidence(shape: ClaimShape, subject: Subject, prose: ProseIndex, said: Attribution) -> list[Evidence]:
    """Sentences that back the claim's figure for another period than the one it names ("fell by 9.2%" is
    the press release's figure for the 12 months to December 2023), or said at another meeting than the one
    the claim names: never a verdict, always named."""
    other_period = shape.period is not None and not shape.period.relative and shape.amount is not None
    if not other_period and said.meeting is None:
        return []
    found = []
    for evidence, fits, meeting in _judged(shape, subject, prose, said):
        if fits or evidence.verdict != SUPPORTED or evidence.fuzzy:
            continue
        if meeting is not None:
            _date_meeting(evidence, meeting, prose)
        elif other_period:
            evidence.reason = (f"That is the claimed figure, but for {evidence.period_label}, not for the period "
                               f"the claim names.")
        else:
            continue
        found.append(evidence)
    return _best_per_group(found)


def _judged(shape: ClaimShape, subject: Subject, prose: ProseIndex, said: Attribution):
    """Each unit that bears on the claim: (its evidence, whether it speaks for the claim's period and meeting,
    the date of the other meeting it was said at, if it was)."""
    allowed = said.documents or set(prose.index.documents)
    terms = _claim_terms(shape, subject, prose)
    annual = ANNUAL.search(said.content) is not None
    period = None if deadline_in(said.content) is not None else shape.period  # "by 2030" is a pledge's date
    pledge = is_aspiration(said.content)  # a pledge is judged by pledges, a fact by facts
    named = places_in(said.content)[0] or places_in(said.source)[0]
    if named and subject.places == (vocab.FORCE,) and vocab.FORCE not in named:
        subject = replace(subject, places=named)  # "the Safer Chelmsford e-newsletter": a place in a name
    # "45% of the suspects": a share of people, which a sentence can give; "45% of crimes" needs the tables
    of_crimes = shape.amount is not None and \
        unit_head(unit_words(re.sub(r"^\s*of\b", "", shape.text[shape.amount.end:]))) in _CRIME_UNITS
    places = set(subject.places)
    for unit in prose.units:
        if unit.document not in allowed or places.isdisjoint(unit.places):
            continue
        if shape.comparison is not None and shape.amount is None:
            evidence = _judge_compared(shape, subject, unit, terms, prose)
        elif shape.quantity in (STATEMENT, RANK) or (shape.amount is None and not subject.crime_types):
            evidence = _judge_statement(shape, unit, terms, prose)
        elif unit.aspiration != pledge:
            evidence = None
        elif shape.amount is None:
            evidence = _judge_direction(subject, unit, prose)
        elif shape.quantity == SHARE and subject.crime_types and subject.measure != DA_SHARE and of_crimes:
            evidence = None  # a share of crimes needs its part and its whole: the tables give both, a sentence rarely
        else:
            evidence = _judge_figures(shape, subject, unit, terms, prose)
        if evidence is not None:
            other_meeting = said.meeting is not None and unit.written != said.meeting
            yield evidence, _period_fits(period, unit, annual) and not other_meeting, \
                unit if other_meeting else None


def _claim_terms(shape: ClaimShape, subject: Subject, prose: ProseIndex) -> dict[str, float]:
    """The words that say what the claim is about (not where, when, how much or which way), each weighted
    by how rare it is."""
    places = set().union(*(content_terms(p) for p in subject.places)) if subject.places else set()
    text = shape.text.replace(shape.period.words, " ") if shape.period is not None and shape.period.words else shape.text
    if shape.comparison is not None:  # "below the rate across England and Wales": what it is compared with
        text = re.sub(r"\b(?:below|above|higher than|lower than|greater than|less than|more than|worse than|"
                      r"better than)\s+" + re.escape(shape.comparison.reference), " ", text, flags=re.I)
    terms = content_terms(age_ranges(text)) - places - TIME_WORDS - _NOT_TOPIC_TERMS - _force_terms(prose)
    if record_in(shape.text) is not None:  # "a record high": how it stands, not what it is about
        terms -= QUALIFIER_TERMS
    terms = {t for t in terms if not t.isdigit()} - _SCALE_TERMS
    return {t: prose.weight(t) for t in terms}


def _force_terms(prose: ProseIndex) -> set[str]:
    """The words that name a whole force's area: "the force", and each indexed force's own name ("Kent"), which
    say where a claim is, as a district's name does, not what it is about."""
    return content_terms(" ".join(("force", *prose.index.catalogue.forces())))


def _coverage(terms: dict[str, float], words: frozenset) -> float:
    """The share of the terms' weight that `words` holds."""
    total = sum(terms.values())
    return sum(w for t, w in terms.items() if t in words) / total if total else 0.0


def _period_fits(period: Period | None, unit: Unit, annual: bool) -> bool:
    """A stated period must be the source's; with none stated, every period counts, except that a claim about
    the last year is never judged by a change since a baseline year ("70% lower than it was in 2016")."""
    source = unit.period
    if period is None or period.relative:
        return not (annual and source is not None and source.baseline is not None)
    if period.baseline is not None:
        return source is not None and source.baseline == period.baseline
    if source is None or source.end is None:
        return False
    if period.end is not None:
        return source.end == period.end
    return period.year is not None and source.end[0] == period.year


# ---------------------------------------------------------------- a figure, a direction, a statement


def _judge_figures(shape: ClaimShape, subject: Subject, unit: Unit, terms: dict[str, float],
                   prose: ProseIndex) -> Evidence | None:
    """The claimed figure against the unit's figure of the same kind, about the same thing."""
    amount = shape.amount
    by_topic = bool(subject.crime_types) and unit_head(shape.unit) in _CRIME_UNITS and amount.kind != MONEY
    matched = _BY_SUBJECT if by_topic else _shared_words(shape, unit, terms, prose)
    if matched is None:
        return None
    candidates = _matching_figures(shape, subject, unit, by_topic)
    if not candidates:
        return _judge_unchanged(shape.quantity, subject, unit, prose) if by_topic else None
    if shape.quantity == SHARE and not by_topic:  # "77% of people": the figure whose words before it match best
        candidates.sort(key=lambda f: -_coverage(terms, frozenset(content_terms(age_ranges(f.before)))))
    fig = candidates[0]
    verdict = judge_amount(amount, fig.amount)
    reason = f"{capitalised(tolerance_words(amount))}; the source's {fig.amount.text} {_SETTLES[verdict]}"
    direction = subject.direction
    if shape.quantity == CHANGE and direction and fig.direction and fig.direction != direction:
        verdict = CONTRADICTED
        reason = (f"The claim says it {'rose' if direction == UP else 'fell'}; the source says it "
                  f"{'rose' if fig.direction == UP else 'fell'}.")
    if verdict != CONTRADICTED and shape.comparison is not None:
        verdict, reason = _judge_comparison(shape, unit, verdict, reason)
    if verdict != CONTRADICTED and record_in(shape.text) is not None:
        verdict, reason = judge_record(shape.text, unit.text, verdict, reason)
    return _evidence(verdict, unit, reason, prose, fig, rank=2 if fig.amount.hedge == EXACT else 1,
                     matched=matched)


def _shared_words(shape: ClaimShape, unit: Unit, terms: dict[str, float], prose: ProseIndex) -> str | None:
    """For a claim matched by its words: does the unit hold them itself, or only with the sentence before
    it? None when the claim has too few words to say what its figure is about, or they are not here."""
    amount = shape.amount
    enough = len(terms) >= (1 if amount.kind == COUNT and unit_head(shape.unit) else 2)
    if not enough or _coverage(terms, unit.window) < _COVERAGE:
        return None
    before = prose.units[unit.position - 1].terms if unit.position else frozenset()
    if amount.kind != COUNT and _coverage(terms, unit.terms | before) < _COVERAGE:
        return None
    return _BY_OWN_WORDS if _coverage(terms, unit.terms) >= _COVERAGE else _BY_WORDS_BEFORE


def _matching_figures(shape: ClaimShape, subject: Subject, unit: Unit, by_topic: bool) -> list[Fig]:
    """The unit's figures of the claim's kind and role (a change, or a level that is not a starting point)
    for the claimed place, and crime type and measure (or counted noun, for a claim matched by words)."""
    amount = shape.amount
    wanted_role = CHANGE if shape.quantity == CHANGE else LEVEL
    candidates = []
    for fig in unit.figures:
        if fig.amount.kind != amount.kind or fig.role != wanted_role or fig.earlier or \
                not set(subject.places) & set(fig.places):
            continue
        if by_topic and (not set(subject.crime_types) & set(fig.topics) or fig.measure != subject.measure or
                         (fig.amount.kind == COUNT and unit_head(fig.unit) not in _CRIME_UNITS)):
            continue  # "905 extra officers" is not a count of crimes, whatever the sentence is about
        if not by_topic and amount.kind == COUNT and unit_head(shape.unit) != unit_head(fig.unit):
            continue
        candidates.append(fig)
    return candidates


def _judge_comparison(shape: ClaimShape, unit: Unit, verdict: str, reason: str) -> tuple[str, str]:
    """"below the England and Wales rate": the source must compare with the same place, the same way."""
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


def _date_meeting(evidence: Evidence, unit: Unit, prose: ProseIndex) -> None:
    """Say, citing the line that dates it, at which meeting a figure was given ("Minutes of the Meeting on
    26th July 2024"), when the claim puts it at another."""
    if unit.written_from is None:
        evidence.reason = f"That is the claimed figure, but from {MONTHS[unit.written[1] - 1]} {unit.written[0]}, " \
                          f"not from the meeting the claim names."
        return
    head = prose.units[unit.written_from]
    evidence.cites.update({_key(sentence): ("sentence", sentence) for sentence in head.sentences})
    evidence.statement += f" The meeting is dated: “{unquoted(head.text)}” {_marks(head)}"
    evidence.reason = f"That is the claimed figure, but it was given at the meeting of {unit.written_words}, " \
                      f"not at the meeting the claim names."


def _judge_compared(shape: ClaimShape, subject: Subject, unit: Unit, terms: dict[str, float],
                    prose: ProseIndex) -> Evidence | None:
    """"Basildon's violent crime rate was below the rate across England and Wales", with no figure: the way
    the source compares the same thing with the same place."""
    if not (set(subject.crime_types) & set(unit.topics)) and _coverage(terms, unit.window) < _STATEMENT_COVERAGE:
        return None
    verdict, reason = _judge_comparison(shape, unit, SUPPORTED, "The source makes the same comparison.")
    if verdict == UNCONFIRMED:
        return None
    return _evidence(verdict, unit, reason, prose, None, rank=1)


def _judge_direction(subject: Subject, unit: Unit, prose: ProseIndex) -> Evidence | None:
    """A claimed rise or fall with no figure: a figure's direction, or a trend the unit states in words."""
    direction = subject.direction
    if direction is None:
        return None
    unchanged = _judge_unchanged(DIRECTION, subject, unit, prose)
    if unchanged is not None:
        return unchanged
    figures = [fig for fig in unit.figures if not _counts_other_things(fig)]  # not "905 extra officers"
    for fig in figures:
        if fig.role == CHANGE and fig.direction and set(subject.crime_types) & set(fig.topics) and \
                fig.measure == subject.measure and set(subject.places) & set(fig.places):
            verdict = SUPPORTED if fig.direction == direction else CONTRADICTED
            return _evidence(verdict, unit, _direction_reason(direction, fig.direction), prose, fig, rank=2)
    if unit.direction in (UP, DOWN) and set(subject.crime_types) & set(unit.topics) and unit.topic_from is None \
            and subject.measure == OFFENCES and not figures and not SOLVED_WORDS.search(unit.text):
        verdict = SUPPORTED if unit.direction == direction else CONTRADICTED
        return _evidence(verdict, unit, _direction_reason(direction, unit.direction), prose, None, rank=1)
    return None


def _counts_other_things(fig: Fig) -> bool:
    """A count of something no crime word names ("905 extra officers", "11 cameras"): whatever the sentence is
    about, its rise or fall is not the crime's."""
    return fig.amount.kind == COUNT and unit_head(fig.unit) not in _CRIME_UNITS and \
        not topics_in(" ".join(fig.unit))[0]


def _judge_unchanged(quantity: str, subject: Subject, unit: Unit, prose: ProseIndex) -> Evidence | None:
    """A claimed rise or fall against a figure the source says did not change ("793 drug offences in
    Southend, which represented no change")."""
    if quantity not in (CHANGE, DIRECTION) or subject.direction not in (UP, DOWN):
        return None
    for fig in unit.figures:
        if fig.flat and set(subject.crime_types) & set(fig.topics) and fig.measure == subject.measure and \
                set(subject.places) & set(fig.places):
            reason = f"The claim says it {'rose' if subject.direction == UP else 'fell'}; the source says it did not change."
            return _evidence(CONTRADICTED, unit, reason, prose, fig, rank=2)
    return None


def _direction_reason(claimed: str, stated: str) -> str:
    if claimed == stated:
        return f"That is a {'rise' if stated == UP else 'fall'}, as the claim says."
    return f"That is a {'rise' if stated == UP else 'fall'}, not a {'rise' if claimed == UP else 'fall'}."


def _judge_statement(shape: ClaimShape, unit: Unit, terms: dict[str, float], prose: ProseIndex) -> Evidence | None:
    """A claim with no figure to weigh: a threat level, a ranking, or a sentence that says the same."""
    if _coverage(terms, unit.window) < _STATEMENT_COVERAGE:
        return None
    if record_in(shape.text) is not None:  # "at a record high"
        verdict, reason = judge_record(shape.text, unit.text, UNCONFIRMED, "")
        if verdict == UNCONFIRMED:
            return None
    elif deadline_in(shape.text) is not None:  # "to zero by 2030"
        verdict, reason = judge_deadline(shape.text, unit.text)
        if verdict == UNCONFIRMED:
            return None
    elif shape.threat_level:
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
        negated_differently = bool(_NEGATION.search(unit.text)) != bool(_NEGATION.search(shape.text))
        if len(terms) < 3 or _coverage(terms, unit.terms) < 0.9 or negated_differently:
            return None
        verdict, reason = SUPPORTED, "The source says the same."
    return _evidence(verdict, unit, reason, prose, None, rank=1, matched=_BY_OWN_WORDS)


# ---------------------------------------------------------------- evidence from a unit


def _evidence(verdict: str, unit: Unit, reason: str, prose: ProseIndex, fig: Fig | None, rank: int,
              matched: str = _BY_SUBJECT) -> Evidence:
    """Evidence from one unit, quoting the sentences its period, place or crime type were taken from.

    A match by shared words keeps only what the unit itself states: its own period, and the sentence
    before it when that is where the shared words are."""
    period, context = unit.period, [unit.period_from, unit.place_from, unit.topic_from]
    if matched != _BY_SUBJECT:
        own = find_period(unit.text, period.end if period else None)
        period = own if own is not None and not own.relative else None
        context = [unit.position - 1] if unit.position and matched == _BY_WORDS_BEFORE else []
    shown = sorted(dict.fromkeys(p for p in context if p is not None and p != unit.position))[-2:]
    quoted = [prose.units[position] for position in shown] + [unit]
    cites = {_key(sentence): ("sentence", sentence) for source in quoted for sentence in source.sentences}
    quotes = [f"“{unquoted(source.text)}” {_marks(source)}" for source in quoted]
    doc = prose.index.documents[unit.document]
    when = period.label if period is not None and period.label else \
        f"no period stated (the text dates from {date_words(doc.date)})"
    lead = f"with {when}" if when.startswith("no period") else f"for {when}"
    statement = f"{capitalised(source_name(doc))}, {lead}, says: " + " … ".join(quotes)
    key = _key(unit.sentences[0])
    figures = []
    if fig is not None:
        figures.append((fig.amount.value, f"prose: {fig.amount.kind} {fig.role}", ", ".join(fig.places),
                        ", ".join(fig.topics), when, key))
    period_key = period.end if period is not None and period.end else ("unknown", unit.document, when)
    suggestion = f"According to {source_name(doc)}, {lead}: “{unquoted(unit.text)}” {_marks(unit)}"
    return Evidence(verdict, "prose", period_key, when, statement, reason, cites, figures, suggestion,
                    unit.document, rank, fuzzy=matched != _BY_SUBJECT, key=key)


def _key(sentence: Sentence) -> str:
    return f"sentence:{sentence.document}:{sentence.start}"


def _marks(unit: Unit) -> str:
    """Citation markers for every sentence of a unit, resolved to numbers when the answer is composed."""
    return "".join(f"[[{_key(sentence)}]]" for sentence in unit.sentences)


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
