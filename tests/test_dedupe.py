"""Near-duplicate stories: shingles, the index, and ingest merging the same story into one briefing."""

from __future__ import annotations

import os
from pathlib import Path

from briefbook import dedupe, store
from briefbook.check import check
from briefbook.pipeline import ingest

STORY = [
    "Busan, May 12 -- South Korea and the United States agreed on Monday to build a joint testbed "
    "for sixth-generation mobile networks in Busan, the science ministry said.",
    "The testbed will let companies from both countries try out radio equipment and software before "
    "the first commercial networks are switched on later in the decade, officials said.",
    "Officials from the two governments signed the plan at a meeting of the joint committee on science "
    "and technology, which met for the first time in three years.",
    '"Open networks need open testing grounds," Vice Minister Park Yoon-kyu told reporters after the '
    "meeting, adding that the first trials would start in the autumn.",
    "The ministry said about 30 companies had already asked to take part in the trials, among them "
    "several makers of antennas and network software from both countries.",
]
OTHER_STORY = [
    "Daejeon, June 3 -- A research reactor in Daejeon restarted on Tuesday after a year of repairs to its "
    "cooling system, the operator said in a statement.",
    "The reactor produces isotopes for hospitals and is used by universities for materials research, "
    "and its restart had been delayed twice by supply problems.",
    "Engineers replaced two pumps and a heat exchanger and ran a series of safety tests that were "
    "reviewed by the nuclear regulator last month, the operator said.",
]


def reworded(paragraphs: list[str]) -> list[str]:
    """The same wire story as another outlet prints it: a new dateline style, a word or two changed."""
    out = list(paragraphs)
    out[0] = out[0].replace("Busan, May 12 --", "BUSAN, South Korea (Wire) --")
    out[2] = out[2].replace("signed the plan", "signed the agreement")
    return out


def test_shingles_ignore_case_and_punctuation():
    assert dedupe.shingles("The minister SAID, on Monday!").tolist() == dedupe.shingles(
        "the minister said on monday"
    ).tolist()
    assert dedupe.shingles("").size == 0
    assert dedupe.shingles("two words").size == 1


def test_same_story_from_another_outlet_is_near_identical():
    a, b = dedupe.shingles(STORY), dedupe.shingles(reworded(STORY))
    assert dedupe.jaccard(a, b) >= dedupe.THRESHOLD
    assert dedupe.jaccard(a, dedupe.shingles(OTHER_STORY)) < 0.05


def test_index_finds_only_the_near_duplicate():
    index = dedupe.DuplicateIndex()
    assert index.add("a", STORY) == []
    assert index.add("b", OTHER_STORY) == []
    found = index.add("c", reworded(STORY))
    assert [m.key for m in found] == ["a"]
    assert index.query([*OTHER_STORY[:2], "A different closing paragraph about something else."]) == []
    assert len(index) == 3


def test_index_scales_to_many_bodies():
    index = dedupe.DuplicateIndex()
    for i in range(2000):
        index.add(i, f"Report number {i} on topic {i * 7919 % 1000} with figure {i * 31}. " * 3)
    assert [m.key for m in index.query(STORY)] == []


