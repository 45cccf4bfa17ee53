"""Finding and registering plugins.

Nothing here runs on ``import docingest``: the plugin manager is built on first use, when the built-in stages
and the ``docingest`` entry points are registered the same way (a name and a module). A plugin can be disabled
by name, through ``get_plugin_manager(disable=...)``, the ``disable=`` pipeline option or the
``DOCINGEST_DISABLE_PLUGINS`` environment variable (comma-separated names).
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import threading
import warnings
from collections.abc import Iterable
from importlib import metadata
from typing import Any

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "docingest"

#: Built-in plugins: name → module. Registered exactly like entry-point plugins.
BUILTIN_PLUGINS: dict[str, str] = {
    "docingest.load": "docingest.stages.load",
    "docingest.fetch": "docingest.stages.fetch",
    "docingest.decode": "docingest.stages.decode",
    "docingest.parse": "docingest.stages.parse",
    "docingest.chrome": "docingest.stages.chrome",
    "docingest.body": "docingest.stages.body",
    "docingest.text": "docingest.stages.text",
    "docingest.metadata": "docingest.stages.metadata",
    "docingest.promo": "docingest.stages.promo",
    "docingest.quotes": "docingest.stages.quotes",
    "docingest.numeric": "docingest.stages.numeric",
    "docingest.io": "docingest.stages.io",
}

#: Entry-point plugins that failed to import: name → error. Shown by ``docingest plugins``.
LOAD_ERRORS: dict[str, str] = {}

_default: pluggy.PluginManager | None = None
_lock = threading.Lock()


def _disabled_from_env() -> frozenset[str]:
    raw = os.environ.get("DOCINGEST_DISABLE_PLUGINS", "")
    return frozenset(name.strip() for name in raw.split(",") if name.strip())


def new_plugin_manager(
    *,
    disable: Iterable[str] = (),
    builtins: bool = True,
    entry_points: bool = True,
    plugins: Iterable[tuple[str, object]] = (),
) -> pluggy.PluginManager:
    """Build a fresh plugin manager.

    ``disable`` names plugins to block (built-in or third-party). ``plugins`` are extra (name, plugin) pairs
    registered after the others, as a test or an application would register its own.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    blocked = set(disable) | _disabled_from_env()
    for name in blocked:
        pm.set_blocked(name)
    if builtins:
        for name, module in BUILTIN_PLUGINS.items():
            if name not in blocked:
                pm.register(importlib.import_module(module), name=name)
    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in blocked or pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken third-party install must not disable docingest
                LOAD_ERRORS[ep.name] = f"{type(exc).__name__}: {exc}"
                warnings.warn(f"docingest plugin {ep.name!r} failed to load and is skipped: {exc}", stacklevel=2)
                continue
            pm.register(plugin, name=ep.name)
    for name, plugin in plugins:
        if name not in blocked:
            pm.register(plugin, name=name)
    pm.check_pending()
    _refuse_async_hookimpls(pm)
    return pm


def _refuse_async_hookimpls(pm: pluggy.PluginManager) -> None:
    """Hooks are synchronous: an ``async def`` hookimpl would hand pluggy an un-awaited coroutine, which a
    first-result hook takes as the answer. Refuse such plugins when they are registered."""
    for caller in _callers(pm):
        for impl in caller.get_hookimpls():
            if inspect.iscoroutinefunction(impl.function) or inspect.isasyncgenfunction(impl.function):
                raise pluggy.PluginValidationError(
                    impl.plugin,
                    f"{pm.get_name(impl.plugin)}: hook {caller.name} is async; docingest hooks are synchronous "
                    "(put async methods on the objects your hook returns, like Fetcher.afetch)",
                )


def _callers(pm: pluggy.PluginManager) -> list[Any]:
    return [getattr(pm.hook, name) for name in dir(pm.hook) if name.startswith("docingest_")]


def get_plugin_manager(*, disable: Iterable[str] = ()) -> pluggy.PluginManager:
    """The shared plugin manager (built on first call), or a fresh one when ``disable`` names plugins."""
    global _default
    names = tuple(disable)
    if names:
        return new_plugin_manager(disable=names)
    with _lock:
        if _default is None:
            _default = new_plugin_manager()
        return _default


def reset_plugin_manager() -> None:
    """Forget the shared plugin manager, so that the next use rebuilds it (after installing a plugin)."""
    global _default
    with _lock:
        _default = None


def plugin_reference(plugin: object) -> str | None:
    """Where another process can import ``plugin`` from: ``"package.module"`` for a module,
    ``"package.module:name"`` for an object or class bound to a name at the top of its module; ``None`` when
    there is no such place (an object made inside a function, or in ``__main__``)."""
    if inspect.ismodule(plugin):
        name = plugin.__name__
        return name if name != "__main__" and sys.modules.get(name) is plugin else None
    module_name = getattr(plugin, "__module__", None)
    if not isinstance(module_name, str) or module_name in ("__main__", "__mp_main__"):
        return None
    module = sys.modules.get(module_name)
    if module is None:
        return None
    for attribute, value in vars(module).items():
        if value is plugin and not attribute.startswith("__"):
            return f"{module_name}:{attribute}"
    return None


def load_plugin_reference(reference: str) -> object:
    """The plugin that :func:`plugin_reference` named (imports its module)."""
    module_name, _, attribute = reference.partition(":")
    found: object = importlib.import_module(module_name)
    for part in filter(None, attribute.split(".")):
        found = getattr(found, part)
    return found


def extra_plugins(pm: pluggy.PluginManager) -> tuple[list[tuple[str, str]], list[str]]:
    """The plugins registered on ``pm`` by hand (neither built in nor installed as ``docingest`` entry points):
    ``(name, reference)`` pairs for those another process can import, and the names of those it cannot."""
    installed = set(BUILTIN_PLUGINS) | {ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    portable: list[tuple[str, str]] = []
    stranded: list[str] = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None or name in installed:
            continue
        reference = plugin_reference(plugin)
        if reference is None:
            stranded.append(name)
        else:
            portable.append((name, reference))
    return portable, stranded


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """The name a plugin is registered under."""
    return pm.get_name(plugin) or repr(plugin)


def describe_plugins(pm: pluggy.PluginManager) -> list[dict[str, Any]]:
    """The registered plugins as JSON-ready dicts: name, hooks, builtin, and distribution/version if any."""
    dists: dict[str, tuple[str, str]] = {}
    for dist in metadata.distributions():
        for ep in dist.entry_points:
            if ep.group == ENTRY_POINT_GROUP:
                dists[ep.name] = (dist.metadata["Name"], dist.version)
    out: list[dict[str, Any]] = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        if plugin is None:
            continue
        hooks = sorted(hc.name for hc in pm.get_hookcallers(plugin) or ())
        entry: dict[str, Any] = {"name": name, "hooks": hooks, "builtin": name in BUILTIN_PLUGINS}
        if name in dists:
            entry["distribution"], entry["version"] = dists[name]
        out.append(entry)
    for name, error in sorted(LOAD_ERRORS.items()):
        out.append({"name": name, "hooks": [], "builtin": False, "error": error})
    return out
