"""Suggestion lookups (what the extension asks for each opened message) against a store of
100,000 messages: p50 and p99 per kind of id, through the real Flask app in-process."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from nextlead.config import Config
from nextlead.store import Store, now
from nextlead.web import create_app

TOKEN = "bench-token-0123456789abcdefghijklmnopqrstuvwxyz"
TARGET_P99_MS = 20.0


def seed(path: Path, size: int) -> None:
    store = Store.open(path)
    rows = []
    for i in range(size):
        rows.append(
            (
                "bench",
                f"<m{i}@bench.example>",
                f"<m{i}@bench.example>",
                format(0x18C0000000000000 + i, "x"),
                f"sender{i % 5000}@company{i % 700}.example",
                f"Your application #{i}",
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+00:00",
                "rejection" if i % 30 == 0 else "other",
                now(),
            )
        )
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO messages (account, message_key, message_id, gm_msgid, from_addr, subject,"
            " date, status, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.close()


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def run(size: int = 100_000, lookups: int = 2000) -> bool:
    home = Path(tempfile.mkdtemp(prefix="nextlead-bench-lookups-"))
    db = home / "nextlead.db"
    started = time.perf_counter()
    seed(db, size)
    print(f"suggestion lookups: seeded {size:,} messages in {time.perf_counter() - started:.1f} s")
    client = create_app(
        Config(home=home, path=home / "config.toml"), token=TOKEN, db_path=db
    ).test_client()
    headers = {"Authorization": f"Bearer {TOKEN}"}
    rng = random.Random(1)
    kinds = {
        "gmail_id": lambda i: f"gmail_id={format(0x18C0000000000000 + i, 'x')}",
        "message_id": lambda i: f"message_id=%3Cm{i}%40bench.example%3E",
        "sender+subject+date": lambda i: (
            f"from=sender{i % 5000}%40company{i % 700}.example&subject=Your+application+%23{i}"
            f"&date=2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z"
        ),
    }
    ok = True
    print(f"  {'lookup by':22} {'p50 ms':>8} {'p99 ms':>8}  target p99 <= {TARGET_P99_MS:g} ms")
    for name, query in kinds.items():
        samples = []
        for _ in range(lookups):
            i = rng.randrange(size)
            start = time.perf_counter()
            answer = client.get(
                f"/api/v1/suggestion?{query(i)}", base_url="http://127.0.0.1:5151", headers=headers
            )
            samples.append((time.perf_counter() - start) * 1000)
            assert answer.status_code == 200 and answer.json["found"], (name, answer.json)
        p99 = percentile(samples, 0.99)
        ok &= p99 <= TARGET_P99_MS
        print(
            f"  {name:22} {percentile(samples, 0.5):8.2f} {p99:8.2f}  "
            f"{'ok' if p99 <= TARGET_P99_MS else 'MISSED'}"
        )
    return ok


if __name__ == "__main__":
    run()
