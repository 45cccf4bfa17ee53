"""Main-content extraction on small team-written pages: chrome removal, block structure, hints, page kinds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import docingest
from docingest.document import Candidate, Page, RawDocument
from docingest.html.blocks import HIDDEN, Elems, RawBlock, flatten
from docingest.settings import Options
from docingest.stages import body, chrome

STORY = [
    "The council voted on Tuesday to extend the night bus service, after a year of complaints from shift workers.",
    "Officials said the new routes would start in March, with buses every twenty minutes between midnight and five.",
    "Residents who spoke at the meeting welcomed the change, although some asked for the service to reach the port.",
    "The cost, estimated at two million euros a year, will be shared between the city and the regional authority.",
]


def _paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


NEWS_PAGE = f"""<!doctype html><html><head>
<title>Night buses extended | The Daily Bugle</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Night buses extended"}}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header class="site-header"><a href="/">The Daily Bugle</a>
<nav><a href="/news">News</a><a href="/sport">Sport</a></nav></header>
<div class="layout">
 <article class="story">
  <h1>Night buses extended</h1>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
  <div class="story-body">{_paras(STORY[:2])}
   <h2>What changes</h2>
   {_paras(STORY[2:])}
  </div>
 </article>
 <aside class="sidebar"><h3>Most read</h3>
 <ul><li><a href="/a">Mayor resigns</a></li><li><a href="/b">Storm warning</a></li></ul></aside>
