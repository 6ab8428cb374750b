"""False "not found": the documents hold the answer, but the question says it in its own everyday words
("the maximum fine", "when will it expire?", "people helped", "if I pay quick") or names a source only as the
owner of what it asks about ("the bid to the Commissioner's fund"). Pinned on documents this test writes (another
council's order, another partnership's minutes), indexed with the real build; a topic the documents never mention
must still be refused."""

from __future__ import annotations

import json

import pytest

FAQ = """# Wexbridge Riverside Public Spaces Protection Order: frequently asked questions

## What does the order do?

The order bans drinking alcohol in public on the riverside and in Wexbridge town centre when asked to stop.

## What happens if someone breaks the order?

An authorised officer may issue a fixed penalty notice of £90, reduced to £50 if paid within 7 days.
Anyone who does not pay may be prosecuted and fined up to £2,500 in the magistrates' court.

## How long will it last?

The order comes into force on 1 April 2028 and lasts for three years, until 31 March 2031, unless it is extended.

## How do I report drinking on the riverside?

Report it to the police on 101, or to the council's Neighbourhood Team on 01999 123 456.
"""

MINUTES = """# Wexbridge Community Safety Partnership

## Minutes of the meeting held on 14 June 2027

### 4. Night hub

Inspector Lee Grant reported on the Wexbridge night hub, which opens on Saturday nights.

- 210 people supported at the night hub between April and June 2027
- 35 ambulance call-outs avoided

### 5. Funding bid

Priya Shah confirmed that the partnership's bid of £95,000 to the Commissioner's Community Safety Fund had been
submitted on 3 February 2027.

### 6. Date of next meeting

The next meeting will be held on 13 September 2027.
"""

RELEASE = """# Commissioner awards £95,000 to make Wexbridge safer

The Police and Crime Commissioner, Dana Holt, has awarded £95,000 to the Wexbridge Community Safety Partnership.
The money will pay for new CCTV cameras on the riverside and a youth outreach worker. "Safer streets start with
local partners," she said.
"""


@pytest.fixture(scope="module")
def wexbridge(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("wexbridge")
    documents = [("wexbridge-pspo-faq-2028-01-10.md", FAQ, "Wexbridge Riverside PSPO: frequently asked questions",
                  "Wexbridge Borough Council", "web page", "2028-01-10"),
                 ("wexbridge-csp-minutes-2027-06-14.md", MINUTES, "Wexbridge Community Safety Partnership minutes",
                  "Wexbridge Borough Council", "minutes", "2027-06-14"),
                 ("pcc-press-release-2027-11-02.md", RELEASE, "Commissioner awards £95,000 to make Wexbridge safer",
                  "Office of the Police and Crime Commissioner", "press release", "2027-11-02")]
    for name, text, *_ in documents:
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": name, "title": title, "publisher": publisher, "kind": kind, "date": date}
        for name, _, title, publisher, kind, date in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("wexbridge-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("What is the maximum fine if someone is prosecuted for breaching the order?", "£2,500"),
    ("Once in force, when will the riverside order expire?", "31 March 2031"),
    ("What number do I ring for the council's Neighbourhood Team?", "01999 123 456"),
    ("How many people were helped at the night hub?", "210"),
    ("How much is the fine for drinking on the riverside if I pay quick?", "£50"),
    ("On what date was the partnership's bid to the Commissioner's fund submitted?", "3 February 2027"),
])
def test_the_question_in_everyday_words_finds_the_line(wexbridge, question, expected):
    answer = wexbridge.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What is the maximum fine for fly-tipping?",  # the thing fined is in no document
    "When will the curfew expire?",
    "How many people were helped at the food bank?",
    "What number do I ring to reach the fire service?",
])
def test_a_topic_the_documents_never_mention_is_still_refused(wexbridge, question):
    answer = wexbridge.ask(question)
    assert not answer.answerable, answer.text


def _minutes(month: str, present: list[str], apologies: list[str], items: int) -> str:
    """A board's minutes: who was present and who sent apologies as short lines, then many items of prose that
    share the question's words ("board", the month) far more than the apologies' names do."""
    lines = [f"# Holmbury Safety Board", "", f"## Minutes of the meeting held on 10 {month} 2027", "", "Present:", ""]
    lines += [f"- {name}, Holmbury Council" for name in present] + ["", "Apologies:", ""]
    lines += [f"- {name}, Holmbury Police" for name in apologies] + [""]
    for k in range(1, items + 1):
        lines += [f"### {k}. Board update {k}", "",
                  f"The board discussed update {k} for {month} 2027 and agreed the board's work plan item {k}.", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def holmbury(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("holmbury")
    meetings = [("march", "2027-03-10", ["Ann Lee", "Bo Kent"], ["Cy Park", "Di Moss"]),
                ("june", "2027-06-10", ["Ann Lee", "Cy Park"], ["Ed Fane", "Flo Hart"])]
    for month, date, present, apologies in meetings:
        (corpus / f"holmbury-board-{date}.md").write_text(_minutes(month.title(), present, apologies, 30),
                                                          encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": f"holmbury-board-{date}.md", "title": "Holmbury Safety Board minutes", "publisher": "Holmbury Council",
         "kind": "minutes", "date": date} for _, date, _, _ in meetings]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("holmbury-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, absent", [
    ("Who sent apologies for the June 2027 board?", ["Ed Fane", "Flo Hart"], ["Di Moss"]),
    ("Who sent apologies for the March 2027 board?", ["Cy Park", "Di Moss"], ["Flo Hart"]),
])
def test_the_apologies_of_the_meeting_asked_about(holmbury, question, expected, absent):
    """The apologies block is found however retrieval ranked it, and only the one of the month asked about."""
    answer = holmbury.ask(question)
    assert answer.answerable and all(name in answer.text for name in expected), answer.text
    assert not any(name in answer.text for name in absent), answer.text


@pytest.mark.parametrize("question, owned", [
    ("On what date was the partnership's bid to the Commissioner's fund submitted?", True),
    ("When is the first spending report on the Commissioner's award due?", True),
    ("What does the Commissioner's press release say the money is for?", False),  # a document of the source's
    ("According to the Commissioner, what is the fund for?", False),
    ("What did the Commissioner's office announce about the fund?", False),  # a verb of saying
    ("What is the fund for?", False),  # no source named
])
def test_a_source_named_only_as_owner_of_what_is_asked(question, owned):
    from assistant.answer.passages import _owned_by_source

    assert _owned_by_source(question) is owned
