"""Settings: the NEXTLEAD_HOME folder, config.toml, passwords and the API token.

Config errors name the field and the fix in one line. Passwords are looked up when needed
(keyring, `password_command` or `password_env`) and never stored anywhere else.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import secrets
import shlex
import subprocess
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from .errors import AuthError, ConfigError

KEYRING_SERVICE = "nextlead"
QUESTION_IDS = ("someone_else_hiring", "other_divisions", "other_companies", "who_to_meet")
TONES = ("warm", "formal", "brief")
SECURITY = ("ssl", "starttls", "none")
# The packaged extension's id, fixed by the "key" in extension/manifest.json.
EXTENSION_ORIGINS = ("chrome-extension://dgelbkkfpmffkggcdjokgdohhigkhpbd",)


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""
    questions: tuple[str, ...] = QUESTION_IDS
    tone: str = "warm"
    signature: str = ""


@dataclass(frozen=True)
class Account:
    name: str
    imap_host: str
    username: str
    imap_port: int = 993
    imap_security: str = "ssl"
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "ssl"
    password_command: str = ""
    password_env: str = ""
    auth: str = "password"
    folders: tuple[str, ...] = ("INBOX",)
    tls_verify: bool = True
    ca_file: str = ""


@dataclass(frozen=True)
class Config:
    home: Path
    path: Path
    profile: Profile = field(default_factory=Profile)
    accounts: tuple[Account, ...] = ()
    scan_interval_minutes: int = 10
    extension_origins: tuple[str, ...] = EXTENSION_ORIGINS
    templates_dir: str = ""

    @property
    def db_path(self) -> Path:
        return self.home / "nextlead.db"

    @property
    def token_path(self) -> Path:
        return self.home / "token"

    @property
    def own_addresses(self) -> frozenset[str]:
        """The user's own addresses: mail from them is never a rejection."""
        found = {self.profile.email, *(a.username for a in self.accounts)}
        return frozenset(a.lower() for a in found if a and "@" in a)

    def account(self, name: str | None) -> Account:
        if not self.accounts:
            raise ConfigError(f"no account in {self.path}: add one with `nextlead account add`")
        if name is None:
            return self.accounts[0]
        for account in self.accounts:
            if account.name == name:
                return account
        known = ", ".join(a.name for a in self.accounts)
        raise ConfigError(f"no account named {name!r} in {self.path} (known: {known})")


def home_dir() -> Path:
    """NEXTLEAD_HOME, else the platform's user data folder."""
    env = os.environ.get("NEXTLEAD_HOME")
    return Path(env).expanduser() if env else Path(platformdirs.user_data_dir("nextlead"))


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read config.toml (or `path`); a missing file means defaults and no accounts."""
    home = home_dir()
    config_path = Path(path).expanduser() if path else home / "config.toml"
    if not config_path.exists():
        if path:
            raise ConfigError(f"config file {config_path} does not exist")
        return Config(home=home, path=config_path)
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_path} is not valid TOML ({exc}); fix that line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {config_path}: {exc}") from None
    return parse_config(data, home, config_path)


def parse_config(data: dict[str, Any], home: Path, config_path: Path) -> Config:
    _check_keys(data, {"profile", "accounts", "server"}, "")
    profile = _build(Profile, data.get("profile", {}), "profile")
    if any(q not in QUESTION_IDS for q in profile.questions) or not profile.questions:
        raise ConfigError(
            f"profile.questions must be a non-empty list of {', '.join(QUESTION_IDS)}"
        )
    if profile.tone not in TONES:
        raise ConfigError(f"profile.tone is {profile.tone!r}; use one of {', '.join(TONES)}")
    raw_accounts = data.get("accounts", [])
    if not isinstance(raw_accounts, list):
        raise ConfigError("accounts must be a list of [[accounts]] tables")
    accounts = tuple(_build(Account, raw, f"accounts[{i}]") for i, raw in enumerate(raw_accounts))
    names = [a.name for a in accounts]
    if len(set(names)) != len(names):
        raise ConfigError("two [[accounts]] share a name; give each a different name")
    for i, account in enumerate(accounts):
        for key in ("imap_security", "smtp_security"):
            if getattr(account, key) not in SECURITY:
                raise ConfigError(f"accounts[{i}].{key} must be one of {', '.join(SECURITY)}")
    server = data.get("server", {})
    _check_keys(server, {"scan_interval_minutes", "extension_origins", "templates_dir"}, "server")
    interval = server.get("scan_interval_minutes", 10)
    if not isinstance(interval, int) or interval < 1:
        raise ConfigError("server.scan_interval_minutes must be a whole number of minutes >= 1")
    origins = server.get("extension_origins", [])
    if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
        raise ConfigError("server.extension_origins must be a list of strings")
    return Config(
        home=home,
        path=config_path,
        profile=profile,
        accounts=accounts,
        scan_interval_minutes=interval,
        extension_origins=tuple(dict.fromkeys([*EXTENSION_ORIGINS, *origins])),
        templates_dir=str(server.get("templates_dir", "")),
    )


def _check_keys(table: Any, allowed: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    for key in table:
        if key not in allowed:
            hint = difflib.get_close_matches(key, allowed, n=1)
            fix = f"did you mean {hint[0]!r}?" if hint else f"known: {', '.join(sorted(allowed))}"
            raise ConfigError(f"unknown field {where + '.' if where else ''}{key}; {fix}")


def _build(cls: type, table: Any, where: str) -> Any:
    """A dataclass from a TOML table, with the field's name in any type error."""
    specs = {f.name: f for f in fields(cls)}
    _check_keys(table, set(specs), where)
    values = {}
    for name, spec in specs.items():
        if name not in table:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise ConfigError(f"{where}.{name} is missing; add it to the config")
            continue
        value, default = table[name], spec.default
        expected = type(default) if default is not MISSING else str
        if expected is tuple:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}.{name} must be a list of strings")
            value = tuple(value)
        elif expected is int and (not isinstance(value, int) or isinstance(value, bool)):
            raise ConfigError(f"{where}.{name} must be a whole number, not {value!r}")
        elif not isinstance(value, expected):
            raise ConfigError(f"{where}.{name} must be a {expected.__name__}")
        values[name] = value
    return cls(**values)


