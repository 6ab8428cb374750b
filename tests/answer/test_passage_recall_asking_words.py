"""No false "not found" from the words a question asks with, when a line holds the answer.

- Informal words and short forms for what a line prints: "cllr" is a councillor, "quizzed" asked, "avg" average,
  "AI" artificial intelligence, "nicked" stolen (or arrested, "nicked for"), "supt" a superintendent, "ref" a
  reference, "upper limits" are what a grant is "up to", "rolled over" money is "carried forward", a PCC that
  "signed off" money "agreed" it, people who "live" somewhere are its residents, what they are "aiming for" their
  target, reports to "the council" are to "the local authority" (`text/data/same_words.toml`).
- Words that only frame the ask: "apart from ... what else", "at the moment", "the session's length", "the total
  value", "what do they call ...", "ends by calling ... what", "describes ... as what kind of thing", "the ONS
  guy", "putting the cameras in" (`text/data/frame_words.toml`, `asking.FRAME_PHRASES`, `asking.ANSWER_KIND`).
- A time the question sets ("next year's round") is never "a word the documents never mention" (`timing` reads it).
- "The release" names a press release as "the press release" does (`facts.source_terms`); a commissioner's plan
  is the commissioner's document (`text/data/source_words.toml`); the commissioner who acted ("when did the
  commissioner sign off the money?") is a topic other documents may answer, not only the commissioner's own
  (`asking.source_as_topic`).

Pinned on documents this test writes (another district's minutes, press release and commissioner's plan); topics
the documents never mention must still be refused.
"""

from __future__ import annotations

import json

import pytest

from assistant.answer.asking import counted, source_as_topic, unknown_words
from assistant.text.terms import content_terms

# A question's wording and a line's, which must share the term that carries the topic.
SAME = [
    ("the cllr who spoke", "Councillor Ada Brisk", "councillor"),
    ("who quizzed the director", "Councillor Brisk asked the director", "ask"),
    ("who grilled the chief", "she questioned the chief", "ask"),
    ("the avg wait", "the average waiting time", "averag"),
    ("what will AI be used for", "use Artificial Intelligence to", "ai"),
    ("which shop had drills nicked", "drills were stolen from the shop", "steal"),
    ("who got nicked for shoplifting", "two people were arrested for shoplifting", "arrest"),
    ("what did supt vell say", "Superintendent Dorian Vell said", "superintend"),
    ("the ref number", "Reference: QBC/PR/2027/041", "refer"),
    ("the upper limits for grants", "grants are up to £5,000", "maximum"),
    ("the grant limit", "grants of up to £2,000", "maximum"),
    ("money rolled over into next year", "£400 be carried forward to the next round", "carriedforward"),
    ("when did the commissioner sign off the money", "the commissioner had agreed £52,000", "agre"),
    ("how many people live in the district", "the district serves 88,200 residents", "resid"),
    ("how many were they aiming for", "short of the target of 30", "target"),
    ("reports to the council", "reports to the local authority", "council"),
]


@pytest.mark.parametrize("asked, printed, term", SAME)
def test_the_wording_and_the_documents_share_the_term(asked, printed, term):
    assert any(t.startswith(term) for t in content_terms(asked) & content_terms(printed)), (asked, printed)


@pytest.mark.parametrize("text, kept", [
    ("Nick Tormol gave an update", "nick"),  # a name is no theft
    ("live facial recognition", "live"),  # "live" alone is no residents
    ("the speed limit on the high street", "street"),
])
def test_words_that_mean_something_else_keep_their_own_term(text, kept):
    terms = content_terms(text)
    assert kept in terms and "steal" not in terms and "resid" not in terms, terms


@pytest.mark.parametrize("question, acted", [
    ("when did the commissioner sign off the safer streets money", True),
    ("how much did the commissioner approve for cameras?", True),
    ("how much was approved, per the commissioner?", False),
    ("what did the commissioner say about cameras?", False),
    ("the commissioner's statement - what does it promise?", False),
])
def test_a_commissioner_who_acted_is_a_topic_and_one_who_speaks_a_source(question, acted):
    assert source_as_topic(question) is acted


def test_people_who_live_somewhere_are_counted_as_its_residents():
    for question in ("how many people live in Quenvale?", "roughly how many people live in the council area",
                     "number of people living in the borough"):
        found = counted(question)
        assert found.words == ["resident"] and found.phrase == "residents", (question, found)
    assert counted("how many people were arrested in Quenvale?").words != ["resident"]


