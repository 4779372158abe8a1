"""The `nextlead` command: scan a mailbox, judge and draft single files, manage accounts, serve.

Exit status: 0 ok, 1 some items failed, 2 a usage, config or login error. Expected failures
print one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import (
    SECURITY,
    Account,
    Config,
    append_account,
    delete_password,
    get_password,
    load_config,
    read_token,
    remove_account,
    store_password,
)
from .errors import ConfigError, NextLeadError

GMAIL = {
    "imap_host": "imap.gmail.com",
    "imap_port": 993,
    "imap_security": "ssl",
    "smtp_host": "smtp.gmail.com",
    "smtp_port": 465,
    "smtp_security": "ssl",
}


class Group(click.Group):
    """Turns expected failures into one line on stderr and the right exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NextLeadError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def config_of(ctx: click.Context) -> Config:
    obj = ctx.ensure_object(dict)
    if "config" not in obj:
        obj["config"] = load_config(obj.get("config_path"))
    return obj["config"]


def json_option(func):
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (one object per line) instead of text."
    )(func)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="nextlead")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="NEXTLEAD_CONFIG",
    help="Use this config.toml instead of the one in NEXTLEAD_HOME.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, for troubleshooting.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    """NextLead turns job rejections into leads: it finds rejection emails and drafts a warm
    reply that asks a parting question for referrals."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    ctx.ensure_object(dict)["config_path"] = config_path


def _emails(files: tuple[str, ...], as_json: bool, failed: list[str]):
    """(path, Email) for each readable file; an unreadable one is reported and noted."""
    from .mail.parse import parse_email

    for path in files:
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            failed.append(path)
            _emit(as_json, {"path": path, "error": f"cannot read: {exc.strerror or exc}"})
            continue
        yield path, parse_email(raw)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@json_option
@click.pass_context
def classify(ctx: click.Context, files: tuple[str, ...], as_json: bool) -> None:
    """Say whether each email FILE is a job rejection, why, and who sent it."""
    from .detect import detect
    from .extract import extract

    config = config_of(ctx)
    failed: list[str] = []
    for path, email in _emails(files, as_json, failed):
        verdict = detect(email, config.own_addresses)
        facts = extract(email, config.own_addresses)
        result = {
            "path": path,
            "is_rejection": verdict.is_rejection,
            "score": verdict.score,
            "evidence": list(verdict.evidence),
            "company": facts.company,
            "contact_name": facts.contact_name,
            "contact_first_name": facts.contact_first_name,
            "role": facts.role,
            "reply_to": facts.reply_to,
            "language": facts.language,
        }
        if as_json:
            _emit(True, result)
        else:
            label = "REJECTION" if verdict.is_rejection else "other"
            who = ", ".join(x for x in (facts.contact_name, facts.company) if x) or "unknown"
            why = f" - {verdict.evidence[0]!r}" if verdict.evidence else ""
            click.echo(f"{path}: {label} ({verdict.score:.2f}) from {who}{why}")
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@json_option
@click.pass_context
def draft(ctx: click.Context, files: tuple[str, ...], as_json: bool) -> None:
    """Write the reply NextLead would draft for each email FILE (nothing is sent or saved)."""
    from .compose import compose
    from .extract import extract

    config = config_of(ctx)
    if not config.profile.name:
        click.echo(
            f"Note: no [profile] name in {config.path}, so the replies are unsigned; "
            "see README, 'Tell NextLead who you are'.",
            err=True,
        )
    failed: list[str] = []
    for path, email in _emails(files, as_json, failed):
        reply = compose(
            email, extract(email, config.own_addresses), config.profile, config.templates_dir
        )
        if as_json:
            _emit(True, {"path": path, **reply.as_dict()})
        else:
            click.echo(
                f"== {path}\nTo: {reply.to or '(nobody: no human to write to)'}\n"
                f"Subject: {reply.subject}\n\n{reply.body}"
            )
    ctx.exit(1 if failed else 0)


def _emit(as_json: bool, obj: dict) -> None:
    if as_json:
        click.echo(json.dumps(obj, ensure_ascii=False))
    else:
        click.echo(f"{obj['path']}: error: {obj['error']}", err=True)


class _Bar:
    """A progress bar on a terminal, silence elsewhere."""

    def __init__(self, label: str, enabled: bool):
        self.label, self.enabled, self.bar = label, enabled, None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@cli.command()
