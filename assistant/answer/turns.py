"""Reading a follow-up's words: does a turn lean on the last answer, what it points back with ("he", "that", "the
second one", "the year before", "who else"), and what it names in place of what the earlier question named.

All of it is plain English read from the text alone, never one corpus's names: a place, a crime type or a date a
turn names takes the place of the earlier question's ("And across Essex?", "and the February 2014 one?"), and
the words that only say how a turn leans back are no topic to find. `thread` uses these to pick the lines that
answer a follow-up.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.text.dates import DATE, months_dated
from assistant.text.terms import content_terms
from assistant.understand.followup import bare_name
from assistant.understand.places import read_places
from assistant.vocab.load import directions

OPENER = re.compile(r"^\s*(and|but|also|so|then|ok|okay|what about|how about|same for)\b,?", re.I)
POINTER = re.compile(r"\b(he|him|his|she|her|hers|it|its|they|them|their|that|those|these|this one|the two|the same|"
                     r"there|then|both|either|neither)\b", re.I)
ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|previous|"
                     r"other)\b(?: one| item| project)?", re.I)
POSITIONS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
COUNTING = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# "what's number three?", "and no. 4?", "the 2nd one": an item named by its number rather than its order word (a
# "3rd" before a month is a day).
NUMBERED = re.compile(r"\b(?:number|no\.|#)\s*(" + "|".join(COUNTING) + r"|\d{1,2})\b(?! per| of\b)|"
                      r"\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
                      re.I)
# "the one after that", "and the one before?": the next or previous item of the last answer's list.
STEP = re.compile(r"\b(?:one|item|meeting|date|project)s? (after|before)\b(?! (?-i:[A-Z])| \d)", re.I)
# "the year before", "a year earlier", "before that": a time told from the last answer's.
RELATIVE = re.compile(r"\b(?:the (?:year|month|week|day|time|period) (?:before|after)|(?:a|one) (?:year|month) "
                      r"(?:earlier|later|before|after)|(?:before|after|since|until) (?:that|then)|"
                      r"the (?:previous|following|same) (?:year|period|time))\b", re.I)
# "the CCTV one", "the Hatherby ones": an item of the last answer, named by a word of its own.
NAMED_ONE = re.compile(r"\bthe (?!(?:first|second|third|last|next|other|same|only|right|main|best|new|old) )"
                       r"(?:[\w'’-]+ ){1,2}ones?\b(?! of\b)", re.I)
EXISTENTIAL = re.compile(r"\b(?:is|are|was|were|be|been|isn't|aren't|wasn't|weren't) there\b", re.I)
SHORT = 5  # words: "Since when?", "When did it start?" cannot stand alone
# Words that only say how a follow-up leans on the last answer: comparing, the time around it, "else". They are
# no topic to find (the answer to "how many the year before?" need not say "before").
FRAMING = content_terms("compare compared comparison versus more less fewer higher lower bigger smaller larger "
                        "most least two both either neither else before after earlier later prior since then "
                        "year years time one ones increase decrease saw see seen went whole overall altogether entire")
TWO = re.compile(r"\b(the two|both|which of them|either of them|each of them|which one|the pair)\b", re.I)
# "Which fell more in percentage terms?", "which scored better?", "which had more?": a turn weighing what the last two
# answers gave, naming nothing of its own to weigh ("which district had the most shoplifting?" ranks afresh).
WHICH_MORE = re.compile(r"\bwhich(?: one)?(?:\s+[\w'’]+){0,3}?\s+(?:more|less|faster|slower|quicker|better|worse|"
                        r"higher|lower|bigger|smaller|larger|greater|fewer)\b", re.I)
TWO_OF = re.compile(r"\b(?:which|what|who) (?:one )?of (?:the|these|those) two(?: \w+)?|\b(?:the|these|those) two\b|"
                    r"\bboth(?: of them)?\b", re.I)
ANOTHER = re.compile(r"\b(else|other|another|others)\b", re.I)
SAME = re.compile(r"\b(?:the same|as before)\b", re.I)  # "in the same room?" asks the earlier question again
THEY = re.compile(r"\b(it|they|them|those|these|that)\b", re.I)  # what the last answer quoted, pointed at
# "the year before", "the previous year": a line telling the time before (or after) the one the last answer gave
# ("last year" is not one: news writes it for the latest year).
EARLIER_TIME = re.compile(r"\b(?:previous|preceding|prior|earlier) (?:year|month|period|twelve months|12 months)|"
                          r"\b(?:year|month|period) (?:before|earlier)|\ba year (?:ago|earlier)\b", re.I)
LATER_TIME = re.compile(r"\b(?:following|next|later|subsequent) (?:year|month|period)|\b(?:year|month|period) "
                        r"(?:after|later)\b", re.I)
# "rose by 34%, from 2,434 incidents to 3,262", "up from 530": a change that gives the figure before it.
CHANGED_FROM = re.compile(r"\bfrom\s+[£$]?\d[\d,.]*%?(?:\s+[a-z-]+){0,3}\s+to\s+[£$]?\d|"
                          r"\b(?:up|down|rose|rising|fell|falling|increased|decreased)\s+(?:\w+\s+){0,3}?from\s+[£$]?\d",
                          re.I)
# "how did that compare to the year before?", "what was the change on last year?": a turn asking how the figure
# moved, which a quote stating the move answers as well as one giving the earlier figure would.
COMPARES = re.compile(r"\bhow (?:did|does|do|has|have|had|is|was|were)\b[^?]*\b(?:compare|change|move|differ)\w*|"
                      r"\b(?:what|any)\s+(?:was\s+the\s+|is\s+the\s+)?(?:change|difference)\b|\bcompared?\s+(?:to|with)\b",
                      re.I)
# "793 drug offences ... which represented no change", "up 62%", "a decrease of 12%": a quote stating how a figure
# moved on the period before.
CHANGE_STATED = re.compile(r"\b(?:no change|unchanged|no different)\b|"
                           r"\b(?:up|down|rose|risen|rising|fell|fallen|falling|increased?|decreased?|rise|fall|"
                           r"drop(?:ped)?|reduction|higher|lower)\b[^.;]{0,20}?\d[\d,.]*\s*(?:%|per ?cent)|"
                           r"\d[\d,.]*\s*(?:%|per ?cent)\s+(?:up|down|rise|fall|increase|decrease|reduction|higher|"
                           r"lower)\b", re.I)
COUNT = re.compile(r"\d(?![\d,.]*\s*(?:%|per ?cent))")  # a number that is not a percentage
SOMEONE = re.compile(r"\b(?:anyone|anybody|someone|somebody) else\b", re.I)  # asks for a person as "who" does
ELSE = re.compile(r"\b(?:who|whom|what|where|anyone|anybody|someone|somebody) else\b", re.I)  # "who else?" leans back
PREPOSITION = r"(?:(in|across|for|at|within|throughout|around|over)\s+)"
# "he", "her": a person the last answer named, read in that person's name ("Which university is he from?").
PERSONAL = re.compile(r"\b(he|him|his|she|her|hers)\b", re.I)
# A run of capitalised words ("Essex Police Chief Constable Ben-Julian Harrington", "Claire Bartoli"), in which a
# person's name is the last two or three words after any title, role or body ("Ben-Julian Harrington").
WORD = r"[A-Z][a-z]*(?:[’'][A-Za-z])?[a-z]+(?:-[A-Z][a-z]+)?"  # "Kieron", "O'Hara", "De'ath", "Ben-Julian"
CAPITALISED_RUN = re.compile(rf"(?<![\w’'-]){WORD}(?:[^\S\t\n]+{WORD})+(?![\w’'-])")
LABEL = re.compile(r"\b[A-Z][\w’'-]*:")  # "Owner:", a cell's column header
CELL_BREAK = re.compile(r"\s\|\s")
# Words that are no part of a person's name: titles and roles, the words bodies, places, things and parties are
# named with, and the words a sentence may open with. Plain English, never one corpus's names.
NOT_NAME = frozenset("""
dr mr mrs ms miss prof professor sir dame cllr councillor chief deputy assistant acting detective inspector
superintendent constable sergeant officer commander commissioner secretary minister mayor chair chairman chairwoman
director manager head lead leader executive member mp coordinator analyst clerk reverend revd rev
home police constabulary council county city district borough parish town village statistics committee operation project programme
scheme fund plan strategy trust authority court prison school college university academy hospital church
exchange place market street road lane avenue square hall house station centre center office offices service
services solicitors partnership group board panel network association society team unit department agency
ministry government national royal news standard echo times gazette chronicle post herald mail telegraph guardian
express ltd limited plc bank union party democrat democrats liberal labour conservative green reform north south
east west northern southern eastern western central upper lower greater new old the a an this that these those
our their his her its we it he she they in on at for by from with and but following after before during as if
when while dear thanks thank january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday crime safety community public safer safe space
fire rescue health care justice prevent strategic review report update item agenda minutes appendix annex action
delivery steering forum name role organisation organization owner subject status deadline ref
""".split())


def person_names(text: str) -> list[str]:
    """The names a text prints as a person's, in order: the last two or three words of a run of capitalised
    words that follow any title, role or body ("Chair: Dr Kieron O'Hara" gives "Kieron O'Hara", "Home Secretary
    James Cleverly" gives "James Cleverly"); none from a body's or a place's name ("Essex County Council",
    "Operation Early Dawn", "Market Place")."""
    found = []
    # a table row's cells and labels ("Owner: Gareth Pellow<tab>Deadline: ...") are apart: no name runs across them
    text = CELL_BREAK.sub("\t", LABEL.sub("\t", text))
    for run in CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        if any(w.casefold() in ("operation", "project", "programme", "scheme") for w in words):
            continue  # "Operation Early Dawn" names a thing, not a person
        cut = max((k + 1 for k, w in enumerate(words) if w.casefold().strip("’'") in NOT_NAME), default=0)
        if not cut and re.search(r"\b(?:the|a|an)\s+$", text[:run.start()], re.I):
            continue  # "the Victim Support publication": a body's name, as no person's is written
        name = words[cut:]
        if 2 <= len(name) <= 3:
            found.append(" ".join(name))
    return found


# "AS also confirmed": a person written by initials, introduced once as "Amanda Smith (AS)".
INITIALS = re.compile(r"\b([A-Z]{2,3})\b")
NEAR = 8  # lines either side of the last answer that "who else" looks in


def leans_back(question: str, earlier: str = "") -> bool:
    """Does the turn lean on the last answer (whose question was `earlier`): an opener, a word pointing back, an
    item by its order, a time told from the last answer's, a "who else", a "which ... more?" naming nothing new, or
    too few words to stand alone? A
    short turn, or one naming an item by its order, that names something by a name the earlier question did not
    use ("What is Operation Dial?", "When is the next Operation Dial night of action?") stands alone."""
    words = re.findall(r"[A-Za-z0-9']+", question)
    pointing = EXISTENTIAL.sub(" ", question)  # "how many were there" points at nothing
    if OPENER.match(question) or POINTER.search(pointing) or RELATIVE.search(question) or STEP.search(question) \
            or NAMED_ONE.search(question) \
            or ELSE.search(question) or WHICH_MORE.search(question) and not names_anew(question, earlier) and \
            not crimes_in(question) and not places_in(question):
        return True
    if TOOK_PART_IN_IT.search(question) and len(words) <= SHORT + 3 and not names_anew(question, earlier):
        return True  # "how many year 9 girls came?": came to what the last answer told of
    if THERE_AT_END.search(question) and len(words) <= SHORT + 3 and not places_in(question) and \
            not names_anew(question, earlier):
        return True  # "how many asb incidents were there?" after the ward the last answer gave: in that ward
    return (len(words) <= SHORT or bool(ordinal(question))) and not names_anew(question, earlier)


# "how many asb incidents were there?": a count ending on "there", naming no place, is asked of the place the last
# answer was about; "how many were there in 2023?" puts something after it and stands alone.
THERE_AT_END = re.compile(r"\b(?:is|are|was|were) there\s*[?.!]*\s*$", re.I)
# "how many businesses helped out?", "how many year 9 girls came?", "who attended?": taking part, ending the turn with
# nothing named to take part in, which is then what the last answer told of.
TOOK_PART_IN_IT = re.compile(r"\b(?:came|come|went|attended|attend|turned up|showed up|took part|take part|"
                             r"participated|helped(?: out)?|contributed|joined(?: in)?|were involved|got involved)"
                             r"\s*[?.!]*\s*$", re.I)


def _change_words(group: str) -> re.Pattern:
    return re.compile(directions().pattern(group), re.I)


def names_quoted_change(question: str, said: str) -> bool:
    """Does the turn name, as "the ...", the change the last answer's quote states ("what was the main thing
    driving the rise?" after "... an increase of 6% compared to the previous year")? Such a turn is about it, as
    one pointing back with "it" is. The words of change are data (vocab/data/directions.toml)."""
    for group in ("rise", "fall"):
        words = _change_words(group)
        if any(words.search(m.group(1)) for m in THE_CHANGE.finditer(question)) and words.search(said):
            return True
    return False


THE_CHANGE = re.compile(r"\b(?:the|that|this)\s+(\w+(?:\s+\w+)?)", re.I)  # "the rise", "that big increase"


def names_anew(question: str, earlier: str) -> bool:
    """Does the turn name something by a capitalised name ("Operation Dial", "CONTEST") that `earlier` does not?
    A date's month ("by April 2026?") names a time to ask the earlier question of, not a new thing."""
    undated = DATE.sub(" ", question.strip())
    named = content_terms(" ".join(re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]+", undated)))
    return bool(named - content_terms(earlier))





# Words that tie a question together rather than say what it is about: no clue to whom it asked after.
FUNCTION_WORDS = content_terms("from with about into onto over under than then there were have has had been being "
                               "does did done who whom whose which what when where")


def people(said: str, question: str) -> tuple[str, ...]:
    """The people a next "he" or "she" may be, the likeliest first: those the quote names that the question did
    not, nearest first to the question's own words in the quote ("David Rayner (Birkett Long Solicitors)" for "who
    from Birkett Long ...?"), then those the question named itself ("Who is Cllr Martin Fenwick?")."""
    asked = content_terms(question) - FUNCTION_WORDS
    spots = [m.start() for m in re.finditer(r"[A-Za-z][\w'’-]*", said) if content_terms(m.group()) & asked]
    found = []
    for order, name in enumerate(dict.fromkeys(person_names(said))):
        if content_terms(name) <= asked:
            continue
        at = said.find(name)
        others = [abs(spot - at) for spot in spots if not at <= spot < at + len(name)]
        found.append((min(others, default=len(said)), order, name))
    named = person_names(question)
    return tuple(dict.fromkeys([name for *_, name in sorted(found)] + named))


def told(question: str) -> re.Pattern:
    """What a line says to tell the time the turn asks about: the year before, or the year after."""
    told = RELATIVE.search(question)
    return LATER_TIME if told and re.search(r"\b(after|later|following)\b", told.group(), re.I) else EARLIER_TIME



def ordinal(question: str) -> str:
    match = ORDINAL.search(question)
    if match:
        return match.group(1).casefold()
    numbered = NUMBERED.search(question)
    if numbered:
        said = (numbered.group(1) or numbered.group(2)).casefold()
        n = COUNTING.index(said) if said in COUNTING else int(said) - 1
        return POSITIONS[n] if 0 <= n < len(POSITIONS) else ""
    step = STEP.search(question)
    return {"after": "next", "before": "previous"}[step.group(1).casefold()] if step else ""



# "how does that compare with last year?", "and the year before?": a time told from the quoted one's (`RELATIVE`
# reads these too, less "last year", which alone names the latest year and leans on nothing)
YEAR_BEFORE = re.compile(r"\b(?:(?:with|to|than|on|from|in|for) )?(?:the )?(?:last|previous|preceding|prior) "
                         r"(?:year|period|twelve months|12 months)\b|\b(?:the )?(?:year|period) before\b|"
                         r"\ba year (?:earlier|ago|before)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Running a thing in other words: "who's running it?" is answered by "... led by Detective Inspector Colin Marr".
LEADING = content_terms("run runs running ran lead leads leading led head heads heading headed chair chairs "
                        "chaired chairing manage manages managed managing oversee oversees overseeing oversaw "
                        "overseen charge coordinate coordinates coordinated coordinating")


def two_periods(said: str) -> bool:
    """Does the quote give figures for two years ("Apr–Sep 2025: 14.2% Apr–Sep 2024: 12.6%")?"""
    return len(set(YEAR.findall(said))) >= 2 and len(re.findall(r"\d[\d,.]*%?", YEAR.sub(" ", said))) >= 2


def leads(word: str, terms: set[str]) -> bool:
    """Is the word one of running a thing, and does the quote say who runs it in any such word?"""
    return bool(content_terms(word) & LEADING) and bool(terms & LEADING)


# "And after that?", "what's after that?", "and before this?": the whole turn steps from the item last given.
BARE_STEP = re.compile(r"^\s*(?:(?:and|so|ok|okay)\s+)?(?:then\s+)?(?:what(?:'s|’s| is| comes| was| came)?\s+)?"
                       r"(after|before)\s+(?:that|this|it|then)\s*\??\s*$", re.I)


def bare_step(question: str) -> str:
    """"next" or "previous" for a turn that is only a step from the last answer ("and after that?")."""
    step = BARE_STEP.match(question)
    return {"after": "next", "before": "previous"}[step.group(1).casefold()] if step else ""


def unframed(question: str) -> str:
    """The turn less its opener and the words that only say how it leans back."""
    text = TWO_OF.sub(" ", OPENER.sub("", question))
    pieces = re.split(r"([A-Za-z0-9']+)", text)
    return "".join("" if k % 2 and (terms := content_terms(piece)) and terms <= FRAMING else piece
                   for k, piece in enumerate(pieces))


def swap(earlier: str, own: str, finders=None) -> tuple[str, str]:
    """(earlier, own) with the place, the crime type and the date `own` names put in the place of those `earlier`
    names, and taken out of `own`; unchanged when `own` names none or `earlier` names none to replace."""
    for find in finders or (places_in, crimes_in, dates_in):
        new, old = find(own), find(earlier, generic=True)
        if not new or not old or {name for name, _ in new} & {name for name, _ in old}:
            continue
        phrase = " and ".join(_said(own, alias) for _, alias in new)
        with_preposition = bool(re.match(PREPOSITION, phrase, re.I))
        swapped = earlier
        for _, alias in old:
            swapped = re.sub(_pattern(alias, with_preposition), lambda _: phrase, swapped, count=1, flags=re.I)
        if swapped != earlier:
            earlier = swapped
            for _, alias in new:
                own = re.sub(_pattern(alias, with_preposition=True), " ", own, count=1, flags=re.I)
    return earlier, own


# "taking the total to?", "what's the total now?", "so how many altogether?": the level a change took a figure to.
TOTAL_ASKED = re.compile(r"\b(?:total|altogether|in all)\b", re.I)
# "funded the expansion of Essex Police by 905 officers, to 3,755": a change and the level it took the figure to.
RAISED_TO = re.compile(r"\bby\s+[£$]?\d[\d,.]*[^.;:]{0,40}?\bto\s+[£$]?\d", re.I)


# "anchor project 3", "item 7", "phase 2", "year 10": a thing a document names by a word and its number.
NUMBERED_LABEL = re.compile(r"\b([A-Za-z]{3,})\s+(\d{1,3}[a-z]?)\b(?![,.]\d|\s*(?:%|per\b|of\b))", re.I)


def renumber(earlier: str, own: str) -> tuple[str, str]:
    """(earlier, own) with the number `own` gives a label ("and anchor project 3?") put in place of the one
    `earlier` gives the same label ("anchor project 1 of the bid ..."), and taken out of `own`; unchanged when
    `own` numbers no label `earlier` numbers otherwise."""
    for match in NUMBERED_LABEL.finditer(own):
        label, number = match.groups()
        before = re.search(rf"\b({re.escape(label)}\s+)(\d{{1,3}}[a-z]?)\b", earlier, re.I)
        if before is None or before.group(2).casefold() == number.casefold():
            continue
        # the words naming the label before it too, where `earlier` writes them the same ("anchor project")
        said, asked = own[:match.start()].split(), earlier[:before.start()].split()
        while said and asked and said[-1].casefold() == asked[-1].casefold():
            said, asked = said[:-1], asked[:-1]
        earlier = earlier[:before.start(2)] + number + earlier[before.end(2):]
        own = " ".join([*said, own[match.end():]])
    return earlier, own


def places_in(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The places a text names, by (name, words it names them by): those the vocabulary knows, a capitalised
    name after "in" that it does not ("in Wexmoor"), and the name of a turn that is only an opener and a name
    ("what about Saxby Market?"). `generic` is `crimes_in`' flag: no place is generic."""
    norm = vocab.normalise(text)
    known = [(hit.name, hit.alias) for _, hit in vocab.find_places(norm)]
    named = {name for name, _ in known}
    found = known + [(name, name) for name in read_places(text, norm).unknown if name not in named]
    bare = "" if found or crimes_in(text) else bare_name(text)  # "what about Saxby Market?": no "in" says so
    return found or ([(bare, bare)] if bare else [])


def crimes_in(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The crime types a text names; a bare 'crime' or 'offences' only when `generic` (it can be replaced, but
    it names nothing to replace with)."""
    return [(hit.name, hit.alias) for hit in vocab.find_crime_types(vocab.normalise(text))
            if generic or hit.alias not in vocab.GENERIC_CRIME_WORDS]


def dates_in(text: str, generic: bool = False) -> list[tuple[tuple[int, int], str]]:
    """The months a text dates something by ("the 15 May 2012 meeting", "the February 2014 one"), by ((year,
    month), words it names them by). `generic` is `crimes_in`' flag: no date is generic."""
    return [(months_dated(m.group())[0], m.group()) for m in DATE.finditer(text) if months_dated(m.group())]


def _pattern(alias: str, with_preposition: bool) -> str:
    words = r"\W+".join("(?:and|&)" if word == "and" else re.escape(word) for word in alias.split())
    return (PREPOSITION + "?" if with_preposition else "") + rf"\b{words}\b"


def _said(text: str, alias: str) -> str:
    """The alias as the text writes it, with the preposition before it ("across Essex")."""
    match = re.search(_pattern(alias, with_preposition=True), text, re.I)
    return match.group() if match else alias
