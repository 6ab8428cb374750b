"""Names the documents list side by side: "the towns of Ashby Crowle, Holtbridge, Saxby Market and Wenlow".

A document that lists names this way says they are things of one kind, each apart from the others, so a line about
one is not about another. The place vocabulary knows one county's places; documents from anywhere name their own
towns, wards and teams, and these lists are how the documents themselves say which names are alternatives. A
question about Ashby Crowle is not answered by a line about Holtbridge, nor by a passage that never names Ashby
Crowle at all.

A table's rows say the same of the names that label them ("Farthingmoor<TAB>Responses: 112<TAB>...", then the
district's total row): a question about Farthingmoor is not answered by another area's row, nor by the total's.

A name is recognised by its distinctive words: those the documents never print in lower case ("Saxby" of "Saxby
Market"; "Market" is an ordinary word when they print "market"). Names the place vocabulary reads are left to
its own rules (`judge`).
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.facts import IndexFacts

_NAME = r"(?:the[ \t]+)?[A-Z][\w'’&-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’&-]+){0,2}"  # "the City of Northmarch"
# Three or more capitalised names joined by commas and a closing "and" or "or", after words that say they are
# places ("the towns of", "based in", "covers", "across"): a list of people or of a body's titles is no such list.
NAMED_LIST = re.compile(rf"\b(?:towns?|villages?|wards?|areas?|parish(?:es)?|districts?|boroughs?|neighbourhoods?|"
                        rf"localities|estates?|sites?|in|at|across|covers?|covering|between)[ \t]+(?:of[ \t]+)?"
                        rf"(?:the[ \t]+)?({_NAME}(?:,[ \t]+{_NAME})+,?[ \t]+(?:and|or)[ \t]+{_NAME})\b")
SPLIT = re.compile(r",[ \t]+|,?[ \t]+(?:and|or)[ \t]+")
# A row's label: its first cell, a capitalised name of a few words and no figure ("Wendle Bridge", "Lydwold District")
ROW_LABEL = re.compile(r"[A-Z][A-Za-z'’&-]*(?:[ \t]+[A-Za-z][A-Za-z'’&-]*){0,3}")
ROWS = 3  # rows in a run, at the least, for their labels to be a table's


def groups(facts: IndexFacts) -> tuple[tuple[str, ...], ...]:
    """Every list of three or more places some document prints, worked out once per index. A list with more than
    one ordinary word in it ("Crime", "Police") is a title, not names; names the place vocabulary knows are left out
    of a list (their own rules apply)."""
    key = "sibling-groups"
    if key not in facts.term_sets:
        found = set()
        for document in facts.index.documents.values():
            for match in NAMED_LIST.finditer(document.text):
                names = [re.sub(r"^the\s+", "", name.strip()) for name in SPLIT.split(match.group(1))]
                # names, not words; one may be printed in lower case somewhere too ("tarnley.gov.uk")
                if len(set(names)) >= 3 and sum(not _distinctive(name, facts) for name in names) <= 1:
                    # "Northmarch Force covers Tarnley, Aldermoor, Pennick and the City of Northmarch": the whole
                    # named before the list holds them all, and a line naming it is about none of them alone
                    whole = _line_before(document.text, match.start())
                    found.add(tuple(dict.fromkeys(n for n in names if not vocab.find_places(vocab.normalise(n))
                                                  and not _names(whole, n, facts))))
        facts.term_sets[key] = frozenset(found)
    return tuple(sorted(facts.term_sets[key]))


class RowLabels(tuple):
    """The other labels of the rows of a table beside the one a question names: only a row labelled by one of
    them is about another (the lines around a table need not print its labels, as a list's passage does)."""


def row_groups(facts: IndexFacts) -> tuple[tuple[str, ...], ...]:
    """The labels of every run of table rows labelled by names, worked out once per index (`_row_labels`)."""
    key = "sibling-row-groups"
    if key not in facts.term_sets:
        facts.term_sets[key] = frozenset(names for document in facts.index.documents.values()
                                         for names in _row_labels(document.text, facts))
    return tuple(sorted(facts.term_sets[key]))


def _row_labels(text: str, facts: IndexFacts) -> set[tuple[str, ...]]:
    """The labels of each run of table rows in a document (lines of tab-separated cells, one after another) whose
    first cells are names: past a header ("Area"), at least ROWS of them, all but one with a distinctive word
    ("Cawsey Market", ..., "Lydwold District"). A total row's label is kept among them (a line for the whole
    answers for none of its parts); rows labelled by figures, codes or ordinary words ("Shoplifting") make no
    such list."""
    found, run = set(), []
    for line in [*text.split("\n"), ""]:
        cells = line.split("\t")
        if len(cells) > 1 and ROW_LABEL.fullmatch(label := cells[0].strip()):
            run.append(label)
            continue
        names = tuple(dict.fromkeys(run[1:] if run and not _distinctive(run[0], facts) else run))
        if len(names) >= ROWS and sum(not _distinctive(name, facts) for name in names) <= 1:
            found.add(names)
        run = []
    return found


def _line_before(text: str, end: int) -> str:
    """The words of the line (or sentence) a list is part of, before the list."""
    start = max(text.rfind("\n", 0, end), text.rfind(". ", 0, end)) + 1
    return text[start:end]


def _lower_words(facts: IndexFacts) -> frozenset[str]:
    """Every word the documents print in lower case, read once per index."""
    key = "sibling-lower-words"
    if key not in facts.term_sets:
        facts.term_sets[key] = frozenset(word for document in facts.index.documents.values()
                                         for word in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", document.text))
    return facts.term_sets[key]


def _distinctive(name: str, facts: IndexFacts) -> tuple[str, ...]:
    """The words of a name that the documents never print in lower case ("Saxby", "Crowle")."""
    lower = _lower_words(facts)
    return tuple(word for word in name.split() if word.casefold() not in lower)


def _names(text: str, name: str, facts: IndexFacts, exactly: bool = False) -> bool:
    """Does the text name it: the whole name in any case, or (unless `exactly`) one of its distinctive words
    capitalised ("Chief Inspector Hallam" for "Priya Hallam")?"""
    if re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text, re.I):
        return True
    return not exactly and any(re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)
                               for word in _distinctive(name, facts))


