"""Follow-ups that ask a new question about what the last answer was about, over a board's minutes written here
(invented names from a seeded generator; no name of the repo's corpora).

The minutes hold an action log (one action overdue, with its new date in its status cell; the others due on
other dates), a line moving the next meeting with its reason, the line electing the commissioner, and the
membership of a scheme at the meeting's date (but at no earlier date). Each expected answer is read from the
generator's values.

Classes:
- "what's the new date for it?" / "who is responsible for it?" after the one overdue row of an action log is that
  row again (its new date, its owner), never another row sharing a column's word ("Due date" is in every row);
- "why was it moved?" after the line moving a meeting "because of ..." is that line, which gives the reason;
- "what's her salary?" after "who is the commissioner?" is not found, naming the word no document uses, never
  another line about her (her award) passed off as the answer;
- "which party is she?" after a quote naming a councillor is the line writing her party beside her name; asked of
  a person whose party no line gives, it is not found, never another member's party;
- "and by June 2026?" after a question the documents did not answer is that question asked of the new date, so
  the figure the minutes give for that date answers it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, coined_person, one_document_assistant

SEED = 20261207
MINUTES = "community-safety-board-2026-06-18-minutes.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Minutes:
    board: str
    owners: tuple[str, str, str]  # the owners of the three actions; the second is overdue
    things: tuple[str, str, str]  # what each action is about
    new_date: str  # the overdue action's new date
    festival: str  # why the next meeting moved
    commissioner: str
    award: int
    scheme: str
    members: int  # the scheme's membership at the meeting's date
    councillor: str  # a ward councillor whose party the minutes give beside her name
    party: str
    ward: str


def make_minutes(rng: random.Random) -> Minutes:
    return Minutes(board=f"Safer {coined(rng)} Board", owners=tuple(coined_person(rng) for _ in range(3)),
                   things=tuple(f"{coined(rng)} {kind}" for kind in ("leaflets", "underpass lighting", "patrols")),
                   new_date=f"{rng.randint(10, 28)} {rng.choice(['October', 'November', 'December'])} 2026",
                   festival=f"{coined(rng)} Festival", commissioner=coined_person(rng),
                   award=rng.randint(100, 400) * 1000, scheme=f"{coined(rng)}watch",
                   members=rng.randint(40, 90), councillor=coined_person(rng),
                   party=rng.choice(["Labour", "Liberal Democrat", "Green Party", "Conservative"]),
                   ward=f"{coined(rng)} North")


def minutes_text(m: Minutes) -> str:
    return "\n".join([
        f"# {m.board}: minutes of the meeting held on 18 June 2026", "",
        "## 1. Commissioner's update", "",
        f"{m.commissioner} was elected Police and Crime Commissioner in May 2024.",
        f"The Commissioner has awarded £{m.award:,} to the partnership from her community fund.", "",
        "## 2. Action log", "",
        "| Ref | Action | Owner | Due date | Status |", "|---|---|---|---|---|",
        f"| C1 | Deliver {m.things[0]} to every household | {m.owners[0]} | 30 April 2026 | Complete |",
        f"| C2 | Review {m.things[1]} | {m.owners[1]} | 31 May 2026 | Overdue - now due {m.new_date} |",
        f"| C3 | Plan {m.things[2]} for the summer | {m.owners[2]} | 31 July 2026 | On track |", "",
        "## 3. Retail crime", "",
        f"The {m.scheme} retail crime scheme now has {m.members} member shops.", "",
        "## 4. Ward matters", "",
        f"Cllr {m.councillor}, {m.party} councillor for {m.ward}, asked about street drinking near the station.",
        "Officers agreed to report back on street drinking at the next meeting.", "",
        "## 5. Date of next meeting", "",
        "The meeting previously scheduled for Thursday 17 September 2026 will now be held on Thursday 24 September "
        f"2026 at 2pm in the Council Chamber, because of the {m.festival} on 17 September 2026.", ""])


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    m = make_minutes(random.Random(SEED))
    engine = one_document_assistant(tmp_path_factory, "subject", MINUTES, minutes_text(m),
                                    f"{m.board}: minutes (18 June 2026)", "Borough Council", "minutes", "2026-06-18")
    return engine, m


OVERDUE = "Which action on the action log is overdue?"


def test_the_first_answer_quotes_the_overdue_row(board):
    engine, m = board
    answer = engine.ask(OVERDUE)
    assert answer.answerable and m.things[1] in answer.text, answer.text


@pytest.mark.parametrize(("follow_up", "field"), [("what's the new date for it?", "new_date"),
                                                   ("who is responsible for it?", "owner")])
def test_a_field_asked_of_the_one_quoted_row_is_read_from_that_row(board, follow_up, field):
    engine, m = board
    answer = engine.ask_turns([OVERDUE, follow_up])
    expected = m.new_date if field == "new_date" else m.owners[1]
    assert answer.answerable and expected in answer.text and m.things[1] in answer.text, answer.text
    others = [t for k, t in enumerate(m.things) if k != 1] + [o for k, o in enumerate(m.owners) if k != 1]
    assert not any(other in answer.text for other in others), answer.text  # no other row passed off as it


def test_why_it_was_moved_is_the_reason_the_quote_gives(board):
    engine, m = board
    first = "When is the next board meeting?"
    assert "24 September 2026" in engine.ask(first).text
    answer = engine.ask_turns([first, "why was it moved?"])
    assert answer.answerable and m.festival in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["what's her salary?", "and what is her salary?", "what pension does she get?"])
def test_a_thing_no_document_says_about_the_person_is_not_found(board, follow_up):
    engine, m = board
    first = "Who is the Police and Crime Commissioner?"
    assert m.commissioner in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert not answer.answerable, answer.text
    assert f"{m.award:,}" not in answer.text and not answer.citations, answer.text  # her award is no salary


def test_a_date_after_a_question_not_found_asks_that_question_of_the_date(board):
    engine, m = board
    first = f"How many members did {m.scheme} have in March 2025?"
    assert not engine.ask(first).answerable  # the minutes give no figure for March 2025
    answer = engine.ask_turns([first, "How many by June 2026?"])
    assert answer.answerable and str(m.members) in answer.text, answer.text


def test_the_party_asked_of_a_named_councillor_is_the_one_written_beside_her_name(board):
    engine, m = board
    first = f"What did Cllr {m.councillor} ask about?"
    assert "street drinking" in engine.ask(first).text
    answer = engine.ask_turns([first, "which party is she?"])
    assert answer.answerable and m.party in answer.text, answer.text


def test_a_party_no_line_gives_for_the_person_is_not_found(board):
    engine, m = board
    first = "Who is the Police and Crime Commissioner?"
    answer = engine.ask_turns([first, "which party is she?"])
    assert not answer.answerable and m.party not in answer.text, answer.text
