"""What a question says besides the table slots: why the tables cannot answer it, and cues for the documents.

Exists so the scope rules live in one place: the topics the tables do not hold (fraud, rates per head, money,
officers, other forces, wards, things no row counts) become `Reason` records; words that point at a document
("according to the PFCC", "who chairs ...") become passage cues; names of bodies and partnerships are blanked so
"Police, Fire and Crime Commissioner" is no crime type and "Safer Chelmsford" no district; and a journalist's
framing ("I'm writing a piece on ...") is blanked before anything else is read.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.ingest.table_words import force_name
from assistant.understand.common import blank_matches
from assistant.understand.query import Reason
from assistant.vocab.load import edition_words, organisation_words

FRAUD = Reason("fraud", "the tables exclude fraud (Action Fraud / NFIB reports), so they hold no fraud figures")
POPULATION = Reason("population", "the tables give counts, not rates per head of population")
MONEY = Reason("money", "the tables hold no council tax, precept, budget, funding or pay figures")
OFFICERS = Reason("officers", "the tables hold no officer or staff numbers")
STOP_SEARCH = Reason("stop and search", "the tables hold no stop and search figures")
ARRESTS = Reason("arrests", "the tables count offences and solved outcomes, not arrests")
# "How many crimes were not solved?": offences less solved outcomes is no count of unsolved crimes, because an
# outcome recorded in a year can belong to an offence of an earlier one (a solved rate can pass 100%).
UNSOLVED = Reason("unsolved", "the tables count offences and solved outcomes, not unsolved crimes; the difference "
                              "is no such count, because an outcome can belong to an offence of an earlier year")
# Things that are not notifiable crimes, so no row counts them: "drink-driving offences" must not be All Crime.
_NOT_RECORDED = tuple((pattern, Reason("not recorded", f"the tables have no row for {topic}: they count notifiable "
                                                          f"recorded crimes only"))
                      for pattern, topic in (
    (r"\bfly ?tipp\w*", "fly-tipping"),
    (r"\b(?:drink|drug|drunk) ?driv\w*|\bdriving (?:under the influence|while (?:drunk|intoxicated|over the "
     r"limit))\b", "drink or drug driving"),
    (r"\bspeeding\b|\bspeed cameras?\b|\b(?:motoring|traffic|road traffic) offences?\b",
     "speeding or other motoring offences"),
    (r"\b(?:road|traffic|car) (?:collisions?|accidents?|crashes)\b|\broad traffic (?:collisions?|accidents?)\b",
     "road collisions"),
    (r"\bmissing (?:persons?|people|children)\b", "missing people"),
    (r"\b(?:999|101) calls?\b|\bcalls? for service\b|\bemergency calls?\b|\bresponse times?\b",
     "calls for service or response times"),
    (r"\bnoise complaints?\b|\bdog fouling\b|\blitter(?:ing)?\b|\bparking (?:fines?|tickets?|offences?)\b",
     "noise, litter or parking complaints"),
))
WARDS = Reason("wards", "the tables go down to districts, not wards or streets")

# Read on the normalised question; fraud is read after the crime types are blanked, because the All Crime
# row's own label says "excl. Action (NFIB) Fraud".
_FRAUD = re.compile(r"\bfraud\w*|\bscams?\b|\bnfib\b|\bcyber ?crimes?\b")
_OUT_OF_SCOPE = tuple((re.compile(p), reason) for p, reason in (
    (r"\bper (?:head|capita|person|resident|1000|thousand|100000|10000)\b|\bpopulation\b|\bper 1000\b", POPULATION),
    (r"\bcouncil tax\b|\bprecept\b|\bbudget\w*|\bfunding\b|\bmoney\b|\bpounds\b|\bsalar(?:y|ies)\b|\bwages?\b|"
     r"\bpay (?:scale|grade|band|rise)s?\b|\bpaid\b", MONEY),
    (r"\bofficers?\b|\bpcsos?\b|\bpolice numbers\b|\bheadcount\b|\bspecial constab\w*|\bstaffing\b", OFFICERS),
    (r"\bstop and search\w*|\bstop searches\b", STOP_SEARCH),
    (r"\bwards?\b", WARDS),
    (r"\barrest(?:s|ed|ing)?\b", ARRESTS),
    (r"\bunsolved\b|\bnot (?:been |being |yet )?(?:solved|detected|cleared up|resolved)\b|\bwent unsolved\b|"
     r"\bwithout (?:an? |any )?(?:solved |positive )?outcomes?\b|\bno (?:solved |positive )?outcomes?\b|"
     r"\bunresolved\b|\bundetected\b", UNSOLVED),
    *_NOT_RECORDED,
))

# "according to ...": the cue the engine drops when what follows names the performance summary itself (`routing`)
ACCORDING_TO = "according to"
# (label, pattern): words that point at a document rather than a table cell.
_SOURCE_CUES = tuple((label, re.compile(p)) for label, p in (
    # "According to Kent Police" or "to the performance summary" names the tables' own publisher: no cue.
    (ACCORDING_TO, r"\baccording to\b(?! (?:the )?(?:[a-z]+ )?police\b| (?:the )?(?:police |performance |crime )?"
                     r"(?:summary|summaries|tables?|figures|data|statistics|stats)\b)"),
    ("said", r"\b(?:said|saying|told|stated|claimed|quoted)\b|"
             r"(?<!figures )(?<!tables )(?<!table )(?<!data )(?<!statistics )(?<!stats )(?<!numbers )\bsays?\b"),
    ("PFCC", r"\bpfcc\b|\bcommissioner\b"),
    ("Chief Constable", r"\bchief constable\b"),
    ("Chief Inspector", r"\bchief inspector\b"),
    ("Home Secretary", r"\bhome secretary\b"),
    ("press release", r"\bpress release\b|\bnews release\b"),
    ("manifesto", r"\bmanifesto\b|\bpledged?\b|\bpromised?\b"),
    ("article", r"\barticle\b|\bnewspaper\b|\becho\b|\bheadlines?\b"),
    ("the board", r"\bboard\b|\bminutes\b|\bagenda\b|\bcommittee\b|\bcouncillors?\b"),
    ("ONS", r"\bons\b|\boffice for national statistics\b"),
    # A cause is no cell of a table: "the main reason violence went up", "what drove the rise", "what is behind it"
    ("why", r"^why\b|\bwhy (?:is|was|did|has|have|are|were|does|do)\b|\breasons?\b|\bwhat (?:caused|causes|"
            r"drove|drives|is driving|was driving|explains|explained|is behind|was behind|lies behind|lay behind)\b|"
            r"\bexplain why\b|\b(?:driven|caused|fuelled|fueled) by what\b|\bdue to what\b"),
))
# Topics no table cell holds: a "how many" about them is not a count of offences.
_NON_TABLE_CUES = tuple((label, re.compile(p)) for label, p in (
    ("when", r"^when\b|\bwhen (?:is|was|will|did|does|are|were)\b|\bwhat date\b|\bwhich date\b"),
    ("who", r"\bwho (?:is|was|are|were|said|chairs|chaired|leads|led|runs|attended)\b"),
    ("funding", r"\bfund(?:s|ed|ing)?\b|\bgrants?\b|\bmoney\b|\bpounds\b|\bspent\b|\bspend(?:ing)?\b|\bbudget\w*|"
                r"\bcosts?\b|\binvest(?:ed|ment|ments)?\b|\bfinanc\w+\b(?! (?:year|yr)\b)|\bsalar(?:y|ies)\b|"
                r"\bwages?\b|\bpaid\b"),
    ("officers", r"\bofficers?\b|\bpcsos?\b|\bpolice numbers\b|\bheadcount\b|\brecruit\w*|\bstaff\w*"),
    ("stop and search", r"\bstop and search\w*|\bstop searches\b"),
    ("operation", r"\boperation [a-z]+|\bop [a-z]+\b|\b(?:nights?|weeks?|days?) of action\b|"
                  r"\bpatrols?\b"),
    ("ballot", r"\bbma\b|\bballot\b|\bvoted?\b|\bgps?\b|\bnhs\b|\bhospitals?\b"),
    ("meeting", r"\bmeetings?\b|\bvisit(?:ed|s)?\b|\bconference\b"),
    ("CCTV", r"\bcctv\b|\bcameras?\b"),
    ("survey", r"\bsurvey\b|\bpublic confidence\b"),
    ("Prevent", r"\bprevent\b|\bterroris\w+|\breferrals?\b|\bextremis\w+|\bthreat levels?\b"),
    ("council tax", r"\bcouncil tax\b|\bprecept\b"),
    ("ward", r"\bwards?\b"),
    ("plans", r"\bplans?\b|\bstrateg(?:y|ies)\b|\bprojects?\b|\bcampaigns?\b|\bschemes?\b|\bprogrammes?\b"),
    # a figure revised later is what a document says about a cell, which no cell holds ("what was it revised to?")
    ("revision", r"\brevis(?:ed|ion|ions)\b|\bcorrected\b|\bcorrections?\b|\bamended\b|\brestated\b"),
))
def _organisations(words) -> re.Pattern:
    """Names of bodies whose words would otherwise read as a crime type or a place ("Police, Fire and Crime
    Commissioner", "Essex County Council"): the bodies of `organisations.toml`, and those it names after the
    force's area, with the force's names learned from the index as `_own_force` learns them."""
    data = organisation_words()
    either = lambda patterns: "|".join(f"(?:{p})" for p in patterns)  # noqa: E731
    alternatives = [rf"\b(?:{either(data['bodies'])})\b"]
    names = "|".join(re.escape(name) for name in _force_names(words))
    if names:
        alternatives += [rf"\b(?:{names}) (?:{either(data['after_force'])})\b",
                         rf"\b(?:{either(data['before_force'])}) (?:{names}){either(data['after_before_force'])}\b"]
    return re.compile("|".join(alternatives))


def _other_forces(words) -> tuple[re.Pattern, Reason]:
    """Words about forces other than the ones indexed, and the reason naming the ones that are."""
    names = "|".join(sorted({vocab.normalise(a) for a in words.known_other_places}, key=len, reverse=True))
    pattern = re.compile(
        r"\b(?:other|another|neighbouring|neighboring|different|all) (?:police )?forces?\b|\bforces\b|"
        r"\bmet police\b|\bmetropolitan police\b|\bnational (?:average|figures?|rate|picture)\b|\bnationally\b|"
        r"\bconstabulary\b|\bpolice force\b" + (rf"|\b(?:{names}) police\b" if names else ""))
    catalogue = words.catalogue
    forces = " and ".join(catalogue.owner(force) if catalogue is not None else f"{force} Police"
                          for force in words.forces)
    return pattern, Reason("other forces", f"the tables cover {forces} only, not other forces or national figures")


def _own_force(words) -> re.Pattern | None:
    """The indexed force named as an organisation ("Dunmarsh Constabulary", "Essex Police"): its tables' own
    publisher, never another force. Its name is read from the summaries' titles, so a summary for a policing area
    within a force ("Dunmarsh Constabulary - Kestermoor Policing Area") knows its force by name too."""
    names = _force_names(words)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})(?:'s)? (?:police|constabulary)\b", re.I) \
        if names else None


def _force_names(words) -> list[str]:
    """The indexed force's names, normalised, longest first: the vocabulary's forces and the names its summaries'
    titles give ("Dunmarsh Constabulary - Kestermoor Policing Area: ..." -> "dunmarsh")."""
    names = set(words.forces)
    if words.catalogue is not None:
        names |= {force_name(edition.id) for edition in words.catalogue.editions}
    return sorted({vocab.normalise(n) for n in names if n}, key=len, reverse=True)


def _partnerships(words) -> re.Pattern:
    """Partnerships named after a district ("Safer Chelmsford", "One Chelmsford board") are not the district."""
    districts = "|".join(vocab.normalise(a) for a in words.district_areas) or "(?!x)x"
    return re.compile(rf"\b(?:safer|one|safe|together|our) (?:{districts})\b"
                      r"(?: (?:partnership|board|strategic board|network|forum|newsletter|e newsletter))?")


def _phrases(*patterns: str) -> re.Pattern:
    """Case-blind phrases on raw text: a space is any run of spaces, an apostrophe may be curly or left out."""
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns).replace(" ", r"\s+").replace("'", "['’]?"),
                      re.IGNORECASE)


_WRITING = r"piece|article|story|feature|report|blog post|blog|post|column|explainer|investigation|project|" \
           r"segment|podcast|thread|newsletter|bulletin"
_PUBLICATION = r"echo|gazette|chronicle|standard|star|herald|news|post|times|mail|mirror|guardian|telegraph|" \
               r"independent|observer|radio|live|bbc|itv|sky|journal|magazine|recorder|argus|express|press"
# Who is asking and why ("I'm writing a piece on", "for an article", "I'm a reporter at the Echo", "quick one"):
# blanked before anything is read, so a journalist's preamble is no source cue and no unexplained topic.
_FRAMING = _phrases(
    rf"(?:i'm|i am|we're|we are)(?: currently| just)? (?:writing|working on|doing|putting together|preparing|"
    rf"researching)(?: (?:a|an|my|our|some|this))?(?: \w+)? (?:{_WRITING})s?(?: (?:on|about|into|covering))?",
    rf"for (?:a|an|my|our)(?: \w+)? (?:{_WRITING})(?: (?:i'm|i am|we're|we are) (?:writing|doing|"
    rf"working on|putting together|preparing))?(?: (?:on|about))?",
    r"for (?:our|my) (?:readers|viewers|listeners|audience)",
    rf"(?:i'm|i am|we're|we are) (?:a|an|the)(?: \w+)? (?:journalist|reporter|writer|editor|researcher|student|"
    rf"blogger|producer)(?: (?:at|for|with|from|on)(?: the)?(?: [\w&]+){{0,3}} (?:{_PUBLICATION}))?",
    r"(?:journalist|reporter|researcher|student) here",
    r"(?:doing|for) (?:some )?research",
    r"quick (?:one|question|q)",
    r"(?:can|could|would|will) you (?:please |kindly )?(?:tell|give|show|send) me",
    r"(?:would|will|are) you (?:be )?able to (?:tell|give|show|send) me",
    r"any chance (?:you could|of)",
)


def blank_framing(raw: str) -> str:
    """Raw text with who is asking and why blanked ("quick one", "I'm a reporter at the Echo")."""
    return blank_matches(_FRAMING, raw)


def blank_organisations(norm: str) -> str:
    """Normalised text with named bodies and district-named partnerships blanked."""
    partnerships = vocab.active().compiled("understand.partnerships", _partnerships)
    organisations = vocab.active().compiled("understand.organisations", _organisations)
    return blank_matches(partnerships, blank_matches(organisations, norm))


# "What did the March edition say?": a summary that says something is the tables speaking, not a document's words.
_SUMMARY_SAYS = re.compile(edition_words()["edition"] + r"\s*$")


def source_cues(norm: str) -> list[str]:
    """Labels of the words that point at a document ("according to", "PFCC", "why")."""
    return [label for label, pattern in _SOURCE_CUES
            if any(not (label == "said" and _SUMMARY_SAYS.search(norm[:found.start()]))
                   for found in pattern.finditer(norm))]


def topic_cues(norm: str) -> list[str]:
    """Labels of the topics no table cell holds ("when", "funding", "operation")."""
    return [label for label, pattern in _NON_TABLE_CUES if pattern.search(norm) and not _printed_areas(pattern)]


def _printed_areas(pattern: re.Pattern) -> bool:
    """Do the tables print areas under a header these words name ("Ward area" for "wards")? Then the words ask
    about areas the tables hold, not about something only a document tells."""
    catalogue = vocab.active().catalogue
    headers = catalogue.area_headers if catalogue is not None else ()
    return any(pattern.search(vocab.normalise(header)) for header in headers)


def out_of_scope(norm: str, rest: str) -> list[Reason]:
    """Why the tables cannot answer, for topics they do not hold (fraud is read once crime types are blanked)."""
    reasons = [FRAUD] if _FRAUD.search(rest) else []
    reasons += [reason for pattern, reason in _OUT_OF_SCOPE[:3] if pattern.search(norm)]
    other_forces, reason = vocab.active().compiled("understand.other_forces", _other_forces)
    own = vocab.active().compiled("understand.own_force", _own_force)
    reasons += [reason] if other_forces.search(own.sub(" ", norm) if own is not None else norm) else []
    return reasons + [reason for pattern, reason in _OUT_OF_SCOPE[3:] if pattern.search(norm) and
                      not _printed_areas(pattern)]


# A message of greetings, thanks and courtesy words only ("hello", "thanks!", "ok great, cheers"): no question.
_SMALL_TALK = frozenset("""hello hi hey hiya morning afternoon evening good thanks thank you cheers ta ok okay
great lovely brilliant perfect bye goodbye please help there all for your very much so""".split())
_THANKS = re.compile(r"\b(?:thanks|thank|cheers|ta)\b")


def small_talk(norm: str) -> str:
    """"thanks" when a message only thanks, "hello" when it only greets or asks for help, "" for a question."""
    words = norm.split()
    if not words or len(words) > 6 or not set(words) <= _SMALL_TALK:
        return ""
    return "thanks" if _THANKS.search(norm) else "hello"
