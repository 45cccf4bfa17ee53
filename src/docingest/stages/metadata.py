"""Built-in metadata extractor for HTML: title, authors, dates, site, language, canonical URL, description,
image.

Precedence, field by field (the first source that gives a valid value wins):

1. JSON-LD (schema.org ``Article``/``NewsArticle``/``BlogPosting``/..., also inside ``@graph``, lists and
   ``mainEntity``; ``@id`` references resolved);
2. ``<meta>``: OpenGraph, Twitter, Dublin Core, ``citation_*``, Parse.ly, Sailthru and the plain names;
3. microdata (``itemprop``);
4. the visible page: the ``<h1>``, byline elements (``[rel=author]``, ``.byline``, ``.author``), ``<time>``,
   searched in the headline's neighbourhood, and the text just after and before the headline;
5. for the published date only, an unambiguous ``/YYYY/MM/DD/`` in the URL.

The title is chosen between the visible ``<h1>`` and the metadata titles by corroboration (see
:func:`choose_title`). Authors are people when the page names any; otherwise a credit the page gives as the
author (an organisation, a desk) is kept, while a publisher alone never becomes an author. A JSON-LD
``WebPage`` ``datePublished`` (the CMS's page record, present on every page of many sites) is no publication
date.

Values are cleaned (title without the site suffix, authors as names, dates aware or bare days) and checked
against what :class:`~docingest.models.Article` accepts; a value that fails is dropped, never the article.
Nothing is invented: a field the page does not give stays ``None``.

The pipeline calls this hook on the intact page, before cleaners remove the chrome that holds bylines and
``<time>`` elements.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..document import Metadata, Page
from ..hookspecs import hookimpl
from ..html import visible
from ..html.title import TITLES_KEY, declared_titles, is_title_meta
from ..meta import jsonld
from ..meta.authors import clean_authors, is_handle, name_first
from ..meta.dates import date_from_url, day_of, parse_date
from ..models import _BCP47, _HTTP_URL

CACHE_KEY = "docingest.metadata"

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title", "parsely-title",
               "sailthru.title", "title")  # fmt: skip
_AUTHOR_KEYS = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
                "citation_author", "parsely-author", "sailthru.author", "byl", "book:author")  # fmt: skip
#: Author fields written "Surname, Given" by convention (Highwire Press tags, Dublin Core creators).
_SURNAME_FIRST_KEYS = frozenset({"citation_author", "dc.creator", "dcterms.creator"})
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "datepublished", "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "parsely-pub-date",
    "sailthru.date", "article.published", "publishdate", "publish-date", "publish_date", "pubdate",
    "date", "article_date_original", "original-publish-date", "release_date", "created",
)  # fmt: skip
_MODIFIED_KEYS = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                  "dc.date.modified", "dcterms.modified", "article.updated", "last-modified", "revised")  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "citation_journal_title",
              "publisher", "apple-mobile-web-app-title")  # fmt: skip
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description",
                     "dcterms.description", "sailthru.description")  # fmt: skip
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
               "thumbnail", "sailthru.image.full")  # fmt: skip
_LANGUAGE_KEYS = ("content-language", "dc.language", "dcterms.language", "language", "og:locale")

# (a bare [itemprop] costs less to match than [itemprop="headline"]: the values are told apart in Python; the
# <link>s are matched by their rel, as a page links dozens of stylesheets, fonts and icons)
_HEAD_SELECTOR = (
    'meta, script[type="application/ld+json"], base, link[rel~="canonical" i], link[rel~="image_src" i], h1, title, '
    '[itemprop], a[rel~="author"], a.username'
)
# (one selector per kind of mark: a node matching several selectors of a list is returned once for each)
_BYLINE_SELECTOR = (
    '[rel="author"], [itemprop~="author"], [class*="byline"], [class*="author"], [class*="Author"], '
    'a[href*="/author/"], a[href*="/authors/"]'
)
_DATE_SELECTOR = (
    '[itemprop="datePublished"], time, [class*="publish"], [class*="posted"], [class*="date"], '
    '[class*="Date"]'
)
_NOT_CONTENT = re.compile(
    r"comment|related|sidebar|widget|footer|recommend|popular|trending|more-stories|teaser|card|promo|nav"
    r"|menu|newsletter|breadcrumb",
    re.IGNORECASE,
)
_CUES = r"(?i:by|written\s+by|authors?|authored\s+by|posted\s+by|contributors?)"
# A byline starts with its cue: "By Jane Doe", "Written by: Jane Doe" (or follows the dateline it shares a line
# with: "15 October 2019 by Jane Doe"); a "by" inside a sentence or a control ("established by Congress",
# "Sort by Ranking", "Nike By You") names no author.
_BY = re.compile(
    rf"(?:^|\s){_CUES}(?:\s*:\s*|\s+)"
    r"((?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|da|di|le|la|(?:of\s+the|the|of)(?=\s+[A-Z])))*"
    r"(?:\s*,\s*[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*)*)*)"
)
_BARE_CUE = re.compile(rf"(?:^|\s){_CUES}\s*:?$")


def _byline_cue(text: str) -> re.Match[str] | None:
    """The "By <Name>" of a piece of text when the piece is a byline: the cue starts it, or only a date comes
    before it."""
    m = _BY.search(text)
    if m is None:
        return None
    lead = text[: m.start()].strip(" \t|·•,-–—")
    if lead and (len(lead) > 40 or parse_date(lead) is None):
        return None
    return m


_SEPARATORS = re.compile(r"\s*\|\s*|\s+[-–—:·•»«~/]\s+|\s*::?\s+")
#: The separators a heading sets its site's name off with ("Headline – Site"; a colon there is the headline's).
_DASHES = re.compile(r"\s+\|\s+|\s+[-–—]\s+")
_KEY = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w+")
_PERMALINK = re.compile(r"(?:\s*[¶#§🔗])+$")


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return _KEY.sub("", text.casefold())


def _squash(text: str | None) -> str | None:
    """Whitespace-normalised text with leftover (double-encoded) character references decoded and invisible
    characters dropped."""
    if text is None:
        return None
    if "&" in text:
        text = html.unescape(text)
    out = " ".join(visible(text).split())
    return out or None


# ------------------------------------------------------------------------------------------ page facts
class _Facts:
    """The raw facts of a page, gathered in one pass over its ``<meta>`` and JSON-LD scripts."""

    def __init__(self, tree: LexborHTMLParser, url: str | None) -> None:
        self.tree = tree
        self.url = url
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.image_src: str | None = None
        self.h1s: list[tuple[str, LexborNode]] = []
        self.title: str | None = None
        self.title_text: str | None = None  # the first <title>'s text as written
        self.title_metas: list[str] = []  # the og:title and twitter:title contents (html.title.page_titles)
        self.headline: str | None = None
        self.date_published: str | None = None  # microdata's, on an element other than <meta>
        self.author_nodes: list[LexborNode] = []  # the page's first author links and microdata authors
        base_href: str | None = None
        scripts: list[str] = []
        last_title_meta = -1
        # One pass over the tree (each Lexbor query walks all of it): dispatch on the tag in Python. (Querying
        # the <head> and the <body> apart walks the same nodes and was no faster.)
        for node in tree.css(_HEAD_SELECTOR):
            tag = node.tag
            attrs = node.attributes
            if tag == "meta":
                content = attrs.get("content")
                if content is None or not (content := content.strip()):
                    continue
                # (a <meta itemprop> is found twice in a row: by "meta" and by "[itemprop]")
                if is_title_meta(attrs) and node.mem_id != last_title_meta:
                    self.title_metas.append(content)
                    last_title_meta = node.mem_id
                for attr in ("property", "name", "itemprop", "http-equiv"):
                    name = attrs.get(attr)
                    if name:
                        for key in name.lower().split():
                            self.meta.setdefault(key, []).append(content)
            elif tag == "script":
                scripts.append(node.text(deep=True))
            elif tag == "link":
                rel = (attrs.get("rel") or "").lower().split()
                href = attrs.get("href")
                if href and "canonical" in rel:
                    self.canonical.append(href)
                elif href and "image_src" in rel and self.image_src is None:
                    self.image_src = href
            elif tag == "h1":
                if len(self.h1s) < 4 and (text := heading_text(node)) is not None:
                    self.h1s.append((text, node))
            elif tag == "title":
                if self.title is None:
                    text = node.text()
                    if self.title_text is None:  # the first <title>'s, even when it is empty and the next one is used
                        self.title_text = text
                    self.title = _squash(text)
            elif tag == "base":
                if base_href is None:
                    base_href = (attrs.get("href") or "").strip() or None
            else:
                itemprop = attrs.get("itemprop") or ""
                if itemprop == "headline":
                    if self.headline is None:
                        self.headline = _squash(attrs.get("content") or node.text(deep=True, separator=" "))
                elif itemprop == "datePublished":
                    if self.date_published is None:
                        raw = attrs.get("datetime") or attrs.get("content") or node.text(deep=True, separator=" ")
                        self.date_published = raw[:200] if raw else None
                elif len(self.author_nodes) < 6 and (
                    "author" in itemprop.split()
                    or (tag == "a" and ("author" in (attrs.get("rel") or "").split()
                                        or "username" in (attrs.get("class") or "").split()))
                ):  # fmt: skip
                    self.author_nodes.append(node)
        self.ld = jsonld.extract(jsonld.parse_scripts(scripts)) if scripts else jsonld.JsonLd()
        base = url
        if base_href:
            base = urljoin(url, base_href) if url else base_href
        self.base = base

    def first(self, keys: Iterable[str]) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if text := _squash(value):
                    return text
        return None

    def all(self, keys: Iterable[str]) -> list[str]:
        return [v for key in keys for v in self.meta.get(key, ())]

    def absolute(self, value: str | None) -> str | None:
        """``value`` as an absolute http(s) URL (resolved against the page), or ``None``."""
        if not value:
            return None
        value = value.strip()
        if not value or _SPACE.search(value):
            return None
        if self.base and not value.lower().startswith(("http://", "https://")):
            try:
                value = urljoin(self.base, value)
            except ValueError:
                return None
        return value if _HTTP_URL.match(value) else None


# ------------------------------------------------------------------------------------------ fields
def _site_names(facts: _Facts) -> list[str]:
    names = [n for n in (facts.first(["og:site_name"]), facts.ld.site_name, facts.first(_SITE_KEYS)) if n]
    host = urlsplit(facts.url or "").hostname or ""
    if host:
        names.append(host.removeprefix("www."))
    return names


def strip_site(
    title: str, site_names: Sequence[str], *, leading: bool = True, separators: re.Pattern[str] = _SEPARATORS
) -> str:
    """``title`` without a site-name prefix or suffix ("Headline | Site", "Site - Headline"; only the suffix
    when not ``leading``), its parts split by ``separators``."""
    title = " ".join(title.split())
    parts = separators.split(title)
    if len(parts) < 2:
        return title
    keys = [k for k in (_key(n) for n in site_names) if k]
    hosts = [k for k in (_key(n.split(".")[0] if "." in n else n) for n in site_names) if k]

    def is_site(part: str, loose: bool = True) -> bool:
        """The site's name, or (``loose``, for a suffix: "Doom9's Forum") a name containing it."""
        k = _key(part)
        if not k:
            return True
        return any(k == s or (len(k) >= 4 and (k in s or (loose and s in k))) for s in keys) or any(
            len(k) >= 3 and (k in h or (loose and h in k)) for h in hosts
        )

    seps = separators.findall(title)
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        seps.pop()
    # a leading part is the site's name itself: "Gymshark Arrival T-Shirt" only names the brand
    while leading and len(parts) > 1 and is_site(parts[0], loose=False):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip() or title


