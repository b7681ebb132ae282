"""The ``feed`` channel: Markdown files with front matter plus an Atom feed, in a folder the user chooses.

It needs no account. A static site generator or any feed reader takes it from there. Every file is written
atomically (temporary file, fsync, rename), and an entry's Atom id is derived from the delivery's idempotency
key, so publishing the same delivery twice never makes a second entry or a second file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from publisher.channels.protocol import (
    Capabilities,
    ChannelConfig,
    FieldSpec,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.errors import InputError, Rejected, Transient

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
LOCK_FILE = ".publisher.lock"
MEDIA_FOLDER = "media"
MAX_ENTRIES = 100  # the feed keeps the newest entries; the Markdown files stay forever

ET.register_namespace("", ATOM_NS)
ET.register_namespace("publisher", "urn:publisher")


def _a(tag: str) -> str:
    return f"{{{ATOM_NS}}}{tag}"


def check_folder(path: str | None) -> Path:
    """The folder must exist and be writable; we never create it behind the user's back."""
    if not path or not path.strip():
        raise InputError("feed.path_required")
    folder = Path(path).expanduser()
    if not folder.exists():
        raise InputError("feed.folder_missing", path=str(folder))
    if not folder.is_dir():
        raise InputError("feed.not_a_folder", path=str(folder))
    try:
        fd, probe = tempfile.mkstemp(prefix=".publisher-probe-", dir=folder)
    except OSError:
        raise InputError("feed.folder_not_writable", path=str(folder)) from None
    os.close(fd)
    os.unlink(probe)
    return folder.resolve()


