"""The word sets the cleaner and the extractors share, each read from its file in
``data/lexicon/<language>/``: general news vocabulary, no article-specific names.

Each set is read once; the sets made from others (the joiners of a name are function words, the
words that tell a woman include the female honorifics) are computed here, never typed twice.
"""

from __future__ import annotations

from .loader import agencies, by_form, countries, fold, forms_of, groups, subset, words

# Small words that may stand lower-case inside a name, a title or a label.
FUNCTION_WORDS = words("function_words")
# The function words that join capitalised words into one name ("Bank of Korea").
NAME_JOINERS = subset("name_joiners", FUNCTION_WORDS, "function_words.yml")
# The function words inside a person's title read leftwards from the name ("Minister of Science and ICT").
TITLE_CONNECTORS = subset("title_connectors", FUNCTION_WORDS, "function_words.yml")

# The months (January first), their abbreviations and the weekdays (Monday first), in order.
CALENDAR: dict[str, tuple[str, ...]] = {name: tuple(fold(f) for f in forms) for name, forms in forms_of("calendar")}
MONTHS = frozenset(CALENDAR["months"])
MONTH_ABBREVIATIONS = frozenset(CALENDAR["month_abbreviations"])
WEEKDAYS = frozenset(CALENDAR["weekdays"])

# Abbreviations written with a full stop that does not end a sentence ("Gov. Smith", "Jan. 5").
ABBREVIATIONS = words("abbreviations") | MONTH_ABBREVIATIONS

# A person's role: its head nouns ("minister"), the modifiers before them ("senior"), membership.
ROLE_HEADS = words("roles")
ROLE_MODIFIERS = words("role_modifiers")
MEMBER_NOUNS = words("member_nouns")
ROLE_ABBREVIATIONS = words("role_abbreviations")
# Abbreviated titles before a name ("Sen. Rand Paul") and the role word each stands for.
TITLE_ABBREVIATIONS = by_form("title_abbreviations")

# What a capitalised phrase names when it is no person nor organization: works, events, venues.
THING_NOUNS, COMPETITION_HEADS, VENUE_AND_THING_HEADS, FACILITY_NOUNS, INTERFACE_VERBS = (
    words(name) for name in ("thing_nouns", "competition_heads", "venue_heads", "facility_nouns", "interface_verbs")
)

ORG_HEADS = words("org_heads")
# Nouns for a place named after them with "of" ("the town of ...").
PLACE_NOUNS = words("place_nouns")
# Head word of an initiative -> the kind it implies ("accord" -> "agreement").
INITIATIVE_HEADS = by_form("initiative_heads")
GENERIC_INITIATIVE_HEADS = subset("generic_initiative_heads", frozenset(INITIATIVE_HEADS), "initiative_heads.yml")
ADOPTION_VERBS = words("adoption_verbs")
CORPORATE_VERBS = words("corporate_verbs")
COMPANY_WORDS = words("company_words")
PUBLIC_BODY_WORDS = words("public_body_words")

# Speech: verbs (base forms), verb and particle pairs (every written form), nouns, documents.
REPORTING_VERBS = words("speech_verbs")
INDIRECT_VERBS = subset("indirect_speech_verbs", REPORTING_VERBS, "speech_verbs.yml")
PHRASAL_REPORTING = words("speech_phrasal_verbs")
REPORTING_NOUNS = words("speech_nouns")
DOCUMENT_WORDS = words("document_words")
COLLECTIVE_SPEAKER_HEADS = words("collective_speakers")
PRONOUNS = words("pronouns")

# Demonyms and country forms found before titles ("U.S. President", "Singaporean Digital Minister").
COUNTRY_FORMS: dict[str, str] = countries()
COUNTRY_SPELLINGS = subset("country_spellings", frozenset(COUNTRY_FORMS), "countries.yml")

# News agencies and wire services, every form: credited sources, not actors of the story.
AGENCIES = frozenset(agencies())

# Honorifics that precede a name but are not a role by themselves ("Mr.", "Dr.", "Miss").
_HONORIFICS_BY_GENDER = groups("honorifics")
HONORIFICS = frozenset().union(*_HONORIFICS_BY_GENDER.values())
# Words that tell a person's gender: the honorifics of each gender and the role words that tell it.
_GENDER_WORDS = groups("gender_words")
FEMALE_WORDS = _HONORIFICS_BY_GENDER.get("female", frozenset()) | _GENDER_WORDS.get("female", frozenset())
MALE_WORDS = _HONORIFICS_BY_GENDER.get("male", frozenset()) | _GENDER_WORDS.get("male", frozenset())

# Lower-case particles inside a person's name ("von der Leyen") and prefixes glued to a surname ("McCarthy").
_NAME_PARTS = dict(forms_of("name_particles"))
NAME_PARTICLES: tuple[str, ...] = _NAME_PARTS["particles"]
SURNAME_PREFIXES: tuple[str, ...] = _NAME_PARTS["prefixes"]

# The commonest words of the language: an article with few of them is in another language.
COMMON_WORDS = words("common_words")

# Given names (lower case) by gender: "female", "male".
FIRST_NAMES = groups("first_names")

# Every given name the lists know (lower case): the gendered ones and those of given_names.yml.
GIVEN_NAMES = frozenset().union(*FIRST_NAMES.values()) | words("given_names")

# Words that never appear inside a person's name: the weekdays, and the news agencies that are not
# also given names (ANI, EFE: Ani, Efe).
NOT_NAME_WORDS = words("not_name_words") | WEEKDAYS | (AGENCIES - GIVEN_NAMES)

__all__ = sorted(name for name in dir() if name.isupper())  # the sets (`__init__` shares them)
