"""The JSON API under /api/v1 for the extension (and scripts). Auth: see security.py."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from flask import Blueprint, current_app, jsonify, request

from .. import API_VERSION, __version__
from ..errors import NextLeadError
from ..store import LEAD_FIELDS
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
    store = get_store()
    return jsonify({**store.counts(), "asks_waiting": store.asks_waiting()})


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
    from ..pipeline import apply_feedback

    if not apply_feedback(current_app.config["NEXTLEAD"], store, row_id, body["is_rejection"]):
        return error_response(404, "not_found", f"no message {row_id}")
    return jsonify(
        {"id": row_id, "feedback": "rejection" if body["is_rejection"] else "not_rejection"}
    )


# The browser extension ------------------------------------------------------------------------
_HEX = re.compile(r"^(?:0x)?([0-9a-f]{1,16})$")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|r|antw)\s*:\s*)+", re.IGNORECASE)
# Gmail's own date text (the title of span.g3), in the browser's locale and time zone.
_GMAIL_DATES = ("%a, %b %d, %Y, %I:%M %p", "%b %d, %Y, %I:%M %p", "%a, %d %b %Y, %H:%M")
MAX_KEY = 200


@bp.get("/suggestion")
def suggestion():
    """The stored verdict and ask for the message open in Gmail, found by the best id it has:
    Gmail's message id (hex `gmail_id`, or decimal `msg_f`), then `message_id`, then sender,
    subject and date."""
    args = request.args
    store = get_store()
    row = None
    gm_msgid = _gm_msgid(args.get("gmail_id"), args.get("msg_f"))
    if gm_msgid:
        row = store.message_by_gm_msgid(gm_msgid)
    if row is None and args.get("message_id"):
        message_id = args["message_id"].strip()
        if not message_id.startswith("<"):
            message_id = f"<{message_id}>"
        row = store.message_by_message_id(message_id)
    if row is None and args.get("from") and args.get("subject") is not None:
        row = _by_sender(store.messages_from(args["from"]), args["subject"], args.get("date"))
    if row is None:
        if not (gm_msgid or args.get("message_id") or args.get("from")):
            return error_response(
                400,
                "bad_request",
                "give gmail_id, msg_f, message_id, or from with subject (and date)",
            )
        return jsonify({"found": False})
    message = rejection_json(row)
    message.pop("ask")
    return jsonify({"found": True, "message": message, "ask": ask_json(row)})


def ask_json(row) -> dict | None:
    """The ask part of a message row from `Store.messages_from` and friends."""
    if row["ask_id"] is None:
        return None
    return {
        "id": row["ask_id"],
        "state": row["ask_state"],
        "to": row["ask_to"],
        "subject": row["ask_subject"],
        "body": row["ask_body"],
        "in_drafts": row["draft_uid"] is not None,
        "sent_at": row["ask_sent_at"],
        "error": row["ask_error"],
    }


def _gm_msgid(hex_id: str | None, msg_f: str | None) -> str | None:
    """Gmail's message id as the store keeps it: lowercase hex without leading zeros."""
    if hex_id and (match := _HEX.match(hex_id.strip().lower())):
        return format(int(match[1], 16), "x")
    if msg_f:
        digits = msg_f.strip().removeprefix("#").removeprefix("msg-f:")
        if digits.isdigit() and len(digits) <= 20:
            return format(int(digits), "x")
    return None


def _normal_subject(subject: str | None) -> str:
    return " ".join(_REPLY_PREFIX.sub("", subject or "").split()).casefold()


def parse_when(text: str | None) -> datetime | None:
    """A date from the extension: ISO 8601, RFC 5322, or Gmail's own date text; None if none
    of those (a date without a zone is taken as UTC, close enough to pick the nearest)."""
    text = " ".join((text or "").replace("\u202f", " ").split())
    if not text:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            for pattern in _GMAIL_DATES:
                try:
                    parsed = datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _by_sender(rows: list, subject: str, date: str | None):
    """Of one sender's messages with this subject (Re:/Fwd: aside), the nearest in time."""
    wanted = _normal_subject(subject)
    same = [row for row in rows if _normal_subject(row["subject"]) == wanted]
    when = parse_when(date)
    if not same or when is None:
        return same[0] if same else None

    def distance(row) -> float:
        stored = parse_when(row["date"])
        return abs((stored - when).total_seconds()) if stored else float("inf")

    return min(same, key=distance)


