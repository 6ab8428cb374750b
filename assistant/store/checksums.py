"""One file's SHA-256, read in blocks: the index's file checksums and the exported model's sidecar both use it.

Kept apart from `manifest` (which imports the corpus reader) so the encoder can check its model file without
importing ingestion.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
