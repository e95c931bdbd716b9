"""Measure one corpus size end to end: ingest, re-ingest, cold build, rebuild, bare Material.

Every step runs as a child process through :func:`proc.run`, so each has its own wall time
and peak memory and the benchmark's own process stays small. The work folder of one size::

    <work>/<size>/articles/      the generated stories
    <work>/<size>/briefings/     what ``briefbook ingest`` wrote
    <work>/<size>/site-project/  mkdocs.yml + docs/ for our site, built into site/
    <work>/<size>/bare-project/  the same number of plain pages for bare Material
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import corpus, proc

SEARCH_INDEX = "search/search_index.json"
PAGEFIND_DIR = "pagefind"
# Above this size the every-page rebuild (as long as a cold build) is not timed; --dirty is.
FULL_REBUILD_UP_TO = 1000


@dataclass
class Result:
    """Everything measured for one corpus size (seconds, bytes, counts); None where not measured."""

    articles: int
    ingest_s: float | None = None
    ingest_peak: int | None = None
    ingest_failed: int | None = None
    ingest_cpu_s: float | None = None  # CPU seconds of the ingest process tree (all workers)
    floor_s: float | None = None  # spaCy's full small pipeline on the same articles (tools.bench.floor)
    floor_cpu_s: float | None = None
    reingest_s: float | None = None
    reingest_unchanged: int | None = None
    build_s: float | None = None
    build_peak: int | None = None
    build_cpu_s: float | None = None
    pages: int | None = None
    sections: dict[str, int] = field(default_factory=dict)  # pages per top folder (people, ...)
    site_bytes: int | None = None
    search_bytes: int | None = None
    search_gzip: int | None = None  # a typical one-word search
    search_gzip_worst: int | None = None  # the word in the largest index chunk
    search_kind: str | None = None  # material | pagefind
    rebuild_s: float | None = None  # after one edit, as `mkdocs serve --dirty` rebuilds
    full_rebuild_s: float | None = None  # the same as plain `mkdocs serve` rebuilds (every page)
    rebuild_seen: bool | None = None
    bare_s: float | None = None
    bare_pages: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ingest_rate(self) -> float | None:
        return self.articles / self.ingest_s if self.ingest_s else None

    @property
    def ingest_cpu_ms(self) -> float | None:
        """CPU milliseconds per article, all processes: what ingest costs whatever else runs."""
        return 1000 * self.ingest_cpu_s / self.articles if self.ingest_cpu_s else None

    @property
    def floor_rate(self) -> float | None:
        return self.articles / self.floor_s if self.floor_s else None

    @property
    def floor_ratio(self) -> float | None:
        """Ingest's wall time over spaCy's own full pipeline's on the same articles (target ≤ 1.0)."""
        return self.ingest_s / self.floor_s if self.ingest_s and self.floor_s else None

    @property
    def floor_cpu_ratio(self) -> float | None:
        """The same in CPU seconds: what the code costs, whatever else runs (spaCy's parent process
        unpickles every worker's Docs, so its wall time is not all work)."""
        return self.ingest_cpu_s / self.floor_cpu_s if self.ingest_cpu_s and self.floor_cpu_s else None

    @property
    def ms_per_page(self) -> float | None:
        return 1000 * self.build_s / self.pages if self.build_s and self.pages else None

    @property
    def bare_ms_per_page(self) -> float | None:
        return 1000 * self.bare_s / self.bare_pages if self.bare_s and self.bare_pages else None

    @property
    def ratio(self) -> float | None:
        ours, bare = self.ms_per_page, self.bare_ms_per_page
        return ours / bare if ours and bare else None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(ingest_rate=self.ingest_rate, ingest_cpu_ms=self.ingest_cpu_ms, floor_rate=self.floor_rate,
                 floor_ratio=self.floor_ratio, floor_cpu_ratio=self.floor_cpu_ratio,
                 ms_per_page=self.ms_per_page,
                 bare_ms_per_page=self.bare_ms_per_page, ratio=self.ratio)
        return d


