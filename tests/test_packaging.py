"""The built wheel is the product: installed away from the repo, it must carry every subpackage and data file
and answer a question."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

ASK = """
import assistant, sys
from assistant.engine import Assistant
print(assistant.__file__)
print(Assistant.load().ask(sys.argv[1]).text)
"""


@pytest.mark.slow
def test_the_wheel_installed_elsewhere_answers_a_question(tmp_path, index_dir):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(tmp_path / "dist"), str(PROJECT_ROOT)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("assistant-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {"PYTHONPATH": str(site), "ASSISTANT_INDEX": str(index_dir), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", ASK, "How many shoplifting offences in Harlow in 2024?"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    location, answer = run.stdout.split("\n", 1)
    assert Path(location).is_relative_to(site), "the test must import the wheel, not the repo"
    assert "shoplifting" in answer and "[1]" in answer
    packaged = {Path(name).parts[1] for name in zipfile.ZipFile(wheel).namelist()
                if name.startswith("assistant/") and len(Path(name).parts) > 2}
    on_disk = {path.parent.name for path in (PROJECT_ROOT / "assistant").glob("*/__init__.py")}
    assert on_disk <= packaged
