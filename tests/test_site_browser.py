"""Does the course website work in a real browser, for every reader?

The site that ``gencourse site`` builds (quick mode, from the shared build in
``tests/site_build.py``; or the folder named by ``$GENCOURSE_SITE_DIR``) is
served from a local ``http.server`` on a free loopback port and read in
headless Chromium (Debian's ``/usr/bin/chromium`` driven by playwright, with
the flags of ``tests/test_browser.py``; no browser is ever downloaded, and
every request that leaves the loopback is refused, as it would be offline).
The tests ask:

- does the landing page lead to the Korean site, and does the language switch
  of each lesson page land on the same lesson in the other language (its URL
  and ``<html lang>``), and back; also from ``file://``?
- on every lesson page in both languages, every guide page and every index:
  does each local link resolve to a file (and its ``#anchor`` to an element),
  is each launch link (Colab, Binder) well formed for its lesson, did every
  image load, and does every image carry alternative text that is not a path?
- is Hangul drawn with a font that covers Korean (DevTools'
  ``CSS.getPlatformFontsForNode``) in a Korean lesson's heading and text?
- does the site's offline search find lesson 03 for "판별자" (the text says
  "판별자는", "판별자가") and for "discriminator" on the English site?
- does any page show a line of its master's solutions (``gencourse.site.leaks``)?
- does axe-core (bundled by ``axe-playwright-python``) find a serious or
  critical accessibility violation on the landing page, the indexes, every
  lesson page and the search results?

Screenshots (``site_*.png``) and a summary (appended to ``notes.txt``, which
``.ci/run`` prints) go to ``$GENCOURSE_SCREENSHOTS`` or a temporary folder.
Without Chromium, playwright or axe-core the tests are skipped, with the reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_browser import (
    BROWSER_LIMIT,
    CHROMIUM,
    CHROMIUM_FLAGS,
    MISSING_GLYPH,
    REASON,
    _assert_hangul_rendered,
    _free_port,
    _hangul_count,
    _korean_fonts,
    _Watchdog,
)

from gencourse import release

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ko", "en")
LESSONS = release.available_lessons(ROOT)
#: Each language's search term, and the lesson it must find (the Korean text inflects it).
SEARCHES = {"ko": ("판별자", "03_gan"), "en": ("discriminator", "03_gan")}
#: axe-core impacts that fail the test.
BLOCKING = ("serious", "critical")
#: An alternative text that is only a file's name or path says nothing to a reader.
PATH_LIKE = re.compile(r"(^|/)[^\s/]+\.(png|jpe?g|gif|svg|webp)$|^\.{0,2}/|^_images/", re.I)
COLAB = re.compile(
    r"^https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/[\w.-]+/"
    r"notebooks/(?P<lang>ko|en)/(?P<lesson>[\w-]+)\.ipynb$"
)
BINDER = re.compile(
    r"^https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/[\w.-]+\?labpath="
    r"notebooks(/|%2F)(?P<lang>ko|en)(/|%2F)(?P<lesson>[\w-]+)\.ipynb$"
)


def _why_no_axe() -> str | None:
    try:
        import axe_playwright_python
    except ImportError:
        return "axe-core is missing; install the dev extras: pip install -e .[dev]"
    if not (Path(axe_playwright_python.__file__).parent / "axe.min.js").is_file():
        return "axe_playwright_python has no axe.min.js"
    return None


SKIP = REASON or _why_no_axe()


# --- the site, served ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Path:
    """The built site's folder: ``$GENCOURSE_SITE_DIR`` if set, else the shared quick build."""
    if os.environ.get("GENCOURSE_SITE_DIR"):
        folder = Path(os.environ["GENCOURSE_SITE_DIR"])
        assert (folder / "index.html").is_file(), f"no site in $GENCOURSE_SITE_DIR={folder}"
        return folder
    import site_build

    return site_build.build_once()