def slugify(text: str, max_length: int = 60) -> str:
    normalized = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", normalized.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "post"


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step.

    The file gets the permissions any saved file gets (0o666 less the umask), not mkstemp's owner-only 0o600:
    the folder is there to be served by a web server or read by a site generator running as another user.
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Serialise feed updates between runners sharing the folder (two windows, a headless runner)."""
    handle = open(folder / LOCK_FILE, "a+b")  # noqa: SIM115 - held for the lock's lifetime
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def _yaml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


class FeedConnector:
    def __init__(self, config: ChannelConfig) -> None:
        self.config = config
        self.folder = Path(config.settings["path"])

    # -- protocol -------------------------------------------------------------------------------

    def verify(self) -> VerifyResult:
        try:
            check_folder(str(self.folder))
        except InputError as exc:
            raise Rejected(exc.code, **exc.params) from None
        return VerifyResult(account=str(self.folder), details={"feed": str(self.folder / FEED_FILE)})

    def publish(self, request: PublishRequest) -> PublishResult:
        self._check_ready()
        try:
            with _folder_lock(self.folder):
                tree = self._load_feed()
                existing = self._find_entry(tree, request.key)
                if existing is not None:
                    return existing
                now = datetime.now(UTC)
                filename = self._filename(request)
                body = self._body_with_tracking(request)
                media = self._export_media(request)
                local = body + "".join(
                    _media_markdown(alt, f"{MEDIA_FOLDER}/{name}", mime) for name, alt, mime in media
                )
                linked = body + "".join(
                    _media_markdown(alt, self._url_for(f"{MEDIA_FOLDER}/{name}"), mime) for name, alt, mime in media
                )
                atomic_write(self.folder / filename, self._markdown_file(request, now, local).encode("utf-8"))
                self._add_entry(tree, request, filename, now, linked)
                atomic_write(self.folder / FEED_FILE, self._serialise(tree))
                return PublishResult(remote_id=filename, remote_url=self._url_for(filename))
        except PermissionError:
            raise Rejected("feed.folder_not_writable", path=str(self.folder)) from None
        except OSError as exc:
            raise Transient("feed.write_failed", path=str(self.folder), reason=exc.strerror or str(exc)) from None

    def find_published(self, request: PublishRequest) -> PublishResult | None:
        self._check_ready()
        return self._find_entry(self._load_feed(), request.key)

    # -- helpers --------------------------------------------------------------------------------

    def _check_ready(self) -> None:
        if not self.folder.is_dir():
            raise Transient("feed.folder_missing", path=str(self.folder))

    def _filename(self, request: PublishRequest) -> str:
        slug = slugify(request.title or request.text.strip().splitlines()[0] if request.text.strip() else "")
        short = re.sub(r"[^A-Za-z0-9]", "", request.key)[-8:]
        return f"{request.date.astimezone(UTC):%Y-%m-%d}-{slug}-{short}.md"

    def _url_for(self, filename: str) -> str:
        if self.config.base_url:
            return self.config.base_url.rstrip("/") + "/" + quote(filename)
        return (self.folder / filename).as_uri()

    @staticmethod
    def _entry_id(key: str) -> str:
        return f"urn:publisher:{key}"

    def _body_with_tracking(self, request: PublishRequest) -> str:
        """The Markdown with the brand's UTM parameters on every link (never twice)."""
        if not any(request.utm.values()):
            return request.text.rstrip()
        from publisher.text import UtmTemplate, render

        template = UtmTemplate.from_mapping(request.utm)
        rendered = render(request.text, "feed", utm=template, campaign=request.campaign, channel=request.channel_name)
        return rendered.parts[0].text.rstrip()

    def _export_media(self, request: PublishRequest) -> list[tuple[str, str, str]]:
        """Copy the post's media into ``media/`` beside the posts (with the brand's frame on images).

        Names come from the content hash, so a retry finds its files in place instead of copying twice.
        """
        if not request.media:
            return []
        folder = self.folder / MEDIA_FOLDER
        folder.mkdir(exist_ok=True)
        exported = []
        for item in request.media:
            name = f"{item.sha256[:12]}-{slugify(Path(item.filename).stem, 40)}{Path(item.filename).suffix.lower()}"
            target = folder / name
            if not target.exists():
                source = Path(item.path)
                if not source.is_file():
                    raise Rejected("feed.media_missing", path=str(source), filename=item.filename)
                tmp = folder / f".{name}.{uuid.uuid4().hex[:12]}.tmp{target.suffix}"
                try:
                    if request.frame and item.mime_type.startswith("image/"):
                        from publisher.domain.brand import ImageFrame
                        from publisher.media import apply_frame

                        apply_frame(source, ImageFrame.from_json(request.frame), tmp)
                    else:
                        shutil.copyfile(source, tmp)
                    os.replace(tmp, target)
                finally:
                    with contextlib.suppress(OSError):
                        tmp.unlink()
            exported.append((name, item.alt_text or "", item.mime_type))
        return exported

    def _markdown_file(self, request: PublishRequest, now: datetime, body: str) -> str:
        lines = ["---"]
        if request.title:
            lines.append(f"title: {_yaml_str(request.title)}")
        lines += [
            f"date: {now.isoformat(timespec='seconds')}",
            f"id: {_yaml_str(self._entry_id(request.key))}",
            f"channel: {_yaml_str(request.channel_name)}",
            f"publisher_post: {request.post_id}",
            "---",
            "",
            body.rstrip() + "\n",
        ]
        return "\n".join(lines)

    def _load_feed(self) -> ET.ElementTree[ET.Element]:
        path = self.folder / FEED_FILE
        if not path.exists():
            root = ET.Element(_a("feed"))
            ET.SubElement(root, _a("title")).text = self.config.name
            ET.SubElement(root, _a("id")).text = f"urn:publisher:feed:{slugify(self.config.name)}"
            ET.SubElement(root, _a("updated")).text = datetime.now(UTC).isoformat(timespec="seconds")
            ET.SubElement(root, _a("generator")).text = "Publisher"
            if self.config.base_url:
                link = ET.SubElement(root, _a("link"))
                link.set("rel", "self")
                link.set("href", self.config.base_url.rstrip("/") + "/" + FEED_FILE)
            return ET.ElementTree(root)
        try:
            tree = ET.parse(path)
        except ET.ParseError:
            raise Rejected("feed.corrupt", path=str(path)) from None
        if tree.getroot().tag != _a("feed"):
            raise Rejected("feed.corrupt", path=str(path))
        return tree

    def _find_entry(self, tree: ET.ElementTree[ET.Element], key: str) -> PublishResult | None:
        wanted = self._entry_id(key)
        for entry in tree.getroot().iter(_a("entry")):
            if (entry.findtext(_a("id")) or "").strip() == wanted:
                filename = entry.findtext("{urn:publisher}file") or ""
                link = entry.find(_a("link"))
                href = link.get("href") if link is not None else None
                return PublishResult(remote_id=filename or wanted, remote_url=href)
        return None

    def _add_entry(
        self, tree: ET.ElementTree[ET.Element], request: PublishRequest, filename: str, now: datetime, body: str
    ) -> None:
        root = tree.getroot()
        stamp = now.isoformat(timespec="seconds")
        entry = ET.Element(_a("entry"))
        ET.SubElement(entry, _a("id")).text = self._entry_id(request.key)
        ET.SubElement(entry, _a("title")).text = request.title or _first_line(request.text)
        ET.SubElement(entry, _a("published")).text = stamp
        ET.SubElement(entry, _a("updated")).text = stamp
        link = ET.SubElement(entry, _a("link"))
        link.set("rel", "alternate")
        link.set("href", self._url_for(filename))
        content = ET.SubElement(entry, _a("content"))
        content.set("type", "html")
        import markdown  # imported on first publish, not at start-up

        content.text = markdown.markdown(body, extensions=["extra"], output_format="html")
        ET.SubElement(entry, "{urn:publisher}file").text = filename
        ET.SubElement(entry, "{urn:publisher}post").text = str(request.post_id)
        ET.SubElement(entry, "{urn:publisher}date").text = request.date.astimezone(UTC).isoformat(timespec="seconds")
        # Newest first, by the time meant and then by post: the order stays right when the engine publishes several
        # posts of one feed at once and they finish in any order.
        order = _entry_order(entry)
        children = list(root)
        position = next(
            (i for i, c in enumerate(children) if c.tag == _a("entry") and _entry_order(c) <= order), len(children)
        )
        root.insert(position, entry)
        entries = root.findall(_a("entry"))
        for old in entries[MAX_ENTRIES:]:
            root.remove(old)
        updated = root.find(_a("updated"))
        if updated is None:
            updated = ET.SubElement(root, _a("updated"))
        updated.text = stamp

    @staticmethod
    def _serialise(tree: ET.ElementTree[ET.Element]) -> bytes:
        ET.indent(tree)
        data: bytes = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
        return data


