"""Quantities in text: money with ISO 4217 currencies, percentages, counts with units, ranges, qualifiers.

    >>> [q.surface for q in find_quantities("up to €2.5 million and about 40% of 3,000 people")]
    ['up to €2.5 million', 'about 40%', '3,000 people']

:func:`render` writes a quantity back as text; ``find_quantities(render(q))`` gives ``q``'s value, unit and
qualifier again (a property test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Qualifier, Quantity, Span

_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "CHF": "CHF",
}
_CODES = {"USD", "CAD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CHF", "MXN", "BRL", "SEK", "NOK", "DKK"}
_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "francs": "CHF",
}
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_QUAL = [
    (r"up to|as much as|as many as|no more than|at most|a maximum of", "at_most"),
    (r"at least|a minimum of|no fewer than|no less than", "at_least"),
    (r"more than|over|above|exceeding|upwards of", "more_than"),
    (r"less than|fewer than|under|below", "less_than"),
    (r"about|around|approximately|roughly|nearly|almost|some|an estimated|close to", "about"),
]
_QUAL_RE = "|".join(f"(?P<q{i}>{pat})" for i, (pat, _) in enumerate(_QUAL))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR = r"US\$|C\$|CA\$|A\$|[$€£¥₹]"
_SCALE_RE = r"(?:\s?(?:thousand|million|billion|trillion|mln|bn|tn)\b|(?<=\d)(?:k|m|b)\b)"
_UNIT = r"(?:[a-z][a-z-]{1,20})"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:(?i:{_QUAL_RE})\s+)?"
    rf"(?:(?i:between)\s+(?P<rng_kw>))?"
    rf"(?P<cur>{_CUR})?\s?(?P<num>{_NUM})(?P<scale>{_SCALE_RE})?"
    rf"(?:\s?(?:-|–|to|and)\s?(?P<cur2>{_CUR})?(?P<num2>{_NUM})(?P<scale2>{_SCALE_RE})?)?"
    rf"(?:\s?(?P<pct>%|per\s?cent\b|percent\b)|\s(?P<code>{'|'.join(sorted(_CODES))})\b|"
    rf"\s(?P<curword>{'|'.join(_WORDS)})\b|\s(?P<unit>{_UNIT}))?"
)
_YEAR_PLAN = re.compile(r"\b(?:(?:in|since|by|until|from|of)\s+)?(?P<year>1[89]\d\d|20\d\d)\b")
_NOT_UNITS = {
    "and",
    "or",
    "to",
    "of",
    "in",
    "on",
    "at",
    "the",
    "a",
    "an",
    "is",
    "was",
    "were",
    "are",
    "per",
    "for",
    "with",
    "from",
    "by",
    "that",
    "this",
    "as",
    "than",
    "but",
    "p",
    "a.m",
    "p.m",
    "am",
    "pm",
    "be",
    "has",
    "had",
    "have",
    "will",
    "would",
    "it",
    "he",
    "she",
    "they",
    "we",
    "after",
    "before",
    "when",
    "who",
    "which",
    "if",
}


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALE.get(scale.strip().lower(), 1.0)
    return value


_DIGITS = re.compile(r"\d+")
#: How far before its first digit a quantity can start ("approximately US$ 3"), and how far after it can end.
_BACK, _AHEAD = 60, 160


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``QUANTITY_RE.finditer(text)``, but the regex only runs near digits (every quantity has one).

    The regex tries its optional qualifier words at every position, which is slow on long texts; starting
    each search a little before the next digit finds the same leftmost matches.
    """
    last = 0
    n = len(text)
    for d in _DIGITS.finditer(text):
        if d.end() <= last:
            continue
        pos = max(d.start(), last)
        stop = min(n, d.end() + _AHEAD)
        m = QUANTITY_RE.search(text, max(last, pos - _BACK), stop)
        if m is None:
            continue
        if m.end() > stop - 100 and stop < n:
            m = QUANTITY_RE.search(text, m.start())
            if m is None:  # pragma: no cover - the shorter match above proves one exists
                continue
        yield m
        last = m.end()


