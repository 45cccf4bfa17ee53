"""The metadata extractor on small team-written pages: precedence, cleaning, and nothing invented."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import docingest
from docingest.document import Metadata
from docingest.meta.authors import clean_authors, name_first
from docingest.meta.dates import date_from_url, parse_date
from docingest.meta.jsonld import _COMMENT, _walk, parse_scripts
from docingest.models import Article
from docingest.stages.metadata import (
    choose_title,
    extract_metadata,
    heading_text,
    near_headline,
    normalise_language,
    slug_words,
    strip_site,
)

BODY = "<p>" + "The council met on Tuesday and agreed the plan after a long debate. " * 5 + "</p>"


def meta(head: str, body: str = BODY, url: str | None = "https://news.example.com/story") -> Metadata:
    return extract_metadata(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"), url)


LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://news.example.com/#site", "name": "Example News"},
  {"@type": "Person", "@id": "https://news.example.com/#ana", "name": "Ana Ruiz"},
  {"@type": "NewsArticle", "headline": "Council agrees plan", "author": {"@id": "https://news.example.com/#ana"},
   "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-03-06T10:00:00Z",
   "publisher": {"@type": "Organization", "name": "Example News"}, "image": {"url": "/img/a.jpg"}}]}</script>"""


def test_jsonld_wins_and_resolves_graph_references() -> None:
    m = meta(LD + '<meta property="og:title" content="Other"><meta name="author" content="Someone Else">')
    assert m.authors == ("Ana Ruiz",)
    assert m.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert m.modified == datetime(2024, 3, 6, 10, 0, tzinfo=UTC)
    assert m.site_name == "Example News"
    assert m.image == "https://news.example.com/img/a.jpg"


def test_opengraph_and_citation_meta_without_jsonld() -> None:
    m = meta(
        '<meta property="og:title" content="Rates rise again | Example News">'
        '<meta property="og:site_name" content="Example News">'
        '<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, Rick">'
        '<meta property="article:published_time" content="2023-11-02">'
        '<meta property="og:locale" content="pt_BR">'
    )
    assert m.title == "Rates rise again"
    assert m.published == date(2023, 11, 2)
    assert m.language == "pt-BR"
    assert m.authors  # citation authors are names, not dropped


def test_visible_page_is_the_last_resort() -> None:
    body = (
        '<article><h1>Bridge reopens after repairs</h1><p class="byline">By <a rel="author">Lee Park</a>, '
        'Staff Writer</p><time datetime="2022-07-14T08:00:00-04:00">July 14</time>' + BODY + "</article>"
    )
    m = meta("<title>Bridge reopens after repairs - Example News</title>", body)
    assert m.title == "Bridge reopens after repairs"
    assert m.authors == ("Lee Park",)
    assert m.published == datetime(2022, 7, 14, 8, 0, tzinfo=timezone(timedelta(hours=-4)))


def test_microdata_author_and_date() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Storm warning issued</h1>'
        '<span itemprop="author" itemscope><span itemprop="name">Mia Chen</span></span>'
        '<meta itemprop="datePublished" content="2021-01-09">' + BODY + "</div>"
    )
    m = meta("<title>Storm warning issued</title>", body)
    assert (m.title, m.authors, m.published) == ("Storm warning issued", ("Mia Chen",), date(2021, 1, 9))


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Headline here | Example News", ["Example News"], "Headline here"),
        ("Headline here - Example News", ["Example News"], "Headline here"),
        ("Example News: Headline here", ["Example News"], "Headline here"),
        ("Headline here – examplenews.com", ["examplenews.com"], "Headline here"),
        ("Part one - Part two", ["Example News"], "Part one - Part two"),
        ("Headline here - Example News Forums", ["Example News"], "Headline here"),  # a suffix holding the name
        # a leading part goes only when it is the site's name, not a product named after the brand
        ("Example Cream 50 ml - Rose | Example", ["Example"], "Example Cream 50 ml - Rose"),
    ],
)
def test_site_suffix_is_stripped(title: str, site: list[str], expected: str) -> None:
    assert strip_site(title, site) == expected


_TITLE_PIECES = st.sampled_from(["Headline here", "Example News", "example.com", "Rose", " | ", " - ", " – ", ": ",
                                 " :: ", "Example", "news", "  "])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_TITLE_PIECES, max_size=8).map("".join)),
       st.lists(st.sampled_from(["Example News", "example.com", "Example", "", "x"]), max_size=3), st.booleans())
