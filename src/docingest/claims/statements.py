"""Numeric claims as statements: the clause that asserts a quantity, what it measures, and who says it.

A quantity (:mod:`.numbers`) is a claim when the text asserts it about the world. Not claims: years, dates
and times on their own, numbers inside names ("Readiness 2030", "Highway 401", "Level 4"), identifying ages
("Jane Roe, 42,", "the 42-year-old driver"), phone numbers, list numbering, labels ("page 3", "No. 10
Downing Street"), "one" as a pronoun ("one of them"). The claim's text is the clause that asserts the
quantity: inside a quotation the quoted sentence, in reported speech the reported clause (both carry the
speaker), else the sentence; when two quantities share a clause, each gets the part of it between commas
that carries it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..models import Claim, Quantity
from .lexicon import words
from .numbers import bare_dollar, find_quantities, local_dollar
from .quotes import QUOTATION_CONFIDENCE, make_claim, quote_claims, reported_claims, sentence_spans

_MONTHS = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)\s*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s+(?:{_MONTHS})\b|^(?:st|nd|rd|th)\b")
_TIME_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|GMT|UTC|[AECMP][SD]T\b)|^:\d\d")
_DIGIT_RUN = re.compile(r"[\d().+-]+(?:[ .-][\d().-]+)*")
#: a word right before a number that makes it a label: "page 3", "Level 4", "Highway 401", "Readiness 2030"
_LABEL_WORD = re.compile(
    r"\b(?i:page|pages|chapter|section|route|level|grade|room|unit|flight|platform|gate|exit|channel|version|"
    r"episode|round|stage|phase|step|week|day|game|number|no\.|model|bill|article|clause|item|figure|table|"
    r"local|highway|interstate|station|ward|district|precinct|lot|suite|apartment|apt\.|box|series|volume|vol\.)"
    r"\s$"
)
_LABEL_CASED = re.compile(r"[A-Z][\w.&'-]*[A-Za-z]\s$")
_ONE_NOT_COUNT = re.compile(
    r"^\s+(?:of|another|more|day|time|point|way|thing|side|hand|another's|by|after|or|and|who|that|which)\b|^[,;:?]"
)
#: the nouns "one" makes idioms with ("one way or another", "one day", "at one point", "on the one hand")
_ONE_IDIOM = re.compile(r"\s+(?:way|day|time|point|thing|side|hand)\b")
#: a determiner (and a superlative or "other") before a small number: a back-reference ("the two women", "their
#: oldest two daughters", "the other three")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|no|any|each|this|that|which|some|these|those)\s(?:[a-z]+est\s|other\s)?$"
    r"|\b(?:their|his|her|its|our)\s(?:[a-z]+est|other)\s$",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\b(?:\w+s|people|children|men|women)\s+(?:over|under|above|below|aged)\s$")
#: the last words of what :data:`_BRACKET` finds (a cheap test first)
_BRACKET_WORDS = ("over", "under", "above", "below", "aged")
_RELATIVE = re.compile(r"\b(?:the past|the last|the next|how many)\s$", re.IGNORECASE)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
_EARNING = re.compile(r"\b(?:making|earning|earn|make|aged)\s$")
_THAT = re.compile(r"\b(?:that|which)\s$", re.IGNORECASE)
#: words after which "one" counts something ("we have one ice rink", "only one", "at least one")
_COUNTING_BEFORE = re.compile(
    r"\b(?:have|has|had|having|get|gets|getting|got|only|just|exactly|than|with|without|buy|bought|sold|won|"
    r"lost|added|opened|built|need|needs|needed)\s$|^$|[“\"‘']$",
    re.IGNORECASE,
)
_PREDICATE_BEFORE = re.compile(r"\b(?:is|was|were|are|be|been|being|turned|turns|aged|age of|'s|’s)\s(?:a\s|an\s)?$")
_STREET = re.compile(
    r"^\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Lane|Way)\b"
)
_MEASURED_AFTER = re.compile(
    r"^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+)?(?:for|on|in|of|to|from)\s+"
    r"((?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:(?!(?:that|which|who|and|but|or|by|after|before|since|because|if|when|was|is|were|are|will|would)\b)"
    r"[\w'’-]+(?:\s+|(?=[,.;:!?)]|$))){1,4})"
)
_VERB = re.compile(
    r"\s(?:is|are|was|were|will|would|could|can|has|have|had|cost|costs|rose|fell|grew|reached|totalled|totaled|"
    r"topped|hit|stands|stood|jumped|dropped|climbed|increased|decreased|declined|surged|doubled)\b"
)
#: the patterns the rules below try (compiled once)
_OCLOCK = re.compile(r"\s?o[’']clock")
_LETTER_OR_SLASH = re.compile(r"[A-Za-z/]")
_IDENTIFIER = re.compile(r"\d{9,}")
_LINE_START = re.compile(r"(?:^|\n)\s*$")
_LIST_MARK = re.compile(r"[.)]\s")
_PUNCTUATION = re.compile(r"[.,;!?)]")
_NAME_COMMA = re.compile(r"[A-Z][\w'’-]+,\s$")
_OR_MORE = re.compile(r"\s+or\s+(?:more|less|older|younger)\b")
_DASH = re.compile(r"[-–]")
_ONE_OFF = re.compile(r"[-–](?:off|on-one|time|of-a-kind|liners?)\b")
_AND_BEFORE = re.compile(r"\band\s$")
_THE_ONLY = re.compile(r"\bthe only\s$")
_LOWER_WORD = re.compile(r"\s+[a-z]")
_OF_OR_NAME = re.compile(r"\s+(?:of|[A-Z])")
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s$")
_DIGITS = re.compile(r"\d+")
_LAST_WORD = re.compile(r"(\S+)\s$")
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?]\s|\n)\W*$")

_CURRENCY_CODES = words("USD CAD EUR GBP JPY CNY INR AUD CHF MXN BRL NZD ZAR KES HKD SGD")
_SMALL_WORDS = words("one two three four five six seven eight nine ten")
_FUNCTION_END = words("the a an of to in on for and or with by at as its their his her our")


def numeric_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """The numeric claims of ``text`` in order, each with its clause, quantity, and speaker when quoted."""
    quotes = [c for c in quote_claims(text, paragraphs) if c.confidence >= QUOTATION_CONFIDENCE]
    reported = reported_claims(text, paragraphs)
    sentences = sentence_spans(text, paragraphs)
    starts = [a for a, _ in sentences]
    # the innermost claim holding a quantity speaks it: a quote inside a reported clause before the clause
    by_length = sorted(quotes + reported, key=lambda c: c.span.end - c.span.start)
    holders = [(c.span.start, c.span.end, c) for c in by_length]
    dollar = ""  # the currency of a bare "$", worked out at the first one
    out: list[Claim] = []
    for q in find_quantities(text):
        if not asserts(text, q):
            continue
        i = bisect_right(starts, q.span.start) - 1
        lo, hi = sentences[i] if i >= 0 and q.span.start < sentences[i][1] else (q.span.start, q.span.end)
        q_start, q_end = q.span.start, q.span.end
        holder = next((c for h_start, h_end, c in holders if h_start <= q_start and q_end <= h_end), None)
        if holder is not None:
            lo, hi = max(lo, holder.span.start), min(hi, holder.span.end)
        if _premise(text, q, lo) or _question(text, q, lo, hi):
            continue
        a, b = _trim(text, *_clause(text, q, lo, hi))
        if b <= a or not (a <= q.span.start and q.span.end <= b):
            a, b = q.span.start, q.span.end
        unit = q.unit
        if unit == "USD" and bare_dollar(q.surface):
            dollar = dollar or local_dollar(text)
            unit = dollar
        # what model_copy sets is typed (str | None) and checked by mypy: no second validation of the quantity
        quantity = q.model_copy(update={"measured": measured(text, q, a, b), "unit": unit})
        out.append(
            make_claim(
                "numeric",
                text,
                a,
                b,
                key=f"\x00{q.span.start}:{q.span.end}",
                speaker=holder.speaker if holder is not None else None,
                speaker_mention=holder.speaker_mention if holder is not None else None,
                cue=holder.cue if holder is not None else None,
                quantity=quantity,
                confidence=0.8 if q.unit else 0.6,
            )
        )
    return out


#: where the clauses of a sentence meet: a semicolon, a dash, a conjunction or relative pronoun after a comma
#: (and where the sentences of a quotation end: a quotation is one sentence of the text around it)
#: (written to open with the first character of every break, checked again by look-behind in each branch, so
#: that the regex engine skips fast to those characters: ``;\s|\s[—–]\s|\s--\s|,\s(?=…)|(?<=[.!?])\s+(?=…)``)
_CLAUSE_BREAK = re.compile(
    r"[;,\s](?:(?<=;)\s|(?<=\s)[—–]\s|(?<=\s)--\s"
    r"|(?<=,)\s(?=(?:and|but|while|whereas|which|although|though|because|so)\s)"
    r"|(?<=[.!?]\s)\s*(?=[“\"‘']?[A-Z]))"
)


def _clause(text: str, q: Quantity, lo: int, hi: int) -> tuple[int, int]:
    """The clause of the sentence ``[lo, hi)`` that holds ``q``."""
    a, b = lo, hi
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= q.span.start:
            a = m.end()
        elif m.start() >= q.span.end:
            b = m.start()
            break
    return a, b


#: "if" or "unless" (``\b(?:[Ii]f|[Uu]nless)\s``, opening with the letter so that the regex engine skips to it)
_CONDITION = re.compile(r"[IiUu](?<!\w.)(?:(?<=[Ii])f|(?<=[Uu])nless)\s")
_PREMISE_END = re.compile(r"[,;:—–]|[.!?]\s|\bthen\b")


def _premise(text: str, q: Quantity, lo: int) -> bool:
    """Whether ``q`` sits in a conditional's premise, which asserts nothing: after "if" or "unless" with no
    comma, semicolon, dash or "then" between ("if we're building that seven days a week around the clock, …";
    the consequent is a claim: "…, we can save $2-300 million")."""
    head = text[max(lo, q.span.start - 200) : q.span.start]
    last = None
    for last in _CONDITION.finditer(head):  # noqa: B007 - the last one counts
        pass
    if last is None or _PREMISE_END.search(head, last.end()) is not None:
        return False
    # a count the premise presupposes is still asserted: "if the initiative keeps blood pressure stable for all
    # 7,000 participants"
    return _PRESUPPOSED.search(head) is None


_PRESUPPOSED = re.compile(r"\b(?:all|the|its|their|these|those|each|every)\s$", re.IGNORECASE)


_AUXILIARY = (
    r"(?:is|are|was|were|am|do|does|did|will|would|can|could|should|shall|has|have|had|may|might|must|"
    r"isn|aren|wasn|weren|don|doesn|didn|won|wouldn|couldn|shouldn|hasn|haven|hadn)"
)
#: a question that asserts nothing: a yes/no question ("Will they cut 300 jobs?") or a counterfactual "why
#: not" ("Why aren't I 50 points ahead?"); a question that presupposes a figure is a claim ("What kind of genius
#: loses a billion dollars in a single year?")
_OPEN_QUESTION = re.compile(
    rf"[“\"‘'(\s]*(?:(?i:{_AUXILIARY})(?:[’']t)?\s|(?i:why)\s+(?:\w+n[’']t\b|not\b|\w+\s+not\b))"
)


def _question(text: str, q: Quantity, lo: int, hi: int) -> bool:
    """Whether ``q`` sits in a question that asserts nothing (see :data:`_OPEN_QUESTION`)."""
    mark = text.find("?", q.span.end, hi)
    if mark < 0 or any(c in text[q.span.end : mark] for c in ".!"):
        return False
    # the question starts at the sentence's start, or at the quotation mark that opens it
    start = max(lo, *(text.rfind(c, lo, q.span.start) + 1 for c in '.!?“"'))
    return _OPEN_QUESTION.match(text, start) is not None


class _Seen:
    """A quantity with the text around it, as the rules below read it (what they ask of it worked out once)."""

    __slots__ = ("after", "bare", "before", "digits", "first", "q", "surface", "text")

    def __init__(self, text: str, q: Quantity, before: str, after: str) -> None:
        self.text = text
        self.q = q
        self.before = before
        self.after = after
        self.surface = q.surface
        #: the first word, lower-cased
        self.first = q.surface.lower().split()[0]
        self.digits = q.surface[:1].isdigit()
        #: a number with nothing counted ("974", "Chapter 3")
        self.bare = q.unit is None and self.digits and q.value_max is None


def _date_or_time(x: _Seen) -> bool:
    """Years, dates, times, relative dates: "in 2019", "March 3", "5 p.m.", "6:05", "20 years ago"."""
    if x.q.unit == "year":
        return True
    if x.digits and (_DATE_BEFORE.search(x.before) or _DATE_AFTER.match(x.after)):
        return True
    if x.digits and (_TIME_AFTER.match(x.after) or x.before.endswith(":")):
        return True
    if _RELATIVE.search(x.before) or x.after.startswith(" ago"):
        return True  # "the past two years", "20 years ago", "how many billions"
    return bool(_OCLOCK.match(x.after)) or (x.surface.endswith(" o") and x.after.startswith(("’clock", "'clock")))


def _label_or_name(x: _Seen) -> bool:
    """Numbers that label or name things, identifiers, phone numbers, addresses, list numbering."""
    s = x.q.span.start
    if x.digits and (_phone(x.text, s, x.q.span.end) or _labelled(x.text, s, x.before)):
        return True  # "555-123-4567"; "page 3", "Level 4", "Highway 401"
    if x.digits and (_STREET.match(x.after) or _LETTER_OR_SLASH.match(x.after) or x.before.endswith(("/", "#"))):
        return True  # "123 Main Street", "5G", "24/7", "#3"
    if x.digits and _IDENTIFIER.fullmatch(x.surface):
        return True  # an identifier or a time stamp, not an amount
    if x.digits and _LIST_MARK.match(x.after) and _LINE_START.search(x.before):
        return True  # list numbering
    if _in_name(x.q):
        return True  # "American Skin (41 Shots)"
    named = x.surface[:1].isupper() and x.first in _SMALL_WORDS | {"zero"} and _CAPITAL_BEFORE.search(x.before)
    return bool(named) and not _sentence_start(x.text, s, x.before)  # "Ground Zero", "the Five Eyes"


def _age(x: _Seen) -> bool:
    """Identifying ages: "Dean Pollard, 52,", "the 42-year-old driver" (a predicate age is a claim)."""
    if (x.q.unit or "").endswith("year-old"):
        return not (_PREDICATE_BEFORE.search(x.before) or _PUNCTUATION.match(x.after))
    return x.bare and bool(_NAME_COMMA.search(x.before)) and x.after[:1] in (",", ".")


def _bracket_or_idiom(x: _Seen) -> bool:
    """Brackets of whom a statement is about, banknotes, idioms: "Canadians over 60", "households making
    $100,000 or more", "$20s", "doubling down", "a one-off"."""
    lead = x.surface.split()[0] + " " if x.q.qualifier in ("more_than", "less_than") else ""
    bracket = x.before + lead
    if bracket.rstrip().endswith(_BRACKET_WORDS) and _BRACKET.search(bracket):
        return True  # "Canadians over 60", "people under 30 engage in …" (whatever the words after it)
    if _OR_MORE.match(x.after) and _EARNING.search(x.before):
        return True
    if x.q.unit in _CURRENCY_CODES and x.after.startswith("s"):
        return True
    if x.surface.lower().startswith("doubling") and x.after.startswith(" down"):
        return True
    s = x.q.span.start + len(_DASH.split(x.first, maxsplit=1)[0])  # "one-off": the number is "one"
    return bool(_ONE_OFF.match(x.text[s : s + 12]))


