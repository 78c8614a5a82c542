"""The package's import graph, read from its source: what a module brings in when it runs.

Imports under ``if TYPE_CHECKING:`` are left out (they never run); imports inside functions
are kept (they run when the function does). Importing ``a.b.c`` runs ``a.b`` too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src"


@cache
def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in (SOURCE / "wxpay_names").rglob("*.py"):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


@cache
def imports(module: str) -> frozenset[str]:
    """The package's modules *module* imports where it runs."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    source = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    source = child.module or ""
                found.update(f"{source}.{alias.name}" for alias in child.names)
                found.add(source)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    known = modules()
    return frozenset(
        ".".join(name.split(".")[:size])
        for name in found
        for size in range(2, name.count(".") + 2)
        if ".".join(name.split(".")[:size]) in known
    )


def reachable(module: str, through: Iterable[str] = ()) -> set[str]:
    """Every module of the package that importing *module* runs, not following the modules
    in *through* any further."""
    stop = set(through)
    seen: set[str] = set()
    todo = [module]
    while todo:
        current = todo.pop()
        if current in stop:
            continue
        for other in imports(current) - seen:
            seen.add(other)
            todo.append(other)
    return seen
