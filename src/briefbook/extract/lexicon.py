"""Word lists the extractors share. General English news vocabulary, no article-specific names.

Kept in one place so that a reviewer can read, in one screen, every word that steers a rule.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon_data import FUNCTION_WORDS as FUNCTION_WORDS  # one set for every rule
from ..lexicon_data import agencies, countries, forms_of, words

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Lower-cased head nouns of a person's role ("Science Minister", "director of ...", "CEO"):
# ``data/lexicon/roles.yml``.
ROLE_HEADS = words("roles")

# Abbreviations written with a full stop that does not end a sentence ("U.S. President", "Gov.
# Smith", "Jan. 5"); single capital initials ("J. Smith", "U.S.") are recognised by their shape.
ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof st jr sr gen gov sen rep lt col capt cmdr sgt maj adm hon rev mt ft inc corp co ltd
no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)

# Nouns for things that a name right after them names ("the film Wild Rose", "their work Starry
# Night", "the app Voice Pal"): a capitalised pair there is no person.
THING_NOUNS = frozenset(
    """
work painting film movie song album single book novel play musical game app device phone console edition
model series show programme program brand bar restaurant cafe hotel park building ship car product
platform service feature mode festival exhibition award prize
rover lander rocket spacecraft satellite telescope vehicle stage
""".split()
)

# Last words of the names of competitions and festivals, which are events, not organizations
# ("Davis Cup Final", "Celtic Connections Festival").
COMPETITION_HEADS = frozenset(
    "final finals semifinal semifinals championship championships tournament cup games olympics "
    "marathon grand-prix festival playoffs show expo fair medley".split()
)

# Last words of the names of venues and of things that are not organizations ("PNC Music
# Pavilion", "Stamford Bridge", "Kospi Index", "Ultimate Collector Series").
VENUE_AND_THING_HEADS = frozenset(
    "pavilion arena stadium bridge theater theatre amphitheatre amphitheater ballpark field fields park "
    "square index composite average series edition collection".split()
)

# Facilities and sub-units: in the plural ("Intensive Care Units") a kind of thing, not a name.
FACILITY_NOUNS = frozenset("unit ward clinic hospital school station centre center office department".split())

# Verbs of page furniture that stand before a name ("Email Jane Roe at ...", "Follow Jane Roe").
INTERFACE_VERBS = frozenset("email e-mail follow contact call watch read listen subscribe share like visit join".split())

# Modifiers that may start a pre-nominal title ("senior presidential secretary").
ROLE_MODIFIERS = frozenset(
    """
senior junior deputy vice acting former chief first second top interim executive managing general
assistant associate principal special lead national presidential foreign prime ranking
""".split()
)

# Nouns of membership that make a title with a modifier ("Ranking Member", "Senior Fellow") but are
# too common to stand for a role on their own ("one member of the Browns' defense").
MEMBER_NOUNS = frozenset("member fellow trustee".split())

# Words that never appear inside a person's name.
NOT_NAME_WORDS = frozenset(
    """
ai ict it ministry ministerial meeting summit committee council office department agency university
group inc corp co ltd company bank fund forum conference agreement deal act program programme
initiative policy policies the a an of and for on in at to by with from cm pm ceo cfo president
minister secretary director chairman chair mr mrs ms dr prof says said according news agency daily
times post today street road avenue complex square hall center centre province district city county
state states kingdom republic north south east west monday tuesday wednesday thursday friday
saturday sunday january february march april june july august september october november december
update updated published photo getty images reuters yonhap democrats republicans ians afp ap xinhua
bloomberg open app read also related stories disclaimer
""".split()
)

# Honorifics that precede a name but are not a role by themselves: ``data/lexicon/honorifics.yml``.
_HONORIFICS_BY_GENDER = {gender: frozenset(f.casefold() for f in forms) for gender, forms in forms_of("honorifics")}
HONORIFICS = frozenset().union(*_HONORIFICS_BY_GENDER.values())

# Head words that make a proper-noun phrase an organization.
ORG_HEADS = frozenset(
    """
