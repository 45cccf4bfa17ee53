"""What kind of page is this? Page-level features of the boilerplate model's gate.

The block model knows publisher inserts as inserts into editorial articles — news, opinion, interviews, reviews,
features, short items. On pages where nearly every block addresses the reader (service, product, collection,
forum, listing and documentation pages, how-to blogs) it cannot tell the publisher's voice from the content, so
those pages are not judged at all. :func:`page_kind_features` describes a page by general, cheap properties of
its blocks — how much of it is prose, how long its blocks are, whether it has a dateline, who speaks (first,
second or third person), days, questions, quotation marks, lists, links, attributions — and a small logistic
regression (weights in ``weights.json``, trained by ``scripts/train_promo.py`` on the page types of wcxb-dev
tuning pages and on the team's articles) says whether it is an editorial article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Protocol

from .features import Features


class _Block(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def link_density(self) -> float: ...

    @property
    def kind(self) -> str: ...


#: A prose paragraph: this many characters or more, mostly not links.
PROSE_CHARS = 150
LINKED = 0.5
#: Characters of prose read for the word-level features (the page's opening is enough to tell who speaks).
SAMPLE_CHARS = 2500
#: Attributing blocks counted at most.
REPORTS_CAP = 6

PAGE_NAMES = (
    "bias", "blocks", "prose_share", "prose_chars", "prose_count", "short_share", "link_mean", "linked_share",
    "list_share", "heading_share", "mean_chars", "reports", "reports_share", "dateline", "i_rate", "we_rate",
    "you_rate", "third_rate", "third_share", "days_rate", "question_share", "quote_share", "no_prose",
)

#: Who speaks (pronouns) and when (days), among the words of a sample of prose (split at spaces: a word with
#: punctuation attached is not counted, alike on every page).
_WORD_FEATURE = {
    **dict.fromkeys(("i", "me", "my", "i'm", "i've"), "i_rate"),
    **dict.fromkeys(("we", "our", "us", "we're", "we've"), "we_rate"),
    **dict.fromkeys(("you", "your", "you're", "you'll", "you've"), "you_rate"),
    **dict.fromkeys(("he", "she", "his", "her", "they", "their", "him", "them", "he's", "she's"), "third_rate"),
    **dict.fromkeys(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"),
                    "days_rate"),
}
#: A dateline: a place in capitals (and an agency in brackets) and a dash, or "Month day (year) —", opening one of
#: the first paragraphs.
_DATELINE = re.compile(
    r"^\W{0,3}(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?: \([A-Za-z .]{2,30}\))?\s?[—–-]{1,2}|"
    r"(?:[A-Z][a-z]+, )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"
    r"\s?[—–-]{1,2})"
)

def page_kind_features(blocks: Sequence[_Block], reports: int) -> Features:
    """The page's features (dense, each in [0, 1]); ``reports`` is how many of its blocks attribute statements
    (counted up to :data:`REPORTS_CAP`). Cheap: one pass over the blocks and a look-up of the words of a sample of
    their prose."""
    n = len(blocks)
    values = dict.fromkeys(PAGE_NAMES, 0.0)
    values["bias"] = 1.0
    if n == 0:
        values["no_prose"] = 1.0
        return [(i, values[name]) for i, name in enumerate(PAGE_NAMES) if values[name]]
    prose = short = linked = lists = headings = quoting = questions = 0
    chars = prose_chars = 0
    link_sum = 0.0
    dateline = False
    sample: list[str] = []
    sampled = 0
    for b in blocks:
        text = b.text
        size = len(text)
        chars += size
        density = b.link_density
        link_sum += density
        if density >= LINKED:
            linked += 1
        if size < 40:
            short += 1
        kind = b.kind
        if kind == "list_item":
            lists += 1
        elif kind == "heading":
            headings += 1
        if '"' in text or "“" in text:
            quoting += 1
        if "?" in text[-3:]:
            questions += 1
        if size >= PROSE_CHARS and density < LINKED:
            prose += 1
            prose_chars += size
            if prose <= 3 and not dateline and _DATELINE.match(text):
                dateline = True
            if sampled < SAMPLE_CHARS:
                sample.append(text)
                sampled += size
    values["blocks"] = math.log1p(n) / 5.0
    values["prose_share"] = prose / n
    values["prose_chars"] = prose_chars / chars if chars else 0.0
    values["prose_count"] = min(prose, 10) / 10.0
    values["no_prose"] = float(prose == 0)
    values["short_share"] = short / n
    values["link_mean"] = link_sum / n
    values["linked_share"] = linked / n
    values["list_share"] = lists / n
    values["heading_share"] = headings / n
    values["mean_chars"] = min(chars / n, 600.0) / 600.0
    values["reports"] = min(reports, REPORTS_CAP) / REPORTS_CAP
    values["reports_share"] = min(1.0, reports / prose) if prose else 0.0
    values["dateline"] = float(dateline)
    values["quote_share"] = quoting / n
    values["question_share"] = questions / n
    if sample:
        words = " ".join(sample)[:SAMPLE_CHARS].lower().split()
        counts = dict.fromkeys(("i_rate", "we_rate", "you_rate", "third_rate", "days_rate"), 0)
        for word in words:
            name = _WORD_FEATURE.get(word)
            if name is not None:
                counts[name] += 1
        people = counts["i_rate"] + counts["we_rate"] + counts["you_rate"] + counts["third_rate"]
        values["third_share"] = counts["third_rate"] / people if people else 0.0
        for name in ("i_rate", "we_rate", "you_rate", "third_rate"):
            values[name] = min(1.0, 20.0 * counts[name] / len(words))
        values["days_rate"] = min(1.0, 50.0 * counts["days_rate"] / len(words))
    return [(i, values[name]) for i, name in enumerate(PAGE_NAMES) if values[name]]
