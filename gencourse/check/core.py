"""The exercise-check harness shared by notebooks, pytest and the grader.

A check runs a learner's function on several cases (edge cases included),
turns whatever came back into a plain float64 NumPy array, and compares it
with the library's reference. When the values are wrong it looks for the kind
of mistake (a known wrong formula that matches, a flipped sign, a constant
factor, a wrong shape) and names it, without ever showing the expected
numbers. Where no known mistake explains the answer, the first failing case
may name what it tests (noise far in the tails, rows of very different
ranges), and shapes are told in the learner's terms (images, labels), never as
the harness' packed arrays.

Right answers are not failed for their precision: an exercise lists the other
answers that are just as right (the reference computed in float64, say) in
``also_right``, and each case's tolerance admits float32 arithmetic.

Whatever the learner's function raises, ``SystemExit`` included, becomes a
verdict, told in the verdict's language with the exception's own text as a
detail (:mod:`~gencourse.check.errors`); only ``KeyboardInterrupt`` (the
notebook's stop button) stops the check. A case that runs past its time limit
is stopped and named, and the cases after it are not run
(:mod:`~gencourse.check.guard`). The reference, the known mistakes and the
comparisons run under the settings of a fresh session, whatever NumPy, Keras
or TensorFlow settings an earlier cell changed.

Nothing the learner returns is trusted: an object is only ever converted with
``np.asarray(..., dtype=float64)``, so an object whose ``==`` always says True
earns nothing, and the comparison uses the harness' own NumPy calls.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from gencourse.check.errors import error_hint_key, explain_error
from gencourse.check.guard import CaseTimeout, case_seconds, case_time_limit, neutral_settings
from gencourse.config import strict_checks
from gencourse.i18n import get_language, own_text, t


def text_key(text: str | dict) -> str:
    """The message key of a case's label or a hint: a catalogue key, or an author's own texts.

    The course's own checks name catalogue keys (``"hint.kl.sign"``). An
    instructor's checks file, which cannot add to the catalogue, gives the
    texts themselves, ``{"ko": ..., "en": ...}`` (see :func:`gencourse.i18n.own_text`).

    Raises:
        ValueError: if ``text`` is neither a key nor a text in every language.
    """
    return text if isinstance(text, str) else own_text(text)


@dataclass
class Case:
    """One input to an exercise.

    ``label`` says what the case is (a message key, or ``{"ko": ..., "en": ...}``;
    see :func:`text_key`). A ``hidden`` case never reaches a learner's notebook:
    an instructor's assignment checks it only when grading (see
    :mod:`gencourse.assign`).
    """

    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    # Looser tolerances for one case, e.g. where float32 and float64 clipping differ.
    rtol: float | None = None
    atol: float | None = None
    # What this case tests (a message key or texts), named when it is the first
    # case to fail and no known mistake explains the answer.
    hint: str | None = None
    hidden: bool = False

    def __post_init__(self):
        self.label = text_key(self.label)
        if self.hint is not None:
            self.hint = text_key(self.hint)


@dataclass
class Mistake:
    """A plausible wrong answer: ``fn`` computes it from the same inputs; ``hint`` names it.

    ``hint`` is a message key or ``{"ko": ..., "en": ...}`` (see :func:`text_key`).
    """

    hint: str
    fn: Callable

    def __post_init__(self):
        self.hint = text_key(self.hint)


@dataclass
class Exercise:
    """An exercise: its reference, its cases and the mistakes it can recognise.

    ``signature`` is the call as the lesson's stub defines it, e.g.
    ``"kl_divergence(z_mean, z_log_var)"``; the notebook wrapper's docstring
    is built from it.

    Raises:
        ValueError: if ``signature`` is not a call of ``name``.
    """

    name: str
    signature: str
    reference: Callable
    make_cases: Callable[[], list[Case]]
    mistakes: list[Mistake] = field(default_factory=list)
    rtol: float = 1e-4
    atol: float = 1e-4
    points: float = 1.0
    # For answers that are not one array (a tuple, say): turns a returned value
    # into one plain array, or raises WrongForm naming what is wrong.
    pack: Callable | None = None
    # Other answers that are just as right as the reference, e.g. the same
    # formula computed in float64 where the reference clips in float32.
    also_right: tuple[Callable, ...] = ()
    # For packed answers: (expected, got) packed arrays of different shapes ->
    # (message key, values) that say the difference in the learner's terms.
    describe_shape: Callable | None = None
    # (case, got, expected) -> a hint key or None: what is wrong with a value of the
    # right shape that no listed mistake explains (a broken pairing, say).
    explain: Callable | None = None
    # (regular expression, hint key) pairs: an exception whose text matches is named
    # (e.g. a reshape to 784 values on images of another size).
    error_hints: tuple[tuple[str, str], ...] = ()
    # The message key of the verdict on NaN or infinity.
    not_finite: str = "check.not_finite"
    # The message key of the verdict on a wrong value of the right shape
    # ("check.wrong_choice" where the answer is a choice, not an array).
    wrong_value: str = "check.wrong_value"

    def __post_init__(self):
        if not (self.signature.startswith(f"{self.name}(") and self.signature.endswith(")")):
            raise ValueError(
                f"An exercise's signature must be a call of {self.name!r}, "
                f"e.g. '{self.name}(x)'. Received: signature={self.signature!r}"
            )


class WrongForm(ValueError):
    """Raised by an exercise's ``pack`` when an answer has the wrong structure.

    ``args[0]`` is the message key that says what is expected; ``args[1]``, where
    given, a dict of the values that message is formatted with (the choices an
    answer must come from, say): ``WrongForm("hint.pair.unknown", {"arms": "a, b"})``.
    """


@dataclass
class CaseOutcome:
    label: str
    # pass, not_implemented, error, timeout, not_run, wrong_type, wrong_form, wrong_shape,
    # not_finite, wrong_value
    status: str
    hint: str | None = None
    detail: dict = field(default_factory=dict)
    # The message key that says what is wrong, where not ``check.<status>``.
    body: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "pass"


@dataclass
class CheckResult:
    """The outcome of a check: per-case results, points and a verdict text."""

    exercise: str
    outcomes: list[CaseOutcome]
    points_possible: float = 1.0

    @property
    def passed(self) -> bool:
        return bool(self.outcomes) and all(o.passed for o in self.outcomes)

    @property
    def cases_passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def points(self) -> float:
        """Full points when every case passes; otherwise the share of cases passed, halved.

        Partial credit stays below full credit so that a function right on the
        easy cases and wrong on an edge case is not mistaken for a correct one.
        """
        if self.passed:
            return self.points_possible
        if not self.outcomes:
            return 0.0
        return round(0.5 * self.points_possible * self.cases_passed / len(self.outcomes), 4)

    @property
    def status(self) -> str:
        for outcome in self.outcomes:
            if not outcome.passed:
                return outcome.status
        return "pass" if self.outcomes else "not_callable"

    def first_failure(self) -> CaseOutcome | None:
        return next((o for o in self.outcomes if not o.passed), None)

    def message(self, lang: str | None = None) -> str:
        """The verdict in ``lang`` (default: the current language)."""
        lang = lang or get_language()
        name = self.exercise
        if self.passed:
            return t("check.pass", lang, name=name, n=len(self.outcomes))
        failure = self.first_failure()
        if failure is None:
            return t("check.not_callable", lang, name=name)
        if failure.status == "not_implemented":
            return t("check.not_implemented", lang, name=name)
        if failure.status == "not_callable":
            return t("check.not_callable", lang, name=name, **failure.detail)
        head = t(
            "check.fail",
            lang,
            name=name,
            passed=self.cases_passed,
            n=len(self.outcomes),
            case=t(failure.label, lang),
        )
        if failure.status == "error":
            body = _error_body(failure.detail, lang)
        else:
            body = t(failure.body or f"check.{failure.status}", lang, **failure.detail)
        hint = "\n   " + t(failure.hint, lang, **failure.detail) if failure.hint else ""
        return f"{head}\n   {body}{hint}"


def _error_body(detail: dict, lang: str) -> str:
    """An exception, said in ``lang``, with its own (English) text kept as a detail."""
    error, text = str(detail.get("error", "")), str(detail.get("text", ""))
    what = t(explain_error(error, text), lang)
    if not text:
        return t("check.error_no_text", lang, error=error, what=what)
    return t("check.error", lang, error=error, text=text, what=what)


class CheckFailed(AssertionError):
    """Raised by a check in strict mode (``GENCOURSE_STRICT_CHECKS=1``) when it fails."""


class NotNumbers(TypeError):
    """A returned value that is no array of real numbers; ``kind`` says what it holds instead.

    ``kind`` is ``"none"``, ``"complex"``, ``"text"``, ``"object"`` or ``""`` (another type).
    """

    def __init__(self, type_name: str, kind: str = ""):
        super().__init__(type_name)
        self.type_name, self.kind = type_name, kind


def to_plain_array(value) -> np.ndarray:
    """Converts a returned value to a float64 array, or raises :class:`NotNumbers` (a TypeError).

    Accepts NumPy arrays and scalars, Python numbers, nested lists of numbers
    and tensors that implement ``__array__`` (TensorFlow, Keras).
    """
    raw = _raw(value)
    if raw.dtype.kind not in "biuf":  # complex, object, strings: not a real-valued answer
        raise NotNumbers(type(value).__name__, _kind_of(raw))
    return np.array(raw, dtype=np.float64, copy=True)


def _kind_of(raw: np.ndarray) -> str:
    """What an array that is not of real numbers holds: complex numbers, text or objects."""
    if raw.dtype.kind == "c":
        return "complex"
    if raw.dtype.kind in "US":
        return "text"
    if raw.dtype.kind == "O":
        items = raw.ravel()[:50]
        if items.size and all(isinstance(item, str | bytes) for item in items):
            return "text"  # a string tensor's .numpy() holds bytes
        return "object"
    return ""


def _raw(value) -> np.ndarray:
    """A returned value as a NumPy array of its own dtype (tensors through ``.numpy()``)."""
    if value is None:
        raise NotNumbers("NoneType", "none")
    if isinstance(value, str | bytes):
        raise NotNumbers(type(value).__name__, "text")
    if isinstance(value, dict | set):
        raise NotNumbers(type(value).__name__)
    if hasattr(value, "numpy") and callable(value.numpy):
        value = value.numpy()
    return np.asarray(value)


def part_array(value, hint: str) -> np.ndarray:
    """One item of a returned tuple as a float64 array, for an exercise's ``pack``.

    Raises:
        WrongForm: with ``hint`` when the item is not an array of numbers, so
            that a tuple, which is what the exercise asks for, is not called
            the wrong type.
    """
    try:
        return to_plain_array(value)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a ragged list (ValueError), None, an __array__ that exits
        raise WrongForm(hint) from exc


def integer_array(value, hint: str) -> np.ndarray:
    """Labels as a float64 array, for an exercise whose text promises integers.

    An empty answer passes whatever its dtype: ``np.asarray([])`` is float64.

    Raises:
        WrongForm: with ``hint`` when the labels are not of an integer dtype.
        TypeError: when ``value`` is not an array of numbers at all.
    """
    raw = _raw(value)
    if raw.size and raw.dtype.kind not in "iu":
        if raw.dtype.kind in "bf":
            raise WrongForm(hint)
        raise NotNumbers(type(value).__name__, _kind_of(raw))
    return np.array(raw, dtype=np.float64, copy=True)


def packed_rows_shape(count_key: str, size_key: str | None = None, extra_columns: int = 1):
    """A ``describe_shape`` for answers packed one row per item (image, label).

    ``count_key`` says "{expected} images expected, {got} received";
    ``size_key``, where the rows are images, that each image has
    ``{expected}`` values but ``{got}``. The packed row holds ``extra_columns``
    more (the label), which the learner never sees.
    """

    def describe(expected: np.ndarray, got: np.ndarray):
        if got.ndim < 1 or expected.ndim < 1 or got.shape[0] != expected.shape[0]:
            return count_key, {"expected": len(expected), "got": len(got) if got.ndim else 1}
        if size_key is not None and got.ndim == expected.ndim == 2:
            values = {"expected": expected.shape[1] - extra_columns}
            return size_key, {**values, "got": got.shape[1] - extra_columns}
        return None

    # What made it, so that it can be made again elsewhere (an assignment's public checks).
    describe.made_by = ("packed_rows_shape", (count_key, size_key, extra_columns))
    return describe


def _plain(ex: Exercise, value) -> np.ndarray:
    """One plain float64 array from an answer, through the exercise's ``pack`` if it has one."""
    return ex.pack(value) if ex.pack is not None else to_plain_array(value)


