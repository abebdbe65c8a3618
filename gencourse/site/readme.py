"""The README's guide parts (set-up, Colab, grading for instructors) as the website's pages.

They are cut from README.md by their headings each time the site is built, so
the website and the README never say different things.
"""

from __future__ import annotations

import re

#: Each guide page: its file name and the README heading it starts at, per language.
GUIDE_SECTIONS = {
    "setup": {"ko": "명령 두 개", "en": "The two commands"},
    "colab": {"ko": "Google Colab에서", "en": "In Google Colab"},
    "instructors": {"ko": "강사용 안내", "en": "For instructors"},
}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class SectionNotFound(LookupError):
    """The README has no heading of that name."""


def headings(text: str) -> list[tuple[int, int, str]]:
    """``(line index, level, title)`` of every markdown heading outside fenced code."""
    found, fence = [], None
    for index, line in enumerate(text.splitlines()):
        match = _FENCE.match(line)
        if match:
            if fence is None:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = None
            continue
        if fence is None:
            heading = _HEADING.match(line)
            if heading:
                found.append((index, len(heading.group(1)), heading.group(2)))
    return found


def section(text: str, title: str) -> str:
    """The section of ``text`` under the heading ``title``, heading included.

    It ends before the next heading of the same or a higher level (lines in
    fenced code blocks are never headings). The heading becomes a level-1 one,
    and the headings under it move up with it.

    Raises:
        SectionNotFound: no heading has that title.
    """
    lines = text.splitlines()
    found = headings(text)
    for position, (start, level, name) in enumerate(found):
        if name == title:
            end = next((i for i, lvl, _ in found[position + 1 :] if lvl <= level), len(lines))
            inner = {i: lvl for i, lvl, _ in found[position:] if i < end}
            out = []
            for i in range(start, end):
                line = lines[i]
                if i in inner:
                    line = "#" * (inner[i] - level + 1) + line[inner[i] :]
                out.append(line)
            return "\n".join(out).rstrip() + "\n"
    names = ", ".join(name for _, _, name in found)
    raise SectionNotFound(f"README has no heading {title!r}. Its headings: {names}.")


_LINK = re.compile(r"(\]\()([^)\s]+)(\))")


def absolute_links(text: str, repo_url: str) -> str:
    """Relative links of the README (``requirements/README.md``) pointed at the repository.

    A page of the website is not beside those files, so ``[x](path)`` becomes
    ``[x](<repo_url>/blob/main/path)``; web addresses and ``#anchors`` stay.
    """

    def fix(match):
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("#", "/")):
            return match.group(0)
        return f"{match.group(1)}{repo_url}/blob/main/{target}{match.group(3)}"

    return _LINK.sub(fix, text)


def guide_pages(readme: str, lang: str, repo_url: str) -> dict[str, str]:
    """Maps each guide page's name to its markdown, cut from the README's text."""
    return {
        name: absolute_links(section(readme, titles[lang]), repo_url)
        for name, titles in GUIDE_SECTIONS.items()
    }
