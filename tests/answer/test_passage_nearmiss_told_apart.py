"""Near misses that look like answers, on lines written here for places and things no vocabulary knows (coined
names, so no rule can lean on one corpus's words):

- a thing named only in passing: a second hub "will make a difference" beside the first hub's figure, for what the
  second has done (a planned thing has done nothing); a sum for a new hub "building on" the old one, for the old
  one's sum;
- a part for a total: "six new cameras" for how many cameras there are in total;
- another thing counted: what officers did ("made 71 arrests") for how many officers there are;
- money of another kind: a count of people helped, or another item's sum in the same list, for what a thing was
  allocated;
- a decision put off, or one still to come, for what was decided.

And next to each, the line that still answers.
"""

from __future__ import annotations

import random

import pytest

from assistant.answer import nearmiss, otherkind
from assistant.answer.nearmiss import Window
from assistant.text.terms import content_terms
from generated_corpora import coined, coined_person, one_document_assistant

RNG = random.Random(20261207)
HUBS = [(coined(RNG), coined(RNG)) for _ in range(3)]  # (the hub that is open, the one planned)
PLACES = [coined(RNG, 3) for _ in range(3)]
PEOPLE = [coined_person(RNG) for _ in range(2)]


def window(text: str, before: str = "", label: str = "") -> Window:
    return Window(text, before, label, frozenset(content_terms(f"{before} {text} {label}")))


@pytest.mark.parametrize("done, planned", HUBS)
def test_a_planned_thing_named_beside_another_ones_figure_has_done_nothing(done, planned):
    line = (f"The {done} Safe Haven has already helped more than 150 people since it opened in June, and a second "
            f"one at {planned} will make a real difference.")
    asked = f"how many people has the {planned.lower()} safe haven helped"
    assert nearmiss.named_aside(asked, window(line))
    assert not nearmiss.named_aside(f"how many people has the {done} Safe Haven helped?", window(line))
    # asked about what is to come, the plan is the answer's subject
    assert not nearmiss.named_aside(f"what will the {planned} Safe Haven do?", window(line))


@pytest.mark.parametrize("done, planned", HUBS)
def test_a_sum_for_a_new_thing_building_on_an_old_one_is_not_the_old_ones(done, planned):
    line = f"- £29,000 to open a second Safe Haven, at {planned}, from summer 2027, building on the {done} Safe Haven."
    asked = f"What was the {done} Safe Haven allocated?"
    assert nearmiss.named_aside(asked, window(line))
    assert not nearmiss.named_aside(f"What was the Safe Haven at {planned} allocated?", window(line))


@pytest.mark.parametrize("place", PLACES)
def test_an_item_of_a_list_that_names_another_thing_gives_no_sum_for_the_one_asked(place):
    asked = f"What was the {place} Youth Hub allocated from the fund?"
    other = window(f"- £25,000 for brighter lighting at the {coined(RNG)} underpass.", before="- £38,000 for cameras.")
    assert nearmiss.unnamed_recipient(asked, other)
    assert not nearmiss.unnamed_recipient(asked, window(f"- £12,000 for the {place} Youth Hub's evening sessions."))


@pytest.mark.parametrize("place", PLACES)
def test_a_count_of_people_is_no_sum_allocated(place):
    asked = f"What was the {place} Youth Hub allocated?"
    assert otherkind.no_sum_given(asked, f"The {place} Youth Hub has helped more than 150 people since June.")
    assert not otherkind.no_sum_given(asked, f"The {place} Youth Hub was allocated £12,000.")
    assert not otherkind.no_sum_given(f"how many grants were allocated to {place}?", "Nine grants went to groups.")


@pytest.mark.parametrize("noun, line", [
    ("CCTV cameras", "£38,000 for six new CCTV cameras on the {place} promenade, linked to the control room."),
    ("officers", "The force will recruit 40 additional officers for {place} this year."),
    ("wardens", "Two extra wardens started in {place} in May."),
])
@pytest.mark.parametrize("place", PLACES[:2])
def test_new_ones_are_not_the_total(noun, line, place):
    asked = f"How many {noun} are there in {place} in total?"
    assert otherkind.new_for_total(asked, line.format(place=place))
    assert not otherkind.new_for_total(asked, f"{place} has 312 {noun}, including 40 new {noun}.")
    assert not otherkind.new_for_total(f"How many new {noun} are there in {place}?", line.format(place=place))


@pytest.mark.parametrize("place", PLACES)
def test_what_they_did_is_no_count_of_them(place):
    line = ("Officers and wardens completed more than 1,400 hours of patrol, made 71 arrests (38 of them for violent "
            "offences) and issued 44 directions to leave.")
    assert otherkind.other_thing_counted(f"how many police officers are based at {place} police station", line)
    assert not otherkind.other_thing_counted("how many directions to leave were given during the operation", line)
    assert not otherkind.other_thing_counted(f"how many arrests did officers make in {place}?", line)
    assert not otherkind.other_thing_counted(f"how many officers are based at {place}?",
                                             f"There are 48 officers based at {place} police station.")


@pytest.mark.parametrize("body", [f"{coined(RNG)} Health Board", "the licensing committee"])
def test_a_decision_put_off_or_still_to_come_is_not_what_was_decided(body):
    asked = f"what did {body} finally decide about the community beds?"
    put_off = f"- At its meeting on 12 September {body} agreed to a six-month delay in the final decision-making."
    to_come = "- To ensure that the final decision reflects all views, a working group will be established."
    assert otherkind.process_for_outcome(asked, put_off)
    assert otherkind.process_for_outcome(asked, to_come)
    assert not otherkind.process_for_outcome(asked, f"- {body} decided to close the community beds in March.")


def harbour_text() -> str:
    """A port town's partnership press release."""
    open_hub, planned_hub = HUBS[0]
    chair = PEOPLE[0]
    return f"""# Commissioner backs safer seafronts in {PLACES[0]}

The Commissioner today announced awards from the Seafront Safety Fund.

## What the money will pay for

The award will pay for:

- £38,000 for six new CCTV cameras on the promenade, linked to the council's control room.
- £29,000 to open a second Safe Haven, at {planned_hub}, from summer 2027, building on the {open_hub} Safe Haven.
- £25,000 for brighter lighting at the station footbridge.

## What they said

Councillor {chair} said: "We are delighted. The {open_hub} Safe Haven has already helped more than 150 people \
since it opened in June, and a second one at {planned_hub} will make a real difference."

Officers and wardens completed more than 1,400 hours of patrol, made 71 arrests and issued 44 directions to leave.
"""


@pytest.fixture(scope="module")
def harbour_report(tmp_path_factory):
    """The press release, indexed for real."""
    return one_document_assistant(tmp_path_factory, "harbour", "seafront-awards.md", harbour_text(),
                                  f"Commissioner backs safer seafronts in {PLACES[0]}", "Police and Crime Commissioner",
                                  "press release", "2026-08-04")


def test_the_engine_still_answers_what_the_neighbouring_lines_do_say(harbour_report):
    """The rules above refuse neighbours, never the lines they stand beside: each of these asks what one of those
    lines does say, and the engine over the release still gives it."""
    open_hub, planned_hub = HUBS[0]
    for question, figure in ((f"how many people has the {open_hub} Safe Haven helped?", "150"),
                             (f"How much will the second Safe Haven at {planned_hub} get?", "£29,000"),
                             ("how many new CCTV cameras will there be?", "six"),
                             ("how many arrests did officers and wardens make?", "71"),
                             ("how many directions to leave were issued?", "44")):
        assert figure in harbour_report.ask(question).text, question
