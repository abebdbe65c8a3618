# Shortcuts for the two commands of the README (course.py does the work).
PYTHON ?= python3

.PHONY: lab test release
lab:
	$(PYTHON) course.py lab
test:
	$(PYTHON) course.py test
release:
	.venv/bin/gencourse release
