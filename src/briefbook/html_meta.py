"""What a saved page says about its article: the headline a reader sees, the outlet, the date printed with it.

trafilatura reads the ``<title>``/``og:title`` and a site name, which is what a browser tab and a
share card show, not always what the page prints: the tab title carries the site's name ("... |
MoreBikes", "LinkNaija | Nigeria's popular news platform: ..."), a section ("Opinion | ..."), or an
older wording than the ``<h1>``; a site name may be a web address, a Facebook page or a Twitter
handle. These rules read the page's own markup instead:

- **Headline**: the ``<h1>`` that shares the most words with the page's titles, at least two (or all
  of its own; one that shares none is a widget or another story, the site's logo shares fewer than
  the headline), else the tab title with the
  site's name and a section label cut off (``data/lexicon/en/section_labels.yml``).
- **Outlet**: ``og:site_name``, else the publisher of the JSON-LD, else trafilatura's site name,
  else the host; the part of a name that is the address's own ("Autoracing | F1 | Indy" ->
  "Autoracing"); never a web address, a handle, a copyright line, a section or a word that names
  no outlet (``data/lexicon/en/not_outlets.yml``).
- **Printed date**: the first date on a short line after the headline (the byline's), which a
  reader takes as the article's date; `html_reader` prefers it to the metadata when the two are at
  most two days apart (metadata in UTC is often the next day). JSON-LD's ``datePublished`` is
  kept with its time zone, for the same reason.

The JSON-LD is read from the page as saved (it sits in ``<script>`` elements, which the reader
drops before anything else), as data: only its strings are used, never as markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dates import written_dates
from .lexicon import alternation, fold, words

_SEPARATORS = re.compile(r"\s+(?:[|–—»·•]|-{1,2}|::)\s+")
_WORD = re.compile(r"[^\W_]{3,}")
_DATE_LINE = 90  # a byline or date line is short; a longer text node is prose
_AFTER_HEADLINE = 40  # text nodes after the headline searched for the printed date
_SOCIAL = re.compile(rf"\b(?:{alternation(words('social_sites'))})\.(?:com|co)\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b", re.I)
_HEADLINE_WORDS = 40  # an <h1> longer than this wraps more than a headline
_HANDLE = re.compile(r"@?\w*[a-z][A-Z]\w*")  # "AJENews", "SputnikInt": a social account, not a name


@dataclass
class PageMeta:
    """The page's own metadata, each field None when the markup has none."""

    h1: list[str] = field(default_factory=list)
    h1_nodes: list = field(default_factory=list)  # the elements of ``h1``, in the same order
    titles: list[str] = field(default_factory=list)  # og:title, twitter:title, JSON-LD headline, <title>
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher
    ld_date: str | None = None  # JSON-LD datePublished
    ld_in_utc: bool = False  # ... written in UTC (or without a time): the outlet's own day may be another
    host: str | None = None


def read_meta(root, raw: str, url: str | None = None) -> PageMeta:
    """The metadata of a page: ``root`` is the page parsed without its scripts (what a reader sees),
    ``raw`` the page as saved, for its JSON-LD (read as data, never as markup)."""
    meta = PageMeta()
    meta.h1_nodes = [h for h in root.iter("h1") if _text(h)]
    meta.h1 = [_text(h) for h in meta.h1_nodes]
    for name in ("og:title", "twitter:title"):
        meta.titles += _meta(root, name)
    ld = _json_ld(raw)
    meta.titles += [str(x["headline"]) for x in ld if isinstance(x.get("headline"), str)]
    meta.titles += [_text(t) for t in root.iter("title") if _text(t)][:1]
    stamp = next((x["datePublished"] for x in ld if isinstance(x.get("datePublished"), str)
                  and _PLAUSIBLE.match(x["datePublished"])), None)
    if stamp:
        meta.ld_date = stamp[:10]
        meta.ld_in_utc = bool(_UTC.search(stamp)) or len(stamp) == 10
    meta.site_names = _meta(root, "og:site_name")
    for item in ld:
        pub = item.get("publisher")
        for p in pub if isinstance(pub, list) else [pub]:
            name = p.get("name") if isinstance(p, dict) else p
            if isinstance(name, str) and name.strip():
                meta.site_names.append(name.strip())
    canonical = (url or next(iter(_meta(root, "og:url")), None)
                 or next((el.get("href") for el in root.iter("link") if el.get("rel") == "canonical"), None))
    if canonical:
        host = urlsplit(canonical).hostname or ""
        meta.host = re.sub(r"^www\d?\.", "", host) or None
    return meta


def headline(meta: PageMeta, fallback: str | None, outlet_names: list[str]) -> str | None:
    """The headline as the page prints it (see the module's rules); ``fallback`` is trafilatura's title."""
    titles = [t for t in [*meta.titles, fallback or ""] if t]
    title_words = {w for t in titles for w in _content_words(t)}
    names = {_key(n) for n in [*outlet_names, *meta.site_names] if n} | ({_key(meta.host)} if meta.host else set())
    best, most = None, 0
    for h in meta.h1:
        if _is_site(h, names, meta.host) or not 2 <= len(h.split()) <= _HEADLINE_WORDS:
            continue
        shared = _content_words(h) & title_words
        if (len(shared) >= 2 or (shared and shared == _content_words(h))) and len(shared) > most:
            best, most = h, len(shared)  # a logo's "Harbour Gazette" shares fewer words than the headline
    if best:
        return best
    for t in titles:
        cut = strip_site(t, names, meta.host)
        if cut:
            return cut
    return fallback


