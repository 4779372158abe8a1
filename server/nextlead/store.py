"""The SQLite store: scan state, messages with their verdicts, and the asks drafted for them.

One file in NEXTLEAD_HOME, in WAL mode so the server's API and a scan can write at once. The
schema is versioned with PRAGMA user_version; `MIGRATIONS[n]` takes a database from version n
to n + 1, so an older database is migrated on open and a newer one is refused.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    # 2: sending. Every send attempt is kept under its idempotency key, so a replayed request
    # is answered from here; the ask row says which process is sending it (send_owner).
    """
    CREATE TABLE send_attempts (
        idempotency_key TEXT PRIMARY KEY,
        ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        error TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX send_attempts_ask ON send_attempts (ask_id);
    ALTER TABLE asks ADD COLUMN send_owner TEXT;
    ALTER TABLE asks ADD COLUMN send_started_at TEXT;
    ALTER TABLE asks ADD COLUMN sent_message_id TEXT;
    """,
    # 3: the rejection's own words (a bounded excerpt), so a rejection confirmed later from the
    # review list can get its ask composed, and the card and dashboard can show it.
    """
    ALTER TABLE messages ADD COLUMN excerpt TEXT;
    CREATE INDEX messages_from ON messages (from_addr, date);
    """,
    # 4: the dashboard. Leads are people an answer pointed to (who, from which ask, whether the
    # referrer's name may be used, how far it got); answers link a sent ask to the message that
    # answered it (found by References, or marked by the user); follow_ups remember when the
    # user last chased an ask or a lead, so "follow-ups due" can be cleared for a week.
    """
    CREATE TABLE leads (
        id INTEGER PRIMARY KEY,
        ask_id INTEGER REFERENCES asks (id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        email TEXT,
        company TEXT,
        referred_by TEXT,
        may_use_name TEXT NOT NULL DEFAULT 'unknown',
        status TEXT NOT NULL DEFAULT 'new',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        contacted_at TEXT,
        interview_at TEXT,
        offer_at TEXT
    );
    CREATE INDEX leads_ask ON leads (ask_id);
    CREATE INDEX leads_status ON leads (status);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
        message_row INTEGER REFERENCES messages (id) ON DELETE CASCADE,
        received_at TEXT NOT NULL,
        read_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (ask_id, message_row)
    );
    CREATE INDEX answers_ask ON answers (ask_id);
    CREATE TABLE follow_ups (
        kind TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        followed_up_at TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

# Message statuses: what the scan decided to do with a message.
REJECTION = "rejection"  # a sure rejection with a human to write to: it gets an ask
REVIEW = "review"  # maybe a rejection: waits for the user's word
NO_CONTACT = "no_contact"  # a rejection with nobody to write to
OTHER = "other"

# Ask states. drafted -> sending -> sent | failed; a send interrupted by a crash is "unknown"
# (it may or may not have left) and is never retried by itself; "dismissed" is put aside.
DRAFTED, SENDING, SENT, FAILED, UNKNOWN = "drafted", "sending", "sent", "failed", "unknown"
ASK_STATES = (DRAFTED, SENDING, SENT, FAILED, UNKNOWN, "dismissed")
UNKNOWN_ERROR = "unknown, check your Sent folder"
# Who is sending: this process. A "sending" ask whose owner is gone was interrupted.
SEND_OWNER = f"{os.getpid()}:{secrets.token_hex(8)}"
# No send takes this long (SMTP timeouts and retries included), whoever the owner claims to be.
SEND_STALE_AFTER = timedelta(minutes=15)

# Leads: where each stands, and whether the referrer said their name may be used.
LEAD_STATUSES = ("new", "contacted", "interview", "offer", "closed")
MAY_USE_NAME = ("unknown", "yes", "no")
LEAD_FIELDS = (
    "ask_id",
    "name",
    "email",
    "company",
    "referred_by",
    "may_use_name",
    "status",
    "notes",
)
FOLLOW_UP_DAYS = 7  # a sent ask or a contacted lead quiet for this long is due a follow-up


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration, one at a time (executescript would commit)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ScanState:
    uidvalidity: int
    last_uid: int


def _use_wal(conn: sqlite3.Connection, seconds: float = 30) -> None:
    """Put the database in WAL mode (readers never wait for a writer). Switching takes a lock
    without waiting for it, so it is done once, and retried while another process holds the
    lock: the server and a scan may create the database at the same moment."""
    deadline = time.monotonic() + seconds
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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
            _use_wal(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn)
            store._migrate(path)
            store.recover_interrupted_sends()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise StoreError(
                    f"{path} is not a NextLead database ({exc}); move it away or set "
                    "NEXTLEAD_HOME to another folder"
                ) from None
            raise StoreError(
                f"{path} stayed locked by another program for 30 s; close it and try again"
            ) from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a NextLead database ({exc}); move it away or set "
                "NEXTLEAD_HOME to another folder"
            ) from None
        return store

    def close(self) -> None:
        self.conn.close()

    def _migrate(self, path: Path) -> None:
        """Bring the schema up to date under the write lock, so two processes opening a new
        database at once (the server and a scan) cannot both create it."""
        if self.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        with self.transaction():
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
                for statement in _statements(MIGRATIONS[step]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {step + 1}")

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

    def sender_marked_not_rejection(self, account: str, from_addr: str | None) -> bool:
        """True when the user called this sender's mail "not a rejection" and never the
        opposite: safe to apply to their new mail (job alerts, newsletters, one's own ATS)."""
        if not from_addr:
            return False
        kinds = {
            row[0]
            for row in self.conn.execute(
                "SELECT DISTINCT feedback FROM messages WHERE account = ? AND from_addr = ? "
                "AND feedback IS NOT NULL",
                (account, from_addr),
            )
        }
        return kinds == {"not_rejection"}

    def review_list(self) -> list[sqlite3.Row]:
        """Possible rejections that wait for the user's word, most likely first."""
        return self.conn.execute(
            "SELECT * FROM messages WHERE status = 'review' ORDER BY score DESC, date DESC"
        ).fetchall()

    def last_message_row(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]

    def answers_an_ask(self, refs: list[str]) -> bool:
        """True when these References name one of our asks (as drafted or as sent)."""
        if not refs:
            return False
        marks = ", ".join("?" for _ in refs)
        return (
            self.conn.execute(
                f"SELECT 1 FROM asks WHERE draft_message_id IN ({marks}) OR sent_message_id IN "
                f"({marks}) LIMIT 1",
                (*refs, *refs),
            ).fetchone()
            is not None
        )

    def ask_for_message(self, row_id: int, kind: str = "ask") -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM asks WHERE message_row = ? AND kind = ?", (row_id, kind)
        ).fetchone()

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

    # sending asks -----------------------------------------------------------------------
    def send_attempt(self, idempotency_key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM send_attempts WHERE idempotency_key = ?", (idempotency_key,)
        ).fetchone()

    def begin_send(
        self,
        ask_id: int,
        idempotency_key: str,
        *,
        message_id: str,
        body: str | None = None,
        from_states: tuple[str, ...] = (DRAFTED, FAILED),
    ) -> bool:
        """Mark the ask "sending" under this key, committed before any SMTP; False if another
        call got there first (the key is known, or the ask is no longer in `from_states`)."""
        stamp = now()
        with self.transaction():
            if self.send_attempt(idempotency_key) is not None:
                return False
            marks = ", ".join("?" for _ in from_states)
            cursor = self.conn.execute(
                "UPDATE asks SET state = 'sending', idempotency_key = ?, body = coalesce(?, body),"
                " error = NULL, send_owner = ?, send_started_at = ?, sent_message_id = ?,"
                f" updated_at = ? WHERE id = ? AND state IN ({marks})",
                (idempotency_key, body, SEND_OWNER, stamp, message_id, stamp, ask_id, *from_states),
            )
            if cursor.rowcount != 1:
                return False
            self.conn.execute(
                "INSERT INTO send_attempts (idempotency_key, ask_id, state, started_at) "
                "VALUES (?, ?, 'sending', ?)",
                (idempotency_key, ask_id, stamp),
            )
        return True

    def finish_send(
        self, ask_id: int, idempotency_key: str, state: str, error: str | None = None
    ) -> None:
        """Record how the send under this key ended: sent, failed or unknown."""
        stamp = now()
        with self.transaction():
            self.conn.execute(
                "UPDATE asks SET state = ?, error = ?, send_owner = NULL, updated_at = ?, "
                "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END "
                "WHERE id = ? AND idempotency_key = ?",
                (state, error, stamp, state, stamp, ask_id, idempotency_key),
            )
            self.conn.execute(
                "UPDATE send_attempts SET state = ?, error = ?, finished_at = ? "
                "WHERE idempotency_key = ?",
                (state, error, stamp, idempotency_key),
            )

    def set_ask_body(self, ask_id: int, body: str) -> bool:
        """Keep the user's edited text on an ask that has not left; False if it has."""
        cursor = self.conn.execute(
            "UPDATE asks SET body = ?, updated_at = ? WHERE id = ? "
            "AND state IN ('drafted', 'failed', 'unknown')",
            (body, now(), ask_id),
        )
        return cursor.rowcount == 1

    def set_ask_error(self, ask_id: int, error: str | None) -> None:
        """A note on an ask, e.g. a sent ask whose draft could not be removed from Drafts."""
        self.conn.execute(
            "UPDATE asks SET error = ?, updated_at = ? WHERE id = ?", (error, now(), ask_id)
        )

    def draft_removed(self, ask_id: int) -> None:
        """The ask's draft is gone from Drafts (it was sent)."""
        self.conn.execute(
            "UPDATE asks SET draft_uid = NULL, updated_at = ? WHERE id = ?", (now(), ask_id)
        )

    def recover_interrupted_sends(self) -> int:
        """Asks left "sending" by a process that is gone become "unknown": the message may or
        may not have left, so they wait for the user instead of being sent again."""
        rows = self.conn.execute(
            "SELECT id, idempotency_key, send_owner, send_started_at FROM asks "
            "WHERE state = 'sending'"
        ).fetchall()
        stale = [r for r in rows if _send_interrupted(r["send_owner"], r["send_started_at"])]
        if not stale:
            return 0
        stamp = now()
        with self.transaction():
            for row in stale:
                self.conn.execute(
                    "UPDATE asks SET state = 'unknown', error = ?, send_owner = NULL, "
                    "updated_at = ? WHERE id = ? AND state = 'sending'",
                    (UNKNOWN_ERROR, stamp, row["id"]),
                )
                self.conn.execute(
                    "UPDATE send_attempts SET state = 'unknown', error = ?, finished_at = ? "
                    "WHERE idempotency_key = ? AND state = 'sending'",
                    (UNKNOWN_ERROR, stamp, row["idempotency_key"]),
                )
        return len(stale)

    def list_asks(self, state: str | None = None) -> list[sqlite3.Row]:
        """Asks with their company and account, newest first; `state` filters."""
        sql = (
            "SELECT a.*, m.company, m.account, m.language, m.contact_first_name "
            "FROM asks a JOIN messages m ON m.id = a.message_row"
        )
        args: tuple[Any, ...] = ()
        if state:
            sql += " WHERE a.state = ?"
            args = (state,)
        return self.conn.execute(sql + " ORDER BY a.id DESC", args).fetchall()

    def ask_account(self, ask_id: int) -> str | None:
        """The account whose mailbox holds the rejection the ask answers."""
        row = self.conn.execute(
            "SELECT m.account FROM asks a JOIN messages m ON m.id = a.message_row WHERE a.id = ?",
            (ask_id,),
        ).fetchone()
        return row["account"] if row else None

    def counts(self) -> dict[str, int]:
        """The funnel's numbers."""
        row = self.conn.execute(
            "SELECT "
            " (SELECT count(*) FROM messages WHERE status IN ('rejection','no_contact')) AS rej,"
            " (SELECT count(*) FROM messages WHERE status = 'review') AS review,"
            " (SELECT count(*) FROM asks WHERE kind = 'ask') AS drafted,"
            " (SELECT count(*) FROM asks WHERE kind = 'ask' AND state = 'sent') AS sent,"
            " (SELECT count(DISTINCT ask_id) FROM answers) AS replies,"
            " (SELECT count(*) FROM leads) AS leads"
        ).fetchone()
        return {
            "rejections": row["rej"],
            "review": row["review"],
            "asks_drafted": row["drafted"],
            "asks_sent": row["sent"],
            "replies": row["replies"],
            "leads": row["leads"],
        }

    # the browser extension's lookups ------------------------------------------------------
    _WITH_ASK = (
        "SELECT m.*, a.id AS ask_id, a.state AS ask_state, a.to_addr AS ask_to, "
        "a.subject AS ask_subject, a.body AS ask_body, a.draft_uid, a.sent_at AS ask_sent_at, "
        "a.error AS ask_error FROM messages m "
        "LEFT JOIN asks a ON a.message_row = m.id AND a.kind = 'ask' "
    )
    # Where one message sits in several accounts, the copy with an ask wins.
    _PREFER_ASK = " ORDER BY a.id IS NULL, m.id LIMIT 1"

    def message_by_gm_msgid(self, gm_msgid: str) -> sqlite3.Row | None:
        """A message by Gmail's X-GM-MSGID in lowercase hex (Gmail's data-legacy-message-id)."""
        return self.conn.execute(
            self._WITH_ASK + "WHERE m.gm_msgid = ?" + self._PREFER_ASK, (gm_msgid,)
        ).fetchone()

    def message_by_message_id(self, message_id: str) -> sqlite3.Row | None:
        """A message by its Message-ID header, angle brackets included."""
        return self.conn.execute(
            self._WITH_ASK + "WHERE m.message_id = ?" + self._PREFER_ASK, (message_id,)
        ).fetchone()

    def messages_from(self, from_addr: str) -> list[sqlite3.Row]:
        """Every message from one sender address, newest first, each with its ask."""
        return self.conn.execute(
            self._WITH_ASK + "WHERE m.from_addr = ? ORDER BY m.date DESC, a.id IS NULL, m.id",
            (from_addr.strip().lower(),),
        ).fetchall()

    def asks_waiting(self) -> int:
        """Asks composed for a human and neither sent nor dismissed: what the user can send."""
        return self.conn.execute(
            "SELECT count(*) FROM asks WHERE kind = 'ask' AND to_addr IS NOT NULL "
            "AND state NOT IN ('sent', 'dismissed')"
        ).fetchone()[0]

    def waiting_asks(self) -> list[sqlite3.Row]:
        """The asks still waiting to be sent, with what identifies their rejection in Gmail."""
        return self.conn.execute(
            "SELECT a.id, a.state, m.id AS message_row, m.gm_msgid, m.gm_thrid, m.message_id, "
            "m.from_addr, m.subject, m.date FROM asks a JOIN messages m ON m.id = a.message_row "
            "WHERE a.kind = 'ask' AND a.to_addr IS NOT NULL AND m.status = 'rejection' "
            "AND a.state NOT IN ('sent', 'dismissed') ORDER BY m.date DESC, a.id"
        ).fetchall()

    def dismiss_ask(self, ask_id: int) -> str | None:
        """Put an unsent ask aside; returns the ask's state afterwards, None if there is none."""
        with self.transaction():
            row = self.conn.execute("SELECT state FROM asks WHERE id = ?", (ask_id,)).fetchone()
            if row is None:
                return None
            if row["state"] in ("sent", "sending"):
                return str(row["state"])
            self.conn.execute(
                "UPDATE asks SET state = 'dismissed', updated_at = ? WHERE id = ?", (now(), ask_id)
            )
        return "dismissed"

    # the dashboard ------------------------------------------------------------------------
    # Leads: people an answer pointed to. Status moves new -> contacted -> interview -> offer
    # (or closed); the first time a lead reaches a stage is kept, for the funnel's weeks.
    def add_lead(self, values: dict[str, Any]) -> int:
        """A new lead from the dashboard's form (or a suggestion); returns its id."""
        stamp = now()
        fields = {k: values[k] for k in LEAD_FIELDS if k in values}
        fields.setdefault("status", "new")
        fields.setdefault("notes", "")
        fields.update(_stage_stamps(fields["status"], {}, stamp), created_at=stamp)
        fields["updated_at"] = stamp
        columns = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        cursor = self.conn.execute(
            f"INSERT INTO leads ({columns}) VALUES ({marks})", tuple(fields.values())
        )
        return int(cursor.lastrowid)

    def update_lead(self, lead_id: int, values: dict[str, Any]) -> bool:
        """Change a lead's fields (any of LEAD_FIELDS); False if there is no such lead."""
        with self.transaction():
            row = self.lead(lead_id)
            if row is None:
                return False
            stamp = now()
            fields = {k: values[k] for k in LEAD_FIELDS if k in values}
            if "status" in fields:
                fields.update(_stage_stamps(fields["status"], row, stamp))
            fields["updated_at"] = stamp
            assignments = ", ".join(f"{k} = ?" for k in fields)
            self.conn.execute(
                f"UPDATE leads SET {assignments} WHERE id = ?", (*fields.values(), lead_id)
            )
        return True

    _LEADS = (
        "SELECT l.*, a.subject AS ask_subject, m.company AS ask_company, "
        "coalesce(m.contact_name, m.from_name, m.from_addr) AS ask_contact, "
        "f.followed_up_at FROM leads l "
        "LEFT JOIN asks a ON a.id = l.ask_id LEFT JOIN messages m ON m.id = a.message_row "
        "LEFT JOIN follow_ups f ON f.kind = 'lead' AND f.item_id = l.id "
    )

    def lead(self, lead_id: int) -> sqlite3.Row | None:
        """One lead with the ask (and rejection) it came from."""
        return self.conn.execute(self._LEADS + "WHERE l.id = ?", (lead_id,)).fetchone()

    def list_leads(self, status: str | None = None) -> list[sqlite3.Row]:
        """Leads, most recently changed first; `status` filters."""
        where, args = ("WHERE l.status = ? ", (status,)) if status else ("", ())
        return self.conn.execute(
            self._LEADS + where + "ORDER BY l.updated_at DESC, l.id DESC", args
        ).fetchall()

    # Answers: a message that names a sent ask in its References is its answer. The user can
    # also say an ask was answered (by phone, or from a client that broke the thread).
    def link_answers(self, after_row: int = 0, own: Iterable[str] = ()) -> int:
        """Record, once each, the scanned messages that answer an ask: a reply names our
        Message-ID in its References (the one we sent with, or the draft's, when it was sent
        from the mail client). Looks at messages after row `after_row` only; returns the last
        row looked at, to pass next time (a full pass over 100,000 messages takes a moment).
        Mail from the user's `own` addresses (a follow-up sent in the thread) is no answer."""
        mine = {address.lower() for address in own}
        upto = self.conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
        ours: dict[str, tuple[int, int]] = {}
        for ask in self.conn.execute(
            "SELECT id, message_row, draft_message_id, sent_message_id FROM asks "
            "WHERE kind = 'ask' AND state != 'dismissed'"
        ):
            for message_id in (ask["draft_message_id"], ask["sent_message_id"]):
                if message_id:
                    ours[message_id] = (ask["id"], ask["message_row"])
        if not ours or upto <= after_row:
            return upto
        found = []
        for row in self.conn.execute(
            "SELECT id, refs, from_addr, coalesce(date, scanned_at) AS at FROM messages "
            "WHERE id > ? AND id <= ? AND refs != '[]'",
            (after_row, upto),
        ):
            if (row["from_addr"] or "").lower() in mine:
                continue
            for ref in json.loads(row["refs"] or "[]"):
                ask_id, rejection = ours.get(ref, (None, None))
                if ask_id is not None and rejection != row["id"]:
                    found.append((ask_id, row["id"], row["at"]))
        if found:
            stamp = now()
            with self.transaction():
                self.conn.executemany(
                    "INSERT OR IGNORE INTO answers (ask_id, message_row, received_at, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    [(*item, stamp) for item in found],
                )
        return upto

    def add_answer(self, ask_id: int) -> bool:
        """The user's word that an ask was answered outside this mailbox; once per ask.
        False if there is no such ask."""
        with self.transaction():
            if self.ask(ask_id) is None:
                return False
            known = self.conn.execute(
                "SELECT 1 FROM answers WHERE ask_id = ?", (ask_id,)
            ).fetchone()
            if not known:
                stamp = now()
                self.conn.execute(
                    "INSERT INTO answers (ask_id, received_at, read_at, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (ask_id, stamp, stamp, stamp),
                )
        return True

    def answers_for(self, ask_id: int) -> list[sqlite3.Row]:
        """The answers to one ask, oldest first, with the answering message if scanned."""
        return self.conn.execute(
            "SELECT n.*, m.subject, m.from_name, m.from_addr, m.date, m.excerpt, m.gm_msgid, "
            "m.message_id, m.refs "
            "FROM answers n LEFT JOIN messages m ON m.id = n.message_row "
            "WHERE n.ask_id = ? ORDER BY n.received_at, n.id",
            (ask_id,),
        ).fetchall()

    def mark_answers_read(self, ask_id: int) -> int:
        """The user has read the answers to this ask; returns how many were unread."""
        return self.conn.execute(
            "UPDATE answers SET read_at = ? WHERE ask_id = ? AND read_at IS NULL",
            (now(), ask_id),
        ).rowcount

    def unread_answers(self) -> list[sqlite3.Row]:
        """Answers not yet read, newest first, with the ask and the company."""
        return self.conn.execute(
            "SELECT n.id, n.ask_id, n.received_at, m.subject, m.from_name, m.from_addr, "
            "r.company FROM answers n JOIN asks a ON a.id = n.ask_id "
            "JOIN messages r ON r.id = a.message_row "
            "LEFT JOIN messages m ON m.id = n.message_row "
            "WHERE n.read_at IS NULL ORDER BY n.received_at DESC, n.id DESC"
        ).fetchall()

    # Follow-ups: a sent ask with no answer, or a contacted lead with no news, for `days`.
    def follow_ups_due(
        self, days: int = FOLLOW_UP_DAYS, at: datetime | None = None
    ) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
        """(asks, leads) to chase: quiet for `days` since sent/contacted or last chased."""
        cutoff = ((at or datetime.now(UTC)) - timedelta(days=days)).isoformat(timespec="seconds")
        asks = self.conn.execute(
            "SELECT a.id, a.to_addr, a.subject, a.sent_at, m.company, f.followed_up_at "
            "FROM asks a JOIN messages m ON m.id = a.message_row "
            "LEFT JOIN follow_ups f ON f.kind = 'ask' AND f.item_id = a.id "
            "WHERE a.state = 'sent' AND max(a.sent_at, coalesce(f.followed_up_at, '')) <= ? "
            "AND NOT EXISTS (SELECT 1 FROM answers n WHERE n.ask_id = a.id) "
            "ORDER BY a.sent_at",
            (cutoff,),
        ).fetchall()
        leads = self.conn.execute(
            self._LEADS + "WHERE l.status = 'contacted' "
            "AND max(l.contacted_at, coalesce(f.followed_up_at, '')) <= ? ORDER BY l.contacted_at",
            (cutoff,),
        ).fetchall()
        return asks, leads

    def followed_up(self, kind: str, item_id: int) -> None:
        """The user chased this ask or lead today: not due again for a while."""
        if kind not in ("ask", "lead"):
            raise ValueError(f"follow-ups are for asks and leads, not {kind!r}")
        self.conn.execute(
            "INSERT INTO follow_ups (kind, item_id, followed_up_at) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, item_id) DO UPDATE SET followed_up_at = excluded.followed_up_at",
            (kind, item_id, now()),
        )

    # Pages.
    def funnel_events(self) -> dict[str, list[str]]:
        """When each step of the funnel happened, per stage (ISO dates): the funnel's totals
        are the list lengths, its weekly chart their dates."""

        def dates(sql: str) -> list[str]:
            return [row[0] for row in self.conn.execute(sql)]

        return {
            "rejections": dates(
                "SELECT coalesce(date, scanned_at) FROM messages "
                "WHERE status IN ('rejection', 'no_contact')"
            ),
            "asks_drafted": dates("SELECT created_at FROM asks WHERE kind = 'ask'"),
            "asks_sent": dates("SELECT sent_at FROM asks WHERE kind = 'ask' AND state = 'sent'"),
            "replies": dates("SELECT min(received_at) FROM answers GROUP BY ask_id"),
            "leads": dates("SELECT created_at FROM leads"),
            "contacted": dates("SELECT contacted_at FROM leads WHERE contacted_at IS NOT NULL"),
            "interviews": dates("SELECT interview_at FROM leads WHERE interview_at IS NOT NULL"),
        }

    _ASKS = (
        "SELECT a.*, m.subject AS rejection_subject, m.from_name, "
        "m.from_addr, m.date AS rejection_date, m.company, m.contact_name, m.contact_first_name, "
        "m.role, "
        "m.evidence, m.status AS message_status, m.gm_msgid, m.gm_thrid, m.account, "
        "m.reply_to, m.excerpt, m.language, "
        "(SELECT followed_up_at FROM follow_ups f WHERE f.kind = 'ask' AND f.item_id = a.id)"
        " AS followed_up_at, "
        "(SELECT count(*) FROM answers n WHERE n.ask_id = a.id) AS answers, "
        "(SELECT count(*) FROM answers n WHERE n.ask_id = a.id AND n.read_at IS NULL) AS unread"
        " FROM asks a JOIN messages m ON m.id = a.message_row "
    )

    def search_asks(
        self,
        *,
        state: str | None = None,
        company: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[sqlite3.Row]:
        """Asks with their rejection, newest rejection first; filters: the ask's state, a
        company name fragment, and the rejection's date (YYYY-MM-DD, both ends included)."""
        where, args = ["a.kind = 'ask'"], []
        if state == "answered":
            where.append("EXISTS (SELECT 1 FROM answers n WHERE n.ask_id = a.id)")
        elif state:
            where.append("a.state = ?")
            args.append(state)
        if company:
            where.append("m.company LIKE ? ESCAPE '\\'")
            args.append("%" + _like(company) + "%")
        if since:
            where.append("substr(m.date, 1, 10) >= ?")
            args.append(since)
        if until:
            where.append("substr(m.date, 1, 10) <= ?")
            args.append(until)
        return self.conn.execute(
            self._ASKS + "WHERE " + " AND ".join(where) + " ORDER BY m.date DESC, a.id DESC",
            args,
        ).fetchall()

    def ask_detail(self, ask_id: int) -> sqlite3.Row | None:
        """One ask with everything about the rejection it answers."""
        return self.conn.execute(self._ASKS + "WHERE a.id = ?", (ask_id,)).fetchone()

    def review_messages(self) -> list[sqlite3.Row]:
        """Possible rejections waiting for the user's word, newest first."""
        return self.conn.execute(
            "SELECT * FROM messages WHERE status = 'review' ORDER BY date DESC, id DESC"
        ).fetchall()

    def latest_rejection(self) -> sqlite3.Row | None:
        """The newest rejection with words to answer: the settings page previews a reply to it."""
        return self.conn.execute(
            "SELECT * FROM messages WHERE status = 'rejection' AND excerpt IS NOT NULL "
            "ORDER BY date DESC, id DESC LIMIT 1"
        ).fetchone()

    def companies(self) -> list[sqlite3.Row]:
        """Every company met in rejections, asks or leads, with counts and last activity."""
        return self.conn.execute(
            "WITH events AS ("
            " SELECT m.company AS name, 'rejection' AS kind, coalesce(m.date, m.scanned_at) AS at"
            " FROM messages m WHERE m.status != 'other' AND m.company IS NOT NULL"
            " UNION ALL SELECT m.company, 'ask', coalesce(a.sent_at, a.created_at) FROM asks a"
            " JOIN messages m ON m.id = a.message_row WHERE m.company IS NOT NULL"
            " UNION ALL SELECT coalesce(nullif(l.company, ''), m.company), 'lead', l.created_at"
            " FROM leads l LEFT JOIN asks a ON a.id = l.ask_id"
            " LEFT JOIN messages m ON m.id = a.message_row"
            " WHERE coalesce(nullif(l.company, ''), m.company) IS NOT NULL)"
            " SELECT min(name) AS name, lower(trim(name)) AS key,"
            " sum(kind = 'rejection') AS rejections, sum(kind = 'ask') AS asks,"
            " sum(kind = 'lead') AS leads, max(at) AS last_at"
            " FROM events WHERE trim(name) != '' GROUP BY lower(trim(name))"
            " ORDER BY max(at) DESC"
        ).fetchall()

    def company_timeline(self, name: str) -> list[dict[str, Any]]:
        """What happened with one company (case aside), oldest first: rejections, asks drafted,
        sent and answered, leads added and how far they got."""
        key = name.strip().lower()
        events: list[dict[str, Any]] = []
        for m in self.conn.execute(
            "SELECT * FROM messages WHERE status != 'other' AND lower(trim(company)) = ?", (key,)
        ):
            events.append({"at": m["date"] or m["scanned_at"], "kind": "rejection", "row": m})
        for a in self.conn.execute(
            self._ASKS + "WHERE lower(trim(m.company)) = ?", (key,)
        ).fetchall():
            events.append({"at": a["created_at"], "kind": "ask_drafted", "row": a})
            if a["sent_at"]:
                events.append({"at": a["sent_at"], "kind": "ask_sent", "row": a})
            for n in self.answers_for(a["id"]):
                events.append({"at": n["received_at"], "kind": "answer", "row": a})
        for lead in self.conn.execute(
            self._LEADS + "WHERE lower(trim(coalesce(nullif(l.company, ''), m.company))) = ?",
            (key,),
        ).fetchall():
            events.append({"at": lead["created_at"], "kind": "lead", "row": lead})
            for stage in ("contacted", "interview", "offer"):
                if lead[f"{stage}_at"]:
                    events.append({"at": lead[f"{stage}_at"], "kind": f"lead_{stage}", "row": lead})
        return sorted(events, key=lambda e: _utc(e["at"]))


def _send_interrupted(owner: str | None, started_at: str | None) -> bool:
    """Whether a "sending" ask's process is gone (or has taken far longer than any send)."""
    if owner == SEND_OWNER:
        return False
    try:
        pid = int((owner or "").split(":", 1)[0])
        started = datetime.fromisoformat(started_at or "")
    except ValueError:
        return True
    if datetime.now(UTC) - started > SEND_STALE_AFTER:
        return True
    return not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; rely on SEND_STALE_AFTER
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _stage_stamps(status: str, row: Any, stamp: str) -> dict[str, str]:
    """The first time a lead reaches contacted, interview and offer (a later stage implies
    the earlier ones); stamps already set are kept."""
    reached = LEAD_STATUSES.index(status) if status in LEAD_STATUSES else 0
    stamps = {}
    for stage in ("contacted", "interview", "offer"):
        column = f"{stage}_at"
        if LEAD_STATUSES.index(stage) <= reached and status != "closed" and not _get(row, column):
            stamps[column] = stamp
    return stamps


def _get(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (KeyError, IndexError):
        return None


def _like(text: str) -> str:
    """`text` for a LIKE pattern with its own % and _ taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _utc(text: str | None) -> datetime:
    """An ISO timestamp as an aware UTC datetime, for ordering mixed offsets; bad ones first."""
    try:
        parsed = datetime.fromisoformat(text or "")
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
