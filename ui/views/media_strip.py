"""The composer's media drop zone: thumbnails, alt text per image, add and remove."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import describe_exception
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.media import MediaInfo

THUMB = QSize(96, 72)
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Attachment:
    path: Path
    info: MediaInfo
    thumbnail: QImage
    alt: str = ""


def _load(path: Path) -> tuple[MediaInfo, QImage]:
    """Runs on the pool: sniff the file and make a small thumbnail (QImage is safe off the GUI thread)."""
    from publisher.media import inspect_media

    info = inspect_media(path)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        image = QImage(THUMB, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.darkGray)
    return info, image


class _DropList(QListWidget):
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class MediaStrip(QWidget):
    changed = Signal()  # attachments or alt texts changed

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.list = _DropList()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMB.height() + 34)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setToolTip(self.tr("Drop images or videos here"))
        self.list.files_dropped.connect(self.add_files)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.hint = QLabel(self.tr("Drop images or videos here, or add them with the button."))
        self.hint.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add media…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.alt_edit = QLineEdit()
        self.alt_edit.setPlaceholderText(self.tr("Alt text: describe the image for people who cannot see it"))
        self.alt_edit.textEdited.connect(self._on_alt_edited)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.alt_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_controls()

    # -- public ---------------------------------------------------------------------------------------

    def attachments(self) -> list[Attachment]:
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            attachment = item.data(ATTACHMENT_ROLE)
            if isinstance(attachment, Attachment):
                result.append(attachment)
        return result

    def clear(self) -> None:
        self.list.clear()
        self.message.clear()
        self._update_controls()
        self.changed.emit()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self._load_one(path)

    def _load_one(self, path: Path) -> None:
        self._tasks.run(
            lambda: _load(path),
            on_done=lambda loaded: self._on_loaded(path, loaded),
            on_failed=lambda exc: self.message.setText(describe_exception(exc)),
        )

    def set_alt(self, row: int, alt: str) -> None:
        item = self.list.item(row)
        attachment = item.data(ATTACHMENT_ROLE)
        attachment.alt = alt
        item.setToolTip(alt or self.tr("No alt text yet"))
        if self.list.currentRow() == row:
            self.alt_edit.setText(alt)
        self.changed.emit()

    # -- slots ----------------------------------------------------------------------------------------

    def _on_loaded(self, path: Path, loaded: tuple[MediaInfo, QImage]) -> None:
        info, image = loaded
        if any(a.info.sha256 == info.sha256 for a in self.attachments()):
            self.message.setText(self.tr("%1 is attached already.").replace("%1", path.name))
            return
        attachment = Attachment(path=path, info=info, thumbnail=image)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), path.name)
        item.setData(ATTACHMENT_ROLE, attachment)
        item.setToolTip(self.tr("No alt text yet"))
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.message.clear()
        self._update_controls()
        self.alt_edit.setFocus()
        self.changed.emit()

    def _on_add_clicked(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add media"),
            "",
            self.tr("Images and videos (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.mov *.webm);;All files (*)"),
        )
        self.add_files([Path(f) for f in files])

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._update_controls()
            self.changed.emit()

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        attachment = current.data(ATTACHMENT_ROLE) if current is not None else None
        self.alt_edit.setText(attachment.alt if isinstance(attachment, Attachment) else "")
        self._update_controls()

    def _on_alt_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.set_alt(row, text)

    def _update_controls(self) -> None:
        has_items = self.list.count() > 0
        self.hint.setVisible(not has_items)
        selected = self.list.currentRow() >= 0
        self.remove_button.setEnabled(selected)
        self.alt_edit.setEnabled(selected)
