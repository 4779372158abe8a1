"""The SQLite store: versioned schema, refusal of foreign files, unique messages."""

from __future__ import annotations

import sqlite3

import pytest
from nextlead.errors import StoreError
from nextlead.store import SCHEMA_VERSION, Store


def test_new_database_is_wal_and_current(tmp_path):
    store = Store.open(tmp_path / "n.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_foreign_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "n.db"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a NextLead database"):
        Store.open(path)
    assert path.read_bytes() == b"not a database at all" * 100


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "n.db"
    sqlite3.connect(path).execute("CREATE TABLE photos (id)").connection.commit()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "n.db"
    Store.open(path).conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer NextLead"):
        Store.open(path)


def test_one_row_per_message_key(tmp_path):
    store = Store.open(tmp_path / "n.db")
    store.add_message({"account": "a", "message_key": "<1@x>", "subject": "s"})
    with pytest.raises(sqlite3.IntegrityError):
        store.add_message({"account": "a", "message_key": "<1@x>", "subject": "s"})
    assert store.find_message("a", "<1@x>")["subject"] == "s"


def test_many_connections_opening_a_new_database_at_once(tmp_path):
    """The server and a scan may create the database at the same moment."""
    import threading

    path, failures = tmp_path / "n.db", []

    def open_it() -> None:
        try:
            Store.open(path).close()
        except Exception as exc:  # the assertion below names it
            failures.append(repr(exc))

    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert Store.open(path).conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
