"""Time from Enter to a table answer visible in a real browser, beside the engine's own time and the page's redraw.

The chat is only as quick as the slowest of three things: the engine answering, Streamlit running the page
script, and the browser drawing what it sent. This starts the app headless on a free port, drives it in
Chromium (Playwright, Debian's /usr/bin/chromium; nothing is downloaded), asks a few warm-up questions, then
alternates N table questions with a prompt the page refuses before the engine looks anything up ("?"), and
prints the medians:

    Enter → table answer visible   the user's wait for a table answer
    engine's own time              the same questions asked of the engine in this process
    redraw on an empty answer      Enter → the refusal shown and the page settled: a whole run, no engine work
    difference                     visible − (engine + redraw): what answering costs beyond those two
    target                         difference ≤ +0.3 s (issue 13)

    .venv/bin/python scripts/bench_browser.py [--n 10] [--before DIR]

`--before DIR` measures the app of another source tree (e.g. `git archive HEAD | tar -x -C DIR`) in the same
run, first, on the same index, so a change to the page can be judged before and after under the same load.
Without Chromium or Playwright it says so and exits 0 (`make bench` stays usable everywhere).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import config  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
TARGET_S = 0.3
EMPTY = "?"  # refused before the engine looks anything up: the page's own run, and nothing else


def missing_browser() -> str:
    """Why the browser timing cannot run here, or "" when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (install it with `apt-get install chromium`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    return ""


def table_questions(engine, n: int) -> list[str]:
    """N look-up questions built from what the index's tables print, each answered from a table cell."""
    catalogue = engine.index.catalogue
    crimes = [c.label for c in sorted(catalogue.crime_types, key=lambda c: c.order)][1:]
    found = []
    for area in catalogue.districts():
        for crime in crimes:
            question = f"How many {crime.lower()} offences were recorded in {area}?"
            answer = engine.ask(question)
            if answer.answerable and any(c.table is not None for c in answer.citations):
                found.append(question)
                break
        if len(found) == n:
            break
    return (found * n)[:n] if found else []


def engine_times(engine, questions: list[str]) -> list[float]:
    times = []
    for question in questions:
        started = time.perf_counter()
        engine.ask(question)
        times.append(time.perf_counter() - started)
    return times


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(tree: Path, index: Path, corpus: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "ASSISTANT_INDEX": str(index), "ASSISTANT_CORPUS": str(corpus),
           "PYTHONPATH": str(tree)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(tree / "streamlit_app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"], cwd=tree, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"streamlit exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"streamlit did not start; see {log}")


# The newest assistant message holds what the prompt led to: a table answer's first marker link, or an error.
_ANSWERED = """([turn, kind]) => {
  const messages = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (messages.length < 2 * turn + 2) return false;
  const last = messages[2 * turn + 1];
  const shown = kind === 'table' ? last.querySelector(`a[href="#src-${turn}-1"]`)
                                 : last.querySelector('[data-testid="stAlertContentError"]');
  return shown && shown.offsetParent !== null && !shown.closest('[data-stale="true"]') ? performance.now() : false;
}"""


_SETTLED = "() => document.querySelector('[data-stale=\"true\"]') ? false : performance.now()"


def submit(page, text: str, turn: int, kind: str) -> tuple[float, float]:
    """Seconds from Enter to what `text` leads to being visible, and to the page's run having settled (no element
    left stale from the run before), each polled on every animation frame."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    started = page.evaluate("performance.now()")
    box.press("Enter")
    shown = page.wait_for_function(_ANSWERED, arg=[turn, kind], polling="raf", timeout=120_000).json_value()
    settled = page.wait_for_function(_SETTLED, polling="raf", timeout=60_000).json_value()
    page.wait_for_timeout(300)
    return (shown - started) / 1000, (settled - started) / 1000


def measure(tree: Path, args, questions: list[str], warmups: list[str]) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    log = Path(args.log_dir) / f"streamlit-{tree.name}.log"
    process, url = start_app(tree, args.index, args.corpus, log)
    times: dict[str, list[float]] = {"visible": [], "settled": [], "empty": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.goto(url)
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
            turn = 0
            for question in warmups:
                submit(page, question, turn, "table")
                turn += 1
            for question in questions:
                visible, settled = submit(page, question, turn, "table")
                times["visible"].append(visible)
                times["settled"].append(settled)
                turn += 1
                times["empty"].append(max(submit(page, EMPTY, turn, "error")))  # a refusal adds no turn
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return times


def report(name: str, times: dict[str, list[float]], engine: list[float]) -> None:
    visible, redraw, own = (statistics.median(times["visible"]), statistics.median(times["empty"]),
                            statistics.median(engine))
    difference = visible - (own + redraw)
    print(f"{name}: {len(times['visible'])} table questions, medians")
    print(f"  Enter → table answer visible   {visible:6.3f} s   (page settled: "
          f"{statistics.median(times['settled']):.3f} s)")
    print(f"  engine's own time              {own:6.3f} s")
    print(f"  redraw on an empty answer      {redraw:6.3f} s")
    print(f"  difference                     {difference:+6.3f} s   target ≤ +{TARGET_S:.1f} s: "
          f"{'met' if difference <= TARGET_S else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10, help="table questions to time (default 10)")
    parser.add_argument("--warmup", type=int, default=3, help="questions asked first, not timed (default 3)")
    parser.add_argument("--before", type=Path, help="another source tree whose app is measured first")
    parser.add_argument("--index", type=Path, default=config.index_dir())
    parser.add_argument("--corpus", type=Path, default=config.corpus_dir())
    parser.add_argument("--log-dir", default=str(ROOT / "artifacts"))
    args = parser.parse_args(argv)
    why = missing_browser()
    if why:
        print(f"Browser timing skipped: {why}.")
        return 0
    Path(args.log_dir).mkdir(parents=True, exist_ok=True)
    from assistant.engine import Assistant

    engine = Assistant.load(args.index, args.corpus)
    engine.warm()
    questions = table_questions(engine, args.n + args.warmup)
    if len(questions) < args.n + args.warmup:
        print("Browser timing skipped: the index has no table question to time.")
        return 0
    warmups, timed = questions[:args.warmup], questions[args.warmup:]
    own = engine_times(engine, timed)
    for name, tree in (("before", args.before), ("now", ROOT)):
        if tree is not None:
            report(name if args.before else "browser", measure(tree.resolve(), args, timed, warmups), own)
    return 0


if __name__ == "__main__":
    sys.exit(main())
