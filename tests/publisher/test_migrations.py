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


# -- 0008: WordPress comments get ids of their own -------------------------------------------------------

WP_NOW = "2026-11-23 12:00:00"


def _wordpress_0007_database(open_db, db_file: Path) -> None:
    """A 0007 database as the old connector left it: comments stored under their bare numbers (an answer sent from
    the inbox too), comment 9 (on our post 7) put into post 8's conversation because comment 7 (on post 8) had our
    post's number, and comment 13 (on post 8) alone in a conversation named after post 30 for the same reason."""
    db = open_db()
    _upgrade(db, "0007")
    db.dispose()

    def item(item_id: int, channel: int, remote: str, name: str, text_: str, hour: int, on: str, conv: str) -> str:
        return (
            "INSERT INTO inbox_items (id, channel_id, remote_id, kind, author_handle, author_name, text, html, "
            "received_at, in_reply_to_remote_id, conversation_id, status, sentiment_score, sentiment_label, "
            f"sentiment_words, edited, deleted, created_at, updated_at) VALUES ({item_id}, {channel}, '{remote}', "
            f"'comment', '{name}', '{name}', '{text_}', '<p>{text_}</p>', '2026-11-23 {hour:02d}:00:00.000000', {on}, "
            f"{conv}, 'open', 0, 'neutral', '[]', 0, 0, '{WP_NOW}', '{WP_NOW}')"
        )

    conversation = (
        "INSERT INTO inbox_conversations (id, channel_id, root_remote_id, post_id, campaign, last_activity_at, "
        "created_at) VALUES ({}, 1, '{}', NULL, NULL, '2026-11-23 09:00:00.000000', '2026-11-23 09:00:00.000000')"
    )
    _sql(
        db_file,
        "INSERT INTO channels (id, kind, name, base_url, handle, settings, created_at) "
        f"VALUES (1, 'wordpress', 'Blog', 'https://blog.example', 'editor', '{{}}', '{WP_NOW}')",
        "INSERT INTO channels (id, kind, name, base_url, handle, settings, created_at) "
        f"VALUES (2, 'mastodon', 'Social', 'https://social.example', 'us', '{{}}', '{WP_NOW}')",
        "INSERT INTO posts (id, title, body, campaign, status, created_at, updated_at) "
        f"VALUES (1, 'Autumn', 'Our autumn programme', 'autumn', 'published', '{WP_NOW}', '{WP_NOW}')",
        "INSERT INTO deliveries (post_id, channel_id, state, scheduled_tz, attempts, remote_id, created_at, "
        f"updated_at) VALUES (1, 1, 'published', 'UTC', 1, '7', '{WP_NOW}', '{WP_NOW}')",
        conversation.format(1, "8"),
        conversation.format(2, "30"),  # post 30's: the collision moved its one comment (on post 8) there
        item(1, 1, "7", "Eve", "About post 8", 9, "'8'", "1"),
        item(2, 1, "9", "Bob", "Is there a kids day?", 10, "'7'", "1"),
        item(3, 2, "7", "ada", "A toot", 10, "NULL", "NULL"),  # Mastodon: left alone
        item(4, 1, "13", "Kim", "Also about post 8", 8, "'8'", "2"),
        "INSERT INTO inbox_replies (id, item_id, conversation_id, author, text, state, remote_id, created_at, sent_at) "
        "VALUES (1, 2, 1, 'community', 'Yes!', 'sent', '12', '2026-11-23 10:10:00', '2026-11-23 10:10:00')",
    )


def _wordpress_site(comments: list[dict[str, object]]):
    """WordPress' REST shapes (channels.md section 11) for a sync: the account, approved comments, an empty trash."""
    import httpx

    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.method} {request.url.path}")
        if request.url.path == "/wp-json/wp/v2/users/me":
            return httpx.Response(200, json={"id": 3, "name": "Editor", "capabilities": {}})
        if request.url.path == "/wp-json/wp/v2/comments" and request.method == "GET":
            found = [] if request.url.params.get("status") == "trash" else comments
            return httpx.Response(200, json=found, headers={"X-WP-Total": str(len(found)), "X-WP-TotalPages": "1"})
        return httpx.Response(404, json={"code": "rest_no_route", "message": "No route.", "data": {"status": 404}})

    return handle, asked


def _wp_comment(number: int, post: int, text_: str, hour: int, name: str) -> dict[str, object]:
    return {
        "id": number,
        "post": post,
        "parent": 0,
        "author": 0,
        "author_name": name,
        "date": f"2026-11-23T{hour:02d}:00:00",
        "date_gmt": f"2026-11-23T{hour:02d}:00:00",
        "content": {"rendered": f"<p>{text_}</p>"},
        "link": f"https://blog.example/?p={post}#comment-{number}",
        "status": "approved",
    }


