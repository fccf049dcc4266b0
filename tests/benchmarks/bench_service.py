"""Load on the HTTP service against the bare framework: ``interview-signals serve`` and a
bare Starlette/uvicorn app returning the same answer as a constant, back to back.

    python tests/benchmarks/bench_service.py                    # 3 rounds of 20 s each
    python tests/benchmarks/bench_service.py --duration 10 --rounds 2
    python tests/benchmarks/bench_service.py --loader autocannon
    python tests/benchmarks/bench_service.py --targets bare,serve,granian   # another server

Each round starts, one after the other on a free loopback port, the bare app
(``tests/benchmarks/bare_service.py``: one route answering ``POST /v1/assess`` with the
service's answer for ``examples/data/good_interview.json``, sent as a constant), ``serve``
with one worker and ``serve --workers 2``, and drives each with the same load generator at
``--connections`` (50) keep-alive connections for ``--duration`` seconds, POSTing that file
to ``/v1/assess``, after a short warm-up. It prints req/s, p50 and p99 of each run, then the
median of the rounds and the ratios to the bare app: the target is ``serve`` at 0.35x the
bare app's req/s or better with a p99 at most 3x, and two workers giving more req/s than
one with no worse p99; the last lines say whether each holds.

Every run also reports the server's CPU time per request (user and system, from ``/proc``,
summed over its processes) and the load generator's, the machine's load average when it
started and ended, and the server's resident memory after it. A machine busy with other
jobs moves req/s and latency a lot and CPU per request much less, so that is the number to
compare across busy runs. ``granian`` and ``granian2`` run the same app as ``serve`` under
granian (one and two workers) when it is installed, to compare servers.

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
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[2]
BODY_FILE = ROOT / "examples" / "data" / "good_interview.json"
AUTOCANNON = ROOT / ".ci" / "node-tools" / "node_modules" / ".bin" / "autocannon"
PATH = "/v1/assess"


TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()  # fields from the third (state) on


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (uvicorn's and granian's workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU seconds of ``pid`` and its descendants (Linux ``/proc``)."""
    user = system = 0
    for p in _tree(pid):
        try:
            fields = _stat(p)
        except OSError:
            continue
        user, system = user + int(fields[11]), system + int(fields[12])
    return user / TICKS, system / TICKS


def rss_mib(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1])
        except OSError:
            continue
    return total * PAGE / 2**20


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


TARGETS = ("bare", "serve", "serve2", "granian", "granian2")


def command(target: str, port: int) -> list[str]:
    if target == "bare":
        return [sys.executable, "-m", "uvicorn", "tests.benchmarks.bare_service:app",
                "--port", str(port), "--no-access-log", "--log-level", "warning"]
    if target.startswith("granian"):
        return [sys.executable, "-m", "granian", "--interface", "asgi", "--factory",
                "--port", str(port), "--workers", "2" if target == "granian2" else "1",
                "--no-ws", "--log-level", "warning",
                "interview_signals._service.app:app_from_environment"]
    return [sys.executable, "-m", "interview_signals", "serve", "--port", str(port),
            "--workers", "2" if target == "serve2" else "1"]


@contextmanager
def server(target: str) -> Iterator[tuple[int, int]]:
    """Run one of ``TARGETS`` on a free port until the block ends: (port, pid)."""
    port = free_port()
    process = subprocess.Popen(command(target, port), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        wait_healthy(port, process)
        yield port, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


# --- the load generators: each returns (req/s, p50 ms, p99 ms, errors, requests) -----------

Result = tuple[float, float, float, int, int]


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
            _ms(re.search(r" 99%\s+(\S+)", out).group(1)), count,  # type: ignore[union-attr]
            int(re.search(r"(\d+) requests in", out).group(1)))  # type: ignore[union-attr]


