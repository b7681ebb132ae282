"""Persistence: ORM models, the session factory and the migrations. Nothing here leaves ``publisher/``."""