MINUTES = """# Quenvale District Council

## Safer Quenvale Board: Minutes of the meeting held on 9 June 2027

### 4. Health staffing

Torlis Wynmol, Director of Nursing, said bank shifts would be offered to staff first. Councillor Ada Brisk asked
regarding the bank rates. It was advised that these would not be higher than agency rates.

### 5. Neighbourhood working

Neighbourhood drop-ins (45 minutes) are held weekly in each ward.

### 6. Community Grants 2027/28

The panel awarded 9 grants totalling £61,300. Small grants are up to £2,000; large grants are up to £12,000.
RESOLVED: that the remaining £400 be carried forward to the 2028/29 round.

### 7. Retail crime

Venmol ShopSafe now has 21 member shops, short of its target of 30 by 31 May 2027. Two power drills were stolen
from Pimwyn Tools on Mill Row last month.

### 8. Culture

- Quenvale Arts Partnership moves into charity status in April 2028
- Dorbra Makers Network moves into charity status in April 2028

### 9. Average waiting times

The average wait for a 101 call in April 2027 was 9 minutes 10 seconds.
"""

RELEASE = """QUENVALE DISTRICT COUNCIL - PRESS RELEASE

Reference: QDC/PR/2027/041

New cameras for Selbra

Quenvale District Council serves around 88,200 residents. The commissioner had agreed £30,000 from the Safer
Streets fund on 2 May 2027 for new cameras in Selbra.

Superintendent Falcor Quenath said: "Footage from the old cameras is too blurred to identify anyone."
"""

PLAN = """# Quenvale Police and Crime Plan 2026-2030

## Priority 2: Justice

We will use Artificial Intelligence to prepare case files for the courts more quickly.
"""


@pytest.fixture(scope="module")
def quenvale(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("quenvale")
    documents = [
        ("quenvale-dc-minutes-2027-06-09-safer-quenvale-board.md", MINUTES, "Safer Quenvale Board minutes",
         "Quenvale District Council", "board minutes", "2027-06-09"),
        ("quenvale-dc-press-release-2027-06-20-selbra-cameras.txt", RELEASE, "New cameras for Selbra",
         "Quenvale District Council", "press release", "2027-06-20"),
        ("quenvale-pcc-police-and-crime-plan-2026.md", PLAN, "Quenvale Police and Crime Plan 2026-2030",
         "Office of the Police and Crime Commissioner for Quenvale", "plan", "2026-04-01"),
    ]
    for file, text, *_ in documents:
        (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": publisher, "kind": kind, "date": date}
        for file, _, title, publisher, kind, date in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("quenvale-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("the cllr who quizzed torlis wynmol on bank rates - who was she", "Ada Brisk"),
    ("which councillor grilled the nursing director about bank rates?", "Ada Brisk"),
    ("what are the upper limits for small and for large community grants", "£12,000"),
    ("what's the limit for a small community grant?", "£2,000"),
    ("whats the total value of community grants awarded", "£61,300"),
    ("how much grant money is being rolled over into next year's round", "£400"),
    ("how many shops are in shopsafe at the moment", "21"),
    ("which shop had power drills nicked", "Pimwyn Tools"),
    ("what was the avg wait on 101 in april 2027", "9 minutes 10 seconds"),
    ("apart from the arts partnership, what else becomes a charity in april 2028", "Dorbra Makers"),
    ("roughly how many people live in the quenvale council area", "88,200"),
    ("what is the ref number on the council's camera press release", "QDC/PR/2027/041"),
    ("when did the commissioner sign off the safer streets money", "2 May 2027"),
    ("per the press release, what did supt quenath say is wrong with footage from the old cameras", "blurred"),
    ("pcc plan - what will AI be used for", "case files"),
])
def test_the_question_in_its_own_words_finds_the_line(quenvale, question, expected):
    answer = quenvale.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "which cllr quizzed the director about hospital parking?",
    "what was the avg ambulance response time?",
    "which shop had bicycles nicked?",
    "how many kayaks were nicked from the marina?",
    "what are the upper limits for planning fees?",
    "how many people live in Dorwyn?",
])
def test_a_topic_the_documents_never_mention_is_still_refused(quenvale, question):
    answer = quenvale.ask(question)
    assert not answer.answerable or not any(figure in answer.text for figure in (
        "£2,000", "£12,000", "88,200", "9 minutes")), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "the cllr who quizzed torlis wynmol on bank rates - who was she",
    "how many shops are in shopsafe at the moment and how many were they aiming for",
    "what are the upper limits for small and for large community grants",
    "pcc plan - what will AI be used for",
])
def test_the_asking_words_are_never_reported_as_unmentioned(quenvale, question):
    assert unknown_words(question, quenvale.index) == []
