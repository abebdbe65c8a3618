"""Do the checks stop a function that never returns, and stand up to a learner's global settings?"""

import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from gencourse import check
from gencourse.check import core, guard
from gencourse.i18n import t

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from wrong_answers import RIGHT  # noqa: E402

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def forever(*args, **kwargs):
    while True:
        pass


def forever_swallowing(*args, **kwargs):
    # A learner's "except Exception" around the loop: it must be stopped all the same.
    while True:
        try:
            while True:
                pass
        except Exception:
            pass


def first_case_only_then_forever():
    calls = {"n": 0}

    def fn(z_mean, z_log_var, eps):
        calls["n"] += 1
        if calls["n"] > 1:
            forever()
        return z_mean + np.exp(0.5 * z_log_var) * eps

    return fn


@pytest.mark.parametrize("fn", [forever, forever_swallowing], ids=["loop", "swallowing_loop"])
def test_is_a_function_that_never_returns_stopped_and_named_with_its_limit(fn):
    start = time.monotonic()
    result = core.evaluate(check.EXERCISES["reparameterize"], fn, seconds=0.3)
    assert time.monotonic() - start < 3
    assert result.status == "timeout" and result.points == 0
    # The cases after the one that ran out of time are not run (each would cost the limit again).
    assert [o.status for o in result.outcomes[1:]] == ["not_run"] * (len(result.outcomes) - 1)
    for lang, limit in (("en", "time limit of 0.3 s"), ("ko", "제한 시간 0.3초")):
        message = result.message(lang)
        assert limit in message
        assert t(result.outcomes[0].label, lang) in message  # the case is named


def test_does_the_case_that_hangs_get_named_not_the_first():
    result = core.evaluate(
        check.EXERCISES["reparameterize"], first_case_only_then_forever(), seconds=0.3
    )
    assert [o.status for o in result.outcomes[:3]] == ["pass", "timeout", "not_run"]
    assert result.cases_passed == 1


def test_is_no_alarm_left_armed_and_the_old_handler_put_back():
    def mine(signum, frame):
        raise AssertionError("the check's alarm reached the caller's handler")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        core.evaluate(check.EXERCISES["reparameterize"], forever, seconds=0.2)
        core.evaluate(check.EXERCISES["reparameterize"], RIGHT["reparameterize"][0], seconds=5)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_does_a_timer_armed_before_the_check_keep_its_time_and_fire():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)  # e.g. pytest-timeout's own alarm
        result = core.evaluate(check.EXERCISES["reparameterize"], RIGHT["reparameterize"][0])
        assert result.passed
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 0.6
        time.sleep(left + 0.3)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_does_an_earlier_timer_that_comes_due_during_a_case_still_fire():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        result = core.evaluate(check.EXERCISES["reparameterize"], forever, seconds=0.5)
        assert fired == [signal.SIGALRM]
        assert result.status == "timeout"
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_does_the_stop_button_still_stop_a_check_under_a_time_limit():
    def interrupted(*args):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        core.evaluate(check.EXERCISES["reparameterize"], interrupted, seconds=5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_is_a_hang_stopped_outside_the_main_thread_too():
    # No SIGALRM there (nor on Windows): the watchdog thread raises the timeout instead.
    results = {}

    def run():
        results["hang"] = core.evaluate(check.EXERCISES["kl_divergence"], forever, seconds=0.3)
        results["right"] = core.evaluate(
            check.EXERCISES["kl_divergence"], RIGHT["kl_divergence"][0], seconds=0.3
        )
        time.sleep(1.0)  # a cancelled watchdog must not raise here afterwards
        results["after"] = "reached"

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert results["hang"].status == "timeout"
    assert results["right"].passed
    assert results["after"] == "reached"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", guard.DEFAULT_SECONDS), ("2.5", 2.5), ("0", None), ("off", None), ("OFF", None)],
)
def test_does_the_environment_set_or_turn_off_the_limit(monkeypatch, value, seconds):
    monkeypatch.setenv("GENCOURSE_CHECK_SECONDS", value)
    assert guard.case_seconds() == seconds


def test_is_a_malformed_limit_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv("GENCOURSE_CHECK_SECONDS", "ten")
    with pytest.raises(ValueError, match="0/off.*Received: 'ten'"):
        guard.case_seconds()


