"""Quote and paraphrase claims from marks, cues and speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from ..models import Claim, ClaimKind, Span, TextRef, claim_id
from .attribution import NAMING_VERB, Attributor, Event, opens_clause
from .cues import STANCE_WORDS
from .marks import Quoted, find_quotes, paragraph_spans
from .mentions import heading_line

_WORD = re.compile(r"[\w’'-]+")

#: Quote claims at or above this confidence are quotations of speech (attributed or not); below it, quoted
#: terms: a scare quote, a nickname, a title, a term a stance verb labels.
QUOTATION_CONFIDENCE = 0.4
#: The confidence of a quoted term (see :data:`QUOTATION_CONFIDENCE`).
TERM_CONFIDENCE = 0.3


def _quotation_confidence(closed: bool, credited: bool, same_sentence: bool) -> float:
    """A quotation's confidence: 0.9 closed and credited by a cue of its own sentence, 0.8 credited from
    elsewhere (a split or floating quote), 0.7 credited to nobody; 0.3 less for a quote left open."""
    tenths = (9 if same_sentence else 8) if credited else 7
    return (tenths - (0 if closed else 3)) / 10


def make_claim(kind: ClaimKind, text: str, start: int, end: int, *, key: str = "", **fields: Any) -> Claim:
    """The claim of ``kind`` whose text is ``text[start:end]``, with its stable id (``key`` tells apart claims
    over the same text: the quantity of a numeric claim)."""
    span = Span(start=start, end=end)
    body = text[start:end]
    return Claim(id=claim_id(kind, span, body + key), kind=kind, text=body, span=span, **fields)


def _ref(text: str, span: tuple[int, int] | None) -> TextRef | None:
    if span is None or span[1] <= span[0]:
        return None
    return TextRef(text=text[span[0] : span[1]], span=Span(start=span[0], end=span[1]))


#: patterns the tests of quoted terms try (compiled once)
_MARKS_ONLY = re.compile(r"[“”\"‘’'\s.,]*")
_CAPITAL_WORD_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s$")
_CAPITAL_AFTER = re.compile(r"\s[A-Z]")
_OWNER_BEFORE = re.compile(r"[A-Z][\w.-]*[’'](?:s)?\s$")
_LOWER_AFTER = re.compile(r"\s[a-z]")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s")


def _is_scare(text: str, q: Quoted, sentence_start: int, same_sentence: bool) -> bool:
    """A quoted phrase that credits nobody: a scare quote, a title, a term, a quoted fragment."""
    if same_sentence:
        return False
    body = text[q.start : q.end].strip()
    words = _WORD.findall(body)
    lead = text[sentence_start : q.open].strip()
    if lead and not lead.endswith((":", "—", "–")) and not _MARKS_ONLY.fullmatch(lead):
        # embedded in a sentence that has no attribution; unless it runs over sentences of its own ("… for
        # “publicly coming out against these detentions. And that is very important.”")
        return not _SENTENCES_INSIDE.search(body)
    return len(words) <= 3 and not body.endswith((".", "!", "?"))


_SENTENCES_INSIDE = re.compile(r"\w[.!?]\s+[A-Z][\w’']*\s+\w+.*[.!?]$")


_TERM_INTRO = re.compile(
    r"(?:known as|so-called|referred to as|nicknamed|dubbed|the term|the word|the phrase)(?:\s+(?:a|an|the))?\s*$"
)


def _is_name_or_title(text: str, q: Quoted) -> bool:
    """A quoted nickname, term or title, whatever the attribution: "Riefian “Ifan” Fajarsyah", "what's known as a
    “backstop”", "“The Kid Who Would Be King” reclaims the genre"."""
    body = text[q.start : q.end].strip()
    words = _WORD.findall(body)
    if not words:
        return False
    if body.endswith((".", "!", "?", ",", "…")):
        # a closing comma or full stop inside the marks may close a title: "on “Face the Nation,” he said"
        return body.endswith((".", ",")) and _titled(body[:-1], text[max(0, q.open - 30) : q.open], words)
    before = text[max(0, q.open - 30) : q.open]
    after = text[q.outer[1] : q.outer[1] + 3]
    if len(words) <= 2 and body[0].isupper() and _CAPITAL_WORD_BEFORE.search(before) and _CAPITAL_AFTER.match(after):
        return True  # a nickname between a first name and a surname
    if (
        len(words) <= 3
        and all(w[0].isupper() for w in words)
        and _OWNER_BEFORE.search(before)
        and _LOWER_AFTER.match(after)
    ):
        return True  # a title after its owner: "NBC’s “Today” show"
    if len(words) <= 4 and _TERM_INTRO.search(before.lower()):
        return True
    long_words = [w for w in words if len(w) >= 4]
    if (
        len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
        and not any(w.lower() in ("i", "i’m", "i'm") for w in words)
        and _LOWER_WORD_AFTER.match(text[q.outer[1] : q.outer[1] + 4]) is not None
    ):
        return True  # "“The Kid Who Would Be King” reclaims the genre"
    return _titled(body, before, words)


