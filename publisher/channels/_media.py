"""Reading an attachment for upload, with the brand's image frame applied (shared by the connectors)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from publisher.channels.protocol import MediaItem
from publisher.errors import Rejected


def media_bytes(item: MediaItem, frame: dict[str, Any] | None, *, missing_code: str) -> bytes:
    """The bytes to upload: the stored file, or for an image a framed copy when the brand has a frame.

    A file gone from the media store raises ``Rejected(missing_code)`` (the user must attach it again).
    """
    source = Path(item.path)
    if not source.is_file():
        raise Rejected(missing_code, filename=item.filename, path=str(source))
    if frame and item.mime_type.startswith("image/"):
        from publisher.domain.brand import ImageFrame
        from publisher.media import apply_frame

        with tempfile.TemporaryDirectory(prefix="publisher-frame-") as folder:
            target = Path(folder) / f"framed{source.suffix.lower()}"
            apply_frame(source, ImageFrame.from_json(frame), target)
            return target.read_bytes()
    return source.read_bytes()
