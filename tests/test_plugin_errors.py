"""Every mistake a plugin author or a caller makes gives a docingest error type whose message names the fix."""

from __future__ import annotations

import socket
import warnings
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

import pytest

import docingest
from docingest import IngestError, OptionError, PluginError, PluginWarning, hookimpl
from docingest.cli import main
from docingest.document import Candidate, Page, Verdict
from docingest.plugins import new_plugin_manager

PAGE = (
    "<html><head><title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1>"
    "<p>The council approved the harbour plan on Tuesday after a long debate about its cost.</p>"
    "<p>Island briefs: the second ferry also returns to service on Monday morning.</p></article></body></html>"
)


# ------------------------------------------------------------------------------------------------ options
@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"timeout": 5}, ["unknown option 'timeout'", "fetch setting", "fetch=FetchSettings(timeout=…)",
                          "Valid options: claims, clean, disable, extract, fetch"]),
        ({"claim": False}, ["unknown option 'claim'", "did you mean 'claims'?"]),
        ({"fetch": {"timout": 5}}, ["unknown fetch setting 'timout'", "did you mean 'timeout'?",
                                    "Valid fetch settings: allow_private"]),
        ({"fetch": {"claims": False}}, ["unknown fetch setting 'claims'", "pass claims=… beside fetch=…"]),
        ({"workers": 2}, ["unknown option 'workers'", "a keyword of ingest_many()"]),
        ({"min_text_length": -1}, ["option min_text_length", "greater than or equal to 0"]),
        ({"disable": [3]}, ["disable takes plugin names (strings)"]),
    ],
)
def test_a_bad_option_says_what_is_valid(options: dict[str, Any], words: list[str]) -> None:
    with pytest.raises(OptionError) as info:
        docingest.ingest_html(PAGE, **options)
    assert isinstance(info.value, ValueError)  # what pydantic raised before, still catchable as such
    for word in words:
        assert word in str(info.value)
    with pytest.raises(OptionError, match=words[0].replace("(", r"\(").replace(")", r"\)")):
        docingest.Pipeline(**options)


def test_fetch_settings_themselves_say_where_a_key_belongs() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=r"unknown fetch setting 'retry' \(did you mean 'retries'\?\)"):
        docingest.FetchSettings(retry=3)  # type: ignore[call-arg]


# ------------------------------------------------------------------------------------------------ disable
class _Sponsored:
    name = "myplugin.sponsored"
    order = 150

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        return [Verdict(i, "sponsored") for i, b in enumerate(blocks) if b.text.startswith("Island briefs")]


class _Shout:
    name = "myplugin.shout"
    order = 160

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        return []


@hookimpl
def docingest_block_cleaners() -> list[object]:
    return [_Sponsored(), _Shout()]


MYPLUGIN = SimpleNamespace(docingest_block_cleaners=docingest_block_cleaners)


def _one_cleaner() -> _Sponsored:
    return _Sponsored()  # one component, not a list of them


def test_a_component_name_disables_that_component_only() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[("myplugin", MYPLUGIN)])
    article = docingest.Pipeline(plugin_manager=pm, claims=False).ingest_html(PAGE)
    assert {"myplugin.sponsored", "myplugin.shout"} <= set(article.provenance.plugins)
    assert "Island briefs" not in article.text
    quiet = docingest.Pipeline(plugin_manager=pm, claims=False, disable="myplugin.sponsored").ingest_html(PAGE)
    assert "myplugin.sponsored" not in quiet.provenance.plugins and "myplugin.shout" in quiet.provenance.plugins
    assert "Island briefs: the second ferry" in quiet.text
    assert pm.has_plugin("myplugin")  # the manager is not changed by a pipeline's disable
    off = docingest.Pipeline(plugin_manager=pm, claims=False, disable=["myplugin"]).ingest_html(PAGE)
    assert not any(p.startswith("myplugin") for p in off.provenance.plugins)


