"""Ingest finds in a folder every article file it can read: one list of suffixes (reading.py)."""

from __future__ import annotations

from briefbook.pipeline import discover
from briefbook.reading import SUFFIXES, kind_of


def test_discover_finds_every_suffix_reading_reads(tmp_path):
    for suffix in (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".pdf"):
        (tmp_path / f"a{suffix}").write_text("x", encoding="utf-8")
    found = {p.suffix for p in discover([tmp_path])}
    assert found == {".txt", ".text", ".html", ".htm", ".md", ".markdown"}
    assert all(kind_of(f"a{s}") for s in SUFFIXES)
