"""A real Dovecot IMAP server for tests: own config, loopback ports, Maildir in a temp folder.

Started as a child process with `dovecot -F -c CONF` (no systemd, nothing read from
/etc/dovecot) and stopped by its PID. See shared/RECIPES.md.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

from imapclient import IMAPClient

from tests.support.processes import stop

CONF = """\
instance_name = nextlead-test-{instance}
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
"""


POOL = 500


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Dovecot:
    """One running Dovecot; `add_user` gives each test its own mailbox."""

    def __init__(self, binary: str, settings: str = ""):
        """`settings`: lines added to the config, e.g. to offer fewer capabilities."""
        self.dir = Path(tempfile.mkdtemp(prefix="nextlead-dovecot-"))
        os.chmod(self.dir, 0o755)  # the auth process (user dovecot) reads the users file
        self.port, self.tls_port = free_port(), free_port()
        for sub in ("run", "state", "mail"):
            (self.dir / sub).mkdir()
        os.chown(self.dir / "mail", 65534, 65534)
        # Users are made up front: Dovecot may not notice a users file changed within a second.
        (self.dir / "users").write_text(
            "".join(
                f"user{n}:{{PLAIN}}secret:65534:65534::{self.dir}/mail/user{n}::\n"
                for n in range(1, POOL + 1)
            )
        )
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                str(self.dir / "key.pem"),
                "-out",
                str(self.dir / "cert.pem"),
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ],
            check=True,
            capture_output=True,
        )
        self.cafile = str(self.dir / "cert.pem")
        conf = self.dir / "dovecot.conf"
        conf.write_text(
            CONF.format(d=self.dir, port=self.port, tls_port=self.tls_port, instance=self.port)
            + settings
        )
        self.process = subprocess.Popen(
            [binary, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self._wait_for_port()
        self._users = 0

    def _wait_for_port(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("dovecot exited: " + self.process.stderr.read().decode())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.03)
        raise RuntimeError(f"dovecot did not open port {self.port}; see {self.dir}/dovecot.log")

    def add_user(self) -> str:
        """A user with an empty mailbox (password "secret"); returns the login name."""
        self._users += 1
        if self._users > POOL:
            raise RuntimeError(f"more than {POOL} test mailboxes: raise POOL")
        return f"user{self._users}"

    def client(self, user: str, password: str = "secret") -> IMAPClient:
        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(user, password)
        return client

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cafile)

    def seed(self, user: str, messages: list[bytes], folder: str = "INBOX") -> None:
        client = self.client(user)
        try:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            if messages and client.has_capability("MULTIAPPEND"):
                client.multiappend(folder, messages)
            else:
                for message in messages:
                    client.append(folder, message)
        finally:
            client.logout()

    def stop(self) -> None:
        stop(self.process)