def _for_case(ex: Exercise, case: Case) -> Exercise:
    """The exercise with the case's own tolerances, where it has them."""
    if case.rtol is None and case.atol is None:
        return ex
    return dataclasses.replace(
        ex,
        rtol=ex.rtol if case.rtol is None else case.rtol,
        atol=ex.atol if case.atol is None else case.atol,
    )


def _close(a: np.ndarray, b: np.ndarray, ex: Exercise) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=ex.rtol, atol=ex.atol))


def _mistake_output(ex: Exercise, mistake: Mistake, case: Case) -> np.ndarray | None:
    try:
        with np.errstate(all="ignore"):
            return _plain(ex, mistake.fn(*copy.deepcopy(case.args), **case.kwargs))
    except Exception:
        return None


def _generic_hint(ex: Exercise, runs) -> str | None:
    """A flipped sign or a constant factor, for mistakes no list foresaw.

    Named only when one and the same factor explains every case that has a
    value: a ratio that differs from case to case is no constant factor.
    """
    valued = [(case, got, exp) for case, got, exp in runs if got is not None and exp is not None]
    if not valued or any(got.shape != exp.shape for _, got, exp in valued):
        return None
    if not any(np.all(np.isfinite(got)) for _, got, _ in valued):
        return None
    ratios = []
    for _, got, expected in valued:
        mask = np.abs(expected) > 1e-3
        ratios.append(got[mask] / expected[mask])
    ratios = np.concatenate([r.ravel() for r in ratios])
    if ratios.size < 2 or not np.all(np.isfinite(ratios)):
        return None  # one number always has "a constant ratio"; that would say nothing
    factor = float(np.median(ratios))
    if abs(factor) <= 1e-3 or np.isclose(factor, 1) or not np.allclose(ratios, factor, rtol=1e-3):
        return None
    # The same factor must hold where the expected values are (near) zero too.
    for case, got, expected in valued:
        if not _close(got, factor * expected, _for_case(ex, case)):
            return None
    return "hint.sign" if np.isclose(factor, -1) else "hint.factor"


