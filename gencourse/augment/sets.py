"""The scarce training set of lesson 05 and its classic augmentation.

:func:`scarce_subset` draws the ``n`` labelled digits per class that every arm
starts from; :func:`classic_augment` makes shifted and slightly rotated copies
of images, and :func:`classic_copies` makes a given number per class of them
from a subset (the ``real_classic`` arm's extra images).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: The arms of the experiment (see :mod:`gencourse.augment`), in table order.
ARMS = (
    "real",
    "real_classic",
    "real_cgan",
    "real_both",
    "synthetic",
    "real_cvae",
    "synthetic_cvae",
    "real_diffaug",
    "real_filtered",
    "real_diffusion",
    "synthetic_diffusion",
)
#: The arms that need each data maker: the plain cGAN, the conditional VAE, the DiffAugment
#: cGAN, the diffusion model (lesson 07's, :mod:`gencourse.models.diffusion`).
CGAN_ARMS = ("real_cgan", "real_both", "synthetic", "real_filtered")
CVAE_ARMS = ("real_cvae", "synthetic_cvae")
DIFFAUG_ARMS = ("real_diffaug",)
DIFFUSION_ARMS = ("real_diffusion", "synthetic_diffusion")
#: Lesson 05's live slice: every arm but the DiffAugment cGAN's (its maker costs as much as the
#: plain cGAN's) and the diffusion model's (it costs more); the shipped grid has them.
LIVE_ARMS = tuple(arm for arm in ARMS if arm not in DIFFAUG_ARMS + DIFFUSION_ARMS)
#: The two panels of the plot: the data makers side by side, and the fixes to the plain cGAN.
MAKER_ARMS = (
    "real",
    "real_classic",
    "real_cgan",
    "synthetic",
    "real_cvae",
    "synthetic_cvae",
    "real_diffusion",
    "synthetic_diffusion",
)
FIX_ARMS = ("real", "real_classic", "real_cgan", "real_both", "real_diffaug", "real_filtered")


#: Lesson 06's arms (gencourse.semi), in table order; its references are lesson 05's:
#:
#: ``real``           the ``n`` labelled digits per class (as in lesson 05);
#: ``real_classic``   plus lesson 05's shifted and slightly rotated copies;
#: ``pseudo``         the control that is not generative: ``real_classic``'s recogniser
#:                    labels the unlabelled digits it is confident about, and a
#:                    recogniser trains again on ``real_classic`` plus those;
#: ``m1``             VAE features (Kingma et al.'s M1): a support vector machine on the
#:                    16-D latent means of the shipped VAE, trained on all training
#:                    images without labels;
#: ``ssgan``          the semi-supervised GAN's discriminator as the recogniser;
#: ``ssgan_classic``  the same, its labelled digits joined by lesson 05's classic copies
#:                    (classic augmentation of its inputs, measured on and off);
#: ``ssgan_supervised``  the ablation: ``ssgan_classic``'s discriminator, copies and steps
#:                    with the unsupervised loss switched off, so the labelled digits alone
#:                    train it (what the GAN part adds is ``ssgan_classic`` minus this).
SEMI_ARMS = ("real", "real_classic", "pseudo", "m1", "ssgan", "ssgan_classic", "ssgan_supervised")
#: The arms that use the unlabelled digits.
UNLABELLED_ARMS = ("pseudo", "m1", "ssgan", "ssgan_classic")
#: The arms whose recogniser is the semi-supervised GAN's discriminator.
SSGAN_ARMS = ("ssgan", "ssgan_classic", "ssgan_supervised")


def _class_orders(data, n_per_class: int, seed: int, held: int = 0):
    """Each class's training indices in the order ``seed`` draws them, and the generator.

    The labelled digits of a seed are the first ``n`` of each class's order (so a larger n
    only adds digits); its validation digits are the last ones (never labelled training
    digits of that seed at any n the check allows).
    """
    available = int(np.bincount(data.y_train).min())
    if not isinstance(n_per_class, int | np.integer) or not 1 <= n_per_class <= available - held:
        raise ValueError(
            f"n_per_class must be an int from 1 to {available - held} (the training digits per "
            f"class in {data.name}"
            + (f", less {held} per class kept for validation" if held else "")
            + f"). Received: n_per_class={n_per_class!r}"
        )
    rng = np.random.default_rng([int(seed), 5])
    orders = [rng.permutation(np.flatnonzero(data.y_train == k)) for k in range(data.num_classes)]
    return orders, rng


def scarce_indices(data, n_per_class: int, seed: int) -> np.ndarray:
    """The indices into ``data.x_train`` of :func:`scarce_subset`'s digits, in its order.

    Lesson 06 uses the other training digits (less the validation digits) without their
    labels.
    """
    orders, rng = _class_orders(data, n_per_class, seed)
    return rng.permutation(np.concatenate([order[:n_per_class] for order in orders]))


def validation_size(n_per_class: int) -> int:
    """Validation digits per class for ``n`` labelled ones: as many, never more.

    The realistic protocol of Oliver et al. (2018): a labelled validation set no larger
    than the labelled training set, carved from the training pool, never from the test
    digits.
    """
    return int(n_per_class)


def validation_indices(data, n_per_class: int, seed: int) -> np.ndarray:
    """The indices into ``data.x_train`` of the validation digits that go with ``seed``'s subset.

    :func:`validation_size` digits per class, the last of each class's order for ``seed``:
    disjoint from the labelled digits of every n up to half a class. Recipes are chosen on
    these (see ``bench/README.md``, "Recipes and how they were chosen"); the test digits
    are read only for the final scores.
    """
    size = validation_size(n_per_class)
    orders, _ = _class_orders(data, n_per_class, seed, held=size)
    return np.concatenate([order[-size:] for order in orders])


def validation_subset(data, n_per_class: int, seed: int):
    """``(images, labels)`` of :func:`validation_indices`, in class order."""
    order = validation_indices(data, n_per_class, seed)
    return data.x_train[order], data.y_train[order]


def scarce_subset(data, n_per_class: int, seed: int):
    """``n_per_class`` training digits of each class, drawn with ``seed``.

    Only ``data.x_train`` is used, so the held-out digits never enter. For one
    seed the subsets are nested: the 10 digits per class of ``n=10`` are the
    first 10 of the 20 of ``n=20``, so a larger ``n`` only adds digits.

    Returns:
        ``(images, labels)``: (10 * n, h, w, 1) float32 and (10 * n,) int64,
        shuffled.

    Raises:
        ValueError: if ``n_per_class`` is below 1 or above what a class has.
    """
    order = scarce_indices(data, n_per_class, seed)
    return data.x_train[order], data.y_train[order]


@dataclass(frozen=True)
class Split:
    """The labelled digits (``x``, ``y``: lesson 05's subset) and the unlabelled images ``u``.

    ``u_labels`` are the unlabelled digits' true labels, never used for training:
    only to report how many of the pseudo-labels are right.
    """

    x: np.ndarray
    y: np.ndarray
    u: np.ndarray
    u_labels: np.ndarray


def split(data, n: int, seed: int) -> Split:
    """Lesson 05's ``n`` labelled digits per class for ``seed``, and the rest without labels.

    The seed's validation digits (:func:`validation_indices`) are in neither part: they
    stay labelled and out of training, for choosing recipes.
    """
    chosen = scarce_indices(data, n, seed)
    kept_out = np.concatenate([chosen, validation_indices(data, n, seed)])
    rest = np.setdiff1d(np.arange(len(data.x_train)), kept_out)
    return Split(data.x_train[chosen], data.y_train[chosen], data.x_train[rest], data.y_train[rest])


def with_classic_copies(images, labels, per_class: int, seed: int, num_classes: int = 10):
    """``(images, labels)`` followed by :func:`classic_copies` of them: the ``real_classic`` set."""
    cx, cy = classic_copies(images, labels, per_class, seed, num_classes)
    return np.concatenate([images, cx]), np.concatenate([labels, cy])


def classic_augment(images, labels, seed: int, max_shift: int = 2, max_rotation: float = 10.0):
    """Randomly shifted and slightly rotated copies of ``images``; labels unchanged.

    Each image is rotated about its centre by an angle drawn uniformly from
    [-max_rotation, max_rotation] degrees and shifted by a whole number of
    pixels from -max_shift to max_shift along each axis (bilinear
    interpolation, zeros come in at the borders).

    Returns:
        ``(images, labels)`` with the shapes of the inputs; pixels stay in [0, 1].
    """
    from scipy import ndimage

    images = np.asarray(images, "float32")
    labels = np.asarray(labels)
    if images.ndim != 4 or len(labels) != len(images):
        raise ValueError(
            "images must have shape (n, height, width, channels) with one label each. "
            f"Received: images {images.shape}, labels {labels.shape}"
        )
    rng = np.random.default_rng(seed)
    n, h, w, _ = images.shape
    angles = np.deg2rad(rng.uniform(-max_rotation, max_rotation, n))
    shifts = rng.integers(-max_shift, max_shift + 1, size=(n, 2))
    centre = np.array([(h - 1) / 2, (w - 1) / 2])
    out = np.empty_like(images)
    for i in range(n):
        c, s = math.cos(angles[i]), math.sin(angles[i])
        rotation = np.array([[c, -s], [s, c]])
        # Output pixel o reads input pixel R (o - centre - shift) + centre.
        offset = centre - rotation @ (centre + shifts[i])
        for ch in range(images.shape[-1]):
            out[i, :, :, ch] = ndimage.affine_transform(
                images[i, :, :, ch], rotation, offset=offset, order=1, cval=0.0
            )
    return np.clip(out, 0.0, 1.0), labels.copy()


def classic_copies(images, labels, per_class: int, seed: int, num_classes: int = 10):
    """``per_class`` augmented copies per class, made from the class's own images in turn."""
    labels = np.asarray(labels)
    rng = np.random.default_rng([int(seed), 7])
    sources = []
    for k in range(num_classes):
        idx = rng.permutation(np.flatnonzero(labels == k))
        if len(idx):
            sources.append(np.resize(idx, per_class))
    sources = np.concatenate(sources) if sources else np.zeros(0, int)
    return classic_augment(np.asarray(images)[sources], labels[sources], seed=int(seed) + 1000)


def filtered_samples(
    generate,
    predict,
    per_class: int,
    num_classes: int = 10,
    seed: int = 0,
    pool_factor: int = 3,
    max_rounds: int = 5,
):
    """``per_class`` generated images per class that a recogniser reads as the label asked for.

    Samples are drawn in rounds of ``pool_factor * per_class`` per class;
    each round keeps those whose predicted class is the label they were made
    for, until every class has ``per_class`` (the same count as the unfiltered
    arm: the filter changes which samples, not how many). A class still short
    after ``max_rounds`` is refilled with its rejected samples in the order
    they came (so the count never changes).

    Args:
        generate: ``(labels, seed) -> images``, e.g. a cGAN's ``generate``.
        predict: ``images -> predicted classes`` (N,), the run's own
            real-only recogniser: never a judge trained on more labels than
            the run has.

    Returns:
        ``(images, labels, accepted)``: labels in class order, and the share of
        all drawn samples the recogniser accepted.
    """
    from gencourse.augment import balanced_labels  # the exercise's reference

    kept = {k: [] for k in range(num_classes)}
    rejected = {k: [] for k in range(num_classes)}
    drawn = accepted = 0
    for round_ in range(max_rounds):
        asked = balanced_labels(pool_factor * per_class, num_classes)
        images = np.asarray(generate(asked, seed=int(seed) + 1000 * round_))
        ok = np.asarray(predict(images)).reshape(-1) == asked
        drawn, accepted = drawn + len(asked), accepted + int(ok.sum())
        for k in range(num_classes):
            kept[k] += list(images[(asked == k) & ok])
            rejected[k] += list(images[(asked == k) & ~ok])
        if all(len(v) >= per_class for v in kept.values()):
            break
    out = [np.stack((kept[k] + rejected[k])[:per_class]) for k in range(num_classes)]
    return np.concatenate(out), balanced_labels(per_class, num_classes), accepted / drawn
