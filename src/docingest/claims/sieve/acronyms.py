"""Pass 2, acronyms: "EU" and "European Union", "EDC" and "Export Development Canada" are one organisation
(its canonical name is the full one). An acronym matches the initials of a name's capitalised words, "of",
"the", "and", "for" and "&" skipped."""

from __future__ import annotations

from ..entities import Entity
from ..mentions import PLACE_ACRONYMS, Mention
from .exact import compatible

_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "de", "du", "des", "la", "le"})


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _SKIP and w[:1].isalpha())


def is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return " " not in name and 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def run(mentions: list[Mention]) -> None:
    by_initials: dict[str, Entity] = {}
    for m in mentions:
        ent = m.entity
        assert isinstance(ent, Entity)
        if len(m.tokens) >= 2 and not any(x.kind == "person" for x in ent.mentions):
            by_initials.setdefault(initials(m.name).upper(), ent)
    if not by_initials:
        return
    for m in mentions:
        if not is_acronym(m.name) or m.name in PLACE_ACRONYMS:  # "US": a place
            continue
        ent = m.entity
        assert isinstance(ent, Entity)
        full = by_initials.get(m.name.replace(".", ""))
        if full is not None and full is not ent and compatible(full, ent):
            full.org = ent.org = True
            full.absorb(ent)
