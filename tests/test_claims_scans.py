"""The claim extractors' fast scans find what the plain regular expressions they stand for find.

Each scan is written for speed (a regex that opens with a literal or a class, a loop over line breaks); the
plain regex, tried at every position, is its specification here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from docingest.claims.attribution import _STANCE_NOUN, _may_end_stance
from docingest.claims.cues import _PHRASE_HEADS, CUE_WORDS, _cue_spans, find_cues, trie
from docingest.claims.marks import _line_ends, paragraph_spans
from docingest.claims.mentions import _NAME_SCAN, NAME_RE
from docingest.claims.numbers import _AMERICAN, _CANADIAN, _anchors, find_quantities, local_dollar
from docingest.claims.statements import _CLAUSE_BREAK, _CONDITION


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


_LINE_END = re.compile(r"(?<=[.!?…:\"”’')\]])[^\S\n]*\n(?=[^\S\n]*\S)")
_LINE_PIECES = ["a", "Ab", ".", "?", "”", ")", "]", "’", ":", " ", "\t", "\u00a0", "\r", "\n", "\n\n", "x y"]


@settings(max_examples=400, deadline=None)
@given(_texts(_LINE_PIECES), st.integers(0, 30), st.integers(0, 30))
def test_line_ends_are_the_regex_matches(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert list(_line_ends(text, start, end)) == [m.span() for m in _LINE_END.finditer(text, start, end)]


def test_paragraphs_split_at_sentence_ends_only() -> None:
    text = "First line ends.\nThis one runs\non here.  \n  Last one"
    assert [text[a:b] for a, b in paragraph_spans(text, [(0, len(text))])] == [
        "First line ends.",
        "This one runs\non here.",
        "  Last one",
    ]


_CANADIAN_REF = re.compile(
    r"\b(?:Canada|Canadians?|Ontario|Quebec|British Columbia|Alberta|Saskatchewan|Manitoba|Nova Scotia|"
    r"New Brunswick|Newfoundland|Prince Edward Island|Yukon|Nunavut|Northwest Territories|Toronto|Montreal|"
    r"Vancouver|Ottawa|Calgary|Edmonton|Winnipeg|Halifax|CAD)\b|\b(?:B\.C|Ont|Alta|Sask|Que|N\.S|N\.B|P\.E\.I|Nfld)\."
    r"|\bC\$"
)
_AMERICAN_REF = re.compile(
    r"\b(?:U\.S\.|USA?\b|United States|Americans?|Washington|New York|Los Angeles|Chicago|Houston|USD)|\bUS\$"
)
_COUNTRY_PIECES = [
    "Canada", "Canadians", "Canadian", "CAD", "C$", "US$", "USA", "US", "U.S.", "N.B.C.", "B.C.", "Ont.", "Ontario",
    "Ottawa", "New York", "Americans", "Americanism", "P.E.I.", "Nfld.", "Que", "x", "_", "é", ".", " ", "$", "1",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_COUNTRY_PIECES))
def test_country_words_are_the_regex_matches(text: str) -> None:
    assert [m.span() for m in _CANADIAN.finditer(text)] == [m.span() for m in _CANADIAN_REF.finditer(text)]
    assert [m.span() for m in _AMERICAN.finditer(text)] == [m.span() for m in _AMERICAN_REF.finditer(text)]


def test_local_dollar() -> None:
    assert local_dollar("Ontario and B.C. budgets, said a U.S. analyst.") == "CAD"
    assert local_dollar("CanadaGoose in New York") == "USD"  # no word "Canada"


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|zero|couple|handful|dozens|"
    "hundreds|thousands|millions|billions|several|few|half|two-thirds|three-quarters|third|quarter|twice|doubled|"
    "doubling|triple|tripled|quadrupled|halved|a couple|a few|a half|a third|a quarter|a dozen|a handful|"
    "a hundred|a thousand|a million|a billion"
)
#: where a quantity may start, as one regex tried at every position (a digit, a number word, a rank)
_ANCHOR_REF = re.compile(
    r"\d|(?<![\w-])(?=[abcdefhmnoqstzABCDEFHMNOQSTZ])(?i:(?:" + _NUMBER_WORDS + r"))\b\.?"
    r"|(?<![\w-])(?:[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)-|No\.\s?\d"
)
_NUMBER_PIECES = [
    "one", "One", "ONE", "ſeven", "Second-", "second-largest", "third-", "No. 1", "No.1", "No. 12a", "1", "12",
    "٣", "-", ".", ",", " ", "\n", "a dozen", "A Dozen", "half", "twice", "$", "€5", "about", "x", "(", "“",
    "three-quarters", "dozens", "people", "a", "n",
]  # fmt: skip


_DIGIT = re.compile(r"\d")


@settings(max_examples=400, deadline=None)
@given(_texts(_NUMBER_PIECES))
def test_anchors_are_the_regex_matches_that_can_start_a_quantity(text: str) -> None:
    # a digit right after another never starts a quantity (both readings need a word boundary before them)
    expected = [
        m.start()
        for m in _ANCHOR_REF.finditer(text)
        if not (m.group().isdigit() and _DIGIT.fullmatch(text[m.start() - 1 : m.start()]))
    ]
    assert _anchors(text) == expected


def test_quantities_where_the_scans_meet() -> None:
    assert [q.surface for q in find_quantities("Three people came")] == ["Three people"]  # at the text's start
    assert [q.surface for q in find_quantities("the No. 12 seed")] == ["No. 12"]  # the digits are the rank's
    assert [q.surface for q in find_quantities("second-largest city, 40 km away")] == ["second-largest", "40 km away"]
    assert [q.surface for q in find_quantities("(a dozen eggs)")] == ["a dozen eggs"]


_NAME_PIECES = [
    "U.S.", "Army", "Mr.", "Mrs", "Smith", "Inc.", " ", " ", "\n", "’s", "Jones’", "O’Neil", "O'Brien", "McDonald",
    "MacLeod", "Mc", "O’", "van", "de", "al-", "&", ".", ",", "a", "The", "-", "St.", "J.", "K", "Élodie", "(", "“",
    "Sgt.", "Capt", "A.B.", "Ltd.", "Jr.", "s", "'", "Dr.", "Brig.", "Cllr.",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_NAME_PIECES))
def test_name_scan_is_the_name_regex(text: str) -> None:
    assert [m.span() for m in _NAME_SCAN.finditer(text)] == [m.span() for m in NAME_RE.finditer(text)]


def _cue_reference() -> re.Pattern[str]:
    by_first: dict[str, list[str]] = {}
    for w in CUE_WORDS | set(_PHRASE_HEADS):
        by_first.setdefault(w[0], []).append(w[1:])
    alts = [f"[{c}{c.upper()}]{trie(rest)}" for c, rest in sorted(by_first.items())]
    return re.compile(r"(?<![A-Za-z-])(?:" + "|".join(alts) + r")(?![a-z]|-[a-z])")


_CUE_REF = _cue_reference()
_CUE_PIECES = [
    "said", "Said", "-said", "asaid", "said-so", "e-mailed", "Xsaid", "pointed out", "saidx", "called for", "told",
    " ", "\n", ".", ",", "“", "x", "-", "É", "according", "1", "\x00", "\x00\x00",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_CUE_PIECES))
def test_cue_scan_is_the_cue_regex(text: str) -> None:
    assert _cue_spans(text) == [m.span() for m in _CUE_REF.finditer(text)]


def test_cues_at_the_text_start_and_phrasal() -> None:
    assert find_cues("Said Ana, who pointed out that. She e-mailed") == [
        (0, 4, "said"),
        (14, 25, "pointed out"),
        (36, 44, "e-mailed"),
    ]


_CLAUSE_BREAK_REF = re.compile(
    r";\s|\s[—–]\s|\s--\s|,\s(?=(?:and|but|while|whereas|which|although|though|because|so)\s)"
    r"|(?<=[.!?])\s+(?=[“\"‘']?[A-Z])"
)
_CONDITION_REF = re.compile(r"\b(?:[Ii]f|[Uu]nless)\s")
_CLAUSE_PIECES = [
    ";", " ", "  ", "\n", "—", "–", "--", ",", "and", "but", ".", "?", "!", "“", "A", "b", "if", "If", "unless",
    "Unless", "xif", "_if", "é",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_CLAUSE_PIECES), st.integers(0, 20))
def test_clause_scans_are_their_regexes(text: str, cut: int) -> None:
    lo = min(cut, len(text))
    assert [m.span() for m in _CLAUSE_BREAK.finditer(text, lo)] == [
        m.span() for m in _CLAUSE_BREAK_REF.finditer(text, lo)
    ]
    assert [m.span() for m in _CONDITION.finditer(text)] == [m.span() for m in _CONDITION_REF.finditer(text)]


_STANCE_PIECES = [
    "NATO", "NATO's", "Rutte’s", "his", "Her", "the", "group's", "commitment", "call", "characterization", "of",
    "tensions", "as", "a", "an", "to", "for", "that", "words", "view", "  ", " ", "\n", "\x00", ",", ".", "x",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STANCE_PIECES), max_size=14).map(" ".join))
def test_stance_precheck_never_skips_a_stance(text: str) -> None:
    end = len(text)
    found = any(m.end() == end for m in _STANCE_NOUN.finditer(text, max(0, end - 160), end))
    assert _may_end_stance(text, end) or not found
