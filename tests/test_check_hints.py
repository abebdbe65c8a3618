"""Does every plausible wrong answer fail with a verdict that names its mistake?

The corpus (tests/wrong_answers.py) was written from the exercises'
instructions alone, before looking at the checks' mistake detectors. Every
wrong answer must fail, and its verdict must carry the message key recorded
for it in ``VERDICTS``: a hint, a body that states a wrong shape or count, or
the explanation of the exception it raises, in every language; never only
"the shape is right, but the values differ". The right answers written other
ways must pass.
"""

import pathlib
import sys

import pytest

from gencourse import check
from gencourse.check import core
from gencourse.check.errors import explain_error
from gencourse.i18n import LANGUAGES, t

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from wrong_answers import ACCEPTED, RIGHT, VERDICTS, WRONG  # noqa: E402

#: Keys that say only that something is wrong, not what: never a specific verdict.
VAGUE = {
    "check.wrong_value",
    "check.wrong_choice",
    "check.not_finite",
    "check.error",
    "error.value",
    "error.type",
}
#: The exceptions' explanations that come from the type alone (no known form of the text).
TYPE_ONLY = {"error.value", "error.type", "error.index", "error.other", "error.key"}

#: Exercises whose checks are written but whose lesson cells are not in the notebook yet, so
#: that the registry does not list them: checked directly until it does. None now.
PENDING: dict = {}

CORPUS = [(name, wrong) for name, wrongs in WRONG.items() for wrong in wrongs]


def _evaluate(name, fn):
    return core.evaluate(PENDING[name], fn) if name in PENDING else check.evaluate(name, fn)


def _naming_key(result) -> str:
    """The key that names the mistake in a failed verdict: hint, else body, else explanation."""
    failure = result.first_failure()
    if failure.hint:
        return failure.hint
    if failure.status == "error":
        return explain_error(failure.detail["error"], failure.detail["text"])
    return failure.body or f"check.{failure.status}"


def test_does_every_exercise_have_at_least_eight_wrong_answers_and_a_verdict_for_each():
    assert set(WRONG) == set(check.EXERCISES) | set(PENDING) == set(VERDICTS) == set(RIGHT)
    for name, wrongs in WRONG.items():
        assert len(wrongs) >= 8, name
        ids = [w.id for w in wrongs]
        assert len(set(ids)) == len(ids), name
        assert set(ids) == set(VERDICTS[name]), name


@pytest.mark.parametrize(("name", "wrong"), CORPUS, ids=[f"{n}-{w.id}" for n, w in CORPUS])
def test_does_a_wrong_answer_fail_with_the_verdict_that_names_its_mistake(name, wrong):
    result = _evaluate(name, wrong.fn)
    assert not result.passed
    expected = VERDICTS[name][wrong.id]
    assert expected not in VAGUE and expected not in TYPE_ONLY
    assert _naming_key(result) == expected, result.message("en")
    for lang in LANGUAGES:
        assert t(expected, lang, **result.first_failure().detail) in result.message(lang)


def test_does_at_least_ninety_percent_of_the_corpus_get_a_specific_hint():
    # The issue asked for 80%; every wrong answer of this corpus is named (the test above),
    # and at least 90% by a hint of its own rather than by a shape or count.
    hinted = sum(_evaluate(n, w.fn).first_failure().hint is not None for n, w in CORPUS)
    assert hinted / len(CORPUS) >= 0.9, f"{hinted} of {len(CORPUS)}"


@pytest.mark.parametrize("name", list(RIGHT))
def test_do_right_answers_written_other_ways_pass(name):
    for fn in RIGHT[name]:
        result = _evaluate(name, fn)
        assert result.passed, result.message("en")


@pytest.mark.parametrize(
    ("name", "wrong", "reason"),
    [(n, w, r) for n, pairs in ACCEPTED.items() for w, r in pairs],
    ids=lambda v: getattr(v, "id", None),
)
def test_are_the_answers_the_check_accepts_on_purpose_still_accepted(name, wrong, reason):
    assert check.evaluate(name, wrong.fn).passed, reason
