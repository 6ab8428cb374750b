"""Question -> `Query`: the areas, crime types, measure, periods and intent a question asks of the tables.

Rules, not a model: each reading is a regular expression or a vocabulary look-up, so a wrong reading can be
found and fixed, and every vague word that was read one way gets a note the user sees. Order matters: a step
blanks the words it used, so "violent crime" is not also "crime", and "domestic abuse related" is the % DA
measure rather than the Domestic Abuse crime type.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from assistant import vocab
from assistant.config import MAX_QUESTION_CHARS, PERIOD_2023, PERIOD_2024
from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query, RankSpec

# Every period reason starts with this, so a follow-up can tell period reasons from the others.
PERIOD_SCOPE = "the tables cover only the 12 months to October 2023 and 2024"
FRAUD = "the tables exclude fraud (Action Fraud / NFIB reports), so they hold no fraud figures"
POPULATION = "the tables give counts, not rates per head of population"
MONEY = "the tables hold no council tax, precept, budget or funding figures"
OFFICERS = "the tables hold no officer or staff numbers"
OTHER_FORCES = "the tables cover Essex Police only, not other forces or national figures"
STOP_SEARCH = "the tables hold no stop and search figures"
ARRESTS = "the tables count offences and solved outcomes, not arrests"
# Things that are not notifiable crimes, so no row counts them: "drink-driving offences" must not be All Crime.
_NOT_RECORDED = tuple((pattern, f"the tables have no row for {topic}: they count notifiable recorded crimes only")
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
WARDS = "the tables go down to districts, not wards or streets"
# The passage cue for a question about something no table cell holds ("newsletter subscribers").
TOPIC_OUTSIDE = "topic outside the tables"

# Read on the normalised question; fraud is read after the crime types are blanked, because the All Crime
# row's own label says "excl. Action (NFIB) Fraud".
_FRAUD = re.compile(r"\bfraud\w*|\bscams?\b|\bnfib\b|\bcyber ?crimes?\b")
_OTHER_PLACE_NAMES = "|".join(sorted({vocab.normalise(a) for a in vocab.KNOWN_OTHER_PLACES}, key=len, reverse=True))
_OUT_OF_SCOPE = tuple((re.compile(p), reason) for p, reason in (
    (r"\bper (?:head|capita|person|resident|1000|thousand|100000|10000)\b|\bpopulation\b|\bper 1000\b", POPULATION),
    (r"\bcouncil tax\b|\bprecept\b|\bbudget\w*|\bfunding\b|\bmoney\b|\bpounds\b", MONEY),
    (r"\bofficers?\b|\bpcsos?\b|\bpolice numbers\b|\bheadcount\b|\bspecial constab\w*|\bstaffing\b", OFFICERS),
    (r"\b(?:other|another|neighbouring|neighboring|different|all) (?:police )?forces?\b|\bforces\b|"
     r"\bmet police\b|\bmetropolitan police\b|\bnational (?:average|figures?|rate|picture)\b|\bnationally\b|"
     rf"\bconstabulary\b|\bpolice force\b|\b(?:{_OTHER_PLACE_NAMES}) police\b", OTHER_FORCES),
    (r"\bstop and search\w*|\bstop searches\b", STOP_SEARCH),
    (r"\bwards?\b", WARDS),
    (r"\barrest(?:s|ed|ing)?\b", ARRESTS),
    *_NOT_RECORDED,
))

# (label, pattern): words that point at a document rather than a table cell.
_SOURCE_CUES = tuple((label, re.compile(p)) for label, p in (
    ("according to", r"\baccording to\b"),
    ("said", r"\b(?:said|saying|told|stated|claimed|quoted)\b"),
    ("PFCC", r"\bpfcc\b|\bcommissioner\b|\broger hirst\b"),
    ("Chief Constable", r"\bchief constable\b|\bharrington\b"),
    ("Chief Inspector", r"\bchief inspector\b"),
    ("Home Secretary", r"\bhome secretary\b|\bcleverl?e?y\b"),
    ("press release", r"\bpress release\b|\bnews release\b"),
    ("manifesto", r"\bmanifesto\b|\bpledged?\b|\bpromised?\b"),
    ("article", r"\barticle\b|\bnewspaper\b|\becho\b|\bheadlines?\b"),
    ("the board", r"\bboard\b|\bminutes\b|\bagenda\b|\bcommittee\b|\bcouncillors?\b"),
    ("ONS", r"\bons\b|\boffice for national statistics\b"),
    ("why", r"^why\b|\bwhy (?:is|was|did|has|have|are|were|does|do)\b|\breasons? for\b|\bwhat caused\b"),
))
# Topics no table cell holds: a "how many" about them is not a count of offences.
_NON_TABLE_CUES = tuple((label, re.compile(p)) for label, p in (
    ("when", r"^when\b|\bwhen (?:is|was|will|did|does|are|were)\b|\bwhat date\b|\bwhich date\b"),
    ("who", r"\bwho (?:is|was|are|were|said|chairs|chaired|leads|led|runs|attended)\b"),
    ("funding", r"\bfund(?:s|ed|ing)?\b|\bgrants?\b|\bmoney\b|\bpounds\b|\bspent\b|\bspend(?:ing)?\b|\bbudget\w*|"
                r"\bcosts?\b|\binvest(?:ed|ment|ments)?\b|\bfinanc\w+"),
    ("officers", r"\bofficers?\b|\bpcsos?\b|\bpolice numbers\b|\bheadcount\b|\brecruit\w*|\bstaff\w*"),
    ("stop and search", r"\bstop and search\w*|\bstop searches\b"),
    ("operation", r"\boperation [a-z]+|\bop (?:dial|grip|sceptre)\b|\b(?:nights?|weeks?|days?) of action\b|"
                  r"\bpatrols?\b"),
    ("ballot", r"\bbma\b|\bballot\b|\bvoted?\b|\bgps?\b|\bnhs\b|\bhospitals?\b"),
    ("meeting", r"\bmeetings?\b|\bvisit(?:ed|s)?\b|\bconference\b"),
    ("CCTV", r"\bcctv\b|\bcameras?\b"),
    ("survey", r"\bsurvey\b|\bpublic confidence\b"),
    ("Prevent", r"\bprevent\b|\bterroris\w+|\breferrals?\b|\bextremis\w+|\bthreat levels?\b"),
    ("council tax", r"\bcouncil tax\b|\bprecept\b"),
    ("ward", r"\bwards?\b"),
    ("plans", r"\bplans?\b|\bstrateg(?:y|ies)\b|\bprojects?\b|\bcampaigns?\b|\bschemes?\b|\bprogrammes?\b"),
))
# Names of bodies whose words would otherwise read as a crime type or a place ("Police, Fire and Crime ...").
_ORGANISATIONS = re.compile(
    r"\b(?:essex )?police fire and crime commissioner\b|\bpolice and crime (?:commissioner|plan|panel)\b|"
    r"\bcrime prevention strategy\b|\bcentre for crime and justice\b|\bcommunity safety partnership\b|"
    r"\bviolence and vulnerability (?:unit|partnership)\b|\bagainst slavery partnership\b|"
    r"\bessex county (?:council|fire and rescue(?: service)?)\b|\bsafer essex(?: roads)?(?: partnership)?\b|"
    r"\bessex community safety network\b|\bessex prevent delivery group\b|\bserious violence duty\b")

# Partnerships named after a district ("Safer Chelmsford", "One Chelmsford board") are not the district.
_PARTNERSHIPS = re.compile(
    r"\b(?:safer|one|safe|together|our) (?:" + "|".join(vocab.normalise(a) for a in vocab.DISTRICT_AREAS) +
    r")\b(?: (?:partnership|board|strategic board|network|forum|newsletter|e newsletter))?")

# The words a question about the table figures is made of, besides places and crime types: function words,
# asking, counting, comparing and period words. A content word outside these and `vocab.VOCABULARY_WORDS`
# ("suspects", "subscribers", "reviews") is a topic no table cell holds, so the question goes to the passages.
_QUESTION_WORDS = frozenset("""
a about above across actual actually after again against ago all almost also am among amount an and annual any
anything are area areas around as ask asked at average back bad based be been before being below best better
between big bigger biggest both bottom breakdown broken but by calculate can case cases change changed changes
changing checked clear cleared climb climbed come comes compare compared comparison compares comparing
count counted counting counts county current currently data decline declined decrease decreased did
difference different district districts do does doing done down drop dropped dropping during each earlier
either else equal every exactly excluding falling fall fallen falls fell few fewer fewest figure figures find
for force from gave get gets getting give given go goes going gone good got great greater greatest grew grow
growing grown growth had half halved has have having hardest help here high higher highest hit how however
including increase increased increases increasing incident incidents into is it its just know large larger
largest last latest least less let level levels like list logged look lot lots low lower lowest made make
many may me mean measured more most much my name named near need needs new next no not now number numbers of
off offence offences often ok okay on once one only or order other our out over overall part past per
percent percentage percentages period periods place places please point points portion previous prior
proportion proportions quick quickly rank ranked ranking rate rates rather reach reached recent recently
record recorded recording records reduce reduced reduction relative report reported reporting reports right
rise risen rises rising rolled rolling rose roughly row same saw say see seen share shares show shown
significant similar since so solve solved solves solving some stand stats statistics stay stayed steepest
sharpest still sum such tally tell terms than that the their them then there these they thing things this
those three through to top total totals town towns trend trends twelve two under up us value values
versus very vs was way we well went were what whats when where whether which while who whole why wide will
with within worse worst would year years yes you your
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec month months
detected detection detections outcome outcomes clearance clearup resolved resolution positive charged
borough boroughs region locally local table tables performance measure measures
domestic abuse related flagged linked involve involved involving involves victim victims
rather instead versus compared highest
people persons person someone anyone happen happened happening occur occurred committed experienced suffered
usual typical normal real really actual official officially approximately approx precisely exact sure fine
thanks thank cheers hello hey hi mate wondering curious interested remind check confirm correct think guess
half halves third thirds quarter quarters fifth fifths tenth tenths twice times double triple nearly almost
circa barely slightly marginally sharply significantly dramatically substantially considerably steadily
modestly massively hugely just around roughly exceed exceeded exceeds except without plus minus true false
claim claimed state stated accurate correctly right wrong compared respectively
deal dealt handle handled investigated safest safer safe effective effectively successful successfully
type types kind kinds sort sorts category categories categorised moment
problem problems issue issues picture situation prevalent prevalence common authority authorities council
councils breakdown split
pls plz please thx kindly could should might must shall able chance possible ballpark rough idea estimate
estimated bot assistant journalist reporter writer editor researcher student piece story writing working
research readers want wanted love keen wonder info information stat details summary overview update quote
know knew whats hows wheres moving moved move movement shift shifted swing swung hiya morning afternoon
evening advance asap urgent urgently fare faring take control wave
""".split())

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
    r"\bhow (?:effective|good|successful|well) (?:\w+ ){0,3}(?:at|in) (?:solving|detecting|clearing up)\b|"
    rf"\b(?:solv|detect)(?:e|es|ed|ing|s)? {_ABOUT}(?:{_FRACTION})\b{_NOT_MORE}|"
    rf"\bclear(?:s|ed|ing)? up {_ABOUT}(?:{_FRACTION})\b{_NOT_MORE}|"
    rf"\b(?:{_FRACTION}) of (?:\w+ ){{0,5}}?(?:(?:is|are|was|were|get|gets|got|being|has been|have been) )?"
    r"(?:solved|detected|cleared up|resolved)\b")
_SOLVED = re.compile(r"\bsolved\b|\bsolves?\b|\boutcomes?\b|\bdetections?\b|\bdetected\b|\bcleared up\b|"
                     r"\bcharged\b|\bresolved\b")
_COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\brecorded\b|\boffences?\b|\bincidents?\b|\bcrimes?\b|"
                    r"\breports?\b|\breported\b|\bcount\b|\btotal\b|\blevels? of\b|\bvolume\b|\bfigures?\b|"
                    r"\bmost\b|\bfewest\b|\bmore\b|\bfewer\b")

_CHANGE = re.compile(
    r"\bchang(?:e|ed|es|ing)\b|\bris(?:e|en|es|ing)\b|\brose\b|\bf[ae]ll(?:en|s|ing)?\b|\bincreas(?:e|ed|es|ing)\b|"
    r"\bdecreas(?:e|ed|es|ing)\b|\b(?:go|goes|gone|went|going|come|came|coming|got) (?:up|down)\b|\bup or down\b|"
    r"\bhigher or lower\b|\btrend(?:s|ed|ing)?\b|\bby how much\b|"
    r"\bhow much (?:more|less|fewer|higher|lower|bigger|smaller)\b|\bdrop(?:s|ped|ping)?\b|"
    r"\breduc(?:e|ed|es|ing|tion|tions)\b|\bgrow(?:n|s|ing|th)?\b|\bgrew\b|\bjump(?:ed|s)?\b|\bclimb(?:ed|s)?\b|"
    r"\b(?:doubl|halv|tripl)(?:e|ed)\b|\bdeclin(?:e|ed|es|ing)\b|\bimprov(?:e|ed|es|ing|ement)\b|"
    r"\bworsen(?:ed|ing)?\b|\b(?:got|getting) (?:worse|better)\b|\b(?:is|are|was|were) (?:up|down)\b|"
    r"\b(?:up|down) by\b|\bsoar(?:ed|ing)?\b|\bplummet(?:ed|ing)?\b|\bsurg(?:e|ed)\b|\bspik(?:e|ed)\b|"
    r"\bcompared? (?:with|to) 2023\b|\bsince 2023\b|\bmov(?:e|ed|es|ing|ement)\b|\bsw(?:ing|ung)\b|\bspiral\w*")
# "By what per cent", "in percentage terms": the size of a change, unless a rate or a share is the measure.
_IN_PERCENT = re.compile(r"\bby (?:what|which|how many|how much of a) percent(?:age)?\b|\bhow many percent\b|"
                         r"\bin percent(?:age)?(?: terms)?\b|\bas a percent(?:age)?\b(?! of)")
_UP = re.compile(r"\bris\w*|\brose\b|\bincreas\w*|\bgo\w* up\b|\bwent up\b|\bgr[eo]w\w*|\bjump\w*|\bclimb\w*|"
                 r"\bup by\b|\bsoar\w*|\bsurg\w*|\bspik\w*|\bdoubl\w*|\btripl\w*|\bspiral\w*")
_DOWN = re.compile(r"\bf[ae]ll\w*|\bdecreas\w*|\bgo\w* down\b|\bwent down\b|\bdrop\w*|\breduc\w*|\bdeclin\w*|"
                   r"\bdown by\b|\bplummet\w*|\bhalv\w*")
# "Improved" means fewer offences but a higher solved rate.
_BETTER = re.compile(r"\bimprov\w*|\bbetter\b")
_WORSE = re.compile(r"\bworse\w*|\bdeteriorat\w*")
# One word of rise-and-fall or ranking vocabulary, for `_unexplained` ("soared", "plummeting", "doubled").
_MOVE_WORD = re.compile(r"(?:ris|f[ae]ll|increas|decreas|drop|reduc|declin|grow|grew|jump|climb|doubl|halv|tripl|"
                        r"soar|plummet|surg|spik|improv|worsen|deteriorat|chang|trend|compar|rank|mov|swing|"
                        r"swung|shift|spiral)\w*")
_PERCENT_WORD = re.compile(r"\bpercent(?:age)?\b|\bproportion\w*|\brelative\b|\bin percentage terms\b")

# Relative periods, on normalised text. The comparison base ("than last year") asks for change, not 2023.
# "The year before" on its own is the earlier year ("and the 12 months before that?"); after "than" or
# "compared with" it is the comparison base.
_VS_LAST_YEAR = re.compile(
    r"\b(?:compar\w* (?:with|to)|than|versus|vs|on|from|since|against) (?:the )?(?:same (?:period|time) )?"
    r"(?:(?:last|previous|prior|preceding) (?:year|12 months|twelve months|period)|"
    r"(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then)?)\b|\byear (?:on|over) year\b|"
    r"\byoy\b|\by o y\b|"
    r"\bsame period last year\b")
_THE_LAST_YEAR = re.compile(r"\b(?:the|this) (?:last|past) (?:year|12 months|twelve months)\b|\blast 12 months\b|"
                            r"\bpast (?:year|12 months|twelve months)\b")
# "In the previous 12 months" is as often the latest year as the one before, so it is left to the context.
_LAST_YEAR = re.compile(r"\blast year\b|\b(?:previous|prior|preceding|earlier) (?:year|period|rolling year)\b|"
                        r"\ba year (?:ago|earlier|before)\b|"
                        r"\b(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then| it)?\b")
_THIS_YEAR = re.compile(r"\bthis year\b|\blatest\b|\bcurrent(?:ly)?\b|\bmost recent\b|\brecent(?:ly)?\b|"
                        r"\bnow\b|\bat the moment\b|\bthese days\b|\bso far\b|\bto date\b")

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_MONTH_YEAR = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?,?\s+((?:19|20)\d\d)\b")
_FISCAL = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*((?:19|20)?\d\d)\b|\b(\d\d)/(\d\d)\b")
_TO_MONTH = re.compile(rf"\b(?:(?:12|twelve)[\s-]months?|year|period)\s+(?:to|ending|up to|until|to the end of)\s+"
                       rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b")
_YEAR = re.compile(r"(?<![£$\d.,])\b((?:19|20)\d\d)\b(?!\s*(?:%|percent|per cent|offences|offence|crimes|"
                   r"incidents|people|officers|cases|reports|more|fewer|extra|additional|new)\b)")
# The tables record the past: a forecast ("what will it be next year", "by 2026") is out of scope, never the
# latest figure. "Will you be able to tell me" is framing, blanked before this is read.
_FUTURE = re.compile(
    r"\bnext (?:year|12 months|twelve months|month|few (?:months|years)|decade|financial year)\b|"
    r"\bin (?:the )?(?:future|years to come|coming (?:year|months|years))\b|"
    r"\b(?:coming|future) (?:year|years|months)\b|"
    r"\bforecast\w*|\bpredict\w*|\bprojected\b|\bprojections?\b|\bexpected to\b|\boutlook\b|"
    r"\b(?:going|likely|set) to (?:be|rise|fall|go|increase|decrease|drop|climb|continue|keep|reach|hit|change|"
    r"look|get)\b|"
    r"\bwill (?:\w+ ){0,4}?(?:be|rise|fall|go|increase|decrease|drop|climb|continue|keep|reach|hit|change|look|get|"
    r"have|see|record)\b|\bby (?:the end of )?20(?:2[5-9]|[3-9]\d)\b")
_COUNT_BEFORE_YEAR = re.compile(r"(?:over|under|above|below|about|around|approximately|nearly|almost|exactly|"
                                r"more than|fewer than|less than)\s*$")

_SUPERLATIVE_HIGH = (r"most|highest|biggest|largest|greatest|worst|top|maximum|hardest hit|worst hit|steepest|"
                     r"sharpest|fastest|strongest|heaviest|busiest")
_SUPERLATIVE_LOW = r"fewest|lowest|least|smallest|best|bottom|minimum|safest"
_SUPERLATIVE = re.compile(rf"\b(?:{_SUPERLATIVE_HIGH}|{_SUPERLATIVE_LOW})\b")
_NOT_SUPERLATIVE = re.compile(r"\bat (?:least|most|best|worst)\b|\b(?:the )?most recent\b|\bmost of\b|"
                              r"\bleast of\b|\bbest known\b|\btop level\b")
_RANK_ALL = re.compile(r"\brank(?:ed|ing|ings|s)?\b|\bleague table\b|\bin order\b|\border(?:ed)? by\b|"
                       r"\b(?:all|every|each) (?:the )?(?:districts?|areas?)\b|"
                       r"\b(?:per|by) (?:district|area|borough)\b|\bdistrict by district\b")
_OVER_AREAS = re.compile(r"\b(?:districts?|areas?|boroughs?|towns?|places?|where)\b")
_OVER_CRIME_TYPES = re.compile(r"\b(?:which|what) (?:crime|crimes|crime types?|types? of (?:crime|offence)s?|"
                               r"offence types?|offences?|categor(?:y|ies)|kinds? of (?:crime|offence)s?|types?|"
                               r"kinds?|sorts?)\b|\bmost common\b|\bleast common\b|"
                               r"\bcrime (?:types?|categor(?:y|ies))\b|"
                               r"\b(?:types?|kinds?|categor(?:y|ies)) of (?:crime|offence)s?\b|\boffence types?\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_RANK_N = re.compile(rf"\btop {_N}\b|\b{_N} (?:districts|areas|places|towns|boroughs|crime types|crimes|"
                     rf"highest|lowest|worst|best|most|fewest|biggest|largest)\b|"
                     rf"\b(?:highest|lowest|worst|best|bottom|biggest|largest) {_N}\b")

_COMPARE = re.compile(r"\bcompar\w*|\bversus\b|\bvs\b|\bagainst\b|\bdifference between\b|\bdiffer\b|\bthan\b")
_FOLLOW_OPENER = re.compile(
    r"^(?:and|but|also|plus|so|ok|okay|now|then|what about|how about|same for|same (?:question|thing)|"
    r"what of|how does (?:that|this|it) compare|how do (?:they|those|these) compare|compared? (?:with|to)|"
    r"versus|vs|in (?:19|20)\d\d|for (?:19|20)\d\d)\b")
_PRONOUN = re.compile(r"\b(?:that|it|there|those|them|this one|same)$|\bin there\b|\bthe same\b|"
                      r"\b(?:did|does|has|is|was|why) (?:it|that|this|they)\b")

_TRENDING = re.compile(r"\b([Tt]rending)\b")


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
_PREPOSITIONS = {"in", "for", "at", "from", "and", "or", "vs", "versus", "between", "of", "with", "than",
                 "compare", "including", "across", "to"}
_VERB_NEXT = {"up", "down", "upward", "upwards", "downward", "downwards", "higher", "lower", "well", "badly",
              "better", "worse", "in", "over", "across", "since", "this", "the"}
# "in <Capitalised Words>": a place when it is not one we know, a month, or a part of an Essex town.
_IN_NAME = re.compile(r"\b[Ii]n\s+([A-Z][a-z']+(?:(?:\s+|-)(?:on-|upon-|le-)?[A-Z][a-z']+)*)")
_FUNCTION_WORDS = {"In", "And", "Or", "For", "The", "Of", "To", "At", "On", "With", "By", "From", "Than", "Was",
                   "Were", "Is", "Are", "During", "Compared", "Between", "Vs", "Versus"}
_NOT_PLACE_WORDS = _FUNCTION_WORDS | {m.capitalize() for m in _MONTHS} | {
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Councillor", "Chief", "Inspector", "Superintendent", "Sergeant", "Sgt", "Pc",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Year", "Operation", "Op",
    "Prevent", "Appendix", "Table", "Section", "This", "That", "These", "Those", "Total", "Police", "Force",
    "District", "Districts", "Area", "Areas", "Crime", "Crimes", "Which", "What", "Each", "Every", "All", "General",
    "Particular", "Addition", "Terms", "Response", "Relation", "Order", "Rolling"}
_SITE_WORDS = {"park", "street", "road", "avenue", "lane", "green", "gardens", "centre", "center", "college",
               "school", "hospital", "station", "library", "square", "ward", "meadow", "estate", "prison",
               "cathedral", "university", "market", "mall"}


# Every word the slot patterns read is a table-question word too ("fraction", "steepest", "versus").
_SLOT_WORDS = frozenset(
    word for pattern in (_DA_MEASURE, _DA_AFTER_SHARE, _SHARE_WORD, _SHARE_OF_ALL, _RATE, _SOLVED, _COUNT, _CHANGE,
                         _UP, _DOWN, _BETTER, _WORSE, _PERCENT_WORD, _VS_LAST_YEAR, _THE_LAST_YEAR, _LAST_YEAR,
                         _THIS_YEAR, _TO_MONTH, _SUPERLATIVE, _NOT_SUPERLATIVE, _RANK_ALL, _OVER_AREAS,
                         _OVER_CRIME_TYPES, _RANK_N, _COMPARE, _FOLLOW_OPENER, _PRONOUN)
    for word in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)))


class _Read(NamedTuple):
    """One question read on its own, plus what a follow-up decision needs to know about its wording."""

    query: Query
    measure_stated: bool
    non_table: bool
    opener: bool
    pronoun: bool
    compares: bool
    period_stated: bool
    recognised: bool
    unused: str = ""  # the question with places and crime types blanked, for qualifiers a follow-up narrows


def parse(text: str, context: Query | None = None) -> Query:
    """Read one question; with `context` (the previous turn's query) fill what a follow-up leaves out.

    Pure and fast (well under 2 ms): no I/O, precompiled patterns. Any text gives a Query, never an error.
    """
    read = _read(text if isinstance(text, str) else "")
    query = read.query
    if context is not None and _is_followup(read, context):
        query = _inherit(read, context)
    return _finish(query, read)


# ---------------------------------------------------------------- one question on its own


def _read(text: str) -> _Read:
    """Every slot one question fills by itself. Each step blanks the words it used before the next one looks."""
    raw = _prepare(text[:MAX_QUESTION_CHARS])
    norm, fixes = vocab.correct_spelling(vocab.normalise(raw))
    notes = [f"'{typed}' read as '{meant}'" for typed, meant in fixes]
    source_cues = [label for label, pattern in _SOURCE_CUES if pattern.search(norm)]
    topic_cues = [label for label, pattern in _NON_TABLE_CUES if pattern.search(norm)]
    work = _ORGANISATIONS.sub(lambda m: " " * len(m.group()), norm)
    work = _PARTNERSHIPS.sub(lambda m: " " * len(m.group()), work)

    measure = None
    da = list(_DA_MEASURE.finditer(work))
    if not da and _SHARE_WORD.search(work):
        da = list(_DA_AFTER_SHARE.finditer(work))
    if da:
        measure = DA_SHARE
        work = vocab.blank(work, [vocab.Found(m.start(), m.end(), "", "") for m in da])

    areas, unknown, place_notes, work = _places(raw, work)
    notes += place_notes
    placeless = " ".join(work.split())  # "share of Castle Point's crime" is a share of all crime
    crimes = vocab.find_crime_types(work)
    rest = " ".join(vocab.blank(work, crimes).split())
    crime_types = _unique(hit.name for hit in crimes)

    non_table = bool(topic_cues) and not crime_types
    if measure is None:
        measure = _measure(rest, non_table)
    periods, period_reasons, period_notes = _periods(raw, norm)
    notes += period_notes
    change = bool(_CHANGE.search(rest) or _VS_LAST_YEAR.search(norm)) or len(periods) == 2 or \
        bool(_IN_PERCENT.search(rest)) and measure not in (SOLVED_RATE, DA_SHARE)
    rank, rank_over = _rank(norm, measure, change, crime_types, areas)
    every_type = False
    if rank_over == "crime types":  # "which crime ..." ranks the rows; the bare word is not All Crime
        every_type = any(hit.alias in vocab.GENERIC_CRIME_WORDS for hit in crimes)
        crimes = [hit for hit in crimes if hit.alias not in vocab.GENERIC_CRIME_WORDS]
        crime_types = _unique(hit.name for hit in crimes)
    shares = bool(_SHARE_WORD.search(norm)) and measure not in (DA_SHARE, SOLVED_RATE) and not change
    unused = vocab.blank(work, crimes)
    crimes, subtype_notes = _subtypes(unused, crimes, shares)
    crime_types = _unique(hit.name for hit in crimes)
    notes += subtype_notes
    share_of, crime_types, share_notes, share_reasons = _share(norm, placeless, crimes, crime_types, measure)
    kept = (*crime_types, share_of)  # a row re-read by the share ('theft' as Theft Offences) loses its note
    notes += [vocab.note_for(hit.alias) for hit in crimes if hit.name in kept and vocab.note_for(hit.alias)]
    notes += share_notes

    out_of_scope = period_reasons + share_reasons + _out_of_scope(norm, rest)
    if _unexplained(unused) and not (source_cues or topic_cues or out_of_scope or unknown):
        topic_cues.append(TOPIC_OUTSIDE)  # "newsletter subscribers": no table cell holds them
    query = Query(text=text, areas=areas, crime_types=crime_types, measure=measure, periods=periods,
                  change=change, rank=rank, share_of=share_of, notes=_unique(notes),
                  unknown_places=unknown, out_of_scope=_unique(out_of_scope),
                  passage_cues=tuple(source_cues + topic_cues),
                  extra=({"rank_over": rank_over, "every_type": every_type} if rank else {}))
    recognised = bool(areas or unknown or crime_types or measure or periods or period_reasons or change or rank
                      or source_cues)
    return _Read(query, measure is not None, non_table, bool(_FOLLOW_OPENER.match(norm)),
                 bool(_PRONOUN.search(norm)), bool(_COMPARE.search(norm)), bool(periods or period_reasons),
                 recognised, unused)


def _unexplained(unused: str) -> tuple[str, ...]:
    """Content words no slot, place, crime type or question word accounts for ("subscribers")."""
    return _unique(word for word in re.findall(r"[a-z]{3,}", unused) if not _known_word(word))


_SUFFIXES = ("s", "es", "d", "ed", "ing", "ly", "al", "ally", "ion", "ions", "ional", "er", "est", "ness")


def _known_word(word: str) -> bool:
    """A question word, slot word or vocabulary word, or one of them with an ending ("proportional")."""
    if _MOVE_WORD.fullmatch(word):
        return True
    stems = [word] + [word[:-len(end)] for end in _SUFFIXES if word.endswith(end) and len(word) - len(end) >= 3]
    return any(stem in _QUESTION_WORDS or stem in _SLOT_WORDS or stem in vocab.VOCABULARY_WORDS for stem in stems)


def _out_of_scope(norm: str, rest: str) -> list[str]:
    """Why the tables cannot answer, for topics they do not hold (fraud is read once crime types are blanked)."""
    reasons = [FRAUD] if _FRAUD.search(rest) else []
    return reasons + [reason for pattern, reason in _OUT_OF_SCOPE if pattern.search(norm)]


def _prepare(raw: str) -> str:
    """Raw-text fixes that need capitals or punctuation: framing goes; 'DA' is domestic abuse; 'trending' as a
    verb is not Tendring."""
    raw = unicodedata.normalize("NFKC", raw)
    raw = _FRAMING.sub(lambda m: " " * len(m.group()), raw)
    raw = re.sub(r"\bDA\b", "domestic abuse", raw)
    return _TRENDING.sub(lambda m: m.group() if _trending_is_place(raw, m) else "trend", raw)


def _trending_is_place(raw: str, match: re.Match) -> bool:
    """The source misspells Tendring as 'Trending'; 'is crime trending up?' is the verb."""
    before = re.findall(r"[A-Za-z]+", raw[:match.start()])
    after = re.findall(r"[A-Za-z]+", raw[match.end():])
    previous, following = (before[-1].lower() if before else ""), (after[0].lower() if after else "")
    if previous in _PREPOSITIONS:
        return True
    return match.group()[0] == "T" and bool(before) and following not in _VERB_NEXT


def _places(raw: str, work: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str], str]:
    """Areas (in order), unknown places, notes, and the text with every place blanked."""
    hits = vocab.find_places(work)
    areas, unknown, notes, weak = [], [], [], []
    for kind, hit in hits:
        if kind == "other":
            if _names_a_place(raw, hit.alias):
                unknown.append(hit.name)
        elif hit.alias == "essex police":
            weak.append(hit.name)  # the organisation: the whole county only if no district is named
        else:
            areas.append(hit.name)
            if kind == "town":
                notes.append(f"'{hit.alias.title()}' is in {hit.name}; the tables give {hit.name} as a whole")
            elif vocab.note_for(hit.alias):
                notes.append(vocab.note_for(hit.alias))
    if not areas:
        areas = weak
    known = {hit.alias for _, hit in hits}
    unknown += [name for name in _unknown_after_in(raw) if vocab.normalise(name) not in known]
    work = vocab.blank(work, [hit for _, hit in hits])
    return _unique(areas), _unique(unknown), notes, work


def _names_a_place(raw: str, alias: str) -> bool:
    """'UK Shared Prosperity Fund' names a fund, not the UK: a following capitalised word makes it a name."""
    if _title_case(raw):
        return True
    pattern = r"(?i:\b" + r"[\s-]+".join(re.escape(word) for word in alias.split()) + r"\b)(\s+[A-Z][a-z]+)?"
    for match in re.finditer(pattern, raw):
        following = (match.group(1) or "").strip()
        if not following or following in _FUNCTION_WORDS or following in ("Police", "Constabulary"):
            return True
    return False


def _unknown_after_in(raw: str) -> list[str]:
    """'in Luton': a capitalised name after 'in' that is no Essex area, month or local site is a place
    the tables do not cover."""
    if _title_case(raw):
        return []
    found = []
    for match in _IN_NAME.finditer(raw):
        name = match.group(1).removesuffix("'s")
        words = name.replace("-", " ").split()
        norm, _ = vocab.correct_spelling(vocab.normalise(name))
        if words[0] in _NOT_PLACE_WORDS or not norm or norm.split()[-1].removesuffix("s") in _SITE_WORDS:
            continue
        if vocab.find_places(norm) or vocab.find_crime_types(norm):
            continue
        found.append(name)
    return found


def _title_case(raw: str) -> bool:
    """Headline-style text ('How Many Burglaries In Luton') makes capitals useless as a clue."""
    words = re.findall(r"[A-Za-z]+", raw)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _measure(rest: str, non_table: bool) -> str | None:
    """The base measure the words ask for; rate beats outcomes beats counts ('how many ... were solved')."""
    if _RATE.search(rest):
        return SOLVED_RATE
    if _SOLVED.search(rest):
        return SOLVED
    if _COUNT.search(rest) and not non_table:
        return OFFENCES
    return None


def _periods(raw: str, norm: str) -> tuple[tuple[str, ...], list[str], list[str]]:
    """The table periods named, the reasons a named period is not covered, and notes on vague words."""
    low = re.sub(r"(?<=\d),(?=\d{3}\b)", "", raw.lower())
    found: list[tuple[int, str]] = []
    outside: list[str] = []
    fiscal = [m for m in _FISCAL.finditer(low) if _is_fiscal(m)]
    outside += [m.group().replace(" ", "") for m in fiscal]
    low = vocab.blank(low, [vocab.Found(m.start(), m.end(), "", "") for m in fiscal])
    for match in _MONTH_YEAR.finditer(low):
        month, year = match.group(1), match.group(2)
        if month.startswith("oct") and year in ("2023", "2024"):
            found.append((match.start(), PERIOD_2023 if year == "2023" else PERIOD_2024))
        else:
            outside.append(f"{_month_name(month)} {year}")
    low = _MONTH_YEAR.sub(lambda m: " " * len(m.group()), low)
    for match in _TO_MONTH.finditer(low):
        if not match.group(1).startswith("oct"):
            outside.append(f"the 12 months to {_month_name(match.group(1))}")
    for match in _YEAR.finditer(low):
        if _COUNT_BEFORE_YEAR.search(low[:match.start()]):
            continue
        year = match.group(1)
        if year in ("2023", "2024"):
            found.append((match.start(), PERIOD_2023 if year == "2023" else PERIOD_2024))
        else:
            outside.append(year)
    notes, named = [], [period for _, period in sorted(found)]
    relative = _VS_LAST_YEAR.sub(" ", norm)
    for pattern, period in ((_THE_LAST_YEAR, PERIOD_2024), (_LAST_YEAR, PERIOD_2023), (_THIS_YEAR, PERIOD_2024)):
        match = pattern.search(relative)
        if match:
            named.append(period)
            notes.append(f"'{match.group()}' read as the {period}")
            relative = pattern.sub(" ", relative)
    periods = _unique(named)
    reasons = [f"{PERIOD_SCOPE}, not {', '.join(_unique(outside))}"] if outside else []
    if _FUTURE.search(norm):
        forecast = f"forecast for {', '.join(_unique(outside))}" if outside else "forecasts"
        reasons = [f"{PERIOD_SCOPE} and hold no {forecast}"]
    return periods, reasons, notes


def _is_fiscal(match: re.Match) -> bool:
    """'2024/25', '2023-2024', '23/24': a financial year, so two consecutive years; '14/12' is a date."""
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return (int(first) + 1) % 100 == int(second) % 100


def _month_name(text: str) -> str:
    return next((m for m in _MONTHS if m.startswith(text[:3])), text).capitalize()


def _rank(norm: str, measure: str | None, change: bool, crime_types, areas) -> tuple[RankSpec | None, str]:
    """'Which district had the most ...', 'top three', 'rank the districts': direction, n, and by what."""
    text = _NOT_SUPERLATIVE.sub(" ", norm)
    superlative = _SUPERLATIVE.search(text)
    rank_all = _RANK_ALL.search(text)
    if not (superlative or rank_all):
        return None, ""
    if _OVER_CRIME_TYPES.search(text):
        over = "crime types"
    elif _OVER_AREAS.search(text):
        over = "areas"
    else:
        over = "crime types" if len(areas) == 1 and not crime_types else "areas"
    by = "value"
    if change and measure != DA_SHARE:
        by = "% change" if _PERCENT_WORD.search(text) and measure != SOLVED_RATE else "change"
    word = superlative.group() if superlative else ""
    high = not re.fullmatch(_SUPERLATIVE_LOW, word)
    if by == "value" and measure == SOLVED_RATE and word in ("worst", "best"):
        high = word == "best"  # the worst solved rate is the lowest one
    elif by != "value":
        up, down = _direction(text, measure)
        if up != down:
            high = up if high else not up
    number = _RANK_N.search(text)
    if number:
        value = next(g for g in number.groups() if g)
        n = _NUMBER_WORDS.get(value) or int(value)
    elif rank_all and not superlative:
        n = len(vocab.CRIME_TYPES) if over == "crime types" else len(vocab.DISTRICT_AREAS)
    else:
        n = 1
    pool = len(vocab.CRIME_TYPES) if over == "crime types" else len(vocab.TABLE_AREAS)
    return RankSpec("highest" if high else "lowest", min(max(n, 1), pool), by, over), over


def _direction(text: str, measure: str | None) -> tuple[bool, bool]:
    """(asks about a rise, asks about a fall); 'improved' is a rise for a solved rate, a fall for offences."""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    better, worse = bool(_BETTER.search(text)), bool(_WORSE.search(text))
    if measure == SOLVED_RATE:
        return up or better, down or worse
    return up or worse, down or better


def _subtypes(unused: str, crimes: list, shares: bool) -> tuple[list, list[str]]:
    """A named row narrowed by a qualifier: 'burglaries ... were residential' is Burglary Residential.

    In a share question the named row stays as the whole and the first qualifier gives the part ('possession
    rather than trafficking'); otherwise each qualifier replaces its parent ('drug offences: possession or
    trafficking?' compares the two sub-rows) or, naming a sibling, joins it ('residential or business
    burglaries').
    """
    named = [hit.name for hit in crimes]
    if not shares:  # 'residential or business burglaries': a sibling of a named row is named too
        named += [vocab.PARENT[name] for name in named if vocab.PARENT.get(name)]
    found = [hit for hit in vocab.find_subtypes(unused, _unique(named)) if hit.name not in named]
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


def _share(norm: str, placeless: str, crimes, crime_types,
           measure) -> tuple[str | None, tuple[str, ...], list[str], list[str]]:
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
            return None, crime_types, [], [f"{part} is not counted within {whole} in the tables, so it cannot "
                                           f"be given as a share of it"]
        note = f"'{whole}' read as {wider}, the row that includes {part}"
        return wider, (part,), [note], []
    return whole, (part,), [], []


# ---------------------------------------------------------------- follow-ups


def _is_followup(read: _Read, context: Query) -> bool:
    """Does this turn lean on the last one? 'And in Harlow?', 'what about the solved rate?', 'in 2023?'."""
    query = read.query
    if not (context.areas or context.crime_types or context.measure or context.unknown_places):
        return False
    if read.opener:
        return True
    if (query.areas or query.unknown_places) and query.crime_types:
        return False  # a full new question
    if read.non_table and not read.pronoun:
        return False  # a question about something the tables do not hold
    return read.recognised or read.pronoun or bool(_narrowed(read, context))


def _narrowed(read: _Read, context: Query) -> list:
    """'And possession?' after drug trafficking: a qualifier read among the last turn's rows, their children
    and their siblings (the children of their parents)."""
    if read.query.crime_types or not context.crime_types:
        return []
    named = (*context.crime_types, *filter(None, (vocab.PARENT.get(t) for t in context.crime_types)))
    found = vocab.find_subtypes(read.unused, _unique(named))
    return [hit for hit in found if hit.name not in context.crime_types]


def _inherit(read: _Read, context: Query) -> Query:
    """Fill what the follow-up left out from the previous turn, and say what was kept."""
    query, kept = read.query, []
    ranked_over_areas = query.rank is not None and query.extra.get("rank_over") == "areas"
    areas, unknown = query.areas, query.unknown_places
    if not areas and not unknown and not ranked_over_areas and (context.areas or context.unknown_places):
        areas, unknown = context.areas, context.unknown_places
        kept.append(f"the area ({', '.join(areas + unknown)})")
    elif read.compares and areas and context.areas and not ranked_over_areas:
        areas = _unique(context.areas + areas)
    crime_types, share_of = query.crime_types, query.share_of
    narrowed = _narrowed(read, context)
    if narrowed:
        crime_types = _unique(hit.name for hit in narrowed)
        whole = context.share_of
        share_of = whole if whole and all(whole in vocab.ancestors(name) for name in crime_types) else None
        query = query.with_(notes=query.notes + tuple(f"'{hit.alias}' read as {hit.name}" for hit in narrowed))
    elif not crime_types and context.crime_types and not query.extra.get("every_type"):
        crime_types, share_of = context.crime_types, context.share_of
        kept.append(f"the crime type ({', '.join(crime_types)})")
    elif read.compares and crime_types and context.crime_types and not query.share_of:
        crime_types = _unique(context.crime_types + crime_types)
    measure = query.measure
    if not read.measure_stated and context.measure:
        measure = context.measure
        kept.append(f"the measure ({measure})")
    periods, change = query.periods, query.change
    out_of_scope = query.out_of_scope
    if not read.period_stated:
        periods = context.periods
        change = change or context.change
        out_of_scope += context.out_of_scope
        if periods:
            kept.append(f"the period ({' and '.join(periods)})")
    else:
        out_of_scope += tuple(r for r in context.out_of_scope if not r.startswith(PERIOD_SCOPE))
    rank, extra = query.rank, query.extra
    over = context.rank.over if context.rank is not None else ""
    if rank is None and (over == "areas" and not query.areas or over == "crime types" and not query.crime_types):
        rank, extra = context.rank, {**context.extra, "rank_over": over}
    carried = f"{', '.join(kept[:-1])} and {kept[-1]}" if len(kept) > 1 else "".join(kept)
    notes = query.notes + ((f"{carried} kept from the previous question",) if kept else ())
    return query.with_(areas=areas, unknown_places=unknown, crime_types=crime_types, share_of=share_of,
                       measure=measure, periods=periods, change=change, rank=rank, extra=extra, notes=notes,
                       out_of_scope=_unique(out_of_scope),
                       passage_cues=query.passage_cues or context.passage_cues, is_followup=True)


# ---------------------------------------------------------------- shared pieces


def _finish(query: Query, read: _Read) -> Query:
    """Default the measure to offences when the question is about table figures, then name the intent."""
    measure = query.measure
    about_table = query.crime_types or ((query.change or query.rank) and query.areas)
    if measure is None and about_table and not (read.non_table and not query.crime_types):
        measure = OFFENCES
    if query.rank is not None:
        intent = "rank"
    elif query.share_of:
        intent = "share"
    elif len(query.areas) > 1 or len(query.crime_types) > 1:
        intent = "compare"
    elif query.change:
        intent = "change"
    else:
        intent = "lookup"
    return query.with_(measure=measure, intent=intent)


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))
