"""Near misses of kind: a line about the right subject that holds another kind of fact than the one asked for.

- another post: "Group Commander" for "who is the chief fire officer?", a service manager for "who chairs it?";
- no party for a party: "Stephen Robinson – Councillor and Leader of the Council" for "which party does the
  leader represent?";
- a post of another body: "Claire Gevaux, Chief Executive Officer, Culture Chelmsford" for "the name of the city
  council's chief executive";
- a pledge for an outcome: "I will ensure ..." from an election statement for "who won the election?";
- no value for a value: "support residents on the assessment waiting list" for "what is the waiting time?";
- money allocated for money spent (or the other way round), or money left for money spent: "was allocated £1.1
  million" or "£300k was still available" for "how much did it spend?";
- a named part for the whole: "£1.6 million for Op Dial and Op Grip" for "what is the total budget?";
- another of the same name's kind: "£10,000 for Central Park" for "how much did Admirals Park get?";
- the figure the question already states: "has awarded £436,500" for "how much of the £436,500 award was spent?";
- a total for what each got: "nine awards ... totalling £1.34 million" for "how much did the others each get?";
- a sum, a share or a length for a count: "a fixed penalty notice of £100" for "how many notices were issued?";
- a sample for a count: "reviewed a sample of 10 searches" for "how many searches were carried out?";
- a post mentioned with no holder: "announced by the Leader of the Council" for "who is the Leader?";
- a person for an organisation: "Marcus Fell reported that the contract had been awarded" for "which company is
  installing the cameras?";
- a process under way for its outcome: "two reviews have been submitted to the Home Office for quality assurance"
  for "what did the Home Office conclude?", or a decision put off for the decision: "agreed to a six-month delay in
  the final decision" for "what did the board finally decide?";
- new ones for all of them: "six new cameras" for "how many cameras does the control room monitor in total?";
- a count of people for a sum: "has helped 150 people" for "what was it allocated?";
- another thing counted: "officers made 71 arrests" for "how many officers are based there?", "71,940 crimes" for
  "how many officers does it employ?" (kinds of thing counted in `text/data/near_miss_words.toml`);
- a percentage for a count: "Greyholt had the lowest share feeling safe (53%)" for "the number of replies from
  Greyholt";
- no sum for what someone pays: "the scheme funded by the Department for Transport" for "what does the department
  pay for it?";
- the whole for a part: "£193,716 for various projects" for "how much of the money went on the underpass project?";
- a target for a value reached: "Target: 90% of calls answered (December 2025: 84%)" for "what was the answer rate
  in 2026?";
- deaths or injuries of another cause: "road deaths" for "fire deaths".

Each rule reads plain English shapes, never one corpus's names, and returns why the line is no answer in plain
words, or "" when it may be one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from assistant import vocab
from assistant.answer import thread_people
from assistant.answer.wants import MONTHS, NAME, NUMBER_WORDS, PHONE, ROLE, wants
from assistant.text.dates import DATE, YEAR_PAIR
from assistant.text.terms import content_terms

# "Who is the chief fire officer of ...?", "who's the district commander for ...?": a post asked by its title.
POST_ASKED = re.compile(r"\bwho(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:current\s+|new\s+|present\s+)?"
                        r"((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:of|for|at|in|on|to)\b|\s*[?.!]?\s*$)", re.I)
# "Who has been appointed as the retail crime officer?", "who was elected chair?": a post asked by who was put in it.
APPOINTED_AS = re.compile(r"\bwho\s+(?:has|have|had|was|were|is|are|will)\s+(?:been\s+|be\s+)?(?:appointed|named|"
                          r"elected|chosen|selected|recruited|made)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
                          r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?=\s+(?:of|for|at|in|on|to)\b|\s*[?.!]?\s*$)", re.I)
WORDS_FILE = Path(__file__).parents[1] / "text" / "data" / "near_miss_words.toml"


@lru_cache(maxsize=1)
def near_miss_words() -> dict:
    """The words that make a line a near miss (`text/data/near_miss_words.toml`), read once."""
    with WORDS_FILE.open("rb") as file:
        return tomllib.load(file)


def phrases(words: list[str]) -> re.Pattern:
    """Any of the phrases, as words ("day time" also "day-time"), case-insensitively."""
    spelt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{spelt})(?![\w-])", re.I)


# "What's the name of the council's chief executive?", "name of Cresswold's chief constable?": a post asked by name.
POST_NAMED = re.compile(r"\bname\s+of\s+(?:the\s+)?(?:((?:[\w'’-]+\s+){0,4}?[\w'’-]+)['’]s?\s+)?"
                        r"((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:of|for|at|in|on|to)\b|\s*[?.!]?\s*$)", re.I)
# "Who chairs the board?", "who leads the team?": a post asked by what its holder does.
POST_DONE = re.compile(r"\bwho\s+(chair|lead|head|command|run|manage|direct)s?\b", re.I)
# What a line says of the holder of such a post, in any tense: "led by", "chaired by", "ran".
POST_DONE_SAID = {"chair": r"chair\w*", "lead": r"lead\w*|led", "head": r"head\w*", "command": r"command\w*",
                  "run": r"run\w*|ran", "manage": r"manag\w*", "direct": r"direct\w*"}
# Ranks and posts a "who is the X?" question may ask for beyond `ROLE`'s bodies and offices ("the new superintendent").
RANK_POST = re.compile(r"\b(superintendent|sergeant|inspector|constable|mayor|clerk|coordinator|treasurer|solicitor|"
                       r"governor|sheriff|warden|ombudsman)\b", re.I)
# A post asked by name or by "who is" with a clause after it ("the name of the VVU inspector officers met with",
# "who's the officer that leads it"): the first word of a person's post within the next seven words.
POST_BEFORE_CLAUSE = re.compile(r"(?:\bname\s+of|\bwho(?:['’]s|\s+is|\s+was))\s+(?:the\s+)?((?:[\w'’-]+\s+){0,6}?)"
                                r"(manager|director|officer|councillor|chair|chairman|chairwoman|inspector|executive|"
                                r"commander|constable|commissioner|secretary|minister|leader|superintendent|sergeant|"
                                r"mayor|clerk|coordinator|treasurer|solicitor|governor|warden|ombudsman)\b", re.I)
# Rank words that make another post of the same title: a Group Commander is no chief fire officer.
RANK = frozenset(content_terms("chief deputy assistant vice senior principal acting interim head"))


def post_asked(question: str) -> set[str]:
    """The terms of the post a "who is the X of Y?" or "who chairs Y?" question asks about; empty when it asks no
    post (a person's name, "who said ...?")."""
    if done := POST_DONE.search(question):
        return content_terms(done.group(1))
    match = POST_ASKED.search(question) or APPOINTED_AS.search(question) or POST_NAMED.search(question)
    words = match.group(match.lastindex).split() if match else [""]
    if not (ROLE.fullmatch(words[-1]) or RANK_POST.fullmatch(words[-1]) or
            re.fullmatch(r"[A-Z]{2,6}", words[-1])):  # "the MP", "the PFCC"
        held = POST_BEFORE_CLAUSE.search(question)  # "the VVU inspector officers met with"
        return content_terms(held.group(2)) | (content_terms(held.group(1)) & RANK) if held else set()
    return content_terms(words[-1]) | (content_terms(" ".join(words[:-1])) & RANK)


# A post a line gives after a person's name: ", Head of Community Safety", "– Station Manager", "(Vice-Chair)".
OWN_POST = re.compile(r"(?:[,–—]|\s-|\()\s*(?:[\w'’&-]+\s+){0,3}?(?:head|manager|director|officer|chair\w*|inspector|"
                      r"executive|commander|constable|commissioner|secretary|minister|leader|superintendent|sergeant|"
                      r"mayor|clerk|coordinator|treasurer|solicitor|governor|warden|ombudsman|lead)\b", re.I)


def other_post(question: str, text: str, terms: frozenset[str], before: str = "") -> str:
    """"Who is the chief fire officer?" is not answered by "Dave Walpole – Group Commander": the line (`text`, read
    with `terms`: its own words, the line before it, its headings and its document's) must name the post asked
    about, with its rank (and a line that gives a post of its own must name it itself, not leave it to the line
    `before`, another person's); and "who chairs the management board?" is not answered by the partnership's "(Chair)":
    they must name the body too."""
    done = POST_DONE.search(question)
    body = content_terms(re.split(r"\s+and\b|[,?;]", question[done.end():])[0]) - vocab_terms(question) if done and \
        done.group(1).casefold() == "chair" else set()  # a body has a chair; "who leads on it" may lead a theme
    if body and not body <= terms:
        return "the passage names the chair or lead of another body than the one asked about"
    if done and re.search(rf"\b(?:{POST_DONE_SAID[done.group(1).casefold()]})\b", text, re.I):
        return ""  # "Who leads Operation Tidewater?" and "... led by Detective Inspector Colin Marr"
    post = post_asked(question)
    if not post:
        return ""
    if not post <= terms:
        return "the passage names someone in another post than the one asked about"
    # "Joanne Brackley, Head of Community Safety" after "Daniel Ruddock (Vice-Chair)" in a list of those present:
    # a line giving a post of its own gives its own person's, whatever post the line before it gave another
    if before and not post <= content_terms(text) and post <= content_terms(before) and OWN_POST.search(text):
        return "the passage names someone in another post than the one asked about"
    return post_of_other_body(question, text, post)


# The body a post is held on, as a line writes it after the post: "Chief Executive Officer, Culture Chelmsford".
_BODY_AFTER = r"(?:\s+\w+)?\s*(?:,|\bof\b|\bat\b|\bfor\b|–|—|-)\s*(?:the\s+)?((?:[A-Z][\w'’&-]*\s*){1,5})"


def post_of_other_body(question: str, text: str, post: set[str]) -> str:
    """"What's the name of the city council's chief executive?" is not answered by "Claire Gevaux, Chief Executive
    Officer, Culture Chelmsford": where the question names whose post it is and every mention of the post in the
    line names another body after it (one that neither holds the question's body nor is held in it), the
    person holds that body's post."""
    match = POST_NAMED.search(question)
    own = content_terms(match.group(1)) if match and match.group(1) else set()
    if not own:
        return ""
    words = r"[\s-]+".join(re.escape(w) for w in re.findall(r"[\w'’-]+", match.group(2)))
    mentions = list(re.finditer(rf"\b{words}\b{_BODY_AFTER}", text, re.I))
    bodies = [content_terms(m.group(1)) for m in mentions]
    if not mentions or len(mentions) < len(re.findall(rf"\b{words}\b", text, re.I)) or \
            any(own <= body or body <= own for body in bodies):
        return ""
    return f"the passage names the {match.group(2).casefold()} of another body than {match.group(1)}"


def party_unsaid(question: str, near: str) -> str:
    """"Which political party does the leader of the council represent?" is not answered by "Stephen Robinson –
    Councillor and Leader of the Council": the line (or the line before it) must name a party
    (`text/data/parties.toml`)."""
    if not thread_people.PARTY_ASKED.search(question) or thread_people.party().search(near):
        return ""
    return "no passage names the party"


def vocab_terms(text: str) -> set[str]:
    """The terms of the places the vocabulary finds in a text, which the place rules read."""
    return content_terms(" ".join(hit.alias for _, hit in vocab.find_places(vocab.normalise(text))))


# "Who won the election?", "who was appointed ...?": what came of it, which a pledge or a plan does not say.
OUTCOME_ASKED = re.compile(r"\bwho\s+(?:won|wins|was\s+(?:elected|appointed|chosen|selected)|got\s+elected|"
                           r"became|took over)\b", re.I)
OUTCOME_SAID = re.compile(r"\b(won|wins|(?:re-?)?elected|appointed|victor\w*|results?|took office|sworn in|became|"
                          r"chosen|selected|succeeded|took over|replac\w*)\b", re.I)


def pledge_for_outcome(question: str, near: str) -> str:
    """"Who won the election?" is not answered by a candidate's "I will ensure ...": the line (or the line before
    it) must say what came of it."""
    if not OUTCOME_ASKED.search(question) or OUTCOME_SAID.search(near):
        return ""
    return "no passage says who won or was chosen"


_FOLLOWS = r"(?=\s+(?:of|in|for|on|at|to|from|by|with|across|during|under|among|since|per|between)\b|\s*[?.!]?\s*$)"
# "What is the waiting time for ...?": a measure that is only ever a number ("the threat level" may be "severe").
LEVEL_ASKED = re.compile(r"^\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+[^?]{0,60}?\b(time|rate|"
                         r"proportion|percentage|share|score|population|total|average|length|duration)s?\b"
                         + _FOLLOWS, re.I)
# "What is Essex Police's total budget ...?", "what was the core funding ...?": a sum, which needs money.
SUM_ASKED = re.compile(r"^\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+[^?]{0,60}?\b(budget|funding|cost|"
                       r"spend|spending|grant|allocation|precept|salary|price|deficit|income)s?\b" + _FOLLOWS, re.I)


# A question put as a heading (no question word) that asks a figure by its noun: "total ASB incidents across ...",
# "school children numbers at the fest", "shoplifting figures for ...".
FIGURE_NOUN_ASKED = re.compile(r"\b(total|totals|numbers|figures|count|tally|headcount|(?:survey|poll)\s+results?)\b(?!\s+(?:show|say|suggest|"
                               r"mean|tell|indicate)\w*)", re.I)


# A question put as a question, whose figure words may say what it is about rather than ask a figure: "why does
# the article urge caution with the figures?", "what reason does it give for the figures being hard to judge?"
OTHER_ASKED = re.compile(r"\b(?:what|why|who|whom|whose|when|where|which|whether|how)\b|"
                         r"^\W*(?:is|are|was|were|did|does|do|has|have|can|could|will|would|should)\b", re.I)


@lru_cache(maxsize=1)
def _value_noun_asked() -> re.Pattern:
    """"What footfall did the festival get?": a figure asked by its noun (the data file's `value.nouns`) after "what"."""
    nouns = phrases(near_miss_words()["value"]["nouns"]).pattern
    return re.compile(rf"^\W*what\s+(?:was\s+|is\s+|were\s+|are\s+)?(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?({nouns})\s+"
                      r"(?:did|does|do|has|have|had|was|were|is|are|will)\b", re.I)


# "What's the address of the police station?": where a thing is, to the street (not "address the issue", nor an email).
ADDRESS_ASKED = re.compile(r"\b(?:the|its|their|an?)\s+(?:postal\s+|full\s+|street\s+)?address\b(?!\s+(?:the|this|that|"
                           r"these|those|it|them|concerns|issues?)\b)", re.I)
# What an address is written with: a postcode, or a number before a street ("12 High Street").
ADDRESS = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d+[a-z]?,?\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|Road|"
                     r"Lane|Avenue|Way|Place|Square|Drive|Close|Crescent|Parade|Terrace|Hill|Row|Walk|Gardens|Court|"
                     r"Grove|Park|Green)\b")


