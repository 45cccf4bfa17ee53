"""Entities: the people and organisations of one article, each a cluster of the mentions that name it.

An :class:`Entity` is what a claim's speaker resolves to; its :attr:`Entity.name` is the canonical name a user
reads in ``Claim.speaker``: a person's fullest name without title, an organisation's fullest name (an acronym
gives way to the name it abbreviates). The sieve (:mod:`.sieve`) builds the clusters; this module only holds
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import ORG_HEADS
from .mentions import Mention
from .titles import Title, bare


@dataclass(eq=False, slots=True)
class Entity:
    """A person or organisation the article names (a cluster of mentions)."""

    mentions: list[Mention] = field(default_factory=list)
    org: bool = False
    #: a place ("Lake Cowichan", "King Street"): never a speaker a pronoun points at
    place: bool = False
    #: a group named by a plural role ("Labour MPs"): speaks as written, never a person
    group: bool = False
    gender: str = ""
    #: the gender comes from an honorific or a given name (not from a tally of pronouns)
    gender_known: bool = False
    titles: list[Title] = field(default_factory=list)
    #: the subject of a cue somewhere before: certainly a speaker, so a person or organisation
    spoke: bool = False
    #: pointed at as a thing ("its", ", which") more than as a person: an organisation or a place
    thing: bool = False

    #: the canonical name, once worked out (until the next merge)
    _name: str | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The canonical name: the fullest one written (most words; the first written among equals)."""
        if self._name is None:
            best = self.mentions[0].name
            best_len = _weight(best)
            for m in self.mentions[1:]:
                w = _weight(m.name)
                if w > best_len:
                    best, best_len = m.name, w
            self._name = best
        return self._name

    def rename(self, name: str) -> None:
        """Settle the canonical name on ``name`` (a form the article writes: see ``Cast``'s canonical names),
        until the next merge."""
        self._name = name

    @property
    def first(self) -> int:
        return self.mentions[0].start

    @property
    def person_evidence(self) -> bool:
        """A title, an honorific or a given name shows this is a person."""
        return self.gender_known or bool(self.titles) or any(m.kind == "person" for m in self.mentions)

    @property
    def subject_uses(self) -> int:
        return sum(1 for m in self.mentions if not m.objectlike)

    @property
    def object_uses(self) -> int:
        return sum(1 for m in self.mentions if m.objectlike)

    @property
    def clause_heads(self) -> int:
        return sum(1 for m in self.mentions if m.clause_head)

    def absorb(self, other: Entity) -> None:
        """Take ``other``'s mentions and what is known about it."""
        if other is self:
            return
        self.mentions = sorted([*self.mentions, *other.mentions], key=lambda m: m.start)
        self._name = other._name = None
        self.org = self.org or other.org
        # a name written once as a place ("in Frederick Mall") is a place, unless a title shows a person
        self.place = (self.place or other.place) and not (self.titles or other.titles)
        self.group = self.group and other.group
        if not self.gender_known and (other.gender_known or not self.gender):
            self.gender = other.gender or self.gender
        self.gender_known = self.gender_known or other.gender_known
        self.titles.extend(t for t in other.titles if t not in self.titles)
        self.spoke = self.spoke or other.spoke
        self.thing = self.thing or other.thing
        for m in other.mentions:
            m.entity = self
        other.mentions = []


@lru_cache(maxsize=4096)
def _weight(name: str) -> int:
    """How full a name is: its words; an acronym counts less ("EU" < "European Union") and a bare short form
    least ("the Alliance" < "NATO")."""
    words = name.split()
    if len(words) == 1 and bare(name) in ORG_HEADS:
        return -1
    if len(words) == 1 and name.isupper():
        return 0
    return len(words)


def new_entity(mention: Mention) -> Entity:
    ent = Entity(mentions=[mention], org=mention.kind == "org", place=mention.kind == "place", gender=mention.gender)
    ent.group = mention.kind == "group"
    ent.gender_known = bool(mention.gender)
    ent.titles.extend(mention.titles)
    mention.entity = ent
    return ent
