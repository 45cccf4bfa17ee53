"""Testing helpers for docingest plugins and the applications that use docingest.

Conformance checks that plugin authors call from their own tests (each raises ``AssertionError`` with a
message naming the component, the invariant and the input that broke it):

* :func:`check_tree_cleaner` — total on arbitrary HTML, idempotent, only removes, records what it removes;
* :func:`check_block_cleaner` — total, verdicts in range and unique, deterministic, idempotent;
* :func:`check_body_extractor` — total, well-formed candidates, deterministic, invents no text;
* :func:`check_claim_extractor` — total, spans cut out their texts, ids stable, kinds declared, deterministic;
* :func:`check_fetcher` — documents on success, :class:`~docingest.IngestError` and nothing else on failure;
* :func:`check_plugin` — a whole plugin as docingest loads it (hook names, signatures, ``@hookimpl``, its
  entry point), run on sample documents, and each of its components through the checks above.

Each check runs the component on inputs you pass, on a set of nasty documents written by the docingest team
(:data:`NASTY_HTML`, :data:`NASTY_TEXTS`) and on hypothesis-generated input (:func:`tag_soup` and random block
lists or texts). Call them from plain test functions, not from inside ``@given`` tests.

Also here, used by the pytest fixtures (:mod:`docingest.pytest_plugin`) and usable without pytest:
:func:`make_pipeline`, :class:`MockHttp` (an httpx mock router with a fetcher plugin), :class:`LoopbackServer`
(a real HTTP server on 127.0.0.1, from :mod:`docingest.loopback`) and :func:`news_page`.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast, get_args

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from .document import (
    BlockCleaner,
    Candidate,
    ClaimContext,
    ClaimExtractor,
    DocumentKind,
    Fetcher,
    Page,
    RawDocument,
    TreeCleaner,
    Verdict,
)
from .errors import IngestError
from .hookspecs import hookimpl
from .loopback import InFlight, LoopbackServer, canned, reply
from .models import Article, BlockKind, Claim, Failure, Provenance, Removal, article_id, claim_id, join_blocks
from .pipeline import Pipeline
from .plugins import new_plugin_manager
from .settings import FetchSettings, Options

if TYPE_CHECKING:
    from .strategies.news import NewsPage

__all__ = [
    "NASTY_HTML",
    "NASTY_TEXTS",
    "InFlight",
    "LoopbackServer",
    "MockHttp",
    "check_block_cleaner",
    "check_body_extractor",
    "check_claim_extractor",
    "check_fetcher",
    "check_plugin",
    "check_tree_cleaner",
    "html_page",
    "make_pipeline",
    "news_page",
    "reply",
    "tag_soup",
    "text_page",
]

_TOKEN = re.compile(r"\w+")
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})
_BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)


# ================================================================================================ inputs
def _deep(depth: int) -> str:
    return "<div>" * depth + "<p>Deep inside the nesting.</p>" + "</div>" * depth


#: Hostile or malformed HTML documents, written by the docingest team: every tree cleaner and body extractor
#: must survive all of them.
NASTY_HTML: tuple[str, ...] = (
    "",
    "   \n\t  ",
    "plain words with no markup at all",
    "<",
    "<p>",
    "</p></div></body></html>",
    "<p><b><i>unclosed <u>formatting <p>and a second paragraph",
    "<html><head><title>Only a head</title></head></html>",
    "<!DOCTYPE html><title>t</title><body><article><h1>Head</h1><p>Body text.</p></article>",
    "<table><p>fostered<tr><td>cell<td>cell two</table>after the table",
    "<nav><article><nav><p>nav inside article inside nav</p></nav></article></nav>",
    "<frameset><frame src='a.html'><noframes><p>no frames</p></noframes></frameset>",
    "<script>document.write('<p>written</p>'); var s = '</scr' + 'ipt>';</script><p>after script</p>",
    "<style>p { color: red }</style><p>styled</p><!-- a -- comment -- with dashes --><p>after</p>",
    "<template><p>inside a template</p></template><p>outside</p>",
    "<svg><foreignObject><p>foreign paragraph</p></foreignObject><text>svg text</text></svg>",
    "<math><mi>x</mi><annotation-xml encoding='text/html'><p>math html</p></annotation-xml></math>",
    "<select><option>one<option>two</select><textarea><p>not a tag</p></textarea>",
    "<p>entities &amp; &lt;tags&gt; &nbsp; &#0; &#x110000; &#xD800; &bogus; &amp</p>",
    "<p>NUL \x00 characters \x00 and controls \x01\x7f\x9f in text</p>",
    "<p>right-to-left \u202eevil\u202c, zero-width \u200b\u200d, emoji 👩‍👩‍👧 and ﷽</p>",
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>xhtml</p></body></html>',
    "<p " + "a=" * 2000 + ">attribute soup</p>",
    '<div class="' + "x " * 5000 + '">huge class attribute</div>',
    "<ul>" + "<li>item" * 2000 + "</ul>",
    "".join(f"<p>paragraph number {i}</p>" for i in range(3000)),
    _deep(1500),
    "<body><body><body><p>three bodies</p></body></body></body>",
    "<html><html><head><head><p>repeated roots</p>",
    "<a href='x'><div><a href='y'><p>nested anchors</p></a></div></a>",
    "<h1><h2><h3>nested headings</h3></h2></h1>",
    "<blockquote><blockquote><p>“Quoted,” she said.</p></blockquote></blockquote>",
    "<pre>\n\n  preformatted\n\n\n  text  \n</pre>",
    "<p>" + "word " * 50000 + "</p>",
    "<img src=x onerror=alert(1)><iframe srcdoc='<p>framed</p>'></iframe><p>visible</p>",
    "<div hidden><p>hidden</p></div><div style='display:none'><p>also hidden</p></div><p>shown</p>",
)

#: Awkward texts for claim extractors, written by the docingest team.
NASTY_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "\n\n\n",
    '"',
    '""',
    "“”",
    '"unclosed quote with no end',
    'closing only" and then "one more',
    "“Nested ‘quotes’ inside,” she said. “And ‘an odd one,” he said.",
    "'Single quotes,' said Ana Ruiz. \"Double,\" said Li Wei. «Guillemets», dit Marie. „German“, sagte er.",
    '"' * 501,
    "He said.\n\n“A quote across\n\nparagraphs,” the minister said.",
    "The budget rose 40% to €2.5 million, up from $1.2bn in 2023, officials said.",
    "Between 3 and 5 people, about ten thousand homes, at least 1,000,000 votes and -0.5°C.",
    "1/0 0.0.0.0 1e308 1e-308 99999999999999999999999999999999 NaN Infinity ½ ⅓ ٣ 五",
    "\x00\x01 said \u202e“reversed,”\u202c he said \u200b",
    "👩‍👩‍👧 said “emoji 🎉 inside,” 🧑‍🚀 added.",
    "according to according to said said urged",
    "“" + "a " * 20000 + "”, she said.",
    "\r\n“Windows line endings,” said Ana Ruiz.\r\n",
)


def tag_soup(max_leaves: int = 40) -> st.SearchStrategy[str]:
    """Random HTML: nested elements of many kinds (chrome, tables, lists, foreign content), random
    attributes, unclosed and stray end tags, comments, entities and arbitrary Unicode text."""
    tags = st.sampled_from((
        "p", "div", "span", "a", "b", "article", "main", "section", "nav", "header", "footer", "aside", "form",
        "button", "h1", "h2", "h3", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote", "pre",
        "code", "figure", "figcaption", "script", "style", "noscript", "template", "svg", "math", "iframe",
        "select", "option", "textarea", "body", "html", "head", "title", "br", "img", "hr", "frameset",
    ))
    attribute = st.tuples(
        st.sampled_from(("class", "id", "role", "hidden", "style", "aria-hidden", "data-x", "href", "lang")),
        st.one_of(
            st.sampled_from(("promo", "nav", "story-body", "ad", "newsletter", "display:none", "true", "")),
            st.text(max_size=8),
        ),
    )
    text = st.one_of(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
        st.sampled_from(("Subscribe to our newsletter", "“Quote,” she said.", "&amp;", "&bogus;", "&#0;", "<",
                         "Read more", "40% of 2.5 million")),
    )

    @st.composite
    def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
        tag = draw(tags)
        attrs = "".join(f' {k}="{html_lib.escape(v)}"' for k, v in draw(st.lists(attribute, max_size=3)))
        inner = "".join(draw(st.lists(children, max_size=4)))
        end = draw(st.sampled_from((f"</{tag}>", f"</{tag}>", "", "</p>", "</div>")))
        return f"<{tag}{attrs}>{inner}{end}"

    soup = st.recursive(
        text | st.just("<!-- comment -->") | st.just("<![CDATA[x]]>"),
        element,
        max_leaves=max_leaves,
    )
    return st.lists(soup, max_size=5).map("".join)


def html_page(html: str | bytes, *, url: str | None = None, options: Options | None = None) -> Page:
    """A parsed HTML :class:`~docingest.document.Page` as the pipeline hands it to cleaners and extractors."""
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    raw = RawDocument(source=url or "<html>", content=text, url=url, content_type="text/html", kind="html")
    return Page(raw=raw, text=text, kind="html", options=options or Options(), tree=LexborHTMLParser(text))


def text_page(text: str, *, url: str | None = None, options: Options | None = None) -> Page:
    """A plain-text :class:`~docingest.document.Page` (no tree)."""
    raw = RawDocument(source=url or "<text>", content=text, url=url, content_type="text/plain", kind="text")
    return Page(raw=raw, text=text, kind="text", options=options or Options())


def _run_examples(
    strategy: st.SearchStrategy[Any], check: Callable[[Any], None], max_examples: int, shrink: bool
) -> None:
    if max_examples <= 0:
        return
    # Without shrinking by default: shrinking a failing page can take minutes; the failure is reported with the
    # input that broke the rule (and hypothesis's seed to replay it). shrink=True asks for a minimal input.
    phases = [Phase.generate, Phase.shrink] if shrink else [Phase.generate]

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        check(value)

    run()


def _fail(what: str, message: str, sample: object) -> AssertionError:
    return AssertionError(f"{what}: {message}\n  input: {_shown(sample)}")


def _shown(sample: object) -> str:
    shown = repr(sample)
    return shown[:300] + f"... ({len(shown)} characters)" if len(shown) > 300 else shown


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text))


def _visible_tokens(tree: LexborHTMLParser) -> Counter[str]:
    """Tokens of the text nodes outside script, style, template, head ..."""
    counts: Counter[str] = Counter()
    root = tree.root
    if root is None:
        return counts
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent = node.parent
        hidden = False
        while parent is not None:
            if parent.tag in _INVISIBLE:
                hidden = True
                break
            parent = parent.parent
        if not hidden:
            counts.update(_TOKEN.findall(node.text_content or ""))
    return counts


def _component_name(component: object) -> str:
    name = getattr(component, "name", None)
    return name if isinstance(name, str) else type(component).__name__


# ================================================================================================ cleaners
def check_tree_cleaner(
    cleaner: TreeCleaner,
    pages: Iterable[str | bytes] = (),
    *,
    max_examples: int = 50,
    shrink: bool = False,
    records_removals: bool = True,
) -> None:
    """Check a :class:`~docingest.document.TreeCleaner` on ``pages``, :data:`NASTY_HTML` and random tag soup.

    It must have a ``name`` and an integer ``order``; never raise; only remove (the visible text after
    cleaning is a sub-multiset of the text before); append :class:`~docingest.models.Removal` records naming
    itself; with ``records_removals``, record every visible word it removes (nothing lost silently); and be
    idempotent (a second run on the cleaned page changes nothing and records nothing).
    """
    what = f"tree cleaner {_component_name(cleaner)!r}"
    if not isinstance(getattr(cleaner, "name", None), str) or not cleaner.name:
        raise AssertionError(f"{what}: needs a non-empty str `name`")
    if not isinstance(getattr(cleaner, "order", None), int):
        raise AssertionError(f"{what}: needs an int `order`")

    def one(document: str | bytes) -> None:
        page = html_page(document)
        assert page.tree is not None
        before = _visible_tokens(page.tree)
        try:
            cleaner.clean(page)
        except Exception as exc:
            raise _fail(what, f"raised {type(exc).__name__}: {exc}", document) from exc
        for removal in page.removed:
            if not isinstance(removal, Removal):
                raise _fail(what, f"appended {type(removal).__name__} to page.removed, not a Removal", document)
            if removal.cleaner != cleaner.name:
                raise _fail(what, f"recorded a removal under the name {removal.cleaner!r}", document)
        after = _visible_tokens(page.tree)
        added = after - before
        if added:
            raise _fail(what, f"added text instead of only removing: {sorted(added)[:10]}", document)
        if records_removals:
            # Substring, not token, comparison: a removal's text may run words together.
            recorded = "\n".join(removal.text for removal in page.removed)
            truncated = any(len(removal.text) >= 2000 for removal in page.removed)
            lost = sorted(token for token in (before - after) if token not in recorded)
            if lost and not truncated:
                raise _fail(what, f"removed words without recording them in page.removed: {lost[:10]}",
                            document)
        cleaned = page.tree.html
        count = len(page.removed)
        try:
            cleaner.clean(page)
        except Exception as exc:
            raise _fail(what, f"raised {type(exc).__name__} on its own output: {exc}", document) from exc
        if page.tree.html != cleaned or len(page.removed) != count:
            raise _fail(what, "is not idempotent: a second run changed the tree or recorded more removals",
                        document)

    for document in (*pages, *NASTY_HTML):
        one(document)
    _run_examples(tag_soup(), one, max_examples, shrink)


def _candidates(blocks: Sequence[Candidate | str]) -> list[Candidate]:
    return [b if isinstance(b, Candidate) else Candidate(kind="paragraph", text=b, tag="p") for b in blocks]


def _render(blocks: Sequence[Candidate]) -> str:
    tags = {"heading": "h2", "list_item": "li", "blockquote": "blockquote", "table": "table", "code": "pre",
            "caption": "figcaption"}
    body = "".join(
        f"<{tags.get(b.kind, 'p')}>{html_lib.escape(b.text)}</{tags.get(b.kind, 'p')}>" for b in blocks
    )
    return f"<!DOCTYPE html><html><body><article>{body}</article></body></html>"


_NASTY_BLOCKS: tuple[tuple[Candidate | str, ...], ...] = (
    (),
    ("",),
    ("   ",),
    ("Subscribe",),
    ("Subscribe to our newsletter for your daily briefing.",) * 5,
    ("The council approved the budget on Tuesday.", "Sign up for our newsletter and support us.",
     "“We will not back down,” said Ana Ruiz.", "Got a tip? Email us at tips@news.example.",
     "Read more: Council approves budget", "© 2024 The Daily Example. All rights reserved."),
    tuple(f"Paragraph {i} of a very long story." for i in range(400)),
    ("x" * 100_000,),
    ("\x00\u202e\u200b👩‍👩‍👧",),
    (Candidate(kind="heading", text="Related", level=2, tag="h2", attrs="related recirc", link_density=1.0),
     Candidate(kind="list_item", text="Another story", tag="li", attrs="related", link_density=1.0),
     Candidate(kind="paragraph", text="Story text.", tag="p", attrs="story-body", link_density=0.0)),
)


@st.composite
def _candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    from .strategies.models import block_items

    items = draw(st.lists(block_items(), max_size=12))
    out = []
    for kind, text, level in items:
        out.append(Candidate(
            kind=kind,
            text=text,
            level=level,
            tag=draw(st.sampled_from((None, "p", "div", "li", "h2", "aside"))),
            attrs=draw(st.sampled_from(("", "promo", "story-body", "newsletter-signup", "related"))),
            link_density=draw(st.floats(0.0, 1.0)),
        ))
    return out


def check_block_cleaner(
    cleaner: BlockCleaner,
    documents: Iterable[Sequence[Candidate | str]] = (),
    *,
    max_examples: int = 50,
    shrink: bool = False,
) -> None:
    """Check a :class:`~docingest.document.BlockCleaner` on ``documents`` (block lists: candidates, or
    strings taken as paragraphs), team-written nasty lists and random ones.

    It must have a ``name`` and an integer ``order``; never raise; return :class:`~docingest.document.Verdict`
    s with in-range, unique indexes and non-empty reasons; give the same verdicts twice on the same blocks;
    and be idempotent: run again on the blocks it kept, it drops nothing more.
    """
    what = f"block cleaner {_component_name(cleaner)!r}"
    if not isinstance(getattr(cleaner, "name", None), str) or not cleaner.name:
        raise AssertionError(f"{what}: needs a non-empty str `name`")
    if not isinstance(getattr(cleaner, "order", None), int):
        raise AssertionError(f"{what}: needs an int `order`")

    def classify(blocks: list[Candidate], sample: object) -> list[Verdict]:
        page = html_page(_render(blocks))
        try:
            verdicts = list(cleaner.classify(list(blocks), page))
        except Exception as exc:
            raise _fail(what, f"raised {type(exc).__name__}: {exc}", sample) from exc
        seen: set[int] = set()
        for verdict in verdicts:
            if not isinstance(verdict, Verdict):
                raise _fail(what, f"returned {type(verdict).__name__}, not a Verdict", sample)
            if not 0 <= verdict.index < len(blocks):
                raise _fail(what, f"verdict index {verdict.index} is outside 0..{len(blocks) - 1}", sample)
            if verdict.index in seen:
                raise _fail(what, f"dropped block {verdict.index} twice", sample)
            if not isinstance(verdict.reason, str) or not verdict.reason.strip():
                raise _fail(what, f"gave block {verdict.index} no reason", sample)
            seen.add(verdict.index)
        return verdicts

    def one(document: Sequence[Candidate | str]) -> None:
        blocks = _candidates(document)
        first = classify(blocks, document)
        again = classify(blocks, document)
        if sorted((v.index, v.reason) for v in first) != sorted((v.index, v.reason) for v in again):
            raise _fail(what, "is not deterministic: two runs on the same blocks disagree", document)
        dropped = {v.index for v in first}
        kept = [b for i, b in enumerate(blocks) if i not in dropped]
        more = classify(kept, document)
        if more:
            texts = [kept[v.index].text[:60] for v in more]
            raise _fail(what, f"is not idempotent: run on the blocks it kept, it drops {texts}", document)

    for document in (*documents, *_NASTY_BLOCKS):
        one(document)
    _run_examples(_candidate_lists(), one, max_examples, shrink)


# ================================================================================================ extractors
BodyExtractor = Callable[[Page], Sequence[Candidate] | None]


def _extract_function(extractor: object) -> BodyExtractor:
    function = getattr(extractor, "docingest_extract_body", extractor)
    if not callable(function):
        raise AssertionError(f"{extractor!r} is neither callable nor has a docingest_extract_body hook")
    return cast(BodyExtractor, function)


def _known_tokens(source: str, page: Page) -> frozenset[str]:
    """Words a document holds: in its source (entities decoded), in its parsed text, in normalised forms."""
    texts = [html_lib.unescape(source)]
    if page.tree is not None and page.tree.root is not None:
        texts += [page.tree.root.text(separator=""), page.tree.root.text(separator=" ")]
    texts += [unicodedata.normalize(form, t) for t in list(texts) for form in ("NFC", "NFKC")]
    return frozenset(token for t in texts for token in _TOKEN.findall(t))


def _composable(token: str, known: frozenset[str]) -> bool:
    """True when ``token`` is a known word or known words run together (markup between words removed, as
    in ``foo<!-- -->bar``)."""
    if token in known:
        return True
    if len(token) > 200:
        return any(token in k for k in known)
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        reachable[end] = any(reachable[start] and token[start:end] in known for start in range(end))
    return reachable[-1]


def check_body_extractor(
    extractor: BodyExtractor | object,
    pages: Iterable[str | bytes] = (),
    *,
    texts: Iterable[str] = (),
    max_examples: int = 50,
    shrink: bool = False,
) -> None:
    """Check a body extractor (a ``docingest_extract_body(page)`` function, or a plugin module or object that
    has one) on ``pages`` (HTML), ``texts`` (plain text), :data:`NASTY_HTML` and random tag soup.

    It must never raise anything but :class:`~docingest.IngestError`; return ``None`` or a sequence of
    :class:`~docingest.document.Candidate` with valid kinds, heading levels 1–6 and link densities in [0, 1];
    give the same blocks on a fresh parse of the same document; invent no words (each candidate's words occur
    in the document); and yield blocks that make a valid :class:`~docingest.models.Article`.
    """
    function = _extract_function(extractor)
    what = f"body extractor {getattr(function, '__module__', '')}.{getattr(function, '__name__', function)!s}"

    def run(page: Page, sample: object) -> list[Candidate] | None:
        try:
            result = function(page)
        except IngestError:
            return None
        except Exception as exc:
            raise _fail(what, f"raised {type(exc).__name__}: {exc}", sample) from exc
        if result is None:
            return None
        if isinstance(result, str | bytes) or not isinstance(result, Sequence):
            raise _fail(what, f"returned {type(result).__name__}, not a sequence of Candidate", sample)
        out = list(result)
        for i, c in enumerate(out):
            if not isinstance(c, Candidate):
                raise _fail(what, f"block {i} is a {type(c).__name__}, not a Candidate", sample)
            if c.kind not in _BLOCK_KINDS:
                raise _fail(what, f"block {i} has kind {c.kind!r}, not one of {_BLOCK_KINDS}", sample)
            if not isinstance(c.text, str):
                raise _fail(what, f"block {i} text is a {type(c.text).__name__}", sample)
            if c.level is not None and not 1 <= c.level <= 6:
                raise _fail(what, f"block {i} has level {c.level}, outside 1..6", sample)
            if not 0.0 <= c.link_density <= 1.0:
                raise _fail(what, f"block {i} has link density {c.link_density}, outside [0, 1]", sample)
        return out

    def check(make: Callable[[], Page], source: str, sample: object) -> None:
        first = run(make(), sample)
        second = run(make(), sample)
        if first != second:
            raise _fail(what, "is not deterministic: two parses of the same document give different blocks",
                        sample)
        if not first:
            return
        known = _known_tokens(source, make())
        for i, c in enumerate(first):
            invented = {t for t in _TOKEN.findall(c.text) if not _composable(t, known)}
            if invented:
                raise _fail(what, f"block {i} has words the document does not: {sorted(invented)[:10]}", sample)
        text, blocks = join_blocks((c.kind, c.text, c.level) for c in first)
        try:
            Article(id=article_id(None, None, text), text=text, blocks=blocks,
                    provenance=Provenance(source="<check>"))
        except ValueError as exc:
            raise _fail(what, f"its blocks make an invalid Article: {exc}", sample) from exc

    def one_html(document: str | bytes) -> None:
        source = document.decode("utf-8", "replace") if isinstance(document, bytes) else document
        check(lambda: html_page(source), source, document)

    def one_text(document: str) -> None:
        check(lambda: text_page(document), document, document)

    for document in (*pages, *NASTY_HTML):
        one_html(document)
    for document in (*texts, *NASTY_TEXTS):
        one_text(document)
    _run_examples(tag_soup(), one_html, max_examples, shrink)


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        spans.append((match.start(), match.end()))
    return tuple(spans)


def check_claim_extractor(
    extractor: ClaimExtractor,
    texts: Iterable[str] = (),
    *,
    max_examples: int = 50,
    shrink: bool = False,
) -> None:
    """Check a :class:`~docingest.document.ClaimExtractor` on ``texts``, :data:`NASTY_TEXTS` and random
    texts (news prose with quotes and numbers, arbitrary Unicode).

    It must have a ``name`` and ``kinds`` (a subset of quote, paraphrase, numeric); never raise; yield
    :class:`~docingest.models.Claim` s of its declared kinds whose every span (text, speaker mention, cue,
    quantity) cuts its own text out of the input; give each claim the id :func:`~docingest.models.claim_id`
    computes; and give the same claims twice, with or without a paragraph context.
    """
    what = f"claim extractor {_component_name(extractor)!r}"
    if not isinstance(getattr(extractor, "name", None), str) or not extractor.name:
        raise AssertionError(f"{what}: needs a non-empty str `name`")
    kinds = getattr(extractor, "kinds", None)
    if not isinstance(kinds, frozenset | set) or not kinds <= {"quote", "paraphrase", "numeric"}:
        raise AssertionError(f"{what}: `kinds` must be a frozenset of 'quote', 'paraphrase', 'numeric'")

    def run(text: str, context: ClaimContext) -> list[Claim]:
        try:
            found = list(extractor.extract(text, context))
        except Exception as exc:
            raise _fail(what, f"raised {type(exc).__name__}: {exc}", text) from exc
        for claim in found:
            if not isinstance(claim, Claim):
                raise _fail(what, f"yielded {type(claim).__name__}, not a Claim", text)
            if claim.kind not in kinds:
                raise _fail(what, f"yielded a {claim.kind!r} claim, not one of its kinds {sorted(kinds)}", text)
            try:
                claim.check_against(text)
            except ValueError as exc:
                raise _fail(what, f"bad span: {exc}", text) from exc
            expected = claim_id(claim.kind, claim.span, claim.text)
            if claim.id != expected:
                raise _fail(what, f"claim id {claim.id!r} is not claim_id(kind, span, text) = {expected!r}", text)
        return found

    def one(text: str) -> None:
        context = ClaimContext(paragraphs=_paragraphs(text))
        first = run(text, context)
        if run(text, context) != first:
            raise _fail(what, "is not deterministic: two runs on the same text disagree", text)
        run(text, ClaimContext())

    for text in (*texts, *NASTY_TEXTS):
        one(text)
    from .strategies.models import bodies

    random_texts = st.one_of(
        bodies(max_blocks=6).map(lambda body: body[0]),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=200),
        st.text(alphabet="\"“”'‘’«» said.\n", max_size=80),
    )
    _run_examples(random_texts, one, max_examples, shrink)


# ================================================================================================ fetchers
_BAD_URLS = ("", "http://", "https://[::1", "ftp://example.com/file", "not a url", "http://exa mple.com/")


def check_fetcher(
    fetcher: Fetcher,
    ok_url: str,
    *,
    expected_body: bytes | None = None,
    missing_url: str | None = None,
    bad_urls: Iterable[str] = _BAD_URLS,
) -> None:
    """Check a :class:`~docingest.document.Fetcher` against a server you control (a loopback server, or
    :class:`MockHttp`): ``ok_url`` must give a document (with ``expected_body`` if given), sync and async
    alike; ``missing_url`` (a 404) and each of ``bad_urls`` must raise :class:`~docingest.IngestError` and
    nothing else; ``close`` and ``aclose`` may be called twice."""
    import asyncio

    what = f"fetcher {type(fetcher).__name__}"

    def document(raw: object, how: str) -> RawDocument:
        if not isinstance(raw, RawDocument):
            raise _fail(what, f"{how} returned {type(raw).__name__}, not a RawDocument", ok_url)
        if not isinstance(raw.content, bytes):
            raise _fail(what, f"{how} gave {type(raw.content).__name__} content, not bytes", ok_url)
        if raw.status is not None and not 200 <= raw.status < 300:
            raise _fail(what, f"{how} returned a document with status {raw.status}", ok_url)
        if raw.fetched_at is not None and raw.fetched_at.tzinfo is None:
            raise _fail(what, f"{how} gave a naive fetched_at", ok_url)
        if not (raw.url or raw.final_url):
            raise _fail(what, f"{how} gave a document with no url", ok_url)
        if expected_body is not None and raw.content != expected_body:
            raise _fail(what, f"{how} returned {len(raw.content)} bytes, not the expected body", ok_url)
        return raw

    async def afetch(url: str) -> RawDocument:
        return await fetcher.afetch(url)

    def expect_error(call: Callable[[], object], url: str, how: str) -> IngestError:
        try:
            call()
        except IngestError as exc:
            return exc
        except Exception as exc:
            raise _fail(what, f"{how} raised {type(exc).__name__} ({exc}), not IngestError", url) from exc
        raise _fail(what, f"{how} returned a document instead of raising IngestError", url)

    try:
        sync_doc = document(fetcher.fetch(ok_url), "fetch")
        async_doc = document(asyncio.run(afetch(ok_url)), "afetch")
        if sync_doc.content != async_doc.content:
            raise _fail(what, "fetch and afetch returned different bodies", ok_url)
        if missing_url is not None:
            for how, call in (("fetch", lambda: fetcher.fetch(missing_url)),
                              ("afetch", lambda: asyncio.run(afetch(missing_url)))):
                error = expect_error(call, missing_url, how)
                if error.kind != "http_status" or error.failure.status != 404:
                    raise _fail(what, f"{how} of a 404 gave {error.kind} (status {error.failure.status}), "
                                "not http_status 404", missing_url)
        for url in bad_urls:
            expect_error(lambda u=url: fetcher.fetch(u), url, "fetch")  # type: ignore[misc]
            expect_error(lambda u=url: asyncio.run(afetch(u)), url, "afetch")  # type: ignore[misc]
    finally:
        try:
            fetcher.close()
            fetcher.close()

            async def aclose_twice() -> None:
                await fetcher.aclose()
                await fetcher.aclose()

            asyncio.run(aclose_twice())
        except Exception as exc:
            raise _fail(what, f"closing twice raised {type(exc).__name__}: {exc}", ok_url) from exc


# ================================================================================================ plugins
def check_plugin(
    plugin: object,
    name: str,
    *,
    installed: bool = False,
    pages: Iterable[str | bytes] = (),
    texts: Iterable[str] = (),
    max_examples: int = 20,
) -> None:
    """Check a whole plugin the way docingest loads it, then each of its components.

    The plugin must pass the checks docingest makes before registering one (every hook name a docingest hook,
    signatures that fit, no ``async`` hook, ``@hookimpl`` on every function named like a hook: warnings fail
    here too); its component hooks must return well-formed components; it must run on the sample documents
    of ``docingest plugins`` and on ``pages`` (HTML) and ``texts`` (plain text) without a ``plugin_error``; its
    tree cleaners, block cleaners, claim extractors and body extractor must pass :func:`check_tree_cleaner`,
    :func:`check_block_cleaner`, :func:`check_claim_extractor` and :func:`check_body_extractor` (with
    ``max_examples`` random inputs each). With ``installed=True``, a ``docingest`` entry point named ``name``
    must be installed and load this very plugin. Raises ``AssertionError`` saying what is wrong.
    """
    from importlib import metadata

    from .diagnose import diagnose
    from .errors import PluginError
    from .plugins import ENTRY_POINT_GROUP, plugin_problems

    what = f"plugin {name!r}"
    if installed:
        points = [ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        if not points:
            raise AssertionError(
                f"{what}: no {ENTRY_POINT_GROUP!r} entry point named {name!r} is installed (declare it under "
                f"[project.entry-points.{ENTRY_POINT_GROUP}] in pyproject.toml, then pip install -e .)"
            )
        loaded = points[0].load()
        if loaded is not plugin:
            raise AssertionError(f"{what}: its entry point ({points[0].value}) loads {loaded!r}, not this plugin")
    pm = new_plugin_manager(entry_points=False)
    problems = [problem.message for problem in plugin_problems(pm, plugin, name)]
    if problems:
        raise AssertionError(f"{what}:\n  " + "\n  ".join(problems))
    pm.register(plugin, name=name)
    try:
        pipeline = diagnose(manager=pm).pipeline
    except PluginError as exc:
        raise AssertionError(str(exc)) from exc
    problems = [problem.message for problem in pm.problems if problem.plugin == name]
    html_pages, text_pages = list(pages), list(texts)
    samples: list[tuple[DocumentKind, str | bytes]] = [("html", p) for p in html_pages]
    for kind, document in samples + [("text", t) for t in text_pages]:
        record = pipeline.run_raw(RawDocument(source=f"<{kind}>", content=document, kind=kind))
        if isinstance(record, Failure) and record.kind == "plugin_error" and record.plugin == name:
            problems.append(f"{record.message}\n    input: {_shown(document)}")
    if problems:
        raise AssertionError(f"{what}:\n  " + "\n  ".join(problems))
    for cleaner in pipeline.tree_cleaners:
        if pipeline.owner(cleaner) == name:
            check_tree_cleaner(cleaner, html_pages, max_examples=max_examples)
    for block_cleaner in pipeline.block_cleaners:
        if pipeline.owner(block_cleaner) == name:
            check_block_cleaner(block_cleaner, max_examples=max_examples)
    for extractor in pipeline.claim_extractors:
        if pipeline.owner(extractor) == name:
            check_claim_extractor(extractor, text_pages, max_examples=max_examples)
    if pm.parse_hookimpl_opts(plugin, "docingest_extract_body") is not None:
        check_body_extractor(plugin, html_pages, texts=text_pages, max_examples=max_examples)


# ================================================================================================ pipelines
def make_pipeline(
    *plugins: object,
    builtins: bool = True,
    entry_points: bool = False,
    disable: Iterable[str] = (),
    **options: Any,
) -> Pipeline:
    """A :class:`~docingest.pipeline.Pipeline` on a fresh plugin manager with ``plugins`` registered after the
    built-ins. Each plugin is an object or module, or a ``(name, plugin)`` pair; ``entry_points=False`` (the
    default) keeps installed third-party plugins out. Options are those of :class:`~docingest.settings.Options`.
    """
    named: list[tuple[str, object]] = []
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, tuple) and len(plugin) == 2 and isinstance(plugin[0], str):
            named.append((plugin[0], plugin[1]))
        else:
            name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{i}"
            named.append((str(name), plugin))
    pm = new_plugin_manager(disable=disable, builtins=builtins, entry_points=entry_points, plugins=named)
    return Pipeline(plugin_manager=pm, **options)


Handler = Callable[[httpx.Request], httpx.Response]


class MockHttp:
    """A mock HTTP router for httpx: routes are URLs answered with a status, headers and a body.

        router = MockHttp()
        router.add("https://news.example/a", "<h1>Hi</h1><p>Text.</p>")
        router.redirect("https://news.example/old", "https://news.example/a")
        with router.pipeline() as pipeline:
            article = pipeline.ingest("https://news.example/old")

    Unknown URLs answer 404. Every request is recorded in :attr:`requests`. :meth:`pipeline` registers a small
    plugin whose ``docingest_fetcher`` hook returns the built-in fetcher over an ``httpx.MockTransport``, so
    the whole pipeline runs, fetch included, without a network. The fetcher asks for ``/robots.txt`` first
    (unknown, hence no rules) unless ``fetch={"respect_robots": False}``.
    """

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[httpx.Request] = []
        self._pipelines: list[Pipeline] = []

    @staticmethod
    def _key(url: str | httpx.URL) -> str:
        return str(httpx.URL(str(url)).copy_with(fragment=None))

    def add(
        self,
        url: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        """Answer ``url`` with ``body`` (``str`` is sent as UTF-8, typed ``text/html; charset=utf-8`` unless
        ``content_type`` or ``headers`` say otherwise)."""
        data, sent = canned(body, content_type, headers)
        self.routes[self._key(url)] = lambda request: httpx.Response(status, headers=sent, content=data)

    def route(self, url: str, handler: Handler) -> None:
        """Answer ``url`` with ``handler(request)`` (which may also raise an ``httpx`` error)."""
        self.routes[self._key(url)] = handler

    def redirect(self, url: str, location: str, *, status: int = 302) -> None:
        """Redirect ``url`` to ``location``."""
        self.routes[self._key(url)] = lambda request: httpx.Response(status, headers={"location": location})

    def handler(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the routes (the ``MockTransport`` handler)."""
        self.requests.append(request)
        found = self.routes.get(self._key(request.url))
        if found is None:
            return httpx.Response(404, headers={"content-type": "text/plain"}, content=b"not found")
        return found(request)

    def transport(self) -> httpx.MockTransport:
        """An ``httpx.MockTransport`` over this router (usable by sync and async clients alike)."""
        return httpx.MockTransport(self.handler)

    def fetcher(self, settings: FetchSettings | None = None) -> Fetcher:
        """The built-in fetcher under ``settings``, over this router instead of the network (the same
        redirect handling, limits, robots.txt and error mapping; no DNS, no sockets)."""
        from .stages.fetch import HttpxFetcher

        return HttpxFetcher(settings or FetchSettings(), transport=self.transport(), async_transport=self.transport())

    def plugin(self) -> object:
        """A plugin whose ``docingest_fetcher`` hook returns :meth:`fetcher` (register one per manager)."""
        return _MockFetcherPlugin(self)

    def pipeline(self, *plugins: object, **options: Any) -> Pipeline:
        """A pipeline that fetches from this router (plus ``plugins``); closed by :meth:`close`."""
        made = make_pipeline(("docingest.testing.mock_http", self.plugin()), *plugins, **options)
        self._pipelines.append(made)
        return made

    def close(self) -> None:
        """Close the pipelines made by :meth:`pipeline`."""
        while self._pipelines:
            self._pipelines.pop().close()


