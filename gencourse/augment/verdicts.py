"""What lesson 05's numbers say: a finding per n, and the conclusions as sentences.

Every comparison a sentence states is a paired difference over seeds
(:func:`gencourse.augment.paired.paired_difference`): with the same seed every
arm starts from the same labelled digits, so two arms are compared seed by
seed, and the sentence gives the mean ± standard deviation of those
differences and the number of seeds. A difference is clear when its mean lies
beyond that standard deviation. With one seed there is no spread, so nothing
is compared: the conclusions are one line that says so.

A :class:`Finding` holds the arms compared at one n (those that share at least
two seeds with real-only). :func:`conclusions` turns the findings into
sentences with tables of :class:`Rule` rather than with branches:

- :data:`EACH_N`: one sentence per n, from the first rule about it (which arm
  won, and whether its lead over real-only is clear);
- :data:`MAKERS_EACH_N`: for every n with several data makers, the best of them;
- :data:`ACROSS_N`: one sentence per rule that is about some n, naming them
  all (where the cGAN's samples helped, tied or hurt, the likely reason, how
  classic augmentation compares, what the samples add on top of it, whether
  any generated data beat classic augmentation, what each fix
  (DiffAugment, filtering, the CVAE) changed against the plain cGAN, and what
  the diffusion model's samples changed against real only).

The sentences themselves are in the catalogue (``augment.c.*`` in
``gencourse/i18n/catalog/augment.py``); lesson 06 (:mod:`gencourse.semi.verdicts`)
reuses :func:`opening` and :func:`first_sentence`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gencourse.augment.paired import Difference, paired_difference, per_seed
from gencourse.augment.report import arm_name
from gencourse.i18n import get_language, t

#: A cell is compared only when it shares at least this many seeds with real-only.
MIN_SEEDS = 2


@dataclass
class Finding:
    """The arms compared at one n, and the one with the highest mean.

    Attributes:
        n: labelled digits per class.
        winner: the arm with the highest mean among those trained on real digits.
        means: arm -> mean accuracy over its seeds.
        cells: arm -> its summary row (with the per-seed accuracies).
    """

    n: int
    winner: str
    means: dict
    cells: dict

    def vs(self, a: str, b: str = "real") -> Difference | None:
        """``a`` minus ``b``, paired by seed; None when they share fewer than two seeds."""
        a_seeds, b_seeds = per_seed(self.cells[a]), per_seed(self.cells[b])
        if len(set(a_seeds) & set(b_seeds)) < MIN_SEEDS:
            return None
        return paired_difference(self.cells.values(), a, b, self.n)

    def verdict(self, arm: str) -> str:
        """``"helps"``, ``"hurts"`` or ``"tie"``: does ``arm`` beat real-only by more than the spread?"""
        return {"above": "helps", "below": "hurts", "tie": "tie"}[self.vs(arm).verdict()]


def _check(summary) -> None:
    """Refuses a summary without per-seed accuracies or without real-only at some n."""
    if not summary:
        raise ValueError("The summary is empty: there is nothing to read.")
    for cell in summary:
        per_seed(cell)
    for n in sorted({s["n"] for s in summary}):
        if not any(s["n"] == n and s["arm"] == "real" for s in summary):
            raise ValueError(f"The summary needs the 'real' arm at every n. Missing at n={n}.")


def _compared(cells: dict) -> dict:
    """The cells that share at least :data:`MIN_SEEDS` seeds with real-only (real included)."""
    real = set(per_seed(cells["real"]))
    if len(real) < MIN_SEEDS:
        return {}
    return {a: c for a, c in cells.items() if len(real & set(per_seed(c))) >= MIN_SEEDS}


def findings(summary) -> list:
    """One :class:`Finding` per n where real-only has several seeds, read from the summary.

    Raises:
        ValueError: if the summary lacks the per-seed accuracies that a paired
            comparison needs, or the 'real' arm at some n.
    """
    _check(summary)
    out = []
    for n in sorted({s["n"] for s in summary}):
        cells = _compared({s["arm"]: s for s in summary if s["n"] == n})
        if not cells:
            continue
        means = {a: c["mean"] for a, c in cells.items()}
        contenders = [a for a in means if not a.startswith("synthetic")]
        winner = max(contenders, key=lambda a: means[a])
        out.append(Finding(n, winner, means, cells))
    return out


def left_out(summary) -> list:
    """``(n, arm)`` of the cells no comparison uses: fewer than two seeds shared with real-only."""
    _check(summary)
    out = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        kept = _compared(cells)
        out += [(n, a) for a in cells if a not in kept]
    return out


# --- the values the messages format ---------------------------------------------------


def _pts(x: float, digits: int = 1) -> str:
    """Accuracy units as signed points, ``+5.6`` (never ``-0.0``)."""
    points = round(100 * x, digits)
    return f"{points + 0.0:+.{digits}f}" if points != 0 else f"{0:+.{digits}f}"


def diff_values(d: Difference) -> dict:
    """A difference's values: ``gap`` (signed points), ``spread`` (points) and ``seeds``.

    One decimal, or two where one would print the mean and the spread alike although
    they differ (``+0.42 ± 0.38``, not ``+0.4 ± 0.4`` beside "larger than the spread").
    """
    gap, spread = 100 * d.mean, 100 * d.std
    alike = f"{abs(gap):.1f}" == f"{spread:.1f}" and f"{abs(gap):.2f}" != f"{spread:.2f}"
    digits = 2 if alike else 1
    return {"gap": _pts(d.mean, digits), "spread": f"{spread:.{digits}f}", "seeds": d.seeds}


def part(d: Difference, lang: str) -> str:
    """``n = 10: +5.6 ± 1.3 points over 5 seeds`` (one n of a sentence about several)."""
    return t("augment.c.part", lang, n=d.n, **diff_values(d))


def _parts(diffs, lang: str) -> str:
    return "; ".join(part(d, lang) for d in diffs)


def _ns(found: list, lang: str) -> dict:
    return {"ns": ", ".join(str(f.n) for f in found)}


# --- the rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One kind of sentence: about which n, with which values.

    Attributes:
        key: the message's key in the catalogue.
        about: whether it is about a finding.
        values: the message's values, from the finding (in :data:`EACH_N`) or
            the list of findings it is about (in :data:`ACROSS_N`), and the language.
        needs: what those findings must also show together (in :data:`ACROSS_N`).
    """

    key: str
    about: Callable[[Finding], bool]
    values: Callable[..., dict]
    needs: Callable[[list], bool] = lambda found: True


