"""Initiatives on general news: each rule specified by sentences written for these tests."""

from __future__ import annotations

from briefbook.extract.initiatives import find_initiatives
from briefbook.extract.nlp import parse


def initiatives_of(*paragraphs: str) -> dict[str, str]:
    return {i.name: i.kind for i in find_initiatives(parse(list(paragraphs)), set())}


def test_names_given_as_examples_of_schemes_are_programmes():
    found = initiatives_of(
        "The minister said the state failed to run flagship schemes such as the Jal Shakti Abhiyan and "
        "Kisan Samman Nidhi."
    )
    assert found == {"Jal Shakti Abhiyan": "program", "Kisan Samman Nidhi": "program"}


def test_a_list_after_like_ends_at_the_first_lower_case_word():
    found = initiatives_of("It backs programmes like Clean Water Now, Green Schools and the Safe Roads Fund in rural areas.")
    assert set(found) == {"Clean Water Now", "Green Schools", "Safe Roads Fund"}


def test_no_names_after_such_as_means_no_initiative():
    assert initiatives_of("Projects such as these were cut from the budget.") == {}
