"""What lesson 05's numbers say: a finding per n, and the conclusions as sentences.

A :class:`Finding` holds the means, the margins over real-only and the
spreads between seeds at one n. :func:`conclusions` turns the findings into
sentences with two tables of :class:`Rule` rather than with branches:

- :data:`EACH_N`: one sentence per n, from the first rule about it (which arm
  won, and whether by more than the spread between seeds);
- :data:`MAKERS_EACH_N`: for every n with several data makers, the best of them;
- :data:`ACROSS_N`: one sentence per rule that is about some n, naming them
  all (where the cGAN's samples helped, tied or hurt, the likely reason, how
  classic augmentation compares, what the samples add on top of it, whether
  any generated data beat classic augmentation by more than the spread, and
  what each fix (DiffAugment, filtering, the CVAE) changed against the
  plain cGAN).

The sentences themselves are in the catalogue (``augment.c.*`` in
``gencourse/i18n/catalog/augment.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from gencourse.augment.report import arm_name
from gencourse.i18n import get_language, t


@dataclass
class Finding:
    """What the numbers say at one n."""

    n: int
    winner: str
    means: dict
    stds: dict
    margins: dict  # arm -> mean(arm) - mean(real), in accuracy units
    spreads: dict  # arm -> sqrt(std(arm)^2 + std(real)^2)

    def verdict(self, arm: str) -> str:
        """``"helps"``, ``"hurts"`` or ``"tie"``: does ``arm`` beat real-only by more than the spread?"""
        margin, spread = self.margins[arm], self.spreads[arm]
        if margin > spread:
            return "helps"
        if margin < -spread:
            return "hurts"
        return "tie"


def findings(summary) -> list:
    """One :class:`Finding` per n, read from the summary rows."""
    out = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        if "real" not in cells:
            raise ValueError(f"The summary needs the 'real' arm at every n. Missing at n={n}.")
        means = {a: c["mean"] for a, c in cells.items()}
        stds = {a: c["std"] for a, c in cells.items()}
        contenders = [a for a in means if not a.startswith("synthetic")]
        winner = max(contenders, key=lambda a: means[a])
        margins = {a: means[a] - means["real"] for a in means if a != "real"}
        spreads = {a: math.hypot(stds[a], stds["real"]) for a in margins}
        out.append(Finding(n, winner, means, stds, margins, spreads))
    return out


# --- the rules ----------------------------------------------------------------------

# With one seed per cell the spread is unknown (the summary's std of 0 is a
# placeholder), so the rules that weigh a difference against it speak only
# for several seeds.
ONE, SEVERAL, ANY = "one seed", "several seeds", "any"


@dataclass(frozen=True)
class Rule:
    """One kind of sentence: for which summaries, about which n, with which values.

    Attributes:
        key: the message's key in the catalogue.
        seeds: the summaries it speaks for: :data:`ONE`, :data:`SEVERAL` or :data:`ANY`.
        about: whether it is about a finding.
        values: the message's values, from the finding (in :data:`EACH_N`) or
            the list of findings it is about (in :data:`ACROSS_N`), and the language.
        needs: what those findings must also show together (in :data:`ACROSS_N`).
    """

    key: str
    seeds: str
    about: Callable[[Finding], bool]
    values: Callable[..., dict]
    needs: Callable[[list], bool] = lambda found: True


# What the rules look at in a finding.


def _cgan(f: Finding) -> str | None:
    """The cGAN arm's verdict at ``f.n`` (None where it was not run)."""
    return f.verdict("real_cgan") if "real_cgan" in f.margins else None


def _not_helped(f: Finding) -> bool:
    return _cgan(f) in ("tie", "hurts")


def _weak_samples(f: Finding) -> bool:
    """Alone, do the samples fall short of the real digits by more than the spread?"""
    return f.means["real"] - f.means["synthetic"] > f.spreads["synthetic"]


def _classic_above_cgan(f: Finding) -> bool:
    return "real_classic" in f.margins and f.margins["real_classic"] > f.margins["real_cgan"]


def _on_top(f: Finding) -> tuple[float, float]:
    """'real + both' minus 'real + classic', and the spread of that difference."""
    gap = f.means["real_both"] - f.means["real_classic"]
    return gap, math.hypot(f.stds["real_both"], f.stds["real_classic"])


