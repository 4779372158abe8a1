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
_APPENDUID = re.compile(rb"APPENDUID \d+ ([\d:,]+)", re.I)
SEARCH_IDS = 50  # Message-IDs OR'd in one SEARCH: a command line well under servers' limits
APPEND_DRAFTS = 50  # drafts per MULTIAPPEND, and per commit of their places in Drafts


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
        formataddr((_text(from_name), one_line(from_addr))) if from_name else one_line(from_addr)
    )
    msg["To"] = _text(to)
    msg["Subject"] = _text(subject)
    msg["Date"] = format_datetime(localtime())
    msg["Message-ID"] = one_line(message_id)
    if in_reply_to and _THREAD_ID.fullmatch(in_reply_to):
        msg["In-Reply-To"] = in_reply_to
    threading = [r for r in references if _THREAD_ID.fullmatch(r)]
    if threading:
        msg["References"] = " ".join(threading)
    msg["X-Mailer"] = "NextLead"
    msg.set_content(body)
    return msg.as_bytes()


# A Message-ID the email package keeps as it is: printable ASCII, nothing it would read as an
# RFC 2047 encoded word ("<a32f=?utf-8?b?6d18?=0.t96@...>" once made the draft unbuildable).
_THREAD_ID = re.compile(r"<(?:(?!=\?)[\x21-\x3b\x3d\x3f-\x7e])+>")


def _text(value: str) -> str:
    """A header's text on one line, with any "=?" the rejection left undecoded (a broken
    encoded word) kept as text rather than decoded again into bytes no charset can write."""
    return one_line(value).replace("=?", "= ?")


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


def append_drafts(
    client: IMAPClient, folder: str, messages: dict[str, bytes]
) -> dict[str, int | None]:
    """APPEND these drafts (by Message-ID): their UIDs, None where the server named none.

    In one MULTIAPPEND (RFC 3502) where the server offers it: one round trip instead of one
    per draft, and all of them stored or none. Where it does not (Gmail), one APPEND each."""
    if not messages:
        return {}
    if len(messages) > 1 and client.has_capability("MULTIAPPEND"):
        response = client.multiappend(
            folder, [{"msg": message, "flags": [b"\\Draft"]} for message in messages.values()]
        )
        uids = _appended_uids(response)
        if len(uids) != len(messages):
            found = drafts_by_message_id(client, folder, list(messages))
            uids = [found.get(message_id) for message_id in messages]
        return dict(zip(messages, uids, strict=True))
    return {
        message_id: _append_one(client, folder, message_id, message)
        for message_id, message in messages.items()
    }


def _append_one(client: IMAPClient, folder: str, message_id: str, message: bytes) -> int | None:
    response = client.append(folder, message, flags=[b"\\Draft"])
    uids = _appended_uids(response)
    return uids[0] if uids else find_by_message_id(client, folder, message_id)


def _appended_uids(response) -> list[int]:
    """The UIDs an APPENDUID response code (RFC 4315) names, in the order appended."""
    if isinstance(response, tuple):  # multiappend answers (typ, data)
        response = b" ".join(part for part in response[1] if isinstance(part, bytes))
    match = _APPENDUID.search(response if isinstance(response, bytes) else b"")
    if not match:
        return []
    uids: list[int] = []
    for piece in match.group(1).split(b","):
        first, _, last = piece.partition(b":")
        low, high = int(first), int(last or first)
        uids.extend(range(low, high + 1) if low <= high else range(low, high - 1, -1))
    return uids


def thread_id(client: IMAPClient, folder: str, uid: int) -> int | None:
    """Gmail's X-GM-THRID of a message, where the server has Gmail's extensions."""
    if not client.has_capability("X-GM-EXT-1"):
        return None
    client.select_folder(folder, readonly=True)
    data = client.fetch([uid], [b"X-GM-THRID"]).get(uid, {})
    return data.get(b"X-GM-THRID")
