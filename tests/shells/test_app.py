"""The chat UI: pure helpers on plain data, then the real app (real engine, model and index) through AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from assistant.shells import ui
from corpus_periods import PERIOD_2023, PERIOD_2024
from assistant.understand.query import Query
from assistant.records import Answer, Citation, Figure

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
GOOD_DOC = (b"# Harlow community safety update\n\nThe Harlow town centre patrol pilot began on 3 March 2025. "
            b"Wardens will walk the market square every Friday evening.\n")


# ---------------------------------------------------------------- pure helpers


def test_context_label_names_what_a_follow_up_inherits():
    query = Query(text="And in Harlow?", areas=("Harlow",), crime_types=("Robbery",), measure="solved rate %",
                  periods=(PERIOD_2024,))
    assert ui.context_label(query) == "Robbery · Harlow · solved rate · 12 months to Oct 2024"
    assert ui.context_label(Query(text="x", areas=("Essex",), periods=(PERIOD_2023, PERIOD_2024)), ("Essex",)) == \
        "Essex (force-wide) · 12 months to Oct 2023 and 2024"
    assert ui.context_label(Query(text="hello")) == ""
    assert ui.context_label(None) == ""


def test_answer_text_is_escaped_and_markers_become_badges():
    assert ui.answer_markdown("Up 5% to £1,465 [1] *not bold* $x$ [2].") == \
        "Up 5% to £1,465 :blue-badge[1] \\*not bold\\* \\$x\\$ :blue-badge[2]."
    assert ui.split_assumptions("It was 9.4% [1]. Assumed: the latest period, as none was named.") == \
        ("It was 9.4% [1].", "Assumed: the latest period, as none was named.")
    assert ui.split_assumptions("No assumptions here.") == ("No assumptions here.", "")


def test_surrounding_passage_puts_the_quote_in_bold():
    text = ui.highlight_quote("Before it. The next night is 14 December 2024. After it.",
                              "The next night is 14 December 2024.")
    assert "**The next night is 14 December 2024.**" in text
    assert text.startswith("Before it. **")
    clipped = ui.highlight_quote("eted in May. The next night is 14 December 2024.\n\n4. Community Safety Hub and str",
                                 "The next night is 14 December 2024.")
    assert clipped.startswith("…eted in May.") and clipped.endswith("and str…")
    assert "4\\. Community Safety Hub" in clipped  # a numbered heading is not turned into a list


def _row() -> pd.DataFrame:
    rows = [("% DA 2024", "0.0", "% domestic-abuse related", PERIOD_2024),
            ("Offences 2023", "1450", "offences", PERIOD_2023), ("Offences 2024", "1465", "offences", PERIOD_2024),
            ("Offences # diff.", "15", "offences change", "change"),
            ("Offences % diff.", "1.0", "offences % change", "change"),
            ("Solved Rates % 2024", "22.7", "solved rate %", PERIOD_2024),
            ("Solved Rates % pt. diff.", "5.2", "solved rate change (% points)", "change")]
    return pd.DataFrame([{"column_label": c, "printed": p, "measure": m, "period": per, "value": float(p)}
                         for c, p, m, per in rows])


def test_table_row_grid_shows_printed_values_and_highlights_the_cell_used():
    grid, cell = ui.row_grid(_row(), "Offences 2024")
    assert list(grid.index) == ["Offences", "Solved rate %", "% domestic-abuse related"]
    assert list(grid.columns) == ["12 months to Oct 2023", "12 months to Oct 2024", "Change", "% change"]
    assert grid.loc["Offences", "12 months to Oct 2024"] == "1465"
    assert grid.loc["Solved rate %", "Change"] == "5.2"
    assert cell == ("Offences", "12 months to Oct 2024")
    html = ui.styled_grid(grid, cell).to_html()
    assert html.count("background-color: #fde68a") == 1
    caption = ui.used_cell_caption(_row(), {"area": "Chelmsford", "crime_type": "Shoplifting",
                                            "column": "Offences 2024"})
    assert "**1465**" in caption and "November 2023 to October 2024" in caption


def test_periods_in_words():
    assert ui.period_in_words(PERIOD_2024) == "in the 12 months to October 2024 (November 2023 to October 2024)"
    assert ui.period_in_words("12 months to October 2024 compared with the 12 months to October 2023") == \
        "between the 12 months to October 2023 and the 12 months to October 2024"


def _citation(n, document="a.md", date="2024-12-05", table=None, quote="A sentence.") -> Citation:
    return Citation(n=n, document=document, title=f"Title of {document}", locator=f"Title of {document} › Part",
                    quote=quote, publisher="Council", date=date, kind="report", table=table)


def test_warnings_cover_caveats_other_periods_disagreeing_and_old_sources():
    context = Query(text="q", periods=(PERIOD_2024,))
    answer = Answer(text="Several sources give figures on this ...", answerable=True,
                    caveats=("Solved rate over 100%.",), context=context,
                    figures=(Figure(5, "offences", "Harlow", "Robbery", PERIOD_2023, 1),),
                    citations=(_citation(1), _citation(2, "old.txt", date="2018-10 (approx)")))
    warnings = ui.answer_warnings(answer)
    assert warnings[0] == "Solved rate over 100%."
    assert any("not the period asked about" in w for w in warnings)
    assert any("Source [2] dates from October 2018" in w for w in warnings)
    agreeing = (_citation(1), _citation(2, "b.md"))
    assert ui.answer_warnings(Answer(text="t", answerable=True, citations=agreeing)) == []
    assert any("sources differ" in w for w in ui.answer_warnings(Answer(text="t", answerable=True,
                                                                        verdict="mixed")))


def test_ranking_chart_keeps_the_engine_order_and_colours_the_asked_area():
    frame = pd.DataFrame({"area": ["Basildon", "Chelmsford", "Maldon"], "value": [1073.0, 759.0, 170.0],
                          "highlight": [True, False, False]})
    spec = ui.chart_spec(Answer(text="t", answerable=True, chart=frame,
                                context=Query(text="q", measure="offences"))).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["y"]["sort"] == ["Basildon", "Chelmsford", "Maldon"]
    assert bars["color"]["condition"]["value"] == ui.HIGHLIGHT and bars["color"]["value"] == ui.MUTED
    assert bars["x"]["title"] == "Offences"


def test_two_year_chart_shows_both_years_and_single_bars_get_no_chart():
    frame = pd.DataFrame({"label": ["Colchester"] * 2, "period": [PERIOD_2023, PERIOD_2024], "value": [172.0, 171.0]})
    spec = ui.chart_spec(Answer(text="t", answerable=True, chart=frame)).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "period"
    assert [row["value"] for row in next(iter(spec["datasets"].values()))] == [172.0, 171.0]
    assert ui.chart_spec(Answer(text="t", answerable=True, chart=frame.head(1))) is None
    assert ui.chart_spec(Answer(text="t", answerable=True)) is None


def test_export_holds_questions_answers_verdicts_and_quotes():
    question = Answer(text="It was 1,465 [1].", answerable=True,
                      citations=(_citation(1, quote="- Shoplifting\t1450\t1465", table={"column": "x"}),))
    claim = Answer(text="The tables say 1.0%.", answerable=True, verdict="contradicted",
                   suggestion="Shoplifting rose by 1.0% [1].", citations=(_citation(1, quote="It rose."),))
    text = ui.export_markdown([ui.Turn("question", "How many?", question), ui.Turn("claim", "It rose 15%.", claim)])
    assert "## 1. Question: How many?" in text and "**Answer:** It was 1,465 [1]." in text
    assert "> - Shoplifting | 1450 | 1465" in text
    assert "## 2. Claim: It rose 15%." in text and "**Verdict:** Contradicted" in text
    assert "> Shoplifting rose by 1.0%.\n" in text and "> It rose." in text
    assert "*Title of a.md* (Council · 5 December 2024 · report). Part." in text


def test_verdict_badges():
    assert ui.verdict_badge("supported")[:2] == ("Supported", "green")
    assert ui.verdict_badge("contradicted")[:2] == ("Contradicted", "red")
    assert ui.verdict_badge(None)[1] == "gray"


# ---------------------------------------------------------------- the real app


@pytest.fixture
def app(index_dir, corpus_copy, monkeypatch) -> AppTest:
    monkeypatch.setenv("ASSISTANT_INDEX", str(index_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus_copy))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def ask(at: AppTest, text: str) -> AppTest:
    at.chat_input(key="prompt").set_value(text).run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """Everything the page says in markdown and captions, as one string."""
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def answers(at: AppTest) -> list[str]:
    """Each assistant message's answer text (its first markdown after any verdict badge)."""
    return [next((m.value for m in message.markdown if "-badge[:material/" not in m.value), "")
            for message in at.chat_message if message.name == "assistant"]


