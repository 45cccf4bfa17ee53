"""A grammar of titles: what a title before a name, or a role description, is made of.

    title       := [owner] modifier* head ["of" complement]
    owner       := place | organisation | possessive ("NATO", "European Commission", "St. Charles County",
                   "the bank's")
    modifier    := any word before the head ("Finance", "Prosecuting", "Ukrainian", "lanky")
    head        := [rank] role-noun | role-noun "general" | abbreviation
                   ("President", "Prime Minister", "Secretary General", "chief executive", "Cllr", "Supt.")

Only the head needs a lexicon (role nouns, :mod:`.lexicon`); owners and modifiers are whatever stands before
it, so "<County> Sheriff Jane Roe" and "Harbour Authority chief executive Sandra Liu" parse without a list of
counties or authorities. A :class:`Title` keeps the head's key ("secretary general") and the other words as
modifiers, which is what the role pass compares ("the Ukrainian leader" ↔ "Ukrainian President …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    FAMILY_OF,
    HONORIFICS,
    HYPERNYMS,
    NOT_NAMES,
    ORG_HEADS,
    RANK_WORDS,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    name_gender,
    singular,
    words,
)

_POSSESSIVE = re.compile(r"[’']s?$")
_DETERMINERS = words("the a an this that these those his her its their our my your one another")
_VOWELS = frozenset("aeiouy")
#: words that never stand in a name (a month may: "Prime Minister Theresa May")
_FUNCTION_WORDS = words(
    "the a an and or but of in on at for to from by with he she it they we i you this that who which"
)
#: words that end a role phrase's head: "director at the IFSD", "chief executive of the authority"
_PREPOSITIONS = words("of at for with in from on to by until since till before after during")
#: A post-positive "general" makes a compound head: "Secretary General", "Attorney General".
_GENERAL = "general"


@dataclass(frozen=True, slots=True)
class Title:
    """A title or role: its head key ("president", "secretary general") and the words around it."""

    head: str
    modifiers: frozenset[str] = frozenset()
    text: str = ""
    plural: bool = False

    def covers(self, other: Title) -> bool:
        """Whether a mention with this title can name the bearer of ``other`` (heads only: "the leader" covers
        a president, "the coach" a man introduced as the club's boss, "the detective" a detective inspector; "the
        minister" never covers a prime minister; see :meth:`fit`)."""
        return self.fit(other) > 0

    def fit(self, other: Title) -> int:
        """How closely this title's head names the bearer of ``other``: 3 the same head; 2 a wider noun or a
        compound title's first noun ("the leader" for a president, "the detective" for a Detective Inspector);
        1 a noun of the same family (:data:`.lexicon.FAMILIES`: "the director" for the head of an agency); 0
        not at all."""
        if self.head == other.head:
            return 3
        if not self.modifiers and self.head in other.modifiers and self.head in TITLE_HEADS:
            return 2
        if other.head in HYPERNYMS.get(self.head, ()) or self.head in HYPERNYMS.get(other.head, ()):
            return 2
        return 1 if other.head in FAMILY_OF.get(self.head, ()) else 0


@lru_cache(maxsize=8192)
def bare(word: str) -> str:
    """A word lower-cased without its possessive ending or edge punctuation ("NATO's" → "nato")."""
    low = word.strip("“”\"‘’'(),;:").lower()
    return _POSSESSIVE.sub("", low) if ("’" in low or "'" in low) else low


@lru_cache(maxsize=4096)
def abbreviation(token: str) -> str | None:
    """The title noun an abbreviated title stands for ("Cllr" → councillor, "Supt." → superintendent)."""
    low = token.lower()
    if low.endswith("."):
        return TITLE_ABBREVIATIONS.get(low[:-1]) or TITLE_ABBREVIATIONS.get(low)
    found = TITLE_ABBREVIATIONS.get(low)
    if found is not None and (not (set(low) & _VOWELS) or token.isupper()):
        return found  # "Cllr", "Cr", "Dr", "MMC": no full stop needed when the word cannot be read otherwise
    return None


@lru_cache(maxsize=4096)
def head_noun(token: str) -> str | None:
    """The role noun a title token is ("Minister" → minister, "Cllr" → councillor, "Councilmember" → member,
    "Co-author" → author, "Mum-of-three" → mum), else ``None``."""
    low = bare(token)
    if low in HONORIFICS and low not in ("dr", "dr.", "prof", "prof."):
        return None
    found = abbreviation(token) or (low if low in TITLE_HEADS else None)
    if found is None and "-" in low:
        parts = low.split("-")
        # "co-author", "vice-chair": the head is the last part; "mum-of-three": the first
        found = next((p for p in (parts[-1], parts[0]) if p in TITLE_HEADS), None)
    if found is None and len(low) > 7:
        # a prefixed head written as one word: "undersheriff", "headteacher", "subeditor"
        rests = (low[len(p) :] for p in _HEAD_PREFIXES if low.startswith(p))
        found = next((rest for rest in rests if rest in TITLE_HEADS), None)
    if found is None and len(low) > 7:
        # a compound written as one word: "councilmember", "spokesperson", "policeman" (a noun before the head:
        # "Abdirahman", "Chapman", "Shoemaker" are names)
        found = next((h for h in _COMPOUND_HEADS if low.endswith(h) and low[: -len(h)] in _COMPOUND_FIRSTS), None)
    return found


#: heads that end compounds written as one word ("councilmember", "congressman"), and the nouns before them
_COMPOUND_HEADS = ("member", "man", "woman", "person", "leader", "officer", "worker", "keeper", "maker", "owner")
_HEAD_PREFIXES = ("under", "head", "sub", "vice")
_COMPOUND_FIRSTS = words(
    "council congress chair spokes alder assembly police fire business committee anchor news sales camera select "
    "weather states board city county party team crafts trades country house shop store book peace law policy "
    "home land"
)


def head_key(words: list[str]) -> tuple[int, str]:
    """Where the head of a word sequence ending in a role noun starts, and its key: ``["nato", "secretary",
    "general"]`` → ``(1, "secretary general")``; ``["prime", "minister"]`` → ``(0, "prime minister")``."""
    last = len(words) - 1
    word = words[last]
    start = last
    if word == _GENERAL and last > 0 and words[last - 1] in ROLE_NOUNS:
        start = last - 1  # "secretary general", "attorney general"
    elif word in ("executive", "officer") and last > 0 and words[last - 1] == "chief":
        start = last - 1  # "chief executive"
    elif word == "officer" and last > 1 and words[last - 1] == "executive" and words[last - 2] == "chief":
        return last - 2, "chief executive"
    if start > 0 and words[start - 1] in RANK_WORDS:
        start -= 1  # "prime minister", "vice president", "deputy mayor"
    key = " ".join(words[start:]).replace("-", " ")
    return start, key


def make_title(words: list[str], text: str = "", *, any_head: bool = False) -> Title | None:
    """A :class:`Title` from lower-cased words whose last is a role noun (abbreviations expanded); with
    ``any_head``, whatever noun the last word is (a description written right before a full name: "shipping
    magnate Erik Solberg")."""
    if not words:
        return None
    expanded = [abbreviation(w) or TITLE_ABBREVIATIONS.get(w.rstrip(".")) or w for w in words]
    # abbreviations may expand to several words ("cfo" → chief financial officer)
    expanded = [x for w in expanded if w and w not in HONORIFICS for x in w.split()]
    if not expanded:
        return None
    last = singular(expanded[-1])
    plural = last != expanded[-1]
    if last not in ROLE_NOUNS and expanded[-1] not in ROLE_NOUNS and not any_head:
        return None
    if last in ROLE_NOUNS:
        expanded[-1] = last
    else:
        plural = False
    tokens = expanded
    start, key = head_key(tokens)
    mods = frozenset(w for w in tokens[:start] if w not in _DETERMINERS and w not in NOT_NAMES)
    return Title(head=key, modifiers=mods, text=text, plural=plural)


def split_title(tokens: list[str]) -> int:
    """How many leading tokens of a capitalised run are its title (see :func:`_split_title`)."""
    return _split_title(tuple(tokens))


@lru_cache(maxsize=4096)
def _split_title(tokens: tuple[str, ...]) -> int:
    """How many leading tokens of a capitalised run are its title: ``NATO Secretary General Mark Rutte`` → 3,
    ``Cllr Jane Roe`` → 1, ``Secretary of State Ann Lee`` → 3, ``General Motors`` → 0, ``Gayle King`` → 0.

    The title ends at the last title noun (or abbreviation, or honorific) that a personal name follows."""
    n = len(tokens)
    cut = 0
    for i in range(n - 1):
        tok = tokens[i]
        low = bare(tok)
        if i == 0 and n == 2 and name_gender(tok):
            continue  # a given name that is also a title: "Dean Pollard", "Major Smith" stays a name
        # an abbreviation before another title word or a name, with or without its full stop ("Det Insp Wilde")
        is_head = (
            head_noun(tok) is not None
            or low in HONORIFICS
            # "Det Insp Wilde"; not a capitalised particle that spells one ("Di María"; "DI Wilde" is a title)
            or (tok[:1].isupper() and low in TITLE_ABBREVIATIONS and (tok.isupper() or low not in PARTICLES))
        )
        if not is_head and tok.isupper() and 2 <= len(tok.rstrip(".")) <= 4 and i + 1 < n:
            # an upper-case title right before a name ("MMC Thabo Nkosi", "MP Rita Vance")
            is_head = abbreviation(tok) is not None
        if not is_head and i > 0 and low in _POSTPOSED and cut == i:
            is_head = True  # "Professor Emeritus Hans-Georg Müller", "Minister Designate Ana Lee"
        if not is_head:
            continue
        if low == _GENERAL and not tok.endswith(".") and not (i > 0 and bare(tokens[i - 1]) in ROLE_NOUNS):
            continue  # "General Motors", "General Electric"; not a rank without a full stop
        rest = list(tokens[i + 1 :])
        if _personal(rest):
            cut = i + 1
        elif len(rest) >= 3 and rest[0] in ("of", "for"):
            # "Secretary of State Antony Blinken", "MMC for Transport Thabo Nkosi": a complement, then the name
            # (from a given name the article's table knows, else the last two words)
            named = next((k for k in range(1, len(rest) - 1) if name_gender(rest[k])), len(rest) - 2)
            if named >= 1 and _personal(rest[named:]):
                cut = i + 1 + named
    return cut


#: particles of surnames, capitalised at a name's start ("Di María", "De Vries")
PARTICLES = frozenset({"di", "de", "da", "del", "du", "le", "la", "van", "von", "dos", "das", "der", "den"})
#: words that follow the title noun they qualify
_POSTPOSED = frozenset({"emeritus", "emerita", "designate", "elect"})
#: a generation written after a name ("Jr.", "Sr.", "III")
_GENERATION = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?,?|I{2,3}|IV")


def _personal(rest: list[str]) -> bool:
    """Whether tokens could be a person's name after a title (no organisation word, no further title)."""
    if not rest or len(rest) > 5 or all(_GENERATION.fullmatch(tok) for tok in rest):
        return False  # "Martin Luther King Jr.": a generation after a title noun makes the noun a surname
    for tok in rest:
        low = bare(tok)
        if low in ORG_HEADS or low in _FUNCTION_WORDS or head_noun(tok) is not None:
            return False
    return not (len(rest) == 1 and rest[0].isupper() and len(rest[0]) > 1)


#: an age written as a description ("the 54-year-old"), or given after a name (", 54,")
AGE = re.compile(r"(\d{1,3})-year-old")
_DESCRIPTION_WORD = re.compile(r"[a-z][a-z-]*|\d{1,3}-year-old")


def describe(phrase: str) -> Title | None:
    """What a description calls its bearer when its head need not be a role noun: "a Democrat from Montana" →
    democrat, "an epidemiologist at Johns Hopkins" → epidemiologist, "the 54-year-old" → 54-year-old. The head
    is the last word before any prepositional phrase; ``None`` for anything longer than a short noun phrase."""
    words = [bare(w) for w in phrase.split()]
    for k, w in enumerate(words):
        if w in _PREPOSITIONS and k > 0:
            words = words[:k]
            break
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not 1 <= len(words) <= 4 or not all(_DESCRIPTION_WORD.fullmatch(w) for w in words) or words[-1] in NOT_NAMES:
        return None
    if AGE.fullmatch(words[-1]):
        return Title(words[-1], text=phrase.strip())
    return make_title(words, phrase.strip(), any_head=True)


def parse_role(phrase: str) -> Title | None:
    """The title a description gives: "the EU commission president" → president {eu, commission};
    "NATO's secretary general" → secretary general {nato}; "the secretary general of NATO" → the same;
    "director at the IFSD" → director {ifsd}; "a spokesperson" → spokesperson. The head is the last word
    before any prepositional phrase; a phrase whose head is no role noun gives ``None`` ("says his son grew
    up in Houston")."""
    text = phrase.strip()
    words = [bare(w) for w in re.split(r"[\s,]+", text) if w.strip("“”\"‘’'(),;:")]
    complement: list[str] = []
    for k, w in enumerate(words):
        if w in _PREPOSITIONS and k > 0:
            complement = [x for x in words[k + 1 :] if x not in _DETERMINERS and x not in _PREPOSITIONS]
            words = words[:k]
            break
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    title = make_title(words, text)
    if title is not None and complement:
        title = Title(title.head, title.modifiers | frozenset(complement), text, title.plural)
    return title
