"""Translated names for states and statuses shown in lists."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from publisher.domain import DeliveryState, PostStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def delivery_state(state: DeliveryState | str) -> str:
    names = {
        DeliveryState.DRAFT: _t("Draft"),
        DeliveryState.IN_REVIEW: _t("In review"),
        DeliveryState.APPROVED: _t("Approved"),
        DeliveryState.SCHEDULED: _t("Scheduled"),
        DeliveryState.PUBLISHING: _t("Publishing…"),
        DeliveryState.PUBLISHED: _t("Published"),
        DeliveryState.FAILED: _t("Failed"),
        DeliveryState.UNCONFIRMED: _t("Unconfirmed"),
        DeliveryState.CANCELLED: _t("Cancelled"),
    }
    return names.get(DeliveryState(state), str(state))


def post_status(status: PostStatus | str) -> str:
    names = {
        PostStatus.DRAFT: _t("Draft"),
        PostStatus.IN_REVIEW: _t("In review"),
        PostStatus.APPROVED: _t("Approved"),
        PostStatus.SCHEDULED: _t("Scheduled"),
        PostStatus.PUBLISHING: _t("Publishing…"),
        PostStatus.PUBLISHED: _t("Published"),
        PostStatus.PARTIALLY_PUBLISHED: _t("Partly published"),
        PostStatus.FAILED: _t("Failed"),
        PostStatus.NEEDS_ATTENTION: _t("Needs attention"),
        PostStatus.CANCELLED: _t("Cancelled"),
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