#: Elements inside a heading whose text a reader does not see as the heading's: controls ("Copy item path"),
#: pictures (an SVG logo's ``<title>``), code and templates, what the page hides, and the date the heading
#: shows beside the headline (``<time>``).
_UNSEEN_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "button", "select", "-comment", "time"})
#: Elements that break a heading's line (a reader sees a space between their text and the text around them).
_BREAK_TAGS = frozenset({"br", "div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section",
                         "header", "footer", "table", "tr", "td", "th", "dd", "dt", "dl", "blockquote"})  # fmt: skip


def _seen(node: LexborNode) -> bool:
    if node.tag in _UNSEEN_TAGS:
        return False
    attrs = node.attributes
    return "hidden" not in attrs and attrs.get("aria-hidden") != "true"


def _seen_text(node: LexborNode, depth: int = 0) -> Iterator[str]:
    """The text a reader sees inside ``node``: unseen elements skipped, a line break (``<br>``, a block
    element) read as a space."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            yield child.text_content or ""
        elif tag in _BREAK_TAGS and child.child is None:
            yield " "
        elif depth < 30 and _seen(child):
            if tag in _BREAK_TAGS:
                yield " "
                yield from _seen_text(child, depth + 1)
                yield " "
            else:
                yield from _seen_text(child, depth + 1)
        child = child.next


def heading_text(node: LexborNode) -> str | None:
    """A heading's text as a reader sees it: inline pieces joined as written (no spaces added between
    elements, a ``<br>`` or a block element read as a space), permalink marks ("¶", "#") dropped, the text of
    controls, pictures, scripts and hidden elements skipped (when something else is left); ``None`` when empty
    or too long to be a headline."""
    raw = node.text(deep=True)
    # (the first node of traverse() is the heading itself; a css query costs more)
    if any(n.tag in _BREAK_TAGS or not _seen(n) for n in islice(node.traverse(), 1, None)):
        seen = "".join(_seen_text(node))
        if _fold(seen):
            raw = seen
    text = _squash(raw)
    if text is None:
        return None
    text = _PERMALINK.sub("", text).strip()
    return text if text and len(text) <= 300 else None


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Comparison key of a title: case-folded words and digits only (typography and punctuation ignored)."""
    return " ".join(_WORD.findall(text.casefold()))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


