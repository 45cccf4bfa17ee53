"""The fixed tuning / held-out split of wcxb-dev, by site and stratified by page type (issue 13).

    .venv/bin/python -m benchmarks.make_split            # rewrites benchmarks/splits/wcxb-dev.json

The split is committed; this script is its recipe, run once. Rules are developed on the ``tune`` part (and on
readability) only; every figure is reported on the ``heldout`` part too.

How: pages are grouped by site (the URL's host without ``www.``; a page without a URL is its own site). Each
site gets the page type most of its pages have; within each page type, sites are ordered by a SHA-256 of their
name and every site whose rank falls on 3 of each 10 goes to ``heldout`` — about 30% of the sites of every
type, and so about 30% of the pages, with no site on both sides.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.common import ROOT, shared_dir

SPLIT_FILE = ROOT / "benchmarks" / "splits" / "wcxb-dev.json"
HELD_OUT_RANKS = {1, 4, 7}  # 3 ranks of every 10


def site_of(truth: dict[str, object]) -> str:
    url = truth.get("url")
    host = urlsplit(url).hostname if isinstance(url, str) and url else None
    return host.removeprefix("www.") if host else f"no-url:{truth['id']}"


def make_split(truth_file: Path) -> dict[str, object]:
    rows = [json.loads(line) for line in truth_file.read_text(encoding="utf-8").split("\n") if line.strip()]
    pages_of: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        pages_of[site_of(row)].append(row)
    by_type: dict[str, list[str]] = defaultdict(list)
    for site, pages in pages_of.items():
        kind = Counter(str(p.get("page_type")) for p in pages).most_common(1)[0][0]
        by_type[kind].append(site)
    held_sites: set[str] = set()
    for sites in by_type.values():
        ranked = sorted(sites, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
        held_sites.update(s for rank, s in enumerate(ranked) if rank % 10 in HELD_OUT_RANKS)
    heldout = sorted(str(r["id"]) for r in rows if site_of(r) in held_sites)
    tune = sorted(str(r["id"]) for r in rows if site_of(r) not in held_sites)
    return {
        "dataset": "wcxb-dev",
        "recipe": "benchmarks/make_split.py",
        "tune": tune,
        "heldout": heldout,
        "heldout_sites": sorted(held_sites),
    }


def main() -> None:
    split = make_split(shared_dir() / "corpora" / "extraction" / "wcxb-dev" / "truth.jsonl")
    SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
    SPLIT_FILE.write_text(json.dumps(split, indent=0) + "\n", encoding="utf-8")
    print(f"tune {len(split['tune'])} pages, heldout {len(split['heldout'])} pages -> {SPLIT_FILE}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
