"""Instructors' own graded exercises: author, release and grade assignments whose answers are private.

The workflow::

    gencourse new-assignment hw1 --from 02_vae     # hw1/: master.ipynb, checks.py, secret
    # edit hw1/master.ipynb (solution markers) and hw1/checks.py (the exercises)
    gencourse release hw1 --out release/           # release/<lang>/hw1.ipynb + hw1.checks.npz
    gencourse grade submissions/ --assignment hw1 --out results/

The pieces, one module each: :mod:`~gencourse.assign.spec` (the folder and
its checks file, in the form of the course's own check modules),
:mod:`~gencourse.assign.template` (``new-assignment``),
:mod:`~gencourse.assign.release` (student notebooks, per-student values),
:mod:`~gencourse.assign.public` (the public checks file and the students'
check cells), :mod:`~gencourse.assign.grading` (what grading an assignment
adds to the course's grader), :mod:`~gencourse.assign.secret` (students'
identifiers and what is drawn for them) and :mod:`~gencourse.assign.errors`
(the checks file's errors, told as the instructor's).

In a notebook, the master and the released notebooks alike::

    from gencourse import assign

    check = assign.checks("hw1")
    ...
    check.standardize(standardize)
"""

from __future__ import annotations


def checks(name: str):
    """The check cells' ``check`` object of assignment ``name`` (nothing is read until a check runs).

    Beside a released notebook it reads the public checks file
    ``<name>.checks.npz``; in the assignment's own folder (the instructor's
    master), the checks file ``checks.py``, hidden cases included.
    """
    from gencourse.assign.public import Checks

    return Checks(name)
