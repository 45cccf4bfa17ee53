"""Pass 5, organisation short forms: "the ministry", "the commission", "the Sheriff's Office" name the
organisation whose full name has that head word ("Ministry of Health", "European Commission"), the most recent
one before the mention; a name's first words name it too ("Vantor" for "Vantor Automotive", "Savanna Hides"
for "Savanna Hides Ltd"), and so does its last ("Raptors" for "Toronto Raptors"). A generic noun ("the
company", "the firm") names the organisation last written before it. A capitalised short form that no name
has ("the Alliance" beside "NATO") names the organisation the article mentions most whose name says nothing
of its kind (an acronym), when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..entities import Entity
from ..lexicon import ORG_HEADS, ORG_ROLES, name_gender, words
from ..mentions import Mention
from ..titles import bare

#: nouns that stand for whatever organisation the story is about
_GENERIC = words(
    "company firm business group organisation organization outfit operator provider maker manufacturer "
    "retailer developer startup start-up charity nonprofit party club team agency force service"
)
#: demonyms and other adjectives that open organisations' names without naming them ("Canadian Press")
_ADJECTIVE = re.compile(r"(?:an|ian|ese|ish|ic|al)$")


def bodylike(ent: Entity) -> bool:
    """A name of several words that nothing shows to be a person's ("Halcyon Interactive", "Atlantica
    Terminals"): its first words may stand for it as an organisation's do."""
    return (
        not ent.place
        and not ent.group
        and not ent.titles
        and not ent.gender
        and all(m.kind == "unknown" for m in ent.mentions)
        and any(len(m.tokens) > 1 for m in ent.mentions)
        and not name_gender(ent.mentions[0].tokens[0])
    )


def _named_by(head: str, names: set[str]) -> bool:
    """Whether a short form's head word is a word of the name, or the same word in another language's spelling
    ("the cooperative" … "Cooperativa Olearia")."""
    return head in names or (len(head) >= 6 and any(len(n) >= 6 and n[:-1] == head[: len(n) - 1] for n in names))


def _first_in_story(ent: Entity) -> int:
    """Where an entity is first written outside headings and captions."""
    return min((m.start for m in ent.mentions if not m.aside), default=ent.first)


def run(mentions: list[Mention], entities: list[Entity]) -> None:
    """Merge each entity written only as a capitalised short form ("the Ministry", "the Alliance") or as the
    first words of an organisation's name ("Vantor") into the organisation it names."""
    # organisations by the first words, and by the last word, of their longer names
    by_prefix: dict[tuple[str, ...], list[Entity]] = {}
    by_last: dict[str, list[Entity]] = {}
    #: a short form known to be an organisation's ("Rovers said", a team) also names a longer name that nothing
    #: shows to be a person's or a place's ("Kelderwick Rovers")
    nameless: dict[str, list[Entity]] = {}
    for e in entities:
        if not (e.org or e.person_evidence or e.place or e.group):
            for x in e.mentions:
                if len(x.tokens) > 1 and e not in nameless.setdefault(x.tokens[-1], []):
                    nameless[x.tokens[-1]].append(e)
        if not (e.org or bodylike(e)):
            continue
        for x in e.mentions:
            if len(x.tokens) > 1 and e not in by_last.setdefault(x.tokens[-1], []):
                by_last[x.tokens[-1]].append(e)
            for k in range(1, len(x.tokens)):
                found = by_prefix.setdefault(tuple(x.tokens[:k]), [])
                if e not in found:
                    found.append(e)
    # organisations by their names' first words cut short by two letters or more ("Met" of "Metropolitan")
    clipped: dict[str, list[Entity]] = {}
    for e in entities:
        if e.org:
            for first in {x.tokens[0] for x in e.mentions if len(x.tokens) > 1 and x.tokens[0][:1].isupper()}:
                for k in range(3, len(first) - 1):
                    found = clipped.setdefault(first[:k], [])
                    if e not in found:
                        found.append(e)
    for m in mentions:
        own = m.entity
        assert isinstance(own, Entity)
        if any(len(x.tokens) > len(m.tokens) for x in own.mentions):
            continue
        if m.kind == "org" and len(m.tokens) == 1 and all(x.kind == "org" for x in own.mentions):
            fuller = [e for e in nameless.get(m.tokens[0], ()) if e.mentions and e is not own]
            if len(fuller) == 1:
                fuller[0].absorb(own)
                fuller[0].org = True
            continue
        if own.org or m.kind != "unknown":
            continue
        if len(m.tokens) == 1 and _ADJECTIVE.search(m.tokens[0].lower()):
            continue
        longer = [e for e in by_prefix.get(tuple(m.tokens), ()) if e.mentions and e is not own]
        if longer and not longer[0].org and longer[0].first > _first_in_story(own):
            # a short name written before the longer one (headlines aside) is a name of its own ("Loudhaven" …
            # "Loudhaven Plus")
            longer = []
        if not longer and len(m.tokens) == 1 and bare(m.name) not in ORG_HEADS:
            longer = [e for e in by_last.get(m.tokens[0], ()) if e.mentions and e is not own]  # "Toronto Raptors"
        if not longer and len(m.tokens) == 1 and m.name in clipped and not name_gender(m.name):
            # a clipped first word: "the Met" … "Metropolitan Police", "the Fed" … "Federal Reserve"
            longer = [e for e in clipped[m.name] if e is not own]
        if len(longer) == 1:
            longer[0].absorb(own)
    for own in entities:
        if not own.mentions or not all(len(m.tokens) == 1 and bare(m.name) in ORG_HEADS for m in own.mentions):
            continue
        named = resolve(own.mentions[0].name, own.first, [e for e in entities if e is not own and e.mentions])
        if named is not None:
            named.absorb(own)


def resolve(
    phrase: str, pos: int, entities: list[Entity], nearest: Callable[[int, str], Entity | None] | None = None
) -> Entity | None:
    words = [bare(w) for w in phrase.split()]
    heads = [w for w in words if w and w not in ("the", "a", "an", "its", "their", "our")]
    if not heads:
        return None
    head = heads[-1]
    best: Entity | None = None
    best_last = -1
    for ent in entities:
        if not ent.org or ent.first > pos:
            continue
        names = {bare(w) for m in ent.mentions for w in m.name.split()}
        if _named_by(head, names) or (len(heads) > 1 and heads[-2] in names and head in ORG_HEADS):
            last = max((m.start for m in ent.mentions if m.start <= pos), default=ent.first)
            if last > best_last:
                best, best_last = ent, last
    if best is not None:
        return best
    if head in _GENERIC or head in ORG_ROLES:
        # "the company said", "the airline said": the organisation the story is about
        return nearest(pos, head) if nearest is not None else None
    if not phrase.rsplit(maxsplit=1)[-1][:1].isupper() or head not in ORG_HEADS:
        return None
    # "the Alliance" beside "NATO": the most-mentioned organisation whose name gives no kind
    typeless = [
        e for e in entities
        if e.org and e.first <= pos and not any(bare(w) in ORG_HEADS for m in e.mentions for w in m.name.split())
    ]  # fmt: skip
    if not typeless:
        return None
    typeless.sort(key=lambda e: len(e.mentions), reverse=True)
    if len(typeless) > 1 and len(typeless[0].mentions) == len(typeless[1].mentions):
        return None
    return typeless[0]
