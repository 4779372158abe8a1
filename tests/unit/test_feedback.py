"""The user's word on a verdict is kept, respected on rescans, and generalised where safe."""

from __future__ import annotations

import pytest
from nextlead.config import Config, Profile
from nextlead.pipeline import Summary, apply_feedback, record, scan_local
from nextlead.store import Store

from tests.conftest import MAILBOX, mailbox_fixture


@pytest.fixture
def judged(tmp_path):
    config = Config(
        home=tmp_path,
        path=tmp_path / "config.toml",
        profile=Profile(name="Jordan Rivera", phone="+1 555 0100"),
    )
    store = Store.open(tmp_path / "nextlead.db")
    scan_local(config, store, MAILBOX, account="a")
    rows = {r["message_id"]: r["id"] for r in store.conn.execute("SELECT * FROM messages")}
    return config, store, rows


def test_confirming_a_message_as_a_rejection_drafts_its_ask(judged):
    config, store, rows = judged
    row = rows["<invite-771@brightpath.example>"]
    assert store.ask_for_message(row) is None
    assert apply_feedback(config, store, row, True)
    ask = store.ask_for_message(row)
    assert ask["to_addr"] == "elena@brightpath.example"
    assert ask["body"].startswith("Hi Elena,") and "BrightPath" in ask["body"]
    assert ask["in_reply_to"] == "<invite-771@brightpath.example>"


def test_not_a_rejection_withdraws_the_unsent_ask(judged):
    config, store, rows = judged
    row = rows["<cand-4471.update@lumenforge.example>"]
    assert apply_feedback(config, store, row, False)
    assert store.message(row)["status"] == "other"
    assert store.ask_for_message(row)["state"] == "dismissed"
    assert store.counts()["rejections"] == 3


def test_unknown_message_is_reported(judged):
    config, store, _ = judged
    assert apply_feedback(config, store, 9999, True) is False


def test_not_a_rejection_applies_to_the_same_senders_new_mail(judged):
    config, store, rows = judged
    apply_feedback(config, store, rows["<cand-4471.update@lumenforge.example>"], False)
    again = mailbox_fixture("01_rejection_personal.eml").replace(b"cand-4471", b"cand-5000")
    with store.transaction():
        record(store, config, "a", again, Summary())
    assert store.find_message("a", "<cand-5000.update@lumenforge.example>")["status"] == "other"


def test_a_sender_marked_both_ways_is_judged_afresh(judged):
    config, store, rows = judged
    apply_feedback(config, store, rows["<cand-4471.update@lumenforge.example>"], False)
    other = mailbox_fixture("01_rejection_personal.eml").replace(b"cand-4471", b"cand-6000")
    with store.transaction():
        record(store, config, "a", other, Summary())
    apply_feedback(
        config, store, store.find_message("a", "<cand-6000.update@lumenforge.example>")["id"], True
    )
    third = mailbox_fixture("01_rejection_personal.eml").replace(b"cand-4471", b"cand-7000")
    with store.transaction():
        record(store, config, "a", third, Summary())
    assert store.find_message("a", "<cand-7000.update@lumenforge.example>")["status"] == "rejection"


def test_an_answer_to_an_ask_is_linked_and_keeps_its_words(judged, tmp_path):
    from nextlead.leads import suggest_leads

    config, store, rows = judged
    ask = store.ask_for_message(rows["<cand-4471.update@lumenforge.example>"])
    answer = tmp_path / "answer"
    answer.mkdir()
    (answer / "reply.eml").write_bytes(
        b"From: Priya Natarajan <priya.natarajan@lumenforge.example>\r\n"
        b"To: jordan.rivera@example.net\r\nSubject: Re: Update on the Platform Engineer role\r\n"
        b"Message-ID: <answer-1@lumenforge.example>\r\n"
        + f"In-Reply-To: {ask['draft_message_id']}\r\n\r\n".encode()
        + b"Happy to help! Talk to Dana Kim in Platform (dana.kim@lumenforge.example).\r\n"
    )
    scan_local(config, store, answer, account="a")
    row = store.find_message("a", "<answer-1@lumenforge.example>")
    linked = store.conn.execute(
        "SELECT ask_id FROM answers WHERE message_row = ?", (row["id"],)
    ).fetchall()
    assert [r[0] for r in linked] == [ask["id"]]
    assert "dana.kim@lumenforge.example" in [s.email for s in suggest_leads(row["excerpt"])]
