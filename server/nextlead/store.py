"""The SQLite store: scan state, messages with their verdicts, and the asks drafted for them.

One file in NEXTLEAD_HOME, in WAL mode so the server's API and a scan can write at once. The
schema is versioned with PRAGMA user_version; `MIGRATIONS[n]` takes a database from version n
to n + 1, so an older database is migrated on open and a newer one is refused.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import StoreError

MIGRATIONS = [
    """
    CREATE TABLE scan_state (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL DEFAULT 0,
        scanned_at TEXT,
        PRIMARY KEY (account, folder)
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        message_key TEXT NOT NULL,
        folder TEXT,
        uid INTEGER,
        uidvalidity INTEGER,
        message_id TEXT,
        gm_msgid TEXT,
        gm_thrid TEXT,
        from_name TEXT,
        from_addr TEXT,
        subject TEXT NOT NULL DEFAULT '',
        date TEXT,
        refs TEXT NOT NULL DEFAULT '[]',
        is_rejection INTEGER NOT NULL DEFAULT 0,
        score REAL NOT NULL DEFAULT 0,
        tier TEXT NOT NULL DEFAULT 'no',
        evidence TEXT NOT NULL DEFAULT '[]',
        company TEXT,
        contact_name TEXT,
        contact_first_name TEXT,
        role TEXT,
        reply_to TEXT,
        language TEXT,
        status TEXT NOT NULL DEFAULT 'other',
        feedback TEXT,
        scanned_at TEXT NOT NULL,
        UNIQUE (account, message_key)
    );
    CREATE INDEX messages_gm_msgid ON messages (gm_msgid) WHERE gm_msgid IS NOT NULL;
    CREATE INDEX messages_message_id ON messages (message_id);
    CREATE INDEX messages_status ON messages (status, date);
    CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        message_row INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'ask',
        state TEXT NOT NULL DEFAULT 'drafted',
        to_addr TEXT,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        in_reply_to TEXT,
        refs TEXT NOT NULL DEFAULT '[]',
        questions TEXT NOT NULL DEFAULT '[]',
        draft_message_id TEXT NOT NULL UNIQUE,
        drafts_folder TEXT,
        draft_uid INTEGER,
        draft_in_thread INTEGER,
        idempotency_key TEXT UNIQUE,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        UNIQUE (message_row, kind)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

# Message statuses: what the scan decided to do with a message.
REJECTION = "rejection"  # a sure rejection with a human to write to: it gets an ask
REVIEW = "review"  # maybe a rejection: waits for the user's word
NO_CONTACT = "no_contact"  # a rejection with nobody to write to
OTHER = "other"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ScanState:
    uidvalidity: int
    last_uid: int


