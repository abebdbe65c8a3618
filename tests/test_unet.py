import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import ops

from gencourse.models.unet import TimeEmbedding, build_unet


def np_(x):
    return ops.convert_to_numpy(x)


def inputs(n=3, shape=(28, 28, 1), labels=None, seed=0):
    rng = np.random.default_rng(seed)
    x_t = rng.standard_normal((n, *shape)).astype("float32")
    t = rng.integers(0, 1000, size=(n, 1)).astype("int32")
    labels = rng.integers(0, 10, size=(n, 1)) if labels is None else np.asarray(labels)
    return [x_t, t, labels.reshape(-1, 1).astype("int32")]


def with_random_output_layer(unet, seed=0):
    """The last convolution starts at zero; give it weights so that the output shows its inputs."""
    layer = unet.get_layer("eps_hat")
    kernel, bias = layer.get_weights()
    rng = np.random.default_rng(seed)
    layer.set_weights([0.1 * rng.standard_normal(kernel.shape).astype("float32"), bias])
    return unet


# --- the time embedding -------------------------------------------------------------


def test_does_the_time_embedding_match_hand_computed_sines_and_cosines():
    # dim 4: frequencies 1 and 1/100 (max_period 10,000 ** (-1/2)).
    out = np_(TimeEmbedding(4)(np.array([[0], [1], [250]], "int32")))
    expected = [
        [0, 0, 1, 1],
        [np.sin(1), np.sin(0.01), np.cos(1), np.cos(0.01)],
        [np.sin(250), np.sin(2.5), np.cos(250), np.cos(2.5)],
    ]
    np.testing.assert_allclose(out, expected, atol=1e-4)


def test_is_an_odd_time_dimension_refused():
    with pytest.raises(ValueError, match="Received: dim=5"):
        TimeEmbedding(5)


# --- the network --------------------------------------------------------------------


def test_does_the_unet_map_each_input_to_noise_of_its_shape_and_count_its_parameters():
    unet = build_unet()
    out = unet(inputs(3))
    assert out.shape == (3, 28, 28, 1)
    # Zero-initialised output layer: an untrained network predicts no noise.
    assert np.all(np_(out) == 0.0)
    params = unet.count_params()
    print(f"U-Net (the lesson's: 16, 32, 64 channels): {params:,} parameters")
    assert 200_000 < params < 500_000
    wider = build_unet(width=32, multipliers=(1, 2, 2), groups=8)
    print(f"U-Net (32, 64, 64 channels, group norm): {wider.count_params():,} parameters")
    assert params < wider.count_params() < 1_000_000
    # Strided convolutions down 28 -> 14 -> 7 and upsampling back.
    sizes = {layer.output.shape[1] for layer in unet.layers if "Conv2D" in type(layer).__name__}
    assert sizes == {28, 14, 7}


def test_do_the_label_the_null_label_and_the_timestep_all_change_the_prediction():
    unet = with_random_output_layer(build_unet(width=8, groups=4))
    x_t, t, _ = inputs(2)
    outs = {label: np_(unet([x_t, t, np.full((2, 1), label, "int32")])) for label in (0, 3, 10)}
    assert not np.allclose(outs[0], outs[3]) and not np.allclose(outs[3], outs[10])
    later = np_(unet([x_t, t + 100, np.zeros((2, 1), "int32")]))
    assert not np.allclose(later, outs[0])
    # Each image's prediction depends only on its own inputs.
    alone = np_(unet([x_t[:1], t[:1], np.zeros((1, 1), "int32")]))
    np.testing.assert_allclose(alone, outs[0][:1], atol=1e-5)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"image_shape": (30, 30, 1)}, "divisible by 4"),
        ({"image_shape": (28, 28)}, "image_shape"),
        ({"width": 0}, "width"),
        ({"num_classes": 0}, "num_classes"),
        ({"width": 12, "groups": 8}, "divisible by groups"),
    ],
)
def test_are_sizes_that_do_not_fit_refused_with_the_value_received(kwargs, match):
    with pytest.raises(ValueError, match=f"{match}.*Received|Received.*{match}"):
        build_unet(**kwargs)


def test_do_a_few_training_steps_on_a_small_batch_reduce_the_loss():
    keras.utils.set_random_seed(0)
    unet = build_unet(image_shape=(8, 8, 1), width=8)
    rng = np.random.default_rng(1)
    x_t, t, labels = inputs(16, shape=(8, 8, 1), seed=2)
    noise = rng.standard_normal(x_t.shape).astype("float32")
    optimizer = keras.optimizers.Adam(3e-3)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((unet([x_t, t, labels], training=True) - noise) ** 2)
        optimizer.apply(tape.gradient(loss, unet.trainable_weights), unet.trainable_weights)
        return loss

    losses = [float(step()) for _ in range(40)]
    assert losses[0] == pytest.approx(np.mean(noise**2), rel=1e-5)  # zero output at first
    assert losses[-1] < 0.7 * losses[0], losses


def test_does_a_saved_unet_predict_the_same_after_loading(tmp_path):
    unet = with_random_output_layer(build_unet(width=8))
    path = tmp_path / "unet.keras"
    unet.save(path)
    loaded = keras.models.load_model(path)
    batch = inputs(2)
    np.testing.assert_allclose(np_(loaded(batch)), np_(unet(batch)), atol=1e-6)
