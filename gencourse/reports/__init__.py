"""What lessons 01-04 measure, as tables and outcome sentences.

A lesson's cell shows the idea and calls one function here; the function
measures, prints the table and prints the sentence that the numbers support.
The sentences come from verdict functions (numbers in, one sentence out, in
the current language), which tests check branch by branch; the texts are in
the catalogue (``gencourse/i18n/catalog/reports.py``).

- :mod:`gencourse.reports.generative`: lesson 01;
- :mod:`gencourse.reports.vae`: lesson 02;
- :mod:`gencourse.reports.gan`: lesson 03;
- :mod:`gencourse.reports.cgan`: lesson 04;
- :mod:`gencourse.reports.diffusion`: lesson 07;
- :mod:`gencourse.reports.printing`: the tables and lines they share.
"""

from gencourse.reports import cgan, diffusion, gan, generative, vae
from gencourse.reports.printing import headers, judge_accuracy, say, table

__all__ = [
    "cgan",
    "diffusion",
    "gan",
    "generative",
    "headers",
    "judge_accuracy",
    "say",
    "table",
    "vae",
]
