"""Drawing one turn of the conversation with Streamlit: the answer or the claim check, its sources, and the
actions under it (copy, rate, follow-ups).

The rules (what is escaped, how a claim is laid out, what the context is) live in the pure `ui*` modules;
this module only places them on the page. Every turn is drawn from its stored `Answer`, so a rerun redraws
the same thing. Turn numbers go into element ids and keys, so the [n] markers of turn T link to the source
cards of turn T only.
"""

from __future__ import annotations

import copy

import pandas as pd
import streamlit as st

from assistant import config
from assistant.engine import Assistant
from assistant.records import Citation
from assistant.shells import ui, ui_chart, ui_claims, ui_context, ui_feedback, ui_page


def _chart(answer, cache: dict) -> dict | None:
    """The chart's Vega-Lite spec, built once per turn: building it through Altair (with its schema check) on
    every rerun cost more than drawing it."""
    if "chart" not in cache:
        chart = ui_chart.chart_spec(answer)
        cache["chart"] = chart.to_dict() if chart is not None else None
    return cache["chart"]


def render_chart(number: int, answer, engine: Assistant, cache: dict) -> None:
    """The chart, and under it the data behind it: every bar's printed cell, checkable in the document."""
    spec = _chart(answer, cache)
    if spec is None:
        return
    with st.container(border=True):
        title = ui_context.context_label(answer.context, engine.forces)
        if title:
            st.caption(ui.md_escape(title))
        # A copy: Streamlit moves the data out of the spec it is given.
        st.vega_lite_chart(spec=copy.deepcopy(spec), width="stretch")
        if "data" not in cache:
            titles = {d: doc.title for d, doc in engine.index.documents.items()}
            cache["data"] = ui_chart.chart_data_markdown(answer, number, titles)
        if not cache["data"]:
            return
        with st.expander(f"The data behind this chart ({len(answer.chart)} printed figures)",
                         icon=":material/table_rows:"):
            st.caption("Each bar is a figure printed in the performance tables, shown here as printed and where. "
                       "A row the answer names links to its source card.")
            st.markdown(cache["data"])
            for i, (document, spans) in enumerate(ui_chart.chart_spans(answer).items()):
                if st.button("Open the document at these rows", key=f"chart-rows-{number}-{i}",
                             icon=":material/open_in_new:", type="tertiary",
                             help="Show the whole document with every charted row highlighted"):
                    show_document(engine, document, spans, f"chart-{number}-{i}", "rows the chart was read from")


def _row_as_printed(row: pd.DataFrame, table: dict) -> pd.DataFrame:
    """The printed row with its own column headers, in printed order, as one line."""
    values = {"Row": table.get("crime_type", "")}
    values.update({str(label): str(printed) for label, printed in zip(row["column_label"], row["printed"])})
    return pd.DataFrame([values])


def _table_view(citation: Citation, engine: Assistant) -> tuple | None:
    """What a table citation shows (the caption of the cited cell, the grid with it highlighted, the row as
    printed), or None when the row is no longer in the index."""
    table = citation.table or {}
    row = engine.table_row(table.get("area", ""), table.get("crime_type", ""))
    if row.empty:
        return None
    grid, cell = ui.row_grid(row, table.get("column"))
    where = f"{table.get('crime_type', '')}, {table.get('area', '')}"
    return (ui.used_cell_caption(row, table), ui_page.grid_table(grid.rename_axis("Measure"), cell, where),
            ui_page.grid_table(_row_as_printed(row, table).set_index("Row"), label=f"{where}, as printed"))


def render_table_citation(citation: Citation, engine: Assistant, cache: dict) -> None:
    key = ("row", citation.n)
    if key not in cache:  # worked out once per turn: reading the row and styling its grid cost most of a rerun
        cache[key] = _table_view(citation, engine)
    if cache[key] is None:
        st.code(citation.quote, language=None, wrap_lines=True)
        return
    caption, grid, printed = cache[key]
    st.caption(caption)  # the cited cell first: on a phone the grid may scroll
    # Static HTML tables: real header cells for screen readers, and no canvas grid (whose cell ids repeat).
    st.html(grid)
    with st.expander("Row as printed in the document"):
        st.html(printed)


@st.dialog("The document, at the cited place", width="large")
def show_document(engine: Assistant, document_id: str, spans: list[tuple[int, int]], mark_id: str,
                  what: str, quote: str = "") -> None:
    """The whole document with `spans` highlighted (the first scrolled into view); `quote` finds the place when
    the spans no longer fit the text."""
    document = engine.index.documents.get(document_id)
    if document is None:
        st.error("This document is no longer in the index.")
        return
    first = next(((a, b) for a, b in spans if 0 <= a < b <= len(document.text)), None)
    if first is None and quote:
        at = document.text.find(quote)
        first = (at, at + len(quote)) if at >= 0 else None
    st.markdown(f"**{ui.md_escape(document.title)}**  \n{ui.md_escape(ui.source_line(_source(document)))}")
    st.caption(f"The {what} {'are' if len(spans) > 1 else 'is'} highlighted.")
    start, end = first or (-1, -1)
    st.html(ui_page.document_view(document.text, start, end, mark_id, tuple(spans)))
    st.html(ui_page.scroll_to_mark(mark_id), unsafe_allow_javascript=True)


def _source(document) -> Citation:
    """The document's publisher, date and kind in the shape `ui.source_line` reads."""
    return Citation(n=0, document=document.id, title=document.title, locator="", quote="",
                    publisher=document.publisher, date=document.date, kind=document.kind)


