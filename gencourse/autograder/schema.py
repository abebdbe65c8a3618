"""Gradescope's ``results.json``, as a JSON Schema, and a small validator for the part of it used here.

Written from Gradescope's documented autograder format: a top-level
``score`` (or per-test scores summed), ``output``, ``visibility`` and
``stdout_visibility`` (``hidden``, ``after_due_date``, ``after_published``,
``visible``), ``extra_data``, and ``tests``, each with ``name``, ``score``,
``max_score``, ``status`` (``passed``/``failed``), ``number``, ``output``,
``output_format``, ``tags``, ``visibility`` and ``extra_data``. This course
asks for more than the format does: every test has a name, a score and a
maximum, and the top-level score is their sum (see :func:`problems`).

The validator knows the keywords this schema uses (``type``, ``required``,
``properties``, ``additionalProperties``, ``items``, ``enum``, ``minimum``,
``minLength``), so the tests need no ``jsonschema`` package; where that
package is installed, the tests check the same files with it too.
"""

from __future__ import annotations

import json
import math

VISIBILITY = ["hidden", "after_due_date", "after_published", "visible"]
OUTPUT_FORMATS = ["text", "html", "simple_format", "md", "ansi"]

_NUMBER = {"type": "number"}
_TEST = {
    "type": "object",
    "required": ["name", "score", "max_score", "output", "visibility"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "name_format": {"enum": OUTPUT_FORMATS},
        "number": {"type": "string"},
        "score": {"type": "number", "minimum": 0},
        "max_score": {"type": "number", "minimum": 0},
        "status": {"enum": ["passed", "failed"]},
        "output": {"type": "string"},
        "output_format": {"enum": OUTPUT_FORMATS},
        "tags": {"type": "array", "items": {"type": "string"}},
        "visibility": {"enum": VISIBILITY},
        "extra_data": {"type": "object"},
    },
    "additionalProperties": False,
}
RESULTS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Gradescope autograder results.json",
    "type": "object",
    "required": ["score", "tests", "output", "visibility"],
    "properties": {
        "score": {"type": "number", "minimum": 0},
        "execution_time": {"type": "number", "minimum": 0},
        "output": {"type": "string"},
        "output_format": {"enum": OUTPUT_FORMATS},
        "test_output_format": {"enum": OUTPUT_FORMATS},
        "test_name_format": {"enum": OUTPUT_FORMATS},
        "visibility": {"enum": VISIBILITY},
        "stdout_visibility": {"enum": VISIBILITY},
        "extra_data": {"type": "object"},
        "tests": {"type": "array", "items": _TEST},
        "leaderboard": {"type": "array"},
    },
    "additionalProperties": False,
}

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
}


def _is(value, kind: str) -> bool:
    if kind == "number":  # JSON numbers: no bool, nothing infinite or NaN
        return (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        )
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def validate(value, schema: dict, where: str = "$") -> list[str]:
    """What in ``value`` breaks ``schema`` (empty: nothing), each as ``"<path>: <why>"``."""
    errors = []
    kind = schema.get("type")
    if kind is not None and not _is(value, kind):
        return [f"{where}: not a {kind} ({type(value).__name__})"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        errors.append(f"{where}: {value} is below {schema['minimum']}")
    if "minLength" in schema and isinstance(value, str) and len(value) < schema["minLength"]:
        errors.append(f"{where}: shorter than {schema['minLength']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: {key!r} is missing")
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += validate(item, properties[key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: {key!r} is not allowed")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{i}]")
    return errors


def problems(text: str) -> list[str]:
    """What is wrong with a ``results.json`` file's text: strict JSON, the schema, the score's sum.

    Strict JSON: ``NaN`` and ``Infinity`` (which Python writes and Gradescope
    cannot read) are refused, as are duplicate keys.
    """

    def refuse(token):
        raise ValueError(f"not strict JSON: {token}")

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate keys: {keys}")
        return dict(pairs)

    try:
        data = json.loads(text, parse_constant=refuse, object_pairs_hook=no_duplicates)
    except ValueError as exc:
        return [str(exc)]
    found = validate(data, RESULTS_SCHEMA)
    if found:
        return found
    total = sum(test["score"] for test in data["tests"])
    if not math.isclose(data["score"], total, rel_tol=0, abs_tol=1e-9):
        found.append(f"$.score: {data['score']} is not the tests' sum {total}")
    for i, test in enumerate(data["tests"]):
        if test["score"] > test["max_score"] + 1e-9:
            found.append(f"$.tests[{i}]: score {test['score']} over max_score {test['max_score']}")
    return found