def charts(at: AppTest) -> list:
    return [*at.get("vega_lite_chart"), *at.get("arrow_vega_lite_chart")]


@pytest.mark.slow
def test_first_visit_shows_examples_corpus_panel_and_uploader(app):
    labels = [b.label for b in app.button]
    assert "How many shoplifting offences were recorded in Chelmsford in 2024?" in labels
    assert "Rebuild index" in labels
    assert "One Chelmsford Partnership Strategic Board" in shown(app)
    assert "sentence-transformers/all-MiniLM-L6-v2" in shown(app)
    assert len(app.file_uploader) == 1
    assert {".md", ".txt", ".html"} <= set(app.file_uploader[0].allowed_type)


@pytest.mark.slow
def test_example_button_asks_its_question(app):
    button = next(b for b in app.button if b.label.startswith("How many shoplifting"))
    button.click().run()
    assert not app.exception
    assert any("1,465" in text for text in answers(app))


@pytest.mark.slow
def test_table_question_shows_figure_citation_and_highlighted_row(app):
    ask(app, "How many shoplifting offences were recorded in Chelmsford in 2024?")
    assert any("1,465" in text for text in answers(app))
    assert ":blue-badge[1]" in shown(app)
    assert "Chelmsford › Rolling 12 Months to October 2023 vs 2024 › Shoplifting › Offences 2024" in shown(app)
    grid = app.dataframe[0].value
    assert grid.loc["Offences", "12 months to Oct 2024"] == "1465"
    assert grid.loc["Offences", "12 months to Oct 2023"] == "1450"
    assert "November 2023 to October 2024" in shown(app)


