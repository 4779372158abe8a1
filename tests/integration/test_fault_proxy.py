"""A scan survives a connection that drops, stalls or loses its folder, with nothing missed and
nothing done twice. Real Dovecot; the faults come from a TCP proxy between NextLead and Dovecot
(tests/support/fault_proxy.py) or from a second IMAP client changing the mailbox mid-scan."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest
from click.testing import CliRunner
from nextlead.cli import cli
from nextlead.config import load_config
from nextlead.mail import drafts, imap
from nextlead.pipeline import Summary, scan_account
from nextlead.store import Store

from tests.conftest import write_config
from tests.integration.test_faults import drafts_in_reply_to, numbered
from tests.support.fault_proxy import CUT, SERVER, STALL, Fault, FaultProxy

FAST = (0.01, 0.02, 0.04)  # reconnect delays: the real ones are 1, 2 and 4 seconds
SECOND_BATCH = rb"UID FETCH 11[,:]"  # with batches of 10: the first FETCH of UIDs 11-20


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """Batches of 10 messages, so a scan of a few dozen commits several times."""
    monkeypatch.setattr(imap, "BATCH", 10)
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "secret")


def configure(home, dovecot, user, proxy: FaultProxy | None = None, folders: str = "") -> None:
    """config.toml for `user`, through `proxy` when given."""
    path = write_config(home, dovecot, user, extra=folders)
    if proxy:
        text = path.read_text().replace(f"imap_port = {dovecot.port}", f"imap_port = {proxy.port}")
        path.write_text(text)


def scan(**options) -> Summary:
    config = load_config()
    store = Store.open(config.db_path)
    try:
        return scan_account(config, store, config.account(None), reconnect_delays=FAST, **options)
    finally:
        store.close()


def stored(home, what: str = "message_id") -> list:
    with sqlite3.connect(home / "nextlead.db") as db:
        return [row[0] for row in db.execute(f"SELECT {what} FROM messages")]


def asks_to_send(home) -> int:
    with sqlite3.connect(home / "nextlead.db") as db:
        return db.execute("SELECT count(*) FROM asks WHERE to_addr IS NOT NULL").fetchone()[0]


def assert_one_draft_per_ask(home, dovecot, user, asks: int | None = None) -> None:
    """Drafts holds exactly one draft for each ask with somebody to write to."""
    replies = drafts_in_reply_to(dovecot, user)
    asks = asks_to_send(home) if asks is None else asks
    assert asks_to_send(home) == asks > 0
    assert len(replies) == asks and len(set(replies)) == asks
    with sqlite3.connect(home / "nextlead.db") as db:
        assert db.execute("SELECT count(*) FROM asks WHERE draft_uid IS NULL").fetchone()[0] == 0


def test_a_cut_mid_fetch_resumes_from_the_last_committed_uid(home, dovecot, imap_user):
    dovecot.seed(imap_user, numbered(60))
    totals: list[int] = []
    with FaultProxy(dovecot.port, Fault(CUT, match=rb"UID FETCH", nth=8, connection=1)) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan(progress=lambda done, total: totals.append(total))
        assert (proxy.connections, proxy.cuts) == (2, 1)

    assert summary.reconnects == 1
    # Each message judged once: one already committed and met again would count as skipped.
    assert (summary.scanned, summary.skipped, summary.errors) == (60, 0, 0)
    first, resumed = sorted(set(totals), reverse=True)
    assert first == 60 and 0 < resumed < 60  # the new connection listed only what was left
    assert len(set(stored(home))) == len(stored(home)) == 60
    assert summary.drafts_created == 30
    assert_one_draft_per_ask(home, dovecot, imap_user, 30)

    configure(home, dovecot, imap_user)  # straight to Dovecot now
    again = scan()
    assert (again.scanned, again.drafts_created) == (0, 0)
    assert_one_draft_per_ask(home, dovecot, imap_user, 30)


def test_a_cut_after_the_server_appended_the_drafts_makes_no_second_draft(home, dovecot, imap_user):
    dovecot.seed(imap_user, numbered(12))
    # Dovecot stored all six drafts (one MULTIAPPEND), but its OK never reaches NextLead.
    lost_ok = Fault(CUT, side=SERVER, match=rb"OK \[APPENDUID", connection=1)
    # All or none: after the cut, all six are there, so the next connection appends nothing.
    no_append = Fault(CUT, match=rb" APPEND ", connection=2)
    with FaultProxy(dovecot.port, lost_ok, no_append) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan()
        assert (proxy.connections, proxy.cuts) == (2, 1)

    assert summary.reconnects == 1 and summary.scanned == 12
    assert summary.drafts_created == 6  # the drafts found again after the cut are this scan's
    assert_one_draft_per_ask(home, dovecot, imap_user, 6)
    configure(home, dovecot, imap_user)
    again = scan()
    assert again.drafts_created == 0
    assert_one_draft_per_ask(home, dovecot, imap_user, 6)


def test_without_multiappend_a_cut_after_one_draft_makes_no_second_draft(
    home, dovecot_without_multiappend
):
    """A server without MULTIAPPEND (Gmail) gets one APPEND per draft: the second one's OK
    is lost, so two drafts are stored when the connection drops and four are not."""
    dovecot = dovecot_without_multiappend
    imap_user = dovecot.add_user()
    dovecot.seed(imap_user, numbered(12))
    lost_ok = Fault(CUT, side=SERVER, match=rb"OK \[APPENDUID", nth=2, connection=1)
    with FaultProxy(dovecot.port, lost_ok) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan()
        assert (proxy.connections, proxy.cuts) == (2, 1)

    assert summary.reconnects == 1 and summary.scanned == 12
    assert summary.drafts_created == 6
    assert_one_draft_per_ask(home, dovecot, imap_user, 6)


def test_drafts_appended_but_never_recorded_are_found_again_not_appended_twice(
    home, dovecot, imap_user, monkeypatch
):
    """As after a crash between each APPEND and its commit, for more asks than one SEARCH
    looks for: every draft is found in Drafts and none is made again."""
    monkeypatch.setattr(drafts, "SEARCH_IDS", 4)
    dovecot.seed(imap_user, numbered(20))
    configure(home, dovecot, imap_user)
    assert scan().drafts_created == 11
    with sqlite3.connect(home / "nextlead.db") as db:
        uids = dict(db.execute("SELECT id, draft_uid FROM asks"))
        db.execute("UPDATE asks SET drafts_folder = NULL, draft_uid = NULL")

    again = scan()
    assert again.drafts_created == 0
    assert_one_draft_per_ask(home, dovecot, imap_user, 11)
    with sqlite3.connect(home / "nextlead.db") as db:
        assert dict(db.execute("SELECT id, draft_uid FROM asks")) == uids


@pytest.mark.parametrize("after_bytes", [300, 700, 1500, 4000])
def test_wherever_the_first_connection_is_cut_each_message_is_judged_and_drafted_once(
    home, dovecot, imap_user, after_bytes
):
    """Mid-FETCH, while looking in Drafts, inside a draft's APPEND, at a later APPEND (for
    12 messages, whose six drafts take about 7 KB)."""
    dovecot.seed(imap_user, numbered(12))
    cut = Fault(CUT, after_bytes=after_bytes, connection=1)
    with FaultProxy(dovecot.port, cut) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan()
        assert proxy.cuts == 1 and summary.reconnects == 1
    assert (summary.scanned, summary.skipped, summary.drafts_created) == (12, 0, 6)
    assert len(set(stored(home))) == 12
    assert_one_draft_per_ask(home, dovecot, imap_user, 6)


def test_a_stall_longer_than_the_socket_timeout_reconnects_and_completes(
    home, dovecot, imap_user, caplog
):
    dovecot.seed(imap_user, numbered(30))
    stall = Fault(STALL, match=SECOND_BATCH, connection=1)  # until the proxy stops
    with FaultProxy(dovecot.port, stall) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan(timeout=1)
        assert proxy.stalls == 1 and proxy.connections >= 2

    assert summary.reconnects >= 1
    assert (summary.scanned, summary.skipped, summary.errors) == (30, 0, 0)
    assert len(set(stored(home))) == 30
    assert_one_draft_per_ask(home, dovecot, imap_user, 15)
    warnings = [r.getMessage() for r in caplog.records if "lost the connection" in r.getMessage()]
    assert warnings and all("\n" not in w and "secret" not in w for w in warnings)


def test_a_link_that_drops_every_connection_finishes_while_each_one_gets_work_done(
    home, dovecot, imap_user
):
    dovecot.seed(imap_user, numbered(60))
    with FaultProxy(dovecot.port, Fault(CUT, match=rb"UID FETCH", nth=4)) as proxy:
        configure(home, dovecot, imap_user, proxy)
        summary = scan()  # each connection commits a batch, then drops
        assert proxy.cuts > len(FAST)  # more drops than reconnect delays

    assert summary.reconnects == proxy.cuts
    assert (summary.scanned, summary.skipped) == (60, 0)
    assert_one_draft_per_ask(home, dovecot, imap_user, 30)


def test_a_cut_on_every_connection_gives_up_in_one_line_and_a_later_scan_finishes(
    home, dovecot, imap_user, monkeypatch
):
    monkeypatch.setattr(imap, "RECONNECT_DELAYS", FAST)
    dovecot.seed(imap_user, numbered(60))
    first_goes_on_a_while = Fault(CUT, match=rb"UID FETCH", nth=8, connection=1)
    then_none_gets_far = Fault(CUT, match=rb"UID FETCH", connection=range(2, 100))
    with FaultProxy(dovecot.port, first_goes_on_a_while, then_none_gets_far) as proxy:
        configure(home, dovecot, imap_user, proxy)
        failed = CliRunner().invoke(cli, ["scan", "--json"])
        assert (proxy.connections, proxy.cuts) == (4, 4)  # 3 reconnects after the first

        assert failed.exit_code == 2 and failed.stdout == ""
        assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr
        assert failed.stderr.startswith("Error: 127.0.0.1 failed during the scan: ")
        assert "gave up after 3 reconnects" in failed.stderr and "secret" not in failed.stderr
        kept = stored(home)
        assert 0 < len(kept) < 60  # what the first connection committed stays

        proxy.faults = []  # the link is healthy again
        done = CliRunner().invoke(cli, ["scan", "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert summary["scanned"] == 60 - len(kept) and summary["skipped"] == 0
    assert summary["drafts_created"] == 30
    assert len(set(stored(home))) == len(stored(home)) == 60
    assert_one_draft_per_ask(home, dovecot, imap_user, 30)


def test_uidvalidity_changing_while_disconnected_rescans_without_duplicates(
    home, dovecot, imap_user
):
    """test_scan.py covers a new UIDVALIDITY between scans; here it changes mid-scan, while
    the connection is down: the resumed scan starts the folder over, and Message-IDs keep
    the messages already judged from being judged or drafted again."""
    messages = numbered(30)
    dovecot.seed(imap_user, messages, folder="Jobs")

    def rebuild_the_folder_once(done: int, total: int) -> None:
        if done and not rebuilt:  # the first batch is committed under the old UIDVALIDITY
            rebuilt.append(True)
            client = dovecot.client(imap_user)
            client.delete_folder("Jobs")
            client.logout()
            dovecot.seed(imap_user, messages, folder="Jobs")

    rebuilt: list[bool] = []
    with FaultProxy(dovecot.port, Fault(CUT, match=SECOND_BATCH, connection=1)) as proxy:
        configure(home, dovecot, imap_user, proxy, folders='folders = ["Jobs"]')
        summary = scan(progress=rebuild_the_folder_once)
        assert proxy.cuts == 1

    assert rebuilt and summary.reconnects == 1
    assert (summary.scanned, summary.skipped) == (30, 10)  # the first batch met again
    assert len(set(stored(home))) == len(stored(home)) == 30
    assert len(set(stored(home, "uidvalidity"))) == 1  # every row points at the new folder
    assert_one_draft_per_ask(home, dovecot, imap_user, 15)


def test_a_configured_folder_that_is_missing_is_reported_and_the_others_scanned(
    home, dovecot, imap_user, caplog
):
    configure(home, dovecot, imap_user, folders='folders = ["Applications", "INBOX"]')
    dovecot.seed(imap_user, numbered(6))
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["scan", "--json"])
    assert result.exit_code == 1  # something needs the user's eye
    summary = json.loads(result.stdout)
    assert (summary["scanned"], summary["errors"], summary["drafts_created"]) == (6, 1, 3)
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith("folder 'Applications' is missing on 127.0.0.1")
    assert warning.endswith("; skipped") and "\n" not in warning


def test_a_folder_deleted_mid_scan_is_skipped_and_the_next_folder_scanned(
    home, dovecot, imap_user, caplog
):
    configure(home, dovecot, imap_user, folders='folders = ["Jobs", "INBOX"]')
    messages = numbered(60)
    dovecot.seed(imap_user, messages[:30], folder="Jobs")
    dovecot.seed(imap_user, messages[30:])

    def delete_jobs_once(done: int, total: int) -> None:
        if done and not deleted:  # Jobs' first batch is committed
            deleted.append(True)
            client = dovecot.client(imap_user)
            client.delete_folder("Jobs")  # Dovecot says BYE to the scan at its next FETCH
            client.logout()

    deleted: list[bool] = []
    summary = scan(progress=delete_jobs_once)

    assert deleted and summary.reconnects == 1
    assert summary.skipped_folders == ["Jobs"] and summary.errors == 1
    assert (summary.scanned, summary.skipped) == (40, 0)
    folders = stored(home, "folder")
    assert (folders.count("Jobs"), folders.count("INBOX")) == (10, 30)
    assert_one_draft_per_ask(home, dovecot, imap_user)
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(s.startswith("lost the connection to 127.0.0.1") for s in said)
    assert any(s.startswith("folder 'Jobs' is missing on 127.0.0.1") for s in said)
