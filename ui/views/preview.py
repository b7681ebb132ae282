"""Per-channel live panels for the composer: counter, problems with one-click fixes, and a preview styled like the
network (avatar, name, text, link card placeholder, images with an ALT badge)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.problems import Fix, Problem, Severity
from ui.errors import problem_text

if TYPE_CHECKING:
    from publisher.compose import CheckResult

# Each network's own accent colour, used for the avatar and the card edge (identity colours, not UI chrome).
ACCENTS = {
    "mastodon": "#6364FF",
    "bluesky": "#1185FE",
    "x": "#0F1419",
    "threads": "#101010",
    "linkedin": "#0A66C2",
    "telegram": "#229ED9",
    "matrix": "#0DBD8B",
    "discord": "#5865F2",
    "wordpress": "#21759B",
    "feed": "#EE802F",
}
NETWORK_NAMES = {
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "telegram": "Telegram",
    "matrix": "Matrix",
    "discord": "Discord",
    "wordpress": "WordPress",
    "feed": "Feed",
}
HTML_KINDS = {"wordpress", "matrix", "telegram", "feed"}
URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")


@dataclass(frozen=True, slots=True)
class PreviewMedia:
    image: QImage
    alt: str


class Avatar(QWidget):
    """A round badge with initials in the network's colour."""

    def __init__(self, text: str, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._color = QColor(color)
        self.setFixedSize(36, 36)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addEllipse(QRectF(self.rect()))
        painter.fillPath(path, self._color)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)


