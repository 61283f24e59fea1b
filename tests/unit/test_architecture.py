"""The layers of DESIGN §2, checked on the source: no import cycles, and every floor holds.

Every module of ``app`` is parsed with ``ast``; imports at module level and inside functions
(deferred imports for start-up time) both count, and relative imports are resolved. An edge
goes to the module an import names: ``from app.services import audit`` to
``app.services.audit``, ``from app.services.audit import record`` to ``app.services.audit``.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

# Leaf helpers every layer may use: they import nothing from ``app`` themselves.
LEAVES = frozenset({"app.clock", "app.bulk", "app.numbers"})
CLI = ("app.cli", "app.cli_login", "app.cli_review", "app.cli_ties")

# Imports that break a rule today, each with what removes it. The test fails when one of them
# is gone, so the list only ever shrinks.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True, slots=True)
class Import:
    target: str  # the module an import names, resolved (``app.x.y`` or ``sqlalchemy.orm``)
    line: int


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


@cache
def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(APP.rglob("*.py")):
        name, _package = _module_name(path)
        found[name] = path
    return found


def _imports_of(path: Path) -> list[Import]:
    name, is_package = _module_name(path)
    return _parse_imports(path, name, is_package)


def _parse_imports(path: Path, name: str, is_package: bool) -> list[Import]:
    package = name if is_package else name.rpartition(".")[0]
    known = modules()
    result = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            result.extend(Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                target = submodule if submodule in known else base
                result.append(Import(target, node.lineno))
    return result


@cache
def imports() -> dict[str, tuple[Import, ...]]:
    return {name: tuple(_imports_of(path)) for name, path in modules().items()}


def _in(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _app_graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {
            i.target
            for i in found
            if i.target in known and (name, i.target) not in KNOWN_VIOLATIONS
        }
        for name, found in imports().items()
    }


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components with more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _cycle_through(graph: dict[str, set[str]], members: Iterable[str]) -> list[str]:
    """One concrete cycle inside a component, as ``a -> b -> … -> a`` (shortest from its
    first module)."""
    inside = set(members)
    start = min(inside)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in sorted(graph[node] & inside):
            if other == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if other not in previous:
                previous[other] = node
                queue.append(other)
    raise AssertionError(f"no cycle in {sorted(inside)}")


def _violations(layer: tuple[str, ...], allowed: Callable[[str], bool]) -> list[str]:
    """Imports of modules in ``layer`` that ``allowed(target)`` refuses, as readable lines."""
    found = []
    for name, found_imports in imports().items():
        if not _in(name, *layer):
            continue
        for item in found_imports:
            if (name, item.target) in KNOWN_VIOLATIONS:
                continue
            if not allowed(item.target):
                found.append(f"{modules()[name].relative_to(APP.parent)}:{item.line} {item.target}")
    return sorted(set(found))


# -- the graph itself -------------------------------------------------------------------------


def test_every_module_of_app_is_parsed_and_imports_are_resolved():
    graph = _app_graph()
    assert {"app.scoring.ranking", "app.services.opening", "app.demo.generator"} <= set(graph)
    # A relative import inside a function (deferred for start-up time) counts too.
    assert "app.services.opening" in graph["app.cli"]
    assert "app.services.audit" in graph["app.services.backups"]


def test_there_are_no_import_cycles_among_app_modules():
    graph = _app_graph()
    cycles = [" -> ".join(_cycle_through(graph, c)) for c in _strongly_connected(graph)]
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_finder_reports_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    (component,) = _strongly_connected(graph)
    assert component == ["a", "b", "c"]
    assert _cycle_through(graph, component) == ["a", "b", "c", "a"]


def test_known_violations_still_exist_so_the_list_only_shrinks():
    present = {(name, i.target) for name, found in imports().items() for i in found}
    gone = [f"{a} -> {b}" for a, b in KNOWN_VIOLATIONS if (a, b) not in present]
    assert gone == [], "fixed, remove from KNOWN_VIOLATIONS: " + ", ".join(gone)


# -- the floors -------------------------------------------------------------------------------


def _outside_app(target: str) -> bool:
    return not _in(target, "app")


def test_leaf_helpers_import_nothing_from_app():
    assert _violations(tuple(LEAVES), _outside_app) == []


def test_scoring_imports_nothing_from_app_outside_scoring():
    def allowed(target: str) -> bool:
        return _outside_app(target) or _in(target, "app.scoring")

    assert _violations(("app.scoring",), allowed) == []


def test_scoring_needs_neither_qt_nor_a_database():
    def allowed(target: str) -> bool:
        return not _in(target, "PySide6", "sqlalchemy", "sqlite3", "alembic")

    assert _violations(("app.scoring",), allowed) == []


def test_models_import_only_models_the_rules_and_leaf_helpers():
    def allowed(target: str) -> bool:
        return _outside_app(target) or _in(target, "app.models", "app.scoring", *LEAVES)

    assert _violations(("app.models",), allowed) == []


def test_reports_do_not_call_services_windows_or_the_cli():
    def allowed(target: str) -> bool:
        return not _in(target, "app.services", "app.ui", *CLI)

    assert _violations(("app.reports",), allowed) == []


def test_services_know_nothing_of_windows_the_cli_or_qt():
    def allowed(target: str) -> bool:
        return not _in(target, "app.ui", *CLI, "PySide6")

    assert _violations(("app.services",), allowed) == []


def test_services_use_sql_on_the_driver_connection_not_sqlalchemy():
    # docs/data-access.md: one data-access style in services, SQL on the sqlite3 connection
    # the door or ``reading()`` hands out. SQLAlchemy's import alone costs most of a small
    # command; it and the ORM models serve the migrations (app/migrations) only.
    def allowed(target: str) -> bool:
        return not _in(target, "sqlalchemy", "alembic", "app.models")

    assert _violations(("app.services",), allowed) == []


def test_the_command_line_reaches_data_only_through_services():
    def allowed(target: str) -> bool:
        return not _in(target, "sqlalchemy", "alembic", "app.models")

    assert _violations(CLI, allowed) == []


def test_a_function_level_sqlalchemy_import_counts_as_a_violation(tmp_path: Path):
    # The rules above see deferred imports too (the ORM used to be imported inside functions).
    source = tmp_path / "late.py"
    source.write_text("def f():\n    from sqlalchemy import select\n    return select\n")
    found = [i.target for i in _parse_imports(source, "app.services.late", False)]
    assert found == ["sqlalchemy"]


def test_the_database_module_is_a_leaf_of_the_services():
    def allowed(target: str) -> bool:
        return not _in(target, "app.services") or target == "app.services.errors"

    assert _violations(("app.services.database",), allowed) == []


def test_double_entry_rules_are_below_both_entry_services():
    # Single and double entry share sheets.py and entering.py, never each other's internals.
    def allowed(target: str) -> bool:
        return target not in ("app.services.score_entry", "app.services.double_entry")

    shared = ("app.services.sheets", "app.services.entering", "app.services.draft_rounds")
    assert _violations(shared, allowed) == []
    assert _violations(("app.services.double_entry",), allowed) == []


def test_demo_data_needs_only_the_rules():
    def allowed(target: str) -> bool:
        if _in(target, "PySide6", "sqlalchemy", "sqlite3", "alembic"):
            return False
        return _outside_app(target) or _in(target, "app.demo", "app.scoring", *LEAVES)

    assert _violations(("app.demo",), allowed) == []


def test_windows_reach_data_only_through_services():
    def allowed(target: str) -> bool:
        return not _in(target, "sqlalchemy", "sqlite3", "app.models")

    assert _violations(("app.ui",), allowed) == []


@pytest.mark.parametrize("name", sorted(LEAVES))
def test_leaf_helpers_exist(name: str):
    assert name in modules()


# Where a service may check a role without recording a refusal, and why. Everywhere else the
# check is ``door.permit`` (or ``door.write``), which writes who tried what (issue #9).
SILENT_ROLE_CHECKS = {
    "app.services.door": "permit itself",
    "app.services.entering": "inside the caller's door, which records a refusal on the way out",
    "app.services.users": "inside add_user's door, which records a refusal on the way out",
    "app.services.backups": "restoring over a damaged file: nothing is written into that file",
}


def test_every_refusal_by_role_is_recorded():
    offenders = []
    for name, path in _service_sources():
        calls = [
            node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "require"
        ]
        if calls and name not in SILENT_ROLE_CHECKS:
            offenders.append((name, [call.lineno for call in calls]))
    assert offenders == []


def _service_sources() -> Iterable[tuple[str, Path]]:
    for path in sorted((APP / "services").glob("*.py")):
        yield f"app.services.{path.stem}", path
