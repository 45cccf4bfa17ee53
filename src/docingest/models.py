"""The records docingest produces: :class:`Article` (with its :class:`Claim` s) and :class:`Failure`.

Every model is a frozen pydantic v2 model with ``extra="forbid"`` and tuples instead of lists, so records are
hashable, immutable and round-trip through JSON exactly. Validation enforces every invariant a consumer relies
on: spans lie inside the text they index and cut out exactly the text they claim to, blocks tile
``Article.text``, claims are ordered by position, dates are timezone-aware.

Plugins that want to "change" a record must rebuild it through validation (:func:`replace`), never through
``model_copy(update=...)``, which skips validation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION: Literal[1] = 1

_FROZEN = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

NonNegInt = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
#: A publication date: a timezone-aware datetime, or a bare date when the page gives only the day.
#: Naive datetimes are rejected, never guessed into a timezone. The datetime is tried first, so an aware
#: midnight stays a datetime through a JSON round-trip instead of collapsing to a date.
PublishedDate = Annotated[AwareDatetime | date, Field(union_mode="left_to_right")]

_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8}|-\d[A-Za-z0-9]{3})*$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


class Span(BaseModel):
    """Half-open character range ``[start, end)`` into a Python ``str`` (code points, not bytes)."""

    model_config = _FROZEN

    start: NonNegInt
    """Offset of the first character."""
    end: NonNegInt
    """Offset one past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]

    def fits(self, text: str) -> bool:
        """True when the span lies inside ``text``."""
        return self.end <= len(text)

    def shift(self, offset: int) -> Span:
        """The same span moved by ``offset`` characters."""
        return Span(start=self.start + offset, end=self.end + offset)

    def __len__(self) -> int:
        return self.end - self.start


class TextRef(BaseModel):
    """A piece of text as it is written in the document, with where it is written."""

    model_config = _FROZEN

    text: str
    """The text exactly as written (``span.slice(document) == text``)."""
    span: Span
    """Where it is written."""


BlockKind = Literal[
    "heading", "paragraph", "list_item", "blockquote", "table", "code", "caption", "other"
]


class Block(BaseModel):
    """One structural unit of the article body, in document order."""

    model_config = _FROZEN

    kind: BlockKind
    """What the block is: heading, paragraph, list item, block quote, table, code, figure caption, other."""
    text: str = Field(min_length=1)
    """The block's text; tables are rendered one row a line, cells separated by tabs."""
    span: Span
    """Where the block sits in :attr:`Article.text`."""
    level: int | None = Field(default=None, ge=1, le=6)
    """Heading level (1–6) for headings; nesting depth for list items; otherwise ``None``."""


Qualifier = Literal["exact", "about", "at_least", "at_most", "more_than", "less_than", "range"]


class Quantity(BaseModel):
    """A quantity asserted in the text: ``value`` (``value_max`` for ranges) of ``unit``."""

    model_config = _FROZEN

    value: float = Field(allow_inf_nan=False)
    """The number, scaled ("2.5 million" → 2500000.0; "40%" → 40.0)."""
    value_max: float | None = Field(default=None, allow_inf_nan=False)
    """Upper bound of a range ("between 3 and 5"), else ``None``."""
    unit: str | None = None
    """ISO 4217 code for money ("EUR"), ``"percent"``, ``"percentage_points"``, ``"year"``, or the counted noun
    ("people", "months"); ``None`` for ratios, fractions, multiples and ranks."""
    qualifier: Qualifier = "exact"
    """How the value is bounded: ``exact``, ``about``, ``at_least``, ``at_most``, ``more_than``, ``less_than``,
    ``range``."""
    surface: str = Field(min_length=1)
    """The quantity as written ("up to €2.5 million")."""
    span: Span
    """Where ``surface`` is written."""
    measured: str | None = None
    """What the quantity measures, as the text words it ("defence", "homes in the flood zone"), when found."""

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError("value_max is below value")
        if (self.qualifier == "range") != (self.value_max is not None):
            raise ValueError("qualifier 'range' goes with value_max, and only it")
        return self


