"""Many assessments: streaming in input order, in worker processes.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .batch import (
    assess_jsonl,
    assess_many,
    assess_partition,
    check_sizes,
    pack_chunk,
    process_engine,
    read_line,
)
from .workers import available_cpus, map_chunks

__all__ = [
    "assess_jsonl",
    "assess_many",
    "assess_partition",
    "available_cpus",
    "check_sizes",
    "map_chunks",
    "pack_chunk",
    "process_engine",
    "read_line",
]
