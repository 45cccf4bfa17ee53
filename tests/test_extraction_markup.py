"""No markup and no invisible characters in extracted text: team-written pages for each way markup leaks
(raw text of ``<iframe>`` / ``<noembed>``, a tracking pixel in ``<noscript>``, scripts inside links, code and
captions, ruby annotations), and a property over every shared corpus, the html5lib inputs and random tag soup.

What counts as markup: a ``<tag`` or an ``&entity;`` in the text that is not in the page's own text, i.e. in the
concatenated text nodes the parser built from character data outside raw-text elements (scripts, styles,
``<iframe>``, ``<noembed>``, ``<noframes>``, ``<textarea>``, ``<title>``) and not written directly inside a
``<noscript>`` that holds only text (a tracking pixel written as text, a notice). A ``<noscript>`` that holds
elements is fallback content, which the extractor may read, so its text is the page's own. A documentation page
that shows ``&lt;div&gt;`` shows "<div" as text, and keeps it.
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

import docingest
from docingest.models import Article
from tests.corpora import corpus_path

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>])")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_RAW_TEXT = frozenset({"script", "style", "iframe", "noembed", "noframes", "textarea", "title", "template"})
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u200e\u200f]")


def page_text(html: str) -> str:
    """The character data of a page as the parser built it: every text node outside raw-text elements and not
    directly inside a ``<noscript>`` that holds only text, joined, whitespace-normalised."""
    tree = LexborHTMLParser(html)
    parts: list[str] = []
    if tree.root is not None:
        for node in tree.root.traverse(include_text=True):
            if not node.is_text_node:
                continue
            parent = node.parent
            if parent is not None and parent.tag == "noscript" and not _holds_elements(parent):
                continue
            while parent is not None and parent.tag not in _RAW_TEXT:
                parent = parent.parent
            if parent is None:
                parts.append(node.text_content or "")
    return " ".join("".join(parts).split())


def _holds_elements(node: LexborNode) -> bool:
    """Whether a parsed ``<noscript>`` holds any element (then it is fallback content, not markup as text)."""
    return any(True for _ in node.iter(include_text=False))


def markup_in(text: str, html: str) -> list[str]:
    """The tags and entities of ``text`` that are not part of ``html``'s own text."""
    found = [m.group(0) for m in (*_TAG.finditer(text), *_ENTITY.finditer(text))]
    if not found:
        return []
    own = page_text(html)
    return [piece for piece in found if piece not in own]


def _text(html: str) -> str:
    record = docingest.ingest_html(html)
    assert isinstance(record, Article)
    return record.text


STORY = "The harbour council approved the new ferry timetable on Monday after a long debate about costs."


@pytest.mark.parametrize(
    "inside",
    [
        '<iframe src="/map"><span class="bookmark" style="display:none">x</span></iframe>',
        "<noembed><embed src='/movie.swf'></noembed>",
        "<noframes><frameset><frame src='/a'></frameset></noframes>",
        '<noscript>&lt;img height="1" width="1" src="https://pixel.example/tr?id=1"&gt;</noscript>',
        '<noscript><img height="1" width="1" src="https://pixel.example/tr?id=1"></noscript>',
        "<a href='/x'>ferry<script>var s = '<b>bold</b>';</script></a>",
        "<a href='/x'>ferry<noscript>&lt;img src=x&gt;</noscript></a>",
    ],
)
def test_markup_inside_a_paragraph_never_reaches_the_text(inside: str) -> None:
    html = f"<html><body><article><p>{STORY} {inside} More words follow here.</p></article></body></html>"
    text = _text(html)
    assert STORY in text and "More words follow here." in text
    assert markup_in(text, html) == []
    assert "<" not in text and "&lt;" not in text


def test_markup_in_code_tables_and_captions_is_not_read() -> None:
    html = f"""<html><body><article><p>{STORY}</p>
    <pre>let x = 1;<script>document.write('<i>')</script>
let y = 2;</pre>
    <table><caption>Fares<style>td {{ color: red }}</style></caption>
    <tr><td>Adult<noscript>&lt;img src=x&gt;</noscript></td><td>3.20</td></tr></table>
    </article></body></html>"""
    text = _text(html)
    assert "let x = 1;\nlet y = 2;" in text
    assert "Fares" in text and "Adult\t3.20" in text
    assert "color" not in text and "document.write" not in text and "img" not in text


