"""What may be sent, and what the store remembers about sends, without a mail server: every
case here is refused or settled before SMTP would start."""

from __future__ import annotations

import sqlite3

import pytest
from nextlead.config import Account, Config, Profile
from nextlead.errors import AuthError, ConfigError
from nextlead.send import AskNotFound, KeyConflict, NotSendable, SendError, send_ask
from nextlead.store import MIGRATIONS, SCHEMA_VERSION, Store


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "n.db")
    yield store
    store.close()


def config(tmp_path, **account) -> Config:
    fields = {"name": "work", "imap_host": "127.0.0.1", "username": "jordan@example.net"}
    fields |= {"smtp_host": "127.0.0.1", "smtp_port": 9, "password_env": "NO_SUCH_VAR_NL"}
    return Config(
        home=tmp_path,
        path=tmp_path / "config.toml",
        profile=Profile(name="Jordan", email="jordan@example.net"),
        accounts=(Account(**(fields | account)),),
    )


def add_ask(store: Store, n: int = 1, to: str | None = "priya@lumenforge.example") -> int:
    row = store.add_message(
        {"account": "work", "message_key": f"<{n}@x>", "subject": "Update", "status": "rejection"}
    )
    draft = {
        "to": to,
        "subject": "Re: Update",
        "body": "Hi Priya,\n",
        "in_reply_to": f"<{n}@x>",
        "references": [f"<{n}@x>"],
        "questions": [],
    }
    return store.add_ask(row, draft, f"<draft-{n}@nextlead.invalid>")


def test_an_ask_with_nobody_to_write_to_is_not_sent(tmp_path, store):
    ask_id = add_ask(store, to=None)
    with pytest.raises(NotSendable, match="nobody to write to"):
        send_ask(config(tmp_path), store, ask_id, idempotency_key="k")
    assert store.ask(ask_id)["state"] == "drafted"


def test_an_unknown_ask_and_a_reused_key_are_refused(tmp_path, store):
    first, second = add_ask(store, 1), add_ask(store, 2)
    with pytest.raises(AskNotFound, match="no ask 99"):
        send_ask(config(tmp_path), store, 99, idempotency_key="k")
    assert store.begin_send(first, "k", message_id="<m1@x>")
    with pytest.raises(KeyConflict):
        send_ask(config(tmp_path), store, second, idempotency_key="k")
    assert store.ask(second)["state"] == "drafted"


def test_an_empty_edit_or_a_missing_key_is_refused_and_the_draft_kept(tmp_path, store):
    ask_id = add_ask(store)
    with pytest.raises(SendError, match="empty"):
        send_ask(config(tmp_path), store, ask_id, idempotency_key="k", body=" \n ")
    with pytest.raises(SendError, match="idempotency key"):
        send_ask(config(tmp_path), store, ask_id, idempotency_key=" ")
    assert store.ask(ask_id)["body"] == "Hi Priya,\n"
    assert store.ask(ask_id)["state"] == "drafted"


def test_a_dismissed_ask_is_not_sent(tmp_path, store):
    ask_id = add_ask(store)
    store.conn.execute("UPDATE asks SET state = 'dismissed' WHERE id = ?", (ask_id,))
    with pytest.raises(NotSendable, match="dismissed"):
        send_ask(config(tmp_path), store, ask_id, idempotency_key="k")


def test_no_smtp_settings_or_no_password_records_nothing_but_keeps_the_edit(tmp_path, store):
    ask_id = add_ask(store)
    with pytest.raises(ConfigError, match="smtp_host"):
        send_ask(config(tmp_path, smtp_host=""), store, ask_id, idempotency_key="k", body="New\n")
    with pytest.raises(AuthError, match="NO_SUCH_VAR_NL"):
        send_ask(config(tmp_path), store, ask_id, idempotency_key="k")
    ask = store.ask(ask_id)
    assert ask["state"] == "drafted" and ask["body"] == "New\n"
    assert store.send_attempt("k") is None  # the same key may be used once things are fixed


def test_one_key_one_transition(store):
    ask_id = add_ask(store)
    assert store.begin_send(ask_id, "k1", message_id="<m@x>")
    assert not store.begin_send(ask_id, "k1", message_id="<m@x>")
    assert not store.begin_send(ask_id, "k2", message_id="<m@x>")  # already sending
    store.finish_send(ask_id, "k1", "failed", "550 no")
    assert store.ask(ask_id)["state"] == "failed"
    assert store.begin_send(ask_id, "k2", message_id="<m2@x>")  # the user's retry
    store.finish_send(ask_id, "k2", "sent")
    ask = store.ask(ask_id)
    assert ask["state"] == "sent" and ask["sent_at"] and ask["error"] is None
    assert store.send_attempt("k1")["state"] == "failed"


def test_a_send_older_than_any_send_can_take_is_unknown_even_if_the_pid_lives(store):
    ask_id = add_ask(store)
    store.conn.execute(
        "UPDATE asks SET state = 'sending', send_owner = '1:init', "
        "send_started_at = '2020-01-01T00:00:00+00:00' WHERE id = ?",
        (ask_id,),
    )
    assert store.recover_interrupted_sends() == 1
    ask = store.ask(ask_id)
    assert ask["state"] == "unknown" and ask["error"] == "unknown, check your Sent folder"


def test_a_database_from_before_sending_is_migrated_with_its_asks(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO messages (id, account, message_key, scanned_at) VALUES (1, 'w', 'k', 'now')"
    )
    db.execute(
        "INSERT INTO asks (id, message_row, to_addr, subject, body, draft_message_id, "
        "created_at, updated_at) VALUES (7, 1, 'p@x.example', 'Re: x', 'Hi', '<d@x>', 'n', 'n')"
    )
    db.commit()
    db.close()
    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.ask(7)["state"] == "drafted"
    assert store.begin_send(7, "k", message_id="<m@x>")
    assert store.ask(7)["sent_message_id"] == "<m@x>"
    store.close()
