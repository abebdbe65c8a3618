"""Do lesson 07's checks (gencourse.check.diffusion) judge right, and tell every mistake apart?

The lesson's masters are not written yet, so the registry does not list its module
(tests/test_checks.py requires every registered lesson to have masters); these tests hold
the module to what tests/test_checks.py asks of a registered one, directly. The corpus of
wrong and right answers written as learners would write them is tests/wrong_answers.py,
run by tests/test_check_hints.py.
"""

import copy
import importlib
import inspect
import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from gencourse import check
from gencourse.check import core
from gencourse.check import diffusion as checks
from gencourse.check.core import _plain
from gencourse.i18n import LANGUAGES, t

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = checks.EXERCISES


# --- the lesson's formulas, written here once more, independently of the library ---------


def _column(a, x):
    a = np.asarray(a, "float64")
    return a if a.ndim == 0 else a.reshape((-1,) + (1,) * (np.ndim(x) - 1))


def q_sample_formula(x0, t, noise, alpha_bars):
    a = _column(np.asarray(alpha_bars, "float64")[t], x0)
    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise


def loss_formula(noise, predicted):
    d = np.asarray(noise, "float64") - predicted
    return np.sum(d * d) / d.size


def ddim_formula(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    a_t, a_prev = _column(alpha_bar_t, x_t), _column(alpha_bar_prev, x_t)
    x0_hat = (x_t - np.sqrt(1 - a_t) * eps_hat) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_prev) * eps_hat


def guidance_formula(eps_cond, eps_uncond, scale):
    return (1 - scale) * np.asarray(eps_uncond, "float64") + scale * np.asarray(eps_cond, "float64")


FORMULAS = {
    "q_sample": q_sample_formula,
    "diffusion_loss": loss_formula,
    "ddim_step": ddim_formula,
    "guided_noise": guidance_formula,
}


def _in_float32(fn):
    """The formula computed on float32 arrays, as a learner's float32 code would."""

    def in_float32(*args):
        return fn(*(a if np.asarray(a).dtype.kind == "i" else np.float32(a) for a in args))

    return in_float32


def stub(*args, **kwargs):
    raise NotImplementedError


# --- the references ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXERCISES))
def test_does_the_reference_compute_the_lessons_formula_on_every_case(name):
    ex = EXERCISES[name]
    for seed in (None, 12345):
        for case in core.drawn_cases(ex, seed):
            expected = FORMULAS[name](*copy.deepcopy(case.args))
            got = _plain(ex, ex.reference(*copy.deepcopy(case.args)))
            np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12, err_msg=case.label)


@pytest.mark.parametrize("name", list(EXERCISES))
def test_do_float32_and_float64_answers_both_pass(name):
    for fn in (FORMULAS[name], _in_float32(FORMULAS[name])):
        result = core.evaluate(EXERCISES[name], fn)
        assert result.passed and result.points == 1.0, result.message("en")


@pytest.mark.parametrize("name", list(EXERCISES))
def test_are_the_inputs_float32_as_a_networks_outputs_are(name):
    for case in EXERCISES[name].make_cases():
        for arg in case.args:
            if isinstance(arg, np.ndarray) and arg.dtype.kind == "f":
                assert arg.dtype == np.float32, case.label


# --- the cases promise what their labels say -----------------------------------------------


def _cases(name, seed=None):
    return {c.label: c for c in core.drawn_cases(EXERCISES[name], seed)}


