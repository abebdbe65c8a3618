import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import ops

from gencourse.models import VAE, Sampling, build_decoder, build_encoder
from gencourse.models import vae as vae_lib


def np_(x):
    return ops.convert_to_numpy(x)


# --- the KL divergence --------------------------------------------------------


def test_is_the_kl_zero_for_the_standard_normal_itself():
    assert np_(vae_lib.kl_divergence(np.zeros((3, 4)), np.zeros((3, 4)))).tolist() == [0.0] * 3


def test_does_the_kl_match_hand_computed_values():
    # 1-D: 0.5 * (mu^2 + s2 - log s2 - 1). mu=1, s2=1 -> 0.5; mu=0, s2=e -> 0.5 * (e - 2).
    z_mean = np.array([[1.0], [0.0], [2.0]])
    z_log_var = np.array([[0.0], [1.0], [np.log(0.25)]])
    expected = [0.5, 0.5 * (np.e - 2.0), 0.5 * (4.0 + 0.25 - np.log(0.25) - 1.0)]
    np.testing.assert_allclose(np_(vae_lib.kl_divergence(z_mean, z_log_var)), expected, rtol=1e-6)


def test_does_the_closed_form_kl_match_a_monte_carlo_estimate():
    rng = np.random.default_rng(0)
    mu = np.array([0.7, -1.2, 0.1])
    log_var = np.array([-0.4, 0.6, -1.5])
    z = mu + np.exp(0.5 * log_var) * rng.standard_normal((400_000, 3))
    log_q = -0.5 * np.sum(np.log(2 * np.pi) + log_var + (z - mu) ** 2 / np.exp(log_var), axis=1)
    log_p = -0.5 * np.sum(np.log(2 * np.pi) + z**2, axis=1)
    estimate = np.mean(log_q - log_p)
    standard_error = np.std(log_q - log_p) / np.sqrt(len(z))
    closed = float(np_(vae_lib.kl_divergence(mu[None], log_var[None]))[0])
    assert abs(estimate - closed) < 5 * standard_error


def test_is_the_kl_additive_over_latent_dimensions():
    rng = np.random.default_rng(1)
    m, lv = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    per_dim = sum(np_(vae_lib.kl_divergence(m[:, j : j + 1], lv[:, j : j + 1])) for j in range(3))
    np.testing.assert_allclose(np_(vae_lib.kl_divergence(m, lv)), per_dim, rtol=1e-6)


def test_does_the_reconstruction_loss_equal_keras_bce_times_pixels():
    rng = np.random.default_rng(2)
    x = rng.uniform(size=(4, 28, 28, 1)).astype("float32")
    p = rng.uniform(0.05, 0.95, size=(4, 28, 28, 1)).astype("float32")
    keras_mean = np_(keras.losses.binary_crossentropy(x.reshape(4, -1), p.reshape(4, -1)))
    np.testing.assert_allclose(
        np_(vae_lib.reconstruction_loss(x, p)), keras_mean.mean() * 784, rtol=1e-4
    )


def test_does_beta_weight_only_the_kl_term():
    rng = np.random.default_rng(3)
    x = rng.uniform(size=(2, 4, 4, 1))
    p = rng.uniform(0.1, 0.9, size=(2, 4, 4, 1))
    m, lv = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    rec = float(np_(vae_lib.reconstruction_loss(x, p)))
    kl = float(np_(vae_lib.kl_divergence(m, lv)).mean())
    assert float(np_(vae_lib.vae_loss(x, p, m, lv, beta=0.0))) == pytest.approx(rec)
    assert float(np_(vae_lib.vae_loss(x, p, m, lv, beta=2.5))) == pytest.approx(rec + 2.5 * kl)


# --- the sampling layer ---------------------------------------------------------


