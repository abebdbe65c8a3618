"""``python -m gencourse.autograder run``: what the zip's ``run_autograder`` calls."""

import sys

from gencourse.autograder.run import main

sys.exit(main())
