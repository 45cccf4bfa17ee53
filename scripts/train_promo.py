"""Train the in-story boilerplate model and write ``src/docingest/boilerplate/weights.json``.

    .venv/bin/python scripts/train_promo.py            # train and write the weights
    .venv/bin/python scripts/train_promo.py --check    # train and compare with the shipped file, byte for byte

The data recipe (``benchmarks/promo_data.py``): the team's labelled articles (``tests/data/house_styles/``,
``tests/data/promo/extra_styles.jsonl``) and the seed (``../shared/seed``), read as the plain-text path gives
their blocks; and the candidate blocks of the wcxb-dev *tuning* pages (``../shared/corpora/extraction``), whose
blocks the ground truth keeps are negatives (the truths are noisy: some keep publisher text, and what they drop
is mostly not publisher text — tables, cards, comments — so dropped blocks are not used as positives). The
held-out promos corpus and the wcxb-dev held-out pages are never read. Training is deterministic, pure Python.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.promo_data import (  # noqa: E402
    PAGE_KINDS,
    LabelledArticle,
    TrainingPage,
    article_pages,
    page_kinds,
    real_pages,
    seed_article,
    team_articles,
    train_gate,
    train_model,
    write_page_kinds,
)

from docingest.boilerplate.model import WEIGHTS_FILE, Model, PageGate, dumps  # noqa: E402

#: Real pages of the reduced recipe, whose weights' digest the shipped file records (the test suite retrains it,
#: in seconds, to check that the recipe still gives what was shipped).
REDUCED_PAGES = 40


def digest(model: Model) -> str:
    """SHA-256 of a model's weights (its ``about`` section aside)."""
    return hashlib.sha256(dumps({k: v for k, v in model.data.items() if k != "about"}).encode()).hexdigest()


def training_articles() -> list[LabelledArticle]:
    """The labelled articles of the recipe, in a fixed order: the seed, then the team's articles."""
    return [seed_article(), *team_articles()]


def training_pages(exclude_styles: frozenset[str] = frozenset(), real_limit: int | None = None) -> list[TrainingPage]:
    """Every page of the recipe, in a fixed order: the seed, the team's articles, the real pages with labelled
    blocks."""
    articles = training_articles()
    pages = [p for a in articles if a.style not in exclude_styles for p in article_pages(a)]
    if real_limit != 0:
        pages += real_pages(real_limit)
    return pages


def reduced_model(gate: PageGate) -> Model:
    """The model of the reduced recipe (the articles and the first :data:`REDUCED_PAGES` labelled real pages)."""
    return train_model(training_pages(real_limit=REDUCED_PAGES), gate=gate)


def gate_weights() -> PageGate:
    """The page classifier of the recipe: the recorded wcxb-dev tuning pages and the labelled articles."""
    return train_gate(training_articles(), page_kinds())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing")
    parser.add_argument("--page-kinds", action="store_true",
                        help=f"record the page classifier's data ({PAGE_KINDS.name}) through the pipeline first")
    parser.add_argument("--real-limit", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.page_kinds:
        print(f"{write_page_kinds()} pages recorded in {PAGE_KINDS}", file=sys.stderr)
    started = time.perf_counter()
    gate = gate_weights()
    pages = training_pages(real_limit=args.real_limit)
    loaded = time.perf_counter()
    labelled = sum(sum(1 for label in p.labels if label is not None and label >= 0) for p in pages)
    about = {
        "pages": len(pages),
        "styles": sorted({p.style for p in pages}),
        "labelled_blocks": labelled,
        "recipe": "scripts/train_promo.py",
        "reduced_check": digest(reduced_model(gate)) if args.real_limit is None else None,
    }
    text = dumps(train_model(pages, about=about, gate=gate).data)
    target = resources.files("docingest.boilerplate").joinpath(WEIGHTS_FILE)
    print(f"{len(pages)} pages, {labelled} labelled blocks; data {loaded - started:.1f} s, "
          f"training {time.perf_counter() - loaded:.1f} s", file=sys.stderr)
    if args.check:
        same = target.read_text(encoding="utf-8") == text
        print("weights reproduce exactly" if same else "weights differ from the shipped file", file=sys.stderr)
        return 0 if same else 1
    Path(str(target)).write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text)} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
