"""Real parts for the dashboard's browser tests: `nextlead serve` as a subprocess, logged in by
the URL it prints (as a user copies it from the terminal), and a plain headless Chromium.

Kept apart from conftest.py, which drives the browser extension; nothing here is mocked.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import need
from tests.support.dovecot import free_port
from tests.support.processes import stop, wait_for_url

NEXTLEAD = str(Path(sys.executable).with_name("nextlead"))
PASSWORD = "secret"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOGIN_URL = re.compile(r"(http://127\.0\.0\.1:\d+/login\?token=[\w-]+)")


@dataclass
class Dashboard:
    """`nextlead serve` on a free port; `login_url` is read from what it prints."""

    home: Path
    demo: bool = False
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    login_url: str = ""
    output: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20) -> Dashboard:
        env = {**os.environ, "NEXTLEAD_HOME": str(self.home), "NEXTLEAD_TEST_PASSWORD": PASSWORD}
        command = [NEXTLEAD, "serve", "--port", str(self.port), *(["--demo"] if self.demo else [])]
        self.process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        lines: queue.Queue[str] = queue.Queue()

        def drain() -> None:  # keeps reading, so a chatty server never blocks on a full pipe
            for line in self.process.stdout:
                self.output.append(line)
                lines.put(line)

        threading.Thread(target=drain, daemon=True).start()
        deadline = time.monotonic() + timeout
        while not self.login_url:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("nextlead serve printed no login URL:\n" + "".join(self.output))
            with contextlib.suppress(queue.Empty):
                if match := LOGIN_URL.search(lines.get(timeout=0.1)):
                    self.login_url = match[1]
        # printed just before it listens
        if wait_for_url(f"{self.url}/api/v1/health", self.process, deadline):
            return self
        self.stop()
        raise RuntimeError("nextlead serve did not answer on its port")

    def stop(self) -> None:
        stop(self.process)


def scan(home: Path) -> dict:
    """The real `nextlead scan --json`, as a user runs it; returns its summary."""
    import json

    env = {**os.environ, "NEXTLEAD_HOME": str(home), "NEXTLEAD_TEST_PASSWORD": PASSWORD}
    done = subprocess.run(
        [NEXTLEAD, "scan", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@contextlib.contextmanager
def chromium() -> Iterator:
    """A headless Chromium from the system (never a downloaded one)."""
    binary = need("chromium", "the dashboard's browser tests drive a real Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=binary, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
