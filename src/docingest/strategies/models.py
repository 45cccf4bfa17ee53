"""Hypothesis strategies for docingest's records, hand-built so that every drawn value is valid.

Bare ``st.from_type`` on the pydantic models produces invalid values (spans whose end is before their start,
claims whose spans do not cut their text out, naive datetimes, blocks that do not tile the text). These
composites build values the way the pipeline does: the text first (:func:`docingest.models.join_blocks`), then
spans into it, then records that validation accepts. Each strategy draws one value; ``claim_lists`` draws the
ordered tuple an :class:`~docingest.models.Article` carries.

Text is a mix of realistic news prose (names, quotes, numbers) and arbitrary Unicode (no lone surrogates, which
no decoded document contains), so round-trip tests meet both.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, get_args

from hypothesis import strategies as st

from ..models import (
    SCHEMA_VERSION,
    Article,
    Block,
    BlockKind,
    Claim,
    ClaimKind,
    EncodingSource,
    Failure,
    FailureKind,
    Provenance,
    Qualifier,
    Quantity,
    Removal,
    Span,
    TextRef,
    article_id,
    claim_id,
    join_blocks,
)

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

# ------------------------------------------------------------------------------------------------ vocabulary
_FIRST = ("Ana", "Li", "Oluwaseun", "Marie-Claire", "José", "Søren", "Priya", "Zoë", "Mehmet", "Aiko", "Seán")
_LAST = ("Ruiz", "Wei", "Adeyemi", "Dubois", "Núñez", "Kierkegaard", "Raman", "O'Brien", "Yılmaz", "Tanaka")
_PROSE = (
    "the minister said the budget would rise by 40% next year while critics urged caution about "
    "hospitals schools roads and the council according to officials more than 2.5 million people "
    "were affected in the region on Tuesday she told reporters we will not back down he added"
)
_WORDS = tuple(_PROSE.split(" "))
_CUES = ("said", "told reporters", "urged", "according to", "added", "warned", "says")
_HOSTS = ("news.example", "www.example.com", "example.org", "xn--bcher-kva.example", "localhost:8080")
_LANGS = ("en", "en-GB", "pt-BR", "es-419", "zh-Hant-TW", "sr-Latn", "de", "fr-CA", "ja")
_UNITS = (None, "EUR", "USD", "GBP", "percent", "year", "people", "km", "tonnes")
_PLUGINS = (
    "docingest.load",
    "docingest.decode",
    "docingest.parse",
    "docingest.chrome",
    "docingest.body",
    "docingest.promo",
    "docingest.quotes",
    "acme.paywall",
)

# Any Unicode but lone surrogates (no decoded document holds one; JSON cannot carry one).
_ANY_CHAR = st.characters(exclude_categories=["Cs"])
_ANY_TEXT = st.text(_ANY_CHAR, min_size=1, max_size=60)
_SHORT_TEXT = st.text(_ANY_CHAR, min_size=1, max_size=30)
_CODE_LINE = st.text(st.characters(codec="ascii", exclude_characters="\n\r"), max_size=30)
_URL_SEGMENT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Z", "C"], exclude_characters="/?#"),
    min_size=1,
    max_size=12,
)
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n")


def _no_blank_lines(text: str) -> str:
    """A block never holds a blank line: blank lines are what separate blocks in ``Article.text``."""
    while True:
        collapsed = _BLANK_LINES.sub("\n", text)
        if collapsed == text:
            return text
        text = collapsed


@st.composite
def names(draw: st.DrawFn) -> str:
    """A person's name as an author or a speaker: stripped, non-empty."""
    if draw(st.integers(0, 9)) == 0:
        raw = draw(_SHORT_TEXT).strip()
        if raw:
            return raw
    return f"{draw(st.sampled_from(_FIRST))} {draw(st.sampled_from(_LAST))}"


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=14))
    sentence = " ".join(words)
    style = draw(st.integers(0, 4))
    if style == 0:
        sentence = f"“{sentence[:1].upper()}{sentence[1:]},” {draw(_C.names)} {draw(st.sampled_from(_CUES))}"
    elif style == 1:
        sentence = f"{draw(_C.names)} {draw(st.sampled_from(_CUES))} that {sentence}"
    return sentence[:1].upper() + sentence[1:] + "."


@st.composite
def _prose(draw: st.DrawFn, max_sentences: int = 4) -> str:
    """Block text: realistic sentences most of the time, arbitrary Unicode sometimes."""
    if draw(st.integers(0, 4)) == 0:
        raw = draw(_ANY_TEXT)
    else:
        raw = " ".join(draw(st.lists(_C.sentence, min_size=1, max_size=max_sentences)))
    return _no_blank_lines(raw).strip()