def _no_count(x: _Seen) -> bool:
    """Small numbers in words that count nothing: "one" as a pronoun or an indefinite ("one of them", "in one
    tweet"), back-references ("the two women"), enumerations ("one, …, and two, …")."""
    low = x.surface.lower()
    if x.first not in _SMALL_WORDS:
        return x.bare and x.q.qualifier == "exact" and len(low) <= 2 and bool(_DETERMINER_BEFORE.search(x.before))
    if x.q.unit is None and x.after.startswith(",") and _AND_BEFORE.search(x.before):
        return True
    if x.first == "one" and x.q.qualifier == "exact" and not _COUNTING_BEFORE.search(x.before):
        return True  # an indefinite, unless counted ("we have one rink")
    if x.first == "one" and _THE_ONLY.search(x.before):
        return True
    if low == "one" and (_ONE_NOT_COUNT.match(x.after) or (x.q.unit is None and not _LOWER_WORD.match(x.after))):
        return True
    if x.first == "one" and x.q.unit and _ONE_IDIOM.match(x.text, x.q.span.start + 3):
        return True  # "just one way to do it", "one day", "one thing": idioms of "one", no count
    back = _DETERMINER_BEFORE.search(x.before) and (x.first == "one" or not _THAT.search(x.before))
    if back and x.q.qualifier == "exact":
        return True
    # "One of them", "One Direction" (a count of a part stays: "Two of the arenas will be taken away")
    return (
        x.surface[:1].isupper()
        and x.q.unit is None
        and bool(_OF_OR_NAME.match(x.after))
        and (x.first == "one" or not x.after.startswith(" of"))
    )


