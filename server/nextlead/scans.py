"""Scans run by the server: every N minutes for each account, and on demand, one at a time
per account, with progress the extension and the dashboard can show."""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import Config
from .errors import NextLeadError
from .mail.mbox import demo_mailbox
from .pipeline import scan_account, scan_local
from .store import Store, now

log = logging.getLogger(__name__)
DEMO_ACCOUNT = "demo"


@dataclass
class ScanStatus:
    account: str
    state: str = "idle"  # idle | running | done | failed
    done: int = 0
    total: int = 0
    started_at: str | None = None
    finished_at: str | None = None
    summary: dict | None = None
    error: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class AlreadyRunning(NextLeadError):
    """A scan of this account is under way; a second one would only duplicate its work."""


class NoAccount(NextLeadError):
    """The server has no account to scan (and is not serving the demo)."""


class Scans:
    """Owns the scan threads; `start` refuses a second concurrent scan of one account."""

    def __init__(self, config: Config, db_path: Path, *, demo: bool = False):
        self.config, self.db_path, self.demo = config, db_path, demo
        self.accounts = [DEMO_ACCOUNT] if demo else [a.name for a in config.accounts]
        self.status = {name: ScanStatus(name) for name in self.accounts}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._scheduler: threading.Thread | None = None

    def snapshot(self) -> list[dict]:
        with self._lock:
            return [status.as_dict() for status in self.status.values()]

    def start(self, account: str | None = None) -> list[dict]:
        """Scan one account (default: all) in the background; raises AlreadyRunning."""
        names = [account] if account else self.accounts
        if not names:
            raise NoAccount("no account to scan: add one with `nextlead account add`")
        unknown = [n for n in names if n not in self.status]
        if unknown:
            raise NextLeadError(f"no account named {unknown[0]!r}")
        with self._lock:
            busy = [n for n in names if self.status[n].state == "running"]
            if busy:
                raise AlreadyRunning(f"a scan of {busy[0]!r} is already running")
            for name in names:
                self.status[name] = ScanStatus(name, state="running", started_at=now())
        for name in names:
            threading.Thread(
                target=self._run, args=(name,), name=f"scan-{name}", daemon=True
            ).start()
        return self.snapshot()

    def _run(self, name: str) -> None:
        def progress(done: int, total: int) -> None:
            with self._lock:
                self.status[name].done, self.status[name].total = done, total

        store = None
        try:
            store = Store.open(self.db_path)
            if self.demo:
                summary = scan_local(
                    self.config, store, demo_mailbox(), account=name, progress=progress
                )
            else:
                summary = scan_account(
                    self.config, store, self.config.account(name), progress=progress
                )
            outcome = {"state": "done", "summary": summary.as_dict(), "error": None}
        except NextLeadError as exc:
            outcome = {"state": "failed", "summary": None, "error": str(exc)}
        except Exception:  # a bug must not kill the scheduler; the log has the details
            log.exception("scan of %s failed", name)
            outcome = {
                "state": "failed",
                "summary": None,
                "error": "the scan hit an unexpected error; see the server's log",
            }
        finally:
            if store is not None:
                store.close()
        with self._lock:
            status = self.status[name]
            status.state, status.summary, status.error = (
                outcome["state"],
                outcome["summary"],
                outcome["error"],
            )
            status.finished_at = now()

    def schedule(self, interval_minutes: int) -> None:
        """Scan every account now and then every `interval_minutes`, until `stop`."""

        def loop() -> None:
            while not self._stop.is_set():
                for name in self.accounts:
                    with contextlib.suppress(AlreadyRunning):
                        self.start(name)
                self._stop.wait(interval_minutes * 60)

        self._scheduler = threading.Thread(target=loop, name="scan-scheduler", daemon=True)
        self._scheduler.start()

    def stop(self) -> None:
        self._stop.set()
