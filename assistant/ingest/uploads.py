"""Documents added through the chat: checked before anything is saved, then saved under a safe, new name.

An upload is read with the corpus loader from a temporary copy first, so nothing unreadable (or over a
limit) ever lands in the corpus folder, and its name is reduced to one that can only land inside that
folder. Names in any script are kept ("отчёт.md", "报告.md"); only characters that are not letters, digits,
marks, ".", "_" or "-" are replaced. The same content is never added twice.

Files added this way are listed in `.uploads.json` in the corpus folder (a hidden file the corpus loader
ignores), so the chat can offer to remove them again; files put there by hand are never removed from the UI.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from assistant.errors import CorpusError
from assistant.ingest.performance import read_performance
from assistant.ingest.corpus import (MANIFEST, READER_SUFFIXES, SUFFIXES, TEXT_SUFFIXES, UPLOADS, corpus_files,
                                     document_id, load_document, uploaded_names)

# Per type: text is cheap to store but costly to embed (the corpus loader's passage limit applies too);
# PDF, Word and Excel carry layout and images, so the same text takes more bytes.
MAX_BYTES_BY_SUFFIX = {**{suffix: 5 * 1024 * 1024 for suffix in TEXT_SUFFIXES}, ".csv": 10 * 1024 * 1024,
                       **{suffix: 25 * 1024 * 1024 for suffix in READER_SUFFIXES if suffix != ".csv"}}
MAX_UPLOAD_BYTES = max(MAX_BYTES_BY_SUFFIX.values())  # what the chat's uploader lets through at all
MAX_NAME_BYTES = 180  # well under the usual 255-byte limit, leaving room for "-123" and the suffix
_SEPARATORS = re.compile(r"[\\/]")


def _keep(char: str) -> bool:
    return char in "._-" or unicodedata.category(char)[0] in "LNM"


def safe_name(name: str) -> str | None:
    """A file name that can only land inside the corpus folder: basename only, letters, digits and marks of any
    script plus "._-" (anything else becomes "-"), no leading dots or dashes, at most MAX_NAME_BYTES bytes of
    UTF-8, and a lower-case suffix the corpus reads. None when the name has no suffix the corpus reads."""
    base = unicodedata.normalize("NFC", _SEPARATORS.split(name or "")[-1].strip())
    base = "".join(char if _keep(char) else "-" for char in base)
    base = re.sub(r"-{2,}", "-", base).lstrip(".-")
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in SUFFIXES:
        return None
    stem = _shorten(stem.rstrip(".-"), MAX_NAME_BYTES - len(suffix) - 1).rstrip(".-") or "upload"
    return f"{stem}.{suffix.lower()}"


def _shorten(text: str, max_bytes: int) -> str:
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def _shown(name: str) -> str:
    """The uploaded name as the user knows it, for messages: basename, shortened if very long."""
    base = _SEPARATORS.split(name or "")[-1].strip() or "the file"
    return base if len(base) <= 80 else base[:60] + "…" + base[-15:]


def save_upload(name: str, data: bytes, corpus_dir: Path,
                meta: dict[str, str] | None = None) -> tuple[Path | None, str | None]:
    """Validate an uploaded file, then save it into `corpus_dir` under a safe, new name.

    Returns (path, None) on success or (None, message) saying in plain words what is wrong. The file is
    read with the corpus loader from a temporary copy first, so nothing unreadable ever lands in the
    corpus folder; content already in the folder (under any name) is refused, naming the file that has it.
    `meta` (title, publisher, date as YYYY-MM-DD or YYYY-MM), when given, goes into the corpus manifest, so
    citations name the document as the person uploading it does.
    """
    shown = _shown(name)
    meta = {key: " ".join(str(value).split()) for key, value in (meta or {}).items() if str(value).strip()}
    if meta.get("date") and not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", meta["date"]):
        return None, f"The date {meta['date']!r} is not a date like 2025-03-06 (or 2025-03 for a month)."
    target_name = safe_name(name)
    if target_name is None:
        suffix = Path(_SEPARATORS.split(name or "")[-1]).suffix
        kinds = ", ".join(SUFFIXES)
        why = f"its type ({suffix}) cannot be indexed" if suffix else "its name has no file type (such as .pdf)"
        return None, f"{shown} cannot be added: {why}; only {kinds} files can be indexed."
    suffix = Path(target_name).suffix
    if not data:
        return None, f"{shown} is empty; add its text and upload it again."
    limit = MAX_BYTES_BY_SUFFIX[suffix]
    if len(data) > limit:
        return None, (f"{shown} is {len(data) / 2**20:.1f} MB; the limit for a {suffix} file is "
                      f"{limit // 2**20} MB. Split it into smaller documents.")
    corpus_dir = Path(corpus_dir).resolve()
    if not corpus_dir.is_dir():
        return None, f"The corpus folder {corpus_dir} does not exist."
    same = _same_content(data, corpus_dir)
    if same:
        return None, f"{shown} is already in the corpus as {same} (the same content); it was not added again."
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / f"upload{suffix}"
        trial.write_bytes(data)
        try:
            document = load_document(trial, {})
        except CorpusError as error:
            return None, str(error).replace(trial.name, shown)
        skipped = _skipped_tables(document)
        if skipped:
            return None, (f"{shown} cannot be added: {skipped.replace(trial.name, shown)}. The build would skip "
                          f"that table, so its figures could never be cited. Correct the table and upload it again.")
    stem = Path(target_name).stem
    for attempt in range(1000):
        candidate = corpus_dir / (target_name if attempt == 0 else f"{stem}-{attempt}{suffix}")
        if candidate.parent.resolve() != corpus_dir:  # belt and braces: safe_name already forbids this
            return None, f"{shown} cannot be saved outside the corpus folder."
        try:
            with open(candidate, "xb") as handle:  # "x": never overwrite, even if a file appears meanwhile
                handle.write(data)
        except FileExistsError:
            continue
        except OSError as error:  # disk full, name too long for this file system, no permission
            if candidate.is_file():  # "x" created it, so it is ours: a part-written file must not stay
                candidate.unlink(missing_ok=True)
            return None, f"{shown} could not be saved in the corpus folder ({error.strerror or error})."
        _record(corpus_dir, add=candidate.name)
        if meta:
            _describe(corpus_dir, candidate.name, meta)
        return candidate, None
    return None, f"Too many files named like {target_name} already; rename it and upload it again."


def _skipped_tables(document) -> str:
    """Why a table of the document that looks like a performance summary could not be read (empty if none):
    the build would report and skip it, so the upload is refused now, while the uploader can fix it."""
    problems = read_performance([document]).problems
    return "; ".join(message for _, message in problems)


def _same_content(data: bytes, corpus_dir: Path) -> str | None:
    """The id of a corpus file holding exactly these bytes, if any (compared by sha256)."""
    digest = hashlib.sha256(data).digest()
    for path in corpus_files(corpus_dir):
        try:
            if path.stat().st_size == len(data) and hashlib.sha256(path.read_bytes()).digest() == digest:
                return document_id(path, corpus_dir)
        except OSError:
            continue
    return None


# ---------------------------------------------------------------- removing what was uploaded


def uploaded_files(corpus_dir: Path) -> list[str]:
    """Names of the files added through the chat that are still in the corpus folder, in name order."""
    corpus_dir = Path(corpus_dir)
    return sorted(name for name in uploaded_names(corpus_dir) if (corpus_dir / name).is_file())


def remove_upload(name: str, corpus_dir: Path) -> str | None:
    """Delete a file that was added through the chat; None when done, else why not (in plain words).
    Only files listed as uploads, directly inside the corpus folder, can be removed this way."""
    corpus_dir = Path(corpus_dir).resolve()
    if name not in uploaded_names(corpus_dir) or _SEPARATORS.search(name) or name.startswith("."):
        return f"{name} was not added through the chat, so it cannot be removed here; delete it from the corpus folder."
    path = corpus_dir / name
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        return f"{name} could not be removed ({error.strerror or error})."
    _record(corpus_dir, remove=name)
    return None


def _record(corpus_dir: Path, add: str | None = None, remove: str | None = None) -> None:
    names = [name for name in uploaded_names(corpus_dir) if name != remove and (corpus_dir / name).exists()]
    if add and add not in names:
        names.append(add)
    target = Path(corpus_dir) / UPLOADS
    scratch = target.with_name(f"{UPLOADS}.{os.getpid()}.tmp")
    try:
        scratch.write_text(json.dumps(sorted(names), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(scratch, target)
    except OSError:  # the list only enables removal from the chat; failing to write it must not lose the upload
        scratch.unlink(missing_ok=True)


def _describe(corpus_dir: Path, name: str, meta: dict[str, str]) -> None:
    """Add or replace the file's entry in the corpus manifest (written whole, then swapped in)."""
    path = corpus_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"documents": []}
    except (OSError, ValueError):
        return  # a broken manifest is reported by the corpus loader; the upload itself stands
    entries = data["documents"] if isinstance(data, dict) else data
    entries[:] = [entry for entry in entries if entry.get("file") != name] + [{"file": name, **meta}]
    scratch = path.with_name(MANIFEST + ".tmp")
    scratch.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(scratch, path)