class Server:
    """``python -m http.server`` on 127.0.0.1, in a session of its own; :meth:`stop` ends it."""

    def __init__(self, folder: Path):
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1"],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/index.html", timeout=5).close()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("the site's http.server did not answer in 30 s") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class Reader:
    """One Chromium page on the served site, with what the tests note and photograph."""

    def __init__(self, context, server: Server, folder: Path, shots: Path):
        self.context, self.server, self.folder, self.shots = context, server, folder, shots
        self.page = context.new_page()
        self.page.set_default_timeout(60_000)
        self.page_errors: list[str] = []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.refused: set[str] = set()
        self.notes: list[str] = []

    def url(self, path: str) -> str:
        return f"{self.server.url}/{path}"

    def goto(self, path: str):
        response = self.page.goto(self.url(path))
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def local_file(self, url: str) -> Path | None:
        """The file that a URL of the served site names (None for other URLs)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == "file":
            path = Path(urllib.parse.unquote(parts.path))
        elif url.startswith(self.server.url + "/") or url == self.server.url:
            path = self.folder / urllib.parse.unquote(parts.path).lstrip("/")
        else:
            return None
        return path / "index.html" if path.is_dir() else path


@pytest.fixture(scope="module")
def reader(request, tmp_path_factory):
    """A served site and a headless Chromium reading it; notes are appended to notes.txt.

    Without Chromium, playwright or axe-core, every test that reads the site is skipped
    with the reason (before the site is built).
    """
    if SKIP is not None:
        pytest.skip(f"site browser test skipped: {SKIP}")
    from playwright.sync_api import sync_playwright

    site = request.getfixturevalue("site")

    shots = Path(os.environ.get("GENCOURSE_SCREENSHOTS") or tmp_path_factory.mktemp("site-shots"))
    shots.mkdir(parents=True, exist_ok=True)
    server = Server(site)
    watchdog = _Watchdog(server, BROWSER_LIMIT)
    started = time.monotonic()
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("site-chromium-profile")),
                executable_path=str(CHROMIUM),
                headless=True,
                args=[*CHROMIUM_FLAGS, "--allow-file-access-from-files"],
                viewport={"width": 1280, "height": 900},
            )
            try:
                one = Reader(context, server, site, shots)

                # Offline, as a reader without a network: only the loopback and files answer.
                def route(r):
                    host = urllib.parse.urlsplit(r.request.url).hostname
                    if r.request.url.startswith(("file:", "data:", "blob:")) or host == "127.0.0.1":
                        return r.continue_()
                    one.refused.add(f"{host}")
                    return r.abort()

                context.route("**/*", route)
                yield one
            finally:
                context.close()
    except Exception:
        if watchdog.fired:
            raise AssertionError(
                f"the site browser test ran past {BROWSER_LIMIT} s: the watchdog stopped "
                "Chromium, its driver and the http.server"
            ) from None
        raise
    finally:
        watchdog.cancel()
        server.stop()
    one.notes.append(f"refused requests off the loopback, to: {sorted(one.refused) or 'none'}")
    one.notes.append(f"page errors: {one.page_errors[:3] or 'none'}")
    one.notes.append(f"site browser tests took {time.monotonic() - started:.0f} s")
    with open(shots / "notes.txt", "a", encoding="utf-8") as notes:
        notes.write("".join(f"site: {line}\n" for line in one.notes))
    print("\n[site browser test] " + "\n[site browser test] ".join(one.notes))


def _lesson_pages(site: Path) -> list[str]:
    return [f"{lang}/lessons/{lesson}.html" for lang in LANGS for lesson in LESSONS]


def _every_page(site: Path) -> list[str]:
    guides = sorted(
        p.relative_to(site).as_posix()
        for lang in LANGS
        for p in (site / lang / "guide").glob("*.html")
    )
    return ["index.html", *(f"{lang}/index.html" for lang in LANGS), *_lesson_pages(site), *guides]


# --- what a page holds ---------------------------------------------------------------------

#: Every link and image of the page, once its images have loaded (lazy ones too).
PAGE_PARTS = """async () => {
  const images = [...document.images];
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return {
    links: [...document.querySelectorAll('a[href]')].map(a => ({
      raw: a.getAttribute('href'), href: a.href, text: a.textContent.trim().slice(0, 40)})),
    images: images.map(img => ({
      src: img.currentSrc || img.src, alt: img.getAttribute('alt'),
      width: img.naturalWidth, complete: img.complete})),
    ids: [...document.querySelectorAll('[id], a[name]')].map(e => e.id || e.getAttribute('name')),
    text: document.body.innerText,
    foreign: (() => {  // Hangul on an English page, outside what is marked lang="ko"
      if (!document.documentElement.lang.startsWith('en')) return [];
      const body = document.body.cloneNode(true);
      body.querySelectorAll('script, style, noscript, template, [lang]:not([lang^="en"])')
        .forEach(e => e.remove());
      return body.textContent.match(/[\uac00-\ud7a3]+/g) || [];
    })(),
  };
}"""

VISIBLE_LINKS = """() => [...document.querySelectorAll('a[href]')].map((a, index) => ({
  index, href: a.href, visible: a.getClientRects().length > 0 &&
  getComputedStyle(a).visibility !== 'hidden'}))"""


def _ids_in(file: Path, cache: dict) -> set[str]:
    if file not in cache:
        text = file.read_text(encoding="utf-8", errors="replace")
        cache[file] = set(re.findall(r'\b(?:id|name)="([^"]+)"', text))
    return cache[file]


def _launch_problems(page_path: str, links: list[dict]) -> list[str]:
    """Colab and Binder links: one of each on a lesson page, each for this lesson and language."""
    lang, _, name = page_path.partition("/lessons/")
    found = {"Colab": 0, "Binder": 0}
    problems = []
    for link in links:
        host = urllib.parse.urlsplit(link["href"]).hostname or ""
        for label, pattern, domain in (
            ("Colab", COLAB, "colab.research.google.com"),
            ("Binder", BINDER, "mybinder.org"),
        ):
            if host != domain:
                continue
            found[label] += 1
            match = pattern.match(link["href"])
            if not match:
                problems.append(f"{page_path}: malformed {label} link {link['href']}")
            elif name and (match["lang"], match["lesson"]) != (lang, name.removesuffix(".html")):
                problems.append(f"{page_path}: {label} link to another lesson: {link['href']}")
    if name:
        problems += [f"{page_path}: no {label} link" for label, n in found.items() if n == 0]
    return problems


def _page_problems(reader: Reader, page_path: str, parts: dict, ids_cache: dict) -> list[str]:
    """Broken local links and anchors, malformed external links, images unloaded or unnamed."""
    problems = _launch_problems(page_path, parts["links"]) if "/lessons/" in page_path else []
    own_ids = set(parts["ids"])
    for link in parts["links"]:
        raw, href = (link["raw"] or "").strip(), link["href"]
        if raw in ("", "#") or raw.startswith(("mailto:", "javascript:void")):
            continue
        scheme = urllib.parse.urlsplit(href).scheme
        file = reader.local_file(href)
        fragment = urllib.parse.unquote(urllib.parse.urlsplit(href).fragment)
        if file is not None:
            if not file.is_file():
                problems.append(f"{page_path}: broken link {raw!r} ({link['text']!r})")
            elif fragment and file.suffix == ".html":
                here = file == reader.local_file(reader.page.url)
                if fragment not in (own_ids if here else _ids_in(file, ids_cache)):
                    problems.append(f"{page_path}: link {raw!r} names no element #{fragment}")
        elif scheme in ("http", "https"):
            if not urllib.parse.urlsplit(href).hostname:
                problems.append(f"{page_path}: malformed link {raw!r}")
        else:
            problems.append(f"{page_path}: link of an unexpected kind {raw!r}")
    for image in parts["images"]:
        src = image["src"].rsplit("/", 1)[-1][:40]
        alt = (image["alt"] or "").strip()
        if not image["width"]:
            problems.append(f"{page_path}: image {src} did not load")
        if not alt:
            problems.append(f"{page_path}: image {src} has no alternative text")
        elif PATH_LIKE.search(alt):
            problems.append(f"{page_path}: image {src} has a path as alternative text: {alt!r}")
    if parts["foreign"]:
        problems.append(f"{page_path}: Korean on an English page: {parts['foreign'][:8]}")
    for bad in (*MISSING_GLYPH, "Traceback (most recent call last)"):
        if bad in parts["text"]:
            problems.append(f"{page_path}: the page shows {bad!r}")
    return problems


def _click_link_to(reader: Reader, target: Path) -> None:
    """Clicks the first visible link of the page to ``target`` (a file of the site)."""
    page = reader.page
    links = page.evaluate(VISIBLE_LINKS)
    to_target = [link for link in links if reader.local_file(link["href"]) == target]
    visible = [link for link in to_target if link["visible"]]
    assert visible, (
        f"{page.url} has no visible link to {target.relative_to(reader.folder)} "
        f"({len(to_target)} hidden ones)"
    )
    with page.expect_navigation():
        page.locator("a[href]").nth(visible[0]["index"]).click()


def _lang(page) -> str:
    return page.evaluate("() => document.documentElement.lang")


# --- the tests ------------------------------------------------------------------------------


def test_does_the_language_switch_land_on_the_same_lesson_in_the_other_language(reader, site):
    page = reader.goto("index.html")
    _click_link_to(reader, site / "ko" / "index.html")
    assert reader.local_file(page.url) == site / "ko" / "index.html" and _lang(page) == "ko"
    _click_link_to(reader, site / "ko" / "lessons" / f"{LESSONS[0]}.html")
    switches = 0
    for lesson in LESSONS:
        for lang, other in (("ko", "en"), ("en", "ko")):
            reader.goto(f"{lang}/lessons/{lesson}.html")
            assert _lang(page) == lang, (
                f"{lang}/lessons/{lesson}.html says <html lang={_lang(page)}>"
            )
            _click_link_to(reader, site / other / "lessons" / f"{lesson}.html")
            assert reader.local_file(page.url) == site / other / "lessons" / f"{lesson}.html"
            assert _lang(page) == other, f"{page.url} says <html lang={_lang(page)}>"
            switches += 1
    # The same from disk (file://), as a reader who downloaded the site would open it.
    page.goto((site / "ko" / "lessons" / f"{LESSONS[0]}.html").as_uri())
    _click_link_to(reader, site / "en" / "lessons" / f"{LESSONS[0]}.html")
    assert page.url == (site / "en" / "lessons" / f"{LESSONS[0]}.html").as_uri()
    assert _lang(page) == "en"
    reader.notes.append(
        f"landing page -> 한국어 -> lesson; language switch clicked {switches} times "
        f"(each lesson ko->en and en->ko, URL and <html lang> checked), and once from file://"
    )


def test_do_all_links_resolve_and_all_images_load_with_alternative_text(reader, site):
    pages = _every_page(site)
    problems, ids_cache, counts = [], {}, {"links": 0, "images": 0}
    for path in pages:
        reader.goto(path)
        parts = reader.page.evaluate(PAGE_PARTS)
        counts["links"] += len(parts["links"])
        counts["images"] += len(parts["images"])
        problems += _page_problems(reader, path, parts, ids_cache)
    assert counts["images"] > 0, "no page shows an image: the lessons' figures are missing"
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    reader.notes.append(
        f"{len(pages)} pages visited: {counts['links']} links resolve (local files and "
        f"anchors; Colab and Binder links well formed), {counts['images']} images loaded, "
        "each with alternative text that is not a path"
    )


#: Marks the page's first element matching a selector whose own text holds Hangul.
MARK_HANGUL = """(selector) => {
  const hit = [...document.querySelectorAll(selector)]
    .find(e => /[\\uac00-\\ud7a3]/.test(e.textContent) && e.getClientRects().length > 0);
  if (!hit) return false;
  hit.setAttribute('data-gencourse-probe', selector);
  return true;
}"""

#: The first figure whose alternative text holds Hangul (its title is Korean), marked.
MARK_FIGURE = """() => {
  const figures = [...document.querySelectorAll('article img')];
  const hit = figures.find(i => /[\\uac00-\\ud7a3]/.test(i.alt || '')) || figures[0];
  if (!hit) return null;
  hit.setAttribute('data-gencourse-figure', '1');
  return hit.alt;
}"""


def test_is_hangul_drawn_with_a_korean_font_on_a_korean_lesson_page(reader, site):
    korean = _korean_fonts()
    page = reader.goto(f"ko/lessons/{SEARCHES['ko'][1]}.html")
    cdp = reader.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        for selector in ("article h1", "article p"):
            assert page.evaluate(MARK_HANGUL, selector), f"no {selector} with Hangul on {page.url}"
            probe = f'[data-gencourse-probe="{selector}"]'
            reader.notes.append(_assert_hangul_rendered(page, cdp, probe, korean))
    finally:
        cdp.detach()
    _wait_for_math(reader)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=reader.shots / "site_ko_lesson.png")
    reader.goto(f"en/lessons/{SEARCHES['en'][1]}.html")
    _wait_for_math(reader)
    page.screenshot(path=reader.shots / "site_en_lesson.png")
    # A figure with Hangul in it: its title in Korean, drawn by matplotlib.
    shown = []  # lessons with a figure; the first whose alt text holds Hangul is taken
    for lesson in LESSONS:
        reader.goto(f"ko/lessons/{lesson}.html")
        alt = page.evaluate(MARK_FIGURE)
        if alt is not None:
            shown.append(lesson)
            if _hangul_count(alt):
                break
    else:
        if shown:  # no alt text in Korean: the first figure shown
            reader.goto(f"ko/lessons/{shown[0]}.html")
            alt = page.evaluate(MARK_FIGURE)
    figure = page.locator("[data-gencourse-figure]")
    assert figure.count() == 1, "no Korean lesson page shows a figure"
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=reader.shots / "site_figure_hangul.png")
    reader.notes.append(f"figure photographed from {page.url.rsplit('/', 1)[-1]}: alt={alt!r}")


#: Sphinx's search has listed every result: it stops its "Searching..." dots when done (the
#: summary sentence is no sign: Sphinx's Korean catalogue leaves it empty).
SEARCH_DONE = """() => document.querySelector('#search-results ul.search') !== null
  && typeof Search !== 'undefined' && Search._pulse_status === -1"""


def _search(reader: Reader, lang: str, term: str) -> tuple[str, list[str]]:
    """The search page's summary and the pages it lists for ``term``."""
    page = reader.goto(f"{lang}/search.html?q={urllib.parse.quote(term)}")
    page.wait_for_function(SEARCH_DONE, timeout=60_000)
    summary = page.locator("#search-results .search-summary").inner_text()
    found = page.evaluate(
        "() => [...document.querySelectorAll('#search-results ul.search li a')].map(a => a.href)"
    )
    return summary, [urllib.parse.urlsplit(href).path.rsplit("/", 1)[-1] for href in found]