def _diagnose(ex: Exercise, runs: list[tuple[Case, np.ndarray | None, np.ndarray]]) -> str | None:
    """Names the kind of mistake from all cases at once, or returns None.

    A known wrong formula is named when it reproduces the learner's output on
    the cases it distinguishes; the one that explains the most cases wins, so
    an edge case where two formulas agree cannot mislead the verdict.
    """
    best, best_score = None, 0
    for mistake in ex.mistakes:
        score = 0
        for case, got, expected in runs:
            if got is None or not np.all(np.isfinite(got)):
                continue  # NaN tells nothing about the formula; a missing clip shows elsewhere
            wrong = _mistake_output(ex, mistake, case)
            tol = _for_case(ex, case)
            if wrong is None or _close(wrong, expected, tol):
                continue  # this case cannot tell the mistake from the right answer
            if not _close(got, wrong, tol):
                score = 0
                break
            score += 1
        if score > best_score:
            best, best_score = mistake.hint, score
    if best is not None:
        return best
    return _generic_hint(ex, runs)


def _diagnose_not_finite(ex: Exercise, case: Case, got: np.ndarray) -> str | None:
    """Names a known mistake that breaks down (NaN, infinity) exactly where the learner's does."""
    bad = ~np.isfinite(got)
    for mistake in ex.mistakes:
        wrong = _mistake_output(ex, mistake, case)
        if wrong is not None and wrong.shape == got.shape:
            if np.array_equal(~np.isfinite(wrong), bad):
                return mistake.hint
    return None


