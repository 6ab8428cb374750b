"""Follow-ups about meetings, over a generated series of minutes and over the real MoJ panel minutes.

After an answer from one meeting's minutes, "and the February one?" and "where was the next meeting?" move to
another document of the series; "had they been done by the May meeting?" finds the same action there with its
status; "which organisation is he from?" is about the person just named; "who confirmed that?" gives the full
name the minutes wrote as initials; "who else was there?" gives the other person of the same passage; "how many
the year before?" the line that tells the earlier year. The generated minutes draw every name, room, date and
number from a seeded generator, and what the tests expect comes from those values, never from the code.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest

from assistant.answer.series import same_series
from assistant.answer.thread import Thread, leans_back, person_names
from generated_corpora import coined

SEED = 20261206
MONTHS = ("February", "May", "September", "November")
RELEASE = "police-news-release.md"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Meeting:
    date: str
    room: str
    chair: str
    chair_org: str
    speaker: str  # gives the update, by full name then by initials
    second: str  # "also attended" beside the one who gave the update
    action: str
    status: str  # of the last meeting's action, as this meeting's minutes record it
    file: str
    text: str


def make_series(rng: random.Random) -> list[Meeting]:
    """Four meetings of one panel; each but the first records the status of the meeting before's action."""
    panel = f"{coined(rng)} Data Panel"
    meetings, action = [], ""
    for n, month in enumerate(MONTHS):
        date = f"{rng.randint(2, 27)} {month} 2013"
        room = f"Room {n + 3}{rng.choice('ABC')}, {rng.randint(10, 99)} {coined(rng)} Street"
        chair, chair_org = f"{coined(rng)} {coined(rng)}", f"University of {coined(rng)}"
        speaker, second = f"{coined(rng)} {coined(rng)}", f"{coined(rng)} {coined(rng)}"
        initials = speaker[0] + speaker.split()[1][0]
        status = rng.choice(("Complete.", "Not complete."))
        lines = [f"# {panel} - Minutes - {date} meeting", "", f"## {date}", "", f"## {room}, London", "",
                 "## Attendees", "", f"Dr {chair} – Chair", "", f"{chair}, {chair_org}", "",
                 f"{speaker}, University of {coined(rng)}",
                 "", f"{second}, Fire and Rescue Service", ""]
        if action:
            lines += ["## Actions from the last meeting", "", f"Action 1: {action}", "", f"• {status}", ""]
        lines += ["## 2. Data update", "",
                  f"2.1 {speaker} ({initials}) gave the panel an update on the crime data releases.",
                  f"{second}, the Group Commander for the fire service, also attended and introduced themselves.",
                  "", f"2.2 {initials} also confirmed that the release schedule would be reviewed in March 2014.", ""]
        action = f"{speaker} to write to the {coined(rng)} Agency about the release of the contract."
        lines += [f"Action: {action}", ""]
        file = f"{panel.lower().replace(' ', '-')}-minutes-{date.replace(' ', '-').lower()}.md"
        meetings.append(Meeting(date, room.split(",")[0], chair, chair_org, speaker, second, action,
                                status.rstrip("."), file, "\n".join(lines)))
    return meetings


@dataclass(frozen=True)
class Release:
    town: str
    county_fall: str
    town_fall: str
    before: int  # incidents recorded the year before
    text: str


