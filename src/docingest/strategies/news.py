"""Hypothesis strategies for news pages with publisher boilerplate injected into and around the story.

:func:`news_pages` draws a :class:`NewsPage`: a story from the team-written bank rendered into realistic HTML
(head with title and meta tags, navigation, header, an ``<article>`` with headline, byline and paragraphs,
footer), with promos — subscription and membership pitches, newsletter and app promos, tip lines, related
links, share prompts, credits and ad labels, legal lines, author bios — injected between story paragraphs and
after the story, with and without helpful markup, in varied encodings. :func:`news_texts` draws the same kind
of article as scraped plain text. Each drawn value carries what a correct ingestion must give back.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from hypothesis import strategies as st

from ._bank import (
    FOOTER_LINES,
    NAV_ITEMS,
    OTHER_HEADLINES,
    PERK_LEADS,
    PERKS,
    PRICES,
    PROMO_KINDS,
    SITES,
    STORIES,
    Site,
    Story,
)

__all__ = ["NewsPage", "NewsText", "news_pages", "news_texts", "promo_units"]


@dataclass(frozen=True)
class NewsPage:
    """An HTML news page with what ingesting it must give back."""

    html: bytes
    """The page as served."""
    encoding: str
    """WHATWG name of the encoding ``html`` is written in (``utf-8``, ``windows-1252``, ``utf-16le`` ...)."""
    url: str
    """The page's URL."""
    title: str
    """The headline."""
    paragraphs: tuple[str, ...]
    """The story's paragraphs, in order, exactly as they must appear as blocks."""
    promos: tuple[str, ...]
    """Every injected boilerplate block's text (whitespace-normalised): none may survive ingestion."""
    site_name: str | None
    """The publication's name when the page gives it (``og:site_name``, the footer's copyright line or a promo
    naming it), else ``None``."""
    author: str
    """The byline's author."""
    chrome: tuple[str, ...] = ()
    """Navigation and footer texts around the article."""


@dataclass(frozen=True)
class NewsText:
    """A scraped plain-text news article with what ingesting it must give back."""

    text: str
    """The document: title on the first line, then paragraphs (one per line, or blank-line separated)."""
    url: str
    title: str
    paragraphs: tuple[str, ...]
    promos: tuple[str, ...]
    site_name: str | None
    """The publication's name when a promo names it, else ``None``."""
    author: str


@dataclass(frozen=True)
class PromoUnit:
    """One injected piece of boilerplate: its kind and its blocks (a perks offer is a lead and a list)."""

    kind: str
    texts: tuple[str, ...]
    is_list: bool = False


_HELPFUL_CLASS: dict[str, tuple[str, ...]] = {
    "subscription": ("promo", "subscribe-cta", "paywall-prompt", "inline-offer"),
    "membership": ("support-box", "donate-callout", "membership-ask", "contribution-epic"),
    "perks": ("member-perks", "promo-benefits"),
    "newsletter": ("newsletter-signup", "nl-promo"),
    "app": ("app-promo", "promo-app"),
    "tip line": ("tipline", "contact-box", "tips"),
    "related": ("related-link", "read-more", "recirc"),
    "share": ("share-tools", "social-follow"),
    "credit": ("credit", "ad-label"),
    "legal": ("copyright",),
    "bio": ("author-bio",),
}
_NEUTRAL_CLASS = ("", "block", "rich-text", "c-text", "body-copy", "text-block")


def _fill(template: str, site: Site, story: Story, headline: str, price: str) -> str:
    return template.format(
        site=site.name,
        email=site.email,
        handle=site.handle,
        phone=site.phone,
        price=price,
        author=story.author,
        headline=headline,
    )


@st.composite
def promo_units(draw: st.DrawFn, site: Site, story: Story) -> PromoUnit:
    """One promo unit for ``site`` (every kind of the bank, and member-perk lists)."""
    kinds = [*PROMO_KINDS, "perks"]
    kind = draw(st.sampled_from(kinds))
    headline = draw(st.sampled_from([h for h in OTHER_HEADLINES if h != story.title]))
    price = draw(st.sampled_from(PRICES))
    if kind == "perks":
        lead = _fill(draw(st.sampled_from(PERK_LEADS)), site, story, headline, price)
        perks = draw(st.lists(st.sampled_from(PERKS), min_size=2, max_size=4, unique=True))
        return PromoUnit("perks", (lead, *perks), is_list=True)
    template = draw(st.sampled_from(PROMO_KINDS[kind]))
    return PromoUnit(kind, (_fill(template, site, story, headline, price),))