@bp.post("/asks/<int:ask_id>/send")
def send(ask_id: int):
    """Send an ask through the account's SMTP server, once per idempotency key."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        payload = {}
    key = payload.get("idempotency_key")
    body = payload.get("body")
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY:
        return error_response(
            400,
            "bad_request",
            f'send {{"idempotency_key": "<up to {MAX_KEY} characters>", "body": "..."}}: '
            "the key makes a retry or a double click send only once",
        )
    if body is not None and (not isinstance(body, str) or not body.strip()):
        return error_response(400, "bad_request", "body must be the reply's text (not empty)")
    store = get_store()
    if store.ask(ask_id) is None:
        return error_response(404, "not_found", f"no ask {ask_id}")
    try:  # send.py is optional for this module: without it the server still serves the rest
        from ..send import AskNotFound, KeyConflict, NotSendable, SendError, send_ask
    except ImportError:
        return error_response(
            501, "not_implemented", "this NextLead server cannot send yet; upgrade it"
        )
    try:
        result = send_ask(
            current_app.config["NEXTLEAD"], store, ask_id, idempotency_key=key, body=body
        )
    except AskNotFound as exc:
        return error_response(404, "not_found", str(exc))
    except (NotSendable, KeyConflict) as exc:
        return error_response(409, "conflict", str(exc))
    except SendError as exc:
        return error_response(400, "bad_request", str(exc))
    except NextLeadError as exc:  # no SMTP settings or password: for the user to fix there
        return error_response(502, "send_failed", str(exc))
    if result.get("state") == "failed":
        message = result.get("error") or "the mail server refused the message"
        error = {"code": "send_failed", "message": message}
        return jsonify({"error": error, "ask": result}), 502
    return jsonify(result)


@bp.post("/asks/<int:ask_id>/dismiss")
def dismiss(ask_id: int):
    """Put an ask aside: it is not sent and the extension shows no card for it."""
    state = get_store().dismiss_ask(ask_id)
    if state is None:
        return error_response(404, "not_found", f"no ask {ask_id}")
    if state != "dismissed":
        return error_response(409, "already_sent", f"ask {ask_id} is {state}; it stays as it is")
    return jsonify({"id": ask_id, "state": state})


@bp.get("/asks")
def waiting_asks():
    """Asks still waiting to be sent: lets the extension mark their rejections in the inbox."""
    return jsonify(
        {
            "asks": [
                {
                    "id": row["id"],
                    "state": row["state"],
                    "message_row": row["message_row"],
                    "gm_msgid": row["gm_msgid"],
                    "gm_thrid": row["gm_thrid"],
                    "message_id": row["message_id"],
                    "from_addr": row["from_addr"],
                    "subject": row["subject"],
                    "date": row["date"],
                }
                for row in get_store().waiting_asks()
            ]
        }
    )


@bp.post("/scan")
def scan():
    """Scan now (all accounts, or `{"account": NAME}`); 409 while that scan still runs."""
    from ..scans import AlreadyRunning, NoAccount

    body = request.get_json(silent=True) or {}
    account = body.get("account") if isinstance(body, dict) else None
    if account is not None and not isinstance(account, str):
        return error_response(400, "bad_request", 'send {"account": "NAME"} or nothing')
    try:
        scans = current_app.extensions["nextlead_scans"].start(account)
    except AlreadyRunning as exc:
        return error_response(409, "scan_running", str(exc))
    except NoAccount as exc:
        return error_response(400, "no_account", str(exc))
    except NextLeadError as exc:
        return error_response(404, "not_found", str(exc))
    return jsonify({"scans": scans}), 202


@bp.get("/scan")
def scan_progress():
    """Each account's scan: state (idle, running, done, failed), done/total, summary, error."""
    return jsonify({"scans": current_app.extensions["nextlead_scans"].snapshot()})


@bp.post("/pair")
def pair():
    """Swap a one-time code from `nextlead pair` for the API token; extension origins only."""
    from .. import pairing

    if request.headers.get("Origin") not in current_app.config["NEXTLEAD_ORIGINS"]:
        return error_response(403, "bad_origin", "pairing is for the NextLead extension only")
    body = request.get_json(silent=True)
    code = body.get("code") if isinstance(body, dict) else None
    if not isinstance(code, str) or not code.strip():
        return error_response(400, "bad_request", 'send {"code": "XXXX-XXXX"}')
    if not pairing.redeem(current_app.config["NEXTLEAD"].home, code.strip()):
        return error_response(
            403,
            "bad_code",
            "that pairing code is wrong, used or expired: run `nextlead pair` again",
        )
    return jsonify({"token": current_app.config["NEXTLEAD_TOKEN"]})


LEAD_KEYS = ("id", *LEAD_FIELDS, "created_at", "updated_at")


def lead_json(row) -> dict:
    return {key: row[key] for key in LEAD_KEYS}


@bp.get("/leads")
def leads():
    """The leads, most recently changed first; `?status=` filters."""
    return jsonify(
        {
            "leads": [
                lead_json(row) for row in get_store().list_leads(request.args.get("status") or None)
            ]
        }
    )


@bp.post("/leads")
def create_lead():
    """A new lead: `{"name", "email", "company", "referred_by", "may_use_name", "status",
    "notes", "ask_id"}`; only name is required."""
    return _save_lead(None)


@bp.patch("/leads/<int:lead_id>")
def update_lead(lead_id: int):
    """Change some of a lead's fields, e.g. `{"status": "contacted"}`."""
    return _save_lead(lead_id)


def _save_lead(lead_id: int | None):
    from ..leads import clean_lead

    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return error_response(400, "bad_request", "send the lead as a JSON object")
    values, errors = clean_lead(body, partial=lead_id is not None)
    store = get_store()
    if values.get("ask_id") is not None and store.ask(values["ask_id"]) is None:
        errors["ask_id"] = "no such ask"
    if errors:
        message = "; ".join(f"{field}: {why}" for field, why in sorted(errors.items()))
        return error_response(400, "bad_request", message)
    if lead_id is None:
        return jsonify({"lead": lead_json(store.lead(store.add_lead(values)))}), 201
    if not store.update_lead(lead_id, values):
        return error_response(404, "not_found", f"no lead {lead_id}")
    return jsonify({"lead": lead_json(store.lead(lead_id))})
