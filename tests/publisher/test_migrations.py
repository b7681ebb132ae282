"""Migrations: every revision upgrades from the one before and from empty, the result equals the models, and a
database that is not ours (or too new) is refused without a single byte changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, func, select, text
from sqlalchemy.dialects import sqlite as sqlite_dialect

from publisher.db import session as session_module
from publisher.db.models import UNMANAGED_TABLE_PREFIX, Base, Channel, UTCDateTime
from publisher.db.session import MIGRATIONS_DIR, Database, head_revision, known_revisions
from publisher.errors import DatabaseError
from publisher.services import build_services


def _config(script_location: Path, connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _revisions_oldest_first(script_location: Path = MIGRATIONS_DIR) -> list[str]:
    script = ScriptDirectory.from_config(_config(script_location))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


REVISIONS = _revisions_oldest_first()


def _upgrade(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        command.upgrade(_config(MIGRATIONS_DIR, conn), revision)


def _schema_diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        opts = {"compare_type": True, "target_metadata": Base.metadata, "include_name": _managed}
        context = MigrationContext.configure(conn, opts=opts)
        return list(compare_metadata(context, Base.metadata))


def _managed(name: str | None, type_: str, _parent: object) -> bool:
    """The full-text table (SQLite FTS5 and its shadow tables) is made by 0004 outside the models."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_TABLE_PREFIX))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def _backups(path: Path) -> list[str]:
    return [n for n in _siblings(path) if ".backup-" in n and not n.endswith(("-wal", "-shm"))]


def _sql(path: Path, *statements: str) -> list[tuple[object, ...]]:
    """Runs statements with plain sqlite3 (not Publisher's code) and returns the last one's rows."""
    conn = sqlite3.connect(path)
    try:
        rows: list[tuple[object, ...]] = []
        for statement in statements:
            rows = conn.execute(statement).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "publisher.sqlite3"


@pytest.fixture
def open_db(db_file: Path):
    opened: list[Database] = []

    def make(path: Path = db_file) -> Database:
        db = Database(f"sqlite:///{path}")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


# -- the revision chain ------------------------------------------------------------------------------------


def test_known_revisions_agree_with_alembic():
    script = ScriptDirectory.from_config(_config(MIGRATIONS_DIR))
    assert known_revisions() == REVISIONS
    assert script.get_heads() == [head_revision()]
    # One straight line: each revision builds on the one before it.
    previous = None
    for revision in REVISIONS:
        assert script.get_revision(revision).down_revision == previous
        previous = revision


def test_upgrading_step_by_step_reaches_the_models(open_db):
    db = open_db()
    assert db.current_revision() is None
    for revision in REVISIONS:
        _upgrade(db, revision)
        assert db.current_revision() == revision
    assert _schema_diffs(db) == []


@pytest.mark.parametrize("start", REVISIONS)
def test_each_revision_upgrades_from_empty_and_then_to_head(open_db, start):
    db = open_db()
    _upgrade(db, start)
    assert db.current_revision() == start
    db.migrate()
    assert db.current_revision() == head_revision()
    assert _schema_diffs(db) == []


def test_the_schema_comparison_notices_a_difference(open_db):
    """Guards the test above: a column the migrations lack must show up as a diff."""
    db = open_db()
    db.migrate()
    extended = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(extended)
    Table("channels", extended, Column("colour", Integer), extend_existing=True)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, extended)
    assert any(d[0] == "add_column" and d[3].name == "colour" for d in diffs)


# -- migrate() on existing databases ---------------------------------------------------------------------


def test_migrate_at_head_is_a_no_op_without_backup(open_db, db_file, clock):
    services = build_services(f"sqlite:///{db_file}", clock=clock, actor="tester")
    try:
        folder = db_file.parent / "feed"
        folder.mkdir()
        services.channels.add("feed", name="Blog", path=str(folder))
    finally:
        services.close()
    db = open_db()
    assert db.migrate() is None
    assert db.migrate() is None
    assert db.current_revision() == head_revision()
    assert not db.needs_migration()
    assert _backups(db_file) == []
    with db.session() as s:
        assert s.scalar(select(func.count(Channel.id))) == 1


