"""Which figure a question asks for: the measure, whether it asks for change, and which rows (a share, a sub-row).

The measure is read from words, rate before outcomes before counts ("how many burglaries were solved" is solved
outcomes; "what proportion were solved" is the solved rate; "domestic abuse related" is the % DA measure, read
before the crime types so it is not the Domestic Abuse row). A share ("what share of theft was shoplifting") names
a whole and a part; a qualifier ("residential burglaries") narrows a named row to its sub-row.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.understand.common import unique
from assistant.understand.periods import compares_with_last_year
from assistant.understand.query import DA_SHARE, OFFENCES, PER_HEAD, SOLVED, SOLVED_RATE, Reason

_DA_MEASURE = re.compile(
    r"\b(?:domestic abuse|domestic violence|da) (?:related|flagged|linked)\b|\b(?:related|linked) to domestic "
    r"(?:abuse|violence)\b|\bflagged as domestic abuse\b|\bpercent domestic abuse\b|\bdomestic abuse percent\b|"
    r"\binvolv(?:ed|ing|e) domestic (?:abuse|violence)\b|\bin a domestic (?:abuse )?context\b")
_DA_AFTER_SHARE = re.compile(r"\b(?:was|were|is|are|being) (?:domestic abuse|domestic violence|domestic)\b")
_SHARE_WORD = re.compile(r"\b(?:share|proportion|percentage|percent|fraction|part|portion|how much) of\b|"
                         r"\bwhat (?:share|proportion|percentage|percent|fraction|part)\b(?! (?:change|increase|"
                         r"decrease|rise|fall|drop|did|has|have|had|does|do)\b)|\bas a (?:share|proportion|"
                         r"percentage|fraction) of\b|\bhow many of\b")
_SHARE_OF_ALL = re.compile(r"\b(?:(?:share|proportion|percentage|percent|fraction|part|portion) of (?:all |total |"
                           r"overall |recorded |the )?|(?:out )?of all (?:recorded )?)(?:crime|crimes|offences|"
                           r"offending)\b")

# "Solve(s) more than a fifth / over 20% / one in five of ...": a share that is solved is the solved rate; "solved
# 20% more" is a change in the count of solved outcomes, so the share may not be followed by a comparative.
_FRACTION = r"(?:(?:a|one|two|three|four|nine) )?(?:half|halves|thirds?|quarters?|fifths?|tenths?)|\d+ percent|" \
            r"(?:one|1) in (?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
_ABOUT = r"(?:(?:(?:a )?(?:little|bit|lot) )?(?:more|less|fewer) than |(?:well |just )?(?:over|under) |about |" \
         r"around |roughly |nearly |almost |only |at least |barely |approximately |close to |just )?"
_NOT_MORE = r"(?! (?:more|fewer|less|higher|lower|extra|additional|up|down)\b)"
# "The percentage change in solved outcomes" is a change in the count, not a rate: the lookahead keeps it out.
_RATE = re.compile(
    r"\b(?:solved|solve|solving|detection|detected|outcome|clear up|clearup|clearance|resolution|"
    r"positive outcome) rates?\b|\brates? of (?:solving|detection|clearance)\b|\bpercent solved\b|"
    r"(?<!by what )\b(?:percent|percentage|proportion|fraction|share)\b(?! (?:change|increase|decrease|rise|fall|"
    r"drop|growth|reduction|difference|jump|swing|did|has|have|had|does|do)\b)(?: \w+){0,6}? "
    r"(?:solved|detected|cleared up|resolved)\b|"
    r"\b(?:solv|detect|clear)(?:e|es|ed|ing|s)? (?:up )?(?:the )?(?:\w+ )?(?:proportion|percentage|share|fraction)\b|"
    r"\b(?:best|worst|better|worse|good|bad|poor|poorest|strongest|weakest) at (?:solving|detecting|clearing up)\b|"
    r"\b(?:most|least|more|less) (?:effective|successful) at (?:solving|detecting|clearing up)\b|"
    # "the top neighbourhood for solving crime", "the worst district at detecting burglaries": a ranking on the rate
    r"\b(?:top|best|leading|highest|worst|lowest|bottom|weakest|strongest)(?: \w+){0,3}? (?:for|at|in) "
    r"(?:solving|detecting|clearing up)\b|"
    r"\b(?:record|performance|track record|results?|job|success) (?:for|at|in|on|of) (?:solving|detecting|"
    r"clearing up)\b|"
    r"\bhow (?:effective|good|successful|well) (?:\w+ ){0,3}(?:at|in) (?:solving|detecting|clearing up)\b|"
    r"\b(?:do|does|did|doing|done|perform\w*|far(?:e|es|ed|ing)) (?:\w+ )?(?:on|at|in|with) (?:solving|detecting|"
    r"clearing up)\b|"
    rf"\b(?:solv|detect)(?:e|es|ed|ing|s)? {_ABOUT}(?:{_FRACTION})\b{_NOT_MORE}|"
    rf"\bclear(?:s|ed|ing)? up {_ABOUT}(?:{_FRACTION})\b{_NOT_MORE}|"
    rf"\b(?:{_FRACTION}) of (?:\w+ ){{0,5}}?(?:(?:is|are|was|were|get|gets|got|being|has been|have been) )?"
    r"(?:solved|detected|cleared up|resolved)\b")
_SOLVED = re.compile(r"\bsolved\b|\bsolves?\b|\boutcomes?\b|\bdetections?\b|\bdetected\b|\bcleared up\b|"
                     r"\bcharged\b|\bsummonsed\b|\bresolved\b")  # "charged or summonsed": a force's solved outcomes
_COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\brecorded\b|\boffences?\b|\bincidents?\b|\bcrimes?\b|"
                    r"\breports?\b|\breported\b|\bcount\b|\btotal\b|\blevels? of\b|\bvolume\b|\bfigures?\b|"
                    r"\bmost\b|\bfewest\b|\bmore\b|\bfewer\b")

_CHANGE = re.compile(
    r"\bchang(?:e|ed|es|ing)\b|\bpercent diff\b|"  # "% diff", as a table heads its percentage change
    r"\bris(?:e|en|es|ing)\b|\brose\b|\bf[ae]ll(?:en|s|ing)?\b|\bincreas(?:e|ed|es|ing)\b|"
    r"\bdecreas(?:e|ed|es|ing)\b|\b(?:go|goes|gone|went|going|come|came|coming|got) (?:up|down)\b|\bup or down\b|"
    r"\bhigher or lower\b|\btrend(?:s|ed|ing)?\b|\bby how much\b|"
    r"\bhow much (?:more|less|fewer|higher|lower|bigger|smaller)\b|\bdrop(?:s|ped|ping)?\b|"
    r"\breduc(?:e|ed|es|ing|tion|tions)\b|\bgrow(?:n|s|ing|th)?\b|\bgrew\b|\bjump(?:ed|s)?\b|\bclimb(?:ed|s)?\b|"
    r"\b(?:doubl|halv|tripl)(?:e|ed)\b|\bdeclin(?:e|ed|es|ing)\b|\bimprov(?:e|ed|es|ing|ement)\b|"
    r"\bworsen(?:ed|ing)?\b|\b(?:got|getting) (?:worse|better)\b|\b(?:is|are|was|were) (?:up|down)\b|"
    r"\b(?:up|down) by\b|\bsoar(?:ed|ing)?\b|\bplummet(?:ed|ing)?\b|\bsurg(?:e|ed)\b|\bspik(?:e|ed)\b|"
    r"\bcompared? (?:with|to) (?:19|20)\d\d\b|\bsince (?:19|20)\d\d\b|\bmov(?:e|ed|es|ing|ement)\b|\bsw(?:ing|ung)\b|"
    r"\bspiral\w*|\bwhat (?:s |is |has )?happen(?:ed|s|ing)? (?:to|with)\b|\bhow (?:has|have|did) .{1,60}\bfared?\b|"
    r"\b(?:more|fewer|less) (?:\w+ ){0,3}?(?:being|getting) "
    r"(?:solved|recorded|reported|committed|detected|cleared up)\b")
# "By what per cent", "in percentage terms": the size of a change, unless a rate or a share is the measure.
_IN_PERCENT = re.compile(r"\bby (?:what|which|how many|how much of a) percent(?:age)?\b|\bhow many percent\b|"
                         r"\bin percent(?:age)?(?: terms)?\b|\bas a percent(?:age)?\b(?! of)")

# "Crime rate", "the rate of burglary", "per 1,000 people": a rate per head of population. The tables print
# counts, solved outcomes and solved rates, never a rate per head, so the count is given and a note says so.
_PER_HEAD = re.compile(r"\brates?\b(?! of (?:increase|decrease|change|growth|rise|fall|reduction))|"
                       r"\bper (?:1 ?000|thousand|100 ?000|head|capita|person|resident|population)\b")
# "Is Harlow safer than Basildon?", "the most dangerous district": safety asked of places, read as all crime.
_SAFETY = re.compile(r"\b(?:safer|safest|(?:less|least|more|most|how|as) safe|unsafe|(?:more |most )?dangerous|"
                     r"crime ridden|high crime|low crime)\b(?! (?:driv\w*|dogs?|weapons?|goods|substances|drugs|"
                     r"offenders?|streets?|roads?|places? (?:scheme|fund)))")
COUNTS_NOT_RATES = "the tables count offences; they give no rate per head of population"
# "Crimes per day": the tables print rolling 12-month totals (a week or a month is refused, `periods`).
_PER_DAY = re.compile(r"\b(?:per|a|each|every) day\b|\bdaily\b")
# "How many victims", "how many people were burgled": people, where the tables count offences.
_PEOPLE = re.compile(r"\b(?:victims?|people|persons?|residents?|individuals?)\b")

# "Summarise crime in Colchester", "how is Basildon doing?", "give me the figures for Brentwood": an area's
# figures at a glance (all crime, the solved rate, the largest rises and falls), not one cell.
_OVERVIEW = re.compile(r"\b(?:summar(?:y|ies|ise|ize|ised|ized)|overview|snapshot|at a glance|the (?:overall )?"
                       r"picture|profile|the (?:figures|numbers|stats|statistics|data) (?:for|on)|how (?:is|are|was|has) "
                       r"(?:\w+ ){1,3}(?:doing|getting on|performing|faring)|how (?:is|are) things)\b")

# The measure words whose vocabulary is table-question vocabulary (see `words`). The rate and safety patterns
# name words they must not be followed by ("dangerous driving"); only the words they read are listed here.
WORD_PATTERNS = (_DA_MEASURE, _DA_AFTER_SHARE, _SHARE_WORD, _SHARE_OF_ALL, _RATE, _SOLVED, _COUNT, _CHANGE,
                 re.compile(r"\b(?:combined|together|altogether|total|sum|added|between|them)\b"), _OVERVIEW,
                 re.compile(r"\b(?:rates?|per|head|capita|thousand)\b"),
                 re.compile(r"\b(?:safe|safer|safest|unsafe|dangerous|ridden)\b"))


def read_da_measure(work: str) -> tuple[str | None, str]:
    """The % domestic-abuse related measure if the words ask for it, and the text with those words blanked."""
    da = list(_DA_MEASURE.finditer(work))
    if not da and _SHARE_WORD.search(work):
        da = list(_DA_AFTER_SHARE.finditer(work))
    if not da:
        return None, work
    return DA_SHARE, vocab.blank(work, [vocab.Found(m.start(), m.end(), "", "") for m in da])


def read_measure(rest: str, non_table: bool) -> str | None:
    """The base measure the words ask for; rate beats outcomes beats counts ('how many ... were solved')."""
    if _RATE.search(rest):
        return SOLVED_RATE
    if _SOLVED.search(rest):
        return SOLVED
    if _COUNT.search(rest) and not non_table:
        return OFFENCES
    return None


# A summary prints a rate per head as it stood in one period: how it changed, or a share of it, is no printed cell.
PER_HEAD_AS_PRINTED = Reason("population", "the summaries print a rate per head of population as it stood, not how "
                                           "it changed or a share of it")


def per_head_printed(rest: str, measure: str | None) -> bool:
    """Does the question ask for a rate per head ("per 1,000 residents", "the crime rate") where a summary indexed
    prints one? Then the printed rate answers it, as printed; never a solved rate, never worked out from a count."""
    catalogue = vocab.CATALOGUE
    return measure in (None, OFFENCES) and catalogue is not None and PER_HEAD in catalogue.measures and \
        bool(_PER_HEAD.search(rest))


def unit_notes(rest: str, measure: str | None) -> list[str]:
    """A note when a count of offences answers a question that asks for a rate per head ("what is the crime rate
    in Harlow?") or for people ("how many victims"): the figure is never shown as if it were what was asked."""
    if measure not in (None, OFFENCES):
        return []
    notes = []
    rate = _PER_HEAD.search(rest)
    if rate:
        notes.append(f"'{rate.group()}' read as the number of offences: {COUNTS_NOT_RATES}")
    daily = _PER_DAY.search(rest)
    if daily:
        notes.append(f"'{daily.group()}' read as the 12-month total: the tables give no daily figures")
    people = _PEOPLE.search(rest)
    if people:
        notes.append(f"'{people.group()}' read as the number of offences: the tables count offences, not the "
                     "people involved")
    return notes


def asks_safety(work: str) -> re.Match | None:
    """'Safer', 'most dangerous': safety asked of a place, which the tables can only answer as all crime."""
    return _SAFETY.search(work)


def safety_note(word: str) -> str:
    return f"'{word}' read as all crime: {COUNTS_NOT_RATES}, so they cannot say which place is safer to live in"


# "Harlow and Basildon combined", "in total", "between them": the sum of the figures compared.
_COMBINED = re.compile(r"\b(?:combined|together|altogether|in total|total (?:number |count )?of|sum of|added up|"
                       r"between them)\b")


def asks_overview(norm: str) -> bool:
    return bool(_OVERVIEW.search(norm))


def asks_combined(norm: str) -> bool:
    return bool(_COMBINED.search(norm))


def asks_change(rest: str, norm: str, periods: tuple[str, ...], measure: str | None) -> bool:
    """Does the question ask how the figure changed between the two periods ("rose", "than last year")?"""
    return bool(_CHANGE.search(rest) or compares_with_last_year(norm)) or len(periods) == 2 or \
        bool(_IN_PERCENT.search(rest)) and measure not in (SOLVED_RATE, DA_SHARE)


def shares_rows(norm: str, measure: str | None, change: bool) -> bool:
    """'What share of theft ...': a part of one row as a share of another (not a rate, not a change)."""
    return bool(_SHARE_WORD.search(norm)) and measure not in (DA_SHARE, SOLVED_RATE) and not change


def read_subtypes(unused: str, crimes: list, shares: bool) -> tuple[list, list[str]]:
    """A named row narrowed by a qualifier: 'burglaries ... were residential' is Burglary Residential.

    In a share question the named row stays as the whole and the first qualifier gives the part ('possession
    rather than trafficking'); otherwise each qualifier replaces its parent ('drug offences: possession or
    trafficking?' compares the two sub-rows) or, naming a sibling, joins it ('residential or business
    burglaries').
    """
    named = [hit.name for hit in crimes]
    if not shares:  # 'residential or business burglaries': a sibling of a named row is named too
        named += [vocab.PARENT[name] for name in named if vocab.PARENT.get(name)]
    found = [hit for hit in vocab.find_subtypes(unused, unique(named)) if hit.name not in named]
    if not found:
        return crimes, []
    if shares:
        part = found[0]
        for hit in found[1:]:  # 'residential dwellings': the deepest of one chain
            if vocab.PARENT.get(hit.name) == part.name:
                part = hit
        found = [part]
    wider = {ancestor for hit in found for ancestor in vocab.ancestors(hit.name)}
    if not shares:
        crimes = [hit for hit in crimes if hit.name not in wider]
    found = [hit for hit in found if shares or hit.name not in wider]
    notes = [f"'{hit.alias}' read as {hit.name}" for hit in found]
    return sorted(crimes + found), notes


def read_share(norm: str, placeless: str, crimes, crime_types,
               measure) -> tuple[str | None, tuple[str, ...], list[str], list[Reason]]:
    """'What share of theft was shoplifting': the whole goes to share_of, the part stays the crime type."""
    word = _SHARE_WORD.search(norm)
    if not word or measure in (DA_SHARE, SOLVED_RATE):
        return None, crime_types, [], []
    if _SHARE_OF_ALL.search(placeless) and crime_types and vocab.ALL_CRIME not in crime_types:
        crime_types = (vocab.ALL_CRIME, *crime_types)
    if len(crime_types) != 2:
        return None, crime_types, [], []
    first, second = crime_types
    if first in vocab.ancestors(second):
        whole, part = first, second
    elif second in vocab.ancestors(first):
        whole, part = second, first
    else:
        after = [hit.name for hit in crimes if hit.start > word.start()]
        whole = after[0] if after and after[0] in crime_types else first
        part = second if whole == first else first
        wider = vocab.PARENT.get(whole)
        if not (wider and wider.startswith(whole) and wider in vocab.ancestors(part)):
            return None, crime_types, [], [Reason("share", f"{part} is not counted within {whole} in the "
                                                            f"tables, so it cannot be given as a share of it")]
        note = f"'{whole}' read as {wider}, the row that includes {part}"
        return wider, (part,), [note], []
    return whole, (part,), [], []
