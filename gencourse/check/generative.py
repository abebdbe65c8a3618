"""Checks for the exercises of lesson 01, ``01_generative`` (discriminative vs generative models).

The references are the library's own functions in
:mod:`gencourse.models.gaussian` on plain arrays: sampling a Gaussian from a
factor of its covariance, Bayes' rule from log-likelihoods and log-priors,
and ``log p(x)`` by log-sum-exp. The cases include log-likelihoods as large as
the lesson's own (hundreds for digits, minus thousands for noise),
where a naive ``exp`` overflows or underflows, and one batch that mixes such
rows, where only each row's own maximum keeps ``exp`` finite (one maximum for
the whole batch, or a row's mean, does not).

Precision: the cases' inputs are float64, and an answer computed in float32
is just as right. In float32 a log-likelihood near -5000 is only known to
about 5e-4, so the large cases' tolerances are absolute (5e-4 for a
posterior, 2e-3 for log p(x)): tight enough to catch a missing prior (a few
units in log p(x)), loose enough for float32.
"""

from __future__ import annotations

import numpy as np
from scipy.special import logsumexp, softmax

from gencourse.check.core import Case, Exercise, Mistake
from gencourse.models import gaussian as ref

LESSON = "01_generative"

# --- sample_gaussian(mean, cov_factor, eps) -> (n, k) ---------------------------------


def _lower(rng, k):
    factor = np.tril(rng.normal(size=(k, k)))
    factor[np.diag_indices(k)] = rng.uniform(0.5, 2.0, size=k)
    return factor


def _sample_cases():
    rng = np.random.default_rng(11)

    def case(label, n, k, factor=None, eps=None):
        factor = _lower(rng, k) if factor is None else factor
        eps = rng.normal(size=(n, k)) if eps is None else eps
        return Case(label, (rng.normal(size=k), factor, eps))

    general = rng.normal(size=(3, 3)) + 2 * np.eye(3)  # any factor L with Sigma = L L^T
    # Rare but legal standard normal noise, far in the tails and not centred:
    # an answer that clips, squashes or standardises eps is caught here.
    tails = np.array([[6.0, -7.5, 0.3], [-4.2, 5.1, -8.0], [3.2, 3.6, 4.5], [-3.4, 0.0, 9.0]])
    tail_case = case("case.sample.tail_noise", 4, 3, eps=tails)
    tail_case.hint = "hint.sample.noise_changed"
    return [
        case("case.sample.random", 6, 3),
        case("case.sample.one", 1, 4),
        case("case.sample.one_dim", 5, 1),
        case("case.sample.zero_noise", 3, 3, eps=np.zeros((3, 3))),
        case("case.sample.identity", 4, 2, factor=np.eye(2)),
        case("case.sample.general_factor", 5, 3, factor=general),
        case("case.sample.many_dims", 2, 8),
        tail_case,
    ]


def _standardised(e):
    e = np.asarray(e)
    return (e - e.mean(axis=0)) / e.std(axis=0)


def _diag_only(m, f, e):
    return m + np.asarray(e) * np.diag(f)


def _cholesky_of_covariance(m, f, e):
    """Another factor of the same covariance (its Cholesky factor) instead of the L given."""
    return m + np.asarray(e) @ np.linalg.cholesky(f @ f.T).T


SAMPLE_GAUSSIAN = Exercise(
    name="sample_gaussian",
    signature="sample_gaussian(mean, cov_factor, eps)",
    reference=ref.sample_gaussian,
    make_cases=_sample_cases,
    mistakes=[
        Mistake("hint.sample.transposed", lambda m, f, e: m + np.asarray(e) @ f),
        Mistake("hint.sample.no_factor", lambda m, f, e: m + np.asarray(e)),
        Mistake("hint.sample.no_mean", lambda m, f, e: np.asarray(e) @ np.asarray(f).T),
        Mistake("hint.sample.diagonal", _diag_only),
        Mistake("hint.sample.covariance", lambda m, f, e: m + np.asarray(e) @ (f @ f.T)),
        Mistake("hint.sample.minus", lambda m, f, e: m - np.asarray(e) @ np.asarray(f).T),
        Mistake("hint.sample.noise_ignored", lambda m, f, e: np.tile(m, (len(e), 1))),
        Mistake("hint.sample.noise_changed", lambda m, f, e: m + np.clip(e, -3, 3) @ f.T),
        Mistake("hint.sample.noise_changed", lambda m, f, e: m + np.tanh(e) @ f.T),
        Mistake("hint.sample.noise_changed", lambda m, f, e: m + np.abs(e) @ f.T),
        Mistake("hint.sample.noise_changed", lambda m, f, e: m + _standardised(e) @ f.T),
        Mistake(
            "hint.sample.sqrt_covariance", lambda m, f, e: m + np.asarray(e) @ np.sqrt(f @ f.T)
        ),
        Mistake(
            "hint.sample.sqrt_covariance",
            lambda m, f, e: m + np.asarray(e) @ np.sqrt(np.abs(f @ f.T)),
        ),
        Mistake("hint.sample.parentheses", lambda m, f, e: (m + np.asarray(e)) @ np.asarray(f).T),
        Mistake("hint.sample.other_factor", _cholesky_of_covariance),
        Mistake("hint.sample.times_mean", lambda m, f, e: m * (np.asarray(e) @ np.asarray(f).T)),
    ],
)

