"""Install the headless publishing runner (``publisher run``) as a per-user service that starts at login.

One definition per system, built from injected facts (platform, home, environment, how Publisher was launched)
so every variant can be generated and tested anywhere:

- Linux: a systemd user unit ``publisher.service`` in ``$XDG_CONFIG_HOME/systemd/user/``, enabled and started
  with ``systemctl --user``;
- macOS: a launchd agent ``~/Library/LaunchAgents/<APP_ID>.plist``, loaded with ``launchctl bootstrap``;
- Windows: a Task Scheduler entry created with ``schtasks /Create /SC ONLOGON``.

Commands go through an injected :data:`Runner`. When the service manager is missing or refuses (no user session,
e.g. in a container) the file stays in place and the report lists what to run by hand. Only a file that cannot be
written (or removed) is an error. The database URL is written into the definition only if it holds no password.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from publisher import APP_ID, APP_NAME
from publisher.config import DB_ENV
from publisher.errors import ConfigError, InputError, PublisherError

UNIT_NAME = "publisher.service"
TASK_NAME = APP_NAME
RESTART_SEC = 10
DEFAULT_INTERVAL = 15.0

Platform = Literal["linux", "darwin", "win32"]
Action = Literal["install", "uninstall"]


@dataclass(frozen=True)
class CommandResult:
    """What one command did. ``returncode`` is None when the program does not exist here."""

    returncode: int | None
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0


Runner = Callable[[Sequence[str]], CommandResult]


def run_command(argv: Sequence[str]) -> CommandResult:
    """The real runner: no shell, output captured, a missing program reported rather than raised."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=60, check=False)
    except FileNotFoundError:
        return CommandResult(None, f"{argv[0]}: command not found")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return CommandResult(-1, str(exc))
    return CommandResult(done.returncode, (done.stderr or done.stdout).strip())


@dataclass(frozen=True)
class ServiceDefinition:
    """Everything needed to install or remove the service on one system."""

    platform: Platform
    command: tuple[str, ...]  # what the service runs: publisher run [--db URL] [--interval S]
    path: Path | None  # the file to write; None on Windows (the task lives in Task Scheduler)
    content: str
    install_commands: tuple[tuple[str, ...], ...]  # after writing the file, in order; the first failure stops
    status_command: str
    logs_command: str
    prepare_commands: tuple[tuple[str, ...], ...] = ()  # before writing, best effort (macOS: unload an old copy)
    reinstall_commands: tuple[tuple[str, ...], ...] = ()  # after install_commands when an old file was replaced
    uninstall_commands: tuple[tuple[str, ...], ...] = ()  # before removing the file, best effort
    after_removal_commands: tuple[tuple[str, ...], ...] = ()
    manual_removal_commands: tuple[tuple[str, ...], ...] = ()  # what to run by hand when those failed
    env_file: Path | None = None  # Linux: optional environment file the unit reads (for PUBLISHER_DB with a password)
    db_from_environment: bool = False  # PUBLISHER_DB holds a password, so it was left out: the service needs it too


@dataclass(frozen=True)
class StepReport:
    command: tuple[str, ...]
    result: CommandResult

    def to_json(self) -> dict[str, object]:
        return {
            "command": list(self.command),
            "ok": self.result.ok,
            "missing": self.result.returncode is None,
            "output": self.result.output,
        }


@dataclass(frozen=True)
class ServiceReport:
    """The outcome: which file, which commands ran, and what is left for the user to run by hand."""

    action: Action
    definition: ServiceDefinition
    changed: bool  # the file was written or removed (or the task created/deleted on Windows)
    replaced: bool = False  # install: an older file was overwritten; uninstall: there was something to remove
    steps: tuple[StepReport, ...] = ()
    manual: tuple[str, ...] = field(default=())  # shell lines still to run, when the service manager failed

    @property
    def complete(self) -> bool:
        return not self.manual

    @property
    def manager_missing(self) -> bool:
        return any(s.result.returncode is None for s in self.steps)

    def to_json(self) -> dict[str, object]:
        d = self.definition
        return {
            "action": self.action,
            "platform": d.platform,
            "path": str(d.path) if d.path else None,
            "command": list(d.command),
            "changed": self.changed,
            "replaced": self.replaced,
            "complete": self.complete,
            "steps": [s.to_json() for s in self.steps],
            "manual": list(self.manual),
            "status_command": d.status_command,
            "logs_command": d.logs_command,
            "env_file": str(d.env_file) if d.env_file else None,
            "db_from_environment": d.db_from_environment,
        }


# -- building the definition ----------------------------------------------------------------------------------


def current_platform() -> Platform:
    if sys.platform.startswith("win"):
        return "win32"
    if sys.platform == "darwin":
        return "darwin"
    if sys.platform.startswith("linux"):
        return "linux"
    raise ConfigError("service.unsupported_platform", platform=sys.platform)


