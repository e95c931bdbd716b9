"""The corpus index: registry merges, roles over time, quotes, events, connections, loading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefbook import store
from briefbook.corpus import Ref, build_corpus
from briefbook.corpus_files import load_corpus
from briefbook.model import Briefing, Event, Initiative, Person, Quote, Source
from briefbook.registry import parse_registry
from briefbook.topics_data import Topic, load_topics

FIXTURES = Path(__file__).parent / "fixtures" / "site"


def briefing(title: str, date: str | None, paragraphs: list[str], **kw) -> Briefing:
    base = dict(title=title, date=date, location=None, source=Source(), summary=None, key_points=[],
                topics=[], people=[], organizations=[], initiatives=[], quotes=[], events=[], places=[],
                paragraphs=paragraphs)
    base.update(kw)
    return Briefing(**base)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "briefings", FIXTURES / "registry.yml")


def test_registry_name_alias_and_description_win(corpus):
    nsga = corpus.entities["organization"]["north-sea-grid-authority"]
    # one briefing called it "NSGA" (id nsga), another "the Grid Authority": all merged by alias
    assert "nsga" not in corpus.entities["organization"]
    assert nsga.name == "North Sea Grid Authority"
    assert nsga.aliases[:2] == ["NSGA", "the Grid Authority"]
    assert nsga.description.startswith("Public body")
    assert nsga.in_registry
    assert len(nsga.briefings) == 4


def test_person_roles_over_time_with_dates(corpus):
    ingrid = corpus.entities["person"]["ingrid-halvorsen"]
    seen = [(r.role, r.date) for r in ingrid.roles]
    assert seen == [("Deputy Minister of Petroleum and Energy", "2025-03-12"),
                    ("Deputy Minister of Petroleum and Energy", "2025-04-22"),
                    ("Minister of Petroleum and Energy", "2025-06-16")]
    assert ingrid.latest_role().role == "Minister of Petroleum and Energy"
    assert ingrid.roles[0].organization == "ministry-of-petroleum-and-energy"
    assert ingrid.role == "Minister of Petroleum and Energy"  # from the registry
    assert (ingrid.first_seen, ingrid.last_seen) == ("2025-03-12", "2025-06-16")


def test_quotes_attach_to_speakers_in_date_order(corpus):
    ingrid = corpus.entities["person"]["ingrid-halvorsen"]
    assert [q.date for q in ingrid.quotes] == ["2025-03-12", "2025-04-22", "2025-06-16"]
    assert ingrid.quotes[0].paragraph == 3
    costa = corpus.entities["person"]["maria-costa"]
    # the undated briefing's quote sorts first and keeps its briefing
    assert costa.quotes[0].briefing == "undated-cable-delays"


def test_connections_count_shared_briefings(corpus):
    ingrid = corpus.entities["person"]["ingrid-halvorsen"]
    assert ingrid.connections[Ref("person", "kenji-arakawa")] == 2
    assert ingrid.connections[Ref("person", "lars-eide")] == 1
    assert ingrid.connections[Ref("organization", "north-sea-grid-authority")] == 3
    assert Ref("person", "ingrid-halvorsen") not in ingrid.connections
    energy = corpus.entities["topic"]["energy"]
    assert energy.connections[Ref("person", "maria-costa")] == 3


def test_events_link_entities_named_in_their_paragraph(corpus):
    dates = [e.date for e in corpus.events]
    assert dates == sorted(dates)
    assert "2025-06-15" in dates and "2025-04" in dates and "2026" in dates
    summit = corpus.entities["initiative"]["nordic-energy-summit-2025"]
    # the opening was reported by two briefings, the close by one
    assert [e.date for e in summit.events] == ["2025-06-15", "2025-06-15", "2025-06-16"]
    assert Ref("person", "lars-eide") not in summit.events[0].entities


def test_first_mentions_are_linked_once_per_briefing(corpus):
    entry = corpus.briefings["2025-06-16-nordic-summit-hydrogen-corridor"]
    refs = [m.ref for ms in entry.first_mentions.values() for m in ms]
    assert len(refs) == len(set(refs))
    para = entry.briefing.paragraphs[1]
    (mention,) = entry.first_mentions[1]
    assert para[mention.start:mention.end] == "Minister Halvorsen"  # a registry alias


def test_briefings_ordered_by_date_undated_first(corpus):
    assert next(iter(corpus.briefings)) == "undated-cable-delays"
    assert corpus.newest_first()[0].slug == "2025-06-16-nordic-summit-hydrogen-corridor"
    assert [b.slug for b in corpus.needs_review()] == ["undated-cable-delays"]


def test_topic_names_from_vocabulary_or_id():
    b = briefing("T", "2025-01-02", ["Text."], topics=["energy", "space-policy"])
    c = build_corpus([("t", b)], topics={"energy": Topic("energy", "Energy and power")})
    assert c.entities["topic"]["energy"].name == "Energy and power"
    assert c.entities["topic"]["space-policy"].name == "Space policy"


def test_registry_lookup_by_name_merges_different_ids():
    reg = parse_registry("entities:\n  - name: Lee Jae Myung\n    kind: person\n"
                         "    aliases: [President Lee]\n    description: President of South Korea.\n")
    a = briefing("A", "2025-01-01", ["Lee Jae-myung spoke."],
                 people=[Person(id="lee-jae-myung", name="Lee Jae-myung")],
                 quotes=[Quote("We will act.", "lee-jae-myung", "Lee Jae-myung", "direct", 1)])
    b = briefing("B", "2025-02-01", ["President Lee spoke."],
                 people=[Person(id="president-lee", name="President Lee", role="President")])
    c = build_corpus([("a", a), ("b", b)], reg)
    assert list(c.entities["person"]) == ["lee-jae-myung"]
    lee = c.entities["person"]["lee-jae-myung"]
    assert lee.name == "Lee Jae Myung"
    assert lee.briefings == ["a", "b"]
    assert lee.quotes[0].speaker == "lee-jae-myung"
    assert lee.roles[0].role == "President"


def test_most_common_spelling_names_unregistered_entities():
    people = [Person(id="kim-min-su", name=n) for n in ("Kim Min-su", "Min-su Kim", "Kim Min-su")]
    pairs = [(f"b{i}", briefing(f"B{i}", f"2025-01-0{i + 1}", ["x"], people=[p]))
             for i, p in enumerate(people)]
    kim = build_corpus(pairs).entities["person"]["kim-min-su"]
    assert kim.name == "Kim Min-su"
    assert kim.aliases == ["Min-su Kim"]


def test_person_organization_outside_the_briefing_list_is_resolved_by_registry():
    reg = parse_registry("entities:\n  - name: Office of Science and Technology Policy\n"
                         "    kind: organization\n    aliases: [OSTP]\n")
    b = briefing("A", "2025-08-05", ["Michael Kratsios, director of the OSTP, met Bae."],
                 people=[Person(id="michael-kratsios", name="Michael Kratsios", role="director",
                                organization="office-of-science-and-technology-policy")])
    c = build_corpus([("a", b)], reg)
    seen = c.entities["person"]["michael-kratsios"].roles[0]
    assert seen.organization == "office-of-science-and-technology-policy"
    assert seen.organization_name == "Office of Science and Technology Policy"
    assert "office-of-science-and-technology-policy" in c.entities["organization"]


def test_initiative_kind_and_events_without_dates_are_skipped():
    b = briefing("A", "2025-03-01", ["The Clean Grid Compact was signed."],
                 initiatives=[Initiative(id="clean-grid-compact", name="Clean Grid Compact", kind="agreement")],
                 events=[Event(date="", text="Undated.", paragraph=1),
                         Event(date="2025-03-01", text="Signed.", paragraph=1)])
    c = build_corpus([("a", b)])
    compact = c.entities["initiative"]["clean-grid-compact"]
    assert compact.subkind == "agreement"
    assert [e.text for e in c.events] == ["Signed."]
    assert compact.events[0].entities == (Ref("initiative", "clean-grid-compact"),)


def test_ambiguous_surface_forms_are_not_linked():
    b = briefing("A", "2025-01-01", ["Lee met Lee."],
                 people=[Person(id="lee-a", name="Lee A", mentions=["Lee"]),
                         Person(id="lee-b", name="Lee B", mentions=["Lee"])])
    assert build_corpus([("a", b)]).briefings["a"].first_mentions == {}


def test_duplicate_slugs_are_refused():
    b = briefing("A", None, ["x"])
    with pytest.raises(ValueError, match="slug"):
        build_corpus([("a", b), ("a", b)])


def test_broken_briefing_names_file_and_line(tmp_path):
    (tmp_path / "good.md").write_text((FIXTURES / "briefings" / "undated-cable-delays.md").read_text())
    (tmp_path / "bad.md").write_text("---\ntitle: Broken\ndate: [unclosed\n---\n\nText.\n")
    with pytest.raises(store.BriefingError) as err:
        load_corpus(tmp_path, None)
    # the line YAML reports for an unclosed list (3 or 4, depending on the YAML parser)
    assert re.match(re.escape(str(tmp_path / "bad.md")) + r":[34]: frontmatter is not valid YAML", str(err.value))


def test_missing_folder_gives_an_empty_corpus(tmp_path):
    c = load_corpus(tmp_path / "nothing", tmp_path / "no-registry.yml")
    assert c.briefings == {} and c.events == []
    assert all(not by_id for by_id in c.entities.values())


def test_topics_file_is_read(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  - id: ai\n    name: Artificial intelligence\n    keywords: [AI, machine learning]\n")
    topics = load_topics(path)
    assert topics["ai"].name == "Artificial intelligence"
    assert topics["ai"].keywords == ("AI", "machine learning")
    assert load_topics(tmp_path / "missing.yml") == {}


def test_parsed_briefings_are_kept_only_when_asked(tmp_path):
    import shutil

    for f in (FIXTURES / "briefings").glob("*.md"):
        shutil.copy(f, tmp_path / f.name)
    once = load_corpus(tmp_path, None)
    again = load_corpus(tmp_path, None)
    slug = next(iter(once.briefings))
    assert once.briefings[slug].briefing is not again.briefings[slug].briefing  # a build frees them
    kept = load_corpus(tmp_path, None, keep_parsed=True)
    served = load_corpus(tmp_path, None, keep_parsed=True)
    assert kept.briefings[slug].briefing is served.briefings[slug].briefing  # `mkdocs serve` reuses them
    path = tmp_path / f"{slug}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title:", 1) + "\n", encoding="utf-8")
    assert load_corpus(tmp_path, None, keep_parsed=True).briefings[slug].briefing is not kept.briefings[slug].briefing


def test_one_reader_for_the_topics_with_one_rule(tmp_path):
    """Extraction and the site read the vocabulary through `topics_data`: a topic without a name is
    named after its id, one without an id is refused with the file's name."""
    from briefbook.extract.topics import vocabulary
    from briefbook.topics_data import TopicsError

    assert vocabulary() == tuple(load_topics().values())
    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  - id: nuclear-energy\n    keywords: [reactor]\n")
    assert load_topics(path)["nuclear-energy"].name == "Nuclear energy"
    path.write_text("topics:\n  - name: Energy\n")
    with pytest.raises(TopicsError, match=r"topics\.yml: topic #1 has no id"):
        load_topics(path)


