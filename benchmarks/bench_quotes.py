"""Claims benchmark: quotes and speakers on the shared gold sets (ggt, polnear-dev) and on labelled articles.

    .venv/bin/python -m benchmarks.bench_quotes [--show-misses ggt|polnear-dev|seed|w1w2|w3] [--rounds 5]
        [--validate] [--held-out]

Runs ``docingest.extract_claims`` over every article, writes predictions JSONL and scores them with
``../shared/tools/score_quotes.py``: direct quotes (``--kinds direct --split-parts``) on both sets, all kinds
on ggt. ggt credits a speaker by its resolved name, polnear by the literal mention, so each set is scored with
the speaker as docingest resolves it (``speaker``; where that is ``None`` because the text credits an unnamed
source, the mention as written, as ggt's ``speaker_coref`` writes such sources: "a spokesperson", "officials")
and as written (``speaker_mention``); the acceptance figures use the resolved name on ggt and the mention on
polnear. Speaker accuracy against ggt's resolved
names (``speaker_coref`` only) is computed here with the scorer's own matching.

ggt and polnear annotate quotations of speech only, never a quoted term (a scare quote, a title, a nickname):
docingest emits those too, as quote claims with ``confidence`` below
:data:`docingest.claims.quotes.QUOTATION_CONFIDENCE`. The gold sets are scored on quote claims at or above
that confidence ("quotations"); the figures over every quote claim ("all quote claims") are shown beside them.

Labelled articles (every quotation, quoted terms included, with the canonical speaker a user expects in
``Claim.speaker``, ``None`` for a term nobody is credited with): the seed (``../shared/seed``) and the
team-written house styles (``tests/data/house_styles``): ``w1w2`` and ``w3`` are development data, ``w4`` the
validation set (measured with ``--validate``, at milestones, in aggregate; its misses are never printed) and
``../shared/corpora/promos`` is held out (measured with ``--held-out`` only; never tuned on, misses never
printed). Each article is read as plain text (the seed and promos from their ``.txt``; a house-style article as
its title and story blocks, a line each); a quotation is found when a quote claim has exactly its content (in
order), and right when that claim's speaker equals the canonical one (case and spacing aside).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import docingest
from benchmarks.common import ROOT, shared_dir, table
from benchmarks.speaker_breakdown import classify, tally
from docingest.claims.quotes import QUOTATION_CONFIDENCE, attributor
from docingest.pipeline import _paragraph_spans

#: labelled sets and what they are for; the last two are measured only on request, their misses never printed
LABELLED = {
    "seed": "dev",
    "w1w2": "dev (team-written, round 1)",
    "w3": "dev (team-written, round 2)",
    "w4": "validation (team-written)",
    "w5": "dev (team-written, round 3)",
    "w6": "validation (team-written, round 3)",
    "promos": "held out",
}
NOT_INSPECTED = {"w4", "w6", "promos"}


def _scorer() -> tuple[Path, ModuleType]:
    path = shared_dir() / "tools" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return path, module


def run(dataset: str, kinds: set[str] | None) -> tuple[list[dict[str, Any]], list[float], float]:
    """Predictions (one dict per claim), the wall time of each article in ms, and the CPU time of all in ms."""
    docs = sorted((shared_dir() / "corpora" / "quotes" / dataset / "docs").glob("*.txt"))
    preds: list[dict[str, Any]] = []
    times: list[float] = []
    cpu = 0.0
    docingest.extract_claims("warm up: “Hello,” she said.")
    for path in docs:
        text = path.read_text(encoding="utf-8")
        c0, t0 = time.process_time(), time.perf_counter()
        claims = docingest.extract_claims(text)
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu += (time.process_time() - c0) * 1000.0
        for c in claims:
            if kinds is not None and c.kind not in kinds:
                continue
            preds.append(
                {
                    "doc": path.stem,
                    "content_span": [c.span.start, c.span.end],
                    # ggt's speaker_coref writes an unnamed source as written ("a spokesperson"): so do we, where
                    # Claim.speaker is None (the text credits no named person or organisation)
                    "speaker": c.speaker or (c.speaker_mention.text if c.speaker_mention else ""),
                    "mention": c.speaker_mention.text if c.speaker_mention else (c.speaker or ""),
                    "kind": c.kind,
                    "confidence": c.confidence,
                    "mention_span": [c.speaker_mention.span.start, c.speaker_mention.span.end]
                    if c.speaker_mention
                    else None,
                }
            )
    return preds, times, cpu


def speed(dataset: str, rounds: int) -> tuple[float, float]:
    """(best total wall ms, best total CPU ms) of ``extract_claims`` over all articles, over ``rounds`` passes."""
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((shared_dir() / "corpora" / "quotes" / dataset / "docs").glob("*.txt"))
    ]
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        c0, t0 = time.process_time(), time.perf_counter()
        for text in texts:
            docingest.extract_claims(text)
        best_wall = min(best_wall, (time.perf_counter() - t0) * 1000.0)
        best_cpu = min(best_cpu, (time.process_time() - c0) * 1000.0)
    return best_wall, best_cpu


def write(preds: list[dict[str, Any]], field: str, folder: Path, name: str, floor: float = 0.0) -> Path:
    """The predictions with ``confidence >= floor`` as the scorer's JSONL, the speaker from ``field``."""
    out = folder / name
    with out.open("w", encoding="utf-8") as fh:
        for p in preds:
            if p["confidence"] < floor:
                continue
            fh.write(
                json.dumps(
                    {
                        "doc": p["doc"],
                        "content_span": p["content_span"],
                        "speaker": p[field],
                        "kind": p["kind"],
                        "mention_span": p["mention_span"],
                    }
                )
                + "\n"
            )
    return out


