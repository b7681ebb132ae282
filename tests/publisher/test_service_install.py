"""``publisher run --install-service``: the generated service definitions, and what install/uninstall do with a
recorded (fake) service manager. macOS and Windows cannot run here: their definitions are checked as text."""

from __future__ import annotations

import json
import os
import plistlib
import shlex
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from publisher import APP_ID
from publisher.cli import main
from publisher.errors import InputError, PublisherError
from publisher.services.service_install import (
    CommandResult,
    ServiceDefinition,
    build_definition,
    install,
    launch_command,
    uninstall,
)

LAUNCHER = ("/opt/publisher venv/bin/publisher",)


class RecordingRunner:
    """Stands in for systemctl/launchctl/schtasks: records each command and answers as told."""

    def __init__(self, answers: dict[str, CommandResult] | None = None, *, missing: bool = False) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.answers = answers or {}
        self.missing = missing

    def __call__(self, argv: Sequence[str]) -> CommandResult:
        self.calls.append(tuple(argv))
        if self.missing:
            return CommandResult(None, f"{argv[0]}: command not found")
        return self.answers.get(" ".join(argv), CommandResult(0))


def linux(home: Path, **kwargs: object) -> ServiceDefinition:
    env = {"XDG_CONFIG_HOME": str(home / "cfg")}
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    return build_definition(platform="linux", home=home, env=env, launcher=LAUNCHER, **kwargs)  # type: ignore[arg-type]


def unit_lines(definition: ServiceDefinition) -> list[str]:
    assert definition.path is not None
    return definition.path.read_text(encoding="utf-8").splitlines()


# -- Linux: systemd user unit ---------------------------------------------------------------------------------


def test_linux_unit_runs_publisher_at_login_and_restarts_on_failure(tmp_path: Path) -> None:
    definition = linux(tmp_path, db_url="sqlite:////srv/data/publisher.sqlite3")
    runner = RecordingRunner()
    report = install(definition, runner)

    assert definition.path == tmp_path / "cfg" / "systemd" / "user" / "publisher.service"
    lines = unit_lines(definition)
    assert 'ExecStart="/opt/publisher venv/bin/publisher" run --db sqlite:////srv/data/publisher.sqlite3' in lines
    assert "Restart=on-failure" in lines
    assert "RestartSec=10" in lines
    assert "WantedBy=default.target" in lines
    assert lines.index("[Service]") < lines.index("Restart=on-failure") < lines.index("[Install]")
    assert f"EnvironmentFile=-{tmp_path / 'cfg' / 'Publisher' / 'service.env'}" in lines
    assert runner.calls == [
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "--now", "publisher.service"),
    ]
    assert report.complete and not report.replaced and report.changed


def test_xdg_config_home_defaults_to_dot_config(tmp_path: Path) -> None:
    definition = build_definition(platform="linux", home=tmp_path, env={}, launcher=LAUNCHER)
    assert definition.path == tmp_path / ".config" / "systemd" / "user" / "publisher.service"
    relative = build_definition(platform="linux", home=tmp_path, env={"XDG_CONFIG_HOME": "rel"}, launcher=LAUNCHER)
    assert relative.path == definition.path  # a relative XDG_CONFIG_HOME is invalid per the spec: ignored


def test_without_db_the_unit_opens_the_default_database(tmp_path: Path) -> None:
    install(linux(tmp_path), RecordingRunner())
    exec_start = next(line for line in unit_lines(linux(tmp_path)) if line.startswith("ExecStart="))
    assert exec_start == 'ExecStart="/opt/publisher venv/bin/publisher" run'


def test_a_non_default_interval_is_kept(tmp_path: Path) -> None:
    definition = linux(tmp_path, interval=60.0)
    assert definition.command[-2:] == ("--interval", "60")


