"""`kill -9` of a running `nextlead serve` while it sends an ask, then a restart on the same
NEXTLEAD_HOME: the ask is "unknown, check your Sent folder", and neither a replayed request nor
a new click sends it again. Real `nextlead serve` processes, real aiosmtpd, real Dovecot."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.integration.test_send import PRIYA, ask_id_for, draft_replies, setup_account
from tests.support.dovecot import free_port
from tests.support.processes import stop, wait_for_url

NEXTLEAD = str(Path(sys.executable).with_name("nextlead"))


class Serve:
    """`nextlead serve` on a free port, talked to over HTTP with the API token."""

    def __init__(self, home: Path):
        self.home, self.port = home, free_port()
        env = {**os.environ, "NEXTLEAD_HOME": str(home), "NEXTLEAD_TEST_PASSWORD": "secret"}
        self.process = subprocess.Popen(
            [NEXTLEAD, "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{self.port}/api/v1/health"
        if not wait_for_url(url, self.process, time.monotonic() + 30):
            stop(self.process)
            raise RuntimeError("nextlead serve did not start")

    def call(self, path: str, payload: dict | None = None) -> tuple[int, dict]:
        """(status, JSON answer) of a GET, or of a POST when there is a payload."""
        token = (self.home / "token").read_text().strip()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=None if payload is None else json.dumps(payload).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as answer:
            return answer.code, json.loads(answer.read())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        stop(self.process)


def ask_state_in_store(home: Path, ask_id: int) -> str:
    with sqlite3.connect(home / "nextlead.db") as db:
        return db.execute("SELECT state FROM asks WHERE id = ?", (ask_id,)).fetchone()[0]


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain")
        time.sleep(0.02)


def test_kill_9_between_sending_and_sent_never_sends_twice(
    home, dovecot, imap_user, smtp_server, monkeypatch
):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    setup_account(home, dovecot, imap_user, smtp_server)
    ask_id = ask_id_for(home, PRIYA)
    smtp_server.handler.stall_after_data = 60  # it has the message; its "250" waits
    send_path = f"/api/v1/asks/{ask_id}/send"

    server = Serve(home)

    def first_click() -> None:  # the server dies under it: its error is the point
        with contextlib.suppress(OSError, http.client.HTTPException, ValueError):
            server.call(send_path, {"idempotency_key": "click-1"})

    try:
        click = threading.Thread(target=first_click)
        click.start()
        wait_for(lambda: smtp_server.handler.received)  # the whole message reached aiosmtpd
        assert ask_state_in_store(home, ask_id) == "sending"
        server.kill()
        click.join(timeout=30)
    finally:
        server.stop()

    restarted = Serve(home)
    try:
        query = urllib.parse.urlencode({"message_id": PRIYA})
        status, found = restarted.call(f"/api/v1/suggestion?{query}")
        assert status == 200 and found["ask"]["id"] == ask_id
        assert found["ask"]["state"] == "unknown"
        assert found["ask"]["error"] == "unknown, check your Sent folder"
        for key in ("click-1", "click-2"):  # the same request replayed, then a new click
            status, answer = restarted.call(send_path, {"idempotency_key": key})
            assert status == 200 and answer["state"] == "unknown"
    finally:
        restarted.stop()

    assert len(smtp_server.handler.received) == 1 and smtp_server.handler.data_attempts == 1
    assert PRIYA in draft_replies(dovecot, imap_user)  # the draft waits for the user's word
