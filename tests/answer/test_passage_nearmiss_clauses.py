"""Near misses read from a line's structure, on documents this test writes for a district no vocabulary knows:

- a figure in another clause: the place or the thing a percentage is asked of named only in a part of the line
  that holds no figure ("five reviews ..., also attending a Dunfield review");
- another thing named by its initials: "the TIF money" for the Coastal Communities Fund, where the document
  spells out both;
- money left for money spent: "£80,000 was still available" for "how much was spent?";
- a person for an organisation: "Dana Whitlow reported that the contract had been awarded" for "which company?";
- a process under way for its outcome: "sent to the regulator for quality assurance" for "what did it conclude?";
- another rank: a Chief Inspector for "who is the new superintendent?";
- a value asked at its peak, answered by a line with no figure;
- a sample for a count ("reviewed a sample of 12 searches"), a wider area's figure for the place inside it;
- a local figure after a line naming the force area and a district both, for the force area as a whole.

Each rule is pinned on plain text with the answer that still stands next to it, and the real engine on a report this
test writes (indexed with the real build).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # the workbook generator

from workbook_layouts import make_workbook

from assistant import vocab
from assistant.answer.tables import TableIndex
from assistant.ingest.corpus import load_document
from assistant.ingest.performance import read_performance
from assistant.answer import baselines, nearmiss, otherkind
from assistant.answer.nearmiss import Window
from assistant.answer.wants import Wants
from generated_corpora import one_document_assistant


@pytest.mark.parametrize("question, places, text, refused", [
    ("How many safeguarding reviews are there for Dunfield?", ("Dunfield",),
     "The team has four ongoing safeguarding reviews, also attending a Dunfield review.", True),
    ("How many safeguarding reviews are there for Dunfield?", ("Dunfield",),
     "Dunfield has four ongoing safeguarding reviews, with two more expected.", False),
    ("How many safeguarding reviews are there for Dunfield?", ("Dunfield",),
     "The team has four ongoing safeguarding reviews in Dunfield.", False),  # one clause: no turn to another subject
    ("How many fewer reports were there in Dunfield?", ("Dunfield",),
     "Reports have fallen in Dunfield, with 900 fewer reports - a reduction of 37%.", False),  # goes on about it
    ("What percentage of referrals came from schools?", (),
     "Most referrals came from schools, with the 18-24 age group the largest (41%) of which 65% were female.", True),
    ("What percentage of referrals were female?", (),
     "Most referrals came from schools, with the 18-24 age group the largest (41%) of which 65% were female.", False),
    ("What percentage of referrals came from schools?", (),
     "Referrals from schools made up 38% of the total, with colleges next.", False),
])
def test_a_figure_in_another_clause_is_not_the_one_asked(question, places, text, refused):
    assert bool(nearmiss.figure_of_another_clause(question, places, text)) is refused


DEFINING = "The Board heard about the Town Investment Fund (TIF) and the Coastal Communities Fund (CCF)."
PRINTED = {"ccf": frozenset({"coastal", "communiti", "fund"})}  # the shape `naming.initials` gives, for one pair


@pytest.mark.parametrize("question, text, refused", [
    ("How much Coastal Communities Fund money was spent in Year 2?", "£212,400 of the TIF money was spent in Year 2.",
     True),
    ("How much Coastal Communities Fund money was spent in Year 2?", "£90,000 of the CCF was spent in Year 2.", False),
    ("How much TIF money was spent in Year 2?", "£212,400 of the TIF money was spent in Year 2.", False),
    ("How much Coastal Communities Fund money was spent?", "The NHS trust spent £9,000 on it.", False),  # not defined
])
def test_another_thing_of_the_kind_named_by_its_initials(question, text, refused):
    from assistant.text.terms import content_terms
    printed = {short: frozenset(content_terms(" ".join(words))) for short, words in
               (("ccf", ("coastal", "communities", "fund")),)}
    assert bool(nearmiss.other_initials(question, text, printed, DEFINING)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How much was spent in Year 2?", "Members heard that £80,000 of the fund was still available for 2026/27.", True),
    ("How much is still available?", "Members heard that £80,000 of the fund was still available for 2026/27.", False),
    ("How much was spent in Year 2?", "£212,400 was spent in Year 2, leaving £80,000 available.", False),
])
def test_money_left_is_not_money_spent(question, text, refused):
    assert bool(otherkind.other_money(question, text)) is refused


@pytest.mark.parametrize("text, refused", [
    ("Dana Whitlow reported that the contract for the new cameras at Marlby harbour had been awarded.", True),
    ("Cllr Dana Whitlow welcomed the new cameras at Marlby harbour.", True),
    ("The contract for the new cameras at Marlby harbour was awarded to Harbourline Security.", False),
    ("Dana Whitlow reported that Vantage Systems had won the contract for the cameras at Marlby harbour.", False),
    ("Installation of the new cameras at Marlby harbour will finish in May.", False),  # names nobody: other rules
])
def test_a_person_is_no_company(text, refused):
    question = "Which company is installing the new cameras at Marlby harbour?"
    assert bool(otherkind.person_for_organisation(question, text)) is refused


@pytest.mark.parametrize("question, near, refused", [
    ("What did the regulator conclude after quality assuring the reviews?",
     "Three of these reviews have been sent to the regulator for quality assurance.", True),
    ("What did the regulator conclude after quality assuring the reviews?",
     "The regulator concluded that the reviews met the standard.", False),
    ("What did the inspection find?", "The inspection found that response times had improved.", False),
    ("What did the inspection find?", "The inspection is due to start in June.", True),
    ("What did the residents' survey find on feeling safe?", "58% of residents now feel safe after dark.", False),
])
def test_a_process_under_way_is_no_outcome(question, near, refused):
    assert bool(otherkind.process_for_outcome(question, near)) is refused


@pytest.mark.parametrize("question, terms, refused", [
    ("Who is the new superintendent for Marlby?", "priya nandra chief inspector northmoor police", True),
    ("Who is the new superintendent for Marlby?", "priya nandra superintendent northmoor police", False),
    ("Who is the new sergeant for Marlby?", "ann lee sergeant marlby", False),
])
def test_a_rank_asked_is_a_post(question, terms, refused):
    from assistant.text.terms import content_terms
    assert bool(otherkind.other_post(question, terms, frozenset(content_terms(terms)))) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How many stop and searches were carried out?", "The panel reviewed a sample of 12 searches in June.", True),
    ("How many stop and searches were carried out?", "88 stop and searches were carried out in Q1.", False),
    ("How many searches did the panel review?", "The panel reviewed a sample of 12 searches in June.", False),
    ("How many stop and searches were carried out?", "Of 88 searches, a sample of 12 was reviewed.", False),
])
def test_a_sample_is_no_count_of_them_all(question, text, refused):
    assert bool(otherkind.sample_for_count(question, text)) is refused


@pytest.mark.parametrize("text, refused", [
    ("Marlby was included in the eastern policing area, which has around 640 officers.", True),
    ("Marlby is part of the coastal command area with 1,200 staff.", True),
    ("Within Marlby there are 52 officers.", False),
    ("Marlby was included in the review, with 52 officers interviewed.", False),  # no wider area
])
def test_a_wider_area_that_includes_the_place_is_not_it(text, refused):
    assert bool(nearmiss.inside_wider(("Marlby",), text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("What was confidence in the police at its peak?", "We must commit to prevention across every service.", True),
    ("What was confidence in the police at its peak?", "Confidence peaked at 81% in 2021.", False),
    ("When was confidence at its peak?", "We must commit to prevention across every service.", False),  # no value
])
def test_a_value_at_its_peak_needs_a_figure(question, text, refused):
    assert bool(baselines.objection(question, set(), Wants(), text)) is refused


@pytest.fixture(scope="module")
def force(tmp_path_factory):
    """A generated force whose areas were just learned from its workbook, with that vocabulary in force."""
    folder = tmp_path_factory.mktemp("force")
    workbook = make_workbook(folder, 7)
    tables = TableIndex(read_performance([load_document(workbook.path, {})]).frame)
    return workbook, vocab.for_catalogue(vocab.load(), tables.catalogue)


@pytest.mark.parametrize("district_too, refused", [
    (True, True),  # "a data pack for the force (with a district's tab)": which of the two, unsaid
    (False, False),  # the force area only: the figure is its
])
def test_a_line_before_naming_a_district_too_does_not_make_a_figure_wide(force, district_too, refused):
    workbook, words = force
    before = f"We receive a monthly data pack for {workbook.force} (with a {workbook.areas[0]} tab)." if district_too \
        else f"Across {workbook.force} the picture is similar."
    window = Window("Serious violence rose 12% with 0.61 offences per 1000 population.", before, "Item 8", frozenset())
    question = f"What is the serious violence rate per 1000 population for {workbook.force} as a whole?"
    with vocab.using(words):
        assert bool(nearmiss.narrower_than_asked(question, (workbook.force,), window, "")) is refused


REPORT = """# Marlby District Council Safer Marlby Board, 12 March 2026