def render_citation(turn: int, citation: Citation, engine: Assistant, cache: dict) -> None:
    st.html(ui_page.source_head(turn, citation.n, _where(citation)))
    if citation.table is not None:
        render_table_citation(citation, engine, cache)
    else:
        st.markdown("> " + ui.md_escape(" ".join(citation.quote.split())))
    if citation.document not in engine.index.documents:  # a police.uk filter over CSV files: no one text to open
        return
    if st.button("Open the document here", key=f"open-{turn}-{citation.n}", icon=":material/open_in_new:",
                 type="tertiary", help="Show the whole document with this source highlighted"):
        what = "cited row" if citation.table is not None else "cited passage"
        show_document(engine, citation.document, [(citation.start, citation.end)], f"cited-{turn}-{citation.n}",
                      what, citation.quote)


def _where(citation: Citation) -> str:
    """Where the source is printed, without the document title (shown above) or, for a table cell, the
    column's own header (the caption says which cell in words)."""
    where = ui.section_path(citation)
    column = (citation.table or {}).get("column")
    if column and where.endswith(" › " + column):
        where = where[:-len(column) - 3]
    return where


def render_sources(turn: int, citations: tuple[Citation, ...], engine: Assistant, cache: dict,
                   heading: str = "Sources", fold_over: int = 3) -> None:
    """Sources grouped by document; more than `fold_over` of them fold into one expander (a marker click
    opens it)."""
    if not citations:
        return
    folded = len(citations) > fold_over
    holder = st.expander(f"{heading}: {len(citations)}") if folded else st.container()
    with holder:
        if not folded:
            st.caption(heading.upper())
        for first, items in ui.group_by_document(list(citations)):
            with st.container(border=True):
                st.markdown(f"**{ui.md_escape(first.title)}**  \n{ui.md_escape(ui.source_line(first))}")
                for citation in items:
                    render_citation(turn, citation, engine, cache)


def render_warnings(answer) -> None:
    warnings = ui.answer_warnings(answer)
    if len(warnings) == 1:
        st.warning(ui.md_escape(warnings[0]), icon=":material/warning:")
    elif warnings:
        st.warning("**Before quoting this:**\n" + "\n".join(f"- {ui.md_escape(w)}" for w in warnings),
                   icon=":material/warning:")


def render_answer(turn: int, answer, engine: Assistant, cache: dict) -> None:
    main, assumed = ui.split_assumptions(answer.text)
    st.markdown(ui.answer_markdown(main, turn))
    if assumed:
        st.caption(":material/info: " + ui.md_escape(assumed))
    render_warnings(answer)
    render_chart(turn, answer, engine, cache)
    render_sources(turn, answer.citations, engine, cache)


def render_claim(turn: int, answer, engine: Assistant, cache: dict) -> None:
    """Verdict large, one line of reason, wording to use, the deciding evidence; the rest folded away."""
    view = ui_claims.claim_view(answer)
    st.html(ui_page.verdict_block(ui.verdict_badge(answer.verdict)[0], answer.verdict))
    st.markdown(ui.answer_markdown(view.reason, turn))
    for part in ui_claims.part_views(answer):
        st.markdown(f"**{ui.md_escape(ui.verdict_badge(part.verdict)[0])}**: “{ui.md_escape(part.claim)}”  \n"
                    + ui.answer_markdown(part.reason, turn))
    st.caption(ui.md_message(view.wording_note))
    if view.wording:
        st.code(view.wording, language=None, wrap_lines=True)
    render_warnings(answer)
    render_sources(turn, view.deciding, engine, cache, "Evidence that decides it", fold_over=6)
    if view.others or view.rest:
        with st.expander(f"Full explanation and other sources ({len(view.others)})"):
            if view.rest:
                st.markdown(ui.answer_markdown(view.rest, turn))
            for citation in view.others:
                render_citation(turn, citation, engine, cache)


def _save_feedback(turn: ui.Turn, key: str) -> None:
    rating = st.session_state.get(key)
    if rating is None:
        return
    comment = st.session_state.get(f"{key}-comment", "")
    ui_feedback.save_feedback(config.index_dir(), ui_feedback.feedback_record(
        turn.kind, turn.prompt, turn.answer, thumbs_up=rating == 1, comment=comment))


def render_actions(number: int, turn: ui.Turn) -> None:
    """Copy the answer; rate it (thumbs, then an optional comment), saved beside the index for reviewers."""
    text = ui.without_markers(turn.answer.text)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.html(ui_page.copy_button(text), width="content")
        key = f"feedback-{number}"
        st.feedback("thumbs", key=key, on_change=_save_feedback, args=(turn, key))
    if st.session_state.get(key) is not None:
        st.text_input("What was right or wrong? (optional, saved for the reviewers)", key=f"{key}-comment",
                      on_change=_save_feedback, args=(turn, key), placeholder="Press Enter to save")


def render_prompt(kind: str, prompt: str) -> None:
    """The user's message: the question or claim, drawn as typed."""
    with st.chat_message("user", avatar=":material/person:"):
        if kind == "claim":
            st.caption("CLAIM TO CHECK")
        st.markdown(ui.md_escape(prompt))


def render_reply(number: int, turn: ui.Turn, engine: Assistant) -> None:
    """The assistant's message, inside the one already opened (live, under its spinner, or from the history)."""
    if turn.kind == "claim":
        render_claim(number, turn.answer, engine, turn.view)
    else:
        render_answer(number, turn.answer, engine, turn.view)
    render_actions(number, turn)


@st.fragment
def render_turn(number: int, turn: ui.Turn, engine: Assistant) -> None:
    """One turn from the history. A fragment: rating it, opening a document or a folded section reruns this
    turn only, not the whole page with every other turn."""
    render_prompt(turn.kind, turn.prompt)
    with st.chat_message("assistant", avatar=":material/local_police:"):
        render_reply(number, turn, engine)
