"""The conditional VAE (gencourse.models.cvae): shapes, lesson 02's loss, and the label's effect."""

import keras
import numpy as np
import pytest
from keras import ops

from gencourse.models import cvae as C
from gencourse.models.vae import kl_divergence, reconstruction_loss


def test_do_the_encoder_and_decoder_take_the_label_and_give_the_right_shapes():
    model = C.ConditionalVAE(latent_dim=3, image_shape=(8, 8, 1), num_classes=4, seed=0)
    images = np.random.default_rng(0).uniform(size=(5, 8, 8, 1)).astype("float32")
    labels = np.array([0, 1, 2, 3, 0])
    z_mean, z_log_var = model.encoder([images, labels.reshape(-1, 1)])
    assert z_mean.shape == (5, 3) and z_log_var.shape == (5, 3)
    assert model([images, labels]).shape == (5, 8, 8, 1)
    assert model.generate(labels, seed=1).shape == (5, 8, 8, 1)
    assert [i.name for i in model.decoder.inputs] == ["z", "label"]


def test_is_the_loss_lesson_02s_reconstruction_plus_beta_times_the_closed_form_kl():
    model = C.ConditionalVAE(latent_dim=3, image_shape=(4, 4, 1), num_classes=3, beta=2.0, seed=0)
    images = np.random.default_rng(1).uniform(size=(6, 4, 4, 1)).astype("float32")
    labels = np.arange(6) % 3
    loss, reconstruction, kl = model.losses_of(images, labels)
    z_mean, z_log_var = model.encoder([images, labels.reshape(-1, 1).astype("int32")])
    np.testing.assert_allclose(kl, ops.mean(kl_divergence(z_mean, z_log_var)), rtol=1e-6)
    np.testing.assert_allclose(loss, reconstruction + 2.0 * kl, rtol=1e-6)
    assert float(reconstruction) > 0 and float(kl) >= 0
    # Lesson 02's own function, not a copy: the decoder's output at some z scores the same way.
    recon = model.decoder([z_mean, ops.convert_to_tensor(labels.reshape(-1, 1), "int32")])
    assert float(reconstruction_loss(images, recon)) > 0


def test_does_the_label_change_what_the_decoder_makes_from_the_same_code():
    model = C.ConditionalVAE(latent_dim=4, image_shape=(8, 8, 1), num_classes=5, seed=0)
    z = np.zeros((5, 4), "float32")
    images = np.asarray(model.decoder([z, np.arange(5).reshape(-1, 1)]))
    assert all(not np.allclose(images[0], images[k]) for k in range(1, 5))
    # The same seed names the same codes: generate is repeatable.
    np.testing.assert_array_equal(model.generate([1, 2], seed=3), model.generate([1, 2], seed=3))


def test_does_a_trained_cvae_draw_each_label_where_that_class_has_its_ink():
    """A toy: class k is a bright k-th quarter of an 8x8 image; z ~ N(0, I) must follow the label."""
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(4), 16)
    images = rng.uniform(0, 0.1, size=(64, 8, 8, 1)).astype("float32")
    for i, k in enumerate(labels):
        r, c = divmod(int(k), 2)
        images[i, 4 * r : 4 * r + 4, 4 * c : 4 * c + 4] = 0.9
    keras.utils.set_random_seed(0)
    model = C.ConditionalVAE(latent_dim=2, image_shape=(8, 8, 1), num_classes=4, seed=0)
    model.compile(optimizer=keras.optimizers.Adam(3e-3))
    model.fit(images, labels, epochs=60, batch_size=16, verbose=0)
    made = model.generate(np.repeat(np.arange(4), 8), seed=1)
    quarters = made.reshape(32, 2, 4, 2, 4).mean(axis=(2, 4)).reshape(32, 4)
    assert (quarters.argmax(axis=1) == np.repeat(np.arange(4), 8)).mean() == 1.0


def test_are_bad_sizes_and_labels_refused_with_the_received_value():
    with pytest.raises(ValueError, match="num_classes.*Received: num_classes=1"):
        C.ConditionalVAE(num_classes=1)
    with pytest.raises(ValueError, match="beta must be >= 0"):
        C.ConditionalVAE(beta=-1)
    with pytest.raises(ValueError, match=r"labels must lie in 0\.\.9"):
        C.make_cvae(seed=0).generate([10])


def test_does_a_saved_cvae_load_with_its_config():
    model = C.ConditionalVAE(latent_dim=3, image_shape=(4, 4, 1), num_classes=3, seed=2)
    config = model.get_config()
    again = C.ConditionalVAE.from_config(config)
    assert again.latent_dim == 3 and again.num_classes == 3 and again.image_shape == (4, 4, 1)
