"""The leads API, for scripts and the extension: list, create, update."""

from __future__ import annotations

import pytest
from nextlead.config import load_config
from nextlead.web import create_app

TOKEN = "leads-token-0123456789abcdefghijklmnopqrstuv"
BASE = "http://127.0.0.1:5151"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(home):
    return create_app(load_config(), token=TOKEN, port=5151).test_client()


def test_create_update_and_list_a_lead(client):
    created = client.post(
        "/api/v1/leads",
        base_url=BASE,
        headers=AUTH,
        json={
            "name": "Dana Kim",
            "email": "dana@northwind.example",
            "company": "Northwind",
            "referred_by": "Priya",
        },
    )
    assert created.status_code == 201
    lead = created.json["lead"]
    assert lead["status"] == "new" and lead["may_use_name"] == "unknown"
    updated = client.patch(
        f"/api/v1/leads/{lead['id']}",
        base_url=BASE,
        headers=AUTH,
        json={"status": "contacted", "may_use_name": "yes"},
    )
    assert updated.json["lead"]["status"] == "contacted"
    assert updated.json["lead"]["name"] == "Dana Kim"  # untouched fields stay
    listed = client.get("/api/v1/leads?status=contacted", base_url=BASE, headers=AUTH).json
    assert [x["email"] for x in listed["leads"]] == ["dana@northwind.example"]


@pytest.mark.parametrize(
    "body,field",
    [
        ({"email": "x@y.example"}, "name"),
        ({"name": "A", "email": "nope"}, "email"),
        ({"name": "A", "status": "married"}, "status"),
        ({"name": "A", "ask_id": 99}, "ask_id"),
    ],
)
def test_bad_leads_are_refused_naming_the_field(client, body, field):
    answer = client.post("/api/v1/leads", base_url=BASE, headers=AUTH, json=body)
    assert answer.status_code == 400 and answer.json["error"]["message"].startswith(field)


def test_unknown_lead_and_missing_token(client):
    assert (
        client.patch(
            "/api/v1/leads/7", base_url=BASE, headers=AUTH, json={"status": "offer"}
        ).status_code
        == 404
    )
    assert client.get("/api/v1/leads", base_url=BASE).status_code == 401


@pytest.mark.parametrize(
    "path",
    [
        "/static/../security.py",
        "/static/..%2f__init__.py",
        "/static/%2e%2e/%2e%2e/config.py",
        "/static//etc/passwd",
    ],
)
def test_path_traversal_on_the_static_route_serves_nothing(client, path):
    answer = client.get(path, base_url=BASE, follow_redirects=True)
    assert answer.status_code == 404
    assert b"import" not in answer.data and b"root:" not in answer.data
