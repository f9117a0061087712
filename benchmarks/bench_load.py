"""The running app under load, through its HTTP API on loopback, with the engine's own time in the same run.

    .venv/bin/python benchmarks/bench_load.py [--clients 1 4 16 32] [--questions 200] [--seconds 30]

Starts `app.py --port 0` on a copy of nothing (the real corpus and index folders are used read-only), waits for
/healthz, then for each client count sends questions from ../shared/eval/dev.jsonl (or a built-in list) to
POST /api/ask from that many threads, each level bounded in count and time. Prints throughput, p50/p95 and errors
per level; the engine's own per-question time (in this process, same questions) is measured after, in the same run,
so the ratio holds whatever the machine's load. Each level also reports the server's CPU time per question (all its
threads) and how many cores other processes used meanwhile: on a shared machine q/s only means something when that
is near 0, while CPU per question holds either way. It also reports the server's RSS over 1,000 API sessions (follow-up
contexts are kept per session id and bounded) and over 1,000 browser sessions (Gradio keeps at most 1,000).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as app.py sets it, so the engine is timed as the app runs it

FALLBACK = ["达州从严治党那项谁牵头？", "遂宁人事科牵头了哪几项？", "温州今年要新建多少所智安校园？",
            "承德高中阶段毛入学率目标是多少？", "长春职业院校和非洲合作什么？", "课后服务怎么搞"]


def questions() -> list[str]:
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.exists():
        return [json.loads(line)["question"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def post(url: str, payload: dict, timeout: float = 30) -> dict:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def start_app() -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "app.py", "--port", "0"], cwd=ROOT, stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 300
    for line in process.stderr:
        if m := re.search(r"已启动：(http://\S+?)/", line):
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()  # keep draining
            url = m.group(1)
            while time.time() < deadline:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2).read()
                    return process, url
                except OSError:
                    time.sleep(0.2)
        if time.time() > deadline:
            break
    process.kill()
    raise SystemExit("app did not start")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid`, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds all cores spent on anything but idling, since boot (steal included: another guest's work)."""
    user, nice, system, idle, iowait, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def level(url: str, clients: int, asked: list[str], count: int, seconds: float, pid: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    sent = iter(range(count))
    stop = time.time() + seconds

    def worker(n: int) -> None:
        nonlocal errors
        while time.time() < stop:
            with lock:
                i = next(sent, None)
            if i is None:
                return
            start = time.perf_counter()
            try:
                post(url + "/api/ask", {"question": asked[i % len(asked)]})
                ok = True
            except Exception:
                ok = False
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors += 1

    began = time.perf_counter()
    server, own, busy = cpu_seconds(pid), cpu_seconds(os.getpid()), machine_busy()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    elapsed = time.perf_counter() - began
    server, own, busy = cpu_seconds(pid) - server, cpu_seconds(os.getpid()) - own, machine_busy() - busy
    return {"clients": clients, "done": len(latencies), "errors": errors, "qps": len(latencies) / elapsed,
            "p50_ms": 1000 * percentile(latencies, 50), "p95_ms": 1000 * percentile(latencies, 95),
            "cpu_ms": 1000 * server / max(1, len(latencies)), "others": max(0.0, busy - server - own) / elapsed}


def page_sessions(url: str, asked: list[str], count: int, pid: int) -> list[tuple[int, float]]:
    """RSS after every quarter of `count` browser sessions, each a new Gradio session asking one question."""
    import uuid

    from gradio_client import Client

    client = Client(url + "/", verbose=False)
    marks = [(0, rss_mib(pid))]
    for i in range(count):
        client.session_hash = uuid.uuid4().hex
        client.predict(asked[i % len(asked)], [], "全部", "全部", "全部", api_name="/chat")
        if (i + 1) % max(1, count // 4) == 0:
            marks.append((i + 1, rss_mib(pid)))
    return marks


def engine_time(asked: list[str], rounds: int = 3) -> float:
    from assistant.service import open_engine

    engine = open_engine(progress=False).engine
    for q in asked[:5]:
        engine.ask(q)
    times = []
    for _ in range(rounds):
        for q in asked:
            start = time.perf_counter()
            engine.ask(q)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16, 32])
    p.add_argument("--questions", type=int, default=200, help="questions per level")
    p.add_argument("--seconds", type=float, default=30, help="time bound per level")
    p.add_argument("--sessions", type=int, default=1000, help="API sessions (one follow-up context each)")
    p.add_argument("--page-sessions", type=int, default=1000, help="browser sessions (one chat each, via Gradio)")
    args = p.parse_args()
    asked = questions()
    process, url = start_app()
    try:
        for q in asked[:5]:  # warm up
            post(url + "/api/ask", {"question": q})
        rows = [level(url, n, asked, args.questions, args.seconds, process.pid) for n in args.clients]
        before = rss_mib(process.pid)
        for i in range(args.sessions):
            post(url + "/api/ask", {"question": asked[i % len(asked)], "session": f"bench-{i}"})
        after = rss_mib(process.pid)
        page = page_sessions(url, asked, args.page_sessions, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    engine = engine_time(asked)
    print(f"engine, in process: median {1000 * engine:.1f} ms per question")
    print(f"{'clients':>7} {'done':>5} {'errors':>6} {'q/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'1-client p50 / engine':>22} "
          f"{'server CPU ms/q':>16} {'other load, cores':>18}")
    for row in rows:
        ratio = f"{row['p50_ms'] / (1000 * engine):.2f}×" if row["clients"] == 1 else ""
        print(f"{row['clients']:>7} {row['done']:>5} {row['errors']:>6} {row['qps']:>7.1f} {row['p50_ms']:>8.1f} "
              f"{row['p95_ms']:>8.1f} {ratio:>22} {row['cpu_ms']:>16.1f} {row['others']:>18.2f}")
    print(f"server RSS over {args.sessions} API sessions: {before:.0f} MiB -> {after:.0f} MiB")
    print("server RSS over page sessions (one chat each): " + ", ".join(f"{n}: {m:.0f} MiB" for n, m in page))
    return 0


if __name__ == "__main__":
    sys.exit(main())
