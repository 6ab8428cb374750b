"""Drawing one turn of the conversation with Streamlit: the answer or the claim check, its sources, and the
actions under it (copy, rate, follow-ups).

The rules (what is escaped, how a claim is laid out, what the context is) live in the pure `ui*` modules;
this module only places them on the page. Every turn is drawn from its stored `Answer`, so a rerun redraws
the same thing. Turn numbers go into element ids and keys, so the [n] markers of turn T link to the source
cards of turn T only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant import config
from assistant.engine import Assistant
from assistant.records import Citation
from assistant.shells import ui, ui_claims, ui_context, ui_feedback, ui_page


def render_chart(answer, forces: tuple[str, ...]) -> None:
    chart = ui.chart_spec(answer)
    if chart is None:
        return
    with st.container(border=True):
        title = ui_context.context_label(answer.context, forces)
        if title:
            st.caption(ui.md_escape(title))
        st.altair_chart(chart, width="stretch")
        cited = [c for c in answer.citations if c.table is not None]
        if cited and len(cited) >= len(answer.chart):  # said only when it is true of every bar
            st.caption("Every bar is a cited cell of the performance tables: sources "
                       f"{', '.join(f'[{c.n}]' for c in cited)} below.")


def _row_as_printed(row: pd.DataFrame, table: dict) -> pd.DataFrame:
    """The printed row with its own column headers, in printed order, as one line."""
    values = {"Row": table.get("crime_type", "")}
    values.update({str(label): str(printed) for label, printed in zip(row["column_label"], row["printed"])})
    return pd.DataFrame([values])


def render_table_citation(citation: Citation, engine: Assistant) -> None:
    table = citation.table or {}
    row = engine.table_row(table.get("area", ""), table.get("crime_type", ""))
    if row.empty:
        st.code(citation.quote, language=None, wrap_lines=True)
        return
    grid, cell = ui.row_grid(row, table.get("column"))
    st.caption(ui.used_cell_caption(row, table))  # the cited cell first: on a phone the grid may scroll
    # Static HTML tables: real header cells for screen readers, and no canvas grid (whose cell ids repeat).
    st.table(ui.styled_grid(grid.rename_axis("Measure"), cell))
    with st.expander("Row as printed in the document"):
        st.table(_row_as_printed(row, table).set_index("Row"))


@st.dialog("The document, at the cited place", width="large")
def open_document(engine: Assistant, citation: Citation, mark_id: str) -> None:
    document = engine.index.documents.get(citation.document)
    if document is None:
        st.error("This document is no longer in the index.")
        return
    st.markdown(f"**{ui.md_escape(document.title)}**  \n{ui.md_escape(ui.source_line(citation))}")
    start, end = citation.start, citation.end
    if not 0 <= start < end <= len(document.text):
        start = document.text.find(citation.quote)
        end = start + len(citation.quote)
    st.caption("The cited " + ("row" if citation.table is not None else "passage") + " is highlighted.")
    st.html(ui_page.document_view(document.text, start, end, mark_id))
    st.html(ui_page.scroll_to_mark(mark_id), unsafe_allow_javascript=True)


def render_citation(turn: int, citation: Citation, engine: Assistant) -> None:
    st.html(ui_page.source_head(turn, citation.n, _where(citation)))
    if citation.table is not None:
        render_table_citation(citation, engine)
    else:
        st.markdown("> " + ui.md_escape(" ".join(citation.quote.split())))
    if st.button("Open the document here", key=f"open-{turn}-{citation.n}", icon=":material/open_in_new:",
                 type="tertiary", help="Show the whole document with this source highlighted"):
        open_document(engine, citation, f"cited-{turn}-{citation.n}")


def _where(citation: Citation) -> str:
    """Where the source is printed, without the document title (shown above) or, for a table cell, the
    column's own header (the caption says which cell in words)."""
    where = ui.section_path(citation)
    column = (citation.table or {}).get("column")
    if column and where.endswith(" › " + column):
        where = where[:-len(column) - 3]
    return where


def render_sources(turn: int, citations: tuple[Citation, ...], engine: Assistant, heading: str = "Sources",
                   fold_over: int = 3) -> None:
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
                    render_citation(turn, citation, engine)


def render_warnings(answer) -> None:
    warnings = ui.answer_warnings(answer)
    if len(warnings) == 1:
        st.warning(ui.md_escape(warnings[0]), icon=":material/warning:")
    elif warnings:
        st.warning("**Before quoting this:**\n" + "\n".join(f"- {ui.md_escape(w)}" for w in warnings),
                   icon=":material/warning:")


def render_answer(turn: int, answer, engine: Assistant) -> None:
    main, assumed = ui.split_assumptions(answer.text)
    st.markdown(ui.answer_markdown(main, turn))
    if assumed:
        st.caption(":material/info: " + ui.md_escape(assumed))
    render_warnings(answer)
    render_chart(answer, engine.forces)
    render_sources(turn, answer.citations, engine)


def render_claim(turn: int, answer, engine: Assistant) -> None:
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
    render_sources(turn, view.deciding, engine, "Evidence that decides it", fold_over=6)
    if view.others or view.rest:
        with st.expander(f"Full explanation and other sources ({len(view.others)})"):
            if view.rest:
                st.markdown(ui.answer_markdown(view.rest, turn))
            for citation in view.others:
                render_citation(turn, citation, engine)


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


def render_turn(number: int, turn: ui.Turn, engine: Assistant) -> None:
    with st.chat_message("user", avatar=":material/person:"):
        if turn.kind == "claim":
            st.caption("CLAIM TO CHECK")
        st.markdown(ui.md_escape(turn.prompt))
    with st.chat_message("assistant", avatar=":material/local_police:"):
        if turn.kind == "claim":
            render_claim(number, turn.answer, engine)
        else:
            render_answer(number, turn.answer, engine)
        render_actions(number, turn)

