import warnings

import matplotlib
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from gencourse import i18n, viz

HANGUL = "잠재 공간의 격자점을 디코더로 복원한 이미지 에포크 재구성"


def test_does_the_hangul_font_have_every_glyph_the_figures_use():
    viz.use_hangul_font()
    path = font_manager.findfont(
        font_manager.FontProperties(family=matplotlib.rcParams["font.family"])
    )
    font = FT2Font(path)
    texts = [i18n._catalogs[k]["ko"] for k in i18n.all_keys() if k.startswith(("fig.", "metric."))]
    for ch in set("".join(texts) + HANGUL) - {" "}:
        assert font.get_char_index(ord(ch)) != 0, f"no glyph for {ch!r} in {path}"


def test_does_a_korean_figure_render_without_missing_glyph_warnings(tmp_path):
    viz.use_hangul_font()
    i18n.set_language("ko")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig = viz.image_grid(
                np.zeros((4, 28, 28, 1)), ncols=4, title=HANGUL, labels=[-1, 2, 3, 4]
            )
            fig.axes[0].set_xlabel("음수 -1.5")
            fig.savefig(tmp_path / "ko.png")
            fig = viz.latent_map(
                lambda z: np.zeros((len(z), 8, 8)),
                n=3,
                z_mean=np.zeros((5, 2)),
                labels=np.arange(5),
            )
            fig.savefig(tmp_path / "map.png")
    finally:
        i18n.set_language("en")
    glyph_warnings = [
        w for w in caught if "Glyph" in str(w.message) or "missing from" in str(w.message)
    ]
    assert glyph_warnings == []
    assert (tmp_path / "ko.png").stat().st_size > 1000


def test_does_the_latent_map_decode_the_whole_grid_in_one_call():
    calls = []

    def decode(z):
        calls.append(np.asarray(z).shape)
        return np.zeros((len(z), 28, 28, 1))

    viz.latent_map(decode, limit=2.0, n=7)
    assert calls == [(49, 2)]


def test_does_the_latent_grid_cover_the_square_top_row_first():
    grid = viz.latent_grid(limit=2.0, n=3)
    assert grid.shape == (9, 2)
    assert grid[0].tolist() == [-2.0, 2.0] and grid[-1].tolist() == [2.0, -2.0]


def test_does_tile_place_images_row_by_row():
    images = np.arange(6, dtype="float32").reshape(6, 1, 1) * np.ones((6, 2, 2))
    canvas = viz.tile(images, ncols=3)
    assert canvas.shape == (4, 6)
    assert canvas[0, 0] == 0 and canvas[0, 4] == 2 and canvas[2, 0] == 3 and canvas[3, 5] == 5


def test_is_a_wrong_image_shape_refused_with_the_shape_received():
    with pytest.raises(ValueError, match=r"Received: shape=\(3, 28\)"):
        viz.image_grid(np.zeros((3, 28)))
    with pytest.raises(ValueError, match=r"shape \(k, 2\)"):
        viz.latent_map(lambda z: np.zeros((len(z), 4, 4)), n=2, z_mean=np.zeros((3, 3)))


def test_does_print_table_align_hangul_by_display_width(capsys):
    viz.print_table(["이름", "값"], [["가나", 1], ["abcd", 22]])
    lines = capsys.readouterr().out.splitlines()
    assert [viz._width(line) for line in lines] == [viz._width(lines[0])] * 3


def test_does_history_plot_one_panel_per_loss_with_held_out_curves():
    fig = viz.history(
        {"loss": [3, 2], "kl_loss": [1, 1], "val_loss": [4, 3], "val_kl_loss": [1, 2]}
    )
    assert len(fig.axes) == 2
    assert len(fig.axes[0].lines) == 2


def test_does_gan_history_show_both_losses_and_the_outputs_beside_one_half():
    curves = {
        "d_loss": [0.7, 0.6],
        "g_loss": [1.0, 1.2],
        "d_real": [0.8, 0.6],
        "d_fake": [0.2, 0.4],
        "d_mismatched": [0.5, 0.3],
    }
    fig = viz.gan_history(curves)
    losses, outputs = fig.axes
    assert len(losses.lines) == 2
    assert len(outputs.lines) == 4  # three curves and the line at 1/2
    assert list(outputs.lines[-1].get_ydata()) == [0.5, 0.5]
    assert list(outputs.lines[2].get_ydata()) == [0.5, 0.3]