def test_strip_site_keeps_a_piece_of_the_title(title: str, site: list[str], leading: bool) -> None:
    written = " ".join(title.split())
    out = strip_site(title, site, leading=leading)
    assert out in written and (out or not written)  # nothing invented; a title never stripped to nothing
    if not leading:
        assert written.startswith(out)  # only a suffix goes


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Jane Doe and John Roe, Staff Writers | March 5, 2024", ("Jane Doe", "John Roe")),
        ("BY JOHN SMITH", ("John Smith",)),
        ("Dylan Bailey, MS, RD", ("Dylan Bailey",)),
        ("jane@example.com (Jane Doe)", ("Jane Doe",)),
        ("Jane Doe Updated 3 hours ago", ("Jane Doe",)),
        ("Staff", ()),
        ("Example News", ()),
        ("Ana Ruiz; ana ruiz", ("Ana Ruiz",)),
    ],
)
def test_author_cleaning(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors([raw], ["Example News"]) == names


def test_nothing_invented_on_a_bare_page() -> None:
    m = meta("<title>Contact us</title>", "<p>Copyright 2019 Example. Call us today.</p>",
             url="https://example.com/contact")  # fmt: skip
    assert m.authors is None and m.published is None and m.modified is None


def test_dates_are_never_naive() -> None:
    assert parse_date("2024-03-05T10:00:00") == date(2024, 3, 5)
    assert parse_date("03/05/2024") is None  # ambiguous day and month
    assert parse_date("25/12/2024") is None  # numeric dates are a locale's order, which the page does not state
    assert parse_date("1970-01-01") is None
    assert date_from_url("https://x.com/2024/03/05/story") == date(2024, 3, 5)
    assert date_from_url("https://x.com/2024/03/story") is None


def test_invalid_values_are_dropped_not_fatal() -> None:
    m = meta('<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="data:x">'
             '<meta http-equiv="content-language" content="not a language!">', url=None)  # fmt: skip
    assert (m.canonical_url, m.image, m.language) == (None, None, None)
    article = docingest.ingest_html("<html lang='en_gb'><head>" + LD + "</head><body>" + BODY + "</body></html>",
                                    url="https://news.example.com/story")  # fmt: skip
    assert isinstance(article, Article)
    assert article.language == "en-GB" and article.authors == ("Ana Ruiz",)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_language_normalisation_passes_the_article_validator(value: str) -> None:
    tag = normalise_language(value)
    if tag is not None:
        assert normalise_language(tag) == tag


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_author_cleaning_is_clean_and_idempotent(value: str) -> None:
    names = clean_authors([value])
    assert all(n == n.strip() and n for n in names)
    assert len({n.casefold() for n in names}) == len(names)
    assert clean_authors(names) == names


# ------------------------------------------------------------------------------------------ title choice
@pytest.mark.parametrize(
    ("h1s", "title", "metas", "expected"),
    [
        # a metadata title confirms the visible headline
        (["Bridge reopens"], "Bridge reopens | Example News", ["Bridge reopens"], "Bridge reopens"),
        # the <h1> shares no word with the titles the metadata agree on: a label, not the headline
        (["Latest news"], "Council agrees housing plan | Example News", ["Council agrees housing plan"],
         "Council agrees housing plan"),
        # the <h1> is the blog's name, written as the title's trailing part
        (["Jan's Workshop"], "Building a workbench - Jan's Workshop", [], "Building a workbench"),
        # og:title shows where the site's suffix starts, even when the suffix is not the site's name
        ([], "Fixing a bike chain - Repairs - The Cycling Forum", ["Fixing a bike chain"], "Fixing a bike chain"),
        # nothing contradicts the <h1>: a reader sees it, it wins over a reworded SEO title
        (["Ten tips for tidy desks"], "Desk tidying tips for 2024 | Example News", [], "Ten tips for tidy desks"),
        # no title at all
        ([], None, [], None),
    ],
)
def test_title_choice(h1s: list[str], title: str | None, metas: list[str], expected: str | None) -> None:
    assert choose_title(h1s, title, metas, ["Example News"])[0] == expected


@pytest.mark.parametrize(
    ("h1s", "title", "metas", "url", "expected"),
    [
        # "Site | Headline": the <h1> is the title's trailing part, and the headline (the leading part is the site)
        (["Council agrees housing plan"], "Example News | Council agrees housing plan", [], None,
         "Council agrees housing plan"),
        # the blog's name as the trailing part stays the site's name, unless the URL's slug names the <h1>
        (["Small tools"], "Sharpening a chisel - Small tools", [], "https://blog.example.org/sharpening-a-chisel",
         "Sharpening a chisel"),
        (["Sharpening a chisel"], "Small tools: Sharpening a chisel", [], "https://blog.example.org/sharpening-a-chisel",
         "Sharpening a chisel"),
        # the logo's <h1> (the site's name) is no second heading beside the story's
        (["Example News", "Ten tips for tidy desks"], "Ten tips for tidy desks, March 2025 | Example News",
         [], None, "Ten tips for tidy desks"),
        # the same <h1> twice (a desktop and a mobile header) is one heading
        (["Ten tips for tidy desks", "Ten tips for tidy desks"], "Desk tidying tips | Example News",
         ["Desk tidying tips"], None, "Ten tips for tidy desks"),
        # the <title> is only the site's name: nothing contradicts the <h1>
        (["Ten tips for tidy desks"], "Example News", ["Example News"], None, "Ten tips for tidy desks"),
        # the <h1> sets the site's name off as the title does ("Headline – Site"); a colon is the headline's own
        (["Ten tips for tidy desks – Example News"], "Ten tips for tidy desks – Example News", [], None,
         "Ten tips for tidy desks"),
        (["Example News: Ten tips for tidy desks"], "Example News: Ten tips for tidy desks", [], None,
         "Example News: Ten tips for tidy desks"),
        # the <h1> is one of the title's parts (breadcrumb-like titles)
        (["Air purifiers"], "Products - Air purifiers - Example Appliances", [], None, "Air purifiers"),
        # the URL's slug was written from the <title>, not from the slogan in the <h1>
        (["Work smarter, not harder"], "Shared task lists for small teams | Example", [],
         "https://example.com/shared-task-lists", "Shared task lists for small teams"),
        # ... or from the <h1>
        (["Shared task lists for small teams"], "Work smarter, not harder | Example", [],
         "https://example.com/shared-task-lists", "Shared task lists for small teams"),
    ],
)
def test_title_choice_signals(h1s: list[str], title: str, metas: list[str], url: str | None, expected: str) -> None:
    assert choose_title(h1s, title, metas, ["Example News", "example.com"], url)[0] == expected


def test_a_website_is_named_by_its_title_and_its_h1_still_marks_the_heading() -> None:
    # a landing page: the <h1> is a slogan, the <title> names the page
    h1s, title = ["One workspace. Zero busywork."], "Example – The workspace that works for you."
    assert choose_title(h1s, title, [], ["Example"]) == (h1s[0], 0)  # nothing says the page is no article
    assert choose_title(h1s, title, [], ["Example"], website=True) == ("The workspace that works for you.", 0)
    head = ('<title>Example – The workspace that works for you.</title><meta property="og:type" content="website">'
            '<meta property="og:site_name" content="Example">')  # fmt: skip
    m = meta(head, "<main><h1>One workspace. Zero busywork.</h1><p>By Ana Ruiz</p>" + BODY + "</main>")
    assert (m.title, m.authors) == ("The workspace that works for you.", ("Ana Ruiz",))
    # a JSON-LD article is an article, whatever its og:type says
    article = head + '<script type="application/ld+json">{"@type": "Article", "headline": "One workspace"}</script>'
    assert meta(article, "<h1>One workspace. Zero busywork.</h1>" + BODY).title == "One workspace. Zero busywork."


def test_a_home_page_keeps_the_site_name_that_leads_its_title() -> None:
    head = ('<title>Example – The workspace that works for you.</title><meta property="og:type" content="website">'
            '<meta property="og:site_name" content="Example">')  # fmt: skip
    body = "<main><h1>One workspace. Zero busywork.</h1>" + BODY + "</main>"
    # the site's home page is the site: its name is part of the page's name
    assert meta(head, body, "https://example.com/").title == "Example – The workspace that works for you."
    assert meta(head, body, "https://example.com").title == "Example – The workspace that works for you."
    # any other page of the site, or a home page with a query, drops it
    for url in ("https://example.com/workspace", "https://example.com/?page=2", None):
        assert meta(head, body, url).title == "The workspace that works for you."
    # a trailing site name is still cut, and the heading the page shows wins as before
    trailing = head.replace("Example – The workspace that works for you.", "The workspace that works for you | Example")
    assert meta(trailing, body, "https://example.com/").title == "The workspace that works for you"
    shown = "<main><h1>The workspace that works for you.</h1>" + BODY + "</main>"
    assert meta(head, shown, "https://example.com/").title == "The workspace that works for you."


def test_slug_words() -> None:
    assert slug_words("https://example.com/2024/05/bridge-reopens_after-repairs.html") == {
        "bridge", "reopens", "after", "repairs"}  # fmt: skip
    assert slug_words("https://example.com/news/123456") == set()
    assert slug_words("https://example.com/about") == set()
    assert slug_words(None) == set()


def test_heading_text_joins_inline_pieces_and_drops_permalinks_and_styles() -> None:
    tree = LexborHTMLParser(
        "<h1>Category:<span>Rivers</span> <a href='#x'>¶</a></h1>"
        "<h2><style>.c{color:red}</style>Brand <b>Cream</b></h2>"
    )
    h1, h2 = tree.css("h1, h2")
    assert heading_text(h1) == "Category:Rivers"
    assert heading_text(h2) == "Brand Cream"
    (h1,) = LexborHTMLParser("<h1>News Product<br>Management <span>Course</span></h1>").css("h1")
    assert heading_text(h1) == "News Product Management Course"  # a <br> is a space a reader sees


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # a control inside the heading ("Copy item path"), a logo's SVG <title>, hidden and aria-hidden copies
        ("<h1>Crate <span>tokio</span>&nbsp;<button title='Copy'>Copy item path</button></h1>", "Crate tokio"),
        ("<h1><a href='/'><svg><title>Artboard</title><desc>Made with Sketch.</desc></svg>Forum</a></h1>", "Forum"),
        ("<h1>IAM overview<span hidden>Stay organized with collections</span></h1>", "IAM overview"),
        ("<h1><span aria-hidden='true'><span>The</span><span>plan</span></span><span>The plan</span></h1>",
         "The plan"),
        # a block element breaks the line: a reader sees a space
        ("<h1>The Best Notion Alternatives<div>Top Note-taking Tools</div></h1>",
         "The Best Notion Alternatives Top Note-taking Tools"),
        # a heading that is nothing but hidden text keeps it
        ("<h1><span aria-hidden='true'>Menu</span></h1>", "Menu"),
        # invisible characters (a soft hyphen inside a word) are not read
        ("<h1>Home Repair Assis\u00adtance Program</h1>", "Home Repair Assistance Program"),
        # the date a heading shows beside the headline is not its words
        ("<h1><a href='#'><time datetime='2025-12-18'>Dec <span>18</span> 2025</time> Council agrees plan</a></h1>",
         "Council agrees plan"),
    ],
)
def test_heading_text_is_what_a_reader_sees(html: str, text: str) -> None:
    (h1,) = LexborHTMLParser(html).css("h1")
    assert heading_text(h1) == text