def _runner_up(f: Finding) -> str | None:
    """The best arm trained on real digits other than real-only, or None."""
    others = [a for a in f.means if a != "real" and not a.startswith("synthetic")]
    return max(others, key=lambda a: f.means[a]) if others else None


def _real_only(f: Finding, lang: str) -> dict:
    return {"n": f.n, "mean": 100 * f.means["real"]}


def _real_wins(f: Finding, lang: str) -> dict:
    arm = _runner_up(f)
    return {**_real_only(f, lang), "arm": arm_name(arm, lang), **diff_values(f.vs(arm))}


def _winner(f: Finding, lang: str) -> dict:
    return {
        "n": f.n,
        "arm": arm_name(f.winner, lang),
        "mean": 100 * f.means[f.winner],
        **diff_values(f.vs(f.winner)),
    }


EACH_N = (
    Rule("augment.c.real_only", lambda f: f.winner == "real" and not _runner_up(f), _real_only),
    Rule("augment.c.real_wins", lambda f: f.winner == "real", _real_wins),
    Rule("augment.c.winner_clear", lambda f: f.vs(f.winner).verdict() == "above", _winner),
    Rule("augment.c.winner_tie", lambda f: True, _winner),
)

# The arms that add generated samples (the data makers, each on top of the real digits),
# the fixes to the plain cGAN, and the makers of another family, each read against real only.
GENERATED = (
    "real_cgan",
    "real_cvae",
    "real_diffaug",
    "real_filtered",
    "real_diffusion",
    "real_both",
)
MAKERS = ("real_cgan", "real_cvae", "real_diffaug", "real_filtered", "real_diffusion")
FIXES = ("real_diffaug", "real_filtered", "real_cvae")
OTHER_MAKERS = ("real_diffusion",)


def _makers(f: Finding) -> list:
    return [a for a in MAKERS if a in f.means]


def _best_maker(f: Finding, lang: str) -> dict:
    arm = max(_makers(f), key=lambda a: f.means[a])
    return {
        "n": f.n,
        "arm": arm_name(arm, lang),
        "mean": 100 * f.means[arm],
        **diff_values(f.vs(arm)),
    }


#: One sentence per n about the data makers, after the winner's.
MAKERS_EACH_N = (Rule("augment.c.best_maker", lambda f: len(_makers(f)) > 1, _best_maker),)


