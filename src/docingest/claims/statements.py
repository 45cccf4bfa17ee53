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
from .numbers import find_quantities
from .quotes import make_claim, quote_claims, reported_claims, sentence_spans

_MONTHS = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)\s*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s+(?:{_MONTHS})\b|^(?:st|nd|rd|th)\b")
_TIME_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|GMT|UTC|[AECMP][SD]T\b)|^:\d\d")
_DIGIT_RUN = re.compile(r"[\d().+-]+(?:[ .-][\d().-]+)*")
#: a word right before a number that makes it a label: "page 3", "Level 4", "Highway 401", "Readiness 2030"
_LABEL_BEFORE = re.compile(
    r"(?:\b(?i:page|pages|chapter|section|route|level|grade|room|unit|flight|platform|gate|exit|channel|version|"
    r"episode|round|stage|phase|step|week|day|game|number|no\.|model|bill|article|clause|item|figure|table|"
    r"local|highway|interstate|station|ward|district|precinct|lot|suite|apartment|apt\.|box|series|volume|vol\.)"
    r"|[A-Z][\w.&'-]*[A-Za-z])\s$"
)
_LABEL_CASED = re.compile(r"[A-Z][\w.&'-]*[A-Za-z]\s$")
_ONE_NOT_COUNT = re.compile(
    r"^\s+(?:of|another|more|day|time|point|way|thing|side|hand|another's|by|after|or|and|who|that|which)\b|^[,;:?]"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|no|any|each|this|that|which|some|these|those)\s$", re.IGNORECASE)
_BRACKET = re.compile(r"\b(?:\w+s|people|children|men|women)\s+(?:over|under|above|below|aged)\s$")
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
_SPLIT = re.compile(r"[,;:]\s|\s[—–-]{1,2}\s|\s(?:and|but|while|whereas)\s")
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
_CURRENCY_CODES = words("USD CAD EUR GBP JPY CNY INR AUD CHF MXN BRL NZD ZAR KES HKD SGD")
_SMALL_WORDS = words("one two three four five six seven eight nine ten")
_FUNCTION_END = words("the a an of to in on for and or with by at as its their his her our")


def numeric_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """The numeric claims of ``text`` in order, each with its clause, quantity, and speaker when quoted."""
    quotes = quote_claims(text, paragraphs)
    reported = reported_claims(text, paragraphs)
    sentences = sentence_spans(text, paragraphs)
    starts = [a for a, _ in sentences]
    # the innermost claim holding a quantity speaks it: a quote inside a reported clause before the clause
    holders = sorted(quotes + reported, key=lambda c: c.span.end - c.span.start)
    found: list[tuple[Quantity, int, int, Claim | None]] = []
    for q in find_quantities(text):
        if not asserts(text, q):
            continue
        i = bisect_right(starts, q.span.start) - 1
        lo, hi = sentences[i] if i >= 0 and q.span.start < sentences[i][1] else (q.span.start, q.span.end)
        holder = next((c for c in holders if c.span.start <= q.span.start and q.span.end <= c.span.end), None)
        if holder is not None:
            lo, hi = max(lo, holder.span.start), min(hi, holder.span.end)
        found.append((q, lo, hi, holder))
    out: list[Claim] = []
    taken: set[tuple[int, int]] = set()
    for n, (q, lo, hi, holder) in enumerate(found):
        shared = any(o_lo == lo and o_hi == hi for k, (_, o_lo, o_hi, _) in enumerate(found) if k != n)
        a, b = _piece(text, q, lo, hi) if shared else (lo, hi)
        a, b = _trim(text, a, b)
        if (a, b) in taken or b <= a or not (a <= q.span.start and q.span.end <= b):
            a, b = q.span.start, q.span.end
        if (a, b) in taken:
            continue
        taken.add((a, b))
        # rebuilt through validation (model_copy would not validate the new field)
        quantity = Quantity.model_validate({**q.model_dump(), "measured": measured(text, q, a, b)})
        out.append(
            make_claim(
                "numeric",
                text,
                a,
                b,
                speaker=holder.speaker if holder is not None else None,
                speaker_mention=holder.speaker_mention if holder is not None else None,
                cue=holder.cue if holder is not None else None,
                quantity=quantity,
                confidence=0.8 if q.unit else 0.6,
            )
        )
    return out


