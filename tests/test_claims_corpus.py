"""Floors on the shared quote gold sets (skipped when ../shared is absent); full figures: bench_quotes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import docingest
from docingest.claims.quotes import QUOTATION_CONFIDENCE
from tests.corpora import corpus_path, shared_dir


def _scorer() -> ModuleType:
    base = shared_dir()
    assert base is not None
    spec = importlib.util.spec_from_file_location("score_quotes", base / "tools" / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(
    dataset: str, tmp_path: Path, field: str, kinds: tuple[str, ...] = ("quote",), gold: set[str] | None = None
) -> dict[str, object]:
    base = corpus_path("quotes", dataset)
    preds = tmp_path / "preds.jsonl"
    with preds.open("w", encoding="utf-8") as fh:
        for path in sorted((base / "docs").glob("*.txt")):
            for c in docingest.extract_claims(path.read_text(encoding="utf-8")):
                # the gold sets annotate quotations of speech, never quoted terms
                if c.kind in kinds and c.confidence >= QUOTATION_CONFIDENCE:
                    mention = c.speaker_mention.text if c.speaker_mention else None
                    # an unnamed source (speaker None) is scored as written, as ggt's speaker_coref writes it
                    who = (c.speaker or mention) if field == "speaker" else (mention or c.speaker)
                    fh.write(
                        json.dumps({"doc": path.stem, "content_span": [c.span.start, c.span.end], "speaker": who or ""})
                        + "\n"
                    )
    if gold is None:
        return dict(_scorer().evaluate(str(base), str(preds), kinds={"direct"}, split_parts=True))
    return dict(_scorer().evaluate(str(base), str(preds), kinds=gold, split_parts=False))


def test_ggt_direct_floor(tmp_path: Path) -> None:
    res = _score("ggt", tmp_path, "speaker")
    # measured (bench_quotes): content 0.972, content+speaker 0.935, speaker accuracy 0.962
    assert res["content_overlap"]["F1"] >= 0.965  # type: ignore[index]
    assert res["content+speaker_overlap"]["F1"] >= 0.93  # type: ignore[index]
    assert res["speaker_acc_overlap"] >= 0.955  # type: ignore[operator]


def test_polnear_direct_floor(tmp_path: Path) -> None:
    res = _score("polnear-dev", tmp_path, "mention")
    # measured (bench_quotes): content 0.963, content+speaker 0.923
    assert res["content_overlap"]["F1"] >= 0.96  # type: ignore[index]
    assert res["content+speaker_overlap"]["F1"] >= 0.92  # type: ignore[index]


def test_ggt_all_kinds_floor(tmp_path: Path) -> None:
    res = _score("ggt", tmp_path, "speaker", ("quote", "paraphrase"), {"direct", "mixed", "indirect"})
    # measured (bench_quotes): content 0.813
    assert res["content_overlap"]["F1"] >= 0.795  # type: ignore[index]


# --- issue 12: the seed, the team-written house styles (development data) and the numeric gold ------------------
_EDGE = " \n\t.,;:!?"


def test_seed_quotes_speakers_and_numbers(tmp_path: Path) -> None:
    seed = corpus_path("..", "seed")
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    article = docingest.ingest_text((seed / expected["file"]).read_text(encoding="utf-8"))
    quotes = [(c.text.strip(_EDGE), c.speaker) for c in article.claims if c.kind == "quote"]
    assert quotes == [(q["content"].strip(_EDGE), q["speaker"]) for q in expected["quotes"]]
    numeric = [c for c in article.claims if c.kind == "numeric" and c.quantity is not None]
    unleash = [c for c in numeric if "800 billion" in c.quantity.surface and "unleash" in c.text]  # type: ignore[union-attr]
    assert [c.speaker for c in unleash] == ["Ursula Von der Leyen"]
    assert all(c.quantity is not None and c.quantity.unit != "year" for c in numeric)
    assert not any(c.text.strip().isdigit() for c in numeric), "a bare year or number is no statement"


def _labelled(path: Path) -> list[tuple[str, list[tuple[str, str | None]]]]:
    out = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        story = [t for kind, t in row["blocks"] if kind == "body"]
        out.append(("\n".join([row["title"], *story]), [(c, s) for c, s in row["quotes"]]))
    return out


@pytest.mark.parametrize(
    ("parts", "floor_found", "floor_right"),
    # measured (bench_quotes): w1w2 351/351 found, 338 right; w3 154/154 found, 151 right (development data,
    # not held out; w4, the validation set, is measured by bench_quotes --validate only)
    [(("w1.jsonl", "w2.jsonl"), 0.99, 0.95), (("w3.jsonl",), 0.99, 0.96)],
    ids=["w1w2", "w3"],
)
def test_house_styles_quotes_and_canonical_speakers(
    parts: tuple[str, ...], floor_found: float, floor_right: float
) -> None:
    data = Path(__file__).parent / "data" / "house_styles"
    total = found = right = 0
    for part in parts:
        for text, quotes in _labelled(data / part):
            claims = [c for c in docingest.extract_claims(text) if c.kind == "quote"]
            at = 0
            for content, speaker in quotes:
                total += 1
                hit = next(
                    (i for i in range(at, len(claims)) if claims[i].text.strip(_EDGE) == content.strip(_EDGE)), None
                )
                if hit is None:
                    continue
                at = hit + 1
                found += 1
                right += (claims[hit].speaker or "").casefold() == (speaker or "").casefold()
    assert found / total >= floor_found
    assert right / total >= floor_right


def _numeric_score(part: str) -> tuple[float, float]:
    data = Path(__file__).parent / "data" / "numeric_gold"
    gold = [json.loads(line) for line in (data / "gold.jsonl").open(encoding="utf-8")]
    tp = npred = ngold = 0
    for line in (data / "docs.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["part"] != part:
            continue
        text = (corpus_path("quotes", doc["dataset"]) / "docs" / f"{doc['doc']}.txt").read_bytes().decode("utf-8")
        golds = [g["quantity_span"] for g in gold if g["doc"] == doc["doc"]]
        preds = [c.quantity.span for c in docingest.extract_claims(text) if c.kind == "numeric" and c.quantity]
        used: set[int] = set()
        for q in preds:
            hit = next((i for i, (s, e) in enumerate(golds) if i not in used and min(e, q.end) > max(s, q.start)), None)
            if hit is not None:
                used.add(hit)
        tp += len(used)
        npred += len(preds)
        ngold += len(golds)
    return tp / npred, tp / ngold


def test_numeric_gold_floors() -> None:
    # measured (bench_numeric): dev P 0.982 R 0.957 (tuned on); test P 0.903 R 0.909 (held out)
    dev_p, dev_r = _numeric_score("dev")
    assert dev_p >= 0.96 and dev_r >= 0.93
    test_p, test_r = _numeric_score("test")
    assert test_p >= 0.88 and test_r >= 0.88
