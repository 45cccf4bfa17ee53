"""Names are hints, structure decides: team-made pages for each way a story was lost to a class or id name.

Each page is a *class* of page, built from parts: a site header and menu, a headline, the story inside a wrapper
whose tag, class or id looks like chrome (a sidebar, navigation, a share bar, related links, a page-wide
ASP.NET form, a comment section holding live commentary), chrome inside the wrapper, and a footer. The story
must survive whole, the chrome inside the wrapper must still go, and the refusal must be recorded.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

import docingest
from docingest.document import Candidate, Page, RawDocument
from docingest.settings import Options
from docingest.stages import body, chrome
from docingest.stages.metadata import extract_metadata

STORY = [
    "The regional court ruled on Thursday that the port authority must publish its dredging contracts in full.",
    "Judges found that the authority had withheld the documents for three years without a lawful reason.",
    "Environmental groups, who brought the case, said the ruling would let residents see what was agreed.",
    "The authority said it would study the judgment before deciding whether to appeal to the supreme court.",
    "Dredging in the estuary has been contested since fishermen reported falling catches two summers ago.",
    "A spokesperson for the fishermen's association called the decision a victory for everyone on the coast.",
]
MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
SHARE = "<div class='share-buttons'><a href='#'>Share on Facebook</a> <a href='#'>Share by e-mail</a></div>"
TITLE = "Court orders port to publish dredging contracts"


def _paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _page(wrapper_open: str, wrapper_close: str, *, headline_inside: bool = True) -> str:
    head = f"<h1>{TITLE}</h1>"
    inner = (head if headline_inside else "") + SHARE + _paras(STORY)
    return (
        f"<html><head><title>{TITLE} | Coast Courier</title></head><body>"
        f"<header class='site-header'><nav><ul>{MENU}</ul></nav></header>"
        + ("" if headline_inside else head)
        + f"{wrapper_open}{inner}{wrapper_close}"
        "<footer><p>Coast Courier, 12 Quay Street. All rights reserved.</p></footer></body></html>"
    )


def _extract(html: str) -> tuple[list[Candidate], Page]:
    raw = RawDocument(source="<test>", content=html, kind="html")
    page = Page(raw=raw, text=html, kind="html", options=Options(), tree=LexborHTMLParser(html))
    page.metadata = extract_metadata(LexborHTMLParser(html))
    chrome.ChromeCleaner().clean(page)
    return list(body.extract(page)), page


WRAPPERS = {
    "a content container judged a sidebar": ("<div id='page-content' class='main-white sidebar-left'>", "</div>"),
    "a main container judged navigation": ("<div id='main' class='nav-container' role='navigation'>", "</div>"),
    "a skip-link target judged navigation": ("<div id='skiplink-inhalt' class='MainContent'>", "</div>"),
    "an article judged related links": ("<main><div class='article related-content'>", "</div></main>"),
    "a story inside a sticky share bar": ("<div id='socialicons-sticky'><div class='entry'>", "</div></div>"),
    "a page-wide ASP.NET form": (f"<form id='mainform' action='/default.aspx'><ul>{MENU}</ul>", "</form>"),
    "live commentary marked like comments": ("<div id='comments' class='comments live-updates'>", "</div>"),
}


@pytest.mark.parametrize("headline_inside", [True, False])
@pytest.mark.parametrize("name", list(WRAPPERS))
def test_a_story_inside_a_chrome_named_wrapper_is_kept(name: str, headline_inside: bool) -> None:
    opening, closing = WRAPPERS[name]
    html = _page(opening, closing, headline_inside=headline_inside)
    blocks, _ = _extract(html)
    texts = [b.text for b in blocks]
    assert [t for t in texts if t in STORY] == STORY, name
    joined = " ".join(texts)
    assert "Share on Facebook" not in joined and "Section 3" not in joined and "Quay Street" not in joined


def test_a_refused_removal_is_recorded() -> None:
    opening, closing = WRAPPERS["a content container judged a sidebar"]
    html = _page(opening, closing)
    _, page = _extract(html)
    assert [r.reason for r in page.refused] == ["sidebar"]
    assert page.refused[0].cleaner == "docingest.chrome"
    assert page.refused[0].where is not None and "page-content" in page.refused[0].where
    assert STORY[0] in page.refused[0].text
    assert all(r.where != page.refused[0].where for r in page.removed)
    chrome.ChromeCleaner().clean(page)  # a second run refuses it again: recorded once
    assert len(page.refused) == 1


def test_a_refusal_is_in_the_article_provenance_not_among_the_removals() -> None:
    opening, closing = WRAPPERS["a content container judged a sidebar"]
    article = docingest.ingest_html(_page(opening, closing), claims=False)
    refused = article.provenance.refused
    assert [(r.cleaner, r.reason) for r in refused] == [("docingest.chrome", "sidebar")]
    assert STORY[0] in refused[0].text and STORY[0] in article.text
    assert {r.reason for r in article.provenance.removed} >= {"header", "share bar", "footer"}
    assert not any(STORY[0] in r.text for r in article.provenance.removed)
    plain = docingest.ingest_html(f"<html><body><article>{_paras(STORY)}</article></body></html>", claims=False)
    assert plain.provenance.refused == ()


def test_a_long_comment_thread_after_the_story_still_goes() -> None:
    comment = " ".join(STORY[:3])
    thread = "".join(f"<div class='comment'><p>Reader {i}: {comment}</p></div>" for i in range(15))
    html = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{_paras(STORY)}</article>"
        f"<section id='comments' class='comments'><h2>15 comments</h2>{thread}</section></body></html>"
    )
    blocks, page = _extract(html)
    texts = [b.text for b in blocks]
    assert texts == STORY
    assert page.refused == []


def test_a_consent_panel_after_a_short_story_still_goes() -> None:
    legal = " ".join(["We and our 812 partners store and access information on your device for the purposes below."]
                     * 30)
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='text'>{_paras(STORY[:2])}</div>"
        f"<div id='onetrust-consent-sdk'><p>{legal}</p></div></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == STORY[:2]


def test_a_story_lost_to_names_on_a_page_without_a_headline_comes_back_by_text_density() -> None:
    html = (
        f"<html><body><nav><ul>{MENU}</ul></nav><div class='sidebar-content'>{_paras(STORY)}</div>"
        "<footer><p>Coast Courier</p></footer></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts == STORY


def test_a_page_without_main_text_gives_nothing_not_its_chrome() -> None:
    html = (
        f"<html><body><header><nav><ul>{MENU}</ul></nav></header><div class='hero'><h1>Welcome</h1></div>"
        "<footer><p>If you need help, call our support line any day between eight in the morning and ten at "
        "night, or write to us through the contact form.</p></footer></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert "support line" not in " ".join(texts)


def test_a_question_post_is_kept_over_its_heavier_replies() -> None:
    question = [
        "My night bus pass stopped working after the timetable change and the driver would not accept it today.",
        "Does anyone know whether the old passes still count, or do I need to buy a new one at the station?",
    ]
    reply = " ".join(STORY[:4])
    replies = "".join(f"<div class='r'><div class='who'>user{i}</div><p>{reply}</p></div>" for i in range(8))
    html = (
        "<html><head><title>Night bus pass not accepted - Transit forum</title></head><body>"
        f"<div class='thread'><h1>Night bus pass not accepted</h1><div class='q'>{_paras(question)}</div>"
        f"<div class='rs'>{replies}</div></div></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts[: len(question)] == question


def test_a_story_is_kept_over_a_heavier_gallery_inside_it() -> None:
    captions = "".join(f"<li><p>Picture {i}: {STORY[i % 6]} {STORY[(i + 1) % 6]}</p></li>" for i in range(20))
    html = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><div class='text'>"
        f"{_paras(STORY)}<div class='widget'><ul class='captions'>{captions}</ul></div></div></article></body></html>"
    )
    texts = [b.text for b in _extract(html)[0]]
    assert texts[: len(STORY)] == STORY