def no_address(question: str, text: str) -> str:
    """"What's the address of the police station?" is not answered by a list of the people at a meeting: an address
    asked for needs a line that gives one (a postcode, or a number on a named street)."""
    if not ADDRESS_ASKED.search(question) or re.search(r"\b(?:e-?mail|web|website|ip)\s+address", question, re.I) or \
            ADDRESS.search(text):
        return ""
    return "no passage gives an address"


def no_value(question: str, text: str) -> str:
    """"What's the waiting time for a Care Act assessment?" is not answered by a line that mentions the waiting
    list but gives no figure; "what was the core funding?" by one that gives no sum; "total ASB incidents across
    the county" by a note on what an ASB incident is."""
    asked = wants(question)
    # a figure question is already held to a figure, and its sum may follow in the next line ("Ten zones ...")
    if (match := SUM_ASKED.search(question)) and not asked.figure and not replace(asked, money=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} as a sum"
    if (match := LEVEL_ASKED.search(question)) and not replace(asked, figure=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} as a figure"
    if not asked.figure and (match := FIGURE_NOUN_ASKED.search(question)) and not OTHER_ASKED.search(question) and \
            not replace(asked, figure=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} asked for"
    if (match := _value_noun_asked().search(question)) and not replace(asked, figure=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} as a figure"
    return ""


