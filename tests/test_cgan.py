"""Does the conditional GAN (gencourse.models.cgan) judge pairs, train and load as lesson 04 says?

The plain GAN it builds on is tested in test_gan.py, whose small helpers these tests share.
"""

import keras
import numpy as np
import pytest
from test_gan import changed, images, np_, weights_of

from gencourse.models import cgan as cgan_lib
from gencourse.models import gan as gan_lib
from gencourse.models.cgan import ConditionalGAN, make_conditional_gan
from gencourse.models.gan import build_discriminator, build_generator, load_gan


def small_cgan(seed=0, mismatched=True, dropout=0.0, num_classes=4):
    keras.utils.set_random_seed(seed)
    gan = ConditionalGAN(
        build_generator(8, num_classes=num_classes),
        build_discriminator(num_classes=num_classes, dropout=dropout),
        latent_dim=8,
        num_classes=num_classes,
        mismatched=mismatched,
        seed=seed,
    )
    gan.compile()
    return gan


# --- the loss and the wrong labels, by hand ---------------------------------------


def test_do_the_logit_and_probability_forms_of_the_conditional_loss_agree():
    rng = np.random.default_rng(0)
    real, fake, wrong = (rng.normal(scale=3, size=(7, 1)).astype("float32") for _ in range(3))
    p = lambda z: 1 / (1 + np.exp(-z.astype("float64")))  # noqa: E731
    np.testing.assert_allclose(
        np_(cgan_lib.conditional_discriminator_loss(real, wrong, fake)),
        np_(cgan_lib.conditional_discriminator_loss(p(real), p(wrong), p(fake), False)),
        rtol=1e-4,
    )


def test_does_the_conditional_loss_count_mismatched_pairs_as_fake():
    one = np.array([0.7])
    got = np_(cgan_lib.conditional_discriminator_loss(one, one, one, from_logits=False))
    np.testing.assert_allclose(got, -(np.log(0.7) + 2 * np.log(0.3)) / 3, rtol=1e-6)


def test_does_the_conditional_loss_reduce_to_the_plain_one_without_mismatched_pairs():
    real, fake = np.array([0.9, 0.6]), np.array([0.2, 0.3])
    np.testing.assert_allclose(
        np_(cgan_lib.conditional_discriminator_loss(real, np.zeros((0,)), fake, False)),
        np_(gan_lib.discriminator_loss(real, fake, False)),
        rtol=1e-6,
    )


def test_does_the_condition_input_append_the_one_hot_label_to_the_noise():
    noise = np.arange(6, dtype="float32").reshape(2, 3)
    got = np_(cgan_lib.condition_input(noise, np.array([[2], [0]]), 4))
    np.testing.assert_array_equal(got, [[0, 1, 2, 0, 0, 1, 0], [3, 4, 5, 1, 0, 0, 0]])


def test_do_mismatched_labels_never_keep_the_true_label_and_cover_the_others():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, size=20_000)
    offsets = rng.integers(0, 9, size=20_000)
    wrong = np_(cgan_lib.mismatched_labels(labels, offsets, 10))
    assert np.all(wrong != labels) and wrong.min() >= 0 and wrong.max() <= 9
    for k in range(10):  # uniform over the 9 other classes
        share = np.bincount(wrong[labels == k], minlength=10) / np.sum(labels == k)
        assert share[k] == 0
        np.testing.assert_allclose(np.delete(share, k), 1 / 9, atol=0.03)


@pytest.mark.parametrize("mismatched", [True, False])
def test_does_the_cgans_discriminator_batch_hold_the_right_pairs(mismatched):
    gan = small_cgan(mismatched=mismatched)
    real, labels = images(8), np.arange(8) % 4
    mixed, conditions, targets = (np_(a) for a in gan.discriminator_batch(real, labels))
    conditions, targets = conditions[:, 0], targets[:, 0]
    np.testing.assert_array_equal(mixed[:8], real)
    assert conditions[:16].tolist() == labels.tolist() * 2
    assert targets[:16].tolist() == [1.0] * 8 + [0.0] * 8
    if mismatched:
        assert len(mixed) == 24
        np.testing.assert_array_equal(mixed[16:], real)
        assert np.all(conditions[16:] != labels) and np.all(targets[16:] == 0)
    else:
        assert len(mixed) == 16


