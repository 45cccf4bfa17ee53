"""Built-in metadata extractor for HTML: title, description, language, canonical URL."""

from __future__ import annotations

from ..document import Metadata, Page
from ..hookspecs import hookimpl


def _meta(page: Page, *names: str) -> str | None:
    assert page.tree is not None
    for name in names:
        node = page.tree.css_first(f'meta[property="{name}"], meta[name="{name}"]')
        if node is not None:
            value = (node.attributes.get("content") or "").strip()
            if value:
                return value
    return None


@hookimpl(trylast=True)
def docingest_extract_metadata(page: Page) -> Metadata | None:
    if page.tree is None:
        return None
    title = _meta(page, "og:title")
    if title is None and (node := page.tree.css_first("title")) is not None:
        title = " ".join(node.text().split()) or None
    lang = None
    if (html := page.tree.css_first("html")) is not None:
        lang = (html.attributes.get("lang") or "").strip() or None
    canonical = None
    if (link := page.tree.css_first('link[rel="canonical"]')) is not None:
        canonical = (link.attributes.get("href") or "").strip() or None
        if canonical and not canonical.startswith(("http://", "https://")):
            canonical = None
    return Metadata(
        title=title,
        description=_meta(page, "og:description", "description"),
        site_name=_meta(page, "og:site_name"),
        language=lang if lang and lang.replace("-", "").isalnum() and len(lang) <= 12 else None,
        canonical_url=canonical,
    )
