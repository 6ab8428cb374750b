"""The chat's index rebuild, off the request path: a background thread with progress the page polls.

A rebuild can take minutes (new text to embed); run inside a Streamlit script it would hold the uploader's
session and stop if they closed the tab. One job per index folder is shared by every session, so two users
never rebuild at once; a request made while a build runs is queued and runs straight after it, so a file
uploaded mid-build is not missed. When a build finishes, `on_done` runs (the app drops its cached engine).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable

from assistant.errors import AssistantError


@dataclass(frozen=True)
class RebuildState:
    running: bool
    message: str
    fraction: float
    finished: int  # how many builds have finished: a session compares it with the count it last saw
    outcome: tuple[str, str] | None  # ("success" | "error", message) of the last build


class RebuildJob:
    def __init__(self, build: Callable, on_done: Callable[[], None]):
        """`build(force=..., progress=callback)` returns a report with `.documents`, `.seconds`, `.embedded`,
        `.reused` (`Assistant.build`)."""
        self._build, self._on_done = build, on_done
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._queued: list[tuple[bool, str]] = []
        self._message, self._fraction, self._finished = "", 0.0, 0
        self._outcome: tuple[str, str] | None = None

    def request(self, force: bool, done: str) -> None:
        """Start a build, or queue one behind the build running now. `done` opens the success message."""
        with self._lock:
            self._queued.append((force, done))
            if self._thread is None:  # cleared, under this lock, by a worker that found nothing left to do
                self._thread = threading.Thread(target=self._run, name="index-rebuild", daemon=True)
                self._thread.start()

    def state(self) -> RebuildState:
        with self._lock:
            running = self._thread is not None
            return RebuildState(running, self._message, self._fraction, self._finished, self._outcome)

    def _progress(self, message: str, fraction: float) -> None:
        with self._lock:
            self._message, self._fraction = message, min(max(float(fraction), 0.0), 1.0)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._queued:
                    self._thread = None
                    return
                # Everything queued so far is served by one build: it reads the corpus as it is now.
                force, done = any(f for f, _ in self._queued), " ".join(dict.fromkeys(d for _, d in self._queued))
                self._queued.clear()
                self._message, self._fraction = "Starting…", 0.0
            try:
                report = self._build(force=force, progress=self._progress)
            except AssistantError as error:
                outcome = ("error", str(error))
            except Exception as error:  # a bug in a build must not leave the page waiting for ever
                logging.getLogger(__name__).exception("rebuilding the index failed")
                outcome = ("error", f"The rebuild failed ({type(error).__name__}: {error}).")
            else:
                outcome = ("success", f"{done} {report.documents} documents indexed in {report.seconds:.0f} s "
                                      f"({report.embedded} passages embedded, {report.reused} reused).")
                self._on_done()
            with self._lock:
                self._outcome, self._finished = outcome, self._finished + 1
