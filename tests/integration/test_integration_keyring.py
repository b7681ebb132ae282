"""Secrets against the real Linux keyring: a Secret Service (GNOME Keyring) on a private D-Bus session that this
test starts and stops itself. Skipped, with the reason, where gnome-keyring and dbus are not installed
(README: Development)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs gnome-keyring and dbus (apt-get install gnome-keyring dbus)",
)

PROBE = textwrap.dedent(
    """
    import keyring
    from publisher.secrets import SecretStore, backend_status

    status = backend_status()
    assert status.usable and "SecretService" in status.name, status
    store = SecretStore(service="PublisherIntegrationTest")
    store.set(7, "tok-äöü-123")
    assert store.get(7) == "tok-äöü-123"
    assert keyring.get_password("PublisherIntegrationTest", "channel:7") == "tok-äöü-123"
    store.delete(7)
    assert store.get(7) is None
    store.delete(7)  # deleting twice is fine
    print("secret-service-ok")
    """
)


def test_secrets_round_trip_through_the_secret_service(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_KEYRING", "DBUS_", "XDG_"))}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    script = (
        "echo -n unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        f'{sys.executable} -c "$PROBE"'
    )
    env["PROBE"] = PROBE
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "secret-service-ok" in result.stdout
