"""A throwaway PostgreSQL cluster on 127.0.0.1 for integration tests, and a CLI to run one by hand.

Uses Debian's ``postgresql`` package (binaries under ``/usr/lib/postgresql/<version>/bin``; the newest is taken,
``$PUBLISHER_PG_BIN`` overrides). If it is absent and we run as root, it is installed with apt-get; otherwise the
error says which package to install. Each start runs ``initdb`` (trust auth, superuser ``pg``) in a fresh data
directory inside the given folder, with the Unix socket inside the data directory and TCP on 127.0.0.1 with a free
port. PostgreSQL refuses to run as root, so as root the cluster belongs to, and runs as, the ``postgres`` user.

    python tests/integration/servers/postgres_server.py install   # find (or install) PostgreSQL only
    python tests/integration/servers/postgres_server.py run       # start, print the URL, stop on Ctrl-C
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
DEBIAN_PACKAGE = "postgresql"
READY_TIMEOUT = 60.0
INSTALL_TIMEOUT = 900.0
LOG_TAIL = 4000
SUPERUSER = "pg"
RUN_AS = "postgres"  # the system user that owns the cluster when we are root


class PostgresError(RuntimeError):
    """Finding, installing or starting PostgreSQL failed; the message ends with the tail of the relevant log."""


def _tail(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-LOG_TAIL:]
    except OSError:
        return "(no log)"


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def find_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and pg_ctl, or None."""
    override = os.environ.get("PUBLISHER_PG_BIN")
    if override:
        return Path(override)
    candidates: list[tuple[tuple[int, ...], Path]] = []
    if PG_ROOT.is_dir():
        for child in PG_ROOT.iterdir():
            version = tuple(int(part) for part in re.findall(r"\d+", child.name))
            if version and (child / "bin" / "initdb").exists() and (child / "bin" / "pg_ctl").exists():
                candidates.append((version, child / "bin"))
    return max(candidates)[1] if candidates else None


def install() -> Path:
    """The folder with PostgreSQL's server binaries, installing Debian's package first if needed (root only)."""
    found = find_bin()
    if found is not None:
        return found
    if not _is_root() or shutil.which("apt-get") is None:
        raise PostgresError(
            f"PostgreSQL server binaries not found under {PG_ROOT}: install the Debian package "
            f"'{DEBIAN_PACKAGE}' (sudo apt-get install {DEBIAN_PACKAGE}), or set PUBLISHER_PG_BIN to a folder "
            "holding initdb and pg_ctl"
        )
    log = Path(tempfile.gettempdir()) / "publisher-postgres-install.log"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    with log.open("w") as out:
        for step in (["apt-get", "update"], ["apt-get", "install", "-y", DEBIAN_PACKAGE]):
            out.write(f"$ {' '.join(step)}\n")
            out.flush()
            try:
                code = subprocess.run(
                    step, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT
                ).returncode
            except subprocess.TimeoutExpired:
                code = -1
            if code != 0:
                raise PostgresError(f"installing {DEBIAN_PACKAGE} failed (exit {code}); log {log}:\n{_tail(log)}")
    found = find_bin()
    if found is None:
        raise PostgresError(f"{DEBIAN_PACKAGE} was installed but no initdb was found under {PG_ROOT}")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    """``command`` run as the cluster's owner: ourselves, or the ``postgres`` user when we are root."""
    if not _is_root():
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", RUN_AS, "--", *command]
    return ["su", RUN_AS, "-s", "/bin/sh", "-c", " ".join(_quote(part) for part in command)]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _make_data_dir(folder: Path) -> Path:
    """A fresh, empty data directory the cluster's owner can reach and owns.

    Normally ``folder/pgdata``. As root the cluster runs as ``postgres``, which cannot pass through root's private
    folders (pytest's and mkdtemp's are 0700), so the data directory goes into the system temp folder instead.
    """
    if not _is_root():
        data_dir = folder / "pgdata"
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(mode=0o700)
        return data_dir
    data_dir = Path(tempfile.mkdtemp(prefix="publisher-pgdata-"))
    shutil.chown(data_dir, RUN_AS, RUN_AS)
    (folder / "pgdata.location").write_text(f"{data_dir}\n")
    return data_dir