@pytest.mark.slow
def test_passage_question_quotes_its_source(app):
    ask(app, "When is the next Operation Dial night of action in Chelmsford city centre?")
    assert any("14 December 2024" in text for text in answers(app))
    assert any(m.value.startswith("> ") and "14 December 2024" in m.value for m in app.markdown)
    assert "Chelmsford City Council · 5 December 2024" in shown(app)
    assert any(e.label == "Surrounding passage" for e in app.expander)


@pytest.mark.slow
def test_ranking_question_draws_a_chart(app):
    ask(app, "Which district had the most burglaries in 2024?")
    assert any("Basildon" in text and "1,073" in text for text in answers(app))
    assert charts(app)


@pytest.mark.slow
def test_two_year_question_draws_both_years(app):
    ask(app, "How did robbery in Colchester change between 2023 and 2024?")
    assert any("172" in text and "171" in text for text in answers(app))
    assert charts(app)


@pytest.mark.slow
def test_follow_ups_keep_context_which_is_shown_and_can_be_cleared(app):
    ask(app, "What was the solved rate for robbery in Colchester in 2024?")
    ask(app, "And in Harlow?")
    assert "14.2" in answers(app)[-1]
    label = next(m.value for m in app.markdown if m.value.startswith(":gray[Follow-ups use]"))
    assert "Robbery · Harlow · solved rate" in label
    next(b for b in app.button if b.label == "Clear").click().run()
    assert not any(m.value.startswith(":gray[Follow-ups use]") for m in app.markdown)
    assert len(app.chat_message) == 4  # clearing the context keeps the conversation


@pytest.mark.slow
def test_three_turn_conversation_from_the_brief(app):
    for question in ("How many robberies in Colchester?", "And in Harlow?", "What about the solved rate?"):
        ask(app, question)
    assert "171" in answers(app)[0]
    assert "127" in answers(app)[1]
    assert "14.2" in answers(app)[2]


