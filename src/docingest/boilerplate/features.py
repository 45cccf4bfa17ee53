"""What a block *does*, as numbers: the features of the in-story boilerplate model.

Two kinds, both computed on the block's text **outside quotation marks** (what the publication says in its own
voice, not what it reports someone said):

* **Local** features (:func:`local_features`) of one block on its own: who it addresses (second person, the
  publication's "we/our", imperatives opening a sentence), what it offers (prices, periods, trials, "free"),
  the channels it gives (e-mail, phone, messaging apps, handles, URLs, social platforms), the publication's
  products (app, newsletter, podcast, alerts, edition), credit and legal shapes ("Photo: …", "X/Agency", "©",
  "all rights reserved", reproduction terms), reporting shapes that mark a story (attribution verbs, third-person
  pronouns, years), its shape (length, closing punctuation, a leading label, capitals), its kind and markup
  (heading, list item, caption; link density; class/id words that are specific to the block) — and hashed word
  unigrams and bigrams (with the opening word marked), whose weights training keeps small.
* **Context** features (:func:`context_features`) from the local scores of the page's blocks: the neighbours'
  scores (publisher blocks come in runs; a list after a pitch that ends in a colon is its perks), where the
  block stands relative to the end of the story, how much of the page addresses the reader, and whether the
  same text was seen on another page of the site.

Features are sparse: ``(index, value)`` pairs, named dense features first (:data:`LOCAL_NAMES`,
:data:`CONTEXT_NAMES`), hashed n-grams after them (:data:`HASH_BUCKETS` of them). Hashing uses CRC-32, stable
across processes and platforms.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Protocol

from .cohesion import COHESION_BINARY, COHESION_NAMES

#: A block longer than this is prose: it is never judged (its local score is :data:`LONG_LOGIT`).
MAX_JUDGED = 700
#: The local logit given to a block too long to judge.
LONG_LOGIT = -8.0
HASH_BITS = 14
#: Only the first this many words give n-grams.
NGRAM_WORDS = 24
HASH_BUCKETS = 1 << HASH_BITS
_MASK = HASH_BUCKETS - 1

# ------------------------------------------------------------------------------------------- quotations

#: A quotation: double or typographic marks around some words, or single marks opening after a space and
#: closing before punctuation or a space (an apostrophe inside a word is not one).
_QUOTED = re.compile(
    r"“[^”\n]{2,800}”|\"[^\"\n]{2,800}\"|«[^»\n]{2,800}»|„[^“”\n]{2,800}[“”]"
    r"|(?:^|(?<=[\s(\[—–-]))‘[^’\n]{2,800}’(?=[\s.,;:!?)\]—–-]|$)"
    r"|(?:^|(?<=[\s(\[—–-]))'[^'\n]{2,800}'(?=[\s.,;:!?)\]—–-]|$)"
)
_QUOTE_CHARS = ('"', "“", "«", "„", "‘", "'")


def outside_quotes(text: str) -> tuple[str, int]:
    """The text with its quotations replaced by an ellipsis, and the number of quoted characters."""
    if not any(q in text for q in _QUOTE_CHARS):
        return text, 0
    quoted = 0

    def cut(match: re.Match[str]) -> str:
        nonlocal quoted
        quoted += len(match.group()) - 2
        return " … "

    return _QUOTED.sub(cut, text), quoted


def holds_quotation(text: str) -> bool:
    """Does the block quote someone (a quotation of three words or more)? Such a block is never removed."""
    if not any(q in text for q in _QUOTE_CHARS):
        return False
    return any(len(m.group().split()) >= 3 for m in _QUOTED.finditer(text))


# ------------------------------------------------------------------------------------- the local signals

#: Lexical signals, each one feature (present or not), found in the lower-cased words outside quotations: most by
#: word look-up (:data:`_WORD_SIGNALS`, :data:`_PREFIX_SIGNALS`, :data:`_PAIR_SIGNALS`), the shapes of money,
#: addresses, phone numbers and bios by a few regular expressions tried only when a cheap test allows.
def _split(text: str) -> list[str]:
    return text.split()


_SIGNAL_NAMES = (
    "you", "we", "i", "said", "say", "third", "money", "period", "offer", "email", "url", "handle", "phone",
    "messaging", "social", "product", "support", "ask", "ad", "press", "contact", "credit", "legal", "bio", "related",
    "self_doc", "year", "percent",
)
_WORD_LISTS = {
    "you": "you your yours yourself you're you’re you've you’ve you'll you’ll you'd you’d",
    "we": "we our ours us we're we’re we've we’ve we'll we’ll we'd we’d",
    "i": "i my me i'm i’m i've i’ve",
    "said": "said says told according added explained argued warned announced stated insisted claimed recalled "
            "noted urged asked replied confirmed estimated reported testified",
    "say": "said says told",
    "third": "he she they his her their them its it's it’s",
    "money": "dollars euros pounds cents usd eur gbp aud cad",
    "period": "weekly monthly annual annually yearly",
    "offer": "free trial offer discount off save deal code unlimited exclusive premium bonus",
    "messaging": "whatsapp signal telegram protonmail securedrop messenger wechat viber dm dms",
    "social": "facebook twitter x instagram linkedin tiktok youtube bluesky threads mastodon reddit pinterest "
              "snapchat rss",
    "product": "app apps newsletter newsletters inbox podcast podcasts alert alerts notification notifications "
               "edition epaper e-paper print briefing digest bulletin feed livestream episode",
    "support": "paywall paid premium signup",
    "ask": "give giving",
    "ad": "advertisement advertising advert ad ads sponsored sponsor promoted affiliate commission shop shopping "
          "buy deal deals",
    "press": "journalism journalist journalists reporter reporters reporting newsroom editor editors editorial "
             "correspondent correspondents coverage reader readers listener listeners viewer viewers publication "
             "masthead",
    "contact": "contact email e-mail call phone reach tip tips tipline securely feedback inquiries enquiries",
    "credit": "photo photos photograph image images picture illustration graphic video audio credit credits "
              "courtesy via file handout supplied listen watch player",
    "legal": "copyright permission disclaimer disclosure correction corrections",
}
_PREFIXES = {
    "support": ("subscrib", "member", "donat", "contribut", "patron"),
    "ask": ("support", "fund", "join", "register", "gift", "pledge"),
    "legal": ("reproduc", "republish", "redistribut", "licenc", "licens"),
    "contact": ("confidential",),
}
#: Two words in a row that make a signal.
_PAIR_LISTS = {
    "said": "according to",
    "say": "according to",
    "period": "a week|a month|a year|a day|a issue|per week|per month|per year|per day|per issue|each week|"
              "each month|each year|every week|every month|every year|every day",
    "messaging": "proton mail|direct message",
    "ad": "partner content|paid post",
    "support": "sign up|signed up|signing up",
    "contact": "write to",
    "legal": "rights reserved|views expressed|opinions expressed|forward looking|privacy policy|editorial standards|"
             "editorial guidelines|editorial policy|corrections policy|correction policy|informational purposes|"
             "a substitute|solely responsible|behalf of|terms of",
    "self_doc": "|".join(f"this {noun}" for noun in _split(
        "article story content post piece page report release newsletter issue episode podcast site email edition "
        "feature column series investigation video interview")),
    "percent": "per cent",
}
_WORD_SIGNALS: dict[str, tuple[str, ...]] = {}
for _name, _words in _WORD_LISTS.items():
    for _w in _split(_words):
        _WORD_SIGNALS[_w] = (*_WORD_SIGNALS.get(_w, ()), _name)
_PAIR_SIGNALS: dict[tuple[str, str], tuple[str, ...]] = {}
for _name, _pairs in _PAIR_LISTS.items():
    for _pair in _pairs.split("|"):
        _a, _b = _pair.split(" ")
        _PAIR_SIGNALS[(_a, _b)] = (*_PAIR_SIGNALS.get((_a, _b), ()), _name)
#: The words that give each signal.
_SIGNAL_WORDS = {name: frozenset(w for w, names in _WORD_SIGNALS.items() if name in names) for name in _WORD_LISTS}
_PREFIX_SIGNALS = tuple((prefix, name) for name, prefixes in _PREFIXES.items() for prefix in prefixes)
_PREFIX_START = frozenset(prefix[:3] for prefix, _ in _PREFIX_SIGNALS)
_RELATED_FIRST = frozenset(_split(
    "read related more also see watch listen recommended trending popular latest next previous top"))
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
#: A letter of the words the model reads (ASCII letters, as in :data:`_WORD`).
_WORD_LETTER = re.compile(r"[a-z]")
#: A letter that is not an ASCII one.
_OTHER_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONEY = re.compile(r"[$€£¥₹]\s?\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?:^|(?<=[\s(]))@\w{2,}")
_URL = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|org|net|co|io|news|uk|au|ca|ie|nz|in|za|example)\b")
#: What a bare domain name in :data:`_URL` ends with (found fast: the pattern opens with a dot).
_DOMAIN_END = re.compile(r"\.(?:com|org|net|co|io|news|uk|au|ca|ie|nz|in|za|example)\b")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\b\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?\b")
#: An author's bio: a name opening the block, then what the person is ("… is a reporter for …") or does ("…
#: covers courts", "… writes about …").
_BIO = re.compile(r"^\W*(?:[A-Z][\w'’.-]+ ){2,4}(?:(?:is|was|has been) (?:a|an|the|now)\b[^.]{0,80}?\b(?:reporter|"
                  r"correspondent|writer|editor|journalist|columnist|author|photographer|producer|contributor|fellow|"
                  r"intern|analyst)|(?:covers|writes|reports)\b)")
_BIO_WORDS = frozenset(_split(
    "reporter correspondent writer editor journalist columnist author photographer producer contributor fellow "
    "intern analyst covers writes reports"))


def _signals(low: str, words: Sequence[str]) -> set[str]:
    """The lexical signals of a block (lower-cased text outside quotations, and its words)."""
    found: set[str] = set()
    unique = set(words)
    for w in _WORD_SIGNALS.keys() & unique:
        found.update(_WORD_SIGNALS[w])
    for w in unique:
        if w[:3] in _PREFIX_START:
            found.update(name for prefix, name in _PREFIX_SIGNALS if w.startswith(prefix))
        if len(w) == 4 and w[:2] in ("19", "20") and _YEAR.match(w):
            found.add("year")
    for pair in _PAIR_SIGNALS.keys() & set(itertools.pairwise(words)):
        found.update(_PAIR_SIGNALS[pair])
    if words and words[0] in _RELATED_FIRST:
        found.add("related")
    if "%" in low:
        found.add("percent")
    if "©" in low or "(c)" in low or "###" in low:
        found.add("legal")
    if any(c in low for c in "$€£¥₹") and _MONEY.search(low):
        found.add("money")
    if "@" in low:
        if _EMAIL.search(low):
            found.add("email")
        if _HANDLE.search(low):
            found.add("handle")
    if "." in low and ("www." in low or "://" in low or (_DOMAIN_END.search(low) and _URL.search(low))):
        found.add("url")
    if len(_DIGIT.findall(low)) >= 6 and _PHONE.search(low):
        found.add("phone")
    return found

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;—–]\s+|\s[-–—]\s)[\W_]*([a-z']+)")
_LABEL = re.compile(r"^\W*[A-Za-z][\w'’&-]*(?: [\w'’&-]+){0,3}\s?[:|»›]\s*\S")
#: A word of capitals, and a capitalised word's start: ``\b[A-Z]{2,}\b`` and ``\b[A-Z][a-z]``, written to open
#: with the capital (the engine then skips fast to the next one) and look behind it for the word's start.
_CAPS = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+\b")
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]")
#: A credit line: a few words, then "by" and a capitalised name ("Photographs by …", "Medically reviewed by …",
#: "(Reporting by …; Editing by …)").
_BY_CREDIT = re.compile(r"^\W*(?:[A-Za-z-]+ ){0,3}by [A-Z]")
#: A label naming something ("About Quillon Robotics", "About the author").
_ABOUT = re.compile(r"^\W*About (?:the |us\b|[A-Z])")
#: An end mark ("###", "-ends-", "ENDS", "- 30 -").
_END_MARK = re.compile(r"^\W*(?:#{3}|-?\s?ends\s?-?|-\s?30\s?-|end)\W*$", re.IGNORECASE)
_SLASH_CREDIT = re.compile(r"\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*\s?/\s?[A-Z][\w.&'’-]*")

#: Verbs whose bare form opening a sentence tells the reader to do something. (Bare forms only: a story's
#: sentence opens with a subject.)
IMPERATIVES = frozenset((
    "subscribe", "sign", "join", "donate", "support", "give", "download", "follow", "share", "contact", "email",
    "e-mail", "send", "click", "tap", "register", "become", "help", "start", "unlock", "enter", "upgrade", "log",
    "read", "listen", "watch", "get", "keep", "make", "consider", "tell", "call", "find", "learn", "try", "visit",
    "discover", "explore", "check", "grab", "enjoy", "gain", "be", "stay", "see", "buy", "shop", "order", "save",
    "claim", "book", "browse", "let", "add", "pick", "choose", "chip", "back", "fund", "sponsor", "write", "submit",
    "reach", "text", "message", "dm", "like", "comment", "leave", "take", "go", "head", "tune", "hear", "catch",
    "sort", "stream", "play", "view", "apply", "renew", "activate", "install", "open", "scan", "use", "don't",
    "never",
))

#: Dense local features, in index order after the signal groups.
_SHAPE_NAMES = (
    "bias", "len_log", "len_lt40", "len_lt100", "len_gt300", "words_le3", "ends_colon", "ends_question",
    "ends_exclaim", "ends_open", "label_lead", "imperative", "imperative_first", "you_rate", "we_rate",
    "third_rate", "quoted_share", "caps_share", "capitalised_share", "digit_share", "slash_credit", "by_credit",
    "about_label", "end_mark", "site_named",
    "link_density", "all_links", "hinted",
)
#: The local features' names: the signals, the shapes, then the cohesion numbers (set per page, see
#: :mod:`.cohesion`; the first-pass model never sees them).
LOCAL_NAMES: tuple[str, ...] = tuple(f"has_{n}" for n in _SIGNAL_NAMES) + _SHAPE_NAMES + COHESION_NAMES
_N_LOCAL = len(LOCAL_NAMES)
_AT = {name: i for i, name in enumerate(LOCAL_NAMES)}
_SIGNAL_AT = {name: _AT[f"has_{name}"] for name in _SIGNAL_NAMES}
#: Named binary features whose pairs are features too (a short block that opens with a label *and* points to
#: another story says more than either alone): index of the pair (a, b), a < b, is ``PAIR_OFFSET + a * N + b``.
PAIR_OFFSET = _N_LOCAL
_BINARY = frozenset(i for i, name in enumerate(LOCAL_NAMES) if name.startswith("has_") or name in {
    "len_lt40", "len_lt100", "len_gt300", "words_le3", "ends_colon", "ends_question", "ends_exclaim", "ends_open",
    "label_lead", "imperative", "imperative_first", "slash_credit", "by_credit", "about_label", "end_mark",
    "site_named", "all_links", "hinted", *COHESION_BINARY})
#: Index of the first hashed n-gram feature.
HASH_OFFSET = PAIR_OFFSET + _N_LOCAL * _N_LOCAL


def active_flags(features: Features) -> tuple[int, ...]:
    """The indices of the binary named features that are set."""
    return tuple(i for i, v in features if i in _BINARY and v == 1.0)


def with_pairs(features: Features, active: tuple[int, ...] | None = None) -> Features:
    """The features with the pair features of their active binary named features (``active``, when known) added."""
    if active is None:
        active = active_flags(features)
    if len(active) < 2:
        return features
    pairs = [(PAIR_OFFSET + a * _N_LOCAL + b, 1.0) for n, a in enumerate(active) for b in active[n + 1:]]
    return sorted([*features, *pairs])


def cross_pairs(flags: Sequence[int], flag: int) -> Features:
    """The pair features of one more flag (a cohesion flag, set per page) with a block's ``flags``."""
    return [(PAIR_OFFSET + min(a, flag) * _N_LOCAL + max(a, flag), 1.0) for a in flags if a != flag]


