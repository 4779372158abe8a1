"""Reading a mailbox over IMAP: connect, then fetch new messages cheaply and without marking them.

Only the header fields NextLead reads and the one text part it needs are fetched
(BODY.PEEK, guided by BODYSTRUCTURE), so attachments are never downloaded and messages stay
unread. Each fetched message is rebuilt as small RFC 5322 bytes that `parse_email` reads.
"""

from __future__ import annotations

import contextlib
import logging
import re
import ssl
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError
from imapclient.imapclient import join_message_ids

from ..config import Account
from ..errors import AuthError, MailServerError
from .fetch_response import parse_fetch

HEADER_FIELDS = (
    b"FROM",
    b"REPLY-TO",
    b"TO",
    b"SUBJECT",
    b"DATE",
    b"MESSAGE-ID",
    b"IN-REPLY-TO",
    b"REFERENCES",
    b"AUTO-SUBMITTED",
    b"LIST-ID",
    b"LIST-UNSUBSCRIBE",
    b"PRECEDENCE",
    b"X-AUTOREPLY",
    b"CONTENT-LANGUAGE",
)
HEADER_ITEM = b"BODY.PEEK[HEADER.FIELDS (" + b" ".join(HEADER_FIELDS) + b")]"
TEXT_BYTES = 65_536  # enough of any text part to judge it; the rest is never fetched
BATCH = 200
SEARCH_UIDS = 20_000  # UIDs per SEARCH when listing new mail (see new_uids)
MAX_DEPTH = 12
TIMEOUT = 30.0  # seconds a connect or a read may take before the connection counts as lost
RECONNECT_DELAYS = (1.0, 2.0, 4.0)  # seconds before each reconnect after a lost connection
MAX_RECONNECTS = 30  # per session, however much each connection got done
_TOKEN = re.compile(rb"[^\x21-\x7e]|[\"\\]")
log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class FetchedMessage:
    uid: int
    raw: bytes  # headers plus the chosen text part, as parseable RFC 5322 bytes
    size: int  # the whole message's size on the server
    gm_msgid: int | None = None
    gm_thrid: int | None = None


@dataclass(frozen=True)
class TextPart:
    section: str
    subtype: str
    charset: str
    encoding: str


def connect(account: Account, password: str, timeout: float = TIMEOUT) -> IMAPClient:
    """A logged-in IMAPClient; failures become one-line errors that name the fix."""
    context = tls_context(account)
    where = f"{account.imap_host}:{account.imap_port}"
    try:
        client = IMAPClient(
            account.imap_host,
            port=account.imap_port,
            ssl=account.imap_security == "ssl",
            ssl_context=context,
            timeout=timeout,
        )
        if account.imap_security == "starttls":
            client.starttls(context)
    except ssl.SSLCertVerificationError as exc:
        raise MailServerError(
            f"the certificate of {where} does not verify ({exc.verify_message});"
            " set ca_file, or tls_verify = false for this account if you trust"
            " it"
        ) from None
    except ssl.SSLError as exc:
        raise MailServerError(
            f"TLS with {where} failed ({exc.reason}); check imap_port and "
            "imap_security (ssl for 993, starttls or none for 143)"
        ) from None
    except TimeoutError:
        raise MailServerError(
            f"{where} did not answer in {timeout:g} s; check imap_host and imap_port"
        ) from None
    except OSError as exc:
        raise MailServerError(
            f"cannot reach {where} ({exc.strerror or exc}); check imap_host and imap_port"
        ) from None
    except IMAPClientError as exc:
        raise MailServerError(f"{where} refused the connection: {_one_line(exc)}") from None
    try:
        client.login(account.username, password)
    except LoginError:
        _close(client)
        raise AuthError(
            f"{where} refused the login for {account.username}: check the password "
            "(Gmail needs an app password; one that was revoked or expired needs a new one)"
        ) from None
    except (IMAPClientError, OSError) as exc:
        _close(client)
        raise MailServerError(f"login to {where} failed: {_one_line(exc)}") from None
    return client


