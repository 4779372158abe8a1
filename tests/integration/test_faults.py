"""Faults a real user meets: a scan killed half way, TLS expected where there is none, the
API writing while a scan writes. Nothing is lost, nothing is done twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from click.testing import CliRunner
from nextlead.cli import cli
from nextlead.config import load_config
from nextlead.web import create_app

from tests.conftest import MAILBOX, write_config

NEXTLEAD = str(Path(sys.executable).with_name("nextlead"))


def numbered(count: int) -> list[bytes]:
    fixtures = [p.read_bytes() for p in sorted(MAILBOX.glob("*.eml"))]
    return [
        fixtures[i % len(fixtures)].replace(b"Message-ID: <", f"Message-ID: <{i}.".encode())
        for i in range(count)
    ]


def drafts_in_reply_to(dovecot, user: str) -> list[bytes]:
    client = dovecot.client(user)
    client.select_folder("Drafts", readonly=True)
    fetched = client.fetch(client.search(["ALL"]), ["BODY.PEEK[HEADER.FIELDS (IN-REPLY-TO)]"])
    client.logout()
    return [
        next(iter(v for k, v in d.items() if k.startswith(b"BODY"))).strip()
        for d in fetched.values()
    ]


def test_a_scan_killed_half_way_resumes_without_duplicates(home, dovecot, imap_user):
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, numbered(1200))
    env = {**os.environ, "NEXTLEAD_HOME": str(home), "NEXTLEAD_TEST_PASSWORD": "secret"}
    scan = subprocess.Popen(
        [NEXTLEAD, "scan", "--json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    db = home / "nextlead.db"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it once some batches are committed
        if db.exists():
            with sqlite3.connect(db) as conn:
                if (
                    conn.execute(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'messages'"
                    ).fetchone()[0]
                    and conn.execute("SELECT count(*) FROM messages").fetchone()[0] >= 200
                ):
                    break
        time.sleep(0.02)
    scan.send_signal(signal.SIGKILL)
    scan.wait()

    done = subprocess.run(
        [NEXTLEAD, "scan", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 1200
        asks = conn.execute("SELECT count(*) FROM asks WHERE to_addr IS NOT NULL").fetchone()[0]
    replies = drafts_in_reply_to(dovecot, imap_user)
    assert asks == 600  # three rejections with a human in every six messages
    assert len(replies) == asks and len(set(replies)) == asks  # one draft each, none twice


def test_tls_configured_against_a_plain_server_is_one_clear_line(home, dovecot, imap_user):
    path = write_config(home, dovecot, imap_user, security="ssl")
    path.write_text(
        path.read_text().replace(f"imap_port = {dovecot.tls_port}", f"imap_port = {dovecot.port}")
    )
    result = CliRunner().invoke(cli, ["scan"], env={"NEXTLEAD_TEST_PASSWORD": "secret"})
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("Error: TLS with 127.0.0.1") or "did not answer" in result.stderr
    )
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_api_writes_during_a_scan_never_hit_a_locked_database(
    home, dovecot, imap_user, monkeypatch
):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, numbered(600))
    token = "concurrency-token-0123456789abcdefghijklmnop"
    client = create_app(load_config(), token=token, port=5151).test_client()
    headers = {"Authorization": f"Bearer {token}"}
    errors: list[str] = []
    stop = threading.Event()

    def api_writes() -> None:
        n = 0
        while not stop.is_set() and n < 2000:
            n += 1
            answer = client.post(
                f"/api/v1/messages/{1 + n % 50}/feedback",
                base_url="http://127.0.0.1:5151",
                headers=headers,
                json={"is_rejection": n % 2 == 0},
            )
            if answer.status_code not in (200, 404):
                errors.append(f"{answer.status_code} {answer.get_data(as_text=True)}")

    writer = threading.Thread(target=api_writes)
    writer.start()
    try:
        result = CliRunner().invoke(cli, ["scan", "--json"])
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scanned"] == 600
    assert errors == []
