"""Lesson 06's experiment (gencourse.semi): the split, each method, the grid, the reading, the CLI."""

import csv

import numpy as np
import pytest
from test_augment_cli import _gencourse

from gencourse import augment, data, i18n, semi
from gencourse.semi import methods, verdicts


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist5k")


def test_is_the_labelled_part_lesson_05s_subset_and_the_rest_unlabelled(digits):
    part = semi.split(digits, 3, seed=1)
    x, y = augment.scarce_subset(digits, 3, seed=1)
    np.testing.assert_array_equal(part.x, x)
    np.testing.assert_array_equal(part.y, y)
    assert len(part.u) == len(digits.x_train) - 30 == len(part.u_labels)
    # Every training digit is in exactly one part: no labelled digit is also unlabelled.
    seen = {img.tobytes() for img in part.x}
    assert not any(img.tobytes() in seen for img in part.u)
    rebuilt = np.concatenate([part.x, part.u]).reshape(len(digits.x_train), -1)
    assert sorted(map(bytes, rebuilt)) == sorted(map(bytes, digits.x_train.reshape(4000, -1)))


def test_are_the_references_the_same_numbers_as_lesson_05s(digits):
    budget = semi.with_budget(semi.QUICK, synthetic_per_class=3)
    run = semi.run_once(digits, 2, 0, budget, arms=("real", "real_classic"))
    same = augment.with_budget(augment.QUICK, recogniser_steps=budget.recogniser_steps)
    theirs = augment.run_once(digits, 2, 0, 3, same, arms=("real", "real_classic"))
    assert run.accuracies == theirs.accuracies


def test_does_every_arm_get_an_accuracy_and_the_pseudo_labels_a_count(digits):
    run = semi.run_once(digits, 2, 1, semi.QUICK)
    assert list(run.accuracies) == list(semi.SEMI_ARMS)
    assert all(0.0 <= a <= 1.0 for a in run.accuracies.values())
    assert 0 <= run.pseudo.kept <= 10 * semi.QUICK.per_class and 0 <= run.pseudo.correct <= 1
    assert set(run.models) == {"ssgan", "ssgan_classic", "ssgan_supervised"}
    weights = {arm: model.unsupervised_weight for arm, model in run.models.items()}
    assert weights == {"ssgan": 1.0, "ssgan_classic": 1.0, "ssgan_supervised": 0.0}
    with pytest.raises(ValueError, match="arms must come from"):
        semi.run_once(digits, 2, 1, semi.QUICK, arms=("real", "real_cgan"))


class _Sure:
    """A stand-in recogniser that knows the unlabelled digits' true labels (for the plumbing)."""

    def __init__(self, truth, sure):
        self.truth, self.sure, self.fitted = truth, sure, []

    def fit(self, images, labels, steps, batch_size, seed):
        self.fitted.append((len(images), np.asarray(labels)))
        return self

    def probabilities(self, images):
        p = np.full((len(images), 10), 0.01)
        p[np.arange(len(images)), self.truth] = 0.91
        p[self.sure, :] = 0.0
        p[self.sure, self.truth[self.sure]] = 1.0
        return p

    def predict(self, images):
        return self.truth[: len(images)]


def test_does_pseudo_labelling_add_only_the_confident_images_with_their_labels():
    truth = np.arange(40) % 10
    sure = np.array([3, 7, 11, 12])
    trainer = _Sure(truth, sure)
    labelled = (np.zeros((5, 2, 2, 1)), np.arange(5))
    wrong = truth.copy()
    wrong[7] = 0  # the true label of one confident image differs from what it is given
    result = methods.pseudo_label(
        trainer, labelled, np.ones((40, 2, 2, 1)), wrong, lambda predict: 0.5, 1, 1, 0, 0.95, None
    )
    assert result.accuracy == 0.5
    assert result.kept == 4 and result.correct == pytest.approx(0.75)
    (first, _), (second, labels) = trainer.fitted
    assert first == 5 and second == 9
    np.testing.assert_array_equal(np.sort(labels[5:]), np.sort(truth[sure]))


def test_does_m1_classify_separated_features_and_not_shuffled_labels():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(10, 16)) * 4

    def draw(k):
        labels = np.repeat(np.arange(10), k)
        return centres[labels] + rng.normal(size=(len(labels), 16)), labels

    (train, y), (test, y_test) = draw(5), draw(50)
    assert methods.m1_accuracy(train, y, test, y_test) > 0.95
    assert methods.m1_accuracy(train, rng.permutation(y), test, y_test) < 0.4


def test_are_vae_features_the_shipped_vaes_latent_means(digits):
    from gencourse import pretrained

    vae = pretrained.load("vae_mnist5k")
    features = methods.vae_features(digits.x_test[:1500], vae, batch_size=700)
    assert features.shape == (1000, 16)
    np.testing.assert_allclose(features[:7], vae.encode(digits.x_test[:7])[0], atol=1e-5)


# --- the reading ---------------------------------------------------------------------


