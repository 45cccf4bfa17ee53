"""The pipeline parses HTML with Lexbor's mutation events off (``stages.parse.PARSER_OPTIONS``: 8% less parsing
time). The tree must be the one the default parser builds, but for what those events add: the copy of the selected
``<option>`` a customizable ``<select>``'s ``<selectedcontent>`` receives. Checked on every html5lib tree input,
on corpus pages and on generated tag soup.
"""

from __future__ import annotations

import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from docingest.stages.parse import parse_html
from tests.corpora import corpus_path


def _emptied(tree: LexborHTMLParser) -> str:
    """The tree's HTML with every ``<selectedcontent>`` emptied."""
    for node in tree.css("selectedcontent"):
        child = node.child
        while child is not None:
            following = child.next
            child.decompose()
            child = following
    return tree.html or ""


def _check(html: str) -> None:
    """The same tree, but inside ``<selectedcontent>`` elements (the same tree outright without them)."""
    default, ours = LexborHTMLParser(html), parse_html(html)
    if "selectedcontent" not in html.lower():
        assert ours.html == default.html
    else:
        assert _emptied(ours) == _emptied(default)


def test_html5lib_tree_inputs() -> None:
    path = corpus_path("html5lib", "tree_inputs.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    for case in cases:
        _check(case["data"])


def test_wcxb_pages() -> None:
    base = corpus_path("extraction", "wcxb-dev")
    lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    for truth in [json.loads(line) for line in lines if line.strip()][::10]:
        _check(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()).decode("utf-8"))


def test_selectedcontent_gets_no_copy() -> None:
    html = "<select><button><selectedcontent></selectedcontent></button><option>a</option><option selected>b</option>"
    assert LexborHTMLParser(html).css_first("selectedcontent").text() == "b"  # type: ignore[union-attr]
    assert parse_html(html).css_first("selectedcontent").text() == ""  # type: ignore[union-attr]
    assert _emptied(LexborHTMLParser(html)) == _emptied(parse_html(html))


_PIECES = [
    "<p>", "</p>", "<div class='a'>", "</div>", "<select>", "</select>", "<option>", "<option selected>",
    "</option>", "<button>", "</button>", "<selectedcontent>", "</selectedcontent>", "<table>", "<td>", "<b>", "</b>",
    "<template>", "</template>", "<style>p{}</style>", "<title>t</title>", "<form>", "</form>", "text", " ",
    "<svg><title>s</title></svg>", "<noscript>", "</noscript>", "<img src=x>", "<a href='/'>", "</a>", "<li>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_tag_soup(pieces: list[str]) -> None:
    _check("".join(pieces))