@st.composite
def _article_parts(draw: st.DrawFn) -> tuple[Site, Story, tuple[str, ...], list[tuple[int, PromoUnit]]]:
    site = draw(st.sampled_from(SITES))
    story = draw(st.sampled_from(STORIES))
    keep = draw(st.lists(st.booleans(), min_size=len(story.paragraphs) - 1, max_size=len(story.paragraphs) - 1))
    paragraphs = (story.paragraphs[0], *(p for p, k in zip(story.paragraphs[1:], keep, strict=True) if k))
    n = draw(st.integers(min_value=1, max_value=6))
    units: list[tuple[int, PromoUnit]] = []
    for _ in range(n):
        # after paragraph i (1..len): between paragraphs, or after the story
        at = draw(st.integers(min_value=1, max_value=len(paragraphs)))
        units.append((at, draw(promo_units(site, story))))
    units.sort(key=lambda item: item[0])
    return site, story, paragraphs, units


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def _site_named(site: Site, units: list[tuple[int, PromoUnit]]) -> bool:
    return any(site.name in text for _, unit in units for text in unit.texts)


def _esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _render_unit(draw: st.DrawFn, unit: PromoUnit, site: Site) -> str:
    helpful = draw(st.booleans())
    cls = draw(st.sampled_from(_HELPFUL_CLASS[unit.kind] if helpful else _NEUTRAL_CLASS))
    attr = f' class="{cls}"' if cls else ""
    if unit.is_list:
        lead, *perks = unit.texts
        items = "".join(f"<li>{_esc(p)}</li>" for p in perks)
        wrapper = draw(st.sampled_from(["div", "section", "none"]))
        inner = f"<p><strong>{_esc(lead)}</strong></p>\n<ul>{items}</ul>"
        return inner if wrapper == "none" else f"<{wrapper}{attr}>\n{inner}\n</{wrapper}>"
    text = unit.texts[0]
    if unit.kind == "related" and ":" in text:
        label, rest = text.split(":", 1)
        body = f'{_esc(label)}: <a href="https://{site.host}/news/{_slug(rest)}">{_esc(rest.strip())}</a>'
    elif unit.kind == "share" and len(text) < 30:
        body = f'<a href="https://{site.host}/share">{_esc(text)}</a>'
    elif unit.kind in ("tip line", "bio") and "@" in text and draw(st.booleans()):
        body = re.sub(r"[\w.]+@[\w.]+\w", lambda m: f'<a href="mailto:{m.group(0)}">{m.group(0)}</a>', _esc(text))
    else:
        body = _esc(text)
    if unit.kind == "credit" and text.lower().startswith(("photo", "image", "illustration", "credit")):
        return (
            f'<figure{attr}><img src="https://{site.host}/img/{len(text)}.jpg" alt="">'
            f"<figcaption>{body}</figcaption></figure>"
        )
    shape = draw(st.sampled_from(["p", "div", "div-p", "aside"]))
    if shape == "p":
        return f"<p{attr}>{body}</p>"
    if shape == "div":
        return f"<div{attr}>{body}</div>"
    if shape == "div-p":
        return f"<div{attr}><p>{body}</p></div>"
    return f"<aside{attr}><p>{body}</p></aside>"


_ENCODINGS = ("utf-8", "utf-8-bom", "utf-8-nometa", "windows-1252", "iso-8859-1", "utf-16le", "utf-16be")


def _encode(document: str, choice: str) -> tuple[bytes, str]:
    if choice == "utf-8":
        return document.replace("<!--charset-->", '<meta charset="utf-8">').encode("utf-8"), "utf-8"
    if choice == "utf-8-bom":
        return b"\xef\xbb\xbf" + document.replace("<!--charset-->", "").encode("utf-8"), "utf-8"
    if choice == "utf-8-nometa":
        # a browser would fall back to windows-1252: keep the page ASCII (characters as references)
        return document.replace("<!--charset-->", "").encode("ascii", "xmlcharrefreplace"), "windows-1252"
    if choice == "windows-1252":
        meta = '<meta charset="windows-1252">'
        return document.replace("<!--charset-->", meta).encode("cp1252", "xmlcharrefreplace"), "windows-1252"
    if choice == "iso-8859-1":
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        return document.replace("<!--charset-->", meta).encode("cp1252", "xmlcharrefreplace"), "windows-1252"
    if choice == "utf-16le":
        return b"\xff\xfe" + document.replace("<!--charset-->", "").encode("utf-16-le"), "utf-16le"
    return b"\xfe\xff" + document.replace("<!--charset-->", "").encode("utf-16-be"), "utf-16be"


