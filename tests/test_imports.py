"""Do the modules of gencourse import each other without a cycle, and does the package import light?

The import graph is read from the source with the standard library only:
``ast`` over every module's ``import`` and ``from ... import`` statements,
relative ones and ``from gencourse import x`` resolved to modules (``x`` is
the module ``gencourse.x`` when there is one, else a name from the package's
``__init__``). Importing ``gencourse.a.b`` also runs the package
``gencourse.a``'s ``__init__``, so it counts as an edge to that package too,
unless the importer lives inside it (then the package is already loading).
Names built at run time (``importlib.import_module(f"gencourse.{name}")``)
are not seen; imports under ``if TYPE_CHECKING:`` never run and are left out.

Two graphs are checked:

- module-level imports (those that run when a module is imported: the
  module's body, including its ``if``/``try`` blocks and class bodies) must
  form a DAG. A cycle there is a bug waiting for an import order: one module
  sees the other half-initialised.
- all imports, function-level (lazy) ones included, must form a DAG too. A
  lazy import never sees a half-initialised module, so a cycle through one
  does not fail at run time; but it still means two modules need each other,
  which is the tangle this restructuring removed (the grading child reaching
  back into the notebook front door, the runner and the release module
  sharing the lesson lookup). Lazy imports are for deferring heavy libraries
  (TensorFlow), not for hiding a cycle, so the full graph is held to the same
  rule, with one exception: a function may import a name from its own
  package's ``__init__`` (``gencourse.augment.experiment`` calling the
  exercise references that ``gencourse.augment`` defines). That is one
  package using its own public face once it has loaded, not two modules
  tangled; at module level the same import would be a cycle, and it counts.
  The top package is no exception: its ``__init__`` is the notebooks' front
  door, which no module of the library needs.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gencourse"


def module_names() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "__pycache__" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_names()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(importer: str, node: ast.ImportFrom) -> str | None:
    """The absolute module a ``from ... import`` names (before its imported names)."""
    if node.level == 0:
        return node.module
    base = importer.split(".")
    if not _is_package(importer):
        base = base[:-1]  # a module's relative imports start from its package
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(importer: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The gencourse modules an import statement runs."""
    found = []
    if isinstance(node, ast.Import):
        found = [alias.name for alias in node.names]
    else:
        module = _resolve(importer, node)
        for alias in node.names:
            sub = f"{module}.{alias.name}"
            found.append(sub if sub in MODULES else module)
    targets = []
    for name in found:
        if name is None or name.split(".")[0] != "gencourse":
            continue
        while name not in MODULES and "." in name:  # e.g. a name we cannot see: its package
            name = name.rsplit(".", 1)[0]
        targets.append(name)
        parts = name.split(".")
        for i in range(1, len(parts)):  # the packages whose __init__ runs first
            package = ".".join(parts[:i])
            if not (importer == package or importer.startswith(package + ".")):
                targets.append(package)
    return targets


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(name: str) -> tuple[set[str], set[str]]:
    """``(module_level, lazy)``: the gencourse modules ``name`` imports at load and in functions."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    module_level, lazy = set(), set()

    def visit(node, in_function):
        if isinstance(node, ast.If) and _is_type_checking(node):
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            targets = {t for t in _targets(name, node) if t != name}
            if in_function:
                own = {t for t in targets if name.startswith(t + ".") and t != "gencourse"}
                lazy.update(targets - own)  # see the docstring
            else:
                module_level.update(targets)
        inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return module_level, lazy


def graph(include_lazy: bool) -> dict[str, set[str]]:
    edges = {}
    for name in MODULES:
        module_level, lazy = imports(name)
        edges[name] = module_level | (lazy if include_lazy else set())
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) for each strongly connected group of modules (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1 or v in edges.get(v, ()):
                groups.append(group)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(edges):
        if v not in index:
            connect(v)
    found = []
    for group in groups:  # walk inside the group from its first module back to it
        start = min(group)
        path, seen = [start], {start}
        while True:
            nxt = sorted(w for w in edges[path[-1]] if w in group)
            back = [w for w in nxt if w == start]
            if back:
                found.append([*path, start])
                break
            step = next((w for w in nxt if w not in seen), None)
            if step is None:  # a dead end inside the group: try from the group's next module
                found.append(sorted(group))
                break
            path.append(step)
            seen.add(step)
    return found


def _describe(found) -> str:
    return "\n".join(" -> ".join(cycle) for cycle in found)


def test_does_the_graph_reader_see_the_imports_it_should():
    module_level, lazy = imports("gencourse.grade.child")
    assert "gencourse.quiet" in lazy and "gencourse.grade.wire" in lazy
    assert "gencourse" in lazy  # ``import gencourse`` for its location
    module_level, _ = imports("gencourse.metrics")
    assert {"gencourse.models.judge", "gencourse.models"} <= module_level
    module_level, _ = imports("gencourse.models.gan")
    assert "gencourse.models" not in module_level  # its own package: already loading
    module_level, lazy = imports("gencourse.augment.report")
    assert "gencourse.augment" not in module_level | lazy
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_do_module_level_imports_form_a_dag():
    found = cycles(graph(include_lazy=False))
    assert found == [], "import cycles at module level:\n" + _describe(found)


def test_do_all_imports_lazy_ones_included_form_a_dag():
    found = cycles(graph(include_lazy=True))
    assert found == [], "import cycles (function-level imports included):\n" + _describe(found)


def test_does_importing_gencourse_load_no_heavy_library_and_only_its_base_modules():
    code = (
        "import sys, time\n"
        "t0 = time.perf_counter()\n"
        "import gencourse\n"
        "print(time.perf_counter() - t0)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('gencourse', 'tensorflow', 'keras', 'numpy', 'matplotlib', 'IPython', 'nbformat')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    seconds, loaded = proc.stdout.splitlines()
    loaded = set(ast.literal_eval(loaded))
    base = {"gencourse", "gencourse.config", "gencourse.quiet"}
    i18n = {m for m in loaded if m == "gencourse.i18n" or m.startswith("gencourse.i18n.")}
    assert loaded - i18n <= base, loaded - i18n - base
    assert float(seconds) < 5  # about 0.03 s on an idle machine; TensorFlow alone takes seconds


def test_does_the_grader_never_import_the_assignments():
    """``grade`` owns the judging interface that ``assign`` implements: the arrow runs one way."""
    edges = graph(include_lazy=True)
    back = sorted(
        f"{name} -> {target}"
        for name, targets in edges.items()
        if name.startswith("gencourse.grade")
        for target in targets
        if target == "gencourse.assign" or target.startswith("gencourse.assign.")
    )
    assert not back, back
