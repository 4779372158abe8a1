"""The API the browser extension uses: finding the open Gmail message, dismissing, sending."""

from __future__ import annotations

import time

import pytest
from nextlead.config import load_config
from nextlead.pipeline import Place, Summary, record
from nextlead.store import Store
from nextlead.web import create_app

from tests.conftest import mailbox_fixture

TOKEN = "t0k3n-for-tests-0123456789abcdefghijklmnopqrstuv"
BASE = "http://127.0.0.1:5151"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GM_MSGID = 0x18C4F0A2B3D4E5F6  # what Gmail shows as data-legacy-message-id="18c4f0a2b3d4e5f6"
PRIYA = "priya.natarajan@lumenforge.example"
SUBJECT = "Update on the Platform Engineer role"


@pytest.fixture
def client(home):
    config = load_config()
    store = Store.open(config.db_path)
    with store.transaction():
        record(
            store,
            config,
            "test",
            mailbox_fixture("01_rejection_personal.eml"),
            Summary(),
            Place(gm_msgid=GM_MSGID),
        )
        for name in ("03_rejection_noreply.eml", "04_interview_invite.eml"):
            record(store, config, "test", mailbox_fixture(name), Summary())
    store.close()
    return create_app(config, token=TOKEN, port=5151).test_client()


def get(client, path):
    return client.get(path, base_url=BASE, headers=AUTH)


def post(client, path, **kwargs):
    return client.post(path, base_url=BASE, headers=AUTH, **kwargs)


@pytest.mark.parametrize(
    "query",
    [
        "gmail_id=18c4f0a2b3d4e5f6",
        "gmail_id=18C4F0A2B3D4E5F6",
        f"msg_f={GM_MSGID}",
        "msg_f=%23msg-f:" + str(GM_MSGID),
        "message_id=<cand-4471.update@lumenforge.example>",
        "message_id=cand-4471.update@lumenforge.example",
        f"from={PRIYA}&subject={SUBJECT}&date=2026-11-02T14:14:00Z",
        f"from={PRIYA.upper()}&subject=Re: {SUBJECT}",
        f"from={PRIYA}&subject={SUBJECT}&date=Mon, Nov 2, 2026, 2:14\u202fPM",
        f"gmail_id=ffff&from={PRIYA}&subject={SUBJECT}",
    ],
)
def test_the_open_gmail_message_is_found_by_any_id_it_has(client, query):
    answer = get(client, f"/api/v1/suggestion?{query}")
    assert answer.status_code == 200
    body = answer.json
    assert body["found"] is True
    assert body["message"]["company"] == "LumenForge"
    assert body["message"]["status"] == "rejection"
    assert body["message"]["evidence"][0]
    ask = body["ask"]
    assert ask["state"] == "drafted" and ask["to"] == PRIYA
    assert ask["subject"] == f"Re: {SUBJECT}" and "Priya" in ask["body"]


def test_an_unknown_message_is_not_found(client):
    for query in ("gmail_id=abc", "msg_f=12345", "from=nobody@example.com&subject=Hello"):
        answer = get(client, f"/api/v1/suggestion?{query}")
        assert answer.status_code == 200 and answer.json == {"found": False}


def test_a_lookup_without_any_id_is_a_bad_request(client):
    answer = get(client, "/api/v1/suggestion?date=2026-11-02")
    assert answer.status_code == 400 and answer.json["error"]["code"] == "bad_request"


def test_a_message_that_is_not_a_rejection_has_no_ask(client):
    answer = get(client, "/api/v1/suggestion?message_id=<invite-771@brightpath.example>")
    assert answer.json["found"] is True
    assert answer.json["message"]["status"] == "other" and answer.json["ask"] is None


def test_of_two_messages_with_one_subject_the_nearest_date_wins(client, home):
    store = Store.open(load_config().db_path)
    later = mailbox_fixture("01_rejection_personal.eml").replace(
        b"cand-4471.update", b"cand-4471.again"
    )
    later = later.replace(b"Mon, 02 Nov 2026 09:14:00", b"Mon, 16 Nov 2026 09:14:00")
    with store.transaction():
        record(store, load_config(), "test", later, Summary())
    store.close()
    base = f"/api/v1/suggestion?from={PRIYA}&subject={SUBJECT}&date="
    assert (
        get(client, base + "2026-11-15T10:00:00Z").json["message"]["date"].startswith("2026-11-16")
    )
    assert (
        get(client, base + "2026-11-03T10:00:00Z").json["message"]["date"].startswith("2026-11-02")
    )