class _MockFetcherPlugin:
    def __init__(self, router: MockHttp) -> None:
        self.router = router

    @hookimpl(tryfirst=True)
    def docingest_fetcher(self, settings: FetchSettings) -> Fetcher | None:
        return self.router.fetcher(settings)


# ================================================================================================ news pages
_DEFAULT_PARAGRAPHS = (
    "The city council approved a €2.5 million budget for school repairs on Tuesday, ending months of debate.",
    "“We will not let another winter pass with broken heating,” said Ana Ruiz, the council's education chair.",
    "Opposition members argued that the money should come from the roads budget instead.",
    "Work on the first twelve schools is due to start in April, according to the council.",
)
_NAV = ("Home", "World", "Politics", "Business", "Sport", "Culture")
_FOOTER = ("About us", "Contact", "Privacy policy", "Terms of use")


@dataclass(frozen=True)
class _Unit:
    after: int
    text: str


def news_page(
    *,
    title: str = "Council approves school repair budget",
    paragraphs: Sequence[str] = _DEFAULT_PARAGRAPHS,
    promos: Mapping[int, str | Sequence[str]] | Iterable[tuple[int, str]] = (),
    author: str = "Ana Ruiz",
    published: str | None = "2024-03-05T10:00:00+01:00",
    site_name: str | None = "The Daily Example",
    url: str = "https://news.example/local/council-approves-school-repair-budget",
    language: str = "en",
    chrome: bool = True,
    promo_class: str = "promo",
    encoding: str = "utf-8",
) -> NewsPage:
    """An HTML news page: ``paragraphs`` in an ``<article>`` under ``title`` and a byline, with ``promos``
    injected after the paragraph of the given index (0 = before the first paragraph, ``len(paragraphs)`` =
    after the last), each in a ``<div class="{promo_class}">`` (``promo_class=""`` for no helpful markup),
    and, with ``chrome``, navigation, a header and a footer around the article. ``encoding`` is a Python codec
    name; the page declares it in a ``<meta charset>`` (characters it cannot hold become references).

    Returns a :class:`docingest.strategies.news.NewsPage`: the bytes and what a correct ingestion gives back.
    """
    from .strategies.news import NewsPage

    units: list[_Unit] = []
    items = promos.items() if isinstance(promos, Mapping) else promos
    for after, value in items:
        if not 0 <= after <= len(paragraphs):
            raise ValueError(f"promo position {after} is outside 0..{len(paragraphs)}")
        for text in [value] if isinstance(value, str) else value:
            units.append(_Unit(after, text))
    esc = html_lib.escape
    head = [f'<meta charset="{esc(encoding)}">', f"<title>{esc(title)}</title>",
            f'<link rel="canonical" href="{esc(url)}">', f'<meta name="author" content="{esc(author)}">']
    if published:
        head.append(f'<meta property="article:published_time" content="{esc(published)}">')
    if site_name:
        head.append(f'<meta property="og:site_name" content="{esc(site_name)}">')
    body: list[str] = []
    if chrome:
        nav = "".join(f'<li><a href="/{n.lower()}">{esc(n)}</a></li>' for n in _NAV)
        body.append(f'<header><a href="/">{esc(site_name or "Home")}</a><nav><ul>{nav}</ul></nav></header>')
    body += ["<main>", "<article>", f"<h1>{esc(title)}</h1>", f'<p class="byline">By {esc(author)}</p>']
    if published:
        body.append(f'<time datetime="{esc(published)}">{esc(published[:10])}</time>')
    attr = f' class="{esc(promo_class)}"' if promo_class else ""
    for i in range(len(paragraphs) + 1):
        body.extend(f"<div{attr}><p>{esc(u.text)}</p></div>" for u in units if u.after == i)
        if i < len(paragraphs):
            body.append(f"<p>{esc(paragraphs[i])}</p>")
    body += ["</article>", "</main>"]
    if chrome:
        links = " ".join(f'<a href="/{n.lower().replace(" ", "-")}">{esc(n)}</a>' for n in _FOOTER)
        body.append(f"<footer>{links}<p>© 2024 {esc(site_name or '')}</p></footer>")
    document = (f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n' + "\n".join(head)
                + "\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
    return NewsPage(
        html=document.encode(encoding, "xmlcharrefreplace"),
        encoding=encoding,
        url=url,
        title=title,
        paragraphs=tuple(paragraphs),
        promos=tuple(" ".join(u.text.split()) for u in units),
        site_name=site_name,
        author=author,
        chrome=(*_NAV, *_FOOTER) if chrome else (),
    )