def tls_context(account: Account) -> ssl.SSLContext | None:
    if account.imap_security == "none":
        return None
    context = ssl.create_default_context(cafile=account.ca_file or None)
    if not account.tls_verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _close(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:
        _drop(client)


def _drop(client: IMAPClient) -> None:
    """Close a connection that is broken or stalled at once: a LOGOUT would wait for an answer
    that may never come."""
    with contextlib.suppress(Exception):
        client.shutdown()


class Session:
    """A logged-in connection that comes back when it drops, for work that can resume.

    `run(step)` calls `step(client)`. When the connection fails under it (dropped, timed out,
    a TLS error, the server saying BYE), the session waits, logs in again and calls `step`
    once more with the new client, after each of `delays` in turn (exponential backoff), then
    gives up with one line. A step must resume from what it has committed (a folder scan from
    the store's last UID; a draft is looked up by its Message-ID before APPEND), so running it
    again repeats no work. A step that moved on before the drop (`progress()` changed) earns a
    fresh set of delays: a long scan over a flaky link goes on while each connection helps (up
    to MAX_RECONNECTS in all).
    """

    def __init__(
        self,
        account: Account,
        password: str,
        *,
        delays: Sequence[float] | None = None,
        timeout: float = TIMEOUT,
        progress: Callable[[], object] = lambda: None,
        task: str = "the scan",
    ):
        self.account, self.password, self.timeout = account, password, timeout
        self.delays = tuple(RECONNECT_DELAYS if delays is None else delays)
        self.progress, self.task = progress, task
        self.where = f"{account.imap_host}:{account.imap_port}"
        self.reconnects = 0
        self.client = connect(account, password, timeout)
        self._broken = False

    def run(self, step: Callable[[IMAPClient], T]) -> T:
        """`step(client)`, run again on a new connection after the connection fails under it."""
        delays, mark = list(self.delays), self.progress()
        while True:
            try:
                return step(self.client)
            except (IMAPClientError, OSError) as exc:
                reason = _one_line(exc) or type(exc).__name__
            self._broken = True
            _drop(self.client)
            if self.progress() != mark and self.reconnects < MAX_RECONNECTS:
                delays, mark = list(self.delays), self.progress()
            self._reconnect(delays, reason)

    def _reconnect(self, delays: list[float], reason: str) -> None:
        """Log in again after the next of `delays`; a connect that fails costs a delay too."""
        while delays:
            delay = delays.pop(0)
            log.warning(
                "lost the connection to %s during %s (%s); reconnecting in %g s",
                self.where,
                self.task,
                reason,
                delay,
            )
            time.sleep(delay)
            self.reconnects += 1
            try:
                self.client = connect(self.account, self.password, self.timeout)
            except MailServerError as exc:
                reason = str(exc)
                continue
            self._broken = False
            return
        raise MailServerError(
            f"{self.account.imap_host} failed during {self.task}: {reason} (gave up after "
            f"{self.reconnects} reconnects); run {self.task} again to resume"
        )

    def close(self) -> None:
        if self._broken:
            _drop(self.client)
        else:
            _close(self.client)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def is_gmail(client: IMAPClient) -> bool:
    return client.has_capability("X-GM-EXT-1")


def nothing_new(selected: dict, last_uid: int) -> bool:
    """Whether the folder just SELECTed has no UID above `last_uid`, by its UIDNEXT alone.

    UIDs only grow, so a rescan needs no SEARCH (and no CONDSTORE/QRESYNC state: NextLead
    never looks at flags or expunges) when UIDNEXT says nothing arrived. A server that omits
    UIDNEXT gets the SEARCH."""
    uidnext = selected.get(b"UIDNEXT")
    return uidnext is not None and int(uidnext) <= last_uid + 1


def new_uids(
    client: IMAPClient, last_uid: int, since: date | None = None, uidnext: int | None = None
) -> array[int]:
    """UIDs above `last_uid` in the selected folder, oldest first, 8 bytes each.

    With the folder's UIDNEXT (from SELECT), asked for SEARCH_UIDS UIDs at a time: a SEARCH
    reply for 50,000 UIDs takes ~11 MB to parse, so a window keeps listing a mailbox of any
    size in bounded memory. Mail that arrives meanwhile (UIDs from UIDNEXT on) is the next
    scan's."""
    found: array[int] = array("L")
    if not uidnext:
        found.extend(_search_uids(client, f"{last_uid + 1}:*", last_uid, since))
        return found
    for low in range(last_uid + 1, uidnext, SEARCH_UIDS):
        high = min(low + SEARCH_UIDS, uidnext) - 1
        found.extend(_search_uids(client, f"{low}:{high}", last_uid, since))
    return found


def _search_uids(client: IMAPClient, uid_set: str, last_uid: int, since: date | None) -> list[int]:
    criteria: list = ["UID", uid_set]
    if since:
        criteria += ["SINCE", since]
    # "n:*" always matches the highest UID, even one below n: filter it out.
    return sorted(uid for uid in client.search(criteria) if uid > last_uid)


def fetch_messages(client: IMAPClient, uids: list[int]) -> Iterator[FetchedMessage]:
    """Headers and the readable text part of each UID, in batches."""
    for batch in fetch_batches(client, uids):
        yield from batch


def fetch_batches(
    client: IMAPClient, uids: Sequence[int], size: int | None = None
) -> Iterator[list[FetchedMessage]]:
    """`fetch_messages` a batch at a time: what a scan commits (and hands to its judges) in one
    go. One FETCH of BODYSTRUCTURE and the header fields, then one FETCH per distinct text
    section, so a batch of `size` messages costs a few round trips, not `size`."""
    size = size or BATCH
    gmail = is_gmail(client)
    items = [b"BODYSTRUCTURE", b"RFC822.SIZE", HEADER_ITEM]
    if gmail:
        items += [b"X-GM-MSGID", b"X-GM-THRID"]
    for start in range(0, len(uids), size):
        batch = list(uids[start : start + size])
        heads = fetch(client, batch, items)
        parts: dict[int, TextPart | None] = {}
        for uid in batch:
            data = heads.get(uid)
            parts[uid] = readable_part(data.get(b"BODYSTRUCTURE")) if data else None
        texts = _fetch_texts(client, parts)
        fetched = []
        for uid in batch:
            data = heads.get(uid)
            if data is None:  # expunged between SEARCH and FETCH
                continue
            part = parts[uid]
            fetched.append(
                FetchedMessage(
                    uid=uid,
                    raw=rebuild(_header_bytes(data), part, texts.get(uid, b"")),
                    size=int(data.get(b"RFC822.SIZE") or 0),
                    gm_msgid=data.get(b"X-GM-MSGID"),
                    gm_thrid=data.get(b"X-GM-THRID"),
                )
            )
        if fetched:
            yield fetched


def fetch(client: IMAPClient, uids: list[int], items: list[bytes]) -> dict[int, dict]:
    """`client.fetch(uids, items)`, the response read by fetch_response (see there why).

    Sent through imapclient's imaplib connection, as its own fetch sends it, so a lost
    connection or a timeout raises the same errors."""
    if not uids:
        return {}
    typ, data = client._imap.uid("FETCH", join_message_ids(uids), b"(" + b" ".join(items) + b")")
    if typ != "OK":
        raise IMAPClientError(f"fetch failed: {_text(data[-1] if data else b'')}")
    return parse_fetch([d for d in data if d is not None], uids)


def _header_bytes(data: dict) -> bytes:
    for key, value in data.items():
        if isinstance(key, bytes) and key.startswith(b"BODY[HEADER") and value:
            return value
    return b""


def _fetch_texts(client: IMAPClient, parts: dict[int, TextPart | None]) -> dict[int, bytes]:
    """One FETCH per distinct section, each asking only the first TEXT_BYTES of the part."""
    by_section: dict[str, list[int]] = {}
    for uid, part in parts.items():
        if part:
            by_section.setdefault(part.section, []).append(uid)
    texts: dict[int, bytes] = {}
    for section, uids in by_section.items():
        item = f"BODY.PEEK[{section}]<0.{TEXT_BYTES}>".encode()
        for uid, data in fetch(client, uids, [item]).items():
            for key, value in data.items():
                if isinstance(key, bytes) and key.startswith(b"BODY[") and value:
                    texts[uid] = value
    return texts


def readable_part(structure, section: str = "", depth: int = 0) -> TextPart | None:
    """The section to read: the first inline text/plain, else the first inline text/html."""
    found = list(_text_parts(structure, section, depth))
    for wanted in ("plain", "html"):
        for part in found:
            if part.subtype == wanted:
                return part
    return None


def _text_parts(structure, prefix: str, depth: int) -> Iterator[TextPart]:
    if structure is None or depth > MAX_DEPTH:
        return
    if structure.is_multipart:
        for index, child in enumerate(structure[0], 1):
            yield from _text_parts(child, f"{prefix}{index}.", depth + 1)
        return
    kind = _text(structure[0]).lower()
    subtype = _text(structure[1]).lower()
    if kind != "text" or subtype not in ("plain", "html"):
        return
    disposition = structure[9] if len(structure) > 9 else None
    if (
        isinstance(disposition, tuple)
        and disposition
        and _text(disposition[0]).lower() == "attachment"
    ):
        return
    params = structure[2] or ()
    charset = "us-ascii"
    for key, value in zip(params[::2], params[1::2], strict=False):
        if _text(key).lower() == "charset":
            charset = _text(value)
    yield TextPart(
        section=prefix.rstrip(".") or "1",
        subtype=subtype,
        charset=charset,
        encoding=_text(structure[5]) or "7bit",
    )


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace")
    return "" if value is None else str(value)


def rebuild(header: bytes, part: TextPart | None, body: bytes) -> bytes:
    """Message bytes that declare the fetched part's own type, charset and encoding."""
    header = header.rstrip(b"\r\n")
    if part is None:
        return header + b"\r\n\r\n"
    charset = _TOKEN.sub(b"", part.charset.encode("ascii", "replace"))[:40].decode()
    encoding = _TOKEN.sub(b"", part.encoding.encode("ascii", "replace"))[:20].decode()
    mime = (
        f'MIME-Version: 1.0\r\nContent-Type: text/{part.subtype}; charset="{charset}"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n"
    ).encode()
    return header + b"\r\n" + mime + b"\r\n" + body
