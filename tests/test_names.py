"""`names`: one answer to "is this acronym that name" for extraction and curation alike."""

from __future__ import annotations

import pytest

from briefbook.extract.spans import initials_match
from briefbook.names import expands, korean_name, org_core, romanization_key


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("MSIT", "Ministry of Science and ICT"),  # an all-capitals word gives several letters
        ("OSTP", "Office of Science and Technology Policy"),
        ("ITA", "The International Trade Administration"),
        ("KAIST", "Korea Advanced Institute of Science and Technology"),
    ],
)
def test_extraction_and_curation_agree_yes(short, long):
    assert initials_match(short, long)
    assert expands(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("NYAG", "New York State Attorney General"),  # "State" gives no letter
        ("AI", "Artificial Intelligence Safety Institute"),
        ("WHO", "World Trade Organization"),
    ],
)
def test_extraction_and_curation_agree_no(short, long):
    assert not initials_match(short, long)
    assert not expands(short, long)


def test_leading_words_only_curation_leaves_out():
    """Curation pairs "OSTP" with "White House Office of ..."; extraction keeps a phrase whole."""
    long = "White House Office of Science and Technology Policy"
    assert expands("OSTP", long)
    assert not initials_match("OSTP", long)
    assert not initials_match("AI", "Basic Act on the Development of Artificial Intelligence")


def test_korean_names_and_qualifiers():
    assert korean_name("Sang-bu Kim") == korean_name("Kim Sang-bu")
    assert korean_name("John Smith") is None
    assert romanization_key("Kyung-hoon") == romanization_key("Gyung-hun")
    assert org_core("Washington's Office of Science and Technology Policy") == (
        "Office of Science and Technology Policy"
    )
    assert org_core("the Korean Ministry of Science and ICT") == "Ministry of Science and ICT"


def test_one_acronym_shape_and_a_capitalised_word_is_none():
    from briefbook.names import is_acronym

    assert all(is_acronym(w) for w in ("OSTP", "KAIST", "AT&T", "CNDD-FDD", "U.S."))
    assert not any(is_acronym(w) for w in ("Seoul", "Kim", "A", "ABCDEFGHIJK"))
