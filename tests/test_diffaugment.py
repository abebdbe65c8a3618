"""DiffAugment for digits (gencourse.models.diffaugment): the fill, gradients, ink kept, the cGAN."""

import numpy as np
import pytest
import tensorflow as tf

from gencourse import data
from gencourse.models import diffaugment as D


def test_does_a_shift_move_the_pixels_and_bring_in_the_fill_value_only():
    images = np.arange(2 * 5 * 5, dtype="float32").reshape(2, 5, 5, 1) + 1.0
    moved = np.asarray(D.shift_images(images, dy=[1, -2], dx=[2, 0], fill=-7.0))
    # Image 0: down 1, right 2. The pixels that came in are the fill; the rest moved.
    np.testing.assert_array_equal(moved[0, 1:, 2:, 0], images[0, :-1, :-2, 0])
    assert (moved[0, 0, :, 0] == -7).all() and (moved[0, :, :2, 0] == -7).all()
    # Image 1: up 2.
    np.testing.assert_array_equal(moved[1, :-2, :, 0], images[1, 2:, :, 0])
    assert (moved[1, -2:, :, 0] == -7).all()
    # No shift is the identity.
    np.testing.assert_array_equal(D.shift_images(images, [0, 0], [0, 0]), images)


def test_does_translation_of_a_digit_fill_with_the_black_background_not_grey_or_a_wrapped_edge():
    digit = data.load("mnist5k").x_train[:8]
    moved = np.asarray(D.translate(digit, max_shift=3, seed=1))
    assert moved.min() >= 0.0 and moved.max() <= 1.0
    # The ink is kept (MNIST digits lie well inside a 3-pixel border).
    np.testing.assert_allclose(moved.sum(axis=(1, 2, 3)), digit.sum(axis=(1, 2, 3)), rtol=0.05)
    white = np.ones((4, 6, 6, 1), "float32")
    filled = np.asarray(D.translate(white, max_shift=2, fill=0.0, seed=3))
    assert set(np.unique(filled)) <= {0.0, 1.0}


def test_do_gradients_flow_through_both_augmentations_to_the_visible_pixels():
    images = tf.Variable(np.random.default_rng(0).uniform(size=(3, 8, 8, 1)).astype("float32"))
    with tf.GradientTape() as tape:
        out = D.diff_augment(images, max_shift=2, cutout_size=3, seed=0)
        loss = tf.reduce_sum(out * out)
    grad = tape.gradient(loss, images).numpy()
    assert grad is not None and np.isfinite(grad).all()
    for b in range(3):  # every image gets gradient on the pixels it still shows
        assert (grad[b] != 0).sum() >= 8 * 8 - 2 * 8 * 2 - 9
    # The gradient is 2 * pixel where a pixel is seen once, 0 where it was cut or shifted out.
    seen = grad != 0
    np.testing.assert_allclose(grad[seen], 2 * images.numpy()[seen], rtol=1e-5)


def test_does_cutout_leave_most_of_every_digits_ink():
    digits = data.load("mnist5k").x_train[:400]
    ink = digits.sum(axis=(1, 2, 3))
    kept = [
        np.asarray(D.cutout(digits, size=7, seed=s)).sum(axis=(1, 2, 3)) / ink for s in range(5)
    ]
    kept = np.stack(kept)
    assert kept.min() >= 0.5, kept.min()  # never most of a digit gone
    assert kept.mean() >= 0.85
    # The cut square is the background value.
    cut = np.asarray(D.cutout(np.ones((50, 28, 28, 1), "float32"), size=7, fill=0.25, seed=2))
    assert set(np.unique(cut)) <= {0.25, 1.0} and (cut == 0.25).sum(axis=(1, 2, 3)).max() == 49


def test_are_bad_arguments_refused():
    with pytest.raises(ValueError, match="max_shift must be an int >= 0"):
        D.translate(np.zeros((1, 4, 4, 1)), max_shift=-1)
    with pytest.raises(ValueError, match="size must be an int in 0..4"):
        D.cutout(np.zeros((1, 4, 4, 1)), size=5)
    with pytest.raises(ValueError, match="images must have shape"):
        D.cutout(np.zeros((4, 4)), size=1)


def test_does_the_diffaugment_cgan_augment_every_image_its_discriminator_sees():
    gan = D.make_diffaugment_cgan(latent_dim=8, seed=0)
    seen, augment = [], gan.augment

    def spy(images):
        out = augment(images)
        seen.append((int(images.shape[0]), np.asarray(out)))
        return out

    gan.augment = spy
    real = np.ones((4, 28, 28, 1), "float32")  # all ink: any shift or cutout shows as zeros
    labels = tf.constant(np.arange(4).reshape(-1, 1))
    gan.discriminator_step(tf.constant(real), labels)
    gan.generator_step(labels)
    # D's step: real, fake and mismatched real (3 x 4); G's step: the 4 fakes.
    assert [count for count, _ in seen] == [12, 4]
    d_real = seen[0][1][:4]
    assert (d_real == 0).any(axis=(1, 2, 3)).all()  # every real image was augmented
    config = gan.get_config()
    assert (config["max_shift"], config["cutout_size"], config["fill"]) == (3, 7, 0.0)


def test_does_a_diffaugment_cgan_train_a_few_steps():
    gan = D.make_diffaugment_cgan(latent_dim=8, seed=0)
    x = data.load("mnist5k").x_train[:32]
    y = data.load("mnist5k").y_train[:32]
    history = gan.fit(x, y, batch_size=16, epochs=1, verbose=0)
    assert {"d_loss", "g_loss"} <= set(history.history)
    assert gan.generate(np.arange(3), seed=0).shape == (3, 28, 28, 1)
