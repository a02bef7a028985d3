"""Hypothesis profiles: 'dev' (quick), the built-in 'ci' (loaded when CI is set) extended, 'nightly'."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_default = settings.get_profile("default")
settings.register_profile("dev", _default, max_examples=30)
settings.register_profile("ci", settings.get_profile("ci"), max_examples=200)
settings.register_profile(
    "nightly",
    _default,
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if profile := os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(profile)
