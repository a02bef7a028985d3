"""Hypothesis profiles: 'dev' (the default here), the built-in 'ci' (loaded when CI is set:
derandomised, Hypothesis' default of 100 examples), and 'nightly' (5,000). ``HYPOTHESIS_PROFILE``
picks one.

'dev' has no deadline: on a loaded machine a slow example is no failure of the plan's logic. The
health checks stay on in every profile but 'nightly' (where 5,000 examples are meant to take
long); the strategies are cheap enough to pass them (benchmarks/bench_strategies.py), and
tests/strategies/test_strategies.py checks a user's own test does, under Hypothesis' own default settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_default = settings.get_profile("default")
settings.register_profile("dev", _default, max_examples=50, deadline=None)
settings.register_profile("ci", settings.get_profile("ci"), max_examples=100)
settings.register_profile(
    "nightly",
    _default,
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if profile := os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(profile)
elif not os.environ.get("CI"):
    settings.load_profile("dev")
