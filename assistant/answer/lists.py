"""Lists and small tables answered whole: the line that introduces them, and their items or rows; and the
neighbours a quoted sentence needs ("That was an increase of 6%" needs the sentence before).

A bullet ("- Self-initiated terrorism"), a numbered item or a table row means little without the line above
it ("The threat priorities for the Eastern Region are:") or the table's header row. A question asking for
several things ("what are the four strands of CONTEST?") is answered with every item of the list the best
sentence belongs to, and a question about one item with the item and its lead line.
"""

from __future__ import annotations

import re

from assistant.answer.facts import IndexFacts, same_section
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.context import is_item, is_table_row
from assistant.text.terms import content_terms

MAX_ITEMS = 12
MID_PHRASE = re.compile(r"(?:,|\b(?:the|a|an|of|and|or|to|in|for|with|at|by|on|from|that|which|as|is|was|were|are|"
                        r"be|been|has|had|have|its|their|his|her|our))$", re.I)
# "Ms Okafor said:" opens a quotation, whose paragraphs are no list's items.
SPEAKS = re.compile(r"\b(said|says|added|adds|stated|told|commented|explained|wrote|continued)\s*:$", re.I)
ITEM_MAX_CHARS = 250
MAX_SIBLINGS = 2
FIGURE_CELL = re.compile(r"\s*[-+£$]?\d")  # a cell that gives a figure: "8.5 increase", "-4.2", "£22,665"  # other items of a list a question about one may also need  # after a line ending in ":", short one-line paragraphs are its items


def with_list(facts: IndexFacts, i: int, many: bool, terms: frozenset[str] = frozenset(),
              asked: str = "") -> list[Sentence]:
    """The sentence's list or table as an answer (see the module docstring); empty when it is in none."""
    index = facts.index
    sentence = index.sentences[i]
    line = _whole_line(facts, i)
    lead_line = _introduces(facts, i, many)
    if not lead_line and (line is None or not (is_item(line) or _after_lead(facts, i))):
        return []
    lead = i if lead_line else lead_of(facts, i)
    # A line ending in ":" says its answer is below ("... services including:", "Dates of the Next Meetings:"):
    # quoted alone it is half an answer, so its items come with it whatever was asked.
    many = many or lead_line and facts.text(sentence).rstrip().endswith(":")
    if not many:
        if lead is None or lead == i:
            return []
        others = _items_for_other_conjuncts(facts, lead, i, asked)
        return [index.sentences[j] for j in sorted({lead, i, *others})]
    first = lead if lead is not None else _run_start(facts, i)
    items = _items(facts, first)
    header = _header_among(facts, items)
    if terms and (header is not None or line is not None and (is_table_row(line) or not is_item(line))):
        # "Which benchmarks were rated Exceeding?", "which priorities are rated green?", "which HMCTS people were
        # there?": the rows or lines that hold the asked-for words, with the lead line and the header. A word of the
        # header ("RAG") or of the lead ("Green: on track", a legend) is in every row's reading, and picks none.
        shown = [items[0]] if header in (None, items[0]) else [items[0], header]
        named = facts.sentence_terms(header if header is not None else items[0])
        matching = [j for j in items[1:] if j not in shown and terms & facts.sentence_terms(j) - named]
        items = [*shown, *matching] if matching else items
    return [index.sentences[j] for j in items] if len(items) > 1 else []


CONJUNCTION = re.compile(r"\b(?:and|or)\b", re.I)


def _items_for_other_conjuncts(facts: IndexFacts, lead: int, i: int, asked: str) -> list[int]:
    """"How often do drop-ins and forums happen?" asks of two items of one list: when the chosen item holds the
    words of one of the things joined by "and" or "or" and none of another's, the items that hold the other's
    words answer with it (at most MAX_SIBLINGS)."""
    said = [content_terms(part) for part in CONJUNCTION.split(asked)]
    if len(said) < 2:
        return []
    own = [terms - frozenset().union(*(other for k, other in enumerate(said) if k != n)) for n, terms in enumerate(said)]
    chosen = facts.sentence_terms(i)
    if not any(terms & chosen for terms in own):
        return []
    lacking = frozenset().union(*(terms for terms in own if terms and not terms & chosen))
    return [j for j in _items(facts, lead)[1:] if j != i and lacking & facts.sentence_terms(j)][:MAX_SIBLINGS]


def _run_start(facts: IndexFacts, i: int) -> int:
    """The first item of the run of bullets sentence i ends or sits in, when a heading rather than a line leads it
    ("Principles underpinning the Strategic Themes" over "- Equity ...", "- Sustainability")."""
    line = _whole_line(facts, i)
    if line is None or not is_item(line) or is_table_row(line):
        return i
    j = i
    while i - j < MAX_ITEMS and _same_section(facts, i, j - 1) and is_item(_whole_line(facts, j - 1) or "") \
            and not is_table_row(_whole_line(facts, j - 1) or ""):
        j -= 1
    return j


