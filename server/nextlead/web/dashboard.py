"""The referral dashboard: server-rendered pages, autoescaped, logged in by cookie.

Pages: the overview (funnel and what to do next), asks, leads, companies and settings. Every
state change is a POST form carrying the CSRF token (checked in security.py) and answers with
a redirect, so a reload never repeats it; sending also carries an idempotency key made when
the form was drawn, so a double click sends once. Nothing from an email is trusted: Jinja2
autoescapes it, and links are only ever built from values we checked (ids, hex).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import tomllib
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
)

from .. import store as store_mod
from ..compose import Draft, Thread, compose, compose_nudge, compose_thanks, nudge_due
from ..config import QUESTION_IDS, TONES, Config, Profile, toml_string
from ..errors import ConfigError, NextLeadError
from ..extract import Facts, extract
from ..leads import LEAD_TEXT_FIELDS, MAX_FIELD, clean_lead, suggest_leads
from ..mail.mbox import demo_mailbox
from ..mail.parse import Email, one_line, parse_email
from ..pipeline import stored_rejection
from ..store import LEAD_STATUSES, MAY_USE_NAME, Store
from . import charts, get_store, security

bp = Blueprint("dashboard", __name__)

QUESTION_LABELS = {
    "someone_else_hiring": "Is someone else in the company hiring?",
    "other_divisions": "Other divisions or sister companies?",
    "other_companies": "Other companies in their niche?",
    "who_to_meet": "Who should I introduce myself to?",
}
ASK_FILTER_STATES = (*store_mod.ASK_STATES, "answered")
# What a redirect after a POST may say, by code: never text from the request itself.
NOTICES = {
    "saved": "Saved.",
    "sent": "Sent. It is in your Sent folder and out of Drafts.",
    "send_failed": "Not sent: see the reason below, then try again.",
    "send_unknown": "It is not known whether it left: check your Sent folder.",
    "dismissed": "Put aside: it will not be sent.",
    "already_sent": "That ask has already left; it stays as it is.",
    "answered": "Marked as answered.",
    "read": "Marked as read.",
    "followed_up": "Noted: it is not due again for a week.",
    "confirmed": "Confirmed as a rejection.",
    "not_rejection": "Taken off the list: not a rejection.",
    "lead_added": "Lead added.",
    "lead_saved": "Lead saved.",
    "settings_saved": "Saved to config.toml.",
    "scan_started": "Scanning: new rejections appear here as they are found.",
    "scan_running": "A scan is already running.",
}
MAX_BODY = 50_000
_HEX_ID = re.compile(r"^[0-9a-f]{1,16}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@bp.get("/login")
def login():
    """Swap the token in the printed URL for a session cookie, then drop it from the URL."""
    token = current_app.config["NEXTLEAD_TOKEN"]
    if not security.same(request.args.get("token"), token):
        raise security.Refused(
            401,
            "login_required",
            "that login link is wrong or old: use "
            "the URL `nextlead serve` printed, or `nextlead token`",
        )
    response = make_response(redirect("/", code=303))
    response.set_cookie(
        security.SESSION_COOKIE,
        security.derived(token, "session"),
        httponly=True,
        samesite="Strict",
        path="/",
    )
    return response


@bp.app_context_processor
def _page_context() -> dict[str, Any]:
    """What every page needs: the CSRF token for its forms, demo mode, whether sending works."""
    app = current_app.config
    return {
        "csrf": security.derived(app["NEXTLEAD_TOKEN"], "csrf"),
        "demo": app["NEXTLEAD_DEMO"],
        "can_send": _can_send(),
        "notice": NOTICES.get(request.args.get("done", "")),
        "gmail_url": gmail_url,
        "new_key": lambda: uuid.uuid4().hex,
    }


@bp.app_template_filter("day")
def _day(text: str | None) -> str:
    """An ISO timestamp as the day it happened, "2 Nov 2026"; empty when unknown."""
    day = charts.to_day(text)
    return f"{day.day} {day:%b %Y}" if day else ""


@bp.app_template_filter("evidence")
def _evidence(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def gmail_url(gm_msgid: str | None) -> str | None:
    """The message in Gmail's web UI, from its X-GM-MSGID (hex); None for other mail."""
    if not gm_msgid or not _HEX_ID.match(gm_msgid):
        return None
    return f"https://mail.google.com/mail/u/0/#all/{gm_msgid}"


