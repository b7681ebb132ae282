"""Shared test set-up: offscreen Qt, an in-memory keyring, and no writes to the real user data folder."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PUBLISHER_LANG", "en")
os.environ["PUBLISHER_DATA_DIR"] = tempfile.mkdtemp(prefix="publisher-test-data-")
os.environ.pop("PUBLISHER_DB", None)