def test_does_the_offline_search_find_a_lesson_from_a_korean_word(reader):
    for lang, (term, lesson) in SEARCHES.items():
        summary, found = _search(reader, lang, term)
        assert f"{lesson}.html" in found, (
            f"searching the {lang} site for {term!r} did not find {lesson}: {summary} {found}"
        )
        if lang == "ko":
            reader.page.screenshot(path=reader.shots / "site_ko_search.png")
        reader.notes.append(f"search ({lang}) {term!r}: {summary} {found}")
    # The word as a reader may type it, with its particle: the query is stemmed as the text was.
    summary, found = _search(reader, "ko", SEARCHES["ko"][0] + "는")
    assert f"{SEARCHES['ko'][1]}.html" in found, f"'{SEARCHES['ko'][0]}는' found {found}"
    reader.notes.append(f"search (ko) '{SEARCHES['ko'][0]}는': {found}")
    # A word that no page holds finds nothing (the search does not list every page).
    _, nothing = _search(reader, "ko", "쿼크글루온플라스마")
    assert nothing == [], f"a word on no page found {nothing}"


def test_does_any_lesson_page_show_a_line_of_its_solutions(reader):
    from gencourse.site.leaks import leaks, notebook_solution_lines

    searched, found = 0, []
    for lang in LANGS:
        for lesson in LESSONS:
            master = release.read(release.find_lesson(ROOT, lesson, lang))
            lines = notebook_solution_lines(master)
            searched += len(lines)
            page = reader.goto(f"{lang}/lessons/{lesson}.html")
            text = page.evaluate("() => document.documentElement.textContent")
            found += [(f"{lang}/{lesson}", line) for line in leaks(text + page.content(), lines)]
    assert searched > 0, "the masters hold no solution line to search for"
    assert found == [], f"solution lines shown on the site: {found[:20]}"
    reader.notes.append(
        f"{searched} solution lines of the masters searched for in the lesson pages' text: none"
    )