@st.composite
def _table(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 4))
    cell = st.one_of(st.sampled_from(_WORDS), st.integers(0, 10**6).map(str))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=4))
    return "\n".join("\t".join(row) for row in rows)


_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)


@st.composite
def block_items(draw: st.DrawFn, kinds: tuple[BlockKind, ...] = _KINDS) -> tuple[BlockKind, str, int | None]:
    """One ``(kind, text, level)`` triple as :func:`~docingest.models.join_blocks` takes (text may be blank,
    which ``join_blocks`` skips)."""
    kind = draw(st.sampled_from(kinds))
    level: int | None = None
    if kind == "heading":
        level = draw(st.integers(1, 6))
        text = draw(_C.prose1)
    elif kind == "table":
        text = draw(_C.table)
    elif kind == "list_item":
        level = draw(st.none() | st.integers(1, 3))
        text = draw(_C.prose2)
    elif kind == "code":
        lines = draw(st.lists(_CODE_LINE, min_size=1, max_size=4))
        text = _no_blank_lines("\n".join(lines))
    else:
        text = draw(_C.prose)
    return kind, text, level


@st.composite
def bodies(
    draw: st.DrawFn, *, min_blocks: int = 0, max_blocks: int = 8, kinds: tuple[BlockKind, ...] = _KINDS
) -> tuple[str, tuple[Block, ...]]:
    """``(text, blocks)``: an article body, blocks tiling the text joined by blank lines."""
    items = draw(st.lists(block_items(kinds), min_size=min_blocks, max_size=max_blocks))
    text, built = join_blocks(items)
    if len(built) < min_blocks:
        # Some drawn texts were blank: top up with plain paragraphs.
        extra: list[tuple[BlockKind, str, int | None]] = [
            ("paragraph", f"Paragraph {i + 1}.", None) for i in range(min_blocks - len(built))
        ]
        text, built = join_blocks([*items, *extra])
    return text, built


def blocks(**kwargs: Any) -> st.SearchStrategy[tuple[Block, ...]]:
    """Blocks tiling some body text (see :func:`bodies`)."""
    return bodies(**kwargs).map(lambda body: body[1])


@st.composite
def standalone_blocks(draw: st.DrawFn) -> Block:
    """A single valid :class:`Block` (its span starts anywhere; it indexes a text this strategy does not draw)."""
    kind, text, level = draw(block_items())
    if not text:
        text = "Text."
    start = draw(st.integers(0, 10_000))
    return Block(kind=kind, text=text, span=Span(start=start, end=start + len(text)), level=level)


# ------------------------------------------------------------------------------------------------ spans
@st.composite
def spans(draw: st.DrawFn, text: str, *, min_size: int = 0, strip: bool = False) -> Span:
    """A span inside ``text`` covering at least ``min_size`` characters.

    With ``strip=True`` the span neither starts nor ends with whitespace (and so covers some non-whitespace:
    ``text`` must contain some).
    """
    if strip:
        solid = [i for i, ch in enumerate(text) if not ch.isspace()]
        if not solid:
            raise ValueError("strip=True needs a text with non-whitespace characters")
        start = draw(st.sampled_from(solid))
        ends = [i + 1 for i in solid if i >= start and i + 1 - start >= min_size]
        if not ends:
            ends = [solid[-1] + 1]
        end = draw(st.sampled_from(ends))
        return Span(start=start, end=end)
    if len(text) < min_size:
        raise ValueError(f"text of {len(text)} characters has no span of {min_size}")
    start = draw(st.integers(0, len(text) - min_size))
    end = draw(st.integers(start + min_size, len(text)))
    return Span(start=start, end=end)


@st.composite
def standalone_spans(draw: st.DrawFn) -> Span:
    """Any valid span (``start <= end``), indexing no particular text."""
    start = draw(st.integers(0, 2**31))
    return Span(start=start, end=start + draw(st.integers(0, 2**20)))


@st.composite
def text_refs(draw: st.DrawFn, text: str | None = None) -> TextRef:
    """A :class:`TextRef` into ``text`` (stripped, non-empty), or, without ``text``, a name at some offset."""
    if text is None:
        written = draw(_C.names)
        start = draw(st.integers(0, 10_000))
        return TextRef(text=written, span=Span(start=start, end=start + len(written)))
    span = draw(spans(text, strip=True))
    return TextRef(text=span.slice(text), span=span)


# ------------------------------------------------------------------------------------------------ quantities
_FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)