ClaimKind = Literal["quote", "paraphrase", "numeric"]


class Claim(BaseModel):
    """An attributed statement or a numeric assertion found in a text.

    Spans index the text the claim was extracted from: :attr:`Article.text` for an article's claims, the
    caller's string for :func:`docingest.extract_claims`.
    """

    model_config = _FROZEN

    id: str = Field(min_length=1)
    """Stable identifier: a hash of the kind, the span and the text."""
    kind: ClaimKind
    """``quote`` (direct, in quotation marks), ``paraphrase`` (reported speech) or ``numeric``."""
    text: str = Field(min_length=1)
    """The claim's text as written: for quotes the quoted words without the marks, for numeric claims the clause
    that asserts the quantity."""
    span: Span
    """Where :attr:`text` is written."""
    speaker: str | None = None
    """The person or organisation behind the claim by its canonical name: a person's full name without title, an
    organisation's fullest name in the text (``None`` when the text credits no named person or organisation: an
    unnamed source, a group, a document, a quoted term; :attr:`speaker_mention` still says who)."""
    speaker_mention: TextRef | None = None
    """How the speaker is referred to at this claim ("Ruiz", "the minister", "she")."""
    cue: TextRef | None = None
    """The attribution cue ("said", "urged", "according to")."""
    quantity: Quantity | None = None
    """For numeric claims: the quantity asserted."""
    confidence: Confidence = 1.0
    """How sure the extractor is, between 0 and 1."""

    @model_validator(mode="after")
    def _numeric_has_quantity(self) -> Self:
        if self.kind == "numeric" and self.quantity is None:
            raise ValueError("a numeric claim carries a quantity")
        if self.speaker is not None and not self.speaker.strip():
            raise ValueError("speaker is blank")
        return self

    def check_against(self, text: str) -> None:
        """Raise ``ValueError`` unless every span of this claim cuts its own text out of ``text``."""
        for what, ref_text, span in self._refs():
            if not span.fits(text):
                raise ValueError(f"claim {self.id}: {what} span {span.start}:{span.end} is outside the text")
            if span.slice(text) != ref_text:
                raise ValueError(
                    f"claim {self.id}: {what} span {span.start}:{span.end} reads "
                    f"{span.slice(text)!r}, not {ref_text!r}"
                )

    def _refs(self) -> Iterable[tuple[str, str, Span]]:
        yield "text", self.text, self.span
        if self.speaker_mention is not None:
            yield "speaker_mention", self.speaker_mention.text, self.speaker_mention.span
        if self.cue is not None:
            yield "cue", self.cue.text, self.cue.span
        if self.quantity is not None:
            yield "quantity", self.quantity.surface, self.quantity.span


def claim_id(kind: str, span: Span, text: str) -> str:
    """The stable id of a claim: the same claim at the same place always gets the same id."""
    digest = hashlib.blake2b(f"{kind}\x00{span.start}:{span.end}\x00{text}".encode(), digest_size=8)
    return f"{kind[0]}-{digest.hexdigest()}"


EncodingSource = Literal["bom", "http", "meta", "meta_late", "detected", "default", "given", "text"]


class Removal(BaseModel):
    """A piece of the page a cleaner removed, kept so that nothing is lost silently (in
    :attr:`Provenance.refused`: a piece a cleaner's rule named, kept in the body)."""

    model_config = _FROZEN

    cleaner: str
    """Name of the cleaner that removed it."""
    reason: str
    """Why: the class of text it is ("navigation", "subscription pitch", "tip line", ...)."""
    score: float | None = None
    """The cleaner's score for the removal in [0, 1] (the boilerplate model's probability that the block is the
    publisher's text), or ``None`` for a cleaner that decides by rule."""
    text: str
    """The removed text (whitespace-normalised, possibly truncated to 2,000 characters)."""
    where: str | None = None
    """Where it was: a CSS-like path for HTML, ``line N`` for text, or the index of a body block."""
    after_block: int | None = None
    """Index of the kept block the removed one followed (``None`` when before the first), to undo removals."""


