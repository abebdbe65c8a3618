"""Do per-student versions give each student values of their own, the same at release and grading?

gencourse.check.variant (the Variant an instructor declares) and
gencourse.assign.secret (students' identifiers, the assignment's secret and
what is drawn from it), on made-up exercises.
"""

from __future__ import annotations

import numpy as np
import pytest

from gencourse.assign import secret
from gencourse.check import Case, Exercise, Variant


def _cases():
    return [Case("case.none", (np.arange(3.0),))]


def scaled(scale, offset=0):
    return Exercise("scaled", "scaled(x)", lambda x: scale * x + offset, _cases)


def test_is_the_first_choice_of_every_parameter_the_default():
    variant = Variant(scaled, scale=[2, 3], offset=[0.5, 1.5])
    assert variant.default_values() == {"offset": 0.5, "scale": 2}
    assert (variant.name, variant.signature, variant.points) == ("scaled", "scaled(x)", 1.0)
    assert variant.exercise({"scale": 3, "offset": 1.5}).reference(np.ones(1)).tolist() == [4.5]
    assert variant.choices["scale"] == (2, 3) and "scale=[2, 3]" in repr(variant)


@pytest.mark.parametrize(
    "choices, match",
    [
        ({}, "at least one parameter"),
        ({"scale": []}, "a list of values"),
        ({"scale": "23"}, "a list of values"),
        ({"scale": [np.ones(2)]}, "plain numbers"),
        ({"scale": [float("nan")]}, "plain numbers"),
    ],
)
def test_are_choices_that_a_notebook_cannot_hold_refused(choices, match):
    with pytest.raises(ValueError, match=match):
        Variant(scaled, **choices)


def test_must_every_version_be_the_same_exercise_and_values_name_its_parameters():
    def renamed(scale):
        return Exercise(f"scaled{scale}", f"scaled{scale}(x)", lambda x: x, _cases)

    with pytest.raises(ValueError, match="same name, signature and points"):
        Variant(renamed, scale=[1, 2]).exercise({"scale": 2})
    with pytest.raises(ValueError, match="must return an Exercise"):
        Variant(lambda scale: None, scale=[1])
    with pytest.raises(ValueError, match="Values for \\['scale'\\] expected"):
        Variant(scaled, scale=[1]).exercise({"size": 1})
    assert Variant(scaled, scale=[np.float32(2.5)]).choices["scale"] == (2.5,)  # a plain float


def test_are_a_students_values_the_same_each_time_and_different_across_students_and_secrets():
    variants = [Variant(scaled, scale=list(range(10)))]
    alice = secret.student_values(variants, 7, "alice")
    assert alice == secret.student_values(variants, 7, "alice")
    others = [secret.student_values(variants, 7, f"s{i}")["scale"] for i in range(30)]
    assert len(set(others)) > 3
    other_secret = [secret.student_values(variants, 8, f"s{i}")["scale"] for i in range(30)]
    assert other_secret != others
    assert secret.student_values(variants, 7, None) == {"scale": 0}


def test_does_one_parameter_in_two_exercises_get_one_value_or_a_clear_refusal():
    same = [Variant(scaled, scale=[1, 2, 3]), Variant(scaled, scale=[1, 2, 3], offset=[0, 1])]
    values = secret.student_values(same, 1, "ann")
    assert set(values) == {"scale", "offset"}
    clash = [Variant(scaled, scale=[1, 2]), Variant(scaled, scale=[1, 2, 3])]
    with pytest.raises(ValueError, match="'scale' has different choices"):
        secret.student_values(clash, 1, "ann")


@pytest.mark.parametrize(
    "submission, student",
    [
        ("alice.ipynb", "alice"),
        ("alice/hw1.ipynb", "alice"),
        ("class1/alice.ipynb", "class1/alice"),
        ("class1/alice/hw1.ipynb", "class1/alice"),
        ("hw1.ipynb", "hw1"),
        ("alice/notes.ipynb", "alice/notes"),
    ],
)
def test_is_a_student_named_by_where_their_notebook_lives(submission, student):
    assert secret.student_id(submission, "hw1") == student


def test_is_the_secret_made_once_readable_by_its_owner_only_and_kept(tmp_path):
    with pytest.raises(FileNotFoundError):
        secret.read_secret(tmp_path, create=False)
    value = secret.read_secret(tmp_path)
    assert secret.read_secret(tmp_path) == value == secret.read_secret(tmp_path, create=False)
    assert oct((tmp_path / "secret").stat().st_mode & 0o777) == "0o600"


def test_does_each_student_get_a_grading_seed_of_their_own():
    seeds = {secret.mixed_seed(12345, s) for s in ("a", "b", "c")}
    assert len(seeds) == 3 and all(0 <= s < 2**63 for s in seeds)
    assert secret.mixed_seed(12345, "a") == secret.mixed_seed(12345, "a")
    assert secret.mixed_seed(12345, "a") != secret.mixed_seed(12346, "a")
