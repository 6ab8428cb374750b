"""A follow-up asking the same kind of fact of another meeting of a series, over two minutes written here (invented
names from a seeded generator; no name of the repo's corpora).

The October minutes end with a "Decisions" list; the April minutes report on the October decision's scheme in
their own words (the same rare names) before their own "Decisions" list. "And what did it decide in April?" is
that list, never the April line that only shares the October decision's names. Expected answers are read from the
generator's values.
"""

from __future__ import annotations

import json
import random

import pytest
from generated_corpora import coined, corpus_with, seeded_build

SEED = 20261210
OCTOBER = "partnership-board-minutes-2025-10-02.md"
APRIL = "partnership-board-minutes-2026-04-16.md"
pytestmark = pytest.mark.slow


def minutes(board: str, date: str, body: list[str], decisions: list[str]) -> str:
    return "\n".join([f"# {board} Partnership Board: minutes of the meeting held on {date}", "",
                      "## 1. Apologies", "", "Apologies were received from the Director of Public Health.", "",
                      "## 2. Updates", "", *body, "", "## Decisions", "", *(f"- {d}" for d in decisions), ""])


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    rng = random.Random(SEED)
    board, station, plan = coined(rng), f"{coined(rng)} station", f"{coined(rng)} Plan 2026-2029"
    target = rng.randint(11, 19)
    october = minutes(board, "2 October 2025", ["Members discussed the night-time economy."],
                      [f"RESOLVED that the Board approves a bid of up to £180,000 for {station} and its underpass.",
                       "RESOLVED that the residents survey be carried out in November 2025."])
    april = minutes(board, "16 April 2026",
                    [f"Five of the eight new cameras at {station} and its underpass have been installed."],
                    [f"The Board approved the {plan}.",
                     f"The Board agreed a target of a {target}% reduction in assaults by March 2028."])
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-headings"), with_real=False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    for file, text, date in ((OCTOBER, october, "2025-10-02"), (APRIL, april, "2026-04-16")):
        (corpus / file).write_text(text)
        manifest["documents"].append({"file": file, "title": f"{board} Partnership Board - Minutes",
                                      "publisher": "Borough Council", "kind": "minutes", "date": date})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "headings", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), board, station, plan, target


@pytest.mark.parametrize("follow_up", ["And what did it decide in April 2026?", "what about at the April 2026 one?"])
def test_what_another_meeting_decided_is_its_list_under_the_same_heading(series, follow_up):
    engine, board, station, plan, target = series
    first = f"What did the {board} board decide at its October 2025 meeting?"
    assert station in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert answer.answerable and plan in answer.text and f"{target}%" in answer.text, answer.text
    assert all(c.document == APRIL for c in answer.citations) and "cameras" not in answer.text, answer.text
