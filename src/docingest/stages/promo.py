"""Built-in block cleaner: the publisher's own text inside the story, recognised by what each block *does*.

Between and after story paragraphs, publishers insert their own text: subscription, membership and donation
pitches and their perks, newsletter, app and podcast promos, tip lines, related-story lines, share and follow
prompts, credits, advertisement labels, legal notices, author bios. :class:`PromoCleaner` judges each candidate
block — HTML or plain text alike — with a small learned model (:mod:`docingest.boilerplate`; see
``docs/boilerplate.md``). The flow, for one page:

0. **Only an editorial article is judged**: a page that reports (at least three blocks attribute statements), or
   one that a small page classifier reads as an article — an opinion column, an interview, a review, a short
   item — at a stricter threshold. On other pages (service, product, forum, listing, documentation pages)
   nearly every block addresses the reader, and nothing is judged.
1. **Read** each block as the model sees it: its text, kind, link density, and whether its class/id words mark
   the publisher's boxes (:func:`~docingest.boilerplate.features.hinted_blocks`).
2. **Remember** which texts another page of the same site had (when several pages go through one pipeline).
3. **Judge**: the model scores every block from what it says outside quotation marks and from its neighbours'
   scores; a block scoring at least the model's threshold is dropped, with its class and score — never a block
   that holds a quotation. Judging repeats on the surviving blocks until nothing more is dropped, so the cleaner
   is idempotent: run on its own output it drops nothing.
4. **Name the publication**: when no metadata extractor found the site's name, the dropped blocks often give it
   ("your subscription to The Evening Post directly funds …"); it is offered as ``page.late_metadata`` (a plugin
   may set ``page.cache["promo.site_name"]`` to override the guess), and the blocks are judged once more knowing
   it (a block that names the publication speaks for it).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ..boilerplate.features import hinted_blocks, site_phrase
from ..boilerplate.model import BlockView, Model, shipped
from ..document import BlockCleaner, Candidate, Metadata, Page, Verdict
from ..hookspecs import hookimpl

SITE_NAME_KEY = "promo.site_name"


# ------------------------------------------------------------------------------------------- site names

#: A publication's name: capitalised words (with "of", "and", "&" between them), and an optional qualifier in
#: brackets ("The Evening Post (Australia)").
_NAME = r"((?:The )?[A-Z][A-Za-z&-]*(?: (?:of |and |& )?[A-Z][A-Za-z&-]*){0,4}(?: \([A-Z][A-Za-z .]{1,30}\))?)"
_NAME_CONTEXT = (
    re.compile(
        r"\b(?:[Ss]upport|[Jj]oin|[Ss]ubscribe to|[Kk]eeps?|[Hh]elps?|[Rr]ead|[Rr]eading|[Ff]rom|[Oo]f|[Tt]o|[Aa]t|"
        r"[Ff]or|[Ff]ollow|[Gg]et|[Pp]roduced by|[Pp]ublished by|[Mm]embers of|[Ss]end it to|[Ss]upporting|"
        r"[Kk]eeping|[Ff]unds?|[Ff]unding) " + _NAME
        + r"(?=['’]s\b|[ ,.:;!?]|$)"
    ),
    re.compile(r" / " + _NAME + r"(?=\W|$)"),
    re.compile(r"(?:©|[Cc]opyright)\s*(?:\d{4}\s*)?" + _NAME),
    re.compile(
        r"(?:^|[.:!?—]\s+)" + _NAME + r" (?:relies|depends|needs|is (?:a )?(?:non-?profit|reader-funded|"
        r"independent|free)|stays|exists|can't|cannot)"
    ),
    re.compile(_NAME + r"['’]s (?:[a-z]+ ){0,2}(?:newsletter|briefing|app|journalism|reporting|newsroom|"
               r"coverage|[a-z]+ correspondent|[a-z]+ reporter|editors?|team)"),
)
_NOT_SITES = frozenset({
    "signal", "whatsapp", "facebook", "instagram", "x", "twitter", "tiktok", "youtube", "threads", "bluesky",
    "linkedin", "mastodon", "google", "apple", "getty", "reuters", "ap", "afp", "epa", "shutterstock", "alamy",
    "paypal", "patreon", "substack", "app store", "the app store", "google play", "getty images", "ap photo",
})
_LEADING_NOISE = frozenset({"Our", "Your", "Get", "Help", "Join", "Support", "Read", "Follow", "Subscribe", "Sign",
                            "Before", "When", "If", "Members", "Not", "This", "Thank", "Download", "Send"})


def _clean_name(raw: str) -> str | None:
    words = raw.split()
    while words and words[0] in _LEADING_NOISE:
        words.pop(0)
    while words and words[-1] in {"of", "and", "&", "on"}:
        words.pop()
    name = " ".join(words)
    if len(name) < 3 or name.lower() in _NOT_SITES or not re.search(r"[a-z]", name):
        return None
    if name.lower().startswith("the ") and len(words) < 2:
        return None
    return name


def site_name_from(texts: Iterable[str], url: str | None = None) -> str | None:
    """The publication's name as promos give it ("your membership keeps The Daily Ledger going"), or None."""
    counts: Counter[str] = Counter()
    for text in texts:
        for pattern in _NAME_CONTEXT:
            for match in pattern.finditer(text):
                name = _clean_name(match.group(1))
                if name:
                    counts[name] += 1
    if not counts:
        return None
    host = re.sub(r"[^a-z0-9]", "", (urlsplit(url).hostname or "") if url else "")

    def rank(item: tuple[str, int]) -> tuple[int, int, int, int]:
        name, count = item
        squashed = re.sub(r"[^a-z0-9]", "", name.lower())
        bare = squashed.removeprefix("the")
        in_host = int(bool(host) and len(bare) >= 4 and bare in host)
        return (in_host, count, int(name.startswith("The ")), len(name))

    return max(counts.items(), key=rank)[0]


