"""A deterministic benchmark corpus made of real article text, as many stories as asked for.

The raw material is a few hundred real articles (the article-extraction benchmark's bodies, the
seeds, the development articles). Each is annotated once with the people and organizations in it
(:func:`annotate`); then story ``i`` is article ``i mod T`` with its date shifted, every person and
organization replaced by one drawn from a large pool (consistently within the story: "Ha Jung-woo"
and later "Ha" become "Elena Novak" and "Novak"), and for later copies some paragraphs dropped,
swapped or borrowed from another article. Same inputs, same ``i``: same text, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import names
from .names import _words

GENERATOR_VERSION = "2"
PREFIX = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*(.*)$", re.S)
ACRONYM = re.compile(r"^[A-Z][A-Z&.\-]{1,7}$")
YEAR = re.compile(r"(?<![\d,.$£€/-])(19\d\d|20\d\d)(?![\d%/-])")
KINDS = ("PERSON", "ORG")
PEOPLE_ZIPF = 1.1  # exponents of the name draws: organizations recur more than people
ORG_ZIPF = 1.2
# Acronyms the small model calls organizations but that are words of the subject: left as they are.
NOT_ORGS = frozenset(_words("AI ICT IT CEO CFO CTO GDP US U.S. UK U.K. TV PC EV AR VR IPO LNG VAT R&D COVID"))
NAME_PARTICLES = frozenset(_words("de da del der van von la le bin al el jr. sr. ii iii"))

Span = tuple[int, int, str]  # start, end, kind (PERSON | ORG)
Finder = Callable[[list[str]], list[list[Span]]]


@dataclass
class Source:
    """One real article before annotation."""

    key: str  # gt:<id>, seed:<file>, dev:<file>
    date: str | None
    paragraphs: list[str]


@dataclass
class Paragraph:
    text: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Template:
    """An annotated article: its paragraphs with name spans, and how the names group."""

    key: str
    date: str
    paragraphs: list[Paragraph]
    # surface -> (group, part): part is full|last for people, full|acronym for organizations
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# sources


def split_raw(key: str, text: str) -> Source:
    """A pasted article: optional ``date YYYY-MM-DD`` prefix on the first line, one paragraph a line."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    date = None
    first = next((i for i, ln in enumerate(lines) if ln), None)
    if first is not None and (m := PREFIX.match(lines[first])):
        date, lines[first] = m[1], m[2].strip()
    return Source(key, date, [ln for ln in lines if ln])


def read_sources(ground_truth: Path | None, folders: Iterable[tuple[str, Path]]) -> list[Source]:
    """Raw articles from the given folders (``.txt``, sorted) then the ground-truth bodies (by id)."""
    out: list[Source] = []
    for label, folder in folders:
        if folder.is_dir():
            for f in sorted(folder.glob("*.txt")):
                out.append(split_raw(f"{label}:{f.name}", f.read_text(encoding="utf-8")))
    if ground_truth is not None and ground_truth.is_file():
        data = json.loads(ground_truth.read_text(encoding="utf-8"))
        for page_id in sorted(data):
            body = data[page_id].get("articleBody") or ""
            src = split_raw(f"gt:{page_id[:16]}", body)
            if len(src.paragraphs) >= 2:
                out.append(src)
    return out


def sources_digest(sources: list[Source]) -> str:
    h = hashlib.sha256(GENERATOR_VERSION.encode())
    h.update(Path(__file__).read_bytes())  # a change to the annotation code invalidates the cache
    for s in sources:
        h.update(json.dumps(asdict(s), sort_keys=True).encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# annotation


def spacy_finder(paragraphs: list[str]) -> list[list[Span]]:
    """People and organizations as spaCy's small English model sees them (NER only, batched)."""
    from briefbook.extract.nlp import pipeline

    nlp = pipeline()
    keep = {"tok2vec", "ner"}
    disable = [n for n in nlp.pipe_names if n not in keep]
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in KINDS]
        for doc in nlp.pipe(paragraphs, batch_size=64, disable=disable)
    ]


