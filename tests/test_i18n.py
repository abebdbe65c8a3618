import ast
import importlib
import string
from pathlib import Path

import pytest

from gencourse import i18n

PACKAGE = Path(i18n.__file__).resolve().parent.parent


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_does_every_message_use_the_same_placeholders_in_every_language():
    # The whole catalogue is loaded by importing gencourse.i18n alone.
    assert len(i18n.all_keys()) > 250
    for key in i18n.all_keys():
        texts = i18n._catalogs[key]
        assert set(texts) == set(i18n.LANGUAGES), key
        fields = {lang: _fields(text) for lang, text in texts.items()}
        assert len({frozenset(f) for f in fields.values()}) == 1, (key, fields)
        assert all(text.strip() for text in texts.values()), key


def test_is_every_catalogue_entry_a_pair_of_every_language_side_by_side():
    for name in i18n.catalog_modules():
        messages = importlib.import_module(name).MESSAGES
        for key, texts in messages.items():
            assert list(texts) == list(i18n.LANGUAGES), (name, key)


def test_is_no_key_defined_in_two_catalogue_modules():
    seen = {}
    for name in i18n.catalog_modules():
        for key in importlib.import_module(name).MESSAGES:
            assert key not in seen, f"{key!r} is in {seen.get(key)} and {name}"
            seen[key] = name


def test_does_no_module_outside_the_catalogue_hold_messages():
    # Logic modules hold no prose: register() is called only by the catalogue loader.
    for path in PACKAGE.rglob("*.py"):
        if "catalog" in path.parts or path.name == "__init__.py" and path.parent.name == "i18n":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                assert (
                    name != "register" or not node.args or not isinstance(node.args[0], ast.Dict)
                ), f"{path.relative_to(PACKAGE)}:{node.lineno} registers messages"


def test_is_an_unknown_language_refused_with_the_choices():
    with pytest.raises(ValueError, match="Received: lang='fr'"):
        i18n.set_language("fr")


def test_does_a_message_without_both_languages_fail_to_register():
    with pytest.raises(ValueError, match="lacks"):
        i18n.register({"x.only_en": {"en": "hello"}})


def test_does_t_follow_the_current_language():
    before = i18n.get_language()
    try:
        i18n.set_language("ko")
        assert i18n.t("fig.epoch") == "에포크"
        i18n.set_language("en")
        assert i18n.t("fig.epoch") == "epoch"
        assert i18n.t("fig.epoch", "ko") == "에포크"
    finally:
        i18n.set_language(before)


def test_are_untrusted_language_codes_reduced_to_known_ones():
    assert i18n.known_language("ko") == "ko"
    assert i18n.known_language("fr") is None
    assert i18n.known_language(["ko"]) is None
