"""Follow-ups that point at the last answer, over documents written here (none of the repo corpus's names).

The corpus is another force's performance summary (`make_fixtures.make_other_force`), two meetings' minutes of one
made-up board (a strategy's strands, funded projects with their status, dated nights of action, a police update,
who came from which body) and a made-up local newspaper's article about two of the force's districts. Names,
dates and figures come from a seeded generator; each expected answer is read from the generator's values.

Classes: the next or previous item of a list and the next or previous date of a thing; "which of them ...?";
"what did he say about ...?"; a first question the documents do not answer, whose meeting the follow-up is still
asked of; "what did the board say about it?" after a table answer; a newspaper's thread taken up again after
the tables were asked about its figure; a question standing on its own after all of these.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import corpus_with, make_fixtures, other_force_names, seeded_build
from generated_corpora import coined, coined_person

SEED = 20261206
MINUTES = ("board-minutes-2025-03-14.md", "board-minutes-2024-09-09.md")
ARTICLE = "gazette-crime-article-2025.txt"
MEETINGS = ("14 March 2025", "9 September 2024")
MONTH_NUMBERS = {"March": 3, "September": 9}
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Board:
    name: str
    strands: tuple[str, ...]
    projects: tuple[str, ...]
    part_complete: str
    operation: str
    nights: tuple[str, str]  # the night of action carried out, and the next one
    inspector: str
    searches: int
    home_office: dict[str, str]  # meeting -> who came from the Home Office
    home_office_too: str  # a second Home Office attendee at the September meeting
    label: str  # the crime type a councillor asked about, as the tables print it
    other_label: str  # another crime type the tables print
    district: str  # where
    councillor: str
    falls: dict[str, int]  # district -> the newspaper's % fall
    scheme: str
    allocation: int
    unit: str  # who produced the performance report, and when
    produced: str
    vision: str  # the culture strategy's vision, and its themes
    themes: tuple[str, ...]


def make_board(districts: list[str], labels: list[str], rng: random.Random) -> Board:
    strands = tuple(f"{coined(rng)}ing" for _ in range(4))
    kinds = ("Youth Club", "Street Lighting", "Underpass Mural", "Safe Haven")
    projects = tuple(f"{coined(rng)} {kind}" for kind in kinds)
    done = f"{rng.randint(2, 27)} February 2025"  # before the March 2025 meeting, and the next one after it
    upcoming = f"{rng.randint(2, 27)} April 2025"
    return Board(name=f"Safer {coined(rng)}", strands=strands, projects=projects, part_complete=rng.choice(projects),
                 operation=f"Operation {coined(rng)}", nights=(done, upcoming), inspector=coined_person(rng),
                 searches=rng.randint(40, 400), home_office={m: coined_person(rng) for m in MEETINGS},
                 home_office_too=coined_person(rng),
                 label=(label := rng.choice(labels)), other_label=rng.choice([x for x in labels if x != label]),
                 district=rng.choice(districts), councillor=coined(rng),
                 falls={d: rng.randint(3, 19) for d in districts[:2]}, scheme=f"{coined(rng)} Hotspot Pilot",
                 allocation=rng.randint(11, 95) * 1000 + 190, unit=f"{coined(rng)} Analysis Team",
                 produced=rng.choice(["January 2025", "February 2025"]),
                 vision=f"{coined(rng)} is celebrated as a place where {coined(rng).lower()} heritage meets a lively "
                        "future of learning and creativity.",
                 themes=tuple(f"{verb} {coined(rng)}" for verb in ("Nurture", "Improve", "Celebrate")))


def minutes_text(board: Board, meeting: str) -> str:
    lines = [f"# {board.name} Partnership Board: minutes of the meeting of {meeting}", "", "## Present", "",
             "The following attended:", "",
             f"- {board.inspector}, Chief Inspector, Police", f"- {board.home_office[meeting]}, Home Office",
             *([f"- {board.home_office_too}, Home Office"] if meeting == MEETINGS[1] else []),
             f"- {coined_person(random.Random(meeting))}, County Council", "",
             "## 4. Update from the police", "",
             (f"{board.inspector}, Chief Inspector, gave an update on policing in the district. The Board was "
              "advised that there had been changes to the command team. Patrols had been stepped up in the town "
              "centre at weekends"), "",
             f"including {board.searches} stop and searches. There was also a recent arrest.", "",
             (f"Councillor {board.councillor} asked about {board.label.lower()} in {board.district} and was told "
              "that the neighbourhood team was running extra patrols to tackle it."), ""]
    if meeting != MEETINGS[0]:  # the strategy, projects and nights of action are the March meeting's business
        return "\n".join(lines)
    lines += ["## 5. The prevention strategy", "",
             "The prevention strategy is made up of 4 strands, each with its own aim:", ""]
    lines += [f"{strand}: to {aim}." for strand, aim in zip(board.strands, (
        "stop harm before it starts", "protect the places people gather", "support people at risk",
        "recover quickly when harm happens"))] + [""]
    lines += ["## 6. Funded projects", "", "The projects funded by the safety fund are listed below:", ""]
    lines += [f"- {p} – {'part complete' if p == board.part_complete else 'complete'}" for p in board.projects] + [""]
    done, upcoming = board.nights
    lines += ["## 7. Nights of action", "",
              (f"A night of action was carried out in the market square on {done} which saw fewer complaints of "
               f"anti-social behaviour. The next {board.operation} night of action in the town centre is {upcoming}."),
              "", "## 8. Hotspot patrols", "",
              (f"Last year the county was chosen to take part in the national {board.scheme}. Ten zones were "
               f"identified with one being in {board.district}. This zone has benefitted from extra patrols with an "
               f"allocation of £{board.allocation:,}. Each patrol is led by a sergeant. Officers also bid for "
               f"problem-solving funds associated with the {board.scheme} and gained £{board.allocation // 7:,} to "
               "upgrade cameras in the zone."), "",
              "## 9. Performance report", "", f"**Production Date:** {board.produced}", "",
              f"**Unit:** {board.unit}", "", "**Sensitivity:** Official", "", "### About the report", "",
              "This performance report explains how each district is performing against its priorities.", "",
              "## 10. Culture strategy", "", "### Our Cultural Vision 2025 - 2035", "", board.vision, "",
              "### Three strategic themes", "", *(f"{n}. {theme}" for n, theme in enumerate(board.themes, 1)), "",
              "## 11. Culture partnership", "", "The partnership brings together councils, charities and schools.",
              "", "Our vision is a future where communities are united through shared cultural growth.", ""]
    return "\n".join(lines)


def article_text(board: Board) -> str:
    first, second = board.falls
    return "\n\n".join([
        "Crime falls across the county, figures show",
        f"Crime in {first} fell by {board.falls[first]}% last year, according to figures seen by the Gazette.",
        f"In {second}, recorded crime dropped by {board.falls[second]}% over the same period, the paper found.",
    ]) + "\n"


@pytest.fixture(scope="module")
def pointing(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated-pointing")
    districts, leaves = other_force_names(out)
    board = make_board(districts[:4], leaves, random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-pointing"), out, (make_fixtures.OTHER_FORCE,), False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    for file, meeting in zip(MINUTES, MEETINGS):
        (corpus / file).write_text(minutes_text(board, meeting))
        day, month, year = meeting.split()
        manifest["documents"].append({"file": file, "title": f"{board.name} Partnership Board, {meeting}",
                                      "publisher": "District Council", "kind": "minutes",
                                      "date": f"{year}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"})
    (corpus / ARTICLE).write_text(article_text(board))
    manifest["documents"].append({"file": ARTICLE, "title": "Crime falls across the county, figures show",
                                  "publisher": "The Gazette (local newspaper)", "kind": "news article",
                                  "date": "2025-02-01"})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "pointing", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), board


def _cites(answer, document: str) -> bool:
    return answer.answerable and any(c.document == document for c in answer.citations)


STRANDS = "According to the March 2025 minutes, what are the four strands of the prevention strategy?"


@pytest.mark.parametrize("turns, position", [
    (["What's the second one?", "And the next one?"], 2),
    (["What's the third one?", "And the one before?"], 1),
    (["What's the first one?", "And the one after that?", "And the next one?"], 2),
])
def test_the_next_or_previous_item_steps_through_the_list_the_last_answer_came_from(pointing, turns, position):
    engine, board = pointing
    answer = engine.ask_turns([STRANDS, *turns])
    assert _cites(answer, MINUTES[0]) and board.strands[position] in answer.text, answer.text
    assert not any(s in answer.text for n, s in enumerate(board.strands) if n != position), answer.text


def test_the_one_before_a_dated_answer_is_the_same_things_earlier_date(pointing):
    engine, board = pointing
    done, upcoming = board.nights
    first = engine.ask(f"When is the next {board.operation} night of action?")
    assert upcoming in first.text, first.text
    answer = engine.ask_turns([f"When is the next {board.operation} night of action?", "And the one before?"])
    assert _cites(answer, MINUTES[0]) and done in answer.text and upcoming not in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["Which of them is only part complete?", "Which one is part complete?"])
def test_which_of_them_is_the_item_of_the_last_list_that_says_so(pointing, follow_up):
    engine, board = pointing
    answer = engine.ask_turns(["Which projects are funded by the safety fund, according to the March 2025 minutes?",
                               follow_up])
    assert _cites(answer, MINUTES[0]) and board.part_complete in answer.text, answer.text
    assert not any(p in answer.text for p in board.projects if p != board.part_complete), answer.text


def test_what_he_said_about_something_is_read_in_the_part_of_the_minutes_he_spoke_in(pointing):
    engine, board = pointing
    answer = engine.ask_turns(["Who gave the update from the police at the March 2025 meeting?",
                               "What did he say about stop and searches?"])
    assert _cites(answer, MINUTES[0]) and str(board.searches) in answer.text, answer.text


def test_a_follow_up_to_an_unanswered_question_is_asked_of_the_meeting_it_named(pointing):
    engine, board = pointing
    first = f"What did the {MEETINGS[1]} board meeting decide about parking fines?"
    assert not engine.ask(first).answerable
    answer = engine.ask_turns([first, "And who attended from the Home Office?"])
    assert _cites(answer, MINUTES[1]), answer.text
    assert board.home_office[MEETINGS[1]] in answer.text and board.home_office_too in answer.text, answer.text
    assert board.home_office[MEETINGS[0]] not in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["What did the board say about it?", "What was said about that?"])
def test_a_passage_follow_up_to_a_table_answer_is_about_that_answers_crime(pointing, follow_up):
    engine, board = pointing
    table = f"How many {board.label.lower()} offences were there in {board.district}?"
    assert engine.ask(table).figures, "the tables answer the first turn"
    answer = engine.ask_turns([table, follow_up])
    assert answer.answerable and f"Councillor {board.councillor}" in answer.text, answer.text


def test_a_newspapers_thread_is_taken_up_again_after_the_tables(pointing):
    engine, board = pointing
    first, second = board.falls
    turns = [f"According to the newspaper, how much did crime fall in {first}?",
             "What do the performance tables show for that?"]
    tables = engine.ask_turns(turns)
    assert tables.figures and not _cites(tables, ARTICLE), tables.text
    answer = engine.ask_turns([*turns, f"And what did the newspaper say about {second}?"])
    assert _cites(answer, ARTICLE) and f"{board.falls[second]}%" in answer.text, answer.text


def test_a_follow_up_adding_a_word_is_answered_from_the_line_beside_the_last_quote(pointing):
    engine, board = pointing
    first = f"What is the {board.scheme}?"
    assert _cites(engine.ask(first), MINUTES[0])
    answer = engine.ask_turns([first, "How much was allocated?"])
    assert _cites(answer, MINUTES[0]) and f"£{board.allocation:,}" in answer.text, answer.text


def test_a_follow_up_asking_another_kind_of_fact_is_answered_from_the_line_nearest_the_quote(pointing):
    engine, board = pointing
    first = "Which unit produced the performance report?"  # answered with a line near the unit's, dated or not
    assert _cites(engine.ask(first), MINUTES[0])
    answer = engine.ask_turns([first, "When was it produced?"])
    assert _cites(answer, MINUTES[0]) and board.produced in answer.text, answer.text


def test_a_follow_up_naming_a_heading_near_the_quote_is_answered_from_under_that_heading(pointing):
    engine, board = pointing
    first = "What are the three strategic themes of the culture strategy?"
    assert all(theme in engine.ask(first).text for theme in board.themes)
    answer = engine.ask_turns([first, "And what's the cultural vision?"])
    assert _cites(answer, MINUTES[0]) and board.vision.rstrip(".") in answer.text, answer.text


def test_which_of_them_after_another_list_was_quoted_finds_the_list_the_question_meant(pointing):
    from assistant.answer import pointing as lines
    from assistant.answer.facts import facts_for

    engine, board = pointing
    facts = facts_for(engine.index)
    other_list = next(i for i, s in enumerate(engine.index.sentences)
                      if s.document == MINUTES[0] and facts.text(s).startswith(board.strands[0]))
    found = lines.one_of_them(facts, [other_list], "Which projects are funded by the safety fund?",
                              "Which of them is only part complete?")
    assert [facts.text(engine.index.sentences[i]) for i in found] == [f"- {board.part_complete} – part complete"]


def _alone(engine, question: str) -> list[float]:
    answer = engine.ask(question)
    assert answer.answerable and answer.figures, answer.text
    return [f.value for f in answer.figures]


@pytest.mark.parametrize("which", ["Which of the two is higher?", "Compare the two", "Both together?"])
def test_which_of_the_two_after_two_table_answers_compares_their_places(pointing, which):
    engine, board = pointing
    first, second = board.falls
    label = board.label.lower()
    turns = [f"How many {label} offences were there in {first}?", f"And in {second}?", which]
    answer = engine.ask_turns(turns)
    values = [*_alone(engine, turns[0]), *_alone(engine, f"How many {label} offences were there in {second}?")]
    assert answer.answerable and set(values) <= {f.value for f in answer.figures}, answer.text
    assert first in answer.text and second in answer.text, answer.text


def test_which_of_the_two_after_two_crime_types_compares_them_in_one_place(pointing):
    engine, board = pointing
    place = board.district
    other = board.other_label
    turns = [f"How many {board.label.lower()} offences were there in {place}?", f"And {other.lower()}?",
             "Which of the two is higher?"]
    values = [*_alone(engine, turns[0]), *_alone(engine, f"How many {other.lower()} offences were there in {place}?")]
    answer = engine.ask_turns(turns)
    assert answer.answerable and set(values) <= {f.value for f in answer.figures}, answer.text
    assert board.label.lower() in answer.text and other.lower() in answer.text, answer.text


def test_a_pointing_follow_up_to_a_question_found_nowhere_points_at_nothing(pointing):
    engine, _ = pointing
    first = "What did the mayor promise about parking fines?"
    assert not engine.ask(first).answerable
    answer = engine.ask_turns([first, "When was that?"])
    assert not answer.answerable and not answer.citations, answer.text


@pytest.mark.parametrize("before", [
    [STRANDS, "What's the second one?"],
    ["Which projects are funded by the safety fund, according to the March 2025 minutes?"],
    [f"What did the {MEETINGS[1]} board meeting decide about parking fines?"],
    ["What did the mayor promise about parking fines?"],
])
def test_a_question_that_stands_on_its_own_keeps_nothing_of_these_threads(pointing, before):
    engine, board = pointing
    alone = f"How many {board.label.lower()} offences were there in {board.district}?"
    assert engine.ask_turns([*before, alone]).text == engine.ask(alone).text


@pytest.mark.parametrize("alone", ["What is the {scheme}?", "When is the next {operation} night of action?"])
def test_a_short_question_naming_its_own_topic_after_a_passage_answer_stands_alone(pointing, alone):
    engine, board = pointing
    question = alone.format(scheme=board.scheme, operation=board.operation)
    first = f"According to the newspaper, how much did crime fall in {next(iter(board.falls))}?"
    assert _cites(engine.ask(first), ARTICLE)
    answer = engine.ask_turns([first, question])
    assert _cites(answer, MINUTES[0]) and answer.text == engine.ask(question).text, answer.text


@pytest.mark.parametrize("asked, follow_up, then", [(1, "And the next one?", 0), (0, "And the one before?", 1)])
def test_the_next_one_after_a_dated_meetings_answer_is_the_next_meetings_line(pointing, asked, follow_up, then):
    engine, board = pointing
    first = f"Who from the Home Office attended on {MEETINGS[asked]}?"
    assert board.home_office[MEETINGS[asked]] in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert _cites(answer, MINUTES[then]) and board.home_office[MEETINGS[then]] in answer.text, answer.text
    assert board.home_office[MEETINGS[asked]] not in answer.text, answer.text