#: Index of each cohesion number among the local features.
COHESION_AT = {name: _AT[name] for name in COHESION_NAMES}

#: The site-name feature's index (set per page, outside the cache of local features: see :func:`names_site`).
SITE_NAMED = _AT["site_named"]

_BUCKETS: dict[str, int] = {}
_BUCKETS_MAX = 1 << 16


def _bucket(token: str) -> int:
    found = _BUCKETS.get(token)
    if found is None:
        if len(_BUCKETS) >= _BUCKETS_MAX:
            _BUCKETS.clear()
        found = _BUCKETS[token] = zlib.crc32(token.encode("utf-8")) & _MASK
    return found


Features = list[tuple[int, float]]


#: Attribution verbs (a statement someone made: "said", "told", "according to" ...).
_ATTRIBUTION_VERBS = (
    "said|says|say|told|tells|added|adds|explained|explains|argued|argues|warned|warns|announced|stated|insisted|"
    "claimed|claims|recalled|noted|notes|urged|urges|replied|confirmed|confirms|estimated|reported|testified|wrote|"
    "writes|acknowledged|admitted"
)
#: Who makes a statement: a name, a pronoun, or a word for an official, an organisation or a document.
_SPEAKER = (
    r"(?:[A-Z][\w'’.-]+|he|she|they|it|who|which|officials?|spokes\w+|police|authorities|researchers|experts?|"
    r"analysts?|executives?|ministers?|directors?|president|chief|managers?|statement|report|study|data|figures|"
    r"company|council|government|agency|department)"
)
#: An attribution: a speaker and an attribution verb next to each other (a word or two may sit between), a verb
#: right after a quotation, or "according to". A verb alone ("frequently asked", "once added") is none.
_ATTRIBUTION = re.compile(
    rf"\b{_SPEAKER}\s+(?:\w+\s+){{0,2}}?(?:{_ATTRIBUTION_VERBS})\b"
    rf"|\b(?:{_ATTRIBUTION_VERBS})\s+(?:the\s+|a\s+|an\s+)?{_SPEAKER}\b"
    rf"|[,.!?][”\"’']\s*(?:{_ATTRIBUTION_VERBS})\b"
    r"|\b[Aa]ccording to\b"
)