@pytest.mark.parametrize("seed", [None, 7, 2026])
def test_do_the_q_sample_cases_hold_what_they_promise_under_any_seed(seed):
    cases = _cases("q_sample", seed)
    for case in cases.values():
        x0, steps, noise, alpha_bars = case.args
        assert steps.dtype.kind == "i" and steps.shape == (len(x0),)
        assert x0.shape == noise.shape and x0.ndim == 4
    x0, steps, _, alpha_bars = cases["case.qsample.digits"].args
    assert len(set(alpha_bars[steps].tolist())) == len(steps) == 4  # ᾱ differs per example
    assert 0 not in steps and len(alpha_bars) - 1 not in steps
    assert len(cases["case.qsample.one_image"].args[0]) == 1
    assert cases["case.qsample.non_square"].args[0].shape[1:3] == (7, 5)
    assert set(cases["case.qsample.first_step"].args[1]) == {0}
    last = cases["case.qsample.last_step"].args
    assert set(last[1]) == {len(last[3]) - 1}
    assert cases["case.qsample.colour"].args[0].shape[-1] == 3
    ddpm = cases["case.qsample.ddpm_schedule"].args
    assert len(ddpm[3]) == 1000 and {0, 999} <= set(ddpm[1])


def test_do_the_ddim_and_guidance_cases_hold_what_they_promise():
    ddim = _cases("ddim_step")
    for case in ddim.values():
        x, e, a_t, a_prev = case.args
        assert np.all((0 < a_t) & (a_t < a_prev) & (a_prev <= 1)), case.label
    assert ddim["case.ddim.last_step"].args[3] == 1.0
    per_example = ddim["case.ddim.per_example"].args
    assert per_example[2].shape == per_example[3].shape == (len(per_example[0]),)
    assert len(set(per_example[2].tolist())) == len(per_example[0])
    assert len(ddim["case.ddim.one_image"].args[0]) == 1
    scales = {c.args[2] for c in _cases("guided_noise").values()}
    assert {0.0, 1.0} <= scales and max(scales) > 1 and any(0 < s < 1 for s in scales)
    perfect = _cases("diffusion_loss")["case.mse.perfect"].args
    assert np.array_equal(perfect[0], perfect[1])


# --- mistakes --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXERCISES))
def test_does_a_stub_get_not_implemented_and_no_points(name):
    result = core.evaluate(EXERCISES[name], stub)
    assert result.status == "not_implemented" and result.points == 0.0
    assert "NotImplementedError" in result.message("en")


MISTAKES = [(name, i) for name, ex in EXERCISES.items() for i in range(len(ex.mistakes))]


@pytest.mark.parametrize(("name", "index"), MISTAKES, ids=[f"{n}-{i}" for n, i in MISTAKES])
def test_does_each_recognised_mistake_fail_with_its_own_hint(name, index):
    mistake = EXERCISES[name].mistakes[index]
    result = core.evaluate(EXERCISES[name], mistake.fn)
    assert not result.passed and result.points < 1.0
    assert result.first_failure().hint == mistake.hint, result.message("en")
    for lang in LANGUAGES:
        assert t(mistake.hint, lang) in result.message(lang)


def _outputs(ex, fn):
    outputs = []
    for case in ex.make_cases():
        try:
            with np.errstate(all="ignore"):
                outputs.append(_plain(ex, fn(*copy.deepcopy(case.args))))
        except Exception:
            outputs.append(None)
    return outputs