@st.composite
def news_pages(draw: st.DrawFn) -> NewsPage:
    """A news page: a bank story with random promos injected mid-story and after it, in a random encoding."""
    site, story, paragraphs, units = draw(_article_parts())
    meta_site = draw(st.booleans())
    footer_copyright = draw(st.booleans())
    title_suffix = draw(st.sampled_from([" | ", " - ", " — ", ""]))
    url = f"https://{site.host}/{story.section.lower()}/{_slug(story.title)}"
    head = [
        "<!--charset-->",
        f"<title>{_esc(story.title)}{title_suffix + _esc(site.name) if title_suffix else ''}</title>",
        f'<meta property="og:title" content="{html_lib.escape(story.title)}">',
        f'<meta name="description" content="{html_lib.escape(paragraphs[0][:150])}">',
        f'<link rel="canonical" href="{url}">',
    ]
    if meta_site:
        head.append(f'<meta property="og:site_name" content="{html_lib.escape(site.name)}">')
    nav = "".join(f'<li><a href="https://{site.host}/{n.lower()}">{n}</a></li>' for n in NAV_ITEMS)
    body: list[str] = [
        f'<header class="site-header"><a class="logo" href="https://{site.host}/">{_esc(site.name)}</a>'
        f"<nav><ul>{nav}</ul></nav></header>",
        "<main>",
        '<article class="story">',
        f"<h1>{_esc(story.title)}</h1>",
        f'<p class="byline">By {_esc(story.author)}</p>',
    ]
    pending = list(units)
    for i, paragraph in enumerate(paragraphs, 1):
        body.append(f"<p>{_esc(paragraph)}</p>")
        while pending and pending[0][0] == i:
            body.append(_render_unit(draw, pending.pop(0)[1], site))
    body += ["</article>", "</main>"]
    footer = [*FOOTER_LINES]
    body.append(
        "<footer>"
        + "".join(f'<a href="https://{site.host}/{_slug(f)}">{f}</a> ' for f in footer)
        + (f"<p>© 2024 {_esc(site.name)}</p>" if footer_copyright else "")
        + "</footer>"
    )
    document = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
    data, encoding = _encode(document, draw(st.sampled_from(_ENCODINGS)))
    promos = tuple(" ".join(t.split()) for _, unit in units for t in unit.texts)
    return NewsPage(
        html=data,
        encoding=encoding,
        url=url,
        title=story.title,
        paragraphs=paragraphs,
        promos=promos,
        site_name=site.name if meta_site or footer_copyright or _site_named(site, units) else None,
        author=story.author,
        chrome=(*NAV_ITEMS, *footer),
    )


@st.composite
def news_texts(draw: st.DrawFn) -> NewsText:
    """A scraped plain-text article: title line, optional byline, story paragraphs with promo lines in
    between and after, one paragraph per line or separated by blank lines."""
    site, story, paragraphs, units = draw(_article_parts())
    blank = draw(st.booleans())
    bullet = draw(st.sampled_from(["- ", "* ", "• "]))
    lines: list[str] = [story.title]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from([f"By {story.author}", f"By {story.author} | {story.section}"])))
    pending = list(units)
    for i, paragraph in enumerate(paragraphs, 1):
        lines.append(paragraph)
        while pending and pending[0][0] == i:
            unit = pending.pop(0)[1]
            if unit.is_list:
                lead, *perks = unit.texts
                lines.append(lead)
                items = [bullet + p for p in perks]
                if blank:
                    lines.append("\n".join(items))
                else:
                    lines.extend(items)
            else:
                lines.extend(unit.texts)
    text = ("\n\n" if blank else "\n").join(lines) + "\n"
    return NewsText(
        text=text,
        url=f"https://{site.host}/{story.section.lower()}/{_slug(story.title)}",
        title=story.title,
        paragraphs=paragraphs,
        promos=tuple(" ".join(t.split()) for _, unit in units for t in unit.texts),
        site_name=site.name if _site_named(site, units) else None,
        author=story.author,
    )