def asserts(text: str, q: Quantity) -> bool:
    """Whether a quantity is asserted about the world (see the module doc)."""
    if q.unit == "year":
        return False
    s, e = q.span.start, q.span.end
    before = text[max(0, s - 30) : s]
    after = text[e : e + 24]
    surface = q.surface
    bare_number = q.unit is None and surface[:1].isdigit() and q.value_max is None
    digits_first = surface[:1].isdigit()
    if digits_first and (_DATE_BEFORE.search(before) or _DATE_AFTER.search(after)):
        return False
    if digits_first and (_TIME_AFTER.search(after) or before.endswith(":")):
        return False
    if digits_first and _phone(text, s, e):
        return False
    if _labelled(text, s, before) and digits_first:
        return False  # "page 3", "Level 4", "Highway 401"; not "McCallum's 2 …"
    if re.search(r"\b(?:the past|the last|the next|how many)\s$", before, re.IGNORECASE) or after.startswith(" ago"):
        return False  # relative dates and questions: "the past two years", "20 years ago", "how many billions"
    if re.match(r"\s?o[’']clock", after) or (surface.endswith(" o") and after.startswith(("’clock", "'clock"))):
        return False
    bracket = r"\b(?:\w+s|people|children|men|women)\s+(?:over|under|above|below|aged)\s$"
    if q.unit is None and (
        re.search(bracket, before)
        or (q.qualifier in ("more_than", "less_than") and re.search(bracket, before + surface.split()[0] + " "))
    ):
        return False  # a bracket of whom a statement is about: "Canadians over 60", "people under 30"
    if digits_first and _STREET.match(after):
        return False  # an address: "123 Main Street"
    if digits_first and (re.match(r"[A-Za-z/]", after) or before.endswith(("/", "#"))):
        return False  # "5G", "24/7", "#3"
    if digits_first and re.fullmatch(r"\d{9,}", surface):
        return False  # an identifier or a time stamp, not an amount
    if _in_name(q):
        return False
    if surface.lower().startswith("doubling") and after.startswith(" down"):
        return False  # "doubling down": an idiom
    if digits_first and re.search(r"(?:^|\n)\s*$", before) and re.match(r"[.)]\s", after):
        return False  # list numbering
    if q.unit == "year-old" or (q.unit or "").endswith("year-old"):
        # an age: only as a predicate ("Johnson was a 27-year-old", "good health for a 63-year-old."), never
        # before a name or noun ("the 42-year-old driver")
        return bool(_PREDICATE_BEFORE.search(before)) or bool(re.match(r"[.,;!?)]", after))
    if bare_number and re.search(r"[A-Z][\w'’-]+,\s$", before) and re.match(r"[,.]", after):
        return False  # an identifying age: "Dean Pollard, 52,"
    low = surface.lower()
    first = low.split()[0]
    if re.match(r"[-–](?:off|on-one|time|of-a-kind|liners?)\b", text[s + len(first) : s + len(first) + 12]):
        return False  # "a one-off error", "one-time"
    named = surface[:1].isupper() and first in _SMALL_WORDS | {"zero"} and re.search(r"[A-Z][\w'’-]*\s$", before)
    if named and not _sentence_start(text, s, before):
        return False  # a name: "Ground Zero", "the Five Eyes"
    if first in _SMALL_WORDS and q.unit is None and re.match(r",", after) and re.search(r"\band\s$", before):
        return False  # an enumeration: "one, his temperament, and two, his language"
    if q.unit in _CURRENCY_CODES and after.startswith("s"):
        return False  # banknotes: "a handful of $20s"
    if re.match(r"\s+or\s+(?:more|less|older|younger)\b", after) and re.search(
        r"\b(?:making|earning|earn|make|aged)\s$", before
    ):
        return False  # a bracket: "households making $100,000 or more"
    if first == "one" and re.search(r"\bthe only\s$", before):
        return False
    if first in _SMALL_WORDS:
        if first == "one" and q.qualifier == "exact" and not _COUNTING_BEFORE.search(before):
            return False  # "in one tweet", "one questioner": an indefinite, unless counted ("we have one rink")
        if low == "one" and _ONE_NOT_COUNT.match(after):
            return False
        if (
            _DETERMINER_BEFORE.search(before)
            and q.qualifier == "exact"
            and (first == "one" or not _THAT.search(before))
        ):
            return False  # "the two women", "no one", "that one": back-reference, not a count
        if low == "one" and not re.match(r"\s+[a-z]", after) and q.unit is None:
            return False
        if surface[:1].isupper() and q.unit is None and re.match(r"\s+(?:of|[A-Z])", after):
            return False  # "One of the reasons …", "Five Eyes"
    return not (
        bare_number and q.qualifier == "exact" and low.isdigit() and len(low) <= 2 and _DETERMINER_BEFORE.search(before)
    )


def _labelled(text: str, s: int, before: str) -> bool:
    """Whether the word before a number labels it ("page 3", "Level 4"); a capitalised word that only opens
    the sentence, or a possessive ("McCallum's 2 …"), does not."""
    if not _LABEL_BEFORE.search(before) or re.search(r"[’']s\s$", before):
        return False
    return not _LABEL_CASED.search(before) or not _sentence_start(text, s, before)


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
    groups = re.findall(r"\d+", run.group(0))
    return (len(groups) >= 3 and sum(len(g) for g in groups) >= 7) or (len(groups) == 2 and len(groups[1]) >= 6)


def _sentence_start(text: str, s: int, before: str) -> bool:
    """Whether the capitalised word before a number only opens its sentence ("Eleven …" has none)."""
    word = re.search(r"(\S+)\s$", before)
    if word is None:
        return True
    k = s - len(word.group(0))
    head = text[max(0, k - 3) : k]
    return k == 0 or bool(re.search(r"(?:[.!?]\s|\n)\W*$", head))


def _piece(text: str, q: Quantity, lo: int, hi: int) -> tuple[int, int]:
    """The part of a shared clause, between commas or conjunctions, that carries ``q``."""
    a, b = lo, hi
    for m in _SPLIT.finditer(text, lo, hi):
        if m.end() <= q.span.start:
            a = m.end()
        elif m.start() >= q.span.end:
            b = m.start()
            break
    return a, b


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
    if verb is not None:
        subject = head[: verb.start()].strip(" ,;:“”\"'")
        words = subject.split()
        if 0 < len(words) <= 8:
            return subject
    return None
