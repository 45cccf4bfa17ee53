"""Finding, checking and registering plugins.

Nothing here runs on ``import docingest``: the plugin manager is built on first use, when the built-in stages
and the ``docingest`` entry points are registered the same way (a name and a module).

Every plugin is checked before it is registered (:func:`plugin_problems`): hook names that match no hook
(with the closest one suggested), signatures that do not fit the hook (with the hook's signature), ``async``
or wrapper implementations, and functions named like a hook but not marked ``@hookimpl`` (a warning). What
happens to a plugin that fails depends on who registered it:

* an **installed** plugin (an entry point) that cannot be imported or checked is skipped with a
  :class:`~docingest.errors.PluginWarning` naming it and why, and recorded in the manager's ``problems``
  (``docingest plugins`` lists it and exits non-zero): a broken installation never takes docingest down;
* a plugin **you register** (``new_plugin_manager(plugins=...)``, ``pm.register``) raises
  :class:`~docingest.errors.PluginError` at once: it is your code, and the message says what to change.

A plugin can be disabled by name before it is even imported, through ``disable=`` (of :func:`ingest`,
:class:`~docingest.pipeline.Pipeline`, :func:`new_plugin_manager`), ``docingest ingest --disable`` or the
``DOCINGEST_DISABLE_PLUGINS`` environment variable (comma-separated names).
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Literal

import pluggy

from . import hookspecs
from .errors import PluginError, closest, warn_plugin
from .settings import names_of

ENTRY_POINT_GROUP = "docingest"
ENV_DISABLE = "DOCINGEST_DISABLE_PLUGINS"

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

_default: PluginManager | None = None
_lock = threading.Lock()
_generation = 0


@dataclass(frozen=True)
class PluginProblem:
    """Something wrong with a plugin: ``message`` says what and what came of it (the plugin skipped, a hook's
    components left out, a sample document failed); ``severity`` ``"warning"`` for what only looks wrong."""

    plugin: str
    message: str
    hook: str | None = None
    severity: Literal["error", "warning"] = "error"

    def sentence(self) -> str:
        """The problem as a sentence that says what to do."""
        text = f"docingest plugin {self.plugin!r}: {self.message}"
        if self.severity == "warning":
            return text
        return (
            f"{text}. Fix or uninstall it, or disable it with disable=[{self.plugin!r}] (--disable {self.plugin}, "
            f"{ENV_DISABLE}={self.plugin})"
        )


class PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager for docingest's hooks, checking each plugin with docingest's messages.

    ``problems`` records what went wrong with plugins, ``installed`` the names registered from entry points,
    ``disabled`` the names it was asked to block (``env_disabled``: those from ``DOCINGEST_DISABLE_PLUGINS``).
    :meth:`register` raises :class:`~docingest.errors.PluginError` for a plugin that cannot work.
    """

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.add_hookspecs(hookspecs)
        self.problems: list[PluginProblem] = []
        self.installed: set[str] = set()
        self.disabled: tuple[str, ...] = ()
        self.env_disabled: tuple[str, ...] = ()
        #: Counts registrations and unregistrations (what is built from the manager is keyed by it).
        self.changes = 0

    def register(self, plugin: object, name: str | None = None) -> str | None:
        """Check ``plugin``, then register it (``None`` when ``name`` is blocked); raises
        :class:`~docingest.errors.PluginError` when it cannot work, warns for what looks like a mistake."""
        name = name or self.get_canonical_name(plugin)
        if self.is_blocked(name):
            return None
        found = plugin_problems(self, plugin, name)
        errors = [p for p in found if p.severity == "error"]
        if errors:
            raise PluginError(name, "; ".join(p.message for p in errors), hook=errors[0].hook)
        try:
            registered = super().register(plugin, name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginError(name, f"cannot be registered: {exc}") from None
        self.changes += 1
        for problem in found:
            self.report(problem)
        return registered

    def unregister(self, plugin: object | None = None, name: str | None = None) -> Any | None:
        """Unregister a plugin (by object or name), as pluggy does."""
        self.changes += 1
        return super().unregister(plugin, name)

    def report(self, problem: PluginProblem) -> None:
        """Record a problem (once) and warn about it."""
        if problem not in self.problems:
            self.problems.append(problem)
            warn_plugin(problem.sentence())


def disabled_from_env() -> tuple[str, ...]:
    """The names in ``DOCINGEST_DISABLE_PLUGINS`` (comma-separated)."""
    return names_of([name for name in os.environ.get(ENV_DISABLE, "").split(",") if name.strip()])


def new_plugin_manager(
    *,
    disable: str | Iterable[str] = (),
    builtins: bool = True,
    entry_points: bool = True,
    plugins: Iterable[tuple[str, object]] = (),
) -> PluginManager:
    """Build a fresh plugin manager.

    ``disable`` names plugins to block (built-in or installed; never imported) and components to leave out
    (applied by the :class:`~docingest.pipeline.Pipeline`); ``DOCINGEST_DISABLE_PLUGINS`` adds to it.
    ``builtins=False`` leaves out docingest's own stages; ``entry_points=False`` leaves out installed plugins
    (as a test of your plugin wants). ``plugins`` are ``(name, plugin)`` pairs registered last: a module or
    object of yours, checked strictly (:class:`~docingest.errors.PluginError`). One that is also installed under
    the same name is registered once; under a name already taken, yours replaces the installed one.
    """
    pm = PluginManager()
    pm.disabled = names_of(disable)
    pm.env_disabled = disabled_from_env()
    blocked = {*pm.disabled, *pm.env_disabled}
    for name in blocked:
        pm.set_blocked(name)
    if builtins:
        for name, module in BUILTIN_PLUGINS.items():
            if name not in blocked:
                pm.register(importlib.import_module(module), name=name)
    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name not in blocked and not pm.has_plugin(ep.name):
                _register_entry_point(pm, ep)
    for name, plugin in plugins:
        if name in blocked or pm.get_plugin(name) is plugin:
            continue
        if pm.has_plugin(name):
            pm.unregister(name=name)
            pm.installed.discard(name)
        if pm.get_name(plugin) is not None:
            pm.installed.discard(pm.get_name(plugin) or "")
            pm.unregister(plugin)
        pm.register(plugin, name=name)
    return pm


def _register_entry_point(pm: PluginManager, ep: metadata.EntryPoint) -> None:
    """Import and register one installed plugin; a failure is recorded and warned about, never raised."""
    try:
        plugin = ep.load()
    except (Exception, SystemExit) as exc:  # a broken installation must not disable docingest
        reason = f"cannot be imported ({ep.value}: {type(exc).__name__}: {exc}); it is skipped"
        pm.report(PluginProblem(ep.name, reason))
        return
    try:
        pm.register(plugin, name=ep.name)
    except PluginError as exc:
        pm.report(PluginProblem(ep.name, f"{exc.reason}; it is skipped"))
        return
    pm.installed.add(ep.name)


# ---------------------------------------------------------------------------------------------- checks
def plugin_problems(pm: pluggy.PluginManager, plugin: object, name: str) -> list[PluginProblem]:
    """What is wrong with ``plugin`` as a docingest plugin, before it is registered: errors (an unknown hook,
    a signature that does not fit, an async or wrapper implementation) and warnings (a function named like a
    hook without ``@hookimpl``, no hook at all)."""
    hooks = hookspecs.hook_names()
    problems: list[PluginProblem] = []
    marked = 0
    for attribute in dir(plugin):
        options = pm.parse_hookimpl_opts(plugin, attribute)
        if options is None:
            if _unmarked_hook(plugin, attribute, hooks):
                problems.append(
                    PluginProblem(
                        name,
                        f"{attribute} is named like a hook but not marked with @hookimpl, so docingest never calls "
                        "it: decorate it with @docingest.hookimpl",
                        hook=attribute,
                        severity="warning",
                    )
                )
            continue
        marked += 1
        hook = options.get("specname") or attribute
        try:
            function = getattr(plugin, attribute)
        except Exception as exc:
            problems.append(PluginProblem(name, f"{attribute} cannot be read: {exc}", hook=hook))
            continue
        problem = _implementation_problem(name, hook, function, options, hooks)
        if problem is not None:
            problems.append(problem)
    if marked == 0 and not problems:
        problems.append(
            PluginProblem(
                name, "implements no hook (is @hookimpl missing, or the module empty?)", severity="warning"
            )
        )
    return problems


def _implementation_problem(
    name: str, hook: str, function: Any, options: Any, hooks: tuple[str, ...]
) -> PluginProblem | None:
    if hook not in hooks:
        if options.get("optionalhook"):
            return None
        near = closest(hook, hooks)
        fix = f"did you mean {near}? Rename the function" if near else f"docingest's hooks are {', '.join(hooks)}"
        return PluginProblem(name, f"{hook} is not a docingest hook ({fix})", hook=hook)
    expected = hookspecs.signature_of(hook)
    if inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function):
        return PluginProblem(
            name,
            f"{hook} is async; docingest hooks are synchronous: {expected} (put async methods on the objects "
            "your hook returns, like Fetcher.afetch)",
            hook=hook,
        )
    if options.get("hookwrapper") or options.get("wrapper"):
        return PluginProblem(
            name, f"{hook} is a hook wrapper; docingest calls hooks one implementation at a time: {expected}", hook=hook
        )
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return None
    allowed = set(inspect.signature(getattr(hookspecs, hook)).parameters)
    wrong = [
        p.name
        for p in parameters
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.default is p.empty and p.name not in allowed
    ]
    if wrong:
        listed = ", ".join(repr(w) for w in wrong)
        return PluginProblem(
            name,
            f"{hook} takes {listed}, which the hook does not pass; its signature is `{expected}` "
            "(take any of its arguments, by these names)",
            hook=hook,
        )
    return None