def _on_top_known(f: Finding) -> bool:
    return _cgan(f) is not None and "real_both" in f.means and "real_classic" in f.means


def _on_top_clear(f: Finding) -> bool:
    gap, spread = _on_top(f)
    return gap > spread


# The values the messages format.


def _pts(x: float) -> str:
    return f"{100 * x:+.1f}"


def _winner(f: Finding, lang: str) -> dict:
    return {
        "n": f.n,
        "arm": arm_name(f.winner, lang),
        "mean": 100 * f.means[f.winner],
        "margin": _pts(f.margins[f.winner]),
        "spread": 100 * f.spreads[f.winner],
    }


def _real(f: Finding, lang: str) -> dict:
    return {"n": f.n, "mean": 100 * f.means["real"]}


def _ns(found: list, lang: str) -> dict:
    return {"ns": ", ".join(str(f.n) for f in found)}


def _cgan_margins(found: list, lang: str) -> dict:
    margins = [
        f"{_pts(f.margins['real_cgan'])} ± {100 * f.spreads['real_cgan']:.1f}" for f in found
    ]
    return {**_ns(found, lang), "margins": ", ".join(margins)}


def _alone(found: list, lang: str) -> dict:
    return {
        **_ns(found, lang),
        "synthetic": ", ".join(f"{100 * f.means['synthetic']:.1f}" for f in found),
        "real": ", ".join(f"{100 * f.means['real']:.1f}" for f in found),
    }


def _on_top_values(found: list, lang: str) -> dict:
    parts = []
    for f in found:
        gap, spread = _on_top(f)
        parts.append(f"n = {f.n}: {_pts(gap)} ± {100 * spread:.1f}")
    return {"parts": "; ".join(parts), **_ns([f for f in found if _on_top_clear(f)], lang)}


EACH_N = (
    Rule("augment.c.real_wins", ANY, lambda f: f.winner == "real", _real),
    Rule("augment.c.winner_mean", ONE, lambda f: True, _winner),
    Rule("augment.c.winner_clear", SEVERAL, lambda f: f.verdict(f.winner) == "helps", _winner),
    Rule("augment.c.winner_tie", SEVERAL, lambda f: True, _winner),
)

# The arms that add generated samples (the data makers, each on top of the real digits),
# and the fixes to the plain cGAN.
GENERATED = ("real_cgan", "real_cvae", "real_diffaug", "real_filtered", "real_both")
MAKERS = ("real_cgan", "real_cvae", "real_diffaug", "real_filtered")
FIXES = ("real_diffaug", "real_filtered", "real_cvae")


def _makers(f: Finding) -> list:
    return [a for a in MAKERS if a in f.means]


def _best_maker(f: Finding, lang: str) -> dict:
    arm = max(_makers(f), key=lambda a: f.means[a])
    return {
        "n": f.n,
        "arm": arm_name(arm, lang),
        "mean": 100 * f.means[arm],
        "margin": _pts(f.margins[arm]),
    }


def _over_classic(f: Finding) -> list:
    """``(arm, gap, spread)`` for each generated-data arm against 'real + classic'."""
    return [
        (a, f.means[a] - f.means["real_classic"], math.hypot(f.stds[a], f.stds["real_classic"]))
        for a in GENERATED
        if a in f.means
    ]


def _has_generated(f: Finding) -> bool:
    """Is there 'real + classic' and a data maker besides the plain cGAN to weigh against it?

    (A summary of the five original arms is read by the rules above alone.)
    """
    new = any(a in f.means for a in FIXES)
    return new and "real_classic" in f.means and bool(_over_classic(f))


def _beats_classic(f: Finding) -> bool:
    return _has_generated(f) and any(gap > spread for _, gap, spread in _over_classic(f))


def _beats_values(found: list, lang: str) -> dict:
    parts = []
    for f in found:
        for arm, gap, spread in _over_classic(f):
            if gap > spread:
                parts.append(f"n = {f.n}: '{arm_name(arm, lang)}' {_pts(gap)} ± {100 * spread:.1f}")
    return {"parts": "; ".join(parts)}


def _best_over_classic(found: list, lang: str) -> dict:
    parts = []
    for f in found:
        arm, gap, spread = max(_over_classic(f), key=lambda c: c[1])
        parts.append(f"n = {f.n}: '{arm_name(arm, lang)}' {_pts(gap)} ± {100 * spread:.1f}")
    return {"parts": "; ".join(parts)}