# ------------------------------------------------------------------------------------------ authors
@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("TOI Lifestyle Desk", ("TOI Lifestyle Desk",)),  # a desk credit is the byline, kept whole
        ("The Investopedia Team", ("The Investopedia Team",)),
        ("Jane Doe Staff Writer", ("Jane Doe",)),  # a role after a name is not a collective credit
        ("undefined", ()),
        ("brandon-peaktwo", ()),  # a CMS slug
        ("Feb", ()),
        ("Sofia Gonzalez December", ("Sofia Gonzalez",)),
        # job titles after the name, however they are written
        ("Paul Frew, Home and Digital Security Expert", ("Paul Frew",)),
        ("Brian Truitt USA TODAY", ("Brian Truitt",)),  # the publication in capitals
        ("Recipe by PJ Hamel", ("PJ Hamel",)),
        ("Fred in Workshop Woodworking", ("Fred",)),  # the section the post was filed in
        ("& Zoe Cruz", ("Zoe Cruz",)),
    ],
)
def test_collective_credits_and_junk(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors([raw]) == names


def test_organisation_credited_as_author_only_when_no_person_is_named() -> None:
    org = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Plan a launch event",'
           ' "author": {"@type": "Organization", "name": "Example News"},'
           ' "publisher": {"@type": "Organization", "name": "Example News"}}</script>'
           '<meta property="og:site_name" content="Example News">')  # fmt: skip
    assert meta(org).authors == ("Example News",)
    person = org.replace('"author": {"@type": "Organization", "name": "Example News"}', '"author": "Ana Ruiz"')
    assert meta(person).authors == ("Ana Ruiz",)
    publisher_only = org.replace('"author": {"@type": "Organization", "name": "Example News"},', "")
    assert meta(publisher_only).authors is None


