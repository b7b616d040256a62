"""Encoder throughput by thread setting, alone and with a second encoder competing for the cores.

    .venv/bin/python benchmarks/threads.py

Each configuration runs in fresh processes (OMP_WAIT_POLICY only takes effect before torch loads).
Prints texts/s per process; compare rows measured in the same run only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

TEXT = (
    "Russia attempted to fully block WhatsApp in an effort to drive people to a state-owned "
    "surveillance app, the company said on Thursday."
)


def worker(n: int = 256) -> None:
    from factcheck.embed import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    encoder.encode([TEXT] * 64)  # warm-up
    start = time.perf_counter()
    encoder.encode([TEXT] * n)
    print(f"{n / (time.perf_counter() - start):.1f}")


def run(threads: int, policy: str, processes: int) -> list[str]:
    env = {**os.environ, "FACTCHECK_THREADS": str(threads), "OMP_WAIT_POLICY": policy}
    cmd = [sys.executable, __file__, "--worker"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True) for _ in range(processes)]
    return [p.communicate()[0].strip() for p in procs]


def main() -> None:
    print(f"cores: {os.cpu_count()}")
    print("threads  wait-policy  processes  texts/s per process")
    for threads, policy in ((1, "PASSIVE"), (os.cpu_count() or 1, "PASSIVE"), (os.cpu_count() or 1, "ACTIVE")):
        for processes in (1, 2):
            print(f"{threads:7d}  {policy:11s}  {processes:9d}  {' + '.join(run(threads, policy, processes))}")


if __name__ == "__main__":
    worker() if "--worker" in sys.argv else main()
