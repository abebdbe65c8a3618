# Shortcuts for the two commands of the README (course.py does the work).
PYTHON ?= python3
# `make lock` needs uv (pip install uv); it keeps the pins it can, `make lock UPGRADE=--upgrade`
# moves every pin to the newest release within pyproject.toml's ranges.
UV ?= uv
UPGRADE ?=
COMPILE = $(UV) pip compile pyproject.toml --quiet --annotation-style line --custom-compile-command "make lock" $(UPGRADE)

.PHONY: lab test release lock site
lab:
	$(PYTHON) course.py lab
test:
	$(PYTHON) course.py test
release:
	.venv/bin/gencourse release
# The course's website in site/ (README: "The course website"); SITE_ARGS=--mode quick for CI.
SITE_ARGS ?=
site:
	.venv/bin/gencourse site --out site/ $(SITE_ARGS)
# requirements/README.md says what each file is for.
lock:
	$(COMPILE) --extra dev --extra lab --extra site requirements/course.in \
		--override requirements/tensorflow-override.txt \
		--universal --python-version 3.11 -o requirements/course-lock.txt
	$(COMPILE) --extra dev --resolution lowest-direct \
		--python-version 3.12 --python-platform x86_64-manylinux_2_28 -o requirements/lowest.txt
