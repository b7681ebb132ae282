"""Media files: what a file is (by its bytes, not its name), where its bytes are kept, and the brand's frame.

- :func:`inspect_media` sniffs PNG, JPEG, GIF, WebP, MP4, MOV and WebM by their signatures and reads sizes from
  headers only (a 100-megapixel photo is never decoded). Anything else, anything unreadable and anything larger
  than :data:`MAX_MEDIA_BYTES` raises :class:`InputError` with a ``media.*`` code before more than a few bytes are
  read.
- :class:`MediaStore` keeps each file's bytes once, under ``<data dir>/media/<sha256[:2]>/<sha256>``, written
  atomically.
- :func:`apply_frame` draws a brand's border and watermark on an image when it is exported or uploaded.

The per-network rules live in :mod:`publisher.domain.media` and are re-exported here. Pillow is imported only
when an image is opened, so importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from publisher.config import data_dir
from publisher.domain._media_messages import MEDIA_MESSAGES
from publisher.domain.media import (
    ALL_TYPES,
    DEFAULT_MEDIA_LIMITS,
    GIF,
    IMAGE_TYPES,
    JPEG,
    MEDIA_LIMITS,
    MOV,
    MP4,
    PNG,
    TYPE_NAMES,
    VIDEO_TYPES,
    WEBM,
    WEBP,
    MediaInfo,
    MediaLimits,
    human_size,
    limits_for,
    media_problems,
)
from publisher.errors import ConfigError, InputError

if TYPE_CHECKING:
    from PIL.Image import Image

    from publisher.domain.brand import ImageFrame

__all__ = [
    "ALL_TYPES",
    "DEFAULT_MEDIA_LIMITS",
    "IMAGE_TYPES",
    "MAX_ALT_TEXT",
    "MAX_MEDIA_BYTES",
    "MEDIA_LIMITS",
    "MEDIA_MESSAGES",
    "VIDEO_TYPES",
    "MediaInfo",
    "MediaInput",
    "MediaLimits",
    "MediaStore",
    "StoredMedia",
    "apply_frame",
    "inspect_media",
    "limits_for",
    "media_problems",
]

MAX_MEDIA_BYTES: Final = 200 * 1024 * 1024  # Publisher's own cap per file, whatever the network
MAX_ALT_TEXT: Final = 5000  # more than any network takes; the per-network limit is a media problem
MAX_MOOV_BYTES: Final = 64 * 1024 * 1024  # an MP4's index larger than this is not read (dimensions stay unknown)
_CHUNK: Final = 1024 * 1024
_PIL_FORMATS: Final = {PNG: "PNG", JPEG: "JPEG", GIF: "GIF", WEBP: "WEBP"}
# ISO base media "brands" of still images and audio: an ftyp box, but not a video we take.
_NOT_VIDEO_BRANDS: Final = {
    b"heic": "HEIC image",
    b"heix": "HEIC image",
    b"hevc": "HEIC image",
    b"heim": "HEIC image",
    b"heis": "HEIC image",
    b"mif1": "HEIF image",
    b"msf1": "HEIF image",
    b"avif": "AVIF image",
    b"avis": "AVIF image",
    b"M4A ": "M4A audio",
    b"M4B ": "M4B audio",
    b"M4P ": "M4P audio",
}
_QUICKTIME_ATOMS: Final = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


@dataclass(frozen=True, slots=True)
class MediaInput:
    """A file to attach to a post, with its alt text."""

    path: str | os.PathLike[str]
    alt_text: str | None = None


# -- inspecting ----------------------------------------------------------------------------------------------


def inspect_media(path: str | os.PathLike[str]) -> MediaInfo:
    """What the file at ``path`` is: its type (by content), size, and dimensions/duration where headers tell.

    Raises :class:`InputError`: ``media.missing``, ``media.not_a_file``, ``media.unreadable``, ``media.empty``,
    ``media.too_large`` (checked before reading), ``media.not_media``, ``media.unsupported_type`` (HEIC, AVIF,
    Matroska, audio …), ``media.corrupt`` (a known signature but an unreadable header).
    """
    file = Path(path)
    shown = str(file)
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise InputError("media.missing", path=shown) from None
    except OSError as exc:
        raise InputError("media.unreadable", path=shown, reason=exc.strerror or type(exc).__name__) from None
    if file.is_dir():
        raise InputError("media.not_a_file", path=shown)
    if stat.st_size > MAX_MEDIA_BYTES:
        raise InputError(
            "media.too_large",
            path=shown,
            size=stat.st_size,
            max=MAX_MEDIA_BYTES,
            size_human=human_size(stat.st_size),
            max_human=human_size(MAX_MEDIA_BYTES),
        )
    if stat.st_size == 0:
        raise InputError("media.empty", path=shown)
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    animated = False
    try:
        with file.open("rb") as f:
            head = f.read(4096)
            mime = _sniff(head, shown)
            if mime in IMAGE_TYPES:
                width, height, animated = _image_size(file, mime, shown)
            elif mime in (MP4, MOV):
                width, height, duration_ms = _mp4_info(f, stat.st_size)
            # WebM: Matroska's EBML is not parsed; its size and duration stay unknown
    except OSError as exc:
        raise InputError("media.unreadable", path=shown, reason=exc.strerror or type(exc).__name__) from None
    return MediaInfo(
        mime_type=mime,
        size=stat.st_size,
        filename=file.name,
        width=width,
        height=height,
        duration_ms=duration_ms,
        animated=animated,
    )


def _sniff(head: bytes, shown: str) -> str:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _NOT_VIDEO_BRANDS:
            raise InputError("media.unsupported_type", path=shown, type=_NOT_VIDEO_BRANDS[brand])
        return MOV if brand == b"qt  " else MP4
    if len(head) >= 8 and head[4:8] in _QUICKTIME_ATOMS:
        return MOV  # QuickTime files older than the ftyp box
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM or another Matroska file
        doctype = head.find(b"\x42\x82")  # the EBML DocType element
        if doctype >= 0 and b"webm" in head[doctype : doctype + 16].lower():
            return WEBM
        raise InputError("media.unsupported_type", path=shown, type="Matroska video")
    raise InputError("media.not_media", path=shown)


def _image_size(file: Path, mime: str, shown: str) -> tuple[int, int, bool]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file, formats=[_PIL_FORMATS[mime]]) as image:  # reads the header only
            width, height = image.size
            animated = bool(getattr(image, "is_animated", False))
            if mime in (JPEG, WEBP) and image.getexif().get(0x0112) in (5, 6, 7, 8):
                width, height = height, width  # shown rotated by 90°: that is what networks see
    except Image.DecompressionBombError:
        raise InputError(
            "media.too_many_pixels_to_open", path=shown, max_pixels=2 * (Image.MAX_IMAGE_PIXELS or 0)
        ) from None
    except (UnidentifiedImageError, SyntaxError, ValueError, EOFError, struct.error):
        raise InputError("media.corrupt", path=shown, type=TYPE_NAMES[mime]) from None
    if width <= 0 or height <= 0:
        raise InputError("media.corrupt", path=shown, type=TYPE_NAMES[mime])
    return width, height, animated


def _mp4_info(f: BinaryIO, size: int) -> tuple[int | None, int | None, int | None]:
    """Width, height (of the first video track, after its rotation) and duration from an MP4/MOV ``moov`` box."""
    position = 0
    while position + 8 <= size:
        f.seek(position)
        header = f.read(16)
        if len(header) < 8:
            break
        box_size, box_type = struct.unpack(">I4s", header[:8])
        header_size = 8
        if box_size == 1 and len(header) == 16:
            box_size = struct.unpack(">Q", header[8:16])[0]
            header_size = 16
        elif box_size == 0:
            box_size = size - position
        if box_size < header_size:
            break
        if box_type == b"moov":
            if box_size > MAX_MOOV_BYTES:
                break
            f.seek(position + header_size)
            return _parse_moov(f.read(box_size - header_size))
        position += box_size
    return None, None, None


def _boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    boxes: list[tuple[bytes, bytes]] = []
    position = 0
    while position + 8 <= len(data):
        box_size, box_type = struct.unpack(">I4s", data[position : position + 8])
        header_size = 8
        if box_size == 1 and position + 16 <= len(data):
            box_size = struct.unpack(">Q", data[position + 8 : position + 16])[0]
            header_size = 16
        elif box_size == 0:
            box_size = len(data) - position
        if box_size < header_size or position + box_size > len(data):
            break
        boxes.append((box_type, data[position + header_size : position + box_size]))
        position += box_size
    return boxes


def _parse_moov(moov: bytes) -> tuple[int | None, int | None, int | None]:
    width = height = duration_ms = None
    try:
        for box_type, body in _boxes(moov):
            if box_type == b"mvhd" and body:
                if body[0] == 1:
                    timescale, duration = struct.unpack(">IQ", body[20:32])
                else:
                    timescale, duration = struct.unpack(">II", body[12:20])
                if timescale:
                    duration_ms = duration * 1000 // timescale
            elif box_type == b"trak" and width is None:
                for child_type, child in _boxes(body):
                    if child_type == b"tkhd" and child:
                        offset = 88 if child[0] == 1 else 76  # width after the matrix; version 1 has 64-bit times
                        matrix = struct.unpack(">9i", child[offset - 36 : offset])
                        w, h = struct.unpack(">II", child[offset : offset + 8])
                        w, h = w >> 16, h >> 16  # 16.16 fixed point
                        if w and h:
                            if matrix[0] == 0 and matrix[4] == 0:  # rotated by 90° or 270°
                                w, h = h, w
                            width, height = w, h
    except struct.error:
        return width, height, duration_ms
    return width, height, duration_ms


# -- storing -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredMedia:
    sha256: str
    storage_path: str  # relative to the store's base (the data directory): media/<sha256[:2]>/<sha256>
    size: int
    created: bool  # False when the same bytes were stored already


class MediaStore:
    """Content-addressed file storage under ``<base>/media`` (``base`` defaults to the data directory)."""

    FOLDER: Final = "media"

    def __init__(self, base: str | os.PathLike[str] | None = None) -> None:
        self._base = Path(base) if base is not None else None

    @property
    def base(self) -> Path:
        return self._base if self._base is not None else data_dir()

    @property
    def root(self) -> Path:
        return self.base / self.FOLDER

    def path_of(self, storage_path: str) -> Path:
        """The file for a ``storage_path`` from the database; refuses paths that would leave the media folder."""
        parts = Path(storage_path).parts
        if len(parts) != 3 or parts[0] != self.FOLDER or Path(storage_path).is_absolute() or ".." in parts:
            raise InputError("media.bad_storage_path", path=storage_path)
        return self.base / storage_path

    def put(self, source: str | os.PathLike[str]) -> StoredMedia:
        """Copies ``source`` in (once: the same bytes are never stored twice). Atomic: a crash leaves either no
        file or the whole file, never a part of one under its final name."""
        shown = str(source)
        try:
            src = open(source, "rb")  # noqa: SIM115 - opened apart, so a missing source is not a store error
        except FileNotFoundError:
            raise InputError("media.missing", path=shown) from None
        except OSError as exc:
            raise InputError("media.unreadable", path=shown, reason=exc.strerror or type(exc).__name__) from None
        with src:
            return self._copy_in(src, shown)

    def _copy_in(self, src: BinaryIO, shown: str) -> StoredMedia:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        except OSError as exc:
            raise ConfigError("media.store_failed", path=shown, reason=exc.strerror or type(exc).__name__) from None
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(handle, "wb") as dst:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_MEDIA_BYTES:
                        raise InputError(
                            "media.too_large",
                            path=shown,
                            size=size,
                            max=MAX_MEDIA_BYTES,
                            size_human=f"more than {human_size(MAX_MEDIA_BYTES)}",
                            max_human=human_size(MAX_MEDIA_BYTES),
                        )
                    digest.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            sha256 = digest.hexdigest()
            storage_path = f"{self.FOLDER}/{sha256[:2]}/{sha256}"
            target = self.base / storage_path
            if target.exists():
                os.unlink(temporary)
                return StoredMedia(sha256, storage_path, size, created=False)
            target.parent.mkdir(exist_ok=True)
            os.replace(temporary, target)
            return StoredMedia(sha256, storage_path, size, created=True)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            if isinstance(exc, OSError):
                raise ConfigError("media.store_failed", path=shown, reason=exc.strerror or type(exc).__name__) from None
            raise

    def discard(self, stored: StoredMedia) -> None:
        """Undoes a :meth:`put` that created its file (when the post it was for could not be saved)."""
        if not stored.created:
            return
        target = self.path_of(stored.storage_path)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            target.parent.rmdir()  # only when empty

    def exists(self, sha256: str) -> bool:
        return (self.root / sha256[:2] / sha256).is_file()


# -- the brand's frame ---------------------------------------------------------------------------------------


def apply_frame(src_path: str | os.PathLike[str], frame: ImageFrame, dest_path: str | os.PathLike[str]) -> MediaInfo:
    """Writes ``src_path`` with ``frame``'s border and watermark to ``dest_path`` (same format) and returns what
    was written. The image is turned upright first (EXIF orientation) and written without EXIF data.

    Videos and animated images are copied unchanged: a frame on every frame is not supported yet.
    """
    from PIL import Image, ImageOps

    info = inspect_media(src_path)
    dest = Path(dest_path)
    if info.category != "image" or info.animated:
        _atomic_copy(Path(src_path), dest)
        return inspect_media(dest)
    with Image.open(src_path, formats=[_PIL_FORMATS[info.mime_type]]) as opened:
        upright = ImageOps.exif_transpose(opened)
        had_alpha = "A" in upright.getbands() or "transparency" in upright.info
        image = upright.convert("RGBA")
    if frame.border_width:
        image = ImageOps.expand(image, border=frame.border_width, fill=_rgba(frame.border_color))
    if frame.watermark_text:
        image = _text_watermark(image, frame)
    elif frame.watermark_image:
        image = _image_watermark(image, frame)
    _atomic_save(image if had_alpha else image.convert("RGB"), dest, info.mime_type)
    return inspect_media(dest)


def _rgba(colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), alpha


def _place(image: Image, size: tuple[int, int], frame: ImageFrame) -> tuple[int, int]:
    """Top-left corner for a watermark of ``size`` inside the picture (not on the border), with a margin."""
    inner = frame.border_width
    margin = inner + max(4, min(image.width, image.height) // 40)
    w, h = size
    x = {"left": margin, "right": image.width - margin - w}
    y = {"top": margin, "bottom": image.height - margin - h}
    if frame.position == "center":
        return (image.width - w) // 2, (image.height - h) // 2
    vertical, horizontal = frame.position.split("-")
    return max(0, x[horizontal]), max(0, y[vertical])


def _text_watermark(image: Image, frame: ImageFrame) -> Image:
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    text = frame.watermark_text or ""
    target_width = max(1, int((image.width - 2 * frame.border_width) * frame.scale))
    probe = ImageFont.load_default(size=100)
    left, top, right, bottom = ImageDraw.Draw(image).textbbox((0, 0), text, font=probe)
    font_size = max(6, int(100 * target_width / max(1, right - left)))
    font = ImageFont.load_default(size=font_size)
    overlay = PILImage.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x, y = _place(image, (int(right - left), int(bottom - top)), frame)
    draw.text((x - left, y - top), text, font=font, fill=_rgba(frame.text_color, round(255 * frame.opacity)))
    return PILImage.alpha_composite(image, overlay)


def _image_watermark(image: Image, frame: ImageFrame) -> Image:
    from PIL import Image as PILImage

    path = Path(frame.watermark_image or "")
    try:
        info = inspect_media(path)
    except InputError as exc:
        if exc.code == "media.missing":
            raise InputError("brand.watermark_missing", path=str(path)) from None
        raise InputError("brand.watermark_not_image", path=str(path)) from None
    if info.category != "image":
        raise InputError("brand.watermark_not_image", path=str(path))
    with PILImage.open(path, formats=[_PIL_FORMATS[info.mime_type]]) as opened:
        mark = opened.convert("RGBA")
    target_width = max(1, int((image.width - 2 * frame.border_width) * frame.scale))
    target_height = max(1, round(mark.height * target_width / mark.width))
    mark = mark.resize((target_width, target_height), PILImage.Resampling.LANCZOS)
    alpha = mark.getchannel("A").point(lambda a: round(a * frame.opacity))
    mark.putalpha(alpha)
    overlay = PILImage.new("RGBA", image.size, (0, 0, 0, 0))
    overlay.paste(mark, _place(image, mark.size, frame))
    return PILImage.alpha_composite(image, overlay)


def _atomic_save(image: Image, dest: Path, mime: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{dest.name}-", dir=dest.parent)
    os.close(handle)
    try:
        if mime == JPEG:
            image.convert("RGB").save(temporary, "JPEG", quality=92)
        elif mime == GIF:
            from PIL import Image as PILImage

            image.convert("RGB").convert("P", palette=PILImage.Palette.ADAPTIVE, colors=256).save(temporary, "GIF")
        else:
            image.save(temporary, _PIL_FORMATS[mime])
        os.replace(temporary, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _atomic_copy(src: Path, dest: Path) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{dest.name}-", dir=dest.parent)
    os.close(handle)
    try:
        shutil.copyfile(src, temporary)
        os.replace(temporary, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
