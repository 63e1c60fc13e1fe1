"""API latency under load: N concurrent clients against `eventscribe serve` on 127.0.0.1.

Usage:
    .venv/bin/python bench/make_big_store.py --out /tmp/big.duckdb      # 1M events, once
    .venv/bin/python bench/api_load.py --store /tmp/big.duckdb [--clients 50 --requests 40]

    # the 10M-event figures: generating takes about 100 s, and the first `serve` of a store
    # builds its event index (about 2.5 min for 10M events on 2 cores, once): run
    # `python -m eventscribe.cli serve --store /tmp/big10m.duckdb` once (or this script
    # twice) so the start-up measured is that of a store already indexed
    .venv/bin/python bench/make_big_store.py --out /tmp/big10m.duckdb --events 10000000
    .venv/bin/python bench/api_load.py --store /tmp/big10m.duckdb --clients 10 --requests 200

Starts the real server (`python -m eventscribe.cli serve`) on a free loopback port, waits
for it, runs a warm-up, then lets ``--clients`` asyncio clients (httpx) each send
``--requests`` requests drawn (seeded) from a mix of API calls: event lists filtered by
country, dyad, type and date range, text search, single events, documents and dyad
series, and the dashboard's pages (front page, a dyad's page) with the breakdowns
(actors, types) they show. Prints one JSON object (median, p90, p99, max latency in ms,
overall and per kind of call, requests/s) and saves it as bench/results/api-<YYYY-MM-DD>.json. The run is
bounded: it stops after ``--max-seconds`` whatever happens, and stops the server.

Also recorded: the server's start-up seconds (launch to first answer) and peak resident
memory (VmHWM), the CPU milliseconds per request spent by the server and by this client
(a figure the machine's other load changes little, unlike latency), and the 1-minute
load average. ``--serve-arg=--cache-mb=0`` passes options on to `eventscribe serve`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ("SRB", "XKX", "USA", "RUS", "UKR", "CHN", "IRN", "ISR", "DEU", "FRA", "TUR", "GRC")
WARM_UP = 30  # requests sent one by one before the timed run
TYPES = ("ACCUSE", "AGREE", "CONSULT", "REQUEST", "THREATEN", "PROTEST", "ASSAULT", "AID")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def request_mix(rng: random.Random, n_events: int, n_docs: int) -> tuple[str, str]:
    """One (kind, path) drawn from the mix a dashboard user and API clients produce."""
    year = rng.randint(2015, 2024)
    month = rng.randint(1, 12)
    start, end = f"{year}-{month:02d}-01", f"{year}-{month:02d}-28"
    a, b = rng.sample(COUNTRIES, 2)
    choices = [
        ("events_by_country", f"/api/events?country={a}&limit=50"),
        ("events_dyad_range", f"/api/events?source={a}&target={b}&start={start}&end={end}"),
        ("events_type_range", f"/api/events?type={rng.choice(TYPES)}&start={start}&end={end}"),
        ("events_quad_page", f"/api/events?quad={rng.randint(1, 4)}&offset={rng.randint(0, 5000)}"),
        (
            "events_text_year",
            f"/api/events?q={rng.choice(TYPES).lower()}+{b}&start={year}-01-01&end={year}-12-31",
        ),
        ("event", f"/api/events/ev-{rng.randint(0, n_events - 1)}"),
        ("document", f"/api/documents/doc-{rng.randint(0, n_docs - 1)}"),
        ("dyad_week", f"/api/dyad/{a}/{b}?by=week&start={year}-01-01&end={year}-12-31"),
        ("dyad_month", f"/api/dyad/{a}/{b}?by=month"),
        # the dashboard's pages and the breakdowns they show
        ("page_front", "/"),
        ("page_dyad", f"/dyad?a={a}&b={b}"),
        ("actors_country_year", f"/api/actors?country={a}&start={year}-01-01&end={year}-12-31"),
        ("types_source", f"/api/types?source={a}"),
    ]
    return rng.choice(choices)


class RawConnection:
    """One keep-alive HTTP/1.1 connection spoken over asyncio streams.

    The load client shares the machine's two cores with the server, so its own CPU cost
    is part of what is measured: httpx spends ~2-4 ms of CPU per request, this ~0.2 ms.
    It reads exactly what uvicorn sends (Content-Length or chunked bodies)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self._reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {
            k.strip().lower(): v.strip()
            for k, _, v in (line.partition(":") for line in lines[1:] if line)
        }
        if "content-length" in headers:
            await self._reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self._reader.readuntil(b"\r\n")).strip(), 16)
                await self._reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


async def client(
    http: httpx.AsyncClient | RawConnection,
    rng: random.Random,
    count: int,
    deadline: float,
    sizes: tuple[int, int],
    results: list[tuple[str, float, int]],
) -> None:
    for _ in range(count):
        if time.monotonic() > deadline:
            return
        kind, path = request_mix(rng, *sizes)
        began = time.perf_counter()
        if isinstance(http, RawConnection):
            status = await http.get(path)
        else:
            status = (await http.get(path)).status_code
        results.append((kind, (time.perf_counter() - began) * 1000, status))


def summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {"n": len(ordered), "median_ms": round(statistics.median(ordered), 1),
            "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": round(ordered[-1], 1)}  # fmt: skip