@pytest.mark.parametrize(
    ("after_headline", "authors"),
    [
        ("<p>Written by:</p><p>Elise Nash</p>", ("Elise Nash",)),
        ("<p>By <span>Friends of the Earth</span></p>", ("Friends of the Earth",)),  # "of", "the" inside a name
        ("<p>By Lee Park the council said</p>", ("Lee Park",)),  # but not after it
        ("<div><span>Share Post</span> <span>12 March 2024</span></div>", None),  # a control beside a date
        ("<div>Sort by: Newest</div><div>Jane Doe</div>", None),  # a sort control, and a name without cue or date
    ],
)
def test_visible_bylines_without_markup(after_headline: str, authors: tuple[str, ...] | None) -> None:
    body = "<main><h1>Bridge reopens after repairs</h1>" + after_headline + BODY + "</main>"
    assert meta("<title>Bridge reopens after repairs</title>", body).authors == authors


def test_a_byline_crediting_the_site_itself_is_kept_when_nobody_else_is_named() -> None:
    head = '<title>Bridge reopens after repairs</title><meta property="og:site_name" content="Example Online">'
    body = "<main><h1>Bridge reopens after repairs</h1><p>By Example Online</p>" + BODY + "</main>"
    assert meta(head, body).authors == ("Example Online",)
    marked = "<main><h1>Bridge reopens after repairs</h1><span class='author'>Example Online</span>" + BODY
    assert meta(head, marked + "</main>").authors == ("Example Online",)
    person = "<main><h1>Bridge reopens after repairs</h1><p>By Example Online</p><p>By Lee Park</p>" + BODY
    assert meta(head, person + "</main>").authors == ("Lee Park",)
    assert meta(head, "<main><h1>Bridge reopens after repairs</h1>" + BODY + "</main>").authors is None


