"""Word lists the extractors share. General English news vocabulary, no article-specific names.

Kept in one place so that a reviewer can read, in one screen, every word that steers a rule.
"""

from __future__ import annotations

from functools import lru_cache

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Lower-cased head nouns of a person's role ("Science Minister", "director of ...", "CEO").
ROLE_HEADS = frozenset(
    """
minister secretary president vice-president director head chief ceo cfo cto coo chair chairman
chairwoman chairperson spokesperson spokesman spokeswoman ambassador envoy governor mayor senator
representative congressman congresswoman lawmaker legislator adviser advisor administrator
commissioner commander general admiral prime premier chancellor king queen prince princess emperor
pope professor researcher scientist analyst economist founder co-founder cofounder owner partner
executive officer official officials manager leader deputy undersecretary under-secretary attorney
judge justice speaker lady first-lady counselor counsellor aide negotiator delegate strategist
engineer editor correspondent columnist reporter author principal dean rector chancellor
superintendent treasurer comptroller inspector marshal sheriff consul attache attaché vice
mp mla mep candidate nominee counsel lawyer barrister solicitor activist businessman businesswoman
philanthropist campaigner coach captain
""".split()
)

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
assistant associate principal special lead national presidential foreign prime
""".split()
)

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

# Honorifics that precede a name but are not a role by themselves.
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame madam hon hon. rev rev. prof prof. engr engr.".split()
)

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

# Verbs that introduce speech (lemmas).
REPORTING_VERBS = frozenset(
    """
say tell add note stress state announce explain write emphasize emphasise ask urge warn claim argue
insist vow pledge express remark comment declare reply respond confirm reiterate suggest propose
predict observe acknowledge admit assert contend describe mention point recall report reveal tweet
post quip caution promise highlight underline underscore signal estimate indicate maintain echo hope
call agree continue
""".split()
)

# Verbs whose clause is reported speech even without quotation marks (for indirect quotes).
INDIRECT_VERBS = frozenset(
    """
say tell add note stress state announce explain emphasize emphasise urge warn claim argue insist vow
pledge express declare confirm reiterate suggest propose predict acknowledge admit assert describe
reveal promise highlight underline underscore estimate indicate maintain
""".split()
)

# Demonyms and country forms found before titles ("U.S. President", "Singaporean Digital Minister").
COUNTRY_FORMS: dict[str, str] = {
    "u.s.": "United States",
    "us": "United States",
    "u.s": "United States",
    "american": "United States",
    "united states": "United States",
    "america": "United States",
    "washington": "United States",
    "the united states": "United States",
    "korea": "South Korea",
    "korean": "South Korea",
    "south korea": "South Korea",
    "south korean": "South Korea",
    "seoul": "South Korea",
    "north korea": "North Korea",
    "north korean": "North Korea",
    "pyongyang": "North Korea",
    "japan": "Japan",
    "japanese": "Japan",
    "tokyo": "Japan",
    "china": "China",
    "chinese": "China",
    "beijing": "China",
    "taiwan": "Taiwan",
    "taiwanese": "Taiwan",
    "india": "India",
    "indian": "India",
    "new delhi": "India",
    "singapore": "Singapore",
    "singaporean": "Singapore",
    "britain": "United Kingdom",
    "british": "United Kingdom",
    "u.k.": "United Kingdom",
    "uk": "United Kingdom",
    "united kingdom": "United Kingdom",
    "london": "United Kingdom",
    "france": "France",
    "french": "France",
    "paris": "France",
    "germany": "Germany",
    "german": "Germany",
    "berlin": "Germany",
    "italy": "Italy",
    "italian": "Italy",
    "spain": "Spain",
    "spanish": "Spain",
    "canada": "Canada",
    "canadian": "Canada",
    "australia": "Australia",
    "australian": "Australia",
    "russia": "Russia",
    "russian": "Russia",
    "moscow": "Russia",
    "ukraine": "Ukraine",
    "ukrainian": "Ukraine",
    "vietnam": "Vietnam",
    "vietnamese": "Vietnam",
    "indonesia": "Indonesia",
    "indonesian": "Indonesia",
    "malaysia": "Malaysia",
    "malaysian": "Malaysia",
    "thailand": "Thailand",
    "thai": "Thailand",
    "philippines": "Philippines",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "mexico": "Mexico",
    "mexican": "Mexico",
    "brazil": "Brazil",
    "brazilian": "Brazil",
    "israel": "Israel",
    "israeli": "Israel",
    "iran": "Iran",
    "iranian": "Iran",
    "saudi": "Saudi Arabia",
    "saudi arabia": "Saudi Arabia",
    "turkey": "Turkey",
    "turkish": "Turkey",
    "eu": "European Union",
    "european": "European Union",
    "european union": "European Union",
    "new zealand": "New Zealand",
    "chile": "Chile",
    "chilean": "Chile",
    "peru": "Peru",
    "peruvian": "Peru",
    "netherlands": "Netherlands",
    "dutch": "Netherlands",
    "sweden": "Sweden",
    "swedish": "Sweden",
    "poland": "Poland",
    "polish": "Poland",
    "egypt": "Egypt",
    "egyptian": "Egypt",
    "nigeria": "Nigeria",
    "nigerian": "Nigeria",
    "south africa": "South Africa",
    "south african": "South Africa",
    "pakistan": "Pakistan",
    "pakistani": "Pakistan",
    "bangladesh": "Bangladesh",
    "uae": "United Arab Emirates",
    "emirati": "United Arab Emirates",
    "qatar": "Qatar",
    "qatari": "Qatar",
}

# News agencies and wire services: credited sources, not actors of the story.
AGENCIES = frozenset(
    {
        "yonhap",
        "ians",
        "afp",
        "ap",
        "reuters",
        "xinhua",
        "kyodo",
        "bloomberg",
        "pti",
        "ani",
        "dpa",
        "efe",
        "ansa",
        "tass",
        "bernama",
        "antara",
        "united press international",
        "upi",
        "associated press",
        "agence france-presse",
        "press trust of india",
        "yonhap news agency",
        "newsis",
        "news1",
    }
)

# Collective speakers kept as such ("the two countries said").
COLLECTIVE_SPEAKER_HEADS = frozenset(
    """
countries nations sides governments leaders ministers officials parties allies partners members
economies companies firms statement
""".split()
)

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her"})

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
