"""Hostile and broken mail goes through parse -> detect -> extract -> compose without an
exception, in bounded time and memory, and never puts CR/LF into a header we write."""

from __future__ import annotations

import random
import re
from email import message_from_bytes, policy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nextlead.compose import compose
from nextlead.config import Profile
from nextlead.detect import detect
from nextlead.extract import extract
from nextlead.mail.drafts import build_message
from nextlead.mail.parse import parse_email

from tests.conftest import FIXTURES

PROFILE = Profile(name="Jordan Rivera", phone="+1 555 0100")
CORPUS = sorted(FIXTURES.rglob("*.eml"))
HEADER_LINE = re.compile(rb"^[A-Za-z-]+: ", re.M)


def through_the_pipeline(raw: bytes) -> None:
    email = parse_email(raw)
    facts = extract(email)
    detect(email)
    draft = compose(email, facts, PROFILE)
    for value in (draft.subject, draft.to or "", draft.in_reply_to or "", *draft.references):
        assert "\r" not in value and "\n" not in value
    message = build_message(
        from_name=PROFILE.name,
        from_addr="jordan@example.net",
        to=draft.to or "x@example.net",
        subject=draft.subject,
        body=draft.body,
        in_reply_to=draft.in_reply_to,
        references=draft.references,
        message_id="<t@nextlead.invalid>",
    )
    head = message.split(b"\n\n", 1)[0]
    names = [m.group(0)[:-2].lower() for m in HEADER_LINE.finditer(head)]
    assert not {b"bcc", b"cc"} & set(names), head


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage of the kind mail servers and attackers produce."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        pos = rng.randrange(len(data) + 1)
        if choice < 0.25 and data:
            del data[pos : pos + rng.randint(1, 200)]
        elif choice < 0.5:
            data[pos:pos] = rng.choice(
                [
                    b"\r\n",
                    b"\x00",
                    b"=?utf-8?b?",
                    b"--",
                    b"\xff\xfe",
                    b"Content-Type: multipart/mixed; boundary=x\r\n",
                    b"=\r\n",
                    b"\r\nBcc: victim@example.com\r\n",
                ]
            )
        elif choice < 0.75 and data:
            data[pos % len(data)] = rng.randrange(256)
        else:
            data = data[:pos]
    return bytes(data)


def test_mutated_fixtures_never_break_the_pipeline():
    rng = random.Random(20261126)
    for _ in range(300):
        through_the_pipeline(mutate(rng.choice(CORPUS).read_bytes(), rng))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(raw):
    through_the_pipeline(raw)


@settings(max_examples=100, deadline=None)
@given(name=st.text(max_size=80), subject=st.text(max_size=200), body=st.text(max_size=2000))
def test_arbitrary_header_text_never_reaches_our_headers(name, subject, body):
    raw = (
        f"From: {name} <a@example.com>\r\nSubject: {subject}\r\nMessage-ID: <m@x>\r\n\r\n"
        f"Unfortunately we went with another candidate for the role. {body}"
    ).encode("utf-8", "surrogateescape")
    through_the_pipeline(raw)


def test_broken_encoded_words_in_a_rejection_still_make_a_draft():
    """A Message-ID with "=?utf-8?b?...?=" in it and a subject with a broken one (a space and a
    0xFF inside) were decoded again by the email package into bytes no charset can write."""
    raw = (FIXTURES / "parse" / "broken_encoded_words.eml").read_bytes()
    email = parse_email(raw)
    draft = compose(email, extract(email), PROFILE)
    message = build_message(
        from_name=PROFILE.name,
        from_addr="jordan@example.net",
        to=draft.to,
        subject=draft.subject,
        body=draft.body,
        in_reply_to=draft.in_reply_to,
        references=draft.references,
        message_id="<t@nextlead.invalid>",
    )
    sent = message_from_bytes(message, policy=policy.default)
    assert sent["To"] == "rthibodeaux@crescentgulf.example"
    assert sent["Subject"].startswith("Re: ") and "Bewerbung" in sent["Subject"]
    assert sent["In-Reply-To"] is None  # an id the package would garble is left out
    assert "another candidate" not in sent.get_content()  # the reply, not the rejection


def test_five_thousand_parts_and_deep_nesting():
    parts = b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\npart\r\n" for _ in range(5000))
    many = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + b"--b--\r\n"
    through_the_pipeline(many)
    nested = (
        b"".join(
            f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n".encode()
            for i in range(200)
        )
        + b"Content-Type: text/plain\r\n\r\ndeep\r\n"
    )
    through_the_pipeline(nested)


def test_a_fifty_megabyte_message():
    body = b"A" * 76 + b"\r\n"
    raw = (
        b"From: a@example.com\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n"
        b"Unfortunately the position has been filled.\r\n--z\r\n"
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + body * (50 * 1024 * 1024 // len(body))
        + b"--z--\r\n"
    )
    email = parse_email(raw)
    assert "position has been filled" in email.text
    through_the_pipeline(raw)
