"""Settings › Workflow: approval required, the grace period for missed posts, people and roles."""

from __future__ import annotations

from typing import Any

from publisher.domain import Role
from ui.main_window import MainWindow


def test_an_admin_turns_on_approval_sets_the_grace_period_and_gives_roles(qtbot: Any, window: MainWindow) -> None:
    window.show_view("settings")
    view = window.settings
    view.refresh()
    assert view.approval_check.isEnabled() and not view.approval_check.isChecked()
    assert view.grace_spin.value() == 120
    assert "(admin)" in view.me_label.text()

    view.approval_check.setChecked(True)
    view.grace_spin.setValue(45)
    view.grace_spin.editingFinished.emit()
    settings = window.services.workspace.workflow()
    assert settings.approval_required and settings.grace.total_seconds() == 45 * 60
    assert view.workflow_message.text() == "Saved."

    view.set_role("erin", Role.EDITOR)
    assert "erin (editor)" in view.people_label.text()


def test_someone_who_is_not_an_admin_sees_the_settings_but_cannot_change_them(qtbot: Any, window: MainWindow) -> None:
    services = window.services
    services.workspace.set_role("root-admin", "admin")
    services.workspace.set_role(services.workspace.actor, "author")
    window.settings.refresh()
    assert not window.settings.approval_check.isEnabled()
    assert not window.settings.role_button.isEnabled()
    assert "Only an admin" in window.settings.workflow_message.text()