_SLUG_SPLIT = re.compile(r"[-_+.]+")


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last path segment when it is a slug ("/2024/05/bridge-reopens-after-repairs.html"
    → {"bridge", "reopens", "after", "repairs"}); empty for ids and single words."""
    if not url:
        return set()
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1].casefold()
    if last.endswith((".html", ".htm", ".php", ".aspx", ".asp")):
        last = last.rsplit(".", 1)[0]
    words = {w for w in _SLUG_SPLIT.split(last) if w and not w.isdigit()}
    return words if len(words) >= 2 else set()


def _leading_segment(short: str, long: str) -> bool:
    """True when ``long`` is ``short`` followed by a separator and more ("Headline | Section")."""
    if len(long) <= len(short) or _fold(long) == _fold(short):
        return False
    head = _fold(short)
    if not head or not _fold(long).startswith(head):
        return False
    parts = _SEPARATORS.split(long)
    acc = ""
    for i, part in enumerate(parts[:-1]):
        acc = f"{acc} {part}" if i else part
        if _fold(acc) == head:
            return True
    return False


_PIPE = re.compile(r"\s+\|\s+")


def choose_title(
    h1s: Sequence[str], title: str | None, metas: Sequence[str | None], site_names: Sequence[str],
    url: str | None = None, *, website: bool = False,
) -> tuple[str | None, int | None]:
    """The page's headline and which of ``h1s`` it is (``None`` when it comes from the metadata); see
    :func:`_choose_title`. A headline does not hold a pipe: what follows " | " is a tagline or a section
    ("Best movers in 2025 | Top 19 companies")."""
    chosen, index = _choose_title(h1s, title, metas, site_names, url, website=website)
    if chosen is not None and " | " in chosen:
        head = _PIPE.split(chosen, maxsplit=1)[0].strip()
        if _fold(head):
            chosen = head
    return chosen, index


def _choose_title(
    h1s: Sequence[str], title: str | None, metas: Sequence[str | None], site_names: Sequence[str],
    url: str | None = None, *, website: bool = False,
) -> tuple[str | None, int | None]:
    """The page's headline and which of ``h1s`` is the page's visible heading (``None`` when the headline
    comes from the metadata and no ``<h1>`` shows it).

    Candidates: the visible ``<h1>`` s and the metadata titles (``metas``: JSON-LD headline, og:title,
    twitter:title, microdata headline, best first) and the ``<title>``, all without the site's name. The
    ``<h1>`` is what a reader sees and wins when a metadata title confirms it, or when nothing contradicts it;
    the metadata title wins when the ``<h1>`` shares no word with it (a section label, the blog's name, a
    slogan) while another source corroborates it, or when the page has several ``<h1>`` s and the metadata
    titles agree among themselves. On a ``website`` (a page that declares itself no article: a home, landing
    or category page) the ``<h1>`` is a slogan or a label, and the ``<title>`` names the page; the ``<h1>``
    still marks where the page's heading is.
    """
    names = list(site_names)
    parts = _SEPARATORS.split(title) if title else []
    segments = [_fold(p) for p in parts]
    # "Site | Headline": the title's trailing part is the headline, not the site's name
    site_first = len(parts) > 1 and _is_site_name(parts[0], names)
    meta_keys = {_fold(m) for m in metas if m}
    slug = slug_words(url)
    usable: list[tuple[int, str]] = []
    # "Headline – Site" in a heading too
    headings = [strip_site(h, site_names, leading=False, separators=_DASHES) for h in h1s]
    for i, h in enumerate(headings):
        key = _fold(h)
        if not key or _is_site_name(h, names):
            continue
        if (
            len(segments) > 1 and not site_first and key not in meta_keys and segments[-1].startswith(key)
            and len(slug & _words(h)) <= len(slug & _words(parts[0]))
        ):  # fmt: skip
            names.append(h)  # an <h1> that is the title's trailing part is the site's name ("Post - Blog Name")
            continue
        usable.append((i, h))
    h1_index, h1 = usable[0] if usable else (None, None)
    stripped = [strip_site(m, names) for m in metas if m]
    ts = strip_site(title, names) if title else None
    if ts is not None and (_fold(ts) == "" or _is_site_name(ts, names)):
        ts = None  # the <title> is only the site's name
    # a metadata title that is the <title>'s leading part shows where the site's suffix starts
    if ts is not None:
        for m in stripped:
            if _leading_segment(m, ts):
                ts = m
                break
    others = [x for x in [ts, *stripped] if x and _fold(x)]
    if h1 is None:
        return (others[0] if others else None), None
    if not others:
        return h1, h1_index
    h1_key = _fold(h1)
    if any(_fold(x) == h1_key for x in others):
        return h1, h1_index
    for full in [title, *metas]:
        if full and h1_key and (_leading_segment(h1, full) or h1_key in (_fold(p) for p in _SEPARATORS.split(full))):
            return h1, h1_index  # the metadata title is the headline plus extras
    if website and ts is not None:
        return ts, h1_index
    best = max(others, key=lambda x: sum(_fold(y) == _fold(x) for y in others))
    support = sum(_fold(y) == _fold(best) for y in others)
    h1_words = _words(h1)
    overlap = max(len(h1_words & _words(x)) for x in others)
    if ts is not None and slug:
        # the URL's slug was written from one of the two
        h1_hits, ts_hits = len(slug & h1_words), len(slug & _words(ts))
        if ts_hits != h1_hits:
            return (ts, None) if ts_hits > h1_hits else (h1, h1_index)
    if overlap == 0 and (support >= 2 or ts is not None):
        return best, None
    if len({_fold(h) for _, h in usable}) > 1 and (support >= 2 or ts is not None):
        return best, None
    return h1, h1_index


def _title(facts: _Facts, site_names: list[str]) -> tuple[str | None, LexborNode | None]:
    """The headline and the ``<h1>`` node it was read from (``None`` when it comes from the metadata)."""
    metas = [facts.ld.title, facts.first(["og:title"]), facts.first(["twitter:title"]), facts.headline,
             facts.first(_TITLE_KEYS[2:-1]), facts.ld.page_title]  # fmt: skip
    # a page that declares itself a website, and no JSON-LD article, is no article
    website = (facts.first(["og:type"]) or "").lower() == "website" and not facts.ld.is_article
    chosen, index = choose_title([h for h, _ in facts.h1s], facts.title, metas, site_names, facts.url, website=website)
    shown = index is not None and _fold(facts.h1s[index][0]) == _fold(chosen or "")
    if not shown and facts.title and chosen is not None and _home_page(facts.url):
        chosen = _home_title(facts.title, site_names) or chosen
    if index is not None:
        return chosen, facts.h1s[index][1]
    # the headline as printed on the page, when the <h1> is something else (the blog's name)
    if chosen is not None:
        key = _fold(chosen)
        for node in facts.tree.css("h1, h2, h3")[:12]:
            text = heading_text(node)
            if text is not None and _fold(text) == key:
                return chosen, node
    return chosen, None


def _home_page(url: str | None) -> bool:
    """True for a site's home page: an address without path or query ("https://example.com/")."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.path in ("", "/") and not parts.query