_NOT_CLAIMS = (_date_or_time, _label_or_name, _age, _bracket_or_idiom, _no_count)


def asserts(text: str, q: Quantity) -> bool:
    """Whether a quantity is asserted about the world (see the module doc): no rule of :data:`_NOT_CLAIMS`
    says otherwise."""
    s, e = q.span.start, q.span.end
    seen = _Seen(text, q, text[max(0, s - 30) : s], text[e : e + 24])
    return not any(rule(seen) for rule in _NOT_CLAIMS)


def _labelled(text: str, s: int, before: str) -> bool:
    """Whether the word before a number labels it ("page 3", "Level 4"); a capitalised word that only opens
    the sentence, or a possessive ("McCallum's 2 …"), does not."""
    if _POSSESSIVE_BEFORE.search(before):
        return False
    if _LABEL_WORD.search(before):
        return True  # "Section 8 housing" also at a sentence start
    return _LABEL_CASED.search(before) is not None and not _sentence_start(text, s, before)


def _in_name(q: Quantity) -> bool:
    """A count whose noun is capitalised is part of a name ("American Skin (41 Shots)"), unless it counts a
    people ("more than 6 million Canadians")."""
    unit = q.unit
    if not unit or unit.isupper() or not unit.split()[-1][:1].isupper():
        return False
    return not (unit.endswith("s") and (q.value >= 1000 or q.qualifier != "exact"))


