"""Does every figure a lesson shows carry its alternative text (gencourse.alt_text)?"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402

from gencourse import alt_text  # noqa: E402


@pytest.fixture
def fig():
    figure = plt.figure()
    yield figure
    plt.close(figure)


def test_is_the_alt_text_the_suptitle_and_the_axes_titles(fig):
    a, b = fig.subplots(1, 2)
    fig.suptitle("Samples  after\ntraining")
    a.set_title("real")
    b.set_title("generated", loc="left")
    assert alt_text.figure_alt(fig, "en") == "Figure: Samples after training. real; generated"
    assert alt_text.figure_alt(fig, "ko") == "그림: Samples after training. real; generated"


def test_does_a_repeated_title_appear_once(fig):
    for ax in fig.subplots(1, 3):
        ax.set_title("3")
    assert alt_text.figure_alt(fig, "en") == "Figure: 3"


def test_without_titles_are_the_axis_labels_used(fig):
    ax = fig.subplots()
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    assert alt_text.figure_alt(fig, "en") == "Figure: step / loss"


def test_without_any_text_is_the_panel_count_said(fig):
    fig.subplots(2, 2)
    assert alt_text.figure_alt(fig, "en") == "Figure: 4 panels"
    assert alt_text.figure_alt(fig, "ko") == "그림: 패널 4개"


def test_is_a_long_text_cut(fig):
    fig.subplots().set_title("x" * 1000)
    text = alt_text.figure_alt(fig, "en")
    assert len(text) == alt_text.MAX_CHARS and text.endswith("…")


def test_outside_ipython_is_nothing_registered():
    assert alt_text.register() is False


def test_does_a_figure_shown_in_a_kernel_carry_its_alt_text(monkeypatch):
    """A real kernel: the inline backend's PNG output carries metadata["image/png"]["alt"]."""
    from nbclient import NotebookClient

    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's own inline backend

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt\n"
            "from gencourse import alt_text\n"
            "from gencourse.i18n import set_language\n"
            "set_language('ko')\n"
            "print(alt_text.register(), alt_text.register())"
        ),
        nbformat.v4.new_code_cell(
            "fig, ax = plt.subplots()\nax.plot([0, 1])\nax.set_title('한글 제목')\nplt.show()"
        ),
        nbformat.v4.new_code_cell("fig2, ax2 = plt.subplots()\nax2.set_xlabel('t')\nfig2"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    assert nb.cells[0].outputs[0].text.strip() == "True True"
    shown = [o for o in nb.cells[1].outputs if "image/png" in o.get("data", {})]
    assert len(shown) == 1
    assert shown[0].metadata["image/png"]["alt"] == "그림: 한글 제목"
    returned = [o for o in nb.cells[2].outputs if "image/png" in o.get("data", {})]
    assert returned and returned[0].metadata["image/png"]["alt"] == "그림: t"