@pytest.mark.slow
def test_unanswerable_question_says_not_found(app):
    ask(app, "How many burglaries were recorded in Cambridge in 2024?")
    assert answers(app)[-1].startswith("Not found")
    assert not app.dataframe


@pytest.mark.slow
def test_caveat_is_shown_as_a_warning(app):
    ask(app, "What was the solved rate for homicide in Chelmsford in 2024?")
    assert any("above one hundred per cent" in w.value for w in app.warning)


@pytest.mark.slow
def test_bad_input_shows_an_error_and_keeps_the_conversation(app):
    ask(app, "How many shoplifting offences were recorded in Chelmsford in 2024?")
    ask(app, "   ")
    assert any("empty" in e.value for e in app.error)
    ask(app, "why " * 1000)
    assert any("limit" in e.value for e in app.error)
    assert any("1,465" in text for text in answers(app))
    assert len(app.session_state["turns"]) == 1


@pytest.mark.slow
def test_new_conversation_and_export(app):
    ask(app, "How many shoplifting offences were recorded in Chelmsford in 2024?")
    assert not app.download_button[0].disabled
    next(b for b in app.button if b.label == "New conversation").click().run()
    assert app.session_state["turns"] == [] and app.session_state["context"] is None
    assert not app.chat_message
    assert app.download_button[0].disabled


@pytest.fixture
def private_app(index_dir, corpus_copy, tmp_path, monkeypatch) -> tuple[AppTest, Path]:
    """The app on its own copy of the corpus and index, so an upload cannot change what other tests see."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(corpus_copy, corpus)
    shutil.copytree(index_dir, index)
    monkeypatch.setenv("ASSISTANT_INDEX", str(index))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus))
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at, corpus


@pytest.mark.slow
def test_upload_of_a_good_file_is_saved_and_indexed(private_app):
    at, corpus = private_app
    at.file_uploader[0].set_value(("../../Harlow update.md", GOOD_DOC, "text/markdown")).run()
    assert not at.exception, at.exception
    assert (corpus / "Harlow-update.md").read_bytes() == GOOD_DOC
    assert any("Added Harlow-update.md" in s.value for s in at.success)
    assert "Harlow community safety update" in shown(at)
    ask(at, "When did the Harlow town centre patrol pilot begin?")
    assert any("3 March 2025" in text for text in answers(at))


@pytest.mark.slow
def test_upload_with_title_publisher_and_date_is_cited_with_them(private_app):
    at, corpus = private_app
    at.text_input(key="upload_title").set_value("Harlow patrol pilot note")
    at.text_input(key="upload_publisher").set_value("Harlow Council")
    at.text_input(key="upload_date").set_value("2025-03-03")
    at.file_uploader[0].set_value(("note.md", GOOD_DOC, "text/markdown")).run()
    assert not at.exception, at.exception
    ask(at, "When did the Harlow town centre patrol pilot begin?")
    assert any("3 March 2025" in text for text in answers(at))
    page = shown(at)
    assert "Harlow patrol pilot note" in page and "Harlow Council" in page


@pytest.mark.slow
def test_upload_of_a_broken_file_is_refused_and_nothing_is_saved(private_app):
    at, corpus = private_app
    before = sorted(p.name for p in corpus.iterdir())
    at.file_uploader[0].set_value(("broken.txt", "caf\xe9".encode("latin-1"), "text/plain")).run()
    assert not at.exception, at.exception
    assert any("not UTF-8" in e.value for e in at.error)
    assert sorted(p.name for p in corpus.iterdir()) == before


@pytest.mark.slow
def test_claim_mode_shows_verdict_evidence_and_suggested_wording(app):
    app.segmented_control[0].set_value("Check a claim").run()
    ask(app, "Shoplifting in Castle Point more than doubled in the year to October 2024.")
    turn = app.session_state["turns"][-1]
    assert turn.kind == "claim" and turn.answer.verdict == "contradicted"
    assert any(m.value.startswith(":red-badge[") and "Contradicted" in m.value for m in app.markdown)
    assert app.dataframe  # the evidence row
    assert turn.answer.suggestion
    copyable = ui.without_markers(turn.answer.suggestion)
    assert "[1]" not in copyable and any(c.value == copyable for c in app.code)