# Money paid out, and money given or set aside: "how much did it spend?" is not "how much was it allocated?" (a
# budget is what is planned, either way); nor is a sum awarded towards a thing what it cost.
SPENT = re.compile(r"\b(spent|spend\w*|expenditure|outlay|paid)\b", re.I)
GIVEN = re.compile(r"\b(allocat\w*|award\w*|grant(?:s|ed)?|receiv\w*|secured|given|gain(?:ed|ing)|won)\b", re.I)


@lru_cache(maxsize=2)
def _sought(named: bool = False) -> re.Pattern:
    """Money asked for ("bid for", "requested", "applied for", "asked the commissioner for"), and with `named` a
    bid a line names ("against the £85,000 bid"): no sum given, nor the other way round."""
    words = near_miss_words()["money"]
    return re.compile(rf"{phrases(words['sought'] + (words['sought_named'] if named else [])).pattern}|"
                      r"\bask(?:ed|ing|s)?\s+(?:[\w'’-]+\s+){0,3}?for\b", re.I)


# Money not yet spent: "£300k was still available", "the remaining £40,000", "an underspend of £12,000".
LEFT = re.compile(r"\b(available|remain\w*|left over|unspent|underspen\w*|carried forward|yet to be spent)\b", re.I)
# What a thing cost, which a sum awarded or given towards it does not say.
COST = re.compile(r"\b(?:cost\w*|price\w*|spent|paid)\b", re.I)
# A sum named as the thing it is ("the Mayor's £250,000 grant", "of the award"): what is spent from, not what is asked.
NAMED_SUM = re.compile(r"(?:['’]s|\b(?:the|this|that|its|their|her|his|our)|[£$€][\d,.]+\s*(?:million|m|k|bn)?)\s+"
                       r"(?:[\w'’-]+\s+)?(?=(?:award|grant|allocation|bid)s?\b(?!\s+for\b))", re.I)


# What may be asked for ("how much can be applied for?"): a sum on offer, which a fund's size gives, not a bid made.
CAN_SEEK = re.compile(r"\b(?:can|could|may|might|able to)\s+(?:be\s+)?(?:[\w'’-]+\s+){0,3}?(?:bid|applied|apply|ask|"
                      r"asked|request\w*)\s+for\b", re.I)


def offered_for_given(question: str, near: str) -> str:
    """"How much did the council actually get awarded from the fund?" is not answered by "How much can we apply
    for? £250,000 over 2 years": a sum given asked for is no sum a line (or the line before it) says may be
    applied or bid for, which is what is on offer."""
    if not wants(question).figure or not GIVEN.search(question) or CAN_SEEK.search(question) or \
            _sought().search(question) or not CAN_SEEK.search(near) or GIVEN.search(near):
        return ""
    return "the passage gives the sum that may be applied for, not one awarded"


# "the £185,000 fund", "the £2m grant": a thing the question names by its sum.
NAMED_BY_SUM = re.compile(r"\bthe\s+([£$€]\s?[\d,.]*\d\s*(?:million|m|k|bn)?)\s+(?:[\w'’-]+\s+)?(fund|grant|budget|pot|"
                          r"award|allocation|scheme|programme)s?\b", re.I)


def other_fund(question: str, text: str) -> str:
    """"How much has been spent so far from the £185,000 fund?" is not answered by "leaving £4,500 of the 2026/27
    Partnership Fund uncommitted": a line that never gives the sum the question names its fund by, and names a
    fund of its own, speaks of another fund (whatever the line before it said of the one asked about)."""
    match = NAMED_BY_SUM.search(question)
    if match is None or re.sub(r"\D", "", match.group(1)) in re.sub(r"[,\s]", "", text):
        return ""
    other = re.search(rf"(?:\b[A-Z\d][\w'’/-]*\s+)+(?i:{match.group(2)})s?\b", text)
    return f"the passage is about the {other.group()}, not the {match.group(1)} {match.group(2)}" if other else ""


