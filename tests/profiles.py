"""The Hypothesis profiles, and the example counts of tests that set their own.

* ``thorough`` (CI, where ``CI`` is set): 300 examples a test, and each count a test sets.
* ``fast`` (the default elsewhere, and so the README's full command on a laptop): 60.
* ``quick`` (the README's everyday command, ``--hypothesis-profile quick``): a fifth of
  the fast profile's 60, and a fifth of each count a test sets (``examples``), so that the
  everyday run stays within two minutes; the full command and CI run every example.

``HYPOTHESIS_PROFILE=NAME`` picks a profile too.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

QUICK_SHARE = 5
"""The quick profile runs one example in this many of each count a test sets."""

_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.differing_executors]
"""too_slow: the engine-backed strategies are slow on shared machines; differing_executors:
a test class's ``@given`` methods run twice in one process under mutation testing
(mutmut), each time on a new instance."""

settings.register_profile("thorough", max_examples=300, deadline=None,
                          suppress_health_check=_SUPPRESSED)
settings.register_profile("fast", max_examples=60, deadline=None,
                          suppress_health_check=_SUPPRESSED)
settings.register_profile("quick", max_examples=60 // QUICK_SHARE, deadline=None,
                          suppress_health_check=_SUPPRESSED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough" if os.environ.get("CI")
                                     else "fast"))


def examples(count: int) -> int:
    """The examples to run of a test that asks for ``count``: all of them, but under the
    quick profile a fifth (at least 3). Read when the test module is imported, which is
    after ``--hypothesis-profile`` has taken effect."""
    if settings.get_current_profile_name() == "quick":
        return max(3, count // QUICK_SHARE)
    return count
