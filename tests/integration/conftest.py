"""Fixtures the integration tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def smtp_server(imap_user):
    """A real SMTP server (aiosmtpd) that takes `imap_user` with the password "secret"."""
    pytest.importorskip("aiosmtpd")
    from tests.support.smtp import Smtp

    server = Smtp(imap_user)
    server.controller.start()
    yield server
    server.controller.stop()
