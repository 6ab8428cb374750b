"""Saved web pages read as a reader reads them: their own title, date and publisher, only their main content
(paragraphs and list items under their headings, table rows with their header), whatever their encoding, and a
broken or empty page as far as it goes or as a problem, never a crash.

Pages are generated (`web_pages`) in the shapes councils and police forces publish, with invented names and
figures, and every expectation is worked out from what the generator put in them.
"""

from __future__ import annotations

from html import escape

import pytest
from web_pages import SHAPES, Page, council_page, govuk_page, police_news_page

from assistant.errors import CorpusError
from assistant.ingest.clean import clean_text
from assistant.ingest.corpus import load_corpus, load_document
from assistant.ingest.web_page import decode_web_page

SEEDS = range(3)
PAGES = [shape(seed) for shape in SHAPES for seed in SEEDS]
IDS = [page.file for page in PAGES]


def _load(tmp_path, page: Page):
    path = tmp_path / page.file
    path.write_bytes(page.data)
    return load_document(path, {})


def _flat(text: str) -> str:
    return " ".join(text.split())


def _appears(text: str, chrome: str) -> bool:
    """A line of chrome of two or more words anywhere in the text; a one-word link ("Home", "Email") as a line."""
    if len(chrome.split()) > 1:
        return chrome in _flat(text)
    return any(line.strip("-• ") == chrome for line in text.split("\n"))


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_paragraph_and_item_of_the_content_is_read_under_its_heading(tmp_path, page):
    doc = _load(tmp_path, page)
    for words, heading in [*page.paragraphs.items(), *page.items.items()]:
        assert words in _flat(doc.text), words
        offset = doc.text.index(words)
        assert doc.section_at(offset)[-1:] == (heading,), (words, doc.section_at(offset))


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_line_of_the_site_around_the_content_is_read(tmp_path, page):
    doc = _load(tmp_path, page)
    assert [chrome for chrome in page.chrome if _appears(doc.text, chrome)] == []
    assert "tracking" not in doc.text and "<" not in doc.text


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_title_date_and_publisher_are_learned_from_the_page(tmp_path, page):
    doc = _load(tmp_path, page)
    assert (doc.title, doc.date, doc.publisher, doc.kind) == (
        page.title, page.date, page.publisher or "unknown", "web page")


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_a_manifest_entry_still_overrides_what_the_page_says(tmp_path, page):
    path = tmp_path / page.file
    path.write_bytes(page.data)
    doc = load_document(path, {"title": "Given title", "date": "2020-01-02", "publisher": "Given publisher"})
    assert (doc.title, doc.date, doc.publisher) == ("Given title", "2020-01-02", "Given publisher")


@pytest.mark.parametrize("seed", SEEDS)
def test_each_table_row_is_one_line_with_its_header(tmp_path, seed):
    page = council_page(seed)
    doc = _load(tmp_path, page)
    lines = doc.text.split("\n")
    for row in page.rows:
        (name, _), *cells = row.items()
        found = [line for line in lines if line.split("\t")[0] == row[name]]
        assert len(found) == 1, (row, found)
        assert found[0].split("\t")[1:] == [f"{header}: {value}" for header, value in cells]
        assert doc.section_at(doc.text.index(found[0])) == (page.title, "Recorded crime by ward")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_windows_1252_page_reads_its_pounds_and_quotes(tmp_path, seed):
    text = _load(tmp_path, council_page(seed)).text
    assert "£" in text and "\u2018safer streets\u2019" in text and "\ufffd" not in text


@pytest.mark.parametrize("data, expected", [
    ("<p>Caf\u00e9 \u00a35</p>".encode("utf-8"), "Caf\u00e9 \u00a35"),
    ("<p>\u201cCaf\u00e9\u201d \u00a35</p>".encode("cp1252"), "\u201cCaf\u00e9\u201d \u00a35"),  # declares nothing
    ('<meta charset="iso-8859-1"><p>\u2019\u00a3</p>'.encode("cp1252"), "\u2019\u00a3"),  # browsers read it as 1252
    ("\ufeff<p>\u00a3</p>".encode("utf-16-le"), "\u00a3"),
    ("<p>Caf\u00e9 \u00a3".encode("utf-8")[:-1], "Caf\u00e9 "),  # cut off inside the last character
])
def test_pages_decode_as_declared_or_as_browsers_would(data, expected):
    assert expected in decode_web_page(data)


