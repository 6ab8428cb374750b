"""Rankings across the areas of a workbook laid out across (areas as columns, each printed line one measure for every
area): every area ranked is cited to its own cell, so a tie or a top n drawn from one printed line is answered, not
withheld as "cited to another row". The workbook is generated (`tests/ingest/part_year_summaries`: another invented
force's district over part of a year), with two areas tied at the bottom or top of the ranking.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest"))
from part_year_summaries import CRIMES, TOTAL, make_summary, write_across_xlsx  # noqa: E402

CRIME = CRIMES[2]


def _with_a_tie(seed: int, lowest: bool):
    """A summary whose first two areas share the lowest (or highest) positive outcome rate for CRIME, with the
    district's and all-crime figures summed again so the workbook still adds up."""
    s = make_summary(seed, "half_year")
    tied = (300, 400, 4) if lowest else (300, 400, 396)
    for area in s.areas[:2]:
        s.crimes_by[(area, CRIME)] = tied
    for area in s.areas[2:]:
        s.crimes_by[(area, CRIME)] = (300, 400, 100)
    s.crimes_by[(s.district, CRIME)] = tuple(sum(s.crimes_by[(a, CRIME)][i] for a in s.areas) for i in range(3))
    for area in (*s.areas, s.district):
        s.crimes_by[(area, TOTAL)] = tuple(sum(s.crimes_by[(area, c)][i] for c in s.crimes) for i in range(3))
    return s


@pytest.fixture(scope="module", params=[(0, True), (1, False)])
def ranked(request, tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    seed, lowest = request.param
    summary = _with_a_tie(seed, lowest)
    corpus = tmp_path_factory.mktemp(f"across-tie-{seed}")
    write_across_xlsx(corpus / f"{summary.district.lower()}-summary.xlsx", summary)
    index = tmp_path_factory.mktemp(f"across-tie-index-{seed}")
    build_index(corpus, index)
    return summary, lowest, Assistant.load(index)


@pytest.mark.slow
def test_areas_tied_on_one_printed_line_are_each_cited_to_their_own_cell(ranked):
    summary, lowest, assistant = ranked
    word = ("lowest", "worst") if lowest else ("highest", "best")
    for question in (f"which area had the {word[0]} positive outcome rate for {CRIME.lower()} {summary.short()}",
                     f"{word[1]} solved rate for {CRIME.lower()} by neighbourhood {summary.long()}"):
        answer = assistant.ask(question)
        assert answer.answerable, answer.text
        named = {figure.area for figure in answer.figures}
        assert set(summary.areas[:2]) <= named, answer.text
        expected = summary.rate(summary.areas[0], CRIME)
        tied = [figure for figure in answer.figures if figure.area in summary.areas[:2]]
        assert all(figure.value == expected for figure in tied), answer.text
        assert len({figure.citation for figure in tied}) == 2, answer.text  # one citation each
        cited = {citation.n: citation for citation in answer.citations}
        for figure in tied:  # each cited to its own area's cell
            assert figure.area in cited[figure.citation].locator + cited[figure.citation].title, answer.text
