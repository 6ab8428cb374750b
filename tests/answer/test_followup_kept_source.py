"""Follow-ups that keep what the thread carries, over a made-up district's papers written here (invented names from a
seeded generator; no name of the repo's corpora): summer minutes (a consultation's responses by a date, an
operation's night of action, each town's fall in crime), a later press release whose plain text is hard-wrapped
(the consultation named only in the lines before the one giving its final count), and a newspaper's story of one
town's fall in crime.

Classes:
- "and what was the final total?" (or "final number", "in the end") after a count by a date is the newest line on
  the same thing, even when that line names it only in the wrapped line before it;
- a turn after a question that named its source ("... according to the <paper>") is still asked of that source:
  another document's figure for the place the turn names is no answer ("not found", never another paper's figure);
- "how many officers will be out that night?" is answered only by a line that counts officers, never by one near
  the quote that merely mentions officers beside another figure.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, corpus_with, seeded_build

SEED = 20261208
MINUTES = "district-board-minutes-2026-07-20.md"
RELEASE = "district-press-release-2026-09-02.txt"
PAPER = "weekly-news-2026-08-01.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Papers:
    district: str
    walk: str  # the place the consultation is about
    early: int  # responses by mid-July
    final: int  # responses when it closed
    operation: str
    towns: tuple[str, str]  # the paper's town, and another the minutes give a fall for
    falls: tuple[float, float]  # the paper's town's fall, the other town's in the minutes
    paper: str


def make_papers(rng: random.Random) -> Papers:
    early = rng.randint(300, 500)
    return Papers(district=coined(rng, 3), walk=f"{coined(rng)} Walk", early=early, final=early + rng.randint(40, 90),
                  operation=f"Operation {coined(rng)}", towns=(coined(rng, 3), coined(rng, 3)),
                  falls=(rng.randint(30, 90) / 10, rng.randint(30, 90) / 10), paper=f"{coined(rng)} Courier")


def minutes_text(p: Papers) -> str:
    return "\n".join([
        f"# Safer {p.district} Board: minutes of the meeting held on 20 July 2026", "",
        f"## 5. {p.walk} public spaces protection order consultation", "",
        "The consultation opened on 15 June 2026 and will close on 26 July 2026.",
        f"By 18 July 2026, {p.early} responses had been received; 68% supported the proposed order.", "",
        f"## 6. {p.operation}", "",
        f"The next {p.operation} night of action in the town centre will be on 14 August 2026.",
        f"Officers confirmed that 3 bids were successful, gaining £{p.early * 30:,} for new lighting in the "
        f"{p.operation} zone.", "",
        "## 7. Performance", "",
        f"Compared with the same period last year, crime fell by {p.falls[1]}% in {p.towns[1]}.",
        "The Board noted the report.", ""])


def release_text(p: Papers) -> str:
    # plain text, hard-wrapped: "Walk" ends one line of the sentence naming the consultation
    return "\n".join([
        f"{p.district.upper()} DISTRICT COUNCIL - PRESS RELEASE", "",
        "For immediate release: 2 September 2026", "",
        f"New lighting for {p.district} town centre", "",
        "The council has confirmed new street lighting for the town centre, to be installed in the autumn.", "",
        "The council has also been consulting on a Public Spaces Protection Order for the",
        f"{p.walk}.",
        f"The consultation closed on 26 July 2026 with {p.final} responses, and 70% of those who replied supported",
        "the order.", "",
        "ENDS", ""])


def paper_text(p: Papers) -> str:
    return "\n".join([
        f"# Crime falls in {p.towns[0]}", "",
        f"Crime has fallen by {p.falls[0]}% in {p.towns[0]} over the last year, police figures show.",
        "The fall was led by fewer burglaries.", ""])


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    p = make_papers(random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-kept-source"), with_real=False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    for file, text, title, publisher, kind, date in (
            (MINUTES, minutes_text(p), f"Safer {p.district} Board", "District Council", "minutes", "2026-07-20"),
            (RELEASE, release_text(p), f"New lighting for {p.district}", "District Council", "press release",
             "2026-09-02"),
            (PAPER, paper_text(p), f"Crime falls in {p.towns[0]}", p.paper, "news article", "2026-08-01")):
        (corpus / file).write_text(text)
        manifest["documents"].append({"file": file, "title": title, "publisher": publisher, "kind": kind,
                                      "date": date})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "kept-source", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), p


@pytest.mark.parametrize("follow_up", ["and what was the final total?", "what was the final number?",
                                       "and how many in the end?"])
def test_the_final_count_is_the_newest_line_naming_the_topic_in_its_wrapped_lead(papers, follow_up):
    engine, p = papers
    first = f"how many responses to the {p.walk} consultation had come in by 18 july"
    assert str(p.early) in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert answer.answerable and any(c.document == RELEASE for c in answer.citations), answer.text
    assert str(p.final) in answer.text and str(p.early) not in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["and {town}?", "and in {town}?", "what about {town}?"])
def test_a_turn_after_a_named_source_is_not_answered_from_another_document(papers, follow_up):
    engine, p = papers
    first = f"how much did crime fall in {p.towns[0]} according to the {p.paper}"
    assert str(p.falls[0]) in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up.format(town=p.towns[1])])
    assert not answer.answerable, answer.text
    assert str(p.falls[1]) not in answer.text and all(c.document != MINUTES for c in answer.citations), answer.text


@pytest.mark.parametrize("follow_up", ["how many officers will be out that night?",
                                       "and how many officers are going?", "how many officers will be at it?"])
def test_a_count_of_a_thing_is_no_line_without_that_thing_counted(papers, follow_up):
    engine, p = papers
    first = f"when is the next {p.operation} night of action?"
    assert "14 August 2026" in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert not answer.answerable, answer.text
    assert f"£{p.early * 30:,}" not in answer.text, answer.text
