"""Discussion threads on team-written pages in the shapes of several forum engines: the thread's author is its
first post's author, a user name included; pages that are no thread (listings, member lists, an article with its
comments) keep their own credit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from docingest.meta.authors import poster_name
from docingest.stages.metadata import extract_metadata

URL = "https://forum.example.org/t/which-lathe-for-a-small-shop/1234"
BODY = "I am setting up a small workshop and wonder which lathe would suit a beginner with little room. "
REPLY = "I had the same question last year and ended up with a benchtop model, which has served me well. "


def authors(body: str, head: str = "", url: str = URL) -> tuple[str, ...] | None:
    page = f"<html><head><title>Which lathe for a small shop?</title>{head}</head><body>{body}</body></html>"
    return extract_metadata(LexborHTMLParser(page), url).authors


def discourse(first: str, replies: list[str]) -> str:
    """Discourse's crawler view: posts with a microdata author whose name is a user name."""

    def post(user: str, text: str) -> str:
        return (
            '<div class="topic-body crawler-post"><div class="crawler-post-meta">'
            f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f'<a itemprop="url" href="/u/{user}"><span itemprop="name">{user}</span></a></span>'
            f'<span class="crawler-post-infos"><time itemprop="datePublished">May 2, 2025</time></span></div>'
            f'<div class="post" itemprop="text"><p>{text}</p></div></div>'
        )

    posts = "".join([post(first, BODY), *(post(u, REPLY) for u in replies)])
    return f'<div id="main-outlet"><h1>Which lathe for a small shop?</h1>{posts}</div>'


def test_discourse_thread_is_its_first_posters_even_when_a_reply_has_a_full_name() -> None:
    # the user name "hayley.p" is no name a byline would credit; the reply's "Kestrel Moss" would be
    assert authors(discourse("hayley.p", ["Kestrel Moss", "whammel"])) == ("hayley.p",)


def test_xenforo_thread_with_a_thread_starter_header() -> None:
    def post(user: str, text: str) -> str:
        return (
            f'<article class="message message--post" data-author="{user}"><div class="message-user">'
            f'<h4 class="message-name"><a href="/members/{user}.31/" class="username">{user}</a></h4></div>'
            f'<div class="message-content"><div class="bbWrapper">{text}</div></div></article>'
        )

    body = (
        '<div class="p-body-header"><h1>Which lathe for a small shop?</h1><ul><li>Thread starter '
        '<a href="/members/slow-poke.31/" class="username">slow-poke</a></li>'
        "<li><time>Jan 3, 2025</time></li></ul></div>"
        f'<div class="block-body">{post("slow-poke", BODY)}{post("Aarknoid", REPLY)}{post("Tom Baker", REPLY)}</div>'
    )
    assert authors(body) == ("slow-poke",)


def test_stack_exchange_question_shaped_unlike_its_answers() -> None:
    def user(name: str) -> str:
        return f'<div class="user-details" itemprop="author"><a href="/users/1/{name}">{name}</a></div>'

    def answer(name: str) -> str:
        return f'<div class="answer"><div class="answercell"><div class="s-prose">{REPLY}</div>{user(name)}</div></div>'

    body = (
        '<div id="question-header"><h1>Which lathe for a small shop?</h1></div>'
        f'<div class="question"><div class="postcell"><div class="s-prose">{BODY}</div>'
        f'{user("user3080392")}</div></div>'
        f'<div id="answers">{answer("Elliot Alderson")}{answer("Todd Wilcox")}</div>'
    )
    assert authors(body) == ("user3080392",)


def test_phpbb_thread_far_from_the_headline() -> None:
    def post(user: str, text: str) -> str:
        return (
            f'<div class="post bg2"><div class="postbody"><h3><a href="#p{len(user)}">Re: lathes</a></h3>'
            f'<p class="author">by <a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">{user}</a></p>'
            f'<p class="postdate">Mon Jan 06, 2025 4:12 pm</p><div class="content">{text}</div></div></div>'
        )

    posts = f'<div class="topic">{post("chip_maker", BODY)}{post("Jane Doe", REPLY)}{post("oldturner", REPLY)}</div>'
    # the posts far from the headline, then beside it: the byline element there ("by Jane Doe") is a reply's
    far = "<h1>Which lathe for a small shop?</h1>" + "<p>Board index › Tools › Lathes</p>" * 3 + posts
    near = f'<div id="wrap"><div id="page-body"><h1>Which lathe for a small shop?</h1>{posts}</div></div>'
    assert authors(far) == ("chip_maker",)
    assert authors(near) == ("chip_maker",)


def test_a_thread_whose_first_post_names_no_one_credits_no_reply() -> None:
    assert authors(discourse("Anonymous", ["Kestrel Moss", "Dana Reyes"])) is None


def test_a_listing_of_story_cards_is_no_thread() -> None:
    def card(user: str, slug: str) -> str:
        return (
            f'<div class="card"><h2><a href="/{slug}">A story about {slug}</a></h2>'
            f'<a rel="author" href="/author/{user}">{user}</a><p>{REPLY}</p></div>'
        )

    body = f'<h1>Latest stories</h1><div class="list">{card("jdoe_22", "lathes")}{card("mroe_7", "mills")}</div>'
    # (user names are credited on threads only)
    assert authors(body, url="https://news.example.com/latest") is None


def test_a_member_list_is_no_thread() -> None:
    users = "".join(f'<li class="member"><a class="username" href="/u/{u}">{u}</a></li>' for u in ("ab_c", "de.f"))
    assert authors(f"<h1>Our members</h1><ul class='members'>{users}</ul>", url="https://forum.example.org/u") is None


def test_an_article_keeps_its_byline_over_its_comments() -> None:
    def comment(user: str) -> str:
        return f'<li class="comment"><span itemprop="author">{user}</span><p>{REPLY}</p></li>'

    body = (
        '<article><header><h1>Which lathe for a small shop?</h1><p class="byline">By Jane Doe</p></header>'
        f"<p>{BODY * 3}</p></article>"
        f'<ol class="comment-list">{comment("hayley.p")}{comment("Kestrel Moss")}</ol>'
    )
    assert authors(body, url="https://news.example.com/lathes") == ("Jane Doe",)


def test_poster_names() -> None:
    assert poster_name("hayley.p") == ("hayley.p",)
    assert poster_name("slow-poke") == ("slow-poke",)
    assert poster_name("Jane Doe") == ("Jane Doe",)
    assert poster_name("4.8") == ()  # a rating
    assert poster_name("admin") == ()
    assert poster_name("Anonymous") == ()
    assert poster_name("examplefm", ["ExampleFM"]) == ()  # the site's own name
    assert poster_name("Log in to reply") == ()


_USER = st.from_regex(r"[a-z][a-z0-9]{2,10}(?:[._-][a-z0-9]{1,6})?", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(first=_USER, replies=st.lists(st.one_of(_USER, st.sampled_from(["Kestrel Moss", "Dana Reyes"])), min_size=1))
def test_the_thread_author_does_not_depend_on_who_replied(first: str, replies: list[str]) -> None:
    if poster_name(first) != (first,):
        return  # (a generated user name that is a placeholder or a calendar word: credited to no one)
    assert authors(discourse(first, replies)) == (first,)
