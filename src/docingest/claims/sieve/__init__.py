"""The speaker sieve: precision-ordered passes that merge mentions into entities (after Lee et al., 2013,
"Deterministic coreference resolution based on entity-centric, precision-ranked rules").

Passes over the article's names, most precise first, each merging whole entities:

1. :mod:`.exact` — the same name ("Mark Rutte" … "Mark Rutte");
2. :mod:`.acronyms` — an acronym and the name it abbreviates ("EU" … "European Union");
3. :mod:`.surnames` — a surname or a shorter name and the fuller one ("Rutte", "Von der Leyen");

and, for the mentions an attribution meets, most precise first:

4. :mod:`.roles` — a role noun and the entity given that role ("the secretary general", "the Ukrainian
   leader");
5. :mod:`.orgs` — an organisation's short form and its full name ("the commission", "the ministry");
6. :mod:`.pronouns` — pronouns last, by agreement and salience.

Titles and appositions ("NATO Secretary General Mark Rutte", "Ana Ruiz, the finance minister,") are read by
the title grammar when the mentions are found, and travel with the entity through every merge.
"""

from __future__ import annotations

from ..entities import Entity, new_entity
from ..mentions import Mention
from . import acronyms, exact, orgs, surnames


def entities_of(mentions: list[Mention]) -> list[Entity]:
    """The distinct entities of ``mentions``, in order of their first mention."""
    seen: set[int] = set()
    out: list[Entity] = []
    for m in mentions:
        ent = m.entity
        assert isinstance(ent, Entity)
        if id(ent) not in seen:
            seen.add(id(ent))
            out.append(ent)
    return out


def cluster(mentions: list[Mention]) -> list[Entity]:
    """The entities of ``mentions`` (in text order) after the name passes."""
    for m in mentions:
        new_entity(m)
    exact.run(mentions, full_names_only=True)
    acronyms.run(mentions)
    surnames.run(mentions)
    exact.run(mentions)
    orgs.run(mentions, entities_of(mentions))
    return entities_of(mentions)