def _fix_rule(fix: str) -> Rule:
    def values(found: list, lang: str) -> dict:
        parts = []
        for f in found:
            gap = f.means[fix] - f.means["real_cgan"]
            spread = math.hypot(f.stds[fix], f.stds["real_cgan"])
            parts.append(f"n = {f.n}: {_pts(gap)} ± {100 * spread:.1f}")
        return {"arm": arm_name(fix, lang), "parts": "; ".join(parts)}

    return Rule(
        "augment.c.fix_change", ANY, lambda f: fix in f.means and "real_cgan" in f.means, values
    )


ACROSS_N = (
    Rule("augment.c.cgan_helps", SEVERAL, lambda f: _cgan(f) == "helps", _cgan_margins),
    Rule("augment.c.cgan_tie", SEVERAL, lambda f: _cgan(f) == "tie", _cgan_margins),
    Rule("augment.c.cgan_hurts", SEVERAL, lambda f: _cgan(f) == "hurts", _cgan_margins),
    Rule(
        "augment.c.why_weak",
        SEVERAL,
        lambda f: _not_helped(f) and "synthetic" in f.means and _weak_samples(f),
        _alone,
    ),
    Rule(
        "augment.c.why_redundant",
        SEVERAL,
        lambda f: _not_helped(f) and "synthetic" in f.means and not _weak_samples(f),
        _alone,
    ),
    # With one seed the cGAN's arm has no verdict: any n where classic is above it counts.
    Rule(
        "augment.c.classic_better",
        ONE,
        lambda f: _cgan(f) is not None and _classic_above_cgan(f),
        _ns,
    ),
    Rule(
        "augment.c.classic_better",
        SEVERAL,
        lambda f: _not_helped(f) and _classic_above_cgan(f),
        _ns,
    ),
    Rule(
        "augment.c.on_top_clear",
        SEVERAL,
        _on_top_known,
        _on_top_values,
        needs=lambda found: any(_on_top_clear(f) for f in found),
    ),
    Rule(
        "augment.c.on_top_none",
        SEVERAL,
        _on_top_known,
        _on_top_values,
        needs=lambda found: not any(_on_top_clear(f) for f in found),
    ),
    Rule("augment.c.beats_classic", SEVERAL, _beats_classic, _beats_values),
    Rule(
        "augment.c.no_beats_classic",
        SEVERAL,
        _has_generated,
        _best_over_classic,
        needs=lambda found: not any(_beats_classic(f) for f in found),
    ),
    *(_fix_rule(fix) for fix in FIXES),
)

#: One sentence per n about the data makers, after the winner's.
MAKERS_EACH_N = (Rule("augment.c.best_maker", ANY, lambda f: len(_makers(f)) > 1, _best_maker),)


def conclusions(summary, lang: str | None = None) -> list:
    """The findings as sentences in ``lang``, computed from the summary.

    For every n: the winning arm and its margin over real-only with the
    spread; then whether the cGAN's samples helped, at which n, and where they
    did not, the reason the numbers suggest (the synthetic-only accuracy tells
    how much the samples carry on their own).

    With one seed per cell the spread between seeds cannot be measured (the
    summary's std of 0 is a placeholder, not a measurement): the first line
    says so, and only the comparisons of means are given, without the
    verdicts that weigh a difference against the spread.
    """
    lang = lang or get_language()
    found = findings(summary)
    seeds = ONE if min(s["runs"] for s in summary) < 2 else SEVERAL
    lines = [t("augment.c.one_seed", lang)] if seeds == ONE else []

    def speaks(rule: Rule) -> bool:
        return rule.seeds in (seeds, ANY)

    for f in found:
        rule = next(rule for rule in EACH_N if speaks(rule) and rule.about(f))
        lines.append(t(rule.key, lang, **rule.values(f, lang)))
        for rule in filter(speaks, MAKERS_EACH_N):
            if rule.about(f):
                lines.append(t(rule.key, lang, **rule.values(f, lang)))
    for rule in filter(speaks, ACROSS_N):
        about = [f for f in found if rule.about(f)]
        if about and rule.needs(about):
            lines.append(t(rule.key, lang, **rule.values(about, lang)))
    return lines
