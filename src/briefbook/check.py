"""Validate briefings before they land: the schema, the corpus, the registry.

Every problem is one :class:`Problem`, printed as ``path:line: message`` so that editors and CI
logs jump to it. Checks, in order:

- the frontmatter is YAML and fits ``data/briefing.schema.json`` (hand-edit tolerant: a field the
  loader can do without may be left out, and an unquoted YAML date is fine);
- dates are real calendar dates; ``paragraph`` numbers exist in the body;
- ids resolve: a person's organization is an organization of the briefing or of the registry,
  a quote's speaker is a person or organization of the briefing, no id is listed twice;
- no two briefings tell the same story (same article sha256, or near-identical body text) and no
  two share a web address;
- the registry parses, and no name or alias belongs to two entries of the same kind.

The work per file is a pure function of its text (:func:`examine`); its result is cached by
file size and modification time, so that checking 10,000 unchanged briefings takes a second.
The cache is JSON (data only: a planted file can at worst make check re-examine), validated
field by field, and kept outside the repository under the user's cache folder, keyed on the
project's absolute path: a file that arrives with a pull request is never read as a cache.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import numpy as np
import yaml

from . import __version__, budgets, caches, dedupe, docsfiles, fsguard, safetext, store, yamlsafe
from .ids import name_key
from .model import ENTITY_LISTS, frontmatter_defaults, item_classes
from .registry import Registry, RegistryError, load_registry
from .site.text import safe_url
from .store import briefing_files, refused_briefings, slug_of

CACHE_VERSION = 5  # 4: every briefing's own article recorded (its sha256 is checked); 5: and docs/, aliases
_Loader = yamlsafe.FastLoader
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")  # YYYY-MM or YYYY-MM-DD, any digits


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:  # one line, whatever the file name or the value quoted holds
        return safetext.one_line(f"{self.path}:{self.line}: {self.message}")


@dataclass
class OrgRef:
    """A person's organization that is not in the briefing: fine when the registry has it."""

    id: str
    line: int
    where: str


@dataclass
class Facts:
    """What one briefing file tells the checker, independent of the registry and the other files."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    org_refs: list[OrgRef] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)  # (sha256, 0 = source, n = other n)
    # (n, file) of each other_sources entry that ingest recorded (it has a sha256), and (-1, source file): its file
    # must still exist, which is checked on every run (deleting an article does not touch the briefing)
    other_files: list[tuple[int, str]] = field(default_factory=list)
    shingles: np.ndarray | None = None
    signature: np.ndarray | None = None
    # (kind, id, name, aliases, index in its list) of each entity item: an alias may not be the name of
    # another entity of the corpus (it would show this one in search for that name)
    entities: list[tuple[str, str, str, list[str], int]] = field(default_factory=list)

    def at(self, path: str) -> Facts:
        """The same facts reported under another spelling of the path."""
        if path == self.path:
            return self
        return replace(self, path=path, problems=[replace(p, path=path) for p in self.problems])


@dataclass
class Result:
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------------------------------------
# The schema


@cache
def _schema_text() -> str:
    return resources.files("briefbook").joinpath("data/briefing.schema.json").read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    return json.loads(_schema_text())


@cache
def _fast_validator() -> Any:
    return fastjsonschema.compile(json.loads(_schema_text()))  # its own copy: compile changes it


@cache
def _full_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def _pattern_words() -> dict[str, str]:
    defs = schema()["$defs"]
    event_date = schema()["properties"]["events"]["items"]["properties"]["date"]["pattern"]
    id_words = "an id (lower-case letters and digits joined by single hyphens, like 'lee-jae-myung')"
    return {
        defs["id"]["pattern"]: id_words,
        defs["day"]["pattern"]: "a date written YYYY-MM-DD",
        event_date: "a date written YYYY, YYYY-MM or YYYY-MM-DD",
        defs["source"]["properties"]["sha256"]["oneOf"][1]["pattern"]: "a sha256 (64 lower-case hex digits)",
    }


def _patterns_in(sub: Any) -> list[str]:
    """The patterns a (sub)schema accepts, following $ref and oneOf."""
    if not isinstance(sub, dict):
        return []
    if "$ref" in sub:
        return _patterns_in(schema()["$defs"][sub["$ref"].rsplit("/", 1)[-1]])
    found = [sub["pattern"]] if "pattern" in sub else []
    for option in sub.get("oneOf", []):
        found += _patterns_in(option)
    return found


# ---------------------------------------------------------------------------------------------
# Lines: where a field is in the file


class _Lines:
    """Maps a field path (``("people", 2, "id")``) to its line; composes the YAML only when asked."""

    def __init__(self, frontmatter: str, first_line: int) -> None:
        self.text = frontmatter
        self.first = first_line
        self._root: yaml.Node | bool | None = False

    def root(self) -> yaml.Node | None:
        if self._root is False:
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except Exception:
                self._root = None
        return self._root  # type: ignore[return-value]

    def of(self, path: Sequence[Any]) -> int:
        node = self.root()
        if node is None:
            return self.first
        line = node.start_mark.line
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        line, node = key.start_mark.line, value
                        break
                else:
                    break
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
            ):
                node = node.value[part]
                line = node.start_mark.line
            else:
                break
        return self.first + line


def _where(path: Iterable[Any]) -> str:
    """Where in the frontmatter, counted as a person counts: ``quotes #1.speaker`` is the first
    quote's speaker (the same numbers as ``paragraph: 1``, the first paragraph)."""
    out = ""
    for part in path:
        if not out:
            out = str(part)  # a field (a number too: `1: 2` is a field named 1)
        else:
            out += f" #{part + 1}" if isinstance(part, int) else f".{part}"
    return out


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _typename(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping of fields",
    }.get(type(value), type(value).__name__)