def score(scorer: Path, dataset: str, preds: Path, *extra: str) -> dict[str, Any]:
    ds = shared_dir() / "corpora" / "quotes" / dataset
    res = subprocess.run(
        [sys.executable, str(scorer), str(ds), str(preds), "--json", *extra], capture_output=True, text=True, check=True
    )
    return dict(json.loads(res.stdout))


def coref_accuracy(
    module: ModuleType, dataset: str, preds: Path, errors: Counter[str] | None = None
) -> tuple[int, int]:
    """(speaker matches against speaker_coref only, content matches) for direct quotes, split parts; each miss
    classed in ``errors`` by the gold speaker span: not found, no attribution, coreference (the mention chosen
    overlaps the gold one), wrong mention."""
    ds = shared_dir() / "corpora" / "quotes" / dataset
    gold = [g for g in module.load_jsonl(str(ds / "gold.jsonl")) if g["kind"] == "direct"]
    pred = module.load_jsonl(str(preds))
    by_doc: dict[str, tuple[list[Any], list[Any]]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], ([], []))[0].append(g)
    for p in pred:
        if p["doc"] in by_doc:
            by_doc[p["doc"]][1].append(p)
    hit = total = 0
    for doc, (gs, ps) in by_doc.items():
        text = (ds / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        _, _, pairs = module.match_doc(text, gs, ps, 0.5)
        if errors is not None:
            errors["not found"] += len(gs) - len(pairs)
        for gi, pi in pairs:
            total += 1
            coref = gs[gi].get("speaker_coref") or ""
            if module.words(ps[pi]["speaker"]) & module.words(coref):
                hit += 1
            elif errors is not None:
                errors[_span_class(ps[pi].get("mention_span"), gs[gi].get("speaker_span"))] += 1
    return hit, total


def _span_class(mention: list[int] | None, gold: list[int] | None) -> str:
    if not mention:
        return "no attribution"
    if gold and mention[0] < gold[1] and gold[0] < mention[1]:
        return "coreference"
    return "wrong mention"


def show_misses(module: ModuleType, dataset: str, preds: Path, limit: int) -> None:
    ds = shared_dir() / "corpora" / "quotes" / dataset
    gold = [g for g in module.load_jsonl(str(ds / "gold.jsonl")) if g["kind"] == "direct"]
    pred = module.load_jsonl(str(preds))
    shown = 0
    for doc in sorted({g["doc"] for g in gold}):
        gs = [g for g in gold if g["doc"] == doc]
        ps = [p for p in pred if p["doc"] == doc]
        text = (ds / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        _, _, pairs = module.match_doc(text, gs, ps, 0.5)
        matched = {gi for gi, _ in pairs}
        for gi, pi in pairs:
            if not module.speaker_ok(ps[pi]["speaker"], gs[gi]) and shown < limit:
                g = gs[gi]
                s = g["content_span"][0]
                print(f"SPK {doc} pred={ps[pi]['speaker']!r} gold={g['speaker']!r}/{g.get('speaker_coref')!r}")
                print("   ", repr(text[max(0, s - 200) : g["content_span"][1] + 80]))
                shown += 1
        for gi, g in enumerate(gs):
            if gi not in matched and shown < limit:
                print(f"MISS {doc} {g['content'][:100]!r}")
                shown += 1


def labelled(name: str) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """The articles of a labelled set as (id, plain text, [(content, canonical speaker)])."""
    if name == "seed":
        seed = shared_dir() / "seed"
        expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
        text = (seed / expected["file"]).read_text(encoding="utf-8")
        return [("seed", text, [(q["content"], q["speaker"]) for q in expected["quotes"]])]
    out: list[tuple[str, str, list[tuple[str, str | None]]]] = []
    if name == "promos":
        base = shared_dir() / "corpora" / "promos"
        rows = [json.loads(line) for line in (base / "articles.jsonl").open(encoding="utf-8") if line.strip()]
        for row in rows:
            text = (base / "txt" / f"{row['id']}.txt").read_text(encoding="utf-8")
            out.append((row["id"], text, [(c, s) for c, s in row["quotes"]]))
        return out
    for part in ("w1", "w2") if name == "w1w2" else (name,):
        path = ROOT / "tests" / "data" / "house_styles" / f"{part}.jsonl"
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            story = [t for kind, t in row["blocks"] if kind == "body"]
            out.append((row["id"], "\n".join([row["title"], *story]), [(c, s) for c, s in row["quotes"]]))
    return out


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


#: gold sets differ on whether a comma or full stop inside the marks is part of the quotation
_EDGE = " \n\t.,;:!?"


def _content(text: str) -> str:
    return text.strip(_EDGE)


def score_labelled(name: str, show: bool, errors: Counter[str] | None = None) -> tuple[int, int, int]:
    """(quotations, found, with the right speaker) over a labelled set; misses printed when ``show``; each
    wrong speaker's class (:mod:`benchmarks.speaker_breakdown`) counted in ``errors``."""
    total = found = right = 0
    for doc, text, quotes in labelled(name):
        claims = [c for c in docingest.extract_claims(text) if c.kind == "quote"]
        entities = attributor(text, _paragraph_spans(text)).registry.entities
        at = 0
        for content, speaker in quotes:
            total += 1
            hit = next((i for i in range(at, len(claims)) if _content(claims[i].text) == _content(content)), None)
            if errors is not None:
                kind = classify(claims[hit] if hit is not None else None, speaker, entities)
                if kind is not None:
                    errors[kind] += 1
            if hit is None:
                if show:
                    print(f"MISS {doc}: {content[:90]!r}")
                continue
            at = hit + 1
            found += 1
            if _same(claims[hit].speaker, speaker):
                right += 1
            elif show:
                mention = claims[hit].speaker_mention
                print(
                    f"SPK {doc}: {content[:60]!r} pred={claims[hit].speaker!r} ({mention.text if mention else None!r})"
                    f" gold={speaker!r}"
                )
    return total, found, right


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", default=None, help="ggt, polnear-dev, seed, w1w2, w3, w5 (not w4, w6, promos)")
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=5, help="passes over each set for the speed table (0: none)")
    ap.add_argument("--validate", action="store_true", help="also measure w4 and w6, validation sets (aggregate only)")
    ap.add_argument("--held-out", action="store_true", help="also measure promos, the held-out set (aggregate only)")
    ap.add_argument("--breakdown", action="store_true", help="count each set's wrong speakers by class (no texts)")
    args = ap.parse_args()
    if args.show_misses in NOT_INSPECTED:
        sys.exit(f"{args.show_misses} is not inspected: it is measured, in aggregate only")
    scorer, module = _scorer()
    floor = QUOTATION_CONFIDENCE
    rows: list[list[Any]] = []
    timing: dict[str, tuple[list[float], float]] = {}
    coref: list[str] = []
    breakdown: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for dataset in ("ggt", "polnear-dev"):
            preds, times, cpu = run(dataset, {"quote"})
            timing[dataset] = (times, cpu)
            for field in ("speaker", "mention"):
                for claims, cut in ((f"quotations (confidence >= {floor})", floor), ("all quote claims", 0.0)):
                    path = write(preds, field, folder, f"{dataset}-{field}-{cut}.jsonl", cut)
                    res = score(scorer, dataset, path, "--kinds", "direct", "--split-parts")
                    rows.append(
                        [
                            dataset,
                            "resolved" if field == "speaker" else "as written",
                            claims,
                            res["content_overlap"]["F1"],
                            res["content+speaker_overlap"]["F1"],
                            res["speaker_acc_overlap"],
                        ]
                    )
                    if dataset == "ggt" and field == "speaker":
                        errors = breakdown.setdefault("ggt (speaker_coref, by gold span)", Counter()) if cut else None
                        hit, total = coref_accuracy(module, dataset, path, errors)
                        coref.append(f"{claims}: {hit / total if total else 0.0:.3f} ({hit}/{total})")
            if args.show_misses == dataset:
                show_misses(module, dataset, folder / f"{dataset}-speaker-{floor}.jsonl", args.limit)
        preds, _, _ = run("ggt", {"quote", "paraphrase"})
        path = write(preds, "speaker", folder, "ggt-all.jsonl", floor)
        res = score(scorer, "ggt", path)
        rows.append(
            [
                "ggt, all kinds (quotes + paraphrases)",
                "resolved",
                f"quotations (confidence >= {floor}) and paraphrases",
                res["content_overlap"]["F1"],
                res["content+speaker_overlap"]["F1"],
                res["speaker_acc_overlap"],
            ]
        )
        by_kind = res["recall_by_kind_overlap"]
    print("gold sets, direct quotes (split parts) unless said")
    print(table(["dataset", "speaker", "claims scored", "content F1", "content+speaker F1", "speaker acc."], rows))
    print()
    print("speaker accuracy against ggt's resolved names (speaker_coref only), direct: " + "; ".join(coref))
    print(
        "ggt recall by gold kind (all kinds): "
        + ", ".join(f"{k} {v['hit']}/{v['gold']} = {v['R']:.3f}" for k, v in by_kind.items())
    )
    print()
    wanted = ["seed", "w1w2", "w3", "w5"]
    wanted += (["w4", "w6"] if args.validate else []) + (["promos"] if args.held_out else [])
    lrows = []
    for name in wanted:
        errors = breakdown.setdefault(name, Counter()) if args.breakdown else None
        total, found, right = score_labelled(name, args.show_misses == name, errors)
        if total:
            lrows.append(
                [name, LABELLED[name], total, f"{found} ({found / total:.1%})", f"{right} ({right / total:.1%})"]
            )
    print(table(["labelled set", "use", "quotations", "found", "right canonical speaker"], lrows))
    print()
    if args.breakdown:
        print("wrong speakers by class (benchmarks/speaker_breakdown.py):")
        for name, errors in breakdown.items():
            print(f"  {name}: {tally(errors)}")
        print()
    if args.rounds <= 0:
        return
    trows = []
    for dataset, (times, cpu) in timing.items():
        best_wall, best_cpu = speed(dataset, args.rounds)
        trows.append(
            [
                dataset,
                len(times),
                round(sum(times), 1),
                round(cpu, 1),
                round(best_wall, 1),
                round(best_cpu, 1),
                round(statistics.median(times), 3),
                round(max(times), 2),
            ]
        )
    print(
        table(
            [
                "dataset",
                "articles",
                "first pass total ms (wall)",
                "first pass total ms (CPU)",
                f"best of {args.rounds} total ms (wall)",
                f"best of {args.rounds} total ms (CPU)",
                "median ms/article",
                "max ms",
            ],
            trows,
        )
    )


if __name__ == "__main__":
    main()