# What the rules look at in a finding.


def _pair(f: Finding, a: str, b: str) -> Difference | None:
    """``a`` minus ``b`` when both were compared at ``f.n`` with several shared seeds."""
    return f.vs(a, b) if a in f.means and b in f.means else None


def _cgan(f: Finding) -> str | None:
    """The cGAN arm's verdict at ``f.n`` (None where it was not run)."""
    return f.verdict("real_cgan") if "real_cgan" in f.means else None


def _not_helped(f: Finding) -> bool:
    return _cgan(f) in ("tie", "hurts")


def _alone(f: Finding) -> Difference | None:
    """The samples alone minus the real digits alone."""
    return _pair(f, "synthetic", "real")


def _weak_samples(f: Finding) -> bool:
    """Alone, do the samples fall short of the real digits by more than the spread?"""
    return _alone(f).verdict() == "below"


def _classic_over_cgan(f: Finding) -> Difference | None:
    return _pair(f, "real_classic", "real_cgan")


def _on_top(f: Finding) -> Difference | None:
    """'real + both' minus 'real + classic'."""
    return _pair(f, "real_both", "real_classic")


def _on_top_clear(f: Finding) -> bool:
    return _on_top(f).verdict() == "above"


def _over_classic(f: Finding) -> list:
    """``(arm, difference)`` for each generated-data arm against 'real + classic'."""
    pairs = [(a, _pair(f, a, "real_classic")) for a in GENERATED]
    return [(a, d) for a, d in pairs if d is not None]


def _has_generated(f: Finding) -> bool:
    """Is there 'real + classic' and a data maker besides the plain cGAN to weigh against it?

    (A summary of the five original arms is read by the rules above alone.)
    """
    return any(a in f.means for a in FIXES + OTHER_MAKERS) and bool(_over_classic(f))


def _beats_classic(f: Finding) -> bool:
    return _has_generated(f) and any(d.verdict() == "above" for _, d in _over_classic(f))


# The values of the sentences about several n.


def _cgan_values(found: list, lang: str) -> dict:
    return {**_ns(found, lang), "parts": _parts((f.vs("real_cgan") for f in found), lang)}


def _alone_values(found: list, lang: str) -> dict:
    parts = []
    for f in found:
        d = _alone(f)
        parts.append(
            t(
                "augment.c.alone_part",
                lang,
                n=f.n,
                synthetic=100 * f.means["synthetic"],
                real=100 * f.means["real"],
                **diff_values(d),
            )
        )
    return {**_ns(found, lang), "parts": "; ".join(parts)}


def _classic_values(found: list, lang: str) -> dict:
    return {**_ns(found, lang), "parts": _parts((_classic_over_cgan(f) for f in found), lang)}


def _on_top_values(found: list, lang: str) -> dict:
    clear = [f for f in found if _on_top_clear(f)]
    return {"parts": _parts((_on_top(f) for f in found), lang), **_ns(clear, lang)}


def _arm_part(arm: str, d: Difference, lang: str) -> str:
    return t("augment.c.arm_part", lang, n=d.n, arm=arm_name(arm, lang), **diff_values(d))


def _beats_values(found: list, lang: str) -> dict:
    parts = [
        _arm_part(arm, d, lang)
        for f in found
        for arm, d in _over_classic(f)
        if d.verdict() == "above"
    ]
    return {"parts": "; ".join(parts)}


def _best_over_classic(found: list, lang: str) -> dict:
    parts = []
    for f in found:
        arm, d = max(_over_classic(f), key=lambda c: c[1].mean)
        parts.append(_arm_part(arm, d, lang))
    return {"parts": "; ".join(parts)}


def _fix_rule(fix: str) -> Rule:
    def values(found: list, lang: str) -> dict:
        diffs = (_pair(f, fix, "real_cgan") for f in found)
        return {"arm": arm_name(fix, lang), "parts": _parts(diffs, lang)}

    return Rule("augment.c.fix_change", lambda f: _pair(f, fix, "real_cgan") is not None, values)


def _maker_rule(arm: str) -> Rule:
    """A maker of another family (not a fix to the cGAN): its paired difference from real only."""

    def values(found: list, lang: str) -> dict:
        return {"arm": arm_name(arm, lang), "parts": _parts((f.vs(arm) for f in found), lang)}

    return Rule("augment.c.maker_vs_real", lambda f: arm in f.means, values)


