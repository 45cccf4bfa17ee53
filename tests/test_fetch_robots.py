"""robots.txt through our robots module: Google's test cases (counted), agent tokens, RFC 9309 outcomes, cache."""

from __future__ import annotations

import json

from docingest.fetching.robots import (
    MAX_CRAWL_DELAY,
    RobotsCache,
    RobotsRules,
    agent_token,
    robots_url,
    rules_from_response,
)
from tests.corpora import corpus_path

#: Protego alone passes 62 of the 72 RFC cases (shared NOTES; measured again here); with our normalisation
#: (user-agent product tokens, unknown lines ignored) 69. The 3 left need URLs percent-encoded by the caller.
RFC_FLOOR = 69
GOOGLE_ONLY_FLOOR = 69


def test_google_robotstxt_cases() -> None:
    path = corpus_path("robotstxt", "google_robotstxt_cases.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = {False: 0, True: 0}
    total = {False: 0, True: 0}
    for case in cases:
        rules = RobotsRules.parse(case["robotstxt"])
        got = rules.allowed(case["url"], case["user_agent"])
        total[case["google_only"]] += 1
        passed[case["google_only"]] += got == case["expected_allowed"]
    print(
        f"\ngoogle robots.txt cases: RFC 9309 {passed[False]}/{total[False]}, google-only {passed[True]}/{total[True]}"
    )
    assert total[False] == 72
    assert passed[False] >= RFC_FLOOR
    assert passed[True] >= GOOGLE_ONLY_FLOOR


def test_normalisation_keeps_groups_together() -> None:
    text = "User-agent: FooBot\nInvalid-Unknown-Line: x\nUser-agent: *\nDisallow: /\n"
    assert not RobotsRules.parse(text).allowed("http://h/", "FooBot")
    assert not RobotsRules.parse("User-Agent: FOO BAR\nDisallow: /\n").allowed("http://h/a", "foo")


def test_agent_token_and_robots_url() -> None:
    assert agent_token("docingest/0.1 (+https://pypi.org/project/docingest/)") == "docingest"
    assert agent_token("My-Bot_2") == "My-Bot_"
    assert agent_token("FooBot") == "FooBot"
    assert robots_url("https://a.example:8443/x/y?q=1#f") == "https://a.example:8443/robots.txt"


def test_group_for_our_agent_wins_over_star() -> None:
    rules = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: docingest\nAllow: /\nCrawl-delay: 2.5\n")
    ua = "docingest/1.0 (+https://example.org)"
    assert rules.allowed("https://a.example/page", ua)
    assert not rules.allowed("https://a.example/page", "OtherBot/1.0")
    assert rules.crawl_delay(ua) == 2.5
    assert rules.allowed("https://a.example/robots.txt", "OtherBot/1.0")


def test_crawl_delay_is_capped() -> None:
    rules = RobotsRules.parse("User-agent: *\nCrawl-delay: 86400\n")
    assert rules.crawl_delay("x") == MAX_CRAWL_DELAY
    assert RobotsRules.parse("User-agent: *\nCrawl-delay: nonsense\n").crawl_delay("x") == 0.0


def test_rfc9309_outcomes() -> None:
    ok, ttl_ok = rules_from_response(200, b"User-agent: *\nDisallow: /a\n")
    assert not ok.allowed("http://h/a", "x") and ok.allowed("http://h/b", "x")
    missing, _ = rules_from_response(404, b"")
    assert missing.allowed("http://h/a", "x")
    for status in (429, 500, 503):
        down, ttl_down = rules_from_response(status, b"")
        assert not down.allowed("http://h/", "x")
        assert ttl_down < ttl_ok
    # rules past the size cap are not read
    big = b"User-agent: *\n" + b"# padding\n" * 60_000 + b"Disallow: /\n"
    truncated, _ = rules_from_response(200, big)
    assert truncated.allowed("http://h/x", "x")


def test_cache_is_bounded_and_expires() -> None:
    cache = RobotsCache(size=3)
    for i in range(5):
        cache.put(f"http://h{i}:80", RobotsRules(), 100.0)
    assert len(cache) == 3
    assert cache.get("http://h0:80") is None and cache.get("http://h4:80") is not None
    cache.put("http://gone:80", RobotsRules(), -1.0)
    assert cache.get("http://gone:80") is None
