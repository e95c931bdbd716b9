"""Walking folders of untrusted files: links that lead out, loops, special files, unreadable folders.

A pull request can add ``seeds/article.txt -> ~/creds.txt`` or ``briefings/x.md -> /etc/passwd``;
read and published, the secret would end up on the site. A file found by walking a folder is used
only when it resolves inside that folder or the project; a path named on the command line is the
user's own choice and is used as named. Every refusal is one line, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Walk:
    """Files found under a folder, and the ones refused with the reason, as ``(path, reason)``."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    other: list[Path] = field(default_factory=list)  # files of another kind (seeds/x.pdf): named, not read


def resolved(path: Path) -> Path | None:
    """The real path, or None when it cannot be resolved (a link loop, a broken link)."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError, ValueError):
        return None


def is_within(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == r or path.is_relative_to(r) for r in roots)


def why_refused(path: Path, roots: Iterable[Path]) -> str | None:
    """Why a file found under the roots may not be read, or None when it may."""
    real = resolved(path)
    if real is None:
        return "a link that leads nowhere (broken, or a loop): skipped"
    if not is_within(real, [r for r in (resolved(Path(x)) for x in roots) if r is not None]):
        return f"a link to {real}, outside the project: refused (name that file on the command line to use it)"
    if not real.is_file():
        return "not a regular file (a FIFO, device or socket): skipped"
    return None


def walk(folder: Path, suffixes: tuple[str, ...], roots: Iterable[Path] = (),
         hidden: tuple[str, ...] = (".", "_")) -> Walk:
    """Files under ``folder`` with one of ``suffixes`` (any case), in sorted order, names starting
    with one of ``hidden`` left out; links are not followed into folders, files that resolve
    outside ``folder`` and ``roots`` are refused, and unreadable folders are named."""
    out = Walk()
    allowed = [folder, *roots]

    def unreadable(exc: OSError) -> None:
        out.refused.append((Path(exc.filename or folder), f"cannot read the folder: {exc.strerror or exc}"))

    found = []
    for here, dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(hidden))
        for name in names:
            if name.startswith(hidden):
                continue
            if not name.lower().endswith(suffixes):
                out.other.append(Path(here) / name)
                continue
            found.append(Path(here) / name)
    for path in sorted(found):
        reason = why_refused(path, allowed)
        if reason is None:
            out.files.append(path)
        else:
            out.refused.append((path, reason))
    out.refused.sort()
    out.other.sort()
    return out