def _clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a possessive and a leading article; refuse spans that are not a name."""
    s = text[start:end]
    for suffix in ("'s", "’s", "'", "’"):
        if s.endswith(suffix):
            end -= len(suffix)
            s = s[: -len(suffix)]
            break
    if s.lower().startswith("the "):
        start += 4
        s = s[4:]
    if len(s) < 2 or not s[0].isupper() or s in NOT_ORGS or any(ch.isdigit() or ch in "\n@#" for ch in s):
        return None
    return start, end


def _expand_acronyms(text: str, spans: list[Span]) -> list[Span]:
    """Add the spelled-out name before a bracketed acronym when its initials match it.

    "Asia-Pacific Economic Cooperation (APEC)": the model often tags only the acronym.
    """
    out = list(spans)
    for start, end, kind in spans:
        acr = text[start:end].replace(".", "")
        if kind != "ORG" or not ACRONYM.match(acr) or text[start - 1 : start] != "(":
            continue
        words = list(re.finditer(r"[\w&'’-]+", text[: start - 1]))
        letters = ""
        first = None
        for w in reversed(words):
            word = w[0]
            if word.lower() in ("of", "and", "for", "the", "on", "&"):
                continue
            if not word[0].isupper():
                break
            letters = "".join(part[0] for part in word.split("-") if part) + letters
            first = w.start()
            if len(letters) >= len(acr):
                break
        if first is not None and letters.upper() == acr.upper():
            phrase_end = len(text[: start - 1].rstrip())
            if not any(s < phrase_end and first < e for s, e, _ in out):
                out.append((first, phrase_end, "ORG"))
    return sorted(out)


def _add_name_parts(paragraphs: list[Paragraph]) -> None:
    """Tag the later bare surname ("Ha added") that the model missed, once the full name is known."""
    parts: set[str] = set()
    for p in paragraphs:
        for start, end, kind in p.spans:
            words = p.text[start:end].split()
            if kind == "PERSON" and len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words):
                parts.update(w for w in words if w.lower() not in NAME_PARTICLES)
    if not parts:
        return
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(parts, key=len, reverse=True)) + r")(?![\w-])")
    for p in paragraphs:
        extra = [(m.start(), m.end(), "PERSON") for m in rx.finditer(p.text)
                 if not any(s < m.end() and m.start() < e for s, e, _ in p.spans)]
        if extra:
            p.spans = sorted(p.spans + extra)


def group_names(paragraphs: list[Paragraph]) -> dict[str, tuple[str, str]]:
    """Which surfaces name the same person or organization inside one article.

    A one-word person ("Ha") joins the full name that contains it ("Ha Jung-woo"); an
    acronym right after an organization in brackets ("... Cooperation (APEC)") joins it.
    """
    people: set[str] = set()
    orgs: set[str] = set()
    acronym_of: dict[str, str] = {}
    for p in paragraphs:
        for start, end, kind in p.spans:
            surface = p.text[start:end]
            if kind == "PERSON":
                people.add(surface)
            else:
                orgs.add(surface)
                m = re.match(r"\s*\(([A-Z][A-Z&.\-]{1,7})\)", p.text[end:])
                if m and not ACRONYM.match(surface):
                    acronym_of.setdefault(m[1], surface)
    groups: dict[str, tuple[str, str]] = {}
    fulls = sorted((s for s in people if len(s.split()) >= 2), key=lambda s: (-len(s.split()), s))
    for s in sorted(people):
        words = s.split()
        owner = next((f for f in fulls if f != s and set(words) <= set(f.split())), None)
        if len(words) >= 2:
            groups[s] = (f"P:{owner or s}", "full")
        else:
            groups[s] = (f"P:{owner or s}", "last")
    for s in sorted(orgs):
        if ACRONYM.match(s):
            groups[s] = (f"O:{acronym_of.get(s, s)}", "acronym")
        else:
            groups[s] = (f"O:{s}", "full")
    return groups


def annotate(sources: list[Source], finder: Finder) -> list[Template]:
    """Find the names once for every source article (the slow step: cache its result)."""
    flat = [p for s in sources for p in s.paragraphs]
    found = finder(flat) if flat else []
    templates: list[Template] = []
    k = 0
    for s in sources:
        paras: list[Paragraph] = []
        for text in s.paragraphs:
            spans: list[Span] = []
            last_end = 0
            for start, end, kind in sorted(found[k]):
                cleaned = _clean_span(text, start, end)
                if cleaned and cleaned[0] >= last_end:
                    spans.append((cleaned[0], cleaned[1], kind))
                    last_end = cleaned[1]
            paras.append(Paragraph(text, _expand_acronyms(text, spans)))
            k += 1
        _add_name_parts(paras)
        templates.append(Template(s.key, s.date or _base_date(s.key), paras, group_names(paras)))
    return templates


def _stable_int(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


def _base_date(key: str) -> str:
    """Undated bodies get a fixed date in 2019–2020, spread by their key."""
    return (dt.date(2019, 1, 1) + dt.timedelta(days=_stable_int(key) % 730)).isoformat()


def load_templates(sources: list[Source], cache_dir: Path | None, finder: Finder | None = None) -> list[Template]:
    """Annotated templates, from ``cache_dir`` when the same sources were annotated before."""
    finder = finder or spacy_finder
    digest = sources_digest(sources)
    cache = cache_dir / f"templates-{digest[:16]}.json" if cache_dir else None
    if cache is not None and cache.is_file():
        return [_template_from_json(t) for t in json.loads(cache.read_text(encoding="utf-8"))]
    templates = annotate(sources, finder)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps([asdict(t) for t in templates]), encoding="utf-8")
    return templates


def _template_from_json(d: dict) -> Template:
    paras = [Paragraph(p["text"], [tuple(s) for s in p["spans"]]) for p in d["paragraphs"]]
    groups = {k: (v[0], v[1]) for k, v in d["groups"].items()}
    return Template(d["key"], d["date"], paras, groups)


# ---------------------------------------------------------------------------------------------
# stories


class _Cast:
    """The names of one story: each (article, group) gets a distinct pool entry, drawn in order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: dict[tuple[str, str], names.Person] = {}
        self.orgs: dict[tuple[str, str], names.Org] = {}
        self.taken: set[int] = set()
        self.taken_orgs: set[int] = set()

    def _draw(self, size: int, exponent: float, taken: set[int]) -> int:
        """A pool index not yet used in this story (two people never share a name)."""
        for _ in range(50):
            i = names.draw(self.rng, size, exponent)
            if i not in taken:
                break
        while i in taken:
            i = self.rng.randrange(size)
        taken.add(i)
        return i

    def person(self, key: tuple[str, str]) -> names.Person:
        if key not in self.people:
            pool = names.people()
            i = self._draw(len(pool), PEOPLE_ZIPF, self.taken)
            self.people[key] = pool[i]
        return self.people[key]

    def org(self, key: tuple[str, str]) -> names.Org:
        if key not in self.orgs:
            pool = names.organizations()
            i = self._draw(len(pool), ORG_ZIPF, self.taken_orgs)
            self.orgs[key] = pool[i]
        return self.orgs[key]


