"""What the AppTest suites share: waiting for the chat's background rebuild the way the page's poll does."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest


def wait_for_rebuild(at: AppTest, timeout: float = 300) -> str:
    """Rerun the page until the background rebuild reports back (as the page's poll would); its message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        at.run()
        assert not at.exception, at.exception
        done = [m.value for m in [*at.success, *at.error] if "indexed in" in m.value or "failed" in m.value]
        if done:
            return done[0]
        time.sleep(1)
    pytest.fail("the rebuild did not finish")
