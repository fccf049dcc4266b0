"""Benchmarks, run as scripts (``python tests/benchmarks/bench_assess.py``), not as tests."""

# durable's Python host imports durable's C module by itself; the library's loader gets there
# first, so the host finds the module loaded on every Python (docs/python-versions.md).
import interview_signals._durable.native  # noqa: F401