def _shift_years(text: str, base_year: int, delta: int) -> str:
    if not delta:
        return text

    def sub(m: re.Match[str]) -> str:
        year = int(m[1])
        return str(year + delta) if base_year - 30 <= year <= base_year + 10 else m[1]

    return YEAR.sub(sub, text)


def _render(t: Template, p: Paragraph, cast: _Cast, base_year: int, delta: int) -> str:
    out: list[str] = []
    pos = 0
    for start, end, kind in p.spans:
        out.append(_shift_years(p.text[pos:start], base_year, delta))
        surface = p.text[start:end]
        group, part = t.groups.get(surface, (f"{kind[0]}:{surface}", "full"))
        if kind == "PERSON":
            person = cast.person((t.key, group))
            out.append(person.full if part == "full" else person.last)
        else:
            org = cast.org((t.key, group))
            out.append(org.acronym if part == "acronym" else org.name)
        pos = end
    out.append(_shift_years(p.text[pos:], base_year, delta))
    return "".join(out)


def story(templates: list[Template], i: int) -> str:
    """The text of story ``i``: a ``date YYYY-MM-DD`` line opening the lead, then its paragraphs."""
    rng = random.Random(f"briefbook-bench:{GENERATOR_VERSION}:{i}")
    t = templates[i % len(templates)]
    copy = i // len(templates)
    base = dt.date.fromisoformat(t.date)
    date = base + dt.timedelta(days=rng.randint(-1100, 1100))
    delta = date.year - base.year
    order: list[tuple[Template, Paragraph]] = [(t, p) for p in t.paragraphs]
    if copy > 0 and len(order) > 3:
        lead, body = order[0], order[1:]
        kept = [x for x in body if rng.random() > 0.15] or body[:2]
        if len(kept) > 2 and rng.random() < 0.5:
            j = rng.randrange(len(kept) - 1)
            kept[j], kept[j + 1] = kept[j + 1], kept[j]
        if rng.random() < 0.4:
            other = templates[rng.randrange(len(templates))]
            long = [p for p in other.paragraphs[1:] if len(p.text) >= 120]
            if other is not t and long:
                kept.insert(rng.randrange(1, len(kept) + 1), (other, rng.choice(long)))
        order = [lead, *kept]
    cast = _Cast(rng)
    paras = [_render(src, p, cast, base.year, delta) for src, p in order]
    return f"date {date.isoformat()} " + "\n\n".join(paras) + "\n"


def write_corpus(templates: list[Template], n: int, out_dir: Path) -> list[Path]:
    """Stories ``0 .. n-1`` as ``story-NNNNN.txt`` in ``out_dir`` (rewritten only when different)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out_dir / f"story-{i:05d}.txt"
        text = story(templates, i)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
