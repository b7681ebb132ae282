"""A real WordPress site on loopback for integration tests, and a CLI to run it by hand.

WordPress is Debian's ``wordpress`` package (6.1), unpacked without installing it (``apt-get download`` and
``dpkg -x``; no root needed unless the apt lists are missing), together with the three Debian packages its tree
symlinks into (``php-getid3``, ``libjs-underscore``, ``libjs-cropper``), copied with the links resolved into one
self-contained ``wproot`` without Debian's ``wp-config.php``. It runs on the WordPress Playground CLI (npm
``@wp-playground/cli``, PHP compiled to WebAssembly, SQLite instead of MySQL; needs Node 20+), installed with npm.
Both live in the cache directory ``$PUBLISHER_TEST_CACHE`` or ``<system temp>/publisher-test-cache`` under
``wordpress/``; an existing install (marked by ``.installed``) is reused.

Each start copies ``wproot`` into a fresh folder (Playground writes ``wp-config.php``, the SQLite database and
uploads into it), serves it on 127.0.0.1 and a free port with ``WP_ENVIRONMENT_TYPE=local`` (so application
passwords work over http), and waits until ``/wp-json/`` answers. Login ``admin`` / ``password``.

    python tests/integration/servers/wordpress_server.py install   # install (or check) only
    python tests/integration/servers/wordpress_server.py run       # start, print the URL, stop on Ctrl-C
"""

from __future__ import annotations

import base64
import http.cookiejar
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
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLAYGROUND_SPEC = "@wp-playground/cli@3.1.56"
DEBIAN_PACKAGES = ("wordpress", "php-getid3", "libjs-underscore", "libjs-cropper")
PHP_VERSION = "8.2"
ADMIN_USER = "admin"
ADMIN_PASSWORD = "password"
READY_TIMEOUT = 120.0
INSTALL_TIMEOUT = 900.0
HTTP_TIMEOUT = 60.0
LOG_TAIL = 4000
# Files of the tree that Debian ships as symlinks into other packages: they must be real files in wproot.
LINKED_FILES = ("wp-includes/ID3/getid3.php", "wp-includes/js/underscore.min.js", "wp-includes/js/crop/cropper.js")


class WordPressError(RuntimeError):
    """Installing or starting WordPress failed; the message ends with the tail of the relevant log."""


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


@dataclass(frozen=True)
class Installation:
    wproot: Path  # the WordPress tree to copy per start
    cli: Path  # @wp-playground/cli's cli.js


def _installation(folder: Path) -> Installation:
    return Installation(folder / "wproot", folder / "node_modules" / "@wp-playground" / "cli" / "cli.js")


def install(cache: Path | None = None) -> Installation:
    """WordPress' files and the Playground CLI, installing them first if needed. Raises :class:`WordPressError`."""
    folder = (cache or cache_dir()) / "wordpress"
    found = _installation(folder)
    marker = folder / ".installed"
    if marker.exists() and found.cli.exists() and (found.wproot / "wp-settings.php").exists():
        return found
    log = folder.parent / "wordpress-install.log"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    debs = folder / "debs"
    debs.mkdir()
    with log.open("w") as out:

        def run(step: list[str], cwd: Path) -> int:
            out.write(f"$ {' '.join(step)}\n")
            out.flush()
            try:
                return subprocess.run(
                    step, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT
                ).returncode
            except subprocess.TimeoutExpired:
                return -1
            except OSError as exc:
                out.write(f"{exc}\n")
                return -2

        def fail(what: str, code: int | None = None) -> WordPressError:
            out.flush()
            status = f" (exit {code})" if code is not None else ""
            return WordPressError(f"installing WordPress failed: {what}{status}; log {log}:\n{_tail(log)}")

        for tool in ("apt-get", "dpkg", "node", "npm"):
            if shutil.which(tool) is None:
                out.write(f"{tool} is not on PATH\n")
                raise fail(f"{tool} is missing (needs Debian/Ubuntu with Node 20+ and npm)")

        download = ["apt-get", "download", *DEBIAN_PACKAGES]
        code = run(download, debs)
        if code != 0 and hasattr(os, "geteuid") and os.geteuid() == 0:  # no apt lists yet (fresh machine)
            code = run(["apt-get", "update"], debs)
            if code == 0:
                code = run(download, debs)
        if code != 0:
            raise fail("apt-get download of the Debian packages (run `apt-get update` as root first)", code)
        debroot = folder / "debroot"
        for deb in sorted(debs.glob("*.deb")):
            code = run(["dpkg", "-x", str(deb), str(debroot)], folder)
            if code != 0:
                raise fail(f"dpkg -x {deb.name}", code)

        # Debian's tree links into the packages unpacked next to it (relative links) and into /etc (absolute:
        # wp-config.php reads /etc/wordpress, .htaccess). Copy it with every link resolved; drop the dangling ones
        # and Debian's wp-config.php so Playground writes its own.
        source = debroot / "usr" / "share" / "wordpress"
        shutil.copytree(source, found.wproot, symlinks=True)
        for link in [p for p in found.wproot.rglob("*") if p.is_symlink()]:
            target = (source / link.relative_to(found.wproot)).resolve()
            link.unlink()
            if target.is_file():  # a link dangling on this machine (e.g. into /etc/wordpress) is left out
                shutil.copy2(target, link)
        for name in ("wp-config.php", ".htaccess"):
            (found.wproot / name).unlink(missing_ok=True)
        (found.wproot / "wp-content" / "uploads").mkdir(exist_ok=True)
        missing = [name for name in LINKED_FILES if not (found.wproot / name).is_file()]
        if missing:
            out.write(f"not resolved: {missing}\n")
            raise fail(f"the WordPress tree misses {', '.join(missing)}")
        shutil.rmtree(debroot)
        shutil.rmtree(debs)

        (folder / "package.json").write_text('{"private": true}\n')
        code = run(["npm", "install", "--no-audit", "--no-fund", "--save-exact", PLAYGROUND_SPEC], folder)
        if code != 0 or not found.cli.exists():
            raise fail(f"npm install {PLAYGROUND_SPEC}", code)
        code = run(["node", str(found.cli), "--version"], folder)
        if code != 0:
            raise fail("the Playground CLI does not run (Node 20+ is needed)", code)
    marker.write_text(f"{' '.join(DEBIAN_PACKAGES)}\n{PLAYGROUND_SPEC}\n")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class WordPress:
    url: str
    process: subprocess.Popen[bytes]
    folder: Path  # the site's own copy of the tree is ``folder / "wordpress"``

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)

    def log_tail(self) -> str:
        return f"{_tail(self.folder / 'server.log')}\n{_tail(self.folder / 'wordpress' / 'wp-content' / 'debug.log')}"


