"""Load on the HTTP service: bounded concurrent clients against ``interview-signals serve``.

    python tests/benchmarks/bench_service.py                  # 50 clients, 20,000 requests
    python tests/benchmarks/bench_service.py --requests 4000  # a shorter run

For each worker count (1 and 2 by default) it starts the service on a free loopback port in
a subprocess, waits for ``/v1/healthz``, warms up, then sends ``--requests`` POSTs to
``/v1/assess`` from ``--clients`` concurrent clients (each a keep-alive connection), cycling
through real observation sets (the examples' interviews). It prints throughput, p50/p99
latency, the error count (any status but 200, or a failed connection) and the resident
memory of the service's processes before and after, then stops the service with SIGTERM.
The client runs on the same machine and takes CPU from the service: the numbers are a
floor. ``/v1/consult`` (a consultation step: an exact search over the answer classes of the
unknown fields, confirmed by the engine) costs tens of milliseconds where an assessment
costs well under one; ``--endpoints`` picks which to drive, ``--consult-requests`` caps its
count (default a tenth of ``--requests``) so a run stays short.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[2]
ENDPOINTS = ("/v1/assess", "/v1/consult")


def documents() -> list[bytes]:
    """Every valid observation set of the examples, as request bodies."""
    from interview_signals import ObservationError
    from interview_signals._observations.reading import check_values

    found: list[bytes] = []
    data = ROOT / "examples" / "data"
    texts = [p.read_text() for p in sorted(data.glob("*.json"))]
    texts += (data / "interviews.jsonl").read_text().splitlines()
    for text in texts:
        try:
            document = json.loads(text)
            check_values(document)
        except (ValueError, ObservationError):
            continue
        found.append(json.dumps(document).encode())
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and its descendants, in KiB (from /proc)."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += map(int, (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


async def _post(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
                ) -> bool:
    """One keep-alive request; True when the answer was a 200 with its whole body."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status == 200


async def drive(port: int, path: str, bodies: list[bytes], requests: int, clients: int
                ) -> tuple[list[float], int, float]:
    """``clients`` keep-alive connections sending ``requests`` POSTs between them.

    A minimal HTTP/1.1 client on asyncio streams: a full client library (httpx) spent more
    CPU per request than the service, on the same two cores."""
    latencies: list[float] = []
    errors = 0
    sent = 0
    prepared = [(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                 f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                 ).encode() + body for body in bodies]

    async def one_client() -> None:
        nonlocal errors, sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while sent < requests:
                request = prepared[sent % len(prepared)]
                sent += 1
                start = time.perf_counter()
                try:
                    ok = await _post(reader, writer, request)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                latencies.append(time.perf_counter() - start)
                errors += not ok
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, errors, time.perf_counter() - began


def wait_healthy(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the service exited: {process.communicate()[1].decode()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/healthz", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the service did not start within 60 s")


def run(workers: int, counts: dict[str, int], clients: int, bodies: list[bytes]) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_signals", "serve", "--port", str(port),
         "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        wait_healthy(port, process)
        for path, requests in counts.items():
            asyncio.run(drive(port, path, bodies, min(requests // 10 or 1, 1000), clients))
            before = tree_rss_kib(process.pid)
            latencies, errors, elapsed = asyncio.run(
                drive(port, path, bodies, requests, clients))
            after = tree_rss_kib(process.pid)
            cuts = statistics.quantiles(latencies, n=100)
            print(f"{path:<12} workers={workers} clients={clients} requests={len(latencies)} "
                  f"throughput={len(latencies) / elapsed:,.0f}/s "
                  f"p50={cuts[49] * 1000:.1f} ms p99={cuts[98] * 1000:.1f} ms "
                  f"errors={errors} rss={before / 1024:.1f}->{after / 1024:.1f} MiB",
                  flush=True)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
        if process.returncode != 0:
            print(f"the service stopped with status {process.returncode}: {err.decode()}",
                  file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--consult-requests", type=int, default=None,
                        help="requests to /v1/consult (default: a tenth of --requests)")
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS),
                        help="endpoints to drive, comma-separated")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    args = parser.parse_args()
    bodies = documents()
    consult = args.consult_requests if args.consult_requests is not None \
        else max(args.requests // 10, 1)
    counts = {path: consult if path == "/v1/consult" else args.requests
              for path in args.endpoints.split(",")}
    print(f"{len(bodies)} observation sets from the examples; cpus={os.cpu_count()}")
    for workers in (int(w) for w in args.workers.split(",")):
        run(workers, counts, args.clients, bodies)


if __name__ == "__main__":
    main()