@st.composite
def quantities(draw: st.DrawFn, text: str | None = None, span: Span | None = None) -> Quantity:
    """A valid :class:`Quantity`. With ``text``, its surface is a stripped piece of ``text`` (inside ``span``
    when given); without, a written-out amount at some offset."""
    qualifier: Qualifier = draw(st.sampled_from(get_args(Qualifier)))
    value = draw(_FINITE)
    value_max = value + draw(st.floats(0, 1e9)) if qualifier == "range" else None
    unit = draw(st.sampled_from(_UNITS))
    if text is None:
        surface = draw(
            st.one_of(
                st.just(f"{value:g} {unit or ''}".strip()),
                st.text(_ANY_CHAR, min_size=1, max_size=20).filter(str.strip),
            )
        )
        start = draw(st.integers(0, 10_000))
        where = Span(start=start, end=start + len(surface))
    else:
        window = span or Span(start=0, end=len(text))
        inner = draw(spans(window.slice(text), strip=True))
        where = inner.shift(window.start)
        surface = where.slice(text)
    measured = draw(st.none() | st.sampled_from(["defence", "homes in the flood zone", "turnout", "Öl-Preis"]))
    return Quantity(
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        surface=surface,
        span=where,
        measured=measured,
    )


# ------------------------------------------------------------------------------------------------ claims
@st.composite
def claims(draw: st.DrawFn, text: str, *, kinds: tuple[ClaimKind, ...] = get_args(ClaimKind)) -> Claim:
    """One valid :class:`Claim` of ``text``: its text, speaker mention, cue and quantity are all cut out of
    ``text`` by their spans. ``text`` must hold some non-whitespace."""
    kind: ClaimKind = draw(st.sampled_from(kinds))
    span = draw(spans(text, strip=True))
    claim_text = span.slice(text)
    speaker_mention = draw(st.none() | text_refs(text))
    cue = draw(st.none() | text_refs(text))
    speaker = draw(_C.opt_names)
    quantity = draw(quantities(text, span)) if kind == "numeric" else None
    confidence = draw(st.floats(0.0, 1.0))
    return Claim(
        id=claim_id(kind, span, claim_text),
        kind=kind,
        text=claim_text,
        span=span,
        speaker=speaker,
        speaker_mention=speaker_mention,
        cue=cue,
        quantity=quantity,
        confidence=confidence,
    )


@st.composite
def claim_lists(draw: st.DrawFn, text: str, *, max_size: int = 6) -> tuple[Claim, ...]:
    """Claims of ``text`` ordered by position, as :attr:`Article.claims` holds them (empty for a blank text)."""
    if not text.strip():
        return ()
    found = draw(st.lists(claims(text), max_size=max_size))
    return tuple(sorted(found, key=lambda c: (c.span.start, c.span.end)))


@st.composite
def standalone_claims(draw: st.DrawFn) -> Claim:
    """A valid claim of a text this strategy draws and does not return (what ``from_type(Claim)`` gives)."""
    text = draw(_C.prose)
    return draw(claims(text if text.strip() else "Nothing."))


# ------------------------------------------------------------------------------------------------ metadata
@st.composite
def urls(draw: st.DrawFn) -> str:
    """An http(s) URL as the models accept it."""
    scheme = draw(st.sampled_from(("https", "http")))
    host = draw(st.sampled_from(_HOSTS))
    path = "/".join(draw(st.lists(_URL_SEGMENT, max_size=4)))
    query = draw(st.sampled_from(("", "?id=7", "?a=1&b=%20x")))
    return f"{scheme}://{host}/{path}{query}"


def languages() -> st.SearchStrategy[str]:
    """A BCP-47 language tag."""
    return st.sampled_from(_LANGS)


@st.composite
def aware_datetimes(draw: st.DrawFn) -> datetime:
    """A timezone-aware datetime (UTC or a fixed offset of whole minutes), 1800–2200."""
    naive = draw(st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1)))
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    tz = UTC if minutes == 0 else timezone(timedelta(minutes=minutes))
    return naive.replace(tzinfo=tz)


def published_dates() -> st.SearchStrategy[date | datetime]:
    """A publication date: a bare date or an aware datetime (never a naive one)."""
    return st.one_of(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)), aware_datetimes())


def _optional_text() -> st.SearchStrategy[str | None]:
    return st.none() | _prose(max_sentences=2)


