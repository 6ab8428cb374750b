"""Chat with the crime and community-safety documents: a thin Streamlit shell over `Assistant`.

Run with `streamlit run streamlit_app.py`. Paths come from `assistant.config` at run time, so
ASSISTANT_INDEX / ASSISTANT_CORPUS point the app at another index or corpus (the tests do).
Rules live in the pure `assistant.shells.ui*` modules (tested without Streamlit); a turn is drawn by
`ui_render`, the sidebar by `ui_sidebar`; this file holds the conversation's state and lays out the page.

The context chip above the input shows exactly what the next question inherits (`ui_context.next_context`
decides it), and can be edited or cleared from there.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path

import streamlit as st

from assistant import config
from assistant.engine import Assistant
from assistant.errors import AssistantError, QuestionError
from assistant.shells import ui, ui_context, ui_page, ui_render, ui_sidebar
from assistant.shells.ui_rebuild import RebuildJob

ASK, CHECK = "Ask a question", "Check a claim"
PLACEHOLDERS = {ASK: "Ask about crime or community safety…",
                CHECK: "Paste a claim to check, e.g. “Burglary fell by a quarter last year”…"}
TITLE = "Community safety assistant"

# A local icon file: a material-icon favicon is fetched from Google's servers, and nothing may be fetched from
# outside (closed networks). "auto": the sidebar starts open on a desktop and closed on a phone.
st.set_page_config(page_title=TITLE, page_icon=str(Path(__file__).parent / ".streamlit" / "favicon.png"),
                   layout="wide", initial_sidebar_state="auto")


@st.cache_resource(show_spinner=False)
def load_engine(index_dir: str, corpus_dir: str) -> Assistant:
    """One engine per server process and index: every session shares it (it is read-only after load).

    The model, the frames and every sentence's terms are warmed on a thread, not here (the claims' reading of the
    prose waits for the first claim check, see `Assistant.warm`): the page is
    drawn and table questions are answered while they load, and a first passage question waits only for what
    is left of the warm-up (each part is made once, whichever thread asks first)."""
    engine = Assistant.load(Path(index_dir), Path(corpus_dir), build_if_missing=True)
    # Not a daemon: an exit waits for it rather than cutting ONNX Runtime off mid-load (see `load_in_background`)
    threading.Thread(target=_warm, args=(engine,), name="warm-engine").start()
    return engine


def _warm(engine: Assistant) -> None:
    try:
        engine.warm()
    except AssistantError:  # the question that needs the part raises it again, in words, where it is shown
        pass


@st.cache_resource(show_spinner=False)
def rebuild_job(index_dir: str) -> RebuildJob:
    """One background rebuild per index folder, shared by every session; a finished build drops the engine."""
    return RebuildJob(Assistant.build, on_done=load_engine.clear)


def init_state(job: RebuildJob) -> None:
    defaults = {"turns": [], "context": None, "pending": None, "uploader": 0, "flash": None, "mode": ASK,
                "past": [], "scroll": None, "builds_seen": job.state().finished}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def new_conversation() -> None:
    """Start afresh; the current conversation is kept in this session's list of past ones."""
    if st.session_state.turns:
        st.session_state.past.append((st.session_state.turns, st.session_state.context))
    st.session_state.turns, st.session_state.context = [], None


def reopen(index: int) -> None:
    """Swap a past conversation back in (the current one, if any, joins the list)."""
    turns, context = st.session_state.past.pop(index)
    new_conversation()
    st.session_state.turns, st.session_state.context = turns, context


def clear_context() -> None:
    st.session_state.context = None


def ask_example(kind: str, text: str) -> None:
    st.session_state.pending = (kind, text)


def apply_edit(catalogue) -> None:
    picked = {slot: st.session_state.get(f"chip-{slot}", ui_context.ANY) for slot in ("area", "crime_type",
                                                                                       "measure", "period")}
    st.session_state.context = ui_context.edited_context(st.session_state.context, picked, catalogue)


# ---------------------------------------------------------------- answering