def _home_title(title: str, site_names: Sequence[str]) -> str | None:
    """A home page's ``<title>`` whole when it leads with the site's name ("Example – The workspace that works
    for you"): the page is the site, so the site's name is part of the page's name, not a prefix to cut. (A
    title that only ends with the site's name is still cut: "The workspace that works for you | Example".)"""
    parts = _SEPARATORS.split(title, maxsplit=1)
    return title if len(parts) > 1 and _is_site_name(parts[0], site_names) else None


def _is_site_name(text: str, site_names: Sequence[str]) -> bool:
    k = _key(text)
    return not k or any(k == _key(n) or k == _key(n.split(".")[0]) for n in site_names)


class _Chrome:
    """Tells page chrome by its class and id names ("sidebar", "related-posts"), except the names the
    headline's own containers carry ("elementor-widget-container", "newsletter-issue"): the page uses those for
    its content too, so they mark no chrome on this page. (They are read only when a name looks like chrome.)"""

    __slots__ = ("_headline", "_neutral")

    def __init__(self, headline: LexborNode | None = None) -> None:
        self._headline = headline
        self._neutral: frozenset[str] | None = None

    def neutral(self) -> frozenset[str]:
        """The chrome-looking class and id tokens of the headline's containers."""
        if self._neutral is None:
            out: set[str] = set()
            current = self._headline.parent if self._headline is not None else None
            while current is not None and current.tag not in ("body", "html"):
                attrs = current.attributes
                hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
                if _NOT_CONTENT.search(hint):
                    out.update(t for t in hint.split() if _NOT_CONTENT.search(t))
                current = current.parent
            self._neutral = frozenset(out)
        return self._neutral

    def named(self, hint: str) -> bool:
        """True when a class/id string names chrome."""
        if _NOT_CONTENT.search(hint) is None:
            return False
        neutral = self.neutral()
        return not neutral or _NOT_CONTENT.search(" ".join(t for t in hint.split() if t not in neutral)) is not None

    def around(self, node: LexborNode, limit: int = 8, stop: LexborNode | None = None) -> bool:
        """True when an ancestor of ``node`` (up to ``limit`` levels, short of ``stop``) is page chrome: a
        footer, an aside, a navigation, or an element whose class or id names a comment, related-stories,
        sidebar ... block."""
        parent = node.parent
        depth = 0
        # (node == node compares the markup when they differ, and mem_id costs a microsecond: test the tag first)
        stop_tag, stop_id = (stop.tag, stop.mem_id) if stop is not None else (None, None)
        while parent is not None and depth < limit and not (parent.tag == stop_tag and parent.mem_id == stop_id):
            tag = parent.tag
            if tag in ("footer", "aside", "nav"):
                return True
            attrs = parent.attributes
            hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            if hint.strip() and self.named(hint):
                return True
            parent = parent.parent
            depth += 1
        return False


