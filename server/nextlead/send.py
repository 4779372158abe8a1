"""Sending an ask, exactly once, on the user's click.

The ask moves drafted -> sending -> sent | failed, and "sending" is committed, with the
caller's idempotency key, before SMTP starts. So a double click or a replayed request (same
key) is answered from the store, a second click while a send is under way or done (another key)
sends nothing, and a crash mid-send leaves an ask "sending" that the next process shows as
"unknown, check your Sent folder" instead of sending it again. Only the user retries a failed
(or, knowingly, an unknown) ask. The draft stays in Drafts and in the store until the mail
server has accepted the message; then a copy goes to Sent and the draft is removed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from email.utils import make_msgid
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError
from imapclient.imapclient import DRAFTS as DRAFTS_FLAG
from imapclient.imapclient import SENT as SENT_FLAG

from .config import Account, Config, get_password
from .errors import ConfigError, NextLeadError
from .mail import drafts as drafts_mod
from .mail import imap, smtp
from .store import (
    DRAFTED,
    FAILED,
    SENDING,
    SENT,
    UNKNOWN,
    UNKNOWN_ERROR,
    Store,
)

log = logging.getLogger(__name__)

RETRY_DELAYS = (1.0, 2.0, 4.0)  # seconds before each retry after a temporary failure
MAX_KEY = 200
MAX_BODY_CHARS = 50_000
FALLBACK_SENT = "Sent"


class SendError(NextLeadError):
    """The ask cannot be sent as asked; nothing was recorded or sent."""

    exit_code = 2


class AskNotFound(SendError):
    pass


class NotSendable(SendError):
    """No address to write to, the ask was put aside, or it is the demo's."""

    exit_code = 1


class KeyConflict(SendError):
    """The idempotency key was already used for another ask."""


def ask_state(store: Store, ask_id: int) -> dict[str, Any]:
    """The ask as the API and the CLI report it."""
    row = store.ask(ask_id)
    if row is None:
        raise AskNotFound(f"no ask {ask_id}; `nextlead asks` lists them")
    return {
        "id": row["id"],
        "state": row["state"],
        "to": row["to_addr"],
        "subject": row["subject"],
        "sent_at": row["sent_at"],
        "error": row["error"],
    }


def send_ask(
    config: Config,
    store: Store,
    ask_id: int,
    *,
    idempotency_key: str,
    body: str | None = None,
    resend_unknown: bool = False,
    retry_delays: Sequence[float] = RETRY_DELAYS,
    timeout: float = 30,
) -> dict[str, Any]:
    """Send ask `ask_id` once per idempotency key; returns the ask's state afterwards.

    `body` (the user's edited text) is saved on the ask before sending. A failure of the mail
    server is not raised: it is the returned state ("failed" with the server's words, or
    "unknown"). What is raised (`SendError`, `ConfigError`, `AuthError`) means nothing was
    recorded or sent: no such ask, nobody to write to, no SMTP settings, no password.
    `resend_unknown` is the user's word that an "unknown" ask is not in their Sent folder.
    """
    key = (idempotency_key or "").strip()
    if not key or len(key) > MAX_KEY:
        raise SendError(f"the idempotency key must be 1 to {MAX_KEY} characters")
    store.recover_interrupted_sends()
    row = store.ask(ask_id)
    if row is None:
        raise AskNotFound(f"no ask {ask_id}; `nextlead asks` lists them")
    known = store.send_attempt(key)
    if known is not None:
        if known["ask_id"] != ask_id:
            raise KeyConflict("this idempotency key was already used to send another ask")
        return ask_state(store, ask_id)
    from_states = (DRAFTED, FAILED, UNKNOWN) if resend_unknown else (DRAFTED, FAILED)
    if row["state"] in (SENDING, SENT) or (row["state"] == UNKNOWN and not resend_unknown):
        return ask_state(store, ask_id)
    if row["state"] not in from_states:
        raise NotSendable(f"ask {ask_id} is {row['state']}; it is not sent")
    if not row["to_addr"]:
        raise NotSendable(
            f"ask {ask_id} has nobody to write to (the rejection came from a no-reply address)"
        )
    if body is not None:
        body = _clean_body(body)
        store.set_ask_body(ask_id, body)  # the edit is kept whatever happens next
    account = _account_for(config, store, ask_id)
    smtp.check_account(account)
    password = get_password(account)
    sender = config.profile.email or account.username
    message_id = make_msgid(domain=_domain(sender))
    message = smtp.seven_bit(
        drafts_mod.build_message(
            from_name=config.profile.name,
            from_addr=sender,
            to=row["to_addr"],
            subject=row["subject"],
            body=body if body is not None else row["body"],
            in_reply_to=row["in_reply_to"],
            references=list(json.loads(row["refs"] or "[]")),
            message_id=message_id,
        )
    )
    if not store.begin_send(ask_id, key, message_id=message_id, body=body, from_states=from_states):
        return _replayed(store, ask_id, key)
    envelope_from = account.username if "@" in account.username else sender
    try:
        state, error = _deliver(
            account, password, envelope_from, row["to_addr"], message, retry_delays, timeout
        )
    except BaseException:  # interrupted mid-send: it may have left; never send it again
        store.finish_send(ask_id, key, UNKNOWN, UNKNOWN_ERROR)
        raise
    store.finish_send(ask_id, key, state, error)
    if state == SENT:
        _tidy_mailbox(store, account, password, ask_id, row, message)
    return ask_state(store, ask_id)


