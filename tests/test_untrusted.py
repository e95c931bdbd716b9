"""Untrusted pull requests and articles that fight back (issue #15): each attack, and that it held.

A contributor's briefings, registry edits and articles are built on a maintainer's machine. Each
test plants one attack from the red-team pass in a temporary project and checks that briefbook
refuses it with one line (or bounds it), runs nothing, reads nothing outside the project and
never hangs.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from pathlib import Path

import pytest

from briefbook import check as check_mod
from briefbook import store
from briefbook.check import check, examine
from briefbook.cli import main
from briefbook.model import Briefing, Event, Person, Quote, Source
from briefbook.registry import RegistryError, parse_registry

LINE = re.compile(r"^[^:\n]+:\d+: \S.*$")


def briefing(n: int = 1, **changes: object) -> Briefing:
    """A small valid briefing of our own; ``n`` makes its text and checksum unique."""
    b = Briefing(
        title=f"Flood barrier deal number {n}",
        date="2025-03-04",
        location="Rotterdam",
        source=Source(file=f"articles/flood-{n}.txt", sha256=hashlib.sha256(str(n).encode()).hexdigest()),
        summary="The Netherlands and Vietnam will build flood barriers together.",
        key_points=["Barriers will be built in the Mekong delta."],
        topics=["environment"],
        people=[Person(id="anna-de-vries", name="Anna de Vries", role="Water Minister", mentions=["De Vries"])],
        quotes=[Quote(text="Water knows no borders", speaker="anna-de-vries", speaker_name="Anna de Vries",
                      kind="direct", paragraph=2)],
        events=[Event(date="2025-03-04", text="signed a flood barrier deal", paragraph=1)],
        organizations=[], initiatives=[], places=["Rotterdam"],
        paragraphs=[
            f"ROTTERDAM, March 4 -- The Netherlands and Vietnam signed a deal on Tuesday to build flood "
            f"barriers in the Mekong delta, deal number {n}, Water Minister Anna de Vries said.",
            '"Water knows no borders," De Vries told reporters at the port.',
        ],
    )
    for key, value in changes.items():
        setattr(b, key, value)
    return b


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# 1. A planted cache file runs code


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch PWNED",))


def test_a_planted_pickle_cache_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    write(tmp_path / "briefings", "b1.md", store.render(briefing(1)))
    for name in ("check.pickle", "check.json"):
        (tmp_path / ".briefbook-cache").mkdir(exist_ok=True)
        (tmp_path / ".briefbook-cache" / name).write_bytes(pickle.dumps({"tag": check_mod._cache_tag(),
                                                                          "files": _Boom()}))
    assert main(["check", "briefings", "--registry", "none.yml"]) == 0
    assert not (tmp_path / "PWNED").exists()
    cache = check_mod.default_cache_file(tmp_path)
    assert cache.is_file() and tmp_path / "user-cache" in cache.parents
    json.loads(cache.read_text())  # data, not code


def test_the_cache_is_kept_per_project_outside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    one, two = check_mod.default_cache_file(tmp_path / "a"), check_mod.default_cache_file(tmp_path / "b")
    assert one != two and tmp_path / "a" not in one.parents


def test_a_cache_that_is_not_exactly_ours_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    target = write(folder, "b1.md", store.render(briefing(1, quotes=[])))
    cache = tmp_path / "cache.json"
    assert check([folder], None, cache_file=cache).problems == []
    data = json.loads(cache.read_text())
    key = next(iter(data["files"]))
    # a forged entry that claims a problem-free file, for a file that has one
    target.write_text(target.read_text().replace("paragraph: 1", "paragraph: 9"))
    st = target.stat()
    data["files"][key] = [st.st_size, st.st_mtime_ns, {"problems": "none", "org_refs": [], "sources": [],
                                                        "shingles": None, "signature": None}]
    cache.write_text(json.dumps(data))
    problems = check([folder], None, cache_file=cache).problems
    assert [p.line > 1 and "no paragraph 9" in p.message for p in problems] == [True]


def test_the_cache_gives_the_same_answer_as_a_fresh_check(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    write(folder, "b1.md", store.render(briefing(1)))
    write(folder, "b2.md", store.render(briefing(1)).replace("Flood barrier deal number 1", "Copy"))
    cache = tmp_path / "cache.json"
    fresh = check([folder], None, cache_file=None).problems
    assert fresh  # the same story twice
    assert check([folder], None, cache_file=cache).problems == fresh
    assert check([folder], None, cache_file=cache).problems == fresh  # from the cache


# ---------------------------------------------------------------------------------------------
# 4. YAML alias bombs


def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines)


def test_an_alias_bomb_in_a_briefing_is_refused_with_its_line(tmp_path: Path) -> None:
    text = store.render(briefing(1))
    bomb = "key_points: &kp\n- x\nreview: *kp\n"
    text = text.replace("key_points:\n- Barriers will be built in the Mekong delta.\n", bomb)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "&kp" in ln)
    with pytest.raises(store.BriefingError) as err:
        store.parse(text, "b.md")
    assert err.value.line == line and "aliases" in err.value.message
    problems = examine(text, "b.md").problems
    assert [str(p) for p in problems] == [f"b.md:{line}: {store.ALIAS_MESSAGE}"]


def test_a_billion_laughs_briefing_is_refused_quickly(tmp_path: Path) -> None:
    text = "---\ntitle: Laughs\n" + _bomb() + "\n---\n\nBody.\n"
    folder = tmp_path / "briefings"
    write(folder, "laughs.md", text)
    problems = check([folder], None).problems
    assert len(problems) == 1 and problems[0].line == 3 and "aliases" in problems[0].message


def test_an_alias_bomb_in_the_registry_is_refused_with_its_line() -> None:
    text = ("entities:\n- name: Anna de Vries\n  kind: person\n  aliases: &a [De Vries]\n"
            "- name: Tran Van Minh\n  kind: person\n  aliases: *a\n")
    with pytest.raises(RegistryError) as err:
        parse_registry(text, "registry.yml")
    assert err.value.line == 4 and "aliases" in err.value.message


def test_ampersands_and_stars_in_values_are_not_aliases() -> None:
    b = briefing(1, title="AT&T and *Samsung* sign a deal", summary="R&D: *bold* & more")
    assert store.parse(store.render(b)).title == "AT&T and *Samsung* sign a deal"
    reg = parse_registry("entities:\n- name: AT&T\n  kind: organization\n  description: '*the* carrier'\n")
    assert reg.entries[0].description == "*the* carrier"