def asked(question: str, facts: IndexFacts) -> list[tuple[str, tuple[str, ...]]]:
    """(name, the others of its list) for each listed name the question names in full; only names with a
    distinctive word count, so that a list of ordinary words ("Safer, Stronger and Healthier") never does."""
    found = []
    for group in groups(facts):
        for name in group:
            if _names(question, name, facts, exactly=True) and _distinctive(name, facts):
                found.append((name, tuple(n for n in group if n != name and not _names(question, n, facts))))
    rows: dict[str, list[str]] = {}  # a name several tables label rows by, once, beside all their other labels
    for group in row_groups(facts):
        for name in group:
            if _names(question, name, facts, exactly=True) and _distinctive(name, facts) and \
                    not vocab.find_places(vocab.normalise(name)):  # the place vocabulary's own rules read those
                rows.setdefault(name, []).extend(n for n in group if n != name and not _names(question, n, facts))
    listed = {name for name, _ in found}
    return found + [(name, RowLabels(dict.fromkeys(others))) for name, others in rows.items() if name not in listed]


def objection(named: list[tuple[str, tuple[str, ...]]], facts: IndexFacts, line: str, passage: str) -> str:
    """Why the line, read in its passage (headings, the passage's text, the document's title), is about
    another of the names listed beside one the question names (`named`: see `asked`), or about none of them;
    empty when it may be the answer."""
    for name, others in named:
        if _names(line, name, facts):
            continue
        if "\t" in line and (label := line.split("\t")[0].strip()) in others:  # another row of the table
            return f"the passage is about {label}, not {name}"
        if isinstance(others, RowLabels):
            continue
        other = next((o for o in others if _distinctive(o, facts) and _names(line, o, facts)), None)
        if other is not None:
            return f"the passage is about {other}, not {name}"
        if not _names(passage, name, facts):
            return f"no passage about {name} answers this"
    return ""
