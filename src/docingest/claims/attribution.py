"""Attribution: which cue credits which words to whom.

One pass finds every attribution *event* outside quotation marks: a cue ("said", "told", "according to") and
its subject, in either order ("Smith said", "said Smith"), with appositions ("Smith, the bank's economist,
said"). Each quote then takes the event of its own sentence (after the quote first, then before it, so
colon introductions work), else the event of the quote it continues (split quotes), else the last speaker of
the current or previous paragraphs (floating quotes). Reported speech comes from the same events.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise

from . import ranker
from .coref import Cast
from .cues import ACCORDING_RE, CUE_WORDS, GOVERNING_WORDS, STANCE_WORDS, find_cues
from .entities import Entity
from .lexicon import (
    DOC_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_OPENERS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_ROLES,
    ROLE_NOUNS,
    UTTERANCE_NOUNS,
    pronoun_gender,
    singular,
)
from .marks import Quoted
from .mentions import NAME_RE, heading_line, is_org_name, name_runs, occupation
from .sieve import orgs, pronouns
from .sieve.roles import RELATIONS as _RELATIONS
from .titles import Title, bare, head_noun, parse_role, split_title

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cpl|Const|Insp|Det|Supt|Coun|Rev|Jr|Sr|"
    r"Inc|Corp|Ltd|Co|No|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ont|Que|Man|Sask|Alta|Mass|Calif|"
    r"approx|U\.S|U\.K|B\.C|N\.S|N\.B|P\.E\.I|D\.C)|\b[A-Z])\.$"
)
_PRONOUN = r"(?:he|she|they|it|we|I)"
_DET = r"(?:the|a|an|his|her|their|its|my|our|your|one|another|two|three|several|some|many|[A-Z][\w’'.-]*[’']s)"
#: the same, also capitalised at a sentence start ("The minister said")
_DET_CI = r"(?:(?i:the|a|an|his|her|their|its|my|our|your|one|another|two|three|several|some|many)|[A-Z][\w’'.-]*[’']s)"
#: "Institute for Fiscal Studies", "Bank of Canada": a name, or names joined by "of"/"for"/"on"
_ORG_NAME = rf"{NAME_RE.pattern}(?:\s+(?:of|for|on)\s+(?:the\s+)?{NAME_RE.pattern})*"
_ADVERBS = (
    r"(?:also|later|then|again|previously|recently|once|further|simply|repeatedly|publicly|privately|"
    r"earlier|quickly|flatly|bluntly|only|even|first|has|have|had|was|is|were|would|will|could|did|does|"
    r"has also|had also|often|frequently|told|never|just|still|already|"
    # time phrases between a subject and its cue: "Michelle Rempel earlier this week called …"
    r"(?:this|last|next)\s+(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|fall|autumn|winter)|"
    r"on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)"
)
#: a party-and-state tag or other short parenthesis after a name: "Rep. Gwen Moore (D-Wis.) said"
_PAREN = r"(?:\s*\([^()\n]{1,40}\))?"
_BACK_NAME = re.compile(
    rf"((?:{NAME_RE.pattern}\s+(?:of|for)\s+(?:the\s+)?)?{NAME_RE.pattern}){_PAREN}(?:,\s[^,“”\"]{{1,140}},)?\s*"
    rf"(?:{_ADVERBS}\s+)*$"
)
#: "Tim Guest with the Nova Scotia Health Authority says": the person, not the organisation
_BACK_AFFILIATED = re.compile(
    rf"({NAME_RE.pattern}){_PAREN}\s+(?:with|from|at|of)\s+(?:the\s+)?{_ORG_NAME}\s*(?:{_ADVERBS}\s+)*$"
)
#: between a person heading the clause and the cue: an affiliation ("Lucía Ferrer of the Institute for Fiscal
#: Studies said") or a first verb phrase and a conjunction ("Okafor welcomed the extension but said")
_AFFILIATION = re.compile(rf"\s*(?:with|from|at|of)\s+(?:the\s+)?{_ORG_NAME}\s*(?:{_ADVERBS}\s+)*")
_COORDINATED = re.compile(rf"{_PAREN}\s+[a-z][\w’'-]*\b[^“”\"\x00\n]{{0,100}}?\s(?:but|and|then)\s+(?:{_ADVERBS}\s+)*")
#: "Shipping companies have warned", "Local farmers say": a bare plural heading the clause
_BARE_PLURAL = re.compile(
    rf"((?:(?:[A-Z][a-z-]+\s+)?(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*|[A-Z][a-z-]*)[a-rt-z]s"
    # "Protesters marching through the streets chanted", "Villagers in Ostrava said"
    rf"(?:\s+(?:[a-z]+ing\s+)?(?:through|on|in|at|outside|near|along|into|down|up|across|from|around)\s+"
    rf"[^,;:“”\"\x00\n]{{1,40}}?)?)"
    rf"\s+(?:{_ADVERBS}\s+)*"
)
#: a prepositional phrase after a description heading the clause: "a narrator in the Clinton ad asks"
_PP_MODIFIER = re.compile(r"(\s+(?:in|of|at|from|with|for|on)\s+[^,;:“”\"\x00\n]{1,50}?)\s*")
#: "says Wise’s dad, Darrin", "says Campbell’s partner, Jason Louth": the name after the possessive description
_POSSESSIVE_APPOSITION = re.compile(rf"[’']s(?:\s+[a-z][\w-]*){{1,3}},\s+({NAME_RE.pattern})")
#: A short opening phrase before the subject: "On Tuesday, ", "In a statement, ", "Speaking in Vaughan, Ont., "
_INTRO = re.compile(
    r"(?:(?:On|In|At|After|Before|During|Earlier|Later|Last|This|Meanwhile|However|But|And|Still|"
    # an opening participle phrase: "Speaking to reporters, ", "Writing on Bluesky, "
    r"[A-Z][a-z]+ing)\b[^,.“”\"\n]{0,60},\s+)+"
)
#: ", Jeff Fraser," / ", Brian from Upper Ashby," right before the cue: a name set off by commas (with a place)
_APPOSED_NAME = re.compile(
    rf",\s+({NAME_RE.pattern}){_PAREN}(?:\s+(?:from|of|in)\s+{NAME_RE.pattern})?,\s*(?:{_ADVERBS}\s+)*$"
)
_FWD_DEFINITE = re.compile(
    r"\s*((?:the|his|her|their|its|my|our|your)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]*[a-z][\w’'-]*)"
    r"(?=\s*(?:,|\.|;|$|\s(?:who|whose|in|on|at|when|after|during|with|about|to|of|for|from)\s))"
)
#: the same with an indefinite determiner ("one resident", "a neighbour"), only ever before a name set off
_FWD_INDEFINITE = re.compile(r"\s*((?:a|an|one|another)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]*[a-z][\w’'-]*)(?=\s*,)")
#: a name set off after a description, which may name its organisation first: "the bank’s economist, Tom Reed",
#: "the head of the Port of Tacoma, Maria Ruiz"
_FWD_APPOSED = re.compile(
    rf"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?{_ORG_NAME})?(?:,\s+|[’']s\s+(?:[a-z][\w-]*\s+){{0,3}})({NAME_RE.pattern})"
)
#: cue words that are only ever verbs, never the noun of a document or an utterance before one
_FINITE_CUES = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks"})
#: a description that ends with the name of the person it describes, after a possessive or a role noun
_ROLE_ALTERNATION = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_OWNED_NAME = re.compile(rf"(?:(?P<owner>[’']s)|\b(?:{_ROLE_ALTERNATION}))(\s+)({_ORG_NAME})$")
#: an organisation's name and a lower-case role before a name: "Bank of Canada governor Tiff Macklem"
_FWD_ORG_ROLE = re.compile(rf"{_ORG_NAME}((?:\s+[a-z][\w-]*){{1,4}})\s+({NAME_RE.pattern})")
#: "READ MORE:", "WATCH:", "UPDATE:" labels are not speakers
_LABEL_LINE = re.compile(r"\s*[A-Z][A-Z ’'-]{1,30}:")
#: Given names that are also common words (so in NOT_NAMES): "Will Young said", "May Chen said"
_WORD_NAMES = frozenset(
    {"will", "may", "june", "april", "august", "mark", "grant", "don", "guy", "ray", "dean", "drew"}
)
_CLAUSE_HEAD = re.compile(r"(?:,\s+|\b(?:when|as|after|while|and|but|then|before)\s+)(?=[A-Z]|(?:he|she|they|we|I)\b)")
_BACK_REACH = 320
_OBJECT_PREPOSITIONS = frozenset({"to", "of", "in", "at", "from", "near", "outside", "inside", "across", "around"})
_PREPOSITIONS = frozenset({"of", "with", "for", "from", "at", "in", "on", "to", "and", "or", "by", "near", "about"})
#: a pronoun before its cue; "one" too, an indefinite one ("Residents are angry. “…,” one said.")
_BACK_PRON = re.compile(rf"(?<![\w’'])({_PRONOUN}|one)\s+(?:{_ADVERBS}\s+)*$", re.IGNORECASE)
_BACK_DESC = re.compile(
    rf"(?<![\w’'])({_DET_CI}\s+(?:[\w’'-]+,?\s+){{0,5}}?[\w’'-]+)(?:,\s[^,“”\"]{{1,120}},)?\s*(?:{_ADVERBS}\s+)*$"
)
_BACK_PLURAL = re.compile(
    r"(?<![\w’'-])((?:[\w-]+\s+){0,2}(?:[a-z][\w-]*s|police|staff|spokespeople|people|the\s+\w+|others|many|some))"
    r"\s+(?:{a}\s+)*$".replace("{a}", _ADVERBS)
)
_FWD_NAME = re.compile(
    rf"\s*(?:(?:[a-z0-9][\w’'/-]*|[A-Z][\w.&-]*[a-z]?\w*\s+(?=[a-z]))\s+){{0,6}}?({NAME_RE.pattern})"
)
#: an organisation's "of"/"for" complement after its first word: "Bank| of England Governor Andrew Bailey"
_FWD_LINKED = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?({NAME_RE.pattern})")
_NONSPACE = re.compile(r"\S+")
#: lower-case words, then a name: "Harvard| economist Jason Furman"
_OWNED_ROLE = re.compile(rf"((?:\s+[a-z][\w-]*){{1,3}})\s+({NAME_RE.pattern})")
_FWD_PRON = re.compile(rf"\s*({_PRONOUN})\b")
_FWD_DESC = re.compile(
    rf"\s*({_DET}\s+[^,.;:“”\"?!]{{1,80}}?)(?=\s*(?:,|\.|;|$|\s(?:who|in|on|at|when|after|during|with|about|to)\s))"
)


def words_of(phrase: str) -> set[str]:
    """The lower-cased words of ``phrase`` without punctuation or a possessive ending ("bank’s" → "bank")."""
    return {bare(w) for w in phrase.split()}


def _org_head(name: str) -> bool:
    """Whether a capitalised run ends with a word that names an organisation ("The Institute", "Bank")."""
    return bare(name.rsplit(maxsplit=1)[-1]) in ORG_HEADS


def _epithet(phrase: str, before: str) -> bool:
    """A definite description of one person by a role that is no relation: "the affable proprietor", or "the
    engineer" (a definite article presupposes somebody the reader already knows) when the text ``before`` it
    never wrote that noun (else it points back at whoever that was: "asked the minister … “…,” the minister
    replied", a person never named), and it is no source's anonymous label ("the official")."""
    role = parse_role(phrase)
    if role is None or role.plural or role.head in _RELATIONS:
        return False
    if role.modifiers:
        return True
    head = phrase.rsplit(maxsplit=1)[-1]
    return role.head not in _ANONYMOUS and re.search(rf"\b{re.escape(head)}\b", before, re.IGNORECASE) is None


def _group(phrase: str) -> bool:
    """Whether a phrase ending in a plural names a group of people ("students", "local officials")."""
    last = phrase.rsplit(maxsplit=1)[-1].lower()
    return (
        last in GROUP_NOUNS
        or singular(last) in ROLE_NOUNS
        or last in {"many", "some", "others"}
        or (phrase.lower().startswith("the ") and len(phrase.split()) == 2)
    )


def _doc_words(phrase: str) -> set[str]:
    """The words of ``phrase`` that name documents ("the figures", "an environmental review")."""
    return {w.strip("’',.").lower() for w in phrase.split()} & DOC_NOUNS


def _not_name(name: str) -> bool:
    """Whether a capitalised run starts with a word that is no name ("The", "Monday"); an honorific before a
    name does not count ("Dr Helen Achebe")."""
    toks = name.split()
    if len(toks) > 1 and toks[0].lower().rstrip(".") in HONORIFICS:
        return False  # "Ms. May", "Dr Helen Achebe": whatever follows an honorific is a name
    first = toks[0].lower()
    if first in NAME_OPENERS and len(toks) >= 3 and is_org_name(name):
        return False  # "First Lakeland Credit Union", "Next Generation Housing Trust": an organisation's name
    # "It’s what golfers do: …", "That's": a contraction of a word that names nobody
    return first in NOT_NAMES or (("’" in first or "'" in first) and _CONTRACTION.sub("", first) in NOT_NAMES)


_CONTRACTION = re.compile(r"[’'](?:s|re|ll|d|ve|m)$")
#: Naming verbs credit a quote that follows their object: "called the budget “a quiet dismantling”"
#: a naming verb on its own ("called", "dubs", "labelled", "branding")
NAMING_VERB = re.compile(r"(?:call|dub|label|brand)(?:s|ed|led|bed|ing|ling|bing)?")
_NAMING = re.compile(
    # the look-behind after the first letter keeps the regex engine's fast first-character scan
    r"[cdlb](?<![\w-][cdlb])(?:all(?:s|ed|ing)?|ub(?:s|bed|bing)?|abel(?:s|led|ed|ling|ing)?|rand(?:s|ed|ing)?)"
    r"(?=\s+[^\x00\n.;:!?“”\"]{1,80}?\s\x00)"
)
#: Documents "say" things too: "…, the figures show.", "A study found that …" (only with such a subject)
#: what follows "read" when it quotes a written text: "read: “…”", "reads simply “…”"
_READS_QUOTE = re.compile(r"\s*(?:simply|in part)?\s*[:\x00.,;]")
_DOC_CUES = re.compile(r"[sfr](?<![\w-][sfr])(?:how|hows|howed|hown|ound|inds|ead|eads)\b")
#: "according to figures released on Thursday": a document named without a determiner
_FWD_DOC = re.compile(
    r"\s*((?:[a-z][\w-]*\s+){0,3}?(?:" + "|".join(sorted(DOC_NOUNS)) + r")\b"
    r"(?:\s+(?:released|published|issued|obtained|compiled|seen|provided|filed|from|by)\b[^,.;:“”\"\n]{0,60})?)"
)
#: Nouns of saying and stance whose owner speaks the quote that completes them: "NATO's commitment to “…”",
#: "Rutte's characterization of the tensions as a “…”", "his call for “…”"
_STANCE_NOUNS = (
    r"commitments?|calls?|characteri[sz]ation|description|portrayal|warnings?|promises?|pledges?|vows?|claims?|"
    r"assertion|insistence|demands?|pleas?|appeals?|message|words|remarks|comments|reference|assessment|"
    r"arguments?|suggestion|recommendations?|requests?|vision|hopes?|wish|ambition|criticism|praise|dismissal|"
    r"label|verdict|prediction|forecast|view"
)
_STANCE_NOUN = re.compile(
    rf"(?:(?P<owner>{NAME_RE.pattern}|(?i:the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}})[’']s?|"
    rf"(?<![\w’'])(?P<pron>(?i:his|her|its|their)))"
    rf"\s+(?:[a-z][\w-]*\s+)?(?P<noun>{_STANCE_NOUNS})\s+"
    rf"(?:of\s+[^,;:.!?\x00\n]{{1,80}}?\s+as\s+(?:an?\s+|the\s+)?|(?:to|for|on|that|as|of)\s+(?:an?\s+|the\s+)?)?"
)
#: the last word of every phrase :data:`_STANCE_NOUN` finds, blanks after it: a stance noun, a preposition, "as" or
#: an article (a cheap test before trying the pattern over the 160 characters before each quote)
_STANCE_LAST = re.compile(rf"(?:{_STANCE_NOUNS}|to|for|on|that|as|of|an?|the)")


def _may_end_stance(masked: str, open_: int) -> bool:
    head = masked[max(0, open_ - 160) : open_]
    last = head.rsplit(None, 1)
    return head[-1:].isspace() and bool(last) and _STANCE_LAST.fullmatch(last[-1]) is not None


_LEAD_ROLE = re.compile(r"((?i:the))\s+((?:[a-z][\w-]*\s+){1,5})")
#: a person's possessive right before a quoted term: "her “cancer drama”", "Musk’s “production hell”"
_TERM_OWNER = re.compile(
    rf"(?:(?<![\w’'])(?P<pron>[Hh]is|[Hh]er|[Tt]heir)|(?P<owner>{NAME_RE.pattern})[’']s?)\s+(?:[a-z][\w-]*\s+)?$"
)
#: a word that opens a clause inside what looked like a subject: "The remarks came as the Union announced"
_SUBORDINATE = re.compile(
    r".*\s(?:as|when|while|after|before|because|since|although|though|that|which|who|where|until)\s"
)
#: what follows a past participle that opens a sentence: "Asked what …", "Asked about …", "Told to …"
_PASSIVE_OPENING = re.compile(r"\s+(?:what|about|if|whether|how|why|when|to|by|for|during|in|on)\b")
_LEAD_PRONOUN = re.compile(r"\s*(He|She|His|Her)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:\w+\s+)?$")
_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they"}
_PARTICIPLE_AFTER = re.compile(r"(?:,|\b(?:while|before|after|when|by|and))\s*$")
_BACK_COORDINATED = re.compile(
    rf"(?<![\w’'])((?i:({_PRONOUN}))|{NAME_RE.pattern})\s+[a-z][\w’'-]*(?:\s[^,;“”\"\x00\n]{{0,60}}?)?"
    rf"\s(?:and|but|then)\s+(?:{_ADVERBS}\s+)*$"
)
#: "the Usdaw union": a name, then the kind of organisation it names
_NAMED_ORG = re.compile(rf"(?i:the)\s+({NAME_RE.pattern})\s+([a-z][\w-]*)")
#: a statement and who made it: "the statement from Acme Holdings", "Acme Holdings' statement"
_UTTERANCE_OWNER = re.compile(
    rf"(?i:the|a|an)\s+(?:[a-z][\w-]*\s+)?(?:{'|'.join(sorted(UTTERANCE_NOUNS))})\s+(?:from|by|of|issued\s+by)\s+"
    rf"(?:the\s+)?({_ORG_NAME})|(?:the\s+)?({_ORG_NAME})[’']s?\s+(?:[a-z][\w-]*\s+)?(?:{'|'.join(sorted(UTTERANCE_NOUNS))})"
)
#: a noun of response after a quote, and its owner: "“…” was the response of one jolly viewer"
_RESPONSE_OF = re.compile(
    r"[,.!?]?(?:[^\S\n]+|\s+(?:That|This|Such)[^\S\n]+)(?:was|were|is|came)[^\S\n]+(?:the[^\S\n]+)?(?:[a-z]+[^\S\n]+)?"
    r"(response|reaction|verdict|reply|answer|message|assessment|warning|retort|words)[^\S\n]+(?:of|from)(?=[^\S\n])"
    # "“…” So said Ann Hart"
    r"|\s+So[^\S\n]+(said)(?=[^\S\n])"
)
#: "“…” is how Ruiz put it", "…, was how the minister described it"
_HOW_PUT = re.compile(
    r"[,.!?]?[^\S\n]+(?:is|was)[^\S\n]+how[^\S\n]+([^,.;:“”\"\n]{1,60}?)[^\S\n]+"
    r"(put|puts|described|describes|summed|sums|explained|explains)[^\S\n]+(?:it|things|the\s+\w+)\b"
)
#: determiners of someone unnamed
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
#: who speaks for an organisation without a name of their own
_VOICES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"})
#: role nouns a source is kept anonymous by ("the official said"): no epithet for a known person
_ANONYMOUS = _VOICES | {"official", "source", "insider"}
_UTTERANCES = frozenset({"statement", "release", "remarks", "comments", "speech", "testimony", "account"})
#: "The 26-year-old right wing said": a definite description heading its sentence, right before the cue
_LEAD_DEFINITE = re.compile(rf"(The\s+(?=[a-z0-9])[^,;:“”\"\x00\n]{{1,60}}?)\s+(?:{_ADVERBS}\s+)*")
#: a quote signed with a dash and a name at the end of its line: “…” ― Pamela Padilla
_DASH_CREDIT = re.compile(rf"[^\S\n]*[―—–]{{1,2}}[^\S\n]*({NAME_RE.pattern})[^\S\n]*\.?[^\S\n]*(?:\n|$)")
_NAMED_ANTECEDENT = re.compile(rf"({NAME_RE.pattern}),\s+(?:the|a|an)\s+[^,;:“”\"\x00\n]{{1,60}}$")
#: cues that may come before their subject after a comma ("…, asks editor Jennifer Ditchburn, “…”")
_INVERTIBLE = frozenset({"says", "said", "asks", "asked", "adds", "added", "writes", "wrote", "notes", "noted"})
#: "the Roman Catholic Diocese of Covington": an organisation's name after "the" at the head of a clause
_LEAD_ORG = re.compile(rf"\s*[Tt]he\s+({_ORG_NAME})")
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;:“”\"\x00\n]{2,80}?)\s+$")
#: Cue words that are also nouns, and the determiner and adjective that make them one ("the big reveal")
_NOUN_CUES = frozenset(
    {
        "reveal",
        "report",
        "post",
        "claim",
        "comment",
        "answer",
        "reply",
        "note",
        "tweet",
        "text",
        "email",
        "estimate",
        "promise",
        "demand",
        "joke",
        "charge",
        "cry",
        "sigh",
        "laugh",
        "boast",
        "pledge",
        "vow",
        "quip",
        "remark",
        "counter",
        "signal",
        "whisper",
        "shout",
        "yell",
        "recall",
        "respond",
        "update",
        "call",
    }
)
#: a description never ends with a conjunction or preposition ("shook his head and said")
_DANGLING = frozenset({"and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as"})
#: a possessive right before a cue word makes it a noun or adjective: "Thursday’s emailed threats", "Musk’s
#: August tweet"
_POSSESSIVE_BEFORE = re.compile(r"[\w.][’']s\s+(?:[A-Z][\w-]*\s+)?$")
_NOUN_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|his|her|its|their|our|my|your|this|that)\s+[a-z][\w-]*\s+$")
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Aa]n?|[Tt]he|of|his|her|its|their|our|my|your)\s+$")
_PASSIVE = frozenset({"is", "was", "were", "are", "be", "been", "being", "so", "to", "also-called"})
#: words that never stand in a speaker's description: "The judge ruled he was likely to continue"
_CLAUSE_WORDS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "was",
        "is",
        "were",
        "are",
        "to",
        "would",
        "will",
        "had",
        "has",
        "have",
        "that",
        "who",
        "which",
        "said",
        "says",
        "be",
        "if",
        "when",
        "not",
        "did",
        "do",
        "does",
    }
)


