"""The app as a person starts it: a real process, offscreen, quitting once its data is on screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start(*args: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PUBLISHER_DB", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PUBLISHER_EXIT_AFTER_PAINT="1",
        PUBLISHER_DATA_DIR=str(data_dir),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return subprocess.run(
        [sys.executable, "-m", "publisher", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _marks(stdout: str) -> dict[str, str]:
    return {line.split()[1]: line for line in stdout.splitlines() if line.startswith("publisher-startup ")}


def test_first_start_creates_the_database_in_the_user_data_folder(tmp_path: Path) -> None:
    result = _start(data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    marks = _marks(result.stdout)
    assert "first-paint" in marks and "posts=0" in marks["data-ready"]
    assert (tmp_path / "data" / "publisher.sqlite3").is_file()


def test_demo_opens_a_populated_throwaway_workspace(tmp_path: Path) -> None:
    result = _start("demo", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "posts=10" in _marks(result.stdout)["data-ready"]
    assert not (tmp_path / "data" / "publisher.sqlite3").exists()  # the user's own workspace is untouched


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    before = bogus.read_bytes()
    result = _start("--db", f"sqlite:///{bogus}", data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "is not a Publisher database" in result.stderr
    assert bogus.read_bytes() == before


@pytest.mark.skipif(sys.platform != "linux", reason="the display check is for Linux desktops")
def test_without_a_display_the_app_says_what_to_do(tmp_path: Path) -> None:
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env["PUBLISHER_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "publisher"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "No display found" in result.stderr
    assert result.stderr.count("\n") == 1
