"""A metadata block at the top of a Markdown file is metadata: title, date and publisher, never the document's
first passage or its title ("---")."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.ingest.corpus import load_corpus
from assistant.ingest.front_matter import split_front_matter
from real_data import REAL, require

PANEL = REAL / "docs" / "datagovuk_crime_justice_transparency_panel"


@pytest.mark.parametrize("block, expected", [
    ("title: Board minutes\ncreated: 23/9/2011", {"title": "Board minutes", "date": "2011-09-23"}),
    ("title: 'Quoted: title'\ndate: 2024-12-05\nauthor: Chelmsford City Council",
     {"title": "Quoted: title", "date": "2024-12-05", "publisher": "Chelmsford City Council"}),
    ("name: Plan\npublished: 31/2/2011\nrevised: 1/3/2011", {"title": "Plan", "date": "2011-03-01"}),
    ("layout: post", {}),
])
def test_the_block_gives_title_date_and_publisher_and_leaves_the_text(block, expected):
    meta, text = split_front_matter(f"---\n{block}\n---\n# Heading\n\nBody.\n")
    assert meta == expected
    assert text == "# Heading\n\nBody.\n"


@pytest.mark.parametrize("raw", [
    "# Heading\n\n---\n\ntitle: not a block\n", "---\n- a list, not a mapping\n---\nBody\n",
    "---\ntitle: [unclosed\n---\nBody\n", "---\nno closing rule\n\nBody\n",
])
def test_anything_else_is_left_as_it_was(raw):
    assert split_front_matter(raw) == ({}, raw)


def test_the_real_minutes_exported_from_a_website_are_titled_and_dated_by_their_block(tmp_path):
    require(PANEL)
    files = sorted(PANEL.glob("*.md"))
    assert files
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "manifest.json").write_text(json.dumps({"documents": []}))
    for document in load_corpus(tmp_path).documents:
        meta, _ = split_front_matter((PANEL / document.id).read_text(encoding="utf-8"))
        assert document.title == meta["title"] and document.title != "---"
        assert document.date == meta["date"]
        assert not document.text.startswith("---") and "layout:" not in document.text