def test_summary_counts_the_asks_waiting(client):
    assert get(client, "/api/v1/summary").json["asks_waiting"] == 1


def test_dismissing_an_ask_puts_it_aside(client):
    ask = get(client, "/api/v1/suggestion?gmail_id=18c4f0a2b3d4e5f6").json["ask"]
    answer = post(client, f"/api/v1/asks/{ask['id']}/dismiss")
    assert answer.status_code == 200 and answer.json == {"id": ask["id"], "state": "dismissed"}
    again = get(client, "/api/v1/suggestion?gmail_id=18c4f0a2b3d4e5f6").json["ask"]
    assert again["state"] == "dismissed"
    assert get(client, "/api/v1/summary").json["asks_waiting"] == 0
    assert get(client, "/api/v1/asks").json["asks"] == []
    assert post(client, "/api/v1/asks/999/dismiss").status_code == 404


def test_waiting_asks_name_their_rejection(client):
    (ask,) = get(client, "/api/v1/asks").json["asks"]
    assert ask["from_addr"] == PRIYA and ask["subject"] == SUBJECT
    assert ask["gm_msgid"] == "18c4f0a2b3d4e5f6"


@pytest.mark.parametrize(
    "payload", [None, {}, {"body": "Hi"}, {"idempotency_key": ""}, {"idempotency_key": "k" * 201}]
)
def test_a_send_without_an_idempotency_key_is_refused(client, payload):
    answer = post(client, "/api/v1/asks/1/send", json=payload)
    assert answer.status_code == 400
    assert "idempotency_key" in answer.json["error"]["message"]


def test_a_send_of_an_unknown_ask_is_not_found(client):
    answer = post(client, "/api/v1/asks/999/send", json={"idempotency_key": "k1"})
    assert answer.status_code == 404 and answer.json["error"]["code"] == "not_found"


def test_a_send_without_a_mail_account_says_what_to_fix(client):
    ask = get(client, "/api/v1/suggestion?gmail_id=18c4f0a2b3d4e5f6").json["ask"]
    answer = post(client, f"/api/v1/asks/{ask['id']}/send", json={"idempotency_key": "k1"})
    assert answer.status_code in (501, 502)
    message = answer.json["error"]["message"]
    assert "account" in message or "cannot send" in message
    assert get(client, "/api/v1/suggestion?gmail_id=18c4f0a2b3d4e5f6").json["ask"]["state"] in (
        "drafted",
        "failed",
    )


def test_scan_without_an_account_says_how_to_add_one(client):
    answer = post(client, "/api/v1/scan")
    assert answer.status_code == 400 and "nextlead account add" in answer.json["error"]["message"]


def test_scan_on_request_runs_in_the_background_and_reports_progress(home):
    demo = create_app(
        load_config(), token=TOKEN, port=5151, demo=True, db_path=home / "demo.db"
    ).test_client()
    assert post(demo, "/api/v1/scan").status_code == 202
    for _ in range(400):
        scans = get(demo, "/api/v1/scan").json["scans"]
        if all(s["state"] in ("done", "failed") for s in scans):
            break
        time.sleep(0.05)
    assert [s["state"] for s in scans] == ["done"]
    assert scans[0]["summary"]["scanned"] == 18 and scans[0]["total"] == 18
    assert post(demo, "/api/v1/scan", json={"account": "nope"}).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/api/v1/suggestion?gmail_id=1", "/api/v1/asks", "/api/v1/asks/1/dismiss", "/api/v1/scan"],
)
def test_the_new_endpoints_need_the_token(client, path):
    method = client.post if path.endswith(("dismiss", "scan")) else client.get
    answer = method(path, base_url=BASE)
    assert answer.status_code == 401
