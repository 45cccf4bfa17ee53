"""Three page templates that render a labelled article (:class:`~benchmarks.promo_data.LabelledArticle`) as HTML,
deliberately different, so the whole ``ingest_html`` path is measured, not only the block cleaner:

* ``flat`` — a bare news page: the publisher's blocks are ``<p>`` elements among the story's, in the same
  ``<article>``, with no class that tells them apart (only the text can);
* ``asides`` — a magazine layout: the publisher's blocks in boxes (every other one an ``<aside>``, which page-chrome
  cleaners may take whole; the rest a ``<div>`` inside the story's flow), short lines as ``<h3>``, a
  colon-ended pitch followed by its items as a ``<ul>``, credits as ``<figure><figcaption>``, the story's
  paragraphs in a ``<section>``;
* ``cms`` — a CMS page with wrappers everywhere: header, navigation, breadcrumbs, every block in nested
  ``<div class="wp-block-…">`` wrappers whose class names are the same for story and publisher blocks, links in
  the publisher's blocks, a sidebar and a footer.

The templates know each block's label only to choose markup that real sites use for such blocks; the label never
appears in the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from benchmarks.promo_data import LabelledArticle

_CREDIT = re.compile(r"^\W*(photo|image|picture|illustration|credit|video|graphic)s?\b|/\s?[A-Z]", re.IGNORECASE)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _head(article: LabelledArticle, extra: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{_e(article.title)}</title>"
            f"{extra}</head>")


def flat(article: LabelledArticle) -> str:
    body = "".join(f"<p>{_e(text)}</p>" for _, text in article.blocks)
    return (_head(article) + f"<body><article><h1>{_e(article.title)}</h1>{body}</article></body></html>")


def _runs(article: LabelledArticle) -> list[tuple[str, list[str]]]:
    runs: list[tuple[str, list[str]]] = []
    for kind, text in article.blocks:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(text)
        else:
            runs.append((kind, [text]))
    return runs


def asides(article: LabelledArticle) -> str:
    out: list[str] = []
    boxes = 0
    for kind, texts in _runs(article):
        if kind == "body":
            out.append("<section class=\"story\">" + "".join(f"<p>{_e(t)}</p>" for t in texts) + "</section>")
            continue
        box: list[str] = []
        i = 0
        while i < len(texts):
            text = texts[i]
            if text.rstrip().endswith(":") and i + 1 < len(texts):
                items = texts[i + 1:]
                box.append(f"<p><strong>{_e(text)}</strong></p><ul>" + "".join(f"<li>{_e(t)}</li>" for t in items)
                           + "</ul>")
                break
            if _CREDIT.search(text) and len(text) < 120:
                box.append(f"<figure><img src=\"/img/{i}.jpg\" alt=\"\"><figcaption>{_e(text)}</figcaption></figure>")
            elif len(text) < 60 and not text.endswith("."):
                box.append(f"<h3>{_e(text)}</h3>")
            else:
                box.append(f"<p>{_e(text)}</p>")
            i += 1
        tag = "aside" if boxes % 2 else "div"
        boxes += 1
        out.append(f"<{tag} class=\"box\">" + "".join(box) + f"</{tag}>")
    return (_head(article) + "<body><main><article><header><h1>" + _e(article.title) + "</h1></header>"
            + "".join(out) + "</article></main></body></html>")


def _linked(text: str) -> str:
    """The text with its first phrase of up to six words as a link (publisher blocks link to offers)."""
    words = text.split(" ")
    cut = min(6, max(1, len(words) // 3))
    return f"<a href=\"/go\">{_e(' '.join(words[:cut]))}</a> {_e(' '.join(words[cut:]))}".rstrip()


def cms(article: LabelledArticle) -> str:
    out: list[str] = []
    for kind, text in article.blocks:
        inner = _e(text) if kind == "body" else _linked(text)
        out.append(f"<div class=\"wp-block-group\"><div class=\"wp-block-group__inner-container\">"
                   f"<p class=\"wp-block-paragraph\">{inner}</p></div></div>")
    nav = "".join(f"<li><a href=\"/{s.lower()}\">{s}</a></li>" for s in ("News", "Sport", "Business", "Opinion"))
    return (_head(article, "<meta name=\"viewport\" content=\"width=device-width\">")
            + "<body class=\"single-post\"><div id=\"page\" class=\"site\"><header class=\"site-header\">"
            + f"<nav class=\"main-navigation\"><ul>{nav}</ul></nav></header>"
            + "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/news\">News</a></div>"
            + "<div id=\"content\" class=\"site-content\"><div class=\"content-area\"><main class=\"site-main\">"
            + f"<div class=\"post type-post\"><h1 class=\"entry-title\">{_e(article.title)}</h1>"
            + "<div class=\"entry-content\">" + "".join(out) + "</div></div></main></div>"
            + "<div class=\"widget-area sidebar\"><section class=\"widget\"><h2>Latest</h2><ul>"
            + "".join(f"<li><a href=\"/s{n}\">Other story number {n}</a></li>" for n in range(5))
            + "</ul></section></div></div><footer class=\"site-footer\"><p>Privacy · Terms · Contact</p></footer>"
            + "</div></body></html>")


TEMPLATES: dict[str, Callable[[LabelledArticle], str]] = {"flat": flat, "asides": asides, "cms": cms}