@st.composite
def removals(draw: st.DrawFn) -> Removal:
    """A valid :class:`Removal` record."""
    return Removal(
        cleaner=draw(st.sampled_from(_PLUGINS)),
        reason=draw(st.sampled_from(("navigation", "promotion", "tip line", "footer", "cookie banner"))),
        text=draw(_C.prose1),
        where=draw(st.none() | st.sampled_from(("body > nav", "line 3", "block 2"))),
        after_block=draw(st.none() | st.integers(0, 50)),
    )


@st.composite
def provenances(draw: st.DrawFn, source: str | None = None) -> Provenance:
    """A valid :class:`Provenance`."""
    fetched = draw(st.booleans())
    return Provenance(
        source=source if source is not None else draw(st.one_of(_C.urls, st.sampled_from(("<html>", "<text>")))),
        final_url=draw(_C.urls) if fetched else None,
        status=draw(st.sampled_from((200, 203))) if fetched else None,
        content_type=draw(st.sampled_from((None, "text/html", "text/html; charset=utf-8", "text/plain"))),
        encoding=draw(st.sampled_from((None, "utf-8", "windows-1252", "shift_jis", "iso-8859-2"))),
        encoding_source=draw(st.none() | st.sampled_from(get_args(EncodingSource))),
        fetched_at=draw(_C.opt_datetimes),
        plugins=tuple(draw(st.lists(st.sampled_from(_PLUGINS), unique=True, max_size=5))),
        removed=tuple(draw(st.lists(_C.removals, max_size=3))),
        refused=tuple(draw(st.lists(_C.removals, max_size=1))),
    )


# ------------------------------------------------------------------------------------------------ records
@st.composite
def articles(
    draw: st.DrawFn,
    *,
    min_blocks: int = 0,
    max_blocks: int = 8,
    with_claims: bool = True,
    kinds: tuple[BlockKind, ...] = _KINDS,
) -> Article:
    """A valid :class:`Article`: body blocks tiling its text, ordered claims whose spans index it, optional
    metadata of every shape (dates as bare dates or aware datetimes), a provenance. Its ``id`` is computed as
    the pipeline computes it."""
    text, built = draw(bodies(min_blocks=min_blocks, max_blocks=max_blocks, kinds=kinds))
    url = draw(_C.opt_urls)
    canonical_url = draw(_C.opt_urls)
    title = draw(_C.opt_text)
    return Article(
        schema_version=SCHEMA_VERSION,
        id=article_id(canonical_url, url, text),
        url=url,
        canonical_url=canonical_url,
        title=title,
        description=draw(_C.opt_text),
        site_name=draw(st.none() | st.sampled_from(("The Daily Example", "Example News", "Le Monde d'Exemple"))),
        authors=tuple(draw(st.lists(_C.names, max_size=3))),
        byline=draw(_C.opt_bylines),
        published=draw(_C.opt_dates),
        modified=draw(_C.opt_dates),
        language=draw(_C.opt_languages),
        image=draw(_C.opt_urls),
        text=text,
        blocks=built,
        claims=draw(claim_lists(text)) if with_claims else (),
        provenance=draw(provenances(source=url)),
    )


@st.composite
def failures(draw: st.DrawFn, kinds: tuple[FailureKind, ...] = get_args(FailureKind)) -> Failure:
    """A valid :class:`Failure` of one of ``kinds``."""
    kind: FailureKind = draw(st.sampled_from(kinds))
    source = draw(st.one_of(_C.urls, st.sampled_from(("article.html", "/tmp/missing.txt", "<html>", "ftp://x/"))))
    return Failure(
        kind=kind,
        source=source,
        message=draw(st.text(_ANY_CHAR, min_size=1, max_size=80)),
        url=draw(_C.opt_urls),
        status=draw(st.integers(400, 599)) if kind == "http_status" else None,
        plugin=draw(st.sampled_from(_PLUGINS)) if kind == "plugin_error" else None,
        details=tuple(
            draw(
                st.lists(
                    st.tuples(st.sampled_from(("limit", "exception", "host")), st.text(_ANY_CHAR, max_size=20)),
                    max_size=3,
                )
            )
        ),
    )


class _C:
    """Strategies built once: building a strategy per draw costs more than drawing from it."""

    names = names()
    opt_names = st.none() | names
    sentence = _sentence()
    prose = _prose()
    prose1 = _prose(max_sentences=1)
    prose2 = _prose(max_sentences=2)
    table = _table()
    urls = urls()
    opt_urls = st.none() | urls
    opt_text = _optional_text()
    opt_dates = st.none() | published_dates()
    opt_datetimes = st.none() | aware_datetimes()
    opt_languages = st.none() | languages()
    opt_bylines = st.none() | names.map(lambda n: f"By {n}")
    removals = removals()