def test_does_the_notebook_check_read_the_limit_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("GENCOURSE_CHECK_SECONDS", "0.2")
    monkeypatch.delenv("GENCOURSE_STRICT_CHECKS", raising=False)
    check.kl_divergence(forever)
    out = capsys.readouterr().out
    assert "0.2 s" in out or "0.2초" in out


# --- a learner's global settings ------------------------------------------------------------


def _numpy_raise():
    old = np.seterr(all="raise")
    return lambda: np.seterr(**old)


def _numpy_print():
    old = np.get_printoptions()
    np.set_printoptions(precision=1, threshold=2, legacy="1.13", suppress=True)
    return lambda: np.set_printoptions(**old)


def _keras(setter, getter, value):
    def change():
        import keras

        old = getattr(keras.config, getter)()
        getattr(keras.config, setter)(value)
        return lambda: getattr(keras.config, setter)(old)

    return change


def _eager():
    import tensorflow as tf

    old = tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(True)
    return lambda: tf.config.run_functions_eagerly(old)


def _tf32():
    import tensorflow as tf

    old = tf.config.experimental.tensor_float_32_execution_enabled()
    tf.config.experimental.enable_tensor_float_32_execution(True)
    return lambda: tf.config.experimental.enable_tensor_float_32_execution(old)


def _seeds():
    import keras

    keras.utils.set_random_seed(1234)
    np.random.seed(99)
    return lambda: None


SETTINGS = {
    "np.seterr(all='raise')": _numpy_raise,
    "np.set_printoptions": _numpy_print,
    "keras floatx float16": _keras("set_floatx", "floatx", "float16"),
    "keras floatx float64": _keras("set_floatx", "floatx", "float64"),
    "keras epsilon 0.1": _keras("set_epsilon", "epsilon", 0.1),
    "keras mixed_float16 policy": _keras("set_dtype_policy", "dtype_policy", "mixed_float16"),
    "tf run_functions_eagerly": _eager,
    "tf32 on": _tf32,
    "keras set_random_seed": _seeds,
}


@pytest.mark.parametrize("setting", list(SETTINGS))
@pytest.mark.parametrize("name", list(check.EXERCISES))
def test_does_every_check_stand_up_to_a_learners_global_setting(name, setting):
    undo = SETTINGS[setting]()
    try:
        before = (np.geterr(), np.get_printoptions())
        right = check.evaluate(name, RIGHT[name][0])
        stub = check.evaluate(name, lambda *a, **k: (_ for _ in ()).throw(NotImplementedError))
        wrong = check.evaluate(name, lambda *a, **k: 12345.0)
        # The learner's settings are theirs again afterwards.
        assert (np.geterr(), np.get_printoptions()) == before
    finally:
        undo()
    assert right.passed, right.message("en")
    assert stub.status == "not_implemented"
    assert not wrong.passed and wrong.message("en")


def test_are_keras_settings_put_back_after_a_check():
    import keras

    keras.config.set_floatx("float16")
    keras.config.set_dtype_policy("mixed_float16")
    try:
        check.evaluate("discriminator_loss", RIGHT["discriminator_loss"][0])
        assert keras.config.floatx() == "float16"
        assert keras.config.dtype_policy().name == "mixed_float16"
    finally:
        keras.config.set_floatx("float32")
        keras.config.set_dtype_policy("float32")


def test_does_a_profiler_still_run_after_a_limit_stopped_a_hang_in_a_thread():
    # Clearing a posted timeout with PyThreadState_SetAsyncExc(thread, NULL) once left
    # CPython 3.11's "asynchronous exception pending" flag set for good, and the next
    # sys.setprofile hook never got past its first call (the grader's child uses one).
    code = (
        "import sys, threading\n"
        "from gencourse.check import guard\n"
        "def hang():\n"
        "    while True:\n"
        "        pass\n"
        "def run():\n"
        "    try:\n"
        "        with guard.case_time_limit(0.2):\n"
        "            hang()\n"
        "    except guard.CaseTimeout:\n"
        "        pass\n"
        "    with guard.case_time_limit(5.0):\n"
        "        sum(range(10))\n"
        "t = threading.Thread(target=run)\n"
        "t.start()\n"
        "t.join()\n"
        "def double(x):\n"
        "    return 2 * x\n"
        "sys.setprofile(lambda frame, event, arg: None)\n"
        "print(double(3))\n"
        "sys.setprofile(None)\n"
        "print('profiled')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0 and done.stdout.split() == ["6", "profiled"], done.stderr[-2000:]
