"""An index several answer test modules share, built once a session: the real panel minutes (the repo's and
another force's are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from real_data import REAL, require


@pytest.fixture(scope="session")
def real_minutes(tmp_path_factory):
    """The real Crime and Justice Transparency Sector Panel minutes and guidance (legacy Word, PDF, Markdown; no
    manifest), from ../shared/real: documents no code was written around."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    index = tmp_path_factory.mktemp("real-minutes-index")
    build_index(require(REAL / "docs" / "datagovuk_crime_justice_transparency_panel"), index)
    return Assistant.load(index)