@dataclass
class Recorded:
    """What a learner's function gave on one case: a plain array, or why there is none.

    ``status`` is ``"value"`` (``value`` holds the float64 array),
    ``"not_implemented"``, ``"error"``, ``"timeout"`` (stopped at the case's time
    limit), ``"not_run"`` (after a timeout), ``"wrong_type"`` or ``"wrong_form"``
    (``detail`` says more; for ``"wrong_form"`` its ``"hint"`` is a message key, and its
    ``"values"``, where present, what that message is formatted with).
    The grader records these in the learner's process and judges them in its own.
    """

    status: str
    value: np.ndarray | None = None
    detail: dict = field(default_factory=dict)


def record(
    fn: Callable, case: Case, pack: Callable | None = None, seconds: float | None = None
) -> Recorded:
    """Runs ``fn`` on one case and turns what it returned into a :class:`Recorded`.

    ``pack`` is the exercise's own (see :attr:`Exercise.pack`), for answers that
    are not one array. ``seconds`` limits the call (None: no limit); a call
    stopped there becomes a ``"timeout"`` record (see :mod:`~gencourse.check.guard`).

    ``SystemExit`` and any other exception the function raises (``BaseException``
    subclasses too) become an ``"error"`` record; only ``KeyboardInterrupt``
    goes through, so that the notebook's stop button stops the check.
    """
    try:
        with case_time_limit(seconds):
            # The verdict reports NaN and log(0); NumPy's own warnings would only add noise.
            with np.errstate(all="ignore"):
                returned = fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
    except CaseTimeout:
        return Recorded("timeout", detail={"seconds": _seconds_text(seconds)})
    except NotImplementedError:
        return Recorded("not_implemented")
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the learner's bug (sys.exit too), reported without a traceback
        return Recorded("error", detail={"error": type(exc).__name__, "text": _first_line(exc)})
    return recorded_value(returned, pack)


