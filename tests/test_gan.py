import keras
import numpy as np
import pytest
from keras import ops

from gencourse import toy
from gencourse.models import gan as gan_lib
from gencourse.models.gan import (
    GAN,
    build_discriminator,
    build_generator,
    load_gan,
    make_gan,
)


def np_(x):
    return ops.convert_to_numpy(x)


def small_gan(seed=0, dropout=0.0):
    keras.utils.set_random_seed(seed)
    gan = GAN(build_generator(8), build_discriminator(dropout=dropout), latent_dim=8, seed=seed)
    gan.compile()
    return gan


def images(n, seed=0):
    return np.random.default_rng(seed).uniform(size=(n, 28, 28, 1)).astype("float32")


def weights_of(model):
    return [np.array(w) for w in model.get_weights()]


def changed(before, after):
    return any(not np.array_equal(a, b) for a, b in zip(before, after, strict=True))


# --- the losses, by hand ----------------------------------------------------------


def test_does_the_discriminator_loss_match_a_hand_computed_value():
    d_real, d_fake = np.array([0.9, 0.6]), np.array([0.2, 0.3])
    by_hand = -(np.log(0.9) + np.log(0.6) + np.log(0.8) + np.log(0.7)) / 4
    got = np_(gan_lib.discriminator_loss(d_real, d_fake, from_logits=False))
    np.testing.assert_allclose(got, by_hand, rtol=1e-6)


def test_do_the_logit_and_probability_forms_of_the_losses_agree():
    rng = np.random.default_rng(0)
    real, fake = (rng.normal(scale=3, size=(7, 1)).astype("float32") for _ in range(2))
    p = lambda z: 1 / (1 + np.exp(-z.astype("float64")))  # noqa: E731
    pairs = [
        (
            gan_lib.discriminator_loss(real, fake),
            gan_lib.discriminator_loss(p(real), p(fake), False),
        ),
        (gan_lib.generator_loss(fake), gan_lib.generator_loss(p(fake), False)),
    ]
    for from_logits, from_probs in pairs:
        np.testing.assert_allclose(np_(from_logits), np_(from_probs), rtol=1e-4)


def test_is_the_logit_loss_stable_for_huge_logits():
    loss = np_(gan_lib.discriminator_loss(np.array([80.0]), np.array([-90.0])))
    assert np.isfinite(loss) and loss < 1e-6


def test_is_the_generator_loss_non_saturating():
    # When D rejects the fakes (D(G(z)) near 0) the loss is large, not near 0.
    assert np_(gan_lib.generator_loss(np.array([1e-4]), from_logits=False)) > 9
    np.testing.assert_allclose(
        np_(gan_lib.generator_loss(np.array([0.25, 0.5]), from_logits=False)),
        -(np.log(0.25) + np.log(0.5)) / 2,
        rtol=1e-6,
    )


# --- batches ----------------------------------------------------------------------


def test_does_the_mixed_batch_hold_n_real_then_n_fake_with_their_targets():
    real, fake = images(5, 1), images(5, 2)
    mixed, targets = gan_lib.mixed_batch(real, fake)
    np.testing.assert_array_equal(np_(mixed)[:5], real)
    np.testing.assert_array_equal(np_(mixed)[5:], fake)
    np.testing.assert_array_equal(np_(targets), np.r_[np.ones(5), np.zeros(5)][:, None])


def test_does_the_gans_discriminator_batch_mix_real_and_generated_images():
    gan = small_gan()
    real, noise = images(6), np.random.default_rng(1).normal(size=(6, 8)).astype("float32")
    mixed, targets = gan.discriminator_batch(real, noise)
    np.testing.assert_array_equal(np_(mixed)[:6], real)
    np.testing.assert_allclose(np_(mixed)[6:], np_(gan.generator(noise)), atol=1e-6)
    assert np_(targets)[:, 0].tolist() == [1.0] * 6 + [0.0] * 6


# --- which weights each step moves ------------------------------------------------


def test_does_each_step_move_only_its_own_network():
    gan = small_gan()
    real = images(8)
    g0, d0 = weights_of(gan.generator), weights_of(gan.discriminator)
    gan.generator_step(8)
    g1, d1 = weights_of(gan.generator), weights_of(gan.discriminator)
    assert changed(g0, g1) and not changed(d0, d1)
    gan.discriminator_step(real)
    g2, d2 = weights_of(gan.generator), weights_of(gan.discriminator)
    assert changed(d1, d2) and not changed(g1, g2)


