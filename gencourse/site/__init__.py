"""The course's website: executed lessons in Korean and English, built with Sphinx and myst-nb.

``gencourse site --out site/`` (:func:`gencourse.site.build.build_site`) builds it;
:func:`cache_path` names an executed master in the site's cache (for runs made
elsewhere with ``gencourse run``).
"""

from gencourse.site.execute import SiteBuildError, cache_path

__all__ = ["SiteBuildError", "cache_path"]
