"""The real app in a real Chromium, at desktop (1280×900) and phone (390×844) sizes, as councillors and press
officers use it: a five-turn conversation whose context chip always equals what the next question uses, a
source opened from its [n] marker, the context edited from the chip, three claim checks, an upload with a title
and date (and the same file refused), hostile document text that renders as text, and axe-core.

The expected chip at every turn comes from the real engine in this process, run on the same index with the same
rule the page uses (`ui_context.next_context`), so the test checks the page against the engine, not against
hand-typed labels. Screenshots of each step go to artifacts/browser/. Needs /usr/bin/chromium (CI: `apt-get
install chromium`); Playwright drives that binary and never downloads its own browser. Nothing the page loads
may come from outside 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assistant.shells import ui, ui_context

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "browser"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
HOSTILE = "[click](http://evil.example) ![x](http://evil.example/x.png) <script>window.pwned=1</script>"
HOSTILE_IN_MARKDOWN = (r"\[click\](http://evil.example) \!\[x\](http://evil.example/x.png) "
                       r"&lt;script&gt;window.pwned=1&lt;/script&gt;")
UPLOAD = (b"# Harlow community safety update\n\nThe Harlow town centre patrol pilot began on 3 March 2025. "
          b"Wardens will walk the market square every Friday evening.\n")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install it with "
                                                     "`apt-get install chromium` to run the browser tests"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def paths(tmp_path_factory, corpus_copy, index_dir) -> tuple[Path, Path]:
    """A private corpus and index: the real corpus plus a document whose title and text are hostile (vectors of
    the rest reused), so uploads here change nothing other tests see."""
    from assistant.store.build import build_index

    base = tmp_path_factory.mktemp("browser")
    corpus, index = base / "corpus", base / "index"
    shutil.copytree(corpus_copy, corpus)
    shutil.copytree(index_dir, index)
    (corpus / "zorblax.md").write_text(f"# Zorblax patrol\n\nThe Zorblax patrol pilot began on 3 March 2025 in "
                                       f"Harlow town centre. {HOSTILE_IN_MARKDOWN}.\n", encoding="utf-8")
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["documents"] if isinstance(manifest, dict) else manifest
    entries.append({"file": "zorblax.md", "title": HOSTILE, "publisher": HOSTILE, "date": "2025-03-01"})
    (corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build_index(corpus, index)
    return corpus, index


@pytest.fixture(scope="module")
def local_engine(paths):
    from assistant.engine import Assistant

    return Assistant.load(paths[1], paths[0])


@contextmanager
def serving(corpus: Path, index: Path, logs: Path):
    """The app on `index` and `corpus`, started headless on a free port; its address."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_INDEX": str(index), "ASSISTANT_CORPUS": str(corpus)}
    log = (logs / "streamlit.log").open("w")
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
                pytest.fail(f"streamlit exited with {process.returncode}:\n{(logs / 'streamlit.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy:\n{(logs / 'streamlit.log').read_text()}")
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


@pytest.fixture(scope="module")
def server(paths, tmp_path_factory):
    with serving(*paths, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def outside() -> list[str]:
    """Every request any page made to an address other than the app's own."""
    return []


@pytest.fixture
def open_page(browser, server, outside):
    contexts = []

    def opener(size: str):
        context = browser.new_context(viewport=SIZES[size])
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda request: outside.append(request.url)
                if not request.url.startswith((server, "data:", "blob:")) else None)
        page.goto(server)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
        return page

    yield opener
    for context in contexts:
        context.close()


def messages(page):
    return page.get_by_test_id("stChatMessage")


def ask(page, text: str):
    """Type a question, press Enter, wait for its answer to be drawn and scrolled to; the answer's message."""
    turns = int(page.evaluate("document.body.dataset.turnsShown || '0'"))
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    # The page's scroll script marks the body once the new turn is drawn and scrolled to.
    try:
        page.wait_for_function(f"document.body.dataset.turnsShown === '{turns + 1}'", timeout=90_000)
    except Exception:
        shot(page, "failed-" + "".join(c if c.isalnum() else "-" for c in text)[:40])
        pytest.fail(f"no answer to {text!r}; the page says:\n{page.inner_text('body')[-1500:]}")
    settle(page)
    return messages(page).nth(2 * turns + 1)