def test_percent_and_dollar_reach_publisher_literally(tmp_path: Path) -> None:
    definition = linux(tmp_path, db_url="sqlite:////data/50%25 $HOME/p.sqlite3")
    exec_start = next(line for line in definition.content.splitlines() if line.startswith("ExecStart="))
    assert exec_start.endswith(' run --db "sqlite:////data/50%%25 $$HOME/p.sqlite3"')


def test_reinstall_replaces_the_unit_and_restarts_the_running_service(tmp_path: Path) -> None:
    install(linux(tmp_path, db_url="sqlite:////old.sqlite3"), RecordingRunner())
    runner = RecordingRunner()
    definition = linux(tmp_path, db_url="sqlite:////new.sqlite3")
    report = install(definition, runner)

    assert report.replaced
    text = "\n".join(unit_lines(definition))
    assert "new.sqlite3" in text and "old.sqlite3" not in text
    assert [p.name for p in definition.path.parent.iterdir()] == ["publisher.service"]  # type: ignore[union-attr]
    assert runner.calls == [
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "--now", "publisher.service"),
        ("systemctl", "--user", "try-restart", "publisher.service"),
    ]


def test_without_systemctl_the_unit_stays_and_the_commands_are_listed(tmp_path: Path) -> None:
    definition = linux(tmp_path)
    report = install(definition, RecordingRunner(missing=True))
    assert definition.path is not None and definition.path.exists()
    assert report.changed and not report.complete and report.manager_missing
    assert report.manual == ("systemctl --user daemon-reload", "systemctl --user enable --now publisher.service")


def test_systemctl_without_a_user_session_stops_at_the_first_failure(tmp_path: Path) -> None:
    definition = linux(tmp_path)
    runner = RecordingRunner({"systemctl --user daemon-reload": CommandResult(1, "Failed to connect to bus")})
    report = install(definition, runner)
    assert runner.calls == [("systemctl", "--user", "daemon-reload")]
    assert report.manual == ("systemctl --user daemon-reload", "systemctl --user enable --now publisher.service")
    assert report.to_json()["steps"] == [
        {
            "command": ["systemctl", "--user", "daemon-reload"],
            "ok": False,
            "missing": False,
            "output": "Failed to connect to bus",
        }
    ]


def test_an_unwritable_folder_is_an_error_and_nothing_runs(tmp_path: Path) -> None:
    (tmp_path / "cfg").write_text("a file where the folder should be", encoding="utf-8")
    runner = RecordingRunner()
    with pytest.raises(PublisherError) as caught:
        install(linux(tmp_path), runner)
    assert caught.value.code == "service.write_failed"
    assert runner.calls == []


def test_a_password_in_the_db_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        linux(tmp_path, db_url="postgresql+psycopg://team:s3cret@db.example.org/publisher")
    assert caught.value.code == "service.db_password"
    assert "service.env" in str(caught.value) and "s3cret" not in str(caught.value)
    assert not (tmp_path / "cfg").exists()


def test_publisher_db_from_the_environment(tmp_path: Path) -> None:
    plain = linux(tmp_path, env={"PUBLISHER_DB": "postgresql+psycopg://team@db/publisher"})
    assert plain.command[-2:] == ("--db", "postgresql+psycopg://team@db/publisher")
    secret = linux(tmp_path, env={"PUBLISHER_DB": "postgresql+psycopg://team:s3cret@db/publisher"})
    assert "--db" not in secret.command and secret.db_from_environment
    assert "s3cret" not in secret.content


def test_uninstall_disables_then_removes_then_reloads(tmp_path: Path) -> None:
    definition = linux(tmp_path)
    install(definition, RecordingRunner())
    runner = RecordingRunner()
    report = uninstall(definition, runner)
    assert definition.path is not None and not definition.path.exists()
    assert runner.calls == [
        ("systemctl", "--user", "disable", "--now", "publisher.service"),
        ("systemctl", "--user", "daemon-reload"),
    ]
    assert report.changed and report.complete


