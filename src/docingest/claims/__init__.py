"""Claim finding without an NLP pipeline: quotation marks, attribution cues, speakers, quantities."""

from __future__ import annotations

from .quotes import quote_claims, reported_claims

__all__ = ["quote_claims", "reported_claims"]
