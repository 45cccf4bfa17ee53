"""Built-in tree cleaner: page chrome out of the tree before the body is extracted.

Removes navigation, site headers and footers, sidebars, "related" and "most read" rails, share bars, cookie
banners, comment sections, forms, ads and dialogs: by element (``nav``, ``aside``, ``footer``, ...), by ARIA
role (``navigation``, ``banner``, ``contentinfo``, ``complementary``, ``search``) and by class/id hints
("sidebar", "share", "related", "cookie", "comments", ...). Each removal is recorded as a
:class:`~docingest.models.Removal` with this cleaner's name, the reason and the removed text.

A chrome element is kept when it holds the content itself: an element that is or contains ``<main>``,
``<article>`` or ``itemprop=articleBody``, a big element of running text with few links (a page-wide
``<form>`` of ASP.NET sites, a ``<div class="inline-and-sidebar-container">`` wrapper), or, whatever its name,
an element that holds the story: the first run of text after the headline and most of the page's text
(:class:`docingest.html.story.Story`; names are hints, structure decides). Such a refusal is recorded in
``page.refused`` (it ends in ``Article.provenance.refused``), and the chrome inside the element is still judged.
The body extractor's scores judge what is kept. The ``<head>`` is never touched, so metadata extractors still see
JSON-LD and ``<meta>`` after cleaning. The cleaner is idempotent: a second run finds nothing left to remove (and
records no refusal twice).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from ..document import Page, TreeCleaner
from ..hookspecs import hookimpl
from ..html import squash, tag_id
from ..html.story import BY_TAG, STORY_CHARS, Story
from ..models import Removal

_MAX_TEXT = 2000
_BIG = 1000
#: Elements that are chrome whatever their size: a big text-heavy ``<footer>`` is a legal notice.
_ALWAYS = frozenset({"navigation", "footer"})
#: Class/id reasons that hold whatever the size: a long comment thread is still not the article (on forums
#: the thread is the content, but its posts are seldom marked "comments"; measured: removing comment sections
#: only when the page keeps 1,500 characters without them cost articles more than it gained forums), and a
#: consent panel, a promo bar, a disclaimer or a related-stories grid with summaries reads like prose but is
#: never the content (the big-and-wordy rescue below is for content wrappers with unlucky class names).
_ALWAYS_HINTED = frozenset({"comments", "cookie banner", "promo bar", "disclaimer", "related links", "most read"})
_LINKY = 0.35

_BY_TAG = {
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "footer",
    "header": "header",
    "form": "form",
    "dialog": "dialog",
    "menu": "navigation",
}
_BY_ROLE = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "search",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "menu": "navigation",
    "menubar": "navigation",
}
# class/id hints: phrases matched against runs of 1-3 consecutive words of the class/id text, words joined
# without separator ("most-read", "most_read", "mostRead" and "mostread" all read "mostread")
_HINTS: dict[str, tuple[str, ...]] = {
    "comments": (
        "comments", "commentlist", "commentsarea", "commentarea", "commentssection", "commentsection",
        "commentswrapper", "commentscontainer", "commentform", "commentrespond", "respond", "disqus",
        "disqusthread", "replyform",
    ),
    "cookie banner": (
        "cookie", "cookies", "cookiebanner", "cookienotice", "cookieconsent", "cookiebar", "cookielaw", "consent",
        "gdpr", "ccbanner", "onetrust", "otsdk", "otpc",
    ),
    "share bar": (
        "share", "sharing", "sharebar", "sharebuttons", "sharebutton", "sharelinks", "sharetools", "shareicons",
        "social", "socialshare", "sociallinks", "socialmedia", "socialicons", "socialbuttons", "sharedaddy",
        "addthis", "shareaholic",
    ),
    "related links": (
        "related", "relatedposts", "relatedarticles", "relatedstories", "relatedcontent", "relatedlinks",
        "recentposts", "latestposts", "readnext", "readthisnext", "morelikethis", "youmightlike", "youmayalsolike",
        "recommended", "recommendations", "morestories", "morearticles", "morenews", "readnext", "alsoread",
        "youmaylike", "outbrain", "taboola",
    ),
    "most read": (
        "mostread", "mostpopular", "mostviewed", "mostshared", "popularposts", "populararticles",
        "popularstories", "trending",
    ),
    "newsletter": ("newsletter", "newslettersignup", "subscribebox", "subscribeform", "subscribewidget",
                   "signupform"),
    "sidebar": ("sidebar", "rightrail", "leftrail"),
    "navigation": (
        "breadcrumb", "breadcrumbs", "pagination", "pager", "skiplink", "skiptocontent", "navbar", "mainnav",
        "globalnav", "sitenav", "topnav", "megamenu", "menubar", "nav", "navigation", "menu",
    ),
    "footer": ("sitefooter", "globalfooter", "footer", "pagefooter", "colophon"),
    "advertisement": (
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adcontainer",
        "adwrapper", "adbanner", "adblock", "adsbygoogle", "sponsored", "dfp", "gptad",
    ),
    "dialog": ("popup",),
    "reviews": (
        "reviews", "customerreviews", "customerreview", "productreviews", "reviewlist", "reviewssection",
        "reviewscontent", "reviewbody", "reviewtext",
    ),
    "disclaimer": ("disclaimer", "affiliatedisclaimer", "affiliatedisclosure"),
    "promo bar": ("promobar", "promobanner", "announcementbar"),
    "poster details": ("messageuser", "celluser", "userinfo", "postprofile"),
    "author bio": (
        "authorbio", "aboutauthor", "abouttheauthor", "authorbox", "authorinfo", "authorsection", "authorcard",
        "authordetails", "authorprofile", "postauthor", "bioauthor", "authorwrap",
    ),
}
#: Roots recognised inside a longer word too ("bbccookies", "mainsidebar"): never part of content words.
_ROOTS = (("cookie", "cookie banner"), ("gdpr", "cookie banner"), ("disqus", "comments"),
          ("outbrain", "related links"), ("taboola", "related links"), ("breadcrumb", "navigation"),
          ("adsbygoogle", "advertisement"), ("newsletter", "newsletter"))
_PHRASES = {phrase: reason for reason, phrases in _HINTS.items() for phrase in phrases}
_SPLIT = re.compile(r"[^a-z0-9]+")
#: Any of the roots (one search instead of a test per root; the roots' order still decides the reason).
_ANY_ROOT = re.compile("|".join(re.escape(root) for root, _ in _ROOTS))
#: Every prefix of a phrase: a match of one to three words can only start at a word among these.
_PREFIXES = frozenset(phrase[:n] for phrase in _PHRASES for n in range(len(phrase) + 1))
#: Elements that may be chrome: block containers only (spans, links and list items carry most of a page's
#: classes but are parts of chrome, not its containers), so few elements are looked at from Python: a ``div``,
#: ``section``, ``ul`` or ``ol`` with a class or an id, a ``nav``, ``aside``, ``footer``, ``header``, ``form``,
#: ``dialog`` or ``menu``, and any element with a ``role``. Written as one selector, (tag or role) and (class, id,
#: tag or role), which says the same: Lexbor lists each element once, and the query costs 5% less than the list of
#: selectors it stands for (``:is(div, section, ul, ol):is([class], [id]), nav, ..., [role]``).
_TAGGED = "nav, aside, footer, header, form, dialog, menu"
_CANDIDATES = f":is(div, section, ul, ol, {_TAGGED}, [role]):is([class], [id], {_TAGGED}, [role])"
#: A ``<header>`` inside sectioning content is that section's head (a teaser's title and summary, a story's
#: headline), not the page banner (HTML's rule for the implicit ``banner`` role); class/id hints still apply.
_SECTIONED = frozenset({tag_id("header")})
_SECTIONS = frozenset({tag_id("article"), tag_id("section"), tag_id("main")})
_BY_TAG_ID = {tag_id(tag): reason for tag, reason in _BY_TAG.items()}
_ARTICLE = tag_id("article")


def _in_section(node: LexborNode) -> bool:
    """True for an element inside an ``<article>``, a ``<section>`` or ``<main>``."""
    current = node.parent
    while current is not None:
        if current.tag_id in _SECTIONS:
            return True
        current = current.parent
    return False


_KEEP = "main, [itemprop=articleBody], [role=main]"
#: What protects an element, and the headings and titles :class:`Story` looks for, in one query (each query walks
#: the whole body).
_MARKED = f"{_KEEP}, article, {BY_TAG}"
_STORY_TAGS = frozenset(tag_id(tag) for tag in BY_TAG.split(", "))
_NEVER = frozenset(tag_id(tag) for tag in ("html", "body", "main", "article"))


def _reason(node: LexborNode) -> tuple[str | None, bool]:
    """Why ``node`` is chrome (``None`` if it is not), and whether the element itself says so (its tag or
    ARIA role) rather than a class/id hint."""
    tag = node.tag_id
    reason = _BY_TAG_ID.get(tag)
    if reason is not None and not (tag in _SECTIONED and _in_section(node)):
        return reason, True
    if tag in _NEVER:
        return None, False
    attrs = node.attributes  # one call for all attributes: cheaper than the attribute proxy's lookups
    role = attrs.get("role")
    if role and (reason := _BY_ROLE.get(role.strip().lower())) is not None:
        return reason, True
    # the class and the id are judged apart (as ``hint_reason`` of the two together would): most elements of a
    # page share a few class lists, while ids are unique
    cls = attrs.get("class")
    ident = attrs.get("id")
    cache = _hint_cache
    if cls:
        found = cache.get(cls, _UNSEEN)
        if found is _UNSEEN:
            found = _judged(cls)
        if ident and found != _BODY:
            other = cache.get(ident, _UNSEEN)
            if other is _UNSEEN:
                other = _judged(ident)
            found = _BODY if other == _BODY else found if found is not None else other
    elif ident:
        found = cache.get(ident, _UNSEEN)
        if found is _UNSEEN:
            found = _judged(ident)
    else:
        return None, False
    return (None if found == _BODY else found), False


def _judged(hint: str) -> str | None:
    """:func:`_judge`, memoised in ``_hint_cache``."""
    found = _judge(hint)
    if len(_hint_cache) > _CACHE_SIZE:
        _hint_cache.clear()
    _hint_cache[hint] = found
    return found


#: Default of cache lookups: a string no class name holds (Lexbor turns NUL into U+FFFD), never a cached value.
_UNSEEN = "\x00unseen"
#: Class (or id) texts already judged: most elements of a page share a few class lists.
_hint_cache: dict[str, str | None] = {}


_cache: dict[str, str | None] = {}
_CACHE_SIZE = 20_000
_BODY = "\x00body"


def hint_reason(hint: str) -> str | None:
    """The chrome reason a class/id text suggests, or ``None``."""
    if not hint:
        return None
    found = _judge(hint)
    return None if found == _BODY else found


def _judge(hint: str) -> str | None:
    """The first reason the tokens of ``hint`` suggest, ``_BODY`` if one declares the article body."""
    reason: str | None = None
    cache = _cache
    for token in hint.split():
        found = cache.get(token, _UNSEEN)
        if found is _UNSEEN:
            found = _token_reason(token)
        if found is _BODY:  # the element declares itself the article body
            return _BODY
        if reason is None:
            reason = found
    return reason


def _token_reason(token: str) -> str | None:
    """The reason one class token suggests (memoised: class names repeat within and across pages)."""
    lowered = token.lower()
    joined = "-" in lowered or "_" in lowered
    reason: str | None = None
    if "articlebody" in (lowered.replace("-", "").replace("_", "") if joined else lowered):
        reason = _BODY
    else:
        reason = _PHRASES.get(lowered)
        if reason is None and (joined or ":" in lowered):
            words = _SPLIT.split(lowered)
            count = len(words)
            for i, word in enumerate(words):
                if word not in _PREFIXES:  # no phrase starts with this word (most words)
                    continue
                reason = _PHRASES.get(word)
                if reason is None and i + 1 < count:
                    two = word + words[i + 1]
                    reason = _PHRASES.get(two)
                    if reason is None and i + 2 < count and two in _PREFIXES:
                        reason = _PHRASES.get(two + words[i + 2])
                if reason is not None:
                    break
        if reason is None and _ANY_ROOT.search(lowered):
            reason = next((why for root, why in _ROOTS if root in lowered), None)
    if len(_cache) > _CACHE_SIZE:  # bounded memory over long runs (hashed class names never repeat)
        _cache.clear()
    _cache[token] = reason
    return reason


def _path(node: LexborNode) -> str:
    parts: list[str] = []
    current: LexborNode | None = node
    while current is not None and len(parts) < 4 and current.tag not in ("body", "html", "-document"):
        attrs = current.attributes or {}
        cls = (attrs.get("class") or "").split()
        ident = attrs.get("id")
        tag = current.tag or ""
        parts.append(tag + (f"#{ident}" if ident else "") + (f".{cls[0]}" if cls else ""))
        current = current.parent
    return " > ".join(reversed(parts))


class ChromeCleaner:
    """Removes page chrome from the body of the tree, recording each removal."""

    name = "docingest.chrome"
    order = 100

    def clean(self, page: Page) -> None:
        tree = page.tree
        if tree is None:
            return
        body = tree.body
        if body is None:
            return
        # one pass: the candidates inside an element chosen for removal are not even judged (about half of a
        # page's candidates sit in its menus, footers and rails)
        keep: set[int] | None = None
        marked: list[LexborNode] | None = None  # the body's titles and headings, found with ``keep``
        story: Story | None = None  # where the story is: asked only about big elements
        chosen: list[tuple[LexborNode, str, str]] = []
        refused: list[tuple[LexborNode, str, str]] = []
        within: _Subtree | None = None  # the last element chosen: the candidates inside it follow it
        for node in body.css(_CANDIDATES):  # each once, in document order
            if within is not None:
                if within.holds(node):
                    continue
                within = None  # in document order, the rest of the page lies outside it
            reason, strong = _reason(node)
            if reason is None:
                continue
            if keep is None:
                keep, marked = _marks(body)
            if node.mem_id in keep:
                continue
            text = node.text()
            if len(text) > _BIG:
                text = _visible_text(node, text)
                always = reason in _ALWAYS if strong else reason in _ALWAYS_HINTED
                if len(text) > _BIG and not always and _reads_like_content(node, text):
                    continue
            if len(text) >= STORY_CHARS:  # names are hints: an element holding the story is judged inside
                if story is None:
                    story = Story(tree.root or body, body, page.metadata.title, marked)
                if story.holds(node, len(text)):
                    refused.append((node, reason, text))
                    continue
            within = _Subtree(node)
            chosen.append((node, reason, text))
        page.removed.extend(self._removals(chosen))
        if refused:  # a second run refuses the same elements again (their text less the chrome since removed)
            known = {(r.cleaner, r.reason, r.where) for r in page.refused}
            page.refused.extend(r for r in self._removals(refused) if (r.cleaner, r.reason, r.where) not in known)
        for node, _, _ in chosen:
            node.decompose()

    def _removals(self, which: list[tuple[LexborNode, str, str]]) -> list[Removal]:
        out: list[Removal] = []
        for node, reason, text in which:
            short = _clip(text)
            if short:
                out.append(Removal(cleaner=self.name, reason=reason, text=short, where=_path(node)))
        return out


def _clip(text: str) -> str:
    """The first :data:`_MAX_TEXT` characters of the whitespace-normalised text (of its first four times as many
    characters), normalising only as much of a long text as they need: the normalised start of a text is the
    start of its normalised whole (a word cut at the end is a prefix of the whole word)."""
    head = squash(text[: _MAX_TEXT + _MAX_TEXT // 4])
    if len(head) >= _MAX_TEXT:
        return head[:_MAX_TEXT]
    return squash(text[: 4 * _MAX_TEXT])[:_MAX_TEXT]


class _Subtree:
    """Tells which of the nodes that follow an element in document order lie inside it, walking up from each only
    as far as a node already placed: inside (the element or a node found inside it) or outside (an ancestor of
    the element)."""

    __slots__ = ("inside", "outside")

    def __init__(self, node: LexborNode) -> None:
        self.inside = {node.mem_id}
        self.outside = _ancestors_of([node.parent]) if node.parent is not None else set()

    def holds(self, node: LexborNode) -> bool:
        """True when ``node`` (which follows the element in document order) lies inside it."""
        path: list[int] = []
        current = node.parent
        while current is not None:
            mem = current.mem_id
            if mem in self.inside:
                self.inside.update(path)
                return True
            if mem in self.outside:
                return False
            path.append(mem)
            current = current.parent
        return False


def _marks(body: LexborNode) -> tuple[set[int], list[LexborNode]]:
    """Ids of the elements that hold the content and of their ancestors: ``<main>``, ``itemprop=articleBody``,
    ``role=main``, and the ``<article>`` that may hold the content: the only one, or the longest of several (a
    comment thread or a teaser list made of small ``<article>`` s protects nothing); and what ``body.css(BY_TAG)``
    finds, for :class:`Story`. One query for all (each query walks the whole body): Lexbor lists an element once
    for each selector it matches, in a row, so an ``<article>`` or a heading listed more than once also matches
    :data:`_KEEP`, and any other element listed matches it."""
    keep: list[LexborNode] = []
    articles: list[LexborNode] = []
    marked: list[LexborNode] = []
    found = body.css(_MARKED)
    count = len(found)
    i = 0
    while i < count:
        node = found[i]
        mem = node.mem_id
        j = i + 1
        while j < count and found[j].mem_id == mem:
            j += 1
        tag = node.tag_id
        if tag == _ARTICLE:
            articles.append(node)
            if j - i > 1:  # an ``<article itemprop="articleBody">`` is kept whatever its length
                keep.append(node)
        elif tag in _STORY_TAGS:
            marked.append(node)
            if j - i > 1:
                keep.append(node)
        else:
            keep.append(node)
        i = j
    if len(articles) > 1:
        articles = [max(articles, key=lambda node: len(node.text()))]
    return _ancestors_of(keep + articles), marked


def _reads_like_content(node: LexborNode, text: str) -> bool:
    """True for a big chrome-looking element that is mostly running text, not links: a content wrapper with
    an unlucky class name ("inline-and-sidebar-container", "body-ad-wrapper") or a page-wide ``<form>``."""
    length = len(squash(text))
    if length <= _BIG:
        return False
    links = sum(len(squash(a.text())) for a in node.css("a"))
    return links <= _LINKY * length


def _visible_text(node: LexborNode, text: str) -> str:
    """``text`` (the text of ``node``) without its scripts' and styles' text, when it has any."""
    if node.css_first("script, style, template, noscript") is None:
        return text
    parts: list[str] = []
    for t in node.traverse(include_text=True):
        if t.is_text_node:
            parent = t.parent
            if parent is None or parent.tag not in _UNSHOWN:
                parts.append(t.text_content or "")
    return "".join(parts)


_UNSHOWN = frozenset({"script", "style", "template", "noscript"})


def _ancestors_of(nodes: list[LexborNode]) -> set[int]:
    """Ids of ``nodes`` and of all their ancestors."""
    ids: set[int] = set()
    for node in nodes:
        current: LexborNode | None = node
        while current is not None and current.mem_id not in ids:
            ids.add(current.mem_id)
            current = current.parent
    return ids


@hookimpl
def docingest_tree_cleaners() -> Sequence[TreeCleaner]:
    return [ChromeCleaner()]
