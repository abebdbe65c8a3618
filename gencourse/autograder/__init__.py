"""Gradescope's autograder from a lesson or an assignment: the zip, and the run in its container.

``gencourse autograder LESSON_OR_ASSIGNMENT --out autograder.zip`` writes the
zip (:mod:`gencourse.autograder.build`); Gradescope runs its ``setup.sh`` once
to install the course's lock and the package, then its ``run_autograder`` for
each submission, which grades it with the course's grader
(:mod:`gencourse.autograder.run`) and writes ``results.json``
(:mod:`gencourse.autograder.results`, checked against
:data:`gencourse.autograder.schema.RESULTS_SCHEMA`).
"""
