"""The classes of claim a press officer writes (issue 12): rates as ratios or points, compound claims, hedges and
fractions at their edges, a named source's own words, comparisons of areas, figures that belong to another period.

The pure rules are tested on their own; the end-to-end tests read the real corpus through the session engine.
Expected verdicts and figures were read from the corpus by eye (see the notes in questions/claims_*.jsonl).
"""

from __future__ import annotations

import json
import re

import pytest

from assistant.answer.guard import uncited_numbers
from assistant.claims.amounts import FRACTIONS, find_amounts
from assistant.claims.compound import split_claim
from assistant.claims.directions import DOWN, MULTIPLES, UP, direction_in
from assistant.claims.parse import parse_claim
from assistant.claims.rates import judge_rate_change
from assistant.claims.tolerance import claim_range, judge_value
from assistant.claims.verdict import CONTRADICTED, MIXED, NOT_FOUND, SUPPORTED
from assistant.config import PROJECT_ROOT
from assistant.vocab.load import DIRECTION_GROUPS, directions

T = " in the 12 months to October 2024."


# ---------------------------------------------------------------- a rate's change: ratio or points


@pytest.mark.parametrize("words, before, after, diff, backs", [
    ("more than doubled", 36.4, 79.2, 42.8, True),  # Rochford drug trafficking: 218% of the earlier rate
    ("more than doubled", 36.4, 70.0, 33.6, False),
    ("nearly doubled", 18.8, 35.2, 16.4, True),  # 187%: a bit below double
    ("nearly doubled", 18.8, 38.0, 19.2, False),  # over double is not "nearly"
    ("more than tripled", 11.9, 38.9, 26.9, True),
    ("halved", 37.6, 24.2, -13.4, False),  # a fall of a third, not a half
    ("halved", 20.0, 10.0, -10.0, True),
    ("fell by about a third", 28.1, 18.8, -9.3, True),
    ("rose by almost a fifth", 15.2, 18.1, 2.8, True),  # 119.1%
    ("rose by about 40%", 9.5, 13.3, 3.8, True),
])
def test_a_rate_changing_by_a_multiple_or_fraction_is_a_ratio(words, before, after, diff, backs):
    amount = find_amounts(words)[0]
    reading = judge_rate_change(amount, before, after, diff, points=False)
    assert reading.ok is backs
    assert reading.share == pytest.approx(round(after / before * 100, 1))
    if amount.worded:  # a fraction or multiple in words is never a number of points
        assert "percentage points" not in reading.reason


@pytest.mark.parametrize("words, diff, backs", [("2.8 points", 2.8, True), ("3 percentage points", 2.8, True),
                                                ("2 points", 2.8, False)])
def test_points_are_a_difference(words, diff, backs):
    shape = parse_claim(f"The solved rate rose by {words}.")
    assert shape.points
    reading = judge_rate_change(shape.amount, 15.2, 18.1, diff, points=shape.points)
    assert reading.ok is backs and reading.share is None


def test_a_bare_percentage_of_a_rate_gives_both_readings_when_they_disagree():
    amount = find_amounts("rose by 3%")[0]
    reading = judge_rate_change(amount, 15.2, 18.1, 2.8, points=False)
    assert not reading.ok  # read as relative (119.1%), it is wrong
    assert "percentage points" in reading.reason and "would back" in reading.reason


@pytest.mark.parametrize("text", ["Castle Point's robbery solved rate more than tripled.", "Points of view differ."])
def test_a_place_called_point_is_not_percentage_points(text):
    assert not parse_claim(text).points


# ---------------------------------------------------------------- hedges and fractions, at their edges


@pytest.mark.parametrize("claimed, inside, outside", [
    ("about a fifth", (18.0, 20.0, 22.0), (17.9, 22.1)),
    ("a fifth", (18.0, 21.9), (17.5, 22.5)),
    ("about a quarter", (22.5, 27.5), (22.4, 27.6)),
    ("around a third", (30.0, 36.6), (29.9, 36.8)),
    ("about a sixth", (15.0, 16.7, 18.3), (14.9, 18.4)),
    ("almost a fifth", (17.0, 20.0), (16.9, 20.1)),
    ("nearly a third", (28.4, 33.3), (28.2, 33.4)),
    ("almost 6%", (5.4, 6.0), (5.3, 6.1)),
    ("about 6%", (5.5, 6.4, 6.5), (5.4, 6.6)),  # "about X" is never stricter than "X" (5.5 to 6.5)
    ("about 40%", (38.0, 42.0), (37.9, 42.1)),  # and at least five per cent either way
    ("more than a fifth", (20.1,), (19.9, 20.0)),
    ("just over a quarter", (25.1, 27.4), (25.0, 27.6)),
    ("nearly doubled", (85.0, 100.0), (84.9, 100.1)),
    ("more than halved", (50.1, 80.0), (49.9, 50.0)),
    ("doubled", (90.0, 110.0), (89.9, 110.1)),
])
def test_hedges_and_fractions_at_their_edges(claimed, inside, outside):
    amount = find_amounts(claimed)[0]
    for value in inside:
        assert judge_value(amount, value, 1), f"{claimed!r} should back {value}"
    for value in outside:
        assert not judge_value(amount, value, 1), f"{claimed!r} should not back {value}"


