"""The embedded store: ingested articles, their claims, failures and run bookkeeping in one SQLite file.

The default sink of ``docingest ingest --store PATH.db``; standard library only (:mod:`sqlite3`).

* **One transaction per input.** :meth:`Store.add` writes an input's article (with its claims and full-text
  rows) or its failure, and the input's status, in a single transaction. The database runs in WAL mode, so a
  run killed at any instant (``kill -9`` included) leaves every input either fully recorded or absent.
* **Resumable.** The ``inputs`` table maps each source (as given: a path, a URL, an archive record reference)
  to its status. Running the same command again skips the inputs that are done; failed inputs are tried
  again only when asked (``--retry-failed``), and a success then replaces the failure.
* **De-duplicated.** An article whose id, canonical URL or content hash (normalised body text) is already
  stored is not stored twice: its input is recorded as a ``duplicate`` pointing at the stored article. So
  ``articles + duplicates + failures == inputs``.
* **Searchable.** FTS5 indexes article titles and texts, and claims' texts and speakers; where the SQLite
  build lacks FTS5, search falls back to ``LIKE``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from .models import Article, Failure, normalise_text

SCHEMA_VERSION = 1

InputStatus = Literal["article", "duplicate", "failure"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'interrupted')),
    pid INTEGER,
    command TEXT NOT NULL DEFAULT '[]',
    articles INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    canonical_url TEXT,
    content_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    site TEXT,
    language TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS claims (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_mention TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
CREATE TABLE IF NOT EXISTS failures (
    rowid INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    url TEXT,
    status INTEGER,
    json TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('article', 'duplicate', 'failure')),
    article_id TEXT,
    failure INTEGER,
    run_id INTEGER REFERENCES runs(id),
    attempts INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'failure') = (failure IS NOT NULL)),
    CHECK ((status = 'failure') = (article_id IS NULL))
);
CREATE INDEX IF NOT EXISTS inputs_status ON inputs(status);
"""

_FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    text, speaker, tokenize='unicode61 remove_diacritics 2'
);
"""

_WORD = re.compile(r"\w+", re.UNICODE)


class StoreError(Exception):
    """The file is not a docingest store, or has a schema this version cannot read."""


def fts5_available() -> bool:
    """True when this Python's SQLite build has the FTS5 extension."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()
    return True


