"""docingest: web documents (news articles above all) in, typed and validated records out.

    >>> import docingest
    >>> article = docingest.ingest_html("<title>Hi</title><p>Hello, world.</p>")
    >>> article.text
    'Hello, world.'

Importing this package loads no plugins; they are found on first use.
"""

from __future__ import annotations

from ._version import __version__
from .api import (
    aingest,
    aingest_many,
    extract_claims,
    ingest,
    ingest_html,
    ingest_many,
    ingest_text,
    pipeline,
)
from .document import RawDocument
from .encoding import detect_encoding
from .errors import DocingestError, IngestError, OptionError, PluginError, PluginWarning
from .hookspecs import hookimpl
from .models import Article, Block, Claim, Failure, Provenance, Quantity, Removal, Span, TextRef
from .pipeline import Pipeline
from .plugins import get_plugin_manager, new_plugin_manager
from .settings import FetchSettings, Options

__all__ = [
    "Article",
    "Block",
    "Claim",
    "DocingestError",
    "Failure",
    "FetchSettings",
    "IngestError",
    "OptionError",
    "Options",
    "Pipeline",
    "PluginError",
    "PluginWarning",
    "Provenance",
    "Quantity",
    "RawDocument",
    "Removal",
    "Span",
    "TextRef",
    "__version__",
    "aingest",
    "aingest_many",
    "detect_encoding",
    "extract_claims",
    "get_plugin_manager",
    "hookimpl",
    "ingest",
    "ingest_html",
    "ingest_many",
    "ingest_text",
    "new_plugin_manager",
    "pipeline",
]
