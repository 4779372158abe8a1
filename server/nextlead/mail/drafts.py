"""Putting asks into the mailbox's own Drafts folder, once each.

Each draft carries a Message-ID derived from the rejection, so before an APPEND the folder is
searched for it: a crash between APPEND and the store's commit never leaves two drafts.
"""

from __future__ import annotations

import hashlib
import re
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, localtime

from imapclient import IMAPClient
from imapclient.imapclient import DRAFTS

from .parse import MESSAGE_IDS, one_line

FALLBACK_DRAFTS = "Drafts"
_APPENDUID = re.compile(rb"APPENDUID \d+ (\d+)", re.I)
SEARCH_IDS = 50  # Message-IDs OR'd in one SEARCH: a command line well under servers' limits


def draft_message_id(account: str, rejection_key: str, kind: str = "ask") -> str:
    """A stable Message-ID for the ask answering one rejection."""
    digest = hashlib.sha256(f"{account}\0{rejection_key}\0{kind}".encode()).hexdigest()[:32]
    return f"<nextlead.{digest}@nextlead.invalid>"


def build_message(
    *,
    from_name: str,
    from_addr: str,
    to: str,
    subject: str,
    body: str,
    in_reply_to: str | None,
    references: list[str],
    message_id: str,
) -> bytes:
    """An RFC 5322 reply; every header value is one line, whatever the email held."""
    msg = EmailMessage()
    msg["From"] = (
        formataddr((one_line(from_name), one_line(from_addr))) if from_name else one_line(from_addr)
    )
    msg["To"] = one_line(to)
    msg["Subject"] = one_line(subject)
    msg["Date"] = format_datetime(localtime())
    msg["Message-ID"] = one_line(message_id)
    if in_reply_to:
        msg["In-Reply-To"] = one_line(in_reply_to)
    if references:
        msg["References"] = " ".join(one_line(r) for r in references)
    msg["X-Mailer"] = "NextLead"
    msg.set_content(body)
    return msg.as_bytes()


def special_folder(client: IMAPClient, flag: bytes, fallback: str) -> str:
    """The folder flagged `flag` (SPECIAL-USE, else a common name), else `fallback`, created
    if missing."""
    folder = client.find_special_folder(flag)
    if folder:
        return folder
    if not client.folder_exists(fallback):
        client.create_folder(fallback)
    return fallback


def drafts_folder(client: IMAPClient) -> str:
    """Where drafts go: the \\Drafts folder."""
    return special_folder(client, DRAFTS, FALLBACK_DRAFTS)


def find_by_message_id(client: IMAPClient, folder: str, message_id: str) -> int | None:
    client.select_folder(folder, readonly=True)
    found = client.search(["HEADER", "Message-ID", message_id])
    return max(found) if found else None


def drafts_by_message_id(client: IMAPClient, folder: str, message_ids: list[str]) -> dict[str, int]:
    """The UID of each of these drafts already in `folder`: a SEARCH and a FETCH per
    SEARCH_IDS of them, instead of a SELECT and a SEARCH for each. Each id is searched in
    full, as `find_by_message_id` does: Gmail finds no part of one."""
    client.select_folder(folder, readonly=True)
    found: dict[str, int] = {}
    item = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
    for start in range(0, len(message_ids), SEARCH_IDS):
        chunk = message_ids[start : start + SEARCH_IDS]
        criteria = ["OR"] * (len(chunk) - 1)
        for message_id in chunk:
            criteria += ["HEADER", "Message-ID", message_id]
        uids = client.search(criteria)
        for uid, data in sorted(client.fetch(uids, [item]).items()) if uids else ():
            header = next((v for k, v in data.items() if k.startswith(b"BODY[") and v), b"")
            for message_id in MESSAGE_IDS.findall(header.decode("ascii", "replace")):
                found[message_id] = uid
    return found


def append_draft(
    client: IMAPClient,
    folder: str,
    message: bytes,
    message_id: str,
    present: dict[str, int],
) -> tuple[int | None, bool]:
    """APPEND unless a draft with this Message-ID is already there, as `present` (from
    `drafts_by_message_id`) says: (its UID, appended now)."""
    existing = present.get(message_id)
    if existing:
        return existing, False
    response = client.append(folder, message, flags=[b"\\Draft"])
    match = _APPENDUID.search(response if isinstance(response, bytes) else b"")
    uid = int(match.group(1)) if match else find_by_message_id(client, folder, message_id)
    return uid, True


def thread_id(client: IMAPClient, folder: str, uid: int) -> int | None:
    """Gmail's X-GM-THRID of a message, where the server has Gmail's extensions."""
    if not client.has_capability("X-GM-EXT-1"):
        return None
    client.select_folder(folder, readonly=True)
    data = client.fetch([uid], [b"X-GM-THRID"]).get(uid, {})
    return data.get(b"X-GM-THRID")
