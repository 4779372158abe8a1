"""`nextlead serve`: the app on waitress, bound to 127.0.0.1 only."""

from __future__ import annotations

import dataclasses

import click

from ..config import Config, Profile, read_token
from ..errors import ConfigError
from ..mail.mbox import demo_mailbox
from ..pipeline import scan_local
from ..store import Store
from . import create_app

DEMO_PROFILE = Profile(name="Jordan Rivera", email="jordan.rivera@example.net", phone="+1 555 0100")


def demo_config(config: Config) -> Config:
    """The user's settings with the demo mailbox's own database (and a sample profile)."""
    profile = config.profile if config.profile.name else DEMO_PROFILE
    return dataclasses.replace(config, profile=profile, accounts=())


def prepare_demo(config: Config) -> Store:
    """Judge the bundled demo mailbox into home/demo/nextlead.db (idempotent)."""
    store = Store.open(config.home / "demo" / "nextlead.db")
    scan_local(config, store, demo_mailbox(), account="demo")
    return store


def run(config: Config, *, port: int, demo: bool) -> None:
    import waitress

    if not demo and not config.accounts:
        click.echo(
            f"No account in {config.path}: serving the bundled demo mailbox. "
            "Add your own with `nextlead account add`."
        )
        demo = True
    db_path = None
    if demo:
        config = demo_config(config)
        prepare_demo(config).close()
        db_path = config.home / "demo" / "nextlead.db"
    token = read_token(config.home)
    app = create_app(config, token=token, port=port, db_path=db_path, demo=demo)
    try:
        server = waitress.create_server(app, host="127.0.0.1", port=port, threads=8)
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); is NextLead "
            "already running? Pick another with --port"
        ) from None
    click.echo(
        f"NextLead is running. Open the dashboard:\n\n    "
        f"http://127.0.0.1:{port}/login?token={token}\n\nPress Ctrl+C to stop."
    )
    scans = app.extensions["nextlead_scans"]
    if not demo:
        scans.schedule(config.scan_interval_minutes)
        click.echo(
            f"Scanning {', '.join(scans.accounts)} every "
            f"{config.scan_interval_minutes} minutes (and on request)."
        )
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        scans.stop()