def strip_site(title: str, names: set[str], host: str | None) -> str:
    """``title`` without the site's name (and a section label) before or after a separator."""
    out = title.strip()
    # "LinkNaija | Nigeria's popular news platform: Headline": the whole site name, then a colon
    m = re.match(r"^(.{3,80}?):\s+(?=\S)", out)
    if m and _key(m[1]) in names:
        out = out[m.end():]
    pieces = _SEPARATORS.split(out)
    seps = _SEPARATORS.findall(out)
    while len(pieces) > 1 and (_is_site(pieces[-1], names, host) or fold(pieces[-1]) in _labels()):
        pieces.pop()
        seps.pop()
    while len(pieces) > 1 and (_is_site(pieces[0], names, host) or fold(pieces[0]) in _labels()):
        pieces.pop(0)
        seps.pop(0)
    joined = pieces[0] + "".join(sep + piece for sep, piece in zip(seps, pieces[1:], strict=True))
    return joined.strip()


def outlet(meta: PageMeta, sitename: str | None) -> str | None:
    """The outlet's name (see the module's rules)."""
    host_key = _key(meta.host) if meta.host else ""
    for name in [*meta.site_names, sitename or ""]:
        name = re.sub(r"\s+", " ", name).strip()
        # "Autoracing | F1 | Indy | NASCAR", "LinkNaija | Nigeria's popular news platform": the part that
        # is the address's name, without the tagline or the sections
        parts = _SEPARATORS.split(name)
        named = [p for p in parts if len(parts) > 1 and host_key and len(_key(p)) >= 3 and _key(p) in host_key]
        name = named[0].strip() if named else name
        if not name or _not_a_name(name):
            continue
        # trafilatura's single word that is not part of the address is a handle ("AJENews" on aljazeera.com)
        if name == sitename and _HANDLE.fullmatch(name) and _key(name) not in host_key:
            continue
        if name.lower().startswith(("http:", "https:", "www.")):
            continue
        return name
    return meta.host


def _not_a_name(name: str) -> bool:
    key = fold(name)
    return bool(_SOCIAL.search(name) or _COPYRIGHT.search(name) or key in words("not_outlets")
                or key in _labels() or name.startswith("@"))


def _labels() -> frozenset[str]:
    return words("section_labels")


def _is_site(part: str, names: set[str], host: str | None) -> bool:
    key = _key(part)
    if not key:
        return False
    if key in names:
        return True
    host_key = _key(host) if host else ""
    return len(key) >= 4 and bool(host_key) and (key == host_key or (host_key.startswith(key) and len(key) * 2 > len(host_key)))


_DOMAIN_ENDINGS = alternation(words("domain_endings"))


def _key(s: str | None) -> str:
    key = re.sub(r"[^\w]", "", fold(s or "")).replace("_", "")
    key = re.sub(r"^the", "", key)
    return re.sub(rf"(?:{_DOMAIN_ENDINGS})+$", "", key) if len(key) > 6 else key


def _content_words(s: str) -> set[str]:
    return {w for w in _WORD.findall(fold(s)) if w not in _STOP}


_STOP = words("headline_stop_words")


def printed_date(meta: PageMeta, title: str | None) -> str | None:
    """The first complete date on a short line after the ``<h1>`` that printed ``title`` (the
    byline's date); not a line that says it is an update, nor one inside a quoted post or tweet."""
    head = next((n for n, t in zip(meta.h1_nodes, meta.h1, strict=True) if t == title), None)
    if head is None:
        return None
    seen = 0
    for node in head.xpath("following::text()"):
        text = " ".join(str(node).split())
        if not text:
            continue
        seen += 1
        if seen > _AFTER_HEADLINE:
            break
        if len(text) > _DATE_LINE or _UPDATE.match(text) or "@" in text or _quoted(node):
            continue
        found = written_dates(text)
        if found:
            return found[0].value
    return None


_UPDATE = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.I)


def _quoted(node) -> bool:
    parent = node.getparent()
    return parent is not None and any(el.tag == "blockquote" for el in [parent, *parent.iterancestors()])


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _meta(root, name: str) -> list[str]:
    out = []
    for el in root.iter("meta"):
        if name in ((el.get("property") or "").lower(), (el.get("name") or "").lower()):
            content = " ".join((el.get("content") or "").split())
            if content:
                out.append(content)
    return out


_UTC = re.compile(r"(?:Z|[+-]00:?00)$")
_PLAUSIBLE = re.compile(r"(?:199\d|20\d\d)-\d\d-\d\d")  # "0001-01-01" is a template's placeholder
_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script", re.I | re.S)


def _json_ld(raw: str) -> list[dict]:
    items: list[dict] = []
    for block in _LD.findall(raw)[:10]:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # broken, or nested deep enough to exhaust the stack
            continue
        stack = [data]
        while stack and len(items) < 50:
            x = stack.pop()
            if isinstance(x, list):
                stack += x
            elif isinstance(x, dict):
                items.append(x)
                if isinstance(x.get("@graph"), list):
                    stack += x["@graph"]
    return items
