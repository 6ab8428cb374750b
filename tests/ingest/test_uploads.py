"""Uploads: a file reaches the corpus folder only under a safe name and only if the corpus loader reads it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.ingest.uploads import safe_name, save_upload

GOOD_DOC = (b"# Harlow community safety update\n\nThe Harlow town centre patrol pilot began on 3 March 2025. "
            b"Wardens will walk the market square every Friday evening.\n")


@pytest.mark.parametrize("name, expected", [
    ("report.md", "report.md"),
    ("../../evil.md", "evil.md"),
    ("..\\..\\evil.txt", "evil.txt"),
    ("/etc/passwd.md", "passwd.md"),
    (".hidden.md", "hidden.md"),
    ("My Report (final).HTML", "My-Report-final.html"),
    ("notes.exe", None),
    ("no-suffix", None),
    ("manifest.json", None),
    ("...", None),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_save_upload_saves_a_good_file_under_a_safe_new_name(tmp_path):
    path, error = save_upload("../../evil.md", GOOD_DOC, tmp_path)
    assert error is None and path == (tmp_path / "evil.md").resolve()
    assert path.read_bytes() == GOOD_DOC
    other = GOOD_DOC.replace(b"Friday", b"Saturday")
    again, error = save_upload("evil.md", other, tmp_path)
    assert error is None and again.name == "evil-1.md"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".uploads.json", "evil-1.md", "evil.md"]
    assert not (tmp_path.parent / "evil.md").exists()
    twice, error = save_upload("copy.md", GOOD_DOC, tmp_path)
    assert twice is None and "already in the corpus as evil.md" in error


@pytest.mark.parametrize("name, data, message", [
    ("latin1.txt", "Caf\xe9 cr\xeeme".encode("latin-1"), "not UTF-8"),
    ("empty.md", b"", "empty"),
    ("blank.md", b"  \n\n \t\n", "empty"),
    ("script.html", b"<html><script>alert(1)</script></html>", "no text"),
    ("report.pdf", b"%PDF-1.4", "truncated or damaged"),
    ("../../../tmp/x.exe", b"hello", "only .md, .txt, .html, .pdf"),
])
def test_save_upload_refuses_what_it_cannot_read_and_writes_nothing(tmp_path, name, data, message):
    path, error = save_upload(name, data, tmp_path)
    assert path is None and message in error
    assert list(tmp_path.iterdir()) == []


def test_title_publisher_and_date_go_into_the_manifest(tmp_path):
    import json

    (tmp_path / "manifest.json").write_text(json.dumps({"documents": [{"file": "old.md", "title": "Old"}]}))
    path, error = save_upload("note.md", GOOD_DOC, tmp_path,
                              {"title": " Patrol  note ", "publisher": "Harlow Council", "date": "2025-03-03"})
    assert error is None
    entries = json.loads((tmp_path / "manifest.json").read_text())["documents"]
    assert entries == [{"file": "old.md", "title": "Old"},
                       {"file": path.name, "title": "Patrol note", "publisher": "Harlow Council", "date": "2025-03-03"}]
    refused, error = save_upload("other.md", GOOD_DOC.replace(b"Friday", b"Monday"), tmp_path, {"date": "3/3/25"})
    assert refused is None and "not a date like 2025-03-06" in error


def test_a_performance_table_the_build_would_skip_is_refused_at_upload(tmp_path):
    """The generated broken summary looks like a performance table but has a cell that cannot be read: the
    build would report and skip it, so the upload is refused with the build's own reason and nothing is saved."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from make_fixtures import make_broken_tables

    from assistant.ingest.corpus import load_document
    from assistant.ingest.performance import read_performance

    broken = make_broken_tables(tmp_path / "fixtures")
    reasons = read_performance([load_document(broken, {})]).problems
    assert reasons, "the fixture must hold a table the build skips, or this test proves nothing"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path, error = save_upload("summary.md", broken.read_bytes(), corpus)
    assert path is None and error.startswith("summary.md cannot be added:")
    assert reasons[0][1].replace(broken.name, "summary.md") in error
    assert list(corpus.iterdir()) == []
