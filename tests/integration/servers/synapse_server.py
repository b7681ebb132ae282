"""A real Matrix homeserver (Synapse) on loopback for integration tests, and a CLI to run it by hand.

Synapse lives in its own venv (it pins many packages) under the cache directory: ``$PUBLISHER_TEST_CACHE`` or
``<system temp>/publisher-test-cache``; an existing install (marked by ``.installed``) is reused. Each start gets
a fresh data directory (SQLite), server name ``localhost``, one HTTP listener on 127.0.0.1 and a free port.

    python tests/integration/servers/synapse_server.py install   # install (or check) only
    python tests/integration/servers/synapse_server.py run       # start, print the URL, stop on Ctrl-C
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SYNAPSE_SPEC = "matrix-synapse"
READY_TIMEOUT = 60.0
INSTALL_TIMEOUT = 900.0
LOG_TAIL = 4000

EXTRA_CONFIG = """
# -- added by tests/integration/servers/synapse_server.py --
enable_registration: true
enable_registration_without_verification: true
trusted_key_servers: []
suppress_key_server_warning: true
report_stats: false
max_event_delay_duration: 24h
rc_message:
  per_second: 1000
  burst_count: 1000
rc_registration:
  per_second: 1000
  burst_count: 1000
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
  remote: {per_second: 1000, burst_count: 1000}
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
"""


class SynapseError(RuntimeError):
    """Installing or starting Synapse failed; the message ends with the tail of the relevant log."""


def cache_dir() -> Path:
    root = os.environ.get("PUBLISHER_TEST_CACHE") or os.path.join(tempfile.gettempdir(), "publisher-test-cache")
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _tail(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-LOG_TAIL:]
    except OSError:
        return "(no log)"


def install(cache: Path | None = None) -> Path:
    """The Python of a venv with Synapse in it, installing it first if needed. Raises :class:`SynapseError`."""
    venv = (cache or cache_dir()) / "synapse-venv"
    python = venv / "bin" / "python"
    marker = venv / ".installed"
    if marker.exists() and python.exists():
        return python
    log = venv.parent / "synapse-install.log"
    shutil.rmtree(venv, ignore_errors=True)
    with log.open("w") as out:
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", SYNAPSE_SPEC],
            [str(python), "-c", "import synapse.app.homeserver"],
        ]
        for step in steps:
            out.write(f"$ {' '.join(step)}\n")
            out.flush()
            try:
                code = subprocess.run(step, stdout=out, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT).returncode
            except subprocess.TimeoutExpired:
                code = -1
            if code != 0:
                raise SynapseError(f"installing Synapse failed (exit {code}); log {log}:\n{_tail(log)}")
    marker.write_text(SYNAPSE_SPEC + "\n")
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def configure(python: Path, folder: Path, port: int) -> Path:
    """Generate ``homeserver.yaml`` in ``folder`` for ``localhost`` on 127.0.0.1:``port``; return its path."""
    config = folder / "homeserver.yaml"
    log = folder / "generate.log"
    with log.open("w") as out:
        code = subprocess.run(
            [
                str(python),
                "-m",
                "synapse.app.homeserver",
                "--server-name",
                "localhost",
                "--config-path",
                str(config),
                "--generate-config",
                "--report-stats=no",
                "--data-directory",
                str(folder / "data"),
            ],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
        ).returncode
    if code != 0 or not config.exists():
        raise SynapseError(f"generating the Synapse config failed (exit {code}):\n{_tail(log)}")
    # Drop the generated top-level blocks this test sets itself, then append ours.
    replaced = {"listeners", "trusted_key_servers", "report_stats", "enable_registration"}
    kept: list[str] = []
    skipping = False
    for line in config.read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            skipping = line.split(":", 1)[0].strip() in replaced
        if not skipping:
            kept.append(line)
    listener = (
        "listeners:\n"
        f"  - port: {port}\n"
        "    bind_addresses: ['127.0.0.1']\n"
        "    type: http\n"
        "    tls: false\n"
        "    x_forwarded: false\n"
        "    resources:\n"
        "      - names: [client]\n"
        "        compress: false\n"
    )
    text = "\n".join(kept) + "\n" + listener + EXTRA_CONFIG
    config.write_text(text)
    # Quiet logging to a file in the data folder instead of the generated config's rotating log.
    log_config = next(folder.glob("*.log.config"), None)
    if log_config is not None:
        log_config.write_text(
            "version: 1\n"
            "formatters:\n  plain:\n    format: '%(asctime)s %(levelname)s %(name)s %(message)s'\n"
            f"handlers:\n  file:\n    class: logging.FileHandler\n    filename: {folder / 'synapse.log'}\n"
            "    formatter: plain\n"
            "root:\n  level: WARNING\n  handlers: [file]\n"
            "disable_existing_loggers: false\n"
        )
    return config


@dataclass
class Synapse:
    url: str
    process: subprocess.Popen[bytes]
    folder: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


def start(folder: Path, *, python: Path | None = None) -> Synapse:
    """Install if needed, configure in ``folder``, start, and wait until the client API answers."""
    python = python or install()
    port = free_port()
    config = configure(python, folder, port)
    output = folder / "stdout.log"
    with output.open("wb") as out:
        process = subprocess.Popen(
            [str(python), "-m", "synapse.app.homeserver", "-c", str(config)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Synapse(f"http://127.0.0.1:{port}", process, folder)
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/_matrix/client/versions", timeout=1) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise SynapseError(
                f"Synapse did not start (exit code {process.poll()}):\n{_tail(output)}\n{_tail(folder / 'synapse.log')}"
            )
        time.sleep(0.2)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "run"
    if command == "install":
        print(install())
        return 0
    if command == "run":
        folder = Path(tempfile.mkdtemp(prefix="publisher-synapse-"))
        server = start(folder)
        print(server.url, flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
            shutil.rmtree(folder, ignore_errors=True)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
