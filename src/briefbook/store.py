"""Briefing files on disk: render, parse, detect hand edits, write atomically.

A briefing is generated once and then owned by people. The generator writes a checksum of
what it wrote into ``generator.checksum``; a file whose content no longer matches was edited
by hand and is never overwritten silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from . import __version__, fsguard, safetext, yamlerrors, yamlsafe
from .ids import clean_id
from .model import Briefing

GENERATOR = "briefbook"
# libyaml's parser when PyYAML has it: the same mappings, ten times faster than pure Python
# (a site of 10,000 briefings reads them all on every build); a key given twice is an error.
_Loader: type = yamlsafe.FastLoader
# The frontmatter block at the top of a briefing (public: check and entities read it too).
FRONTMATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*\r?$\n?", re.S | re.M)


class BriefingError(ValueError):
    """A briefing file that cannot be read; carries the path and line for `path:line: message`."""

    def __init__(self, path: str | os.PathLike[str], line: int, message: str) -> None:
        super().__init__(safetext.one_line(f"{path}:{line}: {message}"))
        self.path = str(path)
        self.line = line
        self.message = message


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases: briefings are read and edited by people."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# A model enumeration (InitiativeKind) is written as the plain string it stands for.
_Dumper.add_multi_representer(StrEnum, lambda dumper, value: dumper.represent_str(value.value))


def _dump_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False
    )


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(briefing: Briefing) -> str:
    """The file text of a briefing, with a checksum that marks it as untouched generator output."""
    meta = briefing.frontmatter()
    extra = {k: v for k, v in briefing.generator.items() if k in ("code", "registry") and v}
    meta["generator"] = {"name": GENERATOR, "version": __version__, **extra, "checksum": ""}
    unsigned = _compose(meta, briefing.paragraphs)
    checksum = meta["generator"]["checksum"] = _checksum(unsigned)
    # One YAML dump, not two (a third of a briefing's CPU): the signed text differs only on the
    # checksum line, which YAML writes plain unless the hex digits happen to be all decimal.
    head, sep, body = unsigned.partition("\n---\n")
    if not checksum.isdigit() and head.count("\n  checksum: ''") == 1:
        return head.replace("\n  checksum: ''", f"\n  checksum: {checksum}") + sep + body
    return _compose(meta, briefing.paragraphs)


def unsigned(meta: dict[str, Any], paragraphs: list[str]) -> str:
    """The file text of a briefing a person owns: without ``generator.checksum``, so that
    ``ingest`` counts it as edited by hand and leaves it alone."""
    gen = meta.get("generator")
    if isinstance(gen, dict):
        meta = {**meta, "generator": {k: v for k, v in gen.items() if k != "checksum"}}
    return _compose(meta, paragraphs)


def _compose(meta: dict[str, Any], paragraphs: list[str]) -> str:
    body = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    return f"---\n{_dump_yaml(meta)}---\n\n{body}\n"


ALIAS_MESSAGE = yamlsafe.ALIAS_MESSAGE  # anchors and aliases are refused (yamlsafe.refusal)


def split(text: str, path: str | os.PathLike[str] = "<briefing>") -> tuple[dict[str, Any], str, int]:
    """Frontmatter mapping, body text and the line the body starts on; BriefingError when broken."""
    if text.startswith("\ufeff"):
        text = text[1:]
    match = FRONTMATTER.match(text)
    if not match:
        raise BriefingError(
            path,
            1,
            "no YAML frontmatter: the file must start with a '---' line "
            "and the frontmatter must end with another '---' line",
        )
    refused = yamlsafe.refusal(match.group(1))
    if refused is not None:
        raise BriefingError(path, refused.line + 2, refused.message)
    try:
        meta = yamlsafe.build(match.group(1), loader=_Loader, first_line=2)
    except yaml.YAMLError as exc:
        found = yamlerrors.locate(match.group(1), exc)  # the line the mistake starts on, in words
        raise BriefingError(path, found.line + 2, f"frontmatter is not valid YAML: {found.message}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # YAML reads `date: 2025-02-30` as a timestamp and fails building it: still path:line.
        line, problem = _unbuildable(match.group(1), exc)
        raise BriefingError(path, line, f"frontmatter is not valid YAML: {problem}") from None
    if not isinstance(meta, dict):
        raise BriefingError(path, 2, "frontmatter must be a mapping of fields (title: ..., date: ...)")
    body_line = text[: match.end()].count("\n") + 1
    return meta, text[match.end() :], body_line


def _unbuildable(frontmatter: str, exc: Exception) -> tuple[int, str]:
    """The line and value of the first scalar YAML parses but cannot build (an impossible date)."""
    try:
        stack = [yaml.compose(frontmatter, Loader=yaml.SafeLoader)]
    except Exception:
        stack = []
    loader = yaml.SafeLoader("")
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node)
            except Exception:
                return node.start_mark.line + 2, f"{node.value!r} cannot be read ({exc})"
        elif isinstance(node, yaml.MappingNode):
            stack[:0] = [n for pair in node.value for n in pair]
        elif node is not None:
            stack[:0] = list(node.value)
    return 2, str(exc)


def paragraphs_of(body: str) -> list[str]:
    """Body blocks separated by blank lines, in order; paragraph numbers index this list from 1."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", body) if block.strip()]


