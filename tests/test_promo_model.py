"""The boilerplate model: the shipped weights, deterministic training, the seed's acceptance, quotations kept,
removals audited with their class and score, and the weights reproduced by the recipe."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docingest
from docingest.boilerplate.features import CONTEXT_NAMES, HASH_OFFSET, LOCAL_NAMES, holds_quotation, local_features
from docingest.boilerplate.model import BlockView, Model, logits_of, page_features, shipped
from docingest.boilerplate.train import Example, Regularisation, fit
from tests.corpora import corpus_path

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_weights_load() -> None:
    model = shipped()
    assert 0.0 < model.threshold < 1.0
    assert any(model.local[i] for i in range(len(LOCAL_NAMES)))
    assert any(model.local[HASH_OFFSET:]), "no hashed n-gram weights"
    assert any(model.context)
    # hashed n-gram weights are capped: wording nudges, it never decides alone
    assert max(abs(w) for w in model.local[HASH_OFFSET:]) <= 1.0


def test_training_is_deterministic_and_learns() -> None:
    pitch = [local_features(t) for t in (
        "Support our journalism: subscribe for $1 a week.", "Sign up for our newsletter in your inbox.",
        "Got a tip? Email our newsroom at tips@paper.example.", "Become a member today and get the app free.")]
    story = [local_features(t) for t in (
        "The council voted 7 to 4 on Tuesday to close two branches, the mayor said.",
        "Police said the driver was taken to hospital with minor injuries.",
        "The company reported a loss of $4 million in the third quarter.",
        "Residents had complained about the smell for years, according to the report.")]
    examples = [Example(f, 1) for f in pitch] + [Example(f, 0) for f in story]
    size = HASH_OFFSET + (1 << 14)
    first = fit(examples, size, HASH_OFFSET, Regularisation(epochs=8))
    assert first == fit(examples, size, HASH_OFFSET, Regularisation(epochs=8))
    page = page_features([BlockView(t) for t in ("Subscribe for $2 a week.", "The mayor said the vote was close.")])
    pitch_logit, story_logit = logits_of(first, page.local)
    assert pitch_logit > 0 > story_logit
    model = Model.from_weights(first, first, [0.0] * len(CONTEXT_NAMES), 0.5)
    assert Model(model.data).local == model.local, "the weights file's content round-trips"


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([
    "Subscribe today and support our journalism for $1 a week",
    "Sign up for our free newsletter and get the best stories in your inbox",
    "Got a tip? Contact our newsroom on Signal",
    "Follow us on Instagram and X for more",
    "Become a member and get unlimited access",
]), st.sampled_from(["“{}”, the publisher wrote.", '"{}," she told readers.', "He said: “{}.”", "'{}', the ad said."]))
def test_a_block_holding_a_quotation_is_never_removed(pitch: str, frame: str) -> None:
    block = frame.format(pitch)
    assert holds_quotation(block)
    text = f"A headline\n\nThe council met on Tuesday.\n\n{block}\n\nThe vote was 7 to 4."
    article = docingest.ingest_text(text, claims=False)
    assert block in article.paragraphs


def test_apostrophes_are_no_quotation() -> None:
    assert not holds_quotation("Don’t miss out: it’s the reader’s choice, isn't it?")
    assert holds_quotation("The minister called it 'a very good day for the town' on Monday.")


def _seed() -> tuple[str, dict[str, object], list[str]]:
    base = corpus_path("..", "seed")
    expected = json.loads((base / "expected.json").read_text("utf-8"))
    lines = (base / expected["file"]).read_text("utf-8").splitlines()
    return "\n".join(lines) + "\n", expected, lines


def _check_seed(article: docingest.Article, expected: dict[str, object], lines: list[str]) -> None:
    flat = " ".join(article.text.split())
    story = [" ".join(lines[n - 1].split()) for n in expected["story_lines"]]  # type: ignore[attr-defined]
    positions = [flat.find(line) for line in story]
    assert all(p >= 0 for p in positions), "a story line was lost"
    assert positions == sorted(positions), "story lines out of order"
    removed = [r for r in article.provenance.removed if r.cleaner == "docingest.promo"]
    for n in expected["publisher_lines"]:  # type: ignore[attr-defined]
        line = " ".join(lines[n - 1].split())
        assert line not in flat, f"publisher line {n} kept"
        assert any(r.text == line for r in removed), f"publisher line {n} not in provenance.removed"
    assert all(r.reason and r.score is not None and 0.5 <= r.score <= 1.0 for r in removed)
    assert article.title == expected["title"]
    assert article.site_name == expected["site_name"]


def test_seed_as_text() -> None:
    text, expected, lines = _seed()
    _check_seed(docingest.ingest_text(text, claims=False), expected, lines)


@pytest.mark.parametrize("template", ["flat", "asides", "cms"])
def test_seed_as_html(template: str) -> None:
    from benchmarks.promo_data import seed_article
    from benchmarks.promo_pages import TEMPLATES

    corpus_path("..", "seed")
    _, expected, lines = _seed()
    html = TEMPLATES[template](seed_article())
    article = docingest.ingest_html(html, claims=False)
    flat = " ".join(article.text.split())
    for n in expected["story_lines"]:  # type: ignore[attr-defined]
        assert " ".join(lines[n - 1].split()) in flat
    for n in expected["publisher_lines"]:  # type: ignore[attr-defined]
        assert " ".join(lines[n - 1].split()) not in flat
    assert article.title == expected["title"]
    assert article.site_name == expected["site_name"]


def test_weights_reproduce_from_the_recipe() -> None:
    """The recipe on a reduced set (seed, team styles, the first wcxb-dev tuning pages) gives exactly the digest
    recorded in the shipped weights by the run that wrote them (the full run: ``scripts/train_promo.py --check``)."""
    corpus_path("extraction", "wcxb-dev")
    from scripts.train_promo import digest, gate_weights, reduced_model

    recorded = shipped().data["about"]["reduced_check"]
    model = reduced_model(gate_weights())
    assert digest(model) == recorded
    assert hashlib.sha256(b"").hexdigest() != recorded


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_removals_are_the_judgements_above_the_threshold(data: st.DataObject) -> None:
    """The cleaner's cheaper path reads the context only of blocks that may reach the page's threshold: it must find
    exactly the blocks, classes and scores the full judgement finds (team-written articles, shuffled and cut)."""
    from benchmarks.promo_data import team_articles

    articles = team_articles()
    article = articles[data.draw(st.integers(0, len(articles) - 1))]
    texts = data.draw(st.permutations([text for _, text in article.blocks]))
    texts = texts[: data.draw(st.integers(1, len(texts)))]
    views = [BlockView(t, data.draw(st.sampled_from(["paragraph", "list_item", "heading"])),
                       data.draw(st.sampled_from([0.0, 0.5, 1.0])), data.draw(st.booleans())) for t in texts]
    repeated = data.draw(st.lists(st.booleans(), min_size=len(views), max_size=len(views)))
    site = data.draw(st.sampled_from(["", (article.site_name or "").lower()]))
    model = shipped()
    full = model.judge(views, site, repeated, article.title)
    threshold = model.gate(views)  # the model's threshold on a page that reports, a stricter one on another
    assert model.removals(views, site, repeated, article.title) == (
        {} if threshold is None else {i: j for i, j in enumerate(full) if j.score >= threshold})


_PIECES = ["The minister", "she", "police", "officials", "Mr. Ode", "according to", "According to", "the report",
           "said", "says", "told", "tells", "wrote", "Said", "SAID", "added", "notes", "statement", "sayings", "retold",
           ",”", '."', "’", ",", ".", " ", "  ", "\n", "on Monday", "it", "a", "the", "\u00a0", "accord", "stated"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=12))
def test_the_reporting_prefilter_loses_no_attribution(pieces: list[str]) -> None:
    """The substring test before the attribution pattern never turns away a text the pattern finds."""
    from docingest.boilerplate.features import _ATTRIBUTION, reports

    text = " ".join(pieces)
    assert reports(text) == (_ATTRIBUTION.search(text) is not None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join),
                          st.sampled_from([0.0, 0.2, 0.8])), max_size=12))
def test_the_reporting_gate_counts_every_block(blocks: list[tuple[str, float]]) -> None:
    """The gate, which runs :func:`reports` only on blocks holding an attribution verb, says what counting every
    block says."""
    from docingest.boilerplate.features import may_report, reports
    from docingest.boilerplate.model import PROSE_CHARS, PROSE_GATE, REPORTING_GATE, reporting

    views = [BlockView(text, link_density=density) for text, density in blocks]
    attributing = [i for i, v in enumerate(views) if reports(v.text)]
    assert set(attributing) <= set(may_report([v.text for v in views]))
    prose = sum(len(v.text) >= PROSE_CHARS and v.link_density < 0.5 for v in views)
    expected = len(attributing) >= REPORTING_GATE and prose >= PROSE_GATE
    assert reporting(views) == expected
    assert reporting(views[::-1]) == expected, "what the gate remembered of the blocks misleads it"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABZaz09_ -.’'éÉÜ\n", max_size=16) | st.text(max_size=16))
def test_the_fast_capital_patterns_match_their_plain_forms(text: str) -> None:
    """The capitals patterns open with the capital and look behind it; they find what the plain forms find."""
    import re

    from docingest.boilerplate.features import _CAPITALISED, _CAPS

    assert _CAPS.findall(text) == re.findall(r"\b[A-Z]{2,}\b", text)
    assert _CAPITALISED.findall(text) == re.findall(r"\b[A-Z][a-z]", text)


def test_each_attribution_key_holds_a_stem_that_may_report_scans_for() -> None:
    """``may_report`` scans for stems: a key without one would let an attributing text pass unseen."""
    from docingest.boilerplate.features import _ATTRIBUTION_KEYS, _ATTRIBUTION_STEMS

    for key in _ATTRIBUTION_KEYS:
        assert any(stem in key for stem in _ATTRIBUTION_STEMS), key
    assert all("\n" not in stem for stem in _ATTRIBUTION_STEMS)
