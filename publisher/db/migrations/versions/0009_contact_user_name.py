"""the team's own name for a contact

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23

Sync writes the network's name into ``inbox_contacts.display_name``; the name the team gives a contact gets a
column of its own that sync never touches. Names given before this version (kept in ``workspace_settings`` as
``contact.name.<id>``) move into it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_PREFIX = "contact.name."
_settings = sa.table("workspace_settings", sa.column("key", sa.String), sa.column("value", sa.JSON))
_contacts = sa.table("inbox_contacts", sa.column("id", sa.Integer), sa.column("user_name", sa.String))


def _name(value: Any) -> str | None:
    if isinstance(value, str):  # a driver that hands JSON back as text
        try:
            value = json.loads(value)
        except ValueError:
            return None
    name = value.get("name") if isinstance(value, dict) else None
    return name if isinstance(name, str) and name else None


def upgrade() -> None:
    with op.batch_alter_table("inbox_contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_name", sa.String(length=500), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.select(_settings.c.key, _settings.c.value).where(_settings.c.key.like(_PREFIX + "%")))
    for key, value in rows.all():
        suffix, name = key[len(_PREFIX) :], _name(value)
        if suffix.isdigit() and name:
            bind.execute(_contacts.update().where(_contacts.c.id == int(suffix)).values(user_name=name))
    bind.execute(_settings.delete().where(_settings.c.key.like(_PREFIX + "%")))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(_contacts.c.id, _contacts.c.user_name).where(_contacts.c.user_name.is_not(None)))
    for contact_id, name in rows.all():
        bind.execute(_settings.insert().values(key=f"{_PREFIX}{contact_id}", value={"name": name}))
    with op.batch_alter_table("inbox_contacts", schema=None) as batch_op:
        batch_op.drop_column("user_name")
