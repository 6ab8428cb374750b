"""Document text and file names never render as live markdown: no link, image or script, in the chat, the
sidebar, the errors or the export. Hostile text is put through the real app (real engine, model and index)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from apptest_helpers import wait_for_rebuild

from assistant.records import Answer, Citation
from assistant.shells import ui

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
HOSTILE = "[click](http://evil.example) ![x](http://evil.example/x.png) <script>alert(1)</script> www.evil.example"
# The same, written into a markdown document with escapes, so the cleaned text keeps it literally.
HOSTILE_IN_MARKDOWN = (r"\[click\](http://evil.example) \!\[x\](http://evil.example/x.png) "
                       r"&lt;script&gt;alert(1)&lt;/script&gt; www.evil.example")
HOSTILE_NAME = "[x](javascript:alert(1)) <img src=x>.txt"
_BARE_LINK = re.compile(r"(?i)(?<![\\])\b(https?|javascript):|\bwww\.(?!\\)")


_OWN_LINK = re.compile(r'<a href="#src-\d+-\d+">')  # the page's own [n] marker links to its source cards


def live_markup(markdown: str) -> list[str]:
    """What in this markdown would render as a link, an image, raw HTML or a bare autolink (the page's own
    citation-marker links excepted)."""
    html = _OWN_LINK.sub("", MarkdownIt("commonmark", {"html": True}).render(markdown))
    found = [tag for tag in ("<a ", "<img", "<script") if tag in html]
    if _BARE_LINK.search(markdown):
        found.append(f"bare link in {markdown!r}")
    return found


# ---------------------------------------------------------------- pure helpers


@pytest.mark.parametrize("escape", [ui.md_escape, ui.md_message, ui.export_escape])
def test_every_escape_leaves_no_live_markup(escape):
    for text in (HOSTILE, "[1](http://evil.example)", "[2]: http://evil.example", "<http://evil.example>",
                 "mail me@evil.example", "# Heading\n- item\n1. first", ":red[alarm] $x^2$ **bold**"):
        assert live_markup(escape(text)) == [], (text, escape(text))
    assert "Exported" not in live_markup("Exported")


def test_messages_keep_ordinary_prose_readable():
    assert ui.md_message("latin1.txt is not UTF-8 text (bad byte at position 3)") == \
        "latin1.txt is not UTF-8 text (bad byte at position 3)"
    assert ui.md_message("Added Harlow-update.md.") == "Added Harlow-update.md."
    assert ui.export_escape("It was 1,465 [1] and 12 [2].") == "It was 1,465 [1] and 12 [2]."


def test_the_page_s_own_html_and_scripts_keep_hostile_text_inert():
    """Source heads, verdicts, copy buttons and the document view escape what they show; a script that
    carries document text (the live-region announcement) cannot be closed early by a "</script>" in it."""
    from assistant.shells import ui_page

    hostile = HOSTILE + ' "quoted" </script><img src=x onerror=alert(1)>'
    for html in (ui_page.source_head(1, 2, hostile), ui_page.verdict_block(hostile, hostile),
                 ui_page.copy_button(hostile), ui_page.document_view(hostile, 3, 20, "m"),
                 ui_page.document_view(hostile, -1, -1, "m")):
        assert not re.search(r"(?i)<(a|img|script)\b", html), html
    script = ui_page.scroll_to_turn(0, hostile)
    assert script.count("</script>") == 1 and script.rstrip().endswith("</script>")
    assert "<img" not in script and "<script>window" not in script


def test_bare_links_are_broken_for_streamlit_s_linker():
    """Streamlit links "http://", "www." and e-mail addresses in rendered text even when escaped (seen in
    Chromium); what the page shows must not hold those patterns, while reading the same."""
    for escape in (ui.md_escape, ui.md_message):
        shown = escape("see http://evil.example, www.evil.example and me@evil.example")
        assert not re.search(r"(?i)https?\\?:|www\\?\.|\w\\?@", shown), shown
        assert shown.replace("\u2060", "").replace("\\", "") == \
            "see http://evil.example, www.evil.example and me@evil.example"


def test_the_used_cell_caption_escapes_the_row_label():
    row = pd.DataFrame([{"column_label": "Offences 2024", "printed": "1465", "measure": "offences",
                         "period": "12 months to October 2024", "value": 1465.0}])
    caption = ui.used_cell_caption(row, {"area": "Chelmsford", "crime_type": HOSTILE, "column": "Offences 2024"})
    assert caption.startswith("Highlighted: **1,465**")
    assert live_markup(caption) == []


def test_the_export_keeps_hostile_document_text_escaped():
    citation = Citation(n=1, document="h.md", title=HOSTILE, locator=f"{HOSTILE} › {HOSTILE}", quote=HOSTILE,
                        publisher=HOSTILE, date="2024-12-05", kind="report")
    table = Citation(n=2, document="t.md", title="Tables", locator="Tables › x", quote=f"{HOSTILE}\t12\t13",
                     publisher="P", date="2024-12-05", kind="report", table={"column": "x"})
    answer = Answer(text=f"It began on 3 March 2025 [1] {HOSTILE} [2].", answerable=True, caveats=(HOSTILE,),
                    suggestion=HOSTILE, citations=(citation, table))
    text = ui.export_markdown([ui.Turn("question", HOSTILE, answer)])
    assert live_markup(text) == []
    assert "[1]" in text and "[2]" in text and "click" in text and "evil.example" in text


# ---------------------------------------------------------------- the real app


@pytest.fixture(scope="module")
def hostile_paths(tmp_path_factory, corpus_copy, index_dir) -> tuple[Path, Path]:
    """The real corpus plus a document whose title and text are hostile and an empty file with a hostile
    name (a problem shown in the sidebar), indexed into a copy of the session index (vectors reused)."""
    from assistant.store.build import build_index

    base = tmp_path_factory.mktemp("hostile")
    corpus, index = base / "corpus", base / "index"
    shutil.copytree(corpus_copy, corpus)
    shutil.copytree(index_dir, index)
    (corpus / "zorblax.md").write_text(
        "# Zorblax patrol\n\n"
        f"The Zorblax patrol pilot began on 3 March 2025 in Harlow town centre. {HOSTILE_IN_MARKDOWN}.\n",
        encoding="utf-8")
    (corpus / HOSTILE_NAME).write_text("", encoding="utf-8")
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["documents"] if isinstance(manifest, dict) else manifest
    entries.append({"file": "zorblax.md", "title": HOSTILE, "publisher": HOSTILE, "date": "2025-03-01",
                    "kind": "news article"})
    (corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build_index(corpus, index)
    return corpus, index


@pytest.fixture
def hostile_app(hostile_paths, tmp_path, monkeypatch) -> tuple[AppTest, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(hostile_paths[0], corpus)
    shutil.copytree(hostile_paths[1], index)
    monkeypatch.setenv("ASSISTANT_INDEX", str(index))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus))
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at, corpus


def rendered(at: AppTest) -> list[str]:
    """Every piece of markdown the page renders: markdown, captions, alerts, and expander labels."""
    values = [element.value for kind in ("markdown", "caption", "warning", "error", "success", "info")
              for element in getattr(at, kind)]
    return values + [expander.label for expander in at.expander]


def html_blocks(at: AppTest) -> list[str]:
    """The HTML the page draws itself (source-card heads, verdicts, copy buttons), scripts left out: those
    are the page's own, sent with `unsafe_allow_javascript`."""
    return [h.proto.body for h in at.get("html") if not h.proto.body.lstrip().startswith(("<script", "<style"))]