class MediaThumb(QLabel):
    """A thumbnail with an ALT badge when the image has alt text (and a warning badge when it has none)."""

    def __init__(self, media: PreviewMedia, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alt = media.alt
        pixmap = QPixmap.fromImage(media.image).scaled(
            QSize(120, 90), Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(pixmap)
        self.setFixedSize(120, 90)
        self.setScaledContents(False)
        self.setToolTip(media.alt or self.tr("No alt text"))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = self.tr("ALT") if self._alt else self.tr("NO ALT")
        font = painter.font()
        font.setBold(True)
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(badge) + 10
        rect = QRectF(4, self.height() - 20, width, 16)
        painter.setBrush(QColor(0, 0, 0, 180) if self._alt else QColor(179, 38, 30, 220))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge)


class PostPreview(QFrame):
    """What a post looks like on the network, approximately: enough to see line breaks, links and media."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 10, 10, 10)
        self._layout.setSpacing(6)

    def show_post(
        self,
        *,
        kind: str,
        account: str,
        handle: str,
        texts: Sequence[str],
        title: str = "",
        media: Sequence[PreviewMedia] = (),
    ) -> None:
        _clear(self._layout)
        for index, text in enumerate(texts):
            self._layout.addWidget(
                self._post(kind, account, handle, text, title if index == 0 else "", media if index == 0 else ())
            )

    def _post(
        self, kind: str, account: str, handle: str, text: str, title: str, media: Sequence[PreviewMedia]
    ) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        initials = "".join(w[0] for w in account.split()[:2]).upper() or "?"
        avatar = Avatar(initials, ACCENTS.get(kind, "#777777"))
        layout.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(4)
        header = QLabel(f"<b>{html.escape(account)}</b> <span style='color:gray'>{html.escape(handle)}</span>")
        header.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(header)
        if title:
            heading = QLabel(html.escape(title))
            font = heading.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            heading.setFont(font)
            heading.setWordWrap(True)
            column.addWidget(heading)
        body = QLabel()
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if kind == "feed":  # the feed carries Markdown; show it as a reader would
            import markdown

            text = markdown.markdown(text, extensions=["extra"])
            body.setText(text)
        elif kind in HTML_KINDS:
            body.setText(text)
        else:
            escaped = html.escape(text)
            linked = URL_RE.sub(lambda m: f"<a href='{m.group(0)}'>{m.group(0)}</a>", escaped)
            body.setText(linked.replace("\n", "<br>"))
        column.addWidget(body)
        plain = re.sub(r"<[^>]+>", " ", text) if kind in HTML_KINDS else text
        link = URL_RE.search(html.unescape(plain))
        if link and not media:
            column.addWidget(self._link_card(link.group(0)))
        if media:
            row = QHBoxLayout()
            row.setSpacing(4)
            for item in media[:4]:
                row.addWidget(MediaThumb(item))
            row.addStretch(1)
            column.addLayout(row)
        layout.addLayout(column, 1)
        return box

    def _link_card(self, url: str) -> QWidget:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(8, 6, 8, 6)
        domain = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        label = QLabel(f"<span style='color:gray'>{html.escape(domain)}</span><br>" + self.tr("Link preview"))
        label.setTextFormat(Qt.TextFormat.RichText)
        inner.addWidget(label)
        return card


class ChannelPanel(QFrame):
    """One target's live panel: name, counter, problems (with fix buttons) and the preview."""

    fix_requested = Signal(str, object)  # target name, Fix
    customise_requested = Signal(str)  # target name

    def __init__(self, name: str, kind: str, *, channel: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.kind = kind
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        chip = QLabel()
        chip.setFixedSize(10, 10)
        chip.setStyleSheet(f"background: {ACCENTS.get(kind, '#777')}; border-radius: 5px;")
        title = QLabel(f"<b>{html.escape(name)}</b>" + ("" if not channel else f" · {NETWORK_NAMES.get(kind, kind)}"))
        title.setTextFormat(Qt.TextFormat.RichText)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        font = QFont(self.counter.font())
        font.setBold(True)
        self.counter.setFont(font)
        self.customise = QPushButton(self.tr("Own text…") if channel else "")
        self.customise.setVisible(channel)
        self.customise.setToolTip(self.tr("Write a variant of the post for this channel"))
        self.customise.clicked.connect(lambda: self.customise_requested.emit(self.name))
        top.addWidget(chip)
        top.addWidget(title, 1)
        top.addWidget(self.counter)
        top.addWidget(self.customise)
        layout.addLayout(top)
        self.problems = QVBoxLayout()
        self.problems.setSpacing(2)
        layout.addLayout(self.problems)
        self.preview = PostPreview()
        layout.addWidget(self.preview)
        self.result: CheckResult | None = None

    def show_result(
        self, result: CheckResult, *, account: str, handle: str, title: str, media: Sequence[PreviewMedia]
    ) -> None:
        self.result = result
        locale = QLocale()
        units = {
            "graphemes": self.tr("characters"),
            "characters": self.tr("characters"),
            "weighted": self.tr("characters (weighted)"),
            "bytes": self.tr("bytes"),
            "utf16": self.tr("characters"),
        }
        unit = units.get(result.unit, result.unit)
        if result.limit is None:
            text = f"{locale.toString(result.length)} {unit}"
        else:
            text = f"{locale.toString(result.length)} / {locale.toString(result.limit)}"
            self.counter.setToolTip(unit)
        if result.parts > 1:
            text += " · " + self.tr("%n post(s) as a thread", "", result.parts)
        self.counter.setText(text)
        over = result.limit is not None and result.length > result.limit
        self.counter.setStyleSheet("color: #b3261e;" if over else "")
        _clear(self.problems)
        for problem in result.problems:
            self.problems.addWidget(self._problem_row(problem))
        texts = [p.text for p in result.rendered.parts] or [""]
        self.preview.show_post(
            kind=result.target.kind, account=account, handle=handle, texts=texts, title=title, media=media
        )

    def _problem_row(self, problem: Problem) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        error = problem.severity == Severity.ERROR
        icon = problem_icon(error, self.tr("Blocks publishing") if error else self.tr("Warning"))
        message = QLabel(problem_text(problem.code, problem.params))
        message.setWordWrap(True)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(message, 1)
        if problem.fix is not None and problem.fix.code in FIXABLE:
            button = QPushButton(fix_label(problem.fix))
            fix: Fix = problem.fix
            button.clicked.connect(lambda: self.fix_requested.emit(self.name, fix))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row


def problem_icon(error: bool, tooltip: str) -> QLabel:
    """The style's own error or warning sign (an emoji may be missing from the user's fonts)."""
    label = QLabel()
    pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if error else QStyle.StandardPixmap.SP_MessageBoxWarning
    size = label.fontMetrics().height()
    label.setPixmap(label.style().standardIcon(pixmap).pixmap(size, size))
    label.setToolTip(tooltip)
    label.setAccessibleName(tooltip)
    return label


def _clear(layout: QVBoxLayout) -> None:
    """Take every widget out of ``layout`` at once (hidden now, deleted later)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


# Fixes the composer applies to the text itself; others (split, shorten) are advice shown in the message.
FIXABLE = {
    "add_signature",
    "append",
    "add_hashtags",
    "remove_word",
    "lowercase_word",
    "reduce_exclamations",
    "escape",
}


def fix_label(fix: Fix) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "add_signature": QCoreApplication.translate("fixes", "Add signature"),
        "append": QCoreApplication.translate("fixes", "Add it"),
        "add_hashtags": QCoreApplication.translate("fixes", "Add hashtags"),
        "remove_word": QCoreApplication.translate("fixes", "Remove"),
        "lowercase_word": QCoreApplication.translate("fixes", "Lower case"),
        "reduce_exclamations": QCoreApplication.translate("fixes", "Tone down"),
        "escape": QCoreApplication.translate("fixes", "Escape"),
    }
    return labels.get(fix.code, fix.code)
