"""Lesson 05's training loops (gencourse.augment.training): reused models, same numbers."""

import keras
import numpy as np
import pytest

from gencourse import augment, data
from gencourse.augment import training


@pytest.fixture(scope="module")
def few():
    return augment.scarce_subset(data.load("mnist5k"), 2, seed=0)


def _fit_fresh_recogniser(x, y, steps, batch_size, seed):
    """The plain Keras way: a fresh model per run, trained with fit (what the loop replaces)."""
    keras.utils.set_random_seed(seed)
    model = augment.build_recogniser(x.shape[1:], 10)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
    idx = training._step_indices(len(x), steps, batch_size, np.random.default_rng([seed, 11]))
    model.fit(x[idx], y[idx], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return model


def test_does_the_reused_recogniser_give_the_weights_of_a_fresh_one_fitted_by_keras(few):
    x, y = few
    trainer = training.recogniser_trainer(x.shape[1:], 10)
    for seed in (0, 1):  # the second run starts from a reset, not from the first's weights
        trainer.fit(x, y, steps=5, batch_size=8, seed=seed, chunk=3)
        expected = _fit_fresh_recogniser(x, y, 5, 8, seed)
        for mine, theirs in zip(trainer.model.get_weights(), expected.get_weights(), strict=True):
            np.testing.assert_allclose(mine, theirs, rtol=1e-5, atol=1e-6)
        predicted = expected.predict(x, verbose=0).argmax(axis=1)
        np.testing.assert_array_equal(trainer.predict(x), predicted)


def test_does_train_recogniser_return_a_model_of_its_own(few):
    x, y = few
    model = augment.train_recogniser(x, y, 3, 8, seed=0)
    kept = [w.copy() for w in model.get_weights()]
    training.recogniser_trainer(x.shape[1:], 10).fit(x, y, 3, 8, seed=4)
    for a, b in zip(model.get_weights(), kept, strict=True):
        np.testing.assert_array_equal(a, b)
    assert 0.0 <= augment.accuracy(model, x, y) <= 1.0


def test_does_the_cgan_loop_match_a_fresh_cgan_fitted_by_keras(few):
    from gencourse.models import make_conditional_gan

    x, y = few
    mine = augment.train_cgan(x, y, steps=3, batch_size=8, seed=2)
    fresh = make_conditional_gan(latent_dim=64, num_classes=10, seed=2)
    idx = training._step_indices(len(x), 3, 8, np.random.default_rng([2, 13]))
    fresh.fit(x[idx], y[idx], batch_size=8, epochs=1, shuffle=False, verbose=0)
    labels = np.arange(10)
    np.testing.assert_allclose(
        mine.generate(labels, seed=1), fresh.generate(labels, seed=1), rtol=1e-4, atol=1e-5
    )
    # A model kept with the default keep=True is not overwritten by the next run.
    before = mine.generate(labels, seed=1)
    augment.train_cgan(x, y, steps=2, batch_size=8, seed=5, keep=False)
    np.testing.assert_array_equal(mine.generate(labels, seed=1), before)


def test_does_the_diffusion_loop_match_a_fresh_model_fitted_by_keras_and_end_at_rate_zero(few):
    x, y = few
    options = {"width": 4, "sample_steps": 2, "guidance": 3.0}
    mine = augment.train_diffusion(x, y, steps=3, batch_size=8, seed=2, **options)
    fresh = training._make_diffusion(2, decay_steps=3, **options)
    idx = training._step_indices(len(x), 3, 8, np.random.default_rng([2, 13]))
    fresh.fit(x[idx], y[idx], batch_size=8, epochs=1, shuffle=False, verbose=0)
    labels = np.arange(10)
    np.testing.assert_allclose(
        mine.generate(labels, seed=1), fresh.generate(labels, seed=1), rtol=1e-4, atol=1e-5
    )
    # The learning rate falls to zero over exactly the run's steps, from Adam's 1e-3.
    assert int(mine.optimizer.iterations) == 3
    assert float(mine.optimizer.learning_rate) == pytest.approx(0.0, abs=1e-9)
    longer = augment.train_diffusion(x, y, steps=2, batch_size=8, seed=2, keep=False, width=4)
    assert float(longer.optimizer.learning_rate) == pytest.approx(0.0, abs=1e-9)
    assert longer is not mine
    assert float(training._make_diffusion(2, width=4, decay_steps=3).optimizer.learning_rate) == (
        pytest.approx(1e-3)
    )
