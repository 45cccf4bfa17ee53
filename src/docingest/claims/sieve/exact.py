"""Pass 1, exact name: every mention written the same way names the same entity ("Mark Rutte" twice).

A one-word name is left to the surname pass first, mention by mention ("Pollard" may be Dean or Kayleigh
Pollard, whichever was written last): :func:`run` with ``full_names_only`` merges only names of two words
or more; run again after the surname pass, it merges the one-word names that are still nobody's surname."""

from __future__ import annotations

from ..entities import Entity
from ..mentions import Mention


def key(name: str) -> str:
    return " ".join(name.casefold().split())


def compatible(a: Entity, b: Entity) -> bool:
    """A person and an organisation never merge; unknown kinds merge with either."""
    a_person = any(m.kind == "person" for m in a.mentions)
    b_person = any(m.kind == "person" for m in b.mentions)
    return not ((a.org and b_person) or (b.org and a_person))


def run(mentions: list[Mention], full_names_only: bool = False) -> None:
    first: dict[str, Entity] = {}
    for m in mentions:
        ent = m.entity
        assert isinstance(ent, Entity)
        one_word = len(m.tokens) < 2 and m.kind != "org"
        if one_word and (full_names_only or any(len(x.tokens) > 1 for x in ent.mentions)):
            continue  # a surname already linked to its bearer stays with them
        k = key(m.name)
        found = first.get(k)
        if found is None:
            first[k] = ent
        elif found is not ent and compatible(found, ent):
            if not full_names_only and len(m.tokens) < 2 and any(len(x.tokens) > 1 for x in found.mentions):
                continue
            found.absorb(ent)