@click.option("--account", "account_name", help="Scan only this account (default: the first).")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only look at mail received on or after this date (YYYY-MM-DD).",
)
@click.option("--no-drafts", is_flag=True, help="Judge mail but put nothing in Drafts.")
@click.option(
    "--local",
    "local_path",
    type=click.Path(exists=True),
    help="Scan an mbox file, Maildir or folder of .eml instead of an IMAP account.",
)
@json_option
@click.pass_context
def scan(
    ctx: click.Context,
    account_name: str | None,
    since,
    no_drafts: bool,
    local_path: str | None,
    as_json: bool,
) -> None:
    """Find new rejections and draft one reply to each in the account's Drafts folder."""
    from .pipeline import scan_account, scan_local
    from .store import Store

    config = config_of(ctx)
    bar = _Bar("Scanning", enabled=not as_json and sys.stderr.isatty())
    store = Store.open(config.db_path)
    try:
        if local_path:
            summary = scan_local(config, store, Path(local_path), progress=bar)
        else:
            account = config.account(account_name)
            since_date: date | None = since.date() if since else None
            summary = scan_account(
                config, store, account, since=since_date, make_drafts=not no_drafts, progress=bar
            )
    finally:
        bar.close()
        store.close()
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
    else:
        click.echo(
            f"Scanned {summary.scanned} new messages: {summary.rejections} rejections, "
            f"{summary.drafts_created} drafts created, {summary.skipped} already known, "
            f"{summary.errors} errors."
        )
    ctx.exit(1 if summary.errors else 0)


@cli.command()
@click.argument("ask_id", type=int)
@click.option("--yes", is_flag=True, help="Send without showing the reply and asking first.")
@click.option(
    "--resend-unknown",
    is_flag=True,
    help="Send an ask whose earlier send was interrupted: only after checking it is not in "
    "your Sent folder.",
)
@json_option
@click.pass_context
def send(ctx: click.Context, ask_id: int, yes: bool, resend_unknown: bool, as_json: bool) -> None:
    """Send ask ASK_ID (see `nextlead asks`) through the account's SMTP server, exactly once."""
    import uuid

    from .send import AskNotFound, ask_state, send_ask
    from .store import SENDING, SENT, UNKNOWN, Store

    config = config_of(ctx)
    store = Store.open(config.db_path)
    try:
        row = store.ask(ask_id)
        if row is None:
            raise AskNotFound(f"no ask {ask_id}; `nextlead asks` lists them")
        settled = row["state"] in (SENT, SENDING) or (
            row["state"] == UNKNOWN and not resend_unknown
        )
        if not settled and not yes:
            click.echo(
                f"To: {row['to_addr'] or '(nobody: no human to write to)'}\n"
                f"Subject: {row['subject']}\n\n{row['body'].rstrip()}\n",
                err=as_json,
            )
            if not click.confirm("Send this reply?", default=False, err=as_json):
                click.echo("Not sent.", err=True)
                ctx.exit(1)
        if settled:
            result = ask_state(store, ask_id)
        else:
            result = send_ask(
                config,
                store,
                ask_id,
                idempotency_key=f"cli-{uuid.uuid4()}",
                resend_unknown=resend_unknown,
            )
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        line, to_stderr = _send_outcome(result, already=settled)
        click.echo(line, err=to_stderr)
    ctx.exit(0 if result["state"] == "sent" else 1)


def _send_outcome(result: dict, *, already: bool) -> tuple[str, bool]:
    """One line that says what happened to the ask, and whether it is bad news."""
    ask_id, state, note = result["id"], result["state"], result["error"]
    if state == "sent":
        line = (
            f"Ask {ask_id} was already sent on {result['sent_at']}; not sent again."
            if already
            else f"Sent ask {ask_id} to {result['to']}: {result['subject']}"
        )
        if note and not already:  # e.g. "sent; but the draft is still in Drafts (...)"
            line += f"; but {note.removeprefix('sent; but ')}"
        return line, False
    if state == "sending":
        return f"Ask {ask_id} is being sent by another NextLead process; not sent again.", True
    if state == "unknown":
        return (
            f"Ask {ask_id}: {note or 'unknown, check your Sent folder'}; if it is not there, "
            f"send it with `nextlead send {ask_id} --resend-unknown`.",
            True,
        )
    return f"Not sent: {note or state}", True


@cli.command()
@click.option(
    "--state",
    type=click.Choice(["drafted", "sending", "sent", "failed", "unknown", "dismissed"]),
    help="Only asks in this state.",
)
@json_option
@click.pass_context
def asks(ctx: click.Context, state: str | None, as_json: bool) -> None:
    """List the asks: what was drafted, sent or failed, to whom, and when."""
    from .store import Store

    store = Store.open(config_of(ctx).db_path)
    try:
        rows = store.list_asks(state)
    finally:
        store.close()
    for row in rows:
        item = {
            "id": row["id"],
            "state": row["state"],
            "company": row["company"],
            "to": row["to_addr"],
            "subject": row["subject"],
            "sent_at": row["sent_at"],
            "error": row["error"],
        }
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
            continue
        when = f" sent {row['sent_at']}" if row["sent_at"] else ""
        why = f" ({row['error']})" if row["error"] else ""
        click.echo(
            f"{row['id']:>4}  {row['state']:<9} {row['company'] or '?'} - "
            f"{row['to_addr'] or 'nobody to write to'} - {row['subject']}{when}{why}"
        )
    if not rows and not as_json:
        click.echo("No asks" + (f" in state {state}." if state else " yet: run `nextlead scan`."))