def _phone(text: str, s: int, e: int) -> bool:
    """Whether a number is part of a phone number ("555-123-4567", "1300 555 072", "(02) 9876 5432")."""
    lo = s
    while lo > 0 and s - lo < 8 and (text[lo - 1].isdigit() or text[lo - 1] in "()+-. "):
        lo -= 1
    run = _DIGIT_RUN.search(text, lo, min(len(text), e + 16))
    if run is None or "," in run.group(0):
        return False
    groups = _DIGITS.findall(run.group(0))
    return (len(groups) >= 3 and sum(len(g) for g in groups) >= 7) or (len(groups) == 2 and len(groups[1]) >= 6)


def _sentence_start(text: str, s: int, before: str) -> bool:
    """Whether the capitalised word before a number only opens its sentence ("Eleven …" has none)."""
    word = _LAST_WORD.search(before)
    if word is None:
        return True
    k = s - len(word.group(0))
    head = text[max(0, k - 3) : k]
    return k == 0 or bool(_SENTENCE_END_BEFORE.search(head))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "“”\"‘’'(,;:—–-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "“”\"‘’'),;:—–-."):
        b -= 1
    return a, b


def measured(text: str, q: Quantity, a: int, b: int) -> str | None:
    """What a quantity measures, as the text words it: the counted noun ("352 missing children"), the phrase
    after it ("800 billion euros for defence" → "defence"; "40% of voters" → "voters"), else the clause's
    subject ("Turnout reached about 40%" → "Turnout")."""
    after = _MEASURED_AFTER.match(text[q.span.end : b])
    if after is not None:
        phrase = after.group(1).split()[:4]
        while phrase and phrase[-1].lower() in _FUNCTION_END:
            phrase.pop()
        if phrase:
            found = " ".join(phrase)
            if q.unit and q.unit not in ("percent", "percentage_points") and not q.unit.isupper():
                return f"{q.unit} {after.group(0).split()[0]} {found}"
            return found
    if q.unit and q.unit not in ("percent", "percentage_points", "year") and not q.unit.isupper():
        return q.unit
    head = text[a : q.span.start]
    verb = _VERB.search(head)
    if verb is None:
        return None
    subject = _subject(head[: verb.start()])
    if subject is None:
        return None
    return f"cost of {subject}" if verb.group(0).strip() in ("cost", "costs") else subject


