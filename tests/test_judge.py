"""Is the judge (gencourse.models.judge) the classifier its card says, shipped and rebuilt alike?"""

import numpy as np
import pytest

from gencourse import data, metrics
from gencourse.models import judge as judge_module


@pytest.fixture(scope="module")
def mnist():
    return data.load("mnist5k", seed=0)


@pytest.fixture(scope="module")
def shipped():
    return judge_module.load_judge()


def test_does_the_judge_end_in_128_features_and_one_probability_per_class():
    model = judge_module.build_judge((8, 8, 1), num_classes=4)
    assert model.get_layer(judge_module.FEATURES).output.shape == (None, 128)
    assert model.output_shape == (None, 4)
    probs = model.predict(np.zeros((3, 8, 8, 1), "float32"), verbose=0)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


def test_do_the_notebooks_and_pretrained_reach_the_same_judge():
    assert metrics.load_judge is judge_module.load_judge
    from gencourse import pretrained

    assert pretrained.card("judge_mnist5k") == judge_module.judge_card()


def test_does_the_shipped_judge_meet_its_stated_held_out_accuracy(mnist, shipped):
    card = judge_module.judge_card()
    agreement = metrics.label_agreement(shipped, mnist.x_test, mnist.y_test)
    # The card states what `gencourse rebuild judge` measured; loading must reproduce it.
    assert agreement.overall == pytest.approx(card["held_out_accuracy"], abs=0.0015)
    assert agreement.overall >= 0.97 and np.nanmin(agreement.per_class) >= 0.9
    assert card["made_by"] == "gencourse rebuild judge"


def test_is_each_loaded_judge_a_fresh_model(shipped):
    other = metrics.load_judge()
    other.layers[-1].kernel.assign(np.zeros(other.layers[-1].kernel.shape))
    assert np.abs(np.asarray(shipped.layers[-1].kernel)).sum() > 0


def test_does_a_missing_weight_file_name_the_rebuild_command(tmp_path, monkeypatch):
    monkeypatch.setattr(judge_module, "JUDGE_FILE", tmp_path / "judge.weights.h5")
    with pytest.raises(FileNotFoundError, match="gencourse rebuild judge"):
        judge_module.load_judge()
