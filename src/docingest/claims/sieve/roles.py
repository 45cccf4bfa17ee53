"""Pass 4, role nouns: "the secretary general", "the commission president", "the Ukrainian leader" name the
entity introduced with that role (by a title, an apposition or a possessive), the most recent one before the
mention when several fit.

A role fits an entity when its head covers one of the entity's titles (the same head, or a wider one: a
"leader" is a president or a prime minister, never "the minister" for a prime minister) and its modifiers
do not point elsewhere: a modifier that matches some candidate's title, owner or name ("Ukrainian",
"commission") rules out the candidates it does not match; modifiers that match nobody ("lanky", "affable")
count for nothing.
"""

from __future__ import annotations

from ..entities import Entity
from ..lexicon import words
from ..titles import Title, bare

#: demonyms that do not share a stem with their country
_IRREGULAR = {
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "welsh": "wales", "irish": "ireland",
    "danish": "denmark", "polish": "poland", "finnish": "finland", "british": "britain", "spanish": "spain",
    "turkish": "turkey", "greek": "greece", "scottish": "scotland", "english": "england", "filipino": "philippines",
}  # fmt: skip


def same_word(a: str, b: str) -> bool:
    """Whether two modifier words name the same thing: equal, a demonym and its country ("Ukrainian" ↔
    "Ukraine"), or an acronym and a word it abbreviates ("eu" ↔ "european")."""
    if a == b:
        return True
    if _IRREGULAR.get(a) == b or _IRREGULAR.get(b) == a:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    stem = 0
    for x, y in zip(short, long_, strict=False):
        if x != y:
            break
        stem += 1
    return stem >= 4 and stem >= len(short) - 3 and len(short) >= 5


def _words_of(ent: Entity) -> set[str]:
    out: set[str] = set()
    for t in ent.titles:
        out |= t.modifiers
    for m in ent.mentions:
        out.update(bare(w) for w in m.name.split())
        for owner in m.owners:
            out.update(bare(w) for w in owner.split())
    return out


def _matches(word: str, words: set[str], acronyms: dict[str, set[str]]) -> bool:
    if any(same_word(word, w) for w in words):
        return True
    expansion = acronyms.get(word)
    return expansion is not None and bool(expansion & words)


#: Roles that are relations ("the father" is somebody's father): they name an entity only through a
#: modifier that names the other side ("Wise's dad").
RELATIONS = words(
    "mother father son daughter wife husband brother sister parent grandmother grandfather friend dad mom "
    "mum uncle aunt cousin partner neighbour neighbor girlfriend boyfriend"
)


def resolve(role: Title, pos: int, entities: list[Entity], acronyms: dict[str, set[str]]) -> Entity | None:
    """The entity a role mention at ``pos`` names, or ``None``."""
    if role.head in RELATIONS and not role.modifiers:
        return None
    fits: list[tuple[Entity, set[str]]] = []
    closest = 0
    for ent in entities:
        if ent.org or ent.first > pos:
            continue
        fit = max((role.fit(t) for t in ent.titles), default=0)
        if fit > closest:
            fits, closest = [], fit  # the head noun first: "the chief executive" is the one given that title
        if fit and fit == closest:
            fits.append((ent, _words_of(ent)))
    if not fits:
        return None
    mods = [w for w in role.modifiers if len(w) > 1]
    scored: list[tuple[int, int, Entity]] = []
    for ent, known in fits:
        score = 0
        for w in mods:
            if _matches(w, known, acronyms):
                score += 1
            elif any(_matches(w, other, acronyms) for e, other in fits if e is not ent):
                score = -1
                break
        if score >= 0:
            last = max((m.start for m in ent.mentions if m.start <= pos), default=ent.first)
            scored.append((score, last, ent))
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], s[1]))[2]
