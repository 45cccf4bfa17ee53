"""Broken plugins, installed the way a user installs them: a distribution (``*.dist-info`` with
``entry_points.txt``) on a ``sys.path`` entry of a fresh Python process, beside a healthy installed plugin.

For each kind of breakage — a misspelled hook, a wrong signature, an import error (and ``sys.exit`` at import),
an ``async`` hook, a missing ``@hookimpl``, a component hook that raises or returns the wrong type, a component
without its attributes, and exceptions or wrong answers from first-result hooks, the metadata hook and
component methods — ``ingest_many`` over 10 inputs yields 10 records, the healthy plugin still runs, and
``docingest plugins`` reports the broken plugin and exits 1 without a traceback. Disabling the broken plugin
(``disable=``, ``--disable``, ``DOCINGEST_DISABLE_PLUGINS``) rescues everything, and it is never imported.

The installed environment (one folder per plugin, plain files) is made once per test session (per xdist
worker). Each case runs one fresh process: ``docingest plugins`` (the CLI's ``main``), then ``ingest_many``;
``python -m docingest plugins`` runs in a process of its own for four of them and for the disabled plugins.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

HEALTHY = '''
from docingest import hookimpl
from docingest.document import Metadata


class Marker:
    name = "test-healthy.marker"
    order = 900

    def classify(self, blocks, page):
        return []


@hookimpl
def docingest_extract_metadata(page):
    return Metadata(site_name="Healthy Site")


@hookimpl
def docingest_block_cleaners():
    return [Marker()]
'''


@dataclass(frozen=True)
class Case:
    """A broken plugin: its source, what happens to it, and the words its report must contain.

    ``effect``: ``skipped`` (not used at all), ``components`` (its components left out), ``text`` / ``html``
    (documents of that kind fail with ``plugin_error`` naming the plugin and ``hook``), ``warned`` (used; warned)."""

    source: str
    effect: str
    words: tuple[str, ...]
    hook: str | None = None


CASES: dict[str, Case] = {
    "misspelled": Case(
        """
        from docingest import hookimpl
        from docingest.document import Metadata

        @hookimpl
        def docingest_extract_metdata(page):
            return Metadata(title="never used")
        """,
        "skipped",
        ("docingest_extract_metdata is not a docingest hook", "did you mean docingest_extract_metadata"),
    ),
    "signature": Case(
        """
        from docingest import hookimpl

        @hookimpl
        def docingest_extract_body(page, options):
            return None
        """,
        "skipped",
        ("takes 'options'", "def docingest_extract_body(page: Page) -> Sequence[Candidate] | None"),
    ),
    "import-error": Case(
        """
        import docingest_no_such_dependency  # not installed
        """,
        "skipped",
        ("cannot be imported", "ModuleNotFoundError", "docingest_no_such_dependency"),
    ),
    "exit-at-import": Case(
        """
        import sys
        sys.exit("configuration file missing")
        """,
        "skipped",
        ("cannot be imported", "SystemExit", "configuration file missing"),
    ),
    "async": Case(
        """
        from docingest import hookimpl

        @hookimpl
        async def docingest_extract_body(page):
            return None
        """,
        "skipped",
        ("docingest_extract_body is async", "synchronous"),
    ),
    "no-hookimpl": Case(
        """
        from docingest.document import Metadata

        def docingest_extract_metadata(page):
            return Metadata(title="never used")
        """,
        "warned",
        ("docingest_extract_metadata is named like a hook but not marked with @hookimpl",),
    ),
    "component-hook-raises": Case(
        """
        from docingest import hookimpl

        @hookimpl
        def docingest_block_cleaners():
            raise RuntimeError("no configuration for the cleaner")
        """,
        "components",
        ("docingest_block_cleaners raised RuntimeError", "no configuration for the cleaner",
         "BlockCleaners are not used"),
    ),
    "one-not-a-list": Case(
        """
        from docingest import hookimpl

        class Sponsored:
            name = "test-one-not-a-list.sponsored"
            order = 150

            def classify(self, blocks, page):
                return []

        @hookimpl
        def docingest_block_cleaners():
            return Sponsored()
        """,
        "components",
        ("returned a Sponsored, not a list of BlockCleaner", "return [Sponsored(...)]"),
    ),
    "component-lacks-order": Case(
        """
        from docingest import hookimpl

        class Ticker:
            name = "test-component-lacks-order.ticker"

            def clean(self, page):
                pass

        @hookimpl
        def docingest_tree_cleaners():
            return [Ticker()]
        """,
        "components",
        ("item 0 (a Ticker) is not a TreeCleaner", "it has no 'order'"),
    ),
    "load-raises": Case(
        """
        from docingest import hookimpl

        INDEX = {}

        @hookimpl
        def docingest_load(source, options):
            if source.endswith(".txt"):
                return INDEX[source]  # KeyError: the index was never filled
            return None
        """,
        "text",
        ("KeyError", "docingest_load"),
        hook="docingest_load",
    ),
    "body-raises": Case(
        """
        from docingest import hookimpl

        @hookimpl
        def docingest_extract_body(page):
            page.tree.css("div.story-body")  # AttributeError on text pages: they have no tree
            return None
        """,
        "text",
        ("AttributeError", "docingest_extract_body", "(at docingest_test_body_raises.py:5)"),
        hook="docingest_extract_body",
    ),
    "body-wrong-answer": Case(
        """
        from docingest import hookimpl

        @hookimpl
        def docingest_extract_body(page):
            return page.text if page.kind == "text" else None
        """,
        "text",
        ("docingest_extract_body: it returned str", "expected a list of Candidate"),
        hook="docingest_extract_body",
    ),
    "metadata-raises": Case(
        """
        from docingest import hookimpl
        from docingest.document import Metadata

        @hookimpl
        def docingest_extract_metadata(page):
            title = page.tree.css_first("title")  # AttributeError on text pages
            return Metadata(description=title.text() if title else None)
        """,
        "text",
        ("AttributeError", "docingest_extract_metadata"),
        hook="docingest_extract_metadata",
    ),
    "block-cleaner-raises": Case(
        """
        from docingest import hookimpl

        class Sponsored:
            name = "test-block-cleaner-raises.sponsored"
            order = 150

            def classify(self, blocks, page):
                marker = page.tree.css_first("div.sponsored")  # AttributeError on text pages
                return []

        @hookimpl
        def docingest_block_cleaners():
            return [Sponsored()]
        """,
        "text",
        ("AttributeError", "test-block-cleaner-raises.sponsored.classify", "docingest_block_cleaners"),
        hook="docingest_block_cleaners",
    ),
    "tree-cleaner-raises": Case(
        """
        from docingest import hookimpl

        class Ticker:
            name = "test-tree-cleaner-raises.ticker"
            order = 150

            def clean(self, page):
                for node in page.tree.css("div.ticker"):
                    node.decompose()
                raise ValueError("ticker layout changed")

        @hookimpl
        def docingest_tree_cleaners():
            return [Ticker()]
        """,
        "html",
        ("ValueError", "ticker layout changed", "test-tree-cleaner-raises.ticker.clean"),
        hook="docingest_tree_cleaners",
    ),
}


def _module(name: str) -> str:
    return "docingest_test_" + name.replace("-", "_")


def _install(folder: Path, name: str, source: str) -> None:
    """A distribution as pip leaves it in site-packages: the module and its ``.dist-info``."""
    folder.mkdir(parents=True)
    module = _module(name)
    (folder / f"{module}.py").write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    info = folder / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[docingest]\ntest-{name} = {module}\n")


DRIVER = '''
import contextlib, io, json, sys
import docingest
from docingest.cli import main
from docingest.plugins import reset_plugin_manager

sources, disable, check = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3] == "check"
listed = None
if check:  # `docingest plugins` first, as a user diagnosing the environment runs it (a traceback ends this process)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["plugins"])
    listed = {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}
    reset_plugin_manager()
options = {"disable": disable} if disable else {}
records = []
for record in docingest.ingest_many(sources, **options):
    if isinstance(record, docingest.Article):
        records.append({"type": "article", "source": record.provenance.source, "site_name": record.site_name,
                        "title": record.title, "plugins": list(record.provenance.plugins)})
    else:
        records.append({"type": "failure", **json.loads(record.model_dump_json())})
loaded = sorted(m for m in sys.modules if m.startswith("docingest_test_"))
print(json.dumps({"plugins": listed, "records": records, "modules": loaded}))
'''


@dataclass(frozen=True)
class Site:
    root: Path
    inputs: list[str]

    def env(self, case: str | None, **extra: str) -> dict[str, str]:
        folders = [self.root / "healthy"] + ([self.root / "cases" / case] if case else [])
        env = {k: v for k, v in os.environ.items() if k not in ("DOCINGEST_DISABLE_PLUGINS", "PYTHONPATH")}
        env["PYTHONPATH"] = os.pathsep.join(str(f) for f in folders)
        return {**env, **extra}

    def ingest(self, case: str | None, disable: list[str] | None = None, *, check: bool = False) -> tuple[
        dict[str, Any], str
    ]:
        """``ingest_many`` over the inputs in a fresh process (after ``docingest plugins`` in it, with ``check``):
        what it gave, and its stderr."""
        args = [json.dumps(self.inputs), json.dumps(disable or []), "check" if check else "-"]
        done = subprocess.run(
            [sys.executable, str(self.root / "driver.py"), *args],
            capture_output=True, text=True, timeout=120, env=self.env(case), check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout), done.stderr

    def cli(self, case: str | None, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "docingest", *args],
            capture_output=True, text=True, timeout=120, env=self.env(case, **env), check=False,
        )

    def plugins(self, case: str | None, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return self.cli(case, "plugins", *args, **env)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("installed-plugins")
    _install(root / "healthy", "healthy", HEALTHY)
    for name, case in CASES.items():
        _install(root / "cases" / name, name, case.source)
    (root / "driver.py").write_text(DRIVER, encoding="utf-8")
    docs = root / "docs"
    docs.mkdir()
    inputs = []
    for i in range(5):
        page = docs / f"story{i}.html"
        page.write_text(
            f"<html><head><title>Story {i}</title></head><body><nav>Home News</nav><article><h1>Story {i}</h1>"
            f"<p>The ferry number {i} leaves the harbour at dawn every day of the week, the port authority said on "
            "Monday.</p></article></body></html>",
            encoding="utf-8",
        )
        text = docs / f"note{i}.txt"
        text.write_text(f"Note {i}\n\nThe tram line {i} opens in spring, the city council said.\n", encoding="utf-8")
        inputs += [str(page), str(text)]
    yield Site(root, inputs)


def _healthy(record: dict[str, Any]) -> bool:
    return (
        record["type"] == "article"
        and record["site_name"] == "Healthy Site"
        and {"test-healthy", "test-healthy.marker"} <= set(record["plugins"])
    )


def test_the_healthy_plugin_alone(site: Site) -> None:
    out, _ = site.ingest(None)
    assert len(out["records"]) == 10 and all(_healthy(r) for r in out["records"])
    listed = site.plugins(None)
    assert listed.returncode == 0, listed.stderr
    entries = {e["name"]: e for e in json.loads(listed.stdout)}
    assert entries["test-healthy"]["components"] == ["test-healthy.marker"]
    assert entries["test-healthy"]["distribution"] == "docingest-test-healthy"


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_plugin_never_takes_docingest_down(site: Site, name: str) -> None:
    case = CASES[name]
    plugin = f"test-{name}"
    out, stderr = site.ingest(name, check=True)
    records = out["records"]
    assert len(records) == 10
    failing = {"text": ".txt", "html": ".html"}.get(case.effect)
    for source, record in zip(site.inputs, records, strict=True):
        if failing is not None and source.endswith(failing):
            assert record["type"] == "failure" and record["kind"] == "plugin_error", record
            assert record["source"] == source and record["plugin"] == plugin
            assert ["hook", case.hook] in record["details"]
            assert all(word in record["message"] for word in case.words), record["message"]
            assert f"disable=['{plugin}']" in record["message"]
        else:
            assert _healthy(record), record
            if case.effect in ("skipped", "components"):
                assert not any(p.startswith(plugin) for p in record["plugins"]), record
    if case.effect in ("skipped", "components", "warned"):
        assert plugin in stderr and "PluginWarning" in stderr  # warned once, naming the plugin
    assert "Traceback" not in stderr

    listed = out["plugins"]  # `docingest plugins`, run first in the same fresh process
    assert listed["code"] == 1, listed["stderr"]
    assert "Traceback" not in listed["stderr"] and "Traceback" not in listed["stdout"]
    entries = {e["name"]: e for e in json.loads(listed["stdout"])}
    assert "error" not in entries["test-healthy"] and "warnings" not in entries["test-healthy"]
    report = entries[plugin].get("error" if case.effect != "warned" else "warnings")
    assert report, entries[plugin]
    assert all(word in str(report) for word in case.words), report
    assert f"docingest: {'warning' if case.effect == 'warned' else 'error'}: plugin '{plugin}'" in listed["stderr"]


@pytest.mark.parametrize("name", ["import-error", "misspelled", "component-hook-raises", "tree-cleaner-raises"])
def test_the_command_itself_reports_a_broken_plugin_without_a_traceback(site: Site, name: str) -> None:
    listed = site.plugins(name)  # python -m docingest plugins, its own process
    assert listed.returncode == 1
    assert "Traceback" not in listed.stderr and f"docingest: error: plugin 'test-{name}'" in listed.stderr
    assert "error" in {e["name"]: e for e in json.loads(listed.stdout)}[f"test-{name}"]


@pytest.mark.parametrize("name", ["import-error", "tree-cleaner-raises"])
def test_disabling_a_broken_plugin_rescues_everything_and_it_is_never_imported(site: Site, name: str) -> None:
    plugin = f"test-{name}"
    out, stderr = site.ingest(name, disable=[plugin])
    assert len(out["records"]) == 10 and all(_healthy(r) for r in out["records"])
    assert out["modules"] == ["docingest_test_healthy"]
    assert plugin not in stderr
    ingested = site.cli(name, "ingest", *site.inputs, "--disable", plugin)
    assert ingested.returncode == 0 and ingested.stderr == ""
    assert [json.loads(line)["site_name"] for line in ingested.stdout.splitlines()] == ["Healthy Site"] * 10
    for listed in (site.plugins(name, "--disable", plugin), site.plugins(name, DOCINGEST_DISABLE_PLUGINS=plugin)):
        assert listed.returncode == 0, listed.stderr
        entries = {e["name"]: e for e in json.loads(listed.stdout)}
        assert entries[plugin] == {"name": plugin, "builtin": False, "hooks": [], "disabled": True,
                                   "distribution": f"docingest-test-{name}", "version": "0.1"}
