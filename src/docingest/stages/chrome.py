"""Built-in tree cleaner: page chrome (scripts, navigation, headers, footers, asides, forms) out of the tree."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Page, TreeCleaner
from ..hookspecs import hookimpl
from ..models import Removal

_DROP = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button"


class ChromeCleaner:
    """Removes elements that are never main content."""

    name = "docingest.chrome"
    order = 100

    def clean(self, page: Page) -> None:
        if page.tree is None:
            return
        for node in page.tree.css(_DROP):
            text = " ".join((node.text(separator=" ") or "").split())
            if text and node.tag not in ("script", "style", "noscript", "template", "svg"):
                page.removed.append(Removal(cleaner=self.name, reason=node.tag or "chrome", text=text[:2000]))
            node.decompose()


@hookimpl
def docingest_tree_cleaners() -> Sequence[TreeCleaner]:
    return [ChromeCleaner()]
