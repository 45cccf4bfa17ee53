"""docingest's pytest plugin: fixtures for testing docingest plugins and applications built on it.

Loaded automatically through the ``pytest11`` entry point. It is import-light (nothing but pytest at import
time, docingest is imported only when a fixture is used) and defines fixtures only: no autouse fixture, no
hook that changes a test session that does not ask for it.

Fixtures:

``docingest_plugin_manager``
    A fresh, isolated plugin manager with the built-in plugins only (no entry points), so tests do not see
    whatever else happens to be installed. Register your plugin on it and build a pipeline from it.
``docingest_pipeline_factory``
    ``make(*plugins, builtins=True, entry_points=False, disable=(), **options) -> Pipeline``: a pipeline on a
    fresh plugin manager with ``plugins`` registered (objects or modules, or ``(name, plugin)`` pairs). A
    plugin that cannot work (a misspelled hook, a wrong signature, a component hook that raises) raises
    :class:`docingest.PluginError` saying why. Pipelines are closed at teardown.
``docingest_http``
    A :class:`docingest.testing.MockHttp` router for httpx: ``add(url, body, status=..., headers=...)``, then
    ``pipeline(**options)`` gives a pipeline whose fetcher answers from the router (no network).
``docingest_server``
    A :class:`docingest.testing.LoopbackServer`: a real HTTP/1.1 server on 127.0.0.1 in a thread, for what
    only a socket shows (timeouts, concurrency limits, worker processes). ``add(path, body, ...)``,
    ``redirect``, ``routes[path] = handler``, ``url(path)``, ``fetch_settings(**overrides)``, ``hits``.
    Closed at teardown.
``news_page_factory``
    ``make(title=..., paragraphs=[...], promos={index: text}, ...) -> NewsPage``: an HTML news page with page
    chrome around the story and promos inside it, plus what a correct ingestion gives back
    (:func:`docingest.testing.news_page`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import pluggy

    from docingest.pipeline import Pipeline
    from docingest.strategies.news import NewsPage
    from docingest.testing import LoopbackServer, MockHttp


@pytest.fixture
def docingest_plugin_manager() -> pluggy.PluginManager:
    """An isolated plugin manager: the built-in plugins, no entry points, nothing shared with other tests."""
    from docingest.plugins import new_plugin_manager

    return new_plugin_manager(entry_points=False)


@pytest.fixture
def docingest_pipeline_factory() -> Iterator[Callable[..., Pipeline]]:
    """Make pipelines on fresh plugin managers with extra plugins registered; all are closed at teardown."""
    from docingest.testing import make_pipeline

    made: list[Pipeline] = []

    def make(*plugins: Any, **kwargs: Any) -> Pipeline:
        pipeline = make_pipeline(*plugins, **kwargs)
        made.append(pipeline)
        return pipeline

    yield make
    for pipeline in made:
        pipeline.close()


@pytest.fixture
def docingest_http() -> Iterator[MockHttp]:
    """A mock HTTP router for httpx; its pipelines fetch from it and are closed at teardown."""
    from docingest.testing import MockHttp

    router = MockHttp()
    yield router
    router.close()


@pytest.fixture
def docingest_server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 (unknown paths answer 404); closed at teardown."""
    from docingest.testing import LoopbackServer

    with LoopbackServer() as server:
        yield server


@pytest.fixture
def news_page_factory() -> Callable[..., NewsPage]:
    """Build HTML news pages with chosen paragraphs and promos (see :func:`docingest.testing.news_page`)."""
    from docingest.testing import news_page

    return news_page
