"""The local web server: JSON API for the extension and the referral dashboard."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, g, jsonify, render_template, request
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from ..config import Config
from ..store import Store
from . import security

MAX_BODY = 1024 * 1024


def create_app(
    config: Config, *, token: str, port: int = 5151, db_path: Path | None = None, demo: bool = False
) -> Flask:
    """The app for one NEXTLEAD_HOME; tests pass their own config, token and database."""
    app = Flask(__name__)
    app.config.update(
        NEXTLEAD=config,
        NEXTLEAD_TOKEN=token,
        NEXTLEAD_PORT=port,
        NEXTLEAD_DB=str(db_path or config.db_path),
        NEXTLEAD_DEMO=demo,
        NEXTLEAD_ORIGINS=set(config.extension_origins),
        MAX_CONTENT_LENGTH=MAX_BODY,
        JSON_SORT_KEYS=False,
    )
    CORS(
        app,
        resources={r"/api/*": {"origins": list(config.extension_origins)}},
        allow_headers=["Authorization", "Content-Type"],
        max_age=600,
    )
    security.init_app(app)
    from ..scans import Scans

    app.extensions["nextlead_scans"] = Scans(config, Path(app.config["NEXTLEAD_DB"]), demo=demo)

    from . import api, dashboard

    app.register_blueprint(api.bp)
    app.register_blueprint(dashboard.bp)
    app.teardown_appcontext(_close_store)
    app.register_error_handler(security.Refused, _refused)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _crash)
    return app


def get_store() -> Store:
    """The request's store connection, opened on first use."""
    from flask import current_app

    if "store" not in g:
        g.store = Store.open(current_app.config["NEXTLEAD_DB"])
    return g.store


def _close_store(_exc: BaseException | None) -> None:
    store = g.pop("store", None)
    if store is not None:
        store.close()


def error_response(status: int, code: str, message: str):
    if request.path.startswith("/api/"):
        return jsonify({"error": {"code": code, "message": message}}), status
    return render_template("error.html", status=status, message=message), status


def _refused(exc: security.Refused):
    return error_response(exc.status, exc.code, exc.message)


def _http_error(exc: HTTPException):
    code = (exc.name or "error").lower().replace(" ", "_")
    message = {413: f"request body over {MAX_BODY // 1024} KB"}.get(exc.code or 0, exc.name)
    return error_response(exc.code or 500, code, message)


def _crash(exc: Exception):
    logging.getLogger(__name__).exception("request failed")
    return error_response(500, "internal_error", "the server hit an unexpected error; see its log")
