"""Do the verdicts say what is wrong, in the learner's language, where they used to mislead?"""

import numpy as np
import pytest

from gencourse import check
from gencourse.check import augment as augment_checks
from gencourse.check.errors import explain_error


def _message(name, fn, lang="en"):
    result = check.evaluate(name, fn)
    assert not result.passed
    return result, result.message(lang)


@pytest.mark.parametrize(
    ("returned", "says"),
    [
        (lambda m, lv, e: (m + 1j).astype(complex), "holds complex numbers"),
        (lambda m, lv, e: np.array([m, None], dtype=object), "holds Python objects"),
        (lambda m, lv, e: None, "returned None"),
        (lambda m, lv, e: "z", "holds text"),
    ],
    ids=["complex", "object", "none", "string"],
)
def test_does_a_result_that_is_no_array_of_numbers_say_what_it_holds(returned, says):
    _, en = _message("reparameterize", returned)
    assert says in en
    assert "returned a ndarray" not in en


def test_is_a_string_tensor_called_text_not_a_eagertensor():
    import tensorflow as tf

    _, en = _message("kl_divergence", lambda m, lv: tf.constant(["a", "b"]))
    assert "EagerTensor it returned holds text" in en
    assert "a EagerTensor" not in en


def test_does_a_memory_error_without_text_get_an_explanation():
    def runs_out(*args):
        raise MemoryError

    result, en = _message("kl_divergence", runs_out)
    assert "MemoryError (without a message). It ran out of memory" in en
    assert "메모리가 부족합니다" in result.message("ko")


def test_does_a_korean_verdict_say_in_korean_what_happened_and_keep_the_original_text():
    result, _ = _message("bayes_posterior", lambda ll, lp: np.exp(ll) / np.exp(ll).sum(axis=1))
    ko = result.message("ko")
    assert "keepdims=True" in ko and "(n, 1)이 되어" in ko  # said in Korean
    assert "원래 메시지: operands could not be broadcast together" in ko  # the detail


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("operands could not be broadcast together with shapes (4,3) (5,) ", "error.broadcast"),
        ("operands could not be broadcast together with shapes (6,10) (6,) ", "error.keepdims"),
        ("cannot reshape array of size 384 into shape (6,784)", "error.reshape"),
        ("slice indices must be integers or None or have an __index__ method", "error.float_index"),
        ("index 9 is out of bounds for axis 0 with size 8", "error.out_of_bounds"),
        ("something else entirely", "error.value"),
    ],
)
def test_is_each_known_form_of_an_exception_explained(text, key):
    assert explain_error("ValueError", text) == key


def test_are_images_joined_along_the_height_axis_not_blamed_on_the_targets():
    def height(r, f):
        targets = np.r_[np.ones((len(r), 1)), np.zeros((len(f), 1))]
        return np.concatenate([r, f], axis=1), targets

    result, en = _message("mixed_batch", height)
    assert result.first_failure().hint == "hint.batch.counts_differ"
    assert "axis=0" in en


@pytest.mark.parametrize("name", ["mixed_batch", "augmented_training_set"])
def test_is_a_five_dimensional_stack_not_told_to_stop_flattening(name):
    if name == "mixed_batch":
        fn = lambda r, f: (np.stack([r, r]), np.ones((2 * len(r), 1)))  # noqa: E731
    else:
        fn = lambda x, y, sx, sy, r: (np.stack([x, x]), np.ravel(y))  # noqa: E731
    _, en = _message(name, fn)
    assert "np.stack adds a new axis" in en
    assert "do not flatten" not in en


def test_is_a_finite_float32_clipped_d_not_told_that_the_log_is_infinite():
    def clipped(real, fake):
        def d_of(logits):
            z = np.exp(np.clip(logits.astype("float64"), -80, 80)).sum(axis=1).astype("float32")
            return np.clip(z / (z + 1), np.float32(1e-7), np.float32(1 - 1e-7))

        return 0.5 * (-np.mean(np.log(d_of(real))) - np.mean(np.log(1 - d_of(fake))))

    result, en = _message("unsupervised_discriminator_loss", clipped)
    assert result.first_failure().status == "wrong_value"
    assert result.first_failure().hint == "hint.uloss.clipped"
    assert "infinity or NaN" not in en


def test_do_log_probabilities_from_bayes_posterior_get_their_hint():
    def log_posterior(ll, lp):
        joint = ll + lp
        top = joint.max(axis=1, keepdims=True)
        return joint - top - np.log(np.exp(joint - top).sum(axis=1, keepdims=True))

    result, _ = _message("bayes_posterior", log_posterior)
    assert result.first_failure().hint == "hint.bayes.log"


def test_does_nan_in_shift_with_fill_not_point_at_log_or_exp():
    def empty_canvas(images, dy, dx, fill):
        out = np.full(images.shape, np.nan, "float32")  # as np.empty may leave it
        out[:, 1:, 1:] = images[:, :-1, :-1]
        return out

    result, en = _message("shift_with_fill", empty_canvas)
    assert result.first_failure().status == "not_finite"
    assert "log or exp" not in en and "np.empty" in en


def test_does_zero_padding_then_replacing_zeros_fail_on_images_with_zero_pixels():
    from gencourse import augment

    def zeros_then_where(images, dy, dx, fill):
        out = augment.shift_with_fill(images, dy, dx, 0.0)
        return np.where(out == 0, fill, out)

    cases = augment_checks.SHIFT_WITH_FILL.make_cases()
    assert any((c.args[0] == 0).any() and c.args[3] != 0 for c in cases)
    result, _ = _message("shift_with_fill", zeros_then_where)
    assert result.first_failure().hint == "hint.shift.zero_is_background"


def test_is_the_rounding_rule_pythons_round_with_a_half_case():
    cases = {c.label: c for c in augment_checks.AUGMENTED_TRAINING_SET.make_cases()}
    real, _, _, _, ratio = cases["case.aug.round_half"].args
    assert ratio * len(real) == 2.5 and round(ratio * len(real)) == 2

    def half_up(x, y, sx, sy, r):
        k = int(r * len(x) + 0.5)
        return np.concatenate([x, sx[:k]]), np.concatenate([np.ravel(y), np.ravel(sy)[:k]])

    result, en = _message("augmented_training_set", half_up)
    assert result.first_failure().hint == "hint.aug.round_half"
    assert "round(2.5) = 2" in en and "round(2.5) = 2" in result.message("ko")
