"""Sending an ask: a real SMTP server (aiosmtpd) receives it, a real Dovecot holds Drafts and
Sent. The asks come from the real `nextlead scan` of the fixture mailbox."""

from __future__ import annotations

import email
import json
import os
import sqlite3
import ssl
import subprocess
import sys
from email import policy

import pytest
from click.testing import CliRunner
from nextlead.cli import cli
from nextlead.config import load_config
from nextlead.send import send_ask
from nextlead.store import Store

from tests.conftest import FIXTURES, MAILBOX, write_config
from tests.support.smtp import Smtp

pytest.importorskip("aiosmtpd")

PRIYA = "<cand-4471.update@lumenforge.example>"
FAST = (0.01, 0.02, 0.04)  # retry delays: the real ones are 1, 2 and 4 seconds


def setup_account(home, dovecot, user, smtp: Smtp, security: str = "none", extra_eml=()):
    write_config(
        home,
        dovecot,
        user,
        extra=f'smtp_host = "127.0.0.1"\nsmtp_port = {smtp.port}\nsmtp_security = "{security}"',
    )
    dovecot.seed(user, [p.read_bytes() for p in sorted(MAILBOX.glob("*.eml"))] + list(extra_eml))
    result = CliRunner().invoke(cli, ["scan", "--json"], env={"NEXTLEAD_TEST_PASSWORD": "secret"})
    assert result.exit_code == 0, result.output


@pytest.fixture
def account(home, dovecot, imap_user, smtp_server, monkeypatch):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    setup_account(home, dovecot, imap_user, smtp_server)
    return imap_user


def ask_id_for(home, in_reply_to: str) -> int:
    db = sqlite3.connect(home / "nextlead.db")
    try:
        return db.execute("SELECT id FROM asks WHERE in_reply_to = ?", (in_reply_to,)).fetchone()[0]
    finally:
        db.close()


def send(ask_id: int, key: str, **kw) -> dict:
    store = Store.open(load_config().db_path)
    try:
        return send_ask(load_config(), store, ask_id, idempotency_key=key, **kw)
    finally:
        store.close()


def folder(dovecot, user: str, name: str) -> list[email.message.EmailMessage]:
    client = dovecot.client(user)
    try:
        client.select_folder(name, readonly=True)
        fetched = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
        return [
            email.message_from_bytes(d[b"BODY[]"].replace(b"\r\n", b"\n"), policy=policy.default)
            for d in fetched.values()
        ]
    finally:
        client.logout()


def draft_replies(dovecot, user: str) -> set[str]:
    return {d["In-Reply-To"] for d in folder(dovecot, user, "Drafts")}


def test_send_delivers_the_edited_threaded_reply_and_files_it_in_sent(
    home, dovecot, account, smtp_server
):
    ask_id = ask_id_for(home, PRIYA)
    edited = "Hi Priya,\n\nThanks a lot. Grüße from a .NET fan:\n.leading dot stays\n\nJordan\n"

    result = send(ask_id, "click-1", body=edited)

    assert result["state"] == "sent" and result["error"] is None and result["sent_at"]
    assert result["to"] == "priya.natarajan@lumenforge.example"
    ((mail_from, rcpt_tos, _),) = smtp_server.handler.received
    assert mail_from == "jordan.rivera@example.net"  # the login "user1" is not an address
    assert rcpt_tos == ["priya.natarajan@lumenforge.example"]
    (message,) = smtp_server.handler.messages()
    assert message["From"] == "Jordan Rivera <jordan.rivera@example.net>"
    assert message["To"] == "priya.natarajan@lumenforge.example"
    assert message["Subject"] == "Re: Update on the Platform Engineer role"
    assert message["In-Reply-To"] == PRIYA
    assert message["References"].split() == ["<jordan-thanks-1@example.net>", PRIYA]
    assert message["Date"] and message["Message-ID"].endswith("@example.net>")
    assert "nextlead.invalid" not in message["Message-ID"]  # a fresh id, not the draft's
    assert message.get_content() == edited

    (copy,) = folder(dovecot, account, "Sent")
    assert copy["Message-ID"] == message["Message-ID"] and copy.get_content() == edited
    assert PRIYA not in draft_replies(dovecot, account)
    assert len(draft_replies(dovecot, account)) == 2  # the other asks' drafts stay
    store = Store.open(home / "nextlead.db")
    assert store.ask(ask_id)["body"] == edited
    store.close()