# --- bayes_posterior / log_marginal(log_likelihoods, log_priors) ----------------------


def _bayes_cases(seed, atol, unstable_hint, mixed_hint):
    """The cases of both exercises; ``atol`` is the absolute tolerance of the large ones.

    ``unstable_hint`` and ``mixed_hint`` name what the large cases test, for
    the answers that fail there and that no known mistake explains.

    Values in the thousands: a relative tolerance of 1e-4 would let a missing
    prior (a few units) pass, so the large cases have an absolute tolerance
    only, which float32 arithmetic meets (see the module's docstring).
    """
    rng = np.random.default_rng(seed)
    large = {"rtol": 0.0, "atol": atol, "hint": unstable_hint}

    def priors(k, uniform=False):
        p = np.full(k, 1.0 / k) if uniform else rng.dirichlet(np.full(k, 2.0))
        return np.log(p)

    def case(label, n, k, centre=-50.0, spread=5.0, uniform=False, **tolerances):
        args = (rng.normal(centre, spread, size=(n, k)), priors(k, uniform))
        return Case(label, args, **tolerances)

    tie = np.array([[-80.0, -80.0], [-80.0, -81.0], [-75.0, -80.0]])
    return [
        case("case.bayes.random", 6, 10),
        case("case.bayes.one", 1, 10),
        case("case.bayes.two_classes", 5, 2),
        case("case.bayes.uniform", 4, 3, uniform=True),
        Case("case.bayes.prior_decides", (tie, np.log([0.9, 0.1]))),
        case("case.bayes.digits", 4, 10, centre=800.0, spread=30.0, **large),
        case("case.bayes.noise", 3, 10, centre=-5000.0, spread=300.0, **large),
        Case(
            "case.bayes.mixed_ranges",
            (_mixed_rows(rng), priors(10)),
            **{**large, "hint": mixed_hint},
        ),
    ]


def _mixed_rows(rng, k=10):
    """One batch of a digit row near +800, noise rows near -5000 and an ordinary row.

    Subtracting one maximum for the whole batch turns every row but the
    digit's into exp(-850) = 0 (0/0); subtracting a row's mean overflows exp
    in the wide noise row, whose largest value lies 900 above its mean; in the
    other noise row two classes are within one unit, so the prior matters.
    """
    digit = rng.normal(800.0, 30.0, size=k)
    wide = rng.normal(-5000.0, 300.0, size=k)
    wide[np.argmax(wide)] += 1000.0
    close = rng.normal(-5000.0, 300.0, size=k)
    top = np.argsort(close)[-2:]
    close[top[0]] = close[top[1]] - 0.7
    ordinary = rng.normal(-50.0, 5.0, size=k)
    return np.stack([digit, wide, close, ordinary])


def _batch_max(ll, lp):
    joint = np.asarray(ll) + lp
    return joint - np.max(joint)


def _row_mean(ll, lp):
    joint = np.asarray(ll) + lp
    return joint - np.mean(joint, axis=1, keepdims=True)


def _normalised(a):
    weights = np.exp(a)
    return weights / weights.sum(axis=1, keepdims=True)


def _row_shifted(ll, lp):
    joint = np.asarray(ll) + lp
    return np.exp(joint - np.max(joint, axis=1, keepdims=True))


def _log_posterior(ll, lp):
    """log p(y | x), computed stably (so that it stays finite where the posterior underflows)."""
    joint = np.asarray(ll) + lp
    return joint - logsumexp(joint, axis=1, keepdims=True)


def _naive_posterior(ll, lp):
    joint = np.exp(np.asarray(ll) + lp)
    return joint / joint.sum(axis=1, keepdims=True)