def launch_command(*, executable: str, argv0: str, frozen: bool) -> tuple[str, ...]:
    """How to start Publisher again from a service: the bundle itself, the ``publisher`` script that is running
    now, or this interpreter with ``-m publisher``. Paths are made absolute, never resolved (a venv's python is a
    symlink whose target has no access to the venv's packages)."""
    if frozen:
        return (os.path.abspath(executable),)
    script = Path(argv0)
    if script.name.lower().removesuffix(".exe") == "publisher":
        for candidate in (script, script.with_name(script.name + ".exe")):
            if candidate.is_file():
                return (os.path.abspath(candidate),)
    return (os.path.abspath(executable), "-m", "publisher")


def _has_password(url: str) -> bool:
    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False


def build_definition(
    *,
    platform: Platform,
    home: Path,
    env: Mapping[str, str],
    launcher: Sequence[str],
    db_url: str | None = None,
    interval: float = DEFAULT_INTERVAL,
    uid: int = 0,
) -> ServiceDefinition:
    """The service definition for ``platform``. ``db_url`` is the ``--db`` value (already absolute); without it
    ``PUBLISHER_DB`` from ``env`` is used when it holds no password. A ``--db`` URL with a password is refused
    (:class:`InputError`): the definition is a plain file other programs can read."""
    config_home = Path(env["XDG_CONFIG_HOME"]) if os.path.isabs(env.get("XDG_CONFIG_HOME", "")) else home / ".config"
    env_file = config_home / APP_NAME / "service.env" if platform == "linux" else None
    db_from_environment = False
    if db_url and _has_password(db_url):
        if env_file is not None:
            raise InputError("service.db_password", env_file=str(env_file))
        raise InputError("service.db_password_pgpass")
    if not db_url and env.get(DB_ENV):
        if _has_password(env[DB_ENV]):
            db_from_environment = True
        else:
            db_url = env[DB_ENV]
    command = (*launcher, "run")
    if db_url:
        command += ("--db", db_url)
    if interval != DEFAULT_INTERVAL:
        command += ("--interval", f"{interval:g}")
    if platform == "linux":
        assert env_file is not None
        return ServiceDefinition(
            platform=platform,
            command=command,
            path=config_home / "systemd" / "user" / UNIT_NAME,
            content=systemd_unit(command, env_file=env_file),
            install_commands=(
                ("systemctl", "--user", "daemon-reload"),
                ("systemctl", "--user", "enable", "--now", UNIT_NAME),
            ),
            reinstall_commands=(("systemctl", "--user", "try-restart", UNIT_NAME),),  # the running one is old
            uninstall_commands=(("systemctl", "--user", "disable", "--now", UNIT_NAME),),
            after_removal_commands=(("systemctl", "--user", "daemon-reload"),),
            manual_removal_commands=(
                ("systemctl", "--user", "stop", UNIT_NAME),
                ("systemctl", "--user", "daemon-reload"),
            ),
            status_command="systemctl --user status publisher",
            logs_command="journalctl --user -u publisher",
            env_file=env_file,
            db_from_environment=db_from_environment,
        )
    if platform == "darwin":
        plist = home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        log = home / "Library" / "Logs" / APP_NAME / "publisher.log"
        domain = f"gui/{uid}"
        return ServiceDefinition(
            platform=platform,
            command=command,
            path=plist,
            content=launchd_plist(command, log=log),
            prepare_commands=(("launchctl", "bootout", f"{domain}/{APP_ID}"),),  # bootstrap refuses a loaded label
            install_commands=(("launchctl", "bootstrap", domain, str(plist)),),
            uninstall_commands=(("launchctl", "bootout", f"{domain}/{APP_ID}"),),
            status_command=f"launchctl print {domain}/{APP_ID}",
            logs_command=f"tail -f {shlex.quote(str(log))}",
            db_from_environment=db_from_environment,
        )
    task_command = windows_command_line(command)
    return ServiceDefinition(
        platform=platform,
        command=command,
        path=None,
        content=task_command,
        install_commands=(
            ("schtasks", "/Create", "/SC", "ONLOGON", "/TN", TASK_NAME, "/TR", task_command, "/F"),
            ("schtasks", "/Run", "/TN", TASK_NAME),
        ),
        uninstall_commands=(("schtasks", "/End", "/TN", TASK_NAME), ("schtasks", "/Delete", "/TN", TASK_NAME, "/F")),
        status_command=f"schtasks /Query /TN {TASK_NAME} /V /FO LIST",
        logs_command="",
        db_from_environment=db_from_environment,
    )


def systemd_quote(arg: str) -> str:
    """One ExecStart argument: ``%`` and ``$`` are literal, and quoting keeps spaces inside the argument."""
    escaped = arg.replace("%", "%%").replace("$", "$$")
    if escaped and not any(c.isspace() or c in "\"'\\;" for c in escaped):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_unit(command: Sequence[str], *, env_file: Path) -> str:
    return "\n".join(
        [
            "# Written by 'publisher run --install-service'; remove with 'publisher run --uninstall-service'.",
            "[Unit]",
            f"Description={APP_NAME}: publishes scheduled posts without the window",
            "StartLimitIntervalSec=300",
            "StartLimitBurst=10",
            "",
            "[Service]",
            "Type=simple",
            f"ExecStart={' '.join(systemd_quote(a) for a in command)}",
            # optional ("-"): the place for PUBLISHER_DB=... when the URL holds a password (chmod 600)
            f"EnvironmentFile=-{systemd_quote(str(env_file))}",
            "Environment=PYTHONUNBUFFERED=1",
            "Restart=on-failure",
            f"RestartSec={RESTART_SEC}",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ]
    )


