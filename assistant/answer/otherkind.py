"""Near misses of kind: a line about the right subject that holds another kind of fact than the one asked for.

- another post: "Group Commander" for "who is the chief fire officer?", a service manager for "who chairs it?";
- a pledge for an outcome: "I will ensure ..." from an election statement for "who won the election?";
- no value for a value: "support residents on the assessment waiting list" for "what is the waiting time?";
- money allocated for money spent (or the other way round): "was allocated £1.1 million" for "how much did it
  spend?";
- a named part for the whole: "£1.6 million for Op Dial and Op Grip" for "what is the total budget?";
- another of the same name's kind: "£10,000 for Central Park" for "how much did Admirals Park get?".

Each rule reads plain English shapes, never one corpus's names, and returns why the line is no answer in plain
words, or "" when it may be one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from assistant import vocab
from assistant.answer.wants import NAME, ROLE, wants
from assistant.text.terms import content_terms

# "Who is the chief fire officer of ...?", "who's the district commander for ...?": a post asked by its title.
POST_ASKED = re.compile(r"\bwho(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:current\s+|new\s+|present\s+)?"
                        r"((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:of|for|at|in|on|to)\b|\s*[?.!]?\s*$)", re.I)
# "Who chairs the board?", "who leads the team?": a post asked by what its holder does.
POST_DONE = re.compile(r"\bwho\s+(chair|lead|head|command|run|manage|direct)s?\b", re.I)
# What a line says of the holder of such a post, in any tense: "led by", "chaired by", "ran".
POST_DONE_SAID = {"chair": r"chair\w*", "lead": r"lead\w*|led", "head": r"head\w*", "command": r"command\w*",
                  "run": r"run\w*|ran", "manage": r"manag\w*", "direct": r"direct\w*"}
# Rank words that make another post of the same title: a Group Commander is no chief fire officer.
RANK = frozenset(content_terms("chief deputy assistant vice senior principal acting interim head"))


def post_asked(question: str) -> set[str]:
    """The terms of the post a "who is the X of Y?" or "who chairs Y?" question asks about; empty when it asks no
    post (a person's name, "who said ...?")."""
    if done := POST_DONE.search(question):
        return content_terms(done.group(1))
    match = POST_ASKED.search(question)
    if match is None:
        return set()
    words = match.group(1).split()
    if not (ROLE.fullmatch(words[-1]) or re.fullmatch(r"[A-Z]{2,6}", words[-1])):  # "the MP", "the PFCC"
        return set()
    return content_terms(words[-1]) | (content_terms(" ".join(words[:-1])) & RANK)


def other_post(question: str, text: str, terms: frozenset[str]) -> str:
    """"Who is the chief fire officer?" is not answered by "Dave Walpole – Group Commander": the line (`text`, read
    with `terms`: its own words, the line before it, its headings and its document's) must name the post asked
    about, with its rank; and "who chairs the management board?" is not answered by the partnership's "(Chair)":
    they must name the body too."""
    done = POST_DONE.search(question)
    body = content_terms(re.split(r"\s+and\b|[,?;]", question[done.end():])[0]) - vocab_terms(question) if done and \
        done.group(1).casefold() == "chair" else set()  # a body has a chair; "who leads on it" may lead a theme
    if body and not body <= terms:
        return "the passage names the chair or lead of another body than the one asked about"
    if done and re.search(rf"\b(?:{POST_DONE_SAID[done.group(1).casefold()]})\b", text, re.I):
        return ""  # "Who leads Operation Tidewater?" and "... led by Detective Inspector Colin Marr"
    post = post_asked(question)
    if not post or post <= terms:
        return ""
    return "the passage names someone in another post than the one asked about"


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


def no_value(question: str, text: str) -> str:
    """"What's the waiting time for a Care Act assessment?" is not answered by a line that mentions the waiting
    list but gives no figure; "what was the core funding?" by one that gives no sum."""
    asked = wants(question)
    # a figure question is already held to a figure, and its sum may follow in the next line ("Ten zones ...")
    if (match := SUM_ASKED.search(question)) and not asked.figure and not replace(asked, money=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} as a sum"
    if (match := LEVEL_ASKED.search(question)) and not replace(asked, figure=True).fits(text):
        return f"no passage gives the {match.group(1).casefold()} as a figure"
    return ""


# Money paid out, and money given or set aside: "how much did it spend?" is not "how much was it allocated?".
# (A budget or a cost is what is planned, either way.)
SPENT = re.compile(r"\b(spent|spend\w*|expenditure|outlay|paid)\b", re.I)
GIVEN = re.compile(r"\b(allocat\w*|award\w*|grant(?:s|ed)?|receiv\w*|bid|bids|secured|given)\b", re.I)


def other_money(question: str, text: str) -> str:
    """"How much did Chelmsford spend in Year 1?" is not answered by "Chelmsford was allocated around £1.1 million":
    a sum given or set aside is not a sum spent, nor the other way round."""
    if not wants(question).figure:
        return ""
    for asked, said, words in ((SPENT, GIVEN, ("spent", "allocated or received")),
                               (GIVEN, SPENT, ("allocated or received", "spent"))):
        if asked.search(question) and not said.search(question) and said.search(text) and not asked.search(text):
            return f"the passage gives a sum {words[1]}, not one {words[0]}"
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


def objection(question: str, text: str, near: str, terms: frozenset[str]) -> str:
    """The first near miss of kind the line (`text`, with the line before it: `near`; `terms`: the words of both
    and of its headings) is; empty when it is none."""
    return other_post(question, text, terms) or pledge_for_outcome(question, near) or no_value(question, text) or \
        other_money(question, text) or named_part(question, near) or other_of_name(question, text, terms)
