"""Alembic environment: always runs on a connection handed over by :meth:`Database.migrate`."""

from __future__ import annotations

from alembic import context

from publisher.db.models import UNMANAGED_TABLE_PREFIX, Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs `alembic` by hand
    raise RuntimeError("Run migrations through publisher (they start automatically with the app).")


def _managed(name: str | None, type_: str, _parent: object) -> bool:
    # 0004's full-text table (SQLite FTS5 and its shadow tables) lives outside the models: autogenerate skips it.
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_TABLE_PREFIX))


context.configure(
    connection=connection,
    include_name=_managed,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
