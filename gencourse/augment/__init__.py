"""Lesson 05's experiment: do generated digits help a recogniser trained on few labels?

The question, measured rather than assumed: with only ``n`` labelled digits
per class, does adding labelled samples from a conditional GAN, trained on
those same ``n`` digits per class and nothing else, make a digit recogniser
more accurate on real digits it has never seen?

The arms share everything except their training set:

``real``            the ``n`` real digits per class;
``real_classic``    plus ``k`` shifted and slightly rotated copies per class;
``real_cgan``       plus ``k`` cGAN samples per class, with the labels asked for;
``real_both``       plus both (``2k`` extra images per class);
``synthetic``       the ``k`` cGAN samples per class alone: the classification
                    accuracy score (train on synthetic, test on real);
``real_cvae``       plus ``k`` samples per class of a conditional VAE
                    (:mod:`gencourse.models.cvae`);
``synthetic_cvae``  the CVAE's samples alone (its classification accuracy score);
``real_diffaug``    plus ``k`` samples per class of the cGAN trained with
                    DiffAugment (:mod:`gencourse.models.diffaugment`);
``real_filtered``   plus ``k`` plain-cGAN samples per class that the run's own
                    real-only recogniser reads as their label, refilled to
                    ``k`` (never the shipped judge: it has seen 4,000 labels);
``real_diffusion``  plus ``k`` samples per class of lesson 07's conditional
                    diffusion model (:mod:`gencourse.models.diffusion`,
                    DDIM with classifier-free guidance);
``synthetic_diffusion``  the diffusion model's samples alone (its classification
                    accuracy score).

Every arm is scored on the same 1,000 held-out real digits of ``mnist5k``.

Fairness. The recogniser gets a fixed number of gradient steps, not epochs,
so an arm with a bigger training set is not also given more updates; with
the same seed the arms of one run also start from the same initial weights.
Each data maker is trained once per (n, seed), with the same step budget
for both cGANs, and shared by the arms that use it; it never sees a digit
outside that run's subset, and is never reused for another seed (another
seed draws another subset).

The package, one idea per module (every public name is also here):

- :mod:`~gencourse.augment.sets`: the scarce subset and classic augmentation;
- :mod:`~gencourse.augment.training`: the recogniser and the cGAN, trained for
  a fixed number of steps, and the cGAN's nearness to its training digits;
- :mod:`~gencourse.augment.experiment`: one (n, seed) run and the grid of runs;
- :mod:`~gencourse.augment.report`: the summary, its CSV files, table and plot;
- :mod:`~gencourse.augment.paired`: two arms compared seed by seed (paired differences);
- :mod:`~gencourse.augment.verdicts`: what the numbers say, as sentences;
- :mod:`~gencourse.augment.cli`: the ``gencourse augment`` command.

Two of the lesson's exercises (``balanced_labels``, ``augmented_training_set``) have
their references in this file, not in a
module: the grader names a learner's call into the library after the
function's module, and a call to these must read
``gencourse.augment.balanced_labels``, the name the lesson uses. The modules
that need them import them when called (a module-level import of this file
from one of its own modules would be an import cycle); the arms live in
:mod:`~gencourse.augment.sets`.
"""

from __future__ import annotations

import numpy as np

from gencourse.augment.sets import (
    ARMS,
    CGAN_ARMS,
    CVAE_ARMS,
    DIFFAUG_ARMS,
    DIFFUSION_ARMS,
    FIX_ARMS,
    MAKER_ARMS,
)

# --- the exercises' references -------------------------------------------------------


def balanced_labels(per_class: int, num_classes: int = 10) -> np.ndarray:
    """``per_class`` copies of each label 0..num_classes-1, in order: (per_class * num_classes,)."""
    return np.repeat(np.arange(num_classes), per_class)


def augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio):
    """The real images plus ``round(ratio * len(real_images))`` synthetic ones, with their labels.

    The synthetic images are taken from the start of the pool; each keeps its
    own label. Real images come first, then synthetic ones (the recogniser's
    batches are drawn at random, so the order does not matter).

    Raises:
        ValueError: if the ratio is negative or asks for more synthetic images
            than the pool holds.
    """
    count = round(ratio * len(real_images))
    if ratio < 0 or count > len(synthetic_images):
        raise ValueError(
            f"ratio must be >= 0 and ask for at most the {len(synthetic_images)} synthetic images "
            f"available. Received: ratio={ratio!r} ({count} synthetic images)"
        )
    images = np.concatenate([real_images, synthetic_images[:count]], axis=0)
    labels = np.concatenate([np.reshape(real_labels, -1), np.reshape(synthetic_labels, -1)[:count]])
    return images, labels