def _introduces(facts: IndexFacts, i: int, many: bool = False) -> bool:
    """Does sentence i introduce a list: it ends its line with ":" ("... three investment priorities as per
    below:"), or, when a list is asked for, it is a short line with items right under it ("Cultural compact –
    Culture Partnerships group established" above "- Chelmsford City Council")?"""
    text = facts.text(facts.index.sentences[i]).rstrip()
    if not _ends_line(facts, i):
        return False
    if text.endswith(":"):
        return not SPEAKS.search(text)
    line = _whole_line(facts, i)
    if many and line is None and _tabled_below(facts, i):
        return True
    return many and line is not None and not is_item(line) and len(line) <= ITEM_MAX_CHARS and \
        _same_section(facts, i, i + 1) and is_item(_whole_line(facts, i + 1) or "")


def _header_among(facts: IndexFacts, items: list[int]) -> int | None:
    """The header row of the table among a list's first lines (the lead itself, or the row under the line that
    introduces the table); None when the list is no table with a header."""
    return next((j for j in items[:2] if _heads_table(facts, j)), None)


def _heads_table(facts: IndexFacts, i: int) -> bool:
    """Is sentence i a table's header row: `is_header_row`, or the row of names over rows whose first cell is
    numbered ("1. Violence in the night-time economy<tab>Lead: ..."), which read as numbered items, not rows, and
    so are known by the labels the build put before their cells ("Lead: "): the header's own cells."""
    if is_header_row(facts, i):
        return True
    row = _whole_line(facts, i) or ""
    under = (_whole_line(facts, i + 1) or "") if _same_section(facts, i, i + 1) else ""
    names, cells = row.split("\t")[1:], under.split("\t")[1:]
    return bool(names) and len(cells) == len(names) and not any(FIGURE_CELL.match(name) for name in names) and \
        all(cell.strip().startswith(f"{name.strip()}:") for name, cell in zip(names, cells) if cell.strip())


def _tabled_below(facts: IndexFacts, i: int) -> bool:
    """Is sentence i the end of the paragraph right above a table ("Their current status is set out below (Red:
    off track; Green: on track)." over "Priority<tab>Lead<tab>RAG")? The paragraph introduces the table."""
    return _same_section(facts, i, i + 1) and "\t" in (_whole_line(facts, i + 1) or "")


def _ends_line(facts: IndexFacts, i: int) -> bool:
    sentence = facts.index.sentences[i]
    text = facts.index.documents[sentence.document].text
    end = text.find("\n", sentence.end)
    return not text[sentence.end:len(text) if end < 0 else end].strip()


def list_items(facts: IndexFacts, i: int) -> int:
    """How many items sentence i introduces: those after a line ending in ":", or, for the first line of a
    section that opens with a list, the section's items (its heading is their lead); 0 otherwise."""
    line = _whole_line(facts, i)
    if _introduces(facts, i):
        return len(_items(facts, i)) - 1
    if line is None or is_table_row(line):
        return 0
    if _opens_section(facts, i) and is_item(line):
        return len(_items(facts, i))
    return 0


def _opens_section(facts: IndexFacts, i: int) -> bool:
    return not _same_section(facts, i, i - 1)


def _whole_line(facts: IndexFacts, i: int) -> str | None:
    """The sentence's line when the sentence is the whole of it (a bullet, a row, a one-line paragraph)."""
    sentence = facts.index.sentences[i]
    text = facts.index.documents[sentence.document].text
    start = text.rfind("\n", 0, sentence.start) + 1
    end = text.find("\n", sentence.end)
    end = len(text) if end < 0 else end
    line = text[start:end]
    return line if line.strip() == text[sentence.start:sentence.end].strip() else None


def _same_section(facts: IndexFacts, i: int, j: int) -> bool:
    index = facts.index
    if not 0 <= j < len(index.sentences) or index.sentences[j].document != index.sentences[i].document:
        return False
    a, b = index.chunks[index.sentences[i].chunk], index.chunks[index.sentences[j].chunk]
    return a.section_path == b.section_path


def _after_lead(facts: IndexFacts, i: int) -> bool:
    """A short one-line paragraph right after a line ending in ":" ("Pursue: to stop ...")."""
    lead = lead_of(facts, i)
    return lead is not None and facts.text(facts.index.sentences[lead]).rstrip().endswith(":")


def lead_of(facts: IndexFacts, i: int) -> int | None:
    """The sentence that introduces the list or table sentence i is in: the nearest line above ending in ":",
    the short title above a run of items ("AGENDA"), or a table's first row; None for running prose."""
    own = _whole_line(facts, i) or ""
    top_row = i if is_table_row(own) else None
    j, steps = i - 1, 0
    while _same_section(facts, i, j) and steps <= MAX_ITEMS:
        line = _whole_line(facts, j)
        if top_row is not None:
            if line is None or not is_table_row(line):
                return top_row
            top_row = j
        elif (lead := facts.text(facts.index.sentences[j]).rstrip()).endswith(":"):
            return None if SPEAKS.search(lead) else j
        elif line is None or len(line) > ITEM_MAX_CHARS:
            return None
        elif not is_item(line) and is_item(own):
            return j
        j, steps = j - 1, steps + 1
    return top_row if top_row != i else None


