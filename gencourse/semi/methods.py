"""Lesson 06's methods, one function each: every one returns a held-out accuracy.

All of them start from the same split (:func:`gencourse.augment.sets.split`, also
``gencourse.semi.split``): the ``n`` labelled digits per class of lesson 05
(:func:`gencourse.augment.scarce_subset`, so the two lessons' tables line up) and
every other training digit without its label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gencourse.augment.sets import Split, split  # noqa: F401 (their home; named here too)

# --- the control that is not generative: pseudo-labelling -----------------------------


@dataclass(frozen=True)
class PseudoResult:
    """The retrained recogniser's accuracy, how many pseudo-labels it used, how many were right."""

    accuracy: float
    kept: int
    correct: float  # share of the kept pseudo-labels that are the true digit (a report only)


def pseudo_label(
    trainer, labelled, unlabelled, u_labels, evaluate, steps, batch_size, seed, threshold, per_class
):
    """Pseudo-labelling on top of ``labelled`` (``(images, labels)``), scored by ``evaluate``.

    ``evaluate(predict)`` scores the final recogniser's ``predict`` (the experiment passes
    :func:`gencourse.augment.scoring.final_accuracy` on the test digits; a recipe search,
    the validation digits).

    ``trainer`` (a :class:`gencourse.augment.RecogniserTrainer`) trains on
    ``labelled``, labels the ``unlabelled`` images it is at least ``threshold``
    sure of (at most ``per_class`` per digit, :func:`gencourse.models.pseudo.confident_pseudo_labels`),
    then trains again from the seed's initial weights on both, with the same steps.
    """
    from gencourse.models.pseudo import confident_pseudo_labels

    trainer.fit(*labelled, steps, batch_size, seed)
    keep, labels = confident_pseudo_labels(trainer.probabilities(unlabelled), threshold, per_class)
    images = np.concatenate([labelled[0], unlabelled[keep]])
    targets = np.concatenate([labelled[1], labels])
    trainer.fit(images, targets, steps, batch_size, seed)
    accuracy = float(evaluate(trainer.predict))
    correct = float(np.mean(labels == u_labels[keep])) if len(keep) else 0.0
    return PseudoResult(accuracy, int(len(keep)), correct)


# --- M1: a classifier on a VAE's latent means ------------------------------------------


def vae_features(images, vae=None, batch_size: int = 1000) -> np.ndarray:
    """The 16-D latent means of the shipped VAE (``vae_mnist5k``, trained without labels)."""
    if vae is None:
        from gencourse import pretrained

        vae = pretrained.load("vae_mnist5k")
    parts = [vae.encode(images[i : i + batch_size])[0] for i in range(0, len(images), batch_size)]
    return np.concatenate(parts)


def m1_classifier(features, labels, c: float = 10.0):
    """A support vector machine (RBF kernel) on standardised latent means."""
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    return make_pipeline(StandardScaler(), SVC(C=c, gamma="scale")).fit(features, labels)


def m1_accuracy(train_features, labels, test_features, test_labels, c: float = 10.0) -> float:
    """M1's held-out accuracy: :func:`m1_classifier` on the labelled digits' features."""
    model = m1_classifier(train_features, labels, c)
    return float(np.mean(model.predict(test_features) == np.asarray(test_labels)))


# --- the semi-supervised GAN --------------------------------------------------------------


def train_semi_gan(
    labelled,
    unlabelled,
    steps,
    batch_size,
    seed,
    label_shift=0,
    conv=False,
    unsupervised_weight=1.0,
    hidden=(500, 250, 250),
):
    """The semi-supervised GAN on ``labelled`` (``(images, labels)``) and ``unlabelled`` images.

    Returns the model; its discriminator classifies (:func:`ssgan_accuracy`). The
    learning rate falls linearly to nearly 0 over the ``steps``. With
    ``unsupervised_weight=0`` the discriminator learns from the labelled images alone
    (the ablation ``ssgan_supervised``). ``hidden``: the discriminator's hidden layer sizes.
    """
    from gencourse.models.ssgan import make_ssgan, train_ssgan

    images, labels = labelled
    model = make_ssgan(
        images.shape[1:],
        seed=seed,
        label_shift=label_shift,
        decay_steps=steps,
        conv=conv,
        unsupervised_weight=unsupervised_weight,
        hidden=hidden,
    )
    return train_ssgan(model, images, labels, unlabelled, steps, batch_size, seed)


def ssgan_accuracy(model, images, labels) -> float:
    """The share of ``images`` the discriminator classifies as their ``labels``."""
    return float(np.mean(model.classify(images) == np.asarray(labels).reshape(-1)))
