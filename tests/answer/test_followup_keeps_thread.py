"""Follow-ups that keep the thread of the conversation, over generated editions of a coined force
(`test_edition_tables._generate`) and coined topics: no name of the repo's corpora.

Classes:
- an area the tables only assumed (no area was named) is assumed afresh by a follow-up ("and in q3?"), so the
  summary that answers it gives its own whole area, while an area the user named is kept;
- a follow-up keeping a table answer's crime type ("how many were charged?") is not answered by passages that
  name none of the kept crime types: another row's figure would answer another question;
- "how many X were there?", naming no place, leans on the last answer (the place it gave), as "there" says.
"""

from __future__ import annotations

import random

import pytest

from assistant import understand, vocab
from assistant.answer.tables import answer_table
from assistant.answer.turns import leans_back
from assistant.engine import _kept_crime_unnamed, _marked_assumed
from assistant.records import Answer, Citation
from assistant.understand.followup import AREA_ASSUMED
from assistant.understand.query import OFFENCES, SOLVED_RATE

from generated_corpora import coined
from test_edition_tables import SEEDS, _cell, _generate, _states

TURNS = ("and the year before?", "and shoplifting?", "what about robbery?")


@pytest.fixture(scope="module", params=SEEDS)
def generated(request):
    return _generate(request.param)


def _answered_context(generated, text):
    query = understand.parse(text)
    result = answer_table(query, generated.tables)
    assert result is not None and result.answerable, result
    return _marked_assumed(result.context, query)


@pytest.mark.parametrize("turn", TURNS)
def test_an_assumed_area_is_assumed_afresh_and_a_named_one_kept(generated, turn):
    with vocab.using(generated.vocabulary):
        unnamed = _answered_context(generated, "how many robberies?")
        assert unnamed.areas and unnamed.extra.get(AREA_ASSUMED), unnamed
        follow = understand.parse(turn, unnamed)
        assert follow.is_followup and not follow.areas and not follow.extra.get(AREA_ASSUMED), follow
        result = answer_table(follow, generated.tables)
        assert result is not None and result.answerable and result.context.areas == unnamed.areas, result
        for area in generated.areas[:3]:
            named = _answered_context(generated, f"how many robberies in {area}?")
            assert not named.extra.get(AREA_ASSUMED), named
            assert understand.parse(turn, named).areas == (area,)


def test_the_whole_area_figure_a_follow_up_gives_is_the_printed_one(generated):
    with vocab.using(generated.vocabulary):
        unnamed = _answered_context(generated, "how many shoplifting offences?")
        follow = understand.parse("and robbery?", unnamed)
        result = answer_table(follow, generated.tables)
        newer = generated.editions[-1]
        assert _states(result.text, _cell(generated, newer, generated.force, "Robbery", OFFENCES, newer.period()))


def _answer(quote: str, locator: str = "Report › table") -> Answer:
    return Answer(text=f"“{quote}” [1]", answerable=True, question="",
                  citations=(Citation(1, "report.md", "Report", locator, quote),))


def test_passages_naming_none_of_the_kept_crime_types_do_not_answer_a_table_follow_up(generated):
    rng = random.Random(7)
    with vocab.using(generated.vocabulary):
        for area in generated.areas[:3]:
            context = understand.parse(f"how many robberies in {area}?")
            for turn in ("and how many were solved?", "what about the solved rate?"):
                query = understand.parse(turn, context)
                assert query.is_followup and query.crime_types == context.crime_types, query
                other = f"Shoplifting Recorded: {rng.randint(10, 900)} Solved: {rng.randint(1, 9)}"
                same = f"Robbery Recorded: {rng.randint(10, 900)} Solved: {rng.randint(1, 9)}"
                assert _kept_crime_unnamed(turn, query, _answer(other))
                assert not _kept_crime_unnamed(turn, query, _answer(same))
            own = understand.parse("how many shoplifting offences were solved?", context)
            assert not _kept_crime_unnamed(own.text, own, _answer(f"Shoplifting Solved: {rng.randint(1, 9)}"))


@pytest.mark.parametrize("seed", range(5))
def test_a_count_ending_on_there_leans_on_the_last_answer(seed):
    rng = random.Random(seed)
    noun = rng.choice(("asb incidents", "burglaries", "arrests", "calls", "dog fouling reports"))
    earlier = f"which ward had the most {rng.choice(('shoplifting', 'robberies', 'complaints'))}"
    assert leans_back(f"how many {noun} were there", earlier)
    assert leans_back(f"and how many {noun} were there?", earlier)
    assert not leans_back(f"how many {noun} were there in {rng.choice(('2023', 'the last year'))} across the county",
                          earlier)


