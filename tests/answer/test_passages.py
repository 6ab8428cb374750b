"""The rules that decide which sentence may be quoted: pure helpers, then the rules on the real index."""

from __future__ import annotations

import pytest

from assistant.answer.asking import counts as _counts, months_in, nouns as _nouns, only_changes
from assistant.text.context import context_label
from assistant.text.dates import years_in
from assistant.answer.asking import named_sources
from assistant.answer.thread import leans_back
from assistant.answer.asked import list_size, parts
from assistant.answer.wants import wants
from assistant.records import Document, Section
from assistant.text.terms import content_terms


@pytest.mark.parametrize("text, years", [
    ("between July 2017 and June 2018", {"2017", "2018"}),
    ("up by 1% on 2016-17", {"2016", "2017"}),
    ("for 2024/25", {"2024", "2025"}),
    ("in 12 months, 1,465 offences", set()),
])
def test_years_in_reads_spans(text, years):
    assert years_in(text) == years


@pytest.mark.parametrize("phrase, nouns", [
    ("children went to", "children"),
    ("police officers", "police officers"),
    ("people died on", "people"),
    ("offences recorded", "offences"),
])
def test_counted_phrase_stops_at_the_verb(phrase, nouns):
    assert _nouns(phrase) == nouns


@pytest.mark.parametrize("text, noun, expected", [
    ("there were 1,200 school children that attended", "children", True),
    ("There have been four homicides", "homicide", True),
    ("a hands-on experience for the Year 8 children", "children", False),
    ("including 120 stop and searches", "search", True),
    ("the children were happy", "children", False),
])
def test_counts_needs_a_number_that_counts(text, noun, expected):
    assert _counts(text, noun) is expected


def test_same_thing_in_other_words_matches():
    assert "asb" in content_terms("anti-social behaviour fell")
    assert content_terms("crime rose") & content_terms("an increase in crime") == {"crime", "increas"}
    assert "percent" in content_terms("a 17.4% increase") & content_terms("by what percentage")


@pytest.mark.slow
def test_a_named_source_narrows_the_documents(engine):
    assert named_sources("according to the PFCC", engine.index) == {"pfcc-essex-2024-getting-crime-down.txt"}
    assert named_sources("what did the Echo report?", engine.index) == {"echo-2021-southend-crime-falls.txt"}
    assert named_sources("how much crime fell", engine.index) == set()


@pytest.mark.slow
@pytest.mark.parametrize("question, reason", [
    ("How many drug offences were there in Basildon in 2016?", "2016"),
    ("How much fraud was recorded in Essex?", "England"),
    ("How many burglaries were recorded in Cambridge in 2024?", "Cambridge"),
])
def test_refusals_say_why(engine, question, reason):
    answer = engine.ask(question)
    assert not answer.answerable
    assert answer.text.startswith("Not found")


@pytest.mark.slow
def test_a_sentence_broken_by_a_page_break_is_quoted_whole(engine):
    answer = engine.ask("How many stop and searches did Essex Police carry out in Chelmsford after the Central "
                        "Park stabbing?")
    assert answer.answerable
    assert "stepped up" in answer.citations[0].quote and "120 stop and searches" in answer.citations[0].quote


@pytest.mark.slow
def test_a_sentence_that_leans_on_the_one_before_is_quoted_with_it(engine):
    answer = engine.ask("What was the Southend crime figure in the 12 months to March, and how did it change?")
    quotes = [c.quote for c in answer.citations]
    assert any("18,099" in q for q in quotes) and any("decrease of 12%" in q for q in quotes)


@pytest.mark.slow
def test_sources_the_question_names_are_each_quoted_with_a_caveat_about_periods(engine):
    answer = engine.ask("How much did total crime fall across Essex last year according to the PFCC and the "
                        "press release?")
    assert {c.document for c in answer.citations} == {"pfcc-essex-2024-getting-crime-down.txt",
                                                      "essex-police-2024-01-15-home-secretary-visit.txt"}
    assert answer.text.startswith("Several sources give figures")
    assert any("different dates" in c for c in answer.caveats)