def _axe_violations(reader: Reader, script: str) -> list[dict]:
    reader.page.evaluate(script)
    return reader.page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))}))"
    )


def test_does_axe_find_no_serious_or_critical_accessibility_violation(reader, site):
    import axe_playwright_python

    script = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    pages = [
        "index.html",
        *(f"{lang}/index.html" for lang in LANGS),
        *_lesson_pages(site),
        *(f"{lang}/search.html?q={urllib.parse.quote(SEARCHES[lang][0])}" for lang in LANGS),
    ]
    blocking, seen = [], {}
    for path in pages:
        reader.goto(path)
        if "search.html" in path:
            reader.page.wait_for_function(SEARCH_DONE, timeout=60_000)
        _wait_for_math(reader)  # axe looks at the typeset page a reader sees
        for v in _axe_violations(reader, script):
            seen.setdefault((v["id"], v["impact"]), set()).add(path)
            if v["impact"] in BLOCKING:
                targets = ", ".join(v["targets"][:5])
                blocking.append(
                    f"{path}: {v['id']} ({v['impact']}, {len(v['targets'])} nodes: {targets}): "
                    f"{v['help']}"
                )
    found = "; ".join(
        f"{rule} ({impact}) on {len(on)} pages" for (rule, impact), on in seen.items()
    )
    reader.notes.append(f"axe-core on {len(pages)} pages: {found or 'no violation'}")
    assert blocking == [], "serious or critical accessibility violations:\n" + "\n".join(blocking)


