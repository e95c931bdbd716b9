"""Registry names in running text: whole words only, one implementation for every caller."""

from __future__ import annotations

from pathlib import Path

from briefbook import store
from briefbook.pipeline import ingest
from briefbook.registry import WordIndex, load_registry, parse_registry

REGISTRY = """\
entities:
  - name: International Olympic Committee
    kind: organization
  - name: Korea Tourism Organization
    kind: organization
"""


def test_a_name_matches_from_the_start_of_a_word_to_the_end_of_one():
    text = WordIndex("The Ohio Center for Law said the IOC's transparency rules and a Spanish spa resort were fine.")
    assert text.contains("IOC")  # the possessive is the same word
    assert not text.contains("OIC")
    assert not text.contains("SPA resorts")
    assert text.contains("spa resort") and text.contains("Ohio")
    assert not WordIndex("the Ohio Center").contains("IOC")  # "ohIOCenter" once squashed
    assert not WordIndex("Spanish officials praised transparency").contains("SPA")
    # an acronym names its entity where it is written in capitals, not as a common word
    assert not WordIndex("a spa hotel in Haeundae").contains("SPA")
    assert WordIndex("SPA officials, and AT&T's staff").contains("SPA")
    assert WordIndex("AT&T's staff").contains("AT&T") and not WordIndex("WAT&T").contains("AT&T")


def test_spaces_hyphens_case_and_accents_are_ignored_inside_a_name():
    text = WordIndex("Kim Sangbu met José Ramos-Horta and the KOREA-US Science Council.")
    assert text.contains("Kim Sang-bu") and text.contains("Jose Ramos Horta")
    assert text.contains("Korea US science council")
    assert text.contains("Sang-bu")  # the word "Sangbu" is in the text
    assert not text.contains("Sang") and not text.contains("Kim Sang") and not text.contains("Horta and the K")
    assert not WordIndex("").contains("IOC") and not WordIndex("IOC").contains("")


def test_named_in_and_the_digest_use_the_same_matching():
    registry = parse_registry(REGISTRY + "    aliases: [KTO]\n")
    assert registry.named_in("Ohio Center officials met KTO staff") == [registry.entries[1]]
    assert registry.digest_for("Ohio Center officials") is None
    assert registry.digest_for("Inside the Spanish spa") is None
    assert registry.digest_for("The KTO said") is not None


# Three short articles written for this test (invented).
ARTICLES = {
    "olympics.txt": "Committee backs Gangwon bid\n\nSEOUL, March 3 -- The IOC said on Monday that Gangwon "
    "could host the youth games again, after a visit by its officials.\n\n\"The venues are ready,\" "
    "the governor told reporters.\n",
    "court.txt": "Ohio court opens new hearing rooms\n\nCOLUMBUS, March 3 -- The Ohio Center for Court "
    "Services opened four hearing rooms on Monday, its director said.\n\nThe rooms will hear small "
    "claims from April.\n",
    "resort.txt": "Spanish resort chain expands in Busan\n\nBUSAN, March 3 -- A Spanish resort chain said "
    "on Monday it would open a spa hotel in Haeundae next year, citing the transparency of the local "
    "permit process.\n\nThe hotel will have 240 rooms.\n",
}


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """seeds/ with the three articles, an empty briefings/ and registry.yml, as a project has them."""
    seeds, out, reg = tmp_path / "seeds", tmp_path / "briefings", tmp_path / "registry.yml"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    reg.write_text(REGISTRY, encoding="utf-8")
    return seeds, out, reg


def test_an_alias_rewrites_only_the_briefings_that_name_it(tmp_path: Path):
    """Adding "IOC" or "SPA" to the registry touches only the briefings whose text has that word."""
    seeds, out, reg = _project(tmp_path)
    first = ingest([seeds], out, root=tmp_path, registry=load_registry(reg))
    assert first.count("new") == 3
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}

    with_ioc = REGISTRY.replace("kind: organization\n", "kind: organization\n    aliases: [IOC]\n", 1)
    reg.write_text(with_ioc)
    again = ingest([seeds], out, root=tmp_path, registry=load_registry(reg))
    assert (again.count("updated"), again.count("unchanged")) == (1, 2)
    after = {p.name: p.read_bytes() for p in out.glob("*.md")}
    changed = {store.load(out / name).source.file for name in after if after[name] != before.get(name)}
    assert changed == {"seeds/olympics.txt"}

    reg.write_text(with_ioc + "  - name: Seoul Port Authority\n    kind: organization\n    aliases: [SPA]\n")
    third = ingest([seeds], out, root=tmp_path, registry=load_registry(reg))
    assert third.count("unchanged") == 3
    assert {p.name: p.read_bytes() for p in out.glob("*.md")} == after


def test_entities_apply_relinks_only_the_briefings_that_name_the_alias(tmp_path: Path):
    from briefbook.curation import apply_entries, parse_entries

    seeds, out, reg = _project(tmp_path)
    ingest([seeds], out, root=tmp_path, registry=load_registry(reg))
    before = {p.name: p.read_bytes() for p in out.glob("*.md")}
    report = apply_entries(parse_entries("{name: Seoul Port Authority, kind: organization, aliases: [SPA]}"), out, reg)
    assert report.relinked == [] and {p.name: p.read_bytes() for p in out.glob("*.md")} == before
    report = apply_entries(parse_entries("{name: International Olympic Committee, kind: organization, "
                                         "aliases: [IOC]}"), out, reg)
    changed = {store.load(out / n).source.file for n, b in before.items() if (out / n).read_bytes() != b}
    assert changed == {"seeds/olympics.txt"} and len(report.relinked) == 1