def make_release(rng: random.Random) -> Release:
    """A police news release: a county-wide figure, then the town's in the next sentence, and later the year
    before's count told from this year's."""
    town, county = coined(rng) + "ton", coined(rng) + "shire"
    county_fall, town_fall = f"{rng.randint(5, 19)}.{rng.randint(1, 9)}%", f"{rng.randint(20, 40)}.{rng.randint(1, 9)}%"
    now, before = rng.randint(600, 900), rng.randint(300, 590)
    text = "\n\n".join([
        f"# Chief Constable welcomes the minister to {town}",
        f"The minister visited {town} police station on Monday and met officers from the town centre team.",
        f"Arson is being tackled with new patrols, which has resulted in arson across {county} being reduced by "
        f"{county_fall} in the last 12 months. And in {town}, offences are down by {town_fall} in the same "
        f"timeframe.",
        "The chief constable thanked the officers for their work.",
        f"Vandalism in {town} rose sharply this year, with {now} incidents recorded by the police.",
        f"That figure is up on the previous year, when {before} incidents were recorded.",
        ""])
    return Release(town, county_fall, town_fall, before, text)


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    meetings = make_series(random.Random(SEED))
    corpus = tmp_path_factory.mktemp("minutes-series")
    for meeting in meetings:
        (corpus / meeting.file).write_text(meeting.text, encoding="utf-8")
    (corpus / RELEASE).write_text(make_release(random.Random(SEED)).text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": []}), encoding="utf-8")
    index = tmp_path_factory.mktemp("minutes-series-index")
    build_index(corpus, index)
    return Assistant.load(index), meetings


def _cites(answer, meeting: Meeting) -> bool:
    return answer.answerable and {c.document for c in answer.citations} == {meeting.file}


# --- reading the turn -------------------------------------------------------------------------------------------

def test_a_date_a_follow_up_names_takes_the_place_of_the_earlier_one():
    said = Thread("Which room was the October 2013 meeting in?", "d.md", (1,)).search_text("and the February 2014 one?")
    assert "February 2014" in said and "October" not in said and "room" in said
    said = Thread("Where was the 13 March 2012 meeting held?", "d.md", (1,)).search_text(
        "Was the 15 May 2012 meeting in the same room?")
    assert "15 May 2012" in said and "March" not in said


def test_the_same_room_asks_the_earlier_question_of_the_meeting_named():
    thread = Thread("Where was the 13 March 2012 meeting held?", "d.md", (1,))
    assert thread.restated("Was the 15 May 2012 meeting in the same room?") == "Where was the 15 May 2012 meeting held?"
    assert thread.restated("Who chaired it?") == "Who chaired it?"


def test_he_is_the_person_the_last_answer_named():
    thread = Thread("Who chaired the panel in February 2014?", "d.md", (1,), names=("Kieron O’Hara",))
    searched = thread.search_text("Which university is he from?")  # a new thing asked of him, by his surname
    assert "O’Hara" in searched and "chaired" not in searched, searched
    assert person_names("Chair: Dr Kieron O’Hara") == ["Kieron O’Hara"]


@pytest.mark.parametrize("question", ["who else was there?", "Who else from the fire service attended?",
                                      "Anyone else?"])
def test_who_else_leans_back(question):
    assert leans_back(question)


def test_a_series_is_told_by_its_titles_less_their_dates():
    assert same_series("Crime and Justice Transparency Sector Panel, 14 October 2013",
                       "Crime Justice Sector Panel - 14 February 2014 - Minutes PUBLISH")
    assert not same_series("Crime and Justice Transparency Sector Panel, 14 October 2013",
                           "Drug crime in Northampton increased by almost a fifth")


# --- generated minutes --------------------------------------------------------------------------------------------

def test_the_same_question_about_another_meeting_is_answered_from_its_minutes(minutes):
    engine, meetings = minutes
    for first, second in ((a, b) for a in meetings for b in meetings if a is not b):
        answer = engine.ask_turns([f"Where was the {first.date} meeting held?",
                                   f"and the {second.date.split(' ', 1)[1]} one?"])
        assert _cites(answer, second) and second.room in answer.text, answer.text


def test_the_same_room_is_asked_of_the_meeting_named(minutes):
    engine, meetings = minutes
    for first, second in zip(meetings, meetings[1:]):
        answer = engine.ask_turns([f"Where was the {first.date} meeting held?",
                                   f"Was the {second.date} meeting in the same room?"])
        assert _cites(answer, second) and second.room in answer.text, answer.text


@pytest.mark.parametrize("step, offset", [("next", 1), ("previous", -1)])
def test_the_next_or_previous_meeting_is_the_adjacent_minutes(minutes, step, offset):
    engine, meetings = minutes
    for n in range(max(0, -offset), len(meetings) - max(0, offset)):
        answer = engine.ask_turns([f"Where was the {meetings[n].date} meeting held?", f"And the {step} meeting?"])
        assert _cites(answer, meetings[n + offset]) and meetings[n + offset].room in answer.text, answer.text


def test_an_action_is_followed_to_the_next_meetings_minutes(minutes):
    engine, meetings = minutes
    for before, after in zip(meetings, meetings[1:]):
        answer = engine.ask_turns([f"What action was agreed for {before.speaker} at the {before.date} meeting?",
                                   f"Had it been done by the {after.date} meeting?"])
        assert _cites(answer, after) and f"{after.status}." in answer.text, answer.text


def test_a_pronoun_is_the_person_named_initials_are_the_full_name_and_who_else_is_the_other(minutes):
    engine, meetings = minutes
    for meeting in meetings:
        answer = engine.ask_turns([f"Who chaired the {meeting.date} meeting?", "Which university is he from?"])
        assert _cites(answer, meeting) and meeting.chair_org in answer.text, answer.text
        answer = engine.ask_turns([f"When would the release schedule be reviewed, according to the {meeting.date} "
                                   f"minutes?", "Who confirmed that?"])
        assert _cites(answer, meeting) and meeting.speaker in answer.text, answer.text
        answer = engine.ask_turns([f"Who gave the data update at the {meeting.date} meeting?",
                                   "Who else from the fire service was there?"])
        assert _cites(answer, meeting) and meeting.second in answer.text and meeting.speaker not in answer.text, \
            answer.text


def test_a_place_and_the_year_before_are_found_beside_the_last_quote(minutes):
    engine, _ = minutes
    release = make_release(random.Random(SEED))
    # (the release names no speaker, so the first turn asks what it says, not what "the police" said)
    answer = engine.ask_turns(["By how much has arson been reduced since the new patrols?",
                               f"and in {release.town} specifically?"])
    assert answer.answerable and release.town_fall in answer.text and release.county_fall not in answer.text, \
        answer.text
    answer = engine.ask_turns([f"What happened to vandalism in {release.town} this year?",
                               "How many were recorded the year before?"])
    assert answer.answerable and f"{release.before}" in answer.text, answer.text


# --- the real minutes ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("turns, expected", [
    (["Which room was the October 2013 meeting in?", "and the February 2014 one?"], "Lower Ground 6"),
    (["What actions did Adam Thompson take away from the March 2012 meeting?",
      "Had they been done by the May 2012 meeting?"], "Not complete"),
    (["Who chaired the Crime and Justice Transparency Sector Panel in February 2014?", "Which university is he from?"],
     "Southampton University"),
    (["When was the review of the police.uk anonymisation process expected to begin?", "Who confirmed that?"],
     "Amanda Smith"),
])
def test_follow_ups_on_the_real_minutes(real_minutes, turns, expected):
    answer = real_minutes.ask_turns(turns)
    assert answer.answerable and expected in answer.text, answer.text
