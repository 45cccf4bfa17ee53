"""Numeric claims: the team-written gold set, and render → parse round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from docingest.claims.numbers import find_quantities, render
from docingest.models import Quantity, Span

GOLD = [json.loads(line) for line in (Path(__file__).parent / "data" / "numeric_gold.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("case", GOLD, ids=[c["surface"] for c in GOLD])
def test_numeric_gold(case: dict[str, object]) -> None:
    found = [q for q in find_quantities(str(case["sentence"])) if q.surface == case["surface"]]
    assert found, f"{case['surface']!r} not found in {case['sentence']!r}"
    q = found[0]
    assert q.value == pytest.approx(case["value"])
    assert q.value_max == (pytest.approx(case["value_max"]) if case["value_max"] is not None else None)
    assert q.unit == case["unit"]
    assert q.qualifier == case["qualifier"]


def test_numeric_claims_through_the_api() -> None:
    text = "The ministry will spend up to €2.5 million; turnout was about 40%."
    claims = [c for c in docingest.extract_claims(text) if c.kind == "numeric"]
    assert [c.text for c in claims] == ["up to €2.5 million", "about 40%"]
    for c in claims:
        c.check_against(text)
        assert c.quantity is not None and c.quantity.span == c.span


def test_bare_numbers_are_not_claims() -> None:
    assert list(find_quantities("Chapter 3 of 12 was short.")) == []


_units = st.sampled_from(["EUR", "USD", "GBP", "CAD", "percent", "people", "homes", "year"])
_quals = st.sampled_from(["exact", "about", "at_least", "at_most", "more_than", "less_than", "range"])


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    unit = draw(_units)
    qualifier = draw(_quals)
    if unit == "year":
        qualifier = "exact"
        value = float(draw(st.integers(1900, 2099)))
    else:
        value = float(draw(st.integers(1, 10**9)))
    value_max = float(value + draw(st.integers(1, 10**6))) if qualifier == "range" else None
    return Quantity(value=value, value_max=value_max, unit=unit, qualifier=qualifier, surface="x",
                    span=Span(start=0, end=1))


@settings(max_examples=200, deadline=None)
@given(quantities())
def test_render_then_parse_round_trips(q: Quantity) -> None:
    sentence = f"Officials said {render(q)} was the figure."
    parsed = list(find_quantities(sentence))
    assert parsed, sentence
    back = parsed[0]
    assert (back.value, back.value_max, back.unit, back.qualifier) == (q.value, q.value_max, q.unit, q.qualifier)
    assert sentence[back.span.start : back.span.end] == back.surface