def test_a_bare_string_is_one_name() -> None:
    as_string = docingest.ingest_html(PAGE, disable="docingest.quotes")
    as_list = docingest.ingest_html(PAGE, disable=["docingest.quotes"])
    assert "docingest.quotes" not in as_string.provenance.plugins
    assert as_string.provenance.plugins == as_list.provenance.plugins and as_string.claims == as_list.claims
    assert docingest.Options(disable="docingest.quotes").disable == ("docingest.quotes",)
    assert not new_plugin_manager(disable="docingest.promo", entry_points=False).has_plugin("docingest.promo")


def test_an_unknown_disable_name_lists_the_known_ones() -> None:
    with pytest.raises(OptionError) as info:
        docingest.ingest_html(PAGE, disable=["docingest.prom"])
    message = str(info.value)
    assert "disable names 'docingest.prom' (did you mean 'docingest.promo'?)" in message
    assert "which no plugin or component has" in message
    assert "Plugins: docingest.body, docingest.chrome" in message and "docingest.promo" in message
    pm = new_plugin_manager(entry_points=False, plugins=[("myplugin", MYPLUGIN)])
    with pytest.raises(OptionError, match=r"Components: .*myplugin\.shout, myplugin\.sponsored"):
        docingest.Pipeline(plugin_manager=pm, disable=["myplugin.sponsord"])
    # a component of a plugin that is disabled too is not unknown
    docingest.Pipeline(plugin_manager=pm, disable=["myplugin", "myplugin.sponsored"])


def test_unknown_names_in_the_environment_are_warned_about(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCINGEST_DISABLE_PLUGINS", "docingest.quotes, nosuchplugin")
    with pytest.warns(PluginWarning, match=r"DOCINGEST_DISABLE_PLUGINS names 'nosuchplugin'"):
        pipeline = docingest.Pipeline(plugin_manager=new_plugin_manager(entry_points=False))
    assert "docingest.quotes" in pipeline.disabled
    assert "docingest.quotes" not in pipeline.ingest_html(PAGE).provenance.plugins


def test_cli_disable_unknown_name_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["ingest", "x.html", "--disable", "nosuchplugin"]) == 2
    err = capsys.readouterr().err
    assert "docingest: error: disable names 'nosuchplugin'" in err and "Plugins: docingest.body" in err
    assert main(["plugins", "--disable", "docingest.promo,nosuchplugin"]) == 2
    assert "'nosuchplugin'" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ plugins
def test_a_wrong_signature_shows_the_hook_signature() -> None:
    @hookimpl
    def docingest_load(path: str, options: object) -> None:
        return None

    with pytest.raises(PluginError) as info:
        new_plugin_manager(entry_points=False, plugins=[("acme", SimpleNamespace(docingest_load=docingest_load))])
    assert info.value.plugin == "acme" and info.value.hook == "docingest_load"
    assert "docingest_load takes 'path', which the hook does not pass" in str(info.value)
    assert "`def docingest_load(source: str, options: Options) -> RawDocument | None`" in str(info.value)


def test_a_hook_taking_fewer_arguments_is_fine() -> None:
    @hookimpl
    def docingest_load(source: str) -> None:
        return None

    new_plugin_manager(entry_points=False, plugins=[("acme", SimpleNamespace(docingest_load=docingest_load))])


def test_a_misspelled_hook_suggests_the_right_name() -> None:
    @hookimpl
    def docingest_block_cleaner() -> list[object]:
        return []

    with pytest.raises(PluginError, match="docingest_block_cleaner is not a docingest hook"
                                          r" \(did you mean docingest_block_cleaners\? Rename the function\)"):
        new_plugin_manager(plugins=[("acme", SimpleNamespace(docingest_block_cleaner=docingest_block_cleaner))])


def test_a_missing_hookimpl_is_warned_about() -> None:
    def docingest_extract_metadata(page: Page) -> None:
        return None

    with pytest.warns(PluginWarning, match="docingest_extract_metadata is named like a hook but not marked"):
        plugin = SimpleNamespace(docingest_extract_metadata=docingest_extract_metadata)
        pm = new_plugin_manager(entry_points=False, plugins=[("acme", plugin)])
    assert [p.severity for p in pm.problems] == ["warning"]


