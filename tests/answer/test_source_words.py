"""How a question's words about its source are read: names of sources learned from the documents (never held in
code), words naming a document or the act of saying that are never "a topic the documents never mention", forms
of the documents' words that are theirs, dates that pick a document rather than a period, and questions that
ask two things split into their parts. Small generated councils with invented names, and the real corpora."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from assistant.answer.asked import part_topic, parts, subjects
from assistant.answer.asking import asked_period_months, close_form, months_in, named_sources, unknown_words
from assistant.answer.source_names import learned
from assistant.claims.attribution import attribution_of
from assistant.text.source_words import without_document_dates
from generated_corpora import coined, coined_person

SEEDS = (3, 17)


def _council(rng: random.Random) -> dict:
    """Names for one invented council: its town, a local paper's masthead word, people and a scheme."""
    return {"town": coined(rng), "paper": coined(rng, 3), "councillor": coined_person(rng),
            "owner": coined_person(rng), "shopkeeper": coined_person(rng), "scheme": coined(rng)}


def _write(corpus: Path, names: dict) -> None:
    """Three documents: the paper's article (a masthead title, no publisher), the partnership's minutes with an
    action log, and the police's press release. Only the article prints the paper's name."""
    town, paper = names["town"], names["paper"]
    documents = {
        f"{town.lower()}-{paper.lower()}-2026-03-10-shoplifting.txt": (
            f"{town} {paper}", "unknown", "text document", "2026-03-10",
            f"{town} {paper}\n\nShoplifting in {town} rose by a third, police statistics show.\n\n"
            f"{names['shopkeeper']}, who has run a shop on Bridge Street for 22 years, said staff were scared.\n\n"
            f"Councillor {names['councillor']} said the commissioner had over-promised on patrols.\n"),
        f"safer-{town.lower()}-board-2026-01-15-minutes.md": (
            f"Safer {town} Partnership Board - Minutes", "unknown", "markdown document", "2026-01-15",
            f"# Safer {town} Partnership Board - Minutes\n\nHeld on 15 January 2026.\n\n## Action log\n\n"
            f"| Ref | Action | Owner | Deadline |\n|---|---|---|---|\n"
            f"| A25/18 | Extend {names['scheme']} to the market | {names['owner']} | 31 December 2025 |\n\n"
            f"## Police update\n\nAll crime in {town} rose by 2.7% in the 12 months to November 2025.\n"),
        f"{town.lower()}-police-press-release-2026-02-01.md": (
            f"Police welcome {names['scheme']} funding", "unknown", "markdown document", "2026-02-01",
            f"# Police welcome {names['scheme']} funding\n\nThe commissioner said {names['scheme']} would pay "
            f"for 20 additional neighbourhood officers in {town}.\n"),
    }
    for file, (_, _, _, _, text) in documents.items():
        (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": publisher, "kind": kind, "date": date}
        for file, (title, publisher, kind, date, _) in documents.items()]}), encoding="utf-8")


