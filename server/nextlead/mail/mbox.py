"""Local mail sources: an mbox file (a Google Takeout export), a Maildir, or a folder of .eml.

They feed the same pipeline as IMAP; there is no Drafts folder, so asks stay in the store.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from ..errors import NextLeadError


def read_local(path: Path) -> Iterator[tuple[str, bytes]]:
    """(a key unique within the source, the raw message) for every message at `path`."""
    path = Path(path)
    if path.is_dir() and (path / "cur").is_dir():
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.iterkeys()):
            yield key, box.get_bytes(key)
    elif path.is_dir():
        for file in sorted(path.glob("*.eml")):
            yield file.name, file.read_bytes()
    elif path.is_file():
        box = mailbox.mbox(path, factory=None, create=False)
        for key in box.iterkeys():
            yield str(key), box.get_bytes(key)
    else:
        raise NextLeadError(f"{path} is neither an mbox file, a Maildir nor a folder of .eml files")


def demo_mailbox() -> Path:
    """The sample mailbox shipped in the package for `serve --demo`."""
    return Path(__file__).resolve().parent.parent / "demo"