_TYPES = {
    "string": "text",
    "null": "nothing (null)",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true/false",
}


def _schema_problems(meta: dict[str, Any], lines: _Lines, path: str) -> list[Problem]:
    out = []
    for err in _full_validator().iter_errors(meta):
        where = _where(err.absolute_path)
        prefix = f"{where}: " if where else ""
        at = list(err.absolute_path)
        kind = err.validator
        inst = err.instance
        if kind == "required":
            missing = [r for r in err.validator_value if isinstance(inst, dict) and r not in inst]
            msg = f"{prefix}missing field " + ", ".join(repr(m) for m in missing)
        elif kind == "additionalProperties" and isinstance(inst, dict):
            known = list(err.schema.get("properties", {}))
            for extra in sorted((k for k in inst if k not in known), key=str):
                hint = difflib.get_close_matches(str(extra), known, n=1)
                tip = f" (did you mean {hint[0]!r}?)" if hint else f" (known fields: {', '.join(known)})"
                out.append(
                    Problem(path, lines.of([*at, extra]), f"{_where([*at, extra])}: unknown field{tip}")
                )
            continue
        elif kind == "type":
            want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
            msg = f"{prefix}expected {' or '.join(_TYPES.get(w, w) for w in want)}, found {_typename(inst)}"
        elif kind in ("pattern", "oneOf"):
            words = _pattern_words()
            accepted = [words.get(p, f"text matching {p}") for p in _patterns_in(err.schema)]
            nullable = kind == "oneOf" and any(o.get("type") == "null" for o in err.validator_value)
            if isinstance(inst, str) and _DATE_SHAPE.match(inst) and any("date" in a for a in accepted):
                # written as a date, only not a real one (2025-13-45): say that, as _semantics does
                msg = f"{prefix}{inst} is not a real calendar date"
            elif isinstance(inst, str) and accepted:
                msg = f"{prefix}{_short(inst)} is not {accepted[0]}" + (" or null" if nullable else "")
            else:
                msg = (
                    f"{prefix}expected {accepted[0] if accepted else 'another value'}"
                    + (" or null" if nullable else "")
                    + f", found {_typename(inst)}"
                )
        elif kind == "enum":
            msg = f"{prefix}{_short(inst)} is not one of: " + ", ".join(map(str, err.validator_value))
        elif kind == "minLength":
            msg = f"{prefix}must not be empty"
        elif kind == "minimum":
            msg = f"{prefix}must be {err.validator_value} or more, found {_short(inst)}"
        elif kind == "maxItems":
            msg = f"{prefix}at most {err.validator_value} items, found {len(inst)}"
        elif kind == "uniqueItems":
            msg = f"{prefix}an item is listed twice"
        else:
            msg = f"{prefix}{err.message[:200]}"
        out.append(Problem(path, lines.of(at), msg))
    return out


# ---------------------------------------------------------------------------------------------
# One file


# Read off the model: a second list here drifted from it once.
_DEFAULTS = frontmatter_defaults()
_ITEMS = item_classes()


def _fill(item: Any, kind: type) -> None:
    """Give a mapping the fields its dataclass can default, as the loader does."""
    if not isinstance(item, dict):
        return
    for f in fields(kind):
        if f.name in item:
            continue
        if f.default is not MISSING:
            item[f.name] = f.default
        elif f.default_factory is not MISSING:
            item[f.name] = f.default_factory()


