"""Shared fixtures: the real corpus, the real model and a real index, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="session", autouse=True)
def corpus_vocabulary():
    """The vocabulary the real corpus's index would put in force: its areas, labels, hierarchy and periods,
    learned from its tables. Tests that read questions without an engine read them against it."""
    from assistant import vocab
    from assistant.ingest.catalogue import build_catalogue
    from assistant.ingest.corpus import load_corpus
    from assistant.ingest.performance import read_performance
    from assistant.store.build import with_area_names

    documents = load_corpus(CORPUS).documents
    words = vocab.load()
    frame = with_area_names(read_performance(documents).frame, words)
    vocabulary = vocab.for_catalogue(words, build_catalogue(frame, {d.id: d for d in documents}, words.area_kinds))
    vocab.activate(vocabulary)
    return vocabulary


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