def shift_with_fill(images, dy, dx, fill=0.0):
    """Each image moved down by ``dy[i]`` and right by ``dx[i]`` whole pixels, ``fill`` shifted in.

    DiffAugment's translation, adapted to digits: the pixels that enter from
    outside take the background value (0 for MNIST), never a wrapped-around
    edge (``np.roll``) or copies of the border. Negative shifts move up or
    left; a shift of the whole height or width leaves only ``fill``. The
    training code's differentiable twin is
    :func:`gencourse.models.diffaugment.shift_images`.

    Args:
        images: (N, height, width, channels).
        dy, dx: (N,) whole-pixel shifts.
        fill: the background value.

    Returns:
        An array of the images' shape.
    """
    images = np.asarray(images)
    out = np.full(images.shape, fill, dtype=np.result_type(images.dtype, np.float32))
    _, h, w, _ = images.shape
    for i, (down, right) in enumerate(zip(np.reshape(dy, -1), np.reshape(dx, -1), strict=True)):
        down, right = int(np.clip(down, -h, h)), int(np.clip(right, -w, w))
        out[i, max(down, 0) : h + min(down, 0), max(right, 0) : w + min(right, 0)] = images[
            i, max(-down, 0) : h - max(down, 0), max(-right, 0) : w - max(right, 0)
        ]
    return out


# --- the modules' public names ------------------------------------------------------------

from gencourse.augment.copies import copy_report  # noqa: E402
from gencourse.augment.experiment import (  # noqa: E402
    Results,
    Run,
    grid_size,
    run_grid,
    run_once,
    sample_quality,
    training_sets,
)
from gencourse.augment.paired import Difference, paired_claim, paired_difference  # noqa: E402
from gencourse.augment.provenance import describe as describe_shipped  # noqa: E402
from gencourse.augment.provenance import load_shipped  # noqa: E402
from gencourse.augment.report import (  # noqa: E402
    arm_name,
    plot_accuracy,
    print_quality,
    print_summary,
    read_rows,
    read_summary,
    summarize,
    summarize_quality,
    table_rows,
    table_title,
    write_csv,
)
from gencourse.augment.sets import (  # noqa: E402
    LIVE_ARMS,
    classic_augment,
    classic_copies,
    filtered_samples,
    scarce_indices,
    scarce_subset,
    validation_indices,
    validation_size,
    validation_subset,
)
from gencourse.augment.training import (  # noqa: E402
    FULL,
    LESSON,
    QUICK,
    Budget,
    RecogniserTrainer,
    StepLoop,
    accuracy,
    build_recogniser,
    default_budget,
    nearest_distance,
    recogniser_trainer,
    train_cgan,
    train_cvae,
    train_diffaug_cgan,
    train_diffusion,
    train_recogniser,
    with_budget,
)
from gencourse.augment.verdicts import Finding, conclusions, findings  # noqa: E402

__all__ = [
    "ARMS",
    "CGAN_ARMS",
    "CVAE_ARMS",
    "DIFFAUG_ARMS",
    "DIFFUSION_ARMS",
    "MAKER_ARMS",
    "FIX_ARMS",
    "filtered_samples",
    "RecogniserTrainer",
    "StepLoop",
    "recogniser_trainer",
    "train_cvae",
    "train_diffaug_cgan",
    "train_diffusion",
    "sample_quality",
    "summarize_quality",
    "print_quality",
    "balanced_labels",
    "augmented_training_set",
    "shift_with_fill",
    "scarce_indices",
    "scarce_subset",
    "validation_indices",
    "validation_size",
    "validation_subset",
    "classic_augment",
    "classic_copies",
    "Budget",
    "LESSON",
    "LIVE_ARMS",
    "copy_report",
    "describe_shipped",
    "load_shipped",
    "FULL",
    "QUICK",
    "default_budget",
    "with_budget",
    "build_recogniser",
    "train_recogniser",
    "accuracy",
    "train_cgan",
    "nearest_distance",
    "Run",
    "training_sets",
    "run_once",
    "grid_size",
    "Results",
    "run_grid",
    "summarize",
    "write_csv",
    "read_rows",
    "read_summary",
    "Difference",
    "paired_claim",
    "paired_difference",
    "table_title",
    "arm_name",
    "table_rows",
    "print_summary",
    "plot_accuracy",
    "Finding",
    "findings",
    "conclusions",
]
