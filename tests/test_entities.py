"""`briefbook entities`: probable duplicates with suggested entries; --apply re-links without extracting."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from briefbook import store
from briefbook.check import check
from briefbook.cli import main
from briefbook.curation import (
    ApplyError,
    apply_entries,
    find_duplicates,
    format_report,
    merge_registry,
    parse_entries,
)
from briefbook.model import Briefing, Initiative, Organization, Person, Quote, Source
from briefbook.names import expands, osa_distance
from briefbook.registry import Entry, Registry, parse_registry


def make(n: int, people=(), orgs=(), inits=(), quotes=(), paragraphs=None) -> Briefing:
    return Briefing(
        title=f"Briefing {n}",
        date=f"2025-06-{n:02d}",
        location=None,
        source=Source(file=f"articles/{n}.txt"),
        summary=None,
        key_points=[],
        topics=[],
        people=list(people),
        organizations=list(orgs),
        initiatives=list(inits),
        quotes=list(quotes),
        events=[],
        places=[],
        paragraphs=paragraphs or [f"Paragraph one of briefing {n} about cooperation number {n * 17}.",
                                  f"Paragraph two of briefing {n}, with a quote by someone on day {n}."],
    )


def person(name: str, **kw) -> Person:
    from briefbook.ids import slugify

    return Person(id=kw.pop("id", slugify(name)), name=name, **kw)


def org(name: str, aliases=(), **kw) -> Organization:
    from briefbook.ids import slugify

    return Organization(id=kw.pop("id", slugify(name)), name=name, aliases=list(aliases), **kw)


def pairs(report) -> list[set[str]]:
    return [{c.name for c in s.clusters} for s in report.suggestions]


# ------------------------------------------------------------------------------------ finding


def test_romanization_and_spelling_variants():
    corpus = [
        ("a.md", make(1, [person("Kim Sang-bu"), person("Bae Kyung-hoon"), person("Kim Jong-un")])),
        ("b.md", make(2, [person("Kim Sangbu"), person("Bae Kyoung-hoon"), person("Kim Jong-il")])),
        ("c.md", make(3, [person("Kim Sang-bu"), person("Sang-bu Kim"), person("Joan Smith")])),
        ("d.md", make(4, [person("John Smith"), person("Rhee Jae-myung"), person("Lee Jae-myung")])),
        ("e.md", make(5, [person("Park Yoon-kyu"), person("Kang Min-jun"), person("Choi Gyeong-hun")])),
        ("f.md", make(6, [person("Park Yun-kyu"), person("Kang Min-jung"), person("Choe Kyung-hoon")])),
    ]
    report = find_duplicates(corpus)
    found = pairs(report)
    assert {"Kim Sang-bu", "Kim Sangbu", "Sang-bu Kim"} in found
    assert {"Bae Kyung-hoon", "Bae Kyoung-hoon"} in found
    assert {"Rhee Jae-myung", "Lee Jae-myung"} in found
    assert {"Park Yoon-kyu", "Park Yun-kyu"} in found
    assert {"Choi Gyeong-hun", "Choe Kyung-hoon"} in found
    assert not any({"Kang Min-jun", "Kang Min-jung"} <= p for p in found)  # 민준 and 민정
    assert not any({"Kim Jong-un", "Kim Jong-il"} <= p for p in found)  # two people, not two spellings
    assert not any({"John Smith", "Joan Smith"} <= p for p in found)  # not Korean-style: no edit distance
    kim = next(s for s in report.suggestions if "Kim Sangbu" in {c.name for c in s.clusters})
    assert kim.entry.name == "Kim Sang-bu" and set(kim.entry.aliases) == {"Kim Sangbu", "Sang-bu Kim"}


def test_acronym_and_expansion_and_qualified_names():
    corpus = [
        ("a.md", make(1, orgs=[org("White House Office of Science and Technology Policy", ["OSTP"]),
                               org("Ministry of Science and ICT")])),
        ("b.md", make(2, orgs=[org("Office of Science and Technology Policy"), org("MSIT")])),
        ("c.md", make(3, orgs=[org("OSTP"), org("the World Bank", id="the-world-bank")])),
        ("d.md", make(4, orgs=[org("World Bank"), org("Ministry of Trade"), org("Office of the Trade Representative")])),
    ]
    report = find_duplicates(corpus)
    found = pairs(report)
    assert {"White House Office of Science and Technology Policy", "Office of Science and Technology Policy",
            "OSTP"} in found
    assert {"Ministry of Science and ICT", "MSIT"} in found
    assert {"World Bank", "the World Bank"} in found
    assert not any("Ministry of Trade" in p for p in found)
    ostp = next(s for s in report.suggestions if "OSTP" in {c.name for c in s.clusters})
    assert ostp.entry.name == "White House Office of Science and Technology Policy"
    assert set(ostp.entry.aliases) == {"OSTP", "Office of Science and Technology Policy"}


def test_surname_alone_merges_only_when_one_full_name_fits():
    corpus = [
        ("a.md", make(1, [person("Michael Kratsios"), person("Donald Trump"), person("Melania Trump")])),
        ("b.md", make(2, [person("Kratsios"), person("Trump")])),
    ]
    report = find_duplicates(corpus)
    assert {"Michael Kratsios", "Kratsios"} in pairs(report)
    assert not any("Trump" in p for p in pairs(report))
    (alone, candidates), = report.ambiguous
    assert alone.name == "Trump" and {c.name for c in candidates} == {"Donald Trump", "Melania Trump"}
    assert "'Trump' alone" in format_report(report)


def test_registry_entries_already_merge_what_they_name():
    corpus = [("a.md", make(1, [person("Kim Sang-bu")])), ("b.md", make(2, [person("Kim Sangbu", id="kim-sangbu")]))]
    registry = Registry([Entry(name="Kim Sang-bu", kind="person", aliases=["Kim Sangbu"])])
    assert find_duplicates(corpus, registry).suggestions == []
    assert len(find_duplicates(corpus).suggestions) == 1


def test_a_suggestion_extends_the_registry_entry_it_touches():
    corpus = [("a.md", make(1, orgs=[org("Ministry of Science and ICT")])), ("b.md", make(2, orgs=[org("MSIT")]))]
    registry = parse_registry("entities:\n  - name: Ministry of Science and ICT\n    kind: organization\n"
                              "    description: A ministry.\n")
    (s,) = find_duplicates(corpus, registry).suggestions
    assert s.extends is not None and s.entry.description == "A ministry." and s.entry.aliases == ["MSIT"]


def test_report_is_yaml_that_apply_accepts():
    corpus = [("a.md", make(1, [person("Kim Sang-bu")])), ("b.md", make(2, [person("Kim Sangbu")]))]
    text = format_report(find_duplicates(corpus))
    assert yaml.safe_load(text)["entities"][0]["name"] == "Kim Sang-bu"
    (entry,) = parse_entries(text)
    assert (entry.name, entry.kind, entry.aliases) == ("Kim Sang-bu", "person", ["Kim Sangbu"])
    assert yaml.safe_load(format_report(find_duplicates([]))) == {"entities": []}


@pytest.mark.parametrize(
    ("short", "long", "yes"),
    [
        ("OSTP", "White House Office of Science and Technology Policy", True),
        ("MSIT", "Ministry of Science and ICT", True),
        ("APEC", "Asia-Pacific Economic Cooperation", True),
        ("NASA", "National Aeronautics and Space Administration", True),
        ("DOE", "Department of Energy", True),
        ("KASA", "Korea AeroSpace Administration", True),
        ("OSTP", "Office of Science and Technology Policy Council", False),
        ("MSIT", "Ministry of Trade", False),
        ("UN", "Union", False),
    ],
)
def test_expands(short, long, yes):
    assert expands(short, long) is yes


def test_osa_distance():
    assert osa_distance("kyunghwa", "kyungwha") == 1
    assert osa_distance("kyunghoon", "kyounghoon") == 1
    assert osa_distance("jongun", "jongil") == 2
    assert osa_distance("", "abc") == 3


# ------------------------------------------------------------------------------------ applying


REGISTRY = """\
# Our registry. This comment must survive.
entities:
  # People
  - name: Lee Jae-myung
    kind: person
    aliases: [Lee Jae Myung]
    description: President of South Korea.   # keep this note

  # Organizations
  - name: Ministry of Science and ICT
    kind: organization
    aliases: [science ministry]
