"""The exact vectors an answer compares are read from their files row by row (`store.vectors.Rows`): the same
values as indexing the whole matrix, for any rows in any order; a file deleted under a loaded index (a rebuild
removes old builds) still reads; a file shorter than its header says is reported as a damaged index."""

from __future__ import annotations

import os

import numpy as np
import pytest

from assistant.errors import IndexCorruptError
from assistant.store.vectors import Rows


@pytest.fixture
def saved(tmp_path):
    matrix = np.random.default_rng(0).standard_normal((500, 384)).astype("float32")
    np.save(tmp_path / "vectors.npy", matrix)
    return matrix, tmp_path / "vectors.npy"


@pytest.mark.parametrize("seed", range(10))
def test_rows_read_from_the_file_are_the_rows_of_the_matrix(saved, seed):
    matrix, path = saved
    rows = Rows(np.load(path, mmap_mode="r"))
    assert rows.handle is not None  # read from the file, not through the map
    rng = np.random.default_rng(seed)
    wanted = np.concatenate([rng.integers(0, len(matrix), rng.integers(0, 50)),  # scattered, repeated, runs
                             np.arange(r := int(rng.integers(0, 490)), r + int(rng.integers(0, 10)))])
    rng.shuffle(wanted)
    for asked in (wanted, wanted.tolist(), np.sort(wanted)):
        assert np.array_equal(rows[asked], matrix[np.asarray(asked, dtype=np.int64)])
    assert np.array_equal(rows[slice(None)], matrix) and len(rows) == len(matrix)


def test_a_matrix_in_memory_or_a_part_of_a_file_is_indexed(saved):
    matrix, path = saved
    assert Rows(matrix).handle is None and np.array_equal(Rows(matrix)[[3, 1]], matrix[[3, 1]])
    part = np.load(path, mmap_mode="r")[100:]  # a slice of a map: its file holds more than it
    assert Rows(part).handle is None and np.array_equal(Rows(part)[[0, 5]], matrix[[100, 105]])


def test_rows_still_read_after_their_file_is_deleted(saved):
    matrix, path = saved
    rows = Rows(np.load(path, mmap_mode="r"))
    os.remove(path)
    assert np.array_equal(rows[[7, 8, 400]], matrix[[7, 8, 400]])


def test_a_file_cut_short_is_a_damaged_index(saved):
    matrix, path = saved
    rows = Rows(np.load(path, mmap_mode="r"))
    os.truncate(path, os.path.getsize(path) - 384 * 4 * 10)
    assert np.array_equal(rows[[0, 1]], matrix[[0, 1]])
    with pytest.raises(IndexCorruptError, match="rebuild"):
        rows[[495]]