def other_money(question: str, text: str) -> str:
    """"How much did Chelmsford spend in Year 1?" is not answered by "Chelmsford was allocated around £1.1 million":
    a sum given or set aside is not a sum spent, nor the other way round; nor "how much did it bid for?" by
    "Award: £118,000" (a sum asked for is not the sum given). A sum the question names as a thing
    ("how much of the £250,000 grant has been spent?") asks what was spent of it."""
    if not wants(question).figure:
        return ""
    # "what was the partnership's bid?" asks the bid itself, not what was spent of it
    named = NAMED_SUM.pattern + ("" if SPENT.search(question) else r"(?!bids?\b)")
    asking = CAN_SEEK.sub(" ", re.sub(rf"{named}\w+", " ", question, flags=re.I))
    for asked, said, words in ((SPENT, GIVEN, ("spent", "allocated or received")),
                               (GIVEN, SPENT, ("allocated or received", "spent")),
                               (_sought(), GIVEN, ("asked for", "awarded or received")),
                               (GIVEN, _sought(named=True), ("awarded or received", "asked for")),
                               (COST, GIVEN, ("it cost", "awarded towards it")),
                               (SPENT, LEFT, ("spent", "still to spend"))):
        if asked.search(asking) and not said.search(asking) and said.search(text) and not (
                _sought(named=True) if asked is _sought() else asked).search(text):
            return f"the passage gives a sum {words[1]}, not one {words[0]}"
    if _sought().search(asking) and not (GIVEN.search(asking) or SPENT.search(asking)) and \
            not _sought(named=True).search(text):
        return "the passage gives no sum asked for"  # "£410,000 of funding" is what was shared out, not a bid
    return ""


# "the total budget", "core funding": the whole of a sum, which a part named for one purpose is not ("total crime"
# is no sum).
WHOLE_ASKED = re.compile(r"\b(total|overall|whole|entire|core|annual|main)\s+(?:[\w'’-]+\s+){0,2}?(?:budget|funding|"
                         r"cost|spend|spending|grant|allocation|precept|income|money|fund|pot)s?\b", re.I)
# A sum tied to a named purpose or fund: "£1.6 million for Op Dial", "the PFCC Safer Streets Fund".
_NAMED = r"(?:(?:Op\.?|[A-Z][\w'’&-]*)\s+){0,4}[A-Z][\w'’&-]*"
NAMED_PART = re.compile(rf"\b(?:for|from|under|through|towards)\s+(?:the\s+)?({_NAMED})|"
                        rf"\b({_NAMED}\s+(?:Fund|Grant|Programme|Scheme|Initiative))\b")


def named_part(question: str, near: str) -> str:
    """"What is Essex Police's total budget?" is not answered by "£1.6 million for Op Dial and Op Grip": a sum the
    line (or the line before it) ties to a named purpose or fund the question does not name is a part of the
    whole asked about."""
    if not WHOLE_ASKED.search(question) or not wants(question).figure:
        return ""
    asked = content_terms(question)
    for match in NAMED_PART.finditer(near):
        name = match.group(1) or match.group(2)
        if vocab.find_places(vocab.normalise(name)) and len(name.split()) == 1:
            continue  # "for Chelmsford": where, which the place rules read
        if content_terms(name) - asked:
            return f"the passage gives a sum for {name}, not the {WHOLE_ASKED.search(question).group(1).casefold()} " \
                   "asked about"
    return ""


def other_of_name(question: str, text: str, terms: frozenset[str]) -> str:
    """"How much did Admirals Park get?" is not answered by "£10,000 for Central Park": the line names another thing
    whose name ends as the question's does, and nothing (`terms`: the line, the line before it, its headings)
    names the one asked about."""
    for asked in NAME.finditer(question):
        words = asked.group().split()
        own = content_terms(" ".join(words[:-1]))
        if asked.start() == 0 or not own or own & terms:
            continue
        other = re.search(rf"\b((?:[A-Z][\w'’-]*\s+)+){re.escape(words[-1])}\b", text)
        if other and not content_terms(other.group(1)) & content_terms(question) and \
                not _spelled_alike(" ".join(words[:-1]), other.group(1)):  # "Chelsmford College"
            return f"the passage is about {other.group().strip()}, not {asked.group()}"
    return ""


def _spelled_alike(one: str, other: str) -> bool:
    """Is one name a misspelling of the other ("Chelsmford" for "Chelmsford")?"""
    return SequenceMatcher(None, one.casefold().strip(), other.casefold().strip()).ratio() >= 0.8


# A number as printed with what it is a number of: "£1.34 million", "14 per cent", "14 days", "1,248", "nine".
_FIGURE = re.compile(rf"(?P<money>[£$€]\s?)?(?<![\w.])(?P<value>\d[\d,]*(?:\.\d+)?|(?i:{NUMBER_WORDS}))"
                     r"(?:(?P<scale>\s?(?:million|billion|bn|m|k)\b)|(?![\w]))"
                     r"(?P<after>\s?(?:%|per\s?cent\b|percent\b)|\s?(?:pounds|GBP)\b|\s*(?:(?:calendar|financial|working|school|full)\s+)?"
                     r"(?:minute|hour|day|week|month|"
                     r"year|mile|metre|meter|kilometre|km)s?\b(?!\s*\d))?", re.I)  # "100 Year 9 girls" counts girls
