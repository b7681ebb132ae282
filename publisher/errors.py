"""Every error the core raises, as one tree.

Errors carry a stable ``code`` and ``params``; they never carry prose meant for users. The CLI turns codes into
English sentences (:mod:`publisher.messages`), the UI into translated ones (``ui/errors.py``).

    PublisherError
    ├── InputError                 bad input from a user or a script; nothing was changed
    ├── NotFound                   a named thing (channel, post) does not exist
    ├── ConfigError                settings or environment prevent the work
    ├── DatabaseError              the database cannot be opened, is not ours, or is too new
    ├── SecretsUnavailable         no usable keyring backend
    └── ChannelError               raised by connectors, classified so the engine knows what to do
        ├── AuthExpired            credentials rejected; sign in again
        ├── RateLimited            wait ``retry_after`` seconds
        ├── Rejected               the network refused the content; the user must change something
        ├── Transient              try again later
        └── OutcomeUnknown         the request may have been applied; never blindly resend
"""

from __future__ import annotations

from typing import Any


class PublisherError(Exception):
    """Base of every error raised by the core."""

    code: str = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(self.code, params)

    def __str__(self) -> str:
        from publisher.messages import describe

        return describe(self)


class InputError(PublisherError):
    code = "input.invalid"


class NotFound(PublisherError):
    code = "not_found"


class ConfigError(PublisherError):
    code = "config.invalid"


class DatabaseError(PublisherError):
    code = "db.error"


class SecretsUnavailable(PublisherError):
    code = "secrets.unavailable"


class ChannelError(PublisherError):
    code = "channel.error"


class AuthExpired(ChannelError):
    code = "channel.auth_expired"


class RateLimited(ChannelError):
    code = "channel.rate_limited"

    def __init__(self, code: str | None = None, /, *, retry_after: float = 60.0, **params: Any) -> None:
        super().__init__(code, retry_after=retry_after, **params)
        self.retry_after = retry_after


class Rejected(ChannelError):
    code = "channel.rejected"


class Transient(ChannelError):
    code = "channel.transient"


class OutcomeUnknown(ChannelError):
    code = "channel.outcome_unknown"
