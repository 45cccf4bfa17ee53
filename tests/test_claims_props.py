"""Claim invariants on random text with random quotation marks, and on samples of the real corpora."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from docingest.claims.marks import find_quotes
from tests.corpora import corpus_path

_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "''",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        " said ",
        " she ",
        "Ana Ruiz",
        " the minister ",
        " told ",
        "according to ",
        "up to €2.5 million",
        "40%",
        "He",
        " that ",
        " called ",
        " who ",
        " ― ",
        " while warning ",
        "Dr ",
        " of the Institute for ",
        " the figures show",
        " known as ",
        " asks ",
        "’s ",
        " and said ",
        " which he said ",
        " 3,000 people",
        " in 2019",
        " twice",
        " dozens of ",
        " Cllr ",
        " NATO Secretary General ",
        "’s commitment to ",
        " highlighted ",
        " one ",
        " at 5 p.m.",
        "555-123-4567",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)


def _check(text: str) -> None:
    claims = docingest.extract_claims(text)
    keys = [(c.span.start, c.span.end) for c in claims]
    assert keys == sorted(keys), "claims are ordered by position"
    for c in claims:
        c.check_against(text)
        assert c.text.strip(), "no claim has an empty text"
        assert c.speaker is None or c.speaker.strip(), "a speaker is never blank"
        if c.quantity is not None:
            assert c.span.start <= c.quantity.span.start < c.quantity.span.end <= c.span.end, "the clause holds it"
            assert c.quantity.unit != "year", "a bare year is no numeric claim"
    again = docingest.extract_claims(text)
    assert [c.id for c in again] == [c.id for c in claims], "ids are stable"


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_random_marks_never_crash_and_spans_are_valid(text: str) -> None:
    _check(text)
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= len(text)


def test_real_articles_sampled() -> None:
    docs = sorted((corpus_path("quotes", "polnear-dev") / "docs").glob("*.txt"))
    docs += sorted((corpus_path("quotes", "ggt") / "docs").glob("*.txt"))
    for path in random.Random(5).sample(docs, 16):
        text = path.read_text(encoding="utf-8")
        _check(text)
        # cutting an article anywhere (an unbalanced mark) never loses the quotes before the cut
        cut = text[: len(text) // 2]
        _check(cut)