_TITLE_INTRO = re.compile(
    r"(?:\b(?:on|of|in|titled|entitled|named|book|show|program|programme|film|movie|song|album|episode|series|"
    r"anthem|column|ad|spot|hit)|[A-Za-z.][’'](?:s)?)\s*$",
    re.IGNORECASE,
)


def _titled(body: str, before: str, words: list[str]) -> bool:
    """A title in title case after a word that introduces one: "on “Fox News Sunday,”", "book, “Make Your Kid a
    Millionaire,”", "Fox News’s “Fox and Friends.”" (a closing comma or full stop inside the marks is the
    house style, not the end of a sentence)."""
    long_words = [w for w in words if len(w) >= 4]
    return (
        0 < len(words) <= 8
        and bool(long_words)
        and all(w[0].isupper() for w in long_words)
        and words[0][0].isupper()
        and not _SENTENCE_BREAK.search(body)
        and _TITLE_INTRO.search(before.rstrip(" ,")) is not None
    )


#: nouns that introduce a name for something, not words spoken: "under the slogan “Stay in the Valley”"
_NAME_NOUN_BEFORE = re.compile(
    r"\b(?:slogan|motto|hashtag|banner|placard|title|headline|name|nickname|label|tag|brand|caption|password|"
    r"codename|code\s+name)\s*(?:of\s+)?,?\s*$",
    re.IGNORECASE,
)


def _names_something(text: str, q: Quoted) -> bool:
    """Whether a quoted phrase is the name of something that a noun before it introduces ("the slogan “…”",
    "the hashtag “…”", "under the name “…”"), not somebody's words."""
    return _NAME_NOUN_BEFORE.search(text, max(0, q.open - 40), q.open) is not None


def _quoted_heading(text: str, q: Quoted, para: tuple[int, int]) -> bool:
    """Whether a quote opening its paragraph is a heading: the paragraph is a heading line, or only the quote
    with no sentence's end inside it or in title case ("'Just listen to us'", "'All Bets Are Off.'")."""
    if heading_line(text[para[0] : para[1]]):
        return True
    if text[q.outer[1] : para[1]].strip(" .:"):
        return False  # more follows the quote in its paragraph: "'…,' she said."
    body = text[q.start : q.end].strip()
    words = _WORD.findall(body)
    return not body.endswith((".", "!", "?", ",")) or all(w[0].isupper() for w in words if len(w) > 3)


def _term_between(text: str, quotes: Sequence[Quoted], lo: int, hi: int) -> bool:
    """Whether a quoted term (three words at most, no closing punctuation) opens in ``[lo, hi)``."""
    for q in quotes:
        if lo <= q.open < hi:
            body = text[q.start : q.end].strip()
            if len(_WORD.findall(body)) <= 3 and not body.endswith((".", "!", "?", ",")):
                return True
    return False


#: promo lines: "READ MORE: …", "Watch: …" (and any short line under an upper-case label)
_LABEL = re.compile(r"\s*[A-Z][A-Z ]{2,20}:")
_PROMO_LABEL = re.compile(
    r"\s*(?i:read more|read|watch|listen|related|also read|see also|more|video|photos|click here|recommended)\s*:"
)