def respond(engine: Assistant, kind: str, prompt: str) -> None:
    """Answer one prompt and draw it in place, in this same run of the page: no second run redraws every turn
    again before the answer shows (the chip and the header are filled after this, so they show the new turn)."""
    number = len(st.session_state.turns)
    ui_render.render_prompt(kind, prompt)
    st.html(ui_page.scroll_to_bottom(number), unsafe_allow_javascript=True)
    with st.chat_message("assistant", avatar=":material/local_police:"):
        try:
            with st.spinner("Checking the claim against the documents…" if kind == "claim"
                            else "Searching the documents…"):
                if kind == "claim":
                    answer = engine.check(prompt)
                else:
                    answer = engine.ask(prompt, context=st.session_state.context)
        except (QuestionError, AssistantError) as error:
            st.error(ui.md_message(error), icon=":material/error:")
            return
        except Exception as error:  # a bug must not cost the user the conversation; the log keeps the trace
            logging.getLogger(__name__).exception("answering %r failed", prompt)
            st.error(ui.md_message(f"Something went wrong answering this ({type(error).__name__}: {error}). "
                                   f"The conversation is kept; try rephrasing the question."),
                     icon=":material/error:")
            return
        turn = ui.Turn(kind, prompt, answer)
        st.session_state.turns.append(turn)
        st.session_state.context = ui_context.next_context(st.session_state.context, kind, answer)
        st.session_state.scroll = number
        ui_render.render_reply(number, turn, engine)


# ---------------------------------------------------------------- page parts


def header(engine: Assistant) -> None:
    """Conversation buttons and what the index holds, under the title."""
    turns = st.session_state.turns
    with st.container(horizontal=True, horizontal_alignment="right"):
        with st.popover("New conversation", icon=":material/add_comment:", disabled=not turns and
                        not st.session_state.past):
            if turns:
                st.button("Start a new conversation", on_click=new_conversation, type="primary",
                          help="This one stays in the list below until you close the page")
            for i, (old, _) in enumerate(st.session_state.past):
                st.button(f"Reopen: {old[0].prompt[:60]}", key=f"reopen-{i}", on_click=reopen, args=(i,),
                          type="tertiary")
        # The export is built when it is asked for (a callable), not on every run of the page.
        st.download_button("Export", data=lambda: ui.export_markdown(turns, datetime.now().strftime("%d %B %Y %H:%M")),
                           file_name="community-safety-conversation.md", mime="text/markdown",
                           icon=":material/download:", disabled=not turns, on_click="ignore",
                           help="Download the conversation, with sources and quotes, as Markdown")
    latest = engine.index.catalogue.latest()
    tables = (f"the police performance tables ({latest.periods[0]} and {latest.periods[1].rsplit(' ', 1)[-1]})"
              if latest is not None else "")
    held = " and ".join(p for p in (tables, "the documents listed in the sidebar") if p)
    st.caption(f"Plain-English answers about crime and community safety, drawn from {ui.md_message(held)}. "
               "Every figure cites the line it came from.")


def welcome(mode: str, engine: Assistant) -> None:
    with st.container(border=True):
        if mode == CHECK:
            st.markdown("**Check a claim before it goes out.** Paste a sentence from a press release or a speech; "
                        "the assistant marks it supported, contradicted, mixed or not found, shows the table row "
                        "or passage, and suggests accurate wording.")
        else:
            st.markdown("**Ask about recorded crime, solved rates and community-safety work.** "
                        "Follow-up questions keep their context: ask about one area, then *“And in …?”* another.")
        kind = "claim" if mode == CHECK else "question"
        shown = ui_context.examples(engine.index.catalogue, engine.index.frame)[kind]
        if shown:
            st.caption("TRY ONE OF THESE")
        with st.container(horizontal=True, gap="small"):
            for i, example in enumerate(shown):
                st.button(example, key=f"example-{mode}-{i}", on_click=ask_example, args=(kind, example),
                          width="content")


def context_editor(engine: Assistant) -> None:
    """The chip's editor: area, crime type, measure and period, all offered from what the tables print."""
    catalogue = engine.index.catalogue
    options = ui_context.choices(catalogue)
    current = ui_context.current_choices(st.session_state.context, catalogue)
    labels = {"area": "Area", "crime_type": "Crime type", "measure": "Measure", "period": "Period"}
    for slot, label in labels.items():
        values = options[slot]
        st.selectbox(label, values, index=values.index(current[slot]) if current[slot] in values else 0,
                     key=f"chip-{slot}",
                     format_func=lambda v: ui_context.MEASURE_LABELS.get(v, v))
    st.button("Use for follow-ups", type="primary", on_click=apply_edit, args=(catalogue,))


