"""The layers of a package: the order its docstring lists its modules in, and the imports that break it.

A package's docstring lists one module a line (`    name    what it is`) after a line ending in `:`, lowest first;
a module may import only the modules listed above it, so that the tree reads as layers and a change to one
module cannot reach those below it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Mapping, Sequence, Set
from pathlib import Path

_LISTED_MODULE = re.compile(r"^    ([a-z_]+)  +\S")


def documented_order(package: str) -> list[str]:
    """The modules the package's docstring lists, in its order."""
    doc = importlib.import_module(package).__doc__ or ""
    return [match.group(1) for line in doc.splitlines() if (match := _LISTED_MODULE.match(line))]


def package_modules(package: str) -> list[str]:
    """The modules of the package, its `__init__` left out."""
    path = importlib.import_module(package).__path__
    return sorted(info.name for info in pkgutil.iter_modules(path) if not info.ispkg)


def imports(package: str, module: str) -> tuple[set[str], set[str]]:
    """(the sibling modules `module` imports, the parent package's modules it imports) as `from .x` and `from ..x`."""
    source = Path(importlib.import_module(f"{package}.{module}").__file__ or "").read_text(encoding="utf-8")
    siblings: set[str] = set()
    parents: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level in (1, 2):
            target = node.module.split(".")[0] if node.module else None
            names = [target] if target else [alias.name for alias in node.names]
            (siblings if node.level == 1 else parents).update(names)
    return siblings, parents


def layer_violations(order: Sequence[str], imported: Mapping[str, set[str]]) -> list[str]:
    """`a imports b` for each import of a module listed at or below `a`, or of one not listed at all."""
    rank = {name: index for index, name in enumerate(order)}
    return [
        f"{module} imports {target}"
        for module in order
        for target in sorted(imported.get(module, set()))
        if rank.get(target, len(order)) >= rank[module]
    ]


def layer_problems(package: str, parents_allowed: Set[str]) -> list[str]:
    """What keeps the package from being layers as its docstring says: a module the docstring does not list (or
    lists but the package lacks), an import of a sibling not listed above, an import of a parent's module other than
    `parents_allowed`."""
    order = documented_order(package)
    modules = package_modules(package)
    problems = [f"{name} is not listed in the docstring" for name in modules if name not in order]
    problems += [f"{name} is listed but is no module" for name in order if name not in modules]
    imported = {module: imports(package, module) for module in modules}
    problems += layer_violations(order, {module: siblings for module, (siblings, _) in imported.items()})
    for module, (_, parents) in sorted(imported.items()):
        problems += [f"{module} imports ..{name}" for name in sorted(parents - parents_allowed)]
    return problems