def reports(text: str) -> bool:
    """Does the block attribute a statement to someone ("…, the minister said", "according to the report")? Cheap
    (a substring test comes first): a page with too few such blocks is not judged at all."""
    for key in _ATTRIBUTION_KEYS:
        if key in text:
            return _ATTRIBUTION.search(text) is not None
    return False


def may_report(texts: Sequence[str]) -> list[int]:
    """The indices of the texts that hold the stem of an attribution verb (a superset of the only ones
    :func:`reports` may find attributing), in order: one search of the joined texts per stem, rather than one per
    text."""
    joined = "\n".join(texts)  # (no stem holds a line break: each one found lies within one text)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    found: set[int] = set()
    for key in _ATTRIBUTION_STEMS:
        at = joined.find(key)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            at = joined.find(key, starts[i + 1])
    return sorted(found)


#: Substrings one of which every attribution contains (the verbs, as the pattern spells them, that hold no other
#: one, and "according to"): a fast test before the pattern.
_ATTRIBUTION_KEYS = tuple(sorted(
    {v for v in _ATTRIBUTION_VERBS.split("|") if not any(o != v and o in v for o in _ATTRIBUTION_VERBS.split("|"))}
    | {"ccording to"}))
#: Fewer, shorter substrings, each key holding one ("argue" for "argued" and "argues"): what :func:`may_report`
#: scans the page for (each scan reads all of its text; a few more texts pass to :func:`reports`, which says no).
_ATTRIBUTION_STEMS = (
    "acknowledged", "add", "admitted", "announced", "argue", "ccording to", "claim", "confirm", "estimated",
    "explain", "insisted", "note", "recalled", "replied", "reported", "said", "say", "stated", "tell", "testified",
    "told", "urge", "warn", "writes", "wrote",
)


