"""Follow-ups whose answer must be about what the turn carries, over a district's board pack written here (invented
names from a seeded generator; no name of the repo's corpora), and over the repo's performance tables with a news
article written here.

The board pack holds: a survey table with a row per ward and a district-wide line giving 2024 and 2026 (no ward's
2024 figure); the membership (the district commander, with an action of his due on a date, and no line saying
since when he has held his post); threat levels for two regions (none for a third); a line ranking two wards; an
all-crime fall across the county for the 12 months to December 2023 and a town's fall for another year; the Chair
stepping down and another member elected Chair; a paragraph dating the next night of action, followed by a
numbered heading; the town's core funding for 2024/25 and a line saying when 2025/26's will be confirmed. Each
expected answer is read from the generator's values.

Classes:
- "and for <region>?" naming a thing no line answers is not found, never the other region's line passed off as it;
  naming one a line answers, that line answers;
- "how does that compare with 2024?" after a ward's row of a table is not found when only the district-wide line
  gives 2024: the district's figure is no ward's;
- "how long has he been in post?" after the district commander is named is not found when no line says since
  when, never a line giving a due date of his;
- "over those same 12 months" keeps the earlier question's year: a line of another year is no answer;
- "and which came second, with how many?" after a line ranking two wards is that line again;
- "and who replaced her?" after an answer naming the Chair is the line saying she stepped down with the line
  electing her successor;
- "and when is the next one in <town>?" after a paragraph's dated line is never the numbered heading printed after
  it (a paragraph is no item of a list);
- "and what will it be in 2025/26?" after a sum asked for 2024/25 is not found when no line gives a sum for it, never
  a line that only dates when it will be confirmed;
- "and how many the year before that?" after a passage answer for a year the tables do not cover is not answered
  from the tables' year before their latest (another period passed off as the one asked).
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass

import pytest
from generated_corpora import CORPUS, coined, coined_person, one_document_assistant, seeded_build

SEED = 20261208
PACK = "safer-district-board-2026-07-09-pack.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Pack:
    district: str
    wards: tuple[str, str, str]
    after_dark: tuple[int, int, int]  # each ward's share feeling safe after dark in 2026
    district_2024: int
    district_2026: int
    commander: str
    action: str
    due: str
    regions: tuple[str, str, str]  # the third has no threat level
    levels: tuple[str, str]
    ranked: tuple[str, str]  # the wards with the most and the second most reports
    reports: tuple[int, int]
    county: str
    town: str
    county_fall: int
    town_fall: float
    chair: str
    successor: str
    night: str  # the date of the next night of action in the town
    funding: int  # the town's core funding for 2024/25 (none is given for 2025/26)


def make_pack(rng: random.Random) -> Pack:
    wards = tuple(f"{coined(rng)}" for _ in range(3))
    first, second = rng.randint(40, 60), rng.randint(10, 20)
    return Pack(district=coined(rng), wards=wards, after_dark=tuple(rng.randint(40, 70) for _ in range(3)),
                district_2024=rng.randint(55, 60), district_2026=rng.randint(50, 54), commander=coined_person(rng),
                action=f"Share the {coined(rng)} hotspot map with ward councillors",
                due=f"{rng.randint(10, 28)} May 2026", regions=tuple(coined(rng) for _ in range(3)),
                levels=("substantial", "severe"), ranked=(wards[0], wards[1]), reports=(first, second),
                county=coined(rng), town=coined(rng), county_fall=rng.randint(5000, 9000),
                town_fall=rng.randint(20, 90) / 10, chair=coined_person(rng), successor=coined_person(rng),
                night=f"{rng.randint(10, 20)} September 2026", funding=rng.randint(15, 25) * 1000 + rng.randint(1, 999))


def pack_text(p: Pack) -> str:
    return "\n".join([
        f"# Safer {p.district} Partnership Board: agenda pack, 9 July 2026", "",
        "## Membership", "",
        "| Name | Role on the Board | Organisation |", "|---|---|---|",
        f"| Cllr {p.chair} | Chair | Cabinet Member for Communities, {p.district} District Council |",
        f"| Chief Inspector {p.commander} | Vice-Chair | District Commander, {p.district} |", "",
        "## Action log", "",
        "| Ref | Action | Owner | Due date | Status |", "|---|---|---|---|---|",
        f"| A1 | {p.action} | Chief Inspector {p.commander} | {p.due} | Complete |", "",
        "## Residents' survey 2026", "",
        f"The proportion of residents in {p.district} who feel safe after dark fell from {p.district_2024}% in 2024 "
        f"to {p.district_2026}% in 2026.", "",
        "| Ward | Feel safe after dark |", "|---|---|",
        *(f"| {ward} | {share}% |" for ward, share in zip(p.wards, p.after_dark)), "",
        "## Counter-terrorism briefing", "",
        f"The terrorism threat level for {p.regions[0]} is {p.levels[0]} (and has been since February 2022).",
        f"The terrorism threat level for {p.regions[1]} is {p.levels[1]} (and has been since March 2023).",
        "Officers attended a meeting for the whole area, where reports over the summer were the same as last year.",
        "Coastal patrols continue at weekends.", "",
        "## Serious violence", "",
        f"The data shows a {p.town_fall}% increase in serious violence year on year (16 more offences) with 0.57 "
        f"offences per 1000 population. {p.ranked[0]} is the ward with the highest number of offences "
        f"({p.reports[0]}), with {p.ranked[1]} ward being the second with {p.reports[1]} offences.", "",
        "## Nights of action", "",
        f"A night of action was carried out in {p.wards[1]} on 2 June 2026 which saw fewer complaints. The next "
        f"night of action in {p.town} is {p.night}.", "",
        "**4. Community Safety Hub**", "",
        "4.1 The hub now meets monthly.", "",
        "## Funding", "",
        f"Core funding for {p.town} in 2024/25 will be £{p.funding:,}.",
        "Funding for 2025/26 will be confirmed in April 2025.", "",
        "## Crime figures", "",
        f"In the 12 months to December 2023, there were {p.county_fall:,} fewer crimes across {p.county} than in the "
        "previous 12 months.",
        f"In the year to 31 October 2024, all crime in {p.town} fell by {p.town_fall}%.", "",
        "## Chair of the Board", "",
        f"The clerk reported that Cllr {p.chair} had stepped down as Cabinet Member for Communities and as Chair of "
        "the Board.",
        f"RESOLVED: that Cllr {p.successor} be elected Chair of the Board for the remainder of 2026/27.", ""])


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    p = make_pack(random.Random(SEED))
    engine = one_document_assistant(tmp_path_factory, "carried", PACK, pack_text(p),
                                    f"Safer {p.district} Partnership Board (9 July 2026)", f"{p.district} District "
                                    "Council", "agenda pack", "2026-07-09")
    return engine, p


def test_a_thing_no_line_answers_is_not_found_never_the_other_regions_line(board):
    engine, p = board
    first = f"What is the terrorism threat level for {p.regions[0]}?"
    assert p.levels[0] in engine.ask(first).text
    missing = engine.ask_turns([first, "and for the coastal area?"])
    assert not missing.answerable and p.levels[0] not in missing.text, missing.text
    found = engine.ask_turns([first, f"and for {p.regions[1]}?"])
    assert found.answerable and p.levels[1] in found.text, found.text


def test_a_wards_row_compared_with_a_year_only_the_district_gives_is_not_found(board):
    engine, p = board
    first = f"What percentage of {p.wards[2]} residents feel safe after dark?"
    assert f"{p.after_dark[2]}%" in engine.ask(first).text
    answer = engine.ask_turns([first, "how does that compare with 2024?"])
    assert not answer.answerable and f"{p.district_2024}%" not in answer.text, answer.text


def test_how_long_he_has_been_in_post_is_not_a_due_date_of_his(board):
    engine, p = board
    first = f"Who is the District Commander for {p.district}?"
    assert p.commander in engine.ask(first).text
    answer = engine.ask_turns([first, "how long has he been in post?"])
    assert not answer.answerable and p.due not in answer.text, answer.text


def test_the_same_twelve_months_keep_the_earlier_questions_year(board):
    engine, p = board
    first = f"How many fewer crimes were there across {p.county} in the 12 months to December 2023?"
    assert f"{p.county_fall:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, f"and what was the fall in {p.town} over those same 12 months?"])
    assert not answer.answerable and f"{p.town_fall}%" not in answer.text, answer.text


def test_the_second_a_quote_ranks_is_read_from_that_quote(board):
    engine, p = board
    first = f"Which ward had the most serious violence offences in {p.district}?"
    assert p.ranked[0] in engine.ask(first).text
    answer = engine.ask_turns([first, "and which came second, with how many?"])
    assert answer.answerable and p.ranked[1] in answer.text and str(p.reports[1]) in answer.text, answer.text


def test_who_replaced_her_is_the_member_elected_to_the_post_she_left(board):
    engine, p = board
    first = f"Who is Cllr {p.chair}?"
    assert p.chair in engine.ask(first).text
    answer = engine.ask_turns([first, "and who replaced her?"])
    assert answer.answerable and p.successor in answer.text, answer.text


def test_the_next_one_after_a_paragraph_is_no_numbered_heading_after_it(board):
    engine, p = board
    first = f"When is the night of action in {p.town}?"
    assert p.night in engine.ask(first).text
    answer = engine.ask_turns([first, f"and when is the next one in {p.town}?"])
    assert not answer.answerable or p.night in answer.text, answer.text  # never the heading printed after it


def test_what_it_will_be_another_year_is_the_sum_asked_for_never_a_line_without_one(board):
    engine, p = board
    first = f"What is {p.town}'s core funding for 2024/25?"
    assert f"£{p.funding:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "and what will it be in 2025/26?"])
    assert not answer.answerable, answer.text  # the pack gives no sum for 2025/26


ARTICLE = "district-news-2021-07-drug-offences.txt"


@pytest.fixture(scope="module")
def news_over_tables(tmp_path_factory, index_dir, engine):
    """The repo's corpus (its performance tables) with a news article written here, giving a district's count for
    the year to March 2021, which no table covers."""
    from assistant.engine import Assistant

    rng = random.Random(SEED)
    district = rng.choice(sorted(set(engine.index.frame.area) - {engine.index.frame.area.iloc[0]}))
    count = rng.randint(900, 1500)
    folder = tmp_path_factory.mktemp("carried-news")
    for path in CORPUS.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / ARTICLE).write_text(f"{coined(rng)} Gazette, July 2021\n\nThere were {count:,} drug offences in "
                                  f"{district} in the year to March 2021, the Office for National Statistics said.\n",
                                  encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["documents"].append({"file": ARTICLE, "title": "Drug offences in the district", "publisher":
                                  "local newspaper", "kind": "news article", "date": "2021-07-20"})
    (folder / "manifest.json").write_text(json.dumps(manifest))
    _, index, _ = seeded_build(tmp_path_factory, "carried-news", folder, index_dir)
    return Assistant.load(index), district, count


def test_the_year_before_a_passages_year_is_not_the_tables_year_before_their_latest(news_over_tables):
    engine, district, count = news_over_tables
    first = f"How many drug offences were recorded in {district} in the year to March 2021?"
    assert f"{count:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "and how many the year before that?"])
    table_periods = set(engine.index.frame.period)
    assert not answer.answerable or not any(period in answer.text for period in table_periods), answer.text
