"""Classes of wrong-sentence failure found on sets written blind (unseen_shire_blind, unseen_city_blind,
passages_blind_h/i): the right document, but a line that does not hold what the question's wording asks for.

- "What is item 7 on the agenda for the July meeting?": the agenda's line, in the July pack, not the heading
  numbered 7 in October's minutes (whose own words, "ran from 20 July", date what it reports, not the meeting);
- "How is the training delivered?": the line that says how ("Delivered via ..."), not one that says what it is;
- "Which round of the fund ...?", "which charity will run it?": the line naming one of that kind ("Round 6",
  "the charity <Name> <Force>"), a place inside that name being no other place;
- "What hours would the ban apply?": a time;
- "How many people responded?": a number of responses, not a share of respondents.

Rules are pinned on plain data, and the real engine is run on documents of an invented partnership written by a
seeded generator: names, dates and figures are the generator's, never read back from the code under test.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass

import pytest

from assistant.answer.asked import asked_kind, manner_verb, names_one
from assistant.answer.judge import _acted
from assistant.answer.wants import wants
from assistant.text.terms import content_terms
from generated_corpora import coined, coined_person

SEED = 20261208


# --- rules on plain data -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, verb", [
    ("How is the basic awareness training delivered?", "delivered"),
    ("How are the patrols funded?", "funded"),
    ("how will the money be spent", "spent"),
    ("How was the survey carried out and when?", ""),  # the verb does not end the question
    ("How many people were arrested?", ""),
    ("How long has the order been in force?", ""),
    ("How is crime in the district?", ""),
])
def test_a_how_question_asks_the_manner_of_its_closing_verb(question, verb):
    assert manner_verb(question) == verb


@pytest.mark.parametrize("question, kind", [
    ("Which round of the Safer Streets Fund did the money come from?", "round"),
    ("Which charity will run the youth project?", "charity"),
    ("What kind of crime rose most?", ""),
    ("Which type of order was made?", "order"),  # the noun after "type of" is the kind
])
def test_which_kind_is_read_before_of_too(question, kind):
    assert asked_kind(question) == kind


@pytest.mark.parametrize("text, kind, named", [
    ("Round 6 awards were announced on 9 February 2026.", "round", True),
    ("- a youth outreach project run by the charity Streetwise Valemarch.", "charity", True),
    ("It will be hosted by Vale Museum.", "museum", True),
    ("The round of bids closed in March.", "round", False),
    ("A charity will be chosen later.", "charity", False),
])
def test_a_thing_of_the_kind_is_named_before_or_after_the_kind(text, kind, named):
    assert names_one(text, kind, f"Which {kind} was it?") is named


@pytest.mark.parametrize("question", ["What hours would the ban apply?", "Between what times is the hub open?",
                                      "What are the opening hours of the safe haven?"])
def test_hours_of_the_day_are_a_time(question):
    assert wants(question).time
    assert wants(question).fits("between 8pm and 6am")
    assert not wants(question).fits("78% supported the ban on car meets")


@pytest.mark.parametrize("text, fits", [
    ("The consultation received 612 responses.", True),
    ("Seven people were arrested.", True),
    ("78% of respondents supported the restriction.", False),
    ("Support rose to 71 per cent.", False),
])
def test_how_many_is_not_answered_by_a_share(text, fits):
    assert wants("How many people responded to the consultation?").fits(text) is fits
    if not fits:  # a share is the answer when a share is asked for
        assert wants("What percentage of people responded?").fits(text)


@pytest.mark.parametrize("verb, line, acted", [
    ("responded", "received 612 responses", True),
    ("attended", "attendance was 40", True),
    ("arrested", "14 arrests", True),
    ("responded", "612 people replied", False),
    ("attended", "the attack was reported", False),
])
def test_an_action_is_said_by_its_verb_or_its_noun(verb, line, acted):
    assert _acted(frozenset(content_terms(verb)), frozenset(content_terms(line))) is acted


# --- the engine on an invented partnership -------------------------------------------------------------------

@dataclass(frozen=True)
class Partnership:
    area: str
    item: int
    july_item: str
    october_item: str
    training: str
    delivery: str
    round: int
    charity: str
    hours: tuple[str, str]
    responses: int
    files: dict[str, str]


def make_partnership(rng: random.Random) -> Partnership:
    area = coined(rng)
    item = rng.randint(5, 8)
    july_item, october_item = f"{coined(rng)} Duty refresh", f"{coined(rng)} order: consultation results"
    training, delivery = f"{coined(rng)} Awareness Training", f"Delivered via a {coined(rng)} online module."
    rnd, charity = rng.randint(3, 9), f"{coined(rng)} {area}"
    hours = (f"{rng.randint(7, 11)}pm", f"{rng.randint(4, 7)}am")
    responses, share = rng.randint(300, 900), rng.randint(55, 90)
    officer, lead = coined_person(rng), coined_person(rng)
    rows = "\n".join(f"| {n} | Title: {july_item if n == item else coined(rng) + ' update'} | Presented by: "
                     f"{coined_person(rng)} |" for n in range(1, 11))
    pack = f"""# Safer {area} Partnership Board, 9 July 2026: agenda pack