def get_password(account: Account) -> str:
    """The account's password from password_env, password_command or the OS keyring."""
    if account.password_env:
        value = os.environ.get(account.password_env)
        if not value:
            raise AuthError(
                f"account {account.name!r}: environment variable "
                f"{account.password_env} (password_env) is not set"
            )
        return value
    if account.password_command:
        try:
            result = subprocess.run(
                shlex.split(account.password_command),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise AuthError(
                f"account {account.name!r}: password_command could not run "
                f"({type(exc).__name__}); run it yourself to see why"
            ) from None
        if result.returncode != 0 or not result.stdout.strip():
            raise AuthError(
                f"account {account.name!r}: password_command exited "
                f"{result.returncode} without a password; run it yourself to see why"
            )
        return result.stdout.splitlines()[0]
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        value = keyring.get_password(KEYRING_SERVICE, account.name)
    except NoKeyringError:
        raise AuthError(
            "no OS keyring is available: set password_command or password_env "
            f"for account {account.name!r} in config.toml"
        ) from None
    except KeyringError as exc:
        raise AuthError(
            f"the OS keyring failed ({type(exc).__name__}); set password_command "
            f"or password_env for account {account.name!r}"
        ) from None
    if not value:
        raise AuthError(
            f"no password stored for account {account.name!r}: run "
            f"`nextlead account add {account.name}` again or set password_command"
        )
    return value


def store_password(account_name: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, account_name, password)
    except NoKeyringError:
        raise AuthError(
            "no OS keyring is available to store the password: use "
            "--password-command or --password-env instead"
        ) from None
    except KeyringError as exc:
        raise AuthError(
            f"the OS keyring refused the password ({type(exc).__name__}); use "
            "--password-command or --password-env instead"
        ) from None


def delete_password(account_name: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError):  # nothing stored, or no keyring: nothing to remove
        keyring.delete_password(KEYRING_SERVICE, account_name)


def read_token(home: Path, *, rotate: bool = False) -> str:
    """The API token, created on first use with mode 0600."""
    path = home / "token"
    if path.exists() and not rotate:
        token = path.read_text(encoding="ascii").strip()
        if token:
            return token
    home.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(token + "\n")
    os.replace(tmp, path)
    return token


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset TOML accepts)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def append_account(config_path: Path, values: dict[str, Any]) -> None:
    """Add an [[accounts]] table to config.toml, keeping the user's comments and order."""
    lines = ["", "[[accounts]]"]
    for key, value in values.items():
        if isinstance(value, bool):
            rendered = "true" if value else "false"
        elif isinstance(value, int):
            rendered = str(value)
        else:
            rendered = toml_string(str(value))
        lines.append(f"{key} = {rendered}")
    config_path.parent.mkdir(parents=True, exist_ok=True)
    with config_path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def remove_account(config_path: Path, name: str) -> bool:
    """Drop the [[accounts]] table named `name` from config.toml; True if one was removed."""
    text = config_path.read_text(encoding="utf-8")
    blocks, current = [], []
    for line in text.splitlines(keepends=True):
        if line.strip().startswith("[") and current:
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    kept, removed = [], False
    for block in blocks:
        header = block[0].strip()
        body = tomllib.loads("".join(block[1:])) if header == "[[accounts]]" else {}
        if header == "[[accounts]]" and body.get("name") == name:
            removed = True
            continue
        kept.append("".join(block))
    if removed:
        config_path.write_text("".join(kept), encoding="utf-8")
    return removed
