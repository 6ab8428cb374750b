"""Where the real public data lives for tests: ../shared/real/ beside the repository (CI has it there too).

Tests that read it call `require`: on a developer's machine without the folder they are skipped with the
reason; under CI (the CI variable set) a missing folder fails, so real-data tests can never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

REAL = PROJECT_ROOT.parent / "shared" / "real"


def require(path: Path) -> Path:
    if not path.exists():
        message = f"the real public data is not at {path} (expected ../shared/real beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def absent(path: Path) -> bool:
    """For `pytest.mark.skipif`: True only off CI when the folder is missing (under CI the tests run and fail)."""
    return not path.exists() and not os.environ.get("CI")