def readable(text: str) -> bool:
    """Is the block mostly words of a Latin-script language (the only kind the model has learned to read), or
    short and without letters (an end mark such as "###" or "* * *")?"""
    if _OTHER_LETTER.search(text) is None:  # every letter an ASCII one (most blocks): no need to count
        return _LETTER.search(text) is not None or len(text) <= 12
    letters = len(_LETTER.findall(text))
    return len(_WORD_LETTER.findall(text.lower())) >= 0.7 * letters


def local_features(text: str, *, link_density: float = 0.0, hinted: bool = False,
                   outside: tuple[str, int] | None = None) -> Features:
    """The local features of one block (at most :data:`MAX_JUDGED` characters), all but :data:`SITE_NAMED`.

    The block's kind (paragraph, list item, heading ...) is no feature: how a page marks a block up says little
    about what it does, and a list of perks is a list on one site and paragraphs on the next."""
    core, quoted = outside or outside_quotes(text)
    low = core.lower()
    words = _WORD.findall(low)
    n = max(len(words), 1)
    feats: dict[int, float] = {_AT["bias"]: 1.0}
    found = _signals(low, words)
    if not _BIO_WORDS.isdisjoint(words) and _BIO.match(core):
        found.add("bio")
    for name in found:
        feats[_SIGNAL_AT[name]] = 1.0
    size = len(text)
    feats[_AT["len_log"]] = math.log1p(size) / 6.0
    if size < 40:
        feats[_AT["len_lt40"]] = 1.0
    if size < 100:
        feats[_AT["len_lt100"]] = 1.0
    if size > 300:
        feats[_AT["len_gt300"]] = 1.0
    if len(words) <= 3:
        feats[_AT["words_le3"]] = 1.0
    last = text.rstrip()[-1:]
    if last == ":":
        feats[_AT["ends_colon"]] = 1.0
    elif last == "?":
        feats[_AT["ends_question"]] = 1.0
    elif last == "!":
        feats[_AT["ends_exclaim"]] = 1.0
    elif last.isalnum():
        feats[_AT["ends_open"]] = 1.0
    if _LABEL.match(core):
        feats[_AT["label_lead"]] = 1.0
    starts = [m.group(1) for m in _SENTENCE_START.finditer(low)]
    if any(s in IMPERATIVES for s in starts):
        feats[_AT["imperative"]] = 1.0
        if starts and starts[0] in IMPERATIVES:
            feats[_AT["imperative_first"]] = 1.0
    for name, feature in (("you", "you_rate"), ("we", "we_rate"), ("third", "third_rate")):
        if name in found:
            count = sum(map(_SIGNAL_WORDS[name].__contains__, words))
            feats[_AT[feature]] = min(1.0, 8.0 * count / n)
    if quoted:
        feats[_AT["quoted_share"]] = quoted / max(size, 1)
    raw_words = core.split()
    if raw_words:
        caps = len(_CAPS.findall(core))
        if caps:
            feats[_AT["caps_share"]] = caps / len(raw_words)
        feats[_AT["capitalised_share"]] = len(_CAPITALISED.findall(core)) / len(raw_words)
    digits = len(_DIGIT.findall(core))
    if digits:
        feats[_AT["digit_share"]] = min(1.0, 4.0 * digits / max(len(core), 1))
    if "/" in core and _SLASH_CREDIT.search(core):
        feats[_AT["slash_credit"]] = 1.0
    if "by " in core and _BY_CREDIT.match(core):
        feats[_AT["by_credit"]] = 1.0
    if _ABOUT.match(core):
        feats[_AT["about_label"]] = 1.0
    if size < 12 and _END_MARK.match(core):
        feats[_AT["end_mark"]] = 1.0
    if link_density > 0:
        feats[_AT["link_density"]] = link_density
        if link_density >= 0.9:
            feats[_AT["all_links"]] = 1.0
    if hinted:
        feats[_AT["hinted"]] = 1.0
    # hashed n-grams of the opening words (what a block does shows in how it opens; a long block's later words
    # add cost, not evidence): the first word (marked), each word, each pair of words
    if words:
        words = words[:NGRAM_WORDS]
        ngram: dict[int, float] = {}
        previous = _bucket("^" + words[0])
        ngram[previous] = 1.0
        previous = _bucket(words[0])
        ngram[previous] = 1.0
        for word in words[1:]:
            current = _bucket(word)
            ngram[current] = 1.0
            ngram[(previous * 31 + current + 7) & _MASK] = 1.0
            previous = current
        scale = 1.0 / math.sqrt(len(ngram))
        for bucket in ngram:
            feats[HASH_OFFSET + bucket] = feats.get(HASH_OFFSET + bucket, 0.0) + scale
    return sorted(feats.items())


