"""Indexes several answer test modules share, built once a session: another force's (the generated Kent summary
alone, so what the tests expect is worked out from cells no code was written around) and the real panel minutes."""

from __future__ import annotations

import sys

import pytest

from assistant.config import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
sys.path.insert(0, str(PROJECT_ROOT / "tests"))
import make_fixtures  # noqa: E402
from generated_corpora import corpus_with, seeded_build  # noqa: E402
from real_data import REAL, require  # noqa: E402


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


@pytest.fixture(scope="session")
def real_minutes(tmp_path_factory):
    """The real Crime and Justice Transparency Sector Panel minutes and guidance (legacy Word, PDF, Markdown; no
    manifest), from ../shared/real: documents no code was written around."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    index = tmp_path_factory.mktemp("real-minutes-index")
    build_index(require(REAL / "docs" / "datagovuk_crime_justice_transparency_panel"), index)
    return Assistant.load(index)