def test_do_gradients_flow_through_sampling_to_mean_and_log_var():
    layer = Sampling(seed=3)
    z_mean = tf.Variable(np.zeros((4, 2), "float32"))
    z_log_var = tf.Variable(np.full((4, 2), 0.4, "float32"))
    with tf.GradientTape() as tape:
        z = layer([z_mean, z_log_var])
        total = tf.reduce_sum(z)
    d_mean, d_log_var = tape.gradient(total, [z_mean, z_log_var])
    # z = mu + exp(lv / 2) * eps, so dz/dmu = 1 and dz/dlv = 0.5 * exp(lv / 2) * eps.
    eps = (z.numpy() - 0.0) / np.exp(0.2)
    np.testing.assert_allclose(d_mean.numpy(), np.ones((4, 2)))
    np.testing.assert_allclose(d_log_var.numpy(), 0.5 * np.exp(0.2) * eps, rtol=1e-5)
    assert np.all(np.abs(d_log_var.numpy()) > 0)


def test_does_sampling_draw_from_the_right_normal():
    n = 200_000
    z = np_(Sampling(seed=0)([ops.full((n, 1), 1.5), ops.full((n, 1), -1.0)]))
    assert z.mean() == pytest.approx(1.5, abs=0.01)
    assert z.std() == pytest.approx(np.exp(-0.5), rel=0.01)


def test_does_the_same_seed_give_the_same_draws():
    inputs = [ops.zeros((3, 2)), ops.zeros((3, 2))]
    a, b = np_(Sampling(seed=7)(inputs)), np_(Sampling(seed=7)(inputs))
    c = np_(Sampling(seed=8)(inputs))
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)


def test_is_a_bad_seed_refused():
    with pytest.raises(ValueError, match="Received: seed='x'"):
        Sampling(seed="x")


# --- encoder, decoder, model ----------------------------------------------------


def test_do_encoder_and_decoder_have_the_documented_shapes():
    encoder = build_encoder(latent_dim=3)
    z_mean, z_log_var = encoder(np.zeros((5, 28, 28, 1), "float32"))
    assert z_mean.shape == (5, 3) and z_log_var.shape == (5, 3)
    images = build_decoder(latent_dim=3)(np.zeros((5, 3), "float32"))
    assert images.shape == (5, 28, 28, 1)
    values = np_(images)
    assert values.min() >= 0.0 and values.max() <= 1.0


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"latent_dim": 0}, "latent_dim"),
        ({"image_shape": (28, 28)}, "image_shape"),
        ({"hidden_units": ()}, "hidden_units"),
        ({"beta": -1.0}, "beta"),
    ],
)
def test_are_bad_sizes_refused_with_the_value_received(kwargs, match):
    with pytest.raises(ValueError, match=f"{match}.*Received"):
        VAE(**kwargs)


def _tiny_data(n=64, seed=0):
    return np.random.default_rng(seed).uniform(size=(n, 8, 8, 1)).astype("float32")


def _tiny_vae(seed=1, **kwargs):
    keras.utils.set_random_seed(seed)
    vae = VAE(latent_dim=2, image_shape=(8, 8, 1), hidden_units=(16,), seed=seed, **kwargs)
    vae.compile(optimizer=keras.optimizers.Adam(1e-3))
    return vae


def test_does_one_epoch_of_fit_record_the_three_losses():
    x = _tiny_data()
    history = _tiny_vae().fit(x, epochs=1, batch_size=16, validation_data=(x,), verbose=0)
    assert set(history.history) == {
        "loss",
        "reconstruction_loss",
        "kl_loss",
        "val_loss",
        "val_reconstruction_loss",
        "val_kl_loss",
    }
    h = {k: v[0] for k, v in history.history.items()}
    assert h["kl_loss"] >= 0
    # The tracked total is the batch-mean of reconstruction + beta * KL.
    assert h["loss"] == pytest.approx(h["reconstruction_loss"] + h["kl_loss"], rel=1e-4)


def test_does_training_lower_the_loss_on_real_digits():
    from gencourse import data

    x = data.load("digits8x8").x_train[:512]
    history = _tiny_vae().fit(x, epochs=15, batch_size=32, verbose=0)
    losses = history.history["loss"]
    assert losses[-1] < 0.9 * losses[0]