def site_phrase(site_name: str | None) -> str:
    """The publication's name as looked for in blocks: lower case, without a leading "the"."""
    if not site_name:
        return ""
    name = " ".join(site_name.lower().split())
    return name[4:] if name.startswith("the ") else name


def names_site(text: str, phrase: str) -> bool:
    """Does the block name the publication (outside quotations)?"""
    return bool(phrase) and len(phrase) >= 3 and phrase in outside_quotes(text)[0].lower()


# ------------------------------------------------------------------------------------------------- context

CONTEXT_NAMES: tuple[str, ...] = (
    "bias", "median", "relative", "high_share", "page_reports", "page_unreported", "local_reporting",
    "local_unreported", "relative_reporting", "prev", "next", "prev2", "next2", "run_max", "run_mean", "prev_lead",
    "list_chain",
    "no_story_after", "story_after_share", "before_story", "position", "page_you", "repeated", "repeated_local",
    "short_between_promos", "page_links", "linked_on_linked_page", "story_mass", "story_blocks", "page_we",
    "page_site", "we_on_we_page", "site_on_site_page", "page_says",
)
_C = {name: i for i, name in enumerate(CONTEXT_NAMES)}
#: A block with a local logit below this and at least :data:`_STORY_CHARS` characters counts as story.
_STORY_LOGIT = -1.0
_STORY_CHARS = 150


