"""The semi-supervised GAN's losses against independent NumPy/SciPy references, and its training."""

import keras
import numpy as np
import pytest
from scipy.special import log_softmax

from gencourse.models import ssgan


def _np(x):
    return np.asarray(keras.ops.convert_to_numpy(x), dtype="float64")


def _k_plus_one(logits):
    """log-probabilities of a (K+1)-class softmax whose last ("fake") logit is 0."""
    logits = np.asarray(logits, dtype="float64")
    return log_softmax(np.concatenate([logits, np.zeros((len(logits), 1))], axis=1), axis=1)


def test_is_d_of_x_the_real_share_of_a_k_plus_one_softmax_with_the_fake_logit_at_zero():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(50, 10)) * 3
    log_real, log_fake = (_np(v) for v in ssgan.real_log_probability(logits.astype("float32")))
    reference = _k_plus_one(logits)
    np.testing.assert_allclose(log_fake, reference[:, -1], atol=1e-5)
    np.testing.assert_allclose(np.exp(log_real) + np.exp(log_fake), 1.0, atol=1e-5)
    # D = Z / (Z + 1) with Z the sum of exp(logits), computed directly
    z = np.exp(logits).sum(axis=1)
    np.testing.assert_allclose(np.exp(log_real), z / (z + 1), rtol=1e-5)


def test_are_the_log_probabilities_finite_for_huge_and_tiny_logits():
    logits = np.array([[1000.0] * 10, [-1000.0] * 10, [800.0, -900.0] + [0.0] * 8], "float32")
    log_real, log_fake = (_np(v) for v in ssgan.real_log_probability(logits))
    assert np.all(np.isfinite(log_real)) and np.all(np.isfinite(log_fake))
    np.testing.assert_allclose(log_real[0], 0.0, atol=1e-6)  # surely real
    np.testing.assert_allclose(log_fake[1], 0.0, atol=1e-6)  # surely fake
    np.testing.assert_allclose(log_real[1], -1000.0 + np.log(10), rtol=1e-5)


def test_is_the_unsupervised_loss_the_k_plus_one_cross_entropy_of_real_and_fake_halves():
    rng = np.random.default_rng(1)
    real, fake = rng.normal(size=(40, 10)) * 2, rng.normal(size=(24, 10)) * 2 - 1
    got = float(
        _np(ssgan.unsupervised_discriminator_loss(real.astype("float32"), fake.astype("float32")))
    )
    # real: -log(1 - p_fake) = -log(sum of the K real classes' probabilities); fake: -log p_fake
    real_term = -np.log(1.0 - np.exp(_k_plus_one(real)[:, -1])).mean()
    fake_term = -_k_plus_one(fake)[:, -1].mean()
    assert got == pytest.approx(0.5 * (real_term + fake_term), rel=1e-5)
    # Raising every real logit lowers the loss; raising every fake logit raises it.
    assert float(_np(ssgan.unsupervised_discriminator_loss(real + 1.0, fake))) < got
    assert float(_np(ssgan.unsupervised_discriminator_loss(real, fake + 1.0))) > got


def test_is_the_supervised_loss_the_mean_cross_entropy():
    rng = np.random.default_rng(2)
    logits, labels = rng.normal(size=(30, 10)), rng.integers(0, 10, size=30)
    expected = -log_softmax(logits, axis=1)[np.arange(30), labels].mean()
    got = float(_np(ssgan.supervised_loss(logits.astype("float32"), labels)))
    assert got == pytest.approx(expected, rel=1e-5)


def test_does_feature_matching_compare_batch_means_only():
    rng = np.random.default_rng(3)
    real, fake = rng.normal(size=(64, 20)), rng.normal(size=(32, 20)) + 0.5
    expected = np.mean((real.mean(axis=0) - fake.mean(axis=0)) ** 2)
    got = float(_np(ssgan.feature_matching_loss(real.astype("float32"), fake.astype("float32"))))
    assert got == pytest.approx(expected, rel=1e-5)
    # Different samples with the same mean match exactly: only the mean is compared.
    shuffled = real[rng.permutation(64)][:, :] * 1.0
    centred = fake - fake.mean(axis=0) + real.mean(axis=0)
    assert float(_np(ssgan.feature_matching_loss(shuffled, centred))) == pytest.approx(
        0.0, abs=1e-10
    )


