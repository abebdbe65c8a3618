"""Korean and English messages for everything a person reads.

Every sentence the library shows a learner (check verdicts, errors, figure
titles, the grader's feedback) is looked up here by key, so the two editions
of the course cannot drift apart. The texts themselves live in one catalogue,
``gencourse/i18n/catalog/``, split by area (core, widgets, the checks of each
lesson, grading, lesson 05's experiment); each key holds its ko and en texts
side by side. A translator reads only that folder, and a key without every
language fails to register (and the test suite).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil

LANGUAGES = ("ko", "en")


def default_language() -> str:
    """``$GENCOURSE_LANG`` when it is one of :data:`LANGUAGES`, else ``"en"``.

    The language a process starts in, and every command's default ``--lang``.
    """
    lang = os.environ.get("GENCOURSE_LANG")
    return lang if lang in LANGUAGES else "en"


_state = {"lang": default_language()}

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
    """Sets the language of messages and figure text (one of :data:`LANGUAGES`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}. Received: lang={lang!r}")
    _state["lang"] = lang


def get_language() -> str:
    """Returns the current language code."""
    return _state["lang"]


def known_language(lang) -> str | None:
    """``lang`` when it is one of :data:`LANGUAGES`, else None (for untrusted metadata)."""
    return lang if lang in LANGUAGES else None


def t(key: str, lang: str | None = None, **values) -> str:
    """Returns the message ``key`` in ``lang`` (default: the current one), formatted."""
    texts = _catalogs.get(key)
    if texts is None:
        raise KeyError(f"No message with key {key!r}.")
    return texts[lang or _state["lang"]].format(**values)


def has(key: str) -> bool:
    """True when ``key`` is in the catalogue."""
    return key in _catalogs


#: The prefix of the keys :func:`own_text` makes.
OWN_PREFIX = "own."


def own_text(texts: dict[str, str]) -> str:
    """Registers an author's own texts (not the course's) and returns their key.

    An instructor's checks file cannot add to the catalogue, so its case
    labels and hints come as texts, ``{"ko": ..., "en": ...}``; they are kept
    under a key made from them (``"own.<hash>"``), the same for the same texts.

    Raises:
        ValueError: if a language is missing or a text is empty.
    """
    if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
        raise ValueError(
            f"A label or hint is a message key or a dict with the texts in {LANGUAGES}, "
            f'e.g. {{"ko": "...", "en": "The sign is flipped"}}. Received: {texts!r}'
        )
    if not all(isinstance(v, str) and v.strip() for v in texts.values()):
        raise ValueError(f"Each language needs a text of its own. Received: {texts!r}")
    ordered = {lang: texts[lang] for lang in LANGUAGES}
    digest = hashlib.sha256(json.dumps(ordered, ensure_ascii=False).encode()).hexdigest()[:12]
    key = f"{OWN_PREFIX}{digest}"
    _catalogs[key] = ordered
    return key


def texts(key: str) -> dict[str, str]:
    """The texts of ``key`` in every language, e.g. to carry an author's own texts elsewhere."""
    if key not in _catalogs:
        raise KeyError(f"No message with key {key!r}.")
    return dict(_catalogs[key])


def all_keys() -> list[str]:
    return sorted(_catalogs)


def catalog_modules() -> list[str]:
    """The names of the catalogue's modules (``gencourse.i18n.catalog.*``)."""
    from gencourse.i18n import catalog

    return sorted(f"{catalog.__name__}.{m.name}" for m in pkgutil.iter_modules(catalog.__path__))


def _load_catalog() -> None:
    for name in catalog_modules():
        register(importlib.import_module(name).MESSAGES)


_load_catalog()