@pytest.mark.slow
def test_a_sentence_about_another_crime_type_is_not_quoted(engine):
    answer = engine.ask("By how much did crime fall in Southend in the 12 months to December 2023?")
    assert "9.2%" in answer.citations[0].quote
    assert all("knife" not in c.quote for c in answer.citations)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["And in Harlow?", "Harlow", "Basildon?"])
def test_a_place_alone_is_not_answered_from_a_passage_that_names_it(engine, question):
    """A heading or a table title that names the place is not an answer: with nothing asked about the place,
    the answer is "not found" (a follow-up gets its topic from the conversation instead)."""
    answer = engine.ask(question)
    assert not answer.answerable and answer.citations == ()
    assert "not what to find out about it" in answer.text


# --- what a question asks for -------------------------------------------------------------------------------


@pytest.mark.parametrize("question, kind", [
    ("Who chaired the July meeting?", "person"),
    ("When was the first VAWG roundtable?", "date"),
    ("What time does the board start?", "time"),
    ("How many officers are there in Chelmsford?", "figure"),
    ("What is the serious violence rate per 1000 population?", "rate"),
    ("Where is St Peter's Hospital?", "place"),
])
def test_the_kind_of_answer_is_read_from_the_question(question, kind):
    assert wants(question).kind == kind


@pytest.mark.parametrize("question", [
    "What did Essex Police say about knife crime in Southend when the Home Secretary visited?",
    "How much did ASB fall when the hotspot patrols began?",
])
def test_when_inside_a_sentence_does_not_ask_for_a_date(question):
    assert not wants(question).date


@pytest.mark.parametrize("text, fits", [
    ("funding agreements were received in December 2023.", False),  # a date is not an amount
    ("Core funding for 2024/25 will be £19,191.", True),
    ("The partnership will receive £193,716 for projects", True),
])
def test_a_year_or_date_is_not_the_amount_asked_for(text, fits):
    assert wants("How much funding is Chelmsford getting?").fits(text) is fits


@pytest.mark.parametrize("text, fits", [
    ("The present board members were welcomed by the Chair.", False),  # the question's own role says nobody
    ("Keith Nicholson – Director of Public Places (Chair)", True),
    ("Joe Traynor, from the ONS Centre for Crime and Justice, said:", True),
])
def test_who_needs_someone_the_question_does_not_already_name(text, fits):
    assert wants("Who chaired the One Chelmsford board?").fits(text, "Who chaired the One Chelmsford board?") is fits


@pytest.mark.parametrize("question, pieces", [
    ("When was the CTLP presented, and by whom?", ["When was the CTLP presented", "by whom"]),
    ("How many drug offences were there in Northampton, and how many the year before?",
     ["How many drug offences were there in Northampton", "how many the year before"]),
    ("Who is the contact for the summary and when was it produced?",
     ["Who is the contact for the summary", "when was it produced"]),
    ("What are the aims of the CTLP and the Prevent Duty?", ["What are the aims of the CTLP and the Prevent Duty?"]),
])
def test_a_question_in_several_parts_is_split_into_them(question, pieces):
    assert parts(question) == pieces


@pytest.mark.parametrize("question, size", [
    ("What are the four strands of CONTEST?", 4), ("what are the 3 objectives of the prevent strategy", 3),
    ("What are the strands of CONTEST?", None), ("How many officers in 12 months?", None),
])
def test_the_size_of_an_asked_for_list(question, size):
    assert list_size(question) == size


@pytest.mark.parametrize("text, noun, expected", [
    ("The current data shows 16 more offences with 0.57 offences per 1000 population.", "offence", True),
    ("there were 9,470 fewer crimes committed across Essex", "crime", True),
    ("a reduction of 1,920 incidents", "incident", True),
    ("Essex Police recorded 18,099 offences in Southend", "offence", False),
    ("no number at all", "offence", False),
])
def test_a_change_or_rate_is_not_a_count(text, noun, expected):
    assert only_changes(text, noun) is expected


def test_months_are_read_only_as_parts_of_dates():
    assert months_in("the 12 months to October 2024 and 31 March") == {"oct", "mar"}
    assert months_in("we may see more in 2024") == set()


@pytest.mark.parametrize("question, leans", [
    ("What's his job title?", True), ("And in Melbourne?", True), ("What's the second one?", True),
    ("When did it start?", True), ("How many officers does the north local policing area have?", False),
])
def test_a_follow_up_leans_on_the_last_answer(question, leans):
    assert leans_back(question) is leans


