"""The one YAML loader for untrusted text: briefings, registry.yml, data files.

Plain data only, refused with the line where the trouble starts rather than crashing:

- nesting deeper than :data:`MAX_DEPTH` (30,000 levels in 60 kB segfault libyaml's composer, and
  its scanner is quadratic in the depth): decided before the text is built into objects;
- anchors and aliases (``&a`` / ``*a``: a few hundred bytes expand to gigabytes), where asked;
- a key given twice in one mapping (YAML keeps the last one silently: a reviewed value replaced).

The depth is bounded first from the text alone (indentation, block indicators, brackets), which
is enough for every real file; only a text that could be deep has its parser events read, and
that walk stops at the first level past the limit, so it costs at most linear time too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 40
ALIAS_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed: write the value out"

_CParser = getattr(yaml, "CSafeLoader", None)
_INDICATORS = re.compile(r"(?:^|\s)[-?:](?=\s|$)|[\[{]")
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class YamlRefused(yaml.YAMLError):
    """A text refused before it is built: ``line`` is 0-based in the YAML text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def depth_bound(text: str) -> int:
    """An upper bound of the nesting depth of ``text``, from the text alone (linear).

    A block collection nested in another either starts further right or is opened on the same
    line by an indicator (``- ``, ``? ``, ``key: ``); a flow collection is opened by a bracket."""
    indent = most = 0
    brackets = text.count("[") + text.count("{")
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = max(indent, len(line) - len(stripped))
        if ":" in line or "-" in line or "?" in line:
            most = max(most, len(_INDICATORS.findall(line)))
    return indent + most + brackets + 1


def refusal(text: str, *, aliases: bool = False) -> YamlRefused | None:
    """Why ``text`` may not be built (too deep; an anchor or alias unless ``aliases``), or None.

    Only the parser's events are read, and only when the text could be too deep or has a ``&``
    or ``*`` at all; the walk stops at the first event past the limit."""
    deep = depth_bound(text) > MAX_DEPTH
    marked = not aliases and ("&" in text or "*" in text)
    if not deep and not marked:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_CParser or yaml.SafeLoader):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return YamlRefused(event.start_mark.line, f"nested more than {MAX_DEPTH} levels deep: "
                                                              "briefings and the registry need a few")
            elif isinstance(event, _CLOSE):
                depth -= 1
            if marked and (isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None):
                return YamlRefused(event.start_mark.line, ALIAS_MESSAGE)
    except yaml.YAMLError:
        return None  # a syntax error: the loader reports it itself, with its line (the depth was fine so far)
    return None


class _NoDuplicates:
    """A constructor mixin: a key twice in one mapping is an error at the second one's line."""

    first_line = 1  # the line of the file the text starts on, for messages

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)  # type: ignore[misc]
        if len(mapping) < len(node.value):
            first: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
                try:
                    if key in first:
                        raise YamlRefused(key_node.start_mark.line,
                                          f"the key {str(key)[:60]!r} is given twice in one mapping "
                                          f"(first on line {first[key] + self.first_line}): keep one")
                except TypeError:  # an unhashable key: the constructor says so itself
                    continue
                first[key] = key_node.start_mark.line
        return mapping


class SafeLoader(_NoDuplicates, yaml.SafeLoader):
    """PyYAML's safe loader (pure Python) without duplicate keys: subclass it to add constructors."""


class FastLoader(_NoDuplicates, _CParser or yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (ten times faster), without duplicate keys."""


def load(text: str, *, aliases: bool = False, loader: type = FastLoader, first_line: int = 1) -> Any:
    """``text`` as plain data. Raises :class:`YamlRefused` (a ``yaml.YAMLError`` with a 0-based
    ``line``) for depth, anchors (unless ``aliases``) and duplicate keys, and ``yaml.YAMLError``
    for syntax errors, as ``yaml.safe_load`` does. ``first_line``: the line of the file the text
    starts on (1 for a whole file, 2 for a briefing's frontmatter), for messages."""
    refused = refusal(text, aliases=aliases)
    if refused is not None:
        raise refused
    return build(text, loader=loader, first_line=first_line)


def build(text: str, *, loader: type = FastLoader, first_line: int = 1) -> Any:
    """:func:`load` after :func:`refusal` was asked already."""
    instance = loader(text)
    instance.first_line = first_line
    try:
        return instance.get_single_data()
    finally:
        instance.dispose()
