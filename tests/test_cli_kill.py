"""``kill -9`` in the middle of ``docingest ingest -i LIST --store DB``, then the same command again: every
input is in the store exactly once, nothing is duplicated, the database is sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docingest import Article, Failure

N_GOOD = 250
WORDS = ["harbour", "council", "ferry", "budget", "school", "clinic", "tram", "river", "bridge", "market"]


def make_corpus(folder: Path) -> list[str]:
    """N_GOOD small distinct stories (HTML and text) and a few inputs that fail."""
    folder.mkdir()
    sources: list[str] = []
    for i in range(N_GOOD):
        topic = WORDS[i % len(WORDS)]
        para = f"The {topic} plan number {i} was discussed on day {i % 28 + 1}, officials said. " * 3
        if i % 3 == 0:
            path = folder / f"{i:04d}.txt"
            path.write_text(f"Story {i} about the {topic}\n\n{para}\n\nA second paragraph, {i}.\n", encoding="utf-8")
        else:
            path = folder / f"{i:04d}.html"
            path.write_text(
                f"<html><head><title>Story {i}</title></head><body><nav>Home | World</nav><article>"
                f"<h1>Story {i} about the {topic}</h1><p>{para}</p><p>A second paragraph, {i}.</p>"
                "</article><footer>Example News</footer></body></html>",
                encoding="utf-8",
            )
        sources.append(str(path))
        if i % 61 == 30:  # failing inputs spread through the list
            sources.append(str(folder / f"missing-{i}.html"))
            (folder / f"empty-{i}.txt").write_bytes(b"")
            sources.append(str(folder / f"empty-{i}.txt"))
            (folder / f"blob-{i}.html").write_bytes(os.urandom(3000))
            sources.append(str(folder / f"blob-{i}.html"))
            sources.append(f"ftp://files.example/{i}")
    return sources


def count_inputs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_then_resume(tmp_path: Path, workers: str) -> None:
    sources = make_corpus(tmp_path / "docs")
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(sources) + "\n", encoding="utf-8")
    db = tmp_path / "run.db"
    command = [sys.executable, "-m", "docingest", "ingest", "-i", str(listing), "--store", str(db)]
    command += ["--workers", workers]

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    deadline = time.monotonic() + 120
    at_kill = 0
    while time.monotonic() < deadline and proc.poll() is None:
        at_kill = count_inputs(db)
        if at_kill >= 25:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < at_kill < len(sources), "the run must be killed in the middle"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0]
    assert at_kill <= partial < len(sources)
    conn.close()

    again = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    assert again.returncode == 1, again.stderr  # some inputs fail, on purpose

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    inputs = dict(conn.execute("SELECT source, status FROM inputs").fetchall())
    assert sorted(inputs) == sorted(sources)  # every input exactly once (source is the primary key)
    n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    n_failures = conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    assert n_articles + n_failures == len(sources)
    assert n_articles == N_GOOD and sum(s == "article" for s in inputs.values()) == N_GOOD
    assert conn.execute("SELECT COUNT(DISTINCT id), COUNT(DISTINCT source) FROM articles").fetchone() == (
        N_GOOD,
        N_GOOD,
    )
    assert conn.execute("SELECT COUNT(DISTINCT source) FROM failures").fetchone()[0] == n_failures
    for (data,) in conn.execute("SELECT json FROM articles"):
        Article.model_validate_json(data)
    for (data,) in conn.execute("SELECT json FROM failures"):
        Failure.model_validate_json(data)
    claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    expected_claims = sum(
        len(Article.model_validate_json(d).claims) for (d,) in conn.execute("SELECT json FROM articles")
    )
    assert claims == expected_claims
    runs = conn.execute("SELECT status, skipped FROM runs ORDER BY id").fetchall()
    assert runs[0][0] == "interrupted" and runs[1][0] == "finished"
    assert runs[1][1] == partial  # the second run skipped exactly what the first had stored
    conn.close()
