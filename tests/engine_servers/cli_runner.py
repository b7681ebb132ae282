"""Starting ``publisher run`` (the CLI, ``python -m publisher``) as a subprocess for the engine's process tests.

The child reads channel tokens through the test-only keyring in :mod:`tests.engine_servers.env_keyring` (the
parent's keyring lives in memory), and ``PUBLISHER_LEASE_SECONDS`` shortens the engine's lease so a killed
runner's deliveries are taken over within seconds instead of two minutes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from tests.engine_servers import env_keyring

REPO = Path(__file__).resolve().parent.parent.parent


def runner_env(secrets: dict[int, str], *, lease_seconds: float | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(env_keyring.environment(secrets))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("PUBLISHER_DB", None)
    if lease_seconds is not None:
        env["PUBLISHER_LEASE_SECONDS"] = str(lease_seconds)
    return env


class Runner:
    """One ``publisher run`` process; its output goes to ``log``."""

    def __init__(self, db_url: str, env: dict[str, str], log: Path, *, interval: float = 0.5) -> None:
        self.log_path = log
        self._log: IO[bytes] = log.open("ab")
        command = [sys.executable, "-m", "publisher", "--db", db_url, "run", "--interval", str(interval)]
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """``kill -9``: no clean-up of any kind in the runner."""
        if self.alive():
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._log.close()

    def stop(self) -> int:
        """SIGTERM, as a service manager would send; the runner finishes its pass and exits."""
        if self.alive():
            self.process.terminate()
        try:
            code = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._log.close()
        return code
