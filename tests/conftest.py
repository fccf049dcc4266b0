"""One Engine for the whole run, and the Hypothesis profiles (fast by default, thorough in CI)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from interview_signals import Engine

settings.register_profile("fast", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough" if os.environ.get("CI")
                                     else "fast"))


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.default()
