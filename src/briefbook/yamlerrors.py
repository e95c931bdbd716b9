"""YAML errors told where the mistake is, in a contributor's words.

PyYAML reports where it gave up, which is often lines after the mistake: an unclosed quote on
line 3 is reported where the scanner runs out of text, a field pushed to column 0 on the line
after it. A person fixing a briefing or registry.yml by hand needs the line they got wrong and
what is wrong with it ("indentation", "quote never closed"). Pure functions on the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .yamlsafe import YamlRefused

# Words for PyYAML's problems, for when no finer diagnosis below applies.
_PROBLEMS = (
    ("mapping values are not allowed", "a ':' where YAML does not expect one: check this line's indentation, "
     "or put the value in quotes if it contains ': '"),
    ("did not find expected key", "this line does not line up with the fields above it (indentation), "
     "or a quote or bracket above it is not closed"),
    ("could not find expected ':'", "a line that is not 'field: value' (is a colon missing?), "
     "or a quote above it is not closed"),
    ("found unexpected end of stream", "the text ends inside a quote or bracket that is never closed"),
    ("expected <block end>", "this line does not line up with the lines around it (indentation)"),
    ("found character '\\t'", "indentation: a tab; YAML indents with spaces only"),
    ("found undefined alias", "'*' starts a YAML alias: put a value that starts with '*' in quotes"),
    ("expected alphabetic or numeric character", "'&' or '*' starts a YAML anchor or alias: "
     "put a value that starts with it in quotes"),
)


@dataclass(frozen=True)
class Located:
    """Where a YAML mistake starts (0-based line of the YAML text) and what it is."""

    line: int
    message: str


def locate(text: str, exc: yaml.YAMLError) -> Located:
    """The line where the mistake in ``text`` starts and a message a contributor understands."""
    if isinstance(exc, YamlRefused):  # our own refusals (depth, duplicate key) know their line
        return Located(exc.line, exc.message)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    lines = text.splitlines()
    at = min(mark.line, max(len(lines) - 1, 0)) if mark is not None else 0
    for found in (_tab(lines, at), _unclosed_quote(lines, at), _unclosed_bracket(exc), _misindented(lines, at)):
        if found is not None:
            return found
    words = next((w for key, w in _PROBLEMS if key in problem), None)
    return Located(at, f"{words} (YAML: {problem})" if words else problem)


def _unclosed_bracket(exc: yaml.YAMLError) -> Located | None:
    """A ``[`` or ``{`` list never closed: YAML notes where it opened (its context mark)."""
    context, mark = str(getattr(exc, "context", None) or ""), getattr(exc, "context_mark", None)
    if mark is None or "flow" not in context:
        return None
    opened, closer = ("[", "]") if "sequence" in context else ("{", "}")
    return Located(mark.line, f"a '{opened}' opened on this line is not closed with '{closer}' on it, or a value "
                               f"inside holds a comma or colon: put such a value in quotes")


def _tab(lines: list[str], at: int) -> Located | None:
    for n, line in enumerate(lines[: at + 1]):
        if re.match(r"[ ]*\t", line):
            return Located(n, "indentation: this line is indented with a tab; YAML indents with spaces only")
    return None


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)*(?:[^'"#\s][^:#]*:\s+)?(?:-\s+)*(['"])""")


def _unclosed_quote(lines: list[str], at: int) -> Located | None:
    """The first line up to ``at`` whose value opens a quote that does not close on that line.

    YAML allows a quoted value to run over lines, but briefings and the registry are written
    one value per line, so where parsing failed an open quote is the likely mistake."""
    for n, line in enumerate(lines[: at + 1]):
        m = _QUOTED_START.match(line)
        if m is None:
            continue
        quote, rest = m.group(1), line[m.end() :]
        if not _closes(rest, quote):
            return Located(n, f"a {_QUOTE_NAME[quote]} quote ({quote}) opened on this line is never closed: "
                              f"end the value with {quote}, or remove the opening {quote}")
    return None


_QUOTE_NAME = {"'": "single", '"': "double"}


def _closes(rest: str, quote: str) -> bool:
    i = 0
    while i < len(rest):
        c = rest[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and rest[i + 1 : i + 2] == "'":  # '' is a quote inside single quotes
                i += 2
                continue
            return True
        i += 1
    return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_indent(line: str) -> int:
    """Where the fields of the line start: after the ``- `` of a list item (``- id: x`` -> 2)."""
    m = re.match(r"[ ]*(?:-[ ]+)*", line)
    return m.end() if m else 0


def _content(lines: list[str], upto: int) -> list[int]:
    """Numbers of the lines up to ``upto`` that hold YAML (not blank, not only a comment)."""
    return [n for n in range(min(upto, len(lines) - 1) + 1) if lines[n].strip() and not lines[n].lstrip().startswith("#")]


def _opens_block(line: str) -> bool:
    """``key:`` or ``- key:`` with nothing after it: the next line may be indented further."""
    return bool(re.search(r":\s*(#.*)?$", line)) or line.strip() in ("-", "- |", "- >")


def _misindented(lines: list[str], at: int) -> Located | None:
    """A line indented differently from the lines it belongs with.

    The error is reported on the line YAML could not fit (``at``). Either that line is indented
    too far (the line before it is a plain ``key: value``), or the line before it was moved left
    and YAML read it as a field of an outer block (then ``at`` lines up with the line before that).
    """
    content = _content(lines, at)
    if len(content) < 2 or content[-1] != at:
        return None
    if _indent(lines[content[0]]) > _indent(lines[at]):  # the first field, pushed right
        return Located(content[0], "indentation: the first field starts after spaces; top-level fields "
                                   "start at the beginning of their line")
    cur, prev = lines[at], lines[content[-2]]
    if _indent(cur) <= _key_indent(prev) or _opens_block(prev):
        return None
    before = lines[content[-3]] if len(content) >= 3 else None
    if before is not None and _key_indent(before) == _indent(cur):
        # `prev` is the odd one out: it sits left of the lines it belongs with.
        return Located(content[-2], _moved(prev, _indent(cur)))
    return Located(at, _moved(cur, _key_indent(prev)))


def _moved(line: str, expected: int) -> str:
    spaces = _indent(line)
    return (f"indentation: this line starts after {spaces} space{'s' if spaces != 1 else ''}, the lines "
            f"it belongs with after {expected}; YAML reads the structure from the spaces, so line it up")