"""


def test_merge_registry_keeps_comments_and_layout():
    text, notes = merge_registry(REGISTRY, parse_entries("{name: Ministry of Science and ICT, kind: organization, "
                                                         "aliases: [MSIT]}"))
    assert "# Our registry. This comment must survive." in text and "# keep this note" in text
    assert "  # Organizations\n  - name: Ministry of Science and ICT" in text
    assert "aliases: [science ministry, MSIT]" in text
    assert notes == ["merged organization 'Ministry of Science and ICT' into the entry at registry.yml:10"]
    text, notes = merge_registry(text, parse_entries("- {name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}"))
    assert text.endswith("  - name: Kim Sang-bu\n    kind: person\n    aliases: [Kim Sangbu]\n")
    assert [e.name for e in parse_registry(text).entries] == ["Lee Jae-myung", "Ministry of Science and ICT",
                                                              "Kim Sang-bu"]
    diff = [line for line in difflib.unified_diff(REGISTRY.splitlines(), text.splitlines(), lineterm="", n=0)
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))]
    assert diff == ["-    aliases: [science ministry]", "+    aliases: [science ministry, MSIT]", "+",
                    "+  - name: Kim Sang-bu", "+    kind: person", "+    aliases: [Kim Sangbu]"]


def test_merge_registry_renames_and_refuses_to_join_two_entries():
    text, _ = merge_registry(REGISTRY, parse_entries("{name: Lee Jae Myung, kind: person, aliases: [Lee Jae-myung]}"))
    (lee,) = [e for e in parse_registry(text).entries if e.kind == "person"]
    assert lee.name == "Lee Jae Myung" and lee.description == "President of South Korea."
    two = REGISTRY + "  - name: Ministry of Trade\n    kind: organization\n"
    with pytest.raises(ApplyError, match="merge those entries by hand"):
        merge_registry(two, parse_entries("{name: X, kind: organization, aliases: [science ministry, Ministry of Trade]}"))
    with pytest.raises(ApplyError):
        parse_entries("{name: X, kind: planet}")
    with pytest.raises(ApplyError):
        parse_entries("just words")


def corpus_on_disk(folder: Path) -> dict[str, Path]:
    quote = Quote(text="We will share the data", speaker="kim-sangbu", speaker_name="Kim Sangbu",
                  kind="direct", paragraph=1)
    org_quote = Quote(text="The plan is on track", speaker="msit", speaker_name="MSIT", kind="indirect",
                      paragraph=2)
    b1 = make(1, [person("Kim Sangbu", role="vice president", organization="msit", mentions=["Kim"])],
              [org("MSIT"), org("World Bank")], [Initiative(id="tpd", name="TPD")], [quote, org_quote])
    b2 = make(2, [person("Kim Sang-bu")], [org("Ministry of Science and ICT", ["science ministry"])])
    b3 = make(3, [person("Kim Sangbu")], [org("MSIT")])
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, b in (("one.md", b1), ("two.md", b2), ("three.md", b3)):
        paths[name] = folder / name
        store.write_atomic(paths[name], store.render(b))
    # a reviewer edits three.md by hand: a comment, a reworded summary, a body line
    edited = paths["three.md"].read_text().replace("summary: null", "summary: Edited by a reviewer.  # why")
    paths["three.md"].write_text(edited + "\nA paragraph a reviewer added.\n")
    return paths


def test_apply_relinks_every_briefing_without_extracting(tmp_path):
    paths = corpus_on_disk(tmp_path / "briefings")
    registry = tmp_path / "registry.yml"
    registry.write_text(REGISTRY)
    before = {name: p.read_text() for name, p in paths.items()}
    entries = parse_entries("- {name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}\n"
                            "- {name: Ministry of Science and ICT, kind: organization, aliases: [MSIT]}\n")
    report = apply_entries(entries, tmp_path / "briefings", registry)
    assert sorted(Path(p).name for p in report.relinked) == ["one.md", "three.md"]
    assert [Path(p).name for p in report.hand_edited] == ["three.md"] and report.problems == []

    one = store.load(paths["one.md"])
    assert [(p.id, p.name, p.organization) for p in one.people] == [
        ("kim-sang-bu", "Kim Sang-bu", "ministry-of-science-and-ict")]
    assert "Kim Sangbu" in one.people[0].mentions
    assert (one.organizations[0].id, one.organizations[0].name) == ("ministry-of-science-and-ict",
                                                                    "Ministry of Science and ICT")
    assert "MSIT" in one.organizations[0].aliases
    assert [(q.speaker, q.speaker_name) for q in one.quotes] == [
        ("kim-sang-bu", "Kim Sang-bu"), ("ministry-of-science-and-ict", "Ministry of Science and ICT")]
    assert one.paragraphs == make(1).paragraphs
    assert not store.is_hand_edited(paths["one.md"].read_text())  # still pristine generator output
    assert paths["two.md"].read_text() == before["two.md"]  # already named as the registry says

    three = paths["three.md"].read_text()
    assert store.is_hand_edited(three)
    changed = [(a, b) for a, b in zip(before["three.md"].splitlines(), three.splitlines(), strict=True) if a != b]
    assert changed == [("- id: kim-sangbu", "- id: kim-sang-bu"), ("  name: Kim Sangbu", "  name: Kim Sang-bu"),
                       ("- id: msit", "- id: ministry-of-science-and-ict"),
                       ("  name: MSIT", "  name: Ministry of Science and ICT")]
    assert "summary: Edited by a reviewer.  # why" in three and three.endswith("A paragraph a reviewer added.\n")

    assert "aliases: [science ministry, MSIT]" in registry.read_text()
    assert "# Our registry. This comment must survive." in registry.read_text()
    assert check([tmp_path / "briefings"], registry, cache_file=None).problems == []
    assert find_duplicates([(str(p), store.load(p)) for p in paths.values()],
                           parse_registry(registry.read_text())).suggestions == []

    again = apply_entries(entries, tmp_path / "briefings", registry)
    assert again.relinked == []


def test_apply_merges_items_that_become_one(tmp_path):
    b = make(1, [person("Kim Sangbu", role="vice president"), person("Kim Sang-bu", id="kim-sang-bu-2",
                                                                      mentions=["Kim"])])
    path = tmp_path / "briefings" / "b.md"
    store.write_atomic(path, store.render(b))
    apply_entries(parse_entries("{name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}"), path.parent,
                  tmp_path / "registry.yml")
    (merged,) = store.load(path).people
    assert (merged.id, merged.role, merged.mentions) == ("kim-sang-bu", "vice president", ["Kim", "Kim Sangbu"])
    assert (tmp_path / "registry.yml").read_text().startswith("# The curated entity registry")


def test_apply_leaves_a_broken_briefing_alone_and_says_so(tmp_path):
    paths = corpus_on_disk(tmp_path / "briefings")
    broken = tmp_path / "briefings" / "broken.md"
    broken.write_text("---\ntitle: [x\n---\nMSIT said.\n")
    report = apply_entries(parse_entries("{name: Ministry of Science and ICT, kind: organization, aliases: [MSIT]}"),
                           tmp_path / "briefings", tmp_path / "registry.yml")
    assert broken.read_text() == "---\ntitle: [x\n---\nMSIT said.\n"
    assert any("broken.md:" in line for line in report.problems)
    assert store.load(paths["one.md"]).organizations[0].id == "ministry-of-science-and-ict"


def test_cli_lists_and_applies(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus_on_disk(tmp_path / "briefings")
    assert main(["entities"]) == 0
    out = capsys.readouterr().out
    assert "Kim Sang-bu" in out and "MSIT" in out
    (tmp_path / "fix.yml").write_text(out)
    assert main(["entities", "--apply", "fix.yml", "--dry-run"]) == 0
    assert not (tmp_path / "registry.yml").exists()
    assert main(["entities", "--apply", "fix.yml"]) == 0
    out = capsys.readouterr().out
    assert "re-linked briefings/three.md (edited by hand" in out
    assert main(["entities"]) == 0
    assert "0 probable duplicates" in capsys.readouterr().out
    assert main(["entities", "--apply", "{name: X, kind: planet}"]) == 2
    assert "kind 'planet'" in capsys.readouterr().err


def test_apply_joins_items_that_become_one_in_a_hand_edited_briefing(tmp_path):
    """CONTRIBUTING's order: correct the briefing by hand, then apply the entities: no id twice."""
    b = make(4, [person("Lee Soo-jin", role="spokesperson", organization="msit")],
             [org("Ministry of Science and ICT", ["science ministry"]), org("World Bank"), org("MSIT")],
             quotes=[Quote(text="Talks went well", speaker="msit", speaker_name="MSIT", kind="indirect",
                           paragraph=1)])
    path = tmp_path / "briefings" / "four.md"
    store.write_atomic(path, store.render(b))
    edited = path.read_text().replace("role: spokesperson", "role: chief spokesperson  # checked on the ministry site")
    path.write_text(edited)
    report = apply_entries(parse_entries("{name: Ministry of Science and ICT, kind: organization, aliases: [MSIT]}"),
                           path.parent, tmp_path / "registry.yml")
    assert report.problems == [] and [Path(p).name for p in report.hand_edited] == ["four.md"]
    text = path.read_text()
    four = store.load(path)
    assert [(o.id, o.aliases) for o in four.organizations] == [
        ("ministry-of-science-and-ict", ["science ministry", "MSIT"]), ("world-bank", [])]
    assert [(p.role, p.organization) for p in four.people] == [("chief spokesperson", "ministry-of-science-and-ict")]
    assert [q.speaker for q in four.quotes] == ["ministry-of-science-and-ict"]
    assert "# checked on the ministry site" in text and store.is_hand_edited(text)
    assert check([path.parent], tmp_path / "registry.yml", cache_file=None).problems == []
    # outside the joined items, only the re-linked ids changed: the rest is as the person left it
    relinked = edited.replace(": msit", ": ministry-of-science-and-ict").replace("speaker_name: MSIT",
                                                                               "speaker_name: Ministry of Science and ICT")
    assert text.split("organizations:")[0] == relinked.split("organizations:")[0]
    assert text.split("initiatives:")[1] == relinked.split("initiatives:")[1]