## Item 3: Town Investment Fund and Coastal Communities Fund

The Board received an update on the Town Investment Fund (TIF) and the Coastal Communities Fund (CCF).

It was noted that £212,400 of the TIF money was spent on shopfront grants and wayfinding signs in Year 2.

Members heard that £80,000 of CCF money was still available for 2026/27.

## Item 4: Safeguarding reviews

The team is handling four ongoing safeguarding adult reviews (SAR), also attending a Dunfield SAR.

Three of these reviews have been sent to the regulator for quality assurance.

## Item 5: Harbour CCTV

Dana Whitlow reported that the contract for the new cameras at Marlby harbour had been awarded and work ends in May.

## Item 6: Policing update

Priya Nandra, Chief Inspector at Northmoor Police, gave the policing update.

Marlby was included in the eastern policing area, which was noted to have around 640 officers.

Within Marlby, it was advised that there were 52 officers and 6 community safety officers.

The scrutiny panel reviewed a sample of 12 searches from the district in June and found all grounds reasonable.

In the quarter, 88 stop and searches were carried out in the district.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "marlby", "marlby-board-2026-03-12.md", REPORT,
                                  "Marlby District Council Safer Marlby Board", "Marlby District Council",
                                  "minutes", "2026-03-12")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How much Coastal Communities Fund money was spent in Year 2?",  # the TIF's; the CCF's still available
    "Which company is installing the new cameras at Marlby harbour?",  # the officer who reported it
    "What did the regulator conclude after quality assuring the safeguarding adult reviews?",  # only sent
    "Who is the new superintendent for Marlby?",  # a Chief Inspector
])
def test_near_misses_read_from_structure_are_refused(board, question):
    answer = board.ask(question)
    assert not answer.answerable, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("How much TIF money was spent in Year 2?", "£212,400"),
    ("How much CCF money is still available?", "£80,000"),
    ("How many reviews were sent to the regulator?", "Three"),
    ("How many officers are there in Marlby?", "52"),
    ("How many stop and searches were carried out in the district?", "88"),
    ("Who reported on the harbour CCTV contract?", "Dana Whitlow"),
])
def test_the_answers_beside_them_still_stand(board, question, expected):
    answer = board.ask(question)
    assert answer.answerable and expected in answer.text, answer.text
