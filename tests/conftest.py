"""Shared test set-up: offscreen Qt, an in-memory keyring, and no writes to the real user data folder."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PUBLISHER_LANG", "en")
os.environ["PUBLISHER_DATA_DIR"] = tempfile.mkdtemp(prefix="publisher-test-data-")
os.environ.pop("PUBLISHER_DB", None)

import keyring.backend
import keyring.core
import keyring.errors
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict, so tests never touch the system's keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not stored") from None


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """Every core test runs against an empty in-memory keyring; the previous backend comes back afterwards."""
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture(autouse=True)
def _no_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may land in the real user data directory or a database named in the environment."""
    monkeypatch.setenv("PUBLISHER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("PUBLISHER_DB", raising=False)
