"""Seeding the benchmark mailbox into a real Dovecot, and caching the seeded Maildir.

Seeding 10,000 messages (about 4.5 GB, most of it attachments) takes a minute or two, so the
seeded Maildir, Dovecot's index files included, is kept under CACHE_ROOT, keyed by size, the
generator's SEED_VERSION and a digest of the fixtures it is made from. A run clones it into
its own Dovecot: message files are hard links (Maildir never rewrites a message file), index
files are copies, so nothing a run does reaches the cache.

After seeding, BODYSTRUCTURE is fetched once for every message. Dovecot then keeps it in
dovecot.index.cache, as a long-lived mailbox (or Gmail) has it; the first scan is measured
against a server that has seen its mail before, not one parsing 4.5 GB of attachments for the
first time. `--cold-server` drops that cache to measure the other case.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from tests.support.dovecot import Dovecot

from .mailbox import SEED_VERSION, Generator, Seeded, fixtures_digest

CACHE_ROOT = Path(os.environ.get("NEXTLEAD_BENCH_CACHE", "/tmp/nextlead-bench"))
APPEND_BYTES = 48_000_000  # one MULTIAPPEND carries at most this much (or APPEND_COUNT)
APPEND_COUNT = 500
MAIL_UID = 65534  # the Dovecot test users' uid and gid


def cache_dir(size: int) -> Path:
    return CACHE_ROOT / f"inbox-{size}-v{SEED_VERSION}-{fixtures_digest()}"


def batches(messages: Iterator[Seeded]) -> Iterator[list[Seeded]]:
    batch: list[Seeded] = []
    held = 0
    for message in messages:
        batch.append(message)
        held += len(message.raw)
        if held >= APPEND_BYTES or len(batch) >= APPEND_COUNT:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def append(dovecot: Dovecot, user: str, messages: Iterator[Seeded]) -> list[dict]:
    """MULTIAPPEND the messages (with their internal dates); returns their manifest entries."""
    entries = []
    client = dovecot.client(user)
    client._imap.sock.settimeout(300)
    try:
        for batch in batches(messages):
            client.multiappend("INBOX", [{"msg": m.raw, "date": m.when} for m in batch])
            entries += [m.entry() for m in batch]
    finally:
        client.logout()
    return entries


def warm(dovecot: Dovecot, user: str) -> None:
    """Have Dovecot parse every message once and cache what a long-lived server caches."""
    client = dovecot.client(user)
    client._imap.sock.settimeout(600)
    try:
        client.select_folder("INBOX", readonly=True)
        uids = client.search(["ALL"])
        for start in range(0, len(uids), 2000):
            client.fetch(uids[start : start + 2000], [b"BODYSTRUCTURE", b"RFC822.SIZE"])
    finally:
        client.logout()


def ensure_cache(size: int, binary: str, log=print) -> Path:
    """The cached seeded Maildir for `size` messages, made first if missing."""
    target = cache_dir(size)
    if (target / "complete").exists():
        log(f"seeded mailbox: cached in {target}")
        return target
    shutil.rmtree(target, ignore_errors=True)
    log(f"seeding {size:,} messages into a fresh Dovecot (cached in {target} for later runs)")
    started = time.perf_counter()
    dovecot = Dovecot(binary)
    try:
        user = dovecot.add_user()
        entries = append(dovecot, user, Generator(size).messages(0, size))
        appended = time.perf_counter()
        warm(dovecot, user)
        log(
            f"  appended in {appended - started:.0f} s, server cache warmed in "
            f"{time.perf_counter() - appended:.0f} s"
        )
    finally:
        dovecot.stop()
    try:
        target.mkdir(parents=True)
        os.rename(dovecot.dir / "mail" / user, target / "maildir")
        (target / "manifest.json").write_text(json.dumps(entries))
        (target / "complete").write_text("")
    finally:
        shutil.rmtree(dovecot.dir, ignore_errors=True)
    return target


def clone_into(cache: Path, dovecot: Dovecot, user: str, *, cold: bool = False) -> None:
    """The cached Maildir as `user`'s mailbox: message files linked, index files copied."""
    source = cache / "maildir"
    target = dovecot.dir / "mail" / user
    for folder, _dirs, files in os.walk(source):
        rel = Path(folder).relative_to(source)
        here = target / rel
        here.mkdir(exist_ok=True)
        os.chown(here, MAIL_UID, MAIL_UID)
        in_messages = rel.name in ("cur", "new")
        for name in files:
            if cold and name.startswith("dovecot.index"):
                continue
            if in_messages:
                os.link(Path(folder) / name, here / name)
            else:
                shutil.copy2(Path(folder) / name, here / name)
                os.chown(here / name, MAIL_UID, MAIL_UID)


def load_into_page_cache(cache: Path) -> float:
    """Read every message file once, so that both the scan and the baseline find the mailbox
    in the OS page cache, as right after seeding; returns the seconds it took.

    Otherwise the result depends on what else used the machine's memory since the cache was
    seeded: on a cold disk each of the scan's 10,000 small reads waits for the disk (about
    75 s here), while the baseline reads whole files in long runs."""
    started = time.perf_counter()
    for folder, _dirs, files in os.walk(cache / "maildir"):
        for name in files:
            with open(Path(folder) / name, "rb") as handle:
                while handle.read(1 << 20):
                    pass
    return time.perf_counter() - started


def drop_page_cache() -> bool:
    """Empty the OS page cache (root only), for a server that reads its disk for every
    message; False where this process may not."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def manifest(cache: Path) -> list[dict]:
    return json.loads((cache / "manifest.json").read_text())
