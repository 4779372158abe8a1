"""Fixtures shared by every test: a private NEXTLEAD_HOME and the .eml fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MAILBOX = FIXTURES / "mailbox"
REQUIRE_SERVICES = os.environ.get("NEXTLEAD_REQUIRE_SERVICES") == "1"


def need(binary: str, why: str) -> str:
    """The path of a real part the test needs; skip without it, or fail under CI's
    NEXTLEAD_REQUIRE_SERVICES=1 so a missing service cannot pass as skipped tests."""
    found = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin:/sbin")
    if found:
        return found
    message = f"{binary} is not installed ({why}); apt-get install it or run .ci/run"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty NEXTLEAD_HOME for one test."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("NEXTLEAD_HOME", str(path))
    monkeypatch.delenv("NEXTLEAD_CONFIG", raising=False)
    return path


def mailbox_fixture(name: str) -> bytes:
    return (MAILBOX / name).read_bytes()


def _dovecot_binary() -> str:
    return need("dovecot", "integration tests read a real IMAP mailbox")


@pytest.fixture(scope="session")
def dovecot():
    """One real Dovecot for the whole run, stopped by PID at the end."""
    from tests.support.dovecot import Dovecot

    server = Dovecot(_dovecot_binary())
    yield server
    server.stop()


@pytest.fixture(scope="session")
def dovecot_without_multiappend():
    """A Dovecot that, like Gmail, does not offer MULTIAPPEND (RFC 3502)."""
    from tests.support.dovecot import Dovecot

    # Dovecot's own capabilities, MULTIAPPEND left out.
    server = Dovecot(
        _dovecot_binary(),
        settings="imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT "
        "UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED CONDSTORE QRESYNC ESEARCH "
        "LIST-STATUS MOVE LITERAL+ SPECIAL-USE\n",
    )
    yield server
    server.stop()


@pytest.fixture
def imap_user(dovecot) -> str:
    """A fresh mailbox (user) on the shared Dovecot."""
    return dovecot.add_user()


def write_config(
    home: Path, dovecot, user: str, *, security: str = "none", extra: str = ""
) -> Path:
    """config.toml for one Dovecot user; the password comes from NEXTLEAD_TEST_PASSWORD."""
    port = dovecot.tls_port if security == "ssl" else dovecot.port
    path = home / "config.toml"
    path.write_text(f"""
[profile]
name = "Jordan Rivera"
email = "jordan.rivera@example.net"
phone = "+1 555 0100"

[[accounts]]
name = "test"
imap_host = "127.0.0.1"
imap_port = {port}
imap_security = "{security}"
username = "{user}"
password_env = "NEXTLEAD_TEST_PASSWORD"
ca_file = "{dovecot.cafile}"
{extra}
""")
    return path
