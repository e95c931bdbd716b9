"""`briefbook check`: every problem is one `path:line: message`, hand edits that fit are fine."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from importlib import resources
from pathlib import Path

import pytest

from briefbook import check as check_mod
from briefbook import store
from briefbook.check import Problem, check, examine
from briefbook.cli import main
from briefbook.model import Briefing, Event, Organization, Person, Quote, Source

LINE = re.compile(r"^[^:\n]+:\d+: \S.*$")


def briefing(n: int = 1, **changes) -> Briefing:
    """A small valid briefing of our own; ``n`` makes its text and article checksum unique."""
    paragraphs = [
        f"Gwangju, May {n} -- South Korea and the United States agreed on Friday to pool data from "
        f"{n + 10} weather radars, the environment ministry said, in story number {n}.",
        f'"Storms do not stop at borders," Environment Minister Han Seo-yeon said at a briefing on case {n}.',
        f"The National Oceanic and Atmospheric Administration will send {n + 2} engineers next month.",
    ]
    b = Briefing(
        title=f"Radar data pact number {n}",
        date="2025-05-02",
        location="Gwangju",
        source=Source(file=f"articles/radar-{n}.txt", sha256=hashlib.sha256(str(n).encode()).hexdigest()),
        summary="South Korea and the United States will pool weather radar data.",
        key_points=["Radar data will be shared."],
        topics=["environment"],
        people=[
            Person(
                id="han-seo-yeon",
                name="Han Seo-yeon",
                role="Environment Minister",
                organization="ministry-of-environment",
                mentions=["Han"],
            )
        ],
        organizations=[
            Organization(id="ministry-of-environment", name="Ministry of Environment", aliases=["environment ministry"]),
            Organization(id="noaa", name="National Oceanic and Atmospheric Administration"),
        ],
        initiatives=[],
        quotes=[
            Quote(
                text="Storms do not stop at borders",
                speaker="han-seo-yeon",
                speaker_name="Han Seo-yeon",
                kind="direct",
                paragraph=2,
            )
        ],
        events=[Event(date="2025-05-02", text="agreed to pool radar data", paragraph=1)],
        places=["Gwangju"],
        paragraphs=paragraphs,
    )
    for key, value in changes.items():
        setattr(b, key, value)
    return b


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def run(paths, registry=None) -> list[Problem]:
    return check([str(p) for p in paths], registry, cache_file=None).problems


def test_generated_briefings_pass(tmp_path):
    for n in range(3):
        write(tmp_path, f"b{n}.md", store.render(briefing(n)))
    assert run([tmp_path]) == []


def test_cli_prints_one_line_per_problem_and_exits_non_zero(tmp_path, capsys):
    good = write(tmp_path / "briefings", "good.md", store.render(briefing(1)))
    text = store.render(briefing(2)).replace("speaker: han-seo-yeon", "speaker: nobody-at-all")
    write(tmp_path / "briefings", "bad.md", text)
    code = main(["check", str(tmp_path / "briefings"), "--registry", str(tmp_path / "none.yml"), "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1 and all(LINE.match(line) for line in lines)
    assert lines[0].startswith(f"{tmp_path / 'briefings' / 'bad.md'}:{line_of(text, 'nobody-at-all')}: ")
    assert "1 problem" in err
    good.unlink()
    (tmp_path / "briefings" / "bad.md").unlink()
    assert main(["check", str(tmp_path / "briefings"), "--no-cache", "--registry", str(tmp_path / "x")]) == 0


@pytest.mark.parametrize(
    ("edit", "needle", "message"),
    [
        (("organization: ministry-of-environment", "organization: ministry-of-magic"), "ministry-of-magic",
         "people #1.organization: 'ministry-of-magic' is not an organization of this briefing or of the registry"),
        (("speaker: han-seo-yeon", "speaker: somebody-else"), "somebody-else",
         "quotes #1.speaker: 'somebody-else' is not a person or organization of this briefing"),
        (("  paragraph: 2", "  paragraph: 9"), "paragraph: 9",
         "quotes #1.paragraph: there is no paragraph 9: the body has 3 paragraphs"),
        (("date: '2025-05-02'\nlocation", "date: '2025-02-30'\nlocation"), "2025-02-30",
         "date: 2025-02-30 is not a real calendar date"),
        (("- date: '2025-05-02'", "- date: '2025-04-31'"), "2025-04-31",
         "events #1.date: 2025-04-31 is not a real calendar date"),
        (("date: '2025-05-02'\nlocation", "date: 02/05/2025\nlocation"), "02/05/2025",
         "date: '02/05/2025' is not a date written YYYY-MM-DD or null"),
        (("- id: noaa", "- id: Noaa Agency"), "Noaa Agency", "organizations #2.id: 'Noaa Agency' is not an id"),
        (("- id: noaa", "- id: ministry-of-environment"), "- id: ministry-of-environment\n  name: National",
         "organizations #2.id: 'ministry-of-environment' is listed twice (also organizations #1)"),
        (("kind: direct", "kind: shouted"), "shouted", "quotes #1.kind: 'shouted' is not one of: direct, indirect"),
        (("places:", "placs:"), "placs:", "placs: unknown field (did you mean 'places'?)"),
        (("title: Radar data pact number 1", "title: ''"), "title: ''", "title: must not be empty"),
        (("  paragraph: 2", "  paragraph: two"), "paragraph: two",
         "quotes #1.paragraph: expected a whole number, found text"),
        (("topics:\n- environment", "topics: environment"), "topics: environment",
         "topics: expected a list, found text"),
    ],
)
def test_each_problem_names_the_line_of_the_field(tmp_path, edit, needle, message):
    text = store.render(briefing(1))
    assert edit[0] in text, edit[0]
    text = text.replace(edit[0], edit[1], 1)
    path = write(tmp_path, "b.md", text)
    problems = run([path])
    assert len(problems) == 1, problems
    assert problems[0].message.startswith(message), problems[0].message
    assert problems[0].path == str(path)
    assert problems[0].line == text[: text.index(needle)].count("\n") + 1


def test_broken_frontmatter_names_file_and_line(tmp_path):
    broken = write(tmp_path, "broken.md", "---\ntitle: A title\nsummary: [unclosed\n---\n\nBody.\n")
    unquoted = write(tmp_path, "impossible.md", store.render(briefing(1)).replace("date: '2025-05-02'\nlocation",
                                                                                  "date: 2025-02-30\nlocation"))
    none = write(tmp_path, "plain.md", "Just text, no frontmatter.\n")
    problems = {Path(p.path).name: p for p in run([tmp_path])}
    # reported where the '[' opens (line 3), not where YAML gave up (the closing '---', line 4)
    assert problems["broken.md"].line == 3 and "not valid YAML" in problems["broken.md"].message
    assert "'[' opened on this line is not closed" in problems["broken.md"].message
    assert problems["impossible.md"].line == 3 and "2025-02-30" in problems["impossible.md"].message
    assert problems["plain.md"].line == 1 and "no YAML frontmatter" in problems["plain.md"].message
    # the loader the site uses says the same thing at the same line
    for path in (broken, unquoted, none):
        with pytest.raises(store.BriefingError) as info:
            store.load(path)
        assert (info.value.line, info.value.message) == (problems[path.name].line, problems[path.name].message)


def test_not_utf8_briefing(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(store.render(briefing(1)).replace("Gwangju", "Gwangj\u00fc").encode("latin-1"))
    (problem,) = run([path])
    assert problem.line == 1 and "not UTF-8" in problem.message


def test_hand_edits_that_fit_are_fine(tmp_path):
    text = store.render(briefing(1))
    text = text.replace("date: '2025-05-02'\nlocation", "date: 2025-05-02   # checked by hand\nlocation")
    text = text.replace("key_points:\n- Radar data will be shared.\n", "")
    text = text.replace("places:\n- Gwangju\n", "")
    text = text.replace("  mentions:\n  - Han\n", "")
    text = text.replace("  role: Environment Minister\n", "  role: Minister of Environment\n")
    text = text.replace("summary: South Korea", "# a comment a reviewer left\nsummary: South Korea")
    text += "\nA paragraph added by hand.\n"
    path = write(tmp_path, "edited.md", text)
    assert store.is_hand_edited(text)
    assert run([path]) == []


def test_person_organization_may_come_from_the_registry(tmp_path):
    text = store.render(briefing(1)).replace(
        "organization: ministry-of-environment", "organization: korea-meteorological-administration"
    )
    path = write(tmp_path, "b.md", text)
    registry = write(
        tmp_path, "registry.yml",
        "entities:\n  - name: Korea Meteorological Administration\n    kind: organization\n    aliases: [KMA]\n",
    )
    assert run([path], registry) == []
    assert len(run([path])) == 1


def test_duplicate_stories_same_article_and_near_identical_text(tmp_path):
    first = briefing(1)
    write(tmp_path, "a.md", store.render(first))
    same_sha = briefing(2)
    same_sha.source.sha256 = first.source.sha256
    text_b = store.render(same_sha)
    write(tmp_path, "b.md", text_b)
    near = briefing(1, title="Another outlet's copy", source=Source(file="articles/copy.txt"))
    near.paragraphs = [*near.paragraphs[:2], near.paragraphs[2].replace("next month", "in June")]
    write(tmp_path, "c.md", store.render(near))
    problems = run([tmp_path])
    by_file = {Path(p.path).name: p for p in problems}
    assert set(by_file) == {"b.md", "c.md"}
    assert by_file["b.md"].line == line_of(text_b, "sha256:") and "same article as" in by_file["b.md"].message
    assert "same story as" in by_file["c.md"].message and "a.md" in by_file["c.md"].message


def test_two_briefings_with_one_address(tmp_path):
    write(tmp_path / "2025", "radar.md", store.render(briefing(1)))
    write(tmp_path / "2026", "radar.md", store.render(briefing(2)))
    (problem,) = run([tmp_path])
    assert "another briefing has the address 'radar'" in problem.message


def test_registry_problems(tmp_path):
    write(tmp_path / "b", "b.md", store.render(briefing(1)))
    bad = write(tmp_path, "bad.yml", "entities:\n  - name: OSTP\n    kind: agency\n")
    (problem,) = run([tmp_path / "b"], bad)
    assert (problem.path, problem.line) == (str(bad), 2) and "kind 'agency'" in problem.message
    broken = write(tmp_path, "broken.yml", "entities:\n  - name: [x\n")
    (problem,) = run([tmp_path / "b"], broken)
    assert problem.path == str(broken) and "not valid YAML" in problem.message
    clash = write(
        tmp_path, "clash.yml",
        "entities:\n  - name: Ministry of Science and ICT\n    kind: organization\n    aliases: [MSIT]\n"
        "  - name: Ministry of Startups\n    kind: organization\n    aliases: [MSIT]\n",
    )
    (problem,) = run([tmp_path / "b"], clash)
    assert problem.line == 5 and "'MSIT'" in problem.message and "line 2" in problem.message
    assert problem.message.endswith("an organization can only be one entry")


def test_each_wrong_kind_in_the_registry_is_its_own_problem(tmp_path):
    entries = "".join(f"  - name: Port Authority {n}\n    kind: organisation\n" for n in range(12))
    registry = write(tmp_path, "registry.yml", "entities:\n" + entries + "  - name: Ana Ruiz\n    kind: persn\n")
    (tmp_path / "b").mkdir()
    problems = run([tmp_path / "b"], registry)
    assert [(p.path, p.line) for p in problems] == [(str(registry), 2 + 2 * n) for n in range(13)]
    assert all("(did you mean 'organization'?)" in p.message for p in problems[:12])
    assert "(did you mean 'person'?)" in problems[12].message


def test_one_wrong_registry_entry_does_not_hide_the_others(tmp_path):
    """A briefing whose person works for a registry organization stays fine while another entry is wrong."""
    registry = write(tmp_path, "registry.yml",
                     "entities:\n  - name: Korea Meteorological Administration\n    kind: organization\n"
                     "  - name: Port Authority\n    kind: organisation\n")
    b = briefing(1)
    b.people[0].organization = "korea-meteorological-administration"
    write(tmp_path / "b", "b.md", store.render(b))
    (problem,) = run([tmp_path / "b"], registry)
    assert (problem.path, problem.line) == (str(registry), 4)


def test_an_impossible_date_written_right_is_one_message_that_says_so(tmp_path):
    for good, bad in (("date: '2025-05-02'", "date: '2025-13-45'"), ("date: '2025-05-02'\n", "date: '2025-02-30'\n")):
        text = store.render(briefing(1)).replace(good, bad, 1)
        (problem,) = run([write(tmp_path, "b.md", text)])
        assert (problem.line, problem.message) == (3, f"date: {bad.split(chr(39))[1]} is not a real calendar date")


def test_the_sample_registry_parses():
    """A registry as curated by hand (the frozen sample; the project's own is checked by `make test`)."""
    sample = Path(__file__).resolve().parent / "fixtures" / "seed_corpus" / "registry.yml"
    registry, problems = check_mod.check_registry(sample)
    assert problems == [] and len(registry.entries) > 10


def test_missing_path_is_a_problem(tmp_path):
    (problem,) = run([tmp_path / "nope"])
    assert problem.message == "no such file or folder"


def test_examine_never_raises_on_odd_frontmatter():
    for text in ["", "---\n---\n", "---\n- a list\n---\n", "---\n? [a, b]\n: c\n---\n", "---\nx: !!binary zz\n---\n",
                 "---\n" + "[" * 500 + "\n---\n", "\ufeff---\ntitle: x\n---\nBody\n", "---\n1: 2\n---\n"]:
        facts = examine(text, "t.md")
        assert all(LINE.match(str(p)) for p in facts.problems), facts.problems


def test_cache_reuses_unchanged_files_and_sees_edits(tmp_path):
    """Results are cached by file size and modification time, as the cache file documents."""
    folder = tmp_path / "briefings"
    for n in range(5):
        write(folder, f"b{n}.md", store.render(briefing(n)))
    cache = tmp_path / "cache.json"
    assert check([folder], None, cache_file=cache).problems == []
    written = cache.read_bytes()
    assert check([folder], None, cache_file=cache).problems == []
    assert cache.read_bytes() == written  # nothing examined again, nothing to write
    target = folder / "b3.md"
    text, stat = target.read_text(), target.stat()
    # the same size and time: the cached result stands (proof the cache is read), until no cache
    target.write_text(text.replace("speaker: han-seo-yeon", "speaker: han-seo-yeox"))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert check([folder], None, cache_file=cache).problems == []
    assert len(check([folder], None).problems) == 1
    target.write_text(text.replace("speaker: han-seo-yeon", "speaker: no-one"))  # a real edit
    assert len(check([folder], None, cache_file=cache).problems) == 1


@pytest.mark.speed
def test_many_briefings_are_checked_quickly(tmp_path):
    folder = tmp_path / "briefings"
    template = store.render(briefing(0))
    words = ["radar", "storm", "border", "data", "ministry", "engineer", "satellite", "river", "coast", "forecast"]
    for n in range(600):
        body = " ".join(words[(n * k) % len(words)] + str(n * k) for k in range(60))
        text = template.replace(hashlib.sha256(b"0").hexdigest(), hashlib.sha256(str(n).encode()).hexdigest())
        write(folder, f"b{n}.md", text.replace("in story number 0.", body))
    cache = tmp_path / "cache.json"
    start = time.perf_counter()
    cold = check([folder], None, cache_file=cache, jobs=1)
    cold_s = time.perf_counter() - start
    start = time.perf_counter()
    warm = check([folder], None, cache_file=cache)
    warm_s = time.perf_counter() - start
    assert cold.problems == warm.problems == []
    assert cold.files == 600
    assert cold_s < 30 and warm_s < 3, (cold_s, warm_s)


def test_checking_leaves_the_schema_alone(tmp_path):
    """Validating a bad file does not change the schema in memory (the cache is keyed on it)."""
    on_disk = json.loads(resources.files("briefbook").joinpath("data/briefing.schema.json").read_text())
    write(tmp_path, "b.md", store.render(briefing(1)).replace("kind: direct", "kind: loud"))
    assert len(run([tmp_path])) == 1
    assert check_mod.schema() == on_disk


def test_contributing_guide_and_site_page_say_the_same():
    root = Path(__file__).resolve().parents[1]

    def skeleton(text: str) -> list[str]:
        blocks = re.findall(r"```.*?```", text, re.S)
        return [line for line in text.splitlines() if line.startswith("#")] + blocks

    guide = (root / "CONTRIBUTING.md").read_text()
    page = (root / "docs" / "contributing.md").read_text()
    assert skeleton(guide) == skeleton(page)
    assert "briefbook check" in guide and "briefbook entities --apply" in guide
