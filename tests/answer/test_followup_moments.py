"""Follow-ups that keep the last passage answer's topic and ask it at another moment, or weigh the last two
answers.

The generated corpus is one made-up partnership's three papers (invented names from a seeded generator): a January
agenda pack, a February scrutiny report and April minutes, each telling where the same things stood then (faulty
cameras to be replaced, new officers started, a bid and its award, an operation's arrests), and a press release
giving a fall for the county and for one town. Each expected answer is read from the generator's values.

Classes: "and what's the latest date given?" and "and by the time it closed?" are the newest line on the same
topic, in whichever paper; "And by <month>?" is the line printing that month; "and how much did it actually get?"
is the newest sum, never a count; "which fell more?" after two answers quotes both figures.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, corpus_with, seeded_build

SEED = 20261208
JANUARY = "partnership-agenda-pack-2026-01-15.md"
FEBRUARY = "police-scrutiny-report-2026-02-24.md"
APRIL = "partnership-minutes-2026-04-16.md"
RELEASE = "police-press-release-2026-01-20.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Papers:
    partnership: str
    town: str
    county: str
    other_town: str
    operation: str
    started: tuple[int, int]  # officers of the 20 in post at 31 December, and at 16 February
    asked: int  # the bid, in pounds
    awarded: int
    arrests: tuple[int, int]  # so far in January, and when the operation closed
    falls: tuple[float, float]  # the county's fall in knife crime, and the town's (the bigger)


def make_papers(rng: random.Random) -> Papers:
    county_fall = round(rng.uniform(5, 12), 1)
    return Papers(partnership=f"Safer {coined(rng)}", town=coined(rng, 3), county=coined(rng), other_town=coined(rng, 3),
                  operation=f"Operation {coined(rng)}", started=(rng.randint(5, 9), rng.randint(11, 16)),
                  asked=rng.randrange(150_000, 200_000, 500), awarded=rng.randrange(100_000, 149_000, 500),
                  arrests=(rng.randint(3, 8), rng.randint(18, 30)),
                  falls=(county_fall, round(county_fall + rng.uniform(5, 10), 1)))


def january_text(p: Papers) -> str:
    return "\n".join([
        f"# {p.partnership} Partnership Board: agenda pack, 15 January 2026", "",
        "## 4. Police update", "",
        f"At 31 December 2025, {p.started[0]} of the 20 pledged officers had started in {p.town}.",
        f"{p.operation}, a targeted burglary operation, had started on 1 September 2025 and {p.arrests[0]} arrests "
        "had been made so far.", "",
        "## 6. Public space CCTV", "",
        f"Replacement of the faulty {p.town} cameras is expected by the end of March 2026.", "",
        "## 7. Safer Streets Fund", "",
        f"The Safer Streets Fund bid of £{p.asked:,} was submitted to the Home Office on 12 November 2025.", ""])


def february_text(p: Papers) -> str:
    return "\n".join([
        f"# {p.town} policing update for the Overview and Scrutiny Committee, 24 February 2026", "",
        "## 2. Officer numbers", "",
        f"By 16 February 2026, {p.started[1]} of the 20 additional officers were in post.", "",
        f"## 3. {p.operation}", "",
        f"{p.operation} began on 1 September 2025. It closed on 31 January 2026. Its results were:", "",
        f"- {p.arrests[1]} arrests, of which 9 people have been charged;",
        "- 1,200 crime prevention leaflets delivered.", "",
        "## 4. CCTV", "",
        f"Replacement of the faulty {p.town} cameras, previously expected by the end of March 2026, has been delayed "
        "by a supplier issue.", ""])


def april_text(p: Papers) -> str:
    return "\n".join([
        f"# {p.partnership} Partnership Board: minutes, 16 April 2026", "",
        "## 5. Safer Streets Fund", "",
        f"On 9 February 2026 the Home Office confirmed a Safer Streets Fund award of £{p.awarded:,} for {p.town} "
        "station.", "Five of the eight new cameras have been installed.", "",
        "## 6. CCTV", "",
        "The replacement of the faulty cameras is now due to go live on 1 June 2026.", ""])


def release_text(p: Papers) -> str:
    return "\n".join([
        f"# Knife crime falls across {p.county} and in {p.town}", "", "For immediate release: 20 January 2026", "",
        f"Knife enabled crime across {p.county} was reduced by {p.falls[0]}% in the 12 months to December 2025, "
        "with 190 fewer offences.",
        f"The Chief Constable thanked partners for their work with schools and youth services.",
        f"And in {p.town}, knife offences are down by {p.falls[1]}% in the same timeframe, with 74 fewer serious "
        "incidents.", ""])


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    p = make_papers(random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-moments"), with_real=False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    for file, text, title, kind, date in (
            (JANUARY, january_text(p), f"{p.partnership} Partnership Board agenda pack", "agenda pack",
             "2026-01-15"),
            (FEBRUARY, february_text(p), f"{p.town} policing update", "report", "2026-02-24"),
            (APRIL, april_text(p), f"{p.partnership} Partnership Board minutes", "minutes", "2026-04-16"),
            (RELEASE, release_text(p), "Knife crime falls", "press release", "2026-01-20")):
        (corpus / file).write_text(text)
        manifest["documents"].append({"file": file, "title": title, "publisher": "District Council", "kind": kind,
                                      "date": date})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "moments", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), p


def _cites(answer, document: str) -> bool:
    return answer.answerable and any(c.document == document for c in answer.citations)


@pytest.mark.parametrize("follow_up", ["and what's the latest date given?", "and the latest date given for it?"])
def test_the_latest_date_is_the_newest_papers_line_on_the_same_thing(papers, follow_up):
    engine, p = papers
    first = f"When were the faulty {p.town} cameras first expected to be replaced?"
    assert "March 2026" in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert _cites(answer, APRIL) and "1 June 2026" in answer.text, answer.text


def test_a_named_month_is_the_line_printing_that_month(papers):
    engine, p = papers
    first = f"How many of the 20 pledged officers had started in {p.town} by the end of December 2025?"
    assert str(p.started[0]) in engine.ask(first).text
    answer = engine.ask_turns([first, "And by mid-February 2026?"])
    assert _cites(answer, FEBRUARY) and f"{p.started[1]} of the 20" in answer.text, answer.text


def test_by_the_time_it_closed_is_the_newest_count(papers):
    engine, p = papers
    first = f"How many arrests had {p.operation} made by the January board?"
    assert f"{p.arrests[0]} arrests" in engine.ask(first).text
    answer = engine.ask_turns([first, "and by the time it closed?"])
    assert _cites(answer, FEBRUARY) and f"{p.arrests[1]} arrests" in answer.text, answer.text


def test_what_it_actually_got_is_the_newest_sum_never_a_count(papers):
    engine, p = papers
    first = "How much did the partnership ask for in its Safer Streets bid?"
    assert f"£{p.asked:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "and how much did it actually get?"])
    assert _cites(answer, APRIL) and f"£{p.awarded:,}" in answer.text, answer.text
    assert "Five of the eight" not in answer.text, answer.text


@pytest.mark.parametrize("weigh", ["which fell more in percentage terms?", "which fell faster?"])
def test_which_fell_more_quotes_both_figures_of_the_last_two_answers(papers, weigh):
    engine, p = papers
    turns = [f"By how much did knife enabled crime fall across {p.county} in the 12 months to December 2025?",
             f"and in {p.town}?", weigh]
    assert f"{p.falls[1]}%" in engine.ask_turns(turns[:2]).text
    answer = engine.ask_turns(turns)
    assert _cites(answer, RELEASE) and all(f"{fall}%" in answer.text for fall in p.falls), answer.text
