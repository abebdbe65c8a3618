"""The real sandbox: bubblewrap (``bwrap``), and the grading copy of the package it shows.

Every run of a submission's child process is wrapped in ``bwrap`` with a new
PID namespace (the child sees only its own processes, and all of them end
when it ends: the namespace's first process is bwrap's own, which dies with
the grader), no network, its own ``/tmp`` and ``/dev/shm`` (tmpfs of a
fixed size each), and a read-only view of exactly this:

- the system's ``/usr`` (with the ``/bin``, ``/lib`` links), a few files of
  ``/etc`` the C libraries read, and the Python environment (``sys.prefix``
  and ``sys.base_prefix``);
- the grading copy of the package at ``/grading`` (see :func:`build_copy`);

plus its own submission folder, writable, at ``/submission``: a tmpfs of a
fixed size too, so what a submission writes is memory it is charged for
(:mod:`gencourse.grade.cgroup`), never the host's disk; nothing is copied
back (the child's results come on a pipe). Nothing else
of the host is there: no course folder (``solutions/``), no other
submission, no output folder, no home. When the grader runs as root, bwrap
keeps two capabilities only so that the child's first statement can drop to
an unprivileged user of its own (:func:`next_uid`) before anything else runs.
"""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from gencourse.grade.stub import MODULE_SOURCE

#: Where the sandbox sees the grading copy and the submission's own folder.
COPY_AT = "/grading"
WORK_AT = "/submission"
DATA_AT = "/grading-data"
#: A root grader gives each submission's run a user of its own, from this range (users
#: without a name on the host): no two sandboxes share a user, so a per-user process
#: limit (``MAX_PROCESSES``) is a per-sandbox one, and a fork bomb starves only itself.
UID_FIRST, UID_COUNT = 1_900_000_000, 1_000_000
#: The most processes and threads one sandbox's user may have (TensorFlow needs tens).
MAX_PROCESSES = 1024
# Where this grader starts in the range: at random, so that two graders running at once
# (two classes on one machine) are unlikely to hand out the same users.
_uids = itertools.count(secrets.randbelow(UID_COUNT))
_uids_lock = threading.Lock()
#: What holds an exercise's answer or its check cases: stand-ins in the grading copy.
HIDDEN_ALWAYS = ("check",)
HIDDEN_NEEDED = ("check", "models", "metrics.py", "augment")
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "fonts", "nsswitch.conf")

_probe: dict = {}


class Unavailable(RuntimeError):
    """bwrap cannot run here; ``args[0]`` is a message key (``grade.sandbox.*``)."""


def _package() -> Path:
    return Path(__file__).resolve().parent.parent


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def check_available() -> None:
    """Raises :class:`Unavailable` unless bwrap exists and can start a sandbox here.

    The answer is kept for the process while the ``bwrap`` found on ``PATH`` stays the
    same: a start costs a few milliseconds, but it needs the kernel's namespaces, which a
    container may lack. Installing bubblewrap while a process runs (or changing ``PATH``)
    makes the next call probe again instead of repeating an old refusal.
    """
    found = bwrap_path() if sys.platform.startswith("linux") else None
    if _probe.get("bwrap", object()) == found:
        if _probe["error"]:
            raise Unavailable(_probe["error"])
        return
    error = None
    _probe.pop("detail", None)
    if not sys.platform.startswith("linux"):
        error = "grade.sandbox.not_linux"
    elif found is None:
        error = "grade.sandbox.no_bwrap"
    else:
        cmd = [found, *_namespaces(), *_system_binds(), "--", sys.executable, "-c", "0"]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=60)
            if proc.returncode != 0:
                error = "grade.sandbox.cannot_start"
                _probe["detail"] = proc.stderr.decode("utf-8", "replace").strip()[:200]
        except (OSError, subprocess.TimeoutExpired) as exc:
            error = "grade.sandbox.cannot_start"
            _probe["detail"] = type(exc).__name__
    _probe.update(bwrap=found, error=error)
    if error:
        raise Unavailable(error)


def probe_detail() -> str:
    """What bwrap said when it could not start (for the refusal's message)."""
    return _probe.get("detail", "")


def _namespaces() -> list[str]:
    common = ["--die-with-parent", "--new-session"]
    if is_root():
        # No user namespace: the child drops to a user of its own (next_uid), a real
        # unprivileged user on the host, not root mapped into a namespace.
        return [
            *common,
            "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
        ]  # fmt: skip
    return [*common, "--unshare-all"]


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parts[1:-1]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


def _system_binds() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in _ETC:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    made = set()
    for prefix in sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}):
        real = str(Path(prefix).resolve())
        if real == "/usr" or real.startswith("/usr/"):
            continue
        for parent in _ancestors(real):
            if parent not in made:  # bwrap would make them 0700: unreadable for the child's user
                args += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        args += ["--ro-bind", real, real]
        made.add(real)
        if prefix != real:
            args += ["--symlink", real, prefix]
    return args


