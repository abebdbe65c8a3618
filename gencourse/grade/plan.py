"""Which cells of a submission the grader runs, found from the names they define and use.

Grading needs the exercise functions, not the lesson's training runs. The
plan starts from the exercise cells (found by their metadata) and adds, again
and again, every cell that defines a name a planned cell uses: an import, a
helper the learner wrote, a constant. A cell that assigns to an attribute or
item of such a name (``np.allclose = ...``) counts as defining it. Cells whose
names cannot be known (``import *``, ``exec``, ``globals()``, IPython magics)
are always run. Check cells never run: they only print a verdict, and what a
learner writes there is not graded. Everything else (a training cell, a
figure) is left out, so its time and its failures cost nothing.

A setup cell runs too, when it comes before an exercise cell: a cell that
writes a file or sets up the environment (it calls ``write_text``,
``write``, ``mkdir``, ``chdir``, ``seed``, ...; see :data:`SETUP_CALLS`), since
an exercise may import the module it writes without any name linking the
two. A cell that also trains, predicts or draws (:data:`EXPENSIVE_CALLS`) is
no setup cell.

The planned cells run in the notebook's order, as "Run All" would run them,
and each exercise is graded on the function its name holds at the end: when
a cell is duplicated, the last definition in the notebook wins.
"""

from __future__ import annotations

import ast
import symtable
from dataclasses import dataclass, field

from gencourse.grade.submission import Cell

# Names through which a cell can define or reach names the analysis cannot see.
_OPAQUE_CALLS = {"exec", "eval", "globals", "locals", "vars", "get_ipython", "__import__"}
#: Calls (a function's or method's name) that make a cell a setup cell.
SETUP_CALLS = frozenset(
    {"write_text", "write_bytes", "write", "writelines", "mkdir", "makedirs", "chdir"}
    | {"seed", "set_random_seed", "filterwarnings", "simplefilter"}
)
#: Calls that make a cell too costly to run for its side effects (training, sampling, figures).
EXPENSIVE_CALLS = frozenset(
    {"fit", "train", "train_step", "train_on_batch", "predict", "evaluate", "sample"}
    | {"show", "imshow", "plot", "savefig", "subplots", "figure", "sleep"}
)


@dataclass
class CellNames:
    defines: set[str]
    uses: set[str]
    opaque: bool
    parsed: bool
    #: The names of the functions and methods the cell calls.
    calls: set[str] = field(default_factory=set)

    @property
    def setup(self) -> bool:
        """Writes a file or sets up the environment, and neither trains nor draws."""
        return bool(self.calls & SETUP_CALLS) and not self.calls & EXPENSIVE_CALLS


def python_source(source: str) -> str:
    """The cell as plain Python, with IPython magics turned into calls."""
    if "%" not in source and "!" not in source and "?" not in source:
        return source
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _scope_globals(table: symtable.SymbolTable, uses: set[str], defines: set[str]) -> None:
    for child in table.get_children():
        for sym in child.get_symbols():
            if sym.is_global():
                if sym.is_referenced():
                    uses.add(sym.get_name())
                if sym.is_declared_global() and sym.is_assigned():
                    defines.add(sym.get_name())
        _scope_globals(child, uses, defines)


def _store_root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Starred):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def names(source: str) -> CellNames:
    """The global names a cell defines and uses (functions' bodies included)."""
    code = python_source(source)
    try:
        tree = ast.parse(code)
        table = symtable.symtable(code, "<cell>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return CellNames(set(), set(), opaque=False, parsed=False)
    defines, uses = set(), set()
    for sym in table.get_symbols():
        if sym.is_assigned() or sym.is_imported() or sym.is_namespace():
            defines.add(sym.get_name())
        if sym.is_referenced():
            uses.add(sym.get_name())
    _scope_globals(table, uses, defines)
    opaque, calls = False, set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                calls.add(func.attr)
            elif isinstance(func, ast.Name):
                calls.add(func.id)
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            opaque = True
        elif isinstance(node, ast.Name) and node.id in _OPAQUE_CALLS:
            opaque = True
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.Delete):
            targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute | ast.Subscript):
                        root = _store_root(part)
                        if root:
                            defines.add(root)
    return CellNames(defines, uses, opaque, parsed=True, calls=calls)


def plan(cells: list[Cell], exercises: list[str], mode: str = "needed", check=None) -> list[Cell]:
    """The cells to run, in notebook order; linear in the notebook's size.

    Args:
        cells: the submission's code cells.
        exercises: the names of the graded exercises (= their function names).
        mode: ``"needed"`` (the cells the exercise functions depend on) or
            ``"all"`` (every code cell but the check cells).
        check: called before each cell is analysed; may raise to stop the
            planning (the grader's Ctrl-C).
    """
    if mode not in ("needed", "all"):
        raise ValueError(f"mode must be 'needed' or 'all'. Received: mode={mode!r}")
    runnable = [c for c in cells if c.role != "check"]
    if mode == "all":
        return runnable
    info = {}
    for cell in runnable:
        if check is not None:
            check()
        info[cell.index] = names(cell.source)
    # Who defines each name, so that each name is looked up once: linear in the notebook.
    definers: dict[str, list[int]] = {}
    for cell in runnable:
        for name in info[cell.index].defines:
            definers.setdefault(name, []).append(cell.index)
    wanted = set(exercises)
    graded = {c.index for c in runnable if c.exercise in wanted and c.role in ("stub", "solution")}
    last = max(graded, default=-1)
    chosen = {
        c.index
        for c in runnable
        if c.index in graded or info[c.index].opaque or (info[c.index].setup and c.index < last)
    }
    todo = list(wanted)
    for index in chosen:
        todo.extend(info[index].uses)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for index in definers.get(name, ()):
            if index not in chosen:
                chosen.add(index)
                todo.extend(info[index].uses)
    return [c for c in runnable if c.index in chosen]


def defining_cells(cells: list[Cell], name: str) -> list[int]:
    """Indices of the cells that define ``name`` or carry its exercise metadata."""
    return [
        c.index
        for c in cells
        if c.role != "check" and (c.exercise == name or name in names(c.source).defines)
    ]
