"""The real website, built once per session in quick mode (tests/site_build.py): its pages,
launch links, language switch, figures' alternative text, search index, size, and no solution."""

import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import site_build  # noqa: E402

from gencourse.site import config  # noqa: E402
from gencourse.site.korean_search import strip_particle  # noqa: E402
from gencourse.site.leaks import course_solution_lines, leaks  # noqa: E402

ROOT = site_build.ROOT
LANGS = ("ko", "en")
LESSONS = sorted(p.stem for p in (ROOT / "solutions" / "ko").glob("*.ipynb"))
GUIDES = ("setup", "colab", "instructors")


@pytest.fixture(scope="session")
def built_site() -> Path:
    return site_build.build_once()


class Page(HTMLParser):
    """The links, images and <html lang> of one page."""

    def __init__(self, path: Path):
        super().__init__()
        self.links, self.images, self.assets, self.lang = [], [], [], None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs)
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])


def _target(page: Path, href: str) -> Path:
    return (page.parent / unquote(urlsplit(href).path)).resolve()


def test_is_every_page_there_in_both_languages(built_site):
    assert (built_site / "index.html").is_file()
    for lang in LANGS:
        folder = built_site / lang
        expected = ["index.html", "search.html", "searchindex.js"]
        expected += [f"lessons/{name}.html" for name in LESSONS]
        expected += [f"guide/{name}.html" for name in GUIDES]
        missing = [name for name in expected if not (folder / name).is_file()]
        assert missing == [], lang
        assert Page(folder / "lessons" / f"{LESSONS[0]}.html").lang == lang


def test_is_no_solution_line_in_any_built_file(built_site):
    lines = sorted({line for found in course_solution_lines(ROOT).values() for line in found})
    assert len(lines) > 50  # the masters' solutions were read
    found = []
    for path in sorted(built_site.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            found += [
                (path.relative_to(built_site).as_posix(), line) for line in leaks(text, lines)
            ]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_does_each_lesson_page_have_its_launch_links_and_language_switch(built_site, lang):
    other = {"ko": "en", "en": "ko"}[lang]
    for name in LESSONS:
        page = built_site / lang / "lessons" / f"{name}.html"
        hrefs = [a["href"] for a in Page(page).links]
        downloads = [h for h in hrefs if "_downloads/" in h and h.endswith(f"/{name}.ipynb")]
        assert len(downloads) == 1, (name, hrefs)
        student = _target(page, downloads[0])
        assert student.read_bytes() == (ROOT / "notebooks" / lang / f"{name}.ipynb").read_bytes()
        assert config.colab_url(config.REPOSITORY, lang, name) in hrefs
        assert config.binder_url(config.REPOSITORY, lang, name) in hrefs
        switch = [a for a in Page(page).links if "gencourse-lang-switch" in a.get("class", "")]
        assert len(switch) == 1 and switch[0]["lang"] == other
        assert (
            _target(page, switch[0]["href"])
            == (built_site / other / "lessons" / f"{name}.html").resolve()
        )


def test_does_every_internal_link_image_script_and_stylesheet_exist(built_site):
    broken = []
    # The pages, not the themes' template fragments that Sphinx copies into _static.
    pages = [p for p in sorted(built_site.rglob("*.html")) if "_static" not in p.parts]
    assert len(pages) > 2 * (len(LESSONS) + len(GUIDES))
    for page in pages:
        parsed = Page(page)
        refs = [a["href"] for a in parsed.links] + [i.get("src", "") for i in parsed.images]
        refs += parsed.assets
        for ref in refs:
            if urlsplit(ref).scheme or ref.startswith(("#", "mailto:")) or not ref:
                continue
            if not _target(page, ref).exists():
                broken.append((page.relative_to(built_site).as_posix(), ref))
    assert broken == []


def test_does_every_figure_have_alternative_text_that_is_not_a_path(built_site):
    count = 0
    for lang in LANGS:
        for page in sorted((built_site / lang / "lessons").glob("*.html")):
            for image in Page(page).images:
                count += 1
                alt = (image.get("alt") or "").strip()
                assert alt, (page, image)
                assert "/" not in alt.split(":")[0] and not alt.endswith(".png"), (page, alt)
    assert count >= 2 * len(LESSONS)  # every lesson shows figures


def test_does_the_korean_index_find_a_word_written_with_its_particle(built_site):
    text = (built_site / "ko" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = {**index["terms"], **index["titleterms"]}
    query = strip_particle("판별자")
    assert query in docs
    pages = docs[query] if isinstance(docs[query], list) else [docs[query]]
    names = [index["docnames"][i] for i in pages]
    assert "lessons/03_gan" in names
    # The page says "판별자는" or "판별자가": that word itself is not a key of the index.
    assert "판별자는" not in docs


def test_is_the_site_under_the_size_limit(built_site):
    size = sum(p.stat().st_size for p in built_site.rglob("*") if p.is_file())
    assert 1_000_000 < size < config.MAX_BYTES


def test_is_math_drawn_by_the_sites_own_mathjax(built_site):
    page = built_site / "en" / "lessons" / "02_vae.html"
    scripts = [src for src in Page(page).assets if "MathJax.js" in src]
    assert len(scripts) == 1 and "://" not in scripts[0]
    assert _target(page, scripts[0]) == (built_site / "_mathjax" / "MathJax.js").resolve()
