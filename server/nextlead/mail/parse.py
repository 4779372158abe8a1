"""RFC 5322 bytes to an `Email` value that the rest of the pipeline can trust.

Mail is hostile and often broken, so `parse_email` never raises: unknown charsets, broken
base64, 8-bit headers and truncated multiparts are read as well as they can be, and what went
wrong is kept in `Email.defects`.
"""

from __future__ import annotations

import binascii
import codecs
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

MAX_TEXT_CHARS = 100_000
MAX_PARTS = 500
STUB_CHARS = 300  # a plain part no longer than this may only point to the HTML one
_POINTS_TO_HTML = re.compile(
    r"html|browser|navigateur|navegador|webversion|web version|online version|view (?:this|the) "
    r"(?:message|e-?mail)",
    re.I,
)
# Headers that tell automatic mail (out-of-office, lists) apart from a person writing.
KEPT_HEADERS = (
    "auto-submitted",
    "list-id",
    "list-unsubscribe",
    "precedence",
    "x-autoreply",
    "x-autorespond",
    "content-language",
)

MESSAGE_IDS = re.compile(r"<[^<>\s]+>")  # the <ids> in a Message-ID, In-Reply-To or References
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_HIDDEN_TAGS = ("script", "style", "head", "title", "img", "noscript", "template", "svg")
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
)


@dataclass(frozen=True)
class Email:
    """One message, reduced to what detection, extraction and replies need."""

    subject: str = ""
    from_name: str | None = None
    from_addr: str | None = None
    reply_to: tuple[str, ...] = ()
    date: datetime | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    text: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    defects: tuple[str, ...] = ()


# Structure is parsed under compat32, which keeps headers as the strings they arrived as:
# policy.default builds an object per header (~14 KB, a class each), and only the sender's
# name, the Reply-To and the subject ever need its decoding (see `_header`).
POLICY = policy.compat32


@lru_cache(maxsize=256)
def _decoded_header(name: str, value: str) -> str:
    """An RFC 2047 header decoded by policy.default; the same senders recur in a mailbox."""
    return str(policy.default.header_fetch_parse(name, value))


def one_line(value: str | None) -> str:
    """Collapse a header value to one clean line: no CR, LF or other control characters."""
    if not value:
        return ""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def parse_email(raw: bytes) -> Email:
    """Parse raw message bytes; never raises on malformed input."""
    defects: list[str] = []
    try:
        msg = BytesParser(policy=POLICY).parsebytes(raw)
    except Exception as exc:  # the parser is lenient; this is a last resort
        return Email(defects=(f"unparseable message: {type(exc).__name__}",))

    # Only names, subjects and addresses need policy.default's (slow) header parsing; ids,
    # dates and the kept headers are read raw, and absent headers are not looked up at all.
    raw_headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        # 8-bit bytes arrive as surrogate escapes, which SQLite and JSON refuse: decode them.
        text = str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raw_headers.setdefault(name.lower(), text)
    from_name, from_addr = _address(_header("from", defects, raw_headers))
    reply_to = tuple(a for _, a in _addresses(_header("reply-to", defects, raw_headers)) if a)
    text = _body_text(msg, defects)
    headers = {name: one_line(raw_headers[name]) for name in KEPT_HEADERS if name in raw_headers}
    in_reply_to = _message_ids(raw_headers.get("in-reply-to", ""))
    defects.extend(type(d).__name__ for d in msg.defects)
    return Email(
        subject=one_line(_header("subject", defects, raw_headers)),
        from_name=from_name,
        from_addr=from_addr,
        reply_to=reply_to,
        date=_date(raw_headers.get("date", "")),
        message_id=next(iter(_message_ids(raw_headers.get("message-id", ""))), None),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=tuple(MESSAGE_IDS.findall(raw_headers.get("references", ""))),
        text=text,
        headers=headers,
        defects=tuple(dict.fromkeys(defects)),
    )


def _header(name: str, defects: list[str], raw_headers: dict[str, str]) -> str:
    """A header as decoded text, falling back to its raw value when decoding fails."""
    if name not in raw_headers:
        return ""
    raw = raw_headers[name]
    if raw.isascii() and "=?" not in raw:
        return raw  # nothing to decode: most headers, and parsing them is half of parse_email
    try:
        return _decoded_header(name, raw)
    except Exception:
        defects.append(f"undecodable {name} header")
        return _ENCODED_WORD.sub(_quoted_word, raw)


def _addresses(value: str) -> list[tuple[str | None, str | None]]:
    pairs = []
    for name, addr in getaddresses([one_line(value)]):
        addr = addr.strip().lower()
        pairs.append((one_line(name) or None, addr if "@" in addr else None))
    return pairs