def _isoformat_dates(value: Any) -> Any:
    """YAML reads a bare 2025-10-29 as a date; the loader keeps ISO strings, so does the check."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {k: _isoformat_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_isoformat_dates(v) for v in value]
    return value


def _normalise(meta: dict[str, Any]) -> dict[str, Any]:
    meta = _isoformat_dates(meta)
    for key, default in _DEFAULTS.items():
        if key not in meta:
            meta[key] = default.copy() if isinstance(default, list | dict) else default
    for key, (kind, many) in _ITEMS.items():
        if not many:
            _fill(meta.get(key), kind)
        elif isinstance(meta.get(key), list):
            for item in meta[key]:
                _fill(item, kind)
    for item in meta["events"] if isinstance(meta.get("events"), list) else []:
        # a bare year (`date: 2026`) is a number to YAML; the loader reads it as the year
        if isinstance(item, dict) and type(item.get("date")) is int and 1000 <= item["date"] <= 9999:
            item["date"] = str(item["date"])
    return meta


def _fits(meta: dict[str, Any]) -> bool:
    try:
        _fast_validator()(meta)
    except Exception:  # JsonSchemaException, or an input the generated code did not foresee
        return False  # the full validator then says what is wrong
    return True


def _real_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_frontmatter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Frontmatter, body and body line; fast (libyaml), with the loader's own errors when broken."""
    if text.startswith("\ufeff"):
        text = text[1:]
    match = store.FRONTMATTER.match(text)
    if match:
        refused = yamlsafe.refusal(match.group(1))
        if refused is not None:
            raise store.BriefingError(path, refused.line + 2, refused.message)
        try:
            meta = yamlsafe.build(match.group(1), loader=_Loader, first_line=2)
        except Exception:
            meta = None
        if isinstance(meta, dict):
            return meta, text[match.end() :], text[: match.end()].count("\n") + 1
    try:
        return store.split(text, path)  # raises BriefingError with the loader's message and line
    except store.BriefingError:
        raise
    except Exception as exc:  # the loader itself failed: still one line, never a traceback
        raise store.BriefingError(
            path, 2, f"frontmatter cannot be read: {type(exc).__name__}: {exc}"
        ) from None


def validate(text: str, path: str = "<briefing>") -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """The frontmatter as YAML read it, the body, and what is wrong with them (all of what
    `check` says of one file on its own). Pure; never raises. The site build refuses a briefing
    on the same problems, so that nothing `check` would refuse reaches a page."""
    facts = Facts(path)
    raw, body = _validate(text, facts)
    return raw, body, facts.problems


def _validate(text: str, facts: Facts) -> tuple[dict[str, Any] | None, str]:
    path = facts.path
    if len(text) * 4 > budgets.MAX_BRIEFING_BYTES:  # only then can it be too large
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > budgets.MAX_BRIEFING_BYTES:
            facts.problems.append(Problem(path, 1, _too_large(size)))
            return None, ""
    try:
        raw, body, _ = read_frontmatter(text, path)
    except store.BriefingError as exc:
        facts.problems.append(Problem(path, exc.line, exc.message))
        return None, ""
    fm = store.FRONTMATTER.match(text.lstrip("\ufeff"))
    lines = _Lines(fm.group(1) if fm else "", 2)
    try:
        meta = _normalise(raw)
    except Exception as exc:  # pragma: no cover - defensive: normalising is total on YAML data
        facts.problems.append(Problem(path, 2, f"frontmatter cannot be checked: {exc}"))
        return None, body
    if not _fits(meta):
        facts.problems.extend(_schema_problems(meta, lines, path))
    paragraphs = store.paragraphs_of(body)
    _limits(meta, paragraphs, lines, facts)
    _semantics(meta, paragraphs, lines, facts)
    return raw, body


def _too_large(size: int) -> str:
    return (f"the briefing is too large ({size / 1e6:.1f} MB; the limit is "
            f"{budgets.MAX_BRIEFING_BYTES / 1e6:.1f} MB): split the article or shorten it")