# --- which weights each step moves ------------------------------------------------


def test_does_each_conditional_step_move_only_its_own_network():
    gan = small_cgan()
    real, labels = images(8), np.arange(8) % 4
    g0, d0 = weights_of(gan.generator), weights_of(gan.discriminator)
    gan.generator_step(labels)
    g1, d1 = weights_of(gan.generator), weights_of(gan.discriminator)
    assert changed(g0, g1) and not changed(d0, d1)
    gan.discriminator_step(real, labels)
    g2, d2 = weights_of(gan.generator), weights_of(gan.discriminator)
    assert changed(d1, d2) and not changed(g1, g2)


def test_does_a_frozen_conditional_generator_stay_put_while_the_discriminator_learns():
    keras.utils.set_random_seed(0)
    gan = ConditionalGAN(
        build_generator(8, num_classes=4),
        build_discriminator(num_classes=4),
        latent_dim=8,
        num_classes=4,
        train_generator=False,
    )
    gan.compile()
    g0, d0 = weights_of(gan.generator), weights_of(gan.discriminator)
    gan.fit(images(32), np.arange(32) % 4, epochs=1, batch_size=16, verbose=0)
    assert not changed(g0, weights_of(gan.generator))
    assert changed(d0, weights_of(gan.discriminator))


# --- fit, generate, save, load, seeds -------------------------------------------------


def test_does_a_conditional_gan_fit_with_and_without_mismatched_pairs():
    for mismatched in (True, False):
        gan = small_cgan(mismatched=mismatched)
        history = gan.fit(images(64), np.arange(64) % 4, epochs=1, batch_size=32, verbose=0)
        assert set(history.history) == {"d_loss", "g_loss", "d_real", "d_fake", "d_mismatched"}
        assert all(np.isfinite(v[-1]) for v in history.history.values())


def test_does_a_conditional_gan_refuse_images_without_labels():
    with pytest.raises(ValueError, match="images, labels"):
        small_cgan().fit(images(8), epochs=1, verbose=0)


def test_does_generate_feed_the_generator_the_noise_its_seed_and_labels_name():
    cgan = small_cgan()
    labels = np.array([[0], [3]], "int32")
    np.testing.assert_allclose(
        np_(cgan.generator([cgan.noise(2, seed=5), labels])),
        cgan.generate([0, 3], seed=5),
        atol=1e-5,
    )


def test_does_generate_refuse_labels_out_of_range():
    with pytest.raises(ValueError, match=r"labels must lie in 0\.\.3"):
        small_cgan().generate([0, 4])


def test_is_a_bad_number_of_classes_refused():
    with pytest.raises(ValueError, match="num_classes must be an int >= 2"):
        ConditionalGAN(build_generator(8), build_discriminator(), latent_dim=8, num_classes=1)


def test_does_a_saved_conditional_gan_generate_the_same_images_after_loading(tmp_path):
    cgan = small_cgan()
    cgan.fit(images(32), np.arange(32) % 4, epochs=1, batch_size=16, verbose=0)
    path = tmp_path / f"{cgan.name}.keras"
    cgan.save(path)
    loaded = load_gan(path)
    assert type(loaded) is ConditionalGAN and loaded.mismatched is True
    labels = [0, 1, 2, 3, 3]
    np.testing.assert_allclose(
        loaded.generate(labels, seed=7), cgan.generate(labels, seed=7), atol=1e-6
    )


def test_do_the_same_seeds_reproduce_conditional_training():
    x, y = images(64), np.arange(64) % 10
    runs = []
    for _ in range(2):
        gan = make_conditional_gan(latent_dim=8, seed=3)
        gan.fit(x, y, epochs=1, batch_size=32, verbose=0, shuffle=False)
        runs.append(gan.generate(np.arange(10), seed=1))
    np.testing.assert_allclose(runs[0], runs[1], atol=1e-6)


def _dense_units(model):
    return [layer.units for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def test_does_the_conditional_discriminator_keep_its_hidden_layer_where_the_label_joins():
    assert _dense_units(build_discriminator(num_classes=10)) == [128, 1]
    assert _dense_units(build_discriminator(num_classes=10, hidden=16)) == [16, 1]
    assert _dense_units(make_conditional_gan(8, seed=0, width=16).discriminator) == [128, 1]
