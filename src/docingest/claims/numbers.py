"""Quantities in text: money with ISO 4217 currencies, percentages, counts of things, durations, ranges,
fractions and multiples, numbers written in words, and the qualifiers around them.

    >>> [q.surface for q in find_quantities("up to €2.5 million and about 40% of three thousand people")]
    ['up to €2.5 million', 'about 40%', 'three thousand people']

A quantity's ``unit`` is an ISO 4217 code, ``percent``, ``year`` (a bare year: never a claim on its own), or
the counted noun ("people", "rinks", "months"). :func:`render` writes a quantity back as text;
``find_quantities(render(q))`` gives ``q``'s value, unit and qualifier again (a property test checks it).
Which quantities are *claims* (not dates, times, ages, phone numbers, numbers in names) is decided in
:mod:`.statements`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Qualifier, Quantity, Span
from .cues import by_first_character, trie
from .lexicon import words

_SYMBOLS = {
    "$": "USD", "US$": "USD", "C$": "CAD", "CA$": "CAD", "CAD$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "R$": "BRL", "HK$": "HKD", "S$": "SGD",
}  # fmt: skip
_CODES = {
    "USD", "CAD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CHF", "MXN", "BRL", "SEK", "NOK", "DKK", "NZD",
    "ZAR", "KES", "NGN", "HKD", "SGD", "KRW", "RUB", "TRY", "PLN",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    "yen": "JPY", "yuan": "CNY", "rupees": "INR", "rupee": "INR", "francs": "CHF", "rand": "ZAR",
    "shillings": "KES", "pesos": "MXN", "quid": "GBP",
}  # fmt: skip
_SCALE = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "a": 1, "zero": 0,
}  # fmt: skip
#: words for approximate amounts: the least they mean ("dozens" → 24, "hundreds" → 200)
_VAGUE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "billions": 2e9}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 0.75,
    "three quarters": 0.75,
}  # fmt: skip
_MULTIPLES = {
    "twice": 2.0, "double": 2.0, "doubled": 2.0, "doubling": 2.0, "triple": 3.0, "tripled": 3.0,
    "quadrupled": 4.0, "halved": 0.5,
}  # fmt: skip
_QUAL = [
    (r"up to|as much as|as many as|as long as|no more than|at most|a maximum of|within", "at_most"),
    (r"at least|a minimum of|no fewer than|no less than", "at_least"),
    (r"more than|over|above|exceeding|upwards of|just over|nearly over", "more_than"),
    (r"less than|fewer than|under|below|just under", "less_than"),
    (
        r"about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|closer to|"
        r"approaching|an average of|an average|on average",
        "about",
    ),
]
_QUAL_RE = "|".join(f"(?P<q{i}>{pat})" for i, (pat, _) in enumerate(_QUAL))
_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|"
    r"nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|a dozen|dozen|zero|a(?=\s(?:hundred|thousand|million|billion)\b))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|(?i:{_WORD_NUM})\b(?:\s(?:hundred|thousand|million|billion)\b)?)"
_CUR = r"US\$|C\$|CA\$|CAD\$|A\$|AU\$|NZ\$|R\$|HK\$|S\$|[$€£¥₹]"
_SCALE_RE = r"(?:[\s-]?(?:thousand|million|billion|trillion|mln|bn|tn)\b|(?<=\d)(?:k|m|b)\b)"
#: what a number counts: up to three words ending in a noun ("352 missing children", "11 PGA Tour events")
_UNIT = (
    r"(?:[A-Za-z][\w/.'-]*"
    r"(?:\s(?!(?:and|or|of|to|in|on|at|for|from|by|with|that|than|as|the|a|an)\b)[A-Za-z][\w/'-]*){0,2})"
)
QUANTITY_RE = re.compile(
    rf"(?<![\w.,$€£¥-])(?:(?i:{_QUAL_RE})\s+)?"
    rf"(?:(?i:between)\s+(?P<rng_kw>))?"
    rf"(?:(?P<cur>{_CUR})[^\S\n]?)?(?P<num>{_NUM})(?P<scale>{_SCALE_RE})?"
    rf"(?:[^\S\n]?(?:-|–|to|and|or)[^\S\n]?(?P<cur2>{_CUR})?(?P<num2>{_NUM})(?!\d)(?P<scale2>{_SCALE_RE})?)?"
    rf"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b)|\s(?P<code>{'|'.join(sorted(_CODES))})\b|"
    rf"\s(?P<curword>{'|'.join(_CURRENCY_WORDS)})\b|-(?P<compound>[a-z]+(?:-[a-z]+)?)\b|\s(?P<unit>{_UNIT}))?"
)
#: "dozens of", "hundreds of thousands of", "several hundred", "half", "two-thirds", "twice", "doubled"
WORDY_RE = re.compile(
    rf"(?<![\w-])(?:(?i:{_QUAL_RE})\s+)?(?:"
    r"(?P<vague>(?i:dozens|hundreds|thousands|millions|billions))(?:\s+of\s+(?P<vague2>thousands|millions))?"
    r"(?:\s+of\s+(?P<vunit>(?:[a-z][\w-]*\s(?:(?:and|or)\s)?){0,3}?[a-z][\w-]*s)\b)?|"
    r"(?P<several>(?i:several|a few))\s+(?P<sscale>hundred|thousand|million)(?:\s+(?P<sunit>[a-z][\w-]*s))?\b|"
    r"(?P<frac>(?i:two-thirds|two thirds|three-quarters|three quarters|one-third|one third|a third|a quarter|"
    r"one-quarter|one quarter|a half|half))(?![\w-])|"
    r"(?P<mult>(?i:twice|doubled|doubling|triple|tripled|quadrupled|halved))\b|"
    r"(?P<couple>(?i:a couple of|a couple|a handful of))\s+(?P<cunit>[a-z][\w-]*s)\b|"
    r"(?P<rank>(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)-(?:largest|biggest|highest|lowest|"
    r"smallest|most|least|best|worst|longest|oldest|busiest|richest|poorest)|No\.\s?\d+\b)"
    r")"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_TIME_UNITS = words(
    "year month week day hour minute second decade century mile kilometre kilometer metre meter foot point"
)
_NOT_UNITS = words(
    "and or to of in on at the a an is was were are per for with from by that this as than but p a.m p.m "
    "am pm be has had have will would it he she they we after before when who which if its their his her "
    "our said says say told more less"
)
#: irregular plurals and singular units a count may end with
_NOUN_ENDINGS = ("s", "people", "children", "men", "women", "staff", "police", "feet", "teeth", "geese", "mice")


def _word_value(num: str) -> float:
    low = num.lower().replace(",", "")
    try:
        return float(low)
    except ValueError:
        pass
    parts = low.split()
    base = parts[0]
    value: float
    if "-" in base and base not in _UNITS_WORDS:
        tens, ones = base.split("-", 1)
        value = float(_UNITS_WORDS.get(tens, 0) + _UNITS_WORDS.get(ones, 0))
    else:
        value = float(_UNITS_WORDS.get(low if low in _UNITS_WORDS else base, 0))
    for p in parts[1:]:
        if p in _SCALE:
            value *= _SCALE[p]
    return value


def _value(num: str, scale: str | None) -> float:
    value = _word_value(num)
    if scale:
        value *= _SCALE.get(scale.strip(" -").lower(), 1.0)
    return value


#: How far before its first digit or number word a quantity can start ("approximately between US$ 5").
_BACK = 40
#: where a word or a currency sign starts (a reading of a quantity may start there)
_LEAD_START = re.compile(r"(?<![\w$€£¥₹])[\w$€£¥₹]")
_ANCHOR_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen zero couple handful dozens "
    "hundreds thousands millions billions several few half two-thirds three-quarters third quarter twice doubled "
    "doubling triple tripled quadrupled halved"
)
#: the words that can open a quantity
_ANCHOR_ALL = sorted(
    _ANCHOR_WORDS
    | {f"a {w}" for w in ("couple", "few", "half", "third", "quarter", "dozen")}
    | {f"a {w}" for w in ("handful", "hundred", "thousand", "million", "billion")}
)
#: ordinals that open a rank ("second-largest")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _word_anchor() -> re.Pattern[str]:
    """Where a word that can open a quantity starts, as the character before it and the word: that character
    (not a word character nor a hyphen) opens the match, so the regex engine skips fast to it, then one branch
    per first letter, each opening with the letter itself (a pattern opening with a look-behind is tried at
    every position). A word opens with an ASCII letter of either case, the rest of it in any case; a rank
    ("second-largest") is lower-case after its first letter; an ordinal alone starts no quantity."""
    by_first = by_first_character(_ANCHOR_ALL)
    branches = []
    for c in sorted(by_first.keys() | {o[0] for o in _ORDINALS}):
        word = [rf"(?i:{trie(by_first[c])})\b"] if c in by_first else []
        ranks = [f"{o[1:]}-" for o in _ORDINALS if o[0] == c]
        branches += [f"{c}(?:{'|'.join(word + ranks)})", f"{c.upper()}(?:{'|'.join(word + ranks)})"]
    return re.compile(r"[^\w-](?:" + "|".join(branches) + ")")


_WORD_ANCHOR = _word_anchor()
_RANK_NUMBER = re.compile(r"No\.\s?(\d)")
_DIGIT_RUN = re.compile(r"\d\d*")  # (not \d+: a pattern opening with a repeat is tried at every position)


def _anchors(text: str) -> list[int]:
    """Where a quantity may start, in order: a digit run, a word that can open one ("three", "a dozen",
    "second-"), "No. 1". (One scan each, merged: a digit after another never starts a quantity, and a digit
    of "No. 1" is part of the rank.)"""
    found = [m.start() for m in _WORD_ANCHOR.finditer(" " + text)]  # (the space: a word at the text's start)
    ranks = list(_RANK_NUMBER.finditer(text))
    in_rank = {m.start(1) for m in ranks}
    found += [m.start() for m in ranks]
    found += [m.start() for m in _DIGIT_RUN.finditer(text) if m.start() not in in_rank]
    found.sort()
    return found


def _capitalised(*alternatives: str) -> re.Pattern[str]:
    """``\\b(?:a|b|…)`` over regexes that each open with a capital letter, written so that the regex engine
    skips fast to those letters (a pattern opening with ``\\b`` is tried at every position): one branch per
    first letter, the alternatives in their order within it (only those can match at one position), the word
    boundary a look-behind after the letter."""
    groups = by_first_character(alternatives).items()
    return re.compile("|".join(rf"{c}(?<!\w.)(?:{'|'.join(rests)})" for c, rests in groups))


#: what shows an article is about Canada, or about the United States: the country, its people, its provinces (and
#: their dateline abbreviations) or the largest cities of each, and its currency written out
_CANADIAN = _capitalised(
    *(
        rf"{w}\b"
        for w in (
            "Canada", "Canadians?", "Ontario", "Quebec", "British Columbia", "Alberta", "Saskatchewan", "Manitoba",
            "Nova Scotia", "New Brunswick", "Newfoundland", "Prince Edward Island", "Yukon", "Nunavut",
            "Northwest Territories", "Toronto", "Montreal", "Vancouver", "Ottawa", "Calgary", "Edmonton",
            "Winnipeg", "Halifax", "CAD",
        )
    ),
    *(rf"{w}\." for w in (r"B\.C", "Ont", "Alta", "Sask", "Que", r"N\.S", r"N\.B", r"P\.E\.I", "Nfld")),
    r"C\$",
)  # fmt: skip
_AMERICAN = _capitalised(
    r"U\.S\.", r"USA?\b", "United States", "Americans?", "Washington", "New York", "Los Angeles", "Chicago",
    "Houston", "USD", r"US\$",
)  # fmt: skip


def local_dollar(text: str) -> str:
    """The currency a bare ``$`` means in ``text``: ``CAD`` when the article shows it is about Canada more than
    about the United States (see :data:`_CANADIAN`), else ``USD``."""
    canadian = len(_CANADIAN.findall(text))
    return "CAD" if canadian and canadian > len(_AMERICAN.findall(text)) else "USD"


def bare_dollar(surface: str) -> bool:
    """Whether a quantity's currency is written as a bare ``$`` ("$40 million", not "US$40 million")."""
    at = surface.find("$")
    return at >= 0 and (at == 0 or not surface[at - 1].isalpha())