# ------------------------------------------------------------ an order word the quote holds names the thing quoted

ROWS = ("sessions", "workshops", "patrols", "visits")


@pytest.fixture(scope="module")
def funded(tmp_path_factory):
    """One generated report: a table of coined projects, each with its funder, amount and a status naming when its
    first sessions (workshops, ...) were held."""
    from generated_corpora import coined_person, one_document_assistant

    rng = random.Random(41)
    projects = [(f"{coined(rng)} {coined(rng)} {kind}", rng.randint(10, 90) * 1000, day, kind)
                for day, kind in zip((4, 12, 19, 25), ROWS)]
    lines = ["# Community safety fund review", "", f"Report of {coined_person(rng)}, 9 February 2031.", "",
             "## Funded projects", "", "| Project | Funder | Amount | Status at 31 January 2031 |",
             "|---|---|---|---|"]
    lines += [f"| {name} | {coined(rng, 3)} Fund | £{amount:,} | First {kind} held {day} January 2031 |"
              for name, amount, day, kind in projects]
    engine = one_document_assistant(tmp_path_factory, "funded", "fund-review.md", "\n".join(lines) + "\n",
                                    "Community safety fund review", "Coined District Council", "report", "2031-02-09")
    return engine, projects


def test_an_order_word_the_quote_holds_asks_the_quote_again(funded):
    engine, projects = funded
    for name, amount, day, kind in projects:
        first = engine.ask_turns([f"what is {name} getting from the fund?"])
        assert f"{amount:,}" in first.text, first.text
        answer = engine.ask_turns([f"what is {name} getting from the fund?", f"when were their first {kind}?"])
        assert answer.answerable and f"{day} January 2031" in answer.text, answer.text


# ------------------------------------------------------------ a bare rate or count keeps what the table answer was about


@pytest.mark.parametrize("turn", ["what was the rate?", "as a rate?", "and what's that as a rate?"])
def test_a_bare_rate_after_solved_outcomes_is_the_solved_rate(generated, turn):
    with vocab.using(generated.vocabulary):
        for area in generated.areas[:3]:
            solved = understand.parse(f"how many robberies were solved in {area}?")
            query = understand.parse(turn, solved)
            assert query.is_followup and query.measure == SOLVED_RATE, query
            assert query.crime_types == solved.crime_types and query.areas == (area,), query
            assert not any(note.startswith("'rate") for note in query.notes), query.notes
            result = answer_table(query, generated.tables)
            newer = generated.editions[-1]
            printed = _cell(generated, newer, area, "Robbery", SOLVED_RATE, newer.period())
            assert result is not None, query
            # the printed solved rate, or a refusal when the summary prints none: never the count or a rate per head
            assert _states(result.text, printed) if result.answerable else printed != printed, result.text
            counted = understand.parse(f"how many robberies in {area}?")
            per_head = understand.parse("what was the rate per 1,000 residents?", solved)
            assert understand.parse(turn, counted).measure != SOLVED_RATE
            assert per_head.measure != SOLVED_RATE


def test_a_bare_count_after_a_ranking_keeps_its_crime_type(generated):
    with vocab.using(generated.vocabulary):
        for crime_type in ("Robbery", "Shoplifting"):
            ranked = understand.parse(f"which area had the most {crime_type.lower()}?")
            for turn in ("how many offences?", "and how many crimes?", "what number of offences was recorded?"):
                assert understand.parse(turn, ranked).crime_types == (crime_type,), turn
            assert understand.parse("how many offences in total?", ranked).crime_types != (crime_type,)


def test_a_captions_recorded_crime_is_not_the_row_quoted_under_it(generated):
    """After all crime, "how many were solved?" is not answered by other crime types' rows under a caption that says
    "Recorded crime by crime type": the caption describes the table, the rows quoted name other crime types."""
    rng = random.Random(11)
    with vocab.using(generated.vocabulary):
        for area in generated.areas[:3]:
            context = understand.parse(f"how much crime was recorded in {area}?")
            query = understand.parse("and how many were solved?", context)
            assert query.is_followup and query.crime_types == (vocab.ALL_CRIME,), query
            caption = "Report › Table 1: Recorded crime by crime type"
            other = f"Robbery Recorded: {rng.randint(10, 900)} Solved: {rng.randint(1, 9)}"
            assert _kept_crime_unnamed(query.text, query, _answer(other, caption))
            heading = f"Report › Table 2a: Robbery by area"
            assert not _kept_crime_unnamed("and how many were solved?", understand.parse(
                "and how many were solved?", understand.parse(f"how many robberies in {area}?")),
                _answer(f"{area} Recorded: {rng.randint(10, 900)}", heading))