_SKIP_TAGS = frozenset({"script", "style", "noscript", "svg", "template", "select", "button", "iframe", "-comment",
                        "nav", "aside", "form", "ul", "ol", "menu", "figure", "picture"})  # fmt: skip
_STOP_TAGS = frozenset({"h2", "h3", "table", "footer"})


def _after(node: LexborNode) -> LexborNode | None:
    """The next node in document order that is not inside ``node``."""
    current: LexborNode | None = node
    while current is not None:
        if current.next is not None:
            return current.next
        current = current.parent
        if current is not None and current.tag in ("body", "html"):
            return None
    return None


def near_headline(node: LexborNode | None, limit: int = 1000, before: int = 300) -> list[str]:
    """The text pieces around the headline in reading order, nearest first: up to ``limit`` characters after
    the ``<h1>`` (stopping at the next section heading, list, table or page chrome), then up to ``before``
    characters just before it. Bylines and datelines sit there. Text nodes are visited one by one, so the cost
    is bounded by the budget, not by the size of the page."""
    if node is None:
        return []
    out: list[str] = []
    used = steps = 0
    current = _after(node)
    while current is not None and used < limit and steps < 500:
        steps += 1
        tag = current.tag
        if tag == "-text":
            text = " ".join((current.text_content or "").split())
            if text:
                out.append(text[:200])
                used += min(len(text), 200)
            current = _after(current)
        elif tag in _STOP_TAGS:
            break
        elif tag in _SKIP_TAGS or current.child is None:
            current = _after(current)
        else:
            current = current.child
    used = steps = 0
    current = node
    while used < before and steps < 100:
        steps += 1
        if current.prev is None:
            parent = current.parent
            if parent is None or parent.tag in ("body", "html"):
                break
            current = parent
            continue
        current = current.prev
        while current.tag not in _SKIP_TAGS and current.last_child is not None:
            current = current.last_child
        if current.tag == "-text":
            text = " ".join((current.text_content or "").split())
            if text:
                out.append(text[:200])
                used += min(len(text), 200)
        elif current.tag in _STOP_TAGS:
            break
    return out