def test_does_the_reported_d_loss_match_the_discriminator_on_the_mixed_batch():
    gan = small_gan()
    real, noise = images(6), np.random.default_rng(2).normal(size=(6, 8)).astype("float32")
    mixed, _ = gan.discriminator_batch(real, noise)
    logits = np_(gan.discriminator(mixed))[:, 0].astype("float64")
    p = 1 / (1 + np.exp(-logits))
    by_hand = -(np.log(p[:6]).sum() + np.log(1 - p[6:]).sum()) / 12
    loss, probs = gan.discriminator_step(real, noise)  # the loss before the step's update
    np.testing.assert_allclose(np_(loss), by_hand, rtol=1e-4)
    np.testing.assert_allclose(np_(probs), p, rtol=1e-4)


# --- the optimal discriminator on a toy ---------------------------------------------


def test_does_a_trained_toy_discriminator_match_the_optimal_one():
    data = toy.Mixture([-2.0, 2.0], 0.5)
    keras.utils.set_random_seed(0)
    generator = toy.gaussian_generator(0.5, 1.5)  # p_g = N(0.5, 1.5^2), known exactly
    gan = GAN(generator, gan_lib.build_toy_discriminator(1, 64), 1, train_generator=False, seed=0)
    schedule = keras.optimizers.schedules.CosineDecay(3e-3, 12 * 79)
    gan.compile(d_optimizer=keras.optimizers.Adam(schedule))
    gan.fit(data.sample(20_000, seed=0), epochs=12, batch_size=256, verbose=0)
    assert not changed([np.array([[1.5]]), np.array([0.5])], weights_of(generator))
    grid = np.linspace(-4, 4, 161).astype("float32")
    p_data, p_g = data.pdf(grid), toy.gaussian_pdf(grid, 0.5, 1.5)
    d_star = toy.optimal_discriminator(p_data, p_g)
    d_hat = np_(ops.sigmoid(gan.discriminator(grid[:, None])))[:, 0]
    error = np.abs(d_hat - d_star)
    trained_on = (p_data + p_g) / 2  # the density of the points D was trained on
    # Tolerances: measured max 0.03-0.04 and mean 0.011-0.013 over three seeds.
    assert error[trained_on > 0.05].max() < 0.08
    assert (error * trained_on).sum() / trained_on.sum() < 0.025


def test_is_the_optimal_discriminator_one_half_when_the_densities_agree():
    x = np.linspace(-3, 3, 50)
    same = toy.gaussian_pdf(x, 0.0, 1.0)
    np.testing.assert_allclose(toy.optimal_discriminator(same, same), 0.5)


def test_does_the_mixture_density_integrate_to_one_and_match_its_samples():
    data = toy.Mixture([-2.0, 1.0, 3.0], 0.4, weights=[0.5, 0.3, 0.2])
    grid = np.linspace(-6, 7, 5001)
    assert abs(np.trapezoid(data.pdf(grid), grid) - 1) < 1e-6
    samples = data.sample(200_000, seed=0)[:, 0]
    hist, edges = np.histogram(samples, bins=60, range=(-4, 5), density=True)
    centres = (edges[:-1] + edges[1:]) / 2
    np.testing.assert_allclose(hist, data.pdf(centres), atol=0.03)


def test_does_mode_coverage_count_the_modes_samples_reach():
    ring = toy.ring(8)
    assert toy.mode_coverage(ring.sample(4000, seed=0), ring).modes_covered == 8
    one_mode = ring.means[3] + 0.01 * np.random.default_rng(0).normal(size=(500, 2))
    coverage = toy.mode_coverage(one_mode, ring)
    assert coverage.modes_covered == 1 and coverage.counts[3] == 500
    assert toy.mode_coverage(np.zeros((100, 2)), ring).share_near == 0


# --- fit, save, load, seeds ---------------------------------------------------------


def test_does_a_gan_fit_and_report_its_metrics():
    gan = small_gan()
    history = gan.fit(images(64), epochs=1, batch_size=32, verbose=0).history
    assert set(history) == {"d_loss", "g_loss", "d_real", "d_fake"}
    assert all(np.isfinite(v[-1]) for v in history.values())
    assert 0 <= history["d_real"][-1] <= 1 and 0 <= history["d_fake"][-1] <= 1


def test_does_generate_feed_the_generator_the_noise_its_seed_names():
    gan = small_gan()
    noise = gan.noise(3, seed=5)
    assert noise.shape == (3, 8) and noise.dtype == np.float32
    np.testing.assert_array_equal(noise, gan.noise(3, seed=5))
    assert not np.allclose(noise, gan.noise(3, seed=6))
    np.testing.assert_allclose(np_(gan.generator(noise)), gan.generate(3, seed=5), atol=1e-5)


