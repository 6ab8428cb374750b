"""The right document, the wrong line: classes found on passages_blind_h and unseen_city_blind, each pinned by a
rule on plain text and by the real engine on documents this test writes (indexed with the real build).

Classes: a table's header row given as the answer; the row keyed by another reference ("A25/14" for "A25/18");
"across all four teams" answered by no row when the table has a total; a question about two items of a list
answered with one and the lead line ("They include:"); "how many now?" answered from an older document.
Names, references and figures come from a seeded generator; expected answers are the generator's own values.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import table_rows
from generated_corpora import coined, coined_person

SEED = 20260416


@pytest.mark.parametrize("question, row, other", [
    ("who owns action A25/18 and what is its deadline?", "A25/14\tLeaflet drop\tPriya Lanyon\t31 October 2025",
     ("A25/18", "A25/14")),
    ("who owns action A25/18?", "A25/18\tHome visits\tRachel Quayle\t31 December 2025", None),
    ("who owns action A25/18?", "Tarnley Town\t14\t8", None),  # a row keyed by no reference
    ("who owns action A25/18?", "2\tDeclarations of interest\tChair", None),  # another scheme of numbering
    ("who owns action CSP-04?", "CSP-07\tReview\tSam Hale", ("CSP-04", "CSP-07")),
    ("who owns the leaflet action?", "A25/14\tLeaflet drop\tPriya Lanyon", None),  # no reference asked
])
def test_a_row_keyed_by_another_reference_is_about_that_one(question, row, other):
    assert table_rows.other_code(question, row) == other


@pytest.mark.parametrize("row, total", [
    ("Total\tSergeants: 5\tPolice constables: 33", True),
    ("Grand total\t12\t40", True),
    ("Total (all teams)\t12\t40", True),
    ("Tarnley Town\tSergeants: 2\tPolice constables: 14", False),
    ("Tarnley Town\tAll crime\t3,911", False),  # a crime type called "All crime" in a district's row
    ("Total crime fell by 4%.", False),  # prose
])
def test_a_total_row_is_keyed_as_the_sum_of_the_others(row, total):
    assert table_rows.is_total_row(row) is total


@pytest.mark.parametrize("question, aggregate", [
    ("How many police constables are there across all four neighbourhood teams?", True),
    ("How many PCSOs are there in total?", True),
    ("How many sergeants do the three teams have combined?", True),
    ("How many PCSOs does the Tarnley Town team have?", False),
])
def test_a_question_about_all_the_rows_together(question, aggregate):
    assert table_rows.asks_aggregate(question) is aggregate


# --- the real engine on documents this test writes -----------------------------------------------------------

def _assistant(tmp_path_factory, name: str, documents: list[tuple[str, str, str, str]]):
    """An engine over Markdown documents given as (file, title, date, text), each with its manifest entry,
    indexed for real."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(name)
    for file, _, _, text in documents:
        (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": "Borough Council", "kind": "minutes", "date": date}
        for file, title, date, _ in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"{name}-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    """A board's papers: an action log keyed by references, a staffing table with a total row, and a list of
    ways residents meet officers under "They include:"; and a newer set of minutes restating one figure."""
    rng = random.Random(SEED)
    council, scheme = coined(rng), f"{coined(rng)} Watch"
    owners = [coined_person(rng) for _ in range(3)]
    refs = [f"K{rng.randint(21, 29)}/{n:02d}" for n in range(rng.randint(3, 9), 100)][:3]
    deadlines = ["12 March 2025", "30 April 2025", "31 May 2025"]
    teams = [f"{coined(rng)} {side}" for side in ("North", "South", "East")]
    staff = [(rng.randint(1, 3), rng.randint(4, 15), rng.randint(2, 9)) for _ in teams]
    totals = tuple(sum(column) for column in zip(*staff))
    members = sorted(rng.sample(range(30, 90), 2))
    visits = rng.randint(12, 40)
    log = "\n".join(f"| {ref} | Report on item {n + 4} | {owner} | {deadline} |"
                     for n, (ref, owner, deadline) in enumerate(zip(refs, owners, deadlines)))
    table = "\n".join(f"| {team} | {a} | {b} | {c} |" for team, (a, b, c) in zip(teams, staff))
    papers = f"""# {council} Community Safety Board

## Action log

| Ref | Action | Owner | Deadline |
|---|---|---|---|
{log}

## Neighbourhood officers

The table below shows the officers in the three neighbourhood teams at 1 February 2025.

| Team | Sergeants | Constables | Wardens |
|---|---|---|---|
{table}
| Total | {totals[0]} | {totals[1]} | {totals[2]} |

## Meeting residents

Residents meet officers in several ways across {council}. They include:

- Street surgeries - weekly sessions held in each ward where residents raise problems
- Ward panels - quarterly panels held to agree local priorities
- Online alerts - messages about crime in the area

## Retail crime

{scheme}, the radio scheme that links shops, now has {members[0]} members.

## Home safety

By the end of January, {visits} of 50 home safety visits to older tenants had been carried out.
"""
    later = f"""# {council} Community Safety Board minutes

## Retail crime

Funding for {scheme} was renewed for another year. The scheme now has {members[1]} members, including 6 in the
market.

## Home safety

The programme of home safety visits to older tenants finished in May, with 50 of 50 visits carried out.
"""
    engine = _assistant(tmp_path_factory, "rows", [
        ("board-papers-2025-02.md", f"{council} Community Safety Board", "2025-02-10", papers),
        ("board-minutes-2025-06.md", f"{council} Community Safety Board minutes", "2025-06-12", later)])
    return engine, dict(refs=refs, owners=owners, deadlines=deadlines, teams=teams, staff=staff, totals=totals,
                        members=members, scheme=scheme, visits=visits)


@pytest.mark.parametrize("n", range(3))
def test_the_row_keyed_by_the_reference_asked_answers_it_with_its_header(board, n):
    engine, made = board
    answer = engine.ask(f"Who owns action {made['refs'][n]}, and what is its deadline?")
    assert made["owners"][n] in answer.text and made["deadlines"][n] in answer.text, answer.text
    assert not any(owner in answer.text for k, owner in enumerate(made["owners"]) if k != n), answer.text
    assert "Owner" in answer.text  # the row is read with its header


def test_a_header_row_is_never_the_answer_alone(board):
    engine, made = board
    answer = engine.ask("Which neighbourhood teams are listed in the officers table?")
    assert any(team in answer.text for team in made["teams"]), answer.text


def test_all_the_teams_together_are_answered_by_the_total_row(board):
    engine, made = board
    answer = engine.ask("How many constables are there across all three neighbourhood teams?")
    assert str(made["totals"][1]) in answer.text and "Total" in answer.text, answer.text


def test_a_question_about_two_items_of_a_list_gets_both(board):
    engine, _ = board
    answer = engine.ask("How often are street surgeries and ward panels held?")
    assert "weekly" in answer.text and "quarterly" in answer.text, answer.text


def test_now_is_the_newest_documents_figure(board):
    engine, made = board
    answer = engine.ask(f"How many members does {made['scheme']} have now?")
    assert str(made["members"][1]) in answer.text, answer.text
    assert str(made["members"][0]) not in answer.text, answer.text
    # asked of a named time, the older figure still stands
    earlier = engine.ask(f"How many members did {made['scheme']} have in February 2025?")
    assert str(made["members"][1]) not in earlier.text, earlier.text


@pytest.mark.parametrize("question", ["Have all the home safety visits to older tenants been carried out?",
                                      "Are the home safety visits to older tenants finished yet?"])
def test_a_question_of_how_things_stand_takes_the_newest_documents_word(board, question):
    engine, made = board
    answer = engine.ask(question)
    assert "50 of 50" in answer.text and f"{made['visits']} of 50" not in answer.text, answer.text
