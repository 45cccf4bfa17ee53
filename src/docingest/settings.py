"""Explicit configuration objects: :class:`FetchSettings` for fetching, :class:`Options` for a pipeline run.

Both refuse unknown keys with a message that lists the valid ones and suggests the closest (and says where a
key belongs when it is valid elsewhere: ``timeout`` is a fetch setting). :func:`options_from` turns keyword
options into :class:`Options`, raising :class:`~docingest.errors.OptionError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ._version import __version__
from .errors import OptionError, closest

DEFAULT_USER_AGENT = f"docingest/{__version__} (+https://pypi.org/project/docingest/)"


#: Keywords that callers put among the options although they belong to a call.
_ELSEWHERE = {
    "workers": "a keyword of ingest_many(), not an option",
    "time_limit": "a keyword of ingest_many(), not an option",
    "max_tasks": "a keyword of ingest_many(), not an option",
    "url": "a keyword of ingest_html() and ingest_text(); ingest() takes the URL as its source",
    "plugin_manager": "a keyword of Pipeline(), not an option",
    "plugins": "not an option: register plugins with new_plugin_manager(plugins=[(name, plugin)]) and pass "
    "Pipeline(plugin_manager=...)",
}


def _refuse_unknown(model: type[BaseModel], data: Any) -> Any:
    """Raise a helpful error for keys of ``data`` that are not fields of ``model``."""
    if not isinstance(data, Mapping):
        return data
    unknown = [key for key in data if key not in model.model_fields]
    if unknown:
        message = unknown_message(model, unknown)
        raise PydanticCustomError("unknown_option", "{message}", {"message": message})
    return data


def unknown_message(model: type[BaseModel], unknown: list[Any]) -> str:
    """``unknown option 'timeout' (it is a fetch setting: pass fetch=FetchSettings(timeout=…)). Valid options: …``"""
    what, other = ("fetch setting", Options) if model is FetchSettings else ("option", FetchSettings)
    valid = sorted(model.model_fields)
    parts = []
    for key in unknown:
        name = str(key)
        if name in other.model_fields:
            hint = (
                f"it is a fetch setting: pass fetch=FetchSettings({name}=…)"
                if other is FetchSettings
                else f"it is an option of ingest() and Pipeline(), not a fetch setting: pass {name}=… beside fetch=…"
            )
        elif name in _ELSEWHERE:
            hint = f"it is {_ELSEWHERE[name]}"
        else:
            near = closest(name, [*valid, *other.model_fields])
            hint = f"did you mean {near!r}?" if near else ""
        parts.append(f"unknown {what} {name!r}" + (f" ({hint})" if hint else ""))
    return "; ".join(parts) + f". Valid {what}s: {', '.join(valid)}"


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

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        return _refuse_unknown(cls, data)

    @field_validator("allow_private", mode="before")
    @classmethod
    def _entries_shape(cls, value: Any) -> Any:
        if isinstance(value, bool):  # "allow private addresses: yes" would open every internal service
            raise ValueError(
                "allow_private names what may be reached, it is not a switch: give hosts, host:port pairs or "
                "networks, e.g. allow_private=('127.0.0.1:8000',) or ('10.0.0.0/8',)"
            )
        if isinstance(value, str):  # one entry given bare, as for disable
            return (value,)
        return value

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
    disable: tuple[str, ...] = ()
    """Plugins or components to leave out, by name: a plugin (``docingest.promo``, ``acme``) or a component a
    plugin returns (``acme.sponsored``, as named in ``Provenance.plugins``). A bare string is one name. A
    plugin named here is never imported. Unknown names are an error listing the known ones."""

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        return _refuse_unknown(cls, data)

    @field_validator("disable", mode="before")
    @classmethod
    def _names(cls, value: Any) -> tuple[str, ...]:
        return names_of(value)


def names_of(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Plugin or component names from a bare string (one name) or an iterable of names: stripped, in order,
    without repeats. Raises ``ValueError`` for an empty name or one that is not a string."""
    if value is None:
        return ()
    if not isinstance(value, str | Iterable):
        raise ValueError(f"disable takes a plugin name or a list of them, not {type(value).__name__} {value!r}")
    items = [value] if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"disable takes plugin names (strings), not {type(item).__name__} {item!r}")
        name = item.strip()
        if not name:
            raise ValueError("disable holds an empty name")
        if name not in names:
            names.append(name)
    return tuple(names)


def options_from(options: Mapping[str, Any]) -> Options:
    """Validate keyword options into :class:`Options` (``fetch`` may be a dict or a :class:`FetchSettings`);
    raises :class:`~docingest.errors.OptionError` naming what is wrong and what would be right."""
    try:
        return Options.model_validate(dict(options))
    except ValidationError as exc:
        raise OptionError(option_problems(exc)) from None


def option_problems(exc: ValidationError) -> str:
    """The errors of a validation of options as one readable sentence."""
    messages = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"])
        if error["type"] == "unknown_option":
            messages.append(error["msg"])
        else:
            messages.append(f"option {where or 'value'}: {error['msg']} (got {error.get('input')!r})")
    return "; ".join(messages)
