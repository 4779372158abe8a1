"""The scan: source -> parse -> detect -> extract -> store -> compose -> deliver.

Each message is judged once: it is keyed by Message-ID (or a digest when it has none), so a
rescan, a restart or a UIDVALIDITY change never judges or drafts it twice. Scan state is
committed with each batch, so an interrupted scan resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from .compose import compose
from .config import Account, Config, get_password
from .detect import detect
from .errors import MailServerError
from .extract import Facts, extract
from .mail import drafts as drafts_mod
from .mail import imap
from .mail.mbox import read_local
from .mail.parse import Email, parse_email
from .store import NO_CONTACT, OTHER, REJECTION, REVIEW, Store

log = logging.getLogger(__name__)
EXCERPT_CHARS = 5000  # what a confirmed rejection needs to be answered later
Progress = Callable[[int, int], None]  # (messages done, messages to do)


@dataclass
class Summary:
    scanned: int = 0
    rejections: int = 0
    drafts_created: int = 0
    skipped: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def message_key(email: Email, raw: bytes) -> str:
    """What makes a message the same message across folders, UIDs and rescans."""
    if email.message_id:
        return email.message_id
    digest = hashlib.sha256(
        f"{email.from_addr}\0{email.subject}\0{email.date}\0".encode() + email.text[:2000].encode()
    ).hexdigest()[:32]
    return f"sha256:{digest}"


def status_for(tier: str, reply_to: str | None) -> str:
    if tier == "sure":
        return REJECTION if reply_to else NO_CONTACT
    return REVIEW if tier == "review" else OTHER


def record(
    store: Store,
    config: Config,
    account: str,
    raw: bytes,
    summary: Summary,
    *,
    folder: str | None = None,
    uid: int | None = None,
    uidvalidity: int | None = None,
    gm_msgid: int | None = None,
    gm_thrid: int | None = None,
) -> None:
    """Judge one message and store the verdict; a sure rejection gets its ask composed."""
    email = parse_email(raw)
    key = message_key(email, raw)
    known = store.find_message(account, key)
    if known:
        if uid is not None and (known["uid"], known["uidvalidity"]) != (uid, uidvalidity):
            store.relocate_message(known["id"], folder or "", uid, uidvalidity or 0)
        summary.skipped += 1
        return
    own = config.own_addresses
    verdict = detect(email, own)
    facts = extract(email, own)
    status = status_for(verdict.tier, facts.reply_to)
    if status != OTHER and store.sender_marked_not_rejection(account, email.from_addr):
        status = OTHER  # the user said mail from this sender is not a rejection
    row = store.add_message(
        {
            "account": account,
            "message_key": key,
            "folder": folder,
            "uid": uid,
            "uidvalidity": uidvalidity,
            "message_id": email.message_id,
            "gm_msgid": format(gm_msgid, "x") if gm_msgid else None,
            "gm_thrid": format(gm_thrid, "x") if gm_thrid else None,
            "from_name": email.from_name,
            "from_addr": email.from_addr,
            "subject": email.subject,
            "date": email.date.isoformat() if email.date else None,
            "refs": email.references,
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
            "excerpt": email.text[:EXCERPT_CHARS] if status != OTHER else None,
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
) -> Summary:
    """Scan the account's folders for new mail and put one draft per new rejection in Drafts."""
    summary = Summary()
    client = imap.connect(account, get_password(account))
    try:
        for folder in account.folders:
            _scan_folder(client, config, store, account, folder, since, summary, progress)
        if make_drafts:
            deliver_drafts(client, config, store, account, summary)
    except (IMAPClientError, OSError) as exc:
        raise MailServerError(
            f"{account.imap_host} failed during the scan: "
            f"{' '.join(str(exc).split())[:200]}; run the scan again to "
            "resume"
        ) from None
    finally:
        imap._close(client)
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
) -> None:
    try:
        selected = client.select_folder(folder, readonly=True)
    except IMAPClientError:
        log.warning("folder %r not found on %s; skipped", folder, account.imap_host)
        summary.errors += 1
        return
    uidvalidity = int(selected[b"UIDVALIDITY"])
    state = store.scan_state(account.name, folder)
    last_uid = state.last_uid if state and state.uidvalidity == uidvalidity else 0
    uids = imap.new_uids(client, last_uid, since)
    done = 0
    if progress:
        progress(0, len(uids))
    batch: list[imap.FetchedMessage] = []
    for fetched in imap.fetch_messages(client, uids):
        batch.append(fetched)
        if len(batch) >= imap.BATCH:
            _commit_batch(store, config, account.name, folder, uidvalidity, batch, summary)
            done += len(batch)
            batch = []
            if progress:
                progress(done, len(uids))
    _commit_batch(store, config, account.name, folder, uidvalidity, batch, summary)
    if uids:
        store.save_scan_state(account.name, folder, uidvalidity, max(uids[-1], last_uid))
    elif state is None or state.uidvalidity != uidvalidity:
        store.save_scan_state(account.name, folder, uidvalidity, last_uid)
    if progress:
        progress(len(uids), len(uids))


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
            _record_safely(
                store,
                config,
                account,
                fetched.raw,
                summary,
                folder=folder,
                uid=fetched.uid,
                uidvalidity=uidvalidity,
                gm_msgid=fetched.gm_msgid,
                gm_thrid=fetched.gm_thrid,
            )
        store.save_scan_state(account, folder, uidvalidity, batch[-1].uid)


