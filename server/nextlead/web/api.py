"""The JSON API under /api/v1 for the extension (and scripts). Auth: see security.py."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, jsonify, request

from .. import API_VERSION, __version__
from . import error_response, get_store

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.get("/health")
def health():
    """Unauthenticated: lets the extension tell "server down" from "wrong token"."""
    return jsonify(
        {
            "ok": True,
            "version": __version__,
            "api": API_VERSION,
            "demo": current_app.config["NEXTLEAD_DEMO"],
        }
    )


@bp.get("/summary")
def summary():
    """The counts the extension's popup shows."""
    return jsonify(get_store().counts())


@bp.get("/rejections")
def rejections():
    rows = get_store().rejections()
    return jsonify({"rejections": [rejection_json(row) for row in rows]})


def rejection_json(row) -> dict:
    return {
        "id": row["id"],
        "subject": row["subject"],
        "from_name": row["from_name"],
        "from_addr": row["from_addr"],
        "date": row["date"],
        "score": row["score"],
        "status": row["status"],
        "evidence": json.loads(row["evidence"]),
        "company": row["company"],
        "contact_name": row["contact_name"],
        "role": row["role"],
        "reply_to": row["reply_to"],
        "gm_msgid": row["gm_msgid"],
        "ask": None
        if row["ask_id"] is None
        else {
            "id": row["ask_id"],
            "state": row["ask_state"],
            "to": row["ask_to"],
            "body": row["ask_body"],
            "in_drafts": row["draft_uid"] is not None,
        },
    }


@bp.post("/messages/<int:row_id>/feedback")
def feedback(row_id: int):
    """The user's word on a verdict ("not a rejection" / "this is a rejection"); kept forever."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("is_rejection"), bool):
        return error_response(400, "bad_request", 'send {"is_rejection": true|false}')
    store = get_store()
    if not store.set_feedback(row_id, body["is_rejection"]):
        return error_response(404, "not_found", f"no message {row_id}")
    return jsonify(
        {"id": row_id, "feedback": "rejection" if body["is_rejection"] else "not_rejection"}
    )
