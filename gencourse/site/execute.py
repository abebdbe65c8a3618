"""Executing the lessons' masters for the website, with a cache keyed by each master's bytes.

A lesson is executed by :func:`gencourse.runner.run_lesson` (a fresh kernel,
``GENCOURSE_QUICK`` set by the mode) into a temporary folder, then moved into
the cache in one rename, so the cache holds exactly what ``gencourse run``
writes and never half a run. A notebook run elsewhere with ``gencourse run
LESSON --lang LANG --mode full --out DIR`` can be dropped into the cache under
the name :func:`cache_path` gives. A rebuild re-executes only the lessons whose
master changed (a new master, a new key).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gencourse import release

MODES = ("full", "quick")


class SiteBuildError(RuntimeError):
    """The site cannot be built; the message names the lesson and what to do."""


def master_key(master_path) -> str:
    """The first 16 hex digits of the sha256 of the master file's bytes."""
    return bytes_key(Path(master_path).read_bytes())


def bytes_key(data: bytes) -> str:
    """The cache's key of a master's bytes (what :func:`master_key` reads from its file)."""
    return hashlib.sha256(data).hexdigest()[:16]


def cache_path(cache_dir, master_path, lang: str, mode: str) -> Path:
    """Where the executed master is cached: ``<cache>/<lang>/<stem>.<mode>.<key>.ipynb``.

    Args:
        cache_dir: the cache folder (the site's default is ``<root>/runs/site-cache``).
        master_path: the master, ``solutions/<lang>/<lesson>.ipynb``.
        lang: ``"ko"`` or ``"en"``.
        mode: ``"full"`` or ``"quick"``.

    Returns:
        The path of the cached notebook (it may not exist yet).

    Example:
        >>> cache_path("runs/site-cache", "solutions/ko/02_vae.ipynb", "ko", "full").name
        ... # '02_vae.full.<16 hex digits>.ipynb'
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}. Received: mode={mode!r}")
    master_path = Path(master_path)
    name = f"{master_path.stem}.{mode}.{master_key(master_path)}.ipynb"
    return Path(cache_dir) / lang / name


def error_outputs(nb) -> list[tuple[int, str]]:
    """``(cell index, "EName: value")`` for every error output in an executed notebook."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                found.append((index, f"{output.get('ename')}: {output.get('evalue')}"))
    return found


@dataclass
class Executed:
    """One lesson's executed master, from the cache or from a run just now."""

    lesson: str
    lang: str
    notebook: Path
    seconds: float | None  # None when it came from the cache

    @property
    def cached(self) -> bool:
        return self.seconds is None


def execute(
    root,
    master_path,
    lang: str,
    mode: str,
    cache_dir,
    cell_timeout: int = 900,
    run: Callable | None = None,
) -> Executed:
    """The executed master from the cache, executing it first when the cache lacks it.

    Args:
        root: the course folder.
        master_path: ``<root>/solutions/<lang>/<lesson>.ipynb``.
        lang: the master's language.
        mode: ``"full"`` or ``"quick"``.
        cache_dir: the cache folder.
        cell_timeout: seconds allowed per cell.
        run: the runner (default :func:`gencourse.runner.run_lesson`; tests count calls).

    Returns:
        An :class:`Executed`.

    Raises:
        SiteBuildError: a cell failed or the kernel stopped; nothing is cached then.
    """
    master_path = Path(master_path)
    target = cache_path(cache_dir, master_path, lang, mode)
    lesson = master_path.stem
    if target.is_file():
        _check_clean(release.read(target), lesson, lang, target)
        return Executed(lesson, lang, target, None)
    if run is None:
        from gencourse.runner import run_lesson as run
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".run-") as tmp:
        start = time.perf_counter()
        result = run(root, lesson, lang, mode, out_dir=tmp, cell_timeout=cell_timeout)
        seconds = time.perf_counter() - start
        if result.error:
            kept = Path(cache_dir) / "failed" / f"{lesson}.{lang}.{mode}.ipynb"
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.notebook, kept)
            raise SiteBuildError(
                f"Lesson {lesson} ({lang}, {mode} mode) failed: {result.error}. "
                f"Nothing of this lesson is published; the executed notebook is in {kept}."
            )
        _check_clean(release.read(result.notebook), lesson, lang, result.notebook)
        os.replace(result.notebook, target)
        log = Path(result.log)
        if log.is_file():
            os.replace(log, target.with_suffix(".log"))
    _remove_stale(target)
    return Executed(lesson, lang, target, seconds)


def _check_clean(nb, lesson: str, lang: str, path: Path) -> None:
    errors = error_outputs(nb)
    if errors:
        index, text = errors[0]
        raise SiteBuildError(
            f"Lesson {lesson} ({lang}): cell {index} of {path} shows an error ({text}); "
            "a lesson with a traceback is never published."
        )


def _remove_stale(target: Path) -> None:
    """Removes the same lesson's cached runs of older masters (same language and mode)."""
    stem, mode = target.name.split(".")[:2]
    for old in target.parent.glob(f"{stem}.{mode}.*.ipynb"):
        if old != target and len(old.name.split(".")) == 4:
            old.unlink()
            old.with_suffix(".log").unlink(missing_ok=True)
