"""Hypothesis strategies for docingest's records and for the documents it reads.

    >>> from hypothesis import given
    >>> from docingest.strategies import articles
    >>> @given(articles())
    ... def test_round_trip(article): ...

Every strategy produces valid values: records that validation accepts, with spans that cut out their texts.
The same strategies are registered for the model types, so ``st.from_type(docingest.Article)`` works too
(through hypothesis's entry point; see :mod:`docingest._hypothesis_setup`).

``news_pages`` and ``news_texts`` (an expected article rendered into realistic HTML or text with boilerplate
injected) live in :mod:`docingest.strategies.news` and are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import (
    articles,
    aware_datetimes,
    block_items,
    blocks,
    bodies,
    claim_lists,
    claims,
    failures,
    languages,
    names,
    provenances,
    published_dates,
    quantities,
    removals,
    spans,
    standalone_blocks,
    standalone_claims,
    standalone_spans,
    text_refs,
    urls,
)

if TYPE_CHECKING:
    from .news import news_pages, news_texts

_LAZY = frozenset({"news_pages", "news_texts"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import news

        return getattr(news, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "articles",
    "aware_datetimes",
    "block_items",
    "blocks",
    "bodies",
    "claim_lists",
    "claims",
    "failures",
    "languages",
    "names",
    "news_pages",
    "news_texts",
    "provenances",
    "published_dates",
    "quantities",
    "removals",
    "spans",
    "standalone_blocks",
    "standalone_claims",
    "standalone_spans",
    "text_refs",
    "urls",
]
