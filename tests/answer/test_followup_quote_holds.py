"""Follow-ups the last quote answers, or that move the earlier question elsewhere, over a made-up district's papers
written here (invented names from a seeded generator; no name of the repo's corpora): board minutes telling of two
events with the number who took part in each, and two newspapers, each giving one town's offences with how they
moved on the year before and quoting a statistician from the same agency.

Classes:
- "how many year 9 pupils came?", "about how many businesses helped out?": a count of a thing the last quote counts,
  asked with a verb that only says they took part, leans on the event the quote told of and is answered by that
  quote; a thing it does not count ("how many teachers came?") is not answered with the quote's figure;
- "how did that compare to the year before?" after a quote stating how the figure moved ("... which represented no
  change") is that quote, not the line before about another figure;
- "and the one in the <other paper>?" asks the earlier question of that paper: its own statistician, never the
  first paper's again;
- "taking the total to?" after a quote stating a change and the level it took the figure to ("by 610 officers, to
  3,120") is that quote;
- "and event 2?" after a question about event 1 asks the earlier question of event 2 (the numbered label swapped).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import coined, coined_person, corpus_with, seeded_build

SEED = 20261207
MINUTES = "district-board-minutes-2026-09-14.md"
PAPERS = ("first-news-2026-07-01.md", "second-news-2026-07-08.md")
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class District:
    park: str
    festival: str
    pupils: int  # pupils at the park celebration
    year: int  # their school year
    businesses: int  # businesses that contributed to the festival
    towns: tuple[str, str]  # each paper's town
    totals: tuple[int, int]  # the first paper's town: offences this year and the year before
    drugs: int  # drug offences in the first paper's town (no change)
    papers: tuple[str, str]  # the papers' names
    agency: str
    statisticians: tuple[str, str]  # whom each paper quotes from the agency
    officers: tuple[int, int]  # officers the commissioner added, and the strength it took the force to


def make_district(rng: random.Random) -> District:
    total = rng.randint(9000, 19000)
    return District(park=f"{coined(rng)} Park", festival=f"{coined(rng)} Fest", pupils=rng.randint(60, 140),
                    year=rng.choice((7, 8, 9, 10)), businesses=rng.randint(30, 95),
                    towns=(coined(rng, 3), coined(rng, 3)), totals=(total, total + rng.randint(900, 2500)),
                    drugs=rng.randint(400, 900), papers=(f"{coined(rng)} Gazette", f"{coined(rng)} Herald"),
                    agency=f"{coined(rng)} Statistics Office",
                    statisticians=(coined_person(rng), coined_person(rng)),
                    officers=(rng.randint(300, 900), rng.randint(2000, 4000)))


def minutes_text(d: District) -> str:
    return "\n".join([
        "# District Partnership Board: minutes of the meeting held on 14 September 2026", "",
        "## 4. Youth engagement", "",
        f"The celebration event for the first consultation was held in {d.park} on 16 July 2026 with approximately "
        f"{d.pupils} Year {d.year} pupils in attendance.",
        "Works based on their ideas will begin in November 2026.", "",
        f"## 5. {d.festival}", "",
        f"There were around {d.businesses} businesses that contributed to {d.festival} and the event gave a hands-on "
        f"experience to children from local secondary schools.",
        "The Board thanked the organisers.", "",
        "## 6. Event 1: Night market safety", "",
        "Street marshals will patrol the night market on Fridays.", "",
        "## 7. Event 2: Riverside lantern walk", "",
        "The lantern walk will be stewarded by volunteers from the residents' association.", "",
        "## 8. Officer numbers", "",
        f"The commissioner reported that she had funded the expansion of the force by {d.officers[0]} officers, to "
        f"{d.officers[1]:,}, over the last eight years.", "",
        ""])


def paper_text(d: District, n: int) -> str:
    town = d.towns[n]
    lines = [f"# Crime has fallen over the last year in {town}", ""]
    if n == 0:
        lines += [f"Police recorded {d.totals[0]:,} offences in {town} in the 12 months to March, the figures show. "
                  f"That was a decrease of 9% compared to the previous year, when there were {d.totals[1]:,}.", "",
                  f"There were {d.drugs} drug offences in {town}, which represented no change.", ""]
    else:
        lines += [f"Burglary fell in {town} over the same twelve months.", ""]
    lines += [f"{d.statisticians[n]}, from the {d.agency}, said: “The pandemic has had a significant impact on "
              f"patterns of crime.”", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    d = make_district(random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-quote-holds"), with_real=False)
    manifest = json.loads((corpus / "manifest.json").read_text())
    (corpus / MINUTES).write_text(minutes_text(d))
    manifest["documents"].append({"file": MINUTES, "title": "District Partnership Board",
                                  "publisher": "District Council", "kind": "minutes", "date": "2026-09-14"})
    for n, file in enumerate(PAPERS):
        (corpus / file).write_text(paper_text(d, n))
        manifest["documents"].append({"file": file, "title": f"Crime has fallen over the last year in {d.towns[n]}",
                                      "publisher": d.papers[n], "kind": "news article",
                                      "date": f"2026-07-0{1 + 7 * n}"})
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "quote-holds", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), d


@pytest.mark.parametrize("follow_up", ["how many year {year} pupils came", "roughly how many pupils turned up?",
                                       "about how many pupils attended?", "how many year {year} pupils took part"])
def test_a_count_of_those_taking_part_is_the_quote_that_counts_them(district, follow_up):
    engine, d = district
    first = f"when was the celebration event at {d.park}"
    assert "16 July 2026" in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up.format(year=d.year)])
    assert answer.answerable and str(d.pupils) in answer.text, answer.text
    assert all(c.document == MINUTES for c in answer.citations), answer.text


@pytest.mark.parametrize("follow_up", ["about how many businesses helped out", "how many businesses contributed?",
                                       "roughly how many businesses joined in?"])
def test_a_count_of_helpers_is_the_quote_that_counts_them(district, follow_up):
    engine, d = district
    first = f"what did {d.festival} give the children"
    assert str(d.businesses) in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert answer.answerable and str(d.businesses) in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["how many teachers came", "how many parents turned up?"])
def test_a_count_of_a_thing_the_quote_does_not_count_is_not_its_figure(district, follow_up):
    engine, d = district
    first = f"when was the celebration event at {d.park}"
    answer = engine.ask_turns([first, follow_up])
    assert str(d.pupils) not in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["how did that compare to the year before", "how does that compare with the "
                                       "previous year?", "how did that compare to last year?"])
def test_how_it_compared_is_the_quote_stating_the_change(district, follow_up):
    engine, d = district
    turns = [f"{d.towns[0]} offences in the 12 months to march, per the {d.papers[0]}?", "and drug offences there?"]
    assert str(d.drugs) in engine.ask_turns(turns).text
    answer = engine.ask_turns([*turns, follow_up])
    assert answer.answerable and "no change" in answer.text and str(d.drugs) in answer.text, answer.text
    assert f"{d.totals[1]:,}" not in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["and the one in the {paper}?", "what about the one in the {paper}?"])
def test_the_one_in_another_paper_is_that_papers_own(district, follow_up):
    engine, d = district
    first = f"who is the {d.agency} person quoted in the {d.papers[0]}"
    assert d.statisticians[0] in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up.format(paper=d.papers[1])])
    assert d.statisticians[0] not in answer.text, answer.text
    assert not answer.answerable or d.statisticians[1] in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["taking the total to?", "and the total?", "bringing it to what total?"])
def test_the_total_a_change_reached_is_the_quote_stating_it(district, follow_up):
    engine, d = district
    first = "the commissioner funded an expansion of how many officers"
    assert str(d.officers[0]) in engine.ask(first).text
    answer = engine.ask_turns([first, follow_up])
    assert answer.answerable and f"{d.officers[1]:,}" in answer.text, answer.text


def test_a_numbered_label_is_swapped_into_the_earlier_question():
    from assistant.answer.thread import Thread

    for label, words in (("event", "who stewards event 1"), ("item", "what did item 4 of the agenda decide"),
                         ("phase", "when does phase 1 of the scheme start")):
        thread = Thread(words, "minutes.md", (3,))
        asked = thread.restated(f"and {label} 7?")
        assert f"{label} 7" in asked and asked != f"and {label} 7?", asked
        assert thread.restated(f"and the {label} after that?") == f"and the {label} after that?"
