"""Untrusted pull requests and articles that fight back (issues #15 and #24): each attack, and that it held.

A contributor's briefings, registry edits and articles are built on a maintainer's machine. Each
test plants one attack from the red-team passes in a temporary project and checks that briefbook
refuses it with one line (or bounds it), runs nothing, reads nothing outside the project and
never hangs. Costs are measured by counting work (`calls`: the functions a step calls, at two
sizes), not seconds; the few limits that only a clock can see are marked `speed` (`make bench`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_check import write  # one helper for writing a briefing file in a test folder

from briefbook import budgets, store
from briefbook import check as check_mod
from briefbook.check import check, examine
from briefbook.cli import main
from briefbook.model import Briefing, Event, Person, Quote, Source
from briefbook.pipeline import LockTimeout, folder_lock, ingest
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


# ---------------------------------------------------------------------------------------------
# 5. Articles that make ingest crawl


def test_long_paragraphs_are_split_after_a_sentence_and_keep_every_word() -> None:
    sentence = "The delegation from Hanoi toured the new flood gates near Rotterdam on Tuesday. "
    text = (sentence * 80).strip()
    pieces = budgets.split_paragraph(text)
    assert len(pieces) > 1 and all(len(p) <= budgets.MAX_PARAGRAPH_CHARS for p in pieces)
    assert all(p.endswith("Tuesday.") for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_a_paragraph_without_spaces_is_cut_anyway() -> None:
    pieces = budgets.bounded_paragraphs(['"' * 50_000, "A normal paragraph stays as it is."])
    assert pieces[-1] == "A normal paragraph stays as it is."
    assert all(len(p) <= budgets.MAX_PARAGRAPH_CHARS for p in pieces)
    assert all(len(run) <= budgets.MAX_RUN_CHARS for p in pieces for run in p.split())
    assert "".join("".join(pieces[:-1]).split()) == '"' * 50_000


def test_ordinary_web_addresses_and_words_are_not_broken() -> None:
    text = "Read it at https://www.example.org/reports/2025/flood-barriers-mekong-delta-final.pdf today."
    assert budgets.bounded_paragraphs([text]) == [text]


def test_punctuation_runs_are_not_prose_but_sentences_are() -> None:
    assert not budgets.is_prose('",",",",",",",",",",",",",",",",",",",",",",",","')
    assert not budgets.is_prose("((((((((((((((((((((((((( .......... )))))))))))")
    assert budgets.is_prose('"We will," said Kim, the port director, on Monday.')


def calls(fn: Callable[[], object], built_ins: set[str] | None = None) -> int:
    """How many functions (Python and built-in) ``fn`` calls: its work counted, not timed, so that a
    loaded machine cannot fail a test and a fast one cannot hide a quadratic loop. ``built_ins``
    collects the names of the built-in functions called (one of them can be linear by itself)."""
    count = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
        if event == "c_call" and built_ins is not None:
            built_ins.add(getattr(arg, "__qualname__", ""))

    sys.setprofile(hook)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def test_the_said_pattern_is_linear_in_the_paragraph() -> None:
    from briefbook.extract.nlp import parse
    from briefbook.extract.quotes import find_quotes

    def work(n: int) -> int:
        docs = parse(['"We will," said Kim, ' * n])
        found: list[object] = []
        done = calls(lambda: found.extend(find_quotes(docs)))
        assert len(found) == n
        return done

    work(5)  # first use: spaCy's lazy set-up is not the pattern's work
    small, large = work(100), work(800)
    # cubic was 512 times the work for 8 times the text (minutes before the fix); linear is 8 times
    assert large < 10 * small, (small, large)


def _slow_build(*args: object, **kwargs: object) -> None:
    while True:  # an article that never finishes (a stand-in for a pattern gone quadratic)
        sum(range(1000))


def test_an_article_over_its_time_budget_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.extract import article

    real = article.build_briefing

    def build(clean, source, *rest):  # type: ignore[no-untyped-def]
        if "stall" in str(source.file):
            _slow_build()
        return real(clean, source, *rest)

    monkeypatch.setattr(article, "build_briefing", build)
    src = tmp_path / "articles"
    write(src, "stall.txt", "Port talks stall\n\n" + briefing(1).paragraphs[0] + "\n")
    write(src, "good.txt", "Port talks go on\n\n" + briefing(2).paragraphs[0] + "\n")
    report = ingest([src], tmp_path / "out", seconds=1.0)  # returns at all: the endless article was stopped
    status = {Path(o.path).name: o for o in report.outcomes}
    assert status["good.txt"].status == "new"
    assert status["stall.txt"].status == "failed"
    assert "gave up after 1 s" in (status["stall.txt"].message or "")


@pytest.mark.speed
def test_the_adversarial_articles_are_done_or_failed_within_budget(tmp_path: Path) -> None:
    """A small version of `make bench`'s adversarial step: 20 kB each, 2 s per 100 kB, at least 1 s."""
    from tools.bench.adversarial import PIECES, article

    warm = write(tmp_path / "warm", "a.txt", ARTICLE)
    ingest([warm], tmp_path / "warm-out")  # spaCy's model is loaded once, before the clock starts
    for name, piece in PIECES:
        path = write(tmp_path / "articles", f"{name}.txt", article(piece, 20_000))
        start = time.perf_counter()
        report = ingest([path], tmp_path / "out" / name, seconds=1.0)
        took = time.perf_counter() - start
        assert report.outcomes[0].status in ("new", "failed"), report.outcomes[0]
        assert took < 1.0 + 2.0, (name, took)  # the signal lands between two Python steps


# ---------------------------------------------------------------------------------------------
# 6. Workers that outlive their parent; a lock that is waited for silently


