"""Local sources: an mbox (a Google Takeout export), a Maildir, a folder of .eml."""

from __future__ import annotations

import mailbox

import pytest
from click.testing import CliRunner
from nextlead.cli import cli
from nextlead.errors import NextLeadError
from nextlead.mail.mbox import read_local

from tests.conftest import MAILBOX

FIXTURES = sorted(MAILBOX.glob("*.eml"))


def test_mbox_file(tmp_path):
    box = mailbox.mbox(tmp_path / "Takeout.mbox")
    for path in FIXTURES:
        box.add(path.read_bytes())
    box.flush()
    messages = list(read_local(tmp_path / "Takeout.mbox"))
    assert len(messages) == len(FIXTURES)
    assert b"cand-4471.update@lumenforge.example" in messages[0][1]


def test_maildir_through_the_cli(home, tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir")
    for path in FIXTURES:
        box.add(path.read_bytes())
    result = CliRunner().invoke(cli, ["scan", "--local", str(tmp_path / "Maildir"), "--json"])
    assert result.exit_code == 0
    assert '"rejections": 4' in result.stdout


def test_something_else_is_a_clear_error(tmp_path):
    with pytest.raises(NextLeadError, match="neither an mbox file, a Maildir"):
        list(read_local(tmp_path / "missing"))
