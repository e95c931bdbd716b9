"""`briefbook ingest`: the seeds as the issue specifies them, idempotence, ownership, bad input."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from briefbook import store
from briefbook.cli import main
from briefbook.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
# The sample corpus, frozen: the project's own seeds/ grows with every contributor's article.
CORPUS = ROOT / "tests" / "fixtures" / "seed_corpus"
SCHEMA = json.loads((ROOT / "src/briefbook/data/briefing.schema.json").read_text())


@pytest.fixture(scope="module")
def seed_briefings(tmp_path_factory) -> dict[str, store.Briefing]:
    out = tmp_path_factory.mktemp("briefings")
    report = ingest([CORPUS / "seeds"], out, root=CORPUS)
    assert report.count("failed") == 0
    return {b.source.file: b for b in (store.load(p) for p in sorted(out.glob("*.md")))}


def test_every_briefing_fits_the_schema(seed_briefings, tmp_path):
    for b in seed_briefings.values():
        text = store.render(b)
        meta, _, _ = store.split(text)
        jsonschema.validate(meta, SCHEMA)


def test_render_signs_the_text_it_hashed(seed_briefings):
    """The checksum is the SHA-256 of the file as written with ``checksum: ''`` (anyone can verify
    it); the file reads back to a briefing that renders the same bytes; any edit is seen."""
    for b in seed_briefings.values():
        text = store.render(b)
        checksum = store.split(text)[0]["generator"]["checksum"]
        unsigned, n = re.subn(rf"^(\s+checksum: )(['\"]?){checksum}\2$", r"\g<1>''", text, count=1, flags=re.M)
        assert n == 1 and hashlib.sha256(unsigned.encode()).hexdigest() == checksum
        assert store.render(store.parse(text)) == text
        assert not store.is_hand_edited(text)
        assert store.is_hand_edited(text.replace("\n\n", "\n\n ", 1))


def test_seed_000(seed_briefings):
    b = seed_briefings["seeds/000_d34ef5adea59ac72.txt"]
    assert (b.date, b.location) == ("2025-10-29", "Seoul")
    people = {p.name: p for p in b.people}
    assert set(people) == {
        "Ha Jung-woo",
        "Michael Kratsios",
        "Bae Kyung-hoon",
        "Melania Trump",
        "Lee Jae Myung",
        "Sam Altman",
    }
    assert people["Ha Jung-woo"].role == "senior presidential secretary for AI policy and future planning"
    direct = [(q.speaker_name, q.text) for q in b.quotes if q.kind == "direct"]
    speakers = [s for s, _ in direct]
    assert speakers.count("Ha Jung-woo") == 2
    assert speakers.count("Bae Kyung-hoon") == 1
    # collectives ("the two countries", "Seoul and Washington") are no person or organization: no speaker
    assert speakers.count(None) == 3
    assert {"2025-10-29", "2025-10"} <= {e.date for e in b.events}
    names = {i.name for i in b.initiatives}
    assert {"Technology Prosperity Deal", "Fostering the Future Together"} <= names
    body = "\n".join(b.paragraphs) + (b.summary or "")
    assert "Also Read" not in body and "Bihar" not in body


def test_seed_003(seed_briefings):
    b = seed_briefings["seeds/003_91c2a77c58b8809a.txt"]
    assert b.title == "South Korea, US discuss cooperation in AI, science"
    assert b.date == "2025-08-05"
    assert set(b.source.agencies) == {"IANS", "Yonhap"}
    assert {p.name for p in b.people} == {
        "Bae Kyung-hoon",
        "Michael Kratsios",
        "Lee Jae Myung",
        "Donald Trump",
        "Kim Sang-bu",
    }
    assert any(q.speaker == "bae-kyung-hoon" and q.kind == "direct" for q in b.quotes)
    assert {"2025-08-04", "2025-08-05", "2025-10-31", "2025-11-01"} <= {e.date for e in b.events}
    body = "\n".join(b.paragraphs)
    for leak in ("Related Stories", "Disclaimer", "Lily James", "Open in App", "Sabarimala"):
        assert leak not in body


def test_every_item_points_to_an_existing_paragraph(seed_briefings):
    for b in seed_briefings.values():
        for item in [*b.quotes, *b.events]:
            assert 1 <= item.paragraph <= len(b.paragraphs)


def test_second_run_rewrites_nothing(tmp_path):
    out = tmp_path / "out"
    ingest([CORPUS / "seeds"], out, root=CORPUS)
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    again = ingest([CORPUS / "seeds"], out, root=CORPUS, force=True)
    assert again.count("unchanged") == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == before


def test_hand_edited_briefing_is_skipped_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS / "seeds", seeds)
    ingest([seeds], out, root=tmp_path)
    target = sorted(out.glob("2025-08-05-*.md"))[0]
    edited = target.read_text().replace("Science Minister", "Minister of Science and ICT", 1)
    target.write_text(edited)
    (seeds / "003_91c2a77c58b8809a.txt").write_text((seeds / "003_91c2a77c58b8809a.txt").read_text() + "\n")
    report = ingest([seeds], out, root=tmp_path)
    assert report.count("skipped") == 1
    assert "--force" in next(o.message for o in report.outcomes if o.status == "skipped")
    assert target.read_text() == edited
    forced = ingest([seeds], out, root=tmp_path, force=True)
    assert forced.count("updated") == 1
    assert target.read_text() != edited


def test_bad_files_fail_alone(tmp_path, capsys):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "empty.txt").write_text("   \n")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (articles / "good.txt").write_text(
        "date 2024-05-02 Ports agree on a green corridor\n\n"
        "The ports of Busan and Seattle agreed on Thursday to build a green shipping corridor, "
        "Oceans Minister Kang Do-hyung said.\n"
    )
    code = main(["ingest", str(articles), "--out", str(tmp_path / "out"), "--no-registry"])
    captured = capsys.readouterr()
    assert code == 1
    assert "1 new" in captured.out and "2 failed" in captured.out
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("empty.txt" in e or "binary.txt" in e for e in errors)
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_a_changed_registry_relinks_unchanged_articles(tmp_path):
    from briefbook.registry import load_registry

    out = tmp_path / "out"
    reg = tmp_path / "registry.yml"
    reg.write_text("entities: []\n")
    ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    assert ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg)).count("unchanged") == 2
    reg.write_text("entities:\n  - {name: Lee Jae-myung, kind: person, aliases: [Lee Jae Myung]}\n")
    report = ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    assert report.count("updated") == 2
    names = {p.name for f in out.glob("*.md") for p in store.load(f).people}
    assert "Lee Jae-myung" in names and "Lee Jae Myung" not in names


def test_a_registry_edit_rewrites_only_the_briefings_it_changes(tmp_path):
    """An alias for a person named in one article rewrites that briefing alone; a description, none."""
    from briefbook.registry import load_registry

    out = tmp_path / "out"
    reg = tmp_path / "registry.yml"
    altman = "  - {name: Sam Altman, kind: person, description: %s}\n"
    reg.write_text("entities:\n" + altman % "Chief executive of OpenAI.")
    assert ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg)).count("new") == 2
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}

    reg.write_text("entities:\n" + altman % "Chief executive of OpenAI."
                   + "  - {name: Kim Sangbu, kind: person, aliases: [Kim Sang-bu]}\n")
    report = ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    assert (report.count("updated"), report.count("unchanged")) == (1, 1)
    changed = {p.name for p in out.glob("*.md") if p.read_bytes() != before[p.name]}
    assert changed == {Path(next(o.briefing for o in report.outcomes if o.status == "updated")).name}
    assert "Kim Sangbu" in {p.name for p in store.load(out / changed.pop()).people}

    after = {p.name: p.read_bytes() for p in out.glob("*.md")}
    reg.write_text(reg.read_text().replace("Chief executive of OpenAI.", "Co-founder and chief executive of OpenAI."))
    report = ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    assert report.count("unchanged") == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == after


def _edited_briefings(tmp_path: Path, n: int) -> None:
    """``n`` articles in tmp_path/in whose briefings in tmp_path/briefings a person has edited."""
    from briefbook.model import Briefing, Source, empty_findings

    (tmp_path / "in").mkdir()
    for k in range(1, n + 1):
        (tmp_path / "in" / f"a{k}.txt").write_text(f"Harbour {k} reopens\n\nThe harbour reopened on Monday.\n")
        b = Briefing(title=f"Harbour {k} reopens", date="2025-05-0" + str(k), location=None,
                     source=Source(file=f"in/a{k}.txt"), paragraphs=["The harbour reopened on Monday."],
                     **empty_findings())
        path = tmp_path / "briefings" / f"harbour-{k}.md"
        store.write_atomic(path, store.render(b).replace("summary: null", "summary: The harbour reopened."))


def test_briefings_edited_by_hand_are_one_line_unless_verbose(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _edited_briefings(tmp_path, 3)
    assert main(["ingest", "in", "--no-registry"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "ingest: 0 new, 0 updated, 0 unchanged, 3 skipped, 0 failed"
    assert captured.err.splitlines() == [
        "note: 3 briefings were edited by hand and left as they are (--verbose lists them; "
        "`briefbook ingest FILE --force` regenerates one and loses its edits)"]

    assert main(["ingest", "in", "--no-registry", "--verbose"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all(line.startswith("skipped: briefings/harbour-") for line in lines)
    assert all("edited by hand" in line and "--force" in line for line in lines)

    assert main(["ingest", "in", "--no-registry", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_after_entities_apply_the_next_ingest_extracts_nothing_again(tmp_path):
    """`entities --apply` re-links and records the registry digest ingest would: nothing left to redo."""
    from briefbook.curation import apply_entries, parse_entries
    from briefbook.registry import load_registry

    out = tmp_path / "out"
    reg = tmp_path / "registry.yml"
    reg.write_text("entities: []\n")
    ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    report = apply_entries(parse_entries("{name: Kim Sangbu, kind: person, aliases: [Kim Sang-bu]}"), out, reg)
    assert len(report.relinked) == 1 and report.hand_edited == []
    after = {p.name: p.read_bytes() for p in out.glob("*.md")}
    again = ingest([CORPUS / "seeds"], out, root=CORPUS, registry=load_registry(reg))
    assert again.count("unchanged") == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == after


def test_a_code_change_rewrites_only_the_briefings_whose_content_it_changes(tmp_path, monkeypatch):
    """New code that writes the same briefings leaves the files alone (and remembers it); new code
    that writes another summary rewrites them."""
    import briefbook.extract.article as article
    import briefbook.pipeline as pipeline

    out, cache = tmp_path / "out", tmp_path / "cache" / "ingest.json"
    ingest([CORPUS / "seeds"], out, root=CORPUS, cache=cache)
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    for module in (pipeline, article):
        monkeypatch.setattr(module, "code_fingerprint", lambda: "0123456789abcdef")
    report = ingest([CORPUS / "seeds"], out, root=CORPUS, cache=cache)
    assert report.count("unchanged") == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == before

    def no_extraction(jobs):
        raise AssertionError("extracted again although confirmed up to date")

    with monkeypatch.context() as m:
        m.setattr(pipeline, "_extract_many", no_extraction)
        assert ingest([CORPUS / "seeds"], out, root=CORPUS, cache=cache).count("unchanged") == 2

    monkeypatch.setattr(article, "summarize", lambda paragraphs: "A summary the new code writes.")
    for module in (pipeline, article):
        monkeypatch.setattr(module, "code_fingerprint", lambda: "fedcba9876543210")
    report = ingest([CORPUS / "seeds"], out, root=CORPUS, cache=cache)
    assert report.count("updated") == 2
    assert all(store.load(p).summary == "A summary the new code writes." for p in out.glob("*.md"))