class _Context:
    def __init__(self, text: str, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.paras = paragraph_spans(text, paragraphs)
        self.quotes = find_quotes(text, self.paras)
        self.attr = Attributor(text, self.paras, self.quotes)
        #: the claims, once made (the quote and numeric extractors both read them)
        self.quoted: list[Claim] | None = None
        self.reported: list[Claim] | None = None
        self._refs: dict[tuple[int, int], TextRef | None] = {}

    def ref(self, text: str, span: tuple[int, int] | None) -> TextRef | None:
        """The text at ``span`` as a :class:`TextRef`, one for each span (the claims an event credits share
        its mention and cue)."""
        if span is None:
            return None
        if span not in self._refs:
            self._refs[span] = _ref(text, span)
        return self._refs[span]


_cache: dict[tuple[int, str], _Context] = {}


def _context(text: str, paragraphs: Sequence[tuple[int, int]]) -> _Context:
    key = (hash(tuple(paragraphs)), text)
    found = _cache.get(key)
    if found is None:
        _cache.clear()
        found = _cache[key] = _Context(text, paragraphs)
    return found


def attributor(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> Attributor:
    """The attribution state of ``text`` (its quotes, events, and the :class:`~.coref.Cast` of its entities), as
    the extractors of the same text and paragraphs use it."""
    return _context(text, paragraphs).attr


def sentence_spans(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences of ``text`` (quotation marks respected), in order."""
    return _context(text, paragraphs).attr.sentences


def _labels(text: str, ev: Event, q: Quoted, words: str, body: str) -> bool:
    """Whether a stance or naming verb credits a short quoted term, a label rather than words spoken: three
    words or fewer, no sentence in them ("blasted Clinton as a “disgrace”"; not "encouraged “the removal of
    …”"). A naming verb labels when it names a thing, the term after a definite or possessive determiner or
    after "call for" ("what the company called its “retention squad”", "called for a “people's section”"); it
    quotes a judgement when the term is a predicate ("called the pricing a “fare cliff”", "called that answer
    “tidy on paper”")."""
    if words.count(" ") >= 3 or body.rstrip().endswith((".", "!", "?")):
        return False
    cue = text[ev.cue[0] : ev.cue[1]].lower()
    if cue in STANCE_WORDS:
        return True
    # the naming verb and where what follows it starts: the phrasal cue "called for" counts as "called"
    verb, after = (cue[:-4], ev.cue[1] - 4) if cue.endswith(" for") else (cue, ev.cue[1])
    if (ev.kind != "naming" and verb == cue) or NAMING_VERB.fullmatch(verb) is None:
        return False
    if _FOR_ARTICLE.fullmatch(text, after, q.open) is not None:
        return True  # "called for a “people's section”"
    return verb == cue and _NAMED_THING.search(text, max(ev.cue[1], q.open - 40), q.open) is not None


#: between "call" and a quoted name of a thing: "for" and an article at most
_FOR_ARTICLE = re.compile(r"\s+for\s+(?:(?:a|an|the)\s+)?", re.I)
#: what stands right before a quoted name of a thing: a definite or possessive determiner
#: ("called its “retention squad”", "calls the “Swan Map”"; not "called the offer “an insult”", "called the
#: pricing a “fare cliff”")
_NAMED_THING = re.compile(r"\b(?:the|its|his|her|their|our|this|that)\s+$", re.I)


def _repeated(words: str, said: Sequence[tuple[str, Event | None]]) -> Event | Literal[False] | None:
    """The attribution of the latest earlier quote that these words repeat (or that repeats them), ``False``
    when they repeat none."""
    if words.count(" ") < 1:
        return False
    for earlier, ev in reversed(said):
        if words in earlier or earlier in words:
            return ev
    return False


def quote_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """Direct quotes of ``text``: one claim per quoted stretch (per part of a split or multi-paragraph quote)."""
    ctx = _context(text, paragraphs)
    if ctx.quoted is None:
        ctx.quoted = _quote_claims(text, ctx)
    return list(ctx.quoted)


def _quote_claims(text: str, ctx: _Context) -> list[Claim]:
    out: list[Claim] = []
    said: list[tuple[str, Event | None]] = []
    for q, credited in ctx.attr.credit():
        ev = credited
        start, end = q.start, q.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        tokens = _WORD.findall(text[start:end])
        s_a, _ = ctx.attr._sentence_of(q.open)
        _, s_b = ctx.attr._sentence_of(max(q.open, q.outer[1] - 1))
        # "records show … “justice”": a document's finding does not make a quoted term somebody's words
        same = ev is not None and s_a <= ev.cue[0] < s_b and ev.kind not in ("document", "topic")
        if same and ev is not None and ev.cue[1] <= q.open and _term_between(text, ctx.quotes, ev.cue[1], q.open):
            # "Trump tweeted that there was “no collusion” and “collusion” was among …": only the first quote
            # after the cue is the cue's; later short ones are terms
            same = len(tokens) > 3 or text[start:end].endswith((".", "!", "?"))
        # a quoted term (no quotation of speech) is a claim too, with TERM_CONFIDENCE: a title or nickname, a name
        # a noun introduces ("under the slogan “Stay in the Valley”")
        name_or_title = _is_name_or_title(text, q) or _names_something(text, q)
        term = name_or_title
        label = False
        words = " ".join(tokens).lower()
        if (
            same
            and ev is not None
            and ev.cue[1] <= q.open
            and text[ev.cue[0] : ev.cue[1]].lower() in STANCE_WORDS
            and opens_clause(ctx.attr.masked, ev.cue[1], q.open)
        ):
            # "Lind welcomed the plan, but critics saw “a giveaway”": a stance verb credits its object, not a quote
            # in another clause
            same = False
        if same and ev is not None and _labels(text, ev, q, words, text[start:end]):
            # "blasted Clinton as a “disgrace”", "hailed him as “The Comeback Kid”": a label, a term nobody says
            same, label = False, True
        if same and ev is not None and ev.cue[0] > q.outer[1] + 3 and words.count(" ") < 2 and s_a < q.open:
            # "The “sex tape” reference was …, Trump said": a term inside the sentence a later cue reports
            same = text[s_a : q.open].rstrip().endswith((":", ","))
        if not term and _is_scare(text, q, s_a, same):
            # a quoted phrase in a sentence that credits nobody is a scare quote, unless it repeats words quoted
            # before: then it is a quotation again, its speaker the earlier one only when that one is the
            # sentence's subject ("The secretary general presented … as essential to “win this war”")
            earlier = _repeated(words, said)
            governed = ctx.attr.governor(q) if earlier is False and not label else None
            if governed is not None:
                # "Cruz exhorted Republicans to “vote your conscience”": the object of a verb of communication
                # or stance is its subject's words
                ev, same = governed, True
            elif earlier is False:
                term = True
            else:
                subject = ctx.attr.subject_of(s_a, q.open)
                ev = earlier if earlier is not None and subject is not None and earlier.person is subject else None
                same = ev is not None
        para = ctx.attr.paragraph_of(q.open) or (q.open, q.outer[1])
        if _PROMO_LABEL.match(text, para[0]) or (_LABEL.match(text, para[0]) and para[1] - para[0] < 150):
            term = True  # "READ MORE: …", "WATCH: …" promo lines: the publisher's, not the story's
        if (
            q.single
            and not same
            and (len(tokens) < 3 or (not text[para[0] : q.open].strip() and _quoted_heading(text, q, para)))
        ):
            # a short single-quoted stretch (a term, or apostrophes), or one opening a heading; a paragraph that
            # opens with one is a quotation, as with double marks ('The money simply is not there.')
            term = True
        if term:
            # a term after a possessive is its owner's word ("her “cancer drama”"); no other term is anybody's,
            # not even a label a stance or naming verb gives ("blasted Clinton as a “disgrace”")
            own = not label and not q.single and not name_or_title
            ev = ctx.attr.term_owner(q.open) if own else None
            conf = TERM_CONFIDENCE
        else:
            conf = _quotation_confidence(q.closed, ev is not None, same)
            said.append((words, ev))
        out.append(
            make_claim(
                "quote",
                text,
                start,
                end,
                speaker=ev.name if ev is not None else None,
                speaker_mention=ctx.ref(text, ev.mention) if ev is not None else None,
                cue=ctx.ref(text, ev.cue) if ev is not None and ev.kind not in ("colon", "dash", "topic") else None,
                confidence=conf,
            )
        )
    return out


#: Verbs whose first object is the person told: "told councillors the authority would …"
_TELL = frozenset(
    {"told", "tells", "tell", "assured", "assures", "informed", "informs", "reminded", "reminds", "telling"}
)
_RECIPIENT = re.compile(
    r"\s+(?:me|us|him|her|them|you|(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[a-z][\w’'-]*s|"
    r"the\s+[a-z][\w’'-]*|(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)(?=\s)"
)
_CLAUSE_SUBJECT = re.compile(
    r"(?:the|a|an|he|she|they|it|we|i|you|there|this|these|those|his|her|their|its|our|my|some|many|most|"
    r"all|no|every|each|one|two|three|several|[A-Z][\w’'-]*|\d[\d,.]*|"
    # a subordinate clause first: "said when Trudeau dismisses any concerns, …"
    r"(?:when|if|because|although|though|while|since|once|unless|what)\b(?!\s+[a-z]+ing\b))\b"
    # a bare noun phrase and a finite verb: "rates would stay high", "critical operations including IBM's
    # services did well"
    r"|(?!(?:to|in|on|at|by|for|with|from|of|about|during|after|before|into|over|under)\b)"
    r"(?:[\w’'-]+\s+){1,10}?(?:would|will|could|can|should|might|may|must|is|are|was|were|had|has|have|did|does|"
    r"do)\b"
)
#: What may follow a cue that closes its sentence: "…, Okafor said on Friday."
_CLOSING = re.compile(
    r"\s*(?:(?:on|last|this|in|at|during|late|early)\s+[^.!?,;]{1,30}|today|yesterday|tonight|earlier|later|"
    r"recently|again|too|also|afterward|afterwards)?\s*[.!?…]*[”\"’']?\s*"
)
#: verbs that also take a plain object that is no statement: only a clause with a verb follows them
_NP_OBJECT_VERBS = frozenset(
    f"{v}{e}"
    for v in (
        "contend",
        "express",
        "chant",
        "crow",
        "mutter",
        "murmur",
        "grumble",
        "stammer",
        "gush",
        "scold",
        "post",
        "report",
        "plead",
        "deny",
        "denie",
        "signal",
        "propose",
        "confess",
    )
    for e in ("", "s", "ed", "d", "es")
)
_FINITE_SOON = re.compile(
    r"(?:\S+\s+){0,6}?(?:would|will|could|can|should|might|may|must|is|are|was|were|had|has|have|did|does|do)\b"
)
#: "…, spokesman Martin Masse said": up to three lower-case words between the comma and the subject's name
_SUBJECT_MODIFIERS = re.compile(
    r",\s*(?!(?:who|which|that|whom|what|and|but|or|so|as|while|when|if|because|then)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}$"
)
#: a cue set off by commas inside its sentence: "Police, Sinclair says, have no policies"
_ASIDE = re.compile(r"\s*(?:(?:on|last|this|in|at|late|early)\s+[^.!?,;]{1,30})?\s*,\s*\S")
#: a relative clause without a relative pronoun: "a lack of leadership he says has left …"
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:and|but|or|so|because|then|than|as|if|when|while|since|after|before|although|though|that|also|"
    r"now|just|still|even|only|not|to|of|in|on|at|for|with|by|from)\b)[a-z][\w’'-]+$"
)
_TIME_LEAD = re.compile(
    r"\s+(?:(?:on|in|late|early|last|this)\s+(?:[A-Z]\w+|\w+day|week|month|year|weekend)"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s+|today\s+|yesterday\s+|recently\s+)?"
)


def _clause_after(text: str, ev_cue: tuple[int, int], cue_word: str, s_b: int, relative: bool) -> int | None:
    """Where the reported clause after a cue starts ("said (that) …", "told reporters the …"), or ``None``."""
    rest_start = ev_cue[1]
    rest = text[rest_start:s_b]
    m = re.match(r"(?:\s+(?:[\w’'.-]+\s+){0,5}?)?\s*that\s+", rest) if "that" in rest[:60] else None
    if m:
        return rest_start + m.end()
    if cue_word.endswith("ing"):
        return None
    lead = _TIME_LEAD.match(rest)
    rest_start += lead.end() if lead else 0
    if cue_word in _NP_OBJECT_VERBS and not _FINITE_SOON.match(text, rest_start):
        return None  # "contended several years at Augusta", "expressed a willingness": no reported clause
    if cue_word in _TELL:
        told = _RECIPIENT.match(text, rest_start - 1 if text[rest_start - 1 : rest_start].isspace() else rest_start)
        if told is None:
            return None
        rest_start = told.end()
        while rest_start < s_b and text[rest_start].isspace():
            rest_start += 1
    nxt = text[rest_start : rest_start + 90]
    if relative and re.match(r"[a-z]", nxt):
        return rest_start  # "sessions, which he said had added 2,400 procedures"
    if not _CLAUSE_SUBJECT.match(nxt):
        return None
    return rest_start


def reported_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """Reported speech: "X said (that) …", "…, X said.", "According to X, …" and "…, according to X." clauses."""
    ctx = _context(text, paragraphs)
    if ctx.reported is None:
        ctx.reported = _reported_claims(text, ctx)
    return list(ctx.reported)


def _reported_claims(text: str, ctx: _Context) -> list[Claim]:
    attr = ctx.attr
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    participles = [ev.cue[0] for ev in attr.events if ev.kind == "participle"]
    for ev in attr.events:
        if not ev.speaker or ev.kind in ("naming", "colon"):
            continue
        s_a, s_b = attr._sentence_of(ev.cue[0])
        head_start = max(s_a, attr.last_end(ev.cue[0]))
        span: tuple[int, int]
        cue_word = text[ev.cue[0] : ev.cue[1]].lower()
        if cue_word in STANCE_WORDS:
            continue  # "highlighted his country's “…”": a stance credits quoted words, it reports no clause
        if ev.kind == "according":
            before = text[head_start : ev.cue[0]]
            if before.strip(' \n“"') and before.rstrip().endswith(","):
                # "Donations doubled, according to its director, Mara Okafor, but …": the clause before
                span = (head_start, head_start + len(before.rstrip()) - 1)
            elif ev.mention is not None:
                rest = text[ev.mention[1] : s_b]
                m = re.match(r"[^,]{0,80},\s*", rest)
                if m is None:
                    continue
                span = (ev.mention[1] + m.end(), s_b)
            else:
                continue
        elif not ev.inverted and ev.mention is not None:
            subject_lead = text[head_start : ev.mention[0]].rstrip()
            # "…, spokesman Martin Masse said": lower-case words before the name belong to the subject
            subject_lead = _SUBJECT_MODIFIERS.sub(",", subject_lead) if "," in subject_lead[-40:] else subject_lead
            aside = _ASIDE.match(text, ev.cue[1], s_b)
            if subject_lead.endswith(",") and _CLOSING.fullmatch(text, ev.cue[1], s_b):
                # "The food bank handed out 9,800 parcels, Okafor said.": the clause before the subject
                span = (head_start, head_start + len(subject_lead) - 1)
            elif subject_lead.endswith(",") and aside is not None:
                # "The toll rose to 280, officials said, as rescuers …": the clause before; "Police, Sinclair says,
                # have no policies …": the whole sentence around a short head
                head_words = len(_WORD.findall(subject_lead))
                span = (head_start, head_start + len(subject_lead) - 1) if head_words >= 5 else (head_start, s_b)
            else:
                relative = bool(re.search(r"\b(?:which|who|that|whom|what)\s*$", subject_lead)) or bool(
                    _REDUCED_RELATIVE.search(subject_lead)
                )
                clause = _clause_after(text, ev.cue, cue_word, s_b, relative)
                if clause is None:
                    continue
                span = (clause, s_b)
        elif ev.inverted:
            # "…, Smith said." / "…, said Smith." closing the sentence
            head = text[s_a : ev.cue[0]]
            cut = head.rfind(",")
            if cut <= 0:
                continue
            span = (s_a, s_a + cut)
        else:
            continue
        a, b = span
        # the clause ends before a participle that starts another statement: ", while warning that …"
        for p in participles:
            if a < p < b and p != ev.cue[0]:
                joint = re.search(r",?\s*(?:\b(?:while|before|after|when|by|and)\s*)?$", text[a:p])
                b = a + (joint.start() if joint else p - a)
                break
        while a < b and (text[a].isspace() or text[a] in ",:;"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:"):
            b -= 1
        if b <= a or len(_WORD.findall(text[a:b])) < 4 or (a, b) in seen:
            continue
        if attr.in_quote(a, b):
            continue
        body = text[a:b]
        if body[0] in "“\"‘'" and body.count(body[0]) == 1 and body[-1] in "”\"’'":
            continue
        seen.add((a, b))
        out.append(
            make_claim(
                "paraphrase",
                text,
                a,
                b,
                speaker=ev.name,
                speaker_mention=ctx.ref(text, ev.mention),
                cue=ctx.ref(text, ev.cue),
                confidence=0.6,
            )
        )
    return out
