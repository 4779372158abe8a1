"""`nextlead pair` codes: for the extension only, once, and not guessable by retrying."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner
from nextlead import pairing
from nextlead.cli import cli
from nextlead.config import EXTENSION_ORIGINS, load_config, read_token
from nextlead.web import create_app

BASE = "http://127.0.0.1:5151"
EXTENSION = {"Origin": EXTENSION_ORIGINS[0]}


@pytest.fixture
def client(home):
    config = load_config()
    return create_app(config, token=read_token(home), port=5151).test_client()


def pair(client, code, headers=EXTENSION):
    return client.post("/api/v1/pair", base_url=BASE, headers=headers, json={"code": code})


def test_the_printed_code_gives_the_token_once(home, client):
    printed = CliRunner().invoke(cli, ["pair"]).stdout
    code = printed.split("Pairing code: ")[1].split()[0]
    assert stat.S_IMODE(os.stat(home / "pairing.json").st_mode) == 0o600
    assert code not in (home / "pairing.json").read_text()  # only its digest is kept
    answer = pair(client, code.lower().replace("-", ""))
    assert answer.status_code == 200 and answer.json["token"] == read_token(home)
    assert pair(client, code).status_code == 403


def test_only_the_extension_may_pair(home, client):
    code = pairing.new_code(home)
    assert pair(client, code, headers={}).status_code == 403
    assert pair(client, code, headers={"Origin": "https://evil.example"}).status_code == 403
    assert pair(client, code).status_code == 200


def test_five_wrong_guesses_kill_the_code(home, client):
    code = pairing.new_code(home)
    for _ in range(pairing.MAX_ATTEMPTS):
        assert pair(client, "ZZZZ-ZZZZ").json["error"]["code"] == "bad_code"
    assert pair(client, code).status_code == 403


def test_an_expired_code_is_refused(home, client):
    code = pairing.new_code(home)
    record = json.loads((home / "pairing.json").read_text())
    record["expires"] = 0
    (home / "pairing.json").write_text(json.dumps(record))
    assert pair(client, code).status_code == 403
