"""Documents added through the chat: checked before anything is saved, then saved under a safe, new name.

An upload is read with the corpus loader from a temporary copy first, so nothing unreadable ever lands in
the corpus folder, and its name is reduced to one that can only land inside that folder.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from assistant.errors import CorpusError
from assistant.ingest.corpus import SUFFIXES, load_document

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str | None:
    """A file name that can only land inside the corpus folder: basename only, [A-Za-z0-9._-], no leading
    dots or dashes, and a lower-case suffix the corpus reads. None when no usable name remains."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("-", base.strip())
    base = re.sub(r"-{2,}", "-", base).lstrip(".-")
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in SUFFIXES:
        return None
    stem = stem.rstrip(".-") or "upload"
    return f"{stem}.{suffix.lower()}"


def save_upload(name: str, data: bytes, corpus_dir: Path) -> tuple[Path | None, str | None]:
    """Validate an uploaded file, then save it into `corpus_dir` under a safe, new name.

    Returns (path, None) on success or (None, message) saying what is wrong. The file is read with the
    corpus loader from a temporary copy first, so nothing unreadable ever lands in the corpus folder.
    """
    shown = re.split(r"[\\/]", name or "")[-1] or "the file"
    target_name = safe_name(name)
    if target_name is None:
        kinds = ", ".join(SUFFIXES)
        return None, f"{shown} cannot be added: only {kinds} files can be indexed."
    if not data:
        return None, f"{shown} is empty; add its text and upload it again."
    if len(data) > MAX_UPLOAD_BYTES:
        return None, (f"{shown} is {len(data) / 1e6:.1f} MB; the limit is {MAX_UPLOAD_BYTES // 2**20} MB. "
                      f"Split it into smaller documents.")
    suffix = Path(target_name).suffix
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / f"upload{suffix}"
        trial.write_bytes(data)
        try:
            load_document(trial, {})
        except CorpusError as error:
            return None, str(error).replace(trial.name, shown)
    corpus_dir = Path(corpus_dir).resolve()
    if not corpus_dir.is_dir():
        return None, f"The corpus folder {corpus_dir} does not exist."
    stem = Path(target_name).stem
    for attempt in range(1000):
        candidate = corpus_dir / (target_name if attempt == 0 else f"{stem}-{attempt}{suffix}")
        if candidate.resolve().parent != corpus_dir:  # belt and braces: safe_name already forbids this
            return None, f"{shown} cannot be saved outside the corpus folder."
        try:
            with open(candidate, "xb") as handle:  # "x": never overwrite, even if a file appears meanwhile
                handle.write(data)
        except FileExistsError:
            continue
        return candidate, None
    return None, f"Too many files named like {target_name} already; rename it and upload it again."
