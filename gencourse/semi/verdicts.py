"""What lesson 06's numbers say, as sentences computed from the summary's per-seed accuracies.

Every comparison is a paired difference over seeds
(:func:`gencourse.augment.paired.paired_difference`, as in lesson 05), given
as mean ± standard deviation with the number of seeds; with one seed nothing
is compared (lesson 05's :func:`~gencourse.augment.verdicts.opening`).

For each n: which arm won (lesson 05's sentence); whether the best method that
uses the unlabelled digits beat ``real + classic`` by more than the spread;
**what the GAN adds**, read only from the ablation :data:`ABLATION`: the same
discriminator, classic copies and steps with the unsupervised loss on
(``ssgan_classic``) against off (``ssgan_supervised``); and how the best
method with a generative model compares with the pseudo-label control, which
is another way to use the same unlabelled digits with a different network and
budget (a comparison of two whole recipes, not the generative model's share).
Across n: what lesson 05's classic copies of the labelled digits changed for the
semi-supervised GAN.

:func:`labelled_images` states, per arm, the images it trained on.

The sentences are in the catalogue (``semi.c.*``, ``semi.labelled.*``,
``gencourse/i18n/catalog/semi.py``).
"""

from __future__ import annotations

from gencourse.augment.report import arm_name
from gencourse.augment.sets import SEMI_ARMS, UNLABELLED_ARMS
from gencourse.augment.verdicts import diff_values, first_sentence, opening, part
from gencourse.i18n import get_language, t

#: The arms with a generative model (VAE features or a semi-supervised GAN).
GENERATIVE = ("m1", "ssgan", "ssgan_classic")
#: What the GAN adds: the first arm minus the second (the unsupervised loss on minus off).
ABLATION = ("ssgan_classic", "ssgan_supervised")
#: What lesson 05's classic copies change for the semi-supervised GAN.
COPIES = ("ssgan_classic", "ssgan")


def _best(f, group) -> str | None:
    present = [a for a in group if a in f.means]
    return max(present, key=lambda a: f.means[a]) if present else None


def _each_n(f, lang: str) -> list:
    """The sentences about one n after the winner's."""
    lines = []
    best = _best(f, UNLABELLED_ARMS)
    if best and "real_classic" in f.means:
        d = f.vs(best, "real_classic")
        if d is not None:
            lines.append(
                t(
                    f"semi.c.vs_classic.{d.verdict()}",
                    lang,
                    n=f.n,
                    arm=arm_name(best, lang),
                    mean=100 * f.means[best],
                    classic=100 * f.means["real_classic"],
                    **diff_values(d),
                )
            )
    on, off = ABLATION
    if on in f.means and off in f.means:
        d = f.vs(on, off)
        if d is not None:
            names = {"arm": arm_name(on, lang), "other": arm_name(off, lang)}
            lines.append(
                t(f"semi.c.gan_adds.{d.verdict()}", lang, n=f.n, **names, **diff_values(d))
            )
    best = _best(f, GENERATIVE)
    if best and "pseudo" in f.means:
        d = f.vs(best, "pseudo")
        if d is not None:
            lines.append(
                t(
                    f"semi.c.vs_control.{d.verdict()}",
                    lang,
                    n=f.n,
                    arm=arm_name(best, lang),
                    mean=100 * f.means[best],
                    control=100 * f.means["pseudo"],
                    **diff_values(d),
                )
            )
    return lines


def conclusions(summary, lang: str | None = None) -> list:
    """The findings as sentences in ``lang``, every comparison paired by seed.

    With one seed per cell the only line says that one seed allows no comparison.

    Raises:
        ValueError: if the summary has no per-seed accuracies (e.g. a
            ``summary.csv`` read without them), or lacks the 'real' arm at some n.
    """
    lang = lang or get_language()
    lines, found = opening(summary, lang)
    for f in found:
        lines.append(first_sentence(f, lang))
        lines += _each_n(f, lang)
    arm, other = COPIES
    diffs = [f.vs(arm, other) for f in found if arm in f.means and other in f.means]
    diffs = [d for d in diffs if d is not None]
    if diffs:
        parts = "; ".join(part(d, lang) for d in diffs)
        names = {"arm": arm_name(arm, lang), "other": arm_name(other, lang)}
        lines.append(t("semi.c.classic", lang, **names, parts=parts))
    return lines


def labelled_images(
    arms,
    n: int,
    budget=None,
    lang: str | None = None,
    unlabelled: int | None = None,
    num_classes: int = 10,
) -> list:
    """A title and one line per arm: the images it trained on, from the budget.

    What each arm of lesson 06 learns from at ``n`` labelled digits per class:
    the labelled digits, lesson 05's classic copies of them (no new labels), the
    pseudo-labels the control may add, and the unlabelled digits the
    semi-supervised GAN's unsupervised loss uses.

    Args:
        arms: arms of :data:`~gencourse.augment.sets.SEMI_ARMS`, in the order to print.
        n: labelled digits per class.
        budget: a :class:`gencourse.semi.Budget` (default: :func:`gencourse.semi.default_budget`);
            its ``synthetic_per_class`` (copies), ``threshold`` and ``per_class``
            (pseudo-labels) are read.
        lang: the language (default: the current one).
        unlabelled: the number of unlabelled digits (e.g. ``len(split.u)``); None
            says "the other training digits" instead of a number.
        num_classes: classes (10 digits).

    Returns:
        A list of lines: the title, then one per arm.

    Raises:
        ValueError: on an arm outside :data:`~gencourse.augment.sets.SEMI_ARMS`.

    Example:

    >>> from gencourse.semi import FULL
    >>> labelled_images(["real", "m1"], 10, FULL, "en")[1]
    "'real only': 100 labelled digits (10 per class)."
    """
    lang = lang or get_language()
    unknown = [a for a in arms if a not in SEMI_ARMS]
    if unknown:
        raise ValueError(f"arms must come from {SEMI_ARMS}. Received: {list(arms)}")
    if budget is None:
        from gencourse.semi.experiment import default_budget

        budget = default_budget()
    if unlabelled is None:
        rest = t("semi.labelled.unlabelled_rest", lang)
    else:
        rest = t("semi.labelled.unlabelled_count", lang, count=unlabelled)
    values = {
        "n": n,
        "labelled": n * num_classes,
        "copies": budget.synthetic_per_class * num_classes,
        "threshold": budget.threshold,
        "unlabelled": rest,
    }
    lines = [t("semi.labelled.title", lang, n=n)]
    for arm in arms:
        key = f"semi.labelled.{arm}"
        extra = {}
        if arm == "pseudo":
            if budget.per_class is None:
                key = "semi.labelled.pseudo_uncapped"
            else:
                extra = {"per_class": budget.per_class, "pseudo": budget.per_class * num_classes}
        lines.append(t(key, lang, arm=arm_name(arm, lang), **values, **extra))
    return lines
