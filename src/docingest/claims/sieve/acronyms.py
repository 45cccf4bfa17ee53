"""Pass 2, acronyms: "EU" and "European Union", "EDC" and "Export Development Canada" are one organisation
(its canonical name is the full one). An acronym matches the initials of a name's capitalised words, "of",
"the", "and", "for" and "&" skipped."""

from __future__ import annotations

from functools import lru_cache

from ..entities import Entity
from ..mentions import PLACE_ACRONYMS, Mention
from .exact import compatible

_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "de", "du", "des", "la", "le"})


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _SKIP and w[:1].isalpha())


@lru_cache(maxsize=4096)
def is_acronym(name: str) -> bool:
    """Whether a name is an acronym: two to six letters, in capitals ("NATO", "U.S.") or with at most one
    lower-case letter for a short word ("DoT" for the Department of Transport)."""
    bare = name.replace(".", "")
    if " " in name or not 2 <= len(bare) <= 6 or not bare.isalpha() or not bare[0].isupper():
        return False
    lower = sum(1 for c in bare if c.islower())
    return lower == 0 or (lower == 1 and len(bare) - lower >= 2)


def acronym_key(name: str) -> str:
    """The capitals of an acronym, what its name's initials must spell ("DoT" → "DT", "U.S." → "US")."""
    return "".join(c for c in name if c.isupper())


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
        full = by_initials.get(acronym_key(m.name))
        if full is not None and full is not ent and compatible(full, ent):
            full.org = ent.org = True
            full.absorb(ent)
