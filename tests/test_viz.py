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


# --- lesson 03's toy GANs --------------------------------------------------------------


@pytest.fixture
def english():
    before = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _normal(x, mean, std):
    return np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * np.sqrt(2 * np.pi))


def test_is_the_plotted_d_star_the_formula_from_the_two_densities(english):
    x = np.linspace(-4, 4, 81)
    p_data = 0.5 * _normal(x, -2, 0.5) + 0.5 * _normal(x, 2, 0.5)
    p_g = _normal(x, 0.5, 1.5)
    d_trained = np.full_like(x, 0.4)
    fig = viz.discriminator_vs_optimal(x, p_data, p_g, d_trained)
    lines = fig.axes[0].lines
    assert [line.get_label() for line in lines] == [
        viz.P_DATA,
        viz.P_G,
        "D* (formula)",
        "trained D",
    ]
    assert all(label.startswith("$") and label.endswith("$") for label in (viz.P_DATA, viz.P_G))
    fig.canvas.draw()  # the legend's mathematics parses
    np.testing.assert_allclose(lines[2].get_ydata(), p_data / (p_data + p_g))
    np.testing.assert_allclose(lines[3].get_ydata(), d_trained)
    assert len(viz.discriminator_vs_optimal(x, p_data, p_g).axes[0].lines) == 3
    with pytest.raises(ValueError, match=r"p_g must hold one value per point of x \(81\)"):
        viz.discriminator_vs_optimal(x, p_data, p_g[:-1])


def test_does_the_toy_figure_show_the_samples_density_and_d_beside_one_half():
    x = np.linspace(-6, 6, 121)
    samples = np.random.default_rng(0).normal(size=(2000, 1))
    d_output = 1 / (1 + np.exp(-x))
    fig = viz.samples_and_discriminator(x, _normal(x, 0, 1), samples, d_output, bins=40)
    ax = fig.axes[0]
    heights = np.array([patch.get_height() for patch in ax.patches])
    assert len(heights) == 40
    assert heights.sum() * (12 / 40) == pytest.approx(1.0)  # a density over [-6, 6]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), d_output)
    assert list(ax.lines[-1].get_ydata()) == [0.5, 0.5]


def test_are_the_generator_losses_the_two_logs_of_d():
    lines = viz.generator_loss_curves(n=3).axes[0].lines
    np.testing.assert_allclose(lines[0].get_xdata(), [0.001, 0.5, 0.999])
    np.testing.assert_allclose(lines[0].get_ydata(), np.log([0.999, 0.5, 0.001]))
    np.testing.assert_allclose(lines[1].get_ydata(), -np.log([0.001, 0.5, 0.999]))


def test_does_each_ring_panel_name_its_run_and_the_modes_its_samples_reach(english):
    from gencourse import toy

    ring = toy.ring(k=8, radius=2.0, std=0.05)
    on_three = np.resize(ring.means[[0, 3, 5]], (300, 2))
    between = np.zeros((300, 2))  # the empty centre: no mode, no sample near one
    fig = viz.ring_samples(ring, ring.sample(100, seed=0), {"A": on_three, "B": between})
    assert len(fig.axes) == 2
    assert fig.axes[0].get_title() == "A\nmodes found 3/8, samples near a bump 100%"
    assert fig.axes[1].get_title() == "B\nmodes found 0/8, samples near a bump 0%"
    np.testing.assert_allclose(fig.axes[0].collections[1].get_offsets(), on_three)
    assert fig.axes[0].get_xlim() == pytest.approx((-3.0, 3.0))
    with pytest.raises(ValueError, match="2-D mixtures"):
        viz.ring_samples(toy.Mixture([-1.0, 1.0], std=0.1), np.zeros((5, 1)), {"A": between})


def test_are_framed_images_drawn_with_their_column_headings():
    fig = viz.image_grid(
        np.zeros((4, 8, 8)), ncols=2, labels=["1", "2", "3", "4"], frame=True, headings=["a", "b"]
    )
    first, last = fig.axes[0], fig.axes[3]
    assert first.get_title() == "a\n1" and last.get_title() == "4"
    assert first.axison and first.spines["left"].get_visible()
    with pytest.raises(ValueError, match="one text per column"):
        viz.image_grid(np.zeros((4, 8, 8)), ncols=2, headings=["a"])


def test_does_each_digit_sit_at_the_centre_of_its_colour_band():
    fig = viz.latent_map(
        lambda z: np.zeros((len(z), 4, 4)), n=2, z_mean=np.zeros((10, 2)), labels=np.arange(10)
    )
    points = fig.axes[0].collections[0]
    assert points.norm.vmin == -0.5 and points.norm.vmax == 9.5


def test_are_gan_epoch_ticks_whole_numbers_and_toy_samples_called_points():
    curves = {"d_loss": [1.0, 0.9, 0.8], "g_loss": [1.0, 1.1, 1.2]}
    curves |= {"d_real": [0.6, 0.55, 0.5], "d_fake": [0.4, 0.45, 0.5]}
    fig = viz.gan_history(curves, points=True)
    fig.canvas.draw()
    ticks = fig.axes[0].get_xticks()
    assert np.allclose(ticks, np.round(ticks))
    labels = [line.get_label() for line in fig.axes[1].get_lines()]
    assert i18n.t("metric.d_real_points") in labels


def test_does_sample_panels_draw_one_titled_panel_per_set():
    images = np.zeros((40, 28, 28, 1))
    fig = viz.sample_panels({"a": images, "b": images + 1}, title="t")
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    assert fig.axes[0].images[0].get_array().shape == (5 * 28, 8 * 28)  # 40 images, 8 a row
    with pytest.raises(ValueError, match="at least one set"):
        viz.sample_panels({})


def test_do_scored_examples_put_each_score_above_its_image_in_the_language():
    kinds = {f"k{i}": np.full((3, 28, 28, 1), i / 6) for i in range(6)}
    scores = {f"k{i}": np.array([-1000.0 * (i + 1), 2.0, 3.0]) for i in range(6)}
    i18n.set_language("en")
    fig = viz.scored_examples(kinds, scores)
    titles = [ax.get_title() for ax in fig.axes]
    assert len(fig.axes) == 12 and titles[0] == "real\n-1,000" and titles[5].endswith("-6,000")
    assert titles[6] == "2"  # second row: no heading
    assert fig._suptitle.get_text() == i18n.t("fig.log_prob_title")