def test_do_the_batches_keep_each_label_with_its_image_and_draw_the_unlabelled_ones():
    labelled = np.arange(6, dtype="float32").reshape(6, 1, 1, 1) * np.ones((6, 2, 2, 1), "float32")
    labels = np.arange(6) % 3
    unlabelled = 100 + np.arange(20, dtype="float32").reshape(20, 1, 1, 1) * np.ones((20, 2, 2, 1))
    seen = set()
    for x, y, u in ssgan.semi_supervised_batches(labelled, labels, unlabelled, batch_size=4).take(
        20
    ):
        x, y, u = x.numpy(), y.numpy(), u.numpy()
        assert x.shape == (4, 2, 2, 1) and u.shape == (4, 2, 2, 1)
        assert np.array_equal(x[:, 0, 0, 0].astype(int) % 3, y)  # the pairing survives shuffling
        assert np.all(u >= 100)
        seen.update(u[:, 0, 0, 0].astype(int).tolist())
    assert seen == set(range(100, 120))  # 80 draws in passes of 20: every unlabelled image
    with pytest.raises(ValueError, match="one label per labelled image"):
        ssgan.semi_supervised_batches(labelled, labels[:5], unlabelled)


@pytest.fixture(scope="module")
def tiny():
    model = ssgan.SemiSupervisedGAN(
        ssgan.build_ssgan_generator(8, (6, 6, 1), hidden=(16,)),
        ssgan.build_ssgan_discriminator((6, 6, 1), num_classes=3, hidden=(16, 12)),
        latent_dim=8,
        seed=0,
    )
    model.compile()
    return model


def test_does_one_step_move_both_networks_and_report_finite_losses(tiny):
    rng = np.random.default_rng(4)
    x = rng.uniform(size=(6, 6, 6, 1)).astype("float32")
    y = np.array([0, 1, 2, 0, 1, 2], "int32")
    u = rng.uniform(size=(6, 6, 6, 1)).astype("float32")
    before_d = [w.numpy().copy() for w in tiny.discriminator.trainable_weights]
    before_g = [w.numpy().copy() for w in tiny.generator.trainable_weights]
    logs = tiny.train_step((x, y, u))
    assert set(logs) == {"supervised_loss", "unsupervised_loss", "feature_loss", "train_accuracy"}
    assert all(np.isfinite(float(v)) for v in logs.values())

    def moved(before, now):
        return any(not np.allclose(a, b.numpy()) for a, b in zip(before, now, strict=True))

    assert moved(before_d, tiny.discriminator.trainable_weights)
    assert moved(before_g, tiny.generator.trainable_weights)
    assert tiny.classify(x).shape == (6,) and set(tiny.classify(x)) <= {0, 1, 2}
    assert tiny.generate(5, seed=1).shape == (5, 6, 6, 1)
    np.testing.assert_array_equal(tiny.generate(5, seed=1), tiny.generate(5, seed=1))


def test_does_the_discriminator_learn_the_few_labels_on_a_toy():
    # Three classes of 6x6 images: a bright row at the top, middle or bottom, plus noise.
    rng = np.random.default_rng(5)

    def images(labels):
        out = rng.uniform(0, 0.2, size=(len(labels), 6, 6, 1)).astype("float32")
        for i, c in enumerate(labels):
            out[i, 2 * c : 2 * c + 2] += 0.8
        return np.clip(out, 0, 1)

    labels = np.repeat(np.arange(3), 2)
    keras.utils.set_random_seed(0)
    model = ssgan.SemiSupervisedGAN(
        ssgan.build_ssgan_generator(8, (6, 6, 1), hidden=(32,)),
        ssgan.build_ssgan_discriminator(
            (6, 6, 1), num_classes=3, hidden=(32, 16), noise=(0.1, 0.1)
        ),
        latent_dim=8,
        seed=0,
    )
    model.compile()
    stream = ssgan.semi_supervised_batches(
        images(labels), labels, images(rng.integers(0, 3, 300)), 16
    )
    model.fit(stream, steps_per_epoch=150, epochs=1, verbose=0)
    test_labels = rng.integers(0, 3, 200)
    assert np.mean(model.classify(images(test_labels)) == test_labels) > 0.9


def test_does_the_model_save_and_load(tiny, tmp_path):
    path = tmp_path / "ssgan.keras"
    tiny.save(path)
    loaded = keras.saving.load_model(path)
    x = np.random.default_rng(6).uniform(size=(4, 6, 6, 1)).astype("float32")
    np.testing.assert_allclose(_np(loaded(x)), _np(tiny(x)), atol=1e-6)
    assert loaded.latent_dim == 8


def test_are_bad_settings_refused():
    g, d = (
        ssgan.build_ssgan_generator(4, (6, 6, 1), (8,)),
        ssgan.build_ssgan_discriminator((6, 6, 1), 3, (8,)),
    )
    with pytest.raises(ValueError, match="latent_dim must be a positive int"):
        ssgan.SemiSupervisedGAN(g, d, latent_dim=0)
    with pytest.raises(ValueError, match="unsupervised_weight must be >= 0"):
        ssgan.SemiSupervisedGAN(g, d, latent_dim=4, unsupervised_weight=-1)


