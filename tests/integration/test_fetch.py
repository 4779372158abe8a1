"""The scan's FETCHes, read by fetch_response, give what imapclient's own fetch gives, over a
real Dovecot and odd mail: literals and escapes inside BODYSTRUCTURE, 8-bit names, nesting."""

from __future__ import annotations

from pathlib import Path

from nextlead.mail import imap

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