def test_uninstall_without_systemctl_still_removes_the_unit_and_its_link(tmp_path: Path) -> None:
    definition = linux(tmp_path)
    install(definition, RecordingRunner())
    assert definition.path is not None
    wants = definition.path.parent / "default.target.wants"
    wants.mkdir()
    (wants / "publisher.service").symlink_to(definition.path)
    report = uninstall(definition, RecordingRunner(missing=True))
    assert not definition.path.exists() and not (wants / "publisher.service").is_symlink()
    assert report.manual == ("systemctl --user stop publisher.service", "systemctl --user daemon-reload")


def test_uninstall_when_nothing_is_installed(tmp_path: Path) -> None:
    runner = RecordingRunner()
    report = uninstall(linux(tmp_path), runner)
    assert not report.changed and runner.calls == []


# -- how the service starts Publisher ---------------------------------------------------------------------------


def test_launch_command(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "publisher"
    script.parent.mkdir()
    script.write_text("#!python\n", encoding="utf-8")
    assert launch_command(executable="/venv/bin/python", argv0=str(script), frozen=False) == (str(script),)
    assert launch_command(executable="/venv/bin/python", argv0="/src/publisher/__main__.py", frozen=False) == (
        "/venv/bin/python",
        "-m",
        "publisher",
    )
    assert launch_command(executable="/opt/Publisher/publisher", argv0="publisher", frozen=True) == (
        "/opt/Publisher/publisher",
    )


# -- macOS: launchd agent (generated and checked here, not run) -------------------------------------------------


def test_macos_agent(tmp_path: Path) -> None:
    definition = build_definition(
        platform="darwin", home=tmp_path, env={}, launcher=LAUNCHER, db_url="sqlite:////Users/a/p.sqlite3", uid=501
    )
    assert definition.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    plist = plistlib.loads(definition.content.encode("utf-8"))
    assert plist["Label"] == APP_ID
    assert plist["ProgramArguments"] == [*LAUNCHER, "run", "--db", "sqlite:////Users/a/p.sqlite3"]
    assert plist["RunAtLoad"] is True
    assert plist["KeepAlive"] == {"SuccessfulExit": False}
    runner = RecordingRunner({f"launchctl bootout gui/501/{APP_ID}": CommandResult(3, "No such process")})
    report = install(definition, runner)
    assert runner.calls == [
        ("launchctl", "bootout", f"gui/501/{APP_ID}"),
        ("launchctl", "bootstrap", "gui/501", str(definition.path)),
    ]
    assert report.complete  # bootout of a service that was not loaded is expected to fail
    assert plistlib.loads(definition.path.read_bytes())["Label"] == APP_ID


def test_macos_password_hint_is_pgpass(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        build_definition(platform="darwin", home=tmp_path, env={}, launcher=LAUNCHER, db_url="postgresql://u:p@h/d")
    assert caught.value.code == "service.db_password_pgpass"


# -- Windows: Task Scheduler (generated and checked here, not run) ----------------------------------------------


def test_windows_task(tmp_path: Path) -> None:
    launcher = (r"C:\Program Files\Publisher\publisher.exe",)
    definition = build_definition(
        platform="win32", home=tmp_path, env={}, launcher=launcher, db_url="sqlite:///C:/p.db"
    )
    task = r'"C:\Program Files\Publisher\publisher.exe" run --db sqlite:///C:/p.db'
    assert definition.path is None and definition.content == task
    runner = RecordingRunner()
    install(definition, runner)
    assert runner.calls == [
        ("schtasks", "/Create", "/SC", "ONLOGON", "/TN", "Publisher", "/TR", task, "/F"),
        ("schtasks", "/Run", "/TN", "Publisher"),
    ]
    # on the real command line the inner quotes survive as \" (how schtasks reads /TR)
    assert r'/TR "\"C:\Program Files\Publisher\publisher.exe\" run --db sqlite:///C:/p.db"' in (
        subprocess.list2cmdline(list(runner.calls[0]))
    )
    refused = RecordingRunner({" ".join(runner.calls[0]): CommandResult(1, "ERROR: Access is denied.")})
    with pytest.raises(PublisherError) as caught:
        install(definition, refused)
    assert caught.value.code == "service.manager_failed" and "Access is denied" in str(caught.value)
    not_started = RecordingRunner({"schtasks /Run /TN Publisher": CommandResult(1, "ERROR: busy")})
    report = install(definition, not_started)  # the task exists; starting it now is left to the user
    assert report.changed and report.manual[-1] == "schtasks /Run /TN Publisher"
    runner = RecordingRunner({"schtasks /End /TN Publisher": CommandResult(1, "not running")})
    assert uninstall(definition, runner).changed
    assert runner.calls[-1] == ("schtasks", "/Delete", "/TN", "Publisher", "/F")


# -- the command line -------------------------------------------------------------------------------------------


@pytest.fixture
def fake_systemctl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``systemctl`` first on PATH that logs its arguments; ``FAIL`` in its folder makes it fail like a
    container without a user bus."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = bin_dir / "calls.log"
    script = bin_dir / "systemctl"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {shlex.quote(str(log))}\n'
        f'if [ -e {shlex.quote(str(bin_dir / "FAIL"))} ]; then echo "Failed to connect to bus" >&2; exit 1; fi\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return log


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="systemd user units are Linux only")


@linux_only
def test_cli_install_and_uninstall(
    fake_systemctl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--install-service", "--db", "team.sqlite3"]) == 0
    out = capsys.readouterr().out
    unit = tmp_path / "cfg" / "systemd" / "user" / "publisher.service"
    assert f"Installed the service: {unit}" in out
    assert "systemctl --user status publisher" in out and "journalctl --user -u publisher" in out
    assert f"--db sqlite:///{tmp_path / 'team.sqlite3'}" in unit.read_text(encoding="utf-8")  # absolute
    assert fake_systemctl.read_text(encoding="utf-8").splitlines() == [
        "--user daemon-reload",
        "--user enable --now publisher.service",
    ]

    assert main(["run", "--uninstall-service", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["action"] == "uninstall" and data["changed"] and data["complete"]
    assert not unit.exists()

    assert main(["run", "--uninstall-service"]) == 0
    assert "There is no Publisher service to remove" in capsys.readouterr().out


@linux_only
def test_cli_install_without_a_user_session_says_what_to_run(
    fake_systemctl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fake_systemctl.parent / "FAIL").touch()
    assert main(["run", "--install-service", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["complete"] and data["changed"]
    assert data["manual"] == ["systemctl --user daemon-reload", "systemctl --user enable --now publisher.service"]
    assert main(["run", "--install-service"]) == 0
    out = capsys.readouterr().out
    assert "Replaced the service" in out
    assert "'systemctl --user daemon-reload' did not work here (Failed to connect to bus)" in out
    assert "\n  systemctl --user enable --now publisher.service\n" in out


@linux_only
def test_cli_install_without_systemctl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert main(["run", "--install-service"]) == 0
    out = capsys.readouterr().out
    assert "'systemctl' was not found" in out and "systemctl --user enable --now publisher.service" in out
    assert (tmp_path / "cfg" / "systemd" / "user" / "publisher.service").exists()


@linux_only
def test_cli_refuses_a_password_and_writes_nothing(
    fake_systemctl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["run", "--install-service", "--json", "--db", "postgresql+psycopg://team:s3cret@db/publisher"])
    assert status == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["code"] == "service.db_password"
    assert "PUBLISHER_DB" in captured.err and "s3cret" not in captured.err + captured.out
    assert not (tmp_path / "cfg" / "systemd").exists() and not fake_systemctl.exists()


@linux_only
def test_cli_unwritable_unit_folder_exits_1(
    fake_systemctl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cfg").write_text("not a folder", encoding="utf-8")
    assert main(["run", "--install-service"]) == 1
    assert "could not be written" in capsys.readouterr().err
    assert not fake_systemctl.exists()


def test_cli_install_and_once_do_not_mix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["run", "--once", "--install-service"])
    assert caught.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
