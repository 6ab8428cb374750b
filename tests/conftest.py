"""Shared fixtures: the real corpus, the real model and a real index, built once per test session; and another
force's index (the generated Kent summary alone), so tests can work their expectations out from cells no code
was written around."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))  # the fixture generators (make_fixtures)
sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the corpora tests build from them (generated_corpora)


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


@pytest.fixture(scope="session")
def kent(tmp_path_factory):
    from assistant.engine import Assistant

    import make_fixtures
    from generated_corpora import corpus_with, seeded_build

    out = tmp_path_factory.mktemp("generated-kent")
    make_fixtures.make_other_force(out, CORPUS)
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-kent"), out, (make_fixtures.OTHER_FORCE,), False)
    return Assistant.load(seeded_build(tmp_path_factory, "kent-answers", corpus, None)[1])


@pytest.fixture(params=["repo", "kent"])
def force(request, engine, kent):
    """The repo's index and the generated Kent one, in turn."""
    return engine if request.param == "repo" else kent
