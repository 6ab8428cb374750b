"""Revisions: two editions printing the same period, place and row with different figures.

The generator's next annual summary (to October 2025) reprints the 12 months to October 2024, which the real
October 2024 summary printed as its latest year, with about a fifth of the rows revised. The newest edition's
figure answers, and where the older edition printed something else the answer says so and cites both cells.
Expected figures come from the generator's own cells (`make_fixtures.figures`), never from numbers typed here.
"""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from assistant.config import PROJECT_ROOT
from assistant.ingest.measures import OFFENCES, SOLVED_RATE

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures
from generated_corpora import corpus_with, seeded_build

pytestmark = pytest.mark.slow

EDITIONS = make_fixtures.all_editions(CORPUS)
OCT, REVISED = EDITIONS["essex-2024-10"], EDITIONS["essex-2025-10"]
PERIOD = OCT.period(OCT.years[1])  # "12 months to October 2024": OCT's newer year, REVISED's older one
assert PERIOD == REVISED.period(REVISED.years[0])
_COLUMN = {(OCT.key, OFFENCES): "off_new", (REVISED.key, OFFENCES): "off_old",
           (OCT.key, SOLVED_RATE): "rate_new", (REVISED.key, SOLVED_RATE): "rate_old"}


def _printed(figures: pd.DataFrame, edition, measure: str) -> pd.Series:
    rows = figures[(figures["edition"] == edition.key) & (figures["column"] == _COLUMN[(edition.key, measure)])]
    return rows.set_index(["area", "crime_type"])["value"]


def _rows(measure: str) -> tuple[list, list]:
    """(area, crime type, October 2024's print, the revised print) for rows the revision changed and kept,
    districts only, leaves only (their printed labels name them unambiguously), in a fixed order."""
    figures = make_fixtures.figures(CORPUS)
    first, second = _printed(figures, OCT, measure), _printed(figures, REVISED, measure)
    both = pd.concat([first.rename("first"), second.rename("second")], axis=1, join="inner").dropna()
    both = both[[area in OCT.districts() for area, _ in both.index]]
    both = both[[key in OCT.layout.leaves() for _, key in both.index]]
    changed = [(a, c, r.first, r.second) for (a, c), r in both[both["first"] != both["second"]].iterrows()]
    kept = [(a, c, r.first, r.second) for (a, c), r in both[both["first"] == both["second"]].iterrows()]
    return changed, kept


CHANGED, KEPT = _rows(OFFENCES)
RATES_CHANGED, _ = _rows(SOLVED_RATE)


@pytest.fixture(scope="module")
def revised(tmp_path_factory, index_dir):
    from assistant.engine import Assistant

    out = tmp_path_factory.mktemp("revised-generated")
    make_fixtures.make_revised_edition(CORPUS, out)
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-revised"), out, (make_fixtures.REVISED_EDITION,))
    return Assistant.load(seeded_build(tmp_path_factory, "revised", corpus, index_dir)[1])


def _label(key: str) -> str:
    return OCT.layout.labels()[key].removeprefix("- ")


def test_the_generator_revises_some_rows_and_keeps_others():
    assert len(CHANGED) >= 10 and len(KEPT) >= 10 and RATES_CHANGED


@pytest.mark.parametrize("area,crime_type,first,second", CHANGED[::max(1, len(CHANGED) // 6)][:6])
def test_a_revised_figure_answers_from_the_newest_edition_and_states_the_earlier_print(revised, area, crime_type,
                                                                                         first, second):
    answer = revised.ask(f"How many {_label(crime_type)} offences in {area} in the {PERIOD}?")
    assert answer.answerable, answer.text
    stated = {(f.edition, f.value) for f in answer.figures if f.area == area and f.period == PERIOD}
    assert (REVISED.title, second) in stated and (OCT.title, first) in stated, answer.text
    assert "revised" in answer.text and OCT.title in answer.text
    markers = {c.n for c in answer.citations}
    assert len(markers) == 2 and all(f"[{n}]" in answer.text for n in markers)
    assert answer.text.index(f"[{min(markers)}]") < answer.text.index(OCT.title)  # the newest figure comes first


@pytest.mark.parametrize("area,crime_type,first,second", KEPT[::max(1, len(KEPT) // 4)][:4])
def test_a_figure_both_editions_print_alike_is_not_called_revised(revised, area, crime_type, first, second):
    answer = revised.ask(f"How many {_label(crime_type)} offences in {area} in the {PERIOD}?")
    assert answer.answerable and "revised" not in answer.text, answer.text
    assert {f.edition for f in answer.figures} == {REVISED.title}
    assert [f.value for f in answer.figures] == [second]


@pytest.mark.parametrize("area,crime_type,first,second", RATES_CHANGED[:2])
def test_a_revised_rate_is_stated_as_a_rate(revised, area, crime_type, first, second):
    answer = revised.ask(f"What was the solved rate for {_label(crime_type)} in {area} in the {PERIOD}?")
    assert {(f.edition, f.value) for f in answer.figures} >= {(REVISED.title, second), (OCT.title, first)}
    assert "solved rate" in answer.text.split(OCT.title, 1)[1]


def test_a_change_is_worked_out_in_the_newest_edition_and_the_older_print_is_only_mentioned(revised):
    area, crime_type, first, second = CHANGED[0]
    answer = revised.ask(f"Has {_label(crime_type)} gone up in {area}?")
    change_figures = [f for f in answer.figures if f.edition == REVISED.title]
    assert change_figures and {f.edition for f in answer.figures} <= {REVISED.title, OCT.title}
    assert any(f.value == second for f in change_figures)
    assert [f.value for f in answer.figures if f.edition == OCT.title] == [first]
