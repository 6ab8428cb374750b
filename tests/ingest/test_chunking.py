"""Chunking the real corpus: exact slices, whole sentences, sections respected, tables left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ingest.chunking import chunk_document, pack_sentences, sentence_spans
from assistant.config import ChunkSettings
from assistant.ingest.clean import find_sections
from assistant.ingest.corpus import load_corpus
from assistant.records import Document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
AGENDA = "one-chelmsford-board-2024-12-05-agenda-pack.md"
SETTINGS = ChunkSettings()


@pytest.fixture(scope="module")
def docs():
    return {doc.id: doc for doc in load_corpus(CORPUS).documents}


@pytest.fixture(scope="module")
def chunks(docs):
    return {doc_id: chunk_document(doc, SETTINGS) for doc_id, doc in docs.items()}


def all_chunks(chunks):
    return [(doc_id, chunk) for doc_id, found in chunks.items() for chunk in found]


def tiny(markdown: str) -> Document:
    text, sections = find_sections(markdown)
    return Document(id="tiny.md", title="t", publisher="p", date="", kind="k", path="tiny.md",
                    text=text, sections=sections)


def table_spans(text: str) -> list[tuple[int, int]]:
    """Each run of tab-separated lines, as the table reader would hand it over."""
    return [match.span() for match in re.finditer(r"(?m)^[^\n]*\t[^\n]*(?:\n[^\n]*\t[^\n]*)*", text)]


def test_every_document_gets_chunks(chunks):
    assert all(found for found in chunks.values())


def test_chunk_text_is_exactly_the_document_slice(docs, chunks):
    for doc_id, chunk in all_chunks(chunks):
        assert chunk.document == doc_id
        assert chunk.text == docs[doc_id].text[chunk.start:chunk.end]


def test_sentences_lie_inside_their_chunk_in_order(docs, chunks):
    for doc_id, chunk in all_chunks(chunks):
        text = docs[doc_id].text
        assert chunk.sentences[0][0] == chunk.start and chunk.sentences[-1][1] == chunk.end
        for (start, end), (next_start, _) in zip(chunk.sentences, chunk.sentences[1:] + ((chunk.end, 0),)):
            assert chunk.start <= start < end <= next_start <= chunk.end
            assert text[start:end] == text[start:end].strip()
            assert "\n" not in text[start:end]


def test_chunks_fit_max_chars_unless_one_sentence(chunks):
    for _, chunk in all_chunks(chunks):
        assert len(chunk.text) <= SETTINGS.max_chars or len(chunk.sentences) == 1


def test_chunks_never_cross_a_section(docs, chunks):
    for doc_id, chunk in all_chunks(chunks):
        doc = docs[doc_id]
        home = [s for s in doc.sections if s.start <= chunk.start < s.end]
        assert len(home) == 1
        assert chunk.end <= home[0].end
        assert chunk.section_path == home[0].path == doc.section_at(chunk.start)


def test_consecutive_chunks_of_a_long_section_share_one_sentence(chunks):
    # The minutes put "#### 4." under "## 3.", so the heading stack keeps item 3 in the path.
    path = ("One Chelmsford Partnership Strategic Board",
            "3. UK Shared Prosperity Fund and Rural England Prosperity Fund", "4. Mid-Essex Alliance Update")
    section = [chunk for chunk in chunks[AGENDA] if chunk.section_path == path]
    assert len(section) >= 5
    for before, after in zip(section, section[1:]):
        assert before.sentences[-1] == after.sentences[0]
        assert len(set(before.sentences) & set(after.sentences)) == 1


def test_no_overlap_when_settings_say_none(docs):
    found = chunk_document(docs[AGENDA], ChunkSettings(max_chars=900, overlap_sentences=0))
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


def test_excluded_spans_never_appear_in_any_chunk(docs):
    doc = docs[AGENDA]
    exclude = table_spans(doc.text)
    row = "Anti-Social Behaviour (incidents)\t-\t1317\t1203"
    assert any(row in chunk.text for chunk in chunk_document(doc, SETTINGS))
    found = chunk_document(doc, SETTINGS, exclude=exclude)
    assert found
    assert not any(row in chunk.text for chunk in found)
    for chunk in found:
        assert not any(chunk.start < end and start < chunk.end for start, end in exclude)
    assert "\t" not in "".join(chunk.text for chunk in found)


def test_the_284777_sentence_is_one_whole_sentence(docs, chunks):
    text = docs[AGENDA].text
    spans = {span for chunk in chunks[AGENDA] for span in chunk.sentences
             if "£284,777" in text[span[0]:span[1]]}
    assert [text[start:end] for start, end in spans] == [
        "It was advised that the £284,777 of the UKSPF funding was spent on various campaigns and projects "
        "against the priorities, and to benefit the local community, business, volunteering sector, "
        "and the skills work."]


def test_every_line_is_at_least_one_sentence(docs):
    text = docs[AGENDA].text
    spans = {text[start:end] for start, end in sentence_spans(text)}
    assert "- Communities and place" in spans
    assert "COMMUNITY SAFETY PARTNERSHIP UPDATE" in spans
    assert "- Shoplifting\t0.0\t11184\t13407\t2223\t19.9\t2503\t3234\t731\t29.2\t22.4\t24.1\t1.7" in spans


def test_sentences_cover_all_the_text(docs):
    for doc in docs.values():
        for section in doc.sections:
            covered = "".join(doc.text[s:e] for s, e in sentence_spans(doc.text, section.start, section.end))
            assert "".join(covered.split()) == "".join(doc.text[section.start:section.end].split())


def test_ids_are_short_unique_content_hashes(docs, chunks):
    ids = [chunk.id for _, chunk in all_chunks(chunks)]
    assert all(re.fullmatch(r"[0-9a-f]{16}", chunk_id) for chunk_id in ids)
    assert len(set(ids)) == len(ids)
    assert [c.id for c in chunk_document(docs[AGENDA], SETTINGS)] == [c.id for c in chunks[AGENDA]]


def test_a_sentence_longer_than_max_chars_stands_alone():
    long = "This sentence is much longer than the tiny limit set for this test case."
    doc = tiny(f"# H\nShort one. {long} Short two.")
    found = chunk_document(doc, ChunkSettings(max_chars=40, overlap_sentences=1))
    assert [chunk.text for chunk in found] == ["Short one.", long, "Short two."]


def test_chunks_stay_within_sections_of_a_tiny_document():
    doc = tiny("# A\nAlpha one. Alpha two.\n# B\nBeta one.")
    found = chunk_document(doc, ChunkSettings(max_chars=900, overlap_sentences=1))
    assert [(chunk.section_path, chunk.text) for chunk in found] == [
        (("A",), "Alpha one. Alpha two."), (("B",), "Beta one.")]


def test_chunks_without_letters_are_dropped():
    doc = tiny("# A\n12345\t678\n\n---\n# B\nWords here.")
    found = chunk_document(doc, ChunkSettings(max_chars=900, overlap_sentences=1))
    assert [chunk.text for chunk in found] == ["Words here."]


@pytest.mark.parametrize("sentences, max_chars, overlap, expected", [
    ([(0, 10), (11, 20), (21, 30)], 100, 1, [[(0, 10), (11, 20), (21, 30)]]),
    ([(0, 10), (11, 20), (21, 30)], 20, 1, [[(0, 10), (11, 20)], [(11, 20), (21, 30)]]),
    ([(0, 10), (11, 20), (21, 30)], 20, 0, [[(0, 10), (11, 20)], [(21, 30)]]),
    ([(0, 10), (11, 40), (41, 50)], 20, 1, [[(0, 10)], [(11, 40)], [(41, 50)]]),
    ([], 20, 1, []),
])
def test_pack_sentences_known_answers(sentences, max_chars, overlap, expected):
    assert pack_sentences(sentences, max_chars, overlap) == expected
