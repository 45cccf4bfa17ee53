"""Property tests of the promo cleaner and the plain-text extractor on news_pages() / news_texts(), precision
cases, idempotence (on generated pages and on a sample of the real wcxb-dev corpus) and per-site repetition."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docingest
from docingest.document import Candidate, Page, RawDocument
from docingest.pipeline import Pipeline
from docingest.settings import Options
from docingest.stages.promo import PromoCleaner, site_name_from
from docingest.stages.text import split_paragraphs, text_blocks
from docingest.strategies.news import NewsPage, NewsText, news_pages, news_texts
from tests.corpora import corpus_path

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(article: docingest.Article, expected: NewsPage | NewsText) -> None:
    """Nothing lost, nothing reordered: every story paragraph is in the text or recorded as removed (with the
    cleaner, the class and, for the promo cleaner, its score); the story keeps its order; block spans index the
    text. (Generated pages draw their promos from phrase lists: this is no measure of recall.)"""
    removed = {r.text for r in article.provenance.removed}
    for text in expected.paragraphs:
        assert text in article.text or text in removed or any(text in r for r in removed), f"lost: {text!r}"
    blocks = [b.text for b in article.blocks]
    story = [b for b in blocks if b in expected.paragraphs]
    assert story == [p for p in expected.paragraphs if p in story], "story paragraphs reordered"
    for block in article.blocks:
        assert article.text[block.span.start:block.span.end] == block.text
    for r in article.provenance.removed:
        if r.cleaner == "docingest.promo":
            assert r.reason and r.score is not None and 0.0 <= r.score <= 1.0
    assert article.title == expected.title


@FAST
@given(news_pages())
def test_promo_news_pages_nothing_lost(page: NewsPage) -> None:
    article = docingest.ingest_html(page.html, url=page.url, claims=False)
    _check(article, page)
    assert article.provenance.encoding == page.encoding


@FAST
@given(news_texts())
def test_promo_news_texts_nothing_lost(doc: NewsText) -> None:
    article = docingest.ingest_text(doc.text, url=doc.url, claims=False)
    _check(article, doc)
    removed = [r for r in article.provenance.removed if r.cleaner == "docingest.promo"]
    assert all(r.reason and r.where and r.where.startswith("line ") for r in removed)


def _page(blocks: Sequence[Candidate], url: str | None = None) -> Page:
    raw = RawDocument(source="<test>", content="", url=url, kind="text")
    return Page(raw=raw, text="", kind="text", options=Options())


def _survivors(blocks: Sequence[Candidate], cleaner: PromoCleaner, url: str | None = None) -> list[Candidate]:
    drop = {v.index for v in cleaner.classify(blocks, _page(blocks, url))}
    return [b for i, b in enumerate(blocks) if i not in drop]


def _candidates(doc: NewsText) -> list[Candidate]:
    blocks = text_blocks(doc.text)[1:]
    return [Candidate(kind=b.kind, text=b.text, where=f"line {b.line}") for b in blocks]


@FAST
@given(news_texts())
def test_promo_idempotent_on_news(doc: NewsText) -> None:
    cleaner = PromoCleaner(memory=False)
    once = _survivors(_candidates(doc), cleaner)
    assert _survivors(once, cleaner) == once


@given(st.lists(st.sampled_from(["paragraph", "list_item", "heading"]), min_size=1, max_size=12),
       st.data())
@settings(max_examples=60, deadline=None)
def test_promo_idempotent_on_shuffled_blocks(kinds: list[str], data: st.DataObject) -> None:
    """Blocks of stories and promos in any order and kind: a second run drops nothing more."""
    doc = data.draw(news_texts())
    texts = [*doc.paragraphs, *doc.promos]
    chosen = [data.draw(st.sampled_from(texts)) for _ in kinds]
    blocks = [Candidate(kind=k, text=t) for k, t in zip(kinds, chosen, strict=True)]  # type: ignore[arg-type]
    cleaner = PromoCleaner(memory=False)
    once = _survivors(blocks, cleaner)
    assert _survivors(once, cleaner) == once
    assert all(b.text not in doc.paragraphs or b in once for b in blocks if b.kind == "paragraph")


def test_promo_idempotent_on_wcxb_sample() -> None:
    """Real pages: candidates from the pipeline with the promo cleaner off, judged twice."""
    base = corpus_path("extraction", "wcxb-dev")
    truths = [json.loads(line) for line in (base / "truth.jsonl").read_text("utf-8").splitlines()[:40]]
    pipe = Pipeline(disable=("docingest.promo",), claims=False)
    cleaner = PromoCleaner(memory=False)
    captured: list[list[Candidate]] = []
    original = pipe._clean_blocks

    def capture(kept: list[Candidate], page: Page, ran: list[str]) -> list[Candidate]:
        captured.append(list(kept))
        return original(kept, page, ran)

    pipe._clean_blocks = capture  # type: ignore[method-assign]
    for truth in truths:
        html = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes())
        pipe.run_raw(RawDocument(source=truth["id"], content=html, kind="html"))
    assert captured
    for blocks in captured:
        once = _survivors(blocks, cleaner)
        assert _survivors(once, cleaner) == once


STORY_SENTENCES = [
    "The council voted to cut the library's newspaper subscriptions, a saving of $40,000.",
    "Subscriptions to the regional bus pass rose 12% after the price fell to $30 a month, the authority said.",
    "The charity, which relies on donations and on 200 volunteers, raised £2.1 million last year.",
    "Residents can sign up for the flood-warning text service at the town hall, Ruiz said.",
    "“If you sign up now, you save a month's fare,” Mbeki told reporters.",
    "The app, which can be downloaded free, lets commuters report potholes.",
    "The paper, founded in 1884, has lost two thirds of its print subscribers since 2015.",
    "Fishers' association, which publishes a monthly newsletter for its 340 members, collected 5,000 signatures.",
    "He said residents should follow official channels rather than social media for updates.",
    "Media analyst Kofi Mensah said a membership model could work. “It takes years,” he said.",
    "Readers who pay for home delivery will be offered a refund or a discounted digital plan, the company said.",
    "Donations to the food bank doubled in December, according to its director.",
    "Police asked anyone with information to contact them, the spokesman said.",
    "The minister urged people to support local businesses over the holidays.",
]


#: Story sentences of STORY_SENTENCES that the shipped model removes from the library story they are put in (they
#: share no subject with it, so cohesion cannot vouch for them): known precision limits. Strict, like the above.
OFF_SUBJECT_REMOVED = frozenset({"The app, which can be downloaded free, lets commuters report potholes."})


@pytest.mark.parametrize("sentence", [
    pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="known limit")) if t in OFF_SUBJECT_REMOVED else t
    for t in STORY_SENTENCES])
def test_promo_keeps_story_that_mentions_money(sentence: str) -> None:
    story = [b.text for b in REPORTING]
    text = "\n\n".join(["A headline", *story[:2], sentence, *story[2:]])
    article = docingest.ingest_text(text, claims=False)
    assert sentence in article.paragraphs


#: Blocks a careful editor keeps although they carry promo words: captions that describe the picture before the
#: credit, spec sheets, mojibake that looks like "©", a copyright year mentioned in a sentence, product prose about
#: prices and plans, generic "contact us" lines that are not about news, code listings.
KEPT_BLOCKS = [
    ("caption", "Firefighters work through the night near the port of Tehran. Photo: Reuters"),
    ("caption", "Residents queue for water in the old town after the storm, Getty Images"),
    ("list_item", "Graphics: Nvidia GeForce GTX 1060 6GB / AMD Radeon RX 480 4GB"),
    ("paragraph", "Rosé is also made by blending red and white wine together. Both dry and sweet styles exist."),
    ("paragraph", "It would be cliché to say it, yet at 50bps it takes a bit short of 6 minutes to appear."),
    ("paragraph", "NOTE: The above is an excerpt from A Career Guide, by Tom Miller, Copyright 2013. Reprinted here."),
    ("paragraph", "The monthly cost depends on the duration of your subscription, from ten to six dollars per month."),
    ("paragraph", "Contact us now to schedule a meeting. We’ll help you develop your project!"),
    ("paragraph", "We’ve just paid for another month. Please give us an update on the Windows version."),
    ("code", "Copyright 1998-2026 Free Software Foundation, Inc. This is free software; see the source."),
    ("heading", "Watch: Huge flames in Tehran after air strikes on oil depots"),
    ("paragraph", "You can CLICK HERE for the full tutorial on the planter I built."),
    ("paragraph", "Track the requests that your support team answers each week and tag the slow ones."),
    ("list_item", "Watch your sector: follow trade news and subscribe to industry newsletters to spot changes early."),
    ("paragraph", "...which is why the second run was so much faster. â†©"),
    ("paragraph", "[Editor's note: click to enlarge the map below, which shows the flood zones.]"),
    ("paragraph", "Residents can sign up for the council newsletter at the library."),
    ("paragraph", "Notes from the harbour ...or, why we stayed. © 2019, 2020 Jo Doe"),
    ("paragraph", "We added the adsbygoogle tag to the template and measured the page again."),
]

STORY = Candidate(kind="paragraph", text="The council met on Tuesday and voted to close two branches, the mayor said.")
#: Story paragraphs that report (the cleaner judges only pages with at least three such blocks, two of them
#: paragraphs of prose).
REPORTING = [Candidate(kind="paragraph", text=t) for t in (
    "The council met on Tuesday and voted to close two of the town's four library branches after a long debate "
    "about falling visitor numbers and the cost of repairs, the mayor said.",
    "The closures will save about $2 million a year, according to the finance director, who told councillors "
    "that the two buildings needed new roofs and heating systems within five years.",
    "Library staff told the meeting that visits had fallen by a third since 2019.",
    "A final decision is expected in March, the council's spokeswoman said.",
)]

#: Blocks of KEPT_BLOCKS that the shipped model removes when they stand among reporting paragraphs (it keeps them
#: on pages that do not report, where they were found): known precision limits (docs/boilerplate.md). Strict: a
#: model that keeps them makes these pass, and the mark must go.
REMOVED_IN_REPORTING = frozenset({
    'Firefighters work through the night near the port of Tehran. Photo: Reuters',
    'Residents queue for water in the old town after the storm, Getty Images',
    'Graphics: Nvidia GeForce GTX 1060 6GB / AMD Radeon RX 480 4GB',
    'NOTE: The above is an excerpt from A Career Guide, by Tom Miller, Copyright 2013. Reprinted here.',
    'Contact us now to schedule a meeting. We’ll help you develop your project!',
    'We’ve just paid for another month. Please give us an update on the Windows version.',
    'Watch: Huge flames in Tehran after air strikes on oil depots',
    'Watch your sector: follow trade news and subscribe to industry newsletters to spot changes early.',
    "[Editor's note: click to enlarge the map below, which shows the flood zones.]",
    'Notes from the harbour ...or, why we stayed. © 2019, 2020 Jo Doe',
    'The monthly cost depends on the duration of your subscription, from ten to six dollars per month.',
    'Track the requests that your support team answers each week and tag the slow ones.',
    '...which is why the second run was so much faster. â†©',
})


@pytest.mark.parametrize(("kind", "text"), [
    pytest.param(k, t, marks=pytest.mark.xfail(strict=True, reason="known limit")) if t in REMOVED_IN_REPORTING
    else (k, t) for k, t in KEPT_BLOCKS])
def test_promo_keeps_content_with_promo_words(kind: str, text: str) -> None:
    blocks = [*REPORTING[:3], Candidate(kind=kind, text=text), REPORTING[3]]  # type: ignore[arg-type]
    assert _survivors(blocks, PromoCleaner(memory=False)) == blocks


def test_promo_judges_only_pages_that_report() -> None:
    """A pitch inside reporting goes; the same pitch on a page that reports nothing (a how-to, a product page,
    where every block addresses the reader) is not judged."""
    pitch = Candidate(kind="paragraph", text="Not a subscriber yet? Subscribe today for $1 a week and support our "
                                             "independent journalism.")
    news = [*REPORTING[:2], pitch, *REPORTING[2:]]
    assert _survivors(news, PromoCleaner(memory=False)) == [*REPORTING]
    howto = [Candidate(kind="paragraph", text=t) for t in (
        "Preheat your oven to 200 degrees and line a tray with baking paper.",
        "Mix the flour and the butter until you get fine crumbs.",
        "Add the milk slowly and knead the dough for two minutes.")]
    assert _survivors([*howto, pitch], PromoCleaner(memory=False)) == [*howto, pitch]


def test_promo_hint_on_the_story_container_is_no_evidence() -> None:
    """A newsletter issue published as a page: every story block sits in ``newsletter-*`` containers. Advice
    addressed to the reader there is the story, although the markup says "newsletter" and the hint marks under
    half of the page's blocks (the rest is chrome around it)."""
    long = " ".join(["Rest days matter as much as training days, and the research on recovery is clear, the coach"
                     " said."] * 4)
    issue = "newsletter-content rich-text"
    story = [Candidate(kind="paragraph", text=f"{i}. {long}", attrs=issue) for i in range(3)]
    advice = Candidate(kind="list_item", text="Poor sleep: consider skipping your workout and rest instead.",
                       attrs=issue)
    chrome = [Candidate(kind="paragraph", text=f"Footer link {i}") for i in range(6)]
    blocks = [*story, advice, *chrome]
    assert advice in _survivors(blocks, PromoCleaner(memory=False))


