"""The word lists that are data: each says what it is for, is read once, and fails loudly."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

from briefbook import lexicon, yamlsafe
from briefbook.lexicon import (
    AGENCIES,
    COUNTRY_FORMS,
    FUNCTION_WORDS,
    NAME_JOINERS,
    TITLE_CONNECTORS,
    LexiconError,
    index_forms,
    parse_forms,
    parse_words,
)
from briefbook.text_cleaner import agency_name

FOLDER = resources.files("briefbook").joinpath(f"data/lexicon/{lexicon.LANGUAGE}")
FILES = sorted((f for f in FOLDER.iterdir() if f.name.endswith(".yml")), key=lambda f: f.name)


@pytest.mark.parametrize("f", FILES, ids=lambda f: f.name)
def test_every_word_list_file_says_what_it_is_for_loads_and_is_not_empty(f):
    first = f.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, f.name
    name = f.name.removesuffix(".yml")
    # word lists are sequences, the others map a name to its forms (language.yml: to a setting;
    # known_people.yml: a list of entries)
    if name == "language":
        assert lexicon.spacy_model()
    elif name == "known_people":  # entries, not words
        assert lexicon.records(name, ("name",), ("surname", "role", "country"))
    elif isinstance(yamlsafe.load(f.read_text(encoding="utf-8")), list):
        assert lexicon.words(name)
    else:
        assert lexicon.forms_of(name) and any(forms for _, forms in lexicon.forms_of(name))


def test_every_word_list_file_is_read_by_some_module():
    """No dead lists: each file's name is read somewhere in the package's code."""
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(lexicon.__file__).parents[1].rglob("*.py")
    )
    unread = [f.name for f in FILES if not any(f"{q}{f.name.removesuffix('.yml')}{q}" in code for q in "'\"")]
    assert not unread


def test_the_cleaner_and_the_extractor_know_the_same_agencies():
    assert set(lexicon.agencies()) == AGENCIES
    assert all(agency_name(form) for form in AGENCIES)
    assert agency_name("Anadolu Agency") == "Anadolu" and "anadolu agency" in AGENCIES


def test_country_forms_come_from_the_countries_list():
    assert COUNTRY_FORMS["singaporean"] == "Singapore" and COUNTRY_FORMS["u.s."] == "United States"
    assert set(COUNTRY_FORMS.values()) == {name for name, _ in lexicon.forms_of("countries")}


def test_narrower_word_sets_are_parts_of_the_one_function_word_set():
    assert NAME_JOINERS < FUNCTION_WORDS and TITLE_CONNECTORS < FUNCTION_WORDS
    assert "to" not in NAME_JOINERS  # "Hipcricket to Augme Technologies" is two names


@pytest.mark.parametrize(
    "text",
    ["- just a list", "AP: associated press", "AP: [1, 2]", "'': [x]"],
)
def test_a_malformed_list_is_an_error_not_fewer_matches(text):
    with pytest.raises(LexiconError):
        parse_forms(text, "agencies.yml")


def test_a_form_claimed_by_two_names_is_an_error():
    pairs = parse_forms("AP: [associated press]\nAPA: [Associated  Press]\n")
    with pytest.raises(LexiconError, match="both 'AP' and 'APA'"):
        index_forms(pairs, include_name=True)
    assert index_forms(parse_forms("AP: [Associated Press]\nUPI:\n"), include_name=True) == {
        "ap": "AP", "associated press": "AP", "upi": "UPI"
    }


def test_a_word_list_is_folded_and_refuses_what_yaml_reads_as_no_word():
    assert parse_words("[Subscribe  Now, share]") == {"subscribe now", "share"}
    for text in ["[subscribe, on]", "[1]", "{a: b}", "[]"]:
        with pytest.raises(LexiconError):
            parse_words(text)


def test_the_rules_read_the_word_lists():
    from briefbook.lexicon import HONORIFICS, ROLE_HEADS

    assert {"minister", "ceo"} <= ROLE_HEADS and {"dr.", "mrs"} <= HONORIFICS
    assert lexicon.words("roles") == ROLE_HEADS


def test_the_byline_reader_and_the_extractor_read_one_list_of_name_particles():
    from briefbook.extract.people import _NAME_TOKEN
    from briefbook.text_cleaner import _person_like

    assert _person_like("Ursula von der Leyen") and _NAME_TOKEN.match("der")
    assert _NAME_TOKEN.match("McCarthy") and not _person_like("Jane and the Roe")


# ------------------------------------------------------------------ no word lists left in code

_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z'’.\- ]*")
_REGEX_WORD = re.compile(r"[A-Za-z][A-Za-z'’ ]*|[A-Za-z]+(?:\\s[+*][A-Za-z]+)+")
_REGEX_GROUP = re.compile(r"\((?:\?:|\?P<\w+>)?([^()]*)\)")
_MIN_WORDS = 5

# Literal collections of five words or more that stay in code, by (module, first element), each
# with why. Everything else that is a fact about the world or the language is a list under
# data/lexicon/<language>/, read through briefbook.lexicon.
_ALLOWED_IN_CODE = {
    # the program's own names: fields, tables, commands, files, outcomes, reasons, column headings
    ("check.py", "problems"), ("cli.py", "ingest"), ("commands/export.py", "briefings"),
    ("curation/__init__.py", "ApplyError"), ("docsfiles.py", "about.md"), ("fingerprint.py", "reading.py"),
    ("pipeline.py", "new"), ("sqlite_export.py", "people"), ("web/collect.py", "new"),
    ("site/pages.py", "Date"), ("site/pages.py", "Name"), ("site/pages.py", "Role"),
    ("text_cleaner.py", "photo gallery"),  # the cleaner's own reasons for a cut
    # HTML tag and attribute names, and shortcode names (markup, not language)
    ("docsfiles.py", "script"), ("html_reader.py", "script"), ("html_layout.py", "table"), ("html_layout.py", "width"),
    ("text_cleaner.py", "button"),
    # spaCy's entity labels and part-of-speech tags
    ("extract/organizations.py", "GPE"), ("extract/people.py", "GPE"), ("extract/people.py", "JJ"), ("extract/quotes.py", "DATE"),
    # small grammar-token sets a rule's logic depends on (determiners, prepositions, auxiliaries,
    # modals, the connectors of a date line)
    ("extract/organizations.py", "the"), ("extract/organizations.py", "of"), ("extract/people.py", "the"),
    ("extract/speakers.py", "a"), ("text_cleaner.py", "may"), ("text_cleaner.py", "is"), ("text_cleaner.py", ","),
    # the modifiers of the date rules, which each rule reads back to decide the date ("last" or
    # "next" week, "the end of" a month): the rule's logic, not a list to extend
    ("dates.py", "end"), ("dates.py", "in"), ("dates.py", "early"), ("dates.py", "last"), ("dates.py", "the"),
    ("dates.py", "previous"), ("dates.py", "earlier"), ("dates.py", "over"), ("dates.py", "now"),
}


def _literal_word_lists(source: str) -> list[tuple[int, str, int]]:
    """Literal collections of words in a module: set, tuple and list displays and ``"...".split()``
    of five strings or more that look like words, and regular-expression groups of five
    alternatives or more that are words. Each as (line, first element, how many)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        items = None
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        ):
            items = [e.value for e in node.elts]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            items = node.func.value.value.split()
        elif isinstance(node, ast.Call) and len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and "\n" in node.args[0].value:
            items = node.args[0].value.split()  # a helper splitting a block of words
            items = items if all(_WORDLIKE.fullmatch(w) for w in items) else None
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for m in _REGEX_GROUP.finditer(node.value):
                alternatives = m.group(1).split("|")
                if sum(bool(_REGEX_WORD.fullmatch(a)) for a in alternatives) >= _MIN_WORDS:
                    found.append((node.lineno, alternatives[0], len(alternatives)))
        if items and len(items) >= _MIN_WORDS and sum(bool(_WORDLIKE.fullmatch(w)) for w in items) >= _MIN_WORDS:
            found.append((node.lineno, items[0], len(items)))
    return found


def test_no_word_list_is_left_in_code():
    """A new literal list of words fails here: make it a file under data/lexicon/<language>/ (or,
    if it is the program's own names or a rule's grammar, add it to the allow-list with why)."""
    root = Path(lexicon.__file__).parents[1]
    found = [
        f"{rel}:{line}: {first!r} and {n - 1} more"
        for path in sorted(root.rglob("*.py"))
        for rel in [path.relative_to(root).as_posix()]
        for line, first, n in _literal_word_lists(path.read_text(encoding="utf-8"))
        if (rel, first) not in _ALLOWED_IN_CODE
    ]
    assert not found, "word lists in code:\n" + "\n".join(found)


def test_the_literal_list_scan_finds_what_it_should():
    sample = (
        'A = {"alpha", "beta", "gamma", "delta", "epsilon"}\n'
        'B = frozenset("one two three four five".split())\n'
        'C = r"^(?:read|more|see|also|watch)\\s*:$"\n'
        'D = ("a", "b")\n'
    )
    found = sorted(first for _, first, _ in _literal_word_lists(sample))
    assert found == ["alpha", "one", "read"]
