"""How a plugin's mistakes are recognised and reported.

Every call the pipeline makes into a plugin has an :class:`Origin` (the plugin, its hook, and the component and
method when a component runs). What a hook or a component gives back is checked here (:func:`component_list`
at construction, :func:`checked_items` and :func:`wrong_result` per document), and every exception or wrong
answer becomes a ``plugin_error`` failure that names the plugin, the hook, the component and the plugin's own
line, and says how to get on without it (:func:`plugin_error`).
"""

from __future__ import annotations

import inspect
import os
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pluggy

from .errors import IngestError
from .models import Failure


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a call goes: the plugin, its hook, and the component (and its method) when one runs."""

    plugin: str
    hook: str
    component: str | None = None
    method: str | None = None

    def calling(self, method: str) -> Origin:
        """This origin, calling ``method`` of its component."""
        return Origin(self.plugin, self.hook, self.component, method)

    def describe(self) -> str:
        """``docingest_extract_metadata``, or ``acme.ticker.clean (a component from docingest_tree_cleaners)``."""
        if self.component is None:
            return self.hook
        return f"{self.component}.{self.method} (a component from {self.hook})"


#: What the component hooks' components must have: attributes with their types, and methods.
COMPONENTS: dict[str, tuple[str, dict[str, type | tuple[type, ...]], tuple[str, ...]]] = {
    "docingest_tree_cleaners": ("TreeCleaner", {"name": str, "order": int}, ("clean",)),
    "docingest_block_cleaners": ("BlockCleaner", {"name": str, "order": int}, ("classify",)),
    "docingest_claim_extractors": ("ClaimExtractor", {"name": str, "kinds": (frozenset, set, tuple)}, ("extract",)),
    "docingest_input_readers": ("InputReader", {"name": str}, ("accepts", "read")),
    "docingest_output_writers": ("OutputWriter", {"name": str, "suffixes": tuple}, ("open",)),
}


class WrongResult(Exception):
    """A component hook returned something that is not a list of its components."""


def component_list(result: object, hook: str) -> list[Any]:
    """``result`` as a list of components of ``hook``'s kind; :class:`WrongResult` says what is wrong."""
    kind, attributes, methods = COMPONENTS[hook]
    if result is None:
        return []
    if isinstance(result, str | bytes | dict) or not isinstance(result, Iterable):
        raise WrongResult(
            f"returned {_a(result)}, not a list of {kind}"
            + (f": return [{type(result).__name__}(...)]" if _lacks(result, attributes, methods) == [] else "")
        )
    items = list(result)
    for i, item in enumerate(items):
        missing = _lacks(item, attributes, methods)
        if missing:
            raise WrongResult(f"returned a list whose item {i} ({_a(item)}) is not a {kind}: {'; '.join(missing)}")
    return items


def _lacks(item: object, attributes: dict[str, type | tuple[type, ...]], methods: tuple[str, ...]) -> list[str]:
    """What ``item`` lacks to be a component: missing or mistyped attributes, missing methods."""
    wrong = []
    for attribute, kind in attributes.items():
        value = getattr(item, attribute, None)
        if value is None:
            wrong.append(f"it has no {attribute!r}")
        elif not isinstance(value, kind) or isinstance(value, bool):
            wrong.append(f"its {attribute!r} is {_a(value)}")
    wrong += [f"it has no {m}() method" for m in methods if not callable(getattr(item, m, None))]
    return wrong


def _a(value: object) -> str:
    """``a ListenPromptCleaner``, ``the str 'x'``: how a wrong value is named in a message."""
    if isinstance(value, str | int | float | bytes) or value is None:
        return f"{type(value).__name__} {value!r}"[:80]
    return f"a {type(value).__name__}"


def checked_items(label: str, origin: Origin, items: Any, kind: type, what: str) -> list[Any]:
    """``items`` as a list, each of type ``kind``; otherwise the plugin's ``plugin_error``."""
    if not isinstance(items, list | tuple):
        raise wrong_result(label, origin, items, what)
    for item in items:
        if not isinstance(item, kind):
            raise wrong_result(label, origin, item, f"{what} (an item is {_a(item)})")
    return list(items)


def wrong_result(label: str, origin: Origin, value: object, expected: str) -> IngestError:
    return _blame(label, origin, f"it returned {_a(value)}, expected {expected}", {"returned": type(value).__name__})


def plugin_error(
    label: str, origin: Origin, exc: BaseException, pm: pluggy.PluginManager | None, what: str | None = None
) -> IngestError:
    """The failure of a document on which a plugin raised (or, with ``what``, gave something unusable)."""
    at = "" if what else where(exc, pm, origin)
    facts = {"exception": type(exc).__name__, **({"at": at[5:-1]} if at else {})}
    return _blame(label, origin, f"{what or f'{type(exc).__name__}: {exc}'}{at}", facts)


_A_BUG = ". A bug in the plugin: "


def blamed(failure: Failure) -> str:
    """What a ``plugin_error`` failure says went wrong, without naming the plugin or the advice:
    ``failed in docingest_load: KeyError: '/a.txt' (at acme.py:5)``."""
    reason = failure.message.split(_A_BUG, 1)[0]
    return reason.removeprefix(f"plugin {failure.plugin!r} ") if failure.plugin else reason


def _blame(label: str, origin: Origin, what: str, facts: dict[str, str]) -> IngestError:
    """``plugin_error`` naming the plugin, the hook (and component) and how to get on without it."""
    alone = f", or only this component with disable=[{origin.component!r}]" if origin.component else ""
    details = {"hook": origin.hook}
    if origin.component is not None:
        details.update(component=origin.component, method=origin.method or "")
    return IngestError.of(
        "plugin_error",
        label,
        f"plugin {origin.plugin!r} failed in {origin.describe()}: {what}{_A_BUG}disable it with "
        f"disable=[{origin.plugin!r}]{alone} until it is fixed",
        plugin=origin.plugin,
        details={**details, **facts},
    )


def where(exc: BaseException, pm: pluggy.PluginManager | None, origin: Origin) -> str:
    """`` (at acme.py:12)``: the deepest line of the traceback in the plugin's own files (else the deepest)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    plugin = pm.get_plugin(origin.plugin) if pm is not None else None
    home = _home_of(plugin)
    chosen = frames[-1]
    if home is not None:
        own = [f for f in frames if f.filename.startswith(home)]
        if own:
            chosen = own[-1]
    return f" (at {os.path.basename(chosen.filename)}:{chosen.lineno})"


def _home_of(plugin: object) -> str | None:
    """The folder of the module a plugin comes from."""
    module = plugin if inspect.ismodule(plugin) else sys.modules.get(getattr(type(plugin), "__module__", ""))
    path = getattr(module, "__file__", None)
    return os.path.dirname(os.path.abspath(path)) + os.sep if isinstance(path, str) else None


def unexpected(label: str, exc: Exception) -> Failure:
    """The last line of defence: an error no stage caught still gives a record."""
    return Failure(
        kind="plugin_error",
        source=label,
        message=f"unexpected {type(exc).__name__}: {exc} (a bug in docingest: please report it)",
        details=(("exception", type(exc).__name__),),
    )


__all__ = [
    "COMPONENTS",
    "Origin",
    "WrongResult",
    "blamed",
    "checked_items",
    "component_list",
    "plugin_error",
    "unexpected",
    "where",
    "wrong_result",
]
