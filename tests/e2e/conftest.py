"""Real parts for the browser tests: Dovecot seeded with the mailbox fixtures, `nextlead scan`,
`nextlead serve` as a subprocess, an SMTP server (aiosmtpd), and Chromium with the unpacked
extension, where Gmail's URL answers with a page that reproduces Gmail's markup (gmail.html).

Nothing is mocked: the extension's service worker talks to the real server over HTTP.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import formataddr
from pathlib import Path

import pytest
from nextlead.mail.parse import parse_email

from tests.conftest import MAILBOX, need, write_config
from tests.support.dovecot import free_port
from tests.support.processes import stop, wait_for_url

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
GMAIL_PAGE = Path(__file__).with_name("gmail.html")
GMAIL = "https://mail.google.com/mail/u/0/"
NEXTLEAD = str(Path(sys.executable).with_name("nextlead"))
PASSWORD = "secret"
XSS = "<img src=x onerror=\"document.title='pwned'\">"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    f"--disable-extensions-except={EXTENSION}",
    f"--load-extension={EXTENSION}",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def rejection(slug: str, name: str, address: str, company: str, role: str, subject: str) -> bytes:
    """A plain rejection from a person who signs it, in the fixtures' own words."""
    return f"""\
From: {formataddr((name, address))}
To: Jordan Rivera <jordan.rivera@example.net>
Subject: {subject}
Date: Tue, 10 Nov 2026 15:30:00 +0000
Message-ID: <e2e-{slug}@{address.partition("@")[2]}>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Hi Jordan,

Thank you for interviewing for the {role} role. After a lot of discussion we've
decided to move forward with another candidate whose experience is a closer
match for where the team is today.

I know that's not the news you were hoping for. I'd be glad to stay in touch.

Best,
{name}
Engineering Manager, {company}
""".encode()


# The mailbox: the shared fixtures, plus one rejection per test that changes its state.
MAIL: dict[str, bytes] = {
    "priya": (MAILBOX / "01_rejection_personal.eml").read_bytes(),
    "marcus": (MAILBOX / "02_rejection_ats_replyto.eml").read_bytes(),
    "halvard": (MAILBOX / "03_rejection_noreply.eml").read_bytes(),
    "elena": (MAILBOX / "04_interview_invite.eml").read_bytes(),
    "juergen": (MAILBOX / "06_rejection_german.eml").read_bytes(),
    "xss": rejection(
        "xss",
        f"Mallory {XSS}",
        "mallory@quillstone.example",
        "Quillstone",
        "Site Reliability Engineer",
        f"Your application {XSS}",
    ),
    "send": rejection(
        "send",
        "Sofia Brandt",
        "sofia.brandt@keelwater.example",
        "Keelwater",
        "Platform Engineer",
        "Your Keelwater application",
    ),
    "dismiss": rejection(
        "dismiss",
        "Omar Haddad",
        "omar.haddad@ferrobyte.example",
        "Ferrobyte",
        "DevOps Engineer",
        "Ferrobyte: DevOps Engineer",
    ),
    "feedback": rejection(
        "feedback",
        "Lena Kowalski",
        "lena.kowalski@brasswind.example",
        "Brasswind",
        "Cloud Engineer",
        "About the Cloud Engineer role",
    ),
    "reply": rejection(
        "reply",
        "Tomas Reyes",
        "tomas.reyes@saltmarsh.example",
        "Saltmarsh",
        "SRE",
        "Saltmarsh SRE role",
    ),
}


def gmail_id(name: str, salt: str) -> str:
    """A Gmail-like 16-hex-digit id. The test Dovecot has no X-GM-MSGID, so these match
    nothing in the store and the extension falls back to sender, subject and date."""
    return "1" + hashlib.sha256(f"{salt}:{name}".encode()).hexdigest()[:15]


def gmail_threads() -> list[dict]:
    """The conversations the stand-in Gmail shows, one per mail, as Gmail would show them."""
    threads = []
    for name, raw in MAIL.items():
        email = parse_email(raw)
        when = email.date.astimezone(UTC)  # the browser runs in UTC
        message = {
            "legacy_id": gmail_id(name, "message"),
            "from": email.from_addr,
            "name": email.from_name or email.from_addr,
            "date_title": when.strftime("%a, %b %-d, %Y, %-I:%M\u202f%p"),
            "date_short": when.strftime("%b %-d"),
            "body": email.text,
            "open": True,
        }
        earlier = {
            "legacy_id": gmail_id(name, "earlier"),
            "name": "Jordan Rivera",
            "snippet": "Thanks for the interview…",
            "open": False,
        }
        threads.append(
            {
                "id": gmail_id(name, "thread"),
                "name": name,
                "subject": email.subject,
                "messages": [earlier, message],
            }
        )
    return threads