@pytest.mark.parametrize(
    ("returns", "words"),
    [
        (_one_cleaner, ["docingest_block_cleaners returned a _Sponsored, not a list of BlockCleaner",
                      "return [_Sponsored(...)]"]),
        (lambda: [object()], ["item 0 (a object) is not a BlockCleaner", "it has no 'name'", "no classify() method"]),
        (lambda: "myplugin.sponsored", ["returned str 'myplugin.sponsored', not a list of BlockCleaner"]),
        (lambda: 1 / 0, ["docingest_block_cleaners raised ZeroDivisionError: division by zero",
                         "(at test_plugin_errors.py:"]),
    ],
)
def test_a_component_hook_of_a_hand_registered_plugin_fails_at_construction(returns: object, words: list[str]) -> None:
    plugin = SimpleNamespace(docingest_block_cleaners=hookimpl(returns))  # type: ignore[call-overload]
    pm = new_plugin_manager(entry_points=False, plugins=[("acme", plugin)])
    with pytest.raises(PluginError) as info:
        docingest.Pipeline(plugin_manager=pm)
    assert not isinstance(info.value, RuntimeError)
    assert info.value.plugin == "acme" and info.value.hook == "docingest_block_cleaners"
    for word in words:
        assert word in str(info.value)


def test_an_installed_plugin_with_the_same_name_is_registered_once() -> None:
    pm = new_plugin_manager(entry_points=False, plugins=[("acme", MYPLUGIN)])
    pm.installed.add("acme")  # as if the entry point had registered it
    again = new_plugin_manager(entry_points=False, plugins=[("acme", MYPLUGIN), ("acme", MYPLUGIN)])
    assert again.get_plugin("acme") is MYPLUGIN
    renamed = new_plugin_manager(entry_points=False, plugins=[("acme", MYPLUGIN), ("acme-dev", MYPLUGIN)])
    assert renamed.get_plugin("acme-dev") is MYPLUGIN and not renamed.has_plugin("acme")


# ------------------------------------------------------------------------------------------------ sources
def test_a_url_without_its_scheme_is_suggested() -> None:
    with pytest.raises(IngestError) as info:
        docingest.ingest("example.org/news")
    assert info.value.kind == "invalid"
    assert "no such file" in info.value.failure.message and "https://example.org/news" in info.value.failure.message
    with pytest.raises(IngestError, match=r"did you mean 'https://example.org/news'\?"):
        docingest.ingest_html(PAGE, url="example.org/news")
    with pytest.raises(IngestError, match=r"unsupported scheme 'htps' \(did you mean https://\?\)"):
        docingest.ingest("htps://example.org/news")
    with pytest.raises(IngestError) as info:
        docingest.ingest("saved/page.html")
    assert info.value.failure.message == "no such file"  # a path, not a URL: no suggestion


@pytest.mark.network
def test_an_unreachable_host_is_reported_as_such() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news/story"
    for robots in (True, False):
        settings = docingest.FetchSettings(retries=0, allow_private=("127.0.0.1",), respect_robots=robots)
        for record in (docingest.Pipeline(fetch=settings).run(url), *docingest.ingest_many([url], fetch=settings)):
            assert isinstance(record, docingest.Failure)
            assert record.kind == "fetch_error" and record.url == url
            assert record.message.startswith(f"host 127.0.0.1:{port} is unreachable")


def test_plugin_warnings_are_lines_on_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCINGEST_DISABLE_PLUGINS", "nosuchplugin")
    from docingest.plugins import reset_plugin_manager

    reset_plugin_manager()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            assert main(["plugins", "--disable", "docingest.promo"]) == 0
    finally:
        reset_plugin_manager()
    err = capsys.readouterr().err
    assert "docingest: warning: DOCINGEST_DISABLE_PLUGINS names 'nosuchplugin'" in err
    assert "PluginWarning" not in err and "Traceback" not in err
