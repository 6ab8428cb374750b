"""Two editions of another force's summary, generated here: a cell one edition does not print, an edition named
by its month, two editions compared, and a ranking whose areas include their own total.

The frame is built the way ingestion writes it (one record per printed cell), for a coined force whose
neighbourhood areas are printed beside a sixth row that is their sum, and whose summaries print a solved rate
only for the all-crime rows of their latest period (as some summaries do). Expected figures are read back from
the generated cells, never typed; properties run over every area, crime type, measure and edition.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from itertools import product

import pandas as pd
import pytest

from assistant import understand, vocab
from assistant.answer.tables import TableIndex, answer_table
from assistant.ingest.catalogue import build_catalogue
from assistant.text.dates import MONTHS
from assistant.text.numbers import numbers_in, same_number
from assistant.understand.query import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query, RankSpec
from assistant.vocab.catalogued import row_key

from generated_corpora import coined

CRIME_TYPES = ("All crime", "Robbery", "Shoplifting", "Drug offences")
SEEDS = (3, 11, 29)


@dataclass(frozen=True)
class Summary:
    """One generated edition: its title, document, publication date and the year and month its periods end."""

    title: str
    document: str
    published: str
    year: int
    month: int

    def period(self, back: int = 0) -> str:
        return f"12 months to {MONTHS[self.month - 1]} {self.year - back}"

    @property
    def change_period(self) -> str:
        return f"{self.period()} compared with the {self.period(1)}"


@dataclass
class Generated:
    frame: pd.DataFrame
    tables: TableIndex
    vocabulary: object
    force: str
    areas: tuple[str, ...]  # the neighbourhood areas, printed first
    total: str  # the row printed beside them that is their sum
    editions: tuple[Summary, Summary]  # older first


def _generate(seed: int, crime_types: tuple[str, ...] = CRIME_TYPES) -> Generated:
    """A force of five areas and their total row, in two summaries; `crime_types` are the rows printed, all
    crime first."""
    rng = random.Random(seed)
    force = coined(rng, 3)
    areas = tuple(dict.fromkeys(coined(rng) for _ in range(8)))[:5]
    total = f"{force} district"
    first_month = rng.choice((3, 6))
    older = Summary(f"{force} Constabulary: Performance Summary to {MONTHS[first_month - 1]} 2031",
                    f"{force.lower()}-performance-2031-{first_month:02d}.xlsx", f"2031-{first_month + 1:02d}-14",
                    2031, first_month)
    newer = Summary(f"{force} Constabulary: Performance Summary to {MONTHS[first_month + 2]} 2031",
                    f"{force.lower()}-performance-2031-{first_month + 3:02d}.pdf", f"2031-{first_month + 4:02d}-12",
                    2031, first_month + 3)
    records = []
    for summary in (older, newer):
        counts = {(area, crime_type): (rng.randint(40, 900), rng.randint(40, 900))
                  for area, crime_type in product(areas, crime_types[1:])}
        for area in areas:  # all crime is more than the crime types shown
            counts[(area, "All crime")] = tuple(sum(counts[(area, c)][i] for c in crime_types[1:])
                                                + rng.randint(500, 2000) for i in range(2))
        for crime_type in crime_types:
            counts[(total, crime_type)] = tuple(sum(counts[(area, crime_type)][i] for area in areas) for i in range(2))
            counts[(force, crime_type)] = counts[(total, crime_type)]
        start = 0
        for area in (*areas, total, force):
            for order, crime_type in enumerate(crime_types):
                start += 80
                before, after = counts[(area, crime_type)]
                cells = [(OFFENCES, summary.period(1), before), (OFFENCES, summary.period(), after),
                         (CHANGE[OFFENCES], summary.change_period, after - before),
                         (PERCENT_CHANGE[OFFENCES], summary.change_period, round((after - before) / before * 100, 1))]
                if crime_type == "All crime":  # a solved rate is printed for the all-crime rows only
                    solved = rng.randint(10, after // 4)
                    cells += [(SOLVED, summary.period(), solved),
                              (SOLVED_RATE, summary.period(), round(solved / after * 100, 1))]
                for position, (measure, period, value) in enumerate(cells, start=1):
                    records.append(dict(
                        edition=summary.title, period_end=f"{summary.year - (period == summary.period(1))}-"
                                                          f"{summary.month:02d}",
                        area=area, section="", crime_type=crime_type, parent_type=None, measure=measure,
                        period=period, value=float(value), printed=f"{value:,}" if isinstance(value, int)
                        else f"{value:.1f}", source_document=summary.document,
                        table_title="Force" if area == force else area, row_label=crime_type,
                        column_label=f"{measure} {period}", row_start=start, row_end=start + 70, row_order=order,
                        position=position))
    frame = pd.DataFrame(records)
    documents = {s.document: type("Doc", (), {"date": s.published, "uploaded": False})() for s in (older, newer)}
    catalogue = build_catalogue(frame, documents, {})
    vocabulary = vocab.for_catalogue(vocab.load(), catalogue)
    return Generated(frame, TableIndex(frame, catalogue), vocabulary, force, areas, total, (older, newer))


@pytest.fixture(scope="module", params=SEEDS)
def generated(request) -> Generated:
    return _generate(request.param)


def _cell(generated: Generated, summary: Summary, area: str, crime_type: str, measure: str, period: str) -> float:
    frame = generated.frame
    hit = frame[(frame.edition == summary.title) & (frame.area == area) & (frame.crime_type == crime_type)
                & (frame.measure == measure) & (frame.period == period)]
    return float(hit.value.iloc[0]) if len(hit) else math.nan


def _ask(generated: Generated, text: str):
    with vocab.using(generated.vocabulary):
        return answer_table(understand.parse(text), generated.tables), understand.parse(text)


def _states(text: str, value: float) -> bool:
    return any(same_number(n, value) for n in numbers_in(text))


# ------------------------------------------------------------ 1. a cell a summary does not print


def test_every_cell_asked_is_answered_or_refused_never_raised(generated):
    """Every area, crime type, measure and period of either edition: the printed figure or a plain refusal; a
    refusal for a cell the summary does not print states no figure at all."""
    with vocab.using(generated.vocabulary):
        for summary, area, crime_type, measure in product(generated.editions, (*generated.areas, generated.force),
                                                          CRIME_TYPES, (OFFENCES, SOLVED, SOLVED_RATE)):
            for period in (summary.period(), summary.period(1)):
                query = Query(text="", areas=(area,), crime_types=(crime_type,), measure=measure, periods=(period,))
                result = answer_table(query, generated.tables)
                printed = _cell(generated, summary, area, crime_type, measure, period)
                assert result is not None
                if math.isnan(printed):
                    assert not result.answerable and not result.figures
                    row = generated.frame[(generated.frame.area == area)
                                          & (generated.frame.crime_type == crime_type)]
                    assert not any(_states(result.text, value) for value in row.value if value >= 100)
                else:
                    assert result.answerable and _states(result.text, printed)


def test_changes_and_comparisons_of_unprinted_cells_are_refused_not_raised(generated):
    areas = generated.areas
    with vocab.using(generated.vocabulary):
        for crime_type in CRIME_TYPES[1:]:  # no solved rate printed for these rows
            change = Query(text="", areas=(areas[0],), crime_types=(crime_type,), measure=SOLVED_RATE, change=True)
            compare = Query(text="", areas=areas[:2], crime_types=(crime_type,), measure=SOLVED_RATE,
                            intent="compare")
            for query in (change, compare):
                result = answer_table(query, generated.tables)
                assert result is not None and not result.answerable and not result.figures


# ------------------------------------------------------------ 2. an edition named by its month


@pytest.mark.parametrize("words", ["in the {end} edition", "in the {end} summary", "in the {published} report",
                                   "according to the {end} figures"])
def test_an_edition_named_by_its_month_answers_not_the_latest(generated, words):
    older, newer = generated.editions
    names = {"end": MONTHS[older.month - 1].lower(), "published": MONTHS[int(older.published[5:7]) - 1]}
    area = generated.areas[2]
    for crime_type in CRIME_TYPES[1:]:
        result, query = _ask(generated, f"{crime_type.lower()} in {area} {words.format(**names)}")
        assert result is not None and result.answerable, result
        assert _states(result.text, _cell(generated, older, area, crime_type, OFFENCES, older.period()))
        assert all(figure.edition == older.title for figure in result.figures)
        assert older.period() in result.text and newer.period() not in result.text


def test_an_edition_no_summary_is_gives_not_found(generated):
    missing = next(m for m in MONTHS if m[:3].lower() not in
                   {MONTHS[s.month - 1][:3].lower() for s in generated.editions}
                   | {MONTHS[int(s.published[5:7]) - 1][:3].lower() for s in generated.editions})
    result, _ = _ask(generated, f"robbery in {generated.areas[0]} in the {missing} edition")
    assert result is not None and not result.answerable and not result.figures


def test_the_previous_edition_is_the_older_summary(generated):
    older, _ = generated.editions
    area = generated.areas[1]
    result, _ = _ask(generated, f"shoplifting in {area} in the previous edition")
    assert result.answerable
    assert _states(result.text, _cell(generated, older, area, "Shoplifting", OFFENCES, older.period()))


# ------------------------------------------------------------ 3. two editions compared


@pytest.mark.parametrize("words", ["how did {crime} in {area} change between the {a} and {b} editions?",
                                   "{crime} in {area}: {a} edition vs {b} edition?"])
def test_two_editions_compared_cite_both_cells(generated, words):
    older, newer = generated.editions
    area = generated.areas[3]
    for crime_type in CRIME_TYPES[1:]:
        text = words.format(crime=crime_type.lower(), area=area, a=MONTHS[older.month - 1], b=MONTHS[newer.month - 1])
        result, _ = _ask(generated, text)
        assert result is not None and result.answerable, text
        for summary in (older, newer):
            assert _states(result.text, _cell(generated, summary, area, crime_type, OFFENCES, summary.period()))
        assert {figure.edition for figure in result.figures} == {older.title, newer.title}


# ------------------------------------------------------------ 4. a ranking of areas beside their own total


def test_a_row_that_is_the_sum_of_the_others_is_not_ranked_among_them(generated):
    _, newer = generated.editions
    for crime_type in CRIME_TYPES[1:]:
        result, _ = _ask(generated, f"which area had the most {crime_type.lower()} in the "
                                    f"{newer.period()}?")
        best = max(generated.areas, key=lambda a: _cell(generated, newer, a, crime_type, OFFENCES, newer.period()))
        assert result.answerable
        assert result.text.split(" had ")[0].endswith(best), result.text
        assert generated.total not in {row.area for row in result.rows}


def test_a_named_area_without_a_figure_is_said_to_have_none_in_a_ranking(generated):
    """"Is X the worst for robbery?" where X prints no robbery solved rate: a ranking of the others, never a
    place made up for X (nor an exception)."""
    _, newer = generated.editions
    query = Query(text="", areas=(generated.areas[0],), crime_types=("Robbery",), measure=SOLVED_RATE,
                  intent="rank", rank=RankSpec(polar=True), periods=(newer.period(),))
    with vocab.using(generated.vocabulary):
        result = answer_table(query, generated.tables)
    assert result is not None and not result.figures


# ------------------------------------------------------------ 6. crime types ranked, and their everyday names


def test_crime_types_are_ranked_when_no_row_was_learned_to_add_up(generated):
    """The generated all-crime rows are more than the crime types printed, so no hierarchy is learned: the
    printed rows are ranked all the same, the total left out."""
    _, newer = generated.editions
    area = generated.areas[4]
    result, _ = _ask(generated, f"which crime type went up the most in percentage terms in {area}?")
    changes = {c: _cell(generated, newer, area, c, PERCENT_CHANGE[OFFENCES], newer.change_period)
               for c in CRIME_TYPES[1:]}
    best = max(changes, key=changes.get)
    assert result is not None and result.answerable, result
    assert [row.crime_type for row in result.rows] == [best]
    assert _states(result.text, changes[best])


def _alias_label() -> tuple[str, str]:
    """(a label to print, another alias of the same data entry): an entry's alias that shares no words with the
    entry's own label and no other entry's alias, printed as another force's label."""
    words = vocab.load()
    printed_here = {row_key(label) for label in CRIME_TYPES}
    data = {label: entry for label, entry in words.crime_types.items()  # not the rows printed beside it
            if label != words.all_crime and not {row_key(a) for a in (label, *entry.aliases)} & printed_here}
    owners: dict[frozenset, set[str]] = {}
    for label, entry in data.items():
        for alias in entry.aliases:
            owners.setdefault(row_key(alias), set()).add(label)
    for label, entry in sorted(data.items()):
        keys = {row_key(a): a for a in entry.aliases if len(a.split()) >= 2 and row_key(a) != row_key(label)
                and owners[row_key(a)] == {label} and not any(row_key(a) == row_key(other) for other in data)}
        if len(keys) >= 2:
            printed, other = list(keys.values())[:2]
            return printed.capitalize(), other
    pytest.skip("no crime-type entry with two aliases of their own")


def test_a_printed_label_that_is_an_alias_of_the_data_takes_its_everyday_names():
    printed, other = _alias_label()
    generated = _generate(5, ("All crime", printed, *CRIME_TYPES[1:]))
    older, newer = generated.editions
    area = generated.areas[0]
    result, query = _ask(generated, f"{other} in {area}")
    assert query.crime_types == (printed,)
    assert result.answerable and _states(result.text, _cell(generated, newer, area, printed, OFFENCES,
                                                             newer.period()))
