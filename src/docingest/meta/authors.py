"""Author strings as pages write them → a clean tuple of names.

"By Jane Doe and John Roe, Staff Writers | March 5, 2024" → ("Jane Doe", "John Roe"). Removed: the "By"
prefix (in several languages), dates and times, roles and credentials ("Staff Writer", "PhD"), e-mail
addresses, URLs, handles, CMS slugs and placeholders ("undefined"), and names passed in ``exclude`` (the
publication itself, so that it never poses as a person beside named people). Collective credits ("The
Investopedia Team", "TOI Lifestyle Desk") stay whole: that is how the page credits the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|authored|compiled|words|story|text|article|photos?|recipe|guide"
    r"|insights|analysis|commentary|column|essay|interview)\s+)?"
    r"(?:by|from|von|par|por|di|door|av|af|przez|autor(?:in)?|auteur|author|authors|writer|byline)\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_REVIEWED = re.compile(r"\b(?:medically\s+)?(?:reviewed|fact[- ]checked|edited|illustrated|photographed)\s+by\b",
                       re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|•|·|\s&\s|&amp;|\band\b|\bund\b|\bet\b|\by\b|\be\b|\s[–—-]\s)\s*",
                    re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_ROLE_WORDS = frozenset(
    """staff writer writers reporter reporters editor editors editorial senior junior chief deputy managing
    contributing contributor contributors correspondent correspondents columnist columnists journalist
    journalists producer producers author authors guest blogger team desk news newsroom staff freelance
    freelancer intern associate executive assistant digital web online political politics business sports
    science health technology tech entertainment culture opinion features feature national international
    foreign local metro reviewer analyst founder cofounder co-founder ceo cto president director manager
    head lead member photographer photographers video multimedia specialist expert special fellow
    professor writer's admin administrator moderator updated update published posted on at last january
    former coordinator attorney representative educator educators consultant strategist officer sponsored
    february march april june july august september october november december""".split()  # noqa: SIM905
)
_GENERIC = frozenset(
    """admin administrator staff editor editors editorial team guest anonymous unknown user webmaster
    newsroom news desk redaction redaktion redacción redazione author undefined null none nan unknown the
    by""".split()  # noqa: SIM905
)
#: Words that make a credit collective ("The Investopedia Team", "TOI Lifestyle Desk"): such a byline is kept
#: whole, it is how the page credits the story.
_COLLECTIVE = frozenset({"team", "desk", "staff", "editors", "newsroom", "bureau"})
_MONTH_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december""".split()  # noqa: SIM905
)
_WEEKDAYS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
_CALENDAR_WORDS = _MONTH_WORDS | _WEEKDAYS
#: Words of the page's controls and labels ("Log In", "Share Post", "No Comments", "Select Page"): a byline read
#: off the page that holds one is no name.
_UI_WORDS = frozenset(
    """log login logout sign select page share post posts comment comments article articles read more menu search
    home subscribe follow print email next previous prev related contents table skip content toggle close open
    view back top jump edit edited reply like save download filter sort topic subject category categories tags
    tag no this tweet copy link listen play watch advertisement cookie cookies privacy terms learn about contact
    shop cart now get started loading""".split()  # noqa: SIM905
)
_SLUG = re.compile(r"^[a-z0-9]+(?:[-._][a-z0-9]+)+$")
_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{2,6}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|Esq\.?|M\.?S\.?|B\.?S\.?|R\.?N\.?|MBA|MPH|[IVX]{1,4})$"
)
_DATEISH = re.compile(
    r"\d{1,4}[:/.-]\d{1,2}|\b(?:19|20)\d{2}\b|\b\d+\s*(?:min|mins|minutes|hours?|hrs?|days?|weeks?|months?)\b"
    r"|\b(?:ago|updated|published|posted|read)\b",
    re.IGNORECASE,
)


_IN_SECTION = re.compile(r"\s+in\s+(?=[A-Z])")


def _role_phrase(text: str) -> bool:
    """True for a job title ("Home and Digital Security Expert", "Senior Writer"): its last word is a role."""
    words = text.split()
    return len(words) > 1 and words[-1].strip(".,:;()").lower() in _ROLE_WORDS