BAYES_POSTERIOR = Exercise(
    name="bayes_posterior",
    signature="bayes_posterior(log_likelihoods, log_priors)",
    reference=ref.bayes_posterior,
    make_cases=lambda: _bayes_cases(21, 5e-4, "hint.bayes.unstable", "hint.bayes.mixed_ranges"),
    # Listed first: where exp overflows, the verdict on NaN names the first mistake
    # that breaks down in the same places, and "not normalised" breaks down there too.
    mistakes=[
        Mistake("hint.bayes.unstable", _naive_posterior),
        Mistake("hint.bayes.batch_max", lambda ll, lp: _normalised(_batch_max(ll, lp))),
        Mistake("hint.bayes.row_mean", lambda ll, lp: _normalised(_row_mean(ll, lp))),
        Mistake(
            "hint.bayes.column_max",
            lambda ll, lp: _normalised(np.asarray(ll) + lp - np.max(np.asarray(ll) + lp, axis=0)),
        ),
        Mistake("hint.bayes.no_prior", lambda ll, lp: softmax(ll, axis=1)),
        Mistake("hint.bayes.prior_subtracted", lambda ll, lp: softmax(ll - lp, axis=1)),
        Mistake("hint.bayes.prior_not_log", lambda ll, lp: softmax(ll + np.exp(lp), axis=1)),
        Mistake("hint.bayes.not_normalised", lambda ll, lp: np.exp(np.asarray(ll) + lp)),
        Mistake("hint.bayes.log", _log_posterior),
        Mistake("hint.bayes.axis", lambda ll, lp: softmax(np.asarray(ll) + lp, axis=0)),
        Mistake(
            "hint.bayes.axis",
            lambda ll, lp: _row_shifted(ll, lp) / _row_shifted(ll, lp).sum(axis=0, keepdims=True),
        ),
        Mistake("hint.bayes.not_normalised", _row_shifted),
        Mistake("hint.bayes.prior_already_log", lambda ll, lp: softmax(ll + np.log(lp), axis=1)),
        Mistake("hint.bayes.prior_multiplied", lambda ll, lp: softmax(ll * np.exp(lp), axis=1)),
        Mistake("hint.bayes.prior_multiplied", lambda ll, lp: softmax(ll * lp, axis=1)),
        Mistake("hint.bayes.labels", lambda ll, lp: np.argmax(np.asarray(ll) + lp, axis=1)),
    ],
)


def _naive_marginal(ll, lp):
    return np.log(np.sum(np.exp(np.asarray(ll) + lp), axis=1))


def _shifted_marginal(ll, lp, m):
    """log-sum-exp with the shift ``m`` (a number, or one per row) instead of each row's maximum."""
    joint = np.asarray(ll) + lp
    m = np.reshape(m, (-1, 1)) if np.ndim(m) else m
    return np.ravel(m + np.log(np.sum(np.exp(joint - m), axis=1, keepdims=True)))


def _shifted_parts(ll, lp):
    """Each row's maximum m, and log sum exp(joint - m) without m added back."""
    joint = np.asarray(ll) + lp
    m = np.max(joint, axis=1)
    return m, np.log(np.sum(np.exp(joint - m[:, None]), axis=1))


def _no_exp_marginal(ll, lp):
    """m + log sum (joint - m): the exp left out (the log of a sum of negative numbers is NaN)."""
    joint = np.asarray(ll) + lp
    m = np.max(joint, axis=1)
    return m + np.log(np.sum(joint - m[:, None], axis=1))


LOG_MARGINAL = Exercise(
    name="log_marginal",
    signature="log_marginal(log_likelihoods, log_priors)",
    reference=ref.log_marginal,
    make_cases=lambda: _bayes_cases(22, 2e-3, "hint.marg.unstable", "hint.marg.mixed_ranges"),
    mistakes=[
        Mistake("hint.marg.unstable", _naive_marginal),
        Mistake(
            "hint.marg.batch_max",
            lambda ll, lp: _shifted_marginal(ll, lp, np.max(np.asarray(ll) + lp)),
        ),
        Mistake(
            "hint.marg.row_mean",
            lambda ll, lp: _shifted_marginal(ll, lp, np.mean(np.asarray(ll) + lp, axis=1)),
        ),
        Mistake("hint.marg.no_prior", lambda ll, lp: logsumexp(ll, axis=1)),
        Mistake(
            "hint.marg.uniform",
            lambda ll, lp: logsumexp(ll, axis=1) - np.log(np.shape(ll)[1]),
        ),
        Mistake("hint.marg.max_only", lambda ll, lp: np.max(np.asarray(ll) + lp, axis=1)),
        Mistake("hint.marg.sum_of_logs", lambda ll, lp: np.sum(np.asarray(ll) + lp, axis=1)),
        Mistake("hint.marg.axis", lambda ll, lp: logsumexp(np.asarray(ll) + lp, axis=0)),
        Mistake("hint.marg.not_log", lambda ll, lp: np.exp(ref.log_marginal(ll, lp))),
        Mistake("hint.marg.m_not_added", lambda ll, lp: _shifted_parts(ll, lp)[1]),
        Mistake(
            "hint.marg.m_not_added",
            lambda ll, lp: -2 * _shifted_parts(ll, lp)[0] + ref.log_marginal(ll, lp),
        ),
        Mistake(
            "hint.marg.mean", lambda ll, lp: ref.log_marginal(ll, lp) - np.log(np.shape(ll)[1])
        ),
        Mistake("hint.marg.no_exp", _no_exp_marginal),
    ],
)

EXERCISES = {ex.name: ex for ex in (SAMPLE_GAUSSIAN, BAYES_POSTERIOR, LOG_MARGINAL)}