def test_a_mention_is_indexed_apart_from_the_actors():
    """A person or organization named in passing is found (the briefing's `mentioned`, the entity's
    `mentioned_in`) but weighs nothing: no briefing count, no connection; one only ever mentioned
    has no entity of its own, only its name."""
    from briefbook.model import Organization

    a = briefing("Port reopens", "2025-03-01", ["Jane Roe reopened the port."],
                 people=[Person("jane-roe", "Jane Roe"), Person("tom-poe", "Tom Poe", level="mentioned")],
                 organizations=[Organization("acme", "Acme", level="mentioned")])
    b = briefing("Acme grows", "2025-03-02", ["Acme hired Tom Poe."],
                 people=[Person("tom-poe", "Tom Poe")], organizations=[Organization("acme", "Acme")])
    c = briefing("Quiet day", "2025-03-03", ["Nothing."], people=[Person("ann-lee", "Ann Lee", level="mentioned")])
    corpus = build_corpus([("a", a), ("b", b), ("c", c)])
    entry = corpus.briefings["a"]
    assert entry.people == ["jane-roe"] and entry.organizations == []
    assert entry.mentioned == [Ref("organization", "acme"), Ref("person", "tom-poe")]
    tom = corpus.entities["person"]["tom-poe"]
    assert tom.briefings == ["b"] and tom.mentioned_in == ["a"]
    assert Ref("person", "tom-poe") not in corpus.entities["person"]["jane-roe"].connections
    assert "ann-lee" not in corpus.entities["person"] and corpus.name_of(Ref("person", "ann-lee")) == "Ann Lee"