def sizes_tmpfs() -> bool:
    """Whether this bwrap can cap the size of a tmpfs (``--size``, bubblewrap 0.7 and later)."""
    found = bwrap_path()
    if _probe.get("size_for") != found:
        try:
            text = subprocess.run([found, "--help"], capture_output=True, timeout=30).stdout
            _probe["size"] = b"--size" in text
        except (OSError, TypeError, subprocess.TimeoutExpired):
            _probe["size"] = False
        _probe["size_for"] = found
    return _probe["size"]


def _tmpfs(where: str, mb: int | None) -> list[str]:
    size = ["--size", str(int(mb * 2**20))] if mb is not None else []
    return ["--perms", "1777", *size, "--tmpfs", where]


def command(
    copy_root: Path,
    workdir: Path,
    argv: list[str],
    data: Path | None = None,
    disk_mb: int | None = None,
    shm_mb: int = 64,
) -> list[str]:
    """The bwrap command line that runs ``argv`` for one submission.

    Args:
        copy_root: the grading copy (read-only at ``/grading``).
        workdir: the host folder shown at ``/submission`` where bwrap cannot size a
            tmpfs (``disk_mb`` is ``None`` or bwrap is older than 0.7).
        argv: the child's command line.
        data: the Keras data sets, shown read-only (``--cells all``).
        disk_mb: the size of ``/submission`` and of ``/tmp``, each (a tmpfs).
        shm_mb: the size of ``/dev/shm``.
    """
    sized = disk_mb is not None and sizes_tmpfs()
    args = [bwrap_path() or "bwrap", *_namespaces()]
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += _tmpfs("/tmp", disk_mb if sized else None)
    args += _tmpfs("/dev/shm", shm_mb if sized else None)
    # After the empty /tmp: a Python environment that lives under /tmp is bound on top of it.
    args += _system_binds()
    args += ["--ro-bind", str(copy_root), COPY_AT]
    if data is not None and data.is_dir():
        args += ["--ro-bind", str(data), f"{DATA_AT}/datasets"]
    if sized:
        args += _tmpfs(WORK_AT, disk_mb)
    else:
        args += ["--bind", str(workdir), WORK_AT]
    args += ["--chdir", WORK_AT]
    return [*args, "--", *argv]


def _stand_in(path: Path) -> None:
    """Replaces a module (or every module of a package) with stand-ins (see gencourse.grade.stub)."""
    if path.is_dir():
        for module in list(path.rglob("*")):
            if module.is_file() and module.suffix != ".py":
                module.unlink()
        for module in path.rglob("*.py"):
            module.write_text(MODULE_SOURCE, encoding="utf-8")
    elif path.exists():
        path.write_text(MODULE_SOURCE, encoding="utf-8")


def build_copy(dest: Path, cells: str = "needed") -> Path:
    """Writes the grading copy of the package under ``dest``; returns the folder for sys.path.

    In the default mode (``cells="needed"``) every module that computes an
    exercise's answer or holds its check cases is a stand-in, and the
    pretrained weights are left out. With ``cells="all"`` the lesson's
    training cells need the real models, metrics and data sets, so only the
    checks are stand-ins: the library's answers are then inside the sandbox.
    """
    dest = Path(dest)
    target = dest / "gencourse"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    if cells == "needed":
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "weights")
    shutil.copytree(_package(), target, ignore=ignore)
    for name in HIDDEN_NEEDED if cells == "needed" else HIDDEN_ALWAYS:
        _stand_in(target / name)
    _fontlist(dest / "mpl")
    for path in [dest, *dest.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return dest


def _fontlist(dest: Path) -> None:
    """Matplotlib's font cache, so that each sandbox need not scan the fonts again."""
    try:
        import matplotlib

        found = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json"))
    except Exception:
        found = []
    dest.mkdir(parents=True, exist_ok=True)
    for path in found:
        shutil.copy2(path, dest / path.name)


def next_uid() -> int:
    """A user for the next run of a root grader's child, unused by the runs before it."""
    with _uids_lock:
        return UID_FIRST + next(_uids) % UID_COUNT


def prepare_workdir(copy_root: Path, workdir: Path, uid: int | None = None) -> None:
    """The submission's own folder: the font cache, and owned by ``uid`` (a root grader's)."""
    mpl = workdir / ".mpl"
    shutil.copytree(copy_root / "mpl", mpl, dirs_exist_ok=True)
    if uid is not None:
        for path in [workdir, *workdir.rglob("*")]:
            os.chown(path, uid, uid)
