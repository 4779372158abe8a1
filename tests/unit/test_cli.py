"""The CLI contracts in DESIGN.md, called as a user would."""

from __future__ import annotations

import json
import os
import stat

from click.testing import CliRunner
from nextlead.cli import cli

from tests.conftest import MAILBOX

CLASSIFY_FIELDS = [
    "path",
    "is_rejection",
    "score",
    "evidence",
    "company",
    "contact_name",
    "contact_first_name",
    "role",
    "reply_to",
    "language",
]
DRAFT_FIELDS = ["path", "to", "subject", "in_reply_to", "references", "body", "questions"]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_classify_json_one_line_per_file_in_order(home):
    files = sorted(str(p) for p in MAILBOX.glob("*.eml"))
    result = invoke("classify", *files, "--json")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == files
    assert all(list(line) == CLASSIFY_FIELDS for line in lines)
    first = lines[0]
    assert first["is_rejection"] is True and first["contact_first_name"] == "Priya"
    assert 0 <= first["score"] <= 1 and first["evidence"]


def test_classify_unreadable_file_gets_an_error_line_and_exit_1(home, tmp_path):
    good = str(MAILBOX / "04_interview_invite.eml")
    missing = str(tmp_path / "nope.eml")
    result = invoke("classify", missing, good, "--json")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(lines[0]) == ["path", "error"] and lines[0]["path"] == missing
    assert lines[1]["is_rejection"] is False


def test_classify_text_output(home):
    result = invoke("classify", str(MAILBOX / "01_rejection_personal.eml"))
    assert "REJECTION" in result.stdout and "Priya Natarajan" in result.stdout


def test_draft_json_contract(home):
    files = [str(MAILBOX / "01_rejection_personal.eml"), str(MAILBOX / "03_rejection_noreply.eml")]
    result = invoke("draft", *files, "--json")
    assert result.exit_code == 0
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert list(first) == DRAFT_FIELDS
    assert first["to"] == "priya.natarajan@lumenforge.example"
    assert first["in_reply_to"] == "<cand-4471.update@lumenforge.example>"
    assert second["to"] is None
    for value in (first["subject"], first["in_reply_to"], *first["references"]):
        assert "\r" not in value and "\n" not in value


def test_draft_signs_with_the_profile(home):
    (home / "config.toml").write_text('[profile]\nname = "Sam Lee"\nphone = "+44 20 7946 0000"\n')
    result = invoke("draft", str(MAILBOX / "01_rejection_personal.eml"), "--json")
    body = json.loads(result.stdout)["body"]
    assert body.rstrip().endswith("Sam Lee") and "+44 20 7946 0000" in body


def test_corrupt_config_is_one_line_naming_the_problem(home):
    (home / "config.toml").write_text("[profile\nname = 1")
    result = invoke("classify", str(MAILBOX / "01_rejection_personal.eml"))
    assert result.exit_code == 2
    assert "config.toml is not valid TOML" in result.stderr
    assert "Traceback" not in result.output


def test_misspelt_field_suggests_the_right_one(home):
    (home / "config.toml").write_text(
        '[[accounts]]\nname = "a"\nimap_hots = "x"\nimap_host = "x"\nusername = "u"\n'
    )
    result = invoke("token")
    assert result.exit_code == 2
    assert "unknown field accounts[0].imap_hots; did you mean 'imap_host'?" in result.stderr


def test_config_option_overrides_home(home, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('[profile]\nname = "Alex Kim"\n')
    result = invoke(
        "--config", str(other), "draft", str(MAILBOX / "01_rejection_personal.eml"), "--json"
    )
    assert json.loads(result.stdout)["body"].rstrip().endswith("Alex Kim")


def test_scan_without_account_says_how_to_add_one(home):
    result = invoke("scan")
    assert result.exit_code == 2 and "nextlead account add" in result.stderr


def test_scan_local_mbox_folder(home):
    result = invoke("scan", "--local", str(MAILBOX), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "scanned": 6,
        "rejections": 4,
        "drafts_created": 0,
        "skipped": 0,
        "errors": 0,
    }


def test_token_is_private_stable_and_rotates(home):
    first = invoke("token").stdout.strip()
    assert len(first) >= 40 and invoke("token").stdout.strip() == first
    assert stat.S_IMODE(os.stat(home / "token").st_mode) == 0o600
    rotated = invoke("token", "--rotate").stdout.strip()
    assert rotated != first and invoke("token").stdout.strip() == rotated


def test_serve_refuses_to_listen_on_the_network(home):
    result = invoke("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2 and "127.0.0.1 only" in result.stderr


def test_account_add_list_remove_with_password_env(home):
    result = invoke(
        "account",
        "add",
        "work",
        "--username",
        "me@corp.example",
        "--imap-host",
        "imap.corp.example",
        "--password-env",
        "CORP_PW",
        "--no-test",
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(invoke("account", "list", "--json").stdout)
    assert listed["name"] == "work" and listed["password"] == "password_env CORP_PW"
    assert listed["imap"] == "imap.corp.example:993 (ssl)"
    assert invoke("account", "remove", "work").exit_code == 0
    assert "No accounts" in invoke("account", "list").stdout


def test_every_command_has_help_and_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"nextlead {name}" in readme, f"`nextlead {name}` is not documented"


def test_review_lists_confirms_and_dismisses(home):
    import sqlite3

    invoke("scan", "--local", str(MAILBOX))
    db = sqlite3.connect(home / "nextlead.db")
    db.execute(
        "UPDATE messages SET status = 'review', score = 0.6 WHERE message_id IN "
        "('<invite-771@brightpath.example>', '<issue-212@careerletter.example>')"
    )
    db.commit()
    listed = [json.loads(line) for line in invoke("review", "--json").stdout.splitlines()]
    assert {item["from"] for item in listed} == {
        "elena@brightpath.example",
        "hello@careerletter.example",
    }
    invite = next(i["id"] for i in listed if i["from"] == "elena@brightpath.example")
    letter = next(i["id"] for i in listed if i["from"] == "hello@careerletter.example")

    confirmed = invoke("review", "confirm", str(invite))
    assert confirmed.exit_code == 0 and "drafted for elena@brightpath.example" in confirmed.stdout
    assert invoke("review", "dismiss", str(letter)).exit_code == 0
    assert invoke("review").stdout.strip() == "Nothing to review."
    states = dict(
        db.execute(
            "SELECT m.message_id, a.state FROM asks a JOIN messages m ON m.id = a.message_row"
        )
    )
    assert states["<invite-771@brightpath.example>"] == "drafted"

    missing = invoke("review", "confirm", "999")
    assert missing.exit_code == 1 and "no message 999" in missing.stderr
