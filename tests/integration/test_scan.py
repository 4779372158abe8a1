"""`nextlead scan` against a real Dovecot: drafts land in Drafts, threaded, once each."""

from __future__ import annotations

import email
import json
import sqlite3
from email import policy

import pytest
from click.testing import CliRunner
from nextlead.cli import cli

from tests.conftest import MAILBOX, write_config

REJECTIONS_WITH_HUMAN = {
    "<cand-4471.update@lumenforge.example>": "priya.natarajan@lumenforge.example",
    "<gh.8812.corvid@us.greenhouse-mail.io>": "marcus.webb@corvid-analytics.example",
    "<absage-3391@taktwerk.example>": "juergen.weiss@taktwerk.example",
}


def all_fixtures() -> list[bytes]:
    return [path.read_bytes() for path in sorted(MAILBOX.glob("*.eml"))]


def run_scan(*args: str, password: str = "secret") -> tuple[int, dict | None, str]:
    result = CliRunner().invoke(
        cli, ["scan", "--json", *args], env={"NEXTLEAD_TEST_PASSWORD": password}
    )
    summary = json.loads(result.stdout) if result.exit_code in (0, 1) and result.stdout else None
    return result.exit_code, summary, result.stderr


def drafts(dovecot, user: str) -> list[email.message.EmailMessage]:
    client = dovecot.client(user)
    try:
        client.select_folder("Drafts", readonly=True)
        fetched = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]", "FLAGS"])
        for data in fetched.values():
            assert b"\\Draft" in data[b"FLAGS"]
        return [
            email.message_from_bytes(d[b"BODY[]"], policy=policy.default) for d in fetched.values()
        ]
    finally:
        client.logout()


@pytest.fixture
def account(home, dovecot, imap_user):
    write_config(home, dovecot, imap_user)
    dovecot.seed(imap_user, all_fixtures())
    return imap_user


def test_scan_puts_one_threaded_draft_per_rejection_into_drafts(dovecot, account):
    code, summary, _ = run_scan()
    assert code == 0
    assert summary == {
        "scanned": 6,
        "rejections": 4,
        "drafts_created": 3,
        "skipped": 0,
        "errors": 0,
    }
    found = {d["In-Reply-To"]: d for d in drafts(dovecot, account)}
    assert set(found) == set(REJECTIONS_WITH_HUMAN)
    for message_id, draft in found.items():
        assert draft["To"] == REJECTIONS_WITH_HUMAN[message_id]
        assert message_id in draft["References"]
        assert draft["Subject"].startswith("Re: ")
        assert "Jordan Rivera" in draft["From"]
        body = draft.get_content()
        assert "+1 555 0100" in body and body.rstrip().endswith("Jordan Rivera")


def test_no_draft_for_a_no_reply_sender_or_for_other_mail(dovecot, account):
    run_scan()
    targets = {d["To"] for d in drafts(dovecot, account)}
    assert not any("halvard" in t or "brightpath" in t or "careerletter" in t for t in targets)


def test_rescan_and_second_run_create_nothing_new(dovecot, account):
    run_scan()
    code, summary, _ = run_scan()
    assert code == 0 and summary["scanned"] == 0 and summary["drafts_created"] == 0
    assert len(drafts(dovecot, account)) == 3

    new = (
        (MAILBOX / "01_rejection_personal.eml")
        .read_bytes()
        .replace(b"cand-4471.update@", b"cand-9999.update@")
    )
    dovecot.seed(account, [new])
    code, summary, _ = run_scan()
    assert summary["scanned"] == 1 and summary["drafts_created"] == 1
    assert len(drafts(dovecot, account)) == 4


def test_scanning_leaves_messages_unread(dovecot, account):
    run_scan()
    client = dovecot.client(account)
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags(client.search(["ALL"]))
    client.logout()
    assert len(flags) == 6
    assert all(b"\\Seen" not in f for f in flags.values())


