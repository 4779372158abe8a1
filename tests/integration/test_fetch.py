"""The scan's FETCHes, read by fetch_response, give what imapclient's own fetch gives, over a
real Dovecot and odd mail: literals and escapes inside BODYSTRUCTURE, 8-bit names, nesting;
and what a scan fetches reads as the whole message reads, without its attachments."""

from __future__ import annotations

import random
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from nextlead.mail import imap
from nextlead.mail.parse import parse_email

from tests.integration.test_scan import all_fixtures

PARSE_FIXTURES = Path(__file__).parents[1] / "fixtures" / "parse"
# An attachment whose name holds 8-bit bytes, quotes and a backslash: Dovecot sends such
# strings as literals or escaped, in the middle of the BODYSTRUCTURE.
ODD_NAMES = (
    b"From: Ana <ana@tallerluz.example>\r\nSubject: Sobre tu candidatura\r\n"
    b"Message-ID: <odd-names@tallerluz.example>\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="==b1"\r\n\r\n'
    b'--==b1\r\nContent-Type: multipart/alternative; boundary="==b2"\r\n\r\n'
    b"--==b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHola, lo siento.\r\n"
    b"--==b2\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hola</p>\r\n--==b2--\r\n"
    b'--==b1\r\nContent-Type: application/pdf; name="Valoraci\xc3\xb3n \\"final\\".pdf"\r\n'
    b'Content-Disposition: attachment; filename="notas\\\\2024.pdf"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--==b1--\r\n"
)


def test_the_scans_fetches_read_as_imapclient_reads_them(dovecot, imap_user):
    messages = [*all_fixtures(), *(p.read_bytes() for p in sorted(PARSE_FIXTURES.glob("*.eml")))]
    dovecot.seed(imap_user, [*messages, ODD_NAMES])
    client = dovecot.client(imap_user)
    try:
        client.select_folder("INBOX", readonly=True)
        uids = client.search(["ALL"])
        items = [b"BODYSTRUCTURE", b"RFC822.SIZE", imap.HEADER_ITEM]
        ours, theirs = imap.fetch(client, uids, items), client.fetch(uids, items)
        assert ours == theirs
        assert len(ours) == len(messages) + 1
        text_items = [f"BODY.PEEK[1]<0.{imap.TEXT_BYTES}>".encode()]
        assert imap.fetch(client, uids, text_items) == client.fetch(uids, text_items)
        odd = imap.readable_part(ours[uids[-1]][b"BODYSTRUCTURE"])
        assert odd is not None and (odd.section, odd.subtype) == ("1.1", "plain")
    finally:
        client.logout()


def _letter(subject: str, text: str | None = None, html: str | None = None) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["From"] = "Dana Wells <dana@brightforge.example>"
    message["To"] = "sam@example.net"
    message["Subject"] = subject
    message["Message-ID"] = f"<{subject.replace(' ', '-')}@brightforge.example>"
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def _with_pdf(message: EmailMessage, megabytes: float, first: bool = False) -> bytes:
    pdf = random.Random(megabytes).randbytes(int(megabytes * 1_000_000))
    if first:  # the attachment before the words: some mailers put it there
        words = message.get_content()
        message.clear_content()
        message.make_mixed()
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename="cv.pdf")
        message.add_attachment(words)
        return message.as_bytes()
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="cv.pdf")
    return message.as_bytes()


NOTE = "Dear Sam,\n\nThank you for meeting the team. We will not take your application further.\n"
HTML = "<p>Dear Sam,</p><p>We have decided to go ahead with other candidates.</p>"


def test_a_scan_reads_each_message_as_in_full_without_downloading_its_attachments(
    dovecot, imap_user
):
    attached = {
        "text then cv": _with_pdf(_letter("text then cv", NOTE), 2.5),
        "cv then text": _with_pdf(_letter("cv then text", NOTE), 1.5, first=True),
        "both then cv": _with_pdf(_letter("both then cv", NOTE, HTML), 3),
        "html then cv": _with_pdf(_letter("html then cv", html=HTML), 1),
        "only a cv": _with_pdf(_letter("only a cv", ""), 2),
    }
    plain = {
        "html only": _letter("html only", html=HTML).as_bytes(),
        "both": _letter("both", NOTE, HTML).as_bytes(),
        "a long letter": _letter("a long letter", NOTE * 3000).as_bytes(),
    }
    messages = {**attached, **plain, **{str(n): raw for n, raw in enumerate(all_fixtures())}}
    dovecot.seed(imap_user, list(messages.values()))
    client = dovecot.client(imap_user)
    try:
        client.select_folder("INBOX", readonly=True)
        fetched = [
            m.raw for batch in imap.fetch_batches(client, client.search(["ALL"])) for m in batch
        ]
    finally:
        client.logout()

    assert len(fetched) == len(messages)
    for (name, raw), got in zip(messages.items(), fetched, strict=True):
        whole, read = parse_email(raw), parse_email(got)
        assert (read.subject, read.from_addr, read.message_id) == (
            whole.subject,
            whole.from_addr,
            whole.message_id,
        ), name
        if name == "a long letter":  # the first TEXT_BYTES of it, and no more
            assert len(read.text) > 60_000 and whole.text.startswith(read.text[:60_000])
            assert len(got) < imap.TEXT_BYTES + 1_000
        else:
            assert read.text == whole.text, name
        if name in attached:
            assert len(raw) > 1_000_000 and len(got) < 10_000, name