def _norm(text: str) -> str:
    return " ".join(text.split())


_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


def _name_like(piece: str, strict: bool) -> bool:
    words = piece.split()
    if not words or len(words) > 5 or len(piece) > 60:
        return False
    if "@" in piece or "://" in piece or piece.startswith("www."):
        return False
    if not any(ch.isalpha() for ch in piece):
        return False
    if _key(piece) in _GENERIC or _SLUG.match(piece):
        return False
    if len(words) == 1 and piece.strip(".,").lower() in _CALENDAR_WORDS:
        return False
    if strict and any(w.strip(".,:;!?()").lower() in _UI_WORDS for w in words):
        return False
    lowered = [w.strip(".,:;()").lower() for w in words]
    if all(w in _ROLE_WORDS for w in lowered):
        return False
    # a single lower-case token is a user name ("luizjr4"); several words should look like a name
    if strict and len(words) > 1 and sum(1 for w in words if w[:1].isupper()) == 0 and not any(
        not ch.isascii() for ch in piece
    ):
        return False
    return not (len(words) > 1 and any(ch.isdigit() for ch in piece))


def _strip_roles(piece: str) -> str:
    """Drop trailing role words: "Jane Doe Staff Writer" → "Jane Doe", "Jane Doe Senior Autos Reporter" →
    "Jane Doe", "Jane Doe USA TODAY" → "Jane Doe"; a collective credit ("Everfit Team") stays whole."""
    words = piece.split()
    # the publication in capitals after a name written in mixed case ("Jane Doe USA TODAY")
    def capitals(word: str) -> bool:
        return len(word) > 1 and word.isalpha() and word.isupper()

    if len(words) > 2 and capitals(words[-1]):
        end = len(words)
        while end > 2 and capitals(words[end - 1]):
            end -= 1
        if all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words[:end]):
            words = words[:end]
    if (
        len(words) > 1
        and words[-1].strip(".,:;").lower() in _COLLECTIVE
        and words[-2][:1].isupper()
        and words[-2].strip(".,:;").lower() not in _ROLE_WORDS
    ):
        return piece
    while len(words) > 1 and words[-1].strip(".,:;").lower() in _ROLE_WORDS:
        if len(words) > 2 and words[-2].strip(".,:;").lower() not in _ROLE_WORDS and words[-1][:1].islower():
            break
        words.pop()
    return " ".join(words)


_CREDIT_WORDS = _COLLECTIVE | {"editorial", "editor", "contributor", "contributors", "writers", "web", "online"}


def _organisation_credit(name: str, credit: str, banned: frozenset[str]) -> bool:
    """True when ``credit`` is a publication's own credit rather than a person with a job title: what its
    role words leave is no person (one word, "SFist" of "SFist Contributor"; or the start of the
    publication's name, "Great Day" of "Great Day Improvements") and the first role word is a credit
    ("Editorial", "Contributor", "Team"; not "Sponsored")."""
    dropped = credit[len(name) :].split()
    if not dropped or dropped[0].strip(".,:;").lower() not in _CREDIT_WORDS:
        return False
    if len(name.split()) == 1:
        return True
    key = _key(name)
    return len(key) >= 3 and any(k.startswith(key) or key.startswith(k) for k in banned if len(k) >= 3)


def _without_initials(name: str) -> str:
    """A name without the avatar's initials read before it ("CM Craig McCarthy" → "Craig McCarthy")."""
    first, _, rest = name.partition(" ")
    words = rest.split()
    initials = 2 <= len(first) <= 3 and first.isupper() and len(words) == len(first)
    return rest if initials and "".join(w[:1] for w in words) == first else name


