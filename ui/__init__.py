"""The PySide6 desktop UI. Depends on the core (``publisher``); the core never depends on it."""