def test_neighbouring_unit_fractions_never_overlap():
    """Within a tenth either way, no unit fraction in words backs the value of another ("a fifth" never 16.7%)."""
    units = {words: value for words, value in FRACTIONS.items() if words.startswith(("a ", "an ")) or words == "half"}
    for words, value in units.items():
        reach = claim_range(find_amounts(f"about {words}")[0])
        for other, other_value in units.items():
            if other_value != value:
                assert not reach.contains(other_value), f"about {words} reaches {other}"


@pytest.mark.parametrize("words, value", [("a sixth", 100 / 6), ("an eighth", 12.5), ("three tenths", 30.0),
                                          ("two fifths", 40.0), ("three quarters", 75.0)])
def test_fraction_words(words, value):
    amount = find_amounts(f"fell by {words}")[0]
    assert amount.worded and amount.value == pytest.approx(value)


# ---------------------------------------------------------------- the one direction vocabulary


def test_the_direction_vocabulary_is_data_and_every_pattern_compiles():
    words = directions()
    assert set(words.groups) == set(DIRECTION_GROUPS)
    for name in DIRECTION_GROUPS:
        assert words.groups[name]
        re.compile(words.pattern(name))


@pytest.mark.parametrize("word", sorted(MULTIPLES))
def test_every_multiple_reads_its_own_way(word):
    change, direction = MULTIPLES[word]
    assert direction_in(f"Burglary {word}.") == direction and change > 0


@pytest.mark.parametrize("text, direction", [("Burglary went up.", UP), ("Crime is down.", DOWN),
                                             ("Crime cut by police.", DOWN), ("High risk cases.", None)])
def test_directions(text, direction):
    assert direction_in(text) == direction  # "risk" is not a rise


def test_ranking_and_yes_no_read_the_same_vocabulary():
    from assistant.answer.tables import facts
    from assistant.understand import ranking
    rise = directions().groups["rise"]
    for pattern in (ranking._UP, facts._UP):
        assert all(word in pattern.pattern for word in rise)


# ---------------------------------------------------------------- compound claims


@pytest.mark.parametrize("claim, parts", [
    ("In Maldon, anti-social behaviour rose by 11% while all crime fell" + T,
     ["In Maldon, anti-social behaviour rose by 11% in the 12 months to October 2024.",
      "All crime fell in the 12 months to October 2024 in Maldon."]),
    ("Shoplifting in Braintree rose by half and the shoplifting solved rate there also went up" + T,
     ["Shoplifting in Braintree rose by half in the 12 months to October 2024.",
      "The shoplifting solved rate also went up in the 12 months to October 2024 in Braintree."]),
    ("The Essex Police press release said crime across Essex fell by almost 6% and antisocial behaviour reports "
     "fell by more than a third.",
     ["The Essex Police press release said crime across Essex fell by almost 6%.",
      "The Essex Police press release said antisocial behaviour reports fell by more than a third."]),
    ("Chelmsford's public order offences fell by 19.4% and its stalking and harassment fell by 15.5%" + T,
     ["Chelmsford's public order offences fell by 19.4% in the 12 months to October 2024.",
      "Its stalking and harassment fell by 15.5% in the 12 months to October 2024 in Chelmsford."]),
    ("The PFCC statement says that last year total crime fell by 6% and anti-social behaviour by 49%.",
     ["The PFCC statement says that last year total crime fell by 6%.",
      "The PFCC statement says that anti-social behaviour fell by 49% last year."]),  # the first part's verb and year
])
def test_a_compound_claim_splits_into_parts_that_stand_alone(claim, parts):
    assert split_claim(claim) == parts


@pytest.mark.parametrize("claim", [
    "Across Essex, stalking and harassment fell by 15.7%" + T,
    "The PFCC says murder and burglary are both down by over 40%.",
    "Crime fell by between 5% and 10% in 2024.",
    "Essex Police recorded 9,470 fewer crimes and antisocial behaviour.",
])
def test_one_assertion_is_not_split(claim):
    assert split_claim(claim) == [claim]


