"""What kind of answer a question asks for, read from its wording alone: a date, a time, a figure, a person
or a place, a list; and whether a sentence holds something of that kind.

A sentence that mentions the topic but holds nothing of the asked-for kind is not an answer: "who chaired
it?" needs a name or a role, "when?" a date, "how many?" a number. These are plain English patterns, not
anything learned from one corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from assistant.text.dates import DAY_DATE, FULL_MONTHS, MONTH_WORDS, days_dated, months_dated
from assistant.text.terms import content_terms

NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|"
                r"million|billion|half|third|quarter|fifth")
MONTHS = "|".join(MONTH_WORDS)

WANTS_FIGURE = re.compile(r"\b(how (many|much|big|large|far|long)|rate\b|what (percentage|proportion|share|number|"
                          r"amount|rate|level|figure|funding|money|budget|sum|grant)|by how much|number of|"
                          r"per ?cent|population|(?:share|proportion|percentage|fraction|number)(?:\s+of\s+[\w'’-]+)?\s+who\b)|%",
                          re.I)  # "what % of ...": no word boundary before "%"; "share who agree": a measure
# "How often does it meet?" is answered by "monthly" or "twice a year" as well as by a number.
WANTS_FREQUENCY = re.compile(r"\bhow often\b", re.I)
FREQUENCY = re.compile(r"\b(hourly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|every|once|twice|"
                       r"times a|a (day|week|month|year)|per (day|week|month|year))\b", re.I)
# Money words on their own ("the funding for X", "the cost of Y") ask for a sum unless the question asks
# when, where or who ("when did the grants open?", "besides staff costs, what ...?").
# "What's the council's share?" of a cost is the council's sum, no rate; "Essex's share of the total" and "what share
# of crimes were solved?" ask a rate.
OWN_SHARE = re.compile(r"['’]s?\s+(?:share|contribution|portion)\b(?!\s+of\b)", re.I)
MONEY_WORDS = re.compile(rf"\b(allocation|allocated|funding|budget|cost|costs|costing|grant|spent|spend)\b|"
                         rf"{OWN_SHARE.pattern}", re.I)
# "When" opening a question or a part of one; "... when the Home Secretary visited" is not asking for a date.
WANTS_DATE = re.compile(r"(^|[,?;]\s*|\band\s+)when\b|\bwhen (is|was|will|are|were|did|does|do|has|had)\b|\b(what dates?|which dates?|what day|since when|which years?|"
                        r"what years?|by when|until when|what(?:'s| is| was| will be) the (?:[a-z]+ )?(?:date|day)|"  # "the closing date"
                        r"which (?:financial|calendar|academic|school) years?|"  # "which financial years did it run over?"
                        r"(?:gave|give|gives|given|set|fixed|named) (?:a|the) (?:date|day))\b"  # "the minutes gave a date"
                        r"(?!\s+(group|olds?|formats?|fields?|\d))", re.I)  # "what date format": no date
# "start date for the pilot", "the survey: old deadline", "whats the latest completion date": a noun that names a
# date, as the thing asked (opening the question or a part of it, or after "what is the"), asks for a date.
DATE_NOUN = re.compile(r"(?:^\s*|[:;,–—]\s*|\s[-–—]\s*|\bwhat(?:['’]?s|\s+is|\s+was|\s+are|\s+were|\s+will be)\s+)"
                       r"(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:dead-?lines?|(?:start|end|closing|opening|finish|completion|"
                       r"due|target|review|expiry|launch)\s+dates?)\b", re.I)
# "Over what timeframe is that measured?", "what time period is the figure for?", "what dates do the figures span?":
# the period a figure covers, which dates or a length give ("in the 12 months to December 2023", "over 3 years").
WANTS_PERIOD = re.compile(r"\b(?:what|which)\s+(?:time\s*)?(?:period|timeframe|time frame|time ?span|timescale)s?\b|"
                          r"\b(?:what|which) (?:dates?|months?|years?)\b.*\b(?:span|spans|spanned|cover|covers|covered)\b",
                          re.I)
# "On what date does it finish?", "what day is it held?": a day or a month, which a year alone ("2023/24") is not.
WANTS_DAY = re.compile(r"\b(?:what|which) (?:date|day)\b(?!\s+(?:group|olds?|formats?|fields?)\b)", re.I)
HAS_DAY = re.compile(rf"(?-i:\b({FULL_MONTHS})\b)|\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b({MONTHS})\.?\s+\d|"
                     r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
# "What hours would the ban apply?", "between what times is it open?": hours of the day, which a time gives.
WANTS_TIME = re.compile(r"\bwhat time\b(?!\s*(?:period|frame|span|scale)s?\b)|\b(start|finish|end|begin)s? at\b|\b(?:what|which|between what) (?:hours|times)\b|"
                        r"\bopening hours\b", re.I)
# "Whose action is it?", "whose quote is in the slides?" ask who; "whose job title" asks a post (WANTS_ROLE).
WANTS_PERSON = re.compile(r"\bwho(m)?\b(?!se)|\bwhich (person|officer|councillor|organisation|org|body)\b|"
                          r"\bwhose\b(?!\s+(?:job|role|title|rank|post|position)\b)", re.I)
# "Where" opening a question or a part of one; "... to decide where resources go" asks for no place.
WANTS_PLACE = re.compile(r"(^|[,?;]\s*|\band\s+|\btell me\s+)where\b|\bwhich (ward|town|room|venue|location|site|area|hospital|school|station)\b",
                         re.I)
# "Where was the meeting held?", "which room is the board in?": a venue, which "the Home Office" is not.
WANTS_VENUE = re.compile(r"\bwhere\b(?=.*\b(held|hold|meets?|meeting|met|take place|takes place|took place|taking place|"
                         r"hosted)\b)|\bwhich (room|venue|building)\b", re.I)
# Contact details: "what's the phone number for ...", "his email address".
WANTS_PHONE = re.compile(r"\b(phone|telephone|mobile) (number|no)\b|\bnumber (to|for) (call|ring)\b|\bphone\b", re.I)
WANTS_EMAIL = re.compile(r"\be-?mail\b", re.I)
# "What is X's job title?", "what rank is he?", "what does X do at the council?": a role is asked for.
# "What does Marc De'ath do?" asks a person's job; "what does the CONTEST Board do?" asks what a body is for.
WANTS_ROLE = re.compile(r"\b(job title|(?:his|her|their|whose|what|which|\w+['’]s) job|title|role|rank|position|"
                        r"(?<!\bin )post)\b(?! (of|for|to)\b)|"  # "in post" is being employed, no post asked for
                        r"\b[Ww]hat does (?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+) do\b", re.I)
# "on the Marine Parade rank", "at the taxi rank", "from the police post": a place, no post asked for.
PLACE_NOUN = re.compile(r"\b(?:at|on|in|near|from|beside|outside)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
                        r"(?:rank|post|position)\b(?! of\b)", re.I)
# "What's the name of the local response?", "what is the scheme called?": a proper name is asked for.
WANTS_NAME = re.compile(r"\b(the name of|what(?:'s| is| was| are| were) (?:it|they|this|that|the [\w -]+?) called)\b",
                        re.I)
# "Did Chelmsford win the funding?", "Has Essex achieved the 40% cut?": an outcome is asked for, so a pledge,
# an aim or a sum applied for is no answer.
WANTS_OUTCOME = re.compile(r"^\s*(did|has|have|had|was|were)\b.*\b(win|won|achieve[sd]?|succeed(ed)?|successful|"
                           r"secure[sd]?|gets?|got|receive[sd]?|awarded|approve[sd]?|granted|met|meet|hit|reach(ed)?|"
                           r"adopt(ed)?|reject(ed)?|pass(ed)?)\b", re.I)
# "Which organisations were awarded the grants?": who came off, which a sentence about the process does not say.
WANTS_AWARDED = re.compile(r"^\s*(which|who|what)\b(\s+[\w'’-]+){0,3}\s+(was|were|has been|have been|had been)\s+"
                           r"(awarded|approved|granted|funded|selected|chosen|successful)\b", re.I)
# "Who won the contract?", "which firm got the work?": who came off in a choice among bidders, which a line naming
# someone beside the thing ("the councillor said the council was replacing the cameras") nor "Contract awarded 3
# August" does: only a line saying who it was won by or awarded to ("awarded to Halsgrove Ltd", "Acme won").
# "Who got £61,500?" asks who received a sum, which a table's row gives without saying it was won.
CONTESTED = (r"(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:contract|tender|bid|deal|franchise|concession|work|job|award|"
             r"prize|licence|license|seat|election|vote)s?\b")
WANTS_WINNER = re.compile(rf"\bwho\s+(?:won|wins|(?:got|gets|secured|landed)\s+{CONTESTED}|was\s+awarded\s+{CONTESTED}|"
                          rf"were\s+awarded\s+{CONTESTED}|(?:has|have)\s+been\s+awarded\s+{CONTESTED})|"
                          r"\bwhich\s+(?:company|firm|contractor|supplier|provider|bidder)\b[^?]*\b(?:won|wins|got|"
                          r"gets|secured|landed|awarded|chosen|selected|appointed)\b", re.I)
WON = re.compile(r"\b(?:awarded|given|granted|let|went|contracted|sold)\s+to\s+(?:the\s+)?(?-i:[A-Z])|"
                 r"\b(?:won|secured|chosen|selected|appointed|elected|commissioned)\s+by\s+(?:the\s+)?(?-i:[A-Z])|"
                 r"(?-i:[A-Z])[\w&'’.-]*(?:\s+(?:Ltd|plc|LLP|Limited))?\s+(?:who\s+|which\s+|that\s+)?"
                 r"(?:has\s+|have\s+|had\s+)?(?:won|secured|"
                 r"landed|(?:was|were|has been|have been)\s+(?:chosen|selected|appointed|elected|successful))\b|"
                 r"\b(?:successful|winning|preferred)\s+(?:bidder|bid|supplier|contractor|tender\w*|candidate)\b", re.I)
# "Did the Executive approve the renewal?": a decision is asked for, which "received 386 responses" does not state.
WANTS_DECISION = re.compile(r"^\s*(did|has|have|had|was|were)\b.*\b(approve[sd]?|adopt(ed)?|reject(ed)?|pass(ed)?)\b",
                            re.I)
DECIDED = re.compile(r"\b(approv\w*|agreed|adopted|endorsed|ratified|passed|rejected|refused|declined|deferred|"
                     r"renewed|signed off|voted)\b", re.I)
OUTCOME = re.compile(r"\b(won|success\w*|unsuccessful|award(ed)?|achiev\w*|approved|granted|received|secured|"
                     r"failed|refused|rejected|met(?! with)|exceed\w*|confirmed)\b", re.I)
# "Has Essex Police started using live facial recognition yet?": whether something has begun, which a pledge to
# begin it ("we will roll out ...") does not say; only a sentence saying it did ("was introduced") answers.
WANTS_STARTED = re.compile(r"^\s*(did|has|have|had|is|are|was|were)\b.*\b(start(ed)?|beg[au]n|launch(ed)?|"
                           r"introduced|roll(ed)? out|deployed|implemented|in use|in place|gone live|went live)\b", re.I)
STARTED = re.compile(r"\b(started|began|begun|launched|introduced|rolled out|deployed|implemented|in use|"
                     r"now uses?|went live|gone live|(has|have) been using|operational)\b", re.I)
# A sentence that says the thing is still to come ("will be announced soon", "date to be confirmed", "we will roll
# out") says it has not yet happened: no answer to whether it did, or to what came of it.
PENDING = re.compile(r"\b(will|shall|plans? to|aims? to|intends? to|pledges?|going to|to be (confirmed|announced|"
                     r"decided|agreed|finalised)|tbc|tba|awaited|(announced|confirmed) (soon|later|in due course)|"
                     r"not yet)\b", re.I)
# "Who replaced X?", "who succeeded her?": a successor is asked for, which a sentence about X alone never names.
# "Who was the MP before Marie Goldman?": a predecessor, which a sentence naming Marie Goldman alone never names.
WANTS_SUCCESSOR = re.compile(r"\bwho\b.*\b(replac\w*|succeed\w*|took over|taken over|came after|preceded|"
                             r"(?-i:before [A-Z]))|\b(successor|predecessor)\b", re.I)
SUCCESSION = re.compile(r"\b(replac\w*|succeed\w*|successor|predecessor|preceded|previous(ly)?|former(ly)?|"
                        r"took over|taken over|appointed|new|interim|acting)\b", re.I)
# "When is the next meeting?" asks about what is still to come as of the newest document; "when did the July
# minutes say the next meeting would be?" asks what an older part said.
# "When is the showcase planned for?" asks about what is still to come too.
UPCOMING = re.compile(r"\b(next|upcoming|forthcoming|coming up)\b|\bwhen (is|are)\b.*\b(planned|scheduled)\b", re.I)
PAST_FRAME = re.compile(r"\b(did|was|were|had|said|say|says)\b", re.I)
PHONE = re.compile(r"\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\+44\s?\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
WANTS_RATE = re.compile(r"\b(rate|per \d[\d,]*|per ?cent(age)?|proportion|share)\b|%", re.I)
# "What are the three themes", "which benchmarks were rated", "list the ...", "what did the operation involve?":
# several items are asked for.
WANTS_LIST = re.compile(r"\b(what|which) (are|were)\b|\blist\b|"
                        r"\bwhat (?:did|does|do|will|would|has|have)\b[^?]*\b(?:involve|include|entail|consist of|"
                        r"comprise)\b|\b(two|three|four|five|six|seven|eight|\d) "
                        r"(?!months?\b|years?\b|weeks?\b|days?\b)[a-z-]+s\b|\bwhich [a-z -]+s (were|are|did)\b",
                        re.I)
# "What principles underpin ...", "which organisations count as ...": a plural noun right after "what" or
# "which" asks for every thing of that kind. Units of time ("what years") ask for a date or a span instead.
PLURAL_ASKED = re.compile(r"(?:^|[,?;:\-–—]\s*|\band\s+)(?:what|which)\s+(?:(?!(?:is|are|was|were|do|does|did|will|can|has|"
                          r"have|had|would|should|of)\b)[\w'’-]+\s+){0,3}?(?!(?:years|months|weeks|days|hours|times|"
                          r"minutes|does|was|has|is|this|its|his|us)\b)[a-z-]{2,}[^su\W]s\b", re.I)
# "Which Home Secretary visited ...", "which councillor asked ...": a role named after "which" asks who.
WHICH_ROLE = re.compile(r"\bwhich\s+((?:[\w'’-]+\s+){0,2}?(?:secretary|minister|officer|councillor|inspector|director|"
                        r"commissioner|constable|manager|chair|leader|mp|superintendent|executive|member))\b", re.I)
# A paragraph's own number ("3.3<tab>Chelmsford has again ...", "2.4 Officers ...") labels it; it is no figure.
# A line's own number counts nothing: "4.2 ...", "3) ...", and a minute's label ("ACTION 10: SW to share ...").
PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\s?\d{1,2})+\.?\s|\d{1,2}[.)]\s|\d{1,2}\t|"
                              r"(?:action|item|point|minute|paper|annex|appendix|recommendation)\s+\d{1,3}[a-z]?\s*[:.)–-])",
                              re.I)
# A line's or a group's label counts nothing: "Projects completed in Year 2", "agenda item 6", "Tier 3".
LABELLED = re.compile(r"\b(?:year|item|page|zone|tier|phase|stage|step|section|paragraph|appendix|annex|wave|round|"
                      r"option|action|priority|level|point|quarter)\s+\d{1,2}\b(?![\d,.%]|\s*(?:%|per\b))|\bQ[1-4]\b",
                      re.I)  # "the Quarter 3 briefing", "in Q2": which quarter, no count
# "How much money was given out?", "what was the grant worth?", "how much of it went on Year 1?": a sum of money,
# which "Year 2 projects" is not.
WANTS_MONEY = re.compile(r"\bhow much\b(?=.*\b(?:money|funding|funds?|grants?|budget|costs?|cost|spen[dt]|allocat\w*|"
                         r"given out|paid|pay|awarded|invest\w*|worth|raised|price|salary|deficit|savings?|"
                         r"went on|goes on|used)\b)|\bworth\b|"
                         r"\bwhat (?:is|was|were|are) the (?:total |overall )?(?:amount|sum|value|budget|cost|price|"
                         r"allocation|deficit) of\b", re.I)
HAS_MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:pounds|GBP)\b|\b(?:pounds|GBP)\s?\d", re.I)
# A period a thing recurs in counts nothing: "reported each quarter", "every half", "the next quarter" (but "a quarter
# of respondents" is a share).
RECURRING = re.compile(r"\b(?:each|every|per|this|last|next|that)\s+(?:quarter|half)\b", re.I)
# A number word opening a name counts nothing either: "One Chelmsford Partnership", "Two Rivers School".
NAMED_NUMBER = re.compile(r"\b(?-i:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)(?=\s+[A-Z][a-z])")
# "up to what age" and "is down to give the update" ask about no change.
CHANGE = re.compile(r"\b(change[sd]?|ris(e|en|ing)|rose|f[ae]ll(en|ing|s)?(?! (?:under|within|into|outside)\b)|drop(ped)?(?!-in)|increase[sd]?|decrease[sd]?|"
                    r"reduc\w*|fewer|more than|less than|how (?:many|much) (?:more|extra|additional)|(?<!make )(?<!made )(?<!makes )(up|down)(?! to\b)|grow\w*|grew|cut|by how much|compared?)\b",
                    re.I)

HAS_FIGURE = re.compile(rf"\d|\b({NUMBER_WORDS})\b", re.I)
# A month named in full, or any month word next to a day or a year: "Jan Decena" and "they may" are no dates.
HAS_DATE = re.compile(rf"(?-i:\b({FULL_MONTHS})\b)|\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b({MONTHS})\.?\s+\d|"
                      r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(19|20)\d\d\b|\b\d\d/\d\d\b", re.I)
# A season or a vague time still to come says when, as a date does: "to be delivered by the Autumn", "will be announced
# soon". The judge only takes it from a line about the asked thing (`Judge.specific`); a question about the past
# ("when was it held?") wants a date, which "soon" never gives, and "until what year?" a year.
WANTS_YEAR = re.compile(r"\b(?:what|which) (?:financial |calendar |academic )?years?\b", re.I)
VAGUE_WHEN = re.compile(r"\b(?:in|by|until|from|this|next|early|late|later this)\s+(?:the\s+)?"
                        r"(?:spring|summer|autumn|winter|new year)\b|\b(?:soon|shortly|in due course)\b", re.I)
# A year or a date is not an amount: "How much ...?" is not answered by "agreements were received in December 2023".
DATE_OR_YEAR = re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b({MONTHS})\s+\d{{4}}\b|"
                          r"\b(19|20)\d\d(\s*[-/–]\s*\d\d)?\b|\b\d\d/\d\d\b", re.I)
# "9:00", "10.00am", "2pm"; "5.12.24" is a date, not a time.
HAS_TIME = re.compile(r"(?<![\d.:/])\b\d{1,2}[:.]\d\d(?![.:/]?\d)\s*(am|pm)?\b|\b\d{1,2}\s*(am|pm)\b", re.I)
# A name ("Keith Nicholson", "Joe Traynor") or a role or body ("Chief Inspector", "the Channel Panel").
NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’-]+|de|De|van|von))+\b")
ROLE = re.compile(r"\b(manager|director|officer|councillor|chair|inspector|executive|commander|constable|"
                  r"commissioner|secretary|minister|mp|leader|head|lead|unit|group|panel|board|team|"
                  r"department|university|council|service|partnership|agency|centre)\b", re.I)
# "Who is the service trying to reach?", "who is the scheme aimed at?", "who can apply?": the people something is
# for, which a group ("those from underrepresented communities", "older residents") names as well as a person.
_SUBJECT = r"(?:the\s+|its\s+|their\s+|this\s+|that\s+|it\b|they\b)"  # "who is the scheme ...", "who is it ..."
WANTS_AUDIENCE = re.compile(rf"\bwho(?:m)?\s+(?:is|are|was|were|does|do|did|will|has|have)\s+{_SUBJECT}[^?]*?\b"
                            r"(?:reach(?:ing)?|target(?:ing|ed)?|aim(?:ing|ed)? at|intended for|meant for|designed for|"
                            r"help(?:ing)?|support(?:ing)?|serv(?:e|ing)|benefit(?:ing)?|recruit(?:ing)?)\b|"
                            rf"\bwho(?:m)?\s+(?:is|are|was|were)\s+{_SUBJECT}[^?]*?\bfor\s*\??\s*$|"
                            r"\bwho\b[^?]*\b(?:is|are)\s+eligible\b|\bwho\s+can\s+(?:apply|join|use|take part)\b", re.I)
# "Why was it put back?", "what held up the consultation?", "what was the reason for the delay?": a cause is asked
# for, which a line on the topic that gives none ("The system was installed in 2009") does not answer.
WANTS_REASON = re.compile(r"(?:^|[,?;:-]\s*|\band\s+)(?:why\b|how come\b)|\bwhat (?:was|is|were|are) the reasons? "
                          r"(?:for|why|behind)\b|\bwhat(?:'s|’s| was| is| were| are)? (?:the )?(?:main |biggest |key )?"
                          r"(?:factor|reason|cause|driver)s? (?:driving|behind|causing|for|of)\b|\bwhat(?:'s|’s| is| was| has| had)? "
                          r"(?:held|holds|holding|been holding) (?:\w+ )?(?:up|back)\b|\bwhat (?:delayed|caused|led to|prompted)\b", re.I)
# The words a line gives a cause with: "because of a delay in the fibre connection", "delayed ... to allow signage to
# be installed", "owing to staff shortages", "after the contractor withdrew".
REASON = re.compile(r"\b(?:because|due to|owing to|as a result|result of|caused by|driven by|delayed by|held up by|"
                    r"reasons?|in order to|so that|so as to|to allow|to enable|to make way|in light of|in view of|"
                    r"factors?|drivers?|awaiting|waiting for|pending|after|following|since|blamed|prompted by|"
                    r"attribut\w*|put (?:it |this |that )?down to|explained by|reflect(?:s|ed|ing)?|"
                    r"result(?:s|ed)? (?:from|of)|linked to|thanks to|led to|meant that)\b", re.I)


def gives_reason(text: str) -> bool:
    """Does the text give a cause ("because of a delay in the fibre connection", "which she attributed to ...")?"""
    return bool(REASON.search(text))


# A delay a question asks the cause of ("what held up ...", "why was it put back?"), and a line that says something
# was delayed: the cause it gives is the delay's, not another change's ("because of the later closing date, the
# report will go ...").
DELAY = re.compile(r"\b(?:delay\w*|postpon\w*|put back|pushed back|deferred|held up|holding up|holds up|hold up|"
                   r"slipp\w*|late|rescheduled|moved back)\b", re.I)
# People by what they are, not by name: "those from underrepresented communities", "older residents", "teenage girls".
GROUP = re.compile(r"\b(?:communit(?:y|ies)|residents|people|groups|families|children|youths?|adults|pupils|students|"
                   r"women|girls|men|boys|victims|businesses|retailers|traders|households|tenants|carers|volunteers|"
                   r"workers|veterans|elderly|parents|visitors|users|offenders|survivors|applicants|organisations|"
                   r"charities|those)\b", re.I)
# "What proportion of members who responded voted yes?": a "who" after the people counted only says which of them;
# a "who" opening a clause ("... and who leads them?") still asks who.
RELATIVE_WHO = re.compile(r"(?<![,?;])(?<!\band)(?<!^)\s+who(m)?\b(?!se)", re.I)
# "share who agree ...", "the percentage who feel safe", "number who reoffended": a "who" right after a measure of
# people says which of them are counted, whether or not the question opens "what share" (no person is asked for).
MEASURE_WHO = re.compile(r"\b(?:share|proportion|percentage|per ?cent|%|number|numbers|fraction|rate|majority|"
                         r"minority|count)\s+(?:of\s+(?:[\w'’-]+\s+){1,3}?)?who(m)?\b(?!se)", re.I)
# Where a meeting or event is held: a room, a building, a street or an online call. Plain English, not one
# corpus's venues; a "where" question prefers a line naming one to a line that only names a town.
VENUE = re.compile(r"\b(room|hall|centre|center|chambers?|station|church|street|road|lane|avenue|square|library|"
                   r"(?-i:offices?)|online|virtual|teams|zoom|venue|ground floor|lower ground|floor|suite)\b",
                   re.I)  # "the council offices", not "the Home Office"
# An event put at a named place: "organised by the council at ARU, Writtle", "held at Hylands House".
HELD_AT = re.compile(rf"\b(?:held|organised|organized|hosted|staged|took place|takes place|run)\b[^.;]{{0,60}}?\bat\s+"
                     rf"(?:the\s+)?(?-i:(?!(?:{FULL_MONTHS}|Easter|Christmas)\b)[A-Z][\w'’-]+)", re.I)
# A person as minutes and agendas print one: a name of two or three capitalised words given with a role after it
# ("Nick Singleton, Station Manager", "Keith Nicholson – Director") or a title before it ("Councillor Robinson").
PERSON = re.compile(r"(?<![\w’'-])[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+){1,2}(?=\s*[,–—-]\s*(?:the\s+)?[A-Z])|"
                    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr|Sir|Dame|Professor|Superintendent|Inspector)\.?\s+[A-Z][a-z'’-]+")
# A name the line itself gives to what it describes: opening a definition, or after "called".
DEFINED_NAME = re.compile(r"^\W*(?!(?:the|this|that|these|those|it|its|there|he|she|they|we|our|their|his|her)\b)"
                          r"((?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))\s+(?:is|was|are|were)\s+(?:a|an|the|our)\b|"
                          r"\b(?:called|named|known as|entitled|branded)\s+[\"“‘']?((?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))",
                          re.I)
# An organisation by its initials, as the doer: "YMCA (Chelmsford) who now run ...", "ARU, which hosts ...".
ACRONYM = re.compile(r"\b[A-Z]{3,6}\b(?=\s*(?:\(|,?\s*(?:who|which)\b))")
# A capitalised word inside the text, not a month or a weekday ("15 May 2012" names no place).
HAS_PLACE = re.compile(rf"(?<!^)(?<![.!?]\s)\b(?!(?:{FULL_MONTHS}|May|Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday)\b)[A-Z][a-z]+")
# "How long will it run?" is answered by a span as well as by a number: "will run from 27 October 2025 to 28
# February 2026", "will continue until 31 January 2026".
WANTS_DURATION = re.compile(r"\bhow long\b|\buntil when\b|\bkeep going\b", re.I)
_DAY_OR_MONTH = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b|(?-i:{FULL_MONTHS})\b|(?:{MONTHS})\s+\d{{4}})"
# A span of whole years answers it too: "Local Plan 2013 - 2036", "the 2024-2028 strategy", "from 2025 to 2029".
SPAN = re.compile(rf"\b(?:until|till|to|through|ending|ends|runs? out)\s+(?:on\s+|in\s+|(?:at\s+)?the\s+end\s+of\s+)?{_DAY_OR_MONTH}|"
                  r"\b(?:19|20)\d\d\s*(?:-|–|—|to|until|till)\s*(?:19|20)\d\d\b", re.I)
# "Who wrote the Standard piece?": an author, which a byline ("By Nadia Kowalczyk, Local Democracy Reporter") or a
# line saying who wrote it gives; someone the article quotes is no author.
WANTS_AUTHOR = re.compile(r"\bwho\s+(?:wrote|writes|authored|penned|is the author|was the author)\b|\bauthor of\b",
                          re.I)
AUTHOR = re.compile(r"^\W*(?:by|written by|words by|author:?)\s+[A-Z]|\b(?:written|authored|penned|compiled) by\s+"
                    r"(?:the\s+)?[A-Z]|\bauthor\b", re.I)
# "How many people responded?" asks for a number of people: "78% of respondents supported ..." gives a share of them.
WANTS_COUNT = re.compile(r"\bhow many\b", re.I)
PERCENTAGE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:%|per ?cent\b)", re.I)
HAS_RATE = re.compile(r"%|\bper\b|\brate\b|\bper ?cent\b|\bin every\b|\bout of\b", re.I)
# "A rate per 1,000 people" is answered by a figure per so many people, not by a percentage change.
PER_HEAD = re.compile(r"\bper\s+(\d|head|thousand|capita|hundred)", re.I)


@dataclass(frozen=True)
class Wants:
    """The kinds of fact a question (or one part of it) asks for."""

    figure: bool = False
    date: bool = False
    day: bool = False  # the date asked for is a day or a month ("on what date"), not a year
    time: bool = False
    person: bool = False
    place: bool = False
    rate: bool = False
    per_head: bool = False
    many: bool = False  # a list of several items
    change: bool = False  # it asks how something changed, so a difference is an answer
    phone: bool = False
    email: bool = False
    role: bool = False  # a job title, rank or post
    outcome: bool = False  # whether something was won, achieved or met
    decision: bool = False  # the outcome asked for is a decision: approved, adopted, rejected
    started: bool = False  # whether something has begun
    successor: bool = False  # who came after someone
    upcoming: bool = False  # a date still to come, as of the document that gives it
    name: bool = False  # a proper name ("Operation Drakeful")
    frequency: bool = False  # how often
    money: bool = False  # a sum of money
    venue: bool = False  # where something is held: a room, a building, a street, online
    duration: bool = False  # how long: a number of days or years, or the span of dates it runs over
    author: bool = False  # who wrote it: a byline
    audience: bool = False  # who something is for: a group of people names them as well as a person
    reason: bool = False  # why: a cause, which a line saying one is preferred for (`gives_reason`), never required
    count: bool = False  # "how many": a number of things, which a percentage ("78% of respondents") is not
    vague: bool = False  # a season or "soon" answers it: a time still to come, not what was done nor a year
    winner: bool = False  # who won or was awarded something: a line saying it was won or awarded, and to whom

    def fits(self, text: str, asked: str = "") -> bool:
        """Does the text hold something of every kind asked for? A role the question itself names ("who
        chaired it?" and "welcomed by the Chair") does not say who."""
        new = _without(text, asked) if asked else text  # a date the question already says is not the answer
        return all((
            not self.figure or bool(HAS_FIGURE.search(_amounts(PERCENTAGE.sub(" ", text) if self.count else text)))
            or self.duration and bool(SPAN.search(text)),
            not self.money or bool(HAS_MONEY.search(text)),
            not self.venue or names_venue(text),
            not self.date or bool((HAS_DAY if self.day else HAS_DATE).search(new)) or _new_day(text, asked)
            or not self.day and self.vague and bool(VAGUE_WHEN.search(new)),
            not self.time or bool(HAS_TIME.search(text)),
            not self.person or _names_someone(text, asked) or self.audience and names_group(text, asked),
            not self.place or _names_place(text, asked),
            not self.rate or bool(HAS_RATE.search(text)),
            not self.per_head or bool(PER_HEAD.search(text)),
            not self.phone or bool(PHONE.search(text)),
            not self.email or bool(EMAIL.search(text)),
            not self.role or _names_role(text, asked),
            not self.outcome or bool((DECIDED if self.decision else OUTCOME).search(text)) and not PENDING.search(text),
            not self.started or bool(STARTED.search(text)) and not PENDING.search(text),
            not self.successor or bool(SUCCESSION.search(_without(text, asked))),
            not self.winner or bool(WON.search(text)),
            not self.name or _new_name(text, asked),
            not self.author or bool(AUTHOR.search(text)),
            not self.frequency or bool(FREQUENCY.search(text) or HAS_FIGURE.search(DATE_OR_YEAR.sub(" ", text))),
        ))

    @property
    def kind(self) -> str:
        """The asked-for kind in plain words, for "not found" messages."""
        for flag, words in ((self.outcome or self.started, "outcome"), (self.successor, "successor"), (self.phone, "phone number"),
                            (self.email, "email address"), (self.role, "job title"), (self.time, "time"),
                            (self.author, "author"), (self.date, "date"), (self.rate, "rate"), (self.money, "sum of money"), (self.figure, "figure"), (self.person, "person"),
                            (self.place, "place"), (self.name, "name"),
                            (self.frequency, "frequency")):
            if flag:
                return words
        return "answer"


def _new_day(text: str, asked: str) -> bool:
    """Does the text give a day the question does not ("Thursday 11 March 2027" for "when is the March 2027 board
    meeting?")? The month and year are the question's own words, but the day is what it asks."""
    said = {(month, day) for _, month, day in days_dated(asked)}
    # "held on 10 January 2025 and the other will be held in January 2025 (date to be confirmed)": a month given
    # without its day dates something whose day is not known, so the day beside it is another thing's
    return len(months_dated(text)) <= len(DAY_DATE.findall(text)) and \
        any((month, day) not in said for _, month, day in days_dated(text))


@lru_cache(maxsize=256)
def _own_words(asked: str) -> frozenset[str]:
    """The question's lower-case words (read once per question, not once per candidate line)."""
    return frozenset(re.findall(r"[a-z]+", asked.casefold()))


@lru_cache(maxsize=256)
def _own_alnum(asked: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", asked.casefold()))


# A bullet, dash or number opening a line: "• Women were less likely ..." opens with "Women" as a sentence does.
LINE_MARK = re.compile(r"^[\s•·▪◦❖*\-–—>]*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+|\(?[a-z][.)]\s+)?")


def _names_place(text: str, asked: str) -> bool:
    """A capitalised word the question does not already hold: "where is the panel meeting?" is not answered by
    "The Panel were reminded ... Friday 2 May", which names only the panel; the word opening a bulleted or
    numbered line is capitalised as any sentence's first word is ("• Women were less likely ...": no place)."""
    own = _own_words(asked)
    return any(m.group().casefold() not in own for m in HAS_PLACE.finditer(LINE_MARK.sub("", text)))


def _names_someone(text: str, asked: str) -> bool:
    """A name or role the question does not already hold ("One Chelmsford Board" answers no "who" about it). A name
    that ends in a street or building ("Beacon Lane", "County Hall") is an address, no one."""
    own = _own_words(asked)
    own = own | {word[:-2] for word in own if word.endswith("ed")}
    if any(set(re.findall(r"[a-z]+", m.group().casefold())) - own for m in NAME.finditer(text)
           if not VENUE.fullmatch(m.group().split()[-1])):  # "Beacon Lane", "County Hall": where, not who
        return True
    if any(m.casefold() not in own for m in ACRONYM.findall(text)):  # "YMCA (Chelmsford) who now run ..."
        return True
    return any(role.casefold() not in own for role in ROLE.findall(text))


def names_group(text: str, asked: str) -> bool:
    """A group of people the question does not already name ("those from underrepresented communities")."""
    own = _own_words(asked)
    return any(m.group().casefold() not in own for m in GROUP.finditer(text))


def _new_name(text: str, asked: str) -> bool:
    """A capitalised name, not opening the text, of a word the question lacks ("Operation Drakeful"), or one the
    line defines ("SPARK is a young cultural changemaker programme", "a scheme called Safe Haven")."""
    own = _own_words(asked)
    defined = [m.group(1) or m.group(2) for m in DEFINED_NAME.finditer(text)]
    return any(set(re.findall(r"[a-z]+", m.group().casefold())) - own for m in NAME.finditer(text)
               if m.start() > 0 or len(m.group().split()) > 2) or \
        any(set(re.findall(r"[a-z]+", name.casefold())) - own for name in defined)


def names_person(text: str, asked: str) -> bool:
    """Does the text name a person the question does not ("Nick Singleton, Station Manager"), not only a body?"""
    own = _own_words(asked)
    return any(set(re.findall(r"[a-z]+", m.group().casefold())) - own for m in PERSON.finditer(text))


def names_venue(text: str) -> bool:
    """Does the text name where something is held ("Marconi Room, Civic Centre", "at Chelmsford bus and rail
    station")? A workplace printed after a person's name ("Nick Singleton, Station Manager, Chelmsford Fire
    Station") is where they work, not a venue."""
    venue, person = VENUE.search(text), PERSON.search(text)
    return venue is not None and (person is None or venue.start() < person.end()) or bool(HELD_AT.search(text))


def _names_role(text: str, asked: str) -> bool:
    """A role or body the question does not already name ("Chief Inspector" for "what rank is Paul Ballard?")."""
    own = _own_words(asked)
    return any(role.casefold() not in own for role in ROLE.findall(text))


def _without(text: str, asked: str) -> str:
    """The text less the words the question holds: "new" in "the new Home Secretary" only counts when it is not
    the question's own word."""
    own = _own_alnum(asked)
    return " ".join(w for w in re.findall(r"[A-Za-z0-9/]+", text) if w.casefold() not in own)


@lru_cache(maxsize=1024)
def wants(question: str) -> Wants:
    yes_or_no = bool(WANTS_OUTCOME.search(question))
    outcome = yes_or_no or bool(WANTS_AWARDED.search(question))
    started = bool(WANTS_STARTED.search(question)) and not outcome
    other = WANTS_DATE.search(question) or WANTS_TIME.search(question) or WANTS_PERSON.search(question) or \
        WANTS_PLACE.search(question)
    money = bool(MONEY_WORDS.search(question)) and not other
    figure = (bool(WANTS_FIGURE.search(question)) or money) and not yes_or_no and not started  # "did it win the funding?": yes or no
    return Wants(figure=figure, money=figure and bool(WANTS_MONEY.search(question)) and not CHANGE.search(question),
                 venue=bool(WANTS_VENUE.search(question)),
                 date=bool(WANTS_DATE.search(question) or DATE_NOUN.search(question)), day=bool(WANTS_DAY.search(question)),
                 time=bool(WANTS_TIME.search(question)),
                 person=bool(WANTS_PERSON.search(RELATIVE_WHO.sub(" ", question) if figure else MEASURE_WHO.sub(" ", question)) or
                             WHICH_ROLE.search(question)),
                 place=bool(WANTS_PLACE.search(question)),
                 rate=figure and bool(WANTS_RATE.search(OWN_SHARE.sub(" ", question))),
                 per_head=bool(PER_HEAD.search(question)),
                 many=bool(WANTS_LIST.search(question) or PLURAL_ASKED.search(question)),
                 change=bool(CHANGE.search(question)), phone=bool(WANTS_PHONE.search(question)),
                 email=bool(WANTS_EMAIL.search(question)),
                 role=bool(WANTS_ROLE.search(PLACE_NOUN.sub(" ", question))),
                 outcome=outcome, decision=bool(WANTS_DECISION.search(question)), started=started, successor=bool(WANTS_SUCCESSOR.search(question)),
                 upcoming=bool(UPCOMING.search(question)) and not PAST_FRAME.search(question),
                 name=bool(WANTS_NAME.search(question)), frequency=bool(WANTS_FREQUENCY.search(question)),
                 duration=bool(WANTS_DURATION.search(question) or WANTS_PERIOD.search(question)),
                 author=bool(WANTS_AUTHOR.search(question)),
                 audience=bool(WANTS_AUDIENCE.search(question)), reason=bool(WANTS_REASON.search(question)),
                 count=figure and bool(WANTS_COUNT.search(question)) and not WANTS_RATE.search(question),
                 vague=bool(WANTS_DATE.search(question)) and not PAST_FRAME.search(question) and
                 not WANTS_YEAR.search(question),
                 winner=bool(WANTS_WINNER.search(question)))


# A line that names three things or more in a row: "community hospital beds, a midwife-led birthing unit and
# ambulatory care services", "school visits, knife arch deployments and nights of action".
SERIES = re.compile(r"\b\w[\w'’-]*(?:\s+[\w'’-]+){0,4},\s+(?:\w[\w'’-]*(?:\s+[\w'’-]+){0,4},\s+)*"
                    r"\w[\w'’-]*(?:\s+[\w'’-]+){0,4}?,?\s+(?:and|or)\s+\w", re.I)


def plural_asked(question: str) -> str:
    """The plural noun a question asks for every one of ("services" of "which services will feel it?"), or ""."""
    match = PLURAL_ASKED.search(question)
    return match.group().split()[-1].casefold() if match else ""


def lists_noun(text: str, noun: str) -> bool:
    """Does the text name several things of the kind asked ("probation services and monitoring services", "community
    hospital beds, a birthing unit and ambulatory care services")? The noun closing two items joined by "and", or in
    the last item of a run, or before a run it introduces ("covers the wards of A, B, C and D")."""
    single = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    forms = rf"\b{noun_forms(single)}\b"
    paired = rf"{forms}\s+(?:(?:and|or)\s+|,\s*)(?:[\w'’-]+\s+){{0,3}}?{forms}"  # "probation ... and monitoring ..."
    return re.search(paired, text, re.I) is not None or any(
        re.match(rf"[^,.;:]*?{forms}", text[series.end() - 1:], re.I) for series in SERIES.finditer(text)) or any(
        SERIES.match(text, lead.end()) for lead in re.finditer(rf"{forms}\s*(?:of|:|are|were|include|including)\s+",
                                                                text, re.I))


@lru_cache(maxsize=8192)
def _amounts(text: str) -> str:
    """The text less the numbers that count nothing: a paragraph's own number, a label's ("Year 2"), a date or a
    year, a number word opening a name ("One Chelmsford"), a period it recurs in ("each quarter")."""
    return RECURRING.sub(" ", DATE_OR_YEAR.sub(" ", NAMED_NUMBER.sub(" ", LABELLED.sub(" ", PARAGRAPH_NUMBER.sub(" ", text)))))


# "Arrests in the district totalled 211", "Farm Watch membership reached 152": the number after the thing counted.
TOTAL_VERBS = r"(?:totalled|totaled|totalling|numbered|reached|stood at|came to|amounted to|rose to|fell to)"


def noun_forms(noun: str) -> str:
    """A pattern for a noun in the singular or the plural ("fatality": "fatality", "fatalities")."""
    plural = rf"|{re.escape(noun[:-1])}ies" if noun.endswith("y") else ""
    return rf"(?:{re.escape(noun)}(?:s|es)?{plural})"


def counted_after(text: str, noun: str) -> bool:
    """Does the text give the number of `noun` after naming it ("Arrests ... totalled 211 in Q2")?"""
    return re.search(rf"\b{noun_forms(noun)}\w*\b[^.;:]{{0,60}}?\b{TOTAL_VERBS}\s+(?:about\s+|around\s+|some\s+)?"
                     rf"(?:\d[\d,.]*|{NUMBER_WORDS})\b", text, re.I) is not None


# Words that say a thing is counted, not what is counted.
COUNTING = frozenset(content_terms("crimes offences incidents cases number numbers total people persons times"))