def _seconds_text(seconds: float | None) -> str:
    return f"{seconds:g}" if seconds is not None else "?"


def recorded_value(
    returned, pack: Callable | None = None, type_name: str | None = None
) -> Recorded:
    """A returned value as a :class:`Recorded`: one plain array, or why it is none.

    The second half of :func:`record`, on its own so that the grader can apply
    an exercise's ``pack`` in its own process to the plain data a sandbox sent
    back; ``type_name`` then names the type the learner's function returned.
    """
    try:
        return Recorded("value", to_plain_array(returned) if pack is None else pack(returned))
    except WrongForm as exc:
        detail = {"hint": exc.args[0]}
        if len(exc.args) > 1:
            detail["values"] = {str(k): str(v) for k, v in dict(exc.args[1]).items()}
        return Recorded("wrong_form", detail=detail)
    except NotNumbers as exc:
        detail = {"type": type_name or exc.type_name, "kind": exc.kind}
        return Recorded("wrong_type", detail=detail)
    except KeyboardInterrupt:
        raise
    except BaseException:  # an object whose __array__ raises, even SystemExit; a ragged list
        return Recorded("wrong_type", detail={"type": type_name or _type_name(returned)})


def drawn_cases(ex: Exercise, seed: int | None = None) -> list[Case]:
    """The exercise's cases, their random inputs drawn from ``seed`` (None: the notebooks' own).

    Every check draws its inputs with ``np.random.default_rng(n)``; with a
    seed, each such generator is seeded from ``(seed, n)`` instead, so the
    cases keep their shapes, ranges and edge cases but hold numbers nobody
    can know without the seed. The grader draws them from a secret seed, so
    the inputs a sandbox sees cannot have been answered in advance.
    """
    if seed is None:
        return list(ex.make_cases())
    plain = np.random.default_rng

    def salted(n=None, *args, **kwargs):
        if isinstance(n, int | np.integer):
            n = [int(seed), int(n)]
        elif n is None:
            n = [int(seed)]
        return plain(n, *args, **kwargs)

    np.random.default_rng = salted
    try:
        return list(ex.make_cases())
    finally:
        np.random.default_rng = plain


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's text, at most 200 characters ("" if it has none)."""
    try:
        text = str(exc)
    except BaseException:  # a learner's exception whose __str__ fails
        return ""
    return text.splitlines()[0][:200] if text.strip() else ""