def _region(node: LexborNode | None, levels: int = 3) -> LexborNode | None:
    """The headline's neighbourhood: its ancestor ``levels`` up (short of ``<body>``), where article headers
    keep their byline and dates."""
    if node is None:
        return None
    current = node
    for _ in range(levels):
        parent = current.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        current = parent
    return current


@dataclass(frozen=True, slots=True)
class _Head:
    """The page's headline and what is read around it, once: where bylines and datelines are looked for."""

    title: str | None
    near: list[str]  # the text pieces after, then before its heading (:func:`near_headline`)
    region: LexborNode | None  # the heading's neighbourhood (:func:`_region`), the body when there is none
    chrome: _Chrome  # tells page chrome, the heading's own containers' class names aside

    @classmethod
    def of(cls, title: str | None, node: LexborNode | None, tree: LexborHTMLParser) -> _Head:
        """The headline ``title``, read from the heading ``node`` (``None`` when the page shows none)."""
        region = _region(node) if node is not None else tree.body
        return cls(title, near_headline(node), region, _Chrome(node))


def _visible_authors(
    root: LexborNode | None, exclude: list[str], chrome: _Chrome,
    credits: list[tuple[tuple[str, ...], str]] | None = None,
) -> tuple[tuple[str, ...], str | None]:  # fmt: skip
    if root is None:
        return (), None
    return _byline_of(root.css(_BYLINE_SELECTOR)[:12], exclude, root, chrome=chrome, credits=credits)


def _byline_of(
    nodes: Iterable[LexborNode], exclude: list[str], root: LexborNode | None, *, levels: int = 8,
    chrome: _Chrome, credits: list[tuple[tuple[str, ...], str]] | None = None,
) -> tuple[tuple[str, ...], str | None]:  # fmt: skip
    """The names of the first of ``nodes`` (byline elements) that holds some, outside page chrome. A byline
    that names only ``exclude`` (the site itself: "By ASU Online") is added to ``credits``."""
    for node in nodes:
        text = node.attributes.get("content") if node.tag == "meta" else None
        if text is None:
            name_node = node.css_first('[itemprop="name"]') if node.attributes.get("itemprop") else None
            if name_node is not None and name_node.tag == "meta":
                text = name_node.attributes.get("content")
            if text is None:
                text = (name_node or node).text(deep=True, separator=" ")
        byline = _squash(text)
        if not byline or len(byline) > 120:
            continue
        if chrome.around(node, levels, root):
            continue
        names = clean_authors([byline], exclude, strict=True)
        if names:
            return names, byline
        if credits is not None:
            _site_credit(byline, exclude, credits)
    return (), None


def _site_credit(byline: str, site_names: list[str], credits: list[tuple[tuple[str, ...], str]]) -> None:
    """Adds to ``credits`` the names of ``byline`` when they are all the site's own ("By ASU Online")."""
    names = clean_authors([byline], strict=True)
    if names and all(_is_site_name(n, site_names) for n in names):
        credits.append((names, byline))


def _cue_byline(
    near: list[str], exclude: list[str], credits: list[tuple[tuple[str, ...], str]] | None = None
) -> tuple[tuple[str, ...], str | None]:
    """The names of the first "By <Name>" among the pieces beside the headline."""
    for text in _cue_joined(near):
        low = text.lower()  # (a cheap test first: most pieces hold no cue)
        if ("by" in low or "author" in low or "contributor" in low) and (m := _byline_cue(text)) is not None:
            names = clean_authors([m.group(1)], exclude, strict=True)
            if names:
                return names, _squash(m.group(0))
            if credits is not None:
                _site_credit(m.group(1), exclude, credits)
    return (), None


