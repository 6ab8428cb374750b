"""The chat UI: pure helpers on plain data, then the real app (real engine, model and index) through AppTest."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from apptest_helpers import wait_for_rebuild

from assistant.shells import ui, ui_chart, ui_claims, ui_context, ui_page
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
    assert ui_context.context_label(query) == "Robbery · Harlow · solved rate · 12 months to Oct 2024"
    assert ui_context.context_label(Query(text="x", areas=("Essex",), periods=(PERIOD_2023, PERIOD_2024)),
                                    ("Essex",)) == "Essex (force-wide) · 12 months to Oct 2023 and 2024"
    assert ui_context.context_label(Query(text="hello")) == ""
    assert ui_context.context_label(None) == ""


def test_answer_text_is_escaped_and_markers_link_to_their_source_cards():
    assert ui.answer_markdown("Up 5% to £1,465 [1] *not bold* $x$ [2].", turn=3) == \
        "Up 5% to £1,465 [\\[1\\]](#src-3-1) \\*not bold\\* \\$x\\$ [\\[2\\]](#src-3-2)."
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
    assert grid.loc["Offences", "12 months to Oct 2024"] == "1,465"
    assert grid.loc["Solved rate %", "Change"] == "5.2"
    assert cell == ("Offences", "12 months to Oct 2024")
    html = ui_page.grid_table(grid.rename_axis("Measure"), cell, "Shoplifting, Chelmsford")
    assert html.count('class="used"') == 1 and '<td class="used">1,465</td>' in html
    assert html.count('<th scope="col">') == len(grid.columns) + 1 and html.count('<th scope="row">') == len(grid)
    caption = ui.used_cell_caption(_row(), {"area": "Chelmsford", "crime_type": "Shoplifting",
                                            "column": "Offences 2024"})
    assert "**1,465**" in caption and "#" not in caption and "November 2023 to October 2024" in caption


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
    spec = ui_chart.chart_spec(Answer(text="t", answerable=True, chart=frame,
                                      context=Query(text="q", measure="offences"))).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["y"]["sort"] == ["Basildon", "Chelmsford", "Maldon"]
    assert bars["color"]["condition"]["value"] == ui_chart.HIGHLIGHT and bars["color"]["value"] == ui_chart.MUTED
    assert bars["x"]["title"] == "Offences"


def test_two_year_chart_shows_both_years_and_single_bars_get_no_chart():
    frame = pd.DataFrame({"label": ["Colchester"] * 2, "period": [PERIOD_2023, PERIOD_2024], "value": [172.0, 171.0]})
    spec = ui_chart.chart_spec(Answer(text="t", answerable=True, chart=frame)).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "period"
    assert [row["value"] for row in next(iter(spec["datasets"].values()))] == [172.0, 171.0]
    assert ui_chart.chart_spec(Answer(text="t", answerable=True, chart=frame.head(1))) is None
    assert ui_chart.chart_spec(Answer(text="t", answerable=True)) is None


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


def test_only_an_answered_table_question_sets_the_context():
    context = Query(text="q", areas=("Colchester",), crime_types=("Robbery",), measure="offences")
    table = _citation(1, table={"column": "Offences 2024"})
    asked = Query(text="And in Harlow?", areas=("Harlow",), crime_types=("Robbery",), measure="offences")
    answered = Answer(text="t [1]", answerable=True, citations=(table,), context=asked)
    assert ui_context.next_context(context, "question", answered) is asked
    refused = Answer(text="Not found.", answerable=False, context=asked)
    passage = Answer(text="t [1]", answerable=True, citations=(_citation(1),), context=Query(text="x", areas=("Harlow",)))
    claim = Answer(text="t [1]", answerable=True, citations=(table,), context=asked, verdict="supported")
    assert ui_context.next_context(context, "question", refused) is context
    assert ui_context.next_context(context, "question", passage) is context
    assert ui_context.next_context(context, "claim", claim) is context
    assert ui_context.next_context(None, "question", refused) is None


def test_the_chip_names_an_inherited_ranking_or_change():
    from assistant.understand.query import RankSpec

    ranked = Query(text="q", crime_types=("Burglary",), measure="offences", rank=RankSpec(by="change"))
    assert ui_context.context_label(ranked) == "Burglary · offences · ranked: most by change"
    change = Query(text="q", areas=("Harlow",), crime_types=("Robbery",), periods=(PERIOD_2023, PERIOD_2024),
                   change=True)
    assert ui_context.context_label(change).endswith("12 months to Oct 2023 and 2024 · change")


def test_every_choice_the_chip_editor_offers_round_trips(engine):
    """Property over the catalogue: any area, crime type, measure and period picked in the editor makes a
    context that the editor shows back as picked, and whose label names them."""
    catalogue = engine.index.catalogue
    options = ui_context.choices(catalogue)
    assert len(options["area"]) == len(catalogue.areas) + 1 and len(options["crime_type"]) == \
        len(catalogue.crime_types) + 1
    for area in options["area"][1:]:
        for period in options["period"]:
            picked = {"area": area, "crime_type": ui_context.ANY, "measure": "solved rate %", "period": period}
            query = ui_context.edited_context(None, picked, catalogue)
            assert ui_context.current_choices(query, catalogue) == picked
            assert area in ui_context.context_label(query) and "solved rate" in ui_context.context_label(query)
    nothing = {"area": ui_context.ANY, "crime_type": ui_context.ANY, "measure": "offences", "period": ui_context.ANY}
    assert ui_context.edited_context(None, nothing, catalogue) is None


def test_an_edited_context_is_what_the_next_follow_up_uses(engine):
    catalogue = engine.index.catalogue
    latest = catalogue.latest()
    picked = {"area": catalogue.districts()[-1], "crime_type": "Robbery", "measure": "offences",
              "period": latest.periods[0]}
    context = ui_context.edited_context(None, picked, catalogue)
    answer = engine.ask("What about the solved rate?", context=context)
    assert answer.answerable
    assert answer.context.areas == (picked["area"],) and answer.context.crime_types == ("Robbery",)
    assert answer.context.periods == (latest.periods[0],) and answer.context.measure == "solved rate %"


def test_suggested_follow_ups_are_answered_in_the_context_shown(engine):
    """Each suggestion under an answer is itself answered from the tables, keeping the chip's crime type."""
    context = None
    for question in ("How many robberies in Colchester?", "What was the solved rate for burglary in Harlow?"):
        first = engine.ask(question)
        context = ui_context.next_context(None, "question", first)
        suggestions = ui_context.follow_ups(context, engine.index.catalogue)
        assert len(suggestions) == 3
        for suggestion in suggestions:
            answer = engine.ask(suggestion, context=context)
            assert answer.answerable, (suggestion, answer.text)
            assert answer.context.crime_types == context.crime_types, suggestion


