"""``docs/`` as data: the hand-written files the site publishes, and the ones it refuses.

MkDocs copies every file of its docs folder into the site. From a pull request that is a script
(``docs/evil.html``), a page among the generated ones (``docs/people/fake-person.md``), a file
with the name of the theme's own script (served instead of it on every page), or a link to a file
outside the project. So only the files listed here (or in the plugin's ``docs_files`` option of
``mkdocs.yml``, which a maintainer reviews) are published, as regular files, and the listed
Markdown pages hold no markup that runs. `briefbook check` and the build refuse the rest with one
line each. Pure but for reading the folder.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import fsguard

# The hand-written files of this project's docs/ folder (glob patterns, relative to it).
PUBLISHED: tuple[str, ...] = (
    "about.md", "contributing.md", "quality.md", "benchmarks.md", "scale.md",
    "entity-audit.md", "entity-audit.tsv", "entity-audit.yml", "assets/screenshots/*.png",
)
# Markup that runs in a browser: a listed page is prose, links and tables.
_RUNS = re.compile(r"<\s*/?\s*(?:script|iframe|object|embed|base|form|meta|link|style|svg)\b"
                   r"|\son[a-z]+\s*=|javascript\s*:", re.I)


_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def _blank(m: re.Match[str]) -> str:
    """Code blanked out, its lines kept (so that a line number still counts from the top)."""
    return re.sub(r"[^\n]", " ", m.group())


def theme_dirs() -> list[Path]:
    """The folders of the theme's own files (Material's, and this package's partials)."""
    out = [Path(__file__).parent / "site" / "templates"]
    spec = importlib.util.find_spec("material")
    if spec is not None and spec.origin:
        out.append(Path(spec.origin).parent / "templates")
    return out


def listed(uri: str, patterns: Sequence[str] = PUBLISHED) -> bool:
    return any(fnmatch.fnmatchcase(uri, p) for p in patterns)


def problem(docs_dir: Path, uri: str, patterns: Sequence[str] = PUBLISHED,
            themes: Iterable[Path] = ()) -> str | None:
    """Why the file ``uri`` of ``docs_dir`` may not be published, or None."""
    if not listed(uri, patterns):
        return ("not a file the site publishes: hand-written files of docs/ are listed in "
                "briefbook.docsfiles.PUBLISHED or the plugin's docs_files option of mkdocs.yml")
    refused = fsguard.link_on_path(uri, docs_dir)
    if refused is not None:
        return refused
    path = docs_dir / uri
    if not path.is_file():
        return "not a regular file: refused"
    if any((Path(t) / uri).is_file() for t in themes):
        return "has the name of a file of the theme: it would replace the theme's own on every page"
    if uri.endswith(".md"):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return f"cannot be read: {exc.strerror or exc}"
        found = _RUNS.search(_CODE.sub(_blank, text))  # `javascript:` in a code span is prose about it
        if found:
            line = text.count("\n", 0, found.start()) + 1
            return f"line {line}: markup that runs in a browser ({found.group().strip()!r}): write Markdown"
    return None


def refused(docs_dir: str | os.PathLike[str], patterns: Sequence[str] = PUBLISHED,
            themes: Iterable[Path] | None = None) -> list[tuple[str, str]]:
    """Every file under ``docs_dir`` (dot files aside: MkDocs leaves them out) that may not be
    published, as (path relative to the folder, reason), in order."""
    root = Path(docs_dir)
    themes = list(theme_dirs() if themes is None else themes)
    out = []
    for here, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in [*names, *(d for d in dirs if os.path.islink(os.path.join(here, d)))]:
            if name.startswith("."):
                continue
            uri = Path(here, name).relative_to(root).as_posix()
            reason = problem(root, uri, patterns, themes)
            if reason is not None:
                out.append((uri, reason))
    return sorted(out)


def configured(site_config: str | os.PathLike[str]) -> tuple[Path, tuple[str, ...]]:
    """The docs folder and the published patterns that ``mkdocs.yml`` sets (MkDocs's and the
    plugin's defaults when it says nothing, or cannot be read as plain YAML)."""
    from . import yamlsafe

    path = Path(site_config)
    docs, patterns = "docs", PUBLISHED
    try:
        data = yamlsafe.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, yamlsafe.yaml.YAMLError):
        data = None
    if isinstance(data, dict):
        docs = data.get("docs_dir") if isinstance(data.get("docs_dir"), str) else docs
        for plugin in data.get("plugins") or []:
            options = plugin.get("briefbook") if isinstance(plugin, dict) else None
            files = options.get("docs_files") if isinstance(options, dict) else None
            if isinstance(files, list) and all(isinstance(f, str) for f in files):
                patterns = tuple(files)
    return path.parent / docs, patterns