def _summary(cells, runs=3):
    return [
        {"n": n, "arm": arm, "mean": mean, "std": std, "runs": runs}
        for n, row in cells.items()
        for arm, (mean, std) in row.items()
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_the_reading_weigh_the_best_method_against_classic_and_the_control(lang):
    summary = _summary(
        {
            10: {
                "real": (0.81, 0.03),
                "real_classic": (0.88, 0.007),
                "pseudo": (0.89, 0.01),
                "m1": (0.80, 0.02),
                "ssgan": (0.90, 0.01),
                "ssgan_classic": (0.93, 0.005),
                "ssgan_supervised": (0.86, 0.01),
            },
            100: {
                "real": (0.94, 0.004),
                "real_classic": (0.955, 0.006),
                "pseudo": (0.96, 0.004),
                "m1": (0.93, 0.01),
                "ssgan": (0.955, 0.01),
                "ssgan_classic": (0.962, 0.006),
                "ssgan_supervised": (0.95, 0.005),
            },
        }
    )
    lines = verdicts.conclusions(summary, lang)
    name = i18n.t("augment.arm.ssgan_classic", lang)
    at_10 = [line for line in lines if line.startswith("n = 10")]
    assert any(name in line and "+5.0" in line for line in at_10)  # above classic: 93 - 88
    expected = i18n.t(
        "semi.c.vs_classic.above", lang, n=10, arm=name, mean=93.0, classic=88.0, gap="+5.0",
        spread=100 * np.hypot(0.005, 0.007),
    )  # fmt: skip
    assert expected in lines
    # 93 - 89 = 4 points over the control, spread ~1.1: the generative model's part.
    assert (
        i18n.t("semi.c.generative.above", lang, n=10, arm=name, gap="+4.0",
               spread=100 * np.hypot(0.005, 0.01)) in lines
    )  # fmt: skip
    # At n = 100 the best (96.2) and classic (95.5) differ by 0.7 < spread 0.85: a tie;
    # the best generative arm and the control differ by 0.2: a tie too.
    at_100 = " ".join(line for line in lines if line.startswith("n = 100"))
    tie = i18n.t("semi.c.vs_classic.tie", lang, n=100, arm=name, mean=96.2, classic=95.5,
                 gap="+0.7", spread=100 * np.hypot(0.006, 0.006))  # fmt: skip
    assert tie in at_100
    assert i18n.t("semi.c.generative.tie", lang, n=100, arm=name, gap="+0.2",
                  spread=100 * np.hypot(0.006, 0.004)) in at_100  # fmt: skip
    assert i18n.t("semi.c.classic", lang, parts="n = 10: +3.0 ± 1.1; n = 100: +0.7 ± 1.2") in lines
    # The ablation: the same discriminator without the unsupervised loss; not a method that
    # uses the unlabelled digits, so it never counts as the best of them.
    assert i18n.t("semi.c.gan_part", lang, parts="n = 10: +7.0 ± 1.1; n = 100: +1.2 ± 0.8") in lines


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_a_control_above_the_generative_arms_say_so_and_one_seed_give_means_only(lang):
    cells = {
        10: {
            "real": (0.8, 0.0),
            "real_classic": (0.85, 0.0),
            "pseudo": (0.9, 0.0),
            "ssgan": (0.86, 0.0),
        }
    }
    lines = verdicts.conclusions(_summary(cells, runs=1), lang)
    assert lines[0] == i18n.t("augment.c.one_seed", lang)
    name = i18n.t("augment.arm.ssgan", lang)
    assert i18n.t("semi.c.generative.mean", lang, n=10, arm=name, gap="-4.0", spread=0.0) in lines
    assert not any("±" in line for line in lines[1:])
    several = _summary({10: {**cells[10], "pseudo": (0.9, 0.01), "ssgan": (0.86, 0.01)}})
    below = i18n.t(
        "semi.c.generative.below", lang, n=10, arm=name, gap="-4.0",
        spread=100 * np.hypot(0.01, 0.01),
    )  # fmt: skip
    assert below in verdicts.conclusions(several, lang)


def test_is_an_unknown_arm_refused_by_the_summary():
    with pytest.raises(ValueError, match="Unknown arms"):
        augment.summarize([{"n": 1, "arm": "gan", "seed": 0, "accuracy": 0.5}])


# --- the command ---------------------------------------------------------------------


def test_does_the_unlabelled_setting_write_its_tables_and_plot(tmp_path):
    out = tmp_path / "semi"
    proc = _gencourse("augment", "--setting", "unlabelled", "--quick", "--n", "2", "--seeds", "1",
                      "--arms", "pseudo,ssgan", "--out", str(out), "--lang", "ko")  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with (out / "semi.csv").open() as f:
        assert [r["arm"] for r in csv.DictReader(f)] == ["real", "pseudo", "ssgan"]
    with (out / "pseudo.csv").open() as f:
        assert list(next(csv.DictReader(f))) == ["n", "seed", "kept", "correct"]
    assert (out / "semi.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert i18n.t("augment.arm.ssgan", "ko") in proc.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--arms", "real_cgan"], "with --setting unlabelled, --arms must come from"),
        (["--n", "200"], "every --n must lie in 1..199"),
        (["--cgan-steps", "5"], "--cgan-steps belongs to --setting scarce"),
        (["--ssgan-steps", "0"], "--ssgan-steps must be at least 1"),
    ],
)
def test_are_bad_unlabelled_options_refused_with_a_clear_message(tmp_path, args, message):
    proc = _gencourse("augment", "--setting", "unlabelled", "--quick",
                      "--out", str(tmp_path / "x"), *args)  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert not (tmp_path / "x").exists()


def test_is_a_lesson_06_arm_refused_in_the_scarce_setting(tmp_path):
    proc = _gencourse("augment", "--quick", "--arms", "ssgan", "--out", str(tmp_path / "x"))
    assert proc.returncode == 2 and "with --setting scarce, --arms must come from" in proc.stderr
