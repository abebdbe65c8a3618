"""The message catalogue: one module per area, each a ``MESSAGES`` dict of ko/en pairs.

Loaded whole by :mod:`gencourse.i18n` on import. To add a message, add the key
with both texts to the module of its area (or a new module here).
"""
