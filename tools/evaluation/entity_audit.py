"""The entity audit: every person and organization the site would give a page, on real news pages.

The 181 saved pages of the article-extraction benchmark (``benchmarks/article-extraction/html``)
are ingested without a registry and indexed as the site indexes them; every person and
organization of the index gets a page. No gold says who they are, so a seeded random sample of
each kind is checked by reading its context, and the verdicts are kept in
``docs/entity-audit.yml`` so that the check can be repeated and compared after each change:

    python -m tools.evaluation.entity_audit --shared ../shared            # list and score
    python -m tools.evaluation.entity_audit --shared ../shared --sample   # (re)draw the sample

Drawing again keeps the verdicts of entities already judged; new ones get ``verdict: null``
until a person reads their context and writes ``ok`` or ``wrong`` (with a ``note``).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SEED = 12
SAMPLE_SIZE = 50
AUDIT_FILE = Path("docs") / "entity-audit.yml"
KINDS = ("person", "organization")


@dataclass(frozen=True)
class Listed:
    """An entity with a page, and where a reader can check it."""

    kind: str
    id: str
    name: str
    briefings: int
    briefing: str  # the first briefing that names it
    context: str  # the first paragraph sentence that names it (or the briefing's title)


def ingest_pages(html_dir: Path, work: Path) -> Path:
    """Unpack the saved pages and ingest them; returns the briefings folder."""
    from briefbook.pipeline import ingest

    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for gz in sorted(html_dir.glob("*.html.gz")):
        (pages / gz.name.removesuffix(".gz")).write_bytes(gzip.decompress(gz.read_bytes()))
    out = work / "briefings"
    ingest([pages], out)
    return out


def _context(paragraphs: list[str], forms: list[str]) -> str | None:
    for para in paragraphs:
        for sentence in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", para):
            if any(f and f in sentence for f in forms):
                return " ".join(sentence.split())[:300]
    return None


def list_entities(briefings_dir: Path) -> dict[str, list[Listed]]:
    """Every person and organization of the corpus index, by name."""
    from briefbook.corpus_files import load_corpus

    corpus = load_corpus(briefings_dir)
    out: dict[str, list[Listed]] = {}
    for kind in KINDS:
        items = []
        for ent in corpus.entities.get(kind, {}).values():
            first = corpus.briefings[ent.briefings[0]] if ent.briefings else None
            forms = [ent.name, *ent.aliases]
            context = _context(first.briefing.paragraphs, forms) if first else None
            items.append(
                Listed(kind, ent.id, ent.name, len(ent.briefings), first.slug if first else "",
                       context or (first.title if first else ""))
            )
        out[kind] = sorted(items, key=lambda x: x.id)
    return out


def draw(items: list[Listed], n: int = SAMPLE_SIZE, seed: int = SEED) -> list[Listed]:
    """A seeded random sample, the same for the same list."""
    return random.Random(seed).sample(items, min(n, len(items)))


def merge_verdicts(sample: dict[str, list[Listed]], old: dict[str, Any]) -> dict[str, Any]:
    """The audit file's content for a new sample, keeping verdicts already given (by kind and id)."""
    known = {(k, e.get("id")): e for k in KINDS for e in (old.get(k) or [])}
    doc: dict[str, Any] = {"seed": SEED, "size": SAMPLE_SIZE}
    for kind in KINDS:
        rows = []
        for x in sample[kind]:
            prev = known.get((kind, x.id), {})
            rows.append({"id": x.id, "name": x.name, "briefing": x.briefing, "context": x.context,
                         "verdict": prev.get("verdict"), "note": prev.get("note")})
        doc[kind] = rows
    return doc


def tally(doc: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Per kind: how many sampled, judged, and judged wrong."""
    out = {}
    for kind in KINDS:
        rows = doc.get(kind) or []
        out[kind] = {"sampled": len(rows), "judged": sum(1 for r in rows if r.get("verdict")),
                     "wrong": sum(1 for r in rows if r.get("verdict") == "wrong")}
    return out


def run(shared: Path, audit_file: Path = AUDIT_FILE, write_sample: bool = False) -> dict[str, Any]:
    """``make eval``'s step: the entities with a page and the audit of the kept sample."""
    html_dir = shared / "benchmarks" / "article-extraction" / "html"
    if not html_dir.is_dir():
        return {"available": False, "reason": f"{html_dir} not found"}
    with tempfile.TemporaryDirectory(prefix="briefbook-audit-") as tmp:
        listed = list_entities(ingest_pages(html_dir, Path(tmp)))
    old = yaml.safe_load(audit_file.read_text(encoding="utf-8")) if audit_file.exists() else {}
    sample = {k: draw(listed[k]) for k in KINDS}
    doc = merge_verdicts(sample, old or {})
    stale = [k for k in KINDS if [r["id"] for r in doc[k]] != [r.get("id") for r in (old or {}).get(k) or []]]
    if write_sample:
        audit_file.parent.mkdir(parents=True, exist_ok=True)
        audit_file.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    listing = audit_file.with_suffix(".tsv")
    if write_sample:
        rows = ["kind\tid\tname\tbriefings\tfirst briefing"]
        rows += [f"{x.kind}\t{x.id}\t{x.name}\t{x.briefings}\t{x.briefing}" for k in KINDS for x in listed[k]]
        listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {"people": len(listed["person"]), "organizations": len(listed["organization"]),
            "audit": tally(doc if write_sample else (old or {})), "sample_changed": stale}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.evaluation.entity_audit", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("..") / "shared")
    ap.add_argument("--audit", type=Path, default=AUDIT_FILE)
    ap.add_argument("--sample", action="store_true", help="(re)draw the sample and write the audit file")
    args = ap.parse_args(argv)
    result = run(args.shared, args.audit, write_sample=args.sample)
    if not result.get("available", True):
        print(f"not available: {result['reason']}", file=sys.stderr)
        return 1
    print(f"pages for {result['people']} people and {result['organizations']} organizations")
    for kind, t in result["audit"].items():
        print(f"{kind}: {t['wrong']} wrong of {t['judged']} judged ({t['sampled']} sampled)")
    if result["sample_changed"]:
        print(f"the sample changed for {', '.join(result['sample_changed'])}: judge the new entries (--sample)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
