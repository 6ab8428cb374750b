"""Passages and sentences saved as columns of spans (`store.spans`): read back, every record is the one the build
made, the sequences read like the lists they replace, and rows that do not fit their documents (a short column, a
span past the text, a passage that is not there) are a damaged index, even when the checksums were rewritten."""

from __future__ import annotations

import json
import random
import shutil

import numpy as np
import pytest

from assistant.config import ChunkSettings
from assistant.config import PROJECT_ROOT
from assistant.errors import IndexCorruptError
from assistant.ingest.corpus import load_corpus
from assistant.store import spans
from assistant.store.build import _chunk_all
from assistant.store.load import load_index
from assistant.store.manifest import MANIFEST, build_files, current_build, manifest_bytes, verify_manifest

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The repo corpus chunked as the build chunks it, saved with `spans.save` and read back with `spans.load`."""
    documents = list(load_corpus(CORPUS).documents)
    chunks, sentences = _chunk_all(documents, ChunkSettings())
    folder = tmp_path_factory.mktemp("spans")
    spans.save(folder, documents, chunks, sentences)
    by_id = {d.id: d for d in documents}
    return folder, by_id, chunks, sentences, spans.load(folder, by_id)


def test_every_record_read_back_is_the_one_the_build_made(built):
    _, _, chunks, sentences, (passages, read) = built
    assert len(passages) == len(chunks) > 0 and len(read) == len(sentences) > len(chunks)
    assert list(passages) == chunks and list(read) == sentences
    assert [passages[k] for k in range(len(chunks))] == chunks  # one at a time, through the cache, too
    assert all(read[i] == sentences[i] for i in range(len(sentences)))


def test_the_columns_are_the_records_fields(built):
    _, _, _, sentences, (_, read) = built
    assert read.chunk_of.tolist() == [s.chunk for s in sentences]
    assert read.start_of.tolist() == [s.start for s in sentences]
    assert [read.names[k] for k in read.document_of.tolist()] == [s.document for s in sentences]


@pytest.mark.parametrize("seed", range(5))
def test_the_sequences_index_and_slice_as_lists_do(built, seed):
    _, _, chunks, sentences, (passages, read) = built
    rng = random.Random(seed)
    for mine, theirs in ((passages, chunks), (read, sentences)):
        n = len(theirs)
        for _ in range(50):
            k = rng.randrange(-n, n)
            assert mine[k] == theirs[k] and mine[np.int64(k)] == theirs[k]
            a, b = sorted(rng.randrange(-n - 3, n + 3) for _ in range(2))
            assert mine[a:b] == theirs[a:b]
        for k in (n, -n - 1):
            with pytest.raises(IndexError):
                mine[k]


def test_a_record_names_its_document_with_the_documents_own_key(built):
    _, by_id, _, _, (passages, read) = built
    keys = {id(key) for key in by_id}
    assert all(id(passages[k].document) in keys for k in range(len(passages)))
    assert all(id(read[i].document) in keys for i in range(0, len(read), 7))


def _rewrite(folder, **changes):
    with np.load(folder / spans.SPANS) as arrays:
        columns = {name: arrays[name] for name in arrays.files}
    columns.update(changes)
    np.savez(folder / spans.SPANS, **columns)
    return columns


@pytest.mark.parametrize("damage", ["short column", "span past the text", "missing passage", "missing document",
                                    "unknown section", "bad first span"])
def test_rows_that_do_not_fit_their_documents_are_refused(built, tmp_path, damage):
    folder, by_id, *_ = built
    copy = shutil.copytree(folder, tmp_path / "spans")
    with np.load(copy / spans.SPANS) as arrays:
        columns = {name: arrays[name].copy() for name in arrays.files}
    if damage == "short column":
        _rewrite(copy, sentence_start=columns["sentence_start"][:-1])
    elif damage == "span past the text":
        ends = columns["span_end"]
        ends[len(ends) // 2] = 10 ** 8
        _rewrite(copy, span_end=ends)
    elif damage == "missing passage":
        chunk = columns["sentence_chunk"]
        chunk[-1] = len(columns["passage_start"])
        _rewrite(copy, sentence_chunk=chunk)
    elif damage == "missing document":
        strings = json.loads((copy / spans.STRINGS).read_text())
        strings["documents"][0] = "no such document.md"
        (copy / spans.STRINGS).write_text(json.dumps(strings))
    elif damage == "unknown section":
        section = columns["passage_section"]
        section[0] = 10 ** 6
        _rewrite(copy, passage_section=section)
    else:
        first = columns["passage_first_span"]
        first[-1] += 1
        _rewrite(copy, passage_first_span=first)
    with pytest.raises((ValueError, KeyError)):
        spans.load(copy, by_id)


def _with_checksums(build):
    """Make the manifest vouch for the build's files as they are now, as a buggy build would have."""
    manifest = verify_manifest(build)
    manifest["files"] = build_files(build)
    (build / MANIFEST).write_bytes(manifest_bytes(manifest))


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["short spans", "short facts", "truncated file"])
def test_a_build_whose_records_do_not_fit_is_reported_damaged(index_dir, tmp_path, damage):
    index = shutil.copytree(index_dir, tmp_path / "index")
    build = current_build(index)
    if damage == "short spans":
        with np.load(build / spans.SPANS) as arrays:
            columns = {name: arrays[name] for name in arrays.files}
        np.savez(build / spans.SPANS, **{**columns, "span_end": columns["span_end"][:-1]})
    elif damage == "short facts":
        from assistant.store.sentence_facts import ARRAYS

        with np.load(build / ARRAYS) as arrays:
            columns = {name: arrays[name] for name in arrays.files}
        np.savez(build / ARRAYS, **{**columns, "label_of": columns["label_of"][:-1]})
    else:
        data = (build / spans.SPANS).read_bytes()
        (build / spans.SPANS).write_bytes(data[:len(data) // 2])
    _with_checksums(build)
    with pytest.raises(IndexCorruptError) as caught:
        load_index(index)
    assert "damaged" in str(caught.value) or "inconsistent" in str(caught.value)
    assert "assistant index --force" in str(caught.value)


@pytest.mark.slow
def test_the_index_reads_the_same_after_a_rebuild(index_dir, tmp_path, corpus_copy):
    """A forced rebuild reads back alike, and the vector cache a later build reads holds every record's id."""
    from assistant.store.build import _vector_cache, build_index

    index = shutil.copytree(index_dir, tmp_path / "index")
    before = load_index(index)
    build_index(corpus_copy, index, force=True)
    after = load_index(index)
    assert list(after.chunks) == list(before.chunks) and list(after.sentences) == list(before.sentences)
    cache = _vector_cache(index)
    assert all(c.id in cache for c in after.chunks) and all(s.id in cache for s in after.sentences)
