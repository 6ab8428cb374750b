"""Index integrity: checksums of every build file, a validated pointer, the build lock, the previous build kept,
and a damaged live index rebuilt rather than called up to date."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from assistant.errors import IndexBusyError, IndexCorruptError, IndexMissingError
from assistant.store import build as build_module
from assistant.store.build import build_index, build_lock
from assistant.store.load import load_index
from assistant.store.manifest import POINTER, current_build, verify_build

pytestmark = pytest.mark.slow


@pytest.fixture()
def index_copy(tmp_path, index_dir):
    return shutil.copytree(index_dir, tmp_path / "index")


def _build_files(index_dir):
    build = current_build(index_dir)
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file())


def _flip(path, where=0.5):
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0xFF
    path.write_bytes(bytes(data))


def test_manifest_records_a_checksum_of_every_file_it_wrote(index_dir):
    build = current_build(index_dir)
    manifest = verify_build(build)
    files = set(_build_files(index_dir)) - {"manifest.json"}
    assert set(manifest["files"]) == files
    assert any(name.startswith("bm25/") for name in files)
    assert all(len(digest) == 64 for digest in manifest["files"].values())


@pytest.mark.parametrize("where", [0.0, 0.5, 0.999])
def test_a_flipped_byte_in_any_build_file_is_named(tmp_path, index_dir, where):
    names = _build_files(index_dir)
    assert len(names) >= 12
    for number, name in enumerate(names):
        index = shutil.copytree(index_dir, tmp_path / f"index-{number}")
        _flip(current_build(index) / name, where)
        with pytest.raises(IndexCorruptError) as caught:
            load_index(index)
        message = str(caught.value)
        assert name in message and "assistant index --force" in message, (name, message)


def test_a_missing_build_file_is_named(index_copy):
    (current_build(index_copy) / "windows.npy").unlink()
    with pytest.raises(IndexCorruptError, match=r"windows\.npy.*missing.*--force"):
        load_index(index_copy)


@pytest.mark.parametrize("pointer", [os.urandom(64), b"\xff\xfe\x00garbage", b"", b"   \n",
                                     b"../../etc", b"build-does-not-exist\n", b"CURRENT"])
def test_a_damaged_pointer_is_a_damaged_index(index_copy, pointer):
    (index_copy / POINTER).write_bytes(pointer)
    with pytest.raises(IndexCorruptError, match="assistant index --force"):
        load_index(index_copy)


def test_no_pointer_is_still_a_missing_index(index_copy):
    (index_copy / POINTER).unlink()
    with pytest.raises(IndexMissingError):
        load_index(index_copy)


@pytest.mark.parametrize("damage", ["pointer", "vectors"])
def test_cli_on_a_damaged_index_exits_5_with_one_line(index_copy, corpus_copy, damage):
    if damage == "pointer":
        (index_copy / POINTER).write_bytes(os.urandom(40))
    else:
        _flip(current_build(index_copy) / "sentences.npy")
    env = dict(os.environ, ASSISTANT_INDEX=str(index_copy), ASSISTANT_CORPUS=str(corpus_copy))
    result = subprocess.run([sys.executable, "-m", "assistant", "ask", "How many robberies in Harlow?"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 5, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "assistant index --force" in lines[0], result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def _fake_encode(texts, batch_size=64):
    """Vectors without the model: this test is about what gets rebuilt, not about embeddings."""
    rng = np.random.default_rng(len(texts))
    vectors = rng.standard_normal((len(texts), 384)).astype("float32")
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_plain_index_rebuilds_a_damaged_live_build(index_copy, corpus_copy, monkeypatch):
    _flip(current_build(index_copy) / "sentences.npy")
    monkeypatch.setattr(build_module, "encode", _fake_encode)
    report = build_index(corpus_copy, index_copy)
    assert report.built
    assert len(load_index(index_copy).documents) == 5
    assert build_index(corpus_copy, index_copy).built is False


def test_plain_index_rebuilds_after_a_damaged_pointer(index_copy, corpus_copy, monkeypatch):
    (index_copy / POINTER).write_bytes(os.urandom(30))
    monkeypatch.setattr(build_module, "encode", _fake_encode)
    assert build_index(corpus_copy, index_copy).built
    load_index(index_copy)


def test_a_switch_keeps_the_previous_build_and_deletes_older_ones(tmp_path, index_copy, corpus_copy):
    corpus = shutil.copytree(corpus_copy, tmp_path / "corpus")
    before = current_build(index_copy)
    older = index_copy / "build-00000000-000000-1-000000000"
    older.mkdir()
    crashed = index_copy / "build-00000000-000000-2-000000000.partial"
    crashed.mkdir()
    (corpus / "note.txt").write_text("Maldon opened a new community hub in April 2025.\n")
    report = build_index(corpus, index_copy)
    assert report.built and current_build(index_copy) != before
    assert before.is_dir(), "the previous build must survive the switch"
    assert not older.exists() and not crashed.exists()
    assert "note.txt" in load_index(index_copy).documents


def test_a_second_build_waits_for_the_first(index_copy, corpus_copy):
    held = threading.Event()

    def hold():
        with build_lock(index_copy):
            held.set()
            time.sleep(0.6)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    started = time.perf_counter()
    report = build_index(corpus_copy, index_copy)
    holder.join()
    assert time.perf_counter() - started >= 0.5
    assert report.built is False  # the first "build" changed nothing, so the second finds it up to date


def test_a_second_build_that_cannot_wait_fails_with_a_clear_message(index_copy, corpus_copy):
    with build_lock(index_copy):
        with pytest.raises(IndexBusyError, match="Another build"):
            build_index(corpus_copy, index_copy, wait_seconds=0.2)
