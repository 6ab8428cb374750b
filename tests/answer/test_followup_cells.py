"""Follow-ups that pick rows of a table by what their cells hold, over a board's agenda pack written here (invented
names from a seeded generator; no name of the repo's corpora).

The pack lists who attends (with their roles), an agenda whose rows name each item's lead, an action log (action,
owner, deadline, status) and a staffing table (one team with no vacancies). Each expected answer is read from the
generator's values.

Classes: "when is she next reporting to the committee?" after "who is the district commander?" is the line dating
her next report after the pack's own date, though it names her by her role alone; "who owns the <thing> one?" after
the open actions is the row of the action whose cells name the thing; "which of them has no vacancies?" / "the most
vacancies" after the staffing table is the row of that value in the Vacancies column, never another team's; "which
items is he presenting at the <month> board?" after "who is the <role>?" is every agenda row naming that person as
lead, never an action log row or a row of another person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, coined_person, one_document_assistant

SEED = 20261209
PACK = "partnership-board-2026-01-15-agenda-pack.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Pack:
    board: str
    manager: str  # the community safety manager: lead of two agenda items, owner of the open camera action
    commander: str  # lead of the police item, owner of the open visits action
    analyst: str
    items: tuple[str, str]  # the manager's agenda items
    thing: str  # what the manager's open action is about
    teams: tuple[str, str, str, str]  # the third has no vacancies, the second the most
    vacancies: tuple[int, int, int, int]
    return_month: str  # when the committee invited the district commander to report again


def make_pack(rng: random.Random) -> Pack:
    thing = f"{coined(rng)}cam"
    return Pack(board=f"Safer {coined(rng)} Board", manager=coined_person(rng), commander=coined_person(rng),
                analyst=coined_person(rng),
                items=(f"{coined(rng)}watch retail scheme progress report", f"{coined(rng)} underpass bid update"),
                thing=thing, teams=tuple(coined(rng, 3) for _ in range(4)),
                vacancies=(1, rng.randint(3, 5), 0, 2),
                return_month=rng.choice(["July", "September", "October", "November"]))


def pack_text(p: Pack) -> str:
    return "\n".join([
        f"# {p.board}: agenda pack for the meeting of 15 January 2026", "", "## Present", "",
        "| Name | Role | Organisation |", "|---|---|---|",
        f"| {p.manager} | Community Safety Manager | Borough Council |",
        f"| Chief Inspector {p.commander} | District Commander | Police |",
        f"| {p.analyst} | Research Officer | Borough Council |", "",
        "## Agenda", "", "| Item | Subject | Lead |", "|---|---|---|",
        "| 1 | Welcome and apologies | Chair |",
        f"| 2 | Police update and performance | Chief Inspector {p.commander} |",
        f"| 3 | {p.items[0]} | {p.manager} |",
        f"| 4 | Residents survey results | {p.analyst} |",
        f"| 5 | {p.items[1]} | {p.manager} |",
        "| 6 | Any other business | Chair |", "",
        "## Action log", "", "| Ref | Action | Owner | Deadline | Status |", "|---|---|---|---|---|",
        f"| B1 | Deliver leaflets to all households | Chief Inspector {p.commander} | 31 October 2025 | Complete |",
        f"| B2 | Report on {p.thing} camera faults | {p.manager} | 15 January 2026 | Open |",
        f"| B3 | Arrange home safety visits for tenants | Chief Inspector {p.commander} | 31 December 2025 | Open |",
        "", "## Neighbourhood staffing", "",
        "The table below shows the neighbourhood teams and their vacancies.", "",
        "| Neighbourhood team | Sergeants | Constables | Vacancies |", "|---|---|---|---|",
        *(f"| {team} | {k + 1} | {6 + 2 * k} | {gap} |" for k, (team, gap) in enumerate(zip(p.teams, p.vacancies))),
        f"| Total | 10 | 36 | {sum(p.vacancies)} |", "",
        "## Scrutiny", "",
        f"Chief Inspector {p.commander} presented the policing report to the Scrutiny Committee on 12 January 2026.",
        "Members asked about response times in rural areas.",
        f"The Scrutiny Committee invited the District Commander to report again in {p.return_month} 2026.", ""])


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    p = make_pack(random.Random(SEED))
    engine = one_document_assistant(tmp_path_factory, "cells", PACK, pack_text(p), f"{p.board} (15 January 2026)",
                                    "Borough Council", "agenda pack", "2026-01-15")
    return engine, p


@pytest.mark.parametrize("follow_up", ["who owns the {thing} one?", "and what's the deadline for the {thing} one?"])
def test_a_word_of_one_quoted_row_picks_that_row(board, follow_up):
    engine, p = board
    first = "Which actions were still open in the action log?"
    opened = engine.ask(first)
    assert p.thing in opened.text and "visits" in opened.text, opened.text
    answer = engine.ask_turns([first, follow_up.format(thing=p.thing)])
    assert answer.answerable and p.thing in answer.text and p.manager in answer.text, answer.text
    assert "visits" not in answer.text, answer.text  # the other open action is not the one pointed at


@pytest.mark.parametrize(("follow_up", "team"), [("which of them has no vacancies?", 2),
                                                 ("which of them has the most vacancies?", 1)])
def test_a_value_of_a_column_picks_the_rows_holding_it(board, follow_up, team):
    engine, p = board
    answer = engine.ask_turns(["Which neighbourhood teams are listed in the staffing table?", follow_up])
    assert answer.answerable and p.teams[team] in answer.text, answer.text
    assert not any(other in answer.text for k, other in enumerate(p.teams) if k != team), answer.text


def test_the_rows_naming_the_person_as_lead_are_the_items_they_present(board):
    engine, p = board
    first = "Who is the Community Safety Manager?"
    assert p.manager in engine.ask(first).text
    answer = engine.ask_turns([first, "Which items is he presenting at the January 2026 board?"])
    assert answer.answerable and all(item in answer.text for item in p.items), answer.text
    assert p.thing not in answer.text and "survey" not in answer.text, answer.text


def test_when_the_person_next_reports_is_a_later_date_given_to_them_or_their_role(board):
    engine, p = board
    first = "Who is the District Commander?"
    assert p.commander in engine.ask(first).text
    answer = engine.ask_turns([first, "When is she next reporting to the scrutiny committee?"])
    assert answer.answerable and f"{p.return_month} 2026" in answer.text, answer.text