def test_a_held_lock_is_named_and_given_up_on(tmp_path: Path) -> None:
    import fcntl

    folder = tmp_path / "briefings"
    folder.mkdir()
    with open(folder / ".briefbook.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write("424242\n")
        fh.flush()
        said: list[str] = []
        with pytest.raises(LockTimeout) as err, folder_lock(folder, wait=0.5, say=said.append):
            pass
    assert len(said) == 1 and "process 424242" in said[0]
    assert "process 424242" in str(err.value) and "0.5 s" in str(err.value)
    with folder_lock(folder, wait=0.5):  # released: taken at once
        assert (folder / ".briefbook.lock").read_text().strip() == str(os.getpid())


def test_the_cli_reports_a_lock_timeout_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import fcntl

    out = tmp_path / "briefings"
    out.mkdir()
    write(tmp_path / "articles", "a.txt", "Port talks\n\n" + briefing(1).paragraphs[0] + "\n")
    with open(out / ".briefbook.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        code = main(["ingest", str(tmp_path / "articles"), "--out", str(out), "--lock-wait", "0.3",
                     "--no-registry"])
    err = capsys.readouterr().err
    assert code == 2 and "still held by" in err and "Traceback" not in err


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.add(int(stat.parent.name))
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux")
def test_workers_die_with_a_killed_parent_and_free_the_lock(tmp_path: Path) -> None:
    src = tmp_path / "articles"
    for n in range(6):
        write(src, f"a{n}.txt", f"Port talks {n}\n\n" + briefing(n).paragraphs[0] + "\n")
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from briefbook.extract import article\n"
        "def stall(*a, **k):\n"
        "    while True: pass\n"
        "article.build_briefing = stall\n"
        "from briefbook.pipeline import ingest\n"
        f"ingest([{str(src)!r}], {str(out)!r}, jobs=2, seconds=None)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        time.sleep(1.0)  # the workers are in the endless build now
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]
        said: list[str] = []
        with folder_lock(out, wait=5, say=said.append):
            pass
        assert said == []  # free at once: nobody held it, nobody was waited for
    finally:
        if proc.poll() is None:
            proc.kill()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


# ---------------------------------------------------------------------------------------------
# 3. One briefing that makes the build quadratic


def _crowd(n: int) -> Briefing:
    """A briefing naming ``n`` different engineers, ten to a paragraph, one event per paragraph."""
    people = [Person(id=f"engineer-{i}-visser", name=f"Engineer{i} Visser", role="engineer") for i in range(n)]
    lines = [f"{p.name} inspected the flood gate on Tuesday." for p in people]
    paragraphs = [" ".join(lines[i : i + 10]) for i in range(0, n, 10)]
    events = [Event(date="2025-03-04", text="inspected the flood gates", paragraph=k + 1)
              for k in range(len(paragraphs))]
    return briefing(1, people=people, paragraphs=paragraphs, events=events, quotes=[])


def _built_size(folder: Path) -> int:
    from briefbook.corpus_files import load_corpus
    from briefbook.site.export import generate_files
    from briefbook.site.pages import generate_pages

    corpus = load_corpus(folder, None)
    pages = generate_pages(corpus)
    files = generate_files(corpus, site_url=None, directory_urls=True, site_name="t")
    return sum(len(p.body) for p in pages.values()) + sum(len(v) for v in files.values())


def test_a_briefing_over_the_limits_is_refused_by_check_and_build(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    path = write(folder, "crowd.md", store.render(_crowd(budgets.MAX_ITEMS["people"] + 1)))
    line = next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if ln == "people:")
    problems = check([folder], None).problems
    assert [str(p) for p in problems] == [f"{path}:{line}: people: 301 items, the limit is 300"]
    from briefbook.corpus_files import load_corpus

    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert (err.value.line, err.value.message) == (line, "people: 301 items, the limit is 300")


def test_an_oversized_briefing_is_refused_without_being_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    text = store.render(briefing(1)) + ("More text about the gates. " * 40_000) + "\n"
    write(folder, "huge.md", text)
    problems = check([folder], None).problems
    assert len(problems) == 1 and problems[0].line == 1 and "too large" in problems[0].message


def test_a_long_field_is_refused_with_its_line(tmp_path: Path) -> None:
    text = store.render(briefing(1, summary="Flood. " * 4_000))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("summary:"))
    assert [(p.line, p.message) for p in examine(text, "b.md").problems] == [
        (line, "summary: 28,000 characters, the limit is 20,000")]


def test_the_build_grows_linearly_with_the_people_of_a_briefing(tmp_path: Path) -> None:
    sizes = []
    for n in (100, 300):
        folder = tmp_path / str(n)
        write(folder, "crowd.md", store.render(_crowd(n)))
        sizes.append(_built_size(folder))
    # every pair connected made it 9 times larger for 3 times the people; linear is 3 times
    assert sizes[1] < 4 * sizes[0], sizes


# ---------------------------------------------------------------------------------------------
# 7 and 9. What check refuses, the build refuses: no markup from a date, no traceback


WRONG_FIELDS = [
    ("summary: The Netherlands", "summary: {a: 1}", "summary:"),
    ("topics:\n- environment", "topics:\n- 123", "- 123"),
    ("  name: Anna de Vries", "  name: 123", "name: 123"),
    ("- date: '2025-03-04'\n  text: signed", "- date: tomorrow\n  text: signed", "date: tomorrow"),
    ("text: signed a flood barrier deal", "text: 5", "text: 5"),
    ("  paragraph: 2", "  paragraph: '2'", "paragraph: '2'"),
    ("- date: '2025-03-04'\n  text: signed", "- date: '\"><!--'\n  text: signed", "date: '\"><!--'"),
    ("- date: '2025-03-04'\n  text: signed", "- date: '\"><s>X'\n  text: signed", "date: '\"><s>X'"),
]


@pytest.mark.parametrize(("old", "new", "needle"), WRONG_FIELDS)
def test_a_wrong_typed_field_stops_the_build_with_the_line_check_gives(
        tmp_path: Path, old: str, new: str, needle: str) -> None:
    from briefbook.corpus_files import load_corpus

    text = store.render(briefing(1))
    assert old in text, old
    text = text.replace(old, new, 1)
    folder = tmp_path / "briefings"
    path = write(folder, "b.md", text)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)
    problems = check([folder], None).problems
    assert problems and problems[0].line == line
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert str(err.value) == str(problems[0]) == f"{path}:{problems[0].line}: {problems[0].message}"


def test_dates_and_month_labels_are_escaped_even_past_validation() -> None:
    from briefbook.corpus import build_corpus
    from briefbook.site import pages as pages_mod

    bad = [Event(date='"><s>X', text="a planted event", paragraph=1)]
    many = [Event(date=f"2025-0{1 + k % 9}-01", text=f"event {k}", paragraph=1) for k in range(2_100)]
    corpus = build_corpus([("a", briefing(1, events=bad + many))])
    pages = pages_mod.generate_pages(corpus)
    for uri, page in pages.items():
        assert "<s>" not in page.body, uri
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from briefbook.site.generated import GeneratedPage

    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": "."})
    config.validate()
    for uri, page in pages.items():
        if not uri.startswith("timeline/"):
            continue
        file = File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
        gp = GeneratedPage(file, config, page)
        gp.read_source(config)
        gp.render(config, Files([]))
        for item in gp.toc:
            for child in item.children:
                assert '"' not in child.url and "<" not in child.url, child.url


