"""Registers docingest's strategies with hypothesis, so that ``st.from_type(docingest.Article)`` works.

Run by hypothesis through the ``hypothesis`` entry point when hypothesis is imported (``HYPOTHESIS_NO_PLUGINS``
turns it off). Import-light: it imports the models (pydantic) but not the strategies, which are built on first
draw. Bare ``from_type`` on these pydantic models would produce invalid values (spans out of order, naive
datetimes, claims whose spans do not cut out their text), so each type gets a hand-built strategy.
"""

from __future__ import annotations

from typing import Any


def _register() -> None:
    from hypothesis import strategies as st

    from docingest import models

    def lazy(name: str) -> Any:
        def build() -> Any:
            from docingest.strategies import models as strategies

            return getattr(strategies, name)()

        return st.deferred(build)

    st.register_type_strategy(models.Article, lazy("articles"))
    st.register_type_strategy(models.Claim, lazy("standalone_claims"))
    st.register_type_strategy(models.Span, lazy("standalone_spans"))
    st.register_type_strategy(models.TextRef, lazy("text_refs"))
    st.register_type_strategy(models.Quantity, lazy("quantities"))
    st.register_type_strategy(models.Failure, lazy("failures"))
    st.register_type_strategy(models.Block, lazy("standalone_blocks"))
    st.register_type_strategy(models.Removal, lazy("removals"))
    st.register_type_strategy(models.Provenance, lazy("provenances"))
