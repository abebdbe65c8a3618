"""Korean and English messages for everything a person reads.

Every sentence the library shows a learner (check verdicts, errors, figure
titles) is looked up here by key, so the two editions of the course cannot
drift apart: a key without both languages fails the test suite.
"""

from __future__ import annotations

import os

LANGUAGES = ("ko", "en")
_state = {"lang": os.environ.get("GENCOURSE_LANG", "en")}
if _state["lang"] not in LANGUAGES:
    _state["lang"] = "en"

_catalogs: dict[str, dict[str, str]] = {}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Adds messages to the catalogue.

    Args:
        messages: maps a key to ``{"ko": ..., "en": ...}``.

    Raises:
        ValueError: if a message lacks a language or a key is registered twice
            with different text.
    """
    for key, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"Message {key!r} lacks {missing}. Received: {texts}")
        if key in _catalogs and _catalogs[key] != texts:
            raise ValueError(f"Message {key!r} is registered twice with different text.")
        _catalogs[key] = dict(texts)


def set_language(lang: str) -> None:
    """Sets the language of messages and figure text (``"ko"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}. Received: lang={lang!r}")
    _state["lang"] = lang


def get_language() -> str:
    """Returns the current language code."""
    return _state["lang"]


def t(key: str, lang: str | None = None, **values) -> str:
    """Returns the message ``key`` in ``lang`` (default: the current one), formatted."""
    texts = _catalogs.get(key)
    if texts is None:
        raise KeyError(f"No message with key {key!r}.")
    return texts[lang or _state["lang"]].format(**values)


def has(key: str) -> bool:
    """True when ``key`` is in the catalogue."""
    return key in _catalogs


def all_keys() -> list[str]:
    return sorted(_catalogs)


# The catalogue registers itself on import; it lives in its own module so that
# translators read one file.
from gencourse import messages as _messages  # noqa: E402, F401
