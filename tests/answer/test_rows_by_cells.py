"""Answers that sit in small tables, lists and data files, read by their cells (classes from unseen_port_blind and
passages_blind_j): the rows of a table holding a value ("which priorities are rated green?") under the paragraph
that introduces it, never its legend; the row of a data file named by one cell of each key column (month × place ×
type) and the header of the figure asked; the agenda item after or before a named one; a numbered criterion asked
by its number ("benchmark 3").

Names, values and figures come from a seeded generator, on documents this test writes (another council, a CSV of
another shape); expected answers are the generator's own values. The data-row and agenda-step look-ups are read
directly (`table_rows.data_row`, `agenda.neighbouring_item`): the selection calls them before ranking sentences.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import agenda, table_rows
from assistant.answer.asked import neighbour_asked, numbered
from assistant.answer.facts import facts_for
from generated_corpora import coined, coined_person

SEED = 20261207
MONTHS = ("April", "May", "June", "July")
RATINGS = ("Red", "Amber", "Green")


@pytest.mark.parametrize("question, asked", [
    ("straight after the minutes on the december agenda, what's the next item?", (1, "minutes")),
    ("which item comes before the police update?", (-1, "police update")),
    ("what follows the declarations of interest on the agenda?", (1, "declarations of interest")),
    ("what is on the agenda after the minutes?", (1, "minutes")),
    ("When was the next board meeting after July supposed to be?", None),  # a date, not an item
    ("What happened after the meeting?", None),  # no item asked
    ("what item came after item 3?", None),  # by number: `numbered`
])
def test_an_item_asked_by_its_neighbour(question, asked):
    assert neighbour_asked(question) == asked


@pytest.mark.parametrize("question, line, matches", [
    ("what's benchmark 3 in the prevent criteria", "3 The area has an agreed plan.", True),
    ("what does recommendation 2 say?", "2. Improve the lighting on the footbridge", True),
    ("what's benchmark 3 in the prevent criteria", "4 There is an agreed pathway.", False),
    ("what is the rate in 3 districts?", "3 The area has an agreed plan.", None),  # no numbered thing asked
])
def test_a_numbered_criterion_is_asked_by_its_number(question, line, matches):
    pattern = numbered(question)
    if matches is None:
        assert pattern is None
    else:
        assert bool(pattern.match(line)) is matches


def _engine(tmp_path_factory, name: str, documents: list[tuple[str, str, str, str]]):
    """An engine over documents given as (file, title, date, text), each with its manifest entry, indexed for real."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(name)
    for file, _, _, text in documents:
        (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": "District Council", "kind": "agenda", "date": date}
        for file, title, date, _ in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"{name}-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """A partnership's papers: an agenda, a priorities table with a RAG column under a paragraph whose last sentence
    is a legend naming every rating, numbered criteria, and a CSV of enforcement by month × zone × offence."""
    rng = random.Random(SEED)
    council = coined(rng)
    items = ["Welcome and apologies", "Declarations of interest", "Minutes of the last meeting",
             f"{coined(rng)} youth outreach update", f"{coined(rng)} retail radio scheme", "Any other business"]
    priorities = [f"{coined(rng)} {topic}" for topic in ("street drinking", "cycle theft", "fly-tipping",
                                                          "retail crime", "youth nuisance")]
    ratings = [RATINGS[k % 3] for k in range(len(priorities))]
    rng.shuffle(ratings)
    leads = [coined_person(rng) for _ in priorities]
    criteria = [f"The area has an agreed {coined(rng)} plan.", f"There is a {coined(rng)} referral pathway.",
                f"Staff are trained in {coined(rng)} awareness.", f"A {coined(rng)} panel meets monthly."]
    agenda_lines = "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))
    rows = "\n".join(f"| {n}. {p} | {lead} | {rating} | Work continues. |"
                     for n, (p, lead, rating) in enumerate(zip(priorities, leads, ratings), start=1))
    numbered_criteria = "\n\n".join(f"{n} {text}" for n, text in enumerate(criteria, start=1))
    text = f"""# {council} Community Safety Partnership

## Agenda

{agenda_lines}

## Partnership priorities: progress and RAG rating

The partnership agreed five priorities in April. Their status is set out below (Red: off track; Amber: some risk; Green: on track).

| Priority | Lead | RAG | Update |
|---|---|---|---|
{rows}

## Assurance criteria

{numbered_criteria}
"""
    zones = [f"{coined(rng)} {kind}" for kind in ("Quay", "Gardens", "Parade")]
    offences = ["Street drinking (failure to surrender)", "Dog fouling", "Amplified music"]
    figures = {(m, z, o): (rng.randint(0, 30), rng.randint(0, 9), rng.randint(0, 9))
               for m in range(4, 8) for z in zones for o in offences}
    csv = "month,zone,offence,verbal_warnings,fixed_penalty_notices_issued,fixed_penalty_notices_paid\n" + "".join(
        f"2026-{m:02d},{z},{o},{a},{b},{c}\n" for (m, z, o), (a, b, c) in figures.items())
    engine = _engine(tmp_path_factory, "rows-by-cells", [
        ("partnership-agenda-2026-10.md", f"{council} Community Safety Partnership", "2026-10-08", text),
        ("enforcement-2026.csv", "Seafront enforcement", "2026-09-01", csv)])
    return engine, dict(items=items, priorities=priorities, ratings=ratings, criteria=criteria, zones=zones,
                        offences=offences, figures=figures)


@pytest.mark.parametrize("rating", RATINGS)
def test_the_rows_rated_so_are_listed_not_the_legend_alone(papers, rating):
    engine, made = papers
    answer = engine.ask(f"which of the partnership priorities are rated {rating.lower()}?")
    rated = [p for p, r in zip(made["priorities"], made["ratings"]) if r == rating]
    others = [p for p, r in zip(made["priorities"], made["ratings"]) if r != rating]
    assert rated and all(p in answer.text for p in rated), answer.text
    assert not any(p in answer.text for p in others), answer.text


def _row(engine, question: str) -> str | None:
    index = engine.index
    found = table_rows.data_row(facts_for(index), question, index.documents)
    return None if found is None else index.documents[index.sentences[found[1]].document].text[
        index.sentences[found[1]].start:index.sentences[found[1]].end]


@pytest.mark.parametrize("pick", range(6))
def test_a_data_row_is_named_by_a_cell_of_each_key_column(papers, pick):
    engine, made = papers
    rng = random.Random(pick)
    (month, zone, offence), (warnings, issued, paid) = rng.choice(sorted(made["figures"].items()))
    name = MONTHS[month - 4]
    short = offence.split(" (")[0].lower()
    asked = [(f"how many verbal warnings for {short} on {zone} in {name} 2026?", warnings),
             (f"how many FPNs were issued for {short} in {zone} in {name} 2026", issued),
             (f"{short} fixed penalties paid on {zone}, {name} 2026", paid)]
    for question, value in asked:
        row = _row(engine, question)
        assert row is not None, question
        cells = row.split("\t")
        assert cells[:3] == [f"2026-{month:02d}", zone, offence] and str(value) in cells[3:], (question, row)


@pytest.mark.parametrize("question", [
    "how many verbal warnings for dog fouling in July 2026?",  # no zone: every zone's row fits
    "how many verbal warnings for dog fouling on {zone} in July 2025?",  # a month the file does not hold
    "how many dog fouling cases on {zone} in July 2026?",  # no figure column named
])
def test_a_data_row_not_named_by_every_cell_is_not_guessed(papers, question):
    engine, made = papers
    assert _row(engine, question.format(zone=made["zones"][0])) is None


@pytest.mark.parametrize("n", range(1, 5))
def test_the_item_after_or_before_a_named_one(papers, n):
    engine, made = papers
    index = engine.index
    facts = facts_for(index)
    named = made["items"][n]
    after = agenda.neighbouring_item(facts, f"on the october agenda, what's the item after the {named.lower()}?",
                                     index.documents)
    before = agenda.neighbouring_item(facts, f"which item comes before the {named.lower()}?", index.documents)
    assert made["items"][n + 1] in facts.text(index.sentences[after])
    assert made["items"][n - 1] in facts.text(index.sentences[before])
    # an agenda of another month is not read
    assert agenda.neighbouring_item(facts, f"what's the item after the {named.lower()} on the march agenda?",
                                    index.documents) is None


@pytest.mark.parametrize("n", range(1, 5))
def test_a_numbered_criterion_answers_by_its_number(papers, n):
    engine, made = papers
    answer = engine.ask(f"what's benchmark {n} in the assurance criteria?")
    assert made["criteria"][n - 1] in answer.text, answer.text