def test_a_claim_view_puts_the_deciding_source_first_and_words_every_verdict():
    rows = (_citation(1, table={"column": "x"}), _citation(2, "b.md"))
    contradicted = Answer(text="Contradicted. The tables show it rose 0.1% [1]. This contradicts the claim. "
                               "A 2021 article says it fell 9.2% [2]. This backs the claim.", answerable=True,
                          verdict="contradicted", citations=rows, suggestion="It rose by 0.1% [1].")
    view = ui_claims.claim_view(contradicted)
    assert view.reason == "The tables show it rose 0.1% [1]. This contradicts the claim."
    assert [c.n for c in view.deciding] == [1] and [c.n for c in view.others] == [2]
    assert view.rest.startswith("A 2021 article") and view.wording == "It rose by 0.1%."
    supported = Answer(text="Supported. The tables show it fell 6.9% [1]. This backs the claim.", answerable=True,
                       verdict="supported", citations=rows[:1])
    assert ui_claims.claim_view(supported).wording == "The tables show it fell 6.9%."
    nothing = Answer(text="Not found. No document gives a figure on this.", answerable=False, verdict="not found")
    view = ui_claims.claim_view(nothing)
    assert view.reason == nothing.text and view.wording == "" and "No wording" in view.wording_note


def test_a_compound_claim_shows_each_part_with_its_own_reason():
    rows = (_citation(1, table={"column": "x"}), _citation(2, table={"column": "y"}))
    part_a = Answer(text="Supported. The tables show burglary fell 5.0% [1]. This backs the claim.", answerable=True,
                    verdict="supported", claim="Burglary fell", citations=rows[:1])
    part_b = Answer(text="Contradicted. The tables show robbery fell 2.0% [2]. This contradicts the claim.",
                    answerable=True, verdict="contradicted", claim="robbery rose", citations=rows[1:],
                    suggestion="Robbery fell by 2.0% [2].")
    whole = Answer(text="Mixed: the parts of the claim do not all hold. The first part ...", answerable=True,
                   verdict="mixed", citations=rows, parts=(part_a, part_b), suggestion="Robbery fell by 2.0% [2].")
    view = ui_claims.claim_view(whole)
    assert view.reason == "Mixed: the parts of the claim do not all hold."
    assert [c.n for c in view.deciding] == [1, 2] and view.wording == "Robbery fell by 2.0%."
    parts = ui_claims.part_views(whole)
    assert [(p.claim, p.verdict) for p in parts] == [("Burglary fell", "supported"), ("robbery rose", "contradicted")]
    assert parts[1].reason == "The tables show robbery fell 2.0% [2]. This contradicts the claim."


