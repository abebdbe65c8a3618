"""The printing every report shares: tables under catalogue headers, conclusions, the judge."""

from __future__ import annotations

from gencourse import metrics, viz
from gencourse.i18n import t


def headers(key: str, **values) -> list[str]:
    """The column titles of the catalogue message ``key`` (titles separated by ``|``)."""
    return t(key, **values).split("|")


def table(key: str, rows, **values) -> None:
    """Prints ``rows`` under the column titles of ``key``."""
    viz.print_table(headers(key, **values), rows)


def say(*lines: str) -> None:
    """Prints the sentences after a blank line (they read as the table's conclusion)."""
    print("\n" + "\n".join(lines))


def judge_accuracy(judge, digits) -> float:
    """Prints and returns the judge's accuracy on the held-out digits."""
    accuracy = metrics.label_agreement(judge, digits.x_test, digits.y_test).overall
    print(t("report.judge_accuracy", accuracy=accuracy) + "\n")
    return accuracy
