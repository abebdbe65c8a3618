import string

import pytest

from gencourse import i18n


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_does_every_message_use_the_same_placeholders_in_both_languages():
    import gencourse.check  # noqa: F401  (registers the check messages)
    import gencourse.grade.messages  # noqa: F401  (and the grader's)

    for key in i18n.all_keys():
        ko, en = i18n._catalogs[key]["ko"], i18n._catalogs[key]["en"]
        assert _fields(ko) == _fields(en), key
        assert ko.strip() and en.strip(), key


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
