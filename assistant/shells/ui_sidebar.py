"""The chat's sidebar: what is indexed, the rebuild (in the background, with progress), uploads and removals.

Everything shown here that comes from a document or a file name goes through `ui.md_message` / `md_escape`.
The rebuild runs in a `ui_rebuild.RebuildJob` shared by every session; this module only starts it and polls it.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from assistant import config
from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.ingest import uploads
from assistant.shells import ui
from assistant.shells.ui_rebuild import RebuildJob


def sidebar(engine: Assistant, job: RebuildJob, reload_engine) -> None:
    manifest = engine.index.manifest
    with st.sidebar:
        st.subheader(":material/library_books: Documents", anchor=False)
        counts = manifest.get("counts", {})
        st.caption(f"{len(manifest.get('documents', [])):,} documents · {counts.get('table_values', 0):,} "
                   f"table figures · {counts.get('chunks', 0):,} passages")
        for doc in manifest.get("documents", []):
            meta = " · ".join(p for p in (ui.nice_date(doc.get("date", "").split(" (")[0]),
                                          doc.get("kind", "").split(" (")[0]) if p)
            st.markdown(f":small[**{ui.md_escape(doc['title'])}**  \n{ui.md_escape(meta)}]")
        st.subheader(":material/table_chart: Performance tables", anchor=False)
        for line in engine.index.catalogue.describe():
            st.caption(ui.md_escape(line))
        built = manifest.get("built_at", "")
        try:
            built = datetime.strptime(built, "%Y-%m-%dT%H:%M:%S%z").strftime("%d %B %Y, %H:%M")
        except ValueError:
            pass
        st.caption(f"Index built {ui.md_message(built)}.")
        for problem in manifest.get("problems", []):
            st.warning(ui.md_message(f"Not indexed: {problem.get('file')}: {problem.get('message')}"),
                       icon=":material/warning:")
        if len(engine.index.checks):
            with st.expander(f"Figures to quote with care ({len(engine.index.checks)})", icon=":material/rule:"):
                for message in engine.index.checks["message"]:
                    st.caption(ui.md_escape(str(message)))
        rebuild_panel(engine, job, reload_engine)
        st.divider()
        upload_panel(job)
        uploaded_documents(job)


def rebuild_panel(engine: Assistant, job: RebuildJob, reload_engine) -> None:
    try:
        stale = engine.stale_files()
    except AssistantError:
        stale = ()
    if stale:
        st.warning(ui.md_message(f"Changed since the index was built: {', '.join(stale)}. "
                                 "Rebuild to include them."), icon=":material/update:")
    state = job.state()
    if st.button("Rebuild index", icon=":material/refresh:", width="stretch", disabled=state.running,
                 help="Re-read every document; unchanged text reuses its stored vectors"):
        job.request(force=not stale, done="Index rebuilt:")
        st.rerun()
    flash = st.session_state.flash
    if flash:  # shown once: the next full run of the page clears it
        (st.success if flash[0] == "success" else st.error)(ui.md_message(flash[1]))
        st.session_state.flash = None
    # Poll only while a build runs; an idle page makes no requests.
    st.fragment(run_every=1.0 if state.running else None)(progress)(job, reload_engine)


def progress(job: RebuildJob, reload_engine) -> None:
    """Polls the background build each second while it runs; when one finishes, reruns the whole page on the
    new index and shows how it went. The rest of the page stays usable meanwhile."""
    state = job.state()
    if state.running:
        st.progress(state.fraction, text=ui.md_message(state.message or "Starting…"))
        st.caption("The chat keeps answering from the current index until the new one is ready.")
    elif state.finished > st.session_state.builds_seen:
        st.session_state.builds_seen = state.finished
        st.session_state.flash = state.outcome
        reload_engine()
        st.rerun(scope="app")


def upload_panel(job: RebuildJob) -> None:
    st.subheader(":material/upload_file: Add a document", anchor=False)
    st.caption("Title, publisher and date appear in every citation of the document (all optional).")
    meta = {"title": st.text_input("Title", key="upload_title"),
            "publisher": st.text_input("Publisher", key="upload_publisher"),
            "date": st.text_input("Date (e.g. 2025-03-06)", key="upload_date")}
    upload = st.file_uploader("PDF, Word, Excel, CSV, Markdown, text or HTML",
                              type=["pdf", "docx", "xlsx", "csv", "md", "txt", "html"],
                              key=f"upload-{st.session_state.uploader}",
                              max_upload_size=uploads.MAX_UPLOAD_BYTES // 2**20,
                              help="Checked first, then saved into the corpus folder under a safe name and indexed")
    if upload is None:
        return
    st.session_state.uploader += 1  # a fresh uploader next run, so the file is handled once
    path, error = Assistant.add_upload(upload.name, upload.getvalue(), meta=meta)
    if error:
        st.session_state.flash = ("error", error)
    else:
        st.session_state.flash = ("success", f"Added {path.name}; indexing it now.")
        for key in ("upload_title", "upload_publisher", "upload_date"):
            st.session_state.pop(key, None)
        job.request(force=False, done=f"Added {path.name}.")
    st.rerun()


def uploaded_documents(job: RebuildJob) -> None:
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
                st.session_state.flash = ("error", error) if error else ("success", f"Removed {name}; re-indexing.")
                if not error:
                    job.request(force=False, done=f"Removed {name}.")
                st.rerun()