def bottom_bar() -> tuple[st.delta_generator.DeltaGenerator, str | None]:
    """The input box, and above it a row for the mode switch and the chip, filled by `chip_row` at the end of
    the run, once this run's answer has set the context the chip must show."""
    with st.bottom:
        row = st.container(horizontal=True, vertical_alignment="center", gap="small", key="chip-bar")
        prompt = st.chat_input(PLACEHOLDERS[st.session_state.mode], key="prompt")
    return row, prompt


def chip_row(engine: Assistant) -> None:
    """Mode switch and the context the next question inherits."""
    mode = st.segmented_control("Mode", [ASK, CHECK], key="mode", required=True, label_visibility="collapsed")
    if (mode or ASK) != ASK:
        return
    label = ui_context.context_label(st.session_state.context, engine.forces)
    with st.container(width="content", key="chip-text"):  # on a phone, its own line under the buttons (CSS)
        st.markdown(f"Follow-ups use: **{ui.md_escape(label)}**" if label else "Follow-ups use: nothing yet")
    if ui_context.choices(engine.index.catalogue)["area"][1:]:  # an index with no performance table: no editor
        with st.popover("Edit", icon=":material/edit:", help="Choose what follow-up questions use"):
            context_editor(engine)
    if label:
        st.button("Clear", icon=":material/close:", type="tertiary", on_click=clear_context,
                  help="Forget this context: the next question starts afresh")


def follow_up_buttons(engine: Assistant) -> None:
    """Suggested next questions under the newest answer, built from the context the chip shows."""
    suggestions = ui_context.follow_ups(st.session_state.context, engine.index.catalogue)
    if not suggestions or st.session_state.mode != ASK:
        return
    with st.container(horizontal=True, gap="small"):
        for i, text in enumerate(suggestions):
            st.button(text, key=f"follow-{len(st.session_state.turns)}-{i}", on_click=ask_example,
                      args=("question", text), type="secondary", icon=":material/subdirectory_arrow_right:")


def loading_message() -> str:
    if any(config.index_dir().glob("build-*")):
        return "Loading the search index and the language model (a few seconds)…"
    return "No index yet: reading the documents and building it (a few minutes the first time)…"


def main() -> None:
    st.html(ui_page.STYLE)
    st.html(ui_page.BEHAVIOUR, unsafe_allow_javascript=True)
    job = rebuild_job(str(config.index_dir()))
    init_state(job)
    st.html(f'<h1 class="app-title">{TITLE}</h1>')  # the page frame shows at once, before the engine loads
    try:
        with st.spinner(loading_message()):
            engine = load_engine(str(config.index_dir()), str(config.corpus_dir()))
    except AssistantError as error:
        st.error(ui.md_message(f"The assistant cannot start: {error}"), icon=":material/error:")
        st.stop()
    # Parts that depend on the conversation are placed now and filled at the end, after this run's answer.
    top = st.container()
    ui_sidebar.sidebar(engine, job, load_engine.clear)
    chips, prompt = bottom_bar()
    mode = st.session_state.mode or ASK
    intro = st.empty()
    if not st.session_state.turns:
        with intro.container():
            welcome(mode, engine)
    for number, turn in enumerate(st.session_state.turns):
        ui_render.render_turn(number, turn, engine)
    pending, st.session_state.pending = st.session_state.pending, None
    if prompt or pending:
        intro.empty()
        respond(engine, *(("claim" if mode == CHECK else "question", prompt) if prompt else pending))
    if st.session_state.turns and st.session_state.turns[-1].kind == "question":
        follow_up_buttons(engine)
    scroll, st.session_state.scroll = st.session_state.scroll, None
    if scroll is not None and scroll < len(st.session_state.turns):
        announce = ui.without_markers(st.session_state.turns[scroll].answer.text)[:400]
        st.html(ui_page.scroll_to_turn(scroll, announce), unsafe_allow_javascript=True)
    with top:
        header(engine)
    with chips:
        chip_row(engine)

main()
