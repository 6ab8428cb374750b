"""Near misses a council's reports are full of, each refused by its rule on plain text and by the real engine on a
document this test writes about a council with coined names (the lines beside them still answer):

- a step put off for the step taken ("a six-month delay in the final decision" for when it was actually decided);
- part of a thing done for the whole of it ("11 of 14 cameras installed; completion expected" for when the last was);
- the date of another act ("the contract was awarded on 3 August" for when the cameras were installed);
- one figure for two places for one of them on its own ("in Brantwick and Madderley (8 cameras)" for Madderley
  specifically);
- a date for a place the line never names ("first sessions held 12 January" for when they started in Saxholme);
- another fund than the one the question names by its sum;
- what may be applied for, for what was awarded;
- no count of a thing named by the words before its noun ("the fixed penalty would be £100" for how many notices);
- no figure for one asked by its noun ("what footfall did the festival get?"), no address for an address;
- another quarter of the year.
"""

from __future__ import annotations

import random

import pytest

from assistant.answer import nearmiss, otherkind
from assistant.answer.nearmiss import Window
from generated_corpora import coined, one_document_assistant


def window(text: str, before: str = "", label: str = "") -> Window:
    return Window(text, before, label, frozenset())


@pytest.mark.parametrize("question, text, refused", [
    ("On what date did the board actually take its final decision on the hospital?",
     "At the board meeting on 12 September it was agreed to a six-month delay in the final decision-making.", True),
    ("When did the council adopt the strategy?", "Adoption of the strategy was deferred to the March meeting.", True),
    ("When was the order finally approved?", "Approval was postponed pending legal advice.", True),
    ("When did the council adopt the strategy?", "The council adopted the strategy on 3 March.", False),
    ("Why was the decision delayed?", "It was agreed to a six-month delay in the final decision-making.", False),
    ("When will the final decision be taken?", "It was agreed to a six-month delay in the final decision.", False),
    ("how many cameras installed so far", "9 of the 14 cameras had been installed but the rest were put back.", False),
    ("what date was the board meeting originally supposed to happen",
     "A board meeting was due to be held on 30 September 2024 but will now be postponed.", False),
    ("when was the review first scheduled", "The review, first set for May, was postponed.", False),
])
def test_a_step_put_off_is_not_the_step_taken(question, text, refused):
    assert bool(nearmiss.postponed_for_done(question, window(text))) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("On what date was the last CCTV camera installed?",
     "Status: 11 of 14 cameras installed; completion expected 31 March 2027", True),
    ("When were all the kits fitted?", "Three out of five kits fitted by June; the rest are due in July.", True),
    ("When was the scheme completed?", "Eight of 12 sites finished in May, with the remaining four outstanding.", True),
    ("On what date was the last CCTV camera installed?", "14 of 14 cameras installed by 2 February 2027.", False),
    ("When was the first camera installed?", "11 of 14 cameras installed; completion expected 31 March", False),
    ("When will the last camera be installed?", "11 of 14 cameras installed; completion expected 31 March", False),
])
def test_part_done_is_not_the_whole_done(question, text, refused):
    assert bool(nearmiss.part_done_for_whole(question, window(text))) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("On what date was the last camera installed?", "The contract was awarded to a local firm on 3 August 2026.", True),
    ("When were the new signs published?", "The consultation closed on 2 December.", True),
    ("On what date was the last camera installed?", "The last camera was installed on 9 March 2027.", False),
    ("what date was the agenda pack published", "Date of publication Wednesday 4 November 2026", False),
])
def test_a_date_asked_for_an_act_put_passively_needs_that_act(question, text, refused):
    assert bool(nearmiss.act_unsaid(question, window(text))) is refused


@pytest.mark.parametrize("seed", range(4))
def test_one_figure_for_two_places_is_no_figure_for_one_alone(seed):
    rng = random.Random(seed)
    one, other = coined(rng), coined(rng)
    for question in (f"how many of the cameras are going in {one.lower()} specifically",
                     f"how many cameras just in {one.lower()}", f"cameras for {one} alone?"):
        for text in (f"New CCTV in {other} and {one} (8 cameras)", f"New CCTV in {one} & {other}: 8 cameras"):
            assert nearmiss.shared_figure(question, window(text)), (question, text)
        assert not nearmiss.shared_figure(question, window(f"New CCTV in {one} (5 cameras) and {other} (3)"))
        assert not nearmiss.shared_figure(question, window(f"8 cameras in {other} and {one}, 5 of them in {one}"))
    assert not nearmiss.shared_figure(f"how many cameras are going in {one.lower()}",
                                      window(f"New CCTV in {other} and {one} (8 cameras)"))


@pytest.mark.parametrize("seed", range(3))
def test_a_date_asked_for_a_named_place_needs_a_line_that_names_it(seed):
    rng = random.Random(seed)
    asked, scheme, council = coined(rng), coined(rng), coined(rng)
    proper = frozenset(word.casefold() for word in (asked, scheme, council))
    question = f"when did {scheme.lower()} youth sessions start in {asked.lower()}"
    assert nearmiss.name_unsaid(question, window(f"{scheme} Youth sessions: first sessions held 12 January 2027"),
                                proper, f"{council} District Council")
    assert not nearmiss.name_unsaid(question, window(f"{scheme} sessions in {asked}: first held 12 January 2027"),
                                    proper, f"{council} District Council")


