"""docingest's exceptions and warnings.

* :class:`IngestError` — a source could not be turned into an article; carries a typed
  :class:`~docingest.models.Failure`. The only exception bad *input* raises.
* :class:`OptionError` — an unknown or invalid option (a programming error at the call site); its message lists
  the valid options and suggests the closest one.
* :class:`PluginError` — a plugin that cannot work: an unknown hook, a wrong signature, a component hook that
  raised or returned the wrong type. Raised for plugins you register yourself; an *installed* plugin with such
  a problem is skipped with a :class:`PluginWarning` instead, so that it never takes docingest down.

All three derive from :class:`DocingestError`.
"""

from __future__ import annotations

import difflib
import os
import sys
import warnings
from collections.abc import Iterable
from typing import Any

from .models import Failure, FailureKind


class DocingestError(Exception):
    """Base class of every exception docingest raises on purpose."""


class IngestError(DocingestError):
    """A source could not be turned into an article. ``.failure`` says why, as a record."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.kind}: {failure.message} ({failure.source})")
        self.failure = failure

    @classmethod
    def of(cls, kind: FailureKind, source: str, message: str, **fields: Any) -> IngestError:
        """Build the error and its failure in one call; extra keyword arguments go to :class:`Failure`."""
        details = fields.pop("details", None)
        if isinstance(details, dict):
            fields["details"] = tuple((str(k), str(v)) for k, v in details.items())
        elif details is not None:
            fields["details"] = details
        return cls(Failure(kind=kind, source=source, message=message, **fields))

    @property
    def kind(self) -> FailureKind:
        """The failure's kind."""
        return self.failure.kind


class OptionError(DocingestError, ValueError):
    """An unknown or invalid option of :func:`docingest.ingest` and friends (also a ``ValueError``)."""


class PluginError(DocingestError):
    """A plugin cannot be used as it is. ``plugin`` names it, ``hook`` the hook at fault (if one is), ``reason``
    says what is wrong and how to fix it; the message is ``plugin 'NAME': REASON``."""

    def __init__(self, plugin: str, reason: str, *, hook: str | None = None) -> None:
        super().__init__(f"plugin {plugin!r}: {reason}")
        self.plugin = plugin
        self.reason = reason
        self.hook = hook


class PluginWarning(UserWarning):
    """An installed plugin was skipped, or looks wrong (a function named like a hook but not marked)."""


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def warn_plugin(message: str) -> None:
    """Issue a :class:`PluginWarning` attributed to the first caller outside docingest (the user's line)."""
    level, frame = 2, sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, PluginWarning, stacklevel=level)


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like ``word`` (for "did you mean ...?"), or ``None`` when none is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None


__all__ = ["DocingestError", "IngestError", "OptionError", "PluginError", "PluginWarning", "closest", "warn_plugin"]