def split_names(
    raw: str, strict: bool = False, banned: frozenset[str] = frozenset(), organisation: bool = False
) -> list[str]:
    """The person names in one author string (possibly none). ``strict`` (for text read off the page rather
    than from author fields) also rejects phrases of several lower-case words; ``organisation`` keeps trailing
    words that are roles for a person ("Example News")."""
    text = _norm(raw)
    if not text:
        return []
    if reviewed := _REVIEWED.search(text):
        text = text[: reviewed.start()]
    text = _URL.sub(" ", text)  # a link's address is no name ("https://janedoe.com")
    # "jane@example.com (Jane Doe)" → the name in parentheses; other parentheses are roles or places
    if _EMAIL.search(text):
        inside = _PAREN.findall(text)
        text = inside[0] if inside else _EMAIL.sub(" ", text)
    else:
        text = _PAREN.sub(" ", text)
    text = _PREFIX.sub("", text)
    # "Jane Doe in Woodworking": the section the post was filed in
    text = _IN_SECTION.split(text, maxsplit=1)[0]
    # "Jane Doe, Home and Garden Expert": a job title after the name, whose "and" joins no names
    groups = text.split(",")
    text = ",".join(g for i, g in enumerate(groups) if i == 0 or not _role_phrase(g))
    # cut at the first date or time ("Jane Doe Updated 3 hours ago", "Jane Doe | Mar 5, 2024")
    if m := _DATEISH.search(text):
        text = text[: m.start()]
    names: list[str] = []
    pieces = [_PREFIX.sub("", p).strip(" \t.,:;-–—|·•&\"'“”") for p in _SPLIT.split(text)]
    pieces = [p for p in pieces if p and not _CREDENTIAL.match(p)]
    for piece in pieces:
        if _key(piece) in banned:
            continue
        name = piece if organisation else _strip_roles(piece)
        if len(pieces) == 1 and name != piece and _organisation_credit(name, piece, banned):
            name = piece  # "SFist Contributor", "Great Day Editorial Team": the publication's own credit
        name = _without_initials(name)
        if _name_like(name, strict):
            # "JANE DOE" is written in capitals; a one-word "HOSTLAR" is a handle as its owner spells it
            names.append(name.title() if name.isupper() and len(name) > 3 and " " in name else name)
    return names


_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn", "al"}
)
_WORD = r"[^\W\d_][\w'’.-]*"
_SURNAME_FIRST = re.compile(rf"^\s*((?:{_WORD}\s+){{0,2}}{_WORD})\s*,\s*((?:{_WORD}\s+){{0,2}}{_WORD})\s*$")


def name_first(value: str) -> str:
    """A bibliographic ``"Surname, Given"`` (as ``citation_author`` and Dublin Core creators are written) as
    ``"Given Surname"``: ``"Roy, Aniruddha"`` → ``"Aniruddha Roy"``, ``"van der Berg, Anna"`` → ``"Anna van der
    Berg"``. Anything else comes back unchanged: two names (``"Jane Doe, John Smith"``), a name and a credential
    or a role (``"Doe, PhD"``, ``"Jane Doe, Reporter"``)."""
    m = _SURNAME_FIRST.match(value)
    if m is None:
        return value
    surname, given = m.group(1), m.group(2)
    words = surname.split()
    if len(words) > 1 and not all(w.lower() in _PARTICLES for w in words[:-1]):
        return value  # "Jane Doe, ..." is a name followed by something else
    if _CREDENTIAL.match(given) or _role_phrase(given) or _split_marker(given):
        return value
    return f"{given} {surname}"


_JOINER = re.compile(r"\b(?:and|und|et)\b|&", re.IGNORECASE)


def _split_marker(text: str) -> bool:
    return _JOINER.search(text) is not None


def clean_authors(
    values: Iterable[str], exclude: Iterable[str | None] = (), strict: bool = False, organisation: bool = False
) -> tuple[str, ...]:
    """Clean names from author strings, de-duplicated in order; names equal to one of ``exclude`` (the site
    or publisher name) are dropped."""
    banned = frozenset(k for k in (_key(x) for x in exclude if x) if k)
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        for name in split_names(value, strict, banned, organisation):
            key = _key(name)
            if not key or key in seen or key in banned:
                continue
            seen.add(key)
            out.append(name)
    return tuple(out)


def is_handle(value: str) -> bool:
    """True for a social handle or profile URL rather than a name ("@jdoe", "https://facebook.com/jdoe")."""
    v = value.strip()
    return v.startswith("@") or "://" in v or v.startswith("www.")


__all__ = ["clean_authors", "is_handle", "split_names"]
