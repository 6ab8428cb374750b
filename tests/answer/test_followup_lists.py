""""Which of them ...?" when the last answer quoted another list than the one the earlier question meant, over a
report written here (invented names from a seeded generator; no name of the repo's corpora).

The report names a fund in a paragraph, then leads in a list with "The projects that will benefit from this funding
are listed below:" (the fund's name is only in the lines before the lead), each project with its state; another
list of the same section (patrols) is what the last answer quoted. "Which of them is only part complete?" is the
one project whose line says so, found through the lines leading into its list, never an item of the quoted list.
"""

from __future__ import annotations

import random

import pytest
from generated_corpora import coined, one_document_assistant

from assistant.answer import pointing
from assistant.answer.facts import facts_for

SEED = 20261211
REPORT = "community-safety-update-2025-12-04.md"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    rng = random.Random(SEED)
    fund, partial = f"{coined(rng)} Streets Fund", f"CCTV for the footpath behind {coined(rng)} Avenue"
    done = [f"{coined(rng)} Gardens pedestrian hoops", f"{coined(rng)} underpass street art",
            f"{coined(rng)} park lighting"]
    text = "\n".join([
        "# Community safety update, 4 December 2025", "", "## Funding and patrols", "",
        f"Officers bid for projects under the {fund} and were told the bids were successful.",
        "The partnership will receive £193,000 for projects across the district.",
        "The funding will be split over two financial years.",
        "The projects that will benefit from this funding are listed below:", "",
        *(f"- {project} – complete" for project in done[:2]), f"- {partial} – part complete",
        f"- {done[2]} – complete", "",
        "Patrols continue in the town centre:", "",
        "- Accredited officers patrol the night-time economy at weekends.",
        "- Community engagement and cycle marking events have been held.", ""])
    engine = one_document_assistant(tmp_path_factory, "lists", REPORT, text, "Community safety update",
                                    "District Council", "report", "2025-12-04")
    return engine, fund, partial


def test_which_of_them_is_read_in_the_list_the_lines_before_its_lead_name(report):
    engine, fund, partial = report
    facts = facts_for(engine.index)
    lines = {facts.text(s): i for i, s in enumerate(engine.index.sentences)}
    patrols = [i for text, i in lines.items() if "Patrols continue" in text or "patrol the night" in text
               or "cycle marking" in text]
    found = pointing.one_of_them(facts, sorted(patrols), f"Which projects is the {fund} money paying for?",
                                 "which of them is only part complete?")
    assert [facts.text(engine.index.sentences[i]) for i in found] == [f"- {partial} – part complete"], found