def find_quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in ``text``, in order. Bare years ("in 2019") come out with unit ``"year"``."""
    for m in _matches(text):
        num = m.group("num")
        qualifier: Qualifier = "exact"
        for i, (_, name) in enumerate(_QUAL):
            if m.group(f"q{i}"):
                qualifier = name  # type: ignore[assignment]
        value = _value(num, m.group("scale"))
        value_max: float | None = None
        end = m.end()
        if m.group("num2"):
            value_max = _value(m.group("num2"), m.group("scale2") or m.group("scale"))
            if m.group("scale2") and not m.group("scale"):
                value = _value(num, m.group("scale2"))  # "$2-300 million": the scale applies to both
            if value_max < value:
                value_max = None
                end = m.end("num") + (len(m.group("scale") or ""))
            else:
                qualifier = "range"
        unit: str | None = None
        cur = m.group("cur") or m.group("cur2")
        if m.group("pct"):
            unit = "percent"
        elif cur:
            unit = _SYMBOLS.get(cur, "USD")
            if m.group("code"):
                unit = m.group("code")
            elif m.group("unit") or m.group("curword"):
                end = m.end("num2") if m.group("num2") else m.end("num")
                end += (
                    len(m.group("scale2") or m.group("scale") or "")
                    if not m.group("num2")
                    else len(m.group("scale2") or "")
                )
        elif (
            re.fullmatch(r"1[89]\d\d|20\d\d", num)
            and not m.group("scale")
            and not m.group("num2")
            and qualifier == "exact"
        ):
            unit = "year"
            end = m.end("num")
        elif m.group("code"):
            unit = m.group("code")
        elif m.group("curword"):
            unit = _WORDS[m.group("curword")]
        elif m.group("unit") and m.group("unit") not in _NOT_UNITS:
            unit = m.group("unit")
        else:
            end = m.end("num2") if m.group("num2") else m.end("num")
            end += len(m.group("scale2") or "") if m.group("num2") else len(m.group("scale") or "")
            if not m.group("scale") and not m.group("num2") and re.fullmatch(r"1[89]\d\d|20\d\d", num):
                unit = "year"
        if qualifier == "range" and value_max is None:
            qualifier = "exact"
        if unit is None and qualifier == "exact" and value_max is None and not m.group("scale"):
            continue  # a bare number ("page 3") asserts nothing measurable
        start = m.start()
        surface = text[start:end].rstrip()
        if not surface:
            continue
        yield Quantity(
            value=value,
            value_max=value_max,
            unit=unit,
            qualifier=qualifier,
            surface=surface,
            span=Span(start=start, end=start + len(surface)),
        )


_RENDER_QUAL = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "at_most": "up to ",
    "more_than": "more than ",
    "less_than": "less than ",
    "range": "between ",
}
_CODE_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def render(quantity: Quantity) -> str:
    """The quantity written out in English ("up to €2,500,000", "between 3 and 5 people", "40%")."""
    q = quantity
    if q.unit == "year" and q.value_max is None and q.qualifier == "exact":
        return f"in {int(q.value)}"
    lead = _RENDER_QUAL[q.qualifier]
    sym = _CODE_SYMBOL.get(q.unit or "", "")
    if q.unit and q.unit in _CODES and not sym:
        body = (
            f"{_fmt(q.value)} {q.unit}" if q.value_max is None else f"{_fmt(q.value)} and {_fmt(q.value_max)} {q.unit}"
        )
    elif sym:
        body = f"{sym}{_fmt(q.value)}" if q.value_max is None else f"{sym}{_fmt(q.value)} and {sym}{_fmt(q.value_max)}"
    else:
        tail = "%" if q.unit == "percent" else (f" {q.unit}" if q.unit and q.unit != "year" else "")
        body = _fmt(q.value) if q.value_max is None else f"{_fmt(q.value)} and {_fmt(q.value_max)}"
        body += tail
    return (lead + body) if q.qualifier != "range" else f"between {body}"
