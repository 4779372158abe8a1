"""Sending an ask and scanning from the dashboard: a real SMTP server (aiosmtpd) receives the
ask and a real Dovecot holds the mailbox; a double click or a replayed form sends once."""

from __future__ import annotations

import email
import re
import time
from email import policy

import pytest
from nextlead.config import load_config
from nextlead.pipeline import Summary, record
from nextlead.store import Store
from nextlead.web import create_app, security

from tests.conftest import mailbox_fixture, write_config
from tests.support.dovecot import free_port

aiosmtpd = pytest.importorskip("aiosmtpd.controller")

TOKEN = "t0k3n-for-tests-0123456789abcdefghijklmnopqrstuv"
BASE = "http://127.0.0.1:5151"
CSRF = security.derived(TOKEN, "csrf")
PRIYA = "<cand-4471.update@lumenforge.example>"
REFUSED = "marcus.webb@corvid-analytics.example"


class Inbox:
    """What the SMTP server accepted; it refuses mail to REFUSED for good."""

    def __init__(self) -> None:
        self.received: list[email.message.EmailMessage] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == REFUSED:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        raw = envelope.content.replace(b"\r\n", b"\n")
        self.received.append(email.message_from_bytes(raw, policy=policy.default))
        return "250 2.0.0 queued"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture
def user(home, dovecot, imap_user, smtp, monkeypatch):
    return logged_in(home, dovecot, imap_user, smtp, monkeypatch)


def logged_in(home, dovecot, imap_user, smtp, monkeypatch):
    """Logged in to a dashboard whose account sends through the test SMTP server."""
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    _, port = smtp
    write_config(
        home,
        dovecot,
        imap_user,
        extra=f'smtp_host = "127.0.0.1"\nsmtp_port = {port}\nsmtp_security = "none"',
    )
    config = load_config()
    store = Store.open(config.db_path)
    with store.transaction():
        for name in ("01_rejection_personal.eml", "02_rejection_ats_replyto.eml"):
            record(store, config, "test", mailbox_fixture(name), Summary())
    store.close()
    client = create_app(config, token=TOKEN, port=5151).test_client()
    client.get(f"/login?token={TOKEN}", base_url=BASE)
    client.store = Store.open(config.db_path)
    return client


def ask_id(store: Store, message_id: str) -> int:
    return store.conn.execute(
        "SELECT a.id FROM asks a JOIN messages m ON m.id = a.message_row WHERE m.message_id = ?",
        (message_id,),
    ).fetchone()[0]


def send_form(page: str, ask: int) -> dict[str, str]:
    """The fields of the overview's Send form for one ask, as the browser would post them."""
    form = re.search(rf'<form[^>]*action="/asks/{ask}/send".*?</form>', page, re.S)[0]
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))


def test_send_from_the_overview_sends_once_however_often_the_form_is_posted(user, smtp):
    inbox, _ = smtp
    ask = ask_id(user.store, PRIYA)
    fields = send_form(user.get("/", base_url=BASE).get_data(as_text=True), ask)
    assert fields["csrf"] == CSRF and len(fields["idempotency_key"]) >= 16
    first = user.post(f"/asks/{ask}/send", base_url=BASE, data=fields)
    again = user.post(f"/asks/{ask}/send", base_url=BASE, data=fields)  # a double click
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == "/?done=sent"
    assert len(inbox.received) == 1
    (sent,) = inbox.received
    assert sent["To"] == "priya.natarajan@lumenforge.example"
    assert sent["In-Reply-To"] == PRIYA
    assert user.store.ask(ask)["state"] == "sent"
    # a fresh form (a reload of an old page) for a sent ask sends nothing either
    fresh = {**fields, "idempotency_key": "another-key-0123456789"}
    user.post(f"/asks/{ask}/send", base_url=BASE, data=fresh)
    assert len(inbox.received) == 1
    page = user.get("/?done=sent", base_url=BASE).get_data(as_text=True)
    assert "Sent." in page
    assert re.search(r'data-metric="asks_sent">1<', page)
    assert f'action="/asks/{ask}/send"' not in page  # no longer waiting


def test_send_from_the_ask_page_sends_the_edited_text(user, smtp):
    inbox, _ = smtp
    ask = ask_id(user.store, PRIYA)
    page = user.get(f"/asks/{ask}", base_url=BASE).get_data(as_text=True)
    key = re.search(r'name="idempotency_key" value="(\w+)"', page)[1]
    answer = user.post(
        f"/asks/{ask}/send",
        base_url=BASE,
        data={"csrf": CSRF, "idempotency_key": key, "body": "Hi Priya,\r\nWho else is hiring?\r\n"},
    )
    assert answer.headers["Location"] == f"/asks/{ask}?done=sent"
    assert inbox.received[0].get_content().replace("\r\n", "\n") == (
        "Hi Priya,\nWho else is hiring?\n"
    )
    page = user.get(answer.headers["Location"], base_url=BASE).get_data(as_text=True)
    assert 'name="body"' not in page and "Who else is hiring?" in page


def test_a_refused_send_says_why_and_can_be_tried_again(user, smtp):
    inbox, _ = smtp
    ask = ask_id(user.store, "<gh.8812.corvid@us.greenhouse-mail.io>")
    fields = send_form(user.get("/", base_url=BASE).get_data(as_text=True), ask)
    answer = user.post(f"/asks/{ask}/send", base_url=BASE, data=fields)
    assert answer.headers["Location"] == "/?done=send_failed"
    assert inbox.received == []
    page = user.get(f"/asks/{ask}", base_url=BASE).get_data(as_text=True)
    assert "mailbox unavailable" in page and "failed" in page
    assert f'formaction="/asks/{ask}/send"' in page  # still editable, can be sent again


def test_scan_now_finds_new_rejections_and_shows_its_progress(user, dovecot, imap_user):
    dovecot.seed(imap_user, [mailbox_fixture("06_rejection_german.eml")])
    page = user.get("/", base_url=BASE).get_data(as_text=True)
    assert 'data-scan="test" data-scan-state="idle"' in page
    assert re.search(r'data-metric="rejections">2<', page)
    answer = user.post("/scan", base_url=BASE, data={"csrf": CSRF, "next": "/"})
    assert answer.headers["Location"] == "/?done=scan_started"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        (scan,) = user.get("/scan.json", base_url=BASE).json["scans"]
        if scan["state"] != "running":
            break
        time.sleep(0.05)
    assert scan["state"] == "done" and scan["summary"]["rejections"] == 1
    page = user.get("/", base_url=BASE).get_data(as_text=True)
    assert re.search(r'data-metric="rejections">3<', page)
    assert "1 new, 1 rejections" in page and "Taktwerk" in page
