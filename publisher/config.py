"""Where Publisher keeps its data and which database it opens."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from publisher import APP_NAME

DB_ENV = "PUBLISHER_DB"
DATA_DIR_ENV = "PUBLISHER_DATA_DIR"


def data_dir() -> Path:
    """The user data directory (``PUBLISHER_DATA_DIR`` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'publisher.sqlite3'}"


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` wins over ``PUBLISHER_DB``, which wins over the SQLite file in the data directory.

    A bare file path is accepted as shorthand for a SQLite URL.
    """
    value = cli_value or os.environ.get(DB_ENV) or default_db_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser().resolve()}"
    return value