# ---------------------------------------------------------------------------------------------
# 8. Two pages on one address


def test_index_and_index_page_are_two_pages() -> None:
    from briefbook.corpus import build_corpus
    from briefbook.site import paths
    from briefbook.site.pages import generate_pages

    people = [Person(id="index", name="Index"), Person(id="index-page", name="Index Page")]
    corpus = build_corpus([("index", briefing(1, people=people, quotes=[])),
                           ("index-page", briefing(2, quotes=[]))])
    pages = generate_pages(corpus)
    uris = {paths.briefing("index"), paths.briefing("index-page"),
            paths.entity(paths.Ref("person", "index")), paths.entity(paths.Ref("person", "index-page"))}
    assert len(uris) == 4 and uris <= set(pages)
    assert not any(u.endswith("/index.md") for u in uris)  # none takes a folder's index page
    assert "Index Page" in pages[paths.entity(paths.Ref("person", "index-page"))].body


def test_two_entities_on_one_page_are_an_error_naming_both(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.corpus import build_corpus
    from briefbook.site import paths
    from briefbook.site.pages import PageCollision, generate_pages

    monkeypatch.setattr(paths, "_leaf", lambda name: "same")  # any future mapping that is not one-to-one
    people = [Person(id="anna-de-vries", name="Anna de Vries"), Person(id="tran-van-minh", name="Tran Van Minh")]
    corpus = build_corpus([("b1", briefing(1, people=people, quotes=[]))])
    with pytest.raises(PageCollision) as err:
        generate_pages(corpus)
    assert "person 'anna-de-vries'" in str(err.value) and "person 'tran-van-minh'" in str(err.value)
    assert "would both be the page" in str(err.value)


# ---------------------------------------------------------------------------------------------
# 2. Links out of the project


ARTICLE = "Port talks go on\n\n" + "ROTTERDAM, March 4 -- Port officials from Vietnam met on Tuesday, the ministry said.\n"


def test_an_article_linked_out_of_the_project_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path / "home", "creds.txt", "Secret token\n\nThe token is SECRET-TOKEN-42, said the admin.\n")
    project = tmp_path / "project"
    seeds = project / "seeds"
    write(seeds, "good.txt", ARTICLE)
    (seeds / "article.txt").symlink_to(secret)
    monkeypatch.chdir(project)
    report = ingest(["seeds"], "briefings")
    status = {Path(o.path).name: o for o in report.outcomes}
    assert status["good.txt"].status == "new"
    assert status["article.txt"].status == "failed"
    assert "outside the project" in (status["article.txt"].message or "")
    assert not any("SECRET-TOKEN" in p.read_text() for p in (project / "briefings").glob("*.md"))
    named = ingest([str(seeds / "article.txt")], "briefings")  # named on the command line: the user's choice
    assert named.outcomes[0].status == "new"


def test_a_briefing_linked_out_of_the_project_is_refused_by_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.corpus_files import load_corpus

    outside = write(tmp_path / "elsewhere", "x.md", store.render(briefing(7, summary="SECRET-TOKEN-42")))
    project = tmp_path / "project"
    folder = project / "briefings"
    write(folder, "b1.md", store.render(briefing(1)))
    (folder / "x.md").symlink_to(outside)
    monkeypatch.chdir(project)
    problems = check(["briefings"], None).problems
    assert len(problems) == 1 and problems[0].path.endswith("x.md") and "outside the project" in problems[0].message
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None, roots=[project])
    assert err.value.path.endswith("x.md") and "outside the project" in err.value.message


def test_a_link_inside_the_project_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    real = write(project / "archive", "a.txt", ARTICLE)
    (project / "seeds").mkdir()
    (project / "seeds" / "a.txt").symlink_to(real)
    monkeypatch.chdir(project)
    assert [o.status for o in ingest(["seeds"], "briefings").outcomes] == ["new"]


# ---------------------------------------------------------------------------------------------
# 9 and 11. No traceback from the file system; nothing that hangs