def _squash(z: float) -> float:
    """A logit scaled into [-1, 1] (so one very confident neighbour does not outweigh everything)."""
    return max(-1.0, min(1.0, z / 6.0))


def context_features(
    logits: Sequence[float], *, sizes: Sequence[int], kinds: Sequence[str], ends_colon: Sequence[bool],
    addresses_reader: Sequence[bool], reports: Sequence[bool], repeated: Sequence[bool], linked: Sequence[bool],
    we: Sequence[bool], site: Sequence[bool], says: Sequence[bool], only: Collection[int] | None = None,
) -> list[Features]:
    """The context features of every block of a page, from the blocks' local logits and shapes (``linked``: the
    block is mostly a link); with ``only``, those of the blocks at these indices alone, in page order."""
    count = len(logits)
    story = [z < _STORY_LOGIT and size >= _STORY_CHARS and not link
             for z, size, link in zip(logits, sizes, linked, strict=True)]
    story_count = sum(story)
    page_links = sum(linked) / count if count else 0.0
    story_total = sum(size for s, size in zip(story, sizes, strict=True) if s) or 1
    after = [0] * (count + 1)  # story characters after block i
    for i in range(count - 1, -1, -1):
        after[i] = after[i + 1] + (sizes[i] if story[i] else 0)
    first_story = next((i for i, s in enumerate(story) if s), count)
    page_you = sum(addresses_reader) / count if count else 0.0
    page_we = sum(we) / count if count else 0.0
    page_site = sum(site) / count if count else 0.0
    page_says = min(1.0, sum(says) / 3.0)
    judged = sorted(z for z in logits if z != LONG_LOGIT)
    median = judged[len(judged) // 2] if judged else LONG_LOGIT
    high_share = sum(1 for z in judged if z > 0) / len(judged) if judged else 0.0
    reporting = sum(reports)
    out: list[Features] = []
    chain = False
    for i in range(count):
        z = logits[i]
        lead = i > 0 and ends_colon[i - 1] and logits[i - 1] > -2.0
        chain = kinds[i] == "list_item" and (lead or (chain and i > 0 and kinds[i - 1] == "list_item"))
        if only is not None and i not in only:
            continue
        prev = logits[i - 1] if i > 0 else -3.0
        nxt = logits[i + 1] if i + 1 < count else -3.0
        prev2 = logits[i - 2] if i > 1 else -3.0
        nxt2 = logits[i + 2] if i + 2 < count else -3.0
        window = [logits[j] for j in range(max(0, i - 2), min(count, i + 3)) if j != i]
        f: dict[int, float] = {
            _C["bias"]: 1.0, _C["median"]: _squash(median), _C["relative"]: _squash(z - median),
            _C["high_share"]: high_share, _C["page_reports"]: min(1.0, reporting / 4.0), _C["prev"]: _squash(prev),
            _C["next"]: _squash(nxt),
            _C["prev2"]: _squash(prev2), _C["next2"]: _squash(nxt2),
            _C["run_max"]: _squash(max(window)) if window else -0.5,
            _C["run_mean"]: _squash(sum(window) / len(window)) if window else -0.5,
            _C["story_after_share"]: after[i + 1] / story_total,
            _C["position"]: i / (count - 1) if count > 1 else 0.0,
            _C["page_you"]: page_you,
            _C["page_links"]: page_links,
            _C["story_mass"]: min(1.0, math.log1p(story_total) / 10.0),
            _C["story_blocks"]: min(1.0, story_count / 8.0),
            _C["page_we"]: page_we,
            _C["page_site"]: page_site,
            _C["page_says"]: page_says,
        }
        if linked[i]:
            f[_C["linked_on_linked_page"]] = page_links
        if we[i]:
            f[_C["we_on_we_page"]] = page_we
        if site[i]:
            f[_C["site_on_site_page"]] = page_site
        reports_share = min(1.0, reporting / 4.0)
        f[_C["local_reporting"]] = _squash(z) * reports_share
        f[_C["relative_reporting"]] = _squash(z - median) * reports_share
        if reporting == 0:
            f[_C["page_unreported"]] = 1.0
            f[_C["local_unreported"]] = _squash(z)
        if lead:
            f[_C["prev_lead"]] = 1.0
        if chain:
            f[_C["list_chain"]] = 1.0
        if after[i + 1] == 0 and not story[i]:
            f[_C["no_story_after"]] = 1.0
        if i < first_story:
            f[_C["before_story"]] = 1.0
        if repeated[i]:
            f[_C["repeated"]] = 1.0
            f[_C["repeated_local"]] = _squash(z)
        if sizes[i] < _STORY_CHARS and prev > 0 and nxt > 0:
            f[_C["short_between_promos"]] = 1.0
        out.append(sorted(f.items()))
    return out


# -------------------------------------------------------------------------------------------- markup hints

#: Class/id fragments that mark the publisher's own boxes when they belong to a block rather than to the
#: whole body.
_HINT_STEMS = (
    "promo", "subscri", "newsletter", "signup", "sign-up", "donat", "member", "paywall", "tipline", "tip-line",
    "related", "recirc", "readmore", "read-more", "share", "social", "follow", "credit", "advert", "ad-slot",
    "sponsor", "author-bio", "copyright", "outbrain", "taboola", "teaser", "upsell", "offer", "epic", "callout",
    "contribution", "benefit", "perks", "contact-box", "disclaimer", "cta",
)
#: Whole parts of a class/id word (split on ``-`` and ``_``) that mark such boxes.
_HINT_PARTS = frozenset({"tips", "ad", "ads", "bio"})
_HINT_TOKEN = re.compile(
    "|".join(re.escape(stem) for stem in _HINT_STEMS)
    + r"|(?:^|[-_])(?:" + "|".join(sorted(_HINT_PARTS)) + r")(?:$|[-_])"
)
_HINTS: dict[str, frozenset[str]] = {}
_NO_HINTS: frozenset[str] = frozenset()
#: A block this long is prose; a hint word on several such blocks belongs to a container of the story.
_PROSE = 300


def hint_words(attrs: str) -> frozenset[str]:
    """The class/id words of a block that hint at the publisher's boxes (``promo``, ``newsletter-signup`` ...)."""
    if not attrs:
        return _NO_HINTS
    found = _HINTS.get(attrs)
    if found is None:
        found = frozenset(t for t in attrs.lower().split() if _HINT_TOKEN.search(t)) or _NO_HINTS
        if len(_HINTS) >= 8192:
            _HINTS.clear()
        _HINTS[attrs] = found
    return found


class _Marked(Protocol):
    @property
    def attrs(self) -> str: ...

    @property
    def text(self) -> str: ...


def hinted_blocks(blocks: Sequence[_Marked]) -> list[bool]:
    """Which blocks carry a hint word that is specific to them: on at most half the page's blocks and on at most
    two long ones (a word on most blocks, or on paragraphs of prose, belongs to the story's container)."""
    hints = [hint_words(b.attrs) for b in blocks]
    if not any(hints):
        return [False] * len(blocks)
    counts: Counter[str] = Counter()
    prose: Counter[str] = Counter()
    for h, b in zip(hints, blocks, strict=True):
        counts.update(h)
        if len(b.text) > _PROSE:
            prose.update(h)
    limit = max(1, len(blocks) // 2)
    rare = {t for t, c in counts.items() if c <= limit and prose[t] < 3}
    return [not rare.isdisjoint(h) for h in hints]