class Smtp:
    """aiosmtpd on loopback, keeping what it receives."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.received: list[bytes] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.received.append(envelope.content)
        return "250 OK"

    def stop(self) -> None:
        self.controller.stop()


@dataclass
class Server:
    """`nextlead serve` as a subprocess on its own port."""

    home: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return (self.home / "token").read_text().strip()

    def start(self) -> Server:
        env = {**os.environ, "NEXTLEAD_HOME": str(self.home), "NEXTLEAD_TEST_PASSWORD": PASSWORD}
        self.process = subprocess.Popen(
            [NEXTLEAD, "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if wait_for_url(f"{self.url}/api/v1/health", self.process, time.monotonic() + 20):
            return self
        if self.process.poll() is not None:
            raise RuntimeError(f"nextlead serve exited: {self.process.stderr.read().decode()}")
        raise RuntimeError("nextlead serve did not answer within 20 s")

    def stop(self) -> None:
        stop(self.process)

    def api(self, path: str) -> dict:
        request = urllib.request.Request(
            self.url + path, headers={"Authorization": f"Bearer {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())


@pytest.fixture(scope="session")
def chromium() -> str:
    return need("chromium", "the browser tests drive a real Chromium with the extension")


@pytest.fixture(scope="session")
def smtp():
    server = Smtp()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mail_home(tmp_path_factory, dovecot, smtp) -> Path:
    """NEXTLEAD_HOME for the session, scanned: the store holds the rejections and their asks."""
    home = tmp_path_factory.mktemp("e2e-home")
    user = dovecot.add_user()
    write_config(
        home,
        dovecot,
        user,
        extra=f'smtp_host = "127.0.0.1"\nsmtp_port = {smtp.port}\nsmtp_security = "none"',
    )
    dovecot.seed(user, list(MAIL.values()))
    env = {**os.environ, "NEXTLEAD_HOME": str(home), "NEXTLEAD_TEST_PASSWORD": PASSWORD}
    scan = subprocess.run(
        [NEXTLEAD, "scan", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert scan.returncode == 0, scan.stderr
    assert json.loads(scan.stdout.splitlines()[-1])["drafts_created"] >= 7
    return home


@pytest.fixture(scope="session")
def server(mail_home):
    running = Server(mail_home).start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser(chromium, tmp_path_factory):
    """Chromium with the unpacked extension; Gmail's URL serves gmail.html."""
    from playwright.sync_api import sync_playwright

    page_html = GMAIL_PAGE.read_text(encoding="utf-8").replace(
        "/*THREADS*/", json.dumps(gmail_threads()).replace("</", "<\\/")
    )

    def gmail(route):
        if route.request.url.startswith(GMAIL):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page_html)
        else:
            route.fulfill(status=404, body="")

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            timezone_id="UTC",
            locale="en-US",
        )
        context.route("https://mail.google.com/**", gmail)
        worker = (
            context.service_workers[0]
            if context.service_workers
            else context.wait_for_event("serviceworker")
        )
        context.extension_id = worker.url.split("/")[2]
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser):
    """A tab; the test fails if a script in it (the page's or the extension's) threw."""
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Failed to load resource" not in message.text
            and errors.append(message.text)
        ),
    )
    yield tab
    tab.close()
    assert not errors, errors


def pair(browser, url: str, token: str) -> None:
    """Pair through the options page, as a user does."""
    options = browser.new_page()
    try:
        options.goto(f"chrome-extension://{browser.extension_id}/options.html")
        options.fill("#server-url", url)
        options.fill("#token", token)
        options.click("#save")
        options.locator("#status").filter(has_text="Connected").wait_for(timeout=10_000)
    finally:
        options.close()


@pytest.fixture
def paired(browser, server):
    pair(browser, server.url, server.token)
    return server


def open_thread(page, name: str) -> None:
    """Open one conversation in the stand-in Gmail, by Gmail's own navigation (the hash)."""
    thread = next(t for t in gmail_threads() if t["name"] == name)
    if not page.url.startswith(GMAIL):
        page.goto(f"{GMAIL}#inbox")
    page.evaluate("id => { location.hash = `#inbox/${id}`; }", thread["id"])
    page.locator("h2.hP", has_text=thread["subject"]).wait_for()
