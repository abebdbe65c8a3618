"""``gencourse autograder``: the zip Gradescope runs for each submission.

The zip, unpacked by Gradescope at ``/autograder/source``::

    setup.sh                   installs Python's venv, the course lock and the package (once)
    run_autograder             grades /autograder/submission (each submission)
    gencourse-autograder.json  what to grade: the lesson or assignment, limits, the student id field
    seed                       the secret seed the checking inputs are drawn from
    requirements/course-lock.txt
    package/                   the package's source (pyproject.toml, README.md, gencourse/)
    course/notebooks/<lang>/<lesson>.ipynb   a lesson's student notebooks (no solutions)
    assignment/<name>/         an assignment's folder: master, checks.py, secret

The seed and an assignment's checks and secret are secret: the zip is the
instructor's, like the assignment folder, and ``run_autograder`` closes them
to everybody but root before any learner code runs.
"""

from __future__ import annotations

import io
import json
import secrets
import stat
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from gencourse.grade.limits import Limits

CONFIG = "gencourse-autograder.json"
FORMAT = 1
#: What ``submission_metadata.json`` names a student by (the first of its ``users``).
STUDENT_ID_FIELDS = ("email", "sid", "id", "name")
#: Where setup.sh puts the course's environment in Gradescope's container.
VENV = "/opt/gencourse"
_DATE = (2020, 1, 1, 0, 0, 0)  # every entry's time: the same zip for the same inputs

SETUP_SH = """#!/usr/bin/env bash
# Made by `gencourse autograder`: Gradescope runs this once, as root, to build the image.
# It installs the course's exact lock and the package into {venv}.
set -euo pipefail
SOURCE="${{GENCOURSE_AUTOGRADER_ROOT:-/autograder}}/source"
VENV="${{GENCOURSE_AUTOGRADER_VENV:-{venv}}}"
PYTHON="${{GENCOURSE_AUTOGRADER_BASE_PYTHON:-python3}}"
if [ "${{GENCOURSE_AUTOGRADER_APT:-1}}" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q python3 python3-venv python3-pip
    # The sandbox of choice; where the container cannot make namespaces the grader uses
    # its second boundary (a user of its own per run) and says so in results.json.
    apt-get install -y -q bubblewrap || true
fi
if ! "$PYTHON" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))'; then
    echo "gencourse needs Python 3.11 to 3.13; choose Gradescope's Ubuntu 24.04 base image" >&2
    exit 1
fi
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
"$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$SOURCE/requirements/course-lock.txt"
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --no-deps "$SOURCE/package"
chmod -R go+rX "$VENV"
"$VENV/bin/python" -c "import gencourse.autograder.run"
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Made by `gencourse autograder`: Gradescope runs this for each submission.
ROOT="${{GENCOURSE_AUTOGRADER_ROOT:-/autograder}}"
PYTHON="${{GENCOURSE_AUTOGRADER_PYTHON:-{venv}/bin/python}}"
exec "$PYTHON" -m gencourse.autograder run --root "$ROOT"
"""


class NotGradable(ValueError):
    """The lesson or assignment named cannot be made into an autograder; ``key``/``values`` say why."""

    def __init__(self, key: str, **values):
        super().__init__(f"{key} {values}")
        self.key, self.values = key, values


@dataclass
class Built:
    """What :func:`build` wrote."""

    path: Path
    kind: str  # lesson or assignment
    name: str
    exercises: list[str]
    names: list[str]  # the zip's entries
    size: int


def _skipped(part: str) -> bool:
    """Caches and build leftovers, never shipped."""
    return part in ("__pycache__", ".ipynb_checkpoints") or part.endswith((".pyc", ".egg-info"))


