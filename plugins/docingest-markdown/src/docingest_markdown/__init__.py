"""docingest-markdown: write docingest records as Markdown.

Installed, it adds the ``markdown`` output format to the ``docingest`` CLI::

    docingest ingest article.html --format markdown
    docingest ingest https://news.example/story -o story.md

Each :class:`~docingest.Article` becomes a section: the title as a level-1 heading, a list of facts (authors or
byline, publication and modification dates, site, language, source URL), the description, the body blocks as
Markdown (headings, paragraphs, nested lists, block quotes, tables, code, captions) and a "Claims" section that
lists the quotes with their speakers, the reported statements and the figures. A :class:`~docingest.Failure`
becomes a short section saying what failed and why. Records are separated by a horizontal rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import IO

from docingest import Article, Block, Claim, Failure, hookimpl
from docingest.document import OutputWriter, RecordSink

__all__ = ["MarkdownSink", "MarkdownWriter", "docingest_output_writers", "render", "render_article"]
__version__ = "0.1.0"

_INLINE = re.compile(r"([\\`*_\[\]<>])")
_INLINE_IN_TABLE = re.compile(r"([\\`*_\[\]<>|])")
# Inline escaping already covers ``>``, ``*`` and backticks; these start blocks only at the start of a line.
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|[-=](?=[-=\s]*$)|~~~)")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def escape(text: str, *, table: bool = False) -> str:
    """``text`` with the characters Markdown would read as markup backslash-escaped, line by line."""
    lines = []
    for raw in text.split("\n"):
        line = (_INLINE_IN_TABLE if table else _INLINE).sub(r"\\\1", raw)
        line = _ENTITY.sub(r"\\&", line)
        line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(_ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "\n".join(lines)


def _when(value: date | datetime) -> str:
    return value.isoformat()


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _table(text: str) -> str:
    rows = [row.split("\t") for row in text.split("\n")]
    width = max(len(row) for row in rows)
    cells = [[escape(" ".join(cell.split()), table=True) for cell in row] + [""] * (width - len(row))
             for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join([" --- "] * width) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def _block(block: Block) -> str:
    text = block.text
    if block.kind == "heading":
        # The title is the level-1 heading: body headings start at level 2.
        return "#" * min(6, max(2, block.level or 2)) + " " + escape(" ".join(text.split()))
    if block.kind == "list_item":
        indent = "  " * max(0, (block.level or 1) - 1)
        body = escape(text).replace("\n", "\n" + indent + "  ")
        return f"{indent}- {body}"
    if block.kind == "blockquote":
        return "\n".join("> " + line if line else ">" for line in escape(text).split("\n"))
    if block.kind == "table":
        return _table(text)
    if block.kind == "code":
        fence = _fence(text)
        return f"{fence}\n{text}\n{fence}"
    if block.kind == "caption":
        return "*" + escape(text) + "*"
    return escape(text)


def _body(blocks: Sequence[Block]) -> Iterator[str]:
    """Rendered blocks; consecutive list items form one list (no blank line between them)."""
    pending: list[str] = []
    for block in blocks:
        rendered = _block(block)
        if block.kind == "list_item":
            pending.append(rendered)
            continue
        if pending:
            yield "\n".join(pending)
            pending = []
        yield rendered
    if pending:
        yield "\n".join(pending)


def _speaker(claim: Claim) -> str:
    if claim.speaker:
        who = f"**{escape(claim.speaker)}**"
        if claim.speaker_mention is not None and claim.speaker_mention.text != claim.speaker:
            who += f" (as “{escape(claim.speaker_mention.text)}”)"
        return who
    if claim.speaker_mention is not None:
        return f"“{escape(claim.speaker_mention.text)}”"
    return "*unattributed*"


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def _claims(claims: Sequence[Claim]) -> Iterator[str]:
    quotes = [c for c in claims if c.kind == "quote"]
    reported = [c for c in claims if c.kind == "paraphrase"]
    figures = [c for c in claims if c.kind == "numeric"]
    if not claims:
        return
    yield "## Claims"
    if quotes:
        yield "### Quotes\n\n" + "\n".join(
            f"- “{_one_line(c.text)}” — {_speaker(c)}" + (f", {_one_line(c.cue.text)}" if c.cue else "")
            for c in quotes
        )
    if reported:
        yield "### Reported statements\n\n" + "\n".join(
            f"- {_speaker(c)}: {_one_line(c.text)}" for c in reported
        )
    if figures:
        lines = []
        for c in figures:
            line = f"- {_one_line(c.text)}"
            q = c.quantity
            if q is not None:
                amount = f"{q.value:g}" if q.value_max is None else f"{q.value:g}–{q.value_max:g}"
                unit = f" {q.unit}" if q.unit else ""
                qualifier = "" if q.qualifier in ("exact", "range") else f"{q.qualifier.replace('_', ' ')} "
                line += f" (*{escape(qualifier)}{amount}{escape(unit)}*: “{_one_line(q.surface)}”)"
            if c.speaker or c.speaker_mention:
                line += f" — {_speaker(c)}"
            lines.append(line)
        yield "### Figures\n\n" + "\n".join(lines)


def _facts(article: Article) -> Iterator[str]:
    if article.authors:
        yield "**By:** " + ", ".join(escape(a) for a in article.authors)
    elif article.byline:
        yield "**Byline:** " + _one_line(article.byline)
    if article.published is not None:
        yield "**Published:** " + _when(article.published)
    if article.modified is not None:
        yield "**Modified:** " + _when(article.modified)
    if article.site_name:
        yield "**Site:** " + _one_line(article.site_name)
    if article.language:
        yield "**Language:** " + article.language
    url = article.canonical_url or article.url or article.provenance.final_url
    if url:
        yield f"**Source:** <{url.replace('>', '%3E').replace(' ', '%20')}>"


def render_article(article: Article) -> str:
    """One article as a Markdown document (ending in a newline)."""
    parts = ["# " + (_one_line(article.title) if article.title else "Untitled")]
    facts = list(_facts(article))
    if facts:
        parts.append("\n".join(f"- {fact}" for fact in facts))
    if article.description:
        parts.append("*" + _one_line(article.description) + "*")
    parts.extend(_body(article.blocks))
    parts.extend(_claims(article.claims))
    return "\n\n".join(parts) + "\n"


def render_failure(failure: Failure) -> str:
    """A failure as a short Markdown section."""
    lines = [f"# Failed: {_one_line(failure.source)}", "", f"- **Kind:** {failure.kind}",
             f"- **Message:** {_one_line(failure.message)}"]
    if failure.url:
        lines.append(f"- **URL:** <{failure.url}>")
    if failure.status is not None:
        lines.append(f"- **Status:** {failure.status}")
    if failure.plugin:
        lines.append(f"- **Plugin:** {escape(failure.plugin)}")
    lines += [f"- **{escape(name)}:** {_one_line(value)}" for name, value in failure.details]
    return "\n".join(lines) + "\n"


def render(record: Article | Failure) -> str:
    """An article or a failure as Markdown."""
    return render_article(record) if isinstance(record, Article) else render_failure(record)


class MarkdownSink:
    """Writes records to a text stream as Markdown, separated by horizontal rules."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._count = 0

    def write(self, record: Article | Failure) -> None:
        if self._count:
            self._stream.write("\n---\n\n")
        self._stream.write(render(record))
        self._stream.flush()
        self._count += 1

    def close(self) -> None:
        self._stream.flush()


class MarkdownWriter:
    """The ``markdown`` output format (``--format markdown``, or an output file ending in ``.md``)."""

    name: str = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown")

    def open(self, stream: IO[str]) -> RecordSink:
        return MarkdownSink(stream)


@hookimpl
def docingest_output_writers() -> Sequence[OutputWriter]:
    """Offer the Markdown writer to the CLI."""
    return [MarkdownWriter()]
