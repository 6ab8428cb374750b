"""The engine end to end on the real model, index and corpus: answers, citations, abstention, bad input."""

from __future__ import annotations

import json

import pytest

from assistant.answer.guard import uncited_numbers
from assistant.config import PROJECT_ROOT
from assistant.errors import QuestionError
from assistant.records import Answer

pytestmark = pytest.mark.slow

SAMPLE = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "sample.jsonl").read_text().splitlines()]
QUESTIONS = [item for item in SAMPLE if "question" in item]


@pytest.mark.parametrize("item", [i for i in QUESTIONS if i["kind"].startswith("table")], ids=lambda i: i["id"])
def test_sample_table_questions_are_answered_exactly(engine, item):
    answer = engine.ask(item["question"])
    assert answer.answerable, answer.text
    for expected in item["expected"]:
        assert expected in answer.text
    assert all(c.document == item["source"] for c in answer.citations)
    assert answer.figures and all(1 <= f.citation <= len(answer.citations) for f in answer.figures)


@pytest.mark.parametrize("item", [i for i in QUESTIONS if i["kind"] == "passage"], ids=lambda i: i["id"])
def test_sample_passage_questions_quote_the_right_sentence(engine, item):
    answer = engine.ask(item["question"])
    assert answer.answerable, answer.text
    assert any(all(e in c.quote for e in item["expected"]) for c in answer.citations), answer.text
    assert answer.citations[0].document == item["source"]


@pytest.mark.parametrize("question", [
    *[i["question"] for i in QUESTIONS if i["kind"] == "unanswerable"],
    "asdf qwerty zxcv",
    "How many burglaries were there in Narnia in 2024?",
    "What is the population of Harlow?",
    "How much fraud was recorded in Essex?",
])
def test_questions_the_corpus_cannot_answer_are_declined(engine, question):
    answer = engine.ask(question)
    assert not answer.answerable
    assert answer.text.startswith("Not found")
    assert answer.citations == () and answer.figures == ()


@pytest.mark.parametrize("item", SAMPLE, ids=lambda i: i["id"])
def test_no_answer_states_a_number_its_citations_lack(engine, item):
    if "claim" in item:
        answer, asked = engine.check(item["claim"]), item["claim"]
    elif "turns" in item:
        answer, asked = engine.ask_turns(item["turns"]), " ".join(item["turns"])
    else:
        answer, asked = engine.ask(item["question"]), item["question"]
    if answer.answerable:
        assert uncited_numbers(answer, allowed_text=asked) == []
    else:  # a refusal may describe what the tables cover, but it states no figure as an answer
        assert answer.figures == ()


def test_follow_up_keeps_the_context(engine):
    first = engine.ask("What was the solved rate for robbery in Colchester in 2024?")
    second = engine.ask("And in Harlow?", context=first.context)
    assert "14.2" in second.text
    assert "Harlow" in second.text


def test_essex_question_is_not_answered_from_northampton(engine):
    answer = engine.ask("How many drug offences were there in Basildon in the 12 months to March?")
    assert answer.answerable
    assert all(c.document != "northampton-2018-drug-crime-rises.txt" for c in answer.citations)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_question_is_refused_with_advice(engine, text):
    with pytest.raises(QuestionError, match="empty"):
        engine.ask(text)


def test_enormous_question_is_refused_with_the_limit(engine):
    with pytest.raises(QuestionError, match="2,000"):
        engine.ask("shoplifting in Chelmsford " * 800)


def test_json_contract_keys(engine):
    record = engine.ask("How many shoplifting offences were recorded in Chelmsford in 2024?").to_dict()
    assert list(record) == ["question", "answer", "answerable", "citations", "figures", "latency_ms"]
    assert set(record["citations"][0]) == {"n", "document", "title", "locator", "quote"}
    # DESIGN.md: "edition" was added for editions; older readers ignore it.
    assert set(record["figures"][0]) == {"value", "measure", "area", "crime_type", "period", "edition", "citation"}
    assert record["figures"][0]["value"] == 1465
    assert record["figures"][0]["edition"] == "Essex Police: Performance Summary To October 2024"


