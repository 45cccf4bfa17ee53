"""Built-in fetcher plugin: :class:`~docingest.fetching.HttpxFetcher` (httpx, hardened; see docs/fetching.md).

Registered with ``trylast=True``: a third-party ``docingest_fetcher`` implementation that returns a fetcher
wins, one that returns ``None`` leaves fetching to this one.
"""

from __future__ import annotations

from ..document import Fetcher
from ..fetching import HttpxFetcher
from ..hookspecs import hookimpl
from ..settings import FetchSettings


@hookimpl(trylast=True)
def docingest_fetcher(settings: FetchSettings) -> Fetcher | None:
    """The built-in fetcher for ``settings``."""
    return HttpxFetcher(settings)


__all__ = ["HttpxFetcher", "docingest_fetcher"]