def _authors(facts: _Facts, site_names: list[str], head: _Head) -> tuple[tuple[str, ...], str | None]:
    """People first: JSON-LD, author meta, a byline element beside the headline, "By ..." beside it. Only when
    the page names no person, a credit to an organisation or a desk that the page gives *as the author*
    ("The Investopedia Team", JSON-LD ``author: {"@type": "Organization"}``), even when it is the publication
    itself: that is the page's byline. The publisher alone is never an author."""
    ld = facts.ld
    if ld.authors:
        names = clean_authors(ld.authors, site_names)
        if names:
            return names, None
    values = [
        name_first(v) if key in _SURNAME_FIRST_KEYS else v
        for key in _AUTHOR_KEYS
        for v in facts.meta.get(key, ())
        if not is_handle(v)
    ]
    if not values:
        values = [v for v in _labelled_authors(facts) if not is_handle(v)]
    if values:
        names = clean_authors(values, site_names)
        if names:
            return names, None
    site_credits: list[tuple[tuple[str, ...], str]] = []
    names, byline = _visible_authors(head.region, site_names, head.chrome, site_credits)
    if names:
        return names, byline
    names, byline = _cue_byline(head.near, site_names, site_credits)
    if names:
        return names, byline
    # the page's first author link or microdata author, away from the headline (a forum's first post)
    names, byline = _byline_of(facts.author_nodes, site_names, None, levels=4, chrome=head.chrome)
    if names:
        return names, byline
    names = _confirmed_name(facts, site_names, head)
    if names:
        return names, names[0]
    credits = [*ld.authors, *ld.author_orgs, *values]
    if credits:
        names = clean_authors(credits[:1], organisation=True)
        if names:
            return names, None
    if site_credits:  # the page's byline credits the site itself
        return site_credits[0]
    return (), None


#: A name printed alone: two to four capitalised words ("Jane Doe", "Jean-Luc O'Neill").
_ALONE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}")
#: Markup in a piece of source: whole tags, and the end of a tag cut at the piece's start.
_MARKUP = re.compile(r"<[^>]*>|^[^<]*>")


def _confirmed_name(facts: _Facts, site_names: list[str], head: _Head) -> tuple[str, ...]:
    """The first name printed alone beside the headline, with no cue and no mark ("Jane Doe"), when the page
    credits it with a cue elsewhere too ("Written by Jane Doe" in an author box after the story). Neither place
    alone makes an author: a name beside a headline may be a product's or a section's, and a "By" away from the
    headline may credit another story."""
    for piece in head.near[:8]:
        if len(piece) <= 40 and _ALONE.fullmatch(piece) and clean_authors([piece], site_names, strict=True) == (piece,):
            return (piece,) if _cued(facts.tree.raw_html, piece) else ()
    return ()


def _cued(source: bytes, name: str) -> bool:
    """True when the page's source has ``name`` after a byline cue ("By", "Written by:"), tags between them
    ignored. (The source is searched, not the page's text: extracting the text costs 0.2 ms on a median page.)"""
    key = name.encode()
    at = source.find(key)
    for _ in range(20):
        if at < 0:
            break
        window = source[max(0, at - 200) : at]
        low = window.lower()  # (a cheap test first: most occurrences follow no cue)
        if (b"by" in low or b"author" in low or b"contributor" in low) and not source[
            at + len(key) : at + len(key) + 1
        ].isalnum():
            before = window.decode("utf-8", "replace")
            if _BARE_CUE.search(" ".join(html.unescape(_MARKUP.sub(" ", before)).split())):
                return True
        at = source.find(key, at + 1)
    return False


_AUTHOR_LABEL = re.compile(r"^\s*(?:written by|author|authors|by|posted by)\s*:?\s*$", re.IGNORECASE)


def _labelled_authors(facts: _Facts) -> list[str]:
    """The author a page states in its share-card fields (``twitter:label1`` "Written by", ``twitter:data1``
    the name), as blog engines and SEO plugins write them."""
    out: list[str] = []
    for i in range(1, 5):
        labels = facts.meta.get(f"twitter:label{i}")
        if labels is None:
            break
        if _AUTHOR_LABEL.match(labels[0]):
            out.extend(facts.meta.get(f"twitter:data{i}", ())[:1])
    return out


def _cue_joined(pieces: list[str]) -> list[str]:
    """Text pieces with a bare "By" joined to the piece that follows it (``By <a>Name</a>``); other pieces stay
    apart, so a name never runs on into the next element's words."""
    out: list[str] = []
    for piece in pieces:
        if out and _BARE_CUE.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _visible_date(root: LexborNode | None, chrome: _Chrome) -> date | datetime | None:
    """The first date element in ``root`` (the headline's neighbourhood) outside chrome. An element marked as
    the update ("Updated on April 19, 2025") counts: where a page shows only that date, it is the date the
    page gives its readers."""
    if root is None:
        return None
    for node in root.css(_DATE_SELECTOR)[:15]:
        attrs = node.attributes
        raw = attrs.get("datetime") or attrs.get("content")
        if raw is None:
            raw = node.text(deep=True, separator=" ")
            if len(raw) > 80:
                continue
        if chrome.around(node, stop=root):
            continue
        if (found := parse_date(raw)) is not None:
            return found
    return None


