"""The article's own facts on the 181 benchmark pages: headline, publication date, dateline, outlet, furniture.

The gold is ours (``data/article_metadata.yml``: what a reader sees on each page, checked by hand);
the pages and their clean bodies stay in ``shared/benchmarks/article-extraction``. Three systems:

- ``ours``: the HTML reader (`briefbook.html_reader.read_html`) and the title a briefing falls back on;
- ``htmldate``: `htmldate.find_date(original_date=True, extensive_search=True)`, the field's library (date only);
- ``trafilatura``: `trafilatura.extract_metadata` (title, date, site name; no dateline).

Measures, per page then averaged:

- title token F1: the multiset overlap of normalised word tokens with the headline;
- publication date: exactly the gold date (null when the page gives none);
- dateline place: scored on pages where the gold or the prediction has one (both null is not credited);
- outlet: the gold name or one of its aliases, compared without case, spaces, punctuation or a leading "the";
- furniture fragments left: paragraphs of our body (or the summary) of 4 words or more that share no
  4-word shingle with the page's clean body, plus summaries that begin with a dateline.

Run: ``python -m tools.evaluation.metadata_bench [SHARED_DIR] [--cache=FILE]``; the reader's output on
the pages can be kept in a file (``--cache=FILE``) and is read again only while the extraction code and
data are the same (`briefbook.fingerprint.code_fingerprint`).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import sys
import unicodedata
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import yaml

BENCH = Path("benchmarks") / "article-extraction"
GOLD = Path(__file__).resolve().parent / "data" / "article_metadata.yml"
_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------- normalising


def norm(s: object) -> str:
    """Casefolded words without accents or punctuation; a leading "the" dropped."""
    if s is None:
        return ""
    text = unicodedata.normalize("NFKD", str(s))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text).replace("&", " and ")
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def title_f1(gold: str, pred: str | None) -> float:
    a, b = norm(gold).split(), norm(pred).split()
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def _outlet_key(s: object) -> str:
    key = norm(s).replace(" ", "")
    return re.sub(r"(?:com|net|org|info|couk|co|in|ru|ca)$", "", key) if len(key) > 6 else key


def outlet_ok(entry: dict[str, Any], pred: str | None) -> bool:
    names = [entry.get("outlet"), *entry.get("outlet_aliases", [])]
    keys = {_outlet_key(n) for n in names if n}
    if not keys:
        return not pred
    return bool(pred) and _outlet_key(pred) in keys


def place_ok(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return not norm(pred)
    return bool(norm(pred)) and (norm(pred) == norm(gold) or norm(str(pred).split(",")[0]) == norm(gold))


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


_DATELINE_START = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:,[^—–(]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s")


def furniture_left(paragraphs: list[str], summary: str, body: str) -> list[str]:
    """Paragraphs of ours that share nothing with the clean body, and a summary that opens with a dateline."""
    gold = _shingles(body)
    left = [p for p in paragraphs if len(_TOKEN.findall(p)) >= 4 and not (_shingles(p) & gold)]
    if summary and _DATELINE_START.match(summary):
        left.append("summary begins with the dateline: " + summary[:60])
    return left


# --------------------------------------------------------------------------- systems


def _read(path: Path) -> str:
    return gzip.open(path).read().decode("utf-8", "replace")


def ours_one(path: Path) -> dict[str, Any]:
    from briefbook.extract.summary import lead_title, summarize
    from briefbook.html_reader import read_html

    art = read_html(_read(path))
    paragraphs = [p for p in art.paragraphs if p.strip()]
    return {"title": art.title or lead_title(paragraphs), "date": art.date, "dateline": art.location,
            "outlet": art.outlet, "agencies": art.agencies, "paragraphs": paragraphs,
            "summary": summarize(paragraphs) if paragraphs else ""}


def peers_one(path: Path) -> dict[str, Any]:
    from htmldate import find_date
    from trafilatura import extract_metadata

    logging.disable(logging.CRITICAL)
    html = _read(path)
    try:
        hd = find_date(html, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        hd = None
    try:
        meta = extract_metadata(html)
        tr = {"title": meta.title, "date": meta.date, "outlet": meta.sitename}
    except (ValueError, TypeError, AttributeError):
        tr = {}
    return {"htmldate": {"date": hd}, "trafilatura": tr}


def _by_page(fn: Any, files: list[Path]) -> dict[str, Any]:
    with Pool(2) as pool:
        return dict(zip((f.name.split(".")[0] for f in files), pool.map(fn, files, chunksize=4), strict=True))


# --------------------------------------------------------------------------- scoring


def score(gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]], bodies: dict[str, str] | None) -> dict[str, Any]:
    titles, dates, outlets, places, scored_places = [], [], [], [], 0
    furniture: list[str] = []
    for entry in gold:
        p = preds.get(entry["id"], {})
        titles.append(title_f1(entry["title"], p.get("title")))
        dates.append(str(p.get("date") or "")[:10] == str(entry["date"] or ""))
        outlets.append(outlet_ok(entry, p.get("outlet")))
        if "dateline" in p and (entry["dateline"] or norm(p.get("dateline"))):
            scored_places += 1
            places.append(place_ok(entry["dateline"], p.get("dateline")))
        if bodies is not None and "paragraphs" in p:
            furniture += [f"{entry['id'][:8]}: {x[:70]}" for x in
                          furniture_left(p["paragraphs"], p.get("summary", ""), bodies[entry["id"]])]
    n = len(gold)
    return {
        "title_f1": sum(titles) / n,
        "date": sum(dates) / n,
        "dateline": (sum(places) / scored_places) if scored_places else None,
        "dateline_n": scored_places,
        "outlet": sum(outlets) / n,
        "furniture": len(furniture) if bodies is not None else None,
        "furniture_examples": furniture[:10],
        "pages": n,
    }


def load_gold() -> list[dict[str, Any]]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pages"]


def run(shared_dir: Path, cache: Path | None = None) -> dict[str, Any]:
    """``{"available", "ours": {...}, "htmldate": {...}, "trafilatura": {...}, "table"}``."""
    bench = Path(shared_dir) / BENCH
    if not (bench / "ground-truth.json").exists():
        return {"available": False, "reason": f"missing {bench / 'ground-truth.json'}"}
    gold = load_gold()
    files = [bench / "html" / f"{e['id']}.html.gz" for e in gold]
    bodies = {k: v["articleBody"] for k, v in json.loads((bench / "ground-truth.json").read_text("utf-8")).items()}
    from briefbook.fingerprint import code_fingerprint

    code = code_fingerprint()
    saved = json.loads(cache.read_text("utf-8")) if cache is not None and cache.exists() else {}
    if saved.get("code") == code:
        ours = saved["pages"]
    else:
        ours = _by_page(ours_one, files)
        if cache is not None:
            cache.write_text(json.dumps({"code": code, "pages": ours}, ensure_ascii=False), "utf-8")
    peers = _by_page(peers_one, files)
    result = {
        "available": True,
        "ours": score(gold, ours, bodies),
        "htmldate": score(gold, {k: v["htmldate"] for k, v in peers.items()}, None),
        "trafilatura": score(gold, {k: v["trafilatura"] for k, v in peers.items()}, None),
    }
    result["table"] = table(result)
    return result


def table(r: dict[str, Any]) -> str:
    def f(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.2f}"

    o, h, t = r["ours"], r["htmldate"], r["trafilatura"]
    lines = [
        f"{'measure':<26}{'ours':>8}{'htmldate':>10}{'trafilatura':>13}",
        f"{'title token F1':<26}{f(o['title_f1']):>8}{'–':>10}{f(t['title_f1']):>13}",
        f"{'publication date':<26}{f(o['date']):>8}{f(h['date']):>10}{f(t['date']):>13}",
        f"{'dateline place':<26}{f(o['dateline']):>8}{'–':>10}{'–':>13}",
        f"{'outlet':<26}{f(o['outlet']):>8}{'–':>10}{f(t['outlet']):>13}",
        f"{'furniture fragments left':<26}{o['furniture']:>8}{'–':>10}{'–':>13}",
    ]
    return "\n".join(lines + [f"  {x}" for x in o["furniture_examples"]])


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--cache")]
    cache = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--cache=")), None)
    shared = Path(args[0]) if args else Path.cwd().parent / "shared"
    result = run(shared, cache)
    if not result["available"]:
        print(f"not available: {result['reason']}", file=sys.stderr)
        return 1
    print(result["table"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