@pytest.mark.parametrize(
    "n, seed, match",
    [
        (3, -1, "seed must be None or an int >= 0"),
        (-1, 0, "n must be an int >= 0"),
        (3, 1.5, r"Received: seed=1\.5"),
    ],
)
def test_is_a_bad_noise_request_refused(n, seed, match):
    with pytest.raises(ValueError, match=match):
        small_gan().noise(n, seed=seed)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"latent_dim": 0}, "latent_dim"),
        ({"image_shape": (30, 30, 1)}, "divisible by 4"),
        ({"num_classes": 1}, "num_classes"),
    ],
)
def test_do_bad_sizes_get_clear_errors(kwargs, match):
    args = {"latent_dim": 8, "image_shape": (28, 28, 1), "num_classes": None, **kwargs}
    with pytest.raises(ValueError, match=match):
        build_generator(**args)


def test_does_a_saved_gan_generate_the_same_images_after_loading(tmp_path):
    gan = small_gan()
    gan.fit(images(32), epochs=1, batch_size=16, verbose=0)
    path = tmp_path / f"{gan.name}.keras"
    gan.save(path)
    loaded = load_gan(path)
    assert type(loaded) is GAN
    np.testing.assert_allclose(loaded.generate(5, seed=7), gan.generate(5, seed=7), atol=1e-6)


def test_do_the_same_seeds_reproduce_training():
    x = images(64)
    runs = []
    for _ in range(2):
        gan = make_gan(latent_dim=8, seed=3)
        gan.fit(x, epochs=1, batch_size=32, verbose=0, shuffle=False)
        runs.append(gan.generate(10, seed=1))
    np.testing.assert_allclose(runs[0], runs[1], atol=1e-6)
    other = make_gan(latent_dim=8, seed=4).generate(3, seed=1)
    assert other.shape == (3, 28, 28, 1)
    assert not np.allclose(make_gan(latent_dim=8, seed=5).generate(3, seed=1), other)


def test_does_a_frozen_generator_stay_put_while_the_discriminator_learns():
    keras.utils.set_random_seed(0)
    gan = GAN(build_generator(8), build_discriminator(), latent_dim=8, train_generator=False)
    gan.compile()
    g0, d0 = weights_of(gan.generator), weights_of(gan.discriminator)
    gan.fit(images(32), epochs=1, batch_size=16, verbose=0)
    assert not changed(g0, weights_of(gan.generator))
    assert changed(d0, weights_of(gan.discriminator))


# --- the moving average of the generator's weights (ema) ----------------------------


def toy_gan_with_ema(decay, seed=0):
    keras.utils.set_random_seed(seed)
    gan = GAN(
        gan_lib.build_toy_generator(latent_dim=2, data_dim=1, hidden=4),
        gan_lib.build_toy_discriminator(data_dim=1, hidden=4),
        latent_dim=2,
        seed=seed,
        ema=decay,
    )
    gan.compile()
    return gan


class RecordWeights(keras.callbacks.Callback):
    """The generator's weights before training and after every step."""

    def __init__(self, gan):
        super().__init__()
        self.gan, self.steps = gan, []

    def on_train_begin(self, logs=None):
        self.steps.append(weights_of(self.gan.generator))

    def on_train_batch_end(self, batch, logs=None):
        self.steps.append(weights_of(self.gan.generator))


def test_are_the_ema_weights_the_closed_form_running_average():
    decay = 0.8
    gan = toy_gan_with_ema(decay)
    record = RecordWeights(gan)
    points = np.random.default_rng(0).normal(size=(48, 1)).astype("float32")
    gan.fit(points, epochs=2, batch_size=8, verbose=0, shuffle=False, callbacks=[record])
    w = record.steps  # w[0]: initial weights, w[t]: after step t
    steps = len(w) - 1
    assert steps == 12
    for i, average in enumerate(gan.ema_weights):
        # e_T = d^T w_0 + sum_t (1 - d) d^(T - t) w_t
        expected = decay**steps * w[0][i] + sum(
            (1 - decay) * decay ** (steps - t) * w[t][i] for t in range(1, steps + 1)
        )
        np.testing.assert_allclose(np_(average), expected, rtol=1e-4, atol=1e-6)


def test_does_generate_use_the_averaged_weights_unless_asked_not_to():
    gan = toy_gan_with_ema(0.9)
    points = np.random.default_rng(0).normal(size=(64, 1)).astype("float32")
    gan.fit(points, epochs=2, batch_size=16, verbose=0)
    noise = gan.noise(5, seed=3)
    averaged = keras.models.clone_model(gan.generator)
    averaged.set_weights([np_(v) for v in gan.ema_weights])
    np.testing.assert_allclose(gan.generate(5, seed=3), np_(averaged(noise)), rtol=1e-5)
    own = np_(gan.generator(noise))
    np.testing.assert_allclose(gan.generate(5, seed=3, use_ema=False), own, rtol=1e-5)
    assert not np.allclose(gan.generate(5, seed=3), own)


