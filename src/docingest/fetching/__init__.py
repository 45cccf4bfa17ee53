"""Safe fetching: the SSRF guard, capped content decoders, robots.txt, limits, an HTTP cache, the fetcher.

The built-in fetcher plugin (:mod:`docingest.stages.fetch`) returns :class:`HttpxFetcher`; the modules here
are usable on their own (``docingest.fetching.addresses.classify`` to judge an address, for instance).
"""

from __future__ import annotations

from .addresses import AddressBlocked, AddressPolicy, classify, literal_address
from .decoders import BodyDecoder, TooLarge, accept_encoding, supported_encodings
from .fetcher import HttpxFetcher
from .robots import RobotsRules

__all__ = [
    "AddressBlocked",
    "AddressPolicy",
    "BodyDecoder",
    "HttpxFetcher",
    "RobotsRules",
    "TooLarge",
    "accept_encoding",
    "classify",
    "literal_address",
    "supported_encodings",
]
