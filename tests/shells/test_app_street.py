"""police.uk follow-ups in the chat: the chip shows a street-level context and the next turn uses it.

The app runs (AppTest) on an index built from the real police.uk downloads in ../shared/real/data (one folder per
download, as the street tests build it). What the chip must show and what each follow-up must answer come from
the real engine on the same index, run with the rule the page uses (`ui_context.next_context`), so the test
checks the page against the engine, not against hand-typed labels.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.shells import ui, ui_context
from assistant.understand.street import StreetAsk
from real_data import REAL, require

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
pytestmark = pytest.mark.slow

# A count, a follow-up naming only a month, one naming only a crime type, then a question for the documents.
CONVERSATION = ["How many bike thefts in March 2017?", "And in April 2017?", "What about shoplifting?",
                "Why are the downloads kept one folder per download?"]


@pytest.fixture(scope="module")
def police_paths(tmp_path_factory) -> tuple[Path, Path]:
    from assistant.store.build import build_index

    data = require(REAL / "data")
    base = tmp_path_factory.mktemp("police-app")
    corpus, index = base / "corpus", base / "index"
    corpus.mkdir()
    for folder in data.glob("police_uk_*"):
        shutil.copytree(folder, corpus / folder.name)
    (corpus / "about.md").write_text("# About these files\n\nMonthly street-level crime downloads from police.uk, "
                                     "kept one folder per download.\n", encoding="utf-8")
    build_index(corpus, index)
    return corpus, index


@pytest.fixture(scope="module")
def police_engine(police_paths):
    from assistant.engine import Assistant

    return Assistant.load(police_paths[1], police_paths[0])


@pytest.fixture
def police_app(police_paths, monkeypatch) -> AppTest:
    monkeypatch.setenv("ASSISTANT_CORPUS", str(police_paths[0]))
    monkeypatch.setenv("ASSISTANT_INDEX", str(police_paths[1]))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def chip(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Follow-ups use:"))


def test_the_chip_shows_and_carries_a_police_uk_context(police_app, police_engine):
    context = None
    for turn, question in enumerate(CONVERSATION):
        expected = police_engine.ask(question, context=context)
        police_app.chat_input(key="prompt").set_value(question).run()
        assert not police_app.exception, police_app.exception
        shown = police_app.session_state["turns"][-1].answer
        assert shown.text == expected.text, turn  # the page asked with the context the chip showed
        context = ui_context.next_context(context, "question", expected)
        assert police_app.session_state["context"] == context, turn
        label = ui_context.context_label(context, police_engine.forces)
        assert chip(police_app) == f"Follow-ups use: **{ui.md_escape(label)}**", turn
    first = police_engine.ask(CONVERSATION[0])
    assert isinstance(context, StreetAsk) and context.crime_types != first.context.crime_types
    assert context.months == police_engine.ask(CONVERSATION[1], context=first.context).context.months
    next(b for b in police_app.button if b.label == "Clear").click().run()
    assert chip(police_app) == "Follow-ups use: nothing yet"


def test_a_street_label_names_every_slot_a_follow_up_inherits(police_engine):
    """Property over the street answers of the question set: each slot the engine keeps shows on the chip."""
    from assistant.understand.months import month_words

    for question in ("How many bike thefts in March 2017?", "How many crimes in the first half of 2017 compared "
                     "with the first half of 2016?", "Which crime type was most common in March 2017?"):
        ask = police_engine.ask(question).context
        assert isinstance(ask, StreetAsk) and ui_context.holds_context(ask)
        label = ui_context.context_label(ask)
        assert label.startswith("police.uk")
        for slot in (*ask.crime_types, month_words(ask.months), ask.area or "force-wide"):
            assert slot in label, (question, slot, label)
        if ask.base:
            assert month_words(ask.base) in label
