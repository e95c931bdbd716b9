"""Walking folders of untrusted files: links that lead out, loops, special files, unreadable folders.

A pull request can add ``seeds/article.txt -> ~/creds.txt`` or ``briefings/x.md -> /etc/passwd``;
read and published, the secret would end up on the site. A file found by walking a folder is used
only when it resolves inside that folder or the project; a path named on the command line is the
user's own choice and is used as named. Every refusal is one line, never a traceback.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import safetext


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


# ---------------------------------------------------------------------------------------------
# The project's own paths: no link anywhere on them, nothing outside the project


class Refused(OSError):
    """A project path that is not used: ``path: reason`` on one line (an OSError, so that every
    command's file-system error handling already prints it as one line)."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(None, reason, str(path))

    def __str__(self) -> str:
        return safetext.one_line(f"{self.filename}: {self.strerror}")


def link_on_path(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str | None:
    """Why the project path ``path`` may not be used, or None.

    A relative path is taken from ``root`` (default: the working folder, the project). It may not
    leave the project (``..``) and no part of it below the project may be a symbolic link: Git
    keeps links, so ``site -> /home/you`` or ``briefings/.briefbook.lock -> ~/.bashrc`` can arrive
    in an ordinary pull request. An absolute path outside ``root`` is the user's own choice (named
    on the command line) and only its last part is looked at. Nothing is read or created here."""
    base = Path(os.path.abspath(root if root is not None else os.getcwd()))
    full = Path(os.path.abspath(base / path))  # lexical: `..` removed without following links
    if full == base or full.is_relative_to(base):
        parts = full.relative_to(base).parts
        here = base
    elif Path(path).is_absolute():
        parts, here = (full.name,), full.parent
    else:
        return "leads outside the project (..): refused"
    for part in parts:
        here = here / part
        if os.path.islink(here):
            shown = "" if here == full else f"{here} "
            return f"{shown}is a symbolic link (to {os.readlink(here)}): refused; the project's own " \
                   "files and folders are never links"
    return None


def ensure_own(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> Path:
    """``path`` when :func:`link_on_path` finds nothing wrong with it; else :class:`Refused`."""
    reason = link_on_path(path, root)
    if reason is not None:
        raise Refused(path, reason)
    return Path(path)


def open_lock(path: Path) -> int:
    """Open (create) a lock file without following a link; :class:`Refused` when it is one, or a
    folder, or not a regular file. Returns the descriptor."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0), 0o644)
    except IsADirectoryError:
        raise Refused(path, "is a folder, where the lock file goes: remove it") from None
    except OSError:
        if os.path.islink(path):
            raise Refused(path, f"is a symbolic link (to {os.readlink(path)}): refused; remove it") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise Refused(path, "is not a regular file (a FIFO, device or socket): remove it")
    return fd


def leaves(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> str | None:
    """Why the relative ``path`` leads out of ``root`` (``..``, or a link to outside), or None;
    decided without looking at the file itself (whether it exists stays unknown)."""
    base = os.path.realpath(root)
    full = os.path.abspath(os.path.join(base, path))
    if os.path.commonpath([base, full]) != base:
        return "leads outside the project (..): refused"
    real = os.path.realpath(full)  # follows the project's links only as far as they lead
    if os.path.commonpath([base, real]) != base:
        return "a link to a file outside the project: refused"
    return None
