"""Child processes the tests start (Dovecot, `nextlead serve`): wait for them, stop them."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request


def wait_for_url(url: str, process: subprocess.Popen, deadline: float) -> bool:
    """True once `url` answers; False if `process` exits or `deadline` (monotonic) passes."""
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


def stop(process: subprocess.Popen | None) -> None:
    """Terminate, and kill if it has not gone within 10 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