def write_articles(folder: Path, stories: dict[str, list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, paragraphs in stories.items():
        (folder / name).write_text("Countries agree on a 6G testbed\n\n" + "\n\n".join(paragraphs) + "\n")


def test_ingest_merges_the_same_story_into_one_briefing(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    write_articles(articles, {"a_wire.txt": STORY, "b_outlet.txt": reworded(STORY)})
    (articles / "c_other.txt").write_text("Research reactor restarts\n\n" + "\n\n".join(OTHER_STORY) + "\n")
    report = ingest([articles], out, root=tmp_path)
    assert (report.count("new"), report.count("updated"), report.count("failed")) == (2, 1, 0)
    merged = next(o for o in report.outcomes if o.path.endswith("b_outlet.txt"))
    assert "same story" in merged.message
    briefings = [store.load(p) for p in sorted(out.glob("*.md"))]
    assert len(briefings) == 2
    story = next(b for b in briefings if b.source.file == "in/a_wire.txt")
    assert [s.file for s in story.other_sources] == ["in/b_outlet.txt"]
    assert not store.is_hand_edited(next(out.glob("*6g*")).read_text())
    assert check([out], None, cache_file=None).problems == []
    again = ingest([articles], out, root=tmp_path)
    assert again.count("unchanged") == 3

    # The other outlet corrects its copy: the source is updated in place, not duplicated.
    write_articles(articles, {"b_outlet.txt": [*reworded(STORY)[:-1], STORY[-1] + " More trials follow."]})
    third = ingest([articles], out, root=tmp_path)
    assert third.count("updated") == 1
    story = store.load(next(out.glob("*6g*")))
    assert [s.file for s in story.other_sources] == ["in/b_outlet.txt"]
    assert len(list(out.glob("*.md"))) == 2


def test_same_story_next_to_a_hand_edited_briefing_is_skipped_not_written(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    write_articles(articles, {"a_wire.txt": STORY})
    ingest([articles], out, root=tmp_path)
    target = next(out.glob("*.md"))
    edited = target.read_text().replace("6G testbed", "6G test bed", 1)
    target.write_text(edited)
    write_articles(articles, {"b_outlet.txt": reworded(STORY)})
    report = ingest([articles], out, root=tmp_path)
    skipped = next(o for o in report.outcomes if o.path.endswith("b_outlet.txt"))
    assert skipped.status == "skipped" and "edited by hand" in skipped.message
    assert target.read_text() == edited
    assert len(list(out.glob("*.md"))) == 1


def test_a_byte_identical_copy_is_not_another_source_and_is_reported(tmp_path):
    """The same article saved twice (two names, same bytes): the copy is named, not listed; re-runs rewrite nothing."""
    articles, out = tmp_path / "in", tmp_path / "out"
    write_articles(articles, {"a_wire.txt": STORY, "b_outlet.txt": reworded(STORY), "c_copy.txt": reworded(STORY),
                              "d_wire_copy.txt": STORY})
    assert (articles / "b_outlet.txt").read_bytes() == (articles / "c_copy.txt").read_bytes()
    first = ingest([articles], out, root=tmp_path)
    assert first.count("failed") == 0 and len(list(out.glob("*.md"))) == 1
    story = store.load(next(out.glob("*.md")))
    assert (story.source.file, [s.file for s in story.other_sources]) == ("in/a_wire.txt", ["in/b_outlet.txt"])
    copies = {Path(o.path).name: o.message for o in first.outcomes if o.status == "skipped"}
    assert set(copies) == {"c_copy.txt", "d_wire_copy.txt"}
    assert "same bytes as in/b_outlet.txt" in copies["c_copy.txt"] and "a copy" in copies["c_copy.txt"]
    assert "same bytes as in/a_wire.txt" in copies["d_wire_copy.txt"]
    text = next(out.glob("*.md")).read_text()
    for _ in range(2):
        again = ingest([articles], out, root=tmp_path)
        assert (again.count("unchanged"), again.count("skipped")) == (2, 2), [(o.path, o.status) for o in again.outcomes]
        assert next(out.glob("*.md")).read_text() == text


def test_check_names_a_deleted_other_source_and_the_copy_of_a_briefing(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    write_articles(articles, {"a_wire.txt": STORY, "b_outlet.txt": reworded(STORY)})
    ingest([articles], out, root=tmp_path)
    (original,) = out.glob("*.md")
    assert check([out], None, cache_file=None).problems == []

    (articles / "b_outlet.txt").unlink()  # the other outlet's article is deleted, its entry stays
    (problem,) = check([out], None, cache_file=None).problems
    assert problem.path == str(original) and "other_sources #1.file: in/b_outlet.txt does not exist" in problem.message
    assert original.read_text().splitlines()[problem.line - 1].strip(" -") == "file: in/b_outlet.txt"

    write_articles(articles, {"b_outlet.txt": reworded(STORY)})
    copy = out / "aaa-copy-of-the-briefing.md"  # sorts before the original: the age decides, not the name
    copy.write_text(original.read_text())
    stamp = original.stat().st_mtime_ns
    os.utime(original, ns=(stamp, stamp))
    os.utime(copy, ns=(stamp + 10**9, stamp + 10**9))
    problems = check([out], None, cache_file=None).problems
    assert problems and {p.path for p in problems} == {str(copy)}, problems