def _config() -> Config:
    return current_app.config["NEXTLEAD"]


def _can_send() -> bool:
    """Sending needs an account (not the demo) and the send module."""
    if current_app.config["NEXTLEAD_DEMO"] or not _config().accounts:
        return False
    try:
        from .. import send  # noqa: F401
    except ImportError:
        return False
    return True


def _linked_store() -> Store:
    """The request's store, with the answers to asks found among newly scanned mail (from
    where the last page left off: this server remembers how far it has looked)."""
    store = get_store()
    seen = current_app.extensions.setdefault("nextlead_answers_upto", {})
    key = current_app.config["NEXTLEAD_DB"]
    seen[key] = store.link_answers(seen.get(key, 0), own=_config().own_addresses)
    return store


def _back(default: str, done: str | None = None) -> Response:
    """Redirect (303, so a reload does not repeat the POST) to the form's `next` page when it
    is one of ours, else `default`; `done` names the notice to show there."""
    target = request.form.get("next") or default
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = default
    if done:
        path, hash_, fragment = target.partition("#")
        target = path + ("&" if "?" in path else "?") + f"done={done}" + hash_ + fragment
    return redirect(target, code=303)


# Overview ------------------------------------------------------------------------------------
@bp.get("/")
def index():
    """The funnel with its weekly counts, and what to do next."""
    store = _linked_store()
    counts = store.counts()
    events = store.funnel_events()
    asks = store.search_asks()
    waiting = [
        a
        for a in asks
        if a["state"] in ("drafted", "failed", "unknown")
        and a["to_addr"]
        and a["message_status"] == "rejection"
    ]
    due_asks, due_leads = store.follow_ups_due()
    return render_template(
        "index.html",
        counts={**counts, **{k: len(v) for k, v in events.items()}},
        chart=charts.funnel_chart(events, datetime.now(UTC).date()),
        waiting=waiting,
        unread=store.unread_answers(),
        due_asks=due_asks,
        due_leads=due_leads,
        new_leads=store.list_leads("new"),
        review=store.review_messages(),
        recent=store.rejections()[:8],
        scans=_scans().snapshot() if _scans() else [],
        nav="overview",
    )


@bp.post("/messages/<int:row_id>/feedback")
def feedback(row_id: int):
    """One click on a possible rejection: Confirm (it gets its ask) or Not a rejection."""
    verdict = request.form.get("verdict")
    if verdict not in ("rejection", "not_rejection"):
        abort(400)
    from ..pipeline import apply_feedback

    if not apply_feedback(_config(), get_store(), row_id, verdict == "rejection"):
        abort(404)
    return _back("/", "confirmed" if verdict == "rejection" else "not_rejection")


# Scans ---------------------------------------------------------------------------------------
def _scans():
    """The server's scan runner (scans.py), or None in an app made without one."""
    return current_app.extensions.get("nextlead_scans")


@bp.post("/scan")
def scan_now():
    """Scan every account now, in the background; the overview shows the progress."""
    from ..scans import AlreadyRunning

    scans = _scans()
    if scans is None or not scans.accounts:
        abort(409)
    try:
        scans.start()
    except AlreadyRunning:
        return _back("/", "scan_running")
    return _back("/", "scan_started")


@bp.get("/scan.json")
def scan_status():
    """Each account's scan (state, done, total, summary, error): the overview's script polls
    it while a scan runs, then reloads the page for the new numbers."""
    scans = _scans()
    return jsonify({"scans": scans.snapshot() if scans else []})


