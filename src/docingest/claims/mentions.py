"""Mentions: every name an article writes, with its title, kind (person or organisation) and position.

A capitalised run ("NATO Secretary General Mark Rutte") is split by the title grammar (:mod:`.titles`) into a
title and a name; lower-case role words right before it ("Port Authority chief executive Sandra Liu") and
appositions after or before it ("Ana Ruiz, the finance minister," / "its director, Mara Okafor") give it
titles too. An organisation named inside a title ("European Commission President …") is a mention of its
own, so "the commission" can find it later. Names are never run over a line break or a sentence end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .cues import CUE_WORDS, by_first_character, trie
from .lexicon import (
    FEMALE_ROLES,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_ROLES,
    NAME_OPENERS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_ROLES,
    ROLE_NOUNS,
    name_gender,
    singular,
    words,
)
from .titles import AGE, Title, abbreviation, bare, describe, head_noun, make_title, parse_role, split_title

#: Abbreviations that keep their full stop inside a name ("Sen. Warren", "Acme Corp."); any other word's
#: full stop ends the name ("… at Medinah. He said" is not a name "Medinah. He").
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|St|Ste|Sen|Rep|Del|Gov|Gen|Col|Lt|Sgt|Capt|Cpl|Const|Insp|Det|Supt|Coun|Cllr|Cr|Rev|Hon|"
    "Atty|Adm|Maj|Cmdr|Cdr|Amb|Fr|Mt|Ft|Ald|Pfc|Spc|Brig"
)
#: Suffixes that end a name with their full stop ("Homefront Companions Inc.", "Martin Luther King Jr."): the
#: name stops there, whatever follows ("… Savanna Hides Ltd. Residents said" is not one name)
_SUFFIX = r"(?:Inc|Ltd|Co|Corp|Bros|Jr|Sr|Pty|Plc)\."
#: Capital letters, accented ones included ("Élodie", "Łukasz", "Šimon").
UPPER = "A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŐŘŚŠŤŮŰŹŻŽ"
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.|(?:[A-Z]\.)+|[{UPPER}][\w’'.&-]*\w(?:(?<=s)[’'](?=[^\S\n]+[{UPPER}]))?|[{UPPER}]|"
    rf"O’[A-Z]\w+|O'[A-Z]\w+|Mc[A-Z]\w+|Mac[A-Z]\w+)"
)
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|dos|das|du|la|le|bin|bint|ibn|al|el|di|ter|ten|zu|y|St\.)"
#: Arabic articles joined to the next name part by a hyphen: "Abdel Fattah el-Sisi", "Bashar al-Assad"
_JOINED = r"(?:(?:al|el|ul|ad|ar|as|ash|at|az|ud)-)"
#: the words after a name's first one, and its end
_NAME_REST = (
    rf"(?:(?:[^\S\n]+(?:&[^\S\n]+)?|-)(?:{_PARTICLE}[^\S\n]+)*{_JOINED}?(?!{_SUFFIX}){_TOKEN})*"
    rf"(?:[^\S\n]+{_SUFFIX})?(?![\w])"
)
#: A run of capitalised words.
NAME_RE = re.compile(rf"(?=[{UPPER}])(?<![\w’'-]){_TOKEN}{_NAME_REST}")


def _abbreviation_after_first_letter() -> str:
    """:data:`_ABBREVIATIONS` with their full stop, their first letter already read: checked once with a
    look-behind for the letters any of them opens with, then once per letter (in the list's order)."""
    by_first = by_first_character(_ABBREVIATIONS.split("|"))
    per_letter = "|".join(f"(?<={c})(?:{'|'.join(rest)})" for c, rest in by_first.items())
    return rf"(?<=[{''.join(by_first)}])(?:{per_letter})\."


#: :data:`NAME_RE` written to scan a whole text fast: it opens with the capital letter itself, so the regex engine
#: skips to capital letters (a pattern opening with a look-ahead or look-behind is tried at every character);
#: each way a first word can go on checks that letter with a look-behind (the same matches, in the same order;
#: the empty branch is a capital letter alone).
_NAME_SCAN = re.compile(
    rf"[{UPPER}](?<![\w’'-].)"
    rf"(?:{_abbreviation_after_first_letter()}|(?<=[A-Z])\.(?:[A-Z]\.)*|"
    rf"[\w’'.&-]*\w(?:(?<=s)[’'](?=[^\S\n]+[{UPPER}]))?||(?<=O)’[A-Z]\w+|(?<=O)'[A-Z]\w+|(?<=M)c[A-Z]\w+|"
    rf"(?<=M)ac[A-Z]\w+)"
    rf"{_NAME_REST}"
)
#: "Institute for Fiscal Studies", "Secretary of State Ann Lee": runs joined by "of"/"for"/"on"
_LINK = re.compile(r"[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?")
_POSSESSIVE = re.compile(r"[’']s?$")
_SELF_I = re.compile(r"I[’'](?:m|d|ve|ll)$")
#: Words after which a name is not a subject (objects of prepositions, "the FedEx Cup", "and Trump").
_NOT_SUBJECT_AFTER = words(
    "in at from to across near into throughout outside inside of the a an for on under via toward towards "
    "around between against with by about and or than like over onto upon within without beside besides"
)
#: Words after which a name opens a clause (and may be its subject).
_CLAUSE_OPENERS = words(
    "that when while because if although though where since so then but whom who until unless whether "
    "once now and said says told tells added adds asked wrote writes explained"
)
#: a given name, a one-word nickname in quotation marks, a surname ("Alexander “Sandy” Wise")
_NICKNAME = re.compile(rf"[“\"‘'](?<=[\w’'-][^\S\n][“\"‘'])([{UPPER}][\w’'.-]+)[”\"’'][^\S\n]+([{UPPER}][\w’'-]+)")
#: the given name before a nickname's opening mark
_GIVEN_BEFORE = re.compile(rf"(?<![\w’'-])[{UPPER}][\w’'-]+[^\S\n]$")
#: letters written after a person's name: honours, degrees, ranks at the bar ("KC", "OBE", "PhD"), not a
#: generation ("III") nor a company's legal form ("LLP", "AG")
_POST_NOMINAL = re.compile(
    r"(?!(?:II|III|IV|VI|VII|VIII|IX|XI|XII|LLP|LLC|PLC|LTD|INC|CO|AG|SA|NV|BV|AB|ASA|SE|LP|SPA|USA|UK)$)"
    r"(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?)"
)
_FUNCTION = words("of and for the in on at to a an")
#: Photo credits mark a caption line: "( THE CANADIAN PRESS FILE PHOTO )", "Tijana Martin / The Canadian Press"
_CAPTION = re.compile(
    r"\(\s*[^()]*\b(?:PHOTO|[Pp]hoto|Getty Images|Canadian Press|CANADIAN PRESS|Reuters|AP)\b[^()]*\)"
    r"|/\s*(?:The Canadian Press|THE CANADIAN PRESS|Getty Images|Reuters|AP|Postmedia)\b"
    r"|\([^()/\n]{2,40}/[^()\n]{2,40}\)\s*$"
    r"|\b(?:Photo|PHOTO)\s*(?::|by\b)"
)
#: Wire and photo labels that stand before a name on caption lines: never part of it.
_LEAD_JUNK = words("press images getty photo photos reuters ap afp file watch read more cp staff")
#: ", the finance minister," / ", chief executive of the authority," after a name
_APPOSITION_AFTER = re.compile(
    r",[^\S\n]+((?:(?:the|a|an|its|his|her|their)[^\S\n]+)?[^,.;“”\"\n]{2,120}?)(?=,|\.(?:\s|$)|;|[^\S\n]+(?:who|said|says)\b)"
)
#: an apposition opening with an organisation's possessive: "Lakeview Clinic's medical director"
_OWNED_ROLE = re.compile(r"(?:[A-Z][\w&.-]*[^\S\n]+){0,4}[A-Z][\w&.-]*[’']s[^\S\n]+[a-z]")
#: "its director, " / "the bank's chief economist, " / "NATO's secretary general, " right before a name
_APPOSITION_BEFORE = re.compile(
    r"(?:^|[\s(])((?:(?i:the|its|his|her|their|our)|[A-Z][\w.&-]*[’']s?)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}?[\w-]+),"
    r"[^\S\n]+$"
)
_STOPS = (".", ",", ":", ";", "!", "?", "—", "–")
#: verbs that give their subject a role, and the role nouns the text may later call them by
_VERB_ROLES: dict[str, tuple[str, ...]] = {
    "heads": ("head", "leader", "chief"), "leads": ("leader", "head"), "led": ("leader", "head"),
    "chairs": ("chair", "chairman", "chairwoman", "chairperson"), "runs": ("head", "boss", "manager", "owner"),
    "founded": ("founder",), "owns": ("owner",), "coaches": ("coach",), "manages": ("manager", "boss"),
    "directs": ("director",), "edits": ("editor",), "captains": ("captain",), "represents": ("representative",),
    "teaches": ("teacher",), "farms": ("farmer",), "trains": ("trainer", "coach"), "governs": ("governor",),
}  # fmt: skip
#: the same verbs in the past or perfect ("has run the bakery since 1990", "ran the mill", "has chaired")
_VERB_ROLES.update({
    past: _VERB_ROLES[present] for past, present in (
        ("headed", "heads"), ("chaired", "chairs"), ("ran", "runs"), ("run", "runs"), ("owned", "owns"),
        ("coached", "coaches"), ("managed", "manages"), ("directed", "directs"), ("edited", "edits"),
        ("captained", "captains"), ("represented", "represents"), ("taught", "teaches"), ("farmed", "farms"),
        ("trained", "trains"), ("governed", "governs"),
    )
})  # fmt: skip
_ROLE_VERB = re.compile(
    rf"(?:,[^\S\n]+who)?(?:[^\S\n]+(?:now|also|currently|still|has|had|have))?[^\S\n]+((?:co-)?{trie(sorted(_VERB_ROLES))})"
    r"[^\S\n]+((?:(?:the|a|an|its|his|her|their)[^\S\n]+)?[^,.;:“”\"\n]{1,60}?)(?=[,.;:]|[^\S\n]+(?:and|in|since|for)\b)"
)
#: a role given by a copula or a verb of office after a name: "Maria Ruiz is a retired nurse", "… has been the
#: club's treasurer since 2010", "… became mayor in 2019", "… was named chief executive", "… works as a paramedic"
_ROLE_PREDICATE = re.compile(
    r"(?:,[^\S\n]+who|,[^\S\n]+\d{1,3},)?[^\S\n]+(?:is|was|has[^\S\n]+been|had[^\S\n]+been|became|becomes|remains|remained|"
    r"(?:(?:has|had)[^\S\n]+)?(?:served|worked|trained|qualified)[^\S\n]+as|(?:serves|works|is[^\S\n]+working)[^\S\n]+as|"
    r"(?:was|has[^\S\n]+been|had[^\S\n]+been)[^\S\n]+(?:named|appointed|elected|hired[^\S\n]+as))"
    r"(?:[^\S\n]+one[^\S\n]+of(?:[^\S\n]+the)?)?"
    r"(?:[^\S\n]+(?:also|now|currently|still|once|formerly|previously))?"
    r"[^\S\n]+((?:(?:the|a|an|its|his|her|their)[^\S\n]+|[A-Z][\w.&-]*[’']s[^\S\n]+)?[^,.;:“”\"\n]{1,70}?)"
    r"(?=[,.;:]|[^\S\n]+(?:and|but|in|at|since|for|from|until|who|when|where|with|after|before|during)\b)"
)
#: what a role predicate can start with (a cheap test before the whole pattern)
_PREDICATE_START = re.compile(r"(?:, who |, \d| (?:is|was|has|had|bec|rem|ser|wor|tra|qua)\w*)")
#: an apposition between dashes or in brackets: "Maria Ruiz — a nurse for 30 years —", "Maria Ruiz (71)"
_APPOSITION_SET_OFF = re.compile(
    r"[^\S\n]*(?:[—–][^\S\n]*((?:the|a|an)[^\S\n]+[^—–\n]{1,80}?)[^\S\n]*[—–]|\(((?:the|a|an)[^\S\n]+[^()\n]{1,60}?|\d{1,3})\))"
)
#: a role before a copula and a name: "The club's captain is Maria Ruiz"
_ROLE_IS = re.compile(
    r"(?:^|[.!?”\"][^\S\n]+|\n)((?:The|the|[A-Z][\w.&-]*[’']s)[^\S\n]+[^,.;:“”\"\n]{1,60}?)[^\S\n]+(?:is|was)[^\S\n]+$"
)
#: an age right before a name: "71-year-old Maria Ruiz"
_AGE_BEFORE = re.compile(r"(?<![\w-])(\d{1,3}-year-old)[^\S\n]+$")
#: a fronted role before a name: "As head of the nurses' union, Maria Ruiz …"
_AS_ROLE = re.compile(r"(?:^|[.!?”\"][^\S\n]+|\n)As[^\S\n]+([^,.;:“”\"\n]{2,60}),[^\S\n]+$")
_NEWLINE = re.compile(r"\n")
_NONSPACE = re.compile(r"\S+")
#: abbreviations whose full stop is part of a name ("Homefront Companions Inc.", "Martin Luther King Jr.")
_SENTENCE_GOES_ON = re.compile(r"\s+[“\"‘'(]?[A-Z]|\s*$")
_KEEPS_STOP = re.compile(r"\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr|Pty|Plc|L\.?L\.?C)\.$")
#: a place-type noun ends what cannot be a person's name ("King Street", "Queen's Park")
_PLACE_WORDS = words(
    "states kingdom republic islands emirates "
    "street st. avenue ave road rd boulevard park square bridge river lake island county city valley hall "
    "mall plaza market centre center stadium arena airport station mountain bay beach coast harbour harbor"
)


@dataclass(eq=False, slots=True)
class Mention:
    """One written name: ``[start, end)`` is the name itself, without its title or possessive ending."""

    start: int
    end: int
    name: str
    kind: str  # "person", "org", "group", "place" or "unknown"
    titles: list[Title] = field(default_factory=list)
    gender: str = ""
    #: after a preposition or article, inside quotation marks, or on a heading or caption line
    objectlike: bool = False
    #: opens a clause (sentence start, after punctuation, a cue, a role or a conjunction)
    clause_head: bool = False
    #: on a heading or caption line (names who is pictured or what the section is, not who speaks)
    aside: bool = False
    #: organisation names written as modifiers of this one's title ("European Commission" in a title)
    owners: list[str] = field(default_factory=list)
    #: set by the sieve
    entity: object = None
    #: the words of the name
    tokens: list[str] = field(default_factory=list)
    #: other names of the same person written with this one (a nickname: "Alexander “Sandy” Wise" → "sandy")
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.tokens = self.name.split()


def name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the capitalised runs of ``text``; runs joined by "of"/"for" when the first ends with an
    organisation word or a title ("Institute for Fiscal Studies", "Secretary of State Ann Lee")."""
    runs = [m.span() for m in _NAME_SCAN.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        complement = False  # the name has an organisation's "of"/"for" complement so far
        while i + 1 < len(runs):
            nxt_start, nxt_end = runs[i + 1]
            if text.startswith((" of ", " for ", " on "), end):
                link = _LINK.match(text, end)
                last = bare(text[start:end].rsplit(maxsplit=1)[-1])
                # (a complement's own complement too: "Royal Society for the Protection of Birds")
                if (
                    link is None
                    or link.end() != nxt_start
                    or not (last in ORG_HEADS or last in ROLE_NOUNS or complement)
                ):
                    break
                complement = complement or last in ORG_HEADS
            elif text.startswith((" and ", " & "), end) and text.find(" ", end + 1) + 1 == nxt_start:
                # "Competition and Consumer Tribunal": one organisation's name when the second run ends it;
                # "Ministry of Works and Transport": a complement's second word
                last = bare(text[nxt_start:nxt_end].rsplit(maxsplit=1)[-1])
                one_word = " " not in text[nxt_start:nxt_end]
                if last not in ORG_HEADS and not (complement and one_word and not name_gender(last)):
                    break
            else:
                break
            i += 1
            end = runs[i][1]
        out.append((start, end))
        i += 1
    return out


#: upper-case abbreviations of places, not organisations
PLACE_ACRONYMS = words("US U.S. USA UK U.K. UAE")


@lru_cache(maxsize=4096)
def is_org_name(name: str) -> bool:
    """Whether a name is an organisation's: it has an organisation word ("Ministry", "Inc.") or an acronym
    ("NATO", "Burnaby RCMP", "BC Hydro"; not a title such as "CEO", nor "US")."""
    toks = name.split()
    if len(toks) > 1 and all(t.isupper() for t in toks) and not any(bare(t) in ORG_HEADS for t in toks):
        return False  # a place or a label in capitals ("NEW YORK —", "WASHINGTON"), not an acronym
    return "&" in toks or any(bare(t) in ORG_HEADS or _acronym(t) for t in toks)  # "Hartwell & Sons": a firm


def _acronym(token: str) -> bool:
    return (
        token.isupper()
        and len(token.rstrip(".")) > 1
        and token.replace(".", "").isalpha()
        and token not in PLACE_ACRONYMS
        and abbreviation(token) is None
    )


#: agent nouns: a lower-case word with one of these endings, right before a name, is an occupation
#: ("accountant Babatunji Farinloye", "drummer Anika Varga")
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|ent|ian)")
#: a lower-case word that may be a noun: letters only, not an -ed/-ing/-ly form
_NOUNLIKE = re.compile(r"[a-z][a-z-]{2,}(?<!ed)(?<!ing)(?<!ly)")
#: irregular past forms of verbs that take a person or team as object ("ten men held Kelderwick Rovers")
_IRREGULAR_PAST = words(
    "held beat met led won hit took made left saw sent paid kept sold brought thought found gave put let set "
    "caught fought taught struck threw drew chose shot bit hid fed bore swore tore wore spent lent lost"
)
_NOT_AGENTS = words("after over under other either whether rather together never ever however later former latter")


def occupation(word: str, loose: bool = False) -> bool:
    """Whether a lower-case word names a role or occupation ("minister", "accountant", "drummer"); ``loose``
    takes any noun-like word (not a verb form, not a function word), as before a full name ("shipping magnate
    Erik Solberg", "retiree Doug Purdy")."""
    low = bare(word)
    if low in ROLE_NOUNS or (_AGENT.fullmatch(low) is not None and low not in _NOT_AGENTS):
        return True
    return (
        loose
        and _NOUNLIKE.fullmatch(low) is not None
        and low not in NOT_NAMES
        and low not in CUE_WORDS
        and low not in _IRREGULAR_PAST
    )


_AGENT_STRICT = re.compile(r"[a-z]{3,}(?:er|or|ist)")


def _occupation_noun(word: str) -> bool:
    """Whether a capitalised word is surely an occupation: a role noun or a role bodies hold (the lexicon's: an
    agent noun's shape is no proof when capitalised, "Pieter", "Ardent")."""
    low = bare(word)
    return low in ROLE_NOUNS or low in ORG_ROLES


def _org_head_of(phrase: str) -> bool:
    """Whether a description's head noun (its last word before a preposition or relative pronoun) names an
    organisation ("the environmental group", "a company that makes tiles"); not a clause ("Kim, the high
    commission in Nigeria doesn't have an office")."""
    if _VERB_IN.search(phrase):
        return False
    head = re.split(r"\s(?:of|in|on|at|for|from|with|that|which|who|based)\s", f" {phrase} ", maxsplit=1)[0].split()
    return bool(head) and (bare(head[-1]) in ORG_NOUNS or bare(head[-1]) in ORG_ROLES)


#: a finite verb in what looked like an apposition: it is a clause
_VERB_IN = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|will|would|can|could|should|may|might|must|said|says)\b|n[’']t\b"
)


def _place(words: list[str]) -> bool:
    return _place_words(tuple(words))


@lru_cache(maxsize=4096)
def _place_words(words: tuple[str, ...]) -> bool:
    return any(bare(w) in _PLACE_WORDS for w in words)


def role_gender(title: Title) -> str:
    """The gender a role tells ("grandmother" → f), else ``""``."""
    head = title.head.rsplit(maxsplit=1)[-1]
    return "f" if head in FEMALE_ROLES else "m" if head in MALE_ROLES else ""


def _roles_before(text: str, start: int, full_name: bool = False) -> list[str]:
    """Role words right before a name ("chief executive Sandra Liu", "oil worker Mike Wipf") with the
    capitalised owner before them ("Port Authority chief executive Sandra Liu")."""
    words: list[str] = []
    # the words before the name, nearest first (a line break ends them)
    window = text[max(0, start - 80) : start]
    window = window[window.rfind("\n") + 1 :]
    if not window.endswith((" ", "\u00a0")):
        return words
    role_next = True  # the word right before the name, or before "and", must be a role noun
    for word in reversed(window.rsplit(None, 9)[-9:]):
        if len(words) >= 8:
            break
        low = word.lower()
        if low in {"and", "&"} and words and not role_next and not words[0][:1].isupper():
            # "founder and chief executive Sanne van der Loo": roles joined by "and"
            words.insert(0, "and")
            role_next = True
            continue
        if low in NOT_NAMES or low.endswith(_STOPS) or (role_next and not occupation(low, full_name or bool(words))):
            break  # the word right before the name must be a role noun (or, before a full name, a noun)
        upper = word[:1].isupper()
        if (upper and not words) or (not upper and words and words[0][:1].isupper()):
            break  # lower-case role words, then at most a capitalised owner before them
        words.insert(0, word)
        role_next = False
    return words[1:] if words and words[0] == "and" else words


_Shape = tuple[tuple[tuple[int, int], ...], int, int, int, "Title | None", int, str]


@lru_cache(maxsize=8192)
def _shape(raw: str) -> _Shape | None:
    """What a capitalised run is made of, whatever its place: word offsets, how many leading words are no
    names ("The", "But", wire labels), where a possessive owner ends (-1: none), how many words are its title
    (-1: it is a title alone), the title, how many title words name an owner, and an honorific's gender."""
    rel = tuple((m.start(), m.end()) for m in _NONSPACE.finditer(raw))
    words = [raw[x:y] for x, y in rel]
    k = 0
    while k < len(words) - 1 and (
        bare(words[k]).rstrip(".") in NOT_NAMES or (bare(words[k]) in _LEAD_JUNK and len(words) > 2)
    ):
        if bare(words[k]) in NAME_OPENERS and len(words) - k >= 3 and is_org_name(" ".join(words[k:])):
            break  # "First Lakeland Credit Union": the ordinal is the organisation's
        k += 1
    if k == len(words) - 1 and bare(words[k]).rstrip(".") in NOT_NAMES and not (k == 0 and _INITIALS.fullmatch(raw)):
        return None  # (initials are kept: the finder lets through only those that follow "the", "the WHO")
    words = words[k:]
    if not words or _SELF_I.match(words[0]):
        return None
    split = -1
    for i in range(len(words) - 2, -1, -1):
        if words[i].endswith(("’s", "'s", "s’", "s'")):
            if not any(bare(w) in ORG_HEADS for w in words[i + 1 :]):  # not "the Sheriff's Office"
                split = i
            break
    rest = words[split + 1 :]
    if all(head_noun(w) is not None or bare(w) in HONORIFICS for w in rest):
        return rel, k, split, -1, None, 0, ""
    if len(rest) > 1 and head_noun(rest[-1]) is not None and not name_gender(rest[0]) and split_title(rest) == 0:
        # a title whose owner or modifiers come first, with no name after it ("the Cabinet Secretary said", "the
        # Police Chief"): a title alone
        return rel, k, split, -1, None, 0, ""
    cut = split_title(rest)
    title_words = rest[:cut]
    title = make_title([bare(w) for w in title_words], " ".join(title_words)) if cut else None
    n_owner = len(_owner_words(title_words)) if cut else 0
    honorific = next((HONORIFICS[bare(w)] for w in reversed(title_words) if bare(w) in HONORIFICS), "")
    return rel, k, split, cut, title, n_owner, honorific


class MentionFinder:
    """Finds the mentions of one text (see the module doc)."""

    def __init__(self, text: str, inside: Callable[[int], bool]) -> None:
        self.text = text
        self.inside = inside
        self._kinds: dict[int, tuple[bool, bool]] = {}
        #: where the text's lines break
        self._breaks = [m.start() for m in _NEWLINE.finditer(text)]

    def find(self) -> list[Mention]:
        out: list[Mention] = []
        text = self.text
        for start, end in name_runs(text):
            word = text[start:end]
            if " " not in word and bare(word).rstrip(".") in NOT_NAMES and not _the_acronym(text, start, word):
                continue  # a capitalised word that is no name: "The", "But", "Monday"
            title_case, aside = self._line(start)
            if not title_case:
                out.extend(self._parse(start, end, aside))
        if "“" in text or '"' in text:
            out = self._nicknamed(out)
        for m in out:
            if not m.gender and m.kind != "org":
                m.gender = name_gender(m.tokens[0]) if len(m.tokens) > 1 else ""
                for t in m.titles:
                    m.gender = m.gender or role_gender(t)
        out.sort(key=lambda m: m.start)
        return out

    def _nicknamed(self, found: list[Mention]) -> list[Mention]:
        """A nickname in quotation marks between a given name and a surname ("Alexander “Sandy” Wise") makes
        one person's name of the three: "Alexander Wise", with "Sandy" as another name of theirs."""
        by_start = {m.start: m for m in found}
        by_end = {m.end: m for m in found}
        for nick in _NICKNAME.finditer(self.text):
            before = _GIVEN_BEFORE.search(self.text, max(0, nick.start() - 40), nick.start())
            if before is None:
                continue
            given, last = by_end.get(before.end() - 1), by_start.get(nick.start(2))
            if given is None or last is None or given.titles or len(given.tokens) > 1:
                continue
            full = Mention(
                start=given.start, end=last.end, name=f"{given.name} {last.name}", kind="person", titles=last.titles
            )
            full.aliases = (bare(nick.group(1)),)
            full.objectlike, full.clause_head, full.aside = given.objectlike, given.clause_head, given.aside
            found = [m for m in found if m is not given and m is not last and not (given.end < m.start < last.start)]
            found.append(full)
        return found

    def _parse(self, start: int, end: int, aside: bool) -> list[Mention]:
        """The mentions of the capitalised run ``[start, end)``; ``aside``: it is on a heading or caption line."""
        shape = _shape(self.text[start:end])
        if shape is None:
            return []
        rel, k, split, cut, title, n_owner, honorific = shape
        toks = [(start + x, start + y) for x, y in rel]
        words = [self.text[x:y] for x, y in toks]
        if cut == 0 and split < 0 and len(words) - k >= 3 and self._word_before(toks[k][0]) == "":
            # a sentence's first word is capitalised whatever it is: an occupation there, before a full name, is
            # a description ("Parishioner Bernadette Quigley", "Distributor Andes Norte Energía")
            lead = words[k]
            # an agent noun's shape is proof only before a full name of capitalised words ("Crofter Morag
            # MacLeod"; not "Pieter van Galen", "Hunter Biden")
            rest = words[k + 1 :]
            agent = (
                _AGENT_STRICT.fullmatch(bare(lead)) is not None
                and all(w[:1].isupper() and bare(w) not in ORG_HEADS for w in rest)
                and not _place(rest)
            )
            if (_occupation_noun(lead) or agent) and not name_gender(lead) and bare(words[k + 1]) not in _FUNCTION:
                cut, title = 1, make_title([bare(lead)], lead, any_head=True)
        the_before = k > 0 and bare(words[k - 1]) == "the"
        toks, words = toks[k:], words[k:]
        out: list[Mention] = []
        if split >= 0:
            # a possessive inside the run ends an owner: "Vancouver’s Bo Horvat"
            owner = self._mention(toks[0][0], toks[split][1], words[: split + 1], None, False, aside=aside)
            if owner is not None:
                out.append(owner)
            toks, words = toks[split + 1 :], words[split + 1 :]
        if cut < 0:
            return out  # a title alone ("CEO", "the Minister") names nobody by itself
        if n_owner:
            owner = self._mention(toks[0][0], toks[n_owner - 1][1], words[:n_owner], None, the_before, aside=aside)
            if owner is not None and owner.kind == "org":
                out.append(owner)
        toks, words = toks[cut:], words[cut:]
        while len(words) > 2 and _POST_NOMINAL.fullmatch(words[-1]):
            toks, words = toks[:-1], words[:-1]  # "Rupert Okafor KC", "Jane Roe PhD": letters after a name
        mention = self._mention(
            toks[0][0], toks[-1][1], words, title, the_before and not cut, aside=aside, run_start=start
        )
        if mention is None:
            return out
        if honorific:
            mention.gender = honorific
        if title is None:
            full = len(mention.tokens) >= 2
            before = " ".join(_roles_before(self.text, start, full))
            for part in before.split(" and ") if before else ():
                found = make_title([bare(w) for w in part.split()], part, any_head=full)
                if found is not None:
                    mention.titles.append(found)
        if mention.titles and mention.titles[-1].head in ORG_ROLES and not honorific and not mention.gender:
            # "System operator Nordkapp Gas Transport": a body that holds the role, no person's name
            mention.kind = "org"
            mention.titles.pop()
        self._appositions(mention, start)
        out.append(mention)
        return out

    def _mention(
        self,
        a: int,
        b: int,
        words: list[str],
        title: Title | None,
        the_before: bool,
        *,
        aside: bool,
        run_start: int | None = None,
    ) -> Mention | None:
        if not words:
            return None
        last = words[-1]
        trimmed = _POSSESSIVE.sub("", last) if ("’" in last or "'" in last) else last
        b -= len(last) - len(trimmed)
        words = [*words[:-1], trimmed]
        name = joined = " ".join(words)
        if name.endswith(".") and (
            not _KEEPS_STOP.search(name) or _SENTENCE_GOES_ON.match(self.text, b, b + 3) is not None
        ):
            name = name.rstrip(".")  # the full stop of a sentence that ends in "Ltd." is the sentence's
        b -= len(joined) - len(name)
        if len(name) < 2 or (name.lower() in NOT_NAMES and not _the_acronym(self.text, a, name)) or b <= a:
            return None
        if is_org_name(name) or (the_before and len(words) > 1 and title is None and not _place(words)):
            kind = "org"
        elif title is None and self._team(a, words):
            kind = "org"  # "the Raptors", "the Kelowna Rockets": a team or a band by its plural name
        elif title is None and _place(words) and (the_before or self._word_before(a) in _NOT_SUBJECT_AFTER):
            kind = "place"  # "in Central Park", "in Frederick Mall"; "Daniela Park said" is a person
        elif title is not None or (len(words) > 1 and name_gender(words[0])):
            kind = "person"
        elif ((head := bare(words[-1])) != (one := singular(head)) and one in ROLE_NOUNS) or (
            len(words) == 1 and bare(words[0]) in GROUP_NOUNS
        ):
            kind = "group"  # "Labour MPs", "Students", "Protesters"
        else:
            kind = "unknown"
        m = Mention(start=a, end=b, name=name, kind=kind)
        if title is not None:
            m.titles.append(title)
        # the word before the whole run (its title included): "would tell Toronto Mayor John Tory" is an object
        prev = self._word_before(run_start if run_start is not None else a)
        m.aside = aside
        m.objectlike = prev in _NOT_SUBJECT_AFTER or self.inside(a) or m.aside
        if not m.objectlike:
            m.clause_head = not prev[:1].islower() or prev in _CLAUSE_OPENERS or occupation(prev)
        return m

    def _team(self, a: int, words: list[str]) -> bool:
        """A plural name after "the" that is no group of people by role ("the Raptors", not "the Democrats")."""
        last = bare(words[-1])
        return (
            self.text[max(0, a - 4) : a].lower() == "the "
            and last.endswith("s")
            and not last.endswith(("ss", "ans", "ese"))  # "the Canadians": a people, not a team
            and singular(last) not in ROLE_NOUNS
            and not _place(words)
        )

    def _word_before(self, pos: int) -> str:
        text = self.text
        if pos == 0 or not text[pos - 1].isspace():
            return ""
        before = text[max(0, pos - 40) : pos].rsplit(None, 1)
        if not before or before[-1].rstrip("”\"’')").endswith(_STOPS):
            return ""  # a sentence or clause ends right before ("… go deeper.” Durning did not …")
        return before[-1].strip("“”\"'(").lower()

    def _appositions(self, mention: Mention, run_start: int) -> None:
        """Titles from an apposition after the name ("Ana Ruiz, the finance minister,") or before it ("its
        director, Mara Okafor")."""
        text = self.text
        after = (
            _APPOSITION_AFTER.match(text, mention.end, mention.end + 100) if text.startswith(",", mention.end) else None
        )
        # "a microbiologist at Delta Highlands University and the study’s lead author": each role joined by "and"
        if after is not None and after.group(1).split()[0] in {"and", "or", "but", "nor"}:
            after = None  # "Li Wei, and its chief financial officer, Maya Stone": a coordination, no apposition
        closed = after.end() if after is not None else -1  # "Bluesky, the ex-president said": no apposition
        for phrase in after.group(1).split(" and the ") if after is not None else ():
            first = phrase.split()[0]
            first_of = mention.tokens[0]
            if (
                phrase[:1].islower()
                or bare(first) in ("the", "a", "an")
                or head_noun(first) is not None
                or _OWNED_ROLE.match(phrase) is not None  # "Mira Holt, Lakeview Clinic's medical director,"
            ):
                role = parse_role(phrase)
                if role is not None and not role.plural and role.head in ORG_ROLES and mention.kind != "person":
                    mention.kind = "org"  # "Jambotel, the country's largest operator,": a body holding a role
                elif role is not None and not role.plural:
                    mention.titles.append(role)
                elif role is None and mention.kind == "unknown" and not name_gender(first_of) and _org_head_of(phrase):
                    mention.kind = "org"  # "Greenpeace, the environmental group,", "Acme, a company that …"
                elif (
                    role is None
                    and mention.kind != "org"
                    and bare(first) in ("a", "an")
                    and not _VERB_IN.search(phrase)
                    and not text.startswith(" said", closed)
                ):
                    # "Jon Tester, a Democrat from Montana,", "Lena Ortiz, an epidemiologist at …": what the text
                    # may call them later ("the Democrat"), whatever the noun
                    described = describe(phrase)
                    if described is not None and not described.plural:
                        mention.titles.append(described)
                if role is not None:
                    # "Tom Bright, a 54-year-old mechanic,": also "the 54-year-old"
                    mention.titles.extend(Title(w) for w in role.modifiers if AGE.fullmatch(w))
            elif (age := _age(phrase)) is not None:
                mention.titles.append(age)  # "Tom Bright, 54,": "the 54-year-old"
        held = _ROLE_VERB.match(text, mention.end, mention.end + 100)
        if held is not None:
            # "Ana Ruiz, who heads the nurses' union,", "Wei Zhang founded the app": the agent noun of the verb
            mods = frozenset(bare(w) for w in held.group(2).split()) - {"the", "a", "an", "its", "his", "her", "their"}
            for head in _VERB_ROLES[held.group(1).split("-")[-1].lower()]:
                mention.titles.append(Title(head, mods, held.group(0).strip(" ,")))
        if text[max(0, run_start - 2) : run_start] == ", ":
            before = _APPOSITION_BEFORE.search(text, max(0, run_start - 80), run_start)
            role = parse_role(before.group(1)) if before is not None else None
            if role is None:
                fronted = _AS_ROLE.search(text, max(0, run_start - 70), run_start)
                role = parse_role(fronted.group(1)) if fronted is not None else None
            if role is not None and not role.plural:
                mention.titles.append(role)
        self._roles_around(mention, run_start)

    def _roles_around(self, mention: Mention, run_start: int) -> None:
        """Roles set off between dashes or in brackets after a name ("Maria Ruiz — a nurse —", "(71)"), given by a
        copula or a verb of office after it ("… is a retired nurse", "… was named chief executive"), by a role and
        a copula before it ("The club's captain is Maria Ruiz"), or an age before it ("71-year-old Maria Ruiz")."""
        text = self.text
        end = mention.end
        person = mention.kind != "org"
        if person and text[end : end + 3].lstrip(" ")[:1] in ("—", "–", "("):
            set_off = _APPOSITION_SET_OFF.match(text, end, end + 90)
            if set_off is not None:
                phrase = set_off.group(1) or set_off.group(2)
                role = _age(phrase) or parse_role(phrase) or describe(phrase)
                if role is not None and not role.plural and role.head not in ORG_ROLES:
                    mention.titles.append(role)
        before = text[run_start - 16 if run_start > 16 else 0 : run_start]
        if person and before.endswith((" is ", " was ")):
            copula = _ROLE_IS.search(text, run_start - 80 if run_start > 80 else 0, run_start)
            role = parse_role(copula.group(1)) if copula is not None else None
            if role is not None and not role.plural and role.head not in ORG_ROLES:
                mention.titles.append(role)
        if before.endswith("-year-old "):
            aged = _AGE_BEFORE.search(before)
            if aged is not None:
                mention.titles.append(Title(aged.group(1)))
        if person and not mention.objectlike and _PREDICATE_START.match(text, end):
            predicate = _ROLE_PREDICATE.match(text, end, end + 120)
            if predicate is not None:
                phrase = predicate.group(1)
                role = parse_role(phrase)
                if role is None and bare(phrase.split()[0]) in ("a", "an") and not _VERB_IN.search(phrase):
                    role = describe(phrase)  # "… is a Democrat", "… is an epidemiologist"
                if role is not None and role.plural and " one of" in predicate.group(0):
                    role = replace(role, plural=False)  # "… is one of the nurses who …": a nurse
                if role is not None and not role.plural and role.head not in ORG_ROLES and role.head not in ORG_NOUNS:
                    mention.titles.append(role)

    def _line(self, pos: int) -> tuple[bool, bool]:
        """(a title-case heading, a heading or caption) for the line ``pos`` is on, computed once a line: a
        title-case heading's capitalised runs are no names; a caption names who is pictured, not who speaks."""
        text = self.text
        k = bisect_right(self._breaks, pos)
        line_start = self._breaks[k - 1] + 1 if k else 0
        found = self._kinds.get(line_start)
        if found is None:
            line_end = self._breaks[k] if k < len(self._breaks) else -1
            line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
            title_case = False
            if len(line) < 200 and not line.endswith((".", "!", "?", "”", '"', ":")):
                words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
                title_case = len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)
            caption = ("(" in line or "/" in line or "hoto" in line or "HOTO" in line) and bool(_CAPTION.search(line))
            found = self._kinds[line_start] = (title_case, caption or heading_line(line))
        return found


