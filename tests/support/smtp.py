"""A real SMTP server for tests (aiosmtpd on a free local port) that records what it accepts
and can be told to refuse, drop or stall."""

from __future__ import annotations

import asyncio
import email
from email import policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.dovecot import free_port


class Recorder:
    """An SMTP server's handler: keeps what it accepts; `answers` scripts its DATA replies."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.data_attempts = 0
        self.answers: list[str] = []
        self.drop_before_data = 0  # close the connection at RCPT this many times
        self.stall_after_data = 0.0  # seconds to wait before answering DATA

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.drop_before_data:
            self.drop_before_data -= 1
            server.transport.close()
            return "421 closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_attempts += 1
        answer = self.answers.pop(0) if self.answers else "250 2.0.0 queued"
        if answer.startswith("250"):
            self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if self.stall_after_data:
            await asyncio.sleep(self.stall_after_data)
        return answer

    def messages(self) -> list[email.message.EmailMessage]:
        """What arrived, parsed with the wire's CRLF line ends read as a mail client does."""
        return [
            email.message_from_bytes(c.replace(b"\r\n", b"\n"), policy=policy.default)
            for _, _, c in self.received
        ]


class Smtp:
    def __init__(self, user: str, **tls) -> None:
        self.handler = Recorder()
        self.port = free_port()
        self.user = user
        self.controller = Controller(
            self.handler,
            hostname="127.0.0.1",
            port=self.port,
            authenticator=self._authenticate,
            auth_require_tls=False,
            **tls,
        )

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode() == self.user and auth_data.password == b"secret"
        )
        return AuthResult(success=ok, handled=False)