# Asks ----------------------------------------------------------------------------------------
@bp.get("/asks")
def asks():
    """Every ask, filtered by state, company and the rejection's date (GET, so bookmarkable)."""
    state = request.args.get("state") or None
    if state not in (None, *ASK_FILTER_STATES):
        state = None
    company = one_line(request.args.get("company", ""))[:MAX_FIELD] or None
    since = _day_arg("since")
    until = _day_arg("until")
    rows = _linked_store().search_asks(state=state, company=company, since=since, until=until)
    return render_template(
        "asks.html",
        rows=rows,
        states=ASK_FILTER_STATES,
        filters={"state": state, "company": company, "since": since, "until": until},
        nav="asks",
    )


def _day_arg(name: str) -> str | None:
    value = request.args.get(name, "").strip()
    return value if _DAY.match(value) else None


@bp.get("/asks/<int:ask_id>")
def ask(ask_id: int):
    """One ask beside the rejection it answers, with its answers and the leads they gave."""
    return _ask_page(ask_id)


def _ask_page(
    ask_id: int,
    *,
    error: str | None = None,
    status: int = 200,
    body: str | None = None,
    pasted: str | None = None,
):
    store = _linked_store()
    row = store.ask_detail(ask_id)
    if row is None:
        abort(404)
    answers = store.answers_for(ask_id)
    texts = [a["excerpt"] for a in answers if a["excerpt"]] if pasted is None else [pasted]
    suggestions = []
    for text in texts:
        suggestions += suggest_leads(
            text,
            exclude_emails=[*_config().own_addresses, row["from_addr"] or "", row["to_addr"] or ""],
            exclude_names=[
                row["contact_name"] or "",
                row["contact_first_name"] or "",
                row["from_name"] or "",
                _config().profile.name,
            ],
            company=row["company"],
        )
    leads = [lead for lead in store.list_leads() if lead["ask_id"] == ask_id]
    html = render_template(
        "ask.html",
        ask=row,
        body=row["body"] if body is None else body,
        editable=row["state"] in ("drafted", "failed", "unknown"),
        answers=answers,
        suggestions=suggestions,
        pasted=pasted,
        leads=leads,
        follow_up=_follow_up(row, answers, leads),
        error=error,
        nav="asks",
    )
    return html, status


def _follow_up(row, answers: list, leads: list) -> tuple[str, Draft] | None:
    """What to write next in this ask's thread: thanks (and may I use your name?) once they
    answered; one gentle nudge when a sent ask had no answer for a week; else nothing."""
    config = _config()
    language = row["language"] or "en"
    first_name = row["contact_first_name"]
    if answers:
        answer = answers[-1]
        if answer["message_row"]:
            thread = Thread(
                to=answer["from_addr"],
                subject=answer["subject"] or row["subject"],
                message_id=answer["message_id"],
                references=tuple(json.loads(answer["refs"] or "[]")),
                first_name=first_name,
                company=row["company"],
                language=language,
            )
        else:  # answered outside this mailbox: write in the ask's own thread
            thread = _ask_thread(row)
        named = [
            lead["name"] + (f" at {lead['company']}" if lead["company"] else "")
            for lead in sorted(leads, key=lambda lead: lead["id"])[:2]
        ]
        referral = " and ".join(named) or None
        draft = compose_thanks(
            thread, config.profile, referral=referral, templates_dir=config.templates_dir
        )
        return "thanks", draft
    sent_at = _when(row["sent_at"])
    if row["state"] == "sent" and sent_at is not None:
        due = nudge_due(
            sent_at,
            datetime.now(UTC),
            days=store_mod.FOLLOW_UP_DAYS,
            nudged=row["followed_up_at"] is not None,
        )
        if due:
            return "nudge", compose_nudge(
                _ask_thread(row), config.profile, templates_dir=config.templates_dir
            )
    return None