async def run_load(base: str, args: argparse.Namespace, sizes: tuple[int, int]) -> dict:
    if args.client == "raw":
        host, port = base.removeprefix("http://").split(":")
        connections = [RawConnection(host, int(port)) for _ in range(args.clients)]
        try:
            results, elapsed = await _timed_run(connections, args, sizes)
        finally:
            for connection in connections:
                await connection.close()
    else:
        limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
            results, elapsed = await _timed_run([http] * args.clients, args, sizes)
    kinds = sorted({k for k, _, _ in results})
    return _report(results, elapsed, kinds)


async def _timed_run(
    clients: list, args: argparse.Namespace, sizes: tuple[int, int]
) -> tuple[list[tuple[str, float, int]], float]:
    """A warm-up sent one by one, then every client's requests side by side."""
    warm: list[tuple[str, float, int]] = []
    await client(clients[0], random.Random(-1), WARM_UP, time.monotonic() + 60, sizes, warm)
    results: list[tuple[str, float, int]] = []
    deadline = time.monotonic() + args.max_seconds
    began = time.perf_counter()
    await asyncio.gather(*(
        client(http, random.Random(args.seed * 1000 + i), args.requests, deadline, sizes, results)
        for i, http in enumerate(clients)
    ))  # fmt: skip
    return results, time.perf_counter() - began


def _report(results: list[tuple[str, float, int]], elapsed: float, kinds: list[str]) -> dict:
    return {
        "overall": summary([ms for _, ms, _ in results]),
        "by_kind": {k: summary([ms for kk, ms, _ in results if kk == k]) for k in kinds},
        "errors": sum(1 for _, _, status in results if status != 200),
        "requests_per_s": round(len(results) / elapsed, 1),
        "seconds": round(elapsed, 1),
    }


def store_sizes(store: Path) -> tuple[int, int]:
    import duckdb

    with duckdb.connect(str(store), read_only=True) as con:
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return int(events), int(docs)


def start_server(store: Path, port: int, extra: list[str]) -> tuple[subprocess.Popen, float]:
    """The server process and its start-up time (launch to first answered request)."""
    command = [
        sys.executable,
        "-m",
        "eventscribe.cli",
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
        *extra,
    ]
    began = time.monotonic()
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = began + 60
    while time.monotonic() < deadline:
        try:
            if (
                httpx.get(f"http://127.0.0.1:{port}/api/quotes?limit=1", timeout=2).status_code
                == 200
            ):
                return server, time.monotonic() - began
        except httpx.HTTPError:
            time.sleep(0.05)
    server.terminate()
    raise RuntimeError("the server did not answer within 60 s")


def peak_memory_mb(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of the server and its child processes, in MB (Linux)."""
    total, found = 0.0, False
    for proc in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{proc}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) / 1024
                found = True
    return round(total, 1) if found else None


def memory_kinds_mb(pid: int) -> dict[str, float] | None:
    """The server's resident memory after the run, in MB, split into its own (anonymous)
    memory and the pages of mapped files (the index; the OS shares and can drop them)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    kb = {line.split(":")[0]: int(line.split()[1]) for line in text.splitlines()[1:]}
    anonymous = kb.get("Anonymous", 0)
    return {"rss": round(kb.get("Rss", 0) / 1024, 1), "anonymous": round(anonymous / 1024, 1),
            "file": round((kb.get("Rss", 0) - anonymous) / 1024, 1)}  # fmt: skip


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the server process has used so far (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(x) for x in text.split()]
    return [k for kid in kids for k in (kid, *_children(kid))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="load client: raw keep-alive HTTP/1.1 over asyncio (cheap, default) or httpx",
    )
    parser.add_argument(
        "--serve-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="extra argument for `eventscribe serve` (repeat), e.g. --serve-arg=--cache-size=0",
    )
    args = parser.parse_args()
    sizes = store_sizes(args.store)
    port = free_port()
    server, startup = start_server(args.store, port, args.serve_arg)
    try:
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        result = asyncio.run(run_load(f"http://127.0.0.1:{port}", args, sizes))
        server_cpu = (cpu_seconds(server.pid) or 0.0) - (server_cpu or 0.0)
        client_cpu = time.process_time() - client_cpu
        n = result["overall"]["n"] + WARM_UP
        result["server"] = {"startup_seconds": round(startup, 2), "peak_memory_mb": peak_memory_mb(server.pid),
                            "memory_after_mb": memory_kinds_mb(server.pid),
                            "serve_args": args.serve_arg}  # fmt: skip
        # CPU cost per request (warm-up included), which the machine's other load does not change
        result["cpu_ms_per_request"] = {"server": round(server_cpu * 1000 / n, 2),
                                        "client": round(client_cpu * 1000 / n, 2)}  # fmt: skip
        result["load_average_1min"] = round(os.getloadavg()[0], 2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    result["setup"] = {"events": sizes[0], "documents": sizes[1], "clients": args.clients,
                       "requests_per_client": args.requests, "seed": args.seed, "client": args.client,
                       "cpus": os.cpu_count(), "platform": platform.platform()}  # fmt: skip
    text = json.dumps(result, indent=2)
    print(text)
    out = args.out or ROOT / "bench" / "results" / f"api-{date.today().isoformat()}.json"
    out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