@pytest.mark.parametrize(
    ("after_headline", "authors"),
    [
        ("<p>By <a href='/a/ana'>Ana Ruiz</a></p>", ("Ana Ruiz",)),
        ("<p>WRITTEN BY: Ana Ruiz</p>", ("Ana Ruiz",)),
        ("<p>15 October 2019 by Ana Ruiz</p>", ("Ana Ruiz",)),  # the dateline it shares a line with
        # a "by" inside a sentence or a control names no author
        ("<p>The fund was established by Congress in 1974 to provide legal aid.</p>", None),
        ("<div>Sort by <a href='?r'>Ranking</a></div>", None),
        ("<p>Nike By You</p>", None),
        ("<p>Recycle by City</p>", None),
    ],
)
def test_a_byline_starts_with_its_cue(after_headline: str, authors: tuple[str, ...] | None) -> None:
    body = "<main><h1>Bridge reopens after repairs</h1>" + after_headline + BODY + "</main>"
    assert meta("<title>Bridge reopens after repairs</title>", body).authors == authors


def test_byline_beside_the_headline_stops_at_its_element() -> None:
    body = ("<article><h1>Bridge reopens after repairs</h1><div>By <a href='/a/lee'>Lee Park</a></div>"
            "<div>Restaurant Tips</div>" + BODY + "</article>")  # fmt: skip
    m = meta("<title>Bridge reopens after repairs</title>", body)
    assert m.authors == ("Lee Park",)


def test_a_class_the_headline_sits_in_marks_no_chrome() -> None:
    # the page wraps its content in "widget" blocks (a page builder's naming): the byline's is no chrome
    body = ("<div class='builder-widget-wrap'><div class='builder-widget-container'><h1>Bridge reopens</h1></div>"
            "<div class='builder-widget-container'><p class='byline'>Lee Park</p></div></div>" + BODY)
    assert meta("<title>Bridge reopens</title>", body).authors == ("Lee Park",)
    # a widget the headline is not in is still chrome
    body = ("<div><div><h1>Bridge reopens</h1></div><div class='sidebar-widget'><p class='byline'>Lee Park</p>"
            "</div></div>" + BODY)  # fmt: skip
    assert meta("<title>Bridge reopens</title>", body).authors is None


# ------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("modified", "published"),
    [
        ("2025-06-17T09:00:00+00:00", date(2025, 12, 18)),  # one CMS stamp for both: the printed date wins
        ("2025-12-20T09:00:00+00:00", datetime(2025, 6, 17, 9, tzinfo=UTC)),  # an updated story keeps its stamp
    ],
)
def test_printed_date_against_a_single_cms_stamp(modified: str, published: date | datetime) -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",'
            f' "datePublished": "2025-06-17T09:00:00+00:00", "dateModified": "{modified}"}}</script>')  # fmt: skip
    body = "<main><h1>Bridge reopens</h1><p>December 18, 2025</p>" + BODY + "</main>"
    assert meta(head, body).published == published


def test_a_layout_wrapper_named_like_chrome_does_not_hide_the_headline_date() -> None:
    body = ('<div class="layout with-sidebar"><div><div><article><header><h1>Bridge reopens</h1>'
            '<p class="meta"><time datetime="2024-03-05">5 March</time></p></header>'
            + BODY + "</article></div></div></div>")  # fmt: skip
    assert meta("<title>Bridge reopens</title>", body).published == date(2024, 3, 5)


def test_webpage_date_of_the_cms_is_no_publication_date() -> None:
    graph = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Our services",'
             ' "datePublished": "2019-04-15T21:00:02+00:00", "dateModified": "2024-01-02T10:00:00+00:00"}]}</script>')
    m = meta(graph, "<h1>Our services</h1>" + BODY)
    assert m.published is None
    assert m.modified == datetime(2024, 1, 2, 10, 0, tzinfo=UTC)  # what the page says it is: a modification


