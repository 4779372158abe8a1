"""The referral dashboard: server-rendered pages, autoescaped, logged in by cookie."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, make_response, redirect, render_template, request

from . import get_store, security

bp = Blueprint("dashboard", __name__)


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


@bp.get("/")
def index():
    store = get_store()
    rows = store.rejections()
    return render_template(
        "index.html",
        counts=store.counts(),
        rows=rows,
        loads=json.loads,
        demo=current_app.config["NEXTLEAD_DEMO"],
    )
