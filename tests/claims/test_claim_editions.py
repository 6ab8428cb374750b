"""A claim is judged against every edition that covers it (issue 9): with the board's next quarterly summary
(to January 2025, written by `scripts/make_fixtures.py`) beside the October one, a claim with no period is
decided by the latest edition and says so, and a figure true only for the older edition makes it mixed, naming
each edition's period. Expected figures come from the generator's own editions, never typed here.
"""

from __future__ import annotations

import sys

import pytest

from assistant.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures  # noqa: E402
from generated_corpora import corpus_with, seeded_build  # noqa: E402
from fixtures.expected import direction, shown  # noqa: E402

pytestmark = pytest.mark.slow
EDITIONS = make_fixtures.all_editions(CORPUS)
OCT, JAN = EDITIONS["essex-2024-10"], EDITIONS["essex-2025-01"]


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory, index_dir):
    """The real corpus plus the January 2025 summary, indexed from a copy of the session's index."""
    from assistant.engine import Assistant

    generated = tmp_path_factory.mktemp("claims-generated")
    make_fixtures.make_next_edition(CORPUS, generated)
    corpus = corpus_with(tmp_path_factory.mktemp("claims-corpus"), generated, (make_fixtures.NEXT_EDITION,))
    return Assistant.load(seeded_build(tmp_path_factory, "claims", corpus, index_dir)[1])


def _change_claim(edition, area: str, period: bool) -> str:
    happened, _, size = direction(shown(edition, area, "Shoplifting", "off_pct"))
    when = f" in the {edition.period(edition.years[1])}" if period else ""
    return f"Shoplifting in {area} {happened} by {size}%{when}."


@pytest.mark.parametrize("area", ["Colchester", "Basildon", "Harlow"])
def test_no_period_is_judged_by_the_latest_edition_and_says_so(two_editions, area):
    answer = two_editions.check(_change_claim(JAN, area, period=False))
    assert answer.verdict == "supported", answer.text
    assert f"latest period, the {JAN.period(JAN.years[1])}" in answer.text


@pytest.mark.parametrize("area", ["Colchester", "Basildon", "Harlow"])
def test_a_figure_true_only_for_the_older_edition_is_mixed_and_names_each(two_editions, area):
    older, latest = shown(OCT, area, "Shoplifting", "off_pct"), shown(JAN, area, "Shoplifting", "off_pct")
    assert older != latest  # the generator moved the figure on
    answer = two_editions.check(_change_claim(OCT, area, period=False))
    assert answer.verdict == "mixed", answer.text
    for edition in (OCT, JAN):
        assert edition.period(edition.years[1]) in answer.text
    assert OCT.period(OCT.years[1]) in answer.suggestion  # "if quoting it, say it is for ..."


@pytest.mark.parametrize("edition", [OCT, JAN], ids=["october", "january"])
def test_a_stated_period_is_judged_by_the_edition_that_prints_it(two_editions, edition):
    answer = two_editions.check(_change_claim(edition, "Colchester", period=True))
    assert answer.verdict == "supported", answer.text
    other = JAN if edition is OCT else OCT
    assert other.period(other.years[1]) not in answer.text
