"""The conformance checks of docingest.testing pass the built-in components and catch broken ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from docingest.document import Candidate, ClaimContext, Page, RawDocument, Verdict
from docingest.errors import IngestError
from docingest.models import Claim, Removal, Span, claim_id
from docingest.stages import body, chrome, promo, quotes
from docingest.testing import (
    NASTY_HTML,
    MockHttp,
    check_block_cleaner,
    check_body_extractor,
    check_claim_extractor,
    check_fetcher,
    check_tree_cleaner,
    html_page,
    news_page,
)

FEW = 15
PAGES = [news_page().html, news_page(promos={1: "Subscribe to our newsletter."}, chrome=False).html]


# ------------------------------------------------------------------------------------------- built-ins pass
def test_builtin_tree_cleaner_conforms() -> None:
    check_tree_cleaner(chrome.ChromeCleaner(), PAGES, max_examples=FEW)


def test_builtin_block_cleaner_conforms() -> None:
    check_block_cleaner(promo.PromoCleaner(), [["Story.", "Subscribe to our newsletter for your briefing."]],
                        max_examples=FEW)


def test_builtin_body_extractor_conforms() -> None:
    check_body_extractor(body, PAGES, max_examples=FEW)


def test_builtin_claim_extractor_conforms() -> None:
    check_claim_extractor(quotes.QuoteExtractor(), ["“We will not back down,” said Ana Ruiz."], max_examples=FEW)


# ------------------------------------------------------------------------------------------- broken tree cleaners
class EatsOneParagraph:
    """Broken: removes the first paragraph on every run, so a second run removes another."""

    name = "eats-one"
    order = 500

    def clean(self, page: Page) -> None:
        assert page.tree is not None
        node = page.tree.css_first("p")
        if node is not None:
            page.removed.append(Removal(cleaner=self.name, reason="test", text=node.text()))
            node.decompose()


class SilentNavCleaner:
    """Broken: removes navigation without recording it."""

    name = "silent-nav"
    order = 500

    def clean(self, page: Page) -> None:
        assert page.tree is not None
        for node in page.tree.css("nav"):
            node.decompose()


class AddsText:
    """Broken: inserts text instead of only removing."""

    name = "adds-text"
    order = 500

    def clean(self, page: Page) -> None:
        assert page.tree is not None
        if page.tree.body is not None and page.tree.css_first("#added") is None:
            page.tree.body.insert_child("injected words")


class CrashesOnEmpty:
    """Broken: assumes every page has a paragraph."""

    name = "crashes"
    order = 500

    def clean(self, page: Page) -> None:
        assert page.tree is not None
        first = page.tree.css_first("p")
        first.attrs["data-seen"] = "1"  # type: ignore[union-attr]


class WrongName:
    name = "right-name"
    order = 500

    def clean(self, page: Page) -> None:
        assert page.tree is not None
        for node in page.tree.css("nav"):
            page.removed.append(Removal(cleaner="another-name", reason="nav", text=node.text()))
            node.decompose()


@pytest.mark.parametrize(
    ("cleaner", "message"),
    [
        (EatsOneParagraph(), "not idempotent"),
        (SilentNavCleaner(), "without recording"),
        (AddsText(), "added text"),
        (CrashesOnEmpty(), "raised AttributeError"),
        (WrongName(), "under the name 'another-name'"),
    ],
)
def test_broken_tree_cleaners_are_caught(cleaner: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_tree_cleaner(cleaner, PAGES, max_examples=FEW)  # type: ignore[arg-type]


def test_tree_cleaner_needs_name_and_order() -> None:
    class Nameless:
        order = 1

        def clean(self, page: Page) -> None: ...

    with pytest.raises(AssertionError, match="name"):
        check_tree_cleaner(Nameless(), max_examples=0)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- broken block cleaners
class DropsLast:
    """Broken: always drops the last block, so a second run drops another."""

    name = "drops-last"
    order = 500

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        return [Verdict(len(blocks) - 1, "last")] if blocks else []


class OffByOne:
    name = "off-by-one"
    order = 500

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        return [Verdict(len(blocks), "past the end")]


class Twice:
    name = "twice"
    order = 500

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        return [Verdict(0, "a"), Verdict(0, "b")] if blocks and "Subscribe" in blocks[0].text else []


class Moody:
    """Broken: its verdicts depend on how often it was called."""

    name = "moody"
    order = 500

    def __init__(self) -> None:
        self.calls = 0

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        self.calls += 1
        return [Verdict(0, "odd call")] if blocks and self.calls % 2 else []


@pytest.mark.parametrize(
    ("cleaner", "message"),
    [
        (DropsLast(), "not idempotent"),
        (OffByOne(), "outside"),
        (Twice(), "twice"),
        (Moody(), "not deterministic"),
    ],
)
def test_broken_block_cleaners_are_caught(cleaner: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_block_cleaner(cleaner, [["Subscribe now.", "Story."]], max_examples=FEW)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- broken extractors
def inventing_extractor(page: Page) -> Sequence[Candidate] | None:
    return [Candidate(kind="paragraph", text="Words the page never had: zyzzyva.")]


def badly_typed_extractor(page: Page) -> Sequence[Candidate] | None:
    return "not a list of candidates"  # type: ignore[return-value]


def crashing_extractor(page: Page) -> Sequence[Candidate] | None:
    if page.tree is None:
        return None
    return [Candidate(kind="paragraph", text=page.tree.css_first("p").text())]  # type: ignore[union-attr]


def refusing_extractor(page: Page) -> Sequence[Candidate] | None:
    raise IngestError.of("not_an_article", page.raw.source, "refused")


@pytest.mark.parametrize(
    ("extractor", "message"),
    [
        (inventing_extractor, "words the document does not"),
        (badly_typed_extractor, "not a sequence of Candidate"),
        (crashing_extractor, "raised AttributeError"),
    ],
)
def test_broken_body_extractors_are_caught(extractor: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_body_extractor(extractor, PAGES, max_examples=FEW)


def test_ingest_error_is_an_allowed_answer() -> None:
    check_body_extractor(refusing_extractor, PAGES, max_examples=FEW)


class ShiftedQuotes:
    """Broken: its spans are one character late."""

    name = "shifted"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        start = text.find("“")
        end = text.find("”", start + 1)
        if start >= 0 and end > start + 1:
            words = text[start + 1 : end]
            span = Span(start=start + 2, end=end + 1)
            yield Claim(id=claim_id("quote", span, words), kind="quote", text=words, span=span)


class HomemadeIds:
    name = "homemade-ids"
    kinds = frozenset({"quote"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        if text.strip():
            span = Span(start=0, end=len(text))
            yield Claim(id="claim-1", kind="quote", text=text, span=span)


class UndeclaredKind:
    name = "undeclared"
    kinds = frozenset({"numeric"})

    def extract(self, text: str, context: ClaimContext) -> Iterable[Claim]:
        if text.strip():
            span = Span(start=0, end=len(text))
            yield Claim(id=claim_id("quote", span, text), kind="quote", text=text, span=span)


@pytest.mark.parametrize(
    ("extractor", "message"),
    [
        (ShiftedQuotes(), "bad span"),
        (HomemadeIds(), "is not claim_id"),
        (UndeclaredKind(), "not one of its kinds"),
    ],
)
def test_broken_claim_extractors_are_caught(extractor: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_claim_extractor(extractor, ["“Quoted words,” she said."], max_examples=FEW)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- fetchers
def test_mock_fetcher_conforms() -> None:
    router = MockHttp()
    router.add("https://news.example/a", b"<p>Hello</p>", content_type="text/html")
    check_fetcher(router.fetcher(), "https://news.example/a", expected_body=b"<p>Hello</p>",
                  missing_url="https://news.example/missing")


class LeakyFetcher:
    """Broken: lets a ValueError out for URLs it cannot parse."""

    def __init__(self, router: MockHttp) -> None:
        self.inner = router.fetcher()

    def fetch(self, url: str) -> RawDocument:
        if not url.startswith("https://news.example/"):
            raise ValueError(f"cannot fetch {url}")
        return self.inner.fetch(url)

    async def afetch(self, url: str) -> RawDocument:
        return self.fetch(url)

    def close(self) -> None:
        self.inner.close()

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_leaky_fetcher_is_caught() -> None:
    router = MockHttp()
    router.add("https://news.example/a", b"<p>Hello</p>")
    with pytest.raises(AssertionError, match="raised ValueError"):
        check_fetcher(LeakyFetcher(router), "https://news.example/a")


def test_nasty_documents_parse() -> None:
    for document in NASTY_HTML:
        assert html_page(document).tree is not None
