"""``gencourse site``: the course's website, built with Sphinx, myst-nb and sphinx-book-theme.

For each language, each lesson's master is executed (or taken from the cache,
:mod:`gencourse.site.execute`), turned into the site's notebook (student
structure, reference outputs, :mod:`gencourse.site.notebooks`), and rendered
with the README's guide pages into ``<out>/<lang>/``; ``<out>/index.html``
chooses a language. The site is built beside ``out`` and moves into place
only when it is complete, holds no solution line and is under the size limit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from gencourse import release
from gencourse.grade import outlock
from gencourse.i18n import LANGUAGES, t
from gencourse.site import config, mathjax, pages
from gencourse.site.config import OTHER
from gencourse.site.execute import SiteBuildError, bytes_key, execute
from gencourse.site.leaks import course_solution_lines, leaks
from gencourse.site.notebooks import add_header, graft, image_alts, lesson_title
from gencourse.site.readme import GUIDE_SECTIONS, guide_pages

# Source maps (3.4 MB a language) only a browser's developer tools read; the themes' Jinja
# fragments (webpack-macros.html) that Sphinx copies into _static are not pages.
_NOT_PUBLISHED = ("*.map", ".buildinfo", "*webpack-macros.html")
_TEXT_SUFFIXES = {".html", ".js", ".json", ".ipynb", ".txt", ".css", ".md", ".svg", ".xml"}


@dataclass
class SiteReport:
    """What a build did: per lesson how it was executed, warnings, time and size."""

    out: Path
    lessons: list[tuple[str, str, float | None]] = field(default_factory=list)
    warnings: int = 0
    dropped_outputs: int = 0
    seconds: float = 0.0
    bytes: int = 0

    @property
    def executed(self) -> list[tuple[str, str]]:
        return [(lesson, lang) for lesson, lang, s in self.lessons if s is not None]


def readme_lead(readme: str, lang: str) -> str:
    """The README's first paragraph under its ``## 한국어`` / ``## English`` heading."""
    heading = {"ko": "## 한국어", "en": "## English"}[lang]
    after = readme.split(heading, 1)[1] if heading in readme else readme
    for block in re.split(r"\n\s*\n", after):
        if block.strip() and not block.lstrip().startswith(("#", "[", "-", "`")):
            return block.strip()
    return ""


def site_size(folder) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def find_leaks(folder, lines_by_master: dict[str, list[str]]) -> list[str]:
    """``"path: solution line"`` for every solution line found in a text file under ``folder``."""
    lines = sorted({line for found in lines_by_master.values() for line in found})
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix in _TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(folder)}: {line}" for line in leaks(text, lines)]
    return found


def _start_sphinx(src: Path, out: Path, doctrees: Path) -> subprocess.Popen:
    """Starts Sphinx's HTML builder on ``src`` in a process of its own.

    One process per language: Sphinx registers docutils' nodes and directives
    process-wide, so a second build in the same process warns about each one.
    """
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-a",
        "-d", str(doctrees), "-w", str(out.parent / "warnings.txt"), str(src), str(out),
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish_sphinx(process: subprocess.Popen, out: Path, lang: str, log) -> int:
    """Waits for a Sphinx process; returns its warning count (raises if it failed)."""
    output, _ = process.communicate()
    warnings_file = out.parent / "warnings.txt"
    text = warnings_file.read_text(encoding="utf-8") if warnings_file.is_file() else ""
    warnings = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    for line in warnings:
        log(f"  sphinx ({lang}): {line.strip()}")
    if process.returncode != 0:
        raise SiteBuildError(f"Sphinx failed on the {lang} site:\n{output}\n{text}")
    return len(warnings)


