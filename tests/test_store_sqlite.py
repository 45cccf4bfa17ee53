"""The SQLite ingest store: one transaction per input, no duplicates, resumable bookkeeping, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docingest import Article, Claim, Failure, Span, TextRef, ingest_text
from docingest.models import claim_id, replace
from docingest.store import Store, StoreError, content_hash, fts5_available
from docingest.strategies import articles, failures

QUOTE_TEXT = (
    "Harbour bridge approved\n\n"
    '"We will build it," said Ana Ruiz.\n\n'
    "The council voted 7 to 2 for the harbour bridge on Tuesday."
)


def article_with_speaker(text: str = QUOTE_TEXT, **changes: Any) -> Article:
    """An article whose quote carries its speaker explicitly (independent of the built-in extractor)."""
    article = ingest_text(text, claims=False)
    body = article.text
    quote = "We will build it,"
    start = body.index(quote)
    span = Span(start=start, end=start + len(quote))
    name_at = body.index("Ana Ruiz")
    claim = Claim(
        id=claim_id("quote", span, quote),
        kind="quote",
        text=quote,
        span=span,
        speaker="Ana Ruiz",
        speaker_mention=TextRef(text="Ana Ruiz", span=Span(start=name_at, end=name_at + 8)),
        cue=TextRef(text="said", span=Span(start=body.index("said"), end=body.index("said") + 4)),
    )
    return replace(article, claims=(claim,), **changes)


def fail(source: str, kind: Any = "invalid") -> Failure:
    return Failure(kind=kind, source=source, message="bad input")


@pytest.fixture(params=[True, False], ids=["fts5", "like"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param and not fts5_available():
        pytest.skip("this SQLite build has no FTS5")
    with Store(tmp_path / "s.db", fts=request.param) as s:
        yield s


def test_counts_and_statuses(store: Store) -> None:
    run = store.begin_run(["docingest", "ingest"])
    a = article_with_speaker()
    assert store.add("a.txt", a, run) == "article"
    assert store.add("copy-of-a.txt", a, run) == "duplicate"
    assert store.add("bad.html", fail("bad.html"), run) == "failure"
    store.finish_run(run, skipped=0)
    assert store.stats() == {"inputs": 3, "articles": 1, "duplicates": 1, "failures": 1, "claims": 1, "runs": 1}
    assert store.inputs() == {"a.txt": "article", "copy-of-a.txt": "duplicate", "bad.html": "failure"}
    assert store.is_done("a.txt") and store.is_done("bad.html")
    assert not store.is_done("bad.html", retry_failed=True)
    assert not store.is_done("new.html")
    assert store.get(a.id) == a
    assert list(store.articles()) == [a]
    assert list(store.failures()) == [fail("bad.html")]


def test_dedup_by_canonical_url_and_by_content(store: Store) -> None:
    first = article_with_speaker(canonical_url="https://news.example/bridge", url="https://news.example/bridge?x=1")
    other_text = QUOTE_TEXT + "\n\nA second printing added this paragraph."
    same_canonical = article_with_speaker(
        other_text, canonical_url="https://news.example/bridge", url="https://m.news.example/bridge"
    )
    same_content = article_with_speaker(url="https://mirror.example/copy")
    assert content_hash(first) == content_hash(same_content) != content_hash(same_canonical)
    assert store.add("1", first) == "article"
    assert store.add("2", same_canonical) == "duplicate"
    assert store.add("3", same_content) == "duplicate"
    assert store.stats()["articles"] == 1


def test_a_source_listed_twice_is_stored_once(store: Store) -> None:
    a = article_with_speaker()
    assert store.add("a", a) == "article"
    assert store.add("a", a) == "article"
    assert store.add("a", fail("a")) == "article"  # done inputs are never overwritten
    assert store.stats()["inputs"] == 1 and store.stats()["failures"] == 0


def test_retried_failure_is_replaced_by_its_article(store: Store) -> None:
    store.add("flaky", fail("flaky", "fetch_error"))
    store.add("flaky", fail("flaky", "timeout"))
    assert [f.kind for f in store.failures()] == ["timeout"]
    assert store.add("flaky", article_with_speaker()) == "article"
    stats = store.stats()
    assert (stats["inputs"], stats["articles"], stats["failures"]) == (1, 1, 0)


def test_search_finds_a_quote_by_word_and_by_speaker(store: Store) -> None:
    store.add("a", article_with_speaker(url="https://news.example/a"))
    by_word = [h for h in store.search("build") if h["type"] == "claim"]
    assert by_word and by_word[0]["text"] == "We will build it,"
    assert by_word[0]["speaker"] == "Ana Ruiz" and by_word[0]["url"] == "https://news.example/a"
    assert by_word[0]["title"] == "Harbour bridge approved"
    by_name = [h for h in store.search("Ruiz") if h["type"] == "claim"]
    assert [h["text"] for h in by_name] == ["We will build it,"]
    only_speaker = store.search(speaker="ana ruiz")
    assert [h["text"] for h in only_speaker] == ["We will build it,"]
    assert store.search("build", speaker="Bob Stone") == []
    articles_hit = [h for h in store.search("harbour council") if h["type"] == "article"]
    assert [h["title"] for h in articles_hit] == ["Harbour bridge approved"]
    assert store.search("nowhere-to-be-found") == []


@pytest.mark.parametrize("query", ['"', "(*", "AND OR NOT", "build\" OR \"x", "%_", "NEAR(a b)", ""])
def test_search_accepts_any_string(store: Store, query: str) -> None:
    store.add("a", article_with_speaker())
    for hit in store.search(query, speaker=query or None):
        assert hit["type"] in {"claim", "article"}


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    class Exploding(Store):
        def _add_article(self, *args: Any) -> Any:
            super()._add_article(*args)
            raise RuntimeError("disk on fire")

    with Exploding(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError):
            store.add("a", article_with_speaker())
        assert store.stats() == {"inputs": 0, "articles": 0, "duplicates": 0, "failures": 0, "claims": 0, "runs": 0}
        assert store.search("build") == []


def test_readonly_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "absent.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError):
        Store(other, readonly=True)
    with Store(tmp_path / "s.db") as store:
        store.add("a", article_with_speaker())
    with Store(tmp_path / "s.db", readonly=True) as ro:
        assert ro.stats()["articles"] == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.add("b", fail("b"))


def test_wal_mode_and_interrupted_runs(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        dead = store.begin_run(["first"])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("UPDATE runs SET pid = 999999999 WHERE id = ?", (dead,))  # a process that no longer exists
    conn.commit()
    conn.close()
    with Store(path) as store:
        live = store.begin_run(["second"])
        store.finish_run(live)
    rows = dict(sqlite3.connect(path).execute("SELECT id, status FROM runs").fetchall())
    assert rows == {dead: "interrupted", live: "finished"}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ops=st.lists(
        st.tuples(st.sampled_from(["s1", "s2", "s3", "s4", "s5"]), st.one_of(articles(max_blocks=3), failures())),
        max_size=8,
    )
)
def test_property_every_input_once_and_records_round_trip(tmp_path_factory: pytest.TempPathFactory, ops: Any) -> None:
    path = tmp_path_factory.mktemp("prop") / "s.db"
    expected: dict[str, str] = {}
    with Store(path) as store:
        for source, record in ops:
            status = store.add(source, record)
            if expected.get(source) in {"article", "duplicate"}:
                assert status == expected[source]
            expected[source] = status
        stats = store.stats()
        assert store.inputs() == expected
        assert stats["inputs"] == len(expected)
        assert stats["articles"] + stats["duplicates"] + stats["failures"] == stats["inputs"]
        stored = list(store.articles())
        assert len({a.id for a in stored}) == len(stored)
        assert len({content_hash(a) for a in stored}) == len(stored)
        originals = {r.model_dump_json() for _, r in ops if isinstance(r, Article)}
        assert set(store.article_json()) <= originals  # stored exactly as given
        assert stats["claims"] == sum(len(a.claims) for a in stored)
        assert store.integrity_check() == "ok"
