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


def test_a_folder_named_on_the_command_line_outside_the_project_is_read(tmp_path, monkeypatch):
    # `briefbook ingest ../shared/eval/articles`: the user's own choice, as an absolute path would be
    from briefbook.pipeline import discover_all

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("Headline\n\nBody of the story.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    walk = discover_all(["../elsewhere"], project)
    assert [p.name for p in walk.files] == ["a.txt"] and walk.refused == []
    # a link inside the project that leads out is still refused
    (project / "seeds").symlink_to(elsewhere)
    walk = discover_all(["seeds"], project)
    assert walk.files == [] and "symbolic link" in walk.refused[0][1]
