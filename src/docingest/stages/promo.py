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
membership keeps The Daily Ledger going", a footer's "© 2024 The Daily Ledger"), is offered as
``page.late_metadata``, filling ``site_name`` only when no metadata extractor found one (a plugin may set
``page.cache["promo.site_name"]`` to override the guess).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from ..document import BlockCleaner, Candidate, Metadata, Page, Verdict
from ..hookspecs import hookimpl

SITE_NAME_KEY = "promo.site_name"

# ------------------------------------------------------------------------------------------------ signals

_I = re.IGNORECASE

_QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"]{0,600}\"|«[^»]{0,600}»|„[^“”]{0,600}[“”]")
_QUOTE_CHARS = ("“", '"', "«", "„")
_QUOTE_OR_SPEECH = re.compile(r"[“\"«„]|\b(said|says|told|according to)\b")
_ATTRIBUTION = re.compile(
    r"\b(said|says|told|according to|added|explained|argued|warned|wrote|announced|stated|insisted|"
    r"testified|claimed|recalled|noted|urged|asked)\b"
)
_SECOND_PERSON = re.compile(r"\b(you|your|you're|you've|you'll|yours)\b")
_SELF = re.compile(
    r"\b(our (journalism|reporting|newsroom|journalists|reporters|work|coverage|mission|site|readers|members|"
    r"subscribers|team|app|newsletters?|stories|editors?)|we (rely|depend|need|can't|cannot|don't have)|"
    r"(help|support|join|buy|tell|contact|email|message) us|readers like you|this (story|article) free)\b"
)
_IMPERATIVE = re.compile(
    r"(?:^|[.!?:—]\s+)(subscribe|sign up|join|donate|support|give|download|follow|share|contact|email|tell|"
    r"send|click|tap|register|become|help|start|unlock|enter|upgrade|log in|read|listen|watch|get|keep|"
    r"make|consider|never miss|don't miss|turn on)\b"
)
_OFFER = re.compile(
    r"([$€£¥]\s?\d[\d.,]*|\d[\d.,]*\s?(cents|dollars|euros|pounds))\s*(a|per|/)\s*(week|month|year|day)|"
    r"\b(just|only|from)\s+[$€£]\s?\d|\b\d+% off\b|\bfree trial\b|\bcancel any ?time\b|\bspecial offer\b|"
    r"\blimited time\b|\bfirst (\w+ )?months?\b"
)
#: Blocks longer than this are never judged by their wording (a long block is story, or a pitch whose
#: sentences the extractor gives as separate blocks).
_MAX_JUDGED = 500


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    reason: str
    weight: int
    max_len: int
    keys: frozenset[str]
    head: bool
    case: bool
    lead: bool = False
    check: Callable[[str], bool] | None = None
    #: The pattern's alternatives, each with the key words one of which it needs: only those whose key words
    #: the block has are tried (a long alternation is the costliest search of the cleaner).
    parts: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    #: The pattern opened with ``\b``, taken off for speed and checked by :func:`_bounded` (parts always are).
    bounded: bool = False

    def search(self, text: str, found: set[str]) -> bool:
        """Does the pattern match ``text`` (``found``: the block's key words, which choose the parts to try)?"""
        if self.parts:
            return any(_bounded(part, text) for part, needs in self.parts if not needs.isdisjoint(found))
        if self.bounded:
            return _bounded(self.pattern, text)
        return self.pattern.search(text) is not None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _bounded(pattern: re.Pattern[str], text: str) -> bool:
    """``re.search(r"\b" + pattern, text)``, several times faster: a pattern that opens with a literal is
    searched with the regex engine's literal scan, which a leading ``\b`` disables; the word boundary is then
    checked at the start of each match, as ``\b`` would."""
    found = pattern.search(text)
    while found is not None:
        i = found.start()
        if (i > 0 and _word_char(text[i - 1])) != (i < len(text) and _word_char(text[i])):
            return True
        found = pattern.search(text, i + 1)
    return False


def _r(
    pattern: str,
    reason: str,
    weight: int,
    keys: str,
    max_len: int = 600,
    *,
    head: bool = False,
    case: bool = False,
    lead: bool = False,
    check: Callable[[str], bool] | None = None,
) -> _Rule:
    """A rule. ``keys``: space-separated lower-case words one of which the block must contain (a cheap set
    test before the regex); ``head``: among its first words. The
    pattern runs on the lower-cased text outside quotations, or on the text as written when ``case`` is
    set. ``check``, when given, must also accept the text as written."""
    alternatives = _top_level_alternatives(pattern)
    bounded = len(alternatives) <= 3 and all(alt.startswith(r"\b") and _literal_start(alt[2:]) for alt in alternatives)
    compiled = re.compile("|".join(alt[2:] for alt in alternatives) if bounded else pattern)
    return _Rule(
        compiled, reason, weight, max_len, frozenset(keys.split(" ")), head, case, lead, check, bounded=bounded
    )


