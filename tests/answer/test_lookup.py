"""Known-answer tests for the table look-up: exact figures, the rows they cite, and nothing uncited.

Expected figures were read from the agenda pack's performance tables by eye (and with awk over the raw
file), never produced by the code under test. Queries are built directly, not through `understand`.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.config import corpus_dir
from corpus_periods import PERIOD_2023, PERIOD_2024, PERIOD_CHANGE

# Learned from the catalogue: the one policing area that is not a district, and the force total.
EXCLUDED = "Stansted Airport, a policing area rather than a district, and the force total are left out."
from assistant.ingest.corpus import load_corpus
from assistant.answer.tables import (COMPUTED_MEASURES, DIFFERENCE, SHARE, TableIndex, scope_sentence,
                                     TableResult, answer_table)
from assistant.text.numbers import numbers_in, same_number
from assistant.vocab import ALL_CRIME
from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query, RankSpec
from assistant import vocab
from assistant.ingest.performance import performance_frame
from assistant.store.build import with_area_names

AGENDA = "one-chelmsford-board-2024-12-05-agenda-pack.md"
DISTRICTS = ["Chelmsford", "Braintree", "Uttlesford", "Maldon", "Colchester", "Tendring", "Southend",
             "Castle Point", "Rochford", "Basildon", "Thurrock", "Epping Forest", "Harlow", "Brentwood"]

ASB = "Anti-Social Behaviour (incidents)"  # the real corpus's incidents row (test data)


@pytest.fixture(scope="session")
def documents():
    return {doc.id: doc for doc in load_corpus(corpus_dir()).documents}


@pytest.fixture(scope="session")
def frame(documents):
    return with_area_names(performance_frame(documents.values()), vocab.load())


@pytest.fixture(scope="session")
def index(frame):
    return TableIndex(frame)


def ask(index, text: str = "", **slots) -> TableResult | None:
    return answer_table(Query(text=text, **slots), index)


def cited(result: TableResult) -> list[tuple[str, str, str]]:
    return [(row.area, row.row_label, row.column_label) for row in result.rows]


def uncited(result: TableResult, documents) -> list[float]:
    """Numbers in the text found neither in a cited row as printed nor among the computed figures.

    A row is taken from the document by its span, as the caller quotes it; the table's "Rolling 12 Months to
    October" heading and its 2023/2024 column years stand behind every period phrase.
    """
    allowed = {12.0, 2023.0, 2024.0}
    for row in result.rows:
        allowed.update(numbers_in(documents[row.source_document].text[row.row_start:row.row_end]))
    allowed.update(abs(f.value) for f in result.figures if f.measure in COMPUTED_MEASURES)
    return [n for n in numbers_in(result.text) if not any(same_number(n, a) for a in allowed)]


# ---------------------------------------------------------------- single look-ups (the sample questions' slots)

LOOKUPS = [
    (dict(areas=("Chelmsford",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(PERIOD_2024,)),
     "1,465", ("Chelmsford", "- Shoplifting", "Offences 2024"), 1465),
    (dict(areas=("Southend",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE, periods=(PERIOD_2024,)),
     "18.1%", ("Southend", ALL_CRIME, "Solved Rates % 2024"), 18.1),
    (dict(areas=("Braintree",), crime_types=("Burglary Residential",), measure=OFFENCES, periods=(PERIOD_2023,)),
     "337", ("Braintree", "- Burglary Residential", "Offences 2023"), 337),
    (dict(areas=("Thurrock",), crime_types=("Stalking and Harassment",), measure=DA_SHARE, periods=(PERIOD_2024,)),
     "33.6%", ("Thurrock", "- Stalking and Harassment", "% DA 2024"), 33.6),
    (dict(areas=("Essex",), crime_types=("Theft from a Vehicle",), measure=OFFENCES, periods=(PERIOD_2024,)),
     "5,568", ("Essex", "- Theft from a Vehicle", "Offences 2024"), 5568),
    (dict(areas=("Basildon",), crime_types=("Possession of Drugs",), measure=SOLVED, periods=(PERIOD_2024,)),
     "381", ("Basildon", "- Possession of Drugs", "Solved Outcomes 2024"), 381),
    (dict(areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(PERIOD_2024,)),
     "14.2%", ("Harlow", "Robbery", "Solved Rates % 2024"), 14.2),
    (dict(areas=("Tendring",), crime_types=("Domestic Abuse",), measure=OFFENCES, periods=(PERIOD_2024,)),
     "2,605", ("Tendring", "Domestic Abuse", "Offences 2024"), 2605),
    (dict(areas=("Stansted Airport",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(PERIOD_2023,)),
     "71", ("Stansted Airport", "- Shoplifting", "Offences 2023"), 71),
]


@pytest.mark.parametrize("slots, shown, row, value", LOOKUPS)
def test_single_lookup_states_the_printed_figure_and_cites_its_row(index, slots, shown, row, value):
    result = ask(index, **slots)
    assert result.answerable
    assert f"{shown} " in result.text or f"{shown}%" in result.text or result.text.startswith(shown)
    assert "[1]" in result.text
    assert cited(result) == [row]
    assert [(f.value, f.row) for f in result.figures] == [(value, 1)]
    assert result.figures[0].measure == slots["measure"] and result.figures[0].period == slots["periods"][0]


@pytest.mark.parametrize("slots, expected", [
    (dict(areas=("Chelmsford",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(PERIOD_2024,)),
     "In Chelmsford, 1,465 shoplifting offences were recorded in the 12 months to October 2024 [1]."),
    (dict(areas=("Southend",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE, periods=(PERIOD_2024,)),
     "The solved rate for all crime in Southend was 18.1% in the 12 months to October 2024 [1]."),
    (dict(areas=("Thurrock",), crime_types=("Stalking and Harassment",), measure=DA_SHARE, periods=(PERIOD_2024,)),
     "33.6% of stalking and harassment offences in Thurrock were domestic-abuse related in the 12 months to "
     "October 2024 [1]."),
    (dict(areas=("Chelmsford",), crime_types=(ASB,), change=True, intent="change"),
     "Anti-social behaviour in Chelmsford fell from 1,317 to 1,203 incidents (-114, -8.7%) between the "
     "12 months to October 2023 and October 2024 [1]."),
])
def test_house_wording(index, slots, expected):
    assert ask(index, **slots).text == expected


def test_row_span_is_the_printed_row(index, documents):
    row = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting",), measure=OFFENCES,
              periods=(PERIOD_2024,)).rows[0]
    assert row.source_document == AGENDA and row.table_title == "Chelmsford"
    assert documents[AGENDA].text[row.row_start:row.row_end].split("\t") == \
        ["- Shoplifting", "0.0", "1450", "1465", "15", "1.0", "253", "332", "79", "31.2", "17.4", "22.7", "5.2"]


def test_tendring_is_cited_from_the_table_headed_trending(index):
    result = ask(index, areas=("Tendring",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(PERIOD_2024,))
    assert "890" in result.text and result.rows[0].table_title == "Trending" and result.rows[0].area == "Tendring"


# ---------------------------------------------------------------- defaults and context

def test_defaults_are_filled_and_said(index):
    result = ask(index, crime_types=("Shoplifting",))
    assert result.text.startswith("Across Essex (force-wide), 13,407 shoplifting offences were recorded in the "
                                  "12 months to October 2024 [1].")
    assert "as no area was named" in result.text and "the latest period" in result.text
    assert result.context.areas == ("Essex",) and result.context.measure == OFFENCES
    assert result.context.periods == (PERIOD_2024,) and result.context.crime_types == ("Shoplifting",)


def test_no_crime_type_means_all_crime(index):
    result = ask(index, areas=("Southend",), measure=SOLVED_RATE, periods=(PERIOD_2024,))
    assert "18.1%" in result.text and "all crime, as no crime type was named" in result.text
    assert result.rows[0].crime_type == ALL_CRIME and result.context.crime_types == (ALL_CRIME,)


def test_vague_words_from_understanding_are_stated(index):
    note = "'last year' read as the 12 months to October 2024"
    result = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting",), periods=(PERIOD_2024,), notes=(note,))
    assert note in result.text and "1,465" in result.text


def test_both_years_asked_gives_the_change(index):
    result = ask(index, areas=("Braintree",), crime_types=("Burglary Residential",), periods=(PERIOD_2023, PERIOD_2024))
    assert "337" in result.text and result.context.change and result.context.periods == (PERIOD_2023, PERIOD_2024)


# ---------------------------------------------------------------- change and yes/no

def test_asb_change_gives_both_years_and_both_printed_differences(index):
    result = ask(index, "By how much did anti-social behaviour change in Chelmsford?", areas=("Chelmsford",),
                 crime_types=(ASB,), change=True, intent="change")
    assert "-114" in result.text and "-8.7%" in result.text and "1,317" in result.text and "1,203" in result.text
    assert cited(result) == [("Chelmsford", ASB, "Offences # diff.")]
    assert {(f.measure, f.period, f.value) for f in result.figures} == {
        ("offences", PERIOD_2023, 1317), ("offences", PERIOD_2024, 1203),
        ("offences change", PERIOD_CHANGE, -114), ("offences % change", PERIOD_CHANGE, -8.7)}
    assert list(result.chart["value"]) == [1317, 1203]


@pytest.mark.parametrize("text, first", [
    ("Did sexual offences rise in Chelmsford?", "Yes"),
    ("Have sexual offences gone up in Chelmsford?", "Yes"),
    ("Did sexual offences fall in Chelmsford?", "No"),
])
def test_yes_no_change_question(index, text, first):
    result = ask(index, text, areas=("Chelmsford",), crime_types=("Sexual Offences",), change=True)
    assert result.text.startswith(first + ",")
    assert "+21.9%" in result.text and "525" in result.text and "640" in result.text and "+115" in result.text


def test_how_much_question_gets_no_yes(index):
    result = ask(index, "How much did sexual offences rise in Chelmsford?", areas=("Chelmsford",),
                 crime_types=("Sexual Offences",), change=True)
    assert result.text.startswith("Sexual offences in Chelmsford rose from 525 to 640")


def test_solved_rate_change_uses_the_printed_point_difference(index):
    result = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting",), measure=SOLVED_RATE, change=True)
    assert "went up 5.2 percentage points, from 17.4% to 22.7%" in result.text
    assert cited(result) == [("Chelmsford", "- Shoplifting", "Solved Rates % pt. diff.")]


def test_printed_point_difference_is_kept_even_when_rounded_rates_differ(index):
    # Chelmsford all crime prints 13.1 -> 14.9 with a printed difference of 1.7, not 1.8.
    result = ask(index, areas=("Chelmsford",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE, change=True)
    assert "1.7 percentage points" in result.text and "1.8" not in result.text


def test_solved_outcomes_change(index):
    result = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting",), measure=SOLVED, change=True)
    assert "Solved outcomes for shoplifting in Chelmsford rose from 253 to 332" in result.text
    assert "(+79, +31.2%)" in result.text


def test_change_without_printed_percentage(index):
    # Stansted Airport, miscellaneous crimes against society: solved outcomes 0 -> 1, # diff 1, % diff "-".
    result = ask(index, areas=("Stansted Airport",), crime_types=("Miscellaneous Crimes against Society",),
                 measure=SOLVED, change=True)
    assert "from 0 to 1" in result.text and "+1; no percentage change is printed" in result.text


# ---------------------------------------------------------------- rank

def test_highest_domestic_abuse_offences_among_districts(index):
    result = ask(index, crime_types=("Domestic Abuse",), measure=OFFENCES, periods=(PERIOD_2024,), intent="rank",
                 rank=RankSpec())
    assert result.answerable and "Southend" in result.text and "2,880 [1]" in result.text
    assert cited(result) == [("Southend", "Domestic Abuse", "Offences 2024")]
    assert EXCLUDED in result.text and "fourteen districts" in result.text
    chart = result.chart
    assert list(chart.columns[:3]) == ["area", "value", "highlight"]
    assert sorted(chart["area"]) == sorted(DISTRICTS)
    assert list(chart["value"]) == sorted(chart["value"], reverse=True)
    assert list(chart.loc[chart["highlight"], "area"]) == ["Southend"]


def test_lowest_leaves_out_stansted_airport_zero(index):
    # Stansted Airport prints 0 domestic abuse offences; Brentwood's 639 is the lowest district.
    result = ask(index, crime_types=("Domestic Abuse",), periods=(PERIOD_2024,), rank=RankSpec("lowest", 1))
    assert cited(result) == [("Brentwood", "Domestic Abuse", "Offences 2024")] and "639" in result.text
    assert "Stansted Airport (" not in result.text


def test_top_three_lowest_shoplifting(index):
    result = ask(index, crime_types=("Shoplifting",), periods=(PERIOD_2024,), rank=RankSpec("lowest", 3))
    assert [row.area for row in result.rows] == ["Maldon", "Uttlesford", "Rochford"]
    assert "the three with the fewest" in result.text
    assert "Maldon (132) [1], Uttlesford (230) [2] and Rochford (256) [3]" in result.text
    assert list(result.chart.loc[result.chart["highlight"], "area"]) == ["Maldon", "Uttlesford", "Rochford"]


def test_biggest_rise_by_printed_difference(index):
    result = ask(index, crime_types=("Shoplifting",), rank=RankSpec("highest", 1, "change"))
    assert cited(result) == [("Thurrock", "- Shoplifting", "Offences # diff.")] and "+427" in result.text
    assert "largest rise" in result.text and "between the 12 months to October 2023 and October 2024" in result.text


def test_biggest_fall_is_the_only_district_that_fell(index):
    # Rochford (-15) is the only district whose shoplifting fell; Stansted Airport's -6 is left out.
    result = ask(index, crime_types=("Shoplifting",), rank=RankSpec("lowest", 1, "change"))
    assert cited(result) == [("Rochford", "- Shoplifting", "Offences # diff.")] and "-15" in result.text


@pytest.mark.parametrize("direction", ["highest", "lowest"])
@pytest.mark.parametrize("crime_type", ["Shoplifting", "Burglary", "Robbery", ALL_CRIME])
def test_a_change_ranked_by_size_takes_the_biggest_or_smallest_either_way(index, direction, crime_type):
    """Property over the printed differences: the district named is the one whose change is furthest from (or
    nearest to) zero, whichever way it went, shown with its sign."""
    result = ask(index, crime_types=(crime_type,), rank=RankSpec(direction, 1, "change", size=True))
    assert result.answerable and "rise or fall" in result.text, result.text
    shown = float(re.search(r": ([+-]?[\d,]+) \[1\]", result.text).group(1).replace(",", ""))
    sizes = sorted(abs(value) for value in result.chart["value"])
    assert abs(shown) == (sizes[-1] if direction == "highest" else sizes[0]), (shown, sizes)
    assert "No district recorded" not in result.text


@pytest.mark.parametrize("areas", [("Harlow", "Basildon"), ("Maldon", "Rochford", "Thurrock")])
@pytest.mark.parametrize("crime_type", ["Burglary", "Shoplifting", ALL_CRIME])
def test_a_combined_count_is_the_sum_of_the_cited_figures(index, areas, crime_type):
    result = ask(index, areas=areas, crime_types=(crime_type,), periods=(PERIOD_2024,), extra={"combined": True})
    read = [f.value for f in result.figures if f.measure not in COMPUTED_MEASURES]
    total = next(f.value for f in result.figures if f.measure == "sum of cited figures")
    assert len(read) == len(areas) and total == sum(read)
    assert f"total {sum(read):,.0f}, the sum of the cited figures" in result.text


def test_a_rate_is_never_summed(index):
    result = ask(index, areas=("Harlow", "Basildon"), crime_types=(ALL_CRIME,), measure=SOLVED_RATE,
                 periods=(PERIOD_2024,), extra={"combined": True})
    assert "sum of the cited figures" not in result.text


def test_ties_are_said_and_not_cut(index):
    # Uttlesford and Maldon both print 692 domestic abuse offences, next after Brentwood's 639.
    result = ask(index, crime_types=("Domestic Abuse",), periods=(PERIOD_2024,), rank=RankSpec("lowest", 2))
    assert [row.area for row in result.rows] == ["Brentwood", "Uttlesford", "Maldon"]
    assert "Uttlesford and Maldon are tied" in result.text


def test_rank_among_named_areas(index):
    result = ask(index, areas=("Chelmsford", "Basildon", "Harlow"), crime_types=("Shoplifting",),
                 periods=(PERIOD_2024,), rank=RankSpec())
    assert cited(result) == [("Basildon", "- Shoplifting", "Offences 2024")] and "three named areas" in result.text
    assert EXCLUDED not in result.text


def test_rank_of_rates_drops_missing_and_warns_over_100(index):
    # Homicide solved rates 2024: Chelmsford 150.0; Uttlesford, Tendring, Southend, Epping Forest, Brentwood 100.0;
    # the other eight districts print "-".
    result = ask(index, crime_types=("Homicide",), measure=SOLVED_RATE, periods=(PERIOD_2024,),
                 rank=RankSpec("highest", 1))
    assert cited(result) == [("Chelmsford", "- Homicide", "Solved Rates % 2024")] and "150.0%" in result.text
    assert "six districts with a printed figure" in result.text
    assert len(result.chart) == 6 and any("do not quote it as a rate" in c for c in result.caveats)


def test_crime_types_of_one_area_ranked_by_rise(index):
    # Chelmsford's most detailed rows: Other Sexual Offences 291 -> 361 (+70) is the largest rise.
    result = ask(index, areas=("Chelmsford",), rank=RankSpec("highest", 1, "change", "crime types"))
    assert result.answerable and cited(result) == [("Chelmsford", "- Other Sexual Offences", "Offences # diff.")]
    assert "other sexual offences had the largest rise in offences" in result.text and "+70 [1]" in result.text
    assert "Only the most detailed rows" in result.text and EXCLUDED not in result.text
    chart = result.chart
    assert list(chart.columns[:3]) == ["crime_type", "value", "highlight"] and len(chart) == 27
    assert not {"all crime", "theft offences", "domestic abuse", "anti-social behaviour"} & set(chart["crime_type"])
    assert list(chart.loc[chart["highlight"], "crime_type"]) == ["other sexual offences"]


def test_crime_types_of_one_area_ranked_by_fall(index):
    # Chelmsford: Stalking and Harassment -285 and Public Order -282 are the two largest falls.
    result = ask(index, areas=("Chelmsford",), rank=RankSpec("lowest", 2, "change", "crime types"))
    assert cited(result) == [("Chelmsford", "- Stalking and Harassment", "Offences # diff."),
                             ("Chelmsford", "Public Order", "Offences # diff.")]
    assert "stalking and harassment (-285) [1] and public order offences (-282) [2]" in result.text


@pytest.mark.parametrize("crime_type, spec, label, shown, pool", [
    ("Theft", RankSpec("highest", 1, "value", "crime types"), "- Shoplifting", "1,465", "four types of theft"),
    ("Vehicle Offences (incl. Interference)", RankSpec("lowest", 1, "change", "crime types"),
     "- Theft from a Vehicle", "-176", "three types of vehicle offences"),
    ("Drug Offences", RankSpec("highest", 1, "value", "crime types"), "- Possession of Drugs", "378",
     "two types of drug offences"),
])
def test_which_type_of_a_row_ranks_its_children(index, crime_type, spec, label, shown, pool):
    result = ask(index, areas=("Chelmsford",), crime_types=(crime_type,), periods=(PERIOD_2024,), rank=spec)
    assert [row.row_label for row in result.rows] == [label] and f"{shown} [1]" in result.text
    assert pool in result.text and "Only the most detailed rows" not in result.text


def test_ranking_every_crime_type_states_no_count_in_digits(index):
    result = ask(index, areas=("Harlow",), measure=SOLVED_RATE, periods=(PERIOD_2024,),
                 rank=RankSpec("highest", 49, "value", "crime types"))
    assert result.text.startswith("Ranked from the highest solved rate in the 12 months to October 2024, the "
                                  "detailed crime types in Harlow were ")
    assert len(result.rows) == len(result.chart) > 16 and not re.search(r"\bthe \d+ with\b", result.text)


def test_crime_types_ranked_in_two_areas_number_their_citations_in_order(index):
    result = ask(index, areas=("Chelmsford", "Harlow"), rank=RankSpec("highest", 1, "change", "crime types"))
    assert [row.area for row in result.rows] == ["Chelmsford", "Harlow"]
    assert "+70 [1]" in result.text and "[2]" in result.text
    assert result.text.count("Only the most detailed rows") == 1


def test_crime_types_ranked_without_an_area_use_the_force_table(index, frame):
    query = Query(text="", rank=RankSpec("highest", 1, "value", "crime types"), periods=(PERIOD_2024,))
    result = answer_table(query, index)
    assert cited(result) == [("Essex", "- Violence without Injury", "Offences 2024")]
    assert "no area was named" in result.text
    assert answer_table(query, frame).text == result.text  # a raw frame keeps every row for the ranking


# ---------------------------------------------------------------- compare and share

def test_compare_shoplifting_southend_basildon(index):
    result = ask(index, areas=("Southend", "Basildon"), crime_types=("Shoplifting",), periods=(PERIOD_2024,),
                 intent="compare")
    assert "1,656 in Southend [1]" in result.text and "1,728 in Basildon [2]" in result.text
    assert cited(result) == [("Southend", "- Shoplifting", "Offences 2024"),
                             ("Basildon", "- Shoplifting", "Offences 2024")]
    assert "The figure for Basildon is higher, by 72." in result.text
    assert [(f.value, f.measure) for f in result.figures if f.measure == DIFFERENCE] == [(72, DIFFERENCE)]
    assert list(result.chart["value"]) == [1656, 1728]


def test_compare_change_charts_both_years(index):
    result = ask(index, areas=("Southend", "Basildon"), crime_types=("Shoplifting",), change=True, intent="compare")
    assert "from 1,304 to 1,656" in result.text and "from 1,708 to 1,728" in result.text
    assert "The rise was larger for Southend." in result.text
    assert set(result.chart["period"]) == {PERIOD_2023, PERIOD_2024} and len(result.chart) == 4


def test_compare_rates_in_points(index):
    result = ask(index, areas=("Southend", "Basildon"), crime_types=(ALL_CRIME,), measure=SOLVED_RATE,
                 periods=(PERIOD_2024,))
    assert "18.1% in Southend [1]" in result.text and "13.8% in Basildon [2]" in result.text
    assert "higher, by 4.3 percentage points" in result.text


def test_compare_two_crime_types_in_one_area(index):
    result = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting", "Burglary"), periods=(PERIOD_2024,))
    assert "1,465 for shoplifting [1]" in result.text and "759 for burglary [2]" in result.text
    assert "higher, by 706" in result.text


def test_share_of_shoplifting_in_theft(index):
    # Chelmsford 2024: shoplifting 1,465 of theft 2,994 -> 48.93%.
    result = ask(index, areas=("Chelmsford",), crime_types=("Shoplifting",), share_of="Theft", intent="share",
                 periods=(PERIOD_2024,))
    assert "48.9%" in result.text and "computed from the two cited figures" in result.text
    assert "1,465 [1]" in result.text and "2,994 [2]" in result.text
    assert cited(result) == [("Chelmsford", "- Shoplifting", "Offences 2024"), ("Chelmsford", "- Theft", "Offences 2024")]
    assert [f.value for f in result.figures if f.measure == SHARE] == [48.9]


@pytest.mark.parametrize("area, part, whole, period, share, counts", [
    ("Basildon", "Burglary Residential", "Burglary", PERIOD_2024, "74.9%", ("804", "1,073")),
    ("Essex", "Possession of Drugs", "Drug Offences", PERIOD_2024, "68.6%", ()),
    ("Essex", "Robbery of business property", "Robbery", PERIOD_2024, "13.1%", ()),
    ("Chelmsford", "Rape - Under 16 yrs", "Rape", PERIOD_2024, "21.1%", ("59", "279")),
    ("Rochford", "Theft of a Vehicle", "Vehicle Offences (incl. Interference)", PERIOD_2024, "60.4%", ()),
    ("Castle Point", "State Based Crime", ALL_CRIME, PERIOD_2023, "17.8%", ()),
    ("Epping Forest", "Theft from a Vehicle", "Vehicle Offences (incl. Interference)", PERIOD_2024, "41.7%", ()),
])
def test_share_of_a_sub_row_in_its_parent(index, documents, area, part, whole, period, share, counts):
    result = ask(index, areas=(area,), crime_types=(part,), share_of=whole, intent="share", periods=(period,))
    assert result.answerable and share in result.text and period in result.text
    assert [row.crime_type for row in result.rows] == [part, whole]
    assert all(f"{count} [{n}]" in result.text for n, count in enumerate(counts, start=1))
    assert uncited(result, documents) == []


# ---------------------------------------------------------------- missing values, caveats, refusals

@pytest.mark.parametrize("slots", [
    dict(areas=("Chelmsford",), crime_types=(ASB,), measure=SOLVED_RATE, periods=(PERIOD_2024,)),
    dict(areas=("Chelmsford",), crime_types=(ASB,), measure=DA_SHARE, periods=(PERIOD_2024,)),
    dict(areas=("Braintree",), crime_types=("Homicide",), measure=SOLVED_RATE, periods=(PERIOD_2023,)),
    dict(areas=("Chelmsford",), crime_types=(ASB,), measure=SOLVED, change=True),
])
def test_missing_value_is_not_available_never_zero(index, slots):
    result = ask(index, **slots)
    assert not result.answerable and "not available" in result.text
    assert 0 not in numbers_in(result.text) and not result.figures and len(result.rows) == 1


def test_rate_over_100_gets_a_caveat(index):
    result = ask(index, areas=("Chelmsford",), crime_types=("Homicide",), measure=SOLVED_RATE, periods=(PERIOD_2024,))
    assert "150.0%" in result.text and result.answerable
    assert len(result.caveats) == 1 and "do not quote it as a rate" in result.caveats[0]


def test_ordinary_rate_has_no_caveat(index):
    assert ask(index, areas=("Southend",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE).caveats == ()


def test_domestic_abuse_share_for_2023_is_not_printed(index):
    result = ask(index, areas=("Thurrock",), crime_types=("Stalking and Harassment",), measure=DA_SHARE,
                 periods=(PERIOD_2023,))
    assert not result.answerable and "33.6%" in result.text and "only for the 12 months to October 2024" in result.text


@pytest.mark.parametrize("slots, reason", [
    (dict(crime_types=("Burglary",), unknown_places=("Cambridge",), periods=(PERIOD_2024,)), "Cambridge"),
    (dict(areas=("Chelmsford",), crime_types=("Shoplifting",), out_of_scope=("the tables do not cover 2015",)),
     "2015"),
    (dict(areas=("Chelmsford",), crime_types=("Shoplifting",), periods=("12 months to March 2021",)),
     "12 months to March 2021"),
])
def test_out_of_scope_refuses_and_says_what_is_available(index, slots, reason):
    result = ask(index, **slots)
    assert not result.answerable and reason in result.text and result.text.endswith(scope_sentence(index))
    assert result.rows == () and result.figures == ()


@pytest.mark.parametrize("slots", [
    dict(areas=("Essex",)),  # no crime type and no measure: not a table question
    dict(),
    dict(areas=("Chelmsford",), crime_types=("Council Tax",)),
    dict(areas=("Narnia",), measure=OFFENCES),
])
def test_not_a_usable_table_question(index, slots):
    assert ask(index, **slots) is None


# ---------------------------------------------------------------- every number is cited

GUARDED = [q for q, *_ in LOOKUPS] + [
    dict(areas=("Chelmsford",), crime_types=(ASB,), change=True),
    dict(areas=("Chelmsford",), crime_types=("Sexual Offences",), change=True),
    dict(areas=("Chelmsford",), crime_types=("Shoplifting",), measure=SOLVED_RATE, change=True),
    dict(areas=("Essex",), crime_types=("Rape - Under 16 yrs",), change=True),
    dict(areas=("Chelmsford",), crime_types=(ASB,), measure=SOLVED_RATE),
    dict(areas=("Chelmsford",), crime_types=("Homicide",), measure=SOLVED_RATE),
    dict(crime_types=("Domestic Abuse",), rank=RankSpec()),
    dict(crime_types=("Shoplifting",), rank=RankSpec("lowest", 3)),
    dict(crime_types=("Shoplifting",), rank=RankSpec("highest", 5, "% change")),
    dict(crime_types=("Burglary",), measure=SOLVED_RATE, rank=RankSpec("lowest", 2, "change")),
    dict(crime_types=("Homicide",), measure=SOLVED_RATE, rank=RankSpec("highest", 3)),
    dict(areas=("Southend", "Basildon"), crime_types=("Shoplifting",), intent="compare"),
    dict(areas=("Southend", "Basildon", "Harlow"), crime_types=("Shoplifting",), change=True, intent="compare"),
    dict(areas=("Southend", "Basildon"), measure=SOLVED_RATE, intent="compare"),
    dict(areas=("Chelmsford",), crime_types=("Shoplifting",), share_of="Theft", intent="share"),
    dict(areas=("Harlow",), crime_types=("Burglary Residential",), share_of="Burglary", measure=SOLVED,
         intent="share"),
    dict(areas=("Maldon",), measure=DA_SHARE),
    dict(areas=("Chelmsford",), rank=RankSpec("highest", 3, "% change", "crime types")),
    dict(areas=("Harlow",), measure=SOLVED_RATE, periods=(PERIOD_2024,), rank=RankSpec("highest", 49, "value",
                                                                                         "crime types")),
    dict(areas=("Harlow", "Basildon"), measure=SOLVED_RATE, rank=RankSpec("highest", 2, "value", "crime types")),
    dict(areas=("Southend",), crime_types=("Theft",), measure=SOLVED, rank=RankSpec("lowest", 1, "change",
                                                                                   "crime types")),
]


@pytest.mark.parametrize("slots", GUARDED)
def test_every_number_in_the_text_is_in_a_cited_row(index, documents, slots):
    result = ask(index, **slots)
    assert result is not None and result.rows
    assert uncited(result, documents) == []
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", result.text)}
    assert markers == set(range(1, len(result.rows) + 1))
    assert all(1 <= f.row <= len(result.rows) for f in result.figures)


@settings(max_examples=200, deadline=None)
@given(area=st.sampled_from(["Essex", "Stansted Airport", *DISTRICTS]),
       row=st.integers(min_value=0, max_value=48),
       slot=st.sampled_from([(OFFENCES, PERIOD_2023), (OFFENCES, PERIOD_2024), (SOLVED, PERIOD_2023),
                             (SOLVED, PERIOD_2024), (SOLVED_RATE, PERIOD_2023), (SOLVED_RATE, PERIOD_2024),
                             (DA_SHARE, PERIOD_2024)]))
def test_any_cell_is_stated_exactly_or_declared_missing(index, frame, documents, area, row, slot):
    measure, period = slot
    cell = frame[(frame["area"] == area) & (frame["row_order"] == row) & (frame["measure"] == measure)
                 & (frame["period"] == period)].iloc[0]
    result = ask(index, areas=(area,), crime_types=(cell["crime_type"],), measure=measure, periods=(period,))
    assert (result.rows[0].area, result.rows[0].row_label) == (area, cell["row_label"])
    if math.isnan(cell["value"]):
        assert not result.answerable and not result.figures and "not available" in result.text
    else:
        assert result.answerable and [f.value for f in result.figures] == [cell["value"]]
        assert float(cell["printed"]) in numbers_in(result.text)
    assert uncited(result, documents) == []