#: how far before a quoted fragment its governing verb may stand, and what no verb governs across
_GOVERNED_REACH = 160
_GOVERNED_BREAKS = ".;:!?—–\x00\n"
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*\b")
#: words that open another clause, whose subject may be another speaker
_NEW_CLAUSE = frozenset(
    {
        *("but", "yet", "while", "whereas", "because", "although", "though", "since", "when", "whenever"),
        *("where", "after", "before", "until", "unless", "if", "which", "who", "whom", "whose"),
    }
)


def _clause_word(text: str, word: re.Match[str]) -> bool:
    """Whether a word opens another clause: a subordinator or relative pronoun, or "and" after a comma."""
    w = word.group(0)
    return w in _NEW_CLAUSE or (w == "and" and text[: word.start()].rstrip().endswith(","))


def opens_clause(masked: str, lo: int, hi: int) -> bool:
    """Whether a word that opens another clause stands in ``masked[lo:hi]`` ("…, but critics saw")."""
    chunk = masked[lo:hi]
    return any(_clause_word(chunk, m) for m in _LOWER_WORD.finditer(chunk))


#: "paid tribute to": a light verb and a noun of praise make a verb of stance
_TRIBUTE = frozenset({"tribute", "homage"})
_PAY = frozenset({"pay", "pays", "paid"})
#: what may stand before the subject at the head of its clause: an opening phrase or clause ("In a speech on
#: Monday, "), a description the subject's name is set off from ("Another critic, "), a title ("Senate Leader ")
_SUBJECT_LEAD = re.compile(
    rf"[\s“\"‘'(]*(?:{_INTRO.pattern})?(?:[^,;:“”\"\x00\n]{{1,160}},\s+)?(?:[A-Z][\w.’'-]*\s+)*"
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w-]*\s$")
#: verbs of speech (not of stance), whose object may be a clause of reported speech
_SPEECH = CUE_WORDS - STANCE_WORDS


