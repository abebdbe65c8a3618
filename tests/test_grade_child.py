"""Does the grading child record answers faithfully, note library calls and stay within its caps?

gencourse.grade.child, in this process on functions and a made-up library
module written here, and in small Python processes (no TensorFlow) for the
limits it sets on itself and for what importing it loads. Its whole run,
from job file to messages, is tested through the sandbox (test_grade_sandbox).
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from gencourse.grade import child, plain

ROOT = Path(__file__).resolve().parent.parent
CASES = [("case.none", (np.array([1.0, 2.0]),), {}), ("case.none", (np.array([3.0]),), {})]
CASES3 = [*CASES, ("case.none", (np.array([4.0]),), {})]


def _record(fn, cases=CASES, watch=None):
    watch = watch or child._LibraryWatch()
    try:
        return child._record_exercise(fn, cases, watch)
    finally:
        sys.setprofile(None)


def test_are_values_sent_as_arrays_beside_plain_records():
    records, arrays, tampered = _record(lambda x: 2 * x)
    assert [r["tree"] for r in records] == [{"a": "c0_1"}, {"a": "c1_1"}]
    assert {r["status"] for r in records} == {"value"} and records[0]["type"] == "ndarray"
    np.testing.assert_array_equal(arrays["c0_1"], [2.0, 4.0])
    np.testing.assert_array_equal(arrays["c1_1"], [6.0])
    assert not tampered


def test_is_a_tuple_answer_sent_as_a_plain_tree_in_its_own_dtypes():
    records, arrays, _ = _record(lambda x: (x, [1, 2], b"no"), CASES[:1])
    assert records[0]["tree"] == {
        "t": [{"a": "c0_1"}, {"l": [{"a": "c0_2"}, {"a": "c0_3"}]}, {"x": "bytes"}]
    }
    assert arrays["c0_2"].dtype.kind == "i" and records[0]["type"] == "tuple"


def test_are_short_texts_and_none_sent_as_themselves_and_long_texts_as_opaque():
    # A choice exercise answers with words ("gain", or two arm names).
    records, arrays, _ = _record(lambda x: ("gain", None, "n" * 65), CASES[:1])
    tree = records[0]["tree"]
    assert tree == {"t": [{"s": "gain"}, {"n": None}, {"x": "str"}]} and arrays == {}
    back = plain.from_tree(tree, arrays, 100)
    assert back[:2] == ("gain", None) and isinstance(back[2], plain.Opaque)


@pytest.mark.parametrize("node", [{"s": "n" * 65}, {"s": 3}, {"s": ["a"]}, {"n": "x"}])
def test_is_a_forged_text_or_none_leaf_refused(node):
    with pytest.raises(plain.TreeError):
        plain.from_tree({"t": [node]}, {}, 100)


def test_does_an_unfinished_function_stop_at_its_first_case():
    def stub(x):
        raise NotImplementedError

    records, arrays, _ = _record(stub, CASES3)
    assert [r["status"] for r in records] == ["not_implemented"] and arrays == {}


def test_does_a_memory_error_count_for_every_case_left_without_running_them():
    calls = []

    def bomb(x):
        calls.append(x)
        raise MemoryError

    records, _, _ = _record(bomb, CASES3)
    assert len(calls) == 1
    assert [r["detail"]["error"] for r in records] == ["MemoryError"] * 3


@pytest.mark.parametrize("exc", [SystemExit(0), KeyboardInterrupt(), ValueError("bad\nmore")])
def test_is_anything_a_function_raises_an_ordinary_error_with_its_first_line(exc):
    def raiser(x):
        raise exc

    records, _, _ = _record(raiser, CASES[:1])
    assert records[0]["status"] == "error"
    assert records[0]["detail"]["error"] == type(exc).__name__
    assert "\n" not in records[0]["detail"]["text"]


def test_is_switching_the_profiler_off_noted_as_tampering():
    def sneaky(x):
        sys.setprofile(None)
        return x

    _, _, tampered = _record(sneaky)
    assert tampered
    assert sys.getprofile() is None  # and the child leaves no profiler behind


def _module(tmp_path, name, source):
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, str(path)


@pytest.fixture
def fake_library(tmp_path):
    """A watch over a made-up library module ``fakelib`` (its ``core`` module exempt)."""
    lib, lib_path = _module(tmp_path, "fakelib", "def ref(x):\n    return 2 * x\n")
    core, core_path = _module(tmp_path, "fakecore", "def helper(x):\n    return x\n")
    watch = child._LibraryWatch()
    watch.prefixes, watch.exempt = (lib_path, core_path), core_path
    return watch, lib, core


def test_is_a_call_into_the_library_noted_by_its_name(fake_library):
    watch, lib, core = fake_library
    records, arrays, _ = _record(lambda x: lib.ref(core.helper(x)), watch=watch)
    assert watch.calls == ["fakelib.ref"]  # once, however many cases called it
    np.testing.assert_array_equal(arrays["c0_1"], [2.0, 4.0])


def test_is_a_library_call_inside_another_exercise_not_held_against_this_one(fake_library):
    watch, lib, _ = fake_library

    def other_exercise(x):
        return lib.ref(x)

    watch.others = {other_exercise.__code__}
    _record(lambda x: other_exercise(x) + 1, watch=watch)
    assert watch.calls == []


def test_is_a_call_of_a_stand_in_noted_by_the_name_it_stands_for():
    from gencourse.grade.stub import Placeholder

    watch = child._LibraryWatch()
    records, _, _ = _record(Placeholder("gencourse.models.vae").kl_divergence, watch=watch)
    assert watch.calls == ["gencourse.models.vae.kl_divergence"]
    assert records[0]["detail"]["error"] == "LibraryUnavailable"


def test_does_the_watch_cover_the_courses_implementations_but_not_the_check_harness():
    import gencourse

    pkg = Path(gencourse.__file__).parent
    watch = child._LibraryWatch()
    for place in ("models/vae.py", "check/vae.py", "metrics.py", "augment/sets.py", "augment.py"):
        assert str(pkg / place).startswith(watch.prefixes), place
    assert not str(pkg / "grade" / "wire.py").startswith(watch.prefixes)
    assert watch.exempt == str(pkg / "check" / "core.py")


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{code}"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_does_the_child_cap_the_size_of_files_and_its_memory(tmp_path):
    proc = _python(
        "from gencourse.grade.child import _limit\n"
        "_limit(256 << 20, 1000)\n"
        "try:\n"
        f"    with open({str(tmp_path / 'big')!r}, 'wb') as f:\n"
        "        f.write(b'x' * 5000)\n"
        "except OSError as exc:\n"
        "    print('file', exc.errno)\n"
        "try:\n"
        "    hog = bytearray(1 << 30)\n"
        "except MemoryError:\n"
        "    print('memory')\n"
    )
    assert proc.stdout.split("\n")[:2] == ["file 27", "memory"], proc.stderr  # 27: EFBIG
    assert (tmp_path / "big").stat().st_size <= 1000


def test_does_importing_the_child_load_only_the_package_init_and_base_modules():
    proc = _python(
        "import gencourse.grade.child\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('gencourse', 'tensorflow', 'keras', 'numpy', 'IPython')))"
    )
    loaded = set(ast.literal_eval(proc.stdout.strip()))
    allowed = {"gencourse", "gencourse.config", "gencourse.quiet", "gencourse.grade"}
    allowed.add("gencourse.grade.child")
    allowed |= {m for m in loaded if m == "gencourse.i18n" or m.startswith("gencourse.i18n.")}
    assert loaded <= allowed, loaded - allowed


def test_does_the_child_use_nothing_of_the_notebook_front_door_but_its_location():
    tree = ast.parse((ROOT / "gencourse" / "grade" / "child.py").read_text(encoding="utf-8"))
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "gencourse"
    }
    assert used == {"__file__"}
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "gencourse"
        for alias in node.names
    }
    assert imported == set()
