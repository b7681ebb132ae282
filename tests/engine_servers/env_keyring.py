"""A keyring backend for tests that start Publisher as a subprocess: TEST-ONLY, never for real use.

The test process keeps its secrets in an in-memory keyring (``tests/conftest.py``), which a child process cannot
see. A child started with::

    PYTHON_KEYRING_BACKEND=tests.engine_servers.env_keyring.EnvKeyring
    PUBLISHER_TEST_SECRETS='{"channel:1": "token-a", "channel:2": "token-b"}'
    PYTHONPATH=<the repository>

reads each channel's token from that environment variable (service ``Publisher``), so no secret is written to the
database or to a file. Writing or deleting a secret through it fails.
"""

from __future__ import annotations

import json
import os

import keyring.backend
import keyring.errors

VARIABLE = "PUBLISHER_TEST_SECRETS"
SERVICE = "Publisher"


class EnvKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        if service != SERVICE:
            return None
        secrets = json.loads(os.environ.get(VARIABLE) or "{}")
        value = secrets.get(username)
        return str(value) if value is not None else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the test keyring is read-only (secrets come from the environment)")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("the test keyring is read-only")


def environment(secrets: dict[int, str]) -> dict[str, str]:
    """The variables a child process needs to read ``secrets`` (channel id -> token) through this backend."""
    return {
        "PYTHON_KEYRING_BACKEND": f"{__name__}.{EnvKeyring.__name__}",
        VARIABLE: json.dumps({f"channel:{channel_id}": token for channel_id, token in secrets.items()}),
    }