@cli.group(invoke_without_command=True)
@json_option
@click.pass_context
def review(ctx: click.Context, as_json: bool) -> None:
    """List possible rejections waiting for your word; confirm or dismiss each one."""
    if ctx.invoked_subcommand is not None:
        return
    from .store import Store

    store = Store.open(config_of(ctx).db_path)
    try:
        rows = store.review_list()
    finally:
        store.close()
    for row in rows:
        evidence = json.loads(row["evidence"])
        item = {
            "id": row["id"],
            "score": row["score"],
            "date": row["date"],
            "from": row["from_addr"],
            "company": row["company"],
            "subject": row["subject"],
            "evidence": evidence,
        }
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
            continue
        why = f" - {evidence[0]!r}" if evidence else ""
        click.echo(
            f"{row['id']:>4}  {row['score']:.2f}  {(row['date'] or '')[:10]}  "
            f"{row['company'] or row['from_addr'] or '?'} - {row['subject']}{why}"
        )
    if not rows and not as_json:
        click.echo("Nothing to review.")
    elif rows and not as_json:
        click.echo(
            "Confirm with `nextlead review confirm ID`, dismiss with `nextlead review dismiss ID`."
        )


def _judge(ctx: click.Context, message_id: int, is_rejection: bool) -> None:
    from .pipeline import apply_feedback
    from .store import Store

    config = config_of(ctx)
    store = Store.open(config.db_path)
    try:
        if not apply_feedback(config, store, message_id, is_rejection):
            raise NextLeadError(f"no message {message_id}: `nextlead review` lists them")
        ask = store.ask_for_message(message_id)
        status = store.message(message_id)["status"]
    finally:
        store.close()
    if not is_rejection:
        click.echo(
            f"Message {message_id} is not a rejection; mail from that sender won't be "
            "judged one again."
        )
    elif ask is not None:
        click.echo(
            f"Message {message_id} is a rejection; ask {ask['id']} is drafted for "
            f"{ask['to_addr']} (the next `nextlead scan` puts it in Drafts)."
        )
    else:
        click.echo(f"Message {message_id} is a rejection ({status}: nobody to write to).")


@review.command("confirm")
@click.argument("message_id", type=int)
@click.pass_context
def review_confirm(ctx: click.Context, message_id: int) -> None:
    """Mark MESSAGE_ID a rejection; its ask is drafted when there is someone to write to."""
    _judge(ctx, message_id, True)


@review.command("dismiss")
@click.argument("message_id", type=int)
@click.pass_context
def review_dismiss(ctx: click.Context, message_id: int) -> None:
    """Mark MESSAGE_ID not a rejection (and its sender's later mail too)."""
    _judge(ctx, message_id, False)


@cli.group()
def account() -> None:
    """Add, list, test and remove mail accounts."""


@account.command("add")
@click.argument("name")
@click.option("--username", required=True, help="Login name, usually the email address.")
@click.option("--imap-host", help="IMAP server (default for Gmail addresses: imap.gmail.com).")
@click.option("--imap-port", type=int, help="IMAP port (993 for ssl, 143 for starttls/none).")
@click.option("--imap-security", type=click.Choice(SECURITY), help="How to protect IMAP.")
@click.option("--smtp-host", help="SMTP server for sending asks.")
@click.option("--smtp-port", type=int, help="SMTP port (465 for ssl, 587 for starttls).")
@click.option("--smtp-security", type=click.Choice(SECURITY), help="How to protect SMTP.")
@click.option(
    "--password-command", help="Command that prints the password (e.g. 'pass show mail')."
)
@click.option("--password-env", help="Environment variable that holds the password.")
@click.option("--test/--no-test", default=True, help="Log in before saving (default: yes).")
@click.pass_context
def account_add(
    ctx: click.Context,
    name: str,
    username: str,
    imap_host: str | None,
    imap_port: int | None,
    imap_security: str | None,
    smtp_host: str | None,
    smtp_port: int | None,
    smtp_security: str | None,
    password_command: str | None,
    password_env: str | None,
    test: bool,
) -> None:
    """Add account NAME to config.toml; the password goes to the OS keyring unless a
    --password-command or --password-env is given."""
    config = config_of(ctx)
    if any(a.name == name for a in config.accounts):
        raise ConfigError(f"an account named {name!r} exists; remove it first or pick another")
    gmail = username.lower().endswith(("@gmail.com", "@googlemail.com"))
    values: dict[str, Any] = dict(GMAIL) if gmail else {}
    given = {
        "imap_host": imap_host,
        "imap_port": imap_port,
        "imap_security": imap_security,
        "smtp_host": smtp_host,
        "smtp_port": smtp_port,
        "smtp_security": smtp_security,
    }
    values.update({k: v for k, v in given.items() if v is not None})
    if "imap_host" not in values:
        raise click.UsageError("--imap-host is needed for a non-Gmail address")
    values.setdefault("imap_security", "ssl")
    values.setdefault("imap_port", 993 if values["imap_security"] == "ssl" else 143)
    entry = {"name": name, **values, "username": username}
    password = None
    if password_command:
        entry["password_command"] = password_command
    elif password_env:
        entry["password_env"] = password_env
    else:
        password = click.prompt(f"Password for {username}", hide_input=True)
    account_obj = Account(**{k: v for k, v in entry.items()})
    if test:
        _test_login(account_obj, password)
    if password is not None:
        store_password(name, password)
    append_account(config.path, entry)
    click.echo(f"Added account {name!r} to {config.path}.")


