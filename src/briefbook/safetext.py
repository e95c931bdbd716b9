"""Untrusted text made safe for a message line or a page: control and direction characters.

A file name can hold a newline followed by ``::error file=...::`` (a GitHub Actions workflow
command when it starts a line of the CI log), an escape sequence that rewrites the terminal, or a
right-to-left override (U+202E) that makes ``evil\u202etxt.md`` read as ``evildm.txt``. Messages
print such characters escaped (``\\n``, ``\\x1b``, ``\\u202e``), so that one problem is one line;
text shown on the site drops the direction overrides and isolates (they reorder what a reader
sees; real right-to-left script needs none of them).
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab included), line and paragraph separators, direction marks, overrides
# and isolates, and the byte-order mark / zero-width no-break space.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Embeddings, overrides and isolates: the characters that reorder the text around them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    named = {10: "\\n", 13: "\\r", 9: "\\t"}.get(code)
    return named or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: object) -> str:
    """``text`` for a message: every control or direction character escaped (linear)."""
    s = str(text)
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


def without_bidi(text: str) -> str:
    """``text`` without direction embeddings, overrides and isolates (U+202A-E, U+2066-9)."""
    return BIDI_CONTROLS.sub("", text) if BIDI_CONTROLS.search(text) else text
