"""Every code block of docs/plugins.md, docs/quickstart.md and docs/testing.md runs, in a fresh process, as a
reader would run it.

* ``python`` blocks run in order in one fresh interpreter per page (a page reads like a notebook: later blocks
  use what earlier ones made). A block whose first line is ``# name.py`` is a module the page asks you to
  write: it is written to the working folder, where the other blocks import it. A hook's signature in the
  reference (one ``def`` line; its equality with the hookspec is tests/test_docs_hooks.py's business) runs
  as a stub definition.
* docs/testing.md's blocks are test modules: they run under pytest in a fresh process, with docingest's pytest
  plugin loaded from its entry point as in any downstream suite.
* docs/plugins.md's ``toml`` entry point is installed (a ``*.dist-info`` on the path, as pip leaves it) and the
  page runs a second time: its examples must hold with the plugin installed too, and ``docingest plugins``
  must list it.
* Output shown in plain blocks (an error a check prints, a line ``docingest plugins`` writes) is compared with
  what the code really says.

docs/quickstart.md fetches from ``https://example.org``: its process serves those URLs from a mock router (a
fetcher plugin registered on the shared plugin manager; no network) and has the files it opens. Nothing else
is set up for any page.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
_FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.DOTALL | re.MULTILINE)
_SIGNATURE = re.compile(r"def docingest_\w+\(.*\) -> .*\n")



def blocks(page: str, language: str) -> list[str]:
    """The fenced blocks of ``docs/<page>`` in ``language`` ("" for plain ones), dedented."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return [textwrap.dedent(body) for _, lang, body in _FENCE.findall(text) if lang == language]


def _module_name(block: str) -> str | None:
    match = re.match(r"# (\w+)\.py\n", block)
    return match.group(1) if match else None


def _notebook(page: str, prelude: str = "") -> str:
    """A script that runs the page's code blocks in order, each compiled under its own name (for tracebacks)."""
    lines = ["import sys", prelude, "_namespace = {'__name__': '__main__'}"]
    for i, block in enumerate(blocks(page, "python")):
        code = f"from __future__ import annotations\n{block.rstrip()}: ...\n" if _SIGNATURE.fullmatch(block) else block
        if _module_name(code) is None:
            lines.append(f"exec(compile({code!r}, 'docs/{page} block {i}', 'exec'), _namespace)")
    return "\n".join(lines) + "\n"


def _write_modules(page: str, folder: Path) -> list[str]:
    names = []
    for block in blocks(page, "python"):
        name = _module_name(block)
        if name is not None:
            (folder / f"{name}.py").write_text(block, encoding="utf-8")
            names.append(name)
    return names


def _run(args: list[str], folder: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DOCINGEST_DISABLE_PLUGINS", "PYTHONPATH")}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (folder, *paths))
    return subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False)


def _passed(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.stderr == "", done.stderr  # no warning, no traceback


# ---------------------------------------------------------------------------------------------- plugins.md
def _install_entry_point(site: Path) -> str:
    """Install the page's ``[project.entry-points.docingest]`` as a distribution; returns the plugin's name."""
    (toml,) = [b for b in blocks("plugins.md", "toml") if "[project.entry-points.docingest]" in b]
    name, module = (part.strip().strip('"') for part in toml.split("\n", 1)[1].strip().split("=", 1))
    info = site / "acme_cleaner-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-cleaner\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[docingest]\n{name} = {module}\n", encoding="utf-8")
    return name


def test_plugins_page_runs_before_and_after_the_plugin_is_installed(tmp_path: Path) -> None:
    assert _write_modules("plugins.md", tmp_path) == ["acme_cleaner", "acme_dates"]
    (tmp_path / "run.py").write_text(_notebook("plugins.md"), encoding="utf-8")
    _passed(_run([sys.executable, "run.py"], tmp_path))

    site = tmp_path / "site"
    name = _install_entry_point(site)
    _passed(_run([sys.executable, "run.py"], tmp_path, site))  # the "five minutes" example, now installed too
    listed = _run([sys.executable, "-m", "docingest", "plugins"], tmp_path, site)
    _passed(listed)
    entry = {e["name"]: e for e in json.loads(listed.stdout)}[name]
    assert entry["hooks"] == ["docingest_tree_cleaners"] and entry["components"] == ["acme.ticker"]
    assert entry["distribution"] == "acme-cleaner"


