"""fetch_response.parse_fetch reads FETCH responses as imapclient does, odd ones included."""

from __future__ import annotations

import pytest
from imapclient.exceptions import IMAPClientError
from imapclient.response_parser import parse_fetch_response
from nextlead.mail import fetch_response
from nextlead.mail.fetch_response import parse_fetch

HEADER = b"BODY[HEADER.FIELDS (FROM SUBJECT)]"
# As imaplib hands them over: a line that ends in a literal's {size} comes paired with the
# literal, and the rest of that response follows as the next record.
MIXED = [
    (
        b'7 (UID 41 RFC822.SIZE 5120 BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL'
        b' "quoted-printable" 120 4 NIL NIL NIL NIL)("application" "pdf" ("name" {14}',
        b'CV "final".pdf',
    ),
    (
        b') NIL NIL "base64" 4800 NIL ("attachment" ("filename" "cv.pdf")) NIL NIL) "mixed"'
        b' ("boundary" "=_b") NIL NIL NIL) ' + HEADER + b" {39}",
        b"From: a@b.example\r\nSubject: Your CV\r\n\r\n",
    ),
    b")",
    b'8 (UID 42 RFC822.SIZE 0123 BODYSTRUCTURE ("text" "html" ("charset" "a\\"b\\\\c") NIL'
    b' NIL "7bit" 0 0 NIL NIL NIL NIL) ' + HEADER + b' "")',
    b"9 (FLAGS (\\Seen))",  # unsolicited: a flag changed on a message nobody asked for
]


def test_reads_literals_escapes_and_nesting_as_imapclient_does():
    expected = dict(parse_fetch_response(MIXED, True, True))
    got = parse_fetch(MIXED, [41, 42])
    assert got == {uid: expected[uid] for uid in (41, 42)}
    attachment = got[41][b"BODYSTRUCTURE"][0][1]
    assert attachment[2] == (b"name", b'CV "final".pdf')  # the literal, in place
    assert got[41][b"BODYSTRUCTURE"].is_multipart
    assert got[42][b"BODYSTRUCTURE"][2] == (b"charset", b'a"b\\c')
    assert got[42][b"RFC822.SIZE"] == b"0123"  # a leading zero keeps it a string, as there
    assert got[41][HEADER].startswith(b"From: a@b.example")


def test_ordinary_responses_need_no_second_reading(monkeypatch):
    def second_reading(*args):
        raise AssertionError("read again by imapclient: the fast reader gave up")

    monkeypatch.setattr(fetch_response, "parse_fetch_response", second_reading)
    assert set(parse_fetch(MIXED, [41, 42])) == {41, 42}


def test_drops_unsolicited_responses_for_messages_not_asked_for():
    assert set(parse_fetch(MIXED, [41])) == {41}


@pytest.mark.parametrize(
    "records",
    [
        [b"5 (UID 12 X-ODD (a%b c))"],  # a character imapclient lexes apart
        [b'5 (UID 12 BODY[1] "a\\qb")'],  # an escape that is not one: kept as it came
    ],
)
def test_what_it_does_not_expect_is_read_by_imapclient_instead(records):
    assert parse_fetch(records, [12]) == dict(parse_fetch_response(records, True, True))


def test_a_broken_response_raises_as_imapclient_does():
    with pytest.raises(IMAPClientError):
        parse_fetch([b"5 (UID 12 BODY[1] {10}"], [12])  # a literal that never came