def _message_ids(value: str) -> list[str]:
    """The <ids> in a header; a lone id cut short of its ">" is still read."""
    found = MESSAGE_IDS.findall(value)
    head = value.strip().split(" ")[0].split("\r")[0].split("\n")[0]
    if not found and head.startswith("<") and len(head) > 2 and ">" not in head:
        found = [head.rstrip('"') + ">"]
    return found


@lru_cache(maxsize=1024)  # the same senders write again and again
def _address(value: str) -> tuple[str | None, str | None]:
    name, addr = parseaddr(one_line(value))
    addr = addr.strip().lower()
    return one_line(name).strip("'\" ") or None, addr if "@" in addr else None


def _quoted_word(match: re.Match[str]) -> str:
    """An RFC 2047 word as a one-line quoted string, so that what it hides (CR LF, a colon,
    an address) stays part of a display name."""
    try:
        text = str(make_header(decode_header(match.group(0))))
    except Exception:
        text = match.group(0)
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(one_line(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _body_text(msg: Message, defects: list[str]) -> str:
    """The readable text: the first inline text/plain part, else the first text/html part."""
    plain = html = None
    for count, part in enumerate(msg.walk()):
        if count >= MAX_PARTS:
            defects.append(f"more than {MAX_PARTS} MIME parts; the rest ignored")
            break
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if (
            ctype not in ("text/plain", "text/html")
            or part.get_content_disposition() == "attachment"
        ):
            continue
        if ctype == "text/plain" and plain is None:
            plain = _decode_part(part, defects)
        elif ctype == "text/html" and html is None:
            html = _decode_part(part, defects)
        if plain and not _stub(plain):
            break
    text = plain if plain and plain.strip() else ""
    if html and (not text or _stub(text)):  # "view this message in HTML": the HTML is the mail
        html_text = html_to_text(html)
        if len(html_text.strip()) > 2 * len(text.strip()):
            text = html_text
    return _tidy(text)[:MAX_TEXT_CHARS]


def _stub(plain: str) -> bool:
    """A plain part that only points to the HTML one."""
    return len(plain) <= STUB_CHARS and bool(_POINTS_TO_HTML.search(plain))


def _decode_part(part: Message, defects: list[str]) -> str:
    try:
        if "base64" in str(part.get("content-transfer-encoding", "")).lower():
            payload = lenient_base64(str(part.get_payload(decode=False) or ""))
        else:
            payload = part.get_payload(decode=True) or b""
    except Exception:
        defects.append("undecodable part payload")
        payload = b""
    if isinstance(payload, str):
        payload = payload.encode("utf-8", "replace")
    charset = (part.get_content_charset() or "us-ascii").strip().lower()
    return decode_bytes(payload, charset, defects)


def lenient_base64(text: str) -> bytes:
    """Decode what can be decoded: stray characters dropped, a cut-off tail ignored.

    The padding is put back rather than the last group dropped: "...IEx0ZA==" ends in the
    last letter of the signature's company."""
    clean = re.sub(r"[^A-Za-z0-9+/]", "", text.split("=", 1)[0])
    if len(clean) % 4 == 1:  # one character holds less than a byte
        clean = clean[:-1]
    return binascii.a2b_base64(clean + "=" * (-len(clean) % 4))


def decode_bytes(payload: bytes, charset: str, defects: list[str] | None = None) -> str:
    """Bytes to text under a declared charset, surviving unknown or lying charsets."""
    try:
        codecs.lookup(charset)
        return payload.decode(charset)
    except (LookupError, UnicodeError, ValueError, TypeError):
        pass
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        text = payload.decode("cp1252", errors="replace")
    if defects is not None:
        defects.append(f"charset {charset!r} unknown or wrong; read as best guess")
    return text


def html_to_text(html: str) -> str:
    """Readable text from HTML: no scripts, styles or images, line breaks kept.

    lxml's C parser does it ten times faster than a BeautifulSoup tree, which remains the
    fallback for what lxml refuses."""
    try:
        return _lxml_text(html)
    except (etree.LxmlError, ValueError):
        pass
    from bs4 import BeautifulSoup  # only for what lxml refuses: not loaded in most processes

    try:
        soup = BeautifulSoup(html, "lxml")
    except Exception:
        return re.sub(r"<[^>]*>", " ", html)
    for tag in soup(_HIDDEN_TAGS):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" ")
    return soup.get_text()


def _lxml_text(html: str) -> str:
    root = lxml_html.document_fromstring(html)
    etree.strip_elements(root, *_HIDDEN_TAGS, etree.Comment, with_tail=False)
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for cell in root.iter("td", "th"):
        cell.tail = " " + (cell.tail or "")
    return "".join(root.itertext())


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = text.replace("\x00", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
