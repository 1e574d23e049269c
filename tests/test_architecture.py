"""The layering of docs/architecture.md, checked on the source with ``ast``.

Imports are read statically from every module under ``src/supportpolicy``, including
imports inside functions and ``if TYPE_CHECKING:`` blocks for the layering rules (a
module that names another depends on it). The cycle check leaves type-checking
imports out, since they never run, but counts imports inside functions: a lazy import
that dodges a cycle at import time still ties the two modules into one.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "supportpolicy"
PKG = "supportpolicy"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of import nodes under ``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
            if name == "TYPE_CHECKING":
                for child in node.body:
                    inside.update(id(sub) for sub in ast.walk(child))
    return inside


def imports_of(
    name: str, source: str, known: Iterable[str], *, runtime_only: bool = False
) -> set[str]:
    """The library modules that module *name* imports (submodules resolved when known)."""
    known = set(known)
    tree = ast.parse(source)
    skip = _type_checking_nodes(tree) if runtime_only else set()
    is_package = name in known and any(k.startswith(name + ".") for k in known)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == PKG)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != PKG:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return found


def import_graph(*, runtime_only: bool = False) -> dict[str, set[str]]:
    modules = source_modules()
    return {
        name: imports_of(name, path.read_text(encoding="utf-8"), modules, runtime_only=runtime_only)
        - {name}
        for name, path in modules.items()
    }


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layering_problems(graph: Mapping[str, set[str]]) -> list[str]:
    """Every import that breaks a rule of docs/architecture.md."""
    sp = PKG + "."
    leaves = {sp + "errors", sp + "_limits", sp + "_coerce", sp + "_toml"}
    below_leaves = {sp + "errors", sp + "_limits"}
    calendar_core = {sp + "sla.hours", sp + "sla.calendar", sp + "sla.clock", sp + "sla.days"}
    above_calendar = [
        sp + p
        for p in (
            "sla.plans",
            "sla.deadlines",
            "sla.status",
            "sla.events",
            "sla.priorities",
            "coverage",
            "engagement",
            "cli",
        )
    ]
    problems = []
    for module, targets in sorted(graph.items()):
        last = module.rsplit(".", 1)[-1]
        for target in sorted(targets):
            bad = None
            if module in leaves and target not in below_leaves:
                bad = "a leaf imports only supportpolicy.errors and supportpolicy._limits"
            elif within(module, sp + "i18n") and not (
                target in leaves or within(target, sp + "i18n")
            ):
                bad = "i18n imports only the leaves and its own modules"
            elif (
                module in calendar_core
                or (within(module, sp + "sla") and last.startswith("_") and module != sp + "sla")
            ) and any(within(target, above) for above in above_calendar):
                bad = "the calendar and clock know nothing of plans, coverage or engagement"
            elif within(module, sp + "sla") and (
                within(target, sp + "coverage") or within(target, sp + "engagement")
            ):
                bad = "sla never imports coverage or engagement"
            elif within(module, sp + "coverage") and within(target, sp + "engagement"):
                bad = "coverage never imports engagement"
            elif within(module, sp + "engagement") and within(target, sp + "coverage"):
                bad = "engagement never imports coverage"
            elif (
                within(target, sp + "cli")
                and not within(module, sp + "cli")
                and module != sp + "__main__"
            ):
                bad = "nothing outside the CLI imports supportpolicy.cli"
            if bad:
                problems.append(f"{module} imports {target}: {bad}")
    return problems


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_layering() -> None:
    assert layering_problems(import_graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(import_graph(runtime_only=True)) == []


@pytest.mark.parametrize("name", sorted(source_modules()))
def test_module_size(name: str) -> None:
    lines = source_modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines; the limit is {MAX_LINES}"


PACKAGES = sorted(m for m, p in source_modules().items() if p.name == "__init__.py")


def declared_all(path: Path) -> list[str] | None:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else ([node.target] if isinstance(node, ast.AnnAssign) else [])
        )
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            value = ast.literal_eval(node.value) if node.value is not None else None
            return list(value) if isinstance(value, list | tuple) else None
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_package_curates_all(package: str) -> None:
    names = declared_all(source_modules()[package])
    assert names is not None, f"{package}/__init__.py defines no literal __all__"
    assert len(names) == len(set(names)), f"{package}.__all__ repeats a name"
    module = importlib.import_module(package)
    missing = [n for n in names if not hasattr(module, n)]
    assert missing == [], f"{package}.__all__ names what it lacks: {missing}"


# --- the checks themselves catch what they should ---------------------------------------

KNOWN = [
    "supportpolicy",
    "supportpolicy.errors",
    "supportpolicy.sla",
    "supportpolicy.sla.clock",
    "supportpolicy.sla.plans",
    "supportpolicy.cli",
    "supportpolicy.cli.x_cmd",
]


def test_imports_resolve_relative_and_submodule_forms() -> None:
    source = (
        "from . import plans\n"
        "from ..errors import InvalidValueError\n"
        "import supportpolicy.cli.x_cmd\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from supportpolicy.cli import x_cmd\n"
    )
    assert imports_of("supportpolicy.sla.clock", source, KNOWN) == {
        "supportpolicy.sla.plans",
        "supportpolicy.errors",
        "supportpolicy.cli.x_cmd",
    }
    runtime = imports_of("supportpolicy.sla.clock", source, KNOWN, runtime_only=True)
    assert runtime == {"supportpolicy.sla.plans", "supportpolicy.errors", "supportpolicy.cli.x_cmd"}


def test_layering_and_cycle_checks_report_violations() -> None:
    graph = {
        "supportpolicy.sla.clock": {"supportpolicy.sla.plans"},
        "supportpolicy.sla.plans": {"supportpolicy.coverage.rules"},
        "supportpolicy.coverage.rules": {"supportpolicy.engagement", "supportpolicy.sla.clock"},
        "supportpolicy.errors": {"supportpolicy.i18n"},
        "supportpolicy.i18n.formatting": {"supportpolicy.sla.clock"},
        "supportpolicy.engagement": {"supportpolicy.cli"},
    }
    problems = layering_problems(graph)
    assert len(problems) == 6, problems
    assert cycles(graph) == [
        ["supportpolicy.coverage.rules", "supportpolicy.sla.clock", "supportpolicy.sla.plans"]
    ]
    assert declared_all(SRC / "__init__.py") is not None
