"""``gencourse augment --setting unlabelled``: lesson 06's grid from the command line.

Writes ``semi.csv`` (every run: n, arm, seed, accuracy), ``summary.csv`` (mean
and standard deviation per n and arm), ``pseudo.csv`` (how many pseudo-labels
each run kept and the share of them that is right) and ``semi.png`` to
``--out``, and prints the table, the conclusions and the wall time.
"""

from __future__ import annotations

from pathlib import Path

from gencourse.i18n import set_language


def run(args) -> int:
    """Runs lesson 06's grid as the options ask; writes the files; returns the exit code."""
    from gencourse import augment
    from gencourse.augment.cli import (
        _error,
        chosen_arms,
        common_errors,
        run_grid_or_exit,
        run_options,
    )
    from gencourse.augment.sets import SEMI_ARMS
    from gencourse.semi import experiment
    from gencourse.semi.verdicts import conclusions

    problem = common_errors(args, most=199)
    if problem:
        return _error(problem)
    arms = chosen_arms(args.arms, SEMI_ARMS)
    if arms is None:
        return _error(
            f"with --setting unlabelled, --arms must come from {','.join(SEMI_ARMS)}. "
            f"Received: --arms {','.join(args.arms)}"
        )
    if args.cgan_steps is not None:
        return _error("--cgan-steps belongs to --setting scarce; use --ssgan-steps here.")
    set_language(args.lang)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    recipe = experiment.LESSON if args.recipe == "lesson" else experiment.FULL
    budget = experiment.QUICK if args.quick else recipe
    budget = experiment.with_budget(
        budget,
        recogniser_steps=args.steps,
        ssgan_steps=args.ssgan_steps,
        synthetic_per_class=args.synthetic,
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results, code = run_grid_or_exit(
        experiment.run_grid,
        args.lang,
        "semi.progress",
        args.n,
        list(range(args.seeds)),
        budget,
        arms,
        **run_options(args),
    )
    if results is None:
        return code
    summary = results.summary()
    if args.ship:
        from gencourse.augment import provenance

        provenance.ship_from_args(results, "unlabelled", args, arms)
    augment.write_csv(results.rows, out / "semi.csv")
    augment.write_csv(summary, out / "summary.csv")
    if results.pseudo:
        augment.write_csv(results.pseudo, out / "pseudo.csv")
    augment.plot_accuracy(summary, args.lang).savefig(out / "semi.png", dpi=120)
    print()
    augment.print_summary(summary, args.lang)
    print()
    for line in conclusions(summary, args.lang):
        print(line)
    print()
    print(
        f"{results.seconds:.0f} s; budget: {budget}\n"
        f"wrote {out / 'semi.csv'}, {out / 'summary.csv'}, {out / 'semi.png'}"
    )
    return 0