def _type_name(value) -> str:
    return type(value).__name__


def _judge_case(ex: Exercise, case: Case, rec: Recorded):
    """Judges one recorded answer; returns the outcome, the learner's array (or None) and the reference.

    The expected answer is computed only here, after the learner's function has
    run and its result has become a plain array, so neither the function nor an
    object it returned can go looking for it.
    """
    if rec.status == "wrong_form":
        values = dict(rec.detail.get("values", {}))
        return CaseOutcome(case.label, "wrong_form", rec.detail.get("hint"), values), None, None
    if rec.status == "wrong_type":
        detail = {"type": rec.detail.get("type", "?")}
        kind = rec.detail.get("kind")
        body = f"check.wrong_type.{kind}" if kind else None
        return CaseOutcome(case.label, "wrong_type", detail=detail, body=body), None, None
    if rec.status != "value":
        return CaseOutcome(case.label, rec.status, detail=dict(rec.detail)), None, None
    got = np.array(rec.value, dtype=np.float64, copy=True)
    expected = _plain(ex, ex.reference(*copy.deepcopy(case.args), **case.kwargs))
    if got.shape != expected.shape:
        return _wrong_shape(ex, case, expected, got), got, expected
    if not np.all(np.isfinite(got)):
        return CaseOutcome(case.label, "not_finite", body=ex.not_finite), got, expected
    tol = _for_case(ex, case)
    if not _close(got, expected, tol):
        for other in ex.also_right:
            right = _plain(ex, other(*copy.deepcopy(case.args), **case.kwargs))
            if _close(got, right, tol):
                return CaseOutcome(case.label, "pass"), got, expected
        body = None if ex.wrong_value == "check.wrong_value" else ex.wrong_value
        return CaseOutcome(case.label, "wrong_value", body=body), got, expected
    return CaseOutcome(case.label, "pass"), got, expected


def _wrong_shape(ex: Exercise, case: Case, expected: np.ndarray, got: np.ndarray) -> CaseOutcome:
    """A shape mismatch, told in the learner's terms where the answer was packed."""
    if ex.describe_shape is not None:
        said = ex.describe_shape(expected, got)
        if said is not None:
            key, values = said
            return CaseOutcome(case.label, "wrong_shape", detail=dict(values), body=key)
    detail = {"expected": tuple(expected.shape), "got": tuple(got.shape)}
    return CaseOutcome(case.label, "wrong_shape", detail=detail)


def _judge(ex: Exercise, answers) -> CheckResult:
    """Judges ``(case, recorded)`` pairs; ``answers`` may run the learner's function lazily.

    The learner's function runs outside the neutral settings (it is the
    learner's code, in the learner's session); everything the harness itself
    computes runs inside them.
    """
    # A private copy: a learner's function that edits the registered exercise
    # (its tolerances, say) changes nothing here.
    ex = copy.copy(ex)
    outcomes, runs = [], []
    for case, rec in answers:
        with neutral_settings():
            outcome, got, expected = _judge_case(ex, case, rec)
        outcomes.append(outcome)
        runs.append((case, got, expected))
        if outcome.status == "not_implemented":
            break
    result = CheckResult(ex.name, outcomes, ex.points)
    failure = result.first_failure()
    if failure is not None:
        with neutral_settings():
            _name_the_mistake(ex, outcomes, runs, failure)
    return result