# Words before a number that make it a label, not a quantity: "Year 1", "item 6", "Q2", "aged 13" ("this year nine
# awards" counts).
_LABELLED = re.compile(r"\b(?:year|item|page|zone|tier|phase|stage|round|quarter|q|section|paragraph|para|no\.?|number|"
                       r"aged|age|ages|under|over|ref|action|table|figure|appendix|annex|per)\s*$", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


def figures(text: str) -> list[tuple[str, str]]:
    """(value, unit) of each quantity a line states, the unit "£", "%", a unit of length or time ("days") or ""
    (a count); dates, years, financial years ("23/24"), labels ("Year 1") and phone numbers are no quantities."""
    text = YEAR_PAIR.sub(" ", DATE.sub(" ", PHONE.sub(" ", text)))
    found = []
    for match in _FIGURE.finditer(text):
        printed, after = match.group("value"), (match.group("after") or "").strip().casefold()
        labelled = printed[:1].isdigit() and _LABELLED.search(text[:match.start()])
        if labelled or not match.group("money") and _YEAR.fullmatch(printed) and not after:  # "1,920" is no year
            continue
        value = printed.replace(",", "").casefold()
        unit = "£" if match.group("money") or after in ("pounds", "gbp") else "%" if after[:1] in "%p" and after else \
            re.sub(r"s$", "", after.split()[-1]) if after else ""
        found.append((value, unit))
    return found


# "How much ...?", "how many ...?", "what percentage ...?": a figure the line itself must give.
FIGURE_ASKED = re.compile(r"\bhow (?:much|many)\b|\bwhat (?:percentage|proportion|share|number|amount|sum|total)\b", re.I)


def dates_only(question: str, text: str) -> str:
    """"What was the core funding in 2023/24?" is not answered by "The funding will be split over two financial
    years: 2023/24, and 2024/25": a line whose only numbers are dates, years, labels ("Year 1") and lengths of time
    (unless the question counts in them: "how many days") gives no figure."""
    if not FIGURE_ASKED.search(question) and not SUM_ASKED.search(question) or not re.search(r"\d", text):
        return ""
    if any(unit in ("", "£", "%", counted_noun(question)) for _, unit in figures(text)):
        return ""
    return "the passage gives only dates, not the figure asked for"


def figure_restated(question: str, text: str) -> str:
    """"How much of the Commissioner's £436,500 award has been spent?" is not answered by "has awarded £436,500":
    a line whose every figure is one the question already states tells nothing the question did not."""
    if not FIGURE_ASKED.search(question):
        return ""
    stated, asked = {value for value, _ in figures(text)}, {value for value, _ in figures(question)}
    if not asked or not stated or not stated <= asked:
        return ""
    return "the passage gives only the figure the question already states"


# "each", "apiece", "individually": what every one got, which a total of them all does not say ("each year" is
# how often, not whose).
EACH_ASKED = re.compile(r"\b(?:each|apiece|individually)\b(?!\s+(?:year|month|week|day|quarter|time|of the (?:year|month)))",
                        re.I)
TOTAL_SAID = re.compile(r"\b(?:total\w*|altogether|combined|in all|between them|overall)\b", re.I)
SHARED_SAID = re.compile(r"\b(?:each|apiece|per|a piece|every)\b", re.I)


def total_for_each(question: str, text: str) -> str:
    """"How much did the other districts each get?" is not answered by "nine awards were made ..., totalling £1.34
    million", nor by "£436,500 to the Safer Kestermoor Partnership": a line says what each got when it says so
    ("£5,000 each", "£22,665 per site") or gives several of them, not by a total or one of them alone."""
    if not EACH_ASKED.search(question) or not FIGURE_ASKED.search(question) or SHARED_SAID.search(text):
        return ""
    if TOTAL_SAID.search(text):
        return "the passage gives a total, not what each one got"
    if re.search(r"\bothers?\b", question, re.I) and len(figures(text)) == 1:
        return "the passage gives one of them, not what each of the others got"
    return ""


# "How many fixed penalty notices ...?", "how many of the survey responses ...": what is counted, read up to the
# first word that is no part of it.
COUNT_ASKED = re.compile(r"\b(?:how many|number of)\s+(?:of\s+(?:the|those|these|them)\s+)?((?:[\w'’-]+\s*){1,6})", re.I)
NOT_COUNTED = frozenset("have has had did do does were was are is will would can could shall should may might in of for "
                        "from at on by under with across since during between so per there that which who this these "
                        "those came went got took made".split())


def counted_noun(question: str) -> str:
    """The word a "how many" question counts, singular ("notice" of "how many fixed penalty notices have been
    issued?"); empty when it asks no count."""
    words = counted_words(question)
    return re.sub(r"(?<=[^s])s$", "", re.sub(r"ies$", "y", words[-1].casefold())) if words else ""


def counted_words(question: str) -> list[str]:
    """The words of what a "how many" question counts ("fixed", "penalty", "notices"); empty when it asks no count."""
    match = COUNT_ASKED.search(question)
    if match is None:
        return []
    words = []
    for word in re.findall(r"[\w'’-]+", match.group(1)):
        if words and (word.casefold() in NOT_COUNTED or re.fullmatch(r"[a-z]+ed", word)):
            break
        words.append(word)
    return words


UNITS = frozenset("minute hour day week month year mile metre meter kilometre km".split())
# Words before a counted noun that say which of them or when, not what they are: "new", "total", "recorded".
COMMON_COUNTED = frozenset("new total more extra additional further recorded reported separate different other each all "
                           "young local current last first next this these those".split())


def no_count(question: str, text: str) -> str:
    """"How many fixed penalty notices have been issued?" is not answered by "a fixed penalty notice of £100,
    reduced to £60 if paid within 14 days": a count is a bare number (or one in the unit asked: "how many hours"),
    and a line about the thing counted whose figures are all sums of money, percentages or lengths of time counts
    nothing. (A line that does not name it may lead into the next, which counts it: "The fund has a budget of
    £1.9 million." before "This year nine awards were made".)"""
    noun = counted_noun(question)
    # the thing counted is named by its head noun or by the words before it ("fixed penalty" of "fixed penalty
    # notices"), not by a general word the documents say of anything ("new", "total")
    named = [noun[:-1] if noun.endswith("y") else noun] + [
        word for word in counted_words(question)[:-1] if content_terms(word) and word.casefold() not in COMMON_COUNTED]
    if not noun or noun not in UNITS and not any(re.search(rf"\b{re.escape(word)}", text, re.I) for word in named):
        return ""
    counts = {"", noun} if noun in UNITS else {""}  # "how many hours": "208 funded patrol hours" or "40 hours"
    found = figures(text)
    if not found or any(unit in counts for _, unit in found):
        return ""
    units = {unit for _, unit in found}
    said = "a sum of money" if units == {"£"} else "a percentage" if units == {"%"} else "other measures"
    return f"the passage gives {said}, not a number of {noun}s"


# "a sample of 10 searches", "a random selection of 40 cases": some of them, picked.
SAMPLED = re.compile(rf"\b(?:a|an)\s+(?:random\s+|small\s+|further\s+)?(?:sample|selection|subset|snapshot)\s+of\s+"
                     rf"(?:\d[\d,]*|{NUMBER_WORDS})\b", re.I)


def sample_for_count(question: str, text: str) -> str:
    """"How many stop and searches did police carry out?" is not answered by "the panel reviewed a sample of 10
    searches": a number the line gives as a sample of the things counted says how many were looked at, not how
    many there were (unless the question asks about the sample)."""
    if not counted_noun(question) or not SAMPLED.search(text) or \
            re.search(r"\b(?:sample|selection|subset|snapshot|review\w*|check\w*)\b", question, re.I):
        return ""
    if any(unit == "" for _, unit in figures(SAMPLED.sub(" ", text))):
        return ""  # "of 88 searches, a sample of 12 was reviewed": the line counts them all too
    return "the passage counts a sample of them, not how many there were"


_TITLE = r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Professor|Prof|PC|PCSO|DC|DS|DI|DCI|Sgt|Sergeant|Insp|" \
         r"Inspector|Supt|Superintendent|Detective|Chief)\.?\s+)*"


