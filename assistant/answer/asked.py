"""How a question says what it is about, beyond the kind of answer it wants (`wants`): the parts of a question
that asks several things, the list it asks for and how many items it has, the line it names by number ("agenda
item 3"), the phrases it quotes, and the kind of thing a "which X" asks for ("which file format").
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.wants import NAME, WANTS_ROLE
from assistant.text.dates import asked_months
from assistant.text.terms import TIME_WORDS, content_terms

NUMBER_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "hundred")

# A phrase the question quotes ("'not resilient'", "the 'critical' level"): the answer holds it.
QUOTED = re.compile(r"(?:^|\s)['‘\"“]([^'’\"”]{2,60})['’\"”](?=[\s?.,!]|$)")

# Where a question in several parts splits: "..., and when did it close?", "How long, and where?", "... run for
# and between which dates?", "... and roughly how many came?".
_ASKING = (r"what|when|where|who|whom|how|which|why|by whom|since when|is|are|was|were|did|does|do|has|have|"
           r"over|in what|and")
PART_BREAK = re.compile(rf"\?\s+(?=(?:{_ASKING})\b)|,?\s+and\s+(?:(?:roughly|approximately|about|also|then|exactly|"
                        r"so)\s+)?(?=(?:what|when|where|who|whom|how|which|why|by whom|"
                        r"by (?:what|when|how|which)|since when|"
                        r"(?:between|from|in|on|at|for|with|to|under|within) (?:what|which|whom)|"
                        r"is|are|was|were|did|does|do|has|have|over|in what)\b)|,\s+(?=(?:what|when|where|who|how|"
                        r"which|and)\b)", re.I)


ASKS = re.compile(rf"\b({_ASKING.replace('|and', '')})\b", re.I)


# "How often do neighbourhood drop-ins and neighbourhood forums happen?": one asking frame put to two subjects.
SHARED_FRAME = re.compile(r"^\s*((?:how often|how long|how many|how much|when|where|what time|who)\s+"
                          r"(?:do|does|did|are|is|were|was|will|can|should|have|has)\s+(?:the\s+)?)"
                          r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*)*)\s*\??\s*$", re.I)
PAIR_WORDS = 4  # each subject of a shared frame is a few words ("neighbourhood drop-ins")


# "needs assessment: old deadline and new deadline?", "final survey - total responses and the figure for the
# district": a topic set out first, then two things asked of it, each of a few lower-case words.
LED_PAIR = re.compile(r"^\s*(?P<lead>[^:?]*?\w)\s*(?::|\s[-–—]\s)\s*(?P<first>[a-z%][\w%'’-]*(?:\s+[a-z][\w'’-]*)+?)"
                      r"\s+and\s+(?P<second>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)+)\s*\??\s*$")
# "when did the survey fieldwork start and finish?": one asking frame put to two verbs, each a word.
WHEN_PAIR = re.compile(r"^\s*(?P<frame>(?:when|what date|what time)\s+(?:did|does|do|will|was|were|is|are)\s+"
                       r"[a-z][\w'’ -]*?)\s+(?P<first>[a-z]+)\s+and\s+(?P<second>[a-z]+)\s*\??\s*$", re.I)


def subjects(question: str) -> list[str]:
    """A question that puts one frame to two subjects joined by "and", as two questions ("How often do
    neighbourhood drop-ins happen", "How often do neighbourhood forums happen"; "the survey: total responses",
    "the survey: the figure for the district"; "when did the fieldwork start", "when did the fieldwork finish");
    the question alone otherwise. The second subject has as many words as the first ("drop-ins and forums take
    place": "forums"), and what follows it is the frame's verb. Only lower-case words: "Violence Against Women
    and Girls" is one name."""
    if (led := LED_PAIR.match(question)) and " and " not in f" {led.group('first')} {led.group('second')} " and \
            len(led.group("first").split()) <= PAIR_WORDS:
        return [f"{led.group('lead')}: {led.group(side)}" for side in ("first", "second")]
    if (paired := WHEN_PAIR.match(question)) and " and " not in f" {paired.group('frame')} ":
        return [f"{paired.group('frame')} {paired.group(side)}" for side in ("first", "second")]
    match = SHARED_FRAME.match(question)
    words = match.group(2).split() if match else []
    if "and" not in words or words.count("and") > 1:
        return [question]
    cut = words.index("and")
    first = words[:cut]
    second = [w for w in words[cut + 1:] if w.casefold() != "the"] if words[cut + 1:cut + 2] == ["the"] else \
        words[cut + 1:]
    rest = second[len(first):]
    if not 1 <= len(first) <= PAIR_WORDS or not rest or len(rest) > 2:
        return [question]
    frame, verb = match.group(1), " ".join(rest)
    return [f"{frame}{' '.join(first)} {verb}", f"{frame}{' '.join(second[:len(first)])} {verb}"]


def parts(question: str) -> list[str]:
    """The parts of a question that asks several things, each one on its own; one part when it asks one."""
    split = [subjects(part) for part in PART_BREAK.split(question)]
    pieces = [p.strip(" ,?") for shared in split for p in shared]
    paired = {p.strip(" ,?") for shared in split if len(shared) > 1 for p in shared}
    pieces = [p for p in pieces if len(p.split()) >= 2 or re.fullmatch(r"(when|where|who|why|how)", p, re.I)]
    # "In the Mid Essex survey, how much ...": a lead-in that asks nothing sets the scene for the part after it
    # (a thing asked of a topic set out first, "the survey: total responses", asks without an asking word).
    joined: list[str] = []
    for piece in pieces:
        if joined and not ASKS.search(joined[-1]) and joined[-1] not in paired:
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined if len(joined) > 1 else [question]


# "In what file format should ...", "which museum is it with?": the answer names one of that kind of thing.
WHICH_NOUN = re.compile(r"\b(?:what|which)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:is|are|was|were|should|do|does|did|"
                        r"will|would|can|has|have|had)\b", re.I)
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "all", "some", "our",
               "their", "its", "his", "her", "no", "which", "what", "one", "another", "other"}