# ---------------------------------------------------------------- end to end on the real corpus


def _check(engine, claim):
    answer = engine.check(claim)
    assert not uncited_numbers(answer, claim), answer.text  # every number shown is cited or the claim's own
    return answer


def test_a_compound_claim_shows_each_part_with_its_verdict(engine):
    answer = _check(engine, "Burglary in Basildon rose by 44% and shoplifting there rose by about a fifth" + T)
    assert answer.verdict == MIXED
    assert [p.verdict for p in answer.parts] == [SUPPORTED, CONTRADICTED]
    assert "first part" in answer.text and "second part" in answer.text
    numbers = {c.n for c in answer.citations}
    for part in answer.parts:  # each part's evidence, numbered as in the whole answer
        assert part.citations and {c.n for c in part.citations} <= numbers
        assert set(re.findall(r"\[(\d+)\]", part.text)) <= {str(n) for n in numbers}
    assert "44.0" in answer.parts[0].text and "1.2" in answer.parts[1].text  # each part its own row
    assert answer.to_dict()["parts"][1]["verdict"] == CONTRADICTED


def test_every_part_true_is_supported(engine):
    answer = _check(engine, "In Chelmsford, sexual offences rose by about a fifth while robbery fell by more than a "
                            "quarter" + T)
    assert answer.verdict == SUPPORTED and len(answer.parts) == 2


@pytest.mark.parametrize("claim, verdict, shown", [
    ("Southend's all-crime solved rate rose by almost a fifth" + T, SUPPORTED, "119.1%"),
    ("The shoplifting solved rate in Rochford halved" + T, CONTRADICTED, "64.4%"),
    ("Southend's all-crime solved rate rose by 2.8 percentage points" + T, SUPPORTED, "2.8"),
])
def test_a_rate_claim_is_judged_by_the_reading_its_words_carry(engine, claim, verdict, shown):
    answer = _check(engine, claim)
    assert answer.verdict == verdict and shown in answer.text


@pytest.mark.parametrize("claim, verdict, figures", [
    ("Colchester recorded more shoplifting offences than Chelmsford" + T, CONTRADICTED, ("1,305", "1,465")),
    ("Southend recorded more domestic abuse offences than any other district" + T, SUPPORTED, ("2,880", "2,785")),
    ("Maldon recorded fewer crimes than any other district" + T, SUPPORTED, ("3,390",)),
])
def test_areas_compared_from_their_printed_cells(engine, claim, verdict, figures):
    answer = _check(engine, claim)
    assert answer.verdict == verdict
    assert all(figure in answer.text for figure in figures)


def test_a_claim_about_what_a_source_said_is_judged_by_that_source(engine):
    answer = _check(engine, "The Echo reported that drug offences in Southend rose.")
    assert answer.verdict == CONTRADICTED and "did not change" in answer.text
    assert {c.document for c in answer.citations} == {"echo-2021-southend-crime-falls.txt"}


def test_an_off_period_figure_names_its_own_period_and_cites_it(engine):
    answer = _check(engine, "Violent crime in Basildon rose by 6%" + T)
    assert answer.verdict == CONTRADICTED
    assert "12 months to March 2021" in answer.text
    assert any("increase of 6%" in c.quote for c in answer.citations)
    assert "12 months to March 2021" in answer.suggestion


def test_a_figure_for_no_covered_period_is_not_found_but_its_period_is_named(engine):
    answer = _check(engine, "Knife enabled crime across Essex fell by 11.2%" + T)
    assert answer.verdict == NOT_FOUND and not answer.answerable
    assert "12 months to December 2023" in answer.text and answer.citations


def test_supported_claims_get_wording_to_quote(engine):
    answer = _check(engine, "Shoplifting in Harlow rose by 16.6%.")
    assert answer.verdict == SUPPORTED
    assert "16.6%" in answer.suggestion and "12 months to October 2024" in answer.suggestion


def _items(name):
    return [json.loads(line) for line in (PROJECT_ROOT / "questions" / name).read_text().splitlines() if line]


@pytest.mark.parametrize("item", _items("claims_classes.jsonl"), ids=lambda item: item["id"])
def test_the_class_set(engine, item):
    answer = _check(engine, item["claim"])
    assert answer.verdict == item["verdict"], answer.text
    for expected in item["expected"]:
        assert expected in answer.text or expected in answer.suggestion
