"""Charts cite every bar: each bar carries the printed cell it was read from, the `ask` JSON lists them, and the chat
shows them as "the data behind this chart". Checked as properties over answers built from the index's own
catalogue (rankings, comparisons, changes), against the documents' text, on the real engine and index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.shells import ui_chart

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"


def charted_questions(catalogue) -> list[str]:
    """Questions whose answers draw a chart, from what this index's tables print."""
    edition = catalogue.latest()
    districts = catalogue.districts(edition.force)
    crimes = [c.label.lower() for c in sorted(catalogue.crime_types, key=lambda c: c.order)
              if c.label in edition.labels][1:4]
    questions = []
    for crime in crimes:
        questions += [f"Which district had the most {crime} offences in the {edition.periods[1]}?",
                      f"Compare {crime} in {districts[0]} and {districts[1]} in the {edition.periods[1]}",
                      f"How did {crime} in {districts[2]} change between the {edition.periods[0]} and the "
                      f"{edition.periods[1]}?"]
    return questions + [f"Which crime rose most in {districts[0]}?"]


def cells_of(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"[\t|]", line)]


def test_every_bar_drawn_is_a_printed_cell_of_its_document_and_is_in_the_json(engine):
    charted = 0
    for question in charted_questions(engine.index.catalogue):
        answer = engine.ask(question)
        frame = answer.chart
        if frame is None or len(frame) < 2:
            continue
        charted += 1
        assert ui_chart.has_cells(frame), question
        bars = answer.to_dict()["chart"]
        assert len(bars) == len(frame)
        cited = {(c.document, c.start) for c in answer.citations}
        for bar, record in zip(bars, frame.to_dict("records")):
            line = engine.index.documents[record["document"]].text[record["start"]:record["end"]]
            assert record["printed"] in cells_of(line), (question, bar)  # the value is printed in that row
            assert float(record["printed"].replace(",", "")) == bar["value"]
            assert {"label", "value", "printed", "document", "table", "row", "column"} <= set(bar)
            if record.get("highlight"):  # a bar the text names is also one of its numbered sources
                assert (record["document"], record["start"]) in cited, (question, bar)
    assert charted >= 5


def test_the_data_behind_a_chart_lists_every_bar_and_links_the_cited_rows(engine):
    catalogue = engine.index.catalogue
    answer = engine.ask(charted_questions(catalogue)[0])
    table = ui_chart.chart_data_markdown(answer, 4, {})
    rows = table.splitlines()[2:]
    assert len(rows) == len(answer.chart)
    links = set(re.findall(r"\(#src-4-(\d+)\)", table))
    assert links == {str(c.n) for c in answer.citations if c.table is not None}
    for row, bar in zip(rows, answer.chart.to_dict("records")):
        assert ui_chart.where_printed(bar).split(" › ")[-1] in row
    spans = ui_chart.chart_spans(answer)
    assert sum(len(s) for s in spans.values()) == len(answer.chart)  # one printed row per bar, each highlighted


@pytest.mark.slow
def test_the_chat_shows_the_data_behind_a_ranking_chart(engine, index_dir, corpus_copy, monkeypatch):
    monkeypatch.setenv("ASSISTANT_INDEX", str(index_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus_copy))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    question = charted_questions(engine.index.catalogue)[0]
    at.chat_input(key="prompt").set_value(question).run()
    assert not at.exception, at.exception
    answer = at.session_state["turns"][-1].answer
    behind = [e for e in at.expander if e.label.startswith("The data behind this chart")]
    assert len(behind) == 1 and f"({len(answer.chart)} printed figures)" in behind[0].label
    table = next(m.value for m in behind[0].markdown if m.value.startswith("| Bar"))
    assert len(table.splitlines()) == len(answer.chart) + 2
    assert any(b.label == "Open the document at these rows" for b in behind[0].button)