@dataclass(frozen=True, slots=True)
class Event:
    """An attribution: cue at ``cue``; subject mention at ``mention`` (or ``None``); who it resolves to
    (``person``), and ``speaker``, the subject as the attribution reads it: the entity's name, else what the
    text writes ("a spokesperson", "they")."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None
    speaker: str | None
    inverted: bool
    person: Entity | None
    kind: str  # "name", "pronoun", "description", "according", "colon", "participle", "naming"
    #: the subject is written as a name (a name no entity holds is still a name)
    named: bool = False

    @property
    def name(self) -> str | None:
        """The canonical name of whoever the event credits: an entity's name, a name as written, else ``None``
        (an unnamed source: "a spokesperson", "officials", a pronoun nobody answers)."""
        if self.person is not None:
            return None if self.person.group else self.person.name  # "Protesters", "Labour MPs": a group, unnamed
        return self.speaker.strip() or None if self.named and self.speaker else None


_SENTENCE_END = re.compile(r"[.!?…]+[”\"’']*\s+(?=[“\"‘'(]?[A-Z0-9])")
_NOT_NEWLINE = re.compile(r"[^\n]")


def sentence_bounds(text: str, lo: int, hi: int, quotes: Sequence[Quoted]) -> list[int]:
    """Offsets where sentences start in the paragraph ``[lo, hi)`` (ends inside quotation marks don't count)."""
    inside = [(q.open, q.outer[1]) for q in quotes if q.open < hi and q.outer[1] > lo]
    starts = [lo]
    for m in _SENTENCE_END.finditer(text, lo, hi):
        pos = m.start()
        if inside and any(a < pos < b - 1 for a, b in inside) and not _ends_quote(text, m, inside):
            continue
        if _ABBREV.search(text, max(lo, pos - 12), pos + 1):
            continue
        starts.append(m.end())
    return starts


def _ends_quote(text: str, m: re.Match[str], inside: list[tuple[int, int]]) -> bool:
    """Whether a full stop closes a quotation and its sentence: "“… go deeper.” Durning did not …" (not "“I'm
    done.” Smith said.", whose cue follows)."""
    end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
    if not any(b == end for _, b in inside):
        return False
    # the next sentence up to its end or a quotation: a cue in it credits the quote before ("“…?” Michael
    # Every, a senior strategist for Rabobank, said in a commentary.")
    nxt = re.match(r"[^.!?“”\"]{0,160}", text[m.end() : m.end() + 160]).group(0)  # type: ignore[union-attr]
    return not any(w.strip(",.;:").lower() in CUE_WORDS for w in nxt.split())


def _masked(text: str, quotes: Sequence[Quoted]) -> str:
    """``text`` with every quoted stretch (marks included) blanked out to NULs, newlines kept."""
    out: list[str] = []
    pos = 0
    for open_, close in sorted(q.outer for q in quotes):
        a, b = max(open_, pos), min(close, len(text))
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append(_NOT_NEWLINE.sub("\x00", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


class Attributor:
    """Finds events in a text and credits its quotes."""

    def __init__(self, text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quoted]) -> None:
        self.text = text
        self.paragraphs = list(paragraphs)
        self.quotes = list(quotes)
        by_open = sorted(self.quotes, key=lambda q: q.open)
        self._opens = [q.open for q in by_open]
        #: the furthest end of the quotes opened so far (quotes in order of their opening mark)
        self._reach = list(accumulate((q.outer[1] for q in by_open), max))
        self._ends = sorted(q.outer[1] for q in self.quotes)
        self._para_starts = [a for a, _ in self.paragraphs]
        self.registry = Cast(text, self.in_quote)
        self.masked = _masked(text, quotes)
        self.sentences: list[tuple[int, int]] = []
        for lo, hi in self.paragraphs:
            i, j = bisect_left(self._opens, lo), bisect_left(self._opens, hi)
            bounds = [*sentence_bounds(text, lo, hi, by_open[i:j]), hi]
            self.sentences += [(a, b) for a, b in pairwise(bounds) if b > a]
        self._sentence_starts = [a for a, _ in self.sentences]
        self.events: list[Event] = []
        self._event_starts: list[int] = []
        self._find_events()

    def in_quote(self, pos: int, end: int | None = None) -> bool:
        """Whether ``pos`` lies strictly inside a quote's marks (or ``[pos, end)`` within one, marks included)."""
        if end is None:
            i = bisect_left(self._opens, pos) - 1
            return i >= 0 and self._reach[i] > pos
        i = bisect_right(self._opens, pos) - 1
        return i >= 0 and self._reach[i] >= end

    def next_open(self, pos: int) -> int:
        """The first opening mark at or after ``pos`` (the text's length when there is none)."""
        i = bisect_left(self._opens, pos)
        return self._opens[i] if i < len(self._opens) else len(self.text)

    def last_end(self, pos: int) -> int:
        """The furthest quote end at or before ``pos`` (0 when none)."""
        i = bisect_right(self._ends, pos) - 1
        return self._ends[i] if i >= 0 else 0

    def paragraph_of(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._para_starts, pos) - 1
        if i >= 0 and pos < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None

    # --------------------------------------------------------------------- events
    def _sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos

    def _clause_start(self, pos: int) -> int:
        s, _ = self._sentence_of(pos)
        return max(s, self.last_end(pos))

    def _find_events(self) -> None:
        text, masked = self.text, self.masked
        cues = find_cues(masked)
        for n, (c_start, c_end, word) in enumerate(cues):
            cue = (c_start, c_end)
            if _ARTICLE_BEFORE.search(text, max(0, c_start - 5), c_start):
                continue  # "an estimated 1,200 jobs", "the reported loss": adjectives, not cues
            if n + 1 < len(cues) and cues[n + 1][0] == c_end + 1 and word not in _FINITE_CUES:
                continue  # "the civil claim said", "the report says": a noun before the verb
            if n and cues[n - 1][1] + 1 == c_start and cues[n - 1][2] in _FINITE_CUES:
                continue  # "said state Sen. Maria Gonzalez": a word after the verb
            if text[c_start].isupper() and not self._sentence_head(c_start):
                continue  # "the United States", "the National Post": part of a name
            if text[c_start].isupper() and word.endswith("ed") and _PASSIVE_OPENING.match(text, c_end):
                continue  # "Asked what he would tell the mayor, he said": a participle opening, not a cue
            if self._heading(c_start):
                continue  # "Man charged in Kody's death": a heading reports no words
            if word in _NOUN_CUES and _NOUN_BEFORE.search(text, max(0, c_start - 30), c_start):
                continue  # "here was the big reveal", "a recent post": nouns
            if _POSSESSIVE_BEFORE.search(text, max(0, c_start - 30), c_start):
                continue
            if word.split()[0].endswith("ing"):
                window = max(0, c_start - 90)
                has_with = text.find("with ", window, c_start) >= 0
                with_np = _WITH_SUBJECT.search(text, window, c_start) if has_with else None
                if with_np is not None:
                    # "with a spokesperson for the camp describing the scene as “…”": the participle's own subject
                    np = self._backward_np(with_np.group(1) + " ", with_np.start(1))
                    own = self._make(cue, np, False, "") if np is not None else None
                    if own is not None and own.speaker:
                        self._add_event(own)
                        continue
                lead = text[max(0, c_start - 12) : c_start]
                if _PARTICIPLE_AFTER.search(lead):
                    # "…, adding that …", "while warning that …": the subject of the sentence's earlier cue
                    part = self._participle(cue)
                    if part is not None:
                        self._add_event(part)
                        continue
                if not lead.rstrip().endswith(("as", ",")):
                    continue
            ev = self._event_at(cue, word)
            if ev is None:
                continue
            if ev.speaker is None and ev.kind == "pronoun":
                continue
            self._add_event(ev)
        # naming verbs stand at most 80 characters before a quote: search only there
        searched = 0
        for open_ in self._opens:
            lo = max(searched, open_ - 90)
            for m in _NAMING.finditer(masked, lo, open_ + 1):
                named = self._naming(m.start(), m.end())
                if named is not None:
                    self._add_event(named)
            searched = open_ + 1
            stance = (
                next((m for m in _STANCE_NOUN.finditer(masked, max(0, open_ - 160), open_) if m.end() == open_), None)
                if _may_end_stance(masked, open_)
                else None
            )
            if stance is not None:
                held = self._stance(stance)
                if held is not None:
                    self._add_event(held)
        for m in _DOC_CUES.finditer(masked):
            reads = m.group(0).startswith("r")
            if reads and not (
                _READS_QUOTE.match(masked, m.end()) or text[max(0, m.start() - 3) : m.start()].strip()[-1:] in ",’'”\""
            ):
                continue  # "read" quotes a text only before the quote ("read: “…”") or after it ("“…,” reads a note")
            if not reads and not _doc_words(text[max(0, m.start() - 60) : m.start()]):
                continue  # cheap test first: no document named just before
            found = self._event_at((m.start(), m.end()), m.group(0))
            if (
                found is not None
                and found.mention is not None
                and (not found.inverted or reads)
                and _doc_words(text[found.mention[0] : found.mention[1]])
            ):
                # "the figures show", "A banner over the gate read: “…”", "“…,” reads a note by the till": a
                # written text's words, its owner's when it names one
                self._add_event(replace(found, inverted=False, kind="document"))
        for m in ACCORDING_RE.finditer(masked):
            after = text[m.end() : m.end() + 120]
            np = self._forward_np(after, m.end())
            if np is None:
                doc = _FWD_DOC.match(after)
                if doc is not None:
                    np = m.end() + doc.start(1), m.end() + doc.end(1), "description"
            if np is not None:
                self._add_event(self._make((m.start(), m.end()), np, False, "according"))
        for q in self.quotes:
            # "“…” was the response of one jolly viewer", "“…” is how Ruiz put it": the quote's owner after it
            noun = _RESPONSE_OF.match(text, q.outer[1])
            if noun is not None:
                after = text[noun.end() : noun.end() + 120]
                # any description may own it ("one jolly viewer"), as at the head of a clause
                np = self._forward_np(after, noun.end()) or self._forward_np(after, noun.end(), lead=True)
                if np is not None:
                    cue = noun.span(1) if noun.group(1) else noun.span(2)
                    self._add_event(self._make(cue, np, True, ""))
                continue
            how = _HOW_PUT.match(text, q.outer[1])
            if how is not None:
                np = self._forward_np(how.group(1), how.start(1), lead=True)
                if np is not None:
                    self._add_event(self._make((how.start(2), how.end(2)), np, False, ""))

    def _sentence_head(self, pos: int) -> bool:
        """Whether only quotation marks, brackets or spaces stand between the sentence start and ``pos``."""
        s, _ = self._sentence_of(pos)
        return not self.text[s:pos].strip(" “\"‘'(\n—–-")

    def _participle(self, cue: tuple[int, int]) -> Event | None:
        """The event of a participle cue ("…,” she said, adding that …"): the last event of its sentence, else
        the name or pronoun heading the sentence ("Smith hit back, calling the plan …")."""
        s, _ = self._sentence_of(cue[0])
        prev = self._last_event(s, cue[0])
        if prev is not None and _RELATIVE_BEFORE.search(self.text, max(0, prev.cue[0] - 12), prev.cue[0]):
            prev = None  # "… not paying an architect who said he was stiffed, saying “…”": not the relative's
        if prev is not None and prev.kind != "according":
            return replace(prev, cue=cue, inverted=False, kind="participle")
        start = s + len(self.text[s : cue[0]]) - len(self.text[s : cue[0]].lstrip(" “\"‘'"))
        if self.in_quote(start):
            return None
        np = self._forward_np(self.text[start : cue[0]], start, lead=True)
        if np is None or np[2] == "description" or not self.text[np[1] : np[1] + 2].strip()[:1].islower():
            return None
        if np[2] == "name":
            known = self.registry.resolve_name(self.text[np[0] : np[1]], np[0])
            if known is None or not (known.org or self.registry.personlike(known)):
                return None  # "Chastened by the analyses, Trump revised his plan, promising …": no subject here
        ev = self._make(cue, np, False, "participle")
        return ev if ev.speaker else None

    def term_owner(self, quote_open: int) -> Event | None:
        """The person or organisation whose possessive stands right before a quoted term ("her “cancer drama”",
        "Musk’s “production hell”": their words), else ``None``."""
        m = _TERM_OWNER.search(self.text, max(0, quote_open - 60), quote_open)
        if m is None or self._heading(quote_open):
            return None
        if m.group("pron"):
            ent = self._pronoun(_POSSESSIVE_SUBJECT[m.group("pron").lower()], m.start("pron"))
            span = m.span("pron")
        else:
            span = m.span("owner")
            ent = None if _not_name(m.group("owner")) else self.registry.resolve_name(m.group("owner"), span[0])
        if ent is None or not (ent.org or self.registry.personlike(ent)):
            return None
        return Event(span, span, ent.name, False, ent, "topic")

    def _stance(self, m: re.Match[str]) -> Event | None:
        """The owner of a stance noun speaks the quote that completes it ("NATO's commitment to “…”")."""
        cue = m.span("noun")
        if m.group("pron"):
            ent = self._pronoun(_POSSESSIVE_SUBJECT[m.group("pron").lower()], m.start("pron"))
            if ent is None:
                return None
            return Event(cue, m.span("pron"), ent.name, False, ent, "naming")
        s, e = m.span("owner")
        owner = self.text[s:e]
        kind = "description" if owner[:4].lower() == "the " else "name"
        if kind == "name" and _not_name(owner):
            return None
        ev = self._make(cue, (s, e, kind), False, "naming")
        return ev if ev.speaker and ev.person is not None else None

    def governor(self, q: Quoted) -> Event | None:
        """The speaker of a quoted fragment that is the object or complement of a verb of communication or
        stance (or of a preposition the verb governs) in the quote's own clause, when that verb's subject names
        a person or organisation: "Cruz exhorted Republicans to “vote your conscience”", "Tribe likened the
        rules to “burning the Constitution”", "Ruiz's brother, Tom Ruiz, paid tribute to a “funny, stubborn”
        man". The verb is the nearest one before the quote with no other quotation, no break ([.;:!?] or a
        dash) and no word opening another clause between them ("…, but critics saw “a giveaway”" is not the
        first verb's)."""
        s_start, _ = self._sentence_of(q.open)
        lo = max(s_start, q.open - _GOVERNED_REACH)
        tail = self.masked[lo : q.open]
        cut = max(tail.rfind(ch) for ch in _GOVERNED_BREAKS)
        if cut >= 0:
            lo, tail = lo + cut + 1, tail[cut + 1 :]
        words = list(_LOWER_WORD.finditer(tail))
        that = False  # a "that" clause stands between the verb and the quote: only a speech verb reports it
        for i in range(len(words) - 1, -1, -1):
            word = words[i].group(0)
            that = that or word == "that"
            if _clause_word(tail, words[i]):
                return None
            tribute = word in _TRIBUTE and i > 0 and words[i - 1].group(0) in _PAY
            if not tribute and word not in GOVERNING_WORDS:
                continue
            verb = words[i - 1] if tribute else words[i]
            a, b = lo + verb.start(), lo + verb.end()
            ev: Event | None
            noun = verb.group(0) in _NOUN_CUES or verb.group(0)[:-1] in _NOUN_CUES
            if noun and _CAPITALISED_BEFORE.search(self.text, max(0, a - 30), a):
                return None  # "an Office report released …", "Republican claims": a noun after its modifier
            if verb.group(0) in CUE_WORDS:
                # a cue: its event, if the event finder took the word for a verb with a subject
                k = bisect_left(self._event_starts, a)
                ev = self.events[k] if k < len(self.events) and self._event_starts[k] == a else None
            elif _ARTICLE_BEFORE.search(self.text, max(0, a - 5), a) or _POSSESSIVE_BEFORE.search(
                self.text, max(0, a - 30), a
            ):
                return None  # "a scathing attack from …", "Thursday's emailed threats": a noun or adjective
            else:
                ev = self._event_at((a, b), verb.group(0))
            if that and verb.group(0) not in _SPEECH:
                return None  # "blasted Oversight for failing to make clear that … was “partial”": not the verb's
            person = ev.person if ev is not None else None
            if ev is None or ev.inverted or ev.mention is None or person is None or person.group or person.place:
                return None
            if not _SUBJECT_LEAD.fullmatch(self.masked, self._clause_start(a), ev.mention[0]):
                return None  # the verb's subject heads its clause ("Another critic, Ann Hart, likened …")
            return ev if person.org or self.registry.personlike(person) else None
        return None

    def subject_of(self, start: int, limit: int) -> Entity | None:
        """The entity heading the clause that starts at ``start`` (before ``limit``), if it names one."""
        text = self.text
        at = start + len(text[start:limit]) - len(text[start:limit].lstrip(" “\"‘'(\n"))
        np = self._forward_np(text[at:limit], at, lead=True)
        if np is None:
            role = _LEAD_ROLE.match(text, at, limit)
            if role is None:
                return None
            words = role.group(2).split()
            # the longest run of words after "the" that ends with a role noun: "The secretary general presented"
            for k in range(len(words), 0, -1):
                if singular(bare(words[k - 1])) in ROLE_NOUNS:
                    end = role.start(2) + len(" ".join(words[:k]))
                    return self.registry.resolve_role(text[role.start(1) : end], role.start(1))
            return None
        s, e, what = np
        if what == "name":
            return self.registry.resolve_name(text[s:e], s)
        if what == "pronoun":
            return self._pronoun(text[s:e], s)
        return self.registry.resolve_role(text[s:e], s)

    def _naming(self, c_start: int, c_end: int) -> Event | None:
        """ "X called the budget “…”", "what he called “…”": the subject of a naming verb credits the quote after
        its object. Not a naming: "a group called “…”", "is called “…”" (participles and passives)."""
        text = self.text
        before = text[max(0, c_start - 30) : c_start].split()
        if before and before[-1].lower() in _PASSIVE:
            return None
        if text[c_start:c_end].endswith("ing") and _PARTICIPLE_AFTER.search(text, max(0, c_start - 12), c_start):
            # "Vern Sparkes was one of them, upset …, calling it a “global takeover.”"
            part = self._participle((c_start, c_end))
            if part is None or not part.speaker:
                return None
            return replace(part, inverted=False, kind="naming")
        ev = self._event_at((c_start, c_end), text[c_start:c_end].lower())
        if ev is None or not ev.speaker or ev.inverted:
            return None
        object_ = text[c_end : self.next_open(c_end)].strip()
        if not object_ and not (before and before[-1].lower() in {"what", "which"}) and ev.kind != "pronoun":
            return None
        if ev.kind == "description" and text[ev.mention[0] : ev.mention[1]].split()[0].lower() in {"a", "an"}:  # type: ignore[index]
            return None
        return replace(ev, inverted=False, kind="naming")

    def _add_event(self, ev: Event) -> None:
        """Keep events in order of their cue (ties: in order found)."""
        i = bisect_right(self._event_starts, ev.cue[0])
        self._event_starts.insert(i, ev.cue[0])
        self.events.insert(i, ev)

    def _event_at(self, cue: tuple[int, int], word: str) -> Event | None:
        text = self.text
        start = self._clause_start(cue[0])
        pre = text[start : cue[0]]
        pre_clean = pre.strip(" ,;—–-\u00a0\n")
        if not pre_clean:
            # inverted: "…,” said Smith" / "said the minister"
            np = self._forward_np(text[cue[1] : cue[1] + 140], cue[1])
            if np is None:
                return None
            return self._make(cue, np, True, "")
        # subject at the clause start (after a quote or a short opening phrase): ", Smith, the economist, said",
        # "On Tuesday, Donald Tusk, the president of the European Council, which …, urged"
        offset = start + (len(pre) - len(pre.lstrip(" ,;—–-\u00a0\n")))
        intro = _INTRO.match(text, offset, cue[0])
        for at in (offset, intro.end()) if intro else (offset,):
            lead = self._forward_np(text[at : cue[0]], at, lead=True)
            if lead is None:
                continue
            between = text[lead[1] : cue[0]]
            if self._only_apposition(between):
                named = _APPOSED_NAME.match(between) if lead[2] == "description" else None
                if named is not None and not _not_name(named.group(1)) and not is_org_name(named.group(1)):
                    # "the agency's general manager, Celia Ondaatje, told": the name the description introduces
                    at_name = lead[1] + named.start(1)
                    return self._make(cue, (at_name, lead[1] + named.end(1), "name"), False, "")
                return self._make(cue, lead, False, "")
            modifier = _PP_MODIFIER.fullmatch(between) if lead[2] == "description" else None
            if modifier is not None:
                # "a narrator in the Clinton ad asks": the description with its modifier
                return self._make(cue, (lead[0], lead[1] + modifier.end(1), "description"), False, "")
            if (
                lead[2] != "description"
                and (_AFFILIATION.fullmatch(between) or _COORDINATED.fullmatch(between))
                and self._subjectlike(lead)
                and not all(head_noun(w) is not None for w in text[lead[0] : lead[1]].split())
            ):
                # "Lucía Ferrer of the Institute for Fiscal Studies said": the person, not the institute;
                # "Okafor welcomed the extension but said": the subject of both verbs
                return self._make(cue, lead, False, "")
        definite = _LEAD_DEFINITE.fullmatch(text, offset, cue[0])
        if definite is not None:
            inner = _SUBORDINATE.search(definite.group(1))
            if inner is not None:
                # "The secretary general's remarks came as the European Union announced": the subject of the
                # cue's own clause, never the clause before it
                at = definite.start(1) + inner.end()
                np = self._forward_np(text[at : cue[0]], at, lead=True)
                if np is not None and self._only_apposition(text[np[1] : cue[0]]):
                    return self._make(cue, np, False, "")
                return None
            if not words_of(definite.group(1)) & _CLAUSE_WORDS:
                return self._make(cue, (definite.start(1), definite.end(1), "description"), False, "")
        bare = _BARE_PLURAL.fullmatch(text, offset, cue[0])
        bare_words = bare.group(1).lower().split() if bare is not None else []
        if bare is not None and bare_words[0] not in NOT_NAMES and bare_words[-1] not in NOT_NAMES:
            # "Shipping companies have warned"; not "As yellow vest speakers expressed", nor a surname ending in
            # s ("Thomas marching with them said")
            head = bare.group(1).split()[0]
            known = self.registry.resolve_name(head, bare.start(1)) if head[:1].isupper() else None
            if known is None or not (known.org or self.registry.personlike(known)):
                return self._make(cue, (bare.start(1), bare.end(1), "plural"), False, "description")
        # the patterns below end at the cue and span at most a name, an apposition and adverbs (under 300
        # characters): searching only the end of a long clause finds the same subject, faster
        if len(pre) > _BACK_REACH:
            start += len(pre) - _BACK_REACH
            pre = pre[-_BACK_REACH:]
        # "the director of operations for EHS, Jeff Fraser, says": the name set off just before the cue
        apposed = _APPOSED_NAME.search(pre)
        if apposed and not _not_name(apposed.group(1)) and not is_org_name(apposed.group(1)):
            return self._make(cue, (start + apposed.start(1), start + apposed.end(1), "name"), False, "")
        np = self._backward_np(pre, start)
        if np is None and re.search(r"\bwho\s+(?:(?:also|then|later|often|once)\s+)?$", pre):
            # "Nunes, the ferocious brawler who calls herself “The Lioness.”": the relative's antecedent
            cut = re.search(r",?\s*\bwho\s+(?:(?:also|then|later|often|once)\s+)?$", pre)
            if cut is not None:
                np = self._backward_np(pre[: cut.start()] + " ", start)
                named = _NAMED_ANTECEDENT.search(pre, 0, cut.start())
                if (np is None or np[2] == "description") and named is not None and not _not_name(named.group(1)):
                    # "Maya Torres, the sprinter who calls herself …": the name the description is set off from
                    np = start + named.start(1), start + named.end(1), "name"
        if np is None and pre.rstrip().endswith(",") and word in _INVERTIBLE:
            # "…, asks Policy Options editor Jennifer Ditchburn, “…”": the subject after the cue
            fwd = self._forward_np(text[cue[1] : cue[1] + 140], cue[1])
            if fwd is not None and fwd[2] == "name":
                return self._make(cue, fwd, True, "")
        if np is None:
            return None
        return self._make(cue, np, False, "")

    @staticmethod
    def _only_apposition(between: str) -> bool:
        b = between.strip()
        if not b:
            return True
        if re.fullmatch(rf"(?:{_ADVERBS}\s*)+", b + " ") or re.fullmatch(r"(?:was|is|were|are) quoted as", b):
            return True
        return (
            b.startswith(",")
            and b.endswith((",", "--", "—", "–"))
            and "“" not in b
            and '"' not in b
            and "''" not in b
            and len(b) < 160
        )

    def _forward_np(self, after: str, base: int, lead: bool = False) -> tuple[int, int, str] | None:
        m = _FWD_PRON.match(after)
        if m:
            nxt = after[m.end(1) : m.end(1) + 1]
            if nxt in ((" ", ",") if lead else (",", ".", " ", "")):
                return base + m.start(1), base + m.end(1), "pronoun"
        if not lead:
            # "said the self-taught Cambridge resident, who …", "said the rookie defenceman": a description
            # (its capitalised words are modifiers), unless a name follows it ("the bank’s economist, Tom Reed")
            dd = _FWD_DEFINITE.match(after)
            if dd:
                named = _FWD_APPOSED.match(after, dd.end(1))
                if named is None:
                    return base + dd.start(1), base + dd.end(1), "description"
                if not _not_name(named.group(1)) and not is_org_name(named.group(1)):
                    # "according to its director, Mara Okafor": the name
                    return base + named.start(1), base + named.end(1), "name"
            ind = _FWD_INDEFINITE.match(after)
            named = _FWD_APPOSED.match(after, ind.end(1)) if ind else None
            if named is not None and not _not_name(named.group(1)) and not is_org_name(named.group(1)):
                # "asked one resident, Paul Grey", "said a neighbour, Ann Hart": the name set off after them
                return base + named.start(1), base + named.end(1), "name"
        nm = _FWD_NAME.match(after)
        if nm and not lead:
            phrase_end = re.search(
                r",|\.(?:\s|$)|;|\swho\s|\swhose\s|\sin\s|\sat\s|\son\s|\sduring\s", after[nm.end(1) :]
            )
            stop = nm.end(1) + (phrase_end.start() if phrase_end else len(after) - nm.end(1))
            for later in NAME_RE.finditer(after, nm.end(1), stop):
                between = after[nm.end(1) : later.start()]
                if (
                    re.fullmatch(r"(?:\s+[a-z][\w-]*){1,4}\s+", between)
                    and (not _PREPOSITIONS.intersection(between.split()) or parse_role(between) is not None)
                    and later.group(0).split()[0].lower() not in NOT_NAMES
                ):
                    # "said ChainSight head of research Ola Nwosu": the name after the owner's role
                    return base + later.start(), base + later.end(), "name"
            owned = _FWD_ORG_ROLE.match(after, nm.start(1))
            if owned is not None and parse_role(owned.group(1)) is not None and not _not_name(owned.group(2)):
                # "said Bank of Canada governor Tiff Macklem": the name after the organisation's role
                return base + owned.start(2), base + owned.end(2), "name"
            linked = _FWD_LINKED.match(after, nm.end(1))
            if linked is not None:
                # "urged Bank of England Governor Andrew Bailey": the organisation's complement runs on into a
                # capitalised title and the name after it
                toks = list(_NONSPACE.finditer(linked.group(1)))
                cut = split_title([t.group(0) for t in toks])
                if cut and not _not_name(name := linked.group(1)[toks[cut].start() :]):
                    return base + linked.start(1) + toks[cut].start(), base + linked.end(1), "name"
            possessive = after[nm.end(1) - 2 : nm.end(1)] in ("’s", "'s")
            pm = _POSSESSIVE_APPOSITION.match(after, nm.end(1) - 2) if possessive else None
            if pm is not None:
                return base + pm.start(1), base + pm.end(1), "name"
        if nm and lead and nm.start(1) == len(after) - len(after.lstrip()):
            role = _OWNED_ROLE.match(after, nm.end(1))
            if (
                role is not None
                and len(role.group(2).split()) >= 2
                and not _not_name(role.group(2))
                and all(occupation(w, loose=True) for w in role.group(1).split())
            ):
                # "Harvard economist Jason Furman was blunt:", "Nobel laureate Joseph Stiglitz wrote": the person
                # after their organisation's (or honour's) role words heads the clause
                return base + role.start(2), base + role.end(2), "name"
        if nm and (not lead or nm.start(1) == len(after) - len(after.lstrip())):
            name = nm.group(1)
            skipped = after[: nm.start(1)].strip()
            first, _, rest = name.partition(" ")
            if lead and rest and first.lower() in _WORD_NAMES and rest[:1].isupper():
                # "Will Young, a locomotive mechanic, said": a first name that is also a common word
                return base + nm.end(1) - len(rest), base + nm.end(1), "name"
            if (
                not _not_name(name)
                and not re.search(r"\b(that|if|whether)\b", skipped)
                and len(skipped.split()) <= 6
                # a name after a preposition is its object, not the subject: "said one trader in Amsterdam, who …"
                and not (skipped and skipped.split()[-1] in _OBJECT_PREPOSITIONS and not lead)
            ):
                return base + nm.start(1), base + nm.end(1), "name"
        if lead:
            org = _LEAD_ORG.match(after)
            if org is not None and (is_org_name(org.group(1)) or _org_head(org.group(1).split(" of ")[0])):
                # "the Roman Catholic Diocese of Covington condemned … and promised": the organisation
                return base + org.start(1), base + org.end(1), "name"
        dm = _FWD_DESC.match(after)
        if dm:
            desc = dm.group(1)
            words = words_of(desc)
            if lead and (words & _CLAUSE_WORDS or desc.split()[-1].lower() in _DANGLING):
                return None  # a clause, not a noun phrase
            # at the head of its clause, right before the cue, any description is the subject ("a citizen,
            # whose name is redacted, wrote"); elsewhere it needs a role or organisation noun
            if words & (ROLE_NOUNS | ORG_NOUNS) or (lead and dm.start(1) == len(after) - len(after.lstrip())):
                return base + dm.start(1), base + dm.end(1), "description"
        return None

    def _backward_np(self, pre: str, base: int) -> tuple[int, int, str] | None:
        m = _BACK_PRON.search(pre)
        if m:
            return base + m.start(1), base + m.end(1), "pronoun"
        am = _BACK_AFFILIATED.search(pre)
        if (
            am
            and " " in am.group(1).strip()
            and not is_org_name(am.group(1))
            and am.group(1).split()[0].lower() not in NOT_NAMES
        ):
            return base + am.start(1), base + am.end(1), "name"
        nm = _BACK_NAME.search(pre)
        if nm:
            start = nm.start(1)
            lead = re.match(r"(?:(?:The|A|An|But|And|So|Then|Now|Still)\s+)+", pre[start : nm.end(1)])
            if lead and lead.end() < nm.end(1) - start:
                start += lead.end()
            if not _not_name(pre[start : nm.end(1)]):
                return base + start, base + nm.end(1), "name"
            # "Toronto MP Rita Vance": a place and a title before the name
            run = pre[start : nm.end(1)]
            for cut in (m.end() for m in re.finditer(r"\S+\s+", run)):
                head = run[:cut].split()
                if not all(w.lower().strip(".") in NOT_NAMES or head_noun(w) is not None for w in head):
                    break
                rest = run[cut:]
                if (
                    rest
                    and not _not_name(rest)
                    and head_noun(rest.split()[0]) is None
                    and not is_org_name(rest)
                    and (head_noun(head[-1]) is not None or head[-1].lower() in {"although", "though", "while"})
                    and head[-1].lower().strip(".") not in {"the", "canadian", "american", "u.s"}
                ):
                    return base + start + cut, base + nm.end(1), "name"
        dm = _BACK_DESC.search(pre)
        if dm and not words_of(dm.group(1)) & _CLAUSE_WORDS and dm.group(1).split()[-1].lower() not in _DANGLING:
            desc = dm.group(1)
            words = words_of(desc)
            if words & (ROLE_NOUNS | ORG_NOUNS) or _doc_words(desc):
                # "a service the health secretary": the phrase of the last determiner (not "one veteran of the
                # government projects")
                inner_det = list(re.finditer(r"(?<=\s)(?<!\bof\s)(?<!\bfor\s)(?:the|a|an|his|her|their|its)\s", desc))
                if inner_det:
                    tail = desc[inner_det[-1].start() :]
                    tail_words = words_of(tail)
                    if tail_words & (ROLE_NOUNS | ORG_NOUNS) or _doc_words(tail):
                        return base + dm.start(1) + inner_det[-1].start(), base + dm.end(1), "description"
                return base + dm.start(1), base + dm.end(1), "description"
            inner = list(NAME_RE.finditer(desc))
            if inner and inner[-1].end() == len(desc):
                last = inner[-1]
                return base + dm.start(1) + last.start(), base + dm.start(1) + last.end(), "name"
            if inner and desc[:1] in "Tt" and desc[:4].lower() == "the ":
                # "The Billy on the Street star said": a description whose names are modifiers
                return base + dm.start(1), base + dm.end(1), "description"
            if (
                not pre[: dm.start(1)].strip()
                and desc.split()[0].lower() in _INDEFINITE
                and NAME_RE.search(pre, dm.end(1)) is None
            ):
                # "Another listener texted:", "One caller said": an unnamed someone heading the clause
                return base + dm.start(1), base + dm.end(1), "description"
        pm = _BACK_PLURAL.search(pre)
        if pm and _group(pm.group(1)):
            return base + pm.start(1), base + pm.end(1), "description"
        tail = pre[-130:]
        joined = " and " in tail or " but " in tail or " then " in tail
        cm = _BACK_COORDINATED.search(pre, max(0, len(pre) - 130)) if joined else None
        if cm is not None:
            np = base + cm.start(1), base + cm.end(1), "pronoun" if cm.group(2) else "name"
            if self._subjectlike(np):
                return np  # "…, I laughed and said": the subject of both verbs
        return None

    def _subjectlike(self, np: tuple[int, int, str]) -> bool:
        """Whether a name or pronoun found away from its cue can be its subject: a pronoun, or a name that
        looks like a person's or an organisation's ("Once in my early 20s, …" is no name)."""
        if np[2] != "name":
            return np[2] == "pronoun"
        found = self.registry.resolve_name(self.text[np[0] : np[1]], np[0])
        return found is not None and (found.org or self.registry.personlike(found))

    def _make(self, cue: tuple[int, int], np: tuple[int, int, str], inverted: bool, kind: str) -> Event:
        s, e, what = np
        mention = self.text[s:e]
        if what == "description":
            named = _OWNED_NAME.search(mention)
            if (
                named is not None
                and not _not_name(named.group(3))
                and (named.group("owner") or not is_org_name(named.group(3)))
            ):
                # "the union's general secretary Maria Ruiz", "the Port of Tacoma's Maria Ruiz", "The state's
                # Division of Charitable Trusts": the name it ends with
                s, what = s + named.start(3), "name"
                mention = self.text[s:e]
        person: Entity | None = None
        speaker: str | None = None
        if what == "name":
            person = self.registry.resolve_name(mention, s)
            if person is None and head_noun(mention.rsplit(maxsplit=1)[-1]) is not None:
                # a capitalised title without a name ("the Cabinet Secretary said"): a role, not a name
                person = self.registry.resolve_role(mention, s)
                if person is None:
                    return Event(cue, (s, e), mention, inverted, None, kind or "description")
            speaker = person.name if person is not None else mention
            if person is not None:
                person.spoke = True
            return Event(cue, (s, e), speaker, inverted, person, kind or what, named=True)
        elif what == "plural":
            speaker = mention  # "Shipping companies": a group, as written
        elif what == "pronoun":
            person = self._pronoun(mention, s)
            speaker = person.name if person is not None else None
            if speaker is None and mention.lower() in {"they", "we", "it", "i", "he", "she", "one"}:
                speaker = mention
        else:
            words = words_of(mention)
            first = mention.split()[0].lower()
            if first in _POSSESSIVE_SUBJECT and (_doc_words(mention) or words & _UTTERANCES) and len(words) <= 4:
                # "her statement said", "his letter says": whoever "her" or "his" is
                person = self._pronoun(_POSSESSIVE_SUBJECT[first], s)
                if person is not None:
                    return Event(cue, (s, e), person.name, inverted, person, kind or what)
            owned = _UTTERANCE_OWNER.fullmatch(mention)
            if owned is not None:
                # "the statement from Acme Holdings", "the Hartwell Trust's statement": its author's words
                at = owned.start(1) if owned.group(1) else owned.start(2)
                author = self.registry.resolve_name(owned.group(1) or owned.group(2), s + at)
                if author is not None and not author.place and not author.group:
                    return Event(cue, (s, e), author.name, inverted, author, kind or what)
            if first == "the" and len(words) == 2 and words & UTTERANCE_NOUNS:
                # "X said in a statement that … “…,” the statement said": the statement of whoever spoke last
                last = self._last_event(max(0, s - 800), s)
                if last is not None and last.person is not None and not last.person.group:
                    return Event(cue, (s, e), last.person.name, inverted, last.person, kind or what)
            named_org = _NAMED_ORG.fullmatch(mention)
            if named_org is not None and bare(named_org.group(2)) in ORG_NOUNS | ORG_ROLES:
                # "The Usdaw union said", "the Hartwell board": the name is the organisation's
                body = self.registry.resolve_name(named_org.group(1), s + named_org.start(1))
                if body is not None and not self.registry.personlike(body) and not body.place:
                    body.org = True
                    return Event(cue, (s, e), body.name, inverted, body, kind or what)
            voice = self._voice_of(mention, s)
            if voice is not None:
                # "a spokesperson for the operator", "A council spokesperson": the organisation speaks
                return Event(cue, (s, e), voice.name, inverted, voice, kind or what)
            if first in {"a", "an", "another", "one", "two", "three", "several", "some", "many"} or (
                _doc_words(mention) and not words & (ROLE_NOUNS | ORG_NOUNS)
            ):
                speaker = mention  # "a spokesperson", "one viewer", "the figures": nobody in particular
            else:
                person = self.registry.resolve_role(mention, s)
                if person is None and not (words & ORG_NOUNS):
                    names = list(NAME_RE.finditer(mention))
                    if names and names[-1].group(0).endswith(("’s", "'s")) and names[-1].end() < len(mention):
                        names = []  # "Roe's lawyer", "Okafor's daughter": somebody else, known by whose they are
                    if names and names[-1].group(0).split()[0].lower() not in NOT_NAMES:
                        person = self.registry.resolve_name(names[-1].group(0), s)
                        if person is not None and person.first > e:
                            # "The Republican presidential nominee" is not a later "Kent County Republican"
                            person = None
                        if person is not None and not self.registry.personlike(person) and first == "the":
                            person = None  # "the Kentucky Republican", "the Cambridge resident": a modifier
                    if person is None and first in {"the", "his", "her", "their"} and not words & ROLE_NOUNS:
                        person = self.registry.nearest_person(s, subject_only=True) or self.registry.nearest_person(s)
                    elif person is None and first == "the" and _epithet(mention, self.text[:s]):
                        # "the affable proprietor", "the lanky, bespectacled professor": a role nobody was given,
                        # said of the person just written about just then
                        person = self.registry.nearest_person(s, max_back=1500, subject_only=True)
                speaker = person.name if person is not None else mention
        return Event(cue, (s, e), speaker, inverted, person, kind or what)

    def _voice_of(self, description: str, pos: int) -> Entity | None:
        """The organisation an unnamed spokesperson speaks for ("a spokesperson for the operator", "A council
        spokesperson", "the ministry's spokeswoman"), when the description names it; else ``None`` (whose
        spokesperson "a spokesman said" is, the text does not say)."""
        role = parse_role(description)
        if role is None or role.head not in _VOICES:
            if bare(description.rsplit(maxsplit=1)[-1]) not in _VOICES:
                return None
            role = Title(bare(description.rsplit(maxsplit=1)[-1]))  # "A University of Kelmar spokesperson"
        # "a DoT spokesperson", "A University of Kelmar spokesperson": the organisation's name in it
        for start, end in name_runs(description):
            found = self.registry.resolve_name(description[start:end], pos + start)
            if found is not None and (found.org or found.thing or orgs.bodylike(found)):
                return found
        for word in sorted(role.modifiers):
            found = self.registry.resolve_role(f"the {word}", pos)
            if found is not None and found.org:
                return found
        return None

    def _pronoun(self, word: str, pos: int) -> Entity | None:
        """The entity a pronoun at ``pos`` names (the sieve's last pass, :mod:`.sieve.pronouns`)."""
        gender = pronoun_gender(word)
        if gender is None:
            return None
        top = bisect_left(self._event_starts, pos)
        para = self._para_of(pos)
        lo = (self.paragraphs[max(0, para - 1)][0] if para >= 0 else 0) if gender else pos - 2500
        speakers: list[tuple[int, int, Entity]] = []
        for i in range(top - 1, -1, -1):
            ev = self.events[i]
            if ev.cue[0] < lo:
                break
            if ev.person is not None:
                speakers.append((ev.cue[0], max(ev.cue[1], ev.mention[1] if ev.mention else 0), ev.person))
        s_start, _ = self._sentence_of(pos)
        prev_start, _ = self._sentence_of(max(0, s_start - 2))
        topic: Entity | None = None
        k = bisect_right(self._sentence_starts, s_start) - 2
        if gender and k >= 0 and self._topic_sentence(*self.sentences[k]):
            # the sentence before (in this or the previous paragraph): the last person heading a clause in it
            # ("When asked …, Mulder didn't hesitate.")
            lo, hi = self.sentences[k]
            topic = self.registry.last_head(lo, hi)
            if topic is not None and self.registry.only_capitalised_as_first_word(topic):
                topic = None  # "Demand has doubled, according to Lowe.": a sentence's first word, no name
            if topic is None and _LEAD_ROLE.match(self.text, lo, hi):
                # "The judge adjourned the trial …": a role heading the sentence
                held = self.subject_of(lo, hi)
                topic = held if held is not None and self.registry.personlike(held) else None
        return pronouns.resolve(
            word,
            gender,
            pos,
            speakers,
            self.registry.nearest_person,
            self.registry.personlike,
            prev_start,
            topic=topic,
            sentence_start=s_start,
        )

    def _heading(self, pos: int) -> bool:
        """Whether ``pos`` is in a heading: a short paragraph that does not end like a sentence."""
        para = self.paragraph_of(pos)
        return para is not None and heading_line(self.text[para[0] : para[1]])

    def _topic_sentence(self, start: int, end: int) -> bool:
        """Whether a sentence is the writer's own, about someone: no quotation and no attribution in it."""
        if end <= start or self.in_quote(start) or self.next_open(start) < end:
            return False
        i = bisect_left(self._event_starts, start)
        return not (i < len(self.events) and self.events[i].cue[0] < end)

    # --------------------------------------------------------------------- quotes
    def credit(self) -> list[tuple[Quoted, Event | None]]:
        out: list[tuple[Quoted, Event | None]] = []
        previous: tuple[Quoted, Event | None] | None = None
        for q in self.quotes:
            ev = self._event_for(q, previous)
            out.append((q, ev))
            previous = (q, ev)
        return out

    def _para_of(self, pos: int) -> int:
        i = bisect_right(self._para_starts, pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i][1] else -1

    def _event_for(self, q: Quoted, previous: tuple[Quoted, Event | None] | None) -> Event | None:
        model = ranker.weights()
        best: Event | None = None
        best_score = float("-inf")
        for ev, feats in self.candidates(q, previous):
            value = ranker.score(feats, model)
            if value > best_score:
                best, best_score = ev, value
        return best

    def candidates(
        self, q: Quoted, previous: tuple[Quoted, Event | None] | None
    ) -> list[tuple[Event | None, list[str]]]:
        """The candidate speakers of a quotation with their features (:mod:`.ranker`); ``None`` is "nobody"."""
        text = self.text
        a, b = q.outer
        s_start, _ = self._sentence_of(a)
        _, s_end = self._sentence_of(max(a, b - 1))
        content = text[q.start : q.end].rstrip()
        ends_sentence = content.endswith((".", "…", "?", "!")) and not content.endswith("..")
        para = self._para_of(a)
        p_start = self.paragraphs[para][0] if para >= 0 else s_start
        lead = text[max(s_start, self.last_end(a)) : a].strip()
        situation = ranker.Situation(
            closed=ends_sentence and not self._lower_start(b),
            opens=not text[p_start:a].strip(),
            embedded=bool(lead) and not lead.endswith((":", "—", "–", ",")),
        )
        window = self.paragraphs[max(0, para - 2)][0] if para >= 0 else max(0, a - 1500)
        out: list[tuple[Event | None, list[str]]] = [(None, ranker.null_features(situation))]
        floor = previous[1] if previous is not None else None
        k = bisect_right(self._sentence_starts, s_start) - 1
        ranks: dict[str, int] = {}
        picked: list[tuple[Event, ranker.Place]] = []
        for ev in self.events[bisect_left(self._event_starts, b) : bisect_left(self._event_starts, s_end)]:
            if ev.speaker:
                picked.append((ev, self._place("after", ranks, b, ev.cue[0])))
        before = self.events[bisect_left(self._event_starts, window) : bisect_left(self._event_starts, a)]
        for ev in reversed(before):
            if not ev.speaker:
                continue
            c = ev.cue[0]
            if c >= s_start:
                where = "before"
            else:
                ep = self._para_of(c)
                if ep == para:
                    j = bisect_right(self._sentence_starts, c) - 1
                    where = "prev" if j == k - 1 else "earlier"
                else:
                    where = "para1" if ep == para - 1 else "para2"
            picked.append((ev, self._place(where, ranks, ev.cue[1], a)))
        dash = _DASH_CREDIT.match(text, b)
        signed: Event | None = None
        if dash is not None and not _not_name(dash.group(1)):
            signed = self._make((dash.start(), dash.start() + 1), (dash.start(1), dash.end(1), "name"), True, "dash")
            picked.append((signed, ranker.Place("dash", 0, 0, 0)))
        lo = max(s_start, self.last_end(a))
        colon = self._colon_event(lo, a)
        if colon is not None:
            picked.append((colon, ranker.Place("colon", 0, 0, a - colon.cue[1])))
        topic = self._topic_before(a)
        if topic is not None:
            picked.append((topic, ranker.Place("topic", 0, 0, 0)))
        if floor is not None and not any(ev is floor for ev, _ in picked):
            picked.append((floor, ranker.Place("floor", 0, 0, a - floor.cue[1])))
        rule = self._cascade(q, previous, signed, colon, topic)
        if rule is not None and not any(ev is rule for ev, _ in picked):
            picked.append((rule, ranker.Place("para2", 0, 0, a - rule.cue[1])))  # a floating quote's last speaker
        classes = [self._cue_class(ev, a) for ev, _ in picked]
        first_after = next((c for (_, p), c in zip(picked, classes, strict=True) if p.where == "after"), "none")
        last_before = next((c for (_, p), c in zip(picked, classes, strict=True) if p.where == "before"), "none")
        for (ev, place), cue_class in zip(picked, classes, strict=True):
            person = ev.person
            rival = first_after if place.where != "after" else last_before
            out.append(
                (
                    ev,
                    ranker.features(
                        place,
                        situation,
                        ev.kind or "plain",
                        ev.inverted,
                        self._mention_type(ev),
                        self._resolution(ev),
                        cue_class,
                        rival,
                        floor is not None and ev is floor,
                        floor is not None and person is not None and floor.person is person,
                        ev is rule,
                    ),
                )
            )
        if rule is None:
            out[0][1].append("rule")
        return out

    def _cascade(
        self,
        q: Quoted,
        previous: tuple[Quoted, Event | None] | None,
        dash: Event | None,
        colon: Event | None,
        topic: Event | None,
    ) -> Event | None:
        """The pick of the hand-ordered attribution rules (a feature of the candidates): a dash signature; the
        cue after the quote in its sentence, unless the quote closes the sentence or a participle, a stance verb
        or a naming verb before its object says otherwise; the cue before it; a colon introduction; the writer's
        topic; the previous quote's speaker (this or the previous paragraph); the last speaker of the four
        paragraphs before."""
        a, b = q.outer
        if dash is not None:
            return dash
        s_start, _ = self._sentence_of(a)
        _, s_end = self._sentence_of(max(a, b - 1))
        nxt = self.next_open(b)
        content = self.text[q.start : q.end].rstrip()
        ends_sentence = content.endswith((".", "…")) and not content.endswith("..")
        after = self._first_event(b, min(s_end, nxt))
        if after is None and nxt < s_end and not ends_sentence:
            # "“A” offers “B” with its allies, Zelenskyy said.": the sentence's cue credits every quote in it
            after = self._first_event(b, s_end)
        before = self._last_event(max(s_start, self.last_end(a)), a)
        if before is not None and after is not None:
            if after.kind == "participle" or self.text[after.cue[0] : after.cue[1]].lower() in STANCE_WORDS:
                return before  # "X said … “credible,” while warning …"; a stance verb takes the quote after it
            if before.kind == "naming" and self._naming_object(before, a):
                return before  # "Rempel called the minister a “chicken” …, Scheer insists": the naming verb's
        if after is not None and (not ends_sentence or self._lower_start(b)):
            return after
        if before is not None:
            return before
        if colon is not None:
            return colon
        if topic is not None:
            return topic  # "Durning did not need much coaxing. “I'm thankful …”": the person just written about
        para = self._para_of(a)
        if previous is not None and previous[1] is not None and self._para_of(previous[0].open) in (para, para - 1):
            return previous[1]
        # floating quote: the last speaker of this or the four previous paragraphs
        return self._last_event(self.paragraphs[max(0, para - 4)][0] if para >= 0 else 0, a)

    def _cue_class(self, ev: Event, quote_open: int) -> str:
        """What kind of cue an event has: a stance verb, a naming verb right before its object's quote (or not),
        a participle continuing an earlier statement, an ordinary speech verb."""
        if self.text[ev.cue[0] : ev.cue[1]].lower() in STANCE_WORDS:
            return "stance"
        if ev.kind == "naming":
            return "naming+object" if ev.cue[1] <= quote_open and self._naming_object(ev, quote_open) else "naming"
        return "participle" if ev.kind == "participle" else "speech"

    def _place(self, where: str, ranks: dict[str, int], lo: int, hi: int) -> ranker.Place:
        """A candidate's place; ``ranks`` counts the candidates already placed there (closer ones first)."""
        rank = ranks.get(where, 0)
        ranks[where] = rank + 1
        return ranker.Place(where, rank, bisect_left(self._opens, hi) - bisect_left(self._opens, lo), max(0, hi - lo))

    def _mention_type(self, ev: Event) -> str:
        if ev.mention is None:
            return "none"
        written = self.text[ev.mention[0] : ev.mention[1]]
        first = written.split()[0].lower() if written.split() else ""
        if ev.kind == "pronoun" or first in {"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"}:
            return "pronoun"
        if written[:1].islower() or first in {"the", "a", "an", "one", "another"}:
            return "description"
        if ev.kind == "document":
            return "document"
        if ev.person is not None and (ev.person.org or ev.person.thing):
            return "org"
        return "full" if len(written.split()) >= 2 else "single"

    def _resolution(self, ev: Event) -> str:
        person = ev.person
        if person is None:
            return "named" if ev.named else "none"
        if person.group:
            return "group"
        if person.org or person.thing:
            return "org"
        return "person" if self.registry.personlike(person) else "other"

    def _topic_before(self, quote_open: int) -> Event | None:
        """The person heading a clause of the sentence right before a quote (in its paragraph, or ending the
        paragraph before when the quote opens its own), when that sentence is the writer's own (no quotation,
        no cue)."""
        k = bisect_right(self._sentence_starts, quote_open) - 2
        para = self.paragraph_of(quote_open)
        if k < 0 or para is None or not self._topic_sentence(*self.sentences[k]):
            return None
        opens_paragraph = not self.text[para[0] : quote_open].strip()
        if self.sentences[k][0] < para[0] and not opens_paragraph:
            return None
        if not opens_paragraph and self.text[self.sentences[k][1] : quote_open].strip():
            return None  # the quote does not open its sentence
        lo, hi = self.sentences[k]
        ent = self.registry.last_head(lo, hi)
        lead = _LEAD_PRONOUN.match(self.text, lo, hi)
        if ent is None and lead is not None:
            # "Her message now is simple: … “You don't know …”": whoever the pronoun heading the sentence is
            word = lead.group(1).lower()
            ent = self._pronoun(_POSSESSIVE_SUBJECT.get(word, word), lo)
        if ent is None or not self.registry.personlike(ent):
            return None
        return Event((quote_open, quote_open), None, ent.name, False, ent, "topic")

    def _naming_object(self, ev: Event, quote_open: int) -> bool:
        """Whether only the naming verb's object stands between its cue and the quote (no other cue, no clause
        break)."""
        between = self.text[ev.cue[1] : quote_open]
        return len(between) <= 80 and not re.search(r"[.;:!?—–]", between)

    def _colon_event(self, lo: int, hi: int) -> Event | None:
        """A colon introduction without a cue verb: "Musk again took to Twitter with this: “…”" credits the
        sentence's subject (a name or pronoun at its start)."""
        head = self.text[lo:hi].rstrip()
        if not head.endswith(":"):
            # the quote stands inside the clause a colon introduces: "Ruiz was blunt: the closure “breaks my heart.”"
            k = head.rfind(":")
            if k <= 0 or len(head) - k > 120 or head[k - 1].isdigit() or re.search(r"[;!?]", head[k:]):
                return None
            if self._heading(lo) or not re.search(r"\s[a-z]{3,}\b", head[:k]):
                return None  # a headline or a label ("Correction: …"), no sentence introducing a quote
            hi = lo + k + 1
            head = self.text[lo:hi]
        if len(head) > 200 or _LABEL_LINE.match(head):
            return None
        start = lo + len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip())
        intro = _INTRO.match(self.text, start, hi)
        heads = [start, intro.end()] if intro else [start]
        # the last clause is the one introducing the quote: "Governance was lax when Musk took to Twitter with this:"
        heads += [m.end() for m in _CLAUSE_HEAD.finditer(self.text, start, lo + len(head))]
        for at in reversed(heads):
            np = self._forward_np(self.text[at : lo + len(head)], at, lead=True)
            if np is not None:
                colon = lo + len(head) - 1
                ev = self._make((colon, colon + 1), np, False, "colon")
                return ev if ev.speaker else None
        return None

    def _first_event(self, lo: int, hi: int) -> Event | None:
        """The first event with a speaker whose cue starts in ``[lo, hi)``."""
        for i in range(bisect_left(self._event_starts, lo), len(self.events)):
            ev = self.events[i]
            if ev.cue[0] >= hi:
                break
            if ev.speaker:
                return ev
        return None

    def _last_event(self, lo: int, hi: int) -> Event | None:
        """The last event with a speaker whose cue starts in ``[lo, hi)``."""
        for i in range(bisect_left(self._event_starts, hi) - 1, -1, -1):
            ev = self.events[i]
            if ev.cue[0] < lo:
                break
            if ev.speaker:
                return ev
        return None

    def _lower_start(self, pos: int) -> bool:
        rest = self.text[pos : pos + 40].lstrip(" ,—–-\u00a0")
        return bool(rest) and (rest[0].islower() or rest[0] == ",")