def _qualifier(m: re.Match[str]) -> Qualifier:
    for i, (_, name) in enumerate(_QUAL):
        if m.group(f"q{i}"):
            return name  # type: ignore[return-value]
    return "exact"


def _unit_words(unit: str) -> str | None:
    """The counted noun of the words after a number: the shortest run ending in a plural or a known unit
    ("missing children" → "missing children", "people marched" → "people")."""
    words = unit.split()
    if not words or words[0].lower() in _NOT_UNITS:
        return None
    for k in range(1, len(words) + 1):
        last = words[k - 1].lower().rstrip(".")
        if last.endswith(_NOUN_ENDINGS) and last not in _NOT_UNITS:
            return " ".join(words[:k]).rstrip(".")
    # no plural: the words up to the first function word ("one ice rink in South Surrey" → "ice rink")
    kept: list[str] = []
    for w in words:
        if w.lower().rstrip(".") in _NOT_UNITS:
            break
        kept.append(w.rstrip("."))
    return " ".join(kept) if kept else None


def find_quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in ``text``, in order. Bare years ("in 2019") come out with unit ``"year"``; a number with
    nothing to count ("page 3") comes out with unit ``None``."""
    found: list[Quantity] = []
    last = 0
    for at in _anchors(text):
        if at < last:
            continue
        # the qualifier, "between" and currency written before the number: the reading may start at any of the
        # few words (or the currency sign) before it; one anchored match per start, the earliest that reaches it
        starts = [at]
        if _lead_possible(text, at):
            starts[:0] = [m.start() for m in _LEAD_START.finditer(text, max(last, at - _BACK), at)]
        best: Quantity | None = None
        for regex, build in ((QUANTITY_RE, _numeric), (WORDY_RE, _wordy)):
            for s in starts:
                m = regex.match(text, s)
                if m is not None and m.end() > at:
                    break
            else:
                continue
            q = build(text, m)
            # the reading that starts first ("No. 1 amateur" is a rank), then the longest
            if q is not None and (best is None or _earlier(q, best)):
                best = q
        if best is not None:
            found.append(best)
            last = best.span.end
    yield from found


#: the last letters of what can stand right before a number: a currency sign, or a qualifier's last word
_LEAD_LAST = words(
    "to much many most maximum of least minimum fewer less than over above exceeding under below about around "
    "approximately roughly nearly almost some estimated close approaching average between within"
)


def _lead_possible(text: str, at: int) -> bool:
    """A cheap test before the lead regex: a currency sign or a qualifier word right before ``at``."""
    if at == 0:
        return False
    if not text[at - 1].isspace():
        return not text[at - 1].isalnum()
    word = text[max(0, at - 16) : at].split()
    return bool(word) and (word[-1].lower() in _LEAD_LAST or not word[-1][-1].isalnum())


def _earlier(a: Quantity, b: Quantity) -> bool:
    return (a.span.start, -len(a.surface)) < (b.span.start, -len(b.surface))


def _numeric(text: str, m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    qualifier = _qualifier(m)
    value = _value(num, m.group("scale"))
    value_max: float | None = None
    end = m.end()
    if m.group("num2"):
        value_max = _value(m.group("num2"), m.group("scale2") or m.group("scale"))
        if m.group("scale2") and not m.group("scale"):
            value = _value(num, m.group("scale2"))  # "$2-300 million": the scale applies to both
        if value_max < value and not (m.group("num2") and "-" in text[m.end("num") : m.start("num2")]):
            value_max = None
            end = m.end("num") + len(m.group("scale") or "")
        elif value_max < value:
            # a score ("won 52-48"): the first number, the whole score as written
            value_max = None
        else:
            qualifier = "range"
    unit: str | None = None
    cur = m.group("cur") or m.group("cur2")
    if m.group("pct"):
        unit = "percentage_points" if "point" in m.group("pct") else "percent"
    elif cur:
        unit = _SYMBOLS.get(cur, "USD")
        if m.group("code"):
            unit = m.group("code")
        elif m.group("unit") or m.group("curword") or m.group("compound"):
            end = _bare_end(m)
    elif m.group("code"):
        unit = m.group("code")
    elif m.group("curword"):
        unit = _CURRENCY_WORDS[m.group("curword")]
    elif m.group("compound"):
        # "six-month" → months, "10-year" → years, "four-seater", "27-year-old"
        unit = m.group("compound")
        unit = unit + "s" if unit in _TIME_UNITS else unit
    elif m.group("unit"):
        counted = _unit_words(m.group("unit"))
        if counted is None:
            end = _bare_end(m)
        else:
            unit = counted
            end = m.start("unit") + len(counted)
    else:
        end = _bare_end(m)
    num2 = m.group("num2") or ""
    if _YEAR.fullmatch(num) and num2 and (_YEAR.fullmatch(num2) or re.fullmatch(r"\d\d", num2)) and not cur:
        # a span of years: "2018-19", "from 2011 to 2016"
        return _make(text, m.start(), m.end("num2"), value, None, "year", "exact")
    if _YEAR.fullmatch(num) and not (m.group("scale") or num2 or cur or m.group("pct")):
        unit = "year"  # "in 2019", "the 2017 Hatch report", "the 2018 numbers" (a count is written "2,018")
        end = m.end("num")
    if qualifier == "range" and value_max is None:
        qualifier = "exact"
    if qualifier != "range" and value_max is not None:
        value_max = None
    return _make(text, m.start(), end, value, value_max, unit, qualifier)


def _bare_end(m: re.Match[str]) -> int:
    if m.group("num2"):
        return m.end("num2") + len(m.group("scale2") or "")
    return m.end("num") + len(m.group("scale") or "")


def _wordy(text: str, m: re.Match[str]) -> Quantity | None:
    qualifier = _qualifier(m)
    unit: str | None = None
    if m.group("vague"):
        value = _VAGUE[m.group("vague").lower()]
        if m.group("vague2"):
            value = value / 2 * _VAGUE[m.group("vague2").lower()]  # "hundreds of thousands" → 200,000
        unit = m.group("vunit")
        qualifier = "at_least" if qualifier == "exact" else qualifier
    elif m.group("several"):
        value = (2.0 if m.group("several").lower() == "a few" else 3.0) * _SCALE[m.group("sscale")]
        unit = m.group("sunit")
        qualifier = "at_least" if qualifier == "exact" else qualifier
    elif m.group("frac"):
        value = _FRACTIONS[m.group("frac").lower()]
    elif m.group("mult"):
        value = _MULTIPLES[m.group("mult").lower()]
    elif m.group("couple"):
        value = 2.0 if "couple" in m.group("couple").lower() else 3.0
        unit = m.group("cunit")
        qualifier = "about" if qualifier == "exact" else qualifier
    else:
        rank = m.group("rank")
        digits = re.search(r"\d+", rank)
        ordinals = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
        value = float(digits.group(0)) if digits else float(ordinals.index(rank.split("-")[0]) + 2)
    return _make(text, m.start(), m.end(), value, None, unit, qualifier)


def _make(  # noqa: PLR0917 - the parts of one quantity
    text: str, start: int, end: int, value: float, value_max: float | None, unit: str | None, qualifier: Qualifier
) -> Quantity | None:
    surface = text[start:end].rstrip(" ,.;:")
    if not surface:
        return None
    return Quantity(
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        surface=surface,
        span=Span(start=start, end=start + len(surface)),
    )


_RENDER_QUAL = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "at_most": "up to ",
    "more_than": "more than ",
    "less_than": "less than ",
    "range": "between ",
}
_CODE_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def render(quantity: Quantity) -> str:
    """The quantity written out in English ("up to €2,500,000", "between 3 and 5 people", "40%")."""
    q = quantity
    if q.unit == "year" and q.value_max is None and q.qualifier == "exact":
        return f"in {int(q.value)}"
    lead = _RENDER_QUAL[q.qualifier]
    sym = _CODE_SYMBOL.get(q.unit or "", "")
    if q.unit and q.unit in _CODES and not sym:
        body = (
            f"{_fmt(q.value)} {q.unit}" if q.value_max is None else f"{_fmt(q.value)} and {_fmt(q.value_max)} {q.unit}"
        )
    elif sym:
        body = f"{sym}{_fmt(q.value)}" if q.value_max is None else f"{sym}{_fmt(q.value)} and {sym}{_fmt(q.value_max)}"
    else:
        tail = "%" if q.unit == "percent" else (f" {q.unit}" if q.unit and q.unit != "year" else "")
        body = _fmt(q.value) if q.value_max is None else f"{_fmt(q.value)} and {_fmt(q.value_max)}"
        body += tail
    return (lead + body) if q.qualifier != "range" else f"between {body}"