def test_feedback_is_appended_beside_the_index(tmp_path):
    import json

    from assistant.shells import ui_feedback

    answer = Answer(text="It was 1,465 [1].", answerable=True, citations=(_citation(1),))
    ui_feedback.save_feedback(tmp_path, ui_feedback.feedback_record("question", "How many?", answer, True))
    ui_feedback.save_feedback(tmp_path, ui_feedback.feedback_record("question", "How many?", answer, False,
                                                                    " wrong year "))
    lines = [json.loads(line) for line in (tmp_path / "feedback.jsonl").read_text().splitlines()]
    assert [(r["rating"], r["comment"]) for r in lines] == [("up", ""), ("down", "wrong year")]
    assert lines[0]["documents"] == ["a.md"] and lines[0]["prompt"] == "How many?"


def test_a_rebuild_runs_in_the_background_and_queues_a_request_made_meanwhile():
    import threading
    from types import SimpleNamespace

    from assistant.shells.ui_rebuild import RebuildJob

    gate, calls, dropped = threading.Event(), [], []

    def build(force, progress):
        calls.append(force)
        progress("Embedding", 0.5)
        gate.wait(10)
        return SimpleNamespace(documents=5, seconds=1.0, embedded=2, reused=3)

    job = RebuildJob(build, on_done=lambda: dropped.append(1))
    job.request(force=False, done="Added a.md.")
    deadline = time.monotonic() + 5
    while job.state().message != "Embedding" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert job.state().running and job.state().fraction == 0.5  # the caller was not held
    job.request(force=True, done="Removed b.md.")  # while the first build runs: queued, not lost
    gate.set()
    while job.state().running and time.monotonic() < deadline:
        time.sleep(0.01)
    state = job.state()
    assert calls == [False, True] and state.finished == 2 and dropped == [1, 1]
    assert state.outcome == ("success", "Removed b.md. 5 documents indexed in 1 s (2 passages embedded, 3 reused).")


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
    """Everything the page says in markdown, captions and HTML (source cards, verdicts), as one string."""
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] +
                     [h.proto.body for h in at.get("html")])


def answers(at: AppTest) -> list[str]:
    """Each assistant message's answer text (its first markdown)."""
    return [next((m.value for m in message.markdown), "") for message in at.chat_message
            if message.name == "assistant"]


