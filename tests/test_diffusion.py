import keras
import numpy as np
import pytest
from keras import layers, ops

from gencourse.models import diffusion as dm
from gencourse.models.diffusion import (
    DiffusionModel,
    build_toy_denoiser,
    load_diffusion,
    make_diffusion,
)

# --- the schedules ----------------------------------------------------------------


def test_does_the_linear_schedule_start_and_end_at_its_betas_and_decrease_alpha_bar():
    s = dm.linear_schedule(1000)
    assert s.steps == 1000 and s.betas.dtype == np.float64
    assert s.betas[0] == pytest.approx(1e-4) and s.betas[-1] == pytest.approx(0.02)
    np.testing.assert_allclose(s.alphas, 1.0 - s.betas)
    assert np.all(np.diff(s.alpha_bars) < 0)
    # ln alpha_bar_T = sum ln(1 - beta): about -10.1 for DDPM's schedule (Ho et al.: ~4e-5).
    assert s.alpha_bars[-1] == pytest.approx(np.exp(np.sum(np.log1p(-s.betas))))
    assert 3e-5 < s.alpha_bars[-1] < 5e-5


def test_does_the_cosine_schedule_follow_its_formula_where_betas_are_not_clipped():
    steps, s_ = 1000, 0.008
    s = dm.cosine_schedule(steps, s=s_)

    def f(t):
        return np.cos((t / steps + s_) / (1 + s_) * np.pi / 2) ** 2

    for t in (0, 1, 250, 500, 900):  # index t is the paper's timestep t + 1
        assert s.alpha_bars[t] == pytest.approx(f(t + 1) / f(0), rel=1e-9)
    assert np.all(np.diff(s.alpha_bars) < 0) and s.betas.max() == pytest.approx(0.999)
    # Half the signal's variance is gone near the middle, not in the first quarter.
    assert 0.4 < s.alpha_bars[steps // 2] < 0.6


def test_are_bad_schedules_refused_with_the_value_received():
    with pytest.raises(ValueError, match="steps.*Received: steps=0"):
        dm.linear_schedule(0)
    with pytest.raises(ValueError, match="beta_start"):
        dm.linear_schedule(10, beta_start=0.5, beta_end=0.1)
    with pytest.raises(ValueError, match="beta"):
        dm.Schedule(np.array([0.0, 0.1]), np.array([1.0, 0.9]), np.array([1.0, 0.9]))


def test_are_ddim_timesteps_evenly_spaced_from_the_noisiest_to_zero():
    assert dm.ddim_timesteps(5, 1000).tolist() == [999, 749, 500, 250, 0]
    assert dm.ddim_timesteps(1000, 1000).tolist() == list(range(999, -1, -1))
    for steps in (10, 25, 50, 100):
        t = dm.ddim_timesteps(steps, 1000)
        assert len(np.unique(t)) == steps and t[0] == 999 and t[-1] == 0


# --- the forward process ------------------------------------------------------------


def test_does_q_sample_match_noising_step_by_step():
    # Monte Carlo: apply x_t = sqrt(1 - beta_t) x_{t-1} + sqrt(beta_t) eps t + 1 times to
    # many copies of a few pixels; the closed form says the mean is sqrt(alpha_bar_t) x0 and
    # the variance 1 - alpha_bar_t.
    rng = np.random.default_rng(0)
    s = dm.linear_schedule(200, 1e-3, 0.05)
    x0 = np.array([1.0, -0.5, 0.0])
    n = 100_000
    x = np.broadcast_to(x0, (n, 3)).copy()
    for t in range(120):
        x = np.sqrt(1.0 - s.betas[t]) * x + np.sqrt(s.betas[t]) * rng.standard_normal(x.shape)
    t = 119
    closed = dm.q_sample(
        np.broadcast_to(x0, (n, 3)), np.full(n, t), rng.standard_normal((n, 3)), s.alpha_bars
    )
    mean_se = np.sqrt((1 - s.alpha_bars[t]) / n)
    np.testing.assert_allclose(x.mean(0), np.sqrt(s.alpha_bars[t]) * x0, atol=5 * mean_se)
    np.testing.assert_allclose(closed.mean(0), x.mean(0), atol=2 * 5 * mean_se)
    # The variance's standard error is about var * sqrt(2 / n): 5 of them is about 2%.
    np.testing.assert_allclose(x.var(0), 1 - s.alpha_bars[t], rtol=0.025)
    np.testing.assert_allclose(closed.var(0), x.var(0), rtol=0.05)


def test_does_q_sample_index_alpha_bar_per_example_and_broadcast_over_pixels():
    s = dm.linear_schedule(10, 0.1, 0.5)
    x0 = np.ones((2, 3, 3, 1))
    noise = np.zeros((2, 3, 3, 1))
    x_t = dm.q_sample(x0, np.array([0, 9]), noise, s.alpha_bars)
    assert x_t.shape == x0.shape and x_t.dtype == np.float64
    np.testing.assert_allclose(x_t[0], np.sqrt(0.9))
    np.testing.assert_allclose(x_t[1], np.sqrt(s.alpha_bars[9]))
    # An int t: the same timestep for every example.
    np.testing.assert_allclose(dm.q_sample(x0, 3, noise, s.alpha_bars), np.sqrt(s.alpha_bars[3]))
    with pytest.raises(ValueError, match="t must lie in 0..9"):
        dm.q_sample(x0, np.array([0, 10]), noise, s.alpha_bars)
    with pytest.raises(ValueError, match="shape"):
        dm.q_sample(x0, 1, np.zeros((2, 3)), s.alpha_bars)


def test_is_the_loss_the_mean_squared_error_over_every_element():
    noise = np.zeros((2, 2, 2, 1))
    predicted = np.arange(8.0).reshape(2, 2, 2, 1)
    assert dm.diffusion_loss(noise, predicted) == pytest.approx(np.mean(np.arange(8.0) ** 2))
    assert dm.diffusion_loss(predicted, predicted) == 0.0


def test_does_predict_x0_invert_q_sample_given_the_true_noise():
    rng = np.random.default_rng(1)
    s = dm.cosine_schedule(100)
    x0, noise = rng.normal(size=(4, 5, 5, 1)), rng.normal(size=(4, 5, 5, 1))
    t = np.array([0, 10, 50, 98])
    x_t = dm.q_sample(x0, t, noise, s.alpha_bars)
    np.testing.assert_allclose(dm.predict_x0(x_t, noise, s.alpha_bars[t]), x0, atol=1e-9)


def test_does_a_ddim_step_with_the_true_noise_land_on_q_sample_at_the_earlier_step():
    rng = np.random.default_rng(2)
    s = dm.linear_schedule(1000)
    x0, noise = rng.normal(size=(3, 4, 4, 1)), rng.normal(size=(3, 4, 4, 1))
    t, t_prev = np.array([999, 500, 40]), np.array([749, 250, 0])
    x_t = dm.q_sample(x0, t, noise, s.alpha_bars)
    x_prev = dm.ddim_step(x_t, noise, s.alpha_bars[t], s.alpha_bars[t_prev])
    np.testing.assert_allclose(x_prev, dm.q_sample(x0, t_prev, noise, s.alpha_bars), atol=1e-9)
    # The last step (alpha_bar_prev = 1) gives the clean image; scalars broadcast too.
    last = dm.ddim_step(x_t[2:], noise[2:], s.alpha_bars[40], 1.0)
    np.testing.assert_allclose(last, x0[2:], atol=1e-9)


def test_does_guidance_mix_the_two_predictions_linearly():
    rng = np.random.default_rng(3)
    cond, uncond = rng.normal(size=(2, 3, 3, 1)), rng.normal(size=(2, 3, 3, 1))
    np.testing.assert_allclose(dm.guided_noise(cond, uncond, 1.0), cond)
    np.testing.assert_allclose(dm.guided_noise(cond, uncond, 0.0), uncond)
    np.testing.assert_allclose(dm.guided_noise(cond, uncond, 3.0), uncond + 3 * (cond - uncond))
    # Linear in the scale: the midpoint of scales 1 and 5 is scale 3.
    mid = 0.5 * (dm.guided_noise(cond, uncond, 1.0) + dm.guided_noise(cond, uncond, 5.0))
    np.testing.assert_allclose(dm.guided_noise(cond, uncond, 3.0), mid)


# --- the reverse process --------------------------------------------------------------


def test_is_the_ddpm_steps_mean_the_posterior_mean_given_the_true_noise():
    rng = np.random.default_rng(4)
    s = dm.linear_schedule(1000)
    x0, noise = rng.normal(size=(4, 3, 3, 1)), rng.normal(size=(4, 3, 3, 1))
    t = np.array([0, 1, 400, 999])
    x_t = dm.q_sample(x0, t, noise, s.alpha_bars)
    zero = np.zeros_like(x0)
    mean, variance = dm.posterior_mean_variance(x0, x_t, t, s)
    np.testing.assert_allclose(dm.ddpm_step(x_t, t, noise, s, zero), mean, atol=1e-9)
    # The added noise has standard deviation sqrt(beta_t), except at t = 0 where none is added.
    z = rng.normal(size=x0.shape)
    stepped = dm.ddpm_step(x_t, t, noise, s, z)
    np.testing.assert_allclose(stepped[0], mean[0], atol=1e-9)
    np.testing.assert_allclose(
        stepped[1:], mean[1:] + np.sqrt(s.betas[t[1:]]).reshape(-1, 1, 1, 1) * z[1:], atol=1e-9
    )
    assert variance[0].item() == 0.0 and np.all(variance[1:] > 0)
    assert np.all(variance.ravel()[1:] < s.betas[t[1:]])  # beta-tilde is below beta


def test_does_the_posterior_match_bayes_rule_on_a_1d_gaussian():
    # x_{t-1} | x0 ~ N(sqrt(ab_prev) x0, 1 - ab_prev) and x_t | x_{t-1} ~ N(sqrt(a) x_{t-1}, b):
    # the posterior of x_{t-1} is Gaussian with precision 1/v_prior + a/b and mean
    # var * (prior_mean / v_prior + sqrt(a) x_t / b) (the product of two Gaussians).
    s = dm.cosine_schedule(50)
    x0, x_t = 0.7, -0.3
    for t in (1, 10, 30, 49):
        ab_prev, a, b = s.alpha_bars[t - 1], s.alphas[t], s.betas[t]
        v_prior = 1 - ab_prev
        var = 1 / (1 / v_prior + a / b)
        mu = var * (np.sqrt(ab_prev) * x0 / v_prior + np.sqrt(a) * x_t / b)
        mean, variance = dm.posterior_mean_variance(np.array([x0]), np.array([x_t]), t, s)
        assert mean[0] == pytest.approx(mu, rel=1e-9) and variance == pytest.approx(var, rel=1e-9)


def test_does_the_posterior_check_numerically_against_a_grid():
    # Independent of the algebra above: Bayes' rule on a grid of x_{t-1} values.
    s = dm.linear_schedule(100, 1e-3, 0.1)
    t, x0, x_t = 20, 0.4, 0.1
    grid = np.linspace(-4, 4, 200_001)
    prior = -0.5 * (grid - np.sqrt(s.alpha_bars[t - 1]) * x0) ** 2 / (1 - s.alpha_bars[t - 1])
    likelihood = -0.5 * (x_t - np.sqrt(s.alphas[t]) * grid) ** 2 / s.betas[t]
    w = np.exp(prior + likelihood - np.max(prior + likelihood))
    w /= w.sum()
    grid_mean = np.sum(w * grid)
    grid_var = np.sum(w * (grid - grid_mean) ** 2)
    mean, variance = dm.posterior_mean_variance(np.array([x0]), np.array([x_t]), t, s)
    assert mean[0] == pytest.approx(grid_mean, abs=1e-6)
    assert variance == pytest.approx(grid_var, rel=1e-4)


# --- the Keras model ------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="gencourse_tests")
class GaussianOracle(layers.Layer):
    """The optimal noise predictor when every pixel of x0 is N(mean, std^2), independently.

    x_t = a x0 + b eps with a = sqrt(alpha_bar_t), b = sqrt(1 - alpha_bar_t) is jointly
    Gaussian with eps, so E[eps | x_t] = b (x_t - a mean) / (a^2 std^2 + b^2), in closed form.
    """

    def __init__(self, alpha_bars, mean, std, **kwargs):
        super().__init__(**kwargs)
        self.alpha_bars = np.asarray(alpha_bars, "float32")
        self.mean, self.std = float(mean), float(std)

    def call(self, inputs):
        x_t, t, _ = inputs
        shape = (-1,) + (1,) * (len(x_t.shape) - 1)
        alpha_bar = ops.reshape(ops.take(self.alpha_bars, ops.reshape(t, (-1,))), shape)
        a, b = ops.sqrt(alpha_bar), ops.sqrt(1.0 - alpha_bar)
        return b * (x_t - a * self.mean) / (a * a * self.std**2 + b * b)


def oracle_model(mean01, std01, shape=(2, 2, 1), schedule="linear"):
    """A DiffusionModel whose network is the exact predictor for pixels N(mean01, std01^2) in [0, 1]."""
    s = dm.make_schedule(schedule, 1000)
    x_t = keras.Input(shape=shape)
    t = keras.Input(shape=(1,), dtype="int32")
    label = keras.Input(shape=(1,), dtype="int32")
    eps_hat = GaussianOracle(s.alpha_bars, 2 * mean01 - 1, 2 * std01)([x_t, t, label])
    return DiffusionModel(keras.Model([x_t, t, label], eps_hat), num_classes=2, schedule=schedule)


def test_do_both_samplers_land_exactly_on_a_single_point_given_the_exact_noise():
    # Data that is one point (std 0): the exact predictor takes any x_T to it.
    model = oracle_model(0.6, 0.0)
    for method, steps in (("ddim", 10), ("ddpm", 20)):
        x = model.sample(np.zeros(50, int), steps=steps, method=method, guidance=1.0, seed=0)
        np.testing.assert_allclose(x, 0.6, atol=1e-5)


def test_do_samples_with_the_exact_noise_have_the_datas_mean_and_spread():
    # Pixels N(0.6, 0.1^2): DDPM with all 1,000 steps draws from it (std within 3%, the
    # standard error of 8,000 values being 0.8%); deterministic DDIM with few steps
    # shrinks the spread (measured: 0.049 at 10 steps, 0.088 at 50) and more steps bring
    # it closer to the data's.
    model = oracle_model(0.6, 0.1)
    ddpm = model.sample(np.zeros(2000, int), method="ddpm", guidance=1.0, seed=0)
    assert ddpm.mean() == pytest.approx(0.6, abs=0.005)
    assert ddpm.std() == pytest.approx(0.1, rel=0.03)
    spreads = [
        model.sample(np.zeros(2000, int), steps=s, guidance=1.0, seed=1).std() for s in (10, 50)
    ]
    assert spreads[0] < spreads[1] < 0.1 and abs(spreads[1] - 0.1) < 0.02, spreads


def test_does_a_trained_toy_model_learn_the_optimal_noise_predictor():
    # 1-D data x ~ N(0.6, 0.1^2) in [0, 1], i.e. x0 ~ N(0.2, 0.2^2) on the model's [-1, 1]
    # scale: the optimal prediction is linear in x_t (see GaussianOracle). A small MLP
    # trained by DiffusionModel.fit must come close to it (measured: mean absolute error
    # 0.02-0.04 at t >= 200, where the prediction spans about -2..2).
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = (0.6 + 0.1 * rng.standard_normal((20_000, 1))).astype("float32")
    model = DiffusionModel(build_toy_denoiser(1, 1), num_classes=1, seed=0, label_dropout=0.0)
    model.compile(optimizer=keras.optimizers.Adam(3e-3))
    model.fit(x, np.zeros(len(x), "int32"), epochs=6, batch_size=256, verbose=0)
    mean, std = 0.2, 0.2
    for t in (200, 500, 900):
        a, b = np.sqrt(model.schedule.alpha_bars[t]), np.sqrt(1 - model.schedule.alpha_bars[t])
        spread = np.sqrt(a * a * std * std + b * b)
        x_t = np.linspace(a * mean - 2 * spread, a * mean + 2 * spread, 41, dtype="float32")
        predicted = ops.convert_to_numpy(model([x_t[:, None], np.full(41, t), np.zeros(41)]))
        exact = b * (x_t - a * mean) / spread**2
        assert np.mean(np.abs(predicted[:, 0] - exact)) < 0.1, t
        slope = np.polyfit(x_t, predicted[:, 0], 1)[0]
        assert slope == pytest.approx(b / spread**2, rel=0.15), t
    samples = model.sample(np.zeros(2000, int), steps=200, method="ddpm", guidance=1.0, seed=1)
    assert samples.mean() == pytest.approx(0.6, abs=0.02)
    assert samples.std() == pytest.approx(0.1, rel=0.2)


def tiny_model(seed=0, **kwargs):
    return make_diffusion(image_shape=(8, 8, 1), num_classes=3, width=8, seed=seed, **kwargs)


def tiny_digits(n=32, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(size=(n, 8, 8, 1)).astype("float32"), rng.integers(0, 3, n)


def test_does_the_training_batch_noise_with_q_sample_and_drop_labels_at_the_stated_rate():
    model = tiny_model(label_dropout=0.2)
    images = np.full((20_000, 1, 1, 1), 0.75, "float32")  # x0 = 0.5 on the [-1, 1] scale
    x_t, t, labels, noise = (
        ops.convert_to_numpy(v) for v in model.noisy_batch(images, np.ones(20_000, "int32"))
    )
    expected = dm.q_sample(np.full(images.shape, 0.5), t, noise, model.schedule.alpha_bars)
    np.testing.assert_allclose(x_t, expected, atol=1e-5)
    assert t.min() == 0 and t.max() == 999 and abs(t.mean() - 499.5) < 10
    assert set(np.unique(labels)) == {1, 3}  # the label, or the null label (num_classes)
    assert np.mean(labels == 3) == pytest.approx(0.2, abs=0.015)
    assert abs(noise.mean()) < 0.03 and noise.std() == pytest.approx(1.0, abs=0.03)


@pytest.fixture(scope="module")
def fitted():
    """A tiny model fitted on a handful of 8 x 8 'digits' (fitted once: tracing fit takes seconds)."""
    model = tiny_model()
    x, y = tiny_digits(64)
    history = model.fit(x, y, epochs=6, batch_size=32, verbose=0)
    return model, history


def test_does_a_quick_fit_on_a_handful_of_digits_lower_the_loss_it_reports(fitted):
    model, history = fitted
    assert set(history.history) == {"loss"}
    losses = history.history["loss"]
    assert losses[0] < 1.5 and losses[-1] < losses[0], losses


def test_are_samples_in_range_of_the_right_shape_and_fixed_by_their_seed(fitted):
    model, _ = fitted
    for method in ("ddim", "ddpm"):
        a = model.sample([0, 1, 2, 3], steps=4, method=method, seed=5)
        assert a.shape == (4, 8, 8, 1) and a.dtype == np.float32
        assert a.min() >= 0.0 and a.max() <= 1.0
        np.testing.assert_array_equal(a, model.sample([0, 1, 2, 3], steps=4, method=method, seed=5))
        assert not np.allclose(a, model.sample([0, 1, 2, 3], steps=4, method=method, seed=6))
    # Chunks: the same images, whatever the batch size.
    np.testing.assert_allclose(
        model.sample([0, 1, 2], steps=3, seed=2, batch_size=2),
        model.sample([0, 1, 2], steps=3, seed=2),
        atol=1e-5,
    )
    assert model.sample([], steps=3).shape == (0, 8, 8, 1)
    # generate: the model's own steps and guidance, labels 0..num_classes-1 only.
    np.testing.assert_array_equal(
        model.generate([0, 2], seed=1),
        model.sample([0, 2], steps=model.sample_steps, guidance=model.guidance, seed=1),
    )


def test_does_guidance_zero_give_the_unconditional_sample_and_one_the_conditional():
    model = tiny_model()
    output = model.network.get_layer("eps_hat")  # starts at zero: give it weights
    kernel, bias = output.get_weights()
    output.set_weights([0.1 * np.random.default_rng(0).standard_normal(kernel.shape), bias])
    null = np.full(4, model.null_label)
    unconditional = model.sample(null, steps=5, seed=3)
    np.testing.assert_allclose(
        model.sample([0, 1, 2, 0], steps=5, guidance=0.0, seed=3), unconditional, atol=1e-5
    )
    conditional = model.sample([0, 1, 2, 0], steps=5, guidance=1.0, seed=3)
    assert not np.allclose(conditional, unconditional, atol=1e-3)
    assert not np.allclose(model.sample([0, 1, 2, 0], steps=5, guidance=3.0, seed=3), conditional)


def test_are_bad_requests_refused_with_the_value_received():
    model = tiny_model()
    with pytest.raises(ValueError, match=r"labels must lie in 0..3.*to 4"):
        model.sample([4], steps=2)
    with pytest.raises(ValueError, match="labels must lie in 0..2"):
        model.generate([3])
    with pytest.raises(ValueError, match="method.*Received: method='euler'"):
        model.sample([0], method="euler")
    with pytest.raises(ValueError, match="steps must be at most 1000"):
        model.sample([0], steps=1001)
    with pytest.raises(ValueError, match="label_dropout.*Received"):
        tiny_model(label_dropout=1.0)
    with pytest.raises(ValueError, match="schedule must be one of"):
        tiny_model(schedule="sigmoid")


def test_does_a_saved_model_sample_the_same_after_loading(tmp_path, fitted):
    model, _ = fitted
    path = tmp_path / "diffusion.keras"
    model.save(path)
    loaded = load_diffusion(path)
    assert (loaded.schedule_name, loaded.timesteps, loaded.num_classes) == ("linear", 1000, 3)
    np.testing.assert_allclose(loaded.schedule.alpha_bars, model.schedule.alpha_bars)
    np.testing.assert_allclose(
        loaded.sample([0, 1], steps=5, seed=1), model.sample([0, 1], steps=5, seed=1), atol=1e-6
    )


def test_does_fit_without_labels_train_the_null_label_only():
    model = tiny_model(schedule="cosine", timesteps=100)
    x, _ = tiny_digits(32)
    assert model.schedule_name == "cosine" and model.schedule.steps == 100
    _, _, labels, _ = model.noisy_batch(x)
    assert set(ops.convert_to_numpy(labels).tolist()) == {model.null_label}
    before = model.network.get_layer("label_embedding").get_weights()[0].copy()
    # Batches of 8: the first step moves only the zero-initialised output layer.
    model.fit(x, epochs=1, batch_size=8, verbose=0)
    after = model.network.get_layer("label_embedding").get_weights()[0]
    changed = np.any(before != after, axis=1)
    assert changed.tolist() == [False, False, False, True]  # only the null label's row


def test_does_respacing_keep_q_of_x_t_given_x0_at_the_kept_steps():
    s = dm.linear_schedule(1000)
    kept = dm.ddim_timesteps(10, 1000)
    r = dm.respace(s, kept)
    assert r.steps == 10
    np.testing.assert_allclose(r.alpha_bars, s.alpha_bars[np.sort(kept)], rtol=1e-12)
    # Every step kept: the schedule itself.
    np.testing.assert_allclose(dm.respace(s, np.arange(1000)).betas, s.betas, rtol=1e-9)


def test_do_the_formulas_give_the_same_values_on_tensors_as_on_numpy_arrays():
    # The model trains and samples with the same functions, given TensorFlow tensors.
    import tensorflow as tf

    rng = np.random.default_rng(5)
    s = dm.linear_schedule(1000)
    x0, noise, eps_hat = (rng.normal(size=(3, 4, 4, 1)) for _ in range(3))
    t = np.array([0, 500, 999])
    tensors = [tf.constant(v, "float32") for v in (x0, noise, eps_hat)]
    t_tensor = tf.constant(t, "int32")
    pairs = [
        (
            dm.q_sample(x0, t, noise, s.alpha_bars),
            dm.q_sample(tensors[0], t_tensor, tensors[1], s.alpha_bars),
        ),
        (
            dm.ddpm_step(x0, t, eps_hat, s, noise),
            dm.ddpm_step(tensors[0], t_tensor, tensors[2], s, tensors[1]),
        ),
        (
            dm.ddim_step(x0, eps_hat, s.alpha_bars[t], s.alpha_bars_prev[t]),
            dm.ddim_step(
                tensors[0],
                tensors[2],
                tf.constant(s.alpha_bars[t], "float32"),
                tf.constant(s.alpha_bars_prev[t], "float32"),
            ),
        ),
        (dm.guided_noise(x0, noise, 2.5), dm.guided_noise(tensors[0], tensors[1], 2.5)),
        (dm.diffusion_loss(noise, eps_hat), dm.diffusion_loss(tensors[1], tensors[2])),
    ]
    for reference, tensor in pairs:
        assert ops.is_tensor(tensor)
        np.testing.assert_allclose(ops.convert_to_numpy(tensor), reference, rtol=1e-4, atol=1e-4)


def test_does_make_diffusion_pick_the_quick_width_in_quick_mode(monkeypatch):
    monkeypatch.setenv("GENCOURSE_QUICK", "1")
    assert make_diffusion(image_shape=(8, 8, 1)).network.get_layer("stem").filters == 8
    monkeypatch.setenv("GENCOURSE_QUICK", "0")
    full = make_diffusion(image_shape=(8, 8, 1), label_dropout=0.1, guidance=3.0)
    assert full.network.get_layer("stem").filters == 16
    assert (full.label_dropout, full.guidance) == (0.1, 3.0)


# --- clipping, the weights' moving average and the decaying learning rate ---------------


def test_does_clipped_noise_imply_the_clipped_clean_image_and_leave_in_range_ones_alone():
    rng = np.random.default_rng(0)
    x_t = rng.standard_normal((6, 2, 2, 1))
    eps_hat = 2.0 * rng.standard_normal((6, 2, 2, 1))  # x0_hat far outside [-1, 1] somewhere
    alpha_bar = np.linspace(0.05, 0.95, 6)
    x0_hat = dm.predict_x0(x_t, eps_hat, alpha_bar)
    assert np.abs(x0_hat).max() > 1.5
    clipped = dm.clipped_noise(x_t, eps_hat, alpha_bar)
    np.testing.assert_allclose(dm.predict_x0(x_t, clipped, alpha_bar), np.clip(x0_hat, -1, 1))
    inside = np.abs(x0_hat) <= 1.0
    np.testing.assert_allclose(clipped[inside], eps_hat[inside])
    assert not np.allclose(clipped[~inside], eps_hat[~inside])
    tensors = dm.clipped_noise(
        ops.convert_to_tensor(x_t, "float32"),
        ops.convert_to_tensor(eps_hat, "float32"),
        ops.convert_to_tensor(alpha_bar, "float32"),
    )
    np.testing.assert_allclose(ops.convert_to_numpy(tensors), clipped, rtol=1e-4, atol=1e-4)


def test_does_clipping_change_nothing_for_data_well_inside_the_range():
    # Pixels N(0.6, 0.1^2): the exact predictor's x0_hat stays inside [-1, 1] at every step.
    model = oracle_model(0.6, 0.1)
    for method, steps in (("ddim", 20), ("ddpm", 50)):
        a = model.sample(np.zeros(200, int), steps=steps, method=method, guidance=1.0, seed=0)
        b = model.sample(
            np.zeros(200, int), steps=steps, method=method, guidance=1.0, seed=0, clip=False
        )
        np.testing.assert_allclose(a, b, atol=1e-4)


def test_do_the_shipped_weights_equal_the_moving_average_of_every_steps_weights():
    # Keras' rule: the average starts at the first step's weights, then
    # average = m * average + (1 - m) * weights after each step.
    model = tiny_model(ema_momentum=0.8)
    x, y = tiny_digits(64)
    seen = []
    record = keras.callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: seen.append(
            [np.array(w) for w in model.network.get_weights()]
        )
    )
    model.fit(x, y, epochs=2, batch_size=16, verbose=0, callbacks=[record])
    assert len(seen) == 8
    average = seen[0]
    for weights in seen[1:]:
        average = [0.8 * a + 0.2 * w for a, w in zip(average, weights, strict=True)]
    final = model.network.get_weights()
    assert not np.allclose(final[0], seen[-1][0])  # not the last step's weights
    for got, want in zip(final, average, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-6)


def test_does_the_learning_rate_fall_to_zero_along_a_cosine_over_decay_steps():
    model = tiny_model(decay_steps=10)
    rate = model.optimizer.learning_rate  # read at the optimizer's step count
    schedule = model.optimizer._learning_rate
    assert float(rate) == pytest.approx(1e-3)
    assert float(schedule(5)) == pytest.approx(1e-3 * 0.5 * (1 + np.cos(np.pi / 2)), rel=1e-5)
    assert float(schedule(10)) == pytest.approx(0.0, abs=1e-9)
    assert isinstance(tiny_model().optimizer.learning_rate, keras.Variable)


def test_are_bad_ema_momenta_and_decay_steps_refused_with_the_value_received():
    for bad in (0.0, 1.0, 1.5, True):
        with pytest.raises(ValueError, match=rf"ema_momentum.*Received: ema_momentum={bad!r}"):
            tiny_model(ema_momentum=bad)
    for bad in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match=rf"decay_steps.*Received: decay_steps={bad!r}"):
            tiny_model(decay_steps=bad)
