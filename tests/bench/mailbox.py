"""The benchmark's mailbox: a job seeker's INBOX, generated the same way every time.

About 3% are rejections and 3% other job-search mail, both taken from the labelled fixtures
(tests/fixtures/corpus/tune and tests/fixtures/mailbox) with fresh Message-IDs, dates and
candidate names; the rest is generated noise (personal mail, newsletters, notifications, job
alerts, threads) in plain text, HTML or both, in several charsets and transfer encodings.
About 15% of all messages carry a 1-5 MB attachment (a CV, a portfolio, photos), sometimes
before the text part, so the text is not always section 1. Every message is derived from its
index alone (its own seeded RNG), so "the 100 new messages" of a later run are as
reproducible as the first 10,000.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS = FIXTURES / "corpus" / "tune"
MAILBOX = FIXTURES / "mailbox"

# Bump when the generator changes: the seeded-Maildir cache is keyed by it.
SEED_VERSION = 4
REJECTION_SHARE = 0.03
CORPUS_OTHER_SHARE = 0.03
ATTACHMENT_SHARE = 0.15
ATTACHMENT_MIN, ATTACHMENT_MAX = 1_000_000, 5_000_000  # encoded bytes in the message
END = datetime(2026, 10, 1, tzinfo=UTC)  # the mailbox spans the two years before this
SPAN = timedelta(days=730)
OWN_ADDRESS = "jordan.rivera@example.net"

_FIRST = (
    "Alex Sam Robin Taylor Morgan Casey Jamie Riley Avery Quinn Noor Mei Lars Ines Tomas "
    "Priya Kenji Amara Luca Sofia Mateo Yara Emil Zoe Omar Hana Felix Lena Ravi Ada"
)
FIRST = _FIRST.split()
_LAST = (
    "Kim Novak Okafor Silva Berg Haddad Tanaka Moreau Rossi Jansen Kowalski Duarte Lindqvist "
    "Mensah Ortega Fischer Byrne Costa Ivanova Nakamura Dubois Patel Weber Romero Hughes"
)
LAST = _LAST.split()
_DOMAINS = (
    "mailhub.example riverpost.example kestrel.example orbitmail.example fjord.example "
    "tallowby.example quayside.example"
)
DOMAINS = _DOMAINS.split()
_WORDS = (
    "the a and of to in for on with at from by about as into like through after over between "
    "out against during without before under around among weekend garden dinner train coffee "
    "book music concert photos trip holiday family birthday weather morning evening river "
    "mountain city market bakery bicycle recipe kitchen paint window door table chair lamp "
    "sofa plant flower tree bird dog cat neighbour friend sister brother cousin parents kids "
    "school homework football tennis swim run walk park beach lake island bridge museum film "
    "series episode podcast article newsletter update invoice receipt order delivery parcel "
    "package tracking payment account statement subscription renewal discount sale offer "
    "coupon ticket booking flight hotel reservation check confirm schedule reminder meeting "
    "lunch breakfast tea cake bread cheese apple orange lemon soup pasta rice salad pizza "
    "yesterday today tomorrow soon later early late quick slow bright quiet warm cold sunny "
    "rainy windy cloudy lovely great nice good fine happy busy tired ready sure maybe really "
    "very quite just also still again always never often sometimes usually perhaps thanks "
    "please hello cheers see soon call text message photo video link share send bring take "
    "make cook bake plan visit stay leave arrive return start finish open close move fix build"
)
WORDS = _WORDS.split()
_JOB_TITLES = (
    "Data Engineer|Product Designer|Backend Developer|Marketing Manager|Analyst|"
    "Project Coordinator|UX Researcher|Site Reliability Engineer|Account Executive"
)
JOB_TITLES = _JOB_TITLES.split("|")
ATTACHMENTS = (
    ("application/pdf", "CV_{name}.pdf"),
    ("application/pdf", "Portfolio_{name}_2026.pdf"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Resume.docx"),
    ("image/jpeg", "IMG_{n}.jpg"),
    ("application/zip", "photos-{n}.zip"),
)


@dataclass(frozen=True)
class Seeded:
    """One generated message and what the benchmark knows about it."""

    index: int
    raw: bytes
    when: datetime  # the INTERNALDATE it is appended with (SEARCH SINCE uses this)
    message_id: str
    source: str  # a fixture's file name, or "noise:<kind>"
    label: bool  # a rejection by the corpus label (noise is never one)
    attachment: int  # encoded attachment bytes, 0 for none
    structure: str  # "single", "alternative", "mixed-text-first", "mixed-attachment-first"

    def entry(self) -> dict:
        entry = asdict(self)
        del entry["raw"]
        entry["when"] = self.when.isoformat()
        entry["size"] = len(self.raw)
        return entry


@dataclass(frozen=True)
class Source:
    name: str
    raw: bytes
    label: bool


def crlf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def sources() -> tuple[list[Source], list[Source]]:
    """(rejections, other job mail) from the labelled fixtures, sorted by name."""
    labels = {}
    for line in (CORPUS / "labels.jsonl").read_text().splitlines():
        item = json.loads(line)
        labels[item["file"]] = bool(item["is_rejection"])
    found = [Source(name, crlf((CORPUS / name).read_bytes()), lab) for name, lab in labels.items()]
    for path in sorted(MAILBOX.glob("*.eml")):
        found.append(
            Source(f"mailbox/{path.name}", crlf(path.read_bytes()), "rejection" in path.name)
        )
    found.sort(key=lambda s: s.name)
    return [s for s in found if s.label], [s for s in found if not s.label]


def fixtures_digest() -> str:
    """Changes when a fixture the mailbox is made from changes (part of the cache key)."""
    digest = hashlib.sha256()
    rejections, others = sources()
    for source in rejections + others:
        digest.update(source.name.encode() + b"\0" + source.raw)
    return digest.hexdigest()[:10]


class Generator:
    """Message `index` of the benchmark mailbox of `size` messages, always the same bytes."""

    def __init__(self, size: int):
        self.size = size
        self.rejections, self.others = sources()
        # 70,000 base64 lines of 76 characters (57 random bytes each) plus CRLF: 5.46 MB.
        pool = random.Random(f"pool:{SEED_VERSION}").randbytes(57 * 70_000)
        encoded = base64.encodebytes(pool).replace(b"\n", b"\r\n")
        self._pool = encoded + encoded  # an attachment's window may wrap around
        self._pool_lines = 70_000

    def messages(self, start: int, count: int) -> Iterator[Seeded]:
        for index in range(start, start + count):
            yield self.message(index)

    def when(self, index: int, rng: random.Random) -> datetime:
        if index >= self.size:  # mail that arrived after the first scan
            return END + timedelta(minutes=index - self.size + 1)
        base = END - SPAN + SPAN * (index / self.size)
        return base + timedelta(seconds=rng.randrange(3600))

    def message(self, index: int, attachments: bool = True) -> Seeded:
        """`attachments=False` leaves them out (what a scan fetches of it), same text."""
        rng = random.Random(f"{SEED_VERSION}:{index}")
        when = self.when(index, rng)
        roll = rng.random()
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if roll < REJECTION_SHARE + CORPUS_OTHER_SHARE:
            source = rng.choice(self.rejections if roll < REJECTION_SHARE else self.others)
            raw, message_id = vary(source.raw, index, when, first, last, rng)
            name, label = source.name, source.label
        else:
            kind, raw, message_id = noise(index, when, first, last, rng)
            name, label = f"noise:{kind}", False
        structure = "alternative" if b"multipart/alternative" in raw[:4000] else "single"
        attachment = 0
        if rng.random() < ATTACHMENT_SHARE and attachments:
            attachment = rng.randrange(ATTACHMENT_MIN, ATTACHMENT_MAX)
            first_part = rng.random() < 0.25
            raw = self.attach(raw, attachment, first_part, first, rng)
            structure = "mixed-attachment-first" if first_part else "mixed-text-first"
        return Seeded(index, raw, when, message_id, name, label, attachment, structure)

    def attach(self, raw: bytes, size: int, first: bool, name: str, rng: random.Random) -> bytes:
        """The message wrapped in multipart/mixed with a base64 attachment of `size` bytes."""
        head, _, body = raw.partition(b"\r\n\r\n")
        fields = re.split(rb"\r\n(?![ \t])", head)
        content = [
            f for f in fields if f.lower().startswith((b"content-type:", b"content-transfer"))
        ]
        rest = [
            f for f in fields if f not in content and not f.lower().startswith(b"mime-version:")
        ]
        if not any(f.lower().startswith(b"content-type:") for f in content):
            content.insert(0, b'Content-Type: text/plain; charset="us-ascii"')
        ctype, filename = rng.choice(ATTACHMENTS)
        filename = filename.format(name=name, n=rng.randrange(1000, 9999))
        start = rng.randrange(self._pool_lines)
        data = self._pool[start * 78 : (start + size // 78 + 1) * 78]
        boundary = f"=_bench_{rng.getrandbits(64):016x}".encode()
        text_part = b"\r\n".join(content) + b"\r\n\r\n" + body
        attachment = (
            f'Content-Type: {ctype}; name="{filename}"\r\n'
            f'Content-Disposition: attachment; filename="{filename}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode() + data
        parts = [attachment, text_part] if first else [text_part, attachment]
        out = [
            b"\r\n".join(rest),
            b'\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="',
            boundary,
            b'"\r\n\r\nThis is a multi-part message in MIME format.\r\n',
        ]
        for part in parts:
            out += [b"--", boundary, b"\r\n", part.rstrip(b"\r\n"), b"\r\n"]
        out += [b"--", boundary, b"--\r\n"]
        return b"".join(out)


_MESSAGE_ID = re.compile(rb"(?im)^message-id:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n")
_DATE = re.compile(rb"(?im)^date:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n")


def vary(
    raw: bytes, index: int, when: datetime, first: str, last: str, rng: random.Random
) -> tuple[bytes, str]:
    """A fixture as a new message: its own Message-ID and date, another candidate's name."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    head += b"\r\n"
    domain = re.search(rb"(?im)^message-id:\s*<[^@>]*@([^>]+)>", head)
    message_id = f"<bench.{index}.{rng.getrandbits(40):010x}@{(domain.group(1).decode() if domain else 'bench.example')}>"
    head = _MESSAGE_ID.sub(b"", head)
    head = _DATE.sub(b"", head)
    head = (
        f"Message-ID: {message_id}\r\nDate: {format_datetime(when)}\r\n".encode() + head
    ).rstrip(b"\r\n")
    varied = (
        (head + sep + body).replace(b"Jordan", first.encode()).replace(b"Rivera", last.encode())
    )
    return varied, message_id


