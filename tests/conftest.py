"""Shared fixtures: the real corpus, the real model and a real index, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory) -> Path:
    """A private copy of corpus/, so tests that add or break files never touch the real one."""
    target = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, corpus_copy) -> Path:
    from assistant.store.build import build_index

    target = tmp_path_factory.mktemp("index")
    build_index(corpus_copy, target)
    return target


@pytest.fixture(scope="session")
def engine(index_dir):
    from assistant.engine import Assistant

    return Assistant.load(index_dir)
