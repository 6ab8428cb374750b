"""Follow-ups that change only the time of a passage answer, and one that reads the quoted row's other column, over a
made-up partnership's two papers written here (invented names from a seeded generator; no name of the repo's
corpora): a summer agenda pack (a fund's spend to 30 June, a row for each project; warnings given April to June;
an action log; a priorities table with a lead and a RAG rating for each) and autumn minutes (the spend to 30
September with its main items, the warnings of July to September, the actions' new dates and completions), and a
newspaper's story of a rise in violent crime and what drove it.

Classes:
- a month named without a year ("and by the end of September?", "and by 30 sept?", "and july to september?") keeps
  the topic and moves to the line, in the paper that speaks for that time, printing that month (or going on from
  the line that prints it, "The main items of spend were ..."), never the line quoted before;
- "has it been done since?" and "when is it due now?" are the newest paper's word on the same item;
- "what's its RAG rating?" after one priority's row is that row, read in the column asked, never the header;
- "and what's happening with the <part> part now?" is the newest line on that part of the topic;
- "what was the main thing driving the rise?" after a quoted increase is the line after it giving its cause;
- "and in the year to September?" names a rolling period, not a moment: no line is moved to for it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, coined_person, corpus_with, seeded_build

SEED = 20261207
SUMMER = "partnership-agenda-pack-2026-07-16.md"
AUTUMN = "partnership-minutes-2026-10-15.md"
NEWS = "local-news-2026-10-20.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Papers:
    board: str
    fund: str  # what the papers call the fund
    project: str  # a project of the fund, spent on in both papers
    spent: tuple[int, int]  # the whole fund's spend to 30 June, and to 30 September
    project_spent: tuple[int, int]  # the project's
    warnings: tuple[int, int]  # April to June, July to September
    action: str  # the ref of an action whose date moved
    due: tuple[str, str]  # its date in the summer, and now
    leaflets: str  # the ref of an action done since
    done: str  # when it was done
    priority: str
    lead: str
    rating: str
    part: str  # a part of the order's renewal, put off to a later cabinet
    cabinet: str  # the date it is now due at cabinet
    town: str
    incidents: int
    cause: str  # the kind of crime the newspaper says drove the rise


def make_papers(rng: random.Random) -> Papers:
    spent = (rng.randrange(20_000, 40_000, 10), rng.randrange(60_000, 90_000, 10))
    return Papers(board=f"Safer {coined(rng)} Board", fund=f"{coined(rng)} Fund", project=f"{coined(rng)} cameras",
                  spent=spent, project_spent=(rng.randrange(5_000, 9_000, 10), rng.randrange(12_000, 19_000, 10)),
                  warnings=(rng.randint(100, 180), rng.randint(200, 320)),
                  action=f"SB-{rng.randint(10, 49)}", due=("30 September 2026", f"{rng.randint(10, 28)} January 2027"),
                  leaflets=f"SB-{rng.randint(50, 99)}", done=f"{rng.randint(10, 28)} August 2026",
                  priority=f"{coined(rng)} violence", lead=coined_person(rng),
                  rating=rng.choice(["Amber", "Red", "Green"]),
                  part=rng.choice(["e-scooter", "dog fouling", "street drinking"]),
                  cabinet=f"{rng.randint(1, 16)} December 2026", town=coined(rng, 3),
                  incidents=rng.randint(4_000, 9_000), cause=f"{coined(rng).lower()} harassment")


def summer_text(p: Papers) -> str:
    return "\n".join([
        f"# {p.board}: agenda pack for the meeting of 16 July 2026", "",
        "## Item 4. Seafront order", "",
        f"Between 1 April and 30 June 2026, officers gave {p.warnings[0]} verbal warnings under the order.",
        f"The renewal of the order, with a new {p.part} prohibition, is to be reported to Cabinet on 9 September "
        "2026.", "",
        "## Item 5. Partnership priorities: progress and RAG rating", "",
        "| Priority | Lead | RAG | Update |", "|---|---|---|---|",
        f"| 1. {p.priority} | {p.lead} | {p.rating} | Assaults down but weekends remain high. |",
        f"| 2. Retail theft | {coined_person(random.Random(1))} | Red | Offences up. |", "",
        f"## Item 6. {p.fund} 2026/27", "",
        "| Project | Allocated | Spent to 30 June 2026 | Remaining |", "|---|---|---|---|",
        f"| {p.project} | £40,000 | £{p.project_spent[0]:,} | £{40_000 - p.project_spent[0]:,} |",
        f"| Youth outreach | £20,000 | £{p.spent[0] - p.project_spent[0]:,} | "
        f"£{20_000 - p.spent[0] + p.project_spent[0]:,} |",
        f"| Total | £120,000 | £{p.spent[0]:,} | £{120_000 - p.spent[0]:,} |", "",
        "## Item 7. Action log", "",
        "| Ref | Action | Owner | Due | Status |", "|---|---|---|---|---|",
        f"| {p.action} | Produce an evaluation of the night shelter | {p.lead} | {p.due[0]} | Not started |",
        f"| {p.leaflets} | Update the victim support leaflets | {coined_person(random.Random(2))} | 30 June 2026 | "
        "Overdue |", ""])


def news_text(p: Papers) -> str:
    return "\n".join([
        f"# Violent crime rises in {p.town}", "",
        f"Police recorded {p.incidents:,} incidents of violent crime in {p.town} in the 12 months to June 2026.",
        "That was an increase of 7% compared to the previous year.",
        "At 40.2 crimes per 1,000 people, that was far higher than the national rate.",
        f"One of the main factors behind the increase in {p.town} was the rise in {p.cause}, up by a third.",
        "Drug offences were unchanged.", ""])


def autumn_text(p: Papers) -> str:
    return "\n".join([
        f"# {p.board}: minutes of the meeting held on 15 October 2026", "",
        "## 4. Seafront order", "",
        f"Between July and September 2026, officers gave {p.warnings[1]} verbal warnings under the order.",
        f"Cabinet renewed the order but deferred a decision on the {p.part} prohibition pending legal advice.",
        f"A report on the {p.part} prohibition is now due to go to Cabinet on {p.cabinet}.", "",
        f"## 6. {p.fund}", "",
        f"The Board noted spend of £{p.spent[1]:,} to 30 September 2026 against the fund of £120,000.",
        f"The main items of spend were the {p.project} (£{p.project_spent[1]:,}) and youth outreach "
        f"(£{p.spent[1] - p.project_spent[1]:,}).", "",
        "## 7. Action log", "",
        "The Board reviewed the action log and agreed the following updates:", "",
        f"- {p.action} (evaluation of the night shelter, {p.lead}): deadline moved; now due {p.due[1]}.",
        f"- {p.leaflets} (victim support leaflets): completed on {p.done}.", ""])


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    p = make_papers(random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-time-moves"), with_real=False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    for file, text, kind, date in ((SUMMER, summer_text(p), "agenda pack", "2026-07-16"),
                                   (AUTUMN, autumn_text(p), "minutes", "2026-10-15"),
                                   (NEWS, news_text(p), "news article", "2026-10-20")):
        (corpus / file).write_text(text)
        title = f"Violent crime rises in {p.town}" if file == NEWS else p.board
        manifest["documents"].append({"file": file, "title": title, "publisher": "Borough Council", "kind": kind,
                                      "date": date})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "time-moves", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), p


def _cites(answer, document: str) -> bool:
    return answer.answerable and any(c.document == document for c in answer.citations)


@pytest.mark.parametrize("follow_up", ["and by the end of September?", "and by 30 sept?"])
def test_a_month_without_a_year_moves_the_whole_funds_spend_to_the_paper_printing_it(papers, follow_up):
    engine, p = papers
    first = f"how much of the {p.fund} had been spent by 30 June 2026?"
    assert f"£{p.spent[0]:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert _cites(answer, AUTUMN) and f"£{p.spent[1]:,}" in answer.text, answer.text
    assert f"£{p.spent[0]:,}" not in answer.text, answer.text


def test_a_projects_spend_moves_to_the_line_going_on_from_the_one_printing_the_month(papers):
    engine, p = papers
    first = f"how much had the {p.project} spent by end of june"
    assert f"£{p.project_spent[0]:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "and by 30 sept?"])
    assert _cites(answer, AUTUMN) and f"£{p.project_spent[1]:,}" in answer.text, answer.text


def test_months_without_a_year_move_a_count_to_those_months(papers):
    engine, p = papers
    first = "how many verbal warnings were given under the order april-june 2026?"
    assert str(p.warnings[0]) in engine.ask(first).text
    answer = engine.ask_turns([first, "and july to september?"])
    assert _cites(answer, AUTUMN) and str(p.warnings[1]) in answer.text, answer.text


@pytest.mark.parametrize(("turns", "expected"), [
    (["what was the status of the victim support leaflets action in July?", "has it been done since?"], "done"),
    (["What's action {action} about?", "and when is it due now?"], "due"),
])
def test_since_and_now_are_the_newest_papers_word_on_the_same_item(papers, turns, expected):
    engine, p = papers
    turns = [t.format(action=p.action) for t in turns]
    answer = engine.ask_turns(turns)
    value = p.done if expected == "done" else p.due[1]
    assert _cites(answer, AUTUMN) and value in answer.text, answer.text


def test_now_with_a_part_of_the_topic_is_the_newest_line_on_that_part(papers):
    engine, p = papers
    first = "when was the renewal of the order to be reported to Cabinet?"
    assert "9 September 2026" in engine.ask(first).text
    answer = engine.ask_turns([first, f"and what's happening with the {p.part} part now?"])
    assert _cites(answer, AUTUMN) and p.cabinet in answer.text, answer.text


def test_the_rise_points_at_the_quoted_increase_and_its_cause_is_the_line_giving_it(papers):
    engine, p = papers
    first = f"how many violent crimes in {p.town} in the news article?"
    assert f"{p.incidents:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "what was the main thing driving the rise?"])
    assert _cites(answer, NEWS) and p.cause in answer.text, answer.text


def test_the_quoted_rows_other_column_is_that_row_not_the_header(papers):
    engine, p = papers
    first = f"who leads on the {p.priority} priority?"
    assert p.lead in engine.ask(first).text
    answer = engine.ask_turns([first, "what's its RAG rating?"])
    assert answer.answerable and p.rating in answer.text and p.priority in answer.text, answer.text


def test_a_rolling_year_is_no_moment_to_move_to():
    """"and in the year to September?" names a period a performance table prints: the thread does not move to a
    line printing September for it (the tables, or a search, answer it)."""
    from assistant.answer.thread_times import ROLLING, _bare_months

    assert ROLLING.search("and in the year to September?") and ROLLING.search("12 months ending June")
    assert not ROLLING.search("and by the end of September?")
    assert _bare_months("and july to september?") == {7, 9}
    assert _bare_months("by 30 sept") == {9} and _bare_months("they may say so") == set()