def chip(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Follow-ups use:"))


def charts(at: AppTest) -> list:
    return [*at.get("vega_lite_chart"), *at.get("arrow_vega_lite_chart")]


@pytest.mark.slow
def test_first_visit_shows_examples_corpus_panel_and_uploader(app):
    labels = [b.label for b in app.button]
    assert "Rebuild index" in labels
    assert any(label.startswith("How many ") for label in labels)
    assert "One Chelmsford Partnership Strategic Board" in shown(app)
    assert "MiniLM" not in shown(app) and "Data-quality" not in shown(app)  # no internal names
    assert len(app.file_uploader) == 1
    assert {".md", ".txt", ".html"} <= set(app.file_uploader[0].allowed_type)


@pytest.mark.slow
def test_example_button_asks_its_question(app):
    button = next(b for b in app.button if b.label.startswith("How many "))
    button.click().run()
    assert not app.exception
    assert app.session_state["turns"][-1].prompt == button.label
    assert app.session_state["turns"][-1].answer.answerable


def test_examples_are_built_from_the_index_and_all_answered(engine):
    """Property: every example the welcome screen offers names only what this index's tables print and is
    answered; the example claims get the verdicts they were built for."""
    built = ui_context.examples(engine.index.catalogue, engine.index.frame)
    assert len(built["question"]) == 4 and len(built["claim"]) == 2
    for question in built["question"]:
        answer = engine.ask(question)
        assert answer.answerable and answer.citations, question
    assert [engine.check(claim).verdict for claim in built["claim"]] == ["supported", "contradicted"]


@pytest.mark.slow
def test_table_question_shows_figure_citation_and_highlighted_row(app):
    ask(app, "How many shoplifting offences were recorded in Chelmsford in 2024?")
    assert any("1,465" in text for text in answers(app))
    assert "[\\[1\\]](#src-0-1)" in shown(app)
    assert 'id="src-0-1"' in shown(app)  # the marker's target: the source card
    assert "Chelmsford › Rolling 12 Months to October 2023 vs 2024 › Shoplifting<" in shown(app)
    grid, printed = [h.proto.body for h in app.get("html") if 'class="grid"' in h.proto.body][:2]
    assert '<td class="used">1,465</td>' in grid and "<td>1,450</td>" in grid  # the cited cell, highlighted
    headers = re.findall(r'<th scope="col">([^<]*)</th>', printed)  # the row as printed, under its own headers
    cells = re.findall(r"<td>([^<]*)</td>", printed)
    assert dict(zip(headers[1:], cells))["Offences 2024"] == "1465"
    assert "November 2023 to October 2024" in shown(app)


@pytest.mark.slow
def test_passage_question_quotes_its_source(app):
    ask(app, "When is the next Operation Dial night of action in Chelmsford city centre?")
    assert any("14 December 2024" in text for text in answers(app))
    assert any(m.value.startswith("> ") and "14 December 2024" in m.value for m in app.markdown)
    assert "Chelmsford City Council · 5 December 2024" in shown(app)
    assert any(b.label == "Open the document here" for b in app.button)


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
    assert "Robbery · Harlow · solved rate" in chip(app)
    next(b for b in app.button if b.label == "Clear").click().run()
    assert chip(app) == "Follow-ups use: nothing yet"
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
    assert 'class="grid"' not in shown(app)


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
    next(b for b in app.button if b.label == "Start a new conversation").click().run()
    assert app.session_state["turns"] == [] and app.session_state["context"] is None
    assert not app.chat_message
    assert app.download_button[0].disabled
    next(b for b in app.button if b.label.startswith("Reopen: How many shoplifting")).click().run()
    assert len(app.session_state["turns"]) == 1 and app.session_state["context"] is not None
    assert any("1,465" in text for text in answers(app))


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
def test_upload_of_a_good_file_is_saved_and_indexed_in_the_background(private_app):
    at, corpus = private_app
    at.file_uploader[0].set_value(("../../Harlow update.md", GOOD_DOC, "text/markdown")).run()
    assert not at.exception, at.exception
    assert (corpus / "Harlow-update.md").read_bytes() == GOOD_DOC
    assert any("Added Harlow-update.md; indexing it now." in s.value for s in at.success)
    assert wait_for_rebuild(at).startswith("Added Harlow-update.md.")
    assert "Harlow community safety update" in shown(at)
    ask(at, "When did the Harlow town centre patrol pilot begin?")
    assert any("3 March 2025" in text for text in answers(at))


@pytest.mark.slow
def test_upload_with_title_publisher_and_date_is_cited_with_them_and_a_duplicate_is_refused(private_app):
    at, corpus = private_app
    at.text_input(key="upload_title").set_value("Harlow patrol pilot note")
    at.text_input(key="upload_publisher").set_value("Harlow Council")
    at.text_input(key="upload_date").set_value("2025-03-03")
    at.file_uploader[0].set_value(("note.md", GOOD_DOC, "text/markdown")).run()
    assert not at.exception, at.exception
    wait_for_rebuild(at)
    ask(at, "When did the Harlow town centre patrol pilot begin?")
    assert any("3 March 2025" in text for text in answers(at))
    page = shown(at)
    assert "Harlow patrol pilot note" in page and "Harlow Council · 3 March 2025" in page
    at.file_uploader[0].set_value(("again.md", GOOD_DOC, "text/markdown")).run()
    assert any("already in the corpus as note.md" in e.value for e in at.error)
    assert not (corpus / "again.md").exists()


@pytest.mark.slow
def test_an_upload_can_be_removed_again(private_app):
    at, corpus = private_app
    at.file_uploader[0].set_value(("note.md", GOOD_DOC, "text/markdown")).run()
    wait_for_rebuild(at)
    next(b for b in at.button if b.label == "Remove").click().run()
    assert not (corpus / "note.md").exists()
    assert wait_for_rebuild(at).startswith("Removed note.md.")
    assert "Harlow community safety update" not in shown(at)


@pytest.mark.slow
def test_upload_of_a_broken_file_is_refused_and_nothing_is_saved(private_app):
    at, corpus = private_app
    before = sorted(p.name for p in corpus.iterdir())
    at.file_uploader[0].set_value(("broken.txt", "caf\xe9".encode("latin-1"), "text/plain")).run()
    assert not at.exception, at.exception
    assert any("not UTF-8" in e.value for e in at.error)
    assert sorted(p.name for p in corpus.iterdir()) == before


@pytest.mark.slow
@pytest.mark.parametrize("claim, verdict", [
    ("Shoplifting in Castle Point more than doubled in the year to October 2024.", "contradicted"),
    ("Anti-social behaviour in Chelmsford fell by 8.7% in the year to October 2024.", None),
    ("The PFCC has funded 905 extra officers for Essex Police.", None),
])
def test_claim_check_shows_the_verdict_large_a_reason_and_wording_for_every_verdict(app, claim, verdict):
    app.segmented_control[0].set_value("Check a claim").run()
    ask(app, claim)
    turn = app.session_state["turns"][-1]
    assert turn.kind == "claim" and turn.answer.verdict in ui.VERDICTS
    if verdict:
        assert turn.answer.verdict == verdict
    label = ui.verdict_badge(turn.answer.verdict)[0]
    assert f"Verdict: {label}" in shown(app)
    view = ui_claims.claim_view(turn.answer)
    assert answers(app)[-1] == ui.answer_markdown(view.reason, 0)  # the reason comes straight after the verdict
    assert view.wording_note in shown(app)
    if turn.answer.verdict != "not found":
        assert view.wording and any(c.value == view.wording for c in app.code)
        assert "[" not in view.wording
    assert app.session_state["context"] is None  # a claim never sets the follow-up context