def is_header_row(facts: IndexFacts, i: int) -> bool:
    """Is sentence i a table's header row ("Ref<tab>Action<tab>Owner<tab>Deadline"): a row with rows under it in
    its section and none above, no cell of which is a figure ("Very streamlined<tab>8.5 increase" opens a table
    that has no header)? It names what the rows give and answers nothing on its own."""
    line = _whole_line(facts, i)
    return line is not None and is_table_row(line) and not any(FIGURE_CELL.match(cell) for cell in line.split("\t")) \
        and lead_of(facts, i) in (None, i) and \
        _same_section(facts, i, i + 1) and is_table_row(_whole_line(facts, i + 1) or "")


def _items(facts: IndexFacts, first: int) -> list[int]:
    """The lead (or first item) and the items that follow it in the same section, at most MAX_ITEMS. Items are
    bullets, numbered lines or rows; after a line ending in ":" that no bullet follows, short one-line
    paragraphs ("Pursue: to stop ...")."""
    found = [first]
    own = _whole_line(facts, first) or ""
    bullets = None if _introduces(facts, first, True) else is_item(own)
    j = first + 1
    while _same_section(facts, first, j) and len(found) <= MAX_ITEMS:
        line = _whole_line(facts, j)
        if line is None:
            break
        if bullets is None:
            bullets = is_item(line)
        if not (is_item(line) if bullets else len(line) <= ITEM_MAX_CHARS and not line.rstrip().endswith(":")
                and not is_item(line)):  # "1. Welcome and Introductions" after the apologies: the next item
            break
        found.append(j)
        j += 1
    return found


def continues(index: LoadedIndex, i: int) -> bool:
    """Does sentence i carry on one the line before left unfinished ("... Matthew Hopkins, the" / "Chief Executive
    at ...", split by a page break)?"""
    if i <= 0 or index.sentences[i - 1].document != index.sentences[i].document:
        return False
    before = index.sentences[i - 1]
    text = index.documents[before.document].text[before.start:before.end].rstrip()
    # It ends mid-phrase: on a small word or a comma ("..., the"), not on a name, a figure or a noun ("... Rescue
    # Service", "... 01245 606477", "... in the near future"), as lines without full stops do.
    return len(text.split()) >= 6 and bool(MID_PHRASE.search(text)) and not is_item(text)


# Openings that point back at the sentence before; "It was reported that ..." does not.
ANAPHORA = re.compile(r"^(That|This|These|Those|Which|The (figure|number|rise|fall|increase|decrease|project|scheme|"
                      r"programme|initiative|fund|event|group|same))\b|"
                      r"^It\b(?! (was|is|has been) (also )?(reported|advised|noted|agreed|anticipated|observed|"
                      r"mentioned|understood|admitted|stated|suggested|implied|confirmed)\b)")


def with_context(index: LoadedIndex, sentence: Sentence) -> list[Sentence]:
    """The sentence, led in by the one before when it starts mid-thought ("including 120 stop and searches",
    "This is better than ..."), or followed by the next when that only makes sense with it ("That was ...")."""
    position = index.sentence_position[(sentence.document, sentence.start)]
    chosen = [sentence]
    text = index.documents[sentence.document].text[sentence.start:sentence.end]
    leans_back = text[:1].islower() or ANAPHORA.match(text) or continues(index, position)
    if leans_back and position > 0 and index.sentences[position - 1].document == sentence.document:
        chosen.insert(0, index.sentences[position - 1])
    if position + 1 < len(index.sentences):
        follower = index.sentences[position + 1]
        follower_text = index.documents[follower.document].text[follower.start:follower.end]
        # "... an increase in sexual offences and medium" / "risk domestic abuse.": a sentence a line break cut.
        cut = not text.rstrip().endswith((".", "!", "?", ":", ";")) and follower_text[:1].islower()
        if follower.document == sentence.document and (ANAPHORA.match(follower_text) or cut):
            chosen.append(follower)
    return chosen


def lead_context(facts: IndexFacts, i: int) -> str:
    """For an item of a list: its lead line and the line before that ("Operation Selmol began in July ... Results
    in Q2:"), which say whose the items are; empty for other lines."""
    lead = lead_of(facts, i) if is_item(facts.text(facts.index.sentences[i])) else None
    if lead is None:
        return ""
    index = facts.index
    lines = [lead - 1, lead] if lead > 0 and same_section(index, lead - 1, index.sentences[lead]) else [lead]
    return " ".join(facts.text(index.sentences[j]) for j in lines)
