"""The Posts view's review steps: approve, send back with a comment, the review thread, cancel, match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import update

from publisher.db.models import Delivery
from publisher.domain import DeliveryState, PostStatus
from publisher.services import Services
from ui.main_window import MainWindow


@pytest.fixture
def blog(window: MainWindow, tmp_path: Path) -> Path:
    folder = tmp_path / "blog"
    folder.mkdir()
    window.services.channels.add("feed", name="Blog", path=str(folder))
    return folder


def _open(window: MainWindow, post_id: int) -> None:
    window.refresh_all()
    window.show_view("posts")
    window.posts.select_post(post_id)


def test_an_editor_approves_a_submitted_post_and_it_is_published(qtbot: Any, window: MainWindow, blog: Path) -> None:
    services: Services = window.services
    services.workspace.set_workflow(approval_required=True)
    post = services.posts.create("Quarterly results are out.", channels=["Blog"], submit=True)
    _open(window, post.id)
    view = window.posts
    assert view.approve_button.isVisible() and view.send_back_button.isVisible()
    assert not view.submit_button.isVisible()
    assert "submitted it for review" in view.comments.item(0).text()

    view.approve_button.click()
    assert services.posts.get(post.id).status == PostStatus.SCHEDULED
    assert not view.approve_button.isVisible()
    services.engine().run_once()
    assert len(list(blog.glob("*.md"))) == 1


def test_send_back_asks_for_a_comment_and_shows_it_in_the_thread(
    qtbot: Any, window: MainWindow, blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = window.services
    post = services.posts.create("Draft for review", channels=["Blog"], submit=True)
    _open(window, post.id)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Add the date, please.", True))
    window.posts.send_back_button.click()
    assert services.posts.get(post.id).status == PostStatus.DRAFT
    texts = [window.posts.comments.item(i).text() for i in range(window.posts.comments.count())]
    assert any("sent it back: Add the date, please." in t for t in texts)
    assert window.posts.submit_button.isVisible()

    window.posts.comment_edit.setText("Done, date added.")
    window.posts.comment_edit.returnPressed.emit()
    assert [c.body for c in services.posts.comments(post.id)][-1] == "Done, date added."
    assert window.posts.comment_edit.text() == ""


def test_cancel_asks_first_and_no_changes_nothing(
    qtbot: Any, window: MainWindow, blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = window.services
    post = services.posts.create("Later", channels=["Blog"], at=services.clock.now().replace(year=2030))
    _open(window, post.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.posts.cancel_button.click()
    assert services.posts.get(post.id).deliveries[0].state == DeliveryState.SCHEDULED
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.posts.cancel_button.click()
    assert services.posts.get(post.id).deliveries[0].state == DeliveryState.CANCELLED
    assert not window.posts.cancel_button.isVisible()


def test_an_unconfirmed_delivery_is_matched_to_the_post_found_on_the_network(
    qtbot: Any, window: MainWindow, blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = window.services
    post = services.posts.create("Did it arrive?", channels=["Blog"])
    with services.db.session(write=True) as session:
        session.execute(update(Delivery).values(state=DeliveryState.UNCONFIRMED, last_error_code="engine.interrupted"))
    _open(window, post.id)
    view = window.posts
    assert view.match_button.isVisible() and view.retry_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("not a link", True))
    view.match_button.click()
    assert "is not a web address" in view.detail_message.text()
    assert services.posts.get(post.id).deliveries[0].state == DeliveryState.UNCONFIRMED

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("https://blog.example.org/did-it-arrive", True))
    view.match_button.click()
    done = services.posts.get(post.id).deliveries[0]
    assert (done.state, done.remote_url) == (DeliveryState.PUBLISHED, "https://blog.example.org/did-it-arrive")


def test_edit_text_changes_the_post_and_shows_in_the_thread(
    qtbot: Any, window: MainWindow, blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = window.services
    post = services.posts.create("Frist draft", channels=["Blog"], at=services.clock.now().replace(year=2030))
    _open(window, post.id)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("First draft", True))
    window.posts.edit_button.click()
    assert services.posts.get(post.id).body == "First draft"
    texts = [window.posts.comments.item(i).text() for i in range(window.posts.comments.count())]
    assert any("edited the text" in t for t in texts)
