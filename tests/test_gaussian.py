"""Does the per-class Gaussian model of lesson 01 compute what independent references compute?

References: scipy's multivariate normal density (in the PCA space, and in
pixel space for the full model), scikit-learn's PCA and its quadratic
discriminant analysis (the same classifier, fitted its own way), and
Monte-Carlo moments of the samples.
"""

import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.stats import multivariate_normal
from sklearn.decomposition import PCA
from sklearn.discriminant_analysis import QuadraticDiscriminantAnalysis

from gencourse import data
from gencourse.models import ClassGaussians, LogisticClassifier
from gencourse.models.gaussian import (
    bayes_posterior,
    log_marginal,
    sample_gaussian,
    validation_split,
    validation_sweep,
)


@pytest.fixture(scope="module")
def digits():
    return data.load("digits8x8")


@pytest.fixture(scope="module")
def model(digits):
    return ClassGaussians(num_components=10, ridge=1e-2).fit(digits.x_train, digits.y_train)


def test_are_the_shapes_and_pixel_range_right(model, digits):
    x = digits.x_test[:7]
    assert model.encode(x).shape == (7, 10)
    assert model.decode(model.encode(x)).shape == (7, 8, 8, 1)
    assert model.log_likelihood(x).shape == (7, 10)
    assert model.log_prob(x).shape == (7,)
    assert model.posterior(x).shape == (7, 10)
    assert model.predict(x).shape == (7,)
    images, labels = model.sample(labels=np.arange(10), seed=0)
    assert images.shape == (10, 8, 8, 1) and images.dtype == np.float32
    assert images.min() >= 0.0 and images.max() <= 1.0
    assert labels.tolist() == list(range(10))
    images, labels = model.sample(n=25, seed=0)
    assert images.shape == (25, 8, 8, 1) and labels.shape == (25,)
    assert model.get_config() == {"num_components": 10, "num_classes": 10, "ridge": 1e-2}


def test_is_the_pca_the_one_scikit_learn_finds(model, digits):
    pca = PCA(n_components=10).fit(digits.x_train.reshape(len(digits.x_train), -1))
    np.testing.assert_allclose(model.explained_variance, pca.explained_variance_, rtol=1e-6)
    # Each axis is defined up to its sign.
    dots = np.abs(np.sum(model.components * pca.components_, axis=1))
    np.testing.assert_allclose(dots, 1.0, atol=1e-6)


def test_is_the_latent_density_scipys_multivariate_normal(model, digits):
    z_train = model.encode(digits.x_train)
    z = model.encode(digits.x_test[:20])
    ours = model.latent_log_likelihood(z)
    for c in range(10):
        zc = z_train[digits.y_train == c]
        cov = np.cov(zc, rowvar=False, bias=True) + 1e-2 * np.eye(10)  # the MLE
        expected = multivariate_normal(zc.mean(0), cov).logpdf(z)
        np.testing.assert_allclose(ours[:, c], expected, rtol=1e-9)


def test_is_the_full_likelihood_a_gaussian_density_over_the_pixels(model, digits):
    # Probabilistic PCA's covariance in pixel space: W^T Sigma_y W inside the
    # subspace plus the residual variance in every discarded direction.
    w = model.components
    outside = np.eye(w.shape[1]) - w.T @ w
    x = digits.x_test[:15].reshape(15, -1)
    ours = model.log_likelihood(digits.x_test[:15])
    for c in (0, 4, 9):
        mean = model.pixel_mean + model.means[c] @ w
        cov = w.T @ model.covariances[c] @ w + model.residual_variance * outside
        expected = multivariate_normal(mean, cov).logpdf(x)
        np.testing.assert_allclose(ours[:, c], expected, rtol=1e-7)


