"""The scan: source -> parse -> detect -> extract -> store -> compose -> deliver.

Each message is judged once: it is keyed by Message-ID (or a digest when it has none), so a
rescan, a restart or a UIDVALIDITY change never judges or drafts it twice. Scan state is
committed with each batch, so an interrupted scan resumes where it stopped.

Judging (parse, detect, extract: judge.py) is nearly all of a first scan's time, and it is
pure, so a large scan spreads it over the cores: one worker process per core but one, and this
process judges too, between fetching batches and writing verdicts (in UID order, one
transaction per batch). Batches in flight are bounded, so memory stays flat however large
the mailbox. A small scan (a rescan with a few new messages) judges in-process only: starting
a worker would cost more than it saves.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from .config import Account, Config, get_password
from .mail import imap
from .mail.mbox import read_local
from .store import NO_CONTACT, OTHER, REJECTION, REVIEW, Store

if TYPE_CHECKING:
    from .extract import Facts
    from .judge import Judged
    from .mail.parse import Email

# Judging and composing (judge, detect, extract, parse, compose, drafts) are imported where
# they are used: they are most of `nextlead scan`'s start-up (bs4, lxml, the detector, the
# templates), and a rescan that finds nothing new never needs them.

log = logging.getLogger(__name__)
EXCERPT_CHARS = 5000  # what a confirmed rejection needs to be answered later
Progress = Callable[[int, int], None]  # (messages done, messages to do)
# A folder scan of at least POOL_MIN new messages gets WORKERS judging processes besides its
# own: one per core but one (this process judges too). A worker takes ~0.5 s to start and
# ~40 MB, which a small scan would not win back.
POOL_MIN = 500
WORKERS = min((os.cpu_count() or 1) - 1, 3)


SUMMARY_KEYS = ("scanned", "rejections", "drafts_created", "skipped", "errors")


@dataclass
class Summary:
    scanned: int = 0
    rejections: int = 0
    drafts_created: int = 0
    skipped: int = 0
    errors: int = 0
    reconnects: int = 0  # times the connection dropped mid-scan and was opened again
    skipped_folders: list[str] = field(default_factory=list)  # missing or could not be opened

    def as_dict(self) -> dict[str, int]:
        """What `nextlead scan --json` prints: a contract, so these five keys only."""
        return {key: getattr(self, key) for key in SUMMARY_KEYS}

    def work_done(self) -> tuple[int, ...]:
        """Changes whenever the scan commits something: a message judged or a draft made."""
        return (self.scanned, self.skipped, self.errors, self.drafts_created)


def status_for(tier: str, reply_to: str | None) -> str:
    if tier == "sure":
        return REJECTION if reply_to else NO_CONTACT
    return REVIEW if tier == "review" else OTHER


@dataclass(frozen=True)
class Place:
    """Where a message is in its mailbox; nothing for a local .eml file."""

    folder: str | None = None
    uid: int | None = None
    uidvalidity: int | None = None
    gm_msgid: int | None = None
    gm_thrid: int | None = None

    @classmethod
    def fetched(cls, folder: str, uidvalidity: int, message: imap.FetchedMessage) -> Place:
        return cls(folder, message.uid, uidvalidity, message.gm_msgid, message.gm_thrid)


def record(
    store: Store, config: Config, account: str, raw: bytes, summary: Summary, place: Place = Place()
) -> None:
    """Judge one message and store the verdict; a sure rejection gets its ask composed."""
    from .judge import judge_email, message_key
    from .mail.parse import parse_email

    email = parse_email(raw)
    key = message_key(email, raw)
    if _known(store, account, key, summary, place):
        return
    save(store, config, account, judge_email(email, key, config.own_addresses), summary, place)


def _known(store: Store, account: str, key: str, summary: Summary, place: Place) -> bool:
    """A message judged before (another folder, a new UIDVALIDITY): note where it is now."""
    known = store.find_message(account, key)
    if known:
        if place.uid is not None and (known["uid"], known["uidvalidity"]) != (
            place.uid,
            place.uidvalidity,
        ):
            store.relocate_message(
                known["id"], place.folder or "", place.uid, place.uidvalidity or 0
            )
        summary.skipped += 1
    return known is not None


def save(
    store: Store, config: Config, account: str, judged: Judged, summary: Summary, place: Place
) -> None:
    """Store a new message's verdict; a sure rejection gets its ask composed."""
    from .compose import compose
    from .mail import drafts as drafts_mod

    email, key, verdict, facts = judged.email, judged.key, judged.verdict, judged.facts
    status = status_for(verdict.tier, facts.reply_to)
    if status != OTHER and store.sender_marked_not_rejection(account, email.from_addr):
        status = OTHER  # the user said mail from this sender is not a rejection
    # In-Reply-To joins References: an answer to an ask may carry only the one.
    refs = list(dict.fromkeys([*email.references, *filter(None, [email.in_reply_to])]))
    # Rejections keep their words (for a later confirmation); answers to our asks keep theirs
    # (the leads they name are suggested on the dashboard).
    keep_text = status != OTHER or store.answers_an_ask(refs)
    row = store.add_message(
        {
            "account": account,
            "message_key": key,
            "folder": place.folder,
            "uid": place.uid,
            "uidvalidity": place.uidvalidity,
            "message_id": email.message_id,
            "gm_msgid": format(place.gm_msgid, "x") if place.gm_msgid else None,
            "gm_thrid": format(place.gm_thrid, "x") if place.gm_thrid else None,
            "from_name": email.from_name,
            "from_addr": email.from_addr,
            "subject": email.subject,
            "date": email.date.isoformat() if email.date else None,
            "refs": refs,
            "is_rejection": int(verdict.is_rejection),
            "score": verdict.score,
            "tier": verdict.tier,
            "evidence": verdict.evidence,
            "company": facts.company,
            "contact_name": facts.contact_name,
            "contact_first_name": facts.contact_first_name,
            "role": facts.role,
            "reply_to": facts.reply_to,
            "language": facts.language,
            "status": status,
            "excerpt": email.text[:EXCERPT_CHARS] if keep_text else None,
        }
    )
    summary.scanned += 1
    if verdict.is_rejection:
        summary.rejections += 1
    if status == REJECTION:
        draft = compose(email, facts, config.profile, config.templates_dir)
        store.add_ask(row, draft.as_dict(), drafts_mod.draft_message_id(account, key))


