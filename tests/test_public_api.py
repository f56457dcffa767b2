"""jobboard uses its libraries (Textual, TinyDB, pendulum, click) through their public API only.

A private name of a library can change in any release, and code built on one breaks on an
upgrade that changes no documented behaviour. These checks read jobboard's source (an AST walk
over jobboard/**/*.py) and, for the subclasses of library classes, the classes themselves.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

import pytest

import jobboard

PACKAGE = Path(jobboard.__file__).parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
LIBRARIES = ("textual", "tinydb", "pendulum", "click")
# NamedTuple's own API starts with an underscore so as not to clash with field names.
NAMEDTUPLE_API = {"_make", "_replace", "_fields", "_asdict", "_field_defaults"}


def private(name: str) -> bool:
    """A single-underscore name: ``_x``, not ``__x__``."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def source_name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []

    def say(node: ast.AST, what: str) -> None:
        found.append(f"{source_name(path)}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] in LIBRARIES and any(private(part) for part in parts):
                    say(node, f"imports the private module {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] in LIBRARIES:
                if any(private(part) for part in parts):
                    say(node, f"imports from the private module {node.module}")
                for alias in node.names:
                    if private(alias.name):
                        say(node, f"imports the private name {node.module}.{alias.name}")
            if node.module == "os" and any(alias.name in ("fork", "_exit") for alias in node.names):
                say(node, "imports os.fork or os._exit")
        elif isinstance(node, ast.Attribute):
            owner = node.value
            if private(node.attr) and node.attr not in NAMEDTUPLE_API:
                if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                    say(node, f"reaches into another object's private .{node.attr}")
            if isinstance(owner, ast.Name) and owner.id == "os" and node.attr in ("fork", "_exit"):
                say(node, f"uses os.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) >= 2:
                name = node.args[1]
                if isinstance(name, ast.Constant) and isinstance(name.value, str) and private(name.value):
                    say(node, f"{node.func.id} of the private name {name.value!r}")
    return found


def test_the_walk_catches_what_it_is_for(tmp_path: Path) -> None:
    """The checks themselves: each kind of private use is caught, and the allowed ones pass."""
    sample = PACKAGE / "_sample_for_test_public_api.py"
    sample.write_text(
        "import os\n"
        "import textual._compositor\n"
        "from textual.widgets._footer import FooterKey\n"
        "from textual.app import _private_helper\n"
        "from os import fork\n"
        "widget._styles_cache.clear()\n"
        "super()._get_renders()\n"
        "getattr(app, '_refresh_truecolor_filter')\n"
        "os._exit(0)\n"
        "os.fork()\n"
        "self._mine = cls._ours = look._replace(total=1)\n"
        "getattr(module, '__file__'); thing.__class__\n",
        encoding="utf-8",
    )
    try:
        found = problems_in(sample)
    finally:
        sample.unlink()
    lines = sorted({int(problem.split(":")[1]) for problem in found})
    assert lines == [2, 3, 4, 5, 6, 7, 8, 9, 10], found


@pytest.mark.parametrize("path", SOURCES, ids=source_name)
def test_no_private_names_of_a_library_no_fork_no_exit(path: Path) -> None:
    assert problems_in(path) == []


def library_class(cls: type) -> bool:
    return cls.__module__.split(".")[0] in LIBRARIES


def our_modules() -> list[str]:
    """Every module of jobboard, from its files (jobboard.tui has no __init__.py)."""
    names = []
    for path in SOURCES:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] != "__main__":  # importing it runs the command line
            names.append(".".join(parts))
    return names


def defined_in_body(cls: type) -> list[str]:
    """The names the class statement itself defines (methods, class attributes), as written:
    not the ones a library's machinery adds to every subclass."""
    statement = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    names = []
    for node in statement.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


def private_overrides(cls: type) -> list[str]:
    """The ``_name``s ``cls`` defines that a library class it inherits from defines too."""
    bases = [base for base in cls.__mro__[1:] if library_class(base)]
    return [name for name in defined_in_body(cls) if private(name) and any(name in vars(base) for base in bases)]


def test_the_class_check_catches_an_override_of_a_private_method() -> None:
    from textual.widget import Widget

    class Wheel(Widget):
        def _on_mouse_scroll_down(self, event: object) -> None: ...

        def on_mouse_scroll_up(self, event: object) -> None: ...

        def _mine(self) -> None: ...

    assert private_overrides(Wheel) == ["_on_mouse_scroll_down"]


def test_no_class_of_ours_overrides_a_private_name_of_a_library_class() -> None:
    """A subclass of a Textual, TinyDB or click class defines no ``_name`` that one of the
    library's classes it inherits from defines: that would replace the library's internals."""
    found = []
    for name in our_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found += [f"{name}.{cls.__qualname__}.{attribute}" for attribute in private_overrides(cls)]
    assert found == []