def _add(zf: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, _DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    mode = 0o755 if executable else 0o644
    info.external_attr = (stat.S_IFREG | mode) << 16
    zf.writestr(info, data)


def _files(folder: Path, prefix: str):
    """``(name in the zip, path)`` for every file under ``folder``, caches left out, sorted."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(_skipped(part) for part in rel.parts):
            continue
        if path.is_file() and not path.is_symlink():
            yield f"{prefix}/{rel.as_posix()}", path


def _package_files(root: Path):
    """The package's source: what ``pip install package/`` needs."""
    package = Path(__file__).resolve().parent.parent
    yield "package/pyproject.toml", package.parent / "pyproject.toml"
    yield "package/README.md", package.parent / "README.md"
    yield from _files(package, "package/gencourse")


def _target(target: str, root: Path):
    """``(kind, name, exercises, files)`` for a lesson name or an assignment folder."""
    folder = Path(target)
    if folder.is_dir():
        from gencourse.assign import spec

        assignment = spec.load(folder)  # AssignmentError: a broken folder, said by the caller
        assignment.secret()  # made now if absent, so every container draws the same values
        files = list(_files(folder.resolve(), f"assignment/{assignment.name}"))
        return "assignment", assignment.name, assignment.names, files
    from gencourse import release
    from gencourse.grade.batch import LessonMissing, lesson_exercises

    try:
        name, exercises = lesson_exercises(root, target)
    except LessonMissing as exc:
        raise NotGradable(
            "grade.cli.no_lesson", lesson=target, available=", ".join(exc.available) or "-"
        ) from None
    if not exercises:
        raise NotGradable("grade.cli.no_exercises", lesson=name)
    files = []
    for lang in release.LANGS:  # the student notebooks only: never solutions/
        try:
            path = release.find_lesson(root, name, lang, "notebooks")
        except release.LessonNotFound:
            continue
        files.append((f"course/notebooks/{lang}/{path.name}", path))
    if not files:
        raise NotGradable("grade.cli.no_lesson", lesson=target, available="-")
    return "lesson", name, exercises, files


def build(
    target: str,
    out,
    root,
    *,
    limits: Limits | None = None,
    lang: str = "en",
    student_id: str = "email",
    seed: int | None = None,
) -> Built:
    """Writes the autograder zip for a lesson (``"02_vae"``) or an assignment folder.

    Args:
        target: a lesson's name, or an instructor's assignment folder.
        out: the zip to write.
        root: the course folder (for a lesson's notebooks, and the lock).
        limits: the limits of each run (default: ``gencourse grade``'s).
        lang: the language of a result's text when the notebook says none.
        student_id: the field of ``submission_metadata.json``'s first user
            that is the student's id (an assignment's per-student values).
        seed: the secret seed of the checking inputs (default: a new random one).

    Raises:
        NotGradable: no such lesson, or one without exercises.
        gencourse.assign.spec.AssignmentError: a broken assignment folder.
    """
    if student_id not in STUDENT_ID_FIELDS:
        raise ValueError(f"student_id must be one of {STUDENT_ID_FIELDS}. Received: {student_id!r}")
    root = Path(root)
    kind, name, exercises, files = _target(target, root)
    config = {
        "format": FORMAT,
        "kind": kind,
        "name": name,
        "exercises": exercises,
        "lang": lang,
        "student_id": student_id,
        "limits": asdict(limits or Limits()),
    }
    seed = secrets.randbits(63) if seed is None else seed
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _add(zf, "setup.sh", SETUP_SH.format(venv=VENV).encode(), executable=True)
        _add(zf, "run_autograder", RUN_AUTOGRADER.format(venv=VENV).encode(), executable=True)
        _add(zf, CONFIG, (json.dumps(config, indent=1) + "\n").encode())
        _add(zf, "seed", f"{seed}\n".encode())
        lock = root / "requirements" / "course-lock.txt"
        if not lock.is_file():  # an installed package without the course folder: its own copy
            lock = (
                Path(__file__).resolve().parent.parent.parent / "requirements" / "course-lock.txt"
            )
        _add(zf, "requirements/course-lock.txt", lock.read_bytes())
        for entry, path in [*_package_files(root), *files]:
            _add(zf, entry, path.read_bytes())
        names = zf.namelist()
    data = buffer.getvalue()
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.chmod(0o600)  # the seed and an assignment's secret are inside
    tmp.replace(out)
    return Built(out, kind, name, exercises, names, len(data))
