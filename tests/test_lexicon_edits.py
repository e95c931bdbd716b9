"""A contributor's edit to a word list takes effect: the lists are data, read where they lie.

The package is copied, one YAML file edited as CONTRIBUTING.md tells, and extraction run on the
copy in a fresh process; the sentences are written for this test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

import briefbook

ARTICLE = """Harbour pilots strike over night shifts

LISBON (Ruritania Wire) -- Harbourmaster Marta Quelhas said on Tuesday that the port would stay open through the strike.

"We will keep every berth working," Quelhas told reporters at the quay.
"""



def _briefing(copy_parent: Path, work: Path) -> dict:
    """The briefing ``briefbook ingest`` writes for the article with the package at ``copy_parent``."""
    article, out = work / "lisbon.txt", work / "briefings"
    article.write_text(ARTICLE, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(copy_parent), "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "briefbook.cli", "ingest", str(article), "--briefings", str(out), "--no-registry",
           "--no-cache", "-q"]
    subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=work)
    (made,) = out.glob("*.md")
    return yaml.safe_load(made.read_text(encoding="utf-8").split("---")[1])


def _append_word(path: Path, word: str) -> None:
    """Add a word to a flow list ``[a, b, c]`` as a contributor would, before its closing bracket."""
    text = path.read_text(encoding="utf-8").rstrip()
    assert text.endswith("]")
    path.write_text(text[:-1].rstrip().rstrip(",") + f", {word}\n]\n", encoding="utf-8")


def test_a_role_word_and_an_agency_added_to_their_yaml_files_reach_the_briefing(tmp_path):
    copy = tmp_path / "briefbook"
    shutil.copytree(Path(briefbook.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _briefing(tmp_path, tmp_path)
    assert not before["source"].get("agencies")
    assert all(p.get("role") != "Harbourmaster" for p in before["people"])

    lexicon = copy / "data" / "lexicon" / "en"
    _append_word(lexicon / "roles.yml", "harbourmaster")
    with (lexicon / "agencies.yml").open("a", encoding="utf-8") as f:
        f.write("Ruritania Wire: [ruritania wire service]\n")

    after = _briefing(tmp_path, tmp_path)
    assert {"name": "Marta Quelhas", "role": "Harbourmaster"}.items() <= after["people"][0].items()
    assert after["source"]["agencies"] == ["Ruritania Wire"]
