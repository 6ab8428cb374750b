"""The names the documents print (initials and the phrases they stand for, capitalised phrases), saved by the
build: read back they are what working them out afresh gives; saved under other rules, or not saved at all,
they are worked out afresh; and a passage answer in a new process reads them rather than working them out and
imports no police.uk reader (nor the street question reader) on an index without police.uk files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from assistant.answer import naming
from assistant.config import PROJECT_ROOT
from assistant.store import names
from assistant.store.load import load_index
from assistant.store.manifest import current_build
from assistant.text.terms import content_terms

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded(index_dir):
    return load_index(index_dir)


@pytest.fixture()
def saved_copy(index_dir, tmp_path):
    """A copy of the session's index with the names saved into its build folder, as the build saves them."""
    copy = shutil.copytree(index_dir, tmp_path / "index")
    build = current_build(copy)
    names.save(names.work_out(load_index(copy).documents.values()), build)
    return copy


def test_the_names_read_back_are_the_names_worked_out(loaded, tmp_path):
    fresh = names.work_out(loaded.documents.values())
    names.save(fresh, tmp_path)
    assert names.load(tmp_path) == fresh
    assert fresh.initials and fresh.printed  # the corpus does pair initials with names ("ASB", "TPI", ...)


def test_each_pair_of_initials_is_printed_and_spelt_by_its_phrase(loaded):
    """Properties over the data: the initials are printed in capitals in some document, and the phrase they stand
    for is a capitalised phrase printed in some document, of at least two content terms."""
    found = names.work_out(loaded.documents.values())
    text = "\n".join(doc.text for doc in loaded.documents.values())
    printed_initials = {next(iter(content_terms(short))) for short in names.INITIALS.findall(text)
                        if len(content_terms(short)) == 1}
    printed_terms = {frozenset(content_terms(name)) for name in found.printed}
    for short, terms in found.initials.items():
        assert short in printed_initials
        assert len(terms) >= 2 and terms in printed_terms


def _read(index) -> names.DocumentNames:
    """The names a passage answer goes by, as the engine has them read (`naming.read_saved`) or worked out."""
    naming.read_saved(index)
    return names.DocumentNames(naming.initials(index), naming._derived(index, naming._PRINTED, names.printed_of))


def test_names_saved_under_other_rules_or_not_saved_are_worked_out(saved_copy, monkeypatch):
    index = load_index(saved_copy)
    assert names.load(index.directory) is not None
    monkeypatch.setattr(names, "rules_fingerprint", lambda: "rules changed since the build")
    assert names.load(index.directory) is None
    assert _read(index) == names.work_out(index.documents.values())  # worked out, not read stale
    monkeypatch.undo()
    (index.directory / names.FILE).unlink()
    assert names.load(index.directory) is None


def test_a_passage_answer_reads_the_saved_names(saved_copy, monkeypatch):
    index = load_index(saved_copy)
    expected = names.work_out(index.documents.values())

    def refuse(documents):
        raise AssertionError("the names were worked out, not read")
    monkeypatch.setattr(names, "initials_of", refuse)
    monkeypatch.setattr(names, "printed_of", refuse)
    assert _read(index) == expected


def test_the_build_saves_the_names(loaded):
    """The build's hook (store.build) writes them; without it every new process works them out again."""
    assert names.load(loaded.directory) == names.work_out(loaded.documents.values())


def _passage_question() -> str:
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return next(item["question"] for item in items if item.get("kind") == "passage" and item.get("expected"))


def test_a_new_process_answering_a_passage_question_works_out_no_names_and_reads_no_street_question(saved_copy):
    code = ("import json, sys; from pathlib import Path\n"
            "from assistant.store import names\n"
            "def refuse(documents): raise AssertionError('the names were worked out, not read')\n"
            "names.initials_of = names.printed_of = refuse\n"
            "from assistant.engine import Assistant\n"
            f"answer = Assistant.load(Path({str(saved_copy)!r})).ask({_passage_question()!r})\n"
            "print(json.dumps([answer.answerable, 'assistant.understand.street' in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, False]