def _test_login(account_obj: Account, password: str | None = None) -> str:
    from .mail import drafts, imap

    client = imap.connect(account_obj, password or get_password(account_obj))
    try:
        folder = drafts.drafts_folder(client)
    finally:
        imap._close(client)
    click.echo(
        f"Logged in to {account_obj.imap_host} as {account_obj.username}; drafts go to {folder!r}."
    )
    return folder


@account.command("list")
@json_option
@click.pass_context
def account_list(ctx: click.Context, as_json: bool) -> None:
    """List the configured accounts and where each password comes from."""
    config = config_of(ctx)
    for acc in config.accounts:
        source = (
            "password_command"
            if acc.password_command
            else "password_env " + acc.password_env
            if acc.password_env
            else "OS keyring"
        )
        row = {
            "name": acc.name,
            "username": acc.username,
            "imap": f"{acc.imap_host}:{acc.imap_port} ({acc.imap_security})",
            "password": source,
            "folders": list(acc.folders),
        }
        click.echo(
            json.dumps(row)
            if as_json
            else f"{acc.name}: {acc.username} on {row['imap']}, password from {source}"
        )
    if not config.accounts and not as_json:
        click.echo(f"No accounts in {config.path}. Add one with `nextlead account add`.")


@account.command("test")
@click.argument("name", required=False)
@click.pass_context
def account_test(ctx: click.Context, name: str | None) -> None:
    """Log in to account NAME (default: the first) and find its Drafts folder."""
    _test_login(config_of(ctx).account(name))


@account.command("remove")
@click.argument("name")
@click.pass_context
def account_remove(ctx: click.Context, name: str) -> None:
    """Remove account NAME from config.toml and its password from the OS keyring."""
    config = config_of(ctx)
    config.account(name)
    remove_account(config.path, name)
    delete_password(name)
    click.echo(f"Removed account {name!r}.")


@cli.command()
@click.option("--rotate", is_flag=True, help="Make a new token; paired extensions must re-pair.")
@click.pass_context
def token(ctx: click.Context, rotate: bool) -> None:
    """Print the API token the extension uses to talk to the server."""
    click.echo(read_token(config_of(ctx).home, rotate=rotate))


@cli.command()
@click.pass_context
def pair(ctx: click.Context) -> None:
    """Print a one-time code that pairs the browser extension (valid 10 minutes)."""
    from .pairing import LIFETIME_S, new_code

    config = config_of(ctx)
    read_token(config.home)  # the token the code will be exchanged for
    click.echo(f"Pairing code: {new_code(config.home)}")
    click.echo(
        f"Enter it in the NextLead extension's options within {LIFETIME_S // 60} minutes, "
        "while `nextlead serve` runs. It works once."
    )


@cli.command()
@click.option("--port", default=5151, show_default=True, help="Port on 127.0.0.1.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Only 127.0.0.1 or localhost: the server holds your mail password, so it "
    "never listens on the network.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Serve the bundled demo mailbox (also the default with no account).",
)
@click.pass_context
def serve(ctx: click.Context, port: int, host: str, demo: bool) -> None:
    """Run the local server for the extension and the dashboard."""
    from .web.serve import run

    if host not in ("127.0.0.1", "localhost"):
        raise ConfigError(
            f"refusing to listen on {host}: NextLead binds 127.0.0.1 only, since "
            "it holds your mail password"
        )
    run(config_of(ctx), port=port, demo=demo)


def main() -> None:
    cli(prog_name="nextlead")