@pytest.mark.parametrize("question, text, refused", [
    ("how much has been spent so far from the £185,000 fund",
     "The £24,000 was agreed, leaving £4,500 of the 2026/27 Partnership Fund uncommitted.", True),
    ("how much of the £2m grant is left", "The Safer Streets Grant of £400,000 was spent in full.", True),
    ("how much has been spent so far from the £185,000 fund",
     "Of the £185,000 Streets Fund, £92,000 has been spent.", False),
    ("how much has been spent so far from the £185,000 fund", "So far £92,000 has been spent.", False),
])
def test_a_fund_named_by_its_sum_is_not_another_fund(question, text, refused):
    assert bool(otherkind.other_fund(question, text)) is refused


@pytest.mark.parametrize("question, near, refused", [
    ("how much did the council actually get awarded from the fund",
     "- How much can we apply for? £250,000 over 2 years", True),
    ("how much was the partnership granted", "Partners may bid for up to £50,000 each.", True),
    ("how much can the council apply for", "- How much can we apply for? £250,000 over 2 years", False),
    ("how much was the partnership awarded", "Partners could apply for £50,000 and were awarded £40,000.", False),
])
def test_what_may_be_applied_for_is_not_what_was_awarded(question, near, refused):
    assert bool(otherkind.offered_for_given(question, near)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("how many fixed penalty notices have been issued under the order",
     "The fixed penalty for breach of the order would be £100, reduced to £60 if paid within 10 days.", True),
    ("how many dispersal notices were given", "A dispersal order lasts 48 hours.", True),
    ("how many fixed penalty notices have been issued under the order", "42 fixed penalties were issued.", False),
    ("how many new officers joined", "New parking charges rose by 5%.", False),  # "new" says which, not what
])
def test_a_count_of_a_thing_named_by_its_words_needs_a_count(question, text, refused):
    assert bool(otherkind.no_count(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("what footfall did the last science festival get", "A fringe to the festival will put young people first.", True),
    ("what attendance did the open day have", "The open day was held at the library.", True),
    ("what footfall did the last science festival get", "The festival drew a footfall of 12,000.", False),
    ("what's the address of the police station", "• Station Manager Jo Bell - Fire and Rescue Service", True),
    ("what is the full address of the hub", "The hub is at 14 Market Street, AB1 2CD.", False),
    ("what is the email address of the team", "Email the team at safer@example.org", False),
    ("how will they address the issue", "The team will meet monthly.", False),
])
def test_a_value_asked_by_its_noun_needs_one(question, text, refused):
    assert bool(otherkind.no_value(question, text) or otherkind.no_address(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("robbery in the ward in q2 26/27", "2026/27 Q3 2026-10-01 2026-12-31 Ward Robbery recorded 2", True),
    ("robbery in the second quarter", "Quarter 3: 2 robberies were recorded.", True),
    ("robbery in the ward in q2 26/27", "2026/27 Q2 2026-07-01 2026-09-30 Ward Robbery recorded 4", False),
    ("robbery in the ward in q2 compared with q3", "Quarter 3: 2 robberies were recorded.", False),
])
def test_another_quarter_is_not_the_quarter_asked(question, text, refused):
    assert bool(nearmiss.other_alternative(question, window(text))) is refused


def review(council: str, one: str, other: str, scheme: str) -> str:
    return f"""# {council} District Council: Safer {council} Partnership review

## 1. Decisions

At the Health Board meeting on 12 September it was agreed to a six-month delay in the final decision-making on the
{other} clinic.

## 2. Projects

| Project | Amount | Status at 31 January 2027 |
| --- | --- | --- |
| Town centre CCTV replacement (14 cameras) | £118,400 | 11 of 14 cameras installed; completion expected 31 March 2027 |
| New CCTV in {other} and {one} (8 cameras) | £72,500 | Sites surveyed; procurement under way |
| {scheme} Youth evening sessions | £48,000 | First sessions held 12 January 2027 |

## 3. Funding

- How much can we apply for? £250,000 over 2 years
- When will the project happen? 7 April 2025 - 6 April 2027

The Board noted that the £24,000 for the youth outreach project was agreed, leaving £4,500 of the 2026/27 Partnership
Fund uncommitted.
"""


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    rng = random.Random(23)
    name, one, other, scheme = coined(rng), coined(rng), coined(rng), coined(rng)
    engine = one_document_assistant(tmp_path_factory, "put-off", "partnership-review-2027.md",
                                    review(name, one, other, scheme), f"Safer {name} Partnership review",
                                    f"{name} District Council", "report", "2027-02-09")
    return engine, name.lower(), one.lower(), other.lower(), scheme.lower()


@pytest.mark.slow
def test_near_misses_in_a_generated_review_are_refused(council):
    engine, name, one, other, scheme = council
    for question in (f"on what date did the health board actually take its final decision on the {other} clinic",
                     "on what date was the last cctv camera installed in the town centre",
                     f"how many of the new cameras are going in {one} specifically",
                     f"when did {scheme} youth sessions start in {other}",
                     "how much has been spent so far from the £185,000 fund",
                     "how much did the council actually get awarded from the fund"):
        answer = engine.ask(question)
        assert not answer.answerable, (question, answer.text)


@pytest.mark.slow
def test_the_answers_beside_the_near_misses_still_stand(council):
    engine, name, one, other, scheme = council
    for question, expected in ((f"when did the {scheme} youth sessions start", "12 January 2027"),
                               (f"how many new cameras are going in {other} and {one}", "8"),
                               ("how much can we apply for", "£250,000")):
        answer = engine.ask(question)
        assert answer.answerable and expected in answer.text, (question, answer.text)
