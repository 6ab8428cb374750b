"""Who holds a post of a body: "who chairs the safer hollinsea partnership board?", "who is the leader of the
council?", "who is vice chair of the harbour board?".

A line answers only when it records that post, filled: a form's blank ("Chair: ..........") names no one. The post
must be of the body asked about, not of a part of it ("leader of the Liberal Democrat group on the council" is no
leader of the council) nor of another body: a list of members that prints "(Vice-Chair)" gives the posts of the
body whose meeting or document it is, so a body the documents print by its own name ("Northmarch Harbour Board")
that neither the line, its headings nor its document names is another body's post. A body the question only
describes ("the community safety partnership board") is whatever body the documents about it are of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.facts import IndexFacts, opening
from assistant.text.terms import content_terms

# Posts, as a question names them (the prefix says which of a body's posts: a vice-chair is not its chair).
_PREFIX = r"(?:(?P<prefix>vice|deputy|co|joint)[- ]?)?"
_POST = rf"{_PREFIX}(?P<post>chair(?:man|woman|person)?|leader|mayor|convenor|treasurer)"
ASKED = (
    # "who is (the) vice chair of X", "who's the leader of X"
    re.compile(rf"\bwho(?:\s+is|\s+was|['’]s)\s+(?:currently\s+|now\s+)?(?:the\s+)?{_POST}\s+(?:of|for|on)\s+"
               r"(?P<body>.+?)\s*(?:\bnow\b|\bcurrently\b|[?.!]|$)", re.I),
    # "who chairs X", "who currently leads X"
    re.compile(rf"\bwho\s+(?:currently\s+|now\s+)?{_PREFIX}(?P<post>chair|lead)s\s+(?P<body>.+?)\s*"
               r"(?:\bnow\b|\bcurrently\b|[?.!]|$)", re.I),
    # "name of the councillor in the chair of X", "which member holds the chair of X", "who is chairing X"
    re.compile(rf"\b(?:who|name|names|councillor|cllr|member|person|officer)\b[^?]*?\b(?:in|takes?|took|holds?|held)"
               rf"\s+the\s+{_POST}\s+(?:of|for|on|at)\s+(?P<body>.+?)\s*(?:\bnow\b|\bcurrently\b|[?.!]|$)", re.I),
    re.compile(rf"\bwho(?:\s+is|\s+was|['’]s)\s+(?:currently\s+|now\s+)?{_PREFIX}(?P<post>chair|lead)ing\s+"
               r"(?P<body>.+?)\s*(?:\bnow\b|\bcurrently\b|[?.!]|$)", re.I),
)
# What a post is held of: "leader of the Liberal Democrat group on ...", "chair of the licensing committee".
HELD = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?([^,;.()]+)", re.I)
# A form's blank: a label followed by dots or rules ("Chair: ............ Date: ..........")
BLANK = re.compile(r"^(?:\W*[\w ]{1,30}:\s*[.…_\s]{3,})+\W*$")
# How a line words each post: "chaired by", "leads the group", "convener"
STEMS = {"chair": r"chair(?:man|woman|person|ed|s|ing)?", "leader": r"lead(?:er|s|ing)?", "mayor": "mayor",
         "convenor": r"conven[eo]r", "treasurer": "treasurer"}


@dataclass(frozen=True)
class Post:
    """The post asked about (`name`, as "vice-chair"), how a line records it (`line`), and the words of the body
    it is a post of (`body`, as the question writes it)."""

    name: str
    line: re.Pattern
    body: str


def asked(question: str) -> Post | None:
    """The post of a body a "who ...?" question asks about, if any."""
    for pattern in ASKED:
        if (match := pattern.search(question)) is None:
            continue
        post = match.group("post").casefold()
        post = "chair" if post.startswith("chair") else "leader" if post == "lead" else post
        prefix = (match.group("prefix") or "").casefold()
        stem = STEMS[post]
        if prefix:
            line = re.compile(rf"\b{prefix}[- ]?{stem}\b(?!\s*:\s*[.…_]{{3,}})", re.I)
        else:  # the chair, not the vice-chair or the deputy chair
            line = re.compile(rf"(?<![\w-])(?<!vice[- ])(?<!deputy[- ])(?<!vice)(?<!deputy){stem}\b"
                              rf"(?!\s*:\s*[.…_]{{3,}})", re.I)
        body = re.sub(r"^the\s+", "", match.group("body").strip(), flags=re.I)
        return Post(f"{prefix}-{post}" if prefix else post, line, body)
    return None


# "whats priya nandra's job title", "what is Lee Carver's role?": the post printed beside a person's name
# ... "spencer clarke is down on the dec agenda under what job title"
TITLE_ASKED = (re.compile(r"\bwhat(?:['’]?s|\s+is|\s+was)\s+(?P<person>[\w'’-]+(?:\s+[\w'’-]+){1,2}?)['’]s?\s+"
                          r"(?:job(?:\s+title)?|title|role|post|position)\b", re.I),
               re.compile(r"^\W*(?P<person>[\w'’-]+\s+[\w'’-]+)\s+(?:is|was)\s+(?:down|listed|named|given|shown|"
                          r"printed)\b[^?]*?\b(?:under|with|as)\s+what\s+(?:job\s+title|title|role|post|position)\b",
                          re.I))
# A name printed with a post after it ("Priya Nandra, Community Safety Partnership Manager", "Janet Pryce (Chair)",
# a table's "Priya Nandra<tab>Organisation: ...<tab>Role: ...") or before it ("Safety Manager Kelly Brannigan")
_AFTER_NAME = r"\s*(?:[,(:\t–—]|\s-\s)\s*[\w'’]"


def title_asked(question: str) -> Post | None:
    """The person whose job title a question asks ("whats priya nandra's job title"), as a post to look for
    beside their name; None when it asks no one's."""
    match = next((m for pattern in TITLE_ASKED if (m := pattern.search(question))), None)
    if match is None or not all(w[:1].isalpha() for w in match.group("person").split()):
        return None
    person = match.group("person")
    name = r"\s+".join(map(re.escape, person.split()))
    line = re.compile(rf"(?<![\w'’-]){name}{_AFTER_NAME}|(?-i:\b[A-Z][\w'’-]+)\s+{name}(?![\w'’-])", re.I)
    return Post(f"job title of {person}", line, "")


