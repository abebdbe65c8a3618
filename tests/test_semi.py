"""Lesson 06's experiment (gencourse.semi): the split, each method, the grid, the reading, the CLI."""

import csv
import dataclasses
import json

import numpy as np
import pytest
from test_augment_cli import _gencourse

from gencourse import augment, data, i18n, semi
from gencourse.augment import provenance
from gencourse.semi import methods, verdicts


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist5k")


def test_is_the_labelled_part_lesson_05s_subset_and_the_rest_unlabelled(digits):
    part = semi.split(digits, 3, seed=1)
    x, y = augment.scarce_subset(digits, 3, seed=1)
    np.testing.assert_array_equal(part.x, x)
    np.testing.assert_array_equal(part.y, y)
    # The seed's validation digits (as many as the labelled ones) are in neither part.
    assert len(part.u) == len(digits.x_train) - 30 - 30 == len(part.u_labels)
    # Every training digit is in exactly one of labelled, unlabelled and validation.
    seen = {img.tobytes() for img in part.x}
    assert not any(img.tobytes() in seen for img in part.u)
    val = digits.x_train[augment.validation_indices(digits, 3, seed=1)]
    rebuilt = np.concatenate([part.x, part.u, val]).reshape(len(digits.x_train), -1)
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


def _summary(table):
    """{n: {arm: [accuracy of seed 0, seed 1, ...]}} to a summary (per-seed values kept)."""
    rows = [
        {"n": n, "arm": arm, "seed": s, "accuracy": a}
        for n, arms in table.items()
        for arm, accs in arms.items()
        for s, a in enumerate(accs)
    ]
    return augment.summarize(rows)


# Three n, one verdict each for every comparison: above at 10, tie at 50, below at 100.
TABLE = {
    10: {
        "real": [0.79, 0.81, 0.83],
        "real_classic": [0.87, 0.875, 0.89],
        "pseudo": [0.88, 0.89, 0.90],
        "m1": [0.79, 0.80, 0.81],
        "ssgan": [0.89, 0.90, 0.91],
        "ssgan_classic": [0.92, 0.93, 0.94],
        "ssgan_supervised": [0.85, 0.86, 0.87],
    },
    50: {
        "real": [0.88, 0.90, 0.92],
        "real_classic": [0.92, 0.93, 0.94],
        "pseudo": [0.93, 0.925, 0.945],
        "m1": [0.85, 0.86, 0.87],
        "ssgan": [0.92, 0.93, 0.93],
        "ssgan_classic": [0.94, 0.92, 0.95],
        "ssgan_supervised": [0.925, 0.935, 0.94],
    },
    100: {
        "real": [0.93, 0.94, 0.95],
        "real_classic": [0.955, 0.96, 0.965],
        "pseudo": [0.945, 0.95, 0.955],
        "m1": [0.90, 0.91, 0.92],
        "ssgan": [0.93, 0.935, 0.94],
        "ssgan_classic": [0.94, 0.945, 0.95],
        "ssgan_supervised": [0.95, 0.955, 0.96],
    },
}


def _paired(n, a, b):
    """The expected values, computed here with numpy: gap (points), spread (points), seeds."""
    d = np.subtract(TABLE[n][a], TABLE[n][b])
    return {
        "gap": f"{100 * d.mean():+.1f}",
        "spread": f"{100 * d.std(ddof=1):.1f}",
        "seeds": len(d),
    }


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_the_reading_pair_every_comparison_and_say_each_verdict(lang):
    lines = verdicts.conclusions(_summary(TABLE), lang)
    name = lambda arm: i18n.t(f"augment.arm.{arm}", lang)  # noqa: E731
    mean = lambda n, arm: 100 * np.mean(TABLE[n][arm])  # noqa: E731
    assert lines[0] == i18n.t("augment.c.paired", lang)
    for n, verdict, best in [(10, "above", "ssgan_classic"), (50, "tie", "ssgan_classic"),
                             (100, "below", "pseudo")]:  # fmt: skip
        # The best method that uses the unlabelled digits against 'real + classic'.
        assert i18n.t(f"semi.c.vs_classic.{verdict}", lang, n=n, arm=name(best),
                      mean=mean(n, best), classic=mean(n, "real_classic"),
                      **_paired(n, best, "real_classic")) in lines  # fmt: skip
        # What the GAN adds: the ablation, and only the ablation.
        assert i18n.t(f"semi.c.gan_adds.{verdict}", lang, n=n, arm=name("ssgan_classic"),
                      other=name("ssgan_supervised"),
                      **_paired(n, "ssgan_classic", "ssgan_supervised")) in lines  # fmt: skip
        # The control: the best method with a generative model against pseudo-labels.
        assert i18n.t(f"semi.c.vs_control.{verdict}", lang, n=n, arm=name("ssgan_classic"),
                      mean=mean(n, "ssgan_classic"), control=mean(n, "pseudo"),
                      **_paired(n, "ssgan_classic", "pseudo")) in lines  # fmt: skip
    parts = "; ".join(
        i18n.t("augment.c.part", lang, n=n, **_paired(n, "ssgan_classic", "ssgan")) for n in TABLE
    )
    copies = i18n.t("semi.c.classic", lang, arm=name("ssgan_classic"), other=name("ssgan"),
                    parts=parts)  # fmt: skip
    assert lines[-1] == copies
    # Four lines per n (the winner, classic, the GAN's share, the control), the paired line,
    # the copies' line.
    assert len(lines) == 1 + 4 * len(TABLE) + 1


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_is_the_generative_models_share_only_said_of_the_ablation(lang):
    share = {"ko": "생성 모델의 몫", "en": "what the GAN adds"}[lang]
    lines = verdicts.conclusions(_summary(TABLE), lang)
    with_share = [line for line in lines if share in line]
    assert len(with_share) == 3
    assert all(i18n.t("augment.arm.ssgan_supervised", lang) in line for line in with_share)
    control = [line for line in lines if i18n.t("augment.arm.pseudo", lang) in line
               or "의사 레이블 대조군" in line or "pseudo-label control" in line]  # fmt: skip
    assert control and not any(share in line or "share" in line for line in control)
    # Without the ablation arm, the control is still described, and no share is claimed.
    without = {n: {a: v for a, v in arms.items() if a != "ssgan_supervised"}
               for n, arms in TABLE.items()}  # fmt: skip
    lines = verdicts.conclusions(_summary(without), lang)
    assert not any(share in line for line in lines)
    assert len([line for line in lines if "의사 레이블 대조군" in line
                or "pseudo-label control" in line]) == 3  # fmt: skip


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_one_seed_give_one_line_and_no_difference(lang):
    one = {n: {a: v[:1] for a, v in arms.items()} for n, arms in TABLE.items()}
    assert verdicts.conclusions(_summary(one), lang) == [i18n.t("augment.c.one_seed", lang)]


