"""config.toml, passwords and NEXTLEAD_HOME."""

from __future__ import annotations

import pytest
from nextlead.config import Account, get_password, load_config
from nextlead.errors import AuthError, ConfigError

GOOD = """
[profile]
name = "Jordan Rivera"
email = "jordan.rivera@example.net"
phone = "+1 555 0100"
questions = ["other_companies"]
tone = "formal"

[[accounts]]
name = "personal"
imap_host = "imap.gmail.com"
imap_port = 993
imap_security = "ssl"
smtp_host = "smtp.gmail.com"
smtp_port = 465
smtp_security = "ssl"
username = "jordan.rivera@example.net"
"""


def test_design_example_loads(home):
    (home / "config.toml").write_text(GOOD)
    config = load_config()
    assert config.profile.questions == ("other_companies",) and config.profile.tone == "formal"
    assert config.account(None).imap_host == "imap.gmail.com"
    assert config.db_path == home / "nextlead.db"
    assert "jordan.rivera@example.net" in config.own_addresses


def test_missing_config_means_no_accounts(home):
    assert load_config().accounts == ()


@pytest.mark.parametrize(
    "text,message",
    [
        ('[profile]\ntone = "angry"', "profile.tone is 'angry'"),
        ('[profile]\nquestions = ["x"]', "profile.questions must be"),
        ('[[accounts]]\nname = "a"\nusername = "u"', "accounts[0].imap_host is missing"),
        (
            '[[accounts]]\nname = "a"\nimap_host = "h"\nusername = "u"\nimap_port = "993"',
            "accounts[0].imap_port must be a whole number",
        ),
        (
            '[[accounts]]\nname = "a"\nimap_host = "h"\nusername = "u"\nimap_security = "tls"',
            "accounts[0].imap_security must be one of ssl, starttls, none",
        ),
        ("[server]\nscan_interval_minutes = 0", "scan_interval_minutes must be"),
    ],
)
def test_bad_values_name_the_field(home, text, message):
    (home / "config.toml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config()


def test_unknown_account_name_lists_the_known(home):
    (home / "config.toml").write_text(GOOD)
    with pytest.raises(ConfigError, match="known: personal"):
        load_config().account("work")


def test_password_from_env_and_command(monkeypatch):
    monkeypatch.setenv("PW", "s3cret")
    assert get_password(Account("a", "h", "u", password_env="PW")) == "s3cret"
    assert get_password(Account("a", "h", "u", password_command="echo hunter2")) == "hunter2"


def test_password_errors_never_contain_the_secret(monkeypatch):
    monkeypatch.delenv("MISSING_PW", raising=False)
    with pytest.raises(AuthError, match="MISSING_PW"):
        get_password(Account("a", "h", "u", password_env="MISSING_PW"))
    with pytest.raises(AuthError, match="exited 3") as info:
        get_password(Account("a", "h", "u", password_command="sh -c 'echo topsecret; exit 3'"))
    assert "topsecret" not in str(info.value)


def test_missing_keyring_backend_says_what_to_do(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(AuthError, match="password_command or password_env"):
        get_password(Account("a", "h", "u"))