@pytest.mark.parametrize("html, expected", [
    ("<p>Fish &amp; chips&nbsp;&pound;5</p>", "Fish & chips £5"),
    ("<p>Officers were called<br>to the park at 9pm.</p>", "Officers were called to the park at 9pm."),
    ("<p>Council Offices<br>Market Road<br>Testtown</p>", "Council Offices\nMarket Road\nTesttown"),
    ("<ul><li>One<li>Two</ul>", "- One\n- Two"),  # items the page left open
])
def test_entities_breaks_and_unclosed_items_read_as_shown(html, expected):
    assert expected in clean_text(html, ".html")


@pytest.mark.parametrize("page", [govuk_page(0), police_news_page(0), council_page(0)], ids=lambda p: p.file)
@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.7, 0.9])
def test_a_truncated_page_reads_what_it_holds_or_is_a_problem(tmp_path, page, fraction):
    cut = page.data[:int(len(page.data) * fraction)]
    (tmp_path / page.file).write_bytes(cut)
    result = load_corpus(tmp_path)
    held = decode_web_page(cut)
    whole = [words for words in [*page.paragraphs, *page.items] if escape(words) in held]
    if not result.documents:
        (problem,) = result.problems
        assert not whole and "no text" in problem.message
        return
    assert all(words in _flat(result.documents[0].text) for words in whole)


@pytest.mark.parametrize("html", [
    ("<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav>"
     "<main></main><footer><p>© 2024 Testshire Council</p></footer></body></html>"),
    "<html><head><title>Scripted</title><script>render()</script></head><body><div id='app'></div></body></html>",
    "<html><body><div hidden><p>Not shown</p></div><button>Accept cookies</button></body></html>",
])
def test_a_page_without_content_is_a_problem_in_plain_words(tmp_path, html):
    (tmp_path / "good.md").write_text("# Good\n\nBurglary fell in Testtown.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.md"]
    (problem,) = result.problems
    assert problem.file == "page.html" and "no text" in problem.message
    with pytest.raises(CorpusError, match="menus, banners and footer"):
        load_document(tmp_path / "page.html", {})


# ------------------------------------------------------------------------- end to end, through a built index

@pytest.fixture(scope="module")
def pages_engine(tmp_path_factory):
    """An index of one page of each shape, saved with no manifest, and the assistant over it."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("web-pages")
    pages = [shape(10 * number + 7) for number, shape in enumerate(SHAPES)]
    for page in pages:
        (corpus / page.file).write_bytes(page.data)
    index = tmp_path_factory.mktemp("web-pages-index")
    report = build_index(corpus, index)
    assert report.problems == ()
    return Assistant.load(index), {page.file: page for page in pages}


def _questions(pages: dict[str, Page]) -> list[tuple[str, str, str]]:
    """(question, what the answer must say, the page it comes from), from what the pages were generated with."""
    council = next(page for page in pages.values() if page.rows)
    police = next(page for name, page in pages.items() if name.startswith("police"))
    asked = []
    for row in council.rows:
        ward, rate = row["Ward"], row["Detection rate"]
        asked.append((f"What was the detection rate in {ward}?", rate, council.file))
    spend = next(words for words in council.paragraphs if "£" in words)
    asked.append(("How much did the partnership spend on safer streets work?", spend.split()[3], council.file))
    quote = next(words for words in police.paragraphs if "said:" in words)
    speaker = quote.split(" said:")[0]
    asked.append((f"What did {speaker} say?", "We will not tolerate this", police.file))
    return asked


@pytest.mark.slow
def test_questions_about_saved_pages_are_answered_from_their_content_citing_the_page(pages_engine):
    engine, pages = pages_engine
    chrome = [line for page in pages.values() for line in page.chrome if len(line.split()) > 1]
    for question, expected, file in _questions(pages):
        answer = engine.ask(question)
        assert answer.answerable and expected in answer.text, (question, answer.text)
        assert any(c.document == file and expected in _flat(c.quote) for c in answer.citations), question
        assert not [line for c in answer.citations for line in chrome if line in _flat(c.quote)], question


@pytest.mark.slow
def test_citations_name_the_page_by_its_own_title_publisher_and_date(pages_engine):
    engine, pages = pages_engine
    documents = engine.index.documents
    for file, page in pages.items():
        assert (documents[file].title, documents[file].date) == (page.title, page.date)
        assert documents[file].publisher == (page.publisher or "unknown")