NOT_KINDS = {"time", "date", "day", "year", "month", "percentage", "proportion", "share", "number", "rate", "level",
             "amount", "figure"}


# "Which round of the fund did the money come from?": the kind is the noun before "of" (a "kind of", "type of"
# asks for no kind of its own).
WHICH_OF = re.compile(r"\b(?:what|which)\s+([a-z-]+)\s+of\s+(?:the|a|an|this|that|its|their)\b", re.I)
NOT_KINDS |= {"kind", "type", "sort", "part", "parts", "kinds", "types", "sorts"}
# "What is the police target for cutting shoplifting?": a target is said as what is to be done ("Reduce shoplifting
# by 10% by March 2027"), seldom by the word.
NOT_KINDS |= {"target", "targets", "aim", "aims", "goal", "goals"}


def asked_kind(question: str) -> str:
    """The kind of thing a "what X" or "which X" question asks for ("format"); empty when it asks for none."""
    match = WHICH_NOUN.search(question) or WHICH_OF.search(question)
    head = match.group(1).split()[-1].casefold() if match else ""
    return "" if head in NOT_KINDS or head in DETERMINERS else re.sub(r"(?<=[a-z]{3})s$", "", head)


def names_one(text: str, kind: str, asked: str) -> bool:
    """Does the text name a thing of that kind with a word the question lacks ("CSV file format", "Chelmsford
    Museum", "the charity Streetwise Northmarch", "Round 6"), rather than only mention the kind ("a format that
    allows reuse")?"""
    if re.match(rf"\s*(?:[-•❖*]\s*)?{re.escape(kind)}s?\s*:", text, re.I):  # "- Vaccinations: flu, COVID-19 ..."
        return True
    return bool(named_ones(text, kind, asked))


def named_ones(text: str, kind: str, asked: str) -> list[str]:
    """The names the text gives things of that kind by, with a word the question lacks: the name before the kind
    ("Chelmsford Museum"), or, when one of the kind is asked for, after it ("the charity Streetwise Northmarch",
    "Round 6")."""
    own = set(re.findall(r"[a-z0-9]+", asked.casefold()))
    kind = re.escape(kind)
    found = [match.group() for match in re.finditer(rf"\b((?-i:[A-Z])[\w&'’-]*)\s+(?:(?-i:[a-z]+)\s+)?{kind}s?\b", text, re.I)
             if match.group(1)[:1].isupper() and match.group(1).casefold() not in own | DETERMINERS]
    if not re.search(rf"\b{kind}\b", asked, re.I):  # "what actions ...?" asks for the lines, not one's name
        return found
    # after it: a name after the kind in lower case ("Project Minerva" is a name, not a project named), or a number
    return found + [match.group(1) or match.group(2) for match in re.finditer(
        rf"\b(?:(?-i:{kind})\s+((?-i:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*))|{kind}\s+(\d{{1,3}}[a-z]?\b))", text,
        re.I) if (match.group(1) or match.group(2)).split()[0].casefold() not in own | DETERMINERS]


