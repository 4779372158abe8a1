"""Handing one message to the account's SMTP server, with every failure sorted by what to do.

A send has three kinds of failure, and `send.py` treats each differently:
- `SmtpTemporary`: a 4xx answer, or the connection dropped before the whole message was handed
  over; nothing was delivered, so trying again later is safe;
- `SmtpRefused` (and `AuthError`, `MailServerError` for login and TLS trouble): trying again
  will not help;
- `SmtpUncertain`: the connection dropped after the message was handed over but before the
  server said "250"; it may have been delivered, so it must never be sent again by itself.
That is why the SMTP dialogue is driven step by step here rather than by `sendmail`.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import ssl
from dataclasses import dataclass

from ..config import Account
from ..errors import AuthError, ConfigError, MailServerError

_MAX_WORDS = 300  # characters of a server's answer kept in an error line


class SmtpTemporary(MailServerError):
    """Not delivered, and worth trying again: a 4xx answer or a connection lost before DATA."""


class SmtpRefused(MailServerError):
    """Not delivered, and trying again would not help: a 5xx answer."""


class SmtpUncertain(MailServerError):
    """The message was handed over but the server's answer never came: it may be delivered."""


@dataclass
class _Progress:
    handed_over: bool = False


def server_words(code: int, response: bytes | str) -> str:
    """A server's answer as one line, e.g. "550 mailbox unavailable"."""
    text = response.decode("utf-8", "replace") if isinstance(response, bytes) else str(response)
    return f"{code} {' '.join(text.split())}".strip()[:_MAX_WORDS]


def check_account(account: Account) -> None:
    """Refuse, before anything is recorded, an account that has nowhere to send from."""
    if not account.smtp_host:
        raise ConfigError(
            f"account {account.name!r} has no smtp_host: add smtp_host, smtp_port and "
            "smtp_security to its [[accounts]] table in config.toml"
        )
    if account.auth == "oauth2":
        raise ConfigError(
            f'account {account.name!r} uses auth = "oauth2", which NextLead cannot send '
            "with yet: use an app password, or send the draft from your mail client"
        )


def send_message(
    account: Account,
    password: str,
    *,
    sender: str,
    recipient: str,
    message: bytes,
    timeout: float = 30,
) -> str:
    """Deliver `message` to one recipient; returns the server's final answer ("250 ...")."""
    check_account(account)
    where = f"{account.smtp_host}:{account.smtp_port}"
    progress = _Progress()
    payload = _dot_stuffed(seven_bit(message))
    try:
        conn = _connect(account, timeout)
        try:
            _login(conn, account, password)
            return _transmit(conn, sender, recipient, payload, progress)
        finally:
            with contextlib.suppress(Exception):
                conn.quit()
            with contextlib.suppress(Exception):
                conn.close()
    except smtplib.SMTPAuthenticationError as exc:
        if 400 <= exc.smtp_code < 500:
            raise SmtpTemporary(
                f"{where} could not check the login just now: "
                f"{server_words(exc.smtp_code, exc.smtp_error)}"
            ) from None
        raise AuthError(
            f"{where} refused the login for {account.username}: check the password "
            "(Gmail needs an app password; one that was revoked or expired needs a new one)"
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        code, words = next(iter(exc.recipients.values()), (550, b"recipient refused"))
        raise _by_code(code, words, "the mail server refused the recipient") from None
    except smtplib.SMTPResponseException as exc:
        raise _by_code(
            exc.smtp_code, exc.smtp_error, "the mail server refused the message"
        ) from None
    except ssl.SSLCertVerificationError as exc:
        raise MailServerError(
            f"the certificate of {where} does not verify ({exc.verify_message}); set "
            "ca_file, or tls_verify = false for this account if you trust it"
        ) from None
    except ssl.SSLError as exc:
        raise MailServerError(
            f"TLS with {where} failed ({exc.reason}); check smtp_port and smtp_security "
            "(ssl for 465, starttls for 587)"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailServerError(f"{where} does not support what NextLead needs: {exc}") from None
    except (smtplib.SMTPException, OSError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        if progress.handed_over:
            raise SmtpUncertain(
                f"{where} dropped the connection after the message was handed over ({reason})"
            ) from None
        raise SmtpTemporary(f"lost the connection to {where} ({reason})") from None


def _by_code(code: int, words: bytes | str, what: str) -> MailServerError:
    line = f"{what}: {server_words(code, words)}"
    return SmtpTemporary(line) if 400 <= code < 500 else SmtpRefused(line)


def tls_context(account: Account) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=account.ca_file or None)
    if not account.tls_verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _connect(account: Account, timeout: float) -> smtplib.SMTP:
    host, port = account.smtp_host, account.smtp_port
    if account.smtp_security == "ssl":
        return smtplib.SMTP_SSL(host, port, timeout=timeout, context=tls_context(account))
    conn = smtplib.SMTP(host, port, timeout=timeout)
    if account.smtp_security == "starttls":
        try:
            conn.ehlo()
            conn.starttls(context=tls_context(account))
            conn.ehlo()
        except BaseException:
            conn.close()
            raise
    return conn


def _login(conn: smtplib.SMTP, account: Account, password: str) -> None:
    """Log in where the server offers AUTH; a server that offers none is a trusted relay."""
    conn.ehlo_or_helo_if_needed()
    if conn.has_extn("auth"):
        conn.login(account.username, password)


def _transmit(
    conn: smtplib.SMTP, sender: str, recipient: str, payload: bytes, progress: _Progress
) -> str:
    code, words = conn.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, words, sender)
    code, words = conn.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, words)})
    conn.putcmd("data")
    code, words = conn.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, words)
    conn.send(payload)
    progress.handed_over = True
    code, words = conn.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, words)
    return server_words(code, words)


def seven_bit(message: bytes) -> bytes:
    """The message with an 8-bit body re-encoded as quoted-printable, so that any server
    takes it (no 8BITMIME needed) and the Sent copy is byte for byte what was sent."""
    if message.isascii():
        return message
    from email import policy
    from email.parser import BytesParser

    msg = BytesParser(policy=policy.default).parsebytes(message)
    if msg.is_multipart() or msg.get_content_maintype() != "text":
        return message
    text = msg.get_content()
    msg.set_content(text, subtype=msg.get_content_subtype(), cte="quoted-printable")
    return msg.as_bytes(policy=policy.SMTP)


def _dot_stuffed(message: bytes) -> bytes:
    """CRLF line ends, leading dots doubled, and the closing dot line (RFC 5321 4.5.2)."""
    data = re.sub(rb"\r\n|\n|\r", b"\r\n", message)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"
