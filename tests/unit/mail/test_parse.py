"""Parsing never raises and reads broken mail as well as it can."""

from __future__ import annotations

from pathlib import Path

import pytest
from nextlead.mail.parse import html_to_text, one_line, parse_email

from tests.conftest import FIXTURES, mailbox_fixture

PARSE = FIXTURES / "parse"


def parsed(name: str):
    return parse_email((PARSE / name).read_bytes())


def test_plain_message_fields():
    email = parse_email(mailbox_fixture("01_rejection_personal.eml"))
    assert email.from_name == "Priya Natarajan"
    assert email.from_addr == "priya.natarajan@lumenforge.example"
    assert email.subject == "Update on the Platform Engineer role"
    assert email.message_id == "<cand-4471.update@lumenforge.example>"
    assert email.references == ("<jordan-thanks-1@example.net>",)
    assert email.date.isoformat() == "2026-11-02T09:14:00-05:00"
    assert "decided to move forward" in email.text


def test_prefers_plain_text_and_keeps_reply_to():
    email = parse_email(mailbox_fixture("02_rejection_ats_replyto.eml"))
    assert email.reply_to == ("marcus.webb@corvid-analytics.example",)
    assert "https://track.example" not in email.text
    assert "not be moving forward" in email.text  # quoted-printable soft breaks joined


def test_rfc2047_names_and_latin1_body():
    email = parse_email(mailbox_fixture("06_rejection_german.eml"))
    assert email.from_name == "Jürgen Weiß"
    assert "für einen anderen Kandidaten" in email.text


def test_unknown_charset_is_read_anyway():
    email = parsed("unknown_charset.eml")
    assert "lamentablemente no hemos seleccionado" in email.text
    assert any("charset" in d for d in email.defects)


def test_broken_base64_keeps_what_decodes():
    email = parsed("broken_base64.eml")
    assert "Unfortunately the position" in email.text


def test_base64_keeps_the_last_letters_before_its_padding():
    email = parsed("base64_padded_end.eml")
    assert email.text.endswith("Aleksandra Nowak\nCinderpath Ltd")


def test_eight_bit_headers():
    email = parsed("eight_bit_headers.eml")
    assert email.from_addr == "zoe@example.se"
    assert "Ansökan" in email.subject or "Ans" in email.subject


def test_truncated_multipart_reads_the_text_and_skips_the_attachment():
    email = parsed("truncated_multipart.eml")
    assert email.text.startswith("Hi Jordan, we went with another candidate")
    assert "JVBER" not in email.text


def test_html_only_drops_scripts_styles_and_pixels_and_keeps_lines():
    email = parsed("html_only_tracking.eml")
    assert "alert" not in email.text and "color: red" not in email.text
    assert "tracking" not in email.text
    lines = email.text.split("\n")
    assert "Thank you for applying." in lines and "We will not be moving forward." in lines


def test_garbage_never_raises():
    email = parsed("no_headers_garbage.eml")
    assert email.subject == "" and email.from_addr is None


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\r\n",
        b"From:\r\n\r\n",
        b"Content-Type: multipart/mixed\r\n\r\nx",
        b"Subject: =?bogus?x?abc?=\r\n\r\nbody",
        b"Date: Feb 31 99999\r\n\r\n",
    ],
)
def test_degenerate_inputs(raw):
    assert parse_email(raw).text is not None


def test_header_values_never_carry_cr_or_lf():
    email = parsed("crlf_in_subject.eml")
    for value in (email.subject, email.from_name or ""):
        assert "\r" not in value and "\n" not in value


def test_one_line_and_html_to_text():
    assert one_line(" a\r\n b\t\x00c ") == "a b c"
    assert html_to_text("<p>a</p><p>b</p>").split() == ["a", "b"]


def test_every_fixture_parses(tmp_path: Path):
    for path in FIXTURES.rglob("*.eml"):
        parse_email(path.read_bytes())


def test_a_plain_part_that_only_points_to_the_html_gives_way_to_it():
    email = parsed("plain_part_says_view_in_html.eml")
    assert "decided to move forward" in email.text
    assert "enable HTML" not in email.text