def build_site(
    root,
    out,
    mode: str = "full",
    langs=LANGUAGES,
    cache_dir=None,
    repository: str = config.REPOSITORY,
    build_dir=None,
    log=print,
    run=None,
    jobs: int = 1,
) -> SiteReport:
    """Builds the website of the course at ``root`` into ``out``.

    Args:
        root: the course folder.
        out: where the site lands (replaced as a whole when the build succeeds).
        mode: ``"full"`` (the site's outputs) or ``"quick"`` (CI).
        langs: the languages to build.
        cache_dir: executed masters (default ``<root>/runs/site-cache``).
        repository: GitHub ``OWNER/REPO`` for the launch links.
        build_dir: Sphinx's sources and doctrees (default: a new folder under
            ``<root>/runs/``, removed afterwards, so that builds never share one).
        log: where progress lines go.
        run: the lesson runner (tests pass a counting one).
        jobs: lessons executed at once (each in a kernel of its own); more than the
            machine's cores only makes each lesson slower.

    Returns:
        A :class:`SiteReport`.

    Raises:
        SiteBuildError: a lesson failed, a solution line reached a built file, or the
            site is larger than :data:`gencourse.site.config.MAX_BYTES`.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be an int >= 1. Received: jobs={jobs!r}")
    root, out = Path(root).resolve(), Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with outlock.hold(out.parent / f".{out.name}.lock"):
            if build_dir is not None:
                return _build(
                    root, out, mode, langs, cache_dir, repository, Path(build_dir), log, run, jobs
                )
            (root / "runs").mkdir(exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="site-build-", dir=root / "runs") as tmp:
                return _build(
                    root, out, mode, langs, cache_dir, repository, Path(tmp), log, run, jobs
                )
    except outlock.Locked as exc:
        raise SiteBuildError(f"Another build of {out} is running ({exc.holder}).") from None


def _build(
    root, out, mode, langs, cache_dir, repository, build_dir, log, run, jobs=1
) -> SiteReport:
    start = time.perf_counter()
    cache_dir = Path(cache_dir or root / "runs" / "site-cache")
    report = SiteReport(out)
    readme = (root / "README.md").read_text(encoding="utf-8")
    staging = out.parent / f".{out.name}.building"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)

    # Every lesson is executed (or found in the cache) before any page is written, ``jobs``
    # kernels at a time (each lesson runs in a kernel process of its own).
    masters = [
        (lang, master_path)
        for lang in langs
        for master_path in sorted((root / "solutions" / lang).glob("*.ipynb"))
    ]

    def one(lang, master_path):
        # The master as executed: grafting reads this copy, not the file, which
        # somebody may edit while the other lessons run.
        master_bytes = master_path.read_bytes()
        done = execute(root, master_path, lang, mode, cache_dir, run=run)
        if bytes_key(master_bytes) not in done.notebook.name:
            raise SiteBuildError(
                f"{master_path.relative_to(root)} changed while the site was built; "
                "nothing was published. Run the command again."
            )
        how = "cached" if done.cached else f"executed in {done.seconds:.0f} s"
        log(f"{master_path.stem} [{lang}, {mode}]: {how}")
        return master_bytes, done

    executed = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(one, lang, master_path) for lang, master_path in masters]
        try:
            for (lang, master_path), future in zip(masters, futures, strict=True):
                master_bytes, done = future.result()  # the first failure, in lesson order
                report.lessons.append((master_path.stem, lang, done.seconds))
                executed[lang, master_path.stem] = (master_path, master_bytes, done.notebook)
        except BaseException:
            for future in futures:  # lessons not started yet never start
                future.cancel()
            raise

    local_mathjax = mathjax.copy_mathjax(staging) is not None
    if not local_mathjax:
        log("jupyter-server-mathjax is not installed: the pages load MathJax from the web")
    titles, sphinx = {}, {}
    for lang in langs:
        title = t("site.course_title", lang)
        titles[lang] = title
        lessons, students, alts = {}, {}, {}
        for (lesson_lang, lesson), (master_path, master_bytes, run_path) in executed.items():
            if lesson_lang != lang:
                continue
            master = nbformat.reads(master_bytes.decode("utf-8"), as_version=4)
            rel = master_path.relative_to(root).as_posix()
            nb, dropped = graft(master, release.read(run_path), rel)
            report.dropped_outputs += dropped
            name = lesson_title(nb)
            alts.update(
                image_alts(
                    nb,
                    lambda n, name=name, lang=lang: t(
                        "site.figure_fallback", lang, n=n, title=name
                    ),
                )
            )
            lessons[lesson] = add_header(nb, pages.launch_markdown(lang, lesson, repository, mode))
            student = release.student_path(root, master_path)
            if not student.is_file():
                student = build_dir / lang / "student" / f"{lesson}.ipynb"
                release.write(release.make_student(master, rel), student)
            students[lesson] = student
        guides = guide_pages(readme, lang, config.repo_url(repository))
        src = build_dir / lang / "src"
        pages.write_source(
            src, lang, title, readme_lead(readme, lang), lessons, students, guides, alts,
            local_mathjax, OTHER[lang] in langs,
        )  # fmt: skip
        log(f"rendering the {lang} site ({len(lessons)} lessons, {len(guides)} guide pages)")
        # myst-nb writes beside Sphinx's output folder (jupyter_execute/): build in the
        # build folder, then copy the HTML into the site. The languages render in parallel.
        html = build_dir / lang / "html"
        if html.exists():
            shutil.rmtree(html)
        html.parent.joinpath("warnings.txt").unlink(missing_ok=True)
        sphinx[lang] = (html, _start_sphinx(src, html, build_dir / lang / "doctrees"))
    for lang, (html, process) in sphinx.items():
        report.warnings += _finish_sphinx(process, html, lang, log)
        shutil.copytree(html, staging / lang, ignore=shutil.ignore_patterns(*_NOT_PUBLISHED))

    (staging / "index.html").write_text(pages.landing_page(titles), encoding="utf-8")
    found = find_leaks(staging, course_solution_lines(root))
    if found:
        raise SiteBuildError(
            "A solution line reached the built site; nothing was published:\n  "
            + "\n  ".join(found[:20])
        )
    report.bytes = site_size(staging)
    if report.bytes > config.MAX_BYTES:
        raise SiteBuildError(
            f"The site is {report.bytes / 1e6:.1f} MB, over the {config.MAX_BYTES / 1e6:.0f} MB "
            f"limit; nothing was published (it is in {staging})."
        )
    if out.exists():
        old = out.parent / f".{out.name}.old"
        if old.exists():
            shutil.rmtree(old)
        os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old)
    else:
        os.replace(staging, out)
    report.seconds = time.perf_counter() - start
    return report


__all__ = ["GUIDE_SECTIONS", "SiteReport", "build_site", "find_leaks", "readme_lead"]