def test_does_the_same_seed_reproduce_training():
    # Multithreaded float sums may differ in the last bits between runs, so the
    # comparison allows 1e-5 relative; another seed must differ far more.
    x = _tiny_data()

    def run(seed):
        vae = _tiny_vae(seed=seed)
        history = vae.fit(x, epochs=2, batch_size=16, verbose=0, shuffle=False).history
        return np.array(history["loss"]), vae.get_weights()

    (loss_a, weights_a), (loss_b, weights_b) = run(5), run(5)
    loss_c, _ = run(6)
    np.testing.assert_allclose(loss_a, loss_b, rtol=1e-5)
    for wa, wb in zip(weights_a, weights_b, strict=True):
        np.testing.assert_allclose(wa, wb, rtol=1e-4, atol=1e-6)
    assert np.max(np.abs(loss_a - loss_c) / loss_a) > 1e-3


def test_does_a_saved_and_loaded_vae_give_the_same_outputs(tmp_path):
    x = _tiny_data(32)
    vae = _tiny_vae(beta=0.5)
    vae.fit(x, epochs=1, batch_size=16, verbose=0)
    path = tmp_path / "vae.keras"
    vae.save(path)
    loaded = vae_lib.load_vae(path)
    assert loaded.get_config()["beta"] == 0.5 and loaded.latent_dim == 2
    np.testing.assert_allclose(np_(loaded(x)), np_(vae(x)), atol=1e-6)
    z = np.random.default_rng(0).normal(size=(5, 2)).astype("float32")
    np.testing.assert_allclose(loaded.decode(z), vae.decode(z), atol=1e-6)


def test_does_sample_decode_draws_from_the_prior():
    vae = _tiny_vae()
    images = vae.sample(7, seed=3)
    assert images.shape == (7, 8, 8, 1)
    np.testing.assert_array_equal(images, vae.sample(7, seed=3))


# --- the code density: drawing z from where the training codes are -----------------


def test_is_an_unfitted_code_density_the_standard_normal():
    density = vae_lib.CodeDensity(latent_dim=3)
    z = density.sample(20_000, seed=0)
    assert z.shape == (20_000, 3) and z.dtype == np.float32
    np.testing.assert_allclose(z.mean(0), 0, atol=0.03)
    np.testing.assert_allclose(np.cov(z, rowvar=False), np.eye(3), atol=0.04)


def test_does_a_fitted_code_density_draw_like_the_codes_it_was_fitted_to():
    # Codes from two well-separated Gaussians with known weights, means and spreads.
    rng = np.random.default_rng(1)
    which = rng.uniform(size=6000) < 0.3
    codes = np.where(which[:, None], [4.0, -2.0], [-1.0, 1.0]) + rng.normal(
        size=(6000, 2)
    ) * np.where(which[:, None], 0.5, [1.0, 0.2])
    density = vae_lib.CodeDensity(latent_dim=2, components=2).fit(codes, seed=0)
    z = density.sample(20_000, seed=2)
    near_first = z[:, 0] > 1.5  # the first Gaussian's side
    assert np.mean(near_first) == pytest.approx(0.3, abs=0.02)
    np.testing.assert_allclose(z[near_first].mean(0), [4.0, -2.0], atol=0.05)
    np.testing.assert_allclose(z[~near_first].std(0), [1.0, 0.2], rtol=0.05)
    assert np.array_equal(density.sample(5, seed=3), density.sample(5, seed=3))


def test_does_sample_from_codes_decode_draws_of_the_fitted_density(tmp_path):
    vae = VAE(latent_dim=2, hidden_units=(16,), seed=0)
    images = np.random.default_rng(0).uniform(size=(64, 28, 28, 1)).astype("float32")
    vae.fit_code_density(images)
    z = vae.code_density.sample(6, seed=4)
    np.testing.assert_allclose(vae.sample(6, seed=4, from_codes=True), vae.decode(z), rtol=1e-6)
    z_mean, _ = vae.encode(images)
    assert np.abs(z.mean(0) - z_mean.mean(0)).max() < 3 * z_mean.std(0).max()
    vae.save(tmp_path / "vae.keras")
    loaded = vae_lib.load_vae(tmp_path / "vae.keras")
    np.testing.assert_allclose(
        loaded.sample(6, seed=4, from_codes=True), vae.sample(6, seed=4, from_codes=True), rtol=1e-5
    )