@pytest.fixture
def migrations_with_a_newer_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This version's migrations plus one more revision after head, as the next release would ship them."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    new = f"{int(head_revision()) + 1:04d}"
    (folder / "versions" / f"{new}_add_probe.py").write_text(
        textwrap.dedent(
            f'''
            import sqlalchemy as sa
            from alembic import op

            revision = "{new}"
            down_revision = "{head_revision()}"
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
                op.create_table("migration_probe", sa.Column("id", sa.Integer(), primary_key=True))


            def downgrade() -> None:
                op.drop_table("migration_probe")
            '''
        )
    )
    monkeypatch.setattr(session_module, "MIGRATIONS_DIR", folder)
    return new


def test_migrating_an_older_database_backs_it_up_first(open_db, db_file, clock, migrations_with_a_newer_revision):
    old_head = REVISIONS[-1]
    # A database written by this version (its head is one behind the patched migrations) with a channel in it.
    _sql(db_file, "PRAGMA journal_mode=WAL")
    db = open_db()
    _upgrade(db, old_head)
    with db.session() as s:
        s.add(Channel(kind="feed", name="Blog", settings={"path": "/tmp"}, created_at=clock.now()))
    db.dispose()

    db = open_db()
    backup = db.migrate()

    assert db.current_revision() == migrations_with_a_newer_revision
    assert backup is not None and backup.exists()
    assert backup.parent == db_file.parent
    assert backup.name.startswith(f"{db_file.name}.backup-{old_head}-")
    # The backup is the database as it was, data included.
    assert _sql(backup, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert _sql(backup, "SELECT name FROM channels") == [("Blog",)]
    with db.session() as s:  # the data survived the migration
        assert s.scalar(select(Channel.name)) == "Blog"
        assert s.execute(text("SELECT count(*) FROM migration_probe")).scalar() == 0

    # At the new head, migrating again neither changes anything nor makes another backup.
    assert _backups(db_file) == [backup.name]
    assert db.migrate() is None
    assert _backups(db_file) == [backup.name]


def test_a_new_database_is_not_backed_up(open_db, db_file):
    db = open_db()
    assert db.migrate() is None
    assert _backups(db_file) == []


# -- databases that are not ours ---------------------------------------------------------------------------


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_database_from_a_newer_version_is_refused_untouched(open_db, db_file, journal_mode):
    db = open_db()
    db.migrate()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    _sql(db_file, f"PRAGMA journal_mode={journal_mode}")
    before = _digest(db_file)
    neighbours = _siblings(db_file)

    db = open_db()
    with pytest.raises(DatabaseError) as caught:
        db.migrate()
    db.dispose()

    assert caught.value.code == "db.too_new"
    assert caught.value.params["revision"] == "9999"
    assert caught.value.params["supported"] == head_revision()
    assert _digest(db_file) == before
    assert _siblings(db_file) == neighbours


@pytest.mark.parametrize(
    "content",
    [
        b"These are my notes, not a database.\n" * 200,
        os.urandom(8192),
        b"SQLite format 3\x00" + os.urandom(4080),  # the right magic, garbage after it
    ],
    ids=["text", "random", "bad-header"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(open_db, db_file, content):
    db_file.write_bytes(content)
    db = open_db()
    with pytest.raises(DatabaseError) as caught:
        db.migrate()
    db.dispose()
    assert caught.value.code == "db.not_a_database"
    assert db_file.read_bytes() == content
    assert _siblings(db_file) == []


def test_a_database_with_foreign_tables_is_refused_untouched(open_db, db_file):
    _sql(
        db_file,
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO recipes (name) VALUES ('soup')",
    )
    before = _digest(db_file)

    db = open_db()
    with pytest.raises(DatabaseError) as caught:
        db.migrate()
    db.dispose()

    assert caught.value.code == "db.foreign"
    assert _digest(db_file) == before
    assert _sql(db_file, "SELECT name FROM sqlite_master WHERE type = 'table'") == [("recipes",)]


def test_a_missing_folder_is_reported_before_anything_is_created(tmp_path):
    with pytest.raises(DatabaseError) as caught:
        Database(f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")
    assert caught.value.code == "db.folder_missing"
    assert not (tmp_path / "missing").exists()


# -- the UTC timestamp type ------------------------------------------------------------------------------


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 12, 1, 9, 30), sqlite_dialect.dialect())


def test_a_naive_datetime_is_not_written(open_db, clock):
    db = open_db()
    db.migrate()
    with pytest.raises(Exception, match="naive"), db.session() as s:
        s.add(Channel(kind="feed", name="Blog", settings={}, created_at=datetime(2026, 12, 1, 9, 30)))
    with db.session() as s:
        assert s.scalar(select(func.count(Channel.id))) == 0


def test_aware_datetimes_come_back_as_the_same_instant_in_utc(open_db):
    from zoneinfo import ZoneInfo

    db = open_db()
    db.migrate()
    berlin = datetime(2026, 7, 1, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    with db.session() as s:
        s.add(Channel(kind="feed", name="Blog", settings={}, created_at=berlin))
    with db.session() as s:
        stored = s.scalar(select(Channel.created_at))
    assert stored == berlin
    assert stored.utcoffset().total_seconds() == 0


# -- 0002: brand profiles and media ----------------------------------------------------------------------


def test_a_0001_database_with_a_post_survives_the_upgrade_to_0002(open_db, db_file):
    """0002 rebuilds ``posts`` (batch mode); with foreign keys on, dropping the old table would cascade-delete
    every delivery, variant and media row of every post. They must all come through, and a backup is made."""
    db = open_db()
    _upgrade(db, "0001")
    db.dispose()
    _sql(
        db_file,
        "INSERT INTO users (id, name, role, created_at) VALUES (1, 'ann', 'admin', '2026-11-23 09:00:00')",
        "INSERT INTO channels (id, kind, name, settings, created_at) "
        "VALUES (1, 'feed', 'Blog', '{}', '2026-11-23 09:00:00')",
        "INSERT INTO posts (id, title, body, campaign, author_id, status, created_at, updated_at) "
        "VALUES (1, 'Hello', 'Hello world', 'Launch', 1, 'scheduled', '2026-11-23 09:00:00', '2026-11-23 09:00:00')",
        "INSERT INTO deliveries (post_id, channel_id, state, scheduled_tz, attempts, created_at, updated_at) "
        "VALUES (1, 1, 'scheduled', 'Europe/Berlin', 0, '2026-11-23 09:00:00', '2026-11-23 09:00:00')",
        "INSERT INTO variants (post_id, channel_id, body) VALUES (1, 1, 'Hello blog')",
        "INSERT INTO media_assets (post_id, sha256, mime_type, size, filename, alt_text, created_at) "
        "VALUES (1, 'ab" + "0" * 62 + "', 'image/png', 10, 'a.png', 'A', '2026-11-23 09:00:00')",
        "INSERT INTO media_assets (post_id, sha256, mime_type, size, filename, alt_text, created_at) "
        "VALUES (1, 'cd" + "1" * 62 + "', 'image/jpeg', 20, 'b.jpg', 'B', '2026-11-23 09:00:00')",
    )

    db = open_db()
    backup = db.migrate()

    assert db.current_revision() == head_revision()
    assert _schema_diffs(db) == []
    assert backup is not None and backup.name.startswith(f"{db_file.name}.backup-0001-")
    assert _sql(backup, "SELECT count(*) FROM deliveries") == [(1,)]
    assert _sql(db_file, "SELECT id, title, body, campaign, author_id, brand_id FROM posts") == [
        (1, "Hello", "Hello world", "Launch", 1, None)
    ]
    assert _sql(db_file, "SELECT post_id, channel_id, state, scheduled_tz FROM deliveries") == [
        (1, 1, "scheduled", "Europe/Berlin")
    ]
    assert _sql(db_file, "SELECT body FROM variants") == [("Hello blog",)]
    assert _sql(db_file, "SELECT filename, storage_path, position, width FROM media_assets ORDER BY id") == [
        ("a.png", "media/ab/ab" + "0" * 62, 0, None),
        ("b.jpg", "media/cd/cd" + "1" * 62, 1, None),
    ]
    assert _sql(db_file, "SELECT count(*) FROM brand_profiles") == [(0,)]
    assert _sql(db_file, "PRAGMA foreign_key_check") == []
    # Foreign keys are on again afterwards: deleting the post still takes its rows with it.
    with db.engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        conn.exec_driver_sql("DELETE FROM posts WHERE id = 1")
    assert _sql(db_file, "SELECT count(*) FROM deliveries") == [(0,)]
    assert _sql(db_file, "SELECT count(*) FROM media_assets") == [(0,)]


def test_removing_a_brand_profile_unlinks_posts_in_the_schema(open_db, db_file, clock):
    db = open_db()
    db.migrate()
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO brand_profiles (id, name, settings, is_default, created_at, updated_at) "
            "VALUES (1, 'ACME', '{}', 1, '2026-11-23 09:00:00', '2026-11-23 09:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO posts (id, body, status, brand_id, created_at, updated_at) "
            "VALUES (1, 'x', 'draft', 1, '2026-11-23 09:00:00', '2026-11-23 09:00:00')"
        )
        conn.exec_driver_sql("DELETE FROM brand_profiles")
        assert conn.exec_driver_sql("SELECT brand_id FROM posts").scalar() is None


# -- 0004: the inbox -------------------------------------------------------------------------------------


def test_a_0003_database_keeps_its_data_and_gains_a_searchable_inbox(open_db, db_file):
    db = open_db()
    _upgrade(db, "0003")
    db.dispose()
    _sql(
        db_file,
        "INSERT INTO channels (id, kind, name, settings, created_at) "
        "VALUES (1, 'mastodon', 'Social', '{}', '2026-11-23 09:00:00')",
        "INSERT INTO posts (id, title, body, status, created_at, updated_at) "
        "VALUES (1, 'Hello', 'Hello world', 'scheduled', '2026-11-23 09:00:00', '2026-11-23 09:00:00')",
        "INSERT INTO deliveries (post_id, channel_id, state, scheduled_tz, attempts, remote_id, created_at, "
        "updated_at) VALUES (1, 1, 'published', 'UTC', 1, '109', '2026-11-23 09:00:00', '2026-11-23 09:00:00')",
    )
    db = open_db()
    db.migrate()
    assert db.current_revision() == head_revision()
    assert _schema_diffs(db) == []
    db.dispose()
    assert _sql(db_file, "SELECT remote_id, state FROM deliveries") == [("109", "published")]

    insert = (
        "INSERT INTO inbox_items (id, channel_id, remote_id, kind, author_handle, author_name, text, received_at, "
        "status, sentiment_score, sentiment_label, sentiment_words, edited, deleted, created_at, updated_at) VALUES "
        "({id}, 1, 'r{id}', 'reply', '@ada', 'Ada Lovelace', '{text}', '2026-11-23 09:00:00', 'open', 0, "
        "'neutral', '[]', 0, 0, '2026-11-23 09:00:00', '2026-11-23 09:00:00')"
    )
    match = "SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH '{}' ORDER BY rowid"
    _sql(db_file, insert.format(id=1, text="Café opening soon"), insert.format(id=2, text="Opening hours?"))
    assert _sql(db_file, match.format("opening")) == [(1,), (2,)]
    assert _sql(db_file, match.format("cafe")) == [(1,)]  # diacritics folded
    assert _sql(db_file, match.format("lovelace")) == [(1,), (2,)]  # the author is searched too
    _sql(db_file, "UPDATE inbox_items SET text = 'Closed' WHERE id = 2")
    assert _sql(db_file, match.format("opening")) == [(1,)]
    assert _sql(db_file, match.format("closed")) == [(2,)]
    _sql(db_file, "UPDATE inbox_items SET status = 'done' WHERE id = 2")  # not a searched column
    assert _sql(db_file, match.format("closed")) == [(2,)]
    _sql(db_file, "DELETE FROM inbox_items WHERE id = 1")
    assert _sql(db_file, match.format("opening")) == []
    assert _sql(db_file, "INSERT INTO inbox_fts(inbox_fts) VALUES ('integrity-check')") == []
