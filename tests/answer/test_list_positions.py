"""An item asked by its place in a list, or by the item next to it, is read off the list itself.

"What's the last one in the benefits list?", "the fourth bullet under Our Plan", "para 3.2 lists the groups
officers attend: which comes last?", "after X, what's the next bullet?": before, the place word ("fourth",
"last") was searched for as a topic, so the answer was refused ("the documents never mention fourth") or quoted
the list's first line. The list is now the one whose own name (heading, lead line, or the bullet a sub-list hangs
from) holds the words the place is said of, and a list named as little as possible by them ("Benefits") beats a
lead line that merely uses one of them. Names, items and their number are made up from a seed, so the tests
hold for lists they were not written against.
"""

from __future__ import annotations

import random

import pytest

from generated_corpora import coined, one_document_assistant

RNG = random.Random(41)
TOWN = coined(RNG)
GAINS = [f"{coined(RNG)} {word}" for word in RNG.sample(
    ["outreach", "visibility", "cohesion", "reputation", "reporting", "partnerships", "volunteering"], 5)]
REASONS = [f"{coined(RNG)} review" for _ in range(RNG.randint(4, 6))]
PLANS = [f"{coined(RNG)} {word}" for word in ("streets", "homes", "parks", "transport", "schools")]
GROUPS = [f"{coined(RNG)} {word}" for word in ("Forum", "Panel", "Network", "Steering Group", "Board")]
PROJECTS = [f"{coined(RNG)} {word}" for word in ("anchor schemes", "mentoring", "bursaries", "micro grants")]
PLAN_AT = RNG.randint(1, len(REASONS) - 2)
ITEMS = list(REASONS)
ITEMS.insert(PLAN_AT, f"Our Strategy for {TOWN}")
REPORT = f"""# {TOWN} Cultural Partnership

## Why act now?

""" + "\n".join(f"- {reason}" + ("\n" + "\n".join(f"  - {plan}" for plan in PLANS) if "Strategy" in reason else "")
                for reason in ITEMS) + f"""

## Benefits

""" + "\n".join(f"- {gain}" for gain in GAINS) + f"""

## Funded projects

Projects that benefit from the partnership fund are listed below:

- {coined(RNG)} garden
- {coined(RNG)} festival
- {coined(RNG)} library trail

## Young leaders

""" + "\n".join(f"- {project}" for project in PROJECTS) + f"""

## Officer attendance

3.1 Officers attend the monthly tasking meeting with the police.

3.2 Officers continue to support housing providers. Officers also attend {", ".join(GROUPS[:-1])} and the {GROUPS[-1]}.
"""


@pytest.fixture(scope="module")
def partnership(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "positions", "partnership-2026-03-04.md", REPORT,
                                  f"{TOWN} Cultural Partnership", f"{TOWN} Borough Council", "agenda pack",
                                  "2026-03-04")


def _answered(assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert answer.answerable, answer.text
    return answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "in the benefits list, what's the last one?",
    "what is the final benefit listed?",
    "last bullet in the list of benefits?",
])
def test_the_last_item_of_the_list_named_by_its_own_heading(partnership, question):
    text = _answered(partnership, question)
    assert GAINS[-1] in text and not any(gain in text for gain in GAINS[:-1])


@pytest.mark.slow
@pytest.mark.parametrize("n, word", [(1, "second"), (2, "third"), (3, "fourth")])
def test_an_ordinal_of_a_sub_list_counts_under_the_bullet_it_hangs_from(partnership, n, word):
    text = _answered(partnership, f"under 'why act now', what's the {word} bullet under our strategy?")
    assert PLANS[n] in text and not any(plan in text for k, plan in enumerate(PLANS) if k != n)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "para 3.2 lists the groups officers attend - which one comes last",
    "which is the last group officers attend in paragraph 3.2?",
])
def test_the_last_of_a_list_written_in_a_sentence(partnership, question):
    assert GROUPS[-1] in _answered(partnership, question)


@pytest.mark.slow
def test_the_item_after_or_before_a_named_bullet(partnership):
    for k in range(len(PROJECTS) - 1):
        first, then = PROJECTS[k].split()[0], PROJECTS[k + 1]
        text = _answered(partnership, f"young leaders slide - after {first.lower()}, what's the next bullet")
        assert then in text and PROJECTS[k] not in text
        text = _answered(partnership, f"which bullet comes before {then.split()[0]}?")
        assert PROJECTS[k] in text and then not in text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "when did the partnership last meet?",
    "what year was the strategy first published?",
    "who first proposed the partnership fund?",
])
def test_a_place_that_is_a_time_or_a_manner_picks_no_list(partnership, question):
    from assistant.answer.facts import facts_for
    from assistant.answer.lists import positioned_item

    index = partnership.index
    assert positioned_item(facts_for(index), question, set(index.documents)) is None


def test_a_place_in_time_names_no_list_item():
    from assistant.answer.lists import PLACE

    for question in ("what happened last year?", "the first three months of 2025", "at the next meeting",
                     "in the last 12 months"):
        assert PLACE.search(question) is None, question
    for question in ("the last one", "the fourth bullet", "which comes last?", "the 3rd tier"):
        assert PLACE.search(question) is not None, question
