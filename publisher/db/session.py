"""Opening the database: engine, connection settings, migrations at start-up, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from publisher.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Pages the write-ahead log may grow by before they are copied into the database file (SQLite's default: 1,000).
SQLITE_WAL_CHECKPOINT_PAGES = 10_000


def known_revisions() -> list[str]:
    """Revision ids shipped with this version, oldest first (file names start with the id)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself so transactions behave the same as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # journal_mode=WAL is written into the file, so it is set by migrate() only once the file is known to
        # be ours: a foreign or too new database must be left byte for byte as it was.
        # With WAL, NORMAL syncs the log at checkpoints rather than at every commit: a crash of the program loses
        # nothing committed, and a power cut can lose only the last commits, never consistency. For the inbox that is
        # a page of messages the next sync fetches again (its cursor is in the same commit as its rows).
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Fewer, larger checkpoints (a log of up to about 40 MB): a page written by many commits in a row (an index's
        # newest leaf during a sync) is copied into the database file and synced once per checkpoint, not each time.
        cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_WAL_CHECKPOINT_PAGES}")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE), so a read-then-write unit of work waits on
    # busy_timeout instead of failing on a stale snapshot.
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


class Database:
    """One database, SQLite or any other SQLAlchemy URL. Thread-safe; sessions are not shared."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        try:
            parsed = make_url(url)
        except sa_exc.ArgumentError as exc:
            raise DatabaseError("db.bad_url", url=url) from exc
        self.dialect = parsed.get_backend_name()
        self.sqlite_path: Path | None = None
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.dialect == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                self.sqlite_path = Path(database)
                if not self.sqlite_path.parent.is_dir():
                    raise DatabaseError("db.folder_missing", path=str(self.sqlite_path.parent))
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as exc:
            raise DatabaseError("db.bad_url", url=url, reason=str(exc)) from exc
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _on_sqlite_connect)
            event.listen(self.engine, "begin", _on_sqlite_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.dialect == "sqlite" else self.engine
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)

    # -- schema -------------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except sa_exc.DatabaseError as exc:
            raise self._explain(exc) from exc

    def has_tables(self) -> bool:
        with self.engine.connect() as conn:
            return bool(inspect(conn).get_table_names())

    def needs_migration(self) -> bool:
        return self.current_revision() != head_revision()

    def migrate(self) -> Path | None:
        """Bring the schema to this version's head. Returns the backup file made, if any.

        A database written by a newer Publisher is refused untouched. A SQLite file that holds data is copied
        to ``<name>.backup-<revision>-<time>`` before any migration runs.
        """
        current = self.current_revision()
        known = known_revisions()
        if current is not None and current not in known:
            raise DatabaseError("db.too_new", revision=current, supported=known[-1])
        if current is None and self.has_tables():
            raise DatabaseError("db.foreign", url=self.safe_url)
        self._use_wal()
        if current == known[-1]:
            return None
        backup = self._backup_sqlite(current) if current is not None else None
        from alembic import command
        from alembic.config import Config

        with self.engine.connect() as conn:
            # SQLite: batch mode rebuilds a table by copying it and dropping the old one, and with foreign keys on
            # that DROP would cascade-delete every row that references it (a post's deliveries, variants, media).
            # Foreign keys can only be switched outside a transaction, so before BEGIN and back after the end;
            # before the commit the migrated data is checked for references that point nowhere.
            raw = conn.connection.driver_connection if self.dialect == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    cfg = Config()
                    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    if raw is not None:
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise DatabaseError(
                                "db.unavailable", url=self.safe_url, reason=f"migrating broke references: {broken[:5]}"
                            )
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
        return backup

    def _use_wal(self) -> None:
        if self.sqlite_path is None:
            return
        # Outside any transaction (SQLite refuses to change the journal mode inside one): a raw connection.
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            finally:
                cursor.close()
        finally:
            raw.close()

    def _backup_sqlite(self, revision: str) -> Path | None:
        if self.sqlite_path is None or not self.sqlite_path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.sqlite_path.with_name(f"{self.sqlite_path.name}.backup-{revision}-{stamp}")
        # sqlite3's backup API copies a consistent snapshot even with WAL pages not yet checkpointed.
        src = sqlite3.connect(str(self.sqlite_path))
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        return target

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def _explain(self, exc: Exception) -> DatabaseError:
        message = str(getattr(exc, "orig", exc))
        if "not a database" in message or "malformed" in message:
            return DatabaseError("db.not_a_database", path=str(self.sqlite_path or self.safe_url))
        return DatabaseError("db.unavailable", url=self.safe_url, reason=message)

    # -- sessions -----------------------------------------------------------------------------

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error.

        ``write=True`` marks a unit that reads and then writes (a claim): on SQLite it begins IMMEDIATE.
        """
        session = (self._write_sessions if write else self._sessions)()
        try:
            yield session
            session.commit()
        except sa_exc.OperationalError as exc:
            session.rollback()
            raise self._explain(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    db = Database(url)
    if migrate:
        db.migrate()
    return db
