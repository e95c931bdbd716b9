"""Review that means something: a flag only where a person should act (issue #22)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefbook.model import Briefing, Organization, Person, Quote, Source
from briefbook.review import Flag, flags


def _briefing(**kw) -> Briefing:
    base = dict(title="Harbour deal signed", date="2024-06-03", location="Valletta", source=Source(), summary=None,
                key_points=[], topics=[], people=[Person("ines-calleja", "Ines Calleja", role="Minister")],
                organizations=[], initiatives=[], quotes=[], events=[], places=[],
                paragraphs=["Ines Calleja signed the harbour deal on Monday.",
                            "Ines Calleja spoke to reporters: “The harbour will be open to every ship by May.”",
                            "Visitors wrote: “Lovely harbour, great food, would come again.”"])
    base.update(kw)
    return Briefing(**base)


def test_a_clean_briefing_has_no_flag():
    assert flags(_briefing()) == []


def test_what_the_site_leaves_out_is_not_a_flag_and_a_missing_date_is():
    b = _briefing(review=["possible organization not listed (never acts as one in the article): Harbour Board",
                          "no publication date found: relative dates could not be resolved"])
    assert flags(b) == [Flag("date", "no publication date found: relative dates could not be resolved")]


def test_a_quote_without_its_speaker_in_a_paragraph_that_names_one_is_flagged_with_its_paragraph():
    quotes = [Quote(text="The harbour will be open to every ship by May.", speaker=None, speaker_name=None,
                    kind="direct", paragraph=2),
              Quote(text="Lovely harbour, great food, would come again.", speaker=None, speaker_name=None,
                    kind="direct", paragraph=3)]
    found = flags(_briefing(quotes=quotes))
    assert len(found) == 1  # the visitors' words name nobody of the article: nothing to settle
    assert found[0].paragraph == 2 and found[0].fact.startswith("quote “The harbour will be open")
    assert "Ines Calleja" in found[0].reason


def test_a_place_that_is_a_person_and_a_name_listed_twice_are_flagged():
    b = _briefing(location="Ines Calleja", organizations=[Organization("ines-calleja", "Ines Calleja")])
    facts = [f.fact for f in flags(b)]
    assert facts == ["place 'Ines Calleja'", "person 'Ines Calleja'"]


def test_briefbook_review_lists_the_flags_in_the_terminal(tmp_path: Path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    text = """---
title: Harbour deal signed
date: null
location: Valletta
source: {file: null, url: null, outlet: null, agencies: [], sha256: null}
summary: null
key_points: []
topics: []
people: []
organizations: []
initiatives: []
quotes: []
events: []
places: []
review: ['no publication date found: relative dates could not be resolved']
---

The harbour deal was signed on Monday.
"""
    (folder / "undated-harbour-deal-signed.md").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "briefbook.cli", "review", "--briefings", str(folder),
                           "--registry", str(tmp_path / "none.yml")], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [f"{folder / 'undated-harbour-deal-signed.md'}: date: no publication date "
                                        "found: relative dates could not be resolved"]
    assert proc.stderr.strip() == "review: 1 of 1 briefings flagged (100 %)"