def _limits(meta: dict[str, Any], paragraphs: list[str], lines: _Lines, facts: Facts) -> None:
    """Lists and texts past what any real article gives: they only make the build slow."""
    for key, most in budgets.MAX_ITEMS.items():
        value = meta.get(key)
        if isinstance(value, list) and len(value) > most:
            facts.problems.append(Problem(facts.path, lines.of([key]),
                                          f"{key}: {len(value)} items, the limit is {most}"))
    for _, key in ENTITY_LISTS:
        for i, item in _items(meta, key):
            for name, message in budgets.item_over(item):
                facts.problems.append(Problem(facts.path, lines.of([key, i, name]), f"{key}[{i}].{name}: {message}"))
    for i, topic in enumerate(meta.get("topics") or [] if isinstance(meta.get("topics"), list) else []):
        if isinstance(topic, str) and len(topic) > budgets.MAX_ID_CHARS:
            facts.problems.append(Problem(facts.path, lines.of(["topics", i]), f"topics[{i}]: {len(topic)} "
                                                                              f"characters, the limit is {budgets.MAX_ID_CHARS}"))
    if len(paragraphs) > budgets.MAX_PARAGRAPHS:
        facts.problems.append(Problem(facts.path, 1, f"the body has {len(paragraphs)} paragraphs, the limit "
                                                     f"is {budgets.MAX_PARAGRAPHS}"))
    for at, text in _strings(meta, []):
        if len(text) > budgets.MAX_FIELD_CHARS:
            facts.problems.append(Problem(facts.path, lines.of(at), f"{_where(at)}: {len(text):,} characters, "
                                                                    f"the limit is {budgets.MAX_FIELD_CHARS:,}"))
            return  # one is enough to say it


