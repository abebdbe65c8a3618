"""Lesson 06's experiment: few labelled digits plus many unlabelled ones.

The question: with only ``n`` labelled digits per class but every other
training digit available without its label, how far does each way of using
the unlabelled digits get a recogniser, and which part of the gain is a
generative model's? The arms (:mod:`gencourse.augment.sets`):

``real``, ``real_classic``  lesson 05's references, with its recogniser, subsets
                            and step budget, so the two lessons' tables line up;
``pseudo``                  pseudo-labelling, the control that is not generative;
``m1``                      a classifier on a VAE's latent means (M1);
``ssgan``, ``ssgan_classic``  the semi-supervised GAN's discriminator, without and
                            with lesson 05's classic copies of its labelled digits.

Every arm is scored on the same 1,000 held-out digits as lesson 05.

- :mod:`~gencourse.semi.methods`: the split and each method;
- :mod:`~gencourse.semi.experiment`: one (n, seed) run and the grid;
- :mod:`~gencourse.semi.verdicts`: what the numbers say, as sentences, and the images
  each arm trained on;
- :mod:`~gencourse.semi.cli`: ``gencourse augment --setting unlabelled``.

The summary, CSV files, table and plot are lesson 05's
(:mod:`gencourse.augment.report`), which knows these arms too.
"""

from gencourse.augment.sets import SEMI_ARMS, SSGAN_ARMS, UNLABELLED_ARMS
from gencourse.semi.experiment import (
    FULL,
    LESSON,
    LIVE_ARMS,
    QUICK,
    Budget,
    Results,
    Run,
    default_budget,
    grid_size,
    run_grid,
    run_once,
    with_budget,
)
from gencourse.semi.methods import (
    PseudoResult,
    Split,
    m1_accuracy,
    m1_classifier,
    pseudo_label,
    split,
    ssgan_accuracy,
    train_semi_gan,
    vae_features,
)
from gencourse.semi.verdicts import conclusions, labelled_images

__all__ = [
    "SEMI_ARMS",
    "SSGAN_ARMS",
    "UNLABELLED_ARMS",
    "FULL",
    "LESSON",
    "LIVE_ARMS",
    "QUICK",
    "Budget",
    "Results",
    "Run",
    "default_budget",
    "grid_size",
    "run_grid",
    "run_once",
    "with_budget",
    "PseudoResult",
    "Split",
    "m1_accuracy",
    "m1_classifier",
    "pseudo_label",
    "split",
    "ssgan_accuracy",
    "train_semi_gan",
    "vae_features",
    "conclusions",
    "labelled_images",
]
