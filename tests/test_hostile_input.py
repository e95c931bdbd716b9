"""Inputs that fight back: each gets one clear line (or a review flag), the rest of the run goes
through, nothing already written is damaged, and article text never becomes live markup."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest

from briefbook import store
from briefbook.check import check
from briefbook.cli import main
from briefbook.corpus_files import load_corpus
from briefbook.pipeline import ingest
from briefbook.site.pages import generate_pages

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
GOOD = (
    "Busan and Seattle agree on a green shipping corridor\n\n"
    "BUSAN, May 2, 2024 -- The ports of Busan and Seattle agreed on Thursday to build a green shipping "
    "corridor for container ships running on ammonia and methanol, Oceans Minister Kang Do-hyung said.\n\n"
    '"Clean ships need clean ports at both ends," Kang told reporters after the signing.\n'
)
CP1252 = (
    "Caf\u00e9 talks on chips end with a \u201cframework\u201d\n\n"
    "SEOUL, June 9, 2025 \u2014 Trade officials from South Korea and the United States met at a caf\u00e9 "
    "in Seoul on Monday and agreed on a \u201cframework\u201d for chip export controls, the trade "
    "ministry said.\n\n"
    "The officials\u2019 next meeting is due in Washington in September, the ministry said.\n"
)
EUC_KR = (
    "Seoul and Washington discuss a satellite data pact\n\n"
    "SEOUL, July 1, 2025 -- Science Minister Bae Kyung-hoon (\ubc30\uacbd\ud6c8) met NASA officials in Seoul "
    "on Tuesday to discuss sharing satellite data, the Ministry of Science and ICT "
    "(\uacfc\ud559\uae30\uc220\uc815\ubcf4\ud1b5\uc2e0\ubd80) said.\n\n"
    "The two sides agreed to meet again in October, the ministry (\ubbf8\ub798\ubd80) said in a statement.\n"
)


def undetectable_bytes() -> bytes:
    """English words between stray high bytes: no encoding makes sense of it."""
    rng = random.Random(7)

    def piece() -> bytes:
        return rng.choice([b"the ", b"minister ", b"said ", bytes([rng.randint(0x80, 0xFF)]),
                           bytes([rng.randint(0x80, 0xFF)])])

    return b"".join(piece() for _ in range(400))


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input next to one good article; returns file name -> expected error text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_text(" \n\t\n   \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "undetectable.txt").write_bytes(undetectable_bytes())
    with (folder / "huge.txt").open("w") as fh:  # 50 MB of text
        line = "South Korea and the United States agreed on Monday to share more research data. " * 12 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (folder / "no-text.html").write_text("<html><head><script>var a = 1;</script></head><body>  </body></html>")
    return {
        "empty.txt": "file is empty",
        "whitespace.txt": "file contains only whitespace",
        "binary.txt": "binary file",
        "undetectable.txt": "not UTF-8 and the encoding could not be detected",
        "huge.txt": "file is too large (50.0 MB",
        "no-text.html": "no article text",
    }


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One ingest of good articles first, then a second run with every hostile input added."""
    tmp = tmp_path_factory.mktemp("hostile")
    articles, out = tmp / "articles", tmp / "briefings"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD)
    first = ingest([articles], out, root=tmp)
    assert first.count("new") == 1
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    expected = write_bad_inputs(articles)
    (articles / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (articles / "euc-kr.txt").write_bytes(EUC_KR.encode("euc-kr"))
    for name in ("hostile.html", "markup.txt", "nodate.txt"):
        shutil.copy(HOSTILE / name, articles / name)
    report = ingest([articles], out, root=tmp)
    return tmp, out, report, before, expected


def by_source(out: Path) -> dict[str, store.Briefing]:
    return {Path(b.source.file).name: b for b in (store.load(p) for p in sorted(out.glob("*.md")))}


def test_each_bad_file_fails_alone_with_one_line(hostile_run):
    _, _, report, _, expected = hostile_run
    failed = {Path(o.path).name: o.message for o in report.outcomes if o.status == "failed"}
    assert set(failed) == set(expected)
    for name, text in expected.items():
        assert "\n" not in failed[name] and name in failed[name] and text in failed[name], failed[name]
    assert {o.status for o in report.outcomes if Path(o.path).name not in expected} <= {"new", "unchanged"}
    assert report.count("new") == 5


def test_nothing_already_written_is_damaged(hostile_run):
    _, out, _, before, _ = hostile_run
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert not list(out.glob(".*.tmp"))
    assert check([out], None, cache_file=None).problems == []


def test_text_in_other_encodings_is_decoded_and_flagged(hostile_run):
    _, out, _, _, _ = hostile_run
    briefings = by_source(out)
    cp = briefings["cp1252.txt"]
    assert "caf\u00e9" in " ".join(cp.paragraphs) and "\u201cframework\u201d" in " ".join(cp.paragraphs)
    assert any("read as cp1252" in r for r in cp.review)
    kr = briefings["euc-kr.txt"]
    assert "\uacfc\ud559\uae30\uc220\uc815\ubcf4\ud1b5\uc2e0\ubd80" in " ".join(kr.paragraphs)
    assert any("not UTF-8" in r for r in kr.review)
    assert briefings["good.txt"].review == []


def test_article_without_a_date_is_flagged_and_listed_for_review(hostile_run):
    _, out, _, _, _ = hostile_run
    undated = by_source(out)["nodate.txt"]
    assert undated.date is None and any("no publication date" in r for r in undated.review)
    page = generate_pages(load_corpus(out))["review.md"].body
    assert "Research agencies plan a joint satellite study" in page
    assert "no publication date found" in page


def test_markup_in_article_text_stays_text(hostile_run):
    _, out, _, _, _ = hostile_run
    b = by_source(out)["markup.txt"]
    body = "\n".join(b.paragraphs)
    assert b.title == "Ministers trade notes on open-source AI models"
    for literal in ("{{ config.secret }}", "{% for x in range(10) %}loop{% endfor %}", '<b onclick="steal()">',
                    '**"Open by default"**', "# This line starts with a hash", "title: Not the real title"):
        assert literal in body, literal
    assert "intruder" not in {p.id for p in b.people}
    path = next(p for p in out.glob("*.md") if store.load(p).source.file.endswith("markup.txt"))
    meta, _, _ = store.split(path.read_text())
    assert meta["title"] == b.title and not store.is_hand_edited(path.read_text())


def test_scripts_and_handlers_of_an_html_page_do_not_reach_the_briefing(hostile_run):
    _, out, _, _, _ = hostile_run
    b = by_source(out)["hostile.html"]
    body = "\n".join(b.paragraphs)
    assert "joint quantum computing laboratory" in body
    assert "PWNED-inline-script" not in body and "document.write" not in body
    for attr in ("onerror", "onload", "onmouseover", "onclick=\"alert", "<iframe", "<svg"):
        assert attr not in body, attr
    assert '<script>alert("PWNED-escaped")</script>' in body  # written as text in the article: kept as text


def test_cli_reports_bad_files_on_stderr_one_line_each(tmp_path, capsys):
    articles = tmp_path / "in"
    expected = write_bad_inputs(articles)
    (articles / "good.txt").write_text(GOOD)
    code = main(["ingest", str(articles), "--out", str(tmp_path / "out"), "--no-registry", "-q"])
    captured = capsys.readouterr()
    assert code == 1
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(errors) == len(expected)
    assert "1 new" in captured.out and f"{len(expected)} failed" in captured.out


@pytest.mark.parametrize(
    ("text", "line_no"),
    [
        ("---\ntitle: Edited by hand\ndate: 2025-02-30\nlocation: Seoul\n---\n\nA paragraph.\n", 3),
        ("---\ntitle: Edited by hand\n  date: [2025\n---\n\nA paragraph.\n", 3),
        ("---\ntitle: Edited by hand\nquotes:\n- text: We agreed.\n---\n\nWe agreed, she said.\n", 4),
    ],
)
def test_broken_frontmatter_check_and_site_build_say_the_same(tmp_path, capsys, text, line_no):
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "edited.md").write_text(text)
    assert main(["check", str(folder), "--no-cache", "--registry", str(tmp_path / "none.yml")]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{folder / 'edited.md'}:{line_no}: ")
    proc = build_site(tmp_path / "build", folder, check=False)
    assert proc.returncode != 0
    assert line in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout


# --------------------------------------------------------------------------- runs that collide or die


def distinct_articles(folder: Path, n: int) -> None:
    """``n`` short articles of our own that share no story (so none is merged into another)."""
    cities = ["Daejeon", "Incheon", "Ulsan", "Suwon", "Gwangju", "Jeonju", "Pohang", "Sejong", "Changwon",
              "Gangneung", "Mokpo", "Yeosu", "Andong", "Chuncheon", "Gimhae", "Cheongju"]
    things = ["battery recycling", "flood sensors", "quantum links", "rail signalling", "tidal turbines",
              "drone corridors", "soil mapping", "weather balloons", "bridge inspection", "fish farming",
              "air filters", "seed banks", "glacier radar", "sign language software", "bus charging",
              "forest fires"]
    people = ["Jang Min-ho", "Seo Yeon-ju", "Oh Tae-seok", "Yoon Ha-eun", "Kwon Do-yun", "Shin Ye-rin",
              "Hwang Jun-seo", "Ahn So-yeon", "Moon Ji-hoon", "Song Da-bin", "Ryu Seung-woo", "Nam Eun-chae",
              "Baek Si-woo", "Heo Yu-na", "Kwak Min-jae", "Cha Seo-ah"]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        c, t, p = cities[i], things[i], people[i]
        (folder / f"a{i:02d}.txt").write_text(
            f"{c} tests {t}\n\n"
            f"{c.upper()}, March {i + 1}, 2026 -- Engineers in {c} began a {i + 2}-month trial of {t} on "
            f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][i % 5]}, city official {p} said.\n\n"
            f'"{t.capitalize()} could change how {c} works," {p} told a local radio station.\n\n'
            f"The trial costs {(i + 3) * 110} million won and is paid for by the {c} city council, "
            f"which will decide on a wider roll-out after {2027 + i % 3}.\n"
        )


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefbook.cli", *args]


