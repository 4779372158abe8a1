"""The extension's manifest: its id is the one the server trusts, and it asks for little."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from nextlead.config import EXTENSION_ORIGINS

EXTENSION = Path(__file__).resolve().parents[2] / "extension"


def manifest() -> dict:
    return json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))


def extension_id(public_key_b64: str) -> str:
    """Chrome's id for an extension: sha256 of the DER public key, 32 hex digits as a-p."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:32]
    return digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop"))


def test_the_server_accepts_the_packaged_extensions_origin():
    assert (f"chrome-extension://{extension_id(manifest()['key'])}",) == EXTENSION_ORIGINS


def test_the_extension_asks_only_for_gmail_and_the_local_server():
    data = manifest()
    assert data["manifest_version"] == 3
    assert data["permissions"] == ["storage"]
    assert set(data["host_permissions"]) == {
        "https://mail.google.com/*",
        "http://127.0.0.1/*",
        "http://localhost/*",
    }
    assert [cs["matches"] for cs in data["content_scripts"]] == [["https://mail.google.com/*"]]
    assert "optional_permissions" not in data and "externally_connectable" not in data
    assert data["browser_specific_settings"]["gecko"]["id"]


def test_every_file_the_manifest_names_exists_and_pages_load_only_their_own_scripts():
    data = manifest()
    named = [
        data["background"]["service_worker"],
        *data["background"]["scripts"],
        data["action"]["default_popup"],
        data["options_ui"]["page"],
        *data["icons"].values(),
        *(path for cs in data["content_scripts"] for path in cs["js"] + cs["css"]),
    ]
    for path in named:
        assert (EXTENSION / path).is_file(), path
    for page in ("options.html", "popup.html"):
        html = (EXTENSION / page).read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), page


def test_no_extension_script_can_turn_text_into_html_or_code():
    for script in EXTENSION.rglob("*.js"):
        code = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function"):
            assert sink not in code, f"{script.name} uses {sink}"