class Provenance(BaseModel):
    """Where an article came from and what was done to it."""

    model_config = _FROZEN

    source: str
    """The source as given (URL, path, ``<html>`` or ``<text>`` for strings, an archive record reference)."""
    final_url: str | None = None
    """The URL after redirects."""
    status: int | None = None
    """The HTTP status of the final response."""
    content_type: str | None = None
    """The media type the document was read as."""
    encoding: str | None = None
    """The WHATWG name of the encoding the bytes were decoded with (``None`` for ``str`` input)."""
    encoding_source: EncodingSource | None = None
    """How the encoding was chosen: BOM, HTTP header, ``<meta>`` prescan, late meta, detection, default."""
    fetched_at: AwareDatetime | None = None
    """When the document was fetched or read."""
    plugins: tuple[str, ...] = ()
    """The plugins that took part, in the order they ran."""
    removed: tuple[Removal, ...] = ()
    """Every block a cleaner removed, with the cleaner and the reason."""
    refused: tuple[Removal, ...] = ()
    """What a cleaner's rule named for removal but the cleaner kept, because the page's structure says it holds
    the story (a container whose class or id reads "sidebar" but which holds the headline's first paragraph and most
    of the page's text): the rule's reason, the element's text and where it is. Kept in the body, so never in
    :attr:`removed`."""