def _when(text: str | None) -> datetime | None:
    """A stored timestamp (ISO 8601, with its zone) as an aware datetime; None if unreadable."""
    try:
        when = datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _ask_thread(row) -> Thread:
    """The thread of the ask as it was sent (or as its draft, sent from the mail client)."""
    return Thread(
        to=row["to_addr"],
        subject=row["subject"],
        message_id=row["sent_message_id"] or row["draft_message_id"],
        references=tuple(json.loads(row["refs"] or "[]")),
        first_name=row["contact_first_name"],
        company=row["company"],
        language=row["language"] or "en",
    )


@bp.post("/asks/<int:ask_id>")
def save_ask(ask_id: int):
    """Keep the user's edit of an ask that has not left."""
    store = get_store()
    if store.ask(ask_id) is None:
        abort(404)
    body = _body_field()
    if body is None:
        return _ask_page(ask_id, error="The reply is empty; write something.", status=400)
    if not store.set_ask_body(ask_id, body):
        return _ask_page(
            ask_id, error="This ask has already left; it can no longer change.", status=409
        )
    return _back(f"/asks/{ask_id}", "saved")


def _body_field() -> str | None:
    body = request.form.get("body", "").replace("\r\n", "\n")
    if not body.strip() or len(body) > MAX_BODY:
        return None
    return body.rstrip() + "\n"


@bp.post("/asks/<int:ask_id>/suggest")
def suggest(ask_id: int):
    """Leads in an answer the user pastes (it came by phone, LinkedIn or another address).
    Changes nothing: each suggestion is its own "add lead" form."""
    text = request.form.get("text", "")[:20_000]
    return _ask_page(ask_id, pasted=text)


@bp.post("/asks/<int:ask_id>/send")
def send(ask_id: int):
    """Send the ask (with the text in the form, if any) through the account's SMTP server,
    once per idempotency key: the key was made when the form was drawn."""
    store = get_store()
    if store.ask(ask_id) is None:
        abort(404)
    try:
        from ..send import AskNotFound, SendError, send_ask
    except ImportError:
        return _ask_page(ask_id, error="This NextLead cannot send yet.", status=501)
    key = request.form.get("idempotency_key", "")
    body = None
    if "body" in request.form:
        body = _body_field()
        if body is None:
            return _ask_page(ask_id, error="The reply is empty; write something.", status=400)
    try:
        result = send_ask(_config(), store, ask_id, idempotency_key=key, body=body)
    except AskNotFound:
        abort(404)
    except SendError as exc:
        return _ask_page(ask_id, error=str(exc), status=409, body=body)
    except NextLeadError as exc:  # no SMTP settings or no password: the user fixes it there
        return _ask_page(ask_id, error=str(exc), status=502, body=body)
    done = {"sent": "sent", "failed": "send_failed", "unknown": "send_unknown"}
    return _back(f"/asks/{ask_id}", done.get(result["state"]))


@bp.post("/asks/<int:ask_id>/dismiss")
def dismiss(ask_id: int):
    """Put an ask aside: it is not sent, and no longer waits on the overview."""
    state = get_store().dismiss_ask(ask_id)
    if state is None:
        abort(404)
    return _back(f"/asks/{ask_id}", "dismissed" if state == "dismissed" else "already_sent")


@bp.post("/asks/<int:ask_id>/answered")
def answered(ask_id: int):
    """The user's word that the ask was answered (by phone, or in another thread)."""
    if not get_store().add_answer(ask_id):
        abort(404)
    return _back(f"/asks/{ask_id}", "answered")


@bp.post("/asks/<int:ask_id>/read")
def read(ask_id: int):
    """The answers to this ask have been read: they leave "what to do next"."""
    store = get_store()
    if store.ask(ask_id) is None:
        abort(404)
    store.mark_answers_read(ask_id)
    return _back(f"/asks/{ask_id}", "read")


