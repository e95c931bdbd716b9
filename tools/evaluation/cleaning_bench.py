"""The article-extraction benchmark: how much of each page's article the cleaners keep.

181 real news pages (scrapinghub/article-extraction-benchmark, in ``shared/benchmarks``), each
with its clean article body. Four systems are scored with the benchmark's own measure, written
here from its definition: 4-token shingles as a multiset, per-page precision and recall, means
over pages, F1 from the two means.

- ``text``: our plain-text cleaner on the whole visible text of each page (``page-text.json``);
- ``nothing``: that visible text as it is (the floor, published as 0.665);
- ``html``: our HTML reader on the saved page;
- ``trafilatura``: trafilatura's plain ``extract()`` on the same HTML (the peer, published 0.958).

Run: ``python -m tools.evaluation.cleaning_bench [SHARED_DIR] [--systems text,nothing]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from multiprocessing import Pool
from pathlib import Path

BENCH = Path("benchmarks") / "article-extraction"
SYSTEMS = ("text", "nothing", "html", "trafilatura")
_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------- the metric


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of a text (tokens are runs of word characters)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(pred: str, gold: str) -> tuple[int, int, int]:
    """TP, FP, FN shingle counts for one page."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def page_pr(pred: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one page; nothing predicted and nothing expected counts 1."""
    tp, fp, fn = page_counts(pred, gold)
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def score(preds: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Mean precision and recall over the pages of ``gold``, and F1 of the two means."""
    ps, rs = [], []
    for key, text in gold.items():
        p, r = page_pr(preds.get(key, ""), text)
        ps.append(p)
        rs.append(r)
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(ps)}


# --------------------------------------------------------------------------- the systems


def _text_system(page: str) -> str:
    from briefbook.text_cleaner import clean_text

    return clean_text(page).text


def _html_system(html: str, url: str | None) -> str:
    from briefbook.html_reader import read_html

    return read_html(html, url=url).text


def _trafilatura_system(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _run_one(job: tuple[str, str, str, str | None]) -> tuple[str, str, str]:
    system, key, payload, url = job
    if system == "text":
        out = _text_system(payload)
    elif system == "nothing":
        out = payload
    elif system == "html":
        out = _html_system(payload, url)
    else:
        out = _trafilatura_system(payload, url)
    return system, key, out


def load(shared_dir: str | os.PathLike[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str | None]]:
    """Gold article bodies, page texts and urls, keyed by page id."""
    root = Path(shared_dir) / BENCH
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = json.loads((root / "page-text.json").read_text(encoding="utf-8"))["output"]
    gold = {k: v.get("articleBody") or "" for k, v in truth.items()}
    text = {k: (pages.get(k) or {}).get("articleBody") or "" for k in truth}
    urls = {k: v.get("url") for k, v in truth.items()}
    return gold, text, urls


def _html_of(shared_dir: str | os.PathLike[str], key: str) -> str:
    path = Path(shared_dir) / BENCH / "html" / f"{key}.html.gz"
    data = gzip.decompress(path.read_bytes())
    from briefbook.reading import decode

    try:
        return decode(data, path, html=True)[0]
    except ValueError:
        return data.decode("utf-8", errors="replace")


def predict(shared_dir: str | os.PathLike[str], systems: Iterable[str] = SYSTEMS,
            processes: int | None = None) -> dict[str, dict[str, str]]:
    """Each system's output text per page."""
    gold, text, urls = load(shared_dir)
    jobs: list[tuple[str, str, str, str | None]] = []
    systems = list(systems)
    html_cache: dict[str, str] = {}
    for key in gold:
        for system in systems:
            if system in ("text", "nothing"):
                jobs.append((system, key, text[key], None))
            else:
                if key not in html_cache:
                    html_cache[key] = _html_of(shared_dir, key)
                jobs.append((system, key, html_cache[key], urls[key]))
    out: dict[str, dict[str, str]] = {s: {} for s in systems}
    processes = processes if processes is not None else min(2, os.cpu_count() or 1)
    runner: Callable[..., Iterable[tuple[str, str, str]]]
    if processes > 1 and len(jobs) > 20:
        with Pool(processes) as pool:
            for system, key, result in pool.imap_unordered(_run_one, jobs, chunksize=4):
                out[system][key] = result
    else:
        runner = map
        for system, key, result in runner(_run_one, jobs):
            out[system][key] = result
    return out


def run(shared_dir: str | os.PathLike[str], systems: Iterable[str] = SYSTEMS,
        processes: int | None = None) -> dict[str, dict[str, float]]:
    """Score the chosen systems: ``{system: {precision, recall, f1, pages, seconds}}``."""
    gold, _, _ = load(shared_dir)
    started = time.perf_counter()
    preds = predict(shared_dir, systems, processes)
    elapsed = time.perf_counter() - started
    result = {}
    for system, texts in preds.items():
        result[system] = score(texts, gold)
    result["_"] = {"seconds": elapsed}
    return result


def per_page(shared_dir: str | os.PathLike[str], system: str = "text") -> list[tuple[str, float, float]]:
    """(page id, precision, recall) of one system, worst F1 first: where to look next."""
    gold, _, _ = load(shared_dir)
    preds = predict(shared_dir, [system])[system]
    rows = []
    for key, g in gold.items():
        p, r = page_pr(preds.get(key, ""), g)
        rows.append((key, p, r))
    rows.sort(key=lambda row: 2 * row[1] * row[2] / (row[1] + row[2]) if row[1] + row[2] else 0.0)
    return rows


def _default_shared() -> Path:
    here = Path.cwd()
    for base in (here, *here.parents):
        cand = base.parent / "shared"
        if (cand / BENCH).is_dir():
            return cand
        if (base / "shared" / BENCH).is_dir():
            return base / "shared"
    return here.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the cleaners on the article-extraction benchmark.")
    parser.add_argument("shared", nargs="?", default=None, help="the shared folder (default: ../shared)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {SYSTEMS}")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of the first system")
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args(argv)
    shared = Path(args.shared) if args.shared else _default_shared()
    systems = [s for s in args.systems.split(",") if s]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")
    if not (shared / BENCH).is_dir():
        print(f"{shared / BENCH}: benchmark folder not found", file=sys.stderr)
        return 1
    result = run(shared, systems, args.processes)
    print(f"{'system':<13}{'precision':>10}{'recall':>8}{'F1':>7}")
    for system in systems:
        r = result[system]
        print(f"{system:<13}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}")
    print(f"({result[systems[0]]['pages']} pages, {result['_']['seconds']:.0f} s)")
    if args.worst:
        for key, p, r in per_page(shared, systems[0])[: args.worst]:
            print(f"{key[:12]}  P={p:.2f} R={r:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
