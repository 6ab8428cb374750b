"""Which build is live, what it was built from, and which corpus files changed since.

A build lives in `index/build-<time>/`; the one-line pointer file `index/CURRENT` names the live one, so
switching builds is one atomic file replace. The manifest in each build records the sha256 of every corpus
file it read, which is how a rebuild knows what changed, and the sha256 of every file the build wrote
(`files`), which is how a load knows nothing was damaged since. The manifest checks itself: its own sha256,
computed with the `checksum` value blanked, is stored in it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from assistant.errors import CorpusError, IndexCorruptError
from assistant.store.checksums import file_sha256

FORMAT_VERSION = 16  # 3: the frame carries its edition and period end; 4: catalogue.json; 5: file checksums;
# 6: exact passage vectors in chunks.npy, FAISS index type by size; 7: police.uk outcomes and stop-and-search frames;
# 8: tidy statistics (stats.parquet); 9: each table cell's position in its printed line;
# 10: passages and sentences as columns of spans (store.spans);
# 11: a large corpus's passage vectors as 8-bit codes, their shortlist rescored exactly (store.vectors);
# 12: a percentage change read beside a change in any wording ("Difference %"), rates per head left out;
# 13: printed rates per head read as a measure; a report's per-area tables by their captions; a total row by its place
# 14: tables whose rows do not add up left out (ingest.reconcile); footnote marks after figures; calendar-year columns
# 15: part-year printed tables read (their differences only when like periods); areas as columns, measures as rows
# 16: long open-data tables and unruled PDF tables read; one whole area and all-crime row across editions
POINTER = "CURRENT"
MANIFEST = "manifest.json"
FIX = "run `assistant index --force` to rebuild it"
BUILD_NAME = re.compile(r"build-[0-9A-Za-z_-]{1,120}")
_CHECKSUM = re.compile(rb'"checksum": "([0-9a-f]{64})"')
_BLANK = b"0" * 64


def corpus_hashes(corpus_dir: Path) -> dict[str, str]:
    """sha256 of every file the corpus loader reads (documents and manifest)."""
    from assistant.ingest import corpus  # its readers' imports are a build's cost, not a question's

    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus folder {corpus_dir} does not exist - create it and add .md, .txt or .html files")
    hashes = {}
    for path in corpus.corpus_files(corpus_dir):  # subfolders too; never through a link out of the folder
        try:
            hashes[corpus.document_id(path, corpus_dir)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # load_corpus reports the file
    manifest = corpus_dir / corpus.MANIFEST
    if manifest.is_file() and not manifest.is_symlink():
        hashes[corpus.MANIFEST] = hashlib.sha256(manifest.read_bytes()).hexdigest()
    return hashes


def current_build(index_dir: Path) -> Path | None:
    """The live build folder, or None when there is no pointer (no index built yet).

    A pointer that is not a build name (random bytes, a path) or names a build that is not there is a
    damaged index: `IndexCorruptError`, with the fix."""
    pointer = index_dir / POINTER
    if not pointer.is_file():
        return None
    try:
        name = pointer.read_bytes().decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        name = None
    if not name or not BUILD_NAME.fullmatch(name):
        raise IndexCorruptError(f"The index in {index_dir} is damaged: {pointer.name} does not name a build - {FIX}")
    build = index_dir / name
    if not (build / MANIFEST).is_file():
        raise IndexCorruptError(f"The index in {index_dir} is damaged: {pointer.name} names {name}, which is "
                                f"missing or incomplete - {FIX}")
    return build


def live_build(index_dir: Path) -> Path | None:
    """Like `current_build`, but None for a damaged pointer too (for a build deciding what to rebuild)."""
    try:
        return current_build(index_dir)
    except IndexCorruptError:
        return None


def read_manifest(index_dir: Path) -> dict | None:
    build = live_build(index_dir)
    if build is None:
        return None
    try:
        return json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build_files(build: Path) -> dict[str, str]:
    """sha256 of every file in a build folder but the manifest, keyed by path relative to the folder."""
    return {path.relative_to(build).as_posix(): file_sha256(path)
            for path in sorted(build.rglob("*")) if path.is_file() and path.name != MANIFEST}


def manifest_bytes(manifest: dict) -> bytes:
    """The manifest as written: JSON with its own checksum filled in (see `verify_manifest`)."""
    body = dict(manifest, checksum=_BLANK.decode())
    data = json.dumps(body, indent=2).encode("utf-8")
    return data.replace(b'"checksum": "' + _BLANK + b'"',
                        b'"checksum": "' + hashlib.sha256(data).hexdigest().encode() + b'"', 1)


def verify_manifest(build: Path) -> dict:
    """Read a build's manifest, checking its own checksum; `IndexCorruptError` naming it if it fails."""
    path = build / MANIFEST
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _damaged(build, MANIFEST, f"it cannot be read ({error.strerror or error})") from error
    found = _CHECKSUM.search(data)
    if found is None:
        raise _damaged(build, MANIFEST, "it holds no checksum (damaged, or written by an older version)")
    blanked = data[:found.start(1)] + _BLANK + data[found.end(1):]
    if hashlib.sha256(blanked).hexdigest().encode() != found.group(1):
        raise _damaged(build, MANIFEST, "its checksum does not match its content")
    try:
        manifest = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise _damaged(build, MANIFEST, f"it is not valid JSON ({error})") from error
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise _damaged(build, MANIFEST, "it does not list the build's files")
    return manifest


def verify_build(build: Path) -> dict:
    """Check every file a build wrote against the sha256 its manifest records; return the manifest.

    Raises `IndexCorruptError` naming the first file that is missing or differs, with the fix."""
    manifest = verify_manifest(build)
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexCorruptError(f"The index in {build} was built by another version of this program (format "
                                f"{manifest.get('format')}, this one reads {FORMAT_VERSION}) - {FIX}")
    for name, expected in manifest["files"].items():
        path = build / name
        if not path.is_file():
            raise _damaged(build, name, "it is missing")
        if file_sha256(path) != expected:
            raise _damaged(build, name, "its checksum does not match the manifest")
    return manifest


def _damaged(build: Path, name: str, why: str) -> IndexCorruptError:
    return IndexCorruptError(f"The index file {name} in {build} is damaged: {why} - {FIX}")


def stale_files(index_dir: Path, corpus_dir: Path) -> tuple[str, ...]:
    """Corpus files added, removed or changed since the live index was built."""
    return changed_files((read_manifest(index_dir) or {}).get("corpus_files", {}), corpus_hashes(corpus_dir))


def changed_files(old: dict[str, str], new: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name)))