## Agenda

| Item | Title | Presented by |
|---|---|---|
{rows}

## {training}

{delivery}

Provides a basic overview of the {coined(rng)} duty, the signs to look for and what to do.
"""
    headings = "\n\n".join(
        f"## {n}. {october_item if n == item else coined(rng) + ' report'}\n\n"
        + (f"{officer} reported that the consultation, which ran from 20 July to 31 August 2026, received "
           f"{responses} responses." if n == item else f"{coined_person(rng)} gave an update, which was noted.")
        for n in range(1, 11))
    minutes = f"# Safer {area} Partnership Board\n\nMinutes of the meeting held on 8 October 2026\n\n{headings}\n"
    faq = f"""# {area} town centre order: frequently asked questions

The order would apply for three years. Officers work extra hours at weekends to enforce it.

## What will it stop people doing?

- Taking part in car cruising or "car meets" in the {area} Quay car park between {hours[0]} and {hours[1]}

## What did the consultation say?

{share}% of respondents supported the ban on car meets.
"""
    release = f"""# £{rng.randint(100, 190)},500 to make {area} station safer

{area} will receive the money from the Home Office Safer Streets Fund, the commissioner {lead} confirmed.

## What the money will pay for

- {rng.randint(5, 9)} new CCTV cameras;
- a youth outreach project run by the charity {charity}.

Work is due to start on 16 March 2026.

## Notes to editors

1. The Safer Streets Fund is a Home Office fund for local crime prevention projects. Round {rnd} awards were
announced on 9 February 2026.
"""
    slug = area.casefold()
    return Partnership(area, item, july_item, october_item, training, delivery, rnd, charity, hours, responses, {
        f"{slug}-board-2026-07-09-pack.md": pack, f"{slug}-board-2026-10-08-minutes.md": minutes,
        f"{slug}-order-faq-2026-10-20.md": faq, f"{slug}-press-release-2026-03-03.md": release})


@pytest.fixture(scope="module")
def partnership(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    made = make_partnership(random.Random(SEED))
    corpus = tmp_path_factory.mktemp("invented-partnership")
    entries = []
    for file, text in made.files.items():
        (corpus / file).write_text(text, encoding="utf-8")
        entries.append({"file": file, "title": text.splitlines()[0].lstrip("# "),
                        "publisher": f"{made.area} District Council", "kind": "council document",
                        "date": re.search(r"\d{4}-\d\d-\d\d", file).group()})
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    index = tmp_path_factory.mktemp("invented-partnership-index")
    build_index(corpus, index)
    return Assistant.load(index), made


@pytest.mark.slow
def test_an_agenda_item_is_read_from_the_agenda_of_the_month_asked(partnership):
    engine, made = partnership
    answer = engine.ask(f"What is item {made.item} on the agenda for the July board meeting?")
    assert answer.answerable and made.july_item in answer.text and made.october_item not in answer.text, answer.text


@pytest.mark.slow
def test_how_something_is_delivered_is_the_line_that_says_how(partnership):
    engine, made = partnership
    answer = engine.ask(f"How is {made.training} delivered?")
    assert answer.answerable and made.delivery.rstrip(".") in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("asked, expected", [
    ("Which round of the Safer Streets Fund did the {area} money come from?", "Round {round}"),
    ("Which charity will run the youth outreach project in {area}?", "{charity}"),
])
def test_which_kind_is_answered_by_the_line_naming_one(partnership, asked, expected):
    engine, made = partnership
    answer = engine.ask(asked.format(area=made.area))
    assert answer.answerable and expected.format(round=made.round, charity=made.charity) in answer.text, answer.text


@pytest.mark.slow
def test_the_hours_of_a_ban_are_the_line_that_gives_them(partnership):
    engine, made = partnership
    answer = engine.ask(f"What hours would the car meet ban apply in the {made.area} Quay car park?")
    assert answer.answerable and all(h in answer.text for h in made.hours), answer.text


@pytest.mark.slow
def test_how_many_responded_is_the_number_of_responses(partnership):
    engine, made = partnership
    answer = engine.ask(f"How many people responded to the {made.area} order consultation?")
    assert answer.answerable and str(made.responses) in answer.text, answer.text


class _Labels:
    """Facts that know only each line's headings, for `agenda.under_agenda`."""

    def __init__(self, *labels: str):
        self.labels = labels

    def label(self, i: int) -> str:
        return self.labels[i]


@pytest.mark.parametrize("label, under", [
    ("Safer Vale Board, 9 July 2026: agenda pack › AGENDA", True),
    ("Vale District Council › Agenda › Item\tTitle\tPresented by", True),
    ("Vale Board pack › Cultural Strategy › three strategic themes", False),  # a numbered list, not the agenda
    ("Vale Board pack › Community safety update › AGENDA ITEM 8", False),  # a report filed under an item
])
def test_an_agenda_line_is_one_under_the_heading_agenda(label, under):
    from assistant.answer import agenda

    assert agenda.under_agenda(_Labels(label), 0) is under
