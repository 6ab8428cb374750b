"""The follow-up classes over generated documents, so none of them depends on the real corpus's names.

The corpus is another force's performance summary (`make_fixtures.make_other_force`) and a community-safety
bulletin written here about that force's districts: figures for each district and the year before, a scheme with
its start date, who runs it and what it cost, and a list of projects, all drawn from a seeded generator with
made-up names. Expected answers come from the generator's own values, never from the code under test.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass

import pytest

from generated_corpora import corpus_with, make_fixtures, other_force_names, seeded_build
from generated_corpora import coined

SEED = 20250307
BULLETIN = "community-safety-bulletin-2025.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Bulletin:
    text: str
    label: str  # the crime type the round-up counts, as the tables print it
    counts: dict[str, tuple[int, int]]  # district -> (this year, the year before)
    scheme: str
    started: str
    runner: str
    cost: int
    projects: tuple[str, ...]


def make_bulletin(districts: list[str], labels: list[str], rng: random.Random) -> Bulletin:
    label = rng.choice(labels)
    counts = {d: (rng.randint(120, 990), rng.randint(120, 990)) for d in districts}
    scheme, runner = f"{coined(rng)} Watch", f"the {coined(rng)} Trust"
    started = f"{rng.randint(2, 27)} {rng.choice(['March', 'May', 'September', 'October'])} 2024"
    cost = rng.randint(11, 95) * 1000 + 500
    projects = tuple(f"{coined(rng)} {kind}"
                     for kind in ("Youth Club", "Street Lighting", "Market Patrols", "Safe Haven"))
    lines = ["# Community Safety Bulletin, Spring 2025", "", "## Neighbourhood round-up", ""]
    for district, (now, before) in counts.items():
        lines += [f"In {district}, the neighbourhood teams recorded {now:,} reports of {label.lower()} in the year to "
                  f"March 2025, compared with {before:,} the year before.", ""]
    lines += ["## Schemes", "", f"The {scheme} scheme started on {started} and is run by {runner}. It cost "
              f"£{cost:,} in its first year.", "", "## Projects", "", "The projects funded this year are:", ""]
    lines += [f"- {project}" for project in projects] + [""]
    return Bulletin("\n".join(lines), label, counts, scheme, started, runner, cost, projects)


@pytest.fixture(scope="module")
def generated_thread(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated-thread")
    districts, leaves = other_force_names(out)
    bulletin = make_bulletin(districts[:4], leaves, random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-thread"), out, (make_fixtures.OTHER_FORCE,), False)
    (corpus / BULLETIN).write_text(bulletin.text)
    manifest = json.loads((corpus / "manifest.json").read_text())
    manifest["documents"].append({"file": BULLETIN, "title": "Community Safety Bulletin, Spring 2025",
                                  "publisher": "Neighbourhood Partnership", "kind": "newsletter", "date": "2025-04-01"})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "thread", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), bulletin


def _count_question(bulletin: Bulletin, district: str) -> str:
    return f"According to the community safety bulletin, how many reports of {bulletin.label.lower()} were there " \
           f"in {district}?"


def _cites_bulletin(answer) -> bool:
    return answer.answerable and any(c.document == BULLETIN for c in answer.citations)


def test_a_place_a_follow_up_names_replaces_the_last_answers(generated_thread):
    engine, bulletin = generated_thread
    for first, second in itertools.permutations(bulletin.counts, 2):
        for follow_up in (f"And in {second}?", f"What about {second}?"):
            answer = engine.ask_turns([_count_question(bulletin, first), follow_up])
            assert _cites_bulletin(answer) and f"{bulletin.counts[second][0]:,}" in answer.text, (follow_up,
                                                                                                  answer.text)


def test_a_follow_up_naming_nothing_new_is_answered_from_what_was_quoted(generated_thread):
    engine, bulletin = generated_thread
    for district, (_, before) in bulletin.counts.items():
        for follow_up in ("And the year before?", "How many were there the year before?"):
            answer = engine.ask_turns([_count_question(bulletin, district), follow_up])
            assert _cites_bulletin(answer) and f"{before:,}" in answer.text, answer.text


@pytest.mark.parametrize("follow_up, expected", [
    ("Who runs it?", lambda b: b.runner.removeprefix("the ")),
    ("How much did it cost?", lambda b: f"£{b.cost:,}"),
    ("And who runs the scheme?", lambda b: b.runner.removeprefix("the ")),
])
def test_a_follow_up_about_the_same_thing_stays_in_its_passage(generated_thread, follow_up, expected):
    engine, bulletin = generated_thread
    first = engine.ask(f"When did the {bulletin.scheme} scheme start?")
    assert _cites_bulletin(first) and bulletin.started in first.text, first.text
    answer = engine.ask_turns([f"When did the {bulletin.scheme} scheme start?", follow_up])
    assert _cites_bulletin(answer) and expected(bulletin) in answer.text, answer.text


@pytest.mark.parametrize("follow_ups, position", [(["What's the second one?"], 1), (["And the third?"], 2),
                                                  (["What's the second one?", "And the one after that?"], 2)])
def test_a_follow_up_steps_through_the_last_answers_list(generated_thread, follow_ups, position):
    engine, bulletin = generated_thread
    answer = engine.ask_turns(["Which projects are funded this year according to the bulletin?", *follow_ups])
    assert _cites_bulletin(answer) and bulletin.projects[position] in answer.text, answer.text
    assert not any(p in answer.text for n, p in enumerate(bulletin.projects) if n != position), answer.text


def test_what_the_tables_show_for_that_is_the_table_figure_for_its_place_and_crime(generated_thread):
    engine, bulletin = generated_thread
    district = next(iter(bulletin.counts))
    answer = engine.ask_turns([_count_question(bulletin, district), "What do the performance tables show for that?"])
    alone = engine.ask(f"How many {bulletin.label.lower()} offences were there in {district}?")
    assert alone.answerable and alone.figures, alone.text
    assert answer.answerable and [f.value for f in answer.figures] == [f.value for f in alone.figures], answer.text
    assert not any(c.document == BULLETIN for c in answer.citations)


@pytest.mark.parametrize("second", ["Which district had the most {label}?",
                                    "How many {label} offences were there in {district}?"])
def test_a_new_table_question_after_a_passage_answer_stands_alone(generated_thread, second):
    engine, bulletin = generated_thread
    district = list(bulletin.counts)[-1]
    question = second.format(label=bulletin.label.lower(), district=district)
    after = engine.ask_turns([_count_question(bulletin, list(bulletin.counts)[0]), question])
    assert after.text == engine.ask(question).text


def test_which_of_the_two_is_answered_from_the_last_two_answers(generated_thread):
    engine, bulletin = generated_thread
    first, second = list(bulletin.counts)[:2]
    answer = engine.ask_turns([_count_question(bulletin, first), f"And in {second}?", "Which of the two had more?"])
    assert _cites_bulletin(answer), answer.text
    assert all(f"{bulletin.counts[d][0]:,}" in answer.text for d in (first, second)), answer.text
