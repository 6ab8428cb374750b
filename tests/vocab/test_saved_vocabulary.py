"""The vocabulary data saved with the index (`vocab.saved`): read back it is what reading and checking the TOML
files gives, so the engine's vocabulary is the same either way; once a data file changes, the saved copy is
not read and the files are read afresh."""

from __future__ import annotations

import shutil

import pytest

from assistant import vocab
from assistant.engine import Assistant
from assistant.store.load import load_index
from assistant.store.manifest import current_build
from assistant.vocab import saved
from assistant.vocab.load import default_directory


def test_the_saved_data_reads_back_as_the_files_read(tmp_path):
    saved.save(vocab.load(), tmp_path)
    assert saved.load(tmp_path) == vocab.load()
    assert saved.load(tmp_path / "no build here") is None


def test_a_data_file_changed_since_the_build_is_read_afresh(tmp_path, monkeypatch):
    saved.save(vocab.load(), tmp_path)
    edited = shutil.copytree(default_directory(), tmp_path / "data")
    places = edited / "places.toml"
    places.write_text(places.read_text() + "\n# an edit after the build\n")
    monkeypatch.setattr(saved, "default_directory", lambda: edited)
    saved.fingerprint.cache_clear()
    try:
        assert saved.load(tmp_path) is None
    finally:
        saved.fingerprint.cache_clear()


def _compiled(vocabulary: vocab.Vocabulary) -> tuple:
    return (vocabulary.areas, vocabulary.crime_types, vocabulary.parent, vocabulary.crime_phrases,
            vocabulary.area_phrases, vocabulary.town_phrases, vocabulary.other_phrases, vocabulary.known_words,
            vocabulary.vocabulary_words, vocabulary.fuzzy_targets, vocabulary.alias_notes, vocabulary.stand_ins,
            [(p.pattern, name) for p, name in vocabulary.patterns], vocabulary.scope)


@pytest.mark.slow
def test_the_engine_reads_the_saved_data_into_the_same_vocabulary(index_dir, tmp_path, monkeypatch):
    copy = shutil.copytree(index_dir, tmp_path / "index")
    index = load_index(copy)
    from_files = Assistant(index).vocabulary
    saved.save(vocab.load(), index.directory)

    def refuse(directory=None):
        raise AssertionError("the data files were read, not the saved data")
    monkeypatch.setattr(vocab, "load", refuse)
    assert _compiled(Assistant(index).vocabulary) == _compiled(from_files)


@pytest.mark.slow
def test_the_build_saves_the_data(index_dir):
    """The build's hook (store.build) writes it; without it every new process reads and checks the files again."""
    assert saved.load(current_build(index_dir)) == vocab.load()
