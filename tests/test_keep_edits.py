"""A changed article under a briefing edited by hand: said by ingest and check, shown by
`briefbook diff`, and taken with `ingest --keep-edits` for the fields nobody edited."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from briefbook import store
from briefbook.check import check
from briefbook.cli import main

# A short article written for this test (invented).
ARTICLE = """\
Daejeon lab opens a public quantum computing course

DAEJEON, May 6 (Lab Wire) -- A state research lab in Daejeon opened a free course on quantum \
computing for high school teachers on Tuesday, the lab said.

"Teachers asked us how to explain qubits without equations, so we built the course around that," \
lab director Han Seo-yeon told reporters.

The first class of 40 teachers will finish the course in July.
"""
ADDED = "\nThe lab plans a second course for university students in the autumn.\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, timeout=60)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project in Git with one article, its briefing corrected by hand and committed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "lab.txt").write_text(ARTICLE, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "test@example.org")
    _git(tmp_path, "config", "user.name", "Test")
    assert main(["ingest", "--quiet", "--no-cache"]) == 0
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "generated")
    (briefing,) = (tmp_path / "briefings").glob("*.md")
    text = briefing.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^summary: .*$", "summary: Teachers learn quantum computing without equations.", text, count=1)
    briefing.write_text(text, encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "summary corrected by hand")
    return tmp_path


def _briefing(root: Path) -> Path:
    (path,) = (root / "briefings").glob("*.md")
    return path


def test_ingest_and_check_say_that_the_article_changed_under_an_edited_briefing(project, capsys):
    article = project / "seeds" / "lab.txt"
    assert main(["ingest"]) == 0
    assert "changed" not in capsys.readouterr().err  # unchanged article: the one routine note
    article.write_text(ARTICLE + ADDED, encoding="utf-8")
    assert main(["ingest"]) == 0
    err = capsys.readouterr().err
    name = f"briefings/{_briefing(project).name}"
    assert f"skipped: {name}: edited by hand, and its article seeds/lab.txt changed since" in err
    assert f"`briefbook diff {name}`" in err and "--keep-edits" in err

    result = check(["briefings"], None, cache_file=None)
    (problem,) = result.problems
    assert str(problem).startswith(f"{name}:") and "source.sha256: the article seeds/lab.txt changed" in str(problem)


def test_diff_shows_what_the_new_extraction_would_change(project, capsys):
    (project / "seeds" / "lab.txt").write_text(ARTICLE + ADDED, encoding="utf-8")
    name = f"briefings/{_briefing(project).name}"
    assert main(["diff"]) == 1  # by default: the briefings whose article changed
    out, err = capsys.readouterr()
    assert out.startswith(f"--- {name} (as it is)\n+++ {name} (extracted again from seeds/lab.txt)\n")
    assert "+The lab plans a second course" in out
    assert "-summary: Teachers learn quantum computing without equations." in out
    assert err.strip() == "diff: 1 briefing, 1 would change (1 edited by hand)"
    assert main(["diff", "seeds/lab.txt"]) == 1 and main(["diff", name]) == 1
    capsys.readouterr()
    assert main(["diff", "seeds/nothing.txt"]) == 2
    assert "seeds/nothing.txt: neither a briefing in briefings/ nor the article of one" in capsys.readouterr().err


def test_keep_edits_takes_the_new_extraction_for_the_fields_nobody_edited(project, capsys):
    path = _briefing(project)
    before = store.load(path)
    (project / "seeds" / "lab.txt").write_text(ARTICLE + ADDED, encoding="utf-8")
    assert main(["ingest", "seeds/lab.txt", "--keep-edits"]) == 0
    captured = capsys.readouterr()
    assert "ingest: 0 new, 1 updated" in captured.out
    assert "your edits kept in summary" in captured.err
    after = store.load(path)
    text = path.read_text(encoding="utf-8")
    assert store.is_hand_edited(text)  # still the contributor's: the next ingest leaves it alone
    assert after.summary == "Teachers learn quantum computing without equations."
    assert any("second course" in p for p in after.paragraphs) and len(after.paragraphs) == len(before.paragraphs) + 1
    assert after.source.sha256 == hashlib.sha256((ARTICLE + ADDED).encode()).hexdigest()
    assert check(["briefings"], None, cache_file=None).problems == []
    assert main(["ingest"]) == 0
    assert "changed since" not in capsys.readouterr().err and path.read_text(encoding="utf-8") == text
