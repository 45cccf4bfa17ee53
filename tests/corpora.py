"""Where the shared corpora are (``../shared`` or ``$DOCINGEST_CORPORA``); tests skip cleanly without them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """The ``shared`` folder beside the project, or ``None``."""
    env = os.environ.get("DOCINGEST_CORPORA")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared")
    for path in candidates:
        if (path / "corpora").is_dir():
            return path
    return None


def corpus_path(*parts: str) -> Path:
    """``shared/corpora/<parts>``, or skip the calling test saying why."""
    base = shared_dir()
    if base is None:
        pytest.skip("../shared corpora are absent (set DOCINGEST_CORPORA to their folder)")
    path = base.joinpath("corpora", *parts)
    if not path.exists():
        pytest.skip(f"corpus {path} is absent")
    return path
