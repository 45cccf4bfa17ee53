"""Discussion threads told by their structure: a run of sibling posts, each holding an author element.

Forum software differs in its class names (Discourse, phpBB, XenForo, vBulletin, Invision, Stack Exchange,
mailing-list archives) but not in the shape of a thread: the posts are siblings of one container, alike in tag
and class, each with an author element (a member link, ``itemprop=author``, a ``.username``) and a body of text.
The thread's author is its first post's author, whatever the other posts say.

Only the author elements the metadata stage has already collected are examined, so a page that holds fewer than
two of them costs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

#: How far up from an author element its post may be.
_DEPTH = 14
#: The text a post holds besides its author's name: a post has a body.
_BODY = 40


@dataclass(frozen=True, slots=True)
class Thread:
    """A thread found on a page: its posts' container and its first post (as found among the author elements)."""

    posts: LexborNode  # the element whose children are the posts
    first: LexborNode  # the first post that holds an author element

    def inside(self, node: LexborNode) -> bool:
        """True when ``node`` is inside the thread's posts."""
        target = self.posts.mem_id
        current = node.parent
        while current is not None:
            if current.mem_id == target:
                return True
            current = current.parent
        return False


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out: list[LexborNode] = []
    current = node.parent
    while current is not None and current.tag not in ("body", "html") and len(out) < _DEPTH:
        out.append(current)
        current = current.parent
    return out


def _classes(node: LexborNode) -> frozenset[str]:
    return frozenset((node.attributes.get("class") or "").split())


def _alike(a: LexborNode, b: LexborNode) -> bool:
    """Two posts of one run: the same tag, and a class in common (or no class on either)."""
    if a.tag != b.tag:
        return False
    ca, cb = _classes(a), _classes(b)
    return (not ca and not cb) or bool(ca & cb)


def _posts(a: LexborNode, b: LexborNode) -> tuple[LexborNode, LexborNode, LexborNode] | None:
    """The container and the two sibling posts that hold author elements ``a`` and ``b``, when they are alike."""
    up_a = _ancestors(a)
    index = {n.mem_id: i for i, n in enumerate(up_a)}
    child_b: LexborNode = b
    for node in _ancestors(b):
        i = index.get(node.mem_id)
        if i is not None:
            if i == 0 or child_b.mem_id == b.mem_id:
                return None  # an author element directly in the container, or one inside the other
            post_a = up_a[i - 1]
            return (node, post_a, child_b) if _alike(post_a, child_b) else None
        child_b = node
    return None


def find_thread(authors: Sequence[LexborNode], name_of: Callable[[LexborNode], str | None]) -> Thread | None:
    """The thread the author elements ``authors`` (in document order) belong to: the first two that sit in two
    alike sibling posts, each post with a body besides its author's name (``name_of`` reads an element's name).
    ``None`` when they form no such run (an author box, a list of members, a single post)."""
    for i, a in enumerate(authors):
        for b in authors[i + 1 :]:
            found = _posts(a, b)
            if found is None:
                continue
            container, first, second = found
            if all(_has_body(post, node, name_of) for post, node in ((first, a), (second, b))):
                return Thread(container, first)
    return None


def _has_body(post: LexborNode, author: LexborNode, name_of: Callable[[LexborNode], str | None]) -> bool:
    """True when ``post`` holds a body of its own besides its author's name, and is no teaser of another page
    (a card of a listing, whose heading links to the story it announces)."""
    text = post.text(deep=True, separator=" ")
    name = name_of(author) or ""
    if len(" ".join(text.split())) - len(name) < _BODY:
        return False
    return all("#" in (link.attributes.get("href") or "#") for link in post.css("h2 a[href], h3 a[href]"))
