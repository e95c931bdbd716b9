"""Pieces of the generated pages from Jinja templates that a site can override, Material's way.

The templates live in ``site/templates/briefbook/``; a site with a theme ``custom_dir`` (Material's
``overrides/``) replaces one by putting a file of the same name in ``overrides/briefbook/``. The
plugin tells this module where that folder is (``use_theme_dirs``); `briefbook pages` uses the
package's own. Autoescaping is on: article text given to a template is escaped there, and only
HTML this package built (links, already escaped) is passed in as ``Markup``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from .text import h

__all__ = ["Markup", "render", "stamp", "use_theme_dirs"]

_DIRS: tuple[str, ...] = ()
_STAMP: tuple[tuple[str, int, int], ...] = ()


def use_theme_dirs(dirs: Iterable[str | os.PathLike[str] | None]) -> None:
    """The folders (a theme's ``custom_dir``) whose ``briefbook/*.html`` win over the package's;
    called before every build, so that `mkdocs serve` reads a template the site changed."""
    global _DIRS, _STAMP
    found = tuple(str(d) for d in dirs if d and Path(d).is_dir())
    now = _stamp(found)
    if (found, now) != (_DIRS, _STAMP):
        _DIRS, _STAMP = found, now
        _template.cache_clear()


def stamp() -> tuple[tuple[str, int, int], ...]:
    """The site's own templates as they were at the start of this build (name, time, size): pages
    made from other templates are made again (the package's own change only with the code)."""
    return _STAMP


def _stamp(dirs: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    found = []
    for folder in dirs:
        for path in sorted(Path(folder, "briefbook").glob("*.html")):
            st = path.stat()
            found.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(found)


@cache
def _env(dirs: tuple[str, ...]) -> Environment:
    loaders = [FileSystemLoader(list(dirs))] if dirs else []
    loaders.append(PackageLoader("briefbook", "site/templates"))
    return Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, finalize=_inert)


def _inert(value: object) -> object:
    """Every value a template prints goes through `text.h` (escaped, braces too, control and direction
    characters out), unless it is HTML this package built (``Markup``)."""
    if isinstance(value, Markup) or value is None or isinstance(value, bool | int | float):
        return value
    return Markup(h(value))


@cache
def _template(name: str) -> Template:
    return _env(_DIRS).get_template(f"briefbook/{name}.html")


def render(template: str, /, **values: object) -> str:
    """``briefbook/<template>.html`` rendered with ``values`` (plain strings are escaped)."""
    return _template(template).render(**values).strip()
