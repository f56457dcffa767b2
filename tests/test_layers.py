"""The layers of the package, as contracts the suite enforces (docs/architecture.md draws them).

Read from the source with ast, nothing imported: every ``import`` of every module, at module level
or inside a function (a lazy import), except those under ``if TYPE_CHECKING:``, which never run.

- the core is pure: no other layer of jobboard, none of the libraries for a terminal, a shell,
  a file or the network, and no module of the standard library that reads files or sockets;
- formats (text in, text out) knows no storage, CLI or TUI; storage and config know no CLI or TUI;
- the CLI opens the TUI lazily: no module-level import of jobboard.tui;
- no import cycles: the graph of module-level imports is a tree of floors.

Each check is tried first on a small package made in tmp_path, so that a check that could not fail
fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jobboard"

# What the core may never import: the other layers, the libraries of the shells around it, and
# the standard library's file, process and network modules.
CORE_FORBIDDEN = (
    *(f"jobboard.{layer}" for layer in ("storage", "config", "formats", "cli", "tui", "web", "capture")),
    *("textual", "click", "tinydb", "httpx", "platformdirs", "orjson", "icalendar", "textual_serve"),
    *("os", "io", "pathlib", "shutil", "tempfile", "glob", "fileinput", "mmap", "fcntl", "sqlite3"),
    *("subprocess", "socket", "ssl", "select", "selectors", "asyncio", "http", "urllib.request"),
    *("ftplib", "smtplib", "imaplib", "poplib", "mailbox", "webbrowser", "aiohttp"),
)

# (layer, what it may never import, also inside functions?)
CONTRACTS = [
    ("jobboard.core", CORE_FORBIDDEN, True),
    ("jobboard.formats", ("jobboard.storage", "jobboard.cli", "jobboard.tui"), True),
    ("jobboard.storage", ("jobboard.cli", "jobboard.tui"), True),
    ("jobboard.config", ("jobboard.cli", "jobboard.tui"), True),
    ("jobboard.cli", ("jobboard.tui",), False),  # `jobboard` with no command imports it lazily
]


@dataclass(frozen=True)
class Import:
    importer: str  # the module that imports
    imported: str  # the module imported (for `from m import name`: m.name when that is a module)
    line: int
    lazy: bool  # inside a function: runs only when the function does


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, lazy: bool = False) -> Iterable[tuple[ast.Import | ast.ImportFrom, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking_only(child):
            for other in child.orelse:
                yield from _walk(other, lazy)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, lazy
        yield from _walk(child, lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    is_package = path.name == "__init__.py"
    found = []
    for node, lazy in _walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno, lazy) for alias in node.names]
            continue
        if node.level:  # relative: from the importer's own package
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            source = ".".join([*base, node.module] if node.module else base)
        else:
            source = node.module or ""
        for alias in node.names:
            submodule = f"{source}.{alias.name}"
            found.append(Import(name, submodule if submodule in modules else source, node.lineno, lazy))
    return found


def all_imports(root: Path) -> list[Import]:
    modules = module_names(root)
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def broken_contracts(root: Path, contracts: list[tuple[str, Iterable[str], bool]]) -> list[str]:
    """One line per import that breaks a contract: where, what, and which rule."""
    broken = []
    for found in all_imports(root):
        for layer, forbidden, lazy_too in contracts:
            if not within(found.importer, layer) or (found.lazy and not lazy_too):
                continue
            for banned in forbidden:
                if within(found.imported, banned):
                    where = f"{found.importer} (line {found.line})"
                    broken.append(f"{where} imports {found.imported}: {layer} may not import {banned}")
    return list(dict.fromkeys(broken))  # `from m import a, b` is one line


def import_cycles(root: Path, lazy_too: bool = False) -> list[list[str]]:
    """The circles in the graph of module-level imports within the package (each found once);
    with ``lazy_too``, of every import, a lazy one in a function included."""
    package = root.name
    graph: dict[str, set[str]] = {}
    for found in all_imports(root):
        if (lazy_too or not found.lazy) and within(found.imported, package) and found.imported != found.importer:
            graph.setdefault(found.importer, set()).add(found.imported)
    cycles, done = [], set()
    # Tarjan's strongly connected components: a component of more than one module is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))
        done.add(module)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


# -- the checks on a package made for them ---------------------------------------------------


def make_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "jobboard"
    for name, text in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


CLEAN = {
    "core/__init__.py": "",
    "core/model.py": "import re\nfrom urllib.parse import urlsplit\n",
    "core/dates.py": "from jobboard.core import model\nfrom .model import urlsplit\n",
    "storage/__init__.py": "",
    "storage/store.py": "import os\nimport tinydb\nfrom jobboard.core.model import re\n",
    "cli/__init__.py": "",
    "cli/main.py": "import click\n\ndef run():\n    from jobboard.tui.app import App\n",
    "tui/__init__.py": "",
    "tui/app.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from jobboard.cli.main import run\n",
}


def test_a_package_that_keeps_its_layers_passes(tmp_path: Path) -> None:
    package = make_package(tmp_path, CLEAN)
    assert broken_contracts(package, CONTRACTS) == []
    assert import_cycles(package) == []


@pytest.mark.parametrize(
    ("file", "text", "rule"),
    [
        ("core/dates.py", "from jobboard.storage import store\n", "jobboard.core may not import jobboard.storage"),
        ("core/dates.py", "def f():\n    import textual.app\n", "jobboard.core may not import textual"),
        ("core/dates.py", "from pathlib import Path\n", "jobboard.core may not import pathlib"),
        ("core/dates.py", "import urllib.request\n", "jobboard.core may not import urllib.request"),
        ("core/dates.py", "from ..storage.store import os\n", "jobboard.core may not import jobboard.storage"),
        ("storage/store.py", "from jobboard.cli import main\n", "jobboard.storage may not import jobboard.cli"),
        ("cli/main.py", "from jobboard.tui.app import App\n", "jobboard.cli may not import jobboard.tui"),
    ],
)
def test_each_broken_contract_is_named(tmp_path: Path, file: str, text: str, rule: str) -> None:
    package = make_package(tmp_path, {**CLEAN, file: CLEAN[file] + text})
    broken = broken_contracts(package, CONTRACTS)
    assert len(broken) == 1 and broken[0].endswith(rule), broken


def test_a_circle_of_imports_is_found_and_a_lazy_import_breaks_none(tmp_path: Path) -> None:
    circle = {
        **CLEAN,
        "core/model.py": "from jobboard.core.people import Person\n",
        "core/people.py": "from jobboard.core import fields\n",
        "core/fields.py": "from . import model\n",
    }
    assert import_cycles(make_package(tmp_path / "a", circle)) == [
        ["jobboard.core.fields", "jobboard.core.model", "jobboard.core.people"]
    ]
    lazy = {**circle, "core/fields.py": "def check():\n    from . import model\n"}
    assert import_cycles(make_package(tmp_path / "b", lazy)) == []
    assert import_cycles(make_package(tmp_path / "c", lazy), lazy_too=True) == [
        ["jobboard.core.fields", "jobboard.core.model", "jobboard.core.people"]
    ]


# -- the checks on jobboard itself ------------------------------------------------------------


def test_the_checker_reads_the_real_package() -> None:
    imports = all_imports(PACKAGE)
    assert Import("jobboard.tui.app", "jobboard.tui.editing", 1, False).imported in {f.imported for f in imports}
    assert any(f.importer == "jobboard.cli.main" and within(f.imported, "jobboard.tui") for f in imports)


def test_jobboard_keeps_its_layers() -> None:
    assert broken_contracts(PACKAGE, CONTRACTS) == []


def test_jobboard_has_no_import_cycles() -> None:
    assert import_cycles(PACKAGE) == []


# A lazy import hides a circle from Python, not from a reader: the modules still depend on each
# other, so none is allowed either.
def test_jobboard_has_no_circles_even_through_lazy_imports() -> None:
    assert import_cycles(PACKAGE, lazy_too=True) == []