def _differ(a, b, ex):
    return any(
        x is not None and y is not None and not core._close(x, y, ex)
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("name", list(EXERCISES))
def test_can_the_cases_tell_every_two_mistakes_apart(name):
    ex = EXERCISES[name]
    right = _outputs(ex, ex.reference)
    outputs = [(m.hint, _outputs(ex, m.fn)) for m in ex.mistakes]
    for hint, out in outputs:
        assert _differ(out, right, ex), hint
    for (h1, o1), (h2, o2) in itertools.combinations(outputs, 2):
        if h1 != h2:
            assert _differ(o1, o2, ex), (h1, h2)


def test_are_there_at_least_eight_recognised_mistakes_per_exercise():
    for name, ex in EXERCISES.items():
        assert len({m.hint for m in ex.mistakes}) >= 8, name


def test_is_a_column_of_alpha_bars_in_tensorflow_told_to_reshape_per_example():
    import tensorflow as tf

    def column(x0, steps, noise, alpha_bars):
        a = tf.gather(alpha_bars, steps)[:, None]
        return tf.sqrt(a) * x0 + tf.sqrt(1.0 - a) * noise

    result = core.evaluate(checks.Q_SAMPLE, column)
    assert result.first_failure().status == "error"
    assert result.first_failure().hint == "hint.qsample.per_example"


def test_is_the_other_guidance_convention_named_with_both_conventions():
    result = core.evaluate(checks.GUIDED_NOISE, lambda c, u, s: (1 + s) * c - s * u)
    assert result.first_failure().hint == "hint.guide.other_convention"
    for lang in LANGUAGES:
        text = result.message(lang)
        assert "(1 + w)·eps_cond - w·eps_uncond" in text
        assert "eps_uncond + scale·(eps_cond - eps_uncond)" in text
    assert "w = scale − 1" in checks.__doc__


# --- what test_checks asks of every registered lesson module -------------------------------


def test_does_a_right_answer_on_easy_cases_only_get_partial_credit():
    for ex, fn in [
        (checks.GUIDED_NOISE, lambda c, u, s: u),  # right at scale 0 only
        (checks.DIFFUSION_LOSS, lambda n, p: 0.0),  # right on the perfect prediction only
        (checks.DDIM_STEP, lambda x, e, at, ap: (x - np.sqrt(1 - at) * e) / np.sqrt(at)),
    ]:
        result = core.evaluate(ex, fn)
        assert 0.0 < result.points < 0.5, ex.name


def test_cannot_a_function_that_edits_its_inputs_corrupt_the_reference():
    def sneaky(x0, steps, noise, alpha_bars):
        out = q_sample_formula(x0, steps, noise, alpha_bars)
        x0[...], noise[...], alpha_bars[...] = 0.0, 0.0, 1.0
        steps[...] = 0
        return out

    assert core.evaluate(checks.Q_SAMPLE, sneaky).passed


@pytest.mark.parametrize("name", list(EXERCISES))
def test_does_the_verdict_never_reveal_the_expected_values(name):
    ex = EXERCISES[name]
    for mistake in ex.mistakes:
        result = core.evaluate(ex, mistake.fn)
        failure = result.first_failure()
        case = next(c for c in ex.make_cases() if c.label == failure.label)
        expected = _plain(ex, ex.reference(*case.args)).ravel()
        message = result.message("en") + result.message("ko")
        numbers = {float(n) for n in re.findall(r"-?\d+\.\d+", message)}
        for value in expected[:50]:
            assert not any(abs(value - n) < 1e-2 for n in numbers), mistake.hint


def test_are_the_modules_messages_in_its_lessons_catalogue():
    here = set(importlib.import_module("gencourse.i18n.catalog.check_07_diffusion").MESSAGES)
    shared = set(importlib.import_module("gencourse.i18n.catalog.check_core").MESSAGES)
    used = set(re.findall(r'"((?:case|hint)\.[a-z0-9_.]+)"', inspect.getsource(checks)))
    assert sorted(used - here - shared) == []
    assert sorted(here - used) == []


def test_does_the_module_name_its_lesson_and_match_the_stub_signatures():
    assert checks.LESSON == "07_diffusion"
    assert checks.LESSON in checks.__doc__.splitlines()[0]
    assert checks.__name__ == f"gencourse.check.{checks.LESSON.split('_', 1)[1]}"
    assert list(EXERCISES) == ["q_sample", "diffusion_loss", "ddim_step", "guided_noise"]
    for name, ex in EXERCISES.items():
        params = list(inspect.signature(FORMULAS[name]).parameters)
        assert ex.signature == f"{name}({', '.join(params)})"


def test_is_lesson_07_registered_exactly_when_its_masters_exist():
    masters = [ROOT / "solutions" / lang / "07_diffusion.ipynb" for lang in ("ko", "en")]
    registered = checks in check.MODULES
    # Once the masters exist, register the module in gencourse/check/__init__.py (MODULES)
    # and give tests/test_checks.py its CORRECT and WRONG entries.
    assert registered == all(m.exists() for m in masters)
