"""Built-in block cleaner: the publisher's own boilerplate inside the story.

Between and after story paragraphs, publishers insert subscription, membership and donation pitches,
newsletter and app promos, tip-line and contact-the-editor blocks, "read more" and related-story lines, share
and follow prompts, image credits and ad labels, legal lines and author bios. :class:`PromoCleaner` judges each
candidate block — HTML or plain text alike — with the signals a reader would use:

* calls to action and second-person address outside quotations ("your subscription", "sign up", "support
  us"), the publication speaking of itself ("our journalism", "… relies on readers like you"), prices and
  offers;
* anchored labels ("Read more:", "Photo:", "Advertisement", "© 2024 …");
* markup hints (class/id words such as ``promo``, ``newsletter``, ``tipline`` that are specific to the block,
  not shared by most blocks of the page), link density;
* context: a list of short items right after a membership pitch that ends in a colon is the list of perks;
* repetition: a block seen with identical text on two different pages of the same site (when several pages
  go through one pipeline) is boilerplate.

Precision comes first. A block that attributes speech ("…, the minister said") or carries a quotation is
story unless the promo evidence is overwhelming; words such as "subscription", "newsletter" or a price are
never enough on their own ("The council voted to cut the library's newspaper subscriptions, a saving of
$40,000" stays).

Judging is repeated on the surviving blocks until nothing more is dropped, so the cleaner is idempotent: run
on its own output it drops nothing. The publication's name, when the removed promos give it ("your
membership keeps The Daily Ledger going", a footer's "© 2024 The Daily Ledger"), is reported as metadata after
cleaning, filling ``site_name`` only when no other extractor found one (a plugin may set
``page.cache["promo.site_name"]`` to override the guess).
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..document import BlockCleaner, Candidate, Metadata, Page, Verdict
from ..hookspecs import hookimpl

SITE_NAME_KEY = "promo.site_name"

# ------------------------------------------------------------------------------------------------ signals

_I = re.IGNORECASE

#: Cheap pre-filter: a block matching none of these stems (and without markup or link hints) is story.
_TRIGGER = re.compile(
    r"subscri|sign.?up|member|support|donat|contribut|chip in|buy us|newsletter|inbox|briefing|\bapp\b|"
    r"download|notification|tip|story for us|contact|email|e-mail|reach|signal|whatsapp|securedrop|tell us|"
    r"let us know|mistake|error|correction|read|related|see also|recommend|more from|continue|click|share|"
    r"follow|photo|image|picture|illustration|graphic|credit|getty|reuters|\bap\b|afp|advert|sponsor|"
    r"promoted|paid|©|copyright|rights reserved|permission|republish|reproduc|author|reporter|correspondent|"
    r"writer|editor|columnist|journalis|you|our\b|\bwe\b|\bus\b|free|offer|trial|access|archive|discussion|"
    r"break|exclusive|e-paper|puzzle|watch|listen|print|comment|paywall|log ?in|upgrade|unlock|never miss",
    _I,
)

_QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"]{0,600}\"|«[^»]{0,600}»|„[^“”]{0,600}[“”]")
_ATTRIBUTION = re.compile(
    r"\b(said|says|told|according to|added|explained|argued|warned|wrote|announced|stated|insisted|"
    r"testified|claimed|recalled|noted|urged|asked)\b",
    _I,
)
_SECOND_PERSON = re.compile(r"\b(you|your|you're|you've|you'll|yours)\b", _I)
_SELF = re.compile(
    r"\b(our (journalism|reporting|newsroom|journalists|reporters|work|coverage|mission|site|readers|members|"
    r"subscribers|team|app|newsletters?|stories|editors?)|we (rely|depend|need|can't|cannot|don't have)|"
    r"(help|support|join|buy|tell|contact|email|message) us|readers like you|this (story|article) free)\b",
    _I,
)
_IMPERATIVE = re.compile(
    r"(?:^|[.!?:—]\s+)(subscribe|sign up|join|donate|support|give|download|follow|share|contact|email|tell|"
    r"send|click|tap|register|become|help|start|unlock|enter|upgrade|log in|read|listen|watch|get|keep|"
    r"make|consider|never miss|don't miss|turn on)\b",
    _I,
)
_OFFER = re.compile(
    r"([$€£¥]\s?\d[\d.,]*|\d[\d.,]*\s?(cents|dollars|euros|pounds))\s*(a|per|/)\s*(week|month|year|day)|"
    r"\b(just|only|from)\s+[$€£]\s?\d|\b\d+% off\b|\bfree trial\b|\bcancel any ?time\b|\bspecial offer\b|"
    r"\blimited time\b|\bfirst (\w+ )?months?\b",
    _I,
)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    reason: str
    weight: int
    max_len: int = 600


def _r(pattern: str, reason: str, weight: int, max_len: int = 600, flags: int = _I) -> _Rule:
    return _Rule(re.compile(pattern, flags), reason, weight, max_len)


#: Rules over the block's text outside quotations. Weight 3 decides alone; 2 needs one more signal.
_RULES: tuple[_Rule, ...] = (
    # ad labels and "continues below" markers: the whole block is the label
    _r(r"^\W*(advertisement|advert|ad|ads|sponsored|sponsored (content|post|story)|paid (content|post)|"
       r"paid partner content|partner content|promoted( content)?|story continues below( this)?"
       r"( advertisement)?|article continues below( this)?( advertisement)?|continue reading below|"
       r"scroll to continue( with content)?)\W*$", "ad label", 3, 80),
    # image credits
    _r(r"^\W*(photo(graph)?s?|images?|pictures?|illustrations?|graphics?|video|credits?|"
       r"(photo|image|picture) credits?)\s*(:|by\b)", "image credit", 3, 160),
    _r(r"^[^.!?]{0,60}\b(getty images|ap photo|afp|reuters|shutterstock|alamy|epa|via getty)\b[^.!?]{0,40}$",
       "image credit", 3, 120),
    # legal and copyright
    _r(r"(©|\(c\)\s*\d{4}|\bcopyright\s+(©\s*)?\d{4})", "copyright line", 3, 400),
    _r(r"\ball rights reserved\b", "copyright line", 3, 400),
    _r(r"\b(this|the) (material|article|story|content) (was produced by .{0,60} and )?may not be "
       r"(published|republished|reproduced|redistributed|rewritten|broadcast)", "copyright line", 3, 400),
    _r(r"\bno part of this (article|story|publication)\b.{0,40}\breproduced\b", "copyright line", 3, 400),
    # read more / related lines
    _r(r"^\W*(read more|read next|also read|see also|further reading|related( stories| articles| coverage|"
       r" content| reading)?|recommended( reading| stories| for you)?|more from [^:]{1,40}|most read|"
       r"most popular|top stories|trending|you (may|might) also like|more on this story|more stories|"
       r"watch|listen|more)\s*(:|»|›|>|\|)", "read more line", 3, 220),
    _r(r"^\W*(read more|related stories|related articles|related|recommended|more stories|most read|"
       r"continue reading|keep reading|story continues below|article continues below)\W*$",
       "read more line", 3, 60),
    _r(r"\bclick here\b", "read more line", 3, 200),
    # share and follow prompts
    _r(r"^\W*(share( this)?( article| story| page)?|tweet|email|print|comments?|save|copy link|"
       r"share on (facebook|x|twitter|whatsapp|linkedin|email))\W*$", "share prompt", 3, 40),
    _r(r"\bshare (this|it|the) (article|story|page|post)?\b.{0,40}\b(friend|social media|facebook|twitter|"
       r"whatsapp|email|link)\b|\bshare this (article|story)\b", "share prompt", 3, 200),
    _r(r"\bfollow (us\b|.{1,40}? on (x|twitter|facebook|instagram|tiktok|youtube|threads|bluesky|"
       r"linkedin|mastodon)\b|our coverage|.{0,40}@\w+)|\blike us on facebook\b|\bshare it on social media\b",
       "follow prompt", 3, 250),
    # subscription pitches
    _r(r"\b(already a subscriber|become a subscriber|subscribe (now|today|here)|subscribe for|"
       r"subscribe to (keep|continue|read|get)|start your (free )?trial|unlimited (digital )?access|"
       r"full digital access|log ?in to (continue|keep) reading|free articles? (this month|left|remaining)|"
       r"read(ing)? all your free|upgrade your (plan|subscription)|your subscription|subscribers? enjoy|"
       r"subscriber[- ]only|for subscribers\b|to keep reading|to continue reading|subscribe to (the |our )?"
       r"[\w' ]{0,30}(newsletter|briefing|digest))", "subscription pitch", 3),
    _r(r"\b(subscribe|subscription)\b.{0,80}\b(\d+% off|just|only|[$€£]\s?\d|cents|a month|per month|"
       r"a year|per year|offer)\b|\b(\d+% off|just|only|special offer|limited time)\b.{0,80}\b"
       r"(subscribe|subscription)", "subscription pitch", 3),
    _r(r"^\W*subscribe\b", "subscription pitch", 2),
    _r(r"\bcancel any ?time\b|\bspecial offer\b.{0,80}([$€£]\s?\d|\bfree\b|\d+% off)|\blimited[- ]time offer\b",
       "subscription pitch", 3, 400),
    # membership and donation appeals
    _r(r"\b(your membership|become a (member|supporter|patron)|as a member\b|members (of [^.:]{2,40} )?get|"
       r"support (us|our (journalism|work|reporting|newsroom)|independent|local|quality|public[- ]interest)|"
       r"readers like you|buy us a (coffee|drink|beer|tea|pint)|chip in|mak(e|ing) a (donation|contribution|gift)|"
       r"please (donate|support|give|contribute|subscribe)|"
       r"donate (today|now|here|to)|consider (making a |make a )?(donat|support|contribut|giv)|"
       r"relies on (readers|members|supporters|your support|donations from readers)|funded by (its |our )?"
       r"(readers|members|supporters)|paid for by (readers|members|you)|not ready to (pay|subscribe|"
       r"commit)|(good|quality|independent) (reporting|journalism) (costs|needs|takes|depends)|"
       r"will you (give|support|join|help)|your support|help keep [^.]{0,60} free|"
       r"(gift|donation|contribution) of (any size|\W?\d)|join them and help|become a member)\b",
       "membership pitch", 3),
    _r(r"\b(non-?profit|reader-funded|member-funded|independent) newsroom\b", "membership pitch", 2),
    # member perks (the list's lead or an item)
    _r(r"\b(members?|subscribers?|membership|subscription|when you (join|subscribe|sign up)|"
       r"you('ll| will) get)\b[^.]{0,60}:\s*$", "member perks", 3, 160),
    _r(r"^\W*(unlimited access|ad-free|the (whole|full|complete|entire) archive|exclusive [\w-]+ ?"
       r"(newsletters?|events|content|stories)|early access|members?-only|subscriber-only|(the |our )?"
       r"(daily |digital )?e-?paper|comment on (every|all) (story|stories|articles)|join the discussion|"
       r"stories as they break|(our )?(weekly |daily )?puzzles?( pack)?)\b", "member perks", 2, 120),
    # newsletters and apps
    _r(r"\b(sign up (here|now|today|for (our|free|the free|(the )?\w+'s))|(in|into|to) your inbox|"
       r"enter your email|our (\w+ ){0,2}newsletters?|newsletter:|never miss a (story|thing|beat)|"
       r"delivered (free )?to your inbox|(daily|morning|evening|weekly) briefing\b.{0,40}(sign|inbox|free)|"
       r"join [\d,]+ (readers|subscribers))", "newsletter promo", 3),
    _r(r"\bsign up for [A-Z]", "newsletter promo", 3, 600, 0),
    _r(r"\b(download (our|the) (free )?app|get (the|our) (free )?app|our (free )?app\b|"
       r"(on|in|from) the app store|google play|turn on (push )?notifications|push alerts|on the go\b)",
       "app promo", 3),
    # tip lines and contacting the newsroom
    _r(r"\b(have|got) a (news )?tip|\bnews tips?\b|\bhave a story (for us|idea|to share|to tell)|"
       r"\bcontact (us|our (reporters?|newsroom|team|editors?|journalists?)|the (editor|newsroom|desk))\b|"
       r"\bemail (us|our (newsroom|reporters?|team|editors?))\b|\breach (us|our (newsroom|reporters?|team))\b|"
       r"\btell us\b|\blet us know\b|\b(on|via) (signal|securedrop|whatsapp)\b|\bsecuredrop\b|"
       r"\bmessage us\b|\bdo you know more\b|\bknow something\b|\bif you have (any )?information\b|"
       r"\bcorrections (desk|policy)|\breport an error\b|\bspotted an? (mistake|error|typo)\b|"
       r"\bsend (it|them|us) (to|at|your)\b|\bsend us (a |your )", "tip line", 3),
    # author bios
    _r(r"^(about the author:?\s*)?[A-Z][\w'’-]+( [A-Z][\w'’.-]+){1,3} (is|was) (a|an|the|[\w' ]{2,40}'s) "
       r"([\w-]+ ){0,3}(reporter|correspondent|writer|editor|columnist|journalist|contributor|producer|"
       r"photographer)\b|^[A-Z][\w'’-]+( [A-Z][\w'’.-]+){1,3} covers [\w ,]{2,40} (for|at) ",
       "author bio", 2, 400, 0),
    _r(r"^about the author\b", "author bio", 3, 400),
)
_BIO_CONTACT = re.compile(
    r"\b(reach (him|her|them)|follow (him|her|them)|can be reached|email (him|her|them)|contact (him|her|them))\b",
    _I,
)
_PITCH_REASONS = frozenset({"subscription pitch", "membership pitch", "member perks", "newsletter promo", "app promo"})

#: Class/id words that mark boilerplate when they belong to the block rather than to the whole body.
_HINT = re.compile(
    r"promo|subscri|newsletter|signup|sign-up|donat|member|paywall|\bcta\b|-cta|cta-|tipline|tip-line|\btips\b|"
    r"related|recirc|read-?more|share|social|follow|credit|advert|\bad-|-ad\b|\bads?\b|ad-slot|sponsor|"
    r"\bbio\b|author-bio|copyright|outbrain|taboola|teaser|upsell|offer|epic|callout|contribution|"
    r"benefit|perks|contact-box",
    _I,
)
_UI_TAGS = frozenset({"aside", "figcaption", "button", "form", "nav", "footer"})


@dataclass(frozen=True, slots=True)
class _Facts:
    """What one block says on its own (no context)."""

    reason: str | None
    score: float
    storyish: bool
    weak: int
    lead: bool
    listish: bool
    key: str


def _outside_quotes(text: str) -> tuple[str, bool]:
    stripped = _QUOTED.sub(" … ", text)
    return stripped, stripped != text


def _facts(block: Candidate) -> _Facts:
    text = block.text
    key = " ".join(text.lower().split())
    listish = block.kind == "list_item"
    hinted = bool(block.attrs) or block.link_density >= 0.5 or (block.tag or "") in _UI_TAGS
    if not _TRIGGER.search(text):
        return _Facts(None, 0.0, False, 1 if hinted else 0, False, listish, key)
    core, quoted = _outside_quotes(text)
    attributed = bool(_ATTRIBUTION.search(core))
    best: _Rule | None = None
    matched = 0
    for rule in _RULES:
        if len(text) <= rule.max_len and rule.pattern.search(core):
            matched += 1
            if best is None or rule.weight > best.weight:
                best = rule
    weak = 0
    if _SECOND_PERSON.search(core):
        weak += 1
    if _SELF.search(core):
        weak += 1
    if _IMPERATIVE.search(core):
        weak += 1
    if _OFFER.search(core):
        weak += 1
    score = 0.0
    reason = None
    lead = False
    if best is not None:
        reason = best.reason
        score = best.weight + min(matched - 1, 2) * 0.5 + min(weak, 2) * 0.5
        if reason == "author bio" and best.weight < 3:
            score += 1.5 if _BIO_CONTACT.search(core) else 0.0
        lead = reason in _PITCH_REASONS and text.rstrip().endswith(":")
    storyish = attributed or (quoted and len(text) > 120)
    if storyish:
        score -= 3.0
    if len(text) > 400:
        score -= 1.0
    if len(text) > 700:
        score -= 2.0
    return _Facts(reason, score, storyish, weak, lead, listish, key)


def _hint_tokens(attrs: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", attrs.lower()) if t]


def _rare_hints(blocks: Sequence[Candidate]) -> frozenset[str]:
    """Hint words that mark few blocks of the page (a word on most blocks belongs to the body's container)."""
    if not any(b.attrs for b in blocks):
        return frozenset()
    counts: Counter[str] = Counter()
    for b in blocks:
        counts.update(set(_hint_tokens(b.attrs)))
    limit = max(1, len(blocks) // 2)
    return frozenset(t for t, c in counts.items() if c <= limit and _HINT.search(t))


def _judge(block: Candidate, facts: _Facts, rare: frozenset[str], repeated: bool) -> str | None:
    score = facts.score
    reason = facts.reason
    hint = 0.0
    if rare and block.attrs and any(t in rare for t in _hint_tokens(block.attrs)):
        hint = 2.0
    if block.link_density >= 0.9 and len(block.text) < 120 and block.kind != "heading":
        hint += 1.0
    if reason is not None:
        if score + (1.0 if hint else 0.0) >= 3.0:
            return reason
    elif hint and not facts.storyish and facts.weak >= 1 and hint + facts.weak >= 3.0:
        return "promotional block"
    if repeated and not facts.storyish:
        return "repeated across pages"
    return None


# ------------------------------------------------------------------------------------------- site names

_NAME = r"((?:The )?[A-Z][A-Za-z&-]*(?: (?:of |and |& )?[A-Z][A-Za-z&-]*){0,4})"
_NAME_CONTEXT = (
    re.compile(
        r"\b(?:[Ss]upport|[Jj]oin|[Ss]ubscribe to|[Kk]eeps?|[Hh]elps?|[Rr]ead|[Rr]eading|[Ff]rom|[Oo]f|[Tt]o|[Aa]t|"
        r"[Ff]or|[Ff]ollow|[Gg]et|[Pp]roduced by|[Pp]ublished by|[Mm]embers of|[Ss]end it to) " + _NAME
        + r"(?=['’]s\b|[ ,.:;!?]|$)"
    ),
    re.compile(r" / " + _NAME + r"(?=\W|$)"),
    re.compile(r"(?:©|[Cc]opyright)\s*(?:\d{4}\s*)?" + _NAME),
    re.compile(
        r"(?:^|[.:!?—]\s+)" + _NAME + r" (?:relies|depends|needs|is (?:a )?(?:non-?profit|reader-funded|"
        r"independent|free)|stays|exists|can't|cannot)"
    ),
    re.compile(_NAME + r"['’]s (?:[a-z]+ ){0,2}(?:newsletter|briefing|app|journalism|reporting|newsroom|"
               r"coverage|[a-z]+ correspondent|[a-z]+ reporter|editors?|team)"),
)
_NOT_SITES = frozenset({
    "signal", "whatsapp", "facebook", "instagram", "x", "twitter", "tiktok", "youtube", "threads", "bluesky",
    "linkedin", "mastodon", "google", "apple", "getty", "reuters", "ap", "afp", "epa", "shutterstock", "alamy",
    "paypal", "patreon", "substack", "app store", "the app store", "google play", "getty images", "ap photo",
})
_LEADING_NOISE = frozenset({"Our", "Your", "Get", "Help", "Join", "Support", "Read", "Follow", "Subscribe", "Sign",
                            "Before", "When", "If", "Members", "Not", "This", "Thank", "Download", "Send"})


def _clean_name(raw: str) -> str | None:
    words = raw.split()
    while words and words[0] in _LEADING_NOISE:
        words.pop(0)
    while words and words[-1] in {"of", "and", "&", "on"}:
        words.pop()
    name = " ".join(words)
    if len(name) < 3 or name.lower() in _NOT_SITES or not re.search(r"[a-z]", name):
        return None
    if name.lower().startswith("the ") and len(words) < 2:
        return None
    return name


def site_name_from(texts: Iterable[str], url: str | None = None) -> str | None:
    """The publication's name as promos give it ("your membership keeps The Daily Ledger going"), or None."""
    counts: Counter[str] = Counter()
    for text in texts:
        for pattern in _NAME_CONTEXT:
            for match in pattern.finditer(text):
                name = _clean_name(match.group(1))
                if name:
                    counts[name] += 1
    if not counts:
        return None
    host = re.sub(r"[^a-z0-9]", "", (urlsplit(url).hostname or "") if url else "")

    def rank(item: tuple[str, int]) -> tuple[int, int, int, int]:
        name, count = item
        squashed = re.sub(r"[^a-z0-9]", "", name.lower())
        bare = squashed.removeprefix("the")
        in_host = int(bool(host) and len(bare) >= 4 and bare in host)
        return (in_host, count, int(name.startswith("The ")), len(name))

    return max(counts.items(), key=rank)[0]


# ------------------------------------------------------------------------------------------------ cleaner


class _SiteMemory:
    """Bounded memory of block texts per site: which pages each text was seen on (two are enough)."""

    def __init__(self, max_sites: int = 64, max_blocks: int = 4096) -> None:
        self.max_sites = max_sites
        self.max_blocks = max_blocks
        self._sites: OrderedDict[str, OrderedDict[int, tuple[str, ...]]] = OrderedDict()
        self._lock = threading.Lock()

    def seen_elsewhere(self, site: str, page: str, keys: Sequence[str]) -> list[bool]:
        """Record ``keys`` as seen on ``page``; say for each whether another page of ``site`` has it too."""
        with self._lock:
            blocks = self._sites.get(site)
            if blocks is None:
                blocks = self._sites[site] = OrderedDict()
                while len(self._sites) > self.max_sites:
                    self._sites.popitem(last=False)
            else:
                self._sites.move_to_end(site)
            out: list[bool] = []
            for key in keys:
                h = hash(key)
                pages = blocks.get(h, ())
                out.append(any(p != page for p in pages))
                if page not in pages:
                    blocks[h] = (*pages[-1:], page)
                blocks.move_to_end(h)
            while len(blocks) > self.max_blocks:
                blocks.popitem(last=False)
            return out


class PromoCleaner:
    """Drops publisher boilerplate inside the story; see the module documentation for the signals."""

    name = "docingest.promo"
    order = 100

    def __init__(self, *, memory: bool = True) -> None:
        self._memory = _SiteMemory() if memory else None

    def _repeated(self, blocks: Sequence[Candidate], facts: Sequence[_Facts], page: Page) -> list[bool]:
        url = page.url
        if self._memory is None or not url:
            return [False] * len(blocks)
        parts = urlsplit(url)
        site = (parts.hostname or "").removeprefix("www.")
        if not site:
            return [False] * len(blocks)
        page_key = parts._replace(fragment="", query="").geturl()
        repeated = self._memory.seen_elsewhere(site, page_key, [f.key for f in facts])
        if sum(repeated) * 2 > len(blocks):
            # most of the page was seen before: the same article again (a duplicate URL), not boilerplate
            return [False] * len(blocks)
        return repeated

    def classify(self, blocks: Sequence[Candidate], page: Page) -> Iterable[Verdict]:
        if not blocks:
            return []
        facts = [_facts(b) for b in blocks]
        repeated = self._repeated(blocks, facts, page)
        alive = list(range(len(blocks)))
        dropped: dict[int, str] = {}
        while True:
            rare = _rare_hints([blocks[i] for i in alive])
            new: dict[int, str] = {}
            chain = False  # the previous surviving block was a perks lead or a perk
            for i in alive:
                f = facts[i]
                reason = _judge(blocks[i], f, rare, repeated[i])
                if reason is None and chain and f.listish and not f.storyish:
                    reason = "member perks"
                if reason is not None:
                    new[i] = reason
                    chain = f.lead or reason == "member perks" or (chain and f.listish)
                else:
                    chain = False
            if not new:
                break
            dropped.update(new)
            alive = [i for i in alive if i not in new]
        return [Verdict(i, dropped[i]) for i in sorted(dropped)]


@hookimpl
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    return [PromoCleaner()]


def _promo_texts(page: Page) -> list[str]:
    """Texts of the removed blocks that are publisher boilerplate: this cleaner's removals, and short page
    chrome removed by tree cleaners that reads like a promo or a copyright line (an ``<aside>`` pitch, a
    footer's "© 2024 The Daily Ledger")."""
    out: list[str] = []
    for removal in page.removed:
        if removal.cleaner == PromoCleaner.name:
            out.append(removal.text)
        elif len(removal.text) <= 300:
            facts = _facts(Candidate(kind="paragraph", text=removal.text))
            if facts.reason is not None and facts.score >= 3.0:
                out.append(removal.text)
    return out


@hookimpl(trylast=True)
def docingest_extract_metadata(page: Page) -> Metadata | None:
    """The site name the promos give, for pages where no other extractor found one."""
    cached = page.cache.get(SITE_NAME_KEY)
    name = cached if isinstance(cached, str) else site_name_from(_promo_texts(page), page.url)
    return Metadata(site_name=name) if name else None
