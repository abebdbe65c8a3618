"""The Sphinx extension of the course's website (``extensions = [..., "gencourse.site.sphinx_ext"]``).

- Korean search (:class:`gencourse.site.korean_search.SearchKorean`);
- each figure's ``<img alt>`` from the alternative text the build recorded for its
  image bytes (``_alt.json`` in the source folder, written by
  :mod:`gencourse.site.build`), else "Figure N of <page title>" in the page's language;
- ``gencourse_other_lang`` and ``gencourse_other_url`` in every page's context: the
  same page in the other language, as a relative link (the language switch's template).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from docutils import nodes

from gencourse.site.config import LANGUAGE_NAMES, OTHER
from gencourse.site.korean_search import SearchKorean


def _alts(app) -> dict[str, str]:
    if not hasattr(app, "_gencourse_alts"):
        path = Path(app.srcdir) / "_alt.json"
        app._gencourse_alts = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return app._gencourse_alts


def _fallback(lang: str, n: int, title: str) -> str:
    from gencourse.i18n import t

    return t("site.figure_fallback", lang, n=n, title=title)


def set_image_alts(app, doctree, docname=None) -> None:
    """Gives every image of a page its alternative text (never a file path)."""
    alts = _alts(app)
    lang = app.config.language or "en"
    title = next((n.astext() for n in doctree.findall(nodes.title)), app.config.project)
    for n, image in enumerate(doctree.findall(nodes.image), start=1):
        stem = posixpath.basename(str(image.get("uri", ""))).rsplit(".", 1)[0]
        alt = alts.get(stem) or str(image.get("alt", "")).strip()
        if not alt or "/" in alt or alt.endswith((".png", ".jpg", ".svg")):
            alt = _fallback(lang, n, title)
        image["alt"] = alt


def add_language_switch(app, pagename, templatename, context, doctree) -> None:
    """The same page in the other language, relative to this page (works from ``file://``)."""
    lang = app.config.language or "en"
    other = OTHER.get(lang, "en")
    up = "../" * (pagename.count("/") + 1)
    context["gencourse_lang"] = lang
    context["gencourse_other_lang"] = other
    context["gencourse_other_name"] = LANGUAGE_NAMES[other]
    context["gencourse_other_url"] = f"{up}{other}/{pagename}.html"
    context["gencourse_home_url"] = f"{up}index.html"


#: Search messages Sphinx's catalogue may leave empty for a language (the count of pages
#: found, in Korean): filled from the course's catalogue after translations.js loads.
_SEARCH_MESSAGES = {
    "Search finished, found one page matching the search query.": "site.search_found"
}


def fill_search_messages(app) -> None:
    from gencourse.i18n import known_language, t

    lang = known_language(app.config.language)
    if lang is None:
        return
    filled = {
        english: [t(key, lang, count="${resultCount}")] for english, key in _SEARCH_MESSAGES.items()
    }
    app.add_js_file(
        None,
        body=(
            "(() => {\n  const filled = " + json.dumps(filled, ensure_ascii=False) + ";\n"
            "  for (const [english, text] of Object.entries(filled)) {\n"
            "    const had = Documentation.TRANSLATIONS[english];\n"
            "    const empty = Array.isArray(had) ? !had.some(Boolean) : had === '';\n"
            "    if (had !== undefined && empty) Documentation.TRANSLATIONS[english] = text;\n"
            "  }\n})();"
        ),
        priority=900,
    )


def setup(app):
    app.add_search_language(SearchKorean)
    app.connect("builder-inited", fill_search_messages)
    app.connect("doctree-resolved", set_image_alts)  # after myst-nb placed the images
    app.connect("html-page-context", add_language_switch)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
