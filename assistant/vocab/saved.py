"""The vocabulary data as `load` read and checked it, saved with the index as JSON.

Why: parsing the TOML files and checking every phrase in them took about 13 ms, paid by every new process before
its first answer; the same data read back from JSON takes a fiftieth of that. The data files ship with the package, so
the build saves what they held with a fingerprint of their bytes and of the rules that check them (load.py): a
data file edited since the build, or other rules, and the engine reads and checks the files afresh
(`vocab.load`), exactly as before.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from .load import FILES, Area, CrimeType, Sentence, VocabData, default_directory

FILE = "vocabulary.json"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """sha256 of the shipped data files and of the rules that read and check them."""
    digest = hashlib.sha256(Path(__file__).with_name("load.py").read_bytes())
    root = default_directory()
    for name in FILES:
        digest.update(root.joinpath(name).read_bytes())
    return digest.hexdigest()


def save(data: VocabData, build: Path) -> None:
    """Write the shipped data, as read and checked, into a build folder."""
    (build / FILE).write_text(json.dumps({"fingerprint": fingerprint(), "data": asdict(data)}))


def load(build: Path) -> VocabData | None:
    """The data the build saved, or None when it saved none or the files or their rules changed since."""
    try:
        saved = json.loads((build / FILE).read_text())
    except OSError:  # none saved (an index built before the data was): `vocab.load` reads the files instead
        return None
    if saved.get("fingerprint") != fingerprint():
        return None
    raw = saved["data"]
    return VocabData(
        areas={name: Area(a["kind"], tuple(a["aliases"]), tuple(a["towns"]), a["notes"])
               for name, a in raw["areas"].items()},
        not_covered={name: tuple(aliases) for name, aliases in raw["not_covered"].items()},
        crime_types={label: CrimeType(tuple(c["aliases"]), tuple(c["qualifiers"]), c["notes"], c["name"], c["unit"],
                                      tuple(c["stand_in"])) for label, c in raw["crime_types"].items()},
        all_crime=raw["all_crime"], generic=tuple(raw["generic"]), generic_notes=raw["generic_notes"],
        sentences=tuple(Sentence(s["crime_type"], tuple(s["things"]), tuple(s["then"]), tuple(s["words"]),
                                 tuple(s["joined_by"]), tuple(s["optional"])) for s in raw["sentences"]),
        hierarchy=raw["hierarchy"], targets=tuple(raw["targets"]), not_targets=tuple(raw["not_targets"]),
        never_correct=tuple(raw["never_correct"]))