# "How is the training delivered?", "how will the money be spent?": the manner of what the verb names, which the line
# that answers says with that verb ("Delivered via an e-learning module"); "how many", "how long" ask no manner.
MANNER = re.compile(r"^\s*how\s+(?:is|are|was|were|will|would|should|can|could|has|have|had)\b(?!\s+(?:many|much|long|"
                    r"often|far|big|large|old)\b).*?\b([a-z]{3,}(?:ed|en)|spent|run|made|paid|held|kept|built|sent|"
                    r"set|put|met|led|won)\s*\??\s*$", re.I)


def manner_verb(question: str) -> str:
    """The verb whose manner a "how is X delivered?" question asks; empty for any other question."""
    match = MANNER.match(question)
    return match.group(1) if match else ""


# "agenda item 3", "paragraph 2.4", "benchmark 3", "recommendation 2": the line numbered so is the one asked about.
# "agenda item 7" in minutes that never print the word "agenda": the words name the line, not a topic. The words
# are those by which numbered lists are read out (a list of criteria prints "3 The area has ...", never "Benchmark 3").
ITEM_NUMBER = re.compile(r"\b((?:agenda\s+)?(?:item|point|paragraph|section|year|stage|phase|step|project|benchmark|"
                         r"criterion|recommendation|priority|objective|outcome|theme|pledge|principle|commitment|"
                         r"strand|action))\s+(\d{1,2}(?:\.\d{1,2})?)\b", re.I)
# Who someone is or what they do: asked of a person the question names.
ABOUT_SOMEONE = re.compile(r"\bwho is\b|\bwhich (?:organi[sz]ation|org)\b|\brepresent|\bwhat does\b.*\bdo\b", re.I)


def numbered(question: str) -> re.Pattern | None:
    """How the line a question names by its number opens ("agenda item 3" -> "3." or "Item 3", "year 2" -> "Year
    2"); None when it names none."""
    match = ITEM_NUMBER.search(question)
    if match is None:
        return None
    word, number = re.escape(match.group(1)), re.escape(match.group(2))
    return re.compile(rf"\s*(?:[-•❖*]\s*)?(?:{number}\.?|{word}\s+{number})(?::\s*|\s+)\S", re.I)  # a title after it


def introduced(text: str, question: str) -> bool:
    """For "what is X's job title?" or "which organisation does X represent?": does the text give a person the
    question names with what they are ("Lorraine Jarvis – Chief Executive, Chelmsford CVS", "Paul Ballard, Chief
    Inspector at Essex Police, ...")?"""
    if not (WANTS_ROLE.search(question) or ABOUT_SOMEONE.search(question)):
        return False
    return any(re.search(rf"{re.escape(name)}['’]?s?\s*(?:[–—-]|,)\s*(?:the\s+)?[A-Z]", text)
               for name in (m.group() for m in NAME.finditer(question)))


def quoted(question: str) -> list[str]:
    """Phrases the question puts in quotation marks: "'not resilient'", "the 'critical' threat level"."""
    return [m.strip() for m in QUOTED.findall(question) if m.strip()]