def _name_the_mistake(ex: Exercise, outcomes, runs, failure: CaseOutcome) -> None:
    """Sets the first failure's hint: a known mistake, what the case tests, or nothing."""
    index = outcomes.index(failure)
    case, got, expected = runs[index]
    if failure.status == "error":
        failure.hint = error_hint_key(ex.error_hints, failure.detail.get("text", ""))
        if failure.hint is None and any(o.passed for o in outcomes[:index]):
            failure.hint = case.hint  # it breaks only on what this case tests
        return
    if failure.status not in ("wrong_shape", "wrong_value", "not_finite"):
        return
    if failure.status == "not_finite":
        failure.hint = _diagnose_not_finite(ex, case, got)
    else:
        failure.hint = _diagnose(ex, runs)
    if failure.hint is None and failure.status == "wrong_value" and ex.explain is not None:
        try:
            failure.hint = ex.explain(case, got, expected)
        except Exception:  # an explanation must never cost the verdict
            failure.hint = None
    # No known mistake explains it: say what the case tests, where it says.
    failure.hint = failure.hint or case.hint


def evaluate(ex: Exercise, fn, seconds: float | None = -1.0) -> CheckResult:
    """Runs every case of ``ex`` on ``fn`` and returns the result (prints nothing).

    Args:
        ex: the exercise.
        fn: the learner's function.
        seconds: the time limit of each case (None: none; the default reads
            ``GENCOURSE_CHECK_SECONDS``, see :func:`~gencourse.check.guard.case_seconds`).
            After a case that runs out of time, the others are not run.
    """
    if not callable(fn):
        outcome = CaseOutcome("case.none", "not_callable", detail={"type": type(fn).__name__})
        return CheckResult(ex.name, [outcome], ex.points)
    if seconds is not None and seconds < 0:
        seconds = case_seconds()
    with neutral_settings():
        cases = list(ex.make_cases())
    records: list[Recorded] = []

    def answers():
        # Each case runs the learner's function just before it is judged.
        for case in cases:
            if any(r.status == "timeout" for r in records):
                records.append(Recorded("not_run"))
            else:
                records.append(record(fn, case, ex.pack, seconds))
            yield case, records[-1]

    result = _judge(ex, answers())
    failure = result.first_failure()
    if failure is not None and failure.status == "wrong_value":
        index = result.outcomes.index(failure)
        if _answers_differ(fn, cases[index], ex.pack, records[index], seconds):
            failure.hint = "hint.random_answer"
    return result


def _answers_differ(fn, case: Case, pack, first: Recorded, seconds) -> bool:
    """Whether ``fn`` gives another answer when called again on the same case (it draws its own noise)."""
    again = record(fn, case, pack, seconds)
    if again.status != "value" or first.value is None:
        return False
    a, b = first.value, again.value
    with neutral_settings():
        return a.shape != b.shape or not np.array_equal(a, b, equal_nan=True)


class RecordsMismatch(ValueError):
    """The recorded answers do not fit the cases (a broken or forged record list)."""


def evaluate_recorded(ex: Exercise, records: list[Recorded], cases=None) -> CheckResult:
    """Judges answers recorded elsewhere (the grader's sandbox) against the reference.

    Args:
        ex: the exercise.
        records: one :class:`Recorded` per case, in the order of ``cases``; the
            list may stop early at a ``"not_implemented"`` record.
        cases: the cases the answers were recorded on (default: ``ex.make_cases()``).

    Raises:
        RecordsMismatch: if there are more records than cases, or too few
            without a ``"not_implemented"`` at the end.
        Exception: whatever the exercise's own reference, ``also_right`` or
            ``pack`` raises on a case (the exercise author's error).
    """
    if cases is None:
        with neutral_settings():
            cases = ex.make_cases()
    cases = list(cases)
    stopped = bool(records) and records[-1].status == "not_implemented"
    if len(records) > len(cases) or (len(records) < len(cases) and not stopped):
        raise RecordsMismatch(
            f"{ex.name}: {len(cases)} cases but {len(records)} recorded answers. "
            f"Received: {[r.status for r in records]}"
        )
    return _judge(ex, zip(cases, records, strict=False))


def report(ex: Exercise, fn) -> CheckResult:
    """Evaluates ``fn``, prints the verdict, and in strict mode raises when it fails."""
    result = evaluate(ex, fn)
    print(result.message())
    if strict_checks() and not result.passed:
        raise CheckFailed(result.message("en"))
    return result
