"""The word lists that are data: each says what it is for, is read once, and fails loudly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from briefbook import lexicon, yamlsafe
from briefbook.cleaning import agency_name
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

FOLDER = resources.files("briefbook").joinpath(f"data/lexicon/{lexicon.LANGUAGE}")
FILES = sorted((f for f in FOLDER.iterdir() if f.name.endswith(".yml")), key=lambda f: f.name)


@pytest.mark.parametrize("f", FILES, ids=lambda f: f.name)
def test_every_word_list_file_says_what_it_is_for_loads_and_is_not_empty(f):
    first = f.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, f.name
    name = f.name.removesuffix(".yml")
    # word lists are sequences, the others map a name to its forms (language.yml: to a setting)
    if name == "language":
        assert lexicon.spacy_model()
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
    from briefbook.cleaning import _person_like
    from briefbook.extract.people import _NAME_TOKEN

    assert _person_like("Ursula von der Leyen") and _NAME_TOKEN.match("der")
    assert _NAME_TOKEN.match("McCarthy") and not _person_like("Jane and the Roe")
