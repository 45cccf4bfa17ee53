"""The Markdown writer, loaded through its entry point as the CLI loads it."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings

from docingest import Article, Claim, Failure, Provenance, Quantity, Span, TextRef
from docingest.document import OutputWriter
from docingest.models import article_id, claim_id, join_blocks
from docingest.plugins import new_plugin_manager
from docingest.strategies import articles


def _writer() -> OutputWriter:
    pm = new_plugin_manager()  # entry points included, as the CLI builds it
    assert pm.has_plugin("markdown"), "docingest-markdown is not installed (pip install -e plugins/docingest-markdown)"
    writers: list[OutputWriter] = [
        w for group in pm.hook.docingest_output_writers() for w in group if w.name == "markdown"
    ]
    assert len(writers) == 1
    assert ".md" in writers[0].suffixes
    return writers[0]


def _render(*records: Article | Failure) -> str:
    out = io.StringIO()
    sink = _writer().open(out)
    for record in records:
        sink.write(record)
    sink.close()
    return out.getvalue()


def _claim(text: str, words: str, kind: str = "quote", **fields: object) -> Claim:
    start = text.index(words)
    span = Span(start=start, end=start + len(words))
    return Claim(id=claim_id(kind, span, words), kind=kind, text=words, span=span, **fields)


def _ref(text: str, words: str) -> TextRef:
    start = text.index(words)
    return TextRef(text=words, span=Span(start=start, end=start + len(words)))


def _article() -> Article:
    text, blocks = join_blocks([
        ("paragraph", "“We will not back down,” Ruiz said on Tuesday.", None),
        ("heading", "What happens next", 2),
        ("list_item", "Repairs start in April", 1),
        ("list_item", "Twelve schools first", 2),
        ("blockquote", "A quoted passage\nover two lines", None),
        ("table", "School\tCost\nNorth | East\t€2.5 million", None),
        ("code", "print('```')", None),
        ("caption", "The council chamber.", None),
        ("paragraph", "# Not a heading, and 1. not a list: *literal* stars.", None),
        ("paragraph", "Costs rose 40% according to officials.", None),
    ])
    q_start = text.index("40%")
    claims = (
        _claim(text, "We will not back down,", speaker="Ana Ruiz", speaker_mention=_ref(text, "Ruiz"),
               cue=_ref(text, "said")),
        _claim(text, "Costs rose 40%", kind="numeric", quantity=Quantity(
            value=40.0, unit="percent", surface="40%", span=Span(start=q_start, end=q_start + 3))),
        _claim(text, "Costs rose 40% according to officials", kind="paraphrase", speaker="officials"),
    )
    return Article(
        id=article_id(None, "https://news.example/a", text),
        url="https://news.example/a",
        title="Council approves *budget*",
        description="The vote ends months of debate.",
        site_name="The Daily Example",
        authors=("Ana Ruiz", "Li Wei"),
        published=datetime(2024, 3, 5, 10, 0, tzinfo=UTC),
        modified=date(2024, 3, 6),
        language="en",
        text=text,
        blocks=blocks,
        claims=tuple(sorted(claims, key=lambda c: (c.span.start, c.span.end))),
        provenance=Provenance(source="https://news.example/a"),
    )


def test_renders_every_part_of_an_article() -> None:
    md = _render(_article())
    assert md.startswith("# Council approves \\*budget\\*\n")
    assert "- **By:** Ana Ruiz, Li Wei" in md
    assert "- **Published:** 2024-03-05T10:00:00+00:00" in md
    assert "- **Modified:** 2024-03-06" in md
    assert "- **Site:** The Daily Example" in md
    assert "- **Source:** <https://news.example/a>" in md
    assert "*The vote ends months of debate.*" in md
    assert "\n## What happens next\n" in md
    assert "\n- Repairs start in April\n  - Twelve schools first\n" in md
    assert "> A quoted passage\n> over two lines" in md
    assert "| School | Cost |\n| --- | --- |\n| North \\| East | €2.5 million |" in md
    assert "````\nprint('```')\n````" in md
    assert "*The council chamber.*" in md
    assert "\\# Not a heading, and 1. not a list: \\*literal\\* stars." in md


def test_claims_section_lists_quotes_with_speakers() -> None:
    md = _render(_article())
    claims = md[md.index("## Claims") :]
    assert "### Quotes\n\n- “We will not back down,” — **Ana Ruiz** (as “Ruiz”), said" in claims
    assert "### Reported statements\n\n- **officials**: Costs rose 40% according to officials" in claims
    assert "### Figures\n\n- Costs rose 40% (*40 percent*: “40%”)" in claims


def test_article_without_claims_has_no_claims_section() -> None:
    text, blocks = join_blocks([("paragraph", "Just text.", None)])
    bare = Article(id="x", text=text, blocks=blocks, provenance=Provenance(source="<text>"))
    md = _render(bare)
    assert md == "# Untitled\n\nJust text.\n"


def test_records_are_separated_and_failures_rendered() -> None:
    failure = Failure(kind="http_status", source="https://news.example/gone", message="HTTP 410", status=410,
                      details=(("attempts", "1"),))
    md = _render(_article(), failure)
    first, second = md.split("\n---\n\n")
    assert first.startswith("# Council")
    assert second == ("# Failed: https://news.example/gone\n\n- **Kind:** http_status\n- **Message:** HTTP 410\n"
                      "- **Status:** 410\n- **attempts:** 1\n")


_WORD = re.compile(r"\w+")


@settings(max_examples=30, deadline=None)
@given(articles())
def test_nothing_of_a_drawn_article_is_lost(article: Article) -> None:
    md = _render(article)
    plain = md.replace("\\", "")
    for block in article.blocks:
        for word in _WORD.findall(block.text):
            assert word in plain
    for claim in article.claims:
        for word in _WORD.findall(claim.text):
            assert word in plain
        if claim.speaker:
            assert claim.speaker.replace("\\", "") in plain or all(w in plain for w in _WORD.findall(claim.speaker))
    assert ("## Claims" in md) == bool(article.claims)


def test_cli_writes_markdown(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>"
        "<p>“We will not back down,” said Ana Ruiz.</p><ul><li>First item</li><li>Second item</li></ul>"
        "</article></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out.md"
    done = subprocess.run([sys.executable, "-m", "docingest", "ingest", str(page), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Council approves budget\n")
    assert "\n“We will not back down,” said Ana Ruiz.\n" in md
    assert "## Claims" in md and "We will not back down" in md
    shown = subprocess.run([sys.executable, "-m", "docingest", "ingest", str(page), "--format", "markdown"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == md