@bp.post("/<any(asks, leads):kind>/<int:item_id>/followed-up")
def followed_up(kind: str, item_id: int):
    """The user chased this sent ask or contacted lead: not due again for a week."""
    store = get_store()
    exists = store.ask(item_id) if kind == "asks" else store.lead(item_id)
    if exists is None:
        abort(404)
    store.followed_up(kind[:-1], item_id)
    return _back("/", "followed_up")


# Leads ---------------------------------------------------------------------------------------
@bp.get("/leads")
def leads():
    """The leads table, and the form to add one (pre-filled from a suggestion's link)."""
    status = request.args.get("status")
    status = status if status in LEAD_STATUSES else None
    prefill = {k: one_line(request.args.get(k, ""))[:MAX_FIELD] for k in LEAD_TEXT_FIELDS}
    prefill["ask_id"] = request.args.get("ask_id", type=int)
    return _leads_page(status=status, form=prefill)


def _leads_page(*, status: str | None = None, form: dict, errors: dict | None = None, code=200):
    store = get_store()
    return (
        render_template(
            "leads.html",
            rows=store.list_leads(status),
            status=status,
            statuses=LEAD_STATUSES,
            may_use=MAY_USE_NAME,
            form=form,
            errors=errors or {},
            asks=_ask_choices(store),
            nav="leads",
        ),
        code,
    )


def _ask_choices(store: Store) -> list[tuple[int, str]]:
    """The asks a lead can come from, for the "referred through" select."""
    return [
        (a["id"], f"{a['company'] or a['to_addr'] or 'unknown'}: {a['rejection_subject']}")
        for a in store.search_asks()
        if a["state"] == "sent" or a["answers"]
    ]


def _lead_form() -> tuple[dict[str, Any], dict[str, str]]:
    """The lead form's values, cleaned, and what is wrong with them by field."""
    values, errors = clean_lead(request.form)
    if values["ask_id"] is not None and get_store().ask(values["ask_id"]) is None:
        errors["ask_id"] = "no such ask"
    return values, errors


@bp.post("/leads")
def add_lead():
    """Add a lead; the referrer defaults to the person who answered the ask."""
    values, errors = _lead_form()
    if errors:
        return _leads_page(form=values, errors=errors, code=400)
    store = get_store()
    if values["ask_id"] and not values["referred_by"]:
        row = store.ask_detail(values["ask_id"])
        values["referred_by"] = row["contact_name"] or row["from_name"] or row["to_addr"]
        values["company"] = values["company"] or row["company"]
    lead_id = store.add_lead(values)
    return _back(f"/leads#lead-{lead_id}", "lead_added")


@bp.get("/leads/<int:lead_id>")
def lead(lead_id: int):
    """Edit one lead."""
    store = get_store()
    row = store.lead(lead_id)
    if row is None:
        abort(404)
    return _lead_page(row, dict(row))


def _lead_page(row, form: dict, errors: dict | None = None, code: int = 200):
    return (
        render_template(
            "lead.html",
            lead=row,
            form=form,
            errors=errors or {},
            statuses=LEAD_STATUSES,
            may_use=MAY_USE_NAME,
            asks=_ask_choices(get_store()),
            nav="leads",
        ),
        code,
    )


@bp.post("/leads/<int:lead_id>")
def save_lead(lead_id: int):
    store = get_store()
    row = store.lead(lead_id)
    if row is None:
        abort(404)
    values, errors = _lead_form()
    if errors:
        return _lead_page(row, values, errors, 400)
    store.update_lead(lead_id, values)
    return _back(f"/leads/{lead_id}", "lead_saved")


@bp.post("/leads/<int:lead_id>/status")
def lead_status(lead_id: int):
    """One click: mark a lead contacted, interviewing, offered or closed."""
    status = request.form.get("status")
    if status not in LEAD_STATUSES:
        abort(400)
    if not get_store().update_lead(lead_id, {"status": status}):
        abort(404)
    return _back(f"/leads#lead-{lead_id}", "lead_saved")