def noise(
    index: int, when: datetime, first: str, last: str, rng: random.Random
) -> tuple[str, bytes, str]:
    """(kind, bytes, Message-ID) of one generated non-job message."""
    kind = rng.choices(
        ("personal", "newsletter", "html_only", "notification", "job_alert", "thread", "long_html"),
        weights=(25, 25, 15, 15, 9, 10, 1),
    )[0]
    domain = rng.choice(DOMAINS)
    sender = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    message_id = f"<noise.{index}.{rng.getrandbits(40):010x}@{domain}>"
    subject = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 9))).capitalize()
    headers = [
        f"From: {sender} <{sender.lower().replace(' ', '.')}@{domain}>",
        f"To: {first} {last} <{OWN_ADDRESS}>",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {message_id}",
    ]
    paragraphs = [_sentences(rng, rng.randrange(2, 7)) for _ in range(rng.randrange(1, 6))]
    if kind == "personal":
        body = f"Hi {first},\n\n" + "\n\n".join(paragraphs) + f"\n\n{sender.split()[0]}\n"
        return kind, _single(headers, "plain", body, rng), message_id
    if kind == "notification":
        headers[0] = f"From: {domain.split('.')[0].title()} <no-reply@{domain}>"
        body = "\n\n".join(paragraphs) + "\n\nThis is an automated message.\n"
        return kind, _single(headers, "plain", body, rng), message_id
    if kind == "thread":
        quoted = "\n".join("> " + line for line in _sentences(rng, 12).split(". "))
        headers.append(f"In-Reply-To: <noise.{max(index - 1, 0)}@{domain}>")
        body = f"{_sentences(rng, 3)}\n\nOn {format_datetime(when)}, {first} wrote:\n{quoted}\n"
        return kind, _single(headers, "plain", body, rng), message_id
    bulk = kind in ("newsletter", "job_alert", "long_html")
    if bulk:
        headers += [
            f"List-Unsubscribe: <mailto:leave-{index}@{domain}>",
            f"List-Id: <news.{domain}>",
            "Precedence: bulk",
        ]
    if kind == "job_alert":
        items = "".join(
            f"<tr><td><a href='https://{domain}/j/{rng.randrange(10**6)}'>"
            f"{rng.choice(JOB_TITLES)}</a></td><td>{rng.choice(LAST)} GmbH</td></tr>"
            for _ in range(rng.randrange(5, 15))
        )
        html = f"<html><body><h2>New jobs for you</h2><table>{items}</table></body></html>"
        paragraphs = ["New jobs for you"]
    else:
        repeat = 60 if kind == "long_html" else 1
        html = (
            "<html><head><style>p{margin:0 0 1em}</style></head><body>"
            + "".join(
                f"<div class='c'><p>{p}</p><img src='https://{domain}/i{n}.png'></div>"
                for n, p in enumerate(paragraphs * repeat)
            )
            + f"<p><a href='https://{domain}/unsubscribe'>Unsubscribe</a></p></body></html>"
        )
    if kind == "html_only" or rng.random() < 0.3:
        return kind, _single(headers, "html", html, rng), message_id
    boundary = f"=_alt_{rng.getrandbits(48):012x}"
    plain = "\n\n".join(paragraphs) + "\n"
    parts = [_part("plain", plain, rng), _part("html", html, rng)]
    raw = (
        "\r\n".join(
            [
                *headers,
                "MIME-Version: 1.0",
                f'Content-Type: multipart/alternative; boundary="{boundary}"',
            ]
        ).encode()
        + b"\r\n\r\n"
    )
    for part in parts:
        raw += f"--{boundary}\r\n".encode() + part + b"\r\n"
    raw += f"--{boundary}--\r\n".encode()
    return kind, raw, message_id


def _sentences(rng: random.Random, count: int) -> str:
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(5, 16))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def _part(subtype: str, text: str, rng: random.Random) -> bytes:
    """A text part's headers and body in one of the usual charsets and encodings."""
    charset, encoding = rng.choice(
        (
            ("utf-8", "7bit"),
            ("utf-8", "quoted-printable"),
            ("utf-8", "base64"),
            ("iso-8859-1", "quoted-printable"),
        )
    )
    data = text.replace("\n", "\r\n").encode(charset)
    if encoding == "base64":
        data = base64.encodebytes(data).replace(b"\n", b"\r\n")
    elif encoding == "quoted-printable":
        import quopri

        data = quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return (
        f'Content-Type: text/{subtype}; charset="{charset}"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n\r\n"
    ).encode() + data


def _single(headers: list[str], subtype: str, text: str, rng: random.Random) -> bytes:
    return (
        "\r\n".join([*headers, "MIME-Version: 1.0"]).encode() + b"\r\n" + _part(subtype, text, rng)
    )
