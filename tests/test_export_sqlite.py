"""`briefbook export sqlite`: the corpus as SQLite, searched directly and through Datasette.

Runs on the hand-written fixture briefings (tests/fixtures/site), never on the project's own.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from briefbook import store
from briefbook.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "site"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    db = out / "corpus.db"
    code = main(["export", "sqlite", str(db), "--briefings", str(FIXTURES / "briefings"),
                 "--registry", str(out / "no-registry.yml")])
    assert code == 0
    return db


def briefings() -> list[store.Briefing]:
    return [store.load(p) for p in sorted((FIXTURES / "briefings").glob("*.md"))]


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_row_counts_match_the_briefings(exported):
    bs = briefings()
    count = {t: rows(exported, f"select count(*) from {t}")[0][0]
             for t in ("briefings", "people", "organizations", "quotes", "events", "briefing_people")}
    assert count["briefings"] == len(bs)
    assert count["people"] == len({p.id for b in bs for p in b.people})
    assert count["organizations"] == len({o.id for b in bs for o in b.organizations})
    assert count["briefing_people"] == sum(len({p.id for p in b.people}) for b in bs)
    assert count["quotes"] == sum(len(b.quotes) for b in bs)
    assert count["events"] == sum(len(b.events) for b in bs)


def test_quotes_keep_speaker_and_paragraph(exported):
    b = next(b for b in briefings() if b.quotes)
    q = b.quotes[0]
    got = rows(exported, "select quotes.speaker_id, people.name, quotes.paragraph from quotes "
                         "left join people on people.id = quotes.speaker_id where quotes.text = ?", q.text)
    assert got == [(q.speaker, q.speaker_name, q.paragraph)]


def test_full_text_search_finds_a_quote_and_a_briefing(exported):
    found = rows(exported, "select quotes.text from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid "
                           "where quotes_fts match ?", "experience")
    assert found == [("Floating wind is where our offshore experience meets Japan's deep waters.",)]
    titles = rows(exported, "select briefings.title from briefings_fts join briefings "
                            "on briefings.rowid = briefings_fts.rowid where briefings_fts match ?", "offshore")
    assert ("Norway and Japan open talks on an offshore wind partnership",) in titles


def test_foreign_keys_and_indexes(exported):
    with sqlite3.connect(exported) as conn:
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        fks = {(t, r[2], r[3]) for t in ("quotes", "events", "briefing_people")
               for r in conn.execute(f"pragma foreign_key_list({t})")}
        indexed = {r[1] for r in conn.execute("pragma index_list(quotes)")}
    assert {("quotes", "briefings", "briefing_id"), ("quotes", "people", "speaker_id"),
            ("events", "briefings", "briefing_id"), ("briefing_people", "people", "person_id")} <= fks
    assert "idx_quotes_speaker_id" in indexed


def test_metadata_describes_every_table(exported):
    meta = json.loads(exported.with_name("corpus.metadata.json").read_text())
    tables = meta["databases"]["corpus"]["tables"]
    names = {r[0] for r in rows(exported, "select name from sqlite_master where type = 'table' "
                                          "and name not like '%_fts%'")}
    assert names == set(tables)
    assert all(t.get("description") for t in tables.values())


def test_bad_input_is_one_line(tmp_path, capsys):
    assert main(["export", "sqlite", str(tmp_path / "c.db"), "--briefings", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none: no such folder of briefings" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_datasette_serves_the_database(exported):
    pytest.importorskip("datasette")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(exported), "-m",
         str(exported.with_name("corpus.metadata.json")), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    try:
        deadline = time.monotonic() + 60
        while True:  # wait for the state checked: the server answering
            try:
                _get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {proc.stdout.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        found = _get_json(f"{base}/corpus/quotes.json?_search=experience&_shape=array")
        assert [q["speaker_id"] for q in found] == ["ingrid-halvorsen"]
        query = urllib.parse.urlencode({"name": "Halvorsen", "since": "2025-01-01", "_shape": "array"})
        said = _get_json(f"{base}/corpus/quotes_by_person.json?{query}")
        assert said and all(row["date"] >= "2025-01-01" for row in said)
        orgs = _get_json(f"{base}/corpus/organizations_with_initiative.json?"
                         + urllib.parse.urlencode({"initiative": "Offshore Wind", "_shape": "array"}))
        assert "Ministry of Petroleum and Energy" in {o["name"] for o in orgs}
        tables = _get_json(f"{base}/corpus.json")["tables"]
        assert {t["name"]: t["count"] for t in tables}["quotes"] == sum(len(b.quotes) for b in briefings())
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_the_site_can_publish_the_database(tmp_path):
    from test_site_build import build_site

    site, _ = build_site(tmp_path, FIXTURES / "briefings", FIXTURES / "registry.yml",
                         extra="      database: data/corpus.db\n")
    db = site / "data" / "corpus.db"
    assert rows(db, "select count(*) from briefings") == [(len(briefings()),)]
    meta = json.loads((site / "data" / "corpus.metadata.json").read_text())
    assert "quotes" in meta["databases"]["corpus"]["tables"]
