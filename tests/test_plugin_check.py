"""``docingest.testing.check_plugin`` catches each kind of broken plugin, and passes a sound one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import SimpleNamespace
from typing import IO

import pytest

from docingest import hookimpl
from docingest.document import Candidate, Metadata, Page, RecordSink, Verdict
from docingest.models import Removal
from docingest.testing import check_plugin


class _Ticker:
    name = "acme.ticker"
    order = 150

    def __init__(self, records: bool = True) -> None:
        self.records = records

    def clean(self, page: Page) -> None:
        if page.tree is None:
            return
        for node in page.tree.css("div.ticker"):
            if self.records:
                page.removed.append(Removal(cleaner=self.name, reason="ticker", text=node.text(separator=" ")))
            node.decompose()


class _Careless:
    name = "acme.careless"
    order = 150

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        assert page.tree is not None  # a text page has no tree: this plugin breaks on every text
        return []


class _Reader:
    name = "acme.lines"

    def accepts(self, path: str) -> bool:
        raise ValueError("no index")

    def read(self, path: str) -> Iterator[str]:
        yield path


class _Writer:
    name = "acme.csv"
    suffixes = (".csv",)

    def open(self, stream: IO[str]) -> RecordSink:
        raise TypeError("rows, not records")


def _plugin(**hooks: object) -> SimpleNamespace:
    return SimpleNamespace(**{name: hookimpl(value) for name, value in hooks.items()})  # type: ignore[call-overload]


def _one_ticker() -> _Ticker:
    return _Ticker()  # one component, not a list of them


TICKER_PAGE = '<div class="ticker">ACME +2%</div><article><h1>T</h1><p>The story itself, told.</p></article>'


def test_a_sound_plugin_passes() -> None:
    plugin = _plugin(docingest_tree_cleaners=lambda: [_Ticker()])
    check_plugin(plugin, "acme", pages=[TICKER_PAGE], max_examples=5)


@pytest.mark.parametrize(
    ("plugin", "words"),
    [
        (_plugin(docingest_tree_cleaner=lambda: [_Ticker()]),
         ["docingest_tree_cleaner is not a docingest hook", "did you mean docingest_tree_cleaners"]),
        (SimpleNamespace(docingest_tree_cleaners=lambda: [_Ticker()]),
         ["docingest_tree_cleaners is named like a hook but not marked with @hookimpl"]),
        (_plugin(docingest_extract_metadata=lambda page, options: Metadata()),
         ["takes 'options'", "def docingest_extract_metadata(page: Page) -> Metadata | None"]),
        (_plugin(docingest_tree_cleaners=_one_ticker), ["returned a _Ticker, not a list of TreeCleaner"]),
        (_plugin(docingest_block_cleaners=lambda: [_Careless()]),
         ["on a sample txt document", "acme.careless.classify", "AssertionError"]),
        (_plugin(docingest_tree_cleaners=lambda: [_Ticker(records=False)]),
         ["tree cleaner 'acme.ticker': removed words without recording them in page.removed"]),
        (_plugin(docingest_fetcher=lambda settings: settings.proxy),
         ["cannot make a fetcher: it failed in docingest_fetcher: AttributeError", "'proxy'"]),
        (_plugin(docingest_input_readers=lambda: [_Reader()]),
         ["input reader acme.lines raises in accepts(): ValueError: no index"]),
        (_plugin(docingest_output_writers=lambda: [_Writer()]),
         ["output writer acme.csv fails to write an article: TypeError: rows, not records"]),
    ],
)
def test_a_broken_plugin_fails_the_check_saying_why(plugin: object, words: list[str]) -> None:
    with pytest.raises(AssertionError) as info:
        check_plugin(plugin, "acme", pages=[TICKER_PAGE], max_examples=5)
    for word in words:
        assert word in str(info.value)


def test_an_installed_plugin_needs_its_entry_point() -> None:
    plugin = _plugin(docingest_tree_cleaners=lambda: [_Ticker()])
    with pytest.raises(AssertionError, match=r"no 'docingest' entry point named 'acme' is installed"):
        check_plugin(plugin, "acme", installed=True)
    with pytest.raises(AssertionError, match=r"its entry point \(docingest_markdown\) loads .*, not this plugin"):
        check_plugin(plugin, "markdown", installed=True)


def test_a_failure_on_a_given_document_is_reported_with_it() -> None:
    def docingest_extract_metadata(page: Page) -> Metadata | None:
        if "boom" in page.text:
            raise KeyError("boom")
        return None

    with pytest.raises(AssertionError, match=r"(?s)KeyError: 'boom'.*input: '<p>boom</p>'"):
        check_plugin(_plugin(docingest_extract_metadata=docingest_extract_metadata), "acme", pages=["<p>boom</p>"])