def test_a_double_click_or_a_second_click_sends_once(home, dovecot, account, smtp_server):
    ask_id = ask_id_for(home, PRIYA)
    first = send(ask_id, "click-1")
    again = send(ask_id, "click-1")
    other = send(ask_id, "click-2", body="a different text")

    assert first == again == other and first["state"] == "sent"
    assert len(smtp_server.handler.received) == 1
    assert len(folder(dovecot, account, "Sent")) == 1
    assert "a different text" not in smtp_server.handler.messages()[0].get_content()


def test_a_refusal_fails_with_the_servers_words_and_keeps_the_draft(
    home, dovecot, account, smtp_server
):
    ask_id = ask_id_for(home, PRIYA)
    smtp_server.handler.answers = ["550 5.1.1 mailbox unavailable"]

    result = send(ask_id, "click-1", body="My edited reply.\n", retry_delays=FAST)

    assert result["state"] == "failed"
    assert result["error"] == "the mail server refused the message: 550 5.1.1 mailbox unavailable"
    assert smtp_server.handler.data_attempts == 1  # a 5xx is not retried
    assert PRIYA in draft_replies(dovecot, account)
    assert folder(dovecot, account, "Sent") == []
    assert send(ask_id, "click-1") == result  # the same request again: the recorded answer

    retried = send(ask_id, "click-2", retry_delays=FAST)  # the user clicks again
    assert retried["state"] == "sent" and retried["error"] is None
    assert smtp_server.handler.messages()[0].get_content() == "My edited reply.\n"
    assert PRIYA not in draft_replies(dovecot, account)


def test_a_temporary_failure_is_retried_and_delivered_once(home, account, smtp_server):
    smtp_server.handler.answers = ["451 4.3.0 try again later"]
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST)
    assert result["state"] == "sent"
    assert smtp_server.handler.data_attempts == 2
    assert len(smtp_server.handler.received) == 1


def test_a_connection_lost_before_data_is_retried(home, account, smtp_server):
    smtp_server.handler.drop_before_data = 1
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST)
    assert result["state"] == "sent"
    assert smtp_server.handler.drop_before_data == 0  # the first connection was dropped
    assert len(smtp_server.handler.received) == 1


def test_a_server_that_stays_busy_fails_after_the_retries(home, dovecot, account, smtp_server):
    smtp_server.handler.answers = ["452 4.2.2 mailbox full"] * 10
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST)
    assert result["state"] == "failed"
    assert "452 4.2.2 mailbox full" in result["error"] and "\n" not in result["error"]
    assert smtp_server.handler.data_attempts == len(FAST) + 1
    assert smtp_server.handler.received == []
    assert PRIYA in draft_replies(dovecot, account)


def test_no_answer_after_the_message_was_handed_over_is_unknown_not_retried(
    home, dovecot, account, smtp_server
):
    smtp_server.handler.stall_after_data = 2
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST, timeout=0.5)
    assert result["state"] == "unknown"
    assert result["error"] == "unknown, check your Sent folder"
    assert smtp_server.handler.data_attempts == 1
    assert PRIYA in draft_replies(dovecot, account)


def test_a_send_interrupted_by_a_crash_is_unknown_and_never_sent_by_itself(
    home, dovecot, account, smtp_server
):
    ask_id = ask_id_for(home, PRIYA)
    db = sqlite3.connect(home / "nextlead.db")
    db.execute("UPDATE asks SET state = 'sending' WHERE id = ?", (ask_id,))
    db.commit()
    db.close()

    result = send(ask_id, "click-after-restart")

    assert result["state"] == "unknown"
    assert result["error"] == "unknown, check your Sent folder"
    assert smtp_server.handler.received == []
    assert PRIYA in draft_replies(dovecot, account)
    listed = CliRunner().invoke(cli, ["asks", "--state", "unknown", "--json"])
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [ask_id]

    again = CliRunner().invoke(cli, ["send", str(ask_id), "--yes"])
    assert again.exit_code == 1 and smtp_server.handler.received == []
    assert "check your Sent folder" in again.stderr and "--resend-unknown" in again.stderr

    resent = send(ask_id, "checked-sent-folder", resend_unknown=True)  # the user's explicit word
    assert resent["state"] == "sent" and len(smtp_server.handler.received) == 1


def test_the_server_opening_the_store_after_a_crash_shows_unknown(home, account):
    ask_id = ask_id_for(home, PRIYA)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    db = sqlite3.connect(home / "nextlead.db")
    db.execute(
        "UPDATE asks SET state = 'sending', send_owner = ?, send_started_at = ? WHERE id = ?",
        (f"{dead.pid}:gone", "2026-01-01T00:00:00+00:00", ask_id),
    )
    db.commit()
    db.close()
    store = Store.open(home / "nextlead.db")
    assert store.ask(ask_id)["state"] == "unknown"
    store.close()


