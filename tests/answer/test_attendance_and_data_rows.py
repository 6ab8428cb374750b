"""Attendance blocks, posts and data-file rows read from their structure (classes from unseen_vale_blind and
passages_blind_k), on documents this test generates for another council with made-up names and figures.

- An apologies block headed in a longer way ("Apologies received before publication") is an apologies block, and
  the paragraph printed right under it ("Members of the public may attend. ...") is none of its lines.
- "who gave apologies before the meeting?": "before" says how the apology was given, not what a line is about.
- "attendance list: X is ... in which part of Y": the question is placed in the attendance block, and the line
  of the person it names answers, not every line sharing a word of their role.
- "the councillor in the chair of X", "who is chairing X": a post asked in other words than "who chairs".
- A data file's row named by one cell that names it alone ("Orrick Boxing Club"), and the row with the largest
  or smallest figure of the file's only figure column ("which organisation received the biggest grant?").
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import particulars, posts, table_rows
from assistant.answer.facts import facts_for
from generated_corpora import coined, coined_person

RNG = random.Random(7177)
COUNCIL = coined(RNG)
CHAIR, VICE = coined_person(RNG), coined_person(RNG)
MEMBERS = [coined_person(RNG) for _ in range(4)]
ORGS = [f"{coined(RNG)} {kind}" for kind in ("Youth Club", "Residents Association", "Boxing Club", "Women's Aid",
                                             "Village Hall", "Allotment Society")]
AMOUNTS = RNG.sample(range(1000, 20000, 50), len(ORGS))
ROLES = [f"{coined(RNG)} Development Manager" for _ in MEMBERS]
AGENDA = f"""# {COUNCIL} Safer Neighbourhoods Board

Membership

• Cllr {CHAIR} (Chair), {COUNCIL} District Council

• {VICE} (Vice-Chair), Police

Present:

""" + "\n".join(f"{person} – {role}, {COUNCIL} University" for person, role in zip(MEMBERS, ROLES)) + f"""

Apologies received before publication

• {MEMBERS[0]}

• {MEMBERS[2]}

Members of the public may attend. If you wish to speak, please tell the clerk by noon on the day before.
"""
GRANTS = "grant_ref,organisation,project,area,amount_gbp,size\n" + "".join(
    f"G{n:02d},{org},{coined(RNG)} project,{coined(RNG)},{amount},{'Large' if amount > 10000 else 'Small'}\n"
    for n, (org, amount) in enumerate(zip(ORGS, AMOUNTS), start=1))


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("attendance")
    (corpus / "board-agenda-2026-05-14.md").write_text(AGENDA, encoding="utf-8")
    (corpus / "grants-2026-06-30.csv").write_text(GRANTS, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": "board-agenda-2026-05-14.md", "title": f"{COUNCIL} Safer Neighbourhoods Board",
         "publisher": f"{COUNCIL} District Council", "kind": "agenda", "date": "2026-05-14"},
        {"file": "grants-2026-06-30.csv", "title": "Community safety fund grants",
         "publisher": f"{COUNCIL} District Council", "kind": "open data", "date": "2026-06-30"}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("attendance-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.parametrize("heading, is_apologies", [
    ("Apologies received before publication", True), ("Apologies noted in advance", True),
    ("Apologies", True), ("Apologies received", True), ("Present", False),
    ("Apologies were received from the Chair and the Vice-Chair of the board.", False),
])
def test_an_apologies_heading_may_say_when_they_came(heading, is_apologies):
    assert bool(particulars.APOLOGIES_HEADING.match(heading)) is is_apologies


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "who gave apologies before the may meeting?",
    "who sent their apologies for the board?",
    "which members gave apologies in advance?",
])
def test_the_apologies_are_the_blocks_lines_only(board, question):
    answer = board.ask(question)
    assert answer.answerable, answer.text
    assert MEMBERS[0] in answer.text and MEMBERS[2] in answer.text, answer.text
    assert "public may attend" not in answer.text and MEMBERS[1] not in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("k", range(len(MEMBERS)))
def test_the_attendance_line_of_the_person_named(board, k):
    first, last = MEMBERS[k].lower().split()
    answer = board.ask(f"attendance list: {first} {last} is development manager in which part of the university")
    assert answer.answerable, answer.text
    assert ROLES[k] in answer.text and not any(role in answer.text for j, role in enumerate(ROLES) if j != k)


@pytest.mark.parametrize("question, post", [
    ("name of the councillor in the chair of the safer neighbourhoods board?", "chair"),
    ("which member holds the vice-chair of the board", "vice-chair"),
    ("who is chairing the safer neighbourhoods board", "chair"),
    ("who was in the chair?", None),  # no body named
])
def test_a_post_asked_in_other_words(question, post):
    asked = posts.asked(question)
    assert (asked.name if asked else None) == post


@pytest.mark.slow
def test_the_chair_is_answered_when_asked_in_other_words(board):
    answer = board.ask(f"name of the councillor in the chair of the {COUNCIL.lower()} safer neighbourhoods board?")
    assert answer.answerable and CHAIR in answer.text and VICE not in answer.text, answer.text


def _row(board, question: str) -> list[str] | None:
    index = board.index
    found = table_rows.data_row(facts_for(index), question, index.documents)
    if found is None:
        return None
    sentence = index.sentences[found[1]]
    return index.documents[sentence.document].text[sentence.start:sentence.end].split("\t")


@pytest.mark.slow
def test_a_data_row_named_by_a_cell_that_names_it_alone(board):
    for org, amount in zip(ORGS, AMOUNTS):
        row = _row(board, f"how much did {org.lower()} get from the fund?")
        assert row is not None and row[1] == org and str(amount) in row, (org, row)


@pytest.mark.slow
def test_the_row_with_the_largest_or_smallest_figure(board):
    top, bottom = ORGS[AMOUNTS.index(max(AMOUNTS))], ORGS[AMOUNTS.index(min(AMOUNTS))]
    for question, org in [("which organisation received the biggest single grant", top),
                          ("which organisation got the largest amount?", top),
                          ("what organisation had the smallest grant", bottom)]:
        row = _row(board, question)
        assert row is not None and row[1] == org, (question, row)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "how much did the club get?",  # a word of several names, no one organisation
    "which grant was the biggest and smallest?",  # both a most and a least
    "how many grants were small?",  # no figure column asked for a count of rows
    f"how much did {ORGS[0].lower()} apply for from the fund?",  # the file gives what was granted, not asked for
])
def test_no_row_when_the_question_names_none(board, question):
    assert _row(board, question) is None