def scan_account(
    config: Config,
    store: Store,
    account: Account,
    *,
    since: date | None = None,
    make_drafts: bool = True,
    progress: Progress | None = None,
    reconnect_delays: Sequence[float] | None = None,
    timeout: float = imap.TIMEOUT,
) -> Summary:
    """Scan the account's folders for new mail and put one draft per new rejection in Drafts.

    A connection that drops or stalls (longer than `timeout`) mid-scan is opened again after
    each of `reconnect_delays` (default imap.RECONNECT_DELAYS), and the step it broke resumes
    from what the store has committed: a folder from its last committed UID, the drafts from
    the asks not yet in Drafts. So nothing is missed and nothing is done twice."""
    summary = Summary()
    first_new_row = store.last_message_row()
    session = imap.Session(
        account,
        get_password(account),
        delays=reconnect_delays,
        timeout=timeout,
        progress=summary.work_done,
    )
    judges = _Judges(config.own_addresses)
    appending: set[int] = set()
    try:
        for folder in account.folders:
            session.run(
                lambda client, folder=folder: _scan_folder(
                    client, config, store, account, folder, since, summary, progress, judges
                )
            )
        if make_drafts:
            session.run(
                lambda client: deliver_drafts(client, config, store, account, summary, appending)
            )
    finally:
        summary.reconnects = session.reconnects
        judges.close()
        session.close()
    store.link_answers(first_new_row, config.own_addresses)
    return summary


def _scan_folder(
    client: IMAPClient,
    config: Config,
    store: Store,
    account: Account,
    folder: str,
    since: date | None,
    summary: Summary,
    progress: Progress | None,
    judges: _Judges | None = None,
) -> None:
    """Judge the folder's mail above the last UID committed for it, a batch per transaction:
    run again after a lost connection, it goes on where the last commit left it."""
    try:
        selected = client.select_folder(folder, readonly=True)
    except IMAPClientAbortError:
        raise  # the connection is gone, not the folder: the session reconnects
    except IMAPClientError as exc:  # missing, renamed or deleted (even mid-scan), or refused
        log.warning(
            "folder %r is missing on %s or cannot be opened (%s); skipped",
            folder,
            account.imap_host,
            " ".join(str(exc).split())[:200],
        )
        summary.errors += 1
        summary.skipped_folders.append(folder)
        return
    uidvalidity = int(selected[b"UIDVALIDITY"])
    state = store.scan_state(account.name, folder)
    last_uid = state.last_uid if state and state.uidvalidity == uidvalidity else 0
    if imap.nothing_new(selected, last_uid):
        uids: Sequence[int] = ()
    else:
        uidnext = selected.get(b"UIDNEXT")
        uids = imap.new_uids(client, last_uid, since, int(uidnext) if uidnext else None)
    done = 0
    if progress:
        progress(0, len(uids))
    batches = imap.fetch_batches(client, uids)
    judged_batches: Iterable[tuple[list[imap.FetchedMessage], list[Judged | str] | None]]
    if judges and len(uids) >= POOL_MIN and judges.pool() is not None:
        judged_batches = _judged_in(judges, batches)
    else:
        judged_batches = ((batch, None) for batch in batches)
    for batch, judged in judged_batches:
        if judged is None:
            _commit_batch(store, config, account.name, folder, uidvalidity, batch, summary)
        else:
            _commit_judged(store, config, account.name, folder, uidvalidity, batch, judged, summary)
        done += len(batch)
        if progress:
            progress(done, len(uids))
    if uids:
        store.save_scan_state(account.name, folder, uidvalidity, max(uids[-1], last_uid))
    elif state is None or state.uidvalidity != uidvalidity:
        store.save_scan_state(account.name, folder, uidvalidity, last_uid)
    if progress:
        progress(len(uids), len(uids))