def _strings(value: Any, at: list[Any]) -> Iterator[tuple[list[Any], str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, [*at, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, [*at, i])


def examine(text: str, path: str = "<briefing>") -> Facts:
    """Check one briefing's text on its own, and hash its body for the duplicate search. Pure;
    never raises for any text."""
    facts = Facts(path)
    raw, body = _validate(text, facts)
    if raw is None:
        return facts
    meta = _normalise(raw)
    paragraphs = store.paragraphs_of(body)
    src = meta.get("source")
    sources = (
        [src, *(meta.get("other_sources") or [])] if isinstance(meta.get("other_sources"), list) else [src]
    )
    for i, s in enumerate(sources):
        sha = s.get("sha256") if isinstance(s, dict) else None
        if isinstance(sha, str) and sha:
            facts.sources.append((sha, i))
            if i and isinstance(s.get("file"), str) and s["file"]:
                facts.other_files.append((i - 1, s["file"]))
    main_file = src.get("file") if isinstance(src, dict) else None
    if isinstance(main_file, str) and main_file:
        facts.other_files.insert(0, (-1, main_file))  # the anchor: where the project's files are
    for kind, key in ENTITY_LISTS:
        for i, item in _items(meta, key):
            ident, name, aliases = item.get("id"), item.get("name"), item.get("aliases") or []
            if isinstance(ident, str) and isinstance(name, str) and isinstance(aliases, list):
                facts.entities.append((kind, ident, name, [a for a in aliases if isinstance(a, str)], i))
    # A link the site leaves out (the build drops it and goes on: it renders such data inert)
    for at, item in [(["source"], src), *((["other_sources", i], s) for i, s in _items(meta, "other_sources"))]:
        url = item.get("url") if isinstance(item, dict) else None
        if isinstance(url, str) and url.strip() and safe_url(url) is None:
            lines = _Lines(store.FRONTMATTER.match(text.lstrip("\ufeff")).group(1), 2)  # type: ignore[union-attr]
            facts.problems.append(Problem(path, lines.of([*at, "url"]), f"{_where([*at, 'url'])}: {url[:80]!r} {_DROPPED}"))
    sh = dedupe.shingles(paragraphs)
    if sh.size:
        facts.shingles = sh
        facts.signature = dedupe.signature(sh)
    return facts


def _items(meta: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = meta.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _semantics(meta: dict[str, Any], paragraphs: list[str], lines: _Lines, facts: Facts) -> None:
    path = facts.path

    def problem(at: Sequence[Any], message: str) -> None:
        facts.problems.append(Problem(path, lines.of(at), f"{_where(at)}: {message}"))

    date = meta.get("date")
    if isinstance(date, str) and _DAY.match(date) and not _real_day(date):
        problem(["date"], f"{date} is not a real calendar date")
    ids: dict[str, set[str]] = {}
    for _, key in ENTITY_LISTS:
        seen: dict[str, int] = {}
        for i, item in _items(meta, key):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                problem([key, i, "id"], f"{ident!r} is listed twice (also {_where([key, seen[ident]])})")
            seen.setdefault(ident, i)
        ids[key] = set(seen)
    for i, person in _items(meta, "people"):
        org = person.get("organization")
        if isinstance(org, str) and org and org not in ids["organizations"]:
            at = ["people", i, "organization"]
            facts.org_refs.append(OrgRef(org, lines.of(at), _where(at)))
    n = len(paragraphs)
    speakers = ids["people"] | ids["organizations"]
    for i, quote in _items(meta, "quotes"):
        speaker = quote.get("speaker")
        if isinstance(speaker, str) and speaker and speaker not in speakers:
            problem(
                ["quotes", i, "speaker"],
                f"{speaker!r} is not a person or organization of this briefing "
                "(add them to people/organizations, or set speaker: null and keep speaker_name)",
            )
        _paragraph(quote, ["quotes", i, "paragraph"], n, problem)
    for i, event in _items(meta, "events"):
        date = event.get("date")
        if isinstance(date, str) and _DAY.match(date) and not _real_day(date):
            problem(["events", i, "date"], f"{date} is not a real calendar date")
        _paragraph(event, ["events", i, "paragraph"], n, problem)


def _paragraph(item: dict[str, Any], at: list[Any], n: int, problem: Any) -> None:
    number = item.get("paragraph")
    if type(number) is int and number > n:
        problem(at, f"there is no paragraph {number}: the body has {n} paragraph{'s' if n != 1 else ''}")


def examine_file(path: Path, shown: str | None = None) -> Facts:
    shown = shown or str(path)
    try:
        size = path.stat().st_size
        if size > budgets.MAX_BRIEFING_BYTES:
            return Facts(shown, [Problem(shown, 1, _too_large(size))])
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Facts(shown, [Problem(shown, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")])
    except OSError as exc:
        return Facts(shown, [Problem(shown, 1, f"cannot read the file: {exc.strerror or exc}")])
    return examine(text, shown)


# ---------------------------------------------------------------------------------------------
# The registry


def check_registry(path: str | os.PathLike[str] | None) -> tuple[Registry, list[Problem]]:
    """The registry (empty when it is missing or broken) and its problems."""
    if path is not None and (refused := fsguard.link_on_path(path)) is not None:
        return Registry([]), [Problem(str(path), 1, refused)]
    try:
        registry = load_registry(path)
    except RegistryError as exc:  # every wrong entry reported; the others still count
        return exc.partial or Registry([]), [Problem(e.path, e.line, e.message) for e in exc.all()]
    except (OSError, UnicodeDecodeError) as exc:
        return Registry([]), [Problem(str(path), 1, f"cannot read the registry: {exc}")]
    problems = []
    owner: dict[tuple[str, str], Any] = {}
    for entry in registry.entries:
        for link in entry.links:
            if safe_url(link) is None:
                problems.append(Problem(str(path), entry.line, f"links of {entry.name!r}: {link[:80]!r} {_DROPPED}"))
    for entry in registry.entries:
        for form in entry.forms():
            key = (entry.kind, name_key(form))
            first = owner.setdefault(key, entry)
            if first is not entry:
                problems.append(
                    Problem(
                        str(path),
                        entry.line,
                        f"{form!r} of {entry.name!r} is also a name or alias of {first.name!r} "
                        f"(line {first.line}): {'an' if entry.kind[0] in 'aeiou' else 'a'} {entry.kind} can only be one entry",
                    )
                )
    return registry, problems


# ---------------------------------------------------------------------------------------------
# The corpus


def _corpus_problems(facts: list[Facts], registry: Registry) -> list[Problem]:
    problems: list[Problem] = []
    for f in facts:
        for ref in f.org_refs:
            if registry.get("organization", ref.id) is None:
                problems.append(
                    Problem(
                        f.path,
                        ref.line,
                        f"{ref.where}: {ref.id!r} is not an organization of this briefing or of the registry",
                    )
                )
    for f in facts:
        root = Path(f.path).resolve().parent.parent  # the project: the folder that holds briefings/
        anchor = next((file for n, file in f.other_files if n == -1), None)
        if anchor is not None and not Path(anchor).is_absolute():
            if (refused := fsguard.leaves(anchor, root)) is not None:
                problems.append(Problem(f.path, _line_in_file(f.path, ("source", "file")),
                                        f"source.file: {anchor}: {refused}"))
                continue
            if not (root / anchor).exists():
                continue  # the article of the briefing itself is not there either: files live elsewhere
        recorded = next((sha for sha, n in f.sources if n == 0), None)
        if anchor is not None and recorded and not Path(anchor).is_absolute():
            now = _file_sha256(root / anchor)
            if now is not None and now != recorded:
                shown = Path(f.path).as_posix()
                problems.append(Problem(
                    f.path, _line_in_file(f.path, ("source", "sha256")),
                    f"source.sha256: the article {anchor} changed since this briefing was made: `make ingest` "
                    f"updates it; if you edited it by hand, `briefbook diff {shown}` shows the new extraction and "
                    f"`briefbook ingest {anchor} --keep-edits` takes it for the fields you did not edit"))
        for n, file in f.other_files:
            if n < 0 or Path(file).is_absolute():
                continue
            # asked before the file is looked at: `../../etc/shadow` must not tell whether it exists
            if (refused := fsguard.leaves(file, root)) is not None:
                problems.append(Problem(f.path, _line_in_file(f.path, ("other_sources", n, "file")),
                                        f"other_sources[{n}].file: {file}: {refused}"))
            elif not (root / file).exists():
                problems.append(
                    Problem(
                        f.path,
                        _line_in_file(f.path, ("other_sources", n, "file")),
                        f"{_where(['other_sources', n, 'file'])}: {file} does not exist (deleted or moved?): "
                        "remove this entry, or put the article back",
                    )
                )
    problems += _hijacking_aliases(facts, registry)
    # The original first (older file, then file order), so that a copy is the one reported.
    facts = sorted(facts, key=lambda f: _mtime(f.path))
    first_sha: dict[str, str] = {}
    for f in facts:
        for sha, n in f.sources:
            other = first_sha.setdefault(sha, f.path)
            if other != f.path:
                where = ("source", "sha256") if n == 0 else ("other_sources", n - 1, "sha256")
                problems.append(
                    Problem(
                        f.path,
                        _line_in_file(f.path, where),
                        f"same article as {other} (same sha256): keep one briefing of it",
                    )
                )
    index = dedupe.DuplicateIndex()
    for f in facts:
        if f.shingles is None:
            continue
        for match in index.add(f.path, f.shingles, f.signature)[:1]:
            problems.append(
                Problem(
                    f.path,
                    1,
                    f"same story as {match.key} ({match.similarity:.0%} of the text in common): keep one "
                    "briefing and list the other article under its other_sources",
                )
            )
    return problems


def _hijacking_aliases(facts: list[Facts], registry: Registry) -> list[Problem]:
    """An alias that is the name of an entity of another kind, or of another registry entry:
    search would show this entity for that name, above the real one. Linear in names and aliases."""
    owners: dict[str, set[tuple[str, str]]] = {}  # name_key of a name -> the entities it names

    def canonical(kind: str, ident: str, name: str, aliases: Iterable[str]) -> tuple[str, str]:
        entry = registry.resolve(kind, ident, name, aliases)
        return (kind, entry.id if entry else ident)

    for f in facts:
        for kind, ident, name, aliases, _ in f.entities:
            owners.setdefault(name_key(name), set()).add(canonical(kind, ident, name, aliases))
    for entry in registry.entries:
        owners.setdefault(name_key(entry.name), set()).add((entry.kind, entry.id))

    curated = {(e.kind, e.id) for e in registry.entries}

    def taken(alias: str, own: tuple[str, str], own_name: str,
              skip: frozenset[tuple[str, str]] = frozenset()) -> str | None:
        # Another kind's name (an organization aliased "Donald Trump"), a curated entry's, or one
        # that is no form of the owner's own name ("APEC" for "Delta Works Fund"): a hijack. A
        # form of it ("New York Times" of "The New York Times", while another briefing names
        # "New York Times") is one entity named two ways: search lists the name once (site.name_index)
        # and `briefbook entities` suggests the merge.
        others = sorted(o for o in owners.get(name_key(alias), set()) - {own} - skip
                        if o[0] != own[0] or o in curated or not _variant(alias, own_name))
        return None if not others else f"{alias!r} is the name of the {others[0][0]} {others[0][1]!r}"

    problems = []
    advice = ("an alias may not be another entity's name (search would show this one for it): remove it, "
              "or merge the two in registry.yml")
    for f in facts:
        for kind, ident, name, aliases, i in f.entities:
            own = canonical(kind, ident, name, aliases)
            for n, alias in enumerate(aliases):
                if (why := taken(alias, own, name)) is not None:
                    key = next(k for c, k in ENTITY_LISTS if c == kind)
                    problems.append(Problem(f.path, _line_in_file(f.path, (key, i, "aliases", n)),
                                            f"{key}[{i}].aliases: {why}: {advice}"))
    listed: dict[str, set[tuple[str, str]]] = {}  # two entries of one kind: check_registry says so
    for entry in registry.entries:
        listed.setdefault(entry.kind, set()).add((entry.kind, entry.id))
    same = {kind: frozenset(refs) for kind, refs in listed.items()}
    for entry in registry.entries:
        for alias in entry.aliases:
            if (why := taken(alias, (entry.kind, entry.id), entry.name, same[entry.kind])) is not None:
                problems.append(Problem(str(registry.path), entry.line, f"aliases of {entry.name!r}: {why}: {advice}"))
    return problems


def docs_problems(site_config: str | os.PathLike[str]) -> list[Problem]:
    """The files of the docs folder the build would refuse (:mod:`docsfiles`), one line each."""
    docs, patterns = docsfiles.configured(site_config)
    if (refused := fsguard.link_on_path(docs, Path(site_config).parent)) is not None:
        return [Problem(str(docs), 1, refused)]
    if not docs.is_dir():
        return []
    return [Problem(str(docs / uri), 1, reason) for uri, reason in docsfiles.refused(docs, patterns)]


def _variant(alias: str, name: str) -> bool:
    """``alias`` is a form of ``name``: inside it ("New York Times" of "The New York Times") or
    its letters in order from the first ("MSIT" of "Ministry of Science and ICT")."""
    a, n = name_key(alias), name_key(name)
    if not a or a in n or n in a:
        return True
    letters = iter(n)
    return a[0] == n[0] and all(ch in letters for ch in a)


_DROPPED = "is not an http(s) address: the site leaves the link out; write the page's address, or remove it"


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _line_in_file(path: str, where: Sequence[Any]) -> int:
    """The line of a field, read again from the file (only needed for the rare corpus problem)."""
    try:
        text = Path(path).read_text(encoding="utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError):
        return 1
    match = store.FRONTMATTER.match(text)
    return _Lines(match.group(1), 2).of(where) if match else 1


def _address_problems(files: list[tuple[Path, str]]) -> list[Problem]:
    seen: dict[str, str] = {}
    out = []
    for path, shown in files:
        slug = slug_of(path)
        if len(slug) > budgets.MAX_ID_CHARS:
            out.append(Problem(shown, 1, f"the file name is {len(slug)} characters long, the limit is "
                                         f"{budgets.MAX_ID_CHARS}: shorten it"))
        other = seen.setdefault(slug, shown)
        if other != shown:
            out.append(Problem(shown, 1, f"another briefing has the address {slug!r}: {other}; rename one"))
    return out


def _collect(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    files: list[tuple[Path, str]] = []
    problems = []
    for raw in paths:
        p = Path(raw)
        if (refused := fsguard.link_on_path(p)) is not None:  # `briefings -> /elsewhere`
            problems.append(Problem(str(p), 1, refused))
        elif p.is_dir():
            files += [(f, str(f)) for f in briefing_files(p, [Path.cwd()])]
            problems += [Problem(str(f), 1, reason) for f, reason in refused_briefings(p, [Path.cwd()])]
        elif p.is_file():
            files.append((p, str(p)))
        else:
            problems.append(Problem(str(p), 1, "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f, shown in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((f, shown))
    return unique, problems


# ---------------------------------------------------------------------------------------------
# The cache: results per file, keyed by size and modification time


def _cache_tag() -> str:
    digest = hashlib.sha256(_schema_text().encode()).hexdigest()[:16]
    return f"{CACHE_VERSION}:{__version__}:{digest}"


def default_cache_file(root: str | os.PathLike[str] = ".") -> Path:
    """The check cache of the project at ``root``: one file per absolute project path."""
    return caches.project_cache_file("check", root)


def _array_to_json(a: np.ndarray | None) -> str | None:
    return None if a is None else base64.b64encode(a.astype("<u4" if a.dtype == np.uint32 else "<u8").tobytes()).decode()


def _array_from_json(value: Any, dtype: str) -> np.ndarray | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("array")
    data = base64.b64decode(value, validate=True)
    width = np.dtype(dtype).itemsize
    if len(data) % width:
        raise ValueError("array length")
    return np.frombuffer(data, dtype=dtype).astype(np.uint32 if width == 4 else np.uint64)


def _facts_to_json(f: Facts) -> dict[str, Any]:
    return {
        "problems": [[p.line, p.message] for p in f.problems],
        "org_refs": [[r.id, r.line, r.where] for r in f.org_refs],
        "sources": [[sha, n] for sha, n in f.sources],
        "other_files": [[n, file] for n, file in f.other_files],
        "shingles": _array_to_json(f.shingles),
        "signature": _array_to_json(f.signature),
        "entities": [[kind, ident, name, aliases, i] for kind, ident, name, aliases, i in f.entities],
    }


def _is_int(value: Any) -> bool:
    return type(value) is int and value >= 0


def _facts_from_json(path: str, data: Any) -> Facts:
    """Facts from the cache, or ValueError when any field is not exactly what was written."""
    if not isinstance(data, dict) or set(data) != {
        "problems", "org_refs", "sources", "other_files", "shingles", "signature", "entities"
    }:
        raise ValueError("facts")
    problems = []
    for item in data["problems"]:
        if not (isinstance(item, list) and len(item) == 2 and _is_int(item[0]) and isinstance(item[1], str)):
            raise ValueError("problem")
        problems.append(Problem(path, item[0], item[1]))
    refs = []
    for item in data["org_refs"]:
        ok = isinstance(item, list) and len(item) == 3 and isinstance(item[0], str) and _is_int(item[1])
        if not ok or not isinstance(item[2], str):
            raise ValueError("org_ref")
        refs.append(OrgRef(item[0], item[1], item[2]))
    sources = []
    for item in data["sources"]:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and _is_int(item[1])):
            raise ValueError("source")
        sources.append((item[0], item[1]))
    others = []
    for item in data["other_files"]:
        ok = isinstance(item, list) and len(item) == 2 and type(item[0]) is int and item[0] >= -1
        if not ok or not isinstance(item[1], str):
            raise ValueError("other_file")
        others.append((item[0], item[1]))
    shingles = _array_from_json(data["shingles"], "<u4")
    signature = _array_from_json(data["signature"], "<u8")
    entities = []
    for item in data["entities"]:
        ok = isinstance(item, list) and len(item) == 5 and all(isinstance(x, str) for x in item[:3])
        if not ok or not isinstance(item[3], list) or not all(isinstance(a, str) for a in item[3]) \
                or not _is_int(item[4]):
            raise ValueError("entity")
        entities.append((item[0], item[1], item[2], item[3], item[4]))
    return Facts(path, problems, refs, sources, others, shingles, signature, entities)


def _read_cache(path: Path) -> dict[str, tuple[int, int, Facts]]:
    """The cached facts by absolute path; empty when the file is missing, stale or not exactly ours."""
    try:
        if not path.is_file() or path.stat().st_size > 2**31:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("tag") != _cache_tag() or not isinstance(data.get("files"), dict):
            return {}
        out: dict[str, tuple[int, int, Facts]] = {}
        for key, entry in data["files"].items():
            if not (isinstance(entry, list) and len(entry) == 3 and _is_int(entry[0]) and _is_int(entry[1])):
                return {}
            out[key] = (entry[0], entry[1], _facts_from_json(key, entry[2]))
        return out
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}


def _write_cache(path: Path, files: dict[str, tuple[int, int, Facts]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"tag": _cache_tag(), "files": {k: [size, mtime, _facts_to_json(f)] for k, (size, mtime, f) in files.items()}}
        fd, tmp = tempfile.mkstemp(prefix=".check.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass


def _examine_many(todo: list[tuple[Path, str]], jobs: int) -> Iterator[Facts]:
    if jobs <= 1 or len(todo) < 400:
        for path, shown in todo:
            yield examine_file(path, shown)
        return
    from .pipeline import _worker_init  # workers die with this process (PR_SET_PDEATHSIG)

    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        yield from pool.map(examine_file, [p for p, _ in todo], [s for _, s in todo], chunksize=64)


def check(
    paths: Iterable[str | os.PathLike[str]] = ("briefings",),
    registry_path: str | os.PathLike[str] | None = "registry.yml",
    *,
    cache_file: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    site_config: str | os.PathLike[str] | None = None,
) -> Result:
    """Check every briefing under ``paths`` and the registry; problems sorted by file and line.
    ``site_config``: the project's ``mkdocs.yml``, whose docs folder is checked too (as data)."""
    files, problems = _collect(paths)
    if site_config is not None and Path(site_config).is_file():
        problems += docs_problems(site_config)
    registry, reg_problems = check_registry(registry_path)
    problems += reg_problems
    cache_path = Path(cache_file) if cache_file else None
    cached = _read_cache(cache_path) if cache_path else {}
    facts: list[Facts] = []
    todo: list[tuple[Path, str]] = []
    stamps: dict[str, tuple[int, int]] = {}
    for path, shown in files:
        try:
            st = path.stat()
        except OSError:
            todo.append((path, shown))
            continue
        key = str(path.resolve())
        stamps[key] = (st.st_size, st.st_mtime_ns)
        hit = cached.get(key)
        if hit and (hit[0], hit[1]) == stamps[key]:
            facts.append(hit[2].at(shown))
        else:
            todo.append((path, shown))
    keys = {shown: str(path.resolve()) for path, shown in todo}
    for f in _examine_many(todo, jobs):
        facts.append(f)
        key = keys[f.path]
        if key in stamps:
            cached[key] = (*stamps[key], f)
    if cache_path and todo:
        _write_cache(cache_path, cached)
    order = {shown: i for i, (_, shown) in enumerate(files)}
    facts.sort(key=lambda f: order.get(f.path, 0))
    for f in facts:
        problems += f.problems
    problems += _corpus_problems(facts, registry)
    problems += _address_problems(files)
    return Result(sorted(set(problems), key=lambda p: (p.path, p.line, p.message)), len(files))