def post_unheld(question: str, text: str) -> str:
    """"Who is the Leader of the Council?" is not answered by "the Cabinet changes announced by the Leader of the
    Council": a line (read with the line before it) that names the post asked about but never beside a person
    ("Cllr Ann Lee, Leader of the Council", "the Leader, Cllr Ann Lee", "Leader: Ann Lee", "Ann Lee is ... and the
    Leader") does not say who holds it."""
    match = POST_ASKED.search(question) or APPOINTED_AS.search(question) or POST_BEFORE_CLAUSE.search(question)
    if match is None or not post_asked(question):
        return ""
    post = match.group(match.lastindex).split()[-1]
    mentions = list(re.finditer(rf"\b{re.escape(post)}s?\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s*)+)?",
                                text, re.I))
    if not mentions:
        return ""
    for mention in mentions:
        before, after = text[:mention.start()], text[mention.end():]
        if re.search(rf"(?:{NAME.pattern})\s*(?:[,(:–—-]\s*|\s+(?:is|was|as|becomes|became)\s+)?(?:the\s+|our\s+|"
                     r"new\s+|acting\s+|interim\s+)*(?:[\w'’]+[\s-]+){0,2}$", before) or \
                re.search(rf"(?:{NAME.pattern})\s+(?:is|was|has been|became|becomes|remains|serves as|acts as)\b[^.;:]*$",
                          before) or \
                re.match(rf"\s*(?:[,:(–—-]\s*|\s+(?:is|was)\s+)?{_TITLE}(?:{NAME.pattern})", after):
            return ""
    return f"the passage mentions the {post} but does not say who holds the post"


# "Which company is installing ...?", "what firm ...?": an organisation asked for, which a person's name is not.
ORGANISATION_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+)?(company|firm|contractor|supplier|business|"
                                r"provider|manufacturer|installer|operator|developer)s?\b", re.I)
