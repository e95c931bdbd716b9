"""Stable ids: the slug of a canonical name, the same in every briefing and every URL."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters and digits outside ASCII that accents alone do not explain: 김민지, Москва, Łódź's Ł
_NON_LATIN = re.compile(r"[^\W_a-zA-Z0-9]+")


def _romanized(match: re.Match[str]) -> str:
    """A run of letters in another script, spelled in ASCII (김민지 -> GimMinJi), so that names in
    any script keep distinct, readable ids instead of all becoming 'untitled'."""
    return anyascii(match.group())


@lru_cache(maxsize=1 << 16)  # pure, and called thousands of times per article and per site build
def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens; other scripts are romanized (anyascii).

    Hyphens and spaces are both separators, so "Lee Jae-myung" and "Lee Jae Myung" share an id;
    "Jaemyung" does not, and :func:`name_key` is the looser comparison that catches it.
    """
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    if not norm.isascii():
        norm = _NON_LATIN.sub(_romanized, norm)
    norm = norm.replace("&", " and ").lower()
    norm = re.sub(r"['\u2019]s\b", "s", norm)
    norm = re.sub(r"['\u2019]", "", norm)
    slug = _NON_ALNUM.sub("-", norm).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "untitled"


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """A comparison key that ignores case, accents, punctuation, hyphens and spaces."""
    return slugify(text, max_length=10_000).replace("-", "")


_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def clean_id(text: str) -> str:
    """``text`` when it is an id already (lower-case words joined by hyphens), else its slug."""
    return text if _ID.match(text or "") else slugify(text or "unnamed")
