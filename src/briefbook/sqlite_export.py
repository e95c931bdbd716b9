"""The corpus as one SQLite database (sqlite-utils), and Datasette's metadata for it.

Built from the same index as the site (``corpus.Corpus``), so an entity has its canonical id
and name here as on its page. Tables: briefings, people, organizations, initiatives, topics,
quotes (speaker and paragraph), events, and one link table per entity kind; foreign keys,
indexes on every link column, and full-text search (FTS5) on the briefings' text and on the
quotes. The file is written beside its final name and moved into place when complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import Any

from .corpus import BriefingEntry, Corpus
from .model import Briefing

ENTITY_TABLES = {"person": "people", "organization": "organizations", "initiative": "initiatives",
                 "topic": "topics"}
LINK_TABLES = {"person": "briefing_people", "organization": "briefing_organizations",
               "initiative": "briefing_initiatives", "topic": "briefing_topics"}
LINK_COLUMNS = {"person": "person_id", "organization": "organization_id", "initiative": "initiative_id",
                "topic": "topic_id"}


def export_sqlite(corpus: Corpus, db_path: str | os.PathLike[str]) -> dict[str, int]:
    """Write the database to ``db_path`` (replacing it); returns the row count of each table."""
    target = Path(db_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        counts = _build(corpus, Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def _build(corpus: Corpus, path: Path) -> dict[str, int]:
    import sqlite_utils

    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = OFF")  # a new file written once: no journal needed
    db["briefings"].insert_all(_briefing_rows(corpus), pk="id", columns=dict.fromkeys(BRIEFING_COLUMNS, str))
    for kind, table in ENTITY_TABLES.items():
        db[table].create(_ENTITY_COLUMNS[kind], pk="id")  # even when empty: the link tables point at it
        db[table].insert_all(_entity_rows(corpus, kind))
    for kind, table in LINK_TABLES.items():
        col = LINK_COLUMNS[kind]
        db[table].create({"briefing_id": str, col: str, **({"role": str, "role_organization_id": str}
                                                          if kind == "person" else {})},
                         pk=("briefing_id", col),
                         foreign_keys=[("briefing_id", "briefings", "id"), (col, ENTITY_TABLES[kind], "id")])
        db[table].insert_all(_link_rows(corpus, kind))
    db["quotes"].create({"id": int, "briefing_id": str, "paragraph": int, "kind": str, "text": str,
                         "speaker_name": str, "speaker_id": str, "speaker_organization_id": str, "date": str},
                        pk="id", foreign_keys=[("briefing_id", "briefings", "id"), ("speaker_id", "people", "id"),
                                               ("speaker_organization_id", "organizations", "id")])
    db["quotes"].insert_all(_quote_rows(corpus))
    db["events"].create({"id": int, "briefing_id": str, "date": str, "paragraph": int, "text": str},
                        pk="id", foreign_keys=[("briefing_id", "briefings", "id")])
    db["events"].insert_all(_event_rows(corpus))
    for table, columns in (("briefings", ["date"]), ("quotes", ["briefing_id"]), ("quotes", ["speaker_id"]),
                           ("quotes", ["speaker_organization_id"]), ("quotes", ["date"]),
                           ("events", ["briefing_id"]), ("events", ["date"])):
        db[table].create_index(columns, if_not_exists=True)
    for kind, table in LINK_TABLES.items():
        db[table].create_index([LINK_COLUMNS[kind]], if_not_exists=True)
    db["briefings"].enable_fts(["title", "summary", "text"], fts_version="FTS5")
    db["quotes"].enable_fts(["text", "speaker_name"], fts_version="FTS5")
    counts = {t: db[t].count for t in ("briefings", *ENTITY_TABLES.values(), *LINK_TABLES.values(),
                                        "quotes", "events")}
    db.close()
    return counts


_ENTITY_COLUMNS: dict[str, dict[str, type]] = {
    "person": {"id": str, "name": str, "role": str, "organization_id": str, "country": str, "aliases": str,
               "description": str, "briefings": int, "first_seen": str, "last_seen": str},
    "organization": {"id": str, "name": str, "country": str, "aliases": str, "description": str,
                     "briefings": int, "first_seen": str, "last_seen": str},
    "initiative": {"id": str, "name": str, "kind": str, "aliases": str, "description": str, "briefings": int,
                   "first_seen": str, "last_seen": str},
    "topic": {"id": str, "name": str, "description": str, "briefings": int, "first_seen": str,
              "last_seen": str},
}


# Fields of the model kept other than in a column of their own name: in a table of their own,
# or (the file's bookkeeping) not at all. The source is spread over columns, the body is ``text``.
IN_TABLES = frozenset({"people", "organizations", "initiatives", "topics", "quotes", "events"})
NOT_KEPT = frozenset({"generator"})
SOURCE_COLUMNS = {"url": "url", "outlet": "outlet", "file": "source_file"}  # Source field -> column


def _columns_of(name: str) -> dict[str, Callable[[BriefingEntry], Any]]:
    """The briefings table's columns that hold the model's field ``name``, each with its reader:
    text as it is, lists and items as JSON."""
    if name == "source":
        return {col: lambda e, attr=attr: getattr(e.briefing.source, attr) for attr, col in SOURCE_COLUMNS.items()}
    if name == "paragraphs":
        return {"text": lambda e: "\n\n".join(e.briefing.paragraphs)}
    if name == "title":
        return {"title": lambda e: e.title}  # the file name when the briefing has no title
    if name in IN_TABLES | NOT_KEPT:
        return {}
    return {name: lambda e: _cell(getattr(e.briefing, name))}


# Read off `Briefing`: a new field of the model gets its column.
BRIEFING_COLUMNS: dict[str, Callable[[BriefingEntry], Any]] = {
    "id": lambda e: e.slug, **{col: read for f in fields(Briefing) for col, read in _columns_of(f.name).items()}}


def _briefing_rows(corpus: Corpus) -> list[dict[str, Any]]:
    return [{col: read(e) for col, read in BRIEFING_COLUMNS.items()} for e in corpus.briefings.values()]


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps([asdict(v) if is_dataclass(v) else v for v in value], ensure_ascii=False)
    return value


def _entity_rows(corpus: Corpus, kind: str) -> list[dict[str, Any]]:
    columns = _ENTITY_COLUMNS[kind]
    rows = []
    orgs = corpus.entities.get("organization", {})
    for ent in corpus.entities.get(kind, {}).values():
        row: dict[str, Any] = {"id": ent.id, "name": ent.name, "description": ent.description,
                               "briefings": len(ent.briefings), "first_seen": ent.first_seen,
                               "last_seen": ent.last_seen}
        if "aliases" in columns:
            row["aliases"] = json.dumps(ent.aliases, ensure_ascii=False)
        if "country" in columns:
            row["country"] = ent.country
        if kind == "initiative":
            row["kind"] = ent.subkind
        if kind == "person":
            latest = ent.latest_role()
            row["role"] = ent.role or (latest.role if latest else None)
            org = latest.organization if latest else None
            row["organization_id"] = org if org in orgs else None
        rows.append(row)
    return rows


def _link_rows(corpus: Corpus, kind: str) -> list[dict[str, Any]]:
    col = LINK_COLUMNS[kind]
    known = corpus.entities.get(kind, {})
    orgs = corpus.entities.get("organization", {})
    rows = []
    for slug, e in corpus.briefings.items():
        ids = {"person": e.people, "organization": e.organizations, "initiative": e.initiatives,
               "topic": e.topics}[kind]
        for ent_id in dict.fromkeys(ids):
            if ent_id not in known:
                continue
            row: dict[str, Any] = {"briefing_id": slug, col: ent_id}
            if kind == "person":
                seen = e.roles.get(ent_id)
                row["role"] = seen.role if seen else None
                row["role_organization_id"] = seen.organization if seen and seen.organization in orgs else None
            rows.append(row)
    return rows


def _quote_rows(corpus: Corpus) -> list[dict[str, Any]]:
    people = corpus.entities.get("person", {})
    orgs = corpus.entities.get("organization", {})
    rows = []
    for slug, e in corpus.briefings.items():
        for q in e.quotes:
            rows.append({
                "id": len(rows) + 1, "briefing_id": slug, "paragraph": q.paragraph, "kind": q.kind,
                "text": q.text, "speaker_name": q.speaker_name,
                "speaker_id": q.speaker if q.speaker in people else None,
                "speaker_organization_id": q.speaker_org if q.speaker_org in orgs else None, "date": q.date,
            })
    return rows


def _event_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for slug, e in corpus.briefings.items():
        for ev in e.events:
            rows.append({"id": len(rows) + 1, "briefing_id": slug, "date": ev.date, "paragraph": ev.paragraph,
                         "text": ev.text})
    return rows


def datasette_metadata(db_name: str, title: str = "News briefings") -> dict[str, Any]:
    """Datasette's metadata: what each table and column holds, and two ready-made queries."""
    tables: dict[str, Any] = {
        "briefings": {"description": "One row per briefing: a news story as briefbook extracted it.", "columns": {
            "id": "the briefing's address on the site (its file name without .md)",
            "title": "headline", "date": "publication date (ISO)", "location": "dateline place",
            "summary": "the lead, in a sentence or two", "url": "the article's web address, when known",
            "outlet": "the publisher", "source_file": "the article file the briefing was made from",
            "key_points": "JSON list of sentences", "places": "JSON list of places named",
            "review": "JSON list of reasons a person should check it",
            "text": "the cleaned article, paragraphs separated by a blank line (searchable)",
            "other_sources": "JSON list of the other outlets' articles of the same story",
            "title_from": "'lead' when the title was written from the lead sentence",
            "story": "'separate' when a person said it is no other outlet's version of a story"}},
        "people": {"description": "Every person named in a briefing, under one canonical id.", "columns": {
            "role": "the latest role seen (or the registry's)", "organization_id": "the organization of that role",
            "briefings": "in how many briefings", "first_seen": "date of the first briefing",
            "last_seen": "date of the latest briefing"}},
        "organizations": {"description": "Every organization named in a briefing.",
                          "columns": {"aliases": "JSON list of other names", "briefings": "in how many briefings"}},
        "initiatives": {"description": "Initiatives, agreements, summits and meetings.",
                        "columns": {"kind": "initiative, agreement, summit, meeting, ..."}},
        "topics": {"description": "The topics briefings are filed under."},
        "briefing_people": {"description": "Who appears in which briefing, with the role that briefing gives.",
                            "columns": {"role": "the role in this briefing",
                                        "role_organization_id": "the organization of that role"}},
        "briefing_organizations": {"description": "Which organizations each briefing names."},
        "briefing_initiatives": {"description": "Which initiatives each briefing names."},
        "briefing_topics": {"description": "The topics of each briefing."},
        "quotes": {"description": "Every quote, with its speaker and the paragraph it is in (searchable).",
                   "columns": {"kind": "direct (in quotation marks) or indirect (reported)",
                               "paragraph": "1-based paragraph of the briefing's article",
                               "speaker_id": "the person who said it", "speaker_name": "the speaker as named",
                               "speaker_organization_id": "the organization that said it, when no person did",
                               "date": "the briefing's date"}},
        "events": {"description": "Dated events of each briefing's timeline.",
                   "columns": {"date": "ISO date, month or year of the event", "paragraph": "1-based paragraph"}},
    }
    queries = {
        "quotes_by_person": {
            "title": "Every quote by a person since a date",
            "sql": "select quotes.date, quotes.text, briefings.title, briefings.url from quotes "
                   "join people on people.id = quotes.speaker_id join briefings on briefings.id = quotes.briefing_id "
                   "where people.name like '%' || :name || '%' and quotes.date >= :since "
                   "order by quotes.date",
        },
        "organizations_with_initiative": {
            "title": "Which organizations appear with an initiative",
            "sql": "select organizations.name, count(*) as briefings from briefing_initiatives bi "
                   "join initiatives on initiatives.id = bi.initiative_id "
                   "join briefing_organizations bo on bo.briefing_id = bi.briefing_id "
                   "join organizations on organizations.id = bo.organization_id "
                   "where initiatives.name like '%' || :initiative || '%' "
                   "group by organizations.id order by briefings desc, organizations.name",
        },
    }
    return {"title": title, "databases": {db_name: {"tables": tables, "queries": queries}}}
