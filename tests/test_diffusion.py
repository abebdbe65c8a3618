import numpy as np
import pytest

from gencourse.models import diffusion as dm

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