class _Judges:
    """The judging worker processes of one scan: started on first use, stopped with it."""

    def __init__(self, own: frozenset[str], workers: int | None = None):
        self.own = own
        self.workers = WORKERS if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor | None:
        """None on a single core: there the scan's own process judges alone."""
        if self.workers < 1:
            return None
        if self._pool is None:
            from .judge import worker_start

            # spawn, not fork: the server scans from a thread, and a fork of a threaded
            # process may inherit a lock some other thread holds.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=worker_start
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _judged_in(
    judges: _Judges,
    batches: Iterable[list[imap.FetchedMessage]],
) -> Iterator[tuple[list[imap.FetchedMessage], list[Judged | str]]]:
    """Each fetched batch with its verdicts, in UID order. Every worker keeps one batch in
    hand and one queued; a batch fetched while they are all busy is judged here, so every
    core judges and no more than a few batches are ever held."""
    from .judge import judge_batch

    pool, own = judges.pool(), judges.own
    assert pool is not None
    queued = judges.workers * 2
    inflight: deque[tuple[list[imap.FetchedMessage], Future]] = deque()
    try:
        for batch in batches:
            raws = [m.raw for m in batch]
            if sum(not future.done() for _, future in inflight) < queued:
                future = _submit(pool, raws, own)
            else:
                future = Future()
                future.set_result(judge_batch(raws, own))
            inflight.append((batch, future))
            while inflight and (inflight[0][1].done() or len(inflight) > queued + 2):
                ready, done = inflight.popleft()
                yield ready, _verdicts(done, ready, own)
        while inflight:
            ready, done = inflight.popleft()
            yield ready, _verdicts(done, ready, own)
    finally:
        for _, future in inflight:
            future.cancel()


def _submit(pool: ProcessPoolExecutor, raws: list[bytes], own: frozenset[str]) -> Future:
    from .judge import judge_batch

    try:
        return pool.submit(judge_batch, raws, own)
    except (BrokenProcessPool, RuntimeError):  # a worker died: judge here from now on
        future: Future = Future()
        future.set_result(judge_batch(raws, own))
        return future


def _verdicts(
    future: Future, batch: list[imap.FetchedMessage], own: frozenset[str]
) -> list[Judged | str]:
    from .judge import judge_batch

    try:
        return future.result()
    except BrokenProcessPool:
        log.warning("a judging worker died; judging its batch in the scan's own process")
        return judge_batch([m.raw for m in batch], own)


def _commit_judged(
    store: Store,
    config: Config,
    account: str,
    folder: str,
    uidvalidity: int,
    batch: list[imap.FetchedMessage],
    judged: list[Judged | str],
    summary: Summary,
) -> None:
    """`_commit_batch` for verdicts made by the workers: the same rows, the same order."""
    with store.transaction():
        for fetched, verdict in zip(batch, judged, strict=True):
            if isinstance(verdict, str):
                log.error("message %s could not be judged; skipped\n%s", fetched.uid, verdict)
                summary.errors += 1
                continue
            place = Place.fetched(folder, uidvalidity, fetched)
            try:
                if _known(store, account, verdict.key, summary, place):
                    continue
                save(store, config, account, verdict, summary, place)
            except Exception:  # one hostile message must not stop the scan
                log.exception("message %s could not be judged; skipped", fetched.uid)
                summary.errors += 1
        store.save_scan_state(account, folder, uidvalidity, batch[-1].uid)


def _commit_batch(
    store: Store,
    config: Config,
    account: str,
    folder: str,
    uidvalidity: int,
    batch: list[imap.FetchedMessage],
    summary: Summary,
) -> None:
    if not batch:
        return
    with store.transaction():
        for fetched in batch:
            place = Place.fetched(folder, uidvalidity, fetched)
            _record_safely(store, config, account, fetched.raw, summary, place)
        store.save_scan_state(account, folder, uidvalidity, batch[-1].uid)


def _record_safely(
    store: Store, config: Config, account: str, raw: bytes, summary: Summary, place: Place = Place()
) -> None:
    try:
        record(store, config, account, raw, summary, place)
    except Exception:  # one hostile message must not stop the scan
        log.exception("message %s could not be judged; skipped", place.uid)
        summary.errors += 1