def test_the_guard_withholds_an_answer_stating_an_uncited_number(engine):
    from assistant.records import Citation

    cited = Citation(n=1, document="d.md", title="T", locator="T › part", quote="Robberies fell to 12.")
    drafted = Answer(text="Robberies fell to 120 [1].", answerable=True, citations=(cited,), question="q")
    withheld = engine._guarded(drafted, "How many robberies?")
    assert not withheld.answerable and withheld.citations == ()
    assert "withheld" in withheld.text
    assert "120" not in withheld.text  # a refusal states no number its citations lack ...
    assert withheld.withheld == ("stated 120, which none of its citations print",)  # ... evaluators get it
    assert withheld.to_dict()["withheld"] == list(withheld.withheld)
    honest = Answer(text="Robberies fell to 12 [1].", answerable=True, citations=(cited,), question="q")
    assert engine._guarded(honest, "How many robberies?") is honest


@pytest.mark.parametrize("stated, printed, kept", [
    ("Crime fell by 9.2% [1].", "All crime is down by 9.2% - a reduction of 1,920 incidents.", True),
    ("Crime fell by 9.2 per cent [1].", "All crime is down by 9.2% in the district.", True),
    ("The fund spent £284,777 [1].", "£284,777 was spent in Year 2.", True),
    ("Crime fell by 9.2% [1].", "The budget rose to £9.2m this year.", False),
    ("The fund spent £1,920 [1].", "a reduction of 1,920 incidents", False),
    ("There were 1,920 fewer incidents [1].", "a reduction of 1,920 incidents", True),
])
def test_a_prose_figure_must_be_printed_in_its_own_unit(engine, stated, printed, kept):
    from assistant.records import Citation

    cited = Citation(n=1, document="d.md", title="T", locator="T › part", quote=printed)
    drafted = Answer(text=stated, answerable=True, citations=(cited,), question="q")
    guarded = engine._guarded(drafted, "What changed?")
    assert (guarded is drafted) == kept, guarded.text
    if not kept:
        assert not guarded.answerable and guarded.withheld and "9.2" not in guarded.text


@pytest.mark.parametrize("message, opening", [("hello", "Hello."), ("Hi there", "Hello."), ("thanks!", "You're welcome."),
                                              ("Thank you very much", "You're welcome."), ("help", "Hello.")])
def test_a_greeting_or_thanks_says_what_can_be_asked_with_an_example_the_index_answers(engine, message, opening):
    reply = engine.ask(message)
    assert reply.text.startswith(opening) and not reply.answerable and not reply.citations
    example = reply.text.split("“", 1)[1].split("”", 1)[0]
    assert engine.ask(example).answerable, example
    assert not any(ch.isdigit() for ch in reply.text)


def test_small_talk_keeps_the_conversation_going(engine):
    first = engine.ask("Has shoplifting gone up in Braintree?")
    thanks = engine.ask("thanks", context=first.context)
    assert thanks.context == first.context
    assert not engine.ask("Hi, how many burglaries in Harlow?").text.startswith("Hello.")


def test_what_only_some_questions_need_is_made_once_whichever_threads_ask(index_dir):
    """The chat warms the engine on a thread while visitors ask: the look-ups over the frames and the claims'
    prose are each made once and shared, and the warm-up beside questions changes no answer."""
    import threading

    from assistant.engine import Assistant

    fresh, quiet = Assistant.load(index_dir), Assistant.load(index_dir)
    questions = [item["question"] for item in QUESTIONS]
    start, got, answers = threading.Barrier(5), {}, {}

    def use(n):
        start.wait()
        got[n] = (fresh.tables, fresh.street, fresh.stats, fresh.prose)
        answers[n] = [fresh.ask(q).text for q in questions[n::4]]

    warm = threading.Thread(target=lambda: (start.wait(), fresh.warm()))
    threads = [threading.Thread(target=use, args=(n,)) for n in range(4)]
    for thread in (warm, *threads):
        thread.start()
    for thread in (warm, *threads):
        thread.join()
    assert all(all(a is b for a, b in zip(made, got[0])) for made in got.values())
    assert got[0][0] is fresh.tables and got[0][3] is fresh.prose
    assert [text for n in range(4) for text in answers[n]] == \
        [quiet.ask(q).text for n in range(4) for q in questions[n::4]]