def test_is_log_p_x_the_log_sum_over_classes_and_the_posterior_normalised(model, digits):
    x = digits.x_test[:30]
    ll = model.log_likelihood(x)
    counts = np.bincount(digits.y_train, minlength=10)
    joint = ll + np.log(counts / counts.sum())
    np.testing.assert_allclose(model.log_prob(x), logsumexp(joint, axis=1), rtol=1e-10)
    post = model.posterior(x)
    np.testing.assert_allclose(post.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(post, np.exp(joint - model.log_prob(x)[:, None]), atol=1e-10)


def test_does_bayes_rule_agree_with_scikit_learns_qda(digits):
    # No ridge on either side: the same class means, covariances and priors.
    model = ClassGaussians(num_components=12, ridge=0.0).fit(digits.x_train, digits.y_train)
    qda = QuadraticDiscriminantAnalysis(reg_param=0.0)
    qda.fit(model.encode(digits.x_train), digits.y_train)
    z_test = model.encode(digits.x_test)
    np.testing.assert_array_equal(model.predict(digits.x_test), qda.predict(z_test))
    np.testing.assert_allclose(model.posterior(digits.x_test), qda.predict_proba(z_test), atol=1e-8)


def test_do_samples_have_the_fitted_mean_and_covariance(model):
    n = 20_000
    labels = np.full(n, 3)
    z = model.sample_latent(labels, np.random.default_rng(0))
    var = np.diag(model.covariances[3])
    # Five standard errors of a Monte-Carlo mean; about 3% of the scale for covariances.
    assert np.all(np.abs(z.mean(0) - model.means[3]) < 5 * np.sqrt(var / n))
    scale = np.sqrt(np.outer(var, var))
    assert np.all(np.abs(np.cov(z, rowvar=False) - model.covariances[3]) < 0.05 * scale)


def test_does_the_same_seed_give_the_same_samples(model):
    a, _ = model.sample(labels=[1, 2, 3], seed=5)
    b, _ = model.sample(labels=[1, 2, 3], seed=5)
    c, _ = model.sample(labels=[1, 2, 3], seed=6)
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_are_the_small_functions_right_on_hand_computed_values():
    factor = np.array([[2.0, 0.0], [1.0, 3.0]])
    eps = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    expected = np.array([[12.0, 21.0], [10.0, 23.0], [12.0, 24.0]])
    np.testing.assert_allclose(sample_gaussian([10.0, 20.0], factor, eps), expected)
    # Equal likelihoods: the posterior is the prior, and log p(x) the likelihood.
    ll = np.full((2, 2), -30000.0)
    priors = np.log([0.25, 0.75])
    np.testing.assert_allclose(bayes_posterior(ll, priors), [[0.25, 0.75]] * 2)
    np.testing.assert_allclose(log_marginal(ll, priors), [-30000.0] * 2)
    # Far apart: the posterior is certain, with no NaN from exp overflow.
    post = bayes_posterior(np.array([[900.0, 100.0]]), np.log([0.5, 0.5]))
    np.testing.assert_allclose(post, [[1.0, 0.0]])


def test_do_the_models_classify_mnist_well_enough_to_teach_with():
    digits = data.load("mnist5k")
    model = ClassGaussians(num_components=40).fit(digits.x_train, digits.y_train)
    assert np.mean(model.predict(digits.x_test) == digits.y_test) > 0.9
    clf = LogisticClassifier(model.encode).fit(digits.x_train[:1000], digits.y_train[:1000])
    assert clf.posterior(digits.x_test[:5]).shape == (5, 10)
    assert np.mean(clf.predict(digits.x_test) == digits.y_test) > 0.7
    # Noise is far less likely than any held-out digit.
    noise = np.random.default_rng(0).uniform(size=(20, 28, 28, 1))
    assert model.log_prob(noise).max() < model.log_prob(digits.x_test).min()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"num_components": 0}, "num_components must be a positive integer"),
        ({"num_components": 2.5}, "num_components must be a positive integer"),
        ({"num_classes": 1}, "num_classes must be an integer of at least 2"),
        ({"ridge": -1.0}, "ridge must be a number >= 0"),
    ],
)
def test_are_bad_settings_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ClassGaussians(**kwargs)