def test_does_the_conv_discriminator_give_k_logits_and_pooled_features():
    model = ssgan.build_ssgan_conv_discriminator((28, 28, 1), num_classes=10, width=8)
    logits, features = model(np.zeros((3, 28, 28, 1), "float32"))
    assert tuple(logits.shape) == (3, 10) and tuple(features.shape) == (3, 16)
    assert ssgan.make_ssgan(seed=0, conv=True).discriminator.name == "ssgan_conv_discriminator"


def test_does_train_ssgan_run_exactly_the_steps_with_a_decaying_rate():
    rng = np.random.default_rng(7)
    x = rng.uniform(size=(6, 28, 28, 1)).astype("float32")
    y = np.arange(6) % 3
    u = rng.uniform(size=(9, 28, 28, 1)).astype("float32")
    model = ssgan.make_ssgan(num_classes=3, latent_dim=8, seed=0, lr=1e-3, decay_steps=7)
    ssgan.train_ssgan(model, x, y, u, steps=7, batch_size=4, chunk=3)
    assert int(model.d_optimizer.iterations) == 7 == int(model.g_optimizer.iterations)
    rate = float(model.d_optimizer.learning_rate)  # after its 7 steps: the floor
    assert rate == pytest.approx(1e-6, rel=1e-3)
    with pytest.raises(ValueError, match="steps must be a positive int"):
        ssgan.train_ssgan(model, x, y, u, steps=0)
    with pytest.raises(ValueError, match="one label per labelled image"):
        ssgan.train_ssgan(model, x, y[:5], u, steps=1)
    with pytest.raises(ValueError, match="decay_steps must be None or a positive int"):
        ssgan.make_ssgan(decay_steps=0)


def test_does_label_shift_move_only_the_labelled_images_and_survive_saving(tmp_path):
    rng = np.random.default_rng(8)
    x = np.zeros((4, 28, 28, 1), "float32")
    x[:, 10:18, 10:18] = 1.0
    y = np.array([0, 1, 2, 0])
    u = rng.uniform(size=(4, 28, 28, 1)).astype("float32")

    def trained(shift):
        model = ssgan.make_ssgan(num_classes=3, latent_dim=8, seed=3, label_shift=shift)
        model.train_step((x, y, u))
        return [w.numpy() for w in model.discriminator.trainable_weights], model

    plain, _ = trained(0)
    again, _ = trained(0)
    shifted, model = trained(2)
    assert all(np.array_equal(a, b) for a, b in zip(plain, again, strict=True))
    assert not all(np.allclose(a, b) for a, b in zip(plain, shifted, strict=True))
    model.save(tmp_path / "m.keras")
    assert keras.saving.load_model(tmp_path / "m.keras").label_shift == 2
    g, d = model.generator, model.discriminator
    with pytest.raises(ValueError, match="label_shift must be an int >= 0"):
        ssgan.SemiSupervisedGAN(g, d, latent_dim=8, label_shift=-1)


def _twins(weight):
    """Two copies of one tiny noiseless model with ``unsupervised_weight=weight``."""
    models = []
    for _ in range(2):
        keras.utils.set_random_seed(3)
        model = ssgan.SemiSupervisedGAN(
            ssgan.build_ssgan_generator(8, (6, 6, 1), hidden=(16,)),
            ssgan.build_ssgan_discriminator((6, 6, 1), 3, hidden=(16, 12), noise=(0.0, 0.0)),
            latent_dim=8,
            seed=0,
            unsupervised_weight=weight,
        )
        model.compile()
        models.append(model)
    models[1].set_weights(models[0].get_weights())
    return models


@pytest.mark.parametrize("weight", [0.0, 1.0])
def test_does_the_ablation_learn_from_the_labelled_images_alone(weight):
    rng = np.random.default_rng(6)
    x = rng.uniform(size=(6, 6, 6, 1)).astype("float32")
    y = np.array([0, 1, 2, 0, 1, 2], "int32")
    one, other = _twins(weight)
    g_before = [w.copy() for w in one.generator.get_weights()]
    for _ in range(3):  # the same labelled batch, different unlabelled images
        one.train_step((x, y, rng.uniform(size=(6, 6, 6, 1)).astype("float32")))
        other.train_step((x, y, rng.uniform(size=(6, 6, 6, 1)).astype("float32")))
    same_d = all(
        np.allclose(a, b)
        for a, b in zip(
            one.discriminator.get_weights(), other.discriminator.get_weights(), strict=True
        )
    )
    g_moved = any(
        not np.allclose(a, b) for a, b in zip(g_before, one.generator.get_weights(), strict=True)
    )
    d_moved = any(
        not np.allclose(a, b)
        for a, b in zip(
            _twins(weight)[0].discriminator.get_weights(),
            one.discriminator.get_weights(),
            strict=True,
        )
    )
    assert d_moved  # the labelled loss trains the discriminator either way
    if weight == 0.0:  # the unlabelled and generated images do not reach it, nor is G trained
        assert same_d and not g_moved
    else:
        assert not same_d and g_moved
