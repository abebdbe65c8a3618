"""Who a submission belongs to, and what is drawn for that student.

An assignment folder holds a secret (the file ``secret``, readable by the
instructor's account only, made when the assignment is made). Each student's
values of the exercises' parameters (:class:`gencourse.check.Variant`) are
drawn from that secret and the student's identifier, so the release and the
grading draw the same values without keeping a list, and nobody without the
secret can tell a student's values in advance.

A student's identifier is where their notebook lives, relative to the folder
given to the release or the grader, without ``.ipynb`` and without a last
part named after the assignment: ``alice.ipynb`` and ``alice/hw1.ipynb`` are
both ``alice``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from gencourse.grade import secretfile
from gencourse.grade.book import student_id

__all__ = ["Unreadable", "mixed_seed", "read_secret", "student_id", "student_values"]

Unreadable = secretfile.Unreadable

SECRET_FILE = "secret"


def read_secret(folder, create: bool = True) -> int:
    """The assignment's secret from ``folder/secret`` (made atomically, mode 0600, when absent and ``create``).

    A file that exists but holds no number is never replaced: a new secret
    would give every student other values than their released notebook's.

    Raises:
        FileNotFoundError: if there is none and ``create`` is False.
        gencourse.grade.secretfile.Unreadable: if the file cannot be read.
    """
    return secretfile.read_or_make(Path(folder) / SECRET_FILE, create=create)


def _seed_words(*parts) -> list[int]:
    digest = hashlib.sha256("\0".join(str(p) for p in parts).encode("utf-8")).digest()
    return [int.from_bytes(digest[i : i + 8], "little") for i in range(0, 32, 8)]


def mixed_seed(seed: int, student: str) -> int:
    """A grading seed of one student's own: the batch's secret seed mixed with their id."""
    return _seed_words("cases", seed, student)[0] >> 1


def student_values(variants, secret: int, student: str | None) -> dict:
    """Each parameter's value for ``student`` (None: every parameter's first choice).

    Args:
        variants: the assignment's :class:`~gencourse.check.Variant` exercises.
        secret: the assignment's secret.
        student: the student's identifier.

    Raises:
        ValueError: if two variants give one parameter different choices
            (a student's notebook holds one value per name).
    """
    choices: dict[str, tuple] = {}
    for variant in variants:
        for name, values in variant.choices.items():
            if choices.setdefault(name, values) != values:
                raise ValueError(
                    f"Parameter {name!r} has different choices in two exercises: "
                    f"{list(choices[name])} and {list(values)}. Give it the same choices "
                    "(or another name)."
                )
    if student is None:
        return {name: values[0] for name, values in sorted(choices.items())}
    drawn = {}
    for name, values in sorted(choices.items()):
        rng = np.random.default_rng(_seed_words("values", secret, student, name))
        drawn[name] = values[int(rng.integers(len(values)))]
    return drawn