@dataclass
class Postgres:
    """A running cluster. ``url`` is for SQLAlchemy (psycopg 3); ``plain_url`` is a libpq/Node-style URL."""

    port: int
    data_dir: Path
    bin_dir: Path
    folder: Path
    host: str = "127.0.0.1"
    user: str = SUPERUSER
    stopped: bool = field(default=False, repr=False)

    def url_for(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{self.user}@{self.host}:{self.port}/{database}"

    @property
    def url(self) -> str:
        return self.url_for()

    @property
    def plain_url(self) -> str:
        return self.url_for(driver="postgresql")

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` through psql (over TCP) and return its output; raises :class:`PostgresError`."""
        command = [
            str(self.bin_dir / "psql"),
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            self.host,
            "-p",
            str(self.port),
            "-U",
            self.user,
            "-d",
            database,
            "-c",
            sql,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise PostgresError(f"psql failed ({sql!r}): {done.stderr.strip()}")
        return done.stdout

    def create_database(self, name: str) -> str:
        """Create database ``name`` (letters, digits, underscores) and return its SQLAlchemy URL."""
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"not a plain database name: {name!r}")
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        command = _as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"])
        subprocess.run(command, capture_output=True, timeout=60)
        _drop_outside_data_dir(self.data_dir, self.folder)


def _drop_outside_data_dir(data_dir: Path, folder: Path) -> None:
    """Remove a data directory kept outside ``folder`` (as root), keeping its server log in ``folder``."""
    if not data_dir.is_relative_to(folder):
        with contextlib.suppress(OSError):
            shutil.copyfile(data_dir / "server.log", folder / "server.log")
        shutil.rmtree(data_dir, ignore_errors=True)


def start(folder: Path, *, bin_dir: Path | None = None) -> Postgres:
    """Install if needed, ``initdb`` a fresh cluster in ``folder``, start it and wait until it accepts queries."""
    bin_dir = bin_dir or install()
    folder.mkdir(parents=True, exist_ok=True)
    data_dir = _make_data_dir(folder)
    log = folder / "postgres.log"
    init_log = folder / "initdb.log"
    with init_log.open("w") as out:
        command = [
            str(bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        ]
        code = subprocess.run(
            _as_owner(command), cwd=data_dir, stdout=out, stderr=subprocess.STDOUT, timeout=120
        ).returncode
    if code != 0:
        _drop_outside_data_dir(data_dir, folder)
        raise PostgresError(f"initdb failed (exit {code}):\n{_tail(init_log)}")
    # The server log goes into the data directory (the owner can write there) and is read from there.
    server_log = data_dir / "server.log"
    for attempt in range(3):
        port = free_port()
        options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        command = [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-l", str(server_log), "-o", options, "-w", "start"]
        with log.open("a") as out:
            done = subprocess.run(
                _as_owner(command), cwd=data_dir, stdout=out, stderr=subprocess.STDOUT, timeout=READY_TIMEOUT
            )
        if done.returncode == 0:
            break
        if attempt == 2 or "could not bind" not in _tail(server_log):
            message = f"PostgreSQL did not start (exit {done.returncode}):\n{_tail(log)}\n{_tail(server_log)}"
            _drop_outside_data_dir(data_dir, folder)
            raise PostgresError(message)
    server = Postgres(port=port, data_dir=data_dir, bin_dir=bin_dir, folder=folder)
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        try:
            server.psql("select 1")
            return server
        except PostgresError as exc:
            if time.monotonic() > deadline:
                message = f"PostgreSQL does not answer: {exc}\n{_tail(server_log)}"
                server.stop()
                raise PostgresError(message) from exc
        time.sleep(0.2)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> None:
    """Let SIGTERM (and SIGINT, even when a non-interactive shell set it to be ignored) stop ``run`` cleanly."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "run"
    if command == "install":
        print(install())
        return 0
    if command == "run":
        folder = Path(tempfile.mkdtemp(prefix="publisher-postgres-"))
        _stop_on_signals()
        server = start(folder)
        print(server.url, server.plain_url, sep="\n", flush=True)
        try:
            while True:
                time.sleep(3600)
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
