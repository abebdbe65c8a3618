"""``gencourse site``: the command's arguments and its run (thin; the work is in build.py)."""

from __future__ import annotations

import sys

from gencourse.i18n import LANGUAGES


def add_arguments(parser) -> None:
    from gencourse.site import config

    parser.add_argument("--out", default="site", help="where the site lands (default: site/)")
    parser.add_argument(
        "--mode",
        choices=["full", "quick"],
        default="full",
        help="the lessons' run mode for the outputs (default: full; CI: quick)",
    )
    parser.add_argument("--lang", choices=[*LANGUAGES, "all"], default="all")
    parser.add_argument(
        "--cache", help="executed lessons, reused while a master is unchanged "
        "(default: <root>/runs/site-cache)"
    )  # fmt: skip
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="lessons executed at once, each in a kernel of its own (default: 1; a full-mode "
        "lesson already keeps every core busy, a quick one mostly one)",
    )
    parser.add_argument(
        "--repo",
        default=config.REPOSITORY,
        help=f"GitHub OWNER/REPO of the Colab and Binder links (default: {config.REPOSITORY})",
    )


def run(args, root) -> int:
    from gencourse.site.build import build_site
    from gencourse.site.execute import SiteBuildError

    langs = LANGUAGES if args.lang == "all" else (args.lang,)
    if args.jobs < 1:
        print(f"error: --jobs must be 1 or more. Received: {args.jobs}", file=sys.stderr)
        return 2
    try:
        report = build_site(
            root,
            args.out,
            args.mode,
            langs,
            args.cache,
            args.repo,
            log=lambda s: print(s, flush=True),
            jobs=args.jobs,
        )
    except SiteBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    executed = len(report.executed)
    print(
        f"built {report.out} in {report.seconds:.0f} s ({executed} of {len(report.lessons)} "
        f"lessons executed, the rest cached); {report.warnings} Sphinx warnings; "
        f"size {report.bytes:,} bytes ({report.bytes / 2**20:.1f} MB)"
    )
    return 0