CSV_COLUMNS = (
    "id",
    "name",
    "email",
    "company",
    "referred_by",
    "may_use_name",
    "status",
    "notes",
    "ask_id",
    "ask_subject",
    "created_at",
    "updated_at",
    "contacted_at",
    "interview_at",
    "offer_at",
)


@bp.get("/leads.csv")
def leads_csv():
    """Every lead as CSV, for a spreadsheet or a CRM. Cells a spreadsheet would run as a
    formula get a leading apostrophe: names and notes can come from strangers' email."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in get_store().list_leads():
        writer.writerow([_csv_cell(row[c]) for c in CSV_COLUMNS])
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return Response(
        "\ufeff" + out.getvalue(),  # the BOM makes Excel read UTF-8
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="nextlead-leads-{stamp}.csv"',
        },
    )


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


# Companies -----------------------------------------------------------------------------------
@bp.get("/companies")
def companies():
    """Every company met so far, the most recent first."""
    return render_template("companies.html", rows=get_store().companies(), nav="companies")


@bp.get("/companies/<path:name>")
def company(name: str):
    """One company's timeline: rejections, asks and leads by date."""
    events = _linked_store().company_timeline(name)
    if not events:
        abort(404)
    return render_template("company.html", name=name, events=events, nav="companies")


@bp.app_template_filter("company_url")
def _company_url(name: str) -> str:
    return "/companies/" + quote(name.strip(), safe="")


# Settings ------------------------------------------------------------------------------------
@bp.get("/settings")
def settings():
    """Profile, questions and tone with a preview of a reply; accounts (never a password)."""
    profile = _profile_from(request.args) if request.args else _config().profile
    return _settings_page(profile)


def _settings_page(profile: Profile, errors: dict | None = None, code: int = 200):
    config = _config()
    sample, source = _sample_rejection()
    return (
        render_template(
            "settings.html",
            profile=profile,
            questions=[(q, QUESTION_LABELS[q]) for q in QUESTION_IDS],
            tones=TONES,
            preview=_preview(profile, sample),
            sample=sample[0],
            source=source,
            accounts=config.accounts,
            config=config,
            errors=errors or {},
            nav="settings",
        ),
        code,
    )


@bp.get("/settings/preview")
def settings_preview():
    """The reply the settings in the query would write, as text (the settings page's script
    asks for it on every change)."""
    return Response(
        _preview(_profile_from(request.args), _sample_rejection()[0]), mimetype="text/plain"
    )


def _profile_from(values) -> Profile:
    """The profile with the form's values over the saved ones; bad values are ignored."""
    base = _config().profile
    changes: dict[str, Any] = {}
    for key in ("name", "email", "phone"):
        if key in values:
            changes[key] = one_line(values.get(key, ""))[:MAX_FIELD]
    if "signature" in values:
        changes["signature"] = values.get("signature", "").replace("\r\n", "\n").strip()[:1000]
    if values.get("tone") in TONES:
        changes["tone"] = values["tone"]
    chosen = tuple(q for q in values.getlist("questions") if q in QUESTION_IDS)
    if chosen or "tone" in values:  # a submitted form with no box ticked keeps the saved ones
        changes["questions"] = chosen or base.questions
    return dataclasses.replace(base, **changes)


def _preview(profile: Profile, sample: tuple[Email, Facts]) -> str:
    email, facts = sample
    draft = compose(email, facts, profile, _config().templates_dir)
    return f"To: {draft.to or '(nobody to write to)'}\nSubject: {draft.subject}\n\n{draft.body}"


def _sample_rejection() -> tuple[tuple[Email, Facts], str]:
    """The user's latest rejection (its stored words), else one from the demo mailbox."""
    row = get_store().latest_rejection()
    if row is not None:
        email, facts = stored_rejection(row)
        return (email, facts), "your latest rejection"
    return _demo_sample(), "a rejection from the demo mailbox"