class Article(BaseModel):
    """A document turned into a validated record: metadata, the clean body and its claims."""

    model_config = _FROZEN

    schema_version: Literal[1] = SCHEMA_VERSION
    """Version of this schema; bumped on any incompatible change."""
    id: str = Field(min_length=1)
    """Stable id: hash of the canonical URL, else the URL, else the normalised text (:func:`article_id`)."""
    url: str | None = None
    """The URL the article was requested or read from."""
    canonical_url: str | None = None
    """The URL the page declares as canonical (``<link rel=canonical>``, ``og:url``)."""
    title: str | None = None
    """The headline, without the site-name suffix."""
    description: str | None = None
    """The page's summary or standfirst."""
    site_name: str | None = None
    """The publication's name."""
    authors: tuple[str, ...] = ()
    """Author names, clean: no "By", no dates, no roles."""
    byline: str | None = None
    """The byline as written on the page."""
    published: PublishedDate | None = None
    """First publication: timezone-aware datetime, or a date. ``None`` when the page does not say."""
    modified: PublishedDate | None = None
    """Last modification, as for :attr:`published`."""
    language: str | None = None
    """BCP-47 language tag ("en", "pt-BR")."""
    image: str | None = None
    """The main image's URL."""
    text: str
    """The clean body: the blocks' texts joined by a blank line."""
    blocks: tuple[Block, ...] = ()
    """The body's structure, in document order; spans index :attr:`text`."""
    claims: tuple[Claim, ...] = ()
    """Quotes, reported statements and numeric assertions, ordered by position in :attr:`text`."""
    provenance: Provenance
    """Where the article came from, how it was decoded, which plugins ran, what was removed."""

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str | None) -> str | None:
        if value is not None and not _BCP47.match(value):
            raise ValueError(f"{value!r} is not a BCP-47 language tag")
        return value

    @field_validator("url", "canonical_url", "image")
    @classmethod
    def _http_url(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and not _HTTP_URL.match(value):
            raise ValueError(f"{info.field_name} {value!r} is not an http(s) URL")
        return value

    @field_validator("published", "modified", mode="before")
    @classmethod
    def _no_naive(cls, value: Any) -> Any:
        if isinstance(value, datetime) and value.tzinfo is None:
            raise ValueError("naive datetime: a date must carry its timezone or be a bare date")
        return value

    @field_validator("authors")
    @classmethod
    def _clean_authors(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not name.strip() or name != name.strip():
                raise ValueError(f"author {name!r} is blank or padded")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        text = self.text
        expected = 0
        size = len(text)
        for i, block in enumerate(self.blocks):
            span = block.span
            start, end = span.start, span.end
            if start != expected:
                raise ValueError(f"block {i} starts at {start}, expected {expected}")
            if end > size or text[start:end] != block.text:  # Span.fits and Span.slice, inlined
                raise ValueError(f"block {i} span does not cut its text out of Article.text")
            expected = end + 2
        if self.blocks:
            if self.blocks[-1].span.end != len(text):
                raise ValueError("blocks do not cover Article.text to its end")
        elif text:
            raise ValueError("Article.text is not empty but there are no blocks")
        previous = (-1, -1)
        for claim in self.claims:
            claim.check_against(text)
            key = (claim.span.start, claim.span.end)
            if key < previous:
                raise ValueError("claims are not ordered by position")
            previous = key
        return self

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Texts of the paragraph blocks."""
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")


FailureKind = Literal[
    "fetch_error",
    "http_status",
    "blocked",
    "too_large",
    "timeout",
    "unsupported_content",
    "decode_error",
    "not_an_article",
    "invalid",
    "plugin_error",
]


class Failure(BaseModel):
    """Why a source gave no article. Every bad input yields one; none is dropped or turned into ``None``."""

    model_config = _FROZEN

    schema_version: Literal[1] = SCHEMA_VERSION
    """Version of this schema."""
    kind: FailureKind
    """What went wrong, from a closed set."""
    source: str
    """The source as given."""
    message: str
    """A sentence a person can act on."""
    url: str | None = None
    """The URL involved (after redirects), if any."""
    status: int | None = None
    """The HTTP status, for ``http_status`` failures."""
    plugin: str | None = None
    """The plugin that failed, for ``plugin_error``."""
    details: tuple[tuple[str, str], ...] = ()
    """Further facts as (name, value) pairs, e.g. ``("limit", "10485760")``."""


Record = Article | Failure

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, whitespace collapsed, stripped: the form text is hashed in."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(canonical_url: str | None, url: str | None, text: str) -> str:
    """Stable article id: hash of the canonical URL, else the URL, else the normalised text."""
    basis = canonical_url or url
    key = f"url:{basis}" if basis else f"text:{normalise_text(text)}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


M = TypeVar("M", bound=BaseModel)


def replace(model: M, **changes: Any) -> M:
    """A copy of ``model`` with ``changes`` applied, validated like a new record (unlike ``model_copy``)."""
    data = {name: getattr(model, name) for name in type(model).model_fields}
    data.update(changes)
    return type(model).model_validate(data)


def join_blocks(items: Iterable[tuple[BlockKind, str, int | None]]) -> tuple[str, tuple[Block, ...]]:
    """Build ``Article.text`` and its blocks from (kind, text, level) triples; empty texts are skipped."""
    parts: list[str] = []
    fields: list[dict[str, Any]] = []
    offset = 0
    try:
        for kind, raw, level in items:
            text = raw.strip()
            if not text:
                continue
            if parts:
                offset += 2
            end = offset + len(text)
            fields.append({"kind": kind, "text": text, "span": {"start": offset, "end": end}, "level": level})
            parts.append(text)
            offset = end
    except Exception:  # a bad block met before the failure fails first, as it would one block at a time
        _validate_each(fields)
        raise
    try:  # one validation call for all the blocks: much cheaper than a model call per block and span
        blocks = _BLOCKS.validate_python(fields)
    except ValidationError:  # reported as validating the bad block alone reports it
        _validate_each(fields)
        raise
    return "\n\n".join(parts), blocks


_BLOCKS: TypeAdapter[tuple[Block, ...]] = TypeAdapter(tuple[Block, ...])


def _validate_each(fields: list[dict[str, Any]]) -> None:
    for item in fields:
        Block(kind=item["kind"], text=item["text"], span=Span(**item["span"]), level=item["level"])
