"""Pass 1, exact name: every mention written the same way names the same entity ("Mark Rutte" twice)."""

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


def run(mentions: list[Mention]) -> None:
    first: dict[str, Entity] = {}
    for m in mentions:
        ent = m.entity
        assert isinstance(ent, Entity)
        k = key(m.name)
        found = first.get(k)
        if found is None:
            first[k] = ent
        elif found is not ent and compatible(found, ent):
            found.absorb(ent)