#: what opens a clause before its subject: a conjunction, an adverb, a relative pronoun
_SUBJECT_LEAD = re.compile(
    r"(?:(?:but|and|so|yet|still|while|although|though|because|when|also|now|then|in fact|the fact that|that|"
    r"which|who)\s+)+",
    re.IGNORECASE,
)
#: words that end no subject worth naming: pronouns, expletives, modals, a relative pronoun
_NOT_SUBJECT = words(
    "it it’s it's this that these those there he she they we i you which who what may might must should would "
    "could can will shall does doesn’t doesn't did didn’t didn't do"
)


def _subject(before_verb: str) -> str | None:
    """The subject noun phrase of a clause, from the words before its verb: after an opening phrase and its
    comma, without a leading conjunction or a trailing relative pronoun ("In fact, the original budget" → "the
    original budget"; "The Evergreen Line that" → "The Evergreen Line"); ``None`` for a pronoun."""
    phrase = before_verb.rsplit(",", 1)[-1].strip(" ;:“”\"'—–")
    phrase = phrase[m.end() :] if (m := _SUBJECT_LEAD.match(phrase)) else phrase
    words_ = phrase.split()
    while words_ and words_[-1].lower() in ("that", "which", "who"):
        words_.pop()
    if not words_ or len(words_) > 8 or any(w.lower() in _NOT_SUBJECT for w in words_):
        return None
    return " ".join(words_)
