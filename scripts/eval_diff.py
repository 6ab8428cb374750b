"""Compare two `assistant eval` outputs item by item: what changed in the answers, not only in the score.

A refactor must leave answers unchanged and a fix must change only what it meant to; the score alone hides
both (one item fixed and another broken scores the same). This prints, per item id, which of the answer
text, answerability, verdict and cited sources differ, then the first differences in full.

    .venv/bin/python scripts/eval_diff.py BEFORE.jsonl AFTER.jsonl [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIELDS = ("answer", "answerable", "verdict", "sources")


def _items(path: Path) -> dict[str, dict]:
    items = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["sources"] = [(c.get("document"), c.get("locator")) for c in item.get("citations", [])]
            items[str(item.get("id"))] = item
    return items


def differences(before: dict[str, dict], after: dict[str, dict]) -> dict[str, list[str]]:
    """Item id -> the fields that differ (or "missing"/"new" for an item only one side has)."""
    out: dict[str, list[str]] = {}
    for key in before.keys() | after.keys():
        if key not in after or key not in before:
            out[key] = ["missing" if key not in after else "new"]
            continue
        changed = [name for name in FIELDS if before[key].get(name) != after[key].get(name)]
        if changed:
            out[key] = changed
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=10, help="print this many differing items in full")
    args = parser.parse_args(argv)
    before, after = _items(args.before), _items(args.after)
    diff = differences(before, after)
    print(f"{len(before)} items before, {len(after)} after; {len(diff)} differ")
    for name in (*FIELDS, "missing", "new"):
        count = sum(name in fields for fields in diff.values())
        if count:
            print(f"  {name}: {count}")
    for key in sorted(diff)[: args.show]:
        print(f"\n{key}: {', '.join(diff[key])}")
        for side, items in (("before", before), ("after", after)):
            if key in items:
                item = items[key]
                print(f"  {side}: [{item.get('verdict') or item.get('answerable')}] {item.get('answer', '')[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