def test_dateline_beside_the_headline() -> None:
    body = "<main><h1>Storm warning issued</h1><p><span>Posted on</span> <span>March 5, 2024</span></p>" + BODY
    assert meta("<title>Storm warning issued</title>", body + "</main>").published == date(2024, 3, 5)


def test_text_walk_is_bounded_and_in_reading_order() -> None:
    tree = LexborHTMLParser(
        "<div><p>Section A</p><h1>Headline</h1><nav><a>Home</a></nav><p>By Ana</p>"
        + "<p>" + "word " * 5000 + "</p>" * 1 + "<p>late</p>" * 2000 + "</div>"
    )
    h1 = tree.css_first("h1")
    pieces = near_headline(h1)
    assert pieces[0] == "By Ana"  # the menu is skipped, the byline comes first
    assert "Section A" in pieces  # and the text just before the headline is read too
    assert sum(len(p) for p in pieces) <= 1000 + 200 + 300 + 200
    assert all(len(p) <= 200 for p in pieces)


@pytest.mark.parametrize(
    ("printed", "published"),
    [
        ("<p>Updated August 14, 2025</p>", date(2025, 8, 14)),  # the dateline the readers see: an update
        ("<p><span>Last updated:</span> <span>August 14, 2025</span></p>",  # a labelled field: the stamp
         datetime(2025, 5, 19, 9, tzinfo=UTC)),
        ("<p>August 14, 2025</p>", datetime(2025, 5, 19, 9, tzinfo=UTC)),  # no update label: the stamp
    ],
)
def test_an_update_dateline_beside_the_headline(printed: str, published: date | datetime) -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Best dishwashers",'
            ' "datePublished": "2025-05-19T09:00:00+00:00", "dateModified": "2025-11-20T09:00:00+00:00"}</script>')
    body = "<main><h1>Best dishwashers</h1>" + printed + BODY + "</main>"
    assert meta(head, body).published == published


def test_a_url_with_the_stamped_day_confirms_it_against_a_printed_date() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",'
            ' "datePublished": "2025-12-19T09:00:00+00:00", "dateModified": "2025-12-19T09:00:00+00:00"}</script>')
    body = "<main><h1>Bridge reopens</h1><p>December 17, 2025</p>" + BODY + "</main>"
    url = "https://news.example.com/2025/12/19/bridge-reopens"
    assert meta(head, body, url).published == datetime(2025, 12, 19, 9, tzinfo=UTC)
    assert meta(head, body).published == date(2025, 12, 17)  # without it, the printed date


def test_a_dated_teaser_of_another_story_is_no_date_of_the_page() -> None:
    teaser = ('<section class="more"><article><h3>Other story</h3><footer>'
              '<time datetime="2024-01-09">9 January</time></footer></article></section>')  # fmt: skip
    page = "<div><div><article><header><div><h1>Bridge reopens</h1></div></header>" + BODY + "</article>" + teaser
    assert meta("<title>Bridge reopens</title>", page + "</div></div>").published is None


def test_microdata_publication_date_away_from_the_headline() -> None:
    footer = '<div class="post-footer">Posted <span itemprop="datePublished">December 19, 2025</span></div>'
    body = '<div><div><div class="post"><h1>Small adventures</h1></div></div></div>' + BODY * 8 + footer
    assert meta("<title>Small adventures</title>", body).published == date(2025, 12, 19)


def test_a_sentence_naming_a_date_is_no_dateline() -> None:
    body = ("<main><p>Dec 12, 2025</p><h1>Why Rust for embedded</h1><p>The first vendor SDK for these chips, "
            "released on October 30, 2025, changed how teams start a new board and ship it.</p>" + BODY + "</main>")
    assert meta("<title>Why Rust for embedded</title>", body).published == date(2025, 12, 12)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://blog.example.org/articles/2025-12-15+Rust+backend", date(2025, 12, 15)),
        ("https://blog.example.org/posts/2024-03-05-bridge-reopens/", date(2024, 3, 5)),
        ("https://blog.example.org/2024/03/05?ref=home", date(2024, 3, 5)),
        ("https://blog.example.org/2024-03/05/bridge", None),
        ("https://blog.example.org/item2024-03-05", None),
    ],
)
def test_url_dates(url: str, day: date | None) -> None:
    assert date_from_url(url) == day


def test_the_first_microdata_author_away_from_the_headline() -> None:
    post = ('<div class="question"><div><div><div><h1>How to back up my disk?</h1></div></div></div>' + BODY * 8
            + '<div class="signature"><div itemprop="author"><a href="/u/7">dskfan42</a>'
            '<meta itemprop="name" content="dskfan42"></div></div></div>')  # fmt: skip
    comments = ('<ul class="comments"><li><div itemprop="author"><a href="/u/9">Someone Else</a></div>'
                "</li></ul>")  # fmt: skip
    assert meta("<title>How to back up my disk?</title>", post + comments).authors == ("dskfan42",)
    # a comment's author alone is no author of the page
    unsigned = post.split('<div class="signature">')[0]
    assert meta("<title>How to back up my disk?</title>", unsigned + comments).authors is None