def _unmarked_hook(plugin: object, attribute: str, hooks: tuple[str, ...]) -> bool:
    """A function or method named like a hook (or nearly: a typo) that carries no ``@hookimpl``."""
    if not attribute.startswith("docingest_"):
        return False
    if attribute not in hooks and closest(attribute, hooks, cutoff=0.85) is None:
        return False
    value = inspect.getattr_static(plugin, attribute, None)
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    return inspect.isfunction(value) and not hasattr(value, f"{hookspecs.PROJECT}_spec")


# ---------------------------------------------------------------------------------------------- shared
def get_plugin_manager(*, disable: str | Iterable[str] = ()) -> PluginManager:
    """The shared plugin manager (built on first call), or, when ``disable`` names plugins, a fresh one without
    them (they are never imported) that keeps the plugins registered by hand on the shared one."""
    global _default
    names = names_of(disable)
    if names:
        hand = _hand_registered(_default) if _default is not None else []
        return new_plugin_manager(disable=names, plugins=hand)
    with _lock:
        if _default is None:
            _default = new_plugin_manager()
        return _default


def generation() -> tuple[int, int]:
    """Changes whenever the shared plugin manager does (rebuilt after :func:`reset_plugin_manager`, a plugin
    registered or unregistered): what is built from it is keyed by this. Never builds the manager."""
    current = _default
    return _generation, current.changes if current is not None else -1


