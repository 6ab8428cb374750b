"""Every part of a several-part question, and how things stand now.

- "<scheme>: how many cameras are in so far, and what's the cost now?": the cost is in the next line of the
  item ("Additional ducting has increased the cost from ... to ..."), which does not repeat the item's name and
  so is far in meaning from the question; it answers the second part, which is not said to be answered by the
  cameras' line just because that line holds the words the part borrows from the first;
- "the latest completion date", "the revised deadline": the newest document's word, not the first plan's;
- "Date: ........" is a form's field left blank, never an answer;
- "where is the November board being held?": the venue among the particulars of the papers dated that month;
- "what % in <area> felt safe after dark?": the row of a table in the text that the area labels, not the total's
  row nor another area's;
- "the survey: total responses and the share feeling safe?", "when did the fieldwork start and finish?": two
  things asked of one topic are two parts.

Built on generated councils, schemes, names and years, not on one corpus.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer.asked import asked_thing, parts
from assistant.answer.wants import wants
from generated_corpora import coined, coined_person

RNG = random.Random(20261208)
YEAR = RNG.randint(2028, 2036)
COUNCIL, SCHEME, AREA = (coined(RNG) for _ in range(3))
LEAD, ANALYST = coined_person(RNG), coined_person(RNG)
FIRST_COST, NEW_COST = RNG.randint(60, 90) * 1000 + 400, RNG.randint(95, 130) * 1000 + 850
FITTED, CAMERAS = RNG.randint(5, 9), RNG.randint(12, 16)

ROOM = f"{coined(RNG)} Room"
AREAS = sorted({coined(RNG) for _ in range(5)})
ROWS = {area: (RNG.randint(90, 400), RNG.randint(40, 80)) for area in AREAS}
TABLE = "\n".join(["Area\tResponses\tFeel safe after dark (%)",
                   *(f"{area}\tResponses: {n}\tFeel safe after dark (%): {pct}" for area, (n, pct) in ROWS.items()),
                   f"{COUNCIL} District\tResponses: {sum(n for n, _ in ROWS.values()):,}\tFeel safe after dark (%): 61"])

PACK = f"""# {COUNCIL} Community Safety Partnership: agenda pack

Date\tThursday 12 November {YEAR - 1}
Time\t2.00pm
Venue\t{ROOM}, {COUNCIL} House, {AREA}

## 5. Capital projects

The replacement of {CAMERAS} analogue cameras in {AREA} with high-definition cameras is scheduled to be completed by 31 January {YEAR} at a cost of £{FIRST_COST:,} from the capital programme.

## 6. Residents' survey

Fieldwork for the residents' survey ran from 3 September to 14 October {YEAR - 1}.

The provisional results by area are below.

{TABLE}
"""

MINUTES = f"""# {COUNCIL} Community Safety Partnership: minutes

Minutes of the meeting held on 10 March {YEAR}.

## 12. Action plan update

- (a) {SCHEME} CCTV: {LEAD} reported that {FITTED} of the {CAMERAS} cameras had been installed but the fibre supplier had put back the connection of the rest.
The completion date has moved from 31 January {YEAR} to 30 June {YEAR}.
Additional ducting work has increased the cost from £{FIRST_COST:,} to £{NEW_COST:,}, which will be met from the contingency.

## 13. Signed

Chair: {ANALYST}

Date: .........................
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("parts-status")
    documents = []
    for file, text, title, date in ((f"csp-pack-{YEAR - 1}-11-12.md", PACK, f"{COUNCIL} CSP: agenda pack",
                                     f"{YEAR - 1}-11-12"),
                                    (f"csp-minutes-{YEAR}-03-10.md", MINUTES, f"{COUNCIL} CSP: minutes",
                                     f"{YEAR}-03-10")):
        (corpus / file).write_text(text, encoding="utf-8")
        documents.append({"file": file, "title": title, "publisher": f"{COUNCIL} Council", "kind": "board minutes",
                          "date": date})
    (corpus / "manifest.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")
    index = tmp_path_factory.mktemp("parts-status-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.parametrize("question", [
    f"{SCHEME} cctv - how many cameras installed so far and what's the cost now",
    f"how many {SCHEME} cctv cameras have been installed, and what is the cost now?",
    f"{SCHEME} cctv: how many cameras are in so far, and what's the cost now?",
])
def test_a_part_is_answered_by_the_next_line_of_the_item(assistant, question):
    said = assistant.ask(question).text
    assert f"{FITTED} of the {CAMERAS}" in said, said
    assert f"£{NEW_COST:,}" in said, said


