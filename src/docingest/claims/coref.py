"""The people and organisations of one article, and what a mention of them resolves to.

:class:`Cast` finds the article's mentions (:mod:`.mentions`), clusters them with the sieve (:mod:`.sieve`)
and answers the attribution's questions: which entity a name, a role description, an organisation's short
form or a pronoun written at some position names. Genders come from honorifics and given names, else from a
tally of the pronouns that follow a person's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from .entities import Entity
from .lexicon import BUSINESS_NOUNS, HONORIFICS, MALE_PRONOUNS, ORG_HEADS, ORG_NOUNS, PUBLIC_HEADS, name_gender
from .mentions import Mention, MentionFinder
from .sieve import cluster, orgs, roles
from .sieve.acronyms import acronym_key, initials, is_acronym
from .sieve.exact import key
from .titles import PARTICLES, bare, describe, parse_role, split_title

#: he/his/him/himself/she/her/hers/herself as whole words, and what points at a thing: "its", ", which" (the
#: look-behind after the first letter keeps the regex engine's fast first-character scan)
_GENDERED = re.compile(r"[HhSsIi,](?<![\w][HhSsIi])(?:e|is|im|imself|he|er|ers|erself|ts|\s+which)\b")


#: a finite verb right after a name: it is the clause's subject ("Mulder didn't hesitate", "Ruiz said")
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|never|still|just|only)\s+)?(?:[a-z]+(?:ed|n’t|n't)|is|was|has|had|did|does|will|would|"
    r"could|can|says|said|told|thinks|thought|knows|knew|wants|wanted|went|came|made|took|got|gave|saw)\b"
)


#: another name joined to a name: a coordinated subject
_COORDINATED = re.compile(r"(?:,\s+[A-Z][\w’'-]*)*,?\s+(?:and|&)\s+[A-Z]")

#: capitalised words with "and", "of", "the" and commas between them
#: (the look-behind after the first letter keeps the regex engine's fast first-character scan)
_SEQUENCE = re.compile(
    r"[A-Z](?<![\w’'-][A-Z])[\w’'&-]*(?:,?[^\S\n]+(?:(?:and|of|for|the|&|on)[^\S\n]+)*[A-Z][\w’'&-]*)+"
)
_CAPITAL_WORD = re.compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'&-]*")


def _capital_sequences(text: str) -> list[tuple[int, int, str]]:
    """Every run of capitalised words (with "and", "of", "the" and commas between them) of two words or more,
    with its initials: ``(start, end, "IRCC")`` for "Immigration, Refugees and Citizenship Canada"."""
    out: list[tuple[int, int, str]] = []
    for run in _SEQUENCE.finditer(text):
        letters = ""
        for word in _CAPITAL_WORD.finditer(text, run.start(), run.end()):
            letters += word.group(0)[0]
            if len(letters) >= 2:
                out.append((run.start(), word.end(), letters))
    return out


@lru_cache(maxsize=512)
def _word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


class Cast:
    """The entities of one text (built in one pass)."""

    def __init__(self, text: str, inside: Callable[[int], bool] | None = None) -> None:
        self.text = text
        self.inside = inside or (lambda _pos: False)
        self.mentions: list[Mention] = MentionFinder(text, self.inside).find()
        self._spell_out_acronyms()
        self.starts = [m.start for m in self.mentions]
        self.entities: list[Entity] = cluster(self.mentions)
        self.quoted = {m.start for m in self.mentions if self.inside(m.start)}
        self.acronyms: dict[str, set[str]] = {}
        for ent in self.entities:
            names = [m.name for m in ent.mentions]
            for n in names:
                if is_acronym(n):
                    full = {bare(w) for other in names if other != n for w in other.split()}
                    if full:
                        self.acronyms[n.lower().replace(".", "")] = full
        self._gender_votes()
        for ent in self.entities:
            if not ent.org:
                self._drop_descriptor(ent)

    # ------------------------------------------------------------------ building
    def _spell_out_acronyms(self) -> None:
        """An acronym whose full name is written with commas or "and" in it ("Immigration, Refugees and
        Citizenship Canada" … "IRCC") gets that name as a mention of its own, for the acronym pass."""
        spelled = {initials(m.name).upper() for m in self.mentions if len(m.tokens) >= 2}
        wanted = {acronym_key(m.name) for m in self.mentions if is_acronym(m.name)} - spelled
        if not wanted:
            return
        added: list[Mention] = []
        for start, end, letters in _capital_sequences(self.text):
            if letters in wanted:
                wanted.discard(letters)
                added.append(Mention(start=start, end=end, name=self.text[start:end], kind="org"))
        if added:
            self.mentions = sorted([*self.mentions, *added], key=lambda m: m.start)

    def _drop_descriptor(self, ent: Entity) -> None:
        """A person's canonical name without what a capitalised run wrote around it: a descriptor before it
        ("Republican Donald Trump", "Miss Universe Alicia Machado") or an organisation after it ("Ana Ruiz
        Harbour Trust", from a run no comma split). A descriptor is capitalised words that are no given name
        before a name of two words or more, cut when that name starts with a given name or is written on its
        own, and either both hold or the descriptor's words stand elsewhere in the text outside the full name
        ("Republicans", "the Republican nominee"). Given names and particles ("van der Laan") stay."""
        name = ent.name.split()
        if len(name) < 3:
            return
        written = {m.name for m in ent.mentions}
        if bare(name[-1]) in ORG_HEADS and ent.person_evidence:
            prefix = next(
                (" ".join(name[:k]) for k in range(len(name) - 1, 1, -1) if " ".join(name[:k]) in written), None
            )
            if prefix is not None:
                ent.rename(prefix)
                return
        if any(bare(w) in ORG_HEADS for w in name) or not self.personlike(ent):
            return  # "Port Alder Regional Transit": an organisation's name is whole
        for k in range(1, len(name) - 1):
            lead, rest = name[:k], name[k:]
            if not rest[0][:1].isupper() or bare(rest[0]) in PARTICLES or bare(rest[0]) in HONORIFICS:
                continue
            if any(name_gender(w) or not w[:1].isupper() for w in lead):
                break  # "Mary Ann Keller": a given name is the name's own
            given, short = bool(name_gender(rest[0])), " ".join(rest) in written
            if (given and short) or ((given or short) and all(self._stands_alone(w, ent) for w in lead)):
                ent.rename(" ".join(rest))
                return

    def _stands_alone(self, word: str, ent: Entity) -> bool:
        """Whether ``word`` is written somewhere outside the entity's mentions and its full name."""
        inside = [(m.start, m.end) for m in ent.mentions]
        at = self.text.find(ent.name)
        while at >= 0:
            inside.append((at, at + len(ent.name)))
            at = self.text.find(ent.name, at + 1)
        return any(not any(a <= m.start() < b for a, b in inside) for m in _word(word).finditer(self.text))

    def _gender_votes(self) -> None:
        """A gender for each person without one: each he/she/his/her outside quotation marks votes for the
        nearest person named before it (within a few sentences) in a subject's place."""
        male: dict[int, int] = {}
        female: dict[int, int] = {}
        thing: dict[int, int] = {}
        starts, mentions = self.starts, self.mentions
        for m in _GENDERED.finditer(self.text):
            pos = m.start()
            if self.inside(pos):
                continue
            word = m.group(0).lower()
            if word[0] == ",":
                # ", which" right after a name: "Atlantica Terminals, which operates …" is a thing's
                i = bisect_left(starts, pos) - 1
                if i >= 0 and mentions[i].end == pos:
                    ent = mentions[i].entity
                    assert isinstance(ent, Entity)
                    thing[id(ent)] = thing.get(id(ent), 0) + 1
                continue
            i = bisect_left(starts, pos) - 1
            said = "" if word == "its" else "m" if word in MALE_PRONOUNS else "f"
            while i >= 0 and pos - starts[i] < 300:
                ent = mentions[i].entity
                assert isinstance(ent, Entity)
                if ent.gender_known and ent.gender != said:
                    i -= 1  # "Mr Odell thanked Lane. She …": not the one the text has shown to be a man
                    continue
                if not ent.org and not mentions[i].objectlike:
                    tally = thing if not said else male if said == "m" else female
                    tally[id(ent)] = tally.get(id(ent), 0) + 1
                    break
                i -= 1
        for ent in self.entities:
            votes = thing.get(id(ent), 0)
            if votes and not ent.person_evidence and votes > male.get(id(ent), 0) + female.get(id(ent), 0):
                ent.thing = True
            if ent.gender or ent.org or ent.place or ent.group or ent.thing:
                continue
            if " " not in ent.name and not ent.titles:
                continue  # a single word with nothing else to show it is a person's name ("Slatebook")
            a, b = male.get(id(ent), 0), female.get(id(ent), 0)
            if a != b:
                ent.gender = "m" if a > b else "f"

    # ------------------------------------------------------------------ questions
    def personlike(self, ent: Entity) -> bool:
        """Whether an entity is a person (a pronoun can point at it) rather than a place or a thing."""
        if ent.org or ent.place or ent.group or ent.thing:
            return False
        if ent.spoke or ent.titles or ent.gender_known or any(m.kind == "person" for m in ent.mentions):
            return True
        return " " in ent.name and ent.clause_heads > 0 and ent.subject_uses >= ent.object_uses

    def only_capitalised_as_first_word(self, ent: Entity) -> bool:
        """Whether an entity is one word that nothing shows to be a name: written only at a sentence's or a
        line's start, where any word is capitalised ("Demand has doubled"), with no title, honorific or cue."""
        if " " in ent.name or ent.person_evidence or ent.spoke or ent.org:
            return False
        for m in ent.mentions:
            before = self.text[max(0, m.start - 3) : m.start].rstrip(" “\"‘'(")
            if before and not before.endswith((".", "!", "?", "\n", "”", '"')):
                return False
        return True

    def at(self, start: int, end: int) -> Entity | None:
        """The entity of the name written in ``[start, end)`` (a person's rather than its title's owner)."""
        i = bisect_left(self.starts, end) - 1
        found: Entity | None = None
        while i >= 0:
            m = self.mentions[i]
            if m.end <= start:
                break
            if m.start < end and start < m.end:
                ent = m.entity
                assert isinstance(ent, Entity)
                if found is None or (found.org and not ent.org):
                    found = ent
            i -= 1
        return found

    def resolve_name(self, mention: str, pos: int) -> Entity | None:
        """The entity a name written at ``pos`` names: its own mention's, else the entity whose name ends
        (or, for one word, starts) with it."""
        found = self.at(pos, pos + len(mention))
        if found is not None and found.group and " " not in found.name:
            # "Officials said" at a sentence start: a plural role, perhaps of the article's one organisation
            return self._their_organisation(found.name) or found
        if found is not None:
            return found
        toks = mention.split()
        cut = split_title(toks)
        toks = toks[cut:] or toks
        name = key(" ".join(toks)).rstrip(".")
        name = re.sub(r"[’']s?$", "", name)
        words = name.split()
        if not words:
            return None
        best: Entity | None = None
        best_key = (-1, -1)
        for ent in self.entities:
            for m in ent.mentions:
                mt = key(m.name).split()
                if mt == words or (len(mt) > len(words) and (mt[-len(words) :] == words or mt[: len(words)] == words)):
                    score = (1 if mt[-len(words) :] == words else 0, m.start if m.start <= pos else -m.start)
                    if score > best_key:
                        best, best_key = ent, score
        return best

    def resolve_role(self, description: str, pos: int) -> Entity | None:
        """The entity a description names: a role ("the secretary general") or an organisation's short
        form ("the ministry")."""
        role = parse_role(description)
        if role is not None:
            found = roles.resolve(role, pos, self.entities, self.acronyms)
            if found is None and role.plural and not role.modifiers:
                found = self._their_organisation(description.rsplit(maxsplit=1)[-1])
            if found is not None:
                return found
        words = [bare(w) for w in description.split()]
        if role is None and words and words[0] == "the" and words[-1] not in ORG_NOUNS:
            # "the Democrat", "the epidemiologist", "the 54-year-old": what an apposition called somebody
            described = describe(description)
            found = roles.resolve(described, pos, self.entities, self.acronyms) if described is not None else None
            if found is not None:
                return found
        if words and (words[-1] in ORG_NOUNS or description.rsplit(maxsplit=1)[-1][:1].isupper()):
            return orgs.resolve(description, pos, self.entities, self.salient_org)
        return None

    def _their_organisation(self, plural: str) -> Entity | None:
        """The one organisation whose people the article names with this plural ("Officials …" where the
        article also writes "NATO officials"), else ``None``."""
        found: set[int] = set()
        ent: Entity | None = None
        for m in _word(plural.lower()).finditer(self.text):
            i = bisect_left(self.starts, m.start()) - 1
            if i < 0:
                continue
            before = self.mentions[i]
            owner = before.entity
            assert isinstance(owner, Entity)
            if owner.org and not owner.group and self.text[before.end : m.start()].strip() == "":
                found.add(id(owner))
                ent = owner
        return ent if len(found) == 1 else None

    def salient_org(self, pos: int, noun: str = "") -> Entity | None:
        """The organisation a generic noun ("the company", "the utility") names at ``pos``: of those written
        before it, the last that spoke, else the last written. A business noun never names a public body ("the
        company" is no court or council)."""
        best: Entity | None = None
        best_key = (False, -1)
        business = noun in BUSINESS_NOUNS
        for ent in self.entities:
            if ent.group or ent.place or ent.first > pos:
                continue
            if not (ent.org or (ent.thing and orgs.bodylike(ent))):
                continue  # an organisation, or a name of several words pointed at as a thing ("its", ", which")
            if business and any(bare(w) in PUBLIC_HEADS for m in ent.mentions for w in m.tokens):
                continue
            before = [m.start for m in ent.mentions if m.start < pos and m.start not in self.quoted]
            if not before:
                continue
            rank = (ent.spoke, before[-1])
            if rank > best_key:
                best, best_key = ent, rank
        if best is not None:
            return best
        found = self.nearest_org(pos)
        if found is not None and business and any(bare(w) in PUBLIC_HEADS for m in found.mentions for w in m.tokens):
            return None
        return found

    def nearest_org(self, pos: int, max_back: int = 3000) -> Entity | None:
        """The organisation last written before ``pos`` (or a name heading a clause that nothing shows to be a
        person's: "Google")."""
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            m = self.mentions[i]
            if pos - m.start > max_back:
                break
            ent = m.entity
            assert isinstance(ent, Entity)
            if m.aside or m.start in self.quoted or ent.group or ent.place:
                continue
            if ent.org or (
                m.clause_head
                and not self.personlike(ent)
                and not ent.person_evidence
                and (" " in ent.name or len(ent.mentions) > 1)
            ):
                # an organisation, or a name heading a clause that nothing shows to be a person's, written more
                # than once or in several words (a sentence's capitalised first word alone is no name: "Existing
                # subscribers keep their rate")
                return ent
        return None

    def last_head(self, lo: int, hi: int) -> Entity | None:
        """The person whose name last opens a clause in ``[lo, hi)``, outside quotation marks and captions (known
        to be a person: a title, a given name, an earlier cue)."""
        for i in range(bisect_left(self.starts, hi) - 1, -1, -1):
            m = self.mentions[i]
            if m.start < lo:
                break
            ent = m.entity
            assert isinstance(ent, Entity)
            if not m.clause_head or m.start in self.quoted or ent.org or ent.place or ent.group:
                continue
            if self.text.startswith(("’s ", "'s ", "’ ", "' "), m.end):
                continue  # "when Margaret Tolland's bank manager is expected": a possessive, not the subject
            if _COORDINATED.match(self.text, m.end):
                continue  # "Silverman and Svensson have also won": two people, neither the one who speaks next
            if ent.person_evidence or ent.spoke or _VERB_AFTER.match(self.text, m.end):
                return ent  # a person, or a name heading its clause as the subject of a verb ("Mulder didn't")
        return None

    def nearest_person(
        self, pos: int, gender: str = "", max_back: int = 3000, subject_only: bool = False, heads: bool = False
    ) -> Entity | None:
        """The person named last before ``pos`` whose gender is ``gender`` (any person-like one when ``""``),
        else the last person-like one of unknown gender. ``gender == "org"`` asks for an organisation.
        ``subject_only`` skips mentions after a preposition or article ("… between lawmakers and Trump");
        ``heads`` keeps only names that open a clause ("… would tell Mayor John Tory" does not)."""
        unknown: Entity | None = None
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            m = self.mentions[i]
            if pos - m.start > max_back:
                break
            if m.start in self.quoted or m.aside or (subject_only and m.objectlike):
                continue
            ent = m.entity
            assert isinstance(ent, Entity)
            if gender == "org":
                if ent.org and not ent.group and m.clause_head:
                    return ent
                continue
            if ent.org or ent.place or ent.group or (heads and not m.clause_head):
                continue
            if gender and ent.gender and ent.gender != gender:
                continue
            if not self.personlike(ent) and not (ent.gender and " " in ent.name and ent.subject_uses > ent.object_uses):
                continue
            if not ent.gender and gender:
                if unknown is None:
                    unknown = ent
                continue
            return ent
        return unknown
