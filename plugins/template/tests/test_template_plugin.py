"""Tests of the example plugin: docingest's conformance checks, and the plugin at work in a pipeline."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from docingest.document import Candidate
from docingest.testing import check_block_cleaner, check_plugin, check_tree_cleaner, make_pipeline, news_page


def _plugin() -> tuple[ModuleType, bool]:
    # Installed (pip install -e .) the package imports as is; inside a docingest checkout, where the template is
    # not installed, it is imported from ../src. In your copy, `import docingest_example` is enough (and
    # `installed=True` below).
    try:
        return importlib.import_module("docingest_example"), True
    except ImportError:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        return importlib.import_module("docingest_example"), False


plugin, INSTALLED = _plugin()

BANNER_PAGE = (
    '<html><body><div class="cookie-consent">We use cookies. <button>Accept</button></div>'
    "<article><h1>Title</h1><p>Listen to this article</p><p>The story itself.</p></article></body></html>"
)


def test_the_plugin_loads_and_runs_as_docingest_loads_it() -> None:
    # Hook names and signatures, @hookimpl on every hook, the entry point (once installed), a run on sample
    # documents and on these pages without a plugin_error, and each component through its conformance check.
    check_plugin(plugin, "example", installed=INSTALLED, pages=[BANNER_PAGE], texts=["Title\n\nListen to this article"])


def test_tree_cleaner_conforms() -> None:
    check_tree_cleaner(plugin.CookieBannerCleaner(), [BANNER_PAGE, news_page().html], max_examples=20)


def test_block_cleaner_conforms() -> None:
    check_block_cleaner(
        plugin.ListenPromptCleaner(),
        [["Listen to this article", "The story.", "Audio: 4 minutes"], [Candidate(kind="heading", text="Listen")]],
        max_examples=20,
    )


def test_plugin_works_in_a_pipeline() -> None:
    # The built-in chrome cleaner knows cookie banners too: disable it to see this plugin at work.
    pipeline = make_pipeline(("example", plugin), disable=["docingest.chrome"])
    article = pipeline.ingest_html(BANNER_PAGE)
    assert "The story itself." in article.text
    assert "cookies" not in article.text and "Listen to this article" not in article.text
    reasons = {(r.cleaner, r.reason) for r in article.provenance.removed}
    assert ("example.cookie-banner", "cookie banner") in reasons
    assert ("example.listen-prompt", "audio player prompt") in reasons
