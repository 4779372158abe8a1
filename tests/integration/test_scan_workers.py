"""A large scan judges in worker processes: it must store exactly what an in-process scan does.

POOL_MIN and the batch size are lowered so a few dozen messages take the workers' path across
several batches; a second mailbox with the same messages is scanned in-process to compare.
"""

from __future__ import annotations

import sqlite3

import pytest
from nextlead import pipeline
from nextlead.mail import imap

from tests.conftest import write_config
from tests.integration.test_scan import all_fixtures, drafts, run_scan

# Columns that differ between two mailboxes' scans of the same mail by nature.
VOLATILE = {"id", "scanned_at", "uidvalidity"}


def mailbox() -> list[bytes]:
    """The fixture mailbox four times over, each copy with its own Message-IDs."""
    return [
        raw.replace(b"Message-ID: <", f"Message-ID: <copy{copy}.".encode())
        for copy in range(4)
        for raw in all_fixtures()
    ]


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
