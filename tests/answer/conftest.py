"""Another force's index for the answer tests: the generated Kent summary alone, so what the tests expect is worked
out from cells no code was written around."""

from __future__ import annotations

import sys

import pytest

from assistant.config import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
sys.path.insert(0, str(PROJECT_ROOT / "tests"))
import make_fixtures  # noqa: E402
from generated_corpora import corpus_with, seeded_build  # noqa: E402


@pytest.fixture(scope="session")
def kent(tmp_path_factory):
    from assistant.engine import Assistant

    out = tmp_path_factory.mktemp("generated-kent")
    make_fixtures.make_other_force(out, PROJECT_ROOT / "corpus")
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-kent"), out, (make_fixtures.OTHER_FORCE,), False)
    return Assistant.load(seeded_build(tmp_path_factory, "kent-answers", corpus, None)[1])


@pytest.fixture(params=["repo", "kent"])
def force(request, engine, kent):
    """The repo's index and the generated Kent one, in turn."""
    return engine if request.param == "repo" else kent