_INITIALS = re.compile(r"[A-Z]{2,6}")
_BARE_AGE = re.compile(r"\d{1,3}")


def _age(phrase: str) -> Title | None:
    """An age set off after a name ("Tom Bright, 54,", "Maria Ruiz (71)") as the role "the 54-year-old"."""
    return Title(f"{phrase}-year-old") if _BARE_AGE.fullmatch(phrase) else None


def _the_acronym(text: str, start: int, word: str) -> bool:
    """An upper-case word after "the" is an organisation's initials even when it spells a common word ("the
    WHO", "the AND")."""
    return _INITIALS.fullmatch(word) is not None and text[max(0, start - 4) : start] in ("the ", "The ")


def heading_line(line: str) -> bool:
    """Whether a line (or paragraph) is a heading: short, and not ending like a sentence."""
    body = line.rstrip()
    return len(body) < 80 and not body.endswith((".", "!", "?", "”", '"', "’", "'", ":", ")"))


def _owner_words(title_words: list[str]) -> list[str]:
    """The leading words of a title that name its owner: "European Commission" of "European Commission
    President", "NATO" of "NATO Secretary General" (up to the first title noun or modifier-rank word)."""
    out: list[str] = []
    for w in title_words:
        if abbreviation(w) is not None or bare(w) in ROLE_NOUNS or bare(w) in HONORIFICS:
            break
        out.append(w)
    return out