def launchd_plist(command: Sequence[str], *, log: Path) -> str:
    data = {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # restart after a crash, not after a clean stop
        "ThrottleInterval": RESTART_SEC,
        "ProcessType": "Background",
        "StandardOutPath": str(log),
        "StandardErrorPath": str(log),
    }
    return plistlib.dumps(data, sort_keys=False).decode("utf-8")


def windows_command_line(command: Sequence[str]) -> str:
    return subprocess.list2cmdline(list(command))


def _shell_line(command: Sequence[str], platform: Platform) -> str:
    return windows_command_line(command) if platform == "win32" else shlex.join(command)


# -- installing and removing ------------------------------------------------------------------------------------


def _failure_reason(step: StepReport) -> str:
    return step.result.output or f"exit status {step.result.returncode}"


def install(definition: ServiceDefinition, runner: Runner = run_command) -> ServiceReport:
    """Write the definition (replacing an older one) and register it with the service manager.

    A service manager that is missing or fails leaves the file in place and the commands in ``manual``."""
    d = definition
    replaced = False
    steps: list[StepReport] = []
    for command in d.prepare_commands:  # best effort: clears an old copy, fails when there is none
        steps.append(StepReport(command, runner(command)))
    if d.path is not None:
        replaced = d.path.exists()
        try:
            d.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = d.path.with_name(d.path.name + ".new")
            temporary.write_text(d.content, encoding="utf-8")
            os.replace(temporary, d.path)
        except OSError as exc:
            raise PublisherError("service.write_failed", path=str(d.path), reason=exc.strerror or str(exc)) from None
    commands = [*d.install_commands, *(d.reinstall_commands if replaced else ())]
    if any(s.result.returncode is None for s in steps):  # the service manager is not here at all
        failed: StepReport | None = steps[-1]
    else:
        failed = None
        for command in commands:
            step = StepReport(command, runner(command))
            steps.append(step)
            if not step.result.ok:
                failed = step
                break
    if failed is None:
        return ServiceReport("install", d, changed=True, replaced=replaced, steps=tuple(steps))
    if d.path is None and failed.command == d.install_commands[0]:  # Windows: creating the task is the installation
        raise PublisherError(
            "service.manager_failed", command=_shell_line(failed.command, d.platform), reason=_failure_reason(failed)
        )
    manual = tuple(_shell_line(c, d.platform) for c in commands)
    return ServiceReport("install", d, changed=True, replaced=replaced, steps=tuple(steps), manual=manual)


def uninstall(definition: ServiceDefinition, runner: Runner = run_command) -> ServiceReport:
    """Stop and unregister the service, then remove its file (also when the service manager cannot be reached)."""
    d = definition
    if d.path is not None and not d.path.exists():
        return ServiceReport("uninstall", d, changed=False)
    steps = [StepReport(c, runner(c)) for c in d.uninstall_commands]
    if d.path is None:
        delete = steps[-1]
        if not delete.result.ok:
            raise PublisherError(
                "service.manager_failed",
                command=_shell_line(delete.command, d.platform),
                reason=_failure_reason(delete),
            )
        return ServiceReport("uninstall", d, changed=True, replaced=True, steps=tuple(steps))
    try:
        d.path.unlink(missing_ok=True)
        if d.platform == "linux":  # the link 'systemctl enable' made; gone already when disable worked
            wants = d.path.parent / "default.target.wants" / d.path.name
            if wants.is_symlink():
                wants.unlink()
    except OSError as exc:
        raise PublisherError("service.remove_failed", path=str(d.path), reason=exc.strerror or str(exc)) from None
    steps += [StepReport(c, runner(c)) for c in d.after_removal_commands]
    manual: tuple[str, ...] = ()
    if not all(s.result.ok for s in steps) and d.platform == "linux":
        manual = tuple(_shell_line(c, d.platform) for c in d.manual_removal_commands)
    return ServiceReport("uninstall", d, changed=True, replaced=True, steps=tuple(steps), manual=manual)


def definition_for_this_system(*, db_url: str | None, interval: float = DEFAULT_INTERVAL) -> ServiceDefinition:
    """:func:`build_definition` with the facts of the running system."""
    getuid = getattr(os, "getuid", None)
    return build_definition(
        platform=current_platform(),
        home=Path.home(),
        env=os.environ,
        launcher=launch_command(
            executable=sys.executable, argv0=sys.argv[0] if sys.argv else "", frozen=bool(getattr(sys, "frozen", False))
        ),
        db_url=db_url,
        interval=interval,
        uid=getuid() if getuid is not None else 0,
    )