#: Sphinx's formulas are ``.math.notranslate`` (MathJax 2 names spans of its own output "math").
#: What MathJax puts in place of a formula's TeX (version 3 and 4: mjx-container; 2: spans).
TYPESET = "mjx-container, .MathJax, .MathJax_CHTML, .MathJax_SVG, .MathJax_Display"
#: The page's math: how many formulas, how many MathJax typeset, TeX left as dollars in prose.
MATH = (
    """() => {
  const TYPESET_BY_MATHJAX = '"""
    + TYPESET
    + """';
  const script = document.querySelector('script[src*="mathjax" i]');
  const prose = [...document.querySelectorAll('article p, article li')]
    .map(e => { const c = e.cloneNode(true);
                c.querySelectorAll('code, pre, .math').forEach(x => x.remove());
                return c.textContent; }).join('\\n');
  return {
    formulas: document.querySelectorAll('article .math.notranslate').length,
    typeset: [...document.querySelectorAll('article .math.notranslate')]
      .filter(e => e.querySelector(TYPESET_BY_MATHJAX)).length,
    mathjax: script ? script.src : null,
    dollars: prose.match(/\\$[^$\\s][^$\\n]{0,60}\\$/g) || [],
  };
}"""
)


def _wait_for_math(reader: Reader) -> None:
    """Waits until MathJax, where the site serves it, has typeset every formula of the page."""
    math = reader.page.evaluate(MATH)
    if math["formulas"] and math["mathjax"] and reader.local_file(math["mathjax"]) is not None:
        reader.page.wait_for_function(
            f"n => document.querySelectorAll('article .math.notranslate').length === n && "
            f"[...document.querySelectorAll('article .math.notranslate')]"
            f".every(e => e.querySelector('{TYPESET}'))",
            arg=math["formulas"],
            timeout=90_000,
        )
        # MathJax 2's "Processing math: 100%" box goes a moment after it is done.
        reader.page.wait_for_function(
            "() => { const m = document.getElementById('MathJax_Message');"
            " return !m || m.style.display === 'none' || !m.textContent.trim(); }",
            timeout=30_000,
        )


