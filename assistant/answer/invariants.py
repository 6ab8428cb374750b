"""What every answer leaving the engine must satisfy, checked on the finished `Answer`.

- every citation marker "[n]" in the text, the safer wording and the caveats has a citation numbered n;
- an answer marked answerable cites at least one source;
- the answer can be written as UTF-8 JSON (no unpaired surrogate slipped in from anywhere).

`broken_invariants` names what is wrong; the engine withholds an answer that breaks any of them, as the number
guard withholds an answer stating an uncited figure.
"""

from __future__ import annotations

import json
import re

from assistant.records import Answer

MARKER = re.compile(r"\[(\d{1,4})\]")


def markers(text: str) -> set[int]:
    """The citation numbers "[n]" a text refers to."""
    return {int(n) for n in MARKER.findall(text or "")}


def broken_invariants(answer: Answer) -> list[str]:
    """Plain descriptions of the invariants `answer` breaks; empty when it may be shown."""
    broken = []
    numbers = {c.n for c in answer.citations}
    referred = markers(answer.text) | markers(answer.suggestion)
    for caveat in answer.caveats:
        referred |= markers(caveat)
    dangling = sorted(referred - numbers)
    if dangling:
        broken.append("it refers to source(s) " + ", ".join(f"[{n}]" for n in dangling) + " that it does not cite")
    if answer.answerable and not answer.citations:
        broken.append("it cites no source")
    try:
        json.dumps(answer.to_dict(), ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError, UnicodeError) as error:
        broken.append(f"it cannot be written as UTF-8 JSON ({type(error).__name__})")
    return broken
