"""Read one article file from disk: bytes in, decoded text out, or one clear error line.

Everything that can go wrong with an input file (missing, empty, binary, too big, an encoding
we cannot trust) is reported here as an ``InputError`` whose text is ``"<path>: <problem>"``,
so the command line can print it as is and carry on with the other files.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["text", "html", "markdown"]

KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
SUFFIXES = tuple(KINDS)  # the article files ingest finds in a folder: the ones read_article reads
MAX_BYTES = 5 * 1024 * 1024

# A detection is trusted only when the decoded text looks like language, not noise.
_MAX_CHAOS = 0.2
_MIN_SAMPLE = 16
_WEB_ENCODINGS = {
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r", "koi8_u",
    "cp949", "euc_kr", "euc_jp", "shift_jis", "cp932", "iso2022_jp", "gb2312", "gbk", "gb18030",
    "big5", "big5hkscs", "tis_620", "cp874", "utf_16", "utf_32",
}
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(ValueError):
    """An article file that cannot be read; ``str()`` is one line: ``"<path>: <problem>"``."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


@dataclass(frozen=True)
class RawArticle:
    """One input file as read: the exact bytes (for the checksum) and the decoded text."""

    path: Path
    data: bytes
    text: str
    kind: Kind
    sha256: str
    encoding: str


def kind_of(path: str | os.PathLike[str]) -> Kind | None:
    """The input kind for a file name, from its suffix; None when we do not read that kind."""
    return KINDS.get(Path(path).suffix.lower())


def read_article(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES, data: bytes | None = None) -> RawArticle:
    """Read and decode an article file; raise ``InputError`` for anything we should not guess at.

    ``data``: the file's bytes as `read_bytes` read them elsewhere (a worker on another machine)."""
    p = Path(path)
    kind = kind_of(p)
    if kind is None:
        suffix = p.suffix or "(no suffix)"
        raise InputError(p, f"unsupported file type {suffix}; expected .txt, .html, .htm or .md")
    if data is None:
        data = _read_limited(p, max_bytes)
    text, encoding = decode(data, p, html=kind == "html")
    if not text.strip():
        raise InputError(p, "file contains only whitespace" if data else "file is empty")
    return RawArticle(
        path=p,
        data=data,
        text=text,
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """An article file's bytes, or ``InputError`` for what `read_article` would refuse to read."""
    return _read_limited(Path(path), max_bytes)


def _read_limited(p: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, so a huge file is refused without loading it."""
    try:
        if p.is_dir():
            raise InputError(p, "is a directory, not a file")
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO would wait for a writer for ever
            raise InputError(p, "not a regular file (a FIFO, device or socket)")
        size = st.st_size
        if size > max_bytes:
            raise InputError(p, f"file is too large ({_human(size)}; the limit is {_human(max_bytes)})")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except RuntimeError:  # pathlib's "symlink loop" on older Pythons
        raise InputError(p, "a link loop") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # grew while we read it, or a special file without a size
        raise InputError(p, f"file is too large (more than {_human(max_bytes)})")
    return data


def _human(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def decode(data: bytes, path: str | os.PathLike[str] = "<input>", html: bool = False) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used; a BOM wins, then UTF-8, then detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            return _check_text(text.lstrip("\ufeff"), path), codec.replace("-sig", "")
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return _check_text(data.decode(declared), path), declared
            except (UnicodeDecodeError, LookupError):
                pass
    return _detect(data, path)


def _declared_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    found = list(from_bytes(data)) if len(data) >= _MIN_SAMPLE else []
    # Only encodings that web pages and news feeds actually use; a guess at an exotic DOS or Mac
    # code page means the detector is as unsure as we are.
    matches = [m for m in found if m.encoding in _WEB_ENCODINGS and not _mixed_scripts(str(m))]
    best = matches[0] if matches else None
    if best is None or best.chaos > _MAX_CHAOS:
        if _mostly_binary(data.decode("latin-1")):
            raise InputError(path, "binary file, not text")
        raise InputError(path, "not UTF-8 and the encoding could not be detected")
    # Equally plausible Latin code pages decode English news alike except for a few letters;
    # Windows-1252 is by far the most common of them on the web, so it wins a tie.
    for m in matches:
        if m.chaos <= best.chaos + 0.01 and "cp1252" in m.could_be_from_charset:
            return _check_text(data.decode("cp1252", errors="replace"), path), "cp1252"
    return _check_text(str(best), path), best.encoding


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "?"


def _mixed_scripts(text: str) -> bool:
    """True when a word mixes Latin letters with another script: the mark of a wrong code page."""
    for word in re.findall(r"[^\W\d_]{2,}", text[:65536]):
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            return True
    return False


def _mostly_binary(text: str, limit: float = 0.1) -> bool:
    """True when control characters (other than layout ones) make up more than ``limit`` of the text."""
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cs", "Co")
    )
    return bad / len(sample) > limit


def _check_text(text: str, path: str | os.PathLike[str]) -> str:
    if _mostly_binary(text):
        raise InputError(path, "binary file (mostly control characters), not text")
    return text