def test_is_the_lessons_math_written_for_mathjax_and_typeset_where_it_is_served(reader, site):
    formulas, typeset, sources, problems = 0, 0, set(), []
    for path in _lesson_pages(site):
        page = reader.goto(path)
        math = page.evaluate(MATH)
        if math["formulas"] and math["mathjax"] is None:
            problems.append(f"{path}: {math['formulas']} formulas and no MathJax")
        if math["dollars"]:
            problems.append(f"{path}: TeX left in the text: {math['dollars'][:3]}")
        if math["formulas"] and math["mathjax"]:
            sources.add(math["mathjax"])
            if reader.local_file(math["mathjax"]) is not None:  # served with the site: typeset
                _wait_for_math(reader)
                math = page.evaluate(MATH)
            elif not re.match(r"https://[\w.-]+/.*mathjax.*\.js$", math["mathjax"], re.I):
                problems.append(f"{path}: MathJax from {math['mathjax']!r}")
        formulas += math["formulas"]
        typeset += math["typeset"]
    assert formulas > 0, "no lesson page holds a formula: the math extension is off"
    assert problems == [], "\n".join(problems)
    offline = typeset == formulas
    reader.notes.append(
        f"math: {formulas} formulas on the lesson pages; MathJax from {sorted(sources)}; "
        + (
            f"all {typeset} typeset offline"
            if offline
            else "not served with the site, so an offline reader sees TeX (not typeset here)"
        )
    )


