"""Numeric claims: the team-written gold set, and render → parse round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from docingest.claims.numbers import find_quantities, render
from docingest.models import Claim, Quantity, Span

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


def _numeric(text: str) -> list[Claim]:
    out = [c for c in docingest.extract_claims(text) if c.kind == "numeric"]
    for c in out:
        c.check_against(text)
        assert c.quantity is not None and c.span.start <= c.quantity.span.start < c.quantity.span.end <= c.span.end
    return out


def test_numeric_claims_are_the_clauses_that_assert_them() -> None:
    text = "The ministry will spend up to €2.5 million; turnout was about 40%."
    claims = _numeric(text)
    assert [c.text for c in claims] == ["The ministry will spend up to €2.5 million", "turnout was about 40%"]
    assert [c.quantity.surface for c in claims if c.quantity] == ["up to €2.5 million", "about 40%"]
    assert [c.quantity.measured for c in claims if c.quantity] == ["The ministry", "turnout"]


def test_quoted_and_reported_figures_carry_their_speaker() -> None:
    text = (
        "Health Minister Ana Ruiz visited the ward.\n\n"
        "“We will hire 300 nurses by spring,” Ruiz said.\n\n"
        "She said the plan would cost about $12 million for the three hospitals."
    )
    claims = _numeric(text)
    assert [(c.quantity.surface, c.speaker) for c in claims if c.quantity] == [
        ("300 nurses", "Ana Ruiz"),
        ("about $12 million", "Ana Ruiz"),
    ]  # "the three hospitals" refers back to hospitals already known: no count is asserted
    assert claims[0].text == "We will hire 300 nurses by spring"
    assert claims[1].quantity is not None and claims[1].quantity.measured == "the three hospitals"
    assert len({(c.span.start, c.span.end) for c in claims}) == len(claims), "one claim per quantity"


def test_dates_names_ages_times_and_phone_numbers_are_not_claims() -> None:
    text = (
        "In 2019, on March 3 at 5 p.m., Jane Roe, 42, called 555-123-4567 about Highway 401, COVID-19 and the "
        "Readiness 2030 plan.\n\n1. Bring a coat.\n\nThe 42-year-old driver was one of them."
    )
    assert _numeric(text) == []


def test_numbers_in_words_fractions_and_multiples() -> None:
    text = (
        "Dozens of residents marched. Half of the voters stayed home, and rents have doubled since then. "
        "The club sold three thousand tickets, and twice as many people watched online."
    )
    found = {(c.quantity.surface, c.quantity.value, c.quantity.qualifier) for c in _numeric(text) if c.quantity}
    assert found == {
        ("Dozens of residents", 24.0, "at_least"),
        ("Half", 0.5, "exact"),
        ("doubled", 2.0, "exact"),
        ("three thousand tickets", 3000.0, "exact"),
        ("twice", 2.0, "exact"),
    }


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
    return Quantity(
        value=value, value_max=value_max, unit=unit, qualifier=qualifier, surface="x", span=Span(start=0, end=1)
    )


@settings(max_examples=200, deadline=None)
@given(quantities())
def test_render_then_parse_round_trips(q: Quantity) -> None:
    sentence = f"Officials said {render(q)} was the figure."
    parsed = list(find_quantities(sentence))
    assert parsed, sentence
    back = parsed[0]
    assert (back.value, back.value_max, back.unit, back.qualifier) == (q.value, q.value_max, q.unit, q.qualifier)
    assert sentence[back.span.start : back.span.end] == back.surface
