"""The layering of docs/architecture.md, checked on the source with ``ast``.

Imports are read statically from every module under ``src/supportpolicy``, including
imports inside functions and ``if TYPE_CHECKING:`` blocks: a module that names another
depends on it, whether the import runs at import time, later, or only for the type
checker. So both the layering rules and the cycle check count every import; a lazy or
type-checking import that dodges a cycle at run time still ties two modules into one.
(:func:`imports_of` can leave type-checking imports out, ``runtime_only=True``, to
tell the two apart in a report; the checks never do.)

Every module belongs to exactly one layer (:func:`layer_of`), and a module imports only
from lower layers or its own. The calendar core is derived from the files: every
module of ``sla`` that is not one of the plan modules (:data:`SLA_PLAN_MODULES`), so a
new calendar module (``sla/algebra.py``, ``sla/_spans.py``) is checked without being
listed.
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


def import_graph(
    *, runtime_only: bool = False, sources: Mapping[str, str] | None = None
) -> dict[str, set[str]]:
    """Module -> the library modules it imports; *sources* (name -> source text)
    replaces the files under ``src`` (for the tests of the checks themselves)."""
    if sources is None:
        sources = {n: p.read_text(encoding="utf-8") for n, p in source_modules().items()}
    return {
        name: imports_of(name, text, sources, runtime_only=runtime_only) - {name}
        for name, text in sources.items()
    }


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


SP = PKG + "."
SLA_PLAN_MODULES = frozenset(
    SP + "sla" + suffix
    for suffix in (
        "", ".plans", ".targets", ".priorities", ".events", ".deadlines", ".status",
        ".explain", ".views", "._plan_tables", ".selection", ".versions", "._conditions",
        ".eventlog", ".metrics", ".clocks", ".engine", "._engine_tables", ".status_explain",
    )
)  # fmt: skip
"""The ``sla`` modules above the calendar core; every other ``sla`` module is core."""

LEAVES = frozenset({SP + "_coerce", SP + "_toml", SP + "_frozen", SP + "_rules"})
BASE = frozenset({SP + "errors", SP + "_limits"})
RENDER = frozenset({SP + "_display", SP + "_render"})


def layer_of(module: str) -> tuple[int, str] | None:
    """The rank and name of *module*'s layer (None: in no layer, itself a problem).

    A module may import a module of a lower rank, or of its own layer. Each leaf is a
    layer of its own, so leaves never import each other.
    """
    if module in BASE:
        return 0, "base"
    if module in LEAVES:
        return 1, module
    if within(module, SP + "i18n"):
        return 2, "i18n"
    if module in RENDER:
        return 3, "render"
    if within(module, SP + "sla"):
        return (5, "sla") if module in SLA_PLAN_MODULES else (4, "calendar")
    layers = ((6, "coverage"), (6, "engagement"), (6, "reports"), (7, "strategies"),
              (7, "batch"), (8, "cli"))  # fmt: skip
    for rank, package in layers:
        if within(module, SP + package):
            return rank, package
    return {PKG: (7, "root"), SP + "__main__": (9, "main")}.get(module)


WHY = {
    "base": "errors and _limits import nothing of the library",
    "i18n": "i18n imports only errors, _limits and the leaves",
    "render": "the renderer knows no value type: it imports only i18n and the leaves",
    "calendar": "the calendar and clock know nothing of plans, coverage or engagement",
    "sla": "sla never imports coverage, engagement, strategies or the CLI",
    "coverage": "coverage never imports engagement, strategies or the CLI",
    "engagement": "engagement never imports coverage, strategies or the CLI",
    "root": "nothing outside the CLI imports supportpolicy.cli",
    "strategies": "nothing outside the CLI imports supportpolicy.cli",
    "reports": "reports build on sla only: never coverage, engagement, batch or the CLI",
    "batch": "the batch API builds on sla, coverage, engagement and reports; only the CLI uses it",
}


def calendar_core(modules: Iterable[str]) -> set[str]:
    return {m for m in modules if layer_of(m) == (4, "calendar")}


def layering_problems(graph: Mapping[str, set[str]]) -> list[str]:
    """Every module in no layer, and every import that breaks a rule of
    docs/architecture.md (a module imports only lower layers or its own)."""
    problems = []
    for module, targets in sorted(graph.items()):
        mine = layer_of(module)
        if mine is None:
            problems.append(f"{module} is in no layer of docs/architecture.md")
            continue
        for target in sorted(targets):
            theirs = layer_of(target)
            if theirs is None or theirs[0] < mine[0] or theirs[1] == mine[1]:
                continue
            why = WHY.get(mine[1], "a leaf imports only supportpolicy.errors and _limits")
            problems.append(f"{module} imports {target}: {why}")
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


def test_no_import_cycles_type_checking_included() -> None:
    assert cycles(import_graph()) == []


def test_every_module_is_in_a_layer() -> None:
    assert [m for m in source_modules() if layer_of(m) is None] == []


def test_the_calendar_core_is_derived_from_the_files() -> None:
    core = calendar_core(source_modules())
    named = {"sla.hours", "sla.calendars", "sla.calendar_views", "sla._index",
             "sla._holidays", "sla.clock", "sla.days"}  # fmt: skip
    assert {SP + name for name in named} <= core
    assert not core & SLA_PLAN_MODULES
    # A new calendar module is core without being listed anywhere.
    assert calendar_core([SP + "sla.algebra", SP + "sla._spans"]) == {
        SP + "sla.algebra",
        SP + "sla._spans",
    }


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
        "    from supportpolicy import sla\n"
    )
    every = {
        "supportpolicy.sla.plans",
        "supportpolicy.errors",
        "supportpolicy.cli.x_cmd",
        "supportpolicy.sla",
    }
    assert imports_of("supportpolicy.sla.clock", source, KNOWN) == every
    # The filter leaves out exactly the import under TYPE_CHECKING, which no other
    # line imports: without the filter this fails.
    runtime = imports_of("supportpolicy.sla.clock", source, KNOWN, runtime_only=True)
    assert runtime == every - {"supportpolicy.sla"}


def test_a_cycle_through_a_type_checking_import_is_found() -> None:
    sources = {
        "supportpolicy.sla.plans": "from supportpolicy.sla import views\n",
        "supportpolicy.sla.views": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from supportpolicy.sla.plans import Plan\n"
        ),
    }
    pair = ["supportpolicy.sla.plans", "supportpolicy.sla.views"]
    assert cycles(import_graph(sources=sources)) == [pair]
    assert cycles(import_graph(sources=sources, runtime_only=True)) == []


@pytest.mark.parametrize(
    ("module", "target"),
    [
        ("supportpolicy.sla.calendars", "supportpolicy.sla.plans"),
        ("supportpolicy.sla.calendar_views", "supportpolicy.sla.deadlines"),
        ("supportpolicy.sla._index", "supportpolicy.sla.status"),
        ("supportpolicy.sla.algebra", "supportpolicy.sla.targets"),
        ("supportpolicy.sla.hours", "supportpolicy.sla"),
        ("supportpolicy.sla.clock", "supportpolicy.coverage.rules"),
        ("supportpolicy._render", "supportpolicy.sla.plans"),
        ("supportpolicy._display", "supportpolicy.coverage.views"),
    ],
)
def test_a_calendar_or_renderer_module_importing_a_plan_module_fails(
    module: str, target: str
) -> None:
    problems = layering_problems({module: {target}})
    assert len(problems) == 1, problems
    assert module in problems[0]


def test_layering_and_cycle_checks_report_violations() -> None:
    graph = {
        "supportpolicy.sla.clock": {"supportpolicy.sla.plans"},
        "supportpolicy.sla.plans": {"supportpolicy.coverage.rules"},
        "supportpolicy.coverage.rules": {"supportpolicy.engagement", "supportpolicy.sla.clock"},
        "supportpolicy.errors": {"supportpolicy.i18n"},
        "supportpolicy.i18n.formatting": {"supportpolicy.sla.clock"},
        "supportpolicy.engagement": {"supportpolicy.cli"},
        "supportpolicy._coerce": {"supportpolicy._toml"},
        "supportpolicy.nowhere": set(),
    }
    problems = layering_problems(graph)
    assert len(problems) == 8, problems
    assert cycles(graph) == [
        ["supportpolicy.coverage.rules", "supportpolicy.sla.clock", "supportpolicy.sla.plans"]
    ]
    assert declared_all(SRC / "__init__.py") is not None