def parse(text: str, path: str | os.PathLike[str] = "<briefing>") -> Briefing:
    meta, body, _ = split(text, path)
    try:
        return Briefing.from_parts(meta, paragraphs_of(body))
    except (TypeError, ValueError, AttributeError) as exc:
        raise BriefingError(path, 2, f"frontmatter does not fit the briefing format: {exc}") from None


def load(path: str | os.PathLike[str]) -> Briefing:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BriefingError(path, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse(text, path)


def is_hand_edited(text: str, meta: dict[str, Any] | None = None) -> bool:
    """True when the file is not byte-for-byte what the generator wrote (or carries no checksum).

    ``meta``: the frontmatter already parsed from ``text``, to spare a second YAML parse.
    """
    try:
        if meta is None:
            meta, body, _ = split(text)
        else:
            body = text[FRONTMATTER.match(text.removeprefix("\ufeff")).end() :]  # type: ignore[union-attr]
    except (BriefingError, AttributeError):
        return True
    gen = meta.get("generator")
    if not isinstance(gen, dict) or not gen.get("checksum"):
        return True
    expected = str(gen["checksum"])
    # The generator hashed its own output with ``checksum: ''``; put that back and hash the text.
    # Equal hashes mean the file is byte for byte what was written (no YAML dump needed).
    if text.startswith("\ufeff"):
        return True
    end = len(text) - len(body)
    line = re.compile(rf"^([ \t]+checksum: )(['\"]?){re.escape(expected)}\2[ \t]*$", re.M)
    unsigned, n = line.subn(r"\g<1>''", text[:end], count=1)
    return n != 1 or _checksum(unsigned + text[end:]) != expected


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write through a temporary file in the same folder and rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a briefing or registry is a project file: it keeps
        # the mode it had, or gets what the user's umask gives a new file (0644 usually)
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------------------------------
# The briefings folder: which files are briefings, and their addresses


def briefing_files(briefings_dir: str | os.PathLike[str], roots: Iterable[Path] = ()) -> list[Path]:
    """The briefing files of a folder (recursively), in sorted order; none that leads outside it
    (or ``roots``) through a link: :func:`refused_briefings` names those."""
    return _briefing_walk(briefings_dir, roots).files


def refused_briefings(briefings_dir: str | os.PathLike[str], roots: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Files of the folder that are not read, and why (a link out of the project, a loop)."""
    return _briefing_walk(briefings_dir, roots).refused


def _briefing_walk(briefings_dir: str | os.PathLike[str], roots: Iterable[Path]) -> fsguard.Walk:
    root = Path(briefings_dir)
    if not root.is_dir():
        return fsguard.Walk()
    found = fsguard.walk(root, (".md",), roots, hidden=(".",))  # as before: `_draft.md` is a briefing
    ignored = [p for p in found.files if p.suffix != ".md"]
    found.files = [p for p in found.files if p.suffix == ".md"]
    found.refused = sorted([*found.refused, *((p, f"ignored: a briefing's name ends in '.md' (lower case), not "
                                                  f"{p.suffix!r}: rename it") for p in ignored)])
    return found


def slug_of(path: Path) -> str:
    """A briefing's address: its file name without `.md`, made URL-safe when it is not."""
    return clean_id(path.stem)
