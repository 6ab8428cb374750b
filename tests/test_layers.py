"""The package's stages import downwards only (README, "How it works"): text < ingest < vocab < store <
understand < answer < claims < engine < shells, with config, errors, records and hygiene beneath them all.

A module that imports a higher stage pulls the question side into ingestion (or the chat into the engine), which
is how the flat package this layout replaced grew its loops; the test reads every module's imports and fails on one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

STAGES = ("text", "ingest", "vocab", "store", "understand", "answer", "claims", "engine", "shells")
BENEATH_ALL = ("config", "errors", "records", "hygiene")
PACKAGE = PROJECT_ROOT / "assistant"


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "assistant" or len(parts) < 2:
        return None
    if parts[1] in BENEATH_ALL:
        return -1
    return STAGES.index(parts[1]) if parts[1] in STAGES else None


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)


# Every module but the package's own __init__ and __main__, which sit above the stages.
MODULES = [path for path in sorted(PACKAGE.rglob("*.py")) if _stage(_module(path)) is not None]


def test_every_stage_has_modules():
    assert set(range(len(STAGES))) <= {_stage(_module(path)) for path in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_no_higher_stage(path):
    module = _module(path)
    own = _stage(module)
    higher = [name for name in _imports(path) if (_stage(name) or -1) > own]
    assert higher == [], f"{module} (stage {STAGES[own] if own >= 0 else 'base'}) imports {higher}"


def test_test_modules_import_their_helpers_by_module_name():
    """The tests folder is on the import path but is no package: `from tests.generated_corpora import ...` works only
    where an outer folder happens to make it one, and fails to collect on a fresh clone (twice in CI)."""
    import re
    from pathlib import Path

    pattern = re.compile(r"^\s*(?:from|import)\s+tests\.", re.MULTILINE)
    offenders = [str(path) for path in Path(__file__).parent.rglob("*.py") if pattern.search(path.read_text())]
    assert offenders == []