def _document(text: str, headings: list[tuple[str, tuple[str, ...]]]) -> Document:
    """A document whose sections start after each heading line given (heading text, path)."""
    sections, starts = [], []
    for heading, path in headings:
        start = text.index(heading + "\n") + len(heading) + 1
        starts.append((start, path))
    for n, (start, path) in enumerate(starts):
        end = starts[n + 1][0] - len(headings[n + 1][0]) - 1 if n + 1 < len(starts) else len(text)
        sections.append(Section(path, start, end))
    return Document("d.md", "Board pack", "Council", "2024-12-05", "agenda", "d.md", text, tuple(sections))


def test_a_line_outside_prose_is_labelled_with_what_gives_it_meaning():
    text = ("Board\n\nMinutes of the Meeting on 26th July 2024\nfrom 10.00am to 12:00pm\n\nPresent:\n\n"
            "Keith Nicholson – Director of Public Places (Chair)\n\nPriorities\n\nThe threat priorities are:\n\n"
            "- Self-initiated terrorism\n\nScores\n\nBenchmark\tAssessment\nReferral Pathway\tExceeding\n")
    doc = _document(text, [("Board", ("Board",)), ("Present:", ("Board", "Present:")),
                           ("Priorities", ("Priorities",)), ("Scores", ("Scores",))])
    chair = context_label(doc, text.index("Keith"))
    assert "Present:" in chair and "Minutes of the Meeting on 26th July 2024" in chair
    assert "The threat priorities are:" in context_label(doc, text.index("- Self"))
    assert "Benchmark\tAssessment" in context_label(doc, text.index("Referral"))


def test_a_section_opening_sentence_is_not_read_as_its_subtitle():
    text = "Welcome\n\nThe members were welcomed by the Chair.\n\nApologies were received from Claire Bartoli.\n"
    doc = _document(text, [("Welcome", ("Welcome",))])
    assert "Chair" not in context_label(doc, text.index("Apologies"))


# --- the rules on the real index -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("Who chaired the One Chelmsford board meeting in July 2024?", ["Keith Nicholson"]),
    ("What are the four strands of CONTEST?", ["Pursue", "Protect", "Prevent", "Prepare"]),
    ("What are the dates of the One Chelmsford board meetings after December 2024?",
     ["7th March 2025", "11th July 2025", "7th November 2025", "6th March 2026"]),
    ("how many subscibers does the safer chelmsford newsletter have", ["9,500"]),
])
def test_lines_outside_running_prose_answer_with_their_labels(engine, question, expected):
    answer = engine.ask(question)
    assert answer.answerable, answer.text
    assert all(e in answer.text for e in expected), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How many Prevent referrals were made in Essex this year?",  # "an increase in referrals" counts none
    "What was the total number of crimes recorded in Essex in the 12 months to December 2023?",  # "9,470 fewer"
])
def test_a_change_is_not_given_as_the_count_asked_for(engine, question):
    assert not engine.ask(question).answerable


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What does the commissioner's statement say about the number of officers in the quangle?",
    "Who is quoted in the article about the flumbrous zorgs?",
    "What did the press release say about glorbing?",
])
def test_refusals_name_the_questions_own_words_never_stems(engine, question):
    answer = engine.ask(question)
    assert not answer.answerable
    if "never mention" in answer.text:
        named = answer.text.split("never mention ", 1)[1].split(".")[0]
        words = set(question.casefold().replace("?", "").replace("'s", "").split())
        assert set(named.replace(" or ", ", ").split(", ")) <= words, answer.text


@pytest.mark.slow
def test_a_follow_up_names_an_item_of_the_last_answers_list(engine):
    answer = engine.ask_turns(["What are the Eastern Region Prevent threat priorities?", "What's the second one?"])
    assert answer.answerable and "Self-initiated" in answer.text


@pytest.mark.slow
def test_a_question_that_stands_alone_ignores_the_last_passage_answer(engine):
    alone = engine.ask("How many officers does the north local policing area have?")
    after = engine.ask_turns(["What are the four strands of CONTEST?",
                              "How many officers does the north local policing area have?"])
    assert after.text == alone.text
