"""The ``docingest`` command line: ingest to JSONL or a store, exit codes, stdin, plugins, schema, search."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docingest import Article, Failure, __version__
from docingest.cli import main

QUOTE_STORY = (
    "Harbour bridge approved\n\n"
    '"We will build it," said Ana Ruiz.\n\n'
    "The council voted for the harbour bridge on Tuesday, after a long debate about its cost.\n"
)


def write_inputs(folder: Path) -> tuple[list[str], list[str]]:
    """(good sources, failing sources): HTML and text stories; missing, empty, binary files; failing URLs."""
    folder.mkdir(parents=True, exist_ok=True)
    good = []
    for i in range(4):
        if i % 2:
            path = folder / f"s{i}.txt"
            path.write_text(f"Story {i}\n\nThe ferry {i} leaves at dawn, the port said.\n", encoding="utf-8")
        else:
            path = folder / f"s{i}.html"
            path.write_text(
                f"<html><title>Story {i}</title><body><nav>Menu</nav><article><h1>Story {i}</h1>"
                f"<p>The tram line {i} opens in spring, officials said.</p></article></body></html>",
                encoding="utf-8",
            )
        good.append(str(path))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.html").write_bytes(bytes(range(256)) * 20)
    bad = [
        str(folder / "missing.html"),
        str(folder / "empty.txt"),
        str(folder / "blob.html"),
        "http://127.0.0.1:9/nothing-listens-here",
        "mailto:someone@example.org",
    ]
    return good, bad


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[list[str], list[str]]:
    return write_inputs(tmp_path / "in")


def read_jsonl(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_to_files_one_record_per_input(
    tmp_path: Path, inputs: tuple[list[str], list[str]], workers: str
) -> None:
    good, bad = inputs
    sources = [good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3], good[3], bad[4]]
    out, err = tmp_path / "out.jsonl", tmp_path / "failed.jsonl"
    code = main(["ingest", *sources, "-o", str(out), "--errors", str(err), "--workers", workers])
    assert code == 1
    articles = [Article.model_validate_json(line) for line in read_jsonl(out)]
    failures = [Failure.model_validate_json(line) for line in read_jsonl(err)]
    assert [a.provenance.source for a in articles] == good
    assert [f.source for f in failures] == bad
    for line in read_jsonl(out):  # exact round trip
        assert Article.model_validate_json(line).model_dump_json() == line


def test_all_good_exits_zero_and_writes_stdout(
    capsys: pytest.CaptureFixture[str], inputs: tuple[list[str], list[str]]
) -> None:
    good, _ = inputs
    assert main(["ingest", *good]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == len(good)
    assert [Article.model_validate_json(line).provenance.source for line in lines] == good
    assert captured.err == ""  # no progress line when stderr is not a terminal


def test_failures_go_to_stderr_without_errors_file(
    capsys: pytest.CaptureFixture[str], inputs: tuple[list[str], list[str]]
) -> None:
    good, bad = inputs
    assert main(["ingest", good[0], bad[0]]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    failure = Failure.model_validate_json(captured.err.strip())
    assert failure.source == bad[0] and failure.kind == "invalid"


def test_sources_from_stdin_and_from_a_list(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    inputs: tuple[list[str], list[str]],
) -> None:
    good, bad = inputs
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{good[0]}\n\n# a comment\n  {good[1]}  \n{bad[0]}\n"))
    assert main(["ingest"]) == 1
    captured = capsys.readouterr()
    assert [Article.model_validate_json(x).provenance.source for x in captured.out.splitlines()] == good[:2]
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join([good[2], good[3]]) + "\n", encoding="utf-8")
    assert main(["ingest", good[0], "-i", str(listing)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [Article.model_validate_json(x).provenance.source for x in out] == [good[0], good[2], good[3]]


def test_claim_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    story = tmp_path / "quote.txt"
    story.write_text(QUOTE_STORY, encoding="utf-8")
    assert main(["ingest", str(story)]) == 0
    with_claims = Article.model_validate_json(capsys.readouterr().out)
    assert any(c.kind == "quote" and c.text.startswith("We will build it") for c in with_claims.claims)
    assert main(["ingest", str(story), "--no-claims"]) == 0
    assert Article.model_validate_json(capsys.readouterr().out).claims == ()
    assert main(["ingest", str(story), "--disable", "docingest.quotes"]) == 0
    disabled = Article.model_validate_json(capsys.readouterr().out)
    assert "docingest.quotes" not in disabled.provenance.plugins


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["ingest", "--bogus-flag", "x"],
        ["ingest", "-i", "/nonexistent/list.txt"],
        ["ingest", "x.html", "--format", "no-such-format"],
        ["ingest", "x.html", "--workers", "0"],
        ["ingest", "x.html", "--retry-failed"],
        ["schema", "nonsense"],
        ["store", "stats", "/nonexistent/store.db"],
        ["search", "/nonexistent/store.db", "word"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_two(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_output_format_by_suffix_and_name(tmp_path: Path, inputs: tuple[list[str], list[str]]) -> None:
    good, _ = inputs
    out = tmp_path / "out.ndjson"
    assert main(["ingest", good[0], "-o", str(out)]) == 0
    assert len(read_jsonl(out)) == 1
    named = tmp_path / "out.data"
    assert main(["ingest", good[0], "-o", str(named), "--format", "jsonl"]) == 0
    assert read_jsonl(named) == read_jsonl(out)


def test_plugins_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    plugins = json.loads(capsys.readouterr().out)
    names = {p["name"] for p in plugins}
    assert {"docingest.io", "docingest.load"} <= names
    io_plugin = next(p for p in plugins if p["name"] == "docingest.io")
    assert "docingest_output_writers" in io_plugin["hooks"] and io_plugin["builtin"] is True
    for name, fields in [("article", Article.model_fields), ("failure", Failure.model_fields)]:
        assert main(["schema", name]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert set(fields) <= set(schema["properties"])


def test_version_via_python_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "docingest", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"docingest {__version__}"


def test_store_resume_stats_export_and_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inputs: tuple[list[str], list[str]]
) -> None:
    good, bad = inputs
    story = tmp_path / "quote.txt"
    story.write_text(QUOTE_STORY, encoding="utf-8")
    sources = [*good, str(story), *bad]
    db = str(tmp_path / "ingest.db")
    argv = ["ingest", *sources, "--store", db]
    assert main(argv) == 1
    assert capsys.readouterr().out == ""  # with a store, nothing on stdout unless -o is given

    def stats() -> dict[str, Any]:
        assert main(["store", "stats", db]) == 0
        return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]

    first = stats()
    assert first["articles"] + first["failures"] == len(sources) == first["inputs"]
    assert first["failures"] == len(bad) and first["runs"] == 1
    assert sum(first["failure_kinds"].values()) == len(bad)

    assert main(argv) == 1  # resumed: everything is done, failures are not retried
    again = stats()
    assert {k: again[k] for k in ("inputs", "articles", "failures", "claims")} == {
        k: first[k] for k in ("inputs", "articles", "failures", "claims")
    }
    assert again["runs"] == 2

    (tmp_path / "in" / "missing.html").write_text("<title>Late</title><p>It exists now.</p>", encoding="utf-8")
    assert main([*argv, "--retry-failed"]) == 1
    retried = stats()
    assert retried["articles"] == first["articles"] + 1 and retried["failures"] == first["failures"] - 1

    assert main(["store", "export", db]) == 0
    exported = capsys.readouterr().out.splitlines()
    assert len(exported) == retried["articles"]
    assert {Article.model_validate_json(x).provenance.source for x in exported} == {
        *good,
        str(story),
        bad[0],
    }
    assert main(["store", "export", db, "--failures"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == retried["failures"]

    assert main(["search", db, "build"]) == 0
    hits = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    quotes = [h for h in hits if h["type"] == "claim" and h["kind"] == "quote"]
    assert quotes and quotes[0]["text"].startswith("We will build it")
    assert quotes[0]["title"] == "Harbour bridge approved" and quotes[0]["source"] == str(story)
    assert any(h["type"] == "article" and h["source"] == str(story) for h in hits)

    assert main(["search", db, "--speaker", "Ana Ruiz"]) == 0
    by_speaker = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # exact speaker resolution is the claim extractor's business (tested there); the store finds by name
    assert by_speaker and all("Ana Ruiz" in h["speaker"] for h in by_speaker)
    assert any(h["text"].startswith("We will build it") for h in by_speaker)

    assert main(["search", db, "xylophone"]) == 1
    assert capsys.readouterr().out == ""


READER_PLUGIN = '''
from datetime import UTC, datetime
from docingest import RawDocument, hookimpl


class BundleReader:
    """A ``.bundle`` file: one story a line, as "name|text"; lines starting with "@" name other sources."""

    name = "bundle"

    def accepts(self, path):
        return path.endswith(".bundle")

    def read(self, path):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line.startswith("@"):
                    yield line[1:]
                elif line:
                    name, text = line.split("|", 1)
                    yield RawDocument(source=f"{path}#{name}", content=text.replace("/", "\\n\\n"),
                                      kind="text", fetched_at=datetime.now(UTC))


@hookimpl
def docingest_input_readers():
    return [BundleReader()]
'''


@pytest.fixture
def bundle_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An input-reader plugin installed as an entry point (the CLI finds it like any installed plugin)."""
    from docingest.plugins import reset_plugin_manager

    site = tmp_path / "site"
    site.mkdir()
    (site / "docingest_test_bundle.py").write_text(READER_PLUGIN, encoding="utf-8")
    info = site / "docingest_test_bundle-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: docingest-test-bundle\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[docingest]\ntest-bundle = docingest_test_bundle\n")
    monkeypatch.syspath_prepend(str(site))
    reset_plugin_manager()
    yield
    monkeypatch.undo()
    reset_plugin_manager()


def test_input_readers_expand_lists_and_arguments(
    bundle_reader: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    inputs: tuple[list[str], list[str]],
) -> None:
    good, bad = inputs
    bundle = tmp_path / "news.bundle"
    bundle.write_text(
        f"one|First story/The first body paragraph.\n@{good[0]}\ntwo|Second story/The second body.\n@{bad[0]}\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    expected = [f"{bundle}#one", good[0], f"{bundle}#two", bad[0]]
    for argv in (["ingest", str(bundle)], ["ingest", "-i", str(bundle)]):
        assert main(argv) == 1
        captured = capsys.readouterr()
        assert [Article.model_validate_json(x).provenance.source for x in captured.out.splitlines()] == [
            expected[0],
            expected[1],
            expected[2],
        ]
        assert Failure.model_validate_json(captured.err).source == bad[0]
    assert main(["ingest", "-i", str(bundle), "--store", db, "--workers", "2"]) == 1
    assert main(["ingest", "-i", str(bundle), "--store", db]) == 1  # resumed: nothing new
    from docingest.store import Store

    with Store(db, readonly=True) as store:
        assert sorted(store.inputs()) == sorted(expected)
        assert store.stats()["runs"] == 2
