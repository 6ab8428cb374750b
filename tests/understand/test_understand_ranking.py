"""Rankings: direction, how many, by what, and over the areas or the crime types of one area.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.understand.query import SOLVED_RATE, RankSpec
from assistant.understand.question import parse
from understand_cases import chain, check


@pytest.mark.parametrize("text, spec", [
    ("Which district had the most burglaries?", RankSpec("highest", 1, "value")),
    ("Which district had the highest number of robberies?", RankSpec("highest", 1, "value")),
    ("Which area had the fewest burglaries?", RankSpec("lowest", 1, "value")),
    ("Which district had the lowest solved rate for burglary?", RankSpec("lowest", 1, "value")),
    ("Which district had the worst solved rate for burglary?", RankSpec("lowest", 1, "value")),
    ("Which district had the best solved rate for burglary?", RankSpec("highest", 1, "value")),
    ("Which district had the biggest rise in shoplifting?", RankSpec("highest", 1, "change")),
    ("Which district had the largest fall in burglary?", RankSpec("lowest", 1, "change")),
    ("Which district had the largest percentage fall in burglary?", RankSpec("lowest", 1, "% change")),
    ("What were the top 3 districts for car theft?", RankSpec("highest", 3, "value")),
    ("Top three areas for shoplifting", RankSpec("highest", 3, "value")),
    ("Which five districts had the most robberies?", RankSpec("highest", 5, "value")),
    ("Rank the districts by robbery", RankSpec("highest", 14, "value")),
    ("Where was shoplifting highest?", RankSpec("highest", 1, "value")),
])
def test_rank_questions(text, spec):
    query = parse(text)
    check(query, intent="rank", rank=spec)
    assert query.extra["rank_over"] == "areas"


@pytest.mark.parametrize("text, spec", [
    ("Which district saw the steepest percentage increase in drug trafficking?", RankSpec("highest", 1, "% change")),
    ("Which district had the sharpest fall in burglary?", RankSpec("lowest", 1, "change")),
    ("Which area saw the fastest rise in shoplifting?", RankSpec("highest", 1, "change")),
    ("Where was the strongest growth in robbery?", RankSpec("highest", 1, "change")),
])
def test_more_superlatives_of_change(text, spec):
    check(parse(text), intent="rank", rank=spec)


@pytest.mark.parametrize("text", [
    "Which district had the biggest per cent rise in shoplifting?",
    "Which district had the biggest pc rise in shoplifting?",
    "Where did shoplifting rise most in per cent?",
    "Which district's shoplifting went up most in percentage terms?",
])
def test_per_cent_ranks_by_the_percentage_change(text):
    check(parse(text), intent="rank", rank=RankSpec("highest", 1, "% change"), cues=False)


@pytest.mark.parametrize("text", [
    "Which district has the best overall solved rate right now?",
    "Which district has the lowest solved rate?",
    "Which area has the highest detection rate at the moment?",
    "Rank the districts by solved rate",
])
def test_a_ranked_measure_is_a_table_question_even_without_a_crime_type(text):
    query = parse(text)
    check(query, intent="rank", measure=SOLVED_RATE, crime_types=(), cues=False)
    assert query.has_table_signal and query.rank.over == "areas"


@pytest.mark.parametrize("text, area, spec", [
    ("Which crime rose most in Chelmsford?", "Chelmsford", RankSpec("highest", 1, "change", "crime types")),
    ("What are the top 3 crime types in Basildon?", "Basildon", RankSpec("highest", 3, "value", "crime types")),
    ("What was the most common crime in Harlow in 2024?", "Harlow", RankSpec("highest", 1, "value", "crime types")),
    ("Which offence fell the most in Southend in percentage terms?", "Southend",
     RankSpec("lowest", 1, "% change", "crime types")),
    ("Which type of crime had the highest solved rate in Colchester?", "Colchester",
     RankSpec("highest", 1, "value", "crime types")),
])
def test_ranking_the_crime_types_of_one_area(text, area, spec):
    query = parse(text)
    check(query, intent="rank", areas=(area,), crime_types=(), rank=spec)
    assert query.has_table_signal and not query.passage_cues and not query.outside_topic


def test_which_type_of_a_row_ranks_its_children():
    check(parse("Which type of theft rose most in Chelmsford?"), crime_types=("Theft",),
          rank=RankSpec("highest", 1, "change", "crime types"))


def test_which_crime_does_not_take_the_last_turns_crime_type():
    query = chain("How many burglaries in Chelmsford?", "Which crime rose most in Chelmsford?")
    check(query, crime_types=(), rank=RankSpec("highest", 1, "change", "crime types"))
    check(chain("Which crime rose most in Chelmsford?", "And in Harlow?"), areas=("Harlow",), crime_types=(),
          intent="rank", rank=RankSpec("highest", 1, "change", "crime types"))


@pytest.mark.parametrize("text", [
    "Show the number of residential burglaries per district.",
    "Residential burglary by district",
    "Give me residential burglary district by district",
    "Residential burglary in each district",
])
def test_per_district_lists_every_district(text):
    check(parse(text), intent="rank", crime_types=("Burglary Residential",),
          rank=RankSpec("highest", len(vocab.DISTRICT_AREAS), "value"))


def test_ranking_crime_types_within_one_area():
    query = parse("Which crime type rose most in Chelmsford?")
    check(query, intent="rank", areas=("Chelmsford",))
    assert query.extra["rank_over"] == "crime types"


@pytest.mark.parametrize("text, direction", [
    ("Which district saw the smallest change in all crime?", "lowest"),
    ("Which district had the biggest change in burglary?", "highest"),
    ("Where did shoplifting change the least?", "lowest"),
])
def test_a_change_with_no_direction_is_ranked_by_its_size(text, direction):
    rank = parse(text).rank
    assert rank.size and rank.by == "change" and rank.direction == direction


@pytest.mark.parametrize("text", ["Which district had the biggest rise in burglary?",
                                  "Which district had the largest fall in shoplifting?",
                                  "Which district had the most burglaries?"])
def test_a_rise_a_fall_or_a_level_is_not_ranked_by_size(text):
    assert not parse(text).rank.size


@pytest.mark.parametrize("text", [
    "How many crimes in total across all the districts?", "Total burglaries across all areas combined",
    "All the districts' shoplifting added up", "Every district's robberies together",
])
def test_a_total_over_every_district_is_the_forces_figure_not_a_list(text):
    query = parse(text)
    assert query.rank is None and query.areas == () and query.has_table_signal, query


@pytest.mark.parametrize("text", ["Rank all the districts for burglary", "Burglary in every district",
                                  "Shoplifting per district"])
def test_every_district_without_a_total_is_still_listed(text):
    query = parse(text)
    assert query.rank is not None and query.rank.n == len(vocab.DISTRICT_AREAS), query.rank


@pytest.mark.parametrize("level", ["neighbourhood", "neighbourhoods", "borough", "district"])
def test_a_word_for_an_area_level_is_no_topic_of_its_own(level):
    """"Which neighbourhood area had the most shoplifting?" asks the tables, like "which district ...?"."""
    query = parse(f"Which {level} area had the most shoplifting?")
    assert query.has_table_signal and not query.outside_topic
