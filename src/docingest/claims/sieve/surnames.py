"""Pass 3, surnames: a shorter name ("Rutte", "Von der Leyen", "Mr. Ruiz") names the person whose fuller name
ends with it and whose gender agrees ("Mr Pollard" is not Kayleigh Pollard), the nearest one written before
it (else the first after it, for a headline). A single given name ("Darrin") names the person whose full
name starts with it when no surname matches."""

from __future__ import annotations

from ..entities import Entity
from ..lexicon import name_gender
from ..mentions import Mention
from .exact import compatible, key

#: kinds of mention that are nobody's surname or full name
_NAMELESS = ("org", "place", "group")


def run(mentions: list[Mention]) -> None:
    fuller: list[tuple[int, list[str], Mention]] = [
        (m.start, key(m.name).split(), m)
        for m in mentions
        if len(m.tokens) >= 2 and m.kind not in ("org", "place", "group")
    ]
    if not fuller:
        return
    for m in mentions:
        if m.kind in _NAMELESS:
            continue
        toks = key(m.name).split()
        best = _nearest(m, toks, fuller, suffix=True)
        if best is None and len(toks) == 1 and name_gender(toks[0]):
            best = _nearest(m, toks, fuller, suffix=False)  # a given name alone: "Darrin", "Ursula"
        if best is None:
            continue
        target = best.entity
        ent = m.entity
        assert isinstance(target, Entity) and isinstance(ent, Entity)
        if target is not ent and compatible(target, ent) and not target.org:
            target.absorb(ent)


def _nearest(m: Mention, toks: list[str], fuller: list[tuple[int, list[str], Mention]], suffix: bool) -> Mention | None:
    n = len(toks)
    before: Mention | None = None
    after: Mention | None = None
    for start, ftoks, f in fuller:
        if len(ftoks) <= n or f is m:
            continue
        if m.gender and f.gender and m.gender != f.gender:
            continue  # "Mr Pollard" is not Kayleigh Pollard
        part = ftoks[-n:] if suffix else ftoks[:n]
        if part != toks:
            continue
        if start < m.start:
            before = f
        elif after is None:
            after = f
    return before or after
