"""Corpus folders and indexes made of the real corpus plus documents `scripts/make_fixtures.py` generates.

Several suites (editions, revisions, claims across editions, trusted sources, the catalogue) need the same
thing: a folder holding a copy of corpus/ (or nothing), some generated files and their manifest entries, and an
index of it built from a copy of the session's real-corpus index, the way a rebuild after adding a file goes, so
each extra corpus embeds only its new documents.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from assistant.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures  # noqa: E402


def corpus_with(folder: Path, generated: Path | None = None, files: tuple[str, ...] = (),
                with_real: bool = True) -> Path:
    """`folder` filled with a copy of corpus/ (unless `with_real` is false) and `files` from `generated`, each
    with its manifest entry from `make_fixtures.manifest_entries()`."""
    entries = {entry["file"]: entry for entry in make_fixtures.manifest_entries()}
    manifest = json.loads((CORPUS / "manifest.json").read_text()) if with_real else {"documents": []}
    if with_real:
        for path in CORPUS.iterdir():
            shutil.copy(path, folder / path.name)
    for file in files:
        shutil.copy(generated / file, folder / file)
        manifest["documents"].append(entries[file])
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


def other_force_names(folder: Path) -> tuple[list[str], list[str]]:
    """Write another force's performance summary into `folder` (`make_fixtures.make_other_force`) and return
    (its districts, its plainly worded leaf crime types), for documents written about that force."""
    make_fixtures.make_other_force(folder)
    figures = make_fixtures.figures()
    other = figures[figures.document == make_fixtures.OTHER_FORCE]
    districts = sorted(set(other.area) - set(other[other.table_title == "Force"].area))
    leaves = sorted({label for label, parent in zip(other.crime_type, other.parent)
                     if isinstance(parent, str) and len(label.split()) <= 2 and label.isascii()
                     and label.replace(" ", "").isalpha()})
    return districts, leaves


def seeded_build(tmp_path_factory, name: str, corpus: Path, seed: Path | None):
    """(corpus, index folder, build report): `corpus` indexed, starting from a copy of the index `seed` (unchanged
    passages keep their vectors), or from nothing when `seed` is None."""
    from assistant.store.build import build_index

    index = tmp_path_factory.mktemp(f"index-{name}")
    if seed is not None:
        shutil.rmtree(index)
        shutil.copytree(seed, index)
    report = build_index(corpus, index)
    assert report.built
    return corpus, index, report


# Syllables of invented names for generated councils, people and schemes: no real place or person, and nothing
# the vocabulary knows, so a test reads only what its own documents say.
SYLLABLES = ("bra", "mol", "ven", "tor", "lis", "dar", "quen", "fal", "nor", "pim", "sel", "cor", "wyn", "ath")


def coined(rng, parts: int = 2) -> str:
    """"Venlis", "Quenpimath": a capitalised name of `parts` syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def coined_person(rng) -> str:
    """"Bramol Torlisdar": a forename of two syllables and a surname of three."""
    return f"{coined(rng)} {coined(rng, 3)}"


def one_document_assistant(tmp_path_factory, name: str, file: str, text: str, title: str, publisher: str,
                           kind: str, date: str):
    """An engine over one Markdown document with its manifest entry, indexed for real: the small reports the
    passage-selection tests write to show one class of failure."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(name)
    (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": publisher, "kind": kind, "date": date}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"{name}-index")
    build_index(corpus, index)
    return Assistant.load(index)
