"""One-time pairing codes: `nextlead pair` prints a short code that the extension's options
page exchanges for the API token, so nobody has to copy a 43-character secret.

A code is valid for ten minutes, once, and dies after five wrong guesses; only its SHA-256 is
kept on disk (mode 0600), beside the token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
LIFETIME_S = 600
MAX_ATTEMPTS = 5


def _path(home: Path) -> Path:
    return home / "pairing.json"


def _digest(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").upper().encode()).hexdigest()


def new_code(home: Path) -> str:
    """A fresh code like "K7QF-M2XD", replacing any earlier one."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    home.mkdir(parents=True, exist_ok=True)
    record = {"sha256": _digest(raw), "expires": time.time() + LIFETIME_S, "attempts": 0}
    fd = os.open(_path(home), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(record, handle)
    return f"{raw[:4]}-{raw[4:]}"


def redeem(home: Path, code: str) -> bool:
    """True once for the current code; a wrong, old or used code is False."""
    path = _path(home)
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return False
    if time.time() > record.get("expires", 0) or record.get("attempts", 0) >= MAX_ATTEMPTS:
        path.unlink(missing_ok=True)
        return False
    if hmac.compare_digest(_digest(code), record.get("sha256", "")):
        path.unlink(missing_ok=True)
        return True
    record["attempts"] = record.get("attempts", 0) + 1
    path.write_text(json.dumps(record))
    return False
