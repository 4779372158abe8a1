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


def test_opening_waits_while_another_process_holds_a_new_database(tmp_path):
    """A scan creating the database holds its lock; the server opening it then (not yet in
    WAL mode) waits for it instead of failing with "database is locked"."""
    import threading

    path = tmp_path / "n.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE being_created (x)")
    released = threading.Event()

    def release() -> None:
        holder.execute("ROLLBACK")
        released.set()

    threading.Timer(0.3, release).start()
    store = Store.open(path)
    assert released.is_set()  # it opened only once the other side let go
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    holder.close()
