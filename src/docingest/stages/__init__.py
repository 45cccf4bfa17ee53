"""The built-in stages, each a plugin registered like any third-party one (see :mod:`docingest.plugins`)."""