def test_are_bad_inputs_refused_with_what_to_do(model, digits):
    x, y = digits.x_train, digits.y_train
    with pytest.raises(ValueError, match="Call fit"):
        ClassGaussians(5).log_prob(x)
    with pytest.raises(ValueError, match="one label per image"):
        ClassGaussians(5).fit(x, y[:-1])
    with pytest.raises(ValueError, match="num_classes=3"):
        ClassGaussians(5, num_classes=3).fit(x, y)
    with pytest.raises(ValueError, match="below both the number of images"):
        ClassGaussians(64).fit(x, y)
    with pytest.raises(ValueError, match="at least two images"):
        ClassGaussians(3).fit(x[:12], y[:12])
    with pytest.raises(ValueError, match=r"fitted on \(8, 8\) images"):
        model.log_prob(np.zeros((2, 28, 28)))
    with pytest.raises(ValueError, match="Give either labels or n"):
        model.sample()
    with pytest.raises(ValueError, match="Give either labels or n"):
        model.sample([1], n=1)
    with pytest.raises(ValueError, match="labels must be integers from 0 to 9"):
        model.sample([10])
    with pytest.raises(ValueError, match=r"Expected mean \(k,\), cov_factor \(k, k\)"):
        sample_gaussian(np.zeros(2), np.eye(3), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="Expected log_likelihoods"):
        bayes_posterior(np.zeros((3, 4)), np.zeros(5))
    with pytest.raises(ValueError, match="encode must be a function"):
        LogisticClassifier(encode=None)


def test_does_the_validation_split_hold_out_per_class_items_once_each():
    labels = np.repeat(np.arange(3), [10, 12, 9])
    fit, held = validation_split(labels, per_class=4, seed=7)
    assert np.array_equal(np.sort(np.concatenate([fit, held])), np.arange(len(labels)))
    assert np.bincount(labels[held]).tolist() == [4, 4, 4]
    again, _ = validation_split(labels, per_class=4, seed=7)
    other, _ = validation_split(labels, per_class=4, seed=8)
    assert np.array_equal(fit, again) and not np.array_equal(fit, other)
    with pytest.raises(ValueError, match="Class 2 has 9 items"):
        validation_split(labels, per_class=8, seed=0)


def test_does_the_sweep_score_each_k_as_a_model_fitted_by_hand_would(digits):
    images, labels = digits.x_train, digits.y_train
    seen = []

    def score(samples, asked):  # a stand-in judge: the share of bright pixels, and a record
        seen.append((samples.shape, np.bincount(asked).tolist()))
        return float(np.mean(samples > 0.5))

    sweep = validation_sweep(
        images,
        labels,
        [5, 20],
        splits=2,
        per_class=20,
        seed=3,
        score_samples=score,
        samples_per_class=7,
    )
    assert sweep["k"].tolist() == [5, 20] and sweep["accuracy"].shape == (2, 2)
    assert len(seen) == 4 and all(s == ((70, *images.shape[1:3], 1), [7] * 10) for s in seen)
    for s in range(2):
        fit, held = validation_split(labels, per_class=20, seed=[3, s])
        for i, k in enumerate([5, 20]):
            model = ClassGaussians(num_components=k).fit(images[fit], labels[fit])
            expected = np.mean(model.predict(images[held]) == labels[held])
            assert sweep["accuracy"][i, s] == pytest.approx(expected)
    # More components separate the digits better on this data (a classifier, not noise).
    assert sweep["accuracy"][1].mean() > sweep["accuracy"][0].mean() > 0.5
    assert validation_sweep(images, labels, [5], splits=1, per_class=20)["samples"] is None
    with pytest.raises(ValueError, match="candidates must be positive"):
        validation_sweep(images, labels, [])
