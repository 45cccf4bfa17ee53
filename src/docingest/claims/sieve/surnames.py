"""Pass 3, surnames: a shorter name ("Rutte", "Von der Leyen", "Mr. Ruiz") names the person whose fuller name
ends with it and whose gender agrees ("Mr Pollard" is not Kayleigh Pollard), the nearest one written before
it (else the first after it, for a headline). A single given name ("Darrin") names the person whose full
name starts with it when no surname matches; a single word inside one person's longer name names them when
nothing else does (a family name written first or in the middle: "Goh" for "Daniel Goh Wei Ming")."""

from __future__ import annotations

from collections.abc import Sequence

from ..entities import Entity
from ..lexicon import ROLE_NOUNS, name_gender
from ..mentions import Mention
from .exact import compatible, key

#: kinds of mention that are nobody's surname or full name
_NAMELESS = ("org", "place", "group")


def run(mentions: list[Mention]) -> None:
    # fuller names by their last and by their first word
    by_last: dict[str, list[tuple[int, list[str], Mention]]] = {}
    by_first: dict[str, list[tuple[int, list[str], Mention]]] = {}
    by_inner: dict[str, list[tuple[int, list[str], Mention]]] = {}
    for m in mentions:
        if len(m.tokens) >= 2 and m.kind not in _NAMELESS:
            toks = key(m.name).split()
            by_last.setdefault(toks[-1], []).append((m.start, toks, m))
            by_first.setdefault(toks[0], []).append((m.start, toks, m))
            for tok in [*toks[1:-1], *m.aliases]:
                if tok[:1].isalpha() and len(tok) > 2:
                    by_inner.setdefault(tok, []).append((m.start, [tok], m))
    if not by_last:
        return
    for m in mentions:
        if m.kind in _NAMELESS:
            continue
        toks = key(m.name).split()
        best = _nearest(m, toks, by_last.get(toks[-1], ()), suffix=True)
        if best is None and len(toks) >= 2:
            # "Ann Hart" … "Ann Marie Hart", "John Kennedy" … "John F. Kennedy": the same first and last names
            best = _nearest(m, toks, by_last.get(toks[-1], ()), suffix=False, spread=True)
        if best is None and len(toks) == 1 and name_gender(toks[0]):
            best = _nearest(m, toks, by_first.get(toks[0], ()), suffix=False)  # a given name alone: "Darrin"
        if best is None and len(toks) == 1:
            # the first word of one person's name only ("Li" … "Li Wei", "Sir Keir" … "Keir Starmer"), or a word
            # inside one person's longer name ("Goh" … "Daniel Goh Wei Ming"); known to be people by a title or
            # given name
            for table in (by_first, by_inner):
                found = [x for x in table.get(toks[0], []) if _person(x[2])]
                if len({id(f.entity) for _, _, f in found}) == 1:
                    best = found[0][2]
                    break
        if best is None:
            continue
        target = best.entity
        ent = m.entity
        assert isinstance(target, Entity) and isinstance(ent, Entity)
        if target is not ent and compatible(target, ent) and not target.org:
            target.absorb(ent)


def _person(m: Mention) -> bool:
    """A mention known to name a person: by a title or given name in it, or a role noun describing it."""
    return m.kind == "person" or any(t.head in ROLE_NOUNS for t in m.titles)


def _nearest(
    m: Mention, toks: list[str], fuller: Sequence[tuple[int, list[str], Mention]], suffix: bool, spread: bool = False
) -> Mention | None:
    """The fuller name nearest before ``m`` (else the first after) that ends with ``toks`` (``suffix``), starts
    with them, or (``spread``) shares their first and last words and holds the others in order."""
    n = len(toks)
    before: Mention | None = None
    after: Mention | None = None
    for start, ftoks, f in fuller:
        if len(ftoks) <= n or f is m:
            continue
        if m.gender and f.gender and m.gender != f.gender:
            continue  # "Mr Pollard" is not Kayleigh Pollard
        if spread:
            if ftoks[0] != toks[0] or ftoks[-1] != toks[-1] or not _within(toks[1:-1], ftoks[1:-1]):
                continue
        elif (ftoks[-n:] if suffix else ftoks[:n]) != toks:
            continue
        if start < m.start:
            before = f
        elif after is None:
            after = f
    return before or after


def _within(words: list[str], longer: list[str]) -> bool:
    """Whether ``words`` appear in ``longer`` in order."""
    rest = iter(longer)
    return all(w in rest for w in words)