ministry department office agency administration bank commission organization organisation
association chamber institute institution university college school corporation corp corp. inc inc.
ltd ltd. llc plc group company co co. electronics motor motors foundation fund union bureau service
services authority partnership cooperation federation party parliament assembly congress senate
court reserve board centre center laboratory laboratories lab labs secretariat alliance coalition
network house technologies technology telecom communications holdings industries airlines airline
systems energy capital ventures labs media broadcasting times post journal exchange council guard
force forces army navy police
studio studios
inspectorate
""".split()
)

# Head words that make a proper-noun phrase an initiative, and the kind they imply.
INITIATIVE_HEADS: dict[str, str] = {
    "deal": "agreement",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "pact": "agreement",
    "treaty": "agreement",
    "memorandum": "agreement",
    "mou": "agreement",
    "declaration": "statement",
    "statement": "statement",
    "communique": "statement",
    "initiative": "initiative",
    "program": "program",
    "programme": "program",
    "project": "project",
    "mission": "project",
    "plan": "strategy",
    "strategy": "strategy",
    "roadmap": "strategy",
    "framework": "initiative",
    "principles": "initiative",
    "charter": "initiative",
    "summit": "summit",
    "meeting": "meeting",
    "meetings": "meeting",
    "conference": "meeting",
    "dialogue": "meeting",
    "talks": "meeting",
    "session": "meeting",
    "ministerial": "meeting",
    "forum": "forum",
    "committee": "committee",
    "commission": "committee",
    "task": "committee",
    "act": "law",
    "law": "law",
    "bill": "law",
    "order": "order",
    "directive": "order",
    "regulation": "law",
    "ordinance": "law",
}

# Heads that stay generic unless the phrase has a proper-noun modifier ("a summit").
GENERIC_INITIATIVE_HEADS = frozenset(
    {
        "meeting",
        "meetings",
        "talks",
        "session",
        "conference",
        "summit",
        "forum",
        "plan",
        "program",
        "project",
        "statement",
    }
)

# What organizations do and products, places and works do not ("Acme signed a deal"): a name that
# is the subject of one of these is acting as an organization (past and present forms).
CORPORATE_VERBS = frozenset(
    """announced announces reported reports hired hires employs employed acquired acquires bought buys sold
    sells sued sues agreed agrees signed signs invested invests merged partnered pledged filed files fired
    raised raises beat defeated apologized apologised declined declines denied denies purchased purchases
    owns owned""".split()
)

# Verbs that introduce speech (lemmas).
REPORTING_VERBS = frozenset(
    """
say tell add note stress state announce explain write emphasize emphasise ask urge warn claim argue
insist vow pledge express remark comment declare reply respond confirm reiterate suggest propose
predict observe acknowledge admit assert contend describe mention point recall report reveal tweet
post quip caution promise highlight underline underscore signal estimate indicate maintain echo hope
call agree continue clarify concede counter retort complain lament allege demand exclaim
testify assure boast joke recount insist scoff shout whisper conclude plead beg brag muse reflect
yell scream sigh laugh interject charge opine exhort
""".split()
)

# Verb and particle pairs that introduce speech ("shot back", "weighed in"), every written form.
PHRASAL_REPORTING = frozenset(
    form for name, forms in forms_of("speech_phrasal_verbs") for form in (name, *forms)
)

# Nouns that report speech when someone's name is their possessor ("the minister's remark that "...").
REPORTING_NOUNS = frozenset(
    """
remark remarks comment comments words statement statements warning warnings claim claims pledge
promise assertion message tweet post letter speech testimony plea response reply answer admission
argument vow insistence
""".split()
)

# Documents that "say" what their author said ("the statement said"): the author is the speaker.
DOCUMENT_WORDS = frozenset(
    "statement release letter report post tweet filing announcement communique memo notice".split()
)

# Verbs whose clause is reported speech even without quotation marks: only saying and telling
# ("X said (that) ...", "X told reporters ..."); "X proposed", "X stressed" narrate, they do not quote.
INDIRECT_VERBS = frozenset("say tell add".split())

# The function words that join capitalised words into one name ("Bank of Korea", "Banco de España"):
# fewer than FUNCTION_WORDS, since "to", "at" or "with" would join two names into one
# ("Hipcricket to Augme Technologies", "Center ... at the University of Washington").
NAME_JOINERS = FUNCTION_WORDS & {"of", "and", "for", "on", "&", "the", "de", "a"}

# The function words inside a person's title read leftwards from the name ("Minister of Science and
# ICT", "head of AI in Asia").
TITLE_CONNECTORS = FUNCTION_WORDS & {"of", "and", "for", "on", "&", "in"}

# Demonyms and country forms found before titles ("U.S. President", "Singaporean Digital Minister"):
# ``data/lexicon/countries.yml``.
COUNTRY_FORMS: dict[str, str] = countries()

# Forms of a country's name that the list of places writes as the country: "the U.S." and
# "America" are one place (other places keep the article's spelling).
COUNTRY_SPELLINGS = frozenset({"u.s.", "us", "united states", "america", "uk", "u.k.", "britain"})

# Abbreviated titles: a capitalised phrase holding one is a person's role, not an organization
# ("CM Yogi", "PM Modi", "CEO Jane Roe").
ROLE_ABBREVIATIONS = frozenset({"cm", "pm", "ceo"})

# News agencies and wire services: credited sources, not actors of the story. Every form of
# ``data/lexicon/agencies.yml``, the list the cleaner reads datelines with.
AGENCIES = frozenset(agencies())

# Collective speakers kept as such ("the two countries said").
COLLECTIVE_SPEAKER_HEADS = frozenset(
    """