def settle(page) -> None:
    """Wait until the page's run has finished: no element is still marked stale (Streamlit fades those,
    which would also fool a contrast check)."""
    page.wait_for_function("!document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
    page.wait_for_timeout(300)


def chip(page) -> str:
    text = page.get_by_test_id("stBottom").get_by_text("Follow-ups use:").inner_text()
    return text.removeprefix("Follow-ups use:").strip()


def in_view(page, locator) -> bool:
    """The element's top is on screen, above the input bar."""
    box = locator.bounding_box()
    bar = page.get_by_test_id("stBottom").bounding_box()
    return box is not None and 0 <= box["y"] < (bar["y"] if bar else page.viewport_size["height"]) - 20


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


CONVERSATION = ["How many robberies in Colchester?", "And in Harlow?", "How many burglaries in Cambridge?",
                "When is the next Operation Dial night of action in Chelmsford city centre?",
                "What about the solved rate?"]


@pytest.mark.parametrize("size", SIZES)
def test_five_turns_keep_the_chip_equal_to_the_context_used_and_the_newest_answer_in_view(
        open_page, local_engine, size):
    page = open_page(size)
    context = None
    for turn, question in enumerate(CONVERSATION):
        expected = local_engine.ask(question, context=context)
        message = ask(page, question)
        assert in_view(page, message), f"turn {turn + 1}: the newest answer is off screen"
        first_words = ui.without_markers(ui.split_assumptions(expected.text)[0])[:40]
        assert first_words in message.inner_text().replace("\n", " "), turn
        context = ui_context.next_context(context, "question", expected)
        assert chip(page) == (ui_context.context_label(context, local_engine.forces) or "nothing yet"), turn
        bar = page.get_by_test_id("stBottom").bounding_box()
        chip_box = page.get_by_test_id("stBottom").get_by_text("Follow-ups use:").bounding_box()
        assert bar["y"] <= chip_box["y"] and chip_box["y"] + chip_box["height"] <= SIZES[size]["height"]
        if size == "phone":  # the answer has the screen: the input area, chip included, takes a fifth at most
            assert bar["height"] <= 0.2 * SIZES[size]["height"], bar
        shot(page, f"{size}-conversation-{turn + 1}")
    last = messages(page).last.inner_text()
    assert "Harlow" in last and "robbery" in last.lower()  # the refusal and the passage did not move the context


def test_a_marker_opens_its_source_card_and_the_card_opens_the_document(open_page):
    page = open_page("desktop")
    ask(page, "How many shoplifting offences were recorded in Chelmsford in 2024?")
    marker = page.locator('a[href="#src-0-1"]').first
    marker.focus()  # reachable from the keyboard
    page.keyboard.press("Enter")
    card = page.locator("#src-0-1")
    page.wait_for_timeout(600)
    assert in_view(page, card)
    assert page.evaluate("document.activeElement && document.activeElement.id") == "src-0-1"
    assert "Highlighted: 1,465" in messages(page).nth(1).inner_text()
    page.get_by_role("button", name="Open the document here").first.click()
    mark = page.locator("#cited-0-1")
    mark.wait_for(timeout=20_000)
    page.wait_for_timeout(600)
    assert "Shoplifting" in mark.inner_text() and in_view(page, mark)
    dialog = page.get_by_role("dialog")
    assert "One Chelmsford Partnership Strategic Board" in dialog.inner_text()
    shot(page, "desktop-source-opened")


def test_the_context_is_edited_from_the_chip(open_page, local_engine):
    page = open_page("desktop")
    ask(page, "How many robberies in Colchester?")
    page.get_by_test_id("stBottom").get_by_role("button", name="Edit").click()
    area = page.get_by_test_id("stSelectbox").filter(has_text="Area")
    area.click()
    page.keyboard.type("Harlow")
    # Pick the option itself: Enter pressed before a loaded page has filtered the list keeps the old area.
    page.get_by_role("option", name="Harlow", exact=True).click()
    page.get_by_role("button", name="Use for follow-ups").click()
    settle(page)
    expect(page.get_by_test_id("stBottom").get_by_text("Follow-ups use:")).to_contain_text(
        "Robbery · Harlow · offences", timeout=30_000)
    assert chip(page).startswith("Robbery · Harlow · offences")
    shot(page, "desktop-chip-edited")
    page.keyboard.press("Escape")
    answer = ask(page, "What about the solved rate?").inner_text()
    expected = local_engine.ask("What was the solved rate for robbery in Harlow in the 12 months to October 2024?")
    assert ui.without_markers(expected.text)[:50] in answer.replace("\n", " ")


CLAIMS = ["Shoplifting in Castle Point more than doubled in the year to October 2024.",
          "Anti-social behaviour in Chelmsford fell by 8.7% in the year to October 2024.",
          "The PFCC has funded 905 extra officers for Essex Police."]


@pytest.mark.parametrize("size", SIZES)
def test_three_claim_checks_show_the_verdict_above_the_fold_and_wording(open_page, local_engine, size):
    page = open_page(size)
    page.get_by_text("Check a claim", exact=True).click()
    for i, claim in enumerate(CLAIMS):
        verdict = local_engine.check(claim).verdict
        message = ask(page, claim)
        badge = message.locator(".verdict")
        assert badge.inner_text() == f"Verdict: {ui.verdict_badge(verdict)[0]}"
        assert in_view(page, badge), f"{claim}: the verdict is below the fold"
        font = float(badge.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert font >= 20  # larger than body text
        text = message.inner_text()
        assert "Suggested wording" in text or "Supported: quote it" in text or "No wording can be suggested" in text
        shot(page, f"{size}-claim-{i + 1}")


def test_an_upload_with_title_and_date_is_cited_with_them_and_a_duplicate_is_refused(open_page):
    page = open_page("desktop")
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_label("Title").fill("Harlow patrol pilot note")
    sidebar.get_by_label("Publisher").fill("Harlow Council")
    sidebar.get_by_label("Date (e.g. 2025-03-06)").fill("2025-03-03")
    sidebar.get_by_label("Date (e.g. 2025-03-06)").press("Tab")
    page.wait_for_timeout(500)
    files = {"name": "harlow-note.md", "mimeType": "text/markdown", "buffer": UPLOAD}
    sidebar.locator("input[type=file]").set_input_files(files)
    sidebar.get_by_text("documents indexed in").wait_for(timeout=240_000)
    shot(page, "desktop-upload-indexed")
    answer = ask(page, "When did the Harlow town centre patrol pilot begin?").inner_text()
    assert "3 March 2025" in answer and "Harlow patrol pilot note" in answer and "Harlow Council" in answer
    sidebar.locator("input[type=file]").set_input_files({**files, "name": "copy.md"})
    refusal = sidebar.get_by_text("already in the corpus as harlow-note.md")
    refusal.wait_for(timeout=30_000)
    shot(page, "desktop-upload-duplicate-refused")


def test_hostile_document_text_renders_no_live_link_image_or_script(open_page):
    page = open_page("desktop")
    ask(page, "When did the Zorblax patrol pilot begin?")
    page.wait_for_timeout(500)
    assert "evil.example" in page.content()  # shown as text, not dropped
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator('img[src*="evil.example"]').count() == 0
    assert page.evaluate("window.pwned === undefined")
    assert all("evil.example" not in url for url in page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"))


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_no_serious_or_critical_violations(open_page, size):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(size)
    ask(page, "Which district had the most burglaries in 2024?")
    page.get_by_text("Check a claim", exact=True).click()
    ask(page, CLAIMS[0])
    page.wait_for_timeout(1000)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.locator("h1").count() == 1


def test_a_police_uk_follow_up_keeps_its_context_on_the_chip(browser, local_police, tmp_path_factory):
    """On an index of the real police.uk downloads: the chip names the street-level context, and a follow-up
    naming only a month is answered in it (as the engine answers it with that context)."""
    engine, corpus, index = local_police
    with serving(corpus, index, tmp_path_factory.mktemp("police-streamlit")) as url:
        context = browser.new_context(viewport=SIZES["phone"])
        page = context.new_page()
        page.goto(url)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
        thread = None
        for question in ("How many bike thefts in March 2017?", "And in April 2017?"):
            expected = engine.ask(question, context=thread)
            message = ask(page, question)
            assert ui.without_markers(expected.text)[:40] in message.inner_text().replace("\n", " ")
            thread = ui_context.next_context(thread, "question", expected)
            assert chip(page) == ui_context.context_label(thread, engine.forces)
            assert in_view(page, message)
        assert chip(page).startswith("police.uk") and "April 2017" in chip(page)
        shot(page, "phone-police-uk-follow-up")
        context.close()


@pytest.fixture(scope="module")
def local_police(tmp_path_factory):
    """The real police.uk downloads (a folder each) as a corpus, its index, and an engine on it."""
    from real_data import REAL, require

    from assistant.engine import Assistant
    from assistant.store.build import build_index

    base = tmp_path_factory.mktemp("police")
    corpus, index = base / "corpus", base / "index"
    corpus.mkdir()
    for folder in require(REAL / "data").glob("police_uk_*"):
        shutil.copytree(folder, corpus / folder.name)
    build_index(corpus, index)
    return Assistant.load(index, corpus), corpus, index


def test_nothing_is_fetched_from_outside(outside):
    """Runs last: every page the tests above opened fetched only from the app itself."""
    assert outside == []


def test_readme_screenshots(open_page):
    """The README's desktop and phone views (written to artifacts/; copied to docs/ by hand)."""
    for size in SIZES:
        page = open_page(size)
        ask(page, "How many robberies in Colchester?")
        ask(page, "Which district had the most robberies in 2024?")
        page.wait_for_timeout(1200)
        shot(page, f"readme-{size}")
