"""Attacks on the local server are refused; see web/security.py for the model."""

from __future__ import annotations

import pytest
from nextlead.config import load_config
from nextlead.pipeline import Summary, record
from nextlead.store import Store
from nextlead.web import create_app

TOKEN = "t0k3n-for-tests-0123456789abcdefghijklmnopqrstuv"
EXTENSION = "chrome-extension://dgelbkkfpmffkggcdjokgdohhigkhpbd"
BASE = "http://127.0.0.1:5151"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
XSS = "<script>alert(1)</script>"


@pytest.fixture
def client(home):
    config = load_config()
    store = Store.open(config.db_path)
    raw = (
        f'From: "{XSS}" <mallory@evil.example>\r\nTo: jordan.rivera@example.net\r\n'
        f"Subject: Your application {XSS}\r\nMessage-ID: <x@evil.example>\r\n\r\n"
        "Hi Jordan,\r\n\r\nThank you for interviewing for the analyst role. After a lot of "
        "discussion we decided to move forward with other candidates whose experience more "
        "closely matches what we need.\r\n\r\nBest,\r\nMallory Evil\r\n"
    ).encode()
    with store.transaction():
        record(store, config, "test", raw, Summary())
    store.close()
    app = create_app(config, token=TOKEN, port=5151)
    return app.test_client()


def get(client, path, **kwargs):
    return client.get(path, base_url=BASE, **kwargs)


def test_health_needs_no_token(client):
    answer = get(client, "/api/v1/health")
    assert answer.status_code == 200 and answer.json["ok"] is True and answer.json["api"] == 1


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}],
)
def test_api_without_the_right_token_is_refused(client, headers):
    answer = get(client, "/api/v1/summary", headers=headers)
    assert answer.status_code == 401
    assert answer.json["error"]["code"] == "unauthorized"
    assert TOKEN not in answer.get_data(as_text=True)


def test_api_with_the_token(client):
    assert get(client, "/api/v1/summary", headers=AUTH).json["rejections"] == 1


@pytest.mark.parametrize("host", ["evil.example:5151", "127.0.0.1:9999", "localhost.evil:5151"])
def test_other_hosts_are_refused(client, host):
    answer = client.get("/api/v1/summary", base_url=f"http://{host}", headers=AUTH)
    assert answer.status_code == 403 and answer.json["error"]["code"] == "bad_host"


def test_web_origins_are_refused_without_cors_headers(client):
    answer = get(client, "/api/v1/summary", headers={**AUTH, "Origin": "https://evil.example"})
    assert answer.status_code == 403
    assert "Access-Control-Allow-Origin" not in answer.headers
    preflight = client.options(
        "/api/v1/summary",
        base_url=BASE,
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 403
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_the_extension_origin_gets_cors(client):
    preflight = client.options(
        "/api/v1/summary",
        base_url=BASE,
        headers={
            "Origin": EXTENSION,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == EXTENSION
    answer = get(client, "/api/v1/summary", headers={**AUTH, "Origin": EXTENSION})
    assert answer.status_code == 200


def test_dashboard_login_sets_a_strict_httponly_cookie(client):
    assert get(client, "/").status_code == 401
    assert get(client, "/login?token=wrong").status_code == 401
    answer = get(client, f"/login?token={TOKEN}")
    assert answer.status_code == 303
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    page = get(client, "/")
    assert page.status_code == 200
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_email_content_is_escaped_on_the_dashboard_and_in_json(client):
    get(client, f"/login?token={TOKEN}")
    html = get(client, "/").get_data(as_text=True)
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    answer = get(client, "/api/v1/rejections", headers=AUTH)
    assert answer.content_type == "application/json"
    assert answer.json["rejections"][0]["subject"].endswith(XSS)


def test_oversized_bodies_are_refused(client):
    answer = client.post(
        "/api/v1/messages/1/feedback",
        base_url=BASE,
        headers=AUTH,
        data=b"x" * (1024 * 1024 + 1),
        content_type="application/json",
    )
    assert answer.status_code == 413 and answer.json["error"]["code"]


def test_dashboard_page_shows_the_funnel_hooks(client):
    get(client, f"/login?token={TOKEN}")
    html = get(client, "/").get_data(as_text=True)
    for metric in ("rejections", "asks_drafted", "asks_sent", "replies", "leads"):
        assert f'data-metric="{metric}"' in html


def test_feedback_not_a_rejection_takes_it_off_the_list(client):
    answer = client.post(
        "/api/v1/messages/1/feedback", base_url=BASE, headers=AUTH, json={"is_rejection": False}
    )
    assert answer.status_code == 200
    assert get(client, "/api/v1/summary", headers=AUTH).json["rejections"] == 0
    assert (
        client.post(
            "/api/v1/messages/99/feedback",
            base_url=BASE,
            headers=AUTH,
            json={"is_rejection": False},
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/api/v1/messages/1/feedback", base_url=BASE, headers=AUTH, json={"is_rejection": "no"}
        ).json["error"]["code"]
        == "bad_request"
    )
