"""Translated names for states and statuses shown in lists."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from publisher.domain import DeliveryState, PostStatus


def delivery_state(state: DeliveryState | str) -> str:
    names = {
        DeliveryState.DRAFT: QCoreApplication.translate("labels", "Draft"),
        DeliveryState.IN_REVIEW: QCoreApplication.translate("labels", "In review"),
        DeliveryState.APPROVED: QCoreApplication.translate("labels", "Approved"),
        DeliveryState.SCHEDULED: QCoreApplication.translate("labels", "Scheduled"),
        DeliveryState.PUBLISHING: QCoreApplication.translate("labels", "Publishing…"),
        DeliveryState.PUBLISHED: QCoreApplication.translate("labels", "Published"),
        DeliveryState.FAILED: QCoreApplication.translate("labels", "Failed"),
        DeliveryState.UNCONFIRMED: QCoreApplication.translate("labels", "Unconfirmed"),
        DeliveryState.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }
    return names.get(DeliveryState(state), str(state))


def post_status(status: PostStatus | str) -> str:
    names = {
        PostStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        PostStatus.IN_REVIEW: QCoreApplication.translate("labels", "In review"),
        PostStatus.APPROVED: QCoreApplication.translate("labels", "Approved"),
        PostStatus.SCHEDULED: QCoreApplication.translate("labels", "Scheduled"),
        PostStatus.PUBLISHING: QCoreApplication.translate("labels", "Publishing…"),
        PostStatus.PUBLISHED: QCoreApplication.translate("labels", "Published"),
        PostStatus.PARTIALLY_PUBLISHED: QCoreApplication.translate("labels", "Partly published"),
        PostStatus.FAILED: QCoreApplication.translate("labels", "Failed"),
        PostStatus.NEEDS_ATTENTION: QCoreApplication.translate("labels", "Needs attention"),
        PostStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }
    return names.get(PostStatus(status), str(status))


def state_symbol(state: DeliveryState | str) -> str:
    return {
        DeliveryState.PUBLISHED: "✓",
        DeliveryState.FAILED: "✗",
        DeliveryState.UNCONFIRMED: "?",
        DeliveryState.PUBLISHING: "↻",
        DeliveryState.CANCELLED: "–",
    }.get(DeliveryState(state), "◷")


def local_datetime(value: datetime | None, fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat) -> str:
    """A UTC timestamp in the user's local time and locale format."""
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    return QLocale().toString(qdt, fmt)