@pytest.fixture(scope="module", params=SEEDS)
def council(request, tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    names = _council(random.Random(request.param))
    corpus = tmp_path_factory.mktemp(f"sources-{request.param}")
    _write(corpus, names)
    index = tmp_path_factory.mktemp(f"sources-{request.param}-index")
    build_index(corpus, index)
    return names, Assistant.load(index).index


def _paper_document(index) -> str:
    return next(d for d in index.documents if d.endswith("shoplifting.txt"))


@pytest.mark.slow
def test_a_papers_masthead_is_learned_as_its_name(council):
    names, index = council
    found = {word: docs for (word, _), docs in learned(index).items()}
    assert found.get(names["paper"].casefold()) == {_paper_document(index)}
    assert names["town"].casefold() not in found  # printed by every document: it names none of them


@pytest.mark.slow
def test_a_question_or_a_claim_naming_the_paper_picks_its_document(council):
    names, index = council
    paper = _paper_document(index)
    assert named_sources(f"According to the {names['paper']}, how much did shoplifting rise?", index) == {paper}
    assert named_sources("How much did shoplifting rise?", index) == set()
    claim = attribution_of(f"The {names['paper']} reported that shoplifting rose by a third.", index)
    assert claim.documents == {paper} and claim.content.startswith("Shoplifting rose")
    assert "release" in " ".join(named_sources("What did the police press release say?", index))


@pytest.mark.slow
def test_source_and_saying_words_are_never_an_absent_topic(council):
    names, index = council
    question = f"In the {names['paper']} article, what did Councillor {names['councillor']} accuse the commissioner of?"
    assert unknown_words(question, index) == []
    assert "helicopters" in [w for _, w in unknown_words("How many helicopters did the police buy?", index)]


@pytest.mark.slow
@pytest.mark.parametrize("question", ["Which statistician commented on the shoplifting figures?",
                                      "What is the name of the Bridge Street shopkeeper?"])
def test_a_form_of_a_word_the_documents_hold_is_not_absent(council, question):
    assert unknown_words(question, council[1]) == []


@pytest.mark.parametrize("term, known, form", [
    ("statistician", {"statist"}, "statist"), ("owner", {"own"}, "own"), ("shopkeep", {"shop"}, "shop"),
    ("work", {"worker"}, None),
    ("helicopt", {"help", "copter"}, None), ("firefight", {"fire"}, None), ("jul", {"julian"}, None),
    ("art", {"artist"}, None),
])
def test_close_forms_are_a_word_with_an_english_ending(term, known, form):
    assert close_form(term, known) == form


@pytest.mark.parametrize("question, months", [
    ("What did the commissioner say in the January 2024 police release about officers?", set()),
    ("In the police update in the January 2026 board papers, by how much did crime rise?", set()),
    ("Who is the contact on the performance summary to October 2024?", set()),
    ("How many offences in the 12 months to October 2024 according to the board pack?", {"oct"}),
    ("How many burglaries were there in March 2021?", {"mar"}),
])
def test_a_date_beside_a_document_word_picks_the_document_not_the_period(question, months):
    assert asked_period_months(question) == months
    assert len(without_document_dates(question)) == len(question)
    assert months_in("Minutes of the meeting held on 26 July 2024") == {"jul"}  # a passage's own date stands


@pytest.mark.parametrize("question, expected", [
    ("How often do neighbourhood drop-ins and neighbourhood forums happen?",
     ["How often do neighbourhood drop-ins happen", "How often do neighbourhood forums happen"]),
    ("When do the board and the forum meet?", ["When do the board meet", "When do the forum meet"]),
    ("What is the Violence Against Women and Girls strategy?", None),
    ("How many burglaries were there?", None),
])
def test_one_frame_put_to_two_subjects_asks_two_questions(question, expected):
    assert subjects(question) == (expected or [question])


def test_a_later_part_that_points_back_borrows_the_parts_before():
    question = "How many local policing areas are there in the county, and which one covers the city?"
    pieces = parts(question)
    assert len(pieces) == 2 and "policing areas" in part_topic(pieces[1], pieces, question)
    question = "What does the scheme aim to do and by what year?"
    assert len(parts(question)) == 2
    drop_ins = "How often do neighbourhood drop-ins and neighbourhood forums happen?"
    pieces = parts(drop_ins)
    assert [part_topic(p, pieces, drop_ins) for p in pieces] == pieces  # each subject on its own


@pytest.mark.slow
def test_no_source_name_is_held_in_code(engine):
    """The repo corpus's paper is found by what the index learned: the code holds no corpus's names."""
    source = Path(__file__).resolve().parents[2] / "assistant"
    code = " ".join(p.read_text() for p in (source / "answer" / "asking.py", source / "claims" / "attribution.py"))
    assert '"echo"' not in code.casefold() and "roger hirst" not in code.casefold()
    assert named_sources("what did the Echo report?", engine.index) == {"echo-2021-southend-crime-falls.txt"}
