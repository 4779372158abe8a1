"""What the benchmark measures, each run in a child process of its own.

A child process has its own peak RSS (the parent reads it with os.wait4), so NextLead's scan
and the baseline are each measured alone, without the benchmark's own memory (the seeding
generator, the manifest). Each child prints one JSON line with its timings and the bytes it
read from the IMAP server, counted under imaplib's buffered socket file.

    python -m tests.bench.child scan --home DIR [--profile FILE]
    python -m tests.bench.child fetch --home DIR
    python -m tests.bench.child baseline --port N --user U --max-uid N --out FILE
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from typing import Any

STARTED = time.perf_counter()


class CountingReader:
    """imaplib's socket file, counting every byte the client reads from the server."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.inner.readline(size)
        self.count += len(data)
        return data

    def __getattr__(self, name: str) -> Any:  # close() and the rest go to the real file
        return getattr(self.inner, name)


def count_reads(imap4: Any) -> CountingReader:
    """Wrap an imaplib.IMAP4's socket file (NextLead's and the baseline's alike)."""
    reader = CountingReader(imap4.file)
    imap4.file = reader
    return reader


def peak_rss_kb(pid: int | str = "self") -> int:
    """A process's peak resident set size (VmHWM), in KiB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def child_kind(pid: int) -> str:
    """ "worker", or "resource tracker" for the helper process multiprocessing starts."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return "resource tracker" if b"resource_tracker" in handle.read() else "worker"
    except OSError:
        return "worker"


class WorkerWatch(threading.Thread):
    """Samples the peak RSS of this process's children (the scan's judging workers) every
    20 ms: VmHWM only grows, so the last sample of each is its peak but for its last 20 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, int] = {}
        self.kinds: dict[int, str] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        children = f"/proc/{os.getpid()}/task/{os.getpid()}/children"
        while not self.stop.wait(0.02):
            try:
                with open(children) as handle:
                    pids = [int(p) for p in handle.read().split()]
            except OSError:
                continue
            for pid in pids:
                self.peaks[pid] = max(self.peaks.get(pid, 0), peak_rss_kb(pid))
                if pid not in self.kinds:
                    self.kinds[pid] = child_kind(pid)


def scan(home: str, profile: str | None) -> dict:
    """`nextlead scan` as the CLI runs it: load config, open the store, scan the account."""
    os.environ["NEXTLEAD_HOME"] = home
    from nextlead import pipeline
    from nextlead.config import load_config
    from nextlead.mail import imap
    from nextlead.store import Store

    imported = time.perf_counter()
    readers: list[CountingReader] = []
    connect = imap.connect

    def counting_connect(*args: Any, **kwargs: Any):
        client = connect(*args, **kwargs)
        readers.append(count_reads(client._imap))
        return client

    imap.connect = counting_connect
    profiler = None
    if profile:
        from pyinstrument import Profiler

        # Judge in this process, so the profile shows every step (workers would hide the
        # judging behind a wait for their results).
        pipeline.WORKERS = 0

        profiler = Profiler(interval=0.002)
        profiler.start()
    watch = WorkerWatch()
    watch.start()
    start = time.perf_counter()
    config = load_config()
    store = Store.open(config.db_path)
    try:
        summary = pipeline.scan_account(config, store, config.account(None))
    finally:
        store.close()
    seconds = time.perf_counter() - start
    watch.stop.set()
    watch.join()
    if profiler:
        profiler.stop()
        with open(profile, "w") as out:
            out.write(profiler.output_text(unicode=True, color=False, show_all=False))
        with open(profile.rsplit(".", 1)[0] + ".html", "w") as out:
            out.write(profiler.output_html())
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return {
        "seconds": seconds,
        "import_seconds": imported - STARTED,
        "cpu_seconds": round(own.ru_utime + own.ru_stime, 2),
        "worker_cpu_seconds": round(workers.ru_utime + workers.ru_stime, 2),
        "summary": summary.as_dict(),
        "bytes_read": sum(r.count for r in readers),
        "peak_rss_kb": peak_rss_kb(),
        "worker_peak_rss_kb": sorted(watch.peaks.values(), reverse=True),
        "children": sorted(
            ([watch.kinds.get(pid, "worker"), kb] for pid, kb in watch.peaks.items()),
            key=lambda child: -child[1],
        ),
    }


def fetch_only(home: str) -> dict:
    """The scan's IMAP part alone: SEARCH and the partial FETCHes of every message, nothing
    judged or stored. What a first scan would cost if judging were free."""
    os.environ["NEXTLEAD_HOME"] = home
    from nextlead.config import get_password, load_config
    from nextlead.mail import imap

    imported = time.perf_counter()
    start = time.perf_counter()
    account = load_config().account(None)
    client = imap.connect(account, get_password(account))
    reader = count_reads(client._imap)
    client.select_folder("INBOX", readonly=True)
    count = 0
    for batch in imap.fetch_batches(client, imap.new_uids(client, 0)):
        count += len(batch)
    imap._close(client)
    return {
        "seconds": time.perf_counter() - start,
        "import_seconds": imported - STARTED,
        "messages": count,
        "bytes_read": reader.count,
        "peak_rss_kb": peak_rss_kb(),
    }


def baseline(port: int, user: str, max_uid: int, out: str) -> dict:
    """The naive scan: every full message (RFC822) with imaplib, then parse_email + detect."""
    import imaplib
    import re

    from nextlead.detect import detect
    from nextlead.mail.parse import parse_email

    own = frozenset({"jordan.rivera@example.net"})
    imported = time.perf_counter()
    start = time.perf_counter()
    conn = imaplib.IMAP4("127.0.0.1", port)
    reader = count_reads(conn)
    conn.login(user, "secret")
    conn.select("INBOX", readonly=True)  # EXAMINE: RFC822 does not mark messages read
    _, data = conn.uid("SEARCH", "ALL")
    uids = [int(u) for u in data[0].split() if int(u) <= max_uid]
    verdicts: dict[str, bool] = {}
    for uid in uids:
        _, data = conn.uid("FETCH", str(uid), "(RFC822)")
        raw = next(part[1] for part in data if isinstance(part, tuple))
        email = parse_email(raw)
        verdict = detect(email, own)
        key = email.message_id or re.sub(r"\s+", " ", f"uid:{uid}")
        verdicts[key] = verdict.is_rejection
    conn.logout()
    seconds = time.perf_counter() - start
    with open(out, "w") as handle:
        json.dump(verdicts, handle)
    return {
        "seconds": seconds,
        "import_seconds": imported - STARTED,
        "messages": len(uids),
        "rejections": sum(verdicts.values()),
        "bytes_read": reader.count,
        "peak_rss_kb": peak_rss_kb(),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.child")
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("scan")
    one.add_argument("--home", required=True)
    one.add_argument("--profile")
    sub.add_parser("fetch").add_argument("--home", required=True)
    two = sub.add_parser("baseline")
    two.add_argument("--port", type=int, required=True)
    two.add_argument("--user", required=True)
    two.add_argument("--max-uid", type=int, required=True)
    two.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.what == "scan":
        result = scan(args.home, args.profile)
    elif args.what == "fetch":
        result = fetch_only(args.home)
    else:
        result = baseline(args.port, args.user, args.max_uid, args.out)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