def _replayed(store: Store, ask_id: int, key: str) -> dict[str, Any]:
    """Another call won the race to send: report the ask as it stands."""
    known = store.send_attempt(key)
    if known is not None and known["ask_id"] != ask_id:
        raise KeyConflict("this idempotency key was already used to send another ask")
    return ask_state(store, ask_id)


def _deliver(
    account: Account,
    password: str,
    sender: str,
    recipient: str,
    message: bytes,
    retry_delays: Sequence[float],
    timeout: float,
) -> tuple[str, str | None]:
    """SMTP with retries after temporary failures: (state, error) to record."""
    delays = list(retry_delays)
    while True:
        try:
            smtp.send_message(
                account,
                password,
                sender=sender,
                recipient=recipient,
                message=message,
                timeout=timeout,
            )
            return SENT, None
        except smtp.SmtpTemporary as exc:
            if not delays:
                return FAILED, f"{exc} (tried {len(retry_delays) + 1} times); try again later"
            log.info("temporary SMTP failure, retrying: %s", exc)
            time.sleep(delays.pop(0))
        except smtp.SmtpUncertain as exc:
            log.warning("send may have gone through: %s", exc)
            return UNKNOWN, UNKNOWN_ERROR
        except NextLeadError as exc:  # refused, wrong password, TLS or settings
            return FAILED, str(exc)
        except Exception:  # a bug here must not invite a second send: the user checks Sent
            log.exception("unexpected failure while sending")
            return UNKNOWN, UNKNOWN_ERROR


def _tidy_mailbox(
    store: Store, account: Account, password: str, ask_id: int, row: Any, message: bytes
) -> None:
    """After a send: a copy in Sent (unless the provider keeps one) and the draft removed.
    The message has left either way, so trouble here is a note on the sent ask, not a failure."""
    notes = []
    try:
        client = imap.connect(account, password)
    except NextLeadError as exc:
        store.set_ask_error(
            ask_id, f"sent; but the Sent copy and the draft's removal failed: {exc}"
        )
        return
    try:
        if not _keeps_sent_copy(account, client):
            try:
                client.append(_sent_folder(client), message, flags=[b"\\Seen"])
            except (IMAPClientError, OSError) as exc:
                notes.append(f"no copy was saved in Sent ({_one_line(exc)})")
        try:
            if _remove_draft(client, row):
                store.draft_removed(ask_id)
        except (IMAPClientError, OSError) as exc:
            notes.append(f"the draft is still in Drafts ({_one_line(exc)})")
    finally:
        imap._close(client)
    if notes:
        store.set_ask_error(ask_id, "sent; but " + " and ".join(notes))


def _keeps_sent_copy(account: Account, client: IMAPClient) -> bool:
    """Gmail files what its SMTP server sends in Sent Mail by itself."""
    host = account.imap_host.lower().rstrip(".")
    return host.endswith(("gmail.com", "googlemail.com")) or imap.is_gmail(client)


def _sent_folder(client: IMAPClient) -> str:
    return drafts_mod.special_folder(client, SENT_FLAG, FALLBACK_SENT)


def _remove_draft(client: IMAPClient, row: Any) -> bool:
    """Delete the ask's draft: by UID when that UID still holds our Message-ID, else found by
    its Message-ID. True if Drafts no longer holds it."""
    folder = row["drafts_folder"] or client.find_special_folder(DRAFTS_FLAG)
    if not folder or not client.folder_exists(folder):
        return False
    message_id = row["draft_message_id"]
    client.select_folder(folder)
    uids: list[int] = []
    if row["draft_uid"]:
        fetched = client.fetch([row["draft_uid"]], [b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        header = b"".join(
            v for d in fetched.values() for k, v in d.items() if k.startswith(b"BODY[") and v
        )
        if message_id.encode() in header:
            uids = [row["draft_uid"]]
    if not uids:
        uids = list(client.search(["HEADER", "Message-ID", message_id]))
    if uids:
        client.delete_messages(uids)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)
        else:
            client.expunge()
    return True


def _account_for(config: Config, store: Store, ask_id: int) -> Account:
    """The account whose mailbox the rejection came from; asks from a local scan (an mbox
    export) go out through the first account."""
    name = store.ask_account(ask_id)
    if name == "demo":
        raise NotSendable("this ask belongs to the demo mailbox: it is an example, never sent")
    if not config.accounts:
        raise ConfigError(
            f"no account in {config.path} to send with: add one with `nextlead account add`"
        )
    for account in config.accounts:
        if account.name == name:
            return account
    if name == "local":
        return config.accounts[0]
    raise ConfigError(
        f"ask {ask_id} came from account {name!r}, which is no longer in {config.path}"
    )


def _clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise SendError("the reply is empty; write something or leave the draft as it is")
    if len(text) > MAX_BODY_CHARS:
        raise SendError(f"the reply is over {MAX_BODY_CHARS} characters; shorten it")
    return text.rstrip() + "\n"


def _domain(address: str) -> str | None:
    domain = address.rpartition("@")[2].strip().strip(">")
    return domain if "." in domain and domain.isascii() else None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
