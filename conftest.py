"""Test-suite settings shared by tests/ and plugins/*/tests.

Under CI (``CI`` set, as ``.ci/run`` is run), hypothesis draws are derandomised: every CI run explores the
same examples, so a red build is reproducible and never depends on the day's luck. Local runs stay random
and keep finding new cases (``HYPOTHESIS_PROFILE=ci`` reproduces CI's draws locally).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
profile = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else None)
if profile:
    settings.load_profile(profile)
