"""Explicit configuration objects: :class:`FetchSettings` for fetching, :class:`Options` for a pipeline run."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ._version import __version__

DEFAULT_USER_AGENT = f"docingest/{__version__} (+https://pypi.org/project/docingest/)"


class FetchSettings(BaseModel):
    """How :func:`docingest.ingest` and friends fetch URLs. Pass as ``fetch=FetchSettings(...)``."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    timeout: Annotated[float, Field(gt=0)] = 30.0
    """Total deadline in seconds for one fetch, redirects and retries' waits included."""
    connect_timeout: Annotated[float, Field(gt=0)] = 10.0
    """Deadline for establishing one connection (never longer than what is left of ``timeout``)."""
    max_bytes: Annotated[int, Field(gt=0)] = 10 * 1024 * 1024
    """Largest body accepted, counted after content-decoding (gzip, br, zstd)."""
    max_redirects: Annotated[int, Field(ge=0)] = 10
    """Redirects followed at most; each target is checked again."""
    retries: Annotated[int, Field(ge=0)] = 2
    """Retries on 408, 429 and 5xx responses and on connection errors, with exponential backoff."""
    backoff: Annotated[float, Field(ge=0)] = 0.5
    """Base of the exponential backoff in seconds (jitter added; ``Retry-After`` honoured)."""
    concurrency: Annotated[int, Field(ge=1)] = 16
    """Fetches in flight at once across all hosts."""
    per_host: Annotated[int, Field(ge=1)] = 2
    """Fetches in flight at once to one host."""
    delay: Annotated[float, Field(ge=0)] = 0.0
    """Politeness delay in seconds between two requests to the same host (robots.txt crawl-delay raises it)."""
    user_agent: str = DEFAULT_USER_AGENT
    """The User-Agent sent, and the agent name robots.txt rules are matched against."""
    respect_robots: bool = True
    """Refuse URLs that the host's robots.txt disallows for :attr:`user_agent`."""
    allow_private: tuple[str, ...] = ()
    """Hosts, ``host:port`` pairs or CIDR networks that may be reached although they are not public
    (loopback, private, link-local ...). Everything non-public is refused otherwise."""
    cache_dir: str | None = None
    """Directory of an HTTP cache for conditional requests on repeat fetches; ``None`` disables it."""

    @field_validator("allow_private")
    @classmethod
    def _valid_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from .fetching.addresses import AddressPolicy

        AddressPolicy.from_entries(value)  # raises ValueError naming the bad entry
        return value


class Options(BaseModel):
    """Options of one pipeline run; the keyword arguments of :func:`docingest.ingest` and friends."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    fetch: FetchSettings = FetchSettings()
    """Fetching settings."""
    claims: bool = True
    """Extract claims (quotes, reported speech, numeric assertions)."""
    clean: bool = True
    """Run the cleaners (page chrome and in-story boilerplate). Off keeps every block the extractor found."""
    extract: bool = True
    """Extract body, metadata and claims. Off stops after fetching and decoding: the article holds the decoded
    document as one block, with no metadata and no claims."""
    min_text_length: Annotated[int, Field(ge=0)] = 0
    """Articles with a body shorter than this fail as ``not_an_article``."""
    language: str | None = None
    """Language of the documents when known (BCP-47); overrides detection."""
    source_name: str | None = None
    """How :attr:`Provenance.source` names a string input (default ``<html>`` / ``<text>``)."""