def start(folder: Path, *, installation: Installation | None = None) -> WordPress:
    """Install if needed, copy the tree into ``folder``, start, and wait until the REST API answers."""
    installation = installation or install()
    site = folder / "wordpress"
    shutil.copytree(installation.wproot, site)
    temp = folder / "tmp"  # Playground's own temporary site files, removed with the folder
    temp.mkdir()
    port = free_port()
    output = folder / "server.log"
    command = [
        "node",
        "--require",
        str(Path(__file__).with_name("loopback_only.cjs")),  # Playground has no --host; keep it on loopback
        str(installation.cli),
        "server",
        "--port",
        str(port),
        "--php",
        PHP_VERSION,
        "--wordpress-install-mode=install-from-existing-files",
        f"--mount-before-install={site}:/wordpress",
        "--define",
        "WP_ENVIRONMENT_TYPE",
        "local",
        "--workers",
        "1",
    ]
    with output.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=folder, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "TMPDIR": str(temp)}
        )
    server = WordPress(f"http://127.0.0.1:{port}", process, folder)
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/wp-json/", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise WordPressError(f"WordPress did not start (exit code {process.poll()}):\n{server.log_tail()}")
        time.sleep(0.3)


# -- accounts -------------------------------------------------------------------------------------


def app_password(url: str, user: str = ADMIN_USER, password: str = ADMIN_PASSWORD, name: str = "publisher") -> str:
    """A new application password for ``user``: log in through wp-login.php, get a REST nonce, create it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        opener.open(f"{url}/wp-login.php", timeout=HTTP_TIMEOUT).read()  # sets the test cookie
        form = urllib.parse.urlencode(
            {"log": user, "pwd": password, "wp-submit": "Log In", "testcookie": "1", "redirect_to": f"{url}/wp-admin/"}
        ).encode()
        opener.open(f"{url}/wp-login.php", data=form, timeout=HTTP_TIMEOUT).read()
        if not any(c.name.startswith("wordpress_logged_in") for c in jar):
            raise WordPressError(f"logging in to {url} as {user} failed (no login cookie)")
        with opener.open(f"{url}/wp-admin/admin-ajax.php?action=rest-nonce", timeout=HTTP_TIMEOUT) as response:
            nonce = response.read().decode().strip()
        request = urllib.request.Request(
            f"{url}/wp-json/wp/v2/users/me/application-passwords",
            data=json.dumps({"name": name}).encode(),
            headers={"Content-Type": "application/json", "X-WP-Nonce": nonce},
            method="POST",
        )
        with opener.open(request, timeout=HTTP_TIMEOUT) as response:
            created = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise WordPressError(
            f"creating an application password for {user} failed: {exc} {exc.read()[:500]!r}"
        ) from None
    return str(created["password"])


def rest(
    url: str, user: str, app_pass: str, method: str, path: str, body: dict[str, Any] | None = None
) -> tuple[Any, dict[str, str]]:
    """One ``/wp-json/wp/v2`` call with HTTP Basic auth: (JSON body, headers). Raises on a non-2xx answer."""
    credentials = base64.b64encode(f"{user}:{app_pass}".encode()).decode()
    headers = {"Authorization": f"Basic {credentials}"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(f"{url}/wp-json/wp/v2{path}", data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return json.loads(response.read()), dict(response.headers.items())
    except urllib.error.HTTPError as exc:
        raise WordPressError(f"{method} {path} failed: {exc} {exc.read()[:500]!r}") from None


def create_user(
    url: str, admin_app_password: str, username: str, *, role: str = "subscriber", password: str | None = None
) -> str:
    """Create a second account with ``role`` (as the admin, over REST) and return an application password for it."""
    password = password or f"pw-{username}-secret"
    rest(
        url,
        ADMIN_USER,
        admin_app_password,
        "POST",
        "/users",
        {"username": username, "email": f"{username}@example.org", "password": password, "roles": [role]},
    )
    return app_password(url, username, password)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "run"
    if command == "install":
        print(install().wproot.parent)
        return 0
    if command == "run":
        folder = Path(tempfile.mkdtemp(prefix="publisher-wordpress-"))
        server = start(folder)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the server on `kill` too, not only Ctrl-C
        print(f"{server.url}  (login {ADMIN_USER} / {ADMIN_PASSWORD})", flush=True)
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
