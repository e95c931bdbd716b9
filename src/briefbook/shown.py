"""How messages name files: relative to the working folder when inside it, as `check` does.

`mkdocs build` and `serve` know the briefings folder as an absolute path; a contributor reads
``briefings/x.md:4: ...`` the same from every command."""

from __future__ import annotations

import os
from pathlib import Path


def rel(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the current folder when it is inside it; as given otherwise."""
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return p.as_posix()


def message(exc: Exception) -> str:
    """The one line of an error that carries a ``path`` (BriefingError, RegistryError), its path
    shown relative."""
    text = str(exc)
    path = getattr(exc, "path", None)
    if isinstance(path, str) and path and text.startswith(path):
        return rel(path) + text[len(path):]
    return text