# ---------------------------------------------------------------------------------------------
# project files


def load_site_config(repo: Path) -> dict[str, Any]:
    """The repository's mkdocs.yml as plain data (it uses no YAML tags)."""
    return yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8")) or {}


def nav_files(nav: Any) -> list[str]:
    """Every Markdown file named in a nav, in order."""
    out: list[str] = []
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        for item in nav:
            out += nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            out += nav_files(value)
    return out


def site_config(base: dict[str, Any], briefings: Path, registry: Path, search: str = "material"
                ) -> dict[str, Any]:
    """Our site's config for a benchmark project: the repository's, pointed at the corpus.

    ``search="pagefind"`` puts the ``briefbook-pagefind`` plugin in place of Material's search and
    keeps entities seen in one briefing out of the index (``search_min_briefings: 2``).
    """
    cfg = dict(base)
    cfg.update(docs_dir="docs", site_dir="site", strict=False)
    plugins: list[Any] = []
    for p in cfg.get("plugins") or []:
        name = p if isinstance(p, str) else next(iter(p), "") if isinstance(p, dict) else ""
        if name in ("search", "material/search", "briefbook-pagefind"):
            plugins.append("briefbook-pagefind" if search == "pagefind" else p)
        elif name == "briefbook":
            opts = dict(p["briefbook"] or {}) if isinstance(p, dict) else {}
            opts.update(briefings=str(briefings), registry=str(registry))
            if search == "pagefind":  # the large-corpus settings that mkdocs.yml describes
                opts["search_min_briefings"] = 2
            plugins.append({"briefbook": opts})
        else:
            plugins.append(p)
    cfg["plugins"] = plugins
    return cfg


def bare_config(base: dict[str, Any]) -> dict[str, Any]:
    """Bare Material: the same theme, nav and Markdown extensions, only the search plugin."""
    cfg = {k: v for k, v in base.items() if k not in ("plugins", "extra_css", "extra_javascript",
                                                        "not_in_nav", "hooks")}
    cfg.update(docs_dir="docs", site_dir="site", strict=False, plugins=["search"])
    return cfg


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def plain_page(title: str, article: str) -> str:
    """A plain Markdown page: a title and an article's paragraphs (its date line dropped)."""
    body = corpus.PREFIX.sub(r"\2", article.strip())
    return f"# {title}\n\n{body}\n"


def write_bare_docs(docs: Path, nav: list[str], articles: list[Path], pages: int) -> None:
    """``pages`` plain pages: the nav's own files plus ``pages/NNNNN.md``, article text cycled."""
    if docs.exists():
        shutil.rmtree(docs)
    texts = [a.read_text(encoding="utf-8") for a in articles] or ["date 2020-01-01 Empty."]
    written = 0
    for i, rel in enumerate(nav):
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(Path(rel).stem.title(), texts[i % len(texts)]), encoding="utf-8")
        written += 1
    (docs / "pages").mkdir(parents=True, exist_ok=True)
    i = 0
    while written < pages:
        (docs / "pages" / f"{i:05d}.md").write_text(plain_page(f"Page {i}", texts[i % len(texts)]),
                                                   encoding="utf-8")
        written += 1
        i += 1


# ---------------------------------------------------------------------------------------------
# measurements of a built site