def reset_plugin_manager() -> None:
    """Forget the shared plugin manager, so that the next use rebuilds it (after installing a plugin)."""
    global _default, _generation
    with _lock:
        _default = None
        _generation += 1


def _hand_registered(pm: pluggy.PluginManager) -> list[tuple[str, object]]:
    installed = set(BUILTIN_PLUGINS) | set(getattr(pm, "installed", ()))
    return [(name, plugin) for name, plugin in pm.list_name_plugin() if plugin is not None and name not in installed]


def entry_point_names() -> set[str]:
    """The names of the installed ``docingest`` entry points (loaded or not)."""
    return {ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


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
    installed = set(BUILTIN_PLUGINS) | entry_point_names()
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


def describe_plugins(pm: pluggy.PluginManager, components: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """The plugins as JSON-ready dicts: ``name``, ``hooks``, ``builtin``, ``distribution``/``version`` when
    installed, ``components`` (when given), ``disabled`` for blocked installed plugins, ``error`` for a plugin
    that is not used (or not wholly) and ``warnings``."""
    dists: dict[str, tuple[str, str]] = {}
    for dist in metadata.distributions():
        for ep in dist.entry_points:
            if ep.group == ENTRY_POINT_GROUP:
                dists[ep.name] = (dist.metadata["Name"], dist.version)
    problems: dict[str, list[PluginProblem]] = {}
    for problem in getattr(pm, "problems", ()):
        problems.setdefault(problem.plugin, []).append(problem)
    entries: dict[str, dict[str, Any]] = {}
    for name, plugin in pm.list_name_plugin():
        entry: dict[str, Any] = {"name": name, "builtin": name in BUILTIN_PLUGINS}
        if plugin is None:
            if name not in dists and name not in BUILTIN_PLUGINS:
                continue  # a disable name that is no plugin (a component's, say)
            entry.update(hooks=[], disabled=True)
        else:
            entry["hooks"] = sorted(hc.name for hc in pm.get_hookcallers(plugin) or ())
        entries[name] = entry
    for name in problems:
        entries.setdefault(name, {"name": name, "hooks": [], "builtin": name in BUILTIN_PLUGINS})
    out = []
    for name in sorted(entries):
        entry = entries[name]
        if name in dists:
            entry["distribution"], entry["version"] = dists[name]
        if components is not None and name in components:
            entry["components"] = components[name]
        errors = [p.message for p in problems.get(name, ()) if p.severity == "error"]
        if errors:
            entry["error"] = "; ".join(errors)
        warned = [p.message for p in problems.get(name, ()) if p.severity == "warning"]
        if warned:
            entry["warnings"] = warned
        out.append(entry)
    return out


__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "ENV_DISABLE",
    "PluginManager",
    "PluginProblem",
    "describe_plugins",
    "disabled_from_env",
    "entry_point_names",
    "get_plugin_manager",
    "new_plugin_manager",
    "plugin_problems",
    "reset_plugin_manager",
]
