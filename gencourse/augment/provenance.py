"""Shipped grids: results that travel with the package, with where and how they were made.

A shipped grid is one JSON file in ``gencourse/results/``: the grid's rows (n, arm, seed,
accuracy) and quality rows, and its provenance: the commit, the date, the machine (CPU
model, cores), the wall time, the n values and seeds, the budget, the command that
reproduces it, and the hash of its recipe (:func:`recipe_hash`). The hash covers the
budget and the code that decides the numbers (the split, the augmentation, the makers,
the recogniser, the run), read as syntax trees without docstrings, so that a comment or
a docstring does not force a re-run but a changed layer, step or seed does:
``tests/test_provenance.py`` fails when a shipped grid's hash no longer matches.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
import hashlib
import importlib
import inspect
import json
import os
import platform
import subprocess
import textwrap
from pathlib import Path

#: Where shipped grids live (package data).
RESULTS = Path(__file__).resolve().parent.parent / "results"

#: The code each setting's numbers depend on, as ``module:qualified name`` (``module:*`` for
#: a whole module; ``module:name+`` for a top-level name and every top-level function, class
#: and constant of its module it uses, directly or through each other: the part of a
#: module a maker uses, so that the rest of the module may change without a re-run).
RECIPE_CODE = {
    "scarce": (
        "gencourse.augment.sets:_class_orders",
        "gencourse.augment.sets:scarce_indices",
        "gencourse.augment.sets:classic_augment",
        "gencourse.augment.sets:classic_copies",
        "gencourse.augment.sets:filtered_samples",
        "gencourse.augment:balanced_labels",
        "gencourse.augment:augmented_training_set",
        "gencourse.augment.experiment:training_sets",
        "gencourse.augment.experiment:run_once",
        "gencourse.augment.scoring:final_accuracy",
        "gencourse.augment.training:_step_indices",
        "gencourse.augment.training:build_recogniser",
        "gencourse.augment.training:RecogniserTrainer",
        "gencourse.augment.training:StepLoop",
        "gencourse.augment.training:_make_cgan",
        "gencourse.augment.training:_make_diffaug",
        "gencourse.augment.training:_make_cvae",
        "gencourse.models.gan:OneHot",
        "gencourse.models.gan:build_generator",
        "gencourse.models.gan:build_discriminator",
        "gencourse.models.cgan:ConditionalGAN",
        "gencourse.models.cgan:make_conditional_gan",
        "gencourse.models.cvae:*",
        "gencourse.models.diffaugment:*",
        "gencourse.augment.training:_make_diffusion",
        "gencourse.models.diffusion:make_diffusion+",
        "gencourse.models.unet:*",
    ),
    # Lesson 06: lesson 05's split, copies and recogniser, and each way of using the
    # unlabelled digits (the shipped VAE that M1 reads enters as its weights' bytes).
    "unlabelled": (
        "gencourse.augment.sets:_class_orders",
        "gencourse.augment.sets:scarce_indices",
        "gencourse.augment.sets:classic_augment",
        "gencourse.augment.sets:classic_copies",
        "gencourse.augment.sets:with_classic_copies",
        "gencourse.augment.scoring:final_accuracy",
        "gencourse.augment.training:_step_indices",
        "gencourse.augment.training:build_recogniser",
        "gencourse.augment.training:RecogniserTrainer",
        "gencourse.augment.training:StepLoop",
        "gencourse.semi.methods:*",
        "gencourse.semi.experiment:run_once",
        "gencourse.models.ssgan:*",
        "gencourse.models.pseudo:*",
        "file:weights/vae_mnist5k.npz",
    ),
}

#: Pieces that moved to another module unchanged, hashed under the reference the shipped
#: grids were made with: a move alone changes no number, so it makes no grid stale.
#: (The conditional GAN left ``gencourse.models.gan`` for ``gencourse.models.cgan``.)
HASHED_AS = {
    "gencourse.models.cgan:ConditionalGAN": "gencourse.models.gan:ConditionalGAN",
    "gencourse.models.cgan:make_conditional_gan": "gencourse.models.gan:make_conditional_gan",
}


#: Modules whose pieces moved out, unchanged: an import of moved pieces from the new
#: module is hashed as the import from the old one it replaced (merged with the old
#: module's import beside it), so a module hashed whole (``module:*``) that only
#: follows the move keeps its hash.
MOVED_FROM = {"gencourse.models.cgan": "gencourse.models.gan"}


def _imports_as_before_the_move(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        merged: list[ast.stmt] = []
        for stmt in body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module in MOVED_FROM and not stmt.level:
                stmt = ast.ImportFrom(MOVED_FROM[stmt.module], stmt.names, 0)
            previous = merged[-1] if merged else None
            if (
                isinstance(stmt, ast.ImportFrom)
                and isinstance(previous, ast.ImportFrom)
                and previous.module == stmt.module
                and previous.level == stmt.level
                and stmt.module in MOVED_FROM.values()
            ):
                names = sorted(previous.names + stmt.names, key=lambda alias: alias.name)
                merged[-1] = ast.ImportFrom(stmt.module, names, stmt.level)
            else:
                merged.append(stmt)
        node.body = merged
    return tree


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return tree


def _top_level(tree: ast.Module) -> dict:
    """``{name: node}`` of a module's top-level functions, classes and assigned names."""
    defined = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        defined[leaf.id] = node
    return defined


