"""`briefbook ingest`: the seeds as the issue specifies them, idempotence, ownership, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from briefbook import store
from briefbook.cli import main
from briefbook.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "src/briefbook/data/briefing.schema.json").read_text())


@pytest.fixture(scope="module")
def seed_briefings(tmp_path_factory) -> dict[str, store.Briefing]:
    out = tmp_path_factory.mktemp("briefings")
    report = ingest([ROOT / "seeds"], out, root=ROOT)
    assert report.count("failed") == 0
    return {b.source.file: b for b in (store.load(p) for p in sorted(out.glob("*.md")))}


def test_every_briefing_fits_the_schema(seed_briefings, tmp_path):
    for b in seed_briefings.values():
        text = store.render(b)
        meta, _, _ = store.split(text)
        jsonschema.validate(meta, SCHEMA)


def test_render_signs_the_text_it_hashed(seed_briefings):
    """One YAML dump signed in place gives the text two dumps would (and passes the edit check)."""
    for b in seed_briefings.values():
        text = store.render(b)
        meta, _, _ = store.split(text)
        checksum = meta["generator"]["checksum"]
        meta["generator"]["checksum"] = ""
        assert store._checksum(store._compose(meta, b.paragraphs)) == checksum
        meta["generator"]["checksum"] = checksum
        assert text == store._compose(meta, b.paragraphs)
        assert not store.is_hand_edited(text)


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
    ingest([ROOT / "seeds"], out, root=ROOT)
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    again = ingest([ROOT / "seeds"], out, root=ROOT, force=True)
    assert again.count("unchanged") == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == before


def test_hand_edited_briefing_is_skipped_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
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
    ingest([ROOT / "seeds"], out, root=ROOT, registry=load_registry(reg))
    assert ingest([ROOT / "seeds"], out, root=ROOT, registry=load_registry(reg)).count("unchanged") == 2
    reg.write_text("entities:\n  - {name: Lee Jae-myung, kind: person, aliases: [Lee Jae Myung]}\n")
    report = ingest([ROOT / "seeds"], out, root=ROOT, registry=load_registry(reg))
    assert report.count("updated") == 2
    names = {p.name for f in out.glob("*.md") for p in store.load(f).people}
    assert "Lee Jae-myung" in names and "Lee Jae Myung" not in names
