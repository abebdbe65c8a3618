"""Do the shipped trained models load with one call and meet the quality their cards state?"""

from __future__ import annotations

import numpy as np
import pytest

from gencourse import pretrained

MODELS = list(pretrained.RECIPES)


@pytest.fixture(scope="module")
def digits():
    from gencourse import data

    return data.load("mnist5k", seed=0)


@pytest.fixture(scope="module")
def judge():
    return pretrained.load("judge_mnist5k")


@pytest.mark.parametrize("name", MODELS)
def test_does_the_shipped_model_meet_its_stated_quality(name, digits, judge):
    card = pretrained.card(name)
    model = pretrained.load(name)
    measured = pretrained.measure(name, model, digits, judge)
    assert set(measured) == set(card["stated"])
    assert pretrained.meets(measured, card["stated"]) == []


def test_does_the_shipped_judge_keep_its_held_out_accuracy(digits, judge):
    from gencourse import metrics

    accuracy = metrics.label_agreement(judge, digits.x_test, digits.y_test).overall
    assert accuracy >= pretrained.card("judge_mnist5k")["held_out_accuracy"] - 0.005


def test_are_the_generators_the_lessons_models(judge):
    from gencourse.models import GAN, VAE, ConditionalGAN
    from gencourse.models.ssgan import SemiSupervisedGAN

    kinds = {
        "vae_mnist5k": VAE,
        "gan_mnist5k": GAN,
        "cgan_mnist5k": ConditionalGAN,
        "ssgan_mnist5k": SemiSupervisedGAN,
    }
    for name, kind in kinds.items():
        assert type(pretrained.load(name)) is kind, name
    assert pretrained.load("vae_mnist5k").latent_dim == 16
    images = pretrained.load("cgan_mnist5k").generate([3, 7], seed=0)
    assert images.shape == (2, 28, 28, 1) and 0 <= images.min() and images.max() <= 1


def test_are_the_shipped_files_small():
    files = [pretrained.WEIGHTS / f"{name}.npz" for name in MODELS]
    files.append(pretrained.WEIGHTS / "judge_mnist5k.weights.h5")
    sizes = {f.name: f.stat().st_size for f in files}
    assert max(sizes.values()) < 1.5e6, sizes
    assert sum(sizes.values()) < 4e6, sizes


def test_does_quantize_match_a_hand_computed_case():
    q, scales = pretrained.quantize([[1.0, -2.0], [0.5, 4.0]])
    np.testing.assert_allclose(scales, [1 / 127, 4 / 127], rtol=1e-6)
    np.testing.assert_array_equal(q, [[127, -64], [64, 127]])  # 63.5 rounds to even
    assert q.dtype == np.int8


def test_does_dequantize_stay_within_half_a_step():
    weights = np.random.default_rng(0).normal(size=(7, 5, 3)).astype("float32")
    q, scales = pretrained.quantize(weights)
    error = np.abs(pretrained.dequantize(q, scales) - weights)
    assert np.all(error <= scales / 2 + 1e-7)


def test_does_an_unknown_name_list_the_known_ones():
    with pytest.raises(ValueError, match="Choose one of: vae_mnist5k, gan_mnist5k"):
        pretrained.load("cgan_mnist")


def test_does_quantize_refuse_a_scalar():
    with pytest.raises(ValueError, match="Cannot quantize a scalar"):
        pretrained.quantize(3.0)