def test_promo_repetition_across_pages_of_one_site() -> None:
    """The cleaner remembers which texts other pages of a site had; the model reads repetition as evidence."""
    from docingest.boilerplate.model import BlockView, shipped
    from docingest.stages.promo import _SiteMemory

    memory = _SiteMemory()
    assert memory.seen_elsewhere("kestrel.example", "/a", ["x", "y"]) == [False, False]
    assert memory.seen_elsewhere("kestrel.example", "/a", ["x"]) == [False]  # the same page again
    assert memory.seen_elsewhere("kestrel.example", "/b", ["x", "z"]) == [True, False]
    assert memory.seen_elsewhere("other.example", "/b", ["x"]) == [False]  # another site
    views = [BlockView(b.text) for b in REPORTING]
    boiler = BlockView("Get the weekend edition delivered every Saturday if you live nearby.")
    once = shipped().judge([*views, boiler], repeated=[False] * 5)[-1].score
    twice = shipped().judge([*views, boiler], repeated=[False] * 4 + [True])[-1].score
    assert twice > once
    # a duplicate of a whole article (most of the page seen before) is not stripped by repetition
    cleaner = PromoCleaner()
    assert _survivors(list(REPORTING), cleaner, "https://kestrel.example/a") == list(REPORTING)
    assert _survivors(list(REPORTING), cleaner, "https://kestrel.example/a-copy") == list(REPORTING)


def test_promo_site_name_from_promos() -> None:
    assert site_name_from(["Your membership keeps The Daily Ledger going."]) == "The Daily Ledger"
    assert site_name_from(["Harbour Gazette relies on readers like you."]) == "Harbour Gazette"
    assert site_name_from(["Follow us on Facebook, Instagram and X.", "Photo: Getty Images"]) is None
    # the host breaks a tie between a photographer and the publication
    names = ["Illustration by Jonah Reyes for Riverside Post", "Photo: Mark Stevens / Riverside Post"]
    assert site_name_from(names, "https://riversidepost.example/x") == "Riverside Post"


def test_text_split_paragraphs_layouts() -> None:
    assert split_paragraphs("Title\nOne.\nTwo.") == ["Title", "One.", "Two."]
    wrapped = "Title\n\nA long sentence that was wrapped\nat a narrow width by a mail client.\n\nNext."
    joined = "A long sentence that was wrapped at a narrow width by a mail client."
    assert split_paragraphs(wrapped) == ["Title", joined, "Next."]
    blocks = text_blocks("Title\n\nPerks:\n- one\n- two\n")
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        ("paragraph", "Title", 1), ("paragraph", "Perks:", 3), ("list_item", "one", 4), ("list_item", "two", 5)]
