"""``gencourse autograder``: the options and the console line (no TensorFlow unless an assignment needs it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gencourse.i18n import LANGUAGES, default_language, t


def add_arguments(p: argparse.ArgumentParser) -> None:
    from gencourse.autograder.build import STUDENT_ID_FIELDS

    p.add_argument("target", help="a lesson (e.g. 02_vae, 02 or vae) or an assignment folder")
    p.add_argument("--out", required=True, help="the zip to write, e.g. autograder.zip")
    p.add_argument(
        "--student-id",
        choices=STUDENT_ID_FIELDS,
        default="email",
        help="the field of Gradescope's submission_metadata.json that is the student id of "
        "your roster (an assignment's per-student values; default: email)",
    )
    p.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=default_language(),
        help="the results' language when a notebook says none (default: $GENCOURSE_LANG, else en)",
    )
    p.add_argument("--cell-timeout", type=float, default=120.0, help="seconds per cell")
    p.add_argument("--total-timeout", type=float, default=900.0, help="seconds per submission")
    p.add_argument("--memory-mb", type=int, default=2048, help="memory a submission may use (MB)")
    p.add_argument("--output-mb", type=float, default=1.0, help="output kept per submission (MB)")


def run(args, root: Path) -> int:
    from gencourse.autograder.build import NotGradable, build
    from gencourse.grade.limits import Limits

    lang = default_language()
    limits = Limits(
        cell_timeout=args.cell_timeout,
        total_timeout=args.total_timeout,
        memory_mb=args.memory_mb,
        output_cap=int(args.output_mb * 2**20),
    )
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()  # the checks (and an assignment's checks file) use Keras
    from gencourse.assign.errors import ChecksError
    from gencourse.assign.spec import AssignmentError

    try:
        built = build(
            args.target, args.out, root, limits=limits, lang=args.lang, student_id=args.student_id
        )
    except NotGradable as exc:
        print(t(exc.key, lang, **exc.values), file=sys.stderr)
        return 2
    except AssignmentError as exc:
        print(exc.stop_line(lang), file=sys.stderr)
        return 2
    except ChecksError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    print(t("gradescope.written", lang, out=built.path, size=built.size, files=len(built.names)))
    return 0
