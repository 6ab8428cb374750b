"""Lists and small tables answered whole: the line that introduces them, and their items or rows; and the
neighbours a quoted sentence needs ("That was an increase of 6%" needs the sentence before).

A bullet ("- Self-initiated terrorism"), a numbered item or a table row means little without the line above
it ("The threat priorities for the Eastern Region are:") or the table's header row. A question asking for
several things ("what are the four strands of CONTEST?") is answered with every item of the list the best
sentence belongs to, and a question about one item with the item and its lead line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from assistant.answer.facts import IndexFacts, same_section
from assistant.answer.particulars import naming
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
        matching = naming(facts, matching, terms) or matching  # "X is ... in which part of Y": X's line
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


# "Date: .........................", "Signed: ________": a form's field left to be filled in, which answers nothing
BLANK_FIELD = re.compile(r"^[^\W\d][\w ]{0,30}:?[\s.…_-]*[.…_]{4,}[\s.…_-]*$")


def is_blank_field(facts: IndexFacts, i: int) -> bool:
    """Is sentence i a form's field with nothing filled in (a label and a run of dots or rules)? Scoring well on a
    date or a name asked for, by its label and the lines beside it, it still says nothing."""
    return bool(BLANK_FIELD.match(facts.text(facts.index.sentences[i]).strip()))


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


# "the third tier", "the fourth bullet", "the last one", "which comes last", "the 2nd item": an item named by its
# place in a list. A place followed by a time ("last year", "the first three months", "next meeting") is a time.
PLACE = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|"
                   r"(?:[1-9]|10)(?:st|nd|rd|th))\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|times?|quarters?|"
                   r"meetings?|editions?|periods?|dates?|nights?|weekends?|jan\w*|feb\w*|mar\w*|apr\w*|may|june?|"
                   r"july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b)", re.I)
# What a place that names an item follows: "the third tier", "its last item", "which comes last", "last 'useful
# link'" opening the question; not a verb's adverb ("when did the group last meet?", "the strategy first published").
PLACED = re.compile(r"(?:^\W*|\b(?:the|its|their|our|this|that|his|her|your|comes?|came|is|was|are|listed|"
                    r"appears?)\s+)$", re.I)
PLACE_ORDER = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "after three anchor projects, what's the next bullet?": an item named by the one before or after it.
STEP_ASKED = re.compile(r"\b(?:(?:straight|right|immediately|directly|just)\s+)?(?P<side>after|before)\s+(?:the\s+)?"
                        r"(?P<named>[^,?;:]+?)\s*(?:,|\?|;|:|$)", re.I)
NEXT_ITEM = re.compile(r"\b(?:next|previous|following|preceding)\s+(?:bullet|point|item|entry|line|one|thing)s?\b|"
                       r"\b(?:bullet|point|item|entry|line)s?\s+(?:(?:is|was|comes|came)\s+)?(?:after|before)\b|"
                       r"\bcomes?\s+(?:after|before|next)\b",
                       re.I)
# Words that say where an item sits or how a list is printed, never what it is about.
STRUCTURE_TERMS = content_terms("list lists listed bullet bullets point points item items entry entries one ones "
                                "come comes came what which slide slides page pages para paragraph section under "
                                "thing things " + " ".join(PLACE_ORDER) + " last final next previous following "
                                "preceding after before")
SPLIT_AT = re.compile(r"\s+(?:in|on|of|under|from|for|at|within|about)\s+|\s+[-–]\s+|[,?;:]", re.I)
PARAGRAPH_ASKED = re.compile(r"\b(?:para(?:graph)?|section)\s+(\d{1,2}(?:\.\d{1,2})+)\b", re.I)
LIST_NAMED = re.compile(r"\b([\w’'-]+)\s+(?:list|bullets|bullet points|points|items)\b|"
                        r"\b(?:list|bullets|bullet points|points|items)\s+(?:of|on|about)\s+(?:the\s+)?([\w’'-]+)", re.I)
ITEM_ASKED = re.compile(r"\b(?:list(?:s|ed)?|bullet|point|item|entry|one|comes?|came|para(?:graph)?)\b", re.I)
COMMA_LIST_MIN = 3  # "A, B, C and D": a list of at least three things written in a sentence


def positioned_item(facts: IndexFacts, question: str, documents: Collection[str]) -> int | None:
    """The line of a list a question names by its place in it ("the last one in the benefits list", "the fourth
    bullet under Our Plan", "para 4.2 lists the meetings officers attend: which comes last?") or by the item
    before or after it ("after three anchor projects, what's the next bullet?"), in the `documents` allowed; None
    when the question names no place, or no one list is the one it names.

    The list is the one whose own name (its heading, the line that leads it, or the item a sub-list hangs from)
    holds every word the place is said of ("useful link", "our plan"), so "the last Prevent benchmarking
    exercise" or "first published" (a time, a manner) names no list; a list written inside a sentence
    ("Officers also attend A, B, C and D.") must hold every word of the question's topic. Two lists named alike
    are no answer: a wrong item is worse than none."""
    stepped = STEP_ASKED.search(question) if NEXT_ITEM.search(question) else None
    place = None if stepped else next((m for m in PLACE.finditer(question) if PLACED.search(question[:m.start()])),
                                      None)
    if place is None and stepped is None:
        return None
    paragraph = PARAGRAPH_ASKED.search(question)  # "para 4.2": where the list is, not what it is about
    topic = content_terms(re.sub(r"['‘’“”\"]", " ", PARAGRAPH_ASKED.sub(" ", question))) - STRUCTURE_TERMS
    if stepped is not None:
        named = content_terms(SPLIT_AT.split(stepped.group("named"))[0]) - STRUCTURE_TERMS  # not "in the why now list"
        topic -= named
        return _stepped_item(facts, named, topic, 1 if stepped.group("side").casefold() == "after" else -1,
                             documents) if named else None
    said_of = _said_of(question, place)
    word = place.group(1).casefold()
    n = -1 if word in ("last", "final") else PLACE_ORDER.index(word) if word in PLACE_ORDER else int(word[:-2]) - 1
    listing = bool(topic) and bool(ITEM_ASKED.search(question))  # "para 4.2 lists ...": a list written in a sentence
    bulleted, written = [], []
    for items, name, around, sentence in _lists(facts, documents):
        if not -len(items) <= n < len(items):
            continue
        if not sentence and said_of and said_of <= name:  # "the last local benchmarking exercise" names no list
            # the list named by those words and little else ("Benefits") before one whose lead line merely uses one
            bulleted.append(((len(said_of) / len(name), len(topic & (name | content_terms(around)))), items[n]))
        elif sentence and listing and topic <= name and not (paragraph and not around.startswith(paragraph.group(1))):
            written.append(((len(topic), 0), items[n]))
    return _only_best(bulleted or written)  # a printed list named so first; failing that, a sentence that lists


def _said_of(question: str, place: re.Match) -> frozenset[str]:
    """The words the place is said of: those right after it ("third tier", "last 'useful link'"), or, when those
    are only structure ("the fourth bullet under our plan", "the last one in the benefits list"), the first
    words after that which are not; failing both, the words that name a list ("the benefits list", "the list of
    benefits")."""
    for piece in SPLIT_AT.split(question[place.end():])[:3]:
        if said := content_terms(re.sub(r"['‘’“”\"]", " ", piece)) - STRUCTURE_TERMS:
            return said
    named = LIST_NAMED.search(question)  # "in the benefits list, what's the last one?"
    return content_terms(named.group(1) or named.group(2)) - STRUCTURE_TERMS if named else frozenset()


def _only_best(scored: list[tuple[tuple[float, ...], int]]) -> int | None:
    """The item of the one best-scored list; None when none scored or two lists tie at the top."""
    if not scored:
        return None
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1] != scored[0][1]:
        return None
    return scored[0][1]


def _stepped_item(facts: IndexFacts, named: frozenset[str], topic: frozenset[str], step: int,
                  documents: Collection[str]) -> int | None:
    """The item one `step` after (or before) the bullet holding every word `named`, in the same list."""
    scored = []
    for items, name, around, sentence in _lists(facts, documents):
        if sentence:
            continue
        for k, i in enumerate(items):
            if named <= facts.sentence_terms(i) and 0 <= k + step < len(items):
                scored.append(((len(topic & (name | content_terms(around))), 0), items[k + step]))
    return _only_best(scored)


ListFound = tuple[list[int], frozenset[str], str, bool]  # items, own name's terms, words around, in one sentence


def _lists(facts: IndexFacts, documents: Collection[str]) -> Iterator[ListFound]:
    """Every list of the documents as (its items' sentences, the terms of its own name, the words around it, is it
    written in one sentence). A run of bullets is named by the line that leads it or else its heading, and read
    with its headings; a sub-list by the bullet it hangs from, read with the run's name; a sentence "A, B, C and
    D." is its own name, read with the start of its paragraph."""
    index = facts.index
    by_document: dict[str, list[int]] = {}
    for i, sentence in enumerate(index.sentences):
        if sentence.document in documents:
            by_document.setdefault(sentence.document, []).append(i)
    for doc_id, positions in by_document.items():
        text = index.documents[doc_id].text
        run: list[tuple[int, int]] = []  # (indent, sentence) of the bullets in a row
        for i in [*positions, None]:
            line = _whole_line(facts, i) if i is not None else None
            if line is not None and is_item(line) and not is_table_row(line) and \
                    (not run or _same_section(facts, run[-1][1], i)):
                run.append((len(line) - len(line.lstrip()), i))
                continue
            if len(run) > 1:
                yield from _run_lists(facts, run)
            run = [(len(line) - len(line.lstrip()), i)] if line is not None and is_item(line) and \
                not is_table_row(line) else []
            if i is not None and line is None:
                sentence = index.sentences[i]
                said = facts.text(sentence)
                parts = _comma_items(said)
                if len(parts) >= COMMA_LIST_MIN:
                    start = text.rfind("\n", 0, sentence.start) + 1
                    yield [i] * len(parts), facts.sentence_terms(i), text[start:sentence.start].strip(), True


def _run_lists(facts: IndexFacts, run: list[tuple[int, int]]) -> Iterator[ListFound]:
    """The top-level list of a run of bullets and the sub-list under each of its bullets that has one."""
    top = min(indent for indent, _ in run)
    first = run[0][1]
    lead = lead_of(facts, first)
    path = facts.index.chunks[facts.index.sentences[first].chunk].section_path
    own = facts.sentence_terms(lead) if lead is not None else content_terms(path[-1] if path else "")
    around = " ".join(path)
    items = [i for indent, i in run if indent == top]
    yield items, own, around, False
    for k, (indent, i) in enumerate(run):
        if indent != top:
            continue
        children = []
        for deeper, j in run[k + 1:]:
            if deeper == top:
                break
            children.append((deeper, j))
        level = min((deeper for deeper, _ in children), default=top)
        under = [j for deeper, j in children if deeper == level]
        if len(under) > 1:
            yield under, facts.sentence_terms(i), f"{around} {' '.join(own)}", False


def _comma_items(sentence: str) -> list[str]:
    """The things a sentence lists as "A, B, C and D" (its last comma-separated part split at its "and"); empty
    when it lists fewer than COMMA_LIST_MIN."""
    parts = [p.strip() for p in sentence.rstrip(" .").split(",")]
    if len(parts) < COMMA_LIST_MIN - 1:
        return []
    last = re.split(r"\s+and\s+", parts[-1])
    return parts[:-1] + last if len(last) == 2 else []
