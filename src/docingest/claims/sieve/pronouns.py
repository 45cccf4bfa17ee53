"""Pass 6, pronouns (last, as in the sieve): "he", "she", "it", "they" name an entity of the same gender and
number, chosen by salience:

1. the person heading the sentence before, when that sentence is the writer's own (no quotation, no cue):
   "Mulder didn't hesitate. “It's this for sure,” he said.";
2. the last speaker of this or the previous paragraph whose gender agrees ("“…,” Ruiz said. “…,” she
   added.") — unless a person of that gender was introduced as a subject after that speaker's cue, in the
   sentence before ("… he adds. Good results for accountant Babatunji Farinloye. “…,” he says.");
3. else the nearest person of that gender written as a subject, people known to be people (a title, a given
   name or honorific, an earlier cue) first;
4. "it", "they" and "we": the last organisation that spoke, else the nearest organisation written as a
   subject.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..entities import Entity

#: How far back a neutral pronoun looks for an organisation that spoke.
_ORG_REACH = 2500


def resolve(  # noqa: PLR0917 - the pass's inputs, each a different kind of evidence
    word: str,
    gender: str,
    pos: int,
    speakers: Sequence[tuple[int, int, Entity]],
    nearest: Callable[..., Entity | None],
    personlike: Callable[[Entity], bool],
    introduced_since: int,
    topic: Entity | None = None,
    sentence_start: int | None = None,
) -> Entity | None:
    """The entity a pronoun at ``pos`` names.

    ``speakers`` are the earlier attributions as (cue start, end of the speaker's mention, entity), latest
    first; ``nearest(pos, gender, max_back=…, subject_only=…)`` finds the nearest person named before
    ``pos``; ``introduced_since`` and ``sentence_start`` are where the sentence before the pronoun's and the
    pronoun's own start.
    """
    if sentence_start is None:
        sentence_start = pos
    if gender == "":
        for cue, _, ent in speakers:
            if pos - cue >= _ORG_REACH:
                break
            if ent.org or word.lower() in ("they", "we") or not (ent.person_evidence or ent.gender):
                return ent  # an organisation, or a name nothing shows to be a person's ("Summit Lane said")
        if word.lower() in ("it", "its"):
            return nearest(pos, "org", max_back=400, subject_only=True)
        if word.lower() in ("they", "we"):
            # "The Residents Association opposes the plan. “…,” they said.": the organisation just written as
            # a subject (a plural noun would have been a group: no one to name)
            return nearest(pos, "org", max_back=250, subject_only=True)
        return None
    if topic is not None and not topic.org and topic.gender in ("", gender):
        return topic
    for cue, mention_end, ent in speakers:
        if ent.org:
            continue
        if ent.gender and ent.gender != gender:
            continue
        if not ent.gender:
            near = nearest(pos, gender, max_back=pos - cue, subject_only=True)
            if near is not None and near.gender == gender:
                return near
            if not personlike(ent):
                continue
        else:
            # a person introduced in the sentence before, after the speaker's cue (not in the pronoun's own
            # sentence: "Schumer, he said, “…”" is what he said of Schumer)
            reach = sentence_start - max(cue, mention_end, introduced_since)
            if reach > 0:
                near = nearest(sentence_start, gender, max_back=reach, subject_only=True, heads=True)
                if near is not None and near is not ent and near.gender == gender:
                    return near
        return ent
    # people known to be people (a given name or honorific, an earlier cue) before those with a tallied gender
    return nearest(pos, gender, subject_only=True) or nearest(pos, gender)