def deliver_drafts(
    client: IMAPClient,
    config: Config,
    store: Store,
    account: Account,
    summary: Summary,
    appending: set[int] | None = None,
) -> None:
    """APPEND every composed ask that is not in Drafts yet; each exactly once.

    A draft is looked up by its Message-ID before APPEND, so running this again after the
    connection dropped (even between the APPEND and its answer) never makes a second one.
    `appending` carries the asks tried on a connection that then dropped across that rerun:
    found in Drafts then, they are still this scan's drafts."""
    appending = set() if appending is None else appending
    pending = store.asks_without_draft(account.name)
    if not pending:
        return
    from .mail import drafts as drafts_mod

    folder = drafts_mod.drafts_folder(client)
    present = drafts_mod.drafts_by_message_id(
        client, folder, [ask["draft_message_id"] for ask in pending]
    )
    sender = config.profile.email or account.username
    for start in range(0, len(pending), drafts_mod.APPEND_DRAFTS):
        chunk = pending[start : start + drafts_mod.APPEND_DRAFTS]
        messages = {
            ask["draft_message_id"]: _draft_bytes(config, sender, ask)
            for ask in chunk
            if ask["draft_message_id"] not in present
        }
        tried_before = {ask["id"] for ask in chunk} & appending
        appending.update(ask["id"] for ask in chunk)
        appended = drafts_mod.append_drafts(client, folder, messages)
        places = []  # asked of the server first: no round trip while the store is locked
        for ask in chunk:
            message_id = ask["draft_message_id"]
            uid = appended[message_id] if message_id in appended else present[message_id]
            in_thread = None
            if uid and ask["rejection_thrid"]:
                thread = drafts_mod.thread_id(client, folder, uid)
                in_thread = thread is not None and format(thread, "x") == ask["rejection_thrid"]
            places.append((ask["id"], uid, in_thread))
        with store.transaction():
            for ask_id, uid, in_thread in places:
                store.set_draft_location(ask_id, folder, uid, in_thread)
        summary.drafts_created += sum(
            ask["draft_message_id"] in appended or ask["id"] in tried_before for ask in chunk
        )


def _draft_bytes(config: Config, sender: str, ask) -> bytes:
    from .mail import drafts as drafts_mod

    return drafts_mod.build_message(
        from_name=config.profile.name,
        from_addr=sender,
        to=ask["to_addr"],
        subject=ask["subject"],
        body=ask["body"],
        in_reply_to=ask["in_reply_to"],
        references=_json_list(ask["refs"]),
        message_id=ask["draft_message_id"],
    )


def scan_local(
    config: Config,
    store: Store,
    path: Path,
    account: str = "local",
    progress: Progress | None = None,
) -> Summary:
    """Judge every message of an mbox, Maildir or .eml folder; asks stay in the store."""
    summary = Summary()
    first_new_row = store.last_message_row()
    messages: Iterable[tuple[str, bytes]] = list(read_local(path))
    if progress:
        progress(0, len(messages))
    with store.transaction():
        for done, (_, raw) in enumerate(messages, 1):
            _record_safely(store, config, account, raw, summary)
            if progress:
                progress(done, len(messages))
    store.link_answers(first_new_row, config.own_addresses)
    return summary


def _json_list(text: str | None) -> list[str]:
    import json

    return list(json.loads(text or "[]"))


def apply_feedback(config: Config, store: Store, row_id: int, is_rejection: bool) -> bool:
    """The user's word on one message; a confirmed rejection with a human gets its ask now.
    False when there is no such message."""
    from .compose import compose
    from .mail import drafts as drafts_mod

    if not store.set_feedback(row_id, is_rejection):
        return False
    row = store.message(row_id)
    if is_rejection and row["status"] == REJECTION and store.ask_for_message(row_id) is None:
        email, facts = stored_rejection(row)
        draft = compose(email, facts, config.profile, config.templates_dir)
        with store.transaction():
            store.add_ask(
                row_id,
                draft.as_dict(),
                drafts_mod.draft_message_id(row["account"], row["message_key"]),
            )
    return True


def stored_rejection(row) -> tuple[Email, Facts]:
    """A stored message as compose() takes it: its headers, its kept words, its facts."""
    from .extract import Facts
    from .mail.parse import Email

    email = Email(
        subject=row["subject"],
        from_name=row["from_name"],
        from_addr=row["from_addr"],
        message_id=row["message_id"],
        references=tuple(_json_list(row["refs"])),
        text=row["excerpt"] or "",
    )
    facts = Facts(
        company=row["company"],
        contact_name=row["contact_name"],
        contact_first_name=row["contact_first_name"],
        role=row["role"],
        reply_to=row["reply_to"],
        language=row["language"] or "en",
    )
    return email, facts