def test_a_send_under_way_in_another_process_is_left_alone(home, account, smtp_server):
    ask_id = ask_id_for(home, PRIYA)
    db = sqlite3.connect(home / "nextlead.db")
    db.execute(
        "UPDATE asks SET state = 'sending', send_owner = ?, send_started_at = "
        "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') WHERE id = ?",
        (f"{os.getpid()}:another-process", ask_id),
    )
    db.commit()
    db.close()
    assert send(ask_id, "click-2")["state"] == "sending"
    assert smtp_server.handler.received == []


def test_a_wrong_smtp_password_fails_in_one_line(home, dovecot, account, smtp_server, monkeypatch):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "not-the-password")
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST)
    assert result["state"] == "failed"
    assert "refused the login" in result["error"] and "\n" not in result["error"]
    assert "not-the-password" not in result["error"]
    assert smtp_server.handler.received == []
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    assert PRIYA in draft_replies(dovecot, account)


def test_crlf_in_the_senders_name_and_subject_never_reaches_our_headers(
    home, dovecot, imap_user, smtp_server, monkeypatch
):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    hostile = (FIXTURES / "send" / "header_injection.eml").read_bytes()
    setup_account(home, dovecot, imap_user, smtp_server, extra_eml=[hostile])
    ask_id = ask_id_for(home, "<cand-4472.update@lumenforge.example>")

    assert send(ask_id, "click-1")["state"] == "sent"

    ((_, rcpt_tos, content),) = smtp_server.handler.received
    assert rcpt_tos == ["priya.natarajan@lumenforge.example"]
    head = content.split(b"\r\n\r\n", 1)[0].decode()
    names = [line.split(":", 1)[0].lower() for line in head.split("\r\n") if line[:1] not in " \t"]
    assert "bcc" not in names and "x-injected" not in names
    assert sorted(names) == sorted(
        [
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "in-reply-to",
            "references",
            "x-mailer",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
        ]
    )
    message = smtp_server.handler.messages()[0]
    assert message["Subject"].startswith("Re: Update on the Platform Engineer role")
    assert "victim" not in message["To"]


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_with_the_servers_certificate(home, dovecot, imap_user, monkeypatch, security):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(dovecot.dir / "cert.pem", dovecot.dir / "key.pem")
    tls = (
        {"ssl_context": context}
        if security == "ssl"
        else {"tls_context": context, "require_starttls": True}
    )
    server = Smtp(imap_user, **tls)
    server.controller.start()
    try:
        setup_account(home, dovecot, imap_user, server, security=security)
        assert send(ask_id_for(home, PRIYA), "click-1")["state"] == "sent"
        assert len(server.handler.received) == 1
    finally:
        server.controller.stop()


def test_cli_send_shows_the_reply_asks_first_and_sends_once(home, account, smtp_server):
    ask_id = ask_id_for(home, PRIYA)
    runner = CliRunner()

    declined = runner.invoke(cli, ["send", str(ask_id)], input="n\n")
    assert declined.exit_code == 1 and smtp_server.handler.received == []
    assert "To: priya.natarajan@lumenforge.example" in declined.stdout
    assert "Subject: Re: Update on the Platform Engineer role" in declined.stdout
    assert "Hi Priya," in declined.stdout

    sent = runner.invoke(cli, ["send", str(ask_id)], input="y\n")
    assert sent.exit_code == 0, sent.output
    assert f"Sent ask {ask_id} to priya.natarajan@lumenforge.example" in sent.stdout

    again = runner.invoke(cli, ["send", str(ask_id), "--yes", "--json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["state"] == "sent"
    assert len(smtp_server.handler.received) == 1

    listed = [
        json.loads(line)
        for line in runner.invoke(cli, ["asks", "--json"]).stdout.split("\n")
        if line
    ]
    assert {a["id"]: a["state"] for a in listed}[ask_id] == "sent"
    assert {a["state"] for a in listed} == {"sent", "drafted"} and len(listed) == 3
    text = runner.invoke(cli, ["asks", "--state", "sent"]).stdout
    assert "LumenForge" in text and "priya.natarajan@lumenforge.example" in text


def test_cli_send_failure_is_one_line_and_exit_1(home, account, smtp_server):
    smtp_server.handler.answers = ["554 5.7.1 rejected as spam"]
    result = CliRunner().invoke(cli, ["send", str(ask_id_for(home, PRIYA)), "--yes"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Not sent: the mail server refused the message: 554 5.7.1 rejected as spam\n"
    )
    missing = CliRunner().invoke(cli, ["send", "999", "--yes"])
    assert missing.exit_code == 2 and "no ask 999" in missing.stderr