def _published(facts: _Facts, head: _Head) -> date | datetime | None:
    """JSON-LD and meta publication dates, then a date element or a written date beside the headline, then
    microdata's ``datePublished`` anywhere, then the URL. The ``datePublished`` of a JSON-LD ``WebPage`` (the
    CMS's page record, on every page of many sites, shown nowhere) is not a publication date.

    When the metadata's published and modified stamps are the same day (a CMS stamp written on import or
    save, the page never updated) and the page prints another date beside the headline, the printed date
    wins."""
    for raw in (facts.ld.published, *facts.all(_PUBLISHED_KEYS)):
        if (found := parse_date(raw)) is not None:
            return _printed_instead(facts, found, head.near)
    if (found := _visible_date(head.region, head.chrome)) is not None:
        return found
    for text in head.near:
        if len(text) <= 100 and (found := parse_date(text)) is not None:  # a dateline, not a sentence
            return found
    if (found := parse_date(facts.date_published)) is not None:  # microdata away from the headline
        return found
    return date_from_url(facts.url)


_UPDATED = re.compile(r"updated|modified|revised|aktualisiert|mis à jour|actualizado", re.IGNORECASE)


def _printed_instead(facts: _Facts, found: date | datetime, near: list[str]) -> date | datetime:
    """``found`` (the metadata's date), or the date printed just after the headline when the page shows that
    one instead: the metadata's published and modified stamps are one day (a CMS stamp, never updated) and the
    printed date is another; or the page prints one date only, labelled as an update ("Updated March 5,
    2025"), later than the metadata's: the date the page gives its readers. A URL that carries the metadata's
    day confirms it."""
    stamped = day_of(found)
    head = near[:6]
    modified = [parse_date(raw) for raw in (facts.ld.modified, *facts.all(_MODIFIED_KEYS))]
    one_stamp = {day_of(m) for m in modified if m is not None} == {stamped}
    if not one_stamp and not any(_UPDATED.search(text) for text in head):  # (no need to read the dates)
        return found
    printed = [(i, d) for i, text in enumerate(head) if (d := parse_date(text)) is not None]
    if not printed:
        return found
    index, shown = printed[0]
    shown_day = day_of(shown)
    if shown_day == stamped or shown_day is None or stamped is None or date_from_url(facts.url) == stamped:
        return found
    if one_stamp:
        return shown
    if shown_day > stamped and len({day_of(d) for _, d in printed}) == 1 and _UPDATED.search(near[index]):
        return shown
    return found


def _modified(facts: _Facts) -> date | datetime | None:
    for raw in (facts.ld.modified, *facts.all(_MODIFIED_KEYS), facts.ld.page_modified):
        if (found := parse_date(raw)) is not None:
            return found
    return None


def normalise_language(value: str | None) -> str | None:
    """A BCP-47 tag from a page's language value ("en_us" → "en-US", "EN" → "en"), or ``None``."""
    if not value:
        return None
    raw = value.strip().split(",")[0].split(";")[0].strip().replace("_", "-")
    parts = [p for p in raw.split("-") if p]
    if not parts:
        return None
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3):
            out.append(part.upper())
        else:
            out.append(part.lower())
    tag = "-".join(out)
    return tag if _BCP47.match(tag) else None


def _language(facts: _Facts) -> str | None:
    html = facts.tree.root
    candidates = [html.attributes.get("lang") or html.attributes.get("xml:lang") if html is not None else None]
    candidates += [facts.first([k]) for k in _LANGUAGE_KEYS]
    candidates.append(facts.ld.language)
    for value in candidates:
        if (tag := normalise_language(value)) is not None:
            return tag
    return None


def _canonical(facts: _Facts) -> str | None:
    for href in facts.canonical:
        if found := facts.absolute(href):
            return found
    return facts.absolute(facts.first(["og:url"])) or facts.absolute(facts.ld.url)


def _image(facts: _Facts) -> str | None:
    for value in (*facts.all(_IMAGE_KEYS[:1]), facts.ld.image, *facts.all(_IMAGE_KEYS[1:])):
        if found := facts.absolute(value):
            return found
    return facts.absolute(facts.image_src)


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> Metadata:
    """The metadata of a parsed HTML page (``url`` resolves relative links and supplies the site's host)."""
    return _metadata(_Facts(tree, url))


def _metadata(facts: _Facts) -> Metadata:
    site_names = _site_names(facts)
    head = _Head.of(*_title(facts, site_names), facts.tree)
    authors, byline = _authors(facts, site_names, head)
    site_name = facts.first(["og:site_name"]) or facts.ld.site_name or facts.first(_SITE_KEYS[1:])
    description = facts.ld.description if facts.ld.is_article else None
    return Metadata(
        title=head.title,
        description=description or facts.first(_DESCRIPTION_KEYS),
        site_name=site_name,
        authors=authors or None,
        byline=byline,
        published=_published(facts, head),
        modified=_modified(facts),
        language=_language(facts),
        canonical_url=_canonical(facts),
        image=_image(facts),
    )


# ------------------------------------------------------------------------------------------ plugin
@hookimpl(trylast=True)
def docingest_extract_metadata(page: Page) -> Metadata | None:
    if page.tree is None or page.kind != "html":
        return None
    facts = _Facts(page.tree, page.url)
    # the titles the page declares, for the body extractor: it asked the cleaned tree twice, a whole-tree query each
    page.cache[TITLES_KEY] = declared_titles(facts.title_text, facts.title_metas)
    return _metadata(facts)
