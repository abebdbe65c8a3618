"""Checks for the exercises of lesson 01, ``01_generative`` (discriminative vs generative models).

The references are the library's own functions in
:mod:`gencourse.models.gaussian` on plain arrays: sampling a Gaussian from a
factor of its covariance, Bayes' rule from log-likelihoods and log-priors,
and ``log p(x)`` by log-sum-exp. The cases include log-likelihoods as large as
the lesson's own (hundreds for digits, minus thousands for noise),
where a naive ``exp`` overflows or underflows.
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
    return [
        case("case.sample.random", 6, 3),
        case("case.sample.one", 1, 4),
        case("case.sample.one_dim", 5, 1),
        case("case.sample.zero_noise", 3, 3, eps=np.zeros((3, 3))),
        case("case.sample.identity", 4, 2, factor=np.eye(2)),
        case("case.sample.general_factor", 5, 3, factor=general),
        case("case.sample.many_dims", 2, 8),
    ]


def _diag_only(m, f, e):
    return m + np.asarray(e) * np.diag(f)


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
    ],
)

# --- bayes_posterior / log_marginal(log_likelihoods, log_priors) ----------------------


def _bayes_cases(seed):
    rng = np.random.default_rng(seed)

    def priors(k, uniform=False):
        p = np.full(k, 1.0 / k) if uniform else rng.dirichlet(np.full(k, 2.0))
        return np.log(p)

    def case(label, n, k, centre=-50.0, spread=5.0, uniform=False, **tolerances):
        args = (rng.normal(centre, spread, size=(n, k)), priors(k, uniform))
        return Case(label, args, **tolerances)

    # Values in the thousands: a relative tolerance of 1e-4 would let a missing
    # prior (a few units) pass, so these cases ask for float64 accuracy.
    exact = {"rtol": 1e-9, "atol": 1e-6}

    tie = np.array([[-80.0, -80.0], [-80.0, -81.0], [-75.0, -80.0]])
    return [
        case("case.bayes.random", 6, 10),
        case("case.bayes.one", 1, 10),
        case("case.bayes.two_classes", 5, 2),
        case("case.bayes.uniform", 4, 3, uniform=True),
        Case("case.bayes.prior_decides", (tie, np.log([0.9, 0.1]))),
        case("case.bayes.digits", 4, 10, centre=800.0, spread=30.0, **exact),
        case("case.bayes.noise", 3, 10, centre=-5000.0, spread=300.0, **exact),
    ]


def _naive_posterior(ll, lp):
    joint = np.exp(np.asarray(ll) + lp)
    return joint / joint.sum(axis=1, keepdims=True)


BAYES_POSTERIOR = Exercise(
    name="bayes_posterior",
    signature="bayes_posterior(log_likelihoods, log_priors)",
    reference=ref.bayes_posterior,
    make_cases=lambda: _bayes_cases(21),
    # Listed first: where exp overflows, the verdict on NaN names the first mistake
    # that breaks down in the same places, and "not normalised" breaks down there too.
    mistakes=[
        Mistake("hint.bayes.unstable", _naive_posterior),
        Mistake("hint.bayes.no_prior", lambda ll, lp: softmax(ll, axis=1)),
        Mistake("hint.bayes.prior_subtracted", lambda ll, lp: softmax(ll - lp, axis=1)),
        Mistake("hint.bayes.prior_not_log", lambda ll, lp: softmax(ll + np.exp(lp), axis=1)),
        Mistake("hint.bayes.not_normalised", lambda ll, lp: np.exp(np.asarray(ll) + lp)),
        Mistake("hint.bayes.log", lambda ll, lp: np.log(ref.bayes_posterior(ll, lp))),
        Mistake("hint.bayes.axis", lambda ll, lp: softmax(np.asarray(ll) + lp, axis=0)),
        Mistake("hint.bayes.labels", lambda ll, lp: np.argmax(np.asarray(ll) + lp, axis=1)),
    ],
)


def _naive_marginal(ll, lp):
    return np.log(np.sum(np.exp(np.asarray(ll) + lp), axis=1))


LOG_MARGINAL = Exercise(
    name="log_marginal",
    signature="log_marginal(log_likelihoods, log_priors)",
    reference=ref.log_marginal,
    make_cases=lambda: _bayes_cases(22),
    mistakes=[
        Mistake("hint.marg.unstable", _naive_marginal),
        Mistake("hint.marg.no_prior", lambda ll, lp: logsumexp(ll, axis=1)),
        Mistake(
            "hint.marg.uniform",
            lambda ll, lp: logsumexp(ll, axis=1) - np.log(np.shape(ll)[1]),
        ),
        Mistake("hint.marg.max_only", lambda ll, lp: np.max(np.asarray(ll) + lp, axis=1)),
        Mistake("hint.marg.sum_of_logs", lambda ll, lp: np.sum(np.asarray(ll) + lp, axis=1)),
        Mistake("hint.marg.axis", lambda ll, lp: logsumexp(np.asarray(ll) + lp, axis=0)),
        Mistake("hint.marg.not_log", lambda ll, lp: np.exp(ref.log_marginal(ll, lp))),
    ],
)

EXERCISES = {ex.name: ex for ex in (SAMPLE_GAUSSIAN, BAYES_POSTERIOR, LOG_MARGINAL)}