def test_two_runs_at_once_take_turns(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    distinct_articles(articles, 4)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    procs = [subprocess.Popen(cli("ingest", str(articles), "--out", str(out), "--no-registry", "-q"),
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    summaries = sorted(out_text.strip().splitlines()[-1] for out_text, _ in results)
    assert summaries == ["ingest: 0 new, 0 updated, 4 unchanged, 0 skipped, 0 failed",
                         "ingest: 4 new, 0 updated, 0 unchanged, 0 skipped, 0 failed"]
    files = sorted(out.glob("*.md"))
    assert len(files) == 4
    assert sorted(store.load(f).source.file for f in files) == [f"in/a{i:02d}.txt" for i in range(4)]


def test_a_run_killed_halfway_leaves_only_whole_briefings(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    distinct_articles(articles, 16)
    proc = subprocess.Popen(cli("ingest", str(articles), "--out", str(out), "--no-registry", "-q"), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None and not list(out.glob("*.md")):
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    written = sorted(out.glob("*.md"))
    assert proc.returncode == -signal.SIGKILL and 1 <= len(written) < 16
    for path in written:
        store.load(path)  # every briefing present parses
    assert check([out], None, cache_file=None).problems == []
    # a temporary file from a write that was cut short is invisible, then cleaned up
    (out / ".2026-03-01-x.md.abc123.tmp").write_text("---\ntitle: half")
    assert ingest([articles], out, root=tmp_path).count("failed") == 0
    assert len(list(out.glob("*.md"))) == 16 and not list(out.glob(".*.tmp"))


# --------------------------------------------------------------------------- the built site


def build_site(tmp: Path, briefings: Path, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` with the project's mkdocs.yml, pointed at other briefings."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {tmp / 'site'}\n"
        f"plugins:\n  - search\n  - briefbook:\n      briefings: {briefings}\n      registry: {ROOT / 'tests' / 'fixtures' / 'seed_corpus' / 'registry.yml'}\n"
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          capture_output=True, text=True, cwd=tmp, env=env, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def tag_counts(path: Path) -> dict[str, int]:
    doc = lxml.html.fromstring(path.read_bytes())
    return {tag: len(doc.findall(f".//{tag}")) for tag in ("form", "input", "img", "iframe", "object", "embed")}


@pytest.mark.slow
def test_hostile_article_is_inert_in_the_built_site(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "briefings"
    articles.mkdir()
    for name in ("hostile.html", "markup.txt"):
        shutil.copy(HOSTILE / name, articles / name)
    assert ingest([articles], out, root=tmp_path).count("new") == 2
    build_site(tmp_path / "build", out)
    site = tmp_path / "build" / "site"
    pages = sorted(site.rglob("*.html"))
    briefing_pages = [p for p in pages if "/briefings/" in p.as_posix() and p.parent.name != "briefings"]
    assert len(briefing_pages) == 2
    chrome = tag_counts(site / "about" / "index.html")  # the theme's own forms and inputs (search)
    for path in briefing_pages:
        counts = tag_counts(path)
        assert all(counts[tag] <= chrome[tag] for tag in counts), (path, counts, chrome)
    for path in pages:
        doc = lxml.html.fromstring(path.read_bytes())
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag not in ("iframe", "object", "embed"), f"{path}: <{el.tag}>"
            if el.tag == "script":
                assert "PWNED" not in (el.text or "") and "alert(" not in (el.text or ""), path
                assert "PWNED" not in el.get("src", ""), path
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), f"{path}: <{el.tag} {name}>"
                assert "PWNED" not in value and "steal()" not in value, f"{path}: <{el.tag} {name}={value!r}>"
                assert not re.match(r"\s*javascript:", value, re.I), f"{path}: <{el.tag} {name}={value!r}>"
            if el.tag in ("b", "div", "svg", "img") and el.text and ("annex" in el.text or "div written" in el.text):
                raise AssertionError(f"{path}: article markup became a <{el.tag}> element")
    markup_page = next(p for p in briefing_pages if "open-source" in p.as_posix())
    text = lxml.html.fromstring(markup_page.read_bytes()).text_content()
    for literal in ("{{ config.secret }}", "{% for x in range(10) %}loop{% endfor %}", '<b onclick="steal()">see annex</b>',
                    '<div onmouseover="alert(1)">A div written into the text</div>', '**"Open by default"**'):
        assert literal in text, literal
    hostile_page = next(p for p in briefing_pages if "quantum" in p.as_posix())
    text = lxml.html.fromstring(hostile_page.read_bytes()).text_content()
    assert '<script>alert("PWNED-escaped")</script>' in text
    assert "[a link](javascript:alert('PWNED-md'))" in text