def _literal_start(pattern: str) -> bool:
    """Does the alternative open with a letter, or with a group of at most four alternatives that each open with
    one — a start the regex engine scans for quickly? (Without its leading ``\b``, a long alternation is slower
    to search, not faster: those rules keep their ``\b``.)"""
    if pattern[:1].isalnum():
        return True
    if not pattern.startswith("("):
        return False
    depth = 0
    for i, ch in enumerate(pattern):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            group = _top_level_alternatives(pattern[1:i])
            return len(group) <= 4 and all(alt[:1].isalnum() for alt in group)
    return False


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at its top-level ``|`` (outside groups and classes)."""
    depth, start, escaped, in_class = 0, 0, False, False
    out: list[str] = []
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _alternatives(
    reason: str, weight: int, parts: Sequence[tuple[str, str]], max_len: int = 600, *, closed: bool = True
) -> _Rule:
    """A rule over the whole text whose pattern is the alternation of ``parts`` — (key words, pattern) — each
    opening at a word boundary (and closing at one when ``closed``); it matches when one part whose key words
    the block has matches."""
    end = r"\b" if closed else ""
    compiled = tuple((re.compile(r"(?:" + pattern + ")" + end), frozenset(keys.split(" "))) for keys, pattern in parts)
    keys = " ".join(sorted(frozenset().union(*(k for _, k in compiled))))
    whole = r"\b(" + "|".join(pattern for _, pattern in parts) + ")" + end
    return _Rule(re.compile(whole), reason, weight, max_len, frozenset(keys.split(" ")), False, False, parts=compiled)


#: Words of a picture credit besides names and agencies ("Justin Sullivan / Staff via Getty Images").
_CREDIT_WORDS = frozenset(
    {
        "via",
        "for",
        "by",
        "and",
        "of",
        "the",
        "staff",
        "stringer",
        "contributor",
        "pool",
        "file",
        "handout",
        "photo",
        "photos",
        "photograph",
        "image",
        "images",
        "courtesy",
        "de",
        "da",
        "van",
        "von",
        "le",
        "la",
        "del",
        "para",
        "por",
        "vía",
        "pour",
        "für",
    }
)
_CREDIT_AGENCY = re.compile(
    r"\b(getty images|getty|ap photo|afp|reuters|shutterstock|alamy|epa|corbis|istock(photo)?|dpa)\b", _I
)
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


def _name_credit(text: str) -> bool:
    """Is the text besides the agency a list of names ("Gregg Newton/AFP via Getty Images"), not a caption
    describing the picture ("Firefighters work through the night in Tehran. Getty Images")?"""
    rest = _CREDIT_AGENCY.sub(" ", text)
    return all(w[0].isupper() or w.lower() in _CREDIT_WORDS for w in _WORDS.findall(rest))


_NOTICE = re.compile(r"(?:^|(?<=[\s(\[|•·Â]))©|\(c\)\s*\d{4}|\bcopyright\b", _I)
_SENTENCE_END = re.compile(r"[.!?…]\s")


def _notice_leads(text: str) -> bool:
    """Is the block the copyright notice, not something else first — a title or a caption that ends a sentence
    before the notice ("Why I bother. © 2003 Jo Doe", "The harbour at dawn. © Jo Doe")? Like a caption before its
    credit, that block stays."""
    found = _NOTICE.search(text)
    if found is None:
        return True
    before = text[: found.start()]
    return len(_WORDS.findall(before)) < 4 or not _SENTENCE_END.search(before)


#: Pseudo key words: the block contains "@" (an address or a handle); ad-slot code ("google_ad_client = ").
_AT_KEY = "\x00at"
_AD_CODE_KEY = "\x00adcode"
_AD_CODE = ("google_ad_", "adsbygoogle", "googletag.")

#: Rules over the block's text outside quotations. Weight 3 decides alone; 2 needs more evidence.
_RULES: tuple[_Rule, ...] = (
    # ad labels and "continues below" markers: the whole block is the label
    _r(
        r"^\W*(advertisement|advertising|advert|ad|ads|sponsored|promoted by [\w.]+( [\w.]+)?|"
        r"sponsored (content|post|story)|paid (content|post)|"
        r"paid partner content|partner content|promoted( content)?|story continues below( this)?"
        r"( advertisement)?|article continues below( this)?( advertisement)?|continue reading below|"
        r"scroll to continue( with content)?)\W*$|^\W*(advertisement|advertising|sponsored)\s*(:|\()",
        "ad label",
        3,
        "advertisement advertising advert ad ads sponsored paid partner promoted story article continue scroll",
        80,
        head=True,
    ),
    # script-driven widgets that did not run: comment boxes, video players
    _r(
        r"\b(please )?enable javascript to (view|see|use|load|read)\b|\bcomments powered by\b|"
        r"\byour video will (play|begin|start) in\b|^\W*(up )?next video (starts|plays|begins) in\b|"
        r"^\W*(unfortunately,? )?(this|the) video is (not available|unavailable|no longer available)\b|"
        r"^[\w ]{0,30}\bfailed\W+(please )?try again( later)?\W*$|"
        r"^\W*(press enter or )?(click|tap) to (view|enlarge|expand) (the )?(image|photo|picture)\b|"
        r"\bview (the )?(image|photo|picture) in full[- ]?(size|screen)\b|^\W*wait \d+ seconds? to continue\W*$",
        "widget notice",
        3,
        "enable powered video unfortunately, click tap view wait failed",
        160,
    ),
    # the controls of a player or gallery that did not run, each left as a block of its own
    _r(
        r"^\W*(full ?screen|exit full ?screen|autoplay|view (photos|gallery|slideshow)|embed|now (watching|playing)|"
        r"video (not available|unavailable)|closed captions|video quality|mute|unmute|replay|skip ad|loading)\W*$",
        "widget notice",
        3,
        "full fullscreen exit autoplay view embed now video closed mute unmute replay skip loading",
        30,
        head=True,
    ),
    # an ad slot's script left in the text
    _r(
        r"\bgoogle_ad_(client|slot)\s*=|\(adsbygoogle\s*=\s*window\.adsbygoogle|\bgoogletag\.(cmd|display)\b",
        "ad label",
        3,
        _AD_CODE_KEY,
        600,
    ),
    # the comment section's label or count, left behind by a comment widget
    _r(
        r"^\W*(\d+ comments?|comments)(\s*\(\d+\))?(\s+(add|post|leave|write) (a |your )?comment)?\W*$",
        "widget notice",
        3,
        "comments comment",
        40,
        head=True,
    ),
    # image credits
    _r(
        r"^\W*(photo(graph)?s?|images?|pictures?|illustrations?|credits?|"
        r"(photo|image|picture) credits?)\s*(:|by\b|courtesy\b|sources?\s*:)",
        "image credit",
        3,
        "photo photograph photos photographs image images picture pictures illustration illustrations credit credits",
        160,
        head=True,
    ),
    _r(
        r"^[^.!?]{0,60}\b(getty images|ap photo|afp|reuters|shutterstock|alamy|epa|via getty|corbis|istock)\b"
        r"[^.!?]{0,40}$",
        "image credit",
        3,
        "getty ap afp reuters shutterstock alamy epa corbis istock",
        120,
        check=_name_credit,
    ),
    # legal and copyright
    # the notice itself: "©" opening the text or after a space, a bracket or a separator (not inside mojibake
    # such as "Ã©" or "â†©"; "Â©", lower-cased "â©", is mojibake of "©" itself), or "Copyright 2024" opening a
    # sentence
    _r(
        r"(?:^|(?<=[\s(\[|•·â]))©|\(c\)\s*\d{4}|(?:^|[.!?|•·]\s+|\s[-–—]\s)\W{0,3}copyright\s+(©\s*)?\d{4}",
        "copyright line",
        3,
        "© c copyright",
        300,
        check=_notice_leads,
    ),
    _r(r"\ball rights reserved\b", "copyright line", 3, "reserved", 300),
    _r(
        r"\b(this|the) (material|article|story|content) (was produced by .{0,60} and )?may not be "
        r"(published|republished|reproduced|redistributed|rewritten|broadcast)",
        "copyright line",
        3,
        "published republished reproduced redistributed rewritten broadcast",
        400,
    ),
    _r(r"\bno part of this (article|story|publication)\b.{0,40}\breproduced\b", "copyright line", 3, "reproduced", 400),
    # read more / related lines
    _r(
        r"^\W*(read more|read next|also read|see also|further reading|related( stories| articles| coverage|"
        r" content| reading)?|recommended( reading| stories| for you)?|more from [^:]{1,40}|most read|"
        r"most popular|top stories|trending|you (may|might) also like|more on this story|more stories|"
        r"more|main articles?|further information)\s*(:|»|›|>|\|)",
        "read more line",
        3,
        "read see also further related recommended more most top trending you main",
        220,
        head=True,
    ),
    _r(
        r"^\W*(read more|related( (stories|articles|posts|content|coverage|reading|links|topics|questions|"
        r"searches|videos|items|products|news|guides))?|recommended( (for you|reading|stories|articles|posts|"
        r"videos))?|more stories|most read|read next|you (may|might) also (like|enjoy)|more like this|"
        r"explore related \w+|continue reading|keep reading|story continues below|article continues below)\W*$",
        "read more line",
        3,
        "read related recommended more continue keep story article you explore",
        60,
        head=True,
    ),
    _r(
        r"(?:^|[.!?:—]\s+)click here (to )?(read|subscribe|sign up|donate|support|join|for (more|the full) "
        r"(stories|story|coverage))\b",
        "read more line",
        3,
        "click",
        200,
    ),
    _r(r"\bclick here\b", "read more line", 2, "click", 200),
    # share and follow prompts
    _r(
        r"^\W*(share( this)?( article| story| page| post)?|tweet|email|print|save|copy link|read later|"
        r"save (for later|article|story)|share on (facebook|x|twitter|whatsapp|linkedin|email))\W*$",
        "share prompt",
        3,
        "share tweet email print save copy read",
        40,
        head=True,
    ),
    _r(
        r"\bshare (this|it|the) (article|story|page|post)?\b.{0,40}\b(friend|social media|facebook|twitter|"
        r"whatsapp|email|link)\b|\bshare this (article|story)\b",
        "share prompt",
        3,
        "share",
        200,
    ),
    _r(
        r"\bfollow (us\b|.{1,40}? on (x|twitter|facebook|instagram|tiktok|youtube|threads|bluesky|"
        r"linkedin|mastodon)\b|our coverage|.{0,40}@\w+|(us )?on social media\b)|\blike us on facebook\b|"
        r"\bshare (it|this) (on social media|with (your|a) friends?)\b",
        "follow prompt",
        3,
        "follow facebook share",
        250,
    ),
    # subscription pitches
    _r(
        r"\b(already a subscriber|become a subscriber|subscribe (now|today|here)|subscribe for|"
        r"subscribe to (keep|continue|read|get)|start your (free )?trial|full digital access|"
        r"log ?in to (continue|keep) reading|free articles? (this month|left|remaining)|"
        r"read(ing)? all your free|upgrade your (plan|subscription)|subscribers? enjoy|"
        r"subscriber[- ]only|for subscribers\b|to keep reading|to continue reading|subscribe to (the |our )?"
        r"[\w' ]{0,30}(newsletter|briefing|digest)(?!s)|subscribe to (our|my) [\w' ]{0,30}(blog|channel|"
        r"podcast|feed|mailing list)|(read|see) the rest of this (story|article)|exclusive to [\w+ ]{1,30} "
        r"subscribers|unlock this (article|story)|you('ve| have| are)( already)? subscribed|newsletter preferences)",
        "subscription pitch",
        3,
        "subscribe subscriber subscribers subscription trial digital log login articles article upgrade "
        "subscriber-only reading rest unlock subscribed subscribed! preferences",
    ),
    _r(r"\bunlimited (digital )?access\b", "subscription pitch", 2, "unlimited", 300),
    _r(r"\byour subscription\b", "subscription pitch", 2, "subscription", 300),
    _r(
        r"(?:^|[.!?:—]\s+)subscribe\b.{0,80}\b(\d+% off|just|only|[$€£]\s?\d|cents|a month|per month|"
        r"a year|per year|offer)\b|\b(\d+% off|just|only|special offer|limited time)\b.{0,80}\b"
        r"(subscribe|subscription)",
        "subscription pitch",
        2,
        "subscribe subscription subscriptions",
        250,
    ),
    _r(r"^\W*subscribe\b", "subscription pitch", 2, "subscribe", 250, head=True),
    _r(
        r"\bcancel any ?time\b|\b\d+% off (an? )?(annual |monthly |yearly |digital )?subscription|"
        r"\bspecial offer\b.{0,80}([$€£]\s?\d|\bfree\b|\d+% off)|\blimited[- ]time offer\b",
        "subscription pitch",
        3,
        "anytime cancel off offer limited-time",
        300,
    ),
    # membership and donation appeals
    _alternatives(
        "membership pitch",
        3,
        (
            ("membership", r"your membership (keeps|helps|supports|makes|pays|funds|powers|sustains|matters|means)"),
            ("become", r"become a (member|supporter|patron)"),
            (
                "support",
                r"support (us|our (journalism|work|reporting|newsroom)|independent (journalism|news|media|"
                r"reporting)|local (journalism|news|reporting)|quality (journalism|news|reporting)|"
                r"public[- ]interest journalism)",
            ),
            (
                "support",
                r"your support(?! (team|staff|agents?|desk|platform|portal|tickets?|system|tools?|software|"
                r"cent(er|re)|requests?|cases?|queue|channels?|operations|services?|engineers?))",
            ),
            ("readers", r"readers like you"),
            ("buy", r"buy us a (coffee|drink|beer|tea|pint)"),
            ("chip", r"chip in"),
            (
                "donation contribution gift",
                r"mak(e|ing) a (donation|contribution|gift)|(gift|donation|contribution) "
                r"of (any size|\W?\d)",
            ),
            (
                "please",
                r"please (donate|support us|give (today|now|generously|what you can|\W?\d)|contribute|"
                r"subscribe)",
            ),
            ("donate", r"donate (today|now|here)"),
            ("consider", r"consider (making a |make a )?(donat|supporting us|contribut|giving)"),
            ("relies", r"relies on (readers|members|supporters|your support|donations from readers)"),
            ("funded", r"funded by (its |our )?(readers|members|supporters)"),
            ("paid", r"paid for by (readers|members|you)"),
            ("ready", r"not ready to (pay|subscribe|commit)"),
            ("reporting journalism", r"(good|quality|independent) (reporting|journalism) (costs|needs|takes|depends)"),
            ("give support join help", r"will you (give|support|join|help)"),
            ("help", r"help keep [^.]{0,60} free"),
            ("join", r"join them and help"),
            (
                "subscription subscriptions membership memberships support supports donation donations contribution "
                "contributions",
                r"(subscription|membership|support|donation|contribution)s? makes? (stories|journalism|"
                r"reporting|this|our work)",
            ),
        ),
    ),
    _r(r"\b(non-?profit|reader-funded|member-funded|independent) newsroom\b", "membership pitch", 2, "newsroom", 300),
    # member perks (the list's lead or an item)
    _r(
        r"\b((members?|subscribers?)\b[^.]{0,60}\b(get|enjoy|receive)|(your|a|the) (membership|subscription) "
        r"(includes|gets you|comes with)|when you (join|subscribe|sign up)\b[^.]{0,60}|you('ll| will) get)\s*:\s*$",
        "member perks",
        3,
        "members member subscribers subscriber membership subscription join subscribe you'll will",
        160,
        lead=True,
    ),
    _r(
        r"^\W*(unlimited access|ad-free|the (whole|full|complete|entire) archive|exclusive [\w-]+ ?"
        r"(newsletters?|events|content|stories)|early access|members?-only|subscriber-only|(the |our )?"
        r"(daily |digital )?e-?paper|comment on (every|all) (story|stories|articles)|join the discussion|"
        r"stories as they break|(our )?(weekly |daily )?puzzles?( pack)?)\b",
        "member perks",
        2,
        "unlimited ad-free archive exclusive early members-only member-only subscriber-only e-paper epaper "
        "paper comment join stories puzzle puzzles",
        120,
        head=True,
    ),
    # newsletters and apps
    _r(
        r"\b(sign up (here|now|today|for (our|free|the free|(the )?\w+'s))|(in|into|to) your inbox|"
        r"enter your email|our (\w+ ){0,2}newsletters?|newsletter:|never miss a (story|thing|beat)|"
        r"delivered (free )?to your inbox|(daily|morning|evening|weekly) briefing\b.{0,40}(sign|inbox|free)|"
        r"join [\d,]+ (readers|subscribers))|"
        r"(?:^|[.!?:—]\s+)\W*sign up for (the |our )?[\w'’ +&.-]{1,40}\b(newsletter|briefing|digest)\b(?!s)",
        "newsletter promo",
        3,
        "sign inbox enter newsletter newsletters never briefing readers subscribers",
        400,
    ),
    # a sign-up form's consent line ("Keep me posted ... I can unsubscribe at any time")
    _r(r"\bi can (unsubscribe|opt out) at any ?time\b", "newsletter promo", 3, "unsubscribe opt", 250),
    _r(r"\bsign up for [A-Z]", "newsletter promo", 3, "sign", 300, case=True),
    _r(
        r"\b(download (our|the) (free )?app|get (the|our) (free )?app|our (free )?app\b|"
        r"(download|get) (it|our app|the app|the [\w ]{1,30} app)( free)? (on|from|in) (the app store|google play)|"
        r"turn on (push )?notifications|push alerts)",
        "app promo",
        3,
        "app notifications alerts google store",
        200,
    ),
    # tip lines and contacting the newsroom
    _alternatives(
        "tip line",
        3,
        (
            ("tip", r"(have|got) a (news )?tip"),
            ("tip tips", r"news tips?\b"),
            ("story", r"have a story (for us|idea|to share|to tell)"),
            ("contact", r"contact (our (reporters?|newsroom|editors?|journalists?)|the (editor|newsroom|news desk))\b"),
            ("email", r"email (our (newsroom|reporters?|editors?))\b"),
            ("reach", r"reach (our (newsroom|reporters?))\b"),
            ("signal securedrop", r"(on|via) (signal|securedrop)\b"),
            ("securedrop", r"securedrop\b"),
            ("know", r"do you know more\b|know something we\b"),
            ("information", r"if you have (any )?information (about|on) this\b"),
            ("corrections", r"corrections (desk|policy)"),
            ("error", r"report an error\b"),
            ("mistake error typo", r"spotted an? (mistake|error|typo)\b"),
            ("contact", r"contact the (editor|editors|newsroom)\b"),
            (
                "send submit email direct",
                r"(send|submit|email|direct) (your )?(comments|feedback|thoughts|questions|"
                r"corrections) (on|about|regarding|to) this (post|article|story|piece|column)\b",
            ),
        ),
        400,
        closed=False,
    ),
    _r(
        r"^(?=.*\b(tips?|story|stories|information|newsroom|reporters?|journalists?|editors?|corrections?|"
        r"errors?|mistakes?|confidential(ly)?|securely)\b).*"
        r"\b(contact us|email us|tell us|let us know|message us|send (it|them|us) (to|at|your)|send us (a |your )|"
        r"(on|via) whatsapp|if you have (any )?information)\b",
        "tip line",
        2,
        "contact email tell know message send whatsapp information",
        250,
    ),
    # author bios
    _r(
        r"^(about the author:?\s*)?[A-Z][\w'’-]+( [A-Z][\w'’.-]+){1,3} (is|was) (a|an|the|[\w' ]{2,40}'s) "
        r"([\w-]+ ){0,3}(reporter|correspondent|writer|editor|columnist|journalist|contributor|producer|"
        r"photographer)\b|^[A-Z][\w'’-]+( [A-Z][\w'’.-]+){1,3} covers [\w ,]{2,40} (for|at) ",
        "author bio",
        2,
        "reporter correspondent writer editor columnist journalist contributor producer photographer covers",
        400,
        case=True,
    ),
    _r(r"^about the author\b.{8,}", "author bio", 3, "author", 400, head=True),
    # a reporter's contact line: "Jo Doe: 555-0100 or jdoe@ledger.example; on X: @jodoe."
    _r(
        r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}:\s+(?:\+?[\d(][\d ().-]{6,}\d\s*(?:or|,|;)?\s*)?"
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        "author bio",
        3,
        _AT_KEY,
        200,
        case=True,
    ),
)
_BIO_CONTACT = re.compile(
    r"\b(reach (him|her|them)|follow (him|her|them)|can be reached|email (him|her|them)|contact (him|her|them))\b",
    _I,
)

#: Class/id fragments that mark boilerplate when they belong to the block rather than to the whole body.
_HINT_STEMS = (
    "promo",
    "subscri",
    "newsletter",
    "signup",
    "sign-up",
    "donat",
    "member",
    "paywall",
    "tipline",
    "tip-line",
    "related",
    "recirc",
    "readmore",
    "read-more",
    "share",
    "social",
    "follow",
    "credit",
    "advert",
    "ad-slot",
    "sponsor",
    "author-bio",
    "copyright",
    "outbrain",
    "taboola",
    "teaser",
    "upsell",
    "offer",
    "epic",
    "callout",
    "contribution",
    "benefit",
    "perks",
    "contact-box",
)
#: Whole parts of a class/id word (split on ``-`` and ``_``) that mark boilerplate.
_HINT_PARTS = frozenset({"cta", "tips", "ad", "ads", "bio"})


class _Facts(NamedTuple):
    """What one block says on its own (no context). ``weak`` is -1 when no rule matched (not computed). (A named
    tuple: built for every block, it is several times cheaper to make than a frozen dataclass.)"""

    reason: str | None
    score: float
    storyish: bool
    weak: int
    lead: bool
    listish: bool
    key: str


def _outside_quotes(text: str) -> tuple[str, bool]:
    if not any(q in text for q in _QUOTE_CHARS):
        return text, False
    stripped = _QUOTED.sub(" … ", text)
    return stripped, stripped != text


def _weak(core: str) -> int:
    """Supporting signals: second person, the publication speaking of itself, an imperative, an offer."""
    return (
        bool(_SECOND_PERSON.search(core))
        + bool(_SELF.search(core))
        + bool(_IMPERATIVE.search(core))
        + bool(_OFFER.search(core))
    )


#: Punctuation that may stick to the ends of a key word ("app.", "(c)", "“subscribe").
_LEFT = ("", "(", "[", "“", '"', "‘", "'", "«", "—", "-", "*", ">", "»", "|")
_RIGHT = (
    "",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    ")",
    "]",
    "”",
    '"',
    "’",
    "'",
    "»",
    "…",
    "—",
    "-",
    "|",
    "!)",
    ".”",
    ",”",
    "?”",
    ".)",
    ":)",
)


#: Kinds never judged by wording: code listings and tables are content, whatever they say.
_UNJUDGED = frozenset({"code", "table"})


def _index(head: bool) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(_RULES):
        if rule.head == head:
            for key in rule.keys:
                index.setdefault(key, []).append(i)
    return {key: tuple(rules) for key, rules in index.items()}


def _variants(keys: Iterable[str]) -> dict[str, str]:
    """Each key word with the punctuation that may stick to it, mapped back to the key: the words of a block
    split on whitespace are looked up in one set operation, without stripping each in Python."""
    return {left + key + right: key for key in keys for left in _LEFT for right in _RIGHT}


#: Key word → the rules it may trigger (rules over the whole text, and over its first words).
_BY_KEY = _index(head=False)
_BY_HEAD_KEY = _index(head=True)
_BODY_WORDS = _variants(_BY_KEY)
_HEAD_WORDS = _variants(_BY_HEAD_KEY)
_BODY_KEYS = frozenset(_BODY_WORDS)
_HEAD_KEYS = frozenset(_HEAD_WORDS)

#: What blocks say on their own, by (text, kind): sites repeat their promos, pages repeat captions.
_FACTS_CACHE: dict[tuple[str, str], _Facts] = {}
_FACTS_CACHE_SIZE = 8192


def _facts(block: Candidate) -> _Facts:
    cache_key = (block.text, block.kind)
    found = _FACTS_CACHE.get(cache_key)
    if found is None:
        found = _judge_text(block.text, block.kind)
        if len(_FACTS_CACHE) >= _FACTS_CACHE_SIZE:
            _FACTS_CACHE.clear()
        _FACTS_CACHE[cache_key] = found
    return found


def _judge_text(text: str, kind: str) -> _Facts:
    listish = kind == "list_item"
    if len(text) > _MAX_JUDGED or kind in _UNJUDGED:
        return _Facts(None, 0.0, True, 0, False, listish, text)
    low = text.lower()
    words = low.split()
    head = words[:6]
    copyright_sign, at = "©" in low, "@" in low
    ad_code = "google" in low and any(k in low for k in _AD_CODE)
    if _BODY_KEYS.isdisjoint(words) and _HEAD_KEYS.isdisjoint(head) and not (copyright_sign or at or ad_code):
        return _Facts(None, 0.0, False, -1, False, listish, low)
    found = {_BODY_WORDS[word] for word in _BODY_KEYS.intersection(words)}
    indices = {i for key in found for i in _BY_KEY[key]}
    if copyright_sign:
        indices.update(_BY_KEY["©"])
    if at:
        indices.update(_BY_KEY[_AT_KEY])
    if ad_code:
        indices.update(_BY_KEY[_AD_CODE_KEY])
    for word in _HEAD_KEYS.intersection(head):
        indices.update(_BY_HEAD_KEY[_HEAD_WORDS[word]])
    if not indices:
        return _Facts(None, 0.0, False, -1, False, listish, low)
    core, quoted = _outside_quotes(text)
    core_low = core.lower()
    best: _Rule | None = None
    matched = 0
    lead = False
    for i in sorted(indices):
        rule = _RULES[i]
        if len(text) > rule.max_len:
            continue
        if rule.search(core if rule.case else core_low, found) and (rule.check is None or rule.check(core)):
            matched += 1
            lead = lead or rule.lead
            if best is None or rule.weight > best.weight:
                best = rule
    if best is None:
        return _Facts(None, 0.0, False, -1, False, listish, low)
    weak = _weak(core_low)
    storyish = bool(_ATTRIBUTION.search(core_low)) or (quoted and len(text) > 120)
    score = best.weight + min(matched - 1, 2) * 0.5 + min(weak, 2) * 0.5
    if best.reason == "author bio" and best.weight < 3 and _BIO_CONTACT.search(core_low):
        score += 1.5
    if storyish:
        score -= 3.0
    if len(text) > 400:
        score -= 1.0
    return _Facts(best.reason, score, storyish, weak, lead and score >= 3.0, listish, low)


def _hinted_promo(block: Candidate) -> bool:
    """For a block whose markup says promo but whose wording matched no rule: does the wording support it (a
    short call to action addressing the reader, or the publication speaking of itself, or an offer), without
    telling a story (attribution, quotation)?"""
    if len(block.text) > _MAX_JUDGED:
        return False
    core, quoted = _outside_quotes(block.text)
    low = core.lower()
    if quoted or _ATTRIBUTION.search(low):
        return False
    if len(block.text) > 250 or not _IMPERATIVE.search(low):
        return False
    return bool(_SECOND_PERSON.search(low) or _SELF.search(low) or _OFFER.search(low))


_HINT_TOKEN = re.compile(
    "|".join(re.escape(stem) for stem in _HINT_STEMS)
    + r"|(?:^|[-_])(?:"
    + "|".join(sorted(_HINT_PARTS))
    + r")(?:$|[-_])"
)
_HINTS_CACHE: dict[str, frozenset[str]] = {}
_TOKEN_HINTS: dict[str, bool] = {}
_HINTS_CACHE_SIZE = 8192
_NO_HINTS: frozenset[str] = frozenset()


def _hint_token(token: str) -> bool:
    hit = _TOKEN_HINTS.get(token)
    if hit is None:
        hit = bool(_HINT_TOKEN.search(token))
        if len(_TOKEN_HINTS) >= _HINTS_CACHE_SIZE:
            _TOKEN_HINTS.clear()
        _TOKEN_HINTS[token] = hit
    return hit


def _hint_words(attrs: str) -> frozenset[str]:
    """The words of a class/id text that hint at boilerplate (``promo``, ``newsletter-signup`` ...)."""
    if not attrs:
        return _NO_HINTS
    found = _HINTS_CACHE.get(attrs)
    if found is None:
        found = frozenset(t for t in attrs.lower().split() if _hint_token(t)) or _NO_HINTS
        if len(_HINTS_CACHE) >= _HINTS_CACHE_SIZE:
            _HINTS_CACHE.clear()
        _HINTS_CACHE[attrs] = found
    return found


#: A block this long is prose; a hint word on several such blocks belongs to a container of the story.
_PROSE = 300


def _rare_hints(hints: Sequence[frozenset[str]], sizes: Sequence[int]) -> frozenset[str]:
    """Hint words that mark few blocks of the page, and at most two long ones (a word on most blocks, or on
    several paragraphs of prose, belongs to the body's container: a newsletter issue published as a page is all
    ``newsletter-*``)."""
    counts: Counter[str] = Counter()
    prose: Counter[str] = Counter()
    for h, size in zip(hints, sizes, strict=True):
        if h:
            counts.update(h)
            if size > _PROSE:
                prose.update(h)
    if not counts:
        return _NO_HINTS
    limit = max(1, len(hints) // 2)
    return frozenset(t for t, c in counts.items() if c <= limit and prose[t] < 3)


def _repeated_boilerplate(block: Candidate, facts: _Facts) -> bool:
    """A block seen on another page of the site is boilerplate when it also reads like it: some promo wording,
    two supporting signals, or mostly links — never when it quotes or attributes speech. (Docs and shop pages
    repeat real content — notices, labels — across a site; those stay.)"""
    if facts.storyish or _QUOTE_OR_SPEECH.search(block.text):
        return False
    if facts.reason is not None or block.link_density >= 0.5:
        return True
    if len(block.text) > _MAX_JUDGED:
        return False
    low = block.text.lower()
    return _weak(low) >= 2


def _credit_marked(block: Candidate, hints: frozenset[str]) -> bool:
    """A short block that the markup calls a credit and that is only names ("Getty", "Reuters/Corbis")."""
    text = block.text
    return len(text) <= 60 and any("credit" in h for h in hints) and text[-1:] not in ".!?" and _name_credit(text)


def _judge(block: Candidate, facts: _Facts, hints: frozenset[str], rare: frozenset[str], repeated: bool) -> str | None:
    hint = 0.0
    if hints and not rare.isdisjoint(hints):
        hint = 2.0
    if block.link_density >= 0.9 and len(block.text) < 120 and block.kind != "heading":
        hint += 1.0
    if facts.reason is not None:
        if facts.score + (1.0 if hint else 0.0) >= 3.0:
            return facts.reason
    elif hint >= 2.0 and _credit_marked(block, hints & rare):
        return "image credit"
    elif hint >= 2.0 and _hinted_promo(block):
        return "promotional block"
    if repeated and _repeated_boilerplate(block, facts):
        return "repeated across pages"
    return None


# ------------------------------------------------------------------------------------------- site names

_NAME = r"((?:The )?[A-Z][A-Za-z&-]*(?: (?:of |and |& )?[A-Z][A-Za-z&-]*){0,4})"
_NAME_CONTEXT = (
    re.compile(
        r"\b(?:[Ss]upport|[Jj]oin|[Ss]ubscribe to|[Kk]eeps?|[Hh]elps?|[Rr]ead|[Rr]eading|[Ff]rom|[Oo]f|[Tt]o|[Aa]t|"
        r"[Ff]or|[Ff]ollow|[Gg]et|[Pp]roduced by|[Pp]ublished by|[Mm]embers of|[Ss]end it to) "
        + _NAME
        + r"(?=['’]s\b|[ ,.:;!?]|$)"
    ),
    re.compile(r" / " + _NAME + r"(?=\W|$)"),
    re.compile(r"(?:©|[Cc]opyright)\s*(?:\d{4}\s*)?" + _NAME),
    re.compile(
        r"(?:^|[.:!?—]\s+)" + _NAME + r" (?:relies|depends|needs|is (?:a )?(?:non-?profit|reader-funded|"
        r"independent|free)|stays|exists|can't|cannot)"
    ),
    re.compile(
        _NAME + r"['’]s (?:[a-z]+ ){0,2}(?:newsletter|briefing|app|journalism|reporting|newsroom|"
        r"coverage|[a-z]+ correspondent|[a-z]+ reporter|editors?|team)"
    ),
)
_NOT_SITES = frozenset(
    {
        "signal",
        "whatsapp",
        "facebook",
        "instagram",
        "x",
        "twitter",
        "tiktok",
        "youtube",
        "threads",
        "bluesky",
        "linkedin",
        "mastodon",
        "google",
        "apple",
        "getty",
        "reuters",
        "ap",
        "afp",
        "epa",
        "shutterstock",
        "alamy",
        "paypal",
        "patreon",
        "substack",
        "app store",
        "the app store",
        "google play",
        "getty images",
        "ap photo",
    }
)
_LEADING_NOISE = frozenset(
    {
        "Our",
        "Your",
        "Get",
        "Help",
        "Join",
        "Support",
        "Read",
        "Follow",
        "Subscribe",
        "Sign",
        "Before",
        "When",
        "If",
        "Members",
        "Not",
        "This",
        "Thank",
        "Download",
        "Send",
    }
)


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
        self._sites: dict[str, dict[int, tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    def seen_elsewhere(self, site: str, page: str, keys: Sequence[str]) -> list[bool]:
        """Record ``keys`` as seen on ``page``; say for each whether another page of ``site`` has it too."""
        with self._lock:
            blocks = self._sites.pop(site, None)
            if blocks is None:
                blocks = {}
                while len(self._sites) >= self.max_sites:
                    del self._sites[next(iter(self._sites))]
            self._sites[site] = blocks  # most recently used last
            out: list[bool] = []
            for key in keys:
                h = hash(key)
                pages = blocks.pop(h, None)
                if pages is None:
                    out.append(False)
                    blocks[h] = (page,)
                elif page in pages:
                    out.append(len(pages) > 1)
                    blocks[h] = pages
                else:
                    out.append(True)
                    blocks[h] = (pages[-1], page)
            while len(blocks) > self.max_blocks:
                del blocks[next(iter(blocks))]
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
        by_attrs = {a: _hint_words(a) for a in {b.attrs for b in blocks}}
        hints = [by_attrs[b.attrs] for b in blocks]
        repeated = self._repeated(blocks, facts, page)
        alive = list(range(len(blocks)))
        dropped: dict[int, str] = {}
        while True:
            rare = _rare_hints([hints[i] for i in alive], [len(blocks[i].text) for i in alive])
            new: dict[int, str] = {}
            chain = False  # the previous surviving block was a perks lead or a perk
            for i in alive:
                f = facts[i]
                reason = _judge(blocks[i], f, hints[i], rare, repeated[i])
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
        self._note_site_name(page, [blocks[i].text for i in sorted(dropped)])
        return [Verdict(i, dropped[i]) for i in sorted(dropped)]

    @staticmethod
    def _note_site_name(page: Page, dropped: list[str]) -> None:
        """Offer the publication's name the boilerplate gives as late metadata (used only when the metadata
        extractors found none)."""
        if page.metadata.site_name is not None or page.late_metadata.site_name is not None:
            return  # it could only fill an empty field: skip the scan
        cached = page.cache.get(SITE_NAME_KEY)
        name = cached if isinstance(cached, str) else site_name_from(dropped + _chrome_promo_texts(page), page.url)
        if name:
            page.late_metadata = page.late_metadata.merged_over(Metadata(site_name=name))


@hookimpl
def docingest_block_cleaners() -> Sequence[BlockCleaner]:
    return [PromoCleaner()]


def _chrome_promo_texts(page: Page) -> list[str]:
    """Texts of short page chrome removed by tree cleaners that reads like a promo or a copyright line (an
    ``<aside>`` pitch, a footer's "© 2024 The Daily Ledger")."""
    out: list[str] = []
    for removal in page.removed:
        if removal.cleaner != PromoCleaner.name and len(removal.text) <= 300:
            facts = _facts(Candidate(kind="paragraph", text=removal.text))
            if facts.reason is not None and facts.score >= 3.0:
                out.append(removal.text)
    return out
