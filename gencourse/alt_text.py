"""Alternative text for the lessons' figures, carried in the notebook's outputs.

A figure shown in a notebook is an image to anyone who cannot see it: a screen
reader says nothing about it unless it has a text. :func:`register` (called by
:func:`gencourse.setup`) wraps IPython's PNG formatter for matplotlib figures so
that each displayed figure's output carries ``{"alt": text}`` in its metadata,
``output.metadata["image/png"]["alt"]``. The text is built from what the figure
already says (its suptitle, its axes' titles, else its axis labels), in the
lesson's language, so the alternative text follows the figure when it changes.
The course's website (:mod:`gencourse.site`) puts it in each ``<img alt>``.
"""

from __future__ import annotations

#: The longest alternative text kept (screen readers read all of it).
MAX_CHARS = 300
_WRAPPED = "_gencourse_alt_text"


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def figure_alt(fig, lang: str | None = None) -> str:
    """The alternative text of a matplotlib figure, from its own titles and labels.

    Args:
        fig: a ``matplotlib.figure.Figure``.
        lang: ``"ko"`` or ``"en"``; the current language when None.

    Returns:
        "Figure: <suptitle>. <axes titles, separated by '; '>" (in ``lang``);
        the axis labels when the figure has no title; "Figure with N panels" when it
        has neither.
    """
    from gencourse.i18n import t

    parts: list[str] = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and _clean(suptitle.get_text()):
        parts.append(_clean(suptitle.get_text()))
    axes = [ax for ax in fig.get_axes() if ax.get_visible()]
    titles: list[str] = []
    for ax in axes:
        for loc in ("left", "center", "right"):
            title = _clean(ax.get_title(loc=loc))
            if title and title not in titles:
                titles.append(title)
    if titles:
        parts.append("; ".join(titles))
    if not parts:
        labels = []
        for ax in axes:
            pair = [_clean(ax.get_xlabel()), _clean(ax.get_ylabel())]
            label = " / ".join(p for p in pair if p)
            if label and label not in labels:
                labels.append(label)
        parts.append("; ".join(labels))
    body = ". ".join(p for p in parts if p)
    if not body:
        body = t("alt.panels", lang, n=len(axes))
    text = t("alt.figure", lang, body=body)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def register() -> bool:
    """Makes every matplotlib figure IPython displays carry its alternative text.

    Returns:
        True when it was registered (or already was), False outside IPython or
        when matplotlib has no PNG formatter there.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    import matplotlib
    from matplotlib.figure import Figure

    if "inline" in str(matplotlib.rcParams._get("backend")):
        # matplotlib loads its backend lazily; loading the inline one sets the formatters.
        import matplotlib_inline.backend_inline  # noqa: F401

    formatter = shell.display_formatter.formatters["image/png"]
    try:
        current = formatter.lookup_by_type(Figure)
    except KeyError:
        return False
    if getattr(current, _WRAPPED, False):
        return True

    def png_with_alt(fig):
        data = current(fig)
        if data is None:
            return None
        if isinstance(data, tuple):  # another wrapper already returns (data, metadata)
            data, metadata = data
        else:
            metadata = {}
        return data, {**(metadata or {}), "alt": figure_alt(fig)}

    setattr(png_with_alt, _WRAPPED, True)
    formatter.for_type(Figure, png_with_alt)
    return True