def _record_safely(
    store: Store, config: Config, account: str, raw: bytes, summary: Summary, **where
) -> None:
    try:
        record(store, config, account, raw, summary, **where)
    except Exception:  # one hostile message must not stop the scan
        log.exception("message %s could not be judged; skipped", where.get("uid"))
        summary.errors += 1


def deliver_drafts(
    client: IMAPClient, config: Config, store: Store, account: Account, summary: Summary
) -> None:
    """APPEND every composed ask that is not in Drafts yet; each exactly once."""
    pending = store.asks_without_draft(account.name)
    if not pending:
        return
    folder = drafts_mod.drafts_folder(client)
    sender = config.profile.email or account.username
    for ask in pending:
        message = drafts_mod.build_message(
            from_name=config.profile.name,
            from_addr=sender,
            to=ask["to_addr"],
            subject=ask["subject"],
            body=ask["body"],
            in_reply_to=ask["in_reply_to"],
            references=_json_list(ask["refs"]),
            message_id=ask["draft_message_id"],
        )
        uid, created = drafts_mod.append_draft(client, folder, message, ask["draft_message_id"])
        in_thread = None
        if uid and ask["rejection_thrid"]:
            thread = drafts_mod.thread_id(client, folder, uid)
            in_thread = thread is not None and format(thread, "x") == ask["rejection_thrid"]
        store.set_draft_location(ask["id"], folder, uid, in_thread)
        if created:
            summary.drafts_created += 1


def scan_local(
    config: Config,
    store: Store,
    path: Path,
    account: str = "local",
    progress: Progress | None = None,
) -> Summary:
    """Judge every message of an mbox, Maildir or .eml folder; asks stay in the store."""
    summary = Summary()
    messages: Iterable[tuple[str, bytes]] = list(read_local(path))
    if progress:
        progress(0, len(messages))
    with store.transaction():
        for done, (_, raw) in enumerate(messages, 1):
            _record_safely(store, config, account, raw, summary)
            if progress:
                progress(done, len(messages))
    return summary


def _json_list(text: str | None) -> list[str]:
    import json

    return list(json.loads(text or "[]"))


def apply_feedback(config: Config, store: Store, row_id: int, is_rejection: bool) -> bool:
    """The user's word on one message; a confirmed rejection with a human gets its ask now.
    False when there is no such message."""
    if not store.set_feedback(row_id, is_rejection):
        return False
    row = store.message(row_id)
    if is_rejection and row["status"] == REJECTION and store.ask_for_message(row_id) is None:
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
        draft = compose(email, facts, config.profile, config.templates_dir)
        with store.transaction():
            store.add_ask(
                row_id,
                draft.as_dict(),
                drafts_mod.draft_message_id(row["account"], row["message_key"]),
            )
    return True
