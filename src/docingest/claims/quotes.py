"""Quote and paraphrase claims from marks, cues and speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Claim, Span, TextRef, claim_id
from .attribution import Attributor
from .marks import Quoted, find_quotes, paragraph_spans

_WORD = re.compile(r"[\w’'-]+")


def _ref(text: str, span: tuple[int, int] | None) -> TextRef | None:
    if span is None or span[1] <= span[0]:
        return None
    return TextRef(text=text[span[0] : span[1]], span=Span(start=span[0], end=span[1]))


def _is_scare(text: str, q: Quoted, sentence_start: int, same_sentence: bool) -> bool:
    """A quoted phrase that credits nobody: a scare quote, a title, a term, a quoted fragment."""
    if same_sentence:
        return False
    body = text[q.start : q.end].strip()
    words = _WORD.findall(body)
    lead = text[sentence_start : q.open].strip()
    if lead and not lead.endswith((":", "—", "–")) and not re.fullmatch(r"[“”\"‘’'\s.,]*", lead):
        return True  # embedded in a sentence that has no attribution
    return len(words) <= 3 and not body.endswith((".", "!", "?"))


_LABEL = re.compile(r"\s*[A-Z][A-Z ]{2,20}:")


class _Context:
    def __init__(self, text: str, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.paras = paragraph_spans(text, paragraphs)
        self.quotes = find_quotes(text, self.paras)
        self.attr = Attributor(text, self.paras, self.quotes)


_cache: dict[tuple[int, str], _Context] = {}


def _context(text: str, paragraphs: Sequence[tuple[int, int]]) -> _Context:
    key = (hash(tuple(paragraphs)), text)
    found = _cache.get(key)
    if found is None:
        _cache.clear()
        found = _cache[key] = _Context(text, paragraphs)
    return found


def quote_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """Direct quotes of ``text``: one claim per quoted stretch (per part of a split or multi-paragraph quote)."""
    ctx = _context(text, paragraphs)
    out: list[Claim] = []
    for q, ev in ctx.attr.credit():
        start, end = q.start, q.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        s_a, _ = ctx.attr._sentence_of(q.open)
        _, s_b = ctx.attr._sentence_of(max(q.open, q.outer[1] - 1))
        same = ev is not None and s_a <= ev.cue[0] < s_b
        if _is_scare(text, q, s_a, same):
            continue
        para = ctx.attr.paragraph_of(q.open) or (q.open, q.outer[1])
        if _LABEL.match(text, para[0]):
            continue  # "READ MORE: …", "WATCH: …" promo lines
        if q.single and not same and (len(_WORD.findall(text[start:end])) < 3 or not text[para[0] : q.open].strip()):
            continue
        conf = 0.9 if q.closed else 0.6
        if ev is None:
            conf -= 0.2
        elif not same:
            conf -= 0.1
        body = text[start:end]
        span = Span(start=start, end=end)
        out.append(
            Claim(
                id=claim_id("quote", span, body),
                kind="quote",
                text=body,
                span=span,
                speaker=(ev.speaker.strip() or None) if ev is not None and ev.speaker else None,
                speaker_mention=_ref(text, ev.mention) if ev is not None else None,
                cue=_ref(text, ev.cue) if ev is not None and ev.kind != "colon" else None,
                confidence=max(0.0, min(1.0, conf)),
            )
        )
    return out


def reported_claims(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """Reported speech: "X said (that) …" and "…, X said." clauses."""
    ctx = _context(text, paragraphs)
    attr = ctx.attr
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for ev in attr.events:
        if not ev.speaker:
            continue
        s_a, s_b = attr._sentence_of(ev.cue[0])
        span: tuple[int, int] | None = None
        if not ev.inverted and ev.kind != "according":
            rest_start = ev.cue[1]
            rest = text[rest_start:s_b]
            m = re.match(r"(?:\s+(?:[\w’'.-]+\s+){0,5}?)?\s*that\s+", rest) if "that" in rest[:60] else None
            if m:
                rest_start += m.end()
            else:
                lead = re.match(r"\s+(?:on \w+day\s+|this week\s+|today\s+|yesterday\s+)?", rest)
                rest_start += lead.end() if lead else 0
                nxt = text[rest_start : rest_start + 30]
                if not re.match(
                    r"(?:the|a|an|he|she|they|it|we|i|there|this|these|those|his|her|their|its|"
                    r"our|[A-Z][\w’'-]+)\b",
                    nxt,
                ) or text[ev.cue[0] : ev.cue[1]].lower().endswith("ing"):
                    continue
            span = (rest_start, s_b)
        elif ev.kind == "according":
            rest = text[ev.mention[1] if ev.mention else ev.cue[1] : s_b] if ev.mention else ""
            m = re.match(r"[^,]{0,80},\s*", rest)
            if m is None or ev.mention is None:
                continue
            span = (ev.mention[1] + m.end(), s_b)
        else:
            # "…, Smith said." / "…, said Smith." closing the sentence
            head = text[s_a : ev.cue[0]]
            cut = head.rfind(",")
            if cut <= 0:
                continue
            span = (s_a, s_a + cut)
        a, b = span
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
        sp = Span(start=a, end=b)
        out.append(
            Claim(
                id=claim_id("paraphrase", sp, body),
                kind="paraphrase",
                text=body,
                span=sp,
                speaker=ev.speaker.strip() or None,
                speaker_mention=_ref(text, ev.mention),
                cue=_ref(text, ev.cue),
                confidence=0.6,
            )
        )
    return out
