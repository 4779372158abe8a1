"""Expected failures: each carries one line that says what went wrong and what to do."""


class NextLeadError(Exception):
    """A failure the user can fix; shown as one line, never as a traceback."""

    exit_code = 1


class ConfigError(NextLeadError):
    exit_code = 2


class AuthError(NextLeadError):
    """Wrong password, missing credentials or a refused login."""

    exit_code = 2


class MailServerError(NextLeadError):
    """The mail server could not be reached or answered with an error."""

    exit_code = 2


class StoreError(NextLeadError):
    exit_code = 2