def records(post: Post, text: str) -> bool:
    """Does the line record the post, filled (not a form's blank)?"""
    return bool(post.line.search(text)) and not BLANK.match(text.strip())


def objection(post: Post, facts: IndexFacts, i: int) -> str:
    """Why line i, which records the post, is no answer: the post is of a part of the body asked about, or of
    another body; empty when it may be the answer."""
    text = facts.text(facts.index.sentences[i])
    body = content_terms(post.body)
    if not body:
        return ""
    for match in post.line.finditer(text):  # "leader of the Liberal Democrat group on Hollinsea Borough Council"
        held = HELD.match(text, match.end())
        if held and re.search(rf"\S\s+(?:on|of|at|in|within)\s+(?:the\s+)?{re.escape(post.body)}(?![\w'’-])",
                              held.group(1), re.I):
            return f"the line gives the {post.name} of a part of {post.body}, not of {post.body} itself"
    if not _printed_name(facts, post.body):
        return ""
    document = facts.index.documents[facts.index.sentences[i].document]
    own = f"{text} {facts.label(i)} {document.title} {document.publisher} {opening(document)}"
    if not re.search(rf"(?<![\w'’-]){re.escape(post.body)}(?![\w'’-])", own, re.I):
        return f"no line gives the {post.name} of {post.body}"
    return ""


def _printed_name(facts: IndexFacts, body: str) -> bool:
    """Do the documents print the body's words as a name, every word capitalised ("Hollinsea Harbour Board")? A
    body the question only describes ("community safety partnership board") is printed so nowhere."""
    key = f"posts:printed:{body.casefold()}"
    if key not in facts.term_sets:
        words = body.split()
        pattern = re.compile(r"(?<![\w'’-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w'’-])", re.I)
        facts.term_sets[key] = frozenset({any(
            all(w[:1].isupper() for w in m.group().split() if w.casefold() not in ("of", "and", "the", "for", "&"))
            for d in facts.index.documents.values() for m in pattern.finditer(f"{d.title}\n{d.text}"))})
    return next(iter(facts.term_sets[key]))