def test_is_a_summary_without_per_seed_values_refused():
    old = [{k: v for k, v in s.items() if k != "accuracies"} for s in _summary(TABLE)]
    with pytest.raises(ValueError, match="needs each seed's accuracy"):
        verdicts.conclusions(old, "en")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_each_arm_say_which_images_it_trained_on(lang):
    lines = semi.labelled_images(semi.SEMI_ARMS, 10, semi.FULL, lang, unlabelled=3890)
    assert lines[0] == i18n.t("semi.labelled.title", lang, n=10)
    by_arm = dict(zip(semi.SEMI_ARMS, lines[1:], strict=True))
    for arm, line in by_arm.items():
        assert line.startswith(f"'{i18n.t(f'augment.arm.{arm}', lang)}': ")
        assert "100" in line  # 10 labelled digits per class, 10 classes
    # Lesson 05's classic copies: 100 per class, 1,000 in all, where the arm uses them.
    with_copies = {"real_classic", "pseudo", "ssgan_classic", "ssgan_supervised"}
    assert {arm for arm, line in by_arm.items() if "1,000" in line} == with_copies
    # The control's pseudo-labels: at most 200 per class (2,000), at 95% or more.
    assert "2,000" in by_arm["pseudo"] and "200" in by_arm["pseudo"] and "95%" in by_arm["pseudo"]
    unlabelled = i18n.t("semi.labelled.unlabelled_count", lang, count=3890)
    assert {arm for arm, line in by_arm.items() if unlabelled in line} == {"ssgan", "ssgan_classic"}
    assert by_arm["m1"] == i18n.t("semi.labelled.m1", lang, arm=i18n.t("augment.arm.m1", lang),
                                  labelled=100)  # fmt: skip
    # Another budget, another count; no number of unlabelled digits given; no cap on the control.
    budget = dataclasses.replace(semi.FULL, synthetic_per_class=30, per_class=None)
    (real_classic, pseudo, ssgan) = semi.labelled_images(
        ["real_classic", "pseudo", "ssgan"], 5, budget, lang
    )[1:]
    assert "50" in real_classic and "300" in real_classic
    assert pseudo == i18n.t("semi.labelled.pseudo_uncapped", lang,
                            arm=i18n.t("augment.arm.pseudo", lang), labelled=50, copies=300,
                            threshold=0.95)  # fmt: skip
    assert i18n.t("semi.labelled.unlabelled_rest", lang) in ssgan


def test_is_an_unknown_arm_refused_by_the_image_counts():
    with pytest.raises(ValueError, match="arms must come from"):
        semi.labelled_images(["real_cgan"], 10, semi.FULL, "en")


def test_is_an_unknown_arm_refused_by_the_summary():
    with pytest.raises(ValueError, match="Unknown arms"):
        augment.summarize([{"n": 1, "arm": "gan", "seed": 0, "accuracy": 0.5}])


# --- the command ---------------------------------------------------------------------


def test_does_the_unlabelled_setting_write_its_tables_and_plot(tmp_path):
    out = tmp_path / "semi"
    proc = _gencourse("augment", "--setting", "unlabelled", "--quick", "--n", "2", "--seeds", "1",
                      "--arms", "pseudo,ssgan", "--out", str(out), "--lang", "ko",
                      "--ship", str(tmp_path / "shipped.json"))  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shipped = json.loads((tmp_path / "shipped.json").read_text(encoding="utf-8"))
    meta = shipped["provenance"]
    quick = json.loads(json.dumps(dataclasses.asdict(semi.QUICK)))  # tuples as lists, as shipped
    assert meta["setting"] == "unlabelled" and meta["budget"] == quick
    assert meta["recipe_hash"] == provenance.recipe_hash(
        "unlabelled", semi.QUICK, semi.QUICK.synthetic_per_class, meta["arms"]
    )
    assert [r["arm"] for r in shipped["rows"]] == ["real", "pseudo", "ssgan"]
    assert shipped["pseudo"][0]["n"] == 2 and "quality" not in shipped
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