class Store:
    """A connection to nextlead.db with the queries the pipeline and the surfaces need."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @classmethod
    def open(cls, path: Path | str) -> Store:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn)
            store._migrate(path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a NextLead database ({exc}); move it away or set "
                "NEXTLEAD_HOME to another folder"
            ) from None
        return store

    def close(self) -> None:
        self.conn.close()

    def _migrate(self, path: Path) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer NextLead (schema {version}); "
                "upgrade NextLead to open it"
            )
        if version == 0:
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise StoreError(
                    f"{path} holds another program's tables; NextLead will not "
                    "touch it: move it away or set NEXTLEAD_HOME elsewhere"
                )
        for step in range(version, SCHEMA_VERSION):
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[step]};"
                    f" PRAGMA user_version = {step + 1}; COMMIT;"
                )
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; short, so scans and the API never block each other."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # scan state -------------------------------------------------------------------------
    def scan_state(self, account: str, folder: str) -> ScanState | None:
        row = self.conn.execute(
            "SELECT uidvalidity, last_uid FROM scan_state WHERE account = ? AND folder = ?",
            (account, folder),
        ).fetchone()
        return ScanState(row["uidvalidity"], row["last_uid"]) if row else None

    def save_scan_state(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        self.conn.execute(
            "INSERT INTO scan_state (account, folder, uidvalidity, last_uid, scanned_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, folder) DO UPDATE SET "
            "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
            "scanned_at = excluded.scanned_at",
            (account, folder, uidvalidity, last_uid, now()),
        )

    # messages ---------------------------------------------------------------------------
    def find_message(self, account: str, message_key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM messages WHERE account = ? AND message_key = ?", (account, message_key)
        ).fetchone()

    def add_message(self, record: dict[str, Any]) -> int:
        """Insert a scanned message; returns its row id."""
        record = {**record, "scanned_at": now()}
        for key in ("refs", "evidence"):
            if key in record:
                record[key] = json.dumps(list(record[key]))
        columns = ", ".join(record)
        marks = ", ".join("?" for _ in record)
        cursor = self.conn.execute(
            f"INSERT INTO messages ({columns}) VALUES ({marks})", tuple(record.values())
        )
        return int(cursor.lastrowid)

    def relocate_message(self, row_id: int, folder: str, uid: int, uidvalidity: int) -> None:
        """A known message seen again under new UIDs (UIDVALIDITY changed)."""
        self.conn.execute(
            "UPDATE messages SET folder = ?, uid = ?, uidvalidity = ? WHERE id = ?",
            (folder, uid, uidvalidity, row_id),
        )

    def message(self, row_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM messages WHERE id = ?", (row_id,)).fetchone()

    def rejections(self, account: str | None = None) -> list[sqlite3.Row]:
        """Messages judged rejections (any status but other), newest first, with their ask."""
        sql = (
            "SELECT m.*, a.id AS ask_id, a.state AS ask_state, a.to_addr AS ask_to, "
            "a.body AS ask_body, a.draft_uid FROM messages m "
            "LEFT JOIN asks a ON a.message_row = m.id AND a.kind = 'ask' "
            "WHERE m.status != 'other'"
        )
        args: tuple[Any, ...] = ()
        if account:
            sql += " AND m.account = ?"
            args = (account,)
        return self.conn.execute(sql + " ORDER BY m.date DESC, m.id DESC", args).fetchall()

    def set_feedback(self, row_id: int, is_rejection: bool) -> bool:
        """Record the user's verdict; a "not a rejection" also withdraws an unsent ask."""
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE messages SET feedback = ?, status = CASE WHEN ? THEN "
                "(CASE WHEN reply_to IS NULL THEN 'no_contact' ELSE 'rejection' END) "
                "ELSE 'other' END WHERE id = ?",
                ("rejection" if is_rejection else "not_rejection", int(is_rejection), row_id),
            )
            if not is_rejection:
                self.conn.execute(
                    "UPDATE asks SET state = 'dismissed', updated_at = ? "
                    "WHERE message_row = ? AND state = 'drafted'",
                    (now(), row_id),
                )
        return cursor.rowcount == 1

    # asks -------------------------------------------------------------------------------
    def add_ask(self, message_row: int, draft: dict[str, Any], draft_message_id: str) -> int:
        stamp = now()
        cursor = self.conn.execute(
            "INSERT INTO asks (message_row, to_addr, subject, body, in_reply_to, refs, questions,"
            " draft_message_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message_row,
                draft["to"],
                draft["subject"],
                draft["body"],
                draft["in_reply_to"],
                json.dumps(draft["references"]),
                json.dumps(draft["questions"]),
                draft_message_id,
                stamp,
                stamp,
            ),
        )
        return int(cursor.lastrowid)

    def asks_without_draft(self, account: str) -> list[sqlite3.Row]:
        """Asks composed but not yet in the mailbox's Drafts folder."""
        return self.conn.execute(
            "SELECT a.*, m.gm_thrid AS rejection_thrid FROM asks a "
            "JOIN messages m ON m.id = a.message_row "
            "WHERE m.account = ? AND a.draft_uid IS NULL AND a.state = 'drafted' "
            "AND a.to_addr IS NOT NULL ORDER BY a.id",
            (account,),
        ).fetchall()

    def set_draft_location(
        self, ask_id: int, folder: str, uid: int | None, in_thread: bool | None
    ) -> None:
        self.conn.execute(
            "UPDATE asks SET drafts_folder = ?, draft_uid = ?, draft_in_thread = ?, "
            "updated_at = ? WHERE id = ?",
            (folder, uid, None if in_thread is None else int(in_thread), now(), ask_id),
        )

    def ask(self, ask_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM asks WHERE id = ?", (ask_id,)).fetchone()

    def counts(self) -> dict[str, int]:
        """The funnel's numbers."""
        row = self.conn.execute(
            "SELECT "
            " (SELECT count(*) FROM messages WHERE status IN ('rejection','no_contact')) AS rej,"
            " (SELECT count(*) FROM messages WHERE status = 'review') AS review,"
            " (SELECT count(*) FROM asks WHERE kind = 'ask') AS drafted,"
            " (SELECT count(*) FROM asks WHERE kind = 'ask' AND state = 'sent') AS sent"
        ).fetchone()
        return {
            "rejections": row["rej"],
            "review": row["review"],
            "asks_drafted": row["drafted"],
            "asks_sent": row["sent"],
            "replies": 0,
            "leads": 0,
        }
