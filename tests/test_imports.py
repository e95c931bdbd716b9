"""The package's modules import each other in one direction: no cycles, lazy imports included.

A cycle hides behind an import inside a function until the day someone moves it to the top of
the file; the graph here is read from the source (every ``import``, wherever it stands), so a
cycle fails this test the day it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefbook

PACKAGE = Path(briefbook.__file__).parent


def _module_name(path: Path, root: Path) -> str:
    parts = ["briefbook", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (a name imported from a package counts as
    its submodule when there is one)."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def reachable(graph: dict[str, set[str]], *starts: str) -> set[str]:
    """The modules ``starts`` import, directly or not, and themselves."""
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        if (module := todo.pop()) not in seen:
            seen.add(module)
            todo += graph[module]
    return seen


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_lazy_import_cycle(tmp_path):
    (tmp_path / "a.py").write_text("from .b import x\n")
    (tmp_path / "b.py").write_text("def f():\n    from .a import y\n")
    (tmp_path / "c.py").write_text("from . import a\n")
    graph = import_graph(tmp_path)
    assert graph["briefbook.c"] == {"briefbook.a"}
    assert find_cycle(graph) == ["briefbook.a", "briefbook.b", "briefbook.a"]
    (tmp_path / "b.py").write_text("x = 1\n")
    assert find_cycle(import_graph(tmp_path)) is None


def test_the_code_fingerprint_covers_every_module_extraction_runs():
    # A module extraction imports but the fingerprint leaves out would not re-extract cached
    # briefings when it changes. Left out on purpose: what cannot change a briefing's content.
    from briefbook.fingerprint import _EXTRACTION_SOURCES

    seen = reachable(import_graph(), "briefbook.extract.article", "briefbook.clean")
    not_content = {"briefbook", "briefbook.fingerprint", "briefbook.fsguard", "briefbook.yamlerrors"}
    covered = {s.removesuffix(".py") for s in _EXTRACTION_SOURCES}
    missing = [m for m in sorted(seen - not_content) if m.split(".")[1] not in covered]
    assert missing == []


def test_the_corpus_imports_no_validation_code():
    """The index is built from briefings someone else validated (``corpus_files`` runs the check):
    neither ``corpus`` nor anything it imports reaches ``check``."""
    assert "briefbook.check" not in reachable(import_graph(), "briefbook.corpus")


def test_the_lower_layers_import_no_extraction_and_the_lexicon_only_yamlsafe():
    """The cleaner, the HTML reader, sentences, dates and the site read the lexicon, never the
    extraction package; the lexicon itself stands on `yamlsafe` alone."""
    graph = import_graph()
    lower = [m for m in graph if m.startswith("briefbook.site") or m in {
        "briefbook.cleaning", "briefbook.sentences", "briefbook.dates"} or m.startswith("briefbook.html_")]
    assert len(lower) > 10
    for module in lower:
        assert not [t for t in graph[module] if t.startswith("briefbook.extract")], module
    lexicon = [m for m in graph if m == "briefbook.lexicon" or m.startswith("briefbook.lexicon.")]
    for module in lexicon:
        outside = {t for t in graph[module] if t.startswith("briefbook") and t not in lexicon}
        assert outside <= {"briefbook.yamlsafe"}, module
