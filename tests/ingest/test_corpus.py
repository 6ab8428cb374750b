"""Known answers from the real corpus, plus tiny folders of bad files built in tmp_path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ingest.assemble import labelled_table
from assistant.ingest.clean import clean_text, find_sections
from assistant.ingest.corpus import load_corpus, load_document
from assistant.errors import CorpusError
from assistant.records import Section

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
AGENDA = "one-chelmsford-board-2024-12-05-agenda-pack.md"
PRESS = "essex-police-2024-01-15-home-secretary-visit.txt"
ECHO = "echo-2021-southend-crime-falls.txt"


@pytest.fixture(scope="module")
def loaded():
    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def docs(loaded):
    return {doc.id: doc for doc in loaded.documents}


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def test_all_five_documents_load_in_name_order_without_problems(loaded):
    assert [doc.id for doc in loaded.documents] == [
        "echo-2021-southend-crime-falls.txt",
        "essex-police-2024-01-15-home-secretary-visit.txt",
        "northampton-2018-drug-crime-rises.txt",
        "one-chelmsford-board-2024-12-05-agenda-pack.md",
        "pfcc-essex-2024-getting-crime-down.txt",
    ]
    assert loaded.problems == ()
    assert all(doc.path == str(CORPUS / doc.id) for doc in loaded.documents)


@pytest.mark.parametrize("doc_id, title, publisher, date", [
    (ECHO, "Crime has fallen over the last year in Southend", "Echo (local newspaper, south Essex)",
     "2021-07 (approx; reports ONS figures for the 12 months to March 2021)"),
    (PRESS,
     "Essex Police Chief Constable meets the Home Secretary in Southend",
     "Essex Police (news release)", "2024-01-15"),
    (AGENDA, "One Chelmsford Partnership Strategic Board, 5 December 2024: agenda pack", "Chelmsford City Council",
     "2024-12-05"),
    ("northampton-2018-drug-crime-rises.txt", "Drug crime in Northampton increased by almost a fifth",
     "local newspaper, Northampton", "2018-10 (approx; figures for July 2017 to June 2018)"),
    ("pfcc-essex-2024-getting-crime-down.txt", "Getting Crime Down",
     "Police, Fire and Crime Commissioner for Essex (election statement)",
     "2024-04 (approx; before the May 2024 PFCC election)"),
])
def test_manifest_metadata(docs, doc_id, title, publisher, date):
    doc = docs[doc_id]
    assert (doc.title, doc.publisher, doc.date) == (title, publisher, date)


def test_manifest_kind_is_used(docs):
    assert docs[PRESS].kind == "press release"


@pytest.mark.parametrize("marker", ["<b>", "</b>", "<sup>", "<li>", "<p>", "<u>", "<a href", "**", "](",
                                    "\u00a0", "\r"])
def test_no_markup_left_in_any_text(docs, marker):
    assert [doc_id for doc_id, doc in docs.items() if marker in doc.text] == []


def test_ordinal_suffixes_join_their_numbers(docs):
    text = docs[AGENDA].text
    assert "5th December 2024" in text
    assert "Minutes of meeting held on 26th July 2024 (attached)" in text


def test_no_heading_markers_left(docs):
    assert not re.search(r"(?m)^#{1,6} ", docs[AGENDA].text)
    assert "Safer Chelmsford" in lines_of(docs[AGENDA].text)
    assert "Braintree" in lines_of(docs[AGENDA].text)  # was "### **Braintree**"


def test_cookie_banner_is_gone_from_the_press_release(docs):
    text = docs[PRESS].text
    assert text.startswith("Essex Police Chief Constable Ben-Julian Harrington has met with Home Secretary")
    assert "cookie" not in text.lower()
    assert "This site is a beta" not in text


def test_read_more_links_are_gone_but_the_article_is_whole(docs):
    text = docs[ECHO].text
    assert "Read more" not in text
    assert "Man in Essex misses his bus" not in text
    assert "There were 1,135 drug offences in Basildon, up 62%, and 793 drug offences in Southend" in text
    assert "Here the Echo has put together a map" in text
    assert text.endswith("limited their social contact.\"")


def test_tabs_survive_in_table_lines(docs):
    lines = lines_of(docs[AGENDA].text)
    assert "Top Level\t\tOffences\t\t\t\tSolved Outcomes\t\t\t\tSolved Rates %\t\t" in lines
    assert "Anti-Social Behaviour (incidents)\t-\t1317\t1203\t-114\t-8.7\t-\t-\t-\t-\t-\t-\t-" in lines
    assert "- Shoplifting\t0.0\t11184\t13407\t2223\t19.9\t2503\t3234\t731\t29.2\t22.4\t24.1\t1.7" in lines
    # Every tab survives, save those of a table read by columns (one "Team: ward; ward" line per column).
    raw = (CORPUS / AGENDA).read_text(encoding="utf-8")
    by_column = [run for run in re.findall(r"(?m)^[^\n]*\t[^\n]*(?:\n[^\n]*\t[^\n]*)+", raw)
                 if not any("\t" in line for line in labelled_table(run.split("\n")))]
    assert docs[AGENDA].text.count("\t") == raw.count("\t") - sum(run.count("\t") for run in by_column)


def test_html_blocks_break_lines_and_list_items_stand_alone(docs):
    lines = lines_of(docs[AGENDA].text)
    assert "1.\tWelcome and apologies for absence" in lines
    assert "10.\tDates of the Next Meetings:" in lines
    assert "• Friday, 7th March 2025" in lines
    assert "❖ Tackling rural and environmental crime (including acquisitive crime)" in lines
    assert any(line.startswith("2.1\tThe strategic assessment and priorities") for line in lines)
    # a <p> in a table cell keeps its row whole (its cells named by the table's header row)
    assert "Partnership Plan\tAssessment: Met\tAreas for Improvement: None." in lines


def test_links_keep_their_visible_text(docs):
    text = docs[AGENDA].text
    assert "can be found here and will be refreshed for 2025: VVU Documentation - Essex Violence" in text
    assert "contact David at david.rayner@birkettlong.co.uk." in text
    assert "mailto:" not in text


def test_sentence_about_operation_dial_sits_under_safer_chelmsford(docs):
    doc = docs[AGENDA]
    offset = doc.text.index("The next Operation Dial night of action")
    assert doc.section_at(offset) == ("Safer Chelmsford", "ONE CHELMSFORD PARTNERSHIP – 5 DECEMBER 2024",
                                      "COMMUNITY SAFETY PARTNERSHIP UPDATE", "AGENDA ITEM 8")


def test_table_rows_sit_under_their_district(docs):
    doc = docs[AGENDA]
    offset = doc.text.index("Anti-Social Behaviour (incidents)\t-\t1317")
    assert doc.section_at(offset) == ("Chelmsford", "Rolling 12 Months to October")


def test_text_before_the_first_heading_has_the_empty_path(docs):
    doc = docs[AGENDA]
    assert doc.sections[0] == Section((), 0, doc.sections[0].end)
    assert doc.section_at(doc.text.index("AGENDA")) == ()


def test_each_section_starts_on_the_line_after_its_heading(docs):
    doc = docs[AGENDA]
    headed = [section for section in doc.sections if section.path]
    assert len(headed) > 100
    for section in headed:
        heading_line = doc.text[:section.start - 1].split("\n")[-1]
        assert heading_line == section.path[-1]


def test_sections_are_ordered_and_do_not_overlap(docs):
    for doc in docs.values():
        previous_end = 0
        for section in doc.sections:
            assert previous_end <= section.start <= section.end <= len(doc.text)
            previous_end = section.end


@pytest.mark.parametrize("doc_id", [ECHO, PRESS, "northampton-2018-drug-crime-rises.txt",
                                    "pfcc-essex-2024-getting-crime-down.txt"])
def test_plain_text_files_are_one_section(docs, doc_id):
    doc = docs[doc_id]
    assert doc.sections == (Section((), 0, len(doc.text)),)


@pytest.mark.parametrize("raw, suffix, expected", [
    ("Thursday, 5<sup>th</sup> December", ".md", "Thursday, 5th December"),
    ("<b>1.</b>\t<b>Welcome</b>", ".md", "1.\tWelcome"),
    ("Dates: <ul><li>One</li><li>Two</li></ul>", ".md", "Dates:\nOne\nTwo"),
    ("<p>First.</p><p>Second &amp; last.</p>", ".md", "First.\nSecond & last."),
    ("a<br>b", ".md", "a\nb"),
    (" <p>Partnership Plan</p>\tMet\tNone.", ".md", "Partnership Plan\tMet\tNone."),
    ("2.1\t<p>Text.</p> <ul><li>A</li></ul>", ".md", "2.1\tText.\nA"),
    ("See <a href=\"http://x.org\">the plan</a> now", ".md", "See the plan now"),
    ("**Bold** and *italic* and [a link](http://x.org)", ".md", "Bold and italic and a link"),
    ("Fish &amp; chips", ".txt", "Fish & chips"),
    ("up\u00a062%,\u00a0and", ".txt", "up 62%, and"),
    ("Row\t1\t\t2\t", ".md", "Row\t1\t\t2\t"),
    ("a\n\n\n\n\n\nb", ".txt", "a\n\n\nb"),
    ("Text.\nRead more >> Another story\nMore text.", ".txt", "Text.\nMore text."),
    ("## **Heading** 5<sup>th</sup>\nBody", ".md", "## Heading 5th\nBody"),
    ("trailing spaces  \nnext", ".md", "trailing spaces\nnext"),
])
def test_clean_text_known_answers(raw, suffix, expected):
    assert clean_text(raw, suffix) == expected


def test_site_chrome_is_dropped_only_at_the_top():
    raw = ("Quickly exit this site by pressing the Escape key\n"
           "We use some essential cookies to make our website work.\n"
           "Sorry, there was a technical problem. Please try again.\n"
           "This site is a beta, which means it's a work in progress.\n"
           "Police warn about cookie scams.\n")
    assert clean_text(raw, ".txt") == "Police warn about cookie scams."


def test_find_sections_stacks_headings_by_level():
    text, sections = find_sections("Intro\n# A\na text\n## B\nb text\n### C\nc text\n## D\nd text")
    assert text == "Intro\nA\na text\nB\nb text\nC\nc text\nD\nd text"
    assert [(s.path, text[s.start:s.end]) for s in sections] == [
        ((), "Intro\n"),
        (("A",), "a text\n"),
        (("A", "B"), "b text\n"),
        (("A", "B", "C"), "c text\n"),
        (("A", "D"), "d text"),
    ]


def test_find_sections_ignores_setext_underlines_and_code():
    text, sections = find_sections("Production Date\n---\n\n    # not a heading\n")
    assert text == "Production Date\n---\n\n    # not a heading\n"
    assert [s.path for s in sections] == [()]


def test_bad_files_become_problems_and_the_good_file_still_loads(tmp_path):
    (tmp_path / "good.txt").write_text("Burglary fell by 5% in Testtown.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Café crime figures rose.\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "only-markup.md").write_text("<p></p>\n<b> </b>\n", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("not a format the corpus reads\n", encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.txt"]
    problems = {problem.file: problem.message for problem in result.problems}
    assert set(problems) == {"latin1.txt", "empty.txt", "blank.md", "only-markup.md"}  # no manifest: no problem
    assert "latin1.txt is not UTF-8 text" in problems["latin1.txt"]
    assert "save it as UTF-8 and rebuild" in problems["latin1.txt"]
    assert "empty" in problems["empty.txt"]
    assert "no text left after cleaning" in problems["only-markup.md"]


def test_broken_manifest_is_a_problem_and_defaults_are_used(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Shoplifting rose in Chelmsford\n\nDetails.", encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [problem.file for problem in result.problems] == ["manifest.json"]
    assert "cannot be read" in result.problems[0].message
    doc = result.documents[0]
    assert (doc.title, doc.publisher, doc.date, doc.kind) == (
        "Shoplifting rose in Chelmsford", "unknown", "", "text document")


def test_file_not_in_manifest_takes_its_title_from_its_first_line(tmp_path):
    (tmp_path / "manifest.json").write_text(
        '{"documents": [{"file": "listed.txt", "title": "Listed", "publisher": "P", "date": "2024-01-01",'
        ' "kind": "news article"}, {"file": "gone.txt", "title": "Gone"}]}', encoding="utf-8")
    (tmp_path / "listed.txt").write_text("First line\n\nBody.", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("\n\nBurglary falls in Testtown\n\nBody text.", encoding="utf-8")
    result = load_corpus(tmp_path)
    docs = {doc.id: doc for doc in result.documents}
    assert (docs["listed.txt"].title, docs["listed.txt"].publisher, docs["listed.txt"].kind) == (
        "Listed", "P", "news article")
    extra = docs["extra.txt"]
    assert (extra.title, extra.publisher, extra.date, extra.kind) == (
        "Burglary falls in Testtown", "unknown", "", "text document")
    assert [(problem.file, "listed in manifest.json" in problem.message) for problem in result.problems] == [
        ("gone.txt", True)]


def test_html_file_gets_markdown_sections(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Site</title><script>var tracking = 1;</script></head><body>"
        "<h1>Knife crime</h1><p>Intro paragraph.</p>"
        "<h2>Southend</h2><p>Offences fell by <b>21.6%</b> in the <sup>last</sup> year.</p>"
        "<h2>Basildon</h2><ul><li>First point</li><li>Second point</li></ul></body></html>",
        encoding="utf-8")
    doc = load_document(tmp_path / "page.html", {})
    assert (doc.title, doc.kind) == ("Knife crime", "web page")
    assert "tracking" not in doc.text and "Site" not in doc.text
    assert [s.path for s in doc.sections] == [("Knife crime",), ("Knife crime", "Southend"),
                                              ("Knife crime", "Basildon")]
    assert doc.section_at(doc.text.index("Offences fell by 21.6% in the last year.")) == ("Knife crime", "Southend")
    assert doc.section_at(doc.text.index("Second point")) == ("Knife crime", "Basildon")


def test_missing_folder_raises_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_the_same_content_under_two_names_is_indexed_once(tmp_path):
    (tmp_path / "report.md").write_text("# Report\n\nBurglary fell by 5% in Testtown.\n", encoding="utf-8")
    (tmp_path / "report-copy.md").write_text("# Report\n\nBurglary fell by 5% in Testtown.\n", encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["report-copy.md"]
    problems = {problem.file: problem.message for problem in result.problems}
    assert "same content as report-copy.md" in problems["report.md"]
