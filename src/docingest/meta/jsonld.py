"""schema.org JSON-LD: the article node of a page and its fields.

Only ``<script type="application/ld+json">`` is read, with :func:`json.loads`. Nodes are collected through
lists, ``@graph`` and nested objects (``mainEntity``, ``mainEntityOfPage``, ``hasPart``); references
(``{"@id": ...}``) are resolved against the nodes that carry that ``@id``, as Yoast-style graphs need for
their authors and publishers.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: Article-like types, best first.
ARTICLE_TYPES = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
    "backgroundnewsarticle", "askpublicnewsarticle", "article", "blogposting", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "socialmediaposting", "discussionforumposting", "review",
    "medicalwebpage", "howto", "recipe", "qapage", "faqpage", "creativework", "posting",
)  # fmt: skip
_RANK = {t: i for i, t in enumerate(ARTICLE_TYPES)}
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "profilepage", "aboutpage", "searchresultspage",
                        "contactpage", "checkoutpage"})
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness",
                       "educationalorganization", "governmentorganization", "ngo", "brand", "website"})
_COMMENT = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


@dataclass
class JsonLd:
    """What the page's JSON-LD says about its main article (``None`` / empty where it says nothing)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    author_orgs: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    description: str | None = None
    site_name: str | None = None
    image: str | None = None
    url: str | None = None
    language: str | None = None
    page_title: str | None = None
    page_published: str | None = None
    page_modified: str | None = None
    is_article: bool = False


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type")
    if isinstance(value, str):
        return [value.rsplit("/", 1)[-1].lower()]
    if isinstance(value, list):
        return [v.rsplit("/", 1)[-1].lower() for v in value if isinstance(v, str)]
    return []


def _walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "about"):
            child = value.get(key)
            if isinstance(child, dict | list):
                yield from _walk(child, depth + 1)


def parse_scripts(texts: list[str]) -> list[dict[str, Any]]:
    """All JSON-LD nodes of the given script texts; unparsable scripts are skipped."""
    nodes: list[dict[str, Any]] = []
    for raw in texts:
        text = raw.strip()
        # (the wrappers can only be there when the text starts with "<" or "/" or ends with ">": the pattern's
        # end alternative, tried at every character, costs more than parsing the JSON on a median page)
        if text[:1] in ("<", "/") or text[-1:] == ">":
            text = _COMMENT.sub("", text).strip()
        if not text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        nodes.extend(_walk(data))
    return nodes


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join((html.unescape(value) if "&" in value else value).split())
        return text or None
    if isinstance(value, list):
        for item in value:
            if (found := _text(item)) is not None:
                return found
    if isinstance(value, dict):
        return _text(value.get("@value"))
    return None


def _url(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            if (found := _url(item)) is not None:
                return found
    if isinstance(value, dict):
        return _url(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


def _resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and "@id" in value and len(value) <= 2 and isinstance(value["@id"], str):
        return index.get(value["@id"], value)
    return value


def _people(value: Any, index: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) of an ``author`` value."""
    people: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for ref in items:
        item = _resolve(ref, index)
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if name is None:
                given, family = _text(item.get("givenName")), _text(item.get("familyName"))
                name = " ".join(x for x in (given, family) if x) or None
            if name is None:
                continue
            types = set(_types(item))
            if types & ORG_TYPES and "person" not in types:
                orgs.append(name)
            else:
                people.append(name)
    return people, orgs


def extract(nodes: list[dict[str, Any]]) -> JsonLd:
    """The article fields of a page's JSON-LD nodes."""
    out = JsonLd()
    if not nodes:
        return out
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 2}
    best: dict[str, Any] | None = None
    best_rank = len(ARTICLE_TYPES)
    page: dict[str, Any] | None = None
    for node in nodes:
        types = _types(node)
        for t in types:
            rank = _RANK.get(t)
            if rank is not None and rank < best_rank and (node.get("headline") or node.get("name")):
                best, best_rank = node, rank
            if t in PAGE_TYPES and page is None:
                page = node
        if "website" in types and out.site_name is None:
            out.site_name = _text(node.get("name"))
    if page is not None:
        out.page_title = _text(page.get("headline") or page.get("name"))
        out.page_published = _text(page.get("datePublished"))
        out.page_modified = _text(page.get("dateModified"))
        out.language = _text(page.get("inLanguage"))
        if out.description is None:
            out.description = _text(page.get("description"))
        if best is None and page.get("author") is not None:
            out.authors, out.author_orgs = _people(page.get("author"), index)
    if best is None:
        return out
    out.is_article = True
    out.title = _text(best.get("headline")) or _text(best.get("name"))
    people, orgs = _people(best.get("author") or best.get("creator"), index)
    out.authors, out.author_orgs = people, orgs
    out.published = _text(best.get("datePublished")) or _text(best.get("dateCreated"))
    out.modified = _text(best.get("dateModified"))
    out.description = _text(best.get("description")) or out.description
    publisher = _resolve(best.get("publisher"), index)
    if isinstance(publisher, dict) and (name := _text(publisher.get("name"))):
        if "person" not in _types(publisher):
            out.site_name = name
    elif isinstance(publisher, str):
        out.site_name = _text(publisher)
    out.image = _url(_resolve(best.get("image"), index)) or _url(best.get("thumbnailUrl"))
    main = best.get("mainEntityOfPage")
    out.url = _url(best.get("url")) or (_url(main) if isinstance(main, str | dict) else None)
    out.language = _text(best.get("inLanguage")) or out.language
    return out