def test_a_fifo_an_unreadable_folder_and_a_link_loop_are_each_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from briefbook import fsguard

    seeds = tmp_path / "seeds"
    write(seeds, "good.txt", ARTICLE)
    os.mkfifo(seeds / "pipe.txt")
    write(seeds / "locked", "hidden.txt", ARTICLE)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):  # type: ignore[no-untyped-def]
        # what os.walk does with a folder it may not list (a test run as root could list it)
        for here, dirs, names in real_walk(top, onerror=onerror, followlinks=followlinks):
            if Path(here).name == "locked":
                onerror(PermissionError(errno.EACCES, "Permission denied", here))
                dirs[:], names[:] = [], []
                continue
            yield here, dirs, names

    monkeypatch.setattr(fsguard.os, "walk", walk)
    monkeypatch.chdir(tmp_path)
    code = main(["ingest", "seeds", str(seeds / "pipe.txt"), "loop.txt", "--out", "out", "--no-registry"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "pipe.txt: not a regular file" in err
    assert "locked: cannot read the folder: Permission denied" in err
    assert "loop.txt: a link that leads nowhere" in err
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_a_read_only_output_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from briefbook import pipeline

    write(tmp_path / "seeds", "good.txt", ARTICLE)
    out = tmp_path / "out"

    def read_only(folder: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder / ".briefbook.lock"))

    monkeypatch.setattr(pipeline, "folder_lock", read_only)
    code = main(["ingest", str(tmp_path / "seeds"), "--out", str(out), "--no-registry"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.strip().endswith(f"{out / '.briefbook.lock'}: Permission denied")


def test_a_full_disk_fails_the_briefing_not_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    write(tmp_path / "seeds", "good.txt", ARTICLE)

    def full(path: object, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store, "write_atomic", full)
    report = ingest([tmp_path / "seeds"], tmp_path / "out")
    assert report.outcomes[0].status == "failed"
    assert "No space left on device" in (report.outcomes[0].message or "")


# ---------------------------------------------------------------------------------------------
# 10. Names in other scripts


def test_names_in_other_scripts_keep_distinct_readable_ids() -> None:
    from briefbook.ids import name_key, slugify

    names = ["김민지", "김민수", "이재명", "Москва", "Ελλάδα", "Łukasz Nowak"]
    ids = [slugify(n) for n in names]
    assert ids == ["gimminji", "gimminsu", "ijaemyeong", "moskva", "ellada", "lukasz-nowak"]
    assert len({name_key(n) for n in names}) == len(names)
    assert slugify("Lee Jae-myung") == "lee-jae-myung" and slugify("José Álvarez") == "jose-alvarez"


def test_two_hangul_registry_entries_are_two_entries_and_two_pages() -> None:
    from briefbook.corpus import build_corpus
    from briefbook.site import paths
    from briefbook.site.pages import generate_pages

    reg = parse_registry("entities:\n- name: 김민지\n  kind: person\n- name: 이재명\n  kind: person\n")
    assert [e.id for e in reg.entries] == ["gimminji", "ijaemyeong"]
    people = [Person(id="kim-min-ji", name="김민지"), Person(id="lee", name="이재명")]
    corpus = build_corpus([("b1", briefing(1, people=people, quotes=[]))], reg)
    pages = generate_pages(corpus)
    for ref, name in ((paths.Ref("person", "gimminji"), "김민지"), (paths.Ref("person", "ijaemyeong"), "이재명")):
        assert name in pages[paths.entity(ref)].body


# ---------------------------------------------------------------------------------------------
# 11. Smaller: file modes, a killed build's temporary folder


def test_written_files_follow_the_umask_or_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        store.write_atomic(new, "text\n")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "registry.yml"
        kept.write_text("entities: []\n")
        kept.chmod(0o664)
        store.write_atomic(kept, "entities: []\n# edited\n")
        assert kept.stat().st_mode & 0o777 == 0o664
        os.umask(0o077)
        private = tmp_path / "private.md"
        store.write_atomic(private, "text\n")
        assert private.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_a_killed_builds_spool_is_removed_by_the_next_build(tmp_path: Path) -> None:
    from briefbook.site import plugin

    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(proc.stdout)  # a process that has exited
    orphan = tmp_path / f"{plugin.SPOOL_PREFIX}{dead}-abc"
    write(orphan, "api__entities.json", "{}")
    mine = tmp_path / f"{plugin.SPOOL_PREFIX}{os.getpid()}-def"
    mine.mkdir()
    other = tmp_path / "unrelated"
    other.mkdir()
    plugin._remove_orphan_spools(tmp_path)
    assert not orphan.exists() and mine.exists() and other.exists()


def test_ingest_does_not_write_a_briefing_check_would_refuse(tmp_path: Path) -> None:
    lines = [f"Engineer{i} Visser of the port authority inspected gate {i} on Tuesday, the ministry said."
             for i in range(budgets.MAX_PARAGRAPHS + 5)]
    path = write(tmp_path / "articles", "long.txt", "Gates inspected\n\n" + "\n\n".join(lines) + "\n")
    report = ingest([path], tmp_path / "out", seconds=None)
    assert report.outcomes[0].status == "failed"
    assert "over the limit" in (report.outcomes[0].message or "")
    assert not list((tmp_path / "out").glob("*.md"))


def test_over_limits_names_each_limit() -> None:
    ok = {"title": "t", "people": [{}] * 3}
    assert budgets.over_limits(ok, ["p"], 100) is None
    assert "people" in (budgets.over_limits({"people": [{}] * 301}, [], 100) or "")
    assert "MB" in (budgets.over_limits(ok, [], budgets.MAX_BRIEFING_BYTES + 1) or "")
    assert "paragraphs" in (budgets.over_limits(ok, ["p"] * (budgets.MAX_PARAGRAPHS + 1), 100) or "")
    assert "characters" in (budgets.over_limits({"quotes": [{"text": "x" * 20_001}]}, [], 100) or "")


def test_acronyms_after_lower_case_words_are_found_in_linear_time() -> None:
    from briefbook.extract.organizations import _lower_defined

    text = "Talks with the national assembly (NA) and the Port Authority (PA) went on. "
    assert _lower_defined(text) == {"NA"}
    assert _lower_defined("the port will open soon and " * 40 + "x (NB)") == {"NB"}
    assert _lower_defined("the bay (NA) " * 80) == {"NA"}


@pytest.mark.speed
def test_acronyms_after_lower_case_words_are_found_within_a_second() -> None:
    from briefbook.extract.organizations import _lower_defined

    long_text = "the port will open soon and " * 4_000 + "x (NB)"
    start = time.perf_counter()
    assert _lower_defined(long_text) == {"NB"}
    assert _lower_defined("the bay (NA) " * 8_000) == {"NA"}
    assert time.perf_counter() - start < 1.0  # the regex it replaces took minutes on such text (inside one C call) (a speed test: make bench)


def test_the_tense_of_a_long_sentence_is_read_in_linear_time() -> None:
    from briefbook.dates import sentence_tense

    def work(repeats: int) -> int:
        full = "the port opened and the minister visited and the crews worked " * repeats
        full += "and the report will be published"
        answer: list[str | None] = []
        done = calls(lambda: answer.append(sentence_tense(full, len(full) - 3)))
        assert answer == ["future"]  # "published" after "be" is not past
        return done

    small, large = work(100), work(800)  # 800: 50,000 characters
    assert large < 10 * small, (small, large)  # a look-back per past cue over the whole sentence: 64 times


@pytest.mark.speed
def test_the_tense_of_a_long_sentence_is_read_within_a_second() -> None:
    from briefbook.dates import sentence_tense

    sentence = "the port opened and the minister visited and the crews worked " * 800  # 50,000 characters
    start = time.perf_counter()
    full = sentence + "and the report will be published"
    assert sentence_tense(full, len(full) - 3) == "future"
    assert time.perf_counter() - start < 1.0  # a speed test: make bench runs it, make test does not


# ---------------------------------------------------------------------------------------------
# Round 3 (issue #24). 6 and 12: YAML nested deep, keys given twice


def _deep_flow(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize("levels", [1_000, 30_000])
def test_yaml_nested_thousands_deep_is_one_line_for_a_briefing(tmp_path: Path, levels: int) -> None:
    from briefbook.corpus_files import load_corpus

    text = store.render(briefing(1)).replace("summary: The Netherlands", "topics_extra: " + _deep_flow(levels)
                                             + "\nsummary: The Netherlands", 1)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("topics_extra:"))
    folder = tmp_path / "briefings"
    path = write(folder, "deep.md", text)
    problems = check([folder], None).problems  # in-process: a segfault would end the test run
    assert [(p.line, "nested more than" in p.message) for p in problems] == [(line, True)]
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert str(err.value) == str(problems[0]) and err.value.path == str(path)


@pytest.mark.parametrize("levels", [1_000, 30_000])
def test_yaml_nested_thousands_deep_is_one_line_for_the_registry(levels: int) -> None:
    for nested in (_deep_flow(levels), "\n" + "".join("- " * levels) + "x"):
        text = "entities:\n- name: Anna de Vries\n  kind: person\n  aliases: " + nested + "\n"
        with pytest.raises(RegistryError) as err:
            parse_registry(text, "registry.yml")
        assert err.value.line in (4, 5) and "nested more than" in err.value.message


def test_the_depth_walk_stops_at_the_limit_so_its_work_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook import yamlsafe

    events: list[int] = []
    real = yamlsafe.yaml.parse

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for n, event in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            events.append(n)
            yield event

    monkeypatch.setattr(yamlsafe.yaml, "parse", counting)
    seen = []
    for levels in (1_000, 30_000):
        events.clear()
        assert yamlsafe.refusal("a: " + _deep_flow(levels)) is not None
        seen.append(len(events))
    assert seen[0] == seen[1] <= yamlsafe.MAX_DEPTH + 5, seen  # the same few events at any depth


def test_a_shallow_text_is_not_walked_at_all() -> None:
    from briefbook import yamlsafe

    assert yamlsafe.depth_bound(store.FRONTMATTER.match(store.render(briefing(1))).group(1)) < yamlsafe.MAX_DEPTH


def test_a_key_given_twice_in_a_briefing_is_an_error_at_the_second(tmp_path: Path) -> None:
    from briefbook.corpus_files import load_corpus

    text = store.render(briefing(1))
    first = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("summary:"))
    text = text.replace("\nsummary: ", "\nsummary: A reviewed summary.\nsummary: ", 1)
    folder = tmp_path / "briefings"
    write(folder, "twice.md", text)
    problems = check([folder], None).problems
    assert [(p.line, p.message) for p in problems] == [
        (first + 1, f"frontmatter is not valid YAML: the key 'summary' is given twice in one mapping "
                    f"(first on line {first}): keep one")]
    with pytest.raises(store.BriefingError):
        load_corpus(folder, None)
    nested = store.render(briefing(1)).replace("  name: Anna de Vries\n", "  name: Anna de Vries\n  name: Anna\n")
    assert "'name' is given twice" in examine(nested, "b.md").problems[0].message


def test_a_key_given_twice_in_the_registry_is_an_error_at_the_second() -> None:
    text = ("entities:\n- name: Anna de Vries\n  kind: person\n  description: Water minister.\n"
            "  description: Someone else entirely.\n")
    with pytest.raises(RegistryError) as err:
        parse_registry(text, "registry.yml")
    assert err.value.line == 5 and "'description' is given twice" in err.value.message
    assert "first on line 4" in err.value.message


# ---------------------------------------------------------------------------------------------
# 1-4. Links committed into the project: the lock, the site, docs/, briefings/ and seeds/


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A project folder with one article and one briefing, and a folder outside it."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    write(project / "seeds", "a.txt", ARTICLE)
    write(project / "briefings", "b1.md", store.render(briefing(1)))
    write(outside, "precious.txt", "keep me\n")
    return project, outside


def test_a_lock_file_linked_out_is_refused_and_its_target_untouched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project, outside = _project(tmp_path)
    monkeypatch.chdir(project)
    (project / "briefings" / ".briefbook.lock").symlink_to(outside / "precious.txt")
    code = main(["ingest", "seeds", "--out", "briefings", "--no-registry"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("briefbook: briefings/.briefbook.lock: is a symbolic link")
    assert (outside / "precious.txt").read_text() == "keep me\n"
    (project / "briefings" / ".briefbook.lock").unlink()
    (project / "briefings" / ".briefbook.lock").symlink_to(outside / "created-by-the-lock")
    assert main(["entities", "--apply", "{name: Anna de Vries, kind: person, aliases: [De Vries]}"]) == 2
    assert not (outside / "created-by-the-lock").exists()
    assert "is a symbolic link" in capsys.readouterr().err


def test_a_lock_path_that_is_a_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    project, _ = _project(tmp_path)
    monkeypatch.chdir(project)
    (project / "briefings" / ".briefbook.lock").mkdir()
    assert main(["entities", "--apply", "{name: Anna de Vries, kind: person, aliases: [De Vries]}"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "briefbook: briefings/.briefbook.lock: is a folder, where the lock file goes: remove it"


def test_entities_apply_on_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    project, _ = _project(tmp_path)
    monkeypatch.chdir(project)

    def full(path: object, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store, "write_atomic", full)
    assert main(["entities", "--apply", "{name: Anna de Vries, kind: person, aliases: [De Vries]}"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "briefbook: registry.yml: No space left on device" and "Traceback" not in err


@pytest.mark.parametrize("folder", ["seeds", "briefings"])
def test_a_seeds_or_briefings_folder_linked_out_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: str) -> None:
    project, outside = _project(tmp_path)
    write(outside / "planted", "x.txt", "Secret plans\n\nSEOUL, March 4 -- The secret SECRET-TOKEN-42 was read, "
                                        "the ministry said.\n")
    write(outside / "planted", "x.md", store.render(briefing(9, summary="SECRET-TOKEN-42")))
    import shutil

    shutil.rmtree(project / folder)
    (project / folder).symlink_to(outside / "planted")
    before = sorted(p.name for p in (outside / "planted").iterdir())
    monkeypatch.chdir(project)
    code = main(["ingest", "seeds", "--out", "briefings", "--no-registry"])
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err
    assert f"{folder}: is a symbolic link" in err, err
    assert sorted(p.name for p in (outside / "planted").iterdir()) == before  # nothing written there
    problems = check(["briefings"], None).problems
    if folder == "briefings":
        assert [p.path for p in problems] == ["briefings"] and "symbolic link" in problems[0].message
    assert not any("SECRET" in str(p) for p in problems)


def test_the_site_folder_is_never_a_link_and_emptied_only_when_ours(tmp_path: Path) -> None:
    from briefbook.site.plugin import SITE_MARK, _site_dir_refusal

    project, outside = _project(tmp_path)
    (project / "site").symlink_to(outside)
    assert "symbolic link" in (_site_dir_refusal(project / "site", project) or "")
    (project / "site").unlink()
    (project / "site").mkdir()
    assert _site_dir_refusal(project / "site", project) is None  # inside the project: its own
    write(project / "site" / "people", "index.html", "old page")
    (project / "site" / "people" / "x").symlink_to(outside)  # removed with its folder: fine
    assert _site_dir_refusal(project / "site", project) is not None  # ...but refused all the same
    (project / "site" / "people" / "x").unlink()
    (project / "site" / "briefings").symlink_to(outside)  # left in place by MkDocs's emptying
    assert (_site_dir_refusal(project / "site", project) or "").startswith(
        "site/briefings: is a symbolic link inside the site folder: refused")
    (project / "site" / "briefings").unlink()
    assert "not made by a briefbook build" in (_site_dir_refusal(outside, project) or "")
    assert _site_dir_refusal(tmp_path / "new-site", project) is None  # does not exist yet
    (outside / SITE_MARK).write_text("made by briefbook\n")
    assert _site_dir_refusal(outside, project) is None  # an earlier build's


# ---------------------------------------------------------------------------------------------
# 3 and 5. docs/ as data: stray pages, scripts, theme names, links out


def test_stray_docs_files_are_each_one_line_in_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.docsfiles import theme_dirs

    project, outside = _project(tmp_path)
    docs = project / "docs"
    write(docs, "about.md", "# About\n\nWho writes these briefings, and how.\n")
    write(docs, "evil.html", "<script>alert(1)</script>")
    write(docs / "people", "fake-person.md", "# Fake\n\n<script>steal()</script>\n")
    bundle = next(b for t in theme_dirs() for b in (t / "assets" / "javascripts").glob("bundle.*.min.js"))
    write(docs / "assets" / "javascripts", bundle.name, "steal()")
    (docs / "notes.md").symlink_to(outside / "precious.txt")
    (project / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - briefbook:\n      docs_files: [about.md, "
                                        "notes.md, 'assets/javascripts/*', 'people/*']\n")
    monkeypatch.chdir(project)
    problems = check(["briefings"], None, site_config="mkdocs.yml").problems
    by_file = {Path(p.path).relative_to("docs").as_posix(): p.message for p in problems}
    assert set(by_file) == {"evil.html", "people/fake-person.md", f"assets/javascripts/{bundle.name}", "notes.md"}
    assert by_file["evil.html"].startswith("not a file the site publishes")
    assert "markup that runs" in by_file["people/fake-person.md"]
    assert "file of the theme" in by_file[f"assets/javascripts/{bundle.name}"]
    assert "symbolic link" in by_file["notes.md"]
    assert all(LINE.match(str(p)) for p in problems)


def test_the_projects_own_docs_folder_is_all_published() -> None:
    from briefbook.docsfiles import PUBLISHED, listed

    assert listed("about.md") and listed("assets/screenshots/briefing.png")
    assert not listed("evil.html") and not listed("people/index.md") and "index.md" not in PUBLISHED


# ---------------------------------------------------------------------------------------------
# 13 and 14. check tells nothing about files outside; names cannot forge a CI command


def test_other_sources_outside_the_project_are_refused_without_looking(tmp_path: Path) -> None:
    import hashlib

    project, _ = _project(tmp_path)
    answers = []
    own = hashlib.sha256((project / "seeds" / "a.txt").read_bytes()).hexdigest()  # its own article unchanged
    for target in ("../../../../../../etc/passwd", "../../../../../../etc/no-such-file-at-all"):
        text = store.render(briefing(1, source=Source(file="seeds/a.txt", sha256=own),
                                     other_sources=[Source(file=target, sha256="b" * 64)]))
        write(project / "briefings", "b1.md", text)
        answers.append([p.message for p in check([project / "briefings"], None).problems])
    assert answers[0] == [m.replace("no-such-file-at-all", "passwd") for m in answers[1]]
    assert len(answers[0]) == 1 and "outside the project" in answers[0][0]


def test_a_file_name_cannot_start_a_line_of_the_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "briefings"
    write(folder, "x\n::error file=README.md::pwned\u202e.md", "not a briefing")
    assert main(["check", str(folder), "--registry", str(tmp_path / "none.yml"), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "\\n::error" in out and "\\u202e" in out


# ---------------------------------------------------------------------------------------------
# 7-10. Budgets, and costs that grow with the input, not with its square


def _build_calls(folder: Path, registry: Path | None = None) -> int:
    from briefbook.corpus import build_corpus
    from briefbook.corpus_files import load_corpus
    from briefbook.registry import load_registry

    loaded = load_corpus(folder, registry)  # reading and validating is not what is measured
    pairs = [(e.slug, e.briefing) for e in loaded.briefings.values()]
    reg = load_registry(registry)
    return calls(lambda: build_corpus(pairs, reg))


def test_a_person_with_too_many_mentions_is_refused_by_check_and_build(tmp_path: Path) -> None:
    from briefbook.corpus_files import load_corpus

    many = [f"Vries{i}" for i in range(budgets.MAX_MENTIONS + 1)]
    text = store.render(briefing(1, people=[Person(id="anna-de-vries", name="Anna de Vries", mentions=many)]))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() == "mentions:")
    folder = tmp_path / "briefings"
    write(folder, "b.md", text)
    assert [str(p) for p in check([folder], None).problems] == [
        f"{folder / 'b.md'}:{line}: people[0].mentions: 51 items, the limit is 50"]
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert (err.value.line, err.value.message) == (line, "people[0].mentions: 51 items, the limit is 50")


def _mentions_everywhere(paragraphs: int) -> Briefing:
    """One person with as many mentions as allowed, each in every paragraph."""
    mentions = [f"Visser{i}" for i in range(budgets.MAX_MENTIONS)]
    text = " ".join(f"{m} inspected gate {k}." for k, m in enumerate(mentions))
    return briefing(1, people=[Person(id="jan-visser", name="Jan Visser", mentions=mentions)], quotes=[],
                    paragraphs=[text] * paragraphs, events=[])


def test_the_build_is_linear_in_mentions_times_paragraphs(tmp_path: Path) -> None:
    work = []
    for n in (200, 400):
        write(tmp_path / str(n), "b.md", store.render(_mentions_everywhere(n)))
        work.append(_build_calls(tmp_path / str(n)))
    assert work[1] < 2.3 * work[0], work


def _names_paragraph(chars: int) -> Briefing:
    """One long paragraph of the short names of many people (a list of attendees, say)."""
    people = [Person(id=f"p{i}-kim", name=f"P{i} Kim") for i in range(budgets.MAX_ITEMS["people"])]
    names = ", ".join(p.name for p in people)
    text = (names + ", ") * (chars // (len(names) + 2) + 1)
    return briefing(1, people=people, quotes=[], events=[], paragraphs=[text[:chars]])


def test_one_long_paragraph_of_short_names_costs_linear_work(tmp_path: Path) -> None:
    from briefbook import corpus

    work, found, used = [], [], set()
    for chars in (250_000, 500_000):
        b = _names_paragraph(chars)
        forms = corpus._forms({p.name: {corpus.Ref("person", p.id)} for p in b.people})
        mentions: list[object] = []
        work.append(calls(lambda b=b, forms=forms, mentions=mentions: mentions.extend(corpus._scan(b.paragraphs[0], forms)), used))
        found.append(len(mentions))
    assert found[1] > 1.9 * found[0]  # twice the names found...
    assert work[1] < 2.3 * work[0], work  # ...for twice the calls
    assert "list.insert" not in used  # each insert into the sorted hits moved all after it: 1 MB took 23 s


def test_a_registry_entry_with_too_many_aliases_is_refused() -> None:
    aliases = ", ".join(f"Minister{i}" for i in range(budgets.MAX_ALIASES + 1))
    text = f"entities:\n- name: Anna de Vries\n  kind: person\n\n- name: Tran\n  kind: person\n  aliases: [{aliases}]\n"
    with pytest.raises(RegistryError) as err:
        parse_registry(text, "registry.yml")
    assert (err.value.line, err.value.message) == (5, "aliases of 'Tran': 51, the limit is 50")


def test_the_build_is_linear_in_aliases_times_briefings(tmp_path: Path) -> None:
    aliases = ", ".join(f"Water Minister {i}" for i in range(budgets.MAX_ALIASES - 1))
    registry = write(tmp_path, "registry.yml", f"entities:\n- name: Anna de Vries\n  kind: person\n"
                                               f"  aliases: [De Vries, {aliases}]\n")
    work = []
    for n in (20, 40):
        for k in range(n):
            write(tmp_path / str(n), f"b{k}.md", store.render(briefing(k)))
        work.append(_build_calls(tmp_path / str(n), registry))
    assert work[1] < 2.3 * work[0], work


def test_a_long_id_is_a_check_error_not_a_build_traceback(tmp_path: Path) -> None:
    from briefbook.corpus_files import load_corpus

    long_id = "-".join(["anna"] * 88)  # 439 characters
    text = store.render(briefing(1, people=[Person(id=long_id, name="Anna de Vries")], quotes=[]))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if long_id in ln)
    folder = tmp_path / "briefings"
    write(folder, "b.md", text)
    write(folder, "x" * 130 + ".md", store.render(briefing(2, quotes=[])))
    problems = check([folder], None).problems
    assert [(Path(p.path).name[:4], p.line, p.message) for p in problems] == [
        ("b.md", line, "people[0].id: 439 characters, the limit is 120"),
        ("xxxx", 1, "the file name is 130 characters long, the limit is 120: shorten it")]
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert err.value.line == line and "439 characters" in err.value.message


# ---------------------------------------------------------------------------------------------
# 11. An alias that takes another entity's name


def test_an_alias_that_is_another_entitys_name_is_a_check_error(tmp_path: Path) -> None:
    from dataclasses import replace

    from briefbook.model import Organization

    folder = tmp_path / "briefings"
    minister = Person(id="anna-de-vries", name="Anna de Vries", role="Water Minister")
    write(folder, "b1.md", store.render(briefing(1, people=[minister])))
    fake = Organization(id="delta-works-fund", name="Delta Works Fund", aliases=["DWF", "Anna de Vries"])
    text = store.render(briefing(2, organizations=[fake], people=[], quotes=[]))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() == "- Anna de Vries")
    write(folder, "b2.md", text)
    problems = check([folder], None).problems
    assert [(Path(p.path).name, p.line) for p in problems] == [("b2.md", line)]
    assert problems[0].message.startswith("organizations[0].aliases: 'Anna de Vries' is the name of the "
                                          "person 'anna-de-vries'")
    apec = Organization(id="apec", name="APEC")
    write(folder, "b2.md", store.render(briefing(2, organizations=[replace(fake, aliases=["APEC"])], people=[],
                                                 quotes=[])))
    write(folder, "b3.md", store.render(briefing(3, organizations=[apec], people=[], quotes=[])))
    problems = check([folder], None).problems  # the same kind, and no form of "Delta Works Fund"
    assert [(Path(p.path).name, p.message.split(":")[1]) for p in problems] == [
        ("b2.md", " 'APEC' is the name of the organization 'apec'")]
    (folder / "b3.md").unlink()
    registry = write(tmp_path, "registry.yml", "entities:\n- name: Delta Works Fund\n  kind: organization\n"
                                               "  aliases: [Anna de Vries]\n")
    write(folder, "b2.md", store.render(briefing(2, organizations=[], people=[], quotes=[])))
    problems = check([folder], registry).problems
    assert [(p.path, p.line) for p in problems] == [(str(registry), 2)]
    assert "'Anna de Vries' is the name of the person 'anna-de-vries'" in problems[0].message


def test_an_acronym_of_an_organizations_own_name_is_fine(tmp_path: Path) -> None:
    from briefbook.model import Organization

    folder = tmp_path / "briefings"
    org = Organization(id="delta-works-fund", name="Delta Works Fund", aliases=["DWF"])
    write(folder, "b1.md", store.render(briefing(1, organizations=[org])))
    write(folder, "b2.md", store.render(briefing(2, organizations=[org])))
    assert check([folder], None).problems == []


# ---------------------------------------------------------------------------------------------
# 15. Direction overrides, dropped links, ignored files


def test_direction_overrides_never_reach_a_page() -> None:
    from briefbook.corpus import build_corpus
    from briefbook.site.pages import generate_pages

    b = briefing(1, title="Port deal \u202egnp.exe\u202c signed", summary="Barriers \u2066isolated\u2069 text.")
    pages = generate_pages(build_corpus([("b1", b)]))
    assert not any(ch in page.body for page in pages.values() for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2069")
    assert any("Port deal gnp.exe signed" in page.body for page in pages.values())


def test_a_link_the_site_drops_is_named_by_check(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    text = store.render(briefing(1, source=Source(file="articles/flood-1.txt", sha256="c" * 64,
                                                  url="javascript:alert(document.cookie)")))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "javascript:" in ln)
    write(folder, "b1.md", text)
    registry = write(tmp_path, "registry.yml", "entities:\n- name: Anna de Vries\n  kind: person\n"
                                               "  links: ['https://example.org/anna', 'data:text/html,x']\n")
    problems = check([folder], registry).problems
    assert [(Path(p.path).name, p.line) for p in problems] == [("b1.md", line), ("registry.yml", 2)]
    assert all("the site leaves the link out" in p.message for p in problems)


def test_a_briefing_with_an_upper_case_suffix_is_named_not_ignored(tmp_path: Path) -> None:
    from briefbook.corpus_files import load_corpus

    folder = tmp_path / "briefings"
    write(folder, "b1.md", store.render(briefing(1)))
    write(folder, "b2.MD", store.render(briefing(2)))
    problems = check([folder], None).problems
    assert [(Path(p.path).name, p.line) for p in problems] == [("b2.MD", 1)]
    assert problems[0].message.startswith("ignored: a briefing's name ends in '.md'")
    with pytest.raises(store.BriefingError) as err:
        load_corpus(folder, None)
    assert err.value.path.endswith("b2.MD")


# ---------------------------------------------------------------------------------------------
# Rows 1-4 through Git: a pull request's links, cloned and built with `make site`


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): (b"<link>" if p.is_symlink() else p.read_bytes() if p.is_file() else b"<dir>")
            for p in sorted(folder.rglob("*"))}


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-c", "core.symlinks=true", "-c", "init.defaultBranch=main", *args], cwd=cwd,
                   env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_committed_links_change_nothing_outside_through_git_clone_and_make_site(tmp_path: Path) -> None:
    import shutil

    root = Path(__file__).resolve().parent.parent
    venv = Path(sys.executable).parent.parent
    if not (venv / "bin" / "briefbook").exists() or shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("needs git, make and the project's venv")
    outside = tmp_path / "outside"
    write(outside, "precious.txt", "keep me\n")
    write(outside / "site-target", "keep.txt", "the maintainer's own folder\n")
    write(outside, "secret.txt", "Secret plans\n\nSEOUL, March 4 -- The code is SECRET-TOKEN-42, the ministry said.\n")
    repo = tmp_path / "contribution"
    for name in ("Makefile", "mkdocs.yml"):
        write(repo, name, (root / name).read_text())
    write(repo, "registry.yml", "entities: []\n")
    write(repo / "docs", "about.md", "# About\n\nBriefings made from news articles.\n")
    write(repo / "seeds", "a.txt", ARTICLE)
    (repo / "briefings").mkdir()
    links = {"briefings/.briefbook.lock": outside / "precious.txt", "seeds/secret.txt": outside / "secret.txt",
             "site": outside / "site-target", "docs/notes.md": outside / "precious.txt"}
    for name, target in links.items():
        (repo / name).symlink_to(target)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "An ordinary-looking pull request")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert all((clone / name).is_symlink() for name in links)  # Git kept every link
    before = _snapshot(outside)
    # `make site` as a maintainer runs it, with this checkout's venv (not rebuilt: -o)
    make = ["make", "site", f"VENV={venv}", "-o", f"{venv}/.installed"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    refused = []
    for _ in range(len(links) + 1):
        proc = subprocess.run(make, cwd=clone, env=env, capture_output=True, text=True, timeout=600)
        assert _snapshot(outside) == before  # nothing outside read into the site, written, emptied or created
        assert "Traceback" not in proc.stderr
        if proc.returncode == 0:
            break
        # one line names the link: the lock, the article, the site folder, the docs page
        said = [n for n in links if any(f"{n}: {why}" in proc.stderr for why in ("is a symbolic", "a link to", "not a file"))]
        assert len(said) == 1, proc.stderr
        name = said[0]
        refused.append(name)
        (clone / name).unlink()  # the maintainer removes what was refused, and runs it again
    assert sorted(refused) == sorted(links)
    assert (clone / "site" / "index.html").is_file() and not (clone / "site" / "notes").exists()
    assert "SECRET-TOKEN" not in "".join(p.read_text(errors="replace") for p in (clone / "site").rglob("*.html"))


def test_an_alias_that_is_another_entitys_name_is_not_searched_as_it(tmp_path: Path) -> None:
    from briefbook.corpus import build_corpus
    from briefbook.model import Organization
    from briefbook.site.name_index import name_files

    minister = Person(id="anna-de-vries", name="Anna de Vries", role="Water Minister")
    fund = Organization(id="delta-works-fund", name="Delta Works Fund", aliases=["DWF", "Anna de Vries"])
    times = [Organization(id="the-port-times", name="The Port Times", aliases=["Port Times"]),
             Organization(id="port-times", name="Port Times")]
    corpus = build_corpus([("b1", briefing(1, people=[minister])),
                           ("b2", briefing(2, organizations=[fund, times[0]], people=[], quotes=[])),
                           ("b3", briefing(3, organizations=[times[1]], people=[], quotes=[]))])
    entries = [e for text in name_files(corpus).values() for e in json.loads(text)]
    assert {e[1] for e in entries if e[0] == "anna de vries"} == {"Anna de Vries"}  # the person only
    # one paper named two ways is one entity of the corpus (identity merges them): one page for the name
    assert len({e[1] for e in entries if e[0] == "port times"}) == 1
    assert {e[1] for e in entries if e[0] == "dwf"} == {"Delta Works Fund"}  # its own acronym stays
    folder = tmp_path / "briefings"
    write(folder, "b2.md", store.render(briefing(2, organizations=[times[0]], people=[], quotes=[])))
    write(folder, "b3.md", store.render(briefing(3, organizations=[times[1]], people=[], quotes=[])))
    assert check([folder], None).problems == []  # one paper named two ways: not an error, a merge to suggest


def test_the_depth_bound_is_never_below_the_real_depth() -> None:
    import random

    import yaml

    from briefbook import yamlsafe

    rnd = random.Random(24)

    def value(depth: int) -> object:
        if depth == 0 or rnd.random() < 0.2:
            return rnd.choice(["x", "a: b", "[1]", "- y", "k", 3, None, "?", "{z}"])
        if rnd.random() < 0.5:
            return [value(depth - 1) for _ in range(rnd.randint(1, 3))]
        return {f"k{i}": value(depth - 1) for i in range(rnd.randint(1, 3))}

    def real_depth(text: str) -> int:
        depth = most = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                most = max(most, depth)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return most

    texts = ["- - - - - x\n", "a:\n- - [b, {c: [d]}]\n", "? - - a\n: b\n", "[[[[[[]]]]]]\n", "a: {b: {c: {d: 1}}}\n"]
    for _ in range(100):
        data = value(rnd.randint(1, 12))
        for flow in (True, False, None):
            texts.append(yaml.safe_dump(data, default_flow_style=flow, indent=rnd.choice([2, 4])))
    for text in texts:
        assert yamlsafe.depth_bound(text) >= real_depth(text), text


def test_a_seed_file_ingest_cannot_read_is_named_not_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "seeds", "a.txt", ARTICLE)
    write(tmp_path / "seeds", "b.pdf", "%PDF-1.4")
    write(tmp_path / "seeds", ".DS_Store", "")  # hidden: nobody's article
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "seeds", "--out", "briefings", "--no-registry"]) == 0
    err = capsys.readouterr().err
    assert "skipped: seeds/b.pdf: .pdf is not an article file (ingest reads .txt, .text, .html, .htm, .md, .markdown)" in err
    assert ".DS_Store" not in err