def test_does_a_gan_without_ema_keep_no_average_and_train_as_before():
    plain, with_ema = small_gan(seed=1), None
    keras.utils.set_random_seed(1)
    with_ema = GAN(
        build_generator(8), build_discriminator(dropout=0.0), latent_dim=8, seed=1, ema=0.5
    )
    with_ema.compile()
    assert plain.ema_weights == [] and plain.ema_generator is None
    assert len(plain.weights) + len(plain.generator.weights) == len(with_ema.weights)
    x = images(32)
    plain.fit(x, epochs=1, batch_size=16, verbose=0, shuffle=False)
    with_ema.fit(x, epochs=1, batch_size=16, verbose=0, shuffle=False)
    for a, b in zip(weights_of(plain.generator), weights_of(with_ema.generator), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)  # the average never trains


@pytest.mark.parametrize("ema", [1.0, -0.1, True, "0.9"])
def test_is_a_bad_ema_decay_refused(ema):
    with pytest.raises((ValueError, TypeError)):
        GAN(build_generator(8), build_discriminator(), latent_dim=8, ema=ema)


def test_does_a_saved_gan_keep_its_average(tmp_path):
    gan = toy_gan_with_ema(0.7)
    gan.fit(np.ones((32, 1), "float32"), epochs=1, batch_size=8, verbose=0)
    gan.save(tmp_path / "gan.keras")
    loaded = load_gan(tmp_path / "gan.keras")
    assert loaded.ema == 0.7
    np.testing.assert_allclose(loaded.generate(4, seed=1), gan.generate(4, seed=1), rtol=1e-5)


def test_does_real_target_smooth_only_the_real_images_targets():
    keras.utils.set_random_seed(0)
    gan = GAN(build_generator(8), build_discriminator(dropout=0.0), latent_dim=8, real_target=0.9)
    gan.compile()
    real, noise = images(6), np.random.default_rng(2).normal(size=(6, 8)).astype("float32")
    mixed, _ = gan.discriminator_batch(real, noise)
    p = 1 / (1 + np.exp(-np_(gan.discriminator(mixed))[:, 0].astype("float64")))
    # real: target 0.9, so BCE = -(0.9 log p + 0.1 log(1 - p)); fake: target 0
    real_bce = -(0.9 * np.log(p[:6]) + 0.1 * np.log(1 - p[:6]))
    by_hand = (real_bce.sum() - np.log(1 - p[6:]).sum()) / 12
    loss, _ = gan.discriminator_step(real, noise)
    np.testing.assert_allclose(np_(loss), by_hand, rtol=1e-4)
    with pytest.raises(ValueError, match="real_target"):
        GAN(build_generator(8), build_discriminator(), latent_dim=8, real_target=0.3)


def test_does_make_gan_pass_its_options_on():
    gan = make_gan(
        8, seed=0, ema=0.9, real_target=0.9, discriminator_width=16, generator_learning_rate=2e-3
    )
    assert gan.ema == 0.9 and gan.real_target == 0.9
    assert gan.discriminator.layers[1].filters == 16
    assert float(gan.g_optimizer.learning_rate) == pytest.approx(2e-3)
    assert float(gan.d_optimizer.learning_rate) == pytest.approx(1e-3)
    plain = make_gan(8, seed=0)
    assert plain.ema is None and plain.real_target == 1.0
    assert plain.discriminator.layers[1].filters == 32


def _dense_units(model):
    return [layer.units for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def _dropout_rates(model):
    return [layer.rate for layer in model.layers if isinstance(layer, keras.layers.Dropout)]


def test_do_the_discriminators_hidden_layer_and_dropout_follow_make_gans_options():
    plain = make_gan(8, seed=0).discriminator
    assert _dense_units(plain) == [1] and _dropout_rates(plain) == [0.3]
    headed = make_gan(8, seed=0, discriminator_hidden=24, discriminator_dropout=0.5).discriminator
    assert _dense_units(headed) == [24, 1] and _dropout_rates(headed) == [0.5]
    assert headed.get_layer("logit").input.shape[-1] == 24
    for bad in (0, 2.5, True):
        with pytest.raises(ValueError, match="hidden"):
            build_discriminator(hidden=bad)
    for bad in (1.0, -0.1, "0.5"):
        with pytest.raises(ValueError, match="dropout"):
            build_discriminator(dropout=bad)
