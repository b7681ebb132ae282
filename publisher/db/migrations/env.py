"""Alembic environment: always runs on a connection handed over by :meth:`Database.migrate`."""

from __future__ import annotations

from alembic import context

from publisher.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs `alembic` by hand
    raise RuntimeError("Run migrations through publisher (they start automatically with the app).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
