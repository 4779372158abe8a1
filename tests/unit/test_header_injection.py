"""A rejection whose sender hides CR LF (and a Bcc) in encoded words: it is still read, it is
answered to the real sender, and nothing it hides becomes a header of ours."""

from __future__ import annotations

import json

from click.testing import CliRunner
from nextlead.cli import cli
from nextlead.mail.parse import parse_email

from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "send" / "header_injection.eml"


def test_the_message_is_read_and_the_hidden_address_stays_inside_the_name():
    email = parse_email(HOSTILE.read_bytes())
    assert email.from_addr == "priya.natarajan@lumenforge.example"
    assert email.reply_to == ("priya.natarajan@lumenforge.example",)
    assert email.from_name == "Priya Natarajan Bcc: victim@evil.example"
    for value in (email.from_name, email.subject):
        assert "\r" not in value and "\n" not in value
    assert "another candidate" in email.text


def test_the_draft_goes_to_the_sender_with_one_line_headers(home):
    result = CliRunner().invoke(cli, ["draft", "--json", str(HOSTILE)])
    assert result.exit_code == 0
    draft = json.loads(result.stdout)
    assert draft["to"] == "priya.natarajan@lumenforge.example"
    assert draft["subject"].startswith("Re: Update on the Platform Engineer role")
    for value in (draft["subject"], draft["in_reply_to"], *draft["references"]):
        assert "\r" not in value and "\n" not in value
