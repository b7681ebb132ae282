"""Credentials live in the operating system's keyring and nowhere else.

Keyring's own configuration is honoured (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``). When no usable backend
exists (a headless Linux box without a Secret Service), :class:`SecretsUnavailable` says so and how to fix it;
nothing is ever written to disk in plain text as a fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from publisher.errors import SecretsUnavailable

if TYPE_CHECKING:
    from types import ModuleType

SERVICE = "Publisher"


def _keyring() -> ModuleType:
    """keyring, imported on first use: it probes its backends on import, which start-up need not wait for."""
    import keyring
    import keyring.errors

    return keyring


@dataclass(frozen=True, slots=True)
class BackendStatus:
    usable: bool
    name: str


def backend_status() -> BackendStatus:
    backend = _keyring().get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        priority = float(backend.priority)
    except Exception:  # some backends compute priority lazily and raise when unusable
        priority = -1.0
    usable = priority > 0 and "fail" not in type(backend).__module__.split(".")
    if type(backend).__name__ == "ChainerBackend":
        usable = bool(getattr(backend, "backends", []))
    return BackendStatus(usable=usable, name=name)


class SecretStore:
    """Stores one secret per channel under the service name ``Publisher``."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @staticmethod
    def account(channel_id: int) -> str:
        return f"channel:{channel_id}"

    def status(self) -> BackendStatus:
        return backend_status()

    def require(self) -> None:
        status = backend_status()
        if not status.usable:
            raise SecretsUnavailable(backend=status.name)

    def set(self, channel_id: int, secret: str) -> None:
        self.require()
        keyring = _keyring()
        try:
            keyring.set_password(self.service, self.account(channel_id), secret)
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(backend=backend_status().name, reason=str(exc)) from None

    def get(self, channel_id: int) -> str | None:
        keyring = _keyring()
        try:
            value: str | None = keyring.get_password(self.service, self.account(channel_id))
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(backend=backend_status().name, reason=str(exc)) from None
        return value

    def delete(self, channel_id: int) -> None:
        keyring = _keyring()
        try:
            keyring.delete_password(self.service, self.account(channel_id))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: nothing to remove
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(backend=backend_status().name, reason=str(exc)) from None