def test_would_the_page_check_report_broken_links_unnamed_images_and_stray_korean(tmp_path):
    # The checks of every page, on a page described by hand (no browser needed).
    (tmp_path / "en" / "lessons").mkdir(parents=True)
    (tmp_path / "en" / "lessons" / "03_gan.html").write_text('<h1 id="top">x</h1>', "utf-8")
    one = Reader.__new__(Reader)
    one.folder, one.server = tmp_path, type("S", (), {"url": "http://127.0.0.1:1"})()
    one.page = type("P", (), {"url": f"{one.server.url}/en/lessons/03_gan.html"})()
    base = f"{one.server.url}/en/lessons/"
    colab = "https://colab.research.google.com/github/o/r/blob/main/notebooks/en/03_gan.ipynb"
    binder = "https://mybinder.org/v2/gh/o/r/main?labpath=notebooks/en/03_gan.ipynb"
    good = {
        "links": [
            {"raw": "03_gan.html#top", "href": base + "03_gan.html#top", "text": ""},
            {"raw": colab, "href": colab, "text": ""},
            {"raw": binder, "href": binder, "text": ""},
        ],
        "images": [{"src": base + "a.png", "alt": "Figure: real digits", "width": 28}],
        "ids": ["top"],
        "text": "",
        "foreign": [],
    }
    assert _page_problems(one, "en/lessons/03_gan.html", good, {}) == []
    bad = {
        "links": [
            {"raw": "04_cgan.html", "href": base + "04_cgan.html", "text": "next"},
            {"raw": "#gone", "href": base + "03_gan.html#gone", "text": ""},
            {"raw": colab, "href": colab.replace("03_gan", "02_vae"), "text": ""},
        ],
        "images": [
            {"src": base + "a.png", "alt": "", "width": 28},
            {"src": base + "b.png", "alt": "../_images/b.png", "width": 0},
        ],
        "ids": ["top"],
        "text": "UserWarning: Glyph 54032 missing from font(s) DejaVu Sans.",
        "foreign": ["검색"],
    }
    found = "\n".join(_page_problems(one, "en/lessons/03_gan.html", bad, {}))
    for problem in (
        "broken link '04_cgan.html'",
        "names no element #gone",
        "Colab link to another lesson",
        "no Binder link",
        "a.png has no alternative text",
        "b.png did not load",
        "b.png has a path as alternative text",
        "Korean on an English page: ['검색']",
        "missing from font",
    ):
        assert problem in found, f"{problem!r} not reported in:\n{found}"
