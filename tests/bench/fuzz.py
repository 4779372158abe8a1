"""`make fuzz`: 10,000 hostile messages (byte mutations of every fixture) through parse ->
detect -> extract -> compose -> build_message, with the time and memory each one took.
`make test` runs a fast subset of the same checks (tests/unit/test_hostile_input.py)."""

from __future__ import annotations

import random
import resource
import sys
import time

from tests.unit.test_hostile_input import CORPUS, mutate, through_the_pipeline


def run(cases: int = 10_000, seed: int = 1) -> bool:
    rng = random.Random(seed)
    fixtures = [path.read_bytes() for path in CORPUS]
    slowest, failures = 0.0, []
    started = time.perf_counter()
    for case in range(cases):
        raw = mutate(rng.choice(fixtures), rng)
        start = time.perf_counter()
        try:
            through_the_pipeline(raw)
        except Exception as exc:  # reported below with the seed to replay it
            failures.append(f"case {case}: {type(exc).__name__}: {exc}")
        slowest = max(slowest, time.perf_counter() - start)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"fuzz: {cases:,} mutated messages in {elapsed:.1f} s, slowest {slowest * 1000:.0f} ms,"
        f" peak RSS {peak_mb:.0f} MB, {len(failures)} failures (seed {seed})"
    )
    for failure in failures[:20]:
        print("  " + failure)
    return not failures


if __name__ == "__main__":
    sys.exit(0 if run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000) else 1)
