"""Which build is live, what it was built from, and which corpus files changed since.

A build lives in `index/build-<time>/`; the one-line pointer file `index/CURRENT` names the live one, so
switching builds is one atomic file replace. The manifest in each build records the sha256 of every corpus
file it read, which is how a rebuild knows what changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assistant.errors import CorpusError
from assistant.ingest import corpus

FORMAT_VERSION = 4  # 3: the frame carries its edition and period end; 4: catalogue.json
POINTER = "CURRENT"


def corpus_hashes(corpus_dir: Path) -> dict[str, str]:
    """sha256 of every file the corpus loader reads (documents and manifest)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus folder {corpus_dir} does not exist - create it and add .md, .txt or .html files")
    hashes = {}
    for path in sorted(corpus_dir.iterdir()):
        if path.is_file() and (path.suffix.lower() in corpus.SUFFIXES or path.name == "manifest.json"):
            hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def current_build(index_dir: Path) -> Path | None:
    pointer = index_dir / POINTER
    if not pointer.is_file():
        return None
    build = index_dir / pointer.read_text().strip()
    return build if build.is_dir() else None


def read_manifest(index_dir: Path) -> dict | None:
    build = current_build(index_dir)
    if build is None:
        return None
    try:
        return json.loads((build / "manifest.json").read_text())
    except (OSError, ValueError):
        return None


def stale_files(index_dir: Path, corpus_dir: Path) -> tuple[str, ...]:
    """Corpus files added, removed or changed since the live index was built."""
    return changed_files((read_manifest(index_dir) or {}).get("corpus_files", {}), corpus_hashes(corpus_dir))


def changed_files(old: dict[str, str], new: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name)))


