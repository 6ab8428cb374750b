"""The index on the real corpus and model: what it records, incremental rebuilds, atomicity, damage."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.errors import IndexCorruptError, IndexMissingError
from assistant.store import build as build_module
from assistant.store.build import build_index
from assistant.store.load import load_index
from assistant.store.manifest import current_build, stale_files

pytestmark = pytest.mark.slow


def _copy(src, dst):
    shutil.copytree(src, dst)
    return dst


def test_manifest_records_model_settings_and_every_corpus_file(index_dir, corpus_copy):
    manifest = json.loads((current_build(index_dir) / "manifest.json").read_text())
    assert manifest["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert manifest["dimension"] == 384
    assert manifest["chunking"] == {"max_chars": 900, "overlap_sentences": 1}
    files = {p.name for p in corpus_copy.iterdir()}
    assert set(manifest["corpus_files"]) == files
    assert all(len(h) == 64 for h in manifest["corpus_files"].values())
    assert manifest["counts"]["table_values"] == 16 * 49 * 12


def test_loaded_index_is_consistent(index_dir):
    index = load_index(index_dir)
    assert index.faiss_index.ntotal == len(index.chunks) > 50
    assert len(index.sentence_vectors) == len(index.sentences)
    assert len(index.documents) == 5
    for chunk in index.chunks:
        assert index.documents[chunk.document].text[chunk.start:chunk.end] == chunk.text


def test_performance_tables_are_not_passages(index_dir):
    index = load_index(index_dir)
    assert not any("Shoplifting\t" in chunk.text for chunk in index.chunks)


def test_unchanged_corpus_is_not_rebuilt(index_dir, corpus_copy):
    report = build_index(corpus_copy, index_dir)
    assert report.built is False
    assert stale_files(index_dir, corpus_copy) == ()


def test_rebuild_embeds_only_what_changed(tmp_path, index_dir, corpus_copy):
    corpus = _copy(corpus_copy, tmp_path / "corpus")
    index = _copy(index_dir, tmp_path / "index")
    (corpus / "new-note.txt").write_text("Harlow council opened a new youth centre on 3 March 2025.\n")
    assert stale_files(index, corpus) == ("new-note.txt",)
    report = build_index(corpus, index)
    assert report.built and report.changed == ("new-note.txt",)
    assert 0 < report.embedded <= 3
    assert report.reused > 500
    assert "new-note.txt" in load_index(index).documents


def test_bad_files_are_reported_and_the_rest_is_indexed(tmp_path, index_dir, corpus_copy):
    corpus = _copy(corpus_copy, tmp_path / "corpus")
    index = _copy(index_dir, tmp_path / "index")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me crime report".encode("latin-1"))
    (corpus / "empty.md").write_text("   \n")
    report = build_index(corpus, index)
    problems = {p["file"]: p["message"] for p in report.problems}
    assert set(problems) == {"latin1.txt", "empty.md"}
    assert "UTF-8" in problems["latin1.txt"]
    assert report.documents == 5
    assert len(load_index(index).documents) == 5


def test_crash_mid_build_leaves_the_live_index_untouched(tmp_path, index_dir, corpus_copy, monkeypatch):
    corpus = _copy(corpus_copy, tmp_path / "corpus")
    index = _copy(index_dir, tmp_path / "index")
    before = current_build(index)
    (corpus / "extra.txt").write_text("Rochford held a community safety day in May.\n")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "save_frame", crash)
    with pytest.raises(OSError):
        build_index(corpus, index)
    assert current_build(index) == before
    assert "extra.txt" not in load_index(index).documents


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexMissingError, match="assistant index"):
        load_index(tmp_path)


@pytest.mark.parametrize("damaged", ["chunks.faiss", "manifest.json", "tables.parquet", "sentences.npy"])
def test_damaged_index_says_how_to_rebuild(tmp_path, index_dir, damaged):
    index = _copy(index_dir, tmp_path / "index")
    (current_build(index) / damaged).write_bytes(b"\x00garbage")
    with pytest.raises(IndexCorruptError, match="--force"):
        load_index(index)
