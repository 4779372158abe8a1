"""A large scan judges in worker processes: it must store exactly what an in-process scan does.

POOL_MIN, the batch size and the UID listing's window are lowered so a few dozen messages take
the workers' path across several batches and SEARCH windows; a second mailbox with the same
messages is scanned in-process to compare.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nextlead import pipeline
from nextlead.mail import imap

from tests.conftest import write_config
from tests.integration.test_scan import all_fixtures, drafts, run_scan

NEXTLEAD = str(Path(sys.executable).with_name("nextlead"))
# Columns that differ between two mailboxes' scans of the same mail by nature.
VOLATILE = {"id", "scanned_at", "uidvalidity"}


def mailbox_copy(copy: int) -> list[bytes]:
    """The fixture mailbox with Message-IDs of its own."""
    return [
        raw.replace(b"Message-ID: <", f"Message-ID: <copy{copy}.".encode())
        for raw in all_fixtures()
    ]


def mailbox() -> list[bytes]:
    """The fixture mailbox four times over."""
    return [raw for copy in range(4) for raw in mailbox_copy(copy)]


def stored(home) -> list[dict]:
    db = sqlite3.connect(home / "nextlead.db")
    db.row_factory = sqlite3.Row
    rows = db.execute("SELECT * FROM messages ORDER BY uid").fetchall()
    asks = db.execute(
        "SELECT m.message_key, a.to_addr, a.subject, a.body, a.in_reply_to, a.refs, a.questions,"
        " a.draft_message_id FROM asks a JOIN messages m ON m.id = a.message_row"
        " ORDER BY m.uid"
    ).fetchall()
    db.close()
    return [{k: v for k, v in dict(row).items() if k not in VOLATILE} for row in rows] + [
        dict(ask) for ask in asks
    ]


@pytest.fixture
def two_mailboxes(dovecot, tmp_path, monkeypatch):
    """Two users with the same 24 messages, each with its own NEXTLEAD_HOME."""
    homes = []
    for name in ("in_process", "workers"):
        user = dovecot.add_user()
        dovecot.seed(user, mailbox())
        home = tmp_path / name
        home.mkdir()
        write_config(home, dovecot, user)
        homes.append((home, user))
    return homes


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_store_the_same_verdicts_asks_and_drafts(
    dovecot, two_mailboxes, monkeypatch, workers
):
    (serial_home, serial_user), (pool_home, pool_user) = two_mailboxes
    monkeypatch.setattr(imap, "BATCH", 5)
    monkeypatch.setattr(imap, "SEARCH_UIDS", 7)  # new mail listed in windows of 7 UIDs

    monkeypatch.setenv("NEXTLEAD_HOME", str(serial_home))
    monkeypatch.setattr(pipeline, "POOL_MIN", 10**9)
    code, in_process, _ = run_scan()
    assert code == 0

    monkeypatch.setenv("NEXTLEAD_HOME", str(pool_home))
    monkeypatch.setattr(pipeline, "POOL_MIN", 1)
    monkeypatch.setattr(pipeline, "WORKERS", workers)
    code, with_workers, _ = run_scan()
    assert code == 0

    assert with_workers == in_process
    assert in_process["scanned"] == 24 and in_process["drafts_created"] == 12
    assert stored(pool_home) == stored(serial_home)
    assert len(drafts(dovecot, pool_user)) == len(drafts(dovecot, serial_user)) == 12

    # The workers' scan resumes like any other: nothing new, nothing judged or drafted again.
    code, again, _ = run_scan()
    assert code == 0 and again["scanned"] == 0 and again["drafts_created"] == 0
    new = [raw.replace(b"Message-ID: <", b"Message-ID: <later.") for raw in all_fixtures()]
    dovecot.seed(pool_user, new)
    code, later, _ = run_scan()
    assert code == 0 and later["scanned"] == 6 and later["drafts_created"] == 3


def children(pid: int) -> list[int]:
    """The live child processes of `pid` (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as handle:
            return not any(line.startswith("State:\tZ") for line in handle)
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads /proc (Linux)")
@pytest.mark.skipif(pipeline.WORKERS < 1, reason="a single core judges in-process")
def test_a_killed_scan_leaves_no_judging_worker_behind(home, dovecot, imap_user):
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, [raw for copy in range(100) for raw in mailbox_copy(copy)])
    env = {**os.environ, "NEXTLEAD_HOME": str(home), "NEXTLEAD_TEST_PASSWORD": "secret"}
    scan = subprocess.Popen([NEXTLEAD, "scan", "--json"], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while not workers and time.monotonic() < deadline and scan.poll() is None:
            workers = [p for p in children(scan.pid) if "spawn_main" in cmdline(p)]
            time.sleep(0.05)
        assert workers, "the scan started no judging worker"
    finally:
        scan.kill()  # SIGKILL: no cleanup runs in the scan's process
        scan.wait()
    deadline = time.monotonic() + 15
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in workers)


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().decode(errors="replace")
    except OSError:
        return ""