def assert_nothing_live(at: AppTest) -> None:
    live = {value: found for value in rendered(at) if (found := live_markup(value))}
    assert live == {}
    for block in html_blocks(at):
        assert not re.search(r"(?i)<(a|img|script|iframe)\b", block), block


@pytest.mark.slow
def test_hostile_titles_text_and_file_names_render_as_text(hostile_app):
    at, _ = hostile_app
    assert_nothing_live(at)
    sidebar = "\n".join(rendered(at))
    assert "click" in sidebar and "evil.example" in sidebar  # shown, escaped, not dropped
    assert any("javascript" in w.value and "is empty" in w.value for w in at.warning)
    at.chat_input(key="prompt").set_value("When did the Zorblax patrol pilot begin?").run()
    assert not at.exception, at.exception
    turn = at.session_state["turns"][-1]
    assert "3 March 2025" in turn.answer.text
    assert any(c.document == "zorblax.md" for c in turn.answer.citations)
    assert_nothing_live(at)
    export = ui.export_markdown(at.session_state["turns"])
    assert "evil.example" in export and live_markup(export) == []


@pytest.mark.slow
def test_a_refused_upload_with_a_hostile_name_shows_an_escaped_error(hostile_app):
    at, _ = hostile_app
    at.file_uploader[0].set_value((f"{HOSTILE} .txt", "caf\xe9".encode("latin-1"), "text/plain")).run()
    assert not at.exception, at.exception
    assert any("not UTF-8" in e.value and "evil.example" in e.value for e in at.error)
    assert_nothing_live(at)


@pytest.mark.slow
def test_an_uploaded_document_can_be_removed_from_the_sidebar(hostile_app):
    at, corpus = hostile_app
    doc = (b"# Quorvex wardens\n\nThe Quorvex wardens began walking the Basildon market on 9 April 2025.\n")
    at.file_uploader[0].set_value(("Отчёт о патрулях.md", doc, "text/markdown")).run()
    assert not at.exception, at.exception
    assert (corpus / "Отчёт-о-патрулях.md").read_bytes() == doc
    assert any("Added Отчёт-о-патрулях.md" in s.value for s in at.success)
    wait_for_rebuild(at)
    assert any("Uploaded documents (1)" in e.label for e in at.expander)
    assert "Quorvex wardens" in "\n".join(m.value for m in at.markdown)
    remove = [b for b in at.button if b.label == "Remove"]
    assert len(remove) == 1  # files put into the corpus by hand are never offered for removal
    remove[0].click().run()
    assert not at.exception, at.exception
    assert not (corpus / "Отчёт-о-патрулях.md").exists()
    assert wait_for_rebuild(at).startswith("Removed Отчёт-о-патрулях.md.")
    assert not any(b.label == "Remove" for b in at.button)
    assert "Quorvex wardens" not in "\n".join(m.value for m in at.markdown)
