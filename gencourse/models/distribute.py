"""Training the course's models on several devices with ``tf.distribute``.

The lessons train on one CPU. The same models train on one or several GPUs
(or several logical CPU devices, as the tests do) when they are built inside
a strategy's scope, which the ``make_*`` functions do for their ``strategy``
argument::

    strategy = tf.distribute.MirroredStrategy()  # every visible GPU
    cgan = make_conditional_gan(seed=0, strategy=strategy)
    cgan.fit(images, labels, epochs=20, batch_size=64 * strategy.num_replicas_in_sync)

Create one strategy per process and pass it to every model you build: two
strategies over the same devices number their all-reduce operations alike,
and the second model's then clash with the first's ("Shape mismatch in the
collective instance").

Under a strategy, Keras splits each batch between the replicas and sums their
gradients. The custom training steps therefore divide each replica's loss by
the number of replicas before taking gradients (:func:`scale_loss`), so that
the summed gradient equals the gradient of the loss on the whole batch, as on
one device.
"""

from __future__ import annotations

from contextlib import nullcontext


def scope(strategy):
    """``strategy.scope()``, or a context that does nothing when ``strategy`` is None.

    Raises:
        TypeError: if ``strategy`` is neither None nor a ``tf.distribute.Strategy``.
    """
    if strategy is None:
        return nullcontext()
    import tensorflow as tf

    if not isinstance(strategy, tf.distribute.Strategy):
        raise TypeError(
            "strategy must be None or a tf.distribute.Strategy, e.g. "
            f"tf.distribute.MirroredStrategy(). Received: strategy={strategy!r}"
        )
    return strategy.scope()


def replicas_in_sync() -> int:
    """How many replicas share each batch in the current context (1 outside any strategy)."""
    import tensorflow as tf

    return int(tf.distribute.get_strategy().num_replicas_in_sync)


def scale_loss(loss):
    """One replica's share of a batch-mean loss: ``loss / replicas``.

    The replicas' gradients are summed, so each replica's loss, a mean over its
    part of the batch, is divided by the number of replicas; the sum is then the
    gradient of the mean over the whole batch. Outside a strategy it is ``loss``.
    """
    n = replicas_in_sync()
    return loss if n == 1 else loss / n