def uses(source: str, name: str) -> list:
    """The top-level nodes of ``source`` that ``name`` needs: its own and those it uses.

    Follows the names each node reads (functions, classes, constants of the same module),
    transitively, and returns the nodes in source order.

    Raises:
        KeyError: if ``name`` is not defined at the top level of ``source``.
    """
    defined = _top_level(ast.parse(source))
    if name not in defined:
        raise KeyError(f"{name!r} is not a top-level name of the module.")
    kept, todo = {}, [defined[name]]
    while todo:
        node = todo.pop()
        if id(node) in kept:
            continue
        kept[id(node)] = node
        todo += [
            defined[leaf.id]
            for leaf in ast.walk(node)
            if isinstance(leaf, ast.Name) and leaf.id in defined
        ]
    return sorted(kept.values(), key=lambda node: node.lineno)


def _code(ref: str) -> str:
    if ref.startswith("file:"):  # package data the numbers depend on: its bytes
        return hashlib.sha256((RESULTS.parent / ref[5:]).read_bytes()).hexdigest()
    module_name, _, name = ref.partition(":")
    module = importlib.import_module(module_name)
    if name.endswith("+"):
        nodes = uses(inspect.getsource(module), name[:-1])
        tree = _imports_as_before_the_move(_without_docstrings(ast.Module(nodes, [])))
        return ast.dump(tree, include_attributes=False)
    if name == "*":
        source = inspect.getsource(module)
    else:
        obj = module
        for part in name.split("."):
            obj = getattr(obj, part)
        source = textwrap.dedent(inspect.getsource(obj))
    tree = _imports_as_before_the_move(_without_docstrings(ast.parse(source)))
    return ast.dump(tree, include_attributes=False)


def recipe_hash(setting: str, budget, synthetic_per_class: int, arms) -> str:
    """The hash of a grid's recipe: its code (:data:`RECIPE_CODE`), budget, extras and arms.

    The n values and seeds are not part of it: a grid with more seeds has the same recipe.
    """
    digest = hashlib.sha256()
    for ref in RECIPE_CODE[setting]:
        digest.update(HASHED_AS.get(ref, ref).encode() + b"\0" + _code(ref).encode() + b"\0")
    digest.update(json.dumps(dataclasses.asdict(budget), sort_keys=True).encode())
    digest.update(json.dumps([int(synthetic_per_class), sorted(arms)]).encode())
    return digest.hexdigest()[:16]


def machine() -> dict:
    """The CPU model and core count of this machine (for a shipped grid's provenance)."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "system": platform.platform()}


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=RESULTS.parent.parent,
            capture_output=True,
            text=True,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=RESULTS.parent.parent,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def ship(results, setting: str, n_values, seeds, arms, command: str, path) -> Path:
    """Writes a grid's results (lesson 05's or 06's ``Results``) with their provenance."""
    extra = getattr(results, "synthetic_per_class", None)
    if extra is None:  # lesson 06: the copies per class are part of its budget
        extra = results.budget.synthetic_per_class
    provenance = {
        "setting": setting,
        "command": command,
        "commit": _commit(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "wall_seconds": round(float(results.seconds), 1),
        "n_values": [int(n) for n in n_values],
        "seeds": [int(s) for s in seeds],
        "arms": list(arms),
        "budget": dataclasses.asdict(results.budget),
        "synthetic_per_class": int(extra),
        "recipe_hash": recipe_hash(setting, results.budget, extra, arms),
    }
    data = {"provenance": provenance, "rows": results.rows}
    for table in ("quality", "pseudo"):  # lesson 05's label agreement, lesson 06's pseudo-labels
        if hasattr(results, table):
            data[table] = getattr(results, table)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def ship_from_args(results, setting: str, args, arms) -> Path:
    """``gencourse augment --ship FILE``: :func:`ship` with the command as it was typed."""
    import shlex
    import sys

    command = shlex.join(["gencourse", *sys.argv[1:]])
    seeds = list(range(args.seeds))
    shipped = ship(results, setting, args.n, seeds, arms, command, args.ship)
    print(f"shipped with provenance: {shipped}")
    return shipped


def load_shipped(name: str) -> dict:
    """A shipped grid (``gencourse/results/<name>.json``): ``{"provenance", "rows", ...}``
    (and ``"quality"`` for lesson 05, ``"pseudo"`` for lesson 06)."""
    path = RESULTS / f"{name}.json"
    if not path.exists():
        shipped = sorted(p.stem for p in RESULTS.glob("*.json"))
        raise FileNotFoundError(f"No shipped grid {name!r}; shipped: {shipped}")
    return json.loads(path.read_text(encoding="utf-8"))


def describe(provenance: dict, lang: str | None = None) -> str:
    """One sentence a learner reads: what the shipped grid holds, where and how it was made."""
    from gencourse.i18n import t

    return t(
        "augment.shipped.provenance",
        lang,
        ns=", ".join(map(str, provenance["n_values"])),
        seeds=len(provenance["seeds"]),
        arms=len(provenance["arms"]),
        date=provenance["date"][:10],
        cpu=provenance["machine"]["cpu"],
        cores=provenance["machine"]["cores"],
        minutes=provenance["wall_seconds"] / 60,
        commit=provenance["commit"][:10],
        hash=provenance["recipe_hash"],
        command=provenance["command"],
    )