@lru_cache(maxsize=1)
def _demo_sample() -> tuple[Email, Facts]:
    """The demo mailbox's first rejection written by a person (the same every time)."""
    from ..detect import detect

    fallback = None
    for path in sorted(demo_mailbox().glob("*.eml")):
        email = parse_email(path.read_bytes())
        if not detect(email, frozenset()).is_rejection:
            continue
        facts = extract(email, frozenset())
        if facts.contact_first_name and facts.reply_to and facts.language == "en":
            return email, facts
        fallback = fallback or (email, facts)
    if fallback is None:
        raise RuntimeError("the demo mailbox has no rejection")
    return fallback


@bp.post("/settings")
def save_settings():
    """Write the profile to config.toml, keeping the file's comments and everything else."""
    config = _config()
    if request.form.get("action") == "preview":  # the page without its script: no change
        return _settings_page(_profile_from(request.form))
    if current_app.config["NEXTLEAD_DEMO"]:
        return _settings_page(
            _profile_from(request.form),
            {"save": "The demo does not change your config.toml; add an account first."},
            409,
        )
    profile = _profile_from(request.form)
    errors = {}
    if profile.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", profile.email):
        errors["email"] = "that is not an email address"
    if not [q for q in request.form.getlist("questions") if q in QUESTION_IDS]:
        errors["questions"] = "choose at least one question"
    if errors:
        return _settings_page(profile, errors, 400)
    try:
        save_profile(config.path, profile, config.profile)
    except ConfigError as exc:
        return _settings_page(profile, {"save": str(exc)}, 409)
    current_app.config["NEXTLEAD"] = dataclasses.replace(config, profile=profile)
    return _back("/settings", "settings_saved")


def save_profile(path: Path, profile: Profile, saved: Profile) -> None:
    """Set the [profile] keys that changed in config.toml, line by line, so the user's
    comments, order and other tables stay as they were; refuse (ConfigError) when the file's
    layout is beyond a line edit (a multi-line value), rather than rewrite it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    changes = {
        f.name: getattr(profile, f.name)
        for f in dataclasses.fields(Profile)
        if getattr(profile, f.name) != getattr(saved, f.name)
    }
    if not changes:
        return
    start = next((i for i, line in enumerate(lines) if line.strip() == "[profile]"), None)
    if start is None:
        lines[:0] = ["[profile]\n", *(_toml_line(k, v) for k, v in changes.items()), "\n"]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
            len(lines),
        )
        keys = [i for i in range(start + 1, end) if re.match(r"^\s*[\w-]+\s*=", lines[i])]
        insert_at = (keys[-1] if keys else start) + 1  # new keys go after the last one
        for key, value in changes.items():
            pattern = re.compile(rf"^\s*{key}\s*=")
            found = [i for i in range(start + 1, end) if pattern.match(lines[i])]
            if found:
                lines[found[0]] = _toml_line(key, value)
            else:
                lines.insert(insert_at, _toml_line(key, value))
                insert_at += 1
                end += 1
    new_text = "".join(lines)
    try:
        written = tomllib.loads(new_text)
        before = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError:
        written, before = {}, {}
    wanted = {**before.get("profile", {}), **{k: _toml_value(v) for k, v in changes.items()}}
    others_kept = {k: v for k, v in written.items() if k != "profile"} == {
        k: v for k, v in before.items() if k != "profile"
    }
    if written.get("profile") != wanted or not others_kept:
        raise ConfigError(
            f"{path} has a [profile] layout this page cannot edit safely (a multi-line "
            "value?); change it in a text editor"
        )
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(new_text, encoding="utf-8")
    if path.exists():
        os.chmod(tmp, path.stat().st_mode & 0o777)
    os.replace(tmp, path)


def _toml_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _toml_line(key: str, value: Any) -> str:
    if isinstance(value, tuple | list):
        rendered = "[" + ", ".join(toml_string(v) for v in value) + "]"
    else:
        rendered = toml_string(str(value))
    return f"{key} = {rendered}\n"
