"""Attribution cues: the verbs and phrases that credit words to someone ("said", "told", "according to")."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Speech and statement verbs, base forms; inflections are generated below.
_VERBS = """
say tell add repeat explain note state write ask reply respond answer urge warn emphasise emphasize stress insist argue
claim suggest acknowledge admit concede recall observe comment remark declare announce continue conclude caution
complain joke quip shout yell tweet post predict promise counter recount testify confirm deny reiterate maintain
contend agree allege estimate report indicate reveal signal boast lament plead demand vow pledge mention text email
e-mail wonder muse exclaim cry sigh chuckle laugh scoff admit assert affirm charge retort snap whisper describe
recommend propose advise concur disclose divulge inform notify point_out go_on call_for sum_up chime_in weigh_in
write_in spell_out confess assure scold chant blurt_out crow express mutter murmur grumble stammer gush
"""

#: Stance verbs: they credit the quoted words that are their object ("highlighted his country's “…”",
#: "encouraged “…”") but report no clause.
_STANCE = """
highlight encourage hail praise welcome criticise criticize condemn decry tout champion underline underscore
slam blast reject dismiss characterise characterize label brand
"""

_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "go": ("went", "goes", "going"),
    "sum": ("summed", "sums", "summing"),
    "chime": ("chimed", "chimes", "chiming"),
    "weigh": ("weighed", "weighs", "weighing"),
    "spell": ("spelled", "spelt", "spells", "spelling"),
    "call": ("called", "calls", "calling"),
    "point": ("pointed", "points", "pointing"),
    "snap": ("snapped", "snaps", "snapping"),
    "quip": ("quipped", "quips", "quipping"),
    "plead": ("pleaded", "pled", "pleads", "pleading"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "deny": ("denied", "denies", "denying"),
    "testify": ("testified", "testifies", "testifying"),
    "signal": ("signalled", "signaled", "signals", "signalling", "signaling"),
    "text": ("texted", "texts", "texting"),
    "email": ("emailed", "emails", "emailing"),
    "e-mail": ("e-mailed", "e-mails", "e-mailing"),
    "admit": ("admitted", "admits", "admitting"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "post": ("posted", "posts", "posting"),
    "report": ("reported", "reports", "reporting"),
}


def _forms(verb: str) -> set[str]:
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "d", verb + "s", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ied", verb[:-1] + "ies", verb + "ing"}
    elif verb.endswith(("sh", "ch", "s", "x")):
        forms |= {verb + "ed", verb + "es", verb + "ing"}
    else:
        forms |= {verb + "ed", verb + "s", verb + "ing"}
    return forms


def _all_forms() -> tuple[set[str], set[str]]:
    single: set[str] = set()
    phrasal: set[str] = set()
    for word in _VERBS.split() + _STANCE.split():
        if "_" in word:
            head, particle = word.split("_", 1)
            for form in _forms(head):
                phrasal.add(f"{form} {particle.replace('_', ' ')}")
        else:
            single |= _forms(word)
    return single, phrasal


CUE_WORDS, CUE_PHRASES = _all_forms()
STANCE_WORDS = frozenset(f for v in _STANCE.split() for f in _forms(v)) - {
    f for v in _VERBS.split() if "_" not in v for f in _forms(v)
}
#: Verbs of communication and stance that are no cues of their own (they report no clause and find no
#: quotation on their own) but whose object or complement may be a quoted fragment of their subject's words:
#: "Cruz exhorted Republicans to “vote your conscience”", "likened the rules to “burning the Constitution”".
_GOVERNING = """
liken laud exhort accuse blame attack denounce proclaim thank applaud commend congratulate lambast lambaste deride
mock ridicule castigate berate rebuke chide admonish implore beseech bemoan decry lament rail vent voice portray
depict defend
"""
#: Every verb whose subject speaks a quoted fragment in its object (:data:`_GOVERNING`, stance and cue verbs),
#: finite forms only (a participle's subject is found another way).
GOVERNING_WORDS = frozenset(
    f
    for v in _GOVERNING.split() + _STANCE.split() + _VERBS.split()
    if "_" not in v
    for f in _forms(v)
    if not f.endswith("ing")
)
_PHRASE_HEADS: dict[str, set[str]] = {}
for _p in CUE_PHRASES:
    _h, _rest = _p.split(" ", 1)
    _PHRASE_HEADS.setdefault(_h, set()).add(_rest)


def trie(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie (fast: no backtracking over alternatives)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(root)


def by_first_character(words: Iterable[str]) -> dict[str, list[str]]:
    """Each first character of ``words`` with the rest of every word it opens, in order (to write a regex whose
    branches open with a literal character, which the regex engine skips to fast)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return groups


def _cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Cue words and the heads of phrasal cues, whole words: not inside a longer word, a hyphenated compound
    ("post-election", "out-of-state") or a CamelCase name ("HuffPost"). The scan opens with the character
    before the word (no letter, no hyphen, no NUL; group 1 is the word), so the regex engine skips fast to such
    characters and picks the branch by the word's first letter (a pattern opening with a look-behind is tried
    at every character); the second regex is the word alone, for a word right after a run of NULs (the
    attributor blanks quotations out with them: a fifth of its text)."""
    by_first = by_first_character(CUE_WORDS | set(_PHRASE_HEADS))
    word = "(?:" + "|".join(f"{ch}{trie(rest)}" for c, rest in sorted(by_first.items()) for ch in (c, c.upper()))
    word += r")(?![a-z]|-[a-z])"
    return re.compile(rf"[^A-Za-z\x00-]({word})"), re.compile(word)


_CUE_RE, _CUE_WORD = _cue_regexes()
_NULS = re.compile("\x00+")


def _cue_spans(text: str) -> list[tuple[int, int]]:
    """Where the cue words of ``text`` are, in order."""
    padded = " " + text  # (a word at the text's start has a character before it)
    spans = [m.span(1) for m in _CUE_RE.finditer(padded)]
    if "\x00" in text:
        spans += [m.span() for run in _NULS.finditer(padded) if (m := _CUE_WORD.match(padded, run.end()))]
        spans.sort()
    return [(a - 1, b - 1) for a, b in spans]


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """Every cue verb or phrasal cue in ``text``: (start, end, lower-cased words), in order."""
    out: list[tuple[int, int, str]] = []
    for start, end in _cue_spans(text):
        word = text[start:end].lower()
        if word in _PHRASE_HEADS:
            rest = text[end + 1 : end + 12].lower()
            for particle in _PHRASE_HEADS[word]:
                if rest.startswith(particle) and not rest[len(particle) : len(particle) + 1].isalpha():
                    out.append((start, end + 1 + len(particle), f"{word} {particle}"))
                    break
            else:
                if word in CUE_WORDS:
                    out.append((start, end, word))
        elif word in CUE_WORDS:
            out.append((start, end, word))
    return out


#: "according to X", "in a statement", "quoted as saying": attribution phrases that are not verbs.
ACCORDING_RE = re.compile(r"[Aa](?<![\w][Aa])(?i:ccording to)\b")
