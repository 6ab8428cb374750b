"""Chat with the Essex crime and community-safety documents: a thin Streamlit shell over `Assistant`.

Run with `streamlit run streamlit_app.py`. Paths come from `assistant.config` at run time, so
ASSISTANT_INDEX / ASSISTANT_CORPUS point the app at another index or corpus (the tests do).
Formatting rules live in `assistant.ui` (pure, tested without Streamlit); this file only lays them out.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import streamlit as st

from assistant import config
from assistant.shells import ui
from assistant.engine import Assistant
from assistant.errors import AssistantError, QuestionError
from assistant.ingest import uploads
from assistant.understand.query import Query

ASK, CHECK = "Ask a question", "Check a claim"
EXAMPLES = {
    ASK: [
        "How many shoplifting offences were recorded in Chelmsford in 2024?",
        "Which district had the most burglaries in 2024?",
        "How did robbery in Colchester change between 2023 and 2024?",
        "What was the solved rate for robbery in Colchester in 2024?",
        "When is the next Operation Dial night of action in Chelmsford city centre?",
        "Is knife crime falling?",
    ],
    CHECK: [
        "Anti-social behaviour in Chelmsford fell by 8.7% in the year to October 2024.",
        "Shoplifting in Castle Point more than doubled in the year to October 2024.",
        "The PFCC has funded 905 extra officers for Essex Police.",
    ],
}
PLACEHOLDERS = {ASK: "Ask about crime or community safety in Essex…",
                CHECK: "Paste a claim to check, e.g. “Burglary in Harlow fell by a quarter”…"}

st.set_page_config(page_title="Essex Community Safety Assistant", page_icon=":material/local_police:",
                   layout="wide", initial_sidebar_state="expanded")


@st.cache_resource(show_spinner=False)
def load_engine(index_dir: str, corpus_dir: str) -> Assistant:
    """One engine per server process and index: every session shares it (it is read-only after load).

    The model and the claims' reading of the prose are warmed here, behind the loading spinner, so the
    first visitor's first question is as quick as the next one's."""
    engine = Assistant.load(Path(index_dir), Path(corpus_dir), build_if_missing=True)
    engine.warm()
    return engine


def init_state() -> None:
    defaults = {"turns": [], "context": None, "pending": None, "uploader": 0, "flash": None, "mode": ASK}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def new_conversation() -> None:
    st.session_state.turns = []
    st.session_state.context = None


def clear_context() -> None:
    st.session_state.context = None


def ask_example(kind: str, text: str) -> None:
    st.session_state.pending = (kind, text)


# ---------------------------------------------------------------- answers


def render_chart(answer, forces: tuple[str, ...]) -> None:
    chart = ui.chart_spec(answer)
    if chart is None:
        return
    with st.container(border=True):
        title = ui.context_label(answer.context, forces)
        if title:
            st.caption(ui.md_escape(title))
        st.altair_chart(chart, width="stretch")


def render_table_citation(citation, engine: Assistant) -> None:
    table = citation.table or {}
    row = engine.table_row(table.get("area", ""), table.get("crime_type", ""))
    if row.empty:
        st.code(citation.quote, language=None, wrap_lines=True)
        return
    grid, cell = ui.row_grid(row, table.get("column"))
    st.dataframe(ui.styled_grid(grid, cell), width="content")
    st.caption(ui.used_cell_caption(row, table))


def render_citation(citation, engine: Assistant, compact: bool) -> None:
    st.markdown(f":blue-badge[{citation.n}] :gray[{ui.md_escape(ui.section_path(citation))}]")
    if citation.table is not None:
        render_table_citation(citation, engine)
        if not compact:
            with st.expander("Row as printed in the document"):
                st.code(citation.quote.replace("\t", "   "), language=None, wrap_lines=True)
        return
    st.markdown("> " + ui.md_escape(" ".join(citation.quote.split())))
    if citation.context and not compact:
        with st.expander("Surrounding passage"):
            st.markdown(ui.highlight_quote(citation.context, citation.quote))


def render_sources(answer, engine: Assistant, heading: str = "Sources", show_up_to: int = 3) -> None:
    """Sources grouped by document; more than `show_up_to` of them fold into one expander."""
    citations = answer.citations
    if not citations:
        return
    compact = len(citations) > show_up_to
    holder = st.expander(f"{heading}: {len(citations)} cited rows and passages") if compact else st.container()
    with holder:
        if not compact:
            st.caption(heading.upper())
        for first, items in ui.group_by_document(citations):
            with st.container(border=True):
                st.markdown(f"**{ui.md_escape(first.title)}**  \n:gray[{ui.md_escape(ui.source_line(first))}]")
                for citation in items:
                    render_citation(citation, engine, compact)


def render_answer(turn: ui.Turn, engine: Assistant) -> None:
    answer = turn.answer
    if turn.kind == "claim":
        label, colour, icon = ui.verdict_badge(answer.verdict)
        st.badge(label, color=colour, icon=icon)
    main, assumed = ui.split_assumptions(answer.text)
    st.markdown(ui.answer_markdown(main))
    if assumed:
        st.caption(":material/info: " + ui.md_escape(assumed))
    warnings = ui.answer_warnings(answer)
    if len(warnings) == 1:
        st.warning(ui.md_escape(warnings[0]), icon=":material/warning:")
    elif warnings:
        st.warning("**Before quoting this:**\n" + "\n".join(f"- {ui.md_escape(w)}" for w in warnings),
                   icon=":material/warning:")
    render_chart(answer, engine.forces)
    if answer.suggestion:
        st.caption("SUGGESTED WORDING: copy it with the button at the right of the box")
        st.code(ui.without_markers(answer.suggestion), language=None, wrap_lines=True)
    if turn.kind == "claim":
        render_sources(answer, engine, "Evidence", show_up_to=6)
    else:
        render_sources(answer, engine)


def render_turn(turn: ui.Turn, engine: Assistant) -> None:
    with st.chat_message("user", avatar=":material/person:"):
        if turn.kind == "claim":
            st.badge("Claim to check", color="violet", icon=":material/fact_check:")
        st.markdown(ui.md_escape(turn.prompt))
    with st.chat_message("assistant", avatar=":material/local_police:"):
        render_answer(turn, engine)


def respond(engine: Assistant, kind: str, prompt: str) -> None:
    """Answer one prompt live; on success store it and rerun so the header, context and export catch up."""
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(ui.md_escape(prompt))
    with st.chat_message("assistant", avatar=":material/local_police:"):
        try:
            with st.spinner("Checking the claim against the documents…" if kind == "claim"
                            else "Searching the documents…"):
                if kind == "claim":
                    answer = engine.check(prompt)
                else:
                    answer = engine.ask(prompt, context=st.session_state.context)
        except QuestionError as error:
            st.error(ui.md_message(error), icon=":material/error:")
            return
        except ImportError:
            st.error("Claim checking is not installed in this version (assistant/claims.py is missing).")
            return
        except AssistantError as error:
            st.error(ui.md_message(error), icon=":material/error:")
            return
        except Exception as error:  # a bug must not cost the user the conversation; the log keeps the trace
            logging.getLogger(__name__).exception("answering %r failed", prompt)
            st.error(ui.md_message(f"Something went wrong answering this ({type(error).__name__}: {error}). "
                                   f"The conversation is kept; try rephrasing the question."),
                     icon=":material/error:")
            return
    st.session_state.turns.append(ui.Turn(kind, prompt, answer))
    if kind == "question" and isinstance(answer.context, Query):
        st.session_state.context = answer.context
    st.rerun()


# ---------------------------------------------------------------- page parts


def header() -> None:
    turns = st.session_state.turns
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.markdown("### :material/local_police: Essex Community Safety Assistant")
    with right, st.container(horizontal=True, horizontal_alignment="right"):
        st.button("New conversation", icon=":material/add_comment:", on_click=new_conversation,
                  disabled=not turns)
        st.download_button("Export", data=ui.export_markdown(turns, datetime.now().strftime("%d %B %Y %H:%M")),
                           file_name="essex-assistant-conversation.md", mime="text/markdown",
                           icon=":material/download:", disabled=not turns, on_click="ignore",
                           help="Download the conversation, with sources and quotes, as Markdown")
    st.caption("Plain-English answers about crime and community safety in Essex, drawn from the Essex Police "
               "performance tables (12 months to October 2023 and 2024) and council, police and PFCC documents. "
               "Every figure cites the line it came from.")


def welcome(mode: str) -> None:
    with st.container(border=True):
        if mode == CHECK:
            st.markdown("**Check a claim before it goes out.** Paste a sentence from a press release or a speech; "
                        "the assistant marks it supported, contradicted or not found, shows the table row or "
                        "passage, and suggests accurate wording.")
        else:
            st.markdown("**Ask about recorded crime, solved rates and community-safety work in Essex.** "
                        "Follow-up questions keep their context: ask about Colchester, then *“And in Harlow?”*.")
        st.caption("TRY ONE OF THESE")
        kind = "claim" if mode == CHECK else "question"
        columns = st.columns(3)
        for i, example in enumerate(EXAMPLES[mode]):
            columns[i % 3].button(example, key=f"example-{mode}-{i}", on_click=ask_example, args=(kind, example),
                                  width="stretch", icon=":material/fact_check:" if kind == "claim"
                                  else ":material/chat_bubble:")


def bottom_bar(forces: tuple[str, ...]) -> tuple[str, str | None]:
    """Mode switch and the inherited context above the chat input; returns (mode, submitted prompt)."""
    with st.bottom:
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            mode = st.segmented_control("Mode", [ASK, CHECK], key="mode", required=True,
                                        label_visibility="collapsed") or ASK
            label = ui.context_label(st.session_state.context, forces) if mode == ASK else ""
            if label:
                st.markdown(f":gray[Follow-ups use] :blue-badge[{ui.md_escape(label)}]",
                            width="content")
                st.button("Clear", icon=":material/close:", type="tertiary", on_click=clear_context,
                          help="Forget this context: the next question starts afresh")
        prompt = st.chat_input(PLACEHOLDERS[mode], key="prompt")
    return mode, prompt


def rebuild(force: bool, done: str) -> None:
    bar = st.progress(0.0, text="Starting…")

    def progress(message: str, fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)

    try:
        report = Assistant.build(force=force, progress=progress)
    except AssistantError as error:
        st.session_state.flash = ("error", str(error))
    else:
        load_engine.clear()
        st.session_state.flash = ("success", f"{done} {report.documents} documents indexed in "
                                             f"{report.seconds:.0f} s ({report.embedded} passages embedded, "
                                             f"{report.reused} reused).")
    bar.empty()
    st.rerun()


def sidebar(engine: Assistant) -> None:
    manifest = engine.index.manifest
    with st.sidebar:
        st.subheader(":material/library_books: Documents", anchor=False)
        counts = manifest.get("counts", {})
        st.caption(f"{len(manifest.get('documents', []))} documents · {counts.get('table_values', 0):,} "
                   f"table values · {counts.get('chunks', 0):,} passages")
        for doc in manifest.get("documents", []):
            meta = " · ".join(p for p in (ui.nice_date(doc.get("date", "").split(" (")[0]),
                                          doc.get("kind", "").split(" (")[0]) if p)
            st.markdown(f":small[**{ui.md_escape(doc['title'])}**  \n:gray[{ui.md_escape(meta)}]]")
        st.subheader(":material/table_chart: Performance tables", anchor=False)
        for line in engine.index.catalogue.describe():
            st.caption(ui.md_escape(line))
        built = manifest.get("built_at", "")
        try:
            built = datetime.strptime(built, "%Y-%m-%dT%H:%M:%S%z").strftime("%d %b %Y, %H:%M")
        except ValueError:
            pass
        st.caption(f"Index built {ui.md_message(built)} in {manifest.get('build_seconds') or 0:.0f} s  \n"
                   f"Model: {ui.md_message(manifest.get('model', 'unknown'))}")
        for problem in manifest.get("problems", []):
            st.warning(ui.md_message(f"{problem.get('file')}: {problem.get('message')}"), icon=":material/warning:")
        if len(engine.index.checks):
            with st.expander(f"Data-quality notes ({len(engine.index.checks)})", icon=":material/rule:"):
                for message in engine.index.checks["message"]:
                    st.caption(ui.md_escape(str(message)))
        try:
            stale = engine.stale_files()
        except AssistantError:
            stale = ()
        if stale:
            st.warning(ui.md_message(f"Changed since the index was built: {', '.join(stale)}. "
                                     "Rebuild to include them."), icon=":material/update:")
        if st.button("Rebuild index", icon=":material/refresh:", width="stretch",
                     help="Re-read every document; unchanged text reuses its stored vectors"):
            rebuild(force=not stale, done="Index rebuilt:")
        flash = st.session_state.flash
        if flash:
            (st.success if flash[0] == "success" else st.error)(ui.md_message(flash[1]))
            st.session_state.flash = None
        st.divider()
        with st.expander("Title, publisher and date for the next upload (optional)"):
            meta = {"title": st.text_input("Title", key="upload_title"),
                    "publisher": st.text_input("Publisher", key="upload_publisher"),
                    "date": st.text_input("Date (e.g. 2025-03-06)", key="upload_date")}
        upload = st.file_uploader("Add a document (PDF, Word, Excel, CSV, Markdown, text or HTML)",
                                  type=["pdf", "docx", "xlsx", "csv", "md", "txt", "html"],
                                  key=f"upload-{st.session_state.uploader}",
                                  max_upload_size=Assistant.MAX_UPLOAD_MB,
                                  help="Saved into the corpus folder under a safe name, then indexed")
        if upload is not None:
            st.session_state.uploader += 1  # a fresh uploader next run, so the file is handled once
            path, error = Assistant.add_upload(upload.name, upload.getvalue(), meta=meta)
            if error:
                st.session_state.flash = ("error", error)
                st.rerun()
            rebuild(force=False, done=f"Added {path.name}.")
        uploaded_documents()


def uploaded_documents() -> None:
    """Files added through the upload (listed in the corpus folder's .uploads.json), each with a Remove button
    that deletes it and rebuilds. Files put into the corpus folder by hand are not listed."""
    names = uploads.uploaded_files(config.corpus_dir())
    if not names:
        return
    with st.expander(f"Uploaded documents ({len(names)})", icon=":material/upload_file:"):
        for i, name in enumerate(names):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.caption(ui.md_message(name))
            if right.button("Remove", key=f"remove-{i}-{name}", type="tertiary", icon=":material/delete:",
                            help="Delete this file from the corpus folder and rebuild the index"):
                error = uploads.remove_upload(name, config.corpus_dir())
                if error:
                    st.session_state.flash = ("error", error)
                    st.rerun()
                rebuild(force=False, done=f"Removed {name}.")


def main() -> None:
    init_state()
    try:
        with st.spinner("Loading the documents and the search index (the first start builds it: about two "
                        "minutes)…"):
            engine = load_engine(str(config.index_dir()), str(config.corpus_dir()))
    except AssistantError as error:
        st.error(ui.md_message(f"The assistant cannot start: {error}"), icon=":material/error:")
        st.stop()
    header()
    sidebar(engine)
    mode, prompt = bottom_bar(engine.forces)
    if not st.session_state.turns:
        welcome(mode)
    for turn in st.session_state.turns:
        render_turn(turn, engine)
    pending = st.session_state.pending
    st.session_state.pending = None
    if prompt:
        respond(engine, "claim" if mode == CHECK else "question", prompt)
    elif pending:
        respond(engine, *pending)


main()
