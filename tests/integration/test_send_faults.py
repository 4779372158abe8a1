"""Sending an ask over a link that fails: a real aiosmtpd behind the fault proxy
(tests/support/fault_proxy.py). Before the message is handed over, a lost or stalled link is
retried; after it, the ask is "unknown, check your Sent folder" and never sent again by itself.
test_send.py covers the server's own 4xx and 5xx answers."""

from __future__ import annotations

import pytest

from tests.integration.test_send import (
    FAST,
    PRIYA,
    ask_id_for,
    draft_replies,
    folder,
    send,
    setup_account,
)
from tests.support.fault_proxy import CUT, SERVER, SLOW, STALL, Fault, FaultProxy

DATA_ACCEPTED = rb"^250 2\.0\.0 queued"  # the Recorder's answer once it has the message


@pytest.fixture
def proxy(home, dovecot, imap_user, smtp_server, monkeypatch):
    """The account sends through a fault proxy in front of aiosmtpd; no faults until a test
    sets `proxy.faults`."""
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")
    with FaultProxy(smtp_server.port) as running:
        setup_account(home, dovecot, imap_user, running)  # smtp_port = the proxy's port
        yield running


def test_a_cut_when_data_starts_is_retried_and_sent_once(home, proxy, smtp_server):
    proxy.faults = [Fault(CUT, match=rb"(?i)^data\s*$", connection=1)]
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST)
    assert result["state"] == "sent" and result["error"] is None
    assert (proxy.connections, proxy.cuts) == (2, 1)
    assert smtp_server.handler.data_attempts == 1 and len(smtp_server.handler.received) == 1


def test_a_stall_before_the_handover_times_out_and_is_retried(home, proxy, smtp_server):
    proxy.faults = [Fault(STALL, match=rb"(?i)^rcpt to:", connection=1)]
    result = send(ask_id_for(home, PRIYA), "click-1", retry_delays=FAST, timeout=1)
    assert result["state"] == "sent"
    assert proxy.stalls == 1 and proxy.connections == 2
    assert len(smtp_server.handler.received) == 1


@pytest.mark.parametrize("action", [CUT, STALL])
def test_a_link_lost_after_the_handover_is_unknown_and_never_sent_again(
    home, dovecot, imap_user, proxy, smtp_server, action
):
    """The server has the message but its "250" never comes back: it may have gone out."""
    proxy.faults = [Fault(action, side=SERVER, match=DATA_ACCEPTED)]
    ask_id = ask_id_for(home, PRIYA)

    result = send(ask_id, "click-1", retry_delays=FAST, timeout=1)

    assert result["state"] == "unknown" and result["error"] == "unknown, check your Sent folder"
    assert len(smtp_server.handler.received) == 1 and proxy.connections == 1
    assert send(ask_id, "click-1", retry_delays=FAST, timeout=1) == result  # a replay
    assert send(ask_id, "click-2", retry_delays=FAST, timeout=1) == result  # another click
    assert smtp_server.handler.data_attempts == 1 and proxy.connections == 1
    assert PRIYA in draft_replies(dovecot, imap_user)  # kept until the user knows
    assert folder(dovecot, imap_user, "Sent") == []


def test_a_cut_inside_the_message_is_unknown_since_nextlead_cannot_tell(home, proxy, smtp_server):
    """The message had left NextLead when the link went; how much of it arrived is not for
    NextLead to know (here: not its end, so nothing was delivered). It is never resent."""
    proxy.faults = [Fault(CUT, match=rb"^X-Mailer: NextLead")]
    ask_id = ask_id_for(home, PRIYA)
    result = send(ask_id, "click-1", retry_delays=FAST)
    assert result["state"] == "unknown" and proxy.cuts == 1
    assert send(ask_id, "click-2", retry_delays=FAST)["state"] == "unknown"
    assert smtp_server.handler.received == [] and proxy.connections == 1


def test_a_slow_link_delivers_the_message_intact(home, proxy, smtp_server):
    proxy.faults = [Fault(SLOW, rate=8192), Fault(SLOW, side=SERVER, rate=8192)]
    edited = "Hi Priya,\n\n" + "Thank you for the time you took. " * 20 + "\n\nJordan\n"
    result = send(ask_id_for(home, PRIYA), "click-1", body=edited, retry_delays=FAST)
    assert result["state"] == "sent" and proxy.slowdowns == 2
    (message,) = smtp_server.handler.messages()
    assert message.get_content() == edited