countries nations sides governments leaders ministers officials parties allies partners members
economies companies firms statement
""".split()
)

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her"})

# Abbreviated titles before a name ("Sen. Rand Paul") and the role word each stands for.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "lt.": "lieutenant",
    "gen.": "general",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "cmdr.": "commander",
    "adm.": "admiral",
    "prof.": "professor",
    "supt.": "superintendent",
    "insp.": "inspector",
    "det.": "detective",
    "atty.": "attorney",
    "amb.": "ambassador",
    "pres.": "president",
}

# Words that tell a person's gender where the article gives it ("Ms Reding", "the spokeswoman"),
# so that "he said" is never given to a woman nor "she said" to a man.
# The honorifics of each gender (honorifics.yml) and the titles and role words that tell it too.
FEMALE_WORDS = _HONORIFICS_BY_GENDER.get("female", frozenset()) | frozenset(
    """
lady queen princess duchess empress spokeswoman chairwoman congresswoman businesswoman councilwoman
sister mother actress assemblywoman
""".split()
)
MALE_WORDS = _HONORIFICS_BY_GENDER.get("male", frozenset()) | frozenset(
    """
king prince duke emperor spokesman congressman businessman councilman brother father assemblyman
""".split()
)

# Descriptions that stand for an organization of the article ("the company said"): heads that
# name a business, and heads that name a public body (never a business).
COMPANY_WORDS = frozenset(
    """
company firm group giant maker carmaker automaker chipmaker drugmaker retailer lender insurer
startup start-up conglomerate manufacturer operator airline carrier developer
""".split()
)
PUBLIC_BODY_WORDS = frozenset(
    """
ministry department government agency commission parliament assembly congress senate court council
police army navy office authority administration party union university committee board municipality
""".split()
)

# Irregular past forms of the verbs above; regular forms are derived by `verb_base`.
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "thought": "think",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "signed": "sign",
    "began": "begin",
    "begun": "begin",
    "held": "hold",
    "met": "meet",
    "sought": "seek",
    "drew": "draw",
    "drawn": "draw",
    "put": "put",
    "set": "set",
    "led": "lead",
    "won": "win",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "went": "go",
    "gone": "go",
    "came": "come",
    "reached": "reach",
    "inked": "ink",
    "adopted": "adopt",
}


@lru_cache(maxsize=8192)
def verb_base(word: str) -> str:
    """The base form of a verb ("said" -> "say", "stressed" -> "stress", "noting" -> "note").

    A small stand-in for spaCy's lemmatizer, which the pipeline leaves out for speed: every rule
    that reads a verb compares it against the word lists of this module.
    """
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    known = _KNOWN_VERBS
    if w in known:
        return w
    candidates = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates += [w[:-2], w[:-1]]
    if w.endswith("s"):
        candidates.append(w[:-1])
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e", w[:-4] if len(w) > 5 and w[-4] == w[-5] else w[:-3]]
    for c in candidates:
        if c in known:
            return c
    return w


_KNOWN_VERBS = (
    REPORTING_VERBS
    | INDIRECT_VERBS
    | frozenset(
        "adopt sign announce issue release unveil launch conclude reach endorse approve pass enact establish agree "
        "ink finalize finalise".split()
    )
)