_SIZES = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
LIST_SIZE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:[a-z'-]+\s+){0,2}?[a-z-]+s\b", re.I)


def list_size(question: str) -> int | None:
    """"What are the four strands ...": how many items the asked-for list has, when the question says."""
    match = LIST_SIZE.search(question)
    if not match:
        return None
    word = match.group(1).casefold()
    return int(word) if word.isdigit() else _SIZES[word]


def introduces_list(text: str, size: int, noun: str = "") -> bool:
    """Does the line introduce a list of that many items in its own words ("covering two zones: North Avenue and
    Parkway", "made up of 4 different areas:"), of the `noun` when one is given ("areas")?"""
    return any(list_size(m.group()) == size and (not noun or content_terms(noun) <= content_terms(m.group()))
               for m in re.finditer(LIST_SIZE.pattern + r"\s*:", text, re.I))


def list_phrase(question: str) -> str:
    """"four strands": the words naming the asked-for list's items."""
    match = LIST_SIZE.search(question)
    return match.group() if match else ""


# "What is the average ambulance response time in Chelmsford?", "what was the turnout in ...", "what is Chelmsford
# City Council's budget gap for 2025/26?": the thing whose value is asked for (and whose it is, group 1), up to the
# words that say where, when or whose.
ASKED_THING = re.compile(r"^\s*(?:what|which)(?:['’]?s|\s+(?:is|was|are|were|will be))\s+(?:the\s+|((?:[A-Z][\w&-]*\s+){0,4}"
                         r"[A-Z][\w-]*)['’]s\s+)((?:[\w'’-]+\s+){0,5}?"
                         r"[\w'’-]+?)(?=\s+(?:of|in|for|on|at|to|from|by|with|across|during|between|under|this|that|"
                         r"last|next|per|according|as|and|is|was|were|are|about|over|since|after|before|called|named|"
                         r"listed|mentioned|given|set|due|planned|being|now|currently)(?:\s|[?.!,]|$)|\s*[?.!]?\s*$)", re.I)
# Words that size or shape the answer ("the three-word message", "a 24-hour service"), not what it is about.
SHAPE = re.compile(rf"\d|\b(?:{'|'.join(NUMBER_NAMES)})-", re.I)


def asked_thing(question: str) -> list[str]:
    """The words of the thing a "what is the X?" question asks the value of ("average ambulance response time"),
    less words that only give its shape ("three-word"); empty for any other question."""
    match = ASKED_THING.match(question)
    if match and match.group(1) and _only_place(match.group(1)):
        return []  # "Basildon's violent crime rate": a place's figure, which the place and topic rules read
    words = [w for w in match.group(2).split() if not SHAPE.search(w)] if match else []
    if words and re.search(r"ing$", words[-1], re.I):  # "what is the fire service piloting?": what it does
        return []
    while words and re.search(r"ed$", words[-1], re.I):  # "the last board date listed": a date
        words.pop()
    # "the Operation Dial allocation": the allocation is the thing, the name whose it is a topic the passage holds
    named = next((k for k, w in enumerate(words) if not TITLED.fullmatch(w)), 0)
    return words[named:] if named >= 2 else words


TITLED = re.compile(r"[A-Z][a-z][\w'’-]*")  # "Operation", "Dial"; not "NHS", not "the"


def _only_place(words: str) -> bool:
    """Is the whole phrase a place's name ("Basildon", not "Chelmsford City Council")?"""
    found = vocab.find_places(vocab.normalise(words))
    return len(found) == 1 and found[0][1].alias == vocab.normalise(words).strip()


# When something ended or began, as minutes say it: "actually finish" is "The meeting concluded at 11:49", not the
# "from 10.00am to 12:00pm" it was planned for.
MOMENTS = (re.compile(r"\b(finish\w*|end(s|ed)?|conclud\w*|clos(e|ed|es)|over)\b", re.I),
           re.compile(r"\b(start\w*|begin|began|begun|commenc\w*|open(s|ed)?|kick\w* off)\b", re.I))


def asked_moment(question: str) -> re.Pattern | None:
    """For "when did it finish?" or "what time did it start?", the words a line that says so uses; None otherwise."""
    return next((words for words in MOMENTS if words.search(question)), None)


# "Contact: Mark Shaw", "Unit: Research & Analysis Department": a line that gives one field by its label.
FIELD = re.compile(r"^\W*([A-Za-z][A-Za-z /&-]{1,30}?)\s*:\s*\S")


def field_label(text: str) -> str:
    """The label of a "Label: value" line ("Contact"); empty for any other line."""
    match = FIELD.match(text)
    return match.group(1) if match and len(match.group(1).split()) <= 3 else ""


# Words by which a later part points at what an earlier one named: "which one", "its deadline", "they".
LEANS_BACK = re.compile(r"\b(?:which|that|this|the) ones?\b|\b(?:it|its|they|them|their|theirs|those|these)\b", re.I)


def part_topic(piece: str, pieces: list[str], question: str) -> str:
    """The words a part of a several-part question is read with. A part that says enough on its own stands
    alone; a later part that leans back ("... and who was vice-chair?") borrows the parts before it, never the
    ones after ("who chaired it" must not take "vice" from the next part); a part with no words of its own
    ("How long, and where?") borrows the whole question."""
    own = len(content_terms(piece) - TIME_WORDS)
    position = pieces.index(piece) if piece in pieces else 0
    if piece in {s.strip(" ,?") for part in PART_BREAK.split(question) if len(shared := subjects(part)) > 1
                 for s in shared}:
        return piece  # "How often do neighbourhood forums happen": a subject of its own, never the other one's
    if position and LEANS_BACK.search(piece):  # "..., and which one covers Chelmsford?": one of the areas before
        return ", ".join(pieces[:position + 1])
    if own >= 3 or own >= 2 and position == 0:
        return piece
    if own and position:
        return ", ".join(pieces[:position + 1])
    return question


# "straight after the minutes on the December agenda, what's the next item?", "which item comes before the police
# update?", "what follows the declarations of interest on the agenda?": an item named by its neighbour in the list.
NEIGHBOUR = re.compile(r"\b(?:(?:straight|right|immediately|directly|just)\s+)?(?P<side>after|following|follows?|"
                       r"before|preceding|precedes?)\s+(?:the\s+|item\s+on\s+)?(?P<named>[^,?;]+?)"
                       r"(?=\s+(?:on|in|of|at|from)\s+(?:the|this|that|its|their|our)\b|\s*[,?;]|\s*$)", re.I)
ASKS_ITEM = re.compile(r"\b(?:item|items|agenda|comes?|came)\b", re.I)


def neighbour_asked(question: str) -> tuple[int, str] | None:
    """(+1 for the item after, -1 for the one before, the words naming the other item) when the question asks for
    an item of a list by the one next to it; None otherwise. Only a question about items does ("item", "agenda",
    "comes"): "the next meeting after July" asks a date, and a month names no item."""
    match = NEIGHBOUR.search(question)
    if match is None or not ASKS_ITEM.search(question):
        return None
    named = match.group("named").strip()
    if not content_terms(named) or asked_months(named) or ITEM_NUMBER.fullmatch(named):
        return None
    return (-1 if match.group("side").casefold().startswith(("before", "preced")) else 1), named


# "How much is the PCC contributing?", "how much did the council put in?", "what's the council's share?": a sum that
# one party gives, which a line giving the whole cost, or another party's part, does not answer.
PARTY_SUM = re.compile(r"\bhow much\s+(?:money\s+|funding\s+|cash\s+)?(?:is|are|was|were|did|does|do|will|has|have|"
                       r"had)\s+(?P<giver>(?:the\s+)?[\w'’&-]+(?:\s+(?!been\b)[\w'’&-]+){0,3}?)\s+(?:been\s+)?"
                       r"(?:contribut\w*|provid\w*|pay|pays|paying|paid|giv\w*|gave|fund|funds|funding|funded|"
                       r"put(?:ting)?\s+in|invest\w*|spen[dt]\w*|award\w*|allocat\w*|grant\w*|offer\w*|commit\w*|"
                       r"pledg\w*|donat\w*|put(?:ting)?\s+up)\b|"
                       r"\b(?:what(?:'s|’s| is| was| are| were)|how much is|how big is)\s+(?:the\s+)?"
                       r"(?P<owner>[\w&-]+(?:\s+[\w&-]+){0,2}?)['’]s?\s+(?:share|contribution|part|portion|bit)\b", re.I)


def sum_party(question: str) -> str:
    """The party whose own sum the question asks for ("the PCC" of "how much is the PCC contributing?", "council" of
    "what's the council's share?"); empty when it asks no one party's sum."""
    match = PARTY_SUM.search(question)
    if match is None:
        return ""
    named = match.group("giver") or match.group("owner")
    return "" if re.fullmatch(r"(?:the\s+)?(?:it|they|this|that|he|she|we|you|i)", named, re.I) else named


# A line giving a party's own sum says it gives it: "is providing £52,000", "had agreed £52,000", "paying the remaining
# £34,500", "meeting the balance", "£52,000 from her fund"; "has confirmed a £86,500 upgrade" gives none.
GIVING = re.compile(r"\b(?:contribut\w*|provid\w*|pay|pays|paying|paid|fund(?:s|ed|ing)?|giv\w*|gave|agreed|"
                    r"put(?:ting)? in|invest\w*|award\w*|allocat\w*|grant(?:s|ed)?|offer\w*|commit\w*|pledg\w*|"
                    r"donat\w*|meet(?:s|ing)? the|met the|balance|remaining|share|from)\b", re.I)
