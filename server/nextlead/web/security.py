"""The server's defences: it holds mail credentials and can send mail, on a port any web page
can try to reach.

- Host must be 127.0.0.1:PORT or localhost:PORT, which defeats DNS rebinding.
- A request carrying an Origin is refused unless it is an allowed extension origin or the
  server's own (the dashboard's form posts); web origins get no CORS headers at all.
- The API needs `Authorization: Bearer <token>`, compared in constant time.
- The dashboard logs in Jupyter-style: the printed URL carries the token once and sets an
  HttpOnly SameSite=Strict cookie holding HMAC(token, "session"), never the token itself.
- Dashboard forms carry a CSRF token, HMAC(token, "csrf"), checked on every POST.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Flask, Request, Response, current_app, request

SESSION_COOKIE = "nextlead_session"
PUBLIC_PATHS = ("/api/v1/health", "/api/v1/pair", "/login", "/static/")
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class Refused(Exception):
    """A request the security checks turned away: (HTTP status, code, message)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def derived(token: str, purpose: str) -> str:
    return hmac.new(token.encode(), purpose.encode(), hashlib.sha256).hexdigest()


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def allowed_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def check_request(req: Request) -> None:
    """Raise `Refused` unless the request may go on to its view."""
    config = current_app.config
    port = config["NEXTLEAD_PORT"]
    if req.host not in allowed_hosts(port):
        raise Refused(403, "bad_host", "requests must be addressed to 127.0.0.1 or localhost")
    origin = req.headers.get("Origin")
    own = {f"http://{host}" for host in allowed_hosts(port)}
    if origin is not None and origin not in config["NEXTLEAD_ORIGINS"] and origin not in own:
        raise Refused(403, "bad_origin", "this origin may not call the NextLead server")
    if req.method == "OPTIONS" or req.path.startswith(PUBLIC_PATHS):
        return
    token = config["NEXTLEAD_TOKEN"]
    if req.path.startswith("/api/"):
        header = req.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not same(given.strip(), token):
            raise Refused(
                401,
                "unauthorized",
                "missing or wrong API token: copy it from "
                "`nextlead token` into the extension's options",
            )
        return
    if not same(req.cookies.get(SESSION_COOKIE), derived(token, "session")):
        raise Refused(
            401,
            "login_required",
            "open the dashboard with the URL that "
            "`nextlead serve` printed (it carries the login token)",
        )
    if req.method == "POST" and not same(req.form.get("csrf"), derived(token, "csrf")):
        raise Refused(
            403,
            "bad_csrf",
            "the form is stale or came from another site; reload the page and try again",
        )


def harden(response: Response) -> Response:
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Not "no-referrer": under it browsers post forms with "Origin: null", which check_request
    # refuses; "same-origin" still tells no other site (Gmail links included) where we are.
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    app.before_request(lambda: check_request(request))
    app.after_request(harden)