def test_no_reply_and_unsure_rejections_stay_out_of_drafts_but_in_the_store(account, home):
    run_scan("--no-drafts")
    db = sqlite3.connect(home / "nextlead.db")
    statuses = dict(db.execute("SELECT message_id, status FROM messages"))
    assert statuses["<ats-55019@halvard.example>"] == "no_contact"
    assert statuses["<invite-771@brightpath.example>"] == "other"
    assert db.execute("SELECT count(*) FROM asks WHERE draft_uid IS NULL").fetchone()[0] == 3


def test_uidvalidity_change_rescans_without_duplicates(home, dovecot, imap_user):
    write_config(home, dovecot, imap_user, extra='folders = ["Jobs"]')
    dovecot.seed(imap_user, all_fixtures(), folder="Jobs")
    run_scan()
    client = dovecot.client(imap_user)
    before = client.select_folder("Jobs")[b"UIDVALIDITY"]
    client.delete_folder("Jobs")
    client.logout()
    dovecot.seed(imap_user, all_fixtures(), folder="Jobs")
    client = dovecot.client(imap_user)
    assert client.select_folder("Jobs")[b"UIDVALIDITY"] != before
    client.logout()

    code, summary, _ = run_scan()
    assert code == 0
    assert summary["skipped"] == 6 and summary["scanned"] == 0
    assert summary["drafts_created"] == 0
    assert len(drafts(dovecot, imap_user)) == 3


def test_a_draft_appended_before_a_crash_is_not_appended_again(home, dovecot, account):
    run_scan()
    # The commit that recorded the drafts' UIDs is lost, as if the process died after APPEND.
    db = sqlite3.connect(home / "nextlead.db")
    db.execute("UPDATE asks SET draft_uid = NULL")
    db.commit()
    code, summary, _ = run_scan()
    assert code == 0 and summary["drafts_created"] == 0
    assert len(drafts(dovecot, account)) == 3
    assert db.execute("SELECT count(*) FROM asks WHERE draft_uid IS NULL").fetchone()[0] == 0


def test_wrong_password_exits_2_with_one_clear_line(account):
    code, summary, stderr = run_scan(password="not-the-password")
    assert code == 2 and summary is None
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "refused the login" in stderr and "not-the-password" not in stderr


def test_tls_with_the_server_certificate(home, dovecot, imap_user):
    write_config(home, dovecot, imap_user, security="ssl")
    dovecot.seed(imap_user, all_fixtures()[:1])
    code, summary, _ = run_scan()
    assert code == 0 and summary["drafts_created"] == 1


def test_a_certificate_that_does_not_verify_is_refused(home, dovecot, imap_user):
    path = write_config(home, dovecot, imap_user, security="ssl")
    path.write_text(path.read_text().replace(f'ca_file = "{dovecot.cafile}"', ""))
    code, _, stderr = run_scan()
    assert code == 2
    assert "does not verify" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("server", ["dovecot", "dovecot_without_multiappend"])
def test_each_ask_records_the_uid_of_its_own_draft(home, request, monkeypatch, server):
    """Drafts go in by MULTIAPPEND where the server offers it (in chunks), else one APPEND
    each; either way the UID an ask records (the one the card and `send` use) is its own
    draft's, also behind drafts the user already had."""
    from nextlead.mail import drafts as drafts_mod

    from tests.integration.test_faults import numbered

    monkeypatch.setattr(drafts_mod, "APPEND_DRAFTS", 4)
    dovecot = request.getfixturevalue(server)
    user = dovecot.add_user()
    write_config(home, dovecot, user)
    dovecot.seed(user, all_fixtures()[:2], folder="Drafts")
    dovecot.seed(user, numbered(20))

    code, summary, _ = run_scan()
    assert code == 0 and summary["drafts_created"] == 11
    db = sqlite3.connect(home / "nextlead.db")
    recorded = dict(db.execute("SELECT draft_uid, draft_message_id FROM asks"))
    client = dovecot.client(user)
    client.select_folder("Drafts", readonly=True)
    fetched = client.fetch(list(recorded), ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    client.logout()
    in_drafts = {
        uid: email.message_from_bytes(data[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"])["Message-ID"]
        for uid, data in fetched.items()
    }
    assert in_drafts == recorded and len(recorded) == 11