def test_an_author_link_away_from_the_headline() -> None:
    body = ('<div><div><div><h1>Packing tips</h1></div></div></div>' + BODY * 8
            + '<div class="stickySide"><p class="name"><a rel="author" href="/about/hg">Halina Goetz</a></p></div>')
    assert meta("<title>Packing tips</title>", body).authors == ("Halina Goetz",)


def test_a_link_to_the_authors_page_beside_the_headline() -> None:
    head = '<header><h1>Packing tips</h1><div><span><a href="/blog/authors/lee-park">Lee Park</a></span></div></header>'
    body = "<article>" + head + BODY + "</article>"
    assert meta("<title>Packing tips</title>", body).authors == ("Lee Park",)


AUTHOR_BOX = "<div class='bio'><p>Written by <b>Lee Park</b></p><p>Lee writes about travel.</p></div>"


@pytest.mark.parametrize(
    ("beside", "after", "authors"),
    [
        # a name alone beside the headline, credited with a cue in the author box after the story
        ("<p><span>Lee Park</span></p>", AUTHOR_BOX, ("Lee Park",)),
        ("<p>Lee Park</p>", "<footer><p>Article by&nbsp;<a href='/u/7'>Lee Park</a></p></footer>", ("Lee Park",)),
        # one place alone names nobody: the name beside the headline (a product's, a section's) ...
        ("<p><span>Lee Park</span></p>", "", None),
        # ... or the cue away from it, for a name not beside the headline
        ("<p><span>Spring Sale</span></p>", AUTHOR_BOX, None),
        # a longer name ("Lee Parkinson") is not the name beside the headline
        ("<p><span>Lee Park</span></p>", "<p>Written by Lee Parkinson</p>", None),
    ],
)
def test_a_name_beside_the_headline_credited_elsewhere(beside: str, after: str, authors: tuple[str, ...] | None) -> None:  # noqa: E501
    body = "<main><h1>Packing tips</h1>" + beside + "<p>Text.</p>" + BODY * 6 + "</main>" + after
    assert meta("<title>Packing tips</title>", body).authors == authors


def test_the_share_card_names_the_writer() -> None:
    card = ('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tyler Brown">'
            '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">')
    assert meta(card, "<h1>Packing tips</h1>" + BODY).authors == ("Tyler Brown",)
    # the author meta, when present, is the page's own statement
    assert meta(card + '<meta name="author" content="Ana Ruiz">', "<h1>Packing tips</h1>" + BODY).authors == (
        "Ana Ruiz",
    )
    reading = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Tom Hale">'
    assert meta(reading, "<h1>Packing tips</h1>" + BODY).authors is None


@pytest.mark.parametrize(
    ("credit", "site", "names"),
    [
        ("SFist Contributor", "SFist - San Francisco News", ("SFist Contributor",)),
        ("Great Day Editorial Team", "Great Day Improvements", ("Great Day Editorial Team",)),
        ("By ASU Online", "Arizona State", ("ASU Online",)),
        ("Jane Doe Staff Writer", "Example News", ("Jane Doe",)),  # a person with a job title
        ("Help Net Security Sponsored", "Example News", ("Help Net Security",)),  # no credit word
        ("Jane Doe, Example Editorial Team", "Example News", ("Jane Doe",)),  # a person beside the desk
    ],
)
def test_a_publications_own_credit_keeps_its_words(credit: str, site: str, names: tuple[str, ...]) -> None:
    assert clean_authors([credit], [site]) == names


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Publicado el 04-ago-2021 5:11:10", date(2021, 8, 4)),
        ("Posted 12-Dec-2024", date(2024, 12, 12)),
        ("Essay - Published: 2025.12.17 |", date(2025, 12, 17)),
        ("Cureus. 2023 Jan 7;15(1):e33475.", date(2023, 1, 7)),
        ("version 2024.1.3", None),  # a version number, not a day
        ("3 days ago", None),  # relative: no reference, no date
    ],
)
def test_more_written_date_forms(text: str, day: date | None) -> None:
    assert parse_date(text) == day