def test_a_page_showing_code_keeps_the_escaped_tags_it_shows() -> None:
    html = f"<html><body><article><p>{STORY}</p><p>Write &lt;div class=\"x\"&gt; and &amp;amp; in HTML.</p>"
    html += "</article></body></html>"
    text = _text(html)
    assert 'Write <div class="x"> and &amp; in HTML.' in text
    assert markup_in(text, html) == []


def test_ruby_annotations_are_dropped() -> None:
    html = (
        "<html><body><article><p>The festival in <ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby> "
        f"drew record crowds this year, organisers said. {STORY}</p></article></body></html>"
    )
    text = _text(html)
    assert "The festival in 東京 drew record crowds" in text
    assert "とうきょう" not in text and "(" not in text


def test_soft_hyphens_and_zero_width_characters_leave_html_text() -> None:
    html = (
        "<html><body><article><p>The Ver\u00adkehrs\u00administer&shy;ium and the zero\u200bwidth&#8203;space "
        f"met the bidi\u200emark and the word\u2060joiner. {STORY}</p></article></body></html>"
    )
    text = _text(html)
    assert "The Verkehrsministerium and the zerowidthspace met the bidimark and the wordjoiner." in text
    assert _INVISIBLE.search(text) is None


def test_soft_hyphens_and_zero_width_characters_leave_plain_text() -> None:
    record = docingest.ingest_text(f"Head\u00adline\n\nThe Ver\u00adkehrs\u200bminister said so. {STORY}\n")
    assert isinstance(record, Article)
    assert record.text.startswith("The Verkehrsminister said so.")
    assert _INVISIBLE.search(record.text) is None


def test_joiners_that_belong_to_the_spelling_stay() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a Persian word
    html = f"<html><body><article><p>{persian} {STORY}</p></article></body></html>"
    assert persian in _text(html)


def _extraction_pages() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for dataset in ("wcxb-dev", "readability"):
        base = corpus_path("extraction", dataset)
        lines = (base / "truth.jsonl").read_text(encoding="utf-8").split("\n")
        for line in lines:
            if line.strip():
                page_id = json.loads(line)["id"]
                html = gzip.decompress((base / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
                out.append((f"{dataset}/{page_id}", html))
    return out


def _leaks(html: str) -> list[str]:
    """The markup and invisible characters in the text of ``html``'s Article (none for a failure)."""
    try:
        record = docingest.ingest_html(html, claims=False)
    except docingest.IngestError:
        return []
    found = markup_in(record.text, html)
    if _INVISIBLE.search(record.text):
        found.append("invisible character")
    return found


def test_no_markup_or_invisible_characters_in_any_corpus_page() -> None:
    """Every page of every shared extraction corpus: the text holds no markup and no invisible characters."""
    bad = [(name, found[:3]) for name, html in _extraction_pages() if (found := _leaks(html))]
    assert bad == []


def test_no_markup_or_invisible_characters_from_html5lib_inputs() -> None:
    path = corpus_path("html5lib", "tree_inputs.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    bad = [(case["id"], found[:3]) for case in cases if (found := _leaks(case["data"]))]
    assert bad == []


_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<a href='/x'>", "</a>", "<noscript>", "</noscript>", "<iframe>",
    "</iframe>", "<noembed>", "</noembed>", "<script>", "</script>", "<style>", "</style>", "<pre>", "</pre>",
    "<table><tr><td>", "</td></tr></table>", "<ruby>", "<rt>", "</rt>", "<rp>", "</rp>", "</ruby>", "<xmp>",
    "&lt;b&gt;", "&amp;lt;", "&shy;", "&#8203;", "\u00ad", "\u200b", "<br>", "<textarea>", "</textarea>",
    "<caption>", "</caption>", "<button>", "</button>", "<![CDATA[", "]]>", "<!-- c -->",
]


@settings(max_examples=200, deadline=None)
@example(["<noscript>", "&amp;lt;", ";;;;", "<xmp>"])  # text beside an element in a <noscript> is the page's own
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet="ab <>&;/=\"'", max_size=12)), max_size=40))
def test_random_markup_soup_leaks_no_markup(pieces: list[str]) -> None:
    html = "<html><body><article><p>" + STORY + "</p>" + "".join(pieces) + "</article></body></html>"
    assert _leaks(html) == []
