"""The real app in a real Chromium: start `streamlit run`, ask in the chat box, check the answer and its source.

Also saves a screenshot to artifacts/screenshot.png (copied by hand to docs/ for the README, so a
test run never changes a tracked file). Needs /usr/bin/chromium (CI: `apt-get install chromium`); Playwright
drives that binary and never downloads its own browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "artifacts" / "screenshot.png"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install it with "
                                                     "`apt-get install chromium` to run the browser test"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(index_dir, corpus_copy, tmp_path):
    port = free_port()
    env = {**os.environ, "ASSISTANT_INDEX": str(index_dir), "ASSISTANT_CORPUS": str(corpus_copy)}
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with {process.returncode}:\n{(tmp_path / 'streamlit.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy:\n{(tmp_path / 'streamlit.log').read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_ask_in_the_browser_shows_the_answer_and_its_source(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=120_000)

            box.fill("How many shoplifting offences were recorded in Chelmsford in 2024?")
            box.press("Enter")
            answer = page.get_by_test_id("stChatMessage").filter(has_text="1,465 shoplifting offences")
            expect(answer).to_be_visible(timeout=60_000)
            expect(answer).to_contain_text("12 months to October 2024")
            expect(answer).to_contain_text("One Chelmsford Partnership Strategic Board, 5 December 2024")
            expect(answer).to_contain_text("Chelmsford › Rolling 12 Months to October 2023 vs 2024 › Shoplifting")
            expect(answer).to_contain_text("Highlighted: 1465")
            expect(answer.get_by_test_id("stDataFrame")).to_be_visible()
            expect(page.get_by_text("Follow-ups use")).to_be_visible()

            box.fill("Which district had the most shoplifting offences in 2024?")
            box.press("Enter")
            ranking = page.get_by_test_id("stChatMessage").filter(has_text="Of the fourteen districts")
            expect(ranking).to_be_visible(timeout=60_000)
            expect(ranking).to_contain_text("Thurrock had the most shoplifting offences")
            expect(ranking.locator(".vega-embed")).to_be_visible()
            box.blur()
            page.mouse.move(900, 60)  # away from the sidebar, whose hover shows a collapse arrow
            page.wait_for_timeout(1500)  # let the chart finish drawing

            # Streamlit scrolls inside the page, so "full page" means growing the window to the content.
            height = page.evaluate("Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
            page.set_viewport_size({"width": 1280, "height": max(900, int(height) + 40)})
            page.wait_for_timeout(1000)
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