def load_autocannon(port: int, seconds: int, connections: int) -> Result:
    out = subprocess.run([str(AUTOCANNON), "-j", "-c", str(connections), "-d", str(seconds),
                          "-m", "POST", "-H", "Content-Type=application/json",
                          "-i", str(BODY_FILE), f"http://127.0.0.1:{port}{PATH}"],
                         capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    return (report["requests"]["average"], report["latency"]["p50"],
            report["latency"]["p99"], report["non2xx"] + report["errors"],
            report["requests"]["total"])


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
    return len(latencies) / elapsed, cuts[49] * 1000, cuts[98] * 1000, errors, len(latencies)


LOADERS = {"wrk": load_wrk, "autocannon": load_autocannon, "python": load_python}


def default_loader() -> str:
    if shutil.which("wrk"):
        return "wrk"
    return "autocannon" if AUTOCANNON.exists() else "python"


@dataclass
class Run:
    """One measured run of one target."""

    rate: float
    p50: float
    p99: float
    errors: int
    server_us: tuple[float, float]  # user, system CPU per request, microseconds
    loader_us: float
    load: tuple[float, float]  # the 1-minute load average when the run began and ended
    rss: float

    def line(self) -> str:
        user, system = self.server_us
        return (f"{self.rate:>9,.0f} req/s  p50 {self.p50:6.1f} ms  p99 {self.p99:6.1f} ms  "
                f"errors {self.errors}  server CPU {user + system:5.0f} us/req (user "
                f"{user:.0f}, sys {system:.0f})  loader {self.loader_us:4.0f} us/req  "
                f"RSS {self.rss:5.1f} MiB  load {self.load[0]:.1f}->{self.load[1]:.1f}")


def measure(target: str, load: Callable[[int, int, int], Result], seconds: int,
            connections: int, in_process: bool) -> Run:
    with server(target) as (port, pid):
        load(port, 2, connections)  # warm-up
        began = os.getloadavg()[0]
        cpu0 = cpu_seconds(pid)
        mine0 = time.process_time() if in_process else \
            sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])
        rate, p50, p99, errors, count = load(port, seconds, connections)
        mine1 = time.process_time() if in_process else \
            sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])
        cpu1 = cpu_seconds(pid)
        ended = os.getloadavg()[0]
        rss = rss_mib(pid)
    per = 1e6 / max(count, 1)
    return Run(rate, p50, p99, errors, ((cpu1[0] - cpu0[0]) * per, (cpu1[1] - cpu0[1]) * per),
               (mine1 - mine0) * per, (began, ended), rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--loader", choices=sorted(LOADERS), default=default_loader())
    parser.add_argument("--duration", type=int, default=20, help="seconds per run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--targets", default="bare,serve,serve2",
                        help=f"comma-separated, from {', '.join(TARGETS)}")
    args = parser.parse_args()
    load = LOADERS[args.loader]
    targets = args.targets.split(",")
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        parser.error(f"unknown targets: {', '.join(unknown)}")
    print(f"{args.loader}, {args.connections} connections, {args.duration} s per run, "
          f"POST {PATH} with {BODY_FILE.name}; cpus={os.cpu_count()}, Python "
          f"{sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}", flush=True)
    runs: dict[str, list[Run]] = {t: [] for t in targets}
    for round_ in range(1, args.rounds + 1):
        for target in targets:
            run = measure(target, load, args.duration, args.connections,
                          args.loader == "python")
            runs[target].append(run)
            print(f"round {round_} {target:<8} {run.line()}", flush=True)
    report(runs, args.rounds)


def report(runs: dict[str, list[Run]], rounds: int) -> None:
    print(f"\nmedian of {rounds} rounds (load average now {os.getloadavg()[0]:.1f}):")
    medians = {t: (statistics.median(r.rate for r in rs), statistics.median(r.p99 for r in rs),
                   statistics.median(sum(r.server_us) for r in rs)) for t, rs in runs.items()}
    bare = medians.get("bare")
    for target, (rate, p99, cpu) in medians.items():
        p50 = statistics.median(r.p50 for r in runs[target])
        ratio = (f"  {rate / bare[0]:.2f}x the bare req/s, p99 {p99 / bare[1]:.2f}x, CPU per "
                 f"request {cpu / bare[2]:.1f}x" if bare and target != "bare" else "")
        print(f"{target:<8} {rate:>9,.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
              f"server CPU {cpu:5.0f} us/req{ratio}")
    if bare and "serve" in medians:
        rate, p99, _ = medians["serve"]
        met = rate >= 0.35 * bare[0] and p99 <= 3 * bare[1]
        print(f"target, one worker (>= 0.35x the req/s, p99 <= 3x): "
              f"{'met' if met else 'NOT met'} ({rate / bare[0]:.2f}x, {p99 / bare[1]:.2f}x)")
    if "serve" in medians and "serve2" in medians:
        (one, p99_one, _), (two, p99_two, _) = medians["serve"], medians["serve2"]
        met = two > one and p99_two <= p99_one
        print(f"target, two workers (more req/s than one, p99 no worse): "
              f"{'met' if met else 'NOT met'} ({two / one:.2f}x the req/s, p99 "
              f"{p99_two / p99_one:.2f}x)")


if __name__ == "__main__":
    main()
