"""The chat's warm-up leaves the claims' prose index to the first claim check, and the check is the same for it.

Why it matters: the prose index holds about as much again per passage as everything a passage answer needs (at
ten thousand passages 4 KB a passage), and the chat warms its engine at start, so every chat held it whether or
not anyone checked a claim. Observed in a new process (what `warm` imported and made), then compared: claims
checked by an engine warmed first give the verdicts and texts of an engine that read the prose before anything
(the repo's claims of every class), and an index of generated minutes of an invented council is warmed alike.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT

from generated_corpora import coined, one_document_assistant

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def council_index(tmp_path_factory):
    """The index folder of one generated board's minutes, about an invented town and scheme."""
    rng = random.Random(23)
    town, scheme = coined(rng), coined(rng, 3)
    before, after = rng.randint(300, 480), rng.randint(120, 290)
    text = (f"# {town} community safety board\n\n## Minutes\n\n"
            f"Burglary in {town} fell from {before} to {after} offences in the 12 months to March 2024, the board "
            f"heard. Officers credited Operation {scheme} with the fall.\n")
    engine = one_document_assistant(tmp_path_factory, "warm-claims", "minutes.md", text, f"{town} board minutes",
                                    f"{town} Council", "board minutes", "2024-04-01")
    return engine.index.directory.parent


def _claims() -> list[str]:
    """The repo's claims of every class, a few of each, in file order."""
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "claims_classes.jsonl").read_text()
             .splitlines() if line.strip()]
    by_class: dict[str, list[str]] = {}
    for item in items:
        by_class.setdefault(item.get("class", ""), []).append(item["claim"])
    return [claim for claims in by_class.values() for claim in claims[:2]]


def _in_a_new_process(index_dir, claims: list[str]) -> dict:
    """Warm an engine in a new process; whether the claims' prose was read then, and after checking the claims."""
    code = ("import json, sys; from pathlib import Path; from assistant.engine import Assistant\n"
            f"engine = Assistant.load(Path({str(index_dir)!r}))\n"
            "engine.warm()\n"
            "read_at_warm = 'assistant.claims.prose' in sys.modules\n"
            f"checked = [[a.verdict, a.text] for a in map(engine.check, {claims!r})]\n"
            "print(json.dumps({'read_at_warm': read_at_warm, 'read_at_check': 'assistant.claims.prose' in "
            "sys.modules, 'checked': checked}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_warming_reads_no_claims_prose_and_the_first_check_reads_it(council_index):
    seen = _in_a_new_process(council_index, ["Burglary fell in the 12 months to March 2024."])
    assert not seen["read_at_warm"]
    assert seen["read_at_check"]


def test_claims_checked_after_a_warm_up_are_judged_as_with_the_prose_read_first(index_dir):
    from assistant.engine import Assistant

    claims = _claims()
    seen = _in_a_new_process(index_dir, claims)
    assert not seen["read_at_warm"]
    eager = Assistant.load(index_dir)
    _ = eager.prose  # the prose read before any check, as the old warm-up did
    expected = [[answer.verdict, answer.text] for answer in map(eager.check, claims)]
    assert seen["checked"] == expected
    assert len({verdict for verdict, _ in expected}) > 1  # judged, not all refused alike
