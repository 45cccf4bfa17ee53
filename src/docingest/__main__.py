"""``python -m docingest``: the command line."""

from docingest.cli import main

raise SystemExit(main())
