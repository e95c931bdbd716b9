"""The sentence splitter: full stops of abbreviations and initials do not end a sentence."""

from __future__ import annotations

import pytest

from briefbook.sentences import sentence_bounds, split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "The talks between President Ana Costa and U.S. Trade Representative Paul Greer ended on Friday.",
        "WASHINGTON, March 3 (Reuters) - The U.S. Senate passed the bill on Tuesday.",
        "Gov. Maria Lopez signed the order, and the U.K. Treasury welcomed it.",
        "Mr. Okafor and Dr. Lee met on Jan. 5 in St. Louis.",
        "J. R. Tolkien's estate sued Acme Co. Ltd. over the film.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_sentences_end_at_a_full_stop_before_a_capital() -> None:
    text = "The vote was close. Turnout rose to 61 percent! Why? Nobody knows."
    assert split_sentences(text) == ["The vote was close.", "Turnout rose to 61 percent!", "Why?", "Nobody knows."]


def test_bounds_cover_the_whole_text() -> None:
    text = "One sentence here. And another one."
    bounds = sentence_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert "".join(text[a:b] for a, b in bounds) == text
