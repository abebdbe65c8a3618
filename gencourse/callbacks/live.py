"""The live view of ``fit`` in a notebook, and :func:`live_training`, which picks a view.

The widget view needs a notebook front end. When none is there (nbval,
``gencourse run``, a terminal) :func:`live_training` returns a callback that
prints a few lines of plain text instead (see :func:`has_front_end`).
"""

from __future__ import annotations

import math
import time

import keras
import numpy as np

from gencourse.callbacks.front_end import has_front_end
from gencourse.callbacks.text_progress import TextProgress, metric_name, ordered_keys, values_text
from gencourse.i18n import t
from gencourse.widgets.images import figure, ipywidgets, png_of, to_numpy, to_png


def _minor_label(value, _position) -> str:
    """A minor tick's label on a log axis: only 2, 3 and 5 times a power of ten."""
    mantissa = round(value / 10 ** math.floor(math.log10(value))) if value > 0 else 0
    return f"{value:g}" if mantissa in (2, 3, 5) else ""


class _Samples:
    """Images from a fixed set of latent vectors, so that epochs can be compared."""

    def __init__(self, model, n):
        self.model, self.ncols = model, 8
        # A GAN's input is its noise vector; a VAE's decoder reads a latent vector.
        self.caption = "live.samples_noise" if hasattr(model, "generator") else "live.samples"
        rng = np.random.default_rng(0)
        if getattr(model, "num_classes", None) and hasattr(model, "generator"):
            k = model.num_classes
            self.ncols = k
            self.labels = (np.arange(2 * k) % k).reshape(-1, 1).astype("int32")
            self.noise = rng.normal(size=(2 * k, model.latent_dim)).astype("float32")
            self.make = lambda: model.generator([self.noise, self.labels], training=False)
        elif hasattr(model, "generator") and hasattr(model, "latent_dim"):
            self.noise = rng.normal(size=(n, model.latent_dim)).astype("float32")
            self.make = lambda: model.generator(self.noise, training=False)
        elif hasattr(model, "decode") and hasattr(model, "latent_dim"):
            self.noise = rng.normal(size=(n, model.latent_dim)).astype("float32")
            self.make = lambda: model.decode(self.noise)
        else:
            self.make = None

    def png(self) -> bytes | None:
        if self.make is None:
            return None
        from gencourse import viz

        return to_png(viz.tile(to_numpy(self.make()), self.ncols), 2)