# A capitalised run of words: a name of a person, a place or an organisation ("Mercia Vision Systems", "Marcus Fell").
CAPITALISED = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’&-]*)(?:\s+(?:of\s+|&\s+)?[A-Z][\w'’&-]*)*")
# What makes a capitalised run a person's: a title before it, or a verb of saying or reporting after it.
_PERSON_TITLE = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof|Professor|PC|PCSO|Sgt|Sergeant|"
                           r"Inspector|Superintendent|Constable)\.?\s+$")
_REPORTS = re.compile(r"^\s*(?:reported|said|says|advised|explained|confirmed|noted|informed|told|stated|added|"
                      r"updated|presented|asked|agreed|welcomed|thanked|highlighted|outlined|gave|replied)\b")
DAY_OR_MONTH = re.compile(rf"(?i:{MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\w*")
_NO_NAME = frozenset("the a an this that these those it its there he she they we our their his her in on at for by of "
                     "and but as if when while with from to action owner status due date".split())


def named_person(text: str, name: re.Match) -> bool:
    """Is the capitalised run a person's: after a title ("Cllr"), or before a verb of saying ("Gareth Mold reported")?"""
    return bool(_PERSON_TITLE.search(text[:name.start()]) or _PERSON_TITLE.match(name.group().split()[0] + " ") or
                _REPORTS.match(text[name.end():]))


def person_for_organisation(question: str, text: str) -> str:
    """"Which company is installing the new CCTV?" is not answered by "Marcus Fell reported that the contract ...
    had been awarded": a line whose only names, beside the question's own, are people's (after a title, or before
    a verb of saying) names no organisation. A line with any other name may name the firm, and is let be."""
    match = ORGANISATION_ASKED.search(question)
    if match is None:
        return ""
    asked = set(re.findall(r"[a-z]+", question.casefold()))
    people = 0
    for name in CAPITALISED.finditer(text):
        words = set(re.findall(r"[a-z]+", name.group().casefold())) - _NO_NAME
        opening = not text[:name.start()].strip(" -•*❖\t") and " " not in name.group()  # "The", "Installation"
        if not words or words <= asked or opening or DAY_OR_MONTH.fullmatch(name.group()):
            continue
        if named_person(text, name):
            people += 1
            continue
        return ""  # a name that may be the organisation's
    return f"the passage names a person, not the {match.group(1).casefold()} asked about" if people else ""


# What the organisation asked for did: "which company installed ...", "what firm is supplying ...".
# (Not what was done to it: "which contractor was appointed?")
ORGANISATION_DID = re.compile(ORGANISATION_ASKED.pattern + r"\s+(?:is\s+|are\s+|has\s+|have\s+|had\s+|will\s+|"
                              r"did\s+)?(?!been\b|being\b)([a-z]{4,})\b", re.I)


def organisation_act_unsaid(question: str, near: str) -> str:
    """"Which company installed the Tandem Vu CCTV?" is not answered by "funds ... to upgrade CCTV cameras ... works
    were completed in February": the line (or the line before it) must say the act done ("installed", "the
    installation") or name a company, firm or contractor, not only the thing it was done to."""
    match = ORGANISATION_DID.search(question)
    if match is None:
        return ""
    act = content_terms(match.group(2))
    if not act or act <= content_terms(near) or ORGANISATION_ASKED_WORDS.search(near):
        return ""
    return f"no passage names the {match.group(1).casefold()} asked about"


# A line that names an organisation by what it is: "the contractor", "a local firm", "Acme Ltd".
ORGANISATION_ASKED_WORDS = re.compile(r"\b(?:company|companies|firm|firms|contractors?|suppliers?|providers?|"
                                      r"manufacturers?|installers?|operators?|developers?|ltd|limited|plc|llp)\b", re.I)


# "What did the Home Office conclude ...?", "what did the review find?": what came of a piece of work.
CONCLUSION_ASKED = re.compile(r"\bwhat\s+(?:did|has|have|had|does|do|will)\s+(?:[\w'’-]+\s+){1,6}?"
                              r"(conclude|find|decide|determine|rule|recommend|judge)\b", re.I)
CONCLUSION_SAID = re.compile(r"\b(conclu\w*|f[oi]und\w*|decid\w*|decision\w*|determin\w*|rul(?:ed|ing)|recommend\w*|"
                             r"judged?|judgement|outcome\w*|result\w*|verdict|agreed|approved|accepted|rejected|"
                             r"satisf\w*|assessed as|rated|graded|identified|learning|lessons?)\b", re.I)
# Work sent off or still going on: "submitted to the Home Office for quality assurance", "going through the process".
UNDER_WAY = re.compile(r"\b(submitted|sent|referred|passed)\s+(?:[\w'’-]+\s+){0,6}?(?:to|for)\b|\b(awaiting|await\w*|"
                       r"going through|under way|underway|ongoing|in progress|pending|yet to|not yet|due to)\b", re.I)


# What came of a piece of work, named as a thing: it may be one still to come ("the final decision will ...").
OUTCOME_NOUN = re.compile(r"decisions?|outcomes?|results?|conclusions?|findings?|recommendations?|verdict", re.I)
# A decision put off: "agreed to a six-month delay in the final decision", "the decision was deferred".
DEFERRED = re.compile(r"\b(?:delay\w*|defer\w*|postpon\w*|put back|put off|adjourn\w*)\b[^.;]{0,40}?\bdecision|"
                      r"\bdecision\b[^.;]{0,40}?\b(?:delayed|deferred|postponed|put back|put off|adjourned)\b", re.I)


def process_for_outcome(question: str, near: str) -> str:
    """"What did the Home Office conclude after quality assuring the reviews?" is not answered by "two of these
    reviews have been submitted to the Home Office for quality assurance": the line (or the line before it) must
    say what was concluded or found, not only that the work was sent or is under way ("what did the survey find?"
    and "58% now feel safe" says what was found, without saying "found")."""
    match = CONCLUSION_ASKED.search(question)
    if match is not None and DEFERRED.search(near):  # "agreed to a delay in the decision": agreed, not decided
        return "the passage says the decision was put off, not what was decided"
    said = [word.casefold() for word in CONCLUSION_SAID.findall(near)]
    # "to ensure the final decision reflects ..., a group will be set up": a decision named, still to come
    to_come = said and all(OUTCOME_NOUN.fullmatch(word) for word in said) and re.search(r"\bwill\b", near, re.I)
    if match is None or said and not to_come or not to_come and not UNDER_WAY.search(near):
        return ""
    return f"no passage says what was {'found' if match.group(1).casefold() == 'find' else 'concluded or decided'}"


# Money given: "was allocated", "how much was awarded", "what did it get from the fund".
MONEY_GIVEN_ASKED = re.compile(r"\b(?:allocated|awarded|granted)\b", re.I)


def no_sum_given(question: str, text: str) -> str:
    """"What was the Harbour Safe Haven allocated?" is not answered by "the Harbour Safe Haven has helped more than
    150 people": a sum allocated or awarded is money, and a line whose figures are all counts, rates or lengths
    gives none (a "how many" question counts things, and is let be)."""
    if not MONEY_GIVEN_ASKED.search(question) or counted_noun(question) or not wants(question).figure:
        return ""
    found = figures(text)
    if not found or any(unit == "£" for _, unit in found):
        return ""
    return "the passage gives no sum of money"


# "in total", "altogether", "the total number of", "all told": every one of them, not some.
TOTAL_ASKED = re.compile(r"\bin total\b|\baltogether\b|\ball told\b|\btotal (?:number|count) of\b|\bhow many\b[^?]*\b"
                         r"(?:overall|in all)\b", re.I)
# Words before a counted noun that make the count some added to the rest: "six new cameras", "40 extra officers".
_ADDED = r"(?:new|additional|extra|more|further|another|newly[\w-]*|replacement)"


def new_for_total(question: str, text: str) -> str:
    """"How many CCTV cameras does the control room monitor in total?" is not answered by "£38,000 for six new CCTV
    cameras": a count of new, extra or further ones is what was added, not how many there are (a line that also
    counts them without such a word may give the total)."""
    noun = counted_noun(question)
    if not noun or noun in UNITS or not TOTAL_ASKED.search(question):
        return ""
    stem = re.escape(noun[:-1] if noun.endswith("y") else noun)
    counted = rf"\b(?:\d[\d,]*|{NUMBER_WORDS})\s+((?:[\w'’-]+\s+){{0,3}}?){stem}"
    found = [match.group(1) for match in re.finditer(counted, text, re.I)]
    if not found or not all(re.search(rf"\b{_ADDED}\b", words, re.I) for words in found):
        return ""
    return f"the passage counts new or extra {noun}s only, not how many there are in total"


# A count of what someone did: "made 71 arrests", "issued 44 directions", "completed more than 1,400 hours".
DONE_COUNT = re.compile(rf"\b(?:[a-z]+ed|made|gave|took|did|held|ran|saw|won|handed out|carried out)\s+(?:more than\s+|"
                        rf"over\s+|around\s+|about\s+|nearly\s+|almost\s+|some\s+)?(?:\d[\d,]*|{NUMBER_WORDS})\s+"
                        r"(?:[a-z]+\s+)?([a-z][\w'’-]*s)\b", re.I)
# Any count a line gives ("38 of them" counts some of a count already given, and is none of its own).
_COUNT = re.compile(rf"(?<![\w.,£$€])(?:\d[\d,]*|{NUMBER_WORDS})(?![\d,]*\s*(?:%|per ?cent))\b"
                    r"(?!\s+of\s+(?:them|these|those|which)\b)", re.I)


def other_thing_counted(question: str, text: str) -> str:
    """"How many police officers are based at the station?" is not answered by "Officers and wardens completed
    1,400 hours of patrol, made 71 arrests and issued 44 directions to leave": a line whose subject is what is
    counted, and whose every count is of something it did, says what they did, not how many of them there are."""
    noun = counted_noun(question)
    if not noun or noun in UNITS or noun in NOT_COUNTED or len(noun) < 3:
        return ""
    stem = noun[:-1] if noun.endswith("y") else noun
    if not re.match(rf"\W*(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w'’-]+\s+)?{re.escape(stem)}", text, re.I):
        return ""  # the line is not about them doing things
    plain = YEAR_PAIR.sub(" ", DATE.sub(" ", text))
    done = list(DONE_COUNT.finditer(plain))
    asked = content_terms(question)  # "how many directions to leave": any word of what is counted
    if not done or len(done) < len(_COUNT.findall(plain)) or \
            any(content_terms(match.group(1)) & asked for match in done):
        return ""
    return f"the passage counts what {noun}s did ({done[0].group(1)}), not how many {noun}s there are"


@lru_cache(maxsize=1)
def _count_kinds() -> tuple[frozenset[str], ...]:
    return tuple(frozenset().union(*map(content_terms, group["nouns"])) for group in near_miss_words()["counted"])


# A number and the words after it, up to the noun it counts: "71,940 crimes", "214 reports of anti-social behaviour".
_COUNTED_WORDS = re.compile(rf"(?<![\w.,£$€])(?:\d[\d,]*|{NUMBER_WORDS})(?![\d,]*\s*(?:%|per ?cent))((?:\s+[\w'’-]+){{1,3}})",
                            re.I)


def other_kind_counted(question: str, text: str) -> str:
    """"How many police officers does the constabulary employ?" is not answered by "the constabulary recorded
    71,940 crimes", nor "how many consultation replies came from Pelsham Bridge?" by "214 reports of anti-social
    behaviour": the question counts one kind of thing the data file lists (people and their answers to a survey;
    crimes and reports), the line never names it, and every count in the line is of another of those kinds."""
    noun = counted_noun(question)
    asked = [kind for kind in _count_kinds() if content_terms(noun) and content_terms(noun) <= kind]
    if not asked or re.search(rf"\b{re.escape(noun[:-1] if noun.endswith('y') else noun)}", text, re.I):
        return ""
    counted = []
    for match in _COUNTED_WORDS.finditer(YEAR_PAIR.sub(" ", DATE.sub(" ", text))):
        plural = [word for word in match.group(1).split() if re.fullmatch(r"[a-z][\w'’-]*s", word, re.I)]
        if not plural or plural[0].casefold().rstrip("s") in UNITS:
            continue  # "139 the year before", "12 months": no thing counted
        kinds = [kind for kind in _count_kinds() if content_terms(plural[0]) & kind]
        if not kinds:
            return ""  # a count of something else, which may be what the question calls by another word
        counted.append(kinds[0])
    if not counted or asked[0] in counted:
        return ""
    return f"the passage counts other things, not {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def share_for_count(question: str, text: str) -> str:
    """"Number of survey replies from Greyholt people" is not answered by "Greyholt had the lowest share of
    residents feeling safe after dark (53%)": a line that never names what is counted and whose every figure is a
    percentage gives shares, not a count."""
    noun = counted_noun(question)
    if not noun or noun in UNITS or re.search(r"\b(?:per ?cent|percentage|%)", question, re.I) or \
            re.search(rf"\b{re.escape(noun[:-1] if noun.endswith('y') else noun)}", text, re.I):
        return ""
    found = figures(text)
    return "the passage gives percentages, not a count" if found and all(unit == "%" for _, unit in found) else ""


# "What does the Department for Transport pay for the officers?", "how much did the council spend on CCTV?": a sum
# someone pays ("what does the fund pay for?", "what did it pay for at the club?" ask what it funds).
PAID_ASKED = re.compile(r"^\W*how\s+much\s+(?:does|did|do|will|would|is|was)\s+[^?]{0,60}?\b(?:pay|paid|spend|spent|cost|"
                        r"contribute|charge)s?\b|^\W*what\s+(?:does|did|do|will|would)\s+[^?]{0,60}?\b(?:pay|cost|charge)s?\b"
                        r"(?!\s+for\b(?!\s+(?:the|a|an|its|their|each|every|this|that)\b))", re.I)


def no_sum_paid(question: str, text: str) -> str:
    """"What does the Department for Transport pay for the transport safety officers?" is not answered by "The
    Transport Safety Officers scheme funded by the Department for Transport went live": a sum paid needs a line
    that gives a sum of money."""
    if not PAID_ASKED.search(question) or any(unit == "£" for _, unit in figures(text)):
        return ""
    return "the passage gives no sum of money"


# "How much of the Safer Streets money went on the underpass street art project?": a part of a sum, by what it
# went on.
PART_ASKED = re.compile(r"\bhow\s+much\s+of\s+[^?]+?\b(?:went|go|goes|was\s+spent|is\s+spent|was\s+used|was\s+"
                        r"allocated|was\s+given|was\s+put)\s+(?:on|to|for|towards|into)\s+(?:the\s+)?([^?]+)", re.I)


def whole_for_part(question: str, near: str) -> str:
    """"How much of the money went on the underpass street art project?" is not answered by "The partnership will
    receive £193,716 for various projects": the line (or the line before it) must name most of what the part went
    on."""
    match = PART_ASKED.search(question)
    part = content_terms(match.group(1)) - vocab_terms(match.group(1)) if match else set()
    if not part or len(part & content_terms(near)) * 2 > len(part):
        return ""
    return f"no passage says how much went on {match.group(1).strip().casefold()}"


@lru_cache(maxsize=1)
def _caused() -> re.Pattern:
    return phrases(near_miss_words()["caused"]["nouns"])


# Words before "deaths" that count or qualify them, not what caused them: "three fatalities", "more deaths".
NOT_A_CAUSE = frozenset(content_terms("more fewer less all total further other new additional recorded reported "
                                      "many most few some any no"))


def _a_cause(word: str) -> bool:
    return bool(content_terms(word) - NOT_A_CAUSE) and not re.fullmatch(rf"(?i:{NUMBER_WORDS})|\d.*", word)


def other_cause(question: str, text: str) -> str:
    """"By what year should fire deaths be down to zero?" is not answered by "reduce road deaths to zero by 2040":
    deaths, injuries and the like the question names by their cause ("fire deaths") are not those the line names
    by another ("road deaths"), unless it names the question's too."""
    for asked in re.finditer(rf"\b([a-z][\w-]+)\s+({_caused().pattern})", question, re.I):
        cause, noun = asked.group(1).casefold(), content_terms(asked.group(2))
        if not _a_cause(cause):
            continue
        said = [m for m in re.finditer(rf"\b([a-z][\w-]+)\s+({_caused().pattern})", text, re.I)
                if content_terms(m.group(2)) == noun and _a_cause(m.group(1))]
        if said and not any(m.group(1).casefold() == cause for m in said) and \
                not any(m.group(1).casefold() in question.casefold() for m in said):
            return f"the passage is about {said[0].group().casefold()}, not {asked.group().casefold()}"
    return ""


@lru_cache(maxsize=1)
def _target() -> re.Pattern:
    return phrases(near_miss_words()["target"]["words"])


_ASIDE = re.compile(r"\(([^()]*)\)")
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


def target_for_value(question: str, text: str) -> str:
    """"What was the 999 answer rate in 2026?" is not answered by "Target: 90% of 999 calls answered within 10
    seconds (December 2025: 84%)": a line that gives a value aimed at, with any value reached only in an aside for
    another year, gives no value reached in the year asked."""
    asked = set(_YEAR_IN.findall(question))
    main = _ASIDE.sub(" ", text)
    if not asked or _target().search(question) or not _target().search(main) or not figures(main) or \
            asked & set(_YEAR_IN.findall(main)):
        return ""
    asides = [aside for aside in _ASIDE.findall(text) if figures(aside)]
    if any(not set(_YEAR_IN.findall(aside)) or asked & set(_YEAR_IN.findall(aside)) for aside in asides):
        return ""  # a value reached, for the year asked or for no year said
    return f"the passage gives a target{' and a figure for another year' if asides else ''}, not the figure for " \
           f"{', '.join(sorted(asked))}"


def objection(question: str, text: str, near: str, terms: frozenset[str]) -> str:
    """The first near miss of kind the line (`text`, with the line before it: `near`; `terms`: the words of both
    and of its headings) is; empty when it is none."""
    before = near[:-len(text)].strip() if near.endswith(text) else ""
    return other_post(question, text, terms, before) or party_unsaid(question, near) or pledge_for_outcome(question, near) or no_value(question, text) or \
        other_money(question, text) or offered_for_given(question, near) or no_address(question, text) or \
        other_fund(question, text) or \
        named_part(question, near) or other_of_name(question, text, terms) or \
        dates_only(question, text) or figure_restated(question, text) or total_for_each(question, text) or \
        no_count(question, text) or sample_for_count(question, text) or \
        post_unheld(question, near) or person_for_organisation(question, text) or \
        organisation_act_unsaid(question, near) or \
        process_for_outcome(question, near) or no_sum_given(question, text) or new_for_total(question, text) or \
        other_thing_counted(question, text) or other_kind_counted(question, text) or share_for_count(question, text) or \
        no_sum_paid(question, text) or whole_for_part(question, near) or other_cause(question, text) or \
        target_for_value(question, text)
