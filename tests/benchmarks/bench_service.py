"""Load on the HTTP service against the bare framework: ``interview-signals serve`` and a
bare Starlette/uvicorn app returning the same answer as a constant, back to back.

    python tests/benchmarks/bench_service.py                    # 3 rounds of 20 s each
    python tests/benchmarks/bench_service.py --duration 10 --rounds 2
    python tests/benchmarks/bench_service.py --loader autocannon

Each round starts, one after the other on a free loopback port, the bare app
(``tests/benchmarks/bare_service.py``: one route answering ``POST /v1/assess`` with the
service's answer for ``examples/data/good_interview.json``, sent as a constant), ``serve``
with one worker and ``serve --workers 2``, and drives each with the same load generator at
``--connections`` (50) keep-alive connections for ``--duration`` seconds, POSTing that file
to ``/v1/assess``, after a short warm-up. It prints req/s, p50 and p99 of each run, then the
median of the rounds and the ratios to the bare app: the target is ``serve`` at 0.35x the
bare app's req/s or better with a p99 at most 3x, and two workers giving more req/s than
one with no worse p99.

The load generator: ``wrk`` (Debian's package) by default when it is installed, else
``autocannon`` from ``.ci/node-tools`` (``bash .ci/install-node-tools``), else a minimal
client on asyncio streams in this process (``--loader python``; it costs more CPU per
request than the others). It runs on the same two cores as the server, so each number is a
floor and the ratios are what compare across machines; a machine busy with other jobs moves
every number (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[2]
BODY_FILE = ROOT / "examples" / "data" / "good_interview.json"
AUTOCANNON = ROOT / ".ci" / "node-tools" / "node_modules" / ".bin" / "autocannon"
PATH = "/v1/assess"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_healthy(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {process.communicate()[1].decode()}")
        try:
            response = httpx.post(f"http://127.0.0.1:{port}{PATH}", content=BODY_FILE.read_bytes(),
                                  headers={"Content-Type": "application/json"}, timeout=2)
            if response.status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start within 60 s")


@contextmanager
def server(target: str) -> Iterator[int]:
    """Run ``bare``, ``serve`` or ``serve2`` on a free port until the block ends."""
    port = free_port()
    if target == "bare":
        command = [sys.executable, "-m", "uvicorn", "tests.benchmarks.bare_service:app",
                   "--port", str(port), "--no-access-log", "--log-level", "warning"]
    else:
        command = [sys.executable, "-m", "interview_signals", "serve", "--port", str(port),
                   "--workers", "2" if target == "serve2" else "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        wait_healthy(port, process)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


# --- the load generators: each returns (req/s, p50 ms, p99 ms, errors) ---------------------

Result = tuple[float, float, float, int]


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load_wrk(port: int, seconds: int, connections: int) -> Result:
    script = ('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
              f"wrk.body = [[{BODY_FILE.read_text()}]]\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                              "-s", f.name, f"http://127.0.0.1:{port}{PATH}"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    count = int(errors.group(1)) if errors else 0
    if socket_errors:
        count += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return (float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
            _ms(re.search(r" 50%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
            _ms(re.search(r" 99%\s+(\S+)", out).group(1)), count)  # type: ignore[union-attr]


def load_autocannon(port: int, seconds: int, connections: int) -> Result:
    out = subprocess.run([str(AUTOCANNON), "-j", "-c", str(connections), "-d", str(seconds),
                          "-m", "POST", "-H", "Content-Type=application/json",
                          "-i", str(BODY_FILE), f"http://127.0.0.1:{port}{PATH}"],
                         capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    return (report["requests"]["average"], report["latency"]["p50"],
            report["latency"]["p99"], report["non2xx"] + report["errors"])


async def _drive(port: int, seconds: int, connections: int) -> tuple[list[float], int, float]:
    body = BODY_FILE.read_bytes()
    request = (f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: "
               f"application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def one_client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                writer.write(request)
                await writer.drain()
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - start)
                errors += not head.startswith(b"HTTP/1.1 200")
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(connections)))
    return latencies, errors, time.perf_counter() - began


def load_python(port: int, seconds: int, connections: int) -> Result:
    latencies, errors, elapsed = asyncio.run(_drive(port, seconds, connections))
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49] * 1000, cuts[98] * 1000, errors


LOADERS = {"wrk": load_wrk, "autocannon": load_autocannon, "python": load_python}


def default_loader() -> str:
    if shutil.which("wrk"):
        return "wrk"
    return "autocannon" if AUTOCANNON.exists() else "python"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--loader", choices=sorted(LOADERS), default=default_loader())
    parser.add_argument("--duration", type=int, default=20, help="seconds per run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--targets", default="bare,serve,serve2",
                        help="bare, serve (one worker), serve2 (two workers), comma-separated")
    args = parser.parse_args()
    load = LOADERS[args.loader]
    targets = args.targets.split(",")
    print(f"{args.loader}, {args.connections} connections, {args.duration} s per run, "
          f"POST {PATH} with {BODY_FILE.name}; cpus={os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, list[Result]] = {t: [] for t in targets}
    for round_ in range(1, args.rounds + 1):
        for target in targets:
            with server(target) as port:
                load(port, 2, args.connections)  # warm-up
                result = load(port, args.duration, args.connections)
            results[target].append(result)
            print(f"round {round_} {target:<6} {result[0]:>9,.0f} req/s  p50 {result[1]:6.1f} ms"
                  f"  p99 {result[2]:6.1f} ms  errors {result[3]}", flush=True)
    print(f"\nmedian of {args.rounds} rounds (load average now {os.getloadavg()[0]:.1f}):")
    medians = {t: tuple(statistics.median(r[i] for r in rs) for i in range(3))
               for t, rs in results.items()}
    bare = medians.get("bare")
    for target, (rate, p50, p99) in medians.items():
        ratio = (f"  {rate / bare[0]:.2f}x the bare req/s, p99 {p99 / bare[2]:.2f}x"
                 if bare and target != "bare" else "")
        print(f"{target:<6} {rate:>9,.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms{ratio}")
    if "serve" in medians and "serve2" in medians:
        (one, _, p99_one), (two, _, p99_two) = medians["serve"], medians["serve2"]
        print(f"two workers: {two / one:.2f}x the req/s of one, p99 {p99_two / p99_one:.2f}x")


if __name__ == "__main__":
    main()
