"""Plain-text progress of ``fit``, and the names and values both progress views print."""

from __future__ import annotations

import math
import time

import keras

from gencourse.i18n import has, t


def metric_name(key: str) -> str:
    """A history key as a learner reads it: ``"val_kl_loss"`` -> "KL divergence (held-out)"."""
    base = key[4:] if key.startswith("val_") else key
    name = t(f"metric.{base}") if has(f"metric.{base}") else base
    return f"{name} ({t('fig.held_out')})" if key.startswith("val_") else name


def ordered_keys(keys) -> list[str]:
    """Training values before held-out ones, the total loss first in each group."""
    return sorted(keys, key=lambda k: (k.startswith("val_"), k.removeprefix("val_") != "loss"))


def values_text(logs) -> str:
    """An epoch's logs as one line: "name value · name value"."""

    def number(v):
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.3f}"

    return " · ".join(f"{metric_name(k)} {number(logs[k])}" for k in ordered_keys(logs))


class TextProgress(keras.callbacks.Callback):
    """Plain-text progress of ``fit``: a few lines, whatever the number of epochs.

    Prints the first epoch, about every tenth of the run, and the last one, each
    with the losses and the seconds so far.
    """

    def __init__(self, lines: int = 10):
        super().__init__()
        if not isinstance(lines, int) or lines < 1:
            raise ValueError(f"lines must be an int >= 1. Received: lines={lines!r}")
        self.lines = lines

    def on_train_begin(self, logs=None):
        self.epochs = int(self.params.get("epochs") or 1)
        self.every = max(1, math.ceil(self.epochs / self.lines))
        self.started = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        done = epoch + 1
        if done == 1 or done == self.epochs or done % self.every == 0:
            seconds = time.perf_counter() - self.started
            print(
                t(
                    "live.status",
                    epoch=done,
                    epochs=self.epochs,
                    values=values_text(logs or {}),
                    seconds=seconds,
                ),
                flush=True,
            )
