"""Judging one message: raw bytes -> parse -> key -> detect -> extract, nothing stored.

The pipeline's one CPU-bound step, and a pure one, so a large scan runs it in worker
processes too (see pipeline.py). It is a module of its own so that a worker imports only
what judging needs: not the IMAP client, the store or the reply templates.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import traceback
from dataclasses import dataclass

from .detect import Verdict, detect
from .extract import Facts, extract, reply_facts
from .mail.parse import Email, parse_email


@dataclass(frozen=True)
class Judged:
    """One message judged: what the pipeline stores. Picklable, so a worker can make it."""

    email: Email
    key: str
    verdict: Verdict
    facts: Facts


def message_key(email: Email, raw: bytes) -> str:
    """What makes a message the same message across folders, UIDs and rescans."""
    if email.message_id:
        return email.message_id
    digest = hashlib.sha256(
        f"{email.from_addr}\0{email.subject}\0{email.date}\0".encode() + email.text[:2000].encode()
    ).hexdigest()[:32]
    return f"sha256:{digest}"


def judge(raw: bytes, own: frozenset[str]) -> Judged:
    """Parse, key, detect and extract; `own` are the user's addresses."""
    email = parse_email(raw)
    return judge_email(email, message_key(email, raw), own)


def judge_email(email: Email, key: str, own: frozenset[str]) -> Judged:
    """Detect, then extract. Mail that may be a rejection, or is about a job at all, gets
    every fact: the user may yet say an invitation was a rejection, and the ask then needs
    them. The rest of a mailbox (friends, receipts, newsletters) only gets its reply-to and
    language: extraction is a third of the cost of judging."""
    verdict = detect(email, own)
    if verdict.tier == "no" and not verdict.about_a_job:
        facts = reply_facts(email, own, verdict.language)
    else:
        facts = extract(email, own)
    return Judged(email, key, verdict, facts)


def judge_batch(raws: list[bytes], own: frozenset[str]) -> list[Judged | str]:
    """`judge` each message; one that cannot be judged becomes the traceback to log, and the
    rest of the batch goes on (one hostile message must not stop a scan)."""
    judged: list[Judged | str] = []
    for raw in raws:
        try:
            judged.append(judge(raw, own))
        except Exception:
            judged.append(traceback.format_exc())
    return judged


def worker_start() -> None:
    """Run first in each judging worker: end it as soon as the scan's process is gone.

    A scan killed outright (SIGKILL, SIGTERM, a crash) cannot stop its workers, and a worker
    sending a verdict nobody will read would wait forever, holding its memory."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(
            target=_exit_with, args=(parent,), name="parent-watch", daemon=True
        ).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(1)
