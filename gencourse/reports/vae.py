"""Lesson 02's measurements: held-out losses, the judge on VAE samples, two ways to draw z."""

from __future__ import annotations

from gencourse import metrics
from gencourse.i18n import t
from gencourse.reports.printing import say, table

# Changes of the share read with >= 90% confidence under 3 points count as about equal.
SAME = 0.03


def held_out_loss(history, latent_dim: int) -> None:
    """Prints the last epoch's held-out loss and its two terms."""
    last = {key: values[-1] for key, values in history.history.items()}
    print(
        t(
            "r02.held_out_loss",
            latent_dim=latent_dim,
            epochs=len(history.history["val_loss"]),
            total=last["val_loss"],
            reconstruction=last["val_reconstruction_loss"],
            kl=last["val_kl_loss"],
        )
    )


def latent_size_verdict(sure_2d: float, sure_16d: float) -> str:
    """How the share read with >= 90% confidence changed from latent size 2 to 16."""
    change = sure_16d - sure_2d
    key = "r02.sure_2_to_16_equal" if abs(change) < SAME else "r02.sure_2_to_16"
    return t(key, change=change)


def judge_report(judge, sources: dict, history_2d, history_16d) -> dict:
    """Prints the judge's table for each set of images, the held-out losses and the verdict.

    Args:
        judge: the judge classifier.
        sources: name -> images: real digits, then the samples of latent size 2 and 16, then
            any others.
        history_2d, history_16d: the two VAEs' ``History`` (with ``val_loss``).

    Returns:
        name -> :class:`gencourse.metrics.Verdict`.
    """
    verdicts = {name: metrics.judge_images(judge, images) for name, images in sources.items()}
    rows = [[name, v.classes_found, f"{v.confident_share:.1%}"] for name, v in verdicts.items()]
    table("r02.judge_headers", rows)
    loss_2d, loss_16d = (h.history["val_loss"][-1] for h in (history_2d, history_16d))
    say(t("r02.losses", loss_2d=loss_2d, loss_16d=loss_16d))
    _, v_2d, v_16d = list(verdicts.values())[:3]
    print(latent_size_verdict(v_2d.confident_share, v_16d.confident_share))
    return verdicts


def code_density_verdict(prior: float, codes: float) -> list[str]:
    """The shares read with >= 90% confidence when z comes from N(0, I) or the fitted mixture."""
    change = codes - prior
    lines = [t("r02.sure_prior_to_codes", prior=prior, codes=codes, change=change)]
    if abs(change) < SAME:
        lines.append(t("r02.about_equal"))
    return lines


def code_density_report(judge, sources: dict, real) -> None:
    """Prints the judge's table and the Fréchet distances for each set, and the verdict.

    Args:
        judge: the judge classifier.
        sources: name -> images: samples with z ~ N(0, I), samples with z from the fitted
            mixture, then any others (e.g. real digits).
        real: the held-out digits the distances are measured to.
    """
    verdicts = {name: metrics.judge_images(judge, images) for name, images in sources.items()}
    rows = [
        [
            name,
            v.classes_found,
            f"{v.confident_share:.1%}",
            f"{v.shares.min():.1%}",
            f"{metrics.frechet_distance(sources[name], real, judge):.1f}",
        ]
        for name, v in verdicts.items()
    ]
    table("r02.density_headers", rows)
    prior, codes = (v.confident_share for v in list(verdicts.values())[:2])
    say(*code_density_verdict(prior, codes))
