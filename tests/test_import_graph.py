"""The library's layers import downwards only: the graph between them has no cycle.

Every ``import referat…`` in the library (at module level or inside a function) is an
edge from the importing module's layer to the imported module's layer. The layers are the
stages of docs/architecture.md. Run this file to print the graph for that document:

    python tests/test_import_graph.py            # a mermaid graph
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Library folders (besides the top-level cli.py, terminal.py, __init__.py, __main__.py).
PACKAGES = ("extract", "models", "archive", "evaluation", "data", "web")

# Layer of a module, by its dotted name: the first rule whose prefix matches.
LAYERS = [
    ("referat.extract.readers", "extract: read"),
    ("referat.extract.read", "extract: read"),
    ("referat.extract.layout", "extract: layout"),
    ("referat.extract.structure", "extract: structure"),
    ("referat.extract.historic", "extract: historic"),
    ("referat.extract.enrich", "extract: enrich"),
    ("referat.extract.pipeline", "extract: pipeline"),
    ("referat.extract.diagnosis", "extract: pipeline"),
    ("referat.extract.", "extract: base"),  # pages, errors, vocabulary, dates, hyphens, …
    ("referat.extract", "extract: pipeline"),  # the package itself: extract_file & co.
    ("referat.models", "models"),
    ("referat.archive", "archive"),
    ("referat.evaluation", "evaluation"),
    ("referat.data", "data"),
    ("referat.web", "web"),
    ("referat.cli", "cli"),
    ("referat.terminal", "cli"),
    ("referat.__main__", "cli"),
    ("referat", "referat (__version__)"),
]

LAYER_NAMES = sorted({name for _, name in LAYERS})

# Module cycles known today, each a pair of modules that import each other (one of them
# inside a function). A new cycle fails the test; one that goes away is fine.
KNOWN_MODULE_CYCLES: list[set[str]] = []


def library_modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the installed package."""
    files = [
        REPO / name
        for name in (
            "__init__.py",
            "__main__.py",
            "cli.py",
            "cli_options.py",
            "cli_serve.py",
            "cli_watch.py",
            "terminal.py",
        )
    ]
    for package in PACKAGES:
        files += sorted((REPO / package).rglob("*.py"))
    modules = {}
    for path in files:
        if path.name.startswith("build_"):  # data/build_*.py: scripts, not installed code
            continue
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(["referat", *parts])] = path
    return modules


def module_imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the library modules it imports (anywhere in its code)."""

    def known(name: str) -> str | None:
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]
        return name if name in modules else None

    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                # "from referat.extract import pipeline" imports a module, not a name
                names = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules] or [base]
            for name in names:
                target = known(name) if name.startswith("referat") else None
                if target and target != module:
                    graph[module].add(target)
    return graph


def layer(module: str) -> str:
    return next(name for prefix, name in LAYERS if module == prefix or module.startswith(prefix))


def layer_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    layers: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            if layer(module) != layer(target):
                layers[layer(module)].add(layer(target))
    return layers


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(set(graph) | {t for targets in graph.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def mermaid(layers: dict[str, set[str]]) -> str:
    names = sorted(set(layers) | {target for targets in layers.values() for target in targets})
    ids = {name: re.sub(r"[^a-z]+", "_", name).strip("_") for name in names}
    lines = ["graph TD"]
    lines += [f'    {ids[name]}["{name}"]' for name in names]
    lines += [f"    {ids[name]} --> {ids[target]}" for name in sorted(layers) for target in sorted(layers[name])]
    return "\n".join(lines)


def test_every_library_module_is_in_a_layer():
    modules = library_modules()
    assert "referat.extract.pipeline" in modules and "referat.archive.schema" in modules
    assert sorted({layer(module) for module in modules}) == LAYER_NAMES


def test_the_layers_import_each_other_without_a_cycle():
    layers = layer_graph(module_imports(library_modules()))
    assert cycles(layers) == [], mermaid(layers)
    importers = {target: {name for name, targets in layers.items() if target in targets} for target in LAYER_NAMES}
    # Downwards only: the commands use the archive, the archive uses extraction, not back.
    assert importers["cli"] == set()
    assert importers["archive"] <= {"cli", "web"}
    assert importers["web"] <= {"cli"}
    assert importers["evaluation"] <= {"cli"}
    assert importers["extract: pipeline"] <= {"archive", "cli"}
    assert layers["models"] == set() and layers["referat (__version__)"] == set()


def test_no_new_cycle_between_modules():
    known = [frozenset(pair) for pair in KNOWN_MODULE_CYCLES]
    new = [component for component in cycles(module_imports(library_modules())) if frozenset(component) not in known]
    assert new == []


if __name__ == "__main__":
    graph = layer_graph(module_imports(library_modules()))
    print(mermaid(graph))
    sys.exit(1 if cycles(graph) else 0)
