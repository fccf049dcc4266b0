"""Benchmarks, run as scripts (``python tests/benchmarks/bench_assess.py``), not as tests."""
