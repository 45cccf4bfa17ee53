"""Where wrong speakers come from: each labelled quotation whose ``Claim.speaker`` is not the canonical one is
put in one class, so a set's losses can be counted without reading its texts (``bench_quotes --breakdown``).

Classes, in the order they are tested:

- ``not found``: no quote claim has the quotation's content;
- ``credited, gold none``: the gold credits nobody (a quoted term, an unnamed source) but the claim names someone;
- ``no attribution``: the claim has no speaker mention at all (no cue, no floor holder was chosen);
- ``canonical form``: the claim names the gold entity in another form (a title kept, a given name or particle
  lost, an organisation cut or extended): the two names share their last word, or one's words hold the other's;
  split by whether the claim's name only adds words to the gold's, only lacks some, or both;
- ``coreference``: the mention chosen can refer to the gold entity (it writes part of the gold name; a pronoun
  whose gender is the gold person's, or ``it``/``they``/``we`` for an organisation; a description whose head
  noun is one of the gold entity's titles or its organisation's name) but was resolved to another entity or none;
- ``wrong mention``: the mention chosen is somebody else (or a description of somebody else).
"""

from __future__ import annotations

import re
from collections import Counter

from docingest.claims.entities import Entity
from docingest.claims.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, NEUTRAL_PRONOUNS
from docingest.claims.titles import bare, parse_role, split_title
from docingest.models import Claim

CLASSES = (
    "not found",
    "credited, gold none",
    "no attribution",
    "canonical form: words added",
    "canonical form: words lost",
    "canonical form: words differ",
    "coreference",
    "wrong mention",
)

_WORD = re.compile(r"[\w’'-]+")


def _words(name: str) -> list[str]:
    return [bare(w) for w in _WORD.findall(name.casefold().replace("’s", "").replace("'s", ""))]


def _name_words(name: str) -> list[str]:
    toks = name.split()
    return _words(" ".join(toks[split_title(toks) :] or toks))


def same_entity(a: str, b: str) -> bool:
    """Whether two names can name one entity: one's words hold the other's, or they share the last word and
    do not differ in the first (two people of one family: "Tahmina Chowdhury", "Shafiqul Chowdhury")."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return wa[-1] == wb[-1] and not (len(wa) > 1 and len(wb) > 1 and wa[0] != wb[0])


def gold_entity(entities: list[Entity], gold: str) -> Entity | None:
    """The article's entity that the gold name names (an exact name first, else one sharing its last word)."""
    key = " ".join(_words(gold))
    for ent in entities:
        if any(" ".join(_words(m.name)) == key for m in ent.mentions):
            return ent
    for ent in entities:
        if any(same_entity(m.name, gold) for m in ent.mentions):
            return ent
    return None


def _refers_to(mention: str, gold: str, ent: Entity | None) -> bool:
    """Whether a mention as written can name the gold entity."""
    words = _words(mention)
    if not words:
        return False
    if set(words) & set(_words(gold)) - {"the", "a", "an", "of", "for", "and"}:
        return True
    first = words[0]
    if len(words) == 1 and (first in MALE_PRONOUNS or first in FEMALE_PRONOUNS):
        if ent is None:
            return False
        want = "m" if first in MALE_PRONOUNS else "f"
        return ent.gender == want or (not ent.gender and not ent.org)
    if len(words) == 1 and first in NEUTRAL_PRONOUNS:
        return ent is not None and (ent.org or ent.thing)
    if ent is None:
        return False
    role = parse_role(mention)
    heads = {t.head for t in ent.titles} | {w for t in ent.titles for w in _words(t.text)}
    name_words = {w for m in ent.mentions for w in _words(m.name)}
    if role is not None and (role.head in heads or role.head in name_words):
        return True
    return words[-1] in heads or words[-1] in name_words


def classify(claim: Claim | None, gold: str | None, entities: list[Entity]) -> str | None:
    """The class of a labelled quotation's error (``None`` when the claim's speaker is right)."""
    if claim is None:
        return "not found"
    said = claim.speaker
    if " ".join((said or "").casefold().split()) == " ".join((gold or "").casefold().split()):
        return None
    if gold is None:
        return "credited, gold none"
    mention = claim.speaker_mention.text if claim.speaker_mention else ""
    if not mention and said is None:
        return "no attribution"
    if said is not None and same_entity(said, gold):
        extra, lost = (
            len(_words(said)) - len(set(_words(said)) & set(_words(gold))),
            len(_words(gold)) - len(set(_words(said)) & set(_words(gold))),
        )
        return "canonical form" + (
            ": words added" if extra and not lost else ": words lost" if lost and not extra else ": words differ"
        )
    return "coreference" if _refers_to(mention or said or "", gold, gold_entity(entities, gold)) else "wrong mention"


def tally(counts: Counter[str]) -> str:
    return ", ".join(f"{c} {counts[c]}" for c in CLASSES if counts[c])