def test_0008_rekeys_wordpress_comments_so_a_sync_does_not_store_them_again(open_db, db_file):
    from datetime import UTC

    import httpx

    from publisher.channels.registry import Registry
    from publisher.channels.wordpress import WordPressKind
    from publisher.clock import ManualClock

    _wordpress_0007_database(open_db, db_file)
    db = open_db()
    db.migrate()
    assert db.current_revision() == head_revision()
    db.dispose()

    items = "SELECT id, channel_id, remote_id, in_reply_to_remote_id FROM inbox_items ORDER BY id"
    assert _sql(db_file, items) == [
        (1, 1, "comment-7", "8"),
        (2, 1, "comment-9", "7"),  # on our post 7: the number stays, it names the post
        (3, 2, "7", None),
        (4, 1, "comment-13", "8"),
    ]
    assert _sql(db_file, "SELECT remote_id FROM inbox_replies") == [("comment-12",)]  # our answer is a comment too
    # Comment 9 is back in our post's conversation, linked to the post and its campaign; its answer follows it.
    conversations = (
        "SELECT i.id, c.root_remote_id, c.post_id, c.campaign FROM inbox_items AS i "
        "JOIN inbox_conversations AS c ON c.id = i.conversation_id ORDER BY i.id"
    )
    assert _sql(db_file, conversations) == [(1, "8", None, None), (2, "7", 1, "autumn"), (4, "8", None, None)]
    assert _sql(db_file, "SELECT root_remote_id FROM inbox_conversations ORDER BY root_remote_id") == [("7",), ("8",)]
    answer = "SELECT i.id FROM inbox_replies AS r JOIN inbox_items AS i ON i.conversation_id = r.conversation_id"
    assert _sql(db_file, answer) == [(2,)]

    handle, asked = _wordpress_site(
        [
            _wp_comment(11, 7, "Great, see you there", 11, "Dave"),  # new since the last sync, on our post
            _wp_comment(9, 7, "Is there a kids day?", 10, "Bob"),
            _wp_comment(7, 8, "About post 8", 9, "Eve"),
            _wp_comment(13, 8, "Also about post 8", 8, "Kim"),
        ]
    )
    clock = ManualClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    kind = WordPressKind(transport=httpx.MockTransport(handle), clock=clock)
    services = build_services(f"sqlite:///{db_file}", clock=clock, registry=Registry([kind]), actor="tester")
    try:
        services.secrets.set(1, "abcd EFGH 1234 ijkl")
        (report,) = services.inbox.sync()
        assert (report.error_code, report.new, report.updated) == (None, 1, 0)  # only Dave's comment is new
        rows = services.inbox.list(limit=100)
        texts = sorted(r.text for r in rows)
        assert texts == ["A toot", "About post 8", "Also about post 8", "Great, see you there", "Is there a kids day?"]
        bob = services.inbox.get(2)
        dave = next(services.inbox.get(r.id) for r in rows if r.text == "Great, see you there")
        assert (bob.remote_id, bob.post_id, bob.campaign) == ("comment-9", 1, "autumn")
        assert (dave.remote_id, dave.post_id, dave.row.conversation_id) == ("comment-11", 1, bob.row.conversation_id)
        assert services.inbox.get(1).post_id is None  # Eve wrote on post 8, not ours
        assert services.inbox.sync()[0].new == 0
    finally:
        services.close()
    assert "GET /wp-json/wp/v2/comments" in asked


def test_0008_downgrade_gives_wordpress_comments_their_bare_numbers_back(open_db, db_file):
    _wordpress_0007_database(open_db, db_file)
    db = open_db()
    _upgrade(db, "0008")
    with db.engine.begin() as conn:
        command.downgrade(_config(MIGRATIONS_DIR, conn), "0007")
    assert db.current_revision() == "0007"
    db.dispose()
    assert _sql(db_file, "SELECT remote_id FROM inbox_items ORDER BY id") == [("7",), ("9",), ("7",), ("13",)]
    assert _sql(db_file, "SELECT remote_id FROM inbox_replies") == [("12",)]


def test_0009_moves_names_given_to_contacts_into_their_own_column_and_back(open_db, db_file):
    db = open_db()
    _upgrade(db, "0008")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO inbox_contacts (id, channel_kind, handle, display_name, tags, notes, created_at, updated_at) "
            "VALUES (1, 'mastodon', '@ada@x.example', 'Ada L.', '[]', '', '2026-11-01', '2026-11-01'), "
            "(2, 'bluesky', 'bo.example', 'Bo', '[]', '', '2026-11-01', '2026-11-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO workspace_settings (key, value) VALUES ('contact.name.1', '{\"name\": \"Ada Lovelace\"}'), "
            "('contact.name.99', '{\"name\": \"gone\"}'), ('approval_required', 'true')"
        )
    _upgrade(db, "0009")
    assert _sql(db_file, "SELECT id, display_name, user_name FROM inbox_contacts ORDER BY id") == [
        (1, "Ada L.", "Ada Lovelace"),
        (2, "Bo", None),
    ]
    assert _sql(db_file, "SELECT key FROM workspace_settings") == [("approval_required",)]
    with db.engine.begin() as conn:
        command.downgrade(_config(MIGRATIONS_DIR, conn), "0008")
    db.dispose()
    assert _sql(db_file, "SELECT key, value FROM workspace_settings ORDER BY key") == [
        ("approval_required", "true"),
        ("contact.name.1", '{"name": "Ada Lovelace"}'),
    ]