def count_pages(site: Path) -> int:
    """HTML pages written (the 404 page left out)."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def section_pages(site: Path) -> dict[str, int]:
    """Pages per top-level folder: how many briefing, people, organization... pages were made."""
    out: dict[str, int] = {}
    for p in site.rglob("index.html"):
        parts = p.relative_to(site).parts
        if len(parts) > 2:
            out[parts[0]] = out.get(parts[0], 0) + 1
    return dict(sorted(out.items()))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def search_cost(site: Path) -> tuple[str | None, int | None, int | None, int | None]:
    """(kind, raw bytes, gzip bytes, gzip bytes at worst) that a reader downloads for one search.

    Material: the whole ``search_index.json`` (the same at worst). Pagefind: the search page's
    script, Pagefind's loader, worker, WebAssembly and metadata, five result fragments of median
    size and, for a one-word query, the index chunk holding that word: the median chunk for a
    typical word, the largest (the chunk of the commonest words) at worst. Gzip: what a server
    that compresses sends (Pagefind's chunks are compressed already).
    """
    index = site / SEARCH_INDEX
    if index.is_file():
        gz = gzip_size(index)
        return "material", index.stat().st_size, gz, gz
    pf = site / PAGEFIND_DIR
    if not pf.is_dir():
        return None, None, None, None
    fixed = [p for p in pf.iterdir() if p.is_file() and (
        p.name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json") or p.suffix == ".pf_meta")]
    fixed += [p for p in [site / "assets" / "briefbook" / "briefbook-search.js"] if p.is_file()]
    wasm = sorted(pf.glob("wasm.*"), key=lambda p: p.stat().st_size)
    fixed += wasm[-1:]  # one language's WebAssembly is fetched: count the largest
    chunks = sorted(p.stat().st_size for p in (pf / "index").glob("*.pf_index"))
    filters = sorted(p.stat().st_size for p in (pf / "filter").glob("*.pf_filter"))
    frags = sorted(p.stat().st_size for p in (pf / "fragment").glob("*.pf_fragment"))
    per_query = 5 * frags[len(frags) // 2] if frags else 0
    per_query += filters[-1] if filters else 0
    raw = sum(p.stat().st_size for p in fixed) + per_query
    # the JS is not compressed on disk, so count it as a compressing server sends it
    gz = sum(gzip_size(p) if p.suffix in (".js", ".css", ".json") or p.name.startswith("wasm.")
             else p.stat().st_size for p in fixed) + per_query
    typical = chunks[len(chunks) // 2] if chunks else 0
    worst = chunks[-1] if chunks else 0
    return "pagefind", raw + worst, gz + typical, gz + worst


# ---------------------------------------------------------------------------------------------
# the run of one size


# The checkout: `tools` is not installed, so a child that runs `-m tools.bench...` from a work
# folder finds it through PYTHONPATH.
CHECKOUT = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), env.get("PYTHONPATH", "")) if p)
    return env


def _summary_count(stdout: str, status: str) -> int | None:
    m = re.search(rf"(\d+) {status}\b", stdout)
    return int(m[1]) if m else None


def run_size(
    size: int,
    templates: list[corpus.Template],
    work: Path,
    repo: Path,
    *,
    jobs: int = 2,
    timeout: float = 3600,
    search: str = "material",
    log: Callable[[str], None] = print,
) -> Result:
    """Generate ``size`` stories, ingest them twice, build our site and bare Material, rebuild."""
    res = Result(size)
    root = work / str(size)
    articles = root / "articles"
    briefings = root / "briefings"
    py = sys.executable
    env = child_env()

    log(f"[{size}] generating {size} stories")
    files = corpus.write_corpus(templates, size, articles)

    if briefings.exists():
        shutil.rmtree(briefings)
    ingest = [py, "-m", "briefbook.cli", "ingest", "articles", "--out", "briefings", "--jobs", str(jobs),
              "--no-registry", "--quiet"]
    log(f"[{size}] ingest --jobs {jobs}")
    m = proc.run(ingest, cwd=root, env=env, timeout=timeout)
    res.ingest_s, res.ingest_peak, res.ingest_cpu_s = m.seconds, m.peak_rss, m.cpu_seconds
    res.ingest_failed = _summary_count(m.stdout, "failed")
    if m.returncode not in (0, 1) or m.timed_out:
        res.notes.append(f"ingest exited {m.returncode}{' (timed out)' if m.timed_out else ''}: "
                         f"{m.stderr.strip()[-300:]}")
        return res
    log(f"[{size}] ingest again (nothing changed)")
    m = proc.run(ingest, cwd=root, env=env, timeout=timeout)
    res.reingest_s, res.reingest_unchanged = m.seconds, _summary_count(m.stdout, "unchanged")
    log(f"[{size}] spaCy's full small pipeline, {jobs} processes, on the same articles")
    m = proc.run([py, "-m", "tools.bench.floor", "articles", "--processes", str(jobs)], cwd=root, env=env,
                 timeout=timeout)
    if m.returncode == 0 and not m.timed_out:
        res.floor_s, res.floor_cpu_s = m.seconds, m.cpu_seconds
    else:
        res.notes.append(f"spaCy floor exited {m.returncode}: {m.stderr.strip()[-300:]}")

    base = load_site_config(repo)
    project = root / "site-project"
    docs = project / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    nav = nav_files(base.get("nav"))
    for rel in nav:  # hand-written pages of the nav (About); the plugin makes the others
        src = repo / base.get("docs_dir", "docs") / rel
        if src.is_file():
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, docs / rel)
    write_yaml(project / "mkdocs.yml",
               site_config(base, briefings.resolve(), (project / "registry.yml").resolve(), search))
    site = project / "site"
    build = [py, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(project / "mkdocs.yml")]
    log(f"[{size}] mkdocs build (cold)")
    m = proc.run(build, cwd=project, env=env, timeout=timeout)
    if m.returncode != 0 or m.timed_out:
        res.notes.append(f"build exited {m.returncode}: {m.stderr.strip()[-300:]}")
        return res
    res.build_s, res.build_peak, res.build_cpu_s = m.seconds, m.peak_rss, m.cpu_seconds
    res.pages = count_pages(site)
    res.sections = section_pages(site)
    res.site_bytes = folder_bytes(site)
    res.search_kind, res.search_bytes, res.search_gzip, res.search_gzip_worst = search_cost(site)

    one = sorted(briefings.glob("*.md"))[len(files) // 2] if files else None
    if one is not None:
        log(f"[{size}] rebuild after editing {one.name}")
        rebuild_cfg = project / "mkdocs-rebuild.yml"
        cfg = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        cfg["site_dir"] = "site-serve"
        write_yaml(rebuild_cfg, cfg)
        cmd = [py, "-m", "tools.bench.rebuild", str(rebuild_cfg), str(one)]
        if size > FULL_REBUILD_UP_TO:
            cmd.append("--no-full")
        m = proc.run(cmd, cwd=project, env=env, timeout=timeout)
        last = m.stdout.strip().splitlines()[-1:] if m.stdout.strip() else []
        if m.returncode == 0 and last:
            import json

            data = json.loads(last[0])
            res.rebuild_s, res.full_rebuild_s = data["dirty"], data["rebuild"]
            res.rebuild_seen = data["seen"]
            if not res.rebuild_seen:
                res.notes.append("rebuild: the edit did not reach the built page")
        else:
            res.notes.append(f"rebuild exited {m.returncode}: {m.stderr.strip()[-300:]}")
        shutil.rmtree(project / "site-serve", ignore_errors=True)

    bare = root / "bare-project"
    log(f"[{size}] bare Material, {res.pages} plain pages")
    write_bare_docs(bare / "docs", nav, files, res.pages or size)
    write_yaml(bare / "mkdocs.yml", bare_config(base))
    m = proc.run([py, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(bare / "mkdocs.yml")], cwd=bare,
                 env=env, timeout=timeout)
    if m.returncode == 0 and not m.timed_out:
        res.bare_s, res.bare_pages = m.seconds, count_pages(bare / "site")
    else:
        res.notes.append(f"bare build exited {m.returncode}: {m.stderr.strip()[-300:]}")
    return res
