"""Do the shipped grids still match the recipes that would make them, and say how they were made?

A shipped grid (``gencourse/results/*.json``) carries the hash of its recipe: the budget and
the syntax trees of the code that decides its numbers. When that code or the budget
changes, the hash changes and the first test here fails until the grid is run again
with the command its provenance names.
"""

from __future__ import annotations

import ast
import dataclasses
import json

import pytest

from gencourse import augment, semi
from gencourse.augment import provenance

SHIPPED = sorted(provenance.RESULTS.glob("*.json"))
KEYS = {"setting", "command", "commit", "date", "machine", "wall_seconds", "n_values", "seeds",
        "arms", "budget", "synthetic_per_class", "recipe_hash"}  # fmt: skip


def test_is_there_a_shipped_grid_for_lesson_05():
    assert provenance.RESULTS / "augment_lesson.json" in SHIPPED


def _budget_class(setting):
    """The budget dataclass of a setting's grids (lesson 06's for unlabelled, else lesson 05's)."""
    return semi.Budget if setting == "unlabelled" else augment.Budget


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_does_each_shipped_grid_match_its_recipe_today(path):
    shipped = json.loads(path.read_text(encoding="utf-8"))["provenance"]
    budget = _budget_class(shipped["setting"])(**shipped["budget"])
    today = provenance.recipe_hash(
        shipped["setting"], budget, shipped["synthetic_per_class"], shipped["arms"]
    )
    assert today == shipped["recipe_hash"], (
        f"{path.name} was made with another recipe ({shipped['recipe_hash']}, today {today}): "
        f"run again: {shipped['command']}"
    )


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_does_each_shipped_grid_hold_every_cell_and_its_provenance(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["provenance"]
    assert KEYS <= set(meta)
    assert meta["wall_seconds"] > 0 and meta["machine"]["cores"] >= 1 and meta["machine"]["cpu"]
    assert meta["command"].startswith("gencourse augment") and "--ship" in meta["command"]
    cells = {(r["n"], r["arm"], r["seed"]) for r in data["rows"]}
    wanted = {(n, a, s) for n in meta["n_values"] for a in meta["arms"] for s in meta["seeds"]}
    assert cells == wanted and len(data["rows"]) == len(wanted)
    assert len(meta["seeds"]) >= 5  # every arm is one the conclusions compare
    assert all(0.0 <= r["accuracy"] <= 1.0 for r in data["rows"])


def test_is_there_a_shipped_grid_for_lesson_06():
    assert provenance.RESULTS / "semi_lesson.json" in SHIPPED


def _as_json(value):
    return json.loads(json.dumps(value))  # tuples become lists, as in a shipped file


@pytest.mark.parametrize(
    "name, budget, live_arms",
    [
        ("augment_lesson", augment.LESSON, augment.LIVE_ARMS),
        ("semi_lesson", semi.LESSON, semi.LIVE_ARMS),
    ],
)
def test_is_each_lessons_live_slice_the_recipe_of_its_shipped_grid(name, budget, live_arms):
    shipped = provenance.load_shipped(name)["provenance"]
    assert shipped["budget"] == _as_json(dataclasses.asdict(budget))
    assert set(live_arms) <= set(shipped["arms"])
    assert 10 in shipped["n_values"] and {0, 1, 2} <= set(shipped["seeds"])


def test_does_the_recipe_hash_follow_the_budget_and_arms_but_not_the_seeds():
    base = provenance.recipe_hash("scarce", augment.LESSON, 100, augment.ARMS)
    assert base == provenance.recipe_hash("scarce", augment.LESSON, 100, list(augment.ARMS))
    steps = augment.with_budget(augment.LESSON, cgan_steps=augment.LESSON.cgan_steps + 1)
    assert provenance.recipe_hash("scarce", steps, 100, augment.ARMS) != base
    assert provenance.recipe_hash("scarce", augment.LESSON, 99, augment.ARMS) != base
    assert provenance.recipe_hash("scarce", augment.LESSON, 100, augment.ARMS[:-1]) != base


def test_does_the_code_part_ignore_docstrings_and_comments_but_not_a_constant():
    a = 'def f(x):\n    """Doubles."""\n    return 2 * x  # twice\n'
    b = "def f(x):\n    # a comment only\n    return 2 * x\n"
    c = 'def f(x):\n    """Doubles."""\n    return 3 * x\n'

    def tree(source):
        return ast.dump(provenance._without_docstrings(ast.parse(source)))

    assert tree(a) == tree(b) != tree(c)


def test_does_the_code_part_cover_the_makers_and_the_recogniser():
    refs = provenance.RECIPE_CODE["scarce"]
    for needed in (
        "run_once",
        "build_recogniser",
        "_make_cgan",
        "_make_diffusion",
        "make_diffusion+",
        "scarce_indices",
        "final_accuracy",
    ):
        assert any(ref.endswith(":" + needed) for ref in refs), needed
    for ref in refs:
        assert provenance._code(ref)  # each reference still names real code


def test_does_describe_say_where_when_and_how_in_both_languages():
    meta = provenance.load_shipped("augment_lesson")["provenance"]
    for lang in ("ko", "en"):
        text = provenance.describe(meta, lang)
        assert meta["command"] in text and meta["recipe_hash"] in text
        assert meta["date"][:10] in text and str(meta["machine"]["cores"]) in text


def test_does_following_a_move_keep_a_hash_and_a_real_change_not():
    """The conditional GAN moved from models.gan to models.cgan unchanged (issue 33)."""
    import ast

    from gencourse.augment.provenance import _imports_as_before_the_move

    def dump(source):
        return ast.dump(_imports_as_before_the_move(ast.parse(source)))

    before = "from gencourse.models.gan import (\n    ConditionalGAN,\n    build_generator,\n)\n"
    after = (
        "from gencourse.models.cgan import ConditionalGAN\n"
        "from gencourse.models.gan import build_generator\n"
    )
    assert dump(after) == dump(before)
    other = "from gencourse.models.cgan import make_conditional_gan\n" + after.split("\n", 1)[1]
    assert dump(other) != dump(before)
    assert dump("import numpy as np\nx = 1\n") == ast.dump(ast.parse("import numpy as np\nx = 1\n"))


def test_does_a_name_with_plus_hash_what_it_uses_and_nothing_else_of_its_module():
    source = (
        "SCALE = 2\n"
        "OTHER = 5\n"
        "def helper(x):\n    return SCALE * x\n"
        "def unused(x):\n    return OTHER\n"
        "class Model:\n    def step(self, x):\n        return helper(x) + 1\n"
        "def make():\n    return Model()\n"
    )

    def names(name):
        nodes = provenance.uses(source, name)
        return [getattr(node, "name", None) or node.targets[0].id for node in nodes]

    assert names("make") == ["SCALE", "helper", "Model", "make"]  # in source order, transitively
    assert names("helper") == ["SCALE", "helper"]
    with pytest.raises(KeyError, match="nope"):
        provenance.uses(source, "nope")


def test_does_the_diffusion_makers_hash_follow_its_sampler_but_not_lesson_07s_other_code():
    import inspect

    from gencourse.models import diffusion

    nodes = provenance.uses(inspect.getsource(diffusion), "make_diffusion")
    used = {getattr(node, "name", None) for node in nodes}
    # Training and DDIM sampling with guidance are in; the toy denoiser of lesson 07 is not.
    assert {"DiffusionModel", "q_sample", "ddim_step", "guided_noise", "_adam"} <= used
    assert "build_toy_denoiser" not in used and "load_diffusion" not in used