@pytest.mark.parametrize("edited", [False, True])
def test_joining_two_people_with_different_roles_asks_for_review(tmp_path, edited):
    """The merge keeps one role and never drops the other silently: the briefing asks a person."""
    b = make(5, [person("Ana Ruiz", role="port director"), person("Ana Ruíz", id="ana-ruiz-2", role="harbour master")])
    path = tmp_path / "briefings" / "five.md"
    store.write_atomic(path, store.render(b))
    if edited:
        path.write_text(path.read_text().replace("title: Briefing 5", "title: Briefing five"))
    report = apply_entries(parse_entries("{name: Ana Ruiz, kind: person, aliases: [Ana Ruíz]}"), path.parent,
                           tmp_path / "registry.yml")
    assert report.problems == [] and len(report.relinked) == 1
    five = store.load(path)
    assert [(p.id, p.role) for p in five.people] == [("ana-ruiz", "port director")]
    (reason,) = five.review
    assert "'harbour master' was dropped for 'port director'" in reason
    assert check([path.parent], tmp_path / "registry.yml", cache_file=None).problems == []
    assert store.is_hand_edited(path.read_text()) == edited


def test_registry_resolves_by_id_then_name_then_other_forms():
    reg = parse_registry(
        "entities:\n- {name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}\n"
        "- {name: Office of Science and Technology Policy, kind: organization, aliases: [OSTP]}\n"
    )
    assert reg.resolve("person", "kim-sang-bu", "Someone Else").name == "Kim Sang-bu"
    assert reg.resolve("person", "x", "Kim Sangbu").name == "Kim Sang-bu"
    assert reg.resolve("organization", "x", "The Office", ["OSTP"]).name == "Office of Science and Technology Policy"
    assert reg.resolve("person", "x", "Nobody", ["Kim Sang-bu"]).name == "Kim Sang-bu"
    assert reg.resolve("initiative", "x", "Kim Sang-bu") is None
    # Extraction has no id yet: only the name and the other forms are asked.
    assert reg.resolve("person", None, "Kim Sangbu").name == "Kim Sang-bu"
    assert reg.resolve("person", None, "Nobody", ["Nobody Else"]) is None
