"""The house limits on the library's size (issue 15): no library module over 500 lines, so
that each pass of the grammar keeps a module of its own and a reader can hold one in mind.
(The function-complexity limit is ruff's C901, max 20, in pyproject.toml.)"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ("extract", "models", "archive", "evaluation", "data", "web")
MAX_LINES = 500


def _library_modules() -> list[Path]:
    modules = [
        ROOT / "__init__.py",
        ROOT / "cli.py",
        ROOT / "cli_options.py",
        ROOT / "cli_serve.py",
        ROOT / "cli_watch.py",
        ROOT / "terminal.py",
    ]
    for package in LIBRARY:
        modules += sorted((ROOT / package).rglob("*.py"))
    return [m for m in modules if m.exists()]


def test_the_library_is_found() -> None:
    names = {m.relative_to(ROOT).as_posix() for m in _library_modules()}
    assert {"cli.py", "extract/structure/headings.py", "extract/structure/listings.py"} <= names


def test_no_library_module_is_over_500_lines() -> None:
    too_long = {
        m.relative_to(ROOT).as_posix(): n
        for m in _library_modules()
        if (n := len(m.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these modules by what they do: {too_long}"