# ------------------------------------------------------------------------------------------------ cleaner


class _SiteMemory:
    """Bounded memory of block texts per site: which pages each text was seen on (two are enough)."""

    def __init__(self, max_sites: int = 64, max_blocks: int = 4096) -> None:
        self.max_sites = max_sites
        self.max_blocks = max_blocks
        self._sites: dict[str, dict[int, tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    def seen_elsewhere(self, site: str, page: str, keys: Sequence[str]) -> list[bool]:
        """Record ``keys`` as seen on ``page``; say for each whether another page of ``site`` has it too."""
        with self._lock:
            blocks = self._sites.pop(site, None)
            if blocks is None:
                blocks = {}
                while len(self._sites) >= self.max_sites:
                    del self._sites[next(iter(self._sites))]
            self._sites[site] = blocks  # most recently used last
            out: list[bool] = []
            for key in keys:
                h = hash(key)
                pages = blocks.pop(h, None)
                if pages is None:
                    out.append(False)
                    blocks[h] = (page,)
                elif page in pages:
                    out.append(len(pages) > 1)
                    blocks[h] = pages
                else:
                    out.append(True)
                    blocks[h] = (pages[-1], page)
            while len(blocks) > self.max_blocks:
                del blocks[next(iter(blocks))]
            return out


class PromoCleaner:
    """Drops the publisher's own text inside the story; see the module documentation for the flow."""

    name = "docingest.promo"
    order = 100

    def __init__(self, *, memory: bool = True, model: Model | None = None) -> None:
        self._memory = _SiteMemory() if memory else None
        self._model = model

    @property
    def model(self) -> Model:
        """The model judging blocks (the shipped one unless another was given)."""
        return self._model or shipped()

    def _repeated(self, blocks: Sequence[Candidate], page: Page) -> list[bool]:
        url = page.url
        if self._memory is None or not url:
            return [False] * len(blocks)
        parts = urlsplit(url)
        site = (parts.hostname or "").removeprefix("www.")
        if not site:
            return [False] * len(blocks)
        page_key = parts._replace(fragment="", query="").geturl()
        repeated = self._memory.seen_elsewhere(site, page_key, [b.text for b in blocks])
        if sum(repeated) * 2 > len(blocks):
            # most of the page was seen before: the same article again (a duplicate URL), not boilerplate
            return [False] * len(blocks)
        return repeated

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        threshold = self.model.gate(blocks)
        if threshold is None:
            return []  # a page that is no editorial article is not judged (see the model's documentation)
        # 1. read
        hinted = hinted_blocks(blocks)
        views = [BlockView(b.text, b.kind, b.link_density, h) for b, h in zip(blocks, hinted, strict=True)]
        # 2. remember
        repeated = self._repeated(blocks, page)
        # 3. judge
        known = page.cache.get(SITE_NAME_KEY)
        site_name = page.metadata.site_name or (known if isinstance(known, str) else None)
        dropped = self._judge(views, repeated, site_phrase(site_name), threshold, {})
        # 4. name the publication, and judge again knowing it
        if dropped and site_name is None and page.late_metadata.site_name is None:
            texts = [blocks[i].text for i in sorted(dropped)]
            site_name = site_name_from(texts + _chrome_promo_texts(page, self.model), page.url)
            if site_name:
                page.late_metadata = page.late_metadata.merged_over(Metadata(site_name=site_name))
                dropped = self._judge(views, repeated, site_phrase(site_name), threshold, dropped)
        return [Verdict(i, label, round(score, 4)) for i, (label, score) in sorted(dropped.items())]

    def _judge(self, views: Sequence[BlockView], repeated: Sequence[bool], site: str, threshold: float,
               dropped: dict[int, tuple[str, float]]) -> dict[int, tuple[str, float]]:
        """Judge the blocks not yet ``dropped`` until a round drops nothing more (the page's ``threshold`` was
        decided once, on all its blocks)."""
        model = self.model
        dropped = dict(dropped)
        while True:
            alive = [i for i in range(len(views)) if i not in dropped]
            if not alive:
                return dropped
            judged = model.removals([views[i] for i in alive], site, [repeated[i] for i in alive],
                                     threshold=threshold)
            new = {alive[k]: (j.label, j.score) for k, j in judged.items()}
            if not new:
                return dropped
            dropped.update(new)


@hookimpl
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    return [PromoCleaner()]


def _chrome_promo_texts(page: Page, model: Model) -> list[str]:
    """Short page chrome that tree cleaners removed and that the model reads as publisher text (an ``<aside>``
    pitch, a footer's "© 2024 The Daily Ledger"): it may name the publication too."""
    chrome = [r.text for r in page.removed if r.cleaner != PromoCleaner.name and len(r.text) <= 300]
    if not chrome:
        return []
    scores = model.local_scores([BlockView(text) for text in chrome])
    return [text for text, score in zip(chrome, scores, strict=True) if score >= model.threshold]