ACROSS_N = (
    Rule("augment.c.cgan_helps", lambda f: _cgan(f) == "helps", _cgan_values),
    Rule("augment.c.cgan_tie", lambda f: _cgan(f) == "tie", _cgan_values),
    Rule("augment.c.cgan_hurts", lambda f: _cgan(f) == "hurts", _cgan_values),
    Rule(
        "augment.c.why_weak",
        lambda f: _not_helped(f) and _alone(f) is not None and _weak_samples(f),
        _alone_values,
    ),
    Rule(
        "augment.c.why_redundant",
        lambda f: _not_helped(f) and _alone(f) is not None and not _weak_samples(f),
        _alone_values,
    ),
    Rule(
        "augment.c.classic_better",
        lambda f: (
            _not_helped(f)
            and _classic_over_cgan(f) is not None
            and _classic_over_cgan(f).verdict() == "above"
        ),
        _classic_values,
    ),
    Rule(
        "augment.c.on_top_clear",
        lambda f: _cgan(f) is not None and _on_top(f) is not None,
        _on_top_values,
        needs=lambda found: any(_on_top_clear(f) for f in found),
    ),
    Rule(
        "augment.c.on_top_none",
        lambda f: _cgan(f) is not None and _on_top(f) is not None,
        _on_top_values,
        needs=lambda found: not any(_on_top_clear(f) for f in found),
    ),
    Rule("augment.c.beats_classic", _beats_classic, _beats_values),
    Rule(
        "augment.c.no_beats_classic",
        _has_generated,
        _best_over_classic,
        needs=lambda found: not any(_beats_classic(f) for f in found),
    ),
    *(_fix_rule(fix) for fix in FIXES),
    *(_maker_rule(arm) for arm in OTHER_MAKERS),
)


# --- the sentences ----------------------------------------------------------------------


def opening(summary, lang: str | None = None) -> tuple[list, list]:
    """The first lines of either lesson's conclusions, and the findings to read.

    Returns:
        ``(lines, found)``. With one seed in every cell: the line that says one
        seed allows no comparison, and no finding. Otherwise: the line that says
        how the differences are paired, a line naming any cell left out (fewer
        than two seeds shared with real-only), and :func:`findings`.

    Raises:
        ValueError: as :func:`findings`.
    """
    lang = lang or get_language()
    _check(summary)
    if all(len(per_seed(s)) < MIN_SEEDS for s in summary):
        return [t("augment.c.one_seed", lang)], []
    lines = [t("augment.c.paired", lang)]
    out = left_out(summary)
    if out:
        by_n: dict = {}
        for n, arm in out:
            by_n.setdefault(n, []).append(f"'{arm_name(arm, lang)}'")
        cells = "; ".join(f"n = {n}: {', '.join(arms)}" for n, arms in by_n.items())
        lines.append(t("augment.c.left_out", lang, cells=cells))
    return lines, findings(summary)


def first_sentence(f: Finding, lang: str | None = None) -> str:
    """The sentence about ``f.n`` from the first rule of :data:`EACH_N` that is about it."""
    lang = lang or get_language()
    rule = next(rule for rule in EACH_N if rule.about(f))
    return t(rule.key, lang, **rule.values(f, lang))


def conclusions(summary, lang: str | None = None) -> list:
    """The findings as sentences in ``lang``, computed from the summary's per-seed accuracies.

    For every n: the winning arm and its paired difference from real-only
    (mean ± standard deviation over the shared seeds, and their number); then
    whether the cGAN's samples helped, at which n, and where they did not, the
    reason the numbers suggest (the synthetic-only accuracy tells how much the
    samples carry on their own); what classic augmentation and the fixes change.

    With one seed per cell the spread between seeds cannot be measured, so no
    arm is compared with another: the only line says so.

    Raises:
        ValueError: if the summary has no per-seed accuracies (e.g. a
            ``summary.csv`` read without them), or lacks the 'real' arm at some n.
    """
    lang = lang or get_language()
    lines, found = opening(summary, lang)
    for f in found:
        lines.append(first_sentence(f, lang))
        for rule in MAKERS_EACH_N:
            if rule.about(f):
                lines.append(t(rule.key, lang, **rule.values(f, lang)))
    for rule in ACROSS_N:
        about = [f for f in found if rule.about(f)]
        if about and rule.needs(about):
            lines.append(t(rule.key, lang, **rule.values(about, lang)))
    return lines
