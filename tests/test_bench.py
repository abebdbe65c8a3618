"""Does the speed benchmark run and print its table? (A smoke run: no timings are checked.)"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Done:
    """What a benchmark run left: its exit code and its two output streams."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _module(script: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        script.removesuffix(".py"), ROOT / "bench" / script
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_bench(script: str, *args: str) -> _Done:
    """Runs ``bench/<script>``'s ``main`` with ``args`` in this process, its output captured.

    In this process, not a new one: the benchmarks share the test process's TensorFlow
    start-up and its compiled training loops (issue 28: one start-up, not one each).
    """
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = [str(ROOT / "bench" / script), *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = _module(script).main() or 0
            except SystemExit as stop:  # argparse's refusals, or a script's own exit
                code = stop.code if isinstance(stop.code, int) else 1
                if not isinstance(stop.code, int) and stop.code is not None:
                    print(stop.code, file=sys.stderr)
    finally:
        sys.argv = argv
    return _Done(code, out.getvalue(), err.getvalue())


def _bench(script: str, *args: str) -> str:
    """Runs ``bench/<script>`` with ``args``; returns its standard output (it must succeed)."""
    done = _run_bench(script, *args)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_does_the_quick_benchmark_print_its_table():
    out = _bench("speed.py", "--quick", "--no-lessons")
    for expected in ("img/s", "time to target", "cGAN (ours)", "cGAN (Keras example)"):
        assert expected in out, out
    assert "label agreement >= 90%" in out and "throughput x" in out, out


def test_does_the_augment_grid_benchmark_time_both_ways_with_equal_accuracies():
    out = _bench("augment_grid.py", "--quick", "--rounds", "1", "--floor")
    lines = [line for line in out.splitlines() if line.startswith("round 0")]
    assert len(lines) == 2 and "fresh" in lines[0] and "reused" in lines[1], lines
    # The same batches and initial weights: the same accuracies either way.
    assert lines[0].rsplit(";", 1)[1] == lines[1].rsplit(";", 1)[1], lines
    # The floor: one line per model and the grid's total.
    for model in ("recogniser", "cgan", "diffaug", "cvae"):
        assert any(line.startswith(model) and "ms per step" in line for line in out.splitlines())
    assert "at the matrix product's rate" in out, out


def _augment_grid_module():
    return _module("augment_grid.py")


def test_does_the_floor_count_the_multiply_adds_a_hand_count_gives():
    from gencourse.augment.training import build_recogniser
    from gencourse.models.gan import build_discriminator, build_generator

    bench = _augment_grid_module()
    # Counted by hand from the architectures (output positions x kernel x input channels).
    recogniser = 28 * 28 * 16 * 9 * 1 + 14 * 14 * 32 * 9 * 16 + 7 * 7 * 32 * 64 + 64 * 10
    generator = (64 + 10) * 7 * 7 * 128 + 7 * 7 * 128 * 16 * 64 + 14 * 14 * 64 * 16 * 1
    assert bench.layer_macs(build_recogniser()) == recogniser == 1_117_056
    assert bench.layer_macs(build_generator(64, (28, 28, 1), 10)) == generator
    # A wider discriminator costs more, and a step counts every pass it makes.
    narrow = bench.layer_macs(build_discriminator((28, 28, 1), 10, width=32))
    assert bench.layer_macs(build_discriminator((28, 28, 1), 10, width=64)) > 2 * narrow
    steps = bench.step_macs(64)
    assert steps["recogniser"] == 3 * recogniser * 64
    assert steps["cgan"] == 64 * (4 * generator + 11 * narrow)


def test_does_the_gan_sampling_benchmark_print_every_way_of_sampling():
    out = _bench("gan_sampling.py", "--quick")
    rows = [line for line in out.splitlines() if "FD" in line and "rarest" in line]
    assert len(rows) == 14, out  # (3 truncations + 4 top-k) x (average, last weights)
    assert sum("top 100% of" in row for row in rows) == 2, rows


def test_does_the_diffaug_variants_benchmark_print_a_row_per_seed_and_the_mean():
    out = _bench("diffaug_variants.py", "--quick")
    assert "shift 2, cutout 0, n = 10, seed 0: real + DiffAugment cGAN" in out, out
    assert "mean ± std over 1 seed:" in out, out


def test_does_the_gan_levers_benchmark_print_each_runs_figures_and_refuse_unknown_levers():
    out = _bench("gan_levers.py", "--quick", "dhead+mbstd")
    lines = [line for line in out.splitlines() if line.startswith("dhead+mbstd, epoch 1")]
    assert len(lines) == 3 and all("FD" in line and "shares 0-9:" in line for line in lines), out
    done = _run_bench("gan_levers.py", "--quick", "dhead+wings")
    assert done.returncode != 0 and "unknown levers ['wings']" in done.stderr, done.stderr[-2000:]


def test_does_the_right_sized_benchmark_compare_both_recipes_paired_by_seed():
    out = _bench("right_sized.py", "--quick", "--seeds", "2")
    assert "| real + cGAN |" in out and "lesson - full, paired" in out, out
    assert out.count("conclusions with the") == 2 and "over 2 seeds" in out, out


def test_does_the_ssgan_choice_benchmark_choose_on_validation_digits():
    out = _bench("ssgan_choice.py", "--quick", "--seeds", "2")
    assert out.count("validation") >= 6 and "copies - shifts, paired:" in out, out
    assert "chosen on validation:" in out, out


def test_does_the_maker_sizes_benchmark_score_on_validation_digits():
    out = _bench("maker_sizes.py", "--quick", "--seeds", "1", "8x2")
    assert "seed 0 width 8 steps 2:" in out and "validation accuracy real + cGAN" in out, out
    assert "seed 0 real only: validation accuracy" in out, out


def test_does_the_ssgan_steps_benchmark_pair_the_ablation_on_validation_digits():
    out = _bench("ssgan_steps.py", "--quick", "--seeds", "0,1")
    assert out.count("validation") >= 8 and "GAN adds, paired (points)" in out, out
    assert "(2 seeds)" in out and "| 3x16x8 |" in out and "| 5x16x8 |" in out, out


def test_does_the_right_sized_benchmark_compare_lesson_06s_recipes_and_merge_logs(tmp_path):
    out = _bench("right_sized.py", "--quick", "--setting", "unlabelled", "--seeds-list", "0,1")
    from gencourse import augment

    assert f"| {augment.arm_name('ssgan_supervised', 'en')} |" in out, out
    assert out.count("conclusions with the") == 2 and "lesson - full, paired" in out, out
    log = tmp_path / "a.log"
    log.write_text(out, encoding="utf-8")
    merged = _bench("right_sized.py", "--quick", "--setting", "unlabelled", "--merge", str(log))
    assert merged[merged.index("| arm |") :] == out[out.index("| arm |") :]