def test_plugins_page_shows_what_docingest_plugins_really_says() -> None:
    from types import SimpleNamespace

    from docingest import hookimpl
    from docingest.plugins import PluginProblem, new_plugin_manager, plugin_problems

    (shown,) = [b for b in blocks("plugins.md", "") if b.startswith("docingest: error: plugin 'acme'")]

    @hookimpl
    def docingest_extract_metdata(page: object) -> None:
        return None

    problems = plugin_problems(new_plugin_manager(entry_points=False), SimpleNamespace(
        docingest_extract_metdata=docingest_extract_metdata), "acme")
    said = PluginProblem("acme", f"{problems[0].message}; it is skipped").sentence().removeprefix("docingest ")
    assert " ".join(shown.split()) == "docingest: error: " + said


# ---------------------------------------------------------------------------------------------- quickstart.md
QUICKSTART_PRELUDE = '''
import gzip, os
import docingest
from docingest.testing import MockHttp

PAGE = """<!doctype html><html lang="en"><head><title>Harbour plan approved | The Test Gazette</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour plan approved</h1>
<p>The council approved the harbour plan on Tuesday after a long debate about its cost and its timetable.</p>
<p>"We will start building in spring," said Mayor Lena Ortiz, who has backed the plan since her election.</p>
</article></body></html>"""
_web = MockHttp()  # https://example.org as the examples expect it; other URLs answer 404
_web.add("https://example.org/news/harbour-plan", PAGE, content_type="text/html; charset=utf-8")
docingest.get_plugin_manager().register(_web.plugin(), name="docs-example-web")
for folder in ("saved", "notes", "crawl"):
    os.makedirs(folder, exist_ok=True)
with open("saved/page.html", "w", encoding="utf-8") as fh:
    fh.write(PAGE)
with open("crawl/page.html.gz", "wb") as fh:
    fh.write(gzip.compress(PAGE.encode("utf-8")))
with open("notes/story.txt", "w", encoding="utf-8") as fh:
    fh.write("Harbour plan approved\\n\\nThe council approved the harbour plan on Tuesday.\\n")
'''


def test_quickstart_page_runs(tmp_path: Path) -> None:
    assert not [b for b in blocks("quickstart.md", "python") if _module_name(b)]
    (tmp_path / "run.py").write_text(_notebook("quickstart.md", QUICKSTART_PRELUDE), encoding="utf-8")
    done = _run([sys.executable, "run.py"], tmp_path)
    _passed(done)
    assert "http_status HTTP 404" in done.stdout  # the errors example prints what it promises
    assert "unknown option 'timeout' (it is a fetch setting: pass fetch=FetchSettings(timeout=…))" in done.stdout


# ---------------------------------------------------------------------------------------------- testing.md
def test_testing_page_runs_under_pytest(tmp_path: Path) -> None:
    code = blocks("testing.md", "python")
    tests = [name for block in code for name in re.findall(r"^def (test_\w+)", block, re.MULTILINE)]
    assert len(tests) >= 8
    (tmp_path / "test_docs_testing_page.py").write_text("\n\n".join(code), encoding="utf-8")
    done = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(tests)} passed" in done.stdout, done.stdout


def test_testing_page_shows_what_a_failing_check_really_says() -> None:
    """The page shows the message of the ad-slot check had the cleaner not recorded its removals."""
    (shown,) = [b for b in blocks("testing.md", "") if b.startswith("AssertionError:")]
    (cleaner,) = [b for b in blocks("testing.md", "python") if "class AdSlotCleaner" in b]
    careless = "\n".join(line for line in cleaner.split("\n") if "page.removed.append" not in line)
    namespace: dict[str, object] = {"__name__": "docs_testing_careless"}
    exec(compile(careless, "docs/testing.md (without the Removal)", "exec"), namespace)
    with pytest.raises(AssertionError) as info:
        namespace["test_ad_slot_cleaner_conforms"]()  # type: ignore[operator]
    assert f"AssertionError: {info.value}".startswith(shown.strip()), (str(info.value), shown)


def test_every_page_has_runnable_blocks_and_no_unknown_language() -> None:
    for page in ("plugins.md", "quickstart.md", "testing.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        languages = {lang for _, lang, _ in _FENCE.findall(text)}
        assert languages <= {"python", "toml", ""}, (page, languages)  # no block the tests would skip
        assert blocks(page, "python"), page