@pytest.mark.parametrize("question", [
    f"whats the latest completion date for the {SCHEME} cctv replacement",
    f"what's the current completion date for the {SCHEME} cctv cameras",
    f"latest date for completing the {SCHEME} cctv replacement?",
])
def test_the_latest_date_is_the_newest_documents(assistant, question):
    said = assistant.ask(question).text
    assert "30 June" in said, said


@pytest.mark.parametrize("question", [
    "most recent date the minutes were signed",
    f"what date were the {COUNCIL} minutes signed",
])
def test_a_blank_field_is_never_quoted(assistant, question):
    said = assistant.ask(question).text
    assert "....." not in said, said


@pytest.mark.parametrize("question", [
    "where is the november partnership board being held",
    "what venue is the november partnership board in?",
    "where is the november meeting of the board?",
])
def test_a_meeting_named_by_its_month_is_found_by_its_particulars(assistant, question):
    said = assistant.ask(question).text
    assert ROOM in said, said


@pytest.mark.parametrize("wording", [
    "in the residents survey, what % in {area} felt safe after dark",
    "{area} survey responses, and what % felt safe after dark there",
    "what share of {area} residents feel safe after dark, per the survey?",
])
def test_a_row_of_a_table_in_text_is_the_one_its_label_names(assistant, wording):
    for area in AREAS[:2]:
        said = assistant.ask(wording.format(area=area.lower())).text
        others = [a for a in AREAS if a != area]
        assert not any(f"{a} Responses" in said for a in others), said  # never another area's row
        assert f"{COUNCIL} District Responses" not in said, said  # nor the total's
        if "Not found" not in said:
            assert f"{area} Responses: {ROWS[area][0]}" in said, said


@pytest.mark.parametrize("question, pieces, topic", [
    ("needs assessment: old deadline and new deadline?", 2, "assessment"),
    ("final survey - total responses and the share feeling safe after dark", 2, "survey"),
    ("when did the survey fieldwork start and finish", 2, "fieldwork"),
    ("when did the consultation open and close?", 2, "consultation"),
    ("domestic abuse: police and council", 1, ""),  # one word each: a pair of names, not two things asked
    ("Violence Against Women and Girls: what is the plan", 1, ""),
])
def test_two_things_asked_of_one_topic_are_two_parts(question, pieces, topic):
    found = parts(question)
    assert len(found) == pieces, found
    assert all(topic in piece for piece in found), found  # each part keeps the topic


@pytest.mark.parametrize("question, thing", [
    ("what's the cost now", ["cost"]),
    ("what is the total now?", ["total"]),
    ("what is the membership currently", ["membership"]),
    ("what was the turnout in 2024", ["turnout"]),
])
def test_now_is_no_part_of_the_thing_asked(question, thing):
    assert asked_thing(question) == thing


@pytest.mark.parametrize("question, date", [
    ("start date for the saturday night pilot", True),
    ("needs assessment: old deadline", True),
    ("whats the latest completion date for the replacement", True),
    ("what is the target date for the review", True),
    ("how many days before the deadline were bids in", False),
    ("what was spent by the deadline", False),
    ("what is the target for 2027", False),
])
def test_a_noun_that_names_a_date_asks_for_one(question, date):
    assert wants(question).date is date


@pytest.mark.parametrize("question, current", [
    ("whats the latest completion date for the replacement", True),
    ("what's the most recent figure for members", True),
    ("what is the revised deadline", True),
    ("what's the current cost of the cameras", True),
    ("what was the original deadline", False),
    ("when was the first meeting", False),
])
def test_the_newest_word_is_asked(question, current):
    from assistant.answer.passages import CURRENT
    assert bool(CURRENT.search(question)) is current


def test_another_row_of_the_table_is_about_its_own_label(assistant):
    from assistant.answer import siblings
    from assistant.answer.facts import facts_for

    facts = facts_for(assistant.index)
    total = f"{COUNCIL} District\tResponses: 1,000\tFeel safe after dark (%): 61"
    for area in AREAS:
        named = siblings.asked(f"what % in {area.lower()} felt safe after dark", facts)
        own = f"{area}\tResponses: {ROWS[area][0]}\tFeel safe after dark (%): {ROWS[area][1]}"
        assert not siblings.objection(named, facts, own, own)
        assert siblings.objection(named, facts, total, total)  # the whole answers for none of its parts
        for other in AREAS:
            if other != area:
                row = f"{other}\tResponses: 5\tFeel safe after dark (%): 50"
                assert other in siblings.objection(named, facts, row, row)
        # a line of prose that names no area is read by the other rules, not refused for its table's labels
        prose = f"Fieldwork for the residents' survey ran from 3 September to 14 October {YEAR - 1}."
        assert not siblings.objection(named, facts, prose, f"{prose} {area}")