</div>
<div class="related-posts"><h3>Related</h3><a href="/c">Buses in 2019: a look back at the old timetable</a></div>
<section id="comments">
<p>Great news, finally! I have waited years for this and I am so happy about it.</p></section>
<form class="newsletter-signup"><p>Get our newsletter every morning in your inbox.</p><input name="email"></form>
<footer class="site-footer">
<p>Copyright 2024 The Daily Bugle. All rights reserved. Contact us for reprints.</p></footer>
</body></html>"""


def _page(html: str, url: str | None = None) -> Page:
    raw = RawDocument(source="<test>", content=html, url=url, kind="html")
    return Page(raw=raw, text=html, kind="html", options=Options(), tree=LexborHTMLParser(html))


def _extract(html: str) -> tuple[list[Candidate], Page]:
    page = _page(html)
    chrome.ChromeCleaner().clean(page)
    return list(body.extract(page)), page


def test_news_page_keeps_the_story_and_only_the_story() -> None:
    blocks, _ = _extract(NEWS_PAGE)
    texts = [b.text for b in blocks]
    assert [t for t in texts if t in STORY] == STORY
    assert "What changes" in texts
    joined = " ".join(texts)
    for chrome_text in ("cookies", "Share on", "Mayor resigns", "look back", "waited years", "newsletter",
                        "Copyright", "Sport"):
        assert chrome_text not in joined, chrome_text


def test_headline_repeating_the_title_leaves_the_body_but_section_headings_stay() -> None:
    blocks, _ = _extract(NEWS_PAGE)
    headings = [(b.text, b.level) for b in blocks if b.kind == "heading"]
    assert headings == [("What changes", 2)]


def test_every_removal_is_recorded_with_cleaner_and_reason() -> None:
    _, page = _extract(NEWS_PAGE)
    reasons = {r.reason for r in page.removed}
    assert {"cookie banner", "header", "share bar", "sidebar", "related links", "comments", "footer"} <= reasons
    assert all(r.cleaner == "docingest.chrome" for r in page.removed)
    assert all(r.text and r.text == " ".join(r.text.split()) and len(r.text) <= 2000 for r in page.removed)
    assert all(r.where for r in page.removed)


def test_cleaning_is_idempotent_and_keeps_the_head() -> None:
    page = _page(NEWS_PAGE)
    cleaner = chrome.ChromeCleaner()
    cleaner.clean(page)
    first = len(page.removed)
    cleaner.clean(page)
    assert len(page.removed) == first
    assert page.tree is not None
    assert page.tree.css_first('script[type="application/ld+json"]') is not None


def test_long_removed_text_is_truncated() -> None:
    long_nav = "<nav>" + "".join(f"<a href='/{i}'>Section number {i}</a> " for i in range(400)) + "</nav>"
    _, page = _extract(f"<html><body>{long_nav}<article>{_paras(STORY)}</article></body></html>")
    assert page.removed and max(len(r.text) for r in page.removed) == 2000


def test_chrome_inside_a_removed_element_is_not_removed_again() -> None:
    # a <nav role="navigation" class="menu"> matches three selectors of the candidate list and so comes three
    # times in a row: it is judged once, and the chrome inside it goes with it, recorded once
    inner = "<div class='share-tools'><a href='#'>Share on Facebook</a></div><ul class='sub-menu'><li>Sport</li></ul>"
    nav = f"<nav role='navigation' class='menu main-nav'><a href='/'>Home</a>{inner}</nav>"
    _, page = _extract(f"<html><body>{nav}<article>{_paras(STORY)}</article></body></html>")
    assert [r.reason for r in page.removed] == ["navigation"]
    assert "Share on Facebook" in page.removed[0].text


def test_block_kinds_levels_and_order() -> None:
    html = f"""<html><body><main>
    {_paras(STORY[:1])}
    <h2>Timetable</h2>
    <ul><li>First bus at midnight from the central station.</li>
        <li>Last bus at five<ul><li>Weekends only, from the harbour.</li></ul></li></ul>
    <blockquote><p>We have listened to the workers, said the mayor at the meeting.</p></blockquote>
    <table><caption>Fares</caption><tr><th>Zone</th><th>Price</th></tr><tr><td>A</td><td>2 euros</td></tr></table>
    <pre>route 1:  00:00
    route 2:  00:20

    route 3:  00:40</pre>
    <figure><img src="bus.jpg"><figcaption>A night bus at the depot, photographed in May.</figcaption></figure>
    {_paras(STORY[1:])}
    </main></body></html>"""
    blocks, _ = _extract(html)
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [
        ("paragraph", None),
        ("heading", 2),
        ("list_item", 1),
        ("list_item", 1),
        ("list_item", 2),
        ("blockquote", None),
        ("caption", None),
        ("table", None),
        ("code", None),
        ("caption", None),
        ("paragraph", None),
        ("paragraph", None),
        ("paragraph", None),
    ]
    by_kind = {b.kind: b.text for b in blocks}
    assert by_kind["table"] == "Zone\tPrice\nA\t2 euros"
    assert by_kind["code"].splitlines() == ["route 1: 00:00", "route 2: 00:20", "route 3: 00:40"]  # no blank line
    assert blocks[3].text == "Last bus at five"


def test_candidates_carry_hints_for_block_cleaners() -> None:
    html = f"""<html><body><div id="content" class="Story-Body">{_paras(STORY)}
    <p class="promo">The strike of last winter, which stopped every line for a week, is covered in
    <a href="/x">our full report</a>.</p>
    </div></body></html>"""
    blocks, _ = _extract(html)
    assert all(b.tag and b.where for b in blocks)
    first = blocks[0]
    assert first.tag == "p" and "story-body" in first.attrs and "content" in first.attrs
    assert first.link_density == 0.0
    promo = blocks[-1]
    assert "promo" in promo.attrs and 0.05 < promo.link_density < 0.3
    assert promo.where is not None and promo.where.endswith("p.promo")


def test_forum_posts_without_paragraph_elements() -> None:
    posts = [
        "Has anyone tried the new firmware on the router?<br>Mine keeps dropping the connection every hour.",
        "Yes, same here. Rolling back to the previous version fixed it for me, it took ten minutes.",
        "Thanks, rolling back worked. I will wait for the next release before updating again.",
    ]
    html = "<html><body><div class='nav'><a href='/'>Home</a> <a href='/forum'>Forum</a></div><div class='thread'>"
    html += "".join(f"<div class='post'><div class='author'>user{i}</div><div class='message'>{p}</div></div>"
                    for i, p in enumerate(posts))
    html += "</div></body></html>"
    blocks, _ = _extract(html)
    text = "\n".join(b.text for b in blocks)
    assert "Mine keeps dropping the connection every hour." in text
    assert "Has anyone tried the new firmware on the router? Mine keeps" in text  # <br> separates words
    assert "Rolling back to the previous version" in text and "before updating again" in text
    assert "Forum" not in text


def test_listing_page_of_links_gives_its_items() -> None:
    items = [f"<li><a href='/p/{i}'>Stainless steel water bottle model {i}</a> <span>{i + 10} euros</span></li>"
             for i in range(12)]
    html = f"""<html><body><nav><a href="/">Shop</a><a href="/cart">Cart</a></nav>
    <main><h1>Water bottles</h1><ul class="products">{''.join(items)}</ul></main>
    <footer><a href="/terms">Terms of sale</a></footer></body></html>"""
    blocks, _ = _extract(html)
    text = "\n".join(b.text for b in blocks)
    assert all(f"model {i} {i + 10} euros" in text for i in range(12))
    assert "Terms of sale" not in text and "Cart" not in text


def test_content_wrapper_with_a_chrome_looking_class_is_kept() -> None:
    html = f"""<html><body><div class="inline-and-sidebar-container"><div class="text">{_paras(STORY * 3)}</div>
    <div class="sidebar-widget"><a href="/x">Donate</a></div></div></body></html>"""
    blocks, page = _extract(html)
    assert [b.text for b in blocks] == STORY * 3
    assert [r.text for r in page.removed] == ["Donate"]


def test_hidden_elements_are_not_content_unless_the_page_streams_into_them() -> None:
    html = f"""<html><body><article>{_paras(STORY)}<div style="display: none"><p>Thank you for subscribing to
    the newsletter, check your inbox.</p></div><div hidden>Loading comments and more stories ...</div>
    </article></body></html>"""
    blocks, _ = _extract(html)
    assert [b.text for b in blocks] == STORY
    streamed = f"<html><body><div id='root'></div><div hidden id='S:0'><article>{_paras(STORY)}</article></div>"
    blocks, _ = _extract(streamed)
    assert [b.text for b in blocks] == STORY


def test_layout_tables_are_walked_not_flattened() -> None:
    html = f"<html><body><table><tr><td><a href='/'>Home</a></td><td>{_paras(STORY)}</td></tr></table></body></html>"
    blocks, _ = _extract(html)
    assert [b.text for b in blocks] == STORY
    assert all(b.kind == "paragraph" for b in blocks)


def test_public_path_gives_article_with_blocks_tiling_text() -> None:
    article = docingest.ingest_html(NEWS_PAGE, url="https://example.com/news/buses", claims=False)
    assert article.paragraphs[: len(STORY)] == tuple(STORY)
    assert article.text.startswith(STORY[0])
    assert "docingest.chrome" in article.provenance.plugins
    assert "docingest.body" in article.provenance.plugins
    assert any(r.cleaner == "docingest.chrome" for r in article.provenance.removed)


def test_comment_thread_of_article_elements_is_removed_but_the_story_article_kept() -> None:
    comments = "".join(
        f'<article class="comment-body"><p>Reader {i} says: I completely agree with the council on this, finally '
        f"a decision that helps the people who keep the city running at night.</p></article>"
        for i in range(12)
    )
    html = (
        f"<html><body><article class='story'>{_paras(STORY)}</article>"
        f"<div class='comments-area'><h2>12 comments</h2>{comments}</div></body></html>"
    )
    candidates, page = _extract(html)
    text = " ".join(c.text for c in candidates)
    assert STORY[0] in text and STORY[-1] in text
    assert "Reader 3 says" not in text
    assert any(r.reason == "comments" for r in page.removed)


def _with_metadata(html: str, **fields: object) -> list[Candidate]:
    from docingest.document import Metadata

    page = _page(html)
    page.metadata = Metadata(**fields)  # type: ignore[arg-type]
    chrome.ChromeCleaner().clean(page)
    return list(body.extract(page))


def test_byline_and_dateline_at_the_head_leave_the_body() -> None:
    html = (
        "<html><head><title>Night buses extended</title></head><body><div class='story'><h1>Night buses extended</h1>"
        "<p>By Marta Velasco · 12 November 2024</p><p>Updated: Nov. 13, 2024 at 9:05 am</p>"
        f"{_paras(STORY[:2])}<p>Marta Velasco reported from the port.</p>{_paras(STORY[2:])}</div></body></html>"
    )
    texts = [c.text for c in _with_metadata(html, authors=("Marta Velasco",))]
    assert texts[0] == STORY[0]
    assert not any("12 November 2024" in t or "Updated" in t for t in texts)
    # further down, a short line naming the author is content
    assert "Marta Velasco reported from the port." in texts
    # without metadata, the "By ..." line and the dateline still go; a name alone stays
    plain = f"<html><body><p>Marta Velasco</p><p>By Marta Velasco</p>{_paras(STORY)}</body></html>"
    texts = [c.text for c in _with_metadata(plain)]
    assert texts[0] == "Marta Velasco" and "By Marta Velasco" not in texts


def test_byline_rules() -> None:
    from docingest.html.title import is_byline

    names = [("marta", "velasco")]
    assert is_byline("Marta Velasco, Staff Writer", names)
    assert is_byline("Posted by admin", [])
    assert is_byline("January 14, 2025 · 5 min read", [])
    assert is_byline("2024-11-12 10:00 UTC", [])
    assert not is_byline("By clicking accept you agree to our terms.", [])
    assert not is_byline("9.7/10", [])
    assert not is_byline("The council met on January 14, 2025 to vote on the night bus plan for the port.", [])
    assert not is_byline(STORY[0], names)


def test_header_of_a_sectioning_element_is_its_content_not_the_page_banner() -> None:
    teasers = "".join(
        f"<article class='teaser'><header><h2><a href='/s/{i}'>{s.split(',')[0]}</a></h2><p>{s}</p></header></article>"
        for i, s in enumerate(STORY)
    )
    html = (
        "<html><body><header class='top'><a href='/'>The Daily Bugle</a> <a href='/login'>Log in</a></header>"
        f"<main><section class='river'>{teasers}</section></main></body></html>"
    )
    blocks, page = _extract(html)
    text = " ".join(b.text for b in blocks)
    assert all(s in text for s in STORY)
    assert "Log in" not in text
    assert [r.reason for r in page.removed] == ["header"]


def test_big_consent_panel_or_promo_bar_goes_even_when_it_reads_like_prose() -> None:
    purposes = "".join(
        f"<p>Purpose {i}: we and our partners store and access information on your device, such as cookies, to "
        f"measure audiences, personalise content and develop products, based on consent or legitimate interest.</p>"
        for i in range(8)
    )
    offers = "".join(
        f"<p>Free standard shipping on orders over {40 + i} euros. For more information on rates and timelines, "
        f"please see our shipping policy, which applies to every order placed in region {i}.</p>"
        for i in range(8)
    )
    html = (
        f"<html><body><div id='onetrust-consent-sdk'>{purposes}</div><div class='promo-bar'>{offers}</div>"
        f"<div class='story'>{_paras(STORY)}</div></body></html>"
    )
    blocks, page = _extract(html)
    assert [b.text for b in blocks] == STORY
    assert {r.reason for r in page.removed} == {"cookie banner", "promo bar"}


def test_a_second_copy_of_the_content_is_dropped_but_a_repeated_paragraph_stays() -> None:
    html = (
        f"<html><body><div class='layout'><div class='variant desktop'><h2>Night buses</h2>{_paras(STORY)}</div>"
        f"<div class='variant mobile'><h2>Night buses</h2>{_paras(STORY)}</div></div></body></html>"
    )
    blocks, _ = _extract(html)
    assert [b.text for b in blocks] == ["Night buses", *STORY]
    refrain = f"<html><body><div class='story'>{_paras([STORY[0], STORY[1], STORY[0], STORY[2]])}</div></body></html>"
    blocks, _ = _extract(refrain)
    assert [b.text for b in blocks] == [STORY[0], STORY[1], STORY[0], STORY[2]]


def test_folded_accordion_and_tab_panels_are_read_but_other_hidden_text_is_not() -> None:
    html = (
        f"<html><body><div class='story'>{_paras(STORY[:2])}"
        f"<dl class='accordion'><dt>When?</dt><dd class='accordion__panel' hidden><p>{STORY[2]}</p></dd></dl>"
        f"<div role='tabpanel' hidden><p>{STORY[3]}</p></div>"
        "<div hidden><p>Loading the comments, the newsletter form and the next story for you now ...</p></div>"
        "</div></body></html>"
    )
    text = " ".join(b.text for b in _extract(html)[0])
    assert all(s in text for s in STORY)
    assert "Loading" not in text


def test_popover_elements_are_hidden_until_opened() -> None:
    html = (
        f"<html><body><div class='story'>{_paras(STORY)}<i-card popover id='install'><ol>"
        "<li>Tap the Share icon in the browser, then scroll the menu down to the bottom.</li>"
        "<li>Tap Add to Home Screen and confirm with Add in the top-right corner.</li></ol></i-card>"
        "</div></body></html>"
    )
    blocks, _ = _extract(html)
    assert [b.text for b in blocks] == STORY


def test_a_javascript_shell_gives_nothing_not_its_hidden_helper_strings() -> None:
    shells = [
        "<html><body><div id='app'></div><ul hidden><li id='refresh-msg'>Choosing an option reloads the whole page."
        "</li><li id='new-window-msg'>Opens in a new window.</li></ul></body></html>",
        "<html><body><div style='display:none'><h1>Shop</h1><ul><li><a href='#q'>I'm looking for...</a></li></ul>"
        "</div><div id='header'></div><div id='root'></div></body></html>",
    ]
    for html in shells:
        blocks, _ = _extract(html)
        assert blocks == []


def test_screen_reader_only_helper_strings_are_not_content() -> None:
    html = (
        f"<html><body><div class='story'>{_paras(STORY)}<ul class='links'>"
        "<li><a href='/a'>Timetables</a><span class='sr-only'>Opens in a new window</span></li>"
        "<li class='visually-hidden'>Choosing a route reloads the page and loses your selection.</li></ul>"
        "</div></body></html>"
    )
    text = " ".join(b.text for b in _extract(html)[0])
    assert all(s in text for s in STORY)
    assert "window" not in text and "reloads" not in text


#: Inline elements a reader does not see, each holding one run of text (what the paragraph fast path reads).
_UNSEEN_INLINE = (
    "<span class='sr-only'>(opens in a new tab)</span>", "<span aria-hidden='true'>#</span>",
    "<em hidden>draft note</em>", "<span class='screen-reader-text'>Permalink</span>",
    "<b style='display:none'>tracking</b>",
)  # fmt: skip
_SEEN_INLINE = ("plain words ", "<a href='/x'>a link</a>", "<em>stressed</em>", "<span class='note'>a span</span>", " ")


def _flat(html: str) -> tuple[Elems, list[RawBlock]]:
    body = LexborHTMLParser(html).body
    assert body is not None
    return flatten(body)


def test_hidden_inline_elements_inside_paragraphs_and_headings_are_not_read() -> None:
    html = (
        "<html><body><h2>What changes <a aria-hidden='true' href='#what'>#</a></h2>"
        "<p>Hello <span class='sr-only'>Opens in a new window</span>world</p>"
        "<p>Read <a href='/a'>the report</a><span class='visually-hidden'>(PDF, 2 MB)</span>.</p>"
        "<p>No hidden <em>element</em> here.</p></body></html>"
    )
    _, blocks = _flat(html)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "What changes"), ("paragraph", "Hello world"), ("paragraph", "Read the report."),
        ("paragraph", "No hidden element here."),
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SEEN_INLINE + _UNSEEN_INLINE), min_size=1, max_size=8), st.sampled_from(["p", "h3"]))
def test_a_paragraph_reads_as_if_its_hidden_inline_elements_were_not_there(pieces: list[str], tag: str) -> None:
    def read(parts: list[str]) -> list[str]:
        _, blocks = _flat(f"<html><body><{tag}>{''.join(parts)}</{tag}></body></html>")
        return [b.text for b in blocks]

    assert read(pieces) == read([p for p in pieces if p not in _UNSEEN_INLINE])


def test_a_javascript_notice_in_noscript_is_not_content() -> None:
    html = "<html><body><noscript>You need to enable JavaScript to run this app.</noscript><div id='root'></div>"
    assert _extract(html)[0] == []
    parsed = f"<html><body><noscript><div class='post'>{_paras(STORY)}</div></noscript></body></html>"
    assert [b.text for b in _extract(parsed)[0]] == STORY


def test_script_text_inside_a_data_table_is_not_read() -> None:
    html = (
        f"<html><body><div class='story'>{_paras(STORY)}<table><tr><th>Route</th><th>Night buses</th></tr>"
        "<tr><td>N1</td><td>every 20 min<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></td>"
        "</tr></table></div></body></html>"
    )
    tables = [b.text for b in _extract(html)[0] if b.kind == "table"]
    assert tables == ["Route\tNight buses\nN1\tevery 20 min"]


def test_a_photo_credit_line_is_not_body_text() -> None:
    html = (
        f"<html><body><article>{_paras(STORY[:2])}<figure><img src='bus.jpg'>"
        "<figcaption>Credit: Jane Roe / City Transit Archive</figcaption></figure>"
        f"<p>Image courtesy of the regional authority</p>{_paras(STORY[2:])}<p>Credit card payments are accepted on "
        "every night bus from March.</p></article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == [*STORY, "Credit card payments are accepted on every night bus from March."]


def test_the_consent_note_of_a_sign_up_form_is_not_body_text() -> None:
    html = (
        f"<html><body><article>{_paras(STORY)}<div class='signup'><p>Get the night bus alerts.</p>"
        "<p>By signing up, you agree to our Privacy Policy and to receive emails from us.</p></div>"
        "</article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert STORY[0] in texts and not any(t.startswith("By signing up") for t in texts)


def test_a_control_label_on_its_own_line_is_not_body_text() -> None:
    html = (
        f"<html><body><article>{_paras(STORY[:2])}<p><span class='btn'>Read More</span></p>"
        f"<div><button>Add to wishlist</button></div><div><span>Toggle caption</span></div>{_paras(STORY[2:])}"
        "<p>Read more about the routes on the city's site.</p></article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == [*STORY, "Read more about the routes on the city's site."]


def test_an_agency_photo_credit_line_is_not_body_text() -> None:
    html = (
        f"<html><body><article>{_paras(STORY[:2])}<figure><img src='bus.jpg'>"
        "<figcaption>Jane Roe/Getty Images</figcaption></figure><p>AP Photo/John Doe</p>"
        f"{_paras(STORY[2:])}</article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == STORY


def test_a_widget_label_on_its_own_line_is_not_body_text() -> None:
    html = (
        f"<html><body><article><p>5 min read</p>{_paras(STORY[:2])}<div><span>3 Likes</span></div>"
        f"<p>Sponsored</p>{_paras(STORY[2:])}<div>Loading...</div><div>Sort by:</div><button>Close</button>"
        "<div>Oops! Something went wrong while submitting the form.</div>"
        "<p>Close to the port, the night bus will stop twice.</p></article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == [*STORY, "Close to the port, the night bus will stop twice."]


def test_poster_stats_and_shop_badges_are_not_body_text() -> None:
    html = (
        f"<html><body><article><div>Original Poster</div><div>Posts: 1,077</div>{_paras(STORY[:2])}"
        f"<div>Rated 4.8 out of 5</div><div>Based on 120 reviews</div><span>In stock</span>"
        f"{_paras(STORY[2:])}<p>In stock at every depot: spare buses for the night routes.</p></article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == [*STORY, "In stock at every depot: spare buses for the night routes."]


def test_widget_labels_go_on_listings_too_and_more_of_them_are_known() -> None:
    cards = "".join(
        f"<li><div><a href='/bus/{n}'>Night bus route N{n} timetable</a></div>"
        "<div>Top Rated</div></li>"
        for n in range(1, 6)
    )
    texts = [b.text for b in _extract(f"<html><body><main><ul>{cards}</ul></main></body></html>")[0]]
    assert "Night bus route N1 timetable" in texts and "Top Rated" not in texts
    html = (
        f"<html><body><article><h2>Table of Contents</h2>{_paras(STORY[:2])}<div>Advertisement</div>"
        f"<div>Last edited by Jane; Feb 17, 2026 at 9:17 am</div>{_paras(STORY[2:])}<p>1 Answer</p>"
        "</article></body></html>"
    )
    assert [b.text for b in _extract(html)[0]] == STORY


def test_hidden_text_inside_links_preformatted_text_and_data_tables_is_not_read() -> None:
    html = (
        "<html><body><div class='teaser'><a href='/x'>Read more<span class='screen-reader-text'> about the budget"
        "</span></a></div><ul><li><a href='/y'><b>Weather</b> today<i aria-hidden='true'>icon</i></a></li></ul>"
        "<p>Pick <a href='/z'><em>this one</em><span class='sr-only'>(opens in a new tab)</span></a>.</p>"
        "<pre>make<span hidden> --dry-run</span> all</pre>"
        "<table><tr><th>Line</th><th>Buses<span class='visually-hidden'> per hour</span></th></tr>"
        "<tr><td>N1</td><td>3<span style='display:none'>tracking</span></td></tr></table></body></html>"
    )
    _, blocks = _flat(html)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Read more"), ("list_item", "Weather today"), ("paragraph", "Pick this one."),
        ("code", "make all"), ("table", "Line\tBuses\nN1\t3"),
    ]  # fmt: skip


#: Markup for the tree property below: elements a reader does not see (never the exempt ones: folded panels,
#: streamed ``<div hidden>`` children of the body) and seen ones, each wrapping a subtree.
_UNSEEN_ATTRS = (
    "class='sr-only'", "aria-hidden='true'", "hidden", "style='display: none'", "class='screen-reader-text'",
)  # fmt: skip
_TAGS = ("div", "section", "blockquote", "p", "h3", "pre", "a href='/x'", "span", "em", "b", "ul", "li")


def _trees() -> st.SearchStrategy[str]:
    words = st.sampled_from(["alpha ", "beta", " gamma ", "delta.", "<br>", " "])

    def wrap(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        def element(tag: str, attrs: str, children: list[str]) -> str:
            name = tag.split(maxsplit=1)[0]
            return f"<{tag}{' ' + attrs if attrs else ''}>{''.join(children)}</{name}>"

        attrs = st.sampled_from(("", "", "", "class='note'", *_UNSEEN_ATTRS))
        return st.builds(element, st.sampled_from(_TAGS), attrs, st.lists(inner, max_size=4))

    return st.recursive(words, wrap, max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(_trees(), min_size=1, max_size=4))
def test_the_text_of_a_tree_is_that_of_the_same_tree_with_its_hidden_elements_deleted(trees: list[str]) -> None:
    # a long visible paragraph first: the page is not a shell streaming its content into hidden elements
    html = f"<html><body><main><p>{' '.join(STORY)}</p>{''.join(trees)}</main></body></html>"
    shown = LexborHTMLParser(html)
    assert shown.body is not None
    unseen = shown.body.css(f"{HIDDEN}, .sr-only, .screen-reader-text")
    ids = {node.mem_id for node in unseen}
    for node in unseen:  # the outermost ones (their descendants go with them)
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            node.decompose()
    assert [(b.kind, b.text) for b in _flat(html)[1]] == [(b.kind, b.text) for b in flatten(shown.body)[1]]