def content_hash(article: Article) -> str:
    """The de-duplication key of an article's content: a hash of its normalised body (title when empty)."""
    body = normalise_text(article.text)
    basis = f"text:{body}" if body else f"title:{normalise_text(article.title or '')}"
    return hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """An ingest store in one SQLite file. Use as a context manager, or call :meth:`close`.

    ``readonly=True`` opens an existing store without writing to it (``docingest store stats``, ``search``).
    ``fts=False`` disables full-text indexing (search then uses ``LIKE``); by default FTS5 is used when the
    SQLite build has it, and a store created with it keeps using it.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, fts: bool | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            if not self.path.is_file():
                raise StoreError(f"{self.path}: no such store")
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        try:
            self._setup(fts)
        except BaseException:
            self._conn.close()
            raise

    # ------------------------------------------------------------------------------------------ lifecycle
    def _setup(self, fts: bool | None) -> None:
        conn = self._conn
        conn.execute("PRAGMA busy_timeout = 30000")
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not an SQLite database ({exc})") from exc
        if self.readonly:
            if "meta" not in tables:
                raise StoreError(f"{self.path}: not a docingest store")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: a commit is atomic and survives the process being killed; only an OS crash or
            # power loss can lose the last commits (never corrupt the file).
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self.readonly:
            with self._transaction():
                self._create(tables, fts)
        version = self._meta("schema_version")
        if version is None or int(version) != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {version}, this docingest reads {SCHEMA_VERSION}")
        self.fts = self._meta("fts") == "1"

    def _create(self, tables: set[str], fts: bool | None) -> None:
        conn = self._conn
        for statement in _split_sql(_SCHEMA):
            conn.execute(statement)
        if "meta" in tables and self._meta("schema_version") is not None:
            return
        use_fts = fts_available_cached() if fts is None else fts
        if use_fts:
            for statement in _split_sql(_FTS_SCHEMA):
                conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('fts', ?)", ("1" if use_fts else "0",))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_at', ?)", (_now(),))

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        """Close the database (a WAL checkpoint happens when the last connection closes)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    # ------------------------------------------------------------------------------------------ runs
    def begin_run(self, command: Sequence[str] = ()) -> int:
        """Record the start of a run; runs left ``running`` by a process that no longer exists become
        ``interrupted``. Returns the run's id."""
        with self._transaction():
            for run_id, pid in self._conn.execute("SELECT id, pid FROM runs WHERE status = 'running'").fetchall():
                if pid is None or not _alive(int(pid)):
                    self._conn.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (run_id,))
            cursor = self._conn.execute(
                "INSERT INTO runs (started_at, pid, command) VALUES (?, ?, ?)",
                (_now(), os.getpid(), json.dumps(list(command))),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, *, skipped: int = 0) -> None:
        """Mark a run finished, with its counts."""
        with self._transaction():
            counts = dict(
                self._conn.execute("SELECT status, COUNT(*) FROM inputs WHERE run_id = ? GROUP BY status", (run_id,))
            )
            self._conn.execute(
                "UPDATE runs SET status = 'finished', finished_at = ?, articles = ?, duplicates = ?, failures = ?,"
                " skipped = ? WHERE id = ?",
                (
                    _now(),
                    counts.get("article", 0),
                    counts.get("duplicate", 0),
                    counts.get("failure", 0),
                    skipped,
                    run_id,
                ),
            )

    # ------------------------------------------------------------------------------------------ inputs
    def status(self, source: str) -> InputStatus | None:
        """The recorded status of an input: ``article``, ``duplicate``, ``failure``, or ``None`` if new."""
        row = self._conn.execute("SELECT status FROM inputs WHERE source = ?", (source,)).fetchone()
        return None if row is None else row[0]

    def is_done(self, source: str, *, retry_failed: bool = False) -> bool:
        """True when a run should skip this input: it is stored, or failed and failures are not retried."""
        state = self.status(source)
        return state is not None and not (retry_failed and state == "failure")

    def add(self, source: str, record: Article | Failure, run_id: int | None = None) -> InputStatus:
        """Record the outcome of one input, in one transaction. Returns the input's status.

        An input already stored as an article (or a duplicate of one) keeps that status: a source listed
        twice is stored once. A failed input is replaced by its new outcome.
        """
        now = _now()
        with self._transaction():
            previous = self._conn.execute("SELECT status, failure FROM inputs WHERE source = ?", (source,)).fetchone()
            if previous is not None and previous[0] != "failure":
                return previous[0]  # type: ignore[no-any-return]  # done inputs are never overwritten
            if previous is not None and isinstance(record, Article):
                self._conn.execute("DELETE FROM failures WHERE rowid = ?", (previous[1],))
            if isinstance(record, Article):
                article_id, status = self._add_article(record, source, run_id, now)
                failure_row: int | None = None
            else:
                article_id, status = None, "failure"
                failure_row = self._add_failure(record, source, run_id, now)
            self._conn.execute(
                "INSERT INTO inputs (source, status, article_id, failure, run_id, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET status = excluded.status, "
                "article_id = excluded.article_id, failure = excluded.failure, run_id = excluded.run_id, "
                "attempts = attempts + 1, updated_at = excluded.updated_at",
                (source, status, article_id, failure_row, run_id, now),
            )
        return status

    def _add_article(self, article: Article, source: str, run_id: int | None, now: str) -> tuple[str, InputStatus]:
        conn = self._conn
        digest = content_hash(article)
        existing = conn.execute(
            "SELECT id FROM articles WHERE id = ? UNION ALL "
            "SELECT id FROM articles WHERE canonical_url = ? UNION ALL "
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1",
            (article.id, article.canonical_url, digest),
        ).fetchone()
        if existing is not None:
            return str(existing[0]), "duplicate"
        cursor = conn.execute(
            "INSERT INTO articles (id, source, url, canonical_url, content_hash, title, published, site, language,"
            " text, json, run_id, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.provenance.source,
                article.url,
                article.canonical_url,
                digest,
                article.title,
                article.published.isoformat() if article.published is not None else None,
                article.site_name,
                article.language,
                article.text,
                article.model_dump_json(),
                run_id,
                now,
            ),
        )
        row = cursor.lastrowid
        if self.fts:
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (row, article.title, article.text)
            )
        for claim in article.claims:
            claim_cursor = conn.execute(
                "INSERT INTO claims (article, claim_id, kind, speaker, speaker_mention, cue, text, start,"
                ' "end", confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (
                    row,
                    claim.id,
                    claim.kind,
                    claim.speaker,
                    claim.speaker_mention.text if claim.speaker_mention else None,
                    claim.cue.text if claim.cue else None,
                    claim.text,
                    claim.span.start,
                    claim.span.end,
                    claim.confidence,
                ),
            )
            if self.fts:
                conn.execute(
                    "INSERT INTO claims_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                    (claim_cursor.lastrowid, claim.text, _speaker_words(claim.speaker, claim.speaker_mention)),
                )
        return article.id, "article"

    def _add_failure(self, failure: Failure, source: str, run_id: int | None, now: str) -> int:
        row = self._conn.execute(
            "INSERT INTO failures (source, kind, message, url, status, json, run_id, stored_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, "
            "message = excluded.message, url = excluded.url, status = excluded.status, json = excluded.json, "
            "run_id = excluded.run_id, stored_at = excluded.stored_at RETURNING rowid",
            (
                source,
                failure.kind,
                failure.message,
                failure.url,
                failure.status,
                failure.model_dump_json(),
                run_id,
                now,
            ),
        ).fetchone()
        return int(row[0])

    # ------------------------------------------------------------------------------------------ reading
    def stats(self) -> dict[str, int]:
        """Counts: ``inputs``, ``articles``, ``duplicates``, ``failures``, ``claims``, ``runs``."""
        conn = self._conn

        def count(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        return {
            "inputs": count("SELECT COUNT(*) FROM inputs"),
            "articles": count("SELECT COUNT(*) FROM articles"),
            "duplicates": count("SELECT COUNT(*) FROM inputs WHERE status = 'duplicate'"),
            "failures": count("SELECT COUNT(*) FROM failures"),
            "claims": count("SELECT COUNT(*) FROM claims"),
            "runs": count("SELECT COUNT(*) FROM runs"),
        }

    def failure_kinds(self) -> dict[str, int]:
        """Failures counted by kind."""
        return {str(k): int(n) for k, n in self._conn.execute("SELECT kind, COUNT(*) FROM failures GROUP BY kind")}

    def articles(self) -> Iterator[Article]:
        """Every stored article, in the order stored."""
        for (data,) in self._conn.execute("SELECT json FROM articles ORDER BY rowid"):
            yield Article.model_validate_json(data)

    def article_json(self) -> Iterator[str]:
        """Every stored article as its JSON line, in the order stored (no re-validation)."""
        for (data,) in self._conn.execute("SELECT json FROM articles ORDER BY rowid"):
            yield str(data)

    def failures(self) -> Iterator[Failure]:
        """Every stored failure, in the order stored."""
        for (data,) in self._conn.execute("SELECT json FROM failures ORDER BY rowid"):
            yield Failure.model_validate_json(data)

    def inputs(self) -> dict[str, InputStatus]:
        """Every recorded input and its status."""
        return {str(s): status for s, status in self._conn.execute("SELECT source, status FROM inputs")}

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id."""
        row = self._conn.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else Article.model_validate_json(row[0])

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` (``"ok"`` when sound)."""
        return "\n".join(str(r[0]) for r in self._conn.execute("PRAGMA integrity_check"))

    # ------------------------------------------------------------------------------------------ search
    def search(self, query: str = "", *, speaker: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Who said what: claims whose text (or speaker) matches ``query``, optionally only by ``speaker``;
        then, without ``speaker``, articles whose title or text matches. Each hit is a JSON-ready dict with
        ``type`` ``"claim"`` or ``"article"``.

        Matching is by words (case and accents ignored; every word must occur); query syntax is not
        interpreted, so any string is a valid query.
        """
        words = _WORD.findall(query)
        speaker_words = _WORD.findall(speaker or "")
        if not words and not speaker_words:
            return []
        hits = self._search_claims(words, speaker_words, limit)
        if not speaker_words and words:
            hits += self._search_articles(words, limit)
        return hits

    def _search_claims(self, words: list[str], speaker_words: list[str], limit: int) -> list[dict[str, Any]]:
        select = (
            'SELECT c.kind, c.text, c.speaker, c.speaker_mention, c.cue, c.start, c."end", c.claim_id,'
            " a.id, a.url, a.title, a.source FROM claims c JOIN articles a ON a.rowid = c.article"
        )
        params: list[Any] = []
        if self.fts:
            terms = [_phrase(w) for w in words]
            if speaker_words:
                terms += [f"speaker : {_phrase(w)}" for w in speaker_words]
            sql = (
                f"{select} JOIN claims_fts f ON f.rowid = c.rowid WHERE claims_fts MATCH ?"
                " ORDER BY f.rank, c.rowid LIMIT ?"
            )
            params = [" ".join(terms), limit]
        else:
            clauses = []
            for w in words:
                clauses.append("(c.text LIKE ? ESCAPE '\\' OR c.speaker LIKE ? ESCAPE '\\')")
                params += [_like(w), _like(w)]
            for w in speaker_words:
                clauses.append("(c.speaker LIKE ? ESCAPE '\\' OR c.speaker_mention LIKE ? ESCAPE '\\')")
                params += [_like(w), _like(w)]
            sql = f"{select} WHERE {' AND '.join(clauses)} ORDER BY c.rowid LIMIT ?"
            params.append(limit)
        out = []
        for kind, text, who, mention, cue, start, end, cid, aid, url, title, source in self._conn.execute(sql, params):
            out.append(
                {
                    "type": "claim",
                    "kind": kind,
                    "text": text,
                    "speaker": who,
                    "speaker_mention": mention,
                    "cue": cue,
                    "span": [start, end],
                    "claim_id": cid,
                    "article_id": aid,
                    "url": url,
                    "title": title,
                    "source": source,
                }
            )
        return out

    def _search_articles(self, words: list[str], limit: int) -> list[dict[str, Any]]:
        params: list[Any]
        if self.fts:
            sql = (
                "SELECT a.id, a.url, a.title, a.source, snippet(articles_fts, 1, '[', ']', '…', 12)"
                " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?"
            )
            params = [" ".join(_phrase(w) for w in words), limit]
        else:
            clauses = " AND ".join("(a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')" for _ in words)
            params = [p for w in words for p in (_like(w), _like(w))] + [limit]
            sql = f"SELECT a.id, a.url, a.title, a.source, substr(a.text, 1, 160) FROM articles a WHERE {clauses}"
            sql += " ORDER BY a.rowid LIMIT ?"
        return [
            {"type": "article", "article_id": aid, "url": url, "title": title, "source": source, "snippet": snip}
            for aid, url, title, source, snip in self._conn.execute(sql, params)
        ]


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")


_fts_cache: bool | None = None


def fts_available_cached() -> bool:
    global _fts_cache
    if _fts_cache is None:
        _fts_cache = fts5_available()
    return _fts_cache


def _split_sql(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _speaker_words(speaker: str | None, mention: Any) -> str:
    """What the speaker column of the claims index holds: the resolved name and the mention as written."""
    parts = [speaker or ""]
    if mention is not None and mention.text != speaker:
        parts.append(mention.text)
    return " ".join(p for p in parts if p)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "content_hash", "fts5_available"]
