"""Property tests of the records: exact JSON round-trips, invariants enforced, strategies usable via from_type."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import docingest
from docingest.models import (
    Article,
    Block,
    Claim,
    Failure,
    Provenance,
    Quantity,
    Removal,
    Span,
    TextRef,
    article_id,
    claim_id,
    join_blocks,
    replace,
)
from docingest.strategies import articles, bodies, claims, failures, quantities, spans

FEW = settings(max_examples=20, deadline=None)


def _round_trip(record: Any) -> None:
    dumped = record.model_dump_json()
    loaded = type(record).model_validate_json(dumped)
    assert loaded == record
    assert loaded.model_dump_json() == dumped
    assert hash(loaded) == hash(record)
    assert type(record).model_validate(json.loads(dumped)) == record


@FEW
@given(articles())
def test_article_json_round_trip_is_exact(article: Article) -> None:
    _round_trip(article)


@FEW
@given(failures())
def test_failure_json_round_trip_is_exact(failure: Failure) -> None:
    _round_trip(failure)


@FEW
@given(st.data())
def test_claim_json_round_trip_is_exact(data: st.DataObject) -> None:
    text, _ = data.draw(bodies(min_blocks=1))
    assume(text.strip())
    claim = data.draw(claims(text))
    _round_trip(claim)
    claim.check_against(text)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2000, 1, 1, tzinfo=UTC),
        datetime(2024, 3, 5, 0, 0, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2024, 3, 5, 10, 30, 15, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        date(2024, 3, 5),
    ],
)
def test_dates_keep_their_type_through_json(value: date) -> None:
    article = Article(id="a", text="", published=value, provenance=Provenance(source="s"))
    loaded = Article.model_validate_json(article.model_dump_json())
    assert type(loaded.published) is type(value)
    assert loaded.published == value


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValidationError, match="naive"):
        Article(id="a", text="", published=datetime(2024, 3, 5, 10, 0), provenance=Provenance(source="s"))
    with pytest.raises(ValidationError):
        Article.model_validate_json(
            '{"id": "a", "text": "", "modified": "2024-03-05T10:00:00", "provenance": {"source": "s"}}'
        )
    with pytest.raises(ValidationError):
        Provenance(source="s", fetched_at=datetime(2024, 3, 5, 10, 0))


@FEW
@given(articles(min_blocks=1), st.data())
def test_tampered_block_spans_are_rejected(article: Article, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(article.blocks) - 1))
    block = article.blocks[i]
    shift = data.draw(st.sampled_from([-1, 1]))
    assume(block.span.start + shift >= 0)
    moved = Block(kind=block.kind, text=block.text, span=block.span.shift(shift), level=block.level)
    tampered = (*article.blocks[:i], moved, *article.blocks[i + 1 :])
    with pytest.raises(ValidationError):
        replace(article, blocks=tampered)
    with pytest.raises(ValidationError):
        replace(article, blocks=article.blocks[:-1] if len(article.blocks) > 1 else ())


@FEW
@given(articles(min_blocks=1), st.data())
def test_tampered_claim_spans_are_rejected(article: Article, data: st.DataObject) -> None:
    text = article.text
    claim = data.draw(claims(text))
    assert replace(article, claims=(claim,)).claims == (claim,)
    other = data.draw(spans(text, min_size=1))
    assume(other.slice(text) != claim.text)
    forged = Claim(id=claim.id, kind=claim.kind, text=claim.text, span=other, quantity=claim.quantity)
    with pytest.raises(ValidationError, match="span"):
        replace(article, claims=(forged,))
    beyond = Span(start=len(text), end=len(text) + len(claim.text))
    outside = Claim(id=claim.id, kind=claim.kind, text=claim.text, span=beyond, quantity=claim.quantity)
    with pytest.raises(ValidationError, match="outside"):
        replace(article, claims=(outside,))
    if claim.speaker_mention is not None:
        mention = claim.speaker_mention
        bad = TextRef(text=mention.text + "x", span=mention.span)
        with pytest.raises(ValidationError, match="speaker_mention"):
            replace(article, claims=(replace(claim, speaker_mention=bad),))


@FEW
@given(articles(min_blocks=2))
def test_claims_out_of_order_are_rejected(article: Article) -> None:
    first, last = article.blocks[0], article.blocks[-1]
    early = Claim(id=claim_id("quote", first.span, first.text), kind="quote", text=first.text, span=first.span)
    late = Claim(id=claim_id("quote", last.span, last.text), kind="quote", text=last.text, span=last.span)
    assert replace(article, claims=(early, late)).claims == (early, late)
    with pytest.raises(ValidationError, match="ordered"):
        replace(article, claims=(late, early))


@FEW
@given(articles())
def test_drawn_articles_keep_every_invariant(article: Article) -> None:
    assert article.text == "\n\n".join(b.text for b in article.blocks)
    for block in article.blocks:
        assert article.text[block.span.start : block.span.end] == block.text
        assert block.text == block.text.strip() and "\n\n" not in block.text
    assert list(article.claims) == sorted(article.claims, key=lambda c: (c.span.start, c.span.end))
    for claim in article.claims:
        claim.check_against(article.text)
        assert claim.id == claim_id(claim.kind, claim.span, claim.text)
    assert article.id == article_id(article.canonical_url, article.url, article.text)
    for value in (article.published, article.modified):
        assert not isinstance(value, datetime) or value.tzinfo is not None


@FEW
@given(bodies())
def test_join_blocks_tiles_the_text(body: tuple[str, tuple[Block, ...]]) -> None:
    text, blocks = body
    again, rebuilt = join_blocks((b.kind, b.text, b.level) for b in blocks)
    assert (again, rebuilt) == (text, blocks)


@FEW
@given(quantities())
def test_quantities_are_consistent(quantity: Quantity) -> None:
    assert (quantity.qualifier == "range") == (quantity.value_max is not None)
    assert quantity.value_max is None or quantity.value_max >= quantity.value
    assert len(quantity.span) == len(quantity.surface)
    _round_trip(quantity)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_quantities_are_rejected(bad: float) -> None:
    # JSON has no NaN or infinity: pydantic would write null, and the record would not read back.
    with pytest.raises(ValidationError):
        Quantity(value=bad, surface="x", span=Span(start=0, end=1))


def test_replace_validates_and_model_copy_does_not() -> None:
    article = Article(id="a", text="Hi.", blocks=join_blocks([("paragraph", "Hi.", None)])[1],
                      provenance=Provenance(source="s"))
    with pytest.raises(ValidationError):
        replace(article, text="Changed.")
    assert replace(article, title="T").title == "T"
    with pytest.raises(ValidationError):
        replace(article, language="not a tag!")


def test_records_are_frozen_and_closed() -> None:
    failure = Failure(kind="invalid", source="x", message="m")
    with pytest.raises(ValidationError):
        failure.message = "changed"
    with pytest.raises(ValidationError):
        Failure.model_validate({"kind": "invalid", "source": "x", "message": "m", "extra": 1})
    with pytest.raises(ValidationError):
        Span(start=5, end=4)


_TYPES = (Article, Claim, Failure, Span, Quantity, TextRef, Block, Removal, Provenance)


@settings(max_examples=15, deadline=None)
@given(st.tuples(*(st.from_type(kind) for kind in _TYPES)))
def test_from_type_gives_valid_records(records: tuple[Any, ...]) -> None:
    # Registered through hypothesis's entry point (docingest._hypothesis_setup), not by importing strategies.
    assert docingest.Article is Article
    for record, kind in zip(records, _TYPES, strict=True):
        assert type(record) is kind
        assert kind.model_validate(record.model_dump()) == record