def _media_markdown(alt: str, url: str, mime: str) -> str:
    if mime.startswith("image/"):
        safe_alt = alt.replace("[", "(").replace("]", ")").replace("\n", " ")
        return f"\n\n![{safe_alt}]({url})"
    return f"\n\n[{Path(url).name}]({url})"


def _entry_order(entry: ET.Element) -> tuple[str, int]:
    """(the time the post was meant for, in UTC; post id): what "newest first" sorts by. Entries written before
    these were recorded sort by their publication time."""
    post = (entry.findtext("{urn:publisher}post") or "").strip()
    meant = entry.findtext("{urn:publisher}date") or entry.findtext(_a("published")) or ""
    return (meant, int(post) if post.isdigit() else 0)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:120]
    return "Untitled"


class FeedKind:
    kind = "feed"
    display_name = "Feed folder (Markdown + Atom)"
    fields: tuple[FieldSpec, ...] = (FieldSpec("path", required=True), FieldSpec("url", required=False))
    needs_secret = False
    idempotent_publish = True
    capabilities = Capabilities(media=True)

    def validate(
        self, *, base_url: str | None, handle: str | None, path: str | None
    ) -> tuple[str | None, str | None, dict[str, Any]]:
        folder = check_folder(path)
        if base_url:
            parts = urlsplit(base_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise InputError("channel.bad_url", url=base_url)
        return (base_url or None, handle or None, {"path": str(folder)})

    def connect(self, config: ChannelConfig, secret: str | None) -> FeedConnector:
        return FeedConnector(config)
