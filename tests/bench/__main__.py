"""`make bench`: benchmarks, run apart from `make test` (no test depends on timing)."""

from __future__ import annotations

import time
from pathlib import Path

from nextlead.detect import detect
from nextlead.extract import extract
from nextlead.mail.parse import parse_email

FIXTURES = Path(__file__).parents[1] / "fixtures"


def judge_throughput(rounds: int = 20) -> None:
    """parse + detect + extract over every fixture email, on one core."""
    messages = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.eml"))]
    start = time.perf_counter()
    for _ in range(rounds):
        for raw in messages:
            email = parse_email(raw)
            detect(email)
            extract(email)
    elapsed = time.perf_counter() - start
    count = rounds * len(messages)
    print(
        f"parse+detect+extract: {count} emails in {elapsed:.2f} s = "
        f"{count / elapsed:,.0f} emails/s (target >= 1,000/s)"
    )


if __name__ == "__main__":
    judge_throughput()
