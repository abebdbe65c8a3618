"""Prints how long each lesson takes to run headless, in quick and full mode.

    .venv/bin/python bench/lesson_times.py                 # every lesson, both modes, ko
    .venv/bin/python bench/lesson_times.py --mode full 02  # one lesson, one mode

The numbers are wall-clock seconds on this machine (state its cores when you
quote them). Executed notebooks and logs go to runs/bench/.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gencourse import release, runner  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lessons to time (default: all)")
    parser.add_argument("--mode", choices=["quick", "full", "both"], default="both")
    parser.add_argument("--lang", choices=["ko", "en"], default="ko")
    args = parser.parse_args()
    lessons = args.lessons or release.available_lessons(ROOT)
    modes = ["quick", "full"] if args.mode == "both" else [args.mode]
    out = ROOT / "runs" / "bench"
    print(f"cpu cores: {os.cpu_count()}")
    print(f"{'lesson':<12}{'lang':<6}{'mode':<7}{'seconds':>9}  status")
    failed = False
    for lesson in lessons:
        for mode in modes:
            result = runner.run_lesson(ROOT, lesson, args.lang, mode, "solutions", out)
            status = "ok" if result.ok else result.error
            failed |= not result.ok
            print(
                f"{result.lesson:<12}{args.lang:<6}{mode:<7}{result.seconds:>9.1f}  {status}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