class LiveTraining(keras.callbacks.Callback):
    """A live view of ``fit`` in the notebook: progress bar, losses, and samples.

    The bar moves with the batches (at most a few updates a second) and shows
    the current losses. The loss curves (log scale) and a grid of samples from
    fixed latent vectors are redrawn after an epoch ends, unless drawing would
    then take more than about 5% of the training time (short epochs): such
    epochs are skipped until enough time has passed, and the last epoch is
    always drawn. Models with ``generator`` (GANs, conditional GANs: one column
    per class) or ``decode`` (VAEs) get samples; others only curves.

    Attributes (after training starts):
        view: the whole view (a ``VBox``), shown when training starts.
        progress: the ``IntProgress`` bar (one step per batch).
        status: the ``Label`` with the epoch and the current losses.
        plot, samples: ``Image`` widgets (PNG).
        history: the epoch logs seen so far, ``{key: [values]}``.
    """

    def __init__(self, samples: int = 16, refresh_seconds: float = 0.25, display=None):
        super().__init__()
        self.n_samples = samples
        self.refresh_seconds = refresh_seconds
        self._display = display

    def on_train_begin(self, logs=None):
        w = ipywidgets()
        self.epochs = int(self.params.get("epochs") or 1)
        self.steps = int(self.params.get("steps") or 1)
        self.history: dict[str, list[float]] = {}
        self.started = self._shown = time.perf_counter()
        self.epoch = 0
        self.progress = w.IntProgress(value=0, min=0, max=self.epochs * self.steps)
        self.status = w.Label(t("live.start", epochs=self.epochs))
        self.plot = w.Image(format="png")
        self.samples = w.Image(format="png")
        self.samples_caption = w.HTML()
        self._sampler = _Samples(self.model, self.n_samples)
        self.view = w.VBox(
            [
                w.HTML(f"<b>{t('live.title')}</b>"),
                w.HBox([self.progress, self.status]),
                w.HBox([self.plot, w.VBox([self.samples_caption, self.samples])]),
            ]
        )
        self.view.add_class("gencourse-live-training")
        self._fig = None
        self._drawn_at, self._draw_seconds, self.drawn_epochs = self.started, 0.0, []
        if self._display is not None:
            self._display(self.view)
        else:
            from IPython.display import display

            display(self.view)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        now = time.perf_counter()
        if now - self._shown < self.refresh_seconds:
            return
        self._shown = now
        self.progress.value = self.epoch * self.steps + batch + 1
        self.status.value = t(
            "live.status",
            epoch=self.epoch + 1,
            epochs=self.epochs,
            values=values_text(logs or {}),
            seconds=now - self.started,
        )

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for key, value in logs.items():
            self.history.setdefault(key, []).append(float(value))
        self.progress.value = (epoch + 1) * self.steps
        self.status.value = t(
            "live.status",
            epoch=epoch + 1,
            epochs=self.epochs,
            values=values_text(logs),
            seconds=time.perf_counter() - self.started,
        )
        # Drawing costs about 0.1 s; keep it under about 5% of the time spent training.
        if time.perf_counter() - self._drawn_at >= 19 * self._draw_seconds:
            self._draw(epoch)

    def _draw(self, epoch):
        began = time.perf_counter()
        self.plot.value = self._plot_png()
        picture = self._sampler.png()
        if picture is not None:
            self.samples.value = picture
            self.samples_caption.value = t(self._sampler.caption, epoch=epoch + 1)
        self.drawn_epochs.append(epoch + 1)
        self._drawn_at = time.perf_counter()
        self._draw_seconds = self._drawn_at - began

    def on_train_end(self, logs=None):
        done = len(next(iter(self.history.values()), []))
        if done and (not self.drawn_epochs or self.drawn_epochs[-1] != done):
            self._draw(done - 1)
        self.status.value = t(
            "live.done",
            epochs=done,
            seconds=time.perf_counter() - self.started,
        )

    def _plot_png(self) -> bytes:
        keys = ordered_keys([k for k in self.history if k.endswith("loss")] or self.history)
        if self._fig is None:
            self._fig = figure(4.8, 3.0)
            self._ax = self._fig.add_subplot()
            self._lines = {}
            # A held-out curve shares its training curve's colour, dashed.
            bases = list(dict.fromkeys(k.removeprefix("val_") for k in keys))
            for key in keys:
                style = "--" if key.startswith("val_") else "-"
                color = f"C{bases.index(key.removeprefix('val_')) % 10}"
                (self._lines[key],) = self._ax.plot(
                    [], [], style, color=color, marker="o", markersize=3, label=metric_name(key)
                )
            from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

            self._ax.set_yscale("log")
            # Plain tick labels (0.5, 1, 10): the default 10^-1 is mathtext, whose minus
            # sign the Hangul font lacks.
            self._all = FuncFormatter(lambda v, _: f"{v:g}")
            self._some, self._none = FuncFormatter(_minor_label), NullFormatter()
            self._ax.yaxis.set_major_formatter(self._all)
            self._ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            self._ax.set_xlabel(t("fig.epoch"))
            self._ax.set_title(t("live.losses"), fontsize=10)
            self._ax.legend(fontsize=7)
            self._fig.tight_layout()
        for key, line in self._lines.items():
            values = self.history.get(key, [])
            line.set_data(np.arange(1, len(values) + 1), values)
        self._ax.relim()
        self._ax.autoscale_view()
        low, high = self._ax.get_ylim()
        # Within about a decade the major ticks (powers of ten) are too few: label minor ones.
        decades = math.log10(high / low) if low > 0 else math.inf
        labels = self._all if decades < 0.5 else self._some if decades < 1.2 else self._none
        self._ax.yaxis.set_minor_formatter(labels)
        self._ax.set_xlim(0.5, max(self.epochs, 1) + 0.5)
        if self.epochs <= 10:  # MaxNLocator puts 0.5, 0.6, ... on an axis of one epoch
            self._ax.set_xticks(range(1, self.epochs + 1))
        return png_of(self._fig)


def live_training(samples: int = 16, front_end: bool | None = None):
    """The callback that shows ``fit`` as it runs: widgets in a notebook, text elsewhere.

    Args:
        samples: how many samples the widget view shows after each epoch.
        front_end: None to detect (:func:`has_front_end`), True for the widget
            view, False for plain text.

    Example:
        >>> history = vae.fit(x, epochs=30, verbose=0, callbacks=[callbacks.live_training()])
    """
    if front_end is None:
        front_end = has_front_end()
    return LiveTraining(samples=samples) if front_end else TextProgress()
