"""The server scans on request and on its schedule, one scan per account at a time."""

from __future__ import annotations

import time

from nextlead.config import load_config
from nextlead.web import create_app

from tests.conftest import MAILBOX, write_config

TOKEN = "server-scan-token-0123456789abcdefghijklmnop"
BASE = "http://127.0.0.1:5151"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def many_messages(count: int) -> list[bytes]:
    fixtures = [p.read_bytes() for p in sorted(MAILBOX.glob("*.eml"))]
    return [
        fixtures[i % len(fixtures)].replace(b"Message-ID: <", f"Message-ID: <{i}.".encode())
        for i in range(count)
    ]


def wait_until_finished(client) -> list[dict]:
    for _ in range(600):
        scans = client.get("/api/v1/scan", base_url=BASE, headers=AUTH).json["scans"]
        if all(s["state"] != "running" for s in scans):
            return scans
        time.sleep(0.05)
    raise AssertionError("the scan did not finish")


def test_a_second_scan_request_while_one_runs_is_refused(home, dovecot, imap_user, monkeypatch):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, many_messages(600))
    client = create_app(load_config(), token=TOKEN, port=5151).test_client()

    first = client.post("/api/v1/scan", base_url=BASE, headers=AUTH)
    second = client.post("/api/v1/scan", base_url=BASE, headers=AUTH)
    assert first.status_code == 202 and first.json["scans"][0]["state"] == "running"
    assert second.status_code == 409 and second.json["error"]["code"] == "scan_running"

    scans = wait_until_finished(client)
    assert scans[0]["state"] == "done" and scans[0]["done"] == scans[0]["total"] == 600
    assert scans[0]["summary"]["scanned"] == 600
    assert scans[0]["summary"]["drafts_created"] == 300  # 3 of every 6 fixtures: one each

    again = client.post("/api/v1/scan", base_url=BASE, headers=AUTH)
    assert again.status_code == 202
    assert wait_until_finished(client)[0]["summary"]["scanned"] == 0


def test_a_failed_scan_reports_why_in_one_line(home, dovecot, imap_user, monkeypatch):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "wrong")
    write_config(home, dovecot, imap_user)
    client = create_app(load_config(), token=TOKEN, port=5151).test_client()
    assert client.post("/api/v1/scan", base_url=BASE, headers=AUTH).status_code == 202
    scans = wait_until_finished(client)
    assert scans[0]["state"] == "failed" and "refused the login" in scans[0]["error"]
    assert "wrong" not in scans[0]["error"]


def test_the_schedule_scans_every_account_when_the_server_starts(
    home, dovecot, imap_user, monkeypatch
):
    from nextlead.scans import Scans

    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, many_messages(6))
    config = load_config()
    scans = Scans(config, config.db_path)
    scans.schedule(interval_minutes=60)
    try:
        for _ in range(200):
            if scans.snapshot()[0]["state"] == "done":
                break
            time.sleep(0.05)
        assert scans.snapshot()[0]["summary"]["drafts_created"] == 3
    finally:
        scans.stop()