def test_a_layout_wrapper_named_with_sidebar_does_not_hide_the_first_poster() -> None:
    post = ('<div><div><div><h1>Speaker cable gauge?</h1></div></div></div>' + BODY * 8
            + '<div class="p-body-main p-body-main--withSidebar"><div class="content"><div class="thread"><div>'
            '<div class="hidden"><div itemprop="author"><span itemprop="name">JosephF</span></div></div>'
            "</div></div></div></div>")  # fmt: skip
    assert meta("<title>Speaker cable gauge?</title>", post).authors == ("JosephF",)
    nearby = post.replace('<div class="hidden">', '<div class="sidebar">')  # chrome right around it still is
    assert meta("<title>Speaker cable gauge?</title>", nearby).authors is None


def test_a_forum_threads_first_poster_by_user_name_link() -> None:
    thread = ('<div><div><div><h2 class="topic-title"><a>Kernel panic after update</a></h2></div></div></div>'
              '<div class="post"><dl class="postprofile"><dt><a class="username" href="/u/12">galitsyn</a></dt></dl>'
              + BODY * 8 + '</div><div class="post"><dl class="postprofile"><dt>'
              '<a class="username" href="/u/40">helper9</a></dt></dl>' + BODY + "</div>")  # fmt: skip
    assert meta("<title>Kernel panic after update</title>", thread).authors == ("galitsyn",)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("CM Craig McCarthy", ("Craig McCarthy",)),  # the avatar's initials read before the name
        ("JD Power Smith", ("JD Power Smith",)),  # initials that are not the name's
        ("JANE DOE", ("Jane Doe",)),
        ("HOSTLAR", ("HOSTLAR",)),  # a one-word handle keeps its spelling
    ],
)
def test_initials_and_capitals_in_bylines(raw: str, names: tuple[str, ...]) -> None:
    assert clean_authors([raw], strict=True) == names


def test_an_author_field_holding_a_url_names_nobody() -> None:
    for url in ("https://news.example.com/profile/adam-roberts", "https://social.example.com/gabby.boucher.9"):
        head = f'<meta name="author" content="{url}">'
        assert meta(head, "<h1>Rivers in spring</h1>" + BODY).authors is None
    assert clean_authors(["Adam Roberts https://adamroberts.example.com"]) == ("Adam Roberts",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Roy, Aniruddha", "Aniruddha Roy"),
        ("van der Berg, Anna", "Anna van der Berg"),
        ("Ng, Andrew Y.", "Andrew Y. Ng"),
        ("Jane Doe, John Smith", "Jane Doe, John Smith"),  # two names, not one written surname first
        ("Doe, PhD", "Doe, PhD"),
        ("Jane Doe, Reporter", "Jane Doe, Reporter"),
        ("Smith, John and Jane", "Smith, John and Jane"),
    ],
)
def test_surname_first_is_turned_round(raw: str, expected: str) -> None:
    assert name_first(raw) == expected


def test_scholarly_author_tags_give_one_name_each() -> None:
    head = '<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Lee, Mina">'
    assert meta(head, "<h1>Rivers in spring</h1>" + BODY).authors == ("Aniruddha Roy", "Mina Lee")
    plain = '<meta name="author" content="Jane Doe, John Smith">'
    assert meta(plain, "<h1>Rivers in spring</h1>" + BODY).authors == ("Jane Doe", "John Smith")


def test_metadata_drops_the_invisible_characters_the_text_drops() -> None:
    """Metadata and the body text share one definition of what prints nothing (``docingest.html.visible``):
    bidi embeddings and soft hyphens go, the zero-width non-joiner that spells a Persian word stays."""
    page = (
        "<html><head><title>\u202a\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\u202c</title>"
        "<meta name='description' content='Assis\u00adtance \u202aprogram\u202c'></head><body></body></html>"
    )
    meta = extract_metadata(LexborHTMLParser(page), None)
    assert meta.description == "Assistance program"
    assert meta.title == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


@pytest.mark.parametrize(
    "wrapped",
    [
        '<!-- {"@type": "NewsArticle", "headline": "A"} -->',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "A"}\n//]]>',
        '<![CDATA[{"@type": "NewsArticle", "headline": "A"}]]>',
        '  {"@type": "NewsArticle", "headline": "A"}  ',
    ],
)
def test_jsonld_comment_and_cdata_wrappers_are_read_through(wrapped: str) -> None:
    assert parse_scripts([wrapped]) == [{"@type": "NewsArticle", "headline": "A"}]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[]"<>/!-CDAT :ab \n1', max_size=40))
def test_jsonld_wrappers_are_stripped_exactly_where_the_pattern_would_strip_them(text: str) -> None:
    # parse_scripts skips the wrapper pattern when the text cannot hold a wrapper: same result as applying it
    reference = _COMMENT.sub("", text.strip()).strip()
    try:
        expected = [] if not reference else list(_walk(json.loads(reference, strict=False)))
    except ValueError:
        expected = []
    assert parse_scripts([text]) == expected
